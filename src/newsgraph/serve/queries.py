"""Read-only SQL the server needs beyond `NewsDB`'s reads: lists with pagination, entity pages.

Every function takes a connection opened with `mode=ro` and returns plain dicts (JSON-ready, and
what the templates read). Lists are paginated in SQL (`LIMIT`/`OFFSET`) and come with a total,
so a page of a 10,000-article database costs what a page costs, not what the database holds.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

__all__ = [
    "article_pks",
    "article_texts",
    "articles",
    "co_occurring",
    "coverage",
    "entities",
    "entity",
    "entity_events",
    "entity_mentions",
    "events",
    "mention_entities",
    "outlets",
    "quotes",
    "quotes_about",
    "stories",
    "story",
    "storyline",
    "storylines",
    "version",
]

Row = dict[str, Any]


def _dicts(cursor: sqlite3.Cursor) -> list[Row]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _where(filters: Iterable[tuple[str, Any]]) -> tuple[str, list[Any]]:
    """A WHERE clause from `(sql condition with one ?, value)` pairs whose value is not None."""
    parts = [(sql, value) for sql, value in filters if value is not None]
    if not parts:
        return "", []
    return " WHERE " + " AND ".join(sql for sql, _ in parts), [value for _, value in parts]


def _page(conn: sqlite3.Connection, select: str, count: str, where: str, args: list[Any], order: str,
          limit: int, offset: int) -> tuple[int, list[Row]]:  # fmt: skip
    total = conn.execute(count + where, args).fetchone()[0]
    rows = _dicts(conn.execute(f"{select}{where} {order} LIMIT ? OFFSET ?", [*args, limit, offset]))
    return total, rows


_ARTICLE_COLUMNS = (
    "SELECT a.id, a.title, o.name AS outlet, a.published, a.story_id AS story, s.storyline_id AS storyline,"
    " a.url, a.duplicate_of, a.wire_copy FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"
    " LEFT JOIN stories s ON s.id = a.story_id"
)
_ARTICLE_COUNT = (
    "SELECT count(*) FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN stories s ON s.id = a.story_id"
)


def articles(conn: sqlite3.Connection, limit: int, offset: int, *, story: str | None = None,
             storyline: str | None = None, outlet: str | None = None) -> tuple[int, list[Row]]:  # fmt: skip
    """Articles in ingest order (optionally of one story, storyline or outlet) and how many there are."""
    where, args = _where([("a.story_id = ?", story), ("s.storyline_id = ?", storyline), ("o.name = ?", outlet)])
    return _page(conn, _ARTICLE_COLUMNS, _ARTICLE_COUNT, where, args, "ORDER BY a.pk", limit, offset)


def article_pks(conn: sqlite3.Connection, limit: int, *, story: str | None = None,
                storyline: str | None = None) -> list[int]:  # fmt: skip
    """The first `limit` articles (ingest order) of a story or storyline."""
    where, args = _where([("a.story_id = ?", story), ("s.storyline_id = ?", storyline)])
    return [pk for (pk,) in conn.execute(f"SELECT a.pk FROM articles a LEFT JOIN stories s ON s.id = a.story_id{where}"
                                         " ORDER BY a.pk LIMIT ?", [*args, limit])]


def version(conn: sqlite3.Connection, *, story: str | None = None, storyline: str | None = None
            ) -> tuple[int, int]:  # fmt: skip
    """`(articles, newest article pk)` of a story or storyline: changes whenever an article joins it."""
    where, args = _where([("a.story_id = ?", story), ("s.storyline_id = ?", storyline)])
    count, newest = conn.execute(f"SELECT count(*), max(a.pk) FROM articles a LEFT JOIN stories s ON s.id = a.story_id"
                                 f"{where}", args).fetchone()
    return count, newest or 0


def article_texts(conn: sqlite3.Connection, pks: Iterable[int]) -> dict[int, str]:
    """The clean text of each article in `pks`, to find the sentences facts link to."""
    keys = sorted(set(pks))
    if not keys:
        return {}
    marks = ",".join("?" * len(keys))
    return dict(conn.execute(f"SELECT pk, text FROM articles WHERE pk IN ({marks})", keys))


def mention_entities(conn: sqlite3.Connection, key: str) -> dict[tuple[int, int], int]:
    """Entity id of each mention of article `key`, by its offsets (the record leaves ids out)."""
    return {(s, e): entity for s, e, entity in conn.execute(
        "SELECT m.start, m.end, m.entity_id FROM mentions m JOIN articles a ON a.pk = m.article_pk WHERE a.id = ?",
        (key,))}


def outlets(conn: sqlite3.Connection) -> list[Row]:
    """Outlets that published articles, most articles first, with their first and last date."""
    return _dicts(conn.execute(
        "SELECT o.name, count(a.pk) AS articles, count(DISTINCT a.story_id) AS stories, min(a.published) AS first,"
        " max(a.published) AS last FROM outlets o JOIN articles a ON a.outlet_id = o.id"
        " GROUP BY o.id ORDER BY articles DESC, o.name"
    ))


def coverage(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Articles per publication date, in date order (undated articles left out)."""
    return [(d, n) for d, n in conn.execute(
        "SELECT published, count(*) FROM articles WHERE published IS NOT NULL GROUP BY published ORDER BY published"
    )]


