"""rasid.resolve.names: folding, name parts and the context-free matcher.

Policy (eval/entities/README.md): precision first. Two different known name words never
match, every part of a name must agree, and a bare family name needs context (the resolver),
not `same()`.
"""
from __future__ import annotations

import time

import pytest

from rasid.resolve import known
from rasid.resolve.names import (NameMatcher, arabic_parts_match, fold_arabic, is_latin,
                                 latin_token_match, latin_tokens, loose_skeleton, name_tokens,
                                 skeleton, sound_key, strip_proclitic, token_match)

MATCH = NameMatcher()


def test_name_lexicon_is_available():
    # Everything below leans on the known-name list (حسن ≠ حسين); without it the matcher
    # silently changes behaviour, so fail loudly here first.
    assert known.is_known("حسن") and known.is_known("حسين")
    assert not known.is_known("زفتاوي")


# -- folding ---------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, folded", [
    ("أحمد", "احمد"),                 # hamza on alef
    ("إبراهيم", "ابراهيم"),           # hamza under alef
    ("آمال", "امال"),                 # madda
    ("مصطفى", "مصطفي"),               # alef maqsura
    ("رقية", "رقيه"),                 # ta marbuta
    ("مُحَمَّد", "محمد"),             # diacritics
    ("عَلِيّ", "علي"),
    ("عـــلي", "علي"),                # tatweel
    ("فؤاد", "فواد"),                 # hamza on waw
    ("وائل", "وايل"),                 # hamza on ya
    ("كربلاء", "كربلا"),              # a dropped final hamza
    ("صنعاء", "صنعا"),
    ("پزشکیان", "بزشكيان"),           # Persian pe, kaf, ya
    ("گرگان", "غرغان"),               # Persian gaf
    ("ڤيان", "فيان"),                 # Kurdish ve
    ("کۆبانێ", "كوباني"),             # Kurdish o and e
    ("ئیران", "ايران"),               # Kurdish word-initial vowel carrier
    ("خامنه\u200cای", "خامنهاي"),      # zero-width non-joiner
    ("شاہ", "شاه"),                   # Urdu heh goal
    ("ګلاب", "غلاب"),                 # Pashto gaf
    ("ڊيرو", "ديرو"),                 # Sindhi ddal
    ("سيڠاڤورا", "سينغافورا"),         # Jawi nga: the two letters Arabic writes for ng
])
def test_fold_arabic(raw, folded):
    assert fold_arabic(raw) == folded


def test_fold_kurdish_initial_carrier_before_alef():
    assert fold_arabic("ئاسۆ") == fold_arabic("آسو") == "اسو"


@pytest.mark.parametrize("a, b", [
    ("أسامة حمدان", "اسامه حمدان"),
    ("مصطفى الكاظمي", "مصطفي الكاظمي"),
    ("مُصْطَفَى الكَاظِمِي", "مصطفى الكاظمي"),
    ("مصـــطفى الكاظـــمي", "مصطفى الكاظمي"),
    ("مسعود پزشکیان", "مسعود بزشكيان"),
    ("إبراهيم الجعفري", "ابراهيم الجعفري"),
    ("محمد عبد الوہاب", "محمد عبد الوهاب"),      # an Urdu page's heh
])
def test_orthographic_variants_are_the_same_name(a, b):
    assert name_tokens(a) == name_tokens(b)
    assert MATCH.same(a, b, "PER")


# -- name parts -------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, tokens", [
    ("اللواء سالم الدباغ", ("سالم", "الدباغ")),
    ("الرئيس بشار الأسد", ("بشار", "الاسد")),
    ("سماحة السيد حسن نصر الله", ("حسن", "نصرالله")),   # two honorifics in a row
    ("الرئيس", ("الرييس",)),                              # a title alone is kept
    ("عبد الرحمن الكواكبي", ("عبدالرحمن", "الكواكبي")),
    ("عبدالرحمن الكواكبي", ("عبدالرحمن", "الكواكبي")),
    ("أبو مازن", ("ابومازن",)),
    ("نور الدين زنكي", ("نورالدين", "زنكي")),
    ("حسن نصر الله", ("حسن", "نصرالله")),
    ("حسن نصرالله", ("حسن", "نصرالله")),
])
def test_name_tokens_drop_titles_and_join_compounds(raw, tokens):
    assert name_tokens(raw) == tokens


