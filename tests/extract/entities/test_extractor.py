"""MentionExtractor: the per-article stage around a tagger (roles, Latin names, stages)."""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field

import pytest

from rasid.errors import ModelError
from rasid.extract.entities import MentionExtractor, load_tagger
from rasid.extract.entities.base import Tagger
from rasid.extract.entities.crf import LEXICON_FILE, MODEL_FILE, CRFTagger, default_model_dir
from rasid.model import Article, Mention, Span


def mention(text: str, surface: str, kind: str, nth: int = 0, score: float = 0.9) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(Span(start, start + len(surface)), surface, kind, score=score)


@dataclass
class FakeTagger:
    """Returns the mentions it was given, whatever the text."""
    found: list[Mention]
    name: str = "fake/1"
    calls: list[str] = field(default_factory=list)

    def tag(self, text: str) -> list[Mention]:
        self.calls.append(text)
        return list(self.found)

    def pipe(self, texts):
        for text in texts:
            yield self.tag(text)


def article(text: str, **kw) -> Article:
    return Article(id="a1", source_id="s1", source="test", line=None, format="txt", text=text, **kw)


def test_fake_is_a_tagger():
    assert isinstance(FakeTagger([]), Tagger)


def test_roles_attach_to_person_mentions_only():
    text = "قال الرئيس السوري أحمد الشرع إن الوزير دمشق ستبقى، وقال المدير شركة النور إن"
    found = [mention(text, "أحمد الشرع", "PER"), mention(text, "دمشق", "LOC"),
             mention(text, "شركة النور", "ORG")]
    out = MentionExtractor(tagger=FakeTagger(found)).mentions(text)
    assert [(m.text, m.type, m.role) for m in out] == [
        ("أحمد الشرع", "PER", "الرئيس السوري"),
        ("دمشق", "LOC", None),         # "الوزير" precedes it, but a place has no title
        ("شركة النور", "ORG", None),
    ]
    assert [m.span for m in out] == [m.span for m in found]
    assert [m.score for m in out] == [m.score for m in found]


def test_role_after_apposition_and_floor():
    text = ("استقبل الرئيس السوري أحمد الشرع في دمشق حميد الشطري، رئيس جهاز المخابرات "
            "العراقي، وبحثا التعاون.")
    found = [mention(text, "أحمد الشرع", "PER"), mention(text, "دمشق", "LOC"),
             mention(text, "حميد الشطري", "PER")]
    out = MentionExtractor(tagger=FakeTagger(found)).mentions(text)
    assert [m.role for m in out] == ["الرئيس السوري", None, "رئيس جهاز المخابرات العراقي"]


def test_title_does_not_reach_back_across_a_previous_name():
    text = "الرئيس السوري أحمد الشرع استقبل حميد الشطري"
    found = [mention(text, "أحمد الشرع", "PER"), mention(text, "حميد الشطري", "PER")]
    out = MentionExtractor(tagger=FakeTagger(found)).mentions(text)
    assert [m.role for m in out] == ["الرئيس السوري", None]


def test_call_records_the_tagger_name_as_the_stage_version():
    text = "وصل وزير الخارجية العراقي فؤاد حسين إلى القاهرة."
    fake = FakeTagger([mention(text, "فؤاد حسين", "PER"), mention(text, "القاهرة", "LOC")],
                      name="fake/7")
    ex = MentionExtractor(tagger=fake)
    a = article(text, stages={"clean": "clean/3"})
    out = ex(a)
    assert ex.name == "mentions" and ex.version == "fake/7"
    assert out.stages == {"clean": "clean/3", "mentions": "fake/7"}
    assert a.stages == {"clean": "clean/3"} and a.mentions == ()  # the input is untouched
    assert isinstance(out.mentions, tuple)
    assert [(m.text, m.role) for m in out.mentions] == [
        ("فؤاد حسين", "وزير الخارجية العراقي"), ("القاهرة", None)]
    assert out.text == a.text and out.id == a.id
    assert fake.calls == [text]


def test_latin_guesses_of_the_tagger_give_way_to_the_rules():
    text = "Interior Minister Firas al-Hadidi visited Baghdad on Monday."
    guesses = [mention(text, "Interior Minister", "ORG"), mention(text, "Baghdad", "PER"),
               mention(text, "Monday", "LOC")]
    out = MentionExtractor(tagger=FakeTagger(guesses)).mentions(text)
    assert [(m.text, m.type) for m in out] == [("Firas al-Hadidi", "PER"), ("Baghdad", "LOC")]
    assert all(text[m.span.start:m.span.end] == m.text for m in out)


