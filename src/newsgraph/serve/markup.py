"""Stand-off spans to HTML: the article text with every annotation layer drawn over it.

Annotations overlap freely (a quote holds entities, a speaker mention is also an entity, a quote
runs over two sentences), but HTML elements must nest. So the text is cut at every span
boundary, and at each cut the open elements are closed down to the first one that ends there or
would have to sit inside one that opens there, and reopened in a fixed order: sentences outside,
then quotes, then speaker, cue and event words, then entities, dates and amounts. An annotation
cut into pieces keeps its classes and tooltip on each piece; only the first piece carries its
`id`, so `#q-<start>` lands on its beginning. Text and attribute values are escaped here; this is
the one place the pages build HTML outside a template.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

__all__ = ["Mark", "Paragraph", "article_marks", "paragraphs", "render"]

Record = dict[str, Any]

# Nesting order: lower ranks are drawn outside higher ones.
RANK = {"sent": 0, "quote": 1, "speaker": 2, "cue": 2, "event": 2, "ent": 3, "timex": 3, "qty": 3}


@dataclass(frozen=True, slots=True)
class Mark:
    """One span to draw: its layer (`kind`, a key of RANK), offsets, tooltip, anchor id and data attributes."""

    kind: str
    start: int
    end: int
    title: str = ""
    anchor: str | None = None
    classes: str = ""
    data: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> tuple[int, int, int]:
        return RANK[self.kind], self.start, -self.end


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the text (offsets into it) and its inner HTML."""

    start: int
    end: int
    html: Markup


def paragraphs(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of each non-blank line of `text`."""
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append((start, end))
        start = end + 1
    return out


def _open(mark: Mark, first: bool) -> str:
    classes = " ".join(c for c in (mark.kind, mark.classes, "" if first else "cont") if c)
    attrs = [f'class="{escape(classes)}"']
    if first and mark.anchor:
        attrs.append(f'id="{escape(mark.anchor)}"')
    if mark.title:
        attrs.append(f'title="{escape(mark.title)}"')
    attrs += [f'data-{name}="{escape(value)}"' for name, value in mark.data]
    attrs += [f'data-start="{mark.start}"', f'data-end="{mark.end}"']
    return f"<span {' '.join(attrs)}>"


def _render_one(text: str, start: int, end: int, marks: list[Mark]) -> Markup:
    """The HTML of `text[start:end]` with `marks` (each overlapping it) drawn, properly nested."""
    opens: dict[int, list[Mark]] = {}
    cuts = {start, end}
    for mark in marks:
        s, e = max(mark.start, start), min(mark.end, end)
        opens.setdefault(s, []).append(mark)
        cuts.update((s, e))
    bounds = sorted(cuts)
    out: list[str] = []
    stack: list[Mark] = []
    for pos, nxt in pairwise(bounds):
        new = sorted(opens.get(pos, ()), key=lambda m: m.key)
        cut = next((i for i, m in enumerate(stack) if m.end <= pos or (new and m.key > new[0].key)), len(stack))
        popped = stack[cut:]
        del stack[cut:]
        out.append("</span>" * len(popped))
        reopen = sorted([m for m in popped if m.end > pos] + new, key=lambda m: m.key)
        out += [_open(m, first=m.start == pos) for m in reopen]
        stack += reopen
        out.append(str(escape(text[pos:nxt])))
    out.append("</span>" * len(stack))
    return Markup("".join(out))  # every piece above is escaped


def render(text: str, marks: list[Mark]) -> list[Paragraph]:
    """Each paragraph of `text` with the marks that overlap it; ids stay unique over the page."""
    seen: set[str] = set()
    unique = []
    for mark in sorted((m for m in marks if m.end > m.start), key=lambda m: m.key):
        if mark.anchor in seen:
            mark = Mark(mark.kind, mark.start, mark.end, mark.title, None, mark.classes, mark.data)
        elif mark.anchor:
            seen.add(mark.anchor)
        unique.append(mark)
    out = []
    for start, end in paragraphs(text):
        inside = [m for m in unique if m.start < end and m.end > start]
        out.append(Paragraph(start, end, _render_one(text, start, end, inside)))
    return out


def _entity_title(e: Record) -> str:
    parts = [e["canonical"], e["kind"], e.get("role"), e.get("country")]
    return " · ".join(p for p in parts if p)


def _event_title(e: Record) -> str:
    who = " → ".join(p["canonical"] if p else "?" for p in (e["actor"], e["recipient"]))
    parts = [e["type"], e["status"], e["date"], who]
    if e["location"]:
        parts.append(f"in {e['location']['canonical']}")
    if e["source"]["kind"] == "speaker":
        parts.append(f"according to {e['source']['name']}")
    return " · ".join(p for p in parts if p)


def article_marks(record: Record, sentences: list[tuple[int, int]], entity_ids: dict[tuple[int, int], int],
                  ) -> list[Mark]:  # fmt: skip
    """Every layer of one article record as marks: sentences, quotes with speaker and cue, events,
    entities (with their entity id for links), dates with their normalised value, amounts."""
    marks = [Mark("sent", s, e, anchor=f"s-{s}") for s, e in sentences]
    for q in record["quotes"]:
        speaker = q["speaker"]
        name = speaker["canonical"] if speaker else "unnamed"
        cue = q["cue"]["text"] if q["cue"] else None
        title = f"{name} ({q['kind']} quote{', ' + cue if cue else ''})"
        marks.append(Mark("quote", q["start"], q["end"], title, f"q-{q['start']}", q["kind"], (("speaker", name),)))
        if speaker:
            marks.append(Mark("speaker", speaker["start"], speaker["end"], f"speaker: {name}",
                              data=(("speaker", name),)))
        if q["cue"]:
            marks.append(Mark("cue", q["cue"]["start"], q["cue"]["end"], f"cue of a quote by {name}"))
    for e in record["events"]:
        t = e["trigger"]
        marks.append(Mark("event", t["start"], t["end"], _event_title(e), f"e-{t['start']}", e["status"],
                          (("type", e["type"]), ("date", e["date"] or ""))))
    for e in record["entities"]:
        key = entity_ids.get((e["start"], e["end"]))
        data = (("entity", str(key)),) if key is not None else ()
        marks.append(Mark("ent", e["start"], e["end"], _entity_title(e), classes=e["kind"], data=data))
    for t in record["timexes"]:
        marks.append(Mark("timex", t["start"], t["end"], f"{t['type']} {t['value']}", f"t-{t['start']}",
                          data=(("value", t["value"]),)))
    for q in record["quantities"]:
        parts = [q["qualifier"], f"{q['value']:g}", q["unit"]]
        marks.append(Mark("qty", q["start"], q["end"], " ".join(p for p in parts if p),
                          data=(("value", f"{q['value']:g}"),)))
    return marks
