"""Sentence spans of an article's clean text, found without a parser.

The web UI links every fact to its sentence (`#s-<start>`) and the outlet comparison shows a
fact's sentence; the store keeps no sentence table (only events carry their sentence), so both
split the text the same cheap way, here: paragraphs at newlines, sentences after
`.`, `!` or `?` (closing quotes included) before a capital, a digit or an opening quote, unless
the word before the stop is an abbreviation or an initial. A link to any offset goes to the
sentence that contains it (`sentence_start`).
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["Sentences", "sentence_spans", "sentence_start"]

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


class Sentences:
    """The sentence spans of one text, found once; `around` finds a span's sentences by binary search."""

    __slots__ = ("_spans", "_starts")

    def __init__(self, text: str) -> None:
        self._spans = sentence_spans(text)
        self._starts = [start for start, _end in self._spans]

    def around(self, start: int, end: int | None = None) -> tuple[int, int]:
        """The extent of the sentence(s) holding `start`..`end` (an offset between two sentences
        belongs to the one before it)."""
        if not self._spans:
            return start, end if end is not None else start
        first = max(bisect_right(self._starts, start) - 1, 0)
        last = max(bisect_right(self._starts, max(start, (end if end is not None else start) - 1)) - 1, first)
        return self._starts[first], self._spans[last][1]
