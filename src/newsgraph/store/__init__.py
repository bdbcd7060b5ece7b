"""Stage 5a, store: the SQLite knowledge base (issue 6).

    >>> from newsgraph.store import open_db
    >>> with open_db("news.db") as db:
    ...     report = db.ingest(["demo/corpus"])      # extract + stories, once per document
    ...     hits = db.search("dam collapse")
    ...     db.export("parquet", "out/tables")

Only this package writes a database; readers (the web server, notebooks) may open it with
`open_db(path, readonly=True)`. The schema and its migrations are in `schema.py`, the export
tables in `export.py`.
"""

from newsgraph.store.db import TABLES, NewsDB, StorySummary, open_db
from newsgraph.store.export import EXPORT_FORMATS
from newsgraph.store.ingest import IngestReport, document_hash, record_hash
from newsgraph.store.schema import MIGRATIONS, SCHEMA_VERSION, Migration, migrate
from newsgraph.store.search import ArticleHit, EntityHit, QuoteHit, SearchResults

__all__ = [
    "EXPORT_FORMATS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "TABLES",
    "ArticleHit",
    "EntityHit",
    "IngestReport",
    "Migration",
    "NewsDB",
    "QuoteHit",
    "SearchResults",
    "StorySummary",
    "document_hash",
    "migrate",
    "open_db",
    "record_hash",
]
