"""Calendar arithmetic and TIMEX3 value formatting, with and without an anchor date.

Every relative expression is resolved against the publication date; when an article has
none, the same functions return the TIMEX3 underspecified form (`XXXX-XX-XX`, `XXXX-WXX-4`)
instead of guessing, so a missing date never turns into a wrong one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = [
    "SEASON_ORDER",
    "Tense",
    "add_months",
    "day_value",
    "month_value",
    "parse_anchor",
    "quarter_of",
    "season_of",
    "shift_unit",
    "week_value",
    "weekday_date",
    "year_for",
    "year_value",
]


class Tense:
    """The time of the clause a date sits in, relative to the publication date."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    NONE = "none"


_ANCHOR = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_anchor(published: str | None) -> date | None:
    """The publication day, or None when absent or not a real YYYY-MM-DD date."""
    if not published:
        return None
    m = _ANCHOR.match(published.strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def day_value(day: date | None) -> str:
    return day.isoformat() if day else "XXXX-XX-XX"


def month_value(year: int | None, month: int) -> str:
    return f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}"


def year_value(year: int | None) -> str:
    return f"{year:04d}" if year is not None else "XXXX"


def week_value(day: date | None, suffix: str = "") -> str:
    """The ISO week of `day` ("2025-W12"), with an optional "-WE" for its weekend."""
    if day is None:
        return "XXXX-WXX" + suffix
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}{suffix}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by `delta` months."""
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


# Meteorological seasons by month, as the TIMEX3 codes; January and February belong to the
# winter of the year they are in, so "this winter" in February is the current year's.
_SEASON_BY_MONTH = ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")
SEASON_ORDER = ("WI", "SP", "SU", "FA")


def season_of(month: int) -> str:
    return _SEASON_BY_MONTH[month - 1]


def shift_unit(day: date, unit: str, count: int) -> date:
    """`day` moved by `count` days (D), weeks (W), months (M) or years (Y)."""
    if unit == "D":
        return day + timedelta(days=count)
    if unit == "W":
        return day + timedelta(weeks=count)
    months = count if unit == "M" else count * 12
    year, month = add_months(day.year, day.month, months)
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def weekday_date(anchor: date, weekday: int, direction: str) -> date:
    """The date of ISO `weekday` (1 = Monday) near `anchor`.

    `direction` is "before" (on or before: "said Thursday" on a Thursday is that day),
    "after" (on or after), "strict_before" ("last Monday"), "strict_after" ("next Monday")
    or "week" (the one in the anchor's own week, "this Friday").
    """
    today = anchor.isoweekday()
    if direction == "before":
        return anchor - timedelta(days=(today - weekday) % 7)
    if direction == "after":
        return anchor + timedelta(days=(weekday - today) % 7)
    if direction == "strict_before":
        return anchor - timedelta(days=(today - weekday - 1) % 7 + 1)
    if direction == "strict_after":
        return anchor + timedelta(days=(weekday - today - 1) % 7 + 1)
    return anchor + timedelta(days=weekday - today)


def year_for(anchor: date, month: int, day: int | None, tense: str) -> int:
    """The year of a month (and day) named without one: the past one in a past-tense clause,
    the coming one in a future clause, otherwise the one within six months of the anchor."""
    there = (month, day or 0)
    here = (anchor.month, anchor.day if day else 0)
    if tense == Tense.PAST:
        return anchor.year - 1 if there > here else anchor.year
    if tense == Tense.FUTURE:
        return anchor.year + 1 if there < here else anchor.year
    if month - anchor.month > 6:
        return anchor.year - 1
    if anchor.month - month > 6:
        return anchor.year + 1
    return anchor.year
