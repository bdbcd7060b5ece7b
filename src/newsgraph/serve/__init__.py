"""Stage 5b, serve: REST API and web UI over the store (issue 6).

    >>> from newsgraph.serve import create_app, run
    >>> app = create_app("news.db")         # a FastAPI app; the database is opened read-only
    >>> run("news.db", port=8000)           # the same app under uvicorn on http://127.0.0.1:8000

JSON under `/api` (OpenAPI at `/openapi.json`, docs at `/docs`); pages at `/` (overview),
`/story/<id>`, `/storyline/<id>`, `/article/<id>`, `/entity/<id>`, `/entities`, `/articles`, `/search`.
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.serve.app import create_app

__all__ = ["create_app", "run"]


def run(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the database at `db_path` (read-only) until interrupted.

    Raises `NewsgraphError` before listening when there is no current database at `db_path`.
    """
    import uvicorn

    app = create_app(db_path)
    print(f"newsgraph: serving {db_path} at http://{host}:{port}/", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