def test_latin_rule_mentions_merge_in_order_with_arabic_ones():
    text = "قال الرئيس Emmanuel Macron في باريس إن وزير الخارجية فؤاد حسين سيزور Paris قريبا."
    found = [mention(text, "باريس", "LOC"), mention(text, "فؤاد حسين", "PER"),
             mention(text, "Macron", "PER")]  # a Latin guess from the Arabic model: dropped
    out = MentionExtractor(tagger=FakeTagger(found)).mentions(text)
    assert [(m.text, m.type, m.role) for m in out] == [
        ("Emmanuel Macron", "PER", "الرئيس"),
        ("باريس", "LOC", None),
        ("فؤاد حسين", "PER", "وزير الخارجية"),
        ("Paris", "LOC", None),
    ]
    starts = [m.span.start for m in out]
    assert starts == sorted(starts)


def test_latin_rule_mention_overlapping_a_tagger_mention_is_not_added():
    # scraped text sometimes glues the Latin spelling to the Arabic one
    text = "قال President Macronماكرون إن باريس ستدعم لبنان"
    arabic = mention(text, "ماكرون", "PER")
    fake = FakeTagger([arabic, mention(text, "لبنان", "LOC")])
    out = MentionExtractor(tagger=fake).mentions(text)
    assert [(m.text, m.type) for m in out] == [("ماكرون", "PER"), ("لبنان", "LOC")]
    for a, b in zip(out, out[1:]):
        assert a.span.end <= b.span.start


def test_arabic_only_text_keeps_tagger_output_and_skips_latin_rules():
    text = "زار الوفد بغداد"
    found = [mention(text, "بغداد", "LOC")]
    assert MentionExtractor(tagger=FakeTagger(found)).mentions(text) == tuple(found)


def test_empty_text():
    ex = MentionExtractor(tagger=FakeTagger([]))
    assert ex.mentions("") == ()
    assert ex(article("")).mentions == ()


def crf_dir(tmp_path):
    shutil.copy(default_model_dir() / MODEL_FILE, tmp_path)
    shutil.copy(default_model_dir() / LEXICON_FILE, tmp_path)
    return tmp_path


def test_load_tagger_crf_directory(tmp_path):
    t = load_tagger(f"crf:{crf_dir(tmp_path)}")
    assert isinstance(t, CRFTagger)
    assert t.model_dir == tmp_path
    assert t.name == "ner/crf-dev"  # no card.json in that directory
    assert load_tagger(f"crf:{tmp_path}") is t  # cached per model string
    with pytest.raises(ModelError, match="rasid train-ner"):
        load_tagger(f"crf:{tmp_path / 'missing'}")


def test_extractor_loads_its_tagger_lazily_from_settings(tmp_path):
    ex = MentionExtractor(model=f"crf:{crf_dir(tmp_path)}")
    assert ex._tagger is None
    assert ex.version == "ner/crf-dev"
    assert isinstance(ex.tagger, CRFTagger)


def test_missing_model_fails_when_the_tagger_is_first_needed(tmp_path):
    ex = MentionExtractor(model=f"crf:{tmp_path / 'nothing-here'}")  # constructing is free
    with pytest.raises(ModelError, match="rasid train-ner"):
        ex.mentions("زار الوفد بغداد")


def test_shipped_model_end_to_end():
    text = ("استقبل الرئيس السوري أحمد الشرع في دمشق وزير الخارجية العراقي فؤاد حسين. "
            "وقال Interior Minister Firas al-Hadidi إن الزيارة مهمة.")
    out = MentionExtractor()(article(text))
    assert out.stages["mentions"].startswith("ner/crf-")
    got = {m.text: (m.type, m.role) for m in out.mentions}
    assert got["أحمد الشرع"] == ("PER", "الرئيس السوري")
    assert got["دمشق"] == ("LOC", None)
    assert got["Firas al-Hadidi"][0] == "PER"
    spans = [(m.span.start, m.span.end) for m in out.mentions]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert all(text[m.span.start:m.span.end] == m.text for m in out.mentions)
