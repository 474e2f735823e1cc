"""Detection and reading quality of the figure extractor on the hand-written set in this folder.

    .venv/bin/python eval/figures/evaluate.py [--split dev|test|all] [--errors] [--no-dates]

A predicted figure matches a labelled one when their spans overlap and their values are
equal (pairs are made one-to-one, in text order). Over the matches it reports how often
the unit, the approximation word and the range's low end agree with the label. Value
accuracy is measured over span-overlapping pairs (whatever their value): of the labelled
figures the extractor found at the right place, the share it read the right number for.
By default the article's dates (rasid.extract.dates, no publication date) are passed to
the extractor, as the pipeline does; `--no-dates` measures the extractor alone.
"""
from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from rasid.extract.dates import extract_dates
from rasid.extract.figures import extract_figures
from rasid.model import Span

HERE = Path(__file__).resolve().parent
DATA = HERE / "figures.jsonl"


def load(path: Path = DATA, split: str = "all") -> list[dict]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if split != "all" and item.get("split") != split:
            continue
        pos = 0
        for fig in item["figures"]:  # labelled texts are located in order, left to right
            at = item["text"].find(fig["text"], pos)
            if at < 0:
                raise ValueError(f"{item['id']}: {fig['text']!r} is not in the text after offset {pos}")
            fig["span"] = Span(at, at + len(fig["text"]))
            pos = at + len(fig["text"])
        items.append(item)
    return items


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _pairs(gold: list[dict], found: list, need_value: bool) -> list[tuple[dict, object]]:
    pairs, used = [], set()
    for g in gold:
        for k, f in enumerate(found):
            if k in used or not _overlap(g["span"], f.span):
                continue
            if need_value and not _same(g["value"], f.value):
                continue
            pairs.append((g, f))
            used.add(k)
            break
    return pairs


def evaluate(split: str = "all", show_errors: bool = False, use_dates: bool = True,
             path: Path = DATA) -> dict:
    items = load(path, split)
    tp = n_gold = n_found = 0
    overlap = value_ok = 0
    unit_ok = approx_ok = low_ok = 0
    errors: list[str] = []
    for item in items:
        text = item["text"]
        dates = extract_dates(text, None) if use_dates else ()
        found = extract_figures(text, dates)
        gold = item["figures"]
        n_gold += len(gold)
        n_found += len(found)
        near = _pairs(gold, found, need_value=False)
        overlap += len(near)
        value_ok += sum(_same(g["value"], f.value) and _same(g.get("low"), f.low) for g, f in near)
        matched = _pairs(gold, found, need_value=True)
        tp += len(matched)
        for g, f in matched:
            u = g["unit"] == f.unit
            a = g["approx"] == f.approx
            lo = _same(g.get("low"), f.low)
            unit_ok += u
            approx_ok += a
            low_ok += lo
            if not (u and a and lo):
                errors.append(f"  {item['id']} READ  {g['text']!r}: want unit={g['unit']} approx={g['approx']}"
                              f" low={g.get('low')}; got unit={f.unit} approx={f.approx} low={f.low}"
                              f" about={f.about!r}")
        got = {id(f) for _, f in matched}
        have = {id(g) for g, _ in matched}
        for g in gold:
            if id(g) not in have:
                said = [f"{f.text!r}={f.value:g}" for f in found if _overlap(f.span, g["span"])]
                errors.append(f"  {item['id']} MISS  {g['text']!r}={g['value']:g}"
                              + (f" (found {', '.join(said)})" if said else "") + f"  | {text}")
        for f in found:
            if id(f) not in got:
                errors.append(f"  {item['id']} EXTRA {f.text!r}={f.value:g} unit={f.unit}  | {text}")
    precision = tp / n_found if n_found else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    if show_errors:
        print("\n".join(errors))
    return {
        "sentences": len(items), "figures": n_gold, "found": n_found, "matched": tp,
        "precision": precision, "recall": recall, "f1": f1,
        "value_accuracy": value_ok / overlap if overlap else 0.0,
        "unit_accuracy": unit_ok / tp if tp else 0.0,
        "approx_accuracy": approx_ok / tp if tp else 0.0,
        "low_accuracy": low_ok / tp if tp else 0.0,
        "dates": use_dates, "split": split,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--errors", action="store_true", help="list every miss, extra and misread figure")
    parser.add_argument("--no-dates", action="store_true", help="do not pass the article's dates")
    args = parser.parse_args(argv)
    r = evaluate(args.split, show_errors=args.errors, use_dates=not args.no_dates)
    print(f"figures [{r['split']}]: {r['sentences']} sentences, {r['figures']} labelled, {r['found']} found, "
          f"{r['matched']} matched (dates {'given' if r['dates'] else 'not given'})")
    print(f"  detection  precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}")
    print(f"  reading    value {r['value_accuracy']:.3f}  unit {r['unit_accuracy']:.3f}  "
          f"approx {r['approx_accuracy']:.3f}  range low {r['low_accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
