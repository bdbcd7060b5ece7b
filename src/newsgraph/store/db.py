"""`NewsDB`: one database file, its write operations (ingest, export) and the common reads.

The object owns one connection. Opened for writing it migrates the schema first; opened
read-only (`mode=ro`) it only checks that the schema is current, and every write refuses. A
web server opens read-only connections; only this module's writer changes the file.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from newsgraph.config import Config
from newsgraph.errors import NewsgraphError
from newsgraph.records import Article, ErrorRecord
from newsgraph.store.connection import connect
from newsgraph.store.export import export
from newsgraph.store.ingest import IngestReport, OnRecord, ingest_documents, ingest_records
from newsgraph.store.read import read_records
from newsgraph.store.schema import MIGRATIONS, applied, migrate
from newsgraph.store.search import SearchResults, search
from newsgraph.stories import StoryConfig

__all__ = ["TABLES", "NewsDB", "StorySummary", "open_db"]

Record = dict[str, Any]

# The tables `counts` reports: everything a record is stored in.
TABLES = (
    "articles", "outlets", "article_outlets", "evidence", "removed", "entities", "mentions", "quotes", "timexes",
    "quantities", "events", "event_participants", "stories", "storylines", "errors",
)


@dataclass(frozen=True, slots=True)
class StorySummary:
    """One story at a glance: size, outlets, dates, and the headline of its first article."""

    id: str
    storyline: str
    articles: int
    outlets: tuple[str, ...]
    first_published: str | None
    last_published: str | None
    title: str | None


_STORIES = (
    "SELECT s.id, s.storyline_id, count(a.pk), json_group_array(DISTINCT o.name), min(a.published), max(a.published),"
    " (SELECT f.title FROM articles f WHERE f.story_id = s.id ORDER BY f.pk LIMIT 1)"
    " FROM stories s JOIN articles a ON a.story_id = s.id LEFT JOIN outlets o ON o.id = a.outlet_id"
    " GROUP BY s.id ORDER BY count(a.pk) DESC, min(a.pk)"
)


class NewsDB:
    """A newsgraph database: `open_db(path)` gives one; use it as a context manager or `close()` it."""

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
        self.connection = conn
        self.path = path
        self.readonly = readonly

    def __enter__(self) -> NewsDB:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    @property
    def schema_version(self) -> int:
        """The highest migration the database has recorded."""
        return max(applied(self.connection), default=0)

    # -- writes ---------------------------------------------------------------------------

    def ingest(
        self,
        inputs: Sequence[str],
        fmt: str = "auto",
        *,
        config: Config = Config(),
        story_config: StoryConfig | None = None,
        jobs: int = 1,
        batch_size: int = 16,
        on_record: OnRecord | None = None,
    ) -> IngestReport:
        """Extract and store the documents under `inputs` the database lacks, then assign stories.

        `inputs` and `fmt` are those of `newsgraph.extract`. Each batch of `batch_size` documents
        is one transaction; `on_record` is called with each record as it is written.
        """
        self._writable()
        return ingest_documents(self.connection, list(inputs), fmt, config, story_config, jobs, batch_size, on_record)

    def ingest_records(
        self,
        records: Iterable[Article | ErrorRecord | Record],
        *,
        story_config: StoryConfig | None = None,
        batch_size: int = 256,
        on_record: OnRecord | None = None,
    ) -> IngestReport:
        """Store records already extracted (objects, or dicts read from `newsgraph extract` JSONL)."""
        self._writable()
        return ingest_records(self.connection, records, story_config, batch_size, on_record)

    def export(self, fmt: str, out: str | Path) -> list[Path]:
        """Write the database as jsonl (a file), parquet or csv (a directory of tables); the files written."""
        return export(self.connection, fmt, out)

    def _writable(self) -> None:
        if self.readonly:
            raise NewsgraphError(f"{self.path} is open read-only")

    # -- reads ----------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: self.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    def article(self, key: str) -> Record | None:
        """The record of the article with id `key` (docs/format.md, with its story), or None."""
        row = self.connection.execute("SELECT pk FROM articles WHERE id = ?", (key,)).fetchone()
        return next(read_records(self.connection, [row[0]])) if row else None

    def records(self, story: str | None = None) -> Iterator[Record]:
        """Every article record in ingest order, or those of one story."""
        if story is None:
            return read_records(self.connection)
        pks = [pk for (pk,) in self.connection.execute("SELECT pk FROM articles WHERE story_id = ? ORDER BY pk",
                                                        (story,))]
        return read_records(self.connection, pks)

    def errors(self) -> list[ErrorRecord]:
        """The documents that failed, in the order they were met."""
        return [ErrorRecord(k, e) for k, e in self.connection.execute("SELECT id, error FROM errors ORDER BY pk")]

    def stories(self) -> list[StorySummary]:
        """Every story, largest first."""
        return [
            StorySummary(sid, line, n, tuple(sorted(o for o in json.loads(outlets) if o)), first, last, title)
            for sid, line, n, outlets, first, last, title in self.connection.execute(_STORIES)
        ]

    def search(self, query: str, limit: int = 20, *, raw: bool = False) -> SearchResults:
        """Articles, quotes and entities matching the words of `query` (FTS5 syntax with `raw`)."""
        return search(self.connection, query, limit, raw)


def open_db(path: str | Path, *, readonly: bool = False, check_same_thread: bool = True) -> NewsDB:
    """Open (or, writable, create) the database at `path`, its schema migrated to the latest version.

    Read-only, a missing file or an out-of-date schema is an error: nothing may be written.
    `check_same_thread=False` lets a server share a read-only connection between threads.
    """
    path = Path(path)
    if readonly and not path.exists():
        raise NewsgraphError(f"no database at {path}")
    conn = connect(path, readonly, check_same_thread)
    try:
        if readonly:
            done = applied(conn)
            missing = [m.version for m in MIGRATIONS if m.version not in done]
            if missing:
                raise NewsgraphError(f"{path} needs schema migrations {missing}: open it for writing once")
        else:
            migrate(conn)
    except BaseException:
        conn.close()
        raise
    return NewsDB(conn, path, readonly)

