"""The metadata reader of the clean stage: title, outlet, section, wire, citations, date.

`read_metadata(raw, page, doc)` reads a cleaned page once and returns a `Metadata` record.
Each field has its own module (title, outlet, section, wire, cited, published), and every
value found on the page comes with `Evidence` in raw-page offsets. Values the caller gave
on the `RawDocument` win over anything read from the page.

`line_reasons` names the lines that held only metadata (the headline, a standalone date
line, a section label, a byline, a wire or outlet credit) so that the pipeline can drop
them from the body, or name them better if the cleaner removed them by position. Lines
whose metadata sits inside prose (a dateline opening the first paragraph) are never
named, and neither are lines a furniture rule removed for another reason (a cookie
banner, a timestamp, a copyright notice).

For the list fields (wire, cited_outlets) `evidence` holds where the first value was read.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.clean.metadata.byline import find_bylines
from newsgraph.clean.metadata.cited import find_cited
from newsgraph.clean.metadata.gazetteer import load_gazetteer
from newsgraph.clean.metadata.outlet import find_outlet
from newsgraph.clean.metadata.published import find_published, normalise_given
from newsgraph.clean.metadata.section import find_section
from newsgraph.clean.metadata.title import find_title
from newsgraph.clean.metadata.view import Finding, PageView, squash
from newsgraph.clean.metadata.wire import find_wires
from newsgraph.clean.page import CleanPage
from newsgraph.records import Evidence, Published, RawDocument

__all__ = ["Metadata", "read_metadata"]

GIVEN = "given by the caller"


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page says about itself, with where it says it."""

    title: str | None
    outlet: str | None
    section: str | None
    wire: tuple[str, ...]
    cited_outlets: tuple[str, ...]
    published: Published | None
    evidence: dict[str, Evidence]
    line_reasons: dict[int, str]


def _unique(findings: list[Finding]) -> list[Finding]:
    """One finding per value, the first in page order."""
    out: list[Finding] = []
    seen: set[str] = set()
    for f in findings:
        key = squash(f.value)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def read_metadata(raw: str, page: CleanPage, doc: RawDocument) -> Metadata:
    """Read the metadata of one cleaned page; values given on `doc` win.

    A given date that is no date ("yesterday") is ignored and the page's date read instead.
    """
    gaz = load_gazetteer()
    view = PageView(raw, page)
    evidence: dict[str, Evidence] = {}
    used: list[Finding] = []

    def note(field: str, finding: Finding | None) -> None:
        if finding is None:
            return
        if finding.evidence is not None and field not in evidence:
            evidence[field] = finding.evidence
        used.append(finding)

    title = find_title(view, gaz, doc.title)
    note("title", title)
    title_line = title.line if title else None

    found_outlet = None if doc.outlet else find_outlet(view, gaz, doc.url)
    note("outlet", found_outlet)
    outlet = doc.outlet or (found_outlet.value if found_outlet else None)

    wires = find_wires(view, gaz, outlet, title_line)
    wire = _unique(wires)
    for f in wires:
        note("wire", f)

    section = find_section(view, gaz, title_line, outlet)
    note("section", section)

    published: Published | None = None
    given = normalise_given(doc.published) if doc.published else None
    if given:
        published = Published(given, "given", GIVEN)
    else:
        found = find_published(view, title_line)
        if found:
            published = found.published
            note("published", found.finding)

    cited = find_cited(view, gaz, outlet, [f.value for f in wire])
    for f in cited:
        note("cited_outlets", f)

    for f in find_bylines(view, title_line, gaz):
        used.append(f)

    line_reasons: dict[int, str] = {}
    for f in used:
        if f.line is not None and f.reason and view.relabels(f.line, f.reason):
            line_reasons.setdefault(f.line, f.reason)

    return Metadata(
        title=doc.title or (title.value if title else None),
        outlet=outlet,
        section=section.value if section else None,
        wire=tuple(f.value for f in wire),
        cited_outlets=tuple(f.value for f in cited),
        published=published,
        evidence=evidence,
        line_reasons=line_reasons,
    )
