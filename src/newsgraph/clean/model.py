"""The line model: boosted trees, then a logistic layer, over line features, shipped as JSON.

Layer one scores each line from its own features, its neighbours' and page-level cues
(repeats, likeness to the page title) with shallow boosted trees (`trees.Forest`), which
learn interactions a linear score cannot: a short line is body inside a list and
furniture in a menu. Layer two rescores each line logistically from the layer-one scores
around it, which learns that body lines come in runs and furniture in others. Both were
fitted on the extraction dev split by `bench/train_cleaner.py` and load offline in
microseconds with numpy alone.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from newsgraph.clean.lines import FEATURE_NAMES, Line, LineTable, line_table
from newsgraph.clean.rules import RULE_NAMES, match_rules
from newsgraph.clean.trees import Forest

__all__ = [
    "LineModel",
    "PageFeatures",
    "PageScores",
    "headline_index",
    "jaccard",
    "load_model",
    "page_features",
    "rescoring_features",
]

_WORD = re.compile(r"\w+")
_NEIGHBOURS = (-2, -1, 1, 2)
_NEIGHBOUR_KEYS = ("log_tokens", "terminal", "stopword_rate", "short")
_WINDOW = 5


def _title_tokens(title_hint: str | None) -> set[str]:
    if not title_hint:
        return set()
    return set(_WORD.findall(title_hint.lower()))


def jaccard(words: set[str], title_words: set[str]) -> float:
    """Jaccard likeness of a line's words to the page title's words (0 when either is empty)."""
    shared = len(words & title_words)
    return shared / (len(words) + len(title_words) - shared) if shared else 0.0


def _title_likeness(table: LineTable, n: int, title_words: set[str]) -> np.ndarray:
    """`jaccard` of each line's lower-cased word set with the title's, for all lines at once.

    Tokens become (line, word) pairs coded as integers; their distinct values give each
    line's distinct words, and those in the title the shared ones.
    """
    size = len(table.words)
    if not title_words or not size:
        return np.zeros(n)
    pairs = _distinct(table.token_lines * size + table.word_ids)
    pair_lines = pairs // size
    distinct = np.bincount(pair_lines, minlength=n)
    in_title = np.fromiter(map(title_words.__contains__, table.words), dtype=bool, count=size)
    shared = np.bincount(pair_lines, weights=in_title[pairs % size], minlength=n)
    return _ratio_where(shared, distinct + len(title_words) - shared)


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted: `np.unique`, which hashes first and cost ten times more on a page."""
    ordered = np.sort(values)
    first = np.ones(len(ordered), dtype=bool)
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return ordered[first]


