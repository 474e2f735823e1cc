"""crf: the shipped CRF tagger on invented news sentences, bad input, and a missing model.

These tests use the model shipped in `resources/ner/`; the names chosen are ones any
sensible model gets (a title plus a full name, a capital city), so a retrained model
should still pass them.
"""
from __future__ import annotations

import random
import shutil
import time

import pytest

from rasid.errors import ModelError
from rasid.extract.entities.base import Tagger
from rasid.extract.entities.crf import (LEXICON_FILE, MAX_SEQUENCE, MODEL_FILE, CRFTagger,
                                        _chunks, _spans, default_model_dir)
from rasid.model import Mention, Span
from rasid.text.tokens import tokenize


@pytest.fixture(scope="module")
def tagger() -> CRFTagger:
    return CRFTagger()


def check_sane(text: str, mentions: list[Mention]) -> None:
    """Offsets exact, in order, non-overlapping, known types, scores in [0, 1]."""
    for m in mentions:
        assert 0 <= m.span.start < m.span.end <= len(text)
        assert text[m.span.start:m.span.end] == m.text
        assert m.text == m.text.strip()
        assert m.type in ("PER", "ORG", "LOC")
        assert 0.0 <= m.score <= 1.0
    for a, b in zip(mentions, mentions[1:]):
        assert a.span.end <= b.span.start, (a, b)


def tagged(tagger: CRFTagger, text: str) -> list[tuple[str, str]]:
    mentions = tagger.tag(text)
    check_sane(text, mentions)
    return [(m.text, m.type) for m in mentions]


def test_is_a_tagger_with_a_versioned_name(tagger):
    assert isinstance(tagger, Tagger)
    assert tagger.name.startswith("ner/crf-")
    assert tagger.name == f"ner/crf-{tagger.card['version']}"


@pytest.mark.parametrize(("text", "expected"), [
    ("استقبل الرئيس السوري أحمد الشرع وفدا تركيا في دمشق يوم الأحد.",
     [("أحمد الشرع", "PER"), ("دمشق", "LOC")]),
    ("وصل وزير الخارجية العراقي فؤاد حسين إلى القاهرة صباح أمس.",
     [("فؤاد حسين", "PER"), ("القاهرة", "LOC")]),
    ("التقى رئيس الوزراء العراقي محمد شياع السوداني بالرئيس الفرنسي إيمانويل ماكرون في باريس.",
     [("محمد شياع السوداني", "PER"), ("إيمانويل ماكرون", "PER"), ("باريس", "LOC")]),
])
def test_finds_clear_names_with_exact_offsets(tagger, text, expected):
    mentions = tagger.tag(text)
    check_sane(text, mentions)
    got = [(m.text, m.type) for m in mentions]
    for name, kind in expected:
        assert (name, kind) in got, got
        m = next(m for m in mentions if m.text == name)
        assert m.span == Span(text.index(name), text.index(name) + len(name))


def test_title_before_name_is_not_part_of_the_mention(tagger):
    text = "وقال رئيس جهاز المخابرات العراقي حميد الشطري إن التعاون مع الأردن مستمر."
    got = tagged(tagger, text)
    assert ("حميد الشطري", "PER") in got
    assert ("الأردن", "LOC") in got
    assert not any("رئيس" in name for name, _ in got)


@pytest.mark.parametrize(("word", "place"), [
    ("وبغداد", "بغداد"), ("وبيروت", "بيروت"), ("والقاهرة", "القاهرة"), ("بالعراق", "العراق"),
])
def test_glued_conjunction_or_preposition_is_stripped(tagger, word, place):
    text = f"عاد الوفد إلى عمان {word} بعد جولة طويلة."
    mentions = tagger.tag(text)
    check_sane(text, mentions)
    start = text.index(word) + len(word) - len(place)
    assert any(m.span == Span(start, start + len(place)) and m.type == "LOC"
               for m in mentions), mentions


@pytest.mark.parametrize(("word", "cut"), [
    ("وبغداد", 1), ("فبغداد", 1), ("والعراق", 1), ("بالعراق", 1), ("وبالعراق", 2), ("فالقاهرة", 1),
    ("ومحمد", 1), ("وفرنسا", 1),
    ("وليد", 0), ("فيصل", 0), ("وائل", 0), ("بغداد", 0), ("العراق", 0), ("ول", 0), ("", 0),
])
def test_clitic_length(tagger, word, cut):
    assert tagger._clitic_length(word) == cut


