"""Quote attribution: who said what, through whom, on hand-labelled Arabic news paragraphs.

    .venv/bin/python eval/quotes/evaluate.py [--extractor rasid,baseline] [--sets constructed,demo,heldout,heldout2,heldout3]
                                             [--mentions] [--errors] [--max-errors N] [--json]
                                             [--stats]

An extractor is any callable `extract(text, mentions=()) -> list[Quote]` (rasid.model.Quote).
A predicted quote matches a gold attribution when their quote spans overlap by at least half
of the shorter of the two (character offsets). Matching is greedy and one-to-one, best overlap
first. Reported per extractor and set:

- detection: precision, recall and F1 of quote spans;
- speaker: a matched attribution is speaker-correct when the predicted speaker span overlaps
  the gold speaker span. For a pronoun attribution («وأضاف» with no name) any occurrence of the
  gold speaker string counts; for a back-reference («وأضاف المصدر») the labelled antecedent
  counts as well. A prediction with `speaker_span=None` is judged on `speaker_text` (equal to,
  or a run of whole words inside, or containing, the gold speaker or antecedent, after
  rasid's matching normalisation). Speaker precision = speaker-correct / predictions that name
  a speaker; speaker recall = speaker-correct / gold attributions.
  **Targets: speaker precision >= 0.9, recall >= 0.8** (on the constructed set);
- channel: accuracy on matched attributions whose gold channel is not null (the predicted
  channel string names it: after normalisation one is a run of whole words of the other, a
  prefixed ل ignored), and the number of false channels (a channel predicted where gold has
  none);
- direct, denial, anonymous (gold speaker_kind == anonymous) and verb accuracy on matched pairs;
- span quality of matched pairs (exact, mean IoU), and integrity: crashes, predictions whose
  `text` is not `text[span]` or whose speaker span is out of place.

Sets:
- constructed: attributions.jsonl, written and labelled for rasid (rules in LABELLING.md);
  rows per item tag (pronoun, interrupted, unbalanced, negative, ...) and per speaker kind.
- heldout: heldout.jsonl, a held-out test set in the same format and under the same rules, never
  used to develop the extractor (README, "Held-out set"); run only when named in --sets;
- heldout2: heldout2.jsonl, a second held-out test set in the same format and under the same
  rules, written without running any extractor on it and to be scored once, after the
  extractor is frozen (README, "Second held-out set"); run only when named in --sets;
- heldout3: heldout3.jsonl, a third held-out test set in the same format and under the same
  rules, written without running any extractor on it and to be scored once (README, "Third
  held-out set"); run only when named in --sets;
- demo: the quotes labelled in the bundled demo corpus (src/rasid/resources/demo/labels.json,
  the issue's seeds), read and cleaned as the pipeline does. Their speakers are entity ids or
  phrases, not spans, so the speaker is judged on the speaker's words against the entity's
  spellings (see README).

Extractors (`--extractor`, comma-separated):
- rasid: `rasid.extract.quotes:extract_quotes` (reported as unavailable until it imports);
- baseline: the regex baseline below («قال X إن/أن …», «قال X: "…"»);
- module:attr: any callable with the signature above.
"""
from __future__ import annotations

import argparse
import importlib
import inspect
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rasid.model import Quote, Span
from rasid.text.normalize import Norm, normalize

HERE = Path(__file__).resolve().parent
DATA = HERE / "attributions.jsonl"
HELDOUT = HERE / "heldout.jsonl"
HELDOUT2 = HERE / "heldout2.jsonl"
HELDOUT3 = HERE / "heldout3.jsonl"
RASID = "rasid.extract.quotes:extract_quotes"
TARGET_SPEAKER_PRECISION, TARGET_SPEAKER_RECALL = 0.9, 0.8
MIN_OVERLAP = 0.5                       # of the shorter span
MARKS = "«»“”„\"‹›‘’'"


# -- the data ----------------------------------------------------------------------------------

