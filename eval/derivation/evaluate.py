"""Copy, rewrite and translation detection: precision and recall per kind, direction accuracy,
independent-origin counts.

    .venv/bin/python eval/derivation/evaluate.py [--split dev|test|all] [--sets demo,seeds,...]
                                                 [--errors] [--pairwise]

Sets (each labelled pair is `copy`, `rewrite`, `translation`, `none`, or `sibling` — two
derivatives of one source, neither derived from the other, left out of pair scores):
- demo: the demo corpus's `derived_from` labels; every other pair in one event is `none`.
- constructed: our own copies, rewrites, translations and independent reports of demo
  articles (`constructed.jsonl`), ingested together with the demo corpus.
- saudinewsnet: hand-labelled pairs of real articles (`saudinewsnet_pairs.jsonl`: urls and
  labels only; texts read from ../shared).
- seeds: 001 derives from 000; no other pair is derived.
- semeval: SemEval-2022 task 8 Arabic pairs rated different stories (Overall >= 2.5) are `none`.
Every set is ingested through the whole pipeline (candidates from LSH and the neighbour index,
then checks), so recall includes candidate generation. `--pairwise` instead checks every
labelled pair directly (what the model is fitted on; see fit.py).

Splits: pairs are split dev/test by a hash of their group (the demo event, the constructed
item's original, the SaudiNewsNet event), so no group is on both sides.
"""
from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1].parent / "shared"
SNN = SHARED / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
DERIVED = ("copy", "rewrite", "translation")


@dataclass(frozen=True)
class Gold:
    set: str
    group: str
    a: str
    b: str
    label: str              # copy | rewrite | translation | none | sibling
    source: str | None = None
    note: str = ""


def split_of(group: str) -> str:
    return "dev" if int(hashlib.sha1(group.encode()).hexdigest(), 16) % 2 == 0 else "test"


# -- the sets: (records to ingest as JSONL, or a folder; gold pairs; key of an article) ---------

def _demo_gold(labels: dict) -> list[Gold]:
    arts = labels["articles"]
    direct = {}
    for k, v in arts.items():
        for d in v["derived_from"]:
            direct[frozenset((k, d["id"]))] = (d["kind"], d["id"])
    root = {}

    def origin(k):
        ds = arts[k]["derived_from"]
        return origin(ds[0]["id"]) if ds else k
    for k in arts:
        root[k] = origin(k)
    out = []
    for a, b in itertools.combinations(sorted(arts), 2):
        if arts[a]["event"] != arts[b]["event"]:
            continue
        key = frozenset((a, b))
        if key in direct:
            kind, source = direct[key]
            out.append(Gold("demo", arts[a]["event"], a, b, kind, source))
        elif root[a] == root[b]:
            out.append(Gold("demo", arts[a]["event"], a, b, "sibling"))
        else:
            out.append(Gold("demo", arts[a]["event"], a, b, "none"))
    return out


def demo_set():
    from rasid.resources import demo_labels, resource_path
    return [str(resource_path("demo/corpus"))], _demo_gold(demo_labels())


def constructed_set():
    from rasid.resources import demo_labels, resource_path
    path = HERE / "constructed.jsonl"
    if not path.exists():
        return None
    items = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    labels = demo_labels()["articles"]
    records = []
    for it in items:
        records.append({"id": it["id"], "outlet": it["outlet"], "published": it.get("published"),
                        "title": it.get("title"), "text": it["text"], "lang": it.get("lang")})
    gold = []
    by_id = {it["id"]: it for it in items}

    def origin(k):
        if k in by_id:
            it = by_id[k]
            return origin(it["derived_from"]) if it.get("derived_from") else k
        ds = labels[k]["derived_from"] if k in labels else []
        return origin(ds[0]["id"]) if ds else k
    for it in items:
        group = it["basis"]
        if it.get("derived_from"):
            gold.append(Gold("constructed", group, it["id"], it["derived_from"], it["kind"], it["derived_from"]))
    # every other pair among the items and the demo articles of the same event
    event_of = {k: v["event"] for k, v in labels.items()}
    event_of.update({it["id"]: it["event"] for it in items})
    have = {frozenset((g.a, g.b)) for g in gold}
    for it in items:
        for other in sorted(event_of):
            if other == it["id"] or event_of[other] != it["event"]:
                continue
            key = frozenset((it["id"], other))
            if key in have or (other in by_id and other < it["id"]):
                continue
            have.add(key)
            same = origin(it["id"]) == origin(other)
            if other in labels and labels[other]["derived_from"] and not same:
                pass
            gold.append(Gold("constructed", it["basis"], it["id"], other, "sibling" if same else "none"))
    return [str(resource_path("demo/corpus")), records], gold