# Lexicon keys are match keys, which already lost a leading و/ف (match_key('فرنسا') ==
# 'رنسا'); the lexicon's written forms keep فرنسا whole.
@pytest.mark.parametrize("word", ["فرنسا", "فلسطين", "واشنطن", "فاطمة"])
def test_clitic_length_keeps_names_that_begin_with_waw_or_fa(tagger, word):
    assert tagger._clitic_length(word) == 0


@pytest.mark.parametrize("name", ["فرنسا", "واشنطن"])
def test_place_names_beginning_with_waw_or_fa_are_not_cut(tagger, name):
    text = f"قال مسؤولون إن {name} ستشارك في المؤتمر المقبل."
    mentions = tagger.tag(text)
    check_sane(text, mentions)
    start = text.index(name)
    assert any(m.span == Span(start, start + len(name)) for m in mentions), mentions


def test_surname_alone_later_is_the_same_person(tagger):
    text = ("التقى رئيس الوزراء العراقي محمد شياع السوداني بالرئيس الفرنسي إيمانويل ماكرون "
            "في باريس. وقال السوداني إن العلاقات بين البلدين قوية.")
    mentions = tagger.tag(text)
    check_sane(text, mentions)
    assert ("محمد شياع السوداني", "PER") in [(m.text, m.type) for m in mentions]
    later = text.rindex("السوداني")
    [alone] = [m for m in mentions if m.span.start == later]
    assert (alone.text, alone.type, alone.score) == ("السوداني", "PER", 0.5)


def test_propagation_rules_directly(tagger):
    """Deterministic: the mentions handed to _propagate are made up here."""
    text = "استقبل حميد الشطري وفدا في بغداد. وأكد الشطري أن وبغداد مستعدة، وقال حميد إن"
    first = text.index("حميد الشطري")
    city = text.index("بغداد")
    given = [Mention(Span(first, first + len("حميد الشطري")), "حميد الشطري", "PER"),
             Mention(Span(city, city + 5), "بغداد", "LOC")]
    out = tagger._propagate(text, tokenize(text), given)
    check_sane(text, out)
    added = [(m.text, m.type, m.score) for m in out if m not in given]
    # the surname alone, and the place again (its glued و off); a given name alone is not
    assert added == [("الشطري", "PER", 0.5), ("بغداد", "LOC", 0.5)]
    assert out[2].span.start == text.rindex("الشطري")
    assert out[3].span.start == text.rindex("بغداد")


def test_propagation_skips_strings_tagged_two_ways(tagger):
    text = "زار حمص ثم حمص ثم حمص"
    a, b = text.index("حمص"), text.index("حمص", 6)
    given = [Mention(Span(a, a + 3), "حمص", "LOC"), Mention(Span(b, b + 3), "حمص", "PER")]
    assert tagger._propagate(text, tokenize(text), given) == given
    assert tagger._propagate(text, tokenize(text), []) == []


@pytest.mark.parametrize("text", [
    "", " ", "   \n\t  \n", "... !!! ؟؟ ، ، «» () - —", "ً", "ـــ",
    "IRAQ SAYS TALKS WITH SYRIA WILL RESUME NEXT WEEK",
    "1234 5678 ٢٠٢٤",
])
def test_degenerate_input_gives_nothing(tagger, text):
    assert tagger.tag(text) == []


def test_fully_diacritized_arabic(tagger):
    text = ("اِسْتَقْبَلَ الرَّئِيسُ السُّورِيُّ أَحْمَدُ الشَّرَعُ "
            "وَزِيرَ الخَارِجِيَّةِ فِي دِمَشْقَ.")
    mentions = tagger.tag(text)
    check_sane(text, mentions)
    types = {m.text: m.type for m in mentions}
    assert types.get("دِمَشْقَ") == "LOC"
    assert types.get("أَحْمَدُ الشَّرَعُ") == "PER"


def test_mixed_scripts_and_symbols(tagger):
    text = "قال Emmanuel Macron إن 😀 لبنان 2024 Париж 東京 \x00 ستدعم\u200f بيروت\r\nأمس."
    got = tagged(tagger, text)
    assert ("لبنان", "LOC") in got and ("بيروت", "LOC") in got


