"""Fit the page cleaner's line model on the extraction dev split and write it into the package.

    python bench/train_cleaner.py [--bench ../shared/bench] [--folds 5]

Labels: a page line is body when it is a line of the gold body, or a long line that lies
inside it. Each page weighs the same (as in the metric) and, inside a page, a line weighs by
the square root of its length, since long lines carry most shingles. Cross-validation by
page reports what to expect on unseen pages before the final fit on all of them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

from newsgraph.clean.lines import split_lines
from newsgraph.clean.model import page_features, rescoring_features
from newsgraph.clean.page import first_line_title

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from shingles import score_pages  # noqa: E402

MODEL_PATH = HERE.parent / "src" / "newsgraph" / "clean" / "data" / "line_model.json"
L2 = 1.0


def labelled_pages(bench: Path):
    pages = [json.loads(x) for x in (bench / "extraction" / "pages.jsonl").open(encoding="utf-8")]
    gold = {}
    for x in (bench / "extraction" / "gold.jsonl").open(encoding="utf-8"):
        rec = json.loads(x)
        gold[rec["id"]] = rec["body"]
    out = []
    for page in pages:
        body = gold[page["id"]]
        gold_lines = {g.strip() for g in body.splitlines() if g.strip()}
        lines = split_lines(page["text"])
        labels = [
            1.0 if ln.text in gold_lines or (len(ln.text) > 80 and ln.text in body) else 0.0
            for ln in lines
        ]
        out.append((page, body, lines, labels))
    return out


def fit_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, iters: int = 60) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (small, dense, exact)."""
    beta = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], L2)
    reg[0] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -30, 30)))
        grad = x.T @ (w * (p - y)) + reg * beta
        hess = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(reg + 1e-6)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return beta


def _weights(lines) -> np.ndarray:
    w = np.array([np.sqrt(len(ln.text)) for ln in lines], dtype=float)
    return w / w.sum() * 100.0


def design(pages):
    firsts, ys, ws = [], [], []
    for _page, _body, lines, labels in pages:
        firsts.append(page_features(lines, first_line_title(lines)).matrix)
        ys.append(np.array(labels))
        ws.append(_weights(lines))
    return firsts, ys, ws


def fit(pages):
    firsts, ys, ws = design(pages)
    b1 = fit_logistic(np.vstack(firsts), np.concatenate(ys), np.concatenate(ws))
    seconds = []
    for x in firsts:
        s = list(1.0 / (1.0 + np.exp(-np.clip(x @ b1, -30, 30))))
        seconds.append(np.array(rescoring_features(s, x.tolist())))
    b2 = fit_logistic(np.vstack(seconds), np.concatenate(ys), np.concatenate(ws))
    return b1, b2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=HERE.parent.parent / "shared" / "bench")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()

    from newsgraph.clean.model import LineModel
    from newsgraph.clean.page import clean_page
    from newsgraph.config import Config

    pages = labelled_pages(args.bench)
    order = list(range(len(pages)))
    random.Random(13).shuffle(order)
    preds, golds = {}, {}
    for k in range(args.folds):
        test = [pages[i] for i in order[k :: args.folds]]
        train = [pages[i] for i in order if i not in set(order[k :: args.folds])]
        b1, b2 = fit(train)
        model = LineModel(tuple(b1), tuple(b2), "cv")
        for page, body, _lines, _labels in test:
            preds[page["id"]] = clean_page(page["text"], Config(), model=model).text
            golds[page["id"]] = body
    f1, p, r, _acc = score_pages(preds, golds)
    print(f"{args.folds}-fold cross-validated by page: F1 {f1:.3f}  P {p:.3f}  R {r:.3f}")

    b1, b2 = fit(pages)
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(json.dumps({
        "trained_on": "ScrapingHub article-extraction-benchmark, dev half (91 pages), bench/train_cleaner.py",
        "cv_f1": round(f1, 4),
        "layer1": [round(float(v), 6) for v in b1],
        "layer2": [round(float(v), 6) for v in b2],
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH}")


if __name__ == "__main__":
    main()
