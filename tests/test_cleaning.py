"""Cleaning rules for kinds of debris (congress_lib.ingest, lexicon/furniture.yaml).

* a speech's headline run into its opening salutation on one line;
* a photo caption (图为…) at the end of a line;
* an HTML ``<title>`` that repeats the page's ``<h1>`` headline;
* a footer line of "key: value" fields (网站标识码 … 主办 … 技术支持 …);
* a related-article list: a heading (相关阅读, 热点新闻 …) and the headlines under it;
* keyword, tag and editor lines (关键词：…, 标签：…, 【责任编辑：…】, 一审 … 二审 …);
* a journal issue line standing alone (某某人大 2020年第3期, 第12期);
* a count or kind marker that ends a headline (（两篇）, (组图));
* a saved page's title line repeating its headline, a bracketed byline, a sponsor line, a
  time stamp with the publishing organ, a lone navigation item, a photo credit without brackets.
* captions without 图为 (a reporter's credit, a place in the photo (右二), a picture's file
  name, ▲ or 资料图), menus between pipes or with a spaced-out 首 页, breadcrumbs from the
  site's name, a periodical's registration line, spaced-out editor labels, column names above
  the headline.

Every test sentence and page here was written for these tests (no third-party text).
Each rule has its traps: report text that looks like the debris and must stay.
"""

from __future__ import annotations

import pytest

from congress_lib.ingest import clean_text, html_to_text
from congress_lib.text import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


# --- a headline fused with a salutation ------------------------------------------------

HEADLINE = "在全县代表联络站建设推进会上的讲话"


@pytest.mark.parametrize("salutation", [
    "同志们：",
    "同志们:",  # ASCII colon (full-width text folded, or typed so)
    "各位代表：",
    "各位代表、同志们：",
    "尊敬的各位领导，各位来宾，同志们：",
    "亲爱的同志们：",
])
def test_headline_run_into_a_salutation_becomes_a_line_and_a_sentence_of_its_own(salutation):
    body = "今年以来，县人大常委会新建代表联络站12个，接待群众300余人次。"
    cleaned = clean_text(HEADLINE + salutation + body)
    assert cleaned.text.split("\n") == [HEADLINE, salutation + body]
    assert sentences(cleaned.text)[:2] == [HEADLINE, salutation + body]
    assert cleaned.furniture == []  # nothing is removed: the line is only broken


@pytest.mark.parametrize("line", [
    # a line that starts with the salutation: already right
    "同志们：今年以来，县人大常委会新建代表联络站12个。",
    # the salutation is qualified by a clause ending in 的: a sentence, not a headline
    "出席今天座谈会的同志们：请把意见写在征求意见表上。",
    "参加视察的各位代表：请于上午九时在县政府门口集合。",
    # clause punctuation before the salutation: prose, not a headline
    "会上，县人大常委会主任对大家说，同志们：要把联络站建好用好。",
    "县人大常委会主任强调，各位代表：要密切联系群众。",
    # no colon after the salutation
    "在全县代表联络站建设推进会上的讲话同志们好",
    # a "headline" longer than any headline (over 80 characters without punctuation)
    "县人大常委会" * 14 + "同志们：今年以来。",
])
def test_salutation_traps_are_not_broken(line):
    assert clean_text(line).text == line


def test_headline_found_without_metadata_and_counted_as_the_title(make_corpus):
    """Through the pipeline: the first line is the headline, so it is the title and
    sentence 1, and the salutation starts sentence 2."""
    import congress_lib as cl

    speech = (HEADLINE + "同志们：今年以来，县人大常委会新建代表联络站12个。"
              "各乡镇人大主席团要把联络站用起来。\n")
    corpus = cl.load_corpus(make_corpus({"speech.txt": speech}))
    assert corpus.documents["title"].iloc[0] == HEADLINE
    texts = list(corpus.sentences["text"])
    assert texts[0] == HEADLINE
    assert texts[1].startswith("同志们：今年以来")


def test_salutations_are_lexicon_data(tmp_path):
    """A salutation added in a user lexicon is used, with no code change."""
    from congress_lib.resources import load_lexicon

    line = HEADLINE + "乡亲们：今年村里建起了代表联络站。"
    assert clean_text(line).text == line  # not a shipped salutation
    (tmp_path / "furniture.yaml").write_text("salutations:\n  - '乡亲们'\n", encoding="utf-8")
    assert clean_text(line, load_lexicon(tmp_path)).text.split("\n") == [
        HEADLINE, "乡亲们：今年村里建起了代表联络站。"]


# --- photo captions ---------------------------------------------------------------------


@pytest.mark.parametrize("line, kept", [
    # the caption sentence ends a line of report text, with or without its credit
    ("县人大代表走进联络站听取群众意见。图为代表们与群众交谈。（记者 王某 摄）", "县人大代表走进联络站听取群众意见。"),
    ("县人大代表走进联络站听取群众意见。图为代表们与群众交谈。", "县人大代表走进联络站听取群众意见。"),
    ("县人大代表走进联络站听取群众意见。 图为代表们与群众交谈", "县人大代表走进联络站听取群众意见。"),
    ("县人大代表走进联络站听取群众意见。（图为代表们与群众交谈）", "县人大代表走进联络站听取群众意见。"),
    # a caption line of its own: nothing left of it
    ("图为县人大常委会组成人员视察农田水利设施", None),
    ("上图为代表联络站的接待室。", None),
    ("图：代表们在联络站接待选民", None),
    ("图片：代表之家一角（县人大办 供图）", None),
])
def test_photo_captions_are_cut(line, kept):
    cleaned = clean_text(line + "\n全县建成代表联络站36个。")
    lines = cleaned.text.split("\n")
    assert lines[-1] == "全县建成代表联络站36个。"
    assert (lines[0] if len(lines) == 2 else None) == kept
    if kept is None:  # a removed line is kept among the furniture lines
        assert cleaned.furniture == [line]


