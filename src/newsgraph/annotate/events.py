"""Coded events (PLOVER) with actor, recipient, location, date, status and source.

Few, right and traceable: an event is a trigger of the lexicon (`event_lexicon.json`, found
by `event_triggers`) whose actor the parse names as an entity or a group; PLOVER, too, codes
no event without an explicit source actor. Everything else about it is read off the same
sentence:
- actor and recipient: the roles of the trigger's frame, tried in order, read as entities
  (`event_participants`). A role that is itself a noun trigger stands for that event's actor
  ("condemned Russia's attack" -> Russia). For symmetric types (CONSULT, AGREE, COOPERATE)
  with no recipient, the actor's conjunct is the recipient ("Trump and Putin held a phone
  conversation"). Types whose PLOVER definition requires a recipient (AID, COOPERATE,
  SANCTION) and frames marked so ("talk to", "warn") need one; a lone person consults no
  one. No role is filled by the trigger's own words ("the Ilvar Basin Summit" is no actor of
  "Summit") or a byline, and an actor must be able to act: a facility that "killed four
  people" is no assailant (`event_participants`). An active verb's subject precedes it, and
  a verb acting on itself ("killed themselves") is no event.
- location: "in"/"at" a place or country on the trigger or its clause verbs.
- date: the DATE/TIME timex of the clause: one attached to the trigger, else to its clause
  verbs, else to the verbs those hang from through xcomp, advcl, conj or a gerund ("On
  Tuesday, Trump and Putin held a call, agreeing ..."), never through reported speech ("said
  Thursday that talks are scheduled for Monday" is Monday). Else the publication date
  (`date_source` published), else None.
- status: `event_status`; source: the speaker of the quote whose content holds the trigger,
  else the outlet (its name is the pipeline's business).
Two conjoined triggers with the same actor and recipient are one act told with two verbs
("to train and support the Armed Forces of Ukraine"): the first is kept, as PLOVER prefers
one event per act; so is a trigger of the same type and roles in the purpose clause of
another ("ministers met on Friday to discuss prices").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsgraph.annotate.event_lexicon import event_lexicon
from newsgraph.annotate.event_participants import Participants, location_of, looks_like_byline
from newsgraph.annotate.event_status import event_status
from newsgraph.annotate.event_syntax import (
    FINITE,
    is_passive,
    logical_objects,
    logical_subjects,
    prep_objects,
    with_conjuncts,
)
from newsgraph.annotate.event_triggers import Candidate, find_candidates, noun_frame
from newsgraph.annotate.gazetteer import load_gazetteer
from newsgraph.annotate.quote_cues import cue_lexicon
from newsgraph.records import Entity, Event, Extent, Participant, Quote, Source, Span, Timex

__all__ = ["find_events"]

_DATE_VALUE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d)?")
_CLIMB = frozenset({"xcomp", "advcl", "conj", "pcomp", "prep"})
_PLACE_KINDS = frozenset({"place"})
_REFLEXIVE = ("self", "selves")
_PURPOSE = frozenset({"advcl", "xcomp"})


def find_events(
    doc, entities: list[Entity], quotes: list[Quote], timexes: list[Timex], published: str | None
) -> list[Event]:
    """The coded events of a parsed document, in text order."""
    lexicon = event_lexicon()
    candidates = find_candidates(doc, lexicon)
    if not candidates:
        return []
    people = Participants.build(doc, entities, lexicon, load_gazetteer())
    dates = _timex_anchors(doc, timexes)
    cues = cue_lexicon()
    is_reporting = lambda lemma: bool(cues.classes(lemma))  # noqa: E731
    events: list[Event] = []
    kept: dict[int, tuple[str, str | None, str | None]] = {}
    for cand in candidates:
        event = _event(cand, people, quotes, dates, published, is_reporting)
        if event is None:
            continue
        roles = (event.actor.canonical if event.actor else None, event.recipient.canonical if event.recipient else None)
        token = cand.token
        outer = kept.get(token.head.i)
        if (
            outer is not None
            and outer[1:] == roles
            and (token.dep_ == "conj" or (token.dep_ in _PURPOSE and outer[0] == event.type))
        ):
            continue
        kept[token.i] = (event.type, *roles)
        events.append(event)
    return events


def _event(cand: Candidate, people: Participants, quotes: list[Quote], dates: dict[int, str],
           published: str | None, is_reporting) -> Event | None:  # fmt: skip
    doc = cand.token.doc
    if cand.kind == "verb" and any(t.lower_.endswith(_REFLEXIVE) for t in logical_objects(cand.token)):
        return None  # "veterans were killing themselves": no one acts on another
    first, last = doc[cand.span[0]], doc[cand.span[1] - 1]
    start, end = first.idx, last.idx + len(last)
    quote = next((q for q in quotes if q.start <= cand.token.idx < q.end), None)
    fits = _Fits(people, start, end)
    actor, actor_token = _first(cand, cand.frame.actor, people, quote, fits.actor)
    if actor is None:
        return None
    recipient_cand = cand.inner or cand
    recipient, _ = _first(recipient_cand, cand.frame.recipient, people, quote, fits.recipient_for(actor))
    if recipient is None and cand.frame.symmetric and actor_token is not None:
        recipient = next((p for t in with_conjuncts(actor_token)[1:] if (p := people.of(t, quote))
                          and fits.recipient_for(actor)(p)), None)  # fmt: skip
    multilateral = cand.frame.symmetric and actor.kind == "group"
    if recipient is None and cand.frame.requires_recipient and not multilateral:
        return None
    if recipient is None and not cand.frame.lone_person and actor.kind == "person":
        return None
    if cand.frame.objects is not None and not _object_fits(cand, people):
        return None
    if (
        cand.kind == "noun"
        and cand.host is None
        and (cand.frame.hosted or actor.kind == "group" or not _named(actor, people))
    ):
        return None
    type_ = cand.frame.type
    if cand.frame.if_person and recipient is not None and recipient.kind in ("person", "outlet"):
        type_ = cand.frame.if_person
    trigger_tokens = [cand.token, *([cand.host] if cand.host is not None else []), *cand.clause]
    if cand.token.dep_ == "conj" and cand.token.head.pos_ == "VERB" and cand.token.tag_ not in FINITE:
        trigger_tokens.append(cand.token.head)  # "would end ... and ease": the auxiliaries are shared
    clause = list(dict.fromkeys(trigger_tokens))
    context = _context(clause)
    date = next((dates[t.i] for t in context if t.i in dates), None)
    future = bool(date and published and _after(date, published))
    status = event_status(clause, cand.statuses, future, is_reporting)
    date_source = "timex" if date else ("published" if published else None)
    sent = cand.token.sent
    location = location_of(people, context)
    if quote is not None and quote.cue is not None and _is_cue(quote, cand):
        quote = None
    return Event(
        type=type_,
        trigger=Span(start, end, people.text[start:end]),
        actor=actor,
        recipient=recipient,
        location=location,
        date=date or published,
        date_source=date_source,
        status=status,
        source=_source(quote),
        sentence=Extent(sent.start_char, sent.end_char),
    )


def _source(quote: Quote | None) -> Source:
    if quote is None:
        return Source("outlet", None)
    return Source("speaker", quote.speaker.canonical if quote.speaker else None)


@dataclass(frozen=True, slots=True)
class _Fits:
    """Who may fill a role of the event whose trigger covers characters [start, end): never
    the trigger's own words ("the Ilvar Basin Summit" is no actor of "Summit") nor a byline;
    an actor must be able to act (`Participants.can_act`); a recipient is not the actor."""

    people: Participants
    start: int
    end: int

    def _any(self, part: Participant) -> bool:
        overlaps = part.start < self.end and self.start < part.end
        return not overlaps and not looks_like_byline(part.canonical) and not looks_like_byline(part.text)

    def actor(self, part: Participant) -> bool:
        return self._any(part) and self.people.can_act(part)

    def recipient_for(self, actor: Participant) -> Callable[[Participant], bool]:
        return lambda part: self._any(part) and part.canonical != actor.canonical


def _first(cand: Candidate, roles: tuple[str, ...], people: Participants, quote: Quote | None,
           fits: Callable[[Participant], bool]) -> tuple[Participant | None, object | None]:  # fmt: skip
    """The first participant the `roles` of `cand` give that `fits`, and its token."""
    for role in roles:
        for token, found in _role(cand, role, people, quote):
            if found is None and token is not None:
                found = _through_trigger(token, people, quote)
            if found is not None and fits(found):
                return found, token
    return None, None


def _role(cand: Candidate, role: str, people: Participants, quote: Quote | None):
    """(token, participant-or-None) pairs a role gives, in order."""
    token = cand.token
    if role == "subj":  # an active verb's subject precedes it; one found after is a misparse
        passive = is_passive(token)
        return [(t, people.of(t, quote)) for t in logical_subjects(token) if passive or t.i < token.i]
    if role == "obj":
        return [(t, people.of(t, quote)) for t in logical_objects(token)]
    if role == "host":
        if cand.host is None or cand.host_frame is None:
            return []
        host = Candidate(cand.host, cand.span, "verb", cand.host_frame)
        return [pair for r in cand.host_frame.actor for pair in _role(host, r, people, quote)]
    if role == "poss":
        return [(c, people.of(c, quote)) for c in token.children if c.dep_ == "poss"]
    if role == "compound":
        return [(None, p) for p in _compound(token, people)]
    if role == "speaker":
        return [(None, _speaker(quote, people))] if quote is not None else []
    if role == "judged":
        return [(t, people.of(t, quote)) for t in _judged(token)]
    objects = prep_objects(token, role)
    if cand.host is not None:
        objects += prep_objects(cand.host, role)
    if role in ("between", "among"):
        objects = [c for o in objects for c in with_conjuncts(o)]
    return [(t, people.of(t, quote)) for t in objects]


def _through_trigger(token, people: Participants, quote: Quote | None) -> Participant | None:
    """A role filled by a noun trigger stands for that event's actor ("Russia's attack")."""
    frame = noun_frame(token, people.lexicon)
    if frame is None:
        return None
    noun = Candidate(token, (token.i, token.i + 1), "noun", frame)
    for role in ("poss", "compound", "by"):
        for _, found in _role(noun, role, people, quote):
            if found is not None:
                return found
    return None


