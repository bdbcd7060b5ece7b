"""Learn cue words and their frames from PolNeAR's gold cues, and measure what they are worth.

    python bench/learn_cues.py [--bench ../shared/bench]

A gold attribution names its cue span and its content span. Where the parse links the two (the
content's head hangs from a cue word, or the cue hangs from the content as in "..., X said"),
the cue word's lemma and the link give one observation: the content is a clause (`ccomp`: the
`belief` class), an infinitive (`xcomp`: `intent`), an object (`dobj`: `stance`), what follows a
particle ("seize on": `particles`), the clause beside it (`speech`), or a noun's that-clause
(`nouns`). A (lemma, frame) pair is kept when the training documents show it as a gold cue at
least `MIN_SEEN` times and in at least `MIN_PRECISION` of the places where the same word stands
in the same frame: so "say" with a clause is learned, "make" with an object is not.

Scored honestly: two folds by document (alternate documents of each publisher), learn on one,
score on the other, both ways, tallies summed; printed next to the in-sample score and the
hand-written lexicon alone, with the table learned on all of dev (entries the hand lexicon
has left out). Nothing is written: the learned table goes into the hand lexicon only where
the two-fold score says it carries over to unseen documents.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from newsgraph.annotate.entities import find_entities
from newsgraph.annotate.nlp import load_nlp
from newsgraph.annotate.quote_cues import CueLexicon, lexicon_from
from newsgraph.annotate.quotes import find_quotes
from newsgraph.report import read_records
from quotes import Tally, evaluate, gold_items, predicted_items

HERE = Path(__file__).resolve().parent
HAND = HERE.parent / "src" / "newsgraph" / "annotate" / "data" / "quote_cues.json"
MIN_SEEN = 2  # a singleton cue of one month does not come back the next
MIN_PRECISION = 0.5  # of the word's uses in the frame, the share that are gold cues

# The class whose content is a dependent with this relation to its cue verb.
_CLASS_BY_DEP = {"ccomp": "belief", "xcomp": "intent", "dobj": "stance"}
# How the cue hangs from a clause that reports it: "..., X said", "as X noted, ...".
_BESIDE = frozenset({"parataxis", "ccomp", "advcl"})

Key = tuple[str, str, str]  # (table, lemma, class or particle)


def observations(doc, quotes: Iterable[dict]) -> Counter[Key]:
    """(table, lemma, class) of each gold attribution whose cue the parse links to its content."""
    seen: Counter[Key] = Counter()
    for q in quotes:
        if not q["cue"]:
            continue
        cue = doc.char_span(*q["cue"], alignment_mode="expand")
        content = doc.char_span(*q["content"], alignment_mode="expand")
        if cue is None or content is None:
            continue
        cue_ids = {t.i for t in cue}
        inside = {t.i for t in content}
        heads = [t for t in content if t.head.i not in inside or t.head.i == t.i]
        key = next((k for k in (_link(cue_ids, h) for h in heads) if k), None)
        if key is None:
            key = next((k for k in (_beside(t, inside) for t in cue) if k), None)
        if key is not None:
            seen[key] += 1
    return seen


def _link(cue_ids: set[int], head) -> Key | None:
    gov = head.head
    if gov.i not in cue_ids or gov.i == head.i:
        return None
    if gov.pos_ == "ADP" and gov.head.i in cue_ids and gov.head.pos_ == "VERB" and head.dep_ in ("pobj", "pcomp"):
        return "particles", gov.head.lemma_.lower(), gov.lower_
    if gov.pos_ == "VERB" and head.dep_ in _CLASS_BY_DEP:
        return "verbs", gov.lemma_.lower(), _CLASS_BY_DEP[head.dep_]
    if gov.pos_ == "NOUN" and head.dep_ in ("acl", "ccomp") and any(c.lower_ == "that" for c in head.lefts):
        return "nouns", gov.lemma_.lower(), ""
    return None


def _beside(tok, inside: set[int]) -> Key | None:
    if tok.pos_ == "VERB" and tok.dep_ in _BESIDE and tok.head.i in inside:
        return "verbs", tok.lemma_.lower(), "speech"
    return None


def uses(doc) -> Counter[Key]:
    """Every place where a word stands in a frame, cue or not: the denominator of precision."""
    out: Counter[Key] = Counter()
    for tok in doc:
        if tok.pos_ == "VERB":
            lemma = tok.lemma_.lower()
            for child in tok.children:
                if child.dep_ in _CLASS_BY_DEP and child.i > tok.i:
                    out["verbs", lemma, _CLASS_BY_DEP[child.dep_]] += 1
                elif child.dep_ in ("prep", "prt") and child.i > tok.i:
                    out["particles", lemma, child.lower_] += 1
            if tok.dep_ in _BESIDE and any(c.dep_ == "nsubj" for c in tok.children):
                out["verbs", lemma, "speech"] += 1
        elif tok.pos_ == "NOUN" and any(c.dep_ in ("acl", "ccomp") for c in tok.children):
            out["nouns", tok.lemma_.lower(), ""] += 1
    return out


def learn(docs: list, golds: list[dict], hand: CueLexicon) -> dict:
    """The lexicon table learned from `docs` and their gold records, without what `hand` has."""
    seen: Counter[Key] = Counter()
    used: Counter[Key] = Counter()
    for doc, gold in zip(docs, golds, strict=True):
        seen += observations(doc, gold["quotes"])
        used += uses(doc)
    table: dict = {"verbs": {}, "particles": {}, "nouns": []}
    for (kind, lemma, cls), n in sorted(seen.items()):
        if n < MIN_SEEN or n < MIN_PRECISION * max(used[kind, lemma, cls], n) or not lemma.isalpha():
            continue
        if kind == "verbs" and cls not in hand.classes(lemma):
            table["verbs"].setdefault(cls, []).append(lemma)
        elif kind == "particles" and cls not in hand.particles.get(lemma, ()):
            table["particles"].setdefault(lemma, []).append(cls)
        elif kind == "nouns" and lemma not in hand.nouns:
            table["nouns"].append(lemma)
    return table


def score(docs: list, golds: list[dict], texts: list[str], entities: list, lexicon: CueLexicon) -> dict:
    preds, gold = {}, {}
    for n, doc in enumerate(docs):
        found = [asdict(q) for q in find_quotes(doc, entities[n], lexicon)]
        preds[n] = predicted_items(texts[n], found)
        gold[n] = gold_items(golds[n])
    return evaluate(preds, gold)


def add(into: dict, more: dict) -> None:
    for key, t in more.items():
        sum_ = into.setdefault(key, Tally())
        sum_.gold += t.gold
        sum_.pred += t.pred
        sum_.matched += t.matched
        sum_.speaker_right += t.speaker_right


def line(name: str, results: dict) -> str:
    cells = []
    for subset in ("all", "direct"):
        t = results[subset, 0.3]
        cells += [*t.prf(t.matched), t.speaker_right / t.matched if t.matched else 0.0]
    return f"| {name} | " + " | ".join(f"{c:.3f}" for c in cells) + " |"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=HERE.parent.parent / "shared" / "bench")
    args = ap.parse_args()
    folder = args.bench / "quotes"
    records = read_records(folder / "docs.jsonl")
    by_id = {g["id"]: g for g in read_records(folder / "gold.jsonl")}
    golds = [by_id[r["id"]] for r in records]
    texts = [r["text"] for r in records]
    docs = list(load_nlp().pipe(texts))
    entities = [find_entities(doc) for doc in docs]
    hand_table = json.loads(HAND.read_text("utf-8"))
    hand = lexicon_from(hand_table)

    folds: list[list[int]] = [[], []]
    count: Counter[str] = Counter()
    for n, r in enumerate(records):
        outlet = r["id"].split("_")[0]
        folds[count[outlet] % 2].append(n)
        count[outlet] += 1

    def part(items: list, ids: list[int]) -> list:
        return [items[n] for n in ids]

    base: dict = {}
    cross: dict = {}
    for train, test in (folds, folds[::-1]):
        table = learn(part(docs, train), part(golds, train), hand)
        sub = (part(docs, test), part(golds, test), part(texts, test), part(entities, test))
        add(base, score(*sub, hand))
        add(cross, score(*sub, lexicon_from(hand_table, table)))
    table = learn(docs, golds, hand)
    inside = score(docs, golds, texts, entities, lexicon_from(hand_table, table))
    print("| lexicon | P all | R all | F1 all | spkAcc all | P direct | R direct | F1 direct | spkAcc direct |")
    print("| --- |" + " ---: |" * 8)
    print(line("hand", base))
    print(line("hand + learned, 2-fold", cross))
    print(line("hand + learned, in-sample", inside))
    print(json.dumps(table, indent=1))


if __name__ == "__main__":
    main()
