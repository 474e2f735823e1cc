"""ROUGE of eval/summaries, checked against small examples computed by hand, and the
evaluation's same-language citation test and lead baseline on made-up articles."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from rasid.model import Article, Span

EVALUATE = Path(__file__).resolve().parents[2] / "eval" / "summaries" / "evaluate.py"


def _load():
    spec = importlib.util.spec_from_file_location("summary_eval", EVALUATE)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


m = _load()


def test_identical_texts_score_one():
    ref = "a b c d".split()
    assert m.rouge_n(ref, ref, 1) == (1.0, 1.0, 1.0)
    assert m.rouge_n(ref, ref, 2) == (1.0, 1.0, 1.0)
    assert m.rouge_l(ref, ref) == (1.0, 1.0, 1.0)
    assert m.rouge("وقّع العراق والأردن مذكرة تفاهم", "وقّع العراق والأردن مذكرة تفاهم") == \
        {"rouge1": 1.0, "rouge2": 1.0, "rougeL": 1.0}


def test_disjoint_and_empty_texts_score_zero():
    assert m.rouge_n("a b c".split(), "x y z".split(), 1) == (0.0, 0.0, 0.0)
    assert m.rouge_n("a b c".split(), "x y z".split(), 2) == (0.0, 0.0, 0.0)
    assert m.rouge_l("a b c".split(), "x y z".split()) == (0.0, 0.0, 0.0)
    assert m.rouge("a b c", []) == {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    assert m.rouge_n(["a"], ["a"], 2) == (0.0, 0.0, 0.0)      # no bigram on either side


def test_rouge1_clips_repeated_words():
    # reference the:2 cat:1, candidate the:3 -> overlap min(2, 3) = 2; P = 2/3, R = 2/3
    p, r, f = m.rouge_n("the the cat".split(), "the the the".split(), 1)
    assert (p, r, f) == pytest.approx((2 / 3, 2 / 3, 2 / 3))


def test_rouge2_by_hand():
    # reference bigrams ab bc cd, candidate bigrams ab bd dc: one in common -> P = R = F = 1/3
    p, r, f = m.rouge_n("a b c d".split(), "a b d c".split(), 2)
    assert (p, r, f) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    # reference ab bc cd de (4), candidate ab bc (2): P = 2/2, R = 2/4, F = 2/3
    assert m.rouge_n("a b c d e".split(), "a b c".split(), 2) == pytest.approx((1.0, 0.5, 2 / 3))


def test_rouge_l_by_hand():
    # LCS of a b c d e and a c x e is a c e (3): P = 3/4, R = 3/5, F = 2PR/(P+R) = 2/3
    assert m.lcs_length("a b c d e".split(), "a c x e".split()) == 3
    assert m.rouge_l("a b c d e".split(), "a c x e".split()) == pytest.approx((0.75, 0.6, 2 / 3))
    # the textbook pair: LCS(ABCBDAB, BDCABA) = 4, whichever side is longer
    assert m.lcs_length(list("ABCBDAB"), list("BDCABA")) == 4
    assert m.lcs_length(list("BDCABA"), list("ABCBDAB")) == 4
    # order matters for LCS, not for ROUGE-1
    assert m.rouge_l("a b".split(), "b a".split())[2] == 0.5
    assert m.rouge_n("a b".split(), "b a".split(), 1)[2] == 1.0


def test_rouge_runs_over_match_keys():
    # clitics and spelling variants meet at one key; English is lower-cased
    assert m.keys("والعراق وبالأردن") == m.keys("العراق الأردن")
    assert m.rouge("وقّع العراق والأردن", "وقع العراق الاردن")["rouge2"] == 1.0
    assert m.rouge("Iraq and Jordan signed", "IRAQ AND JORDAN SIGNED")["rougeL"] == 1.0
    # sentence lists are joined in order
    assert m.rouge(["a b", "c d"], "a b c d") == {"rouge1": 1.0, "rouge2": 1.0, "rougeL": 1.0}


def test_content_keys_keep_numbers_of_three_characters_or_more():
    assert m.content_keys("في عام 2024 قتل 12 شخصا") == {"عام", "2024", "قتل", "شخصا"}


def _article(aid: str, text: str, published: str | None, lang: str = "ar", published_at: str | None = None):
    spans, at = [], 0
    for part in text.split(". "):
        start = text.index(part, at)
        spans.append(Span(start, start + len(part)))
        at = start + len(part)
    return Article(id=aid, source_id=aid, source=aid, line=None, format="txt", text=text,
                   published=published, published_at=published_at, lang=lang, sentences=tuple(spans))


def test_same_language_citation_needs_most_content_keys():
    cited = _article("a1", "وقع العراق والأردن مذكرة تفاهم أمنية في بغداد", "2025-04-14")

    class S:
        text = "وقّع العراق والأردن في بغداد مذكرة تفاهم"

    ok = m.check_citation(S, cited, "ar", embed=None)
    assert ok["ok"] and ok["value"] == 1.0
    S.text = "وقّع العراق والأردن اتفاقية تجارية كبيرة للنفط"   # 3 of 7 content keys
    bad = m.check_citation(S, cited, "ar", embed=None)
    assert not bad["ok"] and bad["value"] == pytest.approx(3 / 7, abs=1e-3)


def test_lead_takes_the_earliest_published_article_undated_last():
    late = _article("late", "one. two. three", "2025-03-11")
    early = _article("early", "uno. dos. tres", "2025-03-10", published_at="2025-03-10T23:00:00+00:00")
    earlier = _article("earlier", "eins. zwei", "2025-03-10", published_at="2025-03-11T01:00:00+03:00")
    undated = _article("undated", "x. y", None)
    assert m.lead([undated, late, early], 2) == ("early", ["uno", "dos"])
    assert m.lead([undated, late, early, earlier], 5) == ("earlier", ["eins", "zwei"])
