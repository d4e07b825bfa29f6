"""Reading files: encodings, scripts, HTML and page furniture (congress_lib.ingest)."""

from __future__ import annotations

import codecs

import pytest

from congress_lib.ingest import RejectReason, clean_text, decode_bytes, fold_width

# Written for these tests in the style of a county report (not from the seeds).
REPORT = (
    "县人大常委会组织部分县人大代表视察县人民医院建设情况。\n"
    "今年以来，全县共建成代表联络站36个，收集群众意见建议1250条，办结率达96.5%。\n"
)
TRAD = "縣人大常委會組織部分縣人大代表視察縣人民醫院建設情況。今年以來，全縣共建成代表聯絡站36個。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (REPORT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8-sig"),
        (REPORT.encode("utf-16"), "utf-16"),
        (REPORT.encode("gb18030"), "gb18030"),
        (REPORT.encode("gbk"), "gb18030"),
    ],
)
def test_encodings_are_detected_and_decoded_exactly(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert decoded.text == REPORT


def test_utf16_without_bom_with_ascii_lane_is_detected():
    text = "2023年 county report: 县人大代表 visited 12 stations.\n" * 5
    decoded = decode_bytes(text.encode("utf-16-le"))
    assert decoded.encoding == "utf-16-le"
    assert decoded.text == text


def test_big5_traditional_file_is_decoded():
    decoded = decode_bytes((TRAD * 3).encode("big5"))
    assert decoded.text == TRAD * 3
    assert decoded.encoding.lower().replace("-", "") in {"big5", "cp950", "big5hkscs"}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\t\r\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4, "binary file"),
        (REPORT.encode("utf-8")[:-2], "truncated UTF-8"),
    ],
)
def test_unusable_bytes_are_refused_with_a_reason(data, reason):
    with pytest.raises(RejectReason) as info:
        decode_bytes(data)
    assert str(info.value).startswith(reason)


def test_traditional_is_converted_and_recorded():
    cleaned = clean_text(TRAD)
    assert cleaned.script == "traditional"
    assert cleaned.text.startswith("县人大常委会组织部分县人大代表视察县人民医院建设情况。")
    assert "代表联络站36个" in cleaned.text


def test_simplified_stays_simplified():
    assert clean_text(REPORT).script == "simplified"


def test_full_width_digits_fold_but_sentence_punctuation_stays():
    assert fold_width("建成联络站３６个，满意率９８．５％！") == "建成联络站36个，满意率98.5%！"
    assert len(fold_width("ＡＢＣ１２３；")) == len("ＡＢＣ１２３；")


HTML_PAGE = """<!DOCTYPE html><html><head><title>县人大新闻</title>
<script>var counter = 1; document.write("<p>广告</p>");</script><style>p {color: red}</style></head>
<body><div class="crumb">您当前的位置：首页 &gt; 人大新闻 &gt; 正文</div>
<p>县人大常委会召开代表联络站建设推进会。</p>
<p>浏览次数：1234　发布时间：2024-03-05</p>
<p>全县建成代表联络站&nbsp;36个。</p>
<div>版权所有：某某县人大常委会　备案号：京ICP备12345678号</div>
<div>首页 人大要闻 代表工作 联系我们</div>
</body></html>"""


def test_html_page_is_reduced_to_report_text():
    cleaned = clean_text(HTML_PAGE)
    assert cleaned.was_html
    assert cleaned.text.split("\n") == [
        "县人大新闻",
        "县人大常委会召开代表联络站建设推进会。",
        "全县建成代表联络站 36个。",
    ]
    removed = "\n".join(cleaned.furniture)
    for debris in ("浏览次数", "版权所有", "您当前的位置", "联系我们"):
        assert debris in removed


@pytest.mark.parametrize("debris", ["<!--x", "<?", "</", "<!", "<a b='"])
def test_unterminated_markup_leaves_the_text_before_it(debris):
    """Thousands of unterminated comments, declarations or tags (a page cut off, or an
    adversarial one): the text before them is read, in one pass (the standard library's
    parser rescans the rest of the page at each of them)."""
    page = "<html><body><p>县人大常委会召开代表联络站建设推进会。</p><p>全县建成代表联络站36个。</p>" + debris * 20_000
    lines = clean_text(page).text.split("\n")
    assert lines[:2] == ["县人大常委会召开代表联络站建设推进会。", "全县建成代表联络站36个。"]


