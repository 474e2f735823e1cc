#!/usr/bin/env python3
"""Build constructed.jsonl: the constructed derivation ("who copied whom") set.

Every item is written here. Copies are assembled from the demo article's own
paragraphs (so that the copied text is exact) plus the republisher's additions;
rewrites, translations and negatives are written out in full. Run from anywhere:

    python3 eval/derivation/build_constructed.py     # rewrites constructed.jsonl

See CONSTRUCTED.md for what each kind is and how it was written. Standard library only.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "constructed.jsonl")
DEMO = os.path.join(HERE, "..", "..", "src", "rasid", "resources", "demo", "corpus", "articles.jsonl")

with open(DEMO, encoding="utf-8") as f:
    _DEMO = {a["id"]: a for a in map(json.loads, filter(str.strip, f))}


def paras(demo_id):
    """The demo article's paragraphs, exactly as stored."""
    return _DEMO[demo_id]["text"].split("\n\n")


def title(demo_id):
    return _DEMO[demo_id]["title"]


def body(s):
    """A text block written with blank lines between paragraphs -> paragraphs joined by \\n\\n."""
    ps = [re.sub(r"\s*\n\s*", " ", p.strip()) for p in re.split(r"\n\s*\n", s.strip())]
    return "\n\n".join(p for p in ps if p)


def join(*parts):
    out = []
    for p in parts:
        if isinstance(p, (list, tuple)):
            out.extend(p)
        else:
            out.append(body(p))
    return "\n\n".join(out)


ITEMS = []


def item(kind, basis, lang, outlet, published, title_, text, note, *, event=None,
         mt_style=False, cites_source=False, derived=True):
    ITEMS.append({
        "lang": lang,
        "outlet": outlet,
        "published": published,
        "title": title_,
        "text": text,
        "event": event,
        "kind": kind,
        "derived_from": basis if kind != "none" else None,
        "basis": basis,
        "mt_style": mt_style,
        "cites_source": cites_source,
        "note": note,
    })


# =====================================================================================
# 1. COPIES (12): the original republished, verbatim or with trivial edits
# =====================================================================================

p = paras("demo-004")
item("copy", "demo-004", "ar", "موقع السنبلة", "2025-02-19T10:20:00+03:00",
     "نابل بعد السيول.. حصيلة تقترب من 14 قتيلاً وأضرار في مئات المنازل",
     join("""
تعيش مدينة نابل التونسية منذ مساء الاثنين على وقع واحدة من أسوأ الكوارث الطبيعية التي عرفتها
الجهة في السنوات الأخيرة، إذ حوّلت الأمطار الطوفانية شوارعها إلى أنهار جارفة وأغرقت أحياء بأكملها.
وفيما تتواصل عمليات البحث والإنقاذ، يترقب السكان حصيلة نهائية للخسائر البشرية والمادية. وفي ما يلي
ما نشرته صحيفة المدار صباح اليوم:
""", p[:2], p[2] + " " + p[3], p[4:]),
     "Verbatim copy of the whole article behind a new headline and a republisher's intro "
     "paragraph (~55 words, about a quarter of the text) that credits صحيفة المدار; the "
     "paragraph that the original breaks mid-sentence is joined again.",
     cites_source=True)

item("copy", "demo-005", "ar", "أنباء الساحل", "2025-02-19T13:40:00+03:00",
     title("demo-005"),
     join(paras("demo-005"), """
خلفية: تقع ولاية نابل في الوطن القبلي شمال شرقي تونس، وتعد من أبرز الجهات السياحية والفلاحية في
البلاد. وتتعرض المنطقة بشكل متكرر لفيضانات موسمية بسبب كثرة الأودية التي تخترقها وضعف شبكات تصريف
مياه الأمطار، وهو ما يدفع خبراء منذ سنوات إلى المطالبة بمراجعة مخططات التهيئة العمرانية في المدن
الساحلية.
"""),
     "Verbatim copy, same headline, no credit; a background paragraph (~50 words, about 30% "
     "of the text) is added at the end.")

p = paras("demo-010")
item("copy", "demo-010", "ar", "شبكة النخيل الإخبارية", "2025-03-11T10:05:00+03:00",
     "الزبيدى يلتقي مسؤولي الجمارك الأردنية قبل عودته إلى بغداد",
     join(p[:2], "[ad_1]", p[2:3], "[ad_2]", p[3:]),
     "Verbatim copy 35 minutes after the original, under a different headline, with ad "
     "markers [ad_1]/[ad_2] between paragraphs; the original's spellings (الزبيدى, احمد, "
     "tatweel) are kept; no credit.")

p = paras("demo-011")
item("copy", "demo-011", "ar", "صحيفة القنطرة", "2025-04-14T14:30:00+03:00",
     title("demo-011"),
     join(p[0].replace("وكالة الأفق", "«القنطرة»"), p[1:-1]),
     "Verbatim copy with the agency dateline replaced by the republisher's own («بغداد - "
     "«القنطرة»») and the last paragraph dropped; no credit.")

item("copy", "demo-013", "ar", "منصة الواحة", "2025-04-16T12:40:00+03:00",
     title("demo-013"),
     join(paras("demo-013"), """
ملاحظة المحرر: نُشرت هذه المادة أولاً على موقع «الرافد نيوز»، وتعيد «منصة الواحة» نشرها ضمن ملفها
الخاص بالعلاقات العراقية الأردنية، وستواصل متابعة تنفيذ بنود المذكرة خلال الأسابيع المقبلة.
""", "اقرأ أيضاً:",
          "الأردن يعيد فتح معبر حدودي أمام الشاحنات بعد أعمال صيانة",
          "خبراء: كلفة النقل البري بين بغداد وعمّان مرشحة للانخفاض",
          "وزير الداخلية الأردني يتفقد مراكز حدودية في الشمال"),
     "Verbatim copy (including «الرافد نيوز» in the body) with a tail of an editor's note "
     "crediting the source and an «اقرأ أيضاً:» block with three invented headlines "
     "(~55 words, about a third of the text).",
     cites_source=True)

p = paras("demo-014")
item("copy", "demo-014", "ar", "بوابة المنارة", "2025-03-12T13:10:00+03:00",
     "دمياط تستعد لمحطة حاويات جديدة بطاقة 1.8 مليون حاوية سنوياً",
     join(p[1:3], p[4:]),
     "Verbatim copy under a different headline; the agency dateline and the paragraph "
     "quoting the ports authority chairman (البدري) are dropped; no credit.")

t = _DEMO["demo-017"]["text"]
for a, b in [('شركة "المرسى" اللوجستية', "شركة «المرسى» اللوجستية"),
             ('"يعود على الأرجح إلى احتساب تكاليف تجهيزات إضافية لم يُتفق عليها بعد"',
              "«يعود على الأرجح إلى احتساب تكاليف تجهيزات إضافية لم يُتفق عليها بعد»"),
             ("500", "٥٠٠"), ("450", "٤٥٠"), ("2028", "٢٠٢٨"),
             ("قال لـ«صحيفة المدار» إن", "قال إن")]:
    assert a in t, a
    t = t.replace(a, b)
item("copy", "demo-017", "ar", "صحيفة الرصيف", "2025-03-13T11:30:00+03:00",
     "«المرسى» تدخل سوق الموانئ المصرية بنصف مليار دولار.. ومخاوف من تأخر التنفيذ",
     t,
     "Copy with trivial edits only: straight quotes turned into «», the figures 500/450/2028 "
     "written in Arabic-Indic digits, and «لـ«صحيفة المدار»» (the original outlet's credit "
     "for its anonymous source) deleted; headline lightly changed.")

item("copy", "demo-018", "ar", "إذاعة الموج", "2025-04-03T15:00:00+03:00",
     title("demo-018"),
     join("""
تستعد العائلات اللبنانية لاستقبال فرق التلقيح في الأسبوع المقبل، في حملة هي الأوسع منذ سنوات، تأتي
بعد تحذيرات متكررة أطلقتها الهيئات الصحية من تراجع معدلات التحصين لدى الأطفال.
""", paras("demo-018"), """
يذكر أن الحصبة من أكثر الأمراض المعدية انتشاراً بين الأطفال، وتنتقل عبر الرذاذ والهواء، وقد تسبب
مضاعفات خطيرة كالتهاب الرئة والدماغ، فيما يصيب شلل الأطفال الجهاز العصبي وقد يؤدي إلى شلل دائم، ولا
علاج له سوى الوقاية باللقاح.
"""),
     "Verbatim copy (agency dateline and subheadings kept) framed by an added intro and an "
     "added closing background paragraph (together ~65 words, about a third of the text).",
     cites_source=True)

p = paras("demo-020")
item("copy", "demo-020", "ar", "موقع الجسر 24", "2025-04-15T09:15:00+03:00",
     title("demo-020"),
     join(p[:2], "[ad_1]", p[2:], "المصدر: صحيفة المدار"),
     "Verbatim copy 45 minutes after the original with an [ad_1] marker and an «المصدر:» "
     "trailer naming the source.",
     cites_source=True)

p = paras("demo-021")
item("copy", "demo-021", "ar", "نشرة الرمال", "2025-05-19T10:25:00+03:00",
     "حريق كبير في مستودع وقود بالشعيبة.. ومصدر يتحدث عن مسيّرة",
     join("البصرة - نشرة الرمال",
          p[0].replace("قال مصدر أمني مطلع لـ«صوت الجنوب» إن", "قال مصدر أمني مطلع إن"),
          p[1:-1]),
     "Copy under a new headline with a dateline of its own added, the original outlet's "
     "exclusive credit («لـ«صوت الجنوب»») removed from the first sentence and the last "
     "paragraph dropped.")

item("copy", "demo-024", "ar", "أخبار الملاعب", "2025-07-13T11:20:00+03:00",
     "وهران تحتفل.. الشروق بطل العرب في الكرة الطائرة",
     join(paras("demo-024"),
          "(ملاحظة المحرر: حُدّث هذا الخبر بإضافة نتائج الأشواط.)",
          "تابعوا «أخبار الملاعب» على فيسبوك وإنستغرام"),
     "Verbatim copy under a different headline with a short editor's note and a follow line "
     "added at the end; no credit.")

item("copy", "demo-019", "en", "Cedar Bulletin", "2025-04-07T18:30:00+03:00",
     title("demo-019"),
     join("""
Editor's note: The following report was first published by Levant Monitor and is republished
with permission as part of our health coverage. Cedar Bulletin will post the addresses of
vaccination sites in Mount Lebanon, the Bekaa and the north every morning until the campaign
ends; check our health page for the daily lists.
""", paras("demo-019"), "Read more: Pharmacies in Beirut report shortage of children's fever medicine"),
     "English copy of an English original: verbatim body behind an editor's-note intro that "
     "credits Levant Monitor and a «Read more» line (~60 words added, about 35% of the text).",
     cites_source=True)

