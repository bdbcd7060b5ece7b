"""Bylines: "By Nadia Okafor, Port Reporter", "Author: Tanja Mirek, RTO News", "By Reuters".

Metadata does not keep the author, but a byline line standing between the headline and the
body is furniture the pipeline drops from the body, and the wire reader reads agencies in it.
"""

from __future__ import annotations

import re

from newsgraph.clean.metadata.gazetteer import Gazetteer
from newsgraph.clean.metadata.view import Finding, PageView

__all__ = ["find_bylines", "is_byline"]

_OPENING = re.compile(
    r"^(?:by|from|written by|words by|author|authors|autor|von|par|por|door|di|oleh|автор)\b\s*:?\s*"
    r"(?:the\s+)?[A-ZÀ-Ž]",
    re.IGNORECASE,
)
_CUE = re.compile(r"^\S+(?:\s+by)?\s*:?\s*", re.IGNORECASE)
_FIRST_NAME = re.compile(r",|\||\s+and\s+|\s+&\s+|\s+-\s+")
_PARTICLES = frozenset({"de", "van", "von", "da", "al", "bin", "der", "the"})
_MAX_WORDS = 14
# Bylines stand right under the headline: within this many lines of it.
_REACH = 6


def is_byline(text: str) -> bool:
    """A byline line: a byline cue, then capitalised names, then perhaps a role or outlet."""
    if not _OPENING.match(text) or len(text.split()) > _MAX_WORDS or text.endswith((".", "?", "!")):
        return False
    names = _FIRST_NAME.split(_CUE.sub("", text, count=1), maxsplit=1)[0].split()
    return bool(names) and all(w[:1].isupper() or w in _PARTICLES for w in names)


def find_bylines(view: PageView, title_line: int | None, gaz: Gazetteer) -> list[Finding]:
    """Byline lines between the headline and the body, also desk credits ("Meridian Post
    Newsdesk", "Courier staff" is too vague to be sure of and is left alone)."""
    if title_line is None:
        return []
    out = []
    hi = min(max(view.anchor, title_line + 1), title_line + 1 + _REACH, len(view.lines))
    for i in range(title_line + 1, hi):
        text = view.lines[i].text
        words = text.split()
        desk = len(words) <= 5 and all(w[:1].isupper() for w in words) and gaz.is_byline_tail(text)
        if desk or is_byline(text):
            out.append(Finding(text, view.line_evidence(i, "byline"), i, "byline"))
    return out