def test_html_nested_deeper_than_any_page_is_rejected_with_the_reason(make_corpus):
    import congress_lib as cl

    deep = "<html><body>" + "<div>" * 3000 + "<p>县人大代表视察联络站。</p>" + "</div>" * 3000 + "</body></html>"
    ok = "<html><body>" + "<div>" * 500 + "<p>县人大代表视察联络站。</p>" + "</div>" * 500 + "</body></html>"
    corpus = cl.load_corpus(make_corpus({"deep.html.txt": deep, "ok.txt": ok}))
    assert list(corpus.sentences["text"]) == ["县人大代表视察联络站。"]
    (reason,) = corpus.rejected["reason"]
    assert reason.startswith("HTML nested too deeply (over 2,048 levels)")


def test_html_entities_are_decoded_once_and_comments_dropped():
    page = "<html><body><p>A&amp;lt;B 代表&nbsp;之家</p><!-- 注释 --><p>尾</p><br>后</body></html>"
    assert clean_text(page).text.split("\n") == ["A&lt;B 代表 之家", "尾", "后"]


def test_furniture_patterns_do_not_eat_report_paragraphs():
    # A long body paragraph that mentions 二维码 and 来源 is report text.
    body = ("利用四种电子签到方式(电子代表证、指纹、GPS定位、二维码扫描)进行履职考勤，即时锁定履职信息，"
            "自动生成履职得分，代表意见来源于群众，植根于人民，形成了联系群众的长效机制和工作合力。")
    assert clean_text(body).text == body


def test_seed_furniture_is_removed(corpus):
    texts = "\n".join(corpus.documents["text"])
    for debris in ("浏览次数", "ICP备", "公网安备", "扫一扫", "附件下载", "相关链接", "字体大小",
                   "您当前的位置", "链接地址", "本文标题", "手机网二维码", "欢迎访问"):
        assert debris not in texts, debris
    # ... and kept in raw_text, so nothing is lost.
    raw = "\n".join(corpus.documents["raw_text"])
    assert "浏览次数:1691" in raw and "闽ICP备11010411号" in raw


def test_pinyin_glosses_of_mirror_sites_are_removed():
    # mirror sites print a pinyin gloss after some characters
    text = "我區(qū)人大代表聯(lián)系選民工作室全部建成運行,覆蓋(GPS定位)與(站)。"
    assert clean_text(text).text == "我区人大代表联系选民工作室全部建成运行,覆盖(GPS定位)与(站)。"


def test_toneless_pinyin_glosses_are_removed_where_a_mirror_writes_them():
    # a mirror that glosses without tone marks: every well-formed syllable after a character goes
    text = "該鎮(zhen)人大代表聯(lian)絡站接待選民45人次,收集建議12個(ge),辦(ban)結率達(da)100%。"
    assert clean_text(text).text == "该镇人大代表联络站接待选民45人次,收集建议12个,办结率达100%。"
    # trap: one or two bracketed syllables after characters are ordinary text, not a mirror's habit
    assert clean_text("站名取自村名(lin)与河名(he)。").text == "站名取自村名(lin)与河名(he)。"
    assert clean_text("新建商场(mall)一处。").text == "新建商场(mall)一处。"
    # trap: a bracket that is no syllable stays, glosses or not
    assert "(GPS)" in clean_text("會(hui)黨(dang)組(zu)配備(GPS)終端。").text


@pytest.mark.parametrize("shortcuts", [True, False])
def test_furniture_line_test_equals_trying_each_pattern(shortcuts):
    """The two alternations (``shortcuts=False``) and the patterns dispatched by the characters
    they need (the default) answer like trying each pattern: start ones at the line start, the
    others anywhere."""
    import re
    from pathlib import Path

    from congress_lib.ingest import _furniture_rules
    from congress_lib.resources import load_lexicon

    lex = load_lexicon()
    starts = tuple(lex["furniture"]["line_start_patterns"])
    anywhere = tuple(lex["furniture"]["line_patterns"])
    assert starts and anywhere
    matches = _furniture_rules(starts, anywhere, shortcuts)
    lines = ["您当前的位置：首页 > 新闻", "首页 > 正文", "浏览次数：12", "版权所有 某县人大", "区人大代表视察首页",
             "来源：某县人大", "文章来源于群众", "2024-01-02", "2024年1月2日 区人大召开会议", "ICP 备案", "（记者 张三）",
             "代表之家 二维码", "会议强调，要增强四个意识。", "", "上一篇：某某", "技术支持：某某公司",
             "据来源：某县", "新闻来源：某县", "COPYRIGHT 2024", "  首页 > 正文", "责任编辑：王五", "（左一）", "a.PNG 首页"]
    reports = Path(__file__).resolve().parents[1] / "corpus" / "reports"
    for path in sorted(reports.glob("*"))[:20]:  # (every line of some bundled reports, markup and all)
        lines += [line.strip() for line in path.read_text("utf-8", errors="replace").split("\n")][:400]
    for line in lines:
        expected = (any(re.compile(p, re.I).match(line) for p in starts)
                    or any(re.compile(p, re.I).search(line) for p in anywhere))
        assert matches(line) == expected, line
    # a line-start pattern is not searched inside the line
    assert matches("来源：某县人大") and not matches("据说来源：某县")
    # a pattern with a back-reference falls back to trying each pattern in turn
    fallback = _furniture_rules((r"(ab)\1",), ("xy",), shortcuts)
    assert fallback("abab") and fallback("zxy") and not fallback("ab") and not fallback("zabab")


