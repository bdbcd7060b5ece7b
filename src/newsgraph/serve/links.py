"""URLs of the pages, and the sentence anchor a fact links to.

Article ids are whatever the input called them, often file paths (`demo/corpus/01_x.txt`,
`../seeds/a.txt`): in a URL the id is one percent-encoded segment, so slashes and dots in it
cannot be mistaken for path steps by a browser. A fact at character `offset` of an article links
to `/article/<id>#s-<start>`, the start of the sentence holding it (`newsgraph.sentences`).
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote, urlencode

from newsgraph.sentences import sentence_spans, sentence_start

__all__ = ["Anchors", "article_url", "entity_url", "page_url", "story_url", "storyline_url"]


def article_url(key: str, anchor: str | None = None) -> str:
    """The page of article `key`; with `anchor` ("s-120"), scrolled to that element."""
    base = "/article/" + quote(key, safe="")
    return f"{base}#{anchor}" if anchor else base


def entity_url(key: int) -> str:
    return f"/entity/{key}"


def story_url(key: str) -> str:
    return "/story/" + quote(key, safe="")


def storyline_url(key: str) -> str:
    return "/storyline/" + quote(key, safe="")


def page_url(path: str, **params: object) -> str:
    """`path` with the query parameters that are not None."""
    query = urlencode({k: v for k, v in params.items() if v is not None})
    return f"{path}?{query}" if query else path


class Anchors:
    """Links from facts to their sentences, for the articles whose texts a page has at hand.

    Sentences are split once per article, when the page first links into it.
    """

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._texts = texts
        self._spans: dict[str, list[tuple[int, int]]] = {}

    def spans(self, key: str) -> list[tuple[int, int]]:
        """The sentences of article `key` (none when its text is unknown), split on first use."""
        if key not in self._spans:
            text = self._texts.get(key)
            self._spans[key] = sentence_spans(text) if text is not None else []
        return self._spans[key]

    def sentence(self, key: str, offset: int) -> int:
        """The start of the sentence of article `key` holding `offset` (the offset itself if unknown)."""
        spans = self.spans(key)
        return sentence_start(spans, offset) if spans else offset

    def link(self, key: str, offset: int) -> str:
        """`/article/<key>#s-<start of the sentence holding offset>`."""
        return article_url(key, anchor=f"s-{self.sentence(key, offset)}")

    def text(self, key: str, offset: int) -> str:
        """The sentence of article `key` holding `offset` ("" when the text is unknown)."""
        text = self._texts.get(key) or ""
        start = self.sentence(key, offset)
        for s, e in self.spans(key):
            if s == start:
                return text[s:e]
        return ""