@pytest.mark.parametrize("line", [
    # 图为 inside a word: 力图为, 蓝图为, 地图为, 意图为
    "县人大常委会力图为群众办好每一件实事。",
    "以规划蓝图为指引，推进代表联络站建设。",
    "以全县行政区划地图为底图，标出每个代表联络站的位置。",
    # a caption sentence followed by report text on the same line: not cut
    "图为代表视察现场。会后，代表们提出意见建议12条。",
    # a long sentence that starts with 图为 (over 60 characters): report prose, stays
    "图为" + "县人大常委会组织代表深入基层开展调研，" * 4 + "形成了调研报告。",
    # 附图 / 如图 / 示意图: a reference to a figure, not a caption
    "代表联络站布局如附图：共设接待、议事、展示三个区域。",
    "联络站的位置如图：位于镇政府东侧。",
])
def test_caption_traps_stay(line):
    assert clean_text(line).text == line


# --- an HTML <title> that repeats the <h1> ------------------------------------------------

H1 = "县人大常委会开展代表联络站专题调研"
BODY = "<p>近日，县人大常委会组织部分代表到各乡镇代表联络站开展专题调研。</p>"


def page(title: str | None, h1: str | None) -> str:
    head = f"<head><title>{title}</title></head>" if title is not None else "<head></head>"
    heading = f"<h1>{h1}</h1>" if h1 is not None else ""
    return f"<html>{head}<body><div class='main'>{heading}{BODY}<p>全县建成代表联络站36个。</p></div></body></html>"


@pytest.mark.parametrize("title", [
    H1,                                  # equal
    f"{H1}_某某县人大常委会",              # headline, then the site's name
    f"{H1} - 某某县人大网",
    f"{H1}_工作动态_某某县人大网",         # headline, column, site
    f"某某县人大网 | {H1}",               # site's name first
    f"某某县人大网 > 人大要闻 > {H1}",
    f" {H1}\n ",                         # whitespace around it
])
def test_a_title_that_repeats_the_h1_is_dropped(title):
    cleaned = clean_text(page(title, H1))
    assert cleaned.text.split("\n")[0] == H1
    assert cleaned.text.count(H1) == 1
    assert cleaned.furniture == [" ".join(title.split())]


@pytest.mark.parametrize("title, h1", [
    (H1, None),                                  # the title is the only headline
    ("乡镇人大工作巡礼", "人大代表在行动"),          # title and h1 say different things
    # (a site's name alone, 某某县人大网, is furniture wherever it stands)
    (f"{H1}——记县人大常委会的一次调研", H1),         # a subtitle (joined by a dash), not a site's name
    (f"{H1}调研报告", H1),                        # the h1 is a prefix but no separator follows it
])
def test_a_title_that_repeats_no_h1_stays(title, h1):
    cleaned = clean_text(page(title, h1))
    lines = cleaned.text.split("\n")
    assert lines[0] == title
    assert title not in cleaned.furniture


def test_repeated_title_makes_no_sentence_of_its_own(make_corpus):
    import congress_lib as cl

    corpus = cl.load_corpus(make_corpus({"page.txt": page(f"{H1}_某某县人大网", H1)}))
    texts = list(corpus.sentences["text"])
    assert texts[0] == H1
    assert sum(H1 in t for t in texts) == 1
    assert corpus.documents["n_furniture_lines"].iloc[0] == 1


def test_html_to_text_without_separators_drops_only_an_equal_title():
    assert html_to_text(page(H1, H1)).split() == [H1, *html_to_text(page(None, H1)).split()[1:]]
    assert html_to_text(page(f"{H1}_某某县人大网", H1)).split()[0] == f"{H1}_某某县人大网"


# --- footers --------------------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "网站标识码：3399000001",
    "网站标识码：3399000001　主办：某某县人大常委会办公室　技术支持：某某信息技术有限公司",
    "主办：某某县人大常委会办公室  技术支持：某某信息技术有限公司",
    "某某县人大常委会主办 技术支持：某某网络公司",
    "本站已支持IPv6访问",
])
def test_footer_lines_are_removed(line):
    cleaned = clean_text("全县建成代表联络站36个。\n" + line)
    assert cleaned.text == "全县建成代表联络站36个。"
    assert len(cleaned.furniture) == 1  # the whole footer line, kept among the removed lines


@pytest.mark.parametrize("line", [
    # 技术支持 in report text: no space before it, or no colon after it
    "县人大常委会为各代表联络站提供技术支持：一是开通线上履职平台，二是培训站点管理员。",
    "代表们表示，要在技术支持和经费保障上为联络站持续发力。",
    "县人大常委会主办了全县代表履职培训班。",
    "全县推进IPv6规模部署，政务网站全部完成改造。",
])
def test_footer_traps_stay(line):
    assert clean_text(line).text == line


# --- related-article lists ------------------------------------------------------------------

ARTICLE = ("县人大常委会开展代表联络站专题调研\n"
           "近日，县人大常委会组织部分代表到各乡镇代表联络站开展专题调研。\n"
           "全县建成代表联络站36个，今年接待群众1200余人次。")
BODY_AFTER = "调研组要求，各代表联络站要完善接待制度，把群众的意见建议及时转交有关部门办理。"


@pytest.mark.parametrize("heading", [
    "相关阅读", "相关新闻：", "【相关文章】", "推荐阅读", "热点新闻", "延伸阅读", "更多", "更多>>",
    "相关报道 更多>>", "猜你喜欢", "- 热门文章",
])
@pytest.mark.parametrize("items", [
    # bare headlines, headlines with a date before or after, bullets and numbers
    ["县人大常委会召开第十二次会议", "某某镇人大主席团开展代表活动日活动", "代表联络站接待日走进社区"],
    ["· 县人大常委会召开第十二次会议 2023-05-12", "· 代表联络站接待日走进社区 2023-04-01"],
    ["[05-12] 县人大常委会召开第十二次会议", "[04-01] 代表联络站接待日走进社区"],
    ["1. 县人大常委会召开第十二次会议", "2. 代表联络站接待日走进社区", "3. 县人大代表履职培训班开班"],
    ["2023-05-12 县人大常委会召开第十二次会议", "2023-04-01", "代表联络站接待日走进社区"],
])
def test_a_related_article_list_at_the_end_is_removed(heading, items):
    cleaned = clean_text(ARTICLE + "\n" + heading + "\n" + "\n".join(items))
    assert cleaned.text == ARTICLE
    assert cleaned.furniture == [heading, *items]


