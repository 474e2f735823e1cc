"""Deciding a pair: copies (and what is surely not derived) on words alone; rewrites and
translations by the packaged model over the clause alignment."""
from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from rasid.link.align import Alignment
from rasid.link.compare import PairEvidence, Profile, lexical, numbers, profile
from rasid.model import Article
from rasid.link.decide import (COPY_CONTAINMENT, FEATURES, MIN_SHINGLES, MIN_UNITS, Model, Models,
                               decide, feature_vector, packaged_model, screen)
from rasid.link.stage import DerivationStage
from rasid.resources import read_text

DIAGONAL = Alignment(tuple((i, i, 0.8) for i in range(6)), 6, 6)


def _model(bias: float) -> Model:
    n = len(FEATURES)
    return Model(weights=(0.0,) * n, bias=bias, mean=(0.0,) * n, scale=(1.0,) * n, threshold=0.5,
                 align_threshold=0.5)


SURE = Models(_model(6.0), _model(6.0), 0.5)       # every aligned pair is derived
NEVER = Models(_model(-6.0), _model(-6.0), 0.5)    # none is


def _evidence(**kw) -> PairEvidence:
    base = dict(a="a", b="b", lang_a="ar", lang_b="ar", shingles_a=100, shingles_b=120, shared=0,
                alignment=DIAGONAL, words=0.8, idf_words=0.8)
    return PairEvidence(**{**base, **kw})


@pytest.fixture(scope="module")
def profiles(corpus_articles):
    return {k: profile(a) for k, a in corpus_articles.items()}


@pytest.fixture(scope="module")
def text_stage():
    return DerivationStage(embeddings=False)


@pytest.fixture(scope="module")
def stage():
    return DerivationStage()


# -- copies --------------------------------------------------------------------------------------

def test_a_verbatim_copy_with_an_intro_is_a_copy_without_embeddings(text_stage, corpus_articles):
    orig, copy = corpus_articles["port-orig"], corpus_articles["port-copy"]
    assert len(copy.text) > len(orig.text) + 100          # the intro really is there
    c = text_stage.check(copy, orig)
    assert c.verdict.kind == "copy"
    assert c.verdict.score >= 0.95 and c.evidence.containment == pytest.approx(c.verdict.score, abs=1e-3)
    assert c.verdict.reason.startswith("copy:")
    assert c.evidence.jaccard < c.evidence.containment       # the intro lowers Jaccard only
    assert c.units is None                                   # no clause was embedded
    d = c.derivation()
    assert (d.source_id, d.derived_id, d.kind, d.directed) == ("port-orig", "port-copy", "copy", True)


def test_the_copy_is_a_copy_with_embeddings_too(stage, corpus_articles):
    c = stage.check(corpus_articles["port-orig"], corpus_articles["port-copy"])
    assert c.verdict.kind == "copy" and c.units is None      # decided before any alignment


def test_an_unrelated_pair_is_not_linked(text_stage, stage, corpus_articles):
    a, b = corpus_articles["port-orig"], corpus_articles["wheat"]
    for s in (text_stage, stage):
        c = s.check(a, b)
        assert c.verdict.kind is None and c.derivation() is None and c.direction is None


def test_screen_calls_a_copy_at_the_containment_threshold(profiles):
    pa, pb = profiles["wheat"], profiles["football"]      # no shared figures: not a template
    small = MIN_SHINGLES + 15
    shared = int(np.ceil(COPY_CONTAINMENT * small))
    v = screen(_evidence(shingles_a=small, shingles_b=500, shared=shared), pa, pb)
    assert v.kind == "copy" and v.score == pytest.approx(shared / small, abs=1e-3)
    assert screen(_evidence(shingles_a=small, shingles_b=500, shared=shared - 2), pa, pb) is None


def test_too_few_shingles_is_never_a_copy(profiles):
    e = _evidence(shingles_a=MIN_SHINGLES - 1, shingles_b=MIN_SHINGLES - 1, shared=MIN_SHINGLES - 1,
                  alignment=Alignment((), 1, 1))
    v = screen(e, profiles["wheat"], profiles["football"])
    assert v.kind is None and "too short" in v.reason


def test_a_very_short_pair_is_not_linked_even_when_identical(stage, article):
    text = "افتتح المحافظ صباح اليوم جسرا جديدا فوق النهر. وحضر الافتتاح عدد من الأهالي."
    a = article(text, id="s1", outlet="صحيفة الأفق", published="2024-03-01")
    b = article(text, id="s2", outlet="موقع النهار", published="2024-03-02")
    c = stage.check(a, b)
    assert c.evidence.containment == 1.0
    assert c.verdict.kind is None and c.derivation() is None
    assert "too short" in c.verdict.reason


