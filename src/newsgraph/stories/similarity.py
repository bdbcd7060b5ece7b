"""Edges of the article graph: each new article to its nearest articles, old and new.

The similarity of two articles is the weighted mean of their channel cosines over the channels
both have (see `StoryConfig`); articles dated too far apart get no edge (`window_days`). Rows
are computed a block at a time and only the `neighbours` strongest edges of each row are kept,
so time and memory grow with the articles, not their square.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from newsgraph.stories.config import StoryConfig
from newsgraph.stories.features import CHANNELS
from newsgraph.stories.vectors import SparseVector

__all__ = ["channel_weights", "nearest_edges"]


def channel_weights(config: StoryConfig) -> dict[str, float]:
    return {"words": 1.0, "entities": config.entity_weight, "time": config.time_weight, "events": config.event_weight}


def _matrix(vectors: Sequence[SparseVector], width: int) -> sparse.csr_matrix:
    indptr = np.zeros(len(vectors) + 1, dtype=np.int64)
    np.cumsum([v.index.size for v in vectors], out=indptr[1:])
    if indptr[-1] == 0:
        return sparse.csr_matrix((len(vectors), width), dtype=np.float32)
    indices = np.concatenate([v.index for v in vectors])
    data = np.concatenate([v.weight for v in vectors])
    return sparse.csr_matrix((data, indices, indptr), shape=(len(vectors), width))


def nearest_edges(
    vectors: dict[str, Sequence[SparseVector]],
    widths: dict[str, int],
    days: Sequence[int | None],
    rows: Sequence[int],
    config: StoryConfig,
) -> tuple[dict[tuple[int, int], float], dict[tuple[int, int], float], set[tuple[int, int]]]:
    """`{(a, b): similarity}` with a < b, for the strongest links of every article in `rows`; the
    same pairs' similarity without the time channel (what storylines are made from: two stories of
    one week share dates whether or not they have anything to do with each other); and the pairs
    dated too far apart to report one happening (`story_window_days`)."""
    weights = {c: w for c, w in channel_weights(config).items() if w > 0}
    mats = {c: _matrix(vectors[c], widths[c]) for c in CHANNELS if c in weights}
    has = {c: np.diff(m.indptr) > 0 for c, m in mats.items()}
    day = np.array([np.nan if d is None else float(d) for d in days])
    edges: dict[tuple[int, int], float] = {}
    related: dict[tuple[int, int], float] = {}
    far: set[tuple[int, int]] = set()
    rows = np.asarray(rows, dtype=np.int64)
    for start in range(0, len(rows), config.block_size):
        block = rows[start : start + config.block_size]
        num = np.zeros((len(block), len(day)))
        den = np.zeros_like(num)
        for c, m in mats.items():
            if c == "time":
                continue
            present = np.outer(has[c][block], has[c]) * weights[c]
            num += (m[block] @ m.T).toarray() * present
            den += present
        content = np.divide(num, den, out=np.zeros_like(num), where=den > 0)
        if "time" in mats:
            present = np.outer(has["time"][block], has["time"]) * weights["time"]
            num += (mats["time"][block] @ mats["time"].T).toarray() * present
            den += present
        sim = np.divide(num, den, out=np.zeros_like(num), where=den > 0)
        gap = np.abs(day[block][:, None] - day[None, :])
        if config.window_days is not None:
            sim[gap > config.window_days] = 0.0
        sim[np.arange(len(block)), block] = 0.0
        _keep_strongest(sim, content, gap, block, config, (edges, related, far))
    return edges, related, far


def _keep_strongest(
    sim: np.ndarray,
    content: np.ndarray,
    gap: np.ndarray,
    block: np.ndarray,
    config: StoryConfig,
    out: tuple[dict[tuple[int, int], float], dict[tuple[int, int], float], set[tuple[int, int]]],
) -> None:
    edges, related, far = out
    k = min(config.neighbours, sim.shape[1])
    top = np.argpartition(-sim, k - 1, axis=1)[:, :k]
    story_window = np.inf if config.story_window_days is None else config.story_window_days
    for r, (i, cols) in enumerate(zip(block.tolist(), top.tolist(), strict=True)):
        for j in cols:
            value = float(sim[r, j])
            if value >= config.min_similarity:
                pair = (min(i, j), max(i, j))
                edges[pair] = value
                related[pair] = float(content[r, j])
                if gap[r, j] > story_window:
                    far.add(pair)
