"""Benchmark: story clustering on the ECB+ dev topics (../shared/bench/stories).

    python bench/stories.py [--bench ../shared/bench] [--cache /tmp/ecb.jsonl]

Runs the whole pipeline (`newsgraph.process_batch`, kind article) on `stories/docs.jsonl`, then
`assign_stories` on all documents at once, and scores `story` against `gold.jsonl` with the
README's metric: B-cubed precision, recall and F1 (per document, averaged), adjusted Rand index,
predicted against gold clusters, and docs/s of the clustering step. The README's baseline
(TF-IDF, average link cut at 0.85) is run on the same texts for comparison. A second table
gives F1 as `story_threshold` moves around its default, a third as `central_support` does (the
protagonist rule of `central.py`; 0 in that table switches the rule off), a fourth scores
`storyline` against the ECB+ topics. `--cache` keeps the processed records so that reruns skip spaCy.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from newsgraph import RawDocument, process_batch
from newsgraph.report import read_records
from newsgraph.stories import StoryConfig, assign_stories

HERE = Path(__file__).resolve().parent
BASELINE_CUT = 0.85  # the README's tuned distance threshold


def b_cubed(pred: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over documents (labels in the same order)."""
    by_pred: dict[str, set[int]] = defaultdict(set)
    by_gold: dict[str, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    precision = recall = 0.0
    for p, g in zip(pred, gold, strict=True):
        common = len(by_pred[p] & by_gold[g])
        precision += common / len(by_pred[p])
        recall += common / len(by_gold[g])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def ari(pred: Sequence[str], gold: Sequence[str]) -> float:
    from sklearn.metrics import adjusted_rand_score

    return float(adjusted_rand_score(gold, pred))


def processed(bench: Path, cache: Path | None) -> list[dict]:
    """Extract-format records of the benchmark documents, from the cache when it exists."""
    if cache and cache.exists():
        return read_records(cache)
    docs = read_records(bench / "stories" / "docs.jsonl")
    raws = [RawDocument(d["id"], d["text"], d.get("kind", "article"), published=d.get("published")) for d in docs]
    records = []
    for start in range(0, len(raws), 32):
        records.extend(r.to_dict() for r in process_batch(raws[start : start + 32]))
    if cache:
        cache.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return records


def baseline(records: list[dict]) -> list[str]:
    """The README's tfidf-agglo: sublinear TF-IDF with English stop words, average link at 0.85."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([r["text"] for r in records])
    labels = fcluster(linkage(matrix.toarray(), "average", metric="cosine"), BASELINE_CUT, "distance")
    return [str(x) for x in labels]


def row(name: str, pred: Sequence[str], gold: Sequence[str], seconds: float | None) -> str:
    p, r, f = b_cubed(pred, gold)
    speed = f"{len(gold) / seconds:,.0f}" if seconds else "–"
    clusters = f"{len(set(pred))} / {len(set(gold))}"
    return f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {ari(pred, gold):.3f} | {clusters} | {speed} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=HERE.parent.parent / "shared" / "bench")
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    records = [r for r in processed(args.bench, args.cache) if "error" not in r]
    gold_rows = {g["id"]: g for g in read_records(args.bench / "stories" / "gold.jsonl")}
    records = [r for r in records if r["id"] in gold_rows]
    gold = [gold_rows[r["id"]]["story"] for r in records]
    topics = [str(gold_rows[r["id"]]["topic"]) for r in records]
    config = StoryConfig()

    assign_stories(records[:2], None, config)  # the clustering libraries load on first use: not timed
    start = time.perf_counter()
    out, _ = assign_stories(records, None, config)
    seconds = time.perf_counter() - start
    pred = [r["story"] for r in out]
    print(f"## Stories, ECB+ dev: {len(records)} documents, {len(set(gold))} gold stories\n")
    print("| system | B³ P | B³ R | B³ F1 | ARI | clusters (pred / gold) | docs/s |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    print(row(f"tfidf-agglo (cut {BASELINE_CUT})", baseline(records), gold, None))
    print(row("one cluster per topic", topics, gold, None))
    print(row("newsgraph", pred, gold, seconds))
    dups = sum(r["duplicate_of"] is not None for r in out)
    print(f"\nnear-duplicates linked: {dups}; wire copies: {sum(r['wire_copy'] for r in out)}")

    print(f"\n## Sensitivity to story_threshold (default {config.story_threshold})\n")
    print("| story_threshold | B³ P | B³ R | B³ F1 | ARI | clusters |")
    print("| --- | --- | --- | --- | --- | --- |")
    for delta in (-0.06, -0.04, -0.02, 0.0, 0.02, 0.04, 0.06):
        threshold = round(config.story_threshold + delta, 3)
        varied = dataclasses.replace(config, story_threshold=threshold)
        labels = [r["story"] for r in assign_stories(records, None, varied)[0]]
        p, r, f = b_cubed(labels, gold)
        print(f"| {threshold} | {p:.3f} | {r:.3f} | {f:.3f} | {ari(labels, gold):.3f} | {len(set(labels))} |")

    print(f"\n## Sensitivity to central_support (default {config.central_support}; off = rule switched off)\n")
    print("| central_support | B³ P | B³ R | B³ F1 | ARI | clusters |")
    print("| --- | --- | --- | --- | --- | --- |")
    for support in (3, 4, 5, 6, None):
        varied = dataclasses.replace(config, central_support=support or len(records) + 1)
        labels = [r["story"] for r in assign_stories(records, None, varied)[0]]
        p, r, f = b_cubed(labels, gold)
        print(f"| {support or 'off'} | {p:.3f} | {r:.3f} | {f:.3f} | {ari(labels, gold):.3f} | {len(set(labels))} |")

    lines = [r["storyline"] for r in out]
    p, r, f = b_cubed(lines, topics)
    print(f"\n## Storylines against ECB+ topics ({len(set(topics))} topics)\n")
    print("| storylines | B³ P | B³ R | B³ F1 | ARI |\n| --- | --- | --- | --- | --- |")
    print(f"| {len(set(lines))} | {p:.3f} | {r:.3f} | {f:.3f} | {ari(lines, topics):.3f} |")


if __name__ == "__main__":
    main()
