"""The grammar: which token runs are date expressions and what they state, before calendar maths."""
from __future__ import annotations

import re

import pytest

from rasid.extract.dates.parse import Parser, tokenize
from rasid.text.normalize import Norm, normalize


def parse(text: str):
    norm = normalize(text, Norm.MATCH)
    return [(p.kind, norm[p.start_char:p.end_char], p.fields) for p in Parser(tokenize(norm)).parse()]


def only(text: str):
    found = parse(text)
    assert len(found) == 1, found
    return found[0]


def _tok(t) -> tuple[str, int, int]:
    """A token as (text, start, end), whether the parser keeps re.Match objects or records."""
    if isinstance(t, re.Match):
        return t.group(), t.start(), t.end()
    return t.text, t.start, t.end


def test_tokenize_splits_numbers_words_and_marks_with_offsets():
    text = "في 12/3/2025، زار"
    toks = [_tok(t) for t in tokenize(text)]
    assert [w for w, _, _ in toks] == ["في", "12", "/", "3", "/", "2025", "،", "زار"]
    assert all(text[a:b] == w for w, a, b in toks)


@pytest.mark.parametrize("text, kind, span, fields", [
    ("وصل في 5 يناير 2025 إلى", "date", "5 يناير 2025", {"day": 5, "month": 1, "year": 2025, "digits": 4}),
    ("في 7 تشرين الثاني 2023", "date", "7 تشرين الثاني 2023", {"day": 7, "month": 11, "year": 2023}),
    ("في 10 ديسمبر/ كانون الأول 2024", "date", "10 ديسمبر/ كانون الاول 2024",
     {"day": 10, "month": 12, "paired": True}),
    ("في 15 (كانون الأول) ديسمبر 2024", "date", "15 (كانون الاول) ديسمبر 2024",
     {"day": 15, "month": 12, "paired": True}),
    ("في الخامس من مارس 2025", "date", "الخامس من مارس 2025", {"day": 5, "month": 3, "year": 2025}),
    ("في الحادي والعشرين من شباط", "date", "الحادي والعشرين من شباط", {"day": 21, "month": 2}),
    ("يوم الأحد، 9 مارس 2025", "date", "يوم الاحد، 9 مارس 2025", {"day": 9, "weekday": 7}),
    ("بتاريخ 09/03/2025", "numeric", "09/03/2025", {"day": 9, "month": 3, "year": 2025}),
    ("بتاريخ 2025-03-09", "numeric", "2025-03-09", {"day": 9, "month": 3, "year": 2025}),
    ("بتاريخ 12/3/25", "numeric", "12/3/25", {"year": 25, "digits": 2}),
    ("on February 18, 2025 in", "date", "february 18, 2025", {"day": 18, "month": 2, "year": 2025}),
    ("في 15 رمضان 1446 هـ", "date", "15 رمضان 1446 ه", {"calendar": "hijri", "month": 9, "era": "hijri"}),
    ("في رمضان 1446هـ", "month", "رمضان 1446ه", {"calendar": "hijri", "year": 1446}),
    ("منذ عام 2017 وهو", "year", "عام 2017", {"year": 2017}),
    ("سنة ١٩٩٠ حين", "year", "سنه 1990", {"year": 1990}),
    ("النكبة (1949) كانت", "year", "1949", {"year": 1949}),
    ("في 1972 بعد", "year", "1972", {"year": 1972}),
    ("في التسعينيات من القرن الماضي", "decade", "التسعينيات من القرن الماضي", {"year": 1990}),
    ("القرن التاسع عشر", "century", "القرن التاسع عشر", {"year": 1800}),
    ("من 10 إلى 12 مارس 2025", "date", "من 10 الي 12 مارس 2025", {"day": 10, "end_day": 12}),
    ("بين عامي 2015 و2017", "year", "بين عامي 2015 و2017", {"year": 2015, "end_year": 2017}),
    ("يومي 10 و11 أبريل 2025", "date", "يومي 10 و11 ابريل 2025", {"day": 10, "end_day": 11, "month": 4}),
    ("من يناير حتى مارس 2024", "month", "من يناير حتي مارس 2024",
     {"month": 1, "end_month": 3, "year": 2024, "end_year": 2024}),
    ("مطلع مارس 2024", "month", "مطلع مارس 2024", {"part": "start", "month": 3}),
    ("أواخر عام 2022", "year", "اواخر عام 2022", {"part": "end", "year": 2022}),
    ("صيف 2026", "year", "صيف 2026", {"part": "season", "year": 2026}),
    ("مطلع العام المقبل", "period", "مطلع العام المقبل", {"unit": "year", "direction": 1, "part": "start"}),
    ("في 19 منه.", "date", "19 منه", {"day": 19, "month_ref": True}),
    ("الخامس من الشهر الجاري", "date", "الخامس من الشهر الجاري", {"day": 5, "month_ref": True}),
])
def test_absolute_expressions(text, kind, span, fields):
    k, s, f = only(text)
    assert (k, s) == (kind, span)
    assert fields.items() <= f.items()


