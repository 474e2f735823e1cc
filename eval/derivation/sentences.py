"""Sentence level: does the clause similarity that rewrite detection aligns on know a
paraphrase from a sentence that only shares its topic? Checked on SemEval-2017 STS Arabic pairs.

    .venv/bin/python eval/derivation/sentences.py [--json]

The pairs (`../shared/data/sts2017_ar/`, our shared half: 125 pairs scored 0-5 by annotators)
are short captions, not news, so this is a sanity check of the measure, not a news benchmark.
It reports how the USE cosine that `rasid.link.compare` aligns clauses on, and the share of
content words in common, follow the annotators' scores (Pearson, Spearman), and how the
decisions the alignment makes split the pairs:
- `aligned`: cosine >= ALIGN_THRESHOLD (two clauses may be one rewritten);
- `partner`: cosine >= PARTNER_SIMILARITY and a third of the smaller clause's content words
  shared (the within-language partner rule).
A paraphrase is a pair scored 4 or more ("mostly equivalent"); pairs under 3 are different
statements; the pairs in between are reported apart.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1].parent / "shared" / "data" / "sts2017_ar" / "sts2017_ar_ar_shared.tsv"
PARAPHRASE = 4.0
DIFFERENT = 3.0


def read_pairs(path: Path) -> list[tuple[str, str, float]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [(r["sentence1"], r["sentence2"], float(r["score_0_5"]))
                for r in csv.DictReader(f, delimiter="\t")]


def ranks(x: np.ndarray) -> np.ndarray:
    """Average ranks (ties share their mean rank), for Spearman's correlation."""
    order = np.argsort(x, kind="stable")
    r = np.empty(len(x))
    r[order] = np.arange(len(x))
    for v in np.unique(x):
        same = x == v
        r[same] = r[same].mean()
    return r


def correlations(pred: np.ndarray, gold: np.ndarray) -> dict:
    return {"pearson": float(np.corrcoef(pred, gold)[0, 1]),
            "spearman": float(np.corrcoef(ranks(pred), ranks(gold))[0, 1])}


def split_by(decision: np.ndarray, gold: np.ndarray) -> dict:
    """Precision and recall of `decision` for paraphrases (>= PARAPHRASE) against different
    statements (< DIFFERENT); the in-between pairs are counted apart."""
    pos, neg = gold >= PARAPHRASE, gold < DIFFERENT
    tp, fp = int((decision & pos).sum()), int((decision & neg).sum())
    fn = int((~decision & pos).sum())
    return {"precision": tp / (tp + fp) if tp + fp else 0.0, "recall": tp / (tp + fn) if tp + fn else 0.0,
            "paraphrases": int(pos.sum()), "different": int(neg.sum()),
            "in_between_accepted": int((decision & ~pos & ~neg).sum()),
            "in_between": int((~pos & ~neg).sum())}


def evaluate(pairs: list[tuple[str, str, float]]) -> dict:
    from rasid.link.compare import ALIGN_THRESHOLD, PARTNER_SIMILARITY, PARTNER_WORDS, content_words
    from rasid.text.embed import Embedder

    embed = Embedder()
    a = embed([p[0] for p in pairs])
    b = embed([p[1] for p in pairs])
    cosine = np.einsum("ij,ij->i", a, b)
    words = np.array([len(x & y) / (min(len(x), len(y)) or 1)
                      for x, y in ((content_words(p[0]), content_words(p[1])) for p in pairs)])
    gold = np.array([p[2] for p in pairs])
    return {
        "pairs": len(pairs),
        "cosine": correlations(cosine, gold),
        "content_words": correlations(words, gold),
        "aligned": split_by(cosine >= ALIGN_THRESHOLD, gold),
        "partner": split_by((cosine >= PARTNER_SIMILARITY) & (words >= PARTNER_WORDS), gold),
        "words_only": split_by(words >= PARTNER_WORDS, gold),
        "sweep": {f"{t:.2f}": split_by(cosine >= t, gold) for t in (0.5, 0.6, 0.7, 0.8, 0.9)},
        "thresholds": {"align": ALIGN_THRESHOLD, "partner_similarity": PARTNER_SIMILARITY,
                       "partner_words": PARTNER_WORDS},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} is not there (the shared data folder sits beside the repository)")
        return 0
    got = evaluate(read_pairs(DATA))
    if args.json:
        print(json.dumps(got, indent=1))
        return 0
    print(f"STS-2017 Arabic, {got['pairs']} pairs (paraphrase: score >= {PARAPHRASE:g}; different: < {DIFFERENT:g})")
    for name in ("cosine", "content_words"):
        c = got[name]
        print(f"  {name:14s} Pearson {c['pearson']:.3f}  Spearman {c['spearman']:.3f}")
    for name in ("aligned", "partner", "words_only"):
        s = got[name]
        print(f"  {name:14s} P {s['precision']:.3f} R {s['recall']:.3f} ({s['paraphrases']} paraphrases,"
              f" {s['different']} different; {s['in_between_accepted']} of {s['in_between']} in between accepted)")
    print("  cosine alone at stricter thresholds: " + ", ".join(
        f"{t}: P {s['precision']:.2f} R {s['recall']:.2f}" for t, s in got["sweep"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
