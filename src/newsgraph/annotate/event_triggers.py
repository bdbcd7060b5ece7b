"""Trigger finding: which words of a parse are events, of which type, governed by what.

One pass over the tokens. A token is a candidate when the lexicon has its frame:
- a verb ("accused", "met with", "cracked down on"), unless it is a light verb whose object
  is itself a trigger ("held talks": the noun carries the event, the verb its actor);
- a noun ("talks", "phone conversation", "sanctions"), hosted by the light verb it is the
  object of, if any; "the next round of talks" is read through its measure noun;
- a predicative adjective ("is unacceptable").
Then each candidate climbs the verbs it hangs from (xcomp, ccomp, a preposition's gerund,
or, for a noun, the verb it is the object or subject of):
- under another trigger ("accused Kyiv of attacking", "urged Russia to withdraw",
  "agreed to hold talks") it is no event of its own: the outer trigger is;
- under a type-changing governor ("refused to meet", "cancelled talks", "lifted sanctions")
  the governor becomes the trigger, with the governor's type;
- under a status governor ("plans to visit", "talks are scheduled for") it keeps its type and
  collects the status; the climb goes on from the governor ("plans to hold talks");
- past any other verb it hangs from through xcomp ("to stop attacking") the climb goes on
  only to find an outer trigger: "called on Trump to stop attacking Machado" is one REQUEST.
A verb conjoined to a governed verb shares its governor ("urged Iran to stop and withdraw").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.annotate.event_lexicon import EventLexicon, Frame
from newsgraph.annotate.event_syntax import frame_words

__all__ = ["Candidate", "find_candidates"]

_NOUNS = frozenset({"NOUN", "PROPN"})
_VERBAL = frozenset({"VERB", "AUX"})
_MEASURE_NOUNS = frozenset({"round", "series", "set", "part", "resumption", "start"})
_HOSTED = frozenset({"dobj", "nsubjpass", "pobj"})
_NOUN_MODIFIERS = frozenset({"compound", "amod"})
_MAX_CLIMB = 4


@dataclass(slots=True)
class Candidate:
    """A trigger and what the parse says around it.

    `token` is the trigger's head word and `span` the token range shown as trigger; `kind` is
    verb, noun or adjective; `frame` the roles to read. `host` is the light verb a noun is the
    object of and `host_frame` its roles. `clause` are the verbs the trigger's clause hangs
    from, nearest first (for status, date and location), `statuses` what governors said.
    `inner` is the trigger a type-changing governor took over (its recipient roles still apply).
    """

    token: object
    span: tuple[int, int]
    kind: str
    frame: Frame
    host: object | None = None
    host_frame: Frame | None = None
    clause: list = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    inner: Candidate | None = None


def find_candidates(doc, lexicon: EventLexicon) -> list[Candidate]:
    """The event candidates of `doc`, in text order."""
    found: list[Candidate] = []
    for token in doc:
        pos = token.pos_
        if pos == "VERB":
            cand = _verb(token, lexicon)
        elif pos in _NOUNS:
            cand = _noun(token, lexicon)
        elif pos == "ADJ" and token.dep_ == "acomp":
            frame = lexicon.adjectives.get(token.lemma_.lower())
            cand = Candidate(token, (token.i, token.i + 1), "adjective", frame, clause=[token.head]) if frame else None
        else:
            continue
        if cand is not None:
            cand = _govern(cand, lexicon)
        if cand is not None:
            found.append(cand)
    return found


def verb_frame(token, lexicon: EventLexicon) -> Frame | None:
    """The frame of a verb token, None for a light verb whose object is a noun trigger."""
    words = frame_words(token)
    lemma = token.lemma_.lower()
    frame = lexicon.verb(lemma, words)
    if frame is None or lexicon.is_not_event((token.lower_, lemma), (), _prep_objects(token)):
        return None
    if lexicon.phrase(lexicon.light_verbs, lemma, words) is not None and any(
        c.dep_ == "dobj" and noun_frame(c, lexicon) for c in token.children
    ):
        return None
    return frame


def noun_frame(token, lexicon: EventLexicon) -> Frame | None:
    """The frame of a noun token ("phone call", "legislative attacks", "call for"), None for
    a phrase of the lexicon's `not_events` ("big deal", "requests for comment")."""
    if token.pos_ not in _NOUNS:
        return None
    forms = (token.lower_, token.lemma_.lower())
    mods = tuple(c.lower_ for c in token.lefts if c.dep_ in _NOUN_MODIFIERS)
    preps = tuple(c.lower_ for c in token.rights if c.dep_ == "prep")
    frame = lexicon.noun(forms, mods, preps)
    if frame is None or lexicon.is_not_event(forms, mods, _prep_objects(token)):
        return None
    return frame


