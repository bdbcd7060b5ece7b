"""Character classes of a whole text at once, as a numpy array of bit flags.

The cleaner counts letters, digits and words on every line of a page. Asking Python's
`str` methods character by character costs a call each; looking code points up in a
table costs one numpy operation per page. The flags are defined by the same `str`
methods the regex engine and the per-line code use, so counts agree exactly: `\\w` in a
`str` pattern is `isalnum()` or "_", `\\d` is `isdecimal()` and `\\s` is `isspace()`.
"""

from __future__ import annotations

from functools import cache

import numpy as np

__all__ = [
    "ALPHA", "DECIMAL", "DIGIT", "SPACE", "UPPER", "WORD", "CharSet", "char_flags", "code_points", "from_code_points",
]

WORD = 1
UPPER = 2
DIGIT = 4
ALPHA = 8
DECIMAL = 16
SPACE = 32

# Latin, Greek, Cyrillic and the common punctuation blocks cover almost every news page;
# rarer code points are looked up once per distinct character of a page.
_TABLE_SIZE = 0x2100


@cache
def _flags_of(code: int) -> int:
    ch = chr(code)
    return (
        (WORD if ch.isalnum() or ch == "_" else 0)
        | (UPPER if ch.isupper() else 0)
        | (DIGIT if ch.isdigit() else 0)
        | (ALPHA if ch.isalpha() else 0)
        | (DECIMAL if ch.isdecimal() else 0)
        | (SPACE if ch.isspace() else 0)
    )


_TABLE = np.array([_flags_of(c) for c in range(_TABLE_SIZE)], dtype=np.uint8)


def code_points(text: str) -> np.ndarray:
    """The code points of `text`; lone surrogates (from broken escapes) pass as themselves."""
    if text.isascii():
        return np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def from_code_points(codes: np.ndarray) -> str:
    """The text of `codes`, an array of the dtype `code_points` gave."""
    if codes.dtype == np.uint8:
        return codes.tobytes().decode("latin-1")
    return codes.tobytes().decode("utf-32-le", "surrogatepass")


def char_flags(codes: np.ndarray) -> np.ndarray:
    """The flags (WORD, UPPER, DIGIT, ALPHA, DECIMAL, SPACE) of every code point in `codes`."""
    if codes.dtype == np.uint8 or not codes.size or codes.max() < _TABLE_SIZE:
        return _TABLE[codes]
    rare = codes >= _TABLE_SIZE
    flags = _TABLE[np.where(rare, 0, codes)]
    distinct, inverse = np.unique(codes[rare], return_inverse=True)
    looked_up = np.array([_flags_of(c) for c in distinct.tolist()], dtype=np.uint8)
    flags[rare] = looked_up[inverse]
    return flags


class CharSet:
    """A set of characters that tells, for an array of code points, which are in it.

    A boolean table indexed by code point; `np.isin` sorts or loops over the set on every
    call and costs ten times more on a page.
    """

    __slots__ = ("_table",)

    def __init__(self, chars: str) -> None:
        codes = [ord(c) for c in chars]
        # Every byte has an entry, and the one past the largest member stands for every
        # code point beyond it.
        self._table = np.zeros(max(max(codes) + 2, 256), dtype=bool)
        self._table[codes] = True

    def __call__(self, codes: np.ndarray) -> np.ndarray:
        if codes.dtype == np.uint8:
            return self._table[codes]
        return self._table[np.minimum(codes, len(self._table) - 1)]
