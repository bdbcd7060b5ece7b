"""Read extract output back and summarise it for people (the `show` command, the demo)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.table import Table

from newsgraph.errors import InputError

__all__ = ["read_records", "summary_table"]


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
    for name in ("id", "outlet", "title", "published", "wire", "cited", "words", "removed"):
        table.add_column(name, overflow="fold")
    for rec in records:
        if "error" in rec:
            table.add_row(Path(rec["id"]).name, "", f"[red]error: {rec['error']}[/red]", "", "", "", "", "")
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
        )
    return table
