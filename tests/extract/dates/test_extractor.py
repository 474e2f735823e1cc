"""The date stage end to end: absolute forms, spans into the original text, what each date dates."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.extract.dates import DateExtractor, extract_dates, is_future
from rasid.model import Article, Span
from rasid.text.normalize import normalize

PUB = date(2025, 3, 20)


def only(text: str, published: date | None = PUB):
    found = extract_dates(text, published)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.span.start:d.span.end] == d.text
    return d


@pytest.mark.parametrize("text, expr, value", [
    ("عقد الاجتماع في 5 يناير 2025 بحضور الوزراء.", "5 يناير 2025", "2025-01-05"),
    ("وصل الوفد في 7 كانون الثاني 2025 إلى بيروت.", "7 كانون الثاني 2025", "2025-01-07"),
    ("أعلنت الحكومة في 12 جانفي 2025 عن خطة جديدة.", "12 جانفي 2025", "2025-01-12"),
    ("افتتح المعرض يوم 3 يوليوز 2024 في الرباط.", "يوم 3 يوليوز 2024", "2024-07-03"),
    ("جرت الانتخابات في 8 غشت 2024 في المدينة.", "8 غشت 2024", "2024-08-08"),
    ("انطلقت الدورة في 20 دجنبر 2024 وسط حضور كبير.", "20 دجنبر 2024", "2024-12-20"),
    ("عاد المغتربون في 2 أوت 2024 إلى الوطن.", "2 أوت 2024", "2024-08-02"),
    ("وقّع الاتفاق في 10 ديسمبر/ كانون الأول 2024 في عمّان.", "10 ديسمبر/ كانون الأول 2024", "2024-12-10"),
    ("صدر القرار في 15 (كانون الأول) ديسمبر 2024 رسميا.", "15 (كانون الأول) ديسمبر 2024", "2024-12-15"),
    ("صدر القرار في ١٥ مارس ٢٠٢٥ رسميا.", "١٥ مارس ٢٠٢٥", "2025-03-15"),
    ("انعقدت القمة في الخامس من مارس 2025 بمشاركة واسعة.", "الخامس من مارس 2025", "2025-03-05"),
    ("سافر الوزير في الحادي والعشرين من فبراير 2025 إلى روما.", "الحادي والعشرين من فبراير 2025",
     "2025-02-21"),
    ("وفي يوم الأحد 9 مارس 2025 افتتح الجسر.", "يوم الأحد 9 مارس 2025", "2025-03-09"),
    ("انتهت المهلة في 09/03/2025 دون اتفاق.", "09/03/2025", "2025-03-09"),
    ("نشر التقرير بتاريخ 2025-03-09 على الموقع.", "2025-03-09", "2025-03-09"),
    ("The talks began on February 18, 2025 in Geneva.", "February 18, 2025", "2025-02-18"),
])
def test_absolute_day_dates(text, expr, value):
    d = only(text)
    assert (d.text, d.value, d.grain, d.relative, d.flags) == (expr, value, "day", False, ())


@pytest.mark.parametrize("published, text, value", [
    (date(2025, 1, 10), "أقيم الحفل في 28 ديسمبر بحضور الفنانين.", "2024-12-28"),
    (date(2024, 12, 20), "يفتتح المعرض في 3 يناير بحضور الوزير.", "2025-01-03"),
    (date(2025, 6, 1), "أقيم الحفل في 28 ديسمبر بحضور الفنانين.", "2024-12-28"),
    (date(2025, 7, 1), "أقيم الحفل في 28 ديسمبر بحضور الفنانين.", "2025-12-28"),
])
def test_day_and_month_without_year_take_the_closest_year(published, text, value):
    assert only(text, published).value == value


@pytest.mark.parametrize("published, text, value", [
    (PUB, "ارتفعت الأسعار في مارس 2024 بشكل حاد.", "2024-03"),
    (PUB, "ارتفعت الأسعار في يناير بشكل حاد.", "2025-01"),
    (PUB, "يعقد المؤتمر في شهر مايو بالعاصمة.", "2025-05"),
    (PUB, "زار الوفد العاصمة في نيسان الماضي.", "2024-04"),
    (date(2025, 1, 10), "تراجعت المبيعات في ديسمبر الماضي.", "2024-12"),
    (date(2025, 1, 10), "يبدأ المشروع في فبراير المقبل.", "2025-02"),
    (date(2024, 12, 20), "ينطلق المهرجان في يناير المقبل.", "2025-01"),
    (date(2024, 12, 20), "أقيم المهرجان في ديسمبر الماضي.", "2023-12"),
    (PUB, "انطلق المشروع مطلع مارس 2024 رسميا.", "2024-03"),
    (PUB, "انتهى العمل في منتصف يونيو 2023 بنجاح.", "2023-06"),
    (PUB, "صام المسلمون رمضان 1446هـ في ظروف صعبة.", "2025-03"),
])
def test_month_grain(published, text, value):
    d = only(text, published)
    assert (d.value, d.grain) == (value, "month")


@pytest.mark.parametrize("text", ["مارس اللاعب رياضته المفضلة منذ صغره.", "اشترى سيارة نيسان جديدة.",
                                  "نيسان تطلق طرازا جديدا من سياراتها.", "شارك في 2000 موقع حول العالم."])
def test_ambiguous_words_are_not_dates(text):
    assert extract_dates(text, PUB) == ()


@pytest.mark.parametrize("text, value, grain", [
    ("اكتمل البناء أواخر عام 2022 بعد تأخير.", "2022", "year"),
    ("من المقرر أن يفتتح المطار صيف 2026 أمام المسافرين.", "2026", "year"),
    ("تأسست الجمعية عام 2017 في عمان.", "2017", "year"),
    ("تأسست الجمعية سنة ١٩٩٠ في عمان.", "1990", "year"),
    ("كانت النكبة (1949) نقطة تحول.", "1949", "year"),
    ("قتل كثيرون في 1972 بعد تفجير كبير.", "1972", "year"),
    ("ازدهرت الصناعة في الثمانينيات من القرن الماضي.", "1980", "decade"),
    ("انتشرت الأغنية في الستينات.", "1960", "decade"),
    ("تغير العالم في القرن التاسع عشر كثيرا.", "1800", "century"),
    ("شهد القرن العشرين حربين.", "1900", "century"),
    ("يواجه القرن الحادي والعشرين تحديات.", "2000", "century"),
])
def test_years_decades_centuries(text, value, grain):
    d = only(text)
    assert (d.value, d.grain) == (value, grain)


def test_hijri_dates():
    d = only("وصلت القافلة في 15 رمضان 1446 هـ إلى المدينة.")
    assert (d.value, d.grain, d.calendar, d.text) == ("2025-03-15", "day", "hijri", "15 رمضان 1446 هـ")
    d = only("ولد العالم في 10 محرم 1300 هـ في بغداد.")  # before hijridate's table: tabular
    assert d.calendar == "hijri" and abs((date.fromisoformat(d.value) - date(1882, 11, 21)).days) <= 2
    d = only("ولد الشاعر عام 1300 هـ في مكة.")
    assert (d.value, d.grain, d.calendar) == ("1883", "year", "hijri")


@pytest.mark.parametrize("text, expr, value", [
    # the references of Saudi official decisions: figures, spaced slashes, the era marker
    ("صدر قرار مجلس الشورى رقم (104 / 47) وتاريخ 28 / 7 / 1433هـ، وتقرر ما يلي.", "28 / 7 / 1433هـ", "2012-06-18"),
    ("وبناء على المرسوم الصادر في 1436/6/25 هـ تقرر ذلك.", "1436/6/25 هـ", "2015-04-14"),
    # no marker: a day of year 1350-1500 in figures is Hijri
    ("وأشار الخطاب المؤرخ 17/5/1436 إلى التعديل.", "17/5/1436", "2015-03-08"),
])
def test_numeric_hijri_dates(text, expr, value):
    d = only(text, date(2015, 8, 4))
    assert (d.text, d.value, d.grain, d.calendar) == (expr, value, "day", "hijri")


def test_numeric_dates_of_other_centuries_stay_gregorian():
    assert only("انتهت المهلة في 09/03/2025 دون اتفاق.").calendar == "gregorian"
    d = only("ولد في 12/4/1920 في القاهرة.")
    assert (d.value, d.calendar) == ("1920-04-12", "gregorian")


@pytest.mark.parametrize("text, value, end, grain", [
    ("تقام الدورة من 10 إلى 12 مارس 2025 في الدوحة.", "2025-03-10", "2025-03-12", "day"),
    ("نمت الشركة بين عامي 2015 و2017 بسرعة.", "2015", "2017", "year"),
    ("تنظم الورشة يومي 10 و11 أبريل 2025 في تونس.", "2025-04-10", "2025-04-11", "day"),
    ("استمر الإضراب من يناير حتى مارس 2024 في المصانع.", "2024-01", "2024-03", "month"),
    ("استمر الإضراب من نوفمبر 2023 حتى فبراير 2024 في المصانع.", "2023-11", "2024-02", "month"),
])
def test_ranges(text, value, end, grain):
    d = only(text)
    assert (d.value, d.end, d.grain) == (value, end, grain)


# -- spans point into the original text -------------------------------------------------------
def test_span_with_diacritics_tatweel_bidi_and_ligatures_before_the_date():
    cases = ["قَالَ الوَزِيرُ إِنَّ الاجْتِمَاعَ عُقِدَ فِي 5 يناير 2025 بِنَجَاحٍ.",
             "أعلنـــــت الوزارة في 15 رمضان 1446هـ عن القرار.",
             "\u200fقال\u200f \u202bالمتحدث\u202c في 7 مارس 2025 إن الأمر انتهى.",
             "ﻻ خلاف ﻋﻠﻰ أن الحادث وقع ﷺ في 7 مارس 2025 صباحا."]
    for text, expr in zip(cases, ["5 يناير 2025", "15 رمضان 1446هـ", "7 مارس 2025", "7 مارس 2025"]):
        d = only(text)
        assert d.span == Span(text.index(expr), text.index(expr) + len(expr))


def test_span_of_a_voweled_date_keeps_its_marks():
    text = "قَالَ فِي الخَامِسِ مِنْ مَارِسَ 2025 الكثير."
    assert only(text).text == "الخَامِسِ مِنْ مَارِسَ 2025"


PREFIX = st.text(alphabet=list("ابتثجحدرزسشصعفقلمنهوي أإآةى ") + ["\u064e", "\u0650", "\u0651", "\u0652",
                 "\u064b", "\u0670", "\u0640", "\u200f", "\u200e", "\u202b", "\u202c", "\u200c", "\ufeff",
                 "\ufefb", "\ufdf2", "\ufdfa", "\ufe8e"], max_size=60)
EXPRESSIONS = ["7 مارس 2025", "15 رمضان 1446 هـ", "١٢ أبريل ٢٠٢٤", "09/03/2025", "يوم 3 يوليوز 2024"]


@settings(max_examples=150, deadline=None)
@given(PREFIX, st.sampled_from(EXPRESSIONS))
def test_spans_survive_any_marked_up_prefix(prefix, expr):
    text = f"{prefix} في {expr} قال."
    digits = re.findall(r"\d+", normalize(expr))
    found = [d for d in extract_dates(text, PUB) if d.span.start >= len(prefix)]
    assert found, extract_dates(text, PUB)
    d = found[0]
    assert d.text == text[d.span.start:d.span.end]
    assert re.findall(r"\d+", normalize(d.text)) == digits
    assert d.span.start == text.index(expr, len(prefix))


# -- what a date dates ---------------------------------------------------------------------------
def test_what_is_the_clause_without_the_date():
    d = only("وكان الوزير قد زار القاهرة في 3 مايو 2024، قبل أن يعود إلى بلاده.")
    assert "زار القاهرة" in d.what and "مايو" not in d.what and "2024" not in d.what
    assert "يعود" not in d.what  # the next clause is not part of it


def test_what_borrows_the_subject_from_the_clause_before():
    text = "أعلنت لجنة الانتخابات أن النتائج النهائية، التي تأخرت، ستصدر غدا."
    d = only(text)
    assert d.value == "2025-03-21" and "ستصدر" in d.what and "غدا" not in d.what


def test_what_is_none_without_words_around():
    assert only("2025-03-09").what is None


def test_what_of_a_date_opening_the_sentence_has_no_leading_punctuation():
    d = only("في 3 مايو 2024، زار الوزير القاهرة والتقى نظيره.")
    assert d.what.startswith("زار")


# -- tense and the stage ------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, future", [
    ("سيزور الرئيس المصنع", True), ("من المقرر ان يصل الوفد", True), ("المباراه متوقعه", True),
    ("سوف نرى", True), ("the summit will open", True), ("زار الرئيس مصنع السيارات", False),
    ("قال السياسي", False), ("مرت ستة اشهر", False), ("وصل الوفد", False),
])
def test_is_future(sentence, future):
    assert is_future(normalize(sentence)) is future


def _article(text: str, published: str | None) -> Article:
    return Article(id="a1", source_id="x", source="x", line=None, format="txt", text=text,
                   published=published)


def test_date_extractor_stage():
    stage = DateExtractor()
    assert stage.name == "dates" and stage.version.startswith("dates/")
    a = stage(_article("قال الوزير أمس إن اللجنة ستجتمع في 5 أبريل 2025.", "2025-03-20"))
    assert [(d.value, d.relative) for d in a.dates] == [("2025-03-19", True), ("2025-04-05", False)]
    undated = stage(_article("قال الوزير أمس إن اللجنة ستجتمع.", None))
    assert undated.dates[0].flags == ("no_anchor",)
    assert [x.dates for x in stage.pipe([replace(undated, published="2025-03-20")])][0][0].value == "2025-03-19"
