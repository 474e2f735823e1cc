"""Claims by independent origin, and discrepancies between sources."""
from __future__ import annotations

from rasid.model import Article, Derivation, Figure, Mention, Quote, Span
from rasid.story.claims import claims, discrepancies


def _article(aid, outlet, published, quotes=(), figures=(), mentions=()):
    return Article(id=aid, source_id=aid, source="t", line=None, format="txt", text="x" * 400,
                   outlet=outlet, published=published, quotes=tuple(quotes),
                   figures=tuple(figures), mentions=tuple(mentions), story_id="s1")


def _quote(text, speaker, mention=None, anonymous=False, denial=False):
    return Quote(Span(0, len(text)), text, speaker, Span(0, 5), speaker_mention=mention,
                 anonymous=anonymous, denial=denial)


SHATRI = Mention(Span(0, 5), "الشطري", "PER", entity_id="e-shatri")
STATEMENT = "العراق لم يكن حريصا على دعم نظام بشار الأسد بقدر ما كان مهتما بأمن الحدود"


def test_a_copied_statement_is_one_origin_an_independent_report_another():
    a = _article("a", "العربي الجديد", "2025-01-01", [_quote(STATEMENT, "الشطري", 0)], mentions=[SHATRI])
    b = _article("b", "موقع ناقل", "2025-01-02", [_quote(STATEMENT + " تماما", "الشطري", 0)], mentions=[SHATRI])
    c = _article("c", "الشرق", "2025-01-02",
                 [_quote("العراق لم يكن حريصا على دعم نظام الأسد بقدر ما كان مهتما بأمن الحدود", "الشاطري", 0)],
                 mentions=[Mention(Span(0, 5), "الشاطري", "PER", entity_id="e-shatri")])
    found = claims([a, b, c], [Derivation("a", "b", "copy", 0.9)])
    assert len(found) == 1
    assert found[0].article_ids == ["a", "b", "c"] and found[0].independent_origins == 2


def test_different_speakers_or_different_words_are_different_claims():
    a = _article("a", "x", "2025-01-01", [_quote(STATEMENT, "الشطري", 0)], mentions=[SHATRI])
    b = _article("b", "y", "2025-01-01", [_quote(STATEMENT, "مسؤول عراقي", anonymous=True)])
    c = _article("c", "z", "2025-01-01", [_quote("الحدود مع سوريا آمنة تماما ولا خطر منها", "الشطري", 0)],
                 mentions=[SHATRI])
    assert len(claims([a, b, c])) == 3


def test_figures_that_disagree_across_articles_and_a_denial():
    fa = Figure(Span(0, 2), "12 قتيلاً", 12, unit="قتيل", about="قتيل")
    fb = Figure(Span(0, 2), "15 قتيلاً", 15, unit="قتيل", about="قتيل")
    fc = Figure(Span(0, 2), "12 قتيلاً", 12, unit="قتيل", about="قتيل")
    statement = _quote("طائرة مسيرة استهدفت مستودع الوقود قرب البصرة فجر الاثنين", "مصدر أمني", anonymous=True)
    denial = _quote("صحة الأنباء عن استهداف مستودع الوقود بطائرة مسيرة قرب البصرة", "وزارة الداخلية", denial=True)
    arts = [_article("a", "x", "2025-05-19", [statement], [fa]), _article("b", "y", "2025-05-19", [denial], [fb]),
            _article("c", "z", "2025-05-20", [], [fc])]
    found = discrepancies(arts, claims(arts))
    figure = next(d for d in found if d["kind"] == "figure")
    assert figure["values"] == [{"value": 12, "article_ids": ["a", "c"]}, {"value": 15, "article_ids": ["b"]}]
    denied = next(d for d in found if d["kind"] == "denial")
    assert denied["values"][0]["article_ids"] == ["a"] and denied["values"][1]["denial"] is True


def test_agreeing_figures_are_no_discrepancy():
    f = Figure(Span(0, 2), "9 آلاف عنصر", 9000, unit="عنصر", about="عنصر من داعش")
    assert discrepancies([_article("a", "x", "2025-01-01", figures=[f]),
                          _article("b", "y", "2025-01-01", figures=[f])]) == []


def test_an_article_with_several_values_of_one_unit_is_not_compared():
    two = [Figure(Span(0, 2), "12 قتيلاً", 12, unit="قتيل"), Figure(Span(3, 5), "3 قتلى", 3, unit="قتيل")]
    one = [Figure(Span(0, 2), "12 قتيلاً", 12, unit="قتيل")]
    assert discrepancies([_article("a", "x", "2025-01-01", figures=two),
                          _article("b", "y", "2025-01-01", figures=one)]) == []


