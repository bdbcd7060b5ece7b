"""Stage 1, ingest: find the documents of a run and turn their bytes or HTML into text.

`iter_documents` reads (never decodes) files, directories, stdin and JSONL; `decode` and
`html_to_page` run per document inside the pipeline, so a bad input becomes an error
record in its place instead of stopping the batch.
"""

from newsgraph.ingest.decode import decode
from newsgraph.ingest.html import HtmlPage, html_to_page
from newsgraph.ingest.sources import FORMATS, STDIN, STDIN_ID, SUFFIXES, iter_documents

__all__ = [
    "FORMATS",
    "STDIN",
    "STDIN_ID",
    "SUFFIXES",
    "HtmlPage",
    "decode",
    "html_to_page",
    "iter_documents",
]