def credited_set():
    """credited.jsonl: articles that name other outlets as their source (CREDITED.md). Each
    group's derived items derive from its original; two derived items are siblings; every
    other pair in a group is `none`."""
    path = HERE / "credited.jsonl"
    if not path.exists():
        return None
    items = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    records = [{"id": it["id"], "outlet": it["outlet"], "published": it.get("published"),
                "title": it.get("title"), "text": it["text"], "lang": it.get("lang")} for it in items]
    gold = []
    for x, y in itertools.combinations(items, 2):
        if x["group"] != y["group"]:
            continue
        derived = {k["id"]: k for k in (x, y) if k.get("derived_from")}
        if len(derived) == 2:
            label, source = "sibling", None
        elif derived and next(iter(derived.values()))["derived_from"] in (x["id"], y["id"]):
            item = next(iter(derived.values()))
            label, source = item["kind"], item["derived_from"]
        else:
            label, source = "none", None
        gold.append(Gold("credited", x["group"], x["id"], y["id"], label, source))
    return [records], gold


def _stories_eval():
    """eval/stories/evaluate.py, whose labelled_records reads SaudiNewsNet articles by url."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("stories_evaluate", HERE.parent / "stories" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def saudinewsnet_set():
    path = HERE / "saudinewsnet_pairs.jsonl"
    if not path.exists() or not SNN.exists():
        return None
    pairs = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    wanted = {p["a"] for p in pairs} | {p["b"] for p in pairs}
    records = _stories_eval().labelled_records([{"url": u} for u in sorted(wanted)])
    gold = [Gold("saudinewsnet", p["event_a"], p["a"], p["b"], p["label"], p.get("source"), p.get("note", ""))
            for p in pairs]
    return [records], gold


def seeds_set():
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        return None
    names = sorted(p.name[:3] for p in seeds.iterdir())
    gold = [Gold("seeds", "seeds", a, b, "rewrite" if (a, b) == ("000", "001") else "none",
                 "000" if (a, b) == ("000", "001") else None)
            for a, b in itertools.combinations(names, 2)]
    return [str(seeds)], gold


def semeval_set():
    path = SHARED / "data" / "semeval2022_task8_ar" / "pairs_shared.jsonl"
    if not path.exists():
        return None
    records, gold, seen = [], [], set()
    for line in path.read_text(encoding="utf-8").splitlines():
        p = json.loads(line)
        if p["Overall"] < 2.5:
            continue
        a, b = p["pair_id"].split("_")
        for k, t in ((a, p["text1"]), (b, p["text2"])):
            if k not in seen:
                seen.add(k)
                records.append({"id": "semeval-" + k, "text": t, "lang": "ar"})
        gold.append(Gold("semeval", p["pair_id"], "semeval-" + a, "semeval-" + b, "none"))
    return [records], gold


SETS = {"demo": demo_set, "constructed": constructed_set, "saudinewsnet": saudinewsnet_set,
        "seeds": seeds_set, "semeval": semeval_set, "credited": credited_set}


def article_key(set_name: str, a) -> str:
    from rasid.resources import demo_label_key
    if set_name == "seeds":
        return Path(a.source).name[:3]
    if set_name in ("demo", "constructed"):
        return demo_label_key(a)
    return a.source_id


def ingest_set(name: str, inputs: list, tmp: Path):
    """Ingest a set's inputs (folders and record lists) into a fresh store."""
    from rasid.config import Settings
    from rasid.pipeline import Pipeline
    from rasid.store.sqlite import SQLiteStore

    store = SQLiteStore(tmp / f"{name}.db")
    paths = []
    for i, inp in enumerate(inputs):
        if isinstance(inp, str):
            paths.append(inp)
        else:
            p = tmp / f"{name}-{i}.jsonl"
            p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in inp), encoding="utf-8")
            paths.append(str(p))
    Pipeline(store, Settings(progress="never")).run(paths)
    keys = {a.id: article_key(name, a) for a in store.iter_articles()}
    return store, keys


# -- scoring ---------------------------------------------------------------------------------

def score(gold: list[Gold], predicted: dict[frozenset, tuple[str, str | None]]) -> dict:
    """predicted: {pair: (kind, source or None)} over labelled pairs."""
    out = {}
    for name, kinds in (("copy", ("copy",)), ("rewrite", ("rewrite",)), ("translation", ("translation",)),
                        ("rewrite+translation", ("rewrite", "translation")), ("any derivation", DERIVED)):
        tp = fp = fn = 0
        for g in gold:
            if g.label == "sibling":
                continue
            p = predicted.get(frozenset((g.a, g.b)))
            is_gold, is_pred = g.label in kinds, p is not None and p[0] in kinds
            if name == "any derivation":
                is_gold, is_pred = g.label in DERIVED, p is not None
            tp += is_gold and is_pred
            fp += is_pred and not is_gold
            fn += is_gold and not is_pred
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[name] = {"p": prec, "r": rec, "f1": f1, "tp": tp, "fp": fp, "fn": fn}
    directed = [(g, predicted[frozenset((g.a, g.b))]) for g in gold
                if g.label in DERIVED and g.source and frozenset((g.a, g.b)) in predicted]
    called = [(g, p) for g, p in directed if p[1] is not None]
    out["direction"] = {"linked_with_known_source": len(directed), "directed": len(called),
                        "correct": sum(p[1] == g.source for g, p in called)}
    return out


