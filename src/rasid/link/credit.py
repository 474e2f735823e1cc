"""Do two articles say their report comes from one outlet?

An outlet names itself when it prints its own interviews («وقال مسؤول أمني لـ"العربي
الجديد"»), and whoever relays that report names it too: «نقلاً عن …», «بحسب ما أورده …»,
«وفقاً لمصادر تحدثت إلى …», "sources speaking to …". Two reports of one event that both
trace to outlet X, or one that is X's and one that credits X, are not independent: the
credit is the reporter's own word that the content was taken, which a machine-translated
or heavily reworded relay keeps even when its wording has drifted far from the source.

Pure functions over articles (their text, outlet and extracted quotes).
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rasid.extract.quotes.lexicon import channel_words, fold
from rasid.link.outlets import (MAX_NAME_WORDS, OUTLET_PREFIXES, ViewCache, cites, credits_any, grams,
                                outlet_names, text_words)
from rasid.model import Article
from rasid.resources import read_lines
from rasid.text.tokens import match_text

# A statement given to an outlet: a speech word, then within a few words «إلى/لـ/to» and the
# outlet's name («تحدثت شريطة عدم الكشف عن هويتها إلى …», "speaking on condition of anonymity to").
SPEECH_WINDOW = 8
_SPEECH = ("قال قالت يقول تقول تحدث تحدثت يتحدث تتحدث متحدثا متحدثين حديث حديثه صرح صرحت تصريح"
           " تصريحات أكد أكدت أوضح أوضحت أفاد أفادت كشف كشفت told speaking spoke talking said tells")
_TO = ("إلى", "ل", "لـ", "to")
# Statement forms and platforms are channels but not outlets («في بيان», «على منصة إكس»).
_NOT_OUTLETS = ("منصة", "فيسبوك", "تلغرام", "تويتر", "إكس", "إنستغرام", "يوتيوب", "تيك", "مؤتمر")


@lru_cache(maxsize=1)
def _speech() -> frozenset[str]:
    return frozenset(match_text(w) for w in _SPEECH.split())


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(match_text(w) for w in OUTLET_PREFIXES + ("إذاعة", "تلفزيون", "newspaper", "agency"))


@lru_cache(maxsize=1)
def _to() -> frozenset[str]:
    return frozenset(k for k in (match_text(w) for w in _TO) if k)


@lru_cache(maxsize=1)
def _alias_table() -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """resources/outlet_aliases.tsv read once for credits: short names (written «~name»: العربي
    for العربي الجديد) -> the outlet's names, and every name key -> the outlet's first name."""
    short: dict[str, frozenset[str]] = {}
    display: dict[str, str] = {}
    for line in read_lines("outlet_aliases.tsv"):
        names = [n.lstrip("=") for n in line.split("\t")]
        first = names[0].lstrip("~")
        full = frozenset(outlet_names(first))
        for n in names:
            key = match_text(n.lstrip("~"))
            if n.startswith("~") and key:
                short[key] = full
            display.update(dict.fromkeys(outlet_names(n.lstrip("~")) | {key}, first))
    return short, display


def short_names() -> dict[str, frozenset[str]]:
    """Short names, ordinary words too often to count after any citation phrase: they count
    only as the outlet a statement was given to. Short-name key -> the outlet's names."""
    return _alias_table()[0]


def _is_outlet(channel: str, text: str) -> bool:
    """A quote's channel names an outlet when it is a listed one, starts with an outlet's head
    noun («صحيفة الفجر»), or is written in quotation marks in the text («لـ"الفجر"»); not a
    statement form («بيان», «مؤتمر صحافي») or a platform, nor a stray word taken for one."""
    words = channel.split()
    if not words or fold(words[0]) in _not_outlets():
        return False
    if match_text(channel) in _listed_names() or match_text(words[0]) in _heads():
        return True
    return any(f"{o}{channel}{c}" in text for o, c in ('""', "«»", "“”"))


@lru_cache(maxsize=1)
def _not_outlets() -> frozenset[str]:
    return channel_words() | {fold(w) for w in _NOT_OUTLETS}


def _find_slots(article_id: str, headline: str | None, text: str) -> tuple[tuple[int, bool, tuple[str, ...]], ...]:
    """Where the text names whom a statement was given to: the word after «إلى/لـ/to» or after
    an outlet's head noun («… لصحيفة X», its ل glued on), with a speech word shortly before.
    Each with its position, whether «إلى/لـ/to» stands right before it (short names need that)
    and the names that could start there (outlets.grams)."""
    words = text_words(article_id, headline, text)
    out = []
    for i in range(1, len(words)):
        j = i - 1
        if words[j] in _heads():
            j -= int(j > 0 and words[j - 1] in _to())
        elif words[j] not in _to():
            continue
        if any(w in _speech() for w in words[max(0, j - SPEECH_WINDOW):j]):
            out.append((i, words[i - 1] in _to(), grams(words, i)))
    return tuple(out)


_slots = ViewCache(_find_slots)


@lru_cache(maxsize=64)
def _longest(names: frozenset[str]) -> int:
    return max((len(k.split()) for k in names), default=0)


def _told_to(article_id: str, headline: str | None, text: str, names: frozenset[str]) -> set[str]:
    """Which of `names` (match keys) the text says a statement was given to: «… إلى X», "… to X"
    with a speech word shortly before."""
    found = set()
    longest = _longest(names)
    slots = _slots(article_id, headline, text)
    if longest > MAX_NAME_WORDS:   # longer than the slots keep: read them from the words
        words = text_words(article_id, headline, text)
        slots = tuple((i, after_to, grams(words, i, longest)) for i, after_to, _ in slots)
    for _, after_to, names_here in slots:
        for n in range(min(longest, len(names_here)), 0, -1):
            key = names_here[n - 1]
            if key in names and (after_to or key not in short_names()):
                found.add(key)
                break
    return found


