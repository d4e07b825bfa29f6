"""Tests for congress_lib.quantities: numerals, units, hedges, ranges and kinds.

Sentences marked "seed" are taken from the bundled reports; the others are written
in the style of reports from other provinces (some in traditional characters).
"""

from __future__ import annotations

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congress_lib.errors import InvalidArgumentError
from congress_lib.quantities import (
    APPROX_KINDS,
    QUANTITY_KINDS,
    Quantity,
    QuantityFinder,
    find_quantities,
    fold_text,
    parse_number,
)


def one(text: str) -> Quantity:
    qs = find_quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


def by_surface(text: str) -> dict[str, Quantity]:
    return {q.surface: q for q in find_quantities(text)}


# --------------------------------------------------------------------------- parse_number


@pytest.mark.parametrize(
    "text, expected",
    [
        ("108", 108.0),
        ("1,200", 1200.0),
        ("3.14", 3.14),
        ("56.1万", 561000.0),
        ("1.5万", 15000.0),
        ("56.4亿", 5.64e9),
        ("5亿", 5e8),
        ("三千五百万", 35_000_000.0),
        ("一百零八", 108.0),
        ("十二", 12.0),
        ("十", 10.0),
        ("两", 2.0),
        ("两千", 2000.0),
        ("〇", 0.0),
        ("零", 0.0),
        ("二〇二三", 2023.0),  # years are read digit by digit
        ("二○二三", 2023.0),  # with the circle variant
        ("一万零一", 10001.0),
        ("一亿零五十万", 100_500_000.0),
        ("一万五", 15000.0),  # colloquial 一万五千
        ("三点一四", 3.14),
        ("壹佰零捌", 108.0),
        ("1.2億", 1.2e8),  # traditional magnitude
        ("兩百", 200.0),
        ("１２３", 123.0),  # full-width digits
        ("百分之九十", 90.0),
        ("99%", 99.0),
        (" 42 ", 42.0),
    ],
)
def test_parse_number_known_values(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "统一", "一批", "abc", "十百", "代表", "1,2,3", None, 42])
def test_parse_number_returns_none_for_non_numbers(text):
    assert parse_number(text) is None


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["low", "up"]))
def test_parse_number_round_trips_chinese_integers(n, mode):
    assert parse_number(cn2an.an2cn(n, mode)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=99999), st.integers(min_value=1, max_value=9999))
def test_parse_number_round_trips_decimals(whole, frac):
    text = f"{whole}.{frac}"
    assert parse_number(text) == float(text)
    assert parse_number(cn2an.an2cn(text, "low")) == pytest.approx(float(text))


# --------------------------------------------------------------------------- values, units, hedges


@pytest.mark.parametrize(
    "text, surface, value, unit, approx_kind",
    [
        ("组织四级人大代表参加各项履职活动1800余人次", "1800余人次", 1800, "人次", "more_than"),  # seed
        ("仅新阳工业区便新投用近2000个停车位", "近2000个", 2000, "个", "nearly"),  # seed
        ("累计投资56.4亿元,加强跟踪监督", "56.4亿元", 5.64e9, "元", None),  # seed
        ("代表满意率达99%", "99%", 99.0, "%", None),  # seed
        ("办结率93.5%", "93.5%", 93.5, "%", None),  # seed
        ("引导60多户业主主动缴费", "60多户", 60, "户", "more_than"),  # seed
        ("全年走访选民约3000人次", "约3000人次", 3000, "人次", "about"),
        ("参加培训的代表3000人左右", "3000人左右", 3000, "人", "about"),
        ("共计接待群众逾万人次", "逾万人次", 10000, "人次", "more_than"),
        ("百余名代表参加了开班仪式", "百余名", 100, "名", "more_than"),
        ("收集群众意见建议1,250条", "1,250条", 1250, "条", None),
        ("完成投资120余亿元", "120余亿元", 1.2e10, "元", "more_than"),
        ("接待来访群众1.2万人次", "1.2万人次", 12000, "人次", None),
        ("共有县人大代表二百一十五名", "二百一十五名", 215, "名", None),
        ("县财政安排預算資金1.2億元", "1.2億元", 1.2e8, "元", None),
        ("辖区面积约1,286平方公里", "约1,286平方公里", 1286, "平方千米", "about"),
        ("收到代表建议１２３件", "１２３件", 123, "件", None),
        ("经过两轮督办、测评", "两轮", 2, "轮", None),  # seed
        # votes of a rating by deputies
        ("收回测评表32张，其中满意票27票", "27票", 27, "票", None),
        ("表决时赞成票达95%以上", "95%以上", 95, "%", "more_than"),
        # digit groups written with a space (GB/T 15835): a thin space, or an ordinary one
        # before a character, joins the groups of one number
        ("全省2\u2009600余名各级人大代表参加培训", "2\u2009600余名", 2600, "名", "more_than"),
        ("今年共走访选民12\u202f480人次", "12\u202f480人次", 12480, "人次", None),
        ("全县1 035名代表进站履职", "1 035名", 1035, "名", None),
    ],
)
def test_values_units_and_hedges(text, surface, value, unit, approx_kind):
    q = by_surface(text)[surface]
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert q.approx_kind == approx_kind
    assert q.approx is (approx_kind is not None)
    assert text[q.start : q.end] == surface


def test_total_area_is_a_measure():  # seed
    q = by_surface("总面积141.7平方千米,2022年常住人口56.1万")["141.7平方千米"]
    assert (q.value, q.unit, q.kind) == (141.7, "平方千米", "measure")


def test_bare_wan_takes_its_unit_from_context():
    qs = by_surface("总面积141.7平方千米,2022年常住人口56.1万,下辖八个街道")  # seed
    assert (qs["56.1万"].value, qs["56.1万"].unit, qs["56.1万"].kind) == (561000, "人", "count")
    q = by_surface("危桥改造项目投资300万,工程主要内容包括")["300万"]  # seed
    assert (q.value, q.unit, q.kind) == (3_000_000, "元", "money")
    # without a money or population cue a bare 万 number keeps no unit
    q = one("该数字约为5万")
    assert q.unit is None and q.kind == "other"


