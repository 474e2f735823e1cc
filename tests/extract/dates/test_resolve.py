"""Resolution against the publication date: relative expressions, conventions and bad input."""
from __future__ import annotations

from datetime import date

import pytest

from rasid.extract.dates import extract_dates
from rasid.extract.dates.parse import Parsed
from rasid.extract.dates.resolve import ERA_YEARS, Value, resolve

WED = date(2025, 3, 19)  # a Wednesday


def one(text: str, published: date | None = WED):
    found = extract_dates(text, published)
    assert len(found) == 1, found
    return found[0]


def got(text: str, published: date | None = WED):
    d = one(text, published)
    return d.value, d.grain


# -- relative days ---------------------------------------------------------------------
@pytest.mark.parametrize("text, value", [
    ("أعلنت الوزارة اليوم عن خطة جديدة.", "2025-03-19"),
    ("أعلنت الوزارة اليوم الأربعاء عن خطة جديدة.", "2025-03-19"),
    ("قال الوزير أمس إن الوضع مستقر.", "2025-03-18"),
    ("قال الوزير أمس الثلاثاء إن الوضع مستقر.", "2025-03-18"),
    ("وصلت البعثة أول أمس إلى الرياض.", "2025-03-17"),
    ("وصلت البعثة أول من أمس إلى الرياض.", "2025-03-17"),
    ("وصلت البعثة أول أمس الاثنين إلى الرياض.", "2025-03-17"),
    ("تصل البعثة غداً إلى الرياض.", "2025-03-20"),
    ("تصل البعثة غدا الخميس إلى الرياض.", "2025-03-20"),
    ("تصل البعثة بعد غد إلى الرياض.", "2025-03-21"),
    ("تصل البعثة بعد غد الجمعة إلى الرياض.", "2025-03-21"),
    ("اندلع الحريق مساء أمس في المخزن.", "2025-03-18"),
])
def test_day_words_with_and_without_weekday(text, value):
    d = one(text)
    assert (d.value, d.grain, d.relative, d.flags) == (value, "day", True, ())


@pytest.mark.parametrize("text", ["نقلت قناة روسيا اليوم تصريحات الوزير.",
                                  "تحيي المدارس اليوم العالمي للمياه بأنشطة متنوعة."])
def test_today_inside_a_name_is_not_a_date(text):
    assert extract_dates(text, WED) == ()


# -- weekdays ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, value", [
    ("زار الرئيس المصنع الأحد.", "2025-03-16"),                        # past narrative
    ("زار الرئيس المصنع يوم الأربعاء.", "2025-03-12"),                  # strictly before
    ("زار الرئيس مصنع السيارات الأحد.", "2025-03-16"),                  # سيارات is no future verb
    ("سيزور الرئيس المصنع الأحد.", "2025-03-23"),                       # future verb
    ("سيزور الرئيس المصنع الأربعاء.", "2025-03-26"),                    # strictly after
    ("من المقرر أن يزور الرئيس المصنع الأحد.", "2025-03-23"),
    ("المباراة متوقعة الأحد في الملعب الكبير.", "2025-03-23"),
    ("زار الرئيس المصنع الأحد الماضي.", "2025-03-16"),
    ("يزور الرئيس المصنع الأحد المقبل.", "2025-03-23"),
    ("سقطت قذيفة فجر الأربعاء على الحي.", "2025-03-19"),               # time of day: same day
    ("The minister spoke on Wednesday in Paris.", "2025-03-19"),        # English: same day
])
def test_weekdays_follow_the_tense(text, value):
    assert got(text) == (value, "day")


# -- periods and offsets -------------------------------------------------------------------
@pytest.mark.parametrize("text, value, grain", [
    ("ارتفعت الأسعار الأسبوع الماضي.", "2025-03-10", "week"),
    ("ترتفع الأسعار الأسبوع المقبل.", "2025-03-24", "week"),
    ("تراجعت الأسعار الشهر الماضي.", "2025-02", "month"),
    ("تنخفض الأسعار الشهر المقبل.", "2025-04", "month"),
    ("ارتفعت الأسعار الشهر الجاري.", "2025-03", "month"),
    ("نما الاقتصاد العام الماضي.", "2024", "year"),
    ("ينمو الاقتصاد العام المقبل.", "2026", "year"),
    ("ينمو الاقتصاد العام الجاري.", "2025", "year"),
    ("نما الاقتصاد هذا العام.", "2025", "year"),
    ("Prices will rise next month.", "2025-04", "month"),
    ("Prices rose last year.", "2024", "year"),
    ("وصل الوفد منذ 3 أيام إلى المدينة.", "2025-03-16", "day"),
    ("وصل الوفد قبل ثلاثة أيام إلى المدينة.", "2025-03-16", "day"),
    ("يصل الوفد بعد خمسة أيام إلى المدينة.", "2025-03-24", "day"),
    ("غادر قبل خمسة وعشرين يوما البلاد.", "2025-02-22", "day"),
    ("غادر قبل يومين البلاد.", "2025-03-17", "day"),
    ("غادر قبل أسبوعين البلاد.", "2025-03-03", "week"),
    ("يعود بعد أسبوعين إلى البلاد.", "2025-03-31", "week"),
    ("غادر قبل شهرين البلاد.", "2025-01", "month"),
    ("غادر قبل عامين البلاد.", "2023", "year"),
    ("بدأت الأعمال منذ ثلاثة أعوام في الموقع.", "2022", "year"),
    ("تنتهي الأشغال نهاية العام الجاري.", "2025", "year"),            # parts of relative periods
    ("ينطلق البرنامج مطلع الشهر المقبل.", "2025-04", "month"),
    ("تراجعت الصادرات منتصف العام الماضي.", "2024", "year"),
    ("ينتهي العقد في أواخر ديسمبر المقبل.", "2025-12", "month"),
])
def test_periods_and_offsets(text, value, grain):
    assert got(text) == (value, grain)


