"""The tense of the clause a date expression belongs to, read off spaCy's parse.

A weekday or a month named without a year points back or forward depending on its verb:
"said Thursday" is the past Thursday, "will meet Thursday" the coming one, and "is scheduled
for Monday" (present passive of a planning verb) the coming Monday too. We climb from the
expression to its governing verb and read the Penn tags of the verb and its auxiliaries.
"""

from __future__ import annotations

from bisect import bisect_right

from newsgraph.annotate.timex_calendar import Tense

__all__ = ["TenseReader"]

# Verbs that announce a plan in any form but the simple past ("is scheduled for Monday",
# "has been set for June 3", "is expected in June").
PLAN_LEMMAS = frozenset(
    {"schedule", "set", "expect", "due", "slate", "plan", "intend", "poise", "propose", "anticipate", "forecast"}
)
# Prepositions that fix the direction whatever the verb says.
PAST_PREPOSITIONS = frozenset({"since"})
FUTURE_PREPOSITIONS = frozenset({"until", "till", "by"})
_MAX_CLIMB = 8


class TenseReader:
    """Maps character spans of one parsed `Doc` to the tense of their clause."""

    def __init__(self, doc) -> None:
        self._doc = doc
        self._starts = doc.to_array("IDX").tolist() if len(doc) else []

    def token_at(self, char: int):
        """The token covering character offset `char` (the one before it in whitespace)."""
        i = bisect_right(self._starts, char) - 1
        return self._doc[max(i, 0)] if len(self._doc) else None

    def sentence_bounds(self, char: int) -> tuple[int, int]:
        """Character bounds of the sentence holding `char`."""
        tok = self.token_at(char)
        if tok is None:
            return 0, 0
        sent = tok.sent
        return sent.start_char, sent.end_char

    def tense(self, start: int, end: int) -> str:
        """The tense of the clause governing the span [start, end)."""
        tok = self.token_at(max(start, end - 1))
        if tok is None:
            return Tense.NONE
        # climb out of the expression itself first
        while start <= tok.head.idx < end and tok.head.i != tok.i:
            tok = tok.head
        prep = ""
        nouns = 0
        for _ in range(_MAX_CLIMB):
            if not prep and (tok.dep_ == "prep" or tok.tag_ == "IN"):
                prep = tok.lower_
            if _is_clause_verb(tok) or tok.head.i == tok.i:
                break
            nouns += tok.pos_ in ("NOUN", "PROPN") and not start <= tok.idx < end
            tok = tok.head
        if prep in PAST_PREPOSITIONS:
            return Tense.PAST
        if nouns >= 2:
            return Tense.NONE  # "problems during Monday's debate": the verb is about something else
        tense = _verb_tense(tok)
        if prep in FUTURE_PREPOSITIONS and (tense in (Tense.PRESENT, Tense.NONE) or _present_perfect(tok)):
            return Tense.FUTURE  # "is closed until Friday", "has kept them closed until Friday"
        return tense


def _auxes(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _is_clause_verb(tok) -> bool:
    """A verb that carries tense. A bare participle defers to its head: "saying Thursday",
    and "kept markets closed until Friday" (a small clause); a reduced relative ("figures
    released Thursday") keeps its own past."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.tag_ == "VBG" or (tok.tag_ == "VBN" and tok.dep_ in ("ccomp", "xcomp", "oprd", "acomp", "amod")):
        return bool(_auxes(tok))
    return True


def _present_perfect(verb) -> bool:
    return any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in _auxes(verb))


def _verb_tense(verb) -> str:
    """Modals look forward unless they take a perfect ("would have closed"); planning verbs
    look forward in any form but the simple past ("has been scheduled for June 3")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return Tense.NONE
    auxes = _auxes(verb)
    if not auxes and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.tag_ in ("VB", "VBN", "VBG"):
        return _verb_tense(verb.head)  # "would assume office in January and run in November"
    tags = {a.tag_ for a in auxes}
    lemmas = {a.lemma_.lower() for a in auxes}
    if "MD" in tags:
        return Tense.PAST if "have" in lemmas and verb.tag_ == "VBN" else Tense.FUTURE
    if verb.lemma_.lower() in PLAN_LEMMAS and (auxes or verb.tag_ in ("VBZ", "VBP")) and verb.tag_ != "VBD":
        return Tense.FUTURE
    if "TO" in tags or "to" in lemmas:
        return Tense.FUTURE
    if "VBD" in tags or verb.tag_ == "VBD":
        return Tense.PAST
    if verb.tag_ == "VBN" and ("have" in lemmas or not auxes):
        return Tense.PAST  # a perfect, or a reduced relative: "figures released Thursday"
    if tags & {"VBZ", "VBP"} or verb.tag_ in ("VBZ", "VBP"):
        if verb.tag_ == "VBG":
            return Tense.FUTURE  # "is meeting on Monday"
        if verb.lemma_ == "be" and not auxes:
            return Tense.FUTURE  # "the vote is on Monday"
        return Tense.PRESENT
    return Tense.NONE