# =====================================================================================
# 2. REWRITES (14): Arabic -> Arabic in another outlet's style
# =====================================================================================

item("rewrite", "demo-001", "ar", "صحيفة القنطرة", "2025-02-18T18:10:00+03:00",
     "ارتفاع ضحايا فيضانات نابل إلى 12 وآلاف الأسر تغادر منازلها",
     body("""
أودت الفيضانات التي شهدتها ولاية نابل التونسية بحياة 12 شخصاً على الأقل، بحسب ما أوردته وكالة الأفق،
في حين لا يزال مصير عدد من السكان مجهولاً بعد ليلة من الأمطار الطوفانية التي بدأت مساء الاثنين ولم
تتوقف حتى صباح الثلاثاء.

وعُثر على جثث الضحايا في الأحياء الواطئة المحاذية للوادي، وفق ما صرّح به الوالي منصف الحامدي، الذي
شدد على أن فرق البحث لن تتوقف قبل العثور على جميع المفقودين، وأن إخراج الأسر العالقة يتصدر أولويات
السلطات.

وتسببت المياه في نزوح قرابة 3000 عائلة، جرى توزيع جزء منها على 14 مركزاً للإيواء أقيمت على عجل
داخل مؤسسات تعليمية ودور للشباب.

وسجلت بعض محطات الرصد التابعة للهيئة الوطنية للموارد المائية ما يفوق 180 مليمتراً من الأمطار في
غضون نصف يوم تقريباً، وهي كميات استثنائية حملت الهيئة على مطالبة المواطنين بتجنب ضفاف الأودية والطرق
التي غمرتها المياه، لا سيما مع توقع هطول أمطار أخرى الخميس.

وتعيد هذه الكارثة إلى الأذهان فيضانات خريف 2018 التي ضربت الجهة ذاتها.
"""),
     "Reworded throughout, the governor's direct quote turned into reported speech, figures "
     "kept (3,000 in digits instead of words); one closing sentence of the rewriter's own "
     "context; cites «بحسب ما أوردته وكالة الأفق».",
     cites_source=True)

item("rewrite", "demo-005", "ar", "موقع السنبلة", "2025-02-19T14:05:00+03:00",
     "ثلاث جثث جديدة ترفع حصيلة فيضانات نابل إلى 15",
     body("""
انتشلت فرق الحماية المدنية صباح الأربعاء ثلاث جثث من أحد الأودية الواقعة شمال مدينة نابل، لترتفع
بذلك حصيلة قتلى الفيضانات التي اجتاحت الولاية يوم الثلاثاء إلى 15 شخصاً.

وتعمل الوحدات الميدانية منذ ساعات على سحب المياه المتراكمة في الأنفاق وعلى المحاور الرئيسية، فيما
بلغ عدد العائلات التي أُجبرت على ترك بيوتها ما يزيد على 3200 عائلة، وفق أرقام المديرية الجهوية.

وطمأن خالد الحامدي، المسؤول الأول عن الحماية المدنية في الجهة، السكانَ إلى أن الأمور باتت تحت
السيطرة، لكنه طالبهم بالبقاء في حالة يقظة، وبالحد من تنقلاتهم ومتابعة ما تصدره مصالح الرصد الجوي من
نشريات.

وكانت السلطات الجهوية قد قررت إيقاف الدراسة في جميع معتمديات نابل حتى الجمعة، بينما تتولى وزارة
التجهيز معاينة ما أصاب الجسور والطرقات من أضرار.

ولم تشهد المنطقة فيضانات بهذه الشدة منذ عام 2018.
"""),
     "Reworded sentence by sentence with the same order; the direct quote «الوضع تحت السيطرة "
     "لكن الحذر واجب» paraphrased; the full date «18 فيفري 2025» dropped; no credit.")

item("rewrite", "demo-010", "ar", "صحيفة الرصيف", "2025-03-11T12:00:00+03:00",
     "مباحثات أمنية عراقية أردنية في عمّان تركز على الحدود والمطلوبين",
     body("""
نقلاً عن موقع «الرافد نيوز»، يُنهي رئيس جهاز المخابرات العراقي ماجد الزبيدي اليوم الثلاثاء زيارته
إلى الأردن بلقاء مع مسؤولين في الجمارك الأردنية، ليعود بعدها إلى بغداد.

وهذه أول زيارة يقوم بها الزبيدي إلى عمّان منذ أن تسلم رئاسة الجهاز في بداية العام الجاري، وقد وصلها
يوم الأحد على رأس وفد أمني.

وبحسب الموقع، أوضح أحمد الشرمان، المتحدث باسم الحكومة الأردنية، أن الجانبين ناقشا أمن الحدود وملف
تسليم المطلوبين ومحاربة المخدرات، معرباً عن ارتياح عمّان لتقارب المواقف بين البلدين.

وتكشف أرقام وزارة الداخلية الأردنية حجم التحدي، إذ أحبطت الأجهزة الأمنية العام الماضي تهريب ما يزيد
على 25 مليون حبة مخدرة عبر حدود المملكة الشمالية والشرقية، قرابة 9 ملايين منها على الحدود العراقية.
"""),
     "Reordered (the last paragraph of the original leads), reworded, quotes paraphrased, "
     "names normalised (الزبيدى -> الزبيدي, احمد -> أحمد); cites «نقلاً عن موقع «الرافد نيوز»».",
     cites_source=True)

item("rewrite", "demo-011", "ar", "شبكة النخيل الإخبارية", "2025-04-14T15:20:00+03:00",
     "بغداد تحتضن توقيع مذكرة أمنية عراقية أردنية مدتها خمس سنوات",
     body("""
شهدت العاصمة العراقية الاثنين توقيع مذكرة تفاهم أمنية بين العراق والأردن، مثّل فيها ماجد الزبيدي،
رئيس جهاز المخابرات الوطني، الجانب العراقي، فيما وقعها عن الجانب الأردني وزير الداخلية فراس الحديدي.

وتغطي المذكرة، الممتدة خمس سنوات مع إمكانية تمديدها، مجالات عدة في مقدمتها تبادل المعلومات الأمنية
وحماية الحدود والتصدي لتهريب الأسلحة والمواد المخدرة. ومن أبرز ما تنص عليه إقامة غرفة عمليات موحدة،
وربط الأجهزة المختصة في البلدين بخط اتصال مباشر.

«هذه المذكرة ليست حبراً على ورق»، هكذا وصف الزبيدي الاتفاق خلال مؤتمر صحافي جمعه بنظيره الأردني،
مضيفاً: «لدينا جدول زمني واضح للتنفيذ، وأول اجتماع للجنة الفنية سيُعقد في عمّان خلال أيار المقبل».

أما الحديدي، الذي حط في بغداد يوم الأحد مع وفد من 11 مسؤولاً، فرأى أن الاتفاق سيساعد على سد المنافذ
التي ينفذ منها المهربون.

ويأتي التوقيع بعد قرابة خمسة أسابيع على زيارة أجراها الزبيدي إلى عمّان في آذار الماضي.
"""),
     "Restructured: the duration and the operations room move up, the link to the Amman "
     "visit moves to the end; al-Zubaidi's quote kept word for word but split around a new "
     "attribution, al-Hadidi's turned into reported speech; no credit.")

item("rewrite", "demo-013", "ar", "بوابة المنارة", "2025-04-16T15:00:00+03:00",
     "12 مليون دولار لغرفة العمليات.. تفاصيل جديدة عن المذكرة الأمنية العراقية الأردنية",
     body("""
رصدت حكومتا العراق والأردن 12 مليون دولار كموازنة أولى لتجهيز غرفة العمليات المشتركة التي نصت عليها
مذكرة التفاهم الأمنية الموقعة بين البلدين الاثنين الماضي، بحسب ما أوردت «الرافد نيوز» استناداً إلى
نسخة من الوثيقة.

وتنقسم بنود المذكرة إلى أربعة محاور، هي: التدريب المشترك، وتبادل المعلومات، ومكافحة الجريمة
المنظمة، والرقابة على المنافذ الحدودية.

ويرى الخبير في الشؤون الأمنية عمر الحديثي أن الأشهر الستة المقبلة ستكشف مدى جدية الطرفين، معتبراً
أن العبرة بسرعة انتقال المعلومة بين الأجهزة، لا بعدد اللقاءات التي تُعقد.

ومن المرتقب وصول وفد فني أردني إلى بغداد في بداية أيار لمناقشة خطوات التنفيذ، في حلقة جديدة من مسار
التقارب الأمني الذي دشنته زيارة ماجد الزبيدي إلى عمّان في آذار.
"""),
     "The budget figure is promoted to the lead, the four axes listed in another order, the "
     "expert's quote paraphrased, relative dates made absolute (أيار, آذار); cites «بحسب ما "
     "أوردت «الرافد نيوز»».",
     cites_source=True)

item("rewrite", "demo-014", "ar", "أنباء الساحل", "2025-03-12T15:30:00+03:00",
     "امتياز لـ25 عاماً.. «المرسى» تطور محطة حاويات جديدة في دمياط",
     body("""
حصلت شركة المرسى للخدمات اللوجستية على حق تطوير وإدارة محطة جديدة للحاويات في ميناء دمياط لمدة ربع
قرن، بموجب عقد أبرمته اليوم مع الهيئة العامة للموانئ البحرية، وتبلغ قيمة الاستثمارات المقررة فيه 450
مليون دولار.

وبحسب بنود العقد، يتعين على الشركة الوصول بقدرة المحطة إلى 1.8 مليون حاوية مكافئة في العام، ومن
المنتظر أن تستقبل أولى السفن في إطار تشغيل تجريبي خلال الأشهر الثلاثة الأخيرة من 2027.

ويعوّل رئيس الهيئة عصام البدري على المشروع في خلق قرابة 1500 وظيفة مباشرة، ويتوقع أن يدر على خزينة
الدولة ما يزيد على 2.5 مليار دولار على امتداد فترة الامتياز.

وتخطط الشركة، وفق رئيسها التنفيذي ماجد السعدي، لتشغيل المحطة بأنظمة مؤتمتة بالكامل في الشحن
والتفريغ، على أن تنطلق أعمال البناء في أبريل.

ويأتي المشروع ضمن خطة حكومية أوسع لزيادة قدرة الموانئ المصرية على استقبال سفن الحاويات العملاقة.
"""),
     "Company-first lead, voice changed (the company «obtained» the concession), «25 عاماً» "
     "as «ربع قرن», the CEO's quote paraphrased, one sentence of own context at the end; "
     "no credit.")

