"""Word tables for the timex rules, and the regex fragments built from them.

Rules name calendar words through these tables so that adding a spelling ("Thurs.") or a
reference word ("nowadays") is a one-line data change, not a new pattern.
"""

from __future__ import annotations

import re

__all__ = [
    "ANNUAL_MEASURE_NOUNS",
    "DAY_OFFSETS",
    "DAY_PARTS",
    "DAY_RE",
    "DURATION_MODIFIERS",
    "FIXED_PHRASES",
    "FULL_MONTH_RE",
    "HOLIDAYS",
    "MONTHS",
    "MONTH_NAMES",
    "MONTH_RE",
    "NAMED_DAY_PREFIXES",
    "PART_RE",
    "REL_OFFSETS",
    "SEASONS",
    "SET_ADVERBS",
    "UNITS",
    "UNIT_WORDS",
    "VAGUE_COUNTS",
    "WEEKDAYS",
    "WEEKDAY_RE",
    "YEAR_RE",
    "alternation",
    "month_number",
    "phrase_key",
    "weekday_number",
]

MONTH_NAMES: dict[str, int] = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
}  # fmt: skip
MONTHS: dict[str, int] = {
    **MONTH_NAMES,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
    "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "Monday": 1, "Tuesday": 2, "Wednesday": 3, "Thursday": 4, "Friday": 5, "Saturday": 6, "Sunday": 7,
    "Mon.": 1, "Tue.": 2, "Tues.": 2, "Wed.": 3, "Thu.": 4, "Thur.": 4, "Thurs.": 4, "Fri.": 5,
    "Sat.": 6, "Sun.": 7,
}  # fmt: skip

# Capitalised words that turn a weekday into a named day that is not the one near the
# publication date ("Black Monday", "Super Tuesday", "Good Friday").
NAMED_DAY_PREFIXES = frozenset(
    {"black", "cyber", "super", "good", "ash", "holy", "easter", "blue", "bloody", "maundy", "shrove", "fat", "giving"}
)

# unit word -> (TIMEX3 duration code, multiplier, is a time-of-day unit written after "T")
UNITS: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "night": ("D", 1, False), "week": ("W", 1, False),
    "fortnight": ("W", 2, False), "month": ("M", 1, False), "quarter": ("Q", 1, False),
    "year": ("Y", 1, False), "decade": ("Y", 10, False), "century": ("Y", 100, False),
}  # fmt: skip
# The unit words as written, singular and plural ("centuries").
UNIT_WORDS = frozenset(UNITS) | {unit + "s" for unit in UNITS} | {"centuries"}

# Counts that say "some number of" ("several years" -> PXY).
VAGUE_COUNTS = frozenset({"several", "a few", "few", "many", "some", "a couple of", "a number of", "numerous"})

# Modifiers kept inside a duration's span, following MEANTIME ("over six years", "almost two
# and a half years", "nearly five months"); "more than" stays outside, as it does there.
DURATION_MODIFIERS = ("over", "almost", "nearly", "about", "around", "approximately", "roughly", "some")

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# Days named by their distance from the publication day.
DAY_OFFSETS: dict[str, int] = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}

DAY_PARTS: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

# Adverbs and adjectives of frequency: (TIMEX3 type, value).
SET_ADVERBS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "quarterly": "P1Q", "annually": "P1Y", "annual": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
    "biennial": "P2Y", "biannual": "P6M",
}  # fmt: skip

# "annual profit" is an amount over one year (a DURATION), "annual conference" recurs (a SET).
ANNUAL_MEASURE_NOUNS = frozenset(
    {
        "profit", "profits", "loss", "losses", "revenue", "revenues", "sales", "earnings", "income",
        "growth", "budget", "result", "results", "output", "turnover", "deficit", "surplus", "rate",
        "inflation", "production", "decline", "gain", "gains", "increase", "drop", "fall", "rise",
    }
)  # fmt: skip

