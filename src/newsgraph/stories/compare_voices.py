"""Voices: who each outlet lets speak, how often and at what length, by affiliation.

Only statements count as voices. The quote annotator also records reported intentions ("the
UK plans to station forces") and actions with a clause ("chiefs discuss how ..."), whose "speaker"
says nothing in the article; so a quote is a voice when it is direct (the speaker's own words in
quotation marks) or its cue reports speech, belief or a stance (but not a stance shown by an act: `not_statement_cues`
in `stories/data/compare_words.json`), or is a speech noun or "according to", by the project's
cue lexicon (`annotate/data/quote_cues.json`). Those same
voice quotes are the spans `compare_language` attributes to others.

Affiliation rules are data: `stories/data/affiliations.json`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from newsgraph.annotate.quote_cues import cue_lexicon
from newsgraph.stories.compare_input import ArticleInput
from newsgraph.stories.compare_model import Voice, VoiceGroup
from newsgraph.stories.compare_text import words_data

__all__ = ["AFFILIATIONS", "VoiceQuote", "affiliation", "voice_groups", "voice_quotes"]

_VOICE_CLASSES = frozenset({"speech", "belief", "stance"})
_CUE_WORD = re.compile(r"[a-z]+")


@cache
def _rules() -> dict[str, Any]:
    raw = resources.files("newsgraph.stories").joinpath("data/affiliations.json").read_text("utf-8")
    data = json.loads(raw)
    data["compiled"] = [
        (rule["affiliation"], re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, rule["words"])) + r")(?![\w-])"))
        for rule in data["rules"]
    ]
    return data


AFFILIATIONS: tuple[str, ...] = tuple(_rules()["groups"])


@cache
def _act_cues() -> frozenset[str]:
    """Cue lemmas that report an act, not a statement (`not_statement_cues`)."""
    return frozenset(words_data()["not_statement_cues"])


@dataclass(frozen=True, slots=True)
class VoiceQuote:
    """A quote that is a statement by someone: its content span and who said it."""

    start: int
    end: int
    name: str
    kind: str
    mention: str


def voice_quotes(article: ArticleInput) -> list[VoiceQuote]:
    """The article's quotes that are voices (see the module docstring), in text order."""
    found = []
    for quote in article.quotes:
        if not _is_voice(quote):
            continue
        speaker = quote.get("speaker") if isinstance(quote.get("speaker"), Mapping) else None
        if speaker is None:
            name, kind, mention = "(unattributed)", "unnamed", ""
        else:
            mention = _text(speaker.get("text"))
            name = _text(speaker.get("canonical")) or mention or "(unattributed)"
            kind = _text(speaker.get("kind")) or "person"
        found.append(VoiceQuote(quote["start"], quote["end"], name, kind, mention))
    return sorted(found, key=lambda q: (q.start, q.end))


def affiliation(kind: str, texts: Iterable[str | None]) -> str:
    """The group a speaker speaks for, from its kind and the words of its role, mention and
    canonical name (first matching rule of `affiliations.json`; `other` when none does)."""
    rules = _rules()
    if kind in rules["by_kind"]:
        return rules["by_kind"][kind]
    words = " ".join(t.lower() for t in texts if t)
    for group, pattern in rules["compiled"]:
        if pattern.search(words):
            return group
    return "other"


def voice_groups(article_voices: Iterable[tuple[ArticleInput, list[VoiceQuote]]]) -> tuple[VoiceGroup, ...]:
    """Voices of one outlet (over all its articles), grouped by affiliation in the order of
    `AFFILIATIONS`, loudest voice first inside a group."""
    tally: dict[tuple[str, str], list[Any]] = {}
    for article, quotes in article_voices:
        roles = _roles(article)
        for quote in quotes:
            role, country = roles.get(quote.name, (None, None))
            group = affiliation(quote.kind, (role, quote.mention, quote.name))
            entry = tally.setdefault((group, quote.name), [quote.kind, role, country, 0, 0])
            entry[3] += 1
            entry[4] += quote.end - quote.start
    groups = []
    for group in AFFILIATIONS:
        voices = sorted(
            (
                Voice(name, group, kind, role, country, count, chars)
                for (g, name), (kind, role, country, count, chars) in tally.items()
                if g == group
            ),
            key=lambda v: (-v.quotes, -v.chars, v.name),
        )
        if voices:
            groups.append(VoiceGroup(group, sum(v.quotes for v in voices), sum(v.chars for v in voices), tuple(voices)))
    return tuple(groups)


def _is_voice(quote: Mapping[str, Any]) -> bool:
    if quote.get("kind") == "direct":
        return True
    cue = quote.get("cue")
    if not isinstance(cue, Mapping):
        return False
    words = _CUE_WORD.findall(_text(cue.get("text")).lower())
    if not words:
        return False
    lexicon = cue_lexicon()
    if tuple(words) in lexicon.prepositions:
        return True
    acts = _act_cues()
    return any(
        lemma in lexicon.nouns
        or lemma in lexicon.particles
        or (lemma not in acts and lexicon.classes(lemma) & _VOICE_CLASSES)
        for word in words
        for lemma in _lemmas(word)
    )


def _lemmas(word: str) -> tuple[str, ...]:
    """Candidate lemmas of an inflected cue word: irregular forms from data, else the word with
    -s/-es/-ed/-d/-ing (and a doubled consonant or -ied/-ies) taken off."""
    irregular = words_data()["irregular_cues"].get(word)
    if irregular:
        return (irregular,)
    found = [word]
    for ending, back in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            base = word[: -len(ending)] + back
            found.append(base)
            if len(base) > 2 and base[-1] == base[-2] and ending in ("ed", "ing"):
                found.append(base[:-1])
    return tuple(found)


def _roles(article: ArticleInput) -> dict[str, tuple[str | None, str | None]]:
    """Role and country per canonical name, from the entity records (first role given wins)."""
    roles: dict[str, tuple[str | None, str | None]] = {}
    for entity in article.entities:
        name = _text(entity.get("canonical"))
        role, country = entity.get("role"), entity.get("country")
        role = role if isinstance(role, str) else None
        country = country if isinstance(country, str) else None
        if name and (name not in roles or (roles[name][0] is None and role)):
            roles[name] = (role, country)
    return roles


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""
