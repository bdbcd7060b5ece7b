"""SQLite connections as the store uses them: one writer, any number of read-only readers.

SQLite allows one writer at a time; WAL mode lets readers go on while it writes, and a reader
opened with `mode=ro` cannot write by mistake. Connections run in autocommit mode and the store
opens its transactions itself (`BEGIN IMMEDIATE`), so a transaction spans exactly what it says.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

__all__ = ["connect", "transaction"]

# Writers wait this long for another writer's lock before giving up (milliseconds).
_BUSY_TIMEOUT_MS = 30_000


def connect(path: str | Path, readonly: bool = False, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection to the database at `path` (created when writable and missing).

    Writable connections switch the file to WAL (it stays so) with `synchronous=NORMAL`: in WAL
    mode that loses no committed transaction when the process dies, only, at worst, the last
    ones on a power cut, and the file is never left inconsistent. Foreign keys are enforced on
    every connection.
    """
    if readonly:
        uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=check_same_thread)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=check_same_thread)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction: committed when the block ends, rolled back if it raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
