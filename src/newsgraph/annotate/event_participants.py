"""Who an event's actor, recipient and location are: the noun phrase at a role, read as an entity.

A role gives a token (the head of a noun phrase). It becomes a `Participant`, first rule that
applies:
1. A relative pronoun stands for the noun its clause modifies; "I" in a quote is its speaker;
   "it", "they" and their forms stand for the nearest agreeing subject (`event_pronouns`:
   "The new commission is due to hold its first meeting" -> the commission, no entity);
   "he" and "she" are resolved by `coref.resolve_mention`, and when that gives no person
   (or a byline), by the nearest earlier subject naming a person of a fitting gender
   ("Minister Dagny Fell said that she had ... urged them"). A pronoun never makes the
   outlet an actor: a paper that writes about itself names itself.
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

Not every participant may act (`Participants.can_act`): a person, organisation, country,
group or outlet can, and a place only when it is a polity (NER label GPE: a state or city
acting through its government, which the entities leave a place when the gazetteer does not
know it as a country); a facility or a region cannot ("the dam ... which killed four
people"). Nor is a name that looks like a byline ("Jane Doe/Harbour Ledger") anyone's
actor or recipient (`looks_like_byline`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.annotate.coref import entity_gender, resolve_mention
from newsgraph.annotate.event_lexicon import EventLexicon
from newsgraph.annotate.event_pronouns import NEUTER_PRONOUNS, SINGULAR, subject_antecedent
from newsgraph.annotate.event_syntax import RELATIVE_PRONOUNS
from newsgraph.annotate.gazetteer import Gazetteer
from newsgraph.records import Entity, Participant, Quote

__all__ = ["Participants", "location_of", "looks_like_byline"]

_FIRST_PERSON = frozenset({"i", "me", "my"})
_LED = frozenset({"led", "backed", "sponsored", "brokered", "funded"})
_GROUP_LEFT = frozenset({"amod", "compound", "nummod", "quantmod", "nmod", "poss", "advmod"})
_GROUP_RIGHT_PREPS = frozenset({"from", "of", "in"})
_ROLE_HEADS = frozenset({"official", "source", "spokesman", "spokeswoman", "spokesperson", "aide", "envoy"})
_PLACE_KINDS = frozenset({"place", "country"})
_DASHES = frozenset({"-", "–", "—", "--"})
_ACTING_KINDS = frozenset({"person", "organisation", "country", "group", "outlet"})
_GENDERED = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
_BYLINE = re.compile(r"[/|\n]|^by\s", re.IGNORECASE)


@dataclass(slots=True)
class Participants:
    """Participant lookups for one document: the entity of each token, and the quotes."""

    doc: object
    text: str
    entities: list[Entity]
    entity_at: list[Entity | None]
    lexicon: EventLexicon
    gazetteer: Gazetteer
    polities: frozenset[str]

    @classmethod
    def build(cls, doc, entities: list[Entity], lexicon: EventLexicon, gazetteer: Gazetteer) -> Participants:
        entity_at: list[Entity | None] = [None] * len(doc)
        for entity in entities:
            span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    entity_at[token.i] = entity
        polities = frozenset(e.canonical for e in entities if e.kind == "place" and e.label == "GPE")
        return cls(doc, doc.text, entities, entity_at, lexicon, gazetteer, polities)

    def can_act(self, participant: Participant) -> bool:
        """True when the participant is someone who can act (see the module docstring)."""
        return participant.kind in _ACTING_KINDS or (
            participant.kind == "place" and participant.canonical in self.polities
        )

    def of(self, token, quote: Quote | None = None) -> Participant | None:
        """The participant the noun phrase headed by `token` names, or None (rules 1-5)."""
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
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
        if low in NEUTER_PRONOUNS:
            subject = subject_antecedent(token)
            found = self.of(subject, quote) if subject is not None else None
            if found is None or found.kind == "outlet" or (found.kind == "person" and low in SINGULAR):
                return None  # "it" is never a person
            return Participant(start, end, token.text, found.canonical, found.kind, found.country)
        if low not in _GENDERED:  # "we", "you", "those", "someone", reflexives: nobody in particular
            return None
        entity = resolve_mention(self.doc, start, end, self.entities)
        if entity is None or entity.kind != "person" or looks_like_byline(entity.canonical):
            entity = self._person_subject(token)
        if entity is None:
            return None
        return Participant(start, end, token.text, entity.canonical, entity.kind, entity.country)

    def _person_subject(self, pronoun) -> Entity | None:
        """The person named by the nearest earlier subject in the pronoun's sentence or the one
        before whose gender does not contradict it."""
        wanted = _GENDERED.get(pronoun.lower_)
        sent = pronoun.sent
        floor = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for i in range(pronoun.i - 1, floor - 1, -1):
            token = self.doc[i]
            entity = self.entity_at[i]
            if token.dep_ not in ("nsubj", "nsubjpass") or entity is None or entity.kind != "person":
                continue
            gender = entity_gender(entity, self.text, self.gazetteer)
            if wanted is None or gender in (None, wanted):
                return None if looks_like_byline(entity.canonical) else entity
        return None

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
        dash = next((t for t in token.doc[start_tok.i + 1 : token.i]
                     if t.text in _DASHES and t.whitespace_ and t.nbor(-1).whitespace_), None)  # fmt: skip
        if dash is not None:  # a dateline before the group: "BRUSSELS - European leaders"
            start_tok = dash
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
        return None if owner is None or owner.lower_ in RELATIVE_PRONOUNS else self.of(owner, quote)

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


def looks_like_byline(name: str) -> bool:
    """True for a name that is a byline or a credit ("Jane Doe/Harbour Ledger"), not an actor."""
    return bool(_BYLINE.search(name))