def test_bare_wan_takes_its_unit_from_the_people_noun_after_it():
    q = by_surface("这次换届全州有120多万选民参加投票")["120多万"]
    assert (q.value, q.unit, q.kind, q.approx_kind) == (1_200_000, "人", "count", "more_than")
    q = by_surface("服务辖区3.5万居民")["3.5万"]
    assert (q.value, q.unit) == (35_000, "人")
    # trap: a noun that counts no people gives no unit
    q = one("这里汇聚了1.2万企业")
    assert q.unit is None


@pytest.mark.parametrize("sep", ["—", "-", "至", "到", "~", "～"])
def test_ranges(sep):
    text = f"每个社区联络站服务3{sep}5名人大代表"
    q = one(text)
    assert (q.value, q.value_high, q.unit, q.surface) == (3, 5, "名", f"3{sep}5名")


@pytest.mark.parametrize("sep", ["--", "－－", "——", "~~"])
def test_ranges_with_doubled_separators(sep):
    # web pages often type a dash as two hyphens: 每处活动室面积30--60平方米
    text = f"每處活動室面積30{sep}60平方米，配備桌椅"
    q = one(text)
    assert (q.value, q.value_high, q.unit, q.surface) == (30, 60, "平方米", f"30{sep}60平方米")


def test_a_doubled_hyphen_needs_a_number_on_both_sides():
    # traps: the high end is never read as a negative number, and a dangling
    # "--" is no range
    q = one("每組3--5人")
    assert (q.value, q.value_high, q.unit) == (3, 5, "人")
    assert [(x.surface, x.value_high) for x in find_quantities("共12个--详见附表")] == [("12个", None)]


def test_chinese_range_and_shared_magnitude():
    assert (one("每组三至五名代表").value, one("每组三至五名代表").value_high) == (3, 5)
    q = one("补助标准为3-5万元")
    assert (q.value, q.value_high, q.unit) == (30000, 50000, "元")
    q = one("两三个月后问题得到解决")
    assert (q.value, q.value_high, q.approx_kind, q.kind) == (2, 3, "about", "duration")


# --------------------------------------------------------------------------- kinds


@pytest.mark.parametrize(
    "text, surface, kind",
    [
        ("2023年,思明区人大常委会强化专题询问", "2023年", "date"),  # seed
        ("11月13日,同安区人大常委会组织视察", "11月", "date"),  # seed
        ("11月13日,同安区人大常委会组织视察", "13日", "date"),  # seed
        ("召开2023年度政情通报会", "2023年度", "date"),  # seed
        ("二〇二三年工作要点", "二〇二三年", "date"),
        ("思明区十八届人大常委会第十三次会议听取了报告", "十八届", "session"),  # seed
        ("思明区十八届人大常委会第十三次会议听取了报告", "第十三次", "session"),  # seed
        ("对同安区十八届人大一次会议五个重点建议", "一次", "session"),  # seed
        ("深入贯彻市委十一届十次全会精神", "十次全会", "session"),  # seed
        ("深入学习贯彻党的二十大精神", "二十大", "session"),  # seed
        # the session of a Party congress after its numbered term
        ("认真落实市第九届五次党代会部署", "五次", "session"),
        # a run of session numbers written out in full (二次、三次会议), far from its 届
        ("报告了前几年交办建议及二次、三次会议代表建议的落实情况", "二次", "session"),
        ("报告了前几年交办建议及二次、三次会议代表建议的落实情况", "三次", "session"),
        ("全年开展视察三次、调研四次", "三次", "count"),  # trap: no meeting word after the run
        ("持续跟踪督促地铁2号线东延线规划调整", "2号线", "ordinal"),  # seed
        ("学前普惠学额覆盖率跃居全市第2名", "第2名", "ordinal"),  # seed
        ("获评第24届安徽人大新闻奖", "第24届", "session"),  # seed
        ("一是抓队伍,强管理", "一是", "enumeration"),  # seed
        ("(三)情系民心,促进民生事业不断进步", "(三)", "enumeration"),  # seed
        ("我讲三点意见。一、坚持以党建为引领", "一、", "enumeration"),  # seed
        ("1.推进代表联络站建设", "1.", "enumeration"),
        ("（二）强化监督", "（二）", "enumeration"),
        ("增强“四个意识”、坚定“四个自信”", "四个", "slogan"),  # seed
        ("全面落实人大代表和代表小组“5+4”主题活动", "5", "slogan"),  # seed
        ("扎实推进市人大代表工作“2121”工程", "2121", "slogan"),  # seed
        ("落实“六有”标准", "六", "slogan"),  # seed
        ("明确一厅三室的建设要求", "三", "slogan"),  # compact formula without quotes
        ("推动“1+N”代表联络体系建设", "1", "slogan"),
        # a count in Arabic digits with its measure word, quoted, is a result quoted
        ("代表们票选出今年县政府为民办理的“8件实事”", "8件", "count"),
        ("推广“2个1”联系群众工作法", "2个", "slogan"),  # trap: two numbers paired
        ("聚焦群众关心的“三件事”开展监督", "三件", "slogan"),  # trap: Chinese numeral
        ("打造“15分钟”便民服务圈", "15分钟", "slogan"),  # trap: not a count
        # 大 after a numeral before livelihood projects counts them (unit 项)
        ("全力推进2024年八大民生实事项目建设", "八大", "count"),
        ("作为本区2022年十二大民生工程之一", "十二大", "count"),
        ("深入学习贯彻党的二十大精神报告", "二十大", "session"),  # trap: a party congress
        ("浏览次数:1691作者: 站点管理员", "1691", "code"),  # seed
        ("版权所有:厦门市人大常委会  闽ICP备11010411号", "11010411号", "code"),  # seed
        ("电话:0592-2891222  闽公网安备 35020302033169号", "0592-2891222", "code"),  # seed
        ("电话:0592-2891222  闽公网安备 35020302033169号", "35020302033169号", "code"),  # seed
        ("地址:中国-厦门 邮编:361000", "361000", "code"),  # seed
        ("建议使用IE8以上浏览器", "IE8", "code"),  # seed
        ("阅读量：2,381", "2,381", "code"),
        ("评论 12人参与", "12", "code"),  # a comment widget
        ("已有35条评论", "35", "code"),
        ("收集评论意见20条", "20条", "count"),  # trap: comments gathered are counted
        ("9年来,通过这一常态化的联系服务选民渠道", "9年来", "duration"),  # seed
        ("一、五年来,常委会始终坚持围绕中心", "五年来", "duration"),  # seed
        ("行业代表联络站每两个月组织驻站四级人大代表", "两个月", "duration"),  # seed
        ("16名市人大代表进行3分钟脱稿发言述职", "3分钟", "duration"),  # seed
        ("2018年以来连续四年听取审议报告", "四年", "duration"),  # seed
        ("上午9点召开会议", "9点", "time"),
        # sittings listed after the one named with its term, each with its own figure: sessions
        ("本次大会收到建议180件，比十三届四次会议多了6件、三次会议少了11件、二次会议多了2件", "三次", "session"),
        ("本次大会收到建议180件，比十三届四次会议多了6件、三次会议少了11件、二次会议多了2件", "二次", "session"),
        # a line of a table of sittings that is only the sitting's name
        ("会次\n二次会议\n三次会议\n件数", "三次", "session"),
        # traps: meetings counted after a verb stay counts
        ("十四届人大三次会议以来，主任会议召开八次会议、五次座谈会", "八次", "count"),
        ("十四届人大三次会议闭幕后召开两次会议、四次会议审议报告", "四次", "count"),
        ("下面我讲三点意见", "三点", "count"),
        ("每月10日,坚持开展活动", "10日", "date"),  # seed
    ],
)
def test_kinds(text, surface, kind):
    qs = by_surface(text)
    assert surface in qs, sorted(qs)
    assert qs[surface].kind == kind


