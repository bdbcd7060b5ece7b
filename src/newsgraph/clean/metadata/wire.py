"""Wire agencies whose copy the page carries, in order of appearance.

Read from credits, never from mentions in the prose ("told Reuters" is a citation):
- source lines: "Source(s): Xinhua News Agency" (a name no list holds is kept as written);
- datelines opening a paragraph: "PORTHAVEN, Oct. 14 (Reuters) -", "(AP) —", "MOSCOW, March
  20. /TASS/."; an abbreviation
  no list holds counts when the page spells it out as an agency: "Continental Press Agency
  (CPA)";
- credit phrases and lines: "Distributed by ...", "Reporting by ... (Reuters)", "The
  Associated Press contributed to this report", "© 2025 The Associated Press";
- under the headline: bylines naming an agency ("By Reuters", "By Dana Kowalczyk,
  Associated Press") and an agency's name standing alone.
Photo credits ("(AP Photo/...)", "REUTERS/...") credit pictures, not the text: captions are
skipped. Names are canonical ("AP" -> "Associated Press") through the gazetteer.
"""

from __future__ import annotations

import re

from newsgraph.clean.metadata.byline import is_byline
from newsgraph.clean.metadata.gazetteer import Gazetteer
from newsgraph.clean.metadata.names import NAME, clean_name
from newsgraph.clean.metadata.scan import find_all
from newsgraph.clean.metadata.view import CREDIT_CUES, CREDIT_LINE_CUES, SOURCE_CUES, Finding, PageView, squash

__all__ = ["find_wires"]

_SOURCE = re.compile(
    r"[ \t]*(?i:source\(s\)|sources?|via|agencies|with (?:reporting|input) from)[ \t]*:[ \t]*(?P<names>.+?)[ \t]*$"
)
_SPLIT = re.compile(r"\s*(?:,|;|/|\band\b|&|\+)\s*")
_DATELINE = re.compile(r"\((?P<ab>[A-Z][\w.&'’ -]{0,40}?)\)[ \t]*(?:[-–—]{1,2}|:)[ \t]")
# "MOSCOW, October 14. /TASS/. ...": the agency between slashes (listed agencies only).
_SLASH_DATELINE = re.compile(r" /(?P<ab>[A-Z][A-Za-z-]{1,20})/\.?[ \t]")
_CREDIT = re.compile(
    rf"(?i:distributed|provided|supplied|content|courtesy|syndicated)[ \t]+(?:by|from|of)[ \t]+"
    rf"(?P<name>(?:[Tt]he[ \t]+)?{NAME})"
)
_CONTRIBUTED = ("contributed to this report",)
_PAREN = re.compile(r"\(([^()]{2,40})\)")
_GENERIC = frozenset({"agencies", "agency", "wires", "wire services", "news agencies", "staff", "other"})
# A dateline opens its paragraph: "SARNAVO, Orlenia, Oct. 21 (AP) —" fits in this many characters.
_DATELINE_REACH = 80
_MAX_SOURCE_WORDS = 12
_MAX_CREDIT_WORDS = 25
_HEAD_LINES = 6


class _Found(list[tuple[int, Finding]]):
    """Findings with the raw offset they were read at, for page order."""

    def add(self, pos: int, value: str, view: PageView, end: int, rule: str,
            line: int | None = None, reason: str | None = None) -> None:
        self.append((pos, Finding(value, view.raw_evidence(pos, end, rule), line, reason)))

    def mentions(self, view: PageView, gaz: Gazetteer, i: int, rule: str, reason: str | None) -> None:
        """Every agency named on line `i`."""
        ln = view.lines[i]
        for m in gaz.wire_mentions.finditer(ln.text):
            value = gaz.wire(m.group())
            if value:
                self.add(ln.start + m.start(), value, view, ln.start + m.end(), rule,
                         i if reason else None, reason)


def _agency(name: str, gaz: Gazetteer) -> str | None:
    """The canonical name of a listed agency, or the name itself when it reads as one."""
    name = clean_name(name).strip(" .,;:")
    return gaz.wire(name) or (name if gaz.looks_like_agency(name) else None)


