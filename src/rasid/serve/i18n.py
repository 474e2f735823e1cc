"""Interface strings in Arabic (the default, right to left) and English.

Only the interface is translated; article text, names and quotes are shown as written.
"""
from __future__ import annotations

LANGUAGES = ("ar", "en")
DIRECTION = {"ar": "rtl", "en": "ltr"}

STRINGS: dict[str, tuple[str, str]] = {
    "rasid": ("راصد", "rasid"),
    "tagline": ("تتبّع القصص في الأخبار العربية", "Story intelligence for Arabic news"),
    "stories": ("القصص", "Stories"),
    "outlets": ("المصادر", "Outlets"),
    "search": ("بحث", "Search"),
    "api": ("واجهة البرمجة", "API"),
    "switch_language": ("English", "العربية"),
    "articles": ("مقالات", "articles"),
    "article": ("مقال", "article"),
    "independent_origins": ("مصادر مستقلة", "independent origins"),
    "origins_explained": ("المقالات المنسوخة أو المترجمة من بعضها، ومقالات المصدر الواحد، تُعدّ مصدراً واحداً",
                          "copies, rewrites and translations of one another, and one outlet's articles, count once"),
    "first_seen": ("أول ظهور", "first seen"),
    "last_seen": ("آخر ظهور", "last seen"),
    "thread": ("السلسلة", "thread"),
    "stories_in_thread": ("قصص في هذه السلسلة", "stories in this thread"),
    "filters": ("تصفية", "Filters"),
    "since": ("من", "from"),
    "until": ("إلى", "to"),
    "outlet": ("المصدر", "outlet"),
    "any": ("الكل", "any"),
    "entity": ("كيان", "entity"),
    "apply": ("تطبيق", "Apply"),
    "clear": ("مسح", "Clear"),
    "no_stories": ("لا قصص تطابق هذه التصفية.", "No story matches these filters."),
    "showing": ("عرض", "showing"),
    "of": ("من", "of"),
    "newer": ("الأحدث", "newer"),
    "older": ("الأقدم", "older"),
    "summary": ("الملخص", "Summary"),
    "no_summary": ("لا جمل صالحة للتلخيص في مقالات هذه القصة.", "No sentence of this story's articles can serve as a summary."),
    "timeline": ("الخط الزمني", "Timeline"),
    "no_timeline": ("لم تُذكر تواريخ أحداث في هذه القصة.", "The articles state no event dates."),
    "articles_per_day": ("المقالات يومياً", "Articles per day"),
    "coverage": ("التغطية حسب المصدر", "Coverage by outlet over time"),
    "sources": ("المقالات ومصادرها", "Sources"),
    "copied_whom": ("من نقل عمّن", "Who copied whom"),
    "no_derivations": ("لم يُعثر على نسخ أو إعادة صياغة أو ترجمة بين مقالات هذه القصة: كل مقال تقرير مستقل.",
                       "No copies, rewrites or translations among these articles: each is its own report."),
    "copy": ("نسخ", "copy"),
    "rewrite": ("إعادة صياغة", "rewrite"),
    "translation": ("ترجمة", "translation"),
    "direction_unknown": ("الاتجاه غير معروف", "direction unknown"),
    "original": ("أصلي", "original"),
    "derived_from": ("منقول عن", "derived from"),
    "origin": ("المصدر المستقل", "origin"),
    "who_where": ("الأشخاص والمنظمات والأماكن", "People, organisations and places"),
    "PER": ("أشخاص", "People"),
    "ORG": ("منظمات", "Organisations"),
    "LOC": ("أماكن", "Places"),
    "no_entities": ("لم يُتعرّف على أسماء.", "No names recognised."),
    "quotes": ("من قال ماذا", "Who said what"),
    "no_quotes": ("لا اقتباسات في هذه القصة.", "No quotes in this story."),
    "speaker": ("المتحدث", "speaker"),
    "channel": ("عبر", "channel"),
    "said": ("القول", "statement"),
    "anonymous": ("مصدر مجهول", "anonymous"),
    "anonymous_sources": ("تصريحات من مصادر لم تُسمَّ", "statements from unnamed sources"),
    "denial": ("نفي", "denial"),
    "direct": ("مباشر", "direct"),
    "reported": ("منقول", "reported"),
    "figures": ("الأرقام", "Figures"),
    "no_figures": ("لا أرقام في هذه القصة.", "No figures in this story."),
    "value": ("القيمة", "value"),
    "unit": ("الوحدة", "unit"),
    "about": ("عن", "about"),
    "discrepancies": ("ما تختلف عليه المصادر", "Where the sources disagree"),
    "no_discrepancies": ("لا خلاف بين المصادر في الأرقام أو التصريحات.", "The sources agree on figures and statements."),
    "claims": ("التصريحات ومن يؤيدها", "Claims and their support"),
    "origins_short": ("مصادر", "origins"),
    "text": ("النص", "Text"),
    "links": ("صلات النسخ", "Derivation links"),
    "no_links": ("لا صلة نسخ أو ترجمة لهذا المقال.", "This article copies nothing and nothing copies it."),
    "source_of": ("مصدر لـ", "source of"),
    "story": ("القصة", "story"),
    "inferred": ("مستنتج", "inferred"),
    "open_original": ("الرابط الأصلي", "original link"),
    "variants": ("صيغ الاسم", "Spellings"),
    "latin_name": ("الاسم اللاتيني", "Latin name"),
    "roles": ("المناصب عبر الزمن", "Roles over time"),
    "no_roles": ("لم يُذكر منصب.", "No title stated."),
    "undated": ("غير مؤرّخ", "undated"),
    "mentioned_in": ("ورد في", "mentioned in"),
    "originated": ("أصلي ونُقل عنه", "originated, copied by others"),
    "copied": ("منقول من غيره", "copied from others"),
    "copied_from": ("نقل من", "Copied from"),
    "copied_by": ("نقل عنه", "Copied by"),
    "none": ("لا شيء", "none"),
    "recent_articles": ("أحدث المقالات", "Recent articles"),
    "search_text": ("بالكلمات", "words"),
    "search_semantic": ("بالمعنى", "meaning"),
    "search_hint": ("يبحث في النص بعد توحيد الإملاء وفصل السوابق: «هجرة» تجد «الهجرة» و«وبالهجرة».",
                    "Searches normalized Arabic: هجرة finds الهجرة and وبالهجرة; meaning mode finds paraphrases and other languages."),
    "no_hits": ("لا نتائج.", "No results."),
    "score": ("الدرجة", "score"),
    "error": ("خطأ", "Error"),
    "back": ("عودة إلى القصص", "Back to stories"),
    "truncated": ("عُرضت أول {n} مقالة فقط من هذه القصة.", "Only the first {n} articles of this story are shown."),
    "archive": ("الأرشيف", "Archive"),
    "derivations": ("صلات نسخ", "derivation links"),
    "entities": ("كيانات", "entities"),
    "cites": ("المصادر", "sources"),
}


def translator(lang: str):
    """t(key, **values) -> the string in `lang` (Arabic when unknown)."""
    i = 1 if lang == "en" else 0

    def t(key: str, **values) -> str:
        pair = STRINGS.get(key)
        text = pair[i] if pair else key
        return text.format(**values) if values else text

    return t


def choose(query_lang: str | None, cookie_lang: str | None) -> str:
    for lang in (query_lang, cookie_lang):
        if lang in LANGUAGES:
            return lang
    return "ar"
