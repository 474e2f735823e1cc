"""Inferring a missing publication date from weekday cues and anchors (own or related)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasid.extract.dates.published import MAX_GAP_DAYS, infer_published

WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
          "نوفمبر", "ديسمبر"]
THURSDAY_TODAY = "أعلنت هيئة المياه اليوم الخميس خطة لترشيد الاستهلاك في الأحياء الشرقية."
MONDAY_ANCHOR = " وجاء ذلك بعد حادث 10 مارس 2025."  # 10 March 2025 was a Monday


@pytest.mark.parametrize("text, weekday", [
    ("أعلنت الهيئة اليوم الخميس خطة جديدة.", 4),
    ("قال المتحدث أمس الأحد إن الخطة جاهزة.", 1),            # yesterday Sunday: a Monday paper
    ("تبدأ الحملة غدا الخميس في المدارس.", 3),
    ("وصلت البعثة أول أمس الاثنين إلى الميناء.", 3),
    ("تصل البعثة بعد غد السبت إلى الميناء.", 4),
    ("أعلن المسؤول صباح اليوم الجمعة أن الخطة جاهزة.", 5),
])
def test_day_word_and_weekday_give_the_publication_weekday(text, weekday):
    assert infer_published(text + MONDAY_ANCHOR) == date(2025, 3, 10) + timedelta(days=weekday - 1)


@pytest.mark.parametrize("text", ["صرح المسؤول اليوم بأن الخطة جاهزة.",   # no weekday stated
                                  "زار الوزير المدرسة الأحد الماضي.",     # a weekday alone is no cue
                                  "سيزور الوزير المدرسة الأحد."])
def test_no_weekday_cue_no_inference(text):
    assert infer_published(text + MONDAY_ANCHOR) is None
    assert infer_published(text + MONDAY_ANCHOR, [date(2025, 3, 10)]) is None


def test_only_unflagged_day_dates_with_a_year_are_own_anchors():
    text = (THURSDAY_TODAY + " وكان الانهيار في 3 فبراير 2025 ثم في 28 ديسمبر، وقد حذرت اللجنة "
            "في مارس 2025 وفي 31 فبراير 2025 وفي 12/3/25 ويوم الاثنين 9 مارس 2025، وصدر التقرير في 2025-02-10.")
    # 10 February 2025 (a Monday) is the latest anchor; the others are yearless, month grain,
    # impossible, ambiguous or contradict their weekday and must not count.
    assert infer_published(text) == date(2025, 2, 13)
    flagged_only = THURSDAY_TODAY + " وفي 31 فبراير 2025 وفي 12/3/25 وفي مارس 2025 وفي 28 ديسمبر."
    assert infer_published(flagged_only) is None


def test_own_anchor_gives_the_first_cue_weekday_on_or_after_it():
    # Monday 10 March 2025 -> Thursday 13 March.
    assert infer_published(THURSDAY_TODAY + " وجاء ذلك بعد انقطاع 10 مارس 2025.") == date(2025, 3, 13)
    # an anchor on the cue's own weekday: that very day.
    assert infer_published(THURSDAY_TODAY + " وجاء ذلك بعد انقطاع 13 مارس 2025.") == date(2025, 3, 13)
    # a Friday anchor: six days later, the most there can be.
    assert infer_published(THURSDAY_TODAY + " وجاء ذلك بعد انقطاع 14 مارس 2025.") == date(2025, 3, 20)


def test_the_latest_own_anchor_counts():
    text = THURSDAY_TODAY + " وتكرر الانقطاع في 2 مارس 2025 ثم في 11 مارس 2025 بعد إصلاحات."
    assert infer_published(text) == date(2025, 3, 13)


def test_own_anchors_win_over_related_ones():
    text = THURSDAY_TODAY + " وجاء ذلك بعد انقطاع 10 مارس 2025."
    assert infer_published(text, [date(2024, 1, 1)]) == date(2025, 3, 13)


def test_related_anchors_only_give_the_nearest_cue_weekday():
    assert infer_published(THURSDAY_TODAY) is None  # a cue but nothing to anchor it
    assert infer_published(THURSDAY_TODAY, [date(2025, 3, 10)]) == date(2025, 3, 13)  # Monday: ahead
    assert infer_published(THURSDAY_TODAY, [date(2025, 3, 15)]) == date(2025, 3, 13)  # Saturday: back
    assert infer_published(THURSDAY_TODAY, [date(2025, 3, 13)]) == date(2025, 3, 13)


def test_related_anchors_vote_and_ties_go_to_the_later_date():
    votes = [date(2025, 3, 1), date(2025, 3, 12), date(2025, 3, 14), date(2025, 3, 1)]
    assert infer_published(THURSDAY_TODAY, votes) == date(2025, 3, 13)  # 2 votes vs 1 (27 Feb)
    assert infer_published(THURSDAY_TODAY, [date(2025, 2, 27), date(2025, 3, 13)]) == date(2025, 3, 13)


def test_the_majority_cue_wins():
    text = ("أعلنت الهيئة اليوم الخميس الخطة، وكانت قد قالت أمس الأربعاء إنها جاهزة، "
            "بعد انقطاع 10 مارس 2025.")
    assert infer_published(text) == date(2025, 3, 13)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2060, 12, 31)), st.integers(0, 6))
def test_a_gap_over_six_days_cannot_happen(anchor, shift):
    """The gap from the latest anchor to the cue's weekday is (weekday - anchor weekday) mod 7,
    which lies in 0..6 for any pair, so MAX_GAP_DAYS (6) never rejects: the `else None` branch
    of infer_published is unreachable by construction. Every anchor/weekday pair gives a date."""
    stated = f"{anchor.day} {MONTHS[anchor.month - 1]} {anchor.year}"
    got = infer_published(f"أعلنت الهيئة اليوم {WEEKDAYS[shift]} الخطة بعد انقطاع {stated}.")
    assert got is not None
    assert got.isoweekday() == shift + 1
    assert timedelta(0) <= got - anchor <= timedelta(days=MAX_GAP_DAYS)


def test_future_dates_are_not_anchors():
    text = ("أعلنت الهيئة اليوم الخميس نتائج اجتماع 10 مارس 2025، "
            "وقالت إن القمة ستعقد في 20 أبريل 2025 في بغداد.")
    assert infer_published(text) == date(2025, 3, 13)
