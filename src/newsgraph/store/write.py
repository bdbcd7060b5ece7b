"""Rows from records: one article record (the JSONL contract of docs/format.md) into the tables.

The caller holds the write transaction; each article goes in under a savepoint, so a record that
turns out malformed halfway leaves no rows behind and becomes an error row instead. Names are
looked up or added as they come (`entities`, `outlets`); the FTS indexes are filled alongside.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

__all__ = ["write_article", "write_error"]

Record = dict[str, Any]


def write_article(conn: sqlite3.Connection, record: Record, content_hash: str) -> str | None:
    """Store one article without its story (assigned later, for the whole run at once).

    Returns None when stored, or why the record could not be stored (then nothing was written).
    """
    conn.execute("SAVEPOINT article")
    try:
        _write(conn, record, content_hash)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        conn.execute("ROLLBACK TO article")
        conn.execute("RELEASE article")
        return f"not an article record ({type(exc).__name__}: {exc})"
    conn.execute("RELEASE article")
    return None


def write_error(conn: sqlite3.Connection, doc_id: str, error: str, content_hash: str | None) -> None:
    """Record a document that failed; the same failure met again is kept once."""
    conn.execute(
        "INSERT INTO errors (id, content_hash, error) VALUES (?, ?, ?) ON CONFLICT (id, error) DO NOTHING",
        (doc_id, content_hash, error),
    )


def _write(conn: sqlite3.Connection, rec: Record, content_hash: str) -> None:
    if not isinstance(rec.get("id"), str) or not isinstance(rec.get("text"), str):
        raise ValueError("an article record needs a string id and text")
    published = rec.get("published") or {}
    pk = conn.execute(
        "INSERT INTO articles (id, content_hash, kind, url, title, outlet_id, section, published, published_source,"
        " published_evidence, text, offset_map) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            rec["id"], content_hash, rec.get("kind") or "article", rec.get("url"), rec.get("title"),
            _outlet(conn, rec.get("outlet")), rec.get("section"), published.get("value"), published.get("source"),
            published.get("evidence"), rec["text"], json.dumps([list(s) for s in rec.get("offset_map") or ()]),
        ),
    ).lastrowid
    conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", (pk, rec.get("title"), rec["text"]))
    for relation, key in (("wire", "wire"), ("cited", "cited_outlets")):
        conn.executemany(
            "INSERT INTO article_outlets (article_pk, relation, idx, outlet_id) VALUES (?, ?, ?, ?)",
            [(pk, relation, i, _outlet(conn, name)) for i, name in enumerate(rec.get(key) or ())],
        )
    conn.executemany(
        "INSERT INTO evidence (article_pk, field, idx, start, end, text, rule) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(pk, name, i, e["start"], e["end"], e["text"], e["rule"])
         for i, (name, e) in enumerate((rec.get("evidence") or {}).items())],
    )
    conn.executemany(
        "INSERT INTO removed (article_pk, idx, start, end, text, reason) VALUES (?, ?, ?, ?, ?, ?)",
        [(pk, i, r["start"], r["end"], r["text"], r["reason"]) for i, r in enumerate(rec.get("removed") or ())],
    )
    conn.executemany(
        "INSERT INTO mentions (article_pk, idx, entity_id, start, end, text, label, role, country)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(pk, i, _entity(conn, e["canonical"], e["kind"]), e["start"], e["end"], e["text"], e["label"],
          e.get("role"), e.get("country")) for i, e in enumerate(rec.get("entities") or ())],
    )
    for i, quote in enumerate(rec.get("quotes") or ()):
        _write_quote(conn, pk, i, quote)
    conn.executemany(
        "INSERT INTO timexes (article_pk, idx, start, end, text, type, value) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(pk, i, t["start"], t["end"], t["text"], t["type"], t["value"])
         for i, t in enumerate(rec.get("timexes") or ())],
    )
    conn.executemany(
        "INSERT INTO quantities (article_pk, idx, start, end, text, value, qualifier, unit)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(pk, i, q["start"], q["end"], q["text"], float(q["value"]), q.get("qualifier"), q.get("unit"))
         for i, q in enumerate(rec.get("quantities") or ())],
    )
    for i, event in enumerate(rec.get("events") or ()):
        _write_event(conn, pk, i, event)


def _write_quote(conn: sqlite3.Connection, pk: int, idx: int, quote: Record) -> None:
    speaker = quote.get("speaker") or {}
    cue = quote.get("cue") or {}
    canonical, kind = speaker.get("canonical"), speaker.get("kind")
    # "the union", "a senior official": unnamed speakers are not entities anyone can look up.
    entity = _entity(conn, canonical, kind) if canonical and kind and kind != "unnamed" else None
    quote_pk = conn.execute(
        "INSERT INTO quotes (article_pk, idx, start, end, text, kind, speaker_start, speaker_end, speaker_text,"
        " speaker_canonical, speaker_kind, speaker_entity_id, cue_start, cue_end, cue_text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            pk, idx, quote["start"], quote["end"], quote["text"], quote["kind"], speaker.get("start"),
            speaker.get("end"), speaker.get("text"), canonical, kind, entity, cue.get("start"), cue.get("end"),
            cue.get("text"),
        ),
    ).lastrowid
    conn.execute("INSERT INTO quotes_fts (rowid, text, speaker_canonical) VALUES (?, ?, ?)",
                 (quote_pk, quote["text"], canonical))


_ROLES = ("actor", "recipient", "location")


def _write_event(conn: sqlite3.Connection, pk: int, idx: int, event: Record) -> None:
    trigger, source, sentence = event["trigger"], event.get("source") or {}, event["sentence"]
    event_pk = conn.execute(
        "INSERT INTO events (article_pk, idx, type, trigger_start, trigger_end, trigger_text, date, date_source,"
        " status, source_kind, source_name, sentence_start, sentence_end)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            pk, idx, event["type"], trigger["start"], trigger["end"], trigger["text"], event.get("date"),
            event.get("date_source"), event["status"], source.get("kind", "outlet"), source.get("name"),
            sentence["start"], sentence["end"],
        ),
    ).lastrowid
    conn.executemany(
        "INSERT INTO event_participants (event_pk, role, start, end, text, canonical, kind, country, entity_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(event_pk, role, p["start"], p["end"], p["text"], p["canonical"], p["kind"], p.get("country"),
          _entity(conn, p["canonical"], p["kind"])) for role in _ROLES if (p := event.get(role))],
    )


def _entity(conn: sqlite3.Connection, name: str, kind: str) -> int:
    """The id of the canonical entity (name, kind), added (and indexed for search) when new."""
    if not isinstance(name, str) or not isinstance(kind, str):
        raise TypeError("an entity needs a string canonical name and kind")
    row = conn.execute("SELECT id FROM entities WHERE name = ? AND kind = ?", (name, kind)).fetchone()
    if row:
        return int(row[0])
    new = conn.execute("INSERT INTO entities (name, kind) VALUES (?, ?)", (name, kind)).lastrowid
    conn.execute("INSERT INTO entities_fts (rowid, name) VALUES (?, ?)", (new, name))
    return int(new)  # type: ignore[arg-type]


def _outlet(conn: sqlite3.Connection, name: str | None) -> int | None:
    if name is None:
        return None
    if not isinstance(name, str):
        raise TypeError("an outlet name must be a string")
    row = conn.execute("SELECT id FROM outlets WHERE name = ?", (name,)).fetchone()
    if row:
        return int(row[0])
    return int(conn.execute("INSERT INTO outlets (name) VALUES (?)", (name,)).lastrowid)  # type: ignore[arg-type]