def _compound(token, people: Participants) -> list[Participant]:
    """Entities named before a noun ("Russia-U.S. talks", "Russian strikes"), places left out."""
    found: list[Participant] = []
    seen: set[int] = set()
    for child in token.lefts:
        if child.dep_ not in ("compound", "amod", "nmod"):
            continue
        for tok in child.subtree:
            entity = people.entity_at[tok.i]
            if entity is None or entity.start in seen or entity.kind in _PLACE_KINDS:
                continue
            seen.add(entity.start)
            if entity.kind == "group" and entity.country and child.dep_ == "amod":  # "Russian strikes"
                found.append(
                    Participant(entity.start, entity.end, entity.text, entity.country, "country", entity.country)
                )
            else:
                found.append(people.from_entity(entity))
    return found


def _speaker(quote: Quote, people: Participants) -> Participant | None:
    speaker = quote.speaker
    if speaker is None or speaker.kind not in ("person", "organisation", "country", "outlet", "group"):
        return None
    country = next((e.country for e in people.entities if e.canonical == speaker.canonical and e.country), None)
    return Participant(speaker.start, speaker.end, speaker.text, speaker.canonical, speaker.kind, country)


def _judged(adjective) -> list:
    """Who is responsible for what an adjective judges: "Europe is proposing intervention,
    which is unacceptable" -> Europe; "Russia's plan is unacceptable" -> Russia."""
    copula = adjective.head
    subjects = [c for c in copula.children if c.dep_ == "nsubj"]
    if not subjects:
        return []
    subject = subjects[0]
    if subject.lower_ in ("which", "that") and copula.dep_ == "relcl":
        subject = copula.head
    owners = [c for c in subject.children if c.dep_ == "poss"]
    if owners:
        return owners
    verb = subject.head
    for _ in range(6):
        if verb.pos_ == "VERB" or verb.head is verb:
            break
        verb = verb.head
    return logical_subjects(verb) if verb.pos_ == "VERB" else []


