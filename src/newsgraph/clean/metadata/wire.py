"""Wire agencies whose copy the page carries, in order of appearance.

Read from credits, never from mentions in the prose ("told Reuters" is a citation):
- source lines: "Source(s): Xinhua News Agency" (a name no list holds is kept as written);
- datelines opening a paragraph: "PORTHAVEN, Oct. 14 (Reuters) -", "(AP) —"; an abbreviation
  no list holds counts when the page spells it out: "Continental Press Agency (CPA)";
- credit phrases: "Distributed by ...", "Provided by ...", "Reporting by ... (Reuters)";
- copyright lines naming an agency: "© 2025 The Associated Press";
- bylines and credit lines under the headline: "By Reuters", "By Dana Kowalczyk, Associated
  Press", or an agency name standing alone.
Photo credits ("(AP Photo/...)", "REUTERS/...") are not text credits and are skipped.
"""

from __future__ import annotations

import re

from newsgraph.clean.metadata.gazetteer import Gazetteer
from newsgraph.clean.metadata.names import NAME, clean_name
from newsgraph.clean.metadata.scan import find_all
from newsgraph.clean.metadata.byline import is_byline
from newsgraph.clean.metadata.view import Finding, PageView, squash

__all__ = ["find_wires"]

_SOURCE_CUES = ("Source", "source", "SOURCE", "Via", "VIA", "Agencies", "With reporting", "With input")
_SOURCE = re.compile(
    r"[ \t]*(?i:source\(s\)|sources?|via|agencies|with (?:reporting|input) from)[ \t]*:[ \t]*(?P<names>[^\n]+?)[ \t]*$",
    re.MULTILINE,
)
_SPLIT = re.compile(r"\s*(?:,|;|/|\band\b|&|\+)\s*")
_DATELINE = re.compile(r"\((?P<ab>[A-Z][\w.&'’ -]{0,40}?)\)[ \t]*(?:[-–—]{1,2}|:)[ \t]")
_CREDIT_CUES = ("Distributed by", "Provided by", "Supplied by", "Courtesy of", "Content from", "Syndicated from")
_CREDIT = re.compile(rf"(?i:distributed|provided|supplied|content|courtesy|syndicated)[ \t]+(?:by|from|of)[ \t]+"
                     rf"(?P<name>(?:[Tt]he[ \t]+)?{NAME})")
_CREDIT_LINE_CUES = ("Reporting by", "REPORTING BY", "Writing by", "Editing by", "Compiled by", "(Reporting",
                     "Additional reporting", "(Additional")
_PAREN = re.compile(r"\(([^()]{2,40})\)")
_GENERIC = frozenset({"agencies", "agency", "wires", "wire services", "news agencies", "staff", "other"})
# A dateline opens its paragraph: "SARNAVO, Orlenia, Oct. 21 (AP) —" fits in this many characters.
_DATELINE_REACH = 80
_HEAD_LINES = 6


class _Found(list[tuple[int, Finding]]):
    """Findings with the raw offset they were read at, for page order."""

    def add(self, pos: int, finding: Finding) -> None:
        self.append((pos, finding))


def _wire_name(name: str, gaz: Gazetteer) -> str | None:
    name = clean_name(name).strip(" .,;:")
    known = gaz.wire(name)
    if known:
        return known
    return name if gaz.looks_like_agency(name) else None


def _sources(view: PageView, gaz: Gazetteer, outlet: str | None, found: _Found) -> None:
    for i in view.cue_lines():
        ln = view.lines[i]
        if not ln.text.startswith(_SOURCE_CUES):
            continue
        m = _SOURCE.match(view.raw, ln.start, ln.end)
        if not m or len(m.group("names").split()) > 12:
            continue
        offset = m.start("names")
        for piece in _SPLIT.split(m.group("names")):
            name = clean_name(piece).strip(" .,;:")
            start = view.raw.find(piece, offset)
            if start >= 0:
                offset = start + len(piece)
            if not name or not name[:1].isupper() or name.casefold() in _GENERIC:
                continue
            if outlet and squash(name).startswith(squash(outlet)):
                continue  # the page's own outlet ("Source: Al Jazeera News" on Al Jazeera)
            value = gaz.wire(name) or name
            found.add(max(start, 0), Finding(value, view.raw_evidence(start, start + len(piece), "wire:source_line"),
                                             i, "wire_credit"))


