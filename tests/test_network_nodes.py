"""The node table (congress_lib.network.nodes): generic nodes, levels, jurisdictions, mergeable counts."""

from __future__ import annotations

import pandas as pd
import pytest

import congress_lib as cl
from congress_lib import network as nw
from network_cases import EDU, generic_corpus, make_corpus, merge


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


def test_levels_mode_and_jurisdictions_join():
    a = make_corpus(("区人大代表联系区教育局", [("deputy", "区人大代表", "区人大代表", "district", "deputy"), EDU]),
                    doc_id="a", jurisdiction="乙区")
    b = make_corpus(("区人大代表联系区教育局", [("deputy", "区人大代表", "区人大代表", "", "deputy"), EDU]),
                    doc_id="b", jurisdiction="甲区")
    nodes = nw.network_nodes(merge(a, b)).set_index("node")
    assert nodes.loc["deputy:区人大代表", ["jurisdiction", "level", "mentions"]].tolist() == ["乙区;甲区", "district", 2]


def test_mention_counts_merge_like_batches():
    c = generic_corpus()
    m = c.mentions
    whole = nw.nodes_from_counts(nw.mention_counts(m))
    parts = pd.concat([nw.mention_counts(m.iloc[:3]), nw.mention_counts(m.iloc[3:])], ignore_index=True)
    pd.testing.assert_frame_equal(nw.nodes_from_counts(parts), whole)
