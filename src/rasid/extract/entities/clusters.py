"""Word clusters from unlabelled text, as tagger features: adapting the tagger to an archive.

A name the labelled sentences never tag may still be a word that *behaves* like the names they
do tag: it follows «اللاعب» or «نادي», precedes «الدولي», sits where places sit. Words are
grouped by the company they keep: for every word seen at least `MIN_COUNT` times, the positive
pointwise mutual information of the frequent words one and two places either side, reduced to
`DIM` dimensions by a truncated SVD and grouped by spherical k-means at several granularities
(coarse clusters generalise, fine ones discriminate). The tagger then sees «c128=41» beside the
word, so what it learnt about one member of a cluster carries over to the others.

Measured (README, "Who and where"): clusters of the training sentences alone add nothing (too
few words), so the shipped model has none; clusters of a large body of news of the target's
kind do (`rasid train-ner --unlabelled ARCHIVE`). Deterministic for a given text and seed.
"""
from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from rasid.extract.entities.features import word_key

SIZES = (32, 128, 512)
MIN_COUNT = 3          # rarer words have too few neighbours to place
MAX_WORDS = 200_000    # the most frequent words are clustered: memory stays bounded on an archive
CONTEXT_WORDS = 2000   # the most frequent words are the contexts (4 positions each)
DIM = 100
SEED = 0
OFFSETS = (-2, -1, 1, 2)
CHUNK_TOKENS = 2_000_000   # co-occurrences are counted this many tokens at a time
KEY_CACHE = 2_000_000      # distinct written forms whose key is remembered


def cooccurrence(sentences: Iterable[Sequence[str]], min_count: int = MIN_COUNT,
                 context_words: int = CONTEXT_WORDS, max_words: int = MAX_WORDS):
    """(vocabulary, counts): a sparse matrix of how often each vocabulary word has each context
    word at each offset; one column block per offset, since «before» and «after» say different
    things. Words are keyed as the featurizer keys them (folded, clitics off).

    `sentences` is read twice (counting, then co-occurrences), a chunk at a time, so an archive
    never sits in memory: pass a list, or an object whose every iteration starts again."""
    from scipy.sparse import csr_matrix

    if iter(sentences) is sentences:
        raise TypeError("cooccurrence reads the sentences twice: pass a list or a re-iterable, "
                        "not a one-pass iterator")
    keys: dict[str, str] = {}   # word -> key: folding is the slow part, and words repeat

    def keyed(sentence: Sequence[str]) -> list[str]:
        out = []
        for w in sentence:
            k = keys.get(w)
            if k is None:
                k = word_key(w)
                if len(keys) < KEY_CACHE:
                    keys[w] = k
            out.append(k)
        return out

    counts = Counter(k for s in sentences for k in keyed(s) if k)
    vocab = sorted((k for k, c in counts.items() if c >= min_count),
                   key=lambda k: (-counts[k], k))[:max_words]
    del counts
    n_ctx = min(context_words, len(vocab))
    shape = (len(vocab), len(OFFSETS) * n_ctx)
    m = csr_matrix(shape, dtype=np.float32)
    if not vocab:
        return vocab, m
    row = {k: i for i, k in enumerate(vocab)}
    buffer: list[int] = []

    def flush() -> None:
        nonlocal m
        if buffer:
            m = m + _counts(np.asarray(buffer, dtype=np.int64), n_ctx, shape)
            buffer.clear()

    for s in sentences:
        # -1 marks words outside the vocabulary and the two gap slots after each sentence, so
        # no window of two reaches across a sentence boundary
        buffer.extend(row.get(k, -1) for k in keyed(s))
        buffer += (-1, -1)
        if len(buffer) >= CHUNK_TOKENS:
            flush()
    flush()
    return vocab, m


