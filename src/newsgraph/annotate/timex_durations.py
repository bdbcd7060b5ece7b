"""Durations ("three years" -> P3Y, "two-day" -> P2D, "the past five months"), dates counted
back from the publication day ("two weeks ago"), and sets ("every week", "annually",
"15 a year").

The amount is read with the shared number parser, so "almost two and a half years" is
P2.5Y and "several years" the vague PXY.
"""

from __future__ import annotations

import re
from datetime import date

from newsgraph.annotate.timex_calendar import day_value, month_value, shift_unit, year_value
from newsgraph.annotate.timex_lexicon import (
    ANNUAL_MEASURE_NOUNS,
    DAY_PARTS,
    DURATION_MODIFIERS,
    PART_RE,
    SET_ADVERBS,
    UNIT_WORDS,
    UNITS,
    VAGUE_COUNTS,
    WEEKDAY_RE,
    WEEKDAYS,
    alternation,
    phrase_key,
    weekday_number,
)
from newsgraph.annotate.timex_numbers import NUMBER, parse_number
from newsgraph.annotate.timex_rule import Context, Found, Rule, found, rule

__all__ = ["DURATION_RULES", "duration_value"]

_UNIT = r"(?P<u>centur(?:y|ies)|(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade)s?)"
_FRACTION_OF = re.compile(r"\s+of\s+(?:the|a|an|its|their|his|her|our|all|those|these)\b", re.I)
_SINGLE = frozenset({"a", "an", "one", "single"})
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
# Text just before "a year" that makes it a rate: "15 a year", "$5 billion a year", "twice a year".
_RATE_BEFORE = re.compile(
    r"(?:\d|\b(?:times|twice|once|dollars?|euros?|pounds?|percent|cents?|hours?|miles?)|[%$€£])\W*$", re.I
)


