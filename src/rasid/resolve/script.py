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


def romanize(name: str, model: bool = True) -> str:
    """'حميد الشطري' -> 'Hamid al-Shatri'; '' when the romanizer has nothing."""
    got = _remembered((name, 0, model))   # top_k 0: the romanizer's one best spelling
    return got[0] if got else ""


# Romanizations computed or read back from a store's cache (see `remember`): one per name,
# kept for the process, since every resolution of an archive asks for the same names again.
_SPELLINGS: dict[tuple[str, int, bool], tuple[str, ...]] = {}
_LEARNED: dict[tuple[str, int, bool], tuple[str, ...]] = {}
MAX_REMEMBERED = 1_000_000   # names (about 200 bytes each); beyond this the table starts over


def romanizations(name: str, top_k: int = 3, model: bool = True) -> tuple[str, ...]:
    """Several plausible spellings (Fouad, Fuad…), best first; with the model, so that a
    garbled spelling (الزوبيدي) still reads as the name it garbles (Zubaidi)."""
    return _remembered((name, top_k, model))


def _remembered(key: tuple[str, int, bool]) -> tuple[str, ...]:
    got = _SPELLINGS.get(key)
    if got is None:
        got = _romanizations(*key)
        if len(_SPELLINGS) >= MAX_REMEMBERED:
            _SPELLINGS.clear()
        _SPELLINGS[key] = _LEARNED[key] = got
    return got


def _romanizations(name: str, top_k: int, model: bool) -> tuple[str, ...]:
    """The romanizer's spellings: its one best for top_k 0, else up to top_k of them."""
    try:
        if not top_k:
            return (str(_transliterator(model).transliterate(name) or ""),)
        found = _transliterator(model).transliterate(name, top_k=top_k)
    except Exception:  # a model failure on one odd string must not stop resolution
        return ()
    if isinstance(found, str):
        return (found,)
    return tuple(str(getattr(c, "text", c)) for c in found)


def remember(known: dict[tuple[str, int, bool], tuple[str, ...]]) -> None:
    """Romanizations computed earlier (a store's cache): the romanizer's model is most of the
    cost of resolving names across scripts (~3 ms a name), and its answers never change."""
    for key, spellings in known.items():
        _SPELLINGS.setdefault(key, spellings)


def learned() -> dict[tuple[str, int, bool], tuple[str, ...]]:
    """The romanizations computed since the last call (to add to a store's cache)."""
    out = dict(_LEARNED)
    _LEARNED.clear()
    return out
