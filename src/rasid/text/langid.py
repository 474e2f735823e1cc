"""Language identification: Arabic, English, or another ISO 639-1 code.

Text that is overwhelmingly Arabic script with no Persian/Urdu-only letters is
Arabic without asking a model (most of our input, and the fast path). Anything
else goes to py3langid, whose model ships inside the package and needs no
network. Arabic dialect codes are folded into "ar": dialect is not language
here. Too little text gives "und" (undetermined).
"""
from __future__ import annotations

import re

from rasid.text.script import arabic_letter_count, letter_count

_DIALECTS = {"arz", "ary", "arq", "apc", "ajp", "acm", "aeb", "afb", "ars", "acq", "ayl"}
_NON_ARABIC_LETTERS = re.compile("[پچژگکیۀےٹڈڑں]")


def detect_language(text: str, min_letters: int = 12) -> str:
    sample = text[:1500]  # plenty for a language decision
    arabic = arabic_letter_count(sample)
    if arabic >= min_letters and arabic > 0.6 * len(sample) and not _NON_ARABIC_LETTERS.search(sample):
        return "ar"  # fast path: letters are the bulk of any text, so this is unambiguous
    letters = letter_count(sample)
    if letters < min_letters:
        return "und"
    if arabic / letters > 0.8 and not _NON_ARABIC_LETTERS.search(sample):
        return "ar"
    import py3langid  # loads its bundled model on first use

    lang, _score = py3langid.classify(sample)
    return "ar" if lang in _DIALECTS else lang