def _unit(word: str) -> tuple[str, int, bool]:
    word = word.lower()
    if word == "centuries":
        word = "century"
    return UNITS[word[:-1] if word not in UNITS else word]


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration of `amount` units (None = unknown amount: "PXY")."""
    code, times, is_time = _unit(unit)
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{code}"
    total = amount * times
    number = str(int(total)) if float(total).is_integer() else f"{total:g}"
    return f"{prefix}{number}{code}"


def _amount(count: str) -> float | None:
    """The number a count word stands for; None for a vague count ("several")."""
    count = phrase_key(count)
    if count in _SINGLE:
        return 1.0
    if count in VAGUE_COUNTS or count.endswith(" of"):
        return None
    return parse_number(count)


def _ago(anchor: date | None, amount: float | None, unit: str) -> tuple[str, str]:
    """The day (or month, year) that far back from the anchor, for "two weeks ago"."""
    code, times, is_time = _unit(unit)
    if amount is not None and code == "Y" and not float(amount * times).is_integer():
        code, times = "M", times * 12  # "four and a half years ago": 54 months back
    if amount is None or not float(amount * times).is_integer():
        return "DATE", "PAST_REF"
    count = int(amount * times)
    if is_time:  # "two hours ago" is still the publication day
        return "DATE", day_value(anchor)
    if code == "Q":
        code, count = "M", count * 3
    if code in ("D", "W"):
        return "DATE", day_value(shift_unit(anchor, code, -count) if anchor else None)
    if anchor is None:
        return "DATE", "XXXX-XX" if code == "M" else "XXXX"
    back = shift_unit(anchor, code, -count)
    return "DATE", month_value(back.year, back.month) if code == "M" else year_value(back.year)


def _duration(m: re.Match[str], ctx: Context) -> list[Found]:
    count, unit = m["n"], m["u"]
    low_unit = unit.lower()
    single = count.lower() in ("a", "an")
    if single and low_unit in ("second", "quarter"):
        return []  # "a second time", "a quarter of the staff"
    if low_unit.startswith("quarter") and _FRACTION_OF.match(ctx.text, m.end()):
        return []  # "three quarters of the staff"
    amount = _amount(count)
    if amount == 0:
        return []  # "a zero-day exploit"
    if count[0].isdigit() and amount is not None and amount >= 1000 and "," not in count:
        return []  # "2009 years" is not a duration
    if m["ago"]:
        return found(m, *_ago(ctx.anchor, amount, unit))
    start = m.start()
    if single and not m["mod"] and not m["the"] and _RATE_BEFORE.search(ctx.text[max(0, start - 24) : start]):
        return found(m, "SET", duration_value(1, unit))
    return found(m, "DURATION", duration_value(amount, unit))


def _duration_range(m: re.Match[str], ctx: Context) -> list[Found]:
    """Two durations for "between 60 and 90 days", as TimeML annotates them."""
    first, second = parse_number(m["n1"]), parse_number(m["n2"])
    if first is None or second is None or first >= second:
        return []
    return [
        Found(*m.span("n1"), "DURATION", duration_value(first, m["u"])),
        Found(m.start("n2"), m.end(), "DURATION", duration_value(second, m["u"])),
    ]


def _plural_unit(m: re.Match[str], ctx: Context) -> list[Found]:
    """An unknown number of units: "for years", "in minutes"."""
    return found(m, "DURATION", duration_value(None, m["u"]), "u")


def _long(m: re.Match[str], ctx: Context) -> list[Found]:
    """Adjectives of length: "decade-long", "year-long", "decades-long"."""
    unit = m["u"]
    plural = unit.lower().endswith("s")
    return found(m, "DURATION", duration_value(None if plural else 1, unit))


def _set(m: re.Match[str], ctx: Context) -> list[Found]:
    """Sets: "every week", "each year", "per month", "every two weeks", "every Monday"."""
    if m["wd"]:
        return found(m, "SET", f"XXXX-WXX-{weekday_number(m['wd'])}")
    if m["part"]:
        return found(m, "SET", f"XXXX-XX-XXT{DAY_PARTS[m['part'].lower()]}")
    count = (m["n"] or "").lower()
    amount = 2.0 if count == "other" else parse_number(count) if count else 1.0
    return found(m, "SET", duration_value(amount, m["u"]))


def _plural_weekday(m: re.Match[str], ctx: Context) -> list[Found]:
    """A weekday in the plural, "on Mondays", recurs."""
    return found(m, "SET", f"XXXX-WXX-{weekday_number(m['wd'])}", "x")


def _frequency_word(m: re.Match[str], ctx: Context) -> list[Found]:
    word = m["w"]
    value = SET_ADVERBS[word]
    following = _NEXT_WORD.match(ctx.text[m.end() : m.end() + 30])
    if word in ("annual", "quarterly", "yearly", "monthly") and following and following[1] in ANNUAL_MEASURE_NOUNS:
        return found(m, "DURATION", value)  # "annual profit": an amount over a year
    return found(m, "SET", value)


_WEEKDAY_PLURALS = [w.lower() + "s" for w in WEEKDAYS if w[-1] != "."]
_COUNT = (
    rf"(?P<n>{NUMBER}|an?|single|several|a\s+few|few|many|some|a\s+couple\s+of|a\s+number\s+of|numerous"
    r"|dozens\s+of|hundreds\s+of)"
)
_MODS = alternation(DURATION_MODIFIERS)
_PREFIX = r"the\s+(?:past|last|next|coming|previous|following|first|final|remaining|preceding)\s+"
_FULL_WEEKDAY = "(?-i:" + alternation(w for w in WEEKDAYS if w[-1] != ".") + ")"
_ADJ = r"consecutive|straight|successive|trading|business|working|full|additional|more|further|calendar|whole"

DURATION_RULES: list[Rule] = [
    rule(
        "duration",
        UNIT_WORDS,
        rf"(?<![\w$€£.,-])(?:(?P<mod>{_MODS})\s+|(?P<the>{_PREFIX}))?{_COUNT}(?:\s+|-)(?:(?:{_ADJ})\s+)?"
        rf"{_UNIT}\b(?![- ]old\b|-)(?P<ago>\s+ago\b)?",
        _duration,
    ),
    rule(
        "duration_range",
        UNIT_WORDS,
        rf"(?<![\w$€£.,-])(?P<n1>{NUMBER})\s*(?:and|to|or|-|–)\s*(?P<n2>{NUMBER})(?:\s+|-){_UNIT}\b(?![- ]old\b)",
        _duration_range,
    ),
    rule(
        "plural_unit",
        UNIT_WORDS,
        r"\b(?:for|in|over|within|after|from|of|take|takes|took)\s+(?:just\s+|only\s+|mere\s+)?(?P<u>minutes|hours|days|weeks|months|years|decades"
        r"|centuries)\b(?!\s+(?:of|ago|old)\b)",
        _plural_unit,
    ),
    rule("unit_long", "long", r"(?<![\w-])(?P<u>(?:day|week|month|year|decade)s?)-long\b", _long),
    rule(
        "set",
        "every each per",
        rf"\b(?:every|each|per)\s+(?:(?P<n>{NUMBER}|other)\s+)?(?:{_UNIT}\b|(?P<wd>{WEEKDAY_RE})|(?P<part>{PART_RE})\b)",
        _set,
    ),
    rule(
        "plural_weekday",
        _WEEKDAY_PLURALS,
        rf"\b(?:on\s+)?(?P<x>(?P<wd>{_FULL_WEEKDAY})s)\b(?!\s+ago\b)",
        _plural_weekday,
    ),
    rule("frequency_word", list(SET_ADVERBS), rf"\b(?P<w>{alternation(SET_ADVERBS)})\b", _frequency_word, flags=0),
]