def test_vague_and_year_phrases_are_not_offsets():
    assert extract_dates("غادر الوفد قبل أيام البلاد.", WED) == ()
    d = one("يعمل في الشركة منذ عام 2017 بلا انقطاع.")
    assert (d.value, d.grain, d.relative) == ("2017", "year", False)


def test_day_of_the_month_just_mentioned():
    found = extract_dates("كان من المقرر عقد القمة في 22 أبريل لكنها أرجئت إلى 19 منه.", WED)
    assert [d.value for d in found] == ["2025-04-22", "2025-04-19"]


def test_day_of_the_month_just_mentioned_needs_no_publication_date():
    found = extract_dates("عقدت الجلسة في 22 أبريل 2024 ثم أرجئت إلى 19 منه.", None)
    assert [d.value for d in found] == ["2024-04-22", "2024-04-19"]


def test_day_of_the_current_month_without_a_month_before():
    assert got("يعقد المجلس اجتماعه في الخامس من الشهر الجاري.") == ("2025-03-05", "day")


# -- bad input is flagged, never coerced -------------------------------------------------------
@pytest.mark.parametrize("text", ["تأجل الموعد إلى 31 فبراير 2025 حسب البيان.",
                                  "وقع الحادث في 30 شباط 2024 في المدينة.",
                                  "انتهت المهلة في 31/04/2025 دون اتفاق.",
                                  "تقام الدورة من 12 إلى 10 مارس 2025 في الدوحة."])
def test_impossible_dates(text):
    d = one(text)
    assert (d.value, d.grain, d.flags) == (None, None, ("impossible",))


def test_two_digit_year_is_ambiguous():
    d = one("صدر الحكم في 12/3/25 في المحكمة.")
    assert (d.value, d.flags) == (None, ("ambiguous_year",))


def test_far_future_year_keeps_its_value():
    d = one("تنتهي الرخصة عام 2925 حسب العقد.")
    assert (d.value, d.grain, d.flags) == ("2925", "year", ("out_of_era",))
    assert one("ينتهي العقد عام 2070 حسب البند.").flags == ()  # within ERA_YEARS of 2025
    assert 2070 - 2025 <= ERA_YEARS < 2925 - 2025


@pytest.mark.parametrize("text", ["قال الوزير أمس إن الوضع مستقر.", "زار الرئيس المصنع الأحد الماضي.",
                                  "نما الاقتصاد العام الماضي.", "غادر قبل يومين البلاد.",
                                  "أقيم الحفل في 28 ديسمبر بحضور الفنانين.",
                                  "ظهر الاختراع في القرن الماضي."])
def test_relative_without_publication_date_has_no_anchor(text):
    d = one(text, None)
    assert (d.value, d.flags) == (None, ("no_anchor",))


def test_stated_weekday_that_disagrees_with_the_day_word():
    d = one("أعلنت الوزارة اليوم الثلاثاء عن خطة جديدة.")  # published on a Wednesday
    assert (d.value, d.flags) == ("2025-03-18", ("weekday_mismatch",))
    d = one("وقعت الحادثة يوم الاثنين 9 مارس 2025 في الميناء.")  # 9 March 2025 was a Sunday
    assert (d.value, d.flags) == ("2025-03-09", ("weekday_mismatch",))


def test_paired_months_that_disagree_are_flagged():
    d = one("وقع الطرفان العقد في 10 ديسمبر/ نوفمبر 2024 في عمّان.")
    assert d.value == "2024-12-10" and "pair_mismatch" in d.flags


# -- resolve() on hand-made parses ------------------------------------------------------------
def P(kind: str, **fields) -> Parsed:
    return Parsed(0, 1, kind, fields=fields)


def test_resolve_conventions():
    assert resolve(P("decade", year=1980), WED) == Value("1980", "decade")
    assert resolve(P("century", year=1900), None) == Value("1900", "century")
    assert resolve(P("century", direction=-1), WED) == Value("1900", "century")
    assert resolve(P("century", direction=-1), None).flags == ("no_anchor",)
    assert resolve(P("period", unit="week", direction=0), date(2025, 3, 16)).value == "2025-03-10"
    assert resolve(P("year", year=2015, end_year=2017), WED) == Value("2015", "year", end="2017")
    assert resolve(P("date", calendar="gregorian", month=13, day=1, year=2025), WED).flags == ("impossible",)


@pytest.mark.parametrize("kind, fields", [("relday", {"offset": -1}), ("weekday", {"weekday": 2}),
                                          ("period", {"unit": "year", "direction": -1}),
                                          ("offset", {"unit": "day", "count": -3})])
def test_every_relative_kind_needs_an_anchor(kind, fields):
    assert resolve(P(kind, **fields), None) == Value(None, None, flags=("no_anchor",))


def test_hijri_conventions():
    assert resolve(P("month", calendar="hijri", month=9), WED).flags == ("no_year",)
    v = resolve(P("date", calendar="hijri", month=9, day=30, year=1446, digits=4), WED)
    assert (v.value, v.calendar, v.flags) == (None, "hijri", ("impossible",))  # Ramadan 1446 had 29 days
    v = resolve(P("year", year=1446, era="hijri", digits=4), WED)
    assert (v.value, v.grain, v.calendar) == ("2024", "year", "hijri")  # mid-1446 AH
