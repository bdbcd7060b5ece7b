"""The database schema as named, numbered migrations, each applied once and recorded.

A database remembers which migrations it has in `schema_version`; `migrate` applies the missing
ones in order, each in its own transaction, so re-running it is a no-op and a database written
by an older newsgraph is brought up to date on open. A migration is never edited once released:
a change is a new migration at the end of the list.

Tables (offsets are character offsets into `articles.text`, as in the JSONL records; `idx` keeps
the order an array had in the record, so the record can be rebuilt exactly):

    articles            one row per stored article: `pk` (ingest order), `id`, `content_hash` of
                        the input, metadata, `text`, `offset_map` (JSON), story, duplicate_of, wire_copy
    outlets             outlet and wire agency names; article_outlets links wire credits and citations
    evidence, removed   where metadata was read; what the cleaner left out and why (raw offsets)
    entities, mentions  the canonical entity table (name, kind) and every mention of one
    quotes              content span, speaker (mention, canonical, kind, entity) and cue
    timexes, quantities, events, event_participants
    stories, storylines the clusters `newsgraph.stories` assigns
    errors              documents that could not be processed
    story_index         the stories stage's state (its own JSON format, compressed), so new batches
                        join earlier stories
    *_fts               FTS5 indexes over article title and text, quotes, entity names
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from newsgraph.errors import NewsgraphError
from newsgraph.store.connection import transaction

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration", "applied", "migrate"]


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema change: `version` orders it, `name` says what it does, `sql` does it."""

    version: int
    name: str
    sql: str


_CORE = """
CREATE TABLE outlets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE storylines (
    id TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    storyline_id TEXT NOT NULL REFERENCES storylines(id)
) WITHOUT ROWID;
CREATE INDEX stories_storyline ON stories(storyline_id);
CREATE TABLE articles (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    url TEXT,
    title TEXT,
    outlet_id INTEGER REFERENCES outlets(id),
    section TEXT,
    published TEXT,
    published_source TEXT,
    published_evidence TEXT,
    text TEXT NOT NULL,
    offset_map TEXT NOT NULL,
    story_id TEXT REFERENCES stories(id),
    duplicate_of TEXT REFERENCES articles(id),
    wire_copy INTEGER CHECK (wire_copy IN (0, 1)),
    CHECK ((story_id IS NULL) = (wire_copy IS NULL))
);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_outlet ON articles(outlet_id);
CREATE INDEX articles_published ON articles(published);
CREATE TABLE article_outlets (
    article_pk INTEGER NOT NULL REFERENCES articles(pk),
    relation TEXT NOT NULL CHECK (relation IN ('wire', 'cited')),
    idx INTEGER NOT NULL,
    outlet_id INTEGER NOT NULL REFERENCES outlets(id),
    PRIMARY KEY (article_pk, relation, idx)
) WITHOUT ROWID;
CREATE INDEX article_outlets_outlet ON article_outlets(outlet_id);
CREATE TABLE evidence (
    article_pk INTEGER NOT NULL REFERENCES articles(pk),
    field TEXT NOT NULL,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    rule TEXT NOT NULL,
    PRIMARY KEY (article_pk, field)
) WITHOUT ROWID;
CREATE TABLE removed (
    article_pk INTEGER NOT NULL REFERENCES articles(pk),
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (article_pk, idx)
) WITHOUT ROWID;
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    UNIQUE (name, kind)
);
CREATE TABLE mentions (
    pk INTEGER PRIMARY KEY,
    article_pk INTEGER NOT NULL REFERENCES articles(pk),
    idx INTEGER NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    role TEXT,
    country TEXT,
    UNIQUE (article_pk, idx)
);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE TABLE quotes (
    pk INTEGER PRIMARY KEY,
    article_pk INTEGER NOT NULL REFERENCES articles(pk),
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_text TEXT,
    speaker_canonical TEXT,
    speaker_kind TEXT,
    speaker_entity_id INTEGER REFERENCES entities(id),
    cue_start INTEGER,
    cue_end INTEGER,
    cue_text TEXT,
    UNIQUE (article_pk, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker_entity_id);
CREATE TABLE timexes (
    article_pk INTEGER NOT NULL REFERENCES articles(pk),
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (article_pk, idx)
) WITHOUT ROWID;
CREATE INDEX timexes_value ON timexes(value);
CREATE TABLE quantities (
    article_pk INTEGER NOT NULL REFERENCES articles(pk),
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL NOT NULL,
    qualifier TEXT,
    unit TEXT,
    PRIMARY KEY (article_pk, idx)
) WITHOUT ROWID;
CREATE TABLE events (
    pk INTEGER PRIMARY KEY,
    article_pk INTEGER NOT NULL REFERENCES articles(pk),
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    date TEXT,
    date_source TEXT,
    status TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    source_name TEXT,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    UNIQUE (article_pk, idx)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date);
CREATE TABLE event_participants (
    event_pk INTEGER NOT NULL REFERENCES events(pk),
    role TEXT NOT NULL CHECK (role IN ('actor', 'recipient', 'location')),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    canonical TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    PRIMARY KEY (event_pk, role)
) WITHOUT ROWID;
CREATE INDEX event_participants_entity ON event_participants(entity_id);
CREATE TABLE errors (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    content_hash TEXT,
    error TEXT NOT NULL,
    UNIQUE (id, error)
);
"""

