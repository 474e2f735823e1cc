"""Which of two derived articles is the source: time, citation, MT traces, specificity."""
from __future__ import annotations

from dataclasses import replace

import pytest

from rasid.link.direction import DECISIVE, W_MT, W_PUBLISHED, direction, mt_traces
from rasid.link.outlets import cites, outlet_key
from rasid.model import Span

BODY = ("أعلنت وزارة الصحة أن حملة التطعيم ضد الحصبة ستشمل هذا العام جميع المدارس الابتدائية "
        "في المحافظات الشرقية، وأن الفرق الطبية ستبدأ عملها مطلع الشهر المقبل. وقالت المتحدثة "
        "باسم الوزارة إن الحملة تهدف إلى رفع نسبة التغطية بعد تسجيل حالات متفرقة في القرى "
        "النائية، داعية الأهالي إلى التعاون مع الفرق.")
# the same report as machine translation leaves it: spaced commas and Latin acronyms
MT_BODY = ("أعلنت وزارة الصحة ، وفقا لمنظمة WHO ، أن حملة التطعيم ضد الحصبة ستشمل هذا العام "
           "جميع المدارس الابتدائية في المحافظات الشرقية ، وأن فرق UNICEF ستبدأ عملها مطلع الشهر "
           "المقبل. وقالت المتحدثة باسم الوزارة إن الحملة تهدف إلى رفع نسبة التغطية.")


@pytest.fixture
def pair(article):
    """Two versions of one report from two outlets, no dates: nothing says who came first."""
    a = article(BODY, id="a", outlet="صحيفة الأفق")
    b = article(BODY, id="b", outlet="موقع النهار")
    return a, b


def test_without_evidence_the_source_is_unknown(pair):
    a, b = pair
    d = direction(a, b)
    assert d.source is None and d.votes == 0.0 and d.basis == ()


def test_the_earlier_publication_is_the_source(pair):
    a, b = pair
    a, b = replace(a, published="2024-05-01"), replace(b, published="2024-05-03")
    for x, y in ((a, b), (b, a)):
        d = direction(x, y)
        assert d.source == "a" and d.basis == ("published",)
    assert direction(a, b).votes == W_PUBLISHED and direction(b, a).votes == -W_PUBLISHED


def test_same_day_times_decide_when_both_are_known(pair):
    a, b = pair
    a = replace(a, published="2024-05-01", published_at="2024-05-01T14:05:00+03:00")
    b = replace(b, published="2024-05-01", published_at="2024-05-01T09:30:00+03:00")
    assert direction(a, b).source == "b"
    # same minute, or a day without a time: no vote
    assert direction(a, replace(b, published_at="2024-05-01T14:05:30+03:00")).source is None
    assert direction(a, replace(b, published_at=None)).source is None


def test_an_inferred_date_alone_is_not_decisive(pair):
    a, b = pair
    a = replace(a, published="2024-05-01", published_inferred=True)
    b = replace(b, published="2024-05-03")
    d = direction(a, b)
    assert d.source is None and d.basis == ("published",) and 0 < d.votes < DECISIVE


def test_a_text_citing_the_other_outlet_is_the_derived_one(article):
    src = article(BODY, id="src", outlet="صحيفة الأفق")
    citing = article("نقلاً عن صحيفة الأفق: " + BODY, id="cit", outlet="موقع النهار")
    assert cites(citing, src.outlet) and not cites(src, citing.outlet)
    for x, y in ((src, citing), (citing, src)):
        d = direction(x, y)
        assert d.source == "src" and d.basis == ("cites",)
    # the prefix is not needed in the text: «بحسب الأفق» names the same outlet
    assert cites(article("بحسب الأفق، " + BODY, id="c2"), "صحيفة الأفق")


def test_a_citation_and_a_contrary_date_cancel_out(article):
    src = article(BODY, id="src", outlet="صحيفة الأفق", published="2024-05-02")
    citing = article("نقلاً عن صحيفة الأفق: " + BODY, id="cit", outlet="موقع النهار",
                     published="2024-05-01")
    d = direction(src, citing)          # the copy claims an earlier date, but cites the source
    assert d.source is None and set(d.basis) == {"published", "cites"} and d.votes == 0.0


