"""The date vocabulary: loaded from resources/dates/, stored in normalized form."""
from __future__ import annotations

import pytest

from rasid.extract.dates.lexicon import lexicon, norm


@pytest.fixture(scope="module")
def lex():
    return lexicon()


def test_lexicon_is_loaded_once():
    assert lexicon() is lexicon()


def test_norm_folds_spelling_and_spacing():
    assert norm("أَبْرِيل") == norm("ابريل") == "ابريل"
    assert norm("  كانون   الأول ") == "كانون الاول"
    assert norm("غداً") == "غدا"
    assert norm("الفائت") == "الفاءت"  # ئ folds to ء, as in the text
    assert norm("February") == "february"


@pytest.mark.parametrize("name, number", [
    # Egyptian / Gulf
    ("يناير", 1), ("فبراير", 2), ("أبريل", 4), ("إبريل", 4), ("يونيه", 6), ("أغسطس", 8), ("ديسمبر", 12),
    # Levantine / Iraqi
    ("كانون الثاني", 1), ("شباط", 2), ("آذار", 3), ("نيسان", 4), ("أيار", 5), ("حزيران", 6),
    ("تموز", 7), ("آب", 8), ("أيلول", 9), ("تشرين الأول", 10), ("تشرين الثاني", 11), ("كانون الأول", 12),
    # Maghrebi (Algeria / Tunisia)
    ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("ماي", 5), ("جوان", 6), ("جويلية", 7), ("أوت", 8),
    # Moroccan
    ("يوليوز", 7), ("غشت", 8), ("شتنبر", 9), ("نونبر", 11), ("دجنبر", 12),
    # English
    ("February", 2), ("Sept", 9), ("dec", 12),
])
def test_gregorian_month_names_of_every_region(lex, name, number):
    assert lex.months[norm(name)] == ("gregorian", number)


@pytest.mark.parametrize("name, number", [
    ("محرم", 1), ("صفر", 2), ("ربيع الأول", 3), ("ربيع الثاني", 4), ("جمادى الأولى", 5),
    ("جمادى الآخرة", 6), ("رجب", 7), ("شعبان", 8), ("رمضان", 9), ("شوال", 10),
    ("ذو القعدة", 11), ("ذي الحجة", 12),
])
def test_hijri_month_names(lex, name, number):
    assert lex.months[norm(name)] == ("hijri", number)


@pytest.mark.parametrize("name, iso", [
    ("الاثنين", 1), ("الإثنين", 1), ("الثلاثاء", 2), ("الأربعاء", 3), ("الخميس", 4),
    ("الجمعة", 5), ("السبت", 6), ("الأحد", 7), ("Sunday", 7),
])
def test_weekdays_are_iso_numbers(lex, name, iso):
    assert lex.weekdays[norm(name)] == iso


@pytest.mark.parametrize("words, value", [
    ("ثلاثة", 3), ("ثلاث", 3), ("عشرة", 10), ("أحد عشر", 11), ("اثنتي عشرة", 12),
    ("خمسة وعشرين", 25), ("ثلاث وثلاثين", 33), ("تسعة وتسعين", 99), ("مئة", 100),
])
def test_cardinal_numbers_including_built_compounds(lex, words, value):
    assert lex.numbers[norm(words)] == value


@pytest.mark.parametrize("words, value", [
    ("الأول", 1), ("الخامس", 5), ("العاشر", 10), ("الحادي عشر", 11), ("التاسع عشر", 19),
    ("العشرين", 20), ("الحادي والعشرين", 21), ("الخامس والعشرين", 25), ("الثلاثين", 30),
    ("الحادي والثلاثين", 31),
])
def test_ordinal_days_including_built_compounds(lex, words, value):
    assert lex.ordinals[norm(words)] == value


@pytest.mark.parametrize("word, unit", [
    ("يوم", ("day", "1")), ("يومين", ("day", "2")), ("أيام", ("day", "n")),
    ("أسبوعين", ("week", "2")), ("أسابيع", ("week", "n")), ("شهرين", ("month", "2")),
    ("أشهر", ("month", "n")), ("عام", ("year", "1")), ("عامين", ("year", "2")), ("سنوات", ("year", "n")),
])
def test_units_say_what_count_they_imply(lex, word, unit):
    assert lex.units[norm(word)] == unit


def test_day_words_and_directions(lex):
    assert {w: lex.day_words[norm(w)] for w in ("اليوم", "أمس", "أول أمس", "أول من أمس", "غداً", "بعد غد")} \
        == {"اليوم": 0, "أمس": -1, "أول أمس": -2, "أول من أمس": -2, "غداً": 1, "بعد غد": 2}
    assert [lex.directions[norm(w)] for w in ("الماضي", "المنصرمة", "الفائت", "المقبل", "القادمة",
                                              "الجاري", "هذا")] == [-1, -1, -1, 1, 1, 0, 0]
    assert lex.directions["next"] == 1 and lex.directions["last"] == -1


def test_parts_periods_and_markers(lex):
    assert lex.parts[norm("مطلع")] == "start" and lex.parts[norm("منتصف")] == "mid"
    assert lex.parts[norm("أواخر")] == "end" and lex.parts[norm("صيف")] == "season"
    assert lex.periods[norm("الأسبوع")] == "week" and lex.periods[norm("السنة")] == "year"
    assert norm("هـ") in lex.hijri_era and norm("للهجرة") in lex.hijri_era
    assert norm("م") in lex.gregorian_era
    assert norm("عامي") in lex.year_words  # the dual of بين عامي
    assert norm("روسيا") in lex.not_today_after and norm("العالمي") in lex.not_today_before
    assert norm("فجر") in lex.time_of_day and norm("في") in lex.date_context
    assert norm("منه") in lex.same_month and norm("من الشهر الجاري") in lex.same_month


def test_future_markers_and_nouns_that_look_like_future_verbs(lex):
    assert norm("من المقرر") in lex.future_phrases and norm("متوقعة") in lex.future_phrases
    assert norm("سيارة") in lex.not_verbs and norm("سنة") in lex.not_verbs
    assert not any(p.startswith("!") for p in lex.future_phrases)


def test_every_key_is_stored_normalized(lex):
    tables = [lex.months, lex.weekdays, lex.numbers, lex.ordinals, lex.units, lex.day_words,
              lex.directions, lex.parts, lex.periods]
    for table in tables:
        for key in table:
            assert key == norm(key), key
    for key in lex.year_words | lex.hijri_era | lex.time_of_day | lex.date_context:
        assert key == norm(key), key


def test_max_phrase_covers_the_longest_entry(lex):
    assert lex.max_phrase >= len(norm("أول من أمس").split()) == 3
