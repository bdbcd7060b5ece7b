"""Roles of persons and the country a phrase names, for `entities`.

A role is the title phrase as written next to a person's name: a pre-modifier ("Russian
Foreign Minister Sergey Lavrov"), an apposition after the name ("Yuri Ushakov, a Kremlin
aide,") or one before it ("the chairman of the committee, Jeb Hensarling"). The rules for
which phrase counts are in the `entities` docstring; this module reads them off the parse.
"""

from __future__ import annotations

from typing import Protocol

from newsgraph.annotate.gazetteer import Gazetteer

__all__ = ["POSSESSIVES", "country_in", "mention_role", "person_roles"]

POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_PREMODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
_AGENT_SUFFIXES = ("er", "or", "ist", "ant", "ent", "ian", "man", "woman")
_ROLE_PREPOSITIONS = frozenset({"of", "for", "to", "at", "on"})
_ROLE_SEPARATORS = frozenset({",", "(", "—", "–", "-"})
_STRIP_FROM_ROLE = frozenset({"DT", "PRP$", ",", "-LRB-", "CC", "HYPH", ":", "``", "''"})
_MAX_ROLE_TOKENS = 10
_ARTICLES = frozenset({"a", "an", "the"})
_RoleAndCountry = tuple[str | None, str | None]


class _PersonMention(Protocol):
    """What the role rules read of a person mention: token indices, [first, last) the span,
    `name_first` where the name starts after titles inside it, and its canonical name."""

    first: int
    last: int
    name_first: int
    canonical: str


def person_roles(doc, text: str, persons: list[_PersonMention], gaz: Gazetteer) -> dict[str, _RoleAndCountry]:
    """(role, country) for each canonical person: the first role found in document order
    with the country it names; failing any role, the first country a pre-modifier names."""
    person_tokens = {i for m in persons for i in range(m.first, m.last)}
    found: dict[str, _RoleAndCountry] = {}
    for m in persons:
        if found.get(m.canonical, (None, None))[0] is not None:
            continue
        role, country = mention_role(doc, text, m, gaz, person_tokens)
        if role is not None or m.canonical not in found or found[m.canonical][1] is None:
            found[m.canonical] = (role, country)
    return found


def mention_role(doc, text: str, m: _PersonMention, gaz: Gazetteer, person_tokens: set[int]) -> _RoleAndCountry:
    """(role, country) of one person mention: pre-modifier, then apposition after, then before.
    The country is read up to the role noun ("ambassador to Russia" is no Russian); a
    pre-modifier of names only, without a role noun, may still give one ("Russia's Lavrov",
    not "Iraq veteran Tom Young")."""
    root = doc[m.first : m.last].root
    before = _premodifier(doc, m, root, gaz)
    for tokens in (before, _apposition_after(doc, m, root), _apposition_before(doc, m, root)):
        head = _role_head(tokens, gaz) if tokens else None
        if head is not None and head.i not in person_tokens and len(tokens) <= _MAX_ROLE_TOKENS:
            role = " ".join(text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])].split())
            return role, country_in([t.text for t in tokens if t.i <= head.i], gaz)
    only_names = before and all(t.text[:1].isupper() or t.text in POSSESSIVES for t in before)
    return None, country_in([t.text for t in before], gaz) if only_names else None


def _role_head(tokens: list, gaz: Gazetteer):
    """The role noun a phrase hinges on (its last noun before any "of ..."), or None."""
    candidates = [t for t in tokens if t.dep_ != "pobj" and t.head.lower_ not in _ROLE_PREPOSITIONS]
    for tok in reversed(candidates or tokens):
        if gaz.is_kinship(tok.text):
            return None
        if gaz.is_title(tok.text) or (
            tok.tag_ in ("NN", "NNS") and tok.text.islower() and tok.text.endswith(_AGENT_SUFFIXES)
        ):
            return tok
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
            return None
    return None


def _trim(tokens: list) -> list:
    """Drop determiners and punctuation at both ends of a role phrase."""
    while tokens and (tokens[0].tag_ in _STRIP_FROM_ROLE or tokens[0].is_punct or tokens[0].lower_ in _ARTICLES):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ in _STRIP_FROM_ROLE or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return tokens


def _premodifier(doc, m: _PersonMention, root, gaz: Gazetteer) -> list:
    """Title tokens before the name: left modifiers of the name's head right before it,
    plus titles inside the NER span ("President Obama")."""
    pos = m.first
    for child in sorted((c for c in root.lefts if c.i < m.first), key=lambda c: -c.i):
        if child.dep_ not in _PREMODIFIER_DEPS or child.right_edge.i != pos - 1:
            break
        pos = child.left_edge.i
    return _trim([t for t in doc[pos : m.name_first] if not gaz.honorific_gender(t.text)[0]])


def _apposition_after(doc, m: _PersonMention, root) -> list:
    """The apposition after a name ("Yuri Ushakov, a Kremlin aide,"): its head with its
    modifiers and a short "of"/"for"/"to" phrase."""
    if m.last >= len(doc) or doc[m.last].text not in _ROLE_SEPARATORS:
        return []
    appos = next((c for c in root.rights if c.dep_ == "appos" and c.i >= m.last), None)
    if appos is None:
        return []
    end = appos.i + 1
    for child in appos.rights:
        if child.dep_ == "prep" and child.lower_ in _ROLE_PREPOSITIONS and child.i == end:
            end = _role_complement_end(child, appos.left_edge.i)
            break
        if child.dep_ not in ("compound", "amod"):
            break
    return _trim(list(doc[appos.left_edge.i : end]))


def _role_complement_end(prep, start: int) -> int:
    """Where "of ..." after a role noun ends: the whole phrase if the role stays short, else
    up to the object's head ("head of the National Center [for Veterans Studies at ...]")."""
    if prep.right_edge.i - start < _MAX_ROLE_TOKENS:
        return prep.right_edge.i + 1
    obj = next((c for c in prep.rights if c.dep_ == "pobj"), None)
    if obj is not None and obj.i - start < _MAX_ROLE_TOKENS:
        return obj.i + 1
    return prep.i


def _apposition_before(doc, m: _PersonMention, root) -> list:
    """The apposition before a name ("the chairman of the committee, Jeb Hensarling"): the
    head noun's phrase up to the comma."""
    if root.dep_ != "appos" or root.head.i >= m.first:
        return []
    head = root.head
    end = m.first
    while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].tag_ in _STRIP_FROM_ROLE):
        end -= 1
    return _trim(list(doc[head.left_edge.i : end]))


def country_in(words: list[str], gaz: Gazetteer) -> str | None:
    """The first country a phrase names: country or place names, demonyms, buildings."""
    clean = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
    for i, word in enumerate(clean):
        if not word[:1].isupper():
            continue
        for size in (3, 2, 1):
            if i + size > len(clean):
                continue
            phrase = " ".join(clean[i : i + size])
            entry = gaz.lookup(phrase)
            if entry is not None and entry.country:
                return entry.country
            found, country = gaz.demonym(phrase)
            if found and country:
                return country
    return None