def test_quarter_first_month_twentieth_day():  # seed
    qs = find_quantities("每季度第一个月的20日,委托各街道工委组织驻区各级人大代表")
    assert [(q.surface, q.kind) for q in qs] == [("第一个月", "ordinal"), ("20日", "date")]


def test_typo_day_after_month_stays_a_date():  # seed: 11月28人日
    qs = find_quantities("在11月28人日召开的区十三届人大常委会第二十三次会议上")
    assert [(q.surface, q.kind) for q in qs][:2] == [("11月", "date"), ("28", "date")]


def test_iso_timestamp_is_date_and_time():  # seed
    qs = find_quantities("日期:2022-01-04 09:40")
    assert [(q.surface, q.kind) for q in qs] == [("2022-01-04", "date"), ("09:40", "time")]


# --------------------------------------------------------------------------- words that are not numbers


@pytest.mark.parametrize(
    "text",
    [
        "进一步统一思想,推动解决了一批群众急难愁盼的问题",  # seed
        "人大代表工作在一线,与党中央保持高度一致",  # seed
        "构成集旅游、文化、产业于一体的特色景区",  # seed
        "一直坚持,一般情况下,一起研究,一系列难题",
        "唯一,万一,之一,一流营商环境",  # seed has 一流
        "千方百计服务百姓,地处长三角",
        "零距离倾听民声,心贴心服务群众",  # seed
        "做到驻区人大代表不出千米找到站点",  # seed
        "十分重要,一如既往",
        # 四处 "everywhere" before a verb: an adverb, no four places
        "他四处奔走筹集物资,又四处张贴告示",
    ],
)
def test_words_with_numeral_characters_are_not_quantities(text):
    assert find_quantities(text) == []


def test_trimmed_non_number_word_keeps_the_real_number():
    q = one("这是全区唯一一个代表之家")
    assert (q.surface, q.value, q.unit) == ("一个", 1, "个")


def test_percent_in_words_and_fractions():
    q = one("满意率达到百分之九十五")
    assert (q.value, q.unit, q.kind) == (95, "%", "percent")
    q = one("三分之二以上的代表出席")  # a fraction is a share, in percent
    assert (q.surface, q.value, q.unit, q.kind, q.approx_kind) == ("三分之二以上", 66.67, "%", "percent", "more_than")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("接近四分之一的居民在外务工", ("接近四分之一", 25.0, "nearly")),
        ("六成以上的意见已被采纳", ("六成以上", 60.0, "more_than")),
        ("超过八成的代表参加了培训", ("超过八成", 80.0, "more_than")),
        ("其中一半左右的联络站设在村里", ("一半左右", 50.0, "about")),
        ("回访对象中三成的是企业主", ("三成", 30.0, None)),
        ("全乡专项经费近八成投向村道", ("近八成", 80.0, "nearly")),  # the clause's verb after it
        ("收到的问题九成已经解决", ("九成", 90.0, None)),
    ],
)
def test_shares_in_words_are_percentages(text, expected):
    q = one(text)
    assert (q.surface, q.value, q.approx_kind, q.unit, q.kind) == (*expected, "%", "percent")


@pytest.mark.parametrize("text", ["工作机制一成不变", "十三成员单位参加", "建成了一批站点", "另一半时间用于走访",
                                  "这事八成是误会", "五成为一组"])
def test_words_with_cheng_or_ban_are_no_shares(text):
    assert all(q.unit != "%" for q in find_quantities(text))


# --------------------------------------------------------------------------- contract


def test_full_seed_paragraph_offsets_and_order():  # seed
    text = (
        "截至目前,集美法院共向7名人大代表委派案件128件,调解成功66件。"
        "去年7月以来共开展活动10期。"
    )
    qs = find_quantities(text)
    assert [q.surface for q in qs] == ["7名", "128件", "66件", "7月", "10期"]
    assert [q.start for q in qs] == sorted(q.start for q in qs)
    for q in qs:
        assert text[q.start : q.end] == q.surface
        assert q.kind in QUANTITY_KINDS
        assert q.approx_kind is None or q.approx_kind in APPROX_KINDS


def test_quantity_is_frozen():
    q = one("108件建议")
    with pytest.raises(AttributeError):
        q.value = 1  # type: ignore[misc]


