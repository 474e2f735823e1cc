"""Comparing two names without context: same entity, or not?

Arabic news spells one person many ways: hamza and ya variants (أحمد/احمد، فؤاد/فواد),
compound names written joined or apart (عبد الله/عبدالله، نصر الله/نصرالله),
honorifics (الشيخ، السيد), glued conjunctions and prepositions (وبشار، بدمشق), Persian
and Kurdish letters (پوتين), Latin transliterations (Hamid al-Shatri) and the garbles of
machine translation (الشاتري). A wrong merge poisons every count that follows, so
context-free matching is conservative:

- two *known* name words that differ are different names (حسن ≠ حسين، عبد الله ≠ عبد
  الإله), however close their letters; only unknown or foreign words may match by
  consonant skeleton (بوتين/بوتن، شولتس/شولتز);
- every part of a name must match, and a loose match needs an exact one beside it;
- the article stays part of an Arabic family name (علي الأمين ≠ علي أمين).

Looser matches (a lone surname, a garbled known name) need context and are made by the
resolver inside one article or story, never here.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rasid.text.normalize import Norm, normalize

_WORD = re.compile(r"[^\W\d_]+")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")

# Titles and honorifics that precede a name but are not part of it.
HONORIFICS_TEXT = """
الشيخ السيد السيدة الدكتور د الحاج الاستاذ الأستاذ المهندس الرئيس الملك الامير الأمير
الجنرال اللواء العميد العقيد الفريق المشير الإمام الامام سماحة فضيلة معالي سعادة
"""
_COMPOUND_HEADS = frozenset(("عبد", "ابو", "ابي", "ام", "ابن"))
_COMPOUND_TAILS = frozenset(("الله", "الدين"))  # نصر الله، نور الدين: one name, often joined
# Persian, Urdu and Kurdish letters folded to the Arabic letter a writer of Arabic uses.
_FOREIGN_LETTERS = str.maketrans({
    "پ": "ب", "چ": "تش", "ژ": "ج", "گ": "غ", "ڤ": "ف", "ۆ": "و", "ۊ": "و", "ۇ": "و", "ۋ": "و",
    "ێ": "ي", "ې": "ي", "ے": "ي", "ھ": "ه", "ہ": "ه", "ۂ": "ه", "ۀ": "ه", "ٹ": "ت", "ٿ": "ت",
    "ٽ": "ت", "ټ": "ت", "ڈ": "د", "ډ": "د", "ڊ": "د", "ڑ": "ر", "ڕ": "ر", "ړ": "ر", "ں": "ن",
    "ڵ": "ل", "ڪ": "ك", "ګ": "غ", "ڠ": "نغ",
    "ﻻ": "لا", "ؤ": "و", "ئ": "ي", "ە": "", "\u200c": "", "\u200d": "",
})
_LATIN_PARTICLES = frozenset("al el ul ad ar as at az an ash ath adh".split())
_LATIN_HONORIFICS = frozenset("sheikh shaikh sayyid dr mr mrs ms president king prince "
                              "general gen col colonel minister".split())
# Consonant skeleton: letters that transliteration and MT confuse are folded together
# (emphatics with their plain twins), long-vowel letters and hamza dropped.
_SKELETON = str.maketrans({
    "ط": "ت", "ص": "س", "ض": "د", "ظ": "ز", "ذ": "ز", "ث": "س", "ق": "ك", "ح": "ه",
    "ة": "ه", "ع": None, "ء": None, "ا": None, "ى": None, "آ": None, "أ": None, "إ": None,
})
# Foreign names written in Arabic: vowels are letters of choice (بوتين/بوتن) and the
# writer picks among near sounds (شولتس/شولتز، سيرغي/سيرجي).
_LOOSE = str.maketrans({"و": None, "ي": None, "ز": "س", "غ": "ج", "ه": None, "خ": "ك"})
# Letters of Persian, Urdu, Kurdish and Pashto that Arabic does not write. A name spelled
# with them was written for another language's readers (ولادیمیر پوتین), so the rule that two
# different *known* name words are two names (حسن ≠ حسين) cannot be read off its letters.
_NON_ARABIC_LETTERS = re.compile("[پچژگڤکیہھۆێېےٹڈڑںڵڕەۊۇۋټډړڪڊٽٿڠګۀ]")
# Particles of European names, written, joined or dropped at will: دا فينشي / داوینچی,
# يان فان إيك / یان وان آیک, فردينان دو ليسبس / ديليسبس.
FOREIGN_PARTICLES = frozenset("دي دا دو د ده دى دل ديل دير در فان فن ون وان فون لا لو".split())
# The sound of a foreign name in Arabic letters: vowel letters dropped, the letters that
# spell one foreign sound folded together (G: ج غ ق ك; T: ت ط; S/Z: س ص ز ث; J: ج دج).
_SOUND = str.maketrans({"ج": "ك", "غ": "ك", "ق": "ك", "خ": "ك", "ط": "ت", "ث": "س", "ص": "س",
                        "ز": "س", "ظ": "س", "ض": "د", "ذ": "د", "ح": None, "ه": None, "ا": None,
                        "و": None, "ي": None, "ى": None, "ع": None, "ء": None, "أ": None,
                        "إ": None, "آ": None, "ة": None})
_PARENTHESES = re.compile(r"\([^)]*\)")   # «محمد عبدالوهاب (موسيقي)»: a disambiguator
FOREIGN_KNOWN_SOUND = 4
MIN_SOUND = 5   # letters of sound a whole foreign name needs before it can match on sound alone
MIN_LOOSE = 3   # letters a loose skeleton needs before two different words can match on it


HONORIFICS = frozenset()  # filled below, once fold_arabic exists


# The romanizer's cost grows exponentially with the number of words; names are short.
MAX_ROMANIZED_PARTS = 5


@lru_cache(maxsize=200_000)
def is_latin(name: str) -> bool:
    return bool(_LATIN.search(name)) and not _ARABIC.search(name)


def fold_arabic(name: str) -> str:
    # Kurdish writes a word-initial vowel on ئ: ئیزابێلا -> ایزابیلا, ئاسۆ -> اسو.
    name = re.sub(r"(^|\s)ئ(?=ا)", r"\1", name)
    name = re.sub(r"(^|\s)ئ", r"\1ا", name)
    name = normalize(name.translate(_FOREIGN_LETTERS), Norm.MATCH)
    return re.sub(r"اء\b", "ا", name)  # كربلاء/كربلا، صنعاء/صنعا


HONORIFICS = frozenset(fold_arabic(w) for w in HONORIFICS_TEXT.split())


@lru_cache(maxsize=200_000)
def name_tokens(name: str, clitics: bool = True) -> tuple[str, ...]:
    """Folded name parts: honorifics dropped, glued clitics off, compounds joined.

    'الشيخ عبد الله الأحمد' -> ('عبدالله', 'الاحمد').
    """
    if is_latin(name):
        return latin_tokens(name)
    words = _WORD.findall(fold_arabic(name))
    # The lexicon knows words as the tagger's normalization writes them (فءاد, not فواد):
    # clitics are judged on that form, then the same letters come off the folded word.
    written = _WORD.findall(normalize(name, Norm.MATCH))
    if len(written) != len(words):
        written = words
    while len(words) > 1 and words[0] in HONORIFICS:
        words, written = words[1:], written[1:]
    if words and clitics:
        cut, article = _proclitic(written[0])
        if cut:
            words[0] = ("ال" if article else "") + words[0][cut:]
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if i + 1 < len(words) and (w in _COMPOUND_HEADS or words[i + 1] in _COMPOUND_TAILS):
            if w in ("ابي", "ابا"):
                w = "ابو"  # the kunya's case endings: أبي محمد = أبا محمد = أبو محمد
            out.append(w + words[i + 1])  # عبد الله -> عبدالله, نصر الله -> نصرالله
            i += 2
            continue
        out.append(w)
        i += 1
    return tuple(out)


def strip_proclitic(word: str) -> str:
    """وبشار -> بشار, بدمشق -> دمشق, للأمم -> الامم; وليد, فيصل, وائل, فانس stay whole."""
    cut, article = _proclitic(word)
    return ("ال" if article else "") + word[cut:]


def _proclitic(word: str) -> tuple[int, bool]:
    """How many leading letters are a glued conjunction or preposition, and whether the
    article's alef went with them (لل).

    Letters come off before the article (والعراق), or before a word the lexicon knows
    well: a common name of four letters or more (ومحمد) or a place or alias (بغزة). A rare
    or short rest is not enough: فانس is Vance, not ف + أنس; وائل is a name, not و + ايل.
    """
    from rasid.resolve.known import is_common_word, is_given_name, is_lexicon_word, is_place_or_alias

    if is_lexicon_word(word, exact=True) or is_common_word(word):
        return 0, False
    for n in ((2, 1) if word.startswith("لل") else (1, 2)):
        head, rest = word[:n], word[n:]
        if not re.fullmatch(r"[وف]|[بلك]|[وف][بلك]|لل", head) or len(rest) < 3:
            continue
        if head == "لل":
            return (2, True) if len(rest) >= 3 else (0, False)
        if rest.startswith("ال") and len(rest) >= 5:
            return n, False  # (وكالة is not و + ك + الة)
        if is_place_or_alias(rest) or (len(rest) >= 4 and is_lexicon_word(rest, exact=True)):
            return n, False
        if head == "و" and len(rest) == 3 and is_given_name(rest) and is_lexicon_word(rest, exact=True):
            return n, False  # ولؤي، وعلي: the conjunction before a common short name
    return 0, False


@lru_cache(maxsize=500_000)   # name words repeat across millions of comparisons
def skeleton(token: str) -> str:
    """الشطري and الشاتري -> 'لشتري'; حسين and حسن stay apart (medial ya is kept)."""
    s = token.translate(_SKELETON)
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=500_000)
def loose_skeleton(token: str) -> str:
    """For foreign names: بوتين, بوتن -> 'بتن'."""
    s = skeleton(token).translate(_LOOSE)
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=500_000)
def token_match(a: str, b: str) -> str | None:
    """'exact', 'skeleton', 'loose' or None, for two folded Arabic name parts."""
    from rasid.resolve.known import is_given_name, is_known

    if a == b:
        return "exact"
    if a.startswith(("عبد", "ابو")) and b.startswith(("عبد", "ابو")) and len(a) > 4 and len(b) > 4:
        return None  # عبدالله ≠ عبدالاله: the second half of a compound is the name
    bare_a, bare_b = _bare(a), _bare(b)
    if bare_a == bare_b and not is_given_name(bare_a):
        return "skeleton"  # الطالباني/طالباني; but الأمين ≠ أمين, a given name of its own
    if is_known(a) and is_known(b):
        return None  # two real names: حسن/حسين
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb and len(sa) >= 3:
        return "skeleton"
    la, lb = loose_skeleton(a), loose_skeleton(b)
    if la == lb and len(la) >= MIN_LOOSE and not (is_known(a) or is_known(b)):
        return "loose"
    return None


def foreign_letters(text: str) -> bool:
    """Written with letters Arabic does not use (Persian, Urdu, Kurdish, Pashto)."""
    return bool(_NON_ARABIC_LETTERS.search(text))


def _bare(token: str) -> str:
    return token[2:] if token.startswith("ال") and len(token) > 4 else token


def arabic_parts_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Every part agrees; a loose match needs an exact one beside it.

    A longer name may carry extra middle parts (a father's name in the nasab) when the
    first and last parts both agree exactly: أحمد حسين الشرع ~ أحمد الشرع.
    """
    if not a or not b:
        return False
    if "".join(a) == "".join(b):
        return True  # spacing only: دير الزور / ديرالزور
    if len(a) == len(b):
        kinds = [token_match(x, y) for x, y in zip(a, b)]
        if len(a) > 1 and kinds[0] is None and _bare(a[0]) == _bare(b[0]):
            kinds[0] = "skeleton"  # a given name with the article: المنصف / منصف
        if len(a) >= 3 and kinds.count(None) == 1 and kinds.count("exact") == len(a) - 1:
            i = kinds.index(None)  # محمد شياع السوداني / محمد شيا السوداني: two parts vouch
            if skeleton(a[i]) == skeleton(b[i]) and len(skeleton(a[i])) >= 2:
                kinds[i] = "skeleton"
        if None in kinds:
            return False
        # A loose match needs support: an exact part beside it, or, for a foreign
        # name of several parts, every part long enough to be distinctive.
        return ("exact" in kinds or (len(a) > 1 and "loose" not in kinds)
                or (len(a) > 1 and all(len(loose_skeleton(x)) >= 4 for x in a)))
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < 2 or short[0] != long_[0] or short[-1] != long_[-1]:
        return False
    it = iter(long_[1:-1])
    return all(any(p == q for q in it) for p in short[1:-1])


