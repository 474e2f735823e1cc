"""Publication dates and language codes from input metadata, alone and through clean()."""
from __future__ import annotations

import pytest

from rasid.clean import clean
from rasid.clean.metadata import normalize_lang, parse_published
from rasid.model import RawDocument

BODY = "أعلنت وزارة الزراعة صباح اليوم أنها ستطلق خطة جديدة لدعم صغار المزارعين في القرى البعيدة."


@pytest.mark.parametrize("value, expected", [
    ("2024-03-05", ("2024-03-05", None)),
    (" 2024-03-05 ", ("2024-03-05", None)),
    ("2024/3/5", ("2024-03-05", None)),
    ("2024.03.05", ("2024-03-05", None)),
    ("2024-03-05T10:20:30Z", ("2024-03-05", "2024-03-05T10:20:30+00:00")),
    ("2024-03-05T23:20:30+03:00", ("2024-03-05", "2024-03-05T23:20:30+03:00")),
    ("2024-03-05 10:20", ("2024-03-05", "2024-03-05T10:20:00")),
    ("Tue, 05 Mar 2024 10:20:30 +0000", ("2024-03-05", "2024-03-05T10:20:30+00:00")),
    ("Tue, 05 Mar 2024 10:20:30 GMT", ("2024-03-05", "2024-03-05T10:20:30+00:00")),
])
def test_parse_published_accepts_iso_and_rfc2822(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", [None, "", "yesterday", "05/03/2024", "2024-02-30",
                                   "2024/13/01", "2024-13-01T00:00:00"])
def test_parse_published_gives_none_for_unparseable_or_impossible_dates(value):
    assert parse_published(value) == (None, None)


@pytest.mark.parametrize("value, expected", [
    ("ar", "ar"), ("AR", "ar"), ("ar-SA", "ar"), ("ar_EG", "ar"), ("arabic", "ar"),
    ("Arabic", "ar"), ("العربية", "ar"), ("en-US", "en"), ("English", "en"), ("french", "fr"),
    ("zh-Hant-TW", "zh"), ("fil", "fil"),
])
def test_normalize_lang_folds_codes_and_names(value, expected):
    assert normalize_lang(value) == expected


@pytest.mark.parametrize("value", [None, "", "   ", "x", "12", "x1", "arabicish"])
def test_normalize_lang_rejects_unrecognisable_values(value):
    assert normalize_lang(value) is None


def raw(**kw) -> RawDocument:
    base = dict(source="in.jsonl", line=1, format="jsonl", text=BODY, source_id="in.jsonl:1")
    base.update(kw)
    return RawDocument(**base)


def test_clean_parses_published_date():
    a = clean(raw(published="2024-03-05T10:20:30Z"))
    assert a.published == "2024-03-05"
    assert a.published_at == "2024-03-05T10:20:30+00:00"
    assert "published_raw" not in a.extra


def test_clean_keeps_unparseable_published_value_in_extra():
    a = clean(raw(published="الثلاثاء الماضي", extra={"author": "س"}))
    assert a.published is None and a.published_at is None
    assert a.extra == {"author": "س", "published_raw": "الثلاثاء الماضي"}


def test_clean_trusts_jsonl_lang_field():
    assert clean(raw(lang="ar-EG")).lang == "ar"
    assert clean(raw(lang="English")).lang == "en"  # given by the caller: kept even if wrong


def test_clean_detects_lang_when_jsonl_field_is_unusable():
    assert clean(raw(lang="??")).lang == "ar"
    assert clean(raw(lang=None)).lang == "ar"


def test_clean_detects_lang_for_non_jsonl_even_if_lang_given():
    a = clean(raw(format="txt", line=None, source="a.txt", source_id="a.txt", lang="en"))
    assert a.lang == "ar"


def test_clean_does_not_mutate_raw_extra():
    extra = {"k": "v"}
    clean(raw(published="bad date", extra=extra))
    assert extra == {"k": "v"}
