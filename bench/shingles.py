"""The extraction benchmark's metric: 4-token shingle precision, recall and F1.

As in ../shared/bench/extraction/README.md: word tokens (runs of Unicode word characters,
case kept), multisets of 4-token shingles, per-page precision over non-empty predictions,
per-page recall over all pages, F1 of the two means; accuracy is exact token-sequence match.
"""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text)
    if len(tokens) <= n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_scores(pred: str, gold: str) -> tuple[float | None, float]:
    """Precision (None for an empty prediction) and recall of one page."""
    p, g = shingles(pred), shingles(gold)
    tp = sum((p & g).values())
    precision = tp / sum(p.values()) if p else None
    recall = tp / sum(g.values()) if g else 1.0
    return precision, recall


def score_pages(preds: dict[str, str], golds: dict[str, str]) -> tuple[float, float, float, float]:
    """F1, precision, recall and accuracy over pages, as the benchmark defines them."""
    precisions, recalls, exact = [], [], 0
    for key, gold in golds.items():
        pred = preds.get(key, "")
        precision, recall = page_scores(pred, gold)
        if precision is not None:
            precisions.append(precision)
        recalls.append(recall)
        exact += _TOKEN.findall(pred) == _TOKEN.findall(gold)
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f1, p, r, exact / len(golds) if golds else 0.0
