"""Store: schema and migrations, idempotent and resumable ingest, search, exports, error records.

The demo corpus is extracted once per session (`demo_db`); tests that change a database work on
a copy of it or store records already extracted, so only the error and kill tests run spaCy again.
"""

from __future__ import annotations

import csv
import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DEMO, REPO
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.store import MIGRATIONS, SCHEMA_VERSION, TABLES, migrate, open_db
from newsgraph.store import schema as schema_module
from newsgraph.store.assign import load_index
from newsgraph.store.export import TABLES as EXPORT_TABLES

STORY_KEYS = ("story", "storyline", "duplicate_of", "wire_copy")
FTS_TABLES = ("articles_fts", "quotes_fts", "entities_fts")
BATCH = 4


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The demo corpus ingested in one clean run (read it, or `_copy` it to change it)."""
    path = tmp_path_factory.mktemp("store") / "demo.db"
    with open_db(path) as db:
        report = db.ingest([str(DEMO)], batch_size=BATCH)
    assert (report.added, report.errors, report.assigned) == (12, 0, 12)
    return path


@pytest.fixture(scope="session")
def demo_records(demo_db) -> list[dict]:
    with open_db(demo_db, readonly=True) as db:
        return list(db.records())


def _copy(src: Path, dst: Path) -> Path:
    """A copy through SQLite's backup API (safe with WAL)."""
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


def _plain(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in STORY_KEYS}


def dump(path: Path) -> dict[str, list]:
    """Every row of every table, sorted, and the terms and positions each FTS index holds.

    FTS shadow tables are left out: their segments depend on how many transactions wrote them,
    not on what they index; `fts5vocab` lists what they index.
    """
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    out: dict[str, list] = {}
    names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
                                        "'CREATE VIRTUAL%' AND name NOT LIKE '%_fts_%' ORDER BY name")]
    for name in names:
        out[name] = sorted(conn.execute(f"SELECT * FROM {name}").fetchall(), key=repr)
    for fts in FTS_TABLES:
        conn.execute(f"CREATE VIRTUAL TABLE temp.vocab_{fts} USING fts5vocab(main, {fts}, instance)")
        out[fts] = sorted(conn.execute(f"SELECT * FROM temp.vocab_{fts}").fetchall())
    conn.close()
    return out


def _consistent(path: Path) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.execute("PRAGMA foreign_keys = ON")
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for fts in FTS_TABLES:  # raises on an index that disagrees with its content table
        conn.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)")
    conn.close()


# -- schema and migrations --------------------------------------------------------------------

def test_new_database_records_every_migration_and_rerun_is_a_no_op(tmp_path):
    path = tmp_path / "new.db"
    with open_db(path) as db:
        assert db.schema_version == SCHEMA_VERSION
        rows = db.connection.execute("SELECT version, name FROM schema_version ORDER BY version").fetchall()
        assert rows == [(m.version, m.name) for m in MIGRATIONS]
        assert db.connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.connection.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert migrate(db.connection) == []
        tables = {n for (n,) in db.connection.execute("SELECT name FROM sqlite_master")}
    with open_db(path) as db:
        assert db.connection.execute("SELECT count(*) FROM schema_version").fetchone() == (len(MIGRATIONS),)
        assert {n for (n,) in db.connection.execute("SELECT name FROM sqlite_master")} == tables
    assert set(TABLES) | set(FTS_TABLES) | {"story_index", "schema_version"} <= tables


