"""What every metadata reader needs to know about a cleaned page, computed once.

The readers must not trust the body decisions blindly (the line model improves over time
and is never perfect), so the view derives its landmarks with some slack: the `anchor` is
the first kept line that reads like prose (ten words or more and a final stop), not merely
the first kept line (it may be a long headline), and `body_end` the last such line. Costly
facts (the page's dates, its copyright notices, the lines that open with a credit cue) are
computed once, on first use.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from newsgraph.clean.lines import Line
from newsgraph.clean.metadata.dates import DateHit, find_dates
from newsgraph.clean.metadata.names import COPYRIGHT
from newsgraph.clean.metadata.scan import find_all
from newsgraph.clean.page import CleanPage
from newsgraph.records import Evidence

__all__ = ["CREDIT_CUES", "CREDIT_LINE_CUES", "LINE_CUES", "SOURCE_CUES", "Finding", "PageView", "squash"]

_SQUASH = re.compile(r"[\W_]+")
_COPYRIGHT_CUES = ("©", "Copyright", "COPYRIGHT", "(c)", "(C)")
# Openings of the credit lines the wire reader reads: source lines, agency credits, reporter credits.
SOURCE_CUES = ("Source", "source", "SOURCE", "Via", "VIA", "Agencies", "With reporting", "With input")
CREDIT_CUES = ("Distributed by", "Provided by", "Supplied by", "Courtesy of", "Content from", "Syndicated from")
CREDIT_LINE_CUES = ("Reporting by", "REPORTING BY", "Writing by", "Editing by", "Compiled by", "(Reporting",
                    "Additional reporting", "(Additional")
# Openings of credit lines (see `PageView.cue_lines`).
LINE_CUES = (*_COPYRIGHT_CUES, *SOURCE_CUES, *CREDIT_LINE_CUES, *CREDIT_CUES)
_CUE_FIRST = frozenset(cue[0] for cue in LINE_CUES)
# A kept line is prose, not a headline the cleaner kept, with this many words and a final
# stop, or with the longer count whatever its end.
_PROSE_WORDS = 10
_LONG_WORDS = 25
_STOPS = tuple(".!?\"”’)…:")
_CAPTION = re.compile(
    r"\((?:[^()]*\b(?:photo|image|picture|file|pictured|credit|illustration|video)\b[^()]*)\)\s*$"
    r"|(?:^|\s)/\s?[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)?\s*$"
    r"|\b(?:photo|image|picture|credit|photograph|illustration)s?(?: by)?\s*:\s*\S"
    r"|^in this (?:\w+ )*(?:photo|image|file)\b|\bfile (?:photo|image|picture)\b",
    re.IGNORECASE,
)


def squash(text: str) -> str:
    """Letters and digits only, case-folded: for comparing lines that differ in punctuation."""
    return _SQUASH.sub("", text).casefold()


@dataclass(frozen=True, slots=True)
class Finding:
    """A metadata value, where it was read, and the line that holds nothing else, if any."""

    value: str
    evidence: Evidence | None
    line: int | None = None
    reason: str | None = None


class PageView:
    """The raw page, its lines with the cleaner's decisions, and landmarks derived from them."""

    __slots__ = (
        "_captions", "_clean_starts", "_copyrights", "_cue_lines", "_dates", "_folded", "_starts",
        "anchor", "body_end", "kept", "lines", "page", "raw", "reasons", "rules",
    )

    def __init__(self, raw: str, page: CleanPage) -> None:
        seg = page.segmentation
        self.raw = raw
        self.page = page
        self.lines: tuple[Line, ...] = seg.lines
        self.reasons: tuple[str | None, ...] = seg.reasons
        self.rules: tuple[str | None, ...] = seg.rules
        self._starts = [ln.start for ln in self.lines]
        self._clean_starts = [s.clean_start for s in page.offset_map]
        self._folded: str | None = None
        self._dates: list[DateHit] | None = None
        self._copyrights: list[re.Match[str]] | None = None
        self._cue_lines: list[int] | None = None
        self._captions: dict[int, bool] = {}
        self.kept = [i for i, r in enumerate(self.reasons) if r is None]
        prose = [i for i in self.kept if _reads_as_prose(self.lines[i].text)]
        if not prose:
            prose = [i for i, ln in enumerate(self.lines) if self.rules[i] is None and _is_prose(ln.text)]
        n = len(self.lines)
        self.anchor = prose[0] if prose else (self.kept[0] if self.kept else n)
        self.body_end = prose[-1] if prose else (self.kept[-1] if self.kept else n - 1)

    def folded(self) -> str:
        """The raw page in lower case, for case-blind searches."""
        if self._folded is None:
            self._folded = self.raw.lower()
        return self._folded

    def dates(self) -> list[DateHit]:
        """Every absolute date on the raw page, in page order (computed once)."""
        if self._dates is None:
            self._dates = find_dates(self.raw)
        return self._dates

    def cue_lines(self) -> list[int]:
        """Lines that open with a credit cue: "Source:", "Reporting by", "©", "Distributed by"...

        One pass of `str.startswith` over the lines serves every reader that looks for
        credits at line starts, instead of a page scan per cue.
        """
        if self._cue_lines is None:
            first = _CUE_FIRST
            self._cue_lines = [i for i, ln in enumerate(self.lines)
                               if ln.text[0] in first and ln.text.startswith(LINE_CUES)]
        return self._cue_lines

    def copyrights(self) -> list[re.Match[str]]:
        """Copyright notices of the raw page: "© 2025 <Name>", "Copyright <Name>"."""
        if self._copyrights is None:
            starts = [self.lines[i].start for i in self.cue_lines() if self.lines[i].text.startswith(_COPYRIGHT_CUES)]
            found = []
            for pos in sorted({*starts, *find_all(self.raw, ("©",))}):
                m = COPYRIGHT.match(self.raw, pos)
                if m and (not found or found[-1].end() != m.end()):
                    found.append(m)
            self._copyrights = found
        return self._copyrights

    def line_at(self, offset: int) -> int:
        """Index of the line holding raw `offset` (or the line before it, between lines)."""
        return max(bisect_right(self._starts, offset) - 1, 0)

    def raw_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Raw offsets of clean-text `start:end` when both ends were copied from the page."""
        a, b = self._raw(start), self._raw(end - 1)
        return (a, b + 1) if a is not None and b is not None else None

    def _raw(self, offset: int) -> int | None:
        k = bisect_right(self._clean_starts, offset) - 1
        if k < 0:
            return None
        seg = self.page.offset_map[k]
        if offset >= seg.clean_start + seg.length:
            return None
        return seg.raw_start + offset - seg.clean_start

    def is_caption(self, i: int, by_position: bool = True) -> bool:
        """A caption by its wording, or (with `by_position`) because the cleaner placed it so."""
        if self.rules[i] == "caption" or (by_position and self.reasons[i] == "caption"):
            return True
        worded = self._captions.get(i)
        if worded is None:
            worded = self._captions[i] = bool(_CAPTION.search(self.lines[i].text))
        return worded

    def after_body(self, i: int) -> bool:
        """True for a line below the body's last prose line: teasers, footers."""
        return i > self.body_end

    def relabels(self, i: int, reason: str) -> bool:
        """True when metadata `reason` may stand for the cleaner's decision on line `i`.

        A reason the cleaner had from its model or from where the line stands ("header",
        "caption" between two copies of a lede) gives way to the metadata's more precise
        one; a reason a furniture rule matched ("cookie_banner", "timestamp") stays.
        """
        return self.reasons[i] is None or self.rules[i] is None or self.reasons[i] == reason

    def line_evidence(self, i: int, rule: str) -> Evidence:
        ln = self.lines[i]
        return Evidence(ln.start, ln.end, ln.text, rule)

    def raw_evidence(self, start: int, end: int, rule: str) -> Evidence:
        return Evidence(start, end, self.raw[start:end], rule)


def _words(text: str) -> int:
    return text.count(" ") + 1


def _reads_as_prose(text: str) -> bool:
    words = _words(text)
    return words >= _LONG_WORDS or (words >= _PROSE_WORDS and text.endswith(_STOPS))


def _is_prose(text: str) -> bool:
    return _words(text) >= 15 and text[-1] in ".!?\"”’"
