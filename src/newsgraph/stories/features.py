"""What an article contributes to story similarity: token counts in four channels, a date, its persons.

Channels stay separate (rather than one bag) because they fail differently: a short wire brief
has few words but the same entities as a long feature; an undated page has no time features;
most articles have no coded event. `similarity.py` weighs them and skips empty ones. The persons
an article names are kept apart too: `central.py` uses them to keep clusters about different people
from merging.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

__all__ = ["CHANNELS", "ArticleFeatures", "article_features"]

CHANNELS = ("words", "entities", "time", "events")

# Word tokens as scikit-learn's TfidfVectorizer takes them (two or more word characters), so the
# words channel is the TF-IDF the ECB+ baseline uses.
_WORD = re.compile(r"\b\w\w+\b")
_DATE = re.compile(r"(\d{4}|XXXX)(?:-(\d\d)(?:-(\d\d))?)?")
# Event roles whose canonical names identify a happening (a trigger word alone does not).
_EVENT_ROLES = ("actor", "recipient")


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """Token counts per channel, the article's date (a proleptic ordinal, or None) and the names of
    the persons it names (as the entities channel spells them)."""

    channels: dict[str, Counter[str]]
    day: int | None
    persons: frozenset[str]


def article_features(record: dict[str, Any]) -> ArticleFeatures:
    """The features of one article record of the extract format."""
    return ArticleFeatures(
        channels={
            "words": _words(record),
            "entities": _entities(record),
            "time": _time(record),
            "events": _events(record),
        },
        day=_day(record),
        persons=_persons(record),
    )


def _persons(record: dict[str, Any]) -> frozenset[str]:
    names = (_canonical(e) for e in record.get("entities") or () if e.get("label") == "PERSON")
    return frozenset(n for n in names if n)


@cache
def _stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (the baseline's), imported on first use: scikit-learn and the
    SciPy under it take most of a second to import, which `import newsgraph` should not pay."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def _words(record: dict[str, Any]) -> Counter[str]:
    """Lower-cased content words of headline and body; the headline once, even if the body repeats it."""
    text = record.get("text") or ""
    title = record.get("title") or ""
    if title and title not in text[: len(title) + 200]:
        text = f"{title}\n{text}"
    stop = _stop_words()
    return Counter(w for w in _WORD.findall(text.lower()) if w not in stop)


def _canonical(item: dict[str, Any] | None) -> str | None:
    if not item:
        return None
    name = item.get("canonical") or item.get("text")
    return name.strip().lower() if isinstance(name, str) and name.strip() else None


def _entities(record: dict[str, Any]) -> Counter[str]:
    """One count per mention: the protagonist, named again and again, outweighs a passing name."""
    names = (_canonical(e) for e in record.get("entities") or ())
    return Counter(n for n in names if n)


def _events(record: dict[str, Any]) -> Counter[str]:
    out: Counter[str] = Counter()
    for event in record.get("events") or ():
        kind = event.get("type")
        for role in _EVENT_ROLES:
            name = _canonical(event.get(role))
            if kind and name:
                out[f"{kind}|{name}"] += 1
    return out


def _date_values(record: dict[str, Any], published: bool = True) -> list[str]:
    values = [t.get("value") or "" for t in record.get("timexes") or () if t.get("type") in ("DATE", "TIME")]
    given = record.get("published")
    if published and isinstance(given, dict) and given.get("value"):
        values.append(given["value"])
    return values


def _time(record: dict[str, Any]) -> Counter[str]:
    """Year, year-month and month-day tokens of every date the text names.

    Month-day survives an unknown year ("Dec. 11" in an undated text is XXXX-12-11), and two
    reports of one happening tend to name the same days.
    """
    out: Counter[str] = Counter()
    for value in _date_values(record, published=False):
        match = _DATE.match(value)
        if not match:
            continue
        year, month, day = match.groups()
        if year != "XXXX":
            out[f"y:{year}"] += 1
            if month:
                out[f"ym:{year}-{month}"] += 1
        if month and day:
            out[f"md:{month}-{day}"] += 1
    return out


def _day(record: dict[str, Any]) -> int | None:
    """The publication date, else the middle full date the text gives: when the article happened."""
    published = record.get("published")
    candidates = [published["value"]] if isinstance(published, dict) and published.get("value") else []
    if not candidates:
        candidates = sorted(v[:10] for v in _date_values(record) if len(v) >= 10 and v[:4].isdigit())
    for value in candidates[len(candidates) // 2 :]:
        try:
            return date.fromisoformat(value[:10]).toordinal()
        except ValueError:
            continue
    return None
