"""Tests for congress_lib.analysis: the computations behind the notebooks.

Expected values are computed by hand in the comments (the log-odds example of
Monroe, Colaresi & Quinn's formula with round numbers; co-occurrence on three
units), so a wrong formula fails here rather than in a figure.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from congress_lib import analysis as an
from congress_lib.errors import InvalidArgumentError, LexiconError
from congress_lib.evaluate import Evaluation
from congress_lib.resources import load_lexicon

# --------------------------------------------------------------------------- weighted log-odds


def _counts(rows):
    return pd.DataFrame(rows, columns=["group", "term", "n"])


def _score(out, group, term, col="z"):
    return out.loc[(out["group"] == group) & (out["term"] == term), col].item()


def test_log_odds_symmetric_hand_example():
    # A: x=3, y=1; B: x=1, y=3; N = 8, alpha0 = 8 -> alpha_x = alpha_y = 4.
    # delta_Ax = log(7/(4+8-3-4)) - log(5/(4+8-1-4)) = log(7/5) - log(5/7) = 2 log 1.4 = 0.67294
    # se = sqrt(1/7 + 1/5) = 0.58554; z = 1.14927
    out = an.weighted_log_odds(_counts([("A", "x", 3), ("A", "y", 1), ("B", "x", 1), ("B", "y", 3)]), alpha0=8)
    assert _score(out, "A", "x", "delta") == pytest.approx(2 * math.log(1.4), abs=1e-4)
    assert _score(out, "A", "x", "se") == pytest.approx(math.sqrt(1 / 7 + 1 / 5), abs=1e-4)
    assert _score(out, "A", "x") == pytest.approx(1.1493, abs=1e-4)
    assert _score(out, "A", "y") == pytest.approx(-1.1493, abs=1e-4)
    assert _score(out, "B", "y") == pytest.approx(1.1493, abs=1e-4)


def test_log_odds_unequal_groups_default_prior():
    # A: x=2 (n_A=2); B: x=1, y=3 (n_B=4). N = 6, alpha0 = N -> alpha_x = 3, alpha_y = 3.
    # A,x: log((2+3)/(2+6-2-3)) - log((1+3)/(4+6-1-3)) = log(5/3) - log(4/6) = log 2.5 = 0.91629
    #      se = sqrt(1/5 + 1/4) = 0.67082, z = 1.36594
    # A,y: log((0+3)/(2+6-0-3)) - log((3+3)/(4+6-3-3)) = log(3/5) - log(6/4) = log 0.4 = -0.91629
    #      se = sqrt(1/3 + 1/6) = 0.70711, z = -1.29584
    out = an.weighted_log_odds(_counts([("A", "x", 2), ("B", "x", 1), ("B", "y", 3)]))
    assert _score(out, "A", "x", "delta") == pytest.approx(math.log(2.5), abs=1e-4)
    assert _score(out, "A", "x") == pytest.approx(1.3659, abs=1e-4)
    assert _score(out, "A", "y", "delta") == pytest.approx(math.log(0.4), abs=1e-4)
    assert _score(out, "A", "y") == pytest.approx(-1.2958, abs=1e-4)
    # a term the group never uses is scored too, with n = 0
    assert _score(out, "A", "y", "n") == 0
    assert _score(out, "A", "y", "n_rest") == 3


def test_log_odds_output_sorted_and_complete():
    out = an.weighted_log_odds(_counts([("B", "y", 5), ("A", "x", 2), ("B", "x", 1), ("A", "z", 4)]))
    assert list(out.columns) == ["group", "term", "n", "n_rest", "delta", "se", "z"]
    assert len(out) == 2 * 3  # every group x every term
    for _, part in out.groupby("group"):
        assert part["z"].is_monotonic_decreasing
    assert list(out["group"]) == sorted(out["group"])


def test_stronger_prior_shrinks_the_log_odds():
    counts = _counts([("A", "x", 10), ("A", "y", 1), ("B", "x", 1), ("B", "y", 10)])
    weak = _score(an.weighted_log_odds(counts, alpha0=1), "A", "x", "delta")
    strong = _score(an.weighted_log_odds(counts, alpha0=100), "A", "x", "delta")
    assert 0 < strong < weak


def test_duplicate_rows_are_summed():
    one = an.weighted_log_odds(_counts([("A", "x", 3), ("A", "y", 1), ("B", "x", 1), ("B", "y", 3)]), alpha0=8)
    split = an.weighted_log_odds(
        _counts([("A", "x", 1), ("A", "x", 2), ("A", "y", 1), ("B", "x", 1), ("B", "y", 3)]), alpha0=8)
    pd.testing.assert_frame_equal(one, split)


@pytest.mark.parametrize("rows, kwargs", [
    ([("A", "x", 1), ("A", "y", 2)], {}),                     # one group only
    ([("A", "x", -1), ("B", "x", 2)], {}),                    # negative count
    ([("A", "x", 1), ("B", "x", 2)], {"alpha0": 0}),          # empty prior
])
def test_log_odds_refuses_bad_input(rows, kwargs):
    with pytest.raises(InvalidArgumentError):
        an.weighted_log_odds(_counts(rows), **kwargs)


def test_log_odds_names_missing_columns():
    with pytest.raises(InvalidArgumentError, match="weighted_log_odds"):
        an.weighted_log_odds(pd.DataFrame({"group": ["A"], "n": [1]}))


def test_top_terms_filters_and_ranks():
    scores = pd.DataFrame({
        "group": ["A"] * 4 + ["B"] * 2,
        "term": ["a", "b", "c", "d", "a", "b"],
        "n": [5, 1, 3, 4, 2, 2],
        "z": [2.0, 3.0, 1.0, -1.0, 0.5, 0.5],
    })
    top = an.top_terms(scores, k=2, min_count=2)
    # b has z = 3 but is used once; d is avoided (z < 0)
    assert top[top["group"] == "A"]["term"].tolist() == ["a", "c"]
    assert top[top["group"] == "A"]["rank"].tolist() == [1, 2]
    # ties broken by term
    assert top[top["group"] == "B"]["term"].tolist() == ["a", "b"]


# --------------------------------------------------------------------------- stopwords and vocabulary


def test_stopwords_lexicon_drops_function_words_numerals_and_punctuation():
    sw = an.load_stopwords()
    tokens = pd.Series(["我们", "108件", "五个", "1800", "余人次", "，", "“", "第十三", "二是", "的",
                        "人大代表", "联络站", "百姓", "条件", "三级", "满意度测评", "两院"])
    dropped = dict(zip(tokens, sw.drop_mask(tokens)))
    for word in ["我们", "108件", "五个", "1800", "余人次", "，", "“", "第十三", "二是", "的"]:
        assert dropped[word], word
    # traps: content words that begin with a numeral character or end with a measure word
    for word in ["人大代表", "联络站", "百姓", "条件", "三级", "满意度测评", "两院"]:
        assert not dropped[word], word


def test_stopwords_user_lexicon_extends_and_bad_pattern_is_reported(tmp_path):
    (tmp_path / "stopwords.yaml").write_text("words: [调研]\n", encoding="utf-8")
    sw = an.load_stopwords(load_lexicon(tmp_path))
    assert "调研" in sw.words and "我们" in sw.words
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "stopwords.yaml").write_text("drop_patterns: ['[unclosed']\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="not a valid regular expression"):
        an.load_stopwords(load_lexicon(bad))


def test_stopwords_file_has_a_comment_header():
    from importlib import resources

    text = resources.files("congress_lib").joinpath("lexicon/stopwords.yaml").read_text(encoding="utf-8")
    assert text.startswith("# ") and "Format:" in text


def test_place_names_with_short_forms():
    units = pd.DataFrame({"jurisdiction": ["同安区", "郑州市某区", "厦门市"], "province": ["福建省", "河南省", "福建省"],
                          "city": ["厦门市", "郑州市", "厦门市"], "district": ["同安区", "", ""]})
    names = an.place_names(units)
    assert {"同安区", "同安", "厦门市", "厦门", "福建省", "福建", "郑州市", "郑州"} <= set(names)
    assert "" not in names and names == sorted(names)


def test_vocabulary_on_a_traditional_character_report(make_corpus):
    import congress_lib as cl

    folder = make_corpus({"a.txt": "望江縣人大常委會組織代表開展視察活動。\n我們收集群眾意見建議120條,全部轉交辦理。\n"})
    corpus = cl.load_corpus(folder)
    vocab = an.vocabulary(corpus.tokens(), corpus.units, exclude=an.place_names(corpus.units))
    words = set(vocab["token"])
    assert "视察" in words and "群众" in words          # converted to simplified, kept
    assert "我们" not in words and "120" not in words   # stopword, numeral
    assert not any("望江" in w for w in words)          # place name of the unit
    assert set(vocab["jurisdiction"]) == set(corpus.units["jurisdiction"])


def test_term_counts_are_tidy_and_sorted():
    vocab = pd.DataFrame({"jurisdiction": ["B", "A", "A", "B"], "token": ["x", "y", "y", "x"]})
    counts = an.term_counts(vocab)
    assert counts.to_dict("records") == [{"group": "A", "term": "y", "n": 2}, {"group": "B", "term": "x", "n": 2}]


# --------------------------------------------------------------------------- co-occurrence


PRACTICES = pd.DataFrame({
    # u1: a, b (a twice: presence counts once); u2: a, c; u3: b
    "unit_id": ["u1", "u1", "u1", "u2", "u2", "u3"],
    "practice": ["a", "b", "a", "a", "c", "b"],
})


def test_cooccurrence_counts_hand_example():
    counts = an.cooccurrence(PRACTICES)
    expected = pd.DataFrame([[2, 1, 1], [1, 2, 0], [1, 0, 1]], index=["a", "b", "c"], columns=["a", "b", "c"])
    np.testing.assert_array_equal(counts.to_numpy(), expected.to_numpy())
    assert list(counts.index) == list(counts.columns) == ["a", "b", "c"]


def test_cooccurrence_jaccard_hand_example():
    jac = an.cooccurrence(PRACTICES, measure="jaccard")
    # a-b: both in u1; either in u1, u2, u3 -> 1/3. a-c: both in u2; either in u1, u2 -> 1/2. b-c: 0.
    assert jac.loc["a", "b"] == pytest.approx(0.333, abs=1e-3)
    assert jac.loc["a", "c"] == pytest.approx(0.5)
    assert jac.loc["b", "c"] == 0
    assert (np.diag(jac.to_numpy()) == 1).all()
    assert (jac.to_numpy() == jac.to_numpy().T).all()


def test_cooccurrence_pairs_tidy_and_ordered():
    pairs = an.cooccurrence_pairs(PRACTICES)
    assert pairs[["item_a", "item_b", "n_a", "n_b", "n_both"]].to_dict("records") == [
        {"item_a": "a", "item_b": "c", "n_a": 2, "n_b": 1, "n_both": 1},   # jaccard 0.5 first
        {"item_a": "a", "item_b": "b", "n_a": 2, "n_b": 2, "n_both": 1},   # jaccard 0.333
    ]


def test_cooccurrence_rejects_unknown_measure_and_handles_empty():
    with pytest.raises(InvalidArgumentError):
        an.cooccurrence(PRACTICES, measure="cosine")
    empty = PRACTICES.iloc[0:0]
    assert an.cooccurrence(empty).empty
    assert an.cooccurrence_pairs(empty).empty


# --------------------------------------------------------------------------- tables across units


UNITS = pd.DataFrame({"unit_id": ["d#1", "d#2", "e#1"], "jurisdiction": ["甲区", "乙区", "丙县"]})


def _ind(rows):
    cols = ["unit_id", "jurisdiction", "indicator", "value", "unit", "surface", "sent_id", "start"]
    return pd.DataFrame(rows, columns=cols)


def test_unit_matrix_keeps_every_unit_and_category_order():
    table = pd.DataFrame({"unit_id": ["e#1", "d#1", "e#1"], "practice": ["x", "y", "x"], "count": [2, 1, 3]})
    m = an.unit_matrix(table, "practice", UNITS, categories=["y", "x", "z"])
    assert list(m.index) == ["d#1", "d#2", "e#1"] and list(m.columns) == ["y", "x", "z"]
    assert m.loc["e#1", "x"] == 2 and m.loc["d#2"].sum() == 0 and m["z"].sum() == 0
    summed = an.unit_matrix(table, "practice", UNITS, values="count")
    assert summed.loc["e#1", "x"] == 5


def test_largest_figure_does_not_sum_overlapping_figures():
    ind = _ind([
        ("d#1", "甲区", "stations", 66.0, "个", "66个", "d:3", 10),   # 66 stations, of which 5 sectoral
        ("d#1", "甲区", "stations", 5.0, "个", "5个", "d:3", 20),
        ("e#1", "丙县", "stations", 7.0, "个", "7个", "e:1", 5),
        ("e#1", "丙县", "stations", 7.0, "个", "七个", "e:4", 90),     # tie: the earlier one is kept
        ("e#1", "丙县", "deputies", 70.0, "名", "70名", "e:2", 40),
    ])
    big = an.largest_figure(ind, "stations")
    assert big[["unit_id", "value", "sent_id", "n_figures"]].to_dict("records") == [
        {"unit_id": "d#1", "value": 66.0, "sent_id": "d:3", "n_figures": 2},
        {"unit_id": "e#1", "value": 7.0, "sent_id": "e:1", "n_figures": 2},
    ]
    assert an.largest_figure(ind, "funding").empty


def test_per_capita_only_where_population_is_reported():
    ind = _ind([
        ("d#1", "甲区", "stations", 12.0, "个", "12个", "d:1", 10),
        ("d#1", "甲区", "admin_context", 561000.0, "人", "56.1万", "d:0", 2),
        ("d#1", "甲区", "admin_context", 141.7, "平方千米", "141.7平方千米", "d:0", 1),  # area, not population
        ("e#1", "丙县", "stations", 84.0, "个", "84个", "e:1", 5),
    ])
    out = an.per_capita(ind, "stations", per=10_000)
    d = out.set_index("unit_id")
    # 12 / 561000 * 10000 = 0.2139
    assert d.loc["d#1", "per_capita"] == pytest.approx(0.214)
    assert d.loc["d#1", "population_sent_id"] == "d:0"
    assert math.isnan(d.loc["e#1", "population"]) and math.isnan(d.loc["e#1", "per_capita"])
    with pytest.raises(InvalidArgumentError):
        an.per_capita(ind, per=0)


def test_unit_labels_are_unique_and_ordered():
    labels = an.unit_labels(UNITS)
    assert labels.tolist() == ["甲区 (d#1)", "乙区 (d#2)", "丙县 (e#1)"]
    assert list(labels.index) == ["d#1", "d#2", "e#1"]


def test_evaluation_scores_long_form_without_all():
    summary = pd.DataFrame({
        "table": ["indicators", "indicators", "quantities", "mentions"],
        "category": ["all", "stations", "all", "agency"],
        "tp": [1, 1, 1, 1], "fp": [0, 0, 0, 1], "fn": [0, 0, 0, 0], "gold": [1, 1, 1, 1], "extracted": [1, 1, 1, 2],
        "precision": [1.0, 1.0, 1.0, 0.5], "recall": [1.0, 1.0, 1.0, 1.0], "f1": [1.0, 1.0, 1.0, 0.6667],
    })
    ev = Evaluation(summary=summary, errors=pd.DataFrame(), canonical=pd.DataFrame(), per_document=pd.DataFrame())
    out = an.evaluation_scores(ev, tables=("mentions", "indicators"))
    assert out[["table", "category", "metric"]].values.tolist() == [
        ["mentions", "agency", "precision"], ["mentions", "agency", "recall"], ["mentions", "agency", "f1"],
        ["indicators", "stations", "precision"], ["indicators", "stations", "recall"],
        ["indicators", "stations", "f1"],
    ]
    assert out.loc[0, "value"] == 0.5


# --------------------------------------------------------------------------- on the bundled corpus


def test_unit_profile_agrees_with_the_corpus_tables(corpus):
    prof = an.unit_profile(corpus)
    assert list(prof["unit_id"]) == list(corpus.units["unit_id"])
    formulas = corpus.formulas().set_index("unit_id")
    assert (prof.set_index("unit_id")["n_formula_sentences"] == formulas["n_formula_sentences"]).all()
    assert prof["n_sentences"].sum() == len(corpus.sentences)
    assert prof["n_indicators"].sum() == len(corpus.indicators())
    for col in ("formula_share", "practice_share", "indicator_share"):
        assert prof[col].between(0, 1).all()


def test_document_profile_one_row_per_document(corpus):
    docs = an.document_profile(corpus)
    assert list(docs["doc_id"]) == sorted(corpus.documents["doc_id"])
    assert docs["n_units"].sum() == len(corpus.units)
    roundup = docs.set_index("doc_id").loc["xiamen_2024_roundup"]
    assert roundup["place"] == "福建省厦门市" and roundup["n_units"] > 1


def test_with_sentences_gives_the_evidence_of_every_indicator(corpus):
    ind = an.with_sentences(corpus.indicators(), corpus.sentences)
    assert len(ind) == len(corpus.indicators())
    for surface, sentence in zip(ind["surface"], ind["sentence"]):
        assert surface in sentence


# --------------------------------------------------------------------------- drawing


def test_draw_heatmap_annotates_non_zero_cells_only():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from congress_lib.plotting import style

    m = pd.DataFrame([[0, 2], [3, float("nan")]], index=["思明区", "湖里区"], columns=["专题询问", "执法检查"])
    with style():
        fig, ax = plt.subplots()
        an.draw_heatmap(m, ax, colorbar_label="n")
        texts = sorted(t.get_text() for t in ax.texts)
        plt.close(fig)
    assert texts == ["2", "3"]


# --------------------------------------------------------------------------- networks


def test_projection_summary_on_a_hand_made_graph():
    import networkx as nx

    G = nx.Graph()
    for node, t in [("d1", "deputy"), ("d2", "deputy"), ("s1", "station"), ("s2", "station"), ("s3", "station"),
                    ("a1", "agency")]:
        G.add_node(node, type=t, canonical=node)
    # d1 works at s1 and s2, d2 at s2 and s3; a1 is tied to d1 only
    G.add_edges_from([("d1", "s1"), ("d1", "s2"), ("d2", "s2"), ("d2", "s3"), ("a1", "d1")], weight=1)
    out = an.projection_summary(G, pairs=[("station", "deputy"), ("deputy", "station"), ("agency", "deputy")])
    rows = out.set_index(["node_type", "via_type"])
    # stations via deputies: s1-s2 (d1), s2-s3 (d2); s1-s3 share nobody
    assert rows.loc[("station", "deputy"), ["nodes", "linked_nodes", "edges", "max_shared"]].tolist() == [3, 3, 2, 1]
    assert rows.loc[("station", "deputy"), "density"] == pytest.approx(0.667)
    # deputies via stations: d1-d2 share s2
    assert rows.loc[("deputy", "station"), ["edges", "max_shared"]].tolist() == [1, 1]
    # one agency: no pair to link
    assert rows.loc[("agency", "deputy"), ["nodes", "edges"]].tolist() == [1, 0]
    assert list(out["node_type"]) == ["station", "deputy", "agency"]


@pytest.mark.parametrize("nodes", [
    [("s1", "station"), ("s2", "station")],  # two stations, no deputy: networkx refused (graph size 2)
    [("s1", "station")],  # one station
    [],  # an empty graph
    [("s1", "station"), ("a1", "agency"), ("d1", "deputy")],  # one node of each type, no edge
], ids=["no_via_nodes", "one_node", "empty", "no_edges"])
def test_projection_summary_on_tiny_graphs(nodes):
    """A corpus of one short report gives a network with few nodes: every projection is
    then empty, not an error (networkx's projection refuses a graph without via nodes)."""
    import networkx as nx

    from congress_lib.network import project, projection_edges

    G = nx.Graph()
    for node, t in nodes:
        G.add_node(node, type=t, canonical=node)
    out = an.projection_summary(G)
    assert len(out) == 12
    assert (out["edges"] == 0).all() and (out["linked_nodes"] == 0).all() and (out["density"] == 0).all()
    stations = sum(t == "station" for _, t in nodes)
    assert out.set_index(["node_type", "via_type"]).loc[("station", "deputy"), "nodes"] == stations
    assert sorted(project(G, "station", "deputy").nodes) == sorted(n for n, t in nodes if t == "station")
    assert projection_edges(G, "station", "deputy").empty


def test_place_names_are_romanised_for_readers_without_chinese(tmp_path):
    from congress_lib import analysis as an

    got = an.romanised(["湖里区", "同安区", "西安市", "马尾区", "郑州市某区", "某区", "广东省", "和平街道", ""])
    assert got == ["Huli", "Tong'an", "Xi'an", "Mawei", "a district of Zhengzhou", "an unnamed district",
                   "Guangdong", "Heping", ""]
    # a one-character stem keeps its suffix (州 and 县 are level words too)
    assert an.romanised(["贵州", "贵州省", "杭州", "沛县"]) == ["Guizhou", "Guizhou", "Hangzhou", "Peixian"]
    # a reading is lexicon data: a user folder adds one without code
    (tmp_path / "jurisdiction.yaml").write_text("readings:\n  六安: Lu'an\n", encoding="utf-8")
    assert an.romanised(["六安市"], load_lexicon(tmp_path)) == ["Lu'an"]
    units = pd.DataFrame({"unit_id": ["a#1", "b#1"], "jurisdiction": ["湖里区", "马尾区"]})
    assert an.unit_labels(units, romanise=True).tolist() == ["湖里区 Huli (a#1)", "马尾区 Mawei (b#1)"]


def test_bilingual_labels_come_from_the_codebook():
    from congress_lib import analysis as an

    assert an.bilingual(["special_inquiry", "not_a_code"], "practice") == ["Special inquiry 专题询问", "not_a_code"]
    assert an.bilingual(["督办", "co_mention"], "relation") == ["督办 supervises handling", "co-mentioned"]
    assert an.bilingual(["admin_context"], "indicator") == ["Jurisdiction context"]
    assert an.bilingual(["special_inquiry"], "practice", chinese=False) == ["Special inquiry"]
    assert an.pinyin(["联络站"]) == ["liánluòzhàn"]


def test_out_of_sample_scores_of_one_set_per_code():
    scores = pd.DataFrame({
        "set": ["s", "s", "s", "t"], "table": ["indicators", "indicators", "mentions", "indicators"],
        "category": ["all", "stations", "all", "all"], "f1": [0.83, 0.73, 0.94, 0.5],
        "tp": [173, 11, 615, None], "fn": [32, 6, 26, None], "f1_exact": [0.8337, 0.7333, 0.9411, None],
        "f1_low": [0.73, 0.5, 0.92, None], "f1_high": [0.9, 0.83, 0.96, None]})
    got = an.out_of_sample_scores(scores, "s")
    assert got.index.tolist() == ["all", "stations"]
    assert got.loc["stations", "gold"] == 17 and got.loc["stations", "f1"] == 0.7333
    assert got.loc["all", "f1_low"] == 0.73
    # a set recorded without counts: its rounded F1, no gold count
    old = an.out_of_sample_scores(scores, "t")
    assert old.loc["all", "f1"] == 0.5 and old["gold"].isna().all()
    assert an.out_of_sample_scores(scores, "nope").empty


def test_first_sight_lists_each_blind_set_once_and_pools_their_counts():
    rows = [
        # set, pages, table, category, tp, fp, fn, f1, f1_exact, low, high
        ("old (before)", 8, "indicators", "all", None, None, None, 0.74, None, None, None),  # no counts
        ("b (before)", 30, "indicators", "all", 60, 20, 20, 0.75, 0.75, 0.6, 0.85),
        ("b (before)", 30, "indicators", "other", 10, 15, 5, 0.5, 0.5, 0.3, 0.7),
        ("b (before)", 30, "indicators", "deputies", 50, 5, 15, 0.83, 0.8333, 0.7, 0.9),
        ("b (final)", 30, "indicators", "all", 70, 10, 10, 0.88, 0.875, 0.8, 0.95),  # not blind any more
        ("a (before)", 20, "indicators", "all", 36, 4, 4, 0.9, 0.9, 0.8, 0.97),
        ("a (before)", 20, "indicators", "deputies", 36, 4, 4, 0.9, 0.9, 0.8, 0.97),
        ("a (before)", 20, "mentions", "all", 90, 10, 10, 0.9, 0.9, 0.85, 0.95),
        ("agreement", 9, "indicators", "all", 30, 1, 1, 0.97, 0.9677, 0.9, 1.0),
    ]
    scores = pd.DataFrame(rows, columns=["set", "pages", "table", "category", "tp", "fp", "fn", "f1", "f1_exact",
                                         "f1_low", "f1_high"])
    per_set, pooled = an.first_sight(scores)
    # in the order recorded, only first scores with counts
    assert per_set["set"].tolist() == ["b (before)", "a (before)"]
    assert per_set["gold"].tolist() == [80, 40] and per_set["pages"].tolist() == [30, 20]
    assert per_set["f1"].tolist() == [0.75, 0.9] and per_set["f1_low"].tolist() == [0.6, 0.8]
    # pooled: counts added over sets (96 / 24 / 24), all first, then codes by gold
    assert pooled.index.tolist() == ["all", "deputies", "other"]
    assert pooled.loc["all", ["tp", "fp", "fn", "gold", "sets"]].tolist() == [96, 24, 24, 120, 2]
    assert pooled.loc["all", "f1"] == 0.8
    assert pooled.loc["deputies", "gold"] == 105 and pooled.loc["deputies", "sets"] == 2
    assert pooled.loc["other", "precision"] == 0.4 and pooled.loc["other", "recall"] == round(10 / 15, 4)
    assert an.first_sight(scores, "mentions")[1].loc["all", "f1"] == 0.9
    with pytest.raises(InvalidArgumentError):
        an.first_sight(scores.drop(columns="tp"))


def test_top_rows_keeps_the_largest_and_sums_the_rest():
    m = pd.DataFrame({"a": [1, 5, 0, 2, 3], "b": [0, 1, 0, 2, 0]}, index=["u1", "u2", "u3", "u4", "u5"])
    got = an.top_rows(m, n=2)
    assert got.index.tolist() == ["u2", "u4", "all other units (3)"]  # totals 6 and 4, in the matrix's order
    assert got.loc["all other units (3)"].tolist() == [4, 0]
    assert got.sum().tolist() == m.sum().tolist() and got.dtypes.tolist() == m.dtypes.tolist()
    assert an.top_rows(m, n=5).equals(m)
    with pytest.raises(InvalidArgumentError):
        an.top_rows(m, n=0)


def test_provinces_are_placed_on_the_tile_grid_by_their_short_name(tmp_path):
    values = pd.Series({"福建省": 3, "广西壮族自治区": 1, "福建": 2, "火星": 9})
    tiles = an.province_tiles(values)
    by = tiles.set_index("tile")
    assert by.at["福建", "value"] == 5 and by.at["广西", "value"] == 1  # full and short names summed
    assert np.isnan(by.at["河南", "value"]) and tiles.attrs["unplaced"] == ["火星"]
    assert len(tiles) == 34 and not tiles.duplicated(["row", "column"]).any()  # one square per place
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from congress_lib.plotting import style

    with style():
        fig, ax = plt.subplots()
        an.draw_tile_map(tiles, ax, colorbar_label="reports")
        texts = [t.get_text() for t in ax.texts]
        plt.close(fig)
    assert "Fujian\n5" in texts and "Henan" in texts and "Guangxi\n1" in texts


# --------------------------------------------------------------------------- corpora of any size


def _units_and_documents():
    units = pd.DataFrame({
        "unit_id": ["a#1", "a#2", "b#1", "c#1", "d#1"],
        "doc_id": ["a", "a", "b", "c", "d"],
        "jurisdiction": ["鼓楼区", "思明区", "鼓楼区", "同安区", "某县"],
        "jurisdiction_level": ["district", "district", "district", "", "county"],
        "province": ["福建省", "福建省", "江苏省", "福建省", ""],
        "place_province": ["福建省", "", "江苏省", "", None],
    })
    documents = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "date": ["2021-03-01", "", "2022", None]})
    return units, documents


