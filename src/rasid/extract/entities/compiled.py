"""A trained CRFsuite model's weights as arrays, so a sentence's state scores are sums of
cached per-word rows instead of attribute strings handed to CRFsuite token by token.

The features are the featurizer's own (`features.Featurizer.sentence` is what training
sees and stays the reference): every feature of a word as seen from a given offset
depends on the word alone, so its weights are summed once per (word, offset) into one
row of label scores. What depends on the sentence (the bias, the window's sentence
boundaries, the distance from a title, the word bigrams) is added per token. The labels
and marginals equal CRFsuite's on the same features (tested).
"""
from __future__ import annotations

import struct
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from rasid.extract.entities.decode import marginals, viterbi
from rasid.extract.entities.features import _CONTEXT_KINDS, WINDOW, Featurizer, _first

_OFFSETS = tuple(range(-WINDOW, WINDOW + 1))


def read_model(path: Path) -> tuple[list[str], dict[tuple[str, str], float],
                                      dict[tuple[str, str], float]]:
    """(labels in CRFsuite's order, state weights, transition weights) from a CRFsuite
    model file, at full precision: `pycrfsuite.Tagger.info()` gives the weights printed to
    six decimals, which moves marginals in their sixth place.

    The file (CRFsuite's crf1d format, little-endian): a 48-byte header holding the offsets
    of the feature table and of two string databases (CQDB) for labels and attributes; each
    feature is (type, source id, destination id, float64 weight), type 0 an attribute's
    weight for a label, type 1 a label-to-label transition."""
    data = Path(path).read_bytes()
    if data[:4] != b"lCRF" or len(data) < 48:
        raise ValueError(f"{path} is not a CRFsuite model")
    if struct.unpack_from("<I", data, 4)[0] != len(data):
        raise ValueError(f"{path} is a truncated CRFsuite model (its header gives another size)")
    try:
        return _parse(data, path)
    except (struct.error, IndexError, UnicodeDecodeError) as e:
        raise ValueError(f"{path} is a damaged or truncated CRFsuite model ({e})") from e


def _parse(data: bytes, path: Path) -> tuple[list[str], dict[tuple[str, str], float],
                                             dict[tuple[str, str], float]]:
    _, _, _, _, off_features, off_labels, off_attrs, _, _ = struct.unpack_from("<9I", data, 12)
    labels, attrs = _strings(data, off_labels), _strings(data, off_attrs)
    if data[off_features:off_features + 4] != b"FEAT":
        raise ValueError(f"{path}: no feature table where the header says")
    count = struct.unpack_from("<I", data, off_features + 8)[0]
    table = np.frombuffer(data, dtype=np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"),
                                                ("weight", "<f8")]),
                          count=count, offset=off_features + 12)
    state, trans = {}, {}
    for kind, src, dst, weight in table.tolist():
        if kind == 0:
            state[attrs[src], labels[dst]] = weight
        elif kind == 1:
            trans[labels[src], labels[dst]] = weight
    return labels, state, trans


def _strings(data: bytes, off: int) -> list[str]:
    """A CQDB's strings by id: a 24-byte header (magic, size, flag, byte order, count,
    offset of the id -> record table); each record is (id, key size with its NUL, key)."""
    if data[off:off + 4] != b"CQDB":
        raise ValueError("damaged CRFsuite model: a string table is missing")
    _, _, _, count, backward = struct.unpack_from("<5I", data, off + 4)
    out = []
    for i in range(count):
        record = off + struct.unpack_from("<I", data, off + backward + 4 * i)[0]
        _, size = struct.unpack_from("<II", data, record)
        out.append(data[record + 8:record + 8 + size - 1].decode("utf-8"))
    return out


