"""Pair evidence: shingle containment, the clause alignment and the unit-embedding cache."""
from __future__ import annotations

import numpy as np
import pytest

from rasid.link.align import Alignment, units
from rasid.link.compare import (PairEvidence, Rarity, UnitCache, Units, compare, content_words,
                                lexical, numbers, profile)
from rasid.link.fingerprint import shingles


class CountingEmbed:
    """A stand-in for the sentence model: a fixed random unit vector per distinct text, and a
    record of every call (so caching and batching are visible)."""

    def __init__(self, dim: int = 16):
        self.dim = dim
        self.calls: list[list[str]] = []
        self.rng = np.random.default_rng(0)
        self.table: dict[str, np.ndarray] = {}

    def __call__(self, texts):
        self.calls.append(list(texts))
        out = []
        for t in texts:
            if t not in self.table:
                v = self.rng.normal(size=self.dim)
                self.table[t] = v / np.linalg.norm(v)
            out.append(self.table[t])
        return np.array(out, dtype=np.float32).reshape(len(texts), self.dim)


def _evidence(**kw) -> PairEvidence:
    base = dict(a="a", b="b", lang_a="ar", lang_b="ar", shingles_a=100, shingles_b=200, shared=80,
                alignment=Alignment((), 0, 0))
    return PairEvidence(**{**base, **kw})


def test_containment_is_measured_on_the_smaller_text():
    e = _evidence(shingles_a=100, shingles_b=400, shared=90)
    assert e.containment == pytest.approx(0.9)
    assert e.jaccard == pytest.approx(90 / 410)
    assert _evidence(shingles_a=0, shingles_b=10, shared=0).containment == 0.0
    assert _evidence(shingles_a=0, shingles_b=0, shared=0).jaccard == 0.0


@pytest.mark.parametrize("langs, expected", [
    (("ar", "en"), True), (("en", "ar"), True), (("ar", "fr"), True),
    (("ar", "ar"), False), (("ar", "und"), False), (("fa", "ar"), False), (("und", "en"), False)])
def test_cross_language_needs_two_trusted_different_languages(langs, expected):
    assert _evidence(lang_a=langs[0], lang_b=langs[1]).cross_language is expected


def test_spread_and_coverage_take_the_better_side():
    al = Alignment(((0, 0, 0.9), (1, 5, 0.9), (2, 9, 0.9)), units_a=3, units_b=10)
    e = _evidence(alignment=al)
    assert e.spread() == 1.0 and e.coverage() == 1.0
    assert al.spread("b") < 1.0 and al.coverage("b") == pytest.approx(0.3)


def test_content_words_leave_out_short_words_and_digits():
    words = content_words("في عام 2024 افتتح الوزير المدرسة والمستشفى")
    assert "2024" not in words and "في" not in words
    assert {"مدرسه", "مستشفي"} <= words                    # clitics stripped, letters folded


def test_profile_reads_an_article_once(corpus_articles):
    a = corpus_articles["port-orig"]
    p = profile(a)
    assert p.article is a
    assert p.shingles == frozenset(shingles(a.text))
    assert p.words == frozenset(content_words(a.text))
    assert p.numbers == frozenset(numbers(a.text)) == {"240", "2027", "12"}
    assert p.spans == tuple(units(a))


def test_lexical_evidence_needs_no_embeddings(corpus_articles):
    pa, pb = profile(corpus_articles["port-copy"]), profile(corpus_articles["port-orig"])
    e = lexical(pa, pb)
    assert (e.shingles_a, e.shingles_b, e.shared) == (len(pa.shingles), len(pb.shingles),
                                                      len(pa.shingles & pb.shingles))
    assert e.containment == 1.0 and e.words == 1.0
    assert e.alignment.pairs == () and (e.alignment.units_a, e.alignment.units_b) == (
        len(pa.spans), len(pb.spans))
    far = lexical(pb, profile(corpus_articles["football"]))
    assert far.shared == 0 and far.words < 0.2


def test_rare_words_weigh_more_than_common_ones(corpus_articles):
    pa, pb = profile(corpus_articles["port-orig"]), profile(corpus_articles["wheat"])
    shared = pa.words & pb.words
    assert shared                                          # some everyday words in common
    uniform = lexical(pa, pb)
    # an archive where every shared word is everywhere and the rest are rare
    df = {w: 1000 for w in shared}
    weighted = lexical(pa, pb, Rarity(df, n=1000))
    assert weighted.words == uniform.words
    assert weighted.idf_words < uniform.idf_words
    assert Rarity(df, n=1000).rare("xyz") and not Rarity(df, n=1000).rare(next(iter(shared)))


