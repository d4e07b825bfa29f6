"""Validation against gold: the arithmetic on a hand-checked toy case, and the bar on the seeds."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pandas as pd
import pytest

import congress_lib as cl
from congress_lib.evaluate import evaluate, load_annotations

from conftest import CORPUS


def _toy_corpus():
    sentences = pd.DataFrame({"sent_id": ["d:1", "d:2"], "doc_id": ["d", "d"], "unit_id": ["d#1", "d#1"],
                              "sent_no": [1, 2], "start": [0, 20], "end": [19, 40],
                              "text": ["交办110件建议,办结率93.5%。", "2023年建成联络站12个。"]})
    indicators = pd.DataFrame({
        "doc_id": ["d"] * 3, "unit_id": ["d#1"] * 3, "jurisdiction": ["某县"] * 3,
        "indicator": ["proposals_received", "completion_rate", "stations"],
        "value": [110.0, 93.5, 2023.0], "value_high": [None] * 3, "unit": ["件", "%", "年"],
        "approx": [False] * 3, "surface": ["110件", "93.5%", "2023年"], "start": [2, 14, 20], "end": [6, 19, 25],
        "sent_id": ["d:1", "d:1", "d:2"], "approx_kind": [None] * 3})
    mentions = pd.DataFrame({
        "doc_id": ["d", "d"], "unit_id": ["d#1", "d#1"], "jurisdiction": ["某县", "某县"],
        "type": ["station", "agency"], "surface": ["联络站", "县政府"], "canonical": ["联络站", "县政府"],
        "level": ["", "district"], "branch": ["station", "government"], "start": [27, 0], "end": [30, 3],
        "sent_id": ["d:2", "d:1"]})
    return SimpleNamespace(documents=pd.DataFrame({"doc_id": ["d"]}), sentences=sentences,
                           indicators=lambda: indicators, mentions=lambda: mentions)


GOLD = {"d": {"doc_id": "d", "indicators": [
    {"surface": "110件", "value": 110, "unit_word": "件", "indicator": "proposals_received"},
    {"surface": "93.5%", "value": 93.5, "unit_word": "%", "indicator": "completion_rate"},
    {"surface": "12个", "value": 12, "unit_word": "个", "indicator": "stations"}],
    "mentions": [{"type": "station", "surface": "联络站", "canonical": "人大代表联络站"}]}}


def test_toy_scores_are_what_a_hand_count_gives():
    ev = evaluate(_toy_corpus(), GOLD)
    s = ev.summary.set_index(["table", "category"])
    # indicators: 2 right, 1 false hit (2023年 as stations), 1 miss (12个)
    assert tuple(s.loc[("indicators", "all"), ["tp", "fp", "fn"]]) == (2, 1, 1)
    assert s.loc[("indicators", "all"), "precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert s.loc[("indicators", "stations"), "f1"] == 0.0
    assert s.loc[("indicators", "completion_rate"), "f1"] == 1.0
    # mentions: station matched (canonical disagrees), agency is a false hit
    assert tuple(s.loc[("mentions", "station"), ["tp", "fp", "fn"]]) == (1, 0, 0)
    assert tuple(s.loc[("mentions", "agency"), ["tp", "fp", "fn"]]) == (0, 1, 0)
    assert ev.canonical.set_index("type").at["station", "canonical_agreement"] == 0.0
    kinds = sorted(zip(ev.errors["table"], ev.errors["error"], ev.errors["surface"]))
    assert kinds == [("indicators", "false_hit", "2023年"), ("indicators", "miss", "12个"),
                     ("mentions", "canonical", "联络站"), ("mentions", "false_hit", "县政府")]
    assert ev.errors.loc[ev.errors["surface"] == "2023年", "sentence"].item() == "2023年建成联络站12个。"


def test_bad_gold_folder_is_reported(tmp_path):
    with pytest.raises(cl.AnnotationError, match="does not exist"):
        load_annotations(tmp_path / "nope")
    (tmp_path / "x.json").write_text(json.dumps({"doc_id": "x"}), encoding="utf-8")
    with pytest.raises(cl.AnnotationError, match="has no 'indicators'"):
        load_annotations(tmp_path)


def test_gold_is_complete_and_consistent(corpus):
    gold = load_annotations(CORPUS / "annotations")
    assert sorted(gold) == sorted(corpus.documents["doc_id"])
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["raw_text"]))
    for doc_id, g in gold.items():
        for item in g["indicators"] + g["mentions"]:
            assert item["surface"] in texts[doc_id], (doc_id, item["surface"])


def test_extractor_meets_the_bar_on_the_seed_gold(corpus):
    ev = evaluate(corpus, CORPUS / "annotations")
    assert ev.f1("indicators") >= 0.97, ev.summary
    for mtype in ("deputy", "station", "agency", "congress"):
        assert ev.f1("mentions", mtype) >= 0.97, (mtype, ev.summary)


def _mention_corpus(text, mentions, indicators=()):
    """A one-document, one-sentence corpus holding ``mentions`` ((type, start, end, canonical) in ``text``)."""
    sentences = pd.DataFrame({"sent_id": ["d:1"], "doc_id": ["d"], "unit_id": ["d#1"], "sent_no": [1],
                              "start": [0], "end": [len(text)], "text": [text]})
    men = pd.DataFrame([{"doc_id": "d", "unit_id": "d#1", "jurisdiction": "某县", "type": t, "surface": text[s:e],
                         "canonical": c, "level": "", "branch": "", "start": s, "end": e, "sent_id": "d:1"}
                        for t, s, e, c in mentions],
                       columns=["doc_id", "unit_id", "jurisdiction", "type", "surface", "canonical", "level",
                                "branch", "start", "end", "sent_id"])
    ind = pd.DataFrame([{"doc_id": "d", "unit_id": "d#1", "jurisdiction": "某县", "indicator": code, "value": v,
                         "value_high": None, "unit": u, "approx": False, "surface": f"{v}{u}", "start": 0, "end": 1,
                         "sent_id": "d:1", "approx_kind": None} for v, u, code in indicators],
                       columns=["doc_id", "unit_id", "jurisdiction", "indicator", "value", "value_high", "unit",
                                "approx", "surface", "start", "end", "sent_id", "approx_kind"])
    return SimpleNamespace(documents=pd.DataFrame({"doc_id": ["d"]}), sentences=sentences,
                           indicators=lambda: ind, mentions=lambda: men)


def test_mentions_are_matched_by_position_not_by_surface():
    #        0123456789012345678901234567
    text = "代表们走进联络站,听取代表意见,并向县政府反映。"
    gold = {"d": {"doc_id": "d", "indicators": [], "mentions": [
        {"type": "deputy", "surface": "代表", "canonical": "代表", "sentence": "听取代表意见"},  # the 2nd 代表
        {"type": "station", "surface": "联络站", "canonical": "联络站", "sentence": "走进联络站"},
        {"type": "agency", "surface": "县政府", "canonical": "某县人民政府", "sentence": "并向县政府反映"}]}}
    # the extractor found the FIRST 代表 (not the gold's), the station with a longer span, and the agency
    found = [("deputy", 0, 2, "代表"), ("station", 4, 8, "联络站"), ("agency", 17, 20, "某县人民政府")]
    ev = evaluate(_mention_corpus(text, found), gold)
    s = ev.summary.set_index(["table", "category"])
    assert tuple(s.loc[("mentions", "deputy"), ["tp", "fp", "fn"]]) == (0, 1, 1)  # same surface, wrong place
    assert tuple(s.loc[("mentions", "station"), ["tp", "fp", "fn"]]) == (1, 0, 0)  # overlapping spans match
    assert tuple(s.loc[("mentions", "agency"), ["tp", "fp", "fn"]]) == (1, 0, 0)
    assert tuple(s.loc[("mentions_by_surface", "deputy"), ["tp", "fp", "fn"]]) == (1, 0, 0)  # the older figure
    assert tuple(s.loc[("mentions_by_surface", "station"), ["tp", "fp", "fn"]]) == (0, 1, 1)


def test_span_matching_is_one_to_one_and_by_type():
    text = "区人大常委会组织常委会组成人员视察。"
    gold = {"d": {"doc_id": "d", "indicators": [], "mentions": [
        {"type": "congress", "surface": "常委会", "canonical": "某区人大常委会", "sentence": "组织常委会组成人员"},
        {"type": "congress", "surface": "区人大常委会", "canonical": "某区人大常委会", "sentence": "区人大常委会组织"}]}}
    # one extracted span overlapping both gold spans cannot match both; a deputy never matches a congress
    ev = evaluate(_mention_corpus(text, [("congress", 0, 6, "某区人大常委会"), ("deputy", 8, 11, "代表")]), gold)
    s = ev.summary.set_index(["table", "category"])
    assert tuple(s.loc[("mentions", "congress"), ["tp", "fp", "fn"]]) == (1, 0, 1)
    assert tuple(s.loc[("mentions", "deputy"), ["tp", "fp", "fn"]]) == (0, 1, 0)
    miss = ev.errors[(ev.errors["table"] == "mentions") & (ev.errors["error"] == "miss")]
    assert miss["surface"].tolist() == ["常委会"]  # placed after the longer span, not inside it


def test_occurrence_says_which_place_and_unfound_gold_is_unlocated():
    text = "代表建议由代表领衔提出。"
    gold = {"d": {"doc_id": "d", "indicators": [], "mentions": [
        {"type": "deputy", "surface": "代表", "canonical": "代表", "sentence": "代表建议由代表领衔", "occurrence": 2},
        {"type": "agency", "surface": "法院", "canonical": "法院", "sentence": "法院"}]}}
    ev = evaluate(_mention_corpus(text, [("deputy", 0, 2, "代表")]), gold)
    s = ev.summary.set_index(["table", "category"])
    assert tuple(s.loc[("mentions", "deputy"), ["tp", "fp", "fn"]]) == (0, 1, 1)
    ev = evaluate(_mention_corpus(text, [("deputy", 5, 7, "代表")]), gold)
    s = ev.summary.set_index(["table", "category"])
    assert tuple(s.loc[("mentions", "deputy"), ["tp", "fp", "fn"]]) == (1, 0, 0)
    assert ev.errors.loc[ev.errors["surface"] == "法院", "error"].tolist() == ["unlocated"]


def test_without_occurrence_the_gold_count_in_the_sentence_decides():
    text = "代表建议由代表领衔提出。"
    gold = {"d": {"doc_id": "d", "indicators": [], "mentions": [
        {"type": "deputy", "surface": "代表", "canonical": "代表", "sentence": "代表建议由代表领衔"}]}}
    # one gold 代表 in the sentence, place unsaid: the extractor's one 代表 (either) matches it
    for place in (0, 5):
        ev = evaluate(_mention_corpus(text, [("deputy", place, place + 2, "代表")]), gold)
        assert tuple(ev.summary.set_index(["table", "category"]).loc[("mentions", "deputy"), ["tp", "fp", "fn"]]) \
            == (1, 0, 0)
    # but two extracted against one gold: one false hit
    ev = evaluate(_mention_corpus(text, [("deputy", 0, 2, "代表"), ("deputy", 5, 7, "代表")]), gold)
    assert tuple(ev.summary.set_index(["table", "category"]).loc[("mentions", "deputy"), ["tp", "fp", "fn"]]) \
        == (1, 1, 0)


def test_a_numeral_gold_codes_with_two_rates_counts_for_either():
    text = "办结率和满意度均为100%。"
    gold = {"d": {"doc_id": "d", "mentions": [], "indicators": [
        {"surface": "100%", "value": 100, "unit_word": "%", "indicator": "completion_rate",
         "also": "satisfaction_rate"}]}}
    for code in ("completion_rate", "satisfaction_rate"):
        ev = evaluate(_mention_corpus(text, [], [(100.0, "%", code)]), gold)
        assert ev.f1("indicators") == 1.0, code
    ev = evaluate(_mention_corpus(text, [], [(100.0, "%", "other")]), gold)
    assert ev.f1("indicators") == 0.0


def test_bootstrap_intervals_resample_documents_and_are_reproducible():
    ev = evaluate(_toy_corpus(), GOLD)
    one = ev.intervals(n=200, seed=3)
    assert one.equals(ev.intervals(n=200, seed=3))
    row = one.set_index(["table", "category"]).loc[("indicators", "all")]
    # a single document: every resample is that document, the interval is the point
    assert row["f1_low"] == row["f1_high"] == row["f1"] and row["documents"] == 1
    # two documents, one perfect and one all wrong: the interval spans both extremes
    gold = {"a": {"doc_id": "a", "mentions": [], "indicators": [
                {"surface": "12个", "value": 12, "unit_word": "个", "indicator": "stations"}]},
            "b": {"doc_id": "b", "mentions": [], "indicators": [
                {"surface": "5件", "value": 5, "unit_word": "件", "indicator": "proposals_received"}]}}
    ind = pd.DataFrame({"doc_id": ["a", "b"], "indicator": ["stations", "other"], "value": [12.0, 5.0],
                        "unit": ["个", "件"], "surface": ["12个", "5件"], "sent_id": ["a:1", "b:1"]})
    toy = SimpleNamespace(documents=pd.DataFrame({"doc_id": ["a", "b"]}),
                          sentences=pd.DataFrame({"sent_id": ["a:1", "b:1"], "doc_id": ["a", "b"], "start": [0, 0],
                                                  "text": ["建成12个。", "交办5件。"]}),
                          indicators=lambda: ind, mentions=lambda: pd.DataFrame(
                              columns=["doc_id", "type", "surface", "canonical", "start", "end", "sent_id"]))
    ev = evaluate(toy, gold)
    assert sorted(ev.per_document.query("table == 'indicators' and category == 'all'")["tp"]) == [0, 1]
    row = ev.intervals(n=500).set_index(["table", "category"]).loc[("indicators", "all")]
    assert row["f1"] == 0.5 and row["f1_low"] == 0.0 and row["f1_high"] == 1.0
    with pytest.raises(cl.InvalidArgumentError):
        ev.intervals(n=0)


def test_gold_written_as_the_page_is_found_in_the_cleaned_text():
    # the coder copied a traditional page with a mirror site's pinyin gloss; the text is cleaned
    text = "自治区人大常委会召开会议。"
    gold = {"d": {"doc_id": "d", "indicators": [], "mentions": [
        {"type": "congress", "surface": "自治區(qū)人大常委會", "canonical": "某自治区人大常委会",
         "sentence": "自治區(qū)人大常委會召開會議"}]}}
    ev = evaluate(_mention_corpus(text, [("congress", 0, 8, "某自治区人大常委会")]), gold)
    s = ev.summary.set_index(["table", "category"])
    assert tuple(s.loc[("mentions", "congress"), ["tp", "fp", "fn"]]) == (1, 0, 0)
    assert tuple(s.loc[("mentions_by_surface", "congress"), ["tp", "fp", "fn"]]) == (1, 0, 0)


def test_an_excerpt_that_cuts_a_pinyin_gloss_at_its_edges_is_still_found():
    # the 40-character limit cut the mirror's glosses at both ends of the coder's excerpt
    # (代表 stands twice in the text: only the excerpt says which one the coder meant)
    text = "代表性的意见。区交委、教委等单位答复代表有关停车的建议时上门沟通。"
    at = text.index("代表有关")
    gold = {"d": {"doc_id": "d", "indicators": [], "mentions": [
        {"type": "deputy", "surface": "代表", "canonical": "人大代表",
         "sentence": "jiāo)委、教委等單位答復代表有關(guān)停車的建議(j"}]}}
    ev = evaluate(_mention_corpus(text, [("deputy", at, at + 2, "人大代表")]), gold)
    s = ev.summary.set_index(["table", "category"])
    assert tuple(s.loc[("mentions", "deputy"), ["tp", "fp", "fn"]]) == (1, 0, 0)


def test_an_excerpt_with_a_mark_of_the_next_sentence_is_still_found():
    text = "会议听取了报告。”区人大及其常委会坚持人大工作与中心工作统筹谋划。"
    sentences = pd.DataFrame({"sent_id": ["d:1", "d:2"], "doc_id": ["d", "d"], "unit_id": ["d#1", "d#1"],
                              "sent_no": [1, 2], "start": [0, 9], "end": [8, len(text)],
                              "text": [text[:8], text[9:]]})
    corpus = _mention_corpus(text, [("congress", 19, 21, "人大")])
    corpus.sentences = sentences
    gold = {"d": {"doc_id": "d", "indicators": [], "mentions": [
        {"type": "congress", "surface": "人大", "canonical": "人大", "sentence": "”区人大及其常委会坚持人大工作",
         "occurrence": 2}]}}
    s = evaluate(corpus, gold).summary.set_index(["table", "category"])
    assert tuple(s.loc[("mentions", "congress"), ["tp", "fp", "fn"]]) == (1, 0, 0)


def test_agreement_scores_a_second_coder_against_the_first_the_way_evaluate_does():
    text = "县人大代表在联络站接待选民56人次,收集意见12条,交县政府办理。"
    first = {"d": {"doc_id": "d", "mentions": [
        {"type": "deputy", "surface": "县人大代表", "canonical": "县人大代表", "sentence": "县人大代表在联络站"},
        {"type": "station", "surface": "联络站", "canonical": "联络站", "sentence": "在联络站接待"},
        {"type": "agency", "surface": "县政府", "canonical": "某县人民政府", "sentence": "交县政府办理"}],
        "indicators": [
            {"surface": "56人次", "value": 56, "unit_word": "人次", "indicator": "constituent_contacts"},
            {"surface": "12条", "value": 12, "unit_word": "条", "indicator": "opinions_collected"}]}}
    # the second coder: the deputy with a shorter span (still the same place), no agency, one code different,
    # and one mention whose excerpt is not in the text
    second = {"d": {"doc_id": "d", "mentions": [
        {"type": "deputy", "surface": "人大代表", "canonical": "县人大代表", "sentence": "县人大代表在联络站"},
        {"type": "station", "surface": "联络站", "canonical": "联络站", "sentence": "在联络站接待"},
        {"type": "station", "surface": "代表之家", "canonical": "代表之家", "sentence": "走进代表之家"}],
        "indicators": [
            {"surface": "56人次", "value": 56, "unit_word": "人次", "indicator": "constituent_contacts"},
            {"surface": "12条", "value": 12, "unit_word": "条", "indicator": "other"}]},
        "e": {"doc_id": "e", "mentions": [], "indicators": []}}  # coded by one coder only: not compared
    corpus = _mention_corpus(text, [])
    ev = cl.agreement(corpus, first, second)
    s = ev.summary.set_index(["table", "category"])
    assert tuple(s.loc[("mentions", "deputy"), ["tp", "fp", "fn"]]) == (1, 0, 0)  # overlapping spans agree
    assert tuple(s.loc[("mentions", "station"), ["tp", "fp", "fn"]]) == (1, 1, 0)  # the unplaced one: unmatched
    assert tuple(s.loc[("mentions", "agency"), ["tp", "fp", "fn"]]) == (0, 0, 1)
    assert tuple(s.loc[("indicators", "all"), ["tp", "fp", "fn"]]) == (1, 1, 1)
    assert tuple(s.loc[("quantities", "all"), ["tp", "fp", "fn"]]) == (2, 0, 0)  # same numbers, one code apart
    assert set(ev.per_document["doc_id"]) == {"d"}
    # F1 is symmetric: the first coder against the second gives the same figure
    back = cl.agreement(corpus, second, first)
    assert back.f1("mentions") == ev.f1("mentions") == round(2 * 2 / (3 + 3), 4)
    assert back.f1("indicators") == ev.f1("indicators") == 0.5
    # the disagreements are listed with the coder's excerpt
    hits = ev.errors[ev.errors["error"] == "false_hit"]
    assert ("indicators", "other", "12条") in set(zip(hits["table"], hits["category"], hits["surface"]))
    assert "走进代表之家" in set(hits["sentence"])


def test_agreement_needs_documents_both_coders_coded():
    corpus = _mention_corpus("代表。", [])
    with pytest.raises(cl.AnnotationError, match="no document in common"):
        cl.agreement(corpus, {"d": {"doc_id": "d", "mentions": [], "indicators": []}},
                     {"x": {"doc_id": "x", "mentions": [], "indicators": []}})


def test_gold_unit_words_copied_from_a_traditional_page_match_the_simplified_extraction():
    # the coder copies the unit word as the raw page writes it (個, 條, 項 with a pinyin gloss);
    # the extractor reads the page after conversion to simplified characters
    text = "全縣建成代表聯絡站15個,收集意見40條,確定實事8項,沿河堤岸12公里。"
    gold = {"d": {"doc_id": "d", "mentions": [], "indicators": [
        {"surface": "15個", "value": 15, "unit_word": "個", "indicator": "stations"},
        {"surface": "40條", "value": 40, "unit_word": "條", "indicator": "opinions_collected"},
        {"surface": "8項(xiàng)", "value": 8, "unit_word": "項(xiàng)", "indicator": "projects"},
        # a unit form the extractor writes as its unit: 公里 is 千米
        {"surface": "12公里", "value": 12, "unit_word": "公里", "indicator": "admin_context"}]}}
    rows = [(15.0, "个", "stations"), (40.0, "条", "opinions_collected"), (8.0, "项", "other"),
            (12.0, "千米", "admin_context")]
    ev = evaluate(_mention_corpus(text, [], rows), gold)
    s = ev.summary.set_index(["table", "category"])
    assert tuple(s.loc[("quantities", "all"), ["tp", "fp", "fn"]]) == (4, 0, 0)
    assert tuple(s.loc[("indicators", "all"), ["tp", "fp", "fn"]]) == (3, 1, 1)