@pytest.mark.parametrize("langs", [("ar", "en"), ("en", "ar"), ("fr", "ar")])
def test_cross_language_pairs_are_never_copies(profiles, langs):
    pa, pb = profiles["wheat"], profiles["football"]
    full = dict(shingles_a=200, shingles_b=200, shared=200)
    assert screen(_evidence(**full), pa, pb).kind == "copy"          # the contrast
    e = _evidence(lang_a=langs[0], lang_b=langs[1], **full)
    assert screen(e, pa, pb) is None                                 # left to the alignment
    assert decide(e, pa, pb, NEVER).kind is None
    assert decide(e, pa, pb, SURE).kind == "translation"


def test_the_stage_never_calls_a_cross_language_pair_a_copy(text_stage, corpus_articles):
    orig = corpus_articles["port-orig"]
    labelled_en = replace(corpus_articles["port-copy"], lang="en")   # same words, other language
    c = text_stage.check(orig, labelled_en)
    assert c.evidence.containment == 1.0 and c.verdict.kind != "copy"


def test_same_wording_with_other_figures_days_apart_is_two_reports(text_stage, article, rows):
    """An agency's template reused for the next event: not a copy."""
    text = rows["port-orig"]["text"]
    first = article(text, id="t1", outlet="صحيفة الأفق", published="2024-03-10")
    later_text = text.replace("240", "315").replace("2027", "2029").replace("12", "17")
    assert numbers(later_text).isdisjoint(numbers(text))
    later = article(later_text, id="t2", outlet="صحيفة الأفق", published="2024-04-02")
    c = text_stage.check(first, later)
    assert c.evidence.containment > COPY_CONTAINMENT and c.verdict.kind is None
    # the same figures, or the same day: a copy after all
    assert text_stage.check(first, replace(later, published="2024-03-10")).verdict.kind == "copy"
    same = article(text, id="t3", outlet="موقع النهار", published="2024-04-02")
    assert text_stage.check(first, same).verdict.kind == "copy"


def test_few_words_in_common_is_not_a_same_language_rewrite(profiles):
    e = lexical(profiles["port-orig"], profiles["football"])
    assert e.words < 0.3
    v = screen(e, profiles["port-orig"], profiles["football"])
    assert v is not None and v.kind is None and "words in common" in v.reason


# -- the model -----------------------------------------------------------------------------------

def test_the_model_decides_rewrites_above_its_threshold(profiles):
    pa, pb = profiles["wheat"], profiles["football"]
    v = decide(_evidence(), pa, pb, SURE)
    assert v.kind == "rewrite" and v.score > 0.99 and v.reason.startswith("rewrite:")
    assert "6 clauses align in order" in v.reason
    v = decide(_evidence(), pa, pb, NEVER)
    assert v.kind is None and v.score < 0.01 and v.reason.startswith("not derived:")


def test_models_pick_the_translation_model_across_languages():
    models = Models(_model(6.0), _model(-6.0), 0.5)
    assert models.for_pair(_evidence()) is models.rewrite
    assert models.for_pair(_evidence(lang_b="en")) is models.translation
    assert models.for_pair(_evidence(lang_b="und")) is models.rewrite


def test_model_probability_is_a_logistic_of_the_standardised_features():
    m = Model(weights=(2.0, -1.0), bias=0.5, mean=(1.0, 0.0), scale=(2.0, 1.0), threshold=0.5,
              align_threshold=0.5)
    z = 2.0 * (3.0 - 1.0) / 2.0 - 1.0 * 1.0 + 0.5
    assert m.probability(np.array([3.0, 1.0])) == pytest.approx(1 / (1 + np.exp(-z)))


def test_packaged_model_matches_the_feature_list():
    models = packaged_model()
    data = json.loads(read_text("derivation_model.json"))
    assert tuple(data["features"]) == FEATURES
    for m in (models.rewrite, models.translation):
        assert len(m.weights) == len(m.mean) == len(m.scale) == len(FEATURES)
        assert all(s > 0 for s in m.scale)
        assert 0.0 < m.threshold < 1.0
    assert 0.0 < models.align_threshold < 1.0


