"""Where an event's roles sit in spaCy's dependency parse.

Small helpers over tokens, shared by trigger finding, participants, status and dates. They
read the English conventions of spaCy's ClearNLP-style labels: the logical subject of a
passive is its by-agent and its grammatical subject is the logical object; a clause without
a subject ("gathered ... to discuss", "held a call, agreeing on ...", "surprised Europe by
initiating talks") takes the subject of the clause it hangs from. A finite verb conjoined
to a bare infinitive is coordinated one level up, as like joins like ("told parliament that
the government would not intervene and urged both sides": the teller urged).
"""

from __future__ import annotations

__all__ = [
    "FINITE",
    "RELATIVE_PRONOUNS",
    "frame_words",
    "is_passive",
    "logical_objects",
    "logical_subjects",
    "prep_objects",
    "with_conjuncts",
]

_VERBAL = frozenset({"VERB", "AUX"})
_INHERITS_SUBJECT = frozenset({"xcomp", "advcl", "conj"})
_SUBJECT_PREPS = frozenset({"by", "after", "before", "while", "when", "since", "in"})
_TEMPORAL = frozenset({"DATE", "TIME"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})


def is_passive(verb) -> bool:
    """A passive verb, or a participle conjoined to one ("was shot and killed by")."""
    if any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children):
        return True
    return (verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head is not verb
            and not any(c.dep_ in ("nsubj", "aux") for c in verb.children) and is_passive(verb.head))  # fmt: skip


def frame_words(token) -> tuple[str, ...]:
    """The particles, prepositions and object nouns that may form a frame with `token`
    ("call on", "crack down", "open fire"; "to" for an infinitive: "agreed to meet"). A
    preposition before a date or time is no frame's ("called Machado on Friday")."""
    words = []
    for child in token.children:
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in _TEMPORAL for g in child.children):
            continue
        if child.dep_ in ("prt", "prep", "dobj", "agent"):
            words.append(child.lower_)
        elif child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            words.append("to")
    return tuple(words)


def with_conjuncts(token) -> list:
    """`token` and the tokens conjoined to it ("Trump and Putin" -> both)."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out += with_conjuncts(child)
    return out


def _surface_subjects(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def logical_subjects(verb, depth: int = 0) -> list:
    """Who does what `verb` says: nsubj (a relative pronoun stands for the noun the clause
    modifies), the by-agent of a passive, or, for a clause without a subject, the subject
    of the clause it belongs to ("Military chiefs gathered ... to discuss")."""
    if is_passive(verb):
        return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    found = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if found:
        if found[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return [verb.head]
        return found
    if depth > 4:
        return []
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ in _VERBAL:  # object control: "urged Russia to withdraw"
        controller = [c for c in head.children if c.dep_ == "dobj"]
        if controller:
            return controller
    if verb.dep_ == "conj" and verb.tag_ in FINITE and head.tag_ == "VB" and head.dep_ in ("ccomp", "xcomp"):
        head = head.head  # like joins like: "told them that X would not intervene and urged ..." is the teller's
    if verb.dep_ in _INHERITS_SUBJECT and head.pos_ in _VERBAL and head is not verb:
        return _surface_subjects(head) or logical_subjects(head, depth + 1)
    if verb.dep_ == "pcomp" and head.lower_ in _SUBJECT_PREPS and head.head.pos_ in _VERBAL:
        return _surface_subjects(head.head) or logical_subjects(head.head, depth + 1)
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN") and verb.tag_ != "VBN":
        return [head]
    return []


def logical_objects(verb) -> list:
    """What `verb` acts on: dobj, the subject of a passive (or the noun a past participle
    modifies: "troops deployed in"), or the object shared by conjoined verbs ("train and
    support the Armed Forces")."""
    if is_passive(verb):
        return [c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")]
    found = [c for c in verb.children if c.dep_ == "dobj"]
    if found:
        return found
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
        return [verb.head]
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ == "VERB":
            shared = [c for c in child.children if c.dep_ == "dobj"]
            if shared:
                return shared
    return []


def prep_objects(token, prep: str) -> list:
    """The objects of the preposition `prep` hanging from `token` ("talks with X" -> X)."""
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ == prep:
            out += [g for g in child.children if g.dep_ == "pobj"]
    return out
