"""Tests for congress_lib.pipeline on long inputs: linear-time paths against their plain definitions.

Every input is generated here from phrases written for the tests: endless sentences of
counts, shares and actors (the flattened tables of scraped pages), thousands of
clauses long. Each fast path is compared with the plain definition it replaces, and
every row's offsets are checked against the cleaned text.
"""

from __future__ import annotations

import random
from collections import Counter
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from congress_lib import fastpath, indicators, network
from congress_lib.indicators import IndicatorClassifier
from congress_lib.jurisdiction import Jurisdiction
from congress_lib.network import relations
from congress_lib.pipeline import _first_of_most_frequent, compiled_for, process_document
from congress_lib.practices import CueFinder
from congress_lib.quantities import QuantityFinder, find_quantities
from congress_lib.schema import TABLES
from congress_lib.resources import load_lexicon
from congress_lib.text import MAX_SENTENCE_CHARS

LEX = load_lexicon()
JUR = Jurisdiction("某某区", "district", "", "", "某某区", "inferred")

#: Clauses of a flattened table: counts, shares, articles (一名), actors and relation verbs.
FRAGMENTS = [
    "开展视察{n}次", "满意率达{n}.5%", "办结率{n}%", "占{n}%", "同比提高{n}个百分点", "收集意见建议{n}条",
    "接待选民{n}余人次", "一名区人大代表和{n}名镇人大代表", "建成代表之家{n}个", "区人大代表督办区教育局",
    "代表联络站联系区人民政府", "区人大常委会答复承办单位", "组织{n}名代表进站", "市人大代表走访选民",
    "区人民法院委派案件{n}件", "第{n}次会议", "2023年{n}月", "两个维护", "解决问题{n}项",
]
SEPARATORS = ["，", "，", "、", "和", "；", ""]


def _document(rng: random.Random, n_clauses: int) -> str:
    parts = []
    for _ in range(n_clauses):
        parts.append(rng.choice(FRAGMENTS).format(n=rng.randint(1, 999)))
        parts.append(rng.choice(SEPARATORS))
    return "区人大常委会工作报告\n" + "".join(parts) + "。\n"


def _rows(result, table):
    cols = TABLES[table].columns
    return [dict(zip(cols, row)) for row in result.tables[table]]


@settings(max_examples=12, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(min_value=300, max_value=3000))
def test_a_long_sentence_gives_the_rows_of_its_pieces_with_offsets_into_the_text(rng, n_clauses):
    text = _document(rng, n_clauses)
    result = process_document("d", "d.txt", text.encode("utf-8"), {}, LEX)
    (doc,) = _rows(result, "documents")
    clean = doc["text"]
    x = compiled_for(LEX)
    sentences = _rows(result, "sentences")
    assert len(sentences) > 2  # the endless sentence was cut
    expected_q, expected_m = [], []
    for s in sentences:
        piece = clean[s["start"]:s["end"]]
        assert piece == s["text"] and len(piece) <= MAX_SENTENCE_CHARS
        qs = find_quantities(piece, LEX)
        codes = indicators.classify(piece, qs, LEX) if qs else []
        expected_q += [(s["sent_id"], q.surface, q.start + s["start"], q.end + s["start"], c) for q, c in zip(qs, codes)]
        (unit,) = [u for u in _rows(result, "units") if u["unit_id"] == s["unit_id"]]
        jur = Jurisdiction(unit["jurisdiction"], unit["jurisdiction_level"], unit["province"], unit["city"],
                           unit["district"], unit["jurisdiction_source"])
        expected_m += [(s["sent_id"], m["surface"], m["start"] + s["start"], m["end"] + s["start"])
                       for m in x.mentions.find(piece, jur)]
    got_q = [(r["sent_id"], r["surface"], r["start"], r["end"], r["indicator"]) for r in _rows(result, "quantities")]
    got_m = [(r["sent_id"], r["surface"], r["start"], r["end"]) for r in _rows(result, "mentions")]
    assert got_q == expected_q and got_m == expected_m
    for r in _rows(result, "quantities") + _rows(result, "mentions") + _rows(result, "practice_evidence"):
        assert clean[r["start"]:r["end"]] == r["surface"]


class _PlainTriggers:
    """relations.TriggerIndex replaced by the plain rule: every trigger read for every pair."""

    def __init__(self, triggers):
        self.triggers = triggers

    def nearest(self, lo, hi, c_lo, c_hi):
        return relations.nearest_trigger(self.triggers, lo, hi, c_lo, c_hi)


def _plain_longest_non_overlapping(spans):
    kept = []
    for start, end in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(end <= a or start >= b for a, b in kept):
            kept.append((start, end))
    return sorted(kept)


def _extracted_rows(result):
    """The quantity, practice and formula rows of a processed document, the quantities with their indicator."""
    return (
        [(r["sent_id"], r["surface"], r["start"], r["end"], r["kind"], r["indicator"])
         for r in _rows(result, "quantities")],
        [(r["sent_id"], r["practice"], r["surface"], r["start"], r["end"]) for r in _rows(result, "practice_evidence")],
        [(r["sent_id"], r["formula"], r["surface"], r["start"], r["end"]) for r in _rows(result, "formula_evidence")],
    )


