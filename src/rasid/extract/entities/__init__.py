"""Who and where, per article: PER/ORG/LOC mentions with the titles written beside them.

`MentionExtractor` is the per-article stage; the tagger behind it is the shipped CRF
(`crf.py`) unless settings name a transformers model (`hf.py`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from rasid.extract.entities.base import TYPES, Tagger, coarse_type
from rasid.extract.entities.latin import tag_latin
from rasid.extract.entities.renames import renames, with_bracketed_acronyms, with_kunya
from rasid.extract.entities.roles import role_after, role_before, title_references
from rasid.model import Article, Mention

_LATIN_LETTER = re.compile(r"[A-Za-z]")

__all__ = ["MentionExtractor", "Tagger", "TYPES", "coarse_type", "load_tagger"]


@lru_cache(maxsize=4)
def load_tagger(model: str = "") -> Tagger:
    """'' -> the shipped CRF; 'crf:DIR' -> a CRF trained elsewhere; anything else is a
    transformers token-classification model (a local directory or a hub name)."""
    if not model:
        from rasid.extract.entities.crf import CRFTagger
        return CRFTagger()
    if model.startswith("crf:"):
        from pathlib import Path

        from rasid.extract.entities.crf import CRFTagger
        return CRFTagger(Path(model[4:]))
    from rasid.extract.entities.hf import TransformersTagger
    return TransformersTagger(model.removeprefix("hf:"))


class MentionExtractor:
    """Article -> Article with `mentions` (each PER mention with its title, if written)."""

    name = "mentions"

    def __init__(self, model: str = "", tagger: Tagger | None = None) -> None:
        self._model = model
        self._tagger = tagger

    @property
    def tagger(self) -> Tagger:
        if self._tagger is None:
            self._tagger = load_tagger(self._model)
        return self._tagger

    @property
    def version(self) -> str:
        return self.tagger.name

    def mentions(self, text: str) -> tuple[Mention, ...]:
        found = self.tagger.tag(text)
        if _LATIN_LETTER.search(text):
            # Latin-script names are found by rule (capitals); the Arabic model's guesses
            # on Latin text give way to them.
            found = [m for m in found if not _LATIN_LETTER.search(m.text)]
            taken = [(m.span.start, m.span.end) for m in found]
            found += [m for m in tag_latin(text)
                      if not any(s < m.span.end and m.span.start < e for s, e in taken)]
            found.sort(key=lambda m: m.span.start)
        found = with_bracketed_acronyms(text, with_kunya(text, list(found)))
        out = []
        floor = 0
        for m, same_as in zip(found, renames(text, found)):
            role = None
            if m.type == "PER":
                role = role_before(text, m.span.start, floor) or role_after(text, m.span.end)
            if role or same_as is not None:
                m = replace(m, role=role, same_as=same_as)
            out.append(m)
            floor = m.span.end
        titles = title_references(text, out)
        if titles:
            # Merge in text order; `same_as` indexes are renumbered to match.
            merged = sorted(range(len(out) + len(titles)),
                            key=lambda k: (out + titles)[k].span.start)
            new_index = {old: new for new, old in enumerate(merged)}
            out = [(out + titles)[k] for k in merged]
            out = [replace(m, same_as=new_index[m.same_as]) if m.same_as is not None else m
                   for m in out]
        return tuple(out)

    def __call__(self, article: Article) -> Article:
        stages = {**article.stages, self.name: self.version}
        return replace(article, mentions=self.mentions(article.text), stages=stages)