def test_a_related_list_ends_at_the_next_body_paragraph_which_stays():
    items = ["县人大常委会召开第十二次会议", "代表联络站接待日走进社区"]
    cleaned = clean_text(ARTICLE + "\n相关阅读\n" + "\n".join(items) + "\n" + BODY_AFTER)
    assert cleaned.text == ARTICLE + "\n" + BODY_AFTER
    assert cleaned.furniture == ["相关阅读", *items]


@pytest.mark.parametrize("after", [
    # a body paragraph right after the heading (a 延伸阅读 box of prose)
    [BODY_AFTER],
    # one short line, then body text: a page's own headline under a menu heading stays
    ["县人大代表走进联络站听民意", BODY_AFTER],
    # an ordinal section heading of the report is not a listed headline
    ["一、完善代表联络站制度", "二、提升代表履职能力"],
    ["（一）完善代表联络站制度", "（二）提升代表履职能力"],
    # a short sentence that ends with a full stop is text
    ["代表们纷纷点赞。", "群众也很满意。"],
])
def test_lines_after_a_related_heading_that_are_text_stay(after):
    cleaned = clean_text(ARTICLE + "\n延伸阅读\n" + "\n".join(after))
    assert cleaned.text == ARTICLE + "\n" + "\n".join(after)
    assert cleaned.furniture == ["延伸阅读"]


@pytest.mark.parametrize("line", [
    # the heading words inside a sentence, or a line that is more than the heading
    "县人大常委会要求相关阅读材料在会前送达每位代表。",
    "更多群众走进代表联络站反映意见",
    "推荐阅读书目由县图书馆提供，共20种",
    "最新动态显示，全县代表联络站已全部建成。",
])
def test_related_heading_traps_stay(line):
    assert clean_text(line + "\n县人大常委会召开第十二次会议\n代表联络站接待日走进社区").text.split("\n")[0] == line


def test_a_row_of_tab_headings_then_a_list_is_removed():
    page = ARTICLE + "\n- 最新文章\n- 热门文章\n- 热评文章\n- 县人大常委会召开第十二次会议\n- 代表联络站接待日走进社区"
    assert clean_text(page).text == ARTICLE


def test_two_related_lists_in_a_row_are_both_removed():
    page = (ARTICLE + "\n相关新闻\n县人大常委会召开第十二次会议\n代表联络站接待日走进社区"
            "\n热点新闻\n县人大代表履职培训班开班\n乡镇人大主席团集中视察民生项目")
    assert clean_text(page).text == ARTICLE


OTHER_HEADLINES = ["南方多地遭遇强降雨 约300万人受灾", "新能源汽车出口同比增长两成", "某国外长宣布辞职",
                   "科考队员在南极度过第40个春节", "秋粮收购进度过半"]


@pytest.mark.parametrize("credit", ["责任编辑：李某", "关键词：代表联络站 调研", "编辑：张某"])
def test_a_headless_list_of_other_headlines_after_the_editor_line_is_removed(credit):
    page = ARTICLE + "\n" + credit + "\n" + "\n".join(OTHER_HEADLINES)
    cleaned = clean_text(page)
    assert cleaned.text == ARTICLE
    assert cleaned.furniture == [credit, *OTHER_HEADLINES]
    # the page's footer after the list is passed over
    assert clean_text(page + "\n版权所有：某某县人大常委会").text == ARTICLE


@pytest.mark.parametrize("tail", [
    # too few lines for a list
    OTHER_HEADLINES[:3],
    # a sentence among the lines: body text, the lines after it stay as well
    OTHER_HEADLINES[:2] + ["代表们纷纷表示满意。"] + OTHER_HEADLINES[2:],
])
def test_short_lines_after_the_editor_line_that_are_no_list_stay(tail):
    page = ARTICLE + "\n责任编辑：李某\n" + "\n".join(tail)
    assert clean_text(page).text == ARTICLE + "\n" + "\n".join(tail)


def test_short_lines_without_a_furniture_line_before_them_or_without_body_text_stay():
    # section headings at the end of a report, with no editor line before them
    page = ARTICLE + "\n" + "\n".join(OTHER_HEADLINES)
    assert clean_text(page).text == page
    # a page of short lines only, after its byline: nothing before is body text
    assert clean_text("来源：某某人大网\n" + "\n".join(OTHER_HEADLINES)).text == "\n".join(OTHER_HEADLINES)


def test_related_list_headings_are_lexicon_data(tmp_path):
    from congress_lib.resources import load_lexicon

    page = ARTICLE + "\n看看别的\n县人大常委会召开第十二次会议\n代表联络站接待日走进社区"
    assert clean_text(page).text == page
    (tmp_path / "furniture.yaml").write_text("related_list_headings:\n  - '看看别的$'\n", encoding="utf-8")
    assert clean_text(page, load_lexicon(tmp_path)).text == ARTICLE


# --- keyword, tag and editor lines ----------------------------------------------------------


@pytest.mark.parametrize("line", [
    "关键词：代表联络站 履职平台 基层治理",
    "关键字: 人大代表；联络站",
    "〔关键词〕 代表联络站；履职；民意",
    "【关键词】代表之家",
    "标签：人大代表 联络站",
    "Tags: 人大 代表联络站",
    "TAG：代表履职",
    "主题词：人大 代表 工作",
    "〔中图分类号〕D622 〔文献标识码〕A 〔文章编号〕1000-0000(2020)03-0010-03",
    "【责任编辑：某某】",
    "（责任编辑：某某某）",
    "责任编辑 某某某",
    "编辑 | 某某",
    "值班编辑：某某",
    "终审：某某",
    "一审 某某 二审 某某某 三审 某某",
])
def test_keyword_tag_and_editor_lines_are_removed(line):
    cleaned = clean_text("全县建成代表联络站36个。\n" + line)
    assert cleaned.text == "全县建成代表联络站36个。"
    assert cleaned.furniture == [line]


