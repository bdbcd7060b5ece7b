"""Who an event's actor, recipient and location are: the noun phrase at a role, read as an entity.

A role gives a token (the head of a noun phrase). It becomes a `Participant`, first rule that
applies:
1. A relative pronoun stands for the noun its clause modifies; a personal pronoun is resolved
   by `coref.resolve_mention` ("its demand" -> Kyiv); "I" in a quote is its speaker.
2. The entity the head is part of ("Dmitry Peskov", "the Kremlin" -> Russian government).
3. A group noun of the lexicon ("military chiefs from around 30 countries", "European
   countries", "Russian forces") stays a group: its words (determiner dropped, a capital
   that only opens the sentence lowered) are its canonical name, the country is that of the
   single country its words name, if any.
4. A noun led by an entity ("the British-led Operation Interflex", through an apposition:
   "an initiative ... to train") is that entity; a people word there stands for its country.
5. A noun phrase naming an entity by a role noun ("a Kremlin official", "a Downing Street
   source") resolves like a quote's speaker, to the institution it speaks for.
6. A noun with an entity in apposition is that entity ("Trump's running mate, Mike Pence");
   the object of a preposition with a possessor is its possessor ("their support for
   Ukraine's stance" -> Ukraine), not a subject ("Trump's running mate" is not Trump).
Otherwise the role is empty: an event is only as good as the actors it can name.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.annotate.coref import resolve_mention
from newsgraph.annotate.event_lexicon import EventLexicon
from newsgraph.annotate.gazetteer import Gazetteer
from newsgraph.records import Entity, Participant, Quote

__all__ = ["Participants", "location_of"]

_RELATIVE = frozenset({"which", "who", "that", "whom"})
_FIRST_PERSON = frozenset({"i", "me", "my"})
_SKIPPED_PRONOUNS = frozenset({"we", "us", "our", "you", "your"})
_LED = frozenset({"led", "backed", "sponsored", "brokered", "funded"})
_GROUP_LEFT = frozenset({"amod", "compound", "nummod", "quantmod", "nmod", "poss", "advmod"})
_GROUP_RIGHT_PREPS = frozenset({"from", "of", "in"})
_ROLE_HEADS = frozenset({"official", "source", "spokesman", "spokeswoman", "spokesperson", "aide", "envoy"})
_PLACE_KINDS = frozenset({"place", "country"})


@dataclass(slots=True)
class Participants:
    """Participant lookups for one document: the entity of each token, and the quotes."""

    doc: object
    text: str
    entities: list[Entity]
    entity_at: list[Entity | None]
    lexicon: EventLexicon
    gazetteer: Gazetteer

    @classmethod
    def build(cls, doc, entities: list[Entity], lexicon: EventLexicon, gazetteer: Gazetteer) -> Participants:
        entity_at: list[Entity | None] = [None] * len(doc)
        for entity in entities:
            span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    entity_at[token.i] = entity
        return cls(doc, doc.text, entities, entity_at, lexicon, gazetteer)

    def of(self, token, quote: Quote | None = None) -> Participant | None:
        """The participant the noun phrase headed by `token` names, or None (rules 1-5)."""
        if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
            token = token.head.head
        if token.pos_ == "PRON":
            return self._pronoun(token, quote)
        entity = self.entity_at[token.i]
        if entity is not None:
            return self.from_entity(entity)
        if token.pos_ != "NOUN" and token.pos_ != "PROPN":
            return None
        group = self._group(token)
        if group is not None:
            return group
        if token.dep_ == "appos" and token.head.i != token.i:
            led = self._led(token.head)
            if led is not None:
                return led
        appos = next((self.entity_at[c.i] for c in token.children if c.dep_ == "appos" and self.entity_at[c.i]), None)
        if appos is not None:
            return self.from_entity(appos)
        led = self._led(token) or self._described(token)
        return led or (self._owner(token, quote) if token.dep_ == "pobj" else None)

    def from_entity(self, entity: Entity, start: int | None = None, end: int | None = None) -> Participant:
        start = entity.start if start is None else start
        end = entity.end if end is None else end
        return Participant(start, end, self.text[start:end], entity.canonical, entity.kind, entity.country)

    def entities_in(self, start: int, end: int) -> list[Entity]:
        return [e for e in self.entities if start <= e.start and e.end <= end]

    def _pronoun(self, token, quote: Quote | None) -> Participant | None:
        low = token.lower_
        start, end = token.idx, token.idx + len(token)
        if low in _FIRST_PERSON:
            speaker = quote.speaker if quote is not None and quote.start <= start < quote.end else None
            if speaker is None or speaker.kind not in ("person", "organisation", "country", "outlet"):
                return None
            return Participant(start, end, token.text, speaker.canonical, speaker.kind, None)
        if low in _SKIPPED_PRONOUNS:
            return None
        entity = resolve_mention(self.doc, start, end, self.entities)
        if entity is None:
            return None
        return Participant(start, end, token.text, entity.canonical, entity.kind, entity.country)

    def _group(self, token) -> Participant | None:
        """Rule 3."""
        kind = self.lexicon.group_nouns.get(token.lemma_.lower())
        if kind is None:
            return None
        left = [c for c in token.lefts if c.dep_ in _GROUP_LEFT]
        start_tok = min((c.left_edge for c in left), key=lambda t: t.i, default=token)
        end_tok = token
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in _GROUP_RIGHT_PREPS:
                end_tok = child.right_edge
                break
        while start_tok.i < token.i and (start_tok.dep_ == "det" or start_tok.is_punct):
            start_tok = start_tok.nbor()
        start, end = start_tok.idx, end_tok.idx + len(end_tok)
        words = self.text[start:end]
        if start_tok.is_sent_start and start_tok.pos_ not in ("PROPN",) and self.entity_at[start_tok.i] is None:
            words = words[:1].lower() + words[1:]
        countries = {e.country for e in self.entities_in(start, end) if e.country}
        return Participant(start, end, self.text[start:end], words, kind,
                           countries.pop() if len(countries) == 1 else None)  # fmt: skip

    def _led(self, token) -> Participant | None:
        """Rule 4: "the British-led operation" -> United Kingdom."""
        for child in token.children:
            if child.dep_ == "amod" and child.lower_ in _LED:
                for mod in child.children:
                    entity = self.entity_at[mod.i]
                    if entity is None:
                        continue
                    if entity.kind == "group" and entity.country:
                        return Participant(entity.start, entity.end, entity.text, entity.country, "country",
                                           entity.country)  # fmt: skip
                    return self.from_entity(entity)
        return None

    def _owner(self, token, quote: Quote | None) -> Participant | None:
        """Rule 6: "Ukraine's stance" -> Ukraine."""
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        return None if owner is None or owner.lower_ in _RELATIVE else self.of(owner, quote)

    def _described(self, token) -> Participant | None:
        """Rule 5: "a Kremlin official" -> Russian government."""
        if token.lemma_.lower() not in _ROLE_HEADS:
            return None
        start = token.left_edge.idx
        end = token.idx + len(token)
        if not self.entities_in(start, end):
            return None
        entity = resolve_mention(self.doc, start, end, self.entities)
        return None if entity is None else self.from_entity(entity, start, end)


def location_of(participants: Participants, tokens: list) -> Participant | None:
    """The place of an event: the object of "in"/"at" on one of `tokens` that names a place or
    a country ("gathered in Britain", "scheduled ... in Riyadh, Saudi Arabia")."""
    for token in tokens:
        for child in token.children:
            if child.dep_ != "prep" or child.lower_ not in ("in", "at"):
                continue
            for obj in child.children:
                entity = participants.entity_at[obj.i] if obj.dep_ == "pobj" else None
                if entity is not None and entity.kind in _PLACE_KINDS:
                    return participants.from_entity(entity)
    return None
