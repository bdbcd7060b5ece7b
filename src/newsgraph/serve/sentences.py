"""Sentence spans of an article's clean text: the anchors every fact links to (`#s-<start>`).

The store keeps no sentence table (only events carry their sentence), yet a quote on the entity
page, a hit on the search page and an event on a story page must all point at the same anchor.
So every page splits the text the same cheap way, here: paragraphs at newlines, sentences after
`.`, `!` or `?` (closing quotes included) before a capital, a digit or an opening quote, unless
the word before the stop is an abbreviation or an initial. A link to any offset goes to the
sentence that contains it (`sentence_start`).
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["sentence_spans", "sentence_start"]

# Words a full stop does not end a sentence after (compared without the stop, lower case).
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep",
    "pres", "jr", "sr", "rev", "hon", "no", "nos", "vs", "etc", "inc", "corp", "co", "ltd", "plc", "dept", "est",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c", "i.e", "e.g",
})
_PARAGRAPH = re.compile(r"[^\n]+")
_STOP = re.compile(r"""(?<=[.!?])(["'”’)\]]*)\s+(?=["'“‘(\[]?[A-Z0-9])""")


def _ends_sentence(paragraph: str, stop: int) -> bool:
    """Whether the stop just before `stop` (an index into `paragraph`) ends a sentence."""
    word = paragraph[:stop].rsplit(None, 1)[-1].strip("\"'“”‘’()[]").rstrip(".!?").lower()
    return not (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of every sentence, in order; whitespace between sentences belongs to none."""
    cuts = []
    for paragraph in _PARAGRAPH.finditer(text):
        body, base, start = paragraph.group(), paragraph.start(), 0
        for stop in _STOP.finditer(body):
            if _ends_sentence(body, stop.start()):
                cuts.append((base + start, base + stop.start() + len(stop.group(1))))
                start = stop.end()
        cuts.append((base + start, paragraph.end()))
    spans = []
    for start, end in cuts:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            spans.append((start + lead, start + len(piece.rstrip())))
    return spans


def sentence_start(spans: list[tuple[int, int]], offset: int) -> int:
    """The start of the sentence holding `offset` (the one before it when it falls between two)."""
    i = bisect_right(spans, offset, key=lambda span: span[0]) - 1
    return spans[max(i, 0)][0] if spans else 0
