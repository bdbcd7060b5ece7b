"""Find every occurrence of a few dozen literals in a page, overlapping ones included.

The furniture rules first look for their trigger words, and a page has thousands of
characters. A regex alternation of the literals, or a lookahead trie, enters the regex
engine at every position that starts like a literal (and most letters do): about a
millisecond a page. Here the first three characters of every position are folded to 21
bits with numpy and looked up in a table of the literals' first three characters; only
the few positions that pass (a collision costs a wasted check, never a lost match) are
compared with the literals themselves.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from newsgraph.clean.charclass import code_points

__all__ = ["LiteralFinder"]

_PREFIX = 3
_BITS = 7
_MASK = (1 << _BITS) - 1


def _slots(codes: np.ndarray, k: int) -> np.ndarray:
    """Table slots of the `k` code points starting at every position that has `k` of them.

    Each code point gives its low 7 bits: ASCII keeps apart, and other characters that
    share bits with it only cost a wasted comparison.
    """
    n = max(len(codes) - k + 1, 0)
    low = (codes & _MASK).astype(np.int32)
    slot = low[:n].copy()
    for j in range(1, k):
        slot <<= _BITS
        slot |= low[j : j + n]
    return slot


class LiteralFinder:
    """Every (offset, literal) of a fixed set of non-empty literals in a text, in text order."""

    __slots__ = ("_by_prefix", "_tables")

    def __init__(self, literals: Iterable[str]) -> None:
        by_prefix: dict[str, list[str]] = {}
        for literal in sorted(set(literals)):
            by_prefix.setdefault(literal[:_PREFIX], []).append(literal)
        self._by_prefix = {prefix: tuple(group) for prefix, group in by_prefix.items()}
        # One table per prefix length: literals shorter than _PREFIX are looked up by all they have.
        self._tables: dict[int, np.ndarray] = {}
        for prefix in self._by_prefix:
            table = self._tables.setdefault(len(prefix), np.zeros(1 << (_BITS * len(prefix)), dtype=bool))
            table[_slots(code_points(prefix), len(prefix))] = True

    def find(self, text: str) -> list[tuple[int, str]]:
        codes = code_points(text)
        candidates = [
            (k, np.flatnonzero(table[_slots(codes, k)]).tolist()) for k, table in self._tables.items()
        ]
        found: list[tuple[int, str]] = []
        by_prefix = self._by_prefix
        for k, positions in candidates:
            for p in positions:
                for literal in by_prefix.get(text[p : p + k], ()):
                    if text.startswith(literal, p):
                        found.append((p, literal))
        found.sort()
        return found
