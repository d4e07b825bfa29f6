"""Tests for congress_lib.practices: practice cue phrases (§5) and political formulas (§6).

Sentences marked "seed" come from the bundled reports; the others are written in
the style of reports from other provinces (some in traditional characters,
converted with opencc as the loader does).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congress_lib.errors import InvalidArgumentError, LexiconError
from congress_lib.practices import CueFinder, find_formulas, find_practices
from congress_lib.resources import load_lexicon
from congress_lib.text import opencc

T2S = opencc("t2s")  # the library's one converter, as the loader uses it


def practices(text):
    return [(h["practice"], h["surface"]) for h in find_practices(text)]


def formulas(text):
    return [(h["formula"], h["surface"]) for h in find_formulas(text)]


# --------------------------------------------------------------------------- practices


@pytest.mark.parametrize(
    "sentence, code, surface",
    [
        ("区人大常委会强化专题询问的监督质效", "special_inquiry", "专题询问"),  # seed
        ("开展《水污染防治法》执法检查,守护蓝天碧水净土", "law_enforcement_inspection", "执法检查"),  # seed
        ("开展专题询问和满意度测评,推动人居环境优化", "satisfaction_evaluation", "满意度测评"),  # seed
        ("首次对五件重点建议开展‘面对面’督办", "face_to_face_supervision", "‘面对面’督办"),  # seed
        ("创新建立“三方会商”督办机制", "tripartite_consultation", "三方会商"),  # seed
        ("渠沟镇八届人大二次会议,票决产生2022年民生实事", "livelihood_project_voting", "票决产生"),  # seed
        ("民生实事项目人大代表票决制工作,项目来自群众", "livelihood_project_voting", "民生实事项目人大代表票决制"),  # seed
        ("完善代表履职承诺、履职考勤和述职评议三项机制", "deputy_report_appraisal", "述职评议"),  # seed
        ("16名市人大代表进行3分钟脱稿发言述职,并接受评议", "deputy_report_appraisal", "述职,并接受评议"),  # seed
        ("落实代表接待日制度,每月5日组织人大代表接待选民", "voter_reception_day", "代表接待日"),  # seed
        ("健全完善“双联系”工作机制", "dual_contact", "双联系"),  # seed
        ("落实“双联”机制,区人大常委会组成人员直接联系118名基层人大代表", "dual_contact", "“双联”机制"),  # seed
        ("精心组织代表小组开展调研视察53次", "deputy_group_activity", "代表小组开展"),  # seed
        ("率先全市成立教育、医疗等专业代表小组", "sectoral_deputy_group", "专业代表小组"),  # seed
        ("共同推进“人大代表+法官”多元解纷新模式", "deputy_judge_mediation", "人大代表+法官"),  # seed
        ("持续推广“互联网+”代表履职模式", "internet_plus_duty", "“互联网+”代表履职"),  # seed
        ("印制《人大代表履职档案》,做好代表履职登记", "deputy_performance_record", "履职档案"),  # seed
        ("坚持“代表统一接待选民”制度", "unified_reception", "代表统一接待选民"),  # seed
        ("坚持“代表双活动日”制度", "dual_activity_day", "双活动日"),  # seed
        ("继续推动跨时段跟踪督办机制落实", "follow_up_supervision", "跟踪督办"),  # seed
        ("提出了完善平台建设、优化营商环境等审议意见9条", "review_opinions", "审议意见"),  # seed
        ("为人大执法检查、工作评议、代表视察提供便利条件", "work_appraisal", "工作评议"),  # seed
        # other provinces
        ("县人大常委会首次开展民生实事项目代表票决,票决确定十件实事", "livelihood_project_voting", "代表票决"),
        ("镇人大主席团对镇政府进行满意度评价", "satisfaction_evaluation", "满意度评价"),
        ("区人大常委会对区司法局开展专项工作评议", "work_appraisal", "专项工作评议"),
        ("组织县人大代表向选民述职,接受选民评议", "deputy_report_appraisal", "向选民述职"),
    ],
)
def test_each_practice_is_found_by_its_cue(sentence, code, surface):
    assert (code, surface) in practices(sentence)


def test_codebook_starting_list_is_covered():
    codes = set(load_lexicon()["practices"]["practices"])
    assert {
        "special_inquiry", "law_enforcement_inspection", "satisfaction_evaluation", "face_to_face_supervision",
        "tripartite_consultation", "livelihood_project_voting", "deputy_report_appraisal", "voter_reception_day",
        "dual_contact", "deputy_group_activity", "sectoral_deputy_group", "deputy_judge_mediation",
        "internet_plus_duty", "deputy_performance_record", "unified_reception", "dual_activity_day",
        "follow_up_supervision", "review_opinions", "work_appraisal",
    } <= codes  # fmt: skip
    for code, entry in load_lexicon()["practices"]["practices"].items():
        assert entry["label"] and len(entry["cues"]) >= 1, code


def test_hits_carry_offsets_labels_and_are_sorted():  # seed
    text = "首次对五件重点建议开展“面对面”督办,并进行满意度测评。同时,继续推动跨时段跟踪督办机制落实。"
    hits = find_practices(text)
    assert [h["practice"] for h in hits] == [
        "key_proposal_supervision", "face_to_face_supervision", "satisfaction_evaluation", "follow_up_supervision",
    ]
    for h in hits:
        assert text[h["start"]:h["end"]] == h["surface"]
        assert set(h) == {"practice", "label", "surface", "start", "end"}
    assert hits[1]["label"] == "面对面督办"


def test_longest_cue_wins_within_a_practice_and_codes_may_share_text():  # seed
    hits = find_practices("开展以“察民情、解民忧、帮民困”为主题的“代表统一接待选民日”活动")
    assert [(h["practice"], h["surface"]) for h in hits] == [
        ("unified_reception", "代表统一接待选民"),
        ("voter_reception_day", "接待选民日"),
    ]
    # one hit per practice, not 民生实事票决 + 票决制 + 人大代表票决 inside one another
    assert practices("民生实事项目人大代表票决制工作") == [("livelihood_project_voting", "民生实事项目人大代表票决制")]


@pytest.mark.parametrize(
    "text",
    [
        "开展专题调研,听取专项报告",  # 专题 alone is no special inquiry
        "加强执法队伍建设",  # 执法 alone
        "群众满意度不断提升",  # satisfaction without an evaluation
        "四个方面提出意见",  # 意见 without 审议
        "推进“互联网+政务服务”改革",  # internet plus, but not deputies' duties
        "县监委主任列席会议",  # sitting in, but not deputies
        "",
    ],
)
def test_no_practice_in_near_misses(text):
    assert find_practices(text) == []


def test_traditional_report_after_conversion():
    text = T2S.convert("縣人大常委會開展專題詢問,並對辦理結果進行滿意度測評。")
    assert practices(text) == [("special_inquiry", "专题询问"), ("satisfaction_evaluation", "满意度测评")]


# --------------------------------------------------------------------------- formulas


def test_seed_formula_sentence():  # seed
    text = "深刻领悟“两个确立”的决定性意义,增强“四个意识”、坚定“四个自信”、做到“两个维护”"
    assert formulas(text) == [
        ("two_establishments", "两个确立"),
        ("four_consciousnesses", "四个意识"),
        ("four_confidences", "四个自信"),
        ("two_safeguards", "两个维护"),
    ]


@pytest.mark.parametrize(
    "sentence, code, surface",
    [
        ("始终坚持以习近平新时代中国特色社会主义思想为指导", "xi_thought", "习近平新时代中国特色社会主义思想"),  # seed
        ("深入践行全过程人民民主", "whole_process_democracy", "全过程人民民主"),  # seed
        ("深入学习贯彻党的二十大精神", "twentieth_congress_spirit", "党的二十大精神"),  # seed
        ("扎实开展“不忘初心、牢记使命”主题教育", "stay_true_to_mission", "不忘初心、牢记使命"),  # seed
        ("坚持以人民为中心的理念", "people_centred", "以人民为中心"),  # seed
        ("持续深化对党的十九届六中全会精神的认识", "nineteenth_plenums_spirit", "党的十九届六中全会精神"),  # seed
        ("同以习近平同志为核心的党中央保持高度一致", "xi_core", "以习近平同志为核心的党中央"),  # seed
        # other provinces
        ("全面贯彻党的二十届三中全会精神,推进中国式现代化", "twentieth_plenums_spirit", "党的二十届三中全会精神"),
        ("全面贯彻党的二十届三中全会精神,推进中国式现代化", "chinese_modernization", "中国式现代化"),
        ("不忘初心，牢记使命,奋力谱写新篇章", "stay_true_to_mission", "不忘初心，牢记使命"),
    ],
)
def test_formulas_and_variants(sentence, code, surface):
    assert (code, surface) in formulas(sentence)


def test_formula_in_traditional_characters():
    text = T2S.convert("增強「四個意識」、堅定「四個自信」,踐行全過程人民民主。")
    assert formulas(text) == [
        ("four_consciousnesses", "四个意识"),
        ("four_confidences", "四个自信"),
        ("whole_process_democracy", "全过程人民民主"),
    ]


@pytest.mark.parametrize("text", ["从五个方面部署了重点工作任务", "两个小组联合开展调研", "坚定信心,维护稳定"])
def test_no_formula_in_near_misses(text):
    assert find_formulas(text) == []


# --------------------------------------------------------------------------- lexicon and contract


def test_user_lexicon_adds_a_practice_and_a_cue(tmp_path):
    (tmp_path / "practices.yaml").write_text(
        "practices:\n"
        "  deputy_salon:\n    label: 代表沙龙\n    cues: [代表沙龙]\n"
        "  special_inquiry:\n    cues: [质询座谈]\n",
        encoding="utf-8",
    )
    lex = load_lexicon(tmp_path)
    text = "举办代表沙龙,召开质询座谈"
    assert [h["practice"] for h in find_practices(text)] == []
    assert [(h["practice"], h["surface"]) for h in find_practices(text, lex)] == [
        ("deputy_salon", "代表沙龙"),
        ("special_inquiry", "质询座谈"),
    ]


def test_bad_pattern_in_user_lexicon_is_reported(tmp_path):
    (tmp_path / "formulas.yaml").write_text("formulas:\n  broken:\n    label: x\n    patterns: ['(']\n",
                                            encoding="utf-8")
    with pytest.raises(LexiconError, match="broken"):
        find_formulas("任何文本", load_lexicon(tmp_path))


def test_bad_text_argument():
    with pytest.raises(InvalidArgumentError, match="must be a str"):
        find_practices(b"bytes")
    with pytest.raises(InvalidArgumentError, match="must be a str"):
        find_formulas(None)


ALPHABET = list("专题询问执法检查满意度测评面对面督办“”‘’、,。两个确立四意识自信维护不忘初心牢记使命代表人大") + ["", " "]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=40))
def test_invariants_on_random_text(chars):
    text = "".join(chars)
    for finder, key in ((find_practices, "practice"), (find_formulas, "formula")):
        hits = finder(text)
        assert hits == finder(text)  # deterministic
        assert [h["start"] for h in hits] == sorted(h["start"] for h in hits)
        per_code = {}
        for h in hits:
            assert text[h["start"]:h["end"]] == h["surface"] and h["surface"]
            per_code.setdefault(h[key], []).append((h["start"], h["end"]))
        for spans in per_code.values():  # no overlaps within one code
            for (a, b), (c, d) in zip(spans, spans[1:]):
                assert b <= c


GATE_ALPHABET = ALPHABET + list("述职接受评议进行列席常委会会议党的二十届三中全会精神双联小组活动")
KINDS = ("practices", "formulas")


def _fast_and_plain(kind):
    return CueFinder.from_lexicon(None, kind), CueFinder.from_lexicon(None, kind, shortcuts=False)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(GATE_ALPHABET), max_size=60))
def test_gated_scan_equals_trying_every_position(chars):
    text = "".join(chars)
    for kind in KINDS:
        fast, plain = _fast_and_plain(kind)
        assert fast.find(text) == plain.find(text)


def test_gated_scan_equals_definition_on_cue_sentences():
    fast, plain = _fast_and_plain("practices")
    for text in ("区人大常委会开展专题询问和“面对面”督办，组织代表述职并接受评议，代表列席区人大常委会会议。",
                 "‘面对面’督办", "执法检查执法检查", "专题询问、满意度测评"):
        assert fast.find(text) == plain.find(text) != []


def test_shortcuts_find_what_the_plain_definition_finds_in_the_corpus(corpus):
    sentences = list(corpus.sentences["text"])
    for kind in KINDS:
        fast, plain = _fast_and_plain(kind)
        got = [fast.find(s) for s in sentences]
        assert got == [plain.find(s) for s in sentences]
        assert sum(map(len, got)) > 10


def test_cue_finder_is_compiled_once_per_lexicon_kind_and_option():
    assert CueFinder.from_lexicon() is CueFinder.from_lexicon(load_lexicon(), "practices")
    assert CueFinder.from_lexicon(kind="formulas") is not CueFinder.from_lexicon()
    assert CueFinder.from_lexicon(shortcuts=False) is not CueFinder.from_lexicon()
    assert CueFinder.from_lexicon(kind="formulas").find("增强“四个意识”") == find_formulas("增强“四个意识”")
    with pytest.raises(InvalidArgumentError, match="kind must be one of"):
        CueFinder.from_lexicon(kind="practice")
