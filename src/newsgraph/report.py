"""Read extract output back and summarise it for people (the `show` command, the demo)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.table import Table

from newsgraph.errors import InputError

__all__ = ["dates_table", "quotes_table", "read_records", "shorten", "summary_table", "timeline", "timeline_table"]


def read_records(path: Path) -> list[dict[str, Any]]:
    """The records of a JSONL file, with the line number of a broken line in the error."""
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: not JSON ({exc.msg})") from exc
    return records


def summary_table(records: list[dict[str, Any]]) -> Table:
    """One row per record: what the cleaner found, and errors in red."""
    table = Table(title=f"{len(records)} documents", show_lines=False)
    columns = ("id", "outlet", "title", "published", "wire", "cited", "words", "removed", "people", "quotes", "dates")
    for name in columns:
        table.add_column(name, overflow="fold")
    for rec in records:
        if "error" in rec:
            blank = [""] * (len(columns) - 3)
            table.add_row(Path(rec["id"]).name, "", f"[red]error: {rec['error']}[/red]", *blank)
            continue
        published = rec.get("published")
        date = f"{published['value']} ({published['source']})" if published else "-"
        table.add_row(
            Path(rec["id"]).name,
            rec.get("outlet") or "-",
            rec.get("title") or "-",
            date,
            ", ".join(rec.get("wire") or []) or "-",
            ", ".join(rec.get("cited_outlets") or []) or "-",
            str(len(rec.get("text", "").split())),
            str(len(rec.get("removed") or [])),
            str(len({e["canonical"] for e in rec.get("entities") or [] if e["kind"] == "person"})),
            str(len(rec.get("quotes") or [])),
            str(len(rec.get("timexes") or [])),
        )
    return table


def quotes_table(records: list[dict[str, Any]], width: int = 90) -> Table:
    """Who said what: every quote with its speaker (as resolved), cue and kind."""
    table = Table(title="Who said what")
    for name in ("article", "speaker", "cue", "kind", "quote"):
        table.add_column(name, overflow="fold")
    for rec in records:
        for quote in rec.get("quotes") or []:
            speaker = quote.get("speaker")
            who = f"{speaker['canonical']} ({speaker['kind']})" if speaker else "[dim]unattributed[/dim]"
            cue = quote["cue"]["text"] if quote.get("cue") else "-"
            table.add_row(Path(rec["id"]).name, who, cue, quote["kind"], shorten(quote["text"], width))
    return table


def dates_table(records: list[dict[str, Any]]) -> Table:
    """When: every date and time expression with its normalised TIMEX3 value."""
    table = Table(title="When")
    for name in ("article", "published", "expression", "type", "value"):
        table.add_column(name, overflow="fold")
    for rec in records:
        published = (rec.get("published") or {}).get("value", "-")
        for timex in rec.get("timexes") or []:
            table.add_row(Path(rec["id"]).name, published, timex["text"], timex["type"], timex["value"])
    return table


def shorten(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def timeline(records: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(record, event) pairs of every article, ordered by the event's date.

    Dates are TIMEX3 values: "2025-03-18" sorts before "2025-03-24", a coarser "2025-03"
    before the days of that month, and values with no calendar position (PAST_REF, none)
    last; ties keep article order and the order of the text.
    """
    pairs = [(rec, event) for rec in records for event in rec.get("events") or []]
    return sorted(pairs, key=lambda pair: _date_key(pair[1].get("date")))


def timeline_table(records: list[dict[str, Any]], width: int = 90) -> Table:
    """The timeline: date, event type, who did what to whom, status, source and the sentence."""
    table = Table(title="Timeline")
    for name in ("date", "event", "actor", "recipient", "status", "source", "article", "sentence"):
        table.add_column(name, overflow="fold")
    for rec, event in timeline(records):
        date = event.get("date") or "-"
        if event.get("date_source") == "published":
            date += " (published)"
        source = event.get("source") or {}
        sentence = event.get("sentence") or {}
        text = rec.get("text", "")[sentence.get("start", 0) : sentence.get("end", 0)]
        table.add_row(
            date,
            f"{event['type']} ({event['trigger']['text']})",
            _who(event.get("actor")),
            _who(event.get("recipient")),
            event.get("status", "-"),
            source.get("name") or source.get("kind", "-"),
            Path(rec["id"]).name,
            shorten(text, width),
        )
    return table


def _who(participant: dict[str, Any] | None) -> str:
    if not participant:
        return "-"
    country = participant.get("country")
    return f"{participant['canonical']} ({country})" if country else participant["canonical"]


def _date_key(value: str | None) -> tuple[int, str]:
    if value and value[:4].isdigit():
        return (0, value)
    return (1, value or "")
