"""Ingest: documents (or records already extracted) into the database, once each, resumably.

Every input is identified by a content hash taken before any processing: of the raw document
(its bytes, kind and the metadata the caller gave) for `ingest_documents`, of the record's JSON
for `ingest_records`. An input whose hash is stored is skipped without being processed, so a
re-run costs a hash per document and changes nothing, and a run that was killed picks up where
its last committed batch ended. An id already stored with other content is a conflict: the
stored article stays, the report names the id.

Each batch of documents is processed (`process_batch`) and written in one transaction; stories
are then assigned to every article still without one, in one more (`assign.assign_pending`).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice, repeat
from typing import Any

from newsgraph.config import Config
from newsgraph.ingest import iter_documents
from newsgraph.pipeline import process_batch
from newsgraph.records import Article, ErrorRecord, RawDocument
from newsgraph.store.assign import assign_pending
from newsgraph.store.connection import transaction
from newsgraph.store.write import write_article, write_error
from newsgraph.stories import StoryConfig

__all__ = ["IngestReport", "OnRecord", "document_hash", "ingest_documents", "ingest_records", "record_hash"]

Record = dict[str, Any]
OnRecord = Callable[[Article | ErrorRecord | Record], None]
# Keys `newsgraph stories` adds: not part of what an article is, so not part of its hash.
_STORY_KEYS = ("story", "storyline", "duplicate_of", "wire_copy")


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest did.

    `added` articles were stored; `unchanged` inputs were already stored (same content hash) and
    skipped unprocessed; `conflicts` are ids already stored with other content (kept as stored);
    `errors` documents failed and went to the errors table; `assigned` articles got their story
    in this run (more than `added` when a killed run left articles without one).
    """

    added: int = 0
    unchanged: int = 0
    conflicts: tuple[str, ...] = ()
    errors: int = 0
    assigned: int = 0


@dataclass(slots=True)
class _Tally:
    added: int = 0
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    errors: int = 0

    def report(self, assigned: int) -> IngestReport:
        return IngestReport(self.added, self.unchanged, tuple(self.conflicts), self.errors, assigned)


def document_hash(doc: RawDocument) -> str:
    """SHA-256 of a raw document: what it says and how it was given (kind, caller's metadata)."""
    head = json.dumps([doc.kind, doc.url, doc.published, doc.outlet, doc.title], ensure_ascii=False)
    data = doc.data.encode("utf-8", "surrogatepass") if isinstance(doc.data, str) else doc.data
    return hashlib.sha256(head.encode("utf-8", "surrogatepass") + b"\0" + data).hexdigest()


def record_hash(record: Record) -> str:
    """SHA-256 of an extracted record's canonical JSON, without the keys the stories stage adds."""
    plain = {k: v for k, v in record.items() if k not in _STORY_KEYS}
    return hashlib.sha256(json.dumps(plain, sort_keys=True).encode("ascii")).hexdigest()


class _Filter:
    """Drops inputs the database (or this run) already has; counts them and the conflicts."""

    def __init__(self, conn: sqlite3.Connection, tally: _Tally) -> None:
        self.conn, self.tally = conn, tally
        self.hashes: set[str] = set()
        self.ids: set[str] = set()

    def new_hash(self, key: str, content_hash: str) -> str | None:
        """`content_hash` when the input `key` is to be stored, None when it is to be skipped."""
        stored = self.conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        if stored or content_hash in self.hashes:
            self.tally.unchanged += 1
            return None
        if key in self.ids or self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (key,)).fetchone():
            self.tally.conflicts.append(key)
            return None
        self.hashes.add(content_hash)
        self.ids.add(key)
        return content_hash

    def select(self, items: Iterable[Any], ident: Callable[[Any], tuple[str, str]]) -> Iterator[tuple[str | None, Any]]:
        """`(content hash, item)` of each input to store, `ident(item)` giving its key and hash;
        error records pass without a hash, to be recorded as errors."""
        for item in items:
            if isinstance(item, ErrorRecord):
                yield None, item
            elif content_hash := self.new_hash(*ident(item)):
                yield content_hash, item


def ingest_documents(
    conn: sqlite3.Connection,
    inputs: Sequence[str],
    fmt: str = "auto",
    config: Config = Config(),
    story_config: StoryConfig | None = None,
    jobs: int = 1,
    batch_size: int = 16,
    on_record: OnRecord | None = None,
) -> IngestReport:
    """Extract the documents under `inputs` that the database lacks, store them, assign stories.

    `jobs` > 1 processes batches in a process pool; batches are still written in input order.
    """
    tally = _Tally()
    todo = _Filter(conn, tally).select(iter_documents(inputs, fmt, config), lambda doc: (doc.id, document_hash(doc)))
    batches = _batches(todo, batch_size)
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            pending = list(batches)
            results = pool.map(process_batch, [[doc for _, doc in b] for b in pending], repeat(config))
            for batch, processed in zip(pending, results, strict=True):
                _write_batch(conn, [h for h, _ in batch], processed, tally, on_record)
    else:
        for batch in batches:
            processed = process_batch([doc for _, doc in batch], config)
            _write_batch(conn, [h for h, _ in batch], processed, tally, on_record)
    return tally.report(_assign(conn, story_config))


def ingest_records(
    conn: sqlite3.Connection,
    records: Iterable[Article | ErrorRecord | Record],
    story_config: StoryConfig | None = None,
    batch_size: int = 256,
    on_record: OnRecord | None = None,
) -> IngestReport:
    """Store records `newsgraph extract` (or `stories`) made, as objects or JSON dicts; assign stories."""
    tally = _Tally()
    todo = _Filter(conn, tally).select(map(_as_record, records), lambda rec: (str(rec.get("id")), record_hash(rec)))
    for batch in _batches(todo, batch_size):
        _write_batch(conn, [h for h, _ in batch], [rec for _, rec in batch], tally, on_record)
    return tally.report(_assign(conn, story_config))


def _as_record(record: Article | ErrorRecord | Record) -> ErrorRecord | Record:
    if isinstance(record, Article):
        return record.to_dict()
    if isinstance(record, dict) and "error" in record:
        return ErrorRecord(str(record.get("id")), str(record["error"]))
    if isinstance(record, ErrorRecord | dict):
        return record
    return ErrorRecord(repr(record)[:80], f"not a record: {type(record).__name__}")


def _write_batch(
    conn: sqlite3.Connection,
    hashes: list[str | None],
    records: Sequence[Article | ErrorRecord | Record],
    tally: _Tally,
    on_record: OnRecord | None,
) -> None:
    """One transaction: a batch is stored whole or (killed, failed) not at all."""
    with transaction(conn):
        for content_hash, rec in zip(hashes, records, strict=True):
            if isinstance(rec, ErrorRecord):
                write_error(conn, rec.id, rec.error, content_hash)
                tally.errors += 1
            elif content_hash is not None:
                data = rec.to_dict() if isinstance(rec, Article) else rec
                problem = write_article(conn, data, content_hash)
                if problem is None:
                    # A document that failed before and now went through is no longer an error.
                    conn.execute("DELETE FROM errors WHERE id = ?", (data["id"],))
                    tally.added += 1
                else:
                    write_error(conn, str(data.get("id")), problem, content_hash)
                    tally.errors += 1
            if on_record:
                on_record(rec)


def _assign(conn: sqlite3.Connection, story_config: StoryConfig | None) -> int:
    with transaction(conn):
        return assign_pending(conn, story_config)


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch
