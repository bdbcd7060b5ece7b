"""Boosted decision trees evaluated with numpy: the first layer of the line model.

A line's body-likeness is not linear in its features: a short line is body inside a list
and furniture in a menu, a date is a byline above the headline and a fact in the text.
Shallow boosted trees learn such interactions. `bench/train_cleaner.py` fits them with
scikit-learn and writes them as complete binary trees of one depth in heap order, so the
package loads them offline without scikit-learn and scores a whole page with array
operations: the page's lines are a few hundred rows, and a Python walk per line and tree
would cost more than all the rest of the cleaner.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Forest"]


@dataclass(frozen=True, slots=True)
class Forest:
    """Complete trees of depth `depth` in heap order (node k has children 2k+1 and 2k+2).

    An internal node sends a row left when its feature value is at most its threshold; a
    node the fit did not split sends every row left. The trees' (feature, threshold) tests
    repeat a lot, since the fit picks thresholds among binned values, so each distinct test
    is stored once: `tests[t, k]` indexes `test_features` and `test_thresholds`, and the
    index one past their end is the always-left test. `leaves` is (trees, 2**depth), left
    to right. The raw score is `baseline` plus the leaves reached, in log-odds.
    """

    test_features: np.ndarray
    test_thresholds: np.ndarray
    tests: np.ndarray
    leaves: np.ndarray
    depth: int
    baseline: float

    @classmethod
    def from_json(cls, data: dict) -> Forest:
        """Read the layout `bench/train_cleaner.py` writes: per tree, node features and thresholds
        (None for an unsplit node) and leaf values."""
        distinct: dict[tuple[int, float], int] = {}
        rows = []
        for features, thresholds in zip(data["features"], data["thresholds"], strict=True):
            rows.append([
                -1 if threshold is None else distinct.setdefault((feature, threshold), len(distinct))
                for feature, threshold in zip(features, thresholds, strict=True)
            ])
        tests = np.array(rows, dtype=np.intp)
        tests[tests < 0] = len(distinct)
        return cls(
            np.array([feature for feature, _ in distinct], dtype=np.intp),
            np.array([threshold for _, threshold in distinct], dtype=float),
            tests,
            np.array(data["leaves"], dtype=float),
            int(data["depth"]),
            float(data["baseline"]),
        )

    def raw(self, rows: np.ndarray) -> np.ndarray:
        """The boosted score (log-odds of body) of each row of `rows`."""
        n_rows = len(rows)
        n_trees = len(self.tests)
        outcomes = np.empty((len(self.test_features) + 1, n_rows), dtype=bool)
        outcomes[:-1] = np.ascontiguousarray(rows.T)[self.test_features] <= self.test_thresholds[:, None]
        outcomes[-1] = True
        left = outcomes[self.tests.T]  # (node, tree, row)
        # Walk all trees and rows level by level with boolean masks, which numpy runs far
        # faster than gathers: `reach[k]` says which (tree, row) pairs arrive at node k, and
        # the leaf code gains one bit per level, 1 for a step right.
        reach = {0: np.ones((n_trees, n_rows), dtype=bool)}
        code = np.zeros((n_trees, n_rows), dtype=np.uint8)
        for level in range(self.depth):
            went_left = np.zeros((n_trees, n_rows), dtype=bool)
            for k in range(2**level - 1, 2 ** (level + 1) - 1):
                arrive = reach.pop(k)
                here = arrive & left[k]
                went_left |= here
                if level + 1 < self.depth:
                    reach[2 * k + 1] = here
                    reach[2 * k + 2] = arrive & ~left[k]
            np.left_shift(code, 1, out=code)
            code |= ~went_left
        return self.baseline + self.leaves.ravel().take(code + self._leaf_offsets).sum(axis=0)

    @property
    def _leaf_offsets(self) -> np.ndarray:
        """Where each tree's leaves start in the flattened `leaves`, as a column."""
        return (np.arange(len(self.leaves), dtype=np.int32) * self.leaves.shape[1])[:, None]

    def probability(self, rows: np.ndarray) -> np.ndarray:
        """Probability of body for each row."""
        return 1.0 / (1.0 + np.exp(-np.clip(self.raw(rows), -30.0, 30.0)))