def latin_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=100_000)
def latin_tokens(name: str) -> tuple[str, ...]:
    """'Hamid al-Shatri' -> ('hamid', 'shatri'); 'Abd al-Rahman' -> ('abdrahman',)."""
    words = re.findall(r"[a-z]+", latin_fold(name).replace("'", "").replace("’", ""))
    while len(words) > 1 and words[0] in _LATIN_HONORIFICS:
        words = words[1:]
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in _LATIN_PARTICLES and i + 1 < len(words):
            i += 1
            continue
        if w in ("abd", "abdel", "abdul", "abu", "abou", "umm") and i + 1 < len(words):
            j = i + 2 if words[i + 1] in _LATIN_PARTICLES and i + 2 < len(words) else i + 1
            out.append(("abd" if w.startswith("abd") else "abu" if w.startswith("ab") else w)
                       + words[j])
            i = j + 1
            continue
        if w.startswith(("al", "el")) and len(w) > 5 and w[2] not in "aeiou":
            w = w[2:]  # "alshatri" written without the hyphen
        if w in ("ibn", "bin", "ben"):
            w = "bin"
        out.append(w)
        i += 1
    return tuple(out)


_LATIN_SPELLING = (("kh", "k"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"), ("gh", "g"),
                   ("ph", "f"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("q", "k"), ("c", "k"),
                   ("j", "g"), ("z", "s"), ("w", "u"), ("v", "f"), ("ei", "ay"), ("ai", "ay"),
                   ("e", "i"), ("o", "u"))


@lru_cache(maxsize=100_000)
def latin_spelling(token: str) -> str:
    """Spelling conventions folded, vowels kept: Fouad, Fuad -> 'fuad'; Sharaa -> 'sara'."""
    s = token
    for a, b in _LATIN_SPELLING:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=100_000)
def latin_skeleton(token: str) -> str:
    """Consonants only: what a foreign name keeps across scripts ('Kojima' -> 'kgm')."""
    s = latin_spelling(token)
    head, rest = s[:1], re.sub(r"[aeiouyh]", "", s[1:])
    if head in "aeiouyh":
        head = ""
    return re.sub(r"(.)\1+", r"\1", head + rest)


def latin_token_match(a: str, b: str, vowels: bool = True) -> bool:
    """Two Latin spellings of one name part. With `vowels`, a long part may differ by one
    vowel (Mohamed/Mohamad) but never by a consonant (Kuran ≠ Kukan) and short parts must
    agree (Saad ≠ Saeed); without, consonants alone decide."""
    if a == b:
        return True
    sa, sb = latin_spelling(a), latin_spelling(b)
    if sa == sb:
        return True
    ka, kb = latin_skeleton(a), latin_skeleton(b)
    if vowels:
        return ka == kb and min(len(sa), len(sb)) >= 5 and _edit_distance(sa, sb) <= 1
    return ka == kb and len(ka) >= 2


def latin_parts_match(a: tuple[str, ...], b: tuple[str, ...], vowels: bool = True) -> bool:
    if len(a) != len(b) or not a:
        return False
    return all(latin_token_match(x, y, vowels) for x, y in zip(a, b))


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


# Latin consonants as the Arabic letters that write them (after the skeleton folds).
_LATIN_TO_ARABIC = (("sh", "ش"), ("ch", "ش"), ("kh", "ك"), ("gh", "ج"), ("th", "ت"),
                    ("dh", "د"), ("ph", "ف"), ("ts", "تس"), ("tch", "تش"), ("x", "كس"),
                    ("b", "ب"), ("p", "ب"), ("t", "ت"), ("j", "ج"), ("g", "ج"), ("d", "د"),
                    ("r", "ر"), ("z", "س"), ("s", "س"), ("f", "ف"), ("v", "ف"), ("q", "ك"),
                    ("k", "ك"), ("c", "ك"), ("l", "ل"), ("m", "م"), ("n", "ن"), ("h", ""),
                    ("w", ""), ("y", ""))


@lru_cache(maxsize=100_000)
def latin_as_arabic_skeleton(token: str) -> str:
    s = re.sub(r"[aeiou]", "", latin_fold(token))
    for a, b in _LATIN_TO_ARABIC:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^\u0600-\u06ff]", "", s))