def test_an_editor_credit_and_end_mark_after_text_are_cut():
    line = "全县建成代表联络站36个，今年接待群众1200余人次。（完）【编辑：某某】"
    assert clean_text(line).text == "全县建成代表联络站36个，今年接待群众1200余人次。"


@pytest.mark.parametrize("line", [
    "今年县人大常委会工作的关键词：监督、服务、履职。",
    "关键词之一是“联络站”，之二是“接待日”，县人大常委会主任在讲话中这样概括。",
    "县人大常委会为每个联络站制作了标签，标明联系代表的姓名。",
    "一审判决后，县人大代表继续关注案件的执行情况。",
    "编辑部的同志走进代表联络站，听取代表对刊物的意见。",
])
def test_keyword_and_editor_traps_stay(line):
    assert clean_text(line).text == line


# --- journal issue lines ---------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "某某人大 2020年第3期",
    "《某某之声》2021年第5期",
    "《某某人大》 2022年第10期（总第356期）",
    "某某人大研究 2021年3期",
    "2019年第一期",
    "第12期",
    "总第300期",
    "（第5期）",
])
def test_journal_issue_lines_are_removed(line):
    cleaned = clean_text("县人大常委会开展代表联络站专题调研\n" + line + "\n全县建成代表联络站36个。")
    assert cleaned.text == "县人大常委会开展代表联络站专题调研\n全县建成代表联络站36个。"
    assert cleaned.furniture == [line]


@pytest.mark.parametrize("line", [
    # an issue inside report text
    "2020年第3期代表履职培训班共培训代表120人。",
    "县人大常委会举办第12期代表学习讲堂，50名代表参加。",
    # a column headline with an issue and no year
    "代表风采（第12期）",
    "第十二期代表培训班开班",
])
def test_journal_issue_traps_stay(line):
    assert clean_text(line).text == line


# --- counts and kinds in headlines ----------------------------------------------------------------


@pytest.mark.parametrize("marker", ["（两篇）", "(两篇)", "（三则）", "(组图)", "（图）", "(图文)", "（视频）", "(2篇)", " （四条）"])
def test_a_count_marker_at_the_end_of_a_headline_is_cut(marker):
    cleaned = clean_text("县人大代表走进联络站听取群众意见" + marker + "\n全县建成代表联络站36个。")
    assert cleaned.text == "县人大代表走进联络站听取群众意见\n全县建成代表联络站36个。"
    assert cleaned.furniture == []  # the headline stays: only the marker is cut


@pytest.mark.parametrize("line", [
    "县人大常委会收到代表调研报告两篇，均已转交有关部门研究办理。",
    "两篇调研报告获评全市人大优秀调研成果",
    "（两篇）调研报告获评优秀",
    "代表提出建议两则（件），已全部办结。",
    "县人大常委会图文并茂地展示了代表履职成效",
])
def test_count_marker_traps_stay(line):
    assert clean_text(line).text == line


# --- a saved page's title line, bylines, sponsors, credits -------------------------------------

@pytest.mark.parametrize("title", [
    "某某县人大：代表联络站开门迎客",  # the title repeated as it is
    "某某县人大：代表联络站开门迎客-某某新闻网",  # with the site's name
])
def test_a_title_line_that_repeats_the_headline_below_is_dropped(title):
    page = f"{title}\n2023-05-06 10:20\n某某县人大：代表联络站开门迎客\n全县建成代表联络站36个。"
    cleaned = clean_text(page, html=False)
    assert cleaned.text == "某某县人大：代表联络站开门迎客\n全县建成代表联络站36个。"


def test_repeated_lines_further_down_and_different_headlines_stay():
    page = "代表联络站开门迎客\n某某县代表联络站开门迎客\n全县建成代表联络站36个。\n" + "代表们表示要继续努力。\n" * 5 \
        + "全县建成代表联络站36个。"
    assert clean_text(page, html=False).text == page


@pytest.mark.parametrize("line", [
    "(某某县人大 张三)",
    "（某某区人大常委会办公室 李四四）",
    "2023-05-06 10:20  某某区人民政府",
    "某某省人民代表大会常务委员会主办",
    "某某人大网  |",
    "首页 |  新闻 |",
    "5月6日,县人大常委会第九次会议召开。县人大常委会供图",
    "某某县人大常委会供图",
    "青禾县第十届人民代表大会第二次会议现场 供图 青禾县委宣传部",  # credit word, then its source
    "某某省人民代表大会常务委员会主管",
    "某某市人大网欢迎您！",
    "返回某某市人民政府门户网站",
    "返回首页",
    "ico-crumb.png 首页 > 人大新闻",
    "- 上一篇：某某县人大常委会召开主任会议",
    # a menu of items between pipes, without a closing pipe
    "首页 |  代表风采 |  监督纵横 |  乡镇人大",
    "县委 | 县政府 | 县政协",
    # a breadcrumb that starts at the site's name or after an icon's alt text
    "东岭人民之声网>>区县人大",
    "某某新闻网 > 要闻 > 基层",
    "导航小图标 首页 > 代表工作 > 履职动态",
    # a column heading alone on its line
    "人大要闻",
    "基层动态",
    # a menu opening with the home page written apart
    "首 页 代表风采 监督纵横 立法动态 基层人大",
    # a greeting and a link back to the portal on one line
    "南岭县人大常委会欢迎您！N/A 返回某某省人大常委会门户网站",
    # a caption or byline alone in brackets
    "（代表们分组审议法院工作报告现场）",
    "(某某区人大常委会 王某 刘某某)",
    # a caption closed by a credit written in a few words
    "代表们在联络站听取村民意见。本报记者 赵某 摄",
    "县人大常委会副主任某某察看河道整治情况 日报通讯员 钱某 摄",
])
def test_bylines_sponsors_and_credits_are_removed(line):
    cleaned = clean_text("全县建成代表联络站36个。\n" + line, html=False)
    assert cleaned.text == "全县建成代表联络站36个。"


