"""Fit the rewrite/translation model on the dev half of the labelled pairs and write it to
src/rasid/resources/derivation_model.json (with what it was fitted on and its dev figures).

    .venv/bin/python eval/derivation/fit.py [--dry-run]

Every labelled dev pair (siblings left out) is checked directly, so the model sees the same
evidence the pipeline computes. Pairs the lexical screen decides (copies, templates, too
short, too few words in common) never reach the model and are left out of its training. The model is an L2-regularised logistic regression on
standardised features (rasid.link.decide.FEATURES); the decision threshold is the one with
the best F1 among those whose precision is at least MIN_PRECISION, taken from 5-fold
cross-validated probabilities on dev so the threshold is not chosen on fitted data.
Then `evaluate.py --split test` reports the held-out figures.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import evaluate  # noqa: E402

OUT = HERE.parents[1] / "src" / "rasid" / "resources" / "derivation_model.json"
MIN_PRECISION = 0.85  # cross-validated on dev; the held-out test split then says what it really is
L2 = 1.0
FOLDS = 5


def pair_features(sets: list[str], split: str):
    """(X, y, groups, descriptions) for the labelled pairs the model decides."""
    from rasid.link.decide import feature_vector
    from rasid.link.stage import DerivationStage

    stage = DerivationStage()
    X, y, groups, desc = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for name in sets:
            got = evaluate.SETS[name]()
            if got is None:
                print(f"{name}: skipped (absent)")
                continue
            inputs, gold = got
            store, keys = evaluate.ingest_set(name, inputs, Path(tmp))
            stage.use_frequencies(store)
            by_key = {k: i for i, k in keys.items()}
            for g in gold:
                if g.label == "sibling" or (split != "all" and evaluate.split_of(g.group) != split):
                    continue
                if g.a not in by_key or g.b not in by_key:
                    continue
                a, b = store.article(by_key[g.a]), store.article(by_key[g.b])
                if stage.screen(a, b, bound=False)[1] is not None:
                    continue  # decided by the words alone (copy, template, too short, too few words)
                e = stage.check(a, b, bound=False).evidence
                X.append(feature_vector(e, stage.profile(a), stage.profile(b)))
                y.append(1 if g.label in evaluate.DERIVED else 0)
                groups.append(f"{name}:{g.group}")
                desc.append(f"{name} {g.label} {g.a[:50]} ~ {g.b[:50]}")
            store.close()
    return np.array(X), np.array(y), groups, desc


def fit_logistic(X: np.ndarray, y: np.ndarray, l2: float = L2, iters: int = 50):
    """Newton's method on the L2-penalised log-loss (the bias is not penalised)."""
    n, d = X.shape
    Z = np.hstack([X, np.ones((n, 1))])
    w = np.zeros(d + 1)
    reg = np.eye(d + 1) * l2
    reg[-1, -1] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-Z @ w))
        grad = Z.T @ (p - y) + reg @ w
        H = (Z * (p * (1 - p))[:, None]).T @ Z + reg
        step = np.linalg.solve(H, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def standardise(X: np.ndarray):
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-9] = 1.0
    return mean, scale


def cross_validated(X, y, groups, folds: int = FOLDS) -> np.ndarray:
    """Out-of-fold probabilities; folds by group so one event never trains its own test."""
    import hashlib

    fold = np.array([int(hashlib.sha1(g.encode()).hexdigest(), 16) % folds for g in groups])
    out = np.zeros(len(y))
    for k in range(folds):
        tr, te = fold != k, fold == k
        if not te.any() or len(set(y[tr])) < 2:
            continue
        mean, scale = standardise(X[tr])
        w, b = fit_logistic((X[tr] - mean) / scale, y[tr])
        out[te] = 1 / (1 + np.exp(-(((X[te] - mean) / scale) @ w + b)))
    return out


def choose_threshold(p: np.ndarray, y: np.ndarray, min_precision: float = MIN_PRECISION):
    """Best F1 among thresholds with precision >= min_precision; if none reaches it, the most
    precise threshold (a derivation claim wrongly made costs more than one missed)."""
    best = (0.0, 0.5, 0.0, 0.0)
    fallback = (-1.0, 0.95, 0.0, 0.0)
    for t in np.arange(0.05, 0.96, 0.01):
        pred = p >= t
        tp = int((pred & (y == 1)).sum())
        fp = int((pred & (y == 0)).sum())
        fn = int((~pred & (y == 1)).sum())
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if prec >= min_precision and f1 > best[0]:
            best = (f1, float(round(t, 2)), prec, rec)
        if tp and (prec, rec) > (fallback[0], fallback[3]):  # noqa: SIM102
            fallback = (prec, float(round(t, 2)), prec, rec)
    if best[0] == 0.0 and fallback[0] >= 0:
        prec, t, _, rec = fallback
        return (2 * prec * rec / (prec + rec) if prec + rec else 0.0, t, prec, rec)
    return best


