"""Story features: match-key terms and lead, reported days, the lead's event day, the era bounds."""
from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from rasid.clean import clean
from rasid.extract.dates import DateExtractor
from rasid.model import Article, DateRef, RawDocument, Span
from rasid.story.features import LEAD_CHARS, MIN_KEY_LEN, features
from rasid.text.embed import HEADLINE_CHARS as EMBED_CHARS, headline_text as embed_text
from rasid.text.tokens import match_key

DATES = DateExtractor()


def _real(text, title=None, published=None, outlet=None, source="r"):
    """An article through the real cleaner and date stage."""
    raw = RawDocument(source=source, line=None, format="jsonl", text=text, source_id=source,
                      title=title, outlet=outlet, published=published, lang="ar")
    return DATES(clean(raw))


def _ref(start, value, grain="day", flags=(), relative=False):
    return DateRef(span=Span(start, start + 5), text="تاريخ", value=value, grain=grain,
                   flags=flags, relative=relative)


def _hand(*dates, published=None, paragraphs=(), text="نص " * 200, headline=None):
    return Article(id="h1", source_id="h1", source="h1", line=None, format="txt", text=text,
                   headline=headline, published=published, paragraphs=paragraphs, dates=dates)


FILLER = " ".join(["وتابع المتحدث حديثه عن تفاصيل الموازنة العامة"] * 14)


def test_terms_are_clitic_stripped_match_keys_with_counts():
    a = _real("افتتح الوزير المستشفى الجديد، وزار المرضى بالمستشفى وتفقد أقسام للمستشفى عام 2025 في المدينة.")
    f = features([a])[0]
    assert f.terms[match_key("المستشفى")] == 3          # المستشفى / بالمستشفى / للمستشفى
    assert "المستشفى" not in f.terms and "بالمستشفى" not in f.terms
    assert "2025" not in f.terms and "في" not in f.terms  # numbers and short words are no keys
    for key in f.terms:
        assert match_key(key) == key and len(key) >= MIN_KEY_LEN and not key.isdigit()


def test_lead_is_the_keys_of_the_headline_and_the_opening():
    body = "افتتح الوزير المستشفى الجديد وتفقد أقسامه.\n\n" + FILLER + " وختم بالحديث عن السكك الحديدية."
    a = _real(body, title="عاجل: افتتاح مستشفى")
    assert a.text.find("السكك") > LEAD_CHARS
    f = features([a])[0]
    assert {match_key("عاجل"), match_key("افتتاح"), match_key("الوزير")} <= set(f.lead)
    assert match_key("عاجل") not in f.terms               # the headline is not body text
    assert match_key("السكك") in f.terms and match_key("السكك") not in f.lead
    assert all(match_key(k) == k and len(k) >= MIN_KEY_LEN for k in f.lead)


def test_days_hold_only_resolved_day_grain_dates():
    a = _hand(_ref(0, "2025-03-04"), _ref(10, "2025-03-05", flags=("ambiguous_year",)),
              _ref(20, "2025-03", grain="month"), _ref(30, None), _ref(40, "2025", grain="year"),
              _ref(50, "2025-03-03", grain="week"), _ref(60, "2025-02-27"), published="2025-03-06")
    assert features([a])[0].days == frozenset({"2025-03-04", "2025-02-27"})


def test_days_from_real_text_are_the_reported_days_not_the_publication():
    a = _real("وصل الوفد إلى العاصمة يوم 18 مارس 2025 لبدء المحادثات.\n\n"
              "وكانت جولة سابقة قد جرت في 2 يناير 2025.", published="2025-03-20")
    assert features([a])[0].days == frozenset({"2025-03-18", "2025-01-02"})


def test_event_day_is_the_first_day_date_of_the_first_paragraph():
    a = _real("وصل الوفد إلى العاصمة يوم 18 مارس 2025 لبدء المحادثات.\n\n"
              "وكانت جولة سابقة قد جرت في 2 يناير 2025.", published="2025-03-20")
    assert features([a])[0].event_day == date(2025, 3, 18)


def test_event_day_falls_back_to_publication_when_the_first_paragraph_has_no_day():
    a = _real("قال المتحدث إن الاجتماع المقبل سيعقد في العاصمة.\n\n"
              "وكان الاجتماع السابق قد عقد في 14 فبراير 2025 بحضور الوزراء.", published="2025-03-20")
    assert [d.value for d in a.dates] == ["2025-02-14"]   # a day, but in the second paragraph
    assert features([a])[0].event_day == date(2025, 3, 20)