item("rewrite", "demo-017", "ar", "موقع الجسر 24", "2025-03-13T13:00:00+03:00",
     "خلاف على الأرقام: 450 أم 500 مليون دولار لمحطة دمياط؟",
     body("""
تضاربت الأرقام المعلنة بشأن حجم استثمارات شركة المرسى اللوجستية في ميناء دمياط؛ فبينما تحدثت الشركة
في بيانها عن صفقة تناهز نصف مليار دولار، يؤكد مصدر مسؤول في الهيئة العامة للموانئ البحرية أن العقد
لا يتجاوز 450 مليون دولار.

وعزا المصدر، الذي تحفظ على ذكر اسمه، هذا التباين إلى أن الشركة أدرجت على ما يبدو كلفة معدات إضافية
ما زالت محل تفاوض.

ووقعت المرسى الأربعاء عقد امتياز المحطة، وهو أول حضور لها في قطاع الموانئ بمصر، وتعتزم ضخ أموالها
على ثلاث دفعات تمتد من أبريل المقبل حتى أواخر 2028.

ويربط متابعون بين الصفقة وزيارة قام بها مستثمرون خليجيون للميناء الأسبوع الماضي برفقة الرئيس
التنفيذي ماجد السعدي، ويرون فيها مؤشراً على نية الشركة فتح المشروع أمام شركاء جدد. غير أن مختصين في
النقل البحري يحذرون من أن صعود أسعار الشحن عالمياً قد يؤخر التنفيذ.

المصدر: صحيفة المدار
"""),
     "The discrepancy (500 vs 450 million) becomes the angle and the lead; sentences merged "
     "and reworded, the anonymous source's quote paraphrased; ends «المصدر: صحيفة المدار».",
     cites_source=True)

item("rewrite", "demo-018", "ar", "موقع الأرز الإخباري", "2025-04-03T16:45:00+03:00",
     "850 ألف طفل على موعد مع اللقاح.. حملة وطنية ضد الحصبة وشلل الأطفال في لبنان",
     body("""
تنطلق يوم الاثنين المقبل حملة تلقيح وطنية في مختلف المناطق اللبنانية تمتد أسبوعين، وتسعى وزارة الصحة
العامة من خلالها إلى تحصين قرابة 850 ألف طفل لم يتجاوزوا الخامسة ضد مرضي الحصبة وشلل الأطفال.

وتعتمد الوزارة في تنفيذ الحملة على 1200 فريق يتنقل بين البلدات والأحياء، إلى جانب ما يزيد على 300
مركز للرعاية الأولية، وتحظى الحملة بمساندة منظمة الصحة العالمية واليونيسف.

وتحذر الوزارة من انخفاض معدلات التحصين في السنوات الماضية، إذ رأت المتحدثة باسمها نادين عساف أن كل
طفل لا يتلقى اللقاح يمثل نقطة ضعف في منظومة الحماية، معربة عن خشيتها من عودة أمراض كان لبنان قد تخلص
منها قبل عقود.

وقد سُجلت في البلاد 37 إصابة مؤكدة بالحصبة منذ كانون الثاني. وأوضحت عساف أن توقيت الحملة حُدد
عمداً بعد شهر رمضان وعطلة الفطر، حين تكون الأسر قد عادت إلى بيوتها.
"""),
     "Reworded without the dateline or subheadings; the three-sentence quote paraphrased; "
     "the exact date «7 أبريل/ نيسان 2025» and «1446هـ» dropped; عسّاف written without "
     "shadda; no credit.")

item("rewrite", "demo-020", "ar", "منصة الواحة", "2025-04-15T11:10:00+03:00",
     "تمديد حملة التلقيح في عكار وبعلبك الهرمل بعد تحصين 480 ألف طفل",
     body("""
مددت وزارة الصحة العامة اللبنانية حملة التلقيح ضد الحصبة وشلل الأطفال لثلاثة أيام في محافظتي عكار
وبعلبك الهرمل، بعدما تعذر على الفرق الصحية بلوغ عدد من القرى الجبلية في الموعد المحدد، لتُختتم
الحملة هناك في الثاني والعشرين من نيسان.

وبلغ عدد الأطفال الملقحين حتى الآن أكثر من 480 ألفاً، ما يعني أن الحملة تخطت منتصف الطريق نحو
هدفها، وفق أرقام نشرتها الوزارة الاثنين.

وقالت الناطقة باسم الوزارة نادين عساف إن العائلات الرافضة للقاح قلة لا تصل إلى 2 في المئة من المنازل
التي زارتها الفرق، نافية وجود أي حملات رفض منظمة.

وتطمح الوزارة إلى أن تتجاوز التغطية 90 في المئة عند انتهاء الحملة.

المصدر: صحيفة المدار
"""),
     "The extension becomes the lead, the headcount second; «22 أبريل/ نيسان» written out "
     "in words; the quote paraphrased; ends «المصدر: صحيفة المدار».",
     cites_source=True)

item("rewrite", "demo-021", "ar", "شبكة دجلة الإخبارية", "2025-05-19T11:30:00+03:00",
     "حريق في مستودع للوقود بالشعيبة.. ورواية عن هجوم بطائرة مسيّرة",
     body("""
اندلعت النيران فجر الاثنين في مستودع للوقود بمنطقة الشعيبة الواقعة إلى الغرب من البصرة، وسط روايات
تتحدث عن استهدافه بطائرة مسيّرة لم تُعرف الجهة التي تقف وراءها.

وبحسب مصدر في الأجهزة الأمنية، فإن الطائرة جاءت من ناحية الصحراء وطارت على علو منخفض كي لا تلتقطها
أجهزة الرصد، وقد أصابت خزانين على الأقل. وأضاف أن رجال الدفاع المدني أمضوا نحو أربع ساعات قبل أن
يتمكنوا من إخماد الحريق.

وقدّر موظف في الحكومة المحلية، لم يشأ ذكر اسمه، قيمة الأضرار الأولية بما يفوق ثلاثة ملايين دولار،
مبيناً أن التحقيق لا يزال في مراحله الأولى وأن كل الاحتمالات مطروحة.

وارتفعت سحب الدخان الأسود فوق المنطقة وشوهدت من مناطق متفرقة من البصرة، في حين التزمت قيادة العمليات
الصمت ولم تعلق على الحادث.
"""),
     "Fire-first lead instead of source-first, quotes paraphrased, «3 ملايين» as «ثلاثة "
     "ملايين»; the original outlet's name dropped; no credit.")

item("rewrite", "demo-022", "ar", "نشرة الرمال", "2025-05-20T13:00:00+03:00",
     "تماس كهربائي لا مسيّرة.. عمليات البصرة توضح أسباب حريق الشعيبة",
     body("""
أرجعت قيادة عمليات البصرة الحريق الذي شب في مستودع للوقود بمنطقة الشعيبة فجر الاثنين إلى عطل كهربائي
في مضخة تعبئة، مستبعدة بذلك فرضية الهجوم بطائرة مسيّرة التي تداولتها مواقع محلية، بحسب ما أوردت
وكالة الأفق.

وأكد العميد حيدر اللامي، الناطق باسم القيادة، أن "لجنة التحقيق الفنية لم تعثر على أي أثر لمقذوفات أو
حطام طائرة"، داعياً وسائل الإعلام إلى "تحري الدقة وعدم الانجرار وراء مصادر مجهولة".

وبيّن اللامي أن النيران طالت خزاناً واحداً فقط، وأن رجال الإطفاء سيطروا عليها في غضون أقل من ثلاث
ساعات، واصفاً الأضرار بأنها محدودة من دون أن يحدد حجمها.

وكانت تقارير صحافية قد تحدثت أمس عن احتراق خزانين على الأقل جراء الهجوم المزعوم.
"""),
     "Denial reworded from the cause's side («أرجعت ... إلى عطل كهربائي»), the spokesman's "
     "two quoted phrases kept verbatim inside new sentences, the rest paraphrased, same "
     "paragraph order; cites «بحسب ما أوردت وكالة الأفق».",
     cites_source=True)

item("rewrite", "demo-024", "ar", "صدى المدرجات", "2025-07-13T12:40:00+03:00",
     "بأربعة أشواط.. الشروق يهدي وهران اللقب العربي للكرة الطائرة",
     body("""
أحرز الشروق الوهراني كأس البطولة العربية للأندية في الكرة الطائرة، إثر تغلبه مساء السبت على ضيفه
الرافدين العراقي 3-1 في المباراة النهائية التي احتضنتها القاعة متعددة الرياضات في وهران.

وحسم أصحاب الأرض الشوط الأول 25-21، قبل أن يعادل الفريق العراقي بكسبه الثاني 25-23، ثم عاد الشروق
ليفرض سيطرته ويفوز بالشوطين الثالث والرابع بنتيجتي 25-19 و25-22، وسط مؤازرة قرابة ستة آلاف مشجع.

وقال المدرب مراد بن عيسى بعد صافرة النهاية: «هذا اللقب هدية لجمهور وهران الذي ساندنا طيلة البطولة».

وعلى الرغم من الهزيمة، خطف العراقي ياسين الزبيدي الأضواء بتسجيله 24 نقطة، ليتوج بلقب أفضل لاعب في
البطولة.

وبهذا الفوز تنهي الكرة الطائرة الجزائرية انتظاراً دام منذ 2019 للظفر باللقب العربي على مستوى الأندية.
"""),
     "Sports-desk rewrite: set scores narrated set by set (the second written from the "
     "winner's side, 25-23), «نحو 6 آلاف» as «قرابة ستة آلاف», the coach's quote kept "
     "verbatim, «12 جويلية 2025» dropped; no credit.")

item("rewrite", "demo-025", "ar", "أنباء الساحل", "2025-07-13T09:30:00+03:00",
     "ياسين الزبيدي بعد خسارة النهائي: سنعود أقوى",
     body("""
نقلاً عن وكالة الأفق، توعد نجم الرافدين العراقي ياسين الزبيدي بعودة فريقه بشكل أقوى في النسخة المقبلة
من البطولة العربية للأندية للكرة الطائرة، وذلك بعد خسارة الفريق المباراة النهائية مساء السبت أمام
الشروق الوهراني بثلاثة أشواط لواحد.

واعتبر الزبيدي، الذي اختير أفضل لاعب في المسابقة، أن فريقه وإن فرّط في اللقب فقد نال تقدير الجميع.

وكان الرافدين قد انتزع الشوط الثاني بعد أداء لافت، غير أن الفريق الجزائري صاحب الضيافة استعاد توازنه
وكسب الشوطين التاليين أمام مدرجات غصت بما يزيد على سبعة آلاف متفرج في وهران.

وتنافس في دورة هذا العام اثنا عشر نادياً تمثل ثماني دول عربية، فيما ستحتضن العاصمة الأردنية عمّان
البطولة في صيف 2026.
"""),
     "The player's statement becomes the angle and the lead; the quote paraphrased; «3-1» "
     "and «12 نادياً» written in words; cites «نقلاً عن وكالة الأفق».",
     cites_source=True)

