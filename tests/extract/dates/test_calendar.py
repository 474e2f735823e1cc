"""Calendar arithmetic: Hijri conversion (Umm al-Qura table, tabular fallback), weeks, months."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasid.extract.dates.calendar import (add_months, days_in_month, hijri_month_days,
                                          hijri_to_gregorian, monday_of, nearest_weekday,
                                          weekday_after, weekday_before)

DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
WEEKDAYS = st.integers(1, 7)


# -- Hijri -------------------------------------------------------------------------
@pytest.mark.parametrize("hijri, gregorian", [
    ((1446, 9, 1), date(2025, 3, 1)),     # 1 Ramadan 1446 (Umm al-Qura)
    ((1446, 9, 15), date(2025, 3, 15)),
    ((1445, 10, 1), date(2024, 4, 10)),   # Eid al-Fitr 1445
])
def test_umm_al_qura_table(hijri, gregorian):
    assert hijri_to_gregorian(*hijri) == gregorian


def test_tabular_fallback_before_the_table():
    # 1 Muharram 1300 AH was 12 November 1882; the tabular calendar may be off by a day or two.
    got = hijri_to_gregorian(1300, 1, 1)
    assert abs((got - date(1882, 11, 12)).days) <= 2
    # The civil epoch: 1/1/1 AH = 16 July 622 Julian = 19 July 622 (proleptic Gregorian).
    assert hijri_to_gregorian(1, 1, 1) == date(622, 7, 19)


@pytest.mark.parametrize("before, after", [((1342, 12, 29), (1343, 1, 1)),
                                           ((1500, 12, 29), (1501, 1, 1))])
def test_fallback_joins_the_table_within_a_few_days(before, after):
    gap = (hijri_to_gregorian(*after) - hijri_to_gregorian(*before)).days
    assert 0 <= gap <= 3


def test_tabular_is_monotonic_and_about_354_days_a_year():
    starts = [hijri_to_gregorian(y, 1, 1) for y in range(1290, 1300)]
    assert all(354 <= (b - a).days <= 355 for a, b in zip(starts, starts[1:]))


@pytest.mark.parametrize("bad", [(1300, 13, 1), (1300, 0, 1), (1300, 1, 31), (1300, 1, 0)])
def test_impossible_hijri_dates_outside_the_table_give_none(bad):
    assert hijri_to_gregorian(*bad) is None


def test_hijri_month_lengths():
    assert hijri_month_days(1446, 9) == 29   # Ramadan 1446 ended on 29 March 2025
    assert hijri_month_days(1300, 1) == 30   # tabular: odd months have 30 days
    assert hijri_month_days(1300, 2) == 29
    assert all(hijri_month_days(1446, m) in (29, 30) for m in range(1, 13))


# -- Gregorian ---------------------------------------------------------------------
@pytest.mark.parametrize("year, month, days", [(2024, 2, 29), (2025, 2, 28), (1900, 2, 28),
                                               (2000, 2, 29), (2025, 4, 30), (2025, 12, 31)])
def test_days_in_month(year, month, days):
    assert days_in_month(year, month) == days


def test_monday_of():
    assert monday_of(date(2025, 3, 16)) == date(2025, 3, 10)  # Sunday -> the Monday before
    assert monday_of(date(2025, 3, 17)) == date(2025, 3, 17)  # a Monday is its own week


@pytest.mark.parametrize("start, delta, result", [((2024, 12), 1, (2025, 1)), ((2025, 1), -1, (2024, 12)),
                                                  ((2025, 3), -14, (2024, 1)), ((2025, 3), 0, (2025, 3)),
                                                  ((2025, 11), 26, (2028, 1))])
def test_add_months_crosses_years(start, delta, result):
    assert add_months(*start, delta) == result


def test_weekday_before_and_after_are_strict():
    wed = date(2025, 3, 19)
    assert weekday_before(wed, 3) == date(2025, 3, 12)
    assert weekday_before(wed, 2) == date(2025, 3, 18)
    assert weekday_after(wed, 3) == date(2025, 3, 26)
    assert weekday_after(wed, 4) == date(2025, 3, 20)


def test_nearest_weekday():
    mon = date(2025, 3, 10)
    assert nearest_weekday(mon, 4) == date(2025, 3, 13)   # 3 days ahead beats 4 back
    assert nearest_weekday(mon, 5) == date(2025, 3, 7)    # 3 back beats 4 ahead
    assert nearest_weekday(mon, 1) == mon


@given(DATES, WEEKDAYS)
def test_weekday_helpers_properties(d, wd):
    before, after, near = weekday_before(d, wd), weekday_after(d, wd), nearest_weekday(d, wd)
    assert before.isoweekday() == after.isoweekday() == near.isoweekday() == wd
    assert 1 <= (d - before).days <= 7
    assert 1 <= (after - d).days <= 7
    assert abs((near - d).days) <= 3


@given(DATES)
def test_monday_of_property(d):
    m = monday_of(d)
    assert m.isoweekday() == 1 and 0 <= (d - m).days <= 6


@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(-500, 500))
def test_add_months_property(year, month, delta):
    y, m = add_months(year, month, delta)
    assert 1 <= m <= 12
    assert (y * 12 + m) - (year * 12 + month) == delta


@given(st.integers(1343, 1500), st.integers(1, 12))
def test_hijri_months_follow_each_other(year, month):
    start = hijri_to_gregorian(year, month, 1)
    last = hijri_to_gregorian(year, month, hijri_month_days(year, month))
    assert last - start == timedelta(days=hijri_month_days(year, month) - 1)
