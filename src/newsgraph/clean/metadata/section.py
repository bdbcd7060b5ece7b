"""The section of the site the article sits in, when the page says so near the headline.

In order:
1. a short label line right above the headline ("Port & Shipping", "Economy"), set apart
   from any menu: a blank line or a breadcrumb before it, or no short line before it;
2. a breadcrumb in the three lines above the headline ("Business | Shipping", "Home > News >
   Politics"): its first item that is not the home page or the generic "News";
3. the label after the date on a header line: "date 2025-08-24 International".
Otherwise None: a menu item from a navigation list is never taken.
"""

from __future__ import annotations

import re

from newsgraph.clean.metadata.byline import is_byline
from newsgraph.clean.metadata.dates import WEEKDAYS, find_dates
from newsgraph.clean.metadata.gazetteer import Gazetteer
from newsgraph.clean.metadata.view import Finding, PageView, squash

__all__ = ["find_section"]

_CRUMB = re.compile(r"\s+(?:[|>›»/]|::)\s+")
_HOME = frozenset({"home", "homepage", "home page", "start", "main", "front page", "index",
                   "главная", "startseite", "accueil", "inicio", "início", "beranda", "首页"})
_GENERIC = _HOME | {"news", "all news"}
# Short lines near a headline that are interface, advertising or language switches.
_NOT_SECTION = frozenset(
    "advertisement advertising ad ads anzeige werbung publicidad publicité pubblicità iklan реклама sponsored "
    "donate copy print share email comment comments login register subscribe menu search close "
    "english italian italiano français francais deutsch español espanol русский português portuguese "
    "german french spanish russian arabic chinese".split()
)
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?:\s*(?:[ap]\.?m\.?|gmt|utc|cet|cest|est|edt|bst|msk|et))?\b", re.IGNORECASE
)
_HEADER_WORDS = re.compile(
    r"\b(?i:date|published|posted|updated|last updated|on|at|" + "|".join(WEEKDAYS) + r")\b|[|,:·•–—-]"
)
_MAX_LABEL_WORDS = 4
_MAX_LABEL_CHARS = 40
_CRUMB_REACH = 3


def _label(text: str, gaz: Gazetteer, outlet: str | None) -> bool:
    """A line that reads as a section name: one to four capitalised words, no punctuation
    of a sentence, no digits, not a breadcrumb, byline, outlet or interface string."""
    words = text.split()
    if not 1 <= len(words) <= _MAX_LABEL_WORDS or len(text) > _MAX_LABEL_CHARS or not text[:1].isupper():
        return False
    if text[-1] in ".:;,!?" or any(c.isdigit() or c == "/" for c in text) or " - " in text or " – " in text:
        return False
    folded = text.casefold()
    if folded in _HOME or folded in _NOT_SECTION or (len(text) <= 4 and text.isupper()):
        return False  # "Home", "Advertisement", "English"; "ET", "PT": a time zone split from its time
    if _CRUMB.search(text) or is_byline(text) or gaz.wire(text) or gaz.outlet(text):
        return False
    return not (outlet and squash(text) == squash(outlet))


def _items(text: str) -> list[str] | None:
    """The items of a breadcrumb line, or None when the line is not one."""
    items = [p.strip() for p in _CRUMB.split(text)]
    if not 2 <= len(items) <= 5 or any(not p or len(p.split()) > _MAX_LABEL_WORDS for p in items):
        return None
    if all(len(p) <= 3 and p.isupper() for p in items):
        return None  # a language switch: "RU | EN | DE"
    if any(find_dates(p) or not p[:1].isupper() for p in items):
        return None
    return items


def _label_above(view: PageView, title: int, gaz: Gazetteer, outlet: str | None) -> Finding | None:
    """The label line right above the headline, when it is no menu's last item: a breadcrumb
    ending in it stands before it, or it is set apart and the page names it elsewhere."""
    i = title - 1
    if i < 0 or view.rules[i] is not None or not _label(view.lines[i].text, gaz, outlet):
        return None
    ln = view.lines[i]
    if i > 0:
        prev = view.lines[i - 1].text
        crumbs = _items(prev)
        apart = ln.gap_before > 0 or len(prev.split()) > _MAX_LABEL_WORDS
        ends_crumb = bool(crumbs) and squash(crumbs[-1]) == squash(ln.text)
        if not ends_crumb and not (apart and _again(view, ln.text, i)):
            return None
    return Finding(ln.text, view.line_evidence(i, "section:label_above_title"), i, "section")


def _again(view: PageView, text: str, i: int) -> bool:
    """True when `text` occurs on the page outside line `i`: a section is named in the menu
    or in a "More from <section>" list too, a kicker or an interface string seldom is."""
    ln = view.lines[i]
    return view.raw.find(text, ln.end) >= 0 or view.raw.find(text, 0, ln.start) >= 0


def _breadcrumb(view: PageView, title: int) -> Finding | None:
    """The first specific item of a breadcrumb a few lines above the headline (never the
    first line of the page, which is the HTML <title> or the site's name)."""
    for i in range(title - 1, max(title - 1 - _CRUMB_REACH, 0), -1):
        items = _items(view.lines[i].text)
        if not items:
            continue
        for item in items:
            if item.casefold() not in _GENERIC:
                if item.casefold() in _NOT_SECTION or not _again(view, item, i):
                    break
                ln = view.lines[i]
                start = ln.start + ln.text.index(item)
                return Finding(item, view.raw_evidence(start, start + len(item), "section:breadcrumb"), i, "section")
    return None


def _after_date(view: PageView, title: int | None) -> Finding | None:
    """The capitalised words after the date of a short header line above the headline."""
    hi = title if title is not None else min(view.anchor, len(view.lines))
    for hit in view.dates():
        i = view.line_at(hit.start)
        if i >= hi:
            break
        ln = view.lines[i]
        if len(ln.text.split()) > 8:
            continue
        rest = ln.text[hit.end - ln.start:]
        rest = _HEADER_WORDS.sub(" ", _TIME.sub(" ", rest)).strip()
        words = rest.split()
        if len(words) == 1 and len(rest) <= 4 and rest.isupper():
            continue  # a time zone: "EST", "CEST"
        if 1 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words if w != "&"):
            at = ln.text.rfind(rest)
            if at >= 0:
                evidence = view.raw_evidence(ln.start + at, ln.start + at + len(rest), "section:after_date")
            else:
                evidence = view.line_evidence(i, "section:after_date")
            return Finding(" ".join(words), evidence, i, "dateline")
    return None


def find_section(view: PageView, gaz: Gazetteer, title_line: int | None, outlet: str | None) -> Finding | None:
    """The section label, or None when the page does not say it near the headline."""
    if title_line is not None:
        found = _label_above(view, title_line, gaz, outlet) or _breadcrumb(view, title_line)
        if found:
            return found
    return _after_date(view, title_line)