item("rewrite", "demo-004", "ar", "صحيفة الرصيف", "2025-02-19T11:45:00+03:00",
     "أكثر من 400 منزل متضرر في نابل.. ومخاوف من أمطار الجمعة",
     body("""
تجاوز عدد المنازل المتضررة من السيول في مدينة نابل 400 منزل بحسب تقديرات أولية، سُوّيت عشرات منها
بالأرض، في حين لا يزال نحو 20 ألف مشترك محرومين من التيار الكهربائي.

وتقترب حصيلة القتلى من 14 شخصاً وفق مصادر طبية في المستشفى الجهوي، مع استمرار البحث عن مفقودَين
اثنين على الأقل.

وخلال ليلة الثلاثاء إلى الأربعاء، نفذت وحدات الحماية المدنية ما يفوق 200 تدخل لإنقاذ عائلات علقت في
الطوابق الأرضية لمساكنها، وفق مديرها الجهوي خالد الحامدي.

وتعهدت السلطات الجهوية على لسان الوالي بتحمل نفقات إيواء المنكوبين وتعويض التجار المتضررين، وتبدأ
لجنة فنية اليوم جرد الخسائر.

ويخشى الأهالي أن تعيد الأمطار المنتظرة يوم الجمعة سيناريو الثلاثاء، مؤكدين أن مجاري تصريف المياه
مهملة منذ سنوات. ويطالب نشطاء من المجتمع المدني منذ مدة بإعداد خطة وطنية للتوقي من الفيضانات في
المدن الساحلية.
"""),
     "Damage figures promoted to the lead, toll second; the governor left unnamed; the "
     "subheading dropped; one closing sentence of own context; no credit (the original was "
     "also rewritten in the demo by demo-006, which does cite it).")

# ---- machine-translation-style rewrites (Arabic -> English edition -> clumsy Arabic)

item("rewrite", "demo-011", "ar", "موقع الشرفة", "2025-04-14T17:20:00+03:00",
     "العراق والأردن يوقعان مذكرة تفاهم تعاون أمني في بغداد",
     body("""
بغداد، 14 أبريل — العراق والأردن يوم الاثنين وقعا مذكرة تفاهم حول التعاون الأمني في بغداد تغطي مشاركة
الاستخبارات، السيطرة على الحدود والقتال ضد تهريب المخدرات والأسلحة، حوالي خمسة أسابيع بعد أن رئيس
جهاز المخابرات الوطني العراقي زار عمان.

تم توقيع المذكرة عن العراق من قبل رئيس الجهاز، ماجد الزوبايدي، وعن الأردن من قبل وزير الداخلية فراس
الهاديدي، الذي وصل إلى بغداد يوم الأحد على رأس وفد من 11 عضوا.

"هذه المذكرة ليست فقط حبر على ورق. لدينا جدول زمني واضح للتنفيذ، وأول اجتماع للجنة التقنية سوف يعقد
في عمان في مايو"، قال الزوبايدي لمؤتمر صحفي مشترك.

قال الهاديدي أن الاتفاقية تنص على غرفة عمليات مشتركة وخط مباشر من الاتصال بين الوكالات ذات الصلة
للبلدين. سوف تجري لمدة خمس سنوات ويمكن تجديدها، قال.

الأردن يعول على المذكرة "لإغلاق الفجوات التي يستغلها المهربون على طول الحدود"، أضاف الهاديدي.
"""),
     "Machine-translation style: a literal Arabic rendering of an English edition of the "
     "original (the English translation in this set from Tigris Review), with calques "
     "(«مشاركة الاستخبارات», «سوف تجري لمدة»), verb-final attributions, English word order "
     "and altered names (الزوبايدي, الهاديدي, عمان without shadda). Kind is rewrite because "
     "both ends are Arabic; derived_from is the Arabic original.",
     mt_style=True)

item("rewrite", "demo-025", "ar", "موقع الشرفة", "2025-07-13T06:00:00+03:00",
     "الرافدين العراقي يخسر نهائي الكرة الطائرة العربي لصالح المضيفين شروق",
     body("""
وهران، الجزائر، 12 يوليو — الجانب العراقي الرافدين خسر نهائي بطولة الأندية العربية للكرة الطائرة 3-1
لصالح المضيفين شروق وهران ليلة السبت، أمام أكثر من 7,000 متفرج.

"خسرنا اللقب لكننا كسبنا احترام الجميع، وسوف نعود أقوى العام القادم"، ياسين الزوبيدي، الذي تم تسميته
أفضل لاعب في البطولة، قال لوكالة أنباء الأوفوق.

الرافدين لعب بقوة في المجموعة الثانية، والتي أخذوها، قبل أن الجانب المضيف استعاد السيطرة وفاز
بالمجموعتين الثالثة والرابعة.

اثنا عشر ناديا من ثمانية دول عربية شاركوا في نسخة هذا العام. البطولة القادمة سوف تقام في عمان في صيف
2026.
"""),
     "Machine-translation style: a literal Arabic rendering of an English edition of the "
     "original (the Maghreb Dispatch translation in this set), paragraphs reordered (the "
     "quote moved up), «set» calqued as «المجموعة», «7,000» with an English thousands "
     "separator, altered names (الزوبيدي, «الأوفوق» for الأفق, «شروق» without the article). "
     "Kind is rewrite because both ends are Arabic.",
     mt_style=True)

# =====================================================================================
# 3. TRANSLATIONS (14)
# ---- 3a. Arabic originals -> English (8)
# =====================================================================================

item("translation", "demo-001", "en", "Maghreb Dispatch", "2025-02-18T18:00:00+03:00",
     "Flash floods kill 12 in Tunisia's Nabeul, more missing",
     body("""
NABEUL, Tunisia — Twelve people were killed and others are missing after flash floods swept through
the city of Nabeul and nearby areas in northeastern Tunisia on Tuesday, following heavy rain that had
been falling since Monday evening.

Nabeul governor Moncef el-Hamdi said rescue teams had recovered 12 bodies from low-lying
neighbourhoods close to the riverbed, and that the search for the missing was continuing. "We are
working with all agencies around the clock, and the priority now is to evacuate trapped families," he
said.

Hamdi said the floods had forced around 3,000 families from their homes, and that the authorities had
opened 14 shelters in schools and youth centres.

The National Authority for Water Resources said in a statement that rainfall at some stations had
exceeded 180 millimetres in less than 12 hours. It urged residents to keep away from riverbeds and
not to cross flooded roads, warning of more rain expected on Thursday.
"""),
     "Full English translation, same order, no credit to the agency; the name as «Moncef "
     "el-Hamdi» / «Hamdi».")

item("translation", "demo-005", "en", "North Africa Brief", "2025-02-19T15:30:00+03:00",
     "Nabeul flood death toll rises to 15 as three more bodies found",
     body("""
The death toll from Tuesday's floods in Tunisia's Nabeul governorate has risen to 15 after three more
bodies were found on Wednesday morning in a riverbed north of the city, the regional civil protection
department said, according to the daily Al-Sabah Al-Maghribi.

More than 3,200 families have had to leave their homes, regional civil protection director Khaled Al
Hamdi said, adding that units were still pumping water out of underpasses and main roads.

"The situation is under control, but caution is necessary," Al Hamdi said, urging people to follow
special weather bulletins and avoid unnecessary travel.

The governor of Nabeul announced on Tuesday evening that classes would be suspended across all
districts of the governorate until Friday, February 21, while the Ministry of Equipment continues to
assess damage to roads and bridges.

The floods are the most severe the region has seen since 2018.
"""),
     "Full English translation in the original order; the Maghrebi date «18 فيفري 2025» "
     "rendered as «Tuesday»; the name as «Khaled Al Hamdi»; credits the source paper.",
     cites_source=True)

item("translation", "demo-010", "en", "Crescent Wire", "2025-03-11T11:40:00+03:00",
     "Iraqi security delegation wraps up talks in Jordan",
     body("""
AMMAN, March 11 (Crescent Wire) - A senior Iraqi security delegation led by intelligence chief Majed
al-Zubaidy was continuing its meetings in the Jordanian capital on Tuesday, two days after arriving on
the first such visit since Zubaidy took office at the start of the year.

Jordanian government spokesman Ahmed Sharman said the talks had "covered border issues, the handover
of wanted persons and the fight against drugs", adding that the two sides had found "a large
convergence of views".

According to an Interior Ministry statement, Jordanian security forces seized more than 25 million
narcotic pills on the kingdom's northern and eastern borders last year, including nearly 9 million on
the border with Iraq.

Zubaidy is due to meet customs officials on Tuesday before returning to Baghdad.
"""),
     "Wire-style English translation with the outlet's own dateline; «أول أمس الأحد» "
     "rendered as «two days after arriving»; names as «Majed al-Zubaidy», «Ahmed Sharman»; "
     "no credit.")

item("translation", "demo-011", "en", "Tigris Review", "2025-04-14T15:00:00+03:00",
     "Iraq and Jordan sign security cooperation memorandum in Baghdad",
     body("""
BAGHDAD, April 14 — Iraq and Jordan on Monday signed a memorandum of understanding on security
cooperation in Baghdad covering intelligence sharing, border control and the fight against drug and
weapons smuggling, about five weeks after the head of Iraq's National Intelligence Service visited
Amman.

The memorandum was signed for Iraq by the service's chief, Majid Al-Zubaidi, and for Jordan by
Interior Minister Firas Al-Hadidi, who arrived in Baghdad on Sunday at the head of an 11-member
delegation.

"This memorandum is not just ink on paper. We have a clear timetable for implementation, and the
first meeting of the technical committee will be held in Amman in May," Zubaidi told a joint news
conference.

Hadidi said the agreement provides for a joint operations room and a direct line of communication
between the relevant agencies of the two countries. It will run for five years and can be renewed, he
said.

Jordan is counting on the memorandum "to close the gaps that smugglers exploit along the border,"
Hadidi added.
"""),
     "Full English translation, same order; names as «Majid Al-Zubaidi», «Firas Al-Hadidi». "
     "The MT-style Arabic item from موقع الشرفة on the same day is a literal rendering of "
     "this English text.")

item("translation", "demo-017", "en", "Harbour Post Daily", "2025-03-13T12:15:00+03:00",
     "Al-Marsa enters Damietta with 'half-billion-dollar' deal, but doubts over timing",
     body("""
Al-Marsa Logistics has formally entered Egypt's ports market after signing a concession agreement on
Wednesday to develop a container terminal at Damietta port, a deal the company put at about $500
million in a statement.

The company said it would invest in three phases, the first starting in April and the last to be
completed before the end of 2028.

However, a source at the General Authority for Maritime Ports, who declined to be named, told the
Al-Madar newspaper that the signed contract specifies only $450 million, and that the difference "is
most likely due to the inclusion of the costs of additional equipment that has not yet been agreed".

Al-Marsa's chief executive, Maged El-Saadi, last week led a group of Gulf investors on a tour of the
port, a move observers read as a sign the company wants to bring new partners into the project.

Maritime transport experts have voiced concern that implementation could be delayed amid rising
global shipping costs.
"""),
     "Full English translation in the original order; the source outlet kept in «told the "
     "Al-Madar newspaper»; the CEO spelled the Egyptian way, «Maged El-Saadi».",
     cites_source=True)

