"""Attributions of a state of mind or of evidence, with no verb of saying: "Democrats are
afraid that ...", "she is ready to ...", "it is clear that ...", "Melania seems to have ...".

PolNeAR annotates beliefs and intentions however they are worded, and news words many of them
as an adjective with a clause (`adjectives`: the holder is the subject of the copula, nobody
for "it is clear that") or as an evidential verb (`evidential`: "seem", "appear"), whose
content is its clause ("it appears that ...") or its subject with what is said of it
("[Melania] seems [to have vanished]"). Passive verbs of belief work like the evidential ones:
"[North Korea] is not thought [to be capable of ...]", "[it] is considered [a threat]".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.annotate.quote_context import Attribution, Context

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["from_adjective", "from_evidential", "passive_belief"]

_CLAUSES = frozenset({"ccomp", "xcomp"})
_COMPLEMENTS = frozenset({"xcomp", "acomp", "oprd", "attr"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_AS = frozenset({"as", "like"})  # "[X] was viewed [as favorable]", "[it] looks [like a rout]"


def from_adjective(ctx: Context, adj: Token) -> Attribution | None:
    """ "X is afraid that ...", "X is ready to ...", "X has been critical of ..."."""
    if adj.dep_ not in ("acomp", "ROOT"):
        return None
    verb = adj.head if adj.dep_ == "acomp" else adj
    heads = [c for c in adj.rights if c.dep_ in _CLAUSES]
    if not heads and verb is not adj:  # "it is clear that ...": the parse hangs the clause from "is"
        heads = [c for c in verb.rights if c.dep_ == "ccomp" and c.i > adj.i]
    if not heads:
        prep = next((c for c in adj.rights if c.dep_ == "prep" and c.lower_ in ctx.lexicon.topic_preps), None)
        heads = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")] if prep is not None else []
    if not heads:
        return None
    holder = ctx.speaker(verb)
    if holder is not None and holder.lower_ in ("it", "this", "that"):
        holder = None  # "it is clear that ...": nobody's belief but the writer's
    return Attribution((adj.idx, adj.idx + len(adj)), holder, ctx.parts(heads, adj))


def from_evidential(ctx: Context, verb: Token) -> Attribution | None:
    """ "It seems that ...", "[X] seems [to be Y]", "[X] looks [unlikely]"."""
    clause = [c for c in verb.rights if c.dep_ == "ccomp"]
    if clause:
        return Attribution((verb.idx, verb.idx + len(verb)), None, ctx.parts(clause, verb))
    return _subject_and_complement(ctx, verb)


def passive_belief(ctx: Context, verb: Token) -> Attribution | None:
    """ "[X] is considered [a threat]", "[X] is expected [to be Y]": a passive cue of belief or
    regard with what its subject is taken to be."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    return _subject_and_complement(ctx, verb)


def _subject_and_complement(ctx: Context, verb: Token) -> Attribution | None:
    subject = next((c for c in verb.lefts if c.dep_ in _SUBJECTS), None)
    tail = next((c for c in verb.rights if c.dep_ in _COMPLEMENTS or (c.dep_ == "prep" and c.lower_ in _AS)), None)
    if subject is None or tail is None or subject.lower_ in ("it", "there"):
        return None
    return Attribution((verb.idx, verb.idx + len(verb)), None, ctx.parts([subject, tail], verb))