def _ratio_where(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    """part / whole where part is not 0, else 0."""
    return np.divide(part, whole, out=np.zeros(len(part)), where=part > 0)


def headline_index(likeness: Sequence[float] | np.ndarray) -> int:
    """The in-page headline: the best title match after line 0 (the <title>), or -1.

    Of equal matches the first wins.
    """
    if len(likeness) < 2:
        return -1
    head = int(np.argmax(likeness[1:])) + 1
    return head if likeness[head] >= 0.5 else -1


@dataclass(frozen=True, slots=True)
class PageFeatures:
    """Layer-one features of a page: the matrix (a row per line), each line's rule, the headline line."""

    matrix: np.ndarray
    rules: list[str | None]
    headline: int


@dataclass(frozen=True, slots=True)
class PageScores:
    """What the model says about a page: each line's body probability, rule, and the headline line."""

    scores: list[float]
    rules: list[str | None]
    headline: int


def page_features(lines: list[Line], title_hint: str | None = None) -> PageFeatures:
    """Layer-one feature matrix (one row per line), each line's rule, and the in-page headline.

    `title_hint` is the page's own title when known (the first line of a browser dump is
    usually the HTML <title>); lines after the line that repeats it are more likely body.
    Context columns are built with numpy over the whole page: a page has hundreds of lines
    and a Python loop per line and column would cost more than the line features themselves.
    """
    n = len(lines)
    table = line_table(lines)
    base = table.features
    rules = match_rules([ln.text for ln in lines], table.lowered)
    likeness = _title_likeness(table, n, _title_tokens(title_hint))
    chars = [ln.end - ln.start for ln in lines]
    idx = np.arange(n)

    rule_ids = np.array([_RULE_INDEX.get(rule, -1) for rule in rules])
    one_hot = (rule_ids[:, None] == np.arange(len(RULE_NAMES))[None, :]).astype(float)
    flagged = (rule_ids >= 0).astype(float)

    keyed = np.column_stack([base[:, _KEY_COLUMNS], flagged])
    neighbours = [_shifted(keyed, off) for off in _NEIGHBOURS]

    lo, hi = np.maximum(idx - _WINDOW, 0), np.minimum(idx + _WINDOW + 1, n)
    prefix = _prefix(base[:, _MEAN_COLUMNS])
    means = (prefix[hi] - prefix[lo]) / (hi - lo)[:, None]

    counts = Counter(ln.text for ln in lines)
    repeated = np.array([1.0 if counts[ln.text] > 1 else 0.0 for ln in lines])
    head = headline_index(likeness)
    after_head = np.zeros(n) if head < 0 else np.where(idx > head, 1.0, -1.0)

    # Where the line stands with respect to the page's prose.
    lengths = np.array(chars, dtype=float)
    rel_length = np.log(lengths / max(lengths.max(initial=1.0), 1.0) + 1e-3)
    # Prose: a line that reads as a sentence of running text, long and ending like one.
    terminal = base[:, _I_TERMINAL] > 0
    long_enough = (lengths >= 80) | _split_words_at_least(lines, terminal & (lengths < 80), 15)
    prose = (terminal & long_enough).astype(float)
    p_prefix = _prefix(prose)
    density = []
    for w in (3, 10):
        lo, hi = np.maximum(idx - w, 0), np.minimum(idx + w + 1, n)
        density.append((p_prefix[hi] - p_prefix[lo] - prose) / (2 * w))
    above = p_prefix[idx] - p_prefix[np.maximum(idx - 6, 0)] > 0
    below = p_prefix[np.minimum(idx + 7, n)] - p_prefix[idx + 1] > 0
    sandwiched = (above & below).astype(float)
    clusters = np.array(_prose_cluster(prose.astype(int).tolist()))

    matrix = np.column_stack(
        [base, one_hot, *neighbours, means, repeated, likeness, after_head, rel_length, *density, sandwiched, clusters]
    )
    return PageFeatures(matrix, rules, head)


_RULE_INDEX = {name: i for i, name in enumerate(RULE_NAMES)}
_KEY_COLUMNS = [FEATURE_NAMES.index(k) for k in _NEIGHBOUR_KEYS]
_MEAN_COLUMNS = [FEATURE_NAMES.index(k) for k in ("log_tokens", "terminal", "stopword_rate")]
_I_TERMINAL = FEATURE_NAMES.index("terminal")


def _prefix(values: np.ndarray) -> np.ndarray:
    """Prefix sums with a leading zero row: windowed sums in O(1) per line."""
    return np.concatenate([np.zeros((1, *values.shape[1:])), np.cumsum(values, axis=0)])


def _shifted(values: np.ndarray, offset: int) -> np.ndarray:
    """Row i holds row i + offset of `values`, zeros past either end of the page."""
    out = np.zeros_like(values)
    n = len(values)
    if offset > 0 and offset < n:
        out[: n - offset] = values[offset:]
    elif offset < 0 and -offset < n:
        out[-offset:] = values[: n + offset]
    return out


def _split_words_at_least(lines: list[Line], maybe: np.ndarray, k: int) -> np.ndarray:
    """For lines flagged `maybe`, whether they have `k` or more whitespace-separated words."""
    out = np.zeros(len(lines), dtype=bool)
    for i in np.flatnonzero(maybe).tolist():
        out[i] = len(lines[i].text.split()) >= k
    return out


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


def _core(scores: np.ndarray, chars: np.ndarray) -> tuple[int, int]:
    """The run of lines with the largest length-weighted excess score over 0.5.

    Article bodies are one run of lines on a page; this finds the run's heart (Kadane's
    maximum-sum subarray) so that headings and list items inside it can be told from
    the same kind of line in a menu far away.
    """
    best, best_span = float("-inf"), (0, -1)
    acc, start = 0.0, 0
    for i, gain in enumerate(((scores - 0.5) * chars).tolist()):
        if acc <= 0:
            acc, start = gain, i
        else:
            acc += gain
        if acc > best:
            best, best_span = acc, (start, i)
    return best_span


def rescoring_features(scores: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Layer-two features: a line's own score, the scores around it, and the body run."""
    scores = np.asarray(scores, dtype=float)
    rows = np.asarray(rows, dtype=float)
    n = len(scores)
    idx = np.arange(n)
    prefix = _prefix(scores)
    total = prefix[n]
    columns = [np.ones(n), scores, rows[:, 1], rows[:, 3]]
    for w in _RESCORE_WINDOWS:
        lo, hi = np.maximum(idx - w, 0), np.minimum(idx + w + 1, n)
        columns.append((prefix[hi] - prefix[lo] - scores) / np.maximum(hi - lo - 1, 1))
    for k in _SANDWICH:
        padded = np.concatenate([np.zeros(k), scores, np.zeros(k)])
        windows = np.lib.stride_tricks.sliding_window_view(padded, k)
        left, right = windows[:n].max(axis=1), windows[k + 1 : k + 1 + n].max(axis=1)
        columns.append(np.minimum(left, right))
    with np.errstate(divide="ignore", invalid="ignore"):
        columns.append(np.where(idx > 0, prefix[idx] / np.maximum(idx, 1), 0.0))
        columns.append(np.where(idx < n - 1, (total - prefix[idx + 1]) / np.maximum(n - idx - 1, 1), 0.0))
    lo_core, hi_core = _core(scores, rows[:, 2])
    inside = (idx >= lo_core) & (idx <= hi_core)
    columns.append(inside.astype(float))
    distance = np.minimum(np.abs(idx - lo_core), np.abs(idx - hi_core)) / max(n, 1)
    columns.append(np.where(inside, 0.0, distance))
    return np.column_stack(columns)


def _apply(weights: tuple[float, ...], rows: np.ndarray) -> np.ndarray:
    """Logistic scores; beyond |z| = 30 the answer is 0 or 1 without overflow."""
    z = rows @ np.asarray(weights)
    return np.where(z < -30, 0.0, np.where(z > 30, 1.0, 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))))


@dataclass(frozen=True, slots=True)
class LineModel:
    """Both layers; `score` gives each line its probability of being body."""

    layer1: Forest
    layer2: tuple[float, ...]
    trained_on: str

    def score(self, lines: list[Line], title_hint: str | None = None) -> PageScores:
        if not lines:
            return PageScores([], [], -1)
        features = page_features(lines, title_hint)
        first = self.layer1.probability(features.matrix)
        second = _apply(self.layer2, rescoring_features(first, features.matrix))
        return PageScores(second.tolist(), features.rules, features.headline)


@cache
def load_model() -> LineModel:
    """The shipped model, read once per process from package data."""
    data = json.loads(resources.files("newsgraph.clean").joinpath("data/line_model.json").read_text("utf-8"))
    return LineModel(Forest.from_json(data["layer1"]), tuple(data["layer2"]), data["trained_on"])
