"""Quotes in Arabic news: direct («…»، "…") and reported (قال X إن…), with their speaker.

Arabic news attributes almost every statement with a small set of shapes, read here by
rule, in the order a reader would:

1. **Reported speech**: a reporting verb (قال، أكد، نفى، أضاف… in `resources/quotes/verbs.tsv`),
   the speaker's words, an optional channel («لـ"العربي الجديد"», «لوكالة الأنباء
   العراقية», «في بيان»), then أن / إن and what was said, to the end of the sentence. A
   continuation with no speaker of its own (وأضاف أن، مضيفاً أن، مشيراً إلى أن) belongs to the
   previous speaker.
2. **Direct quotes**: text between quotation marks of at least three words, attributed
   by the reporting clause before it in its sentence («وقال الوزير: "…"»), else by one
   right after it («"…"، قال الوزير»). A quote interrupted by its attribution keeps one
   speaker for both halves. Short quoted words are names or titles (عملية "الفجر"),
   not quotes; a quotation mark with no partner in its paragraph quotes nothing.

The speaker is anonymous when its first word is a source word (مسؤول، مصدر، مصادر…,
`resources/quotes/anonymous.txt`) and no name is inside it. When the article's mentions
are given, a speaker phrase holding a person or organisation mention points at it.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rasid.extract.quotes.lexicon import anonymous_heads, channel_words, fold, verb_kind
from rasid.model import Mention, Quote, Span
from rasid.text.tokens import Token, tokenize

MIN_QUOTE_WORDS = 3
MAX_SPEAKER_WORDS = 14    # Arabic titles run long: «نائب وزير الطاقة السعودي لشؤون الكهرباء فهد بن ناصر القحطاني»
MAX_ATTRIBUTION_GAP = 160      # characters between a direct quote and its reporting clause
_PAIRS = {"«": "»", "“": "”", "‹": "›", "„": "“", '"': '"'}
_COMPLEMENTIZERS = frozenset(fold(w) for w in
                             "إن أن بأن إنه أنه إنها أنها إنهم أنهم بأنه بأنها بأنهم لأن".split())
_SPEAKER_STOPS = frozenset(fold(w) for w in "في خلال عبر أمام لدى عن على إلى الى مع حول عقب بعد".split())
_CHANNEL_HEADS = frozenset(fold(w) for w in "وكالة صحيفة جريدة قناة فضائية موقع إذاعة راديو تلفزيون شبكة مجلة".split())
_NAMED_BODIES = frozenset(fold(w) for w in
                          "شركة جماعة حركة حزب تنظيم مجموعة منظمة جمعية مؤسسة مركز نادي فريق "
                          "ائتلاف تحالف كتلة تيار مجلس هيئة".split())
# Head nouns of bodies that speak for themselves: «بحسب إدارة الكوارث والطوارئ التركية».
_BODY_HEADS = _NAMED_BODIES | frozenset(fold(w) for w in
                                        "وزارة إدارة مكتب مرصد شبكة جيش شرطة وكالة مديرية بلدية "
                                        "سلطة سلطات محكمة نيابة لجنة مفوضية اتحاد جامعة".split())
_SENTENCE_END = re.compile(r"[.!?؟\n]")
# Words between a verb and أن that are not a speaker: «وأضاف أيضاً أن», «وقال من جهته إن».
_FILLERS = frozenset(fold(w) for w in "أيضا أيضاً كذلك بدوره بدورها بدورهم حينها آنذاك".split())
_ASIDES = frozenset(fold(w) for w in "جهته جانبه ناحيته جهتها جانبها ناحيتها جهتهم جانبهم".split())
_VERB_PREPOSITIONS = frozenset(fold(w) for w in "إلى الى من على عن".split())
# Words after which a subject placed before its verb begins: «لكن مسؤولاً كردياً قال إن».
_SUBJECT_OPENERS = frozenset(fold(w) for w in "لكن ولكن أما وأما فيما بينما كما".split())
_DENYING = frozenset(fold(w) for w in "نافيا نافياً نافية نافين نافيين".split())
_RELAY = frozenset(fold(w) for w in "نقل نقلت نقلوا".split())
_SAYING = frozenset(fold(w) for w in "قوله قولها قولهم".split())
_NOT_VERB_BEFORE = frozenset(fold(w) for w in "عدم دون بعدم بدون".split())
_DENIED = frozenset(fold(w) for w in "صحة وجود أي الاتهامات الادعاءات ما".split())
_ACCORDING = frozenset(fold(w) for w in "بحسب حسب وفق وفقا وفقاً".split())


@dataclass
class _Clause:
    verb: Token
    kind: str
    speaker: tuple[int, int] | None   # character span
    channel: str | None
    content_start: int | None         # where the reported clause starts (after أن/إن/:)


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos), text.rfind("؟", 0, pos),
                text.rfind("!", 0, pos)) + 1
    m = _SENTENCE_END.search(text, pos)
    return start, (m.start() if m else len(text))


def _word(tok: Token) -> str:
    return fold(tok.text)


def _person_ahead(tokens: list[Token], j: int, people: frozenset[int], reach: int = 6) -> bool:
    """A person's name starts within `reach` words, before any أن/إن, colon or quote."""
    for tok in tokens[j:j + reach]:
        if tok.start in people:
            return True
        if _word(tok) in _COMPLEMENTIZERS or tok.text in (":", "«", '"', "“"):
            return False
    return False