@pytest.mark.parametrize("line", [
    "培训班由县人大常委会主办",
    "(一)加强代表联络站建设",
    "(二) 完善代表 履职档案",
    "2023-05-06 县人大常委会召开第九次会议",
    "县人大常委会组织代表开展视察,拍摄了大量照片。",
    # a sentence about a supervising organ, a welcome or a return stays
    "该站由街道人大工委主管",
    "代表们表示欢迎您常来联络站坐坐。",
    "返乡创业青年返回家乡后主动到联络站反映情况。",
    "- 代表们纷纷表示要继续履职尽责",
    # a table row flattened with pipes holds numbers
    "议案 | 12 | 15",
    # a dateline in brackets is the report's own
    "（2025年1月8日在某某市第九届人民代表大会第四次会议上）",
    "（二〇二三年二月六日在某某县第十七届人民代表大会第四次会议上）",
    # a sentence that speaks of news, or a line with a bracket inside text
    "县人大常委会召开新闻发布会通报代表建议办理情况",
    "各代表小组(含驻镇代表)按时完成了年度视察任务。",
    "代表们认真审议了报告,纷纷表示赞成并拍摄留念。",
    "登录某某网查询办理结果后,代表表示满意。",
    "首先,代表们察看了联络站的接待记录。",
    "办理结果及时在县政府网站公开,群众可随时查询后返回首页",
    "代表们参观了摄影展 作品共120幅",  # 摄 inside a word, then a count: text
])
def test_byline_and_credit_traps_stay(line):
    assert clean_text(line, html=False).text == line


def test_a_byline_after_the_last_sentence_of_a_line_is_cut():
    line = "全县建成代表联络站36个。(某某县人大 王五)"
    assert clean_text(line, html=False).text == "全县建成代表联络站36个。"
    # a bracket after a sentence that holds no byline stays
    kept = "全县建成代表联络站36个。(其中新建 12个)"
    assert clean_text(kept, html=False).text == kept


def test_a_websites_dateline_opening_the_text_is_cut():
    assert clean_text("青禾市人民政府网讯 近日，市人大代表走访联络站。", html=False).text == "近日，市人大代表走访联络站。"
    assert clean_text("某县人大网讯：代表们表示。", html=False).text == "代表们表示。"
    # traps: 网讯 inside a word, and a dateline in the middle of a line, stay
    for kept in ("代表通过联网讯息平台反映问题。", "代表们说，青禾市人民政府网讯 发布及时。"):
        assert clean_text(kept, html=False).text == kept


# --- site greetings, link lists and breadcrumb columns --------------------------------------

@pytest.mark.parametrize("line", [
    "您好！欢迎来东湖县人民代表大会常务委员会！",
    "您好,欢迎莅临西山区人大网",
    "欢迎光临北岭市人大常委会门户网站",
])
def test_a_site_greeting_is_furniture(line):
    assert clean_text(line + "\n" + ARTICLE).text == ARTICLE


def test_a_greeting_inside_the_report_stays():
    line = "欢迎来自各乡镇的人大代表走进联络站，倾听群众意见。"
    assert clean_text(line).text == line


def test_a_link_list_of_site_names_on_one_row_is_removed():
    row = "中国人大网 北岭省人大网 北岭市人大网 东湖县人民政府网 东湖县人民法院 东湖县人民检察院"
    cleaned = clean_text(ARTICLE + "\n友情链接\n" + row + "\n地址：东湖县人民路1号")
    assert cleaned.text == ARTICLE
    assert row in cleaned.furniture


def test_a_row_of_site_names_without_a_link_heading_stays():
    row = "东湖县人大常委会 东湖县人民政府 东湖县人民法院 联合开展调研"
    assert clean_text(ARTICLE + "\n" + row).text == ARTICLE + "\n" + row


def test_a_link_heading_before_body_text_removes_the_heading_only():
    cleaned = clean_text(ARTICLE + "\n相关链接\n" + BODY_AFTER)
    assert cleaned.text == ARTICLE + "\n" + BODY_AFTER


def test_column_names_of_the_breadcrumb_alone_on_a_line_are_furniture():
    page = "工作动态\n代表风采\n您当前的位置：首页 > 工作动态 > 代表风采 > 正文\n" + ARTICLE
    cleaned = clean_text(page)
    assert cleaned.text == ARTICLE
    assert "代表风采" in cleaned.furniture


def test_a_headline_at_the_end_of_a_breadcrumb_stays_as_text():
    headline = "东湖县人大常委会召开代表联络站建设推进会暨现场观摩活动"
    page = "当前位置：首页 > 工作动态 > " + headline + "\n" + headline + "\n" + ARTICLE
    assert clean_text(page).text == headline + "\n" + ARTICLE


def test_a_column_name_inside_a_sentence_is_no_breadcrumb_line():
    page = "首页 > 工作动态 > 代表风采\n" + ARTICLE + "\n代表风采展示活动在各联络站举行。"
    assert clean_text(page).text == ARTICLE + "\n代表风采展示活动在各联络站举行。"


def test_a_recommended_teaser_cut_off_by_an_ellipsis_is_removed_even_alone():
    teaser = "5月8日，北岭市中级人民法院对一起合同纠纷案作出二审判决，维持原判。据此前报道，该案起因于..."
    cleaned = clean_text(ARTICLE + "\n新闻推荐\n" + teaser + "\n" + BODY_AFTER)
    assert cleaned.text == ARTICLE + "\n" + BODY_AFTER
    assert cleaned.furniture == ["新闻推荐", teaser]


def test_a_paragraph_ending_in_an_ellipsis_without_a_related_heading_stays():
    line = "代表们围绕道路、供水、教育等问题提出建议……"
    assert clean_text(ARTICLE + "\n" + line).text == ARTICLE + "\n" + line


def test_text_after_a_recommendation_heading_that_is_no_teaser_stays():
    cleaned = clean_text(ARTICLE + "\n文章推荐\n" + BODY_AFTER)
    assert cleaned.text == ARTICLE + "\n" + BODY_AFTER


@pytest.mark.parametrize("line", [
    "| 发文单位:东湖县人民政府办公室 | 成文日期:2021年04月12日 |",
    "| 标 题: 东湖县人民政府办公室关于做好代表建议办理工作的通知 | |",
    "发布机构：北岭市人民政府办公室",
    "• 发文机构：南屏区政府办公室",
])
def test_the_issuer_and_title_rows_of_a_document_site_are_furniture(line):
    cleaned = clean_text(line + "\n" + ARTICLE)
    assert cleaned.text == ARTICLE


