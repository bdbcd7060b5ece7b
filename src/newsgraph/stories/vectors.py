"""TF-IDF vectors per channel, with document frequencies that grow as articles arrive.

Weights are sklearn's `TfidfVectorizer(sublinear_tf=True)` formula (1 + log tf, smooth idf, L2
norm), so a from-scratch run is the baseline's TF-IDF. Incrementally, an article is weighed with
the frequencies known when it arrives (its own batch included) and keeps that vector: a story's
old members are never re-weighed, which is what lets new articles join without re-clustering.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

__all__ = ["SparseVector", "Vocabulary"]


@dataclass(slots=True)
class SparseVector:
    """Column indices (int32, sorted) and L2-normalised weights (float32) of one article."""

    index: np.ndarray
    weight: np.ndarray


@dataclass(slots=True)
class Vocabulary:
    """Term columns and document frequencies of one channel over all articles seen."""

    columns: dict[str, int] = field(default_factory=dict)
    df: list[int] = field(default_factory=list)
    docs: int = 0

    def count(self, counts: Counter[str]) -> None:
        """Add one article's terms to the document frequencies."""
        self.docs += 1
        for term in counts:
            col = self.columns.get(term)
            if col is None:
                self.columns[term] = len(self.df)
                self.df.append(1)
            else:
                self.df[col] += 1

    def vector(self, counts: Counter[str]) -> SparseVector:
        """The article's TF-IDF vector under the current frequencies (its terms must be counted)."""
        cols = sorted((self.columns[t], n) for t, n in counts.items())
        weights = np.array(
            [(1.0 + math.log(n)) * (math.log((1 + self.docs) / (1 + self.df[c])) + 1.0) for c, n in cols],
            dtype=np.float64,
        )
        norm = float(np.sqrt((weights * weights).sum()))
        if norm > 0:
            weights /= norm
        return SparseVector(np.array([c for c, _ in cols], dtype=np.int32), weights.astype(np.float32))
