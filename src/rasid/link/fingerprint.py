"""Near-duplicate fingerprints: word shingles over match keys, MinHash, LSH band keys.

Shingles are built from clitic-stripped, normalized match keys, so a copy that
changes و+word spacing, hamza forms or diacritics still shares them. The MinHash
is datasketch's affine32 scheme (same permutations, same values: a test checks
it) computed in one numpy step per article, which is several times faster than
feeding datasketch shingle by shingle.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from rasid.text.tokens import match_keys

SHINGLE_WORDS = 4
NUM_PERM = 128
BANDS = 32          # 32 bands x 4 rows: candidate probability 0.5 near Jaccard 0.42
SEED = 1


SAMPLE_MODULUS = 8  # keep one shingle in eight (by hash) for containment candidates


@dataclass(frozen=True, slots=True)
class Fingerprint:
    article_id: str
    shingles: int            # how many distinct shingles the text has
    signature: np.ndarray    # NUM_PERM uint32 MinHash values
    samples: tuple[int, ...] = ()   # hashes of the sampled shingles (hash % SAMPLE_MODULUS == 0)

    def bands(self, bands: int = BANDS) -> list[int]:
        return band_keys(self.signature, bands)


def shingle_hash(shingle: str) -> int:
    """A stable 32-bit hash (Python's own hash() is salted per process)."""
    return zlib.crc32(shingle.encode("utf-8"))


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """Word k-grams of match keys. One-letter keys are dropped: a conjunction typed apart
    from its word («و أكدت» for «وأكدت») would otherwise break every shingle across it."""
    return shingles_of_keys(match_keys(text), k)


def shingles_of_keys(keys: list[str], k: int = SHINGLE_WORDS) -> set[str]:
    keys = [w for w in keys if len(w) > 1]
    if len(keys) < k:
        return {" ".join(keys)} if keys else set()
    return {" ".join(keys[i:i + k]) for i in range(len(keys) - k + 1)}


@lru_cache(maxsize=4)
def permutations(num_perm: int = NUM_PERM, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, seed=seed).permutations
    return a.astype(np.uint32), b.astype(np.uint32)


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, which datasketch's affine32 scheme applies first."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def minhash(shingle_set: set[str], num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """datasketch-compatible MinHash values (affine32): min over shingles of a*fmix(h)+b mod 2^32."""
    a, b = permutations(num_perm, seed)
    out = np.full(num_perm, 0xFFFFFFFF, dtype=np.uint32)
    if not shingle_set:
        return out
    hv = _fmix32(np.fromiter((shingle_hash(s) for s in shingle_set), dtype=np.uint32, count=len(shingle_set)))
    with np.errstate(over="ignore"):    # uint32 arithmetic wraps: that is the mod 2^32
        for start in range(0, len(hv), 4096):  # bounded memory for very long texts
            block = hv[start:start + 4096, None] * a[None, :] + b[None, :]
            np.minimum(out, block.min(axis=0), out=out)
    return out


def band_keys(signature: np.ndarray, bands: int = BANDS) -> list[int]:
    """One signed 63-bit key per band (fits an SQLite INTEGER), band number mixed in."""
    rows = len(signature) // bands
    keys = []
    for band in range(bands):
        chunk = signature[band * rows:(band + 1) * rows].tobytes()
        digest = zlib.crc32(chunk, band) | (zlib.adler32(chunk, band + 1) << 32)
        keys.append((digest & 0x7FFFFFFFFFFFFFFF) - (1 << 62))
    return keys


def sampled(shingle_set: set[str], modulus: int = SAMPLE_MODULUS) -> tuple[int, ...]:
    """The shingles whose hash is divisible by `modulus`: the same shingle is sampled in every
    text that has it, so shared samples estimate shared shingles (containment)."""
    return tuple(sorted({h for h in map(shingle_hash, shingle_set) if h % modulus == 0}))


def fingerprint(article_id: str, text: str, shingle_set: set[str] | None = None) -> Fingerprint:
    s = shingles(text) if shingle_set is None else shingle_set
    return Fingerprint(article_id, len(s), minhash(s), sampled(s))


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))