item("translation", "demo-018", "en", "Cedar Bulletin", "2025-04-03T14:30:00+03:00",
     "Lebanon to launch national measles and polio vaccination campaign on Monday",
     body("""
BEIRUT (Al-Ofoq) — Lebanon's Ministry of Public Health has announced a national vaccination campaign
against measles and polio that will start on Monday, April 7, 2025, run for two weeks and target
around 850,000 children under the age of five.

Mobile teams and fixed centres

The ministry said in a statement that the campaign would be carried out by 1,200 mobile teams as well
as more than 300 primary health care centres, with support from the World Health Organization and the
United Nations Children's Fund (UNICEF).

"Coverage rates have fallen to worrying levels in recent years. We do not want to see the return of
diseases we got rid of decades ago. Every child who misses the vaccine is a gap in the wall of
protection," ministry spokeswoman Dr. Nadine Assaf said.

A date after Eid

Assaf said the ministry had chosen to hold the campaign after the end of Ramadan and the Eid al-Fitr
holiday "to make sure families are at home", adding that Lebanon had recorded 37 confirmed measles
cases since the start of the year.
"""),
     "Full English translation keeping the agency dateline and both subheadings; the "
     "Hijri year dropped.",
     cites_source=True)

item("translation", "demo-022", "en", "Tigris Review", "2025-05-20T13:30:00+03:00",
     "Basra command denies drone strike on Shuaiba fuel depot",
     body("""
BASRA, Iraq — The spokesman for Basra Operations Command, Brigadier General Haidar al-Lami, on Tuesday
denied reports that a fuel depot in the Shuaiba area had been hit by a drone, saying the fire that
broke out before dawn on Monday was caused by "an electrical short circuit in one of the filling
pumps".

"The technical investigation committee found no trace of projectiles or drone wreckage," Lami said in
a statement, urging the media "to be accurate and not to be drawn in by unknown sources".

The statement said the fire was confined to a single tank and that the damage was "limited", without
giving an estimate of its value. Civil defence teams put out the flames in less than three hours, it
added.

Local websites had reported on Monday, citing a security source, that an unidentified drone had
struck the depot and set at least two tanks ablaze.
"""),
     "Full English translation in the original order; the agency dateline replaced by a "
     "plain one; no credit.")

item("translation", "demo-025", "en", "Maghreb Dispatch", "2025-07-13T02:30:00+03:00",
     "Iraq's Al-Rafidain lose Arab volleyball final to hosts Chourouk",
     body("""
ORAN, Algeria, July 12 — Iraqi side Al-Rafidain lost the final of the Arab Club Volleyball
Championship 3-1 to hosts Chourouk of Oran on Saturday night, in front of more than 7,000 spectators.

Al-Rafidain played strongly in the second set, which they took, before the home side regained control
and won the third and fourth sets.

"We lost the title but we earned everyone's respect, and we will come back stronger next year,"
Yassin Al-Zubaidi, named the tournament's best player, told Al-Ofoq news agency.

Twelve clubs from eight Arab countries took part in this year's edition. The next championship will
be held in Amman in the summer of 2026.
"""),
     "Full English translation 80 minutes after the original; the player as «Yassin "
     "Al-Zubaidi»; keeps «told Al-Ofoq news agency». The MT-style Arabic item from موقع "
     "الشرفة is a literal rendering of this text.",
     cites_source=True)

# ---- 3b. English originals -> Arabic (6; demo-003 and demo-019 twice)

item("translation", "demo-003", "ar", "موقع السنبلة", "2025-02-18T23:30:00+03:00",
     "مقتل 15 شخصاً على الأقل في سيول نابل التونسية ونزوح الآلاف",
     body("""
لقي ما لا يقل عن 15 شخصاً حتفهم جراء سيول جارفة اجتاحت مدينة نابل الساحلية التونسية يوم الثلاثاء،
وفق ما أفاد به مسؤولون محليون، بعد أن عجزت قنوات التصريف عن استيعاب الأمطار الغزيرة التي هطلت طوال
الليل.

وقال والي نابل منصف حمدي لموقع «ليفانت مونيتور» إن فرق الإنقاذ ما زالت تبحث في الأقبية التي غمرتها
المياه، مضيفاً أن «عدد القتلى قد يرتفع مع انحسار المياه». وأشار إلى نقل نحو 3 آلاف عائلة إلى مراكز
إيواء مؤقتة.

وسجلت الهيئة الوطنية للموارد المائية أكثر من 180 مليمتراً من الأمطار في عدة محطات، ووصفت في بيان هذه
التساقطات بأنها «استثنائية بالنسبة لشهر فبراير»، داعية السكان إلى الابتعاد عن مجاري الأودية.

وروى سكان الأحياء الشرقية المنخفضة في المدينة كيف ارتفع منسوب المياه حتى بلغ صدورهم في غضون دقائق.
وقال لطفي، وهو صاحب متجر يبلغ من العمر 52 عاماً ولم يذكر سوى اسمه الأول: «خسرنا كل شيء في الطابق
الأرضي».

رجل يخوض في شارع غمرته المياه في نابل، 18 فبراير/ شباط 2025 (رويترز)
"""),
     "Fluent, complete Arabic translation in the original order, photo caption included; "
     "the governor as «منصف حمدي» (from the English «Moncef Hamdi»); keeps «told Levant "
     "Monitor».",
     cites_source=True)

item("translation", "demo-003", "ar", "بوابة الوطن القبلي", "2025-02-19T07:30:00+03:00",
     "15 ضحية في فيضانات نابل وإيواء 3000 عائلة",
     body("""
أودت السيول التي شهدتها مدينة نابل ليلة الإثنين إلى الثلاثاء بحياة 15 شخصاً على الأقل، حسب مسؤولين
جهويين، فيما تم إيواء حوالي 3000 عائلة في مراكز مؤقتة.

وأكد والي الجهة منصف الحمدي أن عمليات البحث متواصلة داخل الأقبية المغمورة، محذراً من أن الحصيلة
"مرشحة للارتفاع كلما انحسرت المياه".

من جانبها، أفادت الهيئة الوطنية للموارد المائية بتسجيل كميات أمطار فاقت 180 مم في عدد من محطات
القيس، معتبرة أنها "استثنائية في شهر فيفري"، ودعت المواطنين إلى عدم الاقتراب من مجاري الأودية.

وفي الأحياء الشرقية المنخفضة، ارتفعت المياه إلى مستوى الصدر في دقائق معدودة، وفق شهادات الأهالي.
ويقول لطفي (52 عاماً)، وهو تاجر: "فقدنا كل ما كان في الطابق الأرضي".
"""),
     "A second, freer Arabic translation of the same English original in a Tunisian "
     "outlet's style (فيفري, محطات القيس, «مم»): condensed, the shelter figure moved into the "
     "lead, the caption and the «told Levant Monitor» credit dropped; the governor as «منصف "
     "الحمدي».")

item("translation", "demo-008", "ar", "صحيفة القنطرة", "2025-03-10T22:30:00+03:00",
     "الزبيدي في عمّان لبحث أمن الحدود مع وزير الداخلية الأردني",
     body("""
أجرى رئيس جهاز المخابرات الوطني العراقي ماجد الزبيدي، الاثنين، محادثات في عمّان مع وزير الداخلية
الأردني فراس الحديدي تناولت ضبط الحدود ومكافحة تهريب المخدرات، وفق ما أفاد به مسؤولون من البلدين
لموقع «ليفانت مونيتور».

ووصل الزبيدي إلى العاصمة الأردنية مساء الأحد برفقة وفد يضم ثمانية من كبار الضباط. وذكر بيان لوزارة
الداخلية الأردنية أن الجانبين اتفقا على تشكيل لجنة فنية مشتركة.

وقال الحديدي للصحافيين عقب الاجتماع: «باتت حدودنا مع العراق من أكثر الحدود خضوعاً للرقابة في
المنطقة، لكن المهربين يغيّرون أساليبهم بسرعة، وعلينا أن نفعل الشيء نفسه».

وأوضح مسؤول أمني أردني، طلب عدم نشر اسمه لأنه غير مخوّل بالحديث إلى وسائل الإعلام، أن مشروع المذكرة
قيد البحث سيتيح للبلدين تبادل المعلومات الاستخبارية عن شبكات التهريب لحظة بلحظة.

ومن المتوقع توقيع المذكرة في بغداد الشهر المقبل.
"""),
     "Fluent Arabic translation of the English original (the demo's demo-009 is a clumsy "
     "one of the same text): names in their usual Arabic spelling, the two-part quote "
     "joined, «INIS» dropped; credits Levant Monitor.",
     cites_source=True)

item("translation", "demo-012", "ar", "بوابة الخبر السريع", "2025-04-14T19:00:00+03:00",
     "العراق، الأردن يوقعان ميثاق أمني لخمس سنوات في بغداد",
     body("""
وقع العراق والأردن مذكرة أمنية لخمس سنوات في بغداد يوم الاثنين، خمسة أسابيع بعد أن رئيس المخابرات
العراقية ماجد آل زبيدي سافر إلى عمان لتحضير الصفقة.

آل زبيدي ووزير الداخلية الأردني فراس آل-هديدي وقعا الوثيقة في مقر جهاز المخابرات الوطني العراقي.
الاتفاقية تنشئ غرفة عمليات مشتركة وخط ساخن مباشر بين وكالات الأمن للبلدين.

المتحدث باسم حكومة الأردن أحمد آل-شرمان قال إن المذكرة سوف تتم مراجعتها كل سنة من قبل لوحة مشتركة.

"هذه المذكرة ليست حبر على ورق"، قال آل زبيدي لمؤتمر أخبار مشترك، مضيفا أن لجنة تقنية سوف تعقد
اجتماعها الأول في عمان في مايو.

محللون إقليميون قالوا أنها يمكن أيضا أن تخفف حركة المرور عند معبر طريبيل-كرامة الحدودي، حيث الشاحنات
واجهت تأخيرات طويلة منذ السنة الماضية.
"""),
     "Machine-translation style Arabic of the English original: «Al Zubaidi» rendered «آل "
     "زبيدي», «Al-Hadidi» «آل-هديدي»; calques («مؤتمر أخبار», «لوحة مشتركة» for panel, «ميثاق "
     "أمني» with a case error in the title); the spokesman's sentence moved before the quote.",
     mt_style=True)

