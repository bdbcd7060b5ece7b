"""The state that lets new articles join earlier stories: `StoryIndex`, saved as plain JSON.

It keeps, per article seen, its channel vectors, date, story and the persons it names (columns of
the entities vocabulary; an index saved before they were kept loads with none, so its stories are
never kept apart by person); per story its storyline; the document frequencies; and the MinHash
signatures. Nothing is pickled: a saved index is data any
version of the code (or another tool) can read, and loading it runs no code from the file.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from newsgraph.errors import InputError
from newsgraph.stories.dedup import DuplicateFinder
from newsgraph.stories.features import CHANNELS
from newsgraph.stories.vectors import SparseVector, Vocabulary

__all__ = ["FORMAT", "StoryIndex"]

FORMAT = "newsgraph-story-index/1"


@dataclass(slots=True)
class StoryIndex:
    """Articles assigned so far (in arrival order), their stories and storylines."""

    duplicates: DuplicateFinder
    vocab: dict[str, Vocabulary] = field(default_factory=lambda: {c: Vocabulary() for c in CHANNELS})
    ids: list[str] = field(default_factory=list)
    days: list[int | None] = field(default_factory=list)
    vectors: dict[str, list[SparseVector]] = field(default_factory=lambda: {c: [] for c in CHANNELS})
    story_of: list[str] = field(default_factory=list)
    persons: list[np.ndarray] = field(default_factory=list)
    storyline_of: dict[str, str] = field(default_factory=dict)
    position: dict[str, int] = field(default_factory=dict)

    @classmethod
    def empty(cls, dedup_threshold: float, num_perm: int) -> StoryIndex:
        return cls(DuplicateFinder(dedup_threshold, num_perm))

    def __len__(self) -> int:
        return len(self.ids)

    def add(
        self, key: str, vectors: dict[str, SparseVector], day: int | None, story: str, persons: np.ndarray
    ) -> None:
        self.position[key] = len(self.ids)
        self.ids.append(key)
        self.days.append(day)
        for c in CHANNELS:
            self.vectors[c].append(vectors[c])
        self.story_of.append(story)
        self.persons.append(persons)

    def story_sizes(self) -> Counter[str]:
        return Counter(self.story_of)

    def save(self, path: str | Path) -> None:
        """Write the index as JSON (gzip-compressed when the name ends in .gz)."""
        data = json.dumps(self.to_json(), separators=(",", ":"))
        if str(path).endswith(".gz"):
            with gzip.open(path, "wt", encoding="utf-8") as fh:
                fh.write(data)
        else:
            Path(path).write_text(data, encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> StoryIndex:
        """Read an index `save` wrote; an unreadable or foreign file is an `InputError`."""
        try:
            if str(path).endswith(".gz"):
                with gzip.open(path, "rt", encoding="utf-8") as fh:
                    data = json.load(fh)
            else:
                data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read story index {path}: {exc}") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InputError(f"{path} is not a story index ({FORMAT})")
        return cls.from_json(data)

    def to_json(self) -> dict[str, Any]:
        """The index as plain JSON data (`save` writes it; the SQLite store keeps it in a table)."""
        return {
            "format": FORMAT,
            "ids": self.ids,
            "days": self.days,
            "story_of": self.story_of,
            "persons": [p.tolist() for p in self.persons],
            "storyline_of": self.storyline_of,
            "vocab": {c: {"terms": list(v.columns), "df": v.df, "docs": v.docs} for c, v in self.vocab.items()},
            "vectors": {
                c: [[v.index.tolist(), np.round(v.weight, 5).tolist()] for v in vecs]
                for c, vecs in self.vectors.items()
            },
            "duplicates": self.duplicates.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StoryIndex:
        """The index `to_json` gave; the caller has checked its `format`."""
        vocab = {
            c: Vocabulary({t: i for i, t in enumerate(v["terms"])}, list(v["df"]), int(v["docs"]))
            for c, v in data["vocab"].items()
        }
        vectors = {
            c: [SparseVector(np.array(i, dtype=np.int32), np.array(w, dtype=np.float32)) for i, w in vecs]
            for c, vecs in data["vectors"].items()
        }
        ids = list(data["ids"])
        persons = data.get("persons") or [[] for _ in ids]
        return cls(
            duplicates=DuplicateFinder.from_json(data["duplicates"]),
            vocab=vocab,
            ids=ids,
            days=list(data["days"]),
            vectors=vectors,
            story_of=list(data["story_of"]),
            persons=[np.array(p, dtype=np.int32) for p in persons],
            storyline_of=dict(data["storyline_of"]),
            position={k: i for i, k in enumerate(ids)},
        )
