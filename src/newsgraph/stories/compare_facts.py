"""Facts: the events and quantities of a group of articles, aligned across outlets.

Two event mentions are one fact when they have the same type, compatible dates and either the
same participants (actor and recipient equal where both are known, at least one of them known)
or a close sentence (content-word overlap).

Event mentions are aligned greedily, in reading order: a mention joins the first fact it matches.

Two quantities are one fact when they count the same unit (`compare_units`: "dockworkers" and
"workers", "vessels" and "ships" are one unit) and their sentences tell of the same thing: either
close sentences (values within an order of magnitude), or, for counts of about the same size
(within a factor of two), a few content words shared by the sentence and the one before it, since
a count often details the event the sentence before has named ("The strike went on. About 4,000
workers stayed away"). Outlets put the same count in very different words, so the second rule is
what lets them meet; the size condition keeps it from merging "three dead" with "1,300
evacuated" in one story. A count whose sentence also gives the other count's number ("Kasmaria
offered 110; Orlenia wants 150") is no evidence for it: that number is someone else's. Counts
are joined best pair first (single link), so the result doesn't depend on which outlet comes
first, and never so that one outlet gives two values to one fact. Pairs are compared within a
unit only: a few hundred mentions per story at most.

Contradictions are what aligned facts disagree on: counts whose ranges cannot both hold ("more
than 50,000" against "40,000"; "about" allows ±15%), "occurred" against "denied", and the same
event (same type and actor, close sentence) put on dates that exclude each other.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from newsgraph.stories.compare_input import ArticleInput, span_inside
from newsgraph.stories.compare_model import Claim, Contradiction, Fact, FactMention
from newsgraph.stories.compare_text import content_words, overlap
from newsgraph.stories.compare_units import unit_key

__all__ = ["align_facts", "number_text"]

# Content-word overlap (Jaccard) of two sentences. Tuned by hand on the seeds and fixtures;
# they are meant to be revisited against a multi-outlet gold set once there is one.
EVENT_SENTENCE = 0.5
DATE_CLASH_SENTENCE = 0.3
QUANTITY_SENTENCE = 0.25
# Counts of one unit in sentences that are not close: how many content words the sentence and the
# one before must share, and how far apart the two values may be (larger / smaller). Set on the
# demo corpus (demo/corpus) and the fixtures of tests/test_compare.py.
QUANTITY_SHARED = 2
QUANTITY_RATIO = 2.0
# Even close sentences don't make "4 dead" and "900 evacuated" one count: an order of magnitude
# apart, two numbers are two things counted, not two outlets' estimates of one.
CLOSE_RATIO = 10.0

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
    near: frozenset[str] = frozenset()
    others: tuple[float, ...] = ()


_Match = Callable[[_Mention, _Mention], bool]


@dataclass(slots=True)
class _Group:
    mentions: list[_Mention] = field(default_factory=list)

    @property
    def label(self) -> str:
        first = self.mentions[0]
        if first.kind == "quantity":
            return "number of " + "/".join(dict.fromkeys(m.unit or "" for m in self.mentions))
        who = f"{first.actor or '?'} → {first.recipient or '?'}"
        when = f" on {first.date}" if first.timex_date and first.date else ""
        return f"{first.key} {who}{when}"


def align_facts(articles: list[ArticleInput]) -> tuple[tuple[Fact, ...], tuple[Contradiction, ...]]:
    """The facts of the group, in reading order, and the contradictions between outlets."""
    outlets = {a.outlet for a in articles}
    groups: list[_Group] = []
    quantities: list[_Mention] = []
    for article in articles:
        for mention in _event_mentions(article):
            _place(groups, mention, _events_match)
        quantities += _quantity_mentions(article)
    order = {id(a): n for n, a in enumerate(articles)}
    groups = sorted(
        [*groups, *_cluster_quantities(quantities)],
        key=lambda g: (order[id(g.mentions[0].article)], g.mentions[0].kind != "event", g.mentions[0].start),
    )
    facts = tuple(_fact(f"F{n}", group, outlets) for n, group in enumerate(groups, 1))
    clashes = _contradictions(groups, facts)
    return facts, tuple(Contradiction(f"C{n}", *clash) for n, clash in enumerate(clashes, 1))


def _place(groups: list[_Group], mention: _Mention, match: _Match) -> None:
    for group in groups:
        if group.mentions[0].key == mention.key and any(match(mention, other) for other in group.mentions):
            group.mentions.append(mention)
            return
    groups.append(_Group([mention]))


def _cluster_quantities(mentions: list[_Mention]) -> list[_Group]:
    """Counts of one unit joined best pair first, so that a count meets the outlet that tells it
    most alike wherever that outlet comes in the group; two clusters are not joined when that
    would give an outlet two values for one fact. Returned in reading order."""
    by_key: dict[str, list[int]] = {}
    for i, mention in enumerate(mentions):
        by_key.setdefault(mention.key, []).append(i)
    pairs = []
    for same_unit in by_key.values():
        for n, i in enumerate(same_unit):
            for j in same_unit[n + 1 :]:
                score = _quantity_score(mentions[i], mentions[j])
                if score > 0.0:
                    pairs.append((-score, i, j))
    cluster = list(range(len(mentions)))
    members = {i: [i] for i in cluster}
    for _, i, j in sorted(pairs):
        a, b = cluster[i], cluster[j]
        if a == b or any(_two_values(mentions[x], mentions[y]) for x in members[a] for y in members[b]):
            continue
        a, b = min(a, b), max(a, b)
        for k in members[b]:
            cluster[k] = a
        members[a] = sorted(members[a] + members.pop(b))
    return [_Group([mentions[i] for i in group]) for group in members.values()]


def _two_values(a: _Mention, b: _Mention) -> bool:
    return a.outlet == b.outlet and not _same_value(a.value, b.value)


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
    numbers = [(q["start"], float(q["value"])) for q in article.quantities if _number(q.get("value"))]
    found = []
    for quantity in article.quantities:
        value, unit = quantity.get("value"), quantity.get("unit")
        key = unit_key(unit) if isinstance(unit, str) else None
        if not _number(value) or key is None:
            continue  # an amount of nothing named can't be matched to another outlet's
        start, end = quantity["start"], quantity["end"]
        sentence = article.sentences.around(start, end)
        context = _topic_words(article.text[sentence[0] : start] + " " + article.text[end : sentence[1]])
        before = article.sentences.around(sentence[0] - 1) if sentence[0] > 0 else sentence
        near = context | _topic_words(article.text[before[0] : before[1]]) if before != sentence else context
        qualifier = quantity.get("qualifier")
        found.append(
            _Mention(
                "quantity", key, article.outlet, article, start, end, sentence, context, None,
                value=float(value), qualifier=qualifier if qualifier in _RANGES else None,
                unit=" ".join(str(unit).lower().split()), near=near,
                others=tuple(v for s, v in numbers if sentence[0] <= s < sentence[1] and s != start),
            )
        )  # fmt: skip
    return found


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _topic_words(text: str) -> frozenset[str]:
    """Content words without numbers: other counts in a sentence say nothing about its topic."""
    return frozenset(w for w in content_words(text) if not w.isdigit())


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


def _quantity_score(a: _Mention, b: _Mention) -> float:
    """How alike two counts of one unit are told: > 0 when they may be one fact, higher when
    likelier (close sentences above the rest), 0.0 when nothing says so."""
    if not _same_value(a.value, b.value) and (a.outlet == b.outlet or _gives(a, b.value) or _gives(b, a.value)):
        return 0.0  # one outlet's two different counts of a unit are two facts
    close = overlap(a.words, b.words)
    if close >= QUANTITY_SENTENCE and _comparable(a, b, CLOSE_RATIO):
        return 1.0 + close
    if a.outlet != b.outlet and len(a.near & b.near) >= QUANTITY_SHARED and _comparable(a, b, QUANTITY_RATIO):
        return overlap(a.near, b.near)
    return 0.0


def _same_value(a: float | None, b: float | None) -> bool:
    a, b = a or 0.0, b or 0.0
    return abs(a - b) <= _ROUNDING * max(abs(a), abs(b))


def _gives(m: _Mention, value: float | None) -> bool:
    """The sentence of `m` has `value` beside its own count ("Kasmaria offered 110; Orlenia wants
    150"): a count of `value` elsewhere is that other number's, no evidence for this one."""
    return any(_same_value(v, value) for v in m.others)


def _comparable(a: _Mention, b: _Mention, ratio: float) -> bool:
    low, high = sorted((abs(a.value or 0.0), abs(b.value or 0.0)))
    return high <= low * ratio if low else high == 0.0


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
            clashes.append(("number", f"{group.label}: different counts", (fact.id,), claims))
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
    values = [m.value for m in group.mentions if m.value is not None]
    spread = (min(values), max(values)) if values else None
    return Fact(ident, group.mentions[0].kind, group.label, coverage, tuple(seen), mentions, spread)


def number_text(value: float) -> str:
    """A count as outlets and the table show it: "4,000", "2.5"."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,g}"


def _value_text(m: _Mention) -> str:
    number = number_text(m.value or 0.0)
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
    return (value["start"], value["end"]) if span_inside(value, article.text) else None