@lru_cache(maxsize=1)
def _listed_names() -> frozenset[str]:
    """Every listed outlet's names and short names (match keys)."""
    out = set(short_names())
    for line in read_lines("outlet_aliases.tsv"):
        out |= outlet_names(line.split("\t")[0].lstrip("=~"))
    return frozenset(out)


def told(article: Article) -> dict[str, str]:
    """The outlets this article's statements were given to, as {name key: display name}, every
    alias included: the outlet channels of its quotes and «… تحدث إلى X» in its text."""
    return _told(article.id, article.headline, article.text, article.quotes)


@lru_cache(maxsize=4096)
def _interviews(text: str, quotes: tuple) -> dict[str, str]:
    """The outlets the quotes were given to (their channels that name an outlet), as {name key:
    display name}: how an outlet prints its own interviews («قال لـ"X"»)."""
    out: dict[str, str] = {}
    for q in quotes:
        if q.channel and _is_outlet(q.channel, text):
            out.update(dict.fromkeys(outlet_names(q.channel), _display(q.channel)))
    return out


@lru_cache(maxsize=4096)
def _told(article_id: str, headline: str | None, text: str, quotes: tuple) -> dict[str, str]:
    """`told`, once per article (the dict returned is shared: read it, do not change it)."""
    out = dict(_interviews(text, quotes))
    for key in _told_to(article_id, headline, text, _listed_names()):
        names = short_names().get(key) or outlet_names(key)
        out.update(dict.fromkeys(names, _display(key)))
    return out


def _display(name: str) -> str:
    """A listed outlet's first name as written in outlet_aliases.tsv; other names as they are."""
    display = _alias_table()[1]
    return next((display[k] for k in sorted(outlet_names(name) | {match_text(name)}) if k in display), name)


def credits(article: Article, outlet: str | None) -> bool:
    """True when the article credits `outlet` for what it reports: by a citation phrase
    (outlets.cites) or as the outlet a statement was given to."""
    names = outlet_names(outlet)
    if not names:
        return False
    short = frozenset(k for k, group in short_names().items() if group & names)
    return bool(names & told(article).keys()) \
        or bool(_told_to(article.id, article.headline, article.text, names | short)) or cites(article, outlet)


def interviewed(article: Article, outlet: str) -> bool:
    """The article carries statements given to `outlet` as its quotes' channel («قال لـ"X"»):
    how an outlet prints its own interviews (a relay of them says «نقلت X عن …»)."""
    return not outlet_names(outlet).isdisjoint(_interviews(article.text, article.quotes))


def relayed_from(a: Article, b: Article) -> str | None:
    """The source side, when the text says: the article that is `outlet`'s (by metadata, or by
    carrying its interviews) is the source of one that credits that outlet without carrying
    them. Returns a's or b's id, or None when the credits do not tell."""
    x = shared_source(a, b)
    if x is None:
        return None
    own_a = bool(a.outlet and outlet_names(a.outlet) & outlet_names(x)) or interviewed(a, x)
    own_b = bool(b.outlet and outlet_names(b.outlet) & outlet_names(x)) or interviewed(b, x)
    if own_a and not own_b:
        return a.id
    if own_b and not own_a:
        return b.id
    return None


def _same_outlet(a: Article, b: Article) -> bool:
    return bool(a.outlet and b.outlet and outlet_names(a.outlet) & outlet_names(b.outlet))


def shared_source(a: Article, b: Article) -> str | None:
    """The outlet whose report both articles carry, or None: one is that outlet's report (its
    outlet, or the outlet its statements were given to) and the other credits that outlet, or
    both carry statements given to it. An outlet citing itself, or two articles of one outlet,
    say nothing about each other."""
    if _same_outlet(a, b):
        return None
    told_a, told_b = told(a), told(b)
    both = sorted(told_a.keys() & told_b.keys())
    if both:
        return told_a[both[0]]
    for this, told_this, other in ((a, told_a, b), (b, told_b, a)):
        if this.outlet and credits(other, this.outlet):
            return this.outlet
        for name in sorted(set(told_this.values())):
            if not (other.outlet and outlet_names(other.outlet) & outlet_names(name)) and credits(other, name):
                return name
    return None


def may_share_source(a: Article, outlet: str | None, channels: Iterable[str]) -> bool:
    """Before reading an article of `outlet` whose quotes came through `channels`: could it be
    the report `a` credits, or carry statements given to an outlet `a` carries? A cheap,
    generous test (shared_source decides once it is read); the other way round, that it
    credits `a`, is found when it searches itself."""
    if outlet and credits(a, outlet):
        return True
    told_a = told(a)
    for channel in channels:
        words = channel.split()
        if words and fold(words[0]) not in _not_outlets() and (
                outlet_names(channel) & told_a.keys() or credits(a, channel)):
            return True
    return False


def outlet_keys(outlets: Iterable[str | None]) -> frozenset[str]:
    """The name keys of these outlets (prefixes such as صحيفة dropped, aliases added) and of
    every listed outlet: what `names_an_outlet` looks for."""
    return frozenset(k for o in outlets for k in outlet_names(o)) | _listed_names()


def names_an_outlet(article: Article, known: frozenset[str] | None = None) -> bool:
    """Cheap test before searching for the report an article relays or is: it gave a statement
    to an outlet, or it credits one (`cites`) of `known` (from `outlet_keys`: the archive's and
    the listed outlets; the listed ones when None) or an outlet named by its head noun
    («نقلاً عن صحيفة …»)."""
    if told(article):
        return True
    names = _listed_names() if known is None else known
    return credits_any(article, names) or credits_any(article, _heads())
