"""How much the one ANERcorp dev sixth says: the tagger retrained with each contiguous sixth of
ANERcorp train held out in turn (the other corpora as in `rasid train-ner`, NewsFANE sentences
overlapping the held-out sixth dropped), each sixth scored as anercorp-dev is.

    .venv/bin/python eval/ner/folds.py [--folds 0,1,2,3,4,5] [--jobs 2]

Each fold trains a model (about 2½ minutes on one core), so this is run by hand, not in CI.
Fold 5 is the shipped model's anercorp-dev.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
SIXTHS = 6


def fold_split(fold: int) -> tuple[list, list]:
    """(held-out sixth of ANERcorp train, the training sentences without it): the other corpora
    as in `rasid train-ner`, NewsFANE sentences overlapping the held-out sixth dropped."""
    from rasid.extract.entities import corpora, train

    aner = corpora.anercorp(DATA)
    a, b = round(len(aner) * fold / SIXTHS), round(len(aner) * (fold + 1) / SIXTHS)
    held, rest = aner[a:b], aner[:a] + aner[b:]
    held_grams = set().union(*(train._ngrams(t) for t, _ in held))
    rest += corpora.aqmar(DATA) + corpora.wojood(DATA, "train")
    rest += [s for s in corpora.newsfane(DATA) if not (train._ngrams(s[0]) & held_grams)]
    return held, rest


def one_fold(fold: int) -> dict:
    import pycrfsuite

    from rasid.extract.entities import train
    from rasid.extract.entities.crf import LEXICON_FILE
    from rasid.extract.entities.features import Featurizer
    from rasid.extract.entities.lexicon import load_lexicon
    from rasid.resources import resource_path

    held, rest = fold_split(fold)
    lexicon = load_lexicon(resource_path(f"ner/{LEXICON_FILE}"))
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "fold.crfsuite"
        train.fit(train.Data(rest, {}), Featurizer(lexicon), model)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        featurizer = Featurizer(lexicon)
        score = train.evaluate(lambda toks: tagger.tag(featurizer.sentence(toks)), held)
    return {"fold": fold, "tokens": sum(len(t) for t, _ in held),
            **{k or "ALL": [round(x, 3) for x in score.prf(k)] for k in (None,) + train.TYPES}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", default=",".join(str(i) for i in range(SIXTHS)))
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if not (DATA / "anercorp").exists():
        print(f"skipped: {DATA / 'anercorp'} is not there")
        return 0
    folds = [int(f) for f in args.folds.split(",")]
    with ProcessPoolExecutor(args.jobs) as pool:
        rows = list(pool.map(one_fold, folds))
    print(f"{'held-out sixth':>14} | {'tokens':>6} | {'P / R / F1':>17} | PER F1 | ORG F1 | LOC F1")
    for r in rows:
        p, rec, f1 = r["ALL"]
        print(f"{r['fold']:>14} | {r['tokens']:>6,} | {p:.3f} / {rec:.3f} / {f1:.3f} | "
              f"{r['PER'][2]:.3f}  | {r['ORG'][2]:.3f}  | {r['LOC'][2]:.3f}")
    f1s = [r["ALL"][2] for r in rows]
    print(f"F1 over {len(rows)} sixths: mean {sum(f1s) / len(f1s):.3f}, range {min(f1s):.3f}-{max(f1s):.3f}")
    print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
