"""The transformers NER backend, on a tiny model built here (nothing comes from the hub).

Random weights would give arbitrary labels, so the model has no encoder layers and its
embeddings and classifier are set by hand: every token id gets one fixed label, which
makes the expected mentions exact.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from rasid.errors import ModelError
from rasid.extract.entities.base import Tagger
from rasid.extract.entities.hf import TransformersTagger, decode

LABELS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-MISC", "I-MISC", "B-ORG", "I-ORG"]
# token -> label. "##ي" is O so that "محمدي" tests the first-sub-token rule and the mean score;
# "عبد" is I-PERS with no B- before it; "»" is I-PERS so a mention must be trimmed of it.
VOCAB = {
    "[PAD]": "O", "[UNK]": "O", "[CLS]": "O", "[SEP]": "O", "[MASK]": "O",
    "قال": "O", "زار": "O", "في": "O", "و": "O", ".": "O", "،": "O",
    "محمد": "B-PERS", "##ي": "O", "عبد": "I-PERS", "الله": "I-PERS", "»": "I-PERS",
    "القاهرة": "B-LOC", "بغداد": "B-LOC",
    "مؤتمر": "B-MISC", "السلام": "I-MISC",
    "الامم": "B-ORG", "المتحدة": "I-ORG",
}
MAX_POSITIONS = 32


def needs_hf() -> tuple:
    return (pytest.importorskip("torch", reason="the transformers NER backend is optional: needs torch"),
            pytest.importorskip("transformers", reason="the transformers NER backend is optional: "
                                                       "needs transformers"))


def build(out: Path, noisy_edges: bool = False) -> Path:
    """Save the tiny model to `out`. With `noisy_edges` the first and last three text
    positions of a full window are pushed to O, so only a tagger that takes each overlapping
    token from the window where it is further from the edge gets the names right."""
    torch, tf = needs_hf()
    from tokenizers import Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import WordPiece

    ids = {tok: i for i, tok in enumerate(VOCAB)}
    wp = Tokenizer(WordPiece(ids, unk_token="[UNK]"))
    # strip_accents removes Arabic harakat, so offsets must map back through normalisation
    wp.normalizer = normalizers.BertNormalizer(lowercase=False, strip_accents=True)
    wp.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    wp.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", ids["[CLS]"]), ("[SEP]", ids["[SEP]"])])
    wp.decoder = decoders.WordPiece()
    tokenizer = tf.PreTrainedTokenizerFast(
        tokenizer_object=wp, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
        sep_token="[SEP]", mask_token="[MASK]", model_max_length=512)

    hidden = 16
    config = tf.BertConfig(
        vocab_size=len(VOCAB), hidden_size=hidden, num_hidden_layers=0, num_attention_heads=2,
        intermediate_size=hidden, max_position_embeddings=MAX_POSITIONS,
        id2label=dict(enumerate(LABELS)), label2id={lab: i for i, lab in enumerate(LABELS)})
    model = tf.BertForTokenClassification(config)
    with torch.no_grad():
        for p in model.parameters():
            p.zero_()
        emb = model.bert.embeddings
        emb.LayerNorm.weight.fill_(1.0)
        # one-hot embedding at the token's label; after LayerNorm the classifier reads it back
        for tok, i in ids.items():
            emb.word_embeddings.weight[i, LABELS.index(VOCAB[tok])] = 1.0
        if noisy_edges:
            for pos in (1, 2, 3, MAX_POSITIONS - 4, MAX_POSITIONS - 3, MAX_POSITIONS - 2):
                emb.position_embeddings.weight[pos, LABELS.index("O")] = 5.0
        model.classifier.weight.copy_(3.0 * torch.eye(len(LABELS), hidden))
    tokenizer.save_pretrained(out)
    model.save_pretrained(out)
    return out


@pytest.fixture(scope="module")
def tagger(tmp_path_factory: pytest.TempPathFactory) -> TransformersTagger:
    return TransformersTagger(build(tmp_path_factory.mktemp("tiny-ner")), batch_size=3)


@pytest.fixture(scope="module")
def edgy_tagger(tmp_path_factory: pytest.TempPathFactory) -> TransformersTagger:
    return TransformersTagger(build(tmp_path_factory.mktemp("edgy-ner"), noisy_edges=True))


def found(text: str, tagger: TransformersTagger) -> list[tuple[int, int, str, str]]:
    mentions = tagger.tag(text)
    for m in mentions:
        assert m.text == text[m.span.start:m.span.end]
        assert m.key == "" and m.entity_id is None
    return [(m.span.start, m.span.end, m.text, m.type) for m in mentions]


def at(text: str, name: str, typ: str, after: int = 0) -> tuple[int, int, str, str]:
    start = text.index(name, after)
    return (start, start + len(name), name, typ)


def test_offsets_labels_and_repairs(tagger: TransformersTagger) -> None:
    assert isinstance(tagger, Tagger)
    assert re.fullmatch(r"ner/hf:tiny-ner\d+", tagger.name)  # the directory's name, not its path
    text = "قال عبد الله إن مُحَمَّدي زار القاهرة و مؤتمر السلام في الامم المتحدة، محمد»."
    assert found(text, tagger) == [
        at(text, "عبد الله", "PER"),        # I- with no B- still starts a mention
        at(text, "مُحَمَّدي", "PER"),         # harakat kept: offsets are into the original text
        at(text, "القاهرة", "LOC"),          # MISC (مؤتمر السلام) dropped
        at(text, "الامم المتحدة", "ORG"),
        at(text, "محمد", "PER", text.index("،")),  # the trailing » is trimmed
    ]
    scores = {m.text: m.score for m in tagger.tag(text)}
    assert scores["عبد الله"] == pytest.approx(1.0, abs=1e-3)
    # "##ي" is confidently O: the mean over the word's two pieces is one half
    assert scores["مُحَمَّدي"] == pytest.approx(0.5, abs=1e-3)


def long_text() -> str:
    # starts and ends with names-free filler, which the noisy edges of edgy_tagger may hit
    parts = ["مؤتمر السلام .", "قال محمدي في بغداد .", "زار عبد الله القاهرة ،"]
    return " ".join(parts[i % 3] for i in range(61))


@pytest.mark.parametrize("which", ["tagger", "edgy_tagger"])
def test_long_text_is_windowed(which: str, request: pytest.FixtureRequest) -> None:
    tagger = request.getfixturevalue(which)
    text = long_text()
    assert len(tagger._tokenizer(text)["input_ids"]) > 8 * MAX_POSITIONS
    assert tagger.max_length == MAX_POSITIONS
    types = {"محمدي": "PER", "عبد الله": "PER", "بغداد": "LOC", "القاهرة": "LOC"}
    expected = [(m.start(), m.end(), m.group(), types[m.group()])
                for m in re.finditer("|".join(types), text)]
    # every name once, at its own offsets, also in the overlaps and far past the first window
    assert found(text, tagger) == expected
    assert expected[-1][0] > 10 * MAX_POSITIONS


def test_empty_and_nameless_texts(tagger: TransformersTagger) -> None:
    assert tagger.tag("") == []
    assert tagger.tag(" \n\t") == []
    assert tagger.tag("قال في مؤتمر السلام .") == []


def test_pipe_matches_tag(tagger: TransformersTagger) -> None:
    texts = ["زار محمد بغداد", "", long_text(), "قال عبد الله", "  ", "الامم المتحدة في القاهرة"]
    piped = list(tagger.pipe(iter(texts)))
    assert len(piped) == len(texts)
    for text, got in zip(texts, piped):
        want = tagger.tag(text)
        assert [(m.span, m.text, m.type) for m in got] == [(m.span, m.text, m.type) for m in want]
        assert [m.score for m in got] == pytest.approx([m.score for m in want], abs=1e-4)
    assert sum(map(len, piped)) > 5


def test_missing_or_broken_model(tmp_path: Path) -> None:
    needs_hf()
    with pytest.raises(ModelError, match="no model directory at .*nope.*save_pretrained"):
        TransformersTagger(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="cannot load the NER model .*empty.*local_files_only=False"):
        TransformersTagger(tmp_path / "empty")
    # with local_files_only (the default) a hub name missing from the cache is an error, not a download
    with pytest.raises(ModelError, match="rasid-tests/no-such-model.*local_files_only=False"):
        TransformersTagger("rasid-tests/no-such-model")


def test_missing_package_says_what_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "transformers", None)  # makes `import transformers` fail
    with pytest.raises(ModelError, match="pip install torch transformers"):
        TransformersTagger(tmp_path)


def test_decode_repairs_iob_and_bioes() -> None:
    labels = ["S-PER", "B-LOC", "E-LOC", "I-LOC", "O", "E-ORG", "B-PER", "I-ORG",
              "PER", "PER", "B-MISC", "I-PER", "U-GPE", "I-GPE"]
    assert decode(labels) == [
        (0, 1, "PER"), (1, 3, "LOC"), (3, 4, "LOC"), (5, 6, "ORG"), (6, 7, "PER"),
        (7, 8, "ORG"), (8, 10, "PER"), (11, 12, "PER"), (12, 13, "LOC"), (13, 14, "LOC")]
