"""Exports for analysts: JSONL records, or flat tables as Parquet or CSV files.

`jsonl` writes one record a line in ingest order, in the `newsgraph stories` format of
docs/format.md (the extract record with `story`, `storyline`, `duplicate_of`, `wire_copy`),
then the error records (`{"id", "error"}`), so `newsgraph compare` or `show` read it as they
read their own output.

`parquet` and `csv` write a directory with one file per table below (`articles.parquet`, ...).
Every table is flat (no nested or list columns, so CSV holds the same as Parquet); child tables
join `articles` on `article_pk = articles.pk`, entity columns join `entities` on `entity_id`.
Offsets are characters of `articles.text` (`removed`, `evidence`: of the raw page).

    articles            pk, id, content_hash, kind, url, title, outlet, section, published,
                        published_source, published_evidence, text, offset_map (JSON), story,
                        storyline, duplicate_of, wire_copy
    article_outlets     article_pk, relation (wire | cited), idx, outlet
    evidence            article_pk, field, start, end, text, rule
    removed             article_pk, idx, start, end, text, reason
    entities            id, name, kind, mentions
    mentions            article_pk, idx, entity_id, entity, entity_kind, start, end, text, label, role, country
    quotes              pk, article_pk, idx, start, end, text, kind, speaker_start, speaker_end, speaker_text,
                        speaker_canonical, speaker_kind, speaker_entity_id, cue_start, cue_end, cue_text
    timexes             article_pk, idx, start, end, text, type, value
    quantities          article_pk, idx, start, end, text, value, qualifier, unit
    events              pk, article_pk, idx, type, trigger_start, trigger_end, trigger_text, date,
                        date_source, status, source_kind, source_name, sentence_start, sentence_end
    event_participants  event_pk, article_pk, role, start, end, text, canonical, kind, country, entity_id
    stories             id, storyline, articles, first_published, last_published
    storylines          id, stories, articles
    outlets             id, name, articles
    errors              id, content_hash, error
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from newsgraph.errors import NewsgraphError
from newsgraph.store.read import read_records

__all__ = ["EXPORT_FORMATS", "TABLES", "export", "export_jsonl", "export_tables"]

EXPORT_FORMATS = ("jsonl", "parquet", "csv")

_INT, _FLOAT, _STR, _BOOL = pa.int64(), pa.float64(), pa.string(), pa.bool_()
_SPAN = (("start", _INT), ("end", _INT), ("text", _STR))

# Each table: its columns with Arrow types, and the query giving them in that order.
TABLES: dict[str, tuple[tuple[tuple[str, pa.DataType], ...], str]] = {
    "articles": (
        (("pk", _INT), ("id", _STR), ("content_hash", _STR), ("kind", _STR), ("url", _STR), ("title", _STR),
         ("outlet", _STR), ("section", _STR), ("published", _STR), ("published_source", _STR),
         ("published_evidence", _STR), ("text", _STR), ("offset_map", _STR), ("story", _STR), ("storyline", _STR),
         ("duplicate_of", _STR), ("wire_copy", _BOOL)),
        "SELECT a.pk, a.id, a.content_hash, a.kind, a.url, a.title, o.name, a.section, a.published,"
        " a.published_source, a.published_evidence, a.text, a.offset_map, a.story_id, s.storyline_id,"
        " a.duplicate_of, a.wire_copy FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"
        " LEFT JOIN stories s ON s.id = a.story_id ORDER BY a.pk",
    ),
    "article_outlets": (
        (("article_pk", _INT), ("relation", _STR), ("idx", _INT), ("outlet", _STR)),
        "SELECT x.article_pk, x.relation, x.idx, o.name FROM article_outlets x JOIN outlets o ON o.id = x.outlet_id"
        " ORDER BY x.article_pk, x.relation, x.idx",
    ),
    "evidence": (
        (("article_pk", _INT), ("field", _STR), *_SPAN, ("rule", _STR)),
        "SELECT article_pk, field, start, end, text, rule FROM evidence ORDER BY article_pk, idx",
    ),
    "removed": (
        (("article_pk", _INT), ("idx", _INT), *_SPAN, ("reason", _STR)),
        "SELECT article_pk, idx, start, end, text, reason FROM removed ORDER BY article_pk, idx",
    ),
    "entities": (
        (("id", _INT), ("name", _STR), ("kind", _STR), ("mentions", _INT)),
        "SELECT e.id, e.name, e.kind, (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)"
        " FROM entities e ORDER BY e.id",
    ),
    "mentions": (
        (("article_pk", _INT), ("idx", _INT), ("entity_id", _INT), ("entity", _STR), ("entity_kind", _STR), *_SPAN,
         ("label", _STR), ("role", _STR), ("country", _STR)),
        "SELECT m.article_pk, m.idx, m.entity_id, e.name, e.kind, m.start, m.end, m.text, m.label, m.role, m.country"
        " FROM mentions m JOIN entities e ON e.id = m.entity_id ORDER BY m.article_pk, m.idx",
    ),
    "quotes": (
        (("pk", _INT), ("article_pk", _INT), ("idx", _INT), *_SPAN, ("kind", _STR), ("speaker_start", _INT),
         ("speaker_end", _INT), ("speaker_text", _STR), ("speaker_canonical", _STR), ("speaker_kind", _STR),
         ("speaker_entity_id", _INT), ("cue_start", _INT), ("cue_end", _INT), ("cue_text", _STR)),
        "SELECT pk, article_pk, idx, start, end, text, kind, speaker_start, speaker_end, speaker_text,"
        " speaker_canonical, speaker_kind, speaker_entity_id, cue_start, cue_end, cue_text FROM quotes ORDER BY pk",
    ),
    "timexes": (
        (("article_pk", _INT), ("idx", _INT), *_SPAN, ("type", _STR), ("value", _STR)),
        "SELECT article_pk, idx, start, end, text, type, value FROM timexes ORDER BY article_pk, idx",
    ),
    "quantities": (
        (("article_pk", _INT), ("idx", _INT), *_SPAN, ("value", _FLOAT), ("qualifier", _STR), ("unit", _STR)),
        "SELECT article_pk, idx, start, end, text, value, qualifier, unit FROM quantities ORDER BY article_pk, idx",
    ),
    "events": (
        (("pk", _INT), ("article_pk", _INT), ("idx", _INT), ("type", _STR), ("trigger_start", _INT),
         ("trigger_end", _INT), ("trigger_text", _STR), ("date", _STR), ("date_source", _STR), ("status", _STR),
         ("source_kind", _STR), ("source_name", _STR), ("sentence_start", _INT), ("sentence_end", _INT)),
        "SELECT pk, article_pk, idx, type, trigger_start, trigger_end, trigger_text, date, date_source, status,"
        " source_kind, source_name, sentence_start, sentence_end FROM events ORDER BY pk",
    ),
    "event_participants": (
        (("event_pk", _INT), ("article_pk", _INT), ("role", _STR), *_SPAN, ("canonical", _STR), ("kind", _STR),
         ("country", _STR), ("entity_id", _INT)),
        "SELECT p.event_pk, e.article_pk, p.role, p.start, p.end, p.text, p.canonical, p.kind, p.country,"
        " p.entity_id FROM event_participants p JOIN events e ON e.pk = p.event_pk ORDER BY p.event_pk, p.role",
    ),
    "stories": (
        (("id", _STR), ("storyline", _STR), ("articles", _INT), ("first_published", _STR),
         ("last_published", _STR)),
        "SELECT s.id, s.storyline_id, count(a.pk), min(a.published), max(a.published)"
        " FROM stories s LEFT JOIN articles a ON a.story_id = s.id GROUP BY s.id ORDER BY min(a.pk)",
    ),
    "storylines": (
        (("id", _STR), ("stories", _INT), ("articles", _INT)),
        "SELECT l.id, count(DISTINCT s.id), count(a.pk) FROM storylines l LEFT JOIN stories s ON s.storyline_id = l.id"
        " LEFT JOIN articles a ON a.story_id = s.id GROUP BY l.id ORDER BY min(a.pk)",
    ),
    "outlets": (
        (("id", _INT), ("name", _STR), ("articles", _INT)),
        "SELECT o.id, o.name, (SELECT count(*) FROM articles a WHERE a.outlet_id = o.id) FROM outlets o ORDER BY o.id",
    ),
    "errors": (
        (("id", _STR), ("content_hash", _STR), ("error", _STR)),
        "SELECT id, content_hash, error FROM errors ORDER BY pk",
    ),
}

# Rows per Arrow record batch: bounds memory whatever the size of the database.
_BATCH_ROWS = 10_000


def export(conn: sqlite3.Connection, fmt: str, out: str | Path) -> list[Path]:
    """Write the database as `fmt` to `out` (a file for jsonl, "-" for stdout; a directory otherwise).

    Returns the files written.
    """
    if fmt == "jsonl" and str(out) == "-":
        export_jsonl(conn, sys.stdout)
        return []
    if fmt == "jsonl":
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            export_jsonl(conn, handle)
        return [path]
    if fmt in ("parquet", "csv"):
        return export_tables(conn, fmt, Path(out))
    raise NewsgraphError(f"export format must be one of {', '.join(EXPORT_FORMATS)}, not {fmt!r}")


def export_jsonl(conn: sqlite3.Connection, handle: IO[str]) -> int:
    """Write every article record, then every error record, one JSON object a line; how many lines."""
    lines = 0
    for record in read_records(conn):
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        lines += 1
    for key, error in conn.execute("SELECT id, error FROM errors ORDER BY pk"):
        handle.write(json.dumps({"id": key, "error": error}, ensure_ascii=False) + "\n")
        lines += 1
    return lines


def export_tables(conn: sqlite3.Connection, fmt: str, out: Path) -> list[Path]:
    """One `<table>.parquet` or `<table>.csv` per table of `TABLES` in the directory `out`."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (columns, sql) in TABLES.items():
        schema = pa.schema(list(columns))
        path = out / f"{name}.{fmt}"
        writer = pq.ParquetWriter(path, schema) if fmt == "parquet" else pa_csv.CSVWriter(path, schema)
        with writer:
            for batch in _record_batches(conn, sql, schema):
                writer.write_batch(batch)
        written.append(path)
    return written


def _record_batches(conn: sqlite3.Connection, sql: str, schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    cursor = conn.execute(sql)
    wrote = False
    while rows := cursor.fetchmany(_BATCH_ROWS):
        columns = list(zip(*rows, strict=True))
        yield pa.record_batch([_array(col, f.type) for col, f in zip(columns, schema, strict=True)], schema=schema)
        wrote = True
    if not wrote:  # an empty table still gets a file with its header or schema
        yield pa.record_batch([pa.array([], type=f.type) for f in schema], schema=schema)


def _array(values: tuple[object, ...], kind: pa.DataType) -> pa.Array:
    if kind == _BOOL:  # SQLite stores booleans as 0 and 1
        values = tuple(None if v is None else bool(v) for v in values)
    return pa.array(values, type=kind)
