"""Benchmark: quote attribution on PolNeAR (dev split), with the metric of its README.

    python bench/quotes.py [--bench ../shared/bench] [--by-publisher]

Runs `newsgraph.process` on quotes/docs.jsonl (kind article: the code path of
`newsgraph extract docs.jsonl --format jsonl`), scores the quotes against gold.jsonl and
prints a markdown table: P/R/F1 at overlap 0.3 and 0.8, speaker accuracy, F1 with the
speaker, for all attributions and for direct quotes, and documents per second of the whole
run with model loading. `--by-publisher` adds P/R/F1@0.3 and speaker accuracy over all
attributions per publisher (the document id's prefix), to show whether a change helps broadly.

PolNeAR's unit is the attribution (source, cue, content); a split quote (`"A," he said,
"B."`) is one attribution with two content segments. newsgraph writes one Quote record per
contiguous stretch and gives the parts of one attribution the same cue, so records sharing a
cue are scored as one predicted quote spanning them.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgraph import RawDocument, process
from newsgraph.report import read_records

HERE = Path(__file__).resolve().parent
THRESHOLDS = (0.3, 0.8)
DOUBLE_QUOTES = frozenset('"“”„«»')


@dataclass(frozen=True, slots=True)
class Item:
    """One quote on either side: content segments (gold) or one span (prediction), and its speaker."""

    segments: tuple[tuple[int, int], ...]
    speaker: tuple[int, int] | None
    direct: bool


@dataclass(slots=True)
class Tally:
    gold: int = 0
    pred: int = 0
    matched: int = 0
    speaker_right: int = 0

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.pred if self.pred else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gold_items(record: dict) -> list[Item]:
    return [
        Item(
            tuple(tuple(seg) for seg in q["content_segments"]),
            tuple(q["source"]) if q["source"] else None,
            bool(q["direct"]),
        )
        for q in record["quotes"]
    ]


def predicted_items(text: str, quotes: Iterable[dict]) -> list[Item]:
    """Quote records as predicted attributions: records sharing a cue become one span (their hull)."""
    groups: dict[object, list[dict]] = {}
    for i, q in enumerate(quotes):
        key = (q["cue"]["start"], q["cue"]["end"]) if q.get("cue") else ("alone", i)
        groups.setdefault(key, []).append(q)
    items = []
    for parts in groups.values():
        start = min(q["start"] for q in parts)
        end = max(q["end"] for q in parts)
        spk = next((q["speaker"] for q in parts if q.get("speaker")), None)
        items.append(
            Item(
                ((start, end),),
                (spk["start"], spk["end"]) if spk else None,
                any(ch in DOUBLE_QUOTES for ch in text[start:end]),
            )
        )
    return items


def overlap_score(pred: Item, gold: Item) -> float:
    """Characters shared by the prediction and the gold segments over their union."""
    ps, pe = pred.segments[0]
    shared = sum(max(0, min(pe, ge) - max(ps, gs)) for gs, ge in gold.segments)
    size = (pe - ps) + sum(ge - gs for gs, ge in gold.segments)
    union = size - shared
    return shared / union if union else 0.0


def speaker_right(pred: Item, gold: Item) -> bool:
    if pred.speaker is None or gold.speaker is None:
        return pred.speaker is None and gold.speaker is None
    return min(pred.speaker[1], gold.speaker[1]) > max(pred.speaker[0], gold.speaker[0])


def score_document(preds: Sequence[Item], golds: Sequence[Item], threshold: float, tally: Tally) -> None:
    """Greedy one-to-one matching, best overlap first, added to `tally`."""
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            s = overlap_score(p, g)
            if s >= threshold:
                pairs.append((s, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        tally.matched += 1
        tally.speaker_right += speaker_right(preds[i], golds[j])
    tally.gold += len(golds)
    tally.pred += len(preds)


def evaluate(preds: dict[str, list[Item]], golds: dict[str, list[Item]]) -> dict[tuple[str, float], Tally]:
    """Tallies per (subset, threshold) over the split."""
    out = {}
    for subset in ("all", "direct"):
        for threshold in THRESHOLDS:
            tally = Tally()
            for doc_id, gold in golds.items():
                pred = preds.get(doc_id, [])
                if subset == "direct":
                    gold = [g for g in gold if g.direct]
                    pred = [p for p in pred if p.direct]
                score_document(pred, gold, threshold, tally)
            out[subset, threshold] = tally
    return out


def table(results: dict[tuple[str, float], Tally], docs_per_s: float | None, name: str = "newsgraph") -> str:
    head = "| system | subset | P@0.3 | R@0.3 | F1@0.3 | P@0.8 | R@0.8 | F1@0.8 | spkAcc | F1+spk | docs/s |"
    lines = [head, "| --- | --- |" + " ---: |" * 9]
    for subset in ("all", "direct"):
        low, high = results[subset, 0.3], results[subset, 0.8]
        spk_acc = low.speaker_right / low.matched if low.matched else 0.0
        cells = [*low.prf(low.matched), *high.prf(high.matched), spk_acc, low.prf(low.speaker_right)[2]]
        rate = f"{docs_per_s:.2f}" if docs_per_s else "-"
        lines.append(f"| {name} | {subset} | " + " | ".join(f"{c:.3f}" for c in cells) + f" | {rate} |")
    return "\n".join(lines)


def publisher_table(preds: dict[str, list[Item]], golds: dict[str, list[Item]]) -> str:
    """P/R/F1@0.3 and spkAcc over all attributions, per publisher (the id before its first "_")."""
    tallies: dict[str, Tally] = {}
    for doc_id, gold in golds.items():
        score_document(preds.get(doc_id, []), gold, 0.3, tallies.setdefault(doc_id.split("_")[0], Tally()))
    lines = ["| publisher | docs | gold | P@0.3 | R@0.3 | F1@0.3 | spkAcc |", "| --- |" + " ---: |" * 6]
    for name, t in sorted(tallies.items()):
        docs = sum(1 for doc_id in golds if doc_id.split("_")[0] == name)
        spk_acc = t.speaker_right / t.matched if t.matched else 0.0
        cells = " | ".join(f"{c:.3f}" for c in (*t.prf(t.matched), spk_acc))
        lines.append(f"| {name} | {docs} | {t.gold} | {cells} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=HERE.parent.parent / "shared" / "bench")
    ap.add_argument("--by-publisher", action="store_true", help="add F1@0.3 per publisher")
    args = ap.parse_args()
    folder = args.bench / "quotes"
    docs = read_records(folder / "docs.jsonl")
    golds = {rec["id"]: gold_items(rec) for rec in read_records(folder / "gold.jsonl")}

    start = time.perf_counter()  # the model loads in the first call: it is part of the run
    fields = ("published", "outlet", "title")  # what `newsgraph extract` reads from each line
    records = [process(RawDocument(d["id"], d["text"], "article", **{k: d.get(k) for k in fields})) for d in docs]
    elapsed = time.perf_counter() - start
    errors = [r for r in records if not hasattr(r, "text")]
    preds = {r.id: predicted_items(r.text, r.to_dict()["quotes"]) for r in records if hasattr(r, "text")}
    print(f"quotes dev split: {len(docs)} documents, {len(errors)} errors\n")
    print(table(evaluate(preds, golds), len(docs) / elapsed))
    if args.by_publisher:
        print("\n" + publisher_table(preds, golds))


if __name__ == "__main__":
    main()