def test_rejects_non_text():
    with pytest.raises(InvalidArgumentError, match="must be a str"):
        find_quantities(None)  # type: ignore[arg-type]
    assert find_quantities("") == []


def test_fold_text_keeps_length():
    text = "預算資金１.２億元，建議１２３件"
    folded = fold_text(text)
    assert len(folded) == len(text)
    assert folded == "预算资金1.2亿元，建议123件"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_never_raises_and_spans_match_on_any_text(text):
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.surface != ""


numeralish = st.text(
    alphabet="零〇一二两三四五六七八九十百千万亿点第届次个件名人余多近约至—-~%.,、()“”年月日号是0123456789萬億個代表站",
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(numeralish)
def test_never_raises_on_numeral_soup(text):
    qs = find_quantities(text)
    ends = [q.end for q in qs]
    for q, nxt in zip(qs, qs[1:]):
        assert q.end <= nxt.start  # spans do not overlap
    for q in qs:
        assert text[q.start : q.end] == q.surface
        assert q.kind in QUANTITY_KINDS
    assert ends == sorted(ends)


def test_deterministic():
    text = "共接待选民600余人次,集中协调解决选民反映难点问题300余个"  # seed
    assert find_quantities(text) == find_quantities(text)


def test_a_dropped_numeral_does_not_hide_later_numbers():
    # 三 (a lone numeral character) is dropped; the page date at the end is found
    # first by the furniture pass: neither may hide 36名 in between.
    qs = find_quantities("三心合力，共有代表36名，发布时间2023-10-12")
    assert [(q.surface, q.kind) for q in qs] == [("36名", "count"), ("2023-10-12", "date")]


def test_a_stray_space_before_the_unit_or_after_di():
    qs = find_quantities("全县共建成代表联络站 36 个，召开第 12 次常委会会议")
    assert [(q.surface, q.unit, q.kind) for q in qs] == [("36 个", "个", "count"), ("第 12 次", "次", "session")]


def test_a_stray_space_before_the_hedge_gives_one_hedged_quantity():
    qs = find_quantities("各联络站累计接待来访群众500 余人次")
    assert [(q.surface, q.value, q.unit, q.approx_kind) for q in qs] == [("500 余人次", 500.0, "人次", "more_than")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("代表联络站已覆盖全乡12村", [("12", 12.0, "村", "count")]),
        ("全县18镇、4个街道均设立代表之家", [("18", 18.0, "镇", "count"), ("4个", 4.0, "个", "count")]),
        ("该区下辖6街道、47社区", [("6", 6.0, "街道", "count"), ("47", 47.0, "社区", "count")]),
        ("活动延伸到十二村", [("十二", 12.0, "村", "count")]),
        ("西部三镇联合开展视察", [("三", 3.0, "镇", "count")]),
        ("与相邻两县负责同志座谈", [("两", 2.0, "县", "count")]),
    ],
)
def test_a_numeral_before_a_place_noun_is_a_count_without_a_measure_word(text, expected):
    # the place noun is the implied measure word, and so the unit (18镇: unit 镇)
    assert [(q.surface, q.value, q.unit, q.kind) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text", ["推进一村一品建设", "实现三区联动", "第3区的代表", "推动四镇联动发展", "小区五区的居民", "两镇两村结对"]
)
def test_a_lone_numeral_character_or_an_ordinal_before_a_place_noun_is_no_count(text):
    assert all(q.kind != "count" for q in find_quantities(text))


# --------------------------------------------------------------------------- word regexes

_WORD_ALPHABET = "ab(.*一二十"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet=_WORD_ALPHABET, min_size=1, max_size=4), min_size=1, max_size=10),
    st.text(alphabet=_WORD_ALPHABET + "1", max_size=30),
    st.sampled_from(["", "b?(?:1|a)", r"\d?\."]),
)
def test_word_pattern_matches_like_the_plain_alternation(words, text, tail):
    # The prefix-tree pattern finds what the alternation of the words, longest
    # first, finds: alone and when backtracking inside a larger pattern.
    import re

    from congress_lib.fastpath import word_pattern
    from congress_lib.text import alternation

    plain = alternation(words)
    tree = re.compile(f"(?:{word_pattern(words)}){tail}")
    plain_re = re.compile(f"(?:{plain}){tail}")
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain_re.finditer(text)]


def test_numbers_next_to_blocked_words_and_hedges():
    # prefix hedges are looked up by length; blockers (节约, 附近) stop them
    got = [(q.surface, q.approx_kind) for q in find_quantities("节约3万元，附近5个村，约有20人，不少于10名")]
    assert got == [("3万元", None), ("5个", None), ("约有20人", "about"), ("不少于10名", "more_than")]


# --------------------------------------------------------------------------- shortcuts

#: Pieces of text that exercise every pass, gate and table of the finder.
PIECES = [
    "1", "2", "0", "3", "5", "12", "2023", "13912345678", "0592-1234567", ".", ",", "/", "-", "—", "~", "至", " ",
    "一", "二", "两", "三", "十", "百", "千", "万", "亿", "零", "〇", "萬", "點", "１", "点", "半", "分", "钟",
    "第", "届", "次", "会议", "大", "个", "件", "人次", "名", "年", "月", "日", "号", "%", "％", "百分之", "分之",
    "余", "多", "约", "近", "将近", "超过", "左右", "以上", "数", "几", "上", "节约", "附近", "统一", "唯一",
    "，", "、", "。", "：", ":", "“", "”", "‘", "’", "(", ")", "（", "）", "《", "》", "是", "要",
    "ICP备", "公网安备", "www.", "http://", "@", "a", "b", "km", "米", "千米", "浏览", "次浏览", "电话", "+",
    "万元", "投资", "人口", "四个意识", "一厅三室", "上午", "意见", "〔2023〕", "室", "厅",
]


def _fast_and_plain():
    return QuantityFinder.from_lexicon(), QuantityFinder.from_lexicon(shortcuts=False)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_shortcuts_find_what_the_plain_definitions_find(pieces):
    text = "".join(pieces)
    fast, plain = _fast_and_plain()
    assert fast.find(text) == plain.find(text)
    assert fast.fold(text) == plain.fold(text) == fold_text(text)