def _object_fits(cand: Candidate, people: Participants) -> bool:
    """For a verb with an object list: True when it has no object, or one that is an entity,
    a group noun or a listed noun ("released prisoners", not "released a statement")."""
    tokens = logical_objects(cand.token)
    allowed = cand.frame.objects or frozenset()
    return not tokens or any(
        people.entity_at[t.i] is not None
        or t.lemma_.lower() in allowed
        or t.lemma_.lower() in people.lexicon.group_nouns
        for t in tokens
    )


def _timex_anchors(doc, timexes: list[Timex]) -> dict[int, str]:
    """Token index -> date, for each token between a dated timex and the verb it hangs from."""
    anchors: dict[int, str] = {}
    for timex in timexes:
        if timex.type not in ("DATE", "TIME"):
            continue
        match = _DATE_VALUE.match(timex.value)
        if match is None:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        token = span.root
        for _ in range(8):
            if token.i not in anchors or len(match.group()) > len(anchors[token.i]):
                anchors[token.i] = match.group()
            if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
                break
            token = token.head
    return anchors


def _context(clause: list) -> list:
    """The trigger's clause tokens, then the verbs they hang from through xcomp, advcl, conj
    or a gerund, nearest first: where its date and place are written."""
    out = list(clause)
    token = clause[-1]
    for _ in range(6):
        if token.dep_ not in _CLIMB or token.head.i == token.i:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            out.append(token)
    return out


def _named(participant: Participant | None, people: Participants) -> bool:
    """True when the participant is or holds a named entity (not only a common noun group)."""
    return participant is not None and bool(people.entities_in(participant.start, participant.end))


def _is_cue(quote: Quote, cand: Candidate) -> bool:
    """True when the trigger, or the light verb of a noun trigger, is the quote's cue: the
    event is the reporting act itself ("Kyiv has reiterated its demand"), told by the outlet."""
    cue = quote.cue
    tokens = [cand.token] if cand.host is None else [cand.token, cand.host]
    return any(cue.start <= t.idx < cue.end for t in tokens)


def _after(date: str, published: str) -> bool:
    """True when `date` lies after `published` at the coarser of their precisions."""
    size = min(len(date), len(published))
    return date[:size] > published[:size]
