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

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congress_lib import fastpath, indicators, network
from congress_lib.indicators import IndicatorClassifier
from congress_lib.learned import rules_only
from congress_lib.jurisdiction import Jurisdiction
from congress_lib.network import relations
from congress_lib.pipeline import _first_of_most_frequent, compiled_for, process_document
from congress_lib.practices import CueFinder
from congress_lib.quantities import QuantityFinder, find_quantities
from congress_lib.schema import TABLES
from congress_lib.resources import load_lexicon
from congress_lib.text import MAX_SENTENCE_CHARS

# the rules alone: these tests hold the pipeline's fast paths to the rules' plain definitions
# (the learned coder on top of them is held to its own in tests/test_learned.py)
LEX = rules_only(load_lexicon())
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


# --- the jurisdiction of a citywide report without district sections ---------------------------
# Texts written for these tests: a city's round-up that names its districts in passing
# (no heading per district), and district reports that name their city.

CITY_ROUNDUP = (
    "全市代表联络站建设推进会召开\n"
    "3月5日，市人大常委会召开全市代表联络站建设推进会，总结各区经验做法。\n"
    "会上，东湖区人大常委会介绍了“一站一品”的做法，东湖区人大代表联络站去年接待群众800余人次。"
    "西岭区人大常委会推行代表进站“双周制”，西岭区人民政府办结代表转交事项96件。"
    "南山县人大常委会建成联络站21个，南山县人大代表全部编组进站。\n"
    "市人大常委会要求，各区县人大常委会要把联络站建好用好。\n"
)
DISTRICT_NEWS = (
    "东湖区人大常委会开展代表联络站专题调研\n"
    "近日，东湖区人大常委会组织代表到各街道代表联络站开展专题调研，市人大常委会副主任某某参加。\n"
    "调研组指出，东湖区人大代表联络站去年接待群众800余人次，全区建成联络站18个。\n"
)


def _units(text: str, meta: dict[str, str] | None = None, doc_id: str = "d"):
    result = process_document(doc_id, f"{doc_id}.txt", text.encode("utf-8"), meta or {}, LEX)
    return _rows(result, "units"), _rows(result, "documents")[0]


def test_a_city_roundup_without_district_sections_is_the_city_from_metadata():
    units, doc = _units(CITY_ROUNDUP, {"province": "某某省", "city": "某某市"})
    assert [(u["jurisdiction"], u["jurisdiction_level"], u["district"]) for u in units] == [("某某市", "municipal", "")]
    assert doc["district"] == ""


def test_a_city_roundup_names_its_city_from_the_opening_without_metadata():
    text = CITY_ROUNDUP.replace("3月5日，市人大常委会", "3月5日，某某市人大常委会", 1)
    (unit,), doc = _units(text)
    assert (unit["jurisdiction"], unit["jurisdiction_level"], unit["city"], unit["jurisdiction_source"]) == \
        ("某某市", "municipal", "某某市", "inferred")
    assert doc["city"] == "某某市" and doc["district"] == ""


def test_a_city_roundup_whose_city_is_never_named_is_an_unnamed_city():
    (unit,), _ = _units(CITY_ROUNDUP, {"province": "某某省"})
    assert (unit["jurisdiction"], unit["jurisdiction_level"], unit["district"]) == ("某某省某市", "municipal", "")


def test_the_publisher_line_can_make_a_roundup_the_citys():
    """A round-up whose opening names no congress, published by the city's standing committee."""
    text = ("代表联络站建设综述\n近年来，代表联络站建设扎实推进，群众反映的问题得到及时解决。\n"
            + CITY_ROUNDUP.split("\n", 2)[2])
    (unit,), _ = _units("来源：某某市人大常委会办公室\n" + text)
    assert (unit["jurisdiction"], unit["jurisdiction_level"]) == ("某某市", "municipal")
    (unit,), _ = _units(text)  # without it: the district named most often, as before
    assert unit["jurisdiction_level"] == "district"