def _counts(ids: np.ndarray, n_ctx: int, shape: tuple[int, int]):
    from scipy.sparse import coo_matrix

    rows, cols = [], []
    for block, off in enumerate(OFFSETS):
        here = ids[max(0, -off):len(ids) - max(0, off)]
        there = ids[max(0, off):len(ids) - max(0, -off)]
        keep = (here >= 0) & (there >= 0) & (there < n_ctx)
        rows.append(here[keep])
        cols.append(there[keep] + block * n_ctx)
    r, c = np.concatenate(rows), np.concatenate(cols)
    return coo_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=shape).tocsr()   # duplicates summed


def ppmi(m):
    """Positive PMI of a sparse count matrix, with context counts smoothed to the power 0.75
    (rare contexts would otherwise get the highest scores)."""
    m = m.tocoo()
    rows = np.asarray(m.sum(axis=1)).ravel()
    cols = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    if not len(m.data):
        return m.tocsr()
    pmi = np.log(m.data * cols.sum() / (rows[m.row] * cols[m.col]))
    keep = pmi > 0
    from scipy.sparse import coo_matrix

    return coo_matrix((pmi[keep].astype(np.float32), (m.row[keep], m.col[keep])), shape=m.shape).tocsr()


def reduce(m, dim: int = DIM, seed: int = SEED, power_iterations: int = 4) -> np.ndarray:
    """Rows of m in `dim` dimensions (U·√S of a randomized SVD, Halko et al. 2011), unit length."""
    k = min(dim, *m.shape)
    if k == 0:
        return np.zeros((m.shape[0], 0), dtype=np.float32)
    rng = np.random.default_rng(seed)
    q, _ = np.linalg.qr(m @ rng.standard_normal((m.shape[1], k + 10)).astype(np.float32))
    for _ in range(power_iterations):
        q, _ = np.linalg.qr(m.T @ q)
        q, _ = np.linalg.qr(m @ q)
    u, s, _ = np.linalg.svd(np.asarray((m.T @ q).T), full_matrices=False)
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
    assign = np.full(n, -1, dtype=np.int64)
    for _ in range(iterations):
        new = np.argmax(x @ centres.T, axis=1)
        if np.array_equal(new, assign):
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
    """word key -> its cluster at each size in `sizes`."""
    vocab, m = cooccurrence(sentences, min_count)
    if not vocab:
        return {}
    x = reduce(ppmi(m), dim, seed)
    columns = [kmeans(x, size, seed) for size in sizes]
    return {k: tuple(int(c[i]) for c in columns) for i, k in enumerate(vocab)}


def feature_names(clusters: dict[str, tuple[int, ...]], sizes: Sequence[int]) -> dict[str, tuple[str, ...]]:
    """word key -> its feature strings («c32=7», «c128=90», …), as the featurizer takes them."""
    return {k: tuple(f"c{s}={c}" for s, c in zip(sizes, v)) for k, v in clusters.items()}


def save_clusters(clusters: dict[str, tuple[int, ...]], sizes: Sequence[int], path: Path) -> None:
    """A gzipped TSV: a header with the sizes, then `key<TAB>c1<TAB>c2…` per word."""
    lines = ["#sizes\t" + "\t".join(map(str, sizes))]
    lines += ["\t".join((k, *map(str, c))) for k, c in sorted(clusters.items())]
    # mtime 0: the same clusters give the same bytes, so a rebuild shows no spurious change
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """word key -> its feature strings («c32=7», «c128=90», …), ready for the featurizer."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        lines = f.read().splitlines()
    if not lines or not lines[0].startswith("#sizes\t"):
        raise ValueError(f"{path}: not a word-cluster file (no '#sizes' header)")
    sizes = [int(x) for x in lines[0].split("\t")[1:]]
    out: dict[str, tuple[int, ...]] = {}
    for n, line in enumerate(lines[1:], start=2):
        parts = line.split("\t")
        if len(parts) != len(sizes) + 1 or not all(x.isdigit() for x in parts[1:]):
            raise ValueError(f"{path}, line {n}: expected a word and {len(sizes)} cluster numbers")
        out[parts[0]] = tuple(int(x) for x in parts[1:])
    return feature_names(out, sizes)
