"""The five seed articles in ../shared/seeds through ingest + clean (skipped when absent)."""
from __future__ import annotations

import pytest

from rasid.clean import clean
from rasid.ingest import find_files, read_file
from rasid.model import Article, RawDocument


@pytest.fixture
def seeds(seeds_dir, settings) -> dict[str, Article]:
    files = find_files([seeds_dir])
    assert len(files) == 5
    out = {}
    for f in files:
        items = list(read_file(f, settings))
        assert len(items) == 1 and isinstance(items[0], RawDocument), f.name
        out[f.path.name[:3]] = clean(items[0])
    return out


def test_all_seeds_are_arabic(seeds):
    assert {k: a.lang for k, a in seeds.items()} == {k: "ar" for k in ("000", "001", "002", "003", "004")}


def test_offset_map_invariant_holds_on_all_seeds(seeds):
    for key, a in seeds.items():
        assert a.offset_map.runs, key
        for c, o, n in a.offset_map.runs:
            assert a.text[c:c + n] == a.original[o:o + n], (key, c, o, n)
        for s in a.sentences:
            o = a.offset_map.to_original(s.start)
            assert a.original[o] == a.text[s.start], key


def test_seed_000_headline_and_repaired_paragraph(seeds):
    a = seeds["000"]
    assert a.headline.startswith("وفد أمني عراقي إلى دمشق")
    assert "وأوضح في حديث مقتضب عبر الهاتف" in a.text
    assert "  " not in a.text
    assert not a.text.startswith(a.headline)


def test_seed_001_has_no_headline_ads_source_or_captions(seeds):
    a = seeds["001"]
    assert a.headline is None
    assert "[ad_" not in a.text
    assert not a.text.rstrip().endswith("المصدر")
    assert not [ln for ln in a.text.split("\n") if "(غيتي)" in ln]
    assert {r.reason for r in a.removed} >= {"source_line", "photo_credit"}


def test_seed_002_short_lines_are_subheadings(seeds):
    a = seeds["002"]
    assert a.headline is None
    assert [s.of(a.text) for s in a.subheadings] == [
        "مباحثات أمنية", "آخر التطورات في سوريا", "مبادرات عراقية لتعزيز الأمن",
        "إعادة الجنود السوريين", "شروط العفو",
    ]
    for sub in a.subheadings:
        assert all(s.end <= sub.start or s.start >= sub.end for s in a.sentences)


def test_seed_003_headline(seeds):
    assert seeds["003"].headline.startswith("رئيس جهاز المخابرات العراقي")


def test_seed_004_headline(seeds):
    assert seeds["004"].headline == "لمواجهة الإرهاب… تنسيق أمني بين دمشق وبغداد"


def test_seed_texts_have_no_headline_left_in_body(seeds):
    for key in ("000", "003", "004"):
        a = seeds[key]
        assert a.headline not in a.text.split("\n\n")[0], key
        assert [r.reason for r in a.removed].count("headline") == 1, key
