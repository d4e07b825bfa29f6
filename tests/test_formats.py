"""Reading web pages, PDF and Word files (congress_lib.ingest.read_document).

Every file here is made by the test itself (its own report text, written for these
tests): a web page with navigation, breadcrumbs, share widgets, related links and a
footer around the report; PDFs drawn with reportlab (two columns, several pages with
running headers, image only, encrypted); Word files written with python-docx.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile

import pandas as pd
import pytest

import congress_lib as cl
from congress_lib import ingest
from congress_lib.ingest import RejectReason, read_document

from conftest import ROOT

# --- the report text (written for these tests) --------------------------------------------

TITLE = "某某区人大常委会开展代表联络站建设专题视察"
SENTENCES = [
    "5月15日，某某区人大常委会组织部分区人大代表，对全区代表联络站建设情况开展专题视察。",
    "视察组先后来到城东街道、城西街道代表联络站，实地察看阵地建设、制度落实和代表履职情况。",
    "今年以来，全区共建成代表联络站36个，收集群众意见建议1250条，办结率达96.5%。",
    "视察组指出，要进一步发挥代表联络站作用，推动代表更好联系群众。",
]
#: Page furniture: none of it may reach the text.
FURNITURE = ["人大要闻", "您当前的位置", "浏览次数", "分享到", "微博", "相关文章", "区人大常委会召开第十次会议",
             "版权所有", "备案号", "联系我们", "第 1 页", "某某区人大常委会工作简报"]


def in_order(text: str, parts: list[str]) -> bool:
    """Each of ``parts`` is in ``text``, each after the one before."""
    at = -1
    for part in parts:
        found = text.find(part, at + 1)
        if found <= at:
            return False
        at = found
    return True


def no_furniture(text: str) -> list[str]:
    return [f for f in FURNITURE if f in text]


# --- a web page ------------------------------------------------------------------------------


def html_page(title: str = TITLE, sentences: list[str] = SENTENCES, date: str = "2023-05-16") -> str:
    paragraphs = "\n".join(f"<p>{s}</p>" for s in sentences)
    return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>{title}_某某区人大网</title>
<meta name="description" content="某某区人大网">
<meta property="article:published_time" content="{date}T09:30:00+08:00">
<script>var views = 128; document.write("<p>广告</p>");</script><style>.nav {{ color: red }}</style>
</head><body>
<div class="header"><a href="/">某某区人大网</a>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/news">人大要闻</a></li>
<li><a href="/work">代表工作</a></li><li><a href="/notice">通知公告</a></li><li><a href="/about">联系我们</a></li></ul></div>
<div class="crumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/news">人大要闻</a></div>
<div class="article">
<h1>{title}</h1>
<div class="info">来源：某某区人大常委会办公室　发布时间：{date}　浏览次数：128</div>
<div class="content">
{paragraphs}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
</div>
<div class="related"><h3>相关文章</h3><ul>
<li><a href="/a1">区人大常委会召开第十次会议</a></li>
<li><a href="/a2">区人大代表开展集中视察活动</a></li>
<li><a href="/a3">区人大常委会调研基层立法联系点</a></li></ul></div>
<div class="footer"><p>版权所有：某某区人大常委会　地址：某某路1号</p><p>备案号：某ICP备12345678号</p>
<p><a href="/contact">联系我们</a></p></div>
</body></html>"""


def test_a_web_page_yields_its_article_and_none_of_its_furniture():
    read = read_document(html_page().encode("utf-8"), "page.html")
    text = read.cleaned.text
    assert read.format == "html" and read.encoding == "utf-8" and read.cleaned.was_html
    assert text.split("\n")[0] == TITLE  # the headline stays the first line
    assert in_order(text, [TITLE, *SENTENCES])
    assert no_furniture(text) == []
    assert "广告" not in text and "color" not in text
    assert (read.title, read.date) == (TITLE, "2023-05-16")
    # what was dropped is counted as furniture, the publisher's line among it
    assert any(line.startswith("来源：某某区人大常委会办公室") for line in read.cleaned.furniture)
    assert read.raw_text.startswith("<!DOCTYPE html>")


def test_a_page_title_loses_the_site_name():
    """Without an <h1>, the headline is the page's <title> less the site's name."""
    page = html_page().replace(f"<h1>{TITLE}</h1>", "")
    read = read_document(page.encode("utf-8"), "page.html")
    assert read.title == TITLE and read.cleaned.text.split("\n")[0] == TITLE
    assert "某某区人大网" not in read.cleaned.text


