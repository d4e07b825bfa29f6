"""Writing the graph (congress_lib.network.io): GraphML and GEXF files, deterministic, read back by networkx."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import congress_lib as cl
from network_cases import generic_corpus


def test_exports_are_deterministic_and_read_back(tmp_path):
    G = cl.build_network(generic_corpus())
    a = cl.write_network(G, tmp_path / "a")
    b = cl.write_network(cl.build_network(generic_corpus()), tmp_path / "b")
    for kind in ("graphml", "gexf"):
        assert a[kind].read_bytes() == b[kind].read_bytes()
    text = a["gexf"].read_text(encoding="utf-8")
    assert 'lastmodifieddate="1970-01-01"' in text
    back = nx.read_graphml(a["graphml"])
    assert list(back.nodes(data=True)) == list(G.nodes(data=True))
    assert {frozenset((u, v)): d for u, v, d in back.edges(data=True)} == \
        {frozenset((u, v)): d for u, v, d in G.edges(data=True)}
    gexf = nx.read_gexf(a["gexf"])
    assert sorted(gexf.nodes) == sorted(G.nodes)
    for n, d in G.nodes(data=True):
        assert {k: gexf.nodes[n][k] for k in d} == d
    for u, v, d in G.edges(data=True):
        e = gexf.edges[u, v]
        assert e["weight"] == d["weight"] and e["relation"] == d["relation"] and e["rel_接待"] == d.get("rel_接待")


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(st.text(alphabet=st.sampled_from(list('a中"<>&\'\t ,{}0E')), min_size=1, max_size=3000),
                      min_size=1, max_size=4))
def test_write_network_writes_what_networkx_reads_back(texts, tmp_path_factory):
    """Long text values with quotes and markup survive both files."""
    G = nx.Graph(name=texts[0][:50])
    for i, text in enumerate(texts):
        G.add_node(f"n{i}", type="deputy", note=text, label=text[::-1])
    G.add_node("hub", type="agency", note="", label="hub")
    for i, text in enumerate(texts):
        G.add_edge(f"n{i}", "hub", weight=i, other=text[:1200])
    files = cl.write_network(G, tmp_path_factory.mktemp("w"))
    back = nx.read_graphml(files["graphml"])
    assert [back.nodes[f"n{i}"]["note"] for i in range(len(texts))] == texts
    assert [back.edges[f"n{i}", "hub"]["other"] for i in range(len(texts))] == [t[:1200] for t in texts]
    assert nx.read_gexf(files["gexf"]).number_of_edges() == G.number_of_edges()


def test_write_network_flattens_and_refuses_gexf_reserved_names(tmp_path):
    G = nx.Graph(name="toy")
    G.add_node("deputy:甲", type="deputy", tags=["a", "b"], score=1)
    G.add_node("agency:乙", type="agency", score=2.5)
    G.add_edge("deputy:甲", "agency:乙", weight=1)
    paths = cl.write_network(G, tmp_path)
    back = nx.read_graphml(paths["graphml"])
    assert back.nodes["deputy:甲"]["tags"] == '["a", "b"]'
    assert back.nodes["deputy:甲"]["score"] == 1.0  # one type per attribute
    G.edges["deputy:甲", "agency:乙"]["type"] = "x"
    with pytest.raises(cl.InvalidArgumentError, match="fixed meaning in GEXF"):
        cl.write_network(G, tmp_path)


def test_bundled_corpus_exports_and_summary(corpus, tmp_path):
    G = cl.build_network(corpus)
    a = cl.write_network(G, tmp_path / "a")
    b = cl.write_network(cl.build_network(corpus), tmp_path / "b")
    for kind in ("graphml", "gexf"):
        assert a[kind].read_bytes() == b[kind].read_bytes()
    node = nx.read_graphml(a["graphml"]).nodes["agency:集美区人民法院"]
    assert (node["type"], node["canonical"], node["branch"]) == ("agency", "集美区人民法院", "court")
    metrics = cl.node_metrics(G)
    assert metrics["weighted_degree"].is_monotonic_decreasing
    summary = cl.jurisdiction_summary(corpus)
    assert set(summary["jurisdiction"]) == set(corpus.units["jurisdiction"])
    assert summary.set_index("jurisdiction").loc["集美区", "e_deputy_agency"] >= 1
