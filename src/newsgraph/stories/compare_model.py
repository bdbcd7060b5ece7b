"""The outlet comparison as typed records: what `compare_story` returns and `--json` prints.

Facts and contradictions are listed once for the whole group and referred to by id from each
outlet's report, so that "shared by all" is one fact seen from every outlet, not copies that
could drift apart. Offsets are character offsets into the article's `text` (or its `title` for
headline terms), as everywhere else in newsgraph, so every finding links back to its words.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

__all__ = [
    "Claim",
    "Comparison",
    "Contradiction",
    "Fact",
    "FactMention",
    "HeadlineCheck",
    "HeadlineClaim",
    "OutletReport",
    "TermUse",
    "Tone",
    "Voice",
    "VoiceGroup",
]


class _Plain:
    """`to_dict()` for the records below: plain JSON types, fields in declaration order."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


def _plain(value: Any) -> Any:
    if isinstance(value, _Plain):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class FactMention(_Plain):
    """One outlet's report of a fact: the words it came from and who the outlet says said it
    (`source` None for the outlet's own voice)."""

    outlet: str
    article_id: str
    text: str
    sentence: str
    start: int
    end: int
    source: str | None
    value: str | None = None


@dataclass(frozen=True, slots=True)
class Fact(_Plain):
    """An event or quantity reported by one or more outlets. `coverage` is `all` (every outlet
    in the group reports it), `some` or `only` (one outlet). `spread` is the lowest and highest
    value the outlets give a quantity (None for events): how far apart they are at a glance,
    whether or not their qualifiers let both hold."""

    id: str
    kind: str
    label: str
    coverage: str
    outlets: tuple[str, ...]
    mentions: tuple[FactMention, ...]
    spread: tuple[float, float] | None = None


@dataclass(frozen=True, slots=True)
class Claim(_Plain):
    """What one outlet says in a contradiction ("more than 50000", "2025-03-20")."""

    outlet: str
    article_id: str
    value: str
    text: str


@dataclass(frozen=True, slots=True)
class Contradiction(_Plain):
    """Outlets that disagree about one fact: `kind` is `number` (different counts of the same
    thing), `status` (one says it happened, another that it was denied) or `date` (the same
    event on different dates: two facts, since a date tells events apart)."""

    id: str
    kind: str
    label: str
    facts: tuple[str, ...]
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Voice(_Plain):
    """One quoted speaker in one outlet: how often and how much text (characters of quote
    content) the outlet gives them."""

    name: str
    affiliation: str
    kind: str
    role: str | None
    country: str | None
    quotes: int
    chars: int


@dataclass(frozen=True, slots=True)
class VoiceGroup(_Plain):
    """The voices of one affiliation (government, opposition, experts, media, unnamed, other)."""

    affiliation: str
    quotes: int
    chars: int
    voices: tuple[Voice, ...]


@dataclass(frozen=True, slots=True)
class TermUse(_Plain):
    """A loaded term or scare quote: where (`headline` or `body`), whose words (`speaker` None
    for the outlet's own voice) and which lexicon entry (`term`, `category`, `polarity`)."""

    text: str
    term: str
    category: str
    polarity: int
    article_id: str
    where: str
    start: int
    end: int
    speaker: str | None
    context: str


@dataclass(frozen=True, slots=True)
class Tone(_Plain):
    """VADER-style tone of the outlet's own voice from the shipped lexicon: loaded terms per
    1,000 own-voice words and their mean polarity (-2..+2; 0.0 when there are none)."""

    words: int
    loaded: int
    per_1000_words: float
    polarity: float


@dataclass(frozen=True, slots=True)
class HeadlineClaim(_Plain):
    """A headline item the body does not support: `kind` is `number`, `entity`, `loaded_term`
    (used only in the headline) or `word`."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class HeadlineCheck(_Plain):
    """One article's headline against its body: `support` is the share of the headline's
    content words that the body has."""

    article_id: str
    title: str
    support: float
    unsupported: tuple[HeadlineClaim, ...]


@dataclass(frozen=True, slots=True)
class OutletReport(_Plain):
    """Everything the comparison says about one outlet; facts by id into `Comparison.facts`."""

    outlet: str
    article_ids: tuple[str, ...]
    titles: tuple[str, ...]
    shared_by_all: tuple[str, ...]
    shared_by_some: tuple[str, ...]
    only_here: tuple[str, ...]
    contradictions: tuple[str, ...]
    voices: tuple[VoiceGroup, ...]
    own_voice: tuple[TermUse, ...]
    attributed: tuple[TermUse, ...]
    tone: Tone
    headlines: tuple[HeadlineCheck, ...]


@dataclass(frozen=True, slots=True)
class Comparison(_Plain):
    """The coverage of one story (or several) side by side, outlet by outlet."""

    outlets: tuple[str, ...]
    facts: tuple[Fact, ...]
    contradictions: tuple[Contradiction, ...]
    reports: tuple[OutletReport, ...]

    def report(self, outlet: str) -> OutletReport:
        """The report of one outlet; KeyError when it is not in the group."""
        for report in self.reports:
            if report.outlet == outlet:
                return report
        raise KeyError(outlet)