item("translation", "demo-019", "ar", "موقع الأرز الإخباري", "2025-04-07T18:00:00+03:00",
     "لبنان يبدأ حملة تلقيح لأسبوعين ضد الحصبة وشلل الأطفال",
     body("""
بدأ لبنان، الاثنين، حملة وطنية للتلقيح ضد الحصبة وشلل الأطفال، يسعى من خلالها إلى الوصول إلى نحو
850 ألف طفل دون الخامسة من العمر بحلول 19 نيسان/ أبريل.

وقالت المتحدثة باسم وزارة الصحة الدكتورة نادين عساف إن معدلات التغطية باللقاحات تراجعت بشكل حاد في
السنوات الأخيرة، مشيرة إلى أن الوزارة سجلت 37 إصابة مؤكدة بالحصبة منذ كانون الثاني/ يناير.

ويشارك في الحملة نحو 1200 فريق جوال بدعم من منظمة الصحة العالمية ومنظمة اليونيسف. وقال مسؤول في
منظمة الصحة العالمية في بيروت، طلب عدم الكشف عن اسمه، إن التمويل المتوفر يغطي «نحو ثلثي» الكلفة
المقدرة للحملة.

وقال حسن، وهو ممرض في مدينة صيدا الجنوبية: «نرى العائلات تصطف في الطوابير حتى قبل أن تفتح المراكز
أبوابها».
"""),
     "Fluent, complete Arabic translation in the original order, Levantine paired month "
     "names (نيسان/ أبريل); no credit.")

item("translation", "demo-019", "ar", "بوابة الخبر السريع", "2025-04-08T09:00:00+03:00",
     "لبنان يطلق حملة تطعيم الحصبة وشلل الأطفال لمدة أسبوعين",
     body("""
بدأ لبنان حملة تطعيم على الصعيد الوطني ضد الحصبة وشلل الأطفال يوم الاثنين، تهدف للوصول إلى بعض
850,000 طفل تحت سن الخامسة بحلول 19 أبريل.

"نحن نرى العائلات تقف في الطابور قبل أن المراكز حتى تفتح"، قال حسان، ممرضة في المدينة الجنوبية
صيدون.

المتحدثة باسم وزارة الصحة د. نادين أساف قالت إن معدلات التغطية قد سقطت بحدة في السنوات الأخيرة.
الوزارة قد سجلت 37 حالة حصبة مؤكدة منذ يناير، قالت هي.

حوالي 1,200 فريق متنقل يأخذون جزءا، مدعومين من قبل منظمة الصحة العالمية (WHO) واليونيسف. مسؤول منظمة
الصحة العالمية في بيروت، الذي طلب عدم أن يسمى، قال إن التمويل للحملة غطى "تقريبا ثلثين" من التكلفة
المقدرة.
"""),
     "Machine-translation style Arabic of the same English original: «some 850,000» "
     "calqued as «بعض 850,000», «taking part» as «يأخذون جزءا», English thousands "
     "separators, gender errors, odd transliterations (أساف, حسان, صيدون for Sidon); the "
     "nurse's quote moved up to the second paragraph.",
     mt_style=True)

# =====================================================================================
# 4. HARD NEGATIVES (20): independent of any demo article
# ---- 4a. independent reports of the same events (14; 5 in English; 8 share a quote)
# =====================================================================================

item("none", "demo-001", "ar", "إذاعة الموج", "2025-02-18T18:45:00+03:00",
     "الجيش يتدخل لإجلاء العالقين في نابل.. والوالي: الأولوية لإجلاء العائلات",
     body("""
دفعت السلطات التونسية بوحدات من الجيش الوطني إلى مدينة نابل بعد ظهر الثلاثاء للمساعدة في إجلاء السكان
العالقين فوق أسطح منازلهم، في وقت ما زالت فيه الأمطار تتهاطل على الوطن القبلي لليوم الثاني على
التوالي.

وبث ناشطون على مواقع التواصل الاجتماعي مقاطع مصورة تظهر سيارات جرفتها المياه في وسط المدينة، وجسراً
صغيراً انهار على طريق الحمامات.

وفي تصريح لإذاعة الموج، قال الوالي منصف الحامدي: «نعمل مع كل الأجهزة على مدار الساعة، والأولوية الآن
لإجلاء العائلات المحاصرة»، مضيفاً أن عدد الضحايا «مرشح للأسف للارتفاع».

وكانت حصيلة رسمية أولية قد أشارت إلى سقوط 12 قتيلاً. وقررت وزارة الصحة رفع درجة التأهب في المستشفى
الجهوي بنابل واستدعاء الأطباء من عطلهم، بينما أعلنت شركة السكك الحديدية تعليق الرحلات بين نابل وتونس
العاصمة إلى إشعار آخر.

وفي أحياء المدينة المنخفضة، قضى مئات السكان ليلتهم في المساجد والمدارس القريبة. ويقول محمد، وهو معلم
متقاعد: «لم أرَ في حياتي مياهاً بهذه السرعة، غمرت الشارع في ربع ساعة».
"""),
     "Independent report (army deployment, rail suspension, a resident): shares one quote "
     "of the governor with demo-001 (given to this outlet directly) and the figure of 12 "
     "dead, nothing else.")

item("none", "demo-003", "en", "North Africa Brief", "2025-02-19T08:30:00+03:00",
     "Tunisia counts cost of Nabeul floods as rescuers search basements",
     body("""
Rescue workers in the Tunisian city of Nabeul spent Tuesday night pumping water out of basements and
underground car parks as the country began to count the cost of its worst floods in years.

By Wednesday morning, officials had confirmed at least 14 deaths, though figures varied between
agencies. Governor Moncef al-Hamdi warned on Tuesday that "the death toll could rise as the water
recedes."

The storm dumped more than 180 mm of rain on parts of the Cap Bon peninsula in a matter of hours.
Roads to the resort town of Hammamet were cut, and trains between Nabeul and Tunis were suspended.

About 3,000 families were moved into schools and youth centres. Local charities distributed blankets
and hot meals, and bakers in the old town handed out bread for free.

Forecasters have warned of further rain later in the week, and the civil protection service has asked
residents to avoid crossing flooded roads.
"""),
     "Independent English report: shares the governor's quote and the 180 mm / 3,000 "
     "families figures with demo-003 but not its structure or any other sentence.")

item("none", "demo-005", "ar", "صحيفة الرصيف", "2025-02-19T16:00:00+03:00",
     "بعد الفيضانات.. مزارعو نابل يحصون خسائر بساتين القوارص",
     body("""
لم تقتصر خسائر فيضانات نابل على الأرواح والمساكن، إذ يقول فلاحون في معتمديتي بني خيار وقربة إن المياه
اقتلعت أشجار القوارص وأتلفت البيوت المكيفة قبل أسابيع قليلة من موسم الجني.

وبلغ عدد الوفيات حسب آخر حصيلة للحماية المدنية 15 حالة، بعد انتشال ثلاث جثث جديدة صباح الأربعاء، في
حين تجاوز عدد العائلات التي غادرت مساكنها 3200 عائلة.

وقال رئيس الاتحاد الجهوي للفلاحة بنابل نور الدين القاسمي إن التقديرات الأولية تشير إلى تضرر أكثر من
1500 هكتار من الأراضي الزراعية، مطالباً الدولة بإعلان المنطقة «منطقة منكوبة» وتمكين الفلاحين من
تعويضات عاجلة.

وتواصل فرق وزارة التجهيز معاينة الطرقات والجسور، خاصة على الطريق الرابطة بين نابل وقليبية، حيث انهار
جزء من حافة الطريق. وستبقى المؤسسات التربوية في الولاية مغلقة إلى غاية الجمعة 21 فيفري بقرار من
الوالي.

ويذكّر ما حدث هذا الأسبوع بفيضانات 2018، التي خلّفت بدورها خسائر كبيرة في الجهة.
"""),
     "Independent report with a farming angle: the same toll (15, three bodies, 3200 "
     "families), the school closure to 21 فيفري and the 2018 comparison as demo-005, but "
     "its own sentences, order and details; no shared quote.")

item("none", "demo-010", "ar", "شبكة النخيل الإخبارية", "2025-03-11T14:00:00+03:00",
     "الشرمان: تطابق في وجهات النظر مع الوفد الأمني العراقي",
     body("""
قال الناطق الرسمي باسم الحكومة الأردنية أحمد الشرمان إن المباحثات التي أجراها الوفد الأمني العراقي في
عمّان "تناولت ملفات الحدود وتبادل المطلوبين ومكافحة المخدرات"، مؤكداً خلال الإيجاز الصحافي الأسبوعي
للحكومة الثلاثاء أن عمّان وبغداد "تتحدثان لغة واحدة" في الملفات الأمنية.

ورداً على سؤال بشأن معبر طريبيل - الكرامة، أوضح الشرمان أن حركة الشاحنات عبر المعبر "لن تتأثر"
بالإجراءات الأمنية الجديدة، وأن الحكومة تدرس تمديد ساعات العمل فيه.

ويقود الوفد العراقي رئيس جهاز المخابرات الوطني ماجد الزبيدي، الذي التقى خلال اليومين الماضيين وزير
الداخلية فراس الحديدي وعدداً من قادة الأجهزة الأمنية.

وتقول مصادر برلمانية أردنية إن ملف المخدرات يتصدر جدول أعمال الزيارة، في ظل تزايد محاولات التهريب عبر
الحدود الشرقية خلال الأشهر الأخيرة، مشيرة إلى أن لجنة الشؤون الخارجية في مجلس النواب ستستضيف وزير
الداخلية الأسبوع المقبل للاستماع إلى نتائج المباحثات.
"""),
     "Independent report from the government's weekly briefing: shares the spokesman's "
     "quote «تناولت ملفات الحدود وتبادل المطلوبين ومكافحة المخدرات» with demo-010; "
     "otherwise new material (the crossing, parliament).")

item("none", "demo-008", "en", "Gulf Ledger", "2025-03-10T20:00:00+03:00",
     "Jordan, Iraq agree joint committee as intelligence chief visits Amman",
     body("""
Jordan and Iraq agreed on Monday to form a joint technical committee on border security, as Iraqi
intelligence chief Majid al-Zubaidi began a three-day visit to the Jordanian capital.

Interior Minister Firas al-Hadidi, who hosted the talks, described cooperation between the two
countries' security services as stronger than ever. "Our border with Iraq is now one of the
best-monitored in the region," he said. "But smugglers adapt quickly, and so must we."

Jordan has stepped up patrols along its eastern desert frontier over the past year, and the army says
it has intercepted drones carrying drugs on several occasions. Officials in Amman say a large share of
the pills seized on the border are bound for Gulf markets.

Zubaidi, who took over Iraq's National Intelligence Service at the start of the year, is also expected
to meet customs officials before returning to Baghdad. A security memorandum between the two countries
is being drafted and could be signed within weeks.
"""),
     "Independent English report published an hour BEFORE demo-008: shares Hadidi's two-part "
     "quote verbatim (said at the press appearance) and the committee; different structure "
     "and background.")