@pytest.mark.parametrize("a, b", [
    ("عبد الله", "عبدالله"),
    ("نصر الله", "نصرالله"),
    ("سيف الدين", "سيفالدين"),
    ("الشيخ عبد الله الأحمد", "عبدالله الاحمد"),
])
def test_compound_spacing_is_one_name(a, b):
    assert name_tokens(a) == name_tokens(b)
    assert MATCH.same(a, b, "PER")


@pytest.mark.parametrize("raw, tokens", [
    ("وبشار الأسد", ("بشار", "الاسد")),
    ("والعراق", ("العراق",)),
    ("بدمشق", ("دمشق",)),
    ("وحماس", ("حماس",)),
    ("للأمم المتحدة", ("الامم", "المتحده")),
    ("فبغداد", ("بغداد",)),
    # the first letter looks like a clitic but belongs to the name
    ("وليد جنبلاط", ("وليد", "جنبلاط")),
    ("فيصل القاسم", ("فيصل", "القاسم")),
    ("بسام الدباغ", ("بسام", "الدباغ")),
    ("كريم الدباغ", ("كريم", "الدباغ")),
    ("لينا الحلبي", ("لينا", "الحلبي")),
    ("وسام الدباغ", ("وسام", "الدباغ")),
    ("فراس الدباغ", ("فراس", "الدباغ")),
])
def test_glued_proclitics(raw, tokens):
    assert name_tokens(raw) == tokens


def test_proclitics_can_be_kept():
    assert name_tokens("وبشار الأسد", clitics=False) == ("وبشار", "الاسد")


@pytest.mark.parametrize("word, stripped", [
    ("وبشار", "بشار"), ("والعراق", "العراق"), ("بدمشق", "دمشق"), ("للامم", "الامم"),
    ("وليد", "وليد"), ("فيصل", "فيصل"), ("بسام", "بسام"),
    ("وطغزنيق", "وطغزنيق"),   # the rest is no known word and has no article: leave it
    ("وال", "وال"),           # too short to strip
])
def test_strip_proclitic(word, stripped):
    assert strip_proclitic(word) == stripped


# The lexicon's keys are match keys, which strip a leading و/ف/ب/ل/ك themselves (فاطمة's key
# is اطمه); a name that starts with such a letter must still not lose it.
@pytest.mark.parametrize("raw", ["فاطمة", "بنيامين", "بوريس", "كردستان", "كتائب", "وكالة"])
def test_whole_names_starting_with_a_clitic_letter_stay_whole(raw):
    assert name_tokens(raw) == (fold_arabic(raw),)


@pytest.mark.parametrize("a, b", [
    ("وفاطمة الزعبي", "فاطمة الزعبي"),
])
def test_glued_conjunction_before_such_a_name(a, b):
    assert MATCH.same(a, b, "PER")


@pytest.mark.parametrize("raw", ["وائل", "كنان", "فانس"])
def test_names_whose_tail_is_another_name_stay_whole(raw):
    assert name_tokens(raw) == (fold_arabic(raw),)


@pytest.mark.parametrize("a, b", [("فانس", "أنس"), ("وائل الدباغ", "إيل الدباغ"),
                                  ("كنان الدباغ", "نان الدباغ")])
def test_a_name_is_not_its_tail(a, b):
    assert not MATCH.same(a, b, "PER")


@pytest.mark.parametrize("a, b", [("وفؤاد حسين", "فؤاد حسين"), ("ووائل الدباغ", "وائل الدباغ"),
                                  ("ولؤي الدباغ", "لؤي الدباغ"), ("وبهاء الدباغ", "بهاء الدباغ")])
def test_glued_conjunction_before_a_hamza_name(a, b):
    assert MATCH.same(a, b, "PER")