@pytest.mark.parametrize("line, kept", [
    ("代表们在联络站听取群众意见（张三 供图）", "代表们在联络站听取群众意见"),
    ("代表们在联络站听取群众意见 （本报记者 李四 摄）  ", "代表们在联络站听取群众意见"),
    ("代表视察现场(王五 摄影)", "代表视察现场"),
    ("（赵六 摄影）", None),  # a credit line of its own: nothing left of it
    ("全区建成代表联络站（含代表之家）12个。", "全区建成代表联络站（含代表之家）12个。"),  # no credit
    ("（供图）后面还有正文。", "（供图）后面还有正文。"),  # not at the end of the line
])
def test_photo_credits_at_line_end_are_cut(line, kept):
    cleaned = clean_text(line + "\n第二行正文。")
    lines = cleaned.text.split("\n")
    assert lines[-1] == "第二行正文。"
    assert (lines[0] if len(lines) == 2 else None) == kept


# --- files in a known non-text format: the reason names the format and says what to do --------

_ZIP_HEAD = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"
_OLE_HEAD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 24


@pytest.mark.parametrize(
    ("data", "names", "says"),
    [
        (_ZIP_HEAD + b"xl/workbook.xml", "an Excel workbook (.xlsx)", ".txt"),
        (_ZIP_HEAD + b"ppt/presentation.xml", "a PowerPoint presentation (.pptx)", ".txt"),
        (_ZIP_HEAD + b"mimetypeapplication/vnd.oasis.opendocument.text", "an OpenDocument text (.odt)", ".txt"),
        (_ZIP_HEAD + b"reports/a.txt", "a ZIP archive", "extract"),
        (_OLE_HEAD + "WordDocument".encode("utf-16-le"), "a Word 97-2003 document (.doc)", "plain text (.txt"),
        (_OLE_HEAD + "Workbook".encode("utf-16-le"), "an Excel 97-2003 workbook (.xls)", ".txt"),
        (_OLE_HEAD, "an Office 97-2003 file", ".txt"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image", "no OCR"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image", "no OCR"),
        (b"GIF89a\x01\x00\x01\x00", "a GIF image", "no OCR"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "a gzip-compressed file", "decompress"),
        (b"7z\xbc\xaf\x27\x1c\x00\x04", "a 7-Zip archive", "extract"),
        (b"Rar!\x1a\x07\x01\x00", "a RAR archive", "extract"),
    ],
)
def test_known_binary_formats_are_named_with_what_to_do(data, names, says):
    with pytest.raises(RejectReason) as info:
        decode_bytes(data)
    reason = str(info.value)
    assert reason.startswith(f"binary file: {names}"), reason  # (every binary reject starts alike)
    assert says in reason, reason
    assert any(todo in reason for todo in ("and add that instead", "extract it", "decompress it")), reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "corrupt PDF: "),
        (b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n", "corrupt PDF: "),  # (all ASCII: would decode)
        (b"\r\n%PDF-1.3\n", "corrupt PDF: "),
        (_ZIP_HEAD + b"[Content_Types].xml" + b"\x00" * 8 + b"word/document.xml", "corrupt Word document (.docx): "),
    ],
)
def test_damaged_pdf_and_word_files_are_read_as_such_and_refused(data, reason):
    """PDF and .docx files are read (tests/test_formats.py); damaged ones say so, never as text."""
    from congress_lib.ingest import read_document

    with pytest.raises(RejectReason) as info:
        read_document(data, "report")
    assert str(info.value).startswith(reason), str(info.value)
    assert "save its text as a UTF-8 .txt file" in str(info.value)
    with pytest.raises(RejectReason, match="not a text file"):
        decode_bytes(data)  # (text decoding never reads them as text)


def test_text_that_merely_mentions_a_format_is_read():
    text = "%PDF 文件不是报告。区人大代表联络站接待群众12人次。\nPK 赛：县人大常委会组织代表视察。\n"
    assert decode_bytes(text.encode("utf-8")).text == text


