"""The shipped tagger: a linear-chain CRF (trained with CRFsuite) over cached word features.

The model and the lexicon it was trained with live together in one directory
(`resources/ner/` by default): `model.crfsuite`, `lexicon.tsv.gz`, `card.json`.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

import numpy as np

from rasid.errors import ModelError
from rasid.extract.entities.base import coarse_type
from rasid.extract.entities.clusters import load_clusters
from rasid.extract.entities.compiled import CompiledCRF, read_model
from rasid.extract.entities.features import Featurizer
from rasid.extract.entities.lexicon import SURFACE, load_lexicon
from rasid.model import Mention, Span
from rasid.text.normalize import Norm, normalize
from rasid.text.tokens import Token, match_key, tokenize

MODEL_FILE = "model.crfsuite"
LEXICON_FILE = "lexicon.tsv.gz"
CLUSTERS_FILE = "clusters.tsv.gz"   # only in a model trained with unlabelled text (--unlabelled)
CARD_FILE = "card.json"
# Sentences longer than this are tagged in pieces: CRFs gain nothing from far context
# and a pathological input (a page with no punctuation) must not make one giant sequence.
MAX_SEQUENCE = 200
_SENTENCE_END = frozenset(".!?؟\n")
_CONJ = ("و", "ف")
_NAME_CLASSES = ("given_", "surname_", "city", "country", "region")


def default_model_dir() -> Path:
    return Path(str(resources.files("rasid.resources").joinpath("ner")))


class CRFTagger:
    """`tag(text)` -> PER/ORG/LOC mentions. Loads once; safe to share within a process."""

    def __init__(self, model_dir: Path | None = None, decoder: str = "numpy") -> None:
        """`decoder`: "numpy" (the arrays of compiled.py, the default) or "crfsuite" (CRFsuite
        itself, a sentence per call: the reference the numpy decoder is tested and
        benchmarked against)."""
        if decoder not in ("numpy", "crfsuite"):
            raise ValueError(f"unknown decoder {decoder!r}: numpy or crfsuite")
        self.decoder = decoder
        self.model_dir = Path(model_dir) if model_dir else default_model_dir()
        model = self.model_dir / MODEL_FILE
        if not model.is_file():
            raise ModelError(f"no NER model at {model}: run `rasid train-ner` to build one")
        card_path = self.model_dir / CARD_FILE
        self.card = json.loads(card_path.read_text("utf-8")) if card_path.is_file() else {}
        self.name = f"ner/crf-{self.card.get('version', 'dev')}"
        try:
            self.lexicon = load_lexicon(self.model_dir / LEXICON_FILE)
            clusters = self.model_dir / CLUSTERS_FILE
            self.clusters = load_clusters(clusters) if clusters.is_file() else {}
            labels, state, transitions = read_model(model)
        except (OSError, ValueError, EOFError) as e:   # read_model raises ValueError for damage
            raise ModelError(f"the NER model in {self.model_dir} is incomplete or damaged ({e}): "
                             "run `rasid train-ner` to rebuild it") from e
        known = frozenset(attr for attr, _ in state)
        self.featurizer = Featurizer(self.lexicon, known=known | {"bias"}, clusters=self.clusters)
        # CRFsuite trains the model; tagging reads its weights into arrays (compiled.py),
        # which gives CRFsuite's labels and marginals without a call per sentence
        self.compiled = CompiledCRF(labels, state, transitions, self.featurizer)
        self._crfsuite = None
        if decoder == "crfsuite":
            import pycrfsuite

            self._crfsuite = pycrfsuite.Tagger()
            self._crfsuite.open(str(model))

    def tag_tokens(self, words: list[str]) -> list[str]:
        if not words:
            return []
        if self._crfsuite is not None:
            return self._crfsuite.tag(self.featurizer.sentence(words))
        return self.compiled.tag([words])[0][0]

    def _tag_sentences(self, sentences: list[list[str]]) -> tuple[list[list[str]], list]:
        """Labels per sentence, and per-token confidences where a name was found."""
        def named(labels: list[str]) -> bool:
            return any(coarse_type(k) for _, _, k in _spans(labels))

        if self._crfsuite is None:
            return self.compiled.tag(sentences, confidence=named)
        found, probs = [], []
        for words in sentences:
            labels = self.tag_tokens(words)
            found.append(labels)
            probs.append(np.array([self._crfsuite.marginal(label, i)
                                   for i, label in enumerate(labels)]) if named(labels) else None)
        return found, probs

    def clear_caches(self) -> None:
        """Forget cached word features and scores (benchmarks measure a cold start)."""
        self.featurizer._word.clear()
        self.featurizer._context.clear()
        self.compiled.clear()

    def tag(self, text: str) -> list[Mention]:
        tokens = tokenize(text)
        mentions = self._tag_chunks(text, tokens)
        return self._propagate(text, tokens, mentions)

    def _tag_chunks(self, text: str, tokens: list[Token]) -> list[Mention]:
        chunks = list(_chunks(tokens))
        if not chunks:
            return []
        # every sentence of the article in one batch; confidences only where a name was found
        found, probs = self._tag_sentences([[t.text for t in chunk] for chunk in chunks])
        mentions: list[Mention] = []
        for chunk, labels, conf in zip(chunks, found, probs):
            for start, end, kind in _spans(labels):
                coarse = coarse_type(kind)
                if coarse is None:
                    continue
                mention = self._mention(text, chunk[start:end], coarse,
                                        sum(conf[start:end].tolist()) / (end - start))
                if mention is not None:
                    mentions.append(mention)
        return mentions

    def _propagate(self, text: str, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
        """One name, one reading per article: a name tagged once is tagged wherever it
        recurs, and a person's surname alone (وأضاف الشطري) is that person.

        A CRF decides each sentence alone and often misses the second, shorter mention;
        an article rarely uses one string for two kinds of thing.
        """
        known: dict[tuple[str, ...], set[str]] = {}
        for m in mentions:
            keys = tuple(match_key(t.text) for t in tokenize(m.text) if t.is_word)
            if not keys:
                continue
            known.setdefault(keys, set()).add(m.type)
            if m.type == "PER" and len(keys) >= 2 and len(keys[-1]) >= 3:
                known.setdefault(keys[-1:], set()).add("PER")
        known = {k: v for k, v in known.items() if len(v) == 1}
        if not known:
            return mentions
        # the longest known name starting with each word: most words start none
        longest: dict[str, int] = {}
        for k in known:
            longest[k[0]] = max(longest.get(k[0], 0), len(k))
        covered = [False] * len(text)
        for m in mentions:
            covered[m.span.start:m.span.end] = [True] * (m.span.end - m.span.start)
        keys = [match_key(t.text) if t.is_word else "" for t in tokens]
        added: list[Mention] = []
        i = 0
        while i < len(tokens):
            for n in range(min(longest.get(keys[i], 0), len(tokens) - i), 0, -1):
                kind = known.get(tuple(keys[i:i + n]))
                if kind and not any(covered[tokens[i].start:tokens[i + n - 1].end]):
                    mention = self._mention(text, tokens[i:i + n], next(iter(kind)), 0.5)
                    if mention is not None:
                        added.append(mention)
                    i += n - 1
                    break
            i += 1
        return sorted(mentions + added, key=lambda m: m.span.start) if added else mentions

    def pipe(self, texts: Iterable[str]) -> Iterator[list[Mention]]:
        for text in texts:
            yield self.tag(text)

    def _mention(self, text: str, tokens: list[Token], kind: str, score: float) -> Mention | None:
        start = tokens[0].start + self._clitic_length(tokens[0].text)
        end = tokens[-1].end
        if start >= end:
            return None
        return Mention(Span(start, end), text[start:end], kind, score=round(score, 4))

    def _clitic_length(self, word: str) -> int:
        """How many leading letters are a glued conjunction or preposition, not the name.

        والعراق -> العراق and بالعراق -> العراق by the article; ومحمد -> محمد only when the
        rest is a known name word, since و and ف also begin names (وليد، فيصل).
        """
        m = re.match(r"^([وف]?[بلك]?)(?=ال)", word)
        if m and m.group(1) and len(word) - len(m.group(1)) >= 4:
            return len(m.group(1))
        if word.startswith(_CONJ) and len(word) >= 4:
            whole = normalize(word, Norm.MATCH)
            if SURFACE + whole in self.lexicon:
                return 0  # written so in the name lists: فرنسا، وهران، فاطمة
            rest = whole[1:]
            classes = self.lexicon.get(SURFACE + rest, ()) and self.lexicon.get(match_key(rest), ())
            if any(c.startswith(_NAME_CLASSES) for c in classes):
                return 1
        return 0


def _chunks(tokens: list[Token]) -> Iterator[list[Token]]:
    chunk: list[Token] = []
    for tok in tokens:
        chunk.append(tok)
        if (tok.text in _SENTENCE_END and len(chunk) > 3) or len(chunk) >= MAX_SEQUENCE:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """IOB2 spans in order; an I- that does not continue its type opens a new span."""
    out: list[tuple[int, int, str]] = []
    start, kind = None, None
    for i, label in enumerate(labels + ["O"]):
        cont = label.startswith("I-") and label[2:] == kind
        if not cont:
            if start is not None:
                out.append((start, i, kind))
            start, kind = (i, label[2:]) if label != "O" else (None, None)
    return out
