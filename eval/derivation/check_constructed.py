#!/usr/bin/env python3
"""Validate eval/derivation/constructed.jsonl and print its counts.

Usage: .venv/bin/python eval/derivation/check_constructed.py [path/to/constructed.jsonl]

Checks (any failure -> exit status 1)
  * every line is a JSON object with exactly the documented keys and value types;
  * ids are "c-" + 3 digits and unique;
  * kind is copy / rewrite / translation / none; derived_from is null exactly for
    "none" and otherwise equals basis;
  * basis and derived_from name an article of the demo corpus (articles.jsonl ids, or
    the keys of labels.json `articles` for the .txt/.html/feed items), and basis is
    an origin there (labels.json `origin: true`);
  * event: a demo event (E1-E7) must be the basis's event; any other event id is a
    new invented event and is allowed only for kind "none";
  * lang is "ar" or "en" and agrees with py3langid's classification of title + text;
    copies and rewrites are in the basis's language, translations in the other one;
  * mt_style is a bool, and true only on Arabic rewrites/translations;
  * published is ISO 8601 with a UTC offset, and a derived item is not published
    before its source (compared as instants, so offsets matter);
  * title, outlet, note are non-empty; text paragraphs are separated by one blank line,
    none empty, none with leading/trailing spaces, no \\r.
It also prints, for information, counts per kind / language / event and how much of
each same-language item's word 3-grams also occur in its basis (containment).
The demo corpus is read through rasid.resources when rasid is importable, otherwise
from src/rasid/resources/demo relative to this file.
"""
import collections
import datetime as dt
import json
import os
import re
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "constructed.jsonl")
KEYS = ["id", "lang", "outlet", "published", "title", "text", "event", "kind",
        "derived_from", "basis", "mt_style", "cites_source", "note"]
KINDS = ("copy", "rewrite", "translation", "none")
EXPECTED = {"copy": 12, "rewrite": 16, "translation": 14, "none": 20}  # as built; warn only
ID_RE = re.compile(r"^c-\d{3}$")
EVENT_RE = re.compile(r"^E\d+$")


def demo_dir():
    try:
        from rasid.resources import resource_path
        return str(resource_path("demo"))
    except Exception:  # rasid not importable: fall back to the source tree
        return os.path.join(HERE, "..", "..", "src", "rasid", "resources", "demo")