# External-content FTS5 tables: the text lives once, in the tables above; the index is filled
# by the store as it inserts (rows are never updated or deleted, so no triggers are needed).
_SEARCH = """
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='pk', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker_canonical, content='quotes', content_rowid='pk', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE entities_fts USING fts5(
    name, content='entities', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
"""

_STORY_INDEX = """
CREATE TABLE story_index (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    format TEXT NOT NULL,
    data BLOB NOT NULL
);
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "core tables: articles, annotations, entities, outlets, stories, errors", _CORE),
    Migration(2, "full-text search over articles, quotes and entity names", _SEARCH),
    Migration(3, "story index state, so new batches join earlier stories", _STORY_INDEX),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def applied(conn: sqlite3.Connection) -> dict[int, str]:
    """The migrations a database has recorded, by version (empty for a new database)."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
    if not exists:
        return {}
    return dict(conn.execute("SELECT version, name FROM schema_version ORDER BY version"))


def migrate(conn: sqlite3.Connection) -> list[Migration]:
    """Apply the migrations the database lacks, in order; the ones applied now (none on a re-run).

    The connection must be in autocommit mode (`isolation_level=None`): each migration and its
    record commit together or not at all. A database newer than this code, or one whose recorded
    names disagree with ours, is refused rather than guessed at.
    """
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    done = applied(conn)
    known = {m.version: m for m in MIGRATIONS}
    unknown = sorted(set(done) - set(known))
    if unknown:
        raise NewsgraphError(f"the database has schema version {unknown[-1]}, newer than this newsgraph "
                             f"({SCHEMA_VERSION}): upgrade newsgraph to open it")
    for version, name in done.items():
        if known[version].name != name:
            raise NewsgraphError(f"schema migration {version} is recorded as {name!r}, not {known[version].name!r}")
    applied_now = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        with transaction(conn):
            # Another process may have migrated between our check and our lock.
            if conn.execute("SELECT 1 FROM schema_version WHERE version = ?", (migration.version,)).fetchone():
                continue
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)",
                         (migration.version, migration.name))
        applied_now.append(migration)
    return applied_now


def _statements(sql: str) -> list[str]:
    """The statements of a migration script, split where SQLite says a statement is complete.

    `executescript` would commit our open transaction first, so statements run one by one.
    """
    out, current = [], ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    if current.strip():
        out.append(current.strip())
    return out
