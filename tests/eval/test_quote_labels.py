"""The quote-attribution evaluation set (eval/quotes/attributions.jsonl) and its harness's
matching and metrics."""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from rasid.model import Quote, Span

ROOT = Path(__file__).resolve().parents[2]
HARNESS = ROOT / "eval" / "quotes" / "evaluate.py"
DATA = ROOT / "eval" / "quotes" / "attributions.jsonl"
KINDS = {"named", "title", "anonymous", "organisation"}
REQUIRED = {"quote", "speaker", "speaker_kind", "channel", "direct", "denial"}
OPTIONAL = {"verb", "quote_start", "speaker_start", "channel_start", "verb_start", "pronoun",
            "antecedent", "antecedent_start"}
OPENING = "«“\"‹"
CLOSING = "»”\"›"
MARKS = set("«»“”\"‹›")


@pytest.fixture(scope="module")
def harness():
    spec = importlib.util.spec_from_file_location("quotes_evaluate", HARNESS)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module   # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def _attrs(items):
    return [(it, a) for it in items for a in it["attributions"]]


def _start(text: str, sub: str, given: int | None) -> int:
    return given if given is not None else text.index(sub)


# -- the file ----------------------------------------------------------------------------------

def test_items_are_well_formed(items):
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids))
    for it in items:
        assert re.fullmatch(r"q\d{3}", it["id"]), it["id"]
        assert set(it) == {"id", "text", "tags", "attributions"}, it["id"]
        assert it["text"] and it["text"] == it["text"].strip(), it["id"]
        assert all(re.fullmatch(r"[a-z_]+", t) for t in it["tags"]), it["id"]
        assert isinstance(it["attributions"], list), it["id"]
        assert bool(it["attributions"]) != ("negative" in it["tags"]), it["id"]


@pytest.mark.parametrize("field,start", [("quote", "quote_start"), ("speaker", "speaker_start"),
                                         ("channel", "channel_start"), ("verb", "verb_start"),
                                         ("antecedent", "antecedent_start")])
def test_every_substring_is_in_the_text_and_offsets_agree(items, field, start):
    for it, a in _attrs(items):
        text, sub = it["text"], a.get(field)
        if sub is None:
            assert start not in a, (it["id"], field)
            continue
        assert isinstance(sub, str) and sub and sub == sub.strip(), (it["id"], field, sub)
        count = text.count(sub)
        assert count >= 1, (it["id"], field, sub)
        if count > 1:
            assert start in a, f"{it['id']}: {field} {sub!r} occurs {count} times and has no {start}"
        if start in a:
            assert text[a[start]:a[start] + len(sub)] == sub, (it["id"], field, a[start])


def test_attribution_fields_and_kinds(items):
    for it, a in _attrs(items):
        assert REQUIRED <= set(a) <= REQUIRED | OPTIONAL, (it["id"], set(a) - REQUIRED - OPTIONAL)
        assert a["speaker_kind"] in KINDS, (it["id"], a["speaker_kind"])
        assert isinstance(a["direct"], bool) and isinstance(a["denial"], bool), it["id"]
        assert a.get("verb"), (it["id"], a["quote"])
        if a.get("pronoun"):
            assert a["pronoun"] is True and "speaker_start" in a, it["id"]
        if a["channel"] is not None:
            assert isinstance(a["channel"], str) and a["channel"], it["id"]


def test_direct_quotes_sit_inside_quotation_marks(items):
    for it, a in _attrs(items):
        text = it["text"]
        qs = _start(text, a["quote"], a.get("quote_start"))
        qe = qs + len(a["quote"])
        if a["direct"]:
            assert text[qs - 1] in OPENING, (it["id"], a["quote"])
            ragged = {"unbalanced", "cross_paragraph"} & set(it["tags"])
            if not ragged:
                assert qe < len(text) and text[qe] in CLOSING, (it["id"], a["quote"])
        else:
            assert a["quote"][0] not in MARKS and a["quote"][-1] not in MARKS, (it["id"], a["quote"])
            assert qs == 0 or text[qs - 1] not in OPENING, (it["id"], a["quote"])


