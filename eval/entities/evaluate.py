"""Entity-name resolution: pairwise merge precision and recall on name-variant pairs.

    .venv/bin/python eval/entities/evaluate.py [--sets jrc,anetac,constructed,demo]
                                               [--matcher resolver,exact,skeleton]
                                               [--errors] [--max-errors N] [--json] [--seed N]

Every labelled pair (a, b, type, same) is put to a matcher's `same(a, b, type) -> bool`;
a merge of a pair labelled same is a true positive, a merge of a pair labelled different a
false positive. Targets: precision >= 0.98 (a wrong merge poisons every count downstream),
recall >= 0.9.

Sets:
- jrc: JRC-Names person-name pairs in Arabic script (../shared/data/jrc_names_pairs_arabic_script,
  read at run time, never copied), each unordered pair once (117 are listed in both orders).
  Reported whole and split into identical strings (trivial) and non-identical pairs.
- anetac: ANETAC dev English/Arabic transliteration pairs (../shared/data/anetac). Positives are
  the pairs; each Arabic name is also paired with the English name of another dev entry of the
  same class, chosen to be hard (same first letter, closest spelling; seeded tie-break).
- constructed: our hand-written pairs (constructed_pairs.tsv). The headline leaves out
  `surname_only` (a family name alone against the full name is the same person only within
  one story, so a context-free `same()` may say no); that category is reported on its own.
- demo: the demo corpus's entity labels (src/rasid/resources/demo/labels.json). Positives are
  pairs of one entity's spellings, negatives are `must_not_merge_with` pairs and same-type
  entities whose names share a word. The headline counts full names only; short forms (a bare
  family name, «الهيئة») and acronyms are reported separately.

Matchers (`--matcher`, comma-separated):
- resolver: `rasid.resolve.names:NameMatcher` (reported as unavailable until it exists);
- exact: equality after rasid's matching normalisation (hamza seats, alef, ya, ta marbuta,
  diacritics, tatweel, Persian letters, Latin case) with whitespace collapsed;
- skeleton: equality of a consonant skeleton that also spans scripts (article, vowels and
  spaces dropped, similar consonants in one class);
- module:attr: any class or zero-argument factory whose instances have `same(a, b, type)`,
  or any object with such a method.
"""
from __future__ import annotations

import argparse
import csv
import importlib
import json
import random
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rasid.text.normalize import Norm, normalize

HERE = Path(__file__).resolve().parent
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
JRC = SHARED / "data" / "jrc_names_pairs_arabic_script" / "pairs_shared.tsv"
ANETAC = SHARED / "data" / "anetac" / "translit_dev.tsv"
CONSTRUCTED = HERE / "constructed_pairs.tsv"
ALIASES = HERE.parents[1] / "src" / "rasid" / "resources" / "entity_aliases.tsv"

TYPES = ("PER", "ORG", "LOC")
CONSTRUCTED_HEADER = ["name_a", "name_b", "type", "same", "why"]
CONTEXT_ONLY = {"surname_only"}          # constructed categories left out of the headline
TARGET_PRECISION, TARGET_RECALL = 0.98, 0.9
RESOLVER = "rasid.resolve.names:NameMatcher"


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    type: str | None
    same: bool
    tags: tuple[str, ...] = ()     # the report rows (besides the set's headline) it counts in
    headline: bool = True          # counts in the set's headline figure
    why: str = ""


# -- metrics -----------------------------------------------------------------------------------

