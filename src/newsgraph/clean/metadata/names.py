"""The shape of a proper name in running text, shared by the outlet, wire and citation readers.

A name is a run of capitalised tokens ("Kestrel News Network"), which may hold a few
lowercase joiners ("Radio Television of Orlenia", "The Globe and Mail") and numbers
("France 24"). Token characters exclude the full stop, so "... Text API. CGTN is" does not
run two sentences into one name, while "Express.co.uk" and "S.Paulo" stay whole.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["COPYRIGHT", "JOINERS", "NAME", "TOKEN", "clean_name", "tidy_outlet"]

TOKEN = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’&-]*(?:\.[\w'’-]+)*"
# Lowercase words that may stand inside a name.
JOINERS = frozenset({"of", "de", "del", "der", "di", "du", "des", "la", "le", "el", "al", "and", "&", "for", "on"})
_JOINER = "(?:" + "|".join(sorted(JOINERS, key=len, reverse=True)) + ")"
NAME = rf"{TOKEN}(?:[ \t]+(?:{_JOINER}[ \t]+)?(?:{TOKEN}|\d+(?=[ \t]+[A-Z])|\d+\b)){{0,5}}"

COPYRIGHT = re.compile(
    rf"(?:©|\([cC]\)|\b(?i:copyright))[ \t]*(?:(?:©|(?i:copyright))[ \t]*)?"
    rf"(?:(?:19|20)\d\d(?:[ \t]*[-–][ \t]*(?:19|20)\d\d)?[ \t]*,?[ \t]*)?(?:(?:©|(?i:copyright))[ \t]*)?"
    rf"(?P<name>(?:[Tt]he[ \t]+)?{NAME})"
)
_TRAILING = re.compile(rf"(?:[ \t]+(?:\d+|{_JOINER}))+$")
_POSSESSIVE = re.compile(r"['’]s?$")


def clean_name(name: str) -> str:
    """A matched name without trailing numbers, joiners or a possessive 's."""
    name = _TRAILING.sub("", name.strip())
    words = name.split()
    for k, word in enumerate(words):
        if _POSSESSIVE.search(word) and (word.endswith(("'s", "’s")) or k < len(words) - 1):
            words = [*words[:k], _POSSESSIVE.sub("", word)]
            break
    return " ".join(words)


@cache
def _last_words(suffixes: tuple[str, ...]) -> frozenset[str]:
    return frozenset(s.rsplit(" ", 1)[-1] for s in suffixes)


def tidy_outlet(name: str, corporate_suffixes: tuple[str, ...]) -> str:
    """An outlet name as a reader knows it: no company form, no shouting."""
    name = clean_name(name).strip(" ,.;:-–—|")
    lasts = _last_words(corporate_suffixes)
    changed = True
    while changed and name.rsplit(" ", 1)[-1].rstrip(".") in lasts:
        changed = False
        for suffix in corporate_suffixes:
            for sep in (" ", ", "):
                tail = sep + suffix
                if name.endswith((tail, tail + ".")) and len(name) > len(tail) + 2:
                    name = name[: name.rindex(tail)].rstrip(" ,")
                    changed = True
    words = name.split()
    if len(words) > 1 and name.isupper():
        name = " ".join(w if len(w) <= 3 else w.capitalize() for w in words)
    return name
