"""Shared fixtures: where the seeds, the demo corpus and the benchmark data are."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
DEMO = REPO / "demo" / "corpus"

_TOKEN = re.compile(r"\w+")


def token_f1(pred: str, gold: str) -> float:
    """Bag-of-tokens F1, the measure the issue sets for seed bodies."""
    from collections import Counter

    p, g = Counter(_TOKEN.findall(pred)), Counter(_TOKEN.findall(gold))
    tp = sum((p & g).values())
    if not tp:
        return 0.0
    precision, recall = tp / sum(p.values()), tp / sum(g.values())
    return 2 * precision * recall / (precision + recall)


@pytest.fixture(scope="session")
def nlp():
    """The project's spaCy pipeline, loaded once for all annotator tests."""
    from newsgraph.annotate.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    if not (SEEDS / "gold.json").exists():
        pytest.skip("../shared/seeds is not next to the repository")
    return json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def demo_expected() -> dict:
    return json.loads((DEMO.parent / "expected.json").read_text(encoding="utf-8"))
