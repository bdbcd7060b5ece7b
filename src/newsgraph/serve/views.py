"""What a story (or storyline) page shows, built from its article records.

Two views of the same articles: the timeline puts each coded event on its date, in the column of
the outlet that reported it; the comparison (`newsgraph.stories.compare_story`) puts the outlets
side by side, fact by fact, then voice by voice and word by word. Every item carries the link to
its sentence. A very large story is compared on its first `MAX_COMPARED` articles, and the page
says so, to keep the page fast.

The comparison costs about 2 ms an article (lexicon scans), far more than reading the records,
so `StoryCache` keeps recent views. The server never writes, but an ingest in another process
may add articles to a story, so a view is reused only while the story's article count and
newest article are what they were when it was built.
"""

from __future__ import annotations

import sqlite3
import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from newsgraph.serve import queries
from newsgraph.serve.links import Anchors, article_url
from newsgraph.store.read import read_records
from newsgraph.stories import compare_story

__all__ = ["MAX_COMPARED", "StoryCache", "cached_view", "outlet_of", "removed_blocks", "story_view", "timeline"]

Record = dict[str, Any]

MAX_COMPARED = 40
UNDATED = "no date"
_COVERAGE_ORDER = {"all": 0, "some": 1, "only": 2}


def outlet_of(record: Record) -> str:
    """The outlet column of an article: its outlet, or one of its own when it names none (as `compare_story`)."""
    return record.get("outlet") or f"unknown ({record['id']})"


def timeline(records: Sequence[Record], anchors: Anchors) -> tuple[list[str], list[dict[str, Any]]]:
    """Outlets (columns) and rows `{"date", "cells": [[event, …] per outlet]}`, dated rows first in date order."""
    outlets = list(dict.fromkeys(outlet_of(r) for r in records))
    column = {name: i for i, name in enumerate(outlets)}
    rows: dict[str, list[list[dict[str, Any]]]] = {}
    for record in records:
        for event in record["events"]:
            trigger = event["trigger"]
            item = {
                "type": event["type"],
                "status": event["status"],
                "trigger": trigger["text"],
                "actor": (event["actor"] or {}).get("canonical"),
                "recipient": (event["recipient"] or {}).get("canonical"),
                "location": (event["location"] or {}).get("canonical"),
                "source": event["source"]["name"] if event["source"]["kind"] == "speaker" else None,
                "date_source": event["date_source"],
                "article_id": record["id"],
                "title": record.get("title"),
                "sentence": anchors.text(record["id"], trigger["start"]),
                "link": anchors.link(record["id"], trigger["start"]),
            }
            cells = rows.setdefault(event["date"] or UNDATED, [[] for _ in outlets])
            cells[column[outlet_of(record)]].append(item)
    order = sorted(rows, key=lambda d: (d == UNDATED, d))
    return outlets, [{"date": d, "cells": rows[d]} for d in order]


def _mention(m: Any, anchors: Anchors) -> dict[str, Any]:
    return {"text": m.text, "sentence": m.sentence, "value": m.value, "source": m.source,
            "article_id": m.article_id, "link": anchors.link(m.article_id, m.start)}


def _term(t: Any, anchors: Anchors) -> dict[str, Any]:
    link = anchors.link(t.article_id, t.start) if t.where == "body" else article_url(t.article_id)
    return {"text": t.text, "term": t.term, "category": t.category, "polarity": t.polarity, "where": t.where,
            "speaker": t.speaker, "context": t.context, "link": link}


def story_view(records: Sequence[Record], total: int | None = None) -> dict[str, Any]:
    """Timeline and outlet comparison of `records` (at most MAX_COMPARED of them, of `total`), links included."""
    shown = list(records[:MAX_COMPARED])
    anchors = Anchors({r["id"]: r["text"] for r in shown})
    outlets, rows = timeline(shown, anchors)
    comparison = compare_story(shown)
    facts = sorted(comparison.facts, key=lambda f: (_COVERAGE_ORDER.get(f.coverage, 3), -len(f.outlets)))
    fact_rows = []
    for fact in facts:
        cells: list[list[dict[str, Any]]] = [[] for _ in comparison.outlets]
        for m in fact.mentions:
            cells[comparison.outlets.index(m.outlet)].append(_mention(m, anchors))
        fact_rows.append({"id": fact.id, "kind": fact.kind, "label": fact.label, "coverage": fact.coverage,
                          "spread": fact.spread, "cells": cells})
    reports = []
    for report in comparison.reports:
        reports.append({
            "outlet": report.outlet,
            "articles": [{"id": a, "link": article_url(a)} for a in report.article_ids],
            "titles": report.titles,
            "counts": {"all": len(report.shared_by_all), "some": len(report.shared_by_some),
                       "only": len(report.only_here), "contradictions": len(report.contradictions)},
            "voices": [g.to_dict() for g in report.voices],
            "own_voice": [_term(t, anchors) for t in report.own_voice],
            "attributed": [_term(t, anchors) for t in report.attributed],
            "tone": report.tone.to_dict(),
            "headlines": [h.to_dict() for h in report.headlines],
        })
    contradictions = [
        {"kind": c.kind, "label": c.label,
         "claims": [{"outlet": x.outlet, "value": x.value, "text": x.text, "link": article_url(x.article_id)}
                    for x in c.claims]}
        for c in comparison.contradictions
    ]
    return {
        "shown": len(shown),
        "total": len(records) if total is None else total,
        "timeline": {"outlets": outlets, "rows": rows},
        "comparison": {"outlets": list(comparison.outlets), "facts": fact_rows, "contradictions": contradictions,
                       "reports": reports},
        "raw_comparison": comparison,
    }


def removed_blocks(record: Record, starts: Sequence[int]) -> tuple[list[list[Record]], list[Record]]:
    """What the cleaner removed, placed where it stood: the lines before each paragraph (by its
    start offset in `starts`) and those after the last.

    Removed lines carry offsets into the raw page; `offset_map` says where kept text came from, so
    a removed line goes before the paragraph holding the first kept text that followed it.
    """
    pieces = sorted(record["offset_map"], key=lambda t: t[1])
    raw_starts = [raw for _, raw, _ in pieces]
    before: list[list[Record]] = [[] for _ in starts]
    after: list[Record] = []
    for item in record["removed"]:
        i = bisect_left(raw_starts, item["end"])
        clean = pieces[i][0] if i < len(pieces) else len(record["text"])
        j = bisect_left(starts, clean)
        (before[j] if j < len(starts) else after).append(item)
    return before, after


class StoryCache:
    """The latest `size` story views, each under a key that changes when its story does."""

    def __init__(self, size: int = 128) -> None:
        self.size = size
        self._views: OrderedDict[Hashable, dict[str, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """The view cached under `key`, or `build()`'s, cached."""
        with self._lock:
            view = self._views.get(key)
            if view is not None:
                self._views.move_to_end(key)
                return view
        view = build()
        with self._lock:
            self._views[key] = view
            while len(self._views) > self.size:
                self._views.popitem(last=False)
        return view


def cached_view(conn: sqlite3.Connection, cache: StoryCache, *, story: str | None = None,
                storyline: str | None = None) -> dict[str, Any]:  # fmt: skip
    """The view of a story or storyline (its first MAX_COMPARED articles), from `cache` while it is current."""
    total, newest = queries.version(conn, story=story, storyline=storyline)

    def build() -> dict[str, Any]:
        pks = queries.article_pks(conn, MAX_COMPARED, story=story, storyline=storyline)
        return story_view(list(read_records(conn, pks)), total)

    return cache.get((story, storyline, total, newest), build)
