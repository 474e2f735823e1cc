#!/usr/bin/env python3
"""Validate the SaudiNewsNet story-clustering labels and print their counts.

Usage: python3 check_labels.py [path/to/saudinewsnet.jsonl.gz]

Checks
  * every line of saudinewsnet_events.jsonl is a JSON object with exactly the keys
    url, event, thread (no article text or titles are stored);
  * ids are well formed (event "E" + 3 digits, thread "T" + 2 digits);
  * every labelled url occurs once in the label file and exactly once in the corpus;
  * every event belongs to exactly one thread;
  * events.md lists the same events, threads and article counts as the label file.
Exits with status 1 if any check fails. The corpus path defaults to
/work/shared/data/saudinewsnet/saudinewsnet.jsonl.gz or $SAUDINEWSNET.
Standard library only.
"""
import collections
import gzip
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(HERE, "saudinewsnet_events.jsonl")
EVENTS_MD = os.path.join(HERE, "events.md")
DEFAULT_CORPUS = os.environ.get(
    "SAUDINEWSNET", "/work/shared/data/saudinewsnet/saudinewsnet.jsonl.gz")

EVENT_RE = re.compile(r"^E\d{3}$")
THREAD_RE = re.compile(r"^T\d{2}$")


def main():
    corpus_path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CORPUS
    errors = []

    # ---- labels
    labels = []
    with open(LABELS, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {n}: invalid JSON ({e})")
                continue
            if not isinstance(rec, dict) or set(rec) != {"url", "event", "thread"}:
                errors.append(f"line {n}: keys must be exactly url, event, thread: {sorted(rec) if isinstance(rec, dict) else rec!r}")
                continue
            if not isinstance(rec["url"], str) or not rec["url"].startswith("http"):
                errors.append(f"line {n}: bad url {rec['url']!r}")
            if not isinstance(rec["event"], str) or not EVENT_RE.match(rec["event"]):
                errors.append(f"line {n}: bad event id {rec['event']!r}")
            if not isinstance(rec["thread"], str) or not THREAD_RE.match(rec["thread"]):
                errors.append(f"line {n}: bad thread id {rec['thread']!r}")
            labels.append(rec)

    url_count = collections.Counter(r["url"] for r in labels)
    for u, c in url_count.items():
        if c > 1:
            errors.append(f"url labelled {c} times: {u}")

    ev_threads = collections.defaultdict(set)
    ev_size = collections.Counter()
    for r in labels:
        ev_threads[r["event"]].add(r["thread"])
        ev_size[r["event"]] += 1
    for e, ts in ev_threads.items():
        if len(ts) != 1:
            errors.append(f"event {e} is in several threads: {sorted(ts)}")
    ev_thread = {e: min(ts) for e, ts in ev_threads.items()}

    # ---- corpus
    corpus_urls = collections.Counter()
    meta = {}
    with gzip.open(corpus_path, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            corpus_urls[rec["url"]] += 1
            if rec["url"] in url_count:
                meta[rec["url"]] = (rec["source"], rec["date_extracted"][:10])
    for u in url_count:
        c = corpus_urls.get(u, 0)
        if c != 1:
            errors.append(f"url occurs {c} times in the corpus (must be 1): {u}")

    # ---- events.md consistency
    md_events = {}
    md_threads = set()
    if os.path.exists(EVENTS_MD):
        row = re.compile(r"^\|\s*(E\d{3})\s*\|\s*(T\d{2})\s*\|\s*(\d+)\s*\|")
        trow = re.compile(r"^\|\s*(T\d{2})\s*\|")
        with open(EVENTS_MD, encoding="utf-8") as f:
            for line in f:
                m = row.match(line)
                if m:
                    md_events[m.group(1)] = (m.group(2), int(m.group(3)))
                    continue
                m = trow.match(line)
                if m:
                    md_threads.add(m.group(1))
        for e in ev_size:
            if e not in md_events:
                errors.append(f"event {e} missing from events.md")
            elif md_events[e] != (ev_thread[e], ev_size[e]):
                errors.append(f"event {e}: events.md says {md_events[e]}, labels say {(ev_thread[e], ev_size[e])}")
        for e in md_events:
            if e not in ev_size:
                errors.append(f"event {e} in events.md but not in the labels")
        for t in set(ev_thread.values()) - md_threads:
            errors.append(f"thread {t} missing from the thread table in events.md")
    else:
        errors.append("events.md not found")

    # ---- counts
    th_events = collections.defaultdict(set)
    for e, t in ev_thread.items():
        th_events[t].add(e)
    multi = [e for e, n in ev_size.items() if n > 1]
    single = [e for e, n in ev_size.items() if n == 1]
    multi_threads = [t for t, es in th_events.items() if len(es) > 1]
    sizes = sorted((ev_size[e] for e in multi), reverse=True)
    print(f"articles labelled        : {len(labels)}")
    print(f"events                   : {len(ev_size)}")
    print(f"  multi-article events   : {len(multi)} (sizes {min(sizes)}-{max(sizes)}, median {sizes[len(sizes)//2]}, {sum(sizes)} articles)")
    print(f"  singletons             : {len(single)}")
    print(f"threads                  : {len(th_events)}")
    print(f"  threads with 2+ events : {len(multi_threads)} ({sum(len(th_events[t]) for t in multi_threads)} events)")
    print(f"  single-event threads   : {len(th_events) - len(multi_threads)}")
    print(f"positive pairs (same event): {sum(n*(n-1)//2 for n in ev_size.values())}")
    if meta:
        src = collections.Counter(s for s, _ in meta.values())
        days = sorted(d for _, d in meta.values())
        print(f"sources                  : {len(src)} -> " + ", ".join(f"{s} {c}" for s, c in src.most_common()))
        print(f"crawl dates              : {days[0]} .. {days[-1]}, {len(set(days))} distinct days")
        spa_events = {r['event'] for r in labels if meta.get(r['url'], ('',))[0] == 'was'}
        print(f"events containing an SPA ('was') article: {len(spa_events)} "
              f"({sum(1 for e in spa_events if ev_size[e] > 1)} of them multi-article)")
    if os.path.exists(EVENTS_MD):
        tagcount = collections.Counter()
        tagrow = re.compile(r"^\|\s*E\d{3}\s*\|\s*T\d{2}\s*\|\s*\d+\s*\|[^|]*\|\s*([^|]*)\|")
        with open(EVENTS_MD, encoding="utf-8") as f:
            for line in f:
                m = tagrow.match(line)
                if m:
                    tg = m.group(1).split("(")[0].strip()
                    for t in filter(None, (x.strip() for x in tg.split(","))):
                        tagcount[t] += 1
        print("hard-case tags (events)  : " + ", ".join(f"{t} {c}" for t, c in sorted(tagcount.items())))

    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors[:50]:
            print("  -", e)
        sys.exit(1)
    print("\nOK: all checks passed")


if __name__ == "__main__":
    main()