def test_shortcuts_find_what_the_plain_definitions_find_in_the_corpus(corpus):
    fast, plain = _fast_and_plain()
    sentences = list(corpus.sentences["text"])
    got = [fast.find(s) for s in sentences]
    assert got == [plain.find(s) for s in sentences]
    assert sum(map(len, got)) > 100


def test_quantity_finder_is_compiled_once_per_lexicon_and_option():
    from congress_lib.resources import load_lexicon

    assert QuantityFinder.from_lexicon() is QuantityFinder.from_lexicon(load_lexicon())
    assert QuantityFinder.from_lexicon(shortcuts=False) is not QuantityFinder.from_lexicon()
    text = "接访群众1700余人次"
    assert QuantityFinder.from_lexicon().find(text) == find_quantities(text)


@pytest.mark.parametrize(
    "text, slogans, counts",
    [
        # a quoted run of short parallel phrases, each with a Chinese numeral: a formula
        ("会上提出“抓好三项工作、守住两条底线、落实四个到位”的要求。", ["三项", "两条", "四个"], []),
        ("确立“建强一个阵地、用好两支力量”的思路，收集意见12条。", ["一个", "两支"], ["12条"]),
        # traps: results quoted with Arabic digits, and phrases too long for a formula
        ("简报写道“新建3个站点、培训50名代表”。", [], ["3个", "50名"]),
        ("村民说“三年建成了十个代表联络站、两年培训了上百名代表”。", [], ["十个"]),
    ],
)  # fmt: skip
def test_numbered_formulas_in_quotes_are_slogans(text, slogans, counts):
    found = find_quantities(text)
    assert [q.surface for q in found if q.kind == "slogan"] == slogans
    assert [q.surface for q in found if q.kind == "count"][: len(counts)] == counts


@pytest.mark.parametrize(
    "text, expected",
    [
        ("每次活动邀请5名~10名代表参加", [("5名~10名", 5.0, 10.0, "名")]),
        ("各组安排3人至5人值守", [("3人至5人", 3.0, 5.0, "人")]),
        ("组织了8次至12次走访", [("8次至12次", 8.0, 12.0, "次")]),
        # traps: different units, a falling pair and dates stay apart
        ("接待3人至5次", [("3人", 3.0, None, "人"), ("5次", 5.0, None, "次")]),
        ("共有10名~5名", [("10名", 10.0, None, "名"), ("5名", 5.0, None, "名")]),
        ("2019年至2021年", [("2019年", 2019.0, None, "年"), ("2021年", 2021.0, None, "年")]),
    ],
)  # fmt: skip
def test_a_range_with_its_unit_at_both_ends_is_one_quantity(text, expected):
    assert [(q.surface, q.value, q.value_high, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text, ordinals, counts",
    [
        # 二次 before the word it modifies: "a second time", "secondary"
        ("该件建议经二次办理后代表表示满意", ["二次"], []),
        ("改造一次、二次供水管网", ["一次", "二次"], []),
        # traps: counting (两次, 二次 at a clause end, 十二次), a lone 一次 before an activity
        ("全年召开座谈会二次。", [], ["二次"]),
        ("开展两次调研", [], ["两次"]),
        ("走访十二次群众", [], ["十二次"]),
    ],
)  # fmt: skip
def test_second_time_written_with_er_modifies_the_next_word(text, ordinals, counts):
    found = find_quantities(text)
    assert [q.surface for q in found if q.kind == "ordinal"] == ordinals
    assert [q.surface for q in found if q.kind == "count"] == counts


@pytest.mark.parametrize(
    "text, expected",
    [
        # a capital numeral inside an ordinary word is no number, whatever follows it
        ("代表队伍个个都是行家", []),
        ("加强干部队伍 次要工作", []),
        ("组织退伍军人代表12名座谈", [("12名", 12.0)]),
        # traps: capital numerals written as numbers
        ("拨付经费伍佰万元", [("伍佰万元", 5000000.0)]),
        ("覆盖拾个社区", [("拾个", 10.0)]),
    ],
)  # fmt: skip
def test_capital_numerals_inside_words_are_no_numbers(text, expected):
    assert [(q.surface, q.value) for q in find_quantities(text) if q.kind in ("count", "money")] == expected


def test_votes_are_counts():
    assert [(q.surface, q.kind) for q in find_quantities("基本满意票4票，不满意票1票。")] == [("4票", "count"), ("1票", "count")]


@pytest.mark.parametrize(
    "text, numbers",
    [
        # a lead of four digits is a year or a number of its own, not a group
        ("2024 300名代表参加述职评议", [2024, 300]),
        # before a sign or at a line end an ordinary space parts two numbers of a flattened table
        ("办结 166 100%", [166, 100]),
        ("满意 85 113\n", [85, 113]),
        # a space before a measure word is no group
        ("收到建议 120 件", [120]),
    ],
)
def test_spaces_that_do_not_group_digits(text, numbers):
    assert [q.value for q in find_quantities(text)] == numbers


@pytest.mark.parametrize(
    "text, expected",
    [
        # a PDF's stray space before the magnitude
        ("全年线上督办2.4 万余次", ("2.4 万余次", 24000.0, "次", "more_than")),
        ("平台访问量达 36 万人次", ("36 万人次", 360000.0, "人次", None)),
        # digit groups written with a space, after a clause comma
        ("目前,3 500多名代表已经进站", ("3 500多名", 3500.0, "名", "more_than")),
        # mixed forms: a smaller group after 万 or 亿
        ("服务辖区内2万3千余名居民", ("2万3千余名", 23000.0, "名", "more_than")),
        ("总投资4亿6000万元", ("4亿6000万元", 460000000.0, "元", None)),
    ],
)
def test_spaced_and_mixed_numerals_are_read_whole(text, expected):
    qs = [q for q in find_quantities(text) if q.kind in ("count", "money")]
    assert [(q.surface, q.value, q.unit, q.approx_kind) for q in qs] == [expected]


def test_a_unit_of_thousands_after_wan_is_not_a_lower_group():
    # trap: 2万 then 3千米 (a length) is not 23,000
    assert [q.value for q in find_quantities("修建道路2万3千米")] != [23000.0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("会议室能坐下二三十人", ("二三十人", 20.0, 30.0, "人")),
        ("每次走访七八百户居民", ("七八百户", 700.0, 800.0, "户")),
        ("前后投入四五万元", ("四五万元", 40000.0, 50000.0, "元")),
    ],
)
def test_neighbouring_digits_before_a_magnitude_are_an_approximate_range(text, expected):
    q = one(text)
    assert (q.surface, q.value, q.value_high, q.unit, q.approx_kind) == (*expected, "about")


