"""Boilerplate rules (resources/boilerplate.tsv) on their own and through clean()."""
from __future__ import annotations

import pytest

from rasid.clean import clean
from rasid.clean import boilerplate as bp
from rasid.model import RawDocument

P1 = "أعلنت وزارة الزراعة صباح اليوم أنها ستطلق خطة جديدة لدعم صغار المزارعين في القرى البعيدة."
P2 = "وقال المتحدث باسم الوزارة إن الخطة تتضمن قروضاً ميسرة وبذوراً محسنة وتدريباً على الري الحديث."
P3 = "وأضاف أن المرحلة الأولى ستبدأ في الربيع المقبل وتشمل ثلاث محافظات قبل أن تتوسع لاحقاً."
LONG_CREDITED = ("وشارك في الاجتماع الذي استمر ساعتين عدد كبير من الخبراء والمسؤولين من الوزارات المعنية "
                 "بالملف الزراعي وممثلون عن الجمعيات التعاونية في المحافظات الشمالية والجنوبية والشرقية "
                 "إلى جانب خبراء من منظمات دولية تعمل في مجال الأمن الغذائي والتنمية الريفية منذ سنوات طويلة "
                 "في المنطقة. (رويترز)")  # 44 words: above the 40-word caption limit


def raw(text: str) -> RawDocument:
    return RawDocument(source="a.txt", line=None, format="txt", text=text, source_id="a.txt")


def removed(article) -> list[tuple[str, str]]:
    return [(r.reason, r.span.of(article.original)) for r in article.removed]


# --- the rule table ---------------------------------------------------------------

def test_rule_table_loads_with_known_scopes_and_reasons():
    rules = bp.rules()
    assert {r.scope for r in rules} == {"inline", "line", "block", "trailer", "caption"}
    assert {"ad_marker", "share", "related", "source_line", "photo_credit"} <= {r.reason for r in rules}


def _inline_matches(text):
    return [m.group() for r in bp.rules() if r.scope == "inline" for m in r.pattern.finditer(text)]


@pytest.mark.parametrize("marker", ["[ad_1]", "[ad_23]", "[ ad ]", "[AD-2]", "[ad 3]"])
def test_inline_rules_find_ad_markers(marker):
    assert _inline_matches(f"وصل {marker} الوفد") == [marker]


def test_inline_rules_leave_ordinary_brackets():
    assert _inline_matches("وصل [المحرر] الوفد [1]") == []


@pytest.mark.parametrize("line, reason", [
    ("تابعونا على تويتر", "share"),
    ("تابعوا آخر الأخبار عبر قناتنا على تلغرام", "share"),
    ("شارك على فيسبوك", "share"),
    ("Follow us on Twitter", "share"),
    ("إعلان", "ad_marker"),
    ("جميع الحقوق محفوظة لموقعنا 2024", "copyright"),
    ("اقرأ أيضاً:", "related"),
    ("إقرأ أيضا", "related"),
])
def test_line_reason_recognises_boilerplate_lines(line, reason):
    folded = bp.fold_line(line)
    assert bp.line_reason(folded, ("line", "block")) == reason


@pytest.mark.parametrize("line", [
    P1, "شارك الوزير في الاجتماع. وقال إن الخطة جاهزة.", "تابع الوزير جولته في المحافظات الشمالية",
])
def test_body_lines_are_not_boilerplate(line):
    assert bp.line_reason(bp.fold_line(line), ("line", "block", "trailer")) is None


def test_trailer_rules_only_apply_under_trailer_scope():
    folded = bp.fold_line("المصدر: وكالات")
    assert bp.line_reason(folded, ("line",)) is None
    assert bp.line_reason(folded, ("trailer",)) == "source_line"


@pytest.mark.parametrize("line", ["المزارعون في الحقل (غيتي)", "الوزير خلال المؤتمر (رويترز)",
                                  "صورة من الاجتماع (أ ف ب)  "])
def test_caption_credit_found_at_line_end(line):
    assert bp.caption_credit(bp.fold_line(line)) is not None


def test_caption_credit_not_found_mid_line():
    assert bp.caption_credit(bp.fold_line("نقلت (رويترز) عن الوزير قوله إن الخطة جاهزة.")) is None


# --- through clean() --------------------------------------------------------------

def test_ad_marker_on_its_own_line_is_removed():
    a = clean(raw(f"[ad_1]\n{P1}\n[ad_2]\n{P2}"))
    assert a.text == f"{P1}\n\n{P2}"
    assert a.headline is None


