"""End to end on the demo corpus: tag, resolve, and compare with the labelled entities.

    .venv/bin/python eval/entities/corpus.py [--errors]

The demo labels (`resources/demo/labels.json`) list every entity with all its spellings.
Each spelling's occurrences in the ingested articles are the gold mentions (longest
spelling first; a spelling two entities share, such as الحامدي, is given to the one entity
of that name in the article's event, and skipped when the event has both). Reported:

- mention recall: gold occurrences a system mention of the same type overlaps;
- resolution precision/recall over pairs of found occurrences: same gold entity vs same
  system entity (in-context resolution: lone surnames, garbles, aliases, cross-script).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path


def _gold_occurrences(articles: dict, labels: dict) -> tuple[list[tuple], int]:
    """(article_id, start, end, entity_id, type) per gold mention; and how many were skipped."""
    entities = labels["entities"]
    owners: dict[str, list[dict]] = defaultdict(list)
    for e in entities:
        for v in set(e["variants"]) | {e["name_ar"], e["name_latin"]}:
            owners[v].append(e)
    event_of = {aid: labels["articles"][demo]["event"] for aid, (demo, _) in articles.items()}
    # Events each entity appears in, by its unambiguous spellings.
    active: dict[str, set] = defaultdict(set)
    for aid, (_, text) in articles.items():
        for v, es in owners.items():
            if len(es) == 1 and v in text:
                active[es[0]["id"]].add(event_of[aid])
    out, skipped = [], 0
    for aid, (_, text) in articles.items():
        taken = [False] * len(text)
        for v in sorted(owners, key=len, reverse=True):
            for m in re.finditer(re.escape(v), text):
                s, e = m.span()
                if any(taken[s:e]) or (s and text[s - 1].isalpha() and text[s - 1] not in "وبلفك") \
                        or (e < len(text) and text[e].isalpha()):
                    continue
                es = owners[v]
                if len(es) > 1:
                    es = [x for x in es if event_of[aid] in active[x["id"]]]
                if len(es) != 1:
                    skipped += 1
                    continue
                taken[s:e] = [True] * (e - s)
                out.append((aid, s, e, es[0]["id"], es[0]["type"]))
    return out, skipped


def evaluate(show_errors: bool = False) -> dict:
    from rasid.config import Settings
    from rasid.pipeline import ingest
    from rasid.resources import demo_labels, resource_path
    from rasid.store.sqlite import SQLiteStore

    labels = demo_labels()
    by_headline = {" ".join((v.get("headline") or "").split()): k for k, v in labels["articles"].items()}
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "demo.db")
        ingest([str(resource_path("demo/corpus"))], store, Settings(progress="never"), label="demo")
        articles, mentions = {}, {}
        for a in store.iter_articles():
            demo = a.extra.get("id") if isinstance(a.extra, dict) else None
            demo = demo if demo in labels["articles"] else by_headline.get(" ".join((a.headline or "").split()))
            if demo is None and a.source_id in labels["articles"]:
                demo = a.source_id
            if demo is None:
                continue
            articles[a.id] = (demo, a.text)
            mentions[a.id] = a.mentions
        store.close()
    gold, skipped = _gold_occurrences(articles, labels)
    found = []
    missed = []
    for aid, s, e, gid, kind in gold:
        hit = next((m for m in mentions[aid] if m.span.start < e and s < m.span.end and m.type == kind), None)
        if hit is None:
            missed.append((aid, articles[aid][1][s:e], gid))
        else:
            found.append((gid, hit.entity_id, articles[aid][1][s:e], hit.text))
    tp = fp = fn = 0
    wrong = []
    for (g1, s1, t1, h1), (g2, s2, t2, h2) in combinations(found, 2):
        same_gold, same_sys = g1 == g2, s1 == s2 and s1 is not None
        tp += same_gold and same_sys
        fp += same_sys and not same_gold
        fn += same_gold and not same_sys
        if same_gold != same_sys and (t1, t2) not in {(w[1], w[2]) for w in wrong[-200:]}:
            wrong.append(("FP" if same_sys else "FN", h1, h2, g1, g2))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    result = {"articles": len(articles), "gold_mentions": len(gold), "ambiguous_skipped": skipped,
              "mention_recall": round(len(found) / len(gold), 4) if gold else 0.0,
              "pairs": {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4)}}
    if show_errors:
        for aid, text, gid in missed[:40]:
            print(f"  missed {gid} {text}  ({aid})")
        seen = set()
        for kind, a, b, g1, g2 in wrong:
            if (kind, a, b) not in seen and len(seen) < 40:
                seen.add((kind, a, b))
                print(f"  {kind} pair {a} ~ {b}  (gold {g1} / {g2})")
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args(argv)
    print(json.dumps(evaluate(args.errors), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
