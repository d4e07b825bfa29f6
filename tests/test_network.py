"""The deputy–station–agency network (codebook §4): relations a reader can check in
the sentence, node conventions, determinism, exports and projections.

Most tests use small stand-in corpora built from report-style sentences (some
from the bundled reports, most written in the style of reports from other
provinces, some in traditional characters); a few check facts of the bundled
corpus.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import warnings
from functools import partial
from types import SimpleNamespace

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import congress_lib as cl
from conftest import CORPUS
from congress_lib import network as nw
from congress_lib.network import project, projection_edges

# --------------------------------------------------------------------------- stand-in corpora


def make_corpus(*sentences, doc_id="d1", jurisdiction="某县"):
    """A stand-in corpus: each sentence is (text, [(type, surface, canonical, level, branch), ...]).

    Surfaces are located left to right in the text, so a surface may repeat.
    Offsets are document offsets, as in a real corpus (one space between sentences).
    """
    m_rows, s_rows, offset = [], [], 0
    for i, (text, mentions) in enumerate(sentences, 1):
        sent_id, unit_id, pos = f"{doc_id}:{i}", f"{doc_id}#1", 0
        for mtype, surface, canonical, level, branch in mentions:
            k = text.index(surface, pos)
            pos = k + len(surface)
            m_rows.append({"doc_id": doc_id, "unit_id": unit_id, "jurisdiction": jurisdiction, "type": mtype,
                           "surface": surface, "canonical": canonical, "level": level, "branch": branch,
                           "start": offset + k, "end": offset + pos, "sent_id": sent_id})
        s_rows.append({"sent_id": sent_id, "doc_id": doc_id, "unit_id": unit_id, "start": offset,
                       "end": offset + len(text), "text": text})
        offset += len(text) + 1
    return SimpleNamespace(mentions=pd.DataFrame(m_rows, columns=list(nw.MENTION_COLUMNS)),
                           sentences=pd.DataFrame(s_rows))


def merge(*corpora):
    mentions = pd.concat([c.mentions for c in corpora], ignore_index=True)
    sentences = pd.concat([c.sentences for c in corpora], ignore_index=True)
    return SimpleNamespace(mentions=lambda: mentions.copy(), sentences=sentences)


def relation(corpus, source, target):
    edges = cl.network_edges(corpus)
    hit = edges[(edges["source"] == source) & (edges["target"] == target)]
    assert not hit.empty, (source, target, edges[["source", "target"]].values.tolist())
    return hit["relation"].tolist()


D_GROUP = ("deputy", "市人大第十二代表小组", "淮北市人大第十二代表小组", "municipal", "deputy")
FINANCE = ("agency", "市财政局", "淮北市财政局", "municipal", "department")
DEPUTY = ("deputy", "人大代表", "人大代表", "", "deputy")
COUNTY_DEPUTY = ("deputy", "县人大代表", "某县人大代表", "district", "deputy")
COURT = ("agency", "集美法院", "集美区人民法院", "district", "court")
HOUSING = ("agency", "区住建局", "某区住房和城乡建设局", "district", "department")
STATION = ("station", "城关镇代表联络站", "城关镇代表联络站", "township", "station")
SC = ("congress", "区人大常委会", "某区人大常委会", "district", "congress")
EDU = ("agency", "区教育局", "某区教育局", "district", "department")


# --------------------------------------------------------------------------- relations


def test_deputy_group_contacts_the_finance_bureau():
    # xiangshan_2023_news: the trigger 联系 stands between the two mentions
    c = make_corpus(("市人大第十二代表小组联系市财政局,通过座谈讨论等形式了解淮北市财政税收等情况", [D_GROUP, FINANCE]))
    edges = cl.network_edges(c)
    assert edges[["source", "target", "relation", "weight", "n_docs"]].values.tolist() == [
        ["deputy:淮北市人大第十二代表小组", "agency:淮北市财政局", "联系", 1, 1]]
    ev = json.loads(edges["evidence"].iloc[0])
    text = c.sentences["text"].iloc[0]
    assert ev == [{"doc_id": "d1", "unit_id": "d1#1", "sent_id": "d1:1", "start": 0, "end": len(text)}]


def test_court_delegates_cases_to_deputies_and_the_edge_is_ordered_by_type():
    # xiamen_2024_roundup: the agency comes first in the sentence, the deputy first in the edge
    c = make_corpus(("截至目前,集美法院共向7名人大代表委派案件128件", [COURT, DEPUTY]))
    assert relation(c, "deputy:人大代表", "agency:集美区人民法院") == ["委派"]
    ev = cl.edge_evidence(c).iloc[0]
    assert (ev["trigger"], ev["source_type"], ev["target_type"]) == ("委派", "deputy", "agency")
    text = c.sentences["text"].iloc[0]
    assert text[ev["trigger_start"]:ev["trigger_end"]] == "委派"


def test_station_agency_edge():
    c = make_corpus(("县住建局负责人每月到城关镇代表联络站接待群众", [("agency", "县住建局", "某县住房和城乡建设局",
                                                     "district", "department"), STATION]))
    assert relation(c, "station:城关镇代表联络站", "agency:某县住房和城乡建设局") == ["接待"]


def test_co_mention_when_the_sentence_has_no_trigger():
    c = make_corpus(("县人民法院与县人大常委会召开座谈会", [("agency", "县人民法院", "某县人民法院", "district", "court"),
                                              ("congress", "县人大常委会", "某县人大常委会", "district", "congress")]))
    edges = cl.network_edges(c)
    assert edges["relation"].tolist() == ["co_mention"]
    ev = cl.edge_evidence(c).iloc[0]
    assert (ev["trigger"], ev["trigger_start"], ev["trigger_end"]) == ("", -1, -1)


@pytest.mark.parametrize("text, mentions", [
    # 联系 inside the station name, 承办 inside 承办单位, 联络 inside 联络站: none is a trigger
    ("人大代表在代表联系群众活动站开展活动", [DEPUTY, ("station", "代表联系群众活动站", "代表联系群众活动站", "", "station")]),
    ("承办单位认真听取人大代表意见", [("agency", "承办单位", "承办单位", "", "department"), DEPUTY]),
    ("县人大代表走出去看看望江社区联络站", [COUNTY_DEPUTY, ("station", "望江社区联络站", "望江社区联络站", "community", "station")]),
])
def test_trigger_words_inside_mentions_do_not_count(text, mentions):
    assert cl.network_edges(make_corpus((text, mentions)))["relation"].tolist() == ["co_mention"]


def test_nearest_trigger_wins_over_lexicon_order():
    # 联系 is 2 characters from the pair, 督办 (earlier in the lexicon) 7
    c = make_corpus(("人大代表和区住建局一同联系群众并督办整改", [DEPUTY, HOUSING]))
    assert relation(c, "deputy:人大代表", "agency:某区住房和城乡建设局") == ["联系"]


def test_equally_near_triggers_follow_the_lexicon_order():
    # both triggers stand between the mentions (distance 0): 督办 is listed before 联系
    c = make_corpus(("人大代表对接并督办区住建局整改工作", [DEPUTY, HOUSING]))
    assert relation(c, "deputy:人大代表", "agency:某区住房和城乡建设局") == ["督办"]
    ev = cl.edge_evidence(c)
    assert ev["trigger"].tolist() == ["督办"]


def test_each_pair_gets_the_trigger_nearest_to_itself():
    c = make_corpus(("区人大常委会督办区教育局办理的建议,区教育局向人大代表答复办理结果", [SC, EDU, EDU, DEPUTY]))
    edges = cl.network_edges(c).set_index(["source", "target"])["relation"]
    assert edges[("deputy:人大代表", "agency:某区教育局")] == "答复"  # nearest occurrences, second clause
    assert edges[("agency:某区教育局", "congress:某区人大常委会")] == "督办"
    assert edges[("deputy:人大代表", "congress:某区人大常委会")] == "督办"  # 督办 and 办理 tie at 0: lexicon order


def test_only_triggers_in_the_clause_of_a_mention_count():
    # 督办 stands in a third clause that mentions neither actor
    c = make_corpus(("县财政局和县人大代表参加座谈,会后形成调研报告,并督办落实",
                     [("agency", "县财政局", "某县财政局", "district", "department"), COUNTY_DEPUTY]))
    assert cl.network_edges(c)["relation"].tolist() == ["co_mention"]
    # 答复 stands in the clause of the agency
    c = make_corpus(("县人大代表参加了座谈会,会后县财政局逐条答复",
                     [COUNTY_DEPUTY, ("agency", "县财政局", "某县财政局", "district", "department")]))
    assert cl.network_edges(c)["relation"].tolist() == ["答复"]


def test_traditional_characters():
    # triggers are matched in traditional characters too; the relation name stays simplified
    c = make_corpus(("縣人大代表聯繫縣財政局,督辦民生實事",
                     [("deputy", "縣人大代表", "某縣人大代表", "district", "deputy"),
                      ("agency", "縣財政局", "某縣財政局", "district", "department")]))
    ev = cl.edge_evidence(c)
    assert ev[["relation", "trigger"]].values.tolist() == [["联系", "聯繫"]]


def test_same_type_mentions_make_no_edge_and_self_pairs_are_ignored():
    c = make_corpus(("市人大代表和区人大代表共同视察", [("deputy", "市人大代表", "某市人大代表", "municipal", "deputy"),
                                             ("deputy", "区人大代表", "某区人大代表", "district", "deputy")]),
                    ("人大代表、人大代表", [DEPUTY, DEPUTY]))
    assert cl.network_edges(c).empty
    assert list(cl.network_edges(c).columns) == nw.EDGE_COLUMNS
    assert list(cl.edge_evidence(c).columns) == nw.EVIDENCE_COLUMNS


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


def test_main_relation_is_the_most_frequent_then_a_trigger_relation():
    c = make_corpus(("人大代表联系区教育局", [DEPUTY, EDU]), ("人大代表联系区教育局", [DEPUTY, EDU]),
                    ("人大代表督办区教育局", [DEPUTY, EDU]),
                    ("区人大常委会与区教育局座谈", [SC, EDU]), ("区教育局答复区人大常委会", [EDU, SC]))
    G = cl.build_network(c)
    d = G.edges["deputy:人大代表", "agency:某区教育局"]
    assert (d["relation"], d["relations"], d["weight"]) == ("联系", "联系:2;督办:1", 3)
    d = G.edges["agency:某区教育局", "congress:某区人大常委会"]
    assert (d["relation"], d["relations"], d["rel_co_mention"]) == ("答复", "答复:1;co_mention:1", 1)


# --------------------------------------------------------------------------- nodes


@pytest.mark.parametrize("mtype, canonical, level, expected", [
    ("deputy", "人大代表", "", True),
    ("deputy", "代表小组", "", True),
    ("deputy", "人大代表特邀调解员", "", True),
    ("agency", "承办单位", "", True),
    ("agency", "相关部门", "", True),
    ("congress", "人大", "", True),
    ("station", "代表联络站", "", True),
    ("station", "人大代表联系群众活动室", "", True),
    ("station", "代表聯絡站", "", True),  # traditional
    ("station", "田洋活动站", "", False),  # a named station
    ("station", "百姓说事点", "", False),  # a brand
    ("deputy", "杨鹭鹭", "", False),  # a named deputy
    ("agency", "淮北市财政局", "municipal", False),
    ("deputy", "各级人大代表", "multi", False),
    ("deputy", "代表小组", "district", False),  # a level makes it specific
])
def test_generic_rule(mtype, canonical, level, expected):
    assert nw.is_generic(mtype, canonical, level) is expected


def test_a_levelled_generic_name_is_a_specific_node():
    c = make_corpus(("区代表小组联系区教育局", [("deputy", "区代表小组", "代表小组", "district", "deputy"), EDU]),
                    ("代表小组联系区教育局", [("deputy", "代表小组", "代表小组", "", "deputy"), EDU]))
    node = cl.build_network(c).nodes["deputy:代表小组"]
    assert (node["level"], node["generic"], node["mentions"]) == ("district", False, 2)
    assert "deputy:代表小组" in cl.build_network(c, keep_generic=False)


def _generic_corpus():
    return make_corpus(
        ("县人大代表在望江社区代表联络站接待选民", [COUNTY_DEPUTY, ("station", "望江社区代表联络站", "望江社区代表联络站",
                                                   "community", "station")]),
        ("县人民法院与县人大常委会座谈", [("agency", "县人民法院", "某县人民法院", "district", "court"),
                                ("congress", "县人大常委会", "某县人大常委会", "district", "congress")]),
        ("县人大代表走进代表联络站", [COUNTY_DEPUTY, ("station", "代表联络站", "代表联络站", "", "station")]),
        ("人大代表督办县人民法院执行难问题", [DEPUTY, ("agency", "县人民法院", "某县人民法院", "district", "court")]),
    )


def test_node_attributes():
    G = cl.build_network(_generic_corpus())
    assert list(G.nodes)[:2] == ["deputy:人大代表", "deputy:某县人大代表"]  # type order, then key
    node = G.nodes["deputy:某县人大代表"]
    assert node == {"type": "deputy", "canonical": "某县人大代表", "label": "某县人大代表", "jurisdiction": "某县",
                    "level": "district", "branch": "deputy", "mentions": 2, "generic": False}
    assert G.nodes["station:代表联络站"]["generic"] is True
    assert G.nodes["deputy:人大代表"]["generic"] is True
    assert G.graph["name"] == "congress network"


def test_generic_nodes_can_be_dropped_without_changing_other_edges():
    c = _generic_corpus()
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


def test_levels_mode_and_jurisdictions_join():
    a = make_corpus(("区人大代表联系区教育局", [("deputy", "区人大代表", "区人大代表", "district", "deputy"), EDU]),
                    doc_id="a", jurisdiction="乙区")
    b = make_corpus(("区人大代表联系区教育局", [("deputy", "区人大代表", "区人大代表", "", "deputy"), EDU]),
                    doc_id="b", jurisdiction="甲区")
    nodes = nw.network_nodes(merge(a, b)).set_index("node")
    assert nodes.loc["deputy:区人大代表", ["jurisdiction", "level", "mentions"]].tolist() == ["乙区;甲区", "district", 2]


def test_mention_counts_merge_like_batches():
    c = _generic_corpus()
    m = c.mentions
    whole = nw.nodes_from_counts(nw.mention_counts(m))
    parts = pd.concat([nw.mention_counts(m.iloc[:3]), nw.mention_counts(m.iloc[3:])], ignore_index=True)
    pd.testing.assert_frame_equal(nw.nodes_from_counts(parts), whole)


def test_building_blocks_compose_to_build_network():
    c = _generic_corpus()
    ev = pd.concat([cl.edge_evidence(c, doc_id="d1").iloc[:2], cl.edge_evidence(c).iloc[2:]], ignore_index=True)
    G = nw.graph_from_tables(nw.nodes_from_counts(nw.mention_counts(c.mentions)), nw.edges_from_evidence(ev))
    H = cl.build_network(c)
    assert list(G.nodes(data=True)) == list(H.nodes(data=True))
    assert list(G.edges(data=True)) == list(H.edges(data=True))


def _random_corpus(rnd, n_docs=4):
    """Report-style sentences recombined at random: triggers, clause marks, repeated nodes."""
    pieces = ["督办", "交由", "办理", "答复", "联系", "联络", "走访", "，", "：", "的", "和", "问题", "督促办理"]
    actors = [D_GROUP, FINANCE, DEPUTY, COUNTY_DEPUTY, COURT, HOUSING, STATION, SC, EDU]
    corpora = []
    for d in range(n_docs):
        sentences = []
        for _ in range(rnd.randint(1, 6)):
            chosen = rnd.sample(actors, rnd.randint(1, 4))
            chosen += rnd.sample(chosen, rnd.randint(0, 1))  # a node mentioned twice
            text = "".join(rnd.choice(pieces) + a[1] for a in chosen) + rnd.choice(pieces)
            sentences.append((text, chosen))
        corpora.append(make_corpus(*sentences, doc_id=f"d{d}", jurisdiction=rnd.choice(["甲区", "乙区"])))
    return corpora


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
    corpora = _random_corpus(rnd)
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
    c = _generic_corpus()
    m = c.mentions
    with pytest.raises(cl.InvalidArgumentError, match="4 sentence"):
        nw.sentence_evidence(zip(m.sent_id, m.type, m.canonical, m.start, m.end), [])


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


def test_a_list_sentence_with_too_many_actors_joins_no_pair():
    """A flattened table naming more than MAX_SENTENCE_NODES actors adds no edge (it would add n^2/4)."""
    n = nw.MAX_SENTENCE_NODES // 2 + 1
    deputies = [f"人大代表{chr(0x5f20 + i)}某" for i in range(n)]
    agencies = [f"{chr(0x5f20 + i)}某街道办事处" for i in range(n)]
    text = "，".join(deputies + agencies) + "。"
    mentions, pos = [], 0
    for surface in deputies + agencies:
        pos = text.index(surface, pos)
        mtype = "deputy" if surface.startswith("人大代表") else "agency"
        mentions.append(("s", mtype, surface, pos, pos + len(surface)))
    sentence = [("s", "d", "d#1", 0, len(text), text)]
    assert nw.sentence_evidence(mentions, sentence) == []
    # with as many nodes as the bound, every pair of two types is joined
    few = mentions[: nw.MAX_SENTENCE_NODES]
    (record,) = nw.sentence_evidence(few, sentence)
    n_dep = sum(m[1] == "deputy" for m in few)
    assert n_dep and len(record[5]) == n_dep * (len(few) - n_dep)


# --------------------------------------------------------------------------- determinism and inputs


@settings(max_examples=15, deadline=None)
@given(st.randoms(use_true_random=False))
def test_row_order_of_the_input_does_not_matter(rnd):
    c = merge(_generic_corpus(), make_corpus(("区人大常委会督办区教育局办理的建议,区教育局向人大代表答复", [SC, EDU, EDU, DEPUTY]),
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
    c = _generic_corpus()
    cat = SimpleNamespace(mentions=c.mentions.astype({k: "category" for k in ("doc_id", "type", "level", "sent_id")}),
                          sentences=c.sentences.astype({"sent_id": "category"}))
    pd.testing.assert_frame_equal(cl.network_edges(cat), cl.network_edges(c))


def test_bad_inputs():
    with pytest.raises(cl.InvalidArgumentError, match="expected a Corpus"):
        cl.network_edges("corpus")
    c = _generic_corpus()
    with pytest.raises(cl.InvalidArgumentError, match="lacks the column"):
        cl.network_edges(SimpleNamespace(mentions=c.mentions.drop(columns="canonical"), sentences=c.sentences))
    with pytest.raises(cl.InvalidArgumentError, match="1 sentence"):
        cl.network_edges(SimpleNamespace(mentions=c.mentions, sentences=c.sentences.iloc[1:]))
    with pytest.raises(cl.InvalidArgumentError, match="no mentions in jurisdiction '火星区'"):
        cl.build_network(c, jurisdiction="火星区")
    with pytest.raises(cl.InvalidArgumentError, match="no mentions in document"):
        cl.build_network(c, doc_id="nope")


def test_longer_trigger_wins_at_the_same_position(tmp_path):
    # 督办 listed again under a new relation stays 督办: the first relation listing a word keeps it
    (tmp_path / "relation_triggers.yaml").write_text("relations:\n  会商: [督办会商, 督办]\n", encoding="utf-8")
    c = make_corpus(("区人大常委会与区教育局督办会商", [SC, EDU]))
    assert cl.network_edges(c)["relation"].tolist() == ["督办"]
    ev = cl.edge_evidence(c, cl.load_lexicon(tmp_path))
    assert ev[["relation", "trigger"]].values.tolist() == [["会商", "督办会商"]]
    c = make_corpus(("区人大常委会督办区教育局", [SC, EDU]))
    assert cl.network_edges(c, cl.load_lexicon(tmp_path))["relation"].tolist() == ["督办"]


def test_user_lexicon_adds_a_relation(tmp_path):
    (tmp_path / "relation_triggers.yaml").write_text("relations:\n  座谈: [座谈]\n", encoding="utf-8")
    lex = cl.load_lexicon(tmp_path)
    c = make_corpus(("县人民法院与县人大常委会座谈", [("agency", "县人民法院", "某县人民法院", "district", "court"),
                                             ("congress", "县人大常委会", "某县人大常委会", "district", "congress")]))
    assert cl.network_edges(c)["relation"].tolist() == ["co_mention"]
    assert cl.network_edges(c, lex)["relation"].tolist() == ["座谈"]


# --------------------------------------------------------------------------- analysis


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
    b = _generic_corpus()
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


# --------------------------------------------------------------------------- export and drawing


def test_exports_are_deterministic_and_read_back(tmp_path):
    G = cl.build_network(_generic_corpus())
    a = cl.write_network(G, tmp_path / "a")
    b = cl.write_network(cl.build_network(_generic_corpus()), tmp_path / "b")
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


def _glyph_warnings(records):
    return [r for r in records if "missing from font" in str(r.message) or "Glyph" in str(r.message)]


@pytest.mark.parametrize("layout", ["spring", "columns"])
def test_draw_network_with_chinese_labels(tmp_path, layout, caplog):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from congress_lib.plotting import save_figure

    G = cl.build_network(_generic_corpus())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figs = [cl.draw_network(G, n_labels=3, layout=layout, title="网络") for _ in range(2)]
        paths = [save_figure(f, f"net{i}", tmp_path, formats=("png",))[0] for i, f in enumerate(figs)]
    assert not _glyph_warnings(caught)
    assert not [r for r in caplog.records if "findfont" in r.getMessage() or "Glyph" in r.getMessage()]
    assert paths[0].read_bytes() == paths[1].read_bytes()  # fixed seed, fixed order
    ax = figs[0].axes[0]
    labels = sorted(t.get_text() for t in ax.texts)
    assert len(labels) == 3 and "某县人大代表" in labels
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["deputy (2)", "station (2)", "agency (1)",
                                                                   "congress (1)"]
    for f in figs:
        plt.close(f)
    with pytest.raises(cl.InvalidArgumentError):
        cl.draw_network(G, layout="circle")


def test_network_module_does_not_import_plotting():
    code = ("import sys, congress_lib.network as n, congress_lib as cl; "
            "print(any(m.startswith(('matplotlib', 'congress_lib.plotting')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------- the bundled corpus


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


def test_drawing_does_not_depend_on_the_hash_seed(tmp_path):
    """Set and subgraph-view iteration follow PYTHONHASHSEED; the picture must not."""
    import os
    import subprocess
    import sys

    script = (
        "import congress_lib as cl, sys\n"
        "c = cl.load_corpus(sys.argv[1])\n"
        "fig = cl.draw_network(cl.build_network(c, jurisdiction='相山区'))\n"
        "cl.save_figure(fig, 'net', folder=sys.argv[2], formats=('svg',))\n"
    )
    corpus_dir = str(CORPUS)
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = dict(os.environ, PYTHONHASHSEED=seed, MPLBACKEND="Agg")
        subprocess.run([sys.executable, "-c", script, corpus_dir, str(out)], check=True, env=env, timeout=300)
        outs.append((out / "net.svg").read_bytes())
    assert outs[0] == outs[1]