def test_latin_tokens():
    assert latin_tokens("Hamid al-Shatri") == ("hamid", "shatri")
    assert latin_tokens("Hamid Alshatri") == ("hamid", "shatri")
    assert latin_tokens("Dr. Fuad Hussein") == ("fuad", "hussein")
    assert latin_tokens("Abd al-Rahman") == ("abdrahman",)
    assert latin_tokens("Abdel Rahman") == ("abdrahman",)
    assert latin_tokens("Abu Mazen") == ("abumazen",)
    assert latin_tokens("Mohammed ibn Salman") == latin_tokens("Mohammed bin Salman")
    assert latin_tokens("Alexander") == ("alexander",)   # al + vowel: not an article
    assert latin_tokens("José Ramos") == ("jose", "ramos")


def test_is_latin():
    assert is_latin("Hamid al-Shatri")
    assert not is_latin("حميد الشطري")
    assert not is_latin("Hamid الشطري")
    assert not is_latin("123")


# -- part matching ------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b, kind", [
    ("حسن", "حسن", "exact"),
    ("حسن", "حسين", None),              # two known names, one letter apart
    ("حامد", "حميد", None),
    ("عمرو", "عمر", None),
    ("عبدالله", "عبدالاله", None),      # the second half of the compound is the name
    ("ابومحمد", "ابوعمار", None),
    ("الامين", "امين", None),           # the article is part of an Arab family name
    ("الشطري", "الشاتري", "skeleton"),  # an MT garble keeps the skeleton
    ("ترامب", "ترمب", "skeleton"),
    ("بوتين", "بوتن", "loose"),          # foreign names: vowel letters are optional
    ("شولتس", "شولتز", "loose"),
    ("سيرغي", "سيرجي", "loose"),
    ("الشطري", "الشمري", None),
    ("دمشق", "بغداد", None),
])
def test_token_match(a, b, kind):
    assert token_match(a, b) == kind
    assert token_match(b, a) == kind


def test_kurdish_surname_takes_the_article_optionally():
    assert token_match("الطالباني", "طالباني") == "skeleton"
    assert MATCH.same("جلال طالباني", "جلال الطالباني", "PER")


def test_skeletons():
    assert skeleton("الشطري") == skeleton("الشاتري")
    assert skeleton("حسين") != skeleton("حسن")       # the medial ya is kept
    assert loose_skeleton("بوتين") == loose_skeleton("بوتن")
    assert skeleton("الشطري") != skeleton("الشمري")


def test_arabic_parts_match():
    assert arabic_parts_match(("احمد", "حسين", "الشرع"), ("احمد", "الشرع"))   # nasab
    assert not arabic_parts_match(("بشار", "حافظ", "الاسد"), ("حافظ", "الاسد"))
    assert arabic_parts_match(("دير", "الزور"), ("ديرالزور",))               # spacing
    assert not arabic_parts_match((), ("احمد",))
    assert not arabic_parts_match(("بوتن",), ("بوتين",))    # a lone loose match needs support


@pytest.mark.parametrize("a, b, expected", [
    ("mohamed", "mohammed", True),
    ("mohamed", "mohamad", True),       # one vowel apart, long enough
    ("fouad", "fuad", True),
    ("muqtada", "moqtada", True),
    ("saad", "saeed", False),           # short parts must agree
    ("kuran", "kukan", False),          # never a consonant
    ("hassan", "hussein", False),
])
def test_latin_token_match(a, b, expected):
    assert latin_token_match(a, b) is expected
    assert latin_token_match(b, a) is expected


# -- the matcher ---------------------------------------------------------------------------------

