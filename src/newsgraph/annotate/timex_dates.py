"""Calendar dates: full and partial dates, months, years, decades, centuries, quarters,
halves, seasons and fiscal years.

A date that names its year is absolute; one that does not ("June 18", "in October", "the
fourth quarter") takes the year the clause's tense points to, from the publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import partial

from newsgraph.annotate.timex_calendar import (
    SEASON_ORDER,
    Tense,
    day_value,
    month_value,
    quarter_of,
    season_of,
    week_value,
    year_for,
    year_value,
)
from newsgraph.annotate.timex_lexicon import (
    DAY_RE,
    FULL_MONTH_RE,
    HOLIDAYS,
    MONTH_RE,
    MONTHS,
    REL_OFFSETS,
    SEASONS,
    WEEKDAY_RE,
    YEAR_RE,
    alternation,
    month_number,
    phrase_key,
)
from newsgraph.annotate.timex_numbers import ORDINALS
from newsgraph.annotate.timex_rule import Context, Found, Rule, found, group, rule

__all__ = ["DATE_RULES"]

_EDGE = r"(?:early|late|mid|the\s+(?:very\s+)?(?:end|beginning|start|middle)\s+of)"
_REL_YEAR = r"(?P<rel>this|last|next|the\s+previous|the\s+following|the\s+current|the)\s+year\b"
# Words after which a bare month name is a date ("in March", "since May", "by June").
_MONTH_CONTEXT = frozenset(
    {
        "in", "since", "until", "till", "by", "from", "through", "during", "before", "after", "of",
        "between", "and", "to", "or", "early", "late", "mid", "last", "next", "this", "around", "for",
        "throughout", "on", "as", "into", "end",
    }
)  # fmt: skip
# Entity labels under which a month or year name is a name, not a date ("April Ryan").
_NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "MONEY", "PERCENT", "QUANTITY", "LAW"})
# Words after which "'82" is a year.
_YEAR_CONTEXT = frozenset(
    {
        "in", "since", "of", "the", "by", "until", "from", "during", "before", "after", "to", "and",
        "or", "class", "spring", "summer", "autumn", "fall", "winter",
    }
)  # fmt: skip
_YEAR_NOT_AFTER = frozenset(
    {"no", "number", "flight", "route", "page", "model", "room", "highway", "interstate", "dow"}
)
_DIGITS = re.compile(r"\d+")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z]+)")
# What precedes "fall" when it is the season ("in the fall", "until the fall").
_FALL_BEFORE = re.compile(r"\b(?:in|during|by|until|since|through)\s+the\s+$", re.IGNORECASE)


def _relative_year(rel: str | None, anchor: date | None) -> int | None:
    """The year of "this/last/next year" (None when unanchored)."""
    if anchor is None:
        return None
    rel = phrase_key(rel or "this")
    return anchor.year + REL_OFFSETS.get(rel, 0)


def _is_name(ctx: Context, start: int) -> bool:
    tok = ctx.token(start)
    return tok is not None and tok.ent_type_ in _NAME_LABELS


def _year_of(m: re.Match[str], ctx: Context, month: int, day: int | None) -> int | None:
    """The year written with a month (group "y"), else the one the clause's tense points to
    from the anchor; None when there is neither."""
    if m["y"]:
        return int(m["y"])
    if ctx.anchor is None:
        return None
    return year_for(ctx.anchor, month, day, ctx.tense(m.start(), m.end()))


def _full_date(m: re.Match[str], ctx: Context) -> list[Found]:
    month, day = month_number(m["mon"]), int(_DIGITS.match(m["d"])[0])
    year = _year_of(m, ctx, month, day)
    if year is None:
        return found(m, "DATE", f"XXXX-{month:02d}-{day:02d}")
    try:
        return found(m, "DATE", day_value(date(year, month, day)))
    except ValueError:
        return []


def _numeric_date(m: re.Match[str], ctx: Context, month_first: bool) -> list[Found]:
    """US slashes (7/8/07, month first unless it cannot be) and European dots (24.01.2025)."""
    year = int(m["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    first, second = int(m["a"]), int(m["b"])
    month, day = (first, second) if month_first and first <= 12 else (second, first)
    try:
        return found(m, "DATE", date(year, month, day).isoformat())
    except ValueError:
        return []


def _iso(m: re.Match[str], ctx: Context) -> list[Found]:
    try:
        return found(m, "DATE", date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat())
    except ValueError:
        return []


def _month_year(m: re.Match[str], ctx: Context) -> list[Found]:
    year = int(m["y"]) if m["y"] else _relative_year(m["rel"], ctx.anchor)
    return found(m, "DATE", month_value(year, month_number(m["mon"])))


def _bare_month(m: re.Match[str], ctx: Context) -> list[Found]:
    name = m["mon"]
    start = m.start("mon")
    tok = ctx.token(start)
    if tok is None or tok.tag_ == "MD" or _is_name(ctx, start):
        return []
    month = month_number(name)
    rel = (m["rel"] or "").lower()
    if not rel and not m["edge"]:
        before = ctx.word_before(start)
        follows_name = tok.dep_ == "compound" and tok.head.pos_ == "PROPN"
        if before not in _MONTH_CONTEXT and (name in ("May", "March") or follows_name):
            return []
    if ctx.anchor is None:
        return found(m, "DATE", month_value(None, month))
    anchor = ctx.anchor
    if rel == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif rel == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif rel == "this":
        year = anchor.year
    else:
        year = year_for(anchor, month, None, ctx.tense(m.start(), m.end()))
    return found(m, "DATE", month_value(year, month))


def _year(m: re.Match[str], ctx: Context) -> list[Found]:
    start, end = m.span("y")
    if _is_name(ctx, start) or ctx.word_before(m.start()) in _YEAR_NOT_AFTER:
        return []
    tok = ctx.token(start)
    nxt = tok.nbor() if tok is not None and tok.i + 1 < len(tok.doc) else None
    if nxt is not None and (nxt.tag_ == "NNS" or nxt.lower_ in ("percent", "per", "%")):
        return []
    if _inside_name(ctx.text, start, end):
        return []  # "the Russell 2000 Index"
    return found(m, "DATE", m["y"])


def _inside_name(text: str, start: int, end: int) -> bool:
    """A number between two capitalised words on the same line is part of a name."""
    before = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    after = _WORD_AFTER.match(text[end : end + 30])
    return bool(before and after and before[1][0].isupper() and after[1][0].isupper() and before[1] not in MONTHS)


def _short_year(m: re.Match[str], ctx: Context) -> list[Found]:
    if ctx.word_before(m.start()) not in _YEAR_CONTEXT:
        return []  # "iLife '11" is a version
    yy = int(m["yy"])
    pivot = (ctx.anchor.year % 100 + 10) if ctx.anchor else 30
    return found(m, "DATE", str((2000 if yy <= pivot else 1900) + yy))


def _decade(m: re.Match[str], ctx: Context) -> list[Found]:
    digits = m["dec"].strip("'’")
    if len(digits) == 4:
        return found(m, "DATE", digits[:3])
    if not m["mod"] and m["dec"][0] not in "'’" and ctx.word_before(m.start()) not in ("the", "and", "or", "of"):
        return []  # "in their 90s" is an age
    tens = int(digits)
    pivot = ctx.anchor.year % 100 if ctx.anchor else 25
    century = 20 if tens <= pivot else 19
    return found(m, "DATE", f"{century}{tens // 10}")


def _century(m: re.Match[str], ctx: Context) -> list[Found]:
    if m["ord"]:
        number = ORDINALS.get(m["ord"].lower())
        if not number or number > 21:
            return []
        return found(m, "DATE", f"{number - 1:02d}")
    rel = phrase_key(m["rel"])
    if rel in ("the past", "the last"):
        return found(m, "DURATION", "P100Y")
    if ctx.anchor is None:
        return found(m, "DATE", "XX")
    return found(m, "DATE", f"{ctx.anchor.year // 100 + REL_OFFSETS.get(rel, 0):02d}")


def _quarter(m: re.Match[str], ctx: Context) -> list[Found]:
    word = (group(m, "ord") or "").lower()
    number = int(group(m, "q") or 0) or ORDINALS.get(word, 0)
    if not 1 <= number <= 4:
        return []
    anchor = ctx.anchor
    if group(m, "y"):
        return found(m, "DATE", f"{m['y']}-Q{number}")
    if group(m, "yy"):
        return found(m, "DATE", f"20{m['yy']}-Q{number}")
    if group(m, "rel"):
        return found(m, "DATE", f"{year_value(_relative_year(m['rel'], anchor))}-Q{number}")
    if anchor is None:
        return found(m, "DATE", "XXXX-QX" if word == "last" else f"XXXX-Q{number}")
    current = quarter_of(anchor.month)
    if word == "last":  # "the last quarter": the one before the current one
        year, number = (anchor.year, current - 1) if current > 1 else (anchor.year - 1, 4)
        return found(m, "DATE", f"{year}-Q{number}")
    tense = ctx.tense(m.start(), m.end())
    year = anchor.year
    if number > current and (tense == Tense.PAST or (tense != Tense.FUTURE and number - current > 2)):
        year -= 1  # in January, "the fourth quarter" is last year's
    elif number < current and (tense == Tense.FUTURE or (tense != Tense.PAST and current - number > 2)):
        year += 1
    return found(m, "DATE", f"{year}-Q{number}")


def _half(m: re.Match[str], ctx: Context) -> list[Found]:
    number = 1 if (group(m, "ord") or group(m, "h") or "").lower() in ("first", "1st", "1") else 2
    year = int(m["y"]) if m["y"] else _relative_year(group(m, "rel"), ctx.anchor)
    return found(m, "DATE", f"{year_value(year)}-H{number}")


def _season(m: re.Match[str], ctx: Context) -> list[Found]:
    word = m["s"].lower()
    rel = phrase_key(m["rel"] or "")
    start = m.start("s")
    tok = ctx.token(start)
    if not rel and not m["y"]:
        if tok is None or not tok.tag_.startswith("NN") or _is_name(ctx, start):
            return []
        if word == "fall" and not _FALL_BEFORE.search(ctx.text[max(0, start - 20) : start]):
            return []
    code = SEASONS[word]
    if m["y"]:
        return found(m, "DATE", f"{m['y']}-{code}")
    anchor = ctx.anchor
    if anchor is None:
        return found(m, "DATE", f"XXXX-{code}")
    here, there = SEASON_ORDER.index(season_of(anchor.month)), SEASON_ORDER.index(code)
    year = anchor.year
    if rel in ("last", "this past", "the past"):
        year -= there >= here
    elif rel in ("next", "this coming", "the coming"):
        year += there <= here
    elif rel != "this":
        tense = ctx.tense(m.start(), m.end())
        if tense == Tense.PAST and there > here:
            year -= 1
        elif tense == Tense.FUTURE and there < here:
            year += 1
    return found(m, "DATE", f"{year}-{code}")


def _fiscal(m: re.Match[str], ctx: Context) -> list[Found]:
    if m["y"] or m["y2"]:
        return found(m, "DATE", f"FY{m['y'] or m['y2']}")
    if m["y3"]:
        digits = m["y3"]
        return found(m, "DATE", f"FY{digits if len(digits) == 4 else '20' + digits}")
    year = _relative_year(m["rel"] if m["rel"] and m["rel"].lower() != "the" else None, ctx.anchor)
    return found(m, "DATE", f"FY{year_value(year)}")


def _holiday(m: re.Match[str], ctx: Context) -> list[Found]:
    month, day = HOLIDAYS[" ".join(m["name"].split()).replace("’", "'")]
    year = _year_of(m, ctx, month, day)
    if year is None:
        return found(m, "DATE", f"XXXX-{month:02d}-{day:02d}")
    return found(m, "DATE", day_value(date(year, month, day)))


_WEEK_OF_MONTH_DAY = {"first": 4, "second": 11, "third": 18, "fourth": 25}


def _week_of_month(m: re.Match[str], ctx: Context) -> list[Found]:
    """The ISO week around that part of the month, for "the last week of March"."""
    month = month_number(m["mon"])
    year = _year_of(m, ctx, month, None)
    if year is None:
        return found(m, "DATE", "XXXX-WXX")
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    day = _WEEK_OF_MONTH_DAY.get(m["ord"].lower(), last - 3)
    return found(m, "DATE", week_value(date(year, month, day)))


def _year_range(m: re.Match[str], ctx: Context) -> list[Found]:
    first, last = int(m["y1"]), int(m["y2"])
    if last <= first:
        return []
    return [
        Found(m.start(), m.end(), "DURATION", f"P{last - first}Y"),
        Found(*m.span("y1"), "DATE", m["y1"]),
        Found(*m.span("y2"), "DATE", m["y2"]),
    ]


_MONTH_WORDS = list(MONTHS)
_HOLIDAY_WORDS = [name.split()[0].split("'")[0] for name in HOLIDAYS]
_HOLIDAY = alternation(HOLIDAYS).replace("'", "['’]")
_ORD = r"first|second|third|fourth|final|last|1st|2nd|3rd|4th"
# "last" and "final" are ordinals of quarters (Q4), but "the last century" is relative.
_CENTURY_ORD = r"\d{1,2}(?:st|nd|rd|th)|" + "|".join(
    k for k in ORDINALS if (k.isalpha() or "-" in k) and k not in ("last", "final")
)

DATE_RULES: list[Rule] = [
    rule("iso_date", "#", rf"\b(?P<y>{YEAR_RE})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", _iso),
    rule(
        "slash_date",
        "#",
        r"(?<![\w/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![/\d])",
        partial(_numeric_date, month_first=True),
    ),
    rule(
        "dot_date",
        "#",
        r"(?<![\w.])(?P<a>[0-3]?\d)\.(?P<b>[01]?\d)\.(?P<y>\d{4})(?![\d.]\d)",
        partial(_numeric_date, month_first=False),
    ),
    rule(
        "month_day",
        _MONTH_WORDS,
        rf"\b(?:(?:{WEEKDAY_RE}),?\s+)?(?P<mon>{MONTH_RE})\s+(?:the\s+)?(?P<d>{DAY_RE})\b(?:,?\s+(?P<y>{YEAR_RE}))?",
        _full_date,
    ),
    rule(
        "day_month",
        _MONTH_WORDS,
        rf"\b(?:(?:{WEEKDAY_RE}),?\s+)?(?:the\s+(?=\d+(?:st|nd|rd|th)?\s+of\b))?(?P<d>{DAY_RE})(?:\s+of)?\s+(?P<mon>{MONTH_RE})(?:,?\s+(?P<y>{YEAR_RE}))?",
        _full_date,
    ),
    rule(
        "month_year",
        _MONTH_WORDS,
        rf"\b(?:{_EDGE}[- ]?\s*)?(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?(?:(?P<y>{YEAR_RE})|{_REL_YEAR})",
        _month_year,
    ),
    rule(
        "month",
        _MONTH_WORDS,
        rf"\b(?:(?P<edge>{_EDGE})[- ]?\s*|(?P<rel>this|last|next)\s+)?(?P<mon>{FULL_MONTH_RE})",
        _bare_month,
    ),
    rule("year", "#", rf"(?<![\w$€£¥#.,:/'’-])(?:{_EDGE}[- ]\s*)?(?P<y>{YEAR_RE})(?![.,]\d|-\d\d?\b|\s*%)", _year),
    rule("mid_year", "#", rf"\bmid-(?P<y>{YEAR_RE})(?![.,]\d)", _year),
    rule("short_year", "#", r"(?<![\w'’])['’](?P<yy>\d\d)\b(?!['’]?s\b|\s*%)", _short_year),
    rule(
        "decade",
        "#",
        r"(?<![\w$.,])(?:(?P<mod>early|late|mid)[- ]\s*)?(?P<dec>(?:1[5-9]|20)\d0|['’]\d0|\d0)['’]?s\b",
        _decade,
    ),
    rule(
        "century",
        "century",
        rf"\b(?:the\s+)?(?:(?:early|late|mid)[- ]\s*)?(?P<ord>{_CENTURY_ORD})[- ]century\b"
        r"|\b(?P<rel>this|last|next|the\s+(?:last|past|previous|current|next))\s+century\b",
        _century,
    ),
    rule(
        "quarter",
        "quarter",
        rf"\b(?:the\s+)?(?P<ord>{_ORD})[- ](?:fiscal\s+|financial\s+)?quarter\b"
        rf"(?:,?\s+(?:of\s+)?(?:(?:fiscal\s+)?(?P<y>{YEAR_RE})|{_REL_YEAR}))?",
        _quarter,
    ),
    rule("q_quarter", "q", rf"\b(?-i:Q)(?P<q>[1-4])\b(?:\s+(?P<y>{YEAR_RE})|\s*['’](?P<yy>\d\d)\b)?", _quarter),
    rule(
        "half",
        "half",
        rf"\b(?:the\s+)?(?P<ord>first|second|latter|1st|2nd)\s+half\s+of\s+(?:(?P<y>{YEAR_RE})|{_REL_YEAR})",
        _half,
    ),
    rule("h_half", "h", rf"\b(?-i:H)(?P<h>[12])\s+(?P<y>{YEAR_RE})", _half),
    rule(
        "season",
        "spring summer autumn fall winter",
        r"\b(?:(?P<rel>this|last|next|this\s+past|this\s+coming|the\s+coming|the\s+past|early|late|mid)[- ]?\s*)?"
        rf"(?P<s>spring|summer|autumn|winter|fall)\b(?:\s+(?:of\s+)?(?P<y>{YEAR_RE}))?",
        _season,
    ),
    rule(
        "fiscal_year",
        "fiscal financial fy",
        rf"\b(?:(?P<rel>this|last|next|the\s+(?:current|previous|last|next|coming|following)|the)\s+)?"
        rf"(?:fiscal|financial)\s+year\b"
        rf"(?:\s+(?P<y>{YEAR_RE}))?|\b(?:fiscal|financial)\s+(?P<y2>{YEAR_RE})|\b(?-i:FY)\s?(?P<y3>\d{{4}}|\d\d)\b",
        _fiscal,
    ),
    rule("holiday", _HOLIDAY_WORDS, rf"\b(?P<name>(?-i:{_HOLIDAY}))(?!\w)(?:,?\s+(?P<y>{YEAR_RE}))?", _holiday),
    rule(
        "week_of_month",
        "week",
        r"\bthe\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+"
        rf"(?P<mon>{FULL_MONTH_RE})(?:,?\s+(?P<y>{YEAR_RE}))?",
        _week_of_month,
    ),
    rule(
        "year_range",
        "#",
        rf"\b(?:from|between)\s+(?P<y1>{YEAR_RE})\s+(?:to|and|until|through|till)\s+(?P<y2>{YEAR_RE})",
        _year_range,
    ),
]