def test_machine_translation_traces_mark_the_derived_text(article):
    clean_ar = article(BODY, id="ar")
    mt = article(MT_BODY, id="mt")
    assert mt_traces(clean_ar) == 0.0
    assert mt_traces(mt) >= 1.0
    for x, y in ((clean_ar, mt), (mt, clean_ar)):
        d = direction(x, y)
        assert d.source == "ar" and d.basis == ("mt-traces",) and abs(d.votes) == W_MT


def test_mt_traces_count_calques_and_ignore_other_languages(article):
    calque = article("قال مسؤول شريطة عدم الكشف عن هويته إن المحادثات ستستأنف. " * 3, id="c")
    plain = article("قال مسؤول طلب عدم ذكر اسمه إن المحادثات ستستأنف. " * 3, id="p")
    assert mt_traces(calque) > mt_traces(plain) == 0.0
    en = article("Officials of the WHO and UNICEF met , the UN said.", id="en", lang="en")
    assert en.lang == "en" and mt_traces(en) == 0.0


def test_specificity_counts_figures_within_the_aligned_passages(article):
    full = article("قتل 12 شخصا وأصيب 40 آخرون في انفجار وقع عند الساعة 9 صباحا في سوق يضم 300 محل.",
                   id="full")
    vague = article("قتل عدد من الأشخاص وأصيب آخرون في انفجار وقع صباحا في سوق شعبي كبير.", id="vague")
    d = direction(full, vague)
    assert d.basis == ("specificity",) and d.votes > 0
    assert d.source is None          # specificity alone is a hint, not a decision
    dated = direction(replace(full, published="2024-05-01", published_inferred=True),
                      replace(vague, published="2024-05-03"))
    assert dated.source == "full" and set(dated.basis) == {"published", "specificity"}
    # figures outside the aligned passages (background the copy added) do not count
    aligned = [(Span(0, 10), Span(0, 10))]
    assert "specificity" not in direction(full, vague, aligned).basis


@pytest.mark.parametrize("outlet, key", [
    ("صحيفة الأفق", "افق"), ("جريدة الصباح الجديد", "صباح جديد"), ("موقع النهار", "نهار"),
    ("The Guardian", "guardian"), ("الأفق", "افق"), ("صحيفة أ", ""), ("", ""), (None, "")])
def test_outlet_key_drops_prefixes_and_folds_spelling(outlet, key):
    assert outlet_key(outlet) == key


def test_outlet_key_prefix_needs_a_following_name():
    assert outlet_key("وكالة") == outlet_key("وكاله") != ""
    assert outlet_key("وكالة الأنباء") == outlet_key("الأنباء")


def test_an_outlet_name_used_as_a_common_word_is_not_a_citation(article):
    text = "دعا الرئيس أبناء الوطن إلى المشاركة في الانتخابات المقبلة. " + BODY
    a = article(text, id="a", outlet="موقع النهار")
    b = article(BODY, id="b", outlet="صحيفة الوطن")
    assert not cites(a, b.outlet)
    assert direction(a, b).source is None


def test_a_wire_credited_in_the_dateline_or_by_an_alias_is_cited(article):
    """«الرياض … - واس» credits the Saudi Press Agency whatever the feed calls it (SPA, WAS);
    «لوكالة فرانس برس» after a reporting verb credits AFP."""
    wire = article("الرياض 12 شوال 1436 هـ الموافق 28 يوليو 2015 م واس\n\n" + BODY, id="w", outlet="paper")
    assert cites(wire, "WAS") and cites(wire, "وكالة الأنباء السعودية") and cites(wire, "SPA")
    assert not cites(wire, "AFP")
    afp = article("وقال المتحدث لوكالة فرانس برس إن الاجتماع انتهى. " + BODY, id="f", outlet="paper")
    assert cites(afp, "AFP") and cites(afp, "Agence France-Presse")
    # a word that is also an agency code, far from the dateline, is not a credit
    late = article(BODY + " ثم عادت الوفود إلى بلادها بعد ذلك واس", id="l", outlet="paper")
    assert not cites(late, "WAS")
