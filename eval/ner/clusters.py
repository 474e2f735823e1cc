"""Word clusters as tagger features, measured by cross-validation (README, "Who and where").

    .venv/bin/python eval/ner/clusters.py [--folds 0,1,2,3,4,5] [--jobs 2] [--saudinewsnet] [--dev]

The clusters are `rasid.extract.entities.clusters`' (what `rasid train-ner --unlabelled`
builds): features of the word and, as context, of its neighbours, beside the shipped
featurizer's.
Scored like eval/ner/folds.py: each contiguous sixth of ANERcorp train held out in turn, the
clusters built from that fold's own training sentences (never the held-out sixth).
`--saudinewsnet` adds SaudiNewsNet's 31,030 articles to the clustering text (an experiment
only: that corpus is non-commercial and never goes into anything rasid ships). `--dev` scores
the shipped split only (fold 5 and Wojood-val). Each fold trains a CRF: run by hand.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from folds import DATA, SIXTHS, fold_split  # noqa: E402

SNN = DATA / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def saudinewsnet_sentences() -> list[list[str]]:
    """SaudiNewsNet's titles and bodies, cut as `rasid train-ner --unlabelled` cuts documents."""
    from rasid.extract.entities.unlabelled import sentences_of

    out = []
    with gzip.open(SNN, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            out += sentences_of(f"{r.get('title') or ''}. {r.get('content') or ''}")
    return out


def score_fold(fold: int, extra_text: bool, wojood: bool = False) -> dict:
    import pycrfsuite

    from rasid.extract.entities import corpora, train
    from rasid.extract.entities.clusters import SIZES, build_clusters, feature_names
    from rasid.extract.entities.crf import LEXICON_FILE
    from rasid.extract.entities.features import Featurizer
    from rasid.extract.entities.lexicon import load_lexicon
    from rasid.resources import resource_path

    held, rest = fold_split(fold)
    text = [t for t, _ in rest] + (saudinewsnet_sentences() if extra_text else [])
    clusters = build_clusters(text)
    featurizer = Featurizer(load_lexicon(resource_path(f"ner/{LEXICON_FILE}")),
                            clusters=feature_names(clusters, SIZES))
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "fold.crfsuite"
        train.fit(train.Data(rest, {}), featurizer, model)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        sets = {f"sixth {fold}": held}
        if wojood:
            sets["wojood-val"] = corpora.wojood(DATA, "val")
        got = {}
        for name, sentences in sets.items():
            s = train.evaluate(lambda toks: tagger.tag(featurizer.sentence(toks)), sentences)
            got[name] = {k or "ALL": [round(x, 3) for x in s.prf(k)] for k in (None,) + train.TYPES}
    return {"fold": fold, "clustered_words": len(clusters), "scores": got}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", default=",".join(str(i) for i in range(SIXTHS)))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--saudinewsnet", action="store_true", help="cluster SaudiNewsNet's text too")
    ap.add_argument("--dev", action="store_true", help="the shipped split only: fold 5 and Wojood-val")
    args = ap.parse_args()
    if not (DATA / "anercorp").exists() or (args.saudinewsnet and not SNN.exists()):
        print(f"skipped: the corpora under {DATA} are not there")
        return 0
    folds = [SIXTHS - 1] if args.dev else [int(f) for f in args.folds.split(",")]
    with ProcessPoolExecutor(args.jobs) as pool:
        rows = list(pool.map(score_fold, folds, [args.saudinewsnet] * len(folds), [args.dev] * len(folds)))
    f1s = []
    for r in rows:
        for name, s in r["scores"].items():
            print(f"{name:>12} | {r['clustered_words']:,} words clustered | P/R/F1 {' / '.join(map(str, s['ALL']))}"
                  f" | PER {s['PER'][2]} ORG {s['ORG'][2]} LOC {s['LOC'][2]}")
        f1s.append(r["scores"][f"sixth {r['fold']}"]["ALL"][2])
    print(f"F1 over {len(f1s)} sixths: mean {sum(f1s) / len(f1s):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
