"""newsgraph: raw news pages in, a clean, time-resolved, source-linked map of each story out.

The public API is what this module exports (guarded by tests/test_pipeline.py):

    >>> import newsgraph
    >>> records = list(newsgraph.extract(["demo/corpus"]))
    >>> with newsgraph.open("news.db") as db:       # the SQLite knowledge base
    ...     db.ingest(["demo/corpus"])
"""

from newsgraph.config import Config
from newsgraph.errors import ConfigError, InputError, NewsgraphError
from newsgraph.pipeline import extract, process, process_batch
from newsgraph.records import (
    Article,
    Entity,
    ErrorRecord,
    Evidence,
    OffsetSegment,
    Published,
    Quantity,
    Quote,
    RawDocument,
    Removed,
    Span,
    Speaker,
    Timex,
)
from newsgraph.store import open_db as open

__version__ = "0.2.0"

__all__ = [
    "Article",
    "Config",
    "ConfigError",
    "Entity",
    "ErrorRecord",
    "Evidence",
    "InputError",
    "NewsgraphError",
    "OffsetSegment",
    "Published",
    "Quantity",
    "Quote",
    "RawDocument",
    "Removed",
    "Span",
    "Speaker",
    "Timex",
    "__version__",
    "extract",
    "open",
    "process",
    "process_batch",
]
