"""Dates relative to the publication day: today and its neighbours, weekdays, "last month",
"earlier this year", "the end of next year", and the present/past/future reference words.

Weekdays are the case where tense matters most: news names the days of the current week
instead of writing dates, so "said Thursday" and "will meet Thursday" differ only in the verb.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsgraph.annotate.timex_calendar import (
    Tense,
    add_months,
    day_value,
    month_value,
    quarter_of,
    week_value,
    weekday_date,
    year_value,
)
from newsgraph.annotate.timex_lexicon import (
    DAY_OFFSETS,
    DAY_PARTS,
    FIXED_PHRASES,
    NAMED_DAY_PREFIXES,
    PART_RE,
    REL_OFFSETS,
    UNIT_WORDS,
    UNITS,
    WEEKDAY_RE,
    WEEKDAYS,
    alternation,
    phrase_key,
    weekday_number,
)
from newsgraph.annotate.timex_numbers import UNITS_WORDS
from newsgraph.annotate.timex_rule import Context, Found, Rule, found, rule

__all__ = ["RELATIVE_RULES", "weekday_value"]

# Verbs and prepositions after which "the day" is the day being reported ("ended the day").
_DAY_GOVERNORS = frozenset(
    {
        "end", "ended", "ending", "ends", "finish", "finished", "finishing", "finishes", "close",
        "closed", "closing", "closes", "start", "started", "starting", "starts", "begin", "began",
        "open", "opened", "opening", "for", "during",
    }
)  # fmt: skip
_COUNTED_AFTER = re.compile(rf"\s+(?:\d|(?:{alternation(UNITS_WORDS)}|few|several|couple|many)\b)", re.I)
_NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "FAC", "PERSON", "LAW"})


def _with_part(day: date | None, part: str | None) -> tuple[str, str]:
    """(type, value) of a day, or of a part of it ("Friday morning" -> TIME ...TMO)."""
    if part:
        return "TIME", f"{day_value(day)}T{DAY_PARTS[part.lower()]}"
    return "DATE", day_value(day)


def _day_word(m: re.Match[str], ctx: Context) -> list[Found]:
    word = m["w"].lower()
    tok = ctx.token(m.start("w"))
    if m["w"][0].isupper() and tok is not None and not tok.is_sent_start and tok.ent_type_ in _NAME_LABELS:
        return []  # "Trending Today USA"
    day = ctx.anchor + timedelta(days=DAY_OFFSETS[word]) if ctx.anchor else None
    if word == "tonight":
        return found(m, "TIME", f"{day_value(day)}TNI")
    return found(m, *_with_part(day, m["part"]))


def _far_day(m: re.Match[str], ctx: Context) -> list[Found]:
    offset = -2 if m["w"].lower() == "before yesterday" else 2
    return found(m, "DATE", day_value(ctx.anchor + timedelta(days=offset) if ctx.anchor else None))


def _part_of_day(m: re.Match[str], ctx: Context) -> list[Found]:
    """Parts of the day: "this morning", "last night" (the night before the publication day)."""
    back = m["rel"].lower() == "last"
    day = ctx.anchor - timedelta(days=1) if ctx.anchor and back else ctx.anchor
    return found(m, "TIME", f"{day_value(day)}T{DAY_PARTS[m['part'].lower()]}")


def weekday_value(ctx: Context, weekday: int, rel: str, week: str, start: int, end: int) -> date | None:
    """The date a weekday names: by its modifier ("last", "next", "Monday next week") or, when
    it has none, by the tense of its clause: on or before the anchor for the past ("said
    Thursday" on a Thursday is that day), on or after it for the future ("is travelling on
    Monday" written on a Monday is that day too)."""
    anchor = ctx.anchor
    if anchor is None:
        return None
    if week:
        monday = anchor - timedelta(days=anchor.isoweekday() - 1) + timedelta(weeks=REL_OFFSETS[week])
        return monday + timedelta(days=weekday - 1)
    if rel in ("last", "past", "this past"):
        return weekday_date(anchor, weekday, "strict_before")
    if rel in ("next", "coming", "this coming", "the coming"):
        return weekday_date(anchor, weekday, "strict_after")
    if rel == "this":
        return weekday_date(anchor, weekday, "week")
    tense = ctx.tense(start, end)
    return weekday_date(anchor, weekday, "after" if tense == Tense.FUTURE else "before")


def _weekday(m: re.Match[str], ctx: Context) -> list[Found]:
    start = m.start("wd")
    before = ctx.text[max(0, start - 12) : start].split()
    word = before[-1].strip("'‘\"“") if before else ""
    if word[:1].isupper() and word.lower() in NAMED_DAY_PREFIXES:
        return []  # "Black Monday", "Good Friday"
    weekday = weekday_number(m["wd"])
    rel, week = phrase_key(m["rel"] or ""), phrase_key(m["wk"] or "")
    day = weekday_value(ctx, weekday, rel, week, m.start(), m.end())
    if day is None and not m["part"]:
        return found(m, "DATE", f"XXXX-WXX-{weekday}")
    return found(m, *_with_part(day, m["part"]))


def _relative_unit(m: re.Match[str], ctx: Context) -> list[Found]:
    rel, unit = phrase_key(m["rel"]), m["u"].lower()
    if rel == "the past" and unit != "weekend":
        code, count, _ = UNITS[unit]
        return found(m, "DURATION", f"P{count}{code}")  # "the past decade": the ten years to now
    if rel == "the" and not m["edge"] and unit != "weekend":
        return []  # "the year" alone is anaphoric
    offset = -1 if rel == "the past" else REL_OFFSETS[rel]
    return found(m, "DATE", _shifted(ctx.anchor, unit, offset))


def _shifted(anchor: date | None, unit: str, offset: int) -> str:
    """The value of the `unit` (week, month, ...) `offset` units from the anchor's."""
    if unit in ("week", "weekend"):
        suffix = "-WE" if unit == "weekend" else ""
        return week_value(anchor + timedelta(weeks=offset) if anchor else None, suffix)
    if unit == "month":
        if anchor is None:
            return "XXXX-XX"
        year, month = add_months(anchor.year, anchor.month, offset)
        return month_value(year, month)
    if unit == "quarter":
        if anchor is None:
            return "XXXX-QX"
        index = anchor.year * 4 + quarter_of(anchor.month) - 1 + offset
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if anchor is None:
        return {"year": "XXXX", "decade": "XXX", "century": "XX"}[unit]
    if unit == "decade":
        return f"{anchor.year // 10 + offset:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + offset:02d}"
    return year_value(anchor.year + offset)


def _anaphoric_day(m: re.Match[str], ctx: Context) -> list[Found]:
    """The day last talked about: "the same day", "that day", "the next day", "ended the day"."""
    phrase = phrase_key(m["x"])
    edge = phrase_key(m["edge"] or "")
    if phrase == "the day" and not edge and ctx.word_before(m.start()) not in _DAY_GOVERNORS:
        return []
    if edge.endswith("end of") and ctx.word_before(m.start()) == "at" and ctx.text[m.end() : m.end() + 1] == ",":
        return []  # "At the end of the day, we need ...": an idiom
    day = ctx.last_day(m.start())
    if day is not None:
        if phrase in ("the day before", "the previous day"):
            day -= timedelta(days=1)
        elif phrase in ("the next day", "the following day"):
            day += timedelta(days=1)
    return found(m, "DATE", day_value(day))


def _same_period_last_year(m: re.Match[str], ctx: Context) -> list[Found]:
    """The last date named, a year back: "in February, compared to the same period last year"."""
    last = ctx.last_date(m.start())
    if last is not None:
        return found(m, "DATE", f"{int(last[:4]) - 1:04d}{last[4:]}")
    return found(m, "DATE", year_value(ctx.anchor.year - 1 if ctx.anchor else None))


def _reference(m: re.Match[str], ctx: Context) -> list[Found]:
    type_, value, tags = FIXED_PHRASES[phrase_key(m[0])]
    tok = ctx.token(m.start())
    if tags and (tok is None or tok.tag_ not in tags.split()):
        return []
    if value == "FUTURE_REF" and ctx.word_before(m.start()) in UNIT_WORDS:
        return []  # "three days later" is the duration's business
    if _COUNTED_AFTER.match(ctx.text, m.end()):
        return []  # "the past nine games" counts games, not time
    return found(m, type_, value)


_WEEKDAY_WORDS = [w.rstrip(".") for w in WEEKDAYS]
_PHRASE_WORDS = [phrase.replace("-", " ").split()[-1] for phrase in FIXED_PHRASES]
_EDGE = (
    r"(?P<edge>(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|rest|remainder|close|turn)\s+of"
    r"|early|late|mid|earlier|later)"
)

RELATIVE_RULES: list[Rule] = [
    rule(
        "day_word",
        "today yesterday tomorrow tonight",
        rf"\b(?:(?:earlier|later)\s+)?(?P<w>today|yesterday|tomorrow|tonight)\b(?:\s+(?P<part>{PART_RE})\b)?",
        _day_word,
    ),
    rule("far_day", "yesterday tomorrow", r"\bthe\s+day\s+(?P<w>before\s+yesterday|after\s+tomorrow)\b", _far_day),
    rule(
        "part_of_day", "morning afternoon evening night", rf"\b(?P<rel>this|last)\s+(?P<part>{PART_RE})\b", _part_of_day
    ),
    rule(
        "weekday",
        _WEEKDAY_WORDS,
        r"(?:\b(?P<rel>last|next|this\s+past|this\s+coming|this|the\s+coming|coming|past|early|late)\s+)?"
        rf"\b(?P<wd>{WEEKDAY_RE})(?:,?\s+(?:of\s+)?(?P<wk>next|last|this)\s+week\b)?(?:\s+(?P<part>{PART_RE})\b)?",
        _weekday,
    ),
    rule(
        "relative_unit",
        "week weekend month year decade century quarter",
        rf"\b(?:{_EDGE}[- ]?\s*)?"
        r"(?P<rel>this|last|next|the\s+(?:coming|current|previous|following|past|last|next|present)|the)"
        r"\s+(?P<u>weekend|week|month|year|decade|century|quarter)\b(?!-)",
        _relative_unit,
    ),
    rule(
        "anaphoric_day",
        "day",
        r"\b(?:(?P<edge>(?:late|early)\s+in|(?:the\s+)?(?:start|end|beginning|close|rest|remainder)\s+of)\s+)?"
        r"(?P<x>the\s+same\s+day|that\s+day|the\s+day\s+before|the\s+previous\s+day|the\s+next\s+day"
        r"|the\s+following\s+day|the\s+day)\b(?!['’-])",
        _anaphoric_day,
        late=True,
    ),
    rule(
        "same_period_last_year",
        "same",
        r"\bthe\s+same\s+(?:period|month|quarter|week|day|time|season)\s+(?:of\s+)?"
        r"(?:(?:the\s+)?(?:last|previous|prior)\s+year|a\s+year\s+(?:ago|earlier|before))",
        _same_period_last_year,
        late=True,
    ),
    rule("reference", _PHRASE_WORDS, rf"(?<![\w-])(?:{alternation(FIXED_PHRASES)})(?![\w-])", _reference),
]