def cross_script_match(arabic: str, latin: tuple[str, ...]) -> bool:
    """An Arabic name and a Latin one: through the romanizer's spellings for known names;
    by consonants and the vowels the Arabic spelling writes for foreign names, whose
    Arabic spelling is itself a transliteration (Tarzana ~ تارزانا, not ~ Tarazona)."""
    from rasid.resolve import script
    from rasid.resolve.known import is_known

    parts = name_tokens(arabic)
    if not parts or len(parts) > MAX_ROMANIZED_PARTS or len(parts) != len(latin):
        return False  # part counts differ: neither path below can match (and romanizing costs)
    if any(latin_parts_match(latin_tokens(r), latin) for r in script.romanizations(arabic)):
        return True
    if len(parts) != len(latin) or any(is_known(p) for p in parts):
        return False
    return all(_sounds_alike(p, q) for p, q in zip(parts, latin))


_ARABIC_VOWELS = {"ا": "a", "و": "u", "ي": "i", "ى": "a"}
_LATIN_VOWEL_CLASS = {"a": "a", "e": "i", "i": "i", "y": "i", "o": "u", "u": "u"}
_SILENT = frozenset("عءهأإآ")


def _arabic_frames(token: str) -> list[tuple[str, str | None]]:
    """(consonant, vowel letter after it) along an Arabic word; the first frame may have
    no consonant (a word starting with a vowel letter)."""
    frames: list[list] = []
    token = token.replace("تش", "ش")
    for i, ch in enumerate(token):
        if ch in _ARABIC_VOWELS and not (ch in "وي" and (i == 0 or frames and frames[-1][1])):
            if frames:
                frames[-1][1] = frames[-1][1] or _ARABIC_VOWELS[ch]
            else:
                frames.append(["", _ARABIC_VOWELS[ch]])
            continue
        if ch in _SILENT:
            continue
        c = ch.translate(_SKELETON).translate(_LOOSE)
        if not c:
            continue
        if frames and frames[-1][0] == c and frames[-1][1] is None:
            continue  # a doubled consonant
        frames.append([c, None])
    return [(c, v) for c, v in frames]


