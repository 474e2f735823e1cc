#!/usr/bin/env python3
"""Validate saudinewsnet_pairs.jsonl (hand-labelled "who copied whom" pairs) and print counts.

    python3 eval/derivation/check_pairs.py

Checks
  * every line is a JSON object with exactly the keys a, b, label, source, event_a, event_b, note;
  * label is copy, rewrite or none; source is null or equal to a or b (and null for none);
  * no self-pairs and no duplicate pairs (a/b order ignored);
  * every url occurs in the SaudiNewsNet corpus and in ../stories/saudinewsnet_events.jsonl,
    and event_a / event_b are the events given there;
  * notes are non-empty and contain no Arabic script (we keep no article text in the repo).
Prints counts per label, same-event vs cross-event pairs, events and threads covered, and the
word 3-gram containment range per label (overlap of the shorter text, read from the corpus).

The corpus is read from <repo root>/../shared/data/saudinewsnet/saudinewsnet.jsonl.gz (path
computed from this file). If it is absent the check is skipped with a message (exit 0).
Exits 1 if any check fails. Standard library only.
"""
import collections
import gzip
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PAIRS = HERE / "saudinewsnet_pairs.jsonl"
EVENTS = REPO / "eval" / "stories" / "saudinewsnet_events.jsonl"
CORPUS = REPO.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"

KEYS = {"a", "b", "label", "source", "event_a", "event_b", "note"}
LABELS = ("copy", "rewrite", "none")
ARABIC = re.compile("[\u0600-\u06ff]")
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")


def words(text):
    t = DIACRITICS.sub("", text)
    t = re.sub("[إأآا]", "ا", t).replace("ى", "ي").replace("ة", "ه")
    return re.findall(r"\w+", t)


def containment(x, y, n=3):
    gx = {tuple(x[i:i + n]) for i in range(len(x) - n + 1)}
    gy = {tuple(y[i:i + n]) for i in range(len(y) - n + 1)}
    if not gx or not gy:
        return 0.0
    return len(gx & gy) / min(len(gx), len(gy))


def main():
    if not CORPUS.exists():
        print(f"SKIP: SaudiNewsNet corpus not found at {CORPUS} "
              "(needs the shared data folder next to the repo); nothing checked.")
        return 0
    errors = []

    events = {}
    with open(EVENTS, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                events[r["url"]] = (r["event"], r["thread"])

    pairs = []
    with open(PAIRS, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                p = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {n}: invalid JSON ({e})")
                continue
            if not isinstance(p, dict) or set(p) != KEYS:
                errors.append(f"line {n}: keys must be exactly {sorted(KEYS)}")
                continue
            p["_line"] = n
            pairs.append(p)

    seen = {}
    for p in pairs:
        n, a, b = p["_line"], p["a"], p["b"]
        if p["label"] not in LABELS:
            errors.append(f"line {n}: bad label {p['label']!r}")
        if a == b:
            errors.append(f"line {n}: self-pair")
        key = frozenset((a, b))
        if key in seen:
            errors.append(f"line {n}: duplicate of line {seen[key]}")
        seen.setdefault(key, n)
        if p["source"] is not None and p["source"] not in (a, b):
            errors.append(f"line {n}: source is neither a nor b")
        if p["label"] == "none" and p["source"] is not None:
            errors.append(f"line {n}: a 'none' pair cannot have a source")
        for side in ("a", "b"):
            url = p[side]
            if url not in events:
                errors.append(f"line {n}: {side} not in saudinewsnet_events.jsonl: {url}")
            elif events[url][0] != p["event_" + side]:
                errors.append(f"line {n}: event_{side} is {p['event_' + side]}, "
                              f"events file says {events[url][0]}")
        if not isinstance(p["note"], str) or not p["note"].strip():
            errors.append(f"line {n}: empty note")
        elif ARABIC.search(p["note"]):
            errors.append(f"line {n}: note contains Arabic script (no article text allowed)")

    wanted = {p[s] for p in pairs for s in ("a", "b")}
    texts = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["url"] in wanted:
                texts[r["url"]] = r.get("content") or ""
    for url in sorted(wanted - set(texts)):
        errors.append(f"url not in corpus: {url}")

    # ---- counts
    by_label = collections.Counter(p["label"] for p in pairs)
    print(f"pairs: {len(pairs)}  " + "  ".join(f"{k}: {by_label[k]}" for k in LABELS))
    same = [p for p in pairs if p["event_a"] == p["event_b"]]
    cross = [p for p in pairs if p["event_a"] != p["event_b"]]
    print(f"same-event pairs: {len(same)} "
          f"({dict(collections.Counter(p['label'] for p in same))}); "
          f"cross-event pairs: {len(cross)} ({dict(collections.Counter(p['label'] for p in cross))})")
    same_thread = sum(1 for p in cross if p["a"] in events and p["b"] in events
                      and events[p["a"]][1] == events[p["b"]][1])
    print(f"cross-event pairs within one thread: {same_thread}")
    evs = {p[k] for p in pairs for k in ("event_a", "event_b")}
    threads = {events[p[s]][1] for p in pairs for s in ("a", "b") if p[s] in events}
    print(f"events covered: {len(evs)}  threads covered: {len(threads)}  "
          f"distinct articles: {len(wanted)}")
    print(f"pairs with a source (direction) given: {sum(p['source'] is not None for p in pairs)}")

    if texts:
        cont = collections.defaultdict(list)
        for p in pairs:
            if p["a"] in texts and p["b"] in texts:
                c = containment(words(texts[p["a"]]), words(texts[p["b"]]))
                cont[(p["label"], p["event_a"] == p["event_b"])].append(c)
        for (lab, is_same), cs in sorted(cont.items()):
            cs.sort()
            where = "same-event" if is_same else "cross-event"
            print(f"  3-gram containment {lab:7s} {where:11s}: n={len(cs):3d} "
                  f"min {cs[0]:.2f} median {cs[len(cs) // 2]:.2f} max {cs[-1]:.2f}"
                  + (f"  (>=0.10: {sum(c >= 0.10 for c in cs)})" if lab == "none" else ""))

    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors[:50]:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