_STORY_COLUMNS = (
    "SELECT s.id, s.storyline_id AS storyline, count(a.pk) AS articles, count(DISTINCT a.outlet_id) AS outlets,"
    " json_group_array(DISTINCT o.name) AS outlet_names, min(a.published) AS first, max(a.published) AS last,"
    " (SELECT f.title FROM articles f WHERE f.story_id = s.id ORDER BY f.pk LIMIT 1) AS title"
    " FROM stories s JOIN articles a ON a.story_id = s.id LEFT JOIN outlets o ON o.id = a.outlet_id"
)


def _story_rows(rows: list[Row]) -> list[Row]:
    for row in rows:
        row["outlet_names"] = sorted(name for name in json.loads(row["outlet_names"]) if name)
    return rows


def stories(conn: sqlite3.Connection, limit: int, offset: int, *, storyline: str | None = None
            ) -> tuple[int, list[Row]]:  # fmt: skip
    """Stories, largest first (optionally those of one storyline), and how many there are."""
    where, args = _where([("s.storyline_id = ?", storyline)])
    total = conn.execute("SELECT count(*) FROM stories s" + where, args).fetchone()[0]
    rows = _dicts(conn.execute(f"{_STORY_COLUMNS}{where} GROUP BY s.id ORDER BY articles DESC, min(a.pk)"
                               " LIMIT ? OFFSET ?", [*args, limit, offset]))
    return total, _story_rows(rows)


def story(conn: sqlite3.Connection, key: str) -> Row | None:
    rows = _story_rows(_dicts(conn.execute(f"{_STORY_COLUMNS} WHERE s.id = ? GROUP BY s.id", (key,))))
    return rows[0] if rows else None


_STORYLINE_COLUMNS = (
    "SELECT s.storyline_id AS id, count(DISTINCT s.id) AS stories, count(a.pk) AS articles,"
    " count(DISTINCT a.outlet_id) AS outlets, min(a.published) AS first, max(a.published) AS last"
    " FROM stories s JOIN articles a ON a.story_id = s.id"
)


def storylines(conn: sqlite3.Connection, limit: int, offset: int) -> tuple[int, list[Row]]:
    """Storylines, most articles first, and how many there are."""
    total = conn.execute("SELECT count(*) FROM storylines").fetchone()[0]
    rows = _dicts(conn.execute(f"{_STORYLINE_COLUMNS} GROUP BY s.storyline_id ORDER BY articles DESC, min(a.pk)"
                               " LIMIT ? OFFSET ?", (limit, offset)))
    return total, rows


def storyline(conn: sqlite3.Connection, key: str) -> Row | None:
    rows = _dicts(conn.execute(f"{_STORYLINE_COLUMNS} WHERE s.storyline_id = ? GROUP BY s.storyline_id", (key,)))
    return rows[0] if rows else None


_ENTITY_COLUMNS = (
    "SELECT e.id, e.name, e.kind, (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions,"
    " (SELECT count(DISTINCT m.article_pk) FROM mentions m WHERE m.entity_id = e.id) AS articles FROM entities e"
)


def entities(conn: sqlite3.Connection, limit: int, offset: int, *, kind: str | None = None,
             name: str | None = None) -> tuple[int, list[Row]]:  # fmt: skip
    """Entities, most mentioned first (optionally of one kind, or whose name contains `name`)."""
    like = None if name is None else "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    where, args = _where([("e.kind = ?", kind), ("e.name LIKE ? ESCAPE '\\'", like)])
    total = conn.execute("SELECT count(*) FROM entities e" + where, args).fetchone()[0]
    rows = _dicts(conn.execute(f"{_ENTITY_COLUMNS}{where} ORDER BY mentions DESC, e.name LIMIT ? OFFSET ?",
                               [*args, limit, offset]))
    return total, rows


def entity(conn: sqlite3.Connection, key: int) -> Row | None:
    rows = _dicts(conn.execute(f"{_ENTITY_COLUMNS} WHERE e.id = ?", (key,)))
    return rows[0] if rows else None


def entity_mentions(conn: sqlite3.Connection, key: int, limit: int, offset: int = 0) -> list[Row]:
    """Mentions of entity `key`, newest article first, with their article."""
    return _dicts(conn.execute(
        "SELECT a.pk AS article_pk, a.id AS article_id, a.title, o.name AS outlet, a.published, m.start, m.end,"
        " m.text, m.label, m.role, m.country FROM mentions m JOIN articles a ON a.pk = m.article_pk"
        " LEFT JOIN outlets o ON o.id = a.outlet_id WHERE m.entity_id = ?"
        " ORDER BY a.published DESC, a.pk, m.start LIMIT ? OFFSET ?", (key, limit, offset)))


