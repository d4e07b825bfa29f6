"""Tests for congress_lib.mentions: deputy / station / agency / congress mentions.

Sentences marked "seed" come from the bundled reports, with the spans and canonical
names of the gold annotations (corpus/annotations/GUIDELINES.md). The others are
written in the style of reports from other provinces (some in traditional
characters, converted with opencc as the loader does).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congress_lib import fastpath, mentions
from congress_lib.errors import InvalidArgumentError
from congress_lib.jurisdiction import Jurisdiction
from congress_lib.mentions import MENTION_TYPES, MentionFinder, find_mentions
from congress_lib.resources import load_lexicon

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

TONGAN = Jurisdiction("同安区", "district", "福建省", "厦门市", "同安区", "metadata")
MAWEI = Jurisdiction("马尾区", "district", "福建省", "福州市", "马尾区", "metadata")
JIMEI = Jurisdiction("集美区", "district", "福建省", "厦门市", "集美区", "heading")
HAICANG = Jurisdiction("海沧区", "district", "福建省", "厦门市", "海沧区", "heading")
XIAMEN = Jurisdiction("厦门市", "municipal", "福建省", "厦门市", "", "metadata")
XIANGAN = Jurisdiction("翔安区", "district", "福建省", "厦门市", "翔安区", "heading")
XIANGSHAN = Jurisdiction("相山区", "district", "安徽省", "淮北市", "相山区", "metadata")
ZHENGZHOU = Jurisdiction("郑州市某区", "district", "河南省", "郑州市", "", "metadata")
# other provinces (invented units)
WANGJIANG = Jurisdiction("望江县", "district", "安徽省", "安庆市", "望江县", "metadata")
QINGSHAN = Jurisdiction("青山镇", "township", "浙江省", "杭州市", "", "metadata")
YIWU = Jurisdiction("义乌市", "district", "浙江省", "金华市", "义乌市", "metadata")
JINNIU = Jurisdiction("金牛区", "district", "四川省", "成都市", "金牛区", "metadata")

T2S = opencc.OpenCC("t2s")


def found(text, jur=None):
    return [(m["type"], m["surface"], m["canonical"]) for m in find_mentions(text, jur)]


def surfaces(text, jur=None, type_=None):
    return [m["surface"] for m in find_mentions(text, jur) if type_ in (None, m["type"])]


# --------------------------------------------------------------------------- seeds


def test_seed_jimei_court_and_bare_court():  # seed
    text = "集美区人大常委会携手集美法院,共同推进“人大代表+法官”多元解纷新模式,架起法院与群众沟通的“连心桥”"
    assert found(text, JIMEI) == [
        ("congress", "集美区人大常委会", "集美区人大常委会"),
        ("agency", "集美法院", "集美区人民法院"),
        ("deputy", "人大代表", "人大代表"),
        ("agency", "法院", "集美区人民法院"),
    ]


def test_seed_named_mediator_and_district_court():  # seed
    text = "人大代表特邀调解员杨鹭鹭多方了解,找准矛盾症结,主动协调区法院,创新采用小区业主、物业主任、人大代表、联动单位“四到位”新形式"
    ms = find_mentions(text, JIMEI)
    assert [(m["type"], m["surface"], m["canonical"]) for m in ms] == [
        ("deputy", "人大代表特邀调解员杨鹭鹭", "杨鹭鹭"),
        ("agency", "区法院", "集美区人民法院"),
        ("deputy", "人大代表", "人大代表"),
    ]
    court = ms[1]
    assert (court["level"], court["branch"]) == ("district", "court")


def test_seed_deputy_group_contacts_finance_bureau():  # seed
    text = "市人大第十二代表小组联系市财政局,通过座谈讨论等形式了解淮北市财政税收等情况"
    ms = find_mentions(text, XIANGSHAN)
    assert [(m["type"], m["surface"], m["canonical"], m["level"]) for m in ms] == [
        ("deputy", "市人大第十二代表小组", "淮北市人大第十二代表小组", "municipal"),
        ("agency", "市财政局", "淮北市财政局", "municipal"),
    ]
    assert ms[1]["branch"] == "department"


def test_seed_alias_table_expands_short_department_names():  # seed
    assert found("通过实地察看、现场询问了解企业运行,密切与市经信局联系", XIANGSHAN) == [
        ("agency", "市经信局", "淮北市经济和信息化局")
    ]


def test_seed_face_to_face_answers_in_tongan():  # seed
    text = "区政府分管副区长、承办单位领导向领衔代表“面对面”逐件答复,代表当场进行测评"
    assert found(text, TONGAN) == [
        ("agency", "区政府", "同安区人民政府"),
        ("agency", "承办单位", "承办单位"),
        ("deputy", "领衔代表", "领衔代表"),
        ("deputy", "代表", "人大代表"),
    ]


def test_seed_bare_standing_committee_and_district_deputies():  # seed
    text = "同安区人大常委会组织常委会组成人员和部分区人大代表视察厦门科学城核心区建设情况"
    assert found(text, TONGAN) == [
        ("congress", "同安区人大常委会", "同安区人大常委会"),
        ("congress", "常委会", "同安区人大常委会"),
        ("deputy", "区人大代表", "同安区人大代表"),
    ]


def test_seed_demonstrative_stays_out_of_the_span():  # seed: 该区人大常委会 → 区人大常委会
    assert found("这是该区人大常委会深入践行全过程人民民主的展现", TONGAN) == [
        ("congress", "区人大常委会", "同安区人大常委会")
    ]


def test_seed_session_numbers_stay_inside_congress_spans():  # seed
    assert found("去年5月,思明区十八届人大常委会第十三次会议听取了区政府关于企业国有资产管理情况的报告", None)[:1] == [
        ("congress", "思明区十八届人大常委会", "思明区人大常委会")
    ]
    assert found("十届人大期间收到的420件代表建议已全部办结", MAWEI) == [
        ("congress", "十届人大", "马尾区人大"),
        ("deputy", "代表", "人大代表"),
    ]


def test_seed_congress_and_its_standing_committee():  # seed
    assert found("“区人大及其常委会坚持人大工作与中心工作统筹谋划", TONGAN) == [
        ("congress", "区人大", "同安区人大"),
        ("congress", "常委会", "同安区人大常委会"),
        ("congress", "人大", "人大"),
    ]
    # a quotation about local congresses in general: not the unit's committee
    assert found("习近平总书记在对地方人大及其常委会工作的重要指示中强调", ZHENGZHOU) == [
        ("congress", "人大", "人大"),
        ("congress", "常委会", "人大常委会"),
    ]


def test_seed_multi_level_deputies_congresses_and_party_committees():  # seed
    assert found("组织驻区全国、省、市、区四级人大代表开展城市环境综合整治提升工作专题视察", ZHENGZHOU) == [
        ("deputy", "驻区全国、省、市、区四级人大代表", "各级人大代表")
    ]
    assert found("深入学习贯彻中央和省、市、区委人大工作会议精神", XIANGSHAN) == [
        ("agency", "中央", "党中央"),
        ("agency", "省、市、区委", "各级党委"),
        ("congress", "人大", "人大"),
    ]
    # 全省 is not one of the listed levels
    assert surfaces("在全省市县乡人大换届选举工作总结会议上作经验交流发言", XIANGSHAN) == ["市县乡人大"]
    assert found("做到了驻区人大代表不出千米找到站点", ZHENGZHOU) == [
        ("deputy", "驻区人大代表", "各级人大代表"),
        ("station", "站点", "站点"),
    ]


def test_seed_each_prefix():  # seed
    assert found("一年来,我市各区人大常委会围绕中心大局依法履职", XIAMEN) == [
        ("congress", "各区人大常委会", "厦门市各区人大常委会")
    ]
    assert found("引导各镇(街)人大认真梳理本代表小组的议案建议", XIANGAN) == [
        ("congress", "各镇(街)人大", "镇(街)人大"),
        ("deputy", "代表小组", "代表小组"),
    ]


def test_seed_named_and_generic_stations():  # seed
    text = "例如,青礁村活动站“四化三心”工作模式助力乡村振兴取得新成效,兴祥社区活动站唱响“社企连心三部曲”,新阳企业活动站“一三五七”工作机制帮助员工排忧解难"
    assert surfaces(text, HAICANG) == ["青礁村活动站", "兴祥社区活动站", "新阳企业活动站"]
    levels = [m["level"] for m in find_mentions(text, HAICANG)]
    assert levels == ["village", "community", "enterprise"]
    text = "辖区6个社区和1个医疗行业人大代表联系群众活动站,新挂牌成立7个“人大代表调解室”"
    assert surfaces(text, JIMEI) == ["医疗行业人大代表联系群众活动站", "人大代表调解室"]
    # a generic station: the trailing alternative is dropped from the canonical name
    assert found("目前,全区建成人大代表联系群众活动室(站)66个,其中行业等特色站点5个", HAICANG) == [
        ("station", "人大代表联系群众活动室(站)", "人大代表联系群众活动室"),
        ("station", "特色站点", "特色站点"),
    ]


def test_seed_quoted_labels_and_enumerated_platforms():  # seed
    text = "建立区级“代表之家”,建成镇(街)“代表联系群众活动室”4个,村(社区)“社情民意”示范点11个"
    assert found(text, MAWEI) == [
        ("station", "代表之家", "代表之家"),
        ("station", "代表联系群众活动室", "代表联系群众活动室"),
        ("station", "示范点", "社情民意示范点"),
    ]
    text = "鼓励各联络站依托代表特点,打造了健康大讲堂、青少年心理疏导室等履职微平台"
    assert surfaces(text, ZHENGZHOU, "station") == ["联络站", "健康大讲堂", "青少年心理疏导室", "履职微平台"]


def test_seed_brands_set_up_by_a_verb():  # seed
    assert found("东山街道打造“聚心茶馆”,以“茶”为媒,宣传政策", XIANGSHAN) == [("station", "聚心茶馆", "聚心茶馆")]
    assert found("指导莲花镇活动室创建“莲心室”品牌,田洋活动站突显闽南古厝特色", TONGAN) == [
        ("station", "莲花镇活动室", "莲花镇活动室"),
        ("station", "莲心室", "莲心室"),
        ("station", "田洋活动站", "田洋活动站"),
    ]


def test_seed_party_group_of_a_congress_body_is_one_agency():  # seed
    ms = find_mentions("2022年9月省人大常委会党组副书记、副主任陶明伦调研相山区人大代表工作", XIANGSHAN)
    assert [(m["type"], m["surface"], m["canonical"], m["branch"]) for m in ms] == [
        ("agency", "省人大常委会党组", "安徽省人大常委会党组", "party"),
        ("deputy", "相山区人大代表", "相山区人大代表", "deputy"),
    ]


def test_seed_nested_places_join_one_span():  # seed; nothing inside a cited title is coded
    assert found("相山区相南街道人大工委组织代表开展活动", XIANGSHAN)[0] == (
        "congress", "相山区相南街道人大工委", "相南街道人大工委")
    assert found("《相山区相南街道人大工委开展“聚民意惠民生”行动》等多篇稿件被人民代表报刊登", XIANGSHAN) == [
        ("deputy", "人民代表", "人大代表")
    ]
    assert found("全面落实《安徽省街道人大工作条例》", XIANGSHAN) == []


# --------------------------------------------------------------------------- traps


@pytest.mark.parametrize(
    "text",
    [
        "这代表了全区人民的共同心愿,具有很强的代表性",  # verb and adjective
        "代表着新时代基层治理的方向",
        "学生代表、企业家代表和村民代表参加了座谈会",  # other kinds of representatives
        "群众代表和党代表列席了会议",
        "印制《人大代表履职档案》",  # a cited title
        "经贸代表团来访,职工代表小组成立",  # delegations and groups of other representatives
        "公布代表候选人名单,区人大代表候选人进行了介绍",  # candidates are not (yet) deputies
        "坚持“三个代表”重要思想",
    ],
)
def test_traps_are_not_deputies(text):
    assert [m for m in find_mentions(text, TONGAN) if m["type"] == "deputy"] == []


def test_people_congress_system_is_no_mention():  # seed: the system is not a body
    assert found("坚持和完善人民代表大会制度,充分发挥人大代表作用", TONGAN) == [
        ("deputy", "人大代表", "人大代表"),
    ]


def test_station_names_swallow_the_deputy_word():
    assert found("设立街道代表联络站", ZHENGZHOU) == [("station", "街道代表联络站", "街道代表联络站")]
    assert found("即代表联络站要设立代表议事厅、代表接待室", ZHENGZHOU) == [
        ("station", "代表联络站", "代表联络站"),
        ("station", "代表议事厅", "代表议事厅"),
        ("station", "代表接待室", "代表接待室"),
    ]


def test_party_standing_committee_is_no_congress():
    assert found("区委常委会研究了有关事项", JINNIU) == [("agency", "区委", "中共金牛区委员会")]


def test_one_government_one_commission_two_courts():  # seed
    text = "人大常委会组成人员及“一府一委两院”等国家机关负责人"
    ms = find_mentions(text, TONGAN)
    assert [(m["type"], m["surface"], m["branch"]) for m in ms] == [
        ("congress", "人大常委会", "congress"),
        ("agency", "一府一委两院", "other"),
        ("agency", "国家机关", "other"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "职工代表大会和村民代表大会按期召开",  # not people's congresses
        "名师工作室和博士后工作站挂牌",  # workrooms that are no deputy platforms
        "拓宽平台载体,完善阵地建设体系",  # bare 平台 / 阵地
        "探索优化全区发展大局",  # 大局 is no bureau
        "审查批准47项2019年度政府投资项目",  # a project category
        "成立领导小组,制定工作方案",  # not a deputy group
    ],
)
def test_traps_yield_no_mention(text):
    assert find_mentions(text, JINNIU) == []


# --------------------------------------------------------------------------- other provinces


def test_county_style_sentence():
    text = "县人大常委会组织部分省、市、县人大代表视察县人民医院建设情况。"
    assert found(text, WANGJIANG) == [
        ("congress", "县人大常委会", "望江县人大常委会"),
        ("deputy", "省、市、县人大代表", "各级人大代表"),
    ]


def test_county_courts_procuratorate_and_supervision_commission():
    ms = find_mentions("县法院、县检察院分别向县人大常委会报告工作,县监委主任列席会议。", WANGJIANG)
    assert [(m["surface"], m["canonical"], m["branch"]) for m in ms] == [
        ("县法院", "望江县人民法院", "court"),
        ("县检察院", "望江县人民检察院", "procuratorate"),
        ("县人大常委会", "望江县人大常委会", "congress"),
        ("县监委", "望江县监察委员会", "supervision"),
    ]


def test_township_presidium_and_township_organs():
    assert found("青山镇人大主席团组织镇人大代表开展集中视察活动,听取镇人民政府工作情况汇报。", QINGSHAN) == [
        ("congress", "青山镇人大主席团", "青山镇人大主席团"),
        ("deputy", "镇人大代表", "青山镇人大代表"),
        ("agency", "镇人民政府", "青山镇人民政府"),
    ]
    # in a county unit an unnamed township keeps its level word
    assert found("组织镇人大代表视察", WANGJIANG) == [("deputy", "镇人大代表", "镇人大代表")]


def test_community_station_of_another_province():
    assert found("华阳镇人大主席团在望江社区代表联络站召开座谈会。", WANGJIANG) == [
        ("congress", "华阳镇人大主席团", "华阳镇人大主席团"),
        ("station", "望江社区代表联络站", "望江社区代表联络站"),
    ]
    assert surfaces("抚琴街道西南街社区人大代表工作室正式揭牌。", JINNIU) == ["抚琴街道西南街社区人大代表工作室"]


def test_county_level_city_resolves_shi_to_itself():
    text = "市人大常委会听取市政府关于民生实事项目实施情况的报告,市监委、市法院负责人到会。"
    assert [c for _, _, c in found(text, YIWU)] == [
        "义乌市人大常委会", "义乌市人民政府", "义乌市监察委员会", "义乌市人民法院",
    ]


def test_unlisted_and_listed_departments():
    text = "区发展改革局、区教育局、区卫健委主要负责人列席会议。"
    assert [c for _, _, c in found(text, JINNIU)] == ["金牛区发展改革局", "金牛区教育局", "金牛区卫生健康委员会"]


def test_unknown_place_names_by_pattern_not_by_list():
    # neither 玉林 nor 茶店子 is known to the library
    text = "玉林街道人大工委依托“民情茶馆”收集社情民意,并邀请区人大代表参与。"
    assert found(text, JINNIU) == [
        ("congress", "玉林街道人大工委", "玉林街道人大工委"),
        ("station", "民情茶馆", "民情茶馆"),  # a local brand ending in 茶馆 (codebook §3.1)
        ("deputy", "区人大代表", "金牛区人大代表"),
    ]
    # a verb before a level word is no place name
    assert found("督促区政府加快公共交通事业协调发展", MAWEI) == [("agency", "区政府", "马尾区人民政府")]
    assert found("积极回应市、区人大代表的关切", TONGAN) == [("deputy", "市、区人大代表", "各级人大代表")]


def test_brand_found_by_pattern_then_wherever_it_recurs():
    text = "依托“代表议事厅”等载体,打造了“老杨说事点”,“老杨说事点”已接待群众300余人次。"
    assert surfaces(text, WANGJIANG) == ["代表议事厅", "老杨说事点", "老杨说事点"]


def test_quoted_deputy_venue_needs_no_verb_and_each_township_committee():
    text = "市人大常委会副主任一行来调研,对我县“代表议事坊”给予充分肯定,各乡镇党委要加强领导。"
    assert found(text, WANGJIANG) == [
        ("congress", "市人大常委会", "安庆市人大常委会"),
        ("station", "代表议事坊", "代表议事坊"),
        ("agency", "各乡镇党委", "乡镇党委"),
    ]


def test_named_deputy_after_a_level_prefix():
    assert found("区人大代表王小明主动联系选民,反映问题。", JINNIU) == [("deputy", "区人大代表王小明", "王小明")]
    # no name where a common word follows
    assert found("人大代表高度重视", JINNIU) == [("deputy", "人大代表", "人大代表")]


def test_without_jurisdiction_level_words_stay_unresolved():
    ms = find_mentions("区政府办公室组织召开区人大代表建议办理工作推进会。")
    assert [(m["surface"], m["canonical"], m["level"]) for m in ms] == [
        ("区政府办公室", "区人民政府办公室", "district"),  # an office of the government is one span
        ("区人大代表", "区人大代表", "district"),
    ]


@pytest.mark.parametrize(
    "traditional, expected",
    [
        ("縣人大常委會組織部分省、市、縣人大代表視察縣人民醫院。",
         [("congress", "县人大常委会", "望江县人大常委会"), ("deputy", "省、市、县人大代表", "各级人大代表")]),
        ("縣法院院長列席會議,縣人大代表深入聯絡站接待選民。",
         [("agency", "县法院", "望江县人民法院"), ("deputy", "县人大代表", "望江县人大代表"),
          ("station", "联络站", "联络站")]),
    ],
)
def test_traditional_input_after_conversion(traditional, expected):
    assert found(T2S.convert(traditional), WANGJIANG) == expected


def test_in_title_drops_deputies_only():  # seed: the title of the 相山 report
    title = "相山区人大常委会坚持“四个注重”不断推动代表工作高质量发展"
    assert [t for t, _, _ in found(title, XIANGSHAN)] == ["congress", "deputy"]
    assert [(m["type"], m["surface"]) for m in find_mentions(title, XIANGSHAN, in_title=True)] == [
        ("congress", "相山区人大常委会")
    ]


# --------------------------------------------------------------------------- contract


def test_output_contract_on_a_seed_report():
    text = (CORPUS / "reports" / "xiamen_2024_roundup.txt").read_text(encoding="utf-8")
    ms = find_mentions(text, XIAMEN)
    assert len(ms) > 100
    assert [m["start"] for m in ms] == sorted(m["start"] for m in ms)
    for a, b in zip(ms, ms[1:]):
        assert a["end"] <= b["start"]  # no overlaps, across types either
    for m in ms:
        assert set(m) == {"type", "surface", "canonical", "level", "branch", "start", "end"}
        assert text[m["start"]:m["end"]] == m["surface"]
        assert m["type"] in MENTION_TYPES and m["canonical"]
    assert find_mentions(text, XIAMEN) == ms  # deterministic


def test_bad_arguments_raise_with_advice():
    with pytest.raises(InvalidArgumentError, match="must be a str"):
        find_mentions(None)
    with pytest.raises(InvalidArgumentError, match="Jurisdiction"):
        find_mentions("区政府", "同安区")
    assert find_mentions("") == []


def test_user_lexicon_extends_brands_and_heads(tmp_path):
    (tmp_path / "mention_stations.yaml").write_text("brands:\n  民情茶社: community\n", encoding="utf-8")
    lex = load_lexicon(tmp_path)
    text = "依托民情茶社开展接待活动"
    assert find_mentions(text, JINNIU) == []
    assert [(m["surface"], m["level"]) for m in find_mentions(text, JINNIU, lex)] == [("民情茶社", "community")]


FRAGMENTS = [
    "区人大常委会", "人大代表", "代表", "代表性", "代表了", "联络站", "活动室(站)", "区政府", "集美法院", "市财政局",
    "各镇(街)人大", "市、区", "四级", "驻区", "常委会", "人民代表大会", "“", "”", "、", ",", "。", "县", "市", "组织",
    "督促", "第十三", "小组", "党组", "中央", "同安", "青礁村", "活动站", "平台", "等", "履职", "《", "》", "a1",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=14), st.sampled_from([None, TONGAN, XIANGSHAN, QINGSHAN]))
def test_invariants_on_random_fragment_soup(parts, jur):
    text = "".join(parts)
    ms = find_mentions(text, jur)
    end = 0
    for m in ms:
        assert text[m["start"]:m["end"]] == m["surface"] and m["surface"]
        assert m["start"] >= end
        end = m["end"]
    assert find_mentions(text, jur) == ms


# --------------------------------------------------------------------------- gold


def test_corpus_mentions_reach_the_bar_against_gold(corpus):
    """Per-type F1 ≥ 0.90 on the five hand-coded reports (multisets on type, surface)."""
    table = corpus.mentions()
    counts = {t: Counter() for t in MENTION_TYPES}
    for path in sorted((CORPUS / "annotations").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = gold["doc_id"]
        g = Counter((m["type"], m["surface"]) for m in gold["mentions"])
        p = Counter(zip(table.loc[table.doc_id == doc, "type"], table.loc[table.doc_id == doc, "surface"]))
        for key in g | p:
            tp = min(g[key], p[key])
            counts[key[0]].update(tp=tp, fp=p[key] - tp, fn=g[key] - tp)
    for type_, c in counts.items():
        f1 = 2 * c["tp"] / (2 * c["tp"] + c["fp"] + c["fn"])
        assert f1 >= 0.90, (type_, dict(c))


# ------------------------------------------------ out-of-sample weaknesses (written here)


def test_station_qualifier_chains_before_site_heads():
    # 联络服务 / 户外巡回 / 流动 / 直通车 qualify 站点 and 点; a brand ending in 号 names it
    assert found("全镇8个海潮号人大代表直通车联络服务站点同步开放。", QINGSHAN) == [
        ("station", "海潮号人大代表直通车联络服务站点", "海潮号人大代表直通车联络服务站点")]
    assert found(T2S.convert("為推進人大代表聯絡服務站點規範化建設,鎮人大召開現場會。"), QINGSHAN)[0] == \
        ("station", "人大代表联络服务站点", "人大代表联络服务站点")
    assert surfaces("今年该镇探索人大代表流动巡回联络服务点建设。", QINGSHAN, "station") == \
        ["人大代表流动巡回联络服务点"]
    # no deputy is left inside a station span
    assert surfaces("全镇8个海潮号人大代表直通车联络服务站点同步开放。", QINGSHAN, "deputy") == []


def test_reception_points_and_committee_member_stations():
    assert found("代表们分别在三个接待点接待选民。", QINGSHAN) == [
        ("deputy", "代表", "人大代表"), ("station", "接待点", "接待点")]
    assert found("县人大常委会在政务服务中心设立委员工作站。", WANGJIANG) == [
        ("congress", "县人大常委会", "望江县人大常委会"), ("station", "委员工作站", "委员工作站")]
    # trap: a bare 服务点 / 联络点 is no station (a qualifier is needed)
    assert surfaces("社区卫生服务点和快递联络点已经开放。", QINGSHAN, "station") == []


def test_named_station_before_a_deputy_chain_after_a_verb():
    assert found("调研组参观了龙湖人大代表之家。", WANGJIANG) == [
        ("station", "龙湖人大代表之家", "龙湖人大代表之家")]
    # trap: a verb before the chain is no name
    assert found("深入推进人大代表之家建设。", WANGJIANG) == [("station", "人大代表之家", "人大代表之家")]


def test_station_names_with_a_number():
    assert found("例如新桥第三村联络站收到建议5条。", QINGSHAN) == [
        ("station", "新桥第三村联络站", "新桥第三村联络站")]
    assert surfaces("在第二社区代表联络站接待选民。", QINGSHAN, "station") == ["第二社区代表联络站"]
    # trap: a counted 村 is no numbered name
    assert surfaces("全镇建成六个村联络站。", QINGSHAN, "station") == ["村联络站"]


def test_congress_short_forms_and_units():
    assert found("年初人代会期间,代表提出建议86件。", WANGJIANG)[0] == ("congress", "人代会", "望江县人大")
    assert found("市人大常委会代表工委开展督办。", WANGJIANG)[:1] == [  # one body (codebook §3.1)
        ("congress", "市人大常委会代表工委", "安庆市人大常委会代表工委")]
    assert found(T2S.convert("代表工作委員會牽頭督辦。"), WANGJIANG) == [
        ("congress", "代表工作委员会", "望江县人大常委会代表工委")]
    # 县市区 = each county-level unit under the city
    assert found("全市县市区人大常委会主任会议在县城召开。", WANGJIANG) == [
        ("congress", "县市区人大常委会", "安庆市各县市区人大常委会")]
    # trap: other congresses stay out
    assert found("县职工代表大会召开。", WANGJIANG) == []


def test_government_offices_and_street_offices():
    assert found("交县政府督查室和有关职能部门办理。", WANGJIANG) == [
        ("agency", "县政府督查室", "望江县人民政府督查室"), ("agency", "有关职能部门", "有关职能部门")]
    ms = find_mentions(T2S.convert("兩個辦事處的同志參加。"), WANGJIANG)
    assert [(m["surface"], m["canonical"], m["level"]) for m in ms] == [("办事处", "街道办事处", "township")]
    # trap: an office of a congress body is no government department (one congress body)
    assert found("县人大常委会办公室牵头。", WANGJIANG) == [("congress", "县人大常委会办公室", "望江县人大常委会办公室")]


def test_a_chain_of_places_resolves_to_the_innermost():
    text = "近日,安徽省安庆市望江县人大常委会召开主任会议。"
    assert found(text, WANGJIANG) == [("congress", "安徽省安庆市望江县人大常委会", "望江县人大常委会"),
                                      ("congress", "主任会议", "望江县人大常委会主任会议")]


# --------------------------------------------------------------------------- fast paths

SHORTCUT_FRAGMENTS = FRAGMENTS + [
    "（", "）", "(", ")", "届", "十八届", "第六", "驻县各级", "县市区", "各县(市、区)", "全区", "辖区", "全省市县乡",
    "琅岐菜篮子基地", "企业", "“百姓说事点”", "打造“民情驿站”", "代表之家", "实任圩街道", "相山区相南街道", "小组活动",
    "王小明,", "及其", "代表工委", "党委", "督查室", "人民法院", "数据局", "教育部门", "示范点", "联系群众", "厦门", "集美",
    "制度", "候选人", "选任联工委", "办公室", "城关街道工委", "大会", "提请", "驿站", "邻里", "江岸红色", "乡府", "住建",
    "交委", "政法委", "委组织部", "分", "县直部门", "基层立法联系点", "人民代表", "代表团", "、李红", "工作站", "该",
    "议事亭", "代表活动中心", "联络室", "会办单位", "牵头部门", "政府各部门", "其他部门", "自然资源局", "交通局", "村居",
    "若干", "街镇级", "家室站点", "两室一平台", "接访", "窗口", "交流", "平台", "议事", "居民", "部门", "代表作用",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SHORTCUT_FRAGMENTS), min_size=1, max_size=16),
       st.sampled_from([None, TONGAN, JIMEI, XIAMEN, XIANGSHAN, ZHENGZHOU, QINGSHAN, YIWU]), st.booleans())
def test_shortcuts_find_what_the_plain_finder_finds(parts, jur, in_title):
    text = "".join(parts)
    fast = MentionFinder.from_lexicon()
    plain = MentionFinder.from_lexicon(shortcuts=False)
    assert fast.find(text, jur, in_title=in_title) == plain.find(text, jur, in_title=in_title)


def test_shortcuts_find_what_the_plain_finder_finds_in_the_bundled_reports(corpus):
    fast = MentionFinder.from_lexicon()
    plain = MentionFinder.from_lexicon(shortcuts=False)
    assert plain is MentionFinder.from_lexicon(shortcuts=False) and plain is not fast  # compiled once per option
    units = corpus.units.set_index("unit_id")
    jurisdictions = {
        unit_id: Jurisdiction(u["jurisdiction"], u["jurisdiction_level"], u["province"], u["city"], u["district"],
                              u["jurisdiction_source"])
        for unit_id, u in units.iterrows()}
    n = 0
    for unit_id, text in zip(corpus.sentences["unit_id"], corpus.sentences["text"]):
        got = fast.find(text, jurisdictions[unit_id])
        assert got == plain.find(text, jurisdictions[unit_id]), text
        n += len(got)
    assert n > 300
    for text in corpus.documents["text"]:  # whole reports: long texts, many heads per text
        assert fast.find(text, XIAMEN) == plain.find(text, XIAMEN)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("各区县市镇街道乡(（)）、驻级全省同安集美")), max_size=10))
def test_end_words_find_what_their_regex_finds(window):
    rules = MentionFinder.from_lexicon().rules
    for words in (rules.each_words, rules.level_words, rules.multi_words, ["同安", "集美", "镇(街)"], ["", "区"]):
        m = re.search(f"(?:{fastpath.alternation(words)})\\Z", window)
        assert fastpath.EndWords(words).start(window) == (m.start() if m else None)
        assert fastpath.EndRegex(words).start(window) == (m.start() if m else None)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("党群众企业人民团了着过性")), max_size=8), st.integers(0, 8))
def test_word_sets_test_what_slices_test(text, pos):
    pos = min(pos, len(text))
    ws = fastpath.WordSet(["党", "群众", "企业家", "人民", "了"])
    assert ws.ends_at(text, pos) == any(pos >= k and text[pos - k:pos] in ws.words for k in (1, 2, 3))
    assert ws.starts_at(text, pos) == any(text[pos:pos + k] in ws.words for k in (1, 2, 3))


def _plain_name_before(r, text, q, word, known, loose=False):
    """``_Rules.name_before`` written plainly (every length tried, no shortcut)."""
    for length in range(min(8, q), 0, -1):
        if text[q - length:q] + word in known:
            return q - length
    for length in range(min(4, q), 1, -1):
        name = text[q - length:q]
        if r._bad_name(name, True) or name + word in r.not_names:
            continue
        b = q - length
        if r.inside_stop(text, b):
            continue
        if r.is_stop_before(text, b) or any(text[b - k:b] in known for k in range(3, min(8, b) + 1)):
            return b
    if loose and q >= 2:
        name = text[q - 2:q]
        if not r._bad_name(name, True) and name + word not in r.not_names and mentions._CJK_RE.match(name[0]) \
                and not r.inside_stop(text, q - 2):
            return q - 2
    return -1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("同安区厦门市福建省督促在的全辖小,、 a1任圩街道镇")), max_size=12),
       st.integers(0, 12), st.sampled_from(["区", "市", "街道", ""]), st.booleans())
def test_name_before_and_crossing_match_their_plain_definitions(text, q, word, loose):
    r = MentionFinder.from_lexicon().rules
    q = min(q, len(text))
    known = frozenset({"同安区", "厦门市", "福建省", "区"})
    assert r.name_before(text, q, word, known, loose) == _plain_name_before(r, text, q, word, known, loose)
    plain = next((q + j for k in (1, 2, 3) for j in (1, 2, 3)
                  if q - k >= 0 and q + j <= len(text) and text[q - k:q + j] in r.level_blockers), 0)
    assert r.crossing(text, q, len(text)) == plain


# ------------------------------------------------ families of phrasing (issue 15; sentences written here)


def test_station_heads_of_other_provinces():
    assert found("在社区人大代表联络室接待群众", JINNIU) == [("station", "社区人大代表联络室", "社区人大代表联络室")]
    assert [(t, s) for t, s, _ in found("镇代表接待站、县人大代表活动中心、代表履职示范站、河畔议事亭", WANGJIANG)] == [
        ("station", "镇代表接待站"), ("station", "县人大代表活动中心"), ("station", "代表履职示范站"),
        ("station", "河畔议事亭"),
    ]


def test_local_brands_before_a_brand_head():
    assert surfaces("打造“百姓议事厅”和江岸红色驿站、邻里茶馆、老街说事点", WANGJIANG, "station") == [
        "百姓议事厅", "江岸红色驿站", "邻里茶馆", "老街说事点"]
    assert surfaces("依托“百姓议事厅”收集意见", WANGJIANG, "station") == ["百姓议事厅"]


def test_a_bare_head_refers_back_to_a_named_station():
    assert found("建立代表工作站,对该工作站进行考核", WANGJIANG) == [
        ("station", "代表工作站", "代表工作站"), ("station", "工作站", "代表工作站")]
    # a summing-up noun after 等 is no reference back
    assert surfaces("推进人大代表联络站、网上联络站等平台应用", WANGJIANG, "station") == ["人大代表联络站", "网上联络站"]


def test_legislative_contact_points_are_stations():
    ms = found("全县建成基层立法联系点3个,设立立法信息采集点,配合省人大常委会立法联系点工作", WANGJIANG)
    assert ms == [
        ("station", "基层立法联系点", "基层立法联系点"),
        ("station", "立法信息采集点", "立法信息采集点"),
        ("congress", "省人大常委会", "安徽省人大常委会"),
        ("station", "立法联系点", "立法联系点"),
    ]


def test_information_collection_stations_of_a_legislative_contact_point_are_counted_stations():
    text = "该镇去年挂牌基层立法联系点,随后组建一批信息采集站。今年新增8个信息采集站,覆盖律所和商会。"
    assert [(t, s) for t, s, _ in found(text, WANGJIANG) if t == "station"] == [
        ("station", "基层立法联系点"), ("station", "信息采集站"), ("station", "信息采集站")]
    # no station named before, or a name before the head: an information site of another service
    assert surfaces("全县建成12个信息采集站,监测空气质量。", WANGJIANG, "station") == []
    assert surfaces("设立基层立法联系点。水文信息采集站也已完工。", WANGJIANG, "station") == ["基层立法联系点"]


def test_a_room_after_a_station_and_a_conjunction_is_a_station_of_its_own():
    assert found("“镇上有了代表联络室和活动室,大家有事就来商量。”", WANGJIANG) == [
        ("station", "代表联络室", "代表联络室"), ("station", "活动室", "活动室")]
    # a deputy's own station keeps the deputy and the name in its span
    assert surfaces("省人大代表陈立新定点联络站每周开放。", WANGJIANG, "station") == ["省人大代表陈立新定点联络站"]


def test_a_quoted_role_of_a_station_named_as_subject_is_a_metaphor():
    text = "一是聚焦中心工作,社区代表联络站建成助推发展的“加油站”。二是代表联络站打造倾听民意的“回音站”。"
    assert surfaces(text, WANGJIANG, "station") == ["社区代表联络站", "代表联络站"]
    # a quoted name set up by a verb with no station as its subject is a brand, and so is one a
    # station creates as its own brand
    assert surfaces("街道打造了“邻里回音站”,代表每周接待群众。", WANGJIANG, "station") == ["邻里回音站"]
    assert surfaces("东岭村联络站创建“暖心坊”品牌。", WANGJIANG, "station") == ["东岭村联络站", "暖心坊"]


def test_a_quoted_programme_counting_kinds_of_platform_is_no_station():
    assert surfaces("州人大常委会推动“两室一平台”建设,收集意见建议300余件。", WANGJIANG, "station") == []


def test_a_deliberation_workshop_brand_in_a_list_of_quoted_channels():
    text = "从“田间说事点”“古井议事坊”等载体汇集的民意,由代表带到会上。"
    assert surfaces(text, WANGJIANG, "station") == ["田间说事点", "古井议事坊"]


@pytest.mark.parametrize("text", [
    "架起干群沟通的“连心桥”",  # a metaphor
    "改造老年活动中心,开设名师工作室",  # places that are no deputy platforms
    "小区设立快递驿站",
])
def test_station_traps(text):
    assert [m for m in find_mentions(text, WANGJIANG) if m["type"] == "station"] == []


def test_abbreviated_organs():
    ms = find_mentions("督促市住建、区交委、县教委和乡府抓好落实", WANGJIANG)
    assert [(m["surface"], m["canonical"], m["branch"]) for m in ms] == [
        ("市住建", "安庆市住房和城乡建设局", "department"),
        ("区交委", "望江县交通委员会", "department"),
        ("县教委", "望江县教育委员会", "department"),
        ("乡府", "乡人民政府", "government"),
    ]
    assert found("青山镇府", QINGSHAN) == [("agency", "青山镇府", "青山镇人民政府")]


def test_party_commissions_and_departments():
    ms = find_mentions("县委政法委、县委组织部和县委宣传部负责同志列席", WANGJIANG)
    assert [(m["surface"], m["branch"]) for m in ms] == [
        ("县委政法委", "party"), ("县委组织部", "party"), ("县委宣传部", "party")]
    assert found("政法委牵头", WANGJIANG) == [("agency", "政法委", "政法委")]


def test_generic_agencies_keep_their_wording():
    assert found("有关部门、县直部门和承办单位", WANGJIANG) == [
        ("agency", "有关部门", "有关部门"), ("agency", "县直部门", "县直部门"), ("agency", "承办单位", "承办单位")]


@pytest.mark.parametrize("text", [
    "组织部分委员开展宣传部署",  # 组织部 + 分, 宣传部 + 署
    "市文旅集团参与,纳入政府采购,进入高等学府",
])
def test_agency_traps(text):
    assert [m for m in find_mentions(text, WANGJIANG) if m["type"] == "agency"] == []


def test_working_units_of_a_standing_committee_stay_one_span():
    assert found("市人大常委会选任联工委到县里调研", WANGJIANG) == [
        ("congress", "市人大常委会选任联工委", "安庆市人大常委会选任联工委")]
    assert surfaces("县人大常委会法制工作委员会牵头", WANGJIANG) == ["县人大常委会法制工作委员会"]
    # no unit: a verb or a conjunction before the ending
    assert surfaces("县人大常委会领导和委员会成员", WANGJIANG) == ["县人大常委会"]
    assert found("意见寄至市人大法制委员会", WANGJIANG) == [("congress", "市人大法制委员会", "安庆市人大法制委员会")]
    assert surfaces("全国人大常委会法工委设立基层立法联系点", WANGJIANG) == ["全国人大常委会法工委", "基层立法联系点"]


def test_units_covering_two_fields_and_a_units_office_stay_one_span():
    # a unit named for two fields joined by 和 (not a conjunction between two bodies)
    assert found("县人大常委会财政经济和预算工委持续跟踪办理进度", WANGJIANG) == [
        ("congress", "县人大常委会财政经济和预算工委", "望江县人大常委会财政经济和预算工委")]
    assert surfaces("市人大华侨和民族委员会组成人员到会", WANGJIANG, "congress") == ["市人大华侨和民族委员会"]
    # the office of a unit, written right after it
    assert found("承办人向市人大常委会代表工委办公室提交答复", WANGJIANG) == [
        ("congress", "市人大常委会代表工委办公室", "安庆市人大常委会代表工委办公室")]
    # traps: 和 joining two bodies, or at the edge of the name
    assert surfaces("县人大常委会和县政府办公室联合发文", WANGJIANG, "congress") == ["县人大常委会"]
    assert surfaces("市人大常委会和代表工委共同组织", WANGJIANG, "congress")[0] == "市人大常委会"
    assert surfaces("县人大常委会办公室主任到会", WANGJIANG) == ["县人大常委会办公室"]


def test_township_working_committee_after_the_congress_word():
    assert found("县人大城关街道工委组织视察", WANGJIANG) == [("congress", "县人大城关街道工委", "城关街道人大工委")]
    assert found("青山镇人大主席团召开会议", QINGSHAN) == [("congress", "青山镇人大主席团", "青山镇人大主席团")]


def test_the_system_is_no_congress_and_abstract_nouns_keep_the_congress():
    assert found("推进人大制度与时俱进,坚持和完善人民代表大会制度", WANGJIANG) == []
    assert surfaces("加强基层人大建设,发挥人大监督作用", WANGJIANG, "congress") == ["人大", "人大"]


def test_bare_assembly_means_the_session():
    assert found("将报告提请大会审议,经大会表决通过", WANGJIANG) == [
        ("congress", "大会", "望江县人大"), ("congress", "大会", "望江县人大")]
    assert found("召开动员大会和表彰大会", WANGJIANG) == []


def test_people_deputies_and_modifiers():
    assert found("人民代表为人民,人民代表报刊发了文章", WANGJIANG) == [
        ("deputy", "人民代表", "人大代表"), ("deputy", "人民代表", "人大代表")]
    assert surfaces("做好代表建议办理,提升代表履职能力,学习代表法", WANGJIANG, "deputy") == ["代表", "代表", "代表"]


def test_head_counts_with_level_qualifiers():
    assert found("组织12名省市县三级代表和20名区、镇两级人大代表视察", WANGJIANG) == [
        ("deputy", "省市县三级代表", "各级人大代表"), ("deputy", "区、镇两级人大代表", "各级人大代表")]


def test_named_deputy_lists():
    assert found("人大代表张明、李红、王刚深入企业", WANGJIANG) == [
        ("deputy", "人大代表张明", "张明"), ("deputy", "李红", "李红"), ("deputy", "王刚", "王刚")]


def test_delegations_are_deputy_groups():
    assert found("县代表团分组审议报告", WANGJIANG) == [("deputy", "县代表团", "望江县代表团")]
    assert found("代表团分组审议", WANGJIANG) == [("deputy", "代表团", "代表团")]


def test_a_delegation_named_after_the_congress_of_a_term_is_one_deputy_span():
    # <place><term>人大 + the delegation's name + 代表团: one deputy span, no congress of its own
    assert found("县人大常委会组织县十二届人大雷池代表团代表开展集中视察。", WANGJIANG) == [
        ("congress", "县人大常委会", "望江县人大常委会"), ("deputy", "县十二届人大雷池代表团", "望江县人大雷池代表团"),
        ("deputy", "代表", "人大代表")]
    # the members of a delegation (代表团代表) are deputies, unlike the Youth League's 团代表
    assert ("deputy", "代表", "人大代表") in found("县代表团代表分组讨论了议案。", WANGJIANG)
    assert found("共青团代表参加了座谈。", WANGJIANG) == []
    # traps: a session (一次会议), an organ (常委会) or nothing between 人大 and 代表团
    assert ("congress", "县十二届人大", "望江县人大") in found("县十二届人大一次会议华阳代表团提交建议8件。", WANGJIANG)
    assert ("congress", "县十二届人大常委会", "望江县人大常委会") in found("县十二届人大常委会代表团赴外地学习。", WANGJIANG)


def test_nothing_inside_a_cited_title():
    assert found("印发《县人大常委会关于加强代表联络站建设的意见》和《关于县政府工作的报告》", WANGJIANG) == []
    assert found("县人大常委会出台《关于加强代表联络站建设的意见》", WANGJIANG) == [
        ("congress", "县人大常委会", "望江县人大常委会")]


# --------------------------------------------------------------------------- issue 15, round 2
# Written for these tests: handling units under other names, collective plurals and
# bare sector bureaus (agencies); windows, fronts and collective platform names
# (stations); other kinds of representatives (not deputies).


@pytest.mark.parametrize("word", ["主办单位", "会办单位", "协办单位", "配合单位", "牵头单位", "责任单位", "牵头部门",
                                  "会办部门", "责任部门"])
def test_handling_units_under_any_name_are_generic_agencies(word):
    text = f"这件代表建议由{word}负责落实。"
    assert ("agency", word, word) in found(text, WANGJIANG)


def test_handling_verbs_are_no_agencies():
    text = "该局今年主办建议12件,会办5件,协办3件。"
    assert surfaces(text, WANGJIANG, "agency") == []


@pytest.mark.parametrize("word,canonical", [("有关机关", "有关机关"), ("其他部门", "其他部门"),
                                            ("相关管理部门", "相关管理部门"), ("政府各部门", "政府部门")])
def test_collective_plurals_are_generic_agencies(word, canonical):
    text = f"常委会要求{word}加强协作,形成合力。"
    got = [m for m in found(text, WANGJIANG) if m[0] == "agency"]
    assert got == [("agency", word, canonical)]


@pytest.mark.parametrize("word", ["部门单位", "承办部门单位", "办理单位", "市级部门", "县级部门", "省级部门"])
def test_department_units_and_departments_of_a_level_are_generic_agencies(word):
    # written for these tests: the departments of one level and the units that handle a proposal
    text = f"今年的代表建议分别交{word}研究办理。"
    got = [m for m in found(text, WANGJIANG) if m[0] == "agency"]
    assert got == [("agency", word, word)]


@pytest.mark.parametrize("text", ["政协第九届望江县委员会第三次会议今天开幕。", "县政协十届二次会议期间,政协望江县委员会召开常委会。",
                                  "中国人民政治协商会议安庆市委员会主席出席。"])
def test_the_committee_of_the_consultative_conference_is_no_party_committee(text):
    assert [m for m in found(text, WANGJIANG) if m[0] == "agency" and m[2].startswith("中共")] == []


def test_a_party_committee_beside_the_consultative_conference_stays():
    text = "县委、县政府和县政协主要领导出席,中共望江县委员会书记讲话。"
    party = [m for m in found(text, WANGJIANG) if m[0] == "agency" and m[2].startswith("中共")]
    assert [m[1] for m in party][:1] == ["县委"] and len(party) == 2


def test_bare_sector_bureaus_are_the_units_own_departments():
    text = "代表们先后走访自然资源局、交通局和医保局,并与卫健委座谈。"
    assert [m for m in found(text, WANGJIANG) if m[0] == "agency"] == [
        ("agency", "自然资源局", "望江县自然资源局"),
        ("agency", "交通局", "望江县交通运输局"),
        ("agency", "医保局", "望江县医疗保障局"),
        ("agency", "卫健委", "望江县卫生健康委员会"),
    ]


def test_short_names_of_bureaus_before_the_reform_and_the_armed_forces_department():
    text = "代表们先后走访了人武部、卫计局、国土局和安监局,县交运局也派员参加。"
    assert [m for m in found(text, WANGJIANG) if m[0] == "agency"] == [
        ("agency", "人武部", "望江县人民武装部"),
        ("agency", "卫计局", "望江县卫生和计划生育局"),
        ("agency", "国土局", "望江县国土资源局"),
        ("agency", "安监局", "望江县安全生产监督管理局"),
        ("agency", "县交运局", "望江县交通运输局"),
    ]
    # traps: a word holding the short name is no bureau
    assert [m for m in found("各地要守好国土安全底线,做好移民安置工作", WANGJIANG) if m[0] == "agency"] == []


def test_a_bare_office_in_a_streets_report_is_the_streets_own_office():
    street = Jurisdiction("东湖街道", "township", "浙江省", "宁波市", "鄞州区", "metadata", "东湖街道")
    town = Jurisdiction("青山镇", "township", "浙江省", "杭州市", "临安区", "metadata", "青山镇")
    text = "工委围绕党工委、办事处的中心工作,督促街道办事处落实代表建议。"
    assert [m[1:] for m in found(text, street) if m[0] == "agency" and "办事处" in m[1]] == [
        ("办事处", "东湖街道办事处"), ("街道办事处", "东湖街道办事处")]
    # the street named in front is written once in the canonical name
    assert [m[1:] for m in found("交东湖街道办事处协调解决", street) if m[0] == "agency"] == [
        ("东湖街道办事处", "东湖街道办事处")]
    # traps: a town's report or a district's keeps the bare wording
    assert [m[2] for m in found(text, town) if m[0] == "agency" and "办事处" in m[1]] == ["街道办事处", "街道办事处"]
    assert [m[2] for m in found(text, WANGJIANG) if m[0] == "agency" and "办事处" in m[1]] == ["街道办事处", "街道办事处"]


def test_a_governments_office_named_short():
    assert [m for m in found("该件由县政府办牵头,会同住建部门办理", WANGJIANG) if m[0] == "agency"][:1] == [
        ("agency", "县政府办", "望江县人民政府办公室")]
    assert found("县政府办、县财政局负责同志参加", WANGJIANG)[0] == ("agency", "县政府办", "望江县人民政府办公室")
    # traps: the verb 办 after a government
    for text in ("建议交由县政府办理", "群众点、代表定、政府办、人大评", "县政府办结率达到百分之百", "市政府办实事"):
        assert not any(m[1].endswith("办") for m in found(text, WANGJIANG) if m[0] == "agency"), text


def test_zone_names_holding_an_organ_word_are_no_organ():
    # 中央 in the name of a district of a city (central legal-services zone), 工委 of a development zone
    assert [m for m in found("市人大常委会在天府中央法务区设立联系点", WANGJIANG) if m[0] == "agency"] == []
    assert [m for m in found("高新区工委书记出席会议", WANGJIANG) if m[0] == "congress"] == []
    # still organs: the Party centre, a street's working committee
    assert ("agency", "党中央", "党中央") in found("认真贯彻党中央决策部署", WANGJIANG)
    assert found("城关街道工委组织代表视察", WANGJIANG)[0][:2] == ("congress", "城关街道工委")


def test_public_security_sub_units_are_agencies():
    text = "公安分局和辖区派出所派员参加了代表接待日。"
    got = [(t, s) for t, s, _ in found(text, WANGJIANG) if t == "agency"]
    assert got == [("agency", "公安分局"), ("agency", "派出所")]


def test_firms_and_national_bureaus_are_not_taken_as_local_departments():
    assert surfaces("供电公司和自来水公司派人抢修。", WANGJIANG, "agency") == []
    assert surfaces("大数据中心提供了技术支持。", WANGJIANG, "agency") == []


@pytest.mark.parametrize("word", ["代表活动阵地", "代表履职阵地", "代表履职平台", "履职平台", "代表接访窗口", "代表交流平台",
                                  "家室站点", "家站点"])
def test_platforms_fronts_and_collective_names_are_stations(word):
    text = f"依托{word}收集群众意见建议。"
    assert ("station", word) in [(t, s) for t, s, _ in found(text, WANGJIANG)]


@pytest.mark.parametrize("text", ["架起党群连心桥,当好群众贴心人。", "这次培训是代表履职的加油站和充电站。",
                                  "党群服务中心和便民服务中心延长了服务时间。", "设立群众服务窗口和信访接访窗口。",
                                  "加强宣传阵地建设。"])
def test_metaphors_and_other_service_places_are_no_stations(text):
    assert surfaces(text, WANGJIANG, "station") == []


def test_village_and_street_level_words_before_a_station():
    text = "建成一个街镇级代表之家和若干村居代表联络点。"
    assert [(t, s) for t, s, _ in found(text, WANGJIANG) if t == "station"] == [
        ("station", "街镇级代表之家"), ("station", "村居代表联络点")]


@pytest.mark.parametrize("word", ["居民议事代表", "群众代表", "职工代表", "党代表", "学生代表", "员工代表", "部门代表",
                                  "老党员代表", "干部代表"])
def test_other_kinds_of_representatives_are_no_deputies(word):
    text = f"会上,{word}作了发言。"
    assert surfaces(text, WANGJIANG, "deputy") == []


@pytest.mark.parametrize("text", ["政协委员提交了提案。", "这次选举很有代表性。", "校代表队获得第一名。",
                                  "他的代表作品广受好评。", "这一做法代表了群众的心声。"])
def test_non_deputy_uses_of_the_word(text):
    assert surfaces(text, WANGJIANG, "deputy") == []


def test_deputies_who_learn_are_no_verb():
    # written for this test: 代表了解 (deputies learn of) is no 代表 + 了 (represented)
    assert surfaces("站点让代表了解村民的急难愁盼。", WANGJIANG, "deputy") == ["代表"]
    assert surfaces("这一举措代表了村民的心愿。", WANGJIANG, "deputy") == []


def test_the_credentials_committee_is_a_congress_body():
    # written for this test: alone it is the unit's; right after a standing committee one span
    got = found("代表资格审查委员会确认,当选的180名代表资格有效。", WANGJIANG)
    assert got[0] == ("congress", "代表资格审查委员会", "望江县人大常委会代表资格审查委员会")
    assert ("deputy", "代表", "人大代表") in got
    assert found("县人大常委会代表资格审查委员会提出报告。", WANGJIANG) == [
        ("congress", "县人大常委会代表资格审查委员会", "望江县人大常委会代表资格审查委员会")]


def test_a_typical_example_is_no_deputy():
    # written for these tests: 典型代表 names an example, not the deputies
    assert surfaces("这个社区是基层治理的典型代表,已有5名人大代表进驻。", WANGJIANG, "deputy") == ["人大代表"]


def test_deputies_beside_other_representatives():
    text = "邀请人大代表、政协委员和群众代表参加,充分发挥代表作用。"
    assert surfaces(text, WANGJIANG, "deputy") == ["人大代表", "代表"]


def test_quoted_station_joins_its_deputy_qualifier_and_head():
    # a deputy word before a quoted station and a head after it make one station span
    assert found("全县建成人大代表“连心驿站”示范点8个,推动代表“家室站”提质增效。", WANGJIANG) == [
        ("station", "人大代表“连心驿站”示范点", "代表连心驿站示范点"),
        ("station", "代表“家室站”", "代表家室站")]
    # a level word before the qualifier is the rank of a title and stays out
    assert surfaces("争创市级人大代表“家站点”示范点。", WANGJIANG) == ["人大代表“家站点”示范点"]
    # quoted one-character pieces together name the platforms
    assert found("各“家”“室”“站”定期开放,代表“家”“站”活动丰富。", WANGJIANG) == [
        ("station", "“家”“室”“站”", "家室站"), ("station", "代表“家”“站”", "代表家站")]


@pytest.mark.parametrize("text", ["他在信中写下“家”“国”两个字。", "做到“站”得稳、“点”得准。", "打造“社区书房”品牌。"])
def test_quoted_pieces_traps(text):
    assert surfaces(text, WANGJIANG, "station") == []


def test_station_chains_with_centres_groups_lists_of_levels_and_parenthesised_heads():
    text = "全县建成12个人大代表中心联络站、40个代表小组活动室和3个代表履职活动中心。"
    assert surfaces(text, WANGJIANG) == ["人大代表中心联络站", "代表小组活动室", "代表履职活动中心"]
    # a list of levels before the chain stays in the span; the deputy word is inside
    assert found("实现省、市、县代表活动阵地全覆盖。", WANGJIANG) == [
        ("station", "省、市、县代表活动阵地", "省、市、县代表活动阵地")]
    # a station head in parentheses is an alternative name of the same station
    assert found("用好乡镇人大代表之家(联络站)阵地。", WANGJIANG)[0][1:] == ("乡镇人大代表之家(联络站)", "乡镇人大代表之家")


@pytest.mark.parametrize("text", ["青少年活动中心开放了。", "老年活动中心和文化活动中心建成。", "区代表小组开展活动。"])
def test_activity_centres_without_deputies_are_no_stations(text):
    assert surfaces(text, WANGJIANG, "station") == []


def test_quoted_courses_are_no_stations_but_their_deputies_are_deputies():
    text = "县人大常委会推出“代表讲堂”“履职课堂”,还将开设“代表微课堂”。"
    assert [(t, s) for t, s, _ in found(text, WANGJIANG)] == [
        ("congress", "县人大常委会"), ("deputy", "代表"), ("deputy", "代表")]
    # an enumeration closed by a station head is still a list of platforms
    assert surfaces("建成法治大讲堂、代表接待室等履职平台。", WANGJIANG, "station") == ["法治大讲堂", "代表接待室", "履职平台"]


def test_an_office_of_a_standing_committee_named_like_a_station_is_one_congress_body():
    assert found("州人大常委会人事代表联络工作室负责交办。", WANGJIANG) == [
        ("congress", "州人大常委会人事代表联络工作室", "安庆市人大常委会人事代表联络工作室")]
    # a deputy word opening the name makes it a station
    assert [t for t, _, _ in found("走进社区人大代表工作室。", WANGJIANG)] == ["station"]


@pytest.mark.parametrize("text", ["会上,李某某代表县人大常委会作了发言。", "县长代表县政府致辞。", "以上内容不代表本站立场。"])
def test_represent_as_a_verb_is_no_deputy(text):
    assert surfaces(text, WANGJIANG, "deputy") == []


def test_deputies_before_organs_and_in_their_ranks_stay():
    assert surfaces("组织代表视察县人民法院,向代表通报县政府工作。", WANGJIANG) == ["代表", "县人民法院", "代表", "县政府"]
    assert surfaces("持续建强代表队伍。", WANGJIANG, "deputy") == ["代表"]
    assert surfaces("县代表队获得团体第一名。", WANGJIANG, "deputy") == []


def test_a_township_committee_named_after_the_congress_word():
    assert found("人大南湖街道工委组织代表视察。", WANGJIANG)[0] == ("congress", "人大南湖街道工委", "南湖街道人大工委")


@pytest.mark.parametrize("text", ["将大会期间收到的建议交有关部门办理。", "两件议案被列为大会议案。",
                                  "上午九时,县人大常委会主任宣布大会开幕。"])
def test_the_session_after_将_列为_and_a_meeting(text):
    assert ("congress", "大会") in [(t, s) for t, s, _ in found(text, WANGJIANG)]


@pytest.mark.parametrize("text", ["召开职工大会期间", "将召开表彰大会。", "主持人宣布表彰大会开始。"])
def test_other_assemblies_stay_out(text):
    assert surfaces(text, WANGJIANG, "congress") == []


def test_offices_of_the_political_consultative_conference_are_no_agencies():
    assert found("省政协办公厅和省政府办公厅联合发文。", WANGJIANG) == [("agency", "省政府办公厅", "安徽省政府办公厅")]


# --- a station named by its host: a congress, a street office, a deputy ----------------------

def test_a_contact_point_named_by_its_congress_and_field_is_one_station():
    assert found("建成了东山县人大民族立法基层联系点暨实践基地。", WANGJIANG) == [
        ("station", "东山县人大民族立法基层联系点", "东山县人大民族立法基层联系点")]
    assert surfaces("推进代表联络站与预算工作基层联系点融合发展。", WANGJIANG, "station") == [
        "代表联络站", "预算工作基层联系点"]


def test_a_station_hosted_by_a_street_office_is_one_station():
    assert found("在桃园街道办事处人大代表联系选民工作室举行授牌仪式。", WANGJIANG) == [
        ("station", "桃园街道办事处人大代表联系选民工作室", "桃园街道办事处人大代表联系选民工作室")]


def test_a_deputys_own_station_holds_the_deputy_and_the_name():
    assert found("来到岭南村全国人大代表王海林定点联络站、村史馆。", WANGJIANG) == [
        ("station", "全国人大代表王海林定点联络站", "全国人大代表王海林定点联络站")]
    assert surfaces("设立乡镇人大代表定点联络站。", WANGJIANG, "station") == ["乡镇人大代表定点联络站"]


@pytest.mark.parametrize("text", ["人大代表张三来到联络站接待群众。", "人大代表们在联络站接待群众。",
                                  "县人大代表在代表联络站接待群众。"])
def test_a_deputy_who_visits_a_station_stays_a_deputy(text):
    assert [t for t, _, _ in found(text, WANGJIANG)][:1] == ["deputy"]


# --- a township's working committee after the body that set it up ---------------------------

@pytest.mark.parametrize("text, surface, canonical", [
    ("东湖区人大常委会王家湾街工委举办代表接待选民活动。", "东湖区人大常委会王家湾街工委", "王家湾街人大工委"),
    ("人大三里街道工委组织代表接待群众。", "人大三里街道工委", "三里街道人大工委"),
])
def test_a_township_committee_with_its_name_after_the_congress_is_one_body(text, surface, canonical):
    assert found(text, WANGJIANG)[0] == ("congress", surface, canonical)


@pytest.mark.parametrize("text", ["县人大常委会到选工委调研。", "县人大常委会组织召开工委会议。"])
def test_a_verb_between_the_congress_and_a_committee_keeps_them_apart(text):
    assert surfaces(text, WANGJIANG, "congress") == ["县人大常委会", "工委"]


@pytest.mark.parametrize("text", ["对全县政府投融资平台债务情况开展调研。", "听取政府专项债使用情况报告。",
                                  "规范政府引导基金管理。"])
def test_the_governments_finances_are_no_agency(text):
    assert surfaces(text, WANGJIANG, "agency") == []


def test_a_government_that_acts_on_its_finances_stays():
    assert surfaces("督促县政府加强债务管理。", WANGJIANG, "agency") == ["县政府"]


# --- a platform named after a congress body or a deputy group is that body's mechanism ------

@pytest.mark.parametrize("text, expected", [
    ("县里搭建镇人大主席团工作平台，规定每季度议事一次。", [("congress", "镇人大主席团")]),
    ("搭建专业代表小组活动平台，明确小组活动次数。", [("deputy", "专业代表小组"), ("deputy", "小组")]),
    ("用好常委会议事平台，推动问题解决。", [("congress", "常委会")]),
])
def test_a_platform_named_after_a_body_is_no_station(text, expected):
    assert [(m["type"], m["surface"]) for m in find_mentions(text, WANGJIANG)] == expected


@pytest.mark.parametrize("text, surface", [
    # traps: a platform of the deputies themselves stays a station
    ("各乡镇打造代表活动平台，方便群众反映问题。", "代表活动平台"),
    ("用好人大代表履职平台收集意见。", "人大代表履职平台"),
    ("县里组织代表到代表小组活动室接待选民。", "代表小组活动室"),
])
def test_a_platform_of_the_deputies_stays_a_station(text, surface):
    assert surfaces(text, WANGJIANG, "station") == [surface]


# --- a room owned by a congress organ is the organ's office, a congress body ---------------

def test_the_standing_committees_liaison_office_is_a_congress_body():
    text = "代表联络室全体干部列席会议。县人大常委会代表联络室主任介绍了代表联络室年度工作。"
    assert [(m["type"], m["surface"], m["canonical"]) for m in find_mentions(text, WANGJIANG)
            if m["type"] != "deputy"] == [
        ("congress", "代表联络室", "望江县人大常委会代表联络室"),
        ("congress", "县人大常委会代表联络室", "望江县人大常委会代表联络室"),
        ("congress", "代表联络室", "望江县人大常委会代表联络室")]


def test_the_congress_working_room_of_a_street_is_a_congress_body():
    assert [m["type"] for m in find_mentions("各街道人大工作室负责人参加培训。", WANGJIANG)] == ["congress"]


@pytest.mark.parametrize("text, surface", [
    # traps: a deputy word before the room keeps the station, and without the office in
    # the text a bare 代表联络室 is a station too
    ("县人大代表在人大代表工作室接待群众。", "人大代表工作室"),
    ("社区代表联络室每周开放一次。", "社区代表联络室"),
    ("群众可到代表联络室反映问题。", "代表联络室"),
])
def test_a_deputies_room_stays_a_station(text, surface):
    assert surfaces(text, WANGJIANG, "station") == [surface]


# --- the congress's own departments; the departments under a government ------------------

def test_the_departments_of_a_standing_committee_are_a_congress_body():
    assert found("建议中有3件由县人大常委会相关部门承办。", WANGJIANG)[0] == \
        ("congress", "县人大常委会相关部门", "望江县人大常委会相关部门")


@pytest.mark.parametrize("text, expected", [
    # traps: a word between the congress and the departments keeps them apart
    ("县人大常委会督促有关部门抓好整改。", [("congress", "县人大常委会"), ("agency", "有关部门")]),
    ("县人大常委会对相关部门开展专题询问。", [("congress", "县人大常委会"), ("agency", "相关部门")]),
    ("县政府及其所属部门承办建议40件。", [("agency", "县政府"), ("agency", "所属部门")]),
])
def test_departments_not_owned_by_the_congress_stay_agencies(text, expected):
    assert [(m["type"], m["surface"]) for m in find_mentions(text, WANGJIANG)] == expected


def test_the_supervisory_commission_abbreviated_in_a_list():
    assert found("县政府、监察委、法院共同参与。", WANGJIANG)[1] == ("agency", "监察委", "望江县监察委员会")


# ------------------------------------------------------------- round 6: stations and agencies


def test_a_bare_head_refers_back_to_a_station_named_in_an_earlier_sentence():
    finder = MentionFinder.from_lexicon()
    earlier: dict = {}
    first = finder.find("东湖村人大代表联络点去年挂牌。", WANGJIANG, earlier=earlier)
    finder.remember(first, earlier)
    assert [m["surface"] for m in first if m["type"] == "station"] == ["东湖村人大代表联络点"]
    canonical = first[-1]["canonical"]
    for text in ("联络点每周开放一次。", "群众有事就找联络点。", "真正让联络点成为民情窗口。"):
        ms = [(m["surface"], m["canonical"]) for m in finder.find(text, WANGJIANG, earlier=earlier)
              if m["type"] == "station"]
        assert ms == [("联络点", canonical)]
    # another kind of station, none of its head named before: the latest station named
    assert [(m["surface"], m["canonical"]) for m in finder.find("工作站每周开放一次。", WANGJIANG, earlier=earlier)] \
        == [("工作站", canonical)]
    # traps: a name before the head; an everyday noun of another kind
    assert finder.find("为民服务站每周开放一次。", WANGJIANG, earlier=earlier) == []
    assert [m for m in finder.find("参观名师联络点。", WANGJIANG, earlier=earlier) if m["type"] == "station"] == []
    assert finder.find("联络点每周开放一次。", WANGJIANG) == []  # nothing remembered
    # the plain rules answer the same
    plain = MentionFinder.from_lexicon(shortcuts=False)
    assert plain.find("联络点每周开放一次。", WANGJIANG, earlier=earlier) == \
        finder.find("联络点每周开放一次。", WANGJIANG, earlier=earlier)


def test_a_bare_head_of_another_kind_after_a_named_station_is_a_station():
    # a room or station of a kind not named before, standing alone after a station is named
    assert surfaces("石桥镇设立人大代表联络站。代表们每月到工作室接待群众。", WANGJIANG, "station") == \
        ["人大代表联络站", "工作室"]
    assert surfaces("长岭社区人大代表之家挂牌后,“调解室”化解纠纷30余起。", WANGJIANG, "station") == \
        ["长岭社区人大代表之家", "调解室"]
    finder = MentionFinder.from_lexicon()
    earlier: dict = {}
    finder.remember(finder.find("城东街道代表联络站去年建成。", WANGJIANG, earlier=earlier), earlier)
    ms = finder.find("在工作室的公告栏上公示值班代表名单。", WANGJIANG, earlier=earlier)
    assert [(m["surface"], m["canonical"]) for m in ms if m["type"] == "station"] == [("工作室", "城东街道代表联络站")]
    ms = find_mentions("长岭社区人大代表之家挂牌后,“调解室”化解纠纷30余起。", WANGJIANG)
    assert ms[-1]["surface"] == "调解室" and ms[-1]["canonical"] == ms[0]["canonical"]
    # traps: no station named before; an everyday noun (学习之家, 为民服务站); a quoted role after 的
    assert surfaces("代表们每月到工作室接待群众。", WANGJIANG, "station") == []
    assert surfaces("把代表联络站建成代表的学习之家、履职之所。", WANGJIANG, "station") == ["代表联络站"]
    assert surfaces("代表联络站依托社区为民服务站运行。", WANGJIANG, "station") == ["代表联络站"]
    assert surfaces("使代表联络站成为代表的“充电站”、群众的“接待站”。", WANGJIANG, "station") == ["代表联络站"]


def test_the_pipeline_remembers_a_units_stations_across_sentences():
    from congress_lib.pipeline import process_document

    text = "南山镇人大代表工作室正式启用。工作室每月接待选民。".encode("utf-8")
    result = process_document("d", "d.txt", text, {}, load_lexicon())
    stations = [r for r in result.tables["mentions"] if r[3] == "station"]
    assert [r[4] for r in stations] == ["南山镇人大代表工作室", "工作室"]
    assert stations[0][5] == stations[1][5]


def test_voter_reception_stations_and_deputy_reception_windows():
    assert surfaces("全县十二个乡镇年内都要配齐代表联络站和选民接待站", WANGJIANG, "station") == ["代表联络站", "选民接待站"]
    assert surfaces("打造“人大代表接待窗口”服务品牌", WANGJIANG, "station") == ["人大代表接待窗口"]
    # traps: a voters' reception day is no place; a service window without deputies is none
    assert surfaces("组织开展选民接待日活动", WANGJIANG, "station") == []
    assert surfaces("设立群众服务窗口", WANGJIANG, "station") == []


def test_head_and_branch_stations_of_a_liaison_network():
    assert surfaces("区人大代表联络总站设在文化公园", WANGJIANG, "station") == ["区人大代表联络总站"]
    assert surfaces("参观镇人大代表联络站总站和南山镇人大代表联络分站", WANGJIANG, "station") == [
        "镇人大代表联络站总站", "南山镇人大代表联络分站"]
    # trap: a bus terminus is no station
    assert surfaces("公交总站迁至新城", WANGJIANG, "station") == []


@pytest.mark.parametrize("word", ["省直党群部门", "市直党群部门", "省直部门", "省直单位", "有关部委", "职能站所"])
def test_collective_agencies_of_provincial_offices_ministries_and_township_stations(word):
    assert found(f"建议交{word}办理", WANGJIANG)[-1][:2] == ("agency", word)


def test_a_government_service_centre_is_an_agency_but_a_station_service_place_is_not():
    assert found("市政务服务中心开设代表通道", WANGJIANG)[0][:2] == ("agency", "市政务服务中心")
    assert surfaces("依托党群服务中心开展活动", WANGJIANG, "agency") == []
    assert surfaces("联络站所在社区", WANGJIANG, "agency") == []


def test_a_quoted_qualifier_inside_a_station_name_is_one_station():
    ms = found("村里的人大代表“流动”联络站每月进组入户", WANGJIANG)
    assert ms == [("station", "人大代表“流动”联络站", "人大代表流动联络站")]
    assert surfaces("东湖镇人大代表“流动”联络站开展活动", WANGJIANG, "station") == ["东湖镇人大代表“流动”联络站"]
    # traps: no deputy word before the quote; quoted words that are no qualifiers
    assert surfaces("群众“流动”联络站", WANGJIANG, "station") == ["联络站"]
    assert ("deputy", "代表") in [m[:2] for m in found("代表“红色”联络站", WANGJIANG)]


def test_party_working_committees_of_offices_staffing_offices_and_responsible_units():
    assert [m[:2] for m in found("交由县直机关工委、县编办和相关负责单位办理", WANGJIANG)] == [
        ("agency", "县直机关工委"), ("agency", "县编办"), ("agency", "相关负责单位")]
    # trap: the abbreviation needs a level prefix
    assert surfaces("加强编办工作", WANGJIANG, "agency") == []


def test_a_party_committee_before_a_government_is_no_place_name():
    assert [m[:2] for m in found("为县委县政府科学决策提供参考", WANGJIANG)] == [
        ("agency", "县委"), ("agency", "县政府")]
    assert found("为县委县政府科学决策提供参考", WANGJIANG)[1][2] == "望江县人民政府"


@pytest.mark.parametrize("text, surface", [
    ("其中45件交市政府研究办理", "市政府"),
    ("以简报的形式交县政府督办落实", "县政府"),
    ("经分管领导签字后报市政府审定", "市政府"),
    ("会后送县人民法院备案", "县人民法院"),
])
def test_a_verb_of_handing_over_ends_no_place_name(text, surface):
    assert surfaces(text, WANGJIANG, "agency") == [surface]


def test_a_name_does_not_open_inside_a_stop_word():
    assert surfaces("来自东川市审计局的两位代表", WANGJIANG, "agency") == ["东川市审计局"]
    # a place name may still open with a verb of handing over (no stop word ends before it)
    assert surfaces("交口县人大常委会召开会议", WANGJIANG, "congress") == ["交口县人大常委会"]


def test_unlisted_bureaus_in_a_list_of_departments():
    ms = found("水利局、农业农村局、气象局负责同志列席会议", WANGJIANG)
    assert [m[1] for m in ms] == ["水利局", "农业农村局", "气象局"]
    assert ms[2][2] == "望江县气象局"
    assert surfaces("县政府办公室、督查局联合督办", WANGJIANG, "agency") == ["县政府办公室", "督查局"]
    # traps: 局 in a word that is no bureau; a bureau-like word that follows no department
    assert surfaces("县财政局、服务大局", WANGJIANG, "agency") == ["县财政局"]
    assert surfaces("会议、气象局", WANGJIANG, "agency") == []


def test_handling_units_with_their_roles_in_parentheses():
    assert found("各承办(牵头、配合)单位要按时答复", WANGJIANG) == [
        ("agency", "承办(牵头、配合)单位", "承办单位")]
    assert found("各主办单位(含会办单位)要认真研究", WANGJIANG) == [("agency", "主办单位", "主办单位")]
    # trap: a bracket that names no role leaves the word alone
    assert surfaces("各承办单位(共12家)要按时答复", WANGJIANG, "agency") == ["承办单位"]


def test_a_street_office_before_its_working_committee_is_one_congress_body():
    assert found("城东街道办事处人大工委召开代表座谈会", WANGJIANG)[0] == (
        "congress", "城东街道办事处人大工委", "城东街道人大工委")
    # trap: separated by a conjunction the office stays an agency
    assert [m[0] for m in found("街道办事处和人大工委联合开展活动", WANGJIANG)] == ["agency", "congress"]


def test_collective_agencies_of_townships_zones_and_field_offices():
    assert found("加强与乡直部门的沟通", WANGJIANG) == [("agency", "乡直部门", "乡直部门")]
    assert surfaces("园区党工委书记、管委会主任出席", WANGJIANG, "agency") == ["党工委", "管委会"]
    assert surfaces("请县综合行政执法大队依法处理", WANGJIANG, "agency") == ["县综合行政执法大队"]
    assert surfaces("代表对乡(镇)站所开展评议", WANGJIANG, "agency") == ["乡(镇)站所"]


def test_a_party_committees_departments_and_the_party_organisation():
    assert found("交由县委有关部门办理", WANGJIANG) == [("agency", "县委有关部门", "县委有关部门")]
    # trap: 党组织 (a Party organisation) holds no Party group
    assert surfaces("发挥基层党组织的战斗堡垒作用", WANGJIANG, "agency") == []


def test_the_party_and_the_government_in_general():
    assert found("代表是党和政府联系群众的纽带", WANGJIANG) == [("deputy", "代表", "人大代表"), ("agency", "政府", "政府")]
    assert found("推动政府解决停车难题", WANGJIANG) == [("agency", "政府", "望江县人民政府")]
    # written for this test: 党委政府 without 和 is the unit's Party committee and government (coding
    # guidelines: only after 党和 is a bare 政府 the government in general)
    assert found("代表要主动争取党委政府的支持", WANGJIANG) == [
        ("deputy", "代表", "人大代表"), ("agency", "党委", "党委"), ("agency", "政府", "望江县人民政府")]


def test_the_transport_commission_named_short():
    # written for this test: 市交通委 abbreviates the city's transport commission; trap: 交通委托 is no organ
    assert found("这件建议由市交通委牵头办理。", WANGJIANG) == [("agency", "市交通委", "安庆市交通委员会")]
    assert surfaces("推进区交通委托代建工作。", WANGJIANG, "agency") == []


def test_the_government_owning_a_website_is_an_agency():
    # written for this test: the government's site names the government (as 人大网站 the congress);
    # trap: a government investment project names no organ
    assert found("答复函已在县人大和政府网站同步公开。", WANGJIANG) == [
        ("congress", "县人大", "望江县人大"), ("agency", "政府", "望江县人民政府")]
    assert surfaces("通过政府门户网站征集意见。", WANGJIANG, "agency") == ["政府"]
    assert surfaces("督促政府投资项目按期完工。", WANGJIANG, "agency") == []


@pytest.mark.parametrize("text,surface,canonical", [
    ("会后,县人大各专委会分头跟踪督办重点建议。", "县人大各专委会", "望江县人大专门委员会"),
    ("常委会各专(工)委密切配合,推动建议落实。", "专(工)委", "专(工)委"),
    ("各专工委主任列席了会议。", "专工委", "专工委"),
])
def test_the_special_and_working_committees_named_short(text, surface, canonical):
    assert ("congress", surface, canonical) in found(text, WANGJIANG)


def test_the_committees_of_the_consultative_conference_are_no_congress_bodies():
    assert surfaces("县政协各专委会主任参加了视察。", WANGJIANG, "congress") == []


def test_a_bare_presidium_is_the_congress_presidium():
    assert found("镇人大代表将群众的诉求提交主席团研究", QINGSHAN)[-1] == ("congress", "主席团", "青山镇人大主席团")
    assert found("议案审查意见将提请大会主席团审议", WANGJIANG) == [("congress", "大会主席团", "望江县人大主席团")]
    # traps: the presidium of the political consultative conference or of a Party congress
    assert surfaces("县政协主席团召开第三次会议", WANGJIANG, "congress") == []
    assert "主席团" not in surfaces("中共望江县第九次代表大会主席团举行会议", WANGJIANG, "congress")


# ------------------------------------------------- stations: pieces, parts, new heads


def _stations_in_unit(sentences, jur=WANGJIANG):
    """The station mentions of each sentence of one unit, as the pipeline finds them."""
    finder = MentionFinder.from_lexicon()
    earlier: dict = {}
    out = []
    for text in sentences:
        got = finder.find(text, jur, earlier=earlier)
        finder.remember(got, earlier)
        out.append([(m["surface"], m["canonical"]) for m in got if m["type"] == "station"])
    return out


def test_quoted_pieces_refer_back_to_the_stations_named_before_one_mention_each():
    first, second, third = _stations_in_unit([
        "全县各乡镇都建起了“代表之家”,村里设立了人大代表联络站。",
        "县人大常委会把“家、站、点”连成一张网,为每个“家”配发学习资料。",
        "对“家” “站” “点”分别制定工作规范。",
    ])
    assert first == [("代表之家", "代表之家"), ("人大代表联络站", "人大代表联络站")]
    # a list in one quote is split: each piece is a bare head referring back; 点 names no
    # station before and takes the lexicon's name
    assert second == [("家", "代表之家"), ("站", "人大代表联络站"), ("点", "联系点"), ("家", "代表之家")]
    # pieces each in its own quote, with spaces between them: one mention each
    assert third == [("家", "代表之家"), ("站", "人大代表联络站"), ("点", "联系点")]


def test_a_quoted_list_of_pieces_after_any_station_is_split_into_the_kinds_it_names():
    first, second = _stations_in_unit([
        "市人大常委会升级代表履职平台,全年受理群众留言3000余条。",
        "在推进“家、站、点”阵地建设的同时,组织代表每月进站接待选民。",
    ])
    assert first == [("代表履职平台", "代表履职平台")]
    # no station named before ends with a piece: each piece takes the lexicon's name
    assert second == [("家", "代表之家"), ("站", "联络站"), ("点", "联系点")]
    # pieces joined by a plus sign inside one quote are split the same way
    assert _stations_in_unit(["镇里建成代表工作室3个。", "“家+站”统一挂牌。"])[1] == [
        ("家", "代表之家"), ("站", "联络站")]
    # with no station named before, a quoted list stays uncoded
    assert _stations_in_unit(["要把“家、站、点”建设好。"]) == [[]]


def test_a_platform_after_a_quoted_list_of_pieces_is_the_platform_of_those_kinds():
    # the words after the quote are the station; the pieces are read as any quoted list is
    assert _stations_in_unit(["要把“家、站、点”网络平台建强用好。"]) == [[("网络平台", "家站点网络平台")]]
    assert _stations_in_unit(["乡里建起代表联络站4个。", "依托“家+站”平台收集意见。"])[1] == [
        ("家", "代表之家"), ("站", "代表联络站"), ("平台", "家站平台")]
    # one piece alone, or pieces followed by no platform, name no platform
    assert _stations_in_unit(["做到“站”平台稳。"]) == [[]]
    assert _stations_in_unit(["要把“家、站、点”建设好。"]) == [[]]


def test_sites_after_a_modifier_are_stations_when_a_station_is_named_in_their_sentence():
    text = "为解决代表联络站分布不均的问题,县里关停闲置站点、扩建骨干站点,全县站点减少到40个。"
    assert surfaces(text, WANGJIANG, "station") == ["代表联络站", "站点", "站点", "站点"]
    # no station in the sentence: bus stops and parking sites stay out, even with deputies
    assert surfaces("建立代表联络站。代表建议增加公交站点。", WANGJIANG, "station") == ["代表联络站"]
    assert surfaces("城区新增停车站点15个。", WANGJIANG, "station") == []


def test_a_bare_head_listed_right_after_a_station_is_a_station():
    assert found("村里的代表活动站、接待室、议事厅每周二开放。", WANGJIANG) == [
        ("station", "代表活动站", "代表活动站"), ("station", "接待室", "接待室"), ("station", "议事厅", "议事厅")]
    # a list not opened by a station stays out (a studio of teachers, then a bare head)
    assert surfaces("名师工作室、工作站同步挂牌。", WANGJIANG, "station") == []


def test_quoted_pieces_joined_by_a_conjunction_or_a_comma_are_one_run():
    text = "全乡建成人大代表之家2个。要让“家”与“站”更有人气,常态化开放。"
    assert [(t, s, c) for t, s, c in found(text, WANGJIANG) if t == "station"] == [
        ("station", "人大代表之家", "人大代表之家"), ("station", "家", "人大代表之家"), ("station", "站", "联络站")]
    assert [s for t, s, c in found("建成代表联络站5个,“站”、“点”同步开放。", WANGJIANG) if t == "station"] == [
        "代表联络站", "站", "点"]
    # without a station named before, pieces joined by a conjunction stay uncoded
    assert surfaces("要让“家”和“站”更有人气。", WANGJIANG, "station") == []


def test_pieces_with_an_alternative_written_together_or_counted_refer_back():
    got = _stations_in_unit([
        "全区建成立法联系点6个和代表工作室40个。",
        "选民可以直接到室(站)反映意见。",
        "推动“点室”融合发展,“两室”统一挂牌。",
    ])
    assert got[1] == [("室(站)", "代表工作室")]
    assert got[2] == [("点室", "点室"), ("两室", "两室")]


@pytest.mark.parametrize("sentences", [
    ["做到“站”得稳、“点”得准。"],  # no station named before
    ["全县建成代表联络站20个。", "采取“一站两点”模式推进。"],  # counted pieces naming a method
    ["他家门口新开了一家超市。", "大家都说“家”的味道最好。"],
])
def test_quoted_piece_traps_without_a_station_they_refer_to(sentences):
    assert all(ms == [] for ms in _stations_in_unit(sentences)[-1:])


def test_adjacent_quoted_pieces_without_a_station_named_before_stay_one_collective_station():
    assert _stations_in_unit(["各“家”“站”每月开放两次。"]) == [[("“家”“站”", "家站")]]


def test_sites_head_stations_and_rooms_of_stations_named_before():
    got = _stations_in_unit([
        "东城街道人大代表联络站下设总站和三个社区分站。",
        "走进联络站,宽敞的接待室里摆放着代表公示牌。",
        "县里统一设置站点,联络总站设置有接待室、阅览室。",
    ])
    assert ("总站", "总站") in got[0] and ("社区分站", "社区分站") in got[0]
    assert ("接待室", "接待室") in got[1]
    assert ("站点", "站点") in got[2] and ("接待室", "接待室") in got[2]


@pytest.mark.parametrize("text", ["市区新增公交停车站点30处。", "信访接待室设在办公楼一楼。", "“小站点”连着大民生。",
                                  "打造全面、高效的工作平台。"])
def test_sites_rooms_and_work_platforms_traps(text):
    # no station named before: the sites, a room or a generic work platform are no station
    assert surfaces(text, WANGJIANG, "station") == []


def test_work_points_and_stations_linking_deputies_with_the_people():
    assert found("在东湖社区人大代表工作点,代表们接待了居民。", WANGJIANG)[0] == (
        "station", "东湖社区人大代表工作点", "东湖社区人大代表工作点")
    got = _stations_in_unit(["北门街道人大代表联民工作站去年挂牌。", "工作站每周三开放。"])
    assert got == [[("北门街道人大代表联民工作站", "北门街道人大代表联民工作站")],
                   [("工作站", "北门街道人大代表联民工作站")]]


def test_a_work_platform_is_a_station_only_when_it_sums_up_the_deputies_platforms():
    assert surfaces("各村建立“代表微信群、钉钉群”等工作平台,方便群众反映问题。", WANGJIANG, "station") == ["工作平台"]
    for text in ("打造全面、准确的工作平台。", "利用微信、抖音等工作平台宣传代表风采。", "组织代表参观图书馆、文化馆等活动中心。"):
        assert surfaces(text, WANGJIANG, "station") == []


@pytest.mark.parametrize("text, station", [
    ("怎样才能用好代表联络站收集民意?", "代表联络站"),
    ("建强代表家站 服务群众", "代表家站"),
    ("要进一步规范人大代表联络站的日常运行。", "人大代表联络站"),
    ("组织代表学习人大代表联系群众活动室建设经验。", "人大代表联系群众活动室"),
])
def test_verbs_of_running_a_station_stay_outside_its_span(text, station):
    assert surfaces(text, WANGJIANG, "station") == [station]


def test_a_named_stations_canonical_name_starts_at_its_own_township_or_village():
    # the county and city before the township are the address: in the span, not the name
    assert found("平阳县鳌江镇人大代表联络站揭牌。", WANGJIANG) == [
        ("station", "平阳县鳌江镇人大代表联络站", "鳌江镇人大代表联络站")]
    assert found("来到坡头区乾塘镇人大代表中心联络站参观。", WANGJIANG)[0] == (
        "station", "坡头区乾塘镇人大代表中心联络站", "乾塘镇人大代表中心联络站")
    assert found("来到湛江市乾塘镇人大代表中心联络站参观。", WANGJIANG)[0][2] == "乾塘镇人大代表中心联络站"
    # a township above a village stays in the name; a place alone keeps its name
    assert found("铜陵镇码头村人大代表联络点今天开放。", WANGJIANG)[0][2] == "铜陵镇码头村人大代表联络点"
    assert found("平阳县人大代表联络站揭牌。", WANGJIANG)[0][2] == "平阳县人大代表联络站"
    assert found("青礁村活动站开放。", WANGJIANG) == [("station", "青礁村活动站", "青礁村活动站")]


# --------------------------------------------------------------------------- deputies, round 7
# Written for these tests: a counter of levels after 全区/全省, named deputies before and
# after a bare 代表, delegations named by their province.


@pytest.mark.parametrize("text, surface", [
    ("希望全县各级人大代表带头履职。", "各级人大代表"),
    ("推动全区三级人大代表常态化进站。", "三级人大代表"),
    ("组织全省五级人大代表开展集中视察。", "五级人大代表"),
])
def test_a_level_counter_after_a_whole_jurisdiction_word_is_several_levels(text, surface):
    assert found(text, WANGJIANG) == [("deputy", surface, "各级人大代表")]


@pytest.mark.parametrize("text, names", [
    ("县人大常委会将孙立平代表领衔提出的议案交县政府办理。", ["孙立平"]),
    ("不少群众向何春梅代表反映,何春梅代表当即联系了镇政府。", ["何春梅", "何春梅"]),
    ("二、关于钱志远代表提出的建议的办理情况", ["钱志远"]),
    ("会议决定把该议案与司马青代表的议案合并办理。", ["司马青"]),
    ("代表袁志林表示,联络站要当好桥梁。", ["袁志林"]),
    ("4.邱国梁代表提出的关于加快老旧小区改造的建议", ["邱国梁"]),  # after the number of an item
])
def test_a_full_name_beside_a_bare_deputy_word_is_a_named_deputy(text, names):
    got = [(m["surface"], m["canonical"]) for m in find_mentions(text, WANGJIANG) if m["type"] == "deputy"]
    assert [c for _, c in got] == names
    assert all(s.replace("代表", "") == c for s, c in got)


@pytest.mark.parametrize("text", [
    "以高水平代表工作推动高质量发展。",  # an adjective before a modifier 代表
    "及时向代表反馈办理结果,并向全体代表通报。",  # 向 + a collective
    "邀请农民工代表和部分代表参加座谈。",  # a group of workers, a quantifier
    "会上,曹玉山代表县人大常委会作工作报告。",  # on behalf of a body: a verb
])
def test_words_before_a_bare_deputy_word_that_name_nobody(text):
    names = [m["canonical"] for m in find_mentions(text, WANGJIANG) if m["type"] == "deputy"]
    assert all(c == "人大代表" for c in names)


def test_a_delegation_named_by_its_province():
    assert found("全国人大会议期间,甘肃代表团审议了政府工作报告。", WANGJIANG)[-2:] == [
        ("deputy", "甘肃代表团", "甘肃代表团"), ("agency", "政府", "望江县人民政府")]
    assert found("宁夏回族自治区代表团举行全体会议。", WANGJIANG) == [("deputy", "宁夏回族自治区代表团", "宁夏回族自治区代表团")]
    assert found("外省经贸代表团来县考察。", WANGJIANG) == []


def test_district_and_county_level_city_words_in_a_townships_unit():
    town = Jurisdiction("柳河镇", "township", "安徽省", "安庆市", "望江县", "metadata", "柳河镇")
    assert found("县人大常委会组织县级人大代表和镇人大代表深入选区视察。", town) == [
        ("congress", "县人大常委会", "望江县人大常委会"), ("deputy", "县级人大代表", "望江县人大代表"),
        ("deputy", "镇人大代表", "柳河镇人大代表")]
    street = Jurisdiction("城东街道", "township", "浙江省", "金华市", "义乌市", "metadata", "城东街道")
    assert found("市人大常委会副主任带领市人大代表进站接待选民。", street)[:2] == [
        ("congress", "市人大常委会", "义乌市人大常委会"), ("deputy", "市人大代表", "义乌市人大代表")]


def test_a_parenthesised_alternative_inside_the_qualifiers_is_dropped_from_the_canonical_name():
    got = found("年内新建8个乡镇(街道)人大代表工作站和26个村(居)代表联络点。", WANGJIANG)
    assert [(s, c) for t, s, c in got if t == "station"] == [
        ("乡镇(街道)人大代表工作站", "乡镇人大代表工作站"), ("村(居)代表联络点", "村代表联络点")]


def test_a_name_opening_with_an_adjective_or_numeral_after_the_place_it_lies_in():
    # right after a known street, a community name may open with a word jieba lists
    # as an adjective or a numeral (新兴, 三里)
    assert found("南关街道新兴社区人大代表联络站设在文化广场。", WANGJIANG)[0][2] == "南关街道新兴社区人大代表联络站"
    assert found("走进城西街道三里桥社区联络站,墙上贴着代表照片。", WANGJIANG)[0][2] == "城西街道三里桥社区联络站"
    # without a place before it, the word stays outside the name
    assert found("来到新兴社区人大代表联络站座谈。", WANGJIANG)[0][1] == "社区人大代表联络站"


def test_a_liaison_centre_station_is_a_station():
    assert found("东门街道人大代表联络中心站下设三个社区联络站。", WANGJIANG)[0] == (
        "station", "东门街道人大代表联络中心站", "东门街道人大代表联络中心站")


def test_a_bare_liaison_room_acting_as_an_office_is_the_standing_committees_office():
    assert found("会议由代表联络室全体工作人员筹备。", WANGJIANG) == [
        ("congress", "代表联络室", "望江县人大常委会代表联络室")]
    assert found("代表联络室负责同志前往南湖村调研。", QINGSHAN) == [("congress", "代表联络室", "代表联络室")]


@pytest.mark.parametrize("text", ["群众可到代表联络室反映诉求。", "代表联络室组织代表接待选民。",
                                  "南湖村代表联络室工作人员热情接待了来访群众。"])
def test_a_liaison_room_where_deputies_meet_people_stays_a_station(text):
    assert [t for t, _, _ in found(text, WANGJIANG) if "联络室" in _] == ["station"]


def test_the_congress_itself_is_named_by_its_short_form():
    # 人民代表大会, 代表大会, 人代会 and a bare 大会 all name the congress: <place>人大
    assert found("东营市第八届人民代表大会第二次会议今天开幕。", WANGJIANG) == [
        ("congress", "东营市第八届人民代表大会", "东营市人大")]
    assert found("向大会报告工作,请予审议。", WANGJIANG) == [("congress", "大会", "望江县人大")]
    assert found("在全国人民代表大会成立七十周年之际。", WANGJIANG) == [("congress", "全国人民代表大会", "全国人大")]
    # trap: the system is no body
    assert found("坚持和完善人民代表大会制度。", WANGJIANG) == []


def test_organs_of_a_standing_committee_join_its_span():
    assert found("议案由县人大常委会选举联络人事任免工作委员会汇总。", WANGJIANG) == [
        ("congress", "县人大常委会选举联络人事任免工作委员会", "望江县人大常委会选举联络人事任免工作委员会")]
    assert found("经县人大常委会主任会议研究,决定交县政府办理。", WANGJIANG)[0] == (
        "congress", "县人大常委会主任会议", "望江县人大常委会主任会议")
    assert found("常委会机关委室分工跟踪督办。", WANGJIANG) == [("congress", "常委会机关委室", "望江县人大常委会机关委室")]
    assert found("市人大常委会代联委牵头组织。", WANGJIANG) == [("congress", "市人大常委会代联委", "安庆市人大常委会代联委")]
    # a committee named alone is the unit's own
    assert found("重点建议实行主任会议成员领衔督办。", WANGJIANG) == [
        ("congress", "主任会议", "望江县人大常委会主任会议")]
    assert found("人代工委统计,已办结建议40件。", WANGJIANG)[0] == ("congress", "人代工委", "望江县人大常委会人代工委")
    assert found("法工委向领衔代表反馈了办理结果。", WANGJIANG)[0] == ("congress", "法工委", "望江县人大常委会法工委")
    # traps: Party working committees and a meeting of other leaders
    assert "congress" not in [t for t, _, _ in found("街道党工委书记到会。", WANGJIANG)]
    assert found("县长办公会议研究了此事。", WANGJIANG) == []


def test_organs_of_a_sitting_of_the_congress():
    assert found("截至昨日12时,大会秘书处共收到代表建议75件。", WANGJIANG)[0] == (
        "congress", "大会秘书处", "望江县人大大会秘书处")
    # the sitting between the congress and its organ stays in the span, not in the name
    assert found("县十八届人大三次会议大会秘书处共收到建议120件。", WANGJIANG) == [
        ("congress", "县十八届人大三次会议大会秘书处", "望江县人大大会秘书处")]
    assert found("县十八届人大二次会议议案审查委员会召开会议。", WANGJIANG) == [
        ("congress", "县十八届人大二次会议议案审查委员会", "望江县人大议案审查委员会")]
    assert found("大会议案审查委员会对议案逐件审查。", WANGJIANG) == [
        ("congress", "大会议案审查委员会", "望江县人大议案审查委员会")]
    # trap: a sitting without an organ after it leaves the congress alone
    assert found("县十八届人大三次会议闭幕。", WANGJIANG) == [("congress", "县十八届人大", "望江县人大")]


def test_bodies_of_several_levels_keep_their_head():
    assert found("按照省、市人大常委会的部署,开展执法检查。", WANGJIANG) == [
        ("congress", "省、市人大常委会", "各级人大常委会")]
    assert found("入选全国和省人大常委会典型案例。", WANGJIANG) == [("congress", "全国和省人大常委会", "各级人大常委会")]
    assert found("全省各级人大及其常委会认真履职。", WANGJIANG) == [
        ("congress", "各级人大", "各级人大"), ("congress", "常委会", "各级人大常委会")]
    assert found("市县乡三级人大联动监督。", WANGJIANG) == [("congress", "市县乡三级人大", "各级人大")]


def test_verbs_and_prepositions_before_a_level_word_are_no_place():
    assert found("问题梳理后汇总至县人大常委会。", WANGJIANG) == [("congress", "县人大常委会", "望江县人大常委会")]
    assert found("走访结果经县人大常委会研究后交办。", WANGJIANG) == [("congress", "县人大常委会", "望江县人大常委会")]
    assert [(s, c) for t, s, c in found("政府办理县十八届人大三次会议代表建议。", WANGJIANG) if t == "congress"] == [
        ("县十八届人大", "望江县人大")]
    assert surfaces("参加的代表有镇人大主席。", WANGJIANG, "congress") == ["镇人大"]
    # trap: a county whose name ends like a preposition is still a place when written at a boundary
    assert found("东至县人大常委会召开会议。", WANGJIANG) == [("congress", "东至县人大常委会", "东至县人大常委会")]


def test_deputies_of_one_congress_with_its_session_number():
    assert found("安徽省第十四届人大代表将于年底选出。", WANGJIANG) == [
        ("deputy", "安徽省第十四届人大代表", "安徽省人大代表")]
    assert found("安庆市第七届人民代表大会代表由各县人民代表大会选举产生。", WANGJIANG)[0] == (
        "deputy", "安庆市第七届人民代表大会代表", "安庆市人大代表")
    assert found("根据县十八届人大代表的分布,调整代表小组。", WANGJIANG)[0] == (
        "deputy", "县十八届人大代表", "望江县人大代表")
    # trap: the session of the congress itself stays a congress
    assert found("县十八届人大一次会议选举产生。", WANGJIANG) == [("congress", "县十八届人大", "望江县人大")]


def test_practice_centres_of_whole_process_democracy_are_stations():
    got = found("全县已建成全过程人民民主基层实践中心6个。目前,这6个实践中心运转良好。", WANGJIANG)
    assert [(s, c) for t, s, c in got if t == "station"] == [
        ("全过程人民民主基层实践中心", "全过程人民民主基层实践中心"),
        ("实践中心", "全过程人民民主基层实践中心")]


def test_a_practice_station_with_a_short_brand_and_its_shortened_names_refer_back():
    got = found("这得益于东门街道全过程人民民主巴蜀实践站(简称“东门巴蜀实践站”)的运行。"
                "该实践站设在老街。近日,东门巴蜀实践站在码头设立了服务点。", WANGJIANG)
    full = "东门街道全过程人民民主巴蜀实践站"
    assert [(s, c) for t, s, c in got if t == "station"] == [
        (full, full), ("东门巴蜀实践站", full), ("实践站", full), ("东门巴蜀实践站", full)]


@pytest.mark.parametrize("text", ["各村新时代文明实践站开展志愿服务。", "他到实践站参加活动。",
                                  "全区建成新时代文明实践中心1个、实践站12个。"])
def test_practice_stations_of_other_programmes_are_no_stations(text):
    assert [s for t, s, _ in found(text, WANGJIANG) if t == "station"] == []


def test_a_short_quoted_brand_names_the_generic_station_after_it():
    got = found("社区把“商户联盟”代表联络站设在农贸市场里。", WANGJIANG)
    assert [(s, c) for t, s, c in got if t == "station"] == [("代表联络站", "商户联盟代表联络站")]
    got = found("线上,“金沙号”履职平台让建议一键直达。", WANGJIANG)
    assert [(s, c) for t, s, c in got if t == "station"] == [("履职平台", "金沙号履职平台")]


@pytest.mark.parametrize("text", ["推进各镇“五好”人大代表联络站建设。", "开展“我为群众办实事”代表联络站活动。"])
def test_a_rating_or_a_slogan_in_quotes_does_not_name_the_station(text):
    assert [c for t, _, c in found(text, WANGJIANG) if t == "station"] in (["人大代表联络站"], ["代表联络站"])


def test_an_estate_after_a_named_street_is_no_district():
    # 新苑小区 is a residential estate, not a district named 新苑小: the estate and its street
    # name the station, the county before them is its address
    got = found("近日,在望江县南关街道新苑小区议事亭里,居民正向代表反映问题。议事亭建成以来接访群众60人次。",
                WANGJIANG)
    assert [(s, c) for t, s, c in got if t == "station"] == [
        ("望江县南关街道新苑小区议事亭", "南关街道新苑小区议事亭"), ("议事亭", "南关街道新苑小区议事亭")]
    assert [c for t, _, c in found("全镇各小区人大代表联络站定期开放。", WANGJIANG) if t == "station"] == ["人大代表联络站"]


# ------------------------------------------------------------- round 10: stations and congress


@pytest.mark.parametrize("plain", [True, False])
def test_a_counted_bare_head_after_a_station_names_stations_of_its_kind(plain):
    finder = MentionFinder.from_lexicon(shortcuts=not plain)

    def stations(text):
        return [(m["surface"], m["canonical"]) for m in finder.find(text, WANGJIANG) if m["type"] == "station"]

    # a count before the head, a station named before it in the text
    assert stations("此外,镇人大代表联络站下设6个联络点。")[-1] == ("联络点", "联络点")
    assert stations("镇中心联络总站之外,还分片设立东湖、西岭等4个联络点。")[-1] == ("联络点", "联络点")
    # a count after the head, in an item of a breakdown
    assert stations("全县共建成代表联络站(点)90个,其中联络站20个、联络点70个。")[-1] == ("联络点", "联络点")
    # a counted head of a station named before takes that station's name
    got = stations("东湖村代表工作站去年挂牌,今年又新建3个工作站。")
    assert got == [("东湖村代表工作站", "东湖村代表工作站"), ("工作站", "东湖村代表工作站")]
    # traps: no station named before; counted service points and parking sites of no station
    assert stations("学校建成5个工作室。") == []
    assert stations("镇里新增3个服务点和12个停车站点。") == []


@pytest.mark.parametrize("text", ["截至昨晚,代表们共向本届大会提交议案45件。", "其余议案均转为大会议案以外的建议。",
                                  "两件议案都要求大会作出决议。", "至大会规定的截止时间,共收到建议210件。"])
def test_a_bare_session_after_a_word_that_hands_over_or_dates_is_the_congress(text):
    assert ("congress", "大会", "望江县人大") in found(text, WANGJIANG)


@pytest.mark.parametrize("text", ["要求各村召开群众大会。", "本届运动会和表彰大会同期举行。"])
def test_a_meeting_of_another_kind_stays_no_congress_after_those_words(text):
    assert [s for t, s, _ in found(text, WANGJIANG) if t == "congress"] == []


def test_the_congress_brand_of_a_practice_station_is_one_station_with_its_second_name():
    got = found("县人大常委会着力打造人大践行全过程人民民主实践站(代表联络站)品牌。", WANGJIANG)
    assert got == [("congress", "县人大常委会", "望江县人大常委会"),
                   ("station", "人大践行全过程人民民主实践站(代表联络站)", "践行全过程人民民主实践站")]
    got = found("各乡镇(办事处)人大践行全过程人民民主基层实践站(人大代表联络站)已于五月挂牌。", WANGJIANG)
    assert got == [("station", "乡镇(办事处)人大践行全过程人民民主基层实践站(人大代表联络站)",
                    "乡镇人大践行全过程人民民主基层实践站")]
    # 乡镇(办事处) is the township level written with its alternative: no street office of its own
    assert found("实现全县12个乡镇(办事处)代表联络站全覆盖。", WANGJIANG) == [
        ("station", "乡镇(办事处)代表联络站", "乡镇代表联络站")]
    # trap: a bracket that names no station
    assert [s for t, s, _ in found("镇人大代表联络站(二楼)开放。", WANGJIANG) if t == "station"] == ["镇人大代表联络站"]


def test_the_traffic_police_are_public_security():
    assert found("经区交警大队现场勘察,同意设置临时停车位。", WANGJIANG) == [
        ("agency", "区交警大队", "望江县交警大队")]
    assert found("由城管局、交警队等部门联合整治。", WANGJIANG)[1] == ("agency", "交警队", "交警队")
    assert [m["branch"] for m in MentionFinder.from_lexicon().find("市交警支队作了答复。", WANGJIANG)] == [
        "public_security"]


# ------------------------------------------------------------------ stations, round 11


def test_ranks_and_tiers_of_practice_stations_named_before_are_stations():
    got = _stations_in_unit([
        "县人大常委会着力推动全过程人民民主基层实践站提质。",
        "目前已建成一个县级中心实践站、17个乡镇基层实践站。",
    ])
    assert got[1] == [("县级中心实践站", "县级中心实践站"), ("乡镇基层实践站", "乡镇基层实践站")]
    # trap: without a practice station named before, the civilisation programme's tiers stay out
    assert _stations_in_unit(["全县建成新时代文明实践站12个，县级中心实践站1个。"]) == [[]]


def test_a_duty_front_is_a_station_only_with_a_deputy_word():
    assert surfaces("各镇街建强代表履职阵地。", WANGJIANG, "station") == ["代表履职阵地"]
    assert surfaces("镇人大积极打造人大代表活动阵地。", WANGJIANG, "station") == ["人大代表活动阵地"]
    for text in ("过去一年，代表工委优化履职阵地布局。", "建强履职阵地，打造联系新平台。"):
        assert surfaces(text, WANGJIANG, "station") == []


def test_a_quoted_name_before_a_platform_names_a_station_only_with_a_deputy_word_or_named_before():
    assert surfaces("群众可通过“民声通”平台反映问题。", WANGJIANG, "station") == []
    assert surfaces("镇里上线“代表直通”平台。", WANGJIANG, "station") == ["平台"]
    got = _stations_in_unit(["区人大上线“云上民声”履职平台。", "“云上民声”平台已收集意见200条。"])
    assert got[1] == [("平台", "云上民声履职平台")]


def test_rooms_of_the_consultative_conference_are_no_stations():
    for text in ("全市已有30个乡镇建立“政协委员之家”。", "县政协委员之家与人大代表之家同日揭牌。",
                 "该镇设立政协工作联络室。"):
        assert all("人大代表之家" == s for s in surfaces(text, WANGJIANG, "station"))
    assert surfaces("县政协委员之家与人大代表之家同日揭牌。", WANGJIANG, "station") == ["人大代表之家"]


def test_ranks_of_the_stations_of_a_network_named_before():
    got = _stations_in_unit(["市人大给各人大代表联络站拨付经费。", "给普通站每年拨款8万元，样板站拨款12万元，标杆站另行奖励。"])
    assert got[1] == [("普通站", "普通站"), ("样板站", "样板站"), ("标杆站", "标杆站")]
    # trap: no station named before
    assert surfaces("公交公司把普通站改建为样板站。", WANGJIANG, "station") == []


def test_a_deputies_liaison_centre_and_a_deliberation_hall_brand():
    assert found("河口镇人大代表联络中心设在镇政府二楼。", WANGJIANG)[0] == (
        "station", "河口镇人大代表联络中心", "河口镇人大代表联络中心")
    got = _stations_in_unit(["镇人大精心打造“柳岸议事堂”。", "将“柳岸议事堂”与联络站统筹建设，镇政府内的议事堂面积80平方米。"])
    assert got[0] == [("柳岸议事堂", "柳岸议事堂")]
    assert ("柳岸议事堂", "柳岸议事堂") in got[1] and ("议事堂", "柳岸议事堂") in got[1]


@pytest.mark.parametrize("text", ["各级人大要在打造“枢纽”中当好“枢纽”。",
                                  "全县打造“三站”式服务模式，方便群众。"])
def test_short_quoted_words_and_styles_are_no_stations(text):
    assert surfaces(text, WANGJIANG, "station") == []


def test_a_bare_liaison_room_travelling_is_the_office():
    assert found("代表联络室到南湖镇调研代表活动站建设。", QINGSHAN)[0] == ("congress", "代表联络室", "代表联络室")


def test_a_station_closing_a_quotation_is_named_by_the_whole_quoted_name():
    got = found("县人大常委会还成立了“乡村旅游代表专业联络站”“教育卫生代表专业联络站”。", WANGJIANG)
    assert [(t, s, c) for t, s, c in got if t == "station"] == [
        ("station", "乡村旅游代表专业联络站", "乡村旅游代表专业联络站"),
        ("station", "教育卫生代表专业联络站", "教育卫生代表专业联络站")]
    # traps: slogans in quotes keep the station alone
    for text, station in (("全县上下要“建好用好代表联络站”。", "代表联络站"), ("群众都说“有事就找代表联络站”。", "代表联络站")):
        assert [(s, c) for t, s, c in found(text, WANGJIANG) if t == "station"][0][1] == station


# --------------------------------------------------------------------------- named deputies, round 12
# Lists of named deputies before 等 and a deputy noun, and a deputy of a congress named with
# its term followed by a name (GUIDELINES, deputy: "Lists of named deputies").


@pytest.mark.parametrize("text, names, noun", [
    ("3.孔德明等9名代表提出的关于改善农村供水的议案已办结。", ["孔德明"], "代表"),
    ("会上,县人大常委会将韩美玲、欧阳志远、苏强等5位代表领衔提出的议案交付审议。", ["韩美玲", "欧阳志远", "苏强"], "代表"),
    ("彭晓东等20余名市人大代表视察了污水处理厂。", ["彭晓东"], "市人大代表"),
    ("他当即联名谢春燕、邓勇等8名人大代表提交了建议。", ["谢春燕", "邓勇"], "人大代表"),
    ("按照程志华等代表提出的意见,县政府加快了道路改造。", ["程志华"], "代表"),
    ("会议审议了《关于加强河道管理的议案》、罗建平等6位代表提出的议案。", ["罗建平"], "代表"),
])
def test_names_listed_before_a_deputy_noun_are_named_deputies(text, names, noun):
    got = [(m["surface"], m["canonical"]) for m in find_mentions(text, WANGJIANG) if m["type"] == "deputy"]
    assert got[:-1] == [(n, n) for n in names]
    assert got[-1][0] == noun


@pytest.mark.parametrize("text", [
    "张家港、李庄等5个村建起了联络点。",  # places, no deputy noun
    "教育、卫生等12名代表参加座谈。",  # sectors
    "人大代表、政协委员等列席会议。",  # roles
    "交通、停车难等代表建议全部办结。",  # topics of proposals
    "城关、城东等8名代表视察了集镇建设。",  # places
    "组织王家、李庄等代表联络站开展活动。",  # stations
])
def test_items_before_a_deputy_noun_that_are_no_names(text):
    names = [m["canonical"] for m in find_mentions(text, WANGJIANG) if m["type"] == "deputy"]
    assert all(c in ("人大代表", "安庆市人大代表") for c in names)


def test_a_deputy_of_a_congress_named_with_its_term_takes_the_name_after_it():
    assert found("望江县第十八届人民代表大会代表周晓红在会上发言。", WANGJIANG) == [
        ("deputy", "望江县第十八届人民代表大会代表周晓红", "周晓红")]
    assert found("县十七届人大代表赵立新说,要把实事办好。", WANGJIANG) == [
        ("deputy", "县十七届人大代表赵立新", "赵立新")]
    assert found("县第十九届人民代表大会代表共有187名。", WANGJIANG) == [
        ("deputy", "县第十九届人民代表大会代表", "望江县人大代表")]
    assert found("市第六届人民代表大会代表由各县人民代表大会选举产生。", WANGJIANG)[0] == (
        "deputy", "市第六届人民代表大会代表", "安庆市人大代表")


# Round 14 (agency, congress): the standing committee written in full after no congress, the
# congress in session after a few more verbs, and departments named short (codebook §3.1).


@pytest.mark.parametrize("text, surface, canonical", [
    ("常务委员会工作报告", "常务委员会", "望江县人大常委会"),
    ("各项建议均在本级人民代表大会及其常务委员会的职权之内。", "常务委员会", None),
])
def test_a_standing_committee_written_in_full_alone_is_the_congress_body(text, surface, canonical):
    got = [(m["surface"], m["canonical"]) for m in find_mentions(text, WANGJIANG) if m["type"] == "congress"]
    assert surface in [s for s, _ in got]
    if canonical:
        assert (surface, canonical) in got


@pytest.mark.parametrize("text", [
    "政协望江县委员会常务委员会第五次会议在县城召开。",  # the consultative conference's
    "中国共产党望江县委员会常务委员会研究部署了全年工作。",  # the Party committee's
])
def test_a_standing_committee_of_another_body_is_no_congress(text):
    assert not [m for m in find_mentions(text, WANGJIANG) if m["surface"] == "常务委员会"]


@pytest.mark.parametrize("text", [
    "去年以来,常委会跟踪督办大会议案6件、代表建议412件。",
    "各代表团按照大会议程分组审议了政府工作报告。",
    "全县共有186名代表参加大会。",
])
def test_a_bare_session_after_these_verbs_is_the_congress(text):
    assert ("大会", "望江县人大") in [(m["surface"], m["canonical"]) for m in find_mentions(text, WANGJIANG)
                                   if m["type"] == "congress"]


@pytest.mark.parametrize("text", [
    "镇里召开了全镇安全生产表彰大会。",
    "代表们参加了乡村振兴推进大会。",
])
def test_a_named_meeting_is_no_congress_session(text):
    assert not [m for m in find_mentions(text, WANGJIANG) if m["type"] == "congress"]


@pytest.mark.parametrize("text, surface", [
    ("这次督办涉及县教育局、卫生局等5家承办单位。", "卫生局"),
    ("调研组走访了民宗局和部分宗教场所。", "民宗局"),
    ("村里的代表小组长接到镇党政办的通知后立即赶到。", "镇党政办"),
    ("代表当场督促乡规建办限期整改。", "乡规建办"),
    ("望江县公路站共收到代表建议6件,已全部办复。", "望江县公路站"),
])
def test_departments_named_short_are_agencies(text, surface):
    assert surface in [m["surface"] for m in find_mentions(text, WANGJIANG) if m["type"] == "agency"]


@pytest.mark.parametrize("name, kind", [
    ("张小明", "name"), ("欧阳文", "name"), ("王积", "name"),
    # a name's shape that reads as a word: kept apart, so a list may still take it when its other
    # items are clean names
    ("郑重", "word"), ("卫生", "word"),
    # no name: no surname, a stop word as surname, a place or a group at the end
    ("部分", None), ("向全体", None), ("李家镇", None), ("张庄村", None),
])
def test_one_rule_says_what_a_persons_name_looks_like(name, kind):
    assert MentionFinder.from_lexicon().rules.person_name(name) == kind


def test_a_townships_stations_and_offices_are_an_agency_with_or_without_a_prefix():
    assert found("乡人大每年组织代表评议站所", WANGJIANG)[-1][:2] == ("agency", "站所")
    assert surfaces("起初站所不够重视,后来站所主动汇报", WANGJIANG, "agency") == ["站所", "站所"]
    assert surfaces("各乡镇七站八所负责人列席会议", WANGJIANG, "agency") == ["各乡镇七站八所"]
    assert found("问题上报上级垂直部门", WANGJIANG)[-1][:2] == ("agency", "垂直部门")
    assert found("待省厅下达计划后开工", WANGJIANG)[-1][:2] == ("agency", "省厅")
    # traps: 所 as a particle after a station or a website
    assert surfaces("本网站所发布的文章", WANGJIANG, "agency") == []
    assert surfaces("该站所辖三个村", WANGJIANG, "agency") == []


def test_the_party_working_committee_of_a_street_or_a_zone_without_the_word_party():
    assert found("长岭街道工委书记周强到会", WANGJIANG) == [("agency", "长岭街道工委", "中共长岭街道工作委员会")]
    assert found("长岭街道工委组织视察", WANGJIANG)[0][:2] == ("congress", "长岭街道工委")
    assert surfaces("华阳经开区工委副书记介绍情况", WANGJIANG, "agency") == ["华阳经开区工委"]
    # traps: the congress's working committees
    assert [m[0] for m in found("人大长岭街道工委组织视察", WANGJIANG)] == ["congress"]
    assert surfaces("街道人大工委和县人大常委会代表工委", WANGJIANG, "agency") == []


def test_an_organ_inside_the_name_of_a_station_it_hosts_is_no_agency():
    assert surfaces("群众来到人大代表驻望江县法院调解工作室求助", WANGJIANG, "agency") == []
    assert surfaces("代表驻县检察院联络站接待来访", WANGJIANG, "agency") == []
    # the organ alone stays
    assert surfaces("代表走访望江县法院调解中心", WANGJIANG, "agency") == ["望江县法院"]


def test_a_deputy_station_hosted_by_an_organ_is_one_station_with_the_organ_inside():
    assert found("群众来到人大代表驻望江县法院调解工作室求助", WANGJIANG)[0] == (
        "station", "人大代表驻望江县法院调解工作室", "人大代表驻望江县法院调解工作室")
    assert surfaces("代表驻县检察院联络站接待来访", WANGJIANG, "station") == ["代表驻县检察院联络站"]
    # traps: no deputy word before the marker, or no station head after the organ
    assert surfaces("驻县法院工作组来到社区", WANGJIANG, "station") == []
    assert surfaces("代表走访望江县法院调解中心", WANGJIANG, "station") == []


def test_more_station_heads_inquiry_points_theme_squares_and_mediation_rooms():
    assert surfaces("在长岭镇咨询点,县人大代表为群众解答疑问。", WANGJIANG, "station") == ["长岭镇咨询点"]
    assert surfaces("镇里建成人大主题广场,设有人大代表议事长廊。", WANGJIANG, "station") == [
        "人大主题广场", "人大代表议事长廊"]
    assert found("在华阳镇,“和为贵”矛盾纠纷调解室远近闻名。", WANGJIANG)[0][::2] == ("station", "和为贵矛盾纠纷调解室")
    # traps: a square, a gallery or an inquiry desk with no deputy or place before it
    for text in ("市民在城市主题广场散步。", "公园新修了一条文化长廊。", "人社局设立就业咨询点。"):
        assert surfaces(text, WANGJIANG, "station") == []


def test_more_abbreviated_organs():
    assert found("县财政拨付专项资金60万元", WANGJIANG)[0] == ("agency", "县财政", "望江县财政局")
    assert found("会议涉及市教局、区开发办和县扶贫办", WANGJIANG) == [
        ("agency", "市教局", "安庆市教育局"), ("agency", "区开发办", "望江县开发办公室"),
        ("agency", "县扶贫办", "望江县扶贫开发办公室")]
    # traps: the public finances
    assert surfaces("审查县财政预算执行情况,深化市财政体制改革,了解市财政税收", WANGJIANG, "agency") == []


def test_sector_words_listed_before_one_shared_head_are_each_a_department():
    assert found("请县发改、财政、水利等部门现场办公", WANGJIANG) == [
        ("agency", "县发改", "望江县发展和改革委员会"), ("agency", "财政", "望江县财政部门"),
        ("agency", "水利", "望江县水利部门")]
    assert surfaces("联系住建、交管部门到现场", WANGJIANG, "agency") == ["住建", "交管部门"]
    # a single sector word stays one mention; a comma ends the list
    assert surfaces("邀请教育部门参加", WANGJIANG, "agency") == ["教育部门"]
    assert surfaces("发展教育,卫生部门配合", WANGJIANG, "agency") == ["卫生部门"]


def test_a_level_with_one_alternative_in_brackets_names_each_of_them():
    assert surfaces("结合县(区)委中心工作和县(区)人大工作安排", WANGJIANG) == ["县(区)委", "县(区)人大"]
    assert found("交县(市)政府办理", WANGJIANG)[0][:2] == ("agency", "县(市)政府")
    # trap: no organ after the bracket
    assert surfaces("开展县(区)交叉检查", WANGJIANG) == []


# --------------------------------------------------------------------------- round 22 (stations, deputies)
def test_a_liaison_room_reporting_or_led_by_a_director_is_the_standing_committees_office():
    assert found("座谈会上,代表联络室首先汇报了上半年议案交办情况。", WANGJIANG) == [
        ("congress", "代表联络室", "望江县人大常委会代表联络室")]
    assert found("代表联络室在分管副主任带领下走访了六个乡镇。", WANGJIANG)[0] == (
        "congress", "代表联络室", "望江县人大常委会代表联络室")
    got = found("代表联络室和各专门委员会要抓好重点建议督办。", WANGJIANG)
    assert got[0] == ("congress", "代表联络室", "望江县人大常委会代表联络室")


@pytest.mark.parametrize("text", ["居民晚饭后到代表联络室找代表反映到期未修的路灯。",
                                  "代表联络室组织代表接待选民,主任到场。", "代表联络室和活动室每周开放。"])
def test_a_liaison_room_without_an_office_act_in_its_clause_stays_a_station(text):
    assert [t for t, s, _ in found(text, WANGJIANG) if s.endswith("联络室")] == ["station"]


def test_practice_points_of_whole_process_democracy_are_stations():
    assert found("全县已在村(社区)布设全过程人民民主实践点46个。", WANGJIANG) == [
        ("station", "全过程人民民主实践点", "全过程人民民主实践点")]
    # a practice point of another programme is no deputies' station
    assert found("学校在农场建了劳动教育实践点。", WANGJIANG) == []


def test_a_city_name_ending_with_a_level_character_keeps_its_first_character():
    # 福州市, 赣州市: the 州 before 市 ends the name and is no level word of the chain
    assert found("代表团一行参观了赣州市人大代表联络站。", WANGJIANG)[-1] == (
        "station", "赣州市人大代表联络站", "赣州市人大代表联络站")
    assert found("用好温州市全过程人民民主实践中心。", WANGJIANG) == [
        ("station", "温州市全过程人民民主实践中心", "温州市全过程人民民主实践中心")]


def test_names_right_after_a_delegation_before_a_count_of_deputies_are_named_deputies():
    got = found("由东城区代表团周静怡、韩梅等15名代表提出的议案已交付审议。", WANGJIANG)
    assert ("deputy", "周静怡", "周静怡") in got and ("deputy", "韩梅", "韩梅") in got
    assert ("deputy", "代表", "人大代表") in got
    # sectors after a delegation are no names
    assert [s for t, s, _ in found("东城区代表团教育、卫生等15名代表", WANGJIANG) if t == "deputy"] == [
        "东城区代表团", "代表"]


def test_the_last_name_of_a_list_before_a_verb_of_arrival_is_a_named_deputy():
    got = found("3位县人大代表孔明辉、钱佳、沈涛来到社区接待群众。", WANGJIANG)
    assert [c for t, _, c in got if t == "deputy"] == ["孔明辉", "钱佳", "沈涛"]


def test_the_units_short_name_before_a_station_keeps_its_first_character():
    jur = Jurisdiction("温州市", "municipal", "浙江省", "温州市", "", "metadata")
    assert found("要用好温州全过程人民民主实践中心等平台。", jur)[0] == (
        "station", "温州全过程人民民主实践中心", "温州全过程人民民主实践中心")


# --------------------------------------------------------------------------- deputies, round 23
# The make-up of a congress's deputies: social groups of the deputies (codebook §3, deputy).


@pytest.mark.parametrize("text, count", [
    ("新一届县人大代表中,工人代表15人,农民代表33人,人数比上届均有增加。", 3),
    ("本届代表结构更加合理,妇女代表的比例提高到29.6%。", 2),
    ("全区选出的216名人大代表中,少数民族代表占四成以上。", 2),
    ("其中青年代表和农民代表人数都多于上一届。", 2),
])
def test_social_groups_in_the_make_up_of_deputies_are_deputies(text, count):
    deputies = [m for m in find_mentions(text, WANGJIANG) if m["type"] == "deputy"]
    assert len(deputies) == count


@pytest.mark.parametrize("text", [
    "座谈会上,工人代表、农民代表和人大代表依次发言。",  # no share of a congress's deputies
    "镇妇联召开妇女代表大会,选举新的执委。",  # a women's congress
    "村民代表人数占全村户数的比例较高。",  # villagers' representatives
    "成立了“两代表一委员”工作室。",  # the name of a studio, no deputy
])
def test_other_representatives_stay_no_deputies(text):
    assert [m for m in find_mentions(text, WANGJIANG) if m["type"] == "deputy" and m["surface"] != "人大代表"] == []


@pytest.mark.parametrize("text, names", [
    ("县人大代表吴海波、程丽君热情地为来访群众答疑。", ["吴海波", "程丽君"]),
    ("市人大代表孙建新、钟晓梅分别向居民代表发放了联系卡。", ["孙建新", "钟晓梅"]),
    ("镇人大代表蒋卫东、潘秀云尽管事务繁多,仍按时进站。", ["蒋卫东", "潘秀云"]),
    ("区人大代表邓永红认真记下了每一条意见。", ["邓永红"]),
])
def test_names_after_a_deputy_noun_closed_by_an_adverb(text, names):
    got = [m["canonical"] for m in find_mentions(text, WANGJIANG) if m["type"] == "deputy"]
    assert got == names


def test_a_deputy_noun_before_an_adverb_takes_no_name():
    assert [m["surface"] for m in find_mentions("人大代表认真履职,分别联系了选民。", WANGJIANG)
            if m["type"] == "deputy"] == ["人大代表"]


def test_township_offices_named_by_their_function_are_the_townships_departments():
    agencies = [(s, c) for t, s, c in found(
        "评议会上，代表对镇社会事务办公室、村镇建设服务中心和综合行政执法队的工作进行测评。", QINGSHAN)
        if t == "agency"]
    assert agencies == [("镇社会事务办公室", "青山镇社会事务办公室"), ("村镇建设服务中心", "青山镇村镇建设服务中心"),
                        ("综合行政执法队", "青山镇综合行政执法队")]
    # a function word without an office head names no body
    assert not [m for m in found("全镇经济发展势头良好，平安建设扎实推进。", QINGSHAN) if m[0] == "agency"]


def test_traditional_township_office_with_pinyin_glosses_is_found():
    from congress_lib.ingest import strip_pinyin
    from congress_lib.text import opencc as _opencc
    text = _opencc("t2s").convert(strip_pinyin("代表們對鎮平(píng)安建設(shè)辦(bàn)公室的工作進行了評議。"))
    assert ("agency", "青山镇平安建设办公室") in [(m["type"], m["canonical"]) for m in find_mentions(text, QINGSHAN)]


def test_state_council_and_a_bare_inspection_office_are_agencies():
    jur = Jurisdiction("临川区", "district", "江西省", "抚州市", "临川区", "metadata")
    agencies = [(s, c) for t, s, c in found("要把办理工作同落实党中央、国务院部署结合起来，实行部门承办、督查室跟踪的机制。",
                                            jur) if t == "agency"]
    assert ("国务院", "国务院") in agencies
    assert ("督查室", "临川区人民政府督查室") in agencies
    # the Party committee's inspection office is not the government's
    assert ("督查室", "临川区人民政府督查室") not in [(s, c) for t, s, c in found("县委督查室开展了检查。", jur)]


def test_government_information_disclosure_is_no_organ():
    jur = Jurisdiction("抚州市", "municipal", "江西省", "抚州市", "", "metadata")
    assert not [m for m in found("抚州市政府信息公开目录", jur) if m[0] == "agency"]
    assert ("agency", "市政府", "抚州市人民政府") in found("市政府召开常务会议。", jur)


def test_a_long_unlisted_bureau_name_after_a_level_word_is_a_department():
    jur = Jurisdiction("奉贤区", "district", "上海市", "上海市", "奉贤区", "metadata")
    agencies = [s for t, s, c in found("区人力资源社会保障局、区住房保障房屋管理局分别作了发言。", jur) if t == "agency"]
    assert agencies == ["区人力资源社会保障局", "区住房保障房屋管理局"]


def test_abbreviated_commissions_after_a_level_word_are_departments():
    jur = Jurisdiction("奉贤区", "district", "上海市", "上海市", "奉贤区", "metadata")
    agencies = [(s, c) for t, s, c in found("区经委、区商务委和区建管委等单位作了表态发言。", jur) if t == "agency"]
    assert agencies[:3] == [("区经委", "奉贤区经济委员会"), ("区商务委", "奉贤区商务委员会"),
                            ("区建管委", "奉贤区建设和管理委员会")]
    # the verb 委托 after an abbreviation is no commission
    assert not [m for m in found("区经委托第三方机构开展评估。", jur) if m[1] == "区经委"]


# -- round 24: named deputies whose bare names recur; lists and appositions of names ---------------


def _deputies_of_document(sentences, jur=None):
    """The deputy mentions of consecutive sentences of one document, as the pipeline finds them."""
    finder, named, out = MentionFinder.from_lexicon(), {}, []
    for sentence in sentences:
        out.append([(m["surface"], m["canonical"]) for m in finder.find(sentence, jur, earlier={}, named=named)
                    if m["type"] == "deputy"])
    return out


def test_a_named_deputys_bare_name_recurs_later_in_the_document():
    got = _deputies_of_document([
        "在南岭镇代表联络站里，县人大代表祝海平正在接待前来反映问题的村民，祝海平一边听一边记录。",
        "经过祝海平多次协调，村口的排水沟终于疏通了。",
        "镇党委书记孔德明也到场了解情况。",
        "孔德明说，将全力支持代表履职。",
    ])
    assert ("县人大代表祝海平", "祝海平") in got[0] and ("祝海平", "祝海平") in got[0]
    assert got[1] == [("祝海平", "祝海平")]
    # an official mentioned beside the deputies is no deputy, and his name never recurs as one
    assert got[2] == [] and got[3] == [("代表", "人大代表")]


def test_a_recurring_name_that_is_a_common_word_or_inside_a_longer_name_is_none():
    got = _deputies_of_document([
        "区人大代表王芳表示，要把群众的事办好。",
        "王芳芳是社区的志愿者。",
        "群众的意见建议得到了认真办理。",
    ])
    assert ("王芳", "王芳") in got[0] or ("区人大代表王芳", "王芳") in got[0]
    assert got[1] == []  # (王芳 inside 王芳芳: another person)
    assert got[2] == []


def test_recurring_names_of_a_long_roster_are_all_found_longest_first():
    """Hundreds of deputies named in one document (a roster): each bare recurrence is found,
    whatever the number of names, and a three-character name wins over a two-character one
    that opens it (王建 and 王建华 both deputies: 王建华 is read)."""
    surnames, given = "赵钱孙李周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何", "春夏秋冬梅兰竹菊松柏"
    person = MentionFinder.from_lexicon().rules.person_name  # (some such strings are dictionary words)
    names = [n for n in (s + a + b for s in surnames for a in given for b in given if a != b) if person(n) == "name"][:240]
    assert len(names) == 240
    roster = [f"区人大代表{n}参加了视察。" for n in names]
    got = _deputies_of_document(roster + [f"{names[-1]}和{names[0]}作了发言。", "区人大代表王建参加了会议。",
                                          "区人大代表王建华参加了会议。", "王建华介绍了情况，王建也作了补充。"])
    assert got[len(names)] == [(names[-1], names[-1]), (names[0], names[0])]
    assert got[-1] == [("王建华", "王建华"), ("王建", "王建")]


def test_names_listed_before_a_named_deputys_daibiao():
    deputies = [(s, c) for t, s, c in found("测评中，周红梅、林小东代表的满意率最高。") if t == "deputy"]
    assert deputies == [("周红梅", "周红梅"), ("林小东代表", "林小东")]
    # a list of topics before 代表 names nobody
    assert not [m for m in found("教育、卫生代表建议办理情况") if m[2] in ("教育", "卫生")]


def test_a_two_character_name_before_daibiao_opens_a_clause_and_is_no_word():
    assert ("deputy", "王胜代表", "王胜") in found("2.王胜代表提出的建议已经办结。")
    assert ("deputy", "姚萍代表", "姚萍") in found("经梳理，姚萍代表提出的建议已办结。")
    for text in ("在代表之家设立风采栏，张贴代表照片。", "视察过程中代表提出了意见。", "区党代表、区人大代表一同参加。"):
        assert not [m for m in found(text) if m[0] == "deputy" and m[2] not in ("人大代表", "区人大代表")], text


def test_names_in_apposition_to_a_count_of_deputies_whose_term_ended():
    got = _deputies_of_document([
        "因工作调动离开本行政区域的代表2名，即平安县选举的赵立国、钱晓红；",
        "依照代表法规定，赵立国、钱晓红的某市第五届人民代表大会代表资格终止。",
    ])
    assert ("赵立国", "赵立国") in got[0] and ("钱晓红", "钱晓红") in got[0]
    assert ("赵立国", "赵立国") in got[1] and ("钱晓红", "钱晓红") in got[1]
    # topics in apposition are no names
    assert [c for s, c in _deputies_of_document(["代表3名，即农业、教育、卫生界。"])[0]] == ["人大代表"]


def test_daibiao_as_a_verb_before_butong_de_is_no_deputy():
    assert not [m for m in found("他们虽然代表不同的行业，但都是各自领域的骨干。") if m[0] == "deputy"]


def test_a_deputy_themed_demonstration_base_is_one_station():
    got = found("全县打造了“果业合作社平安县人大代表创业示范基地”等履职阵地。")
    assert ("station", "果业合作社平安县人大代表创业示范基地", "果业合作社平安县人大代表创业示范基地") in got
    assert not [m for m in got if m[0] == "deputy"]
    assert not [m for m in found("建设现代农业示范基地。") if m[0] == "station"]


def test_social_governance_centres_are_agencies_of_the_unit():
    jur = Jurisdiction("江宁区", "district", "江苏省", "南京市", "江宁区", "metadata")
    agencies = [(s, c) for t, s, c in found("江宁区社会治安综合治理中心与人大代表共同调处纠纷，区综治中心每周开放接待。"
                                            "目前综治中心已化解矛盾40余件。", jur) if t == "agency"]
    assert agencies == [("江宁区社会治安综合治理中心", "江宁区社会治安综合治理中心"),
                        ("区综治中心", "江宁区社会治安综合治理中心"),
                        ("综治中心", "江宁区社会治安综合治理中心")]


def test_short_street_office_and_abbreviated_construction_commission():
    jur = Jurisdiction("闵行区", "district", "上海市", "上海市", "闵行区", "metadata")
    agencies = [(s, c) for t, s, c in found("代表约请区建交委和江川街道办的负责人到现场会商。", jur) if t == "agency"]
    assert ("区建交委", "闵行区建设和交通委员会") in agencies
    assert ("江川街道办", "江川街道办事处") in agencies
    # 街道办理 is the street handling something (a verb), no office
    assert not [m for m in found("群众反映的问题已由江川街道办理完毕。", jur) if m[0] == "agency"]


def test_higher_level_departments_are_a_collective_agency():
    jur = Jurisdiction("江宁区", "district", "江苏省", "南京市", "江宁区", "metadata")
    assert ("agency", "上级部门", "上级部门") in found("代表把收集到的难题及时反映给上级部门。", jur)


def test_street_name_after_a_street_and_a_historic_site_are_no_government():
    jur = Jurisdiction("秦淮区", "district", "江苏省", "南京市", "秦淮区", "metadata")
    # 府 opens the next word (a street called 府前路): a street office has no government
    assert not [m for m in found("区人大代表、夫子庙街道府东社区书记王某参加活动。", jur) if m[0] == "agency"]
    # the former site of a provincial government is a monument, not the organ
    assert not [m for m in found("游客可参观省政府旧址和老城墙。", jur) if m[0] == "agency"]
    assert ("agency", "省政府", "江苏省人民政府") in found("省政府召开专题会议。", jur)


def test_deputies_entrepreneurship_base_in_a_firm_is_a_station():
    jur = Jurisdiction("南丰县", "district", "江西省", "抚州市", "南丰县", "metadata")
    stations = [s for t, s, c in found("几个乡镇还在果园里建起“蜜桔园南丰县人大代表创业示范基地”，供代表联系农户。", jur)
                if t == "station"]
    assert "蜜桔园南丰县人大代表创业示范基地" in stations
    # a base without a deputy word is no station
    assert not [m for m in found("全县建成农业科技示范基地3个。", jur) if m[0] == "station"]


def test_sub_district_office_named_by_its_place_is_one_agency():
    jur = Jurisdiction("某新区", "district", "河南省", "郑州市", "", "metadata")
    agencies = [(s, c) for t, s, c in found("据了解，石桥办事处共设两个代表联络站；石桥办事处党工委书记李某介绍了情况。", jur)
                if t == "agency"]
    assert ("石桥办事处", "石桥办事处") in agencies
    assert ("石桥办事处党工委", "石桥办事处党工委") in agencies
    # before the congress's working committee the office is no agency of its own
    assert not [m for m in found("希望石桥办事处人大工委发挥作用。", jur) if m[0] == "agency"]


def test_bare_data_bureau_is_the_units_department():
    jur = Jurisdiction("江宁区", "district", "江苏省", "南京市", "江宁区", "metadata")
    assert [s for t, s, c in found("联络站的数字平台由数据局负责维护。", jur) if t == "agency"] == ["数据局"]


# -- round 25: collective departments by level, abbreviations, the session, named deputies -------


def test_departments_counted_by_their_level_are_collective_agencies():
    got = found("县政府安排12个县属部门和3个市属部门的负责人参加代表座谈。", WANGJIANG)
    assert ("agency", "县属部门", "县属部门") in got and ("agency", "市属部门", "市属部门") in got


def test_the_taiwan_affairs_office_abbreviated():
    got = found("其中交县台办办理1件，县妇联办理2件。", WANGJIANG)
    assert ("agency", "县台办", "望江县台湾事务办公室") in got


def test_the_special_committees_abbreviated_and_not_those_of_the_consultative_conference():
    got = found("会议闭幕后，经各专委分析研究，确定了重点督办建议。", WANGJIANG)
    assert ("congress", "专委", "望江县人大专门委员会") in got
    # right after the congress: one body
    got = found("县人大常委会领导和县人大专委共同督办重点建议。", WANGJIANG)
    assert ("congress", "县人大专委", "望江县人大专门委员会") in got
    assert not [m for m in found("县政协各专委开展专题视察。", WANGJIANG) if m[0] == "congress"]


@pytest.mark.parametrize("text", [
    "其中包含大会期间转为建议处理的议案5件。",
    "连同大会期间收到的意见一并交有关机关办理。",
    "到大会规定的截止时间，共收到联名议案4件。",
])
def test_a_bare_session_after_a_preposition_is_the_congress(text):
    assert ("congress", "大会", "望江县人大") in found(text, WANGJIANG)


def test_a_celebration_is_no_session():
    assert not [m for m in found("全县表彰大会期间，各界群众踊跃参加。", WANGJIANG) if m[0] == "congress"]


def test_a_named_deputy_before_a_possessive_and_his_name_recurring():
    got = _deputies_of_document([
        "在青石镇的农机合作社里，县人大代表钱晓峰的履职公示牌挂在门口。",
        "钱晓峰是合作社的理事长，当选县人大代表后，经常走访农户。",
    ], WANGJIANG)
    assert ("县人大代表钱晓峰", "钱晓峰") in got[0]
    assert ("钱晓峰", "钱晓峰") in got[1]


def test_a_conjunction_after_the_deputies_opens_no_name():
    got = found("广泛听取县人大代表和群众的意见。", WANGJIANG)
    assert ("deputy", "县人大代表", "望江县人大代表") in got
    assert not [m for m in got if m[0] == "deputy" and m[2] != "望江县人大代表"]


def test_a_place_name_never_opens_inside_the_session_before_it():
    got = found("县人大常委会副主任周立新受委托向大会作县人大常委会关于代表建议办理情况的报告。", WANGJIANG)
    assert ("congress", "大会", "望江县人大") in got
    assert [m for m in got if m[1] == "县人大常委会"] == [("congress", "县人大常委会", "望江县人大常委会")] * 2
    assert not [m for m in got if m[1].startswith("会")]


def test_sections_and_centres_of_a_township_office_named_by_their_function():
    agencies = [(s, c) for t, s, c in found(
        "镇里召开协调会，综合办、规建科和城管科负责人到会，镇社会治理中心通报了进展。", QINGSHAN) if t == "agency"]
    assert agencies == [("综合办", "青山镇综合办"), ("规建科", "青山镇规建科"), ("城管科", "青山镇城管科"),
                        ("镇社会治理中心", "青山镇社会治理中心")]
    assert ("agency", "青山镇党政办") in [(t, c) for t, s, c in found("答复意见由党政办统一送达代表。", QINGSHAN)]
    # the staff of a centre still leave its name whole
    assert ("agency", "青山镇村镇建设服务中心") in [
        (t, c) for t, s, c in found("村镇建设服务中心工作人员到场。", QINGSHAN)]
    # traps: a verb, a science word, an office building and the central districts are no sections
    for text in ("城管办理占道经营投诉", "推动综合科学考察", "镇综合办公楼年底完工", "带动社会治理中心城区化"):
        assert not [m for m in found(text, QINGSHAN) if m[0] == "agency"], text


def test_stations_and_offices_of_a_township_together_and_an_urban_renewal_bureau():
    assert ("agency", "站办所", "站办所") in found("代表们评议了全乡9个站办所的工作", WANGJIANG)
    assert ("agency", "县城市更新局", "望江县城市更新局") in found("县城市更新局负责人列席会议", WANGJIANG)
    # trap: a new situation opened is no bureau
    assert not [m for m in found("代表工作开创新局面", WANGJIANG) if m[0] == "agency"]


@pytest.mark.parametrize("text", [
    "所需资金由县财政列支", "维修费用在镇财政列支",           # a fund source, no finance bureau
    "依据(望政府字〔2018〕7号)和(皖市府字〔2011〕20号)文件",  # a document number's series
    "锦江中央花园小区业主反映停车难",                        # an estate's name
])
def test_fund_sources_document_numbers_and_estate_names_are_no_agencies(text):
    got = [m for m in found(text, WANGJIANG) if m[0] == "agency" and m[1] in ("县财政", "镇财政", "市府", "中央")]
    assert got == []


def test_the_finance_bureau_and_the_government_written_short_are_still_agencies():
    assert ("agency", "县财政") in [m[:2] for m in found("县财政安排专人对接代表", WANGJIANG)]
    assert ("agency", "县府") in [m[:2] for m in found("县府领导到站听取意见", WANGJIANG)]


def _deputy_names(text, jur=WANGJIANG):
    return [(s, c) for t, s, c in found(text, jur) if t == "deputy"]


def test_a_person_introduced_by_a_post_in_apposition_to_a_deputy_is_a_named_deputy():
    # a post between the deputy mention and the name (docs/codebook.md §3.1)
    assert ("周海涛", "周海涛") in _deputy_names("平安县人大代表、青山镇党委书记周海涛说：这项工作很重要。")
    assert ("林晓", "林晓") in _deputy_names("选民向述职代表、河口镇镇长林晓提问。")
    # a post before the name and an election word: the person became a deputy
    assert ("孙丽华", "孙丽华") in _deputy_names("村会计孙丽华当选代表以来，积极履职。")
    # traps: a post followed by no name, a name with no deputy before it
    assert _deputy_names("区人大代表、区教育局局长高度重视此事。") == [("区人大代表", "望江县人大代表")]
    assert all(c.endswith("代表") for _, c in _deputy_names("青山镇党委书记周海涛说，人大代表要履职。"))


@pytest.mark.parametrize("text, name", [
    # an employer and a post between the deputy mention and the name, a verb after it
    ("北湖区人大代表、市第二人民医院党委书记钱文涛作为医疗队领队，赴外地支援。", "钱文涛"),
    ("县人大代表、某县人大常委会委员吴立成出资6万元修缮村道。", "吴立成"),
    ("延河州人大代表、某市应急救援队队长韩冬迅速带领队员赶到现场。", "韩冬"),
    ("某纺织集团股份有限公司董事长、市人大代表、县工商联主席郑国庆要求各厂做好防护。", None),
    # a deputy mention opening the clause, then a comma and chained posts
    ("疫情发生后，安徽省人大代表，某区总商会会长、长丰集团党委书记杜海明在得知消息后捐赠了物资。", "杜海明"),
    ("某公司总经理蒋国平先生、省人大代表、某商会会长沈卫东先生向学校捐款。", "沈卫东"),
])
def test_a_name_after_an_employer_and_a_post_in_apposition_to_a_deputy(text, name):
    names = [c for s, c in _deputy_names(text) if not c.endswith("代表")]
    if name is None:
        assert names == ["郑国庆"]
    else:
        assert name in names


@pytest.mark.parametrize("text", [
    # traps: a comma after a deputy mention inside a clause, a post with no name after it
    "会上听取了市人大代表，镇党委书记王强随后作了发言。",
    "省人大代表，某公司董事长高度重视这项工作。",
    "区人大代表、某医院党委书记积极响应号召。",
    "该平台汇聚人大代表、政协委员专业能力优势，化解基层矛盾。",  # 委员 alone is no post before a name
])
def test_no_name_after_a_post_without_an_opening_deputy_or_a_closed_name(text):
    names = [c for s, c in _deputy_names(text) if not c.endswith("代表")]
    assert names == []


@pytest.mark.parametrize("text", [
    "市人大代表、某区人民医院党委书记田立新带队支援。",
    "某科技有限公司党委组织员工捐款，县委对此表示感谢。",
    "某中学党委、某商会党委联合开展活动。",
])
def test_the_party_committee_of_an_enterprise_hospital_or_school_is_no_agency(text):
    agencies = [s for t, s, _ in found(text, WANGJIANG) if t == "agency"]
    assert "党委" not in agencies


def test_a_township_party_committee_stays_an_agency():
    assert ("agency", "镇党委") in [m[:2] for m in found("镇党委高度重视代表建议的办理。", WANGJIANG)]
    assert ("agency", "党委") in [m[:2] for m in found("在党委领导下，人大依法履职。", WANGJIANG)]


def test_a_name_before_an_election_to_a_deputy_or_after_its_clause_of_time_is_a_named_deputy():
    assert ("邓春林", "邓春林") in _deputy_names("2019年，邓春林当选平江县第十七届人大代表，积极履职。")
    assert ("欧阳明", "欧阳明") in _deputy_names("自当选岳阳市人大代表以来，欧阳明把收集民意作为头等大事。")
    # traps: a pronoun after the clause of time, a time word before the election word
    assert all(c.endswith("代表") for _, c in _deputy_names("当选岳阳市人大代表以来，他把群众的事当作自己的事。"))
    assert all(c.endswith("代表") for _, c in _deputy_names("今年当选县人大代表的有12人。"))
    assert all(c.endswith("代表") for _, c in _deputy_names("他说，自2015年当选县人大代表以来，常年把选民的事放在心上。"))


def test_names_in_brackets_after_an_election_count_are_named_deputies():
    assert _deputy_names("其中：青山县补选2名（赵立新、钱文），河口县补选1名（孙大伟）。") == [
        ("赵立新", "赵立新"), ("钱文", "钱文"), ("孙大伟", "孙大伟")]
    assert _deputy_names("全县共选出5名(各级代表)。") == [("各级代表", "各级人大代表")]


def test_a_named_deputy_after_a_place_and_a_verb_of_manner():
    assert _deputy_names("龙泉人大代表吴建国用心服务群众。") == [("人大代表吴建国", "吴建国")]


def test_a_bare_plural_head_after_each_refers_back_to_a_station_named_before():
    finder = MentionFinder.from_lexicon()
    earlier: dict = {}
    first = finder.find("该街道共设立6个人大代表工作室。", WANGJIANG, earlier=earlier)
    finder.remember(first, earlier)
    later = finder.find("截至月底，各工作室共梳理群众诉求40余件。", WANGJIANG, earlier=earlier)
    assert [(m["surface"], m["canonical"]) for m in later if m["type"] == "station"] == [("工作室", "人大代表工作室")]
    # trap: with no station named before, 各工作室 is nobody's station
    assert [m for m in finder.find("各工作室要按时上报材料。", WANGJIANG, earlier={}) if m["type"] == "station"] == []


def test_central_and_joint_deputy_groups_are_deputy_groups():
    assert _deputy_names("青山街道人大代表中心组开展集中视察。") == [("青山街道人大代表中心组", "青山街道人大代表中心组")]
    assert _deputy_names("代表联组活动如期举行。") == [("代表联组", "代表联组")]


def test_grassroots_practice_stations_and_practice_bases_are_stations():
    got = found("望江县全过程人民民主实践基地昨日向市民开放。", WANGJIANG)
    assert [(s, c) for t, s, c in got if t == "station"] == [
        ("望江县全过程人民民主实践基地", "望江县全过程人民民主实践基地")]
    got = found("镇里把代表之家、立法联系点等全过程人民民主实践基地向居民敞开。", WANGJIANG)
    assert [s for t, s, _ in got if t == "station"] == ["代表之家", "立法联系点", "全过程人民民主实践基地"]
    got = found("全县用好基层实践站,每周开放两次。", WANGJIANG)
    assert [(s, c) for t, s, c in got if t == "station"] == [("基层实践站", "基层实践站")]
    assert [s for t, s, _ in found("在商圈设立基层实践点。", WANGJIANG) if t == "station"] == ["基层实践点"]


@pytest.mark.parametrize("text", ["开展新时代文明实践基地建设。", "村里建成了基层文明实践站。",
                                  "学校是劳动实践基地。"])
def test_practice_bases_and_stations_of_other_programmes_are_no_stations(text):
    assert [s for t, s, _ in found(text, WANGJIANG) if t == "station"] == []


def test_a_point_for_collecting_opinions_is_a_station_and_its_bare_head_refers_back():
    got = found("镇人大在侨联会驻镇服务点设立“侨胞民意收集点”。这个收集点每周开放。"
                "上月,一位侨胞在收集点反映了路灯问题。", WANGJIANG)
    assert [(t, s) for t, s, _ in got if t == "station"] == [
        ("station", "侨胞民意收集点"), ("station", "收集点"), ("station", "收集点")]
    got = found("各村建立代表民情收集点。", WANGJIANG)
    assert [s for t, s, _ in got if t == "station"] == ["代表民情收集点"]


@pytest.mark.parametrize("text", ["社区设了垃圾收集点。", "工人到收集点清运垃圾。",
                                  "协会在新区设立商户服务点。", "通信公司县城服务点开门营业。"])
def test_collection_points_and_service_points_of_other_bodies_are_no_stations(text):
    assert [s for t, s, _ in found(text, WANGJIANG) if t == "station"] == []


def test_a_service_point_with_a_deputy_word_stays_a_station():
    assert [s for t, s, _ in found("在商场设立人大代表联络服务点。", WANGJIANG) if t == "station"] == ["人大代表联络服务点"]
    assert [s for t, s, _ in found("东湖村代表服务点接待群众。", WANGJIANG) if t == "station"] == ["东湖村代表服务点"]


def _congress_in(finder, texts, jur=WANGJIANG):
    named: dict = {}
    return [[(m["surface"], m["canonical"]) for m in finder.find(t, jur, named=named, earlier={})
             if m["type"] == "congress"] for t in texts]


def test_a_bare_congress_word_before_an_agenda_word_is_the_sitting_once_one_is_named():
    finder = MentionFinder.from_lexicon()
    got = _congress_in(finder, ["望江县第十届人民代表大会第二次会议于上午开幕。",
                                "预备会议表决通过了大会议程，决定大会的表决方式为举手表决。",
                                "会议顺利完成了大会的各项议程。"])
    assert got[1] == [("大会", "望江县人大"), ("大会", "望江县人大")]
    assert got[2] == [("大会", "望江县人大")]
    # trap: no sitting named in the document, a rally's agenda is no congress
    assert _congress_in(finder, ["表彰大会的议程已经确定。", "会议表决了大会议程。"]) == [[], []]



def test_a_bare_congress_word_before_a_sittings_officers_and_procedures_is_the_sitting():
    finder = MentionFinder.from_lexicon()
    got = _congress_in(finder, ["望江县第十届人民代表大会第三次会议举行预备会议。",
                                "会议决定大会副秘书长人选,通过了大会选举办法。",
                                "要圆满完成大会选举任务,审议好大会各项报告。",
                                "大会收到建议215件,大会建议交办工作随即展开。",
                                "大会总监票人名单草案获得通过。"])
    assert got[1] == [("大会", "望江县人大")] * 2
    assert got[2] == [("大会", "望江县人大")] * 2
    assert got[3] == [("大会", "望江县人大")] * 2
    assert got[4] == [("大会", "望江县人大")]
    # trap: no sitting named in the document, a rally's secretary-general is no congress
    assert _congress_in(finder, ["运动大会秘书长致辞。", "庆祝大会选举了新的理事。"]) == [[], []]

def test_the_budget_committee_of_a_sitting_is_a_congress_organ():
    got = _congress_in(MentionFinder.from_lexicon(), ["会议通过了大会计划预算审查委员会组成人员名单。",
                                                      "计划预算审查委员会主任委员作审查报告。"])
    assert got == [[("大会计划预算审查委员会", "望江县人大计划预算审查委员会")],
                   [("计划预算审查委员会", "望江县人大计划预算审查委员会")]]


def test_a_party_committee_of_a_sitting_holds_no_congress_span():
    assert _congress_in(MentionFinder.from_lexicon(),
                        ["县委决定成立中共望江县第十届人民代表大会第二次会议临时党委。"]) == [[]]
    # trap: the sitting itself is still the congress
    assert _congress_in(MentionFinder.from_lexicon(), ["望江县第十届人民代表大会第二次会议闭幕。"]) \
        == [[("望江县第十届人民代表大会", "望江县人大")]]


def test_deputies_listed_in_a_field_line_of_a_motion_are_named_deputies():
    assert _deputy_names("领衔代表：郑海波") == [("领衔代表", "领衔代表"), ("郑海波", "郑海波")]
    assert _deputy_names("领衔人:韩立群、马晓东") == [("领衔人", "领衔代表"), ("韩立群", "韩立群"), ("马晓东", "马晓东")]
    # trap: the role with no colon and no name stays the role alone
    assert _deputy_names("领衔代表要跟踪办理进度。") == [("领衔代表", "领衔代表")]


def test_a_deputy_named_after_a_short_delegation_word():
    assert ("代表钱立华", "钱立华") in _deputy_names("会上，朝阳团代表钱立华、通州团代表孙明远先后发言。")
    assert ("代表孙明远", "孙明远") in _deputy_names("会上，朝阳团代表钱立华、通州团代表孙明远先后发言。")
    # trap: the Youth League's representative is no deputy
    assert _deputy_names("共青团代表周小川发言。") == []


def test_a_working_committee_named_with_a_joiner_or_after_a_set_of_congresses_is_one_span():
    assert [(s, c) for t, s, c in found("意见由县人大常委会选举任免与代表工委汇总。", WANGJIANG)
            if t == "congress"] == [("县人大常委会选举任免与代表工委", "望江县人大常委会选举任免与代表工委")]
    got = [(s, c) for t, s, c in found("市县人大人事代表选举工委的同志陪同调研。") if t == "congress"]
    assert got == [("市县人大人事代表选举工委", "各级人大人事代表选举工委")]
    assert not any(t == "deputy" for t, s, c in found("市县人大人事代表选举工委的同志陪同调研。"))
    # trap: a meeting of the chairpersons of a set of committees is no organ of one of them
    assert [s for t, s, c in found("县市区人大常委会主任会议召开。") if t == "congress"] == ["县市区人大常委会"]


def test_a_deputy_named_before_the_deputy_word_recurs_by_bare_name():
    finder = MentionFinder.from_lexicon()
    named: dict = {}
    finder.find("韩立群代表：", WANGJIANG, named=named, earlier={})
    later = finder.find("”韩立群说，她将继续履职。", WANGJIANG, named=named, earlier={})
    assert [(m["surface"], m["canonical"]) for m in later if m["type"] == "deputy"] == [("韩立群", "韩立群")]
    # trap: a name never introduced as a deputy stays out
    assert [m for m in finder.find("”马晓东说，他很满意。", WANGJIANG, named=named, earlier={}) if m["type"] == "deputy"] == []


def test_a_bare_congress_word_after_a_plenary_word_is_the_sitting_once_one_is_named():
    finder = MentionFinder.from_lexicon()
    got = _congress_in(finder, ["望江县第十届人民代表大会第二次会议圆满完成各项任务。",
                                "在闭幕大会上，代表们表决通过了各项决议。"])
    assert got[1] == [("大会", "望江县人大")]
    # trap: a closing rally of a festival in a document naming no sitting
    assert _congress_in(finder, ["艺术节闭幕大会在广场举行。"]) == [[]]


def test_a_sector_word_after_the_deputy_word_stays_inside_the_station():
    got = [(t, s) for t, s, c in found("区里在科技园设立了两个人大代表企业联系点。")]
    assert got == [("station", "人大代表企业联系点")]
    got = [(t, s) for t, s, c in found("在果蔬批发市场建成4个人大代表产业联络点。")]
    assert ("station", "人大代表产业联络点") in got and ("deputy", "人大代表") not in got
    assert [(t, s) for t, s, c in found("街道在写字楼设立代表楼宇联络点。")] == [("station", "代表楼宇联络点")]
    # trap: a sector word with no deputy word before it names a firm's own unit
    assert [s for t, s, c in found("公司推动企业工作站建设。") if t == "station"] == []


def test_each_level_of_a_platform_hierarchy_is_a_station():
    got = [s for t, s, c in found("全县建成“县级中心站—乡级联络站—村级联络点”三级网络。") if t == "station"]
    assert got == ["县级中心站", "乡级联络站", "村级联络点"]
    # trap: a weather or first-aid centre station is no deputies' platform
    assert [s for t, s, c in found("气象中心站昨天发布暴雨预警。") if t == "station"] == []


def test_a_room_of_another_use_is_no_station_unless_a_deputy_word_qualifies_it():
    assert [s for t, s, c in found("去年冬天，村里的多功能活动室落成。") if t == "station"] == []
    assert [s for t, s, c in found("社区新修了老年活动室和文化活动室。") if t == "station"] == []
    assert [s for t, s, c in found("村人大代表多功能活动室正式启用。") if t == "station"] == ["村人大代表多功能活动室"]


def test_a_bare_liaison_room_working_jointly_with_committees_is_the_office():
    got = [(t, s) for t, s, c in found("为办好代表建议，代表联络室会同各工作委员会开展了专题调研。")]
    assert ("congress", "代表联络室") in got and ("station", "代表联络室") not in got


def test_unlisted_departments_service_centres_and_long_bodies():
    # a bureau joining two portfolios with 和 is one span (nine characters before 局)
    assert ("agency", "怀远县发展改革和科学技术局", "怀远县发展改革和科学技术局") in found(
        "怀远县发展改革和科学技术局局长陈某介绍了项目进展", WANGJIANG)
    # a government's service centre after a place or a level
    assert ("agency", "县农技服务中心", "望江县农技服务中心") in found("代表随即联系县农技服务中心的专家", WANGJIANG)
    assert "杨柳镇防汛抗旱指挥部" in surfaces("企业负责人向杨柳镇防汛抗旱指挥部捐赠物资", WANGJIANG, "agency")
    # a township's 所 offices
    assert "镇财政所" in surfaces("镇财政所负责人就预算执行作了说明", WANGJIANG, "agency")
    assert "乡司法所" in surfaces("乡司法所和代表一起调解纠纷", WANGJIANG, "agency")
    # traps: service centres that are places for the public are no departments
    for text in ("代表在村党群服务中心接待群众", "社区养老服务中心投入使用", "镇便民服务中心窗口前排起长队"):
        assert not [s for s in surfaces(text, WANGJIANG, "agency") if s.endswith("服务中心")], text


def test_jieba_dictionary_read_without_importing_jieba_is_jiebas_file():
    """The dictionary read where the package lies is the file jieba itself opens."""
    import jieba

    from congress_lib.mentions import _jieba_dictionary

    with jieba.Tokenizer().get_dict_file() as fh:
        assert _jieba_dictionary() == fh.read()


# ------------------------------------------------------------- congress bodies (round 31)


def test_a_known_places_short_name_before_deputies_is_one_deputy_span():
    # 义乌 is the unit's own city written short: 义乌 + 人大代表 is deputies, not the congress 义乌人大
    assert found("2021年是义乌人大代表提交建议最多的一年", YIWU) == [("deputy", "义乌人大代表", "义乌市人大代表")]
    assert found("金牛人大代表走进社区听取意见", JINNIU)[0] == ("deputy", "金牛人大代表", "金牛区人大代表")
    # the congress itself and its standing committee keep their spans
    assert found("义乌人大常委会召开会议", YIWU) == [("congress", "义乌人大常委会", "义乌市人大常委会")]
    # trap: a bare 代表 after a short name is not widened (义乌代表团 stays as it was)
    assert ("deputy", "义乌人大代表", "义乌市人大代表") not in found("义乌代表团审议报告", YIWU)


def test_committees_of_a_congress_named_with_each_are_one_span():
    assert found("县人大各专门委员会负责同志列席会议", WANGJIANG) == [
        ("congress", "县人大各专门委员会", "望江县人大专门委员会")]
    assert surfaces("市人大各专(工)委要跟踪督办", WANGJIANG, "congress") == ["市人大各专(工)委"]
    assert surfaces("人大各工委要认真督促落实", WANGJIANG, "congress") == ["人大各工委"]
    assert surfaces("审议望江县第十届人大各专门委员会工作报告", WANGJIANG, "congress") == [
        "望江县第十届人大各专门委员会"]
    # traps: the committees of a political consultative conference are none
    assert surfaces("县政协各专门委员会负责人参加", WANGJIANG, "congress") == []


def test_a_care_for_the_young_committee_is_no_congress_working_committee():
    # 关工委 (关心下一代工作委员会) after a level word is no 工委 of the congress
    assert surfaces("她向镇关工委捐赠助学金3万元", QINGSHAN, "congress") == []
    assert surfaces("县关工委组织开展活动", WANGJIANG, "congress") == []
    # 相关工委, 有关工委 still name the congress's working committees
    assert surfaces("由代表工委牵头、相关工委对口督办", WANGJIANG, "congress") == ["代表工委", "工委"]


def test_a_bare_session_word_before_its_motions_news_or_rules_once_a_sitting_is_named():
    text = "区九届人大四次会议进入第二天议程。代表们审议了大会议案审查报告"
    assert surfaces(text, WANGJIANG, "congress") == ["区九届人大", "大会"]
    text = "县十届人大二次会议开幕前,主席团会议决定了大会新闻发言人,并按照大会关于议案的办法处理"
    assert surfaces(text, WANGJIANG, "congress").count("大会") == 2
    # trap: with no sitting named, a 大会 before 议案 is no session (表彰大会议案 …)
    assert surfaces("表彰大会议案征集工作启动", WANGJIANG, "congress") == []


def test_a_streets_deliberative_assembly_is_a_congress_body():
    assert found("城东街道第三届议政代表会第二次会议开幕", QINGSHAN)[0][:2] == (
        "congress", "城东街道第三届议政代表会")
    assert surfaces("依托议政代表会推进民生实事项目", QINGSHAN, "congress") == ["议政代表会"]


def test_a_quoted_count_of_kinds_closing_on_a_platform_is_one_collective_station():
    # rooms of the deputies named before, then a count of two kinds of room and a platform
    first, second = _stations_in_unit([
        "县人大常委会在各乡镇建起“代表工作室”,在村里建起“代表联络室”。",
        "全县推进“两室一平台”建设,为代表履职提供阵地。",
    ])
    assert second == [("两室一平台", "两室一平台")]
    # two kinds of station and a network
    assert _stations_in_unit(["市里建成代表联络站80个。", "全面推进“两站一网”建设。"])[1] == [
        ("两站一网", "两站一网")]
    # no station of a counted kind named before: a programme, no station
    assert _stations_in_unit(["省里部署“两室一平台”建设。"]) == [[]]
    # a count that names a method is none, with or without 的 before the method word
    for text in ("工业园区代表联络站实行“一站三点”的模式。", "工业园区代表联络站实行“一站三点”模式。"):
        assert "一站三点" not in [s for s, _ in _stations_in_unit([text])[0]]


def test_deputies_deliberation_stations_and_people_s_deputies_homes_are_stations():
    assert surfaces("各村设立代表议事站和议事亭,方便群众反映诉求。", type_="station")[:1] == ["代表议事站"]
    assert surfaces("全旗已建成人民代表之家56个。", type_="station") == ["人民代表之家"]
    # a deliberation station of villagers, with no deputy word, is no deputies' station
    assert surfaces("村民议事站每周开放一次。", type_="station") == []


def test_a_verb_before_a_deputy_word_stays_outside_the_station_span():
    # 交流 is a qualifier (代表交流站), but before 人大代表 it is the verb and the station its object
    got = find_mentions("邻县人大常委会来我县交流人大代表联络站建设经验。")
    assert [(m["surface"], m["canonical"]) for m in got if m["type"] == "station"] == [
        ("人大代表联络站", "人大代表联络站")]
    got = find_mentions("座谈会上,各乡镇交流人大代表之家运行情况。")
    assert [m["surface"] for m in got if m["type"] == "station"] == ["人大代表之家"]


# --------------------------------------------------------------------------- deputies, round 33
# Lists of names before a hedged count (等十几位), posts chained by 、 before
# a titled name, candidates at any stage of an election, and 代表 as a verb after an adverb.


def test_names_listed_before_a_hedged_count_are_named_deputies():
    got = [(m["surface"], m["canonical"]) for m in
           find_mentions("汤建华、孟晓燕等十几位人大代表捐赠了防疫物资。", WANGJIANG) if m["type"] == "deputy"]
    assert got == [("汤建华", "汤建华"), ("孟晓燕", "孟晓燕"), ("人大代表", "人大代表")]


@pytest.mark.parametrize("text, name", [
    ("县人大代表、村党支部书记钟国强带着村民修通了山路。", "钟国强"),
    ("乡人大代表、白沙溪河长邹玉兰的巡河日志写满了三本。", "邹玉兰"),
    ("省人大代表、省人大常委会委员、某日报社社长廖建明来到联络站。", "廖建明"),
    ("市人大代表、市人大常委会预算工委副主任熊立新以普通代表身份参加活动。", "熊立新"),
])
def test_a_name_after_chained_posts_of_a_deputy_is_a_named_deputy(text, name):
    names = [m["canonical"] for m in find_mentions(text, WANGJIANG) if m["type"] == "deputy"]
    assert name in names


def test_a_deputy_in_the_chain_opens_a_list_of_people_not_a_post():
    names = [m["canonical"] for m in find_mentions("市人大代表、县人大代表、政协委员等参加。", WANGJIANG)
             if m["type"] == "deputy"]
    assert all(n.endswith("人大代表") for n in names)


@pytest.mark.parametrize("text", [
    "确定了县人大代表正式候选人215名。",
    "他先后成为人大代表初步推荐人选和代表候选人。",
    "县人大代表正式候选人与选民见面。",
    "本页内容仅代表作者本人观点。",
    "每一名代表所代表的人口数应当大体相等。",
])
def test_candidates_and_the_verb_are_no_deputies(text):
    spans = [m["surface"] for m in find_mentions(text, WANGJIANG) if m["type"] == "deputy"]
    assert "人大代表" not in spans and "县人大代表" not in spans
    assert spans.count("代表") <= (1 if "一名代表" in text else 0)
    assert not [m for m in find_mentions(text, WANGJIANG) if m["type"] == "congress"]


@pytest.mark.parametrize("text, n", [
    ("今年当选的代表中,领导干部代表比例下降了两个百分点。", 2),
    ("全市38名市级领导干部代表带头进站接待选民。", 1),
    ("机关干部代表、村民代表列席了座谈会。", 0),  # representatives of the staff and the villagers
])
def test_leading_cadre_deputies_are_deputies(text, n):
    assert [s for t, s, _ in found(text, WANGJIANG) if t == "deputy"].count("代表") == n


@pytest.mark.parametrize("text, surface", [
    ("主管这件事的镇综治办负责人当场作了答复。", "镇综治办"),
    ("由乡综合治理办牵头,三个村配合排查。", "乡综合治理办"),
    ("街道文明办联合社区开展了志愿活动。", "街道文明办"),
    ("会议决定成立镇资产管理办,清理历年欠款。", "镇资产管理办"),
    ("区住建局、区金融办等单位负责同志参加了座谈。", "区金融办"),
    ("线索随即转给了该镇生态环境办核查。", "镇生态环境办"),
])
def test_short_task_offices_of_a_township_or_district_are_agencies(text, surface):
    spans = [m["surface"] for m in find_mentions(text, WANGJIANG) if m["type"] == "agency"]
    assert any(s.endswith(surface) for s in spans)


@pytest.mark.parametrize("text", [
    "2024-03-11 09:10 来源:中央广电总台某某频道 编辑:王某",
    "活动吸引了中央和国家级媒体二十余家前来采访。",
    "当天的新闻由中央人民广播电台播出。",
    "她个人出资登记了一家社会工作服务中心,为老人提供上门服务。",
    "团队随后注册了县青年社工服务中心。",
])
def test_media_and_registered_social_work_centres_are_no_agencies(text):
    assert not [m for m in find_mentions(text, WANGJIANG) if m["type"] == "agency"]


def test_the_centre_in_a_directive_stays_the_party_centre():
    spans = [m["canonical"] for m in find_mentions("代表们表示坚决落实中央部署。", WANGJIANG) if m["type"] == "agency"]
    assert spans == ["党中央"]


@pytest.mark.parametrize("text, surface", [
    ("在县政府及公安局、工商局的共同督办下,违建终于拆除。", "工商局"),
    ("区法院和公安局、粮食局联合开展了专项整治。", "粮食局"),
    ("代表把意见反映给乡公路站,乡政府及公路站随即派人查看。", "公路站"),
])
def test_a_bare_department_listed_after_a_state_organ_is_an_agency(text, surface):
    spans = [m["surface"] for m in find_mentions(text, WANGJIANG) if m["type"] == "agency"]
    assert surface in spans


@pytest.mark.parametrize("text", [
    "他和公路站的老站长是多年的朋友。",  # no organ before the conjunction
    "市场及公路站点附近新设了停车位。",
])
def test_a_bare_department_without_an_organ_before_it_needs_a_prefix(text):
    spans = [m["surface"] for m in find_mentions(text, WANGJIANG) if m["type"] == "agency"]
    assert "公路站" not in spans


@pytest.mark.parametrize("text, stations", [
    ("代表联络站延伸到产业一线:税务行业站一年化解纠纷30余起。", ["代表联络站", "税务行业站"]),
    ("邮政行业站组织代表走访快递网点。", ["邮政行业站"]),
    ("目前会计、医疗、教育等行业站已建成9个。", ["行业站"]),
    ("全县新建人大代表行业站5个。", ["人大代表行业站"]),
    ("各部门要提高行业站位,加强监管。", []),  # 站位: a standpoint, no station
])
def test_a_station_of_a_trade_is_a_station(text, stations):
    assert surfaces(text, WANGJIANG, "station") == stations


@pytest.mark.parametrize("text, stations", [
    ("代表们结合“议事厅”“田坎会”“板凳会”等形式听取意见。", ["议事厅"]),
    ("各联络站通过“树下议事”“代表约访”等人大“巡回民情议事厅”形式收集民意。", ["联络站", "巡回民情议事厅"]),
    ("社区要成为群众的“议事厅”。", []),  # a role after 的: a metaphor
    ("镇人大推出“贴心人接待室”活动,每月组织代表接待选民。", ["贴心人接待室"]),
])
def test_a_quoted_deliberation_venue_needs_no_setup_verb(text, stations):
    assert surfaces(text, WANGJIANG, "station") == stations


@pytest.mark.parametrize("text, stations", [
    ("县人大常委会推出“代表履职宝”App,选民可随时留言。", ["代表履职宝"]),
    ("市里上线“随手找人大”小程序。", ["随手找人大"]),
    ("打开“代表来了” APP即可留言。", ["代表来了"]),
    ("群众可以下载“智慧交通”App查询路况。", []),  # an app of another kind
    ("欢迎关注“清河人大”公众号。", []),  # a media account, no platform of contact
])
def test_a_quoted_app_of_the_deputies_is_a_station(text, stations):
    assert surfaces(text, WANGJIANG, "station") == stations


@pytest.mark.parametrize("text, stations", [
    ("街道按照“六有”要求,即有活动阵地、有标识标牌、有工作制度,推进代表联络站建设。", ["代表联络站"]),
    ("乡镇人大落实“五有”标准:有代表活动阵地,有学习资料,有台账。", []),
    ("街道为代表提供活动阵地、学习资料。", ["活动阵地"]),  # no checklist: the front itself
    ("代表有了活动阵地,群众有了说话的地方。", ["活动阵地"]),
])
def test_an_item_of_a_checklist_of_standards_is_no_station(text, stations):
    assert surfaces(text, WANGJIANG, "station") == stations


@pytest.mark.parametrize("text, app", [
    ("县人大常委会上线“代表通”App，群众可随时留言。", "代表通"),
    ("她把拍下的问题上传到“人大随手拍”小程序。", "人大随手拍"),
])
def test_a_quoted_app_of_the_deputies_is_a_station_not_a_deputy(text, app):
    got = found(text, WANGJIANG)
    assert ("station", app, app) in got
    assert not [s for t, s, _ in got if t == "deputy"]


def test_a_quoted_app_of_another_kind_is_no_station():
    got = found("代表们用“学习强国”App学习新思想。", WANGJIANG)
    assert not [s for t, s, _ in got if t == "station"]


def test_a_name_without_a_han_surname_after_a_post_is_a_named_deputy_and_recurs():
    finder = MentionFinder.from_lexicon()
    named: dict = {}
    text = ["入冬以来，旗人大代表、某苏木党委委员、嘎查达朝鲁门的电话就没停过。",
            "朝鲁门协调供暖部门为牧户检修了锅炉。",
            "朝鲁门表示，牧民的事再小也要办好。"]
    out = [[(m["type"], m["surface"]) for m in finder.find(t, WANGJIANG, named=named, earlier={})] for t in text]
    assert ("deputy", "朝鲁门") in out[0]
    assert ("deputy", "朝鲁门") in out[1] and ("deputy", "朝鲁门") in out[2]


@pytest.mark.parametrize("text", [
    "县人大代表、某村党支部书记高度重视，多方协调。",
    "市人大代表、某合作社理事长专业小组的成员都来了。",
    "镇人大代表、某村党支部书记钱立然得悉后，连夜赶到现场。",  # a Han name and a verb
])
def test_a_phrase_after_a_post_is_no_long_name(text):
    spans = [s for t, s, _ in found(text, WANGJIANG) if t == "deputy"]
    assert all(s.endswith("代表") for s in spans)


def test_a_han_name_before_zuowei_after_a_post_is_the_name_alone():
    # 作为 closes a Han name of three characters; no longer run is read as a name
    spans = [s for t, s, _ in found("镇人大代表、某村党委书记孙丽萍作为带头人，带领村民致富。", WANGJIANG)
             if t == "deputy"]
    assert spans == ["镇人大代表", "孙丽萍"]


def test_a_medium_word_after_the_deputy_word_stays_inside_the_platform():
    assert [(t, s) for t, s, c in found("乡人大开通了代表微信平台，方便村民留言。")
            if t == "station"] == [("station", "代表微信平台")]
    got = [(t, s) for t, s, c in found("镇里建成代表履职信息平台，群众可在线反映诉求。")]
    assert ("station", "代表履职信息平台") in got and ("deputy", "代表") not in got
    # traps: a medium word with no deputy word before it names no deputies' station
    assert [s for t, s, c in found("街道建有信息工作站和数字服务站。") if t == "station"] == []
    assert [s for t, s, c in found("公司开通微信平台发布招聘信息。") if t == "station"] == []


@pytest.mark.parametrize("text, name", [
    ("赵春梅，女，汉族，中共党员，现任某村党支部书记，县第十六届人大代表。", "赵春梅"),
    ("何振东，男，1971年生，某合作社理事长，市人大代表。", "何振东"),
    ("今年五十岁的村医。\n钱玉兰，女，大专学历，镇人大代表。", "钱玉兰"),
])
def test_a_profile_that_opens_with_the_name_introduces_a_named_deputy(text, name):
    assert (name, name) in _deputy_names(text)


@pytest.mark.parametrize("text", [
    "何振东，男，1971年生，某合作社理事长。",          # no deputy in the sentence: no deputy named
    "记者了解到，女，汉族，现任区人大代表。",            # a word, not a name, before the sex
    "他介绍，男女老少都来找人大代表反映问题。",          # 男 opens a word, not the sex in apposition
])
def test_no_profile_name_without_a_deputy_or_a_name_before_the_sex(text):
    assert [c for s, c in _deputy_names(text) if not c.endswith("代表")] == []


@pytest.mark.parametrize("text, name", [
    ("由市人大代表李红梅主持调解，双方达成协议。", "李红梅"),
    ("省人大代表王秀兰参与化解了这起纠纷。", "王秀兰"),
    ("县人大代表周建平牵头成立了合作社。", "周建平"),
])
def test_a_name_after_the_deputy_word_closed_by_a_verb_of_work(text, name):
    assert (f"{text[text.index('人大代表') - 1:text.index(name) + len(name)]}", name) in _deputy_names(text)


def test_a_quoted_deputy_venue_may_hold_a_level_or_a_name_and_its_short_name_refers_back():
    finder = MentionFinder.from_lexicon(None)
    earlier = {}
    first = finder.find("记者走进某县法院“全国人大代表周建平调解工作室”。", WANGJIANG, earlier=earlier)
    finder.remember(first, earlier)
    assert [(m["surface"], m["canonical"]) for m in first if m["type"] == "station"] == [
        ("全国人大代表周建平调解工作室", "全国人大代表周建平调解工作室")]
    later = finder.find("当天，“周建平调解工作室”又化解了一起纠纷。", WANGJIANG, earlier=earlier)
    assert [(m["surface"], m["canonical"]) for m in later if m["type"] == "station"] == [
        ("周建平调解工作室", "全国人大代表周建平调解工作室")]
    assert ("station", "王秀兰代表调解工作室") in [(t, s) for t, s, c in found("法院“王秀兰代表调解工作室”运行良好。")]
    # traps: a verb before the deputy word is a slogan; a person's studio with no deputy and
    # nothing named before is no deputies' station
    assert [s for t, s, c in found("全镇要“建好用好代表联络站”。") if t == "station"] == ["代表联络站"]
    assert [s for t, s, c in found("调解员来到“李玉芬工作室”值班。") if t == "station"] == []


def test_a_name_set_before_a_deputy_mention_or_after_a_column_bar_is_a_named_deputy():
    assert ("何长林", "何长林") in _deputy_names("他就是何长林，青禾乡第十七届人大代表。")
    assert ("林雪芬代表", "林雪芬") in _deputy_names("代表风采丨林雪芬代表：带领乡亲种茶致富")
    # traps: a verb before the comma, no name before a deputy mention that opens the sentence
    assert [c for s, c in _deputy_names("会议由镇长主持，市人大代表列席。") if not c.endswith("代表")] == []
    assert [c for s, c in _deputy_names("今年以来，县人大代表积极履职。") if not c.endswith("代表")] == []


def test_a_product_named_before_a_sector_word_stays_inside_the_contact_point():
    assert [(t, s) for t, s, c in found("镇里建成人大代表茶叶产业联络点，帮茶农解决难题。")] == [
        ("station", "人大代表茶叶产业联络点")]
    assert ("station", "人大代表新能源产业联系点") in [
        (t, s) for t, s, c in found("市人大代表新能源产业联系点举办专题座谈。")]
    # traps: a verb between the deputy word and the sector is a visit to a firm's own unit
    assert [s for t, s, c in found("代表调研企业工作站。") if t == "station"] == []
    assert [s for t, s, c in found("人大代表积极推动茶叶产业发展。") if t == "station"] == []


def _stations_after(first_text, later_text, jur):
    """The mentions of ``first_text`` and the (surface, canonical) of the stations of ``later_text``
    read after it in the same unit (the stations named before are remembered)."""
    finder = MentionFinder.from_lexicon(None)
    earlier = {}
    first = finder.find(first_text, jur, earlier=earlier)
    finder.remember(first, earlier)
    later = finder.find(later_text, jur, earlier=earlier)
    return first, [(m["surface"], m["canonical"]) for m in later if m["type"] == "station"]


def test_quoted_pieces_joined_by_dashes_refer_back_each_to_its_station():
    _, later = _stations_after("街道建成代表之家1个、联络站5个、联系点25个。", "形成“家—站—点”网格履职模式。", WANGJIANG)
    assert later == [("家", "代表之家"), ("站", "联络站"), ("点", "联系点")]


@pytest.mark.parametrize("text", ["她联系村里的能人大户，一起办合作社。", "感谢社会各界个人大力支持。", "社区开办了老人大学。"])
def test_ren_da_across_two_words_is_no_congress(text):
    assert [s for t, s, c in found(text) if t == "congress"] == []


@pytest.mark.parametrize("text, body", [
    ("县人大学习贯彻会议精神。", "县人大"),           # a level word before 人大
    ("全国人大多次开展执法检查。", "全国人大"),
    ("乡人大力推民生实事。", "乡人大"),
    ("坚持为代表寄发人大学习材料。", "人大"),  # 发人 is no word for a person
])
def test_ren_da_after_a_level_word_or_a_verb_stays_a_congress_before_a_straddled_word(text, body):
    assert body in [s for t, s, c in found(text) if t == "congress"]


def test_working_departments_are_a_collective_agency_or_the_congress_own():
    got = [(t, s) for t, s, c in found("今年县政府及其工作部门共承办代表建议88件。")]
    assert ("agency", "工作部门") in got
    assert ("congress", "县人大常委会工作部门") in [(t, s) for t, s, c in found("县人大常委会工作部门负责人列席。")]


def test_special_committees_by_their_short_names_are_congress_bodies():
    assert ("congress", "财经委") in [(t, s) for t, s, c in found("会议听取了财经委关于预算审查情况的报告。")]
    assert ("congress", "社会委") in [(t, s) for t, s, c in found("市人大常委会社会委负责人列席会议。")]
    # trap: the committee of the political consultative conference
    assert [s for t, s, c in found("区政协社会委主任出席。") if t == "congress"] == []


def test_a_street_assembly_member_is_no_deputy():
    got = [(t, s) for t, s, c in found("街道30名人大代表和64名街道议政代表参加议政会。")]
    assert ("deputy", "人大代表") in got and ("deputy", "代表") not in got


def test_national_ministries_and_the_supreme_court_are_national_organs():
    got = [(t, s, c) for t, s, c in found("会上，水利部、国家发展改革委和最高法的负责同志答复了代表的询问。")]
    assert ("agency", "水利部", "水利部") in got
    assert ("agency", "国家发展改革委", "国家发展和改革委员会") in got
    assert ("agency", "最高法", "最高人民法院") in got
    levels = {m["surface"]: m["level"] for m in find_mentions("财政部和最高人民检察院回复了建议。")}
    assert levels == {"财政部": "national", "最高人民检察院": "national"}
    # traps: a sector's departments, an armed force, a plan, a minister
    for text in ("县水利部门派人到现场。", "公安部队官兵参与救援。", "教育部署会议召开。", "财政部长出席。"):
        assert [s for t, s, c in found(text) if t == "agency" and s.endswith("部")] == [], text


@pytest.mark.parametrize("text, name", [
    ("阿依古丽·买买提等6名代表联名提出建议。", "阿依古丽·买买提"),
    ("会上，热合曼·吐尔逊代表介绍了村里的变化。", "热合曼·吐尔逊代表"),
    ("自治区人大代表古丽娜·艾山表示，要把好事办实。", "自治区人大代表古丽娜·艾山"),
])
def test_a_name_in_parts_joined_by_a_middle_dot_is_a_named_deputy(text, name):
    assert name in [s for s, c in _deputy_names(text)]


def test_a_name_in_parts_outside_a_deputy_context_or_a_slogan_in_parts_is_no_deputy():
    assert [s for s, c in _deputy_names("他在读卡尔·马克思的著作，人大代表也来了。") if "·" in s] == []
    # a quoted slogan in parts after the deputy word is no name
    assert _deputy_names("街道开展“代表有约·共话新风”主题活动。") == [("代表", "人大代表")]


def test_a_spokesman_set_in_apposition_to_a_deputy_is_a_named_deputy():
    got = _deputy_names("全国人大代表、某某代表团新闻发言人周晓东在发布会上说，代表们共提出建议90件。")
    assert ("周晓东", "周晓东") in got
    # trap: a post with a name but no deputy mention in apposition
    assert [s for s, c in _deputy_names("市长王一鸣出席会议，市人大代表参加。") if s == "王一鸣"] == []


def test_a_demonstrative_before_the_station_head_refers_back():
    first, later = _stations_after("青山镇人大代表联络站去年挂牌。", "该站每周三安排代表接待群众。", QINGSHAN)
    assert later == [("站", first[0]["canonical"])]
    # traps: a bus stop with no station named before; the station's head (站长)
    assert [s for t, s, c in found("公交车在该站停靠两分钟。") if t == "station"] == []
    assert [s for t, s, c in found("某某人大代表联络站成立后，该站长每天值班。") if t == "station" and s == "站"] == []


def test_departments_listed_after_a_prefixed_department_are_departments():
    got = [(t, s) for t, s, c in found("区交委、工信委、医保局等单位答复代表建议时上门沟通。")]
    assert [s for t, s in got if t == "agency"] == ["区交委", "工信委", "医保局"]
    # trap: without an organ before it, an unlisted bureau stays unread
    assert [s for t, s, c in found("他在金融局门口等候。") if t == "agency"] == []


def test_all_the_deputies_of_a_delegation_are_deputies():
    assert [(t, s) for t, s, c in found("大会期间，全团代表认真审议各项报告。") if t == "deputy"] == [("deputy", "代表")]
    # trap: a delegate of the Youth League
    assert [s for t, s, c in found("共青团代表参加会议。") if t == "deputy"] == []


@pytest.mark.parametrize("text, name", [
    ("某区人大代表、区人大常委会教科文卫工委主任贾明到会听取意见。", "贾明"),
    ("县人大代表、镇人大主席周立群举着小旗站在校门口。", "周立群"),
])
def test_a_name_after_a_post_closed_by_a_verb_of_presence(text, name):
    assert (name, name) in _deputy_names(text)
