"""Two articles that trace to one outlet's report by their own word (link/credit.py)."""
from __future__ import annotations

from rasid.link.credit import credits, names_an_outlet, outlet_keys, shared_source, told
from rasid.model import Article, Quote, Span

OWN = ("أعلنت وزارة الزراعة خطة لدعم مزارعي القمح. وقال مسؤول في الوزارة، لـ\"الأطلس اليوم\"، إن "
       "الدعم يشمل البذور والأسمدة.")
RELAY = ("تعتزم وزارة الزراعة دعم مزارعي القمح، بحسب ما أورده موقع \"الأطلس اليوم\" نقلاً عن مسؤول "
         "في الوزارة.")
SPOKE_TO = ("وفقاً لمصادر أمنية تتحدث شريطة عدم الكشف عن هويتها إلى العربي ، فإن جدول الأعمال يشمل "
            "تأمين الحدود.")


def _article(aid: str, text: str, outlet: str | None = None, quotes=()) -> Article:
    return Article(id=aid, source_id=aid, source="t", line=None, format="txt", text=text,
                   outlet=outlet, quotes=tuple(quotes))


def _told_to(text: str, channel: str) -> Quote:
    return Quote(Span(0, 10), text[:10], "مسؤول", channel=channel)


def test_an_outlets_own_interviews_name_it():
    a = _article("a", OWN, quotes=[_told_to(OWN, "الأطلس اليوم")])
    assert set(told(a).values()) == {"الأطلس اليوم"}


def test_a_statement_form_or_a_stray_word_is_not_an_outlet():
    text = "وقال الوزير في بيان أمس إن الخطة جاهزة."
    assert told(_article("a", text, quotes=[_told_to(text, "بيان"), _told_to(text, "أمس")])) == {}


def test_a_relay_and_the_report_it_credits_share_a_source():
    own = _article("a", OWN, quotes=[_told_to(OWN, "الأطلس اليوم")])          # no outlet metadata
    relay = _article("b", RELAY, outlet="موقع الواحة")
    assert shared_source(own, relay) == shared_source(relay, own) == "الأطلس اليوم"


def test_the_outlets_own_article_is_credited_by_its_name():
    own = _article("a", "أعلنت وزارة الزراعة خطة لدعم مزارعي القمح.", outlet="صحيفة الأطلس اليوم")
    relay = _article("b", RELAY, outlet="موقع الواحة")
    assert credits(relay, own.outlet)
    assert shared_source(own, relay) == "صحيفة الأطلس اليوم"


def test_one_outlet_citing_itself_or_two_articles_of_it_say_nothing():
    a = _article("a", OWN, outlet="الأطلس اليوم", quotes=[_told_to(OWN, "الأطلس اليوم")])
    b = _article("b", RELAY, outlet="صحيفة الأطلس اليوم")
    assert shared_source(a, b) is None


def test_unrelated_outlets_share_nothing():
    a = _article("a", OWN, quotes=[_told_to(OWN, "الأطلس اليوم")])
    b = _article("b", "قال مسؤول لـ\"الوادي\" إن الدعم تأخر.", outlet="موقع الواحة",
                 quotes=[_told_to("قال مسؤول لـ\"الوادي\"", "الوادي")])
    assert shared_source(a, b) is None


def test_a_short_name_counts_only_as_the_outlet_a_statement_was_given_to():
    """«العربي» is an ordinary word: after «تتحدث … إلى» it names العربي الجديد (its short name
    in outlet_aliases.tsv), after «بحسب» or in running text it does not."""
    spoke = _article("a", SPOKE_TO)
    assert set(told(spoke).values()) == {"العربي الجديد"}
    assert told(_article("b", "بحسب المرصد العربي لحقوق الإنسان، فإن الحصيلة ارتفعت.")) == {}
    assert told(_article("c", "وقال المتحدث باسم الجيش العربي السوري إن القصف توقف.")) == {}
    assert told(_article("d", "أرسل الوزير رسالة إلى العربي المقيم في باريس.")) == {}   # no speech word


