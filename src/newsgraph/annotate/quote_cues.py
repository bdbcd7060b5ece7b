"""The cue lexicon: which words report speech, belief or intention, and where their content is.

The lists are data (`annotate/data/quote_cues.json`) so that a missed cue verb is one word in
a list, not a code change. A verb can be in several classes ("promise" reports speech and
intention); its classes decide which dependents of the verb are the reported content.

No learned list is shipped: `bench/learn_cues.py` learns cue words and frames from PolNeAR's
gold cues, and on held-out dev documents they gain nothing (F1@0.3 -0.003 two-fold, against
+0.001 in-sample): the cues the hand list misses are one-offs ("unleashed", "seize on").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["CueLexicon", "cue_lexicon", "lexicon_from"]

# The plain word lists of the table, by key (`CueLexicon` has a field of each name).
_WORD_SETS = ("intent_nouns", "topic_nouns", "topic_preps", "adjectives", "evidential")


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Classes by verb lemma, particles by phrasal-verb lemma, the nominal, adjectival,
    evidential and prepositional cues, and the line labels that are no speaker."""

    verbs: dict[str, frozenset[str]]
    particles: dict[str, frozenset[str]]
    nouns: frozenset[str]
    intent_nouns: frozenset[str]
    topic_nouns: frozenset[str]
    topic_preps: frozenset[str]
    adjectives: frozenset[str]
    evidential: frozenset[str]
    prepositions: tuple[tuple[str, ...], ...]
    not_line_labels: frozenset[str]

    def classes(self, lemma: str) -> frozenset[str]:
        return self.verbs.get(lemma, frozenset())


@cache
def cue_lexicon() -> CueLexicon:
    """The shipped lexicon, read once per process."""
    raw = resources.files("newsgraph.annotate").joinpath("data/quote_cues.json").read_text("utf-8")
    return lexicon_from(json.loads(raw))


def lexicon_from(*tables: dict) -> CueLexicon:
    """The union of lexicon tables in the shape of `quote_cues.json`; a table may leave out
    any key (`bench/learn_cues.py` adds what it learned to the hand-written one)."""
    verbs: dict[str, set[str]] = {}
    particles: dict[str, set[str]] = {}
    nouns: set[str] = set()
    word_sets: dict[str, set[str]] = {key: set() for key in _WORD_SETS}
    prepositions: list[tuple[str, ...]] = []
    labels: set[str] = set()
    for data in tables:
        for cls, lemmas in data.get("verbs", {}).items():
            for lemma in lemmas:
                verbs.setdefault(lemma, set()).add(cls)
        for lemma, words in data.get("particles", {}).items():
            particles.setdefault(lemma, set()).update(words)
        nouns.update(data.get("nouns", ()))
        for key, words in word_sets.items():
            words.update(data.get(key, ()))
        prepositions += [tuple(p) for p in data.get("prepositions", ()) if tuple(p) not in prepositions]
        labels.update(data.get("not_line_labels", ()))
    return CueLexicon(
        verbs={k: frozenset(v) for k, v in verbs.items()},
        particles={k: frozenset(v) for k, v in particles.items()},
        nouns=frozenset(nouns),
        **{key: frozenset(words) for key, words in word_sets.items()},
        prepositions=tuple(prepositions),
        not_line_labels=frozenset(labels),
    )