def _latin_frames(token: str) -> list[tuple[str, str | None]]:
    frames: list[tuple[str, str | None]] = []
    for cons, vow in re.findall(r"([^aeiouy]*)([aeiouy]*)", latin_fold(token).replace("tch", "ch")):
        if not cons and not vow:
            continue
        letters = latin_as_arabic_skeleton(cons).translate(_LOOSE) if cons else ""
        vclass = _LATIN_VOWEL_CLASS.get(vow[:1]) if vow else None
        if not letters:
            if frames:
                c, v = frames[-1]
                frames[-1] = (c, v or vclass)
            elif vclass:
                frames.append(("", vclass))
            continue
        for ch in letters[:-1]:
            if not (frames and frames[-1] == (ch, None)):
                frames.append((ch, None))
        if frames and frames[-1] == (letters[-1], None):
            frames[-1] = (letters[-1], vclass)
        else:
            frames.append((letters[-1], vclass))
    return frames


def _sounds_alike(arabic: str, latin: str) -> bool:
    fa, fl = _arabic_frames(arabic), _latin_frames(latin)
    if [c for c, _ in fa if c] != [c for c, _ in fl if c] or sum(1 for c, _ in fa if c) < 2:
        return False
    fa = [f for f in fa if f[0]] if fa and not fa[0][0] and not (fl and not fl[0][0]) else fa
    fl = [f for f in fl if f[0]] if fl and not fl[0][0] and not (fa and not fa[0][0]) else fl
    if len(fa) != len(fl):
        return False
    # Where the Arabic writes a vowel letter, the Latin must have a vowel of its class.
    # An Arabic vowel letter where the Latin has none is an inserted helping vowel
    # (Sprockett ~ سبوروكيت) and is tolerated once.
    inserted = sum(1 for (_, va), (_, vl) in zip(fa, fl) if va is not None and vl is None)
    return inserted <= 1 and all(va is None or vl is None or vl == va
                                 for (_, va), (_, vl) in zip(fa, fl))