def score(gold: Sequence[bool], predicted: Sequence[bool]) -> dict:
    """Pairwise merge figures. Precision is None when nothing was merged, recall when nothing
    should have been; F1 needs both."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    tp = sum(g and p for g, p in zip(gold, predicted))
    fp = sum(p and not g for g, p in zip(gold, predicted))
    fn = sum(g and not p for g, p in zip(gold, predicted))
    tn = len(gold) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = (2 * precision * recall / (precision + recall)
          if precision is not None and recall is not None and precision + recall else
          (0.0 if precision is not None and recall is not None else None))
    return {"pairs": len(gold), "positives": tp + fn, "negatives": fp + tn, "tp": tp, "fp": fp,
            "fn": fn, "tn": tn, "precision": precision, "recall": recall, "f1": f1,
            "accuracy": (tp + tn) / len(gold) if gold else None}


# -- baselines ---------------------------------------------------------------------------------

def match_key(text: str) -> str:
    """rasid's matching normalisation, whitespace collapsed."""
    return " ".join(normalize(text, Norm.MATCH).split())


class ExactMatcher:
    """Same when equal after `match_key`."""

    name = "exact"

    def same(self, a: str, b: str, type: str | None = None) -> bool:
        return match_key(a) == match_key(b)


_AR_CLASS = {}
for _letters, _cls in (("بپ", "B"), ("تطث", "T"), ("جچگغقكک", "K"), ("حهخة", "H"), ("دض", "D"),
                       ("زظذژ", "Z"), ("سصش", "S"), ("فڤ", "F"), ("ر", "R"), ("ل", "L"), ("م", "M"),
                       ("ن", "N"), ("اأإآٱوؤيىیئءع", "")):
    for _ch in _letters:
        _AR_CLASS[_ch] = _cls
_LATIN_DIGRAPHS = (("sh", "S"), ("ch", "S"), ("kh", "H"), ("gh", "K"), ("th", "T"), ("dh", "Z"),
                   ("ph", "F"), ("ck", "K"), ("x", "KS"))
_LATIN_CLASS = {**{c: "B" for c in "bp"}, "t": "T", **{c: "K" for c in "jgqkc"}, "h": "H", "d": "D",
                "z": "Z", "s": "S", **{c: "F" for c in "fv"}, "r": "R", "l": "L", "m": "M", "n": "N",
                **{c: "" for c in "aeiouyw"}}
_SPLIT = re.compile(r"[\s\-_'’ʼ`.,()\u200c]+")


def skeleton(text: str) -> str:
    """A consonant skeleton shared by Arabic and Latin spellings of one name: the article
    (ال, al-, el-) and vowels dropped, similar consonants in one class, a word-final h dropped
    (ة/ه, -ah), repeats collapsed, words joined. Deliberately crude: it is a baseline."""
    text = normalize(text, Norm.MATCH)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    out = []
    for token in _SPLIT.split(text):
        if not token or token in ("al", "el"):
            continue
        if token.startswith("ال") and len(token) > 3:
            token = token[2:]
        for digraph, cls in _LATIN_DIGRAPHS:
            token = token.replace(digraph, cls)
        mapped = "".join(_AR_CLASS.get(c, _LATIN_CLASS.get(c, c if c.isupper() else ""))
                         for c in token)
        if mapped.endswith("H") and len(mapped) > 1:
            mapped = mapped[:-1]
        out.append(mapped)
    joined = "".join(out)
    return "".join(c for i, c in enumerate(joined) if i == 0 or c != joined[i - 1])


class SkeletonMatcher:
    """Same when the consonant skeletons are equal and not empty."""

    name = "skeleton"

    def same(self, a: str, b: str, type: str | None = None) -> bool:
        sa = skeleton(a)
        return bool(sa) and sa == skeleton(b)


BUILTIN = {"exact": ExactMatcher, "skeleton": SkeletonMatcher}


def load_matcher(spec: str):
    """`exact`, `skeleton`, `resolver` or `module:attr` -> an object with `.same`."""
    if spec in BUILTIN:
        return BUILTIN[spec]()
    target = RESOLVER if spec == "resolver" else spec
    if ":" not in target:
        raise ValueError(f"matcher {spec!r}: expected exact, skeleton, resolver or module:attr")
    module_name, attr = target.split(":", 1)
    obj = importlib.import_module(module_name)
    for part in attr.split("."):
        obj = getattr(obj, part)
    if isinstance(obj, type) or (callable(obj) and not hasattr(obj, "same")):
        obj = obj()
    if not callable(getattr(obj, "same", None)):
        raise TypeError(f"matcher {spec!r} has no same(a, b, type) method")
    return obj