def load(path: Path = DATA) -> list[dict]:
    """The labelled items, one JSON object per line (format in README.md)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def locate(text: str, sub: str, start: int | None = None) -> int:
    """Offset of `sub` in `text`: at `start` when given (and checked), else its only occurrence."""
    if start is not None:
        if text[start:start + len(sub)] != sub:
            raise ValueError(f"{sub!r} is not at {start}")
        return start
    first = text.find(sub)
    if first < 0:
        raise ValueError(f"{sub!r} is not in the text")
    if text.find(sub, first + 1) >= 0:
        raise ValueError(f"{sub!r} occurs more than once: give its start")
    return first


def occurrences(text: str, sub: str) -> list[int]:
    out, i = [], text.find(sub) if sub else -1
    while i >= 0:
        out.append(i)
        i = text.find(sub, i + 1)
    return out


@dataclass(frozen=True)
class Gold:
    item: str
    span: tuple[int, int]
    quote: str
    speaker: str
    speaker_spans: tuple[tuple[int, int], ...]   # any of these is the right speaker
    speaker_names: tuple[str, ...]                # for judging a speaker given as text only
    kind: str | None
    channel: str | None
    direct: bool
    denial: bool
    anonymous: bool
    verb: str | None
    tags: tuple[str, ...]


def gold_of(item: dict) -> list[Gold]:
    """The gold attributions of one item, offsets resolved."""
    text, out = item["text"], []
    for a in item["attributions"]:
        qs = locate(text, a["quote"], a.get("quote_start"))
        spans: list[tuple[int, int]] = []
        names = [a["speaker"], *a.get("speaker_names", ())]
        if a["speaker"] in text and "speaker_names" not in a:
            ss = locate(text, a["speaker"], a.get("speaker_start"))
            spans.append((ss, ss + len(a["speaker"])))
            if a.get("pronoun"):
                spans += [(o, o + len(a["speaker"])) for o in occurrences(text, a["speaker"]) if o != ss]
        if a.get("antecedent"):
            an = locate(text, a["antecedent"], a.get("antecedent_start"))
            spans.append((an, an + len(a["antecedent"])))
            names.append(a["antecedent"])
        kind = a.get("speaker_kind")
        out.append(Gold(item["id"], (qs, qs + len(a["quote"])), a["quote"], a["speaker"], tuple(spans),
                        tuple(names), kind, a.get("channel"), bool(a["direct"]), bool(a["denial"]),
                        bool(a.get("anonymous", kind == "anonymous")), a.get("verb"),
                        tuple(item.get("tags", ()))))
    return out


# -- normalisation and comparisons -------------------------------------------------------------

_PUNCT = re.compile(r"[\s" + re.escape(MARKS) + r"()\[\]،,.:؛;!?؟\-–—_ـ/]+")


def words(text: str | None) -> list[str]:
    """rasid's matching normalisation, split on spaces, punctuation and quotation marks."""
    if not text:
        return []
    return [w for w in _PUNCT.split(normalize(text, Norm.MATCH)) if w]


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):       # a prefixed ل: لوكالة / وكالة, للشركة / الشركة
        if x.startswith("لل") and "ال" + x[2:] == y:
            return True
        if x.startswith("ل") and len(x) > 3 and x[1:] == y:
            return True
        if x.endswith("ا") and len(x) > 3 and x[:-1] == y:   # the accusative: مصدراً / مصدر
            return True
    return False


def words_within(short: Sequence[str], long: Sequence[str]) -> bool:
    """`short` is a run of whole words of `long` (word by word, a prefixed ل and an
    accusative alif ignored)."""
    if not short or len(short) > len(long):
        return False
    return any(all(_same_word(s, w) for s, w in zip(short, long[i:i + len(short)]))
               for i in range(len(long) - len(short) + 1))


