"""NER quality and speed of the shipped tagger on held-out data.

    .venv/bin/python eval/ner/evaluate.py [--model DIR] [--errors 30] [--json]

Dev sets (read from ../shared/data at run time, never copied into the project):
- anercorp-dev: the last sixth of ANERcorp train, cut sequentially the way the official
  test split was cut (the official test file is held out from developers);
- wojood-val: the Wojood sample's validation file (modern, mixed genres; types mapped
  GPE/LOC/FAC -> LOC, PERS -> PER, ORG -> ORG).

Scores are exact-span precision/recall/F1 over PER, ORG and LOC (conlleval style), two ways:
- per sentence (`tag_tokens` on the gold tokens): what published ANERcorp figures report;
- per article (`--articles`, the `+art` rows): what rasid does with a whole text. `tag()` reads
  consecutive sentences together (ANERcorp keeps no article boundaries: windows of
  ARTICLE_SENTENCES sentences, about its mean article length), so a name tagged once is
  tagged where it recurs, and a person's surname alone is that person (crf._propagate). Each
  mention is mapped back to the gold tokens it overlaps. Wojood's validation sentences are
  not in text order, so its windows mix unrelated sentences: a lower bound.
Speed is
tokens per second on one core through `CRFTagger.tag()` on raw text (tokenizing, features,
Viterbi, marginals and mention building included), median of three runs.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"


ARTICLE_SENTENCES = 10   # ANERcorp: 125,102 tokens in about 316 articles, 3,972 sentences


def tag_articles(tagger, sentences: list[list[str]], size: int = ARTICLE_SENTENCES) -> list[list[str]]:
    """IOB2 labels for every sentence, each window of `size` sentences tagged as one text by
    the product's path (`tag`): mentions found on raw text, mapped back to the gold tokens
    they overlap."""
    out: list[list[str]] = []
    for start in range(0, len(sentences), size):
        window = sentences[start:start + size]
        text, where = "", []   # where: (sentence, token, start, end) of every gold token
        for si, tokens in enumerate(window):
            for ti, tok in enumerate(tokens):
                if text:
                    text += " "
                where.append((si, ti, len(text), len(text) + len(tok)))
                text += tok
        labels = [["O"] * len(tokens) for tokens in window]
        for m in sorted(tagger.tag(text), key=lambda m: m.span.start):
            hit = [(si, ti) for si, ti, a, b in where if a < m.span.end and m.span.start < b]
            if not hit or any(labels[si][ti] != "O" for si, ti in hit) or len({si for si, _ in hit}) > 1:
                continue
            for k, (si, ti) in enumerate(hit):
                labels[si][ti] = ("B-" if k == 0 else "I-") + m.type
        out.extend(labels)
    return out


def evaluate(model_dir: Path | None = None, errors: int = 0, articles: bool = False) -> dict:
    from rasid.extract.entities import corpora, train
    from rasid.extract.entities.crf import CRFTagger

    tagger = CRFTagger(model_dir)
    dataset = train.load(DATA, ())
    out: dict = {"model": tagger.name, "sets": {}}
    for name, sentences in dataset.dev.items():
        score = train.evaluate(tagger.tag_tokens, sentences)
        out["sets"][name] = {k or "ALL": dict(zip(("p", "r", "f1"), (round(x, 4) for x in score.prf(k))))
                             for k in (None,) + train.TYPES}
        out["sets"][name]["tokens"] = sum(len(t) for t, _ in sentences)
        if articles:
            found = iter(tag_articles(tagger, [t for t, _ in sentences]))
            score = train.evaluate(lambda _tokens: next(found), sentences)
            out["sets"][name + "+art"] = {k or "ALL": dict(zip(("p", "r", "f1"), (round(x, 4) for x in score.prf(k))))
                                          for k in (None,) + train.TYPES}
        if errors:
            shown = 0
            for tokens, tags in sentences:
                gold = {s for s in corpora.spans(tags) if s[2] in train.TYPES}
                pred = {s for s in corpora.spans(tagger.tag_tokens(tokens)) if s[2] in train.TYPES}
                for s in sorted(gold ^ pred):
                    if shown < errors:
                        print(f"  {name} {'FN' if s in gold else 'FP'} {s[2]} "
                              f"{' '.join(tokens[s[0]:s[1]])}  | {' '.join(tokens[max(0, s[0] - 4):s[1] + 4])}")
                        shown += 1
    out["speed"] = speed(tagger, dataset.dev["anercorp-dev"])
    return out


def speed(tagger, sentences, runs: int = 3) -> dict:
    """Raw text in paragraphs of ~20 sentences, as articles arrive."""
    texts = [" ".join(" ".join(t) for t, _ in sentences[i:i + 20]) for i in range(0, len(sentences), 20)]
    from rasid.text.tokens import tokenize

    n_tokens = sum(len(tokenize(t)) for t in texts)
    times = []
    for _ in range(runs):
        tagger.clear_caches()  # cold word caches each run: no flattering reuse
        started = time.perf_counter()
        for text in texts:
            tagger.tag(text)
        times.append(time.perf_counter() - started)
    seconds = statistics.median(times)
    return {"tokens": n_tokens, "seconds": round(seconds, 3), "tokens_per_second": round(n_tokens / seconds)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, default=None, help="model folder (default: shipped)")
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong spans per set")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--articles", action="store_true",
                    help="also score whole texts through tag() (windows of consecutive sentences)")
    args = ap.parse_args(argv)
    if not (DATA / "anercorp" / "train.txt").is_file():
        print(f"no NER corpora at {DATA}: this evaluation needs ../shared/data", file=sys.stderr)
        return 2
    result = evaluate(args.model, args.errors, args.articles)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"model {result['model']}")
    print(f"{'set':16} {'type':5} {'P':>6} {'R':>6} {'F1':>6}")
    for name, scores in result["sets"].items():
        for kind in ("ALL", "PER", "ORG", "LOC"):
            s = scores[kind]
            print(f"{name:16} {kind:5} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}")
    sp = result["speed"]
    print(f"speed: {sp['tokens']:,} tokens in {sp['seconds']} s = {sp['tokens_per_second']:,} tokens/s (one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
