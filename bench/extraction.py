"""Benchmark: article bodies out of whole-page text (ScrapingHub dev split).

    python bench/extraction.py [--bench ../shared/bench] [--repeat 5]

Runs `newsgraph.extract` on extraction/pages.jsonl (kind page: the same code path as
`newsgraph extract pages.jsonl --format jsonl`), scores the bodies with the benchmark's
shingle metric (bench/shingles.py) against gold.jsonl, and prints a table with the
all-text baseline. Speed is pages per second of the whole per-document pipeline (decode,
clean, metadata) on one core, the best of `--repeat` runs, input already in memory: by the
wall clock, and by the CPU time of the process (which other work on a shared machine does not
inflate).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from newsgraph import Config, RawDocument, process

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from shingles import score_pages  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=HERE.parent.parent / "shared" / "bench")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    folder = args.bench / "extraction"
    pages = [json.loads(line) for line in (folder / "pages.jsonl").open(encoding="utf-8")]
    golds = {}
    for line in (folder / "gold.jsonl").open(encoding="utf-8"):
        rec = json.loads(line)
        golds[rec["id"]] = rec["body"]
    docs = [RawDocument(p["id"], p["text"], "page", url=p.get("url")) for p in pages]
    config = Config(annotate=False)
    process(docs[0], config)  # load the model outside the timing

    best = best_cpu = float("inf")
    for _ in range(args.repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        records = [process(doc, config) for doc in docs]
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    errors = [r for r in records if not hasattr(r, "text")]
    preds = {r.id: r.text for r in records if hasattr(r, "text")}

    rows = [
        ("newsgraph", *score_pages(preds, golds), len(docs) / best, len(docs) / best_cpu),
        ("all page text (baseline)", *score_pages({p["id"]: p["text"] for p in pages}, golds), None, None),
    ]
    print(f"extraction dev split: {len(pages)} pages, {len(errors)} errors\n")
    print("| system | F1 | precision | recall | accuracy | pages/s (wall) | pages/s (CPU) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, f1, p, r, acc, speed, cpu in rows:
        rate = f"{speed:.0f} | {cpu:.0f}" if speed else "- | -"
        print(f"| {name} | {f1:.3f} | {p:.3f} | {r:.3f} | {acc:.3f} | {rate} |")


if __name__ == "__main__":
    main()
