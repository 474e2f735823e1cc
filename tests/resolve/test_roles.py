"""Who held a title when, from the dated roles written beside names."""
from __future__ import annotations

from rasid.model import Entity, Role
from rasid.resolve.roles import holder_on, holders

ASSAD = Entity("e1", "PER", "بشار الأسد", "Bashar al-Assad", roles=(
    Role("الرئيس السوري", "2024-05-02", "a1"), Role("الرئيس السوري", "2024-07-19", "a2"),
    Role("رئيس النظام السوري", "2024-11-30", "a3")))
SHARAA = Entity("e2", "PER", "أحمد الشرع", "Ahmed al-Sharaa", roles=(
    Role("الرئيس السوري", "2025-03-01", "a4"), Role("الرئيس السوري المؤقت", "2025-02-01", "a5")))
HUSSEIN = Entity("e3", "PER", "فؤاد حسين", "Fuad Hussein", roles=(
    Role("وزير الخارجية العراقي", "2025-01-10", "a6"),))


def test_holders_of_a_title_in_the_order_they_held_it():
    got = holders([SHARAA, HUSSEIN, ASSAD], "الرئيس السوري")
    assert [(t.name, t.first, t.last, t.uses) for t in got] == [
        ("بشار الأسد", "2024-05-02", "2024-07-19", 2),     # «رئيس النظام السوري» is another title
        ("أحمد الشرع", "2025-02-01", "2025-03-01", 2)]     # «… المؤقت» contains the query
    assert got[1].title == "الرئيس السوري"


def test_the_holder_on_a_day():
    tenures = holders([ASSAD, SHARAA, HUSSEIN], "الرئيس السوري")
    assert holder_on(tenures, "2024-06-15").name == "بشار الأسد"       # inside his dated span
    assert holder_on(tenures, "2025-02-20").name == "أحمد الشرع"
    assert holder_on(tenures, "2024-10-01").name == "بشار الأسد"       # nearest when none covers
    assert holder_on(tenures, "2026-01-01").name == "أحمد الشرع"
    assert holder_on([], "2025-01-01") is None


def test_a_title_nobody_holds_and_spelling_variants():
    assert holders([ASSAD, SHARAA], "وزير الدفاع") == []
    assert [t.name for t in holders([HUSSEIN], "وزير الخارجيه")] == ["فؤاد حسين"]   # ة/ه folded


def test_a_longer_title_with_other_words_inside_is_another_title():
    pm = Entity("e4", "PER", "محمد غازي الجلالي", "", roles=(Role("رئيس الوزراء السوري", "2024-10-01", "a7"),))
    assert [t.name for t in holders([pm, ASSAD], "الرئيس السوري")] == ["بشار الأسد"]
