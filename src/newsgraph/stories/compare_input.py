"""Article records (the JSONL contract, docs/format.md) read defensively for the comparison.

`compare` reads what `newsgraph extract` wrote, possibly by an older or newer version or edited
by hand, so a missing key, a null or a span outside the text must not stop a comparison: such an
annotation is dropped here, once, and the comparison modules can trust what they get.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from newsgraph.sentences import Sentences

__all__ = ["ArticleInput", "read_articles", "span_inside"]

@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One usable article: its outlet (the record's, or a stand-in from its id), headline, body
    and the annotation dicts whose spans lie inside the body."""

    id: str
    outlet: str
    title: str
    text: str
    entities: tuple[Mapping[str, Any], ...]
    quotes: tuple[Mapping[str, Any], ...]
    events: tuple[Mapping[str, Any], ...]
    quantities: tuple[Mapping[str, Any], ...]
    sentences: Sentences


def read_articles(records: list[Mapping[str, Any]] | tuple[Mapping[str, Any], ...]) -> list[ArticleInput]:
    """The records that are articles (error records and non-objects are skipped), in order."""
    articles = []
    for number, record in enumerate(records):
        if not isinstance(record, Mapping) or "error" in record or not isinstance(record.get("text"), str):
            continue
        text: str = record["text"]
        ident = _string(record.get("id")) or f"#{number}"
        articles.append(
            ArticleInput(
                id=ident,
                outlet=_string(record.get("outlet")) or f"unknown ({ident})",
                title=_string(record.get("title")) or "",
                text=text,
                entities=_spanned(record.get("entities"), text),
                quotes=_spanned(record.get("quotes"), text),
                events=tuple(e for e in _dicts(record.get("events")) if _event_ok(e, text)),
                quantities=_spanned(record.get("quantities"), text),
                sentences=Sentences(text),
            )
        )
    return articles


def _string(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _dicts(value: Any) -> tuple[Mapping[str, Any], ...]:
    return tuple(v for v in value if isinstance(v, Mapping)) if isinstance(value, list | tuple) else ()


def span_inside(item: Any, text: str) -> bool:
    """Whether `item` is a span dict whose integer `start`..`end` lies inside `text`."""
    if not isinstance(item, Mapping):
        return False
    start, end = item.get("start"), item.get("end")
    return type(start) is int and type(end) is int and 0 <= start <= end <= len(text)


def _spanned(value: Any, text: str) -> tuple[Mapping[str, Any], ...]:
    return tuple(item for item in _dicts(value) if span_inside(item, text))


def _event_ok(event: Mapping[str, Any], text: str) -> bool:
    return isinstance(event.get("type"), str) and span_inside(event.get("trigger"), text)
