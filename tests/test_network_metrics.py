"""Reading the graph (congress_lib.network.metrics): centralities, one network per jurisdiction, projections."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import congress_lib as cl
from congress_lib.network import project, projection_edges
from network_cases import DEPUTY, EDU, SC, generic_corpus, make_corpus, merge


def test_node_metrics_betweenness_uses_weights():
    G = nx.Graph()
    for n, t in [("a", "deputy"), ("b", "station"), ("c", "agency")]:
        G.add_node(n, type=t, canonical=n)
    # the direct tie a–c is weak (1 sentence, length 1); a–b–c is strong (length 0.2 + 0.2)
    G.add_edge("a", "c", weight=1)
    G.add_edge("a", "b", weight=5)
    G.add_edge("b", "c", weight=5)
    metrics = cl.node_metrics(G).set_index("node")
    assert metrics.loc["b", "betweenness"] == 1.0 and metrics.loc["a", "betweenness"] == 0.0
    assert metrics.loc["b", "weighted_degree"] == 10 and metrics.loc["a", "degree"] == 2
    assert list(cl.node_metrics(G)["node"]) == ["b", "a", "c"]
    G.edges["a", "c"]["weight"] = 10  # now the direct tie is the shortest path
    assert cl.node_metrics(G).set_index("node").loc["b", "betweenness"] == 0.0


def test_jurisdiction_summary_equals_one_network_per_jurisdiction():
    a = make_corpus(("区人大常委会督办区教育局", [SC, EDU]), ("人大代表走访区教育局", [DEPUTY, EDU]),
                    doc_id="a", jurisdiction="甲区")
    b = generic_corpus()
    c = merge(a, b)
    c.units = pd.DataFrame({"unit_id": ["a#1", "d1#1", "z#1"], "jurisdiction": ["甲区", "某县", "乙区"]})
    summary = cl.jurisdiction_summary(c).set_index("jurisdiction")
    assert list(summary.index) == ["乙区", "某县", "甲区"]
    assert summary.loc["乙区"].drop("density").sum() == 0  # a unit without mentions
    for jur in ("某县", "甲区"):
        G = cl.build_network(c, jurisdiction=jur)
        assert summary.loc[jur, ["nodes", "edges"]].tolist() == [G.number_of_nodes(), G.number_of_edges()]
    assert summary.loc["甲区", ["n_deputy", "n_agency", "n_congress", "e_deputy_agency", "e_agency_congress"]].tolist() \
        == [1, 1, 1, 1, 1]
    assert summary.loc["甲区", "density"] == pytest.approx(2 / 3, abs=1e-6)
    specific = cl.jurisdiction_summary(c, keep_generic=False).set_index("jurisdiction")
    assert specific.loc["甲区", "nodes"] == 2


def _tiny_bipartite():
    G = nx.Graph()
    for n, t in [("s1", "station"), ("s2", "station"), ("s3", "station"), ("d1", "deputy"), ("d2", "deputy"),
                 ("a1", "agency")]:
        G.add_node(n, type=t, canonical=n)
    G.add_edge("s1", "d1", weight=3)
    G.add_edge("s2", "d1", weight=1)
    G.add_edge("s1", "d2", weight=2)
    G.add_edge("s2", "d2", weight=2)
    G.add_edge("s3", "d2", weight=4)
    G.add_edge("s3", "a1", weight=9)  # another type: ignored by station-via-deputy
    G.add_edge("s1", "a1", weight=9)
    return G


def test_projection_counts_shared_neighbours():
    G = _tiny_bipartite()
    P = project(G, "station", "deputy")
    # s1–s2 share d1 and d2; s1–s3 and s2–s3 share d2; a1 is not a deputy
    assert sorted(P.edges(data="weight")) == [("s1", "s2", 2), ("s1", "s3", 1), ("s2", "s3", 1)]
    assert P.edges["s1", "s2"]["via"] == "d1;d2"
    # sentences: s1–s2 = min(3,1) + min(2,2) = 3; s1–s3 = min(2,4) = 2; s2–s3 = min(2,4) = 2
    assert sorted(project(G, "station", "deputy", weight="sentences").edges(data="weight")) == [
        ("s1", "s2", 3), ("s1", "s3", 2), ("s2", "s3", 2)]
    assert P.nodes["s1"] == {"type": "station", "canonical": "s1"}
    table = projection_edges(G, "station", "deputy")
    assert table.values.tolist() == [["s1", "s2", 2, 3, "d1;d2"], ["s1", "s3", 1, 2, "d2"], ["s2", "s3", 1, 2, "d2"]]
    # deputies via stations: d1–d2 share s1 and s2; via agencies: s1–s3 share a1
    assert sorted(project(G, "deputy", "station").edges(data="weight")) == [("d1", "d2", 2)]
    assert sorted(project(G, "station", "agency").edges(data="weight")) == [("s1", "s3", 1)]
    assert G.number_of_edges() == 7 and "via" not in G.edges["s1", "d1"]  # input untouched
    with pytest.raises(cl.InvalidArgumentError):
        project(G, "station", "station")
    with pytest.raises(cl.InvalidArgumentError):
        project(G, "station", "citizen")


def test_betweenness_of_a_large_graph_is_estimated_deterministically(monkeypatch):
    from congress_lib.network import metrics as metrics_module

    G = nx.Graph()
    types = ["deputy", "station", "agency", "congress"]
    for i in range(40):
        G.add_node(f"n{i}", type=types[i % 4], canonical=f"n{i}")
    for i in range(39):
        G.add_edge(f"n{i}", f"n{i + 1}", weight=1 + i % 3)
    exact = cl.node_metrics(G)
    monkeypatch.setattr(metrics_module, "EXACT_BETWEENNESS_NODES", 10)  # 40 nodes: estimated from 10 pivots
    first, second = cl.node_metrics(G), cl.node_metrics(G)
    pd.testing.assert_frame_equal(first, second)
    assert not first["betweenness"].equals(exact["betweenness"])
    # a path: the middle of the chain still lies on more shortest paths than its ends
    b = first.set_index("node")["betweenness"]
    assert b["n20"] > b["n0"] and b["n0"] == 0.0
