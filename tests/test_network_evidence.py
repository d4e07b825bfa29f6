"""The evidence and its one aggregator (congress_lib.network.evidence): weights, the streamed
path against the tables, determinism and bad inputs."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import congress_lib as cl
from congress_lib import network as nw
from network_cases import DEPUTY, EDU, SC, generic_corpus, make_corpus, merge, random_corpus


def test_weight_counts_sentences_and_relations_split_rows():
    a = make_corpus(("区人大常委会督办区教育局整改", [SC, EDU]),
                    ("区人大常委会督办区教育局落实", [SC, EDU]),
                    ("区人大常委会与区教育局联系", [SC, EDU]), doc_id="a", jurisdiction="某区")
    b = make_corpus(("区人大常委会督办区教育局", [SC, EDU]), doc_id="b", jurisdiction="某区")
    c = merge(a, b)
    edges = cl.network_edges(c)
    assert edges[["relation", "weight", "n_docs"]].values.tolist() == [["督办", 3, 2], ["联系", 1, 1]]
    ev = json.loads(edges["evidence"].iloc[0])
    assert [(e["doc_id"], e["sent_id"]) for e in ev] == [("a", "a:1"), ("a", "a:2"), ("b", "b:1")]
    G = cl.build_network(c)
    d = G.edges["agency:某区教育局", "congress:某区人大常委会"]
    assert (d["weight"], d["relation"], d["relations"], d["n_docs"]) == (4, "督办", "督办:3;联系:1", 2)
    assert (d["rel_督办"], d["rel_联系"]) == (3, 1)
    assert "evidence" not in d  # it stands once, in the edge table: the rows of this source and target
    rows = edges[(edges["source"] == "agency:某区教育局") & (edges["target"] == "congress:某区人大常委会")]
    assert sorted(e["sent_id"] for ev in rows["evidence"] for e in json.loads(ev)) == ["a:1", "a:2", "a:3", "b:1"]


def _store(corpora, doc_ids, reverse_ids=False):
    store = nw.EvidenceStore()
    for part in doc_ids:
        c = next(c for c in corpora if c.mentions["doc_id"].iloc[0] == part)
        m, s = c.mentions, c.sentences
        records = nw.sentence_evidence(zip(m.sent_id, m.type, m.canonical, m.start, m.end),
                                       zip(s.sent_id, s.doc_id, s.unit_id, s.start, s.end, s.text))
        if reverse_ids:  # sentence ids of another form than "doc_id:k"
            records = [(d, u, sid[::-1], a, b, pairs) for d, u, sid, a, b, pairs in records]
        store.add(records)
    return store


@pytest.mark.parametrize("seed", range(6))
def test_evidence_store_gives_the_edge_table_and_the_graph(seed, tmp_path):
    """The streamed build's path (sentence_evidence in workers, EvidenceStore) gives what
    edges_from_evidence / graph_from_tables / write_network give, also when a document comes
    twice (its sentences count once) or ids have another form."""
    import random

    rnd = random.Random(seed)
    corpora = random_corpus(rnd)
    docs = [c.mentions["doc_id"].iloc[0] for c in corpora]
    order = docs + ([rnd.choice(docs)] if seed % 2 else [])
    reverse = seed % 3 == 2
    store = _store(corpora, order, reverse_ids=reverse)
    whole = merge(*corpora)
    parts = [cl.edge_evidence(whole, doc_id=d) for d in order]
    evidence = pd.concat(parts, ignore_index=True)
    if reverse:
        evidence["sent_id"] = evidence["sent_id"].str[::-1]
    edges = nw.edges_from_evidence(evidence)
    assert list(store.edge_rows()) == edges.values.tolist()
    nodes = nw.network_nodes(whole)
    G = nw.graph_from_tables(nodes, edges)
    H = nw.graph_from_store(nodes, store)
    assert list(H.nodes(data=True)) == list(G.nodes(data=True))
    assert list(H.edges(data=True)) == list(G.edges(data=True))
    a = cl.write_network(G, tmp_path / "a")
    b = cl.write_network(H, tmp_path / "b")
    for kind in ("graphml", "gexf"):
        assert a[kind].read_bytes() == b[kind].read_bytes()
    if not seed % 2 and not reverse:  # one document once each: the whole corpus's network
        assert edges.equals(cl.network_edges(whole))


def test_sentence_evidence_refuses_missing_sentences():
    c = generic_corpus()
    m = c.mentions
    with pytest.raises(cl.InvalidArgumentError, match="4 sentence"):
        nw.sentence_evidence(zip(m.sent_id, m.type, m.canonical, m.start, m.end), [])


@settings(max_examples=15, deadline=None)
@given(st.randoms(use_true_random=False))
def test_row_order_of_the_input_does_not_matter(rnd):
    c = merge(generic_corpus(), make_corpus(("区人大常委会督办区教育局办理的建议,区教育局向人大代表答复", [SC, EDU, EDU, DEPUTY]),
                                             doc_id="d2", jurisdiction="某区"))
    mentions, sentences = c.mentions(), c.sentences
    m_order, s_order = list(range(len(mentions))), list(range(len(sentences)))
    rnd.shuffle(m_order)
    rnd.shuffle(s_order)
    shuffled = SimpleNamespace(mentions=mentions.iloc[m_order].reset_index(drop=True),
                               sentences=sentences.iloc[s_order].reset_index(drop=True))
    pd.testing.assert_frame_equal(cl.network_edges(shuffled), cl.network_edges(c))
    pd.testing.assert_frame_equal(cl.edge_evidence(shuffled), cl.edge_evidence(c))
    a, b = cl.build_network(shuffled), cl.build_network(c)
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(data=True)) == list(b.edges(data=True))


def test_categorical_columns_are_accepted():
    c = generic_corpus()
    cat = SimpleNamespace(mentions=c.mentions.astype({k: "category" for k in ("doc_id", "type", "level", "sent_id")}),
                          sentences=c.sentences.astype({"sent_id": "category"}))
    pd.testing.assert_frame_equal(cl.network_edges(cat), cl.network_edges(c))


def test_bad_inputs():
    with pytest.raises(cl.InvalidArgumentError, match="expected a Corpus"):
        cl.network_edges("corpus")
    c = generic_corpus()
    with pytest.raises(cl.InvalidArgumentError, match="lacks the column"):
        cl.network_edges(SimpleNamespace(mentions=c.mentions.drop(columns="canonical"), sentences=c.sentences))
    with pytest.raises(cl.InvalidArgumentError, match="1 sentence"):
        cl.network_edges(SimpleNamespace(mentions=c.mentions, sentences=c.sentences.iloc[1:]))
    with pytest.raises(cl.InvalidArgumentError, match="no mentions in jurisdiction '火星区'"):
        cl.build_network(c, jurisdiction="火星区")
    with pytest.raises(cl.InvalidArgumentError, match="no mentions in document"):
        cl.build_network(c, doc_id="nope")


@pytest.mark.parametrize("seed", range(3))
def test_every_way_into_the_store_gives_the_edge_table(seed):
    """Sentence records of a corpus, evidence rows and an edge table read back make one edge table."""
    import random

    c = merge(*random_corpus(random.Random(seed)))
    edges = cl.network_edges(c)
    assert not edges.empty
    pd.testing.assert_frame_equal(nw.corpus_evidence(c).edge_table(), edges)
    pd.testing.assert_frame_equal(nw.EvidenceStore.of_evidence(cl.edge_evidence(c)).edge_table(), edges)
    pd.testing.assert_frame_equal(nw.EvidenceStore.of_edges(edges).edge_table(), edges)
    assert len(nw.EvidenceStore.of_edges(edges)) == len(edges)