def test_long_text_without_punctuation_is_chunked_and_fast(tagger):
    rng = random.Random(7)
    vocab = ("الوفد العراقي زار المدينة والتقى المسؤولين هناك في اجتماع طويل بغداد "
             "محمد حسين الموصل الحكومة").split()
    text = " ".join(rng.choice(vocab) for _ in range(40_000))[:200_000]
    assert len(text) == 200_000
    assert not any(c in text for c in ".!?؟\n")
    started = time.perf_counter()
    mentions = tagger.tag(text)
    assert time.perf_counter() - started < 5
    check_sane(text, mentions)
    assert mentions  # بغداد and الموصل are in there


def test_chunks_are_bounded():
    tokens = tokenize(" ".join(["كلمة"] * (MAX_SEQUENCE * 2 + 5)))
    chunks = list(_chunks(tokens))
    assert [len(c) for c in chunks] == [MAX_SEQUENCE, MAX_SEQUENCE, 5]
    assert [t for c in chunks for t in c] == tokens
    sentences = list(_chunks(tokenize("زار عمان. ثم عاد إلى بيروت. نعم.")))
    # a sentence of three tokens or fewer is not cut off alone: it joins the next one
    assert [" ".join(t.text for t in c) for c in sentences] == [
        "زار عمان . ثم عاد إلى بيروت .", "نعم ."]


def test_spans_helper():
    assert _spans([]) == []
    assert _spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]
    assert _spans(["B-MISC", "I-MISC"]) == [(0, 2, "MISC")]  # dropped later by coarse_type


def test_one_huge_token(tagger):
    text = "ب" * 50_000
    started = time.perf_counter()
    mentions = tagger.tag(text)
    assert time.perf_counter() - started < 2
    check_sane(text, mentions)
    assert len(mentions) <= 1


def test_huge_token_inside_a_sentence(tagger):
    text = "قال " + "ي" * 50_000 + " في بغداد."
    started = time.perf_counter()
    mentions = tagger.tag(text)
    assert time.perf_counter() - started < 2
    check_sane(text, mentions)
    assert ("بغداد", "LOC") in [(m.text, m.type) for m in mentions]


def test_tag_tokens_on_empty_and_words(tagger):
    assert tagger.tag_tokens([]) == []
    labels = tagger.tag_tokens(["زار", "الوفد", "دمشق", "."])
    assert len(labels) == 4 and labels[2] == "B-LOC"


def test_pipe_equals_tag(tagger):
    texts = ["استقبل الرئيس السوري أحمد الشرع وفدا في دمشق.", "", "وصل الوفد إلى بغداد.",
             "قال مسؤولون إن الاجتماع انتهى"]
    piped = list(tagger.pipe(texts))
    assert piped == [tagger.tag(t) for t in texts]
    assert list(tagger.pipe(iter(texts))) == piped


def test_tag_is_deterministic_across_instances(tagger):
    text = "وصل وزير الخارجية العراقي فؤاد حسين إلى القاهرة. وأضاف حسين أن الزيارة مهمة."
    assert CRFTagger(default_model_dir()).tag(text) == tagger.tag(text)


def test_missing_model_directory_raises_model_error(tmp_path):
    with pytest.raises(ModelError, match="rasid train-ner"):
        CRFTagger(tmp_path / "no-such-model")
    with pytest.raises(ModelError, match="rasid train-ner"):
        CRFTagger(tmp_path)  # exists, but holds no model


def test_directory_without_card_still_loads(tmp_path):
    shutil.copy(default_model_dir() / MODEL_FILE, tmp_path)
    shutil.copy(default_model_dir() / LEXICON_FILE, tmp_path)
    t = CRFTagger(tmp_path)
    assert t.name == "ner/crf-dev"
    assert [(m.text, m.type) for m in t.tag("وصل الوفد إلى دمشق.")] == [("دمشق", "LOC")]


def test_missing_lexicon_raises_model_error(tmp_path):
    shutil.copy(default_model_dir() / MODEL_FILE, tmp_path)
    with pytest.raises(ModelError):
        CRFTagger(tmp_path)


