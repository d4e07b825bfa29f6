"""A report on any corpus: every table, every notebook, and a static website to read them.

``congress-lib report CORPUS_DIR --out REPORT_DIR`` (``make report CORPUS=... OUT=...``)
calls :func:`make_report`, which writes::

    REPORT_DIR/
      index.html        the corpus summary (documents, units, provinces, years, rejected
                        files with their reasons) and a link to every page
      tables.html       the indicator and mention tables, interactive (itables, offline):
                        search, sort, filter by code, jurisdiction, province, year; every
                        row with its evidence sentence
      NN_name.html      one page per notebook (nbconvert), figures embedded
      tables/           every table of ``congress-lib build`` (with the sentence column)
      notebooks/        the executed notebooks (NN_name.ipynb)
      figures/          the figures the notebooks draw (PNG and SVG)
      codebook.html     the project's codebook (docs/codebook.md) and the coding guidelines
      guidelines.html   of the gold standard, as pages, so that the notebooks' links to them work
      assets/           the bundled CJK font (Noto Sans CJK SC of mplfonts, as the figures use):
                        every page renders Chinese in it (@font-face), not in a system font

Every page is self-contained: it opens from ``file://`` without a network (no script or
stylesheet is loaded from a CDN: nbconvert's references to require.js and MathJax are
removed, the DataTables library of itables is inlined). Links of the notebooks to the
repository's documents are rewritten to the report's own pages (:func:`local_links`):
``../docs/codebook.md#5-practices`` to ``codebook.html#5-practices``, ``06_validation.ipynb``
to ``06_validation.html``; a link to any other file outside the report is left as text.

The notebooks are the suite of the repository (``notebooks/NN_name.py``), each executed
in a fresh kernel with its parameters (the cell tagged ``parameters``, papermill style)
set to the corpus and the report's ``figures/``; a cell tagged ``injected-parameters``
after it records them. A notebook that fails does not stop the others: the report lists
it with the error, and :attr:`Report.ok` is false (the command then exits with code 1).

Nothing is written outside ``REPORT_DIR``: an output folder that would put any of the
report's folders inside the repository's ``notebooks/``, ``figures/`` or ``corpus/``,
or inside the corpus itself, is refused.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InvalidArgumentError

__all__ = ["DOCUMENTS", "FONT_FAMILY", "NOTEBOOKS_DIR", "NotebookRun", "Report", "document_page", "local_links",
           "make_report", "offline_html", "protected_folders"]

#: The notebook sources of the repository (``NN_name.py``).
NOTEBOOKS_DIR = Path(__file__).resolve().parents[1] / "notebooks"

_REPO = Path(__file__).resolve().parents[1]

#: Columns of the interactive tables, in this order (columns missing from a table are skipped).
_TABLE_COLUMNS = {
    "indicators": ["province", "year", "jurisdiction", "indicator", "value", "unit", "surface", "sentence",
                   "value_high", "approx", "sent_id", "doc_id", "unit_id"],
    "mentions": ["province", "year", "jurisdiction", "type", "surface", "canonical", "sentence", "level", "branch",
                 "sent_id", "doc_id", "unit_id"],
}

#: The repository's documents the report carries as pages: file in the repository -> page.
DOCUMENTS = {"docs/codebook.md": "codebook.html", "corpus/annotations/GUIDELINES.md": "guidelines.html"}

#: The CSS family name of the bundled CJK font in the report's pages, and its file under assets/.
FONT_FAMILY = "congress_lib Noto Sans CJK SC"
FONT_DIR = "assets"

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
#: A script or stylesheet fetched over the network: <script src="http...">...</script>, <link href="http...">.
_REMOTE_SCRIPT = re.compile(r"""<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//[^>]*>\s*</script>\s*""", re.I)
_REMOTE_LINK = re.compile(r"""<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//[^>]*>\s*""", re.I)
_REMOTE_IMPORT = re.compile(r"""@import\s+url\(\s*["']?(?:https?:)?//[^)]*\)\s*;?""", re.I)
#: An inline script that imports code from the network (nbconvert's loader of mermaid.js, for one).
_INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>\s*", re.I | re.S)
_REMOTE_IMPORT_JS = re.compile(r"""(?:\bimport\s*\(?|\bfrom)\s*["'`](?:https?:)?//""")


