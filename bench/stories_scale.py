"""Benchmark: time and peak memory of story assignment at 2,500, 5,000 and 10,000 articles.

    python bench/stories_scale.py [--bench ../shared/bench] [--sizes 2500 5000 10000]

Synthetic articles are made at run time by recombining sentences of the benchmark documents
(`*/docs.jsonl` under --bench; nothing generated is kept): each belongs to a made-up happening
that draws most sentences from one source document and some from others, has a date near the
happening's date, and has "entities" read cheaply from capitalised word runs (no spaCy: this
times the clustering, not the parse). Each size runs in a fresh process, so peak RSS is that
run's own; `base` is the same process with the articles generated but not clustered.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b")


def sentences(bench: Path) -> list[list[str]]:
    """Sentences of every benchmark document, one list per document."""
    docs = []
    for path in sorted(bench.glob("*/docs.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") or ""
            parts = [s.strip() for s in _SENTENCE.split(text) if len(s.strip()) > 30]
            if len(parts) >= 4:
                docs.append(parts)
    return docs


def synthetic(n: int, bench: Path, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    docs = sentences(bench)
    start = dt.date(2024, 1, 1).toordinal()
    happenings = [(rng.randrange(len(docs)), start + rng.randrange(730)) for _ in range(max(1, n // 8))]
    out = []
    for i in range(n):
        source, day = rng.choice(happenings)
        own = docs[source]
        body = rng.sample(own, min(len(own), rng.randint(4, 12)))
        body += [rng.choice(rng.choice(docs)) for _ in range(rng.randint(1, 4))]
        text = "\n".join(body)
        published = dt.date.fromordinal(day + rng.randint(0, 3)).isoformat()
        entities = [{"text": m.group(), "canonical": m.group()} for m in _NAME.finditer(text) if m.start() > 0]
        out.append({"id": f"syn-{i:05d}", "title": body[0][:80], "text": text, "wire": [], "entities": entities,
                    "published": {"value": published, "source": "given", "evidence": ""},
                    "timexes": [], "events": [], "quotes": [], "quantities": []})
    return out


def run_one(n: int, bench: Path, cluster: bool) -> dict:
    from newsgraph.stories import assign_stories

    records = synthetic(n, bench)
    start = time.perf_counter()
    stories = lines = 0
    if cluster:
        out, _ = assign_stories(records)
        stories, lines = len({r["story"] for r in out}), len({r["storyline"] for r in out})
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"n": n, "seconds": seconds, "peak_mb": peak_mb, "stories": stories, "storylines": lines}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=HERE.parent.parent / "shared" / "bench")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000, 10000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--no-cluster", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.bench, not args.no_cluster)))
        return
    print("| articles | seconds | articles/s | peak RSS MB | base RSS MB | RSS over base MB | stories | storylines |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for n in args.sizes:
        common = [sys.executable, __file__, "--bench", str(args.bench), "--one", str(n)]
        res = json.loads(subprocess.run(common, capture_output=True, text=True, check=True).stdout)
        base = json.loads(subprocess.run([*common, "--no-cluster"], capture_output=True, text=True, check=True).stdout)
        grown = res["peak_mb"] - base["peak_mb"]
        print(f"| {n:,} | {res['seconds']:.1f} | {n / res['seconds']:,.0f} | {res['peak_mb']:.0f} | "
              f"{base['peak_mb']:.0f} | {grown:.0f} | {res['stories']:,} | {res['storylines']:,} |")


if __name__ == "__main__":
    main()
