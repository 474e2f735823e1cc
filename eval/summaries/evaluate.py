"""Story summaries: ROUGE against hand-written references, a lead baseline, citation checks.

    .venv/bin/python eval/summaries/evaluate.py [--sentences N] [--summarizer module:attr]
                                                [--show] [--json]

The bundled demo corpus is ingested into a temporary database, as the pipeline does. Each
reference in references.jsonl names its story by the source ids of its articles, and the
summarizer is given exactly those articles, so the summaries are measured apart from the
story clusterer (whether rasid's story holds that set is reported, not scored). It is called
as `summarize(articles, derivations, max_sentences=N)` with the articles
(rasid.model.Article) and the derivations between them; it returns
sentences with `.text`, `.article_id` (where the sentence was taken from) and `.article_ids`
(the articles cited for it). N is the number of reference sentences unless `--sentences`.

Measured, per story and macro-averaged over stories:

- ROUGE-1, ROUGE-2 and ROUGE-L F1 of the summary against the reference, over rasid's match
  keys (`rasid.text.tokens.match_keys`: spelling normalised, clitics stripped; English words
  lower-cased). The sentences of a summary are joined in order; ROUGE-L is the LCS of the two
  joined key sequences (as rouge-score's `rougeL`, not the sentence-union `rougeLsum`).
- the same for a lead baseline computed in the same run: the first N body sentences of the
  story's earliest-published article;
- citations: each (summary sentence, cited article) pair is supported when the cited article
  holds the sentence's content. Same language: at least 60% of the sentence's distinct content
  keys (match keys of three characters or more, numbers included) occur in the cited article's
  text. Different languages (a translation): the best cosine similarity between the sentence's
  embedding and those of the cited article's sentences (rasid.text.embed.Embedder) is at least
  0.5. A citation of an article outside the story fails;
- boilerplate: summary sentences that are an article's subheading or a boilerplate line
  (rasid.clean.boilerplate, scopes line/block/trailer). Should be 0;
- integrity (listed, not scored): a sentence not found verbatim in the article it names as its
  source, or whose source is not among its citations; a summarizer that raises.
"""
from __future__ import annotations

import argparse
import importlib
import inspect
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from rasid.text.tokens import match_keys

HERE = Path(__file__).resolve().parent
REFERENCES = HERE / "references.jsonl"
SUMMARIZER = "rasid.story.summary:summarize"
MIN_KEY_SHARE = 0.6          # same-language citation: share of content keys found in the article
MIN_COSINE = 0.5             # cross-language citation: best sentence cosine
MIN_CONTENT_KEY = 3          # content keys: match keys of at least this many characters
BOILERPLATE_SCOPES = ("line", "block", "trailer")


# -- ROUGE over match keys -------------------------------------------------------------------

def keys(text: str | Sequence[str]) -> list[str]:
    """Match keys of a text, or of sentences joined in order."""
    if not isinstance(text, str):
        text = "\n".join(text)
    return match_keys(text)


def ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def prf(overlap: int, n_candidate: int, n_reference: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from an overlap count (0 when either side is empty)."""
    p = overlap / n_candidate if n_candidate else 0.0
    r = overlap / n_reference if n_reference else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def rouge_n(reference: Sequence[str], candidate: Sequence[str], n: int) -> tuple[float, float, float]:
    """ROUGE-N (precision, recall, F1): clipped n-gram overlap."""
    ref, cand = ngrams(reference, n), ngrams(candidate, n)
    return prf(sum((ref & cand).values()), sum(cand.values()), sum(ref.values()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence (dynamic programming, one row at a time)."""
    if len(a) < len(b):
        a, b = b, a
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge_l(reference: Sequence[str], candidate: Sequence[str]) -> tuple[float, float, float]:
    """ROUGE-L (precision, recall, F1) from the LCS of the two token sequences."""
    return prf(lcs_length(reference, candidate), len(candidate), len(reference))


def rouge(reference: str | Sequence[str], candidate: str | Sequence[str]) -> dict[str, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-L F1 of a candidate against a reference (texts or sentence lists)."""
    ref, cand = keys(reference), keys(candidate)
    return {"rouge1": rouge_n(ref, cand, 1)[2], "rouge2": rouge_n(ref, cand, 2)[2],
            "rougeL": rouge_l(ref, cand)[2]}


def content_keys(text: str) -> set[str]:
    return {k for k in match_keys(text) if len(k) >= MIN_CONTENT_KEY}


# -- the data ----------------------------------------------------------------------------------

def load(path: Path = REFERENCES) -> list[dict]:
    """The references, one JSON object per line (format in README.md)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def ingest_demo(tmp: Path):
    """The bundled demo corpus in a fresh store under `tmp`."""
    from rasid.config import Settings
    from rasid.pipeline import ingest
    from rasid.resources import resource_path
    from rasid.store.sqlite import SQLiteStore

    store = SQLiteStore(tmp / "demo.db")
    ingest([str(resource_path("demo/corpus"))], store, Settings(progress="never"), label="demo")
    return store


def load_summarizer(spec: str):
    module_name, attr = spec.split(":", 1)
    obj = importlib.import_module(module_name)
    for part in attr.split("."):
        obj = getattr(obj, part)
    if not callable(obj):
        raise TypeError(f"{spec} is not callable")
    return obj


def find_story(store, ref: dict, by_source: dict) -> dict:
    """The story holding most of the reference's articles, and how it differs from them."""
    wanted = ref["articles"]
    missing = [s for s in wanted if s not in by_source]
    votes = Counter(by_source[s].story_id for s in wanted if s in by_source and by_source[s].story_id)
    if not votes:
        return {"story": None, "missing": missing, "extra": [], "exact": False}
    top = max(votes.values())
    story_id = min(s for s, v in votes.items() if v == top)
    story = store.story(story_id)
    members = [store.article(i) for i in story.article_ids]
    held = {a.source_id for a in members}
    return {"story": story, "articles": members,
            "missing": sorted(set(wanted) - held),
            "extra": sorted(held - set(wanted)),
            "exact": held == set(wanted)}


def _published_order(a) -> tuple:
    from datetime import datetime, timezone

    when = ""
    if a.published_at:
        try:
            dt = datetime.fromisoformat(a.published_at)
            when = (dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)).astimezone(timezone.utc).isoformat()
        except ValueError:
            when = a.published_at
    return (a.published is None, a.published or "", when)


def lead(articles: Sequence, n: int) -> tuple[str, list[str]]:
    """The lead baseline: the first `n` body sentences of the earliest-published article
    (ties keep the store's order)."""
    first = sorted(articles, key=_published_order)[0]
    return first.source_id, [s.of(first.text) for s in first.sentences[:n]]


# -- checks ------------------------------------------------------------------------------------

class Embeddings:
    """Sentence embeddings, computed once per text, checked (and made) unit length."""

    def __init__(self):
        self._embed = None
        self._cache: dict[str, object] = {}
        self.max_norm_deviation = 0.0

    def __call__(self, texts: Sequence[str]):
        import numpy as np

        todo = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if todo:
            if self._embed is None:
                from rasid.text.embed import Embedder
                self._embed = Embedder()
            vecs = np.asarray(self._embed(todo), dtype=np.float64)
            norms = np.linalg.norm(vecs, axis=1)
            self.max_norm_deviation = max(self.max_norm_deviation, float(np.abs(norms - 1).max()))
            vecs = vecs / np.where(norms > 0, norms, 1)[:, None]
            self._cache.update(zip(todo, vecs))
        return np.stack([self._cache[t] for t in texts])


def sentence_language(sentence, by_id: dict) -> str:
    source = by_id.get(sentence.article_id)
    if source is not None and source.lang not in ("", "und", None):
        return source.lang
    from rasid.text.langid import detect_language
    return detect_language(sentence.text)


def check_citation(sentence, cited, lang: str, embed: Embeddings) -> dict:
    """Does the cited article hold the sentence's content? (see the module docstring)"""
    if lang == cited.lang:
        want = content_keys(sentence.text)
        have = set(match_keys(cited.text)) | set(match_keys(cited.headline or ""))
        share = len(want & have) / len(want) if want else 1.0
        return {"test": "keys", "value": round(share, 3), "ok": share >= MIN_KEY_SHARE,
                "absent": sorted(want - have)}
    texts = [s.of(cited.text) for s in cited.sentences] or [cited.text]
    vecs = embed([sentence.text, *texts])
    best = float((vecs[1:] @ vecs[0]).max())
    return {"test": "cosine", "value": round(best, 3), "ok": best >= MIN_COSINE}


def is_subheading(text: str, articles: Sequence) -> bool:
    lines = [k for k in (keys(line) for line in text.splitlines()) if k]
    subs = [keys(s.of(a.text)) for a in articles for s in a.subheadings]
    return any(line == sub for line in lines for sub in subs if sub)


def boilerplate_reason(text: str) -> str | None:
    from rasid.clean.boilerplate import fold_line, line_reason

    for line in [text, *text.splitlines()]:
        if line.strip():
            reason = line_reason(fold_line(line.strip()), BOILERPLATE_SCOPES)
            if reason is not None:
                return reason
    return None


def check_sentences(out: Sequence, by_id: dict, embed: Embeddings) -> tuple[list[dict], list[dict]]:
    """Citations (one row per sentence and cited article) and sentence problems of one summary."""
    articles = list(by_id.values())
    cites, problems = [], []
    for k, s in enumerate(out):
        lang = sentence_language(s, by_id)
        for aid in s.article_ids:
            if aid not in by_id:
                cites.append({"sentence": k, "cited": aid, "ok": False, "test": "outside the story"})
                continue
            cites.append({"sentence": k, "cited": by_id[aid].source_id,
                          **check_citation(s, by_id[aid], lang, embed)})
        source = by_id.get(s.article_id)
        if source is None:
            problems.append({"sentence": k, "problem": f"source article {s.article_id!r} not in the story"})
        else:
            if s.text.strip() not in source.text:
                problems.append({"sentence": k, "problem": f"not verbatim in its source {source.source_id}"})
            if s.article_id not in s.article_ids:
                problems.append({"sentence": k, "problem": "its source is not cited"})
        if is_subheading(s.text, articles):
            problems.append({"sentence": k, "problem": "subheading", "boilerplate": True})
        reason = boilerplate_reason(s.text)
        if reason:
            problems.append({"sentence": k, "problem": f"boilerplate ({reason})", "boilerplate": True})
    return cites, problems


# -- running -----------------------------------------------------------------------------------

def evaluate(refs: Sequence[dict], summarizer_spec: str = SUMMARIZER, sentences: int | None = None,
             log=print) -> dict:
    summarize, unavailable = None, None
    try:
        summarize = load_summarizer(summarizer_spec)
    except Exception as exc:  # noqa: BLE001 - report and still compute the baseline
        unavailable = f"{type(exc).__name__}: {exc}"
        log(f"summarizer {summarizer_spec}: not available ({unavailable})")
    embed = Embeddings()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        store = ingest_demo(Path(tmp))
        by_source = {a.source_id: a for a in store.iter_articles()}
        df, n_docs = store.document_frequencies()
        for ref in refs:
            n = sentences or len(ref["reference"])
            found = find_story(store, ref, by_source)
            row = {"articles": ref["articles"], "note": ref.get("note", ""), "lang": ref["lang"],
                   "sentences": n, "story_id": found["story"].id if found["story"] else None,
                   "exact": found["exact"], "missing": found["missing"], "extra": found["extra"],
                   "reference": ref["reference"]}
            rows.append(row)
            articles = [by_source[x] for x in ref["articles"] if x in by_source]
            if not articles:
                row["error"] = "none of these articles was ingested"
                continue
            ids = {a.id for a in articles}
            by_id = {a.id: a for a in articles}
            lead_from, lead_sents = lead(articles, n)
            row["baseline"] = {"from": lead_from, "lang": by_source[lead_from].lang, "summary": lead_sents,
                               **rouge(ref["reference"], lead_sents)}
            if summarize is None:
                continue
            derivations = [d for d in store.derivations(sorted(ids))
                           if d.source_id in ids and d.derived_id in ids]
            try:
                # as the product calls it: with the archive's document frequencies when it takes them
                extra = {"df": df, "n_docs": n_docs} if "df" in inspect.signature(summarize).parameters else {}
                out = list(summarize(articles, derivations, max_sentences=n, **extra))
            except Exception as exc:  # noqa: BLE001 - one story's crash is reported, scored empty
                row["crash"] = f"{type(exc).__name__}: {exc}"
                out = []
            row["summary"] = [{"text": s.text, "article_id": s.article_id,
                               "source": by_id[s.article_id].source_id if s.article_id in by_id else None,
                               "cited": [by_id[i].source_id if i in by_id else i for i in s.article_ids]}
                              for s in out]
            row.update(rouge(ref["reference"], [s.text for s in out]))
            row["too_many"] = max(0, len(out) - n)
            row["citations"], row["problems"] = check_sentences(out, by_id, embed)
        store.close()

    def macro(key: str, part: str | None = None) -> float | None:
        vals = [(r[part] if part else r)[key] for r in rows
                if (part in r if part else key in r)]
        return sum(vals) / len(vals) if vals else None

    scored = [r for r in rows if "rouge1" in r]
    cites = [c for r in scored for c in r["citations"]]
    boiler = {(i, p["sentence"]) for i, r in enumerate(scored) for p in r["problems"] if p.get("boilerplate")}
    return {
        "summarizer": summarizer_spec, "available": summarize is not None, "error": unavailable,
        "references": len(refs), "reference_sentences": sum(len(r["reference"]) for r in refs),
        "scored": len(scored),
        "rouge1": macro("rouge1"), "rouge2": macro("rouge2"), "rougeL": macro("rougeL"),
        "baseline": {"name": "lead-N of the earliest-published article",
                     "rouge1": macro("rouge1", "baseline"), "rouge2": macro("rouge2", "baseline"),
                     "rougeL": macro("rougeL", "baseline")},
        "citations_supported": (sum(c["ok"] for c in cites) / len(cites)) if cites else None,
        "citations": len(cites),
        "citation_failures": [{"story": r["articles"], **c, "text": r["summary"][c["sentence"]]["text"]}
                              for r in scored for c in r["citations"] if not c["ok"]],
        "boilerplate_sentences": len(boiler),
        "summary_sentences": sum(len(r["summary"]) for r in scored),
        "crashes": sum("crash" in r for r in rows),
        "inexact_stories": sum(not r["exact"] for r in rows),
        "embedding_max_norm_deviation": embed.max_norm_deviation,
        "thresholds": {"key_share": MIN_KEY_SHARE, "cosine": MIN_COSINE, "content_key_chars": MIN_CONTENT_KEY},
        "stories": rows,
    }


def _fmt(x) -> str:
    return "    -" if x is None else f"{x:.3f}"


def _label(row: dict, width: int = 30) -> str:
    name = row["articles"][0] + (f" +{len(row['articles']) - 1}" if len(row["articles"]) > 1 else "")
    name = name.replace("https://alrafed-news.test/", "alrafed:")
    return name if len(name) <= width else name[:width - 1] + "…"


def _short(s: str, n: int = 90) -> str:
    s = s.replace("\n", " ⏎ ")
    return s if len(s) <= n else s[:n - 1] + "…"


def show(result: dict, verbose: bool = False) -> None:
    print(f"{result['references']} reference stories, {result['reference_sentences']} reference sentences; "
          f"summarizer {result['summarizer']}" + ("" if result["available"] else f" NOT AVAILABLE ({result['error']})"))
    print(f"\n{'story (articles)':30s} {'n':>2s} {'N':>2s} {'same':>4s} | {'R1':>5s} {'R2':>5s} {'RL':>5s}"
          f" | {'lead1':>5s} {'lead2':>5s} {'leadL':>5s} | {'cite':>5s} {'bad':>3s}")
    for r in result["stories"]:
        b = r.get("baseline", {})
        cites = r.get("citations", [])
        cite = f"{sum(c['ok'] for c in cites)}/{len(cites)}" if "citations" in r else "-"
        print(f"{_label(r):30s} {len(r['articles']):2d} {r['sentences']:2d} {'yes' if r['exact'] else 'NO':>4s}"
              f" | {_fmt(r.get('rouge1')):>5s} {_fmt(r.get('rouge2')):>5s} {_fmt(r.get('rougeL')):>5s}"
              f" | {_fmt(b.get('rouge1')):>5s} {_fmt(b.get('rouge2')):>5s} {_fmt(b.get('rougeL')):>5s}"
              f" | {cite:>5s} {len(r.get('problems', [])):3d}")
    bl = result["baseline"]
    print(f"{'macro average':30s} {'':2s} {'':2s} {'':4s} | {_fmt(result['rouge1']):>5s} {_fmt(result['rouge2']):>5s}"
          f" {_fmt(result['rougeL']):>5s} | {_fmt(bl['rouge1']):>5s} {_fmt(bl['rouge2']):>5s} {_fmt(bl['rougeL']):>5s} |")
    print("\nR1/R2/RL: ROUGE F1 of the summary over match keys; lead*: the same for the first N sentences of the "
          "earliest-published article; n: articles, N: sentences asked for; same: the system's story holds exactly "
          "the reference's articles; cite: supported/all citations; bad: boilerplate, subheading and integrity problems")
    share = result["citations_supported"]
    print(f"\ncitations supported: {'-' if share is None else f'{share:.3f}'} of {result['citations']}"
          f" | boilerplate/subheading sentences: {result['boilerplate_sentences']} of {result['summary_sentences']}"
          f" | crashes: {result['crashes']} | stories not held exactly: {result['inexact_stories']}"
          f" | embedding norm max |1-‖v‖|: {result['embedding_max_norm_deviation']:.1e}")
    for r in result["stories"]:
        if not r["exact"]:
            print(f"  story {r['story_id']} for {_label(r, 60)}: missing {r['missing']} extra {r['extra']}")
        if r.get("baseline") and r["baseline"]["lang"] != r["lang"]:
            print(f"  {_label(r, 60)}: the lead article {r['baseline']['from']} is in {r['baseline']['lang']!r}, "
                  f"the reference in {r['lang']!r} (the baseline scores near 0 there)")
        if r.get("too_many"):
            print(f"  {_label(r, 60)}: {r['too_many']} sentences more than asked for")
        if r.get("crash"):
            print(f"  CRASH {_label(r, 60)}: {r['crash']}")
    if result["citation_failures"]:
        print("\ncitation failures:")
        for f in result["citation_failures"]:
            extra = f"; absent keys {f['absent']}" if f.get("absent") else ""
            print(f"  {_label({'articles': f['story']}, 60)}: «{_short(f['text'])}» cites {f['cited']}: "
                  f"{f['test']} {f.get('value', '')}{extra}")
    problems = [(r, p) for r in result["stories"] for p in r.get("problems", [])]
    if problems:
        print("\nsentence problems:")
        for r, p in problems:
            print(f"  {_label(r, 60)}: «{_short(r['summary'][p['sentence']]['text'])}»: {p['problem']}")
    if verbose:
        for r in result["stories"]:
            print(f"\n== {_label(r, 80)} — {r['note']}")
            print("reference:")
            for s in r["reference"]:
                print(f"  - {s}")
            if "summary" in r:
                print("summary:")
                for s in r["summary"]:
                    print(f"  - [{s['source']} | cites {', '.join(map(str, s['cited']))}] {s['text']}")
            if "baseline" in r:
                print(f"lead ({r['baseline']['from']}):")
                for s in r["baseline"]["summary"]:
                    print(f"  - {s}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=None,
                    help="summary length for every story (default: its number of reference sentences)")
    ap.add_argument("--summarizer", default=SUMMARIZER, help="module:attr of the summarize callable")
    ap.add_argument("--show", action="store_true", help="print references, summaries and lead baselines")
    ap.add_argument("--json", action="store_true", help="print a machine-readable result only")
    args = ap.parse_args(argv)
    log = (lambda msg: print(msg, file=sys.stderr)) if args.json else print
    result = evaluate(load(), args.summarizer, args.sentences, log)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        show(result, args.show)
    return 0 if result["available"] else 2


if __name__ == "__main__":
    sys.exit(main())
