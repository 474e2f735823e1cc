"""Normalise input metadata: publication dates and language codes."""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YMD_SLASH = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")


def parse_published(value: str | None) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD, full ISO datetime or None) from ISO 8601 or RFC 2822 input.

    Unparseable values give (None, None); the caller keeps the raw value.
    """
    if not value:
        return None, None
    v = value.strip()
    if _DATE_ONLY.match(v):
        try:
            return date.fromisoformat(v).isoformat(), None
        except ValueError:
            return None, None
    m = _YMD_SLASH.match(v)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat(), None
        except ValueError:
            return None, None
    iso = v.replace("Z", "+00:00").replace("z", "+00:00")
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        try:
            dt = parsedate_to_datetime(v)
        except (TypeError, ValueError, IndexError):
            return None, None
    return dt.date().isoformat(), dt.isoformat()


def normalize_lang(value: str | None) -> str | None:
    """'ar-SA', 'AR', 'arabic' -> 'ar'; None for empty or unrecognisable values."""
    if not value:
        return None
    v = value.strip().lower().replace("_", "-")
    names = {"arabic": "ar", "english": "en", "french": "fr", "العربية": "ar"}
    if v in names:
        return names[v]
    head = v.split("-")[0]
    if head.isalpha() and 2 <= len(head) <= 3:
        return head
    return None