def _datelines(view: PageView, gaz: Gazetteer, found: _Found) -> None:
    for m in _DATELINE.finditer(view.raw):
        i = view.line_at(m.start())
        ln = view.lines[i]
        if m.start() - ln.start > _DATELINE_REACH or view.after_body(i) or view.is_caption(i):
            continue
        ab = m.group("ab").strip()
        value = gaz.wire(ab)
        if value is None:
            spelled = re.search(rf"(?P<name>{NAME})[ \t]*\({re.escape(ab)}\)", view.raw)
            if spelled and gaz.looks_like_agency(clean_name(spelled.group("name"))):
                value = clean_name(spelled.group("name"))
        if value:
            found.add(m.start("ab"), Finding(value, view.raw_evidence(m.start("ab"), m.end("ab"), "wire:dateline")))


def _credits(view: PageView, gaz: Gazetteer, found: _Found) -> None:
    for i in view.cue_lines():
        ln = view.lines[i]
        m = _CREDIT.match(view.raw, ln.start, ln.end) if ln.text.startswith(_CREDIT_CUES) else None
        if not m:
            continue
        value = _wire_name(m.group("name"), gaz)
        if value and not view.is_caption(i):
            reason = "wire_credit" if len(view.lines[i].text.split()) <= 25 else None
            found.add(m.start("name"), Finding(value, view.raw_evidence(m.start("name"), m.end("name"), "wire:credit"),
                                               i if reason else None, reason))
    for m in view.copyrights():
        i = view.line_at(m.start())
        value = _wire_name(m.group("name"), gaz)
        if value and not view.is_caption(i):
            found.add(m.start("name"), Finding(value, view.raw_evidence(m.start("name"), m.end("name"), "wire:copyright")))
    contributed = {view.line_at(pos) for pos in find_all(view.raw, ("contributed to this report",))}
    for i in sorted({*contributed, *(i for i in view.cue_lines() if view.lines[i].text.startswith(_CREDIT_LINE_CUES))}):
        ln = view.lines[i]
        if i in contributed:
            for m in gaz.wire_mentions.finditer(ln.text):
                value = gaz.wire(m.group())
                if value:
                    start = ln.start + m.start()
                    found.add(start, Finding(value, view.raw_evidence(start, ln.start + m.end(), "wire:credit_line")))
            continue
        for p in _PAREN.finditer(ln.text):
            value = gaz.wire(p.group(1).strip())
            if value:
                start = ln.start + p.start(1)
                found.add(start, Finding(value, view.raw_evidence(start, ln.start + p.end(1), "wire:credit_line"),
                                         i, "wire_credit"))


def _head(view: PageView, gaz: Gazetteer, title_line: int | None, found: _Found) -> None:
    """Bylines and agency names standing alone between the headline and the body."""
    lo = title_line + 1 if title_line is not None else max(view.anchor - _HEAD_LINES, 0)
    hi = max(min(view.anchor, lo + _HEAD_LINES), lo)
    for i in range(lo, min(hi, len(view.lines))):
        ln = view.lines[i]
        if view.is_caption(i):
            continue
        text = ln.text
        alone = gaz.wire(text) or (_wire_name(text, gaz) if len(text.split()) <= 5 else None)
        if alone:
            found.add(ln.start, Finding(alone, view.line_evidence(i, "wire:standalone_credit"), i, "wire_credit"))
        elif is_byline(text):
            for m in gaz.wire_mentions.finditer(text):
                value = gaz.wire(m.group())
                if value:
                    start = ln.start + m.start()
                    found.add(start, Finding(value, view.raw_evidence(start, ln.start + m.end(), "wire:byline"),
                                             i, "byline"))


def find_wires(view: PageView, gaz: Gazetteer, outlet: str | None, title_line: int | None) -> list[Finding]:
    """Every wire credit on the page in page order; the same agency may come more than once."""
    found = _Found()
    _sources(view, gaz, outlet, found)
    _datelines(view, gaz, found)
    _credits(view, gaz, found)
    _head(view, gaz, title_line, found)
    return [finding for _, finding in sorted(found, key=lambda item: item[0])]
