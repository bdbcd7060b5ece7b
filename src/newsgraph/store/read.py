"""Records from rows: the exact JSONL record (docs/format.md) of stored articles, rebuilt.

The stories stage and the JSONL export read articles back through here, so what the tables
hold is what every reader sees: a record that went in comes out equal. Child rows are fetched
per chunk of articles, one query per table, not one per article.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

__all__ = ["read_records"]

Record = dict[str, Any]
_CHUNK = 500


def read_records(conn: sqlite3.Connection, pks: Sequence[int] | None = None) -> Iterator[Record]:
    """The records of the articles `pks` (all, in ingest order, when None), with their stories once assigned."""
    if pks is None:
        pks = [pk for (pk,) in conn.execute("SELECT pk FROM articles ORDER BY pk")]
    for start in range(0, len(pks), _CHUNK):
        yield from _chunk(conn, list(pks[start : start + _CHUNK]))


def _rows(conn: sqlite3.Connection, sql: str, pks: list[int]) -> dict[int, list[tuple[Any, ...]]]:
    """Rows of `sql` (first column the article pk) grouped by article, in query order."""
    marks = ",".join("?" * len(pks))
    grouped: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in conn.execute(sql.format(pks=marks), pks):
        grouped[row[0]].append(row[1:])
    return grouped


_ARTICLES = (
    "SELECT a.pk, a.id, a.url, a.title, o.name, a.section, a.published, a.published_source, a.published_evidence,"
    " a.text, a.kind, a.offset_map, a.story_id, s.storyline_id, a.duplicate_of, a.wire_copy"
    " FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN stories s ON s.id = a.story_id"
    " WHERE a.pk IN ({pks})"
)
_OUTLETS = (
    "SELECT x.article_pk, x.relation, o.name FROM article_outlets x JOIN outlets o ON o.id = x.outlet_id"
    " WHERE x.article_pk IN ({pks}) ORDER BY x.article_pk, x.relation, x.idx"
)
_EVIDENCE = (
    "SELECT article_pk, field, start, end, text, rule FROM evidence"
    " WHERE article_pk IN ({pks}) ORDER BY article_pk, idx"
)
_REMOVED = (
    "SELECT article_pk, start, end, text, reason FROM removed WHERE article_pk IN ({pks}) ORDER BY article_pk, idx"
)
_MENTIONS = (
    "SELECT m.article_pk, m.start, m.end, m.text, m.label, e.name, e.kind, m.role, m.country"
    " FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_pk IN ({pks}) ORDER BY m.article_pk, m.idx"
)
_QUOTES = (
    "SELECT article_pk, start, end, text, kind, speaker_start, speaker_end, speaker_text, speaker_canonical,"
    " speaker_kind, cue_start, cue_end, cue_text FROM quotes WHERE article_pk IN ({pks}) ORDER BY article_pk, idx"
)
_TIMEXES = (
    "SELECT article_pk, start, end, text, type, value FROM timexes WHERE article_pk IN ({pks}) ORDER BY article_pk, idx"
)
_QUANTITIES = (
    "SELECT article_pk, start, end, text, value, qualifier, unit FROM quantities"
    " WHERE article_pk IN ({pks}) ORDER BY article_pk, idx"
)
_EVENTS = (
    "SELECT article_pk, pk, type, trigger_start, trigger_end, trigger_text, date, date_source, status, source_kind,"
    " source_name, sentence_start, sentence_end FROM events WHERE article_pk IN ({pks}) ORDER BY article_pk, idx"
)
_PARTICIPANTS = (
    "SELECT e.article_pk, p.event_pk, p.role, p.start, p.end, p.text, p.canonical, p.kind, p.country"
    " FROM event_participants p JOIN events e ON e.pk = p.event_pk WHERE e.article_pk IN ({pks})"
)


def _chunk(conn: sqlite3.Connection, pks: list[int]) -> Iterator[Record]:
    articles = {row[0]: row for row in conn.execute(_ARTICLES.format(pks=",".join("?" * len(pks))), pks)}
    outlets = _rows(conn, _OUTLETS, pks)
    evidence = _rows(conn, _EVIDENCE, pks)
    removed = _rows(conn, _REMOVED, pks)
    mentions = _rows(conn, _MENTIONS, pks)
    quotes = _rows(conn, _QUOTES, pks)
    timexes = _rows(conn, _TIMEXES, pks)
    quantities = _rows(conn, _QUANTITIES, pks)
    events = _rows(conn, _EVENTS, pks)
    participants: dict[int, dict[str, Record]] = defaultdict(dict)
    for _, event_pk, role, start, end, text, canonical, kind, country in conn.execute(
        _PARTICIPANTS.format(pks=",".join("?" * len(pks))), pks
    ):
        participants[event_pk][role] = {"start": start, "end": end, "text": text, "canonical": canonical,
                                        "kind": kind, "country": country}
    for pk in pks:
        (_, key, url, title, outlet, section, published, published_source, published_evidence, text, kind,
         offset_map, story, storyline, duplicate_of, wire_copy) = articles[pk]
        record: Record = {
            "id": key,
            "url": url,
            "title": title,
            "outlet": outlet,
            "section": section,
            "wire": [name for relation, name in outlets[pk] if relation == "wire"],
            "cited_outlets": [name for relation, name in outlets[pk] if relation == "cited"],
            "published": None if published is None
            else {"value": published, "source": published_source, "evidence": published_evidence},
            "text": text,
            "removed": [dict(zip(("start", "end", "text", "reason"), r, strict=True)) for r in removed[pk]],
            "entities": [dict(zip(("start", "end", "text", "label", "canonical", "kind", "role", "country"), m,
                                  strict=True)) for m in mentions[pk]],
            "quotes": [_quote(q) for q in quotes[pk]],
            "timexes": [dict(zip(("start", "end", "text", "type", "value"), t, strict=True)) for t in timexes[pk]],
            "quantities": [dict(zip(("start", "end", "text", "value", "qualifier", "unit"), q, strict=True))
                           for q in quantities[pk]],
            "events": [_event(e, participants[e[0]]) for e in events[pk]],
            "kind": kind,
            "offset_map": json.loads(offset_map),
            "evidence": {field: dict(zip(("start", "end", "text", "rule"), rest, strict=True))
                         for field, *rest in evidence[pk]},
        }
        if story is not None:
            record.update(story=story, storyline=storyline, duplicate_of=duplicate_of, wire_copy=bool(wire_copy))
        yield record


def _quote(row: tuple[Any, ...]) -> Record:
    start, end, text, kind, s_start, s_end, s_text, s_canonical, s_kind, c_start, c_end, c_text = row
    return {
        "start": start,
        "end": end,
        "text": text,
        "kind": kind,
        "speaker": None if s_start is None
        else {"start": s_start, "end": s_end, "text": s_text, "canonical": s_canonical, "kind": s_kind},
        "cue": None if c_start is None else {"start": c_start, "end": c_end, "text": c_text},
    }


def _event(row: tuple[Any, ...], participants: dict[str, Record]) -> Record:
    (_, kind, t_start, t_end, t_text, date, date_source, status, source_kind, source_name,
     sentence_start, sentence_end) = row
    return {
        "type": kind,
        "trigger": {"start": t_start, "end": t_end, "text": t_text},
        "actor": participants.get("actor"),
        "recipient": participants.get("recipient"),
        "location": participants.get("location"),
        "date": date,
        "date_source": date_source,
        "status": status,
        "source": {"kind": source_kind, "name": source_name},
        "sentence": {"start": sentence_start, "end": sentence_end},
    }