def test_a_roundup_with_a_city_in_metadata_and_a_silent_opening_is_the_city():
    text = ("代表联络站建设综述\n近年来，代表联络站建设扎实推进，群众反映的问题得到及时解决。\n"
            + CITY_ROUNDUP.split("\n", 2)[2])
    (unit,), _ = _units(text, {"city": "某某市"})
    assert unit["jurisdiction"] == "某某市"


@pytest.mark.parametrize("meta", [{}, {"city": "某某市"}, {"province": "某某省", "city": "某某市"}])
def test_a_district_report_that_names_its_city_stays_the_district(meta):
    (unit,), _ = _units(DISTRICT_NEWS, meta)
    assert (unit["jurisdiction"], unit["jurisdiction_level"], unit["district"]) == ("东湖区", "district", "东湖区")


@pytest.mark.parametrize("text", [
    # the city's body comes first in the lead, the district report is the district's
    "为落实市人大常委会工作要点，区人大常委会开展代表联络站专题调研。\n全区建成联络站18个。\n",
    # the city's leader visits one named district
    "市人大常委会副主任某某到东湖区调研代表联络站建设\n东湖区人大常委会主任某某陪同。\n东湖区人大代表联络站去年接待群众800余人次。\n",
    # the city's name before the district's: 某某市东湖区人大常委会
    "某某市东湖区人大常委会召开第十次会议\n会议听取了东湖区人民政府关于代表建议办理情况的报告。\n",
])
def test_district_reports_that_mention_the_city_are_not_the_citys(text):
    (unit,), _ = _units(text, {"city": "某某市"})
    assert unit["jurisdiction_level"] == "district"
    assert unit["jurisdiction"] in ("东湖区", "某某市某区")


def test_a_roundup_with_district_sections_is_still_split():
    text = ("市人大常委会召开全市代表联络站建设推进会。\n东湖区\n东湖区人大代表联络站接待群众800余人次。\n"
            "西岭区\n西岭区人大常委会推行代表进站“双周制”。\n")
    units, _ = _units(text, {"city": "某某市"})
    assert [(u["jurisdiction"], u["jurisdiction_source"]) for u in units] == [
        ("某某市", "metadata"), ("东湖区", "heading"), ("西岭区", "heading")]


@pytest.mark.parametrize("meta, province, city, body", [
    ({"province": "甘肃", "city": "天水市", "district": "麦积区"}, "甘肃省", "天水市", "甘肃省人大常委会"),
    ({"province": "宁夏", "city": "石嘴山市", "district": "大武口区"}, "宁夏回族自治区", "石嘴山市",
     "宁夏回族自治区人大常委会"),
    ({"province": "湖南省", "city": "岳阳市", "district": "云溪区"}, "湖南省", "岳阳市", "湖南省人大常委会"),
])
def test_a_province_given_short_in_metadata_gets_its_full_name(meta, province, city, body):
    text = "近日，省人大常委会调研组来到区人大代表联络站，听取群众意见。\n"
    result = process_document("d", "d.txt", text.encode("utf-8"), meta, LEX)
    (unit,) = _rows(result, "units")
    assert (unit["province"], unit["city"]) == (province, city)
    canon = {m["surface"]: m["canonical"] for m in _rows(result, "mentions")}
    assert canon["省人大常委会"] == body


def test_a_municipality_given_short_is_also_the_city():
    text = "近日，市人大常委会调研组来到区人大代表联络站，听取群众意见。\n"
    result = process_document("d", "d.txt", text.encode("utf-8"), {"province": "天津", "district": "津南区"}, LEX)
    (unit,) = _rows(result, "units")
    assert (unit["province"], unit["city"]) == ("天津市", "天津市")
    canon = {m["surface"]: m["canonical"] for m in _rows(result, "mentions")}
    assert canon["市人大常委会"] == "天津市人大常委会"


def test_a_county_level_city_in_the_district_column_is_a_district_level_unit():
    text = "近日，市人大常委会组织市人大代表视察，州人大常委会有关负责人参加。\n"
    meta = {"province": "吉林省", "city": "延边朝鲜族自治州", "district": "敦化市"}
    result = process_document("d", "d.txt", text.encode("utf-8"), meta, LEX)
    (unit,) = _rows(result, "units")
    assert (unit["jurisdiction"], unit["jurisdiction_level"]) == ("敦化市", "district")
    canon = {m["surface"]: m["canonical"] for m in _rows(result, "mentions")}
    assert canon["市人大常委会"] == "敦化市人大常委会" and canon["市人大代表"] == "敦化市人大代表"


