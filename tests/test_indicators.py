"""Tests for congress_lib.indicators: quantities → codebook indicator codes.

Sentences marked "seed" come from the bundled reports, with the codes of the gold
annotations; the others are written in the style of reports from other provinces
(some in traditional characters).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congress_lib.errors import InvalidArgumentError, LexiconError
from congress_lib.indicators import (
    INDICATOR_CODES,
    IndicatorClassifier,
    classify,
    extract_indicators,
)
from congress_lib.quantities import QuantityFinder, find_quantities
from congress_lib.resources import load_lexicon


def codes(sentence: str) -> list[tuple[str, float, str]]:
    return [(d["indicator"], d["value"], d["unit"]) for d in extract_indicators(sentence)]


def test_indicator_codes_are_the_codebook_table():
    assert INDICATOR_CODES == (
        "proposals_received", "proposals_resolved", "completion_rate", "satisfaction_rate",
        "stations", "deputies", "deputy_groups", "constituent_contacts", "deputy_participation",
        "activities", "opinions_collected", "issues_resolved", "review_opinions", "cases",
        "funding", "projects", "publications", "awards", "admin_context", "other",
    )  # fmt: skip


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (  # seed
            "区人大十二届二次会议交办110件建议持续有力推进办理",
            [("proposals_received", 110, "件")],
        ),
        (  # seed
            "十届人大期间收到的420件代表建议已全部办结",
            [("proposals_received", 420, "件")],
        ),
        (  # seed
            "截止2023年5月31日,共收集市、区、镇三级人大代表社情民意和群众诉求4530条,办结4236条,办结率93.5%",
            [("opinions_collected", 4530, "条"), ("issues_resolved", 4236, "条"), ("completion_rate", 93.5, "%")],
        ),
        (  # seed
            "对首轮督办协调会上代表“基本满意”“不满意”的9件建议交由承办单位重新办理,经过两轮督办、测评,代表满意率达99%",
            [("proposals_received", 9, "件"), ("activities", 2, "轮"), ("satisfaction_rate", 99, "%")],
        ),
        (  # seed
            "去年组织了800余人次人大代表依托活动室(站)开展联系群众活动,接访群众1700余人次,推动解决群众困难或问题534件",
            [
                ("deputy_participation", 800, "人次"),
                ("constituent_contacts", 1700, "人次"),
                ("issues_resolved", 534, "件"),
            ],
        ),
        (  # seed
            "一年来,精心组织代表小组开展调研视察53次、工作督查46次",
            [("activities", 53, "次"), ("activities", 46, "次")],
        ),
        (  # seed
            "总面积141.7平方千米,2022年常住人口56.1万,下辖渠沟镇、任圩等八个街道及相山经济开发区",
            [("admin_context", 141.7, "平方千米"), ("admin_context", 561000, "人"), ("admin_context", 8, "个")],
        ),
        (  # seed
            "截至目前,集美法院共向7名人大代表委派案件128件,调解成功66件",
            [("deputies", 7, "名"), ("cases", 128, "件"), ("cases", 66, "件")],
        ),
        (  # seed
            "危桥改造项目投资300万,工程主要内容包括吕庄桥等七座桥梁的拆除重建、维修",
            [("funding", 3_000_000, "元"), ("other", 7, "座")],
        ),
        (  # seed
            "本届共评选出优秀代表20人、优秀建议20件,通过树立典型,有效激发代表履职热情",
            [("awards", 20, "人"), ("awards", 20, "件")],
        ),
        (  # seed
            "提出了完善平台建设、优化营商环境等审议意见9条,督促区政府对标国际国内先进城区",
            [("review_opinions", 9, "条")],
        ),
        (  # seed: a shared head noun (6 community stations and 1 medical one)
            "辖区6个社区和1个医疗行业人大代表联系群众活动站,新挂牌成立7个“人大代表调解室”",
            [("stations", 6, "个"), ("stations", 1, "个"), ("stations", 7, "个")],
        ),
        (  # seed: the head of a noun phrase is its last noun; 3—5名 is a norm per station (§2.1: a rule)
            "在社区层面,建立84个社区级人大代表联络站(按照每个社区联络站服务3—5名人大代表设立)",
            [("stations", 84, "个")],
        ),
        (  # seed
            "将所辖的73名市级人大代表划分为四个代表小组",
            [("deputies", 73, "名"), ("deputy_groups", 4, "个")],
        ),
        (  # seed
            "驻区各级人大代表累计走访接待选民1082人次,开展各类视察调研98次,为民办实事223件次",
            [("constituent_contacts", 1082, "人次"), ("activities", 98, "次"), ("issues_resolved", 223, "件次")],
        ),
        (  # seed
            "审查批准47项2019年度政府投资项目,累计投资56.4亿元",
            [("projects", 47, "项"), ("funding", 5.64e9, "元")],
        ),
        (  # seed: owners paying arrears is money, but not funding
            "引导60多户业主主动缴费47万余元,促进物业纠纷源头化解",
            [("other", 60, "户"), ("other", 470000, "元")],
        ),
        (  # seed
            "村(社区)“社情民意”示范点11个,创新打造琅岐菜篮子基地人大代表联系群众活动站",
            [("stations", 11, "个")],
        ),
        (  # seed: 一名 of a commended cadre, honour word after the number
            "常委会机关1名干部获评全省人大系统先进工作者",
            [("awards", 1, "名")],
        ),
        (  # seed: 篇 are publications even when awarded
            "我区选送的5篇论文获得省人大表彰,12篇论文获得市人大表彰",
            [("publications", 5, "篇"), ("publications", 12, "篇")],
        ),
        (  # seed
            "办结率、满意率均为100%",
            [("completion_rate", 100, "%")],
        ),
    ],
)
def test_seed_sentences(sentence, expected):
    assert codes(sentence) == [(c, pytest.approx(v), u) for c, v, u in expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年,思明区人大常委会强化专题询问的监督质效",  # seed
        "11月13日,同安区人大常委会组织组成人员、部分区人大代表开展集中视察",  # seed
        "去年5月,思明区十八届人大常委会第十三次会议听取了区政府关于企业国有资产管理情况的报告",  # seed
        "对于同安区十八届人大一次会议,今年来同安区人大常委会领导牵头",  # seed-like: sessions only
        "一是抓队伍,强管理",  # seed
        "增强“四个意识”,坚定“四个自信”,做到“两个维护”",  # seed
        "全面落实人大代表和代表小组“5+4”主题活动",  # seed
        "扎实推进市人大代表工作“2121”工程",  # seed
        "明确“一厅三室”的建设要求",  # seed
        "浏览次数:1691作者: 站点管理员   发布时间:2023-06-27",  # seed
        "版权所有:厦门市人大常委会  闽ICP备11010411号",  # seed
        "电话:0592-2891222  闽公网安备 35020302033169号",  # seed
        "持续跟踪督促地铁2号线东延线规划调整、报批提速",  # seed
        "每季度第一个月的20日,委托各街道工委组织驻区各级人大代表",  # seed
        "9年来,通过这一常态化的联系服务选民渠道,督促解决了一批群众关心关注的热点问题",  # seed
        "二、坚持以创新为主线,构建三个体系,做到服务代表有质量",  # seed: abstract count
        "完善代表履职承诺、履职考勤和述职评议三项机制",  # seed
        "会后,一位从事人大工作的干部有感而发",  # seed: article-like 一位
        "全面启用省三级人大代表履职网络服务平台",  # seed: levels are not counts
        "提出14个方面",  # seed fragment: aspects
        "下面我讲三点意见",  # seed
        "全面落实每名人大代表每月反映一条社情民意",  # seed: a quota with 一条
        "学前普惠学额覆盖率跃居全市第2名",  # seed
        "落实《关于加强代表工作的30条措施》",  # a number inside a cited title
        "2022年全区生产总值同比增长5.3%",  # a percentage without a rate word
    ],
)
def test_traps_give_no_indicator(sentence):
    assert extract_indicators(sentence) == []


def test_three_minutes_is_not_an_indicator_but_the_deputies_are():  # seed
    assert codes("16名市人大代表进行3分钟脱稿发言述职,并接受评议") == [("deputies", 16, "名")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("全县共建成代表联络站36个，实现乡镇全覆盖。", [("stations", 36, "个")]),
        ("一年来，共收集群众意见建议1,250条，交办相关部门办理。", [("opinions_collected", 1250, "条")]),
        ("全年组织代表走访选民约3000人次。", [("constituent_contacts", 3000, "人次")]),
        ("目前共有县人大代表二百一十五名。", [("deputies", 215, "名")]),
        ("县财政安排預算資金1.2億元，用於代表聯絡站建設。", [("funding", 1.2e8, "元")]),
        (
            "本屆人大代表共提出議案3件、建議156件，辦結率100%，滿意率98.7%。",
            [
                ("proposals_received", 3, "件"),
                ("proposals_received", 156, "件"),
                ("completion_rate", 100, "%"),
                ("satisfaction_rate", 98.7, "%"),
            ],
        ),
        (
            "全縣共有鄉鎮12個，行政村186個，常住人口約42.5萬。",
            [("admin_context", 12, "个"), ("admin_context", 186, "个"), ("admin_context", 425000, "人")],
        ),
        (
            "截至11月底，238件建议已办结236件，办结率99.2%。",
            [("proposals_received", 238, "件"), ("proposals_resolved", 236, "件"), ("completion_rate", 99.2, "%")],
        ),
        (
            "常委会共组织执法检查5次、专题调研12次，提出审议意见86条。",
            [("activities", 5, "次"), ("activities", 12, "次"), ("review_opinions", 86, "条")],
        ),
        ("依托“人大代表+调解员”工作室，成功调解矛盾纠纷230余起。", [("cases", 230, "起")]),
        ("组织全市各级人大代表2.3万余人次参加“代表活动月”活动。", [("deputy_participation", 23000, "人次")]),
        ("投入專項經費800萬元，建成代表之家15個、代表聯絡站120個。",
         [("funding", 8e6, "元"), ("stations", 15, "个"), ("stations", 120, "个")]),
        ("表彰优秀人大代表50名、优秀代表建议30件。", [("awards", 50, "名"), ("awards", 30, "件")]),
        ("编印《代表工作简报》24期，在省级以上媒体发表稿件56篇。",
         [("publications", 24, "期"), ("publications", 56, "篇")]),
        ("会议应到委员35人，实到31人，符合法定人数。", [("deputies", 35, "人"), ("deputies", 31, "人")]),
        ("各代表小组共开展活动420余场次，参与代表3800人次。",
         [("activities", 420, "场次"), ("deputy_participation", 3800, "人次")]),
        ("通过“人大代表接待日”活动，共接待来访群众800多人次，解决问题230多个。",
         [("constituent_contacts", 800, "人次"), ("issues_resolved", 230, "个")]),
        ("全区共划分代表小组45个，建成代表工作室12个。", [("deputy_groups", 45, "个"), ("stations", 12, "个")]),
        ("将92件代表建议分解交办给38个承办单位。", [("proposals_received", 92, "件"), ("other", 38, "个")]),
        ("该站共接待群众15批86人次，现场解决诉求21件。",
         [("constituent_contacts", 86, "人次"), ("issues_resolved", 21, "件")]),
        ("代表们共提出建议58个，推动12个问题整改落实。",
         [("proposals_received", 58, "个"), ("issues_resolved", 12, "个")]),
        ("全县16个乡镇建成代表之家16个。", [("admin_context", 16, "个"), ("stations", 16, "个")]),
    ],
)
def test_sentences_in_the_style_of_other_provinces(sentence, expected):
    assert codes(sentence) == [(c, pytest.approx(v), u) for c, v, u in expected]


def test_furniture_of_another_site_gives_nothing():
    text = "本站联系电话：0571-87654321，邮编：310000。浙ICP备05012345号-2 阅读次数：2,381"
    assert extract_indicators(text) == []


def test_extract_indicators_returns_the_documented_record():
    sentence = "仅新阳工业区便新投用近2000个停车位"  # seed
    (d,) = extract_indicators(sentence)
    assert d == {
        "indicator": "other",
        "value": 2000.0,
        "value_high": None,
        "unit": "个",
        "approx": True,
        "approx_kind": "nearly",
        "surface": "近2000个",
        "start": sentence.index("近2000个"),
        "end": sentence.index("近2000个") + len("近2000个"),
    }


def test_classify_is_one_code_per_quantity_in_input_order():
    sentence = "全年走进人大代表联系群众活动室(站)65人次,征集到代表和群众意见536条"  # seed
    qs = find_quantities(sentence)
    assert classify(sentence, qs) == ["deputy_participation", "opinions_collected"]
    assert classify(sentence, list(reversed(qs))) == ["opinions_collected", "deputy_participation"]
    assert [q.surface for q in qs] == ["65人次", "536条"]  # input list not mutated


def test_classify_rejects_quantities_of_another_sentence():
    qs = find_quantities("收集意见建议1250条")
    with pytest.raises(InvalidArgumentError, match="does not lie in the sentence"):
        classify("短句", qs)
    with pytest.raises(InvalidArgumentError, match="must be a str"):
        classify(None, [])  # type: ignore[arg-type]


def test_rule_codes_in_the_shipped_lexicon_are_codebook_codes():
    for rule in load_lexicon()["indicator_cues"]["rules"]:
        assert rule["code"] is None or rule["code"] in INDICATOR_CODES


def test_a_new_station_brand_is_a_lexicon_edit(tmp_path):
    sentence = "全区建成百姓议事坊15个"
    assert codes(sentence) == [("other", 15, "个")]
    (tmp_path / "indicator_cues.yaml").write_text("classes:\n  station: [百姓议事坊]\n", encoding="utf-8")
    lex = load_lexicon(tmp_path)
    assert [(d["indicator"], d["value"]) for d in extract_indicators(sentence, lex)] == [("stations", 15)]


def test_a_misspelt_rule_is_refused_with_a_clear_message(tmp_path):
    (tmp_path / "indicator_cues.yaml").write_text(
        "rules:\n  - {code: stations, units: [个], objects: [staton]}\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match=r"\['staton'\]"):
        extract_indicators("建成联络站5个", load_lexicon(tmp_path))


def test_pinyin_glosses_of_mirror_sites_are_read_past():
    # some mirror sites print pinyin after characters: 聯(lián)絡(luò)站
    sentence = "代表聯(lián)絡(luò)站累計接待選(xuǎn)民1,200人次，建成聯(lián)絡(luò)站18個"
    assert codes(sentence) == [("constituent_contacts", 1200, "人次"), ("stations", 18, "个")]


def test_a_comma_doubled_before_another_mark_is_read_past():
    # the same mirror sites print a stray comma before a mark (縣(xiàn),、鄉): the
    # enumeration comma still joins the levels before the deputies' noun
    assert codes("接访日当天，，9名縣(xiàn),、鄉(xiāng)兩級人大代表到场听取意见") == [("deputies", 9, "名")]
    assert codes("大会选举产生乡长1名,、副乡长2名") == [("other", 1, "名"), ("other", 2, "名")]
    # a lone comma between two counts still ends the clause
    assert codes("走访企业12家,接待群众80人次") == [("other", 12, "家"), ("constituent_contacts", 80, "人次")]


def test_two_kinds_of_people_each_with_its_own_count_are_counted_apart():
    # each count has its noun right after it: no mixed group (codebook 2.1), and neither
    # the officials' noun nor the deputies' is lent to the other count
    assert codes("会议邀请150名人大代表和40名列席人员") == [("deputies", 150, "名"), ("other", 40, "名")]
    assert codes("市政府全体组成人员、11名局长和260余名人大代表参加视察") == [
        ("other", 11, "名"), ("deputies", 260, "名"),
    ]
    # traps: one count for two kinds of people stays a mixed group, and officials
    # counted on their own stay other
    assert codes("18名代表和群众参加座谈") == [("other", 18, "名")]
    assert codes("会议选举产生乡长1名、副乡长2名及主席团成员") == [("other", 1, "名"), ("other", 2, "名")]


def test_percentage_points_are_not_rates():
    # a change in points against an earlier period is coded as changes are (codebook 2.1)
    assert codes("办结率同比提高3个百分点，达到98%") == [("other", 3, "百分点"), ("completion_rate", 98, "%")]


# --------------------------------------------------------------------------- out-of-sample
# Weaknesses found on reports from other provinces; every sentence below is written
# for these tests in the style of such reports (not copied from any page).


def test_article_one_is_a_count_when_coordinated_with_a_count():
    assert codes("會上一名市人大代表和九名鎮人大代表接待了選民") == [
        ("deputies", 1, "名"),
        ("deputies", 9, "名"),
    ]
    assert codes("一名县人大代表、三名乡人大代表参加了活动") == [("deputies", 1, "名"), ("deputies", 3, "名")]
    # traps: a lone article, and an article in another clause, stay articles
    assert codes("一名代表在会上发言") == []
    assert codes("一名代表说，全村有党员45名") == [("other", 45, "名")]


def test_a_long_list_keeps_the_verb_that_governs_its_count():
    sentence = "推动解决了道路破损、路灯不亮、排水不畅、垃圾清运不及时、停车难等群众急难愁盼问题26个"
    assert codes(sentence) == [("issues_resolved", 26, "个")]
    # trap: the wider reach stops at clause punctuation
    assert codes("推动解决了一批难题，道路破损、路灯不亮、排水不畅、停车难等问题还有26个") == [
        ("opinions_collected", 26, "个")
    ]


def test_answering_on_the_spot_resolves_an_issue():
    assert codes("活动中接待群众36人次，现场答复群众提出的问题11个") == [
        ("constituent_contacts", 36, "人次"),
        ("issues_resolved", 11, "个"),
    ]
    assert codes("當場答覆群眾問題9個") == [("issues_resolved", 9, "个")]
    assert codes("代表们当场回答了选民的5个问题") == [("issues_resolved", 5, "个")]
    # trap: questions merely raised are collected, not resolved
    assert codes("选民当场提出了5个问题") == [("opinions_collected", 5, "个")]


def test_problems_raised_right_after_the_verb_are_collected_even_near_a_word_of_solving():
    # 整改 (rectification) names the topic here, not what became of the problems
    assert codes("常委会组成人员围绕河道整改、垃圾分类等工作提出21个问题。") == [
        ("opinions_collected", 21, "个")
    ]
    # trap: problems the deputies pushed to solve, raised by others earlier, are resolved
    assert codes("推动解决选民提出的问题14个") == [("issues_resolved", 14, "个")]


def test_problems_and_suggestions_gathered_together_are_opinions():
    assert codes("代表们走进农贸市场，接待商户40余人，收集到问题和建议11件。") == [
        ("constituent_contacts", 40, "人"),
        ("opinions_collected", 11, "件"),
    ]
    # trap: deputies' proposals received stay proposals
    assert codes("共收到代表建议11件") == [("proposals_received", 11, "件")]


def test_suggestions_deputies_raise_at_a_session_are_proposals():
    assert codes("大会期间，代表们围绕乡村振兴提出意见建议共38条，已交镇政府研究办理。") == [
        ("proposals_received", 38, "条")
    ]
    assert codes("对县政府工作共提出96条意见建议，其中会议期间建议70件、闭会期间建议26件。") == [
        ("proposals_received", 96, "条"),
        ("proposals_received", 70, "件"),
        ("proposals_received", 26, "件"),
    ]
    # trap: opinions the deputies gathered from residents during a session stay opinions
    assert codes("会议期间，代表们收集群众意见建议25条。") == [("opinions_collected", 25, "条")]
    # trap: without a session, suggestions put forward in 条 stay opinions
    assert codes("代表们在走访中提出意见建议19条") == [("opinions_collected", 19, "条")]


def test_items_passed_on_stay_opinions_collected_not_solved():
    # items handed on are a part of what was gathered (a breakdown takes its total's code)
    assert codes("受理群众诉求40条，转交有关部门督促解决15条") == [
        ("opinions_collected", 40, "条"),
        ("opinions_collected", 15, "条"),
    ]
    assert codes("拟列入年度专题询问的问题8条") == [("opinions_collected", 8, "条")]
    # trap: problems the deputies helped solve are issues resolved
    assert codes("帮助群众解决实际困难问题12项") == [("issues_resolved", 12, "项")]
    # trap: proposals assigned (交办) remain proposals received
    assert codes("交办代表建议62件") == [("proposals_received", 62, "件")]


def test_proposals_counted_by_the_deputies_rating_are_handling_outcomes():
    sentence = "代表提出建议130件，经测评，对办理结果满意的有121件，基本满意的有9件"
    assert codes(sentence) == [
        ("proposals_received", 130, "件"),
        ("proposals_resolved", 121, "件"),
        ("proposals_resolved", 9, "件"),
    ]
    assert codes("對辦理結果滿意的有86件") == [("proposals_resolved", 86, "件")]
    # a rating class right before the number, with or without the noun after it
    assert codes("经代表测评，满意的288件，比较满意的17件，不满意的2件") == [
        ("proposals_resolved", 288, "件"), ("proposals_resolved", 17, "件"), ("proposals_resolved", 2, "件")]
    # ... but passed on again for handling, they are proposals assigned anew
    assert codes("代表不满意的3件建议交由承办单位重新办理") == [("proposals_received", 3, "件")]
    # traps: people rated satisfied are not proposals; a satisfaction survey is an activity;
    # a rate stays a rate; a share after a rating count is a share
    assert codes("表示满意的有45人") == [("other", 45, "人")]
    assert codes("开展满意度测评2次") == [("activities", 2, "次")]
    assert codes("满意的63件，占90%") == [("proposals_resolved", 63, "件"), ("other", 90, "%")]
    assert codes("代表满意率达97.2%") == [("satisfaction_rate", 97.2, "%")]


def test_voters_representatives_are_constituents_not_deputies():
    assert codes("代表与30余名群众代表面对面交流，收集意见12条") == [
        ("constituent_contacts", 30, "名"),
        ("opinions_collected", 12, "条"),
    ]
    assert codes("鎮人大代表與20名選民代表座談交流") == [("constituent_contacts", 20, "名")]
    # trap: deputies are still deputies
    assert codes("12名人大代表与选民交流") == [("deputies", 12, "名")]


def test_a_peoples_deputies_home_is_a_station():
    assert codes("建成镇级人大代表之家3个、村级代表联络站21个") == [
        ("stations", 3, "个"),
        ("stations", 21, "个"),
    ]
    assert codes("與會人員參觀了東城、西城兩個街道的人大代表之家") == [("stations", 2, "个")]


def test_a_range_with_doubled_hyphens_is_one_indicator():
    got = extract_indicators("每个代表小组选定一间30--40平方米的活动场所")
    assert [(d["indicator"], d["value"], d["value_high"], d["unit"]) for d in got] == [
        ("other", 30, 40, "平方米")
    ]


def test_cue_words_in_a_stretch_are_those_of_the_slice():
    from congress_lib.indicators import IndicatorClassifier

    fast = IndicatorClassifier.from_lexicon(load_lexicon())
    plain = IndicatorClassifier.from_lexicon(load_lexicon(), shortcuts=False)
    w = "全区人大代表联络站接待群众1700余人次，收集意见建议120条"
    for start in range(len(w)):
        for end in range(start, len(w) + 1):
            assert fast.cue_words(w, start, end) == plain.cue_words(w, start, end)
    # (the whole of the jurisdiction, 全区, is a cue word of its own: lexicon `whole_place`)
    assert [w[a:b] for a, b, _ in plain.cue_words(w)][:3] == ["全区", "人大代表", "联络站"]


# --------------------------------------------------------------------------- shortcuts

#: Clauses that exercise the windows, coordination, shares, titles and glosses.
CLAUSES = [
    "收集意见建议{n}条", "办结率{n}%", "满意率达{n}.5%", "同比提高{n}个百分点", "一名区人大代表", "和{n}名镇人大代表",
    "建成代表之家{n}个", "接待选民{n}余人次", "解决A、B、C等问题{n}项", "《{n}条措施》", "联(lián)系群众{n}人",
    "{n}个社区和", "{n}个“代表联络站”(点)", "会议应到委员{n}人", "实到{n}人", "一位干部", "一场审判", "投资{n}万",
    "区人民法院委派案件{n}件",
]


def _classified(sentences, classifier):
    finder = QuantityFinder.from_lexicon()
    out = []
    for s in sentences:
        qs = finder.find(s)
        out.append(classifier.classify(finder.fold(s), qs))
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(CLAUSES), st.integers(1, 120), st.sampled_from(["", "，", "、", "和", "；"])),
                max_size=25))
def test_shortcuts_classify_as_the_plain_definitions(parts):
    sentence = "".join(clause.format(n=n) + sep for clause, n, sep in parts)
    fast = IndicatorClassifier.from_lexicon()
    plain = IndicatorClassifier.from_lexicon(shortcuts=False)
    assert _classified([sentence], fast) == _classified([sentence], plain)


def test_shortcuts_classify_as_the_plain_definitions_in_the_corpus(corpus):
    sentences = list(corpus.sentences["text"])
    got = _classified(sentences, IndicatorClassifier.from_lexicon())
    assert got == _classified(sentences, IndicatorClassifier.from_lexicon(shortcuts=False))
    assert sum(code is not None for codes in got for code in codes) > 20


# --------------------------------------------------------------------------- docs/codebook.md §2.1
# Constructed sentences of the shapes §2.1 names; each must keep its code.


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the counted thing decides, before or after the number
        ("今年以来共开展专项视察15余次", [("activities", 15, "次")]),
        ("先后举办代表履职培训班4期", [("activities", 4, "期")]),
        ("常委会听取审议专项工作报告32项", [("activities", 32, "项")]),
        ("组织代表开展专题调研7次", [("activities", 7, "次")]),
        ("全年召开主任会议11次", [("activities", 11, "次")]),
        ("各镇新建9个代表联系群众工作室", [("stations", 9, "个")]),
        ("全县建起25座民意桥", [("stations", 25, "座")]),
        ("代表们帮助群众办成实事61件", [("issues_resolved", 61, "件")]),
        ("对来访群众当面答复反馈48件", [("issues_resolved", 48, "件")]),
        ("通过代表之家征集意见建议163条", [("opinions_collected", 163, "条")]),
        ("常委会梳理问题26项", [("opinions_collected", 26, "项")]),
        ("各联络站接待选民群众420余人次", [("constituent_contacts", 420, "人次")]),
        ("组织42名各级人大代表进站履职", [("deputies", 42, "名")]),
        ("常委会分成3个调研组", [("other", 3, "个")]),
        ("30余名居民群众参加了恳谈会", [("constituent_contacts", 30, "名")]),
        ("本次共接待来访群众8人次,收集民情信息6条", [("constituent_contacts", 8, "人次"), ("opinions_collected", 6, "条")]),
        # handling outcomes are proposals_resolved; a share of a counted group is other
        (
            "代表所提建议中已解决的37件,正在解决的21件,列入计划逐步解决的9件",
            [("proposals_resolved", 37, "件"), ("proposals_resolved", 21, "件"), ("proposals_resolved", 9, "件")],
        ),
        ("属于A类的14件,占33.3%", [("proposals_resolved", 14, "件"), ("other", 33.3, "%")]),
        ("B类建议19件,占建议总数的45.2%", [("proposals_resolved", 19, "件"), ("other", 45.2, "%")]),
        ("县政府受理县人大代表提出的意见建议共64件", [("proposals_received", 64, "件")]),
        # a class written in brackets after the count is the proposals' outcome
        ("此类建议共有41件(A类),占建议总数的68%", [("proposals_resolved", 41, "件"), ("other", 68, "%")]),
        # a verb of answering right after the count, the deputies its object: the items answered
        (
            "会后转交区政府办理的52件建议中,已有40件答复代表,其余12件仍在办理",
            [("proposals_received", 52, "件"), ("proposals_resolved", 40, "件"), ("proposals_resolved", 12, "件")],
        ),
        # ... but a count of deputies is still of deputies (trap)
        ("交办后答复代表23人", [("deputies", 23, "人")]),
        # the deputies' replies to a request for their opinion on the handling are rating forms
        (
            "各承办单位收回代表反馈征询意见64件,未反馈6件,满意60件",
            [("proposals_resolved", 64, "件"), ("proposals_resolved", 6, "件"), ("proposals_resolved", 60, "件")],
        ),
        # ... but opinions asked of the public are opinions collected (trap)
        ("向辖区居民征询意见45条", [("opinions_collected", 45, "条")]),
        ("区政府共受理的58件中,已办理完毕40件", [("proposals_received", 58, "件"), ("proposals_resolved", 40, "件")]),
        # named rates
        ("代表满意率为96.5%,参与率达88%", [("satisfaction_rate", 96.5, "%"), ("other", 88, "%")]),
        ("采纳率为81.2%", [("other", 81.2, "%")]),
        # breakdowns inherit
        (
            "全市建成代表联络站47个,其中镇级5个、村级42个",
            [("stations", 47, "个"), ("stations", 5, "个"), ("stations", 42, "个")],
        ),
        (
            "大会期间共收到代表建议86件,其中城乡建设方面22件,占25.6%",
            [("proposals_received", 86, "件"), ("proposals_received", 22, "件"), ("other", 25.6, "%")],
        ),
        (
            "交办代表建议105件,其中已办结98件,正在办理7件",
            [("proposals_received", 105, "件"), ("proposals_resolved", 98, "件"), ("proposals_resolved", 7, "件")],
        ),
        (
            "这些建议交由43家单位承办,其中主办单位17家",
            [("other", 43, "家"), ("other", 17, "家")],
        ),
        # only jurisdiction totals are admin_context
        ("全县辖11个乡镇", [("admin_context", 11, "个")]),
        ("该社区下辖9个小区", [("admin_context", 9, "个")]),
        ("全市共有街道24个。", [("admin_context", 24, "个")]),
        # places the deputies went into, inspected or appraised are where they worked: other
        ("代表们分组深入7个村开展蹲点调研。", [("other", 7, "个")]),
        ("人大主席团走进城西12个小区了解物业管理情况。", [("other", 12, "个")]),
        ("调研组先后在上坪、河口等5个行政村察看农田水利设施。", [("other", 5, "个")]),
        ("镇人大对辖区9个社区进行了民生实事专项评议。", [("other", 9, "个")]),
        # ... every place of a list the act is done to (对 shared along the list)
        ("常委会对城区8个居委会和3个村委会开展了集中评议。", [("other", 8, "个"), ("other", 3, "个")]),
        # a station's own reach is no jurisdiction total ...
        ("东城代表联络站辐射周边6个社区。", [("other", 6, "个")]),
        ("北片代表工作站下辖三个村委会。", [("other", 3, "个")]),
        # ... unless the whole jurisdiction is named
        ("各级代表之家已覆盖全县18个乡镇。", [("admin_context", 18, "个")]),
        # traps: where a policy is carried out, and a place's own subdivisions, stay context
        ("该项改革在7个镇推行实施。", [("admin_context", 7, "个")]),
        ("石桥镇下辖14个行政村。", [("admin_context", 14, "个")]),
        # electoral districts gone into are work; a place's own districts stay context
        ("代表们分别深入9个选区向选民述职。", [("other", 9, "个")]),
        ("全县72个选区依法选举产生县人大代表131名。", [("admin_context", 72, "个"), ("deputies", 131, "名")]),
        # laws and drafts are neither cases nor proposals
        ("常委会审议法规草案12件", [("other", 12, "件")]),
    ],
)
def test_conventions_of_the_codebook(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, first_rate",
    [
        ("今年办结率、满意率均达100%", "completion_rate"),
        ("办复率和满意率均为100%", "completion_rate"),
        ("满意率和办结率均为98%", "satisfaction_rate"),
    ],
)
def test_one_numeral_two_rates_is_coded_once_as_the_first_rate_named(sentence, first_rate):
    assert [c for c, _, _ in codes(sentence)] == [first_rate]


@pytest.mark.parametrize(
    "sentence",
    [
        "要求每名代表每年至少提一条建议",  # a rule
        "每名代表每年联系选民5户",  # a quota
        "代表每季度走访选民不少于12人次",  # a target
        "力争代表建议满意率达到95%以上",  # a target rate
        "牢固树立四个意识,坚决做到两个维护",  # slogans
        "印发《关于提升代表建议质量的18条措施》",  # a cited title
        "区人大十七届三次会议于2024年1月9日召开",  # session, date
        "第3区代表小组",  # ordinal
        "县人大常委会要求每个乡镇年内建成3个代表联络站",  # a requirement per unit
        "按照每个选区配备2名联络员的标准设立活动室",  # a norm per unit
        "条例的修改须经全体组成人员三分之二以上同意",  # the condition of a procedure
    ],
)
def test_targets_rules_slogans_titles_dates_and_ordinals_are_not_indicators(sentence):
    assert codes(sentence) == []


def test_a_requirement_word_in_another_clause_leaves_the_count_alone():
    assert codes("按照工作要求,全县建成代表联络站15个") == [("stations", 15, "个")]


def test_place_nouns_without_a_measure_word_are_counted():
    assert codes("代表联络站已覆盖全乡14村") == [("admin_context", 14, "村")]
    assert codes("累计走访选民600 余人次") == [("constituent_contacts", 600, "人次")]


# --------------------------------------------------------------------------- issue 15, round 2
# Families that failed on unseen reports. All sentences are constructed.


def passage(previous: str, sentence: str) -> list[tuple[str, float, str]]:
    return [(d["indicator"], d["value"], d["unit"]) for d in extract_indicators(sentence, previous=previous)]


@pytest.mark.parametrize(
    "previous, sentence, expected",
    [
        (  # categories in the next sentence break down the proposal total
            "县十七届人大三次会议共收到代表提出的建议94件。",
            "其中，城乡建设方面31件，教育卫生方面22件，农业农村方面17件。",
            [("proposals_received", 31, "件"), ("proposals_received", 22, "件"), ("proposals_received", 17, "件")],
        ),
        (  # a category label with nouns of places inside (农村) is still a label
            "大会期间代表共提出议案12件。",
            "这些议案中，乡村振兴类5件，交通水利类4件。",
            [("proposals_received", 5, "件"), ("proposals_received", 4, "件")],
        ),
        (  # the total restated with 中, then parts
            "本届代表共提交建议63件。",
            "63件中，交由县政府办理的51件，交由县法院办理的2件。",
            [("proposals_received", 63, "件"), ("proposals_received", 51, "件"), ("proposals_received", 2, "件")],
        ),
        (  # a breakdown in another unit of items (个)
            "截至闭幕，共收到建议、批评和意见86件。",
            "其中，农业和农村方面9个，城镇建设和管理40个，社会保障12个。",
            [("proposals_received", 9, "个"), ("proposals_received", 40, "个"), ("proposals_received", 12, "个")],
        ),
        (  # an outcome in the next clause-sentence keeps the proposals it counts
            "交办的代表建议中，已经解决的37件；",
            "正在解决或纳入计划逐步解决的25件。",
            [("proposals_resolved", 25, "件")],
        ),
        (  # trap: a sentence that does not open with 其中 does not inherit a total
            "全年共收到代表建议120件。",
            "走访选民450人次。",
            [("constituent_contacts", 450, "人次")],
        ),
    ],
)
def test_proposal_counts_across_sentences_and_categories(previous, sentence, expected):
    assert passage(previous, sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("共收到代表在会议期间提出的建议、批评和意见215件", [("proposals_received", 215, "件")]),
        ("镇人大代表提出的建议、意见和批评共有48件", [("proposals_received", 48, "件")]),
        ("大会秘书处将代表所提76件建议、批评、意见转交镇政府办理", [("proposals_received", 76, "件")]),
        ("本次会议收到代表提出的议案、建议、意见29件", [("proposals_received", 29, "件")]),
        (  # categories in the same sentence, joined by enumeration commas
            "代表所提建议中，涉及产业发展方面8件、城乡建设方面13件、民生保障方面11件",
            [("proposals_received", 8, "件"), ("proposals_received", 13, "件"), ("proposals_received", 11, "件")],
        ),
        (  # the number of signers a motion needs is no count
            "大会共收到代表10人以上联名提出的议案6件",
            [("proposals_received", 6, "件")],
        ),
    ],
)
def test_proposal_counts_with_the_verb_far_from_the_number(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("邀请15名居民议事代表参加恳谈会", [("other", 15, "名")]),
        ("6名旁听公民列席了本次常委会会议", [("other", 6, "名")]),
        ("街道64名议政代表参加议政会", [("other", 64, "名")]),  # a street assembly's members
        ("组织40名志愿者和12名网格员参与宣传", [("other", 40, "名"), ("other", 12, "名")]),
        ("街道工作人员8人参与了调研", [("other", 8, "人")]),
        ("召开面商会，相关部门负责人和领衔代表共14人参加", [("other", 14, "人")]),
        ("区交通局局长和领衔代表9人现场察看", [("other", 9, "人")]),
        ("联络站接待居民议事代表26人次", [("constituent_contacts", 26, "人次")]),
        # traps: deputies stay deputies
        ("组织28名市人大代表视察水库建设", [("deputies", 28, "名")]),
        ("15名人大代表与居民面对面交流", [("deputies", 15, "名")]),
        ("局领导带领11名代表察看现场", [("deputies", 11, "名")]),
    ],
)
def test_people_who_are_not_deputies(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("县政府出台了24条要求和措施", []),  # measures of a policy document: structure
        ("会议研究提出了9条具体措施", []),
        ("本次会议的代表建议涉及35个承办单位", [("other", 35, "个")]),
        ("这些建议共涉及承办单位19个", [("other", 19, "个")]),
        ("建议分别交由41家单位办理", [("other", 41, "家")]),
        ("新修村道宽5米、长800米", [("other", 5, "米"), ("other", 800, "米")]),  # §2 `other`
        # trap: questions and requests raised at an inquiry are still collected
        ("梳理出专题询问中的11个问题和要求", [("opinions_collected", 11, "个")]),
    ],
)
def test_measures_units_and_lengths(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("常委会会议形成审议意见7条，交县政府研究处理", [("review_opinions", 7, "条")]),
        ("围绕审议意见的落实，面向社会征集意见41条", [("opinions_collected", 41, "条")]),
        ("村民提出建议23条", [("opinions_collected", 23, "条")]),
        ("征集群众建议57条", [("opinions_collected", 57, "条")]),
        ("常委会对执法检查报告提出建议16条", [("review_opinions", 16, "条")]),
        ("年内办结代表建议44条", [("proposals_resolved", 44, "条")]),
        ("全年办结代表建议82件", [("proposals_resolved", 82, "件")]),
        ("帮助群众解决实际问题63个", [("issues_resolved", 63, "个")]),
    ],
)
def test_review_opinions_and_resolved_items_by_who_and_what(sentence, expected):
    assert codes(sentence) == expected


def test_the_carry_of_a_sentence_is_immutable_and_optional():
    cl = IndicatorClassifier.from_lexicon()
    fold = QuantityFinder.from_lexicon(load_lexicon()).fold
    first, second = "收到代表建议70件。", "其中，教育方面12件。"
    _, carry = cl.classify_in_passage(fold(first), find_quantities(first))
    qs = find_quantities(second)
    got, _ = cl.classify_in_passage(fold(second), qs, carry)
    assert got == ["proposals_received"]
    assert cl.classify_in_passage(fold(second), qs, carry)[0] == got  # the carry is not used up
    assert cl.classify_in_passage(fold(second), qs)[0] == cl.classify(fold(second), qs)
    plain = IndicatorClassifier.from_lexicon(shortcuts=False)
    _, plain_carry = plain.classify_in_passage(fold(first), find_quantities(first))
    assert plain.classify_in_passage(fold(second), qs, plain_carry)[0] == got


# --- round 3: families of phrasing from out-of-sample reports (sentences our own) ---


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # platforms under other names: activity centres, duty platforms, "home-room-station"
        ("全县在各镇建立27个人大代表活动中心、41个人大代表工作站。",
         [("stations", 27.0, "个"), ("stations", 41.0, "个")]),
        ("目前全市共有各类履职平台58个。", [("stations", 58.0, "个")]),
        ("全州共建成代表“家室站”812个。", [("stations", 812.0, "个")]),
        ("3000多个代表“家室站”遍布城乡。", [("stations", 3000.0, "个")]),
        # a station noun before 同步 (同步 is no abstraction)
        ("全区9个中心联络站和31个村(居)联络站同步开放。",
         [("stations", 9.0, "个"), ("stations", 31.0, "个")]),
        # station staff are not deputies
        ("每站配站长、副站长各1名,联络员2名。", [("other", 1.0, "名"), ("other", 2.0, "名")]),
        # deputies called the people's spokespeople
        ("全省4万多名群众“代言人”活跃在基层。", [("deputies", 40000.0, "名")]),
        # places of the jurisdiction: prefecture-level cities, grassroots units
        ("实现9个设区的市全覆盖。", [("admin_context", 9.0, "个")]),
        ("联络站覆盖全县312个基层组织。", [("admin_context", 312.0, "个")]),
        # suggestions on a draft gathered from the public are opinions collected
        ("共收到对条例草案的修改建议386条。", [("opinions_collected", 386.0, "条")]),
    ],
)  # fmt: skip
def test_platforms_people_and_places_under_other_names(sentence, expected):
    assert codes(sentence) == expected


def chain(*sentences: str) -> list[list[tuple[str, float, str]]]:
    """The codes of each sentence of a passage, read in order."""
    lex = load_lexicon()
    classifier = IndicatorClassifier.from_lexicon(lex)
    fold = QuantityFinder.from_lexicon(lex).fold
    carry, out = None, []
    for s in sentences:
        qs = find_quantities(s, lex)
        got, carry = classifier.classify_in_passage(fold(s), qs, carry)
        out.append([(c, q.value, q.unit) for q, c in zip(qs, got) if c is not None])
    return out


def test_proposal_outcomes_listed_sentence_by_sentence():
    assert chain(
        "经统计，代表建议所提问题已经解决的有52件，占总数的47%；",
        "列入计划逐步解决的有39件，占35%；",
        "因政策限制暂时无法解决或留作参考的有6件。",
    ) == [
        [("proposals_resolved", 52, "件"), ("other", 47, "%")],
        [("proposals_resolved", 39, "件"), ("other", 35, "%")],
        [("proposals_resolved", 6, "件")],
    ]


def test_a_target_word_inside_a_partitive_subject_does_not_block():
    assert chain(
        "代表所提建议中已办结的有40件；",
        "正在办理、力争年底前办结的有12件。",
    ) == [[("proposals_resolved", 40, "件")], [("proposals_resolved", 12, "件")]]


def test_handlers_named_after_a_verb_of_passing_on_are_not_counted():
    assert chain(
        "本次会议代表共提出建议205件。",
        "从交办情况看，交由县政府系统办理的有188件；",
        "交由县委有关部门和人民团体办理的有9件。",
    ) == [
        [("proposals_received", 205, "件")],
        [("proposals_received", 188, "件")],
        [("proposals_received", 9, "件")],
    ]


def test_problems_of_the_public_solved_stay_issues_across_sentences():  # trap
    assert chain("各联络站收集群众反映的问题320个。", "已协调解决210个。") == [
        [("opinions_collected", 320, "个")],
        [("issues_resolved", 210, "个")],
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a part of the total with its outcome after it
        ("代表共提出建议186件，其中有74件建议已经解决或采纳。",
         [("proposals_received", 186, "件"), ("proposals_resolved", 74, "件")]),
        # trap: the total followed by 中 stays received; the part is resolved
        ("代表提出的45件区属建议中已经落实的有31件。",
         [("proposals_received", 45, "件"), ("proposals_resolved", 31, "件")]),
        # a change against last year is no count of proposals
        ("今年交办代表建议57件(其中重点建议6件)，比去年增加8件。",
         [("proposals_received", 57, "件"), ("proposals_received", 6, "件"), ("other", 8, "件")]),
        # deputies' proposals counted in 条 are not the committee's recommendations
        ("共转交有关部门办理代表建议318条。", [("proposals_received", 318, "条")]),
        # trap: the committee's own recommendations in 条 stay review opinions
        ("常委会对报告提出建议26条。", [("review_opinions", 26, "条")]),
        # shares right after an outcome verb or a breakdown marker
        ("收集群众意见2460条，目前已解决85%。",
         [("opinions_collected", 2460, "条"), ("other", 85, "%")]),
        ("建成联络站214个，其中92.5%建在村(社区)。", [("stations", 214, "个"), ("other", 92.5, "%")]),
        # a growth against an earlier period is a change, not a share: other (docs/codebook.md §2.1)
        ("办结建议120件，同比增长15%。", [("proposals_resolved", 120, "件"), ("other", 15, "%")]),
    ],
)  # fmt: skip
def test_outcomes_totals_changes_and_shares(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # proposals of the political consultative conference are another body's work
        ("两会期间代表和委员共提出71件建议和94件提案。", [("proposals_received", 71, "件")]),
        ("市政协委员共提交提案426件，立案398件。", []),
        ("县政府共承办代表建议23件、委员提案31件。", [("proposals_received", 23, "件")]),
        # ... but a count of both by outcome is an outcome of proposals
        ("23件建议和31件提案中已经解决的有40件。",
         [("proposals_received", 23, "件"), ("proposals_resolved", 40, "件")]),
    ],
)  # fmt: skip
def test_proposals_of_the_consultative_conference_are_not_counted(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a level between the number and the deputies (五级, 三级) does not hide them
        ("全省9.2万多名五级人大代表编入联络站。", [("deputies", 92000, "名")]),
        ("全县1480名新一届县、乡两级人大代表已分成96个代表小组。",
         [("deputies", 1480, "名"), ("deputy_groups", 96, "个")]),
        # people of two kinds, the second with a relative clause (和领办建议的代表)
        ("有关部门负责人和提出建议的领衔代表共16人参加座谈。", [("other", 16, "人")]),
        # trap: deputies alone stay deputies
        ("提出建议的领衔代表共16人参加座谈。", [("deputies", 16, "人")]),
        # the signers of a motion (N人以上代表联名) are no count
        ("会议期间，由12人以上代表联名提交的议案共有7件。", [("proposals_received", 7, "件")]),
        # honours right after the number
        ("对建议办理工作18个先进单位和27名先进个人进行表彰。",
         [("awards", 18, "个"), ("awards", 27, "名")]),
        # places deputies are divided into for a survey are groups of the work
        ("组织40余名代表分四个片区开展专题调研。", [("deputies", 40, "名"), ("other", 4, "个")]),
        # trap: the jurisdiction's own places stay context
        ("全县辖4个片区、12个乡镇。", [("admin_context", 4, "个"), ("admin_context", 12, "个")]),
        # documents counted after cited titles (法规制度和意见): not opinions
        ("先后出台《代表联络站工作规则》等12项法规制度和意见。", [("other", 12, "项")]),
    ],
)  # fmt: skip
def test_people_levels_honours_and_documents(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "在省十三届人大三、四次会议期间，代表积极建言。",  # coordinated session numbers
        "力争年底前建成联络站10个。",  # a target
        "要求每个乡镇至少打造2个示范点。",  # a quota
        "牢固树立四个意识，坚定四个自信。",  # slogans
    ],
)
def test_round_three_traps_give_no_indicator(sentence):
    assert codes(sentence) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a relative clause between the number and the noun it counts
        ("全省已建成26个覆盖产业发展、生态保护等领域的专业代表工作站。", [("stations", 26, "个")]),
        ("新建9个集学习、议事、接待于一体的代表之家。", [("stations", 9, "个")]),
        ("组织14名熟悉法律的代表参加执法检查。", [("deputies", 14, "名")]),
        ("召开4次听取代表意见的座谈会。", [("activities", 4, "次")]),
        ("组建6个由代表组成的调研组。", [("other", 6, "个")]),
        # trap: a noun right after the number is what it counts (possessive 的)
        ("走访了7个村的困难群众。", [("other", 7, "个")]),
        # trap: an enumeration comma after the number ends its item
        ("承办代表建议21件、委员提案30件。", [("proposals_received", 21, "件")]),
    ],
)  # fmt: skip
def test_the_noun_after_a_relative_clause_is_counted(sentence, expected):
    assert codes(sentence) == expected


def test_a_headless_relative_clause_counts_what_the_count_before_counted():
    # the nouns inside the clause (办理工作) are not what is counted
    assert chain(
        "本次会议期间代表共提出建议142件。",
        "代表对办理工作表示满意的137件，满意率96.5%。",
    ) == [
        [("proposals_received", 142, "件")],
        [("proposals_resolved", 137, "件"), ("satisfaction_rate", 96.5, "%")],
    ]
    assert chain("全县共有代表联络站42个。", "去年新建的8个已投入使用。") == [
        [("stations", 42, "个")],
        [("stations", 8, "个")],
    ]


def test_congress_bodies_of_streets_and_towns_are_not_places():
    assert codes("全区有4个街道人大工委、9个镇人大主席团。") == [("other", 4, "个"), ("other", 9, "个")]
    # trap: the streets and towns themselves are context
    assert codes("全区辖4个街道、9个镇。") == [("admin_context", 4, "个"), ("admin_context", 9, "个")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("协调解决停车位460个。", [("other", 460, "个")]),
        ("督促有关部门加装电梯38部。", [("other", 38, "部")]),
        # trap: problems solved stay issues
        ("推动解决群众反映的热点难点问题214个。", [("issues_resolved", 214, "个")]),
    ],
)  # fmt: skip
def test_facilities_are_other_even_when_solved(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "one of them" after a count: an article, not a second count
        ("这个家站只是全县58个代表之家中的一个。", [("stations", 58, "个")]),
        # trap: an article joined to another count is a count
        ("会上，一名省人大代表和六名县人大代表作了发言。", [("deputies", 1, "名"), ("deputies", 6, "名")]),
    ],
)  # fmt: skip
def test_an_article_is_a_count_only_when_coordinated(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # N以上 + acting together + 的: a condition defining the items, not a count
        ("今年需由三个以上部门共同办理的建议有17件。", [("proposals_received", 17, "件")]),
        ("涉及两家以上单位协同办理的事项，由主任会议研究。", []),
        # traps: a result with 以上, with or without a joint verb
        ("全年有30名以上代表共同参加集中视察。", [("deputies", 30, "名")]),
        ("共收集群众意见300条以上。", [("opinions_collected", 300, "条")]),
    ],
)  # fmt: skip
def test_a_threshold_that_defines_items_is_no_indicator(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a count followed by a noun of its own that no cue reads does not borrow the
        # noun of the count before it
        ("全县建成代表联络站42个，另设立6个新时代文明实践基地。", [("stations", 42, "个"), ("other", 6, "个")]),
        # traps: a predicate after the count, a headless relative, nothing after it
        ("全县建成代表联络站42个，另有8个正在建设。", [("stations", 42, "个"), ("stations", 8, "个")]),
        ("全县建成代表联络站42个，新建的8个已投入使用。", [("stations", 42, "个"), ("stations", 8, "个")]),
        ("会议应到委员35人，实到31人。", [("deputies", 35, "人"), ("deputies", 31, "人")]),
    ],
)  # fmt: skip
def test_ellipsis_stops_at_a_noun_of_its_own(sentence, expected):
    assert codes(sentence) == expected


def test_deputy_activity_fronts_are_stations():
    assert codes("全县186个人大代表活动阵地实现全覆盖。") == [("stations", 186, "个")]


def test_outcomes_of_proposals_in_more_wordings():
    assert chain(
        "县人大常委会交办代表建议130件，已全部办结。",
        "其中，解决采纳的70件，纳入年度计划的41件，作出解释说明的19件。",
        "得到落实的有12件。",
    ) == [
        [("proposals_received", 130, "件")],
        [("proposals_resolved", 70, "件"), ("proposals_resolved", 41, "件"), ("proposals_resolved", 19, "件")],
        [("proposals_resolved", 12, "件")],
    ]
    # a total said to be handled as a whole stays received
    assert codes("转交区政府办理的建议共75件，这75件代表建议已经全部落实。") == [
        ("proposals_received", 75, "件"),
        ("proposals_received", 75, "件"),
    ]
    # trap: a count of proposals with its own outcome is resolved
    assert codes("其中有40件建议已经落实。") == [("proposals_resolved", 40, "件")]


# --------------------------------------------------------------------------- round 5


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a place noun counted without a measure word is the jurisdiction's own, in that noun
        ("全区9街道均建成代表之家。", [("admin_context", 9.0, "街道")]),
        ("该镇辖12个行政村、86个村民组。", [("admin_context", 12.0, "个"), ("admin_context", 86.0, "个")]),
        # traps: villages the deputies contact, an ordinal and 一村一品 are no context
        ("代表联络站定点联系15村。", [("other", 15.0, "村")]),
        ("第3镇片区", []),
        ("推进一村一品建设", []),
    ],
)  # fmt: skip
def test_place_nouns_counted_without_a_measure_word(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("该件经二次办理后，代表表示满意。", []),
        ("完成一次、二次供水管网改造。", []),
        # traps: counted times stay activities
        ("全年召开座谈会二次。", [("activities", 2.0, "次")]),
        ("开展专题视察两次。", [("activities", 2.0, "次")]),
    ],
)  # fmt: skip
def test_second_time_with_er_is_no_count(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the deputies' rating forms returned, and counts rated after the number
        ("共收到代表评价回执86件，代表均表示满意。", [("proposals_resolved", 86.0, "件")]),
        ("收回办理评价表40份，其中38件评价为满意。",
         [("proposals_resolved", 40.0, "份"), ("proposals_resolved", 38.0, "件")]),
        ("今年交办的建议中，72件被代表评价为基本满意。", [("proposals_resolved", 72.0, "件")]),
        # traps: letters of reply are documents; rated matters are not proposals
        ("在门户网站公开建议答复函64件。", [("other", 64.0, "件")]),
        ("为群众办成满意的实事15件。", [("issues_resolved", 15.0, "件")]),
    ],
)  # fmt: skip
def test_proposals_counted_by_the_deputies_rating_forms_are_resolved(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an outcome said after the counted proposals: concluded, answered, being handled
        ("截至月底，146件建议已办复。", [("proposals_resolved", 146.0, "件")]),
        ("收到建议40件。已办结35件，还有3件仍在办理之中。",
         [("proposals_received", 40.0, "件"), ("proposals_resolved", 35.0, "件"), ("proposals_resolved", 3.0, "件")]),
        # traps: a total said to be all answered, items not yet handled, a received count
        ("收到的58件建议均已办复。", [("proposals_received", 58.0, "件")]),
        ("另有4件建议尚未到答复期限。", [("proposals_received", 4.0, "件")]),
        ("共收到代表建议75件。", [("proposals_received", 75.0, "件")]),
    ],
)  # fmt: skip
def test_an_outcome_after_the_counted_proposals(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a series of values of one rate: the new value after a word of change
        ("代表满意率从2019年的96.1%上升到2021年的98.4%。",
         [("satisfaction_rate", 96.1, "%"), ("satisfaction_rate", 98.4, "%")]),
        ("建议办结率由90%提高至97%。", [("completion_rate", 90.0, "%"), ("completion_rate", 97.0, "%")]),
        # a change in percentage points against an earlier period
        ("满意率为97.5%，较上年提高1.2个百分点。", [("satisfaction_rate", 97.5, "%"), ("other", 1.2, "百分点")]),
        # traps: no rate named before; points without an earlier period
        ("覆盖面从60%上升到85%。", []),
        ("满意率97.5%，提高了3个百分点。", [("satisfaction_rate", 97.5, "%")]),
    ],
)  # fmt: skip
def test_rate_series_and_changes_in_points(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, previous, expected",
    [
        # a predicate right after the count: the count counts what was counted before
        ("2件经再次办理，代表表示认可。", "收到代表评价回执60件。", [("proposals_resolved", 2.0, "件")]),
        ("网上公开答复函70件，其余6件因涉及隐私未公开。", None, [("other", 70.0, "件"), ("other", 6.0, "件")]),
        # traps: nouns after a modifier of state are still counted
        ("建成3个在建项目。", None, [("projects", 3.0, "个")]),
        ("走访了12个已建成的代表之家。", None, [("stations", 12.0, "个")]),
    ],
)  # fmt: skip
def test_a_predicate_after_the_count_is_no_noun_of_its_own(sentence, previous, expected):
    got = [(d["indicator"], d["value"], d["unit"]) for d in extract_indicators(sentence, previous=previous)]
    assert got == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a norm of how often is no count; the distance of a place is no measure of work
        ("制度要求代表小组每季度开展活动不少于1次，每年集中视察2次。", []),
        ("该乡距县城25公里。", []),
        # deputies divided into groups; bare 建议 in 条 received from a platform
        ("全乡代表分为4个组开展活动。", [("deputy_groups", 4.0, "个")]),
        ("通过网上平台收到群众关于停车的建议120条。", [("opinions_collected", 120.0, "条")]),
        # traps: money per period is an amount; a survey team split is other; counts done
        ("给予代表每人每年800元履职补助。", [("funding", 800.0, "元")]),
        ("把调研组分成3个组。", [("other", 3.0, "个")]),
        ("全年开展集中视察6次。", [("activities", 6.0, "次")]),
        ("修建道路5公里。", [("other", 5.0, "千米")]),
    ],
)  # fmt: skip
def test_frequencies_distances_and_groups(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, previous, expected",
    [
        # handlers named before the verb of handling are its subject, not what is counted
        ("交市政府各部门承办60件、区法院承办3件、市委机关承办5件、群团部门承办2件。", "收到代表建议70件。",
         [("proposals_received", 60.0, "件"), ("proposals_received", 3.0, "件"),
          ("proposals_received", 5.0, "件"), ("proposals_received", 2.0, "件")]),
        # trap: handling units counted are still other
        ("这些建议涉及28个承办单位。", None, [("other", 28.0, "个")]),
        # deputies as raters: what they rate are proposals; disagreement is a rating
        ("代表对答复表示不满意或提出异议的6件。", None, [("proposals_resolved", 6.0, "件")]),
        ("代表对最终结果表示满意的40件，不满意的3件。", None,
         [("proposals_resolved", 40.0, "件"), ("proposals_resolved", 3.0, "件")]),
        # trap: people rated satisfied are not proposals
        ("表示满意的有30人。", None, [("other", 30.0, "人")]),
        # not solved is an outcome, also before a headless 的
        ("这批建议中80件已经解决，15件未解决的也向代表作了解释。", None,
         [("proposals_resolved", 80.0, "件"), ("proposals_resolved", 15.0, "件")]),
        # trap: a relative clause after a predicate still has its noun
        ("走访了9个已建成的代表联络站。", None, [("stations", 9.0, "个")]),
    ],
)  # fmt: skip
def test_handlers_raters_and_unsolved_proposals(sentence, previous, expected):
    got = [(d["indicator"], d["value"], d["unit"]) for d in extract_indicators(sentence, previous=previous)]
    assert got == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a rate of feedback is a named rate other than completion
        ("代表对答复的反馈率为96%。", [("other", 96.0, "%")]),
        ("建议办结率为100%。", [("completion_rate", 100.0, "%")]),
        # officers of a congress counted are members of the body
        ("会议选举产生2名县人大常委会副主任。", [("deputies", 2.0, "名")]),
        ("全县8名乡镇人大主席参加学习。", [("deputies", 8.0, "名")]),
        # trap: other leaders are not deputies
        ("3名局长列席会议。", [("other", 3.0, "名")]),
        # messages left by the public are opinions gathered
        ("群众在线上平台留言120余条。", [("opinions_collected", 120.0, "条")]),
        # talks heard, counted in 场, are events held
        ("代表们聆听4场专题辅导报告。", [("activities", 4.0, "场")]),
        # trap: reports written are publications
        ("形成调研报告5篇。", [("publications", 5.0, "篇")]),
        # visits in person-times right after a verb of meeting people
        ("代表入户走访300余人次。", [("constituent_contacts", 300.0, "人次")]),
        # trap: deputies attending in person-times
        ("代表参加视察活动80人次。", [("deputy_participation", 80.0, "人次")]),
    ],
)  # fmt: skip
def test_round6_classes(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # rates joined before several percentages with 分别: each takes the rate at its position
        ("全年代表建议办结率、满意率分别为100%、97.6%。",
         [("completion_rate", 100.0, "%"), ("satisfaction_rate", 97.6, "%")]),
        ("答复率和满意率分别达到98%和95.5%。",
         [("completion_rate", 98.0, "%"), ("satisfaction_rate", 95.5, "%")]),
        # ... also when the second rate has a short modifier of its own
        ("议案办结率和代表满意率分别为100%和96.8%。",
         [("completion_rate", 100.0, "%"), ("satisfaction_rate", 96.8, "%")]),
        # trap: one rate for two values stays that rate
        ("两轮测评的满意率分别为91%、97%。",
         [("activities", 2.0, "轮"), ("satisfaction_rate", 91.0, "%"), ("satisfaction_rate", 97.0, "%")]),
        # trap: one numeral for two joined rates still takes the first rate
        ("办复率、满意率均达到100%。", [("completion_rate", 100.0, "%")]),
        # a rate name written with a known rate word before 率 is read by that word
        ("群众满意度率为96%。", [("satisfaction_rate", 96.0, "%")]),
        # a percentage followed by 的 and the rate it is the value of
        ("连续三年实现100%的办结率。", [("completion_rate", 100.0, "%")]),
        ("努力做到100%的见面商谈率和办结率。", [("other", 100.0, "%")]),
        # trap: a percentage of people after 的 is no rate
        ("95%的受访居民表示满意。", []),
    ],
)  # fmt: skip
def test_rates_respectively_rate_names_and_rates_after(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # deputies' proposals and the consultative conference's counted together
        ("全年共承办建议提案215件。", [("proposals_received", 215.0, "件")]),
        ("县住建局承接人大代表建议、政协委员提案23件。", [("proposals_received", 23.0, "件")]),
        ("大会期间收到代表提出的建议、意见共计64件。", [("proposals_received", 64.0, "件")]),
        # the statutory name of deputies' proposals: 建议、批评和意见
        ("闭会期间共收到代表建议、批评和意见87件。", [("proposals_received", 87.0, "件")]),
        # trap: opinions gathered from the public stay opinions
        ("代表走访收集群众建议和诉求36条。", [("opinions_collected", 36.0, "条")]),
        # trap: the consultative conference's proposals counted on their own
        ("县政协收到委员提案131件。", []),
        ("代表提出建议52件、委员提出提案77件。", [("proposals_received", 52.0, "件")]),
    ],
)  # fmt: skip
def test_proposals_and_cppcc_proposals_counted_together(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a travelling party's size counts visitors of mixed kinds
        ("邻县人大常委会代表工委一行8人到我镇考察代表之家建设。", [("other", 8.0, "人")]),
        # trap: deputies counted on their own stay deputies
        ("8名县人大代表到我镇考察代表之家建设。", [("deputies", 8.0, "名")]),
        # stations written with their alternative in brackets
        ("对全市46个站(点)进行规范化改造。", [("stations", 46.0, "个")]),
        # a count right before its noun and 的 counts that noun, not the noun after 的
        ("构建“1个中心站-9个联络站-37个联系点”的服务网络。",
         [("stations", 1.0, "个"), ("stations", 9.0, "个"), ("stations", 37.0, "个")]),
        # electoral districts and electoral units a place is divided into are its own make-up
        ("全镇划分为12个选区。", [("admin_context", 12.0, "个")]),
        ("来自18个选举单位的40名代表出席会议。", [("admin_context", 18.0, "个"), ("deputies", 40.0, "名")]),
        # constituents counted in person-times right after their noun; households visited
        ("举办政策宣讲会6场,参加群众450人次。", [("activities", 6.0, "场"), ("constituent_contacts", 450.0, "人次")]),
        ("代表入户走访农户1200户。", [("constituent_contacts", 1200.0, "户")]),
        # trap: deputies taking part stay participation
        ("代表参加执法检查60人次。", [("deputy_participation", 60.0, "人次")]),
    ],
)  # fmt: skip
def test_parties_bracketed_stations_districts_and_people_reached(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # resolutions and laws counted are documents
        ("常委会会议审议通过相关报告并作出决议5项。", [("other", 5.0, "项")]),
        # trap: reports heard stay activities
        ("听取审议专项工作报告14项。", [("activities", 14.0, "项")]),
        # old residential compounds renovated are works done, not places of the jurisdiction
        ("督促完成5个老旧小区改造。", [("other", 5.0, "个")]),
        # trap: communities of the jurisdiction stay context
        ("全街道下辖9个社区。", [("admin_context", 9.0, "个")]),
        # a floor area in square metres is a building's, not the jurisdiction's
        ("新建的代表之家使用面积180平方米。", [("other", 180.0, "平方米")]),
        ("全县总面积1240平方千米。", [("admin_context", 1240.0, "平方千米")]),
        # a count summing up the people named before it counts them, whoever they meet
        ("周红、陈立两位代表和村民坐在院坝里交流。", [("deputies", 2.0, "位")]),
        # trap: a count of two kinds of people joined by 和 is a mixed group
        ("12名代表和村民参加座谈。", [("other", 12.0, "名")]),
    ],
)  # fmt: skip
def test_documents_works_floor_areas_and_named_people(sentence, expected):
    assert codes(sentence) == expected


def test_a_level_or_kind_read_in_a_place_name_does_not_cut_the_words_before_a_number():
    # 三门 (a county) is read as a count of 门, a kind that is no indicator; 距 before it still says distance
    assert codes("该村距三门县城18公里。") == []


@pytest.mark.parametrize(
    "sentence, previous, expected",
    [
        # a clause that only sums up counts what the sentence named before it
        ("新一届县人民代表大会代表名额按上届办法分配，共计315名。", None, [("deputies", 315.0, "名")]),
        ("本届乡镇人大代表已于年底前依法选出，人数为1260人。", None, [("deputies", 1260.0, "人")]),
        ("全年收到群众来信来访，合计86件。", None, [("opinions_collected", 86.0, "件")]),
        # ... and the places listed after the total break it down
        ("东城镇41名，西河乡18名，北岭街道23名。", "各乡镇的县人大代表名额按人口分配，共82名。",
         [("deputies", 41.0, "名"), ("deputies", 18.0, "名"), ("deputies", 23.0, "名")]),
        # trap: a clause with a word of its own before the number does not sum up
        ("全县人大代表分批参加履职学习，共举办培训班6期。", None, [("activities", 6.0, "期")]),
        # trap: a summing clause with a noun of its own counts that noun
        ("全区建成代表联络站，共建成家站28个。", None, [("stations", 28.0, "个")]),
    ],
)  # fmt: skip
def test_a_summing_clause_counts_what_the_sentence_named(sentence, previous, expected):
    got = [(d["indicator"], d["value"], d["unit"]) for d in extract_indicators(sentence, previous=previous)]
    assert got == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the handling itself is what the deputies rate, not a project counted
        ("代表对建议办理工作表示满意的212件，基本满意的9件。",
         [("proposals_resolved", 212.0, "件"), ("proposals_resolved", 9.0, "件")]),
        ("代表对办理情况满意的58件，占92.1%。", [("proposals_resolved", 58.0, "件"), ("other", 92.1, "%")]),
        # trap: work items counted are still projects
        ("常委会确定年度重点工作12项。", [("projects", 12.0, "项")]),
    ],
)  # fmt: skip
def test_ratings_of_the_handling_count_proposals(sentence, expected):
    assert codes(sentence) == expected


def test_a_line_announcing_a_list_passes_the_carry_on():
    lex = load_lexicon()
    classifier = IndicatorClassifier.from_lexicon(lex)
    fold = QuantityFinder.from_lexicon(lex).fold
    first = "全县共选出乡镇人大代表，共436名。"
    _, carry = classifier.classify_in_passage(fold(first), find_quantities(first, lex))
    assert classifier.carry_over(fold("各选区分配如下："), carry) is carry
    # trap: a sentence that announces nothing ends the passage's carry (only the counts
    # read so far stay, for a later count that repeats one of their numbers)
    ended = classifier.carry_over(fold("选举工作顺利完成。"), carry)
    assert (ended.nouns, ended.codes) == ((), ())
    assert classifier.carry_over(fold("分配如下："), None) is None


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # bills of laws are documents, not cases
        ("本年度常委会表决通过地方性法规案6件。", [("other", 6.0, "件")]),
        # inspections and surveys counted in 项 are activities
        ("组织开展专题调研9项、执法检查3项。", [("activities", 9.0, "项"), ("activities", 3.0, "项")]),
        # trap: survey topics counted are projects
        ("确定年度调研课题5项。", [("projects", 5.0, "项")]),
        # deputies' liaison groups are deputy groups
        ("全区组建了7个代表联系组。", [("deputy_groups", 7.0, "个")]),
        # the deputies' feedback on the handling counts proposals by their rating
        ("共收到代表意见反馈88件，其中表示满意的80件，基本满意的8件。",
         [("proposals_resolved", 88.0, "件"), ("proposals_resolved", 80.0, "件"), ("proposals_resolved", 8.0, "件")]),
        # motions merged or turned into suggestions at screening: still proposals to be
        # handled, counted as received (docs/codebook.md §2.1)
        ("代表提出议案30件，经审议，其中6件合并为2件，其余23件转为建议办理。",
         [("proposals_received", 30.0, "件"), ("proposals_received", 6.0, "件"),
          ("proposals_received", 2.0, "件"), ("proposals_received", 23.0, "件")]),
        # trap: motions turned into laws are an outcome
        ("五年来代表议案中有18件已转化为立法项目。", [("proposals_resolved", 18.0, "件")]),
        # proposals merged, then key proposals picked out of them
        ("经审查，代表提交的96件建议合并为71件，其中列为重点建议6件。",
         [("proposals_received", 96.0, "件"), ("proposals_received", 71.0, "件"),
          ("proposals_received", 6.0, "件")]),
        # key proposals named by who supervises them
        ("会议确定了7件主任督办件和19件专委会重点督办件。",
         [("proposals_received", 7.0, "件"), ("proposals_received", 19.0, "件")]),
        # trap: supervising proposals counted in times stays activities
        ("全年集中督办代表建议45次。", [("activities", 45.0, "次")]),
        # electoral units visited are work, not the jurisdiction's divisions
        ("驻区代表深入走访了28个选举单位。", [("other", 28.0, "个")]),
        # trap: electoral districts the county is divided into stay context
        ("全县共划分为36个选区。", [("admin_context", 36.0, "个")]),
        # attendances without deputies in the sentence are not the deputies'
        ("全市中小学开展科普竞赛30余场，8000多人次参与。", [("activities", 30.0, "场"), ("other", 8000.0, "人次")]),
        # trap: the deputies' attendances stay theirs
        ("组织各级代表参与视察调研，共有420人次参与。", [("deputy_participation", 420.0, "人次")]),
        # honours right after a count in person-times
        ("学生参加省级竞赛，共有35人次获奖。", [("awards", 35.0, "人次")]),
    ],
)  # fmt: skip
def test_round8_bills_feedback_conversions_and_attendances(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # bare counts with their state right after them split the proposals counted before
        ("县二届人大三次会议代表建议24件，15件已办结，6件正在办理，3件暂无法办理。",
         [("proposals_received", 24.0, "件"), ("proposals_resolved", 15.0, "件"),
          ("proposals_resolved", 6.0, "件"), ("proposals_resolved", 3.0, "件")]),
        # trap: a total followed by its noun and then the outcome with a count of its own
        ("本次会议期间提出的180件代表建议已办结176件。",
         [("proposals_received", 180.0, "件"), ("proposals_resolved", 176.0, "件")]),
        # trap: a total said to be all concluded stays received
        ("镇人大共收到代表建议57件，已全部办结。", [("proposals_received", 57.0, "件")]),
        # votes of a rating are counts about congress work
        ("对承办单位测评，满意票27票，基本满意票4票，满意率87.1%。",
         [("other", 27.0, "票"), ("other", 4.0, "票"), ("satisfaction_rate", 87.1, "%")]),
        # trap: a single ballot cast (投下一票) is no tally
        ("每位代表都郑重地投下自己的一票。", []),
    ],
)  # fmt: skip
def test_round9_states_after_counts_and_votes(sentence, expected):
    assert codes(sentence) == expected


def _passage(sentences):
    """The codes of a passage read as the pipeline reads it: a sentence without quantities passes
    the carry on or ends it (:meth:`IndicatorClassifier.carry_over`)."""
    lex = load_lexicon()
    classifier = IndicatorClassifier.from_lexicon(lex)
    fold = QuantityFinder.from_lexicon(lex).fold
    carry, out = None, []
    for s in sentences:
        qs = find_quantities(s, lex)
        if not qs:
            carry = classifier.carry_over(fold(s), carry)
            continue
        codes, carry = classifier.classify_in_passage(fold(s), qs, carry)
        out += [(code, q.value, q.unit) for q, code in zip(qs, codes)]
    return out


def test_a_sentence_still_about_the_items_of_a_total_passes_its_breakdown_on():
    # the sentences between the total and 其中 speak of the same motions
    got = _passage(["大会主席团共收到代表联名提出的议案23件。", "议案内容覆盖产业、民生、生态等多个领域。",
                    "其中，乡村振兴方面9件，生态环保方面8件，教育医疗方面6件。"])
    assert got == [("proposals_received", 23.0, "件"), ("proposals_received", 9.0, "件"),
                   ("proposals_received", 8.0, "件"), ("proposals_received", 6.0, "件")]
    # trap: a sentence about something else ends the carry
    got = _passage(["大会主席团共收到代表联名提出的议案23件。", "会场秩序井然。", "其中，乡村振兴方面9件。"])
    assert got == [("proposals_received", 23.0, "件"), ("other", 9.0, "件")]
    # trap: counts clauses after the marker, with a noun of their own, are no parts of the total
    got = _passage(["代表提出的建议共56件。", "建议主要涉及交通、环保等方面。",
                    "其中，关于改善公交出行的建议由交通部门办理，目前已新增公交线路5条。"])
    assert got[-1] == ("other", 5.0, "条")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the statutory name of the deputies' suggestions, in its other orders, counts proposals
        ("乡人民政府对乡第五届人大二次会议代表提出的18条批评、建议和意见逐一办理答复。",
         [("proposals_received", 18.0, "条")]),
        ("闭会后，乡人大主席团把14条批评、建议和意见交给政府有关站所办理。",
         [("proposals_received", 14.0, "条")]),
        ("政府十分重视乡人大交办的31条批评、建议和意见的办理工作。",
         [("proposals_received", 31.0, "条")]),
        # rating forms named 征询表 (意见 inside them is no opinion collected)
        ("县人大常委会代表工委共收回“建议办理意见征询表”96件，对办理情况表示满意70件，基本满意25件，不满意1件。",
         [("proposals_resolved", 96.0, "件"), ("proposals_resolved", 70.0, "件"),
          ("proposals_resolved", 25.0, "件"), ("proposals_resolved", 1.0, "件")]),
        # trap: opinions gathered from residents stay opinions collected
        ("驻站代表共收集群众意见建议215条。", [("opinions_collected", 215.0, "条")]),
    ],
)  # fmt: skip
def test_round10_statutory_suggestions_and_rating_forms(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # handling units counted: departments and the places joined to them handle the items
        ("代表提出的建议已交给41个职能部门和镇街(园区)分别办理。", [("other", 41.0, "个")]),
        ("闭会期间的代表建议统一交由12个镇街研究办理。", [("other", 12.0, "个")]),
        ("9个承办部门负责人到会作了表态发言。", [("other", 9.0, "个")]),
        # trap: the places of the jurisdiction itself stay context
        ("全县辖11个乡镇。", [("admin_context", 11.0, "个")]),
    ],
)  # fmt: skip
def test_round10_handlers_are_not_context(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # suggestions the sentence says were gathered from voters are opinions: solved, issues resolved
        ("今年以来，各代表之家共接待选民730人次，收集意见建议415条，解决或基本解决296条，占71%。",
         [("constituent_contacts", 730.0, "人次"), ("opinions_collected", 415.0, "条"),
          ("issues_resolved", 296.0, "条"), ("other", 71.0, "%")]),
        # ... and passed on to departments, they stay opinions collected
        ("全镇安排120名代表进站，接待群众560人次，收集意见建议230件，移交有关部门解决的170件。",
         [("deputies", 120.0, "名"), ("constituent_contacts", 560.0, "人次"),
          ("opinions_collected", 230.0, "件"), ("opinions_collected", 170.0, "件")]),
        ("参加接待的代表86人次，接待选民312人次，提出意见建议94件。",
         [("deputy_participation", 86.0, "人次"), ("constituent_contacts", 312.0, "人次"),
          ("opinions_collected", 94.0, "件")]),
        # trap: suggestions the deputies submitted and the outcome of their handling stay proposals
        ("县人大常委会交办代表意见建议58件，已办结55件。",
         [("proposals_received", 58.0, "件"), ("proposals_resolved", 55.0, "件")]),
    ],
)  # fmt: skip
def test_round10_suggestions_gathered_from_voters_are_opinions(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a central or head liaison station counted, with a level or place word before it
        ("目前全省已建成60多个人大代表乡镇中心联络站和300多个村级联络站。",
         [("stations", 60.0, "个"), ("stations", 300.0, "个")]),
        ("全县建成县人大常委会代表联络总站1处、乡镇联络站14处。",
         [("stations", 1.0, "处"), ("stations", 14.0, "处")]),
        # trap: the places of the jurisdiction stay context
        ("全县共有14个乡镇。", [("admin_context", 14.0, "个")]),
    ],
)  # fmt: skip
def test_round10_central_and_head_stations(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # laws whose enforcement is inspected or surveyed: inspections held, one per law
        ("本届以来，常委会对3部法律的贯彻实施情况组织了执法检查。", [("activities", 3.0, "部")]),
        ("今年开展4部地方性法规的立法调研。", [("activities", 4.0, "部")]),
        # trap: laws made are documents
        ("全年审议通过地方性法规6部。", [("other", 6.0, "部")]),
        # drafts put out for opinions: one consultation per law (round 21, docs/codebook.md §2)
        ("联系点参与12部法律草案的意见征集活动。", [("activities", 12.0, "部")]),
        # sittings called and oversight rounds held
        ("一年来共召集人代会3次，举行常委会会议11次。",
         [("activities", 3.0, "次"), ("activities", 11.0, "次")]),
        ("开展计划和预算审查监督15项、专题询问2次。",
         [("activities", 15.0, "项"), ("activities", 2.0, "次")]),
        ("县里先后组织了三次乡镇换届选举。", [("activities", 3.0, "次")]),
        # a hearing verb governs every report of its list
        ("听取和审议例行报告31个、专项工作报告87个，制定法规5部。",
         [("activities", 31.0, "个"), ("activities", 87.0, "个"), ("other", 5.0, "部")]),
    ],
)  # fmt: skip
def test_round11_sittings_oversight_and_laws_inspected_are_activities(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # practice stations of whole-process democracy counted, their rank or tier between
        # the number and the head (a tier word after a place word does not hide the head)
        ("截至年底，全县已建成1个县级中心实践站、19个乡镇基层实践站。",
         [("stations", 1.0, "个"), ("stations", 19.0, "个")]),
        ("全市建成全过程人民民主实践中心7个，其中市级1个。",
         [("stations", 7.0, "个"), ("stations", 1.0, "个")]),
        # counties of the city written with their alternatives are the jurisdiction
        ("全市9个县(市、区)共建成基层实践中心12个。",
         [("admin_context", 9.0, "个"), ("stations", 12.0, "个")]),
        # trap: the civilisation-practice programme's venues are no deputies' stations
        ("全县建成新时代文明实践站140个。", [("other", 140.0, "个")]),
        ("全区共有12个新时代文明实践中心。", [("other", 12.0, "个")]),
    ],
)  # fmt: skip
def test_round11_practice_stations_counted(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a breakdown by area of a total of bare 建议 in 条 counts the proposals, not the committee's
        # recommendations
        ("这15条建议中，涉及城乡建设方面4条，教育卫生方面6条，农业农村方面5条。",
         [("proposals_received", 15.0, "条"), ("proposals_received", 4.0, "条"),
          ("proposals_received", 6.0, "条"), ("proposals_received", 5.0, "条")]),
        # suggestions out of session are the deputies' own
        ("交由县政府办理的86条闭会建议中，代表表示满意的80件。",
         [("proposals_received", 86.0, "条"), ("proposals_resolved", 80.0, "件")]),
        # suggestions a delegation submits to a session are proposals
        ("东湖镇代表团在大会期间提交意见建议16条。", [("proposals_received", 16.0, "条")]),
        # the deputies' proposals gathered stay proposals
        ("会上集中收集代表建议27条。", [("proposals_received", 27.0, "条")]),
        # trap: recommendations the committee puts forward after a survey stay its own
        ("常委会组织专题调研，形成调研报告，提出8个方面20余条建议。",
         [("review_opinions", 20.0, "条")]),
        # trap: suggestions received from residents stay opinions, even with deputies in the sentence
        ("驻站代表接待群众300余人次，收到各类意见建议120余条。",
         [("constituent_contacts", 300.0, "人次"), ("opinions_collected", 120.0, "条")]),
    ],
)  # fmt: skip
def test_round11_proposals_in_tiao_delegations_and_recess_suggestions(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the stations named in an earlier clause, the count after a sum word and a verb of
        # setting up in a clause of its own
        ("这样的“代表联络站”，某某县共建立了23个。", [("stations", 23.0, "个")]),
        ("类似的人大代表之家，全市共建成45个。", [("stations", 45.0, "个")]),
        # trap: a sum word with a verb that sets nothing up keeps its own reading
        ("代表们积极参与，全市共开展视察12次。", [("activities", 12.0, "次")]),
    ],
)  # fmt: skip
def test_round11_stations_named_before_the_summing_clause(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the peoples and enterprises of the place, its residents' committees
        ("该乡居住着汉、彝、苗等五个兄弟民族，少数民族群众4200人。",
         [("admin_context", 5.0, "个"), ("admin_context", 4200.0, "人")]),
        ("目前开发区辖区内有1200余家企业。", [("admin_context", 1200.0, "家")]),
        ("社区下设4个居民委员会，辖区面积2.3平方公里。",
         [("admin_context", 4.0, "个"), ("admin_context", 2.3, "平方千米")]),
        ("全州9个县(市、区)都建起了代表联络站。", [("admin_context", 9.0, "个")]),
        # traps: enterprises the deputies visit, and deputies of a people, are not context
        ("辖区内代表走访企业60家。", [("other", 60.0, "家")]),
        ("320名州人大代表中，少数民族代表共190人。",
         [("deputies", 320.0, "名"), ("deputies", 190.0, "人")]),
    ],
)  # fmt: skip
def test_round11_facts_of_the_jurisdiction(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a tier or rank word between a place word and the station does not end the compound
        ("今年新建31个乡镇基层联络站。", [("stations", 31.0, "个")]),
        ("全县建成8个村级示范代表联络站。", [("stations", 8.0, "个")]),
        ("打造6个街道星级人大代表之家。", [("stations", 6.0, "个")]),
        # traps: the places themselves, or a verb between place and station
        ("全县共辖11个乡镇。", [("admin_context", 11.0, "个")]),
        ("13个乡镇建成代表之家。", [("admin_context", 13.0, "个")]),
    ],
)  # fmt: skip
def test_round11_tier_words_inside_a_counted_station_compound(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # posts held by deputies count the deputies who hold them, and their breakdown too
        ("全市150个站长均由人大代表担任，其中省代表担任的12个。",
         [("deputies", 150.0, "个"), ("deputies", 12.0, "个")]),
        # constituents invited to a meeting are constituents met
        ("各站点举办座谈会300余场，邀请村民代表2600多名。",
         [("activities", 300.0, "场"), ("constituent_contacts", 2600.0, "名")]),
        # trap: deputies invited to sit in are deputies taking part
        ("邀请代表35人次列席常委会会议。", [("deputy_participation", 35.0, "人次")]),
        # people and households in need helped are aid given, not constituents met
        ("代表们结对帮扶困难群众86户。", [("other", 86.0, "户")]),
        ("走访选民900人次，帮扶低保家庭40户。",
         [("constituent_contacts", 900.0, "人次"), ("other", 40.0, "户")]),
        # trap: a station head alone is no deputy
        ("每个联络站配备站长1名、联络员2名。", [("other", 1.0, "名"), ("other", 2.0, "名")]),
        # a numbered group of a village in an address is no count
        ("在石桥村三组的院坝里，代表们与村民拉起了家常。", []),
    ],
)  # fmt: skip
def test_round11_people_counted_and_addresses(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a percentage no rate word names is the share of a counted group: other
        ("全县55%的行政村已建成文化广场。", [("other", 55.0, "%")]),
        ("参会代表90%以上来自生产一线。", [("other", 90.0, "%")]),
        # a change against an earlier period is a change, coded other (docs/codebook.md §2.1)
        ("接待来访群众2100人次，同比增长12%。", [("constituent_contacts", 2100.0, "人次"), ("other", 12.0, "%")]),
        ("群众反映的问题85%以上得到解决。", [("other", 85.0, "%")]),
        # traps: a named rate keeps its code, a target is no indicator
        ("代表建议按期办结率达96%。", [("completion_rate", 96.0, "%")]),
        ("今年满意率力争达到95%。", []),
    ],
)  # fmt: skip
def test_round11_unnamed_percentages_are_shares(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # constituents taking part, or met at a meeting
        ("开展普法宣讲40次，参与村民3100人。", [("activities", 40.0, "次"), ("constituent_contacts", 3100.0, "人")]),
        ("代表们与120名居民进行了面对面座谈。", [("constituent_contacts", 120.0, "名")]),
        # sittings counted with the body's name after the number
        ("全年召开3次人民代表大会、12次常委会。", [("activities", 3.0, "次"), ("activities", 12.0, "次")]),
        # trap: the residents of a place are no contacts
        ("全镇有居民8600人。", [("other", 8600.0, "人")]),
    ],
)  # fmt: skip
def test_round11_constituents_taking_part_and_sittings(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # suggestions of the public gathered next to the deputies' proposals are opinions
        ("全年代表共提出建议420件、收集群众建议260件。",
         [("proposals_received", 420.0, "件"), ("opinions_collected", 260.0, "件")]),
        # a rate's name is one word: 满意 inside 满意率 rates no item counted
        ("镇人大交办的12条批评、建议和意见按期办结率和代表满意率均为100%。",
         [("proposals_received", 12.0, "条"), ("completion_rate", 100.0, "%")]),
        ("58件市人大代表建议答复率、见面率均达100%。",
         [("proposals_received", 58.0, "件"), ("completion_rate", 100.0, "%")]),
        # an appraisal of satisfaction held on proposals counts them, it does not rate them
        ("与会代表对2件议案和7件建议的办理情况进行满意程度测评。",
         [("proposals_received", 2.0, "件"), ("proposals_received", 7.0, "件")]),
        # a rated proposal handed back to be handled again is assigned anew
        ("2件不满意建议已交承办单位重新办理。", [("proposals_received", 2.0, "件")]),
        # proposals selected as excellent are awards
        ("“关于改善老城区停车条件的建议”等12件建议被评为优秀建议。", [("awards", 12.0, "件")]),
        # trap: ratings of the handling stay outcomes
        ("代表对办理结果满意的45件，基本满意的3件。",
         [("proposals_resolved", 45.0, "件"), ("proposals_resolved", 3.0, "件")]),
    ],
)  # fmt: skip
def test_round11_public_suggestions_rate_names_appraisals_and_selected_proposals(sentence, expected):
    assert codes(sentence) == expected


def test_round11_a_count_by_outcome_passes_on_proposals_and_its_topic_parts_share_the_outcome():
    # 问题 inside the outcome's clause is not what the A-class count counted: the ratings after it
    # count proposals
    got = _passage(["从办理结果看，所提问题已经解决的(A类)120件，列入计划解决的(B类)9件。",
                    "代表评价满意的125件，占96.9%；", "基本满意的4件，占3.1%。"])
    assert [c for c, _, u in got if u == "件"] == ["proposals_resolved"] * 4
    # a sentence opening with a topic label breaks down the outcome total before it
    got = _passage(["代表建议共90件。", "(一)已经落实的70件，占77.8%。", "交通水利方面21件：修缮村道等。"])
    assert [g for g in got if g[0] is not None] == [("proposals_received", 90.0, "件"), ("proposals_resolved", 70.0, "件"),
                   ("other", 77.8, "%"), ("proposals_resolved", 21.0, "件")]
    # ... and of a received total it stays received
    got = _passage(["全年共承接代表建议64件。", "城乡建设方面18件，主要涉及道路改造。"])
    assert got == [("proposals_received", 64.0, "件"), ("proposals_received", 18.0, "件")]
    # trap: a topic count with a noun of its own after it is no part of the total
    got = _passage(["全年共承接代表建议64件。", "民生方面3个项目已开工。"])
    assert got[-1] == ("projects", 3.0, "个")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a body that undertook and answered proposals: the count is of the items assigned to it
        ("去年，县水务局共承办代表建议、政协提案并答复11件，办结率100%。",
         [("proposals_received", 11.0, "件"), ("completion_rate", 100.0, "%")]),
        # trap: proposals counted as concluded stay outcomes
        ("全年办结代表建议48件。", [("proposals_resolved", 48.0, "件")]),
        ("共收到代表建议60件，目前已答复建议58件。",
         [("proposals_received", 60.0, "件"), ("proposals_resolved", 58.0, "件")]),
    ],
)  # fmt: skip
def test_round11_items_undertaken_and_answered_are_assigned(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a completed relative clause right before the count: it reports what exists
        ("确保用好已建成的22个社区代表联络站。", [("stations", 22.0, "个")]),
        ("力争在已经建立的9个代表之家基础上提档升级。", [("stations", 9.0, "个")]),
        # traps: a target stays blocked
        ("确保年底前建成22个社区代表联络站。", []),
        ("力争每个镇至少建成3个代表之家。", []),
    ],
)  # fmt: skip
def test_round11_a_completed_clause_after_a_target_word_is_a_fact(sentence, expected):
    assert codes(sentence) == expected


def read_passage(*sentences: str) -> list[list[tuple[str, float, str]]]:
    """The codes of each sentence of a passage as the pipeline reads it: a sentence
    without quantities passes on what :meth:`IndicatorClassifier.carry_over` says."""
    lex = load_lexicon()
    classifier = IndicatorClassifier.from_lexicon(lex)
    fold = QuantityFinder.from_lexicon(lex).fold
    carry, out = None, []
    for s in sentences:
        qs = find_quantities(s, lex)
        if not qs:
            carry = classifier.carry_over(fold(s), carry)
            out.append([])
            continue
        got, carry = classifier.classify_in_passage(fold(s), qs, carry)
        out.append([(c, q.value, q.unit) for q, c in zip(qs, got) if c is not None])
    return out


def test_a_count_repeating_an_earlier_total_counts_the_same_items_however_far_back():
    got = read_passage(
        "今年县政府共承接县人大常委会转交的代表建议38件，截至年底全部办结。",
        "各承办单位接到建议后逐件研究。",
        "属于简单事项的要在两周内答复，复杂事项最迟3个月内办结。",
        "截至11月底，38件已全部答复代表。",
        "38件中，涉及交通出行的13件，涉及教育医疗的9件。",
        "其中已经解决的有20件，正在解决的有11件。",
    )
    assert got[3] == [("proposals_received", 38, "件")]
    assert got[4] == [("proposals_received", 38, "件"), ("proposals_received", 13, "件"),
                      ("proposals_received", 9, "件")]
    assert got[5] == [("proposals_resolved", 20, "件"), ("proposals_resolved", 11, "件")]


def test_a_count_with_another_number_does_not_take_an_earlier_total():
    got = read_passage(
        "今年县政府共承接县人大常委会转交的代表建议38件。",
        "属于简单事项的要在两周内答复，复杂事项最迟3个月内办结。",
        "截至11月底，25件已全部答复。",
    )
    # trap: 25件 repeats no earlier number and the passage's carry has ended: no code of proposals
    assert all(not code.startswith("proposals") for code, _, _ in got[2])


def test_a_share_in_words_of_a_counted_group_is_an_indicator():
    # (the share is `other`, as a percentage share is)
    assert codes("全镇接近四分之一的人口在外地务工") == [("other", 25.0, "%")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a plan for the future is a target, not a result
        ("明年即将新建村级便民服务点6个。", []),
        ("某县将用两年时间建成20个以上基层实践站。", []),
        # ... while a plan said to be done is counted (计划 inside an outcome stays an outcome)
        ("列入计划逐步解决的建议9件。", [("proposals_resolved", 9.0, "件")]),
        # where a place lies is no measure of work
        ("该乡位于县城东南部42公里,辖9个行政村。", [("admin_context", 9.0, "个")]),
        # a rank in an ordering is a position, not a count of people
        ("从建议类别看,排名前三位的是城乡建设类56件。", [("other", 56.0, "件")]),
        # reports written after surveys and news coverage gained are publications
        ("常委会围绕中心工作开展调研,形成调研报告12个。", [("publications", 12.0, "个")]),
        ("代表联络站的做法被省市媒体报道30余次。", [("publications", 30.0, "次")]),
        ("平台累计上传学习视频210部、学习资料95份。",
         [("publications", 210.0, "部"), ("publications", 95.0, "份")]),
        # trap: reports heard stay activities; reporting to the party committee is no text written
        ("常委会听取审议专项工作报告18个。", [("activities", 18.0, "个")]),
        ("全年向县委请示报告重大事项9次。", [("other", 9.0, "次")]),
        # the consultative conference's proposals counted on their own are no indicator
        ("市政协委员提案涉及本县5件,均已办结。", []),
        # trap: counted together with deputies' proposals they share the proposals' code
        ("代表建议和委员提案共42件。", [("proposals_received", 42.0, "件")]),
    ],
)
def test_round12_plans_places_ranks_publications_and_cppcc_proposals(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # places that have already done something are an achievement counted, not context
        ("截至今年6月,全省已有9个设区市推行代表述职制度。", [("other", 9.0, "个")]),
        ("目前已有23个乡镇实现联络站全覆盖。", [("other", 23.0, "个")]),
        # trap: the composition of the jurisdiction stays context
        ("全县共有14个乡镇。", [("admin_context", 14.0, "个")]),
        # a level joined to organisations (三级联动) counts no organisation
        ("搭建了县-乡镇-村(企业)三级联动服务体系。", []),
        ("涉及28个承办单位。", [("other", 28.0, "个")]),
        # the parts of a text are structure; 部分 after a noun means "partly"
        ("工作报告分为五个部分。", []),
        ("3条巷道部分完工。", [("other", 3.0, "条")]),
    ],
)
def test_round12_places_achieved_levels_and_parts(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the counts that follow the consultative conference's proposals count them too
        ("县政协委员提案涉及本镇9件,6件已办结,2件正在办理,1件暂无法办理。", []),
        # trap: the two bodies' proposals counted together pass on proposals, and so do their parts
        ("代表建议和委员提案已经解决的有30件,正在办理的有12件。",
         [("proposals_resolved", 30.0, "件"), ("proposals_resolved", 12.0, "件")]),
    ],
)
def test_round12_counts_after_cppcc_proposals(sentence, expected):
    assert codes(sentence) == expected


def test_round12_a_joint_count_of_both_bodies_passes_on_deputies_proposals():
    first = "截至年底,12件代表建议和20件委员提案已经办结的有25件,占总数的78%;"
    second = "正在办理、力争年内办结的有7件,占总数的21.9%;"
    got = [(d["indicator"], d["value"]) for d in extract_indicators(second, previous=first)]
    assert got == [("proposals_resolved", 7.0), ("other", 21.9)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a word of the future right before a verb of building or choosing: a plan, not a result
        ("明年全镇将新建并提升8个村级便民服务点。", []),
        ("下半年还计划选取3个代表联络站开展星级评定。", []),
        ("在养老服务方面,全县将开办4所日间照料中心。", []),
        # trap: works done stay counted; 将 as the object marker is no plan
        ("今年新建代表联络站12个。", [("stations", 12.0, "个")]),
        ("常委会将收集到的36条意见转交有关部门。", [("opinions_collected", 36.0, "条")]),
    ],
)
def test_round12_plans_of_building_are_targets(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # decisions made by a congress body are documents, whatever matter they settle
        ("常委会全年作出重大事项决定4项。", [("other", 4.0, "项")]),
        ("作出决议决定11项,听取审议专项工作报告9项。", [("other", 11.0, "项"), ("activities", 9.0, "项")]),
        # trap: 决定 as a verb does not take the count of the deputies it names
        ("会议决定补选5名市人大代表。", [("deputies", 5.0, "名")]),
    ],
)
def test_round12_decisions_are_documents(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a percentage after 其中 is the share of a counted group, not a part of the rate before it
        ("共收到建议62件,均已答复,答复率达100%,其中已经落实的40件,占总数的64.5%。",
         [("proposals_received", 62.0, "件"), ("completion_rate", 100.0, "%"),
          ("proposals_resolved", 40.0, "件"), ("other", 64.5, "%")]),
        # trap: a named rate after 其中 keeps its rate
        ("办结率为98%,其中满意率为95%。", [("completion_rate", 98.0, "%"), ("satisfaction_rate", 95.0, "%")]),
    ],
)
def test_round13_a_share_after_a_rate_is_a_share(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # candidates of an election are not yet deputies (docs/codebook.md §2.1)
        ("经过反复协商,确定县人大代表正式候选人215名。", [("other", 215.0, "名")]),
        ("全乡共提名代表候选人48人。", [("other", 48.0, "人")]),
        # the total of deputies of a congress, given in a clause of its own after 为
        ("经决定,全县各乡镇人大代表总额与上届持平,为1126名。", [("deputies", 1126.0, "名")]),
        # deputies sitting in on a sitting: their attendance; others hearing it: not deputies
        ("本次大会应到代表96名,实到91名,另有15名列席代表参加会议。",
         [("deputies", 96.0, "名"), ("deputies", 91.0, "名"), ("deputy_participation", 15.0, "名")]),
        ("150名县人大代表和64名列席、听会人员出席开幕式。",
         [("deputies", 150.0, "名"), ("other", 64.0, "名")]),
        # officials of the government elected at a sitting are no deputies; officers of the
        # congress are (docs/codebook.md §2.1)
        ("大会选举产生了乡人大主席1名、乡长1名、副乡长3名。",
         [("deputies", 1.0, "名"), ("other", 1.0, "名"), ("other", 3.0, "名")]),
        # trap: deputies elected stay deputies
        ("各选区依法选举产生新一届镇人大代表62名。", [("deputies", 62.0, "名")]),
    ],
)
def test_round13_elections_and_sittings(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # items beyond the body's remit or that must be handled here: the proposals' count
        ("大会期间共收到代表建议48件,有6件不属于本县职权范围,已转请市人大代表提出。",
         [("proposals_received", 48.0, "件"), ("proposals_received", 6.0, "件")]),
        # items screened out (不予采纳) and their parts: proposals by outcome
        ("经审查,收到的120件建议、意见中,4件不予采纳(其中1件属于重复件,3件不符合有关规定)。",
         [("proposals_received", 120.0, "件"), ("proposals_resolved", 4.0, "件"),
          ("proposals_resolved", 1.0, "件"), ("proposals_resolved", 3.0, "件")]),
    ],
)
def test_round13_remit_and_screening_of_proposals(sentence, expected):
    assert codes(sentence) == expected


def test_round13_items_of_the_remit_broken_down_by_handler():
    first = "大会期间收到代表建议60件,其中8件不在本区职责范围之内;"
    second = "52件需由区里办理,当中区政府各部门承办45件,法院检察院承办2件,工青妇组织承办5件。"
    got = [(d["indicator"], d["value"]) for d in extract_indicators(second, previous=first)]
    assert got == [("proposals_received", v) for v in (52.0, 45.0, 2.0, 5.0)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the handlers the items are split up among are counted: other, not the jurisdiction
        ("区政府将95件建议分解到18个区直部门和6个街道办理。",
         [("proposals_received", 95.0, "件"), ("other", 18.0, "个"), ("other", 6.0, "个")]),
        # a list of handling bureaus with their items, after a class of holders (承办…以上的单位)
        ("市政府将210件建议交办各部门,承办15件以上的单位有:市住建局38件、市教育局22件、市城乡管理局16件。",
         [("proposals_received", 210.0, "件"), ("proposals_received", 38.0, "件"),
          ("proposals_received", 22.0, "件"), ("proposals_received", 16.0, "件")]),
        # trap: the towns of the jurisdiction stay its context
        ("全区辖8个镇和4个街道。", [("admin_context", 8.0, "个"), ("admin_context", 4.0, "个")]),
    ],
)
def test_round13_handlers_of_proposals(sentence, expected):
    assert codes(sentence) == expected


def test_round13_opinions_of_a_reception_passed_up_and_answered_on_the_spot():
    first = "联络站全年接待群众120人次,收集意见建议30条;"
    second = "整理形成建议上报7条,现场答复18条。"
    got = [(d["indicator"], d["value"]) for d in extract_indicators(second, previous=first)]
    assert got == [("opinions_collected", 7.0), ("issues_resolved", 18.0)]
    # trap: the deputies' proposals named, answered at a meeting, stay proposals by outcome
    assert codes("会上现场答复代表建议6件。") == [("proposals_resolved", 6.0, "件")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a plan goes on in the clauses that open with a verb of a plan
        ("据答复,该县今年计划完成农村改厕3600户,新建改造通村公路210公里。", []),
        ("明年拟建设村级文化广场12个,改造老旧管网40公里。", []),
        # trap: "as planned" reports what was done; a rate named 完成率 is a rate
        ("按照计划完成改造村道12公里。", [("other", 12.0, "千米")]),
        ("年度计划完成率达到97%。", [("completion_rate", 97.0, "%")]),
        # trap: a clause after a plan that reports what was done is counted
        ("计划改造道路5公里,已完成道路硬化3公里。", [("other", 3.0, "千米")]),
    ],
)
def test_round13_plans_go_on_in_the_clauses_after_them(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # effects of a project a deputy backs: income gained, people reached
        ("这位代表领办的合作社累计帮助果农增收860万元。", [("other", 8600000.0, "元")]),
        ("该保险项目覆盖农户3200人次,惠及群众1.5万名。",
         [("other", 3200.0, "人次"), ("other", 15000.0, "名")]),
        # trap: money invested stays funding; constituents received stay contacts
        ("区政府投资520万元修缮道路。", [("funding", 5200000.0, "元")]),
        ("代表们走访群众260人次。", [("constituent_contacts", 260.0, "人次")]),
        # measurements of objects and spacing are no indicators
        ("村里的蓄水池容量仅30立方米,塔高不到5米。", []),
        ("排队时保持间隔2米。", []),
        # trap: a pipeline laid is a work done
        ("铺设供水管道3200米。", [("other", 3200.0, "米")]),
    ],
)
def test_round13_effects_and_measurements(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the voters of a jurisdiction or of its electoral districts: the electorate, a fact of
        # the place (docs/codebook.md §2.1)
        ("该选区由东岸和西岸社区组成,共有选民6200名。", [("admin_context", 6200.0, "名")]),
        ("新设的代表工作站服务4个选区9000余名选民。",
         [("admin_context", 4.0, "个"), ("admin_context", 9000.0, "名")]),
        ("本次换届全县约有45万选民参加,依法行使选举权。", [("admin_context", 450000.0, "人")]),
        ("他们代表着全县60多万选民的意愿。", [("admin_context", 600000.0, "人")]),
        # trap: voters the deputies meet stay constituent contacts, whatever the sentence
        ("代表回到原选区报告履职情况,80名选民到场参加。", [("constituent_contacts", 80.0, "名")]),
        ("两名代表来到原选区,与40余名选民代表面对面交流。", [("deputies", 2.0, "名"), ("constituent_contacts", 40.0, "名")]),
        ("在选区内走访选民150人次。", [("constituent_contacts", 150.0, "人次")]),
    ],
)
def test_round13_the_electorate_is_a_fact_of_the_place(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a change in percent against an earlier period: other, as changes are
        ("今年村集体收入达52万元,同比增长40%。", [("other", 520000.0, "元"), ("other", 40.0, "%")]),
        ("代表之家接待群众3100人次,较上年增加18%。", [("constituent_contacts", 3100.0, "人次"), ("other", 18.0, "%")]),
        # traps: a rate named in the clause keeps its code; growth of the economy is no indicator
        ("满意率同比提高到97%。", [("satisfaction_rate", 97.0, "%")]),
        ("全县地区生产总值同比增长6.1%。", []),
    ],
)
def test_round13_changes_in_percent_are_changes(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a length right before the object it describes is its size
        ("全市更换了210辆8米公交车辆。", [("other", 210.0, "辆")]),
        ("新购两台11米大容量客车。", [("other", 2.0, "台")]),
        # motions put to a sitting of the congress are proposals, not cases
        ("常委会重点督办大会议案6件。", [("proposals_received", 6.0, "件")]),
        # trap: a length of a work done stays counted
        ("新修通村公路12公里。", [("other", 12.0, "千米")]),
    ],
)
def test_round13_sizes_of_objects_and_motions_of_a_sitting(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the people right after the number are the subject of a clause whose head, after 的,
        # is what is counted
        ("街道聘请了6名群众威望高、熟悉调解工作的人大代表担任调解员。", [("deputies", 6.0, "名")]),
        # trap: people named right after the number and nothing else before 的 stay counted
        ("邀请群众代表120名列席会议。", [("constituent_contacts", 120.0, "名")]),
        # trap: not a count of people: the place or unit after the number stays counted
        ("涉及区教育局等5个单位所承办的建议32件。", [("other", 5.0, "个"), ("proposals_received", 32.0, "件")]),
    ],
)  # fmt: skip
def test_people_right_after_a_count_may_be_the_subject_of_a_relative_clause(sentence, expected):
    assert codes(sentence) == expected


# --------------------------------------------------------------------------- round 15
# Families of fresh set 4. All sentences are constructed.


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # money given or raised as a donation is what the giver did, not funding
        ("县人大代表周某向镇慈善分会捐款6万元，支持抗洪救灾。", [("other", 60000.0, "元")]),
        ("两名市人大代表各捐赠现金2万元。", [("deputies", 2.0, "名"), ("other", 20000.0, "元")]),
        ("全乡代表共募集善款18余万元。", [("other", 180000.0, "元")]),
        ("某企业家代表向县红十字会捐資5萬元。", [("other", 50000.0, "元")]),
        # trap: money budgeted for the work of deputies stays funding
        ("县财政每年安排代表活动经费60万元。", [("funding", 600000.0, "元")]),
    ],
)  # fmt: skip
def test_round15_donations_are_not_funding(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the rate of deputies met in person is a named rate other than completion
        ("建议全部按期答复，办复率100%，承办单位与代表见面率96%。",
         [("completion_rate", 100.0, "%"), ("other", 96.0, "%")]),
        # a run of rates sharing one numeral takes its first completion or satisfaction rate
        ("代表见面率、建议办结率均达到100%。", [("completion_rate", 100.0, "%")]),
        # trap: a run of completion and satisfaction keeps the first named
        ("办结率、满意率均为100%。", [("completion_rate", 100.0, "%")]),
    ],
)  # fmt: skip
def test_round15_meeting_rate_is_another_named_rate(sentence, expected):
    assert codes(sentence) == expected


def test_round15_a_sorting_phrase_opens_a_breakdown_by_topic():
    assert chain(
        "本届以来代表共提出建议260件，其中会议期间241件，闭会期间19件。",
        "按建议内容分类：乡村振兴方面58件，占比22.3%；",
        "城乡建设方面71件，占比27.3%；",
        "民生保障方面131件，占比50.4%。",
    ) == [
        [("proposals_received", 260, "件"), ("proposals_received", 241, "件"), ("proposals_received", 19, "件")],
        [("proposals_received", 58, "件"), ("other", 22.3, "%")],
        [("proposals_received", 71, "件"), ("other", 27.3, "%")],
        [("proposals_received", 131, "件"), ("other", 50.4, "%")],
    ]


def test_round15_a_sorting_phrase_without_a_topic_label_inherits_nothing():  # trap
    assert chain(
        "全年共收到代表建议120件。",
        "从工作方式看，走访选民450人次。",
    ) == [[("proposals_received", 120, "件")], [("constituent_contacts", 450, "人次")]]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # deputies who did co-sign a motion are counted
        ("刘某等18名代表联名提出的关于改善农村供水的议案被列为大会议案。", [("deputies", 18.0, "名")]),
        ("9名县人大代表联名建议增设社区卫生站。", [("deputies", 9.0, "名")]),
        # trap: the signers a motion needs are a threshold, not a count
        ("代表十人以上联名，可以向大会提出议案。", []),
        ("经二十名以上代表联名提出。", []),
    ],
)  # fmt: skip
def test_round15_deputies_who_co_sign(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # departments and the places listed with them share the items out: handlers
        ("承办建议的单位共涉及市直17个部门和5个乡镇。", [("other", 17.0, "个"), ("other", 5.0, "个")]),
        ("分别交由 21 个部门和 7 个街道办理。", [("other", 21.0, "个"), ("other", 7.0, "个")]),
        # trap: places of the jurisdiction listed together stay context
        ("全市辖4个街道和11个乡镇。", [("admin_context", 4.0, "个"), ("admin_context", 11.0, "个")]),
    ],
)  # fmt: skip
def test_round15_places_listed_with_departments_are_handlers(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # matters done hold their noun in the verb: never the noun of the count before
        ("驻站代表帮助调处邻里纠纷14件，办实事31件。", [("cases", 14.0, "件"), ("issues_resolved", 31.0, "件")]),
        # matters of livelihood solved are matters done, not projects
        ("依托履职平台收集群众意见640条，解决民生实事205件。",
         [("opinions_collected", 640.0, "条"), ("issues_resolved", 205.0, "件")]),
        # trap: livelihood projects voted on or carried out stay projects
        ("代表票决产生年度民生实事项目9件。", [("projects", 9.0, "件")]),
        ("镇政府全年实施12件民生实事。", [("projects", 12.0, "件")]),
    ],
)  # fmt: skip
def test_round15_matters_done_and_livelihood_matters_solved(sentence, expected):
    assert codes(sentence) == expected


def test_round15_handling_states_listed_after_a_total():
    assert chain(
        "本年度交办的代表建议共86件，其中已办结79件，尚需部门协同、正在协调的4件；",
        "留作研究和参考的3件，占3.5%。",
    ) == [
        [("proposals_received", 86, "件"), ("proposals_resolved", 79, "件"), ("proposals_resolved", 4, "件")],
        [("proposals_resolved", 3, "件"), ("other", 3.5, "%")],
    ]


def test_round15_partly_effective_items_of_a_class_are_an_outcome():
    assert codes("A类建议中，12件已得到落实，20件取得一定成效，需继续推进。") == [
        ("proposals_resolved", 12.0, "件"),
        ("proposals_resolved", 20.0, "件"),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # goods handed out, by their container: other
        ("春节前，镇人大代表为困难群众送去大米60袋、食用油45瓶、牛奶30箱。",
         [("other", 60.0, "袋"), ("other", 45.0, "瓶"), ("other", 30.0, "箱")]),
        # works dug and honours received, in measure words that are also ordinary words
        ("在代表推动下，村里新打机井4眼，整修山塘16口。", [("other", 4.0, "眼"), ("other", 16.0, "口")]),
        ("两年来工作室收到群众送来的锦旗20余面。", [("other", 20.0, "面")]),
    ],
)  # fmt: skip
def test_round16_goods_and_works_in_their_measure_words_are_other(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # the same words after a Chinese numeral: no count
        "联络站四面墙上贴满了代表的照片。",
        "群众一眼就能认出站里的代表。",
        "她一口气把村里的难题说了个遍。",
    ],
)  # fmt: skip
def test_round16_measure_words_after_a_chinese_numeral_are_no_indicator(sentence):
    assert codes(sentence) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # kinds counted right after a list closed by 等: they count the kinds listed
        ("代表反映的问题涉及道路交通、医疗卫生、乡村振兴等六大类。", [("other", 6.0, "类")]),
        ("联络站统一印制了《来访登记表》《意见转办单》等5类工作台账。", [("other", 5.0, "类")]),
        ("合作社种植了香菇、木耳、天麻等十来种特色农产品。", [("other", 10.0, "种")]),
        # trap: kinds with no list before them stay structure
        ("群众反映的问题主要有四种。", []),
        # trap: kinds a total is sorted into, without a list before them, stay structure
        ("这些意见大致可以分为两大类。", []),
        ("办理结果分为以下三类：已经解决的、正在解决的和留作参考的。", []),
    ],
)  # fmt: skip
def test_round16_kinds_counted_after_a_list_are_other(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, previous, expected",
    [
        # a time label of the congress's cycle before a count is no sitting counted: the count
        # counts the proposals of the passage, by the state said after it
        ("经办理，会议期间31件已办理答复完成。", "全年共交办代表建议35件。", [("proposals_resolved", 31.0, "件")]),
        ("其中大会期间52件已办结，闭会期间4件正在办理中。", "区政府承办代表建议56件。",
         [("proposals_resolved", 52.0, "件"), ("proposals_resolved", 4.0, "件")]),
        # trap: sittings held during a session stay activities
        ("本次会议期间召开主席团会议4次。", None, [("activities", 4.0, "次")]),
        # a delegation's suggestions in the form of a motion (建议案) are proposals, not court cases
        ("省人代会期间，某县代表团提交建议案31件。", None, [("proposals_received", 31.0, "件")]),
        # trap: court cases stay cases
        ("县法院全年审结民商事案件420件。", None, [("cases", 420.0, "件")]),
    ],
)  # fmt: skip
def test_session_period_labels_and_motion_form_suggestions(sentence, previous, expected):
    got = [(d["indicator"], d["value"], d["unit"]) for d in extract_indicators(sentence, previous=previous)]
    assert got == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a count after a word of change is the new value of the count before it
        ("经二次办理，列为A类的建议由原来的38件上升为57件。",
         [("proposals_resolved", 38.0, "件"), ("proposals_resolved", 57.0, "件")]),
        ("全县代表联络站由2021年的26个增加到41个。", [("stations", 26.0, "个"), ("stations", 41.0, "个")]),
        # traps: a change against an earlier period stays a change; counts in other clauses
        # keep their own codes
        ("全年收到代表建议96件，比去年增加7件。", [("proposals_received", 96.0, "件"), ("other", 7.0, "件")]),
        ("新建代表之家12个，接待群众上升到900人次。", [("stations", 12.0, "个"), ("constituent_contacts", 900.0, "人次")]),
    ],
)  # fmt: skip
def test_a_count_after_a_word_of_change_takes_the_code_before_it(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # places acted upon: works carried out on them, equipment fitted, problems solved there
        ("县里统筹资金，对18个行政村实施道路硬化工程。", [("other", 18.0, "个")]),
        ("今年为9个村配套了室外健身器材。", [("other", 9.0, "个")]),
        ("代表督促有关部门整改了37个小区的消防通道问题。", [("other", 37.0, "个")]),
        ("镇政府帮助解决了5个自然村的饮水难题。", [("other", 5.0, "个")]),
        # traps: the composition of the jurisdiction and where a policy applies stay context
        ("全县辖14个乡镇，共有203个行政村。", [("admin_context", 14.0, "个"), ("admin_context", 203.0, "个")]),
        ("这项改革已在全市11个镇推开，目前在11个镇实施。", [("admin_context", 11.0, "个"), ("admin_context", 11.0, "个")]),
    ],
)  # fmt: skip
def test_round16_places_acted_upon_are_other(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # work in general and matters decided are no livelihood projects
        ("常委会研究重要工作15项，其中涉及人事任免事项6项。", [("other", 15.0, "项"), ("other", 6.0, "项")]),
        ("向县委请示报告重大事项9项。", [("other", 9.0, "项")]),
        ("常委会制定了代表履职管理办法等4个文件。", [("other", 4.0, "个")]),
        ("全县建成蔬菜基地26个。", [("other", 26.0, "个")]),
        # a site counted after the programme it belongs to stays a site
        ("去年全市“米袋子”工程建成水稻基地12个。", [("other", 12.0, "个")]),
        # opinions of the standing committee issued in numbered issues
        ("向政府交办审议意见14期。", [("review_opinions", 14.0, "期")]),
        # traps: livelihood projects and key tasks stay projects
        ("镇人大票决确定民生实事项目7个。", [("projects", 7.0, "个")]),
        ("为乡镇人大列出5项重点工作。", [("projects", 5.0, "项")]),
    ],
)  # fmt: skip
def test_round16_work_matters_documents_and_sites_are_not_projects(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the voters of an election are the electorate, a fact of the place (docs/codebook.md §2.1)
        ("全县45万选民参加选举。", [("admin_context", 450000.0, "人")]),
        ("某区13万余名选民将选举产生区人大代表170名。", [("admin_context", 130000.0, "名"), ("deputies", 170.0, "名")]),
        # trap: voters the deputies received stay contacts, whatever the sentence says of elections
        ("代表接待选民120人次，宣传选举产生代表的程序。", [("constituent_contacts", 120.0, "人次")]),
    ],
)  # fmt: skip
def test_round16_voters_of_an_election_are_context(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # livelihood projects counted under their names: N大 before the projects, a quoted
        # count in Arabic digits, a count that the deputies' vote picks
        ("市人大代表对2024年八大民生实事项目开展跟踪监督", [("projects", 8.0, "项")]),
        ("经代表无记名投票，票决出县政府2023年“9件实事”。", [("projects", 9.0, "件")]),
        ("乡人大主席团筛选出候选项目15项进行票决", [("projects", 15.0, "项")]),
        # items reported up to the Party committee are reporting, not projects
        ("常委会党组全年向县委请示报告重要工作18项", [("other", 18.0, "项")]),
        # bases built and documents issued are not projects, whatever project word stands before
        ("全县建成“产业振兴”工程养殖基地24个、种植基地9个",
         [("other", 24.0, "个"), ("other", 9.0, "个")]),
        ("修订完善了规范代表活动、加强项目监督等7个文件", [("other", 7.0, "个")]),
        # lists of problems are no task lists: the lists are other, the problems on them opinions
        ("针对专项检查发现的短板，形成问题清单6件41条", [("other", 6.0, "件"), ("opinions_collected", 41.0, "条")]),
        ("梳理问题清单3份，交有关部门限期整改", [("other", 3.0, "份")]),
        ("制定年度任务清单15项", [("projects", 15.0, "项")]),  # trap: a task list is projects
        # traps: slogans and a party congress stay no indicator
        ("坚决贯彻党的二十大精神，聚焦“三件事”开展监督", []),
        ("推广“2个1”联系群众工作法", []),
    ],
)  # fmt: skip
def test_round17_livelihood_projects_and_items_that_are_not_projects(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # laws whose enforcement is inspected: the inspection before them, the enforcement after
        ("本届以来，常委会先后检查12部法律法规的贯彻执行情况", [("activities", 12.0, "部")]),
        # trap: laws deliberated or passed are documents, not inspections
        ("常委会审议地方性法规草案4部，表决通过3部", [("other", 4.0, "部"), ("other", 3.0, "部")]),
        # reports heard go on after a clause comma without a verb of their own
        ("听取和审议专项工作报告18项，国民经济计划、财政预算和审计工作报告7项",
         [("activities", 18.0, "项"), ("activities", 7.0, "项")]),
        # trap: reports written are publications, in their own measure word
        ("听取意见后，形成专题调研报告5篇", [("publications", 5.0, "篇")]),
        # meetings held along a list share the verb that holds the first one
        ("联络站召开3场代表动员会、4场背街小巷整治议事会", [("activities", 3.0, "场"), ("activities", 4.0, "场")]),
        # duty shifts at a station and online oversight, counted in 次
        ("上半年，站内代表轮流值班9次，接待选民31人次", [("activities", 9.0, "次"), ("constituent_contacts", 31.0, "人次")]),
        ("依托数字平台，全年开展“云监督”2600余次", [("activities", 2600.0, "次")]),
        # trap: teams sent out for a task are the teams, not rounds of work
        ("常委会抽调人员组成4个督办组，分赴各承办单位开展督办", [("other", 4.0, "个")]),
    ],
)  # fmt: skip
def test_round18_what_a_committee_did_counted_by_its_object(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a headline without punctuation: the space before a phrase parts the title from its
        # subtitle, and the subtitle's words do not code the title's count
        ("本年度重点督办9件县人大代表建议 推动建议件件落实见效", [("proposals_received", 9.0, "件")]),
        ("市人大代表提交议案建议318件 市政协委员提交提案402件 立案297件",
         [("proposals_received", 318.0, "件")]),
        # trap: a space before a short word joins coordinated nouns, not two phrases
        ("截至6月 平台已汇集群众意见 建议800多条", [("opinions_collected", 800.0, "条")]),
        # trap: prose keeps its stray spaces inside a clause
        ("全年督办代表建议12件，已全部 办结", [("proposals_received", 12.0, "件")]),
    ],
)  # fmt: skip
def test_round18_a_space_parts_a_headline_title_from_its_subtitle(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "previous, sentence, expected",
    [
        # a short noun of its own that ends the clause is what the count counts: no carry
        ("全区划分为8个代表小组。", "围绕城乡建设等4大主题，实地察看9个观察点。",
         [("other", 9.0, "个")]),
        # traps: a predicate or nothing after the count still reads the earlier noun
        ("共收到代表建议35件。", "已办结29件。", [("proposals_resolved", 29.0, "件")]),
        ("共收到代表建议35件。", "35件中，已办结29件。",
         [("proposals_received", 35.0, "件"), ("proposals_resolved", 29.0, "件")]),
    ],
)  # fmt: skip
def test_round18_a_short_noun_at_the_clause_end_takes_no_carry(previous, sentence, expected):
    got = [(d["indicator"], d["value"], d["unit"]) for d in extract_indicators(sentence, previous=previous)]
    assert got == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a rank word holding another noun (标准化, 高标准) stays inside the compound
        ("截至年底,全县已建成86个标准化“代表之家”。", [("stations", 86.0, "个")]),
        ("今年新建3个高标准人大代表联络站。", [("stations", 3.0, "个")]),
        # trap: building more is a plan (将再建, 计划再建)
        ("镇人大明年将再建3个高标准人大代表联络站。", []),
        # the legislature's contact points and their information-gathering points are stations
        ("联系点下设22个信息采集站,覆盖街道和企业。", [("stations", 22.0, "个")]),
        ("全市已设立基层立法联系点48个。", [("stations", 48.0, "个")]),
        # traps: the standard alone, and a standard outside a station
        ("会议明确了4个标准。", []),
        ("镇里新建高标准农田2000亩。", []),
    ],
)  # fmt: skip
def test_rank_words_and_legislative_points_count_stations(sentence, expected):
    assert [c for c in codes(sentence) if c[0] == "stations"] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a mixed group of people after a verb of meeting people: the constituents met
        ("县人大代表入户看望了村组干部和困难群众560人次，收集意见建议40条。",
         [("constituent_contacts", 560.0, "人次"), ("opinions_collected", 40.0, "条")]),
        ("驻站代表走访联系基层代表及居民群众1200人次。", [("constituent_contacts", 1200.0, "人次")]),
        # traps: the same group with no such verb stays a mixed group
        ("部门负责人和领衔代表14人参加了督办会。", [("other", 14.0, "人")]),
        ("80名代表和群众参加了评议。", [("other", 80.0, "名")]),
        # the constituents a deputy keeps in touch with
        ("该联络站代表已与120名联系对象建立经常性联系。", [("constituent_contacts", 120.0, "名")]),
        # duty rosters and activities counted in person-times: deputies taking part
        ("两年来，站长轮值160人次，接待选民1800人次。",
         [("deputy_participation", 160.0, "人次"), ("constituent_contacts", 1800.0, "人次")]),
        # drafts and laws put out for opinions: one consultation per law
        ("该立法联系点今年完成了14部法律法规草案的意见征集。", [("activities", 14.0, "部")]),
        ("围绕9部已审议通过的法律累计上报修改意见260条。",
         [("activities", 9.0, "部"), ("opinions_collected", 260.0, "条")]),
        # traps: laws made or reviewed stay documents
        ("全年制定地方性法规4部，审议法规草案6件。", [("other", 4.0, "部"), ("other", 6.0, "件")]),
        ("审议通过法规5部，征求意见建议180条。", [("other", 5.0, "部"), ("opinions_collected", 180.0, "条")]),
        # the public taking part in a consultation with no deputies named: constituents reached
        ("召开立法座谈会12场，300余人次参与，征集修改意见90条。",
         [("activities", 12.0, "场"), ("constituent_contacts", 300.0, "人次"), ("opinions_collected", 90.0, "条")]),
        # traps: a contest's entrants; deputies taking part
        ("举办各类文体比赛15场，8000多人次参与。", [("activities", 15.0, "场"), ("other", 8000.0, "人次")]),
        ("组织代表开展调研，共有900多人次参与，收集意见40条。",
         [("deputy_participation", 900.0, "人次"), ("opinions_collected", 40.0, "条")]),
    ],
)
def test_contacts_rosters_and_consultations_round21(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # put into next year's plan or the year's legislative plan: an outcome
        ("本年度共办结建议40件，另有9件建议列入明年计划。",
         [("proposals_resolved", 40.0, "件"), ("proposals_resolved", 9.0, "件")]),
        ("届内代表共提出议案12件，其中8件议案被列入年度立法计划。",
         [("proposals_received", 12.0, "件"), ("proposals_resolved", 8.0, "件")]),
        # still under study or awaiting approval, said after the count
        ("B类建议中，6件已落实，14件由省级部门研究或审批中。",
         [("proposals_resolved", 6.0, "件"), ("proposals_resolved", 14.0, "件")]),
        # parts in a row after an outcome go on with it, whatever weak noun they carry
        ("本届共收到代表议案15件，其中10件被列入立法计划，有2件条例已颁布实施，另有3件仍在审议中。",
         [("proposals_received", 15.0, "件"), ("proposals_resolved", 10.0, "件"),
          ("proposals_resolved", 2.0, "件"), ("proposals_resolved", 3.0, "件")]),
        # traps: parts by topic stay the total's; laws counted alone stay documents
        ("收到代表建议64件，其中城建方面20件、教育方面11件。",
         [("proposals_received", 64.0, "件"), ("proposals_received", 20.0, "件"), ("proposals_received", 11.0, "件")]),
        ("今年共有2件法规颁布实施。", [("other", 2.0, "件")]),
    ],
)
def test_handling_outcomes_round22(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # places given a task by the committee: handlers of the work, not context
        ("县人大常委会委托7个乡镇人大对3部法规开展执法检查。",
         [("other", 7.0, "个"), ("activities", 3.0, "部")]),
        # trap: the same places stated as the county's composition stay context
        ("该县下辖7个乡镇、2个街道。", [("admin_context", 7.0, "个"), ("admin_context", 2.0, "个")]),
        # a policy carried out in places listed after 在: every place of the list is context
        ("近年来，该市先后在全市16个镇、4个街道推行议事会制度。",
         [("admin_context", 16.0, "个"), ("admin_context", 4.0, "个")]),
        # ... also when 和 joins the places (the locative is shared along the list, not read
        # only before the first place)
        ("今年起在5个镇和2个街道实施代表履职积分管理。",
         [("admin_context", 5.0, "个"), ("admin_context", 2.0, "个")]),
        # trap: works carried out on listed places (对…) are places acted upon
        ("对9个行政村、2个社区实施污水管网改造。", [("other", 9.0, "个"), ("other", 2.0, "个")]),
        # progress already made on works: a share of the work done
        ("新馆主体工程目前已完成70%，附属道路累计完成60%。", [("other", 70.0, "%"), ("other", 60.0, "%")]),
        # trap: a planned share is a target, no indicator
        ("该市今年计划完成改厕1.2万户，对80%以上的生活污水进行处理。", []),
    ],
)
def test_round22_places_given_tasks_listed_places_and_progress(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # rates and shares of the consultative conference's proposals: another body's work
        ("县政协委员共提交提案126件，其中交由县政府办理118件，占93.65%。", []),
        ("政协提案办结率达100%，委员满意率为97.2%。", []),
        # traps: the congress's own proposals, alone or handled with the conference's
        ("人大代表建议和政协提案办结率均达100%。", [("completion_rate", 100.0, "%")]),
        ("代表建议满意率为96.8%。", [("satisfaction_rate", 96.8, "%")]),
    ],
)
def test_round22_rates_of_another_bodys_proposals_are_no_indicators(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "previous, sentence, expected",
    [
        # the share of the conference's proposals in the clause after their count: no indicator
        ("", "市政府部门承办人大代表建议140件，占建议总数的92.1%，承办政协提案210件，占提案总数的95.45%。",
         [("proposals_received", 140.0, "件"), ("other", 92.1, "%")]),
        # ... also when the count's noun is carried from the sentence before
        ("各承办单位共承办县人大代表建议90件和县政协提案160件，按类别分如下。",
         "政协提案中A类件120件，占总数的75%；",
         []),
        # traps: the share of the deputies' proposals by class stays a share
        ("各承办单位共承办县人大代表建议90件。", "其中A类件60件，占总数的66.67%；",
         [("proposals_resolved", 60.0, "件"), ("other", 66.67, "%")]),
        ("", "全镇有少数民族群众1200人，占总人口的12%。", [("admin_context", 1200.0, "人"), ("other", 12.0, "%")]),
    ],
)
def test_shares_of_another_bodys_items_are_no_indicators(previous, sentence, expected):
    assert passage(previous, sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a sorting phrase inside the sentence, after the total, splits it by delegation or handler
        ("本次会议收到代表建议320件，按提出单位分：东山县代表团96件，西河区代表团81件。",
         [("proposals_received", 320.0, "件"), ("proposals_received", 96.0, "件"),
          ("proposals_received", 81.0, "件")]),
        ("共收到建议210件，按交办对象分：政府系统185件，法院系统6件；按代表团分：甲县代表团70件。",
         [("proposals_received", 210.0, "件"), ("proposals_received", 185.0, "件"),
          ("proposals_received", 6.0, "件"), ("proposals_received", 70.0, "件")]),
        # handed out respectively: the items are parts; a count of units (个单位) is not
        ("大会期间代表提出建议300件，分别交县政府系统27个单位办理281件、县法院办理5件。",
         [("proposals_received", 300.0, "件"), ("other", 27.0, "个"),
          ("proposals_received", 281.0, "件"), ("proposals_received", 5.0, "件")]),
        # traps: a percentage share keeps its code; a count in another unit is not a part
        ("共收到建议150件，按领域分：城建方面60件，占40%。",
         [("proposals_received", 150.0, "件"), ("proposals_received", 60.0, "件"), ("other", 40.0, "%")]),
        ("全年收到建议88件，分别交由12个部门办理。",
         [("proposals_received", 88.0, "件"), ("other", 12.0, "个")]),
    ],
)
def test_round22_breakdowns_opened_inside_the_sentence(sentence, expected):
    assert codes(sentence) == expected


def test_round22_a_sentence_opening_with_a_sorting_phrase_splits_the_total_before():
    assert chain(
        "本次会议共收到代表建议280件，按代表团分：北岭县代表团90件，南湖区代表团64件；",
        "按承办系统分：党群系统11件，政府系统259件，县人民法院4件。",
        "交办数量较多的部门是：县住建局31件，县农业农村局27件，共58件。",
    ) == [
        [("proposals_received", 280.0, "件"), ("proposals_received", 90.0, "件"), ("proposals_received", 64.0, "件")],
        [("proposals_received", 11.0, "件"), ("proposals_received", 259.0, "件"), ("proposals_received", 4.0, "件")],
        [("proposals_received", 31.0, "件"), ("proposals_received", 27.0, "件"), ("proposals_received", 58.0, "件")],
    ]


def test_round22_a_sorting_phrase_before_a_count_of_units_inherits_nothing():  # trap
    assert chain(
        "代表评价满意的190件，基本满意的6件。",
        "从承办主体看，县政府所属24个部门主办建议170件。",
    ) == [
        [("proposals_resolved", 190.0, "件"), ("proposals_resolved", 6.0, "件")],
        [("other", 24.0, "个"), ("proposals_received", 170.0, "件")],
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # draft motions received at a session (议事原案): proposals, not court cases (案)
        ("大会主席团在省人代会上收到议事原案9件，均由代表10人以上联名。", [("proposals_received", 9.0, "件")]),
        ("经审查，这9件议事原案中，有3件列为大会议案。",
         [("proposals_received", 9.0, "件"), ("proposals_received", 3.0, "件")]),
        # their breakdown by field takes the code of the total
        ("县人代会共收到议事原案7件，其中，农业2件、教育3件、交通2件。",
         [("proposals_received", 7.0, "件"), ("proposals_received", 2.0, "件"),
          ("proposals_received", 3.0, "件"), ("proposals_received", 2.0, "件")]),
        # traps: court and mediation cases stay cases
        ("区法院全年受理诉讼案件560件，诉前调解成功210件。", [("cases", 560.0, "件"), ("cases", 210.0, "件")]),
        # practical matters (实事) picked by a vote or a selection, or carried out: livelihood projects
        ("代表们投票评选出群众最满意的十件实事。", [("projects", 10.0, "件")]),
        ("这十件实事是从52件实事项目中评选出来的。", [("projects", 10.0, "件"), ("projects", 52.0, "件")]),
        ("去年有8项实事提前完成。", [("projects", 8.0, "项")]),
        # traps: matters done or solved for residents stay issues_resolved
        ("全年为群众办实事36件。", [("issues_resolved", 36.0, "件")]),
        ("代表们帮助群众办成实事18件。", [("issues_resolved", 18.0, "件")]),
        # units said after the count to be commended: awards
        ("确定市教育局等4家单位为建议办理工作先进单位，市卫健委等7家单位为表扬单位。",
         [("awards", 4.0, "家"), ("awards", 7.0, "家")]),
        # trap: handling units with no honour stay handlers
        ("对承担办理任务的45家单位进行了考核。", [("other", 45.0, "家")]),
    ],
)
def test_draft_motions_selected_matters_and_commended_units_round22(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # suggestions in 件 in a sentence that names the deputies' motions gathered and screened:
        # formal proposals, and those screened out an outcome
        ("主席团对会议期间收集的议案、建议和意见逐件审查，认为150件均属于建议、意见，6件不予采纳。",
         [("proposals_received", 150.0, "件"), ("proposals_resolved", 6.0, "件")]),
        # traps: opinions gathered from the public stay opinions
        ("联络站收集群众意见建议45件，形成代表建议8件。",
         [("opinions_collected", 45.0, "件"), ("proposals_received", 8.0, "件")]),
        ("代表们在站内收集意见建议30件。", [("opinions_collected", 30.0, "件")]),
    ],
)
def test_suggestions_screened_with_the_motions_round22(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # aspects counted right after the number head their own phrase, even with 的 and a
        # noun after it: structure, no indicator
        ("视察组形成专题报告，提出11个方面的意见建议，供区政府参考。", []),
        ("群众对住房、医疗等三个方面的意见比较集中。", []),
        # traps: a relative clause after the number still yields the noun after 的
        ("全市建成15个覆盖教育、卫生等行业的专业代表工作站。", [("stations", 15.0, "个")]),
        # ... and opinions counted after their aspects are still counted
        ("围绕4个方面收集意见建议62条。", [("opinions_collected", 62.0, "条")]),
    ],
)
def test_aspects_before_a_relative_marker_round23(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # poor households visited by deputies: constituents met
        ("代表们深入走访贫困户72户，征求意见建议14条。",
         [("constituent_contacts", 72.0, "户"), ("opinions_collected", 14.0, "条")]),
        # trap: households in need helped are aid given
        ("代表结对帮扶困难群众25户。", [("other", 25.0, "户")]),
    ],
)
def test_poor_households_visited_round23(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # 一个 in a list that ends with a count in Arabic digits: each item is counted
        ("全乡现有一个人大代表之家、一个代表活动站和14个代表联系点。",
         [("stations", 1.0, "个"), ("stations", 1.0, "个"), ("stations", 14.0, "个")]),
        # traps: articles joined only to each other stay articles
        ("会上一位代表和一名群众先后发言。", []),
        ("村里有一个活动室和一个文化广场。", []),
    ],
)
def test_articles_listed_before_a_count_round23(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # constituents a deputy keeps in touch with, counted in 个 right after their noun
        ("全乡40名代表共联系困难群众86个。",
         [("deputies", 40.0, "名"), ("constituent_contacts", 86.0, "个")]),
        # trap: a platform named between them is counted, not the constituents
        ("全区建成代表联系群众平台312个。", [("other", 312.0, "个")]),
    ],
)
def test_constituents_counted_in_ge_round24(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # policies explained to residents: talks given
        ("驻站代表为居民讲解惠农政策六十余次。", [("activities", 60.0, "次")]),
        # topics deliberated by the standing committee: one deliberation each
        ("全年常委会共审议议题48个。", [("activities", 48.0, "个")]),
        # trap: a topic studied under a political formula is no deliberation
        ("党组坚持学习“第一议题”31个。", [("other", 31.0, "个")]),
    ],
)
def test_talks_and_topics_deliberated_round24(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # leaflets handed out are publications
        ("活动中发放普法宣传册450余份。", [("publications", 450.0, "份")]),
        # trap: souvenirs handed out after them are goods, not leaflets
        ("发放宣传手册80份，发放纪念品60份。",
         [("publications", 80.0, "份"), ("other", 60.0, "份")]),
    ],
)
def test_leaflets_handed_out_round24(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # party delegates are not people's deputies; CPPCC members counted alone are another body's
        ("全县现有党代表210名，县人大代表236名，县政协委员188名。",
         [("other", 210.0, "名"), ("deputies", 236.0, "名")]),
    ],
)
def test_party_delegates_and_cppcc_members_round24(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a rate's change against an earlier period is a change
        ("今年代表建议办结率同比提高12%。", [("other", 12.0, "%")]),
        # traps: a new value reached, and the rate itself, keep the rate's code
        ("建议办结率较上年提高到97%。", [("completion_rate", 97.0, "%")]),
        ("代表建议答复率达到91%。", [("completion_rate", 91.0, "%")]),
        # a rate of dissatisfaction is no satisfaction rate
        ("满意票20票，不满意率为4%。", [("other", 20.0, "票"), ("other", 4.0, "%")]),
    ],
)
def test_rate_changes_and_dissatisfaction_round24(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # suggestions that deputies put forward while a session sits are proposals, in 件 too
        ("在县人代会召开期间，代表团22名代表认真审议各项报告，共提出关于修缮校舍、整治河道等意见、建议37件。",
         [("deputies", 22.0, "名"), ("proposals_received", 37.0, "件")]),
        # trap: suggestions gathered from residents stay opinions
        ("代表们走访居民，收集意见、建议37件。", [("opinions_collected", 37.0, "件")]),
    ],
)
def test_suggestions_raised_while_a_session_sits_round24(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # counties and districts counted by their noun alone are units of the jurisdiction
        ("这条铁路将惠及沿线4县2区的群众。", [("admin_context", 4.0, "县"), ("admin_context", 2.0, "区")]),
        ("全市下辖5县3区。", [("admin_context", 5.0, "县"), ("admin_context", 3.0, "区")]),
        # ballot boxes are equipment of an election, not electoral districts
        ("全县划分为96个选区，设立流动票箱120个。", [("admin_context", 96.0, "个"), ("other", 120.0, "个")]),
        ("各选区共设置固定投票箱88个。", [("other", 88.0, "个")]),
        # goods counted with 面 after a Chinese numeral
        ("几位村民把三面锦旗送到了联络站。", [("other", 3.0, "面")]),
        # a dotted decimal before 万元 is one amount of money
        ("当年代表活动经费支出5·2万元。", [("funding", 52000.0, "元")]),
        # traps: phases, rounds, session lists and place names with numerals count nothing
        ("西街地块二期进入二轮征求意见阶段。", []),
        ("代表们视察了县十五届人大二次、十六届人大一次会议票决的项目。", []),
        ("代表在八一社区接待群众时了解到该问题。", []),
    ],
)
def test_numbers_that_are_not_counts_of_work_round24(sentence, expected):
    assert codes(sentence) == expected


def test_proposals_counted_by_handler_before_a_verb_of_handling_round25():
    assert chain(
        "县人大代表在会议期间共提出建议118件。",
        "经研究，由县政府有关部门办理101件，商请县委有关部门办理7件。",
        "县委宣传部办理2件，县妇联办理1件，县总工会牵头办理3件，占5.1%。",
    ) == [
        [("proposals_received", 118.0, "件")],
        [("proposals_received", 101.0, "件"), ("proposals_received", 7.0, "件")],
        [("proposals_received", 2.0, "件"), ("proposals_received", 1.0, "件"),
         ("proposals_received", 3.0, "件"), ("other", 5.1, "%")],
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # handlers named before 牵头办理, in 条
        ("大会期间代表提出建议150条，市人大常委会有关工委牵头办理4条，市政府部门牵头办理121条，园区管委会牵头办理25条。",
         [("proposals_received", 150.0, "条"), ("proposals_received", 4.0, "条"),
          ("proposals_received", 121.0, "条"), ("proposals_received", 25.0, "条")]),
        # traps: units that handle are counted as units; opinions gathered from residents stay opinions
        ("160件建议由23个县政府部门承办，已全部办理答复。",
         [("proposals_received", 160.0, "件"), ("other", 23.0, "个")]),
        ("这批建议共240件，由198个部门主办或分办，另有64个部门参与协办。",
         [("proposals_received", 240.0, "件"), ("other", 198.0, "个"), ("other", 64.0, "个")]),
        ("代表走访群众收集意见建议46条，交有关部门办理28条。",
         [("opinions_collected", 46.0, "条"), ("opinions_collected", 28.0, "条")]),
        ("区政协共收到委员提案210件，由区政府部门办理190件。", []),
    ],
)
def test_proposals_handed_to_handlers_round25(sentence, expected):
    assert codes(sentence) == expected


def test_proposals_handed_on_after_the_count_round25():
    # the handler after 转交 / 留交 is not what is counted
    assert chain(
        "闭会期间代表共提出建议405件。",
        "常委会把其中380件交给市政府研究处理，另有4件留交本会工作机构处理，21件转交市委相关部门处理。",
    ) == [
        [("proposals_received", 405.0, "件")],
        [("proposals_received", 380.0, "件"), ("proposals_received", 4.0, "件"), ("proposals_received", 21.0, "件")],
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the deputies' written opinions are their proposals; their outcomes are outcomes
        ("代表共提出书面意见162件，其中答复代表已经解决47件、正在解决35件、留作参考58件、暂时无法解决22件。",
         [("proposals_received", 162.0, "件"), ("proposals_resolved", 47.0, "件"),
          ("proposals_resolved", 35.0, "件"), ("proposals_resolved", 58.0, "件"),
          ("proposals_resolved", 22.0, "件")]),
        # written and oral suggestions
        ("代表在会议期间提出口头建议62条、书面建议128条（其中议案转为建议的7条），合计190条。",
         [("proposals_received", 62.0, "条"), ("proposals_received", 128.0, "条"),
          ("proposals_received", 7.0, "条"), ("proposals_received", 190.0, "条")]),
        # ratings by count, understanding included
        ("对答复结果，代表表示满意的140件，基本满意的4件，表示理解的3件，满意和基本满意率为98%。",
         [("proposals_resolved", 140.0, "件"), ("proposals_resolved", 4.0, "件"),
          ("proposals_resolved", 3.0, "件"), ("satisfaction_rate", 98.0, "%")]),
        # answered on the spot at a consultation, the rest afterwards: issues resolved
        ("共接待来访群众110人次，当场解决和解释97件，需要调查核实的事后反馈5件。",
         [("constituent_contacts", 110.0, "人次"), ("issues_resolved", 97.0, "件"),
          ("issues_resolved", 5.0, "件")]),
    ],
)
def test_outcomes_and_forms_of_deputies_suggestions_round25(sentence, expected):
    assert codes(sentence) == expected


def test_ratings_of_the_letters_of_reply_round25():
    # a letter of reply rated rates the proposal it answers; the next sentence goes on with it
    assert chain(
        "书面建议112条已在7月底前办结，对办理过程（答复函），代表满意109件、基本满意3件。",
        "就办理结果而言，代表满意104件、基本满意5件、表示理解3件，满意和基本满意率为97.3%。",
    ) == [
        [("proposals_received", 112.0, "条"), ("proposals_resolved", 109.0, "件"), ("proposals_resolved", 3.0, "件")],
        [("proposals_resolved", 104.0, "件"), ("proposals_resolved", 5.0, "件"), ("proposals_resolved", 3.0, "件"),
         ("satisfaction_rate", 97.3, "%")],
    ]
    # trap: letters of reply counted on their own stay documents
    assert codes("承办单位共公开答复函76件。") == [("other", 76.0, "件")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a change in points against a year named by its date is a change: other (its
        # bracketed base value with a rate before it is the rate's earlier value)
        ("今年建议办结率比2022年提高4.6个百分点。", [("other", 4.6, "百分点")]),
        ("代表建议采纳率较2021年(81.2%)提高3.8个百分点。", [("other", 81.2, "%"), ("other", 3.8, "百分点")]),
        ("满意率与2019年相比提高2个百分点。", [("other", 2.0, "百分点")]),
        # trap: a bare change in points with no earlier period is no indicator
        ("城乡之间的差距缩小了7个百分点。", []),
    ],
)
def test_point_changes_against_a_dated_year_round25(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # traps: people at least so many, before 的 and a noun of no people, set a condition
        ("本次会议期间，代表十人以上提出的议案共8件。", [("proposals_received", 8.0, "件")]),
        ("全县凡有5人以上县人大代表的社区均设立代表联络点。", []),
        ("要求辖区内4名以上代表的村建立活动室。", []),
        # ... but people at least so many who are themselves the head noun are counted
        ("共组织150人以上的代表参加集中视察。", [("deputies", 150.0, "人")]),
        ("共有60名以上代表参加了履职培训。", [("deputies", 60.0, "名")]),
    ],
)
def test_people_thresholds_before_a_relative_clause_round25(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # traps: a spoken guess of a few (two neighbouring digits, no magnitude)
        ("“过去全组只有一两个人会用手机下单。”", []),
        ("“孩子们上学要多走三四公里山路。”", []),
        # ... before a magnitude the range is still a count
        ("当天有五六十名代表参加了集中接待活动。", [("deputies", 50.0, "名")]),
        # traps: a distance with its word after it, and the grades of a rating scale
        ("两个村民组之间约八百米的距离没有通路。", [("admin_context", 2.0, "个")]),
        ("测评结果分为优秀、合格、不合格三个等次。", []),
        ("评议分“满意”、“一般”、“不满意”三个档次进行。", []),
    ],
)
def test_guesses_distances_and_rating_grades_round25(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # visits to enterprises counted in times: visits made, an activity of the deputies
        ("一季度以来，县人大代表累计走访辖区企业45次，梳理困难诉求30余条。",
         [("activities", 45.0, "次"), ("opinions_collected", 30.0, "条")]),
        ("代表小组深入工业园区走访民营企业12次。", [("activities", 12.0, "次")]),
        # traps: the enterprises themselves stay `other`, constituents in person-times stay contacts
        ("代表们走访企业9家，接待群众150人次。", [("other", 9.0, "家"), ("constituent_contacts", 150.0, "人次")]),
        # a system of responsibility by levels is structure, not work done
        ("全县形成了主要领导负总责、分管领导具体抓、经办人员抓落实的三级负责制。", []),
        ("建立县、乡、村两级责任制。", []),
    ],
)
def test_visits_to_enterprises_in_times_and_systems_of_responsibility(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # voters whom deputies report to: constituents met, also counted by 位
        ("会上，3名市人大代表依次向在场的45位选民报告了一年来的履职情况。",
         [("deputies", 3.0, "名"), ("constituent_contacts", 45.0, "位")]),
        ("年底，乡人大代表赵某在村委会向本选区30余名选民述职，报告自己的履职情况。", [("constituent_contacts", 30.0, "名")]),
        # trap: the electorate of the districts, with no deputy reporting, stays context
        ("全县共划分选区120个，登记选民38万名。", [("admin_context", 120.0, "个"), ("admin_context", 380000.0, "名")]),
    ],
)
def test_voters_reported_to_by_deputies_are_contacts(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # sums at stake in a dispute, debts and recovered money: not spent on congress work
        ("全年代表调解室化解纠纷34起，涉案金额560万余元。", [("cases", 34.0, "起"), ("other", 5600000.0, "元")]),
        ("在代表的调解下，他被拖欠的四万元工钱全部到账。", [("other", 40000.0, "元")]),
        ("老张感慨地说，这笔八万元的欠款总算要回来了。", [("other", 80000.0, "元")]),
        # a firm's sales and savings, charges paid or waived for households: the economy, not funding
        ("这家竹编合作社去年年销售额突破300余万元。", [("other", 3000000.0, "元")]),
        ("代表牵线搭桥，帮助农户销售滞销柑橘45万元。", [("other", 450000.0, "元")]),
        ("改用光伏后，这家养殖场一年节省了20多万元开支。", [("other", 200000.0, "元")]),
        ("燃气公司对困难家庭每户减免安装费300元。", [("other", 300.0, "元")]),
        ("去年冬季仅取暖费一项就花去38万余元。", [("other", 380000.0, "元")]),
        # traps: money allocated or invested for the work stays funding
        ("县财政每年为每个代表联络站安排工作经费两万元。", [("funding", 20000.0, "元")]),
        ("代表督办的村道改造项目投资420万元。", [("funding", 4200000.0, "元")]),
    ],
)
def test_money_owed_earned_or_at_stake_is_not_funding(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # prices and fees residents pay, before or after the sum
        ("这家养老食堂向老人收取每顿7元的餐费。", [("other", 7.0, "元")]),
        ("社区理发点只需交纳5元费用。", [("other", 5.0, "元")]),
        # cash found or collected by people: money in hand, not a budget
        ("环卫工人拾到一个钱包，内有现金2300元。", [("other", 2300.0, "元")]),
        ("抗疫期间全镇代表凑齐现金3.6万元和消毒液200瓶。", [("other", 36000.0, "元"), ("other", 200.0, "瓶")]),
        # earnings, proceeds, dividends, taxes and profits yielded, firms' loan needs
        ("一位果农算了笔账，一季柚子能挣3万多元。", [("other", 30000.0, "元")]),
        ("光伏电站当年为村里带来收益12.5万元。", [("other", 125000.0, "元")]),
        ("股份合作社年底向社员分红86万元。", [("other", 860000.0, "元")]),
        ("新厂投产当年即创利税1.3亿元。", [("other", 1.3e8, "元")]),
        ("座谈会汇总了15户小微企业2.4亿元融资需求。", [("other", 15.0, "户"), ("other", 2.4e8, "元")]),
        ("工地支付周边农民务工费260余万元。", [("other", 2600000.0, "元")]),
        # aid handed to people in need: what the helper did
        ("这位代表多年来帮扶困难家庭，帮扶金额累计12万余元。", [("other", 120000.0, "元")]),
        ("春节前为每户低保户送去200元慰问金。", [("other", 200.0, "元")]),
        # the sum at stake in a dispute settled
        ("代表调解室今年化解合同纠纷850余万元。", [("other", 8500000.0, "元")]),
        # traps: money budgeted, allocated or coordinated for the work stays funding
        ("市财政下拨专项资金40万元，用于代表联络站建设，群众办事不收取任何费用。", [("funding", 400000.0, "元")]),
        ("镇人大主席团协调资金55万元修通了这条村道。", [("funding", 550000.0, "元")]),
        # trap: visits to people in need are still constituents met
        ("节前代表们走访慰问困难群众64户。", [("constituent_contacts", 64.0, "户")]),
    ],
)
def test_prices_cash_earnings_and_aid_are_not_funding(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a deputy's own patrols, counted in times, are inspections done
        ("今年以来，河长代表王某已沿江堤巡查了67次。", [("activities", 67.0, "次")]),
        # laws whose enforcement was inspected, the laws named before the count
        ("审议地方性法规草案2件，检查法律法规实施情况6部。", [("other", 2.0, "件"), ("activities", 6.0, "部")]),
        # a briefing heard by the congress, counted in times
        ("常委会听取项目建设进度等专项汇报8次。", [("activities", 8.0, "次")]),
        # traps: patrol teams are teams; reporting up to a superior body is no activity held;
        # laws made are documents
        ("县人大常委会组建4个巡查组。", [("other", 4.0, "个")]),
        ("全年向县委请示汇报重大事项5次。", [("other", 5.0, "次")]),
        ("制定地方性法规3部。", [("other", 3.0, "部")]),
    ],
)
def test_patrols_briefings_heard_and_laws_inspected_are_activities(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # places built, opened up or improved after the verb of the works: acted upon, not context
        ("去年县交通局修通了石桥组等7个村民组的通组公路。", [("other", 7.0, "个")]),
        ("今年全市还新打造了12个市级示范村。", [("other", 12.0, "个")]),
        ("街道对辖区内28个老旧小区进行了改造。", [("other", 28.0, "个")]),
        # places a finished project benefits: its effect
        ("这条公路建成后，受益的有沿线8个自然村。", [("other", 8.0, "个")]),
        # traps: the jurisdiction's own totals, also next to a verb of works, stay context
        ("该镇下辖15个行政村，今年修通了全部村道。", [("admin_context", 15.0, "个")]),
        ("在全县9个乡镇实施这一政策。", [("admin_context", 9.0, "个")]),
        # and places a station covers stay context
        ("全镇建成代表联络点8个，覆盖全镇21个村居。", [("stations", 8.0, "个"), ("admin_context", 21.0, "个")]),
    ],
)
def test_places_built_or_benefiting_are_not_jurisdiction_context(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # proposals assigned to the units that carry them out: received, not an outcome
        ("依照归口办理的要求，27件建议分别落实到8个部门承办。",
         [("proposals_received", 27.0, "件"), ("other", 8.0, "个")]),
        # ... but carried through (落实到位) is an outcome
        ("今年的19件建议已经落实到位。", [("proposals_resolved", 19.0, "件")]),
        # an outcome in a relative clause before the deputies' suggestions
        ("委员们关注的是这25件列入计划或正在研究的代表建议。", [("proposals_resolved", 25.0, "件")]),
        # trap: suggestions gathered from residents stay opinions
        ("走访居民收集意见建议14件，其中6件已落实。",
         [("opinions_collected", 14.0, "件"), ("opinions_collected", 6.0, "件")]),
        # leaders' visits counted in person-times: people met
        ("镇领导包联走访76人次，帮助企业解决难题15个。",
         [("constituent_contacts", 76.0, "人次"), ("issues_resolved", 15.0, "个")]),
        ("机关干部入户走访420人次。", [("constituent_contacts", 420.0, "人次")]),
        # a word of solving inside the topic of proposals handed on is no outcome
        ("主任会议决定，把推动解决老旧小区加装电梯问题等7件建议交由副县长领办。",
         [("proposals_received", 7.0, "件")]),
        # ... while an outcome before a count that is not handed on stays an outcome
        ("已经解决的建议33件，列入计划的9件。",
         [("proposals_resolved", 33.0, "件"), ("proposals_resolved", 9.0, "件")]),
        # explained to the deputies: an outcome of the proposals counted before
        ("共收到代表建议64件。其中已经解决的41件，因条件所限向代表进行说明的5件。",
         [("proposals_received", 64.0, "件"), ("proposals_resolved", 41.0, "件"), ("proposals_resolved", 5.0, "件")]),
    ],
)
def test_proposals_assigned_and_outcomes_and_visits_in_person_times(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # rates named in one clause, their values after 分别 in the next: each value takes
        # the rate at its position, the second value too
        ("近几年，来电问题解决率、群众满意率稳步上升，去年分别达到93.2%、97.4%。",
         [("other", 93.2, "%"), ("satisfaction_rate", 97.4, "%")]),
        ("今年代表建议办复率和代表满意率继续提高，分别为99%和96.5%。",
         [("completion_rate", 99.0, "%"), ("satisfaction_rate", 96.5, "%")]),
        # 解决率, 落实率, 化解率 are no named completion rate (docs/codebook.md §2.1)
        ("群众反映问题的解决率达到88%。", [("other", 88.0, "%")]),
        ("代表建议落实率为76.4%，答复率为100%。",
         [("other", 76.4, "%"), ("completion_rate", 100.0, "%")]),
        ("矛盾纠纷化解率达95%。", [("other", 95.0, "%")]),
        # trap: one rate before two values with no 分别 is not split by position
        ("建议办结率100%，群众满意率98%、99%。",
         [("completion_rate", 100.0, "%"), ("satisfaction_rate", 98.0, "%"), ("satisfaction_rate", 99.0, "%")]),
    ],
)
def test_respective_rates_across_clauses_round28(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the rest of a total with its state: an outcome, even with a totality word
        ("县十届人大三次会议以来代表提出建议152件，除4件建议未到办理时限外，其余148件建议已全部办复。",
         [("proposals_received", 152.0, "件"), ("proposals_received", 4.0, "件"),
          ("proposals_resolved", 148.0, "件")]),
        ("其余的36件意见建议均已答复代表。", [("proposals_resolved", 36.0, "件")]),
        # traps: motions merged or turned into suggestions at screening stay received
        # (docs/codebook.md §2.1), and so does the rest passed on to a handler
        ("大会收到议案30件，其中6件合并为3件列入会议议程，其余24件转为代表建议办理。",
         [("proposals_received", 30.0, "件"), ("proposals_received", 6.0, "件"),
          ("proposals_received", 3.0, "件"), ("proposals_received", 24.0, "件")]),
        ("常委会收到代表建议210件，其余的3件交县法院办理。",
         [("proposals_received", 210.0, "件"), ("proposals_received", 3.0, "件")]),
    ],
)
def test_remainder_of_a_total_round28(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # hotline work orders: logged, they are opinions collected; concluded, issues resolved
        ("今年以来全镇共受理热线工单3150件", [("opinions_collected", 3150, "件")]),
        # ... and the same items by outcome: screened out or rated by the callers
        (
            "社区办结热线工单2400件、不予受理96件、满意1870件、不满意41件",
            [
                ("issues_resolved", 2400, "件"),
                ("issues_resolved", 96, "件"),
                ("issues_resolved", 1870, "件"),
                ("issues_resolved", 41, "件"),
            ],
        ),
    ],
)
def test_outcomes_of_public_requests(sentence, expected):
    assert codes(sentence) == expected


def test_a_whole_total_of_proposals_said_concluded_stays_received():
    # a trap: the total said to be handled as a whole is counted as received
    assert codes("本次会议期间代表提出的215件建议均已按期办结") == [("proposals_received", 215, "件")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # proposals counted by how their replies were disclosed: an outcome of handling
        ("代表建议答复后复文公开152件,不公开6件", [("proposals_resolved", 152, "件"), ("proposals_resolved", 6, "件")]),
        # ... or by consultation with the deputies who raised them
        ("承办单位与领衔代表当面协商的建议44件", [("proposals_resolved", 44, "件")]),
    ],
)
def test_proposals_by_disclosure_or_consultation_are_outcomes(sentence, expected):
    assert codes(sentence) == expected


def test_letters_of_public_reply_are_no_outcome():
    # a trap: 公开答复函 counts letters, not proposals by outcome
    assert codes("印发公开答复函58件") == [("other", 58, "件")]


def test_who_answers_on_the_spot_is_not_counted():
    # the leaders named before the verb answer; the count is of the requests answered
    assert codes("座谈会上县政府分管领导当场答复11件") == [("issues_resolved", 11, "件")]
    # a trap: people counted in persons are not requests answered
    assert codes("当场答复群众疑问的干部6人") == [("other", 6, "人")]


def test_constituents_who_give_their_views_or_attend_are_contacts():
    # people whose views were sought (征求…意见) are the constituents reached
    assert codes("联络站共征求了4100位居民群众的意见建议") == [("constituent_contacts", 4100, "位")]
    # constituents who put views to the deputies at a reception are the people received
    assert codes("6名市、区人大代表参加接待，共有25名选民提出8条意见建议") == [
        ("deputies", 6, "名"),
        ("constituent_contacts", 25, "名"),
        ("opinions_collected", 8, "条"),
    ]
    # constituents counted in 个 right before a verb of attending
    assert codes("街道工委组织代表向选民述职，辖区内的95个选民代表参加会议") == [("constituent_contacts", 95, "个")]
    # traps: the opinions themselves stay opinions; the electorate stays the electorate;
    # people raising matters with no deputies in the sentence are not contacts
    assert codes("收集群众意见建议260条") == [("opinions_collected", 260, "条")]
    assert codes("座谈会上，18名村民提出了修路的要求")[0][0] != "constituent_contacts"


def test_deputies_before_a_count_of_deputies_sitting_in_keep_their_own_noun():
    # the noun right after the first count is its own, even after a level (乡人大代表),
    # or a formal deputy (正式代表); the deputies sitting in are their attendance
    assert codes("全乡46名正式代表和35名列席代表出席会议") == [("deputies", 46, "名"), ("deputy_participation", 35, "名")]
    assert codes("71名乡人大代表、28名各界列席代表共99人参加大会") == [
        ("deputies", 71, "名"),
        ("deputy_participation", 28, "名"),
        ("deputy_participation", 99, "人"),
    ]
    # trap: with no noun of its own the first count still shares the second's
    assert codes("共有30名和12名列席代表到会")[0] != ("deputies", 30, "名")


def test_a_part_after_among_and_a_word_of_existence_takes_the_total_code():
    # 联系的N名群众中有M名: the part counts what the total counted
    assert codes("我结对联系的12户群众中有5户常年在外务工") == [
        ("constituent_contacts", 12, "户"),
        ("constituent_contacts", 5, "户"),
    ]
    assert codes("全镇67名代表中有女代表21名") == [("deputies", 67, "名"), ("deputies", 21, "名")]
    # trap: 有 after 中 that is no "among" (代表中心) is read as before
    assert codes("代表中心有工作人员3名") == [("other", 3, "名")]


def test_a_sentence_naming_any_counted_noun_of_the_total_passes_its_breakdown_on():
    # the total counts motions and then suggestions; the sentence between names the motions
    # (not the last count's noun): the topic labels after 其中 still split the total
    got = _passage([
        "截至截止时间，本次会议共收到代表联名提出的议案23件，代表建议、批评和意见71件。",
        "经归类，会议收到的议案内容涉及乡村振兴、社会事业、生态环保等多个领域。",
        "其中，乡村振兴方面19件、社会事业方面40件、生态环保方面35件。",
    ])
    assert got == [
        ("proposals_received", 23, "件"),
        ("proposals_received", 71, "件"),
        ("proposals_received", 19, "件"),
        ("proposals_received", 40, "件"),
        ("proposals_received", 35, "件"),
    ]
    # trap: a sentence between that names none of the counted nouns ends the breakdown
    got = _passage([
        "本次会议共收到代表联名提出的议案23件，代表建议71件。",
        "会议期间，各组分别审议了政府工作报告。",
        "其中，乡村振兴方面19件。",
    ])
    assert got[-1][0] != "proposals_received"


def test_the_roll_call_of_a_sitting_counts_deputies():
    # 应到/实到/请假 with no noun of their own, at a sitting that speaks of its quorum
    assert codes("本次会议应到186人，实到171人，因病因事请假15人，符合法定人数。") == [
        ("deputies", 186, "人"),
        ("deputies", 171, "人"),
        ("deputies", 15, "人"),
    ]
    assert codes("镇人民代表大会应到58人，缺席3人") == [("deputies", 58, "人"), ("deputies", 3, "人")]
    # traps: people of another kind keep their code; a roll call with nothing of a
    # congress or a quorum in the sentence (a training class) is no count of deputies
    assert [c for c, _, _ in codes("座谈会应到群众60人，实到57人，符合法定人数。")] != ["deputies", "deputies"]
    assert codes("培训班应到学员45人，实到43人。")[0][0] != "deputies"
    assert codes("这次会议应到代表47名，实到代表40名，另有列席人员9名")[-1] == ("other", 9, "名")


def test_a_count_kept_as_a_work_reference_is_a_handling_outcome():
    got = _passage([
        "区政府今年共承办代表建议620件，现已全部办复。",
        "其中，已经解决问题的有540件，占87.1%；作为工作参考的有66件，占10.6%。",
    ])
    assert got == [
        ("proposals_received", 620, "件"),
        ("proposals_resolved", 540, "件"),
        ("other", 87.1, "%"),
        ("proposals_resolved", 66, "件"),
        ("other", 10.6, "%"),
    ]


def test_an_age_is_no_indicator():
    assert codes("一名16岁的学生在河边戏水时不慎落水") == []
    assert codes("该村年满60周岁的老人有近300名，代表每月走访一次。") == [("other", 300, "名")]


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("目前，基础工程已经完工，主体结构完成了45%，进度符合预期", 45),
        ("在代表的带动下，全镇晚稻收购任务完成80%以上", 80),
        ("围绕特色农业谋划项目120个，70%已落地", 70),
        ("办结的建议里，问题已落实或正在落实的达93.8%", 93.8),
    ],
)  # fmt: skip
def test_a_share_of_work_done_or_of_items_in_a_state_is_other(sentence, value):
    assert ("other", value, "%") in codes(sentence)


def test_a_share_of_work_planned_is_no_indicator():
    # trap: a plan, not progress made
    assert codes("计划年内完成80%的改造任务") == []


def test_a_change_against_the_start_of_the_term_is_a_change():
    assert codes("本年度代表共提出建议212件，较届初增长了15.2%") == [
        ("proposals_received", 212, "件"),
        ("other", 15.2, "%"),
    ]


def test_a_share_of_a_total_named_without_zhan_is_other():
    assert codes("本次书面述职的人大代表约为代表总数的40%，均在会前提交。") == [("other", 40, "%")]


def test_the_weights_of_a_score_are_no_indicators():
    assert codes("年终测评时，选区群众打分的权重占55%，小组互评与主席团评定分别占30%和15%。") == []
    # trap: rates and shares of the same page without a weight keep their codes
    assert codes("参加考评的代表占代表总数的92%，满意率为97%。") == [("other", 92, "%"), ("satisfaction_rate", 97, "%")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a town's own villages with their households and people: one figure of the place
        ("据介绍，青石镇辖9个行政村2100户8300人，以种植茶叶为主。",
         [("admin_context", 9.0, "个"), ("admin_context", 2100.0, "户"), ("admin_context", 8300.0, "人")]),
        ("该社区下设5个居民小组，总人口2600户，7400人。",
         [("admin_context", 5.0, "个"), ("admin_context", 2600.0, "户"), ("admin_context", 7400.0, "人")]),
        ("白沙社区下辖7个小区，4200余户。", [("admin_context", 7.0, "个"), ("admin_context", 4200.0, "户")]),
        # places gone into or acted on, with the places written after them: all work
        ("代表们分组深入11个村(社区)40个村民小组开展走访调研。", [("other", 11.0, "个"), ("other", 40.0, "个")]),
        ("全年实施3乡镇8村410户1750人的搬迁安置工程。",
         [("other", 3.0, "乡镇"), ("other", 8.0, "村"), ("other", 410.0, "户"), ("other", 1750.0, "人")]),
        ("为12个乡镇60个行政村的村道安装护栏。", [("other", 12.0, "个"), ("other", 60.0, "个")]),
        # places a project or an activity covers: its reach
        ("代表的活动范围已覆盖15个村。", [("other", 15.0, "个")]),
        ("新装的路灯覆盖东岭村、西岭村等4个村。", [("other", 4.0, "个")]),
        # traps: a town's own places next to a count of facilities; the whole jurisdiction
        # covered; households met by deputies
        ("我县辖区14镇11座污水处理厂已全部投入运行。", [("admin_context", 14.0, "镇"), ("other", 11.0, "座")]),
        ("服务范围覆盖全镇18个村居。", [("admin_context", 18.0, "个")]),
        ("代表们走访9个村，入户走访群众300户。", [("other", 9.0, "个"), ("constituent_contacts", 300.0, "户")]),
    ],
)  # fmt: skip
def test_places_counted_with_their_households_and_people_share_one_code(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # places where a project is carried out: the works are done on them
        ("投资900万元，在河口镇东街等6村实施水土保持综合治理工程。", [("funding", 9000000.0, "元"), ("other", 6.0, "村")]),
        # places a road links up, with their households: acted upon, one figure
        ("公路修好后联通了4个自然村200多户农户。", [("other", 4.0, "个"), ("other", 200.0, "户")]),
        # the people of places counted by their bare nouns: the places' own
        ("新路建成后将改善沿线2县1区80多万群众的出行条件。",
         [("admin_context", 2.0, "县"), ("admin_context", 1.0, "区"), ("admin_context", 800000.0, "人")]),
        # traps: a policy carried out in places stays context, and so does a project carried
        # out across the whole jurisdiction, for every place of its list
        ("在全县9个乡镇推行这一制度。", [("admin_context", 9.0, "个")]),
        ("近年来，该市在全市12个镇、5个街道全面推开重点项目代表票决制。",
         [("admin_context", 12.0, "个"), ("admin_context", 5.0, "个")]),
    ],
)  # fmt: skip
def test_places_where_projects_are_carried_out_are_acted_upon(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentences, expected",
    [
        # a part of the total handed to a list of handlers (the subject of 办理 is the whole list,
        # whatever its items): the proposals assigned, its outcomes after 其中
        (["代表们共提出建议57件。", "交县人大机关、县法院和县级人民团体办理9件，其中已解决的6件，列入解决计划的3件。"],
         [("proposals_received", 57.0, "件"), ("proposals_received", 9.0, "件"),
          ("proposals_resolved", 6.0, "件"), ("proposals_resolved", 3.0, "件")]),
        (["收到代表建议88件。", "交县检察院、县司法局办理5件。"],
         [("proposals_received", 88.0, "件"), ("proposals_received", 5.0, "件")]),
        # a part of a total with its state of concluded after it (已办结, 已经办结) is an outcome
        (["该乡收到镇人大代表建议47件，其中19件建议已经办结。"],
         [("proposals_received", 47.0, "件"), ("proposals_resolved", 19.0, "件")]),
        (["全年交办建议64件，其中58件建议已办结。"],
         [("proposals_received", 64.0, "件"), ("proposals_resolved", 58.0, "件")]),
        # a state word right before the next count is that count's verb: the total before it
        # stays received (the same with 已办复, 已解决)
        (["去年大会收到的156件代表建议已办结149件。"],
         [("proposals_received", 156.0, "件"), ("proposals_resolved", 149.0, "件")]),
        (["代表提出的98件建议已解决71件，5件正在办理。"],
         [("proposals_received", 98.0, "件"), ("proposals_resolved", 71.0, "件"), ("proposals_resolved", 5.0, "件")]),
        # a handling class whose bracketed gloss holds a comma: solving deferred is its outcome
        (["今年共交办代表建议52件。", "C类（如实解释，受客观条件所限延后解决）共5件，占9.6%。"],
         [("proposals_received", 52.0, "件"), ("proposals_resolved", 5.0, "件"), ("other", 9.6, "%")]),
        # a comma inside the bracketed gloss ends no clause: the class before the bracket is read
        (["C类（坦率说明，待条件成熟再办）共4件。"], [("proposals_resolved", 4.0, "件")]),
        # trap: problems of the public whose solving is deferred are no proposals
        (["群众反映的问题需延后解决的8件。"], [("issues_resolved", 8.0, "件")]),
        # trap: a total said to be all concluded stays the received total
        (["交办的135件代表建议已全部办结。"], [("proposals_received", 135.0, "件")]),
        # proposals counted in 份, the sheets the deputies hand in
        (["全团26名代表出席，共带来议案和建议30余份。"],
         [("deputies", 26.0, "名"), ("proposals_received", 30.0, "份")]),
        # traps: handlers counted, copies of a document printed
        (["涉及承办单位、区法院和区检察院共17个。"], [("other", 17.0, "个")]),
        (["印发议案文本200份。"], [("publications", 200.0, "份")]),
    ],
)  # fmt: skip
def test_round32_handler_lists_concluded_parts_and_sheets(sentences, expected):
    assert _passage(sentences) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # counties counted by their noun alone that the deputies went into are where the
        # congress worked, as villages and towns are
        ("视察组深入东平、西林两县,就农村饮水安全开展调研。", [("other", 2.0, "县")]),
        ("常委会组成人员深入三县实地察看河道治理情况。", [("other", 3.0, "县")]),
        # traps: the counties and districts a city governs stay context
        ("该市辖5县2区,总人口约160万。", [("admin_context", 5.0, "县"), ("admin_context", 2.0, "区"), ("admin_context", 1600000.0, "人")]),
    ],
)  # fmt: skip
def test_round33_counties_gone_into_are_other(sentence, expected):
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentences, expected",
    [
        # a total named by its noun alone and split after 其中: each part counts proposals
        (["围绕城乡融合，代表们提出建议，其中，44件涉及公共交通，31件涉及乡村学校，12件涉及饮水安全。"],
         [("proposals_received", 44.0, "件"), ("proposals_received", 31.0, "件"),
          ("proposals_received", 12.0, "件")]),
        (["市人大代表通过建议表达居民心声，其中29件涉及老旧小区，16件涉及停车难。"],
         [("proposals_received", 29.0, "件"), ("proposals_received", 16.0, "件")]),
        # trap: a verb of solving inside the subject matter is no outcome of the part
        (["代表们提出建议，其中，38件涉及办好家门口的学校，21件涉及解决看病难。"],
         [("proposals_received", 38.0, "件"), ("proposals_received", 21.0, "件")]),
        # topic labels each with its count in brackets break down the total before them
        (["闭会期间，常委会共收到代表建议88件。",
          "建议主要集中在产业发展类(24件)、社会保障类(20件)、生态环境类(15件)、城市管理类(9件)、其他(6件)。"],
         [("proposals_received", 88.0, "件"), ("proposals_received", 24.0, "件"),
          ("proposals_received", 20.0, "件"), ("proposals_received", 15.0, "件"),
          ("proposals_received", 9.0, "件"), ("proposals_received", 6.0, "件")]),
        # trap: a breakdown opened in brackets still ends with them
        (["今年共收到代表建议52件(其中县属11件),较上届增加4件。"],
         [("proposals_received", 52.0, "件"), ("proposals_received", 11.0, "件"), ("other", 4.0, "件")]),
        # trap: a marker after a noun that no code counts splits nothing
        (["代表们走访了辖区企业，其中14家企业反映融资难。"], [("other", 14.0, "家")]),
        # parts in 条 with their outcome said after the count
        (["代表们就乡村振兴提出19条建议，其中13条已进入落实阶段。"],
         [("proposals_received", 19.0, "条"), ("proposals_resolved", 13.0, "条")]),
        (["代表提出的27条建议中，有20条已经办结。"],
         [("proposals_received", 27.0, "条"), ("proposals_resolved", 20.0, "条")]),
        # trap: a total said to be all concluded stays the received total
        (["代表们提出建议36条，已全部办结。"], [("proposals_received", 36.0, "条")]),
    ],
)  # fmt: skip
def test_round34_breakdowns_of_a_named_total_and_outcomes_in_tiao(sentences, expected):
    assert _passage(sentences) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # opinions a congress puts to a draft or a budget are its own deliberation opinions
        ("该乡人代会对乡政府预算草案提出了38条意见和2个修正议案。",
         [("review_opinions", 38.0, "条"), ("proposals_received", 2.0, "个")]),
        ("与会代表对财政预算草案提出修改意见21条。", [("review_opinions", 21.0, "条")]),
        # traps: opinions gathered from the public on a draft stay collected
        ("就物业管理条例草案公开征求意见，共收到意见64条。", [("opinions_collected", 64.0, "条")]),
        ("委员们就条例实施情况提出9个问题。", [("opinions_collected", 9.0, "个")]),
        # places a project spans are its reach, not the jurisdiction's make-up
        ("该灌区工程涵盖4个镇13个村。", [("other", 4.0, "个"), ("other", 13.0, "个")]),
        # trap: the places of the jurisdiction stay context
        ("全县共有12个乡镇、186个村。", [("admin_context", 12.0, "个"), ("admin_context", 186.0, "个")]),
        # money that is no funding of congress work: a deficit, money put right after an audit,
        # money a court enforced for the winning party
        ("三年来，该乡财政赤字从3600万元减少到800多万元。", [("other", 36000000.0, "元"), ("other", 8000000.0, "元")]),
        ("针对审计发现的问题，督促整改资金2470万元。", [("other", 24700000.0, "元")]),
        ("去年执行到位金额260余万元。", [("other", 2600000.0, "元")]),
        # trap: money for the stations stays funding
        ("区财政安排专项经费120万元用于代表联络站建设。", [("funding", 1200000.0, "元")]),
    ],
)  # fmt: skip
def test_round34_review_opinions_places_covered_and_money_not_funding(sentence, expected):
    assert codes(sentence) == expected


# --- round 35: outcomes of proposals (parts already handled) ---


@pytest.mark.parametrize(
    "sentences, expected",
    [
        (  # the part already handled and the part still being handled are outcomes
            ["今年镇人大共收到代表建议42件。", "其中，已经办理30件，剩余12件正在办理中。"],
            [("proposals_received", 42.0, "件"), ("proposals_resolved", 30.0, "件"), ("proposals_resolved", 12.0, "件")],
        ),
    ],
)  # fmt: skip
def test_round35_parts_already_handled(sentences, expected):
    assert _passage(sentences) == expected


# --- round 37: motions passed or settled by a law are an outcome ---


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("大会交办的9件议案中，4件议案所提立法事项已经审议通过，2件已列入年度立法计划。",
         [("proposals_received", 9.0, "件"), ("proposals_resolved", 4.0, "件"), ("proposals_resolved", 2.0, "件")]),
        ("另有3件议案提出的问题通过修订相关条例予以解决。", [("proposals_resolved", 3.0, "件")]),
        # traps: a sitting passing resolutions counts documents, and a presidium passing a report
        # before the count of motions received is no outcome of them
        ("会议审议通过了5件决议。", [("other", 5.0, "件")]),
        ("主席团审议通过议案审查委员会的报告，大会共收到议案18件。", [("proposals_received", 18.0, "件")]),
        # ... nor laws already passed that opinions were sent on
        ("围绕5部已审议通过的法规上报修改意见80条。", [("activities", 5.0, "部"), ("opinions_collected", 80.0, "条")]),
    ],
)  # fmt: skip
def test_round37_motions_passed_or_settled_are_an_outcome(sentence, expected):
    assert codes(sentence) == expected
