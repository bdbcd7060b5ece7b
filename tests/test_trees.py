"""The line model's boosted trees: the numpy evaluation walks every tree as a plain loop would."""

from __future__ import annotations

import numpy as np
import pytest

from newsgraph.clean.model import load_model
from newsgraph.clean.trees import Forest


def _random_forest(rng: np.random.Generator, depth: int, n_trees: int, n_features: int) -> dict:
    inner = 2**depth - 1
    thresholds = rng.choice([-1.0, 0.0, 0.5, 1.0], size=(n_trees, inner)).tolist()
    for tree in thresholds:  # some nodes unsplit, as the fit leaves them
        for k in rng.choice(inner, size=inner // 3, replace=False):
            tree[k] = None
    return {
        "depth": depth,
        "baseline": float(rng.normal()),
        "features": rng.integers(0, n_features, size=(n_trees, inner)).tolist(),
        "thresholds": thresholds,
        "leaves": rng.normal(size=(n_trees, inner + 1)).round(3).tolist(),
    }


def _walk(data: dict, row: np.ndarray) -> float:
    """The definition: from the root, go left when the value is at most the threshold."""
    inner = 2 ** data["depth"] - 1
    total = data["baseline"]
    for features, thresholds, leaves in zip(data["features"], data["thresholds"], data["leaves"], strict=True):
        k = 0
        while k < inner:
            threshold = thresholds[k]
            k = 2 * k + 1 if threshold is None or row[features[k]] <= threshold else 2 * k + 2
        total += leaves[k - inner]
    return total


@pytest.mark.parametrize("depth", [1, 2, 3, 4])
def test_forest_scores_equal_a_plain_walk(depth):
    rng = np.random.default_rng(depth)
    data = _random_forest(rng, depth, n_trees=25, n_features=6)
    # Values on the thresholds themselves test the "at most" side of each split.
    rows = rng.choice([-2.0, -1.0, 0.0, 0.25, 0.5, 1.0, 3.0], size=(40, 6))
    got = Forest.from_json(data).raw(rows)
    assert np.allclose(got, [_walk(data, row) for row in rows])


def test_probability_is_the_logistic_of_the_raw_score():
    data = _random_forest(np.random.default_rng(7), 3, n_trees=5, n_features=3)
    forest = Forest.from_json(data)
    rows = np.random.default_rng(8).normal(size=(10, 3))
    assert np.allclose(forest.probability(rows), 1 / (1 + np.exp(-forest.raw(rows))))


def test_shared_tests_are_stored_once():
    data = {"depth": 1, "baseline": 0.0, "features": [[0], [0], [1]], "thresholds": [[0.5], [0.5], [None]],
            "leaves": [[1.0, -1.0], [2.0, -2.0], [4.0, -4.0]]}
    forest = Forest.from_json(data)
    assert forest.test_features.tolist() == [0]
    assert forest.raw(np.array([[0.0, 9.0], [1.0, 9.0]])).tolist() == [7.0, 1.0]


def test_shipped_model_loads_with_consistent_shapes():
    forest = load_model().layer1
    assert forest.tests.shape[1] == 2**forest.depth - 1
    assert forest.leaves.shape == (len(forest.tests), 2**forest.depth)
    assert forest.tests.max() <= len(forest.test_features)
