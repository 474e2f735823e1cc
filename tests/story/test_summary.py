"""The cited extractive summary of a story."""
from __future__ import annotations

from dataclasses import replace

from rasid.clean import clean
from rasid.model import Derivation, RawDocument, Span
from rasid.story.summary import content_keys, summarize

EVENT = ("وقّع وزير النقل المصري اليوم الأربعاء في القاهرة اتفاقية مع شركة المرسى اللوجستية "
         "لتطوير محطة الحاويات الجديدة في ميناء دمياط بكلفة 450 مليون دولار.")
DETAIL = ("وتلتزم الشركة بموجب الاتفاقية برفع الطاقة الاستيعابية للمحطة إلى مليون ونصف مليون "
          "حاوية سنوياً خلال خمسة أعوام من بدء التشغيل.")
QUOTE = ("وقال رئيس هيئة الموانئ إن المشروع سيوفر نحو ألف وخمسمئة فرصة عمل مباشرة لأبناء "
         "محافظة دمياط والمحافظات المجاورة.")
ASIDE = ("ويذكر أن الطقس في المدينة كان معتدلاً طوال الأسبوع الماضي مع رياح خفيفة من الشمال "
         "الغربي بحسب هيئة الأرصاد.")


def _article(aid: str, text: str, outlet: str, published: str, headline: str = "عنوان الخبر هنا"):
    a = clean(RawDocument(source=f"{aid}.txt", line=None, format="txt", text=text, source_id=aid,
                          title=headline), aid)
    return replace(a, outlet=outlet, published=published, story_id="s1")


def _pile():
    a = _article("a", f"{EVENT}\n\n{DETAIL}\n\n{QUOTE}", "وكالة الأنباء", "2025-03-12")
    b = _article("b", f"{EVENT}\n\n{DETAIL}", "موقع ناقل", "2025-03-12")          # copies a
    c = _article("c", "أعلنت الحكومة المصرية توقيع اتفاقية لتطوير محطة الحاويات في ميناء دمياط "
                      "مع شركة المرسى بقيمة 450 مليون دولار.\n\n" + ASIDE, "صحيفة مستقلة", "2025-03-13")
    return [a, b, c], [Derivation("a", "b", "copy", 0.98)]


def test_every_sentence_is_a_body_sentence_of_the_article_it_cites():
    articles, links = _pile()
    by_id = {a.id: a for a in articles}
    summary = summarize(articles, links, max_sentences=3)
    assert summary
    for x in summary:
        assert x.span.of(by_id[x.article_id].text) == x.text
        assert x.article_id in x.article_ids
        assert set(x.article_ids) <= set(by_id)


def test_originals_are_quoted_and_their_copies_cited():
    articles, links = _pile()
    event = next(x for x in summarize(articles, links, max_sentences=3) if "دمياط" in x.text
                 and "450" in x.text)
    assert event.article_id == "a"                  # the source, not its copy
    assert {"a", "b"} <= set(event.article_ids)     # the copy carries the same content
    # the independent report says the same thing in other words: cited when it carries
    # most of the sentence's weighted content, and never for the detail it lacks
    detail = next(x for x in summarize(articles, links, max_sentences=3) if "الطاقة" in x.text)
    assert "c" not in detail.article_ids


def test_redundant_sentences_are_not_repeated():
    articles, links = _pile()
    summary = summarize(articles, links, max_sentences=4)
    keys = [set(content_keys(x.text)) for x in summary]
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            assert len(keys[i] & keys[j]) / min(len(keys[i]), len(keys[j])) < 0.6
    assert sum("450" in x.text for x in summary) == 1


def test_off_topic_lines_lose_to_the_shared_event():
    articles, links = _pile()
    top = summarize(articles, links, max_sentences=2)
    assert all(x.text != ASIDE for x in top)


def test_ordered_by_publication_then_text_order():
    articles, links = _pile()
    summary = summarize(articles, links, max_sentences=4)
    published = {a.id: a.published for a in articles}
    order = [(published[x.article_id], x.article_id, x.span.start) for x in summary]
    assert order == sorted(order)


def test_length_is_configurable():
    articles, links = _pile()
    assert len(summarize(articles, links, max_sentences=1)) == 1
    assert len(summarize(articles, links, max_sentences=2)) == 2
    short = summarize(articles, links, max_sentences=4, max_chars=200)
    assert sum(len(x.text) for x in short) <= 200 or len(short) == 1
    assert summarize(articles, links, max_sentences=0) == ()
    assert summarize([], []) == ()


def test_subheadings_and_boilerplate_lines_are_never_summary_sentences():
    articles, links = _pile()
    a = articles[0]
    # declare the event sentence a subheading: it must drop out although it is the most salient
    first = a.sentences[0]
    a2 = replace(a, subheadings=(Span(first.start, first.end),))
    summary = summarize([a2, *articles[1:]], links, max_sentences=4)
    assert all(not (x.article_id == "a" and x.span == first) for x in summary)
    boiler = _article("d", "تابعونا على تويتر وفيسبوك للمزيد من الأخبار العاجلة والتغطيات الحصرية "
                           "من دمياط والقاهرة.\n\n" + EVENT, "موقع رابع", "2025-03-14")
    for x in summarize([*articles, boiler], links, max_sentences=5):
        assert "تابعونا" not in x.text


def test_a_translation_is_cited_through_its_aligned_clauses():
    articles, links = _pile()
    en = _article("e", "Egypt's transport minister signed a $450 million deal on Wednesday with "
                       "Al-Marsa Logistics to develop a new container terminal at Damietta port.",
                  "Wire in English", "2025-03-12", headline="Egypt signs Damietta port deal")
    en = replace(en, lang="en")
    a = articles[0]
    s0 = a.sentences[0]
    tr = Derivation("a", "e", "translation", 0.9, aligned=((en.sentences[0], s0, 0.8),))
    summary = summarize([*articles, en], [*links, tr], max_sentences=3)
    event = next(x for x in summary if x.span == s0 and x.article_id == "a")
    assert "e" in event.article_ids
    assert all(x.article_id != "e" for x in summary)     # Arabic leads: English is cited, not quoted


def test_english_only_stories_are_summarised_in_english():
    en = _article("e", "Egypt's transport minister signed a $450 million deal on Wednesday with "
                       "Al-Marsa Logistics to develop a new container terminal at Damietta port.\n\n"
                       "The company will raise the terminal's capacity to 1.5 million containers a year.",
                  "Wire in English", "2025-03-12", headline="Egypt signs Damietta port deal")
    summary = summarize([replace(en, lang="en")], max_sentences=2)
    assert [x.article_id for x in summary] == ["e", "e"]