def fit_kind(X, y, groups, desc, label: str) -> dict:
    """Fit one model and choose its threshold; print what it learned and where it errs."""
    from rasid.link.decide import FEATURES

    print(f"{label}: {len(y)} dev pairs ({int(y.sum())} derived, {int((y == 0).sum())} not)")
    p_cv = cross_validated(X, y, groups)
    for t in (0.3, 0.5, 0.7, 0.9):
        pred = p_cv >= t
        tp, fp = int((pred & (y == 1)).sum()), int((pred & (y == 0)).sum())
        print(f"  cross-validated at {t}: P {tp / max(1, tp + fp):.3f} R {tp / max(1, int(y.sum())):.3f}")
    f1, threshold, prec, rec = choose_threshold(p_cv, y)
    print(f"  chosen threshold {threshold}: cross-validated P {prec:.3f} R {rec:.3f} F1 {f1:.3f}")
    mean, scale = standardise(X)
    w, b = fit_logistic((X - mean) / scale, y)
    print("  heaviest weights: " + ", ".join(f"{n} {x:+.2f}" for n, x in
                                               sorted(zip(FEATURES, w), key=lambda t: -abs(t[1]))[:6]))
    for i in np.argsort(-np.abs(p_cv - y))[:6]:
        if (p_cv[i] >= threshold) != bool(y[i]):
            print(f"  miss p={p_cv[i]:.2f} {desc[i]}")
    return {"weights": [round(float(x), 5) for x in w], "bias": round(b, 5),
            "mean": [round(float(x), 5) for x in mean], "scale": [round(float(x), 5) for x in scale],
            "threshold": threshold,
            "dev": {"pairs": len(y), "derived": int(y.sum()), "cv_precision": round(prec, 3),
                    "cv_recall": round(rec, 3), "cv_f1": round(f1, 3)}}


# The rewrite decision is a fixed-weight score, not a fitted regression: with a few dozen
# labelled rewrites, logistic regression over two dozen correlated features chose unstable
# thresholds (cross-validated), while this average of the strongest signals ranked the dev
# pairs better (AUC 0.92) and leaves one number, the threshold, to choose on dev. It reads:
# a rewrite keeps its source's words (plain and weighted by rarity), most of one text's
# clauses have a partner in the other, much of one text aligns in order, and it comes soon.
REWRITE_SCORE = {"idf_words": 0.25, "words": 0.25, "partnered_max": 0.25, "coverage_max": 0.25,
                 "days_apart": -0.25}


def fit_score(X, y, desc, label: str) -> dict:
    from rasid.link.decide import FEATURES

    w = np.array([REWRITE_SCORE.get(f, 0.0) for f in FEATURES])
    score = X @ w
    print(f"{label}: {len(y)} dev pairs ({int(y.sum())} derived, {int((y == 0).sum())} not); fixed-weight score")
    lo, hi = float(score.min()), float(score.max())
    f1, t, prec, rec = choose_threshold((score - lo) / ((hi - lo) or 1.0), y)
    threshold = round(lo + t * (hi - lo), 3)
    print(f"  chosen threshold {threshold}: dev P {prec:.3f} R {rec:.3f} F1 {f1:.3f}")
    for i in np.argsort(-np.abs((score >= threshold).astype(float) - y))[:6]:
        if (score[i] >= threshold) != bool(y[i]):
            print(f"  miss s={score[i]:.2f} {desc[i]}")
    return {"link": "identity", "weights": [float(x) for x in w], "bias": 0.0,
            "mean": [0.0] * len(w), "scale": [1.0] * len(w), "threshold": threshold,
            "dev": {"pairs": len(y), "derived": int(y.sum()), "precision": round(prec, 3),
                    "recall": round(rec, 3), "f1": round(f1, 3)}}


def main() -> int:
    from rasid.link.decide import FEATURES, packaged_model

    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="demo,constructed,saudinewsnet,seeds,semeval")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    X, y, groups, desc = pair_features(args.sets.split(","), "dev")
    cross = X[:, FEATURES.index("cross_language")] == 1
    parts = {}
    idx = np.where(~cross)[0]
    parts["rewrite"] = fit_score(X[idx], y[idx], [desc[i] for i in idx], "rewrite")
    idx = np.where(cross)[0]
    parts["translation"] = fit_kind(X[idx], y[idx], [groups[i] for i in idx], [desc[i] for i in idx],
                                    "translation")
    model = {"features": list(FEATURES), "align_threshold": packaged_model().align_threshold, **parts,
             "provenance": {"fitted_by": "eval/derivation/fit.py", "sets": args.sets, "split": "dev",
                            "min_precision": MIN_PRECISION}}
    if not args.dry_run:
        OUT.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
