"""What "it", "its", "they", "them" and "their" stand for when they fill an event's role.

Document-wide coreference picks the most recent organisation, country or group for such a
pronoun, however far back and whatever came in between; for an event that is the commonest
source of a wrong actor ("The new commission is due to hold its first meeting" coded for the
outlet named three paragraphs earlier; "people ... got cards they never asked for" coded for
the bank). News prose keeps its topic in subject position, so the reading used here is the
centring one: the pronoun stands for the nearest earlier subject that agrees with it in
number, in its own sentence or the one before. When that subject names no entity ("the
commission", "people"), the role stays empty: an unknown actor is better than a wrong one.
"""

from __future__ import annotations

__all__ = ["NEUTER_PRONOUNS", "PLURAL", "SINGULAR", "subject_antecedent"]

SINGULAR = frozenset({"it", "its"})
PLURAL = frozenset({"they", "them", "their", "theirs"})
NEUTER_PRONOUNS = SINGULAR | PLURAL
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_SINGULAR_TAGS = frozenset({"NN", "NNP"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def subject_antecedent(pronoun):
    """The head token of the subject `pronoun` (one of `NEUTER_PRONOUNS`) refers to, or None
    when no agreeing subject precedes it in its sentence or the one before."""
    plural = pronoun.lower_ in PLURAL
    sent = pronoun.sent
    floor = sent.start
    if sent.start > 0:
        floor = pronoun.doc[sent.start - 1].sent.start
    for i in range(pronoun.i - 1, floor - 1, -1):
        token = pronoun.doc[i]
        if token.dep_ not in _SUBJECTS or token.pos_ == "PRON":
            continue
        if _plural(token) == plural and (token.tag_ in _SINGULAR_TAGS or token.tag_ in _PLURAL_TAGS):
            return token
    return None


def _plural(token) -> bool:
    """A plural noun, or conjoined nouns ("Trump and Pence ... they")."""
    deps = {c.dep_ for c in token.children}
    return token.tag_ in _PLURAL_TAGS or {"cc", "conj"} <= deps
