"""Parsed date expressions -> calendar values, anchored to the publication date.

Conventions (also in the README): values are YYYY-MM-DD, YYYY-MM or YYYY by
grain; a week is its Monday with grain "week"; a decade is its first year with
grain "decade". Bad input is flagged, never coerced: an impossible day gives no
value ("impossible"), a two-digit year gives no value ("ambiguous_year"), a
year far beyond the article's era keeps its value ("out_of_era"), and a
relative expression with no publication date to anchor it gives no value
("no_anchor").
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rasid.extract.dates.calendar import (add_months, days_in_month, hijri_month_days,
                                          hijri_to_gregorian, monday_of, nearest_weekday,
                                          weekday_after, weekday_before)
from rasid.extract.dates.parse import Parsed

ERA_YEARS = 50  # a year further than this beyond the reference is flagged out_of_era


@dataclass(frozen=True, slots=True)
class Value:
    value: str | None
    grain: str | None
    end: str | None = None
    calendar: str = "gregorian"
    flags: tuple[str, ...] = ()


def _fmt(grain: str, y: int, m: int = 1, d: int = 1) -> str:
    if grain in ("day", "week"):
        return f"{y:04d}-{m:02d}-{d:02d}"
    if grain == "month":
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}"


def _era_flags(year: int, ref: date | None) -> tuple[str, ...]:
    anchor = ref.year if ref else date.today().year
    return ("out_of_era",) if year > anchor + ERA_YEARS else ()


def _closest_year(month: int, day: int, ref: date) -> int | None:
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if day <= days_in_month(y, month):
            dist = abs((date(y, month, day) - ref).days)
            if best is None or dist < best[0]:
                best = (dist, y)
    return best[1] if best else None


def _month_year(month: int, direction: int | None, ref: date) -> int:
    if direction == -1:
        return ref.year if month < ref.month else ref.year - 1
    if direction == 1:
        return ref.year if month > ref.month else ref.year + 1
    return ref.year


def _hijri(f: dict, ref: date | None) -> Value:
    year = f.get("year")
    if year is None:
        return Value(None, None, calendar="hijri", flags=("no_year",))
    month, day = f["month"], f.get("day")
    if day is not None:
        if day > hijri_month_days(year, month):
            return Value(None, None, calendar="hijri", flags=("impossible",))
        g = hijri_to_gregorian(year, month, day)
        return Value(_fmt("day", g.year, g.month, g.day), "day", calendar="hijri",
                     flags=_era_flags(g.year, ref)) if g else Value(None, None, calendar="hijri")
    mid = hijri_to_gregorian(year, month, 15)
    return Value(_fmt("month", mid.year, mid.month), "month", calendar="hijri",
                 flags=_era_flags(mid.year, ref)) if mid else Value(None, None, calendar="hijri")


def _date(f: dict, ref: date | None) -> Value:
    if f.get("calendar") == "hijri" or f.get("era") == "hijri":
        return _hijri(f, ref)
    if f.get("month_ref"):  # "19 منه" with no month mentioned before it: this month
        if ref is None:
            return Value(None, None, flags=("no_anchor",))
        f = {**f, "month": ref.month, "year": ref.year, "digits": 4}
    month, day = f["month"], f.get("day")
    flags: tuple[str, ...] = ("pair_mismatch",) if f.get("pair_mismatch") else ()
    if not 1 <= month <= 12:
        return Value(None, None, flags=("impossible",))
    year = f.get("year")
    if year is not None and f.get("digits", 4) < 4:
        return Value(None, None, flags=("ambiguous_year",))
    if day is None:  # month grain
        if year is None:
            if ref is None:
                return Value(None, None, flags=("no_anchor",))
            year = _month_year(month, f.get("direction"), ref)
        end = None
        if "end_month" in f:
            end = _fmt("month", f.get("end_year") or year, f["end_month"])
        return Value(_fmt("month", year, month), "month", end=end, flags=flags + _era_flags(year, ref))
    if year is None:
        if ref is None:
            return Value(None, None, flags=("no_anchor",))
        if day > 31:
            return Value(None, None, flags=("impossible",))
        year = _closest_year(month, day, ref)
        if year is None:
            return Value(None, None, flags=("impossible",))
    if day < 1 or day > days_in_month(year, month):
        return Value(None, None, flags=("impossible",))
    if "weekday" in f and date(year, month, day).isoweekday() != f["weekday"]:
        flags += ("weekday_mismatch",)
    end = None
    if "end_day" in f:
        end_year, end_month = f.get("end_year", year), f.get("end_month", month)
        if f["end_day"] > days_in_month(end_year, end_month):
            return Value(None, None, flags=("impossible",))
        if date(end_year, end_month, f["end_day"]) < date(year, month, day):
            return Value(None, None, flags=("impossible",))
        end = _fmt("day", end_year, end_month, f["end_day"])
    return Value(_fmt("day", year, month, day), "day", end=end, flags=flags + _era_flags(year, ref))


def _year(f: dict, ref: date | None) -> Value:
    year = f["year"]
    if f.get("era") == "hijri":
        mid = hijri_to_gregorian(year, 6, 15)
        return Value(_fmt("year", mid.year), "year", calendar="hijri") if mid else Value(None, None)
    end = _fmt("year", f["end_year"]) if "end_year" in f else None
    return Value(_fmt("year", year), "year", end=end, flags=_era_flags(year, ref))


def _relday(f: dict, ref: date) -> Value:
    base = ref + timedelta(days=f["offset"])
    flags: tuple[str, ...] = ()
    if "weekday" in f and base.isoweekday() != f["weekday"]:
        base = nearest_weekday(base, f["weekday"])
        flags = ("weekday_mismatch",)
    return Value(base.isoformat(), "day", flags=flags)


def _weekday(f: dict, ref: date, future: bool) -> Value:
    direction = f.get("direction")
    if direction == 1 or (direction is None and future):
        d = weekday_after(ref, f["weekday"])
    elif direction is None and f.get("same_day_ok") and ref.isoweekday() == f["weekday"]:
        d = ref
    else:
        d = weekday_before(ref, f["weekday"])
    return Value(d.isoformat(), "day")


def _shifted(unit: str, count: int, ref: date) -> Value:
    """The day, week, month or year `count` units away from `ref`, at that unit's grain."""
    if unit == "day":
        return Value((ref + timedelta(days=count)).isoformat(), "day")
    if unit == "week":
        return Value(monday_of(ref + timedelta(weeks=count)).isoformat(), "week")
    if unit == "month":
        y, m = add_months(ref.year, ref.month, count)
        return Value(_fmt("month", y, m), "month")
    return Value(_fmt("year", ref.year + count), "year")


RELATIVE_KINDS = frozenset({"relday", "weekday", "period", "offset"})


def resolve(p: Parsed, ref: date | None, future: bool = False) -> Value:
    """The calendar value of one parsed expression; `ref` is the publication date."""
    f = p.fields
    if p.kind in RELATIVE_KINDS:
        if ref is None:
            return Value(None, None, flags=("no_anchor",))
        if p.kind == "relday":
            return _relday(f, ref)
        if p.kind == "weekday":
            return _weekday(f, ref, future)
        if p.kind == "period":  # الشهر الماضي; also a part of one: نهاية العام الجاري
            return _shifted(f["unit"], f["direction"], ref)
        return _shifted(f["unit"], f["count"], ref)  # قبل ثلاثة أيام
    if p.kind == "decade":
        return Value(_fmt("year", f["year"]), "decade")
    if p.kind == "century":
        if "year" in f:
            return Value(_fmt("year", f["year"]), "century")
        if ref is None:
            return Value(None, None, flags=("no_anchor",))
        return Value(_fmt("year", (ref.year // 100 + f["direction"]) * 100), "century")
    if p.kind == "year":
        if "part" in f or "year" in f and "month" not in f:
            return _year(f, ref)
    return _date(f, ref)
