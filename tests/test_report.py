"""``congress-lib report``: the tables, every notebook and a static website, on any corpus.

The slow tests run the whole notebook suite through the command on corpora the test
writes itself: one report without metadata, and three reports with a ``metadata.csv``
(no ``annotations/``: notebook 06 says that it cannot score them).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from congress_lib import report as rp
from congress_lib.cli import main
from congress_lib.errors import InvalidArgumentError

ROOT = Path(__file__).resolve().parents[1]

REPORTS = {
    "anxi_2021_news": """安溪县人大常委会2021年工作回顾
2021年,县人大常委会坚持以习近平新时代中国特色社会主义思想为指导,认真履行宪法和法律赋予的职责。
常委会组织开展专题询问2次,执法检查3次,听取和审议县人民政府专项工作报告12项。
县十八届人大一次会议期间,代表共提出建议156件,已全部办结,办结率100%,代表满意率98.5%。
全县建成人大代表联络站24个、代表之家8个,组织代表进站接待选民1200余人次。
县人大常委会主任会议成员领衔督办重点建议5件,县政府各承办单位认真办理。
""",
    "jinjiang_2022_review": """晋江市人大常委会五年工作回顾
五年来,市人大常委会围绕中心、服务大局,推进全过程人民民主。
常委会共审议法规草案征求意见稿15件,开展执法检查10次,专题询问4次。
市人大代表共提出建议议案320件,办结率达100%,满意率达97%。
全市建成代表联络站46个,代表联系群众活动室120个,镇(街道)人大工委组织代表开展视察调研80次。
市人民法院、市人民检察院向常委会报告工作,常委会对市政府部门开展满意度测评。
""",
    "hangzhou_2023_speech": """在区人大常委会工作会议上的讲话
同志们,今年以来,区人大常委会认真贯彻落实市委人大工作会议精神。
区人大代表通过代表联络站收集群众意见建议860条,推动解决民生问题210个。
区政府办理代表建议98件,面对面督办12件,代表对办理结果满意率99%。
我们实施民生实事项目票决制,票决产生民生实事项目10个。
""",
}

METADATA = """doc_id,title,date,province,city,district,genre,source,url,notes
anxi_2021_news,安溪县人大常委会2021年工作回顾,2021-12-20,福建省,泉州市,安溪县,news,test,,
jinjiang_2022_review,晋江市人大常委会五年工作回顾,2022-01-10,福建省,泉州市,晋江市,review,test,,
hangzhou_2023_speech,在区人大常委会工作会议上的讲话,,浙江省,杭州市,,speech,test,,
"""

#: A script, stylesheet or module fetched over the network.
REMOTE = re.compile(r"""<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//|<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//"""
                    r"""|@import\s+url\(\s*["']?(?:https?:)?//|\bimport\s*\(?\s*["'`]https?://|\bfrom\s+["'`]https?://""",
                    re.I)


def one_report(folder: Path) -> Path:
    """A folder holding one .txt file, no metadata."""
    folder.mkdir(parents=True)
    (folder / "anxi_2021_news.txt").write_text(REPORTS["anxi_2021_news"], encoding="utf-8")
    return folder


