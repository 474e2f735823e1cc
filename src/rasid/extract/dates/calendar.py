"""Calendar arithmetic the resolver needs: Hijri conversion, weeks, month steps."""
from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """Umm al-Qura via hijridate where it has tables (1343–1500 AH), else the
    arithmetic (tabular) calendar, which can differ by a day or two."""
    try:
        from hijridate import Hijri

        return Hijri(year, month, day).to_gregorian()
    except (OverflowError, ValueError):
        pass
    except ImportError:  # pragma: no cover - hijridate is a dependency
        pass
    if not (1 <= month <= 12 and 1 <= day <= 30):
        return None
    # Tabular Islamic calendar (civil epoch 16 July 622 Julian = JDN 1948440).
    jdn = (day + ((59 * (month - 1) + 1) // 2) + (year - 1) * 354
           + (3 + 11 * year) // 30 + 1948440 - 1)
    return date.fromordinal(jdn - 1721425)


def hijri_month_days(year: int, month: int) -> int:
    start = hijri_to_gregorian(year, month, 1)
    nxt = hijri_to_gregorian(year + (month == 12), month % 12 + 1, 1)
    return (nxt - start).days if start and nxt else 30


def days_in_month(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def monday_of(d: date) -> date:
    return d - timedelta(days=d.weekday())


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


def weekday_before(ref: date, iso_weekday: int) -> date:
    """The most recent date strictly before `ref` on that weekday."""
    back = (ref.isoweekday() - iso_weekday) % 7 or 7
    return ref - timedelta(days=back)


def weekday_after(ref: date, iso_weekday: int) -> date:
    ahead = (iso_weekday - ref.isoweekday()) % 7 or 7
    return ref + timedelta(days=ahead)


def nearest_weekday(ref: date, iso_weekday: int) -> date:
    """The date nearest `ref` on that weekday (ties go to the earlier one)."""
    back = (ref.isoweekday() - iso_weekday) % 7
    return ref - timedelta(days=back) if back <= 3 else ref + timedelta(days=7 - back)
