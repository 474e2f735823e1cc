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


# Name words common enough that a glued letter before them is a clitic: وبشار is و + بشار,
# but وسام stays وسام (سام is too rare a name to outweigh a whole word).
@lru_cache(maxsize=1)
def _given() -> frozenset[str]:
    return frozenset(k for k, classes in _lexicon().items()
                     if any(c in ("given_common", "given_seen") for c in classes))


@lru_cache(maxsize=200_000)
def is_given_name(word: str) -> bool:
    return match_key(word) in _given() or word in _given()


_PROPER = ("given_common", "surname_common", "city_big", "country", "region")


@lru_cache(maxsize=200_000)
def is_lexicon_word(word: str, exact: bool = False) -> bool:
    """A name or place word in the lexicon, or in the alias file: وسوريا -> سوريا is.

    With `exact`, the word must be listed as written (its clitics are part of it)."""
    from rasid.resolve import aliases, places

    from rasid.extract.entities.lexicon import SURFACE

    lexicon = _lexicon()
    if exact:
        # As written; name tokens are folded further than the lexicon's (ؤ -> و), so the
        # match key's entry must agree too.
        classes = lexicon.get(match_key(word), ()) if SURFACE + word in lexicon else ()
    else:
        classes = lexicon.get(match_key(word), ())
    if any(c.startswith(_PROPER) for c in classes):
        return True
    return aliases.lookup(word) is not None or bool(places.place_ids(word))


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    """Titles and head nouns as written (وكالة، وزارة): common words, never و + a name."""
    from importlib import resources

    from rasid.resolve.names import fold_arabic

    text = resources.files("rasid.resources").joinpath("ner/triggers.tsv").read_text("utf-8")
    return frozenset(fold_arabic(line.split("\t")[0]) for line in text.splitlines()
                     if line and not line.startswith("#"))


@lru_cache(maxsize=100_000)
def is_place_or_alias(word: str) -> bool:
    from rasid.resolve import aliases, places

    return aliases.lookup(word) is not None or bool(places.place_ids(word))


def is_common_word(word: str) -> bool:
    return word in _trigger_words()
