"""The speaker of a quote: the mention as written, and who it is.

The mention is the subject noun phrase as the sentence writes it, a pronoun included, since a
reader checks an attribution against the sentence; a relative pronoun keeps the antecedent it
follows ("Dockworkers, who"). Who it is comes, in order, from the
document's coreference (`resolve_mention`: pronouns, surnames, "the minister"), from an entity
found inside the mention ("Russian Foreign Minister Sergey Lavrov" holds "Sergey Lavrov"), from
spaCy's own entity label, and last from the mention itself: "a Downing Street source" or
"officials" are unnamed sources, and are worth keeping as such.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from newsgraph.annotate.coref import resolve_mention
from newsgraph.clean.metadata.gazetteer import load_gazetteer
from newsgraph.records import Entity, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["mention_bounds", "named_speaker", "speaker_for"]

# Entity kinds (records.Entity) and spaCy labels, as speaker kinds.
_ENTITY_KIND = {
    "person": "person",
    "organisation": "organisation",
    "outlet": "outlet",
    "country": "country",
    "place": "country",
    "group": "organisation",
}
_LABEL_KIND = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country",
    "NORP": "organisation",
    "LOC": "country",
    "FAC": "organisation",
}
# Dependents that belong to a name written after its head ("Ronald R. Fieldstone" is one
# token chain; "Gov. Mike Pence (R-IN)" keeps its bracket out).
_NAME_TAIL = frozenset({"compound", "flat", "nummod"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    data = json.loads(resources.files("newsgraph.annotate").joinpath("data/quote_speakers.json").read_text("utf-8"))
    return frozenset(data["titles"]), frozenset(data["person_pronouns"])


def mention_bounds(token: Token) -> tuple[int, int]:
    """Character bounds of the noun phrase headed by `token`, without what follows the name
    (relative clauses, appositions, prepositional phrases)."""
    if token.pos_ == "PRON":
        return token.idx, token.idx + len(token)
    first = token
    for left in token.lefts:
        if left.dep_ not in ("punct", "cc", "prep"):
            first = left.left_edge
            break
    while first.i < token.i and first.is_punct:
        first = first.nbor()
    last = token
    for right in token.rights:
        if right.dep_ in _NAME_TAIL and right.i == last.i + 1:
            last = right
        else:
            break
    return first.idx, last.idx + len(last)


def speaker_for(doc: Doc, text: str, token: Token, entities: list[Entity]) -> Speaker:
    """The speaker whose mention is headed by `token` (`text` is `doc.text`)."""
    start, end = mention_bounds(token)
    target = token
    if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
        target = token.head.head  # "Politifact, which reported": the antecedent names the speaker
    t_start, t_end = mention_bounds(target) if target.i != token.i else (start, end)
    if target.i != token.i and not text[t_end:start].strip(" ,"):
        start = t_start  # "nations that warned": the mention is the antecedent with its pronoun
    entity = resolve_mention(doc, t_start, t_end, entities) or _entity_inside(t_start, t_end, entities)
    if entity is not None and t_start <= entity.start < t_end and not entity.start <= target.idx < entity.end:
        # A name modifying a common noun: "a Downing Street source" is an unnamed source,
        # not the government the name stands for.
        mention = text[t_start:t_end]
        return Speaker(start, end, text[start:end], mention, "unnamed")
    if entity is not None:
        return Speaker(start, end, text[start:end], entity.canonical, _ENTITY_KIND.get(entity.kind, "organisation"))
    canonical, kind = _fallback(doc, text, target, t_start, t_end)
    return Speaker(start, end, text[start:end], canonical, kind)


def named_speaker(doc: Doc, text: str, start: int, end: int, entities: list[Entity]) -> Speaker:
    """The speaker of a name read off the text with no parse behind it (`"..." ― Maria Lopez`):
    a person unless the entities say otherwise."""
    entity = resolve_mention(doc, start, end, entities) or _entity_inside(start, end, entities)
    if entity is not None:
        return Speaker(start, end, text[start:end], entity.canonical, _ENTITY_KIND.get(entity.kind, "organisation"))
    return Speaker(start, end, text[start:end], _strip_titles(text[start:end], _lexicon()[0]), "person")


def _entity_inside(start: int, end: int, entities: list[Entity]) -> Entity | None:
    """The entity written inside the mention, a person first ("Kremlin spokesman Dmitry Peskov")."""
    inside = [e for e in entities if start <= e.start and e.end <= end]
    if not inside:
        return None
    return next((e for e in inside if e.kind == "person"), inside[-1])


def _fallback(doc: Doc, text: str, token: Token, start: int, end: int) -> tuple[str, str]:
    """Canonical name and kind from spaCy's entity tags, or the mention itself when it has none."""
    titles, person_pronouns = _lexicon()
    if token.pos_ == "PRON":
        return token.text, "person" if token.lower_ in person_pronouns else "unnamed"
    name, label = _tagged_name(doc, text, token, start, end)
    if name:
        name = _strip_titles(name, titles)
        if label != "PERSON" and (outlet := _outlet(name)):
            return outlet, "outlet"
        return name, _LABEL_KIND[label]
    mention = text[start:end]
    if token.pos_ == "PROPN":
        name = _strip_titles(mention, titles)
        outlet = _outlet(name)
        return (outlet, "outlet") if outlet else (name, "organisation")
    return mention, "unnamed"


def _tagged_name(doc: Doc, text: str, token: Token, start: int, end: int) -> tuple[str, str]:
    """The entity spaCy tagged inside the mention (a person first, else the last one), read
    from the token tags: building `doc.ents` costs a pass over the whole document."""
    best = ("", "")
    i = token.left_edge.i
    while i < len(doc) and doc[i].idx < end:
        tok = doc[i]
        i += 1
        if tok.idx < start or tok.ent_iob_ != "B" or tok.ent_type_ not in _LABEL_KIND:
            continue
        last = tok
        while i < len(doc) and doc[i].ent_iob_ == "I" and doc[i].idx < end:
            last = doc[i]
            i += 1
        best = (text[tok.idx : last.idx + len(last)], tok.ent_type_)
        if best[1] == "PERSON":
            break
    return best


def _outlet(name: str) -> str | None:
    """The outlet `name` names: its listed name, or the name itself when it is shaped like an
    outlet's ("Meridian Post"); None for no outlet."""
    gazetteer = load_gazetteer()
    return gazetteer.outlet(name) or (name if gazetteer.looks_like_outlet(name) else None)


def _strip_titles(name: str, titles: frozenset[str]) -> str:
    """'Sen. Elizabeth Warren' -> 'Elizabeth Warren'; a name that is all title stays as it is."""
    words = name.split()
    i = 0
    while i < len(words) - 1 and words[i].lower().rstrip(".") in titles:
        i += 1
    if words[i:] and words[i][:1].isupper():
        name = " ".join(words[i:])
    return name.removesuffix("’s").removesuffix("'s")