@lru_cache(maxsize=200_000)
def sound_key(parts: tuple[str, ...]) -> str:
    """The consonants of a foreign name, particles and spacing ignored:
    ('ليوناردو', 'دا', 'فينشي') and ('لئوناردو', 'داوینچی') -> 'لنردفنش'."""
    # a final -a stays: it is how these languages write a woman's name (الکساندر / ألكسندرا)
    s = "".join(re.sub(r"(?<=[^اوي])[اةى]$", "A", p) for p in parts if p not in FOREIGN_PARTICLES)
    s = s.replace("تش", "ش").replace("دج", "ج")
    # V is written ف, ڤ or و (also a vowel letter, so dropped): F and V leave no trace
    return re.sub(r"(.)\1+", r"\1", s.translate(_SOUND).replace("ف", ""))


def foreign_parts_match(a: str, b: str, ta: tuple[str, ...], tb: tuple[str, ...]) -> bool:
    """Two Arabic-script spellings of one foreign name, which the Arabic rules miss:
    Persian, Urdu and Kurdish letters and vowels, particles written or not, parts joined or
    split. Either no part is a known name word and the whole names sound alike, or one side is
    written with non-Arabic letters and each part agrees (exactly, through the romanizer's
    spellings, or, for unknown words, by sound)."""
    from rasid.resolve.known import is_known

    ka = sound_key(ta)
    if ka == sound_key(tb) and len(ka) >= MIN_SOUND and not any(
            is_known(p) for p in ta + tb if p not in FOREIGN_PARTICLES):
        return True
    if not _NON_ARABIC_LETTERS.search(a + b):
        return False
    pa = tuple(p for p in ta if p not in FOREIGN_PARTICLES)
    pb = tuple(p for p in tb if p not in FOREIGN_PARTICLES)
    if len(pa) != len(pb) or not pa or len(pa) > MAX_ROMANIZED_PARTS:
        return False
    return all(_foreign_part_match(x, y) for x, y in zip(pa, pb))


