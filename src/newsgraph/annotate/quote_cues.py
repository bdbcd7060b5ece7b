"""The cue lexicon: which words report speech, belief or intention, and where their content is.

The lists are data (`annotate/data/quote_cues.json`) so that a missed cue verb is one word in
a list, not a code change. A verb can be in several classes ("promise" reports speech and
intention); its classes decide which dependents of the verb are the reported content.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["CueLexicon", "cue_lexicon"]


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Classes by verb lemma, particles by phrasal-verb lemma, the nominal and prepositional
    cues, and the line labels that are no speaker."""

    verbs: dict[str, frozenset[str]]
    particles: dict[str, frozenset[str]]
    nouns: frozenset[str]
    prepositions: tuple[tuple[str, ...], ...]
    not_line_labels: frozenset[str]

    def classes(self, lemma: str) -> frozenset[str]:
        return self.verbs.get(lemma, frozenset())


@cache
def cue_lexicon() -> CueLexicon:
    """The shipped lexicon, read once per process."""
    raw = resources.files("newsgraph.annotate").joinpath("data/quote_cues.json").read_text("utf-8")
    data = json.loads(raw)
    verbs: dict[str, set[str]] = {}
    for cls, lemmas in data["verbs"].items():
        for lemma in lemmas:
            verbs.setdefault(lemma, set()).add(cls)
    return CueLexicon(
        verbs={k: frozenset(v) for k, v in verbs.items()},
        particles={k: frozenset(v) for k, v in data["particles"].items()},
        nouns=frozenset(data["nouns"]),
        prepositions=tuple(tuple(p) for p in data["prepositions"]),
        not_line_labels=frozenset(data["not_line_labels"]),
    )
