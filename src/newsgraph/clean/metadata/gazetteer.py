"""Names of wire agencies and news outlets, read once from package data.

The lists are data (`clean/data/wire_agencies.json`, `clean/data/news_outlets.json`) so that
a new agency or outlet is one row. Short aliases (five characters or fewer: "AP", "AFP",
"BBC") match with exact case only, since "Ap" or "bbc" in running text is rarely the name;
longer aliases match ignoring case.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["Gazetteer", "load_gazetteer"]

_SHORT = 5
_SPACES = re.compile(r"\s+")


def _key(name: str) -> str:
    name = name.strip()
    if "  " in name or "\t" in name or "\n" in name:
        name = _SPACES.sub(" ", name)
    return name.replace("’", "'") if "’" in name else name


@dataclass(frozen=True, slots=True)
class _Names:
    """Canonical names by alias: exact for short aliases, also case-folded for long ones."""

    exact: dict[str, str]
    folded: dict[str, str]

    def get(self, name: str) -> str | None:
        key = _key(name)
        hit = self.exact.get(key)
        if hit is None and len(key) > _SHORT:
            hit = self.folded.get(key.casefold())
        return hit


@dataclass(frozen=True, slots=True)
class _Tails:
    """Closing word sequences ("News Agency", "Post"), indexed by their last word."""

    by_last: dict[str, tuple[tuple[str, ...], ...]]

    @staticmethod
    def of(tails: list[str] | tuple[str, ...]) -> _Tails:
        index: dict[str, list[tuple[str, ...]]] = {}
        for tail in tails:
            words = tuple(tail.split())
            index.setdefault(words[-1], []).append(words)
        return _Tails({k: tuple(v) for k, v in index.items()})

    def ends(self, name: str) -> bool:
        """True when the last words of `name` are one of the tails."""
        words = name.split()
        tails = self.by_last.get(words[-1]) if words else None
        return bool(tails) and any(len(words) >= len(t) and tuple(words[-len(t):]) == t for t in tails or ())


def _mentions(entries: list[dict[str, Any]]) -> re.Pattern[str]:
    """One pattern for every alias of every entry, longest first, short ones case-exact."""
    aliases = sorted({_key(a) for e in entries for a in [e["name"], *e["aliases"]]}, key=len, reverse=True)
    parts = [re.escape(a) if len(a) <= _SHORT else "(?i:" + re.escape(a) + ")" for a in aliases]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


def _last_words(wires: list[dict[str, Any]], outlets: list[dict[str, Any]], media_words: list[str]) -> frozenset[str]:
    """Words that can end an outlet's name: a capitalised word before "reported" is worth
    reading as a name only if it is one of these (or an abbreviation)."""
    names = [a for e in [*wires, *outlets] for a in [e["name"], *e["aliases"]]]
    return frozenset(_key(n).split()[-1] for n in [*names, *media_words])


def _media_phrases(outlets: dict[str, Any]) -> dict[str, tuple[tuple[str, str], ...]]:
    """The media phrases grouped under a few anchor words that between them occur in every
    phrase ("news" serves "news agency", "news site", "news channel"...), since each anchor
    costs a scan of the body. The anchors are chosen by greedy set cover."""
    phrases = [("before", p) for p in outlets["media_nouns_before"]]
    phrases += [("after", p) for p in outlets["media_nouns_after"]]
    phrases += [("coord", p) for p in outlets["coordinated_media"]]
    left = {p for _, p in phrases}
    anchors: list[str] = []
    while left:
        counts: dict[str, int] = {}
        for p in left:
            for w in set(p.replace("-", " ").split()) - {"the", "a", "state", "public"}:
                counts[w] = counts.get(w, 0) + 1
        if not counts:
            break
        best = max(sorted(counts), key=lambda w: counts[w])
        anchors.append(best)
        left = {p for p in left if best not in p}
    anchors = [a for a in anchors if not any(o != a and o in a for o in anchors)]
    grouped: dict[str, list[tuple[str, str]]] = {}
    for kind, p in phrases:
        anchor = next(a for a in anchors if a in p)
        grouped.setdefault(anchor, []).append((kind, p))
    return {a: tuple(v) for a, v in grouped.items()}


def _names(entries: list[dict[str, Any]]) -> _Names:
    """The alias tables of a list of `{"name", "aliases"}` entries."""
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for entry in entries:
        name = str(entry["name"])
        aliases = [name, *(str(a) for a in entry["aliases"])]
        for alias in aliases:
            key = _key(alias)
            exact.setdefault(key, name)
            if len(key) > _SHORT:
                folded.setdefault(key.casefold(), name)
    return _Names(exact, folded)


@dataclass(frozen=True, slots=True, eq=False)
class Gazetteer:
    """Lookups over the shipped lists; every method takes a name as written on the page."""

    wires: _Names
    outlets: _Names
    agency_tails: _Tails
    media_words: _Tails
    byline_tails: _Tails
    not_outlet_acronyms: frozenset[str]
    corporate_suffixes: tuple[str, ...]
    # Derived for fast scanning: every agency alias in one pattern, the words an outlet's
    # name may end with, and the media phrases under a few anchor words.
    wire_mentions: re.Pattern[str]
    name_words: frozenset[str]
    media_phrases: dict[str, tuple[tuple[str, str], ...]]

    def wire(self, name: str) -> str | None:
        """The canonical name of a wire agency, or None."""
        return self.wires.get(_strip_the(name)) or self.wires.get(name)

    def outlet(self, name: str) -> str | None:
        """The canonical name of a known outlet (wire agencies included), or None."""
        hit = self.outlets.get(name) or self.outlets.get(_strip_the(name))
        return hit or self.wire(name)

    def looks_like_outlet(self, name: str) -> bool:
        """True when the name ends in a media word: 'Meridian Post', 'Kestrel News Network',
        'San Antonio Express-News'."""
        if self.media_words.ends(name):
            return True
        last = name.rsplit(" ", 1)[-1]
        return "-" in last and self.media_words.ends(last.rsplit("-", 1)[-1])

    def looks_like_agency(self, name: str) -> bool:
        """True for agency-like names that no list holds: 'Continental Press Agency'."""
        return self.agency_tails.ends(name)

    def is_byline_tail(self, name: str) -> bool:
        """True for a desk credit's ending: 'Newsdesk', 'Staff Writer'."""
        return self.byline_tails.ends(name)


def _strip_the(name: str) -> str:
    return name[4:] if name[:4] in ("the ", "The ") else name


@cache
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once per process from package data."""
    base = resources.files("newsgraph.clean").joinpath("data")
    wires = json.loads(base.joinpath("wire_agencies.json").read_text("utf-8"))
    outlets = json.loads(base.joinpath("news_outlets.json").read_text("utf-8"))
    return Gazetteer(
        wires=_names(wires["agencies"]),
        outlets=_names(outlets["outlets"]),
        agency_tails=_Tails.of(wires["agency_tails"]),
        media_words=_Tails.of(outlets["media_words"]),
        byline_tails=_Tails.of(outlets["byline_tails"]),
        not_outlet_acronyms=frozenset(outlets["not_outlet_acronyms"]),
        corporate_suffixes=tuple(outlets["corporate_suffixes"]),
        wire_mentions=_mentions(wires["agencies"]),
        name_words=_last_words(wires["agencies"], outlets["outlets"], outlets["media_words"]),
        media_phrases=_media_phrases(outlets),
    )
