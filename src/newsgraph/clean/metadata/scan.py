"""Fast scanning: find literal cues with `str.find`, then read the name next to each cue.

A regular expression that starts with a name ("<Name> reported") or a long alternation of
cues is tried at every position of a page and costs milliseconds; `str.find` on a literal
cue costs microseconds. So every reader looks for its cue words first, and only then reads
the name before or after them with an anchored match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsgraph.clean.metadata.names import JOINERS, NAME, TOKEN

__all__ = ["find_all", "name_after", "name_before", "word_at"]

_TOKEN = re.compile(TOKEN)
_NAME_AT = re.compile(rf"(?:[Tt]he[ \t]+)?{NAME}")
_OPENERS = "“\"‘'(«["
_REACH = 160
_MAX_TOKENS = 7


def find_all(text: str, needles: Iterable[str], start: int = 0, end: int | None = None) -> list[int]:
    """Sorted start offsets of every occurrence of every needle in `text[start:end]`."""
    end = len(text) if end is None else end
    found: list[int] = []
    for needle in needles:
        pos = text.find(needle, start, end)
        while pos >= 0:
            found.append(pos)
            pos = text.find(needle, pos + 1, end)
    found.sort()
    return found


def word_at(text: str, start: int, end: int) -> bool:
    """True when `text[start:end]` is not glued to letters on either side."""
    return (start == 0 or not text[start - 1].isalnum()) and (end >= len(text) or not text[end].isalnum())


def _token_start(text: str, lo: int, i: int) -> int:
    return max(text.rfind(" ", lo, i), text.rfind("\t", lo, i), text.rfind("\n", lo, i)) + 1


def name_before(text: str, end: int, skip: frozenset[str] = frozenset()) -> tuple[int, str] | None:
    """The proper name that ends right before `end` (spaces and `skip` words between).

    Reads tokens backwards while they are capitalised (or joiners inside the name) and
    stays on one line; a leading "the"/"The" is kept. Returns (start, name) or None.
    """
    lo = max(0, end - _REACH)
    i = end
    while i > lo and text[i - 1] in " \t":
        i -= 1
    tokens: list[tuple[int, str]] = []
    skipping = bool(skip)
    while i > lo and len(tokens) < _MAX_TOKENS:
        j = _token_start(text, lo, i)
        tok = text[j:i]
        if skipping and tok in skip:
            i = j
            while i > lo and text[i - 1] in " \t":
                i -= 1
            continue
        skipping = False
        last = False
        if tok[:1] in _OPENERS:
            stripped = tok.lstrip(_OPENERS)
            j += len(tok) - len(stripped)
            tok, last = stripped, True
        if tok in ("the", "The"):
            if tokens:
                tokens.append((j, tok))
            break
        if _TOKEN.fullmatch(tok) or (tokens and (tok in JOINERS or tok.isdigit())):
            tokens.append((j, tok))
        else:
            break
        if last or j <= lo or text[j - 1] not in " \t":
            break
        i = j
        while i > lo and text[i - 1] in " \t":
            i -= 1
    while tokens and (tokens[-1][1] in JOINERS or tokens[-1][1].isdigit()):
        tokens.pop()
    if not tokens:
        return None
    start = tokens[-1][0]
    return start, " ".join(t for _, t in reversed(tokens))


def name_after(text: str, start: int) -> tuple[int, str] | None:
    """The proper name that starts at `start` (after spaces), or None."""
    while start < len(text) and text[start] in " \t":
        start += 1
    m = _NAME_AT.match(text, start)
    return (m.start(), m.group()) if m else None
