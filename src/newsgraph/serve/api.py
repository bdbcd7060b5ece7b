"""JSON routes under `/api`: articles, stories, storylines, entities, quotes, events, search.

Lists take `limit` (1 to `MAX_LIMIT`, default 50) and `offset`, and answer
`{"total", "limit", "offset", "items"}`. One article is its full record (docs/format.md). A bad
parameter is a 422 naming it; an unknown id a 404; a malformed raw search a 400.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request

from newsgraph.annotate.event_lexicon import EVENT_TYPES
from newsgraph.serve import queries
from newsgraph.serve.deps import db, not_found
from newsgraph.serve.views import cached_view
from newsgraph.store.search import search as fts_search

__all__ = ["MAX_LIMIT", "router"]

MAX_LIMIT = 200
MAX_OFFSET = 10**9
ENTITY_KINDS = ("person", "organisation", "country", "place", "group", "outlet")
DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"items per page, at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
Json = dict[str, Any]

router = APIRouter(prefix="/api", tags=["api"])


def _page(total: int, limit: int, offset: int, items: list[Any]) -> Json:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/counts", summary="Rows per table")
def counts(request: Request) -> dict[str, int]:
    return db(request).counts()


@router.get("/outlets", summary="Outlets, most articles first")
def outlets(request: Request) -> list[Json]:
    return queries.outlets(db(request).connection)


@router.get("/articles", summary="Articles in ingest order")
def articles(request: Request, limit: Limit = 50, offset: Offset = 0, story: str | None = None,
             storyline: str | None = None, outlet: str | None = None) -> Json:  # fmt: skip
    total, rows = queries.articles(db(request).connection, limit, offset, story=story, storyline=storyline,
                                   outlet=outlet)
    return _page(total, limit, offset, rows)


@router.get("/articles/{article_id:path}", summary="One article record with all its annotations")
def article(request: Request, article_id: Annotated[str, Path(description="the article id, URL-encoded")]) -> Json:
    record = db(request).article(article_id)
    if record is None:
        raise not_found("article", article_id)
    return record


@router.get("/stories", summary="Stories, largest first")
def stories(request: Request, limit: Limit = 50, offset: Offset = 0, storyline: str | None = None) -> Json:
    total, rows = queries.stories(db(request).connection, limit, offset, storyline=storyline)
    return _page(total, limit, offset, rows)


@router.get("/stories/{story_id}", summary="One story: its articles, timeline and outlet comparison")
def story(request: Request, story_id: str) -> Json:
    database = db(request)
    summary = queries.story(database.connection, story_id)
    if summary is None:
        raise not_found("story", story_id)
    view = cached_view(database.connection, request.app.state.stories, story=story_id)
    return {
        **summary,
        "compared": view["shown"],
        "timeline": view["timeline"],
        "comparison": view["raw_comparison"].to_dict(),
    }


@router.get("/storylines", summary="Storylines, most articles first")
def storylines(request: Request, limit: Limit = 50, offset: Offset = 0) -> Json:
    total, rows = queries.storylines(db(request).connection, limit, offset)
    return _page(total, limit, offset, rows)


@router.get("/storylines/{storyline_id}", summary="One storyline and its stories")
def storyline(request: Request, storyline_id: str) -> Json:
    conn = db(request).connection
    summary = queries.storyline(conn, storyline_id)
    if summary is None:
        raise not_found("storyline", storyline_id)
    _, rows = queries.stories(conn, MAX_LIMIT, 0, storyline=storyline_id)
    return {**summary, "stories_list": rows}


@router.get("/entities", summary="Entities, most mentioned first")
def entities(request: Request, limit: Limit = 50, offset: Offset = 0,
             kind: Annotated[str | None, Query(pattern="^(" + "|".join(ENTITY_KINDS) + ")$")] = None,
             name: Annotated[str | None, Query(max_length=200, description="part of the name")] = None,
             ) -> Json:  # fmt: skip
    total, rows = queries.entities(db(request).connection, limit, offset, kind=kind, name=name)
    return _page(total, limit, offset, rows)


@router.get("/entities/{entity_id}", summary="One entity: mentions, quotes by and about it, co-occurring entities")
def entity(request: Request, entity_id: Annotated[int, Path(ge=1, le=2**62)], limit: Limit = 50) -> Json:
    conn = db(request).connection
    row = queries.entity(conn, entity_id)
    if row is None:
        raise not_found("entity", entity_id)
    _, said = queries.quotes(conn, limit, 0, speaker_entity=entity_id)
    return {
        **row,
        "mention_list": queries.entity_mentions(conn, entity_id, limit),
        "quotes_by": said,
        "quotes_about": queries.quotes_about(conn, entity_id, limit),
        "co_occurring": queries.co_occurring(conn, entity_id, limit),
        "events": queries.entity_events(conn, entity_id, limit),
    }


@router.get("/quotes", summary="Quotes in article order")
def quotes(request: Request, limit: Limit = 50, offset: Offset = 0,
           speaker: Annotated[str | None, Query(description="canonical speaker name")] = None,
           article: str | None = None, story: str | None = None) -> Json:  # fmt: skip
    total, rows = queries.quotes(db(request).connection, limit, offset, speaker=speaker, article=article,
                                 story=story)
    return _page(total, limit, offset, rows)


@router.get("/events", summary="Coded events by date")
def events(request: Request, limit: Limit = 50, offset: Offset = 0,
           type: Annotated[str | None, Query(pattern="^(" + "|".join(EVENT_TYPES) + ")$")] = None,
           story: str | None = None, storyline: str | None = None, article: str | None = None,
           since: Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]]")] = None,
           until: Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]]")] = None) -> Json:  # fmt: skip
    if since and until and since > until:
        raise HTTPException(400, f"since ({since}) is after until ({until})")
    total, rows = queries.events(db(request).connection, limit, offset, kind=type, story=story,
                                 storyline=storyline, article=article, since=since, until=until)
    return _page(total, limit, offset, rows)


@router.get("/search", summary="Full-text search over articles, quotes and entity names")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=500)], limit: Limit = 20,
           raw: Annotated[bool, Query(description="q is FTS5 syntax")] = False) -> Json:  # fmt: skip
    hits = fts_search(db(request).connection, q, limit, raw)
    return {
        "query": q,
        "articles": [{"id": h.id, "title": h.title, "outlet": h.outlet, "published": h.published,
                      "snippet": h.snippet} for h in hits.articles],
        "quotes": [{"article_id": h.article_id, "start": h.start, "end": h.end, "text": h.text,
                    "speaker": h.speaker, "speaker_kind": h.speaker_kind} for h in hits.quotes],
        "entities": [{"id": h.id, "name": h.name, "kind": h.kind, "mentions": h.mentions} for h in hits.entities],
    }