_QUOTE_COLUMNS = (
    "SELECT q.article_pk, a.id AS article_id, a.title, o.name AS outlet, a.published, q.start, q.end, q.text,"
    " q.kind, q.speaker_text, q.speaker_canonical AS speaker, q.speaker_kind, q.speaker_entity_id, q.cue_text AS cue"
    " FROM quotes q JOIN articles a ON a.pk = q.article_pk LEFT JOIN outlets o ON o.id = a.outlet_id"
)


def quotes(conn: sqlite3.Connection, limit: int, offset: int, *, speaker: str | None = None,
           speaker_entity: int | None = None, article: str | None = None, story: str | None = None,
           ) -> tuple[int, list[Row]]:  # fmt: skip
    """Quotes in article order, filtered by speaker name or entity, article or story."""
    where, args = _where([("q.speaker_canonical = ?", speaker), ("q.speaker_entity_id = ?", speaker_entity),
                          ("a.id = ?", article), ("a.story_id = ?", story)])
    count = "SELECT count(*) FROM quotes q JOIN articles a ON a.pk = q.article_pk"
    return _page(conn, _QUOTE_COLUMNS, count, where, args, "ORDER BY q.article_pk, q.idx", limit, offset)


def quotes_about(conn: sqlite3.Connection, key: int, limit: int) -> list[Row]:
    """Quotes whose content mentions entity `key`, said by someone else."""
    return _dicts(conn.execute(
        f"{_QUOTE_COLUMNS} WHERE q.pk IN (SELECT q2.pk FROM mentions m JOIN quotes q2 ON q2.article_pk = m.article_pk"
        " AND m.start >= q2.start AND m.end <= q2.end WHERE m.entity_id = ?)"
        " AND q.speaker_entity_id IS NOT ? ORDER BY a.published DESC, q.article_pk, q.idx LIMIT ?", (key, key, limit)))


def co_occurring(conn: sqlite3.Connection, key: int, limit: int) -> list[Row]:
    """Entities mentioned in the same articles as entity `key`, by the number of articles shared."""
    return _dicts(conn.execute(
        "SELECT e.id, e.name, e.kind, count(DISTINCT m2.article_pk) AS articles FROM"
        " (SELECT DISTINCT article_pk FROM mentions WHERE entity_id = ?) m1"
        " JOIN mentions m2 ON m2.article_pk = m1.article_pk JOIN entities e ON e.id = m2.entity_id"
        " WHERE m2.entity_id != ? GROUP BY e.id ORDER BY articles DESC, e.name LIMIT ?", (key, key, limit)))


_EVENT_COLUMNS = (
    "SELECT ev.pk, ev.article_pk, a.id AS article_id, a.title, o.name AS outlet, a.published, ev.type,"
    " ev.trigger_start, ev.trigger_end, ev.trigger_text, ev.date, ev.date_source, ev.status, ev.source_kind,"
    " ev.source_name, ev.sentence_start, ev.sentence_end,"
    " (SELECT p.canonical FROM event_participants p WHERE p.event_pk = ev.pk AND p.role = 'actor') AS actor,"
    " (SELECT p.canonical FROM event_participants p WHERE p.event_pk = ev.pk AND p.role = 'recipient') AS recipient,"
    " (SELECT p.canonical FROM event_participants p WHERE p.event_pk = ev.pk AND p.role = 'location') AS location"
    " FROM events ev JOIN articles a ON a.pk = ev.article_pk LEFT JOIN outlets o ON o.id = a.outlet_id"
    " LEFT JOIN stories s ON s.id = a.story_id"
)


def events(conn: sqlite3.Connection, limit: int, offset: int, *, kind: str | None = None, story: str | None = None,
           storyline: str | None = None, article: str | None = None, since: str | None = None,
           until: str | None = None) -> tuple[int, list[Row]]:  # fmt: skip
    """Coded events by date (undated last), filtered by type, story, storyline, article and date range."""
    where, args = _where([("ev.type = ?", kind), ("a.story_id = ?", story), ("s.storyline_id = ?", storyline),
                          ("a.id = ?", article), ("ev.date >= ?", since), ("ev.date <= ?", until)])
    count = ("SELECT count(*) FROM events ev JOIN articles a ON a.pk = ev.article_pk"
             " LEFT JOIN stories s ON s.id = a.story_id")
    return _page(conn, _EVENT_COLUMNS, count, where, args, "ORDER BY ev.date IS NULL, ev.date, ev.article_pk, ev.idx",
                 limit, offset)


def entity_events(conn: sqlite3.Connection, key: int, limit: int) -> list[Row]:
    """Events entity `key` takes part in (as actor, recipient or location), by date."""
    return _dicts(conn.execute(
        f"{_EVENT_COLUMNS} WHERE ev.pk IN (SELECT event_pk FROM event_participants WHERE entity_id = ?)"
        " ORDER BY ev.date IS NULL, ev.date, ev.article_pk LIMIT ?", (key, limit)))