def test_event_day_skips_flagged_and_coarser_dates_in_the_first_paragraph():
    a = _hand(_ref(5, "2025-04-01", flags=("weekday_mismatch",)), _ref(20, "2025-04", grain="month"),
              _ref(40, "2025-04-09"), _ref(120, "2025-04-02"), published="2025-04-12",
              paragraphs=(Span(0, 100), Span(101, 300)))
    assert features([a])[0].event_day == date(2025, 4, 9)


def test_event_day_without_paragraphs_reads_the_first_lead_chars():
    inside, beyond = _ref(LEAD_CHARS - 10, "2025-05-01"), _ref(LEAD_CHARS + 10, "2025-05-02")
    assert features([_hand(inside, published="2025-05-09")])[0].event_day == date(2025, 5, 1)
    assert features([_hand(beyond, published="2025-05-09")])[0].event_day == date(2025, 5, 9)
    assert features([_hand(beyond)])[0].event_day is None


def test_event_day_is_none_without_a_day_or_publication_date():
    a = _real("أعلنت الشركة عن خطة توسع جديدة تشمل افتتاح فروع في عدة مدن.")
    f = features([a])[0]
    assert (f.published, f.event_day) == (None, None)


def test_a_published_article_is_bounded_by_its_publication_year_on_both_sides():
    a = _real("أكد الوزير أن المشروع سيكتمل في 3 يونيو 2031، بعد أن بدأ في مارس 2019.",
              published="2025-02-10")
    f = features([a])[0]
    assert f.published == date(2025, 2, 10)
    assert (f.era_min, f.era_max) == (2025, 2025)


def test_without_publication_the_latest_stated_year_is_a_lower_bound_only():
    a = _hand(_ref(0, "2019-06-02"), _ref(10, "2022-01", grain="month"), _ref(20, "2021", grain="year"),
              _ref(30, "2030-01-01", flags=("out_of_era",)), _ref(40, "2027-05-01", relative=True),
              _ref(50, "2020", grain="decade"))
    f = features([a])[0]
    assert (f.era_min, f.era_max) == (2022, None)


def test_without_publication_from_real_text():
    a = _real("وكانت الوزارة قد وعدت بالمشروع في 3 يناير 2024، وبدأ البناء في مارس 2023.")
    f = features([a])[0]
    assert (f.published, f.era_min, f.era_max) == (None, 2024, None)


def test_no_dates_at_all_leave_the_era_open():
    f = features([_hand()])[0]
    assert (f.era_min, f.era_max, f.event_day, f.days) == (None, None, None, frozenset())


def test_embed_text_is_the_headline_else_the_opening_words():
    assert embed_text(_hand(headline="  زلزال يضرب الساحل  ")) == "زلزال يضرب الساحل"
    long = "ضرب زلزال بقوة ست درجات المنطقة الساحلية فجر اليوم " * 5
    assert embed_text(_hand(text=long)) == long[:EMBED_CHARS].strip()


def test_features_embed_each_article_once_in_input_order():
    seen = []

    def fake_embedder(texts):
        seen.extend(texts)
        out = np.zeros((len(texts), 512), dtype=np.float32)
        for i in range(len(texts)):
            out[i, i] = 1.0
        return out

    a = _real("نص الخبر الأول عن الانتخابات البلدية.", title="انتخابات بلدية", outlet="صحيفة الغد", source="x1")
    b = _real("نص الخبر الثاني عن موسم الحصاد في السهول.", source="x2")
    fa, fb = features([a, b], fake_embedder)
    assert seen == [embed_text(a), embed_text(b)]
    assert fa.vector[0] == 1.0 and fb.vector[1] == 1.0
    assert (fa.article_id, fa.outlet, fb.outlet) == (a.id, "صحيفة الغد", None)
    assert features([a])[0].vector is None                # no embedder, no vector


def test_terms_are_a_compact_read_only_mapping():
    import pickle
    import sys

    from rasid.story.features import Terms

    counts = {f"كلمة{i}": i % 7 + 1 for i in range(120)}
    terms = Terms(counts)
    assert terms == counts and dict(terms.items()) == counts and len(terms) == 120
    assert terms["كلمة5"] == 6 and "كلمة5" in terms and "غائبة" not in terms
    assert list(terms) == sorted(counts)                        # key order, whatever the input's
    with pytest.raises(KeyError):
        terms["غائبة"]
    assert pickle.loads(pickle.dumps(terms)) == terms
    assert Terms() == {} and not Terms()
    held = sys.getsizeof(terms._keys) + sys.getsizeof(terms._counts) + sys.getsizeof(terms)
    assert held * 2 < sys.getsizeof(counts)                    # what a re-cluster holds per article