def test_at_scale_switches_above_the_one_threshold():
    assert not an.at_scale(an.MAX_UNITS)
    assert an.at_scale(an.MAX_UNITS + 1)
    assert not an.at_scale(pd.DataFrame({"unit_id": range(3)}))


def test_unit_places_takes_the_resolved_province_then_the_metadata_and_the_year_of_the_date():
    places = an.unit_places(*_units_and_documents())
    assert places.columns.tolist() == ["unit_id", "doc_id", "jurisdiction", "level", "province", "year"]
    assert places["province"].tolist() == ["福建省", "福建省", "江苏省", "福建省", an.UNKNOWN]
    assert places["level"].tolist() == ["district", "district", "district", an.UNKNOWN, "county"]
    assert places["year"].tolist()[:2] == [2021, 2021]
    assert pd.isna(places["year"].iloc[2]) and places["year"].iloc[3] == 2022 and pd.isna(places["year"].iloc[4])


def test_jurisdiction_places_takes_the_commonest_province():
    places = an.unit_places(*_units_and_documents())
    extra = places.iloc[[2]].assign(unit_id="e#1", doc_id="e")
    out = an.jurisdiction_places(pd.concat([places, extra]))
    row = out.set_index("jurisdiction").loc["鼓楼区"]
    assert (row["province"], row["units"], row["docs"]) == ("江苏省", 3, 3)
    assert out["jurisdiction"].tolist() == sorted(out["jurisdiction"])