def _prep_objects(token) -> tuple[tuple[str, str], ...]:
    """(preposition, object lemma) pairs hanging from `token`."""
    return tuple(
        (c.lower_, g.lemma_.lower()) for c in token.rights if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
    )


def _verb(token, lexicon: EventLexicon) -> Candidate | None:
    frame = verb_frame(token, lexicon)
    if frame is None:
        return None
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return Candidate(token, (token.i, end), "verb", frame, clause=[token])


def _noun(token, lexicon: EventLexicon) -> Candidate | None:
    frame = noun_frame(token, lexicon)
    if frame is None:
        return None
    start = token.i
    while start > 0 and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].head.i == token.i \
            and token.doc[start - 1].pos_ == "NOUN":  # fmt: skip
        start -= 1
    cand = Candidate(token, (start, token.i + 1), "noun", frame)
    proxy = token
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in _MEASURE_NOUNS:
        proxy = token.head.head
    head = proxy.head
    if proxy.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in _VERBAL:
        verb, words = head.head, (head.lower_,)
    elif proxy.dep_ in _HOSTED and head.pos_ in _VERBAL:
        verb, words = head, frame_words(head)
    else:
        verb, words = (head if head.pos_ in _VERBAL else None), ()
    if verb is not None and proxy.dep_ in ("dobj", "pobj"):
        light = lexicon.light(verb.lemma_.lower(), words, frame.type, proxy.dep_ == "pobj")
        if light is not None:
            cand.host, cand.host_frame = verb, light
    cand.clause = [verb] if verb is not None else []
    return cand


def _is_trigger_verb(token, lexicon: EventLexicon) -> bool:
    return token.pos_ == "VERB" and verb_frame(token, lexicon) is not None


def _govern(cand: Candidate, lexicon: EventLexicon) -> Candidate | None:
    """Climb the governors of `cand` (see the module docstring); None when it is absorbed."""
    if cand.kind == "noun":
        if cand.host is not None:
            tok = cand.host
        elif cand.clause:
            verb = cand.clause[0]
            if _is_trigger_verb(verb, lexicon):
                return None
            governor = lexicon.phrase(lexicon.governors, verb.lemma_.lower(), frame_words(verb))
            if governor is not None and governor.type is not None:
                return _replaced(cand, verb, governor.type, lexicon)
            if governor is not None and governor.status is not None:
                cand.statuses.append(governor.status)
            tok = verb
        else:
            return cand
    else:
        tok = cand.token if cand.kind == "verb" else cand.clause[0]
    if tok.dep_ == "conj" and tok.head.dep_ in ("xcomp", "ccomp") and tok.head.pos_ in _VERBAL:
        tok = tok.head  # "urged Iran to stop and withdraw": the conjuncts share the governor
    plain = False
    for _ in range(_MAX_CLIMB):
        dep = tok.dep_
        if dep in ("xcomp", "ccomp"):
            gov = tok.head
        elif dep == "pcomp" and tok.head.dep_ == "prep":
            gov = tok.head.head
        else:
            break
        if gov.i == tok.i or gov.pos_ not in (*_VERBAL, "ADJ"):
            break
        if _is_trigger_verb(gov, lexicon):
            return None
        governor = lexicon.phrase(lexicon.governors, gov.lemma_.lower(), frame_words(gov))
        if governor is None or plain:
            plain = plain or dep == "xcomp"  # "called on Trump to stop attacking": still absorbed
            if not plain:
                break
        elif governor.type is not None:
            return _replaced(cand, gov, governor.type, lexicon)
        else:
            if governor.status is not None:
                cand.statuses.append(governor.status)
            if gov not in cand.clause:
                cand.clause.append(gov)
        tok = gov
    return cand


def _replaced(inner: Candidate, gov, type_: str, lexicon: EventLexicon) -> Candidate:
    """The governor `gov` as trigger of an event of `type_` over `inner`: "refused to meet"."""
    info = lexicon.types[type_]
    frame = Frame(type_, ("subj",), inner.frame.recipient, info["requires_recipient"], info["symmetric"])
    return Candidate(gov, (gov.i, gov.i + 1), "verb", frame, clause=[gov], inner=inner)