def test_a_corpus_of_office_files_says_what_to_do_with_each(make_corpus):
    import congress_lib as cl

    folder = make_corpus({
        "good.txt": REPORT,
        "report.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        "report2.docx": _ZIP_HEAD + b"word/document.xml",
        "old.doc": _OLE_HEAD + "WordDocument".encode("utf-16-le"),
        "scan.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    })
    corpus = cl.load_corpus(folder)
    assert list(corpus.documents["doc_id"]) == ["good"]
    reasons = dict(zip(corpus.rejected["path"], corpus.rejected["reason"]))
    assert reasons["report.pdf"].startswith("corrupt PDF")
    assert reasons["report2.docx"].startswith("corrupt Word document (.docx)")
    assert reasons["old.doc"].startswith("binary file: a Word 97-2003 document (.doc)")
    assert reasons["scan.jpg"].startswith("binary file: a JPEG image")
    assert all("NUL bytes" not in r for r in reasons.values())


def test_bundled_reports_open_with_their_headline_and_keep_no_caption(corpus):
    """Every report whose text begins with its title has the title as sentence 1 alone
    (a headline run into a speech's salutation is cut off), and no sentence of the
    bundled reports is a photo caption (图为… / 图：…). The rules are those of
    tests/test_cleaning.py; this checks them on the real files."""
    import re

    sentences = corpus.sentences.sort_values(["doc_id", "sent_no"])
    for doc in corpus.documents.itertuples():
        if doc.title and doc.text.startswith(doc.title):
            first = sentences[sentences["doc_id"] == doc.doc_id]["text"].iloc[0]
            assert first == doc.title, doc.doc_id
    caption = re.compile(r"^[(（]?(?:[上下左右]?图[为：:]|图片[为：:])")
    assert not [s for s in corpus.sentences["text"] if caption.match(s)]


def test_pinyin_glosses_with_a_space_or_after_a_lost_character_are_removed():
    # a gloss with a space before its closing bracket
    assert clean_text("經縣人大常委會(huì )決定,增設聯絡站3個。").text == "经县人大常委会决定,增设联络站3个。"
    # a gloss after the question mark a broken encoding left for a character, its bracket lost or not
    assert clean_text("代表?(xiàng)某某提出建议5件。").text == "代表?某某提出建议5件。"
    assert clean_text("代表?xiàng)某某提出建议5件。").text == "代表?某某提出建议5件。"
    # traps: a question and a Latin word in brackets stay
    assert clean_text("为什么?(GPS)定位").text == "为什么?(GPS)定位"
    assert clean_text("代表问:怎么办?接着说明。").text == "代表问:怎么办?接着说明。"


# --- text laid out in columns (pdftotext -layout) ----------------------------------------

def _layout(*rows: tuple[str, ...], starts: tuple[int, ...] = (4, 40, 76)) -> str:
    """Lines of columns placed at ``starts`` (character positions), as pdftotext -layout does."""
    lines = []
    for row in rows:
        line = ""
        for start, cell in zip(starts, row):
            if cell:
                line = line.ljust(start) + cell
        lines.append(line)
    return "\n".join(lines)


def test_layout_columns_read_column_by_column():
    from congress_lib.ingest import layout_columns

    text = _layout(
        ("2021年,县人大常委会共收到代表", "教育卫生9件、占10.5%,农业农"),
        ("建议86件,已全部交由各承办单位", "村21件、占24.4%,城乡建设17"),
        ("按期办理。             (王 平)", "件、占19.8%,其他方面39件。"),
        ("", ""),
        ("      代表活动", "办理结果满意率达到百分之百,"),
        ("县人大常委会组织各级代表开展", "代表对答复意见均表示满意。"),
    )
    out = layout_columns(text).split("\n")
    assert out == ["2021年,县人大常委会共收到代表建议86件,已全部交由各承办单位按期办理。 (王 平)",
                   "代表活动", "县人大常委会组织各级代表开展",
                   "教育卫生9件、占10.5%,农业农村21件、占24.4%,城乡建设17件、占19.8%,其他方面39件。",
                   "办理结果满意率达到百分之百,代表对答复意见均表示满意。"]
    cleaned = clean_text(text, html=False).text
    assert "收到代表建议86件" in cleaned and "农业农村21件" in cleaned


def test_layout_columns_three_columns_and_a_headline_in_one():
    from congress_lib.ingest import layout_columns

    text = _layout(
        ("镇人大主席团组织代表视察了", "全年审议专项工作报告6项,", "【概况】 镇人大主席团"),
        ("", "", "   代表履职"),
        ("农村公路建设和集镇污水处理", "开展执法检查3次,作出决议", "推动代表进站履职,开展"),
        ("等重点项目,提出建议12条。", "决定5项。", "接待选民活动18次。"),
    )
    out = layout_columns(text).split("\n")
    assert out == ["镇人大主席团组织代表视察了农村公路建设和集镇污水处理等重点项目,提出建议12条。",
                   "全年审议专项工作报告6项,开展执法检查3次,作出决议决定5项。",
                   "【概况】 镇人大主席团", "代表履职", "推动代表进站履职,开展接待选民活动18次。"]


@pytest.mark.parametrize("text", [
    "主持人:李 明    记者:赵 刚\n本站讯 区人大代表视察了学校。",  # one line with a gap
    "合    计\n126\n占比 14. 2%\n",  # a spaced label in a table cut one cell per line
    "          区人大常委会召开第十次会议\n会议听取了报告。",  # a centred headline
    "    2022年,市人大常委会审议议案5件。\n    会议指出,要加强监督。",  # indented paragraphs
    # a table laid out with spaces: short cells, no prose
    "单位        件数      占比\n教育局      12        8.5%\n卫健委      9         6.4%\n住建局      20        14.2%",
    # a page footer of two lines with gaps at different places
    "版权所有:某市人大常委会    技术支持:信息中心\n备案号:12345号          访问量:",
])
def test_layout_columns_leave_ordinary_text_alone(text):
    from congress_lib.ingest import layout_columns

    assert layout_columns(text) == text


def test_layout_columns_reads_a_long_block_whole():
    # (its growth with the block's length is measured in benchmarks/bench_adversarial.py, case
    # ``columns``: a timed assertion here would fail on a loaded machine, not on slow code)
    from congress_lib.ingest import layout_columns

    left, right = "区人大代表围绕民生实事开展视察,", "提出意见建议,推动问题解决。"
    out = layout_columns(_layout(*[(left, right)] * 3000))
    assert out.count("\n") == 1
    assert out.split("\n")[0] == left * 3000 and out.split("\n")[1] == right * 3000


def test_layout_columns_a_full_width_line_next_to_the_block_stays_out():
    from congress_lib.ingest import layout_columns

    rows = [("乡人大主席团组织代表开展视察,", "收到代表建议15件,其中经济"),
            ("对全乡重点工作提出意见建议,", "发展6件,社会事业9件,均已"),
            ("督促有关部门抓好整改落实。", "按期办结,代表满意率较高。")]
    title = "2023年乡人民代表大会主席团工作报告全文如下所示,请各位代表审议并提出意见。"
    text = title + "\n" + _layout(*rows, starts=(0, 36))
    out = layout_columns(text).split("\n")
    assert out[0] == title
    assert "收到代表建议15件,其中经济发展6件,社会事业9件,均已按期办结,代表满意率较高。" in out
    # a crossing line inside the block: not read as columns
    inside = _layout(*rows[:2], starts=(0, 36)) + "\n" + title + "\n" + _layout(*rows[2:], starts=(0, 36))
    assert layout_columns(inside) == inside


def test_dateline_byline_in_brackets_is_emptied_and_photo_credit_with_text_is_cut():
    # a reporting group of a Party committee (县委报道组) in the byline is no agency of the text
    text = clean_text("某某日报讯(记者 周某 县委报道组 吴某) 上午9时，县人大代表郑某走进社区。").text
    assert "报道组" not in text and "记者" not in text
    assert text.startswith("某某日报讯()") and "县人大代表郑某" in text
    assert clean_text("本报讯 （通讯员 冯某） 近日，镇人大主席团召开会议。").text.startswith("本报讯 （） 近日")
    # a credit for picture and text together (供图文) is furniture like 供图
    assert clean_text("（某某市委宣传部供图文）").text == ""
    # trap: a bracket in the text that speaks of a reporter, not after a dateline, stays
    body = "他说(记者了解到，这是好事)。"
    assert clean_text(body).text == body


def test_a_bulleted_menu_item_alone_on_its_line_is_furniture():
    # a site's columns behind bullets (• 代表风采): furniture; a bulleted line of report text stays
    page = "• 人事任免\n• 代表风采\n区人大常委会召开座谈会，听取代表意见。\n• 全区共建成代表联络站18个，覆盖所有街道。"
    lines = clean_text(page).text.split("\n")
    assert "• 代表风采" not in lines and "• 人事任免" not in lines
    assert "区人大常委会召开座谈会，听取代表意见。" in lines
    assert any(line.endswith("覆盖所有街道。") for line in lines)
