"""newsgraph: raw news pages in, a clean, time-resolved, source-linked map of each story out.

The public API is what this module exports (guarded by tests/test_api.py):

    >>> import newsgraph
    >>> records = list(newsgraph.extract(["demo/corpus"]))
"""

from newsgraph.config import Config
from newsgraph.errors import ConfigError, InputError, NewsgraphError
from newsgraph.pipeline import extract, process
from newsgraph.records import Article, ErrorRecord, Evidence, OffsetSegment, Published, RawDocument, Removed

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Config",
    "ConfigError",
    "ErrorRecord",
    "Evidence",
    "InputError",
    "NewsgraphError",
    "OffsetSegment",
    "Published",
    "RawDocument",
    "Removed",
    "__version__",
    "extract",
    "process",
]