def test_two_articles_carrying_statements_given_to_one_outlet_share_it():
    own = ("وقال مسؤول عراقي أمني، لـ\"العربي الجديد\"، إن الوفد سيبحث تأمين الحدود.")
    a = _article("a", own, quotes=[_told_to(own, "العربي الجديد")])
    assert shared_source(a, _article("b", SPOKE_TO)) == "العربي الجديد"


def test_english_credit():
    a = _article("a", "Officials speaking to The New Arab on condition of anonymity said the visit is set.")
    assert set(told(a).values()) == {"العربي الجديد"}


def test_names_an_outlet_is_a_cheap_prefilter():
    assert names_an_outlet(_article("a", RELAY))                                   # head noun «موقع»
    assert names_an_outlet(_article("b", "نقلاً عن الرافد نيوز، قال المحافظ إن الطريق فُتح."),
                           outlet_keys(["الرافد نيوز"]))                            # an archive's outlet
    assert not names_an_outlet(_article("c", "قال المحافظ إن الطريق فُتح صباح اليوم."))


def test_bad_input_never_breaks_the_credit_reading():
    """Empty text, no quotes, a huge text of nothing but «قال إلى», a very long token, an
    elongated word, Latin capitals: each reads as no credit, or as exactly the credit written."""
    huge = "قال إلى " * 50_000
    for text in ("", "   ", huge, "ا" * 100_000, "وجيييييييييه " * 1000, "SPEAKING TO THE NEW ARAB " * 200):
        a = _article("a", text)
        assert isinstance(told(a), dict) and shared_source(a, _article("b", OWN)) is None
    assert set(told(_article("c", huge + " تحدث إلى العربي الجديد")).values()) == {"العربي الجديد"}


def test_a_name_longer_than_the_views_keep_is_still_read_from_the_words():
    """Credit views keep names of up to MAX_NAME_WORDS words; a longer outlet name (from an
    archive's metadata) is found the slow way, after a citation phrase or as the outlet a
    statement was given to, and a key with stray spaces reads as the words it holds."""
    from rasid.link.outlets import MAX_NAME_WORDS, credits_any
    from rasid.text.tokens import match_text

    long_name = " ".join(["الشبكة", "العربية", "المستقلة", "للأخبار", "والتحليل", "والدراسات",
                          "الاستراتيجية", "والاقتصادية", "الحديثة"])
    key = match_text(long_name)
    assert len(key.split()) > MAX_NAME_WORDS
    cited = _article("a", f"أعلن الوزير الخطة، بحسب {long_name} صباح اليوم.")
    bare = _article("b", f"ظهر اسم {long_name} في التقرير دون نسبة أي خبر إليه.")
    assert credits_any(cited, frozenset({key})) and not credits_any(bare, frozenset({key}))
    assert credits_any(cited, frozenset({"  " + key.replace(" ", "   ") + " "}))
    spoke = _article("c", f"وقال مسؤول في حديث إلى {long_name} إن الخطة جاهزة.")
    assert credits(spoke, long_name) and not credits(bare, long_name)


def test_credit_views_outlive_a_run_of_many_articles():
    """A derivation run asks about each article many times, chunks apart: the per-text views
    are kept by id and hashes (no text held), so a long run keeps them, and an article whose
    text changed under the same id is read again."""
    from rasid.link.outlets import citations

    articles = [_article(f"x{i}", f"نقلاً عن الأطلس اليوم، بلغ عدد الزوار {i} ألفاً.") for i in range(5000)]
    assert all(credits(a, "الأطلس اليوم") for a in articles)
    first = citations(articles[0].id, articles[0].headline, articles[0].text)
    assert citations(articles[0].id, articles[0].headline, articles[0].text) is first   # kept
    changed = _article("x0", "قال المحافظ إن الطريق فُتح.")
    assert not credits(changed, "الأطلس اليوم")
