"""Quotes: reported and direct speech with speaker, channel, anonymity and denial."""
from __future__ import annotations

import pytest

from rasid.extract.quotes import extract_quotes
from rasid.model import Mention, Span


def one(text, mentions=()):
    got = extract_quotes(text, mentions)
    assert len(got) == 1, [(q.speaker_text, q.text) for q in got]
    q = got[0]
    assert text[q.span.start:q.span.end] == q.text
    if q.speaker_span:
        assert text[q.speaker_span.start:q.speaker_span.end] == q.speaker_text
    return q


def test_reported_speech_with_an_anonymous_source_and_a_channel():
    q = one('وقال مسؤول عراقي أمني، لـ"العربي الجديد"، إن بغداد تتابع الملف عن كثب.')
    assert (q.speaker_text, q.channel, q.text) == ("مسؤول عراقي أمني", "العربي الجديد",
                                                   "بغداد تتابع الملف عن كثب")
    assert q.anonymous and not q.direct and not q.denial


def test_a_denial_needs_no_complementizer():
    q = one("ونفى مصدر أمني مطلع لوكالة الأنباء العراقية صحة الأنباء عن الهجوم.")
    assert q.denial and q.anonymous
    assert q.channel == "وكالة الأنباء العراقية" and q.text == "صحة الأنباء عن الهجوم"


def test_apposition_is_a_title_not_part_of_the_speaker():
    q = one("وقال الشطري، رئيس جهاز المخابرات العراقي، إن بلاده لن تتدخل.")
    assert q.speaker_text == "الشطري" and q.text == "بلاده لن تتدخل"


def test_a_title_with_a_preposition_reaches_the_name_and_points_at_its_mention():
    text = 'وقال الباحث في الشأن الأمني أحمد النعيمي لـ"العربي الجديد" إن التنسيق ضروري جداً.'
    start = text.index("أحمد النعيمي")
    q = one(text, [Mention(Span(start, start + len("أحمد النعيمي")), "أحمد النعيمي", "PER")])
    assert q.speaker_text == "الباحث في الشأن الأمني أحمد النعيمي" and q.speaker_mention == 0
    assert not q.anonymous and q.channel == "العربي الجديد"


def test_a_continuation_keeps_the_previous_speaker():
    quotes = extract_quotes("وأكد الوزير فؤاد حسين أن الحدود آمنة. وأضاف أيضاً أن التعاون مستمر مع دمشق.")
    assert [(q.speaker_text, q.text) for q in quotes] == [
        ("الوزير فؤاد حسين", "الحدود آمنة"), ("الوزير فؤاد حسين", "التعاون مستمر مع دمشق")]


@pytest.mark.parametrize("open_, close", [("«", "»"), ("“", "”"), ('"', '"')])
def test_direct_quotes_in_every_mark(open_, close):
    q = one(f"وقال الوزير: {open_}نحن لا نتدخل في الشأن السوري أبداً{close}.")
    assert q.direct and q.speaker_text == "الوزير" and q.text == "نحن لا نتدخل في الشأن السوري أبداً"


def test_an_interrupted_quote_keeps_one_speaker():
    quotes = extract_quotes("«الوضع تحت السيطرة تماماً»، قال المتحدث باسم الوزارة، «ولا داعي للقلق على الإطلاق».")
    assert [(q.speaker_text, q.text, q.direct) for q in quotes] == [
        ("المتحدث باسم الوزارة", "الوضع تحت السيطرة تماماً", True),
        ("المتحدث باسم الوزارة", "ولا داعي للقلق على الإطلاق", True)]


def test_according_to_a_source_at_the_end_or_the_start_of_a_sentence():
    q = one("وقتل ثلاثة مدنيين في القصف، بحسب مصادر طبية.")
    assert q.speaker_text == "مصادر طبية" and q.text == "وقتل ثلاثة مدنيين في القصف" and q.anonymous
    q = one("وبحسب مصادر أمنية، فإن الهجوم نفذ بطائرة مسيرة.")
    assert q.text == "الهجوم نفذ بطائرة مسيرة"


