"""Full-text search over article titles and bodies, quotes (and who said them) and entity names.

What a person types is not FTS5 syntax: `"`, `-`, `AND`, `*` mean something to FTS5 and a stray
one is a syntax error. So by default each word of the query is quoted as a term of its own and
every one must match; `raw=True` passes FTS5 syntax through for those who
want it, and a malformed raw query is an `InputError`.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from newsgraph.errors import InputError

__all__ = ["ArticleHit", "EntityHit", "QuoteHit", "SearchResults", "fts_query", "search"]

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ArticleHit:
    """An article matching the query; `snippet` is the best stretch of its text, matches marked."""

    pk: int
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """A quote matching the query (its content or its speaker's name), with its article."""

    pk: int
    article_pk: int
    article_id: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_kind: str | None


@dataclass(frozen=True, slots=True)
class EntityHit:
    """An entity whose canonical name matches, with how often it is mentioned."""

    id: int
    name: str
    kind: str
    mentions: int


@dataclass(frozen=True, slots=True)
class SearchResults:
    """Hits of one query, best first in each group."""

    articles: tuple[ArticleHit, ...]
    quotes: tuple[QuoteHit, ...]
    entities: tuple[EntityHit, ...]


def fts_query(text: str) -> str:
    """An FTS5 query matching rows that contain every word of `text` ("" when it has none)."""
    return " ".join(f'"{word}"' for word in _WORD.findall(text))


_ARTICLES = (
    "SELECT a.pk, a.id, a.title, o.name, a.published, snippet(articles_fts, 1, ?, ?, '…', 16)"
    " FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid LEFT JOIN outlets o ON o.id = a.outlet_id"
    " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
)
_QUOTES = (
    "SELECT q.pk, q.article_pk, a.id, q.start, q.end, q.text, q.speaker_canonical, q.speaker_kind"
    " FROM quotes_fts JOIN quotes q ON q.pk = quotes_fts.rowid JOIN articles a ON a.pk = q.article_pk"
    " WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?"
)
_ENTITIES = (
    "SELECT e.id, e.name, e.kind, (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)"
    " FROM entities_fts JOIN entities e ON e.id = entities_fts.rowid WHERE entities_fts MATCH ? ORDER BY rank LIMIT ?"
)


def search(
    conn: sqlite3.Connection, query: str, limit: int = 20, raw: bool = False, mark: tuple[str, str] = ("[", "]")
) -> SearchResults:
    """Articles, quotes and entities matching `query`, at most `limit` of each."""
    if limit < 1:
        raise InputError("limit must be at least 1")
    match = query.strip() if raw else fts_query(query)
    if not match:
        return SearchResults((), (), ())
    try:
        articles = tuple(ArticleHit(*row) for row in conn.execute(_ARTICLES, (*mark, match, limit)))
        quotes = tuple(QuoteHit(*row) for row in conn.execute(_QUOTES, (match, limit)))
        entities = tuple(EntityHit(*row) for row in conn.execute(_ENTITIES, (match, limit)))
    except sqlite3.OperationalError as exc:
        raise InputError(f"cannot search for {query!r}: {exc}") from exc
    return SearchResults(articles, quotes, entities)