def names_match(a: str | None, b: str | None) -> bool:
    """One string is a run of whole words of the other after normalisation."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False
    return words_within(wa, wb) if len(wa) <= len(wb) else words_within(wb, wa)


def verb_match(gold: str | None, pred: str | None) -> bool:
    g, p = "".join(words(gold)), "".join(words(pred))
    return bool(g and p) and (g in p or p in g)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = overlap(a, b)
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def match(gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]],
          min_overlap: float = MIN_OVERLAP) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of quote spans: (gold index, predicted index) pairs whose
    overlap is at least `min_overlap` of the shorter span, best overlap first."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            shorter = min(g[1] - g[0], p[1] - p[0])
            ov = overlap(g, p)
            if shorter > 0 and ov > 0 and ov >= min_overlap * shorter:
                cands.append((-ov / shorter, -iou(g, p), gi, pi))
    cands.sort()
    used_g, used_p, out = set(), set(), []
    for _, _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return sorted(out)


# -- predictions -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Pred:
    span: tuple[int, int]
    text: str
    speaker_text: str
    speaker_span: tuple[int, int] | None
    channel: str | None
    direct: bool
    anonymous: bool
    denial: bool
    verb: str | None
    problems: tuple[str, ...] = ()

    @property
    def names_speaker(self) -> bool:
        return self.speaker_span is not None or bool((self.speaker_text or "").strip())


def as_pred(q, text: str) -> Pred:
    """A Quote (or anything shaped like one) as a Pred, with what is wrong with its offsets."""
    span = (q.span.start, q.span.end)
    sspan = (q.speaker_span.start, q.speaker_span.end) if getattr(q, "speaker_span", None) else None
    problems = []
    if not 0 <= span[0] <= span[1] <= len(text):
        problems.append("span outside the text")
    elif q.text != text[span[0]:span[1]]:
        problems.append("text != text[span]")
    if sspan is not None:
        if not 0 <= sspan[0] <= sspan[1] <= len(text):
            problems.append("speaker span outside the text")
        elif (q.speaker_text or "") != text[sspan[0]:sspan[1]]:
            problems.append("speaker_text != text[speaker_span]")
        if overlap(span, sspan):
            problems.append("speaker span overlaps the quote")
    return Pred(span, q.text, q.speaker_text or "", sspan, getattr(q, "channel", None),
                bool(getattr(q, "direct", False)), bool(getattr(q, "anonymous", False)),
                bool(getattr(q, "denial", False)), getattr(q, "verb", None), tuple(problems))


def speaker_ok(g: Gold, p: Pred, text: str) -> bool:
    if p.speaker_span is not None and p.speaker_span[1] > p.speaker_span[0]:
        if g.speaker_spans:
            return any(overlap(p.speaker_span, s) for s in g.speaker_spans)
        said = text[p.speaker_span[0]:p.speaker_span[1]]
    else:
        said = p.speaker_text
    return any(names_match(said, n) for n in g.speaker_names)


# -- scoring -----------------------------------------------------------------------------------

def _ratio(k: int, n: int) -> float | None:
    return k / n if n else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def _counts() -> Counter:
    return Counter()


def score(items: Sequence[dict], predictions: Sequence[Sequence[Pred]], crashes: int = 0) -> tuple[dict, list]:
    """Figures over items (each with its predictions), and per-item details for error listings."""
    c = Counter()
    by_tag: dict[str, Counter] = defaultdict(_counts)
    by_kind: dict[str, Counter] = defaultdict(_counts)
    ious, details = [], []
    for item, preds in zip(items, predictions):
        text, golds = item["text"], gold_of(item)
        pairs = match([g.span for g in golds], [p.span for p in preds])
        tags = tuple(item.get("tags", ())) or ("untagged",)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        c["items"] += 1
        c["gold"] += len(golds)
        c["predicted"] += len(preds)
        c["tp"] += len(pairs)
        c["attributed"] += sum(p.names_speaker for p in preds)
        c["inconsistent"] += sum(bool(p.problems) for p in preds)
        if not golds:
            c["negative_items"] += 1
            c["negative_fp"] += len(preds)
        fps = [p for i, p in enumerate(preds) if i not in matched_p]
        for t in tags:
            by_tag[t]["items"] += 1
            by_tag[t]["gold"] += len(golds)
            by_tag[t]["tp"] += len(pairs)
            by_tag[t]["fp"] += len(fps)
        for g in golds:
            by_kind[g.kind or "-"]["gold"] += 1
        wrong = []
        for gi, pi in pairs:
            g, p = golds[gi], preds[pi]
            ok = p.names_speaker and speaker_ok(g, p, text)
            c["speaker_ok"] += ok
            by_kind[g.kind or "-"]["tp"] += 1
            by_kind[g.kind or "-"]["speaker_ok"] += ok
            for t in tags:
                by_tag[t]["speaker_ok"] += ok
            chan_ok = None
            if g.channel:
                c["channel_gold"] += 1
                chan_ok = names_match(g.channel, p.channel)
                c["channel_ok"] += chan_ok
            elif p.channel:
                c["false_channel"] += 1
                chan_ok = False
            c["direct_ok"] += p.direct == g.direct
            c["denial_ok"] += p.denial == g.denial
            c["denial_gold"] += g.denial
            c["denial_found"] += g.denial and p.denial
            c["anonymous_ok"] += p.anonymous == g.anonymous
            if g.verb:
                c["verb_gold"] += 1
                c["verb_ok"] += verb_match(g.verb, p.verb)
            c["exact"] += g.span == p.span
            ious.append(iou(g.span, p.span))
            problems = [k for k, bad in (("speaker", not ok), ("channel", chan_ok is False),
                                         ("direct", p.direct != g.direct), ("denial", p.denial != g.denial),
                                         ("anonymous", p.anonymous != g.anonymous)) if bad]
            if problems:
                wrong.append((g, p, problems))
        details.append({"item": item, "missed": [g for i, g in enumerate(golds) if i not in matched_g],
                        "false": fps, "wrong": wrong,
                        "inconsistent": [p for p in preds if p.problems]})
    fp, fn = c["predicted"] - c["tp"], c["gold"] - c["tp"]
    det_p, det_r = _ratio(c["tp"], c["predicted"]), _ratio(c["tp"], c["gold"])
    spk_p, spk_r = _ratio(c["speaker_ok"], c["attributed"]), _ratio(c["speaker_ok"], c["gold"])
    out = {
        "items": c["items"], "gold": c["gold"], "predicted": c["predicted"],
        "detection": {"tp": c["tp"], "fp": fp, "fn": fn, "precision": det_p, "recall": det_r,
                      "f1": _f1(det_p, det_r)},
        "speaker": {"attributed": c["attributed"], "correct": c["speaker_ok"], "precision": spk_p,
                    "recall": spk_r, "f1": _f1(spk_p, spk_r)},
        "channel": {"gold": c["channel_gold"], "correct": c["channel_ok"],
                    "accuracy": _ratio(c["channel_ok"], c["channel_gold"]),
                    "false_channels": c["false_channel"]},
        "direct": {"matched": c["tp"], "correct": c["direct_ok"], "accuracy": _ratio(c["direct_ok"], c["tp"])},
        "denial": {"matched": c["tp"], "correct": c["denial_ok"], "accuracy": _ratio(c["denial_ok"], c["tp"]),
                   "gold_denials_matched": c["denial_gold"], "found": c["denial_found"]},
        "anonymous": {"matched": c["tp"], "correct": c["anonymous_ok"],
                      "accuracy": _ratio(c["anonymous_ok"], c["tp"])},
        "verb": {"labelled": c["verb_gold"], "correct": c["verb_ok"],
                 "accuracy": _ratio(c["verb_ok"], c["verb_gold"])},
        "span": {"exact": c["exact"], "exact_rate": _ratio(c["exact"], c["tp"]),
                 "mean_iou": sum(ious) / len(ious) if ious else None},
        "negatives": {"items": c["negative_items"], "false_positives": c["negative_fp"]},
        "integrity": {"crashes": crashes, "inconsistent": c["inconsistent"]},
        "by_tag": {t: {"items": v["items"], "gold": v["gold"], "tp": v["tp"], "fp": v["fp"],
                       "speaker_ok": v["speaker_ok"], "recall": _ratio(v["tp"], v["gold"]),
                       "speaker_recall": _ratio(v["speaker_ok"], v["gold"])}
                   for t, v in sorted(by_tag.items())},
        "by_kind": {k: {"gold": v["gold"], "tp": v["tp"], "speaker_ok": v["speaker_ok"],
                        "recall": _ratio(v["tp"], v["gold"]),
                        "speaker_recall": _ratio(v["speaker_ok"], v["gold"])}
                    for k, v in sorted(by_kind.items())},
    }
    out["meets_targets"] = (spk_p is not None and spk_r is not None
                            and spk_p >= TARGET_SPEAKER_PRECISION and spk_r >= TARGET_SPEAKER_RECALL)
    return out, details


def _accepts_mentions(extract: Callable) -> bool:
    try:
        params = inspect.signature(extract).parameters
    except (TypeError, ValueError):
        return True
    return "mentions" in params or any(p.kind == p.VAR_KEYWORD for p in params.values()) or len(params) > 1


_TAGGER = None


def _mentions(text: str):
    global _TAGGER
    if _TAGGER is None:
        from rasid.extract.entities import MentionExtractor
        _TAGGER = MentionExtractor()
    return _TAGGER.mentions(text)


def run(extract: Callable, items: Sequence[dict], mentions: bool = False,
        log: Callable[[str], None] = lambda msg: None) -> tuple[list[list[Pred]], int]:
    """Predictions per item; an item whose extraction raises counts as a crash with none."""
    preds, crashes = [], 0
    with_mentions = mentions and _accepts_mentions(extract)
    for item in items:
        text = item["text"]
        try:
            found = extract(text, _mentions(text)) if with_mentions else extract(text)
            preds.append([as_pred(q, text) for q in found])
        except Exception as exc:  # noqa: BLE001 - a crash is a figure, not the end of the run
            crashes += 1
            log(f"{item['id']}: extractor raised {type(exc).__name__}: {exc}")
            preds.append([])
    return preds, crashes


def evaluate(extract: Callable, items: Sequence[dict] | None = None, mentions: bool = False,
             log: Callable[[str], None] = lambda msg: None) -> dict:
    """The figures of one extractor on `items` (default: the constructed set), as a dict."""
    items = load() if items is None else items
    t0 = time.perf_counter()
    preds, crashes = run(extract, items, mentions, log)
    seconds = time.perf_counter() - t0
    result, _ = score(items, preds, crashes)
    result["seconds"] = round(seconds, 3)
    return result


# -- the demo corpus (the seed labels) -------------------------------------------------

def demo_items() -> list[dict] | None:
    """The demo corpus's labelled quotes as items: each article read and cleaned like the
    pipeline does, quotes located in the cleaned text; speakers by their spellings."""
    try:
        from rasid.clean import Cleaner
        from rasid.config import Settings
        from rasid.ingest import find_files, read_file
        from rasid.model import RawDocument
        from rasid.resources import demo_label_key, demo_labels, resource_path
        from rasid.text.script import strip_invisible
    except ImportError:
        return None
    labels = demo_labels()
    corpus = resource_path("demo/corpus")
    if not corpus.is_dir():
        return None
    entities = {e["id"]: e for e in labels["entities"]}
    cleaner, settings, texts = Cleaner(), Settings(progress="never"), {}
    for n, file in enumerate(find_files([str(corpus)], label="demo")):
        for m, raw in enumerate(read_file(file, settings)):
            if isinstance(raw, RawDocument):
                article = cleaner(raw, f"demo-{n}-{m}")
                texts[demo_label_key(article)] = (article.text, article.lang)
    items = []
    for key, quotes in labels["quotes"].items():
        if key not in texts:
            continue
        text, lang = texts[key]
        attributions, used = [], set()
        for q in quotes:
            quote = strip_invisible(q["text"])
            start = next((o for o in occurrences(text, quote) if o not in used), None)
            if start is None:
                continue
            used.add(start)
            who = q["speaker"]
            if who in entities:
                e = entities[who]
                names = [*e["variants"], e["name_ar"], e["name_latin"]]
                kind = {"PER": "named", "ORG": "organisation"}.get(e["type"], "named")
            else:
                names, kind = [who], "anonymous" if q["anonymous"] else "title"
            attributions.append({"quote": quote, "quote_start": start, "speaker": who,
                                 "speaker_names": [n for n in names if n],
                                 "speaker_kind": kind, "channel": q["channel"], "direct": q["direct"],
                                 "denial": q["denial"], "anonymous": q["anonymous"]})
        tags = ["demo", lang or "unknown"] + (["interrupted"] if any(q.get("interrupted") for q in quotes) else [])
        items.append({"id": key, "text": text, "tags": tags, "attributions": attributions})
    return items


# -- the baseline ------------------------------------------------------------------------------

_VERBS = ("قال|قالت|قالوا|يقول|تقول|يقولون|أكد|أكدت|أكدوا|يؤكد|تؤكد|أضاف|أضافت|يضيف|تضيف|أوضح|أوضحت|"
          "أشار|أشارت|يشير|تشير|كشف|كشفت|صرح|صرّح|صرحت|صرّحت|لفت|لفتت|شدد|شددت|اعتبر|اعتبرت|"
          "تابع|تابعت|يتابع|نفى|نفت|ينفي|تنفي|نفوا|حذر|حذّر|حذرت|حذّرت|أعلن|أعلنت|أفاد|أفادت|ذكر|ذكرت")
_REPORTED = re.compile(
    rf"(?<![\w])(?P<verb>[وف]?(?:{_VERBS}))(?![\w])(?P<who>[^.:\n]{{0,90}}?)\s+"
    rf"(?:إلى\s+|على\s+|من\s+)?(?:إن|أن|بأن)(?![\w])\s*(?P<clause>[^.\n]+)")
_COLON = re.compile(
    rf"(?<![\w])(?P<verb>[وف]?(?:{_VERBS}))(?![\w])(?P<who>[^.:\n]{{0,90}}?)\s*:\s*"
    r"(?P<open>[«“\"])(?P<quote>[^«»“”\"\n]+)(?P<close>[»”\"])")
_CHANNEL = re.compile(r"\s*(?<![\w])(?:لـ?|في\s)\s*(?:[«\"“](?P<a>[^»\"”]+)[»\"”]|(?P<b>بيان|تصريح صحافي|مؤتمر صحافي)"
                      r"|(?P<c>وكالة\s+\S+(?:\s+\S+)?))")
_OCCASION = re.compile(r"(?<![\w])(?:في|خلال|عقب|أمام)\s")
_TAIL = re.compile(r"،\s*(?:مضيف|مشير|مؤكد|موضح|لافت|معتبر|مشدد|محذر)")
_ANONYMOUS = ("مصدر", "مصادر", "مسؤول", "دبلوماسي", "شهود", "مصدران", "مسؤولون")


def baseline_extract(text: str, mentions=()) -> list[Quote]:
    """A deliberately trivial baseline: «VERB SPEAKER [لـCHANNEL] إن/أن CLAUSE» to the sentence
    end (a quoted clause taken inside its marks) and «VERB SPEAKER: "QUOTE"». A verb with no
    words before the complement takes the previous speaker."""
    out: list[Quote] = []
    prev: tuple[str, Span | None] | None = None
    found = [(m, "reported") for m in _REPORTED.finditer(text)] + [(m, "colon") for m in _COLON.finditer(text)]
    for m, how in sorted(found, key=lambda x: x[0].start()):
        who_start, who_end = m.span("who")
        channel = None
        cm = _CHANNEL.search(text, who_start, who_end)
        if cm:
            channel = cm.group("a") or cm.group("b") or cm.group("c")
            who_end = cm.start()
        cut = text.find("،", who_start, who_end)
        if cut >= 0:
            who_end = cut
        occasion = _OCCASION.search(text, who_start, who_end)
        if occasion:
            who_end = occasion.start()
        while who_start < who_end and text[who_start].isspace():
            who_start += 1
        while who_end > who_start and text[who_end - 1].isspace():
            who_end -= 1
        if who_end > who_start:
            speaker = (text[who_start:who_end], Span(who_start, who_end))
        elif prev is not None:
            speaker = prev
        else:
            continue
        if how == "colon":
            s, e, direct = m.start("quote"), m.end("quote"), True
        else:
            s, e = m.span("clause")
            tail = _TAIL.search(text, s, e)
            if tail:
                e = tail.start()
            direct = text[s] in "«“\""
            if direct:
                close = re.search(r"[»”\"]", text[s + 1:e])
                if not close:
                    continue
                s, e = s + 1, s + 1 + close.start()
        while e > s and text[e - 1] in " ،.":
            e -= 1
        if e <= s or any(overlap((s, e), (q.span.start, q.span.end)) for q in out):
            continue
        verb = m.group("verb")
        first = speaker[0].split()[0] if speaker[0].split() else ""
        out.append(Quote(span=Span(s, e), text=text[s:e], speaker_text=speaker[0], speaker_span=speaker[1],
                         channel=channel, direct=direct, anonymous=first in _ANONYMOUS,
                         denial=verb.lstrip("وف") in ("نفى", "نفت", "ينفي", "تنفي", "نفوا"), verb=verb))
        prev = speaker
    return out


# -- running -----------------------------------------------------------------------------------

def load_extractor(spec: str) -> Callable:
    """`baseline`, `rasid` or `module:attr` -> a callable `extract(text, mentions=())`."""
    if spec == "baseline":
        return baseline_extract
    target = RASID if spec == "rasid" else spec
    if ":" not in target:
        raise ValueError(f"extractor {spec!r}: expected rasid, baseline or module:attr")
    module_name, attr = target.split(":", 1)
    obj = importlib.import_module(module_name)
    for part in attr.split("."):
        obj = getattr(obj, part)
    if inspect.isclass(obj):
        obj = obj()
    if not callable(obj):
        raise TypeError(f"extractor {spec!r} is not callable")
    return obj


def stats(items: Sequence[dict]) -> dict:
    """Counts per category of the labelled set (for the README)."""
    attrs = [a for it in items for a in it["attributions"]]
    verbs = Counter(a["verb"] for a in attrs if a.get("verb"))
    return {
        "items": len(items), "attributions": len(attrs),
        "negative_only_items": sum(not it["attributions"] for it in items),
        "speaker_kind": dict(Counter(a["speaker_kind"] for a in attrs)),
        "direct": sum(a["direct"] for a in attrs), "reported": sum(not a["direct"] for a in attrs),
        "denial": sum(a["denial"] for a in attrs),
        "with_channel": sum(bool(a["channel"]) for a in attrs),
        "channels": dict(Counter(a["channel"] for a in attrs if a["channel"]).most_common()),
        "pronoun": sum(bool(a.get("pronoun")) for a in attrs),
        "antecedent": sum(bool(a.get("antecedent")) for a in attrs),
        "tags": dict(Counter(t for it in items for t in it.get("tags", ())).most_common()),
        "verbs": dict(verbs.most_common()),
    }


def _fmt(x) -> str:
    return "    -" if x is None else f"{x:.3f}"


def show(results: dict[str, dict[str, dict]]) -> None:
    print(f"{'set':12s} {'extractor':10s} {'gold':>5s} {'pred':>5s} {'det-P':>6s} {'det-R':>6s} {'det-F1':>6s}"
          f" {'spk-P':>6s} {'spk-R':>6s} {'chan':>6s} {'falsC':>5s} {'direct':>6s} {'denial':>6s}"
          f" {'anon':>6s} {'verb':>6s} {'IoU':>6s} {'crash':>5s} {'bad':>4s}")
    for set_name in dict.fromkeys(s for per in results.values() for s in per):
        for name, per in results.items():
            r = per.get(set_name)
            if r is None:
                continue
            flag = "" if set_name != "constructed" or r["meets_targets"] else "  (below target)"
            print(f"{set_name:12s} {name:10s} {r['gold']:5d} {r['predicted']:5d}"
                  f" {_fmt(r['detection']['precision']):>6s} {_fmt(r['detection']['recall']):>6s}"
                  f" {_fmt(r['detection']['f1']):>6s} {_fmt(r['speaker']['precision']):>6s}"
                  f" {_fmt(r['speaker']['recall']):>6s} {_fmt(r['channel']['accuracy']):>6s}"
                  f" {r['channel']['false_channels']:5d} {_fmt(r['direct']['accuracy']):>6s}"
                  f" {_fmt(r['denial']['accuracy']):>6s} {_fmt(r['anonymous']['accuracy']):>6s}"
                  f" {_fmt(r['verb']['accuracy']):>6s} {_fmt(r['span']['mean_iou']):>6s}"
                  f" {r['integrity']['crashes']:5d} {r['integrity']['inconsistent']:4d}{flag}")


def show_rows(results: dict[str, dict[str, dict]], set_name: str, key: str, title: str) -> None:
    names = [n for n in results if set_name in results[n]]
    if not names:
        return
    rows = list(dict.fromkeys(r for n in names for r in results[n][set_name][key]))
    print(f"\n{set_name} by {title}: detected / speaker-correct of gold" +
          (", false positives" if key == "by_tag" else ""))
    print(f"{'':18s} {'gold':>5s}  " + "  ".join(f"{n:>20s}" for n in names))
    for row in rows:
        cells, gold = [], 0
        for n in names:
            v = results[n][set_name][key].get(row)
            if v is None:
                cells.append(f"{'-':>20s}")
                continue
            gold = v["gold"]
            cell = f"{v['tp']}/{v['speaker_ok']}" + (f", fp {v['fp']}" if key == "by_tag" else "")
            cells.append(f"{cell:>20s}")
        print(f"{row:18s} {gold:5d}  " + "  ".join(cells))


def _short(s: str, n: int = 70) -> str:
    s = s.replace("\n", " ⏎ ")
    return s if len(s) <= n else s[:n - 1] + "…"


def show_errors(name: str, set_name: str, details: list, limit: int) -> None:
    lines = []
    for d in details:
        iid = d["item"]["id"]
        for g in d["missed"]:
            lines.append(f"  {iid} MISSED   «{_short(g.quote)}» — {g.speaker}")
        for p in d["false"]:
            lines.append(f"  {iid} FALSE    «{_short(p.text)}» — {p.speaker_text or '(no speaker)'}")
        for g, p, problems in d["wrong"]:
            what = []
            if "speaker" in problems:
                what.append(f"speaker {p.speaker_text or '(none)'!r} != {g.speaker!r}")
            if "channel" in problems:
                what.append(f"channel {p.channel!r} != {g.channel!r}")
            for k in ("direct", "denial", "anonymous"):
                if k in problems:
                    what.append(f"{k} {getattr(p, k)} != {getattr(g, k)}")
            lines.append(f"  {iid} WRONG    «{_short(g.quote, 40)}»: " + "; ".join(what))
        for p in d["inconsistent"]:
            lines.append(f"  {iid} BAD SPAN «{_short(p.text, 40)}»: {', '.join(p.problems)}")
    if lines:
        shown = lines[:limit or None]
        print(f"\n{set_name} / {name}: {len(lines)} errors" + (f" (first {limit})" if len(shown) < len(lines) else ""))
        print("\n".join(shown))


SETS = ("constructed", "demo")                 # the default
KNOWN_SETS = SETS + ("heldout", "heldout2", "heldout3")
LABELLED = ("constructed", "heldout", "heldout2", "heldout3")   # sets in the attributions.jsonl line format


def load_set(name: str) -> list[dict] | None:
    """The items of one set, or None when it is not available."""
    if name == "constructed":
        return load()
    if name == "heldout":
        return load(HELDOUT) if HELDOUT.exists() else None
    if name == "heldout2":
        return load(HELDOUT2) if HELDOUT2.exists() else None
    if name == "heldout3":
        return load(HELDOUT3) if HELDOUT3.exists() else None
    return demo_items()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--extractor", default="rasid,baseline", help="comma-separated: rasid, baseline or module:attr")
    ap.add_argument("--sets", default=",".join(SETS), help=f"comma-separated: {', '.join(KNOWN_SETS)}")
    ap.add_argument("--mentions", action="store_true",
                    help="pass the shipped NER's mentions to the extractor (default: none)")
    ap.add_argument("--errors", action="store_true", help="list missed, false and wrong attributions")
    ap.add_argument("--max-errors", type=int, default=60, help="per set and extractor; 0 for all")
    ap.add_argument("--json", action="store_true", help="print a machine-readable summary only")
    ap.add_argument("--stats", action="store_true", help="print the labelled set's counts and exit")
    args = ap.parse_args(argv)
    sets = [s for s in args.sets.split(",") if s]
    unknown = [s for s in sets if s not in KNOWN_SETS]
    if unknown:
        ap.error(f"unknown sets {unknown}; known: {', '.join(KNOWN_SETS)}")
    if args.stats:
        labelled = [s for s in sets if s in LABELLED] or ["constructed"]
        counts = {s: stats(load_set(s) or []) for s in labelled}
        print(json.dumps(counts[labelled[0]] if len(labelled) == 1 else counts, ensure_ascii=False, indent=2))
        return 0
    log = (lambda msg: print(msg, file=sys.stderr)) if args.json else print

    summary = {"targets": {"speaker_precision": TARGET_SPEAKER_PRECISION, "speaker_recall": TARGET_SPEAKER_RECALL},
               "min_overlap": MIN_OVERLAP, "mentions": args.mentions, "skipped_sets": {}, "extractors": {}}
    extractors = {}
    for spec in [s for s in args.extractor.split(",") if s]:
        try:
            extractors[spec] = load_extractor(spec)
        except Exception as exc:  # noqa: BLE001 - report any import problem and go on
            log(f"extractor {spec}: not available ({type(exc).__name__}: {exc})")
            summary["extractors"][spec] = {"available": False, "error": f"{type(exc).__name__}: {exc}"}
    if not extractors:
        log("no extractor available")
        if args.json:
            print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 2

    data = {}
    for name in sets:
        items = load_set(name)
        if items is None:
            log(f"{name}: skipped (not available)")
            summary["skipped_sets"][name] = "not available"
        else:
            data[name] = items
    results: dict[str, dict[str, dict]] = {}
    all_details = {}
    for spec, extract in extractors.items():
        results[spec] = {}
        for name, items in data.items():
            t0 = time.perf_counter()
            preds, crashes = run(extract, items, args.mentions, log)
            seconds = time.perf_counter() - t0
            res, details = score(items, preds, crashes)
            res["seconds"] = round(seconds, 3)
            results[spec][name] = res
            all_details[(spec, name)] = details
        summary["extractors"][spec] = {"available": True, "sets": results[spec]}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0

    for name, items in data.items():
        n_attr = sum(len(it["attributions"]) for it in items)
        print(f"{name}: {len(items)} items, {n_attr} attributions")
    print()
    show(results)
    print("\nspk-P/R: speaker attribution precision/recall (targets %.2f / %.2f on constructed); "
          "chan: channel accuracy where gold names one; falsC: channels where gold has none; "
          "direct/denial/anon/verb: accuracy on matched; crash/bad: crashed items / predictions with "
          "inconsistent offsets" % (TARGET_SPEAKER_PRECISION, TARGET_SPEAKER_RECALL))
    for name in data:
        show_rows(results, name, "by_tag", "item tag")
        if name in LABELLED:
            show_rows(results, name, "by_kind", "speaker kind")
    print("\nseconds: " + ", ".join(f"{s} {sum(r['seconds'] for r in results[s].values()):.2f}" for s in results))
    if args.errors:
        for (spec, name), details in all_details.items():
            show_errors(spec, name, details, args.max_errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
