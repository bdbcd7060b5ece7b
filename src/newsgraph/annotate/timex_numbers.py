"""Numbers written in digits or words, shared by the timex and quantity annotators.

News writes small counts in words ("three years", "two million") and large ones in digits
with thousands separators ("50,000"), so both annotators need one parser for either form,
and one regex fragment that finds them without a spaCy pass.
"""

from __future__ import annotations

import re

__all__ = ["NUMBER", "ORDINALS", "UNITS_WORDS", "parse_number"]

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

SCALES: dict[str, int] = {
    "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10, "11th": 11, "12th": 12,
    "13th": 13, "14th": 14, "15th": 15, "16th": 16, "17th": 17, "18th": 18, "19th": 19, "20th": 20,
    "21st": 21, "final": 4, "last": 4,
}  # fmt: skip

_WORD = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_SCALE = "|".join(SCALES)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# One number: digits or words ("twenty-five", "two hundred and ten"), an optional scale word
# ("1.5 million") and "and a half"; "a" only counts before a scale ("a hundred", "a dozen").
NUMBER = (
    rf"(?:(?:{_DIGITS})|(?:(?:{_WORD})(?:[- ](?:{_WORD}))?)|(?:an?(?=\s+(?:{_SCALE})\b)))"
    rf"(?:\s+(?:{_SCALE})(?:\s+(?:and\s+)?(?:{_WORD})(?:[- ](?:{_WORD}))?)?)*"
    r"(?:\s+and\s+a\s+half)?"
)

_TOKENS = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+")


def parse_number(text: str) -> float | None:
    """The value of a number phrase matched by `NUMBER`, or None if it holds no number."""
    total = 0.0
    current = 0.0
    seen = False
    for tok in _TOKENS.findall(text.lower()):
        if tok[0].isdigit():
            current += float(tok.replace(",", ""))
            seen = True
        elif tok in UNITS_WORDS:
            current += UNITS_WORDS[tok]
            seen = True
        elif tok == "half":
            current += 0.5
            seen = True
        elif tok in ("hundred", "dozen"):
            current = (current or 1) * SCALES[tok]
            seen = True
        elif tok in SCALES:
            total += (current or 1) * SCALES[tok]
            current = 0.0
            seen = True
    return total + current if seen else None