@dataclass
class NotebookRun:
    """One notebook of the report: its name, title, page, and the error that stopped it (``None``: ran through)."""

    name: str
    title: str
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def page(self) -> str:
        return f"{self.name}.html"


@dataclass
class Report:
    """What :func:`make_report` wrote: the output folder, the table counts, the notebooks."""

    out: Path
    rows: dict = field(default_factory=dict)
    notebooks: list[NotebookRun] = field(default_factory=list)

    @property
    def failed(self) -> list[NotebookRun]:
        return [nb for nb in self.notebooks if not nb.ok]

    @property
    def ok(self) -> bool:
        return not self.failed


def protected_folders(corpus: Path | None = None) -> list[Path]:
    """The folders a report never writes into: the repository's notebooks/, figures/, corpus/, and the corpus."""
    folders = [_REPO / "notebooks", _REPO / "figures", _REPO / "corpus"]
    if corpus is not None:
        folders.append(Path(corpus).resolve())
    return folders


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _check_out(out: Path, corpus: Path) -> None:
    out = out.resolve()
    for written in (out, out / "tables", out / "notebooks", out / "figures"):
        for folder in protected_folders(corpus):
            if _inside(written, folder):
                raise InvalidArgumentError(
                    f"the report would write into {folder}: choose an output folder outside the corpus and "
                    "outside the repository's notebooks/, figures/ and corpus/ (e.g. --out report)")
    if out.exists() and not out.is_dir():
        raise InvalidArgumentError(f"--out {out} is a file, not a folder")


def _relative(path: Path, start: Path) -> str:
    """``path`` relative to ``start`` (POSIX separators), or absolute when there is no relative path."""
    try:
        return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()
    except ValueError:  # (another drive on Windows)
        return str(path.resolve())


def _title(nb, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def inject_parameters(nb, parameters: dict) -> None:
    """Set the notebook's parameters papermill style: a cell tagged ``injected-parameters``
    after the cell tagged ``parameters`` (or first, when there is none), in place."""
    import nbformat

    source = "# Parameters set by congress-lib report\n" + "".join(
        f"{name} = {value!r}\n" for name, value in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    index = next((i + 1 for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])), 0)
    nb.cells.insert(index, cell)


def _error_text(exc: BaseException) -> str:
    from nbclient.exceptions import CellExecutionError

    if isinstance(exc, CellExecutionError):
        text = f"{exc.ename}: {exc.evalue}"
    else:
        text = f"{type(exc).__name__}: {exc}"
    text = _ANSI.sub("", text).strip()
    return re.sub(r"\s+", " ", text)[:500]


