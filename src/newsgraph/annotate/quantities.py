"""Quantities: a number with its qualifier and unit ("over 50,000 Ukrainian recruits" ->
50000, "more than", "recruits"; "$5 billion" -> 5e9, unit "USD"; "3.5%" -> unit "percent").

Numbers are found from cheap word triggers (a digit, a number word, a currency sign) and read
forward with one anchored regex; the qualifier is read backwards from the number, and the
unit is the noun the number counts, from spaCy's parse (the head of its `nummod` arc), so
adjectives in between ("Ukrainian") do not matter. Years, dates and durations are the timex
annotator's: numbers inside its spans are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsgraph.annotate.timex import SPANS_KEY, find_timexes
from newsgraph.annotate.timex_lexicon import alternation, phrase_key
from newsgraph.annotate.timex_numbers import NUMBER, SCALES, UNITS_WORDS, parse_number
from newsgraph.annotate.timex_tense import TenseReader
from newsgraph.records import Quantity

__all__ = ["CURRENCIES", "QUALIFIERS", "find_quantities"]

# Words before a number -> the qualifier we record (one name per meaning).
QUALIFIERS: dict[str, str] = {
    "more than": "more than", "over": "more than", "above": "more than", "in excess of": "more than",
    "upwards of": "more than", "well over": "more than", "just over": "more than", "over than": "more than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least", "a minimum of": "at least",
    "nearly": "almost", "almost": "almost", "close to": "almost", "just under": "almost", "just shy of": "almost",
    "up to": "up to", "as many as": "up to", "as much as": "up to", "a maximum of": "up to",
    "about": "approximately", "around": "approximately", "some": "approximately", "roughly": "approximately",
    "approximately": "approximately", "an estimated": "approximately", "estimated": "approximately",
    "circa": "approximately", "approx.": "approximately", "nearly about": "approximately",
    "fewer than": "less than", "less than": "less than", "under": "less than", "below": "less than",
    "at most": "at most", "no more than": "at most", "not more than": "at most",
    "exactly": "exactly", "precisely": "exactly",
}  # fmt: skip

# Currency signs and words -> ISO 4217 code.
CURRENCIES: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "€": "EUR", "eur": "EUR",
    "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "pound sterling": "GBP", "pounds sterling": "GBP",
    "¥": "JPY", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "rupee": "INR", "rupees": "INR", "a$": "AUD", "au$": "AUD",
    "c$": "CAD", "ca$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "chf": "CHF", "hryvnia": "UAH",
    "hryvnias": "UAH",
}  # fmt: skip

_SIGN = r"(?:US|A|AU|C|CA|NZ|HK|S)?\$|[€£¥]"
_SCALE_ABBR = {"bn": 1_000_000_000, "b": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000, "k": 1_000}
_QUANTITY = re.compile(
    rf"(?P<sign>{_SIGN})?\s?(?P<num>{NUMBER})(?P<abbr>(?-i:bn|mn|m|k|b))?(?![\w,.]?\d)(?![\w:]|/\d|-[A-Za-z])"
    r"(?:\s*(?P<pct>%|percent\b|per\s+cent\b))?"
    r"(?:\s+(?P<word>(?:US\s+)?dollars?|euros?|pounds\s+sterling|yen|yuan|renminbi|roubles?|rubles?|rupees?|hryvnias?)\b)?",
    re.IGNORECASE,
)
_RANGE_TAIL = re.compile(
    rf"\s*(?:-|–|to|and)\s*(?P<sign>{_SIGN})?\s?(?P<num>{NUMBER})(?-i:bn|mn|m|k|b)?(?![\w,.]?\d)(?![\w:])", re.I
)
_QUALIFIER = re.compile(rf"(?<![\w-])(?P<q>{alternation(QUALIFIERS)})\s+$", re.IGNORECASE)
_AGE = re.compile(r"\s*(?:-|\s)(?:years?|months?)(?:-|\s)old\b", re.IGNORECASE)
_OLD = re.compile(r"[\s-]+old\b", re.IGNORECASE)
_RANGE_START = re.compile(r"(?<![\w-])between\s+$", re.IGNORECASE)
# "rose from 10 to 20", "cut by $200 to $399": a change, not a range
_CHANGE = re.compile(r"(?<![\w-])(?:from|by)\s+$", re.IGNORECASE)
_TRIGGER = re.compile(
    rf"{_SIGN}|\d[\d,.]*|\b(?:{alternation(UNITS_WORDS)}|an?(?=\s+(?:{alternation(SCALES)})\b))\b", re.IGNORECASE
)
# Entity labels under which a number is part of a name ("Boeing 737", "Formula One").
_NAME_LABELS = frozenset({"PRODUCT", "ORG", "LAW", "WORK_OF_ART", "EVENT", "FAC", "PERSON", "GPE"})


def find_quantities(doc) -> list[Quantity]:
    """Quantities in a parsed `Doc`, in text order."""
    text = doc.text
    if SPANS_KEY not in doc.user_data:
        find_timexes(doc, None)  # only the spans matter here
    taken = doc.user_data[SPANS_KEY]
    token_at = TenseReader(doc).token_at
    found: list[Quantity] = []
    pos = 0
    for trigger in _TRIGGER.finditer(text):
        if trigger.start() < pos or _inside(trigger.start(), taken):
            continue
        m = _QUANTITY.match(text, trigger.start())
        if m is None or _glued(text, m.start()):
            continue
        items = _read(token_at, text, m)
        if items:
            found.extend(items)
            pos = max(q.end for q in items)
    return found


def _inside(char: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= char < end for start, end in spans)


def _glued(text: str, start: int) -> bool:
    """A number stuck to a word or a code before it ("A380", "COVID-19", "3:1", "24/7") is a
    name; a currency sign may follow a slash ("$149/£99")."""
    if start == 0:
        return False
    before = text[start - 1]
    if text[start].isdigit():
        return before.isalnum() or before in "-:/.#_$€£¥"
    return before.isalnum() or before == "-"


def _read(token_at: Callable, text: str, m: re.Match[str]) -> list[Quantity]:
    """The quantity (or the two bounds of a range) a number match gives; `token_at` maps a
    character offset to its token."""
    value = _value(m)
    if value is None:
        return []
    first = token_at(m.start("num"))
    last = token_at(m.end("num") - 1)
    if first.ent_type_ in _NAME_LABELS or _after_name(first):
        return []
    if (last.dep_ == "appos" and last.head.pos_ == "PROPN") or _AGE.match(text, m.end()):
        return []  # "Scott, 43,", "a 40-year-old": ages
    unit, end = _unit(m, last)
    if unit in ("year", "years", "month", "months") and _OLD.match(text, end):
        return []  # "27 and 29 years old"
    if m["num"][0].isalpha() and unit is None and not _scale(m) and last.dep_ != "nummod":
        return []  # "one of them", "at one point"
    if unit is None and last.dep_ not in ("nummod", "quantmod") and last.head.i < last.i and last.head.pos_ == "NOUN":
        return []  # "Article 5", "page 3": a number after its noun names the thing
    start = m.start()
    tail = _RANGE_TAIL.match(text, m.end())
    if tail and _is_range(text, start, tail):
        items = _range(token_at, text, m, tail, unit)
        if items:
            return items
    qualifier = _qualifier(text, start)
    if qualifier:
        start = qualifier.start()
    label = QUALIFIERS[phrase_key(qualifier["q"])] if qualifier else None
    return [Quantity(start, end, text[start:end], value, label, unit)]


def _is_range(text: str, start: int, tail: re.Match[str]) -> bool:
    """Ranges are "10 to 20", "10-20", "between 10 and 20"; not "rose from 10 to 20" nor "10 and 20"."""
    if _CHANGE.search(text, max(0, start - 8), start):
        return False
    return bool(_RANGE_START.search(text, max(0, start - 10), start)) or not tail[0].strip().lower().startswith("and")


def _range(token_at: Callable, text: str, m: re.Match[str], tail: re.Match[str], unit: str | None) -> list[Quantity]:
    """Two bounds: "between 10 and 20 soldiers" is at least 10 and up to 20 soldiers."""
    second = _QUANTITY.match(text, tail.start("sign") if tail["sign"] else tail.start("num"))
    if second is None:
        return []
    low, high = _value(m), _value(second)
    scale = _scale(second)
    if scale and not _scale(m):
        low *= scale  # "$5-10 billion": the scale of the second number is the first's too
    if low is None or high is None or high <= low:
        return []
    last = token_at(second.end("num") - 1)
    unit2, end = _unit(second, last)
    dash = tail[0].strip()[:1] in "-–"
    if (unit and unit2 and unit != unit2) or ((m["pct"] or _currency(m)) and not unit2 and not dash):
        return []  # "fell 2.6% to 9,694": a level after a change; but "$5-10 billion" is a range
    between = _RANGE_START.search(text, max(0, m.start() - 10), m.start())
    start = between.start() if between else m.start()
    unit = unit2 or unit
    return [
        Quantity(start, m.end("num"), text[start : m.end("num")], low, "at least", unit),
        Quantity(second.start(), end, text[second.start() : end], high, "up to", unit),
    ]


def _value(m: re.Match[str]) -> float | None:
    value = parse_number(m["num"])
    if value is not None and m["abbr"]:
        value *= _SCALE_ABBR[m["abbr"].lower()]
    return value


def _scale(m: re.Match[str]) -> int:
    """The scale written with a number ("billion", "bn"), or 0."""
    if m["abbr"]:
        return _SCALE_ABBR[m["abbr"].lower()]
    words = m["num"].lower().split()
    return SCALES.get(words[-1], 0) if len(words) > 1 or not words[0][0].isdigit() else 0


def _unit(m: re.Match[str], last) -> tuple[str | None, int]:
    """The unit of a matched number and where its span ends: percent, a currency, or the noun counted."""
    if m["pct"]:
        return "percent", m.end()
    money = _currency(m)
    if money:
        return money, m.end()
    return _counted(last, m.end())


def _after_name(tok) -> bool:
    """A number right after a capitalised proper noun ("Boeing 737", "Windows 7")."""
    if tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    return prev.pos_ == "PROPN" and prev.text[:1].isupper()


def _currency(m: re.Match[str]) -> str | None:
    for key in ("sign", "word"):
        raw = m[key]
        if raw:
            word = phrase_key(raw).replace("us ", "")
            return CURRENCIES.get(word, CURRENCIES.get(word.rstrip("s")))
    return None


def _counted(last, end: int) -> tuple[str | None, int]:
    """The noun a number counts (its `nummod` head, after it), and the span end through it."""
    tok = last
    while tok.dep_ == "compound" and tok.head.pos_ == "NUM" and tok.head.i > tok.i:
        tok = tok.head
    if tok.dep_ == "conj" and tok.head.pos_ == "NUM":
        tok = tok.head  # "10 and 20 soldiers": the unit is the first number's
    head = tok.head
    if tok.dep_ in ("nummod", "quantmod") and head.pos_ in ("NOUN", "PROPN") and 0 < head.i - last.i <= 4:
        unit = "percent" if head.text == "%" else head.text.lower() if head.pos_ == "NOUN" else head.text
        return unit, max(end, head.idx + len(head.text))
    return None, end


def _qualifier(text: str, start: int) -> re.Match[str] | None:
    return _QUALIFIER.search(text, max(0, start - 24), start)
