"""Shared fixtures: the bundled corpus (loaded once) and a scratch corpus builder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"

os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(scope="session")
def corpus():
    import congress_lib as cl

    return cl.load_corpus(CORPUS)


@pytest.fixture
def make_corpus(tmp_path):
    """Write files into a fresh corpus folder: make_corpus({"a.txt": b"..."})."""

    def _make(files: dict[str, bytes | str], metadata: str | None = None) -> Path:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                content = content.encode("utf-8")
            path.write_bytes(content)
        if metadata is not None:
            (folder / "metadata.csv").write_text(metadata, encoding="utf-8")
        return folder

    return _make


# A small hostile corpus: duplicates, cells that start like spreadsheet formulas,
# quotes, commas and line breaks in metadata, traditional characters, GB18030,
# HTML, an empty file, and a round-up with two district headings.
REPORTS = {
    "a_tongan.txt": "同安区人大常委会组织代表视察联络站12个，接待群众1700余人次。\n区人大代表向区政府提出建议108件，办结率98.5%。\n",
    "-risky.txt": "=SUM(A1)开头的一行。\n-3个代表小组走访选民。\n@所有人：县人大常委会开展专题询问。\n",
    "b_trad.txt": "廣東省某縣人大常委會報告\n縣人大常委會組織代表開展執法檢查3次，聽取和審議專項工作報告5個。\n",
    "c_dup.txt": "同安区人大常委会组织代表视察联络站12个，接待群众1700余人次。\n区人大代表向区政府提出建议108件，办结率98.5%。\n",
    "d_roundup.txt": "市人大常委会召开会议。\n思明区\n思明区人大常委会开展“面对面”督办，满意率100%。\n湖里区\n湖里区人大代表联络站接待选民60多人次。\n",
    "e_page.txt": "<html><body><div>首页 新闻 通知 公告</div><p>区人大常委会组织代表视察。</p>"
                  "<p>全区建成代表之家3个、代表联络站15个。</p><p>版权所有 ICP备12345678号</p></body></html>",
    "f_empty.txt": "",
}
METADATA = ('doc_id,title,date,province,city,district,notes\n'
            'a_tongan,"Title, with comma",2023-01-05,福建省,厦门市,同安区,"line one\nline ""two"""\n'
            '-risky,=cmd(),2023-02-01,,,,+note\n')


def write_hostile(folder: Path) -> Path:
    """Write the small hostile corpus into ``folder`` (reports/ and metadata.csv); return it."""
    reports = folder / "reports"
    reports.mkdir(parents=True)
    for name, text in REPORTS.items():
        data = text.encode("gb18030") if name.startswith("b_") else text.encode("utf-8")
        (reports / name).write_bytes(data)
    (folder / "metadata.csv").write_text(METADATA, encoding="utf-8")
    return folder


@pytest.fixture
def hostile_corpus(tmp_path) -> Path:
    """The hostile corpus of :func:`write_hostile`, written afresh for the test."""
    return write_hostile(tmp_path / "corpus")


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file of ``folder`` (not recursive): name -> bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def assert_same_files(a: Path, b: Path) -> None:
    """``a`` and ``b`` hold the same file names with the same bytes (the first difference named)."""
    fa, fb = files_of(a), files_of(b)
    assert sorted(fa) == sorted(fb)
    for name in fa:
        assert fa[name] == fb[name], name
