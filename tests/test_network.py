"""The deputy–station–agency network: facts a reader can check in the text, conventions, exports."""

from __future__ import annotations

import json
from types import SimpleNamespace

import networkx as nx
import pandas as pd
import pytest

import congress_lib as cl
from congress_lib.network import project, projection_edges


def _edge(edges, source, target):
    hit = edges[(edges["source"] == source) & (edges["target"] == target)]
    assert not hit.empty, (source, target)
    return hit


def test_deputy_group_contacts_the_municipal_finance_bureau(corpus):
    # 市人大第十二代表小组联系市财政局 (xiangshan_2023_news)
    edges = cl.network_edges(corpus)
    hit = _edge(edges, "deputy:淮北市人大第十二代表小组", "agency:淮北市财政局")
    assert hit["relation"].tolist() == ["联系"]
    ev = json.loads(hit["evidence"].iloc[0])
    assert len(ev) == 1 and ev[0]["doc_id"] == "xiangshan_2023_news"
    text = corpus.text("xiangshan_2023_news")
    assert "第十二代表小组联系市财政局" in text[ev[0]["start"]:ev[0]["end"]]


def test_court_delegates_cases_to_deputies(corpus):
    # 集美法院共向7名人大代表委派案件128件 (xiamen_2024_roundup, 集美区 unit)
    edges = cl.network_edges(corpus)
    hit = _edge(edges, "deputy:人大代表", "agency:集美区人民法院")
    assert "委派" in set(hit["relation"])
    G = cl.build_network(corpus, jurisdiction="集美区")
    assert G.has_edge("deputy:人大代表", "agency:集美区人民法院")
    assert G.edges["deputy:人大代表", "agency:集美区人民法院"]["rel_委派"] == 1
    assert all(d["jurisdiction"] == "集美区" for _, d in G.nodes(data=True))


def _toy():
    sentences = pd.DataFrame({
        "sent_id": ["t:1", "t:2", "t:3"], "doc_id": ["t"] * 3, "unit_id": ["t#1"] * 3, "sent_no": [1, 2, 3],
        "start": [0, 30, 60],
        "end": [22, 47, 75],
        "text": ["县人大代表在望江社区代表联络站接待选民。", "县人民法院与县人大常委会座谈。", "县人大代表走进代表联络站。"]})

    def m(sent, t, surface, canonical, level, start):
        return {"doc_id": "t", "unit_id": "t#1", "jurisdiction": "某县", "type": t, "surface": surface,
                "canonical": canonical, "level": level, "branch": "", "start": start,
                "end": start + len(surface), "sent_id": sent}

    mentions = pd.DataFrame([
        m("t:1", "deputy", "县人大代表", "某县人大代表", "district", 0),
        m("t:1", "station", "望江社区代表联络站", "望江社区代表联络站", "community", 6),
        m("t:2", "agency", "县人民法院", "某县人民法院", "district", 30),
        m("t:2", "congress", "县人大常委会", "某县人大常委会", "district", 36),
        m("t:3", "deputy", "县人大代表", "某县人大代表", "district", 60),
        m("t:3", "station", "代表联络站", "代表联络站", "", 67),
    ])
    return SimpleNamespace(sentences=sentences, mentions=lambda: mentions.copy())


def test_relations_come_from_triggers_outside_mentions():
    edges = cl.network_edges(_toy()).set_index(["source", "target"])
    assert edges.loc[("deputy:某县人大代表", "station:望江社区代表联络站"), "relation"] == "接待"
    # 座谈 is no trigger, and 联络 inside 联络站 must not count as 联系
    assert edges.loc[("agency:某县人民法院", "congress:某县人大常委会"), "relation"] == "co_mention"
    assert edges.loc[("deputy:某县人大代表", "station:代表联络站"), "relation"] == "走访"


def test_generic_nodes_can_be_dropped():
    G = cl.build_network(_toy())
    assert G.nodes["station:代表联络站"]["generic"] is True
    assert G.nodes["deputy:某县人大代表"]["mentions"] == 2
    H = cl.build_network(_toy(), keep_generic=False)
    assert "station:代表联络站" not in H and "station:望江社区代表联络站" in H
    assert H.number_of_edges() == 2


def test_projection_counts_shared_neighbours():
    G = nx.Graph()
    for n, t in [("s1", "station"), ("s2", "station"), ("s3", "station"), ("d1", "deputy"), ("d2", "deputy")]:
        G.add_node(n, type=t)
    G.add_edges_from([("s1", "d1"), ("s2", "d1"), ("s1", "d2"), ("s2", "d2"), ("s3", "d2")])
    P = project(G, "station", "deputy")
    assert P.edges["s1", "s2"]["weight"] == 2 and P.edges["s1", "s3"]["weight"] == 1
    table = projection_edges(G, "station", "deputy")
    assert table.values.tolist() == [["s1", "s2", 2], ["s1", "s3", 1], ["s2", "s3", 1]]
    with pytest.raises(cl.InvalidArgumentError):
        project(G, "station", "station")


def test_exports_are_deterministic_and_read_back(corpus, tmp_path):
    G = cl.build_network(corpus)
    a = cl.write_network(G, tmp_path / "a")
    b = cl.write_network(cl.build_network(cl.load_corpus(corpus.root)), tmp_path / "b")
    for kind in ("graphml", "gexf"):
        assert a[kind].read_bytes() == b[kind].read_bytes()
    back = nx.read_graphml(a["graphml"])
    assert back.number_of_nodes() == G.number_of_nodes() and back.number_of_edges() == G.number_of_edges()
    node = back.nodes["agency:集美区人民法院"]
    assert (node["type"], node["canonical"], node["branch"]) == ("agency", "集美区人民法院", "court")
    gexf = nx.read_gexf(a["gexf"])
    assert gexf.number_of_edges() == G.number_of_edges()
    assert "lastmodifieddate=\"1970-01-01\"" in a["gexf"].read_text(encoding="utf-8")


def test_metrics_and_summary_are_tidy(corpus):
    G = cl.build_network(corpus)
    metrics = cl.node_metrics(G)
    assert list(metrics.columns[:3]) == ["node", "type", "canonical"]
    assert metrics["weighted_degree"].is_monotonic_decreasing
    summary = cl.jurisdiction_summary(corpus)
    assert set(summary["jurisdiction"]) == set(corpus.units["jurisdiction"])
    jimei = summary.set_index("jurisdiction").loc["集美区"]
    assert jimei["e_deputy_agency"] >= 1


def test_bad_arguments(corpus):
    with pytest.raises(cl.InvalidArgumentError, match="no mentions in jurisdiction"):
        cl.build_network(corpus, jurisdiction="火星区")
    with pytest.raises(cl.InvalidArgumentError, match="expected a Corpus"):
        cl.network_edges("corpus")