HARD_NEGATIVES = [
    ("حسن", "حسين", "PER"),
    ("عبد الله", "عبد الإله", "PER"),
    ("فؤاد حسين", "صدام حسين", "PER"),
    ("أحمد الشرع", "أحمد النعيمي", "PER"),
    ("بشار الأسد", "حافظ الأسد", "PER"),
    ("علي الأمين", "علي أمين", "PER"),
    ("بشار حافظ الأسد", "حافظ الأسد", "PER"),
    ("محمد بن سلمان", "محمد بن زايد", "PER"),
    ("عبد الفتاح السيسي", "عبد الفتاح البرهان", "PER"),
    ("عبد الله الثاني", "عبد الله الأول", "PER"),
    ("أبو مازن", "أبو عمار", "PER"),
    ("حامد كرزاي", "محمود كرزاي", "PER"),
    ("سالم الدباغ", "سليم الدباغ", "PER"),
    ("كمال الزعبي", "كامل الزعبي", "PER"),
    ("حميد الشطري", "حميد الشمري", "PER"),
    ("حميد حسن الشطري", "حميد حسين الشطري", "PER"),   # two parts vouch, the third is a name
    ("سالم عمر الدباغ", "سالم عمرو الدباغ", "PER"),
    ("حميد الشطري", "الشطري", "PER"),      # a bare surname needs context
    ("بسام", "سام", "PER"),
    ("كريم", "ريم", "PER"),
    ("Saad Hariri", "Saeed Hariri", "PER"),
    ("Hassan Nasrallah", "Hussein Nasrallah", "PER"),
    ("قسد", "مسد", "ORG"),
    ("حزب الله", "كتائب حزب الله", "ORG"),
    ("وزارة الخارجية العراقية", "وزارة الداخلية العراقية", "ORG"),
    ("الكويت", "الكوت", "LOC"),
    ("طرطوس", "طرسوس", "LOC"),
    ("جنوب السودان", "السودان", "LOC"),
    ("Iraq", "إيران", "LOC"),
    ("دمشق", "بغداد", "LOC"),
]

POSITIVES = [
    ("حميد الشطري", "حميد الشاتري", "PER"),
    ("حميد الشطري", "Hamid al-Shatri", "PER"),
    ("حميد الشاتري", "Hamid al-Shatri", "PER"),
    ("Fuad Hussein", "فؤاد حسين", "PER"),
    ("Fouad Hussein", "Fuad Hussein", "PER"),
    ("أحمد حسين الشرع", "أحمد الشرع", "PER"),
    ("محمد شياع السوداني", "محمد شيا السوداني", "PER"),  # a dropped ع between two exact parts
    ("Mohamed Salah", "Mohammed Salah", "PER"),
    ("Mohamed Salah", "Mohamad Salah", "PER"),
    ("Muqtada al-Sadr", "Moqtada al-Sadr", "PER"),
    ("Bashar al-Assad", "بشار الأسد", "PER"),
    ("الرئيس بشار الأسد", "بشار الأسد", "PER"),
    ("وبشار الأسد", "بشار الأسد", "PER"),
    ("حسن نصر الله", "حسن نصرالله", "PER"),
    ("أحمد الشرع", "احمد الشرع", "PER"),
    ("فلاديمير بوتين", "فلاديمير بوتن", "PER"),
    ("أولاف شولتس", "أولاف شولتز", "PER"),
    ("فلاديمير بوتين", "Vladimir Putin", "PER"),
    ("قسد", "SDF", "ORG"),
    ("داعش", "ISIS", "ORG"),
    ("دمشق", "Damascus", "LOC"),
    ("بدمشق", "دمشق", "LOC"),
    ("سوريا", "سورية", "LOC"),
    ("سورية", "Syria", "LOC"),
    ("العراق", "Iraq", "LOC"),
    ("والعراق", "العراق", "LOC"),
]


@pytest.mark.parametrize("a, b, type_", HARD_NEGATIVES)
def test_hard_negatives_never_merge(a, b, type_):
    assert MATCH.same(a, b, type_) is False
    assert MATCH.same(a, b) is False       # nor without a type


@pytest.mark.parametrize("a, b, type_", POSITIVES)
def test_positives_merge(a, b, type_):
    assert MATCH.same(a, b, type_) is True


@pytest.mark.xfail(strict=True, reason="BUG vs README policy: diacritics can decide, عُمان (Oman) "
                   "and عَمّان (Amman) are a negative, but folding drops the marks and merges them")
def test_oman_and_amman_are_different_places():
    assert not MATCH.same("عُمان", "عَمّان", "LOC")


def test_same_is_symmetric():
    pairs = HARD_NEGATIVES + POSITIVES + [
        ("Hamid al-Shatri", "الشطري", "PER"), ("وليد", "ليد", "PER"),
        ("Abu Mazen", "أبو مازن", "PER"), ("الشيخ تميم بن حمد", "تميم بن حمد", "PER"),
        ("طرابلس", "Tripoli", "LOC"), ("", "حسن", "PER"), ("!!!", "SDF", None),
    ]
    for a, b, type_ in pairs:
        assert MATCH.same(a, b, type_) == MATCH.same(b, a, type_), (a, b, type_)


