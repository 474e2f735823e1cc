"""Linear-chain CRF inference in numpy: best label paths and per-token marginals for a
batch of sequences at once.

CRFsuite decodes one sentence per call, and handing it a sentence means building a list of
attribute strings per token that it then hashes again; an article is thirty such calls.
Here the scores arrive as arrays (see `crf.CompiledCRF`) and every sentence of an article
moves through the chain in the same numpy step, so the cost is the longest sentence's
length in numpy calls, not the article's token count in Python ones.

The model is CRFsuite's first-order chain: a path scores the sum of its tokens' state
scores and its label-to-label transition weights, with no start or end weights. Ties are
broken as CRFsuite breaks them (the first label in model order wins).
"""
from __future__ import annotations

import numpy as np


def viterbi(emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Best label index per position for each sequence.

    `emissions` (B, T, L): state scores, sequence b occupying [:lengths[b]] and padding after;
    `transitions` (L, L): weight of label i followed by label j. Returns (B, T) indices
    (padding positions hold zeros; callers slice by length)."""
    B, T, L = emissions.shape
    path = np.zeros((B, T), dtype=np.int64)
    if B == 0 or T == 0:
        return path
    # longest first: at step t the sequences still running are a prefix of the batch
    order = np.argsort(-lengths, kind="stable")
    em, lens = emissions[order], lengths[order]
    running = np.searchsorted(-lens, -np.arange(T), side="left")  # count with length > t
    back = np.zeros((T, B, L), dtype=np.int64)
    score = em[:, 0].copy()  # a finished sequence's row keeps its final scores
    for t in range(1, T):
        k = running[t]
        cand = score[:k, :, None] + transitions[None]        # (k, from, to)
        back[t, :k] = cand.argmax(axis=1)                    # first maximum, as CRFsuite
        score[:k] = cand.max(axis=1) + em[:k, t]
    ends = np.maximum(lens - 1, 0)
    out = np.zeros((B, T), dtype=np.int64)
    out[np.arange(B), ends] = score.argmax(axis=1)
    for t in range(T - 1, 0, -1):
        k = running[t]
        out[:k, t - 1] = back[t, np.arange(k), out[:k, t]]
    path[order] = out
    return path


def marginals(emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """P(label at t | sequence) for each sequence, by scaled forward-backward: (B, T, L),
    zero at padding positions. Each position's scores are shifted by their maximum before
    exponentiation, which cancels in the normalisation and keeps exp() finite."""
    B, T, L = emissions.shape
    out = np.zeros((B, T, L))
    if B == 0 or T == 0:
        return out
    order = np.argsort(-lengths, kind="stable")
    em, lens = emissions[order], lengths[order]
    running = np.searchsorted(-lens, -np.arange(T + 1), side="left")
    psi = np.exp(em - em.max(axis=2, keepdims=True))
    trans = np.exp(transitions - transitions.max())
    alpha = np.zeros((B, T, L))
    alpha[:, 0] = psi[:, 0] / psi[:, 0].sum(axis=1, keepdims=True)
    for t in range(1, T):
        k = running[t]
        a = (alpha[:k, t - 1] @ trans) * psi[:k, t]
        alpha[:k, t] = a / a.sum(axis=1, keepdims=True)
    beta = np.ones((B, T, L))  # one at each sequence's last position, and past it
    for t in range(T - 2, -1, -1):
        k = running[t + 1]
        b = (beta[:k, t + 1] * psi[:k, t + 1]) @ trans.T
        beta[:k, t] = b / b.sum(axis=1, keepdims=True)
    prob = alpha * beta
    live = np.arange(T)[None, :] < lens[:, None]
    total = prob.sum(axis=2, keepdims=True)
    prob = np.divide(prob, total, out=np.zeros_like(prob), where=live[:, :, None])
    out[order] = prob
    return out