def test_spans_are_disjoint(items):
    """Quotes of one item never overlap; a speaker (or antecedent) never lies inside its quote."""
    for it in items:
        text, spans = it["text"], []
        for a in it["attributions"]:
            qs = _start(text, a["quote"], a.get("quote_start"))
            q = (qs, qs + len(a["quote"]))
            for other in spans:
                assert q[1] <= other[0] or other[1] <= q[0], (it["id"], a["quote"])
            spans.append(q)
            for field in ("speaker", "antecedent"):
                if a.get(field):
                    s = _start(text, a[field], a.get(f"{field}_start"))
                    assert s + len(a[field]) <= q[0] or q[1] <= s, (it["id"], field, a[field])


def test_size_and_coverage(items):
    attrs = [a for _, a in _attrs(items)]
    assert len(items) >= 70
    assert len(attrs) >= 150
    assert sum(a["speaker_kind"] == "anonymous" for a in attrs) >= 25
    assert sum(a["channel"] is not None for a in attrs) >= 20
    assert sum(a["direct"] for a in attrs) >= 20
    assert sum(not a["direct"] for a in attrs) >= 20
    assert sum(a["denial"] for a in attrs) >= 8
    assert sum(not it["attributions"] for it in items) >= 10
    assert sum(bool(a.get("pronoun")) for a in attrs) >= 20
    assert Counter(a["speaker_kind"] for a in attrs).keys() == KINDS
    tags = Counter(t for it in items for t in it["tags"])
    for tag in ("interrupted", "multi_sentence", "multi_speaker", "unbalanced", "cross_paragraph",
                "quote_first", "speaker_first", "document", "name_in_quotes", "non_speech_verb", "nested"):
        assert tags[tag] >= 1, tag


def test_every_kind_of_quotation_mark_is_used(items):
    opened = Counter()
    for it, a in _attrs(items):
        if a["direct"]:
            qs = _start(it["text"], a["quote"], a.get("quote_start"))
            opened[it["text"][qs - 1]] += 1
    for mark in OPENING:
        assert opened[mark] >= 1, mark


# -- the harness -------------------------------------------------------------------------------

TEXT = "قال الوزير إن الوضع مستقر. وأضاف أن الطرق مفتوحة. وقال مصدر إن المعبر أغلق."


def _q(text: str, quote: str, speaker: str | None, **kw) -> Quote:
    s = text.index(quote)
    span = Span(s, s + len(quote))
    if speaker is None:
        return Quote(span, quote, "", None, **kw)
    ss = text.index(speaker)
    return Quote(span, quote, speaker, Span(ss, ss + len(speaker)), **kw)


def test_match_is_greedy_one_to_one_at_half_the_shorter_span(harness):
    assert harness.match([(0, 10), (10, 20)], [(0, 20)]) == [(0, 0)]
    assert harness.match([(0, 10)], [(5, 30)]) == [(0, 0)]       # 5 of the shorter 10
    assert harness.match([(0, 10)], [(6, 30)]) == []             # 4 of 10
    assert harness.match([(0, 10), (20, 30)], [(21, 29), (1, 9)]) == [(0, 1), (1, 0)]
    assert harness.match([(0, 10)], [(0, 0)]) == []              # an empty span matches nothing


