"""Plot geometry for the web UI, computed here and drawn as inline SVG by the templates.

Pure functions over plain values: no plotting library, no JavaScript, nothing a
browser must fetch. Coordinates are in a fixed viewBox the template scales.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

WIDTH, HEIGHT = 600, 120
MAX_DAYS = 120   # longer spans are drawn by week


def _span(days: list[date]) -> tuple[date, int, int]:
    """First day, number of buckets and bucket size in days for the given days."""
    first, last = min(days), max(days)
    n = (last - first).days + 1
    step = 1 if n <= MAX_DAYS else 7
    return first, (n + step - 1) // step, step


def daily_bars(published: Iterable[str | None]) -> dict:
    """Articles per day (per week over long spans) as bars: {"bars": [{x, y, w, h, day, n}],
    "first", "last", "max", "step"}; empty when no article has a date."""
    days = [date.fromisoformat(p) for p in published if p]
    if not days:
        return {"bars": [], "first": None, "last": None, "max": 0, "step": 1}
    first, buckets, step = _span(days)
    counts = Counter((d - first).days // step for d in days)
    top = max(counts.values())
    w = WIDTH / buckets
    bars = []
    for b, n in sorted(counts.items()):
        h = (HEIGHT - 20) * n / top
        bars.append({"x": round(b * w, 2), "y": round(HEIGHT - 14 - h, 2), "w": round(max(w - 1, 1), 2),
                     "h": round(h, 2), "day": (first + timedelta(days=b * step)).isoformat(), "n": n})
    return {"bars": bars, "first": min(days).isoformat(), "last": max(days).isoformat(),
            "max": top, "step": step}


def coverage_grid(items: Iterable[tuple[str | None, str | None]], max_outlets: int = 12) -> dict:
    """Coverage by outlet over time: one row per outlet, a dot per day it published, sized
    by how many articles. {"rows": [{"outlet", "y", "dots": [{cx, cy, r, day, n}]}], ...}"""
    pairs = [(o or "?", date.fromisoformat(p)) for o, p in items if p]
    if not pairs:
        return {"rows": [], "height": 0, "first": None, "last": None}
    first, buckets, step = _span([d for _, d in pairs])
    per_outlet = Counter(o for o, _ in pairs)
    outlets = [o for o, _ in per_outlet.most_common(max_outlets)]
    cells = Counter((o, (d - first).days // step) for o, d in pairs if o in outlets)
    top = max(cells.values())
    row_h, label_w = 22, 150
    w = (WIDTH - label_w) / max(buckets, 1)
    rows = []
    for i, o in enumerate(outlets):
        y = i * row_h + row_h / 2
        dots = [{"cx": round(label_w + (b + 0.5) * w, 2), "cy": y, "r": round(3 + 5 * n / top, 2),
                 "day": (first + timedelta(days=b * step)).isoformat(), "n": n}
                for (oo, b), n in sorted(cells.items(), key=lambda kv: kv[0][1]) if oo == o]
        rows.append({"outlet": o, "y": y, "dots": dots})
    return {"rows": rows, "height": len(outlets) * row_h, "label_width": label_w,
            "first": min(d for _, d in pairs).isoformat(), "last": max(d for _, d in pairs).isoformat()}