@pytest.mark.parametrize("text", [
    'نفذ الجيش عملية "الفجر الجديد" في المنطقة.',          # a name in quotation marks
    "وبحسب التقرير، فإن الخسائر كبيرة جداً في المدينة.",      # a document is not a speaker
    "وصل الوفد إلى بغداد يوم الاثنين.",                       # no speech at all
])
def test_no_quote_where_nobody_speaks(text):
    assert extract_quotes(text) == []


def test_a_quoted_name_that_is_a_mention_is_not_a_quote():
    text = 'وقال الوزير إن "قوات سوريا الديمقراطية" تسيطر على المنطقة.'
    start = text.index("قوات")
    m = Mention(Span(start, start + len("قوات سوريا الديمقراطية")), "قوات سوريا الديمقراطية", "ORG")
    q = one(text, [m])
    assert not q.direct and q.text.startswith('"قوات سوريا')


@pytest.mark.parametrize("text", [
    "", "   ", "«", "»»»«««", 'قال "' + "كلمة " * 5000, "قال " * 3000,
    "وقال الوزير: «نص بلا نهاية\n\nوفقرة ثانية».", "قال" + "ـ" * 10000,
])
def test_bad_input_degrades_gracefully(text):
    for q in extract_quotes(text):
        assert 0 <= q.span.start < q.span.end <= len(text)
        assert text[q.span.start:q.span.end] == q.text


def test_a_verb_with_its_preposition_before_the_complementizer_has_no_speaker_of_its_own():
    quotes = extract_quotes("وقال رئيس الوزراء إن البلاد آمنة. كما حذر من أن الأزمة قد تعود قريباً.")
    assert [q.speaker_text for q in quotes] == ["رئيس الوزراء", "رئيس الوزراء"]
    assert quotes[1].text == "الأزمة قد تعود قريباً"


def test_coordinated_clauses_under_one_verb_are_two_statements():
    text = ("وقال مسؤول محلي لـ«صوت الشمال» إن الخسائر الأولية تقدر بملايين الدولارات، وإن "
            "التحقيقات ما زالت في بدايتها ولا يمكن الجزم بشيء.")
    got = extract_quotes(text)
    assert [q.text for q in got] == ["الخسائر الأولية تقدر بملايين الدولارات",
                                     "التحقيقات ما زالت في بدايتها ولا يمكن الجزم بشيء"]
    assert {(q.speaker_text, q.channel, q.anonymous) for q in got} == {("مسؤول محلي", "صوت الشمال", True)}
    # a short second piece («وأن كذا») is no statement of its own
    assert len(extract_quotes("وأكد الوزير أن الاتفاق نهائي وأن لا عودة عنه.")) == 1


def test_the_statement_speaks_for_whoever_issued_it():
    text = ("وقال المتحدث باسم الشرطة العقيد سامر الخطيب في بيان إن الحادث عرضي. "
            "وأوضح البيان أن التحقيق سيستمر حتى نهاية الأسبوع المقبل.")
    got = extract_quotes(text)
    assert len(got) == 2
    assert got[1].speaker_text == got[0].speaker_text and got[1].channel == "بيان"


def test_the_source_referred_back_to_is_the_one_introduced_before():
    text = ("قال مصدر أمني مطلع لـ«الوسط» إن طائرة مسيّرة استهدفت المخزن فجراً. "
            "وأضاف المصدر، الذي طلب عدم كشف هويته، أن الطائرة حلّقت على علو منخفض جداً.")
    got = extract_quotes(text)
    assert [q.speaker_text for q in got] == ["مصدر أمني مطلع", "مصدر أمني مطلع"]
    assert all(q.anonymous and q.channel == "الوسط" for q in got)


