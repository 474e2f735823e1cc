"""rasid.resolve.script: Arabic names in Latin letters (arabic-name-romanizer, offline)."""
from __future__ import annotations

from types import SimpleNamespace

from rasid.resolve import script
from rasid.resolve.names import is_latin, latin_tokens


def test_romanize_a_known_name():
    out = script.romanize("حميد الشطري")
    assert out and is_latin(out)
    assert latin_tokens(out)[-1] == "shatri"


def test_romanizations_give_several_spellings_best_first():
    found = script.romanizations("فؤاد حسين")
    assert isinstance(found, tuple) and found
    assert all(isinstance(s, str) and is_latin(s) for s in found)
    assert any(latin_tokens(s) == ("fuad", "hussein") for s in found)


class _Raising:
    def transliterate(self, name, top_k=None):
        raise RuntimeError("model failure")


def test_a_romanizer_failure_gives_nothing_instead_of_raising(monkeypatch):
    monkeypatch.setattr(script, "_transliterator", lambda model=True: _Raising())
    # unique inputs: both functions are cached
    assert script.romanize("اسم_لاختبار_الفشل_١") == ""
    assert script.romanizations("اسم_لاختبار_الفشل_٢") == ()


def test_romanizations_accept_a_string_or_candidates(monkeypatch):
    class OneString:
        def transliterate(self, name, top_k=None):
            return "Only One"

    class Candidates:
        def transliterate(self, name, top_k=None):
            return [SimpleNamespace(text="First"), SimpleNamespace(text="Second")]

    monkeypatch.setattr(script, "_transliterator", lambda model=True: OneString())
    assert script.romanizations("اسم_لاختبار_النص_١") == ("Only One",)
    monkeypatch.setattr(script, "_transliterator", lambda model=True: Candidates())
    assert script.romanizations("اسم_لاختبار_النص_٢") == ("First", "Second")