def _read_clause(text: str, tokens: list[Token], i: int, kind: str,
                 people: frozenset[int] = frozenset(), ends: frozenset[int] = frozenset()) -> _Clause:
    """From the verb at tokens[i]: the speaker words, a channel, and where speech starts."""
    if kind == "deny" and _word(tokens[i]).lstrip("و") in _DENYING and i + 1 < len(tokens):
        # «…، نافياً تعرض أي منهم لسوء المعاملة»: the participle continues the speaker before
        # it, and what follows is what is denied.
        return _Clause(tokens[i], kind, None, None, tokens[i + 1].start)
    j = i + 1
    first = j
    speaker_end = None
    channel = None
    content = None
    words = 0
    closed = False
    while j < len(tokens) and words <= MAX_SPEAKER_WORDS + 8 and (words <= MAX_SPEAKER_WORDS or closed or channel):
        tok = tokens[j]
        w = _word(tok)
        if kind == "deny" and (w in _DENIED or (channel is not None and tok.is_word)) and speaker_end:
            content = tok.start  # نفى مصدر أمني صحة الأنباء: what is denied needs no أن
            break
        if tok.text == ":":
            content = tok.end
            break
        if w in _COMPLEMENTIZERS or (w in _VERB_PREPOSITIONS and j + 1 < len(tokens)
                                     and _word(tokens[j + 1]) in _COMPLEMENTIZERS):
            if w in _VERB_PREPOSITIONS:  # أشار إلى أن، حذر من أن، شدد على أن
                j += 1
            content = tokens[j].end
            break
        if tok.text in "«“\"‹" and speaker_end is not None and _word(tokens[j - 1]).removeprefix("ل") in _NAMED_BODIES:
            # «شركة "معادن تيرس" الموريتانية», «جماعة "أنصار الحق"»: a name in quotes
            close = _PAIRS.get(tok.text, tok.text)
            end = text.find(close, tok.end)
            if 0 < end - tok.end <= 40 and len(text[tok.end:end].split()) <= 4:
                while j < len(tokens) and tokens[j].start <= end:
                    j += 1
                speaker_end = end + 1
                continue
        if tok.text in "«“\"‹" or tok.text in (".", "؟", "!", "\n"):
            break
        if not tok.is_word and tok.text not in ("،", ","):
            if tok.text in ("(", ")", "-"):
                j += 1
                continue
            break
        if tok.text in ("،", ","):
            # «قال الشطري، رئيس جهاز المخابرات، إن…»: the apposition is a title, not the
            # speaker's words; keep reading for a channel or أن/إن.
            closed = speaker_end is not None
            j += 1
            continue
        chan = _channel_at(text, tokens, j)
        if chan is not None:
            channel, j = chan
            continue
        if w in _FILLERS and speaker_end is None:
            j += 1
            continue
        if w == "من" and j + 1 < len(tokens) and _word(tokens[j + 1]) in _ASIDES:
            j += 2
            continue
        if verb_kind(tok.text) is not None and _word(tokens[j - 1]) not in _NOT_VERB_BEFORE:
            break
        if (channel is not None or closed) and speaker_end is not None:
            # «قال الوزير، خلال جلسة للبرلمان، إن…», «مسؤول، رفض الكشف عن اسمه، إن…»: read
            # past an aside to the أن/إن, without adding its words to the speaker.
            words += 1
            j += 1
            continue
        inner = w in ("في", "من") and speaker_end is not None and j + 1 < len(tokens) and tokens[j + 1].is_word
        if (speaker_end is not None and speaker_end in ends and tok.start not in people
                and not _person_ahead(tokens, j, people)):
            closed = True  # «وصف النائب منير الطرابلسي الموازنة»: the name ends the speaker
            words += 1
            j += 1
            continue
        if w in _SPEAKER_STOPS and not inner and not (speaker_end is not None and _person_ahead(tokens, j, people)):
            # «مصدر مطلع في الخرطوم», «الباحث في الشأن الأمني أحمد النعيمي»: في inside a
            # speaker's description is kept; other prepositions end it.
            break
        if channel is not None:
            break
        speaker_end = tok.end
        words += 1
        j += 1
    speaker = None
    if first < len(tokens) and speaker_end is not None and tokens[first].start < speaker_end:
        words = [t for t in tokens[first:j] if t.is_word and t.end <= speaker_end
                 and _word(t) not in _FILLERS]
        if words:
            speaker = (words[0].start, words[-1].end)
    return _Clause(tokens[i], kind, speaker, channel, content)


_ON = fold("على")
_IN_FORM = frozenset(fold(w) for w in "في خلال".split())   # «في بيان», «خلال مؤتمر صحافي»
_PLATFORMS = frozenset(fold(w) for w in "منصة فيسبوك تلغرام تويتر إكس إنستغرام يوتيوب تيك".split())
_FORM_ADJECTIVES = frozenset(fold(w) for w in
                             "صحافي صحفي متلفز متلفزة الإعلامية إعلامية مقتضب مكتوب الأسبوعية مشترك".split())


