"""compiled: reading a CRFsuite model file at full precision."""
from __future__ import annotations

import pycrfsuite
import pytest

from rasid.extract.entities.compiled import read_model


def _train(path):
    trainer = pycrfsuite.Trainer(verbose=False)
    data = [(["w=محمد", "sh=ar"], "B-PER"), (["w=قال", "sh=ar"], "O"), (["w=بغداد"], "B-LOC"),
            (["w=الشطري", "-1w=محمد"], "I-PER")]
    for _ in range(3):
        trainer.append([x for x, _ in data], [y for _, y in data])
    trainer.set_params({"c1": 0.0, "c2": 0.1, "max_iterations": 30,
                        "feature.possible_transitions": True})
    trainer.train(str(path))


def test_weights_equal_crfsuites_own_listing(tmp_path):
    path = tmp_path / "m.crfsuite"
    _train(path)
    labels, state, trans = read_model(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    info = tagger.info()
    assert labels == tagger.labels()
    assert state.keys() == info.state_features.keys()
    assert trans.keys() == info.transitions.keys()
    # the listing prints six decimals; the file holds the doubles
    assert all(abs(state[k] - w) <= 5e-7 for k, w in info.state_features.items())
    assert all(abs(trans[k] - w) <= 5e-7 for k, w in info.transitions.items())
    assert any(w != round(w, 6) for w in state.values())


@pytest.mark.parametrize("cut", [0, 4, 60, 400, 1000, -8])
def test_damaged_or_truncated_files_are_refused(tmp_path, cut):
    good = tmp_path / "m.crfsuite"
    _train(good)
    path = tmp_path / "bad.crfsuite"
    path.write_bytes(good.read_bytes()[:cut])
    with pytest.raises(ValueError, match="CRFsuite model"):
        read_model(path)


def test_a_file_of_another_kind_is_refused(tmp_path):
    path = tmp_path / "bad.crfsuite"
    path.write_bytes(b"not a model at all" * 10)
    with pytest.raises(ValueError, match="not a CRFsuite model"):
        read_model(path)
