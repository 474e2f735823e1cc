"""Fit the story model (are two reports in one language about one event?) on the dev half of
the SaudiNewsNet event labels and write it to src/rasid/resources/story_model.json.

    .venv/bin/python eval/stories/fit.py [--dry-run]

The labelled articles are ingested once; the clusterer's own candidate pairs and their
evidence (rasid.story.cluster.evidence, pair_features) are the training rows, labelled 1 when
both articles report the same event. Only pairs whose two events are both in the dev half
train the model: an L2-regularised logistic regression on standardised features (the same
Newton fit as the derivation model). The merge threshold is then chosen on dev too, by
clustering with each candidate threshold and keeping the best dev B-cubed F1. Report the
held-out figures with `evaluate.py --split test`.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import evaluate  # noqa: E402
from metrics import bcubed  # noqa: E402

OUT = HERE.parents[1] / "src" / "rasid" / "resources" / "story_model.json"
FEATURES = ("text", "lead", "vector", "shared_day", "event_same_day", "gap", "gap_0", "gap_1",
            "names", "linked")
# Pairs with an undated article (no publication date, none inferable) are scored by the same
# fit without the gap: a model of what is known, not a guess at the missing date.
UNDATED = tuple(f for f in FEATURES if not f.startswith("gap"))
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.20, 0.80, 0.05))
L2 = 1.0


def _derivation_fit():
    """The logistic fit shared with eval/derivation/fit.py (one implementation, not two)."""
    spec = importlib.util.spec_from_file_location("derivation_fit", HERE.parent / "derivation" / "fit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def labelled_store(tmp: Path):
    """The labelled articles ingested without the story model (it is what is being fitted)."""
    from rasid.config import Settings
    from rasid.pipeline import Pipeline
    from rasid.story import cluster
    from rasid.store.sqlite import SQLiteStore

    cluster.packaged_model = lambda: None     # the run's own stories are not used
    labels = evaluate.load_labels()
    records = evaluate.labelled_records(labels)
    path = tmp / "labelled.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    store = SQLiteStore(tmp / "fit.db")
    Pipeline(store, Settings(progress="never")).run([str(path)])
    return store, labels


def dev_score(stories: list[list[str]], source_of: dict, labels: list[dict], split: str,
              level: str = "event") -> tuple:
    assigned = {source_of[a]: k for k, members in enumerate(stories) for a in members}
    chosen = [x for x in labels if x["url"] in assigned and (split == "all" or evaluate.split_of(x["event"]) == split)]
    gold = {x["url"]: x[level] for x in chosen}
    return bcubed(gold, {u: assigned[u] for u in gold})


def main() -> int:
    from rasid.story.assign import StoryStage
    from rasid.story.cluster import PairModel, StoryClusterer, pair_features

    ap = argparse.ArgumentParser()
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    if not evaluate.CORPUS.exists():
        print("skipped: ../shared/data/saudinewsnet is absent")
        return 0
    fit = _derivation_fit()
    with tempfile.TemporaryDirectory() as tmp:
        store, labels = labelled_store(Path(tmp))
        articles = list(store.iter_articles())
        feats = StoryStage()._features(store, articles)
        df, n = store.document_frequencies()
        derived = [(d.source_id, d.derived_id) for d in store.derivations([a.id for a in articles])]
        store.close()
    source_of = {a.id: a.source_id for a in articles}
    event_of = {x["url"]: x["event"] for x in labels}

    rule = StoryClusterer(model=None).fit(feats, df=df, n=n, derived=derived)
    ordered = sorted(feats, key=lambda f: f.article_id)
    X, y = [], []
    for (i, j), e in rule.evidence_.items():
        ea, eb = (event_of.get(source_of[ordered[k].article_id]) for k in (i, j))
        if ea is None or eb is None or e.cross_language or e.era_conflict:
            continue
        if evaluate.split_of(ea) != "dev" or evaluate.split_of(eb) != "dev":
            continue
        got = pair_features(e)
        if any(got[f] is None for f in FEATURES):
            continue   # an undated article: the model reads unknowns as the training mean
        X.append([got[f] for f in FEATURES])
        y.append(int(ea == eb))
    X, y = np.array(X), np.array(y)
    print(f"{len(y)} dev candidate pairs ({int(y.sum())} same event)")
    mean, scale = fit.standardise(X)
    w, b = fit.fit_logistic((X - mean) / scale, y, L2)
    print("weights: " + ", ".join(f"{f} {x:+.2f}" for f, x in zip(FEATURES, w)))
    keep = [FEATURES.index(f) for f in UNDATED]
    u_mean, u_scale = fit.standardise(X[:, keep])
    u_w, u_b = fit.fit_logistic((X[:, keep] - u_mean) / u_scale, y, L2)
    print("without the gap: " + ", ".join(f"{f} {x:+.2f}" for f, x in zip(UNDATED, u_w)))
    undated = {"features": list(UNDATED), "weights": [round(float(x), 5) for x in u_w],
               "bias": round(float(u_b), 5), "mean": [round(float(x), 5) for x in u_mean],
               "scale": [round(float(x), 5) for x in u_scale]}

    best = None
    for t in THRESHOLDS:
        model = PairModel.from_dict({"features": FEATURES, "weights": w, "mean": mean, "scale": scale,
                                     "bias": float(b), "threshold": float(t), "undated": undated})
        c = StoryClusterer(model=model).fit(feats, df=df, n=n, derived=derived)
        p, r, f1 = dev_score(c.stories_, source_of, labels, "dev")
        print(f"  threshold {t:.2f}: dev B-cubed P {p:.3f} R {r:.3f} F1 {f1:.3f}")
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, t, p, r)
    f1, t, p, r = best
    print(f"chosen threshold {t:.2f}: dev F1 {f1:.3f}")
    out = {"features": list(FEATURES), "weights": [round(float(x), 5) for x in w], "bias": round(float(b), 5),
           "mean": [round(float(x), 5) for x in mean], "scale": [round(float(x), 5) for x in scale],
           "threshold": t, "undated": undated,
           "provenance": {"fitted_by": "eval/stories/fit.py", "labels": "eval/stories/saudinewsnet_events.jsonl",
                          "split": "dev", "pairs": len(y), "same_event": int(y.sum()), "l2": L2,
                          "dev_bcubed": {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3)}}}
    if not args.dry_run:
        OUT.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