@pytest.mark.parametrize("text, kind, span, fields", [
    ("اليوم الخميس", "relday", "اليوم الخميس", {"offset": 0, "weekday": 4}),
    ("أول من أمس", "relday", "اول من امس", {"offset": -2}),
    ("بعد غد الجمعة", "relday", "بعد غد الجمعه", {"offset": 2, "weekday": 5}),
    ("مساء أمس", "relday", "مساء امس", {"offset": -1}),
    ("يوم الأربعاء", "weekday", "يوم الاربعاء", {"weekday": 3, "same_day_ok": False}),
    ("فجر الأربعاء", "weekday", "فجر الاربعاء", {"weekday": 3, "same_day_ok": True}),
    ("on Wednesday", "weekday", "wednesday", {"weekday": 3, "same_day_ok": True}),
    ("الأحد المقبل", "weekday", "الاحد المقبل", {"weekday": 7, "direction": 1}),
    ("الأسبوع الماضي", "period", "الاسبوع الماضي", {"unit": "week", "direction": -1}),
    ("هذا العام", "period", "هذا العام", {"unit": "year", "direction": 0}),
    ("next month", "period", "next month", {"unit": "month", "direction": 1}),
    ("قبل ثلاثة أيام", "offset", "قبل ثلاثه ايام", {"unit": "day", "count": -3}),
    ("منذ 4 أشهر", "offset", "منذ 4 اشهر", {"unit": "month", "count": -4}),
    ("بعد خمسة وعشرين يوما", "offset", "بعد خمسه وعشرين يوما", {"unit": "day", "count": 25}),
    ("وبعد أسبوعين", "offset", "وبعد اسبوعين", {"unit": "week", "count": 2}),
    ("قبل عامين", "offset", "قبل عامين", {"unit": "year", "count": -2}),
])
def test_relative_expressions(text, kind, span, fields):
    k, s, f = only(text)
    assert (k, s) == (kind, span)
    assert fields.items() <= f.items()


@pytest.mark.parametrize("text", [
    "قبل أيام غادر الوفد",            # vague: no count
    "شارك في 2000 موقع حول العالم",   # a count before its noun
    "مارس اللاعب رياضته المفضلة",      # مارس the verb
    "اشترى سيارة نيسان جديدة",         # نيسان the car maker
    "نيسان تطلق طرازا جديدا",          # an ambiguous month name alone
    "you may go home",                 # English "may" alone
    "زار أباه في المستشفى",
    "نقلت قناة روسيا اليوم الخبر",
    "يحتفل العالم باليوم العالمي للمياه",
    "احتفلت البلاد اليوم الوطني",
    "فاز الفريق 2025 مرة",             # no year context
    "رقم الهاتف 1234",
])
def test_words_that_are_not_dates(text):
    assert parse(text) == []


def test_same_month_day_at_the_very_end_of_the_text():
    assert only("أرجئت الجلسة إلى 19 منه")[:2] == ("date", "19 منه")


def test_a_context_word_lets_a_bare_month_stand():
    assert only("ارتفعت الأسعار في يناير بشكل حاد")[:2] == ("month", "يناير")
    assert only("وفي شهر آب زار المدينة")[:2] == ("month", "شهر اب")
    assert only("زار الوفد العاصمة في نيسان الماضي")[2]["direction"] == -1
    assert only("In May the council met")[:2] == ("month", "may")


def test_since_with_a_year_is_the_year_not_a_count():
    assert only("يعمل هنا منذ عام 2017")[0] == "year"
    assert only("غادر قبل عام البلاد")[:2] == ("offset", "قبل عام")


def test_a_proclitic_is_left_out_of_the_span():
    kind, span, _ = only("وأمس الأحد أعلنت الوزارة")
    assert (kind, span) == ("relday", "امس الاحد")


def test_expressions_are_found_left_to_right_without_overlap():
    found = parse("زار الوفد القاهرة في 3 مايو 2024 ثم عاد أمس وسيرجع الأسبوع المقبل")
    assert [k for k, _, _ in found] == ["date", "relday", "period"]
    norm = normalize("زار الوفد القاهرة في 3 مايو 2024 ثم عاد أمس وسيرجع الأسبوع المقبل")
    ps = Parser(tokenize(norm)).parse()
    assert all(a.end_char <= b.start_char for a, b in zip(ps, ps[1:]))