def _channel_at(text: str, tokens: list[Token], j: int, after_with: bool = False) -> tuple[str, int] | None:
    """A channel starting at tokens[j]: لـ"X", لوكالة X, في بيان …; (name, next index).
    `after_with`: tokens[j] follows «مع», so an outlet's head noun needs no ل («مع إذاعة X»)."""
    tok = tokens[j]
    w = _word(tok)
    if after_with:
        if w in _CHANNEL_HEADS and j + 1 < len(tokens):
            return _channel_at(text, [*tokens[:j], Token("ل" + tok.text, tok.start - 1, tok.end),
                                      *tokens[j + 1:]], j)
        return None
    # لـ«العربي الجديد» / لـ"العربي الجديد"
    if w in ("ل", "لـ") or tok.text in ("لـ", "ل"):
        k = j + 1
        if k < len(tokens) and tokens[k].text == "ـ":
            k += 1
        if k < len(tokens) and tokens[k].text in _PAIRS:
            close = _PAIRS[tokens[k].text]
            end = text.find(close, tokens[k].end)
            if 0 < end - tokens[k].end < 60:
                name = text[tokens[k].end:end].strip()
                n = k + 1
                while n < len(tokens) and tokens[n].start <= end:
                    n += 1
                return name, n
    if (w in _ACCORDING or (w[:1] == "و" and w[1:] in _ACCORDING)) and j + 2 < len(tokens) \
            and _word(tokens[j + 1]) == "ما":
        # «، وفق ما نقلت قناة "الرابعة" العراقية،» / «بحسب ما نشرته منصة "حكومتنا"»
        n = j + 3
        start = n
        while n < len(tokens) and tokens[n].text not in ("،", ",", ".", ":") and n - start < 8 \
                and _word(tokens[n]) not in _COMPLEMENTIZERS:
            n += 1
        named = [t for t in tokens[start:n] if t.is_word]
        if named:
            return text[named[0].start:named[-1].end], n
    if w.startswith("ل") and w[1:] in _CHANNEL_HEADS and j + 1 < len(tokens):
        if tokens[j + 1].text in _PAIRS:  # لصحيفة "الشروق": the quoted name is the outlet
            close = _PAIRS[tokens[j + 1].text]
            end = text.find(close, tokens[j + 1].end)
            if 0 < end - tokens[j + 1].end < 60:
                n = j + 2
                while n < len(tokens) and tokens[n].start <= end:
                    n += 1
                return text[tokens[j + 1].end:end].strip(), n
        n = j + 1  # لوكالة الأنباء العراقية: the outlet's name follows its head noun
        while (n < len(tokens) and n - j <= 3 and tokens[n].is_word and _word(tokens[n])
               not in _COMPLEMENTIZERS | _SPEAKER_STOPS | _DENIED and not verb_kind(tokens[n].text)):
            n += 1
        return text[tok.start + 1:tokens[n - 1].end].strip(), n
    if w.startswith("ل") and len(w) > 3:
        outlet = _outlet_at(text, tokens, j)
        if outlet is not None:
            return outlet
    if w in _IN_FORM and j + 1 < len(tokens) and _word(tokens[j + 1]) in channel_words():
        # «في تصريحات لموقع "يلا كورة"», «في مقابلة مع إذاعة "صوت أفريقيا"»: a named outlet
        # beats the statement form.
        n = j + 2
        while n < len(tokens) and n - j <= 6 and tokens[n].text not in ("،", ",", ".", ":") \
                and _word(tokens[n]) not in _COMPLEMENTIZERS and not verb_kind(tokens[n].text):
            if _word(tokens[n]).startswith("ل") and len(_word(tokens[n])) > 2:
                inner = _channel_at(text, tokens, n)
                if inner is not None:
                    return inner
            if _word(tokens[n]) == "مع" and n + 1 < len(tokens):
                inner = _channel_at(text, tokens, n + 1, after_with=True)
                if inner is not None:
                    return inner
            n += 1
        form_end = j + 1
        if j + 2 < len(tokens) and tokens[j + 2].is_word and _word(tokens[j + 2]) in _FORM_ADJECTIVES:
            form_end = j + 2   # «في خطاب متلفز», «في مؤتمر صحافي», «في الإحاطة الإعلامية»
        return text[tokens[j + 1].start:tokens[form_end].end], n
    if w == _ON and j + 1 < len(tokens) and _word(tokens[j + 1]).removeprefix("ال") in _PLATFORMS:
        # «كتبت الوزيرة على منصة إكس أن…», «على فيسبوك», «على حسابه في تلغرام»
        n = j + 2
        if _word(tokens[j + 1]) == fold("منصة") and n < len(tokens) and tokens[n].is_word:
            n += 1
        return text[tokens[j + 1].start:tokens[n - 1].end], n
    if w == "عبر" and j + 1 < len(tokens):
        n = j + 1
        while n < len(tokens) and n - j <= 4 and tokens[n].is_word and _word(tokens[n]) not in _COMPLEMENTIZERS:
            n += 1
        return text[tokens[j + 1].start:tokens[n - 1].end], n
    return None


def _outlet_at(text: str, tokens: list[Token], j: int) -> tuple[str, int] | None:
    """«لرويترز», «لفرانس برس», «للجزيرة»: ل + a known outlet (resources/outlet_aliases.tsv)."""
    from rasid.extract.quotes.lexicon import outlets

    first = fold(tokens[j].text)
    first = "ال" + first[2:] if first.startswith("لل") else first[1:]
    for n in (3, 2, 1):
        if j + n <= len(tokens):
            words = [first] + [fold(t.text) for t in tokens[j + 1:j + n]]
            if " ".join(words) in outlets():
                return text[tokens[j].start + 1:tokens[j + n - 1].end], j + n
    return None


