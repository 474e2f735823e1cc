"""Arabic names in Latin letters, through `arabic-name-romanizer` (offline, MIT).

The romanizer is dictionary-first (Wikidata name pairs) with a small ONNX model for
unseen name parts; it is loaded lazily because most runs never compare across scripts.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=2)
def _transliterator(model: bool = True):
    """With `model`, unseen name parts go through the package's small ONNX model (~3 ms a
    name); without, its dictionary and spelling rules (~0.3 ms), enough for display."""
    from arabic_name_romanizer import Transliterator

    return Transliterator(auto_load_model=model)


@lru_cache(maxsize=50_000)
def romanize(name: str, model: bool = True) -> str:
    """'حميد الشطري' -> 'Hamid al-Shatri'; '' when the romanizer has nothing."""
    try:
        return str(_transliterator(model).transliterate(name) or "")
    except Exception:  # a model failure on one odd string must not stop resolution
        return ""


@lru_cache(maxsize=50_000)
def romanizations(name: str, top_k: int = 3, model: bool = True) -> tuple[str, ...]:
    """Several plausible spellings (Fouad, Fuad…), best first; with the model, so that a
    garbled spelling (الزوبيدي) still reads as the name it garbles (Zubaidi)."""
    try:
        found = _transliterator(model).transliterate(name, top_k=top_k)
    except Exception:
        return ()
    if isinstance(found, str):
        return (found,)
    return tuple(str(getattr(c, "text", c)) for c in found)