def test_identical_names_match_and_types_do_not_matter_for_folding():
    assert MATCH.same("حميد الشطري", "حميد الشطري", "PER")
    assert MATCH.same("حميد الشطري", "حميد الشطرى", None)


GARBAGE = ["", "   ", "123", "٣٤٥", "!!!", "ـــ", "\u200c\u200d", "x" * 5000, "ب" * 5000,
           "وجيييه", "و" + "ي" * 300 + "ه", "Hamid " * 300]


@pytest.mark.parametrize("junk", GARBAGE, ids=lambda s: f"{s[:6]!r}x{len(s)}")
def test_garbage_input_is_harmless(junk):
    start = time.perf_counter()
    for other in ("محمد علي", "وجيه", "Hamid al-Shatri", "", junk):
        for type_ in ("PER", "LOC", None):
            assert isinstance(MATCH.same(junk, other, type_), bool)
            assert MATCH.same(junk, other, type_) == MATCH.same(other, junk, type_)
    assert time.perf_counter() - start < 3


@pytest.mark.parametrize("junk", ["", "   ", "123", "!!!", "ـــ", "\u200c"])
def test_nameless_input_never_matches(junk):
    assert name_tokens(junk) == ()
    assert MATCH.same(junk, junk) is False
    assert MATCH.same(junk, "محمد") is False


def test_a_long_arabic_string_against_arabic_names_is_quick():
    junk = "محمد " * 1000
    start = time.perf_counter()
    assert MATCH.same(junk, "محمد علي", "PER") is False
    assert MATCH.same(junk, junk, "PER") is True     # the same folded tokens
    assert time.perf_counter() - start < 2


def test_a_long_arabic_string_against_a_latin_name_is_not_romanized_whole(monkeypatch):
    from rasid.resolve import script

    seen: list[str] = []

    def spy(name, top_k=3):
        seen.append(name)
        return ()

    monkeypatch.setattr(script, "romanizations", spy)
    monkeypatch.setattr(script, "romanize", lambda name: seen.append(name) or "")
    assert MATCH.same("محمد " * 1000, "Hamid al-Shatri", "PER") is False
    assert all(len(s.split()) <= 8 for s in seen), max(len(s.split()) for s in seen)



# -- foreign names in other Arabic-script orthographies ---------------------------------------

@pytest.mark.parametrize("a, b", [
    ("ژوزه مورینیو", "جوزيه مورينيو"),          # Persian letters and vowels, each part agrees
    ("جان کری", "جون كيري"),                     # known words agree through the romanizer (John)
    ("هیلاری کلینتون", "هيلاري كلينتون"),
    ("ماركو فان باستن", "مارکو باستن"),           # a particle written or dropped
    ("ليوناردو دا فينشي", "ليوناردو دافينشي"),    # a particle joined to the name
    ("محمد عبدالوهاب (موسيقي)", "محمد عبد الوهاب"),  # a disambiguator in brackets
])
def test_foreign_spellings_of_one_name_match(a, b):
    assert MATCH.same(a, b, "PER")
    assert MATCH.same(b, a, "PER")


@pytest.mark.parametrize("a, b", [
    ("جو بایدن", "هانتر بايدن"),                 # one family, two people
    ("مایک پنس", "مايك بومبيو"),                 # one given name, two people
    ("ژان لوک ملانشون", "جان لوك غودار"),
    ("حامد الشطري", "حميد الشطري"),              # Arabic names: the known-name rule still holds
    ("حسن نصرالله", "حسين نصرالله"),
])
def test_foreign_rules_do_not_merge_different_people(a, b):
    assert not MATCH.same(a, b, "PER")


def test_sound_key_ignores_particles_spacing_and_vowel_letters():
    assert sound_key(name_tokens("ليوناردو دا فينشي")) == sound_key(name_tokens("لئوناردو دافینچی"))
    assert sound_key(name_tokens("فان إيك")) == sound_key(name_tokens("ایک"))
    assert sound_key(name_tokens("بوتين")) != sound_key(name_tokens("باتن بوتين"))
