"""Benchmark: page latency of `newsgraph serve` on a database of 10,000 articles (loopback only).

    python bench/serve_latency.py [--articles 10000] [--sources 150] [--requests 200]

Articles are made at run time and deleted afterwards: the demo corpus, the seeds and the first
`--sources` documents of the stories benchmark (`../shared/bench/stories/docs.jsonl`) are
processed once; their paragraphs, with every annotation inside them shifted along, are
recombined into new articles, each belonging to a made-up happening (most paragraphs from one
source, a few from others, a date near the happening's, one of 40 outlets). `NewsDB.ingest_records`
stores them and assigns stories. The server runs in its own process on 127.0.0.1; this process
requests each page over one keep-alive connection and prints p50/p95 per page. The server keeps
recent story views (`serve.views.StoryCache`): the repeated row measures that, the distinct row
every story page built from scratch. Target: story page p95 under 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from newsgraph.serve.markup import paragraphs as line_spans

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
Record = dict[str, Any]
LAYERS = ("entities", "quotes", "timexes", "quantities", "events")
TARGET_MS = 100.0


def _spans(value: Any) -> list[dict[str, Any]]:
    """Every dict with integer start/end inside an annotation (the span itself, speaker, cue, trigger…)."""
    out = []
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            out.append(value)
        for v in value.values():
            out += _spans(v)
    elif isinstance(value, list):
        for v in value:
            out += _spans(v)
    return out


def _shifted(value: Any, delta: int) -> Any:
    value = json.loads(json.dumps(value))
    for span in _spans(value):
        span["start"] += delta
        span["end"] += delta
    return value


def paragraphs(record: Record) -> list[tuple[str, dict[str, list[Any]]]]:
    """Each paragraph of a processed record with the annotations wholly inside it, offsets from 0."""
    text, out = record["text"], []
    for start, end in line_spans(text):
        layers = {name: [_shifted(a, -start) for a in record[name]
                         if all(start <= s["start"] and s["end"] <= end for s in _spans(a))]
                  for name in LAYERS}
        out.append((text[start:end], layers))
    return out


def assemble(key: str, title: str, outlet: str, published: str, parts: list[tuple[str, dict[str, list[Any]]]]
             ) -> Record:  # fmt: skip
    texts: list[str] = []
    layers: dict[str, list[Any]] = {name: [] for name in LAYERS}
    offset = 0
    for line, spans in parts:
        for name in LAYERS:
            layers[name] += [_shifted(a, offset) for a in spans[name]]
        texts.append(line)
        offset += len(line) + 1
    text = "\n".join(texts)
    return {"id": key, "url": None, "title": title, "outlet": outlet, "section": None, "wire": [],
            "cited_outlets": [], "published": {"value": published, "source": "given", "evidence": ""},
            "text": text, "removed": [], **layers, "kind": "article", "offset_map": [[0, 0, len(text)]],
            "evidence": {}}


def sources(count: int) -> list[Record]:
    """Processed records of the demo corpus, the seeds and `count` stories-benchmark documents."""
    import newsgraph

    inputs = [str(REPO / "demo" / "corpus")]
    seeds = REPO.parent / "shared" / "seeds"
    inputs += [str(p) for p in sorted(seeds.glob("*.txt"))]
    docs = REPO.parent / "shared" / "bench" / "stories" / "docs.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        if docs.exists() and count:
            part = Path(tmp) / "docs.jsonl"
            part.write_text("".join(line + "\n" for line in docs.read_text(encoding="utf-8").splitlines()[:count]),
                            encoding="utf-8")
            inputs.append(str(part))
        records = [r.to_dict() for r in newsgraph.extract(inputs) if isinstance(r, newsgraph.Article)]
    return [r for r in records if len(line_spans(r["text"])) >= 2]


def synthetic(n: int, records: list[Record], seed: int = 7) -> list[Record]:
    rng = random.Random(seed)
    pools = [paragraphs(r) for r in records]
    outlets = [f"Outlet {i:02d}" for i in range(40)]
    start = dt.date(2024, 1, 1).toordinal()
    happenings = [(rng.randrange(len(pools)), start + rng.randrange(730)) for _ in range(max(1, n // 8))]
    out = []
    for i in range(n):
        source, day = rng.choice(happenings)
        own = pools[source]
        picked = sorted(rng.sample(range(len(own)), min(len(own), rng.randint(3, 10))))
        parts = [own[j] for j in picked] + [rng.choice(rng.choice(pools)) for _ in range(rng.randint(0, 2))]
        title = records[source].get("title") or parts[0][0][:80]
        published = dt.date.fromordinal(day + rng.randint(0, 3)).isoformat()
        out.append(assemble(f"syn-{i:05d}", title, rng.choice(outlets), published, parts))
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(conn: http.client.HTTPConnection, path: str) -> float:
    start = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status != 200 or not body:
        raise SystemExit(f"GET {path}: {response.status}")
    return elapsed


def p95(times: list[float]) -> float:
    times = sorted(times)
    return times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def row(name: str, times: list[float]) -> str:
    return f"| {name} | {len(times)} | {statistics.median(times):.1f} | {p95(times):.1f} | {max(times):.1f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--sources", type=int, default=150, help="stories-benchmark documents to recombine")
    parser.add_argument("--requests", type=int, default=200, help="requests per page kind")
    args = parser.parse_args()

    from newsgraph.store import open_db

    t0 = time.perf_counter()
    records = sources(args.sources)
    t1 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "news.db"
        with open_db(path) as db:
            report = db.ingest_records(synthetic(args.articles, records), batch_size=500)
        t2 = time.perf_counter()
        with sqlite3.connect(path) as conn:
            stories = conn.execute("SELECT story_id, count(*) FROM articles GROUP BY story_id ORDER BY 2 DESC"
                                   ).fetchall()
            articles = [k for (k,) in conn.execute("SELECT id FROM articles")]
        conn.close()
        print(f"{len(records)} processed sources in {t1 - t0:.0f} s; {report.added} articles stored, "
              f"{len(stories)} stories (largest {stories[0][1]}, median {stories[len(stories) // 2][1]}) "
              f"in {t2 - t1:.0f} s", flush=True)

        port = free_port()
        server = subprocess.Popen([sys.executable, "-c", f"from newsgraph.serve import run; run({str(path)!r}, "
                                   f"'127.0.0.1', {port})"], stdout=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    timed(conn, "/api/counts")
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            rng = random.Random(11)
            largest = f"/story/{quote(stories[0][0])}"
            pages = {
                f"story page, largest story ({stories[0][1]} articles), repeated": [largest] * args.requests,
                "story page, distinct random stories (uncached)": [
                    f"/story/{quote(key)}" for key, _ in rng.sample(stories[1:], min(args.requests, len(stories) - 1))],
                "article page, random articles": [f"/article/{quote(rng.choice(articles), safe='')}"
                                                  for _ in range(args.requests)],
                "overview": ["/"] * max(10, args.requests // 4),
                "search (3 words)": ["/search?q=police%20said%20Monday"] * max(10, args.requests // 4),
            }
            for urls in pages.values():  # warm up: connections, templates, lexicons
                timed(conn, urls[0])
            print("\n| page | requests | p50 ms | p95 ms | max ms |\n| --- | --- | --- | --- | --- |")
            results = {}
            for name, urls in pages.items():
                results[name] = [timed(conn, u) for u in urls]
                print(row(name, results[name]), flush=True)
        finally:
            server.terminate()
            server.wait(10)
    story_p95 = max(p95(t) for n, t in results.items() if n.startswith("story"))
    verdict = "meets" if story_p95 < TARGET_MS else "MISSES"
    print(f"\nstory page p95 {story_p95:.1f} ms {verdict} the {TARGET_MS:.0f} ms target")


if __name__ == "__main__":
    main()