@pytest.mark.parametrize("text", ["选出三十名代表", "开展二十四次活动"])
def test_an_ordinary_numeral_with_a_magnitude_is_no_range(text):
    assert one(text).value_high is None



# --------------------------------------------------------------------------- flattened tables

FINDER = QuantityFinder.from_lexicon()


def test_a_table_flattened_one_cell_a_line_gives_each_number_its_columns_unit():
    cells = ["近年来共收到代表建议", "表3：建议分类表", "领域", "件数", "占比(%)",
             "乡村振兴", "38", "40.4", "民生保障", "31", "33", "基础设施", "25", "26.6", "合计", "94", "100",
             "下一步，我们将继续做好建议办理工作。"]
    tables = FINDER.flat_tables(cells)
    assert len(tables) == 1
    t = tables[0]
    assert t.first == 2 and t.headers == ("件数", "占比(%)") and t.units == ("件", "%")
    got = {cells[i][a:b]: (t.units[col], label) for i, ns in t.numbers.items() for a, b, col, label in ns}
    assert got["38"] == ("件", "乡村振兴") and got["40.4"] == ("%", "乡村振兴")
    assert got["94"] == ("件", "合计") and got["100"] == ("%", "合计")
    assert len(got) == 8


def test_a_flattened_table_with_each_row_on_one_line_and_units_in_brackets():
    cells = ["镇别", "数量(人)", "比例", "东湖镇  12  30", "西岭镇  28  70", "合  计  40  100"]
    (t,) = FINDER.flat_tables(cells)
    assert t.units == ("人", "%")
    assert {(i, cells[i][a:b], col) for i, ns in t.numbers.items() for a, b, col, _ in ns} == {
        (3, "12", 0), (3, "30", 1), (4, "28", 0), (4, "70", 1), (5, "40", 0), (5, "100", 1)}


@pytest.mark.parametrize("header, unit", [("件数", "件"), ("人次数", "人次"), ("百分比(%)", "%"), ("数量（个）", "个"),
                                          ("比重", "%"), ("类别", None), ("备注", None), ("建议内容", None)])
def test_a_columns_name_gives_its_unit(header, unit):
    assert FINDER.column_unit(header) == unit


@pytest.mark.parametrize("cells", [
    # prose with its numbers broken onto lines of their own
    ["全年共收到代表建议", "126", "件，已全部办结。", "代表满意率达", "98", "%。"],
    # a list of dates
    ["会议日期", "2023年3月1日", "2023年6月28日", "2023年9月15日"],
    # a table of contents with page numbers
    ["目  录", "常委会工作回顾", "3", "代表工作", "8", "监督工作", "12"],
    # labels and numbers, but a header naming no unit
    ["项目", "说明", "监督议题", "6", "执法检查", "4"],
    # a header, then only one row
    ["类别", "件数", "教育", "12", "接下来，各承办单位要抓好落实。"],
])
def test_what_is_not_a_flattened_table_gives_nothing(cells):
    assert FINDER.flat_tables(cells) == []


def test_reading_flattened_tables_is_linear():
    cells = ["类别", "件数", "百分比(%)"] + ["教育", "12", "50"] * 20000 + ["项目"] * 20000 + ["3"] * 20000
    (t,) = FINDER.flat_tables(cells)
    assert len(t.numbers) == 40000


@pytest.mark.parametrize(
    "text, surface, unit",
    [
        ("慰问时送去面粉40袋、菜籽油25瓶", "40袋", "袋"),
        ("菜籽油25瓶、牛奶12箱", "12箱", "箱"),
        ("调解室先后收到感谢锦旗18余面", "18余面", "面"),
        ("为缺水村新打机井3眼", "3眼", "眼"),
        ("清淤整修山塘22口", "22口", "口"),
        ("街道议事会本季度收到群众意见17只", "17只", "只"),
    ],
)  # fmt: skip
def test_goods_and_works_counted_by_their_measure_word(text, surface, unit):
    q = by_surface(text)[surface]
    assert (q.unit, q.kind) == (unit, "count")


@pytest.mark.parametrize("text", ["四面墙上挂着规章制度", "群众一眼就能找到联络站", "他一口气走访了三户", "十面红旗迎风招展",
                                  "三只手都数不过来"])
def test_measure_words_that_are_ordinary_words_count_only_after_arabic_digits(text):
    assert [q for q in find_quantities(text) if q.unit in ("面", "眼", "口", "只")] == []


@pytest.mark.parametrize(
    "text, surface, value, unit",
    [
        ("这个村民小组有40户200来人", "200来人", 200.0, "人"),
        ("镇上开了十来家农家乐", "十来家", 10.0, "家"),
        ("他一年走访选民二十来次", "二十来次", 20.0, "次"),
    ],
)  # fmt: skip
def test_lai_after_a_numeral_and_before_a_unit_is_about(text, surface, value, unit):
    q = by_surface(text)[surface]
    assert (q.value, q.unit, q.approx_kind) == (value, unit, "about")


@pytest.mark.parametrize("text", ["发布时间:2023-05-09 09:30来源:县人大", "一来方便群众，二来节约时间"])
def test_lai_with_no_unit_after_it_is_no_hedge(text):
    assert all(q.approx_kind != "about" for q in find_quantities(text))


