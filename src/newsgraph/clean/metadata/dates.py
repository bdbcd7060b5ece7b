"""A small date reader: absolute calendar dates in page text, and weekday mentions.

Formats: ISO (2025-10-14, 2025/10/14), day.month.year (21.10.2025), month-name dates in
either order ("Oct. 14, 2025", "14 October 2025", "17 de octubre de 2025") with English,
German, French, Spanish, Italian, Portuguese and Dutch month names, and d/m/y or m/d/y
when one part is above 12 (an ambiguous 05/06/2025 is left alone). Dates without a year
("24 January") are not absolute and are not read. Every date is read backwards from its
year, which a literal scan finds fast: no pattern is tried at every position of a page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["WEEKDAYS", "DateHit", "WeekdayHit", "find_dates", "find_weekdays", "parse_date"]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar jänner janvier janv enero gennaio janeiro januari",
        "february feb februar février fevrier févr fevr febrero febbraio fevereiro februari",
        "march mar märz maerz mär mars marzo março marco maart",
        "april apr avril avr abril aprile",
        "may mai mayo maggio maio mei",
        "june jun juni juin junio giugno junho",
        "july jul juli juillet juil julio luglio julho",
        "august aug août aout agosto augustus",
        "september sep sept septembre septiembre setiembre settembre setembro",
        "october oct oktober octobre octubre ottobre outubro okt",
        "november nov novembre noviembre novembro",
        "december dec dezember décembre decembre déc diciembre dicembre dezembro dez",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_ISO = re.compile(r"(?P<y>(?:19|20)\d\d)(?P<sep>[-/])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d/])")
_NUMERIC_BEFORE = re.compile(r"(?<![\w.])(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[01]?\d|[0-3]?\d)(?P=sep)$")
_ORDINAL = re.compile(r"^(?P<d>[0-3]?\d)(?:st|nd|rd|th|\.|º)?,?$", re.IGNORECASE)
_LINKS = frozenset({"de", "of"})
_Y20 = re.compile(r"20\d\d")
_Y19 = re.compile(r"19\d\d")
# Day and month tokens are short: a longer run of non-spaces before a year is not a date.
_TOKEN_REACH = 16
# A weekday after these words is not the day of the news: "until Friday", "next Monday".
_NOT_NEWS_DAY = frozenset(
    "next last until till since by before after from every each coming between and or through to "
    "past previous following this".split()
)


@dataclass(frozen=True, slots=True)
class DateHit:
    """An absolute date found at `start:end` of the searched text."""

    start: int
    end: int
    value: dt.date
    text: str


@dataclass(frozen=True, slots=True)
class WeekdayHit:
    """A weekday named as the day something happened ("on Thursday", "said Thursday")."""

    start: int
    end: int
    weekday: int
    text: str


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month(token: str) -> int | None:
    return _MONTHS.get(token.rstrip(".,").lower())


def _day(token: str) -> int | None:
    m = _ORDINAL.match(token)
    return int(m.group("d")) if m else None


def _numeric(text: str, y: int, year: int) -> tuple[int, dt.date] | None:
    """21.10.2025, 19/11/2019 or 11/19/2019 ending at the year at `y`."""
    m = _NUMERIC_BEFORE.search(text, max(0, y - 6), y)
    if not m:
        return None
    a, b = int(m.group("a")), int(m.group("b"))
    if m.group("sep") == "." or a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    else:
        return None  # 05/06/2019: day and month cannot be told apart
    value = _make(year, month, day)
    return (m.start(), value) if value else None


def _token_before(text: str, end: int) -> tuple[int, str] | None:
    """The token that ends at `end` on the same line (spaces before `end` are skipped)."""
    while end > 0 and text[end - 1] == " ":
        end -= 1
    if end == 0 or text[end - 1].isspace():
        return None
    lo = max(0, end - _TOKEN_REACH)
    cut = max(text.rfind(" ", lo, end), text.rfind("\n", lo, end))
    if cut < 0 and lo > 0:
        return None
    return cut + 1, text[cut + 1:end]


def _textual(text: str, y: int, year: int) -> tuple[int, dt.date] | None:
    """"Oct. 14, 2025", "14 October 2025", "17 de octubre de 2025" ending at the year at `y`."""
    last = _token_before(text, y)
    if last and last[1].lower() in _LINKS:
        last = _token_before(text, last[0])
    if not last:
        return None
    month = _month(last[1])
    day = None if month else _day(last[1])
    if not month and not day:
        return None  # "in 2019", "since 2019": a year alone
    prev = _token_before(text, last[0])
    if prev and month and prev[1].lower() in _LINKS:
        prev = _token_before(text, prev[0])
    if not prev:
        return None
    if day:
        month = _month(prev[1])
    else:
        day = _day(prev[1])
    if not month or not day:
        return None
    value = _make(year, month, day)
    return (prev[0], value) if value else None


def _years(text: str, start: int, end: int) -> list[int]:
    """Offsets of 19xx and 20xx not inside longer numbers (two literal scans: fast)."""
    found = [m.start() for pattern in (_Y20, _Y19) for m in pattern.finditer(text, start, end)]
    if len(found) > 1:
        found.sort()
    n = len(text)
    return [y for y in found if not (y > 0 and text[y - 1].isdigit()) and not (y + 4 < n and text[y + 4].isdigit())]


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateHit]:
    """Every absolute date in `text[start:end]`, offsets into `text`.

    Every date here holds a four-digit year, so the page is scanned for years at `str.find`
    speed and each date is read around its year.
    """
    end = len(text) if end is None else end
    hits: list[DateHit] = []
    for y in _years(text, start, end):
        year = int(text[y:y + 4])
        iso = _ISO.match(text, y, end)
        if iso and (y == 0 or not text[y - 1].isalnum()):
            value = _make(year, int(iso.group("m")), int(iso.group("d")))
            if value:
                hits.append(DateHit(y, iso.end(), value, iso.group()))
            continue
        if y < 2 or (y + 4 < end and text[y + 4].isalnum()):
            continue
        found = _numeric(text, y, year) if text[y - 1] in "./" else None
        if found is None and text[y - 1].isspace():
            found = _textual(text, y, year)
        if found and found[0] >= start:
            hits.append(DateHit(found[0], y + 4, found[1], text[found[0]:y + 4]))
    return hits


def parse_date(text: str) -> dt.date | None:
    """The first absolute date in `text`, or None."""
    hits = find_dates(text)
    return hits[0].value if hits else None


def find_weekdays(text: str) -> list[WeekdayHit]:
    """Weekdays named as the day of an event, not "until Friday" or "next Monday"."""
    hits = []
    for day, name in enumerate(WEEKDAYS):
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            if (pos == 0 or not text[pos - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                lo = text.rfind(" ", max(0, pos - 16), pos - 1) + 1 if pos > 1 and text[pos - 1] == " " else pos
                pre = text[lo:pos].strip().lower()
                post = text[end:end + 6].lower()
                if pre not in _NOT_NEWS_DAY and not post.startswith((" next", " last")):
                    hits.append(WeekdayHit(lo, end, day, text[lo:end]))
            pos = text.find(name, end)
    hits.sort(key=lambda h: h.start)
    return hits