def test_precision_and_recall_on_a_hand_example(harness):
    item = {"id": "t1", "text": TEXT, "tags": ["pronoun"], "attributions": [
        {"quote": "الوضع مستقر", "speaker": "الوزير", "speaker_kind": "title", "channel": None,
         "direct": False, "denial": False},
        {"quote": "الطرق مفتوحة", "speaker": "الوزير", "speaker_kind": "title", "channel": None,
         "direct": False, "denial": False, "speaker_start": 4, "pronoun": True},
        {"quote": "المعبر أغلق", "speaker": "مصدر", "speaker_kind": "anonymous", "channel": None,
         "direct": False, "denial": False}]}

    def extract(text, mentions=()):
        return [
            _q(text, "الوضع مستقر", "الوزير"),                        # right
            _q(text, "الطرق مفتوحة.", "الوزير"),                      # right: pronoun, any occurrence
            _q(text, "وقال مصدر", None, channel="بيان"),            # false positive, no speaker
        ]

    r = harness.evaluate(extract, [item])
    assert (r["detection"]["tp"], r["detection"]["fp"], r["detection"]["fn"]) == (2, 1, 1)
    assert r["detection"]["precision"] == pytest.approx(2 / 3)
    assert r["detection"]["recall"] == pytest.approx(2 / 3)
    assert r["speaker"]["attributed"] == 2 and r["speaker"]["correct"] == 2
    assert r["speaker"]["precision"] == pytest.approx(1.0)
    assert r["speaker"]["recall"] == pytest.approx(2 / 3)
    assert r["channel"]["gold"] == 0 and r["channel"]["false_channels"] == 0
    assert r["span"]["exact"] == 1
    assert r["integrity"] == {"crashes": 0, "inconsistent": 0}


def test_wrong_speaker_channel_and_flags_are_counted(harness):
    text = 'وقال مصدر أمني لـ"العربي الجديد" إن المعبر أغلق، فيما نفت الوزارة ذلك.'
    item = {"id": "t2", "text": text, "tags": [], "attributions": [
        {"quote": "المعبر أغلق", "speaker": "مصدر أمني", "speaker_kind": "anonymous",
         "channel": "العربي الجديد", "direct": False, "denial": False},
        {"quote": "ذلك", "speaker": "الوزارة", "speaker_kind": "organisation", "channel": None,
         "direct": False, "denial": True}]}

    def extract(text, mentions=()):
        return [_q(text, "المعبر أغلق", "مصدر أمني", channel="صحيفة العربي الجديد", anonymous=True),
                _q(text, "ذلك", "مصدر أمني", channel="بيان", denial=False)]

    r = harness.evaluate(extract, [item])
    assert r["detection"]["tp"] == 2
    assert r["speaker"]["correct"] == 1 and r["speaker"]["precision"] == pytest.approx(0.5)
    assert r["channel"]["accuracy"] == 1.0 and r["channel"]["false_channels"] == 1
    assert r["denial"]["correct"] == 1 and r["anonymous"]["correct"] == 2


def test_crashes_and_inconsistent_spans_are_reported(harness):
    item = {"id": "t3", "text": TEXT, "tags": [], "attributions": []}

    def crash(text, mentions=()):
        raise RuntimeError("boom")

    def bad(text, mentions=()):
        return [Quote(Span(0, 5), "not the text", "", None)]

    assert harness.evaluate(crash, [item])["integrity"]["crashes"] == 1
    r = harness.evaluate(bad, [item])
    assert r["integrity"]["inconsistent"] == 1 and r["negatives"]["false_positives"] == 1


def test_names_match_ignores_prefixed_lam_and_takes_whole_words(harness):
    assert harness.names_match("العربي الجديد", 'صحيفة "العربي الجديد"')
    assert harness.names_match("لوكالة فرانس برس", "وكالة فرانس برس")
    assert harness.names_match("بيان", "في بيان")
    assert not harness.names_match("بيان", "البيانات")
    assert not harness.names_match("وكالة الأنباء العراقية", "وكالة الأنباء الأردنية")
    assert not harness.names_match(None, "بيان")


def test_the_baseline_runs_cleanly_on_the_whole_set(harness, items):
    r = harness.evaluate(harness.baseline_extract, items)
    assert r["gold"] == sum(len(it["attributions"]) for it in items)
    assert r["integrity"] == {"crashes": 0, "inconsistent": 0}
    assert r["detection"]["tp"] > 0
