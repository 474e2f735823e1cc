"""Who and where at scale: tagging speed (tokens/s, one core) and entity resolution growth.

Real modern news text: SaudiNewsNet articles (used to measure only, never shipped), in file
order. Tagging runs the whole per-article mention stage (CRF, title roles, Latin rules,
document consistency) on each article's text. Resolution is timed on the mentions of the
first N articles, each article its own story (no context merges), for growing N; the
growth exponent is the slope of log(time) over log(N) (1.0 is linear). A baseline in the
same process (tokenizing the same texts) is printed so the figure can be read against
this machine's speed at the time.

    .venv/bin/python benchmarks/bench_entities.py [--articles 2000] [--sizes 1000,2000,4000,8000]
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def texts(n: int) -> list[str]:
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = rec.get("content") or rec.get("text") or ""
            if text.strip():
                out.append(text)
            if len(out) >= n:
                break
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="articles for the tagging speed")
    ap.add_argument("--sizes", default="1000,2000,4000,8000", help="articles for resolution growth")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--decoders", default="numpy,crfsuite",
                    help="tagging decoders to time, alternating in this process (the first is "
                         "used for resolution): numpy (shipped) and crfsuite (the reference)")
    ap.add_argument("--no-resolve", action="store_true", help="time tagging only")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: this benchmark needs ../shared/data/saudinewsnet", file=sys.stderr)
        return 2
    from rasid.extract.entities import MentionExtractor
    from rasid.extract.entities.crf import CRFTagger
    from rasid.resolve.resolver import EntityResolver, MentionRef
    from rasid.text.tokens import tokenize

    sizes = [int(s) for s in args.sizes.split(",")]
    corpus = texts(max(args.articles, max(sizes)))
    sample = corpus[:args.articles]
    n_tokens = sum(len(tokenize(t)) for t in sample)
    decoders = args.decoders.split(",")
    extractors = {d: MentionExtractor(tagger=CRFTagger(decoder=d)) for d in decoders}
    for extractor in extractors.values():
        extractor.mentions("تحميل")  # load the model outside the timing

    base: list[float] = []
    tag: dict[str, list[float]] = {d: [] for d in decoders}
    found_by: dict[str, list] = {}
    for run in range(args.runs):
        t0 = time.perf_counter()
        for t in sample:
            tokenize(t)
        base.append(time.perf_counter() - t0)
        for d in (decoders if run % 2 == 0 else decoders[::-1]):
            extractor = extractors[d]
            extractor.tagger.clear_caches()  # cold word caches each run: no flattering reuse
            t0 = time.perf_counter()
            found_by[d] = [extractor.mentions(t) for t in sample]
            tag[d].append(time.perf_counter() - t0)
    base_s = statistics.median(base)
    found = found_by[decoders[0]]
    n_mentions = sum(len(f) for f in found)
    print(f"tagging: {len(sample):,} articles, {n_tokens:,} tokens, {n_mentions:,} mentions "
          f"(whole mention stage, one core, cold caches, median of {args.runs}); "
          f"tokenizing alone {n_tokens / base_s:,.0f} tokens/s")
    for d in decoders:
        tag_s = statistics.median(tag[d])
        same = "" if d == decoders[0] else (
            f"; mentions identical to {decoders[0]}: {found_by[d] == found}, "
            f"{decoders[0]} is {tag_s / statistics.median(tag[decoders[0]]):.2f}x faster")
        print(f"  {d:>9}: median {tag_s:.2f} s = {n_tokens / tag_s:,.0f} tokens/s, "
              f"{len(sample) / tag_s:,.0f} articles/s (runs {', '.join(f'{x:.2f}' for x in tag[d])}){same}")
    if args.no_resolve:
        return 0
    extractor = extractors[decoders[0]]

    all_found = found + [extractor.mentions(t) for t in corpus[len(sample):max(sizes)]]
    rows = []
    for n in sizes:
        refs = [MentionRef(f"a{i}", j, m.text, m.type, f"s{i}", None, m.role)
                for i, ms in enumerate(all_found[:n]) for j, m in enumerate(ms)]
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            result = EntityResolver().resolve(refs)
            times.append(time.perf_counter() - t0)
        rows.append((n, len(refs), len(result.entities), statistics.median(times)))
    print(f"{'articles':>9} {'mentions':>9} {'entities':>9} {'seconds':>8} {'mentions/s':>11}")
    for n, m, e, s in rows:
        print(f"{n:>9,} {m:>9,} {e:>9,} {s:>8.2f} {m / s:>11,.0f}")
    if len(rows) > 1:
        slope = (math.log(rows[-1][3]) - math.log(rows[0][3])) / (math.log(rows[-1][1]) - math.log(rows[0][1]))
        print(f"resolution growth exponent over mentions: {slope:.2f}")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