def three_reports(folder: Path) -> Path:
    (folder / "reports").mkdir(parents=True)
    for doc_id, text in REPORTS.items():
        (folder / "reports" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (folder / "metadata.csv").write_text(METADATA, encoding="utf-8")
    return folder


def _digest(folder: Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------- fast


def test_offline_html_removes_every_network_script_and_stylesheet():
    page = ('<head><script src="https://scripts.invalid/require.min.js"></script>\n'
            '<script type="text/javascript" src="//scripts.invalid/MathJax.js?config=x"></script>'
            '<link rel="stylesheet" href="https://styles.invalid/a.css">'
            '<style>@import url("https://styles.invalid/b.css"); p {color: red}</style>'
            '<script type="module">const m = (await import("https://modules.invalid/mermaid.mjs")).default;</script>'
            '<script>var keep = 1;</script><script src="local.js"></script></head>'
            '<a href="https://example.org/">a link stays</a>')
    out = rp.offline_html(page)
    assert not REMOTE.search(out), out
    assert "var keep = 1;" in out and 'src="local.js"' in out and 'href="https://example.org/"' in out
    assert "p {color: red}" in out


def test_parameters_are_injected_after_the_parameters_cell():
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Title"),
        nbformat.v4.new_code_cell("CORPUS_DIR = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("print(CORPUS_DIR)"),
    ])
    rp.inject_parameters(nb, {"CORPUS_DIR": "../corpus", "FIGURES_DIR": "../figures"})
    assert nb.cells[2].metadata["tags"] == ["injected-parameters"]
    assert "CORPUS_DIR = '../corpus'\nFIGURES_DIR = '../figures'\n" in nb.cells[2].source
    assert nb.cells[3].source == "print(CORPUS_DIR)"


@pytest.mark.parametrize("source", sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.py")), ids=lambda p: p.stem)
def test_every_notebook_takes_its_corpus_and_figures_as_parameters(source):
    import jupytext

    nb = jupytext.read(source)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].metadata.get("tags") == ["parameters"], "the first code cell is the parameters cell"
    assert "CORPUS_DIR = None" in code[0].source and "FIGURES_DIR = None" in code[0].source
    assert "setup(" in code[1].source and "figures=FIGURES_DIR" in code[1].source
    assert 'ROOT / "corpus"' not in "".join(c.source for c in code[2:]), "the corpus is CORPUS, not ROOT / corpus"


@pytest.mark.parametrize("where", ["notebooks", "figures", "corpus", "corpus/reports", "."])
def test_a_report_never_writes_into_the_repository_or_the_corpus(tmp_path, where):
    corpus = three_reports(tmp_path / "c")
    with pytest.raises(InvalidArgumentError, match="would write into"):
        rp.make_report(corpus, ROOT / where)
    with pytest.raises(InvalidArgumentError, match="would write into"):
        rp.make_report(corpus, corpus / "report")
    assert main(["report", str(corpus), "--out", str(ROOT / where), "--no-progress"]) == 1


def test_a_missing_corpus_is_one_error(tmp_path, capsys):
    assert main(["report", str(tmp_path / "nowhere"), "--out", str(tmp_path / "r"), "--no-progress"]) == 1
    assert "is not a folder" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_enough_data_says_in_words_what_it_cannot_compute(monkeypatch, capsys):
    from congress_lib.notebooks import STRICT_ENV, enough_data

    monkeypatch.delenv(STRICT_ENV, raising=False)
    with enough_data("the comparison of jurisdictions") as block:
        {}["station"]
    assert not block.ok
    assert "Not enough data for the comparison of jurisdictions in this corpus: KeyError: 'station'" in (
        capsys.readouterr().out)
    with enough_data("a later part") as block:
        undefined_name  # noqa: F821  (a name a block above could not define)
    assert "it builds on a part above" in capsys.readouterr().out
    with pytest.raises(TypeError):  # not a matter of data: a bug, it fails
        with enough_data("x"):
            None + 1
    monkeypatch.setenv(STRICT_ENV, "1")  # the committed notebooks: every error fails the build
    with pytest.raises(KeyError):
        with enough_data("x"):
            {}["station"]


# --------------------------------------------------------------------------- slow: the whole suite


def _check_website(out: Path, report) -> None:
    names = [p.stem for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.py"))]
    assert [r.name for r in report.notebooks] == names
    assert report.ok, [(r.name, r.error) for r in report.failed]
    pages = ["index.html", "tables.html"] + [f"{n}.html" for n in names]
    for page in pages:
        text = (out / page).read_text(encoding="utf-8")
        match = REMOTE.search(text)
        assert match is None, f"{page}: network reference {text[match.start():match.start() + 120]!r}"
        assert 'href="index.html"' in text
    for name in names:
        nb = json.loads((out / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
        errors = [o for c in nb["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
        assert not errors, (name, errors)
        assert str(out.parent) not in json.dumps(nb, ensure_ascii=False), f"{name}: an absolute path"
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in names:
        assert f'href="{name}.html"' in index
    assert 'href="tables.html"' in index
    assert (out / "tables" / "indicators.csv").is_file() and (out / "tables" / "manifest.json").is_file()
    assert any((out / "figures").glob("*.png"))
    _check_links_and_font(out, pages + list(rp.DOCUMENTS.values()))
    return index


_LINK = re.compile(r"""<a\b[^>]*\bhref=["']([^"']*)["']""")
_ID = re.compile(r"""\bid=["']([^"']+)["']""")


def _check_links_and_font(out: Path, pages: list[str]) -> None:
    """Every relative link of every page leads to a file of the report (and its anchor to an id
    there); every page declares the bundled font, whose file is in the report."""
    for page in pages:
        text = (out / page).read_text(encoding="utf-8")
        assert f'src: url("{rp.FONT_DIR}/' in text and rp.FONT_FAMILY in text, f"{page}: no bundled font"
        for href in _LINK.findall(text):
            if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I) or not href or href.startswith("#"):
                continue
            path, _, anchor = href.partition("#")
            assert (out / path).exists(), f"{page}: broken link {href}"
            if anchor and path.endswith(".html"):
                assert anchor in _ID.findall((out / path).read_text(encoding="utf-8")), f"{page}: no anchor {href}"
    font = re.search(r'src: url\("([^"]+)"\)', (out / pages[0]).read_text(encoding="utf-8")).group(1)
    assert (out / font).read_bytes()[:4] == b"OTTO"  # an OpenType (CFF) font file


def test_links_to_the_repository_s_documents_become_links_to_the_report_s_pages():
    text = ('<a href="../docs/codebook.md#5-practices">§5</a> <a href="../docs/codebook.md">codebook</a> '
            '<a href="06_validation.ipynb">nb 6</a> <a href="../README.md">the README</a> '
            '<a href="https://example.invalid/x">web</a> <a href="#top">top</a> <a href="figures/a.png">fig</a>')
    assert rp.local_links(text, "notebooks") == (
        '<a href="codebook.html#5-practices">§5</a> <a href="codebook.html">codebook</a> '
        '<a href="06_validation.html">nb 6</a> the README '
        '<a href="https://example.invalid/x">web</a> <a href="#top">top</a> <a href="figures/a.png">fig</a>')
    assert rp.local_links('<a href="../../docs/codebook.md#3-mentions">x</a>', "corpus/annotations") == (
        '<a href="codebook.html#3-mentions">x</a>')


def test_the_codebook_page_has_every_anchor_the_notebooks_link_to():
    page = rp.document_page(ROOT / "docs" / "codebook.md", [], "Codebook")
    ids = set(_ID.findall(page))
    anchors = {a for source in (ROOT / "notebooks").glob("[0-9][0-9]_*.py")
               for a in re.findall(r"\.\./docs/codebook\.md#([\w-]+)", source.read_text(encoding="utf-8"))}
    assert anchors and anchors <= ids, anchors - ids
    assert "<table>" in page and rp.FONT_FAMILY in page


@pytest.mark.slow
def test_report_on_one_report_without_metadata(tmp_path, capsys):
    corpus = one_report(tmp_path / "one")
    before = _digest(corpus)
    out = tmp_path / "report"
    assert main(["report", str(corpus), "--out", str(out), "--no-progress"]) == 0
    assert "6 of 6 notebooks ran" in capsys.readouterr().out
    report = rp.Report(out=out, rows={}, notebooks=[
        rp.NotebookRun(r["name"], r["title"], r["error"])
        for r in json.loads((out / "report.json").read_text(encoding="utf-8"))["notebooks"]])
    index = _check_website(out, report)
    assert "1 documents" in index and "No file or metadata row was rejected" in index
    tables = (out / "tables.html").read_text(encoding="utf-8")
    # the rows are in the page (as data of the interactive table), each with its evidence sentence
    assert "代表共提出建议156件" in tables and "stations" in tables and "联络站" in tables
    assert _digest(corpus) == before, "the report wrote into the corpus"
    # small-corpus prose: what cannot be computed is said in words
    language = (out / "notebooks" / "02_language.ipynb").read_text(encoding="utf-8")
    assert "Not enough data for the most distinctive terms" in language
    validation = (out / "notebooks" / "06_validation.ipynb").read_text(encoding="utf-8")
    assert "This corpus has no hand-coded gold" in validation


@pytest.mark.slow
def test_report_on_three_reports_describes_them(tmp_path):
    corpus = three_reports(tmp_path / "three")
    (corpus / "reports" / "empty.txt").write_text("\n", encoding="utf-8")  # rejected, with its reason
    out = tmp_path / "report"
    report = rp.make_report(corpus, out, progress=False)
    index = _check_website(out, report)
    assert report.rows["documents"] == 3
    assert "浙江省" in index and "福建省" in index and "2021" in index and "2022" in index
    assert "empty.txt" in index
    corpus_page = (out / "notebooks" / "01_corpus.ipynb").read_text(encoding="utf-8")
    assert "The corpus holds 3 reports from 2 provinces" in corpus_page  # prose about this corpus
    assert "Mawei" not in corpus_page and "xiamen_2024_roundup" not in corpus_page  # not the bundled one
    tables = (out / "tables.html").read_text(encoding="utf-8")
    for sentence in ("全市建成代表联络站46个", "区政府办理代表建议98件"):
        assert sentence in tables
    assert 'id="T_indicators"' in tables and 'id="T_mentions"' in tables
    assert "column_filters" in tables or "columnControl" in tables or "<thead>" in tables


@pytest.mark.slow
def test_a_failing_notebook_does_not_stop_the_others(tmp_path, capsys):
    corpus = one_report(tmp_path / "one")
    suite = tmp_path / "suite"
    suite.mkdir()
    head = '# %% [markdown]\n# # {title}\n\n# %% tags=["parameters"]\nCORPUS_DIR = None\nFIGURES_DIR = None\n\n'
    (suite / "01_fails.py").write_text(head.format(title="Fails") + "# %%\nraise RuntimeError('no luck')\n",
                                       encoding="utf-8")
    (suite / "02_runs.py").write_text(head.format(title="Runs") + "# %%\nprint(CORPUS_DIR)\n", encoding="utf-8")
    out = tmp_path / "report"
    report = rp.make_report(corpus, out, notebooks=suite, progress=False)
    assert [(r.name, r.ok) for r in report.notebooks] == [("01_fails", False), ("02_runs", True)]
    assert report.failed[0].error == "RuntimeError: no luck"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "failed: RuntimeError: no luck" in index and "1 of 2 notebooks ran through; 1 failed." in index
    assert "stopped with an error" in (out / "01_fails.html").read_text(encoding="utf-8")
    runs = json.loads((out / "notebooks" / "02_runs.ipynb").read_text(encoding="utf-8"))
    assert "../one" in json.dumps(runs)  # the corpus, relative to the notebook: no absolute path


def test_the_tables_page_holds_at_most_its_row_limit_and_says_where_the_rest_is(tmp_path):
    tables = tmp_path / "tables"
    tables.mkdir()
    rows = "\n".join(f"d,d#1,某县,stations,{i},,个,False,{i}个,d:{i},建成联络站{i}个。" for i in range(5))
    (tables / "indicators.csv").write_text(
        "doc_id,unit_id,jurisdiction,indicator,value,value_high,unit,approx,surface,sent_id,sentence\n" + rows + "\n",
        encoding="utf-8")
    page = rp.tables_page(tables, [], max_rows=3)
    assert "The first 3 of 5 rows" in page and "tables/indicators.csv" in page
    assert "建成联络站2个" in page and "建成联络站3个" not in page and "建成联络站4个" not in page
    assert "5 rows." not in rp.tables_page(tables, [], max_rows=3)
    assert "5 rows." in rp.tables_page(tables, [], max_rows=10)
    assert "The corpus has no mentions" in page
