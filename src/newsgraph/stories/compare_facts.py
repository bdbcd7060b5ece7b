"""Facts: the events and quantities of a group of articles, aligned across outlets.

Two event mentions are one fact when they have the same type, compatible dates and either the
same participants (actor and recipient equal where both are known, at least one of them known)
or a close sentence (content-word overlap). Two quantities are one fact when they count the same
unit in close sentences. Alignment is greedy, in reading order: a mention joins the first fact
it matches, so the cost is mentions × facts of one type or unit, small for one story.

Contradictions are what aligned facts disagree on: counts whose ranges cannot both hold ("more
than 50,000" against "40,000"; "about" allows ±15%), "occurred" against "denied", and the same
event (same type and actor, close sentence) put on dates that exclude each other.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from newsgraph.stories.compare_input import ArticleInput
from newsgraph.stories.compare_model import Claim, Contradiction, Fact, FactMention
from newsgraph.stories.compare_text import content_words, overlap, stem

__all__ = ["align_facts"]

# Content-word overlap (Jaccard) of two sentences. Tuned by hand on the seeds and fixtures;
# they are meant to be revisited against a multi-outlet gold set once there is one.
EVENT_SENTENCE = 0.5
DATE_CLASH_SENTENCE = 0.3
QUANTITY_SENTENCE = 0.25

# Qualifier -> (low, high) factors on the value: the range a reported count allows.
_RANGES: dict[str | None, tuple[float, float]] = {
    None: (1.0, 1.0), "exactly": (1.0, 1.0), "approximately": (0.85, 1.15), "almost": (0.8, 1.0),
    "more than": (1.0, math.inf), "at least": (1.0, math.inf), "up to": (0.0, 1.0), "at most": (0.0, 1.0),
    "less than": (0.0, 1.0),
}  # fmt: skip
_ROUNDING = 0.01  # two counts within 1% are the same count, rounded


@dataclass(slots=True)
class _Mention:
    kind: str
    key: str
    outlet: str
    article: ArticleInput
    start: int
    end: int
    sentence: tuple[int, int]
    words: frozenset[str]
    source: str | None
    actor: str | None = None
    recipient: str | None = None
    date: str | None = None
    timex_date: bool = False
    status: str | None = None
    value: float | None = None
    qualifier: str | None = None
    unit: str | None = None


_Match = Callable[[_Mention, _Mention], bool]


@dataclass(slots=True)
class _Group:
    label: str
    mentions: list[_Mention] = field(default_factory=list)


def align_facts(articles: list[ArticleInput]) -> tuple[tuple[Fact, ...], tuple[Contradiction, ...]]:
    """The facts of the group, in reading order, and the contradictions between outlets."""
    outlets = {a.outlet for a in articles}
    groups: list[_Group] = []
    for article in articles:
        for mention in _event_mentions(article):
            _place(groups, mention, _events_match)
        for mention in _quantity_mentions(article):
            _place(groups, mention, _quantities_match)
    facts = tuple(_fact(f"F{n}", group, outlets) for n, group in enumerate(groups, 1))
    clashes = _contradictions(groups, facts)
    return facts, tuple(Contradiction(f"C{n}", *clash) for n, clash in enumerate(clashes, 1))


def _place(groups: list[_Group], mention: _Mention, match: _Match) -> None:
    for group in groups:
        if (
            group.mentions[0].kind == mention.kind
            and group.mentions[0].key == mention.key
            and any(match(mention, other) for other in group.mentions)
        ):
            group.mentions.append(mention)
            return
    groups.append(_Group(_label(mention), [mention]))


def _event_mentions(article: ArticleInput) -> list[_Mention]:
    found = []
    for event in article.events:
        trigger = event["trigger"]
        sentence = _extent(event.get("sentence"), article) or article.sentences.around(trigger["start"], trigger["end"])
        source = event.get("source")
        speaker = source.get("name") if isinstance(source, Mapping) and source.get("kind") == "speaker" else None
        date = event.get("date")
        found.append(
            _Mention(
                "event", event["type"], article.outlet, article, trigger["start"], trigger["end"], sentence,
                content_words(article.text[sentence[0]:sentence[1]]), speaker if isinstance(speaker, str) else None,
                actor=_canonical(event.get("actor")), recipient=_canonical(event.get("recipient")),
                date=date if isinstance(date, str) else None, timex_date=event.get("date_source") == "timex",
                status=event.get("status") if isinstance(event.get("status"), str) else None,
            )
        )  # fmt: skip
    return found


def _quantity_mentions(article: ArticleInput) -> list[_Mention]:
    found = []
    for quantity in article.quantities:
        value, unit = quantity.get("value"), quantity.get("unit")
        if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
            continue
        words = unit.split() if isinstance(unit, str) else []
        if not words:
            continue  # an amount of nothing named can't be matched to another outlet's
        start, end = quantity["start"], quantity["end"]
        sentence = article.sentences.around(start, end)
        context = content_words(article.text[sentence[0] : start] + " " + article.text[end : sentence[1]])
        qualifier = quantity.get("qualifier")
        found.append(
            _Mention(
                "quantity", stem(words[-1]), article.outlet, article, start, end, sentence, context, None,
                value=float(value), qualifier=qualifier if qualifier in _RANGES else None, unit=" ".join(words),
            )
        )  # fmt: skip
    return found


def _events_match(a: _Mention, b: _Mention) -> bool:
    if not _dates_agree(a, b):
        return False
    if _participants_agree(a, b):
        return True
    return overlap(a.words, b.words) >= EVENT_SENTENCE


def _participants_agree(a: _Mention, b: _Mention) -> bool:
    pairs = ((a.actor, b.actor), (a.recipient, b.recipient))
    if any(x is not None and y is not None and x != y for x, y in pairs):
        return False
    return any(x is not None and x == y for x, y in pairs)


def _dates_agree(a: _Mention, b: _Mention) -> bool:
    if not (a.timex_date and b.timex_date and a.date and b.date):
        return True  # a publication-date fallback is no claim about when
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def _quantities_match(a: _Mention, b: _Mention) -> bool:
    if a.article is b.article and not _values_agree(a, b):
        return False  # one article's two different counts of a unit are two facts
    return overlap(a.words, b.words) >= QUANTITY_SENTENCE


def _range(m: _Mention) -> tuple[float, float]:
    low, high = _RANGES[m.qualifier]
    value = m.value or 0.0
    bounds = sorted((value * low, value * high))
    return bounds[0], bounds[1]


def _values_agree(a: _Mention, b: _Mention) -> bool:
    (a_low, a_high), (b_low, b_high) = _range(a), _range(b)
    slack = _ROUNDING * max(abs(a.value or 0.0), abs(b.value or 0.0))
    return a_low <= b_high + slack and b_low <= a_high + slack


def _contradictions(
    groups: list[_Group], facts: tuple[Fact, ...]
) -> list[tuple[str, str, tuple[str, ...], tuple[Claim, ...]]]:
    clashes = []
    for group, fact in zip(groups, facts, strict=True):
        kind = group.mentions[0].kind
        if kind == "quantity" and _across_outlets(group.mentions, lambda a, b: not _values_agree(a, b)):
            claims = tuple(Claim(m.outlet, m.article.id, _value_text(m), _words(m)) for m in group.mentions)
            clashes.append(("number", f"different counts of {group.label}", (fact.id,), claims))
        statuses = {m.status for m in group.mentions}
        if kind == "event" and "denied" in statuses and statuses - {"denied", "hypothetical", None}:
            claims = tuple(Claim(m.outlet, m.article.id, m.status or "-", _words(m)) for m in group.mentions)
            clashes.append(("status", f"{group.label}: happened or denied", (fact.id,), claims))
    events = [(g, f) for g, f in zip(groups, facts, strict=True) if g.mentions[0].kind == "event"]
    for i, (group, fact) in enumerate(events):
        for other, other_fact in events[i + 1 :]:
            pair = _date_clash(group, other)
            if pair:
                claims = tuple(Claim(m.outlet, m.article.id, m.date or "-", _words(m)) for m in pair)
                clashes.append(("date", f"{group.label}: different dates", (fact.id, other_fact.id), claims))
    return clashes


def _date_clash(a: _Group, b: _Group) -> tuple[_Mention, _Mention] | None:
    for x in a.mentions:
        for y in b.mentions:
            if (
                x.outlet != y.outlet and x.key == y.key and x.actor and x.actor == y.actor
                and (x.recipient is None or y.recipient is None or x.recipient == y.recipient)
                and not _dates_agree(x, y) and overlap(x.words, y.words) >= DATE_CLASH_SENTENCE
            ):  # fmt: skip
                return x, y
    return None


def _across_outlets(mentions: list[_Mention], differ: _Match) -> bool:
    return any(a.outlet != b.outlet and differ(a, b) for i, a in enumerate(mentions) for b in mentions[i + 1 :])


def _fact(ident: str, group: _Group, outlets: set[str]) -> Fact:
    seen = sorted({m.outlet for m in group.mentions})
    coverage = "only" if len(seen) == 1 else "all" if set(seen) == outlets else "some"
    mentions = tuple(
        FactMention(
            m.outlet, m.article.id, _words(m), m.article.text[m.sentence[0]:m.sentence[1]], m.start, m.end, m.source,
            _value_text(m) if m.kind == "quantity" else m.date,
        )
        for m in group.mentions
    )  # fmt: skip
    return Fact(ident, group.mentions[0].kind, group.label, coverage, tuple(seen), mentions)


def _label(m: _Mention) -> str:
    if m.kind == "quantity":
        return f"number of {m.unit}"
    who = f"{m.actor or '?'} → {m.recipient or '?'}"
    when = f" on {m.date}" if m.timex_date and m.date else ""
    return f"{m.key} {who}{when}"


def _value_text(m: _Mention) -> str:
    value = m.value or 0.0
    number = f"{value:,.0f}" if value == int(value) else f"{value:,g}"
    return f"{m.qualifier} {number}" if m.qualifier else number


def _words(m: _Mention) -> str:
    return m.article.text[m.start : m.end]


def _canonical(participant: Any) -> str | None:
    if isinstance(participant, Mapping):
        name = participant.get("canonical") or participant.get("text")
        if isinstance(name, str) and name.strip():
            return name.strip()
    return None


def _extent(value: Any, article: ArticleInput) -> tuple[int, int] | None:
    if isinstance(value, Mapping):
        start, end = value.get("start"), value.get("end")
        if type(start) is int and type(end) is int and 0 <= start <= end <= len(article.text):
            return start, end
    return None