def test_older_database_gets_the_missing_migrations(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    monkeypatch.setattr(schema_module, "MIGRATIONS", MIGRATIONS[:1])
    conn = sqlite3.connect(path, isolation_level=None)
    assert [m.version for m in migrate(conn)] == [1]
    conn.close()
    monkeypatch.undo()
    with open_db(path) as db:
        assert db.schema_version == SCHEMA_VERSION
        assert db.counts()["articles"] == 0
        assert db.search("anything").articles == ()


def test_database_from_a_newer_newsgraph_is_refused(tmp_path):
    path = tmp_path / "future.db"
    open_db(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version (version, name) VALUES (99, 'from the future')")
    with pytest.raises(NewsgraphError, match="newer"):
        open_db(path)


def test_read_only_connection_cannot_write(demo_db):
    with open_db(demo_db, readonly=True) as db:
        with pytest.raises(NewsgraphError, match="read-only"):
            db.ingest_records([{"id": "x", "text": "Some text."}])
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            db.connection.execute("DELETE FROM errors")
        assert db.counts()["articles"] == 12


def test_read_only_open_of_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(NewsgraphError, match="no database"):
        open_db(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


# -- ingest -------------------------------------------------------------------------------------

def test_demo_corpus_fills_every_table(demo_db, demo_records):
    with open_db(demo_db, readonly=True) as db:
        counts = db.counts()
        stories = db.stories()
        dam_copy = db.article(str(DEMO / "07_meridian_post_dam_wire.txt"))
    assert counts["articles"] == 12 and counts["errors"] == 0
    for table, key in (("mentions", "entities"), ("quotes", "quotes"), ("timexes", "timexes"),
                       ("quantities", "quantities"), ("events", "events"), ("removed", "removed")):
        assert counts[table] == sum(len(r[key]) for r in demo_records) > 0
    assert counts["entities"] == len({(e["canonical"], e["kind"]) for r in demo_records for e in r["entities"]}
                                     | {(q["speaker"]["canonical"], q["speaker"]["kind"]) for r in demo_records
                                        for q in r["quotes"] if q["speaker"] and q["speaker"]["kind"] != "unnamed"}
                                     | {(e[p]["canonical"], e[p]["kind"]) for r in demo_records for e in r["events"]
                                        for p in ("actor", "recipient", "location") if e[p]})
    assert all(r["story"] and r["storyline"] for r in demo_records)
    assert counts["stories"] == len(stories) == len({r["story"] for r in demo_records})
    assert sum(s.articles for s in stories) == 12
    # 06 and 07 carry the same wire copy (demo/README.md).
    assert dam_copy["duplicate_of"] == str(DEMO / "06_kestrel_dam_wire.txt")
    assert "The Harbour Ledger" in {o for s in stories for o in s.outlets}
    _consistent(demo_db)


def test_reingesting_the_corpus_changes_nothing(demo_db, tmp_path):
    path = _copy(demo_db, tmp_path / "again.db")
    with open_db(path) as db:
        report = db.ingest([str(DEMO)])
    assert (report.added, report.unchanged, report.errors, report.assigned) == (0, 12, 0, 0)
    assert dump(path) == dump(demo_db)


def test_same_content_under_another_name_is_stored_once(demo_db, tmp_path):
    path = _copy(demo_db, tmp_path / "copy.db")
    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    moved.write_bytes((DEMO / "03_orbita_strike.txt").read_bytes())
    with open_db(path) as db:
        report = db.ingest([str(moved)])
        assert db.article(str(moved)) is None
    assert (report.added, report.unchanged) == (0, 1)
    assert dump(path) == dump(demo_db)


def test_stored_id_with_other_content_is_a_conflict_and_kept(demo_records, tmp_path):
    with open_db(tmp_path / "conflict.db") as db:
        db.ingest_records(demo_records[:2])
        changed = {**_plain(demo_records[0]), "text": demo_records[0]["text"] + " A late correction."}
        report = db.ingest_records([changed])
        assert report.conflicts == (demo_records[0]["id"],) and report.added == 0
        assert db.article(demo_records[0]["id"])["text"] == demo_records[0]["text"]


def test_new_batch_joins_an_existing_story(demo_records, tmp_path):
    late = next(r for r in demo_records if r["id"].endswith("04_severny_vestnik_strike.txt"))
    with open_db(tmp_path / "incremental.db") as db:
        first = db.ingest_records([r for r in demo_records if r is not late])
        before = {s.id for s in db.stories()}
        second = db.ingest_records([late])
        after = {s.id for s in db.stories()}
        joined = db.article(late["id"])
        index = load_index(db.connection)
    assert (first.added, second.added, second.assigned) == (11, 1, 1)
    assert joined["story"] in before
    assert after == before
    assert index is not None and len(index) == 12


def test_killed_ingest_resumes_to_the_same_database_as_one_clean_run(demo_db, tmp_path):
    path = tmp_path / "killed.db"
    # SIGKILL from inside, at a known point: the 6th record, in the open transaction of batch 2.
    script = textwrap.dedent(f"""
        import os, signal
        from newsgraph.store import open_db
        seen = []
        def hook(record):
            seen.append(record)
            if len(seen) == 6:
                os.kill(os.getpid(), signal.SIGKILL)
        open_db({str(path)!r}).ingest([{str(DEMO)!r}], batch_size={BATCH}, on_record=hook)
    """)
    run = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, timeout=120)
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()[-2000:]
    _consistent(path)
    with open_db(path, readonly=True) as db:
        counts = db.counts()
    assert counts["articles"] == BATCH and counts["stories"] == 0  # batch 1 only, no stories yet
    with open_db(path) as db:
        report = db.ingest([str(DEMO)], batch_size=BATCH)
    assert (report.added, report.unchanged, report.assigned) == (12 - BATCH, BATCH, 12)
    _consistent(path)
    assert dump(path) == dump(demo_db)


def test_error_records_are_stored_once_and_cleared_when_fixed(tmp_path):
    empty = tmp_path / "in" / "empty.txt"
    empty.parent.mkdir()
    empty.write_text("", encoding="utf-8")
    (tmp_path / "in" / "binary.txt").write_bytes(b"%PDF-1.7\x00\x01\x02" * 40)
    missing = str(tmp_path / "missing.txt")
    with open_db(tmp_path / "errors.db") as db:
        first = db.ingest([str(empty.parent), missing])
        again = db.ingest([str(empty.parent), missing])
        assert first.errors == again.errors == 3 and first.added == 0
        assert {e.id for e in db.errors()} == {str(empty), str(tmp_path / "in" / "binary.txt"), missing}
        assert db.counts()["errors"] == 3
        empty.write_text("Harbour workers in Porthaven voted on Monday to end their strike, the union said.",
                         encoding="utf-8")
        fixed = db.ingest([str(empty)], fmt="article")
        assert fixed.added == 1
        assert str(empty) not in {e.id for e in db.errors()}
        assert db.article(str(empty))["story"]


def test_malformed_record_becomes_an_error_and_leaves_no_rows(tmp_path):
    bad = {"id": "bad", "text": "Some text.", "entities": [{"start": 0, "end": 4, "text": "Some"}]}
    with open_db(tmp_path / "bad.db") as db:
        report = db.ingest_records([bad, {"id": "failed", "error": "binary content"}])
        counts = db.counts()
        assert [e.id for e in db.errors()] == ["bad", "failed"]
    assert (report.added, report.errors) == (0, 2)
    assert counts["articles"] == counts["mentions"] == counts["entities"] == 0


# -- search -------------------------------------------------------------------------------------

def test_search_finds_a_quote_an_article_and_an_entity(demo_db, demo_records):
    quote = next(q for r in demo_records for q in r["quotes"]
                 if q["kind"] == "direct" and q["speaker"] and q["speaker"]["kind"] == "person" and len(q["text"]) > 40)
    article = demo_records[4]
    with open_db(demo_db, readonly=True) as db:
        by_quote = db.search(quote["text"])
        by_title = db.search(article["title"])
        by_name = db.search("Brenna")
        by_speaker = db.search(quote["speaker"]["canonical"])
    assert (quote["text"], quote["speaker"]["canonical"]) in {(h.text, h.speaker) for h in by_quote.quotes}
    assert by_title.articles[0].id == article["id"]
    assert "[" in by_title.articles[0].snippet
    assert any(h.name == "Brenna Dam" and h.mentions > 0 for h in by_name.entities)
    assert any(h.speaker == quote["speaker"]["canonical"] for h in by_speaker.quotes)


def test_search_takes_words_not_syntax(demo_db):
    with open_db(demo_db, readonly=True) as db:
        assert db.search('"dam AND (').articles  # quotes and operators are just characters
        assert db.search("!!! ...") == db.search("")
        assert db.search("dam", 2).articles and len(db.search("dam", 2).articles) <= 2
        with pytest.raises(InputError):
            db.search('"dam AND (', raw=True)
        with pytest.raises(InputError):
            db.search("dam", 0)


# -- exports ------------------------------------------------------------------------------------

def test_jsonl_export_reads_back_as_what_went_in(demo_db, demo_records, tmp_path):
    with open_db(demo_db, readonly=True) as db:
        [out] = db.export("jsonl", tmp_path / "out" / "demo.jsonl")
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == demo_records
    assert list(lines[0])[:3] == ["id", "url", "title"] and list(lines[0])[-4:] == list(STORY_KEYS)
    with open_db(tmp_path / "reread.db") as db:  # another store reads it and finds the same stories
        report = db.ingest_records(lines)
        assert report.added == 12
        assert [r["story"] for r in db.records()] == [r["story"] for r in demo_records]


def test_parquet_export_has_every_table(demo_db, tmp_path):
    with open_db(demo_db, readonly=True) as db:
        files = db.export("parquet", tmp_path / "pq")
        counts = db.counts()
    assert [f.stem for f in files] == list(EXPORT_TABLES)
    tables = {f.stem: pq.read_table(f) for f in files}
    for name, (columns, _) in EXPORT_TABLES.items():
        assert tables[name].column_names == [c for c, _ in columns]
    for name in ("articles", "mentions", "quotes", "timexes", "events", "stories", "errors"):
        assert tables[name].num_rows == counts[name]
    articles = tables["articles"].to_pylist()
    assert str(articles[0]["wire_copy"]) in ("True", "False")
    assert json.loads(articles[0]["offset_map"])
    mentions = tables["mentions"].to_pylist()
    text = {a["pk"]: a["text"] for a in articles}
    assert all(text[m["article_pk"]][m["start"]:m["end"]] == m["text"] for m in mentions)


def test_csv_export_writes_headers_and_rows(demo_db, tmp_path):
    with open_db(demo_db, readonly=True) as db:
        files = db.export("csv", tmp_path / "csv")
        counts = db.counts()
    for path in files:
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == [c for c, _ in EXPORT_TABLES[path.stem][0]]
        if path.stem in counts:
            assert len(rows) - 1 == counts[path.stem]


def test_unknown_export_format_is_an_error(demo_db, tmp_path):
    with open_db(demo_db, readonly=True) as db, pytest.raises(NewsgraphError, match="jsonl"):
        db.export("xlsx", tmp_path / "x")


# -- properties ---------------------------------------------------------------------------------

@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=300), title=st.none() | st.text(max_size=60), query=st.text(max_size=40))
def test_any_text_round_trips_and_any_query_searches(text, title, query):
    with open_db(":memory:") as db:
        report = db.ingest_records([{"id": "a", "title": title, "text": text, "kind": "article"}])
        assert report.added == 1
        stored = db.article("a")
        assert (stored["text"], stored["title"]) == (text, title)
        db.search(query)
