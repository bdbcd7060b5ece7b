"""Quoted stretches of text found from the quote marks alone, before any parsing.

A quotation is a fact of typography first: the parser splits a long quote into sentences and
attaches its pieces anywhere, while the marks say exactly where it starts and ends. One regex
scan finds the marks, and one pass over them pairs them paragraph by paragraph:

- Double marks (straight, curly, low-9, guillemets, and the doubled apostrophe `''` of some
  newspapers) open and close a quotation. The shape of a curly mark is only a hint, since
  pasted text often has them the wrong way round (`”Mr. Trump ...`): a mark opens when no
  quotation is open and a word follows it, and closes when one is open and a word or
  punctuation precedes it. Inside an open quotation, a mark with a space before it and a word
  after it opens a nested one (`"... what he calls "hell" ..."`).
- Single marks inside a double quotation are a nested quote and stay part of it. At the top
  level only a curly opening `‘` starts a quotation (headline style, `‘Security Guarantees’`),
  closed by a `’` that no letter follows; straight `'` is too often an apostrophe to pair.
- A quotation still open at the end of its paragraph continues when the next paragraph opens
  with a quote mark (the convention for a quote running over paragraphs); otherwise it ends
  with its paragraph, as a missing closing mark is likelier than a stray opening one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuotedSpan", "quoted_spans"]

_DOUBLE = frozenset('"“”„«»')
_MARK = re.compile(r"''|[\"“”„«»‘’]")
_OPEN_HINT = frozenset("“„«")
_CLOSE_HINT = frozenset("”»")
_WORD_BEFORE_OPEN = frozenset(" \t\n\xa0([{/—–-―:")
_SINGLE_OPEN = "‘"


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """`[start, end)` covers the marks too (or runs to the end of a paragraph that never closed
    it); `double` is False for a top-level single-quoted one."""

    start: int
    end: int
    double: bool


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Every top-level quotation in `text`, in order, not overlapping."""
    spans: list[QuotedSpan] = []
    open_at: int | None = None  # where the open double quotation starts
    depth = 0  # quotations nested in the open one with double marks too
    single_at: int | None = None
    line_start, line_end = 0, _line_end(text, 0)
    skip = -1  # a paragraph's opening mark that continues the open quotation
    for match in _MARK.finditer(text):
        i, mark = match.start(), match.group()
        if i >= line_end:  # a new paragraph
            single_at = None
            if open_at is not None:
                nxt = _first_char(text, line_end)
                if nxt < len(text) and _is_double(text, nxt) and _may_open(text, nxt, _mark_width(text, nxt)):
                    skip = nxt
                else:
                    spans.append(QuotedSpan(open_at, _trim_end(text, open_at, line_end), True))
                    open_at = None
            line_start = text.rfind("\n", 0, i) + 1
            line_end = _line_end(text, i)
        if i == skip:
            continue
        width = len(mark)
        if mark in _DOUBLE or width == 2:
            if open_at is None:
                if _may_open(text, i, width):
                    open_at, depth, single_at = i, 0, None
            elif _starts_word(text, i, width):
                depth += 1
            elif depth:
                depth -= 1
            elif _may_close(text, i, width, line_start):
                spans.append(QuotedSpan(open_at, i + width, True))
                open_at = None
        elif open_at is None and mark == _SINGLE_OPEN and _may_open(text, i, 1):
            single_at = i
        elif open_at is None and single_at is not None and _single_closes(text, i):
            spans.append(QuotedSpan(single_at, i + 1, False))
            single_at = None
    if open_at is not None:
        spans.append(QuotedSpan(open_at, _trim_end(text, open_at, line_end), True))
    return [s for s in spans if s.end - s.start > 2]


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def _first_char(text: str, i: int) -> int:
    """The first non-space character at or after `i`."""
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    return i


def _is_double(text: str, i: int) -> bool:
    return text[i] in _DOUBLE or text.startswith("''", i)


def _mark_width(text: str, i: int) -> int:
    return 2 if text.startswith("''", i) else 1


def _may_open(text: str, i: int, width: int) -> bool:
    nxt = text[i + width] if i + width < len(text) else " "
    if nxt.isspace() or nxt in ",;":
        return False
    prev = text[i - 1] if i > 0 else " "
    return prev in _WORD_BEFORE_OPEN or text[i] in _OPEN_HINT or not prev.isalnum()


def _starts_word(text: str, i: int, width: int) -> bool:
    """A mark with a space before it and a word after it can only open."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    return prev in _WORD_BEFORE_OPEN and nxt.isalnum()


def _may_close(text: str, i: int, width: int, line_start: int) -> bool:
    prev = text[i - 1] if i > line_start else " "
    if not prev.isspace():
        return True
    nxt = text[i + width] if i + width < len(text) else " "
    return not nxt.isalnum() or text[i] in _CLOSE_HINT


def _single_closes(text: str, i: int) -> bool:
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not nxt.isalnum() and not text[i - 1].isspace()


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