# -- the sets ----------------------------------------------------------------------------------

def _read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def jrc_set(seed: int = 0) -> list[Pair] | None:
    if not JRC.exists():
        return None
    out, seen = [], set()
    for r in _read_tsv(JRC):
        key = frozenset((r["name1"], r["name2"]))
        if key in seen:           # 117 pairs are listed in both orders; count each once
            continue
        seen.add(key)
        identical = r["name1"] == r["name2"]
        out.append(Pair(r["name1"], r["name2"], "PER", r["same_entity"] == "TRUE",
                        ("identical" if identical else "non_identical",)))
    return out


def levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


_ANETAC_TYPE = {"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}


def anetac_negatives(rows: list[dict], seed: int) -> list[tuple[int, int]]:
    """(i, j): the Arabic of entry i against the English of a hard other entry j of the same
    class. Hard: the same first letter and the closest English spelling at edit distance >= 2
    (distance 1 is too often the same name); else the closest length. Never an entry whose
    English is a rendering of i's Arabic elsewhere in the set. Ties broken by a seeded shuffle."""
    english_of = defaultdict(set)
    for r in rows:
        english_of[match_key(r["arabic"])].add(r["english"].lower())
    by_class = defaultdict(list)
    for j, r in enumerate(rows):
        by_class[r["class"]].append(j)
    out = []
    for i, r in enumerate(rows):
        e, ar = r["english"].lower(), match_key(r["arabic"])
        ok = [j for j in by_class[r["class"]]
              if j != i and rows[j]["english"].lower() not in english_of[ar]
              and match_key(rows[j]["arabic"]) != ar and rows[j]["english"].lower() != e]
        rng = random.Random(f"{seed}:{i}:{r['english']}")
        rng.shuffle(ok)
        same_letter = [(levenshtein(e, rows[j]["english"].lower()), j) for j in ok
                       if rows[j]["english"][:1].lower() == e[:1]]
        same_letter = [(d, j) for d, j in same_letter if d >= 2]
        if same_letter:
            out.append((i, min(same_letter, key=lambda x: x[0])[1]))
        elif ok:
            out.append((i, min(ok, key=lambda j: abs(len(rows[j]["english"]) - len(e)))))
    return out


def anetac_set(seed: int = 0) -> list[Pair] | None:
    if not ANETAC.exists():
        return None
    rows = _read_tsv(ANETAC)
    out = [Pair(r["english"], r["arabic"], _ANETAC_TYPE[r["class"]], True, (_ANETAC_TYPE[r["class"]],))
           for r in rows]
    for i, j in anetac_negatives(rows, seed):
        t = _ANETAC_TYPE[rows[i]["class"]]
        out.append(Pair(rows[j]["english"], rows[i]["arabic"], t, False, (t,)))
    return out


def read_constructed(path: Path = CONSTRUCTED) -> list[dict]:
    return _read_tsv(path)


def _script(text: str) -> str:
    has_ar = any("\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff" for c in text)
    has_latin = any(c.isascii() and c.isalpha() or "\u00c0" <= c <= "\u024f" for c in text)
    return "mixed" if has_ar and has_latin else "ar" if has_ar else "latin"


def constructed_set(seed: int = 0) -> list[Pair] | None:
    if not CONSTRUCTED.exists():
        return None
    out = []
    for r in read_constructed():
        context = r["why"] in CONTEXT_ONLY
        cross = _script(r["name_a"]) != _script(r["name_b"])
        tags = [r["why"]] if context else ["cross_script" if cross else "same_script"]
        out.append(Pair(r["name_a"], r["name_b"], r["type"], r["same"] == "1", tuple(tags),
                        headline=not context, why=r["why"]))
    return out


def _name_tokens(surface: str) -> list[str]:
    return [t for t in re.split(r"[\s\-]+", surface) if t and t.lower() not in ("al", "el")]


def _content_words(surface: str) -> set[str]:
    words = set()
    for t in _name_tokens(match_key(surface)):
        if t.startswith("ال") and len(t) > 3:
            t = t[2:]
        if len(t) > 2:
            words.add(t)
    return words


def demo_kinds(entity: dict) -> dict[str, str]:
    """surface -> full | short_form | acronym. An acronym is an all-capitals Latin name, or the
    one-word Arabic name of an organisation that also goes by one. A short form has fewer name
    words than the entity's longest name in the same script."""
    surfaces = list(dict.fromkeys([*entity["variants"], entity["name_ar"], entity["name_latin"]]))
    caps = [s for s in surfaces if re.fullmatch(r"[A-Z]{2,}", s)]
    longest = Counter()
    for s in surfaces:
        longest[_script(s)] = max(longest[_script(s)], len(_name_tokens(s)))
    kinds = {}
    for s in surfaces:
        n = len(_name_tokens(s))
        if s in caps or (caps and entity["type"] == "ORG" and _script(s) == "ar" and n == 1
                         and not s.startswith("ال")):
            kinds[s] = "acronym"
        elif n < longest[_script(s)]:
            kinds[s] = "short_form"
        else:
            kinds[s] = "full"
    return kinds


def _demo_pair(a: str, b: str, kind_a: str, kind_b: str, type_: str, same: bool, why: str) -> Pair:
    kind = "acronym" if "acronym" in (kind_a, kind_b) else \
        "short_form" if "short_form" in (kind_a, kind_b) else "full"
    return Pair(a, b, type_, same, () if kind == "full" else (kind,), headline=kind == "full", why=why)


def demo_set(seed: int = 0) -> list[Pair] | None:
    from rasid.resources import demo_labels

    entities = {e["id"]: e for e in demo_labels()["entities"]}
    kinds = {k: demo_kinds(e) for k, e in entities.items()}
    out, seen = [], set()

    def add(pair: Pair) -> None:
        key = frozenset((pair.a, pair.b))
        if pair.a != pair.b and key not in seen:
            seen.add(key)
            out.append(pair)
    for k, e in entities.items():
        names = list(kinds[k])
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                add(_demo_pair(a, b, kinds[k][a], kinds[k][b], e["type"], True, k))
    ids = sorted(entities)
    for i, x in enumerate(ids):
        for y in ids[i + 1:]:
            ex, ey = entities[x], entities[y]
            if ex["type"] != ey["type"]:
                continue
            listed = y in ex["must_not_merge_with"] or x in ey["must_not_merge_with"]
            for a in kinds[x]:
                for b in kinds[y]:
                    if a in kinds[y] or b in kinds[x]:
                        continue      # a spelling of both (a shared family name): context decides
                    if listed or (kinds[x][a] == kinds[y][b] == "full"
                                  and _content_words(a) & _content_words(b)):
                        add(_demo_pair(a, b, kinds[x][a], kinds[y][b], ex["type"], False, f"{x}/{y}"))
    return out


SETS: dict[str, Callable[[int], list[Pair] | None]] = {
    "jrc": jrc_set, "anetac": anetac_set, "constructed": constructed_set, "demo": demo_set}
ABSENT = {"jrc": f"../shared/data/{JRC.parent.name} is absent",
          "anetac": f"../shared/data/{ANETAC.parent.name} is absent",
          "constructed": f"{CONSTRUCTED.name} is absent", "demo": "the demo labels are absent"}


# -- running -----------------------------------------------------------------------------------

def rows_of(set_name: str, pairs: Sequence[Pair], predicted: Sequence[bool]) -> dict[str, dict]:
    """The report rows of one set: the headline, then one row per tag (and per `why`)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(pairs):
        if p.headline:
            groups[set_name].append(i)
        for t in p.tags:
            groups[f"{set_name}.{t}"].append(i)
        if set_name == "constructed":
            groups[f"{set_name}.why.{p.why}"].append(i)
    out = {}
    for name in sorted(groups, key=lambda g: (g.count("."), g)):
        idx = groups[name]
        out[name] = score([pairs[i].same for i in idx], [predicted[i] for i in idx])
    return out


def run_matcher(matcher, pairs: Sequence[Pair]) -> list[bool]:
    return [bool(matcher.same(p.a, p.b, p.type)) for p in pairs]


def evaluate(matcher, sets: Iterable[str] = tuple(SETS), seed: int = 13, log=print) -> dict:
    """{row: figures} for one matcher over the chosen sets; absent sets are left out."""
    results = {}
    for name in sets:
        pairs = SETS[name](seed)
        if pairs is None:
            log(f"{name}: skipped ({ABSENT[name]})")
            continue
        results.update(rows_of(name, pairs, run_matcher(matcher, pairs)))
    return results


def _fmt(x) -> str:
    return "    -" if x is None else f"{x:.3f}"


def show_table(all_results: dict[str, dict], rows: list[str]) -> None:
    print(f"{'set':30s} {'matcher':10s} {'pairs':>6s} {'pos':>5s} {'TP':>5s} {'FP':>5s} {'FN':>5s}"
          f" {'P':>6s} {'R':>6s} {'F1':>6s}")
    for row in rows:
        for m, res in all_results.items():
            if row in res:
                s = res[row]
                flag = ""
                if "." not in row and not (s["precision"] is not None and s["recall"] is not None
                                           and s["precision"] >= TARGET_PRECISION
                                           and s["recall"] >= TARGET_RECALL):
                    flag = "  (below target)"
                print(f"{row:30s} {m:10s} {s['pairs']:6d} {s['positives']:5d} {s['tp']:5d} {s['fp']:5d}"
                      f" {s['fn']:5d} {_fmt(s['precision']):>6s} {_fmt(s['recall']):>6s}"
                      f" {_fmt(s['f1']):>6s}{flag}")


def show_categories(all_results: dict[str, dict]) -> None:
    cats = sorted({r for res in all_results.values() for r in res if r.startswith("constructed.why.")})
    if not cats:
        return
    names = list(all_results)
    print("\nconstructed by category: accuracy (false merges / missed merges)")
    print(f"{'why':22s} {'pos':>4s} {'neg':>4s}  " + "  ".join(f"{m:>18s}" for m in names))
    for c in cats:
        any_res = next(res[c] for res in all_results.values() if c in res)
        cells = []
        for m in names:
            s = all_results[m].get(c)
            cells.append(f"{'-':>18s}" if s is None else
                         f"{s['accuracy']:.3f} ({s['fp']:>2d}/{s['fn']:>2d})".rjust(18))
        tag = c.split(".", 2)[2] + (" *" if c.split(".", 2)[2] in CONTEXT_ONLY else "")
        print(f"{tag:22s} {any_res['positives']:4d} {any_res['negatives']:4d}  " + "  ".join(cells))
    print("* context-dependent: not in the constructed headline")


def show_errors(name: str, matcher_name: str, pairs: Sequence[Pair], predicted: Sequence[bool],
                limit: int) -> None:
    wrong = [(p, q) for p, q in zip(pairs, predicted) if p.same != q]
    if not wrong:
        return
    print(f"\n{name} / {matcher_name}: {len(wrong)} wrong"
          + (f" (first {limit})" if limit and len(wrong) > limit else ""))
    for p, q in wrong[:limit or None]:
        kind = "FP" if q else "FN"
        note = ",".join(([p.why] if p.why else []) + list(p.tags)) + ("" if p.headline else ", not headline")
        print(f"  {kind} {p.type or '-':3s} {p.a}  ~  {p.b}   [{note}]")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--matcher", default="resolver,exact,skeleton",
                    help="comma-separated: resolver, exact, skeleton or module:attr")
    ap.add_argument("--errors", action="store_true", help="list the wrongly judged pairs")
    ap.add_argument("--max-errors", type=int, default=40, help="per set and matcher; 0 for all")
    ap.add_argument("--json", action="store_true", help="print a machine-readable summary only")
    ap.add_argument("--seed", type=int, default=13, help="tie-breaks of the ANETAC negatives")
    args = ap.parse_args(argv)
    sets = [s for s in args.sets.split(",") if s]
    unknown = [s for s in sets if s not in SETS]
    if unknown:
        ap.error(f"unknown sets {unknown}; known: {', '.join(SETS)}")
    log = (lambda msg: print(msg, file=sys.stderr)) if args.json else print

    matchers, summary = {}, {"seed": args.seed, "targets": {"precision": TARGET_PRECISION,
                                                            "recall": TARGET_RECALL},
                             "skipped_sets": {}, "matchers": {}}
    for spec in [m for m in args.matcher.split(",") if m]:
        try:
            matchers[spec] = load_matcher(spec)
        except Exception as exc:  # noqa: BLE001 - report any import problem and go on
            log(f"matcher {spec}: not available ({type(exc).__name__}: {exc})")
            summary["matchers"][spec] = {"available": False, "error": f"{type(exc).__name__}: {exc}"}
    if not matchers:
        log("no matcher available")
        if args.json:
            print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 2

    data = {}
    for name in sets:
        pairs = SETS[name](args.seed)
        if pairs is None:
            log(f"{name}: skipped ({ABSENT[name]})")
            summary["skipped_sets"][name] = ABSENT[name]
        else:
            data[name] = pairs
    all_results: dict[str, dict] = {}
    predictions: dict[tuple[str, str], list[bool]] = {}
    for spec, matcher in matchers.items():
        start, res, seconds = time.perf_counter(), {}, {}
        for name, pairs in data.items():
            t0 = time.perf_counter()
            predicted = run_matcher(matcher, pairs)
            seconds[name] = round(time.perf_counter() - t0, 3)
            predictions[(spec, name)] = predicted
            res.update(rows_of(name, pairs, predicted))
        asym = [p for p in data.get("constructed", ())
                if bool(matcher.same(p.a, p.b, p.type)) != bool(matcher.same(p.b, p.a, p.type))]
        all_results[spec] = res
        summary["matchers"][spec] = {"available": True, "seconds": round(time.perf_counter() - start, 3),
                                     "seconds_by_set": seconds,
                                     "asymmetric_constructed_pairs": len(asym), "rows": res}
        if asym:
            log(f"matcher {spec}: same(a, b) != same(b, a) on {len(asym)} constructed pairs")
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0

    order = []
    for name in data:
        order += [r for r in next(iter(all_results.values())) if r == name or
                  (r.startswith(name + ".") and not r.startswith(name + ".why."))]
    for name, pairs in data.items():
        print(f"{name}: {len(pairs)} pairs, {sum(p.same for p in pairs)} same"
              + ("" if name != "anetac" else f" (negatives seeded {args.seed})"))
    print()
    show_table(all_results, order)
    if "constructed" in data:
        show_categories(all_results)
    print("\ntargets on each set's headline: precision >= %.2f, recall >= %.2f; seconds: %s"
          % (TARGET_PRECISION, TARGET_RECALL,
             ", ".join(f"{m} {summary['matchers'][m]['seconds']:.2f}" for m in all_results)))
    if args.errors:
        for spec in matchers:
            for name, pairs in data.items():
                show_errors(name, spec, pairs, predictions[(spec, name)], args.max_errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