item("none", "demo-011", "ar", "موقع السنبلة", "2025-04-14T16:00:00+03:00",
     "الزبيدي: مذكرة الحدود مع الأردن «ليست حبراً على ورق»",
     body("""
في قاعة مؤتمرات مزدحمة بمقر جهاز المخابرات الوطني في بغداد، وقف رئيس الجهاز ماجد الزبيدي إلى جانب
وزير الداخلية الأردني فراس الحديدي بعد ظهر الاثنين ليعلنا توقيع أول مذكرة تفاهم أمنية شاملة بين
البلدين منذ سنوات.

وقال الزبيدي: «هذه المذكرة ليست حبراً على ورق. لدينا جدول زمني واضح للتنفيذ»، في رد على تساؤلات
صحافيين عن مصير اتفاقات سابقة لم تدخل حيز التطبيق.

وحضر مراسم التوقيع عدد من النواب وممثلون عن وزارتي الخارجية في البلدين، فيما غاب عنها وزير الداخلية
العراقي لارتباطه بزيارة إلى محافظة الأنبار.

وتضمنت المذكرة، بحسب ما أُعلن في المؤتمر، إنشاء غرفة عمليات مشتركة، فيما قال الحديدي إنها ستبقى سارية
خمس سنوات قبل أن تخضع للتجديد.

ويرى مراقبون أن توقيع المذكرة في بغداد، بعد زيارة الزبيدي إلى عمّان في آذار، يعكس رغبة الجانبين في
إظهار التوازن بين العاصمتين.
"""),
     "Independent scene-led report of the signing: shares the first two sentences of "
     "al-Zubaidi's quote with demo-011, and the operations room / five years; everything "
     "else is its own.")

item("none", "demo-012", "en", "Crescent Wire", "2025-04-14T18:45:00+03:00",
     "Baghdad and Amman seal border pact, eye shorter queues at Trebil crossing",
     body("""
BAGHDAD, April 14 (Crescent Wire) - Iraq and Jordan put pen to paper on Monday on a security agreement
that officials on both sides hope will tighten control of their shared desert border while easing long
queues of lorries at the main crossing point.

The memorandum, signed in Baghdad by Iraqi intelligence chief Majid al-Zubaidi and Jordanian Interior
Minister Firas al-Hadidi, will run for five years. Its centrepiece is a joint operations room, which
diplomats said would be staffed by officers from both countries around the clock.

Truck drivers waiting at Trebil on Monday told Crescent Wire they had spent up to four days in line
during peak periods this winter. An Iraqi customs official said new electronic pre-clearance
procedures agreed alongside the memorandum could cut waiting times by half.

The agreement follows Zubaidi's visit to Amman in March, when the two sides began drafting the text. A
technical committee is scheduled to meet for the first time in May.
"""),
     "Independent English report with a trade angle: same facts as demo-012 (five years, "
     "operations room, Trebil, May meeting), no shared quote or sentence.")

item("none", "demo-014", "ar", "صحيفة القنطرة", "2025-03-12T16:00:00+03:00",
     "السعدي: محطة دمياط الجديدة «ستعتمد على الأتمتة الكاملة»",
     body("""
قال الرئيس التنفيذي لشركة المرسى للخدمات اللوجستية ماجد السعدي إن المحطة التي ستطورها الشركة في ميناء
دمياط "ستعتمد على الأتمتة الكاملة في عمليات الشحن والتفريغ"، موضحاً أن الرافعات الجديدة ستُدار عن
بعد من مركز تحكم داخل الميناء.

جاء ذلك على هامش حفل توقيع الاتفاقية مع الهيئة العامة للموانئ البحرية الذي أقيم في القاهرة صباح
الأربعاء، بحضور عدد من المسؤولين وممثلي شركات الشحن.

وأضاف السعدي أن الشركة تتفاوض حالياً مع ثلاثة خطوط ملاحية كبرى لتوقيع عقود استخدام طويلة الأمد
للمحطة قبل افتتاحها، مشيراً إلى أن نسبة المكون المحلي في أعمال الإنشاء لن تقل عن 60 في المئة.

وتبلغ قيمة الاستثمارات في المشروع 450 مليون دولار، وتصل الطاقة المستهدفة للمحطة إلى 1.8 مليون حاوية
مكافئة سنوياً، وفق ما أُعلن خلال الحفل.

ويرى خبراء في قطاع النقل أن المشروع قد يعزز قدرة دمياط على منافسة موانئ شرق المتوسط في تجارة
الترانزيت.
"""),
     "Independent interview-style report from the signing ceremony: shares al-Saadi's "
     "quote «ستعتمد على الأتمتة الكاملة في عمليات الشحن والتفريغ» and the 450 million / "
     "1.8 million figures with demo-014.")

item("none", "demo-017", "en", "Harbour Post Daily", "2025-03-13T15:00:00+03:00",
     "Al-Marsa's Damietta terminal deal: what we know",
     body("""
Egyptian logistics group Al-Marsa signed on Wednesday a 25-year concession to build and run a new
container terminal at Damietta, on the Mediterranean coast. Here is what we know about the deal.

How much is it worth? The ports authority puts the investment at $450 million. Al-Marsa's own
announcement spoke of around half a billion dollars, a gap that neither side has fully explained.

How big will it be? The terminal is designed to handle 1.8 million twenty-foot equivalent units a year
once fully operational. Trial operations are planned for late 2027.

Who is behind it? Al-Marsa is led by chief executive Majed al-Saadi. Bankers in Cairo say the company
has been courting Gulf investors to share the cost, and a group of them toured the port last week.

What are the risks? Shipping analysts point to rising freight rates and delays in the delivery of
cranes and other heavy equipment, which have held up similar projects in the region.
"""),
     "Independent English explainer in question-and-answer form covering the facts of "
     "demo-017 (and demo-014), including the 450 vs 500 million gap; no shared quote. The "
     "same outlet's translation of demo-017 is in the set as a positive.")

item("none", "demo-018", "ar", "موقع الأرز الإخباري", "2025-04-04T10:00:00+03:00",
     "وزارة الصحة تدعو الأهالي إلى فتح أبوابهم أمام فرق التلقيح",
     body("""
دعت وزارة الصحة العامة الأهالي في مختلف المناطق اللبنانية إلى التعاون مع الفرق الصحية التي ستجول على
المنازل اعتباراً من الاثنين المقبل، في إطار الحملة الوطنية للتلقيح ضد الحصبة وشلل الأطفال.

وخلال لقاء مع عدد من رؤساء البلديات في بعبدا، أوضحت المتحدثة باسم الوزارة نادين عساف أن اللقاح مجاني
بالكامل ولا يحتاج إلى موعد مسبق، قائلة: «كل طفل يفوته اللقاح يشكل ثغرة في جدار الحماية».

وتشمل الحملة الأطفال دون الخامسة، وعددهم نحو 850 ألف طفل، من اللبنانيين وغير اللبنانيين على حد سواء،
بحسب عساف، التي أشارت إلى أن الفرق ستحمل بطاقات تعريف صادرة عن الوزارة لتفادي أي عمليات احتيال.

وفي طرابلس، بدأت جمعيات أهلية توزيع منشورات توعوية في الأسواق والمدارس، بينما خصصت بلديات في الجنوب
سيارات لنقل الممرضين إلى القرى البعيدة.

ويأتي ذلك بعد تسجيل عشرات الإصابات بالحصبة منذ مطلع العام.
"""),
     "Independent next-day report (a meeting with mayors): Assaf repeats one sentence of "
     "her demo-018 quote, «كل طفل يفوته اللقاح يشكل ثغرة في جدار الحماية»; the 850 ألف "
     "figure is shared, the rest is new.")

item("none", "demo-019", "en", "Cedar Bulletin", "2025-04-07T12:00:00+03:00",
     "Queues form as Lebanon's vaccination drive gets under way",
     body("""
Parents carrying toddlers lined up outside clinics in Beirut's southern suburbs and in Tripoli on
Monday as Lebanon opened a two-week campaign to vaccinate young children against measles and polio.

The health ministry hopes to reach around 850,000 children under five by the time the drive ends on
April 19. Teams are also going door to door in rural areas of the Bekaa valley and the north.

Ministry spokeswoman Nadine Assaf told Cedar Bulletin that early turnout had been "better than
expected", particularly in the north. Health workers said the biggest challenge would be reaching
families who had moved house in the past year.

Lebanon has seen a rise in measles cases since January, which doctors link to gaps in routine
immunisation. The campaign is backed by the World Health Organization and UNICEF.
"""),
     "Independent English report published four hours BEFORE demo-019 (queues, turnout); "
     "same facts (850,000, April 19, WHO/UNICEF), no shared sentence.")

item("none", "demo-021", "ar", "شبكة دجلة الإخبارية", "2025-05-19T12:30:00+03:00",
     "سكان قرب مستودع الشعيبة يروون لحظات الانفجار والحريق",
     body("""
استيقظ سكان القرى المحيطة بمنطقة الشعيبة غربي البصرة فجر الاثنين على دوي قوي أعقبته ألسنة لهب ارتفعت
عشرات الأمتار فوق أحد مستودعات الوقود، بحسب شهادات جمعتها «شبكة دجلة».

وقال أبو علي، وهو مزارع يقطن على بعد كيلومترين من المستودع، إنه سمع "صوتاً يشبه الطائرة" قبل الانفجار
بثوانٍ، فيما أكد آخرون أنهم لم يسمعوا سوى الانفجار.

وهرعت سيارات الإطفاء من مركز المدينة ومن حقول النفط القريبة، وظلت تعمل حتى ساعات الصباح، في حين أغلقت
القوات الأمنية الطريق المؤدي إلى المستودع ومنعت الصحافيين من الاقتراب.

ولم تصدر قيادة عمليات البصرة أي بيان حتى الظهر، بينما تداولت حسابات على مواقع التواصل روايات متضاربة
عن سبب الحريق، بين هجوم بطائرة مسيّرة وعطل فني.

وأفادت مديرية صحة البصرة بأنها لم تستقبل أي إصابات جراء الحادث.
"""),
     "Independent witness-led report of the same fire (same place and time, no official "
     "comment, the drone claim) by the outlet that wrote the demo-021 rewrite in this set; "
     "no shared quote or figure.")