def test_a_sentence_about_the_issuing_office_stays():
    line = "通知由县政府办公室印发，发文单位负责解释。"
    assert clean_text(line).text == line


@pytest.mark.parametrize("label", ["您现在的位置：", "你当前所在位置:", "您目前的位置："])
def test_a_breadcrumb_under_any_wording_of_its_label_with_doubled_separators(label):
    page = label + "东湖县人大>> 乡镇人大>> 工作动态>>正文\n" + ARTICLE
    cleaned = clean_text(page)
    assert cleaned.text == ARTICLE


def test_a_menu_line_with_one_long_item_is_furniture():
    menu = "首页 要闻 时政 党建 法治 视频 专题 东湖省人民政府网 英文版"
    assert clean_text(menu + "\n" + ARTICLE).text == ARTICLE
    # traps: two long items are a row of organs, not a menu; words split by spaces with a
    # one-character item are text
    row = "首页 要闻 东湖县人民代表大会 东湖县人民政府网站"
    spaced = "会议 强调 要 做好 代表 工作 推动 发展"
    assert clean_text(ARTICLE + "\n" + row + "\n" + spaced).text == ARTICLE + "\n" + row + "\n" + spaced


def test_later_copies_of_the_headline_are_furniture_and_other_repeats_stay():
    # written for this test: an aggregator page repeating its headline around pictures
    headline = "某县去年代表建议办得怎么样？这份答卷请查收！"
    page = "\n".join([headline, "全县共立案代表建议96件，已全部答复。", headline, "代表们对办理工作表示满意。",
                      headline, "全县共立案代表建议96件，已全部答复。"])
    cleaned = clean_text(page, html=False)
    assert cleaned.text.split("\n") == [headline, "全县共立案代表建议96件，已全部答复。", "代表们对办理工作表示满意。",
                                        "全县共立案代表建议96件，已全部答复。"]
    assert cleaned.furniture.count(headline) == 2
    # the headline with a tag or the site's name joined by a separator, then its bare copies
    tagged = clean_text(headline + "-96\n全县共立案代表建议96件。\n" + headline, html=False)
    assert tagged.text.split("\n") == [headline + "-96", "全县共立案代表建议96件。"]
    # traps: a short first line (a column name) and its repeats stay; so does a page whose
    # first line is long text
    assert clean_text("合计\n共计\n合计", html=False).text.count("合计") >= 1
    long_first = ("全县各级人大代表深入选区开展走访，收集群众意见建议，推动解决了一批急难愁盼问题，"
                  "受到群众好评，各方反映良好，代表履职的积极性和主动性明显增强。")
    assert clean_text(long_first + "\n说明\n" + long_first, html=False).text.count(long_first) == 2


# --- photo captions, navigation and footer debris of round 17 ---------------------------------


@pytest.mark.parametrize("line", [
    "区人大常委会副主任王建国察看代表之家 某某晚报记者 陈晓明 摄",   # a credit with spaces
    "代表座谈会现场。 某某网通讯员 赵丽 摄",
    "镇人大主席李华正在介绍情况。记者 周强摄",
    "代表们在田间察看春耕备耕 刘洋/摄",                            # a credit after a slash
    "市人大代表孙梅(左二)在社区听取居民意见",                      # a place in the photo
    "县人大常委会主任张伟(前排右一)与代表合影",
    "图片3.jpg      代表联络站的制度公示墙",                          # a picture's file name
    "代表建议交办会.mp4_20240110_101530123",                          # a video's file name
    "▲ 县人大常委会党组成员、副主任 钱文斌",                        # a caption marker, a post, a name
    "资料图:某某市人大常委会召开代表工作座谈会现场。",
    "青禾乡周明亮代表在座谈会上发言 王晓(摄)",                      # the credit word alone in brackets
    "IMG_318 代表们走访困难群众。",                                    # a saved picture's name
])
def test_captions_without_a_tu_wei_marker_are_removed(line):
    assert clean_text(line + "\n2023年全县代表共提出建议86件。").text == "2023年全县代表共提出建议86件。"


@pytest.mark.parametrize("line", [
    "县人大常委会主任 张伟",                                          # a speech's author line is coded
    "记者从区人大常委会获悉,全区代表共提出建议120件。",              # 记者 in a sentence, no credit
    "代表们围绕摄影产业发展提出建议。",
    "全镇共有左右两个片区,设立代表联络站2个。",
    "市人大代表刘芳在左侧展板前介绍履职情况,共接待群众36人次。",
    "会议审议了《关于某某.png格式的说明》",
    "代表们建议在IMG区设立指示牌,共收集意见12条。",                  # IMG inside a sentence
])
def test_caption_traps_stay(line):
    assert clean_text(line).text == line


@pytest.mark.parametrize("line", [
    "首 页 人大新闻 代表工作 监督工作 立法动态 机关建设",            # a spaced-out 首 页
    "某某人大网>>基层人大",                                           # a breadcrumb from the site's name
    "某某人大网 > 代表工作 > 履职动态",
    "导航图标 首页 > 人大新闻 > 代表风采",                            # the icon's alt text before it
    "县委  |  县政府  |  县政协",                                     # a menu between pipes
    "|  首?页? |  代表工作? |  监督工作  |  议案建议?",
    "某某县人大常委会欢迎您!N/A 返回某某省人民政府门户网站",          # a greeting and a link on one line
    "某某报业集团出版发行 国内统一刊号:CN 99-0123",        # a periodical's registration
])
def test_menus_breadcrumbs_and_footers_of_round_17_are_removed(line):
    assert clean_text(line + "\n全年共召开常委会会议8次。").text == "全年共召开常委会会议8次。"


@pytest.mark.parametrize("line", [
    "代表建议数量|办结数量",                                          # only one pipe between two words: stays
    "2023年 | 120件 | 98% | 办结",                                    # a table row with numbers
    "代表们说:“欢迎您!常来联络站坐坐。”",
    "通过人大网>>代表之窗栏目,群众可以向代表留言反映问题。",
])
def test_menu_and_footer_traps_stay(line):
    assert clean_text(line).text == line