def _kernel_env() -> dict:
    """The environment of a notebook kernel: this one, reproducible (hash seed, no display),
    with this congress_lib first on the path."""
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["MPLBACKEND"] = "Agg"
    paths = [str(_REPO)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    env.pop("CONGRESS_LIB_ROOT", None)  # (the parameters say where the corpus is)
    return env


def run_notebook(source: Path, target: Path, parameters: dict, timeout: int = 1200) -> NotebookRun:
    """Execute the notebook source ``source`` with ``parameters`` into ``target`` (its folder
    is the kernel's working folder); the run, with the error that stopped it, if any."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient

    from .notebooks import _KERNELSPEC, _normalise

    nb = jupytext.reads(source.read_text(encoding="utf-8"), fmt="py:percent")
    nb.metadata["kernelspec"] = dict(_KERNELSPEC)
    inject_parameters(nb, parameters)
    run = NotebookRun(source.stem, _title(nb, source.stem))
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],
                            resources={"metadata": {"path": str(target.parent)}})
    try:
        client.execute(env=_kernel_env())
    except Exception as exc:  # a cell raised, the kernel died, a timeout: the report goes on
        run.error = _error_text(exc)
    _normalise(nb)
    text = nbformat.writes(nb, version=4)
    target.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return run


def offline_html(text: str) -> str:
    """HTML without any script, stylesheet or module fetched from the network."""
    for pattern in (_REMOTE_SCRIPT, _REMOTE_LINK, _REMOTE_IMPORT):
        text = pattern.sub("", text)
    return _INLINE_SCRIPT.sub(lambda m: "" if _REMOTE_IMPORT_JS.search(m.group(1)) else m.group(0), text)


def _font_file() -> str:
    from .plotting import FONT_FILE

    return f"{FONT_DIR}/{FONT_FILE}"


def _font_css() -> str:
    """@font-face of the bundled CJK font (a relative file of the report), the first family of every text."""
    family = f'"{FONT_FAMILY}"'
    return ("<style>\n"
            f'@font-face {{ font-family: {family}; src: url("{_font_file()}") format("opentype"); '
            "font-display: block; }\n"
            f":root {{ --jp-content-font-family: {family}, system-ui, sans-serif; "
            f"--jp-ui-font-family: {family}, system-ui, sans-serif; "
            f'--jp-code-font-family: "DejaVu Sans Mono", Menlo, Consolas, {family}, monospace; }}\n'
            f"body, table.dataTable, .report-nav, main.report {{ font-family: {family}, system-ui, sans-serif; }}\n"
            f'pre, code {{ font-family: "DejaVu Sans Mono", Menlo, Consolas, {family}, monospace; }}\n'
            "</style>\n")


#: A link (href) to a document of the repository or to a notebook, as the notebooks write them.
_HREF = re.compile(r"""href=(["'])([^"'#]*)(#[^"']*)?\1""")


def local_links(text: str, here: str = "") -> str:
    """HTML whose relative links to the repository's documents point to the report's pages.

    ``here`` is the repository folder of the page's source (``notebooks`` for a notebook,
    ``docs`` for the codebook). A link to one of :data:`DOCUMENTS` becomes a link to its
    page (anchor kept), ``NN_name.ipynb`` becomes ``NN_name.html``; any other relative link
    that leaves the report (``../README.md``) is dropped and its text kept. Absolute URLs,
    anchors and links to the report's own files are left alone.
    """
    pages = {Path(k).as_posix(): v for k, v in DOCUMENTS.items()}

    def target(href: str) -> str | None:
        if not href or re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I) or href.startswith("/"):
            return href  # (absolute, or an anchor of the page)
        if re.fullmatch(r"\d\d_[\w-]+\.ipynb", href):
            return href[:-len(".ipynb")] + ".html"
        resolved = os.path.normpath(os.path.join(here, href)).replace(os.sep, "/")
        if resolved in pages:
            return pages[resolved]
        if resolved.startswith("..") or href.startswith(".."):
            return None
        return href

    def one(m: re.Match) -> str:
        new = target(m.group(2))
        if new is None:
            return 'data-unlinked="true"'
        return f"href={m.group(1)}{html.escape(new, quote=True)}{m.group(3) or ''}{m.group(1)}"

    text = _HREF.sub(one, text)
    # an <a> that lost its href stays as its text
    return re.sub(r"<a\b[^>]*\bdata-unlinked=\"true\"[^>]*>(.*?)</a>", r"\1", text, flags=re.S)


def _slug(text: str, seen: dict) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    slug = re.sub(r"[^\w\- ]", "", re.sub(r"<[^>]+>", "", html.unescape(text)).strip().lower()).replace(" ", "-")
    n = seen.get(slug, 0)
    seen[slug] = n + 1
    return slug if n == 0 else f"{slug}-{n}"


def document_page(source: Path, runs: list[NotebookRun], title: str) -> str:
    """A Markdown document of the repository (the codebook) as a page of the report: headings
    with GitHub's anchors (so that ``codebook.md#5-practices`` finds its place), tables,
    links rewritten by :func:`local_links`."""
    import mistune

    seen: dict = {}

    class Renderer(mistune.HTMLRenderer):
        def heading(self, text, level, **attrs):
            return f'<h{level} id="{_slug(text, seen)}">{text}</h{level}>\n'

    markdown = mistune.create_markdown(renderer=Renderer(escape=False), plugins=["table", "strikethrough"])
    body = markdown(Path(source).read_text(encoding="utf-8"))
    here = Path(source).resolve().parent
    try:
        here_rel = here.relative_to(_REPO).as_posix()
    except ValueError:
        here_rel = ""
    return _page(title, local_links(body, here_rel), runs)


_NAV_CSS = """<style>
.report-nav { font: 14px/1.5 system-ui, sans-serif; padding: 8px 16px; border-bottom: 1px solid #ccc;
  background: #f7f7f7; position: sticky; top: 0; z-index: 10; }
.report-nav a { margin-right: 1em; }
.report-failed { color: #a00; font: 14px/1.5 system-ui, sans-serif; padding: 8px 16px; }
</style>
"""


def _nav(runs: list[NotebookRun], current: str | None) -> str:
    links = ['<a href="index.html">Summary</a>', '<a href="tables.html">Tables</a>']
    for run in runs:
        label = html.escape(run.name)
        links.append(f"<b>{label}</b>" if run.name == current else f'<a href="{run.page}">{label}</a>')
    links.append('<a href="codebook.html">Codebook</a>')
    return '<nav class="report-nav">' + " ".join(links) + "</nav>\n"


def notebook_page(notebook: Path, runs: list[NotebookRun], run: NotebookRun) -> str:
    """The HTML page of an executed notebook (nbconvert, lab template), offline, with the report's navigation."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(nbformat.read(notebook, as_version=4))
    body = local_links(offline_html(body), "notebooks")
    banner = "" if run.ok else (f'<p class="report-failed">This notebook stopped with an error: '
                                f"{html.escape(run.error)}</p>\n")
    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + "\n" + _nav(runs, run.name) + banner, body, count=1)
    return body.replace("</head>", _NAV_CSS + _font_css() + "</head>", 1)


def _page(title: str, content: str, runs: list[NotebookRun], current: str | None = None, head: str = "") -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(title)}</title>\n" + _NAV_CSS + _PAGE_CSS + _font_css() + head
            + "</head>\n<body>\n"
            + _nav(runs, current) + '<main class="report">\n' + content + "</main>\n</body>\n</html>\n")


