"""Outlets the article body cites as sources, in order of first mention.

A citation is a name in one of these frames:
- before a reporting verb: "Bloomberg reports", "Meridian Post reported", "As the Kestrel
  News Network reported";
- after a citing phrase: "according to Bloomberg", "as reported by The Guardian", "told the
  Valley Courier", "in an interview with CNN";
- next to a media noun: "public broadcaster VBC", "the Valley Courier, a local newspaper",
  "Kasmarian state television and Orbita International";
- an abbreviation before "reported"/"wrote" ("RTO reported"), unless the lists know it as an
  institution ("NATO", "WHO") or it follows "the".
In the first two frames the name must be a known outlet or look like one (end in a media
word: "... Post", "... News Network"); a media noun vouches for any capitalised name. The
page's own outlet (also in a short form: "told the Ledger") and its wire agencies are left
out. Cues are found with `str.find` and names read next to them (see `scan`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.clean.metadata.dates import WEEKDAYS
from newsgraph.clean.metadata.gazetteer import Gazetteer
from newsgraph.clean.metadata.names import JOINERS, clean_name
from newsgraph.clean.metadata.scan import find_all, name_after, name_before, word_at
from newsgraph.clean.metadata.view import Finding, PageView, squash

__all__ = ["find_cited"]

_AUX = frozenset("has had have also first previously earlier later recently originally exclusively".split())
# Every cue costs a scan of the body, so the cues are the productive few: reporting verbs
# after a name ("report" covers reports and reported) ...
_VERB_ANCHORS = (" report", " said", " says", " wrote", " writes")
_VERBS = frozenset({"reports", "reported", "said", "says", "wrote", "writes"})
_ACRONYM_VERBS = frozenset({"reported", "reports", "wrote", "writes"})
# ... and citing phrases before a name: the anchor found by `str.find`, then the phrases
# that may hold it (compared case-blind, for a sentence start).
_CUE_ANCHORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ccording to", ("according to",)),
    ("eport", ("reported by", "report by", "report from", "report in")),
    ("told", ("told",)),
    ("nterview", ("interview with", "interview to", "interview for", "interviewed by")),
    ("peaking", ("speaking to", "speaking with")),
    ("spoke", ("spoke to", "spoke with")),
    ("rticle in", ("article in",)),
    ("ublished", ("published by", "published in")),
)
_APPOSITION = re.compile(r",[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,3}?$")
_COORDINATED = re.compile(r"[ \t](?:and|or)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w-]*[ \t]+)?$")
_DEMONYM = re.compile(r"(?:an|ese|ish|ch|ic|i)$")
_MONTHS = frozenset("January February March April May June July August September October November December".split())


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    name: str
    kind: str


def _last_word(text: str, end: int) -> str:
    lo = max(0, end - 40)
    return text[max(text.rfind(" ", lo, end), text.rfind("\n", lo, end)) + 1:end]


def _verb_hits(text: str, gaz: Gazetteer, hits: list[_Hit]) -> None:
    """Names before a reporting verb; the word before the verb is checked first, cheaply."""
    for pos in find_all(text, _VERB_ANCHORS):
        end = pos + 1
        while end < len(text) and text[end].isalpha():
            end += 1
        verb = text[pos + 1:end]
        if verb not in _VERBS:
            continue
        before = pos
        word = _last_word(text, before)
        while word in _AUX:
            before -= len(word) + 1
            word = _last_word(text, before)
        word = word.lstrip("“\"‘'(«[")
        if not word[:1].isupper() or not (word in gaz.name_words or word.isupper()):
            continue
        found = name_before(text, pos, _AUX)
        if not found:
            continue
        start, name = found
        if verb in _ACRONYM_VERBS and name.isupper() and " " not in name and 2 <= len(name) <= 6:
            if _clause_start(text, start):
                hits.append(_Hit(start, name, "acronym"))
            continue
        hits.append(_Hit(start, name, "before"))


def _clause_start(text: str, start: int) -> bool:
    """True when a clause opens at `start`: an abbreviation there is a subject ("..., RTO
    reported"), not an object ("those with BED reported")."""
    before = text[max(0, start - 12):start].rstrip(" \t")
    if not before or before.endswith(("\n", ".", ",", ";", ":", "!", "?", '"', "”", "’", "(")):
        return True
    return before.endswith((" and", " as", " but", " while"))


def _cue_hits(text: str, hits: list[_Hit]) -> None:
    """Names after a citing phrase: "according to Bloomberg", "told the Valley Courier"."""
    for anchor, phrases in _CUE_ANCHORS:
        for pos in find_all(text, (anchor,)):
            for phrase in phrases:
                at = pos - phrase.find(anchor)
                end = at + len(phrase)
                if at < 0 or text[at:end].lower() != phrase or not word_at(text, at, end):
                    continue
                if end < len(text) and text[end] in " \t":
                    found = name_after(text, end)
                    if found:
                        hits.append(_Hit(found[0], found[1], "after"))
                break


def _noun_hits(text: str, gaz: Gazetteer, hits: list[_Hit]) -> None:
    """Names next to a media noun: "public broadcaster VBC", "X, a local newspaper",
    "state television and Orbita International"."""
    for anchor, phrases in gaz.media_phrases.items():
        for pos in find_all(text, (anchor,)):
            for kind, phrase in phrases:
                at = pos - phrase.find(anchor)
                end = at + len(phrase)
                if at < 0 or text[at:end].lower() != phrase.lower() or not word_at(text, at, end):
                    continue
                if kind == "before":
                    _add(hits, name_after(text, end))
                elif kind == "after":
                    if end + 1 < len(text) and text[end] == " " and text[end + 1].isupper():
                        continue  # "newspaper Kommersant": the name follows; read as "before"
                    m = _APPOSITION.search(text, max(0, at - 60), at + 1)
                    _add(hits, name_before(text, m.start()) if m else name_before(text, at))
                else:
                    tail = text[end:end + 5]
                    if tail.startswith((" and ", " or ")):
                        _add(hits, name_after(text, end + (5 if tail.startswith(" and ") else 4)))
                    m = _COORDINATED.search(text, max(0, at - 40), at)
                    if m:
                        _add(hits, name_before(text, m.start()))


def _add(hits: list[_Hit], found: tuple[int, str] | None) -> None:
    if found:
        hits.append(_Hit(found[0], found[1], "noun"))


def _readings(name: str, kind: str) -> list[str]:
    """Readings of a matched name, longest first: in "Yesterday Bloomberg reported" the
    leading words may open the sentence; after a cue the name is read whole."""
    words = clean_name(name).split()
    if words[:1] == ["the"]:
        words = words[1:]
    while words and (words[-1] in WEEKDAYS or words[-1] in _MONTHS):
        words.pop()  # "told CNN Sunday"
    if kind == "before":
        return [" ".join(words[k:]) for k in range(len(words)) if words[k] not in JOINERS]
    return [" ".join(words)] if words else []


def _known(cand: str, had_the: bool, gaz: Gazetteer) -> str | None:
    """The canonical name of a known outlet; "the Independent" is "The Independent"."""
    return gaz.outlet(cand) or (gaz.outlet("The " + cand) if had_the and not cand.startswith("The ") else None)


def _known_head(cand: str, gaz: Gazetteer) -> bool:
    """True when the name opens with an outlet-like run of words that more capitalised words
    continue: "Sioux Falls Argus Leader" (a name may go on past its media word)."""
    words = cand.split()
    for k in range(len(words) - 1, 1, -1):
        head = " ".join(words[:k])
        if gaz.looks_like_outlet(head) and words[k][:1].isupper():
            return True
    return False


def _outlet_like(cand: str, kind: str, gaz: Gazetteer) -> bool:
    words = cand.split()
    core = words[1:] if words[:1] == ["The"] else words
    if not core or cand in gaz.not_outlet_acronyms:
        return False
    if kind == "acronym":
        return True
    if gaz.looks_like_outlet(cand) and len(core) >= 2:
        return True
    if kind == "after" and _known_head(cand, gaz):
        return True
    if kind in ("before", "after"):
        return False
    if len(core) == 1 and _DEMONYM.search(core[0]) and not core[0].isupper():
        return False
    return len(core) <= 5 and all(w[:1].isupper() or w in JOINERS for w in core)


class _Excluded:
    """The page's own outlet in its long and short forms, and its wire agencies."""

    __slots__ = ("acronym", "keys", "tokens", "wires")

    def __init__(self, outlet: str | None, wires: list[str]) -> None:
        self.keys = {squash(outlet)} if outlet else set()
        words = [w for w in (outlet or "").split() if w != "The"]
        self.tokens = set(words)
        self.acronym = "".join(w[0] for w in words if w[:1].isupper()) if len(words) > 1 else ""
        self.wires = {squash(w) for w in wires}

    def __contains__(self, cand: str) -> bool:
        words = [w for w in cand.split() if w != "The"]
        if squash(cand) in self.keys or (words and set(words) <= self.tokens) or cand == self.acronym:
            return True
        return squash(cand) in self.wires


def find_cited(view: PageView, gaz: Gazetteer, outlet: str | None, wires: list[str]) -> list[Finding]:
    """Cited outlets in order of first mention in the body, one finding each."""
    text = view.page.text
    if not text:
        return []
    hits: list[_Hit] = []
    _verb_hits(text, gaz, hits)
    _cue_hits(text, hits)
    _noun_hits(text, gaz, hits)
    excluded = _Excluded(outlet, wires)
    chosen: list[tuple[int, int, str, str]] = []
    for hit in hits:
        had_the = hit.name.startswith("the ")
        for cand in _readings(hit.name, hit.kind):
            known = _known(cand, had_the, gaz)
            if not known and not _outlet_like(cand, hit.kind, gaz):
                continue
            wire = gaz.wire(cand)
            if cand in excluded or (known and known in excluded) or (wire and wire in excluded):
                break
            start = hit.start + max(hit.name.find(cand), 0)
            chosen.append((start, start + len(cand), known or cand, hit.kind))
            break
    out: list[Finding] = []
    seen: set[str] = set()
    for start, end, value, kind in sorted(chosen):
        key = squash(value)
        if key in seen:
            continue
        seen.add(key)
        span = view.raw_span(start, end)
        out.append(Finding(value, view.raw_evidence(*span, f"cited:{kind}") if span else None))
    return out
