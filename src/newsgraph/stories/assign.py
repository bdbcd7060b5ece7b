"""`assign_stories`: duplicates, stories and storylines for a batch of article records.

The batch is clustered together with the stories already in the index, in two passes of average
link over one sparse graph: first articles into stories (`story_threshold`, and never two clusters
about different people: `central.py`), then new stories into storylines (`storyline_threshold`,
lower). Earlier stories and storylines take part as clusters
that new articles may join but that never merge with each other, so their ids stay valid; a run
costs the new articles' edges, not a re-clustering of everything seen.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from newsgraph.stories.central import ArticleNames, CentralPersons
from newsgraph.stories.cluster import average_link
from newsgraph.stories.config import StoryConfig
from newsgraph.stories.dedup import names_wire, signature
from newsgraph.stories.features import CHANNELS, article_features
from newsgraph.stories.index import StoryIndex
from newsgraph.stories.similarity import nearest_edges

__all__ = ["assign_stories"]

Record = dict[str, Any]


def assign_stories(
    records: Iterable[Record], index: StoryIndex | None = None, config: StoryConfig | None = None
) -> tuple[list[Record], StoryIndex]:
    """The records with `story`, `storyline`, `duplicate_of` and `wire_copy` added, and the updated index.

    Records come back in input order as new dicts; error records (`{"id", "error"}`) come back as
    they are. An id the index already holds keeps its assignment, so re-running a file is harmless.
    `index` is updated in place (a new one is made when None).
    """
    records = list(records)
    config = config or StoryConfig()
    if index is None:
        index = StoryIndex.empty(config.dedup_threshold, config.num_perm)
    new = _new_articles(records, index)
    _add_articles([records[i] for i in new], index, config)
    return [_annotated(rec, index) for rec in records], index


def _is_article(record: Any) -> bool:
    return isinstance(record, dict) and "error" not in record and isinstance(record.get("id"), str)


def _new_articles(records: list[Record], index: StoryIndex) -> list[int]:
    """Positions of the first record of every id the index does not hold yet."""
    seen: set[str] = set()
    out = []
    for i, rec in enumerate(records):
        if _is_article(rec) and rec["id"] not in index.position and rec["id"] not in seen:
            seen.add(rec["id"])
            out.append(i)
    return out


def _add_articles(batch: list[Record], index: StoryIndex, config: StoryConfig) -> None:
    if not batch:
        return
    feats = [article_features(rec) for rec in batch]
    for f in feats:
        for c in CHANNELS:
            index.vocab[c].count(f.channels[c])
    vecs = [{c: index.vocab[c].vector(f.channels[c]) for c in CHANNELS} for f in feats]
    columns = index.vocab["entities"].columns
    persons = [np.array(sorted(columns[p] for p in f.persons), dtype=np.int32) for f in feats]
    originals = [
        index.duplicates.add(rec["id"], signature(rec.get("text") or "", config.shingle, config.num_perm))
        for rec in batch
    ]
    old = len(index)
    edges, related, far = nearest_edges(
        {c: index.vectors[c] + [v[c] for v in vecs] for c in CHANNELS},
        {c: len(index.vocab[c].df) for c in CHANNELS},
        index.days + [f.day for f in feats],
        range(old, old + len(batch)),
        config,
    )
    story_edges = {pair: sim for pair, sim in edges.items() if pair not in far}
    names = [ArticleNames(p, v["entities"].index) for p, v in zip(persons, vecs, strict=True)]
    stories = _stories(batch, originals, story_edges, index, config, names)
    for rec, vec, f, story, own in zip(batch, vecs, feats, stories, persons, strict=True):
        index.add(rec["id"], vec, f.day, story, own)
    _storylines(old, related, index, config)


class _Nodes:
    """Cluster nodes made on demand: earlier clusters (frozen) by name, and new ones."""

    def __init__(self) -> None:
        self.sizes: list[int] = []
        self.frozen: set[int] = set()
        self.names: dict[int, str] = {}
        self._by_name: dict[str, int] = {}

    def old(self, name: str, size: int) -> int:
        node = self._by_name.get(name)
        if node is None:
            node = self._by_name[name] = self.new(size)
            self.frozen.add(node)
            self.names[node] = name
        return node

    def named(self, name: str) -> int | None:
        return self._by_name.get(name)

    def new(self, size: int) -> int:
        self.sizes.append(size)
        return len(self.sizes) - 1


def _link_sums(edges: dict[tuple[int, int], float], node_of: Callable[[int], int]) -> dict[tuple[int, int], float]:
    sums: dict[tuple[int, int], float] = defaultdict(float)
    for (a, b), sim in edges.items():
        na, nb = node_of(a), node_of(b)
        if na != nb:
            sums[(min(na, nb), max(na, nb))] += sim
    return sums


def _stories(
    batch: list[Record],
    originals: list[str | None],
    edges: dict[tuple[int, int], float],
    index: StoryIndex,
    config: StoryConfig,
    names: list[ArticleNames],
) -> list[str]:
    """The story of each new article; copies of one text start out as one node."""
    old = len(index)
    sizes = index.story_sizes()
    nodes = _Nodes()
    batch_pos = {rec["id"]: old + i for i, rec in enumerate(batch)}
    doc_node: dict[int, int] = {}
    for i, original in enumerate(originals):
        if original is None:
            doc_node[old + i] = nodes.new(1)
        elif original in index.position:
            story = index.story_of[index.position[original]]
            doc_node[old + i] = nodes.old(story, sizes[story])
        else:
            doc_node[old + i] = doc_node[batch_pos[original]]
            nodes.sizes[doc_node[old + i]] += 1

    def node_of(doc: int) -> int:
        if doc >= old:
            return doc_node[doc]
        story = index.story_of[doc]
        return nodes.old(story, sizes[story])

    sums = _link_sums(edges, node_of)
    separator = CentralPersons(_node_names(nodes, doc_node, old, names, index), config.central_support,
                               config.central_share)
    roots = average_link(nodes.sizes, sums, config.story_threshold, frozenset(nodes.frozen), separator)
    members = [(rec["id"], doc_node[old + i]) for i, rec in enumerate(batch)]
    return _cluster_ids("s-", members, roots, nodes, set(sizes))


def _node_names(
    nodes: _Nodes, doc_node: dict[int, int], old: int, names: list[ArticleNames], index: StoryIndex
) -> list[list[ArticleNames]]:
    """The names of every member of every node: new articles, and all members of earlier stories."""
    members: list[list[ArticleNames]] = [[] for _ in nodes.sizes]
    for doc, node in doc_node.items():
        members[node].append(names[doc - old])
    for doc, story in enumerate(index.story_of):
        node = nodes.named(story)
        if node is not None:
            members[node].append(ArticleNames(index.persons[doc], index.vectors["entities"][doc].index))
    return members


def _storylines(old: int, edges: dict[tuple[int, int], float], index: StoryIndex, config: StoryConfig) -> None:
    """Put every story made in this batch into a storyline, an earlier one or a new one."""
    new_stories = list(dict.fromkeys(s for s in index.story_of[old:] if s not in index.storyline_of))
    if not new_stories:
        return
    story_sizes = index.story_sizes()
    lines: dict[str, int] = defaultdict(int)
    for story, size in story_sizes.items():
        if story in index.storyline_of:
            lines[index.storyline_of[story]] += size
    nodes = _Nodes()
    story_node = {s: nodes.new(story_sizes[s]) for s in new_stories}

    def node_of(doc: int) -> int:
        story = index.story_of[doc]
        if story in story_node:
            return story_node[story]
        line = index.storyline_of[story]
        return nodes.old(line, lines[line])

    roots = average_link(nodes.sizes, _link_sums(edges, node_of), config.storyline_threshold, frozenset(nodes.frozen))
    lines_of = _cluster_ids("sl-", [(s, story_node[s]) for s in new_stories], roots, nodes, set(lines))
    index.storyline_of.update(zip(new_stories, lines_of, strict=True))


def _cluster_ids(
    prefix: str, members: list[tuple[str, int]], roots: list[int], nodes: _Nodes, taken: set[str]
) -> list[str]:
    """The id of each member's cluster, for `(member id, node)` pairs: an earlier cluster keeps its
    name, a new one is named after its first member here."""
    ids: dict[int, str] = {}
    out = []
    for key, node in members:
        root = roots[node]
        if root not in ids:
            ids[root] = nodes.names.get(root) or _fresh_id(prefix, key, taken)
        out.append(ids[root])
    return out


def _fresh_id(prefix: str, seed: str, taken: set[str]) -> str:
    """A short id hashed from the first member's id: the same input gives the same ids."""
    salt = 0
    while True:
        name = prefix + hashlib.sha1(f"{seed}#{salt}".encode()).hexdigest()[:10]
        if name not in taken:
            taken.add(name)
            return name
        salt += 1


def _annotated(record: Any, index: StoryIndex) -> Any:
    if not _is_article(record):
        return record
    key = record["id"]
    story = index.story_of[index.position[key]]
    original = index.duplicates.originals.get(key)
    return {
        **record,
        "story": story,
        "storyline": index.storyline_of[story],
        "duplicate_of": original if original and original != key else None,
        "wire_copy": names_wire(record),
    }