# Phrases with a fixed value: the present, past and future references, and vague durations.
# phrase -> (type, value, Penn tags the first word must have, or "" for any).
FIXED_PHRASES: dict[str, tuple[str, str, str]] = {
    "now": ("DATE", "PRESENT_REF", "RB"),
    "right now": ("DATE", "PRESENT_REF", ""),
    "currently": ("DATE", "PRESENT_REF", ""),
    "presently": ("DATE", "PRESENT_REF", ""),
    "nowadays": ("DATE", "PRESENT_REF", ""),
    "these days": ("DATE", "PRESENT_REF", ""),
    "at present": ("DATE", "PRESENT_REF", ""),
    "at the moment": ("DATE", "PRESENT_REF", ""),
    "the time being": ("DATE", "PRESENT_REF", ""),
    "current": ("DATE", "PRESENT_REF", "JJ"),
    "recently": ("DATE", "PAST_REF", ""),
    "more recently": ("DATE", "PAST_REF", ""),
    "most recently": ("DATE", "PAST_REF", ""),
    "recent": ("DATE", "PAST_REF", "JJ"),
    "lately": ("DATE", "PAST_REF", ""),
    "formerly": ("DATE", "PAST_REF", ""),
    "previously": ("DATE", "PAST_REF", ""),
    "the past": ("DATE", "PAST_REF", ""),
    "soon": ("DATE", "FUTURE_REF", ""),
    "very soon": ("DATE", "FUTURE_REF", ""),
    "shortly": ("DATE", "FUTURE_REF", ""),
    "later": ("DATE", "FUTURE_REF", "RB RBR"),
    "the future": ("DATE", "FUTURE_REF", ""),
    "the near future": ("DATE", "FUTURE_REF", ""),
    "the distant future": ("DATE", "FUTURE_REF", ""),
    "the foreseeable future": ("DATE", "FUTURE_REF", ""),
    "the near term": ("DATE", "FUTURE_REF", ""),
    "the short term": ("DATE", "FUTURE_REF", ""),
    "the medium term": ("DATE", "FUTURE_REF", ""),
    "the long term": ("DATE", "FUTURE_REF", ""),
    "the longer term": ("DATE", "FUTURE_REF", ""),
    "short-term": ("DATE", "FUTURE_REF", ""),
    "near-term": ("DATE", "FUTURE_REF", ""),
    "long-term": ("DATE", "FUTURE_REF", ""),
    "medium-term": ("DATE", "FUTURE_REF", ""),
    "over the years": ("DURATION", "PXY", ""),
    "recent years": ("DURATION", "PXY", ""),
    "recent decades": ("DURATION", "PXY", ""),
    "recent months": ("DURATION", "PXM", ""),
    "recent weeks": ("DURATION", "PXW", ""),
    "recent days": ("DURATION", "PXD", ""),
    "years ago": ("DATE", "PAST_REF", ""),
    "decades ago": ("DATE", "PAST_REF", ""),
    "months ago": ("DATE", "PAST_REF", ""),
    "weeks ago": ("DATE", "PAST_REF", ""),
    "days ago": ("DATE", "PAST_REF", ""),
}

# Holidays on a fixed day: name -> (month, day).
HOLIDAYS: dict[str, tuple[int, int]] = {
    "New Year's Day": (1, 1), "New Year's Eve": (12, 31), "Valentine's Day": (2, 14),
    "Halloween": (10, 31), "Christmas Eve": (12, 24), "Christmas Day": (12, 25), "Christmas": (12, 25),
    "Boxing Day": (12, 26), "Bastille Day": (7, 14), "Independence Day": (7, 4),
}  # fmt: skip


def month_number(name: str) -> int:
    """1-12 for a month name as matched ("Sept.", "MARCH")."""
    return MONTHS[name.rstrip(".").title()]


def weekday_number(name: str) -> int | None:
    """ISO weekday (1 = Monday) of a weekday name as matched ("Thurs.", "THURSDAY")."""
    return WEEKDAYS.get(name) or WEEKDAYS.get(name.title())


# How many units a relative word moves from the anchor ("the previous year": -1), keyed as
# `phrase_key` writes them; one table for years, centuries and the relative rules.
REL_OFFSETS = {
    "this": 0, "the current": 0, "the present": 0, "last": -1, "the last": -1, "the previous": -1,
    "next": 1, "the next": 1, "the coming": 1, "the following": 1, "the": 0,
}  # fmt: skip


def phrase_key(text: str) -> str:
    """`text` lower-cased with single spaces, the form phrase tables are keyed by
    ("The  previous" -> "the previous")."""
    return " ".join(text.lower().split())


def alternation(words) -> str:
    """A regex alternation of `words`, longest first so that "Thurs." beats "Thu"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Regex fragments shared by the rule modules (patterns are compiled case-insensitive; month
# and weekday names keep their capital through a scoped `(?-i:...)`, so "may" is not May).
MONTH_RE = (
    rf"(?:(?-i:{alternation([*MONTH_NAMES, *(m.upper() for m in MONTH_NAMES)])})(?!\w)"
    rf"|(?-i:{alternation(m for m in MONTHS if m not in MONTH_NAMES)})(?!\w)\.?)"
)
FULL_MONTH_RE = rf"(?-i:{alternation(MONTH_NAMES)})(?!\w)"
WEEKDAY_RE = (
    rf"(?:(?-i:{alternation(w for full in WEEKDAYS if full[-1] != '.' for w in (full, full.upper()))})(?!\w)"
    rf"|(?-i:{alternation(w for w in WEEKDAYS if w[-1] == '.')}))"
)
YEAR_RE = r"(?:1[5-9]\d\d|20\d\d|21\d\d)(?!\d)"
DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
PART_RE = alternation(DAY_PARTS)
