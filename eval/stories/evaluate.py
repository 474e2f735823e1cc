"""Story and thread clustering quality: B-cubed P/R/F1 and adjusted Rand index.

    .venv/bin/python eval/stories/evaluate.py [--split dev|test|all] [--sweep] [--thread-sweep] [--order-runs K]

Sets:
- SaudiNewsNet events (`saudinewsnet_events.jsonl`: urls + labels only; the texts are read
  from ../shared/data/saudinewsnet, never copied). Each labelled article is ingested with
  its outlet, title, body and crawl date (as `published`), through the whole rasid ingest
  (dates, publication inference, clustering). Events are split dev/test by a hash of the
  event id; thresholds are chosen on dev (`--sweep`), reported on test.
- The demo corpus labels (events and threads).
- The seeds: 000 and 001 in one story; 002 and 004 in stories of their own; all in one thread.
- SemEval-2022 task 8 Arabic pairs (`../shared/data/semeval2022_task8_ar/`, our shared half: 50
  pairs, 100 undated, machine-rewritten title+lead texts), scored pairwise: a pair rated 1
  ("very similar") should share a story, pairs rated 3 or 4 should not; pairs rated 2 are
  reported apart. Also whether each kind shares a thread (the pairs were sampled for shared
  topics, so a pair rated 3 may well be one thread; one rated 4 should not).

`--order-runs K` ingests the labelled articles K more times in shuffled order and in
several batches, and reports the agreement (ARI) of each run's stories and threads with the
first, and each run's scores against the labels (later batches are clustered incrementally).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from metrics import adjusted_rand, bcubed  # noqa: E402

SHARED = HERE.parents[1].parent / "shared"
CORPUS = SHARED / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


STORY_MODEL: bool | None = None   # --rule: the hand-set rule instead of the fitted story model


def _settings():
    from rasid.config import Settings

    extra = {} if STORY_MODEL is None else {"story_model": STORY_MODEL}
    return Settings(progress="never", **extra)


def split_of(event: str) -> str:
    return "dev" if int(hashlib.sha1(event.encode()).hexdigest(), 16) % 2 == 0 else "test"


def load_labels() -> list[dict]:
    path = HERE / "saudinewsnet_events.jsonl"
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def labelled_records(labels: list[dict]) -> list[dict]:
    wanted = {x["url"] for x in labels}
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["url"] in wanted:
                out.append({"id": r["url"], "url": r["url"], "outlet": r["source"],
                            "title": r.get("title") or None, "text": r.get("content") or "",
                            "published": (r.get("date_extracted") or "")[:10] or None})
    return out


def run(records: list[dict], params=None, batches: int = 1, seed: int | None = None):
    """Ingest `records` (optionally shuffled, in several runs) and return article -> (story, thread)."""
    from rasid.pipeline import Pipeline
    from rasid.store.sqlite import SQLiteStore

    records = list(records)
    if seed is not None:
        random.Random(seed).shuffle(records)
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "eval.db")
        pipe = Pipeline(store, _settings())
        if params is not None:
            pipe.story_stage.clusterer.params = params
        size = -(-len(records) // batches)
        for b in range(batches):
            part = Path(tmp) / f"part{b}.jsonl"
            part.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                    for r in records[b * size:(b + 1) * size]), encoding="utf-8")
            pipe.run([str(part)])
        out = {a.source_id: (a.story_id, a.thread_id) for a in store.iter_articles()}
        store.close()
    return out


def score(labels: list[dict], assigned: dict, split: str) -> dict:
    chosen = [x for x in labels if split == "all" or split_of(x["event"]) == split]
    gold_e = {x["url"]: x["event"] for x in chosen if x["url"] in assigned}
    gold_t = {x["url"]: x["thread"] for x in chosen if x["url"] in assigned}
    pred_e = {u: assigned[u][0] for u in gold_e}
    pred_t = {u: assigned[u][1] for u in gold_t}
    p, r, f = bcubed(gold_e, pred_e)
    tp, tr, tf = bcubed(gold_t, pred_t)
    return {"articles": len(gold_e), "event_p": p, "event_r": r, "event_f1": f,
            "event_ari": adjusted_rand(gold_e, pred_e), "thread_p": tp, "thread_r": tr,
            "thread_f1": tf, "thread_ari": adjusted_rand(gold_t, pred_t)}


def show(name: str, s: dict) -> None:
    print(f"{name}: {s['articles']} articles | events B3 P {s['event_p']:.3f} R {s['event_r']:.3f} "
          f"F1 {s['event_f1']:.3f} ARI {s['event_ari']:.3f} | threads B3 P {s['thread_p']:.3f} "
          f"R {s['thread_r']:.3f} F1 {s['thread_f1']:.3f} ARI {s['thread_ari']:.3f}")


def demo_and_seeds() -> None:
    from rasid.pipeline import ingest
    from rasid.resources import demo_label_key, demo_labels, resource_path
    from rasid.store.sqlite import SQLiteStore

    labels = demo_labels()
    thread_of = {e["id"]: e["thread"] for e in labels["events"]}
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "demo.db")
        ingest([str(resource_path("demo/corpus"))], store, _settings(), label="demo")
        assigned = {}
        for a in store.iter_articles():
            key = demo_label_key(a)
            assigned[key] = (a.story_id, a.thread_id)
        store.close()
    rows = [{"url": k, "event": v["event"], "thread": thread_of[v["event"]]}
            for k, v in labels["articles"].items()]
    show("demo corpus", score(rows, assigned, "all"))
    seeds = SHARED / "seeds"
    if seeds.is_dir():
        with tempfile.TemporaryDirectory() as tmp:
            store = SQLiteStore(Path(tmp) / "seeds.db")
            ingest([str(seeds)], store, _settings())
            got = {Path(a.source).name[:3]: (a.story_id, a.thread_id) for a in store.iter_articles()}
            store.close()
        checks = {
            "000 and 001 in one story": got["000"][0] == got["001"][0],
            "002 in a story of its own": all(got[k][0] != got["002"][0] for k in got if k != "002"),
            "004 in a story of its own": all(got[k][0] != got["004"][0] for k in got if k != "004"),
            "all five in one thread": len({v[1] for v in got.values()}) == 1,
        }
        print("seeds: " + "; ".join(f"{k}: {'yes' if v else 'NO'}" for k, v in checks.items()))


SEMEVAL = SHARED / "data" / "semeval2022_task8_ar" / "pairs_shared.jsonl"


def semeval_pairs(params=None) -> dict | None:
    """Pairwise same-story and same-thread decisions on the SemEval-2022 Arabic pairs."""
    if not SEMEVAL.exists():
        return None
    pairs = [json.loads(x) for x in SEMEVAL.read_text(encoding="utf-8").splitlines() if x.strip()]
    records, seen = [], set()
    for p in pairs:
        for k, text in zip(p["pair_id"].split("_"), (p["text1"], p["text2"])):
            if k not in seen:
                seen.add(k)
                records.append({"id": f"semeval-{k}", "text": text, "lang": "ar"})
    assigned = run(records, params)
    out = {}
    for name, keep in (("same", lambda o: o <= 1.0), ("in_between", lambda o: 1.0 < o < 3.0),
                       ("different", lambda o: o >= 3.0), ("unrelated", lambda o: o >= 4.0)):
        chosen = [p["pair_id"].split("_") for p in pairs if keep(p["Overall"])]
        got = [(assigned.get(f"semeval-{a}"), assigned.get(f"semeval-{b}")) for a, b in chosen]
        got = [(x, y) for x, y in got if x and y]
        out[name] = {"pairs": len(got), "same_story": sum(x[0] == y[0] for x, y in got),
                     "same_thread": sum(x[1] == y[1] for x, y in got)}
    tp, fp = out["same"]["same_story"], out["different"]["same_story"]
    out["story_precision"] = tp / (tp + fp) if tp + fp else 0.0
    out["story_recall"] = tp / out["same"]["pairs"] if out["same"]["pairs"] else 0.0
    return out


def show_semeval(s: dict) -> None:
    print(f"SemEval-2022 Arabic pairs: same story for {s['same']['same_story']} of {s['same']['pairs']} pairs rated"
          f" 1 (recall {s['story_recall']:.3f}), {s['different']['same_story']} of {s['different']['pairs']} rated"
          f" 3-4 (precision {s['story_precision']:.3f}), {s['in_between']['same_story']} of"
          f" {s['in_between']['pairs']} rated 2 | same thread: {s['same']['same_thread']}/{s['same']['pairs']},"
          f" {s['in_between']['same_thread']}/{s['in_between']['pairs']}, {s['different']['same_thread']}/"
          f"{s['different']['pairs']} (rated 4: {s['unrelated']['same_thread']}/{s['unrelated']['pairs']})")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="all", choices=("dev", "test", "all"))
    ap.add_argument("--sweep", action="store_true", help="story_threshold sweep on the dev split")
    ap.add_argument("--order-runs", type=int, default=0)
    ap.add_argument("--rule", action="store_true", help="the hand-set rule (setting story_model = false)")
    ap.add_argument("--thread-sweep", action="store_true",
                    help="thread_threshold sweep: SaudiNewsNet thread scores and SemEval pairs sharing a thread")
    args = ap.parse_args()
    global STORY_MODEL
    STORY_MODEL = False if args.rule else None
    demo_and_seeds()
    semeval = semeval_pairs()
    if semeval is None:
        print("SemEval-2022 pairs skipped: ../shared/data/semeval2022_task8_ar is absent")
    else:
        show_semeval(semeval)
    if not CORPUS.exists() or not (HERE / "saudinewsnet_events.jsonl").exists():
        print("SaudiNewsNet evaluation skipped: ../shared/data or the labels are absent")
        return 0
    labels = load_labels()
    records = labelled_records(labels)
    if args.sweep:
        from dataclasses import replace

        from rasid.story.cluster import ClusterParams
        for t in (0.20, 0.25, 0.30, 0.35, 0.40, 0.45):
            params = replace(ClusterParams(), story_threshold=t)
            show(f"dev, story_threshold={t:.2f}", score(labels, run(records, params), "dev"))
        return 0
    if args.thread_sweep:
        from dataclasses import replace

        from rasid.story.cluster import ClusterParams
        for t in (0.12, 0.16, 0.20, 0.25):
            params = replace(ClusterParams(), thread_threshold=t)
            show(f"thread_threshold={t:.2f}, SaudiNewsNet ({args.split})", score(labels, run(records, params), args.split))
            if semeval is not None:
                show_semeval(semeval_pairs(params))
        return 0
    first = run(records)
    show(f"SaudiNewsNet ({args.split})", score(labels, first, args.split))
    for k in range(args.order_runs):
        again = run(records, batches=4, seed=k + 1)
        agree = [adjusted_rand({u: v[i] for u, v in first.items()}, {u: again[u][i] for u in first})
                 for i in (0, 1)]
        print(f"order run {k + 1} (shuffled, 4 ingest runs): ARI with the first run, stories "
              f"{agree[0]:.4f}, threads {agree[1]:.4f}")
        show(f"order run {k + 1} against the labels", score(labels, again, args.split))
    return 0


if __name__ == "__main__":
    sys.exit(main())