@pytest.mark.parametrize("text, issuer", [
    ("وبحسب بيان صادر عن وزارة الداخلية، ضبطت الأجهزة الأمنية أكثر من مليون حبة مخدرة.", "وزارة الداخلية"),
    ("ضبطت الأجهزة الأمنية أكثر من مليون حبة مخدرة، بحسب بيان لوزارة الداخلية.", "وزارة الداخلية"),
])
def test_according_to_a_statement_its_issuer_speaks(text, issuer):
    q = one(text)
    assert (q.speaker_text, q.channel) == (issuer, "بيان")
    assert q.text == "ضبطت الأجهزة الأمنية أكثر من مليون حبة مخدرة"
    assert extract_quotes("وبحسب البيان، فإن الأمور تسير كما هو مخطط لها تماماً.") == []


def test_a_title_mistagged_as_a_name_does_not_cut_the_speaker_before_the_name():
    text = "وقال الناطق الرسمي باسم الحكومة احمد الشرمان إن المباحثات كانت مثمرة جداً."
    title, name = text.index("الناطق"), text.index("احمد")
    mentions = (Mention(Span(title, title + len("الناطق الرسمي")), "الناطق الرسمي", "PER"),
                Mention(Span(name, name + len("احمد الشرمان")), "احمد الشرمان", "PER"))
    assert one(text, mentions).speaker_text == "الناطق الرسمي باسم الحكومة احمد الشرمان"


def test_a_subject_before_its_verb_skips_the_aside_and_reads_the_accusative():
    text = ("غير أن مصدراً في هيئة الموانئ، رفض الكشف عن اسمه، قال لـ«الوسط» إن العقد الموقع "
            "ينص على مبلغ أقل بكثير.")
    q = one(text)
    assert (q.speaker_text, q.channel, q.anonymous) == ("مصدراً في هيئة الموانئ", "الوسط", True)


def test_a_speakers_next_statement_inherits_the_channel_but_never_backwards():
    text = ("قالت وزارة الصحة في بيان إن الإصابات تراجعت بشكل واضح هذا الأسبوع. "
            "وأكدت وزارة الصحة أن حملة التطعيم ستستمر حتى نهاية الشهر المقبل.")
    got = extract_quotes(text)
    assert [q.channel for q in got] == ["بيان", "بيان"]
    text = ("وقالت وزارة الصحة إن الإصابات تراجعت بشكل واضح هذا الأسبوع. "
            "وأكدت وزارة الصحة في بيان أن حملة التطعيم ستستمر حتى نهاية الشهر المقبل.")
    assert [q.channel for q in extract_quotes(text)] == [None, "بيان"]


def test_platforms_forms_and_outlets_spoken_with_are_channels():
    q = one("وكتبت وزيرة الثقافة على منصة إكس أن المهرجان سيعود هذا الصيف بحلة جديدة.")
    assert q.channel == "منصة إكس"
    q = one('وقال المبعوث في مقابلة مع إذاعة "صوت الساحل" إن المفاوضات ستستأنف الأسبوع المقبل.')
    assert q.channel == "صوت الساحل"
    q = one("وقال الرئيس في خطاب متلفز إن الثروة الجديدة ملك للأجيال القادمة.")
    assert q.channel == "خطاب متلفز"


def test_a_quoted_name_inside_the_speaker_phrase():
    q = one('وأعلنت شركة "معادن الشمال" الموريتانية أن صادراتها بلغت 13 مليون طن العام الماضي.')
    assert q.speaker_text == 'شركة "معادن الشمال" الموريتانية'
    assert q.text == "صادراتها بلغت 13 مليون طن العام الماضي"


def test_according_to_a_body_makes_it_the_speaker_but_not_an_unsigned_document():
    q = one("ارتفعت حصيلة ضحايا الزلزال إلى 23 قتيلاً، بحسب إدارة الكوارث والطوارئ التركية.")
    assert q.speaker_text == "إدارة الكوارث والطوارئ التركية" and not q.anonymous
    assert extract_quotes("ارتفعت حصيلة ضحايا الزلزال إلى 23 قتيلاً، بحسب الأرقام الرسمية.") == []


