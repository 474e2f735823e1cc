#!/usr/bin/env python3
"""Validate expressions.jsonl.

Independent of build_expressions.py: every value is re-derived here by parsing
the Arabic `expr` (plus `context` for tense and `published` as reference)
with a small rule-based reader of the conventions in README.md, and compared
with the stored label. Also checks the schema, that `expr` occurs exactly once
in `context`, that the context carries no second date-like expression (lint,
printed as warnings), and counts per form and split.

    python3 check_expressions.py            # exit 1 on any error
Hijri items are re-derived only when `hijridate` is importable.
"""
import collections
import datetime as dt
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "expressions.jsonl")

MIN_COUNTS = {
    "absolute_egyptian": 30, "absolute_levantine": 25, "absolute_maghrebi": 20,
    "paired_months": 20, "arabic_indic_digits": 12, "weekday_plus_date": 8,
    "day_month_no_year": 12, "month_year": 15, "month_alone_relative": 18,
    "part_of_month": 12, "numeric": 15, "hijri": 15, "year_alone": 15, "decade": 6,
    "range": 12, "today_yesterday_tomorrow": 25, "weekday_relative": 30,
    "week_month_year_relative": 25, "ago_after_n": 30, "bad_input": 12,
}

try:
    from hijridate import Hijri
except ImportError:  # pragma: no cover
    Hijri = None

# --------------------------------------------------------------------------
# lexicon
# --------------------------------------------------------------------------
MONTHS = {
    "يناير": 1, "جانفي": 1, "كانون الثاني": 1,
    "فبراير": 2, "فيفري": 2, "شباط": 2,
    "مارس": 3, "آذار": 3,
    "أبريل": 4, "ابريل": 4, "إبريل": 4, "أفريل": 4, "نيسان": 4,
    "مايو": 5, "ماي": 5, "أيار": 5,
    "يونيو": 6, "يونيه": 6, "جوان": 6, "حزيران": 6,
    "يوليو": 7, "يوليه": 7, "جويلية": 7, "يوليوز": 7, "تموز": 7,
    "أغسطس": 8, "أوت": 8, "غشت": 8, "آب": 8,
    "سبتمبر": 9, "شتنبر": 9, "أيلول": 9,
    "أكتوبر": 10, "تشرين الأول": 10,
    "نوفمبر": 11, "نونبر": 11, "تشرين الثاني": 11,
    "ديسمبر": 12, "دجنبر": 12, "كانون الأول": 12,
}
HMONTHS = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4,
    "جمادى الأولى": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6, "رجب": 7,
    "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11,
    "ذو الحجة": 12, "ذي الحجة": 12,
}
WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3,
            "الجمعة": 4, "السبت": 5, "الأحد": 6}