@pytest.mark.parametrize(
    "text, surface",
    [
        ("五次会议期间，代表们围绕乡村振兴提出建议", "五次"),
        ("县政府通报了五次、六次会议代表建议的办理情况", "六次"),
        ("六次会议代表建议办理情况的通报", "六次"),
        ("在七次会议上，主席团审议了议案", "七次"),
    ],
)  # fmt: skip
def test_a_session_number_without_its_term_before_a_word_naming_one_sitting(text, surface):
    assert by_surface(text)[surface].kind == "session"


@pytest.mark.parametrize("text, surface", [("常委会全年召开五次会议，听取报告12项", "五次"), ("两次会议期间共收到建议30件", "两次")])
def test_meetings_counted_stay_counts(text, surface):
    assert by_surface(text)[surface].kind == "count"


@pytest.mark.parametrize(
    "text, surface, value, unit",
    [
        ("帮助农户卖出2000斤至5000斤的柑橘", "2000斤至5000斤", 2000.0, "斤"),
        ("每户补贴300元至800元不等", "300元至800元", 300.0, "元"),
    ],
)  # fmt: skip
def test_a_measure_or_money_range_with_its_unit_at_both_ends(text, surface, value, unit):
    q = by_surface(text)[surface]
    assert (q.value, q.unit) == (value, unit) and q.value_high is not None


def test_a_date_range_stays_two_dates():
    assert [q.kind for q in find_quantities("会议于3月12日至15日召开")] == ["date", "date", "date"]


@pytest.mark.parametrize(
    "text, surface, value, unit",
    [
        ("汇民智 集建议千条", "千条", 1000.0, "条"),
        ("百名以上的镇村干部参加了培训", "百名以上", 100.0, "名"),
    ],
)  # fmt: skip
def test_a_lone_magnitude_before_a_unit_closing_its_clause_or_hedged(text, surface, value, unit):
    q = by_surface(text)[surface]
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text", ["把温暖送进千家万户", "为老百姓办实事", "千人一面的做法不可取", "万人空巷看龙舟"])
def test_lone_magnitudes_inside_words_are_no_numbers(text):
    assert [q for q in find_quantities(text) if q.value in (100.0, 1000.0, 10000.0)] == []


@pytest.mark.parametrize("text, surface", [("推进全镇八大民生实事落地", "八大"), ("2025年十大惠民实事项目已全部开工", "十大")])
def test_n_big_livelihood_projects_are_a_count_of_projects(text, surface):
    q = by_surface(text)[surface]
    assert (q.unit, q.kind) == ("项", "count")


def test_n_big_alone_stays_a_party_congress():
    assert by_surface("深入学习贯彻党的二十大精神")["二十大"].kind == "session"


@pytest.mark.parametrize("text, surface", [("年初确定为民办好“8件实事”", "8件"), ("“15项民生工程”已全部完工", "15项")])
def test_a_quoted_count_of_results_is_no_slogan(text, surface):
    assert by_surface(text)[surface].kind == "count"


@pytest.mark.parametrize("text", ["开展“3+2”结对活动", "实施“1311”工程", "推行“20个一”服务"])
def test_quoted_codes_sums_and_numbered_formulas_stay_slogans(text):
    assert {q.kind for q in find_quantities(text)} == {"slogan"}


@pytest.mark.parametrize("text, surface, value", [("教育类提案9件，占11. 5%", "11. 5%", 11.5), ("其中农业方面占比为7. 25%", "7. 25%", 7.25)])
def test_a_stray_space_after_the_decimal_point_of_a_percentage(text, surface, value):
    assert by_surface(text)[surface].value == value


def test_a_list_number_before_a_percentage_is_no_decimal():
    assert [(q.surface, q.kind) for q in find_quantities("2. 35%的建议已办结")] == [("2.", "enumeration"), ("35%", "percent")]


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("青山千名人大代表走进田间地头", "千名", 1000.0),
        ("全区百名干部下沉社区开展走访", "百名", 100.0),
        ("组织万名党员参加志愿服务", "万名", 10000.0),
    ],
)  # fmt: skip
def test_a_lone_magnitude_before_a_unit_and_the_people_it_counts(text, surface, value):
    q = by_surface(text)[surface]
    assert (q.value, q.unit, q.kind) == (value, "名", "count")


@pytest.mark.parametrize("text", ["开展百名代表评百站活动", "推行千名干部联万户机制"])
def test_a_lone_magnitude_in_a_parallel_slogan_is_no_count(text):
    assert [q for q in find_quantities(text) if q.value in (100.0, 1000.0)] == []


@pytest.mark.parametrize(
    "text, surface",
    [("群众满意率和按期办结率实现两个100%", "两个"), ("力争达到三个95%以上", "三个"), ("做到面商和答复两个百分之百", "两个")],
)  # fmt: skip
def test_a_chinese_count_of_named_percentages_is_a_formula(text, surface):
    assert by_surface(text)[surface].kind == "slogan"


def test_a_chinese_count_before_a_measure_stays_a_count():
    assert by_surface("新建一个2000平方米的文化广场")["一个"].kind == "count"


def test_the_two_bottom_lines_are_a_formula():
    assert by_surface("牢牢守住发展和生态两条底线")["两条"].kind == "slogan"


def test_a_lone_magnitude_of_people_inside_a_quoted_campaign_name_is_no_count():
    text = "县人大常委会开展“乡村振兴，千名代表在行动”主题活动"
    assert [q for q in find_quantities(text) if q.value == 1000.0] == []


# --- round 24: phases and rounds, session lists, numbered place names, dotted decimals,
# goods counted with 面 -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, surface",
    [
        ("城南片区改造项目二期本月启动征收", "二期"),
        ("老街更新项目已进入二轮协商阶段", "二轮"),
        ("一期、二期工程均已通过验收", "一期"),
    ],
)  # fmt: skip
def test_a_phase_or_round_written_with_er_is_an_ordinal(text, surface):
    assert by_surface(text)[surface].kind == "ordinal"


def test_a_phase_counted_at_the_end_of_a_clause_stays_a_count():
    q = by_surface("今年共举办代表履职培训班二期。")["二期"]
    assert (q.value, q.unit, q.kind) == (2.0, "期", "count")