class CompiledCRF:
    """Scores for `Featurizer.sentence`'s features, from CRFsuite's state and transition
    weights (`read_model`)."""

    def __init__(self, labels: Sequence[str], state_features: dict[tuple[str, str], float],
                 transitions: dict[tuple[str, str], float], featurizer: Featurizer,
                 max_words: int = 200_000) -> None:
        self.labels = list(labels)
        self.featurizer = featurizer
        index = {label: k for k, label in enumerate(self.labels)}
        L = len(self.labels)
        self.transitions = np.zeros((L, L))
        for (a, b), w in transitions.items():
            self.transitions[index[a], index[b]] = w
        self._attr: dict[str, int] = {}
        rows: list[np.ndarray] = []
        for (attr, label), w in state_features.items():
            row = self._attr.get(attr)
            if row is None:
                row = self._attr[attr] = len(rows)
                rows.append(np.zeros(L))
            rows[row][index[label]] += w
        rows.append(np.zeros(L))  # the row of an attribute the model has no weight for
        self.weights = np.array(rows)
        self._none = len(rows) - 1
        self._bias = self.weights[self._attr.get("bias", self._none)]
        self._boundary = {off: self._attr.get(f"{off}BOUNDARY", self._none)
                          for off in _OFFSETS if off}
        self._after = [self._attr.get(f"after_title={k}", self._none) for k in range(5)]
        # one row per word type: its scores as seen from each offset of the window
        self._word: dict[str, tuple[int, str, int]] = {}
        self._rows: dict[str, tuple[int, ...]] = {}
        self._table = np.zeros((1024, len(_OFFSETS), L))
        self.max_words = max_words

    def _feature_rows(self, feature: str) -> tuple[int, ...]:
        """The weight rows of one word feature as seen from each offset of the window (the
        featurizer's context features: a few kinds, prefixed with the offset)."""
        rows = self._rows.get(feature)
        if rows is None:
            context = feature.startswith(_CONTEXT_KINDS)
            get, none = self._attr.get, self._none
            rows = tuple(get(feature, none) if off == 0 else
                         (get(f"{off}{feature}", none) if context else none) for off in _OFFSETS)
            self._rows[feature] = rows
        return rows

    def _word_row(self, word: str, src: list[int], dest: list[int]) -> tuple[int, str, int]:
        """(table row, the word's first feature for bigrams, title flag: 1 opens a title
        phrase, 2 continues one, 0 breaks it). A new word's row is filled later, in one numpy
        call for the batch: its weight rows are appended to `src`, their places to `dest`."""
        known = self._word.get(word)
        if known is not None:
            return known
        feats = self.featurizer.word_features(word)
        row = len(self._word)
        if row >= len(self._table):
            # double, but not past the cap (rows are 360 bytes); a single batch with more new
            # words than the cap grows it 1,024 rows at a time
            grow = max(min(len(self._table), self.max_words - len(self._table)), 1024)
            self._table = np.concatenate([self._table, np.zeros((grow,) + self._table.shape[1:])])
        base = row * len(_OFFSETS)
        for f in feats:
            for k, r in enumerate(self._feature_rows(f)):
                if r != self._none:
                    src.append(r)
                    dest.append(base + k)
        self._table[row] = 0.0
        flag = 1 if "L=per_title" in feats else (
            2 if "sh=ar" in feats and "L=report" not in feats else 0)
        out = self._word[word] = (row, _first(feats), flag)
        return out

    def emissions(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """State scores of every label for each token: ((B, T, L) padded, lengths (B,))."""
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        B, L = len(sentences), len(self.labels)
        T = int(lengths.max()) if B else 0
        out = np.zeros((B, T, L))
        N = int(lengths.sum())
        if not N:
            return out, lengths
        if len(self._word) + N > self.max_words:
            # bounded memory on an endless stream: start the word table afresh between
            # batches (never inside one, whose rows are still being read); the feature cache
            # holds each word's own features, so it goes too
            self._word.clear()
            self._rows.clear()
        attr = self._attr
        src: list[int] = []
        dest: list[int] = []
        info = [self._word_row(w, src, dest) for words in sentences for w in words]
        if src:
            flat = self._table.reshape(-1, L)
            np.add.at(flat, np.array(dest), self.weights[np.array(src)])
        rows = np.fromiter((r for r, _, _ in info), dtype=np.int64, count=N)
        sent = np.repeat(np.arange(B), lengths)
        pos = np.arange(N) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        em = self._table[rows, WINDOW] + self._bias
        for k, off in enumerate(_OFFSETS):
            if off:
                # token i sees word i+off when both are in one sentence
                inside = np.nonzero((pos + off >= 0) & (pos + off < lengths[sent]))[0]
                em[inside] += self._table[rows[inside + off], k]
        extra_at: list[int] = []
        extra_row: list[int] = []
        start = 0
        for n in lengths.tolist():
            for off, row in self._boundary.items():
                i = -1 - off if off < 0 else n - off
                if 0 <= i < n:
                    extra_at.append(start + i)
                    extra_row.append(row)
            since = 0  # Featurizer._after_title, from the cached flags
            prev = None
            for i in range(start, start + n):
                _, first, flag = info[i]
                if since:
                    extra_at.append(i)
                    extra_row.append(self._after[min(since, 4)])
                since = 1 if flag == 1 else (since + 1 if since and flag == 2 and since < 6 else 0)
                if prev is not None:
                    pair = f"{prev}|{first}"
                    row = attr.get("bi-1=" + pair)
                    if row is not None:
                        extra_at.append(i)
                        extra_row.append(row)
                    row = attr.get("bi+1=" + pair)
                    if row is not None:
                        extra_at.append(i - 1)
                        extra_row.append(row)
                prev = first
            start += n
        np.add.at(em, np.array(extra_at, dtype=np.int64), self.weights[np.array(extra_row, dtype=np.int64)])
        out[sent, pos] = em
        return out, lengths

    def tag(self, sentences: Sequence[Sequence[str]],
            confidence: Callable[[list[str]], bool] | bool = False
            ) -> tuple[list[list[str]], list[np.ndarray | None]]:
        """Best labels per sentence and, for the sentences `confidence` picks (all when
        True), the marginal probability of each chosen label; None for the others."""
        em, lengths = self.emissions(sentences)
        paths = viterbi(em, lengths, self.transitions)
        names = self.labels
        labels = [[names[k] for k in paths[b, :n]] for b, n in enumerate(lengths.tolist())]
        conf: list[np.ndarray | None] = [None] * len(labels)
        want = [b for b, labs in enumerate(labels)
                if (confidence(labs) if callable(confidence) else confidence)]
        if want:
            sel = np.array(want)
            probs = marginals(em[sel], lengths[sel], self.transitions)
            chosen = np.take_along_axis(probs, paths[sel][:, :, None], axis=2)[:, :, 0]
            for k, b in enumerate(want):
                conf[b] = chosen[k, :lengths[b]]
        return labels, conf

    def clear(self) -> None:
        """Forget every word's cached scores (a cold start, for benchmarks)."""
        self._word.clear()
        self._rows.clear()