def _direct_spans(text: str) -> list[tuple[int, int]]:
    """Inner spans of quotation-mark pairs that open and close within one paragraph."""
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        close = _PAIRS.get(ch)
        if close is None:
            i += 1
            continue
        end = text.find(close, i + 1)
        para = text.find("\n\n", i + 1)
        if end < 0 or (0 <= para < end):
            i += 1          # a mark with no partner in its paragraph quotes nothing
            continue
        out.append((i + 1, end))
        i = end + 1
    return out


class QuoteExtractor:
    name = "quotes"
    version = "2"   # 2: coordinated clauses, back-references, statements by their issuer

    def __call__(self, text: str, mentions: Sequence[Mention] = ()) -> list[Quote]:
        return extract_quotes(text, mentions)


def extract_quotes(text: str, mentions: Sequence[Mention] = ()) -> list[Quote]:
    if _mostly_latin(text):
        from rasid.extract.quotes.english import english_quotes

        return english_quotes(text, mentions)
    tokens = tokenize(text)
    people = frozenset(m.span.start for m in mentions if m.type == "PER")
    person_ends = frozenset(m.span.end for m in mentions if m.type == "PER")
    orgs = frozenset(m.span.start for m in mentions if m.type == "ORG")
    directs = [(s, e) for s, e in _direct_spans(text)
               if len(text[s:e].split()) >= MIN_QUOTE_WORDS and not _is_a_name(s, e, mentions)
               and not _outlet_name(text, s)]
    quotes: list[Quote] = []
    last_speaker: tuple[tuple[int, int], Quote] | None = None
    clauses: list[_Clause] = []
    for i, tok in enumerate(tokens):
        kind = verb_kind(tok.text) if tok.is_word else None
        if kind is not None and i > 0 and _word(tokens[i - 1]) in _NOT_VERB_BEFORE:
            kind = None  # «طلب عدم ذكر اسمه»: a noun, not a verb of saying
        if kind is not None and _word(tok).lstrip("وف") in _RELAY:
            nested = _relayed(text, tokens, i, people)
            if nested is not None:
                clauses.append(nested)
                continue
        if kind is not None:
            clauses.append(_read_clause(text, tokens, i, kind, people, person_ends))
        elif tok.is_word and (_word(tok) in _ACCORDING or (_word(tok)[:1] == "و" and _word(tok)[1:] in _ACCORDING)):
            clauses.append(_according(text, tokens, i))
    used_directs: set[tuple[int, int]] = set()
    for c in clauses:
        if c.kind == "according":
            q = _according_quote(text, c, mentions)
            if q is not None:
                quotes.append(q)
            continue
        speaker = c.speaker
        inherited = None
        if speaker is None and c.kind in ("say", "deny"):
            speaker = _subject_before(text, tokens, c.verb, people | orgs)
        if speaker is None and c.kind in ("cont", "say", "deny") and last_speaker is not None:
            inherited = last_speaker[1]
        if speaker is None and inherited is None:
            continue
        sent_start, sent_end = _sentence_bounds(text, c.verb.start)
        # A direct quote this clause introduces: its opening mark soon after the clause.
        direct = next((d for d in directs if d not in used_directs
                       and c.verb.end <= d[0] <= c.verb.end + MAX_ATTRIBUTION_GAP
                       and not any(t.start < d[0] and verb_kind(t.text) for t in tokens
                                   if c.verb.end < t.start < d[0])), None)
        before = (_said_before(text, tokens, c, directs, used_directs, sent_start)
                  if c.content_start is None and c.speaker is not None and c.kind == "say" else None)
        if before is not None:
            # «"…"، قالت العداءة …، مضيفة: "…"» / «الكتل لم تتفق بعد…، قال النائب»: the clause
            # closes what came before it, and its speaker carries to the continuation.
            span, is_direct = before
            if is_direct:
                used_directs.add(span)
        elif direct is not None and (c.content_start is None
                                     or not text[c.content_start:direct[0] - 1].strip(" :،,\n")):
            used_directs.add(direct)
            span, is_direct = direct, True
        elif c.content_start is not None:
            end = _SENTENCE_END.search(text, c.content_start)
            stop = end.start() if end else len(text)
            # The next reporting clause in the sentence («…، وقال في مؤتمر صحافي إن…») ends it.
            nxt = next((o.verb.start for o in clauses if c.content_start < o.verb.start < stop
                        and o.kind != "according"), None)
            if nxt is not None:
                stop = nxt
            # «إن A، وإن B»: coordinated clauses under one verb are two things said.
            parts = []
            for part_start, part_stop in _coordinated(text, c.content_start, stop):
                inside = [d for d in directs if d not in used_directs and part_start <= d[0] < part_stop]
                if len(inside) == 1 and inside[0][0] - part_start <= 40 and "،" not in text[part_start:inside[0][0]]:
                    # «أن التنسيق "بلغ مستوى غير مسبوق"»: the quoted words are the quote.
                    used_directs.add(inside[0])
                    parts.append((inside[0], True))
                else:
                    part = _strip(text, part_start, part_stop)
                    while part[1] > part[0] and text[part[1] - 1] in "،, و":
                        part = (part[0], part[1] - 1)
                    parts.append((part, False))
            for k, (part, part_direct) in enumerate(parts):
                if part[1] <= part[0]:
                    continue
                q = _quote(text, part, part_direct, c, speaker, inherited, mentions)
                quotes.append(q)
                last_speaker = ((q.speaker_span.start, q.speaker_span.end) if q.speaker_span else (0, 0), q)
            continue
        else:
            continue
        if span[1] <= span[0]:
            continue
        q = _quote(text, span, is_direct, c, speaker, inherited, mentions)
        quotes.append(q)
        last_speaker = ((q.speaker_span.start, q.speaker_span.end) if q.speaker_span else (0, 0), q)
    # Direct quotes attributed after the closing mark («"…"، قال الوزير») or inheriting an
    # interrupted quote's speaker.
    for d in directs:
        if d in used_directs:
            continue
        after = _clause_after(text, tokens, d[1], clauses)
        if after is not None and after.speaker is not None:
            used_directs.add(d)
            quotes.append(_quote(text, d, True, after, after.speaker, None, mentions))
            continue
        prev = max((q for q in quotes if q.direct and q.span.end < d[0]
                    and d[0] - q.span.end < MAX_ATTRIBUTION_GAP // 2), key=lambda q: q.span.end, default=None)
        if prev is not None and _interrupted(text, prev.span.end, d[0]):
            used_directs.add(d)
            quotes.append(_copy_speaker(text, d, prev))
    # A reported clause that runs into a direct quote already taken says it twice.
    direct_spans = [q.span for q in quotes if q.direct]
    quotes = [q for q in quotes if q.direct or not any(
        d.start < q.span.end and q.span.start < d.end for d in direct_spans)]
    quotes = [q for q in quotes if not _not_a_speaker(q.speaker_text)]
    return _inherit_channels(text, _resolve_back_references(text, sorted(quotes, key=lambda q: q.span.start)))


# Subjects that show or record but do not speak (LABELLING.md §2): «كشفت صور الأقمار الصناعية
# أن», «أظهرت نتائج التحاليل أن», «كما يقول المثل».
_NOT_SPEAKERS = frozenset(fold(w) for w in "صور صورة لقطات تسجيلات نتائج بيانات سجلات كاميرات أرقام "
                          "إحصاءات تحاليل فحوص مثل ارتفاع تراجع انخفاض".split())


def _not_a_speaker(speaker_text: str) -> bool:
    words = speaker_text.split()
    if not words:
        return False
    head = fold(words[0]).lstrip("و")
    return head.removeprefix("ال") in _NOT_SPEAKERS


def _outlet_name(text: str, start: int) -> bool:
    """Quotation marks around an outlet's name after its head noun or لـ («لقناة "زاخو تي في"»,
    «لـ"الديوان إف إم"»): a channel, not words said."""
    before = text[max(0, start - 16):start - 1].split()
    if not before:
        return False
    last = fold(before[-1]).lstrip("و")
    if last in ("ل", "لـ") or before[-1].endswith("لـ"):
        return True
    for w in (last, last.removeprefix("ل"), last.removeprefix("لل"), last.removeprefix("ال")):
        if w in _CHANNEL_HEADS or "ال" + w in _CHANNEL_HEADS:
            return True
    return False


def _same_speaker(later: str, earlier: str) -> bool:
    """«وزارة الصحة» again, or shortened to its first word («البنك» after «البنك المركزي»)."""
    a, b = [fold(w).lstrip("و") for w in later.split()], [fold(w).lstrip("و") for w in earlier.split()]
    return bool(a) and bool(b) and (a == b or (len(a) == 1 and len(b) > 1 and a[0] == b[0]))


_ANOTHER_OCCASION = re.compile(r"(?:وكان|وكانت|كان|كانت)\s+(?:\S+\s+){0,6}قد\s+\S*$")


def _inherit_channels(text: str, quotes: list[Quote]) -> list[Quote]:
    """A speaker's later statement with no channel of its own came the same way as the one
    before («قالت الوزارة في بيان …. وأكدت الوزارة أن …»), unless the text puts it on another
    occasion («وكانت الوزارة قد أكدت»). A channel never flows backwards."""
    out: list[Quote] = []
    for q in quotes:
        if q.channel is None and q.speaker_span is not None:
            prev = next((p for p in reversed(out) if p.channel and _same_speaker(q.speaker_text, p.speaker_text)), None)
            lead = text[max(0, q.speaker_span.start - 80):q.speaker_span.start]
            if prev is not None and not _ANOTHER_OCCASION.search(lead.split(".")[-1].rstrip()):
                q = Quote(span=q.span, text=q.text, speaker_text=q.speaker_text, speaker_span=q.speaker_span,
                          speaker_mention=q.speaker_mention, channel=prev.channel, direct=q.direct,
                          anonymous=q.anonymous, denial=q.denial, verb=q.verb)
        out.append(q)
    return out


_SPOKESPERSON = frozenset(fold(w) for w in "متحدث متحدثة ناطق ناطقة".split())
_DOCUMENTS = frozenset(fold(w) for w in "البيان بيان البلاغ بلاغ التقرير تقرير الرسالة رسالة".split())
_WHEN_WORDS = frozenset(fold(w) for w in "اليوم أمس الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس "
                        "الجمعة السبت صباح مساء".split())


def _resolve_back_references(text: str, quotes: list[Quote]) -> list[Quote]:
    """«وأوضح البيان أن…» speaks for whoever issued the statement named before («وقال
    اللامي في بيان»); «وأضاف المصدر أن…» is the source introduced before («مصدر أمني
    مطلع»), anonymous, through the same channel. Either takes the earlier speaker."""
    out: list[Quote] = []
    for q in quotes:
        words = [fold(w) for w in q.speaker_text.split()]
        head = words[0].lstrip("و") if words else ""
        earlier = None
        if len(words) == 1 and head in _DOCUMENTS:
            earlier = next((p for p in reversed(out) if p.channel and fold(p.channel) in _DOCUMENTS
                            and fold(p.speaker_text.split()[0]).lstrip("و") not in _DOCUMENTS), None)
            channel = earlier.channel if earlier else None
        elif len(words) == 1 and head.startswith("ال") and head[2:] in anonymous_heads():
            earlier = next((p for p in reversed(out) if p.anonymous
                            and fold(p.speaker_text.split()[0]).lstrip("و") == head[2:]), None)
            channel = q.channel or (earlier.channel if earlier else None)
        if earlier is None and len(words) == 1 and head in _DOCUMENTS and q.speaker_span is not None:
            issuer = _issuer_before(text, q.speaker_span.start)   # «أصدرت وزارة المياه تقريراً…»
            if issuer is not None:
                s, e = issuer
                out.append(Quote(span=q.span, text=q.text, speaker_text=text[s:e], speaker_span=Span(s, e),
                                 speaker_mention=None, channel=q.speaker_text.lstrip("و"), direct=q.direct,
                                 anonymous=False, denial=q.denial, verb=q.verb))
                continue
        if earlier is None:
            out.append(q)
            continue
        out.append(Quote(span=q.span, text=q.text, speaker_text=earlier.speaker_text,
                         speaker_span=earlier.speaker_span, speaker_mention=earlier.speaker_mention,
                         channel=channel, direct=q.direct, anonymous=earlier.anonymous,
                         denial=q.denial, verb=q.verb))
    return out


# «أصدرت وزارة المياه تقريراً», «نشرت هيئة الاتصالات بياناً», «وزعت النيابة العامة بلاغاً»,
# «قالت النيابة العامة في بيان»: who issued the document a later «التقرير» / «البيان» means.
_ISSUER = re.compile(r"(?:أصدر|أصدرت|نشر|نشرت|وزع|وزعت|أعلن|أعلنت|قال|قالت)\s+(?P<issuer>[^،.؟!\n«»\"]{3,80}?)\s+"
                     r"(?:في\s+)?(?:تقرير|بيان|بلاغ)(?:اً|ا|ه|ها|هم)?(?=[\s،.])")


def _issuer_before(text: str, pos: int) -> tuple[int, int] | None:
    found = None
    for m in _ISSUER.finditer(text, 0, pos):
        found = m.span("issuer")
    return found


# «…، وإن B», «… وأن B», «… وبأن B»: a second clause under the same verb of saying.
_COORDINATED = re.compile(r"[،,]?\s+و(?:إن|أن|إنّ|أنّ|بأن|بأنّ)(?=\s)")
MIN_CLAUSE_WORDS = 3


def _coordinated(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The reported clause [start, stop) cut at each coordinated أن/إن; a piece too short to
    be a statement stays with the one before it."""
    cuts = [(m.start(), m.end()) for m in _COORDINATED.finditer(text, start, stop)]
    parts, at = [], start
    for cut_start, cut_end in cuts:
        if len(text[at:cut_start].split()) >= MIN_CLAUSE_WORDS and len(text[cut_end:stop].split()) >= 1:
            parts.append((at, cut_start))
            at = cut_end
    parts.append((at, stop))
    return parts


def _mostly_latin(text: str) -> bool:
    sample = text[:3000]
    latin = sum(1 for c in sample if "a" <= c.lower() <= "z")
    arabic = sum(1 for c in sample if "\u0621" <= c <= "\u064a")
    return latin > 2 * arabic


def _is_a_name(start: int, end: int, mentions: Sequence[Mention]) -> bool:
    """«قوات سوريا الديمقراطية» in quotation marks is a name, not something said."""
    covered = sum(max(0, min(end, m.span.end) - max(start, m.span.start)) for m in mentions)
    return covered >= 0.8 * (end - start)


def _subject_before(text: str, tokens: list[Token], verb: Token, people) -> tuple[int, int] | None:
    """A speaker written before its verb: «وزير الإعلام اليمني صالح البكيري قال إن»,
    «لكن مسؤولاً كردياً قال إن», «أما سائق الحافلة أبو رامي فيقول إن». Only a phrase that
    names a person or starts with a title or source word counts."""
    from rasid.extract.entities.roles import _offices

    i = next(k for k, t in enumerate(tokens) if t.start == verb.start)
    words: list[Token] = []
    k = i - 1
    while k >= 0 and len(words) < MAX_SPEAKER_WORDS:
        t = tokens[k]
        if t.text in (".", "؟", "!", "\n", ":", "«", "»", '"', "“", "”"):
            break
        if t.text in ("،", ","):
            # «رئيس مجلس النواب، من جهته، قال», «مصدراً، رفض الكشف عن اسمه، قال»: the words
            # between two commas before the verb are an aside, not the subject.
            words = []
            k -= 1
            continue
        if _word(t) in _SUBJECT_OPENERS or _word(t) in _COMPLEMENTIZERS or verb_kind(t.text) is not None:
            break
        words.insert(0, t)
        k -= 1
    while words and (_word(words[0]) in _SUBJECT_OPENERS or _word(words[-1]) in _ASIDES | {"من"}):
        words = words[1:] if _word(words[0]) in _SUBJECT_OPENERS else words[:-1]
    words = [w for w in words if _word(w) not in _ASIDES and _word(w) != "من" or w is words[0]]
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return None
    head = _word(words[0]).lstrip("و")
    named = any(w.start in people for w in words)   # people: persons and organisations here
    from rasid.text.tokens import match_key
    # «لكن مصدراً في الهيئة … قال»: a subject after لكن/غير أن takes the accusative alif
    accusative = head.endswith("ا") and head[:-1] in anonymous_heads()
    if named or head in anonymous_heads() or accusative or match_key(words[0].text) in _offices():
        return (words[0].start, words[-1].end)
    return None


def _relayed(text: str, tokens: list[Token], i: int, people) -> _Clause | None:
    """«ونقلت صحيفة القبس عن مصادر حكومية أن…», «نقلت وكالة واع عن الوزير قوله إن…»: the
    relayer is the channel, the one it quotes the speaker."""
    j = i + 1
    while j < len(tokens) and j - i <= 7 and _word(tokens[j]) != "عن":
        if _word(tokens[j]) in _COMPLEMENTIZERS or tokens[j].text in (".", ":"):
            return None
        j += 1
    if j >= len(tokens) or _word(tokens[j]) != "عن" or j == i + 1:
        return None
    channel_words = [t for t in tokens[i + 1:j] if t.is_word]
    k = j + 1
    start = k
    while k < len(tokens) and k - start <= MAX_SPEAKER_WORDS and tokens[k].is_word \
            and _word(tokens[k]) not in _COMPLEMENTIZERS and _word(tokens[k]) not in _SAYING:
        k += 1
    if k == start or k >= len(tokens):
        return None
    speaker = (tokens[start].start, tokens[k - 1].end)
    if _word(tokens[k]) in _SAYING:
        k += 1
    if k >= len(tokens) or _word(tokens[k]) not in _COMPLEMENTIZERS:
        return None
    channel = text[channel_words[0].start:channel_words[-1].end] if channel_words else None
    return _Clause(tokens[i], "say", speaker, channel, tokens[k].end)


def _according(text: str, tokens: list[Token], i: int) -> _Clause:
    """«بحسب مصادر أمنية، فإن…» or «…، بحسب مصادر طبية.»: the source is the speaker when it
    is one (a person, an anonymous source); a document or outlet is only a channel."""
    j = i + 1
    if j < len(tokens) and _word(tokens[j]) in ("ما",):
        # «وفق ما أفادت مصادر طبية»: the one who said it; «بحسب ما نقلت قناة…»: a channel.
        if j + 1 < len(tokens) and verb_kind(tokens[j + 1].text) and _word(tokens[j + 1]) not in _RELAY:
            j += 2
        else:
            return _Clause(tokens[i], "according", None, None, None)
    words = []
    channel = None
    if j < len(tokens) and _word(tokens[j]).lstrip("ل") in _DOCUMENT_WORDS:
        # «بحسب بيان صادر عن وزارة الداخلية»، «وفقاً لبيان من الوزارة»، «بحسب بيان لوزارة الصحة»:
        # the document is the channel, its issuer the speaker.
        channel = text[tokens[j].start:tokens[j].end].lstrip("ل")
        k = j + 1
        issued_by = k < len(tokens) and _word(tokens[k]) in _ISSUED_BY   # «تقرير أصدره المرصد»
        if k < len(tokens) and _word(tokens[k]) in _ISSUED | _ISSUED_BY:
            k += 1
        if issued_by:
            pass
        elif k < len(tokens) and _word(tokens[k]) in ("عن", "من"):
            k += 1
        elif k < len(tokens) and _word(tokens[k]).startswith("ل") and len(_word(tokens[k])) > 3:
            tokens = tokens[:k] + [_without_la(tokens[k])] + tokens[k + 1:]
        else:
            return _Clause(tokens[i], "according", None, None, None)   # «بحسب البيان»: no issuer
        j = k
    while j < len(tokens) and len(words) < 5 and tokens[j].is_word and _word(tokens[j]) not in _COMPLEMENTIZERS:
        words.append(tokens[j])
        j += 1
    while words and _word(words[-1]) in _WHEN_WORDS:   # «تقرير أصدره المصرف المركزي الخميس»
        words.pop()
    if not words:
        return _Clause(tokens[i], "according", None, None, None)
    speaker = (words[0].start, words[-1].end)
    content = None
    if j < len(tokens) and tokens[j].text in ("،", ","):
        k = j + 1
        if k < len(tokens) and _word(tokens[k]) in ("فان", "فإن", "فان"):
            k += 1
        if k < len(tokens) and tokens[k].is_word:
            content = tokens[k].start
    return _Clause(tokens[i], "according", speaker, channel, content)


_DOCUMENT_WORDS = frozenset(fold(w) for w in "بيان البيان تقرير رسالة بلاغ".split())
_ISSUED = frozenset(fold(w) for w in "صادر صادرة".split())
_ISSUED_BY = frozenset(fold(w) for w in "أصدره أصدرته أصدرتها نشره نشرته نشرتها".split())


def _without_la(tok: Token) -> Token:
    """«لوزارة» read as «وزارة»: the issuer after «بيان ل…»."""
    return Token(tok.text[1:], tok.start + 1, tok.end)


def _according_quote(text: str, c: _Clause, mentions: Sequence[Mention]) -> Quote | None:
    if c.speaker is None:
        return None
    head = fold(text[c.speaker[0]:c.speaker[1]].split()[0])
    named = any(c.speaker[0] <= m.span.start and m.span.end <= c.speaker[1] and m.type in ("PER", "ORG")
                for m in mentions)
    body = head.removeprefix("ال") in _BODY_HEADS and len(text[c.speaker[0]:c.speaker[1]].split()) > 1
    if head not in anonymous_heads() and not named and not body and c.channel is None:
        return None  # بحسب التقرير، بحسب الأرقام الرسمية: a document with no author, not a speaker
    sent_start, sent_end = _sentence_bounds(text, c.verb.start)
    if c.content_start is not None:
        span = _strip(text, c.content_start, sent_end)
    else:
        span = _strip(text, sent_start, c.verb.start)
        while span[1] > span[0] and text[span[1] - 1] in "،, ":
            span = (span[0], span[1] - 1)
    if len(text[span[0]:span[1]].split()) < MIN_QUOTE_WORDS:
        return None
    return _quote(text, span, False, c, c.speaker, None, mentions)


_SAID = frozenset(fold(w) for w in "قال قالت قالوا يقول تقول أضاف أضافت ذكر ذكرت أوضح أوضحت".split())


def _said_before(text: str, tokens: list[Token], c: _Clause, directs, used, sent_start: int):
    """What a «قال X» with nothing after it attributes: a direct quote closing just before
    its verb («"…"، قالت X»), else the unmarked clause from the sentence start to the comma
    right before the verb («الكتل لم تتفق بعد على موعد الجلسة، قال النائب»)."""
    gap_ok = lambda gap: len(gap) <= 4 and set(gap.strip()) <= {"،", ",", "و"}  # noqa: E731
    for d in directs:
        if d not in used and d[1] < c.verb.start and gap_ok(text[d[1] + 1:c.verb.start]):
            return d, True
    if _word(c.verb) not in _SAID:
        return None
    lead = text[sent_start:c.verb.start].rstrip()
    inner = [t for t in tokens if sent_start <= t.start < c.verb.start]
    if (lead.endswith(("،", ",")) and len(lead.split()) >= 5 and not any(q in lead for q in "«»\"“”")
            and not any(t.is_word and verb_kind(t.text) for t in inner)):
        return _strip(text, sent_start, sent_start + len(lead) - 1), False
    return None


def _clause_after(text: str, tokens: list[Token], close: int, clauses: list[_Clause]) -> _Clause | None:
    for c in clauses:
        gap = text[close + 1:c.verb.start]
        if c.verb.start > close and len(gap) <= 4 and set(gap.strip()) <= {"،", ",", "و"}:
            return c if c.kind != "according" else None
    return None


def _interrupted(text: str, prev_end: int, start: int) -> bool:
    between = text[prev_end + 1:start - 1]
    return bool(re.fullmatch(r"\s*[،,]\s*\S+(?:\s+\S+){0,8}\s*[،,:]\s*", between))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ":،,"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _quote(text, span, is_direct, clause: _Clause, speaker, inherited: Quote | None,
           mentions: Sequence[Mention]) -> Quote:
    if inherited is not None and speaker is None:
        return Quote(span=Span(*span), text=text[span[0]:span[1]], speaker_text=inherited.speaker_text,
                     speaker_span=inherited.speaker_span, speaker_mention=inherited.speaker_mention,
                     channel=clause.channel or inherited.channel, direct=is_direct,
                     anonymous=inherited.anonymous, denial=clause.kind == "deny",
                     verb=clause.verb.text)
    s, e = speaker
    speaker_text = text[s:e]
    inside = [k for k, m in enumerate(mentions) if s <= m.span.start and m.span.end <= e
              and m.type in ("PER", "ORG")]
    mention = inside[0] if inside else None
    head = fold(speaker_text.split()[0]) if speaker_text.split() else ""
    if head[:1] in ("و", "ف") and head[1:] in anonymous_heads():
        head = head[1:]
    if head.endswith("ا") and head[:-1] in anonymous_heads():
        head = head[:-1]   # accusative: «لكن مصدراً … قال»
    spokesperson = head in _SPOKESPERSON and len(speaker_text.split()) > 1 and fold(speaker_text.split()[1]) == "باسم"
    anonymous = (head in anonymous_heads() and not spokesperson
                 and not any(mentions[k].type == "PER" for k in inside))
    return Quote(span=Span(*span), text=text[span[0]:span[1]], speaker_text=speaker_text,
                 speaker_span=Span(s, e), speaker_mention=mention, channel=clause.channel,
                 direct=is_direct, anonymous=anonymous, denial=clause.kind == "deny",
                 verb=clause.verb.text)


def _copy_speaker(text: str, span: tuple[int, int], prev: Quote) -> Quote:
    return Quote(span=Span(*span), text=text[span[0]:span[1]], speaker_text=prev.speaker_text,
                 speaker_span=prev.speaker_span, speaker_mention=prev.speaker_mention,
                 channel=prev.channel, direct=True, anonymous=prev.anonymous,
                 denial=prev.denial, verb=prev.verb)
