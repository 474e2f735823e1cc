"""train: span scoring arithmetic, and fit + evaluate on a tiny synthetic corpus."""
from __future__ import annotations

import itertools
import time
from collections import Counter
from pathlib import Path

import pytest

from rasid.extract.entities import corpora, train
from rasid.extract.entities.features import Featurizer
from rasid.extract.entities.train import Data, Score, evaluate, fit


def test_score_prf_by_hand():
    s = Score()
    gold = {(0, 2, "PER"), (4, 5, "LOC"), (7, 8, "ORG"), (9, 10, "MISC")}
    pred = {(0, 2, "PER"), (4, 6, "LOC"), (7, 8, "ORG"), (11, 12, "PER")}
    s.add(gold, pred)
    assert s.tp == Counter({"PER": 1, "ORG": 1})
    assert s.fp == Counter({"LOC": 1, "PER": 1})
    assert s.fn == Counter({"LOC": 1, "MISC": 1})
    # over PER, ORG, LOC: tp 2, fp 2, fn 1 (MISC is never scored)
    p, r, f = s.prf()
    assert p == pytest.approx(2 / 4)
    assert r == pytest.approx(2 / 3)
    assert f == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert s.prf("PER") == pytest.approx((0.5, 1.0, 2 / 3))
    assert s.prf("ORG") == (1.0, 1.0, 1.0)
    assert s.prf("LOC") == (0.0, 0.0, 0.0)


def test_score_empty_is_zero_not_a_division_error():
    assert Score().prf() == (0.0, 0.0, 0.0)
    assert Score().prf("PER") == (0.0, 0.0, 0.0)


def test_evaluate_ignores_misc_and_counts_exact_spans():
    sentences = [
        (["زار", "كريم", "سالم", "بيروت"], ["O", "B-PER", "I-PER", "B-LOC"]),
        (["كأس", "العالم", "في", "قطر"], ["B-MISC", "I-MISC", "O", "B-LOC"]),
    ]
    predicted = {
        ("زار", "كريم", "سالم", "بيروت"): ["O", "B-PER", "O", "B-LOC"],  # PER cut short
        ("كأس", "العالم", "في", "قطر"): ["O", "O", "O", "B-LOC"],       # MISC missed: free
    }
    score = evaluate(lambda toks: predicted[tuple(toks)], sentences)
    assert score.tp == Counter({"LOC": 2})
    assert score.fp == Counter({"PER": 1})
    assert score.fn == Counter({"PER": 1})
    assert "MISC" not in score.fn


GIVEN = ["سامر", "ليلى", "كريم", "نادية", "هشام", "رنا"]
FAMILY = ["الحلبي", "العطار", "الخوري", "النجار"]
CITIES = ["حمص", "صيدا", "الزرقاء", "طنطا"]
ORGS = [["وزارة", "الصحة"], ["جامعة", "دمشق"], ["حزب", "الأمل"]]


def synthetic() -> list[corpora.Sentence]:
    out = []
    combos = itertools.product(GIVEN, FAMILY, CITIES)
    for i, (given, family, city) in enumerate(itertools.islice(combos, 48)):
        org = ORGS[i % len(ORGS)]
        tokens = ["قال", "الوزير", given, family, "في", city, "إن", *org, "تدعم", "الخطة", "."]
        tags = ["O", "O", "B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"] + \
               ["I-ORG"] * (len(org) - 1) + ["O", "O", "O"]
        out.append((tokens, tags))
    return out


def write_conll(path: Path, sentences: list[corpora.Sentence]) -> None:
    blocks = ["\n".join(f"{t} {g}" for t, g in zip(toks, tags)) for toks, tags in sentences]
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")


def test_fit_and_evaluate_on_a_tiny_corpus(tmp_path):
    pycrfsuite = pytest.importorskip("pycrfsuite")
    # through the reader, as training data goes: CoNLL on disk -> sentences
    write_conll(tmp_path / "tiny.txt", synthetic())
    sentences = list(corpora.read_conll(tmp_path / "tiny.txt"))
    assert len(sentences) == 48
    data = Data(train=sentences, dev={"self": sentences})
    lexicon = {"وزير": ("per_title",), "قال": ("report",)}
    model = tmp_path / "tiny.crfsuite"

    started = time.perf_counter()
    seconds = fit(data, Featurizer(lexicon), model, params={"max_iterations": 30})
    assert time.perf_counter() - started < 5
    assert model.is_file() and model.stat().st_size > 0
    assert seconds >= 0

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    featurizer = Featurizer(lexicon)
    score = evaluate(lambda toks: tagger.tag(featurizer.sentence(toks)), sentences)
    p, r, f = score.prf()
    assert f > 0.5
    assert all(score.prf(k)[2] > 0 for k in train.TYPES)
    tagger.close()


def test_params_override_defaults_without_mutating_them(tmp_path):
    before = dict(train.PARAMS)
    data = Data(train=synthetic()[:6], dev={})
    fit(data, Featurizer({}), tmp_path / "m.crfsuite", params={"max_iterations": 2})
    assert train.PARAMS == before


def test_train_model_with_unlabelled_text_writes_clusters_and_a_loadable_tagger(tmp_path):
    """`rasid train-ner --unlabelled` end to end on a tiny ANERcorp-shaped corpus: the clusters
    file and the card record it, CRFTagger reads the folder back, and a retrain without
    unlabelled text removes the old clusters (the model would not know their features)."""
    pytest.importorskip("pycrfsuite")
    import json

    from rasid.extract.entities.crf import CLUSTERS_FILE, CRFTagger

    data = tmp_path / "data"
    (data / "anercorp").mkdir(parents=True)
    write_conll(data / "anercorp" / "train.txt", synthetic() * 2)
    (data / "wojood_sample").mkdir()
    write_conll(data / "wojood_sample" / "val.txt", synthetic()[:4])   # the second dev set
    news = tmp_path / "news.txt"
    news.write_text("".join(f"قال الوزير {g} {f} في {c} إن الخطة تمضي.\n"
                            for g in GIVEN for f in FAMILY for c in CITIES), encoding="utf-8")
    out = tmp_path / "model"
    card = train.train_model(data, out, (), params={"max_iterations": 20}, log=lambda _: None,
                             unlabelled=(str(news),))
    assert (out / CLUSTERS_FILE).is_file()
    clustered = card["word_clusters"]
    assert clustered["unlabelled"] == ["news.txt"] and clustered["words"] > 10
    # the training sentences (80 of them: the dev sixth is held out) and the 96 lines of news
    assert clustered["sentences"] == 80 + len(GIVEN) * len(FAMILY) * len(CITIES)
    assert json.loads((out / "card.json").read_text("utf-8"))["word_clusters"] == clustered
    tagger = CRFTagger(out)
    assert tagger.clusters and any(f.startswith("c32=") for f in tagger.featurizer.word_features("سامر"))
    assert tagger.tag_tokens(["قال", "الوزير", "سامر", "الحلبي"])[2:] == ["B-PER", "I-PER"]
    card = train.train_model(data, out, (), params={"max_iterations": 20}, log=lambda _: None)
    assert "word_clusters" not in card and not (out / CLUSTERS_FILE).exists()
    assert not CRFTagger(out).clusters
