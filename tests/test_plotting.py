"""Figures: the bundled CJK font draws every glyph, and saved files are byte-identical."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib as mpl  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib import font_manager  # noqa: E402

import congress_lib as cl  # noqa: E402
from congress_lib import plotting  # noqa: E402
from congress_lib.errors import FontError  # noqa: E402

LABELS = ["人大代表联络站", "满意率", "代表之家", "聯絡站(繁體)", "郑州市某区"]


def _figure():
    fig, ax = plt.subplots()
    ax.bar(LABELS, [84, 99, 12, 7, -3])
    ax.set_title("人大代表联络站 满意率 · 办结率 — “四个注重”")
    ax.set_xlabel("站点类型")
    ax.set_ylabel("数量(个)")
    return fig


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def test_font_comes_from_mplfonts_and_wins_the_match():
    with mpl.rc_context():
        _check_font()


def _check_font():
    family = plotting.use_cjk_font()
    assert family == "Noto Sans CJK SC"
    path = plotting.cjk_font_path()
    assert path.name == "NotoSansCJKsc-Regular.otf" and path.parent.parent.name == "mplfonts"
    found = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    assert Path(found).resolve() == path
    assert mpl.rcParams["font.family"] == ["sans-serif"]
    assert mpl.rcParams["font.sans-serif"][0] == family
    assert mpl.rcParams["axes.unicode_minus"] is False
    assert mpl.rcParams["svg.hashsalt"] == plotting.SVG_HASHSALT
    assert mpl.rcParams["svg.fonttype"] == "path"
    # a CFF-flavoured OTF embedded as Type 42 lands in /FontFile2, which is for TrueType only
    assert mpl.rcParams["pdf.fonttype"] == 3
    n = len(font_manager.fontManager.ttflist)
    plotting.use_cjk_font()  # idempotent: no second registration
    assert len(font_manager.fontManager.ttflist) == n


def test_chinese_labels_have_every_glyph():
    logger = logging.getLogger("matplotlib")
    handler = _Collect()
    logger.addHandler(handler)
    try:
        with plotting.style(), warnings.catch_warnings():
            warnings.simplefilter("error")  # "Glyph 20154 (\\N{...}) missing from font(s)" would raise
            fig = _figure()
            fig.canvas.draw()
            for fmt in ("png", "svg", "pdf"):
                fig.savefig(io.BytesIO(), format=fmt)
            plt.close(fig)
    finally:
        logger.removeHandler(handler)
    bad = [r.getMessage() for r in handler.records
           if r.levelno >= logging.WARNING or "missing" in r.getMessage() or "not found" in r.getMessage()]
    assert bad == []


def test_without_the_font_a_missing_glyph_is_detected():
    # the check above can fail: DejaVu Sans alone has no CJK glyphs
    with mpl.rc_context({"font.family": ["DejaVu Sans"]}), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.set_title("满意率")
        fig.canvas.draw()
        plt.close(fig)
    assert any("missing from font" in str(w.message) for w in caught)


def test_saved_files_are_byte_identical(tmp_path):
    with plotting.style():
        fig = _figure()
        first = plotting.save_figure(fig, "04_test", tmp_path / "a", formats=("png", "svg", "pdf"))
        second = plotting.save_figure(fig, "04_test", tmp_path / "b", formats=("png", "svg", "pdf"))
        again = _figure()
        third = plotting.save_figure(again, "04_test", tmp_path / "c", formats=("png", "svg", "pdf"))
        plt.close("all")
    assert [p.name for p in first] == ["04_test.png", "04_test.svg", "04_test.pdf"]
    for a, b, c in zip(first, second, third):
        assert a.read_bytes() == b.read_bytes() == c.read_bytes(), a.name
    png, svg, pdf = (p.read_bytes() for p in first)
    assert b"Software" not in png and b"matplotlib" not in png.lower()
    assert b"<dc:date>" not in svg and b"Matplotlib v" not in svg
    assert b"<text" not in svg  # text drawn as paths
    assert b"CreationDate" not in pdf and b"Producer" not in pdf


def test_bytes_are_identical_in_a_fresh_process(tmp_path):
    code = (
        "import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt, sys\n"
        "from congress_lib import plotting\n"
        "with plotting.style():\n"
        "    fig, ax = plt.subplots(); ax.plot([1, 2], [3, -1]); ax.set_title('代表之家 满意率')\n"
        "    plotting.save_figure(fig, 'fresh', sys.argv[1])\n"
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "x")], check=True, capture_output=True)
    with plotting.style():
        fig, ax = plt.subplots()
        ax.plot([1, 2], [3, -1])
        ax.set_title("代表之家 满意率")
        plotting.save_figure(fig, "fresh", tmp_path / "z")
        plt.close(fig)
    for name in ("fresh.png", "fresh.svg"):
        assert (tmp_path / "x" / name).read_bytes() == (tmp_path / "z" / name).read_bytes()


@pytest.mark.parametrize("name, stem", [
    ("03_indicators", "03_indicators"),
    ("fig.png", "fig"),
    ("图 1: 站点", "图_1_站点"),
    (".hidden", "hidden"),
])
def test_file_names_are_sanitised(tmp_path, name, stem):
    fig, ax = plt.subplots()
    try:
        (path,) = plotting.save_figure(fig, name, tmp_path, formats=("svg",))
    finally:
        plt.close(fig)
    assert path == tmp_path / f"{stem}.svg" and path.is_file()


@pytest.mark.parametrize("name", ["../escape", "a/b", "..\\x", "..", "", "///", "...", 3])
def test_unsafe_names_are_refused(tmp_path, name):
    fig, ax = plt.subplots()
    try:
        with pytest.raises(cl.InvalidArgumentError):
            plotting.save_figure(fig, name, tmp_path / "figs", formats=("png",))
    finally:
        plt.close(fig)
    assert not (tmp_path / "escape.png").exists()


def test_unknown_format_is_refused(tmp_path):
    fig, ax = plt.subplots()
    try:
        with pytest.raises(cl.InvalidArgumentError, match="jpg"):
            plotting.save_figure(fig, "x", tmp_path, formats=("png", "jpg"))
    finally:
        plt.close(fig)
    assert list(tmp_path.iterdir()) == []


def test_style_is_restored_after_the_block():
    before = dict(mpl.rcParams)
    with plotting.style() as family:
        assert family == "Noto Sans CJK SC"
        assert mpl.rcParams["axes.grid"] is True and mpl.rcParams["savefig.dpi"] == plotting.DPI
        assert mpl.rcParams["axes.prop_cycle"].by_key()["color"][0] == plotting.PALETTE[0]
    assert mpl.rcParams["axes.grid"] == before["axes.grid"]
    assert mpl.rcParams["axes.prop_cycle"] == before["axes.prop_cycle"]


def test_missing_font_package_gives_an_actionable_error(monkeypatch):
    monkeypatch.setattr(plotting.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(FontError, match="pip install mplfonts==0.0.11"):
        plotting.use_cjk_font()
    assert issubclass(FontError, cl.CongressLibError)


def test_missing_font_file_gives_an_actionable_error(monkeypatch, tmp_path):
    class Spec:
        submodule_search_locations = [str(tmp_path)]

    monkeypatch.setattr(plotting.importlib.util, "find_spec", lambda name: Spec())
    with pytest.raises(FontError, match="NotoSansCJKsc-Regular.otf was not found"):
        plotting.cjk_font_path()