def test_the_same_words_credited_to_different_speakers_is_a_discrepancy():
    minister = Mention(Span(0, 5), "الوزير", "PER", entity_id="e-minister")
    deputy = Mention(Span(0, 5), "النائب", "PER", entity_id="e-deputy")
    a = _article("a", "x", "2025-01-01", [_quote(STATEMENT, "الوزير سامي", 0)], mentions=[minister])
    b = _article("b", "y", "2025-01-01", [_quote(STATEMENT, "النائب خالد", 0)], mentions=[deputy])
    found = claims([a, b])
    speaker_rows = [d for d in discrepancies([a, b], found) if d["kind"] == "speaker"]
    assert len(speaker_rows) == 1
    assert {v["value"] for v in speaker_rows[0]["values"]} == {"الوزير سامي", "النائب خالد"}
    assert {tuple(v["article_ids"]) for v in speaker_rows[0]["values"]} == {("a",), ("b",)}
    # the same speaker twice is corroboration, not a discrepancy
    c = _article("c", "z", "2025-01-02", [_quote(STATEMENT, "الوزير سامي", 0)], mentions=[minister])
    assert not [d for d in discrepancies([a, c], claims([a, c])) if d["kind"] == "speaker"]


def test_a_translated_statement_joins_its_original_through_the_aligned_clause():
    ar_text = "العراق لم يكن حريصا على دعم نظام الأسد بقدر ما كان مهتما بأمن الحدود"
    en_text = "Iraq was not keen on supporting Assad so much as on securing the border"
    a = _article("a", "العربي الجديد", "2025-01-01", [_quote(ar_text, "الشطري", 0)], mentions=[SHATRI])
    b = Article(id="b", source_id="b", source="t", line=None, format="txt", text="y" * 400,
                outlet="Wire", published="2025-01-02", lang="en", story_id="s1",
                quotes=(Quote(Span(0, len(en_text)), en_text, "al-Shatri", Span(0, 5)),))
    link = Derivation("a", "b", "translation", 0.9,
                      aligned=((Span(0, len(en_text)), Span(0, len(ar_text)), 0.8),))
    found = claims([a, b], [link])
    assert len(found) == 1 and found[0].article_ids == ["a", "b"]
    assert found[0].independent_origins == 1 and found[0].text == ar_text
    # without the link they are two statements by two (differently written) speakers
    assert len(claims([a, b])) == 2


def test_a_quote_that_joins_two_claims_makes_them_one():
    """A garbled relay (b, first in time here, so its wording opens a claim), an independent
    report (c) in words of its own that the relay does not share, and the original (a) that
    repeats c's words and is b's source: the three are one statement, with two origins."""
    relay = "أولوية العراق ليست دعم الديكتاتور السابق بل الاستعداد لأي تحولات"
    own = "العراق لم يكن حريصا على دعم نظام بشار الأسد بقدر ما كان مهتما بمعرفة البدائل"
    independent = "العراق لم يكن مهتما كثيرا بدعم نظام بشار الأسد بقدر ما كان مهتما بمعرفة البدائل"
    b = _article("b", None, "2025-01-01", [_quote(relay, "الشاتري", 0)], mentions=[SHATRI])
    c = _article("c", "الشرق", "2025-01-01", [_quote(independent, "الشاطري", 0)], mentions=[SHATRI])
    a = _article("a", None, "2025-01-02", [_quote(own, "الشطري", 0)], mentions=[SHATRI])
    link = Derivation("a", "b", "rewrite", 0.75, aligned=((Span(0, len(relay)), Span(0, len(own)), 0.6),))
    found = claims([a, b, c], [link])
    assert len(found) == 1 and found[0].article_ids == ["a", "b", "c"]
    assert found[0].independent_origins == 2
    assert len(claims([a, b, c])) == 2     # without the link the relay's words stand alone


def test_claims_are_read_oldest_first_and_worded_by_an_original_not_a_copy():
    longer = STATEMENT + " في المرحلة المقبلة وفق ما نقلته المصادر"
    undated = _article("u", "x", None, [_quote(longer, "الشطري", 0)], mentions=[SHATRI])
    dated = _article("d", "y", "2025-01-03", [_quote(STATEMENT, "الشطري", 0)], mentions=[SHATRI])
    (claim,) = claims([undated, dated])
    assert claim.quotes[0][0] == "d" and claim.article_ids == ["d", "u"]
    assert claim.text == longer                       # two originals: the fullest wording
    (claim,) = claims([undated, dated], [Derivation("d", "u", "rewrite", 0.8)])
    assert claim.text == STATEMENT                    # u rewrites d: the original's wording


def test_a_storys_claims_are_matched_across_its_thread():
    from rasid.story.claims import story_claims

    a = _article("a", "العربي الجديد", "2025-01-01", [_quote(STATEMENT, "الشطري", 0)], mentions=[SHATRI])
    other = _article("o", "الشرق", "2025-01-02", [_quote(STATEMENT + " تماما", "الشطري", 0),
                                                   _quote("سنرسل وفدا امنيا الى دمشق قريبا جدا", "الشطري", 0)],
                     mentions=[SHATRI])
    found = story_claims(["a"], [a, other])
    # the statement the other story also carries counts its origin; the other story's own
    # claim is not this story's
    assert len(found) == 1 and found[0].article_ids == ["a", "o"] and found[0].independent_origins == 2
    assert [c.article_ids for c in story_claims(["o"], [a, other])] == [["a", "o"], ["o"]]
