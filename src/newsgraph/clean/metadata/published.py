"""The publication date: printed on the page ("explicit") or inferred from a dated caption.

Explicit, in order of trust:
1. a date labelled as the publication date anywhere: "date 2025-08-24", "Published: 14
   October 2025 09:12", "Posted Friday, October 17, 2025";
2. an unlabelled date on a short line of the article header ("21.10.2025 | 19:05"), the one
   nearest the headline;
3. a date labelled as an update: "Updated Oct. 14, 2025 4:31 p.m.", "Last updated ...".
Dates in captions ("In this March 9, 2016 file image") and in teasers or timestamps after
the body (other articles' dates) are never the page's date.

Inferred: with no printed date, an absolute date D in a caption or in the body, whose
weekday the body names as a news day ("on Thursday", "said Thursday"), is taken as the
publication date; the latest such D when several fit. Otherwise there is no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.clean.metadata.dates import WEEKDAYS, DateHit, find_dates, find_weekdays, parse_date
from newsgraph.clean.metadata.view import Finding, PageView
from newsgraph.records import Published

__all__ = ["DateFinding", "find_published", "normalise_given"]

# A label right before the date (a weekday may sit between): searched in a short window.
_LABEL = re.compile(
    r"\b(?P<label>first published|date published|publication date|published|posted|dated|date|released|created"
    r"|publiziert|veröffentlicht|publié|publicado|pubblicato|gepubliceerd|opublikowano|опубликовано"
    r"|(?P<update>last updated|last modified|updated|modified|aktualisiert|mis à jour|actualizado|aggiornato))"
    r"(?:[ \t]+(?:on|at|am|le|el|em|il|op))?[ \t]*:?[ \t]*"
    r"(?:\d{1,2}[:.]\d\d(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]+[a-z]{2,4})?,?[ \t]*)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]*|(?:mon|tue|wed|thu|fri|sat|sun)\.?,?[ \t]*)?$"
)
_LABEL_WINDOW = 64
_LATE = frozenset({"related_teaser", "timestamp", "related"})
_FILE = re.compile(r"\b(?:file|archive|archives)\b", re.IGNORECASE)
_SHORT_LINE = 14
_HEADER_LINE = 20
_SENTENCE_END = (".", "!", "?", '"', "”")
_AFTER_TITLE = 6


@dataclass(frozen=True, slots=True)
class DateFinding:
    """The date record and the finding (evidence, line) it was read from."""

    published: Published
    finding: Finding


def normalise_given(value: str) -> str | None:
    """A caller's date as YYYY-MM-DD, or None when it is not a date."""
    found = parse_date(value)
    return found.isoformat() if found else None


def _prose(text: str) -> bool:
    """A sentence of running text rather than a header line with a date."""
    words = text.count(" ") + 1
    return words > _HEADER_LINE or (words > _SHORT_LINE and text.endswith(_SENTENCE_END))


def _late(view: PageView, i: int) -> bool:
    """A line after the body that the cleaner took for a teaser or a timestamp."""
    return view.after_body(i) and view.reasons[i] in _LATE


def _labelled(view: PageView) -> tuple[Finding | None, Finding | None, set[int]]:
    """The first publication-labelled and update-labelled dates, and the lines holding labels."""
    published = updated = None
    labelled: set[int] = set()
    for hit in view.dates():
        i = view.line_at(hit.start)
        ln = view.lines[i]
        window = view.raw[max(ln.start, hit.start - _LABEL_WINDOW):hit.start].lower()
        m = _LABEL.search(window)
        if not m:
            continue
        at_start = hit.start - len(window) + m.start() <= ln.start + 2
        if not at_start and _prose(ln.text):
            continue  # "the report, published on March 3, 2020, found": prose, not a label
        if view.is_caption(i) or _late(view, i):
            continue
        labelled.add(i)
        standalone = len(ln.text.split()) <= _SHORT_LINE
        finding = Finding(hit.value.isoformat(), view.line_evidence(i, "published:labelled"),
                          i if standalone else None, "dateline" if standalone else None)
        if m.group("update"):
            updated = updated or finding
        else:
            published = published or finding
    return published, updated, labelled


def _header(view: PageView, title_line: int | None, labelled: set[int]) -> Finding | None:
    """An unlabelled date on a short header line, nearest the headline."""
    hi = max(view.anchor, (title_line or 0) + _AFTER_TITLE)
    best: tuple[int, Finding] | None = None
    for hit in view.dates():
        i = view.line_at(hit.start)
        if i >= hi:
            break
        ln = view.lines[i]
        if i in labelled or _prose(ln.text) or view.is_caption(i) or view.after_body(i):
            continue
        if view.rules[i] == "cookie_banner" or (view.reasons[i] is None and i > view.anchor):
            continue
        distance = abs(i - title_line) if title_line is not None else view.anchor - i
        if best is None or distance < best[0]:
            best = (distance, Finding(hit.value.isoformat(), view.line_evidence(i, "published:header"), i, "dateline"))
    return best[1] if best else None


def _inferred(view: PageView) -> DateFinding | None:
    """The latest caption or body date whose weekday the body names as a news day."""
    weekdays = {}
    for w in find_weekdays(view.page.text):
        weekdays.setdefault(w.weekday, w)
    if not weekdays:
        return None
    candidates: list[tuple[DateHit, str, int | None]] = []
    for hit in view.dates():
        i = view.line_at(hit.start)
        if view.is_caption(i) and not _late(view, i) and not _FILE.search(view.lines[i].text):
            candidates.append((hit, "caption", i))
    candidates.extend((h, "body", None) for h in find_dates(view.page.text))
    fitting = [c for c in candidates if c[0].value.weekday() in weekdays]
    if not fitting:
        return None
    hit, where, i = max(fitting, key=lambda c: c[0].value)
    said = weekdays[hit.value.weekday()]
    why = f"{where} date {hit.text} is a {WEEKDAYS[hit.value.weekday()]}, the body's '{said.text}'"
    if i is not None:
        evidence = view.raw_evidence(hit.start, hit.end, "published:inferred")
    else:
        span = view.raw_span(hit.start, hit.end)
        evidence = view.raw_evidence(*span, "published:inferred") if span else None
    return DateFinding(Published(hit.value.isoformat(), "inferred", why), Finding(hit.value.isoformat(), evidence))


def find_published(view: PageView, title_line: int | None) -> DateFinding | None:
    """The publication date with its source and evidence, or None."""
    published, updated, labelled = _labelled(view)
    explicit = published or _header(view, title_line, labelled) or updated
    if explicit is not None and explicit.evidence is not None:
        return DateFinding(Published(explicit.value, "explicit", f"printed '{explicit.evidence.text}'"), explicit)
    return _inferred(view)
