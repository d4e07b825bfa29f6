"""Which pairs of mentions a sentence joins, and by which trigger (congress_lib.network.relations):
relations a reader can check in the sentence."""

from __future__ import annotations

import json

import pytest

import congress_lib as cl
from congress_lib import network as nw
from network_cases import (COUNTY_DEPUTY, COURT, D_GROUP, DEPUTY, EDU, FINANCE, HOUSING, SC, STATION, make_corpus,
                           relation)


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


def test_relation_rules_are_compiled_once_per_lexicon_version(tmp_path):
    from congress_lib.network.relations import relation_rules

    shipped = cl.load_lexicon()
    assert relation_rules(shipped) is relation_rules(shipped)
    (tmp_path / "relation_triggers.yaml").write_text("relations:\n  座谈: [座谈]\n", encoding="utf-8")
    user = cl.load_lexicon(tmp_path)
    assert relation_rules(user) is relation_rules(user)
    assert "座谈" in relation_rules(user).relation_of and "座谈" not in relation_rules(shipped).relation_of
