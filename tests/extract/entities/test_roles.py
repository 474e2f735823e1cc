"""roles: the title written before a name, or after it in apposition."""
from __future__ import annotations

import pytest

from rasid.extract.entities.roles import MAX_TITLE_WORDS, role_after, role_before


def before(text: str, name: str, floor: int = 0) -> str | None:
    return role_before(text, text.index(name), floor)


def after(text: str, name: str) -> str | None:
    return role_after(text, text.index(name) + len(name))


@pytest.mark.parametrize(("text", "name", "title"), [
    ("استقبل الرئيس السوري أحمد الشرع وفدا في دمشق.", "أحمد الشرع", "الرئيس السوري"),
    ("وقال رئيس جهاز المخابرات العراقي حميد الشطري إن", "حميد الشطري",
     "رئيس جهاز المخابرات العراقي"),
    ("التقى وزير الخارجية العراقي فؤاد حسين نظيره", "فؤاد حسين", "وزير الخارجية العراقي"),
    ("وصرح المتحدث باسم الحكومة باسم العوادي", "باسم العوادي", "المتحدث باسم الحكومة"),
    ("أعلن الشيخ تميم بن حمد", "تميم", "الشيخ"),
])
def test_role_before(text, name, title):
    assert before(text, name) == title


def test_no_title_no_role():
    assert before("زار أحمد الشرع مدينة حلب", "أحمد الشرع") is None
    assert role_before("أحمد الشرع", 0) is None


def test_floor_keeps_a_title_from_reaching_back_across_a_name():
    text = "الرئيس السوري أحمد الشرع استقبل حميد الشطري"
    floor = text.index("الشرع") + len("الشرع")
    assert before(text, "حميد", floor=floor) is None
    # without the floor the title would swallow the earlier name: that is what floor is for
    assert "الشرع" in (before(text, "حميد") or "")


def test_floor_still_allows_a_title_after_the_previous_name():
    text = "أحمد الشرع استقبل وزير الدفاع التركي يشار غولر"
    floor = text.index("الشرع") + len("الشرع")
    assert before(text, "يشار", floor=floor) == "وزير الدفاع التركي"


@pytest.mark.parametrize("verb", ["قال", "أكد", "أضاف", "أعلن", "وأضاف", "وأعلن"])
def test_reporting_verb_stops_a_title(verb):
    text = f"وزير الخارجية {verb} فؤاد حسين"
    assert before(text, "فؤاد") is None


@pytest.mark.parametrize("verb", ["وقال", "وأكد", "فقال", "وكشف"])
def test_reporting_verb_with_conjunction_stops_a_title(verb):
    text = f"استقبل الوزير الوفد {verb} محمد الحلبوسي إن الزيارة مهمة"
    assert before(text, "محمد") is None


def test_punctuation_stops_a_title():
    assert before("التقى الرئيس. محمد", "محمد") is None
    assert before("التقى الرئيس، ثم محمد", "محمد") is None


def test_conjunction_on_the_title_is_stripped():
    assert before("ووزير الخارجية العراقي فؤاد حسين", "فؤاد") == "وزير الخارجية العراقي"
    assert before("فالرئيس محمود عباس", "محمود") == "الرئيس"


def test_title_is_at_most_max_words_long():
    filler = " ".join(["الجديد"] * (MAX_TITLE_WORDS + 2))
    assert before(f"الرئيس {filler} محمد", "محمد") is None


def test_role_after_apposition():
    text = "وصل حميد الشطري، رئيس جهاز المخابرات العراقي، إلى عمان."
    assert after(text, "حميد الشطري") == "رئيس جهاز المخابرات العراقي"


def test_role_after_stops_at_reporting_verb_and_conjunction_title_stripped():
    text = "حميد الشطري، رئيس جهاز المخابرات قال إن الزيارة مهمة"
    assert after(text, "حميد الشطري") == "رئيس جهاز المخابرات"
    assert after("رأى محمد، والرئيس", "محمد") == "الرئيس"


@pytest.mark.parametrize("text", [
    "وصل حميد الشطري رئيس الجهاز",       # no comma: not apposition
    "وصل حميد الشطري، وهو رئيس الجهاز",  # the clause does not start with a title
    "وصل حميد الشطري، أمس",
    "وصل حميد الشطري،",
    "وصل حميد الشطري",
])
def test_role_after_needs_comma_and_title(text):
    assert after(text, "حميد الشطري") is None


def test_a_title_standing_alone_is_a_reference_to_a_person():
    from rasid.extract.entities import MentionExtractor

    text = ("استقبل الرئيس السوري أحمد الشرع وزير الخارجية العراقي فؤاد حسين في دمشق. "
            "وقال الرئيس السوري إن بلاده تدعم العراق، فيما أكد وزير الخارجية العراقي أن الزيارة مهمة. "
            "وقال الرئيس إن الوقت حان.")
    ms = MentionExtractor().mentions(text)
    titles = [(m.text, m.type) for m in ms if m.role == m.text]
    # The titles before names are roles, not references; a bare «الرئيس» says too little.
    assert titles == [("الرئيس السوري", "PER"), ("وزير الخارجية العراقي", "PER")]
    assert [m.span.start for m in ms] == sorted(m.span.start for m in ms)
    assert all(text[m.span.start:m.span.end] == m.text for m in ms)