def test_a_bracketed_byline_with_several_names_is_removed():
    text = "会议听取了代表建议办理情况的汇报。\n(某某市人大常委会 王芳 李强)\n编 辑: 张三\n责 编: 李四"
    assert clean_text(text).text == "会议听取了代表建议办理情况的汇报。"
    text = "会议听取了代表建议办理情况的汇报。(某某县人大 赵敏 钱进 孙丽)"
    assert clean_text(text).text == "会议听取了代表建议办理情况的汇报。"


def test_an_editor_label_spaced_out_is_a_credit_line_and_a_sentence_with_its_words_stays():
    assert clean_text("全年走访代表45人次。\n来 源: 某某县人大\n审 核: 王五").text == "全年走访代表45人次。"
    assert clean_text("编辑部 辑录代表建议12件。").text == "编辑部 辑录代表建议12件。"


def test_column_names_above_the_headline_are_furniture():
    page = "新闻中心\n履职动态\n某某县人大常委会召开代表建议交办会\n会上共交办代表建议58件。"
    assert clean_text(page).text == "某某县人大常委会召开代表建议交办会\n会上共交办代表建议58件。"


@pytest.mark.parametrize("page", [
    "代表之家\n全镇建成代表之家3个,接待选民120人次。",           # a short headline with body text under it
    "履职故事\n——记某某县人大代表王红的一年\n代表们走访选民60户。",  # a short headline and its subtitle
    "某某县人大常委会召开代表建议交办会\n会上共交办代表建议58件。",  # no short line above the headline
])
def test_a_short_headline_with_text_or_a_subtitle_under_it_stays(page):
    assert clean_text(page).text == page


def test_a_reprints_original_headline_is_text_unless_it_repeats_the_headline():
    # the original headline of a reprinted report differs from the page's: it is text
    page = "某区开工10类民生项目\n原标题：问需于民收到建议560条 某区投资12亿开工10类民生项目\n会议当天，全区宣布开工。"
    cleaned = clean_text(page)
    assert "原标题：问需于民收到建议560条 某区投资12亿开工10类民生项目" in cleaned.text.split("\n")
    # the page's only headline, given as the original one, is text too
    assert clean_text("原标题：在某市，代表与群众之间有300座连心桥\n正文一句。").text.startswith("原标题")
    # trap: an original headline that repeats the page's (a place name more or less) is furniture
    page = "四名人大代表走进河东区新华街道 倾听居民意见\n原标题：四名人大代表走进新华街道倾听居民意见\n正文一句。"
    cleaned = clean_text(page)
    assert cleaned.text.split("\n") == ["四名人大代表走进河东区新华街道 倾听居民意见", "正文一句。"]
    assert cleaned.furniture == ["原标题：四名人大代表走进新华街道倾听居民意见"]
    # trap: a document site's title field stays furniture
    assert clean_text("标题：某县召开人大常委会会议\n某县召开人大常委会会议\n正文一句。").furniture == [
        "标题：某县召开人大常委会会议"]


def test_an_original_headline_is_compared_with_the_first_headline_like_lines_only():
    # the page's headline stands among its first lines: a line like the original headline far
    # down the page (after eight other short lines) does not make it furniture; the bound keeps
    # the rule linear on a page of many labels and many short lines
    items = [f"第{n}组代表走访选民情况" for n in "一二三四五六七八"]
    page = "\n".join(["某镇人大开展代表接待日活动", *items, "四名代表走进新华街道倾听居民意见",
                      "原标题：四名代表走进新华街道倾听居民意见", "正文一句。"])
    assert "原标题：四名代表走进新华街道倾听居民意见" in clean_text(page).text.split("\n")
    # within the first lines the same copy is furniture
    page = "\n".join(["四名代表走进新华街道倾听居民意见", "原标题：四名代表走进新华街道倾听居民意见", "正文一句。"])
    assert clean_text(page).furniture == ["原标题：四名代表走进新华街道倾听居民意见"]


def test_a_content_managers_property_block_closed_by_a_comment_end_is_furniture():
    line = "2023-09-14 记者 孙立 2 1 东湖日报 content_48213.html 1 县人大代表走访企业30家 /enpproperty-->"
    assert clean_text(line + "\n" + ARTICLE).text == ARTICLE


def test_a_sentence_with_an_arrow_stays():
    line = "代表们提出的建议 --> 交县政府办理。"
    assert clean_text(line).text == line


@pytest.mark.parametrize("line", [
    # a government information-disclosure page's metadata, in cells between pipes or spaced out
    "| 索引号 | 0012345/2023-00017 | 组配分类 | 建议提案办理 |",
    "| 发布机构 | 临川县人民政府办公室 | 发文日期 | 2023-06-12 16:40 |",
    "| 信息来源 | 临川县人民政府办公室 | 主题导航 | 其他 |",
    "公开方式 主动公开 发布机构 青河区人民政府办公室 责任部门 青河区政府办",
    "| 信息名称 | 关于东坪县七届人大二次会议代表建议办理结果的通报 | 内容概述 | "
    + "东坪县七届人大二次会议上,与会代表围绕民生提出建议五十余件,已分送县直单位办理。" * 3 + " |",
    # the page's time stamp and its source or department label on one line
    "[发布时间:2022-09-14 10:02:33]      [来源:云岭市东山区人大]",
    "2018年4月9日08:30 来源:某某人大网",
    "发布部门: 江城市人大(含常委会)",
    # a body's media account or channel, a digital paper's page, a column with the site's name
    "南岭人大微信",
    "东山县人大常委会公众号",
    "当前版:北川人大 版面二",
    "履职动态 - 南坪区人民代表大会常务委员会网",
    "人大要闻_某某人大网",
    # a supervising organ and a sponsor on one line
    "西江省人大常委会主管 《民主与法制》杂志社主办",
    # a breadcrumb from the portal's owner, and a location label with 是
    "东丽区政府  >  政务公开  >  通知公告  >  区政府文件",
    "您现在的位置是: 首 页 > 人大新闻",
])
def test_disclosure_tables_sources_accounts_and_site_titles_are_furniture(line):
    assert clean_text(line + "\n全年共办理代表建议58件。").text == "全年共办理代表建议58件。"


