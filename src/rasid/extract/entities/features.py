"""Token features for the CRF tagger.

Arabic has no capital letters, so a name is recognised by what surrounds it (titles,
head nouns, reporting verbs), by its shape once clitics come off (وبغداد -> بغداد),
by affixes (the nisba ـي of العراقي is an adjective, not a place) and by name lists.
Features of a word never depend on its sentence, so they are computed once per word
type and cached: tagging cost is dominated by dictionary lookups, not string work.
"""
from __future__ import annotations

import re

from rasid.text.normalize import Norm, normalize
from rasid.text.tokens import match_key

_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_DIGIT = re.compile(r"\d")
WINDOW = 2
# Context features carry only the most telling features of neighbours.
_CONTEXT_KINDS = ("w=", "k=", "L=", "sh=", "s2=", "p3=", "pro=", "nisba", "c")   # c: word clusters


def shape(word: str) -> str:
    if _DIGIT.search(word):
        return "num"
    if _ARABIC.search(word):
        return "ar"
    if _LATIN.search(word):
        if word.isupper() and len(word) > 1:
            return "LAT"
        return "Lat" if word[0].isupper() else "lat"
    return "punct" if not word[0].isalnum() else "other"


def _norm_and_key(word: str) -> tuple[str, str]:
    """The word folded, and its clitic-stripped key; both bounded (elongated or glued junk
    stays short)."""
    norm = normalize(word, Norm.MATCH)[:40]
    return norm, (match_key(norm)[:40] if norm else norm)


def word_key(word: str) -> str:
    """What the name lists and word clusters are looked up by."""
    return _norm_and_key(word)[1]


class Featurizer:
    """Maps a token list to CRF feature lists; `lexicon` maps match keys to classes."""

    def __init__(self, lexicon: dict[str, tuple[str, ...]], max_cache: int = 300_000,
                 known: frozenset[str] | None = None,
                 clusters: dict[str, tuple[str, ...]] | None = None) -> None:
        """`known`: the attributes a trained model has weights for. Tagging with them alone
        gives the same labels and marginals (CRFsuite ignores attributes it does not know)
        while the tagger looks up a third as many strings; None keeps every feature (training).
        `clusters`: word key -> word-cluster features (clusters.py), for the word and, as
        context, its neighbours; none unless the model was trained with them."""
        self.lexicon = lexicon
        self.clusters = clusters or {}
        self._word: dict[str, list[str]] = {}
        self._context: dict[tuple[str, int], list[str]] = {}
        self.max_cache = max_cache
        self.known = known

    def word_features(self, word: str) -> list[str]:
        """Every feature of the word (what training sees, and what context features and
        bigrams are made from)."""
        cached = self._word.get(word)
        if cached is not None:
            return cached
        norm, key = _norm_and_key(word)
        feats = [f"w={norm}", f"sh={shape(word)}"]
        if key != norm:
            feats.append(f"k={key}")
            feats.append(f"pro={norm[: len(norm) - len(key)]}")
        if len(key) > 2:
            feats += [f"p2={key[:2]}", f"p3={key[:3]}", f"s2={key[-2:]}", f"s3={key[-3:]}",
                      f"s1={key[-1]}"]
        feats.append(f"len={min(len(key), 7)}")
        for cls in self.lexicon.get(key, ()):
            feats.append(f"L={cls}")
        feats += self.clusters.get(key, ())
        if norm.startswith("ال") and norm.endswith("ي") and len(norm) > 4:
            feats.append("nisba")  # العراقي، السوري: adjectives of origin
        if len(self._word) < self.max_cache:
            self._word[word] = feats
        return feats

    def context_features(self, word: str, offset: int) -> list[str]:
        """The word's features as seen from `offset` tokens away (offset 0: the word's own,
        both filtered to `known` when given)."""
        cached = self._context.get((word, offset))
        if cached is not None:
            return cached
        if offset == 0:
            feats = list(self.word_features(word))
        else:
            feats = [f"{offset}{f}" for f in self.word_features(word) if f.startswith(_CONTEXT_KINDS)]
        if self.known is not None:
            feats = [f for f in feats if f in self.known]
        if len(self._context) < self.max_cache:
            self._context[word, offset] = feats
        return feats

    def sentence(self, words: list[str]) -> list[list[str]]:
        n = len(words)
        out = []
        titled = self._after_title(words)
        known = self.known
        keep = (lambda f: True) if known is None else known.__contains__
        for i, word in enumerate(words):
            feats = ["bias"]
            feats += self.context_features(word, 0)
            if titled[i] and keep(f := f"after_title={min(titled[i], 4)}"):
                feats.append(f)
            for off in range(-WINDOW, WINDOW + 1):
                j = i + off
                if off == 0:
                    continue
                if 0 <= j < n:
                    feats += self.context_features(words[j], off)
                elif (j == -1 or j == n) and keep(f := f"{off}BOUNDARY"):
                    feats.append(f)
            if i > 0 and keep(f := f"bi-1={_first(self.word_features(words[i - 1]))}|{_first(self.word_features(word))}"):
                feats.append(f)
            if i + 1 < n and keep(f := f"bi+1={_first(self.word_features(word))}|{_first(self.word_features(words[i + 1]))}"):
                feats.append(f)
            out.append(feats)
        return out


    def _after_title(self, words: list[str]) -> list[int]:
        """Distance from a title word that opens a title phrase reaching this word:
        "رئيس جهاز المخابرات العراقي حميد" puts حميد 4 words after its title, past the
        two-word window. The phrase breaks at punctuation and reporting verbs."""
        out = [0] * len(words)
        since = 0
        for i, word in enumerate(words):
            out[i] = since
            feats = self.word_features(word)
            if "L=per_title" in feats:
                since = 1
            elif since and "sh=ar" in feats and "L=report" not in feats and since < 6:
                since += 1
            else:
                since = 0
        return out


def _first(feats: list[str]) -> str:
    return feats[0][2:]
