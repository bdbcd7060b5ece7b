"""Attributions whose cue is a noun: "Trump's claim that ...", "her decision to ...",
"criticism of the plan".

A noun of saying, thinking or wanting carries its content as a dependent, as its verb does:
a that-clause for the nouns of statement and belief (`nouns`), an infinitive for the nouns of
intention (`intent_nouns`: "effort to", "refusal to"), and the object of a preposition for
the nouns that report what a statement is about (`topic_nouns`: "questions about", "criticism
of", "comments on"). Its speaker is the possessor when there is one ("Clinton's comments"),
else nobody: PolNeAR annotates "allegations of fraud" with no source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.annotate.quote_context import Attribution, Context, opens_with_that

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["from_noun"]

_CLAUSES = frozenset({"acl", "ccomp", "relcl"})
# Named modifiers that say whose statement a noun is: "media pronouncements", "European reluctance".
_OWNER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def from_noun(ctx: Context, noun: Token) -> Attribution | None:
    """The attribution a cue noun heads, if its content is there."""
    lexicon = ctx.lexicon
    lemma = noun.lemma_.lower()
    content: Token | None = None
    if lemma in lexicon.nouns:
        content = next((c for c in noun.rights if c.dep_ in _CLAUSES and opens_with_that(c)), None)
    if content is None and lemma in lexicon.intent_nouns:
        content = next((c for c in noun.rights if c.dep_ == "acl" and _to_infinitive(c)), None)
    heads: list[Token] = [content] if content is not None else []
    if not heads and lemma in lexicon.topic_nouns:
        prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in lexicon.topic_preps), None)
        if prep is not None:
            heads = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if not heads:
        return None
    return Attribution((noun.idx, noun.idx + len(noun)), _owner(ctx, noun), ctx.parts(heads, noun))


def _owner(ctx: Context, noun: Token) -> Token | None:
    """Who says, thinks or wants it: the possessor ("Clinton's comments"), a name or demonym
    before the noun ("media pronouncements", "European reluctance"), the object of "from" or
    "by" ("warnings from his attorney"), else the subject of the verb that has the noun as its
    object ("Trump made comments", "she launched attacks on ...")."""
    for child in noun.lefts:
        if child.dep_ == "poss" or (child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in _OWNER_ENTS):
            return child
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            source = next((c for c in child.children if c.dep_ == "pobj"), None)
            if source is not None:
                return source
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        return ctx.speaker(noun.head)
    return None


def _to_infinitive(tok: Token) -> bool:
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.lefts)
