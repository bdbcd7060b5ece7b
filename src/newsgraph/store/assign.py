"""Stories for stored articles: the pending ones join the clusters of the index kept in the database.

Articles are written first without a story; one transaction then reads every pending article
back, runs `assign_stories` with the `StoryIndex` stored in the `story_index` table, and writes
the stories and the new index together. So the stories of a run do not depend on how its
documents were split into write batches, and a run killed before this step leaves articles a
later run assigns exactly as one uninterrupted run would have.
"""

from __future__ import annotations

import json
import sqlite3
import zlib

from newsgraph.errors import NewsgraphError
from newsgraph.store.read import read_records
from newsgraph.stories import StoryConfig, StoryIndex, assign_stories
from newsgraph.stories.index import FORMAT

__all__ = ["assign_pending", "load_index"]


def load_index(conn: sqlite3.Connection) -> StoryIndex | None:
    """The stored story index, or None before the first assignment."""
    row = conn.execute("SELECT format, data FROM story_index WHERE id = 1").fetchone()
    if row is None:
        return None
    if row[0] != FORMAT:
        raise NewsgraphError(f"the database holds a story index in format {row[0]!r}, this newsgraph reads {FORMAT!r}")
    # The index's own JSON form (what `StoryIndex.save` writes), compressed.
    return StoryIndex.from_json(json.loads(zlib.decompress(row[1])))


def _save_index(conn: sqlite3.Connection, index: StoryIndex) -> None:
    data = zlib.compress(json.dumps(index.to_json(), separators=(",", ":")).encode("utf-8"))
    conn.execute(
        "INSERT INTO story_index (id, format, data) VALUES (1, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET format = excluded.format, data = excluded.data",
        (FORMAT, data),
    )


def assign_pending(conn: sqlite3.Connection, config: StoryConfig | None = None) -> int:
    """Give every article without a story its story; how many were assigned.

    The caller holds the write transaction, so the index read here is the one written back.
    """
    pending = [pk for (pk,) in conn.execute("SELECT pk FROM articles WHERE story_id IS NULL ORDER BY pk")]
    if not pending:
        return 0
    records, index = assign_stories(read_records(conn, pending), load_index(conn), config)
    for pk, rec in zip(pending, records, strict=True):
        conn.execute("INSERT INTO storylines (id) VALUES (?) ON CONFLICT DO NOTHING", (rec["storyline"],))
        conn.execute("INSERT INTO stories (id, storyline_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                     (rec["story"], rec["storyline"]))
        conn.execute(
            "UPDATE articles SET story_id = ?, duplicate_of = ?, wire_copy = ? WHERE pk = ?",
            (rec["story"], rec["duplicate_of"], int(rec["wire_copy"]), pk),
        )
    _save_index(conn, index)
    return len(pending)