PAST = ("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة")
NEXT = ("المقبل", "المقبلة", "القادم", "القادمة")
CURR = ("الحالي", "الحالية", "الجاري", "الجارية")
NUMW = {"أحد عشر": 11, "عشرين": 20, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4,
        "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7,
        "ثمانية": 8, "ثماني": 8, "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10}
DECADES = [("ثمانين", 80), ("تسعين", 90), ("سبعيني", 70), ("ستيني", 60),
           ("خمسيني", 50), ("أربعيني", 40), ("ثلاثيني", 30), ("عشريني", 20)]
FUTURE_MARKERS = ("سوف", "من المقرر", "من المنتظر", "من المتوقع", "يعتزم", "تعتزم",
                  "ينتظر", "يُنتظر", "يتوقع", "يُتوقع")
FUTURE_VERB = re.compile(r"(?<!\w)[وف]?س[يتن]\w{3,}")
NOT_FUTURE = {"ستة", "سنة", "ستين", "سنوات", "سيارة", "سياسة", "سيول", "ستار"}

IND = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
TANWEEN = str.maketrans("", "", "ًٌٍَُِّْ")


def norm(s):
    return s.translate(IND).translate(TANWEEN).replace("ـ", "")


def word_re(w):
    return re.compile(r"(?<!\w)(?:و|ف|ب|ل|وب|ول|فب)?" + re.escape(w) + r"(?!\w)")


def find_names(text, table):
    """Longest-first whole-word matches -> list of (pos, value, name)."""
    out = []
    t = text
    for name in sorted(table, key=len, reverse=True):
        for m in word_re(name).finditer(t):
            out.append((m.start(), table[name], name))
            t = t[:m.start()] + " " * (m.end() - m.start()) + t[m.end():]
    return sorted(out)


def has_word(text, words):
    return any(word_re(w).search(text) for w in words)


def monday(d):
    return d - dt.timedelta(days=d.weekday())


def shift_month(y, m, k):
    i = y * 12 + m - 1 + k
    return i // 12, i % 12 + 1


class Bad(Exception):
    """A date that cannot exist -> null + flag."""

    def __init__(self, flag, grain="day"):
        super().__init__(flag)
        self.flag, self.grain = flag, grain


# --------------------------------------------------------------------------
# readers
# --------------------------------------------------------------------------
def nearest_year(pub, m, d):
    cands = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            c = dt.date(y, m, d)
        except ValueError:
            continue
        cands.append((abs((c - pub).days), c))
    if not cands:
        raise Bad("impossible")
    return min(cands)[1]


def read_numeric(e):
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", e)
    if m:
        y, mo, d = map(int, m.groups())
    else:
        m = re.fullmatch(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{2}|\d{4})", e)
        if not m:
            return None
        d, mo, y = int(m.group(1)), int(m.group(3)), m.group(4)
        if len(y) == 2:
            raise Bad("ambiguous_year")
        y = int(y)
    try:
        return ("day", dt.date(y, mo, d).isoformat())
    except ValueError:
        raise Bad("impossible")


def read_calendar(expr, pub, weekday_check=True):
    """Gregorian day/month/year phrases (any dialect, paired, Arabic-Indic)."""
    e = norm(expr).strip()
    num = read_numeric(e)
    if num:
        return num
    if re.search(r"(?<!\w)(?:العام|السنة) (?:الجاري|الحالي)", e):
        return ("year", f"{pub.year:04d}")
    months = find_names(e, MONTHS)
    ms = {m for _, m, _ in months}
    if len(ms) > 1:
        raise ValueError(f"two different months in {expr!r}")
    mo = ms.pop() if ms else None
    rest = e
    for name in sorted(MONTHS, key=len, reverse=True):
        rest = rest.replace(name, " ")
    nums = [int(x) for x in re.findall(r"\d+", rest)]
    years = [n for n in nums if n >= 100]
    days = [n for n in nums if n < 100]
    year = years[0] if years else None
    day = days[0] if days else None
    if day is not None and mo is None:
        raise ValueError(f"day without month in {expr!r}")
    if day is not None:
        if year is None:
            if not (1 <= day <= 31):
                raise Bad("impossible")
            try:
                dt.date(2024, mo, day)  # valid in a leap year at least
            except ValueError:
                raise Bad("impossible")
            d = nearest_year(pub, mo, day)
        else:
            try:
                d = dt.date(year, mo, day)
            except ValueError:
                raise Bad("impossible")
        wds = find_names(e, WEEKDAYS)
        if weekday_check and wds and wds[0][1] != d.weekday():
            raise ValueError(f"weekday does not match date in {expr!r}")
        return ("day", d.isoformat())
    if mo is not None:
        if year is not None:
            return ("month", f"{year:04d}-{mo:02d}")
        if has_word(e, PAST):
            y = pub.year if mo < pub.month else pub.year - 1
        elif has_word(e, NEXT):
            y = pub.year if mo > pub.month else pub.year + 1
        else:
            y = pub.year
        return ("month", f"{y:04d}-{mo:02d}")
    if year is not None:
        return ("year", f"{year:04d}")
    return None


def read_hijri(expr):
    e = norm(expr)
    if not re.search(r"(هـ|ه|للهجرة|هجري)\s*$", e):
        raise ValueError(f"no Hijri suffix in {expr!r}")
    hm = find_names(e, HMONTHS)
    if len(hm) != 1:
        raise ValueError(f"Hijri month not found in {expr!r}")
    nums = [int(x) for x in re.findall(r"\d+", e)]
    year = [n for n in nums if n > 1000][0]
    day = [n for n in nums if n <= 30]
    if Hijri is None:
        return None
    if day:
        g = Hijri(year, hm[0][1], day[0]).to_gregorian()
        return ("day", dt.date(g.year, g.month, g.day).isoformat())
    g = Hijri(year, hm[0][1], 15).to_gregorian()
    return ("month", f"{g.year:04d}-{g.month:02d}")


def read_decade(expr):
    e = norm(expr)
    for stem, n in DECADES:
        if stem in e:
            century = 2000 if ("القرن الحالي" in e or "الحادي والعشرين" in e) else 1900
            return ("decade", f"{century + n:04d}")
    return None


def read_range(expr, pub):
    e = norm(expr)
    parts = re.split(r"\s+(?:إلى|حتى)\s+|\s+و(?=\S)", e, maxsplit=1)
    if len(parts) != 2:
        raise ValueError(f"no range connector in {expr!r}")
    left = re.sub(r"^(?:من|بين)\s+(?:عامي\s+|سنتي\s+)?", "", parts[0].strip())
    right = parts[1].strip()
    left_months = find_names(left, MONTHS)
    right_months = find_names(right, MONTHS)
    rnums = [int(x) for x in re.findall(r"\d+", right)]
    ryear = next((n for n in rnums if n > 31), None)
    lnums = [int(x) for x in re.findall(r"\d+", left)]
    lyear = next((n for n in lnums if n > 31), None)
    lday = next((n for n in lnums if n <= 31), None)
    rday = next((n for n in rnums if n <= 31), None)
    rmo = right_months[0][1] if right_months else None
    lmo = left_months[0][1] if left_months else rmo
    if rmo is None and lmo is None:  # year range
        return ("year", f"{lyear:04d}", f"{ryear:04d}")
    if rday is None:  # month range
        ly = lyear or (ryear if lmo <= rmo else ryear - 1)
        return ("month", f"{ly:04d}-{lmo:02d}", f"{ryear:04d}-{rmo:02d}")
    if ryear is None:  # day range without a year: resolve the start, keep order
        start = nearest_year(pub, lmo, lday)
        end = dt.date(start.year if (rmo, rday) >= (lmo, lday) else start.year + 1, rmo, rday)
        return ("day", start.isoformat(), end.isoformat())
    ly = lyear or (ryear if lmo <= rmo else ryear - 1)
    return ("day", dt.date(ly, lmo, lday).isoformat(), dt.date(ryear, rmo, rday).isoformat())


def read_relative_day(expr, pub):
    e = norm(expr)
    if "بعد غد" in e:
        k = 2
    elif "أول من أمس" in e or "أول أمس" in e:
        k = -2
    elif "أمس" in e:
        k = -1
    elif re.search(r"(?<!\w)غدا(?!\w)", e):
        k = 1
    elif "اليوم" in e:
        k = 0
    else:
        return None
    d = pub + dt.timedelta(days=k)
    wds = find_names(e, WEEKDAYS)
    if wds and wds[0][1] != d.weekday():
        raise ValueError(f"weekday in {expr!r} disagrees with {d} ({pub} published)")
    return ("day", d.isoformat())


def is_future(ctx):
    c = norm(ctx)
    if any(m in c for m in FUTURE_MARKERS):
        return True
    return any(w.lstrip("وف") not in NOT_FUTURE for w in FUTURE_VERB.findall(c))


def read_weekday(expr, ctx, pub):
    e = norm(expr)
    wds = find_names(e, WEEKDAYS)
    if len(wds) != 1:
        return None
    w = wds[0][1]
    if has_word(e, PAST):
        direction = -1
    elif has_word(e, NEXT):
        direction = 1
    else:
        direction = 1 if is_future(ctx) else -1
    d = pub + dt.timedelta(days=direction)
    while d.weekday() != w:
        d += dt.timedelta(days=direction)
    return ("day", d.isoformat())


def read_period(expr, pub):
    e = norm(expr)
    if has_word(e, PAST):
        k = -1
    elif has_word(e, NEXT):
        k = 1
    elif has_word(e, CURR) or e.startswith("هذا") or e.startswith("هذه"):
        k = 0
    else:
        return None
    if "الأسبوع" in e:
        return ("week", (monday(pub) + dt.timedelta(weeks=k)).isoformat())
    if "الشهر" in e:
        y, m = shift_month(pub.year, pub.month, k)
        return ("month", f"{y:04d}-{m:02d}")
    if "العام" in e or "السنة" in e:
        return ("year", f"{pub.year + k:04d}")
    return None


UNITS = [  # (regex, unit, implied count)
    (r"يومين", "day", 2), (r"أسبوعين", "week", 2), (r"شهرين", "month", 2),
    (r"عامين|سنتين", "year", 2),
    (r"أيام|يوما|يوم", "day", 1), (r"أسابيع|أسبوعا|أسبوع", "week", 1),
    (r"أشهر|شهور|شهرا|شهر", "month", 1), (r"أعوام|عاما|عام|سنوات|سنة", "year", 1),
]


def read_ago(expr, pub):
    e = norm(expr)
    m = re.match(r"(منذ|قبل|بعد)\s+(.*)$", e)
    if not m:
        return None
    sign = 1 if m.group(1) == "بعد" else -1
    rest = m.group(2)
    unit = implied = None
    for rx, u, k in UNITS:
        if re.search(r"(?<!\w)" + rx + r"(?!\w)", rest):
            unit, implied = u, k
            break
    if unit is None:
        return None
    digits = re.findall(r"\d+", rest)
    if digits:
        n = int(digits[0])
    else:
        n = None
        for w in sorted(NUMW, key=len, reverse=True):
            if re.search(r"(?<!\w)" + w + r"(?!\w)", rest):
                n = NUMW[w]
                break
        if n is None:
            n = implied
    k = sign * n
    if unit == "day":
        return ("day", (pub + dt.timedelta(days=k)).isoformat())
    if unit == "week":
        return ("week", monday(pub + dt.timedelta(weeks=k)).isoformat())
    if unit == "month":
        y, mo = shift_month(pub.year, pub.month, k)
        return ("month", f"{y:04d}-{mo:02d}")
    return ("year", f"{pub.year + k:04d}")


def derive(row):
    """-> dict(value, grain, [end], [flag])"""
    pub = dt.date.fromisoformat(row["published"])
    expr, ctx, form = row["expr"], row["context"], row["form"]
    try:
        if form == "hijri":
            r = read_hijri(expr)
        elif form == "decade":
            r = read_decade(expr)
        elif form == "range":
            g, a, b = read_range(expr, pub)
            return {"value": a, "end": b, "grain": g}
        elif form == "today_yesterday_tomorrow":
            r = read_relative_day(expr, pub)
        elif form == "weekday_relative":
            r = read_weekday(expr, ctx, pub)
        elif form == "week_month_year_relative":
            r = read_period(expr, pub)
        elif form == "ago_after_n":
            r = read_ago(expr, pub)
        else:
            r = read_calendar(expr, pub)
    except Bad as b:
        return {"value": None, "grain": b.grain, "flag": b.flag}
    if r is None:
        return None
    out = {"grain": r[0], "value": r[1]}
    if r[0] in ("day", "month", "year") and int(r[1][:4]) > pub.year + 50:
        out["flag"] = "out_of_era"
    return out


# --------------------------------------------------------------------------
# lint: a second date-like expression in the context
# --------------------------------------------------------------------------
LINT_WORDS = (list(MONTHS) + list(HMONTHS) + list(WEEKDAYS) +
              ["اليوم", "أمس", "غدا", "العام", "السنة", "الشهر", "الأسبوع", "عام", "سنة",
               "أيام", "يومين", "أسبوع", "أسابيع", "أسبوعين", "أشهر", "شهور", "شهرين",
               "سنوات", "أعوام", "عامين", "سنتين", "عاما", "يوما", "شهرا",
               "مطلع", "منتصف", "أواخر", "أوائل", "هجري", "للهجرة"] + list(PAST) + list(NEXT) + list(CURR))


def lint(row):
    ctx = norm(row["context"]).replace(norm(row["expr"]), " § ")
    hits = [w for w in LINT_WORDS if word_re(norm(w)).search(ctx)]
    hits += re.findall(r"(?<!\d)(?:1[89]\d\d|20\d\d)(?!\d)", ctx)
    hits += [s for s, _ in DECADES if s in ctx]
    return hits


# --------------------------------------------------------------------------
def main():
    errors, warnings = [], []
    rows = [json.loads(l) for l in open(PATH, encoding="utf-8") if l.strip()]
    keys_req = {"id", "form", "published", "context", "expr", "value", "grain", "split"}
    ids = set()
    for n, r in enumerate(rows, 1):
        rid = r.get("id", f"line{n}")

        def err(msg):
            errors.append(f"{rid}: {msg}")

        extra = set(r) - keys_req - {"end", "flag"}
        if keys_req - set(r) or extra:
            err(f"bad keys {sorted(set(r) ^ keys_req)}")
            continue
        if rid in ids or not re.fullmatch(r"d\d{3}", rid):
            err("bad or duplicate id")
        ids.add(rid)
        if r["form"] not in MIN_COUNTS:
            err(f"unknown form {r['form']}")
        if r["split"] not in ("dev", "test"):
            err("bad split")
        pub = dt.date.fromisoformat(r["published"])
        if not (dt.date(2019, 1, 1) <= pub <= dt.date(2026, 12, 31)):
            err("published outside 2019-2026")
        c = r["context"].count(r["expr"])
        if c != 1:
            err(f"expr occurs {c} times in context")
        if len(re.findall(r"[.!؟?]", re.sub(r"\d\.\d", "", r["context"]))) > 2:
            err("more than two sentences")
        g = r["grain"]
        fmt = {"day": r"\d{4}-\d\d-\d\d", "week": r"\d{4}-\d\d-\d\d", "month": r"\d{4}-\d\d",
               "year": r"\d{4}", "decade": r"\d{3}0"}.get(g)
        if fmt is None:
            err(f"bad grain {g}")
            continue
        flag = r.get("flag")
        if flag not in (None, "impossible", "ambiguous_year", "out_of_era"):
            err(f"bad flag {flag}")
        if r["value"] is None:
            if flag not in ("impossible", "ambiguous_year"):
                err("null value without impossible/ambiguous_year flag")
        else:
            if flag in ("impossible", "ambiguous_year"):
                err("flagged impossible/ambiguous but has a value")
            for v in [r["value"]] + ([r["end"]] if "end" in r else []):
                if not re.fullmatch(fmt, v):
                    err(f"value {v} does not fit grain {g}")
                elif g in ("day", "week"):
                    dt.date.fromisoformat(v)
            if g == "week" and dt.date.fromisoformat(r["value"]).weekday() != 0:
                err("week value is not a Monday")
        if ("end" in r) != (r["form"] == "range"):
            err("end present iff form == range")
        if "end" in r and not r["end"] > r["value"]:
            err("end not after value")
        if flag and r["form"] != "bad_input":
            err("flag outside bad_input")
        # independent re-derivation
        d = derive(r)
        if d is None:
            if r["form"] == "hijri" and Hijri is None:
                warnings.append(f"{rid}: hijri not re-derived (hijridate missing)")
            else:
                err(f"checker could not read {r['expr']!r}")
        else:
            got = {k: r.get(k) for k in ("value", "end", "grain", "flag")}
            want = {k: d.get(k) for k in ("value", "end", "grain", "flag")}
            if got != want:
                err(f"label {got} != re-derived {want} for {r['expr']!r} (published {pub})")
        for h in lint(r):
            warnings.append(f"{rid}: context has other date-like token {h!r}")

    by_form = collections.OrderedDict()
    for r in rows:
        by_form.setdefault(r["form"], collections.Counter())[r["split"]] += 1
    print(f"{'form':28s} {'dev':>4s} {'test':>5s} {'total':>6s} {'min':>4s}")
    for f, cnt in by_form.items():
        tot = cnt["dev"] + cnt["test"]
        print(f"{f:28s} {cnt['dev']:4d} {cnt['test']:5d} {tot:6d} {MIN_COUNTS.get(f, 0):4d}")
        if tot < MIN_COUNTS.get(f, 0):
            errors.append(f"{f}: {tot} < {MIN_COUNTS[f]}")
        if not (0.3 <= cnt["test"] / tot <= 0.5):
            errors.append(f"{f}: test share {cnt['test'] / tot:.2f} out of 0.3-0.5")
    for f in MIN_COUNTS:
        if f not in by_form:
            errors.append(f"missing form {f}")
    tot = collections.Counter(r["split"] for r in rows)
    print(f"{'TOTAL':28s} {tot['dev']:4d} {tot['test']:5d} {len(rows):6d}")
    years = collections.Counter(r["published"][:4] for r in rows)
    wdays = collections.Counter(dt.date.fromisoformat(r["published"]).strftime("%a") for r in rows)
    print("published years:", dict(sorted(years.items())))
    print("published weekdays:", dict(wdays))
    if len(rows) < 340:
        errors.append(f"only {len(rows)} rows")
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(rows)} rows, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