def load_demo():
    d = demo_dir()
    with open(os.path.join(d, "labels.json"), encoding="utf-8") as f:
        labels = json.load(f)
    articles = {}
    with open(os.path.join(d, "corpus", "articles.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                articles[a["id"]] = a
    return labels, articles


def parse_time(s):
    if not isinstance(s, str):
        return None
    try:
        t = dt.datetime.fromisoformat(s)
    except ValueError:
        return None
    return t if t.tzinfo is not None else None


_AR_DIAC = re.compile(r"[\u064B-\u0652\u0640\u200b\u200c]")


def tokens(text):
    text = _AR_DIAC.sub("", text.lower())
    text = re.sub(r"[أإآ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    return re.findall(r"\w+", text)


def containment(a, b, n=3):
    """Share of a's word n-grams that also occur in b."""
    ta, tb = tokens(a), tokens(b)
    ga = {tuple(ta[i:i + n]) for i in range(len(ta) - n + 1)}
    gb = {tuple(tb[i:i + n]) for i in range(len(tb) - n + 1)}
    return len(ga & gb) / len(ga) if ga else 0.0


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    labels, demo = load_demo()
    lab_articles = labels["articles"]
    demo_events = {e["id"] for e in labels["events"]}
    known_ids = set(demo) | set(lab_articles)

    try:
        import py3langid
    except ImportError:
        py3langid = None

    errors, warnings, recs = [], [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {n}: invalid JSON ({e})")
                continue
            if not isinstance(r, dict) or list(r) != KEYS:
                errors.append(f"line {n}: keys must be exactly {KEYS} in that order, "
                              f"got {list(r) if isinstance(r, dict) else type(r).__name__}")
                continue
            recs.append(r)

    ids = collections.Counter(r["id"] for r in recs)
    for i, c in ids.items():
        if c > 1:
            errors.append(f"{i}: id used {c} times")

    for r in recs:
        rid = r["id"]
        err = lambda msg: errors.append(f"{rid}: {msg}")  # noqa: E731
        if not isinstance(rid, str) or not ID_RE.match(rid):
            err("bad id")
        for k in ("outlet", "title", "text", "note"):
            if not isinstance(r[k], str) or not r[k].strip():
                err(f"{k} must be a non-empty string")
        for k in ("mt_style", "cites_source"):
            if not isinstance(r[k], bool):
                err(f"{k} must be a bool")
        if r["kind"] not in KINDS:
            err(f"bad kind {r['kind']!r}")
            continue
        if r["lang"] not in ("ar", "en"):
            err(f"bad lang {r['lang']!r}")

        # --- text layout
        text = r["text"] if isinstance(r["text"], str) else ""
        if "\r" in text:
            err("text contains \\r")
        for j, p in enumerate(text.split("\n\n")):
            if not p.strip():
                err(f"paragraph {j} is empty (paragraphs must be split by exactly one blank line)")
            elif p != p.strip():
                err(f"paragraph {j} has leading/trailing whitespace")

        # --- basis / derived_from
        basis, src = r["basis"], r["derived_from"]
        if basis not in known_ids:
            err(f"basis {basis!r} is not a demo article")
            continue
        if not lab_articles.get(basis, {}).get("origin"):
            err(f"basis {basis} is not an origin in labels.json")
        if r["kind"] == "none":
            if src is not None:
                err("derived_from must be null for kind none")
            if r["cites_source"]:
                err("cites_source is true on an independent item")
        else:
            if src not in known_ids:
                err(f"derived_from {src!r} is not a demo article")
                continue
            if src != basis:
                err(f"derived_from {src} differs from basis {basis}")

        # --- event
        bev = lab_articles[basis]["event"]
        if not isinstance(r["event"], str) or not EVENT_RE.match(r["event"]):
            err(f"bad event {r['event']!r}")
        elif r["event"] in demo_events:
            if r["event"] != bev:
                err(f"event {r['event']} but basis {basis} is in {bev}")
        elif r["kind"] != "none":
            err(f"new event {r['event']} on a derived item")

        # --- language
        blang = lab_articles[basis]["lang"]
        if r["kind"] in ("copy", "rewrite") and r["lang"] != blang:
            err(f"{r['kind']} in {r['lang']} but basis is {blang}")
        if r["kind"] == "translation" and r["lang"] == blang:
            err(f"translation in the basis's own language ({blang})")
        if py3langid is not None:
            guess = py3langid.classify(r["title"] + "\n" + text)[0]
            if guess != r["lang"]:
                err(f"lang {r['lang']} but py3langid says {guess}")
        if r["mt_style"] and not (r["lang"] == "ar" and r["kind"] in ("rewrite", "translation")):
            err("mt_style only on Arabic rewrites/translations")

        # --- time
        t = parse_time(r["published"])
        if t is None:
            err(f"published {r['published']!r} is not ISO 8601 with an offset")
        elif r["kind"] != "none":
            st = parse_time(demo.get(src, {}).get("published"))
            if st is None:
                warnings.append(f"{rid}: source {src} has no publication time; order not checked")
            elif t < st:
                err(f"published {r['published']} before its source {src} ({demo[src]['published']})")

    if py3langid is None:
        warnings.append("py3langid not installed: language not checked")

    # ---- counts
    kinds = collections.Counter(r["kind"] for r in recs)
    for k, want in EXPECTED.items():
        if kinds.get(k, 0) != want:
            warnings.append(f"{kinds.get(k, 0)} items of kind {k}, the set was built with {want}")

    print(f"{len(recs)} items in {os.path.relpath(path)}")
    print("\nper kind and language:")
    kl = collections.Counter((r["kind"], r["lang"]) for r in recs)
    for k in KINDS:
        sub = [r for r in recs if r["kind"] == k]
        print(f"  {k:12s} {len(sub):3d}   ar {kl[(k, 'ar')]:3d}   en {kl[(k, 'en')]:3d}"
              f"   mt_style {sum(r['mt_style'] for r in sub):2d}"
              f"   cites_source {sum(r['cites_source'] for r in sub):2d}")
    tr = [r for r in recs if r["kind"] == "translation"]
    print(f"  translations ar->en {sum(r['lang'] == 'en' for r in tr)}, "
          f"en->ar {sum(r['lang'] == 'ar' for r in tr)}")
    rw = [r for r in recs if r["kind"] == "rewrite" and not r["mt_style"]]
    print(f"  style rewrites {len(rw)} (citing the source {sum(r['cites_source'] for r in rw)})")
    none = [r for r in recs if r["kind"] == "none"]
    new_ev = [r for r in none if r["event"] not in demo_events]
    print(f"  none: same event {len(none) - len(new_ev)}, different event {len(new_ev)}, "
          f"of which in English {sum(r['lang'] == 'en' for r in none)}")

    print("\nper event:")
    ev = collections.Counter(r["event"] for r in recs)
    for e in sorted(ev, key=lambda x: int(x[1:])):
        byk = collections.Counter(r["kind"] for r in recs if r["event"] == e)
        print(f"  {e:4s} {ev[e]:3d}  " + "  ".join(f"{k} {byk[k]}" for k in KINDS if byk[k]))

    print("\nword 3-gram containment in the basis (same-language items; information only):")
    for label, sel in [("copy", lambda r: r["kind"] == "copy"),
                       ("rewrite (style)", lambda r: r["kind"] == "rewrite" and not r["mt_style"]),
                       ("rewrite (mt_style)", lambda r: r["kind"] == "rewrite" and r["mt_style"]),
                       ("none, same lang", lambda r: r["kind"] == "none")]:
        vals = []
        for r in recs:
            b = demo.get(r["basis"])
            if sel(r) and b is not None and r["lang"] == lab_articles[r["basis"]]["lang"]:
                vals.append(containment(r["text"], b["text"]))
        if vals:
            print(f"  {label:20s} n={len(vals):2d}  min {min(vals):.2f}  "
                  f"mean {statistics.mean(vals):.2f}  max {max(vals):.2f}")

    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"\n{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
