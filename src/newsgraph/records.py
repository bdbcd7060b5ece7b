"""Typed records that flow between stages.

Records are plain frozen dataclasses, never spaCy objects, so that they pickle cheaply to
worker processes. `Article.text` never changes after cleaning: every later annotation is a
stand-off span into it, and `offset_map` links it back to the raw page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Article",
    "Entity",
    "ErrorRecord",
    "Event",
    "Evidence",
    "Extent",
    "OffsetSegment",
    "Participant",
    "Published",
    "Quantity",
    "Quote",
    "RawDocument",
    "Removed",
    "Source",
    "Span",
    "Speaker",
    "Timex",
]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input as ingest found it, not yet decoded or cleaned.

    `data` is bytes when it came from a file (the encoding is detected later, so a bad file
    fails in the pipeline, as an error record, not in ingest) and str when it came from JSON.
    `kind` is page (whole-page text to clean), article (already the body) or html.
    """

    id: str
    data: bytes | str
    kind: str
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Removed:
    """A span of the raw page the cleaner left out, and why (`reason` is one word)."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where in the raw page a metadata value was read, and by which rule."""

    start: int
    end: int
    text: str
    rule: str


@dataclass(frozen=True, slots=True)
class Published:
    """The publication date with how we know it: given by the caller, printed, or inferred."""

    value: str
    source: str
    evidence: str


@dataclass(frozen=True, slots=True)
class OffsetSegment:
    """`length` characters of clean text from `clean_start` copy raw text from `raw_start`.

    Characters of the clean text that no segment covers were inserted by the cleaner
    (paragraph breaks between kept lines, a space that repairs glued sentences).
    """

    clean_start: int
    raw_start: int
    length: int


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the clean text: `text == article.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """One mention of a named entity, with the name it has across the whole document.

    `label` is the NER label (PERSON, ORG, GPE, NORP, LOC, ...); `kind` is what the entity is
    for a reader: person, organisation, country, place, group or outlet. `canonical` is the
    fullest name the document uses for it ("Keir Starmer" for "Starmer") or the gazetteer's
    name for a metonym ("Kremlin" -> "Russian government"); `role` is a title or function
    the text gives a person ("Prime Minister"); `country` is the affiliation the text or the
    gazetteer gives.
    """

    start: int
    end: int
    text: str
    label: str
    canonical: str
    kind: str
    role: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to: the mention in the text (a pronoun stays a pronoun) and
    the entity it resolves to. `kind` is person, organisation, outlet, country or unnamed."""

    start: int
    end: int
    text: str
    canonical: str
    kind: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A reported statement: `kind` is direct ("..." X said), indirect (X said that ...) or
    mixed (X said that "..."); `start`/`end` cover the content only, not speaker or cue."""

    start: int
    end: int
    text: str
    kind: str
    speaker: Speaker | None
    cue: Span | None


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 expression: `type` is DATE, TIME, DURATION or SET and `value` its normalised
    value against the publication date (`XXXX-XX-XX`-style when there is none)."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A counted or measured amount: "over 50,000 Ukrainian recruits" -> value 50000,
    qualifier "more than", unit "recruits"."""

    start: int
    end: int
    text: str
    value: float
    qualifier: str | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class Extent:
    """Character offsets of a stretch of the clean text (a sentence), without the text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Participant:
    """An event's actor, recipient or location: the words in the sentence and who they are.

    `kind` is person, organisation, country, place, group or outlet; a group ("military chiefs
    from around 30 countries") stays a group, with the country it belongs to when the text says.
    """

    start: int
    end: int
    text: str
    canonical: str
    kind: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """Who reports an event: the outlet in its own voice (`kind` outlet), or the speaker of
    the quote the event sits in (`kind` speaker, `name` the speaker's canonical name)."""

    kind: str
    name: str | None


@dataclass(frozen=True, slots=True)
class Event:
    """A coded event (PLOVER type), traceable to the words and the sentence it came from.

    `date` is the TIMEX3 value of the clause's date (`date_source` timex) or, failing that,
    the publication date (`date_source` published), or None. `status` is occurred, ongoing,
    planned, hypothetical or denied.
    """

    type: str
    trigger: Span
    actor: Participant | None
    recipient: Participant | None
    location: Participant | None
    date: str | None
    date_source: str | None
    status: str
    source: Source
    sentence: Extent


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article and its metadata: the record `newsgraph extract` writes."""

    id: str
    kind: str
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    section: str | None = None
    wire: tuple[str, ...] = ()
    cited_outlets: tuple[str, ...] = ()
    published: Published | None = None
    removed: tuple[Removed, ...] = ()
    offset_map: tuple[OffsetSegment, ...] = ()
    evidence: dict[str, Evidence] = field(default_factory=dict)
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[Timex, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    events: tuple[Event, ...] = ()

    def raw_offset(self, clean_offset: int) -> int | None:
        """The raw-page offset of a clean-text offset, or None for an inserted character."""
        for seg in self.offset_map:
            if seg.clean_start <= clean_offset < seg.clean_start + seg.length:
                return seg.raw_start + clean_offset - seg.clean_start
        return None

    def to_dict(self) -> dict[str, Any]:
        """The JSONL contract (docs/format.md): keys in a fixed order, plain JSON types."""
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "section": self.section,
            "wire": list(self.wire),
            "cited_outlets": list(self.cited_outlets),
            "published": _plain(self.published),
            "text": self.text,
            "removed": [_plain(r) for r in self.removed],
            "entities": [_plain(e) for e in self.entities],
            "quotes": [_plain(q) for q in self.quotes],
            "timexes": [_plain(t) for t in self.timexes],
            "quantities": [_plain(q) for q in self.quantities],
            "events": [_plain(e) for e in self.events],
            "kind": self.kind,
            "offset_map": [[s.clean_start, s.raw_start, s.length] for s in self.offset_map],
            "evidence": {k: _plain(v) for k, v in self.evidence.items()},
        }


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """A document that could not be processed: it keeps its place in the output."""

    id: str
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "error": self.error}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    raise TypeError(f"cannot serialise {type(value).__name__}")
