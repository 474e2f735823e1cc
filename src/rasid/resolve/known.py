"""Is this folded word a known name word (a given name or surname people really bear)?

Known names are exact: two different known names are two names, however close their
letters (حسن/حسين). Unknown words (foreign names, garbles) may match by skeleton. The
list is the NER model's lexicon (name units from `arabic-name-romanizer`'s Wikidata
data, seen at least three times), so the resolver and the tagger agree on it.
"""
from __future__ import annotations

from functools import lru_cache

from rasid.text.tokens import match_key

_NAME_CLASSES = ("given_common", "given_seen", "surname_common", "surname_seen")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[str, ...]]:
    from rasid.extract.entities.crf import LEXICON_FILE, default_model_dir
    from rasid.extract.entities.lexicon import load_lexicon

    path = default_model_dir() / LEXICON_FILE
    return load_lexicon(path) if path.is_file() else {}


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(k for k, classes in _lexicon().items()
                     if any(c in _NAME_CLASSES for c in classes))


@lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    """`word` is already folded (name_tokens); lexicon keys have clitics off too."""
    return match_key(word) in _known() or word in _known()


_PROPER = ("given_", "surname_", "city", "country", "region")


@lru_cache(maxsize=200_000)
def is_lexicon_word(word: str, exact: bool = False) -> bool:
    """A name or place word in the lexicon, or in the alias file: وسوريا -> سوريا is.

    With `exact`, the word must be listed as written (its clitics are part of it)."""
    from rasid.resolve import aliases, places

    key = word if exact else match_key(word)
    classes = _lexicon().get(key, ())
    if any(c.startswith(_PROPER) for c in classes):
        return True
    return aliases.lookup(word) is not None or bool(places.place_ids(word))
