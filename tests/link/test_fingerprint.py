"""Fingerprints: match-key word shingles, the numpy MinHash and its LSH band keys."""
from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash

from rasid.link.fingerprint import (BANDS, NUM_PERM, SEED, SHINGLE_WORDS, band_keys,
                                    estimated_jaccard, fingerprint, minhash, shingle_hash,
                                    shingles)
from rasid.text.tokens import match_keys

SENTENCE = "أعلنت الوزارة إنشاء مدرسة جديدة في المدينة الساحلية لاستيعاب أبناء الأحياء الشرقية"
# the same sentence with hamza dropped, ta marbuta written as ha, diacritics, tatweel and
# clitics glued on (و / لـ): every word keeps its match key
VARIANT = "واعلنت الوزاره انشاءَ مدرسةٍ جديده في للمدينة الساحليـــة لاستيعاب ابناء الاحياء الشرقيه"


def _datasketch(shingle_set: set[str]) -> np.ndarray:
    m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=shingle_hash)
    m.update_batch(sorted(shingle_set))
    return np.asarray(m.hashvalues).astype(np.uint32)


def test_minhash_equals_datasketch_affine32(paragraphs):
    s = shingles(paragraphs["port-orig"][0] + " " + paragraphs["wheat"][1])
    assert len(s) > 20
    np.testing.assert_array_equal(minhash(s), _datasketch(s))


def test_minhash_of_a_union_is_the_elementwise_min(paragraphs):
    """The defining MinHash property, whatever the permutations: min over A | B is the min of
    the two minima, and the order shingles arrive in does not matter."""
    sa, sb = shingles(paragraphs["port-orig"][1]), shingles(paragraphs["wheat"][2])
    np.testing.assert_array_equal(minhash(sa | sb), np.minimum(minhash(sa), minhash(sb)))
    # more shingles than one numpy block (4096): the blocks' minima combine the same way
    many = {f"{x} {i}" for x in shingles(" ".join(paragraphs["port-orig"])) for i in range(40)}
    assert len(many) > 4096
    part = set(list(many)[:2000])
    np.testing.assert_array_equal(minhash(many), np.minimum(minhash(part), minhash(many - part)))


def test_shingle_hash_is_stable_crc32():
    import zlib

    assert shingle_hash("مدرسه جديده في مدينه") == zlib.crc32("مدرسه جديده في مدينه".encode())
    assert 0 <= shingle_hash("x") < 1 << 32


def test_shingles_are_consecutive_match_key_windows():
    keys = match_keys(SENTENCE)
    got = shingles(SENTENCE)
    assert got == {" ".join(keys[i:i + SHINGLE_WORDS]) for i in range(len(keys) - SHINGLE_WORDS + 1)}
    assert all(len(s.split()) == SHINGLE_WORDS for s in got)


def test_shingles_ignore_hamza_ta_marbuta_diacritics_tatweel_and_clitics():
    assert match_keys(VARIANT) == match_keys(SENTENCE)   # the premise
    assert shingles(VARIANT) == shingles(SENTENCE)
    assert minhash(shingles(VARIANT)).tolist() == minhash(shingles(SENTENCE)).tolist()


def test_shingles_ignore_a_detached_waw():
    glued = "أعلنت الهيئة عن خطة جديدة وأكدت أن التنفيذ سيبدأ قريبا في المدينة"
    spaced = "أعلنت الهيئة عن خطة جديدة و أكدت أن التنفيذ سيبدأ قريبا في المدينة"
    assert shingles(spaced) == shingles(glued)


def test_short_and_empty_texts():
    assert shingles("") == set()
    assert shingles("،،، !!") == set()
    assert shingles("مدرسة جديدة") == {"مدرسه جديده"}     # fewer words than a shingle: one
    sig = minhash(set())
    assert sig.dtype == np.uint32 and sig.shape == (NUM_PERM,)
    assert (sig == np.uint32(0xFFFFFFFF)).all()
    fp = fingerprint("empty", "")
    assert fp.shingles == 0 and (fp.signature == np.uint32(0xFFFFFFFF)).all()
    assert len(fp.bands()) == BANDS


def test_identical_texts_have_identical_signatures_and_band_keys(rows):
    text = rows["port-orig"]["text"]
    a, b = fingerprint("a", text), fingerprint("b", text)
    assert a.shingles == b.shingles == len(shingles(text)) > 100
    np.testing.assert_array_equal(a.signature, b.signature)
    assert a.bands() == b.bands()
    assert estimated_jaccard(a.signature, b.signature) == 1.0


def test_estimated_jaccard_is_close_to_the_true_jaccard(paragraphs):
    p = paragraphs
    text_a = "\n\n".join(p["port-orig"] + p["wheat"])
    text_b = "\n\n".join(p["wheat"] + p["football"])
    sa, sb = shingles(text_a), shingles(text_b)
    true = len(sa & sb) / len(sa | sb)
    assert 0.15 < true < 0.5        # a real partial overlap, not a trivial 0 or 1
    est = estimated_jaccard(minhash(sa), minhash(sb))
    assert abs(est - true) <= 0.15, (est, true)


def test_unrelated_texts_estimate_near_zero_and_share_no_band(rows):
    a, b = fingerprint("a", rows["port-orig"]["text"]), fingerprint("b", rows["football"]["text"])
    assert estimated_jaccard(a.signature, b.signature) < 0.05
    assert not set(a.bands()) & set(b.bands())


def test_a_copy_with_an_intro_shares_band_keys(rows):
    orig, copy = fingerprint("o", rows["port-orig"]["text"]), fingerprint("c", rows["port-copy"]["text"])
    shared = sum(x == y for x, y in zip(orig.bands(), copy.bands()))
    assert shared >= BANDS // 2


def test_band_keys_are_one_signed_64_bit_int_per_band(rows):
    for sig in (fingerprint("a", rows["wheat"]["text"]).signature,
                np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32),
                np.zeros(NUM_PERM, dtype=np.uint32)):
        keys = band_keys(sig)
        assert len(keys) == BANDS
        assert all(isinstance(k, int) and -(1 << 63) <= k < (1 << 63) for k in keys)
        # the band number is mixed in: equal chunks in different bands get different keys
        assert len(set(keys)) == BANDS


def test_band_keys_depend_only_on_their_own_rows():
    rng = np.random.default_rng(7)
    sig = rng.integers(0, 1 << 32, NUM_PERM, dtype=np.uint64).astype(np.uint32)
    changed = sig.copy()
    rows = NUM_PERM // BANDS
    changed[5 * rows] ^= 1            # one value in band 5
    before, after = band_keys(sig), band_keys(changed)
    assert [i for i in range(BANDS) if before[i] != after[i]] == [5]
    assert len(band_keys(sig, bands=16)) == 16