def test_a_list_after_a_line_that_announces_it_breaks_down_the_total_before():
    text = (
        "某县选举工作通报\n"
        "全县新一届县人民代表大会代表名额按人口分配，共96名。具体名额如下：\n"
        "\n"
        "南关镇30名，北坡乡22名，东岗街道44名。\n"
    )
    result = process_document("d", "d.txt", text.encode("utf-8"), {}, LEX)
    got = [(r["surface"], r["indicator"]) for r in _rows(result, "indicators")]
    assert got == [("96名", "deputies"), ("30名", "deputies"), ("22名", "deputies"), ("44名", "deputies")]


def test_a_county_level_city_named_like_its_prefecture_is_still_the_unit():
    """A county-level city (metadata district 某某市 under its prefecture 某某市): 市人大常委会 in its
    report is its own standing committee, not the prefecture's."""
    text = ("市人大常委会开展代表走访活动\n"
            "本月，市人大常委会委员分组登门看望本市各级人大代表，请代表们对市人大常委会的工作提意见。\n")
    meta = {"province": "某某省", "city": "上游市", "district": "下游市"}
    result = process_document("d", "d.txt", text.encode("utf-8"), meta, LEX)
    (unit,) = _rows(result, "units")
    assert (unit["jurisdiction"], unit["jurisdiction_level"]) == ("下游市", "district")
    canon = {m["canonical"] for m in _rows(result, "mentions") if m["type"] == "congress"}
    assert canon == {"下游市人大常委会"}


def test_a_table_flattened_one_cell_a_line_is_read_by_its_columns():
    text = ("某某县人大常委会关于代表建议办理情况的报告\n"
            "本次会议期间，代表共提出建议93件，全部交县政府办理。\n"
            "建议按内容分类如下。\n表一：建议分类情况\n类别\n件数\n百分比(%)\n"
            "教育卫生\n40\n43.01\n交通水利\n35\n37.63\n其他\n18\n19.36\n合计\n93\n100\n"
            "各承办单位高度重视，认真办理。\n")
    result = process_document("t", "t.txt", text.encode("utf-8"), {}, LEX)
    q = {(r[4], r[7]): (r[10], r[13]) for r in result.tables["quantities"]}
    assert q[("40", "件")] == ("count", "proposals_received")
    assert q[("93", "件")] == ("count", "proposals_received")  # (the total row)
    assert q[("43.01", "%")] == ("percent", "other")
    assert q[("100", "%")] == ("percent", "other")
    codes = [(r[8], r[3]) for r in result.tables["indicators"]]
    assert ("35", "proposals_received") in codes and ("37.63", "other") in codes


def test_numbers_on_lines_of_their_own_without_a_table_header_stay_bare():
    text = ("某某区人大常委会工作报告\n目录\n一、常委会工作回顾\n3\n二、代表工作\n9\n三、今后工作\n15\n"
            "一年来，区人大常委会共听取审议专项工作报告12项。\n")
    result = process_document("t", "t.txt", text.encode("utf-8"), {}, LEX)
    bare = [r for r in result.tables["quantities"] if r[4] in ("3", "9", "15")]
    assert bare and all(r[7] is None and r[13] is None for r in bare)


def test_a_flattened_tables_column_named_by_a_rate_holds_that_rate():
    text = ("某某市人大常委会关于代表建议办理情况的报告\n今年代表共提出建议48件。\n各承办单位办理情况\n"
            "承办单位\n件数\n办结率(%)\n市住建局\n20\n100\n市卫健委\n16\n93.8\n市农业农村局\n12\n91.7\n")
    result = process_document("t", "t.txt", text.encode("utf-8"), {}, LEX)
    codes = {(r[8], r[6]): r[3] for r in result.tables["indicators"]}
    assert codes[("93.8", "%")] == "completion_rate" and codes[("100", "%")] == "completion_rate"
    assert codes[("16", "件")] == "proposals_received"