def _foreign_part_match(x: str, y: str) -> bool:
    from rasid.resolve import script
    from rasid.resolve.known import is_known

    if token_match(x, y) in ("exact", "skeleton"):
        return True
    if {latin_fold(r) for r in script.romanizations(x)} & {latin_fold(r) for r in script.romanizations(y)}:
        return True   # جیمز / جيمس: both James
    kx = sound_key((x,))
    if kx != sound_key((y,)):
        return False
    if not (is_known(x) or is_known(y)):
        return len(kx) >= 2
    # Arabic names rest on three-letter roots (حامد/حميد: مد): a known word of four sounds or
    # more is a foreign name written two ways (روبرت/رابرت), not two Arabic names, as long as
    # it has as many vowel letters: a syllable more is another name (کریستین / كريستيان).
    return len(kx) >= FOREIGN_KNOWN_SOUND and _vowel_letters(x) == _vowel_letters(y)


def _vowel_letters(word: str) -> int:
    return sum(ch in "اويى" for ch in word[1:])


class NameMatcher:
    """`same(a, b, type)`: do two names, seen without context, denote one entity?

    Order of evidence: folded equality; the reviewed alias file (which can also say
    *no*: two different alias entries never merge); place gazetteers for LOC; then
    part-by-part matching, across scripts through the romanizer's spellings.
    """

    def same(self, a: str, b: str, type: str | None = None) -> bool:
        from rasid.resolve import aliases, places

        a, b = _PARENTHESES.sub(" ", a).strip() or a, _PARENTHESES.sub(" ", b).strip() or b
        ta, tb = name_tokens(a), name_tokens(b)
        if not ta or not tb:
            return False
        if ta == tb:
            return True
        xa, xb = aliases.lookup(a, clitics=True), aliases.lookup(b, clitics=True)
        if xa is not None and xb is not None:
            return xa == xb
        if type in (None, "LOC"):
            pa, pb = places.place_ids(a, clitics=True), places.place_ids(b, clitics=True)
            if pa and pb:
                return bool(pa & pb)
        la, lb = is_latin(a), is_latin(b)
        if la and lb:
            return latin_parts_match(ta, tb)
        if la or lb:
            return cross_script_match(b if la else a, ta if la else tb)
        return arabic_parts_match(ta, tb) or foreign_parts_match(a, b, ta, tb)
