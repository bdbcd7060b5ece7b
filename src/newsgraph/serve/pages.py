"""HTML pages: overview, articles, article, story, storyline, entities, entity, search.

Each route reads what its page shows (a page of a list, never the whole database) and hands
plain values to a template; the templates autoescape, and the only HTML built in Python is the
annotated article text (`markup.render`, which escapes every piece itself).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from newsgraph.serve import queries
from newsgraph.serve.api import ENTITY_KINDS, MAX_LIMIT, Limit, Offset
from newsgraph.serve.charts import coverage_chart
from newsgraph.serve.deps import db, not_found, templates
from newsgraph.serve.links import Anchors
from newsgraph.serve.markup import article_marks, render
from newsgraph.serve.views import cached_view, removed_blocks
from newsgraph.store.search import search as fts_search

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
Context = dict[str, Any]
_MARK = ("\x02", "\x03")  # snippet match markers no text contains, swapped for <mark> after escaping


def _page(request: Request, name: str, context: Context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def _anchors(conn: sqlite3.Connection, pks: dict[str, int]) -> Anchors:
    """Sentence links into the articles `pks` (id to pk), their texts read in one query."""
    texts = queries.article_texts(conn, pks.values())
    return Anchors({key: texts[pk] for key, pk in pks.items()})


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    conn = db(request).connection
    total_stories, stories = queries.stories(conn, 25, 0)
    total_lines, lines = queries.storylines(conn, 15, 0)
    _, people = queries.entities(conn, 15, 0)
    return _page(request, "overview.html", {
        "counts": db(request).counts(),
        "outlets": queries.outlets(conn),
        "chart": coverage_chart(queries.coverage(conn)),
        "stories": stories, "total_stories": total_stories,
        "storylines": lines, "total_storylines": total_lines,
        "entities": people,
    })


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, limit: Limit = 50, offset: Offset = 0, outlet: str | None = None,
             story: str | None = None) -> HTMLResponse:  # fmt: skip
    total, rows = queries.articles(db(request).connection, limit, offset, outlet=outlet, story=story)
    return _page(request, "articles.html", {"total": total, "rows": rows, "limit": limit, "offset": offset,
                                            "outlet": outlet, "story": story})


@router.get("/article/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    database = db(request)
    record = database.article(article_id)
    if record is None:
        raise not_found("article", article_id)
    conn = database.connection
    entity_ids = queries.mention_entities(conn, article_id)
    text = record["text"]
    anchors = Anchors({article_id: text})  # one sentence split for the marks and the links
    paras = render(text, article_marks(record, anchors.spans(article_id), entity_ids))
    before, after = removed_blocks(record, [p.start for p in paras])
    _, quote_rows = queries.quotes(conn, MAX_LIMIT * 5, 0, article=article_id)
    speakers = {q["start"]: q["speaker_entity_id"] for q in quote_rows}
    people: dict[tuple[str, str], dict[str, Any]] = {}
    for e in record["entities"]:
        item = people.setdefault((e["canonical"], e["kind"]), {"name": e["canonical"], "kind": e["kind"],
                                                              "id": entity_ids.get((e["start"], e["end"])),
                                                              "count": 0, "first": e["start"]})
        item["count"] += 1
    return _page(request, "article.html", {
        "r": record,
        "blocks": list(zip(paras, before, strict=True)),
        "removed_after": after,
        "removed_count": len(record["removed"]),
        "link": lambda offset: anchors.link(article_id, offset),
        "speakers": speakers,
        "people": sorted(people.values(), key=lambda p: (-p["count"], p["name"])),
    })


@router.get("/story/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> HTMLResponse:
    conn = db(request).connection
    summary = queries.story(conn, story_id)
    if summary is None:
        raise not_found("story", story_id)
    _, rows = queries.articles(conn, MAX_LIMIT, 0, story=story_id)
    view = cached_view(conn, request.app.state.stories, story=story_id)
    return _page(request, "story.html", {"kind": "story", "s": summary, "articles": rows, "stories": [], "view": view})


@router.get("/storyline/{storyline_id}", response_class=HTMLResponse)
def storyline(request: Request, storyline_id: str) -> HTMLResponse:
    conn = db(request).connection
    summary = queries.storyline(conn, storyline_id)
    if summary is None:
        raise not_found("storyline", storyline_id)
    _, stories = queries.stories(conn, MAX_LIMIT, 0, storyline=storyline_id)
    _, rows = queries.articles(conn, MAX_LIMIT, 0, storyline=storyline_id)
    summary = {**summary, "title": stories[0]["title"] if stories else None, "storyline": storyline_id,
               "outlet_names": sorted({name for s in stories for name in s["outlet_names"]})}
    return _page(request, "story.html", {"kind": "storyline", "s": summary, "articles": rows, "stories": stories,
                                         "view": cached_view(conn, request.app.state.stories,
                                                             storyline=storyline_id)})


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, limit: Limit = 50, offset: Offset = 0,
             kind: Annotated[str | None, Query(pattern="^(" + "|".join(ENTITY_KINDS) + ")?$")] = None,
             name: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:  # fmt: skip
    total, rows = queries.entities(db(request).connection, limit, offset, kind=kind or None, name=name or None)
    return _page(request, "entities.html", {"total": total, "rows": rows, "limit": limit, "offset": offset,
                                            "kind": kind or None, "name": name or None, "kinds": ENTITY_KINDS})


@router.get("/entity/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: int) -> HTMLResponse:
    conn = db(request).connection
    row = queries.entity(conn, entity_id)
    if row is None:
        raise not_found("entity", entity_id)
    mentions = queries.entity_mentions(conn, entity_id, 100)
    _, said = queries.quotes(conn, 50, 0, speaker_entity=entity_id)
    about = queries.quotes_about(conn, entity_id, 50)
    events = queries.entity_events(conn, entity_id, 50)
    anchors = _anchors(conn, {r["article_id"]: r["article_pk"] for r in mentions + said + about + events})
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in mentions:
        by_article[m["article_id"]].append(m)
    return _page(request, "entity.html", {
        "e": row, "mentions": by_article, "quotes_by": said, "quotes_about": about, "events": events,
        "co_occurring": queries.co_occurring(conn, entity_id, 20), "anchors": anchors,
    })


def _snippet(text: str) -> Markup:
    """The FTS snippet, escaped, with its match markers as <mark>."""
    return Markup(str(escape(text)).replace(_MARK[0], "<mark>").replace(_MARK[1], "</mark>"))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Annotated[str, Query(max_length=500)] = "", limit: Limit = 20,
           raw: bool = False) -> HTMLResponse:  # fmt: skip
    conn = db(request).connection
    hits = fts_search(conn, q, limit, raw, _MARK) if q.strip() else None
    anchors = _anchors(conn, {h.article_id: h.article_pk for h in hits.quotes} if hits is not None else {})
    return _page(request, "search.html", {
        "q": q, "raw": raw, "hits": hits, "anchors": anchors, "snippet": _snippet,
    })
