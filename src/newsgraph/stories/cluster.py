"""Average-link agglomeration over a sparse similarity graph, with clusters that may not merge.

Average link (UPGMA) is what the ECB+ baseline uses and it holds up better than single link
(chains of near topics) or complete link (one odd report splits a story). On a graph it needs no
distance matrix: the link of two clusters is the sum of the edge similarities between them over
the product of their sizes, and merging adds the sums, so memory follows the edges, not n².
Pairs without an edge count as similarity 0.

`frozen` nodes are clusters from earlier runs: new articles may join them, but two of them never
merge, so a story id once given keeps its meaning (incremental assignment). A `separator` may
refuse a merge whatever the link (`central.py`: clusters about different people); the pair can
still meet again once either side has grown.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from typing import Protocol

__all__ = ["Separator", "average_link"]


class Separator(Protocol):
    """What keeps two clusters apart whatever their link; told of every merge to stay current."""

    def apart(self, a: int, b: int) -> bool: ...

    def merge(self, keep: int, gone: int) -> None: ...


def average_link(
    sizes: list[int],
    edges: dict[tuple[int, int], float],
    threshold: float,
    frozen: frozenset[int] = frozenset(),
    separator: Separator | None = None,
) -> list[int]:
    """For each node, the node that represents its cluster once no link reaches `threshold`.

    `edges[(a, b)]` with a < b is the sum of similarities between the members of a and b. A cluster
    that contains a frozen node is represented by it.
    """
    size = list(sizes)
    links: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), total in edges.items():
        if a != b:
            links[a][b] = links[a].get(b, 0.0) + total
            links[b][a] = links[b].get(a, 0.0) + total
    is_frozen = [i in frozen for i in range(len(size))]
    heap = [(-total / (size[a] * size[b]), a, b) for a, nbrs in links.items() for b, total in nbrs.items() if a < b]
    heapq.heapify(heap)
    parent = list(range(len(size)))
    alive = [True] * len(size)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if -neg < threshold:
            break
        if not (alive[a] and alive[b]) or b not in links[a] or links[a][b] / (size[a] * size[b]) != -neg:
            continue  # stale entry: one side merged since it was pushed
        if (is_frozen[a] and is_frozen[b]) or (separator is not None and separator.apart(a, b)):
            continue
        keep, gone = (b, a) if is_frozen[b] else (a, b)
        if separator is not None:
            separator.merge(keep, gone)
        _merge(links, size, keep, gone)
        parent[gone] = keep
        alive[gone] = False
        for other, total in links[keep].items():
            heapq.heappush(heap, (-total / (size[keep] * size[other]), min(keep, other), max(keep, other)))
    return [_root(parent, i) for i in range(len(size))]


def _merge(links: dict[int, dict[int, float]], size: list[int], keep: int, gone: int) -> None:
    for other, total in links.pop(gone).items():
        del links[other][gone]
        if other != keep:
            links[keep][other] = links[keep].get(other, 0.0) + total
            links[other][keep] = links[keep][other]
    links[keep].pop(gone, None)
    size[keep] += size[gone]


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i