def test_a_page_whose_main_text_is_not_found_falls_back_to_the_whole_page(monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    read = read_document(html_page().encode("utf-8"), "page.htm")
    assert read.format == "html"
    assert in_order(read.cleaned.text, SENTENCES)  # the line-based cleaning of the whole page
    assert "您当前的位置" not in read.cleaned.text and "浏览次数" not in read.cleaned.text


def test_html_saved_as_txt_keeps_the_line_based_cleaning():
    read = read_document(html_page().encode("utf-8"), "page.txt")
    assert read.format == "txt" and read.cleaned.was_html
    assert in_order(read.cleaned.text, SENTENCES)


def test_a_page_named_html_without_markup_is_read_as_text():
    text = "\n".join([TITLE, *SENTENCES])
    read = read_document(text.encode("utf-8"), "plain.html")
    assert read.format == "txt" and read.cleaned.text == text


# --- PDF --------------------------------------------------------------------------------------


def _canvas(buf, **kwargs):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return canvas.Canvas(buf, pagesize=A4, **kwargs), A4


def _wrap(sentences: list[str], width: int, size: float = 10.5, indent: int = 0) -> list[tuple[bool, str]]:
    """Sentences as lines as a word processor sets them, each sentence starting a line (after
    ``indent`` characters): as many characters as fit into ``width`` full-width characters.
    ``(first line of its sentence, line)`` each."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    room = width * size
    lines = []
    for s in sentences:
        line, first, used = "", True, indent * size
        for ch in s:
            w = stringWidth(ch, "STSong-Light", size)
            if used + w > room + 0.01:
                lines.append((first, line))
                line, first, used = "", False, 0.0
            line += ch
            used += w
        lines.append((first, line))
    return lines


def two_column_pdf(col1: list[str], col2: list[str], title: str = TITLE, width: int = 20, **kwargs) -> bytes:
    """One A4 page: a title across the page, two columns, a page number. The lines are drawn
    across both columns, row by row (the worst case: the content stream interleaves them)."""
    buf = io.BytesIO()
    c, (w, h) = _canvas(buf, **kwargs)
    c.setFont("STSong-Light", 16)
    c.drawCentredString(w / 2, h - 60, title)
    c.setFont("STSong-Light", 10.5)
    left, right = [t for _, t in _wrap(col1, width)], [t for _, t in _wrap(col2, width)]
    y = h - 100
    for i in range(max(len(left), len(right))):
        if i < len(left):
            c.drawString(50, y, left[i])
        if i < len(right):
            c.drawString(w / 2 + 15, y, right[i])
        y -= 16
    c.setFont("STSong-Light", 9)
    c.drawCentredString(w / 2, 30, "第 1 页")
    c.showPage()
    c.save()
    return buf.getvalue()


def paged_pdf(paragraphs: list[str], per_page: int = 12, width: int = 30) -> bytes:
    """Several A4 pages of one column: a running header and a page number on each; each
    paragraph's first line indented by two characters, the text running on across pages."""
    buf = io.BytesIO()
    c, (w, h) = _canvas(buf)
    lines = _wrap(paragraphs, width, size=12, indent=2)
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    for n, page in enumerate(pages, start=1):
        c.setFont("STSong-Light", 9)
        c.drawString(60, h - 40, "某某区人大常委会工作简报")
        c.setFont("STSong-Light", 12)
        y = h - 90
        for first, line in page:
            if first:  # (a paragraph's first line indented by two characters)
                c.drawString(60 + 24, y, line)
            else:
                c.drawString(60, y, line)
            y -= 20
        c.setFont("STSong-Light", 9)
        c.drawCentredString(w / 2, 30, f"- {n} -")
        c.showPage()
    c.save()
    return buf.getvalue()


def image_only_pdf(pages: int = 2) -> bytes:
    """A 'scan': each page one raster image, no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c, (w, h) = _canvas(buf)
    img = Image.new("L", (200, 280), 255)
    draw = ImageDraw.Draw(img)
    for y in range(20, 260, 12):
        draw.line((20, y, 180, y), fill=0, width=3)  # (lines of 'print')
    for _ in range(pages):
        c.drawImage(ImageReader(img), 40, 40, w - 80, h - 80)
        c.showPage()
    c.save()
    return buf.getvalue()


COL1 = SENTENCES[:2]
COL2 = SENTENCES[2:]


def test_a_two_column_pdf_reads_column_one_before_column_two():
    read = read_document(two_column_pdf(COL1, COL2), "report.pdf")
    text = read.cleaned.text
    assert read.format == "pdf" and read.encoding == "" and not read.cleaned.was_html
    # the title first, then each column whole, each sentence in one piece (wrapped lines joined)
    assert text.split("\n") == [TITLE, *SENTENCES]
    assert "第 1 页" in read.cleaned.furniture or "第1页" in "".join(read.cleaned.furniture)
    assert no_furniture(text) == []


def test_a_one_column_pdf_of_several_pages_drops_running_headers_and_page_numbers():
    paragraphs = [SENTENCES[0] + SENTENCES[1], SENTENCES[2] * 3, SENTENCES[3] * 4, SENTENCES[1] * 2]
    data = paged_pdf(paragraphs, per_page=5)
    read = read_document(data, "paged.pdf")
    lines = read.cleaned.text.split("\n")
    assert lines == paragraphs  # one line per paragraph: wrapped lines joined, also across pages
    assert no_furniture(read.cleaned.text) == []
    assert sum("工作简报" in f for f in read.cleaned.furniture) >= 3


def test_a_pdf_without_a_text_layer_is_rejected_as_scanned():
    with pytest.raises(RejectReason) as info:
        read_document(image_only_pdf(), "scan.pdf")
    assert str(info.value).startswith("no text layer (scanned?)")
    assert "OCR" in str(info.value)


def test_an_encrypted_pdf_is_rejected_with_the_reason():
    from reportlab.lib.pdfencrypt import StandardEncryption

    data = two_column_pdf(COL1, COL2, encrypt=StandardEncryption("secret", ownerPassword="owner"))
    with pytest.raises(RejectReason) as info:
        read_document(data, "locked.pdf")
    assert str(info.value).startswith("encrypted PDF: it needs a password")


def test_a_pdf_protected_only_against_editing_is_read():
    """Encrypted with an empty user password (a reader opens it without asking): read.
    (Latin text: pdfminer maps no CID of reportlab's unembedded Chinese font in an encrypted file.)"""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=StandardEncryption("", ownerPassword="owner", canModify=0))
    c.setFont("Helvetica", 12)
    c.drawString(60, 700, "The county congress opened 36 liaison stations in 2023.")
    c.showPage()
    c.save()
    read = read_document(buf.getvalue(), "restricted.pdf")
    assert read.cleaned.text == "The county congress opened 36 liaison stations in 2023."


@pytest.mark.parametrize("cut", [200, 0.5])
def test_a_damaged_pdf_is_rejected_with_the_reason(cut):
    data = two_column_pdf(COL1, COL2)
    data = data[:cut] if isinstance(cut, int) else data[:int(len(data) * cut)] + b"\x00garbage" * 50
    try:
        read = read_document(data, "broken.pdf")
    except RejectReason as reason:
        assert str(reason).startswith(("corrupt PDF: ", "no text layer")), str(reason)
    else:  # (pdfminer recovers what it can of a truncated file: then it is the report's text)
        assert read.format == "pdf" and read.cleaned.text


def test_a_pdf_of_too_many_pages_is_rejected_unread(monkeypatch):
    monkeypatch.setattr(ingest, "MAX_PDF_PAGES", 3)
    data = paged_pdf([SENTENCES[2] * 10] * 4, per_page=5)
    with pytest.raises(RejectReason) as info:
        read_document(data, "long.pdf")
    assert str(info.value).startswith("too many pages (more than 3, the page limit for a PDF)")


# --- Word .docx --------------------------------------------------------------------------------


def word_file(title: str = TITLE, sentences: list[str] = SENTENCES) -> bytes:
    """A .docx: header and footer (not read), title, two paragraphs, a table with a merged
    heading cell, then the other paragraphs."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "某某区人大常委会工作简报"
    section.footer.paragraphs[0].text = "第 1 页"
    document.add_heading(title, level=1)
    for s in sentences[:2]:
        document.add_paragraph(s)
    table = document.add_table(rows=3, cols=2)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "2023年代表联络站建设情况"
    table.cell(1, 0).text, table.cell(1, 1).text = "代表联络站", "36个"
    table.cell(2, 0).text, table.cell(2, 1).text = "意见建议", "1250条"
    for s in sentences[2:]:
        document.add_paragraph(s)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_a_word_file_reads_paragraphs_and_tables_in_order():
    read = read_document(word_file(), "report.docx")
    lines = read.cleaned.text.split("\n")
    assert read.format == "docx" and read.encoding == ""
    assert lines == [TITLE, *SENTENCES[:2], "2023年代表联络站建设情况", "代表联络站\t36个", "意见建议\t1250条",
                     *SENTENCES[2:]]
    assert no_furniture(read.cleaned.text) == []  # (header and footer are not read)


def test_a_damaged_word_file_is_rejected_with_the_reason():
    data = word_file()
    for broken in (data[:len(data) // 2], data[:40] + b"\x00" * 400 + data[440:]):
        with pytest.raises(RejectReason) as info:
            read_document(broken, "broken.docx")
        assert str(info.value).startswith("corrupt Word document (.docx): "), str(info.value)


def test_a_word_file_that_unpacks_too_large_is_rejected_unread(monkeypatch):
    monkeypatch.setattr(ingest, "MAX_UNZIPPED_MB", 0.001)
    with pytest.raises(RejectReason, match=r"too large unpacked \(\d+ MB > 0.001 MB limit\)"):
        read_document(word_file(), "bomb.docx")


def test_a_word_file_without_a_document_part_is_rejected():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml.bak", "word/document.xml")
    with pytest.raises(RejectReason, match=r"^corrupt Word document \(\.docx\): "):
        read_document(buf.getvalue(), "odd.docx")


# --- a corpus of all four formats ---------------------------------------------------------------

OTHER = ["县人大常委会组织部分县人大代表视察县人民医院建设情况。", "全县共建成代表联络站12个，接待群众1700余人次。"]


def mixed_corpus(folder):
    reports = folder / "reports"
    reports.mkdir(parents=True)
    (reports / "a_text.txt").write_text("\n".join(["某县人大常委会视察报告", *OTHER]), encoding="utf-8")
    (reports / "b_page.html").write_text(html_page(), encoding="utf-8")
    (reports / "c_columns.pdf").write_bytes(two_column_pdf(OTHER[:1], OTHER[1:], title="某县人大代表视察纪实"))
    (reports / "d_word.docx").write_bytes(word_file("某镇人大主席团工作报告", [s.replace("区", "镇") for s in SENTENCES]))
    (reports / "e_scan.pdf").write_bytes(image_only_pdf())
    (reports / "f_old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 24
                                        + "WordDocument".encode("utf-16-le"))
    (reports / "g_sheet.xlsx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00xl/workbook.xml")
    (folder / "metadata.csv").write_text("doc_id,title,date,province\nd_word,,2024-03-01,某省\n", encoding="utf-8")
    return folder


def test_a_folder_of_all_four_formats_loads(tmp_path):
    corpus = cl.load_corpus(mixed_corpus(tmp_path / "corpus"))
    docs = corpus.documents.set_index("doc_id")
    assert docs["format"].to_dict() == {"a_text": "txt", "b_page": "html", "c_columns": "pdf", "d_word": "docx"}
    assert in_order(docs.at["b_page", "text"], [TITLE, *SENTENCES]) and no_furniture(docs.at["b_page", "text"]) == []
    assert docs.loc["b_page", ["title", "date", "date_source"]].tolist() == [TITLE, "2023-05-16", "page"]
    assert docs.loc["d_word", ["date", "date_source"]].tolist() == ["2024-03-01", "metadata"]
    assert docs.at["c_columns", "text"].split("\n") == ["某县人大代表视察纪实", *OTHER]
    reasons = corpus.rejected.set_index("path")["reason"]
    assert reasons["e_scan.pdf"].startswith("no text layer (scanned?)")
    assert reasons["f_old.doc"].startswith("binary file: a Word 97-2003 document (.doc)")
    assert reasons["g_sheet.xlsx"].startswith("binary file: an Excel workbook (.xlsx)")
    # the extractors see every format: the numbers of the PDF and the Word table are found
    q = corpus.quantities()
    assert {"12个", "1700余人次"} <= set(q.loc[q["doc_id"] == "c_columns", "surface"])
    assert {"36个", "1250条"} <= set(q.loc[q["doc_id"] == "d_word", "surface"])


@pytest.mark.slow
def test_the_build_command_reads_all_four_formats(tmp_path):
    folder = mixed_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "congress_lib", "build", str(folder), "--out", str(out)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    assert list(docs.columns[docs.columns.get_loc("notes") + 1:][:2]) == ["format", "encoding"]
    assert dict(zip(docs["doc_id"], docs["format"])) == {"a_text": "txt", "b_page": "html", "c_columns": "pdf",
                                                          "d_word": "docx"}
    rejected = pd.read_csv(out / "rejected.csv", dtype=str, keep_default_na=False)
    assert set(rejected["path"]) == {"e_scan.pdf", "f_old.doc", "g_sheet.xlsx"}


def test_a_cached_result_is_not_reused_for_the_same_bytes_under_a_name_read_otherwise(tmp_path):
    """The reader a name calls for (.html: a web page) is part of the cache key."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    page = html_page().encode("utf-8")
    (folder / "report.txt").write_bytes(page)
    cache = tmp_path / "cache"
    first = cl.load_corpus(folder, cache=cache)
    (folder / "report.txt").rename(folder / "report.html")
    second = cl.load_corpus(folder, cache=cache)
    assert first.documents["format"].tolist() == ["txt"]
    assert second.documents["format"].tolist() == ["html"]
    assert second.documents["date_source"].tolist() == ["page"]
