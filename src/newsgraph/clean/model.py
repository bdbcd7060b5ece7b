"""The line model: two logistic layers over line features, weights shipped as JSON.

Layer one scores each line from its own features, its neighbours' and page-level cues
(repeats, likeness to the page title). Layer two rescores each line from the layer-one
scores around it, which learns that body lines come in runs and furniture in others.
Logistic weights are tiny, load offline in microseconds and need no numerical library;
they were fitted on the extraction dev split by `bench/train_cleaner.py`.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from operator import mul

from newsgraph.clean.lines import FEATURE_NAMES, Line, line_features
from newsgraph.clean.rules import RULE_NAMES, match_rule

__all__ = [
    "LineModel",
    "headline_index",
    "load_model",
    "page_features",
    "rescoring_features",
    "title_likeness",
]

_WORD = re.compile(r"\w+")
_NEIGHBOURS = (-2, -1, 1, 2)
_NEIGHBOUR_KEYS = ("log_tokens", "terminal", "stopword_rate", "short")
_WINDOW = 5


def _title_tokens(title_hint: str | None) -> set[str]:
    if not title_hint:
        return set()
    return {w.lower() for w in _WORD.findall(title_hint)}


def title_likeness(lines: list[Line], title_hint: str | None) -> list[float]:
    """Jaccard likeness of each line's words to the page title's words."""
    title_words = _title_tokens(title_hint)
    out = []
    for ln in lines:
        words = {w.lower() for w in _WORD.findall(ln.text)}
        out.append(len(words & title_words) / len(words | title_words) if words and title_words else 0.0)
    return out


def headline_index(likeness: list[float]) -> int:
    """The in-page headline: the best title match after line 0 (the <title>), or -1."""
    head = max(range(1, len(likeness)), key=lambda i: likeness[i], default=-1)
    return head if head >= 0 and likeness[head] >= 0.5 else -1


def page_features(lines: list[Line], title_hint: str | None = None) -> tuple[list[list[float]], list[str | None]]:
    """Layer-one feature vectors of every line, and the rule each line matched.

    `title_hint` is the page's own title when known (the first line of a browser dump is
    usually the HTML <title>); lines after the line that repeats it are more likely body.
    """
    n = len(lines)
    base = [line_features(ln.text, ln.index, n, ln.gap_before) for ln in lines]
    rules = [match_rule(ln.text) for ln in lines]
    counts = Counter(ln.text for ln in lines)
    key_index = [FEATURE_NAMES.index(k) for k in _NEIGHBOUR_KEYS]
    i_tokens, i_terminal, i_stop = (FEATURE_NAMES.index(k) for k in ("log_tokens", "terminal", "stopword_rate"))

    likeness = title_likeness(lines, title_hint)
    head = headline_index(likeness)

    # Prefix sums make the windowed means O(1) per line.
    prefix = [[0.0] * (n + 1) for _ in range(3)]
    for j, col in enumerate((i_tokens, i_terminal, i_stop)):
        acc = prefix[j]
        for i in range(n):
            acc[i + 1] = acc[i] + base[i][col]

    prose = _prose_flags(lines, base)
    clusters = _prose_cluster(prose)
    p_prefix = [0]
    for flag in prose:
        p_prefix.append(p_prefix[-1] + flag)
    longest = max((ln.end - ln.start for ln in lines), default=1)

    rows = []
    for i in range(n):
        row = list(base[i])
        row.extend(1.0 if rules[i] == name else 0.0 for name in RULE_NAMES)
        for off in _NEIGHBOURS:
            j = i + off
            if 0 <= j < n:
                row.extend(base[j][k] for k in key_index)
                row.append(1.0 if rules[j] else 0.0)
            else:
                row.extend((0.0,) * (len(key_index) + 1))
        lo, hi = max(0, i - _WINDOW), min(n, i + _WINDOW + 1)
        row.extend((prefix[j][hi] - prefix[j][lo]) / (hi - lo) for j in range(3))
        row.append(1.0 if counts[lines[i].text] > 1 else 0.0)
        row.append(likeness[i])
        row.append(0.0 if head < 0 else (1.0 if i > head else -1.0))
        # Where the line stands with respect to the page's prose.
        row.append(math.log((lines[i].end - lines[i].start) / longest + 1e-3))
        for w in (3, 10):
            lo, hi = max(0, i - w), min(n, i + w + 1)
            row.append((p_prefix[hi] - p_prefix[lo] - prose[i]) / (2 * w))
        above = p_prefix[i] - p_prefix[max(0, i - 6)] > 0
        below = p_prefix[min(n, i + 7)] - p_prefix[i + 1] > 0
        row.append(1.0 if above and below else 0.0)
        row.append(clusters[i])
        rows.append(row)
    return rows, rules


def _prose_flags(lines: list[Line], base: list[list[float]]) -> list[int]:
    """1 for a line that reads as a sentence of running text: long and ending like one."""
    i_terminal = FEATURE_NAMES.index("terminal")
    return [
        1 if base[i][i_terminal] and (ln.end - ln.start >= 80 or len(ln.text.split()) >= 15) else 0
        for i, ln in enumerate(lines)
    ]


def _prose_cluster(prose: list[int], max_gap: int = 8) -> list[float]:
    """1 for lines inside the largest cluster of prose lines, 0.5 in other clusters, else 0.

    Prose lines at most `max_gap` lines apart form a cluster; the one with most prose is
    most often the article, the others are teasers, comments or legal text.
    """
    spans: list[list[int]] = []
    for i, flag in enumerate(prose):
        if not flag:
            continue
        if spans and i - spans[-1][1] <= max_gap:
            spans[-1][1] = i
            spans[-1][2] += 1
        else:
            spans.append([i, i, 1])
    out = [0.0] * len(prose)
    if not spans:
        return out
    best = max(spans, key=lambda sp: sp[2])
    for lo, hi, _count in spans:
        value = 1.0 if (lo, hi) == (best[0], best[1]) else 0.5
        for i in range(lo, hi + 1):
            out[i] = value
    return out


_RESCORE_WINDOWS = (1, 3, 10)
_SANDWICH = (2, 5, 15)


def _core(scores: list[float], rows: list[list[float]]) -> tuple[int, int]:
    """The run of lines with the largest length-weighted excess score over 0.5.

    Article bodies are one run of lines on a page; this finds the run's heart (Kadane's
    maximum-sum subarray) so that headings and list items inside it can be told from
    the same kind of line in a menu far away.
    """
    best, best_span = float("-inf"), (0, -1)
    acc, start = 0.0, 0
    for i, s in enumerate(scores):
        gain = (s - 0.5) * rows[i][2]
        if acc <= 0:
            acc, start = gain, i
        else:
            acc += gain
        if acc > best:
            best, best_span = acc, (start, i)
    return best_span


def rescoring_features(scores: list[float], rows: list[list[float]]) -> list[list[float]]:
    """Layer-two features: a line's own score, the scores around it, and the body run."""
    n = len(scores)
    prefix = [0.0] * (n + 1)
    for i, s in enumerate(scores):
        prefix[i + 1] = prefix[i] + s
    total = prefix[n]
    lo_core, hi_core = _core(scores, rows)
    span = max(n, 1)
    out = []
    for i in range(n):
        row = [1.0, scores[i], rows[i][1], rows[i][3]]
        for w in _RESCORE_WINDOWS:
            lo, hi = max(0, i - w), min(n, i + w + 1)
            row.append((prefix[hi] - prefix[lo] - scores[i]) / max(hi - lo - 1, 1))
        for k in _SANDWICH:
            left = max(scores[max(0, i - k) : i], default=0.0)
            right = max(scores[i + 1 : i + k + 1], default=0.0)
            row.append(min(left, right))
        before = prefix[i] / i if i else 0.0
        after = (total - prefix[i + 1]) / (n - i - 1) if i < n - 1 else 0.0
        row.extend((before, after))
        inside = lo_core <= i <= hi_core
        row.append(1.0 if inside else 0.0)
        row.append(0.0 if inside else min(abs(i - lo_core), abs(i - hi_core)) / span)
        out.append(row)
    return out


def _sigmoid(z: float) -> float:
    if z < -30:
        return 0.0
    if z > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def _apply(weights: list[float], rows: list[list[float]]) -> list[float]:
    return [_sigmoid(sum(map(mul, weights, row))) for row in rows]


@dataclass(frozen=True, slots=True)
class LineModel:
    """Weights of both layers; `score` gives each line its probability of being body."""

    layer1: tuple[float, ...]
    layer2: tuple[float, ...]
    trained_on: str

    def score(self, lines: list[Line], title_hint: str | None = None) -> tuple[list[float], list[str | None]]:
        if not lines:
            return [], []
        rows, rules = page_features(lines, title_hint)
        first = _apply(list(self.layer1), rows)
        second = _apply(list(self.layer2), rescoring_features(first, rows))
        return second, rules


@cache
def load_model() -> LineModel:
    """The shipped model, read once per process from package data."""
    data = json.loads(resources.files("newsgraph.clean").joinpath("data/line_model.json").read_text("utf-8"))
    return LineModel(tuple(data["layer1"]), tuple(data["layer2"]), data["trained_on"])
