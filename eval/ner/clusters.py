"""Word clusters of our own as tagger features: measured, not shipped (README, "Who and where").

    .venv/bin/python eval/ner/clusters.py [--folds 0,1,2,3,4,5] [--jobs 2] [--saudinewsnet] [--dev]

Every word seen at least MIN_COUNT times in the clustering text is placed by the positive PMI
of the frequent words one and two places either side, reduced to DIM dimensions by a
randomized SVD and grouped by spherical k-means at several sizes; the cluster ids become
features of the word and (as context) of its neighbours, beside the shipped featurizer's.
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
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
SNN = DATA / "saudinewsnet" / "saudinewsnet.jsonl.gz"
SIXTHS = 6


def word_key(word: str) -> str:
    """The key the shipped featurizer looks its name lists up by (folded, clitics off)."""
    from rasid.text.normalize import Norm, normalize
    from rasid.text.tokens import match_key

    norm = normalize(word, Norm.MATCH)[:40]
    return match_key(norm)[:40] if norm else norm


def keys_of(sentence: Sequence[str]) -> list[str]:
    return [word_key(w) for w in sentence]


SIZES = (32, 128, 512)
MIN_COUNT = 3          # rarer words have too few neighbours to place
CONTEXT_WORDS = 2000   # the most frequent words are the contexts (4 positions each)
DIM = 100
SEED = 0
OFFSETS = (-2, -1, 1, 2)


def cooccurrence(sentences: Iterable[Sequence[str]], min_count: int = MIN_COUNT,
                 context_words: int = CONTEXT_WORDS) -> tuple[list[str], np.ndarray]:
    """(vocabulary, counts): how often each vocabulary word has each context word at each
    offset; one column block per offset, since «before» and «after» say different things."""
    keyed = [keys_of(s) for s in sentences]
    counts = Counter(k for s in keyed for k in s if k)
    vocab = sorted((k for k, c in counts.items() if c >= min_count), key=lambda k: (-counts[k], k))
    contexts = vocab[:context_words]
    row = {k: i for i, k in enumerate(vocab)}
    col = {k: i for i, k in enumerate(contexts)}
    m = np.zeros((len(vocab), len(OFFSETS) * len(contexts)), dtype=np.float32)
    for s in keyed:
        for i, k in enumerate(s):
            r = row.get(k)
            if r is None:
                continue
            for block, off in enumerate(OFFSETS):
                j = i + off
                if 0 <= j < len(s) and (c := col.get(s[j])) is not None:
                    m[r, block * len(contexts) + c] += 1
    return vocab, m


def ppmi(m: np.ndarray) -> np.ndarray:
    """Positive PMI, with context counts smoothed to the power 0.75 (rare contexts would
    otherwise get the highest scores)."""
    total = m.sum()
    if not total:
        return m
    rows = m.sum(axis=1, keepdims=True)
    cols = m.sum(axis=0, keepdims=True) ** 0.75
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(m * cols.sum() / (rows * cols))
    pmi[~np.isfinite(pmi)] = 0.0
    return np.maximum(pmi, 0.0, out=pmi).astype(np.float32)


def reduce(m: np.ndarray, dim: int = DIM, seed: int = SEED, power_iterations: int = 4) -> np.ndarray:
    """Rows of m in `dim` dimensions (U·√S of a randomized SVD, Halko et al. 2011), unit length."""
    k = min(dim, *m.shape)
    if k == 0:
        return np.zeros((m.shape[0], 0), dtype=np.float32)
    rng = np.random.default_rng(seed)
    q, _ = np.linalg.qr(m @ rng.standard_normal((m.shape[1], k + 10)).astype(np.float32))
    for _ in range(power_iterations):
        q, _ = np.linalg.qr(m.T @ q)
        q, _ = np.linalg.qr(m @ q)
    u, s, _ = np.linalg.svd(q.T @ m, full_matrices=False)
    x = (q @ u[:, :k]) * np.sqrt(s[:k])
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return (x / np.where(norms > 0, norms, 1.0)).astype(np.float32)


def kmeans(x: np.ndarray, k: int, seed: int = SEED, iterations: int = 25) -> np.ndarray:
    """Spherical k-means: the cluster of each row (rows are unit vectors)."""
    n = len(x)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    k = min(k, n)
    centres = x[np.random.default_rng(seed).choice(n, k, replace=False)].copy()
    assign = np.zeros(n, dtype=np.int64)
    for _ in range(iterations):
        new = np.argmax(x @ centres.T, axis=1)
        if _ and np.array_equal(new, assign):
            break
        assign = new
        sums = np.zeros_like(centres)
        np.add.at(sums, assign, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        filled = norms[:, 0] > 0            # an emptied cluster keeps its old centre
        centres[filled] = sums[filled] / norms[filled]
    return assign


def build_clusters(sentences: Iterable[Sequence[str]], sizes: Sequence[int] = SIZES,
                   min_count: int = MIN_COUNT, dim: int = DIM, seed: int = SEED) -> dict[str, tuple[int, ...]]:
    """match key -> its cluster at each size in `sizes`."""
    vocab, m = cooccurrence(sentences, min_count)
    if not vocab:
        return {}
    x = reduce(ppmi(m), dim, seed)
    columns = [kmeans(x, size, seed) for size in sizes]
    return {k: tuple(int(c[i]) for c in columns) for i, k in enumerate(vocab)}


def saudinewsnet_sentences() -> list[list[str]]:
    from rasid.text.tokens import tokenize

    out = []
    with gzip.open(SNN, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            text = (r.get("title") or "") + " . " + (r.get("content") or "")
            out.append([t.text for t in tokenize(text) if t.is_word])
    return out


class ClusterFeaturizer:
    """The shipped featurizer's features plus the word clusters of the word and its neighbours
    (one and two places either side, like the featurizer's other context features)."""

    def __init__(self, lexicon, clusters: dict[str, tuple[int, ...]], sizes: Sequence[int]):
        from rasid.extract.entities.features import WINDOW, Featurizer

        self.base = Featurizer(lexicon)
        self.window = WINDOW
        self.names = {k: tuple(f"c{s}={c}" for s, c in zip(sizes, v)) for k, v in clusters.items()}

    def sentence(self, words: list[str]) -> list[list[str]]:
        out = self.base.sentence(words)
        found = [self.names.get(word_key(w), ()) for w in words]
        for i, feats in enumerate(out):
            for off in range(-self.window, self.window + 1):
                if 0 <= i + off < len(words):
                    feats += [f"{off}{c}" for c in found[i + off]]   # a copy: sentence() builds new lists
        return out


def score_fold(fold: int, extra_text: bool, wojood: bool = False) -> dict:
    import pycrfsuite

    from rasid.extract.entities import corpora, train
    from rasid.extract.entities.crf import LEXICON_FILE
    from rasid.extract.entities.lexicon import load_lexicon
    from rasid.resources import resource_path

    aner = corpora.anercorp(DATA)
    a, b = round(len(aner) * fold / SIXTHS), round(len(aner) * (fold + 1) / SIXTHS)
    held, rest = aner[a:b], aner[:a] + aner[b:]
    held_grams = set().union(*(train._ngrams(t) for t, _ in held))
    rest += corpora.aqmar(DATA) + corpora.wojood(DATA, "train")
    rest += [s for s in corpora.newsfane(DATA) if not (train._ngrams(s[0]) & held_grams)]
    text = [t for t, _ in rest] + (saudinewsnet_sentences() if extra_text else [])
    clusters = build_clusters(text)
    featurizer = ClusterFeaturizer(load_lexicon(resource_path(f"ner/{LEXICON_FILE}")), clusters, SIZES)
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
