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
        "level": ["", "district"], "branch": ["station", "government"], "start": [24, 0], "end": [27, 3],
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
    assert ev.f1("indicators") >= 0.95, ev.summary
    for mtype in ("deputy", "station", "agency", "congress"):
        assert ev.f1("mentions", mtype) >= 0.90, (mtype, ev.summary)
