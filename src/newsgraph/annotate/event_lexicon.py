"""The event lexicon: which words and frames trigger which PLOVER event, and where its roles are.

The table is data (`annotate/data/event_lexicon.json`, whose `_doc` explains every key) so
that a missed trigger is one line in a list, not a code change, and so that the mapping from
words to types can be read and reviewed as a whole.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["EVENT_TYPES", "EventLexicon", "Frame", "Governor", "event_lexicon", "lexicon_from"]

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Frame:
    """What a trigger word or frame codes: the type, the roles to read the actor and the
    recipient from (in order), whether an event without a recipient counts, and for verbs
    that are often not events, the object nouns that make them one (None: any object), and
    the type when the recipient is a person ("attacked Trump" is words, not force); `hosted`
    nouns count only as the object of a light verb ("reached an agreement"); `lone_person`
    False: a person with no recipient is no event of this type (one cannot consult alone)."""

    type: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    requires_recipient: bool
    symmetric: bool
    objects: frozenset[str] | None = None
    if_person: str | None = None
    hosted: bool = False
    lone_person: bool = True


@dataclass(frozen=True, slots=True)
class Governor:
    """A verb over a trigger that turns it into another event (`type`) or changes its status."""

    type: str | None
    status: str | None


@dataclass(frozen=True, slots=True)
class EventLexicon:
    verbs: dict[str, Frame]
    nouns: dict[str, Frame]
    adjectives: dict[str, Frame]
    light_verbs: dict[str, Frame]
    governors: dict[str, Governor]
    group_nouns: dict[str, str]
    types: dict[str, dict[str, bool]]
    light_types: dict[str, frozenset[str]]
    not_events: frozenset[str]

    def verb(self, lemma: str, particles: tuple[str, ...]) -> Frame | None:
        """The frame of a verb: a phrasal or prepositional frame first ("call on"), then the verb."""
        return self.phrase(self.verbs, lemma, particles)

    def noun(self, forms: tuple[str, ...], modifiers: tuple[str, ...], preps: tuple[str, ...]) -> Frame | None:
        """The frame of a noun: "modifier noun" ("phone call"), then "noun preposition" ("call for"),
        then the noun by its forms (lower-case text, lemma)."""
        for form in forms:
            for mod in modifiers:
                if frame := self.nouns.get(f"{mod} {form}"):
                    return frame
            for prep in preps:
                if frame := self.nouns.get(f"{form} {prep}"):
                    return frame
        return next((self.nouns[form] for form in forms if form in self.nouns), None)

    def phrase(self, table: dict[str, Any], lemma: str, particles: tuple[str, ...]) -> Any:
        """An entry of a verb-keyed table (light verbs, governors), phrasal frame first."""
        for word in particles:
            if (entry := table.get(f"{lemma} {word}")) is not None:
                return entry
        return table.get(lemma)

    def light(self, lemma: str, words: tuple[str, ...], type_: str, prepositional: bool) -> Frame | None:
        """The light-verb frame of a verb over a noun trigger of `type_`, or None. A noun that
        is a preposition's object is hosted only by a "verb preposition" entry ("engage in
        talks", not "announced after her meeting"); an entry's `types` limit what it hosts
        ("have talks", but "has the support of" is no act of the subject)."""
        keys = [f"{lemma} {word}" for word in words]
        if not prepositional:
            keys.append(lemma)
        key = next((k for k in keys if k in self.light_verbs), None)
        if key is None:
            return None
        types = self.light_types.get(key)
        return self.light_verbs[key] if types is None or type_ in types else None

    def is_not_event(
        self, forms: tuple[str, ...], modifiers: tuple[str, ...], objects: tuple[tuple[str, str], ...]
    ) -> bool:
        """True when a trigger word (`forms`: lower-case text, lemma) is made no event by its
        modifier ("big deal") or a preposition's object ("request for comment"; `objects` are
        (preposition, object lemma) pairs)."""
        keys = self.not_events
        return any(f"{mod} {form}" in keys for form in forms for mod in modifiers) or any(
            f"{form} {prep} {obj}" in keys for form in forms for prep, obj in objects
        )


@cache
def event_lexicon() -> EventLexicon:
    """The shipped lexicon, read once per process."""
    raw = resources.files("newsgraph.annotate").joinpath("data/event_lexicon.json").read_text("utf-8")
    return lexicon_from(json.loads(raw))


def lexicon_from(data: dict[str, Any]) -> EventLexicon:
    """A lexicon from a table in the shape of `event_lexicon.json`."""
    types = data["types"]
    defaults = data["defaults"]

    def frames(section: str, kind: str) -> dict[str, Frame]:
        out = {}
        for key, entry in data.get(section, {}).items():
            if entry["type"] not in EVENT_TYPES:
                raise ValueError(f"{section}: {key!r} has unknown type {entry['type']!r}")
            info = types[entry["type"]]
            objects = entry.get("objects")
            out[key] = Frame(
                type=entry["type"],
                actor=tuple(entry.get("actor", defaults[kind]["actor"])),
                recipient=tuple(entry.get("recipient", defaults[kind]["recipient"])),
                requires_recipient=entry.get("requires_recipient", info["requires_recipient"]),
                symmetric=info["symmetric"],
                objects=None if objects is None else frozenset(objects),
                if_person=entry.get("if_person"),
                hosted=entry.get("hosted", False),
                lone_person=info.get("lone_person", True),
            )
        return out

    light = {
        key: Frame("", tuple(e.get("actor", ("subj",))), tuple(e.get("recipient", ())), False, False)
        for key, e in data.get("light_verbs", {}).items()
    }
    governors = {k: Governor(e.get("type"), e.get("status")) for k, e in data.get("governors", {}).items()}
    return EventLexicon(
        verbs=frames("verbs", "verb"),
        nouns=frames("nouns", "noun"),
        adjectives=frames("adjectives", "adjective"),
        light_verbs=light,
        governors=governors,
        group_nouns=dict(data.get("group_nouns", {})),
        types=types,
        light_types={k: frozenset(e["types"]) for k, e in data.get("light_verbs", {}).items() if "types" in e},
        not_events=frozenset(data.get("not_events", [])),
    )