def test_feature_vector_reads_the_alignment_shape():
    al = Alignment(((0, 0, 0.9), (1, 2, 0.7), (3, 7, 0.8)), units_a=4, units_b=8)
    e = PairEvidence("a", "b", "ar", "en", 100, 50, 10, al, soft_a=0.6, soft_b=0.4, words=0.3)
    pa = _profile("a", numbers={"12", "2024", "7"}, published="2025-03-01", days={"2025-03-01"})
    pb = _profile("b", numbers={"12", "2024"}, published="2025-03-04", days={"2025-03-02"})
    vec = feature_vector(e, pa, pb)
    assert vec.shape == (len(FEATURES),)
    f = dict(zip(FEATURES, vec))
    assert f["coverage_max"] == pytest.approx(3 / 4) and f["coverage_min"] == pytest.approx(3 / 8)
    assert f["spread_max"] == pytest.approx(3 / 4)       # a: 4 units, units 0, 1, 3 -> 3 of 4 parts
    assert f["spread_min"] == pytest.approx(3 / 5)       # b: units 0, 2, 7 -> fifths 0, 1, 4
    assert f["mean_sim"] == pytest.approx(0.8)
    assert f["gain"] == pytest.approx((0.4 + 0.2 + 0.3) / 4)
    assert f["lead"] == 1.0
    assert f["order"] == pytest.approx(1 - np.mean([0, abs(1 / 4 - 2 / 8), abs(3 / 4 - 7 / 8)]))
    assert f["containment"] == pytest.approx(10 / 50)
    assert f["numbers"] == pytest.approx(2 / 3)
    assert f["cross_language"] == 1.0
    assert f["length_ratio"] == pytest.approx(np.log(2))
    assert (f["soft_max"], f["soft_min"], f["words"]) == pytest.approx((0.6, 0.4, 0.3))
    assert f["days_apart"] == pytest.approx(3 / 7) and f["other_days"] == 1.0
    late = Alignment(((5, 5, 0.9),), 8, 8)
    f = dict(zip(FEATURES, feature_vector(_evidence(alignment=late), _profile("a"), _profile("b"))))
    assert f["lead"] == 0.0 and f["numbers"] == 0.0
    assert f["days_apart"] == 0.0 and f["other_days"] == 0.0     # dates unknown: no evidence


def _profile(aid: str, numbers=(), published=None, days=()) -> Profile:
    art = Article(id=aid, source_id=aid, source="t", line=None, format="jsonl", text="نص", published=published)
    return Profile(art, frozenset(), frozenset(), frozenset(numbers), frozenset(days), ())


# -- numbers -------------------------------------------------------------------------------------

def test_numbers_reads_both_digit_scripts_and_drops_separators():
    assert numbers("قتل ١٢ شخصا وأصيب 40 آخرون") == {"12", "40"}
    assert numbers("بلغت الكلفة 1,250,000 دولار") == {"1250000"}
    assert numbers("ارتفع المؤشر ٣.٥ في المئة.") == {"3.5"}
    assert numbers("وقع الحادث عام 2024.") == {"2024"}          # a sentence's full stop is not kept
    assert numbers("بلغ عدد السكان ١٢٥٠") == numbers("بلغ عدد السكان 1,250")
    assert numbers("لا أرقام هنا") == set()


def test_numbers_reads_arabic_separators():
    assert numbers("بلغت الكلفة ١٬٢٥٠ دولارا") == {"1250"}
    assert numbers("ارتفع المؤشر ٣٫٥ في المئة") == {"3.5"}


def test_a_template_spelling_its_figure_in_words_is_still_a_template(profiles):
    """«بعشرة أطنان» in one release, «12 طناً» in the next, five days later: the figures the
    extractor read from the words count as the ones written in digits do."""
    from rasid.link.decide import _stated, _template
    from rasid.model import Figure, Span

    base = profiles["wheat"]
    in_words = replace(base, numbers=frozenset(), article=replace(
        base.article, published="2024-03-01", figures=(Figure(Span(0, 10), "بعشرة أطنان", 10.0, "طن"),)))
    in_digits = replace(base, numbers=frozenset({"12"}), article=replace(base.article, published="2024-03-06",
                                                                          figures=()))
    assert _stated(in_words) == {"10"}
    assert _template(in_words, in_digits)
    # the same tonnage, however written, or the same day: not a template
    assert not _template(in_words, replace(in_digits, numbers=frozenset({"10"})))
    assert not _template(in_words, replace(in_digits, article=replace(in_digits.article, published="2024-03-01")))