def test_compare_counts_shared_shingles_and_aligns_units(corpus_articles):
    a, b = corpus_articles["port-orig"], corpus_articles["port-copy"]
    pa, pb = profile(a), profile(b)
    cache = UnitCache(CountingEmbed())
    e = compare(pa, pb, cache(pa), cache(pb))
    sa, sb = shingles(a.text), shingles(b.text)
    assert (e.a, e.b, e.lang_a, e.lang_b) == (a.id, b.id, "ar", "ar")
    assert (e.shingles_a, e.shingles_b, e.shared) == (len(sa), len(sb), len(sa & sb))
    assert e.containment == pytest.approx(1.0)
    # the stand-in embeds equal texts equally: every clause of the original finds itself in
    # the copy, in order, after the copy's intro
    assert (e.alignment.units_a, e.alignment.units_b) == (len(units(a)), len(units(b)))
    assert len(e.alignment.pairs) == e.alignment.units_a
    assert e.alignment.coverage("a") == 1.0 and e.alignment.pairs[0][1] > 0
    assert e.soft_a == pytest.approx(1.0, abs=1e-5)
    assert e.soft_b < 1.0                  # the intro's clauses have no twin
    assert e.words == 1.0
    assert e.partnered_a == 1.0 and e.partnered_b < 1.0
    assert e.anchored == 1.0               # every aligned clause pair shares a word


def test_compare_without_units_is_the_lexical_evidence(corpus_articles):
    pa, pb = profile(corpus_articles["wheat"]), profile(corpus_articles["football"])
    empty = Units((), np.zeros((0, 4), dtype=np.float32))
    e = compare(pa, pb, empty, empty)
    assert e == lexical(pa, pb)
    assert e.alignment.pairs == () and e.soft_a == e.soft_b == 0.0
    assert e.shared == 0 and e.containment == 0.0


def test_compare_threshold_controls_which_clauses_align(corpus_articles):
    p = profile(corpus_articles["wheat"])
    vec = np.eye(4, dtype=np.float32)
    spans = (corpus_articles["wheat"].sentences[0],) * 4
    ua, ub = Units(spans, vec), Units(spans, vec * 0.6)      # cosine 0.6 with the matching unit
    assert len(compare(p, p, ua, ub, threshold=0.5).alignment.pairs) == 4
    assert compare(p, p, ua, ub, threshold=0.7).alignment.pairs == ()


def test_unit_cache_embeds_each_article_once(corpus_articles):
    embed = CountingEmbed()
    cache = UnitCache(embed)
    p = profile(corpus_articles["football"])
    first = cache(p)
    assert first.spans == p.spans == tuple(units(p.article))
    assert first.vectors.shape == (len(first.spans), embed.dim) and first.vectors.dtype == np.float32
    assert embed.calls == [[s.of(p.article.text) for s in first.spans]]
    again = cache(p)
    assert len(embed.calls) == 1 and np.array_equal(again.vectors, first.vectors)


def test_unit_cache_evicts_the_least_recently_used(corpus_articles):
    embed = CountingEmbed()
    cache = UnitCache(embed, size=2)
    x, y, z = (profile(corpus_articles[k]) for k in ("wheat", "football", "port-orig"))
    cache(x), cache(y), cache(x), cache(z)       # y is the least recently used when z arrives
    assert len(embed.calls) == 3
    cache(x)
    assert len(embed.calls) == 3                 # x was kept
    cache(y)
    assert len(embed.calls) == 4                 # y was evicted and is embedded again


def test_unit_cache_prefetch_embeds_many_articles_in_one_call(corpus_articles):
    embed = CountingEmbed()
    cache = UnitCache(embed, size=1)
    ps = [profile(corpus_articles[k]) for k in ("wheat", "football", "port-orig")]
    cache(ps[0])
    cache.prefetch(ps)
    assert len(embed.calls) == 2
    assert len(embed.calls[1]) == len(ps[1].spans) + len(ps[2].spans)   # only the missing ones
    # a prefetched batch is kept whole even when it is larger than the cache (size 1)
    expected = {p.article.id: embed([s.of(p.article.text) for s in p.spans]) for p in ps}
    calls = len(embed.calls)
    cache.prefetch(ps)
    assert len(embed.calls) == calls             # nothing left to embed: no call at all
    got = cache(ps[2])
    np.testing.assert_allclose(got.vectors, expected[ps[2].article.id])


def test_unit_cache_embeds_a_clause_shared_by_several_texts_once(corpus_articles):
    """A copy repeats its source's clauses: embedded together, each distinct clause goes to
    the model once, and every article still gets one vector per clause, in its own order."""
    embed = CountingEmbed()
    cache = UnitCache(embed)
    orig, copy = profile(corpus_articles["port-orig"]), profile(corpus_articles["port-copy"])
    texts = {p.article.id: [s.of(p.article.text) for s in p.spans] for p in (orig, copy)}
    shared = set(texts["port-orig"]) & set(texts["port-copy"])
    assert len(shared) >= 3
    cache.prefetch([orig, copy])
    assert len(embed.calls) == 1
    sent = embed.calls[0]
    assert len(sent) == len(set(sent)) == len(set(texts["port-orig"]) | set(texts["port-copy"]))
    assert (cache.asked, cache.embedded) == (len(texts["port-orig"]) + len(texts["port-copy"]), len(sent))
    for p in (orig, copy):
        np.testing.assert_array_equal(cache(p).vectors, embed(texts[p.article.id]))
