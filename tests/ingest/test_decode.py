"""Bytes -> text: every common encoding of Arabic news is decoded exactly; non-text is refused."""
from __future__ import annotations

import codecs
import random

import pytest

from rasid.errors import InputError
from rasid.ingest.decode import decode_bytes

# Invented sentences; the second uses no hamza-seated alef so it fits ISO-8859-6 too.
ARABIC = ("أعلنت البلدية اليوم عن خطة جديدة لتنظيف الحدائق العامة.\n"
          "وقال المتحدث إن العمل يبدأ في الأسبوع المقبل بمشاركة المتطوعين.")
ARABIC_PLAIN = ("افتتحت المدرسة مكتبة صغيرة للطلاب في الحي الشرقي.\n"
                "وقال المدير ان الكتب تبرع بها سكان المدينة.")
FRENCH = ("Le maire a présenté hier un projet pour l'école du quartier. "
          "Les élèves étaient déjà très contents.")
FRENCH_WITH_O_CIRCUMFLEX = ("Le maire a présenté un nouveau projet pour l'hôtel de ville; "
                            "les élèves étaient contents.")


def _code(data: bytes) -> str:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "x.txt")
    return info.value.code


def test_utf8_is_decoded_exactly():
    assert decode_bytes(ARABIC.encode("utf-8")) == (ARABIC, "utf-8")


def test_utf8_bom_is_stripped():
    text, enc = decode_bytes(codecs.BOM_UTF8 + ARABIC.encode("utf-8"))
    assert text == ARABIC
    assert enc == "utf-8"
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("bom,codec", [
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_utf16_with_bom_is_decoded(bom, codec):
    text, enc = decode_bytes(bom + ARABIC.encode(codec))
    assert text == ARABIC
    assert enc == codec


def test_utf16_le_without_bom_arabic_is_recognised():
    text, enc = decode_bytes(ARABIC.encode("utf-16-le"))
    assert (text, enc) == (ARABIC, "utf-16-le")


def test_utf16_be_without_bom_arabic_is_recognised():
    text, enc = decode_bytes(ARABIC.encode("utf-16-be"))
    assert (text, enc) == (ARABIC, "utf-16-be")


def test_utf16_le_without_bom_latin_is_recognised():
    text, enc = decode_bytes("plain English news text".encode("utf-16-le"))
    assert (text, enc) == ("plain English news text", "utf-16-le")


def test_windows_1256_arabic_is_detected_and_decoded_exactly():
    data = ARABIC.encode("cp1256")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_bytes(data) == (ARABIC, "cp1256")


def test_iso_8859_6_arabic_is_detected_and_decoded_exactly():
    text, enc = decode_bytes(ARABIC_PLAIN.encode("iso8859-6"))
    assert text == ARABIC_PLAIN
    assert enc == "iso8859-6"


def test_latin1_french_with_a_byte_iso_8859_6_lacks_is_decoded_as_cp1252():
    assert decode_bytes(FRENCH_WITH_O_CIRCUMFLEX.encode("latin-1")) == (
        FRENCH_WITH_O_CIRCUMFLEX, "cp1252")


def test_latin1_french_is_decoded_as_cp1252_not_arabic_mojibake():
    text, enc = decode_bytes(FRENCH.encode("latin-1"))
    assert enc == "cp1252"
    assert text == FRENCH


def test_declared_encoding_is_used_for_latin_text():
    html = '<meta charset="windows-1252"><p>Le café est très bon.</p>'
    text, enc = decode_bytes(html.encode("cp1252"), declared="cp1252")
    assert text == html
    assert enc == "cp1252"


@pytest.mark.parametrize("data", [b"", b"   ", b" \n\t\r\n  "])
def test_empty_or_whitespace_only_is_rejected_as_empty(data):
    assert _code(data) == "empty"


def test_whitespace_only_utf16_is_rejected_as_empty():
    assert _code(codecs.BOM_UTF16_LE + "   \n ".encode("utf-16-le")) == "empty"


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR",
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
    b"some words\x00\x01\x02 then more words and bytes",
])
def test_file_signatures_and_nul_bytes_are_rejected_as_binary(data):
    assert _code(data) == "binary"


def test_binary_error_says_what_the_data_looks_like():
    with pytest.raises(InputError) as info:
        decode_bytes(b"%PDF-1.4 rest", "report.txt")
    assert "PDF" in info.value.reason
    assert info.value.source == "report.txt"


def test_many_control_characters_are_rejected_as_binary():
    assert _code(("نص " + "\x01\x02\x03\x04" * 20).encode("utf-8")) == "binary"


def test_random_high_bytes_are_rejected_as_encoding_with_advice():
    rng = random.Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(300))
    with pytest.raises(InputError) as info:
        decode_bytes(data, "mystery.txt", 4)
    err = info.value
    assert err.code == "encoding"
    assert "re-save" in err.reason and "UTF-8" in err.reason
    assert (err.source, err.line) == ("mystery.txt", 4)
    assert "mystery.txt:4" in str(err)


def test_undefined_cp1256_bytes_fall_through_to_encoding_error():
    # 0x81 0x8d 0x8e 0x90 0x9d 0x9e are not letters in any Arabic code page and not text in cp1252.
    assert _code(bytes([0x81, 0x8D, 0x8E, 0x90, 0x9D, 0x9E]) * 5) == "encoding"


def test_bom_with_invalid_body_is_an_encoding_error():
    with pytest.raises(InputError) as info:
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd broken")
    assert info.value.code == "encoding"
    assert "UTF-8" in info.value.reason