@pytest.mark.parametrize(
    "text, surfaces",
    [
        ("代表们察看了在县十六届人大三次、十七届人大二次会议上票决的项目", ["三次", "二次"]),
        ("市九届人大五次、六次会议期间代表提出的建议", ["五次", "六次"]),
    ],
)  # fmt: skip
def test_sessions_listed_before_one_meeting_word_are_all_sessions(text, surfaces):
    found = by_surface(text)
    assert [found[s].kind for s in surfaces] == ["session"] * len(surfaces)


def test_counts_listed_after_a_session_stay_counts():
    found = by_surface("市十届人大常委会召开座谈会三次、调研会两次")
    assert (found["三次"].kind, found["两次"].kind) == ("count", "count")


@pytest.mark.parametrize("text, surface", [("代表走进八一社区收集意见", "八一"), ("在三八村召开院坝会", "三八")])
def test_digits_written_one_by_one_before_a_place_noun_name_the_place(text, surface):
    assert by_surface(text)[surface].unit is None


def test_a_place_noun_counted_in_words_still_counts():
    q = by_surface("全县十二镇均建成代表之家")["十二"]
    assert (q.value, q.unit) == (12.0, "镇")


@pytest.mark.parametrize("text, surface, value", [("全年履职经费支出4·6万元", "4·6万元", 46000.0), ("投入资金1・25亿元", "1・25亿元", 125000000.0)])
def test_a_middle_dot_before_a_magnitude_is_a_decimal_point(text, surface, value):
    q = by_surface(text)[surface]
    assert (q.value, q.unit) == (value, "元")


def test_a_dotted_date_naming_an_event_is_not_a_decimal():
    assert all(q.value != 8.15 for q in find_quantities("抗击“8·15”洪灾中代表冲在一线"))


@pytest.mark.parametrize("text, surface", [("居民送来三面锦旗表达谢意", "三面"), ("站内设置了两面照片墙", "两面"), ("送来兩面錦旗", "兩面")])
def test_goods_counted_with_mian_after_a_chinese_numeral(text, surface):
    q = by_surface(text)[surface]
    assert (q.unit, q.kind) == ("面", "count")


@pytest.mark.parametrize("text", ["四面八方的群众赶来", "一面墙上挂满照片", "这个村三面环山"])
def test_mian_after_a_chinese_numeral_without_goods_counts_nothing(text):
    assert [q for q in find_quantities(text) if q.unit == "面"] == []


@pytest.mark.parametrize(
    "text, spoken",
    [("村里只有两三个人会", True), ("要多走四五公里", True), ("来了五六十人", False), ("共有3至5名代表", False), ("召开会议3次", False)],
)
def test_spoken_estimates_are_pairs_of_digits_without_a_magnitude(text, spoken):
    from congress_lib.quantities import is_spoken_estimate

    assert [is_spoken_estimate(q) for q in find_quantities(text)] == [spoken]


@pytest.mark.parametrize(
    "text, surface, unit",
    [
        ("活动吸引了400余村民到场观看", "400余", "人"),  # 村 opens 村民: people, not villages
        ("新桥让两岸2000多居民出行方便了", "2000多", "人"),
        ("这项工作覆盖全乡15村", "15", "村"),  # a place noun alone still counts places
    ],
)
def test_people_counted_by_the_noun_after_the_number(text, surface, unit):
    q = [q for q in find_quantities(text) if q.surface == surface]
    assert len(q) == 1 and q[0].unit == unit and q[0].kind == "count"


@pytest.mark.parametrize(
    "text, surface",
    [
        ("镇人大围绕中心工作，打好特色种植、结对帮扶、人居整治三张牌", "三张"),
        ("一进大厅，“代表为民 履职尽责”八个大字格外醒目", "八个"),
    ],
)  # fmt: skip
def test_a_count_of_the_parts_of_a_motto_is_a_slogan(text, surface):
    assert by_surface(text)[surface].kind == "slogan"


@pytest.mark.parametrize("text, surface", [("在村口竖起两张公示牌", "两张"), ("新设宣传栏3块、公示牌5张", "5张")])
def test_signs_counted_stay_counts(text, surface):
    # traps: a sign is a thing; only 牌 right after the measure word is the card of a slogan
    assert by_surface(text)[surface].kind == "count"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a numeral and 道 before a word of terrain name a place, nothing counted
        ("他捐资在镇上二道河修建了一所学校。", [("二道", "ordinal"), ("一所", "count")]),
        ("五道沟镇有居民3000户。", [("五道", "ordinal"), ("3000户", "count")]),
        ("该村位于三道岭村北侧。", [("三道", "ordinal")]),
        # a vehicle named by its wheels is no count
        ("村民用三轮车运送化肥。", []),
        # traps: things built are counted, and so are lines and rounds
        ("村里新修了三道河堤。", [("三道", "count")]),
        ("镇里修了两道沟渠。", [("两道", "count")]),
        ("共设置了三道防线。", [("三道", "count")]),
        ("共开展三轮走访。", [("三轮", "count")]),
    ],
)  # fmt: skip
def test_numbered_place_names_and_wheeled_vehicles(text, expected):
    assert [(q.surface, q.kind) for q in find_quantities(text)] == expected


@pytest.mark.parametrize("text, surface, value", [
    ("今年参加人数120人。", "120人", 120),       # a noun ending in 数, then digits: no hedge
    ("代表履职天数23天。", "23天", 23),
    ("受理件数35件。", "35件", 35),
])
def test_a_noun_ending_in_shu_before_digits_is_no_hedge(text, surface, value):
    q = one(text)
    assert (q.surface, q.value, q.approx, q.approx_kind) == (surface, value, False, None)


def test_shu_ji_shang_before_a_chinese_numeral_stay_hedges():
    assert (one("数十名代表参加").surface, one("数十名代表参加").approx_kind) == ("数十名", "more_than")
    assert one("上1000人参加").approx_kind == "more_than"  # 上 before digits: "up to, over"