_PAGE_CSS = """<style>
main.report { font: 15px/1.5 system-ui, sans-serif; max-width: 1400px; margin: 0 auto; padding: 0 16px 32px; }
main.report table.plain { border-collapse: collapse; margin: 8px 0 16px; }
main.report table.plain td, main.report table.plain th { border: 1px solid #ddd; padding: 2px 8px;
  text-align: left; vertical-align: top; }
main.report .failed { color: #a00; }
main.report .dt-container { overflow-x: auto; }
main.report table.dataTable td { vertical-align: top; }
main.report table.dataTable td.dt-sentence { min-width: 32em; }
main.report table.dataTable thead input { width: 100%; min-width: 3em; box-sizing: border-box; }
</style>
"""


def _plain_table(df) -> str:
    if df is None or not len(df):
        return "<p><i>none</i></p>\n"
    return df.to_html(index=False, classes="plain", border=0, na_rep="", escape=True) + "\n"


def _read_table(folder: Path, name: str):
    import pandas as pd

    file = folder / f"{name}.csv"
    if not file.is_file():
        return None
    return pd.read_csv(file, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _year(dates):
    return dates.fillna("").astype(str).str.extract(r"^(\d{4})", expand=False).fillna("")


def index_page(corpus_name: str, tables: Path, rows: dict, runs: list[NotebookRun], manifest: dict) -> str:
    """The summary page: what the corpus holds, what was rejected, which notebooks ran."""
    from .version import __version__

    documents, units, rejected = (_read_table(tables, n) for n in ("documents", "units", "rejected"))
    parts = [f"<h1>Report on the corpus <code>{html.escape(corpus_name)}</code></h1>\n"]
    counts = ", ".join(f"{rows.get(k, 0):,} {k}" for k in ("documents", "units", "sentences", "indicators",
                                                          "mentions", "rejected"))
    parts.append(f"<p>{counts}. Built by congress_lib {html.escape(__version__)}"
                 + (f", lexicon {html.escape(str(manifest['lexicon_version'])[:12])}" if manifest.get("lexicon_version")
                    else "") + ".</p>\n")
    failed = [r for r in runs if not r.ok]
    parts.append("<h2>Notebooks</h2>\n<ul>\n")
    for run in runs:
        status = ("" if run.ok else f' <span class="failed">failed: {html.escape(run.error)}</span>')
        parts.append(f'<li><a href="{run.page}">{html.escape(run.title)}</a> '
                     f'(<a href="notebooks/{run.name}.ipynb">notebook</a>){status}</li>\n')
    parts.append("</ul>\n")
    parts.append(f"<p>{len(runs) - len(failed)} of {len(runs)} notebooks ran through"
                 + (f"; {len(failed)} failed." if failed else ".") + "</p>\n")
    parts.append('<p>The indicator and mention tables, with every evidence sentence: '
                 '<a href="tables.html">tables.html</a>. Every table as a file: the folder '
                 '<a href="tables/">tables/</a>; the figures: <a href="figures/">figures/</a>.</p>\n')
    if documents is not None and len(documents):
        docs = documents.copy()
        docs["year"] = _year(docs.get("date"))
        provinces = docs["province"].replace("", "(none)").value_counts().sort_index() if "province" in docs else None
        years = docs["year"].replace("", "(undated)").value_counts().sort_index()
        parts.append("<h2>Provinces and years</h2>\n")
        if provinces is not None:
            parts.append(_plain_table(provinces.rename_axis("province").reset_index(name="documents")))
        parts.append(_plain_table(years.rename_axis("year").reset_index(name="documents")))
        parts.append("<h2>Documents</h2>\n")
        cols = [c for c in ["doc_id", "title", "date", "province", "city", "district", "genre", "script",
                            "n_chars", "n_units"] if c in docs]
        parts.append(_plain_table(docs[cols]))
    else:
        parts.append("<h2>Documents</h2>\n<p>No document was read from the corpus.</p>\n")
    if units is not None and len(units):
        parts.append("<h2>Units of analysis</h2>\n")
        cols = [c for c in ["unit_id", "doc_id", "jurisdiction", "jurisdiction_level", "jurisdiction_source",
                            "province", "city", "district", "heading"] if c in units]
        parts.append(_plain_table(units[cols]))
    parts.append("<h2>Files not used</h2>\n")
    parts.append(_plain_table(rejected) if rejected is not None and len(rejected)
                 else "<p>No file or metadata row was rejected.</p>\n")
    return _page(f"Report: {corpus_name}", "".join(parts), runs)


def _interactive(df, table_id: str, caption: str) -> str:
    from itables import to_html_datatable

    # the evidence sentence gets the width it needs to be read in a few lines (class dt-sentence)
    wide = [{"targets": list(df.columns).index("sentence"), "className": "dt-sentence"}] if "sentence" in df else []
    return to_html_datatable(df, caption=caption, table_id=table_id, connected=False, maxBytes=0, maxRows=0,
                             columnDefs=wide, autoWidth=False,
                             column_filters="header", showIndex=False, classes="display compact",
                             layout={"topStart": "pageLength", "topEnd": "search", "bottomStart": "info",
                                     "bottomEnd": "paging"},
                             lengthMenu=[10, 25, 100, 1000], pageLength=25, display_logo_when_loading=False,
                             warn_on_unexpected_types=False)


#: Rows of a table shown on tables.html at the most (the first ones, in corpus order): the
#: page holds its rows, and a browser opens a page of 20,000 rows of evidence in seconds;
#: every row is in the report's tables/ folder.
MAX_TABLE_ROWS = 20_000


def tables_page(tables: Path, runs: list[NotebookRun], max_rows: int = MAX_TABLE_ROWS) -> str:
    """The page of the interactive indicator and mention tables (itables, offline).

    A table of more than ``max_rows`` rows shows its first ``max_rows`` (in corpus
    order), and says so and where the rest is.
    """
    import pandas as pd
    from itables.javascript import generate_init_offline_itables_html
    from itables import options

    units = _read_table(tables, "units")
    documents = _read_table(tables, "documents")
    place = pd.DataFrame(columns=["unit_id", "province"])
    if units is not None and "province" in units:
        place = units[["unit_id", "province"]]
    years = pd.DataFrame(columns=["doc_id", "year"])
    if documents is not None and "date" in documents:
        years = documents[["doc_id"]].assign(year=_year(documents["date"]))
    parts = ["<h1>Indicators and mentions</h1>\n",
             "<p>Every coded number (indicator) and every mention of an actor, each with its evidence sentence. "
             "Type in the box above a column to filter it (code, jurisdiction, province, year ...), in the search "
             "box to search every column; click a header to sort.</p>\n"]
    for name, caption in (("indicators", "Indicators: one row per coded number"),
                          ("mentions", "Mentions: one row per actor named in a sentence")):
        df = _read_table(tables, name)
        parts.append(f"<h2>{name.capitalize()}</h2>\n")
        if df is None or not len(df):
            parts.append(f"<p>The corpus has no {name}.</p>\n")
            continue
        if "unit_id" in df and "province" not in df:
            df = df.merge(place, on="unit_id", how="left")
        if "doc_id" in df and "year" not in df:
            df = df.merge(years, on="doc_id", how="left")
        df = df[[c for c in _TABLE_COLUMNS[name] if c in df] + [c for c in df if c not in _TABLE_COLUMNS[name]]]
        if len(df) > max_rows:
            parts.append(f"<p>The first {max_rows:,} of {len(df):,} rows (in corpus order); every row is in "
                         f"<code>tables/{name}.csv</code>.</p>\n")
            df = df.head(max_rows)
        else:
            parts.append(f"<p>{len(df):,} rows.</p>\n")
        parts.append(_interactive(df.fillna(""), f"T_{name}", caption))
    head = generate_init_offline_itables_html(options.dt_bundle)
    return _page("Indicators and mentions", "".join(parts), runs, current=None, head=head)


def _copy_font(out: Path) -> None:
    """The bundled CJK font into ``out/assets/`` (once: an identical file is not copied again)."""
    import shutil

    from .plotting import cjk_font_path

    source, target = cjk_font_path(), out / _font_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not (target.is_file() and target.stat().st_size == source.stat().st_size):
        shutil.copyfile(source, target)


def make_report(corpus, out, *, notebooks: Path | None = None, lexicon=None, timeout: int = 1200,
                progress: bool | None = None) -> Report:
    """Build the tables, execute every notebook and write the website of a report on ``corpus`` into ``out``.

    Parameters
    ----------
    corpus : path
        The corpus folder (``reports/*.txt`` + ``metadata.csv``, or a folder of .txt files).
    out : path
        The report folder (made if missing); see the module's documentation for its content.
    notebooks : path, optional
        The folder of the notebook sources (default: the repository's ``notebooks/``).
    lexicon : path, optional
        Folder of YAML files extending the lexicons, for the tables.
    timeout : int
        Seconds a notebook cell may run.
    progress : bool, optional
        A progress bar on stderr (default: when stderr is a terminal).

    Returns
    -------
    Report
        With the notebooks that failed, and why (``report.ok`` is false then).
    """
    from tqdm import tqdm

    from .output import run_build

    corpus_path = Path(corpus)
    if not corpus_path.is_dir():
        raise InvalidArgumentError(f"the corpus {str(corpus)!r} is not a folder: give the folder of the reports "
                                   "(reports/*.txt + metadata.csv, or a folder of .txt files)")
    out = Path(out)
    _check_out(out, corpus_path)
    sources = sorted(Path(notebooks or NOTEBOOKS_DIR).glob("[0-9][0-9]_*.py"))
    if not sources:
        raise InvalidArgumentError(f"no notebook sources (NN_name.py) in {notebooks or NOTEBOOKS_DIR}")
    if progress is None:
        progress = sys.stderr.isatty()
    tables, nb_dir, fig_dir = out / "tables", out / "notebooks", out / "figures"
    for folder in (tables, nb_dir, fig_dir):
        folder.mkdir(parents=True, exist_ok=True)

    manifest, _ = run_build(corpus_path, tables, lexicon=lexicon, with_sentences=True, force=True,
                            progress=False)
    report = Report(out=out, rows=dict(manifest.get("rows", {})))
    parameters = {"CORPUS_DIR": _relative(corpus_path, nb_dir), "FIGURES_DIR": _relative(fig_dir, nb_dir)}
    with tqdm(total=len(sources), desc="notebooks", unit="notebook", file=sys.stderr, disable=not progress,
              dynamic_ncols=True) as bar:
        for source in sources:
            bar.set_postfix_str(source.stem)
            report.notebooks.append(run_notebook(source, nb_dir / f"{source.stem}.ipynb", parameters, timeout))
            bar.update(1)
    _copy_font(out)
    for document, page in DOCUMENTS.items():
        if (_REPO / document).is_file():
            title = "Codebook" if page == "codebook.html" else "Coding guidelines of the gold standard"
            (out / page).write_text(document_page(_REPO / document, report.notebooks, title), encoding="utf-8")
    for run in report.notebooks:
        (out / run.page).write_text(notebook_page(nb_dir / f"{run.name}.ipynb", report.notebooks, run),
                                    encoding="utf-8")
    (out / "tables.html").write_text(tables_page(tables, report.notebooks), encoding="utf-8")
    (out / "index.html").write_text(index_page(Path(corpus_path).name, tables, report.rows, report.notebooks,
                                               manifest), encoding="utf-8")
    (out / "report.json").write_text(json.dumps(
        {"rows": report.rows, "notebooks": [{"name": r.name, "title": r.title, "ok": r.ok, "error": r.error}
                                            for r in report.notebooks]},
        ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return report
