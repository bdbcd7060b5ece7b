"""What a timex rule is, and the context its normaliser reads.

A rule is a compiled regex over the clean text plus a function that turns one match into
zero or more TIMEX3 values. The regex finds the surface form cheaply; the function decides
with the parse (tense, part of speech, the sentence) and the anchor date. Rules marked
`late` run after the others because they borrow a date found elsewhere ("at 18:00 UTC"
takes the day the sentence talks about, "the same day" the last day mentioned).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from newsgraph.annotate.timex_tense import TenseReader

__all__ = ["Context", "Found", "Rule", "found", "group", "rule"]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CALENDAR = re.compile(r"\d{4}-(?:\d\d|Q\d|H\d|W\d\d|SP|SU|FA|WI)")
_WORD = re.compile(r"[\w'’]+")


@dataclass(frozen=True, slots=True)
class Found:
    """One normalised expression: a character span with its TIMEX3 type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Rule:
    """A named surface pattern and the normaliser of its matches.

    `triggers` are the lower-cased words one of which every match contains ("#" stands for
    any number): the regex only runs on the text around them, which keeps the cost of some
    forty rules at a few percent of the parse.
    """

    name: str
    regex: re.Pattern[str]
    normalise: Callable[[re.Match[str], Context], list[Found]]
    triggers: frozenset[str]
    late: bool = False


def rule(name: str, triggers, pattern: str, normalise, *, late: bool = False, flags: int = re.IGNORECASE) -> Rule:
    """A rule from its pattern source; `triggers` is a space-separated string or a word list."""
    words = triggers.split() if isinstance(triggers, str) else triggers
    return Rule(name, re.compile(pattern, flags), normalise, frozenset(w.lower() for w in words), late)


def found(m: re.Match[str], type_: str, value: str, group: str | int = 0) -> list[Found]:
    """The one-item result covering `group` of `m` (the whole match by default)."""
    start, end = m.span(group)
    return [Found(start, end, type_, value)]


def group(m: re.Match[str], name: str) -> str | None:
    """Group `name` of `m`, or None when this rule's pattern has no such group."""
    return m.groupdict().get(name)


@dataclass
class Context:
    """Per-document state shared by the normalisers: the text, the parse, the anchor."""

    text: str
    anchor: date | None
    reader: TenseReader
    days: list[tuple[int, date]] = field(default_factory=list)  # day-precision dates found so far
    dates: list[tuple[int, str]] = field(default_factory=list)  # every calendar DATE value found so far
    _tenses: dict[tuple[int, int], str] = field(default_factory=dict)

    def tense(self, start: int, end: int) -> str:
        key = (start, end)
        if key not in self._tenses:
            self._tenses[key] = self.reader.tense(start, end)
        return self._tenses[key]

    def token(self, char: int):
        return self.reader.token_at(char)

    def word_before(self, start: int, span: int = 24) -> str:
        """The lower-cased word just before `start` (punctuation skipped), or ""."""
        chunk = self.text[max(0, start - span) : start]
        words = _WORD.findall(chunk)
        return words[-1].lower() if words else ""

    def note_dates(self, items: list[Found]) -> None:
        """Remember the calendar dates found, in text order, for the late rules."""
        for item in sorted(items, key=lambda i: i.start):
            if item.type == "DATE" and _CALENDAR.match(item.value):
                self.dates.append((item.start, item.value))
                if _DAY.fullmatch(item.value):
                    self.days.append((item.start, date.fromisoformat(item.value)))

    def last_date(self, char: int) -> str | None:
        """The last calendar DATE value before `char` ("2009-02", "2009-Q3"), or None."""
        i = bisect_right([pos for pos, _ in self.dates], char) - 1
        return self.dates[i][1] if i >= 0 else None

    def day_in_sentence(self, char: int) -> date | None:
        """The day the sentence around `char` names (the nearest one), else the anchor."""
        lo, hi = self.reader.sentence_bounds(char)
        near = [(abs(pos - char), day) for pos, day in self.days if lo <= pos < hi]
        return min(near, key=lambda pair: pair[0])[1] if near else self.anchor

    def last_day(self, char: int) -> date | None:
        """The last day named before `char` (for "the same day"), else the anchor."""
        i = bisect_right([pos for pos, _ in self.days], char) - 1
        return self.days[i][1] if i >= 0 else self.anchor
