"""Quotes: reported and direct speech with speaker, channel, anonymity and denial."""
from __future__ import annotations

import pytest

from rasid.extract.quotes import extract_quotes
from rasid.model import Mention, Span


def one(text, mentions=()):
    got = extract_quotes(text, mentions)
    assert len(got) == 1, [(q.speaker_text, q.text) for q in got]
    q = got[0]
    assert text[q.span.start:q.span.end] == q.text
    if q.speaker_span:
        assert text[q.speaker_span.start:q.speaker_span.end] == q.speaker_text
    return q


def test_reported_speech_with_an_anonymous_source_and_a_channel():
    q = one('وقال مسؤول عراقي أمني، لـ"العربي الجديد"، إن بغداد تتابع الملف عن كثب.')
    assert (q.speaker_text, q.channel, q.text) == ("مسؤول عراقي أمني", "العربي الجديد",
                                                   "بغداد تتابع الملف عن كثب")
    assert q.anonymous and not q.direct and not q.denial


def test_a_denial_needs_no_complementizer():
    q = one("ونفى مصدر أمني مطلع لوكالة الأنباء العراقية صحة الأنباء عن الهجوم.")
    assert q.denial and q.anonymous
    assert q.channel == "وكالة الأنباء العراقية" and q.text == "صحة الأنباء عن الهجوم"


def test_apposition_is_a_title_not_part_of_the_speaker():
    q = one("وقال الشطري، رئيس جهاز المخابرات العراقي، إن بلاده لن تتدخل.")
    assert q.speaker_text == "الشطري" and q.text == "بلاده لن تتدخل"


def test_a_title_with_a_preposition_reaches_the_name_and_points_at_its_mention():
    text = 'وقال الباحث في الشأن الأمني أحمد النعيمي لـ"العربي الجديد" إن التنسيق ضروري جداً.'
    start = text.index("أحمد النعيمي")
    q = one(text, [Mention(Span(start, start + len("أحمد النعيمي")), "أحمد النعيمي", "PER")])
    assert q.speaker_text == "الباحث في الشأن الأمني أحمد النعيمي" and q.speaker_mention == 0
    assert not q.anonymous and q.channel == "العربي الجديد"


def test_a_continuation_keeps_the_previous_speaker():
    quotes = extract_quotes("وأكد الوزير فؤاد حسين أن الحدود آمنة. وأضاف أيضاً أن التعاون مستمر مع دمشق.")
    assert [(q.speaker_text, q.text) for q in quotes] == [
        ("الوزير فؤاد حسين", "الحدود آمنة"), ("الوزير فؤاد حسين", "التعاون مستمر مع دمشق")]


@pytest.mark.parametrize("open_, close", [("«", "»"), ("“", "”"), ('"', '"')])
def test_direct_quotes_in_every_mark(open_, close):
    q = one(f"وقال الوزير: {open_}نحن لا نتدخل في الشأن السوري أبداً{close}.")
    assert q.direct and q.speaker_text == "الوزير" and q.text == "نحن لا نتدخل في الشأن السوري أبداً"


def test_an_interrupted_quote_keeps_one_speaker():
    quotes = extract_quotes("«الوضع تحت السيطرة تماماً»، قال المتحدث باسم الوزارة، «ولا داعي للقلق على الإطلاق».")
    assert [(q.speaker_text, q.text, q.direct) for q in quotes] == [
        ("المتحدث باسم الوزارة", "الوضع تحت السيطرة تماماً", True),
        ("المتحدث باسم الوزارة", "ولا داعي للقلق على الإطلاق", True)]


def test_according_to_a_source_at_the_end_or_the_start_of_a_sentence():
    q = one("وقتل ثلاثة مدنيين في القصف، بحسب مصادر طبية.")
    assert q.speaker_text == "مصادر طبية" and q.text == "وقتل ثلاثة مدنيين في القصف" and q.anonymous
    q = one("وبحسب مصادر أمنية، فإن الهجوم نفذ بطائرة مسيرة.")
    assert q.text == "الهجوم نفذ بطائرة مسيرة"


@pytest.mark.parametrize("text", [
    'نفذ الجيش عملية "الفجر الجديد" في المنطقة.',          # a name in quotation marks
    "وبحسب التقرير، فإن الخسائر كبيرة جداً في المدينة.",      # a document is not a speaker
    "وصل الوفد إلى بغداد يوم الاثنين.",                       # no speech at all
])
def test_no_quote_where_nobody_speaks(text):
    assert extract_quotes(text) == []


def test_a_quoted_name_that_is_a_mention_is_not_a_quote():
    text = 'وقال الوزير إن "قوات سوريا الديمقراطية" تسيطر على المنطقة.'
    start = text.index("قوات")
    m = Mention(Span(start, start + len("قوات سوريا الديمقراطية")), "قوات سوريا الديمقراطية", "ORG")
    q = one(text, [m])
    assert not q.direct and q.text.startswith('"قوات سوريا')


@pytest.mark.parametrize("text", [
    "", "   ", "«", "»»»«««", 'قال "' + "كلمة " * 5000, "قال " * 3000,
    "وقال الوزير: «نص بلا نهاية\n\nوفقرة ثانية».", "قال" + "ـ" * 10000,
])
def test_bad_input_degrades_gracefully(text):
    for q in extract_quotes(text):
        assert 0 <= q.span.start < q.span.end <= len(text)
        assert text[q.span.start:q.span.end] == q.text


def test_a_verb_with_its_preposition_before_the_complementizer_has_no_speaker_of_its_own():
    quotes = extract_quotes("وقال رئيس الوزراء إن البلاد آمنة. كما حذر من أن الأزمة قد تعود قريباً.")
    assert [q.speaker_text for q in quotes] == ["رئيس الوزراء", "رئيس الوزراء"]
    assert quotes[1].text == "الأزمة قد تعود قريباً"
