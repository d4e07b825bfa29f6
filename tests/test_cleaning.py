"""Cleaning rules for four kinds of debris (congress_lib.ingest, lexicon/furniture.yaml).

* a speech's headline run into its opening salutation on one line;
* a photo caption (图为…) at the end of a line;
* an HTML ``<title>`` that repeats the page's ``<h1>`` headline;
* a footer line of "key: value" fields (网站标识码 … 主办 … 技术支持 …).

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
    ("某某县人大网", "人大代表在行动"),              # title and h1 say different things
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
