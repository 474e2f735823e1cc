"""What a story's sources claim, how many independent origins back each claim, and where
they disagree. A story's claims are matched across its thread (`story_claims`): the same
statement reported in two stories of one thread is one claim.

- **Claims**: quotes in a story grouped when one speaker (the same entity, or the same
  speaker words when no name resolved) says the same thing (content words overlapping by
  `SAME_CLAIM` or more), or when a copy, rewrite or translation repeats a quote on a clause
  aligned with it (a translated statement shares no words with its original); a quote that
  joins two claims these ways makes them one. Each claim counts its *independent origins*: articles joined by a
  derivation chain, or from one outlet, count once (`rasid.link.origins`), so a statement
  copied by ten sites is one voice.
- **Discrepancies**: the same kind of quantity stated with different values (figures with
  one unit, e.g. قتيلاً 12 vs 15), the same words credited to different speakers by
  different articles, and a statement one source makes that another source's speaker
  denies. Each side lists the articles that state it.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rasid.link.origins import independent_origins
from rasid.model import Article, Derivation, Quote
from rasid.text.tokens import match_keys

SAME_CLAIM = 0.45        # Jaccard of content words: the same statement reported twice
DENIES = 0.30            # a denial sharing this much with a statement denies it
MIN_KEY = 3


@dataclass
class Claim:
    speaker: str                       # entity id, else the speaker's words
    speaker_text: str
    text: str                          # the fullest wording
    quotes: list[tuple[str, int]] = field(default_factory=list)   # (article id, quote index)
    independent_origins: int = 0
    denial: bool = False

    @property
    def article_ids(self) -> list[str]:
        return sorted({a for a, _ in self.quotes})


def _words(text: str) -> frozenset[str]:
    return frozenset(k for k in match_keys(text) if len(k) >= MIN_KEY and not k.isdigit())


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _speaker(article: Article, q: Quote) -> str:
    if q.speaker_mention is not None and q.speaker_mention < len(article.mentions):
        eid = article.mentions[q.speaker_mention].entity_id
        if eid:
            return eid
    if q.anonymous:
        return "anonymous"
    return " ".join(match_keys(q.speaker_text))


def _aligned_quotes(articles: Sequence[Article], derivations: Sequence[Derivation]) -> dict:
    """(article id, quote index) -> the quotes of linked articles that say it: a quote in a copy,
    rewrite or translation whose span lies on an aligned clause of its source's quote. This is
    how a translated statement joins its original although no word is shared."""
    by_id = {a.id: a for a in articles}
    partners: dict[tuple[str, int], set[tuple[str, int]]] = defaultdict(set)

    def overlapping(a: Article, span) -> list[int]:
        return [i for i, q in enumerate(a.quotes) if q.span.start < span.end and span.start < q.span.end]

    for d in derivations:
        derived, source = by_id.get(d.derived_id), by_id.get(d.source_id)
        if derived is None or source is None or not derived.quotes or not source.quotes:
            continue
        for x, y, _ in d.aligned:
            for i in overlapping(derived, x):
                for j in overlapping(source, y):
                    partners[(derived.id, i)].add((source.id, j))
                    partners[(source.id, j)].add((derived.id, i))
    return partners


def claims(articles: Sequence[Article], derivations: Iterable[Derivation] = ()) -> list[Claim]:
    derivations = list(derivations)
    outlet_of = {a.id: a.outlet for a in articles}
    partners = _aligned_quotes(articles, derivations)
    claim_of: dict[tuple[str, int], Claim] = {}
    lang_of: dict[int, str] = {}
    copied_text: dict[int, bool] = {}    # the claim's wording comes from a copy, rewrite or translation
    derived = {d.derived_id for d in derivations}
    found: list[tuple[Claim, list[frozenset[str]]]] = []   # each claim with its first wordings
    # oldest first, undated last: a claim opens with the earliest report that has it
    for a in sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id)):
        for i, q in enumerate(a.quotes):
            words = _words(q.text)
            speaker = _speaker(a, q)
            # Anonymous sources are only the same source when the words say so clearly.
            need = SAME_CLAIM + (0.15 if speaker == "anonymous" else 0.0)
            linked = {id(claim_of[p]) for p in partners.get((a.id, i), ())
                      if p in claim_of and claim_of[p].denial == q.denial}
            matches = [(claim, ws) for claim, ws in found if id(claim) in linked or (
                claim.speaker == speaker and claim.denial == q.denial
                and any(_jaccard(words, w) >= need for w in ws))]
            if not matches:
                best = Claim(speaker, q.speaker_text, q.text, denial=q.denial)
                found.append((best, [words]))
                lang_of[id(best)] = a.lang
                copied_text[id(best)] = a.id in derived
            else:
                # A statement that repeats two claims (one through a translation's aligned clause,
                # one in the same words) makes them one: the earliest takes the others in.
                best, wordings = matches[0]
                for other, ws in matches[1:]:
                    wordings.extend(ws)
                    best.quotes.extend(other.quotes)
                    for key in other.quotes:
                        claim_of[key] = best
                    if lang_of[id(other)] == lang_of[id(best)] and _better(
                            other.text, copied_text[id(other)], best.text, copied_text[id(best)]):
                        best.text, copied_text[id(best)] = other.text, copied_text[id(other)]
                merged = {id(other) for other, _ in matches[1:]}
                found = [(c, ws) for c, ws in found if id(c) not in merged]
                if a.lang == lang_of[id(best)] and _better(q.text, a.id in derived, best.text, copied_text[id(best)]):
                    best.text, copied_text[id(best)] = q.text, a.id in derived
            best.quotes.append((a.id, i))
            claim_of[(a.id, i)] = best
    out = []
    for claim, _ in found:
        claim.independent_origins = independent_origins(claim.article_ids, derivations, outlet_of)
        out.append(claim)
    return sorted(out, key=lambda c: (-c.independent_origins, -len(c.quotes), c.text))


def story_claims(story_ids: Iterable[str], thread_articles: Sequence[Article],
                 derivations: Iterable[Derivation] = ()) -> list[Claim]:
    """A story's claims, matched across its thread: `claims` over every report of the thread
    (`thread_articles` holds the story's own), keeping those its own reports make. A statement
    another story of the thread also carries (an announcement one day, an interview with the
    same man the next) is one claim, and its origins are counted across both, with the other
    story's articles among its article ids."""
    own = set(story_ids)
    return [c for c in claims(thread_articles, derivations) if not own.isdisjoint(c.article_ids)]


def _better(text: str, copied: bool, than: str, than_copied: bool) -> bool:
    """A claim's wording: an original's over a copy's (a rewrite or machine translation garbles
    it), then the fullest, in the language the claim was first made in."""
    return (copied, -len(text)) < (than_copied, -len(than))


def discrepancies(articles: Sequence[Article], found_claims: Sequence[Claim] = ()) -> list[dict]:
    """Contract shape: [{"about", "values": [{"value", "article_ids"}]}], plus "kind"."""
    out = []
    by_unit: dict[str, dict[float, set[str]]] = defaultdict(lambda: defaultdict(set))
    about_of: dict[str, str] = {}
    for a in articles:
        mine: dict[str, set[float]] = defaultdict(set)
        for f in a.figures:
            if f.unit:
                mine[f.unit].add(f.value)
                about_of.setdefault(f.unit, f.about or f.unit)
        for unit, values in mine.items():
            # An article giving several values of one unit (12 dead here, 3 there) states
            # several facts, not one figure to compare.
            if len(values) == 1:
                by_unit[unit][next(iter(values))].add(a.id)
    for unit, values in sorted(by_unit.items()):
        if len(values) > 1:
            out.append({"about": about_of[unit], "kind": "figure", "values": [
                {"value": _number(v), "article_ids": sorted(ids)} for v, ids in sorted(values.items())]})
    statements = [c for c in found_claims if not c.denial]
    # the same words put in different mouths: one source credits X, another Y
    for i, a in enumerate(statements):
        aw = _words(a.text)
        for b in statements[i + 1:]:
            if (a.speaker != b.speaker and set(a.article_ids).isdisjoint(b.article_ids)
                    and _jaccard(aw, _words(b.text)) >= SAME_CLAIM):
                out.append({"about": a.text, "kind": "speaker", "values": [
                    {"value": a.speaker_text, "article_ids": a.article_ids},
                    {"value": b.speaker_text, "article_ids": b.article_ids}]})
    for d in (c for c in found_claims if c.denial):
        dw = _words(d.text)
        for s in statements:
            if _jaccard(dw, _words(s.text)) >= DENIES and set(s.article_ids) != set(d.article_ids):
                out.append({"about": s.text, "kind": "denial", "values": [
                    {"value": s.text, "speaker": s.speaker_text, "article_ids": s.article_ids},
                    {"value": d.text, "speaker": d.speaker_text, "denial": True,
                     "article_ids": d.article_ids}]})
    return out


def _number(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v