def test_corrupt_model_raises_model_error(tmp_path):
    (tmp_path / MODEL_FILE).write_bytes(b"this is not a crfsuite model")
    shutil.copy(default_model_dir() / LEXICON_FILE, tmp_path)
    with pytest.raises(ModelError):
        CRFTagger(tmp_path)


TEXTS = ["قال رئيس جهاز المخابرات العراقي حميد الشطري في بغداد إن الوفد سيزور دمشق.",
         "وأضاف الشطري أن قوات سوريا الديمقراطية (قسد) تحتجز آلاف العناصر في الحسكة.",
         "The delegation met Ahmed al-Sharaa in Damascus on Thursday, officials said."]


def test_tagging_with_the_models_own_attributes_changes_nothing():
    """The shipped featurizer passes only attributes the model has weights for; CRFsuite
    ignores the others, so labels and confidences are those of the full feature set."""
    from rasid.extract.entities.features import Featurizer

    reference = CRFTagger(decoder="crfsuite")
    assert reference.featurizer.known is not None and "bias" in reference.featurizer.known
    filtered = [reference.tag(t) for t in TEXTS]
    words = [tok.text for tok in tokenize(TEXTS[0])]
    full_features = Featurizer(reference.lexicon).sentence(words)
    assert sum(map(len, reference.featurizer.sentence(words))) < sum(map(len, full_features))
    reference.featurizer = Featurizer(reference.lexicon)
    assert [reference.tag(t) for t in TEXTS] == filtered
    assert sum(map(len, filtered)) >= 3     # names were found, so the comparison means something


def _varied_texts(n: int = 60) -> list[str]:
    """Sentences of the tests above cut and recombined: names next to titles, at sentence
    edges, in long and one-word sentences, so every feature kind is exercised."""
    rng = random.Random(7)
    words = [w for t in TEXTS[:2] for w in t.split()] + [
        "الرئيس", "السوري", "بشار", "الأسد", "ووزير", "الخارجية", "فؤاد", "حسين", "،", ".",
        "وكالة", "الأنباء", "الرياض", "نادي", "الهلال", "مايكروسوفت", "؟", "\n"]
    out = []
    for _ in range(n):
        k = rng.choice([1, 2, 5, 12, 40, 250])
        out.append(" ".join(rng.choice(words) for _ in range(k)))
    return out


def test_numpy_decoder_gives_crfsuites_mentions_and_confidences(tagger):
    """The default decoder (the model's weights as arrays, every sentence of an article in
    one batch) returns what CRFsuite returns, to the last digit of every confidence."""
    reference = CRFTagger(decoder="crfsuite")
    texts = TEXTS + _varied_texts()
    got = [tagger.tag(t) for t in texts]
    assert got == [reference.tag(t) for t in texts]
    assert sum(map(len, got)) > 50
    for t in texts:
        words = [tok.text for tok in tokenize(t)][:MAX_SEQUENCE]
        assert tagger.tag_tokens(words) == reference.tag_tokens(words)


def test_numpy_marginals_equal_crfsuites(tagger):
    import numpy as np
    import pycrfsuite

    crfsuite = pycrfsuite.Tagger()
    crfsuite.open(str(default_model_dir() / MODEL_FILE))
    sentences = [[tok.text for tok in tokenize(t)][:MAX_SEQUENCE] for t in TEXTS + _varied_texts(20)]
    labels, probs = tagger.compiled.tag(sentences, confidence=True)
    for words, labs, conf in zip(sentences, labels, probs):
        assert labs == crfsuite.tag(tagger.featurizer.sentence(words))
        want = [crfsuite.marginal(label, i) for i, label in enumerate(labs)]
        assert np.allclose(conf, want, rtol=0, atol=1e-12)


def test_word_table_restarts_when_full_without_changing_results():
    small = CRFTagger()
    small.compiled.max_words = 40   # far fewer than one of these texts' word types
    reference = CRFTagger(decoder="crfsuite")
    texts = _varied_texts(10)
    assert [small.tag(t) for t in texts] == [reference.tag(t) for t in texts]
    assert len(small.compiled._word) <= max(40, max(len(tokenize(t)) for t in texts))


def test_unknown_decoder_is_refused():
    with pytest.raises(ValueError, match="numpy or crfsuite"):
        CRFTagger(decoder="gpu")
