"""The in-page headline.

In order:
1. a line that repeats the first line of the dump (usually the HTML <title>) as a whole or
   with its " - Outlet" / " | Section | Outlet" suffixes cut, or repeats the caller's title;
2. among the headline-like lines above the first prose line of the body (and removed ones
   just below it), the one most like the first line, if it is alike enough;
3. the first line itself when it carries an outlet suffix: it is then the HTML <title>,
   a better answer than a guess;
4. the headline-like line nearest above the first prose line, skipping captions, bylines,
   dates and furniture: the headline after a glued lede or a consent banner;
5. a headline-like line just below that prose line that the cleaner removed (the body was
   taken to start too early, at a lede printed before the headline).

Headline-like: 3-30 words, no final full stop or colon, no furniture rule, not a caption,
byline, date, breadcrumb or an outlet's or agency's bare name.
"""

from __future__ import annotations

import re

from newsgraph.clean.metadata.byline import is_byline
from newsgraph.clean.metadata.dates import find_dates
from newsgraph.clean.metadata.gazetteer import Gazetteer
from newsgraph.clean.metadata.view import Finding, PageView, squash
from newsgraph.clean.model import jaccard

__all__ = ["SEPARATOR", "cut_outlet", "find_title", "split_title", "title_like"]

# What sets a title off from the outlet or section after it: "Headline - Outlet", "Headline | Section".
SEPARATOR = re.compile(r"\s+(?:[-–—|•·»]|::)\s+")
_LABEL_END = re.compile(r"[:.;,]$")
_FURNITURE = re.compile(r"^\d+\s+(?:min|mins|minute|minutes)\s+read$|^\d+\s+comments?$", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_QUOTES = "“\"‘'«"
# How far above the body's first prose line a headline may stand, and below it.
_MAX_ABOVE = 30
_MAX_BELOW = 8
# Word overlap (Jaccard) with the first line from which a line is taken for the headline
# that the HTML <title> announces; set on the extraction dev pages (bench/extraction).
_LIKE = 0.3
# A title the caller gave must be this alike to name a line of the page as its headline.
_LIKE_GIVEN = 0.6


def split_title(first: str) -> list[str]:
    """The first line and its prefixes cut at title separators, longest first."""
    parts = SEPARATOR.split(first)
    if len(parts) == 1:
        return [first]
    seps = [m.group() for m in SEPARATOR.finditer(first)]
    return [parts[0] + "".join(s + p for s, p in zip(seps[: k - 1], parts[1:k], strict=True))
            for k in range(len(parts), 0, -1)]


def cut_outlet(first: str) -> str:
    """The first line without its outlet suffix, and without site sections set off by
    pipes ("Title | World | News | Outlet" -> "Title"); dashes may belong to the headline."""
    head = split_title(first)[1] if SEPARATOR.search(first) else first
    while " | " in head and len(head.rsplit(" | ", 1)[1].split()) <= 3:
        head = head.rsplit(" | ", 1)[0]
    return head


def title_like(view: PageView, i: int, gaz: Gazetteer) -> bool:
    """A line that could be a headline (the cheap tests first)."""
    text = view.lines[i].text
    words = text.split()
    if not 3 <= len(words) <= 30 or view.rules[i] is not None:
        return False
    if view.reasons[i] in ("duplicate_lede", "duplicate"):
        return False
    if _LABEL_END.search(text) and not text.endswith("..."):
        return False
    if sum(1 for w in words if w[:1].isalpha() and len(w) > 1) < 3 or _FURNITURE.match(text):
        return False
    if len(SEPARATOR.findall(text)) >= 2 or " > " in text or " › " in text:
        return False
    if text[0] in _QUOTES and (" said" in text or " says" in text):
        return False  # a pull quote with its attribution
    if is_byline(text) or view.is_caption(i, by_position=False) or find_dates(text):
        return False
    bare_name = len(words) <= 5 and all(w[:1].isupper() or w in ("of", "&") for w in words)
    return not (bare_name and (gaz.looks_like_outlet(text) or gaz.looks_like_agency(text) or gaz.is_byline_tail(text)))


def _matching_line(view: PageView, variants: list[str], gaz: Gazetteer, skip_first: bool) -> int | None:
    """The first line that repeats a variant: as written anywhere on the page, or up to
    punctuation and case down to the body's start (a scan of every line costs too much)."""
    variants = [v for v in variants if len(v.split()) >= 3]
    if not variants:
        return None
    begin = view.lines[0].end if skip_first else 0
    for variant in variants:
        pos = view.raw.find(variant, begin)
        while pos >= 0:
            i = view.line_at(pos)
            if view.lines[i].text == variant and title_like(view, i, gaz):
                return i
            pos = view.raw.find(variant, pos + 1)
    keys = {squash(v) for v in variants}
    lengths = [len(v) for v in variants]
    lo, hi = min(lengths) - 8, max(lengths) + 8
    for i in range(1 if skip_first else 0, min(view.anchor + _MAX_BELOW, len(view.lines))):
        text = view.lines[i].text
        if lo <= len(text) <= hi and squash(text) in keys and title_like(view, i, gaz):
            return i
    return None


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _line(view: PageView, i: int, rule: str) -> Finding:
    return Finding(view.lines[i].text, view.line_evidence(i, rule), i, "title")


def find_title(view: PageView, gaz: Gazetteer, given: str | None = None) -> Finding | None:
    """The page's headline and its line; with `given`, only a line that repeats it."""
    lines = view.lines
    if not lines:
        return None
    first = lines[0].text
    variants = split_title(given or first)
    j = _matching_line(view, variants, gaz, skip_first=not given)
    if j is not None:
        return _line(view, j, "title:repeats_first_line" if not given else "title:repeats_given")

    anchor = min(view.anchor, len(lines))
    above = [i for i in range(anchor - 1, max(anchor - _MAX_ABOVE, 0) - 1, -1)
             if title_like(view, i, gaz) and not (i == 0 and len(variants) > 1)]
    below = [i for i in range(anchor + 1, min(anchor + _MAX_BELOW, len(lines)))
             if view.reasons[i] is not None and title_like(view, i, gaz)]
    head = given or cut_outlet(first)
    hint = _words(head) if len(head.split()) >= 3 else set()
    if hint:
        scored = [(jaccard(hint, _words(lines[i].text)), -abs(anchor - i), i) for i in above + below if i > 0]
        best = max(scored, default=None)
        if best and best[0] >= (_LIKE_GIVEN if given else _LIKE):
            return _line(view, best[2], "title:like_first_line")
    if given:
        return None
    if len(variants) > 1 and hint:
        ln = lines[0]
        return Finding(head, view.raw_evidence(ln.start, ln.start + len(head), "title:first_line"))
    if above:
        return _line(view, above[0], "title:above_body")
    if below:
        return _line(view, below[0], "title:below_lede")
    return None
