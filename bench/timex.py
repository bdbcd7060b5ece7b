"""Benchmark: TIMEX3 recognition and normalisation on MEANTIME English (dev split).

    python bench/timex.py [--bench ../shared/bench] [--errors]

Runs the whole per-document pipeline, `newsgraph.process` on each `timex/docs.jsonl` article
(kind article, `published` as the anchor), and scores its timexes against `gold.jsonl` with
the metric of the benchmark's README (TempEval-3 task A style, micro-averaged): strict span
P/R/F1, relaxed span P/R/F1 with a one-to-one alignment (exact matches first, then by
largest overlap), and value and type F1 over the relaxed matches. Predictions starting at or
after a document's `annotated_until` are ignored. As a recognition baseline, spaCy's own
DATE/TIME entities of the same parse are scored the same way (they carry no value).
`--errors` lists every missed, spurious or wrongly normalised timex.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from newsgraph import Config, RawDocument, process
from newsgraph.annotate.nlp import load_nlp
from newsgraph.annotate.timex import find_timexes

HERE = Path(__file__).resolve().parent

# value F1 of the reference systems on this split, from the benchmark's README
REFERENCES = [
    ("HeidelTime 2.2.1, NEWS, no POS tagger (README)", 79.12, 85.88, 73.82, 80.59),
    ("dateparser search_dates (README)", 20.08, 66.40, 21.69, 52.74),
]


@dataclass
class Tally:
    """Counts behind the four F1 scores, summed over documents."""

    system: int = 0
    gold: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    errors: list[str] = field(default_factory=list)

    def f1(self, hits: int) -> float:
        if not hits:
            return 0.0
        precision, recall = hits / self.system, hits / self.gold
        return 100 * 2 * precision * recall / (precision + recall)


def align(pred: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one relaxed alignment: exact spans first, then the largest overlaps."""
    pairs: list[tuple[dict, dict]] = []
    free_p, free_g = list(range(len(pred))), list(range(len(gold)))
    for i in list(free_p):
        for j in free_g:
            if (pred[i]["start"], pred[i]["end"]) == (gold[j]["start"], gold[j]["end"]):
                pairs.append((pred[i], gold[j]))
                free_p.remove(i)
                free_g.remove(j)
                break
    overlaps = []
    for i in free_p:
        for j in free_g:
            size = min(pred[i]["end"], gold[j]["end"]) - max(pred[i]["start"], gold[j]["start"])
            if size > 0:
                overlaps.append((-size, i, j))
    used_p, used_g = set(), set()
    for _, i, j in sorted(overlaps):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((pred[i], gold[j]))
    return pairs


def score(tally: Tally, pred: list[dict], gold: dict, text: str) -> None:
    pred = [p for p in pred if p["start"] < gold["annotated_until"]]
    golds = gold["timexes"]
    tally.system += len(pred)
    tally.gold += len(golds)
    pairs = align(pred, golds)
    tally.strict += sum((p["start"], p["end"]) == (g["start"], g["end"]) for p, g in pairs)
    tally.relaxed += len(pairs)
    tally.value += sum(p.get("value") == g["value"] for p, g in pairs)
    tally.type += sum(p.get("type") == g["type"] for p, g in pairs)
    matched_p = {id(p) for p, _ in pairs}
    matched_g = {id(g) for _, g in pairs}
    for p, g in pairs:
        if p.get("value") != g["value"] or p.get("type") != g["type"]:
            tally.errors.append(
                f"{gold['id']}: WRONG {p['text']!r} {p.get('type')} {p.get('value')}"
                f" | gold {g['text']!r} {g['type']} {g['value']}"
            )
    for g in golds:
        if id(g) not in matched_g:
            tally.errors.append(f"{gold['id']}: MISSED {_context(text, g)} {g['type']} {g['value']}")
    for p in pred:
        if id(p) not in matched_p:
            tally.errors.append(f"{gold['id']}: SPURIOUS {_context(text, p)} {p.get('type')} {p.get('value')}")


def _context(text: str, span: dict) -> str:
    before = text[max(0, span["start"] - 30) : span["start"]].replace("\n", " ")
    after = text[span["end"] : span["end"] + 20].replace("\n", " ")
    return f"...{before}[{span['text']}]{after}..."


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=HERE.parent.parent / "shared" / "bench")
    ap.add_argument("--errors", action="store_true", help="list the errors of newsgraph")
    args = ap.parse_args()
    folder = args.bench / "timex"
    docs = [json.loads(line) for line in (folder / "docs.jsonl").open(encoding="utf-8")]
    golds = [json.loads(line) for line in (folder / "gold.jsonl").open(encoding="utf-8")]
    raws = [RawDocument(d["id"], d["text"], "article", published=d.get("published")) for d in docs]
    config = Config()
    process(raws[0], config)  # load the model outside the timing

    start = time.perf_counter()
    records = [process(raw, config) for raw in raws]
    elapsed = time.perf_counter() - start
    errors = [r for r in records if not hasattr(r, "timexes")]
    ours = Tally()
    for record, doc, gold in zip(records, docs, golds, strict=True):
        pred = [asdict(t) for t in getattr(record, "timexes", ())]
        score(ours, pred, gold, doc["text"])

    nlp = load_nlp()
    start = time.perf_counter()
    parsed = list(nlp.pipe(d["text"] for d in docs))
    parse_time = time.perf_counter() - start
    start = time.perf_counter()
    for doc, d in zip(parsed, docs, strict=True):
        find_timexes(doc, d.get("published"))
    timex_time = time.perf_counter() - start
    spacy_ner = Tally()
    for doc, d, gold in zip(parsed, docs, golds, strict=True):
        pred = [
            {"start": e.start_char, "end": e.end_char, "text": e.text, "type": e.label_}
            for e in doc.ents
            if e.label_ in ("DATE", "TIME")
        ]
        score(spacy_ner, pred, gold, d["text"])

    print(f"timex dev split (MEANTIME): {len(docs)} docs, {ours.gold} gold timexes, {len(errors)} error records\n")
    print("| system | strict F1 | relaxed F1 | value F1 | type F1 | docs/s |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    row = (ours.f1(ours.strict), ours.f1(ours.relaxed), ours.f1(ours.value), ours.f1(ours.type))
    print(
        "| newsgraph (full pipeline) | {:.2f} | {:.2f} | {:.2f} | {:.2f} |".format(*row), f"{len(docs) / elapsed:.1f} |"
    )
    ner = (spacy_ner.f1(spacy_ner.strict), spacy_ner.f1(spacy_ner.relaxed), spacy_ner.f1(spacy_ner.type))
    print("| spaCy NER DATE/TIME spans (no values) | {:.2f} | {:.2f} | - | {:.2f} | - |".format(*ner))
    for name, *scores in REFERENCES:
        print(f"| {name} | " + " | ".join(f"{s:.2f}" for s in scores) + " | - |")
    print(
        f"\ntimex annotator alone: {1000 * timex_time / len(docs):.2f} ms/doc,"
        f" {100 * timex_time / parse_time:.1f}% of spaCy's parse time ({1000 * parse_time / len(docs):.1f} ms/doc)"
    )
    if args.errors:
        print("\n" + "\n".join(ours.errors))


if __name__ == "__main__":
    main()
