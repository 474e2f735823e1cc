"""features: token shapes, cached word features, clitics, lexicon classes, context."""
from __future__ import annotations

import pytest

from rasid.extract.entities.features import WINDOW, Featurizer, shape
from rasid.extract.entities.lexicon import triggers
from rasid.text.tokens import match_key

MAX_WORD = 40  # the featurizer cuts a normalized word to this many characters


@pytest.fixture(scope="module")
def lexicon() -> dict[str, tuple[str, ...]]:
    lex = {k: tuple(sorted(v)) for k, v in triggers().items()}
    lex[match_key("العراق")] = ("country",)
    lex[match_key("حميد")] = ("given_common",)
    lex[match_key("الموصل")] = ("city_big_arab",)
    return lex


@pytest.fixture
def feat(lexicon) -> Featurizer:
    return Featurizer(lexicon)


@pytest.mark.parametrize(("word", "expected"), [
    ("2024", "num"), ("٢٠٢٤", "num"), ("3.5", "num"), ("G20", "num"),
    ("بغداد", "ar"), ("مُحَمَّد", "ar"), ("Baghdadي", "ar"),
    ("NATO", "LAT"), ("UN", "LAT"), ("Baghdad", "Lat"), ("A", "Lat"), ("iraq", "lat"),
    ("(", "punct"), ("،", "punct"), ("«", "punct"), ("_", "punct"),
])
def test_shape(word, expected):
    assert shape(word) == expected


def test_word_features_are_cached_and_identical(feat):
    first = feat.word_features("والعراق")
    again = feat.word_features("والعراق")
    assert again is first  # served from the cache
    fresh = Featurizer(feat.lexicon).word_features("والعراق")
    assert fresh == first  # and a cold computation agrees


def test_cache_is_bounded():
    f = Featurizer({}, max_cache=3)
    for w in ["أمس", "اليوم", "غدا", "بعد", "قبل"]:
        f.word_features(w)
    assert len(f._word) == 3
    assert f.word_features("قبل") == Featurizer({}).word_features("قبل")


def test_clitic_key_and_proclitic(feat):
    feats = feat.word_features("والعراق")
    assert "w=والعراق" in feats
    assert "k=عراق" in feats
    assert "pro=وال" in feats
    assert "L=country" in feats  # the lexicon is looked up by key, clitics off
    assert "sh=ar" in feats


def test_bare_word_has_no_clitic_features(feat):
    feats = feat.word_features("حميد")
    assert not any(f.startswith(("k=", "pro=")) for f in feats)
    assert "L=given_common" in feats
    assert {"p2=حم", "p3=حمي", "s2=يد", "s3=ميد", "s1=د", "len=4"} <= set(feats)


def test_normalization_folds_diacritics_and_hamza(feat):
    plain = feat.word_features("رئيس")
    voweled = feat.word_features("رَئِيسُ")
    assert voweled == plain
    assert "L=per_title" in plain


def test_lexicon_classes_appear_as_l(feat):
    assert "L=per_title" in feat.word_features("الرئيس")
    assert "L=report" in feat.word_features("قال")
    assert "L=report" in feat.word_features("وأضاف")  # 4 letters left: the و comes off
    assert "L=city_big_arab" in feat.word_features("بالموصل")
    assert not any(f.startswith("L=") for f in feat.word_features("السيارة"))


def test_nisba_marks_adjectives_of_origin(feat):
    assert "nisba" in feat.word_features("العراقي")
    assert "nisba" not in feat.word_features("العراق")
    assert "nisba" not in feat.word_features("علي")


def test_context_features_window_and_boundary(feat):
    words = ["أكد", "الرئيس", "حميد", "في", "الموصل"]
    sent = feat.sentence(words)
    assert len(sent) == len(words)
    assert WINDOW == 2
    middle = set(sent[2])
    assert "bias" in middle
    assert {"-2w=اكد", "-1w=الرءيس", "-1L=per_title", "1w=في", "2w=الموصل",
            "2L=city_big_arab"} <= middle
    assert not any(f.endswith("BOUNDARY") for f in middle)
    assert not any(f.startswith(("-3", "3")) for f in middle)  # nothing beyond ±2
    assert "-1BOUNDARY" in sent[0] and "-2BOUNDARY" not in sent[0]
    assert "-2BOUNDARY" in sent[1] and "-1BOUNDARY" not in sent[1]
    assert "1BOUNDARY" in sent[-1] and "2BOUNDARY" in sent[-2]
    # context features carry only the telling kinds, not lengths or prefixes
    assert not any(f.startswith(("1len=", "-1len=", "1p2=", "1s1=")) for f in middle)
    assert "bi-1=الرءيس|حميد" in middle and "bi+1=حميد|في" in middle


def test_context_features_are_cached_per_offset(feat):
    a = feat.context_features("الرئيس", -1)
    assert feat.context_features("الرئيس", -1) is a
    b = feat.context_features("الرئيس", 1)
    assert a and all(f.startswith("-1") for f in a) and all(f.startswith("1") for f in b)
    assert [f[2:] for f in a] == [f[1:] for f in b]


def test_single_word_sentence_and_empty(feat):
    [only] = feat.sentence(["دمشق"])
    assert {"-1BOUNDARY", "1BOUNDARY"} <= set(only)
    assert not any(f.startswith(("bi-", "bi+")) for f in only)
    assert feat.sentence([]) == []


def test_after_title_reaches_past_the_window(feat):
    words = "وقال رئيس جهاز المخابرات العراقي حميد الشطري ، إن".split()
    sent = feat.sentence(words)
    distance = {w: [f for f in fs if f.startswith("after_title=")] for w, fs in zip(words, sent)}
    assert distance["وقال"] == [] and distance["رئيس"] == []
    assert distance["جهاز"] == ["after_title=1"]
    assert distance["العراقي"] == ["after_title=3"]
    assert distance["حميد"] == ["after_title=4"]  # 4 words after رئيس, outside ±2
    assert distance["الشطري"] == ["after_title=4"]  # capped at 4
    assert distance["إن"] == []  # the phrase broke at the comma


def test_after_title_breaks_at_reporting_verb(feat):
    words = "الرئيس قال حميد".split()
    sent = feat.sentence(words)
    assert "after_title=1" in sent[1]
    assert not any(f.startswith("after_title") for f in sent[2])


def test_after_title_breaks_at_reporting_verb_with_conjunction(feat):
    # match_key keeps و on a 3-letter verb; the trigger list spells وقال out instead
    assert "L=report" in feat.word_features("وقال")
    sent = feat.sentence("الرئيس وقال حميد".split())
    assert not any(f.startswith("after_title") for f in sent[2])


def test_huge_and_elongated_tokens_give_bounded_features(feat):
    huge = "ب" * 10_000
    words = ["قال", huge, "وجيييييييه", "ـــــــ", "x" * 50_000, "المدينة"]
    sent = feat.sentence(words)
    assert len(sent) == len(words)
    for fs in sent:
        for f in fs:
            if f.startswith(("bi-", "bi+")):
                # a bigram joins two bounded words
                assert len(f) <= 2 * MAX_WORD + 8, f[:60]
            else:
                assert len(f) <= 50, f[:60]
    assert any(f.startswith("w=") and len(f) == 2 + MAX_WORD for f in sent[1])
    elongated = feat.word_features("وجيييييييه")
    assert "pro=و" in elongated and "len=7" in elongated


def test_tatweel_only_token_does_not_crash(feat):
    feats = feat.word_features("ـــ")
    assert "w=" in feats and "len=0" in feats