def _sources(view: PageView, gaz: Gazetteer, outlet: str | None, found: _Found) -> None:
    for i in view.cue_lines():
        ln = view.lines[i]
        m = _SOURCE.match(view.raw, ln.start, ln.end) if ln.text.startswith(SOURCE_CUES) else None
        if not m or len(m.group("names").split()) > _MAX_SOURCE_WORDS:
            continue
        offset = m.start("names")
        for piece in _SPLIT.split(m.group("names")):
            start = view.raw.find(piece, offset, ln.end)
            if start < 0:
                continue
            offset = start + len(piece)
            name = clean_name(piece).strip(" .,;:")
            if not name[:1].isupper() or name.casefold() in _GENERIC:
                continue
            if outlet and squash(name).startswith(squash(outlet)):
                continue  # the page's own outlet: "Source: Al Jazeera News" on Al Jazeera
            found.add(start, gaz.wire(name) or name, view, offset, "wire:source_line", i, "wire_credit")


def _datelines(view: PageView, gaz: Gazetteer, found: _Found) -> None:
    for m in _SLASH_DATELINE.finditer(view.raw):
        i = view.line_at(m.start())
        value = gaz.wire(m.group("ab"))
        if value and m.start() - view.lines[i].start <= _DATELINE_REACH and not view.after_body(i):
            found.add(m.start("ab"), value, view, m.end("ab"), "wire:dateline")
    for m in _DATELINE.finditer(view.raw):
        i = view.line_at(m.start())
        if m.start() - view.lines[i].start > _DATELINE_REACH or view.after_body(i) or view.is_caption(i):
            continue
        ab = m.group("ab").strip()
        value = gaz.wire(ab)
        if value is None:
            spelled = re.search(rf"(?P<name>{NAME})[ \t]*\({re.escape(ab)}\)", view.raw)
            name = clean_name(spelled.group("name")) if spelled else ""
            value = name if gaz.looks_like_agency(name) else None
        if value:
            found.add(m.start("ab"), value, view, m.end("ab"), "wire:dateline")


def _credits(view: PageView, gaz: Gazetteer, found: _Found) -> None:
    for i in view.cue_lines():
        ln = view.lines[i]
        if view.is_caption(i):
            continue
        m = _CREDIT.match(view.raw, ln.start, ln.end) if ln.text.startswith(CREDIT_CUES) else None
        value = _agency(m.group("name"), gaz) if m else None
        if m and value:
            short = len(ln.text.split()) <= _MAX_CREDIT_WORDS
            found.add(m.start("name"), value, view, m.end("name"), "wire:credit",
                      i if short else None, "wire_credit" if short else None)
        elif ln.text.startswith(CREDIT_LINE_CUES):
            for p in _PAREN.finditer(ln.text):
                value = gaz.wire(p.group(1).strip())
                if value:
                    found.add(ln.start + p.start(1), value, view, ln.start + p.end(1), "wire:credit_line",
                              i, "wire_credit")
    for m in view.copyrights():
        value = _agency(m.group("name"), gaz)
        if value and not view.is_caption(view.line_at(m.start())):
            found.add(m.start("name"), value, view, m.end("name"), "wire:copyright")
    for i in sorted({view.line_at(pos) for pos in find_all(view.raw, _CONTRIBUTED)}):
        found.mentions(view, gaz, i, "wire:contributed", None)


def _head(view: PageView, gaz: Gazetteer, title_line: int | None, found: _Found) -> None:
    """Bylines and agency names standing alone between the headline and the body."""
    lo = title_line + 1 if title_line is not None else max(view.anchor - _HEAD_LINES, 0)
    for i in range(lo, min(max(view.anchor, lo), lo + _HEAD_LINES, len(view.lines))):
        text = view.lines[i].text
        if view.is_caption(i):
            continue
        alone = gaz.wire(text) or (_agency(text, gaz) if len(text.split()) <= 5 else None)
        if alone:
            ln = view.lines[i]
            found.add(ln.start, alone, view, ln.end, "wire:standalone_credit", i, "wire_credit")
        elif is_byline(text):
            found.mentions(view, gaz, i, "wire:byline", "byline")


def find_wires(view: PageView, gaz: Gazetteer, outlet: str | None, title_line: int | None) -> list[Finding]:
    """Every wire credit on the page in page order; the same agency may come more than once."""
    found = _Found()
    _sources(view, gaz, outlet, found)
    _datelines(view, gaz, found)
    _credits(view, gaz, found)
    _head(view, gaz, title_line, found)
    return [finding for _, finding in sorted(found, key=lambda item: item[0])]
