"""The FastAPI application: JSON API under `/api`, HTML pages elsewhere, one database read-only.

`create_app(path)` opens nothing for writing: each worker thread reads through its own read-only
connection (`deps.Readers`). Errors say what was wrong in the form the client asked for: JSON
under `/api` (`{"detail": …}`), a small HTML page elsewhere.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph.errors import InputError
from newsgraph.serve import api, pages
from newsgraph.serve.deps import HERE, Readers, templates
from newsgraph.serve.views import StoryCache

__all__ = ["create_app"]


def _error(request: Request, status: int, detail: object) -> Response:
    if request.url.path.startswith("/api"):
        return JSONResponse({"detail": detail}, status_code=status)
    if isinstance(detail, list):  # validation errors: one line per bad parameter
        detail = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}" for e in detail)
    return templates.TemplateResponse(request, "error.html", {"status": status, "detail": str(detail)},
                                      status_code=status)


def create_app(db_path: str | Path) -> FastAPI:
    """The newsgraph web app over the database at `db_path`, opened read-only.

    Raises `NewsgraphError` at once when there is no database there or its schema is not current.
    """
    readers = Readers(Path(db_path))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        readers.close()

    app = FastAPI(
        title="newsgraph",
        summary="Articles, stories, storylines, entities, quotes and events of a newsgraph database (read-only).",
        version="0.2.0",
        lifespan=lifespan,
    )
    app.state.readers = readers
    app.state.stories = StoryCache()

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors()]
        return _error(request, 422, errors)

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> Response:
        return _error(request, 400, str(exc))

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
