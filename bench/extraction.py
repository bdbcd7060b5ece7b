"""Benchmark: article bodies out of whole-page text (ScrapingHub dev split).

    python bench/extraction.py [--bench ../shared/bench] [--repeat 5]

Runs `newsgraph.extract` on extraction/pages.jsonl (kind page: the same code path as
`newsgraph extract pages.jsonl --format jsonl`), scores the bodies with the benchmark's
shingle metric (bench/shingles.py) against gold.jsonl, and prints a table with the
all-text baseline. Speed is pages per second on one core, the best of `--repeat` runs, input
already in memory, by the wall clock and by the CPU time of the process (which other work on
a shared machine does not inflate): of the cleaner alone, and of the whole per-document
pipeline without annotation (decode, clean, metadata).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from newsgraph import Config, RawDocument, process
from newsgraph.clean.page import clean_page

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

    records, wall, cpu = timed(lambda: [process(doc, config) for doc in docs], args.repeat)
    texts = [p["text"] for p in pages]
    _, clean_wall, clean_cpu = timed(lambda: [clean_page(text, config) for text in texts], args.repeat)
    errors = [r for r in records if not hasattr(r, "text")]
    preds = {r.id: r.text for r in records if hasattr(r, "text")}

    rows = [
        ("newsgraph", *score_pages(preds, golds)),
        ("all page text (baseline)", *score_pages({p["id"]: p["text"] for p in pages}, golds)),
    ]
    print(f"extraction dev split: {len(pages)} pages, {len(errors)} errors\n")
    print("| system | F1 | precision | recall | accuracy |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, f1, p, r, acc in rows:
        print(f"| {name} | {f1:.3f} | {p:.3f} | {r:.3f} | {acc:.3f} |")
    n = len(docs)
    print(f"\nspeed on one core, best of {args.repeat} (CPU time is not inflated by other work on the machine)\n")
    print("| stage | pages/s (wall) | pages/s (CPU) |")
    print("| --- | ---: | ---: |")
    print(f"| cleaning (clean_page) | {n / clean_wall:.0f} | {n / clean_cpu:.0f} |")
    print(f"| cleaning + metadata (process, what extract runs) | {n / wall:.0f} | {n / cpu:.0f} |")


def timed(run, repeat: int):
    """The result of `run` and its best wall-clock and CPU times over `repeat` runs."""
    best = best_cpu = float("inf")
    result = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = run()
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return result, best, best_cpu


if __name__ == "__main__":
    main()
