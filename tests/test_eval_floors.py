"""Quality floors: the fast evaluations in eval/ must not fall below eval/floors.json.

Floors may only go up. The figures themselves are printed by the eval scripts.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[1] / "eval"
FLOORS = json.loads((EVAL / "floors.json").read_text(encoding="utf-8"))


def _module(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem + "_eval", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dates_eval():
    return _module(EVAL / "dates" / "evaluate.py")


def test_date_resolution_accuracy_stays_above_its_floor(dates_eval):
    result = dates_eval.evaluate("all")
    assert result["items"] >= 300
    assert result["accuracy"] >= FLOORS["dates.expressions.all.accuracy"], result["per_form"]


def test_demo_corpus_dates_stay_above_their_floor(dates_eval):
    result = dates_eval.demo_labels()
    assert result["accuracy"] >= FLOORS["dates.demo_labels.accuracy"], result


@pytest.fixture(scope="module")
def stories_eval():
    return _module(EVAL / "stories" / "evaluate.py")


def test_story_clustering_stays_above_its_floors(stories_eval):
    if not stories_eval.CORPUS.exists():
        pytest.skip("../shared/data/saudinewsnet is absent (it sits beside the project in CI)")
    labels = stories_eval.load_labels()
    result = stories_eval.score(labels, stories_eval.run(stories_eval.labelled_records(labels)), "all")
    assert result["event_f1"] >= FLOORS["stories.saudinewsnet.all.event_f1"], result
    assert result["thread_f1"] >= FLOORS["stories.saudinewsnet.all.thread_f1"], result
