"""Bytes -> text, detecting the encoding instead of guessing it.

Order: byte-order marks; UTF-16 without a BOM (recognised by its NUL pattern);
binary content (NUL bytes, file signatures, control characters); strict UTF-8;
an encoding the document declares (HTML meta, XML declaration) if it decodes
cleanly; then Windows-1256 and ISO-8859-6, accepted only when the decoded
non-ASCII characters are overwhelmingly Arabic (a Latin-1 file decoded as
cp1256 produces Arabic letters mixed with symbols, and fails that test); then
Windows-1252 for Latin text. Anything else is rejected with a reason that says
how to fix it, rather than decoded into mojibake.
"""
from __future__ import annotations

import codecs
import re

from rasid.errors import InputError

_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x1f\x8b": "gzip-compressed data (name it .gz to have it decompressed)",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "an SQLite database",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_ARABIC_PUNCT = set("،؛؟«»–—…’‘“”٪٫٬")


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    # Arabic in UTF-16 has 0x06 as the high byte instead of NULs.
    even_06 = sample[0::2].count(6) / (len(sample) / 2)
    odd_06 = sample[1::2].count(6) / (len(sample) / 2)
    if odd_06 > 0.3 and (sample[0::2].count(0) + sample[0::2].count(6)) < len(sample) * 0.05:
        return "utf-16-le"
    if even_06 > 0.3 and (sample[1::2].count(0) + sample[1::2].count(6)) < len(sample) * 0.05:
        return "utf-16-be"
    return None


def wide_encoding(head: bytes) -> str | None:
    """UTF-16/32 (with or without a BOM) that a stream must be decoded as before splitting lines."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"  # checked first: the UTF-32 LE mark begins like UTF-16 LE's
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return _utf16_without_bom(head)


def binary_kind(data: bytes) -> str | None:
    """A description of what binary data looks like, or None if it may be text."""
    for magic, what in _SIGNATURES.items():
        if data.startswith(magic):
            return what
    if b"\x00" in data[:8000]:
        return "binary data (NUL bytes)"
    return None


# An Arabic letter glued to a Latin letter ("prىsent") is what Latin text
# decoded with an Arabic code page looks like; real Arabic never does that.
_MIXED_WORD = re.compile(r"[A-Za-z][\u0600-\u06ff]|[\u0600-\u06ff][A-Za-z]")


def _arabic_plausible(text: str) -> bool:
    """True if the non-ASCII characters of `text` look like real Arabic."""
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return True
    good = sum(1 for ch in non_ascii
               if "\u0600" <= ch <= "\u06ff" or ch in _ARABIC_PUNCT or ch == "\u00a0")
    if good / len(non_ascii) < 0.9:
        return False
    return len(_MIXED_WORD.findall(text)) <= max(1, len(non_ascii) // 200)


def _latin_plausible(text: str) -> bool:
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return True
    good = sum(1 for ch in non_ascii if ch.isalpha() or ch in "«»–—…’‘“”€£°§©®\u00a0")
    return good / len(non_ascii) >= 0.9 and len(non_ascii) / max(len(text), 1) < 0.3


def _too_many_controls(text: str) -> bool:
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > max(3, len(sample) // 100)


def declared_encoding(data: bytes) -> str | None:
    m = _DECLARED.search(data[:2048])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, source: str = "", line: int | None = None,
                 declared: str | None = None) -> tuple[str, str]:
    """Decode `data`, returning (text, encoding name); raise InputError if it is not text."""
    if not data.strip():
        raise InputError("empty", "empty input: nothing to ingest", source, line)
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(name)
            except UnicodeDecodeError as e:
                raise InputError("encoding", f"starts with a {name} byte-order mark but is not valid "
                                 f"{name} (byte {e.start}); re-save it as UTF-8", source, line) from e
            return _checked(text, name, source, line)
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), utf16, source, line)
        except UnicodeDecodeError:
            pass
    what = binary_kind(data)
    if what:
        raise InputError("binary", f"not text: looks like {what}", source, line)
    try:
        return _checked(data.decode("utf-8"), "utf-8", source, line)
    except UnicodeDecodeError as e:
        utf8_error = e
    candidates = []
    if declared:
        candidates.append(declared)
    candidates += ["cp1256", "iso8859-6"]
    for name in candidates:
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if name in ("utf-8",):
            continue
        if _arabic_plausible(text) or (name == declared and _latin_plausible(text)):
            return _checked(text, codecs.lookup(name).name, source, line)
    try:
        text = data.decode("cp1252")
        if _latin_plausible(text):
            return _checked(text, "cp1252", source, line)
    except UnicodeDecodeError:
        pass
    raise InputError(
        "encoding",
        f"cannot tell the text encoding: not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} "
        f"at offset {utf8_error.start}), UTF-16 or Windows-1256; re-save the file as UTF-8",
        source, line) from utf8_error


def _checked(text: str, encoding: str, source: str, line: int | None) -> tuple[str, str]:
    if not text.strip():
        raise InputError("empty", "empty input: only whitespace", source, line)
    if _too_many_controls(text):
        raise InputError("binary", "not text: too many control characters", source, line)
    return text, encoding