item("none", "demo-022", "ar", "نشرة الرمال", "2025-05-20T15:00:00+03:00",
     "بعد نفي الاستهداف.. نائب عن البصرة يطالب بنشر نتائج التحقيق في حريق الشعيبة",
     body("""
طالب نائب عن محافظة البصرة الحكومة بنشر التقرير الكامل للجنة التحقيق في حريق مستودع الوقود بمنطقة
الشعيبة، وذلك بعد ساعات من إعلان قيادة عمليات البصرة أن الحريق ناجم عن عطل كهربائي وليس عن هجوم
بطائرة مسيّرة.

وكان العميد حيدر اللامي، المتحدث باسم قيادة العمليات، قد أعلن الثلاثاء أن لجنة فنية عاينت الموقع
وخلصت إلى أن شرارة كهربائية في إحدى المضخات تسببت في اشتعال النيران، وأن الحريق لم يتجاوز خزاناً
واحداً.

غير أن النائب سلام الكعبي قال في مؤتمر صحافي بمبنى مجلس المحافظة إن "أهالي المنطقة سمعوا صوت طائرة"،
مضيفاً أن "الرواية الرسمية تحتاج إلى أدلة وليس إلى بيانات".

وتضم منطقة الشعيبة عدداً من المنشآت النفطية ومستودعات الوقود التي تغذي محطات التعبئة في المحافظة،
وسبق أن شهدت حوادث حريق في السنوات الماضية.

وأكدت الجهات المسؤولة عن توزيع الوقود في المحافظة أن الإمدادات لم تتأثر بالحادث.
"""),
     "Independent follow-up to the denial (an MP disputes it): the denial's content "
     "(electrical fault, one tank, al-Lami) summarised in its own words; no shared quote. "
     "The same outlet rewrote demo-022 earlier the same day (a positive in this set).")

item("none", "demo-024", "ar", "صدى المدرجات", "2025-07-13T00:30:00+03:00",
     "ليلة تاريخية في وهران.. الجماهير تحتفل حتى الفجر بتتويج الشروق",
     body("""
لم تهدأ شوارع وهران حتى ساعات الفجر الأولى من يوم الأحد، بعدما خرج آلاف المشجعين للاحتفال بتتويج
الشروق الوهراني بطلاً للبطولة العربية للأندية في الكرة الطائرة، إثر فوزه على الرافدين العراقي بثلاثة
أشواط لواحد.

وجابت مواكب السيارات وسط المدينة وواجهتها البحرية مرددة الأهازيج، فيما أطلقت الألعاب النارية من أسطح
عدد من البنايات.

وفي المنطقة المختلطة، بدا المدرب مراد بن عيسى متأثراً، وقال: «هذا اللقب هدية لجمهور وهران الذي ساندنا
طيلة البطولة»، كاشفاً أن الفريق سيستقبل رسمياً من قبل السلطات المحلية الاثنين.

وكانت القاعة متعددة الرياضات قد امتلأت عن آخرها قبل ساعتين من انطلاق النهائي، ما دفع المنظمين إلى نصب
شاشة عملاقة في الساحة المجاورة.

ويعود آخر لقب عربي لنادٍ جزائري في الكرة الطائرة إلى عام 2019.
"""),
     "Independent report of the celebrations, published hours BEFORE demo-024: shares "
     "the coach's quote and the 2019 fact with demo-024, nothing else.")

# ---- 4b. a different invented event with the same people, days later (4)

item("none", "demo-011", "ar", "بوابة المنارة", "2025-04-20T13:00:00+03:00",
     "الحديدي يتفقد مركز حدود الكرامة ويعلن تمديد ساعات العمل فيه",
     body("""
تفقد وزير الداخلية الأردني فراس الحديدي، اليوم الأحد، مركز حدود الكرامة مع العراق، واطلع على سير
العمل في ساحات التفتيش وأجهزة الفحص الإشعاعي التي جرى تركيبها مطلع العام.

وأعلن الحديدي خلال الجولة تمديد ساعات العمل في المركز لتصبح على مدار الساعة اعتباراً من الأول من
حزيران، بهدف تقليص فترات انتظار الشاحنات التي تجاوزت في بعض الأيام 48 ساعة.

واستمع الوزير من مدير المركز إلى شرح عن أعداد المسافرين والشاحنات، إذ عبر المركز منذ مطلع العام أكثر
من 41 ألف شاحنة في الاتجاهين، بحسب الأرقام الرسمية.

وقال الحديدي إن الجانب العراقي أبدى استعداداً لتوحيد إجراءات التفتيش على جانبي الحدود، مشيراً إلى
اتصال هاتفي أجراه الأسبوع الماضي مع رئيس جهاز المخابرات العراقي ماجد الزبيدي تناول "الخطوات العملية
الأولى" لتطبيق المذكرة.

ورافق الوزير في جولته عدد من كبار الضباط.
"""),
     "Different invented event E8 (a border-post visit six days after the signing) with "
     "the same people (الحديدي, الزبيدي) and topic.",
     event="E8")

item("none", "demo-001", "ar", "أنباء الساحل", "2025-02-25T11:00:00+03:00",
     "والي نابل يعلن صرف الدفعة الأولى من التعويضات لمتضرري الفيضانات",
     body("""
أعلن والي نابل منصف الحامدي، اليوم الثلاثاء، انطلاق صرف الدفعة الأولى من التعويضات لفائدة العائلات
المتضررة من الفيضانات التي شهدتها الجهة الأسبوع الماضي، مؤكداً أن نحو 900 عائلة ستتسلم منحاً مالية
قبل نهاية الأسبوع.

وقال الحامدي خلال اجتماع اللجنة الجهوية لمجابهة الكوارث إن قيمة المنحة تتراوح بين 1000 و3000 دينار
حسب حجم الأضرار، وإن اللجنة الفنية أنهت حصر الخسائر في أغلب الأحياء المنكوبة.

وأشار إلى أن أغلب العائلات التي أُجليت عادت إلى منازلها، ولم يبقَ في مراكز الإيواء سوى قرابة 120
أسرة فقدت مساكنها بالكامل، ستوفر لها الدولة مساكن مؤقتة على وجه الكراء.

كما أعلن الوالي عن برنامج عاجل لتنظيف مجاري الأودية وقنوات تصريف مياه الأمطار في المدينة، بكلفة أولية
تقدر بأربعة ملايين دينار، على أن تنطلق الأشغال مطلع الشهر المقبل.

واستأنفت المؤسسات التربوية في الولاية نشاطها بشكل عادي منذ الاثنين.
"""),
     "Different invented event E9 (compensation payments a week after the floods) with "
     "the same governor, منصف الحامدي.",
     event="E9")

item("none", "demo-014", "ar", "موقع الجسر 24", "2025-04-16T12:00:00+03:00",
     "وضع حجر الأساس لمحطة حاويات «المرسى» في ميناء دمياط",
     body("""
شهد ميناء دمياط، اليوم الأربعاء، وضع حجر الأساس لمحطة الحاويات الجديدة التي تنفذها شركة المرسى
للخدمات اللوجستية، بحضور رئيس الهيئة العامة للموانئ البحرية المهندس عصام البدري والرئيس التنفيذي
للشركة ماجد السعدي.

وقال البدري في كلمته إن بدء الأعمال الإنشائية في موعدها "رسالة طمأنة للمستثمرين"، مشيراً إلى أن
الهيئة شكلت لجنة لمتابعة البرنامج الزمني للتنفيذ بشكل شهري.

من جانبه، أوضح السعدي أن المرحلة الأولى تشمل تعميق المجرى الملاحي أمام المحطة إلى 18 متراً وإنشاء
رصيف بطول 800 متر، متوقعاً الانتهاء منها خلال 20 شهراً.

وأعلنت الشركة خلال الحفل توقيع عقد مع تحالف من شركات المقاولات المحلية لتنفيذ الأعمال البحرية، من
دون أن تكشف عن قيمته.

وكانت الهيئة والشركة قد وقعتا في مارس الماضي اتفاقية امتياز لمدة 25 عاماً لتطوير المحطة وتشغيلها.
"""),
     "Different invented event E10 (the ground-breaking five weeks later) with the same "
     "people (البدري, السعدي) and company; recalls the signing in one sentence.",
     event="E10")

item("none", "demo-024", "ar", "صدى المدرجات", "2025-07-21T19:00:00+03:00",
     "ياسين الزبيدي ينتقل إلى الشروق الوهراني بعد أيام من نهائي البطولة العربية",
     body("""
أعلن نادي الشروق الوهراني، اليوم الاثنين، تعاقده مع الضارب العراقي ياسين الزبيدي لمدة موسمين، بعد
تسعة أيام فقط من تألق اللاعب أمام الفريق الجزائري في نهائي البطولة العربية للأندية للكرة الطائرة.

وقال رئيس النادي في بيان نشره على صفحته الرسمية إن المفاوضات مع الرافدين العراقي "كانت سريعة
وإيجابية"، من دون أن يكشف عن قيمة الصفقة.

ويعد الزبيدي، البالغ من العمر 24 عاماً، أول لاعب عراقي ينضم إلى الفريق الوهراني، وكان قد نال جائزة
أفضل لاعب في النسخة الأخيرة من البطولة.

وأبدى المدرب مراد بن عيسى سعادته بالصفقة، مؤكداً أن اللاعب سيمنح الفريق "حلولاً هجومية إضافية" في
المنافسات القارية المقبلة.

ومن المنتظر أن يلتحق الزبيدي بمعسكر الفريق التحضيري في تونس مطلع أغسطس.
"""),
     "Different invented event E11 (the player's transfer nine days after the final) with "
     "the same people (ياسين الزبيدي, مراد بن عيسى) and clubs.",
     event="E11")

# ---- 4c. very short flashes on the same event (2)

item("none", "demo-021", "ar", "إذاعة الموج", "2025-05-19T06:50:00+03:00",
     "عاجل | حريق في مستودع للوقود غربي البصرة",
     body("""
عاجل | حريق كبير في مستودع للوقود بمنطقة الشعيبة غربي البصرة، وسيارات الإطفاء تهرع إلى المكان وسط
أعمدة كثيفة من الدخان.
"""),
     "One-sentence breaking-news flash, before demo-021; not derived from it.")

item("none", "demo-025", "ar", "صدى المدرجات", "2025-07-12T23:55:00+03:00",
     "عاجل: الشروق الوهراني بطلاً للبطولة العربية للأندية في الكرة الطائرة",
     body("""
عاجل: الشروق الوهراني يتوج بطلاً للبطولة العربية للأندية في الكرة الطائرة بعد فوزه على الرافدين
العراقي 3-1 في النهائي الذي أقيم الليلة في وهران. التفاصيل بعد قليل.
"""),
     "Two-sentence flash, about an hour before demo-025; not derived from it.")


def main():
    events = {}
    with open(os.path.join(os.path.dirname(DEMO), "..", "labels.json"), encoding="utf-8") as f:
        for k, v in json.load(f)["articles"].items():
            events[k] = v["event"]
    with open(OUT, "w", encoding="utf-8") as f:
        for n, it in enumerate(ITEMS, 1):
            rec = {"id": f"c-{n:03d}"}
            rec.update(it)
            if rec["event"] is None:
                rec["event"] = events[rec["basis"]]
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(ITEMS)} items to {OUT}")


if __name__ == "__main__":
    main()