@pytest.mark.parametrize("line", [
    "县人大常委会开通微信公众号,及时发布代表履职信息。",       # a sentence about an account
    "县人大常委会开通微信公众号",                                # a headline: the account is opened, no account line
    "会议听取了县政府办公室关于信息来源和发布机构的说明。",
    "代表建议办理情况 - 2023年共办结建议120件",                  # no site's name after the dash
    "区人大代表 > 乡镇人大代表 > 村民代表,层层压实责任。",          # arrows inside a sentence
])
def test_disclosure_and_account_traps_stay(line):
    assert clean_text(line).text == line


# --- menus in short rows, headless teaser lists, site names and banners, end-of-item sources --

def test_a_menu_flattened_into_rows_of_two_items_is_removed():
    page = ("机构概况 领导分工\n会议公开 立法动态\n监督视窗 代表之窗\n专题专栏 人事任免\n"
            "南坪县人大常委会视察民生实事项目\n5月8日,县人大常委会组织12名县人大代表视察民生实事项目。")
    assert clean_text(page).text == ("南坪县人大常委会视察民生实事项目\n"
                                     "5月8日,县人大常委会组织12名县人大代表视察民生实事项目。")


@pytest.mark.parametrize("page", [
    # one or two rows with a space are a headline and its subtitle, or a headline in two halves
    "聚焦民生实事 回应群众期盼\n东山镇人大代表走进社区倾听民意\n代表们共收集意见建议26条。",
    "凝心聚力 共谋发展\n全年召开代表座谈会9次。",
])
def test_one_or_two_rows_with_a_space_stay(page):
    assert clean_text(page).text == page


def test_a_headless_list_of_cut_off_titles_is_removed_between_its_first_and_last_teaser():
    page = ("某某市人大常委会召开第十二次主任会 ...\n"
            "代表联络站建设推进会在西林区召开\n"
            "西林区第八届人民代表大会第三次会 ...\n"
            "西林区人大代表为乡村振兴献策\n"
            "6月3日,西林区人大常委会组织代表开展集中视察活动,共提出建议15条。")
    assert clean_text(page).text == ("西林区人大代表为乡村振兴献策\n"
                                     "6月3日,西林区人大常委会组织代表开展集中视察活动,共提出建议15条。")


@pytest.mark.parametrize("page", [
    # a lone sub-heading that ends in an ellipsis, then body text
    "她为乡亲们带来了好消息……\n县人大代表李某某多方奔走,为村里争取道路硬化资金30万元。",
    # lines that end in the writer's double ellipsis are text, however many stand together
    "代表们说……\n会上,代表们畅所欲言,提出了加快道路建设、改善饮水条件等建议……\n群众们说……",
    # a paragraph that ends in an ellipsis is text
    "西林区第八届人民代表大会第三次会 ...\n6月3日,西林区人大常委会组织代表开展集中视察活动。这次活动...",
])
def test_a_lone_teaser_or_a_paragraph_with_an_ellipsis_stays(page):
    assert clean_text(page).text == page


@pytest.mark.parametrize("line", [
    "东川人大网",
    "南岭新闻网",
    "# 县人大常委会开展代表建议督办| 来源: 本站整理| 查看: 318",
    "乡镇人大工作交流会召开 | 作者: 王某 | 浏览: 52",
    # a yearbook's page header in an online reader
    "Page 88 - 西林区年鉴2022",
    "Page 156 - 南坪县人大志(上册)",
])
def test_site_names_and_title_lines_with_their_fields_are_furniture(line):
    assert clean_text(line + "\n全年共办理代表建议58件。").text == "全年共办理代表建议58件。"


def test_a_site_name_with_its_pinyin_banner_is_furniture():
    page = "东川县人民代表大会常务委员会\nDongchuanxianrenmindaibiaodahuichangwuweiyuanhui\n全年共办理代表建议58件。"
    assert clean_text(page).text == "全年共办理代表建议58件。"


@pytest.mark.parametrize("page", [
    # a name above an English word, or a short Latin line, is no banner
    "东川县人民代表大会常务委员会\nNPC\n全年共办理代表建议58件。",
    "全年共办理代表建议58件\nStandingcommittee\n会议结束。",
])
def test_latin_lines_that_are_no_transliteration_stay(page):
    assert clean_text(page).text == page


@pytest.mark.parametrize("page", [
    "代表们翻阅了年鉴第56页-第60页的记载。",              # a sentence that cites pages
    "第3页—第5页为代表建议目录",
])
def test_page_references_in_text_stay(page):
    assert clean_text(page).text == page


@pytest.mark.parametrize("office", ["北川区人大办", "南坪县人大", "某某县融媒体中心", "东南网手机版"])
def test_a_source_in_brackets_after_the_last_sentence_is_cut(office):
    line = "会议选举产生了新一届镇人大主席团成员。"
    assert clean_text(f"{line}({office})").text == line


@pytest.mark.parametrize("line", [
    "会议审议通过了三件议案。(以上三件合并为一项)",          # a note, no source
    "代表们提出建议12条(其中镇人大主席团转交5条)。",           # a bracket inside the sentence
])
def test_bracketed_notes_after_a_sentence_stay(line):
    assert clean_text(line).text == line


@pytest.mark.parametrize("line, kept", [
    ("（青禾县人大办）5月6日，代表们视察了工地。", "5月6日，代表们视察了工地。"),
    ("(某某人大网讯)近日，区人大常委会召开主任会议。", "近日，区人大常委会召开主任会议。"),
    # traps: a body in brackets that is the text's own subject, a source not before a date
    ("（区人大常委会）5月6日召开会议。", "（区人大常委会）5月6日召开会议。"),
    ("（某某融媒体中心）代表们视察了工地。", "（某某融媒体中心）代表们视察了工地。"),
])
def test_a_source_in_brackets_before_the_date_that_opens_the_text_is_cut(line, kept):
    assert clean_text(line).text == kept