def test_by_group_shares_sums_and_pools_the_smallest_groups():
    matrix = pd.DataFrame({"x": [1, 0, 2, 0, 5], "y": [0, 0, 1, 1, 0]}, index=list("abcde"))
    groups = pd.Series(["P", "P", "Q", "R", None], index=list("abcde"), name="province")
    share = an.by_group(matrix, groups)
    assert share.index.tolist() == ["P", "Q", "R", an.UNKNOWN]
    assert share.index.name == "province"
    assert share.loc["P"].tolist() == [2, 0.5, 0.0]
    summed = an.by_group(matrix, groups, how="sum", top=1)
    assert summed.index.tolist() == ["P", "other (3)"]
    assert summed.loc["other (3)"].tolist() == [3, 7, 2]
    assert summed["items"].sum() == len(matrix)
    with pytest.raises(InvalidArgumentError):
        an.by_group(matrix, groups, how="max")
    with pytest.raises(InvalidArgumentError):
        an.by_group(matrix, groups, top=0)
    # groups of fewer items than min_items are pooled (a share over one unit is 0 % or 100 %);
    # the unknown group is never pooled
    pooled = an.by_group(matrix, groups, min_items=2)
    assert pooled.index.tolist() == ["P", an.UNKNOWN, "other (2)"]
    assert pooled.loc["other (2)"].tolist() == [2, 0.5, 1.0]
    assert pooled["items"].sum() == len(matrix)
    assert an.by_group(matrix, groups, min_items=1).index.tolist() == share.index.tolist()
    with pytest.raises(InvalidArgumentError):
        an.by_group(matrix, groups, min_items=0)


