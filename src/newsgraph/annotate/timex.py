"""TIMEX3 recognition and normalisation, anchored to the publication date.

Each rule family (calendar dates, relative dates, durations and sets, clock times) is a list
of regexes with a normaliser. A regex runs only on the stretches of text around its rule's
trigger words; where matches overlap the longest wins, so "Monday next week" beats "next
week" and "May 2009" beats "2009". Rules that borrow a date from elsewhere in the text (clock
times, "the same day") run last, on the days the others found.
"""

from __future__ import annotations

import re

from newsgraph.annotate.timex_calendar import parse_anchor
from newsgraph.annotate.timex_dates import DATE_RULES
from newsgraph.annotate.timex_durations import DURATION_RULES
from newsgraph.annotate.timex_relative import RELATIVE_RULES
from newsgraph.annotate.timex_rule import Context, Found, Rule
from newsgraph.annotate.timex_tense import TenseReader
from newsgraph.annotate.timex_times import TIME_RULES
from newsgraph.records import Timex

__all__ = ["SPANS_KEY", "find_timexes"]

RULES: list[Rule] = [*DATE_RULES, *RELATIVE_RULES, *DURATION_RULES, *TIME_RULES]
_EARLY = [rule for rule in RULES if not rule.late]
_LATE = [rule for rule in RULES if rule.late]
# `doc.user_data` key under which the timex spans are left for the quantity annotator, which
# must not count "2026" or "three years" as amounts.
SPANS_KEY = "newsgraph_timex_spans"

_WORD = re.compile(r"[A-Za-z]+|\d+")
# How far before and after a trigger word a match may reach ("the very beginning of the
# financial year", "almost two and a half years", "Thursday, March 20, 2025").
_BEFORE = 48
_AFTER = 48
_Group = tuple[int, int, int, list[Found]]  # extent start, extent end, rule rank, items


def find_timexes(doc, published: str | None) -> list[Timex]:
    """TIMEX3 expressions of a parsed `Doc`; `published` (YYYY-MM-DD or None) anchors them."""
    text = doc.text
    ctx = Context(text, parse_anchor(published), TenseReader(doc))
    words = _word_index(text)
    early = _select(_matches(_EARLY, ctx, words, 0))
    ctx.note_dates([item for group in early for item in group[3]])
    chosen = _select(early + _matches(_LATE, ctx, words, len(_EARLY)))
    timexes = sorted(
        (Timex(f.start, f.end, text[f.start : f.end], f.type, f.value) for group in chosen for f in group[3]),
        key=lambda t: (t.start, -t.end),
    )
    doc.user_data[SPANS_KEY] = [(t.start, t.end) for t in timexes]
    return timexes


def _word_index(text: str) -> dict[str, list[int]]:
    """Start offsets of each lower-cased word, and of every number under "#"."""
    index: dict[str, list[int]] = {}
    for m in _WORD.finditer(text):
        word = m[0]
        index.setdefault("#" if word[0].isdigit() else word.lower(), []).append(m.start())
    return index


def _windows(rule: Rule, words: dict[str, list[int]], size: int) -> list[tuple[int, int]]:
    """Merged stretches of text around the rule's trigger words."""
    starts = sorted(pos for word in rule.triggers for pos in words.get(word, ()))
    merged: list[tuple[int, int]] = []
    for pos in starts:
        lo, hi = max(0, pos - _BEFORE), min(size, pos + _AFTER)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


def _matches(rules: list[Rule], ctx: Context, words: dict[str, list[int]], rank0: int) -> list[_Group]:
    groups: list[_Group] = []
    text = ctx.text
    for rank, rule in enumerate(rules, rank0):
        for lo, hi in _windows(rule, words, len(text)):
            for m in rule.regex.finditer(text, lo, hi):
                items = [_trimmed(item, text) for item in rule.normalise(m, ctx)]
                items = [item for item in items if item.end > item.start]
                if items:
                    groups.append((min(i.start for i in items), max(i.end for i in items), rank, items))
    return groups


def _trimmed(item: Found, text: str) -> Found:
    """The item without surrounding whitespace (patterns may end on an optional space)."""
    start, end = item.start, item.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return item if (start, end) == (item.start, item.end) else Found(start, end, item.type, item.value)


def _select(groups: list[_Group]) -> list[_Group]:
    """Non-overlapping groups, longest first, then the earlier rule."""
    taken: list[_Group] = []
    for group in sorted(groups, key=lambda g: (g[0] - g[1], g[2], g[0])):
        if all(group[1] <= other[0] or group[0] >= other[1] for other in taken):
            taken.append(group)
    return sorted(taken, key=lambda g: g[0])
