"""The graph (congress_lib.network.graph): edge and node attributes, generic nodes, building blocks,
facts of the bundled corpus."""

from __future__ import annotations

import json

import pandas as pd

import congress_lib as cl
from congress_lib import network as nw
from network_cases import DEPUTY, EDU, SC, generic_corpus, make_corpus


def test_main_relation_is_the_most_frequent_then_a_trigger_relation():
    c = make_corpus(("人大代表联系区教育局", [DEPUTY, EDU]), ("人大代表联系区教育局", [DEPUTY, EDU]),
                    ("人大代表督办区教育局", [DEPUTY, EDU]),
                    ("区人大常委会与区教育局座谈", [SC, EDU]), ("区教育局答复区人大常委会", [EDU, SC]))
    G = cl.build_network(c)
    d = G.edges["deputy:人大代表", "agency:某区教育局"]
    assert (d["relation"], d["relations"], d["weight"]) == ("联系", "联系:2;督办:1", 3)
    d = G.edges["agency:某区教育局", "congress:某区人大常委会"]
    assert (d["relation"], d["relations"], d["rel_co_mention"]) == ("答复", "答复:1;co_mention:1", 1)


def test_node_attributes():
    G = cl.build_network(generic_corpus())
    assert list(G.nodes)[:2] == ["deputy:人大代表", "deputy:某县人大代表"]  # type order, then key
    node = G.nodes["deputy:某县人大代表"]
    assert node == {"type": "deputy", "canonical": "某县人大代表", "label": "某县人大代表", "jurisdiction": "某县",
                    "level": "district", "branch": "deputy", "mentions": 2, "generic": False}
    assert G.nodes["station:代表联络站"]["generic"] is True
    assert G.nodes["deputy:人大代表"]["generic"] is True
    assert G.graph["name"] == "congress network"


def test_generic_nodes_can_be_dropped_without_changing_other_edges():
    c = generic_corpus()
    G = cl.build_network(c)
    H = cl.build_network(c, keep_generic=False)
    assert set(G) - set(H) == {"station:代表联络站", "deputy:人大代表"}
    assert list(H.edges) == [("deputy:某县人大代表", "station:望江社区代表联络站"),
                             ("agency:某县人民法院", "congress:某县人大常委会")]
    def nonzero(d):  # rel_<relation> columns exist for every relation in the graph
        return {k: v for k, v in d.items() if not (k.startswith("rel_") and v == 0)}

    for u, v in H.edges:
        assert nonzero(H.edges[u, v]) == nonzero(G.edges[u, v])
    assert "rel_走访" in G.edges["deputy:某县人大代表", "station:望江社区代表联络站"]
    assert "rel_走访" not in H.edges["deputy:某县人大代表", "station:望江社区代表联络站"]
    kept = cl.network_edges(c, keep_generic=False)
    assert len(kept) == 2 and not kept["source"].isin(["deputy:人大代表"]).any()


def test_building_blocks_compose_to_build_network():
    c = generic_corpus()
    ev = pd.concat([cl.edge_evidence(c, doc_id="d1").iloc[:2], cl.edge_evidence(c).iloc[2:]], ignore_index=True)
    G = nw.graph_from_tables(nw.nodes_from_counts(nw.mention_counts(c.mentions)), nw.edges_from_evidence(ev))
    H = cl.build_network(c)
    assert list(G.nodes(data=True)) == list(H.nodes(data=True))
    assert list(G.edges(data=True)) == list(H.edges(data=True))


def test_bundled_corpus_facts(corpus):
    edges = cl.network_edges(corpus).set_index(["source", "target", "relation"])
    # xiangshan_2023_news: 市人大第十二代表小组联系市财政局
    hit = edges.loc[("deputy:淮北市人大第十二代表小组", "agency:淮北市财政局", "联系")]
    ev = json.loads(hit["evidence"])
    assert len(ev) == 1 and ev[0]["doc_id"] == "xiangshan_2023_news"
    assert "第十二代表小组联系市财政局" in corpus.text("xiangshan_2023_news")[ev[0]["start"]:ev[0]["end"]]
    # xiamen_2024_roundup, 集美区 unit: 集美法院共向7名人大代表委派案件128件
    assert ("deputy:人大代表", "agency:集美区人民法院", "委派") in edges.index
    G = cl.build_network(corpus, jurisdiction="集美区")
    assert G.edges["deputy:人大代表", "agency:集美区人民法院"]["rel_委派"] == 1
    assert all(d["jurisdiction"] == "集美区" for _, d in G.nodes(data=True))
    assert G.graph["name"] == "congress network — 集美区"