def test_per_year_keeps_years_with_enough_reports_and_counts_the_rest():
    years = pd.Series([2020, 2020, 2020, 2021, 2021, 2021, 2021, 2022, None], index=range(9))
    matrix = pd.DataFrame({"p": [1, 0, 0, 1, 1, 0, 0, 1, 1]}, index=range(9))
    series = an.per_year(matrix, years, min_reports=3)
    assert series.index.tolist() == [2020, 2021]
    assert series["reports"].tolist() == [3, 4]
    assert series["p"].tolist() == [0.333, 0.5]
    assert series.attrs == {"undated": 1, "thin_years": [2022]}
    assert not an.enough_years(series)
    assert an.enough_years(series, min_years=2)
    empty = an.per_year(matrix, pd.Series([None] * 9, index=range(9), dtype="float"))
    assert empty.empty and empty.attrs["undated"] == 9 and not an.enough_years(empty)


def test_province_labels_are_short_names_with_their_reading():
    assert an.province_labels(["福建省", "新疆维吾尔自治区", "内蒙古自治区", an.UNKNOWN, "other (3)"]) == [
        "福建 Fujian", "新疆 Xinjiang", "内蒙古 Inner Mongolia", an.UNKNOWN, "other (3)"]


def test_count_axis_puts_ticks_on_whole_numbers_only():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.hist([1.0, 2.0, 2.5, 3.0], bins=3)  # counts 1 and 2: matplotlib ticks 0.25, 0.5 … by default
    assert any(t != int(t) for t in ax.get_yticks())
    assert an.count_axis(ax) is ax
    fig.canvas.draw()
    assert all(t == int(t) for t in ax.get_yticks())
    plt.close(fig)