def test_a_spokesperson_of_a_named_body_is_not_anonymous():
    q = one("وقال متحدث باسم المفوضية العليا للانتخابات إن عدد المرشحين المقبولين بلغ سبعة آلاف.")
    assert not q.anonymous
    assert one("وقال مصدر في المفوضية إن عدد المرشحين المقبولين بلغ سبعة آلاف.").anonymous


def test_a_clause_before_said_and_the_continuation_after_it():
    text = ("الكتل السياسية لم تتفق بعد على موعد جلسة انتخاب رئيس البرلمان، قال النائب حسين "
            "المرعبي لـ«شبكة الفرات»، مضيفاً أن الجلسة قد تعقد بعد عطلة العيد.")
    got = extract_quotes(text)
    assert [q.text for q in got] == ["الكتل السياسية لم تتفق بعد على موعد جلسة انتخاب رئيس البرلمان",
                                     "الجلسة قد تعقد بعد عطلة العيد"]
    assert {q.speaker_text for q in got} == {"النائب حسين المرعبي"}
    text = ('"كنت أعرف أنني قادرة على كسر الرقم القياسي"، قالت العداءة روث كيبيت لوكالة '
            'فرانس برس، مضيفة: "الطقس كان مثالياً هذا الصباح".')
    got = extract_quotes(text)
    assert [q.speaker_text for q in got] == ["العداءة روث كيبيت"] * 2 and all(q.direct for q in got)
    # a non-speech verb after a comma attributes nothing before it
    assert extract_quotes("ودعت الهيئة السكان إلى الابتعاد عن مجاري الأودية، محذرة من أمطار جديدة.") == []


def test_the_report_speaks_for_whoever_issued_it():
    text = ("وأصدرت وزارة الزراعة تقريرها السنوي عن المحاصيل. وأوضح التقرير أن إنتاج القمح "
            "تراجع بنسبة عشرين في المئة هذا الموسم.")
    q = one(text)
    assert (q.speaker_text, q.channel) == ("وزارة الزراعة", "التقرير")
    text = ("وبحسب تقرير أصدره البنك المركزي الخميس، فإن الودائع نمت بنسبة تسعة في المئة. "
            "ولفت التقرير إلى أن القروض الصغيرة ارتفعت بوتيرة غير مسبوقة.")
    assert [q.speaker_text for q in extract_quotes(text)] == ["البنك المركزي", "البنك المركزي"]


@pytest.mark.parametrize("text", [
    "وكشفت صور الأقمار الصناعية أن مساحة البحيرة تقلصت إلى أقل من النصف خلال عقد.",
    "وأظهرت نتائج التحاليل المخبرية أن الوفيات ناجمة عن تسمم غذائي حاد.",
])
def test_subjects_that_show_but_do_not_speak(text):
    assert extract_quotes(text) == []


def test_an_outlet_name_in_quotation_marks_is_a_channel_not_a_quote():
    text = 'وقال مدير مكتب الهجرة لقناة "زاخو تي في" إن العائدين تجاوزوا ألف أسرة هذا الشهر.'
    q = one(text)
    assert q.channel == "زاخو تي في" and q.text == "العائدين تجاوزوا ألف أسرة هذا الشهر"


def test_long_titles_newspapers_and_a_denying_participle():
    text = ('قال نائب وزير الطاقة السعودي لشؤون الكهرباء فهد بن ناصر القحطاني لجريدة "المرسى" '
            'إن المحطة ستدخل الخدمة قبل نهاية العام، نافياً وجود أي تأخير في التنفيذ.')
    got = extract_quotes(text)
    assert [q.speaker_text for q in got] == ["نائب وزير الطاقة السعودي لشؤون الكهرباء فهد بن ناصر القحطاني"] * 2
    assert got[0].channel == "المرسى" and got[1].denial and got[1].text == "وجود أي تأخير في التنفيذ"