def test_inline_ad_marker_is_removed_from_the_text():
    a = clean(raw(f"{P1}\n{P2[:20]}[ad_1]{P2[20:]}"))
    assert "[ad_" not in a.text
    assert a.text == f"{P1}\n\n{P2}"


def test_inline_ad_marker_between_words_leaves_single_space():
    a = clean(raw(f"{P1}\nوأضاف أن الخطة [ad_2] تشمل قروضاً ميسرة."))
    assert a.text == f"{P1}\n\nوأضاف أن الخطة تشمل قروضاً ميسرة."


def test_ad_marker_removal_is_recorded():
    a = clean(raw(f"[ad_1]\n{P1}\n{P2}"))
    assert ("ad_marker", "[ad_1]") in removed(a)


def test_advertisement_line_is_removed_and_recorded():
    a = clean(raw(f"{P1}\nإعلان\n{P2}"))
    assert a.text == f"{P1}\n\n{P2}"
    assert ("ad_marker", "إعلان") in removed(a)


@pytest.mark.parametrize("trailer", ["المصدر", "المصدر: وكالات", "المصدر : الجزيرة نت", "Source: Reuters"])
def test_source_line_at_the_end_is_removed(trailer):
    a = clean(raw(f"{P1}\n{P2}\n{P3}\n{trailer}"))
    assert a.text == f"{P1}\n\n{P2}\n\n{P3}"
    assert ("source_line", trailer) in removed(a)


def test_source_line_among_last_three_lines_is_removed():
    a = clean(raw(f"{P1}\n{P2}\nالمصدر: وكالات\n{P3}"))
    assert "المصدر" not in a.text


def test_source_line_far_from_the_end_is_kept():
    a = clean(raw(f"{P1}\nالمصدر: وكالات\n{P2}\n{P3}\n{P1}"))
    assert "المصدر: وكالات" in a.text
    assert all(r.reason != "source_line" for r in a.removed)


def test_related_block_and_its_link_titles_are_removed_but_next_paragraph_kept():
    text = (f"{P1}\nاقرأ أيضاً:\nالحكومة تعلن خطة جديدة للزراعة\nارتفاع أسعار الخبز في العاصمة\n"
            f"{P2}\n{P3}")
    a = clean(raw(text))
    assert a.text == f"{P1}\n\n{P2}\n\n{P3}"
    assert [r for r, _ in removed(a)] == ["related"] * 3


def test_related_block_stops_at_a_line_ending_with_a_stop():
    a = clean(raw(f"{P1}\nاقرأ أيضاً:\nعنوان مرتبط بالخبر\nوصل الوفد.\n{P2}"))
    assert a.text == f"{P1}\n\nوصل الوفد.\n\n{P2}"


def test_related_block_takes_at_most_six_titles():
    titles = [f"عنوان مرتبط رقم {n}" for n in range(8)]
    a = clean(raw(P1 + "\nاقرأ أيضاً\n" + "\n".join(titles) + f"\n{P2}"))
    assert titles[5] not in a.text and titles[6] in a.text


@pytest.mark.parametrize("line", ["تابعونا على تويتر", "شارك على فيسبوك", "تابعونا عبر قناتنا على تلغرام"])
def test_share_and_follow_lines_are_removed(line):
    a = clean(raw(f"{P1}\n{line}\n{P2}\n{P3}"))
    assert a.text == f"{P1}\n\n{P2}\n\n{P3}"
    assert ("share", line) in removed(a)


@pytest.mark.parametrize("caption", ["المزارعون في حقل قمح شمالي البلاد (غيتي)",
                                     "وزير الزراعة خلال المؤتمر الصحفي (رويترز)"])
def test_short_photo_caption_with_credit_is_dropped(caption):
    a = clean(raw(f"{P1}\n{caption}\n{P2}"))
    assert a.text == f"{P1}\n\n{P2}"
    assert ("photo_credit", caption) in removed(a)


def test_long_paragraph_ending_with_credit_keeps_its_text():
    a = clean(raw(f"{P1}\n{LONG_CREDITED}\n{P2}"))
    kept = LONG_CREDITED[: LONG_CREDITED.rindex("(")].rstrip()
    assert a.text == f"{P1}\n\n{kept}\n\n{P2}"
    assert ("photo_credit", "(رويترز)") in removed(a)


def test_long_paragraph_credit_removal_span_with_trailing_spaces():
    a = clean(raw(f"{P1}\n{LONG_CREDITED}   \n{P2}"))
    assert ("photo_credit", "(رويترز)") in removed(a)
