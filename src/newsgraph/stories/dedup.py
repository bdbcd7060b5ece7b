"""Near-duplicate bodies: syndicated wire copy and republished articles.

MinHash over word shingles estimates the Jaccard similarity of two bodies' shingle sets, and LSH
finds the candidates without comparing every pair, so a new article is checked against all earlier
ones in constant time. An outlet that reruns a wire story trims a paragraph, adds a credit line or
a headline of its own: the sets stay close, which exact hashing would miss.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np

from newsgraph.clean.metadata.gazetteer import load_gazetteer

if TYPE_CHECKING:
    from datasketch import MinHash

__all__ = ["DuplicateFinder", "names_wire", "signature"]

_TOKEN = re.compile(r"\w+")
_SEED = 1
# The hash scheme is part of a saved signature: values from another scheme do not compare.
_SCHEME = "affine32"

# How copy credits a wire agency in its dateline ("LONDON (Reuters) -", "BEIJING, March 20
# (Xinhua) --"), for records that come without the extract stage's `wire` field filled. The
# name in brackets is checked against the cleaner's agency list, so both stages know the same agencies.
_DATELINE = re.compile(r"\(([^()\n]{1,40})\)\s*(?:-|--|—|–|:)")
_DATELINE_REACH = 80


def names_wire(record: dict[str, Any]) -> bool:
    """Whether the copy credits a wire agency: the extract stage's `wire` field or a wire dateline."""
    if record.get("wire"):
        return True
    head = (record.get("text") or "").lstrip()[: _DATELINE_REACH + 50].split("\n", 1)[0]
    gazetteer = load_gazetteer()
    return any(m.start() <= _DATELINE_REACH and gazetteer.wire(m[1]) for m in _DATELINE.finditer(head))


def _shingles(text: str, size: int) -> list[bytes]:
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) <= size:
        return [" ".join(tokens).encode()] if tokens else []
    return [" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)]


def _sketch(num_perm: int, hashvalues: np.ndarray | None = None) -> MinHash:
    """A MinHash of our seed and scheme. datasketch is imported on first use: it pulls in SciPy's
    integrate and optimize, most of a second that `import newsgraph` should not pay."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME, hashvalues=hashvalues)


def signature(text: str, size: int, num_perm: int) -> np.ndarray | None:
    """The MinHash signature of a body's word shingles; None for a body without words."""
    shingles = _shingles(text, size)
    if not shingles:
        return None
    sketch = _sketch(num_perm)
    sketch.update_batch(shingles)
    return np.asarray(sketch.hashvalues, dtype=np.uint32)


class DuplicateFinder:
    """The signatures seen so far, in arrival order, and an LSH index over them.

    `originals[key]` is the first copy of the text `key` repeats (itself when it is the first),
    so every copy of a text points to one article however many reruns follow.
    """

    def __init__(self, threshold: float, num_perm: int) -> None:
        from datasketch import MinHashLSH  # on first use, as in `_sketch`

        self.threshold = threshold
        self.num_perm = num_perm
        self.signatures: dict[str, np.ndarray] = {}
        self.originals: dict[str, str] = {}
        self.order: dict[str, int] = {}
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)

    def add(self, key: str, sig: np.ndarray | None) -> str | None:
        """Record an article; the id of the earliest earlier copy of its text, or None."""
        if sig is None or key in self.signatures:
            return None
        sketch = _sketch(self.num_perm, sig)
        found = [k for k in self._lsh.query(sketch) if self._jaccard(sig, self.signatures[k]) >= self.threshold]
        original = min((self.originals[k] for k in found), key=self.order.__getitem__, default=None)
        self.order[key] = len(self.order)
        self.signatures[key] = sig
        self.originals[key] = original or key
        self._lsh.insert(key, sketch)
        return original

    @staticmethod
    def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
        return float(np.mean(a == b))

    def to_json(self) -> dict[str, Any]:
        """A JSON-safe form: signatures as base64 of little-endian uint32, in arrival order."""
        keys = sorted(self.order, key=self.order.__getitem__)
        return {
            "threshold": self.threshold,
            "num_perm": self.num_perm,
            "items": [[k, self.originals[k], base64.b64encode(self.signatures[k].astype("<u4").tobytes()).decode()]
                      for k in keys],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DuplicateFinder:
        finder = cls(float(data["threshold"]), int(data["num_perm"]))
        finder._restore((k, o, np.frombuffer(base64.b64decode(s), dtype="<u4").astype(np.uint32))
                        for k, o, s in data["items"])
        return finder

    def _restore(self, items: Iterable[tuple[str, str, np.ndarray]]) -> None:
        with self._lsh.insertion_session() as session:
            for key, original, sig in items:
                self.order[key] = len(self.order)
                self.signatures[key] = sig
                self.originals[key] = original
                session.insert(key, _sketch(self.num_perm, sig))
