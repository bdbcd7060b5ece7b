"""Reading extract output back: the timeline's order and the `timeline` command."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.report import timeline

TEXT = ("Ministers met in Oslo on Monday. The two sides signed the accord on Friday. "
        "Talks resume next year.")


def _event(kind: str, date: str | None, trigger: str, source: str = "timex") -> dict:
    start = TEXT.index(trigger)
    sentence_start = TEXT.rfind(".", 0, start) + 1
    return {
        "type": kind,
        "trigger": {"start": start, "end": start + len(trigger), "text": trigger},
        "actor": {"start": 0, "end": 9, "text": "Ministers", "canonical": "Ministers", "kind": "group", "country": None},
        "recipient": None,
        "location": None,
        "date": date,
        "date_source": source if date else None,
        "status": "occurred",
        "source": {"kind": "outlet", "name": None},
        "sentence": {"start": sentence_start, "end": TEXT.index(".", start) + 1},
    }


RECORDS = [
    {"id": "b.txt", "text": TEXT, "events": [_event("AGREE", "2025-03-21", "signed"), _event("CONSULT", None, "resume")]},
    {"id": "a.txt", "text": TEXT, "events": [_event("CONSULT", "2025-03-17", "met"), _event("CONSULT", "2025", "resume")]},
]


def test_timeline_orders_events_by_date_coarse_dates_first_undated_last() -> None:
    order = [(rec["id"], event["date"]) for rec, event in timeline(RECORDS)]
    assert order == [("a.txt", "2025"), ("a.txt", "2025-03-17"), ("b.txt", "2025-03-21"), ("b.txt", None)]


def test_timeline_command_prints_events_with_their_sentences(tmp_path) -> None:
    path = tmp_path / "out.jsonl"
    lines = [json.dumps(rec) for rec in RECORDS] + [json.dumps({"id": "bad.txt", "error": "binary file"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["timeline", str(path)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.index("2025-03-17") < out.index("2025-03-21")
    assert "The two sides signed the accord on Friday." in out
    assert "AGREE (signed)" in out
    assert "bad.txt" not in out
