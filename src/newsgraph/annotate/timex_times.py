"""Clock times ("10:30 a.m.", "18:00 UTC", "0800 GMT", "noon"), placed on a day.

A clock time rarely names its day. When it does ("12:00 UTC Monday", "16:00 UTC today") we
use that day; otherwise the day the same sentence talks about ("made its first flight
Tuesday ... at 18:00 UTC"), and failing that the publication day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsgraph.annotate.timex_calendar import day_value
from newsgraph.annotate.timex_lexicon import DAY_OFFSETS, WEEKDAY_RE, weekday_number
from newsgraph.annotate.timex_relative import weekday_value
from newsgraph.annotate.timex_rule import Context, Found, Rule, found, group, rule

__all__ = ["TIME_RULES"]

_UTC = frozenset({"UTC", "GMT", "Z"})
# Words after which a bare "10:30" is a time of day rather than a score or a ratio.
_TIME_CONTEXT = frozenset(
    {"at", "by", "until", "till", "from", "before", "after", "around", "about", "since", "of", "to"}
)
_NOON = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}


def _day(m: re.Match[str], ctx: Context) -> date | None:
    word = group(m, "day")
    if not word:
        return ctx.day_in_sentence(m.start())
    weekday = weekday_number(word)
    if weekday is not None:
        return weekday_value(ctx, weekday, "", "", m.start(), m.end())
    return ctx.anchor + timedelta(days=DAY_OFFSETS[word.lower()]) if ctx.anchor else None


def _clock(m: re.Match[str], ctx: Context) -> list[Found]:
    if group(m, "noon"):
        tok = ctx.token(m.start())
        if tok is not None and tok.dep_ in ("compound", "amod") and tok.head.i > tok.i:
            return []  # "a midnight curfew"
        hour, minute = _NOON[m["noon"].lower()]
    else:
        hour, minute = int(m["h"]), int(group(m, "mi") or 0)
        meridiem = (group(m, "ap") or "").lower()[:1]
        if meridiem:
            if not 1 <= hour <= 12:
                return []
            hour = hour % 12 + (12 if meridiem == "p" else 0)
        elif not group(m, "tz") and ctx.word_before(m.start()) not in _TIME_CONTEXT:
            return []
    zone = "Z" if (group(m, "tz") or "").upper() in _UTC else ""
    return found(m, "TIME", f"{day_value(_day(m, ctx))}T{hour:02d}:{minute:02d}{zone}")


def _clock_rule(name: str, triggers: str, pattern: str) -> Rule:
    return rule(name, triggers, pattern, _clock, late=True)


_MERIDIEM = r"(?P<ap>[ap](?:\.\s?m\b\.?|m\b))"  # "a.m." keeps its last dot, "AM." leaves it to the sentence
_ZONE = (
    r"(?:\s*(?P<tz>(?-i:UTC|GMT|Z|[ECMP][SD]?T|BST|CES?T|IST|JST|MSK))\b(?:\s*[+−-]\s*\d{1,2}(?::?\d\d)?)?)?"
    r"(?:\s*\(\s*(?:UTC|GMT)\s*[+−-]\s*\d{1,2}(?::?\d\d)?\s*\))?"
)
_ON_DAY = rf"(?:\s+(?:on\s+)?(?P<day>today|yesterday|tomorrow|tonight|{WEEKDAY_RE}))?"

TIME_RULES: list[Rule] = [
    _clock_rule(
        "clock",
        "#",
        rf"(?<![\w:.,])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?![\d:])(?:\s*{_MERIDIEM})?{_ZONE}{_ON_DAY}",
    ),
    _clock_rule("hour_meridiem", "#", rf"(?<![\w:.,])(?P<h>1[0-2]|0?[1-9])\s*{_MERIDIEM}{_ZONE}{_ON_DAY}"),
    _clock_rule(
        "military",
        "#",
        rf"(?<![\w:.,])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?=\s*(?-i:UTC|GMT|hrs|hours)\b){_ZONE}{_ON_DAY}",
    ),
    _clock_rule("noon", "noon midday midnight", rf"\b(?P<noon>noon|midday|midnight)\b{_ZONE}{_ON_DAY}"),
]
