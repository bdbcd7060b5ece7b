"""Word-level helpers shared by the comparison: content words, a light stem, and overlap.

Outlets retell the same fact in different words, so facts and headlines are compared by the
sets of their content words (function words out, plural and tense endings off), not by string
equality. The word lists are data: `stories/data/compare_words.json`.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

__all__ = ["WORD", "content_words", "is_content_word", "overlap", "stem", "words_data"]

WORD = re.compile(r"\w+(?:['’]\w+)*")
_ENDINGS = (("ings", ""), ("ing", ""), ("ies", "y"), ("ied", "y"), ("es", ""), ("ed", ""), ("s", ""))


@cache
def words_data() -> dict[str, Any]:
    """`compare_words.json`, read once per process."""
    raw = resources.files("newsgraph.stories").joinpath("data/compare_words.json").read_text("utf-8")
    return json.loads(raw)


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(words_data()["stopwords"])


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem that makes "talks"/"talk", "defended"/"defend", "meetings"/"meeting" equal;
    short words stay as they are, so "us" and "bus" don't shrink to nothing."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for ending, back in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4 and not word.endswith("ss"):
            return word[: -len(ending)] + back
    return word


def is_content_word(word: str) -> bool:
    """Whether a word carries content: not a function word, not one letter."""
    return len(word) > 1 and word.lower().replace("’", "'") not in _stopwords()


@lru_cache(maxsize=1 << 12)
def content_words(text: str) -> frozenset[str]:
    """Stems of the words of `text` that carry content (no function words, no one-letter words)."""
    return frozenset(stem(w) for w in WORD.findall(text) if is_content_word(w))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two word sets (0.0 when both are empty)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0
