"""The article in an HTML page: body text by trafilatura, date by htmldate, never a fetch.

Both libraries fetch a URL when handed a string that looks like one (htmldate's
`load_html` downloads any string starting with "http" and without a space). So the page
is parsed here once, with trafilatura's parser, and both get the tree, never the string.

One `bare_extraction` call gives text, title, site name and date; it runs htmldate on the
tree with the parameters below. Deduplication uses a cache made for the call: the default
is a process-wide cache, with which a paragraph seen in earlier pages (or the same page
processed twice) silently drops out, so the result would depend on what ran before.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.deduplication import LRUCache
from trafilatura.settings import Document
from trafilatura.utils import load_html

from newsgraph.errors import InputError

__all__ = ["HtmlPage", "html_to_page"]

# Markup that can carry a publication date, in the order the evidence names the first hit.
_META_ATTRIBUTES = ("property", "name", "itemprop", "http-equiv")
_DEDUP_CACHE_SIZE = 4096


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What one HTML page says about its article.

    `published` is YYYY-MM-DD or None; `date_evidence` names the markup that carries that
    day (htmldate does not say which rule it used, so this is the first matching markup),
    "htmldate" when none does (a date found in the text), and "" without a date.
    """

    text: str
    title: str | None
    published: str | None
    outlet: str | None
    date_evidence: str


def html_to_page(html: str, url: str | None = None) -> HtmlPage:
    """The article body, title, publication date and outlet of one HTML page.

    `url`, when known, helps both libraries (dates in paths, site names) but is only
    parsed, never fetched. Raises `InputError` when the page has no article text.
    """
    tree = load_html(html)
    if tree is None:
        raise InputError("not HTML: no markup could be parsed")
    dated_markup = _dated_markup(tree, url)
    result = bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        favor_precision=False,
        deduplicate=LRUCache(maxsize=_DEDUP_CACHE_SIZE),
        with_metadata=True,
        date_extraction_params=_date_params(),
    )
    if not isinstance(result, Document) or not (result.text or "").strip():
        raise InputError("no article text found in the HTML")
    published = _not_future(result.date)
    evidence = _evidence(published, dated_markup)
    if evidence == "htmldate" and published and _year_only_guess(published, tree.text_content()):
        published, evidence = None, ""
    return HtmlPage(
        text=result.text or "",
        title=result.title or None,
        published=published,
        outlet=result.sitename or None,
        date_evidence=evidence,
    )


def _date_params() -> dict[str, Any]:
    """htmldate settings: the original (not the updated) date, text search on, no future.

    The limit is the end of today, as htmldate's own default, so an article published this
    morning is kept.
    """
    end_of_today = datetime.now().replace(hour=23, minute=59, second=59, microsecond=999999)
    return {
        "extensive_search": True,
        "original_date": True,
        "outputformat": "%Y-%m-%d",
        "max_date": end_of_today,
    }


def _not_future(value: str | None) -> str | None:
    """The date if it is a YYYY-MM-DD day not after today; a guard on htmldate's limit."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return value if day <= date.today() else None


def _year_only_guess(published: str, page_text: str) -> bool:
    """Whether htmldate turned a bare year into 1 January: its last resorts do that with a
    "Copyright 2025" footer or any lone year, which would give a story a day it never had.
    Only a 1 January that the page itself writes out (in English or digits) is kept.
    """
    year, month_day = published[:4], published[5:]
    if month_day != "01-01":
        return False
    written = re.compile(
        rf"\b(?:jan(?:uary|\.)?\s+0?1(?:st)?\b|0?1(?:st)?\s+jan(?:uary|\.)?\b"
        rf"|{year}[-/.]0?1[-/.]0?1\b|0?1[-/.]0?1[-/.]{year}\b)",
        re.IGNORECASE,
    )
    return written.search(page_text) is None


def _dated_markup(tree: HtmlElement, url: str | None) -> list[tuple[str, str]]:
    """(value, label) of every place a date is usually declared, read before extraction."""
    found: list[tuple[str, str]] = []
    for meta in tree.iter("meta"):
        content = meta.get("content")
        attribute = next((a for a in _META_ATTRIBUTES if meta.get(a)), None)
        if content and attribute:
            found.append((content, f"<meta {attribute}={meta.get(attribute)}>"))
    for element in tree.iter("time"):
        if element.get("datetime"):
            found.append((element.get("datetime", ""), "<time datetime>"))
    for script in tree.iter("script"):
        if script.get("type", "").lower() == "application/ld+json" and script.text:
            found.extend((value, f"JSON-LD {key}") for key, value in _json_ld_dates(script.text))
    if url:
        found.append((url.replace("/", "-"), "URL"))
    return found


def _json_ld_dates(source: str) -> list[tuple[str, str]]:
    try:
        data = json.loads(source)
    except ValueError:
        return []
    dates: list[tuple[str, str]] = []
    stack: list[Any] = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if isinstance(value, str) and key.startswith("date"):
                    dates.append((key, value))
                else:
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return dates


def _evidence(published: str | None, dated_markup: list[tuple[str, str]]) -> str:
    if published is None:
        return ""
    for value, label in dated_markup:
        if label == "URL":
            if published in value:
                return f"htmldate: {label}"
        elif value.strip().startswith(published):
            return f"htmldate: {label}"
    return "htmldate"
