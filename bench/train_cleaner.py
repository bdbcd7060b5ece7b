"""Fit the page cleaner's line model on the extraction dev split and write it into the package.

    python bench/train_cleaner.py [--bench ../shared/bench] [--folds 5]

Layer one is scikit-learn's histogram gradient boosting with depth-3 trees, written out as
complete heap-ordered trees for `newsgraph.clean.trees.Forest` (the package evaluates them
with numpy, without scikit-learn); layer two is a logistic regression over the rescoring
features of layer one's scores.

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
from newsgraph.clean.trees import Forest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from shingles import score_pages  # noqa: E402

TREES = 60
DEPTH = 3
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


def fit_forest(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> dict:
    """Boosted depth-3 trees, as the JSON layout `Forest.from_json` reads.

    Shallow trees and large leaves, since the dev split has 91 pages: in 5-fold CV deeper
    trees or more rounds fitted the training pages better and the held-out ones worse.
    """
    from sklearn.ensemble import HistGradientBoostingClassifier

    clf = HistGradientBoostingClassifier(
        max_iter=TREES, learning_rate=0.1, max_depth=DEPTH, min_samples_leaf=40, l2_regularization=1.0,
        early_stopping=False, random_state=0,
    ).fit(x, y, sample_weight=w)
    trees = [_complete(tree.nodes) for (tree,) in clf._predictors]
    forest = {
        "depth": DEPTH,
        "baseline": round(float(np.ravel(clf._baseline_prediction)[0]), 6),
        "features": [feats for feats, _thrs, _vals in trees],
        "thresholds": [thrs for _feats, thrs, _vals in trees],
        "leaves": [[round(v, 6) for v in vals] for _feats, _thrs, vals in trees],
    }
    # The package's numpy evaluation must give scikit-learn's scores (up to the rounding).
    gap = np.abs(Forest.from_json(forest).raw(x) - clf.decision_function(x)).max()
    assert gap < 1e-4 * len(trees), f"exported trees disagree with the fit by {gap}"
    return forest


def _complete(nodes) -> tuple[list[int], list[float | None], list[float]]:
    """One fitted tree as a complete heap-ordered tree of depth DEPTH.

    A node the fit left unsplit becomes a node whose threshold is None (infinite: every row
    goes left) with its value in every leaf below it, so all trees share one shape.
    """
    inner = 2**DEPTH - 1
    feats, thrs, vals = [0] * inner, [None] * inner, [0.0] * (inner + 1)

    def fill(node_id: int, pos: int) -> None:
        node = nodes[node_id]
        if pos >= inner:
            vals[pos - inner] = float(node["value"])
        elif node["is_leaf"]:
            fill(node_id, 2 * pos + 1)
            fill(node_id, 2 * pos + 2)
        else:
            feats[pos], thrs[pos] = int(node["feature_idx"]), float(node["num_threshold"])
            fill(int(node["left"]), 2 * pos + 1)
            fill(int(node["right"]), 2 * pos + 2)

    fill(0, 0)
    return feats, thrs, vals


def fit(pages) -> tuple[dict, tuple[float, ...]]:
    """Layer one's forest (as JSON) and layer two's logistic weights."""
    firsts, ys, ws = design(pages)
    forest = fit_forest(np.vstack(firsts), np.concatenate(ys), np.concatenate(ws))
    layer1 = Forest.from_json(forest)
    seconds = [rescoring_features(layer1.probability(x), x) for x in firsts]
    b2 = fit_logistic(np.vstack(seconds), np.concatenate(ys), np.concatenate(ws))
    return forest, tuple(float(v) for v in b2)


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
        forest, b2 = fit(train)
        model = LineModel(Forest.from_json(forest), b2, "cv")
        for page, body, _lines, _labels in test:
            preds[page["id"]] = clean_page(page["text"], Config(), model=model).text
            golds[page["id"]] = body
    f1, p, r, _acc = score_pages(preds, golds)
    print(f"{args.folds}-fold cross-validated by page: F1 {f1:.3f}  P {p:.3f}  R {r:.3f}")

    forest, b2 = fit(pages)
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(json.dumps({
        "trained_on": "ScrapingHub article-extraction-benchmark, dev half (91 pages), bench/train_cleaner.py",
        "cv_f1": round(f1, 4),
        "layer1": forest,
        "layer2": [round(float(v), 6) for v in b2],
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH}")


if __name__ == "__main__":
    main()