def show(title: str, s: dict) -> None:
    parts = [f"{k} P {v['p']:.3f} R {v['r']:.3f} F1 {v['f1']:.3f} ({v['tp']}/{v['fp']}/{v['fn']})"
             for k, v in s.items() if k != "direction"]
    d = s["direction"]
    parts.append(f"direction: {d['directed']}/{d['linked_with_known_source']} called, {d['correct']} right")
    print(f"{title}: " + " | ".join(parts))


def collect(sets: list[str], split: str, pairwise: bool, errors: bool) -> dict:
    from rasid.link.stage import DerivationStage

    stage = DerivationStage() if pairwise else None
    results = {}
    all_gold, all_pred = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in sets:
            got = SETS[name]()
            if got is None:
                print(f"{name}: skipped (its data is absent)")
                continue
            inputs, gold = got
            gold = [g for g in gold if split == "all" or split_of(g.group) == split]
            store, keys = ingest_set(name, inputs, Path(tmp))
            if stage is not None:
                stage.use_frequencies(store)
            by_key = {k: i for i, k in keys.items()}
            predicted, reasons = {}, {}
            if pairwise:
                for g in gold:
                    if g.a in by_key and g.b in by_key:
                        c = stage.check(store.article(by_key[g.a]), store.article(by_key[g.b]))
                        reasons[frozenset((g.a, g.b))] = c.verdict.reason
                        d = c.derivation()
                        if d is not None:
                            predicted[frozenset((g.a, g.b))] = (d.kind, keys[d.source_id] if d.directed else None)
            else:
                for d in store.derivations():
                    pair = frozenset((keys[d.source_id], keys[d.derived_id]))
                    predicted[pair] = (d.kind, keys[d.source_id] if d.directed else None)
            missing = [g for g in gold if g.a not in by_key or g.b not in by_key]
            if missing:
                print(f"{name}: {len(missing)} labelled pairs have an article that was not ingested")
            gold = [g for g in gold if g.a in by_key and g.b in by_key]
            s = score(gold, predicted)
            show(f"{name} ({len(gold)} pairs: {dict(Counter(g.label for g in gold))})", s)
            results[name] = s
            if errors:
                for g in gold:
                    p = predicted.get(frozenset((g.a, g.b)))
                    wrong = (g.label in DERIVED) != (p is not None) or (
                        p is not None and g.label in DERIVED and (g.label == "copy") != (p[0] == "copy"))
                    if wrong and g.label != "sibling":
                        why = reasons.get(frozenset((g.a, g.b))) or DerivationStage(embeddings=True).check(
                            store.article(by_key[g.a]), store.article(by_key[g.b])).verdict.reason
                        note = f" [{g.note}]" if g.note else ""
                        print(f"   {g.label:11s} predicted {p[0] if p else '-':11s} {g.a[:60]} ~ {g.b[:60]}"
                              f" {why}{note}")
            all_gold += gold
            all_pred.update(predicted)
            store.close()
    return results


def demo_origins() -> dict:
    """Independent origins per demo event (its articles as labelled, our derivation links and
    outlets) against labels.json."""
    from rasid.config import Settings
    from rasid.link.origins import independent_origins
    from rasid.pipeline import ingest
    from rasid.resources import demo_label_key, demo_labels, resource_path
    from rasid.store.sqlite import SQLiteStore

    labels = demo_labels()
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "demo.db")
        ingest([str(resource_path("demo/corpus"))], store, Settings(progress="never"))
        arts = list(store.iter_articles())
        derivations = store.derivations()
        store.close()
    event_of = {a.id: labels["articles"][demo_label_key(a)]["event"] for a in arts}
    out = {}
    for event, want in labels["independent_origins"].items():
        members = [a for a in arts if event_of[a.id] == event]
        got = independent_origins([a.id for a in members], derivations, {a.id: a.outlet for a in members})
        out[event] = (got, want)
    print("demo independent origins per event (ours/labelled): "
          + ", ".join(f"{e} {g}/{w}" for e, (g, w) in out.items())
          + f"; {sum(g == w for g, w in out.values())} of {len(out)} exact")
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="all", choices=("dev", "test", "all"))
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--pairwise", action="store_true")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    collect(args.sets.split(","), args.split, args.pairwise, args.errors)
    if "demo" in args.sets.split(","):
        demo_origins()
    return 0


if __name__ == "__main__":
    sys.exit(main())
