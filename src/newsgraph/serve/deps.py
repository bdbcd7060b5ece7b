"""What every route shares: the read-only database of the calling thread, and the templates.

Requests run in the server's worker threads, and a SQLite connection belongs to one thread at a
time, so each worker opens its own read-only connection (`mode=ro`) on first use and keeps it;
nothing here can write. Templates autoescape everything they print.
"""

from __future__ import annotations

import threading
from pathlib import Path

import jinja2
from fastapi import HTTPException, Request
from fastapi.templating import Jinja2Templates

from newsgraph.serve import links
from newsgraph.store import NewsDB, open_db

__all__ = ["HERE", "Readers", "db", "not_found", "templates"]

HERE = Path(__file__).resolve().parent


class Readers:
    """One read-only `NewsDB` per worker thread, all closed when the app stops."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[NewsDB] = []
        open_db(path, readonly=True).close()  # fail now, not on the first request

    def get(self) -> NewsDB:
        db = getattr(self._local, "db", None)
        if db is None:
            db = open_db(self.path, readonly=True, check_same_thread=False)
            self._local.db = db
            with self._lock:
                self._all.append(db)
        return db

    def close(self) -> None:
        with self._lock:
            for db in self._all:
                db.close()
            self._all.clear()
        self._local = threading.local()


def db(request: Request) -> NewsDB:
    """The calling thread's read-only database (a FastAPI dependency)."""
    readers: Readers = request.app.state.readers
    return readers.get()


def not_found(what: str, key: object) -> HTTPException:
    """The 404 of an unknown id, in the same words for the API and the pages."""
    return HTTPException(404, f"no {what} with id {key!r}")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True, undefined=jinja2.StrictUndefined
    )
    env.globals.update(article_url=links.article_url, entity_url=links.entity_url, story_url=links.story_url,
                       storyline_url=links.storyline_url, page_url=links.page_url)
    return env


templates = Jinja2Templates(env=_environment())
