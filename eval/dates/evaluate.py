"""Exact-match accuracy of the date resolver on the labelled expressions in this folder.

    .venv/bin/python eval/dates/evaluate.py [--split dev|test|all] [--errors] [--demo] [--timeml]

An item is right when the resolver finds a date expression overlapping the
labelled one and gives the same value, grain and range end (and, for bad
input, raises the labelled flag). A missed expression counts as wrong.
Prints accuracy overall and per form. `--timeml` also reports detection recall
on ../shared/data/arabic_timeml_unverified (spans only: its values are not gold).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from rasid.extract.dates import extract_dates

HERE = Path(__file__).resolve().parent
TIMEML = HERE.parents[1].parent / "shared" / "data" / "arabic_timeml_unverified"


def load(split: str = "all") -> list[dict]:
    items = [json.loads(line) for line in (HERE / "expressions.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    return [it for it in items if split == "all" or it.get("split") == split]


def judge(item: dict) -> tuple[bool, str]:
    """(right?, what the resolver said) for one labelled expression."""
    context, expr = item["context"], item["expr"]
    start = context.index(expr)
    end = start + len(expr)
    found = [d for d in extract_dates(context, date.fromisoformat(item["published"]))
             if d.span.start < end and start < d.span.end]
    if not found:
        return False, "missed"
    d = found[0]
    said = f"{d.text!r} -> {d.value} {d.grain} end={d.end} flags={list(d.flags)}"
    flag = item.get("flag")
    if flag:
        ok = flag in d.flags and (d.value == item.get("value"))
        return ok, said
    ok = (d.value == item["value"] and d.grain == item["grain"]
          and (d.end or None) == (item.get("end") or None))
    return ok, said


def evaluate(split: str = "all", show_errors: bool = False) -> dict:
    items = load(split)
    right = Counter()
    total = Counter()
    errors = []
    for it in items:
        ok, said = judge(it)
        total[it["form"]] += 1
        right[it["form"]] += ok
        if not ok:
            errors.append((it, said))
    if show_errors:
        for it, said in errors:
            print(f"  {it['id']} [{it['form']}] {it['expr']!r} @ {it['published']}: want "
                  f"{it.get('value')} {it.get('grain')} end={it.get('end')} flag={it.get('flag')}; got {said}")
    n, k = sum(total.values()), sum(right.values())
    return {"split": split, "items": n, "accuracy": k / n if n else 0.0,
            "per_form": {f: (right[f], total[f]) for f in sorted(total)}}


def timeml_detection() -> dict | None:
    """Share of TIMEX3 DATE spans that overlap a span the resolver finds."""
    if not TIMEML.is_dir():
        return None
    found = total = 0
    for path in sorted(TIMEML.glob("*.tml")):
        raw = path.read_text(encoding="utf-8").replace("\ufeff", "")
        body = re.sub(r"<\?xml.*?>|<!DOCTYPE.*?>|<(?!/?TIMEX3)[^>]*>", "", raw, flags=re.S)
        text, spans, pos = "", [], 0
        for m in re.finditer(r'<TIMEX3[^>]*type="(\w+)"[^>]*>(.*?)</TIMEX3>', body, re.S):
            text += body[pos:m.start()]
            if m.group(1) == "DATE":
                spans.append((len(text), len(text) + len(m.group(2))))
            text += m.group(2)
            pos = m.end()
        text += body[pos:]
        dates = extract_dates(text, date(2015, 12, 20))
        for s, e in spans:
            total += 1
            found += any(d.span.start < e and s < d.span.end for d in dates)
    return {"date_spans": total, "detected": found, "recall": found / total if total else 0.0}


def demo_labels() -> dict:
    """Accuracy on the dates labelled in the bundled demo corpus, ingested end to end
    (so relative dates in articles without metadata depend on publication inference)."""
    import tempfile
    from rasid.config import Settings
    from rasid.pipeline import ingest
    from rasid.resources import demo_label_key, demo_labels, resource_path
    from rasid.store.sqlite import SQLiteStore
    from rasid.text.script import strip_invisible

    labels = demo_labels()
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "demo.db")
        ingest([str(resource_path("demo/corpus"))], store, Settings(progress="never"), label="demo")
        by_key = {}
        for a in store.iter_articles():
            key = demo_label_key(a)
            by_key[key] = a
        store.close()
    right = total = 0
    for key, items in labels["dates"].items():
        a = by_key[key]
        for it in items:
            total += 1
            t = strip_invisible(it["text"])
            at = a.text.find(t)
            hit = [d for d in a.dates if at >= 0 and d.span.start < at + len(t) and at < d.span.end]
            right += bool(hit) and hit[0].value == it["value"] and hit[0].grain == it["grain"]
    return {"items": total, "right": right, "accuracy": right / total if total else 0.0}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="all", choices=("dev", "test", "all"))
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--timeml", action="store_true")
    ap.add_argument("--demo", action="store_true", help="also score the demo corpus's date labels")
    args = ap.parse_args()
    result = evaluate(args.split, args.errors)
    print(f"date resolution, split {result['split']}: {result['accuracy']:.1%} exact match "
          f"over {result['items']} expressions")
    for form, (k, n) in result["per_form"].items():
        print(f"  {form:28s} {k:3d}/{n:<3d} {k / n:6.1%}")
    if args.demo:
        d = demo_labels()
        print(f"demo corpus date labels (end to end): {d['right']}/{d['items']} ({d['accuracy']:.1%})")
    if args.timeml:
        t = timeml_detection()
        if t:
            print(f"TimeML detection (spans only): {t['detected']}/{t['date_spans']} DATE spans "
                  f"found ({t['recall']:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
