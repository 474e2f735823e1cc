"""Pure Arabic text functions shared by every stage.

Nothing here does I/O or keeps state beyond cached lookup tables, so every
function is safe to call from worker processes and gives the same answer for
the same input.
"""
from rasid.text.normalize import Norm, normalize, normalize_with_offsets
from rasid.text.script import arabic_ratio, strip_invisible, INVISIBLE_CHARS
from rasid.text.sentences import split_sentences
from rasid.text.tokens import Token, tokenize, match_key, match_keys
from rasid.text.langid import detect_language

__all__ = [
    "Norm", "normalize", "normalize_with_offsets", "arabic_ratio", "strip_invisible",
    "INVISIBLE_CHARS", "split_sentences", "Token", "tokenize", "match_key", "match_keys",
    "detect_language",
]