def _plain_rows(result):
    """:func:`_extracted_rows` by the plain definitions: every extractor built with
    ``shortcuts=False``, run on each sentence of the document on its own."""
    finder = QuantityFinder.from_lexicon(LEX, shortcuts=False)
    classifier = IndicatorClassifier.from_lexicon(LEX, shortcuts=False)
    cue_finders = [CueFinder.from_lexicon(LEX, kind, shortcuts=False) for kind in ("practices", "formulas")]
    quantities, practices, formulas = [], [], []
    for s in _rows(result, "sentences"):
        text, at = s["text"], s["start"]
        qs = finder.find(text)
        codes = classifier.classify(finder.fold(text), qs) if qs else []
        quantities += [(s["sent_id"], q.surface, q.start + at, q.end + at, q.kind, c) for q, c in zip(qs, codes)]
        for rows, cue_finder in zip((practices, formulas), cue_finders):
            rows += [(s["sent_id"], h[cue_finder.key], h["surface"], h["start"] + at, h["end"] + at)
                     for h in cue_finder.find(text)]
    return quantities, practices, formulas


@settings(max_examples=10, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(min_value=200, max_value=2500))
def test_linear_paths_give_the_rows_of_the_plain_definitions(rng, n_clauses):
    """Trigger index, coordinated counts, the share before a percentage and the longest cues:
    the same rows as the plain (quadratic) definitions, on documents of thousands of clauses."""
    import pytest

    text = _document(rng, n_clauses).encode("utf-8")
    fast = process_document("d", "d.txt", text, {}, LEX)
    assert _extracted_rows(fast) == _plain_rows(fast)
    fast_ev = network.sentence_evidence(
        [(r[10], r[3], r[5], r[8], r[9]) for r in fast.tables["mentions"]],
        [(r[0], r[1], r[2], r[4], r[5], r[6]) for r in fast.tables["sentences"]], LEX)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(relations, "TriggerIndex", _PlainTriggers)
        plain_ev = network.sentence_evidence(
            [(r[10], r[3], r[5], r[8], r[9]) for r in fast.tables["mentions"]],
            [(r[0], r[1], r[2], r[4], r[5], r[6]) for r in fast.tables["sentences"]], LEX)
    assert fast_ev == plain_ev


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=80))
def test_longest_non_overlapping_matches_its_plain_definition(raw):
    spans = [(a, a + n) for a, n in raw]
    assert fastpath.longest_non_overlapping(spans) == _plain_longest_non_overlapping(spans)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(1, 5)), max_size=30), st.integers(0, 120),
       st.integers(0, 8), st.integers(0, 15))
def test_bisection_helpers_match_their_plain_definitions(raw, start, width, gap):
    """Sorted, non-overlapping spans: the ones near a span, and the last end before a position."""
    spans, pos = [], 0
    for skip, length in raw:
        pos += skip
        spans.append(SimpleNamespace(start=pos, end=pos + length))
        pos += length
    end = start + width
    starts = [p.start for p in spans]
    assert fastpath.spans_near(spans, starts, start, end, gap) == \
        [p for p in spans if p.start <= end + gap and p.end >= start - gap]
    ends = [p.end for p in spans]
    assert fastpath.last_at_most(ends, start) == max([e for e in ends if e <= start] or [0])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 6), st.integers(0, 4), st.integers(0, 3)), max_size=40),
       st.integers(0, 220), st.integers(1, 40))
def test_trigger_index_finds_the_trigger_the_plain_rule_finds(raw, lo, width):
    """Random non-overlapping triggers (start, length, relation rank, clause in text order)."""
    triggers, pos, clause = [], 0, 0
    for gap, length, rank, step in raw:
        pos += gap
        clause += step
        triggers.append((pos, pos + length, "w", f"r{rank}", rank, clause))
        pos += length
    hi = lo + width
    clauses = sorted({t[5] for t in triggers}) or [0]
    for c_lo in clauses:
        for c_hi in clauses:
            if c_hi >= c_lo:
                index = relations.TriggerIndex(triggers) if triggers else None
                got = index.nearest(lo, hi, c_lo, c_hi) if index else None
                assert got == relations.nearest_trigger(triggers, lo, hi, c_lo, c_hi)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["同安区", "集美区", "思明区", "湖里区", "海沧区", "翔安区", "东区", "东区县",
                                 "西区", "南区", "北区", "中区", "某区"]), min_size=1, max_size=40),
       st.text(alphabet=st.sampled_from(list("同安集美思明湖里海沧翔东西南北中区县的")), max_size=200))
def test_most_frequent_place_is_the_one_the_sort_picks(names, filler):
    text = filler + "".join(names)
    counts = Counter(names)
    plain = sorted(counts.items(), key=lambda kv: (-kv[1], text.find(kv[0])))[0][0]
    assert _first_of_most_frequent(text, counts) == plain


def test_a_document_naming_thousands_of_places_is_resolved_in_one_pass():
    """A list of 5,000 county names each named twice (a flattened index page): the most frequent,
    then first, is found without a search per name."""
    names = [f"{chr(0x4e00 + i // 60)}{chr(0x4e00 + i % 60 + 100)}县" for i in range(5000)]
    text = "".join(n + "人民政府，" for n in names) * 2
    counts = Counter({n: 2 for n in names})
    assert _first_of_most_frequent(text, counts) == names[0]
