"""Checks on the notebook suite and its figures (the stored files, no kernel needed).

nbval (``pytest --nbval notebooks``) re-executes the notebooks and compares outputs;
these tests check what nbval cannot: that every source has its built notebook, that
the stored outputs hold nothing machine- or run-specific, and that every figure is
documented and has a producer.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest

from congress_lib.errors import InvalidArgumentError
from congress_lib.notebooks import save_and_show

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
FIGURES = ROOT / "figures"

SOURCES = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py"))

#: Things that must never reach a stored output.
FORBIDDEN = {
    "absolute path": re.compile(r"(?<![\w.])/(?:home|Users|tmp|work|root|var|opt|usr|mnt|private)/|\b[A-Za-z]:\\[A-Za-z]"),
    "memory address": re.compile(r"\b0x[0-9a-fA-F]{4,}\b"),
    "timestamp": re.compile(r"\b\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?"),
    "traceback": re.compile(r"Traceback|Error:|Exception:"),
    "jieba log": re.compile(r"Building prefix dict|Loading model|Prefix dict has been built|Dumping model"),
    "timing": re.compile(r"Wall time|CPU times|\d+(?:\.\d+)?\s?(?:ms|µs) ±"),
    "figure repr": re.compile(r"<Figure size|<matplotlib\.|object at "),
    "warning": re.compile(r"Warning:|warnings\.warn"),
}


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _output_texts(nb: dict):
    """(cell number, text) of every textual output of every code cell."""
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        for out in cell.get("outputs", []):
            if out["output_type"] == "stream":
                yield cell["execution_count"], "".join(out["text"])
            elif out["output_type"] == "error":
                yield cell["execution_count"], "Traceback: " + out.get("ename", "")
            else:
                for mime, data in out.get("data", {}).items():
                    if mime.startswith("text/") or mime.endswith("json"):
                        yield cell["execution_count"], "".join(data) if isinstance(data, list) else str(data)


def test_there_are_notebooks():
    assert len(SOURCES) >= 6, [p.name for p in SOURCES]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_every_source_has_its_built_notebook(source):
    target = source.with_suffix(".ipynb")
    assert target.is_file(), f"{target.name} missing: run `python -m congress_lib.notebooks run notebooks`"
    nb = _load(target)
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1)), "not executed top to bottom"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_stored_notebook_is_paired_with_its_source_and_holds_its_cells(source):
    """The pair is consistent: jupytext (JupyterLab, ``make lab``) reads the cells of the .ipynb back as the .py.

    The notebook's metadata pairs it with its source, and its cells, written in the
    percent format without a metadata header (as ``make lab`` has jupytext write the
    sources), are the source byte for byte: a source edited without running the
    notebooks again fails here.
    """
    jupytext = pytest.importorskip("jupytext", reason="jupytext is not installed: pip install -e '.[notebooks]'")
    nb = jupytext.read(source.with_suffix(".ipynb"))
    assert nb.metadata["jupytext"] == {"formats": "ipynb,py:percent"}
    nb.metadata["jupytext"]["notebook_metadata_filter"] = "-all"
    assert jupytext.writes(nb, fmt="py:percent") == source.read_text(encoding="utf-8"), (
        f"{source.name} and {source.stem}.ipynb differ: run `make notebooks`")


def test_no_notebook_without_source():
    for nb in NOTEBOOKS.glob("*.ipynb"):
        assert nb.with_suffix(".py").is_file(), f"{nb.name} has no jupytext source"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_stored_outputs_are_clean(source):
    nb = _load(source.with_suffix(".ipynb"))
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"cell {cell['execution_count']} raised"
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"), (
                f"cell {cell['execution_count']} wrote to stderr: {''.join(out['text'])[:200]}")
    for number, text in _output_texts(nb):
        for what, pattern in FORBIDDEN.items():
            match = pattern.search(text)
            assert match is None, f"{source.stem} cell {number}: {what} in output: {match.group(0)!r}"
    assert str(ROOT) not in json.dumps(nb, ensure_ascii=False)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_sources_anchor_paths_on_the_project_root(source):
    text = source.read_text(encoding="utf-8")
    # paths come from congress_lib.notebooks.setup(), which anchors them on project_root()
    assert "ROOT, FIGURES = setup(" in text
    assert not re.search(r"""["'](?:/|[A-Za-z]:\\)""", text), "absolute path in a notebook source"


def _readme_rows() -> list[dict]:
    text = (FIGURES / "README.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and cells[0].endswith(".png"):
            rows.append({"file": cells[0], "notebook": cells[1], "cell": cells[2], "what": cells[3]})
    return rows


def test_every_figure_is_documented_and_has_a_producer():
    pngs = sorted(p.name for p in FIGURES.glob("*.png"))
    assert pngs, "no figures: run the notebooks"
    rows = {r["file"]: r for r in _readme_rows()}
    sources = {p.stem: p.read_text(encoding="utf-8") for p in SOURCES}
    for png in pngs:
        stem = png[:-4]
        assert png in rows, f"{png} is not listed in figures/README.md"
        assert (FIGURES / f"{stem}.svg").is_file(), f"{stem}.svg missing"
        producers = [name for name, text in sources.items() if f'"{stem}"' in text]
        assert producers == [rows[png]["notebook"]], f"{png}: produced by {producers}, README says {rows[png]}"
    for name in rows:
        assert name in pngs, f"figures/README.md lists {name}, which no notebook wrote"


def test_readme_cell_numbers_point_at_the_producing_cell():
    for row in _readme_rows():
        number = int(re.fullmatch(r"In \[(\d+)\]", row["cell"]).group(1))
        nb = _load(NOTEBOOKS / f"{row['notebook']}.ipynb")
        cell = next(c for c in nb["cells"] if c["cell_type"] == "code" and c["execution_count"] == number)
        assert f'"{row["file"][:-4]}"' in "".join(cell["source"]), row
        kinds = {tuple(sorted(o.get("data", {}))) for o in cell["outputs"]}
        assert ("image/png", "text/plain") in kinds, f"{row['file']}: the cell does not display the figure"


def test_chinese_labels_draw_without_missing_glyphs():
    import matplotlib

    matplotlib.use("Agg")
    import io

    import matplotlib.pyplot as plt

    from congress_lib.plotting import apply_style

    import matplotlib as mpl

    with mpl.rc_context():
        apply_style()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig, ax = plt.subplots()
            ax.barh(["人大代表联络站", "代表之家", "郑州市某区"], [84, 12, 7])
            ax.set_title("满意率 · 办结率 — §2 “四个注重”")
            fig.savefig(io.BytesIO(), format="png")
            fig.savefig(io.BytesIO(), format="svg")
            plt.close(fig)

def test_save_and_show_is_byte_identical_and_closes_the_figure(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from congress_lib.plotting import style

    def draw_and_save(**kwargs):
        # fonts are resolved when the figure is drawn, so it is saved inside the style block
        with style():
            fig, ax = plt.subplots()
            ax.bar(["联络站", "活动室"], [84, 66])
            ax.set_title("代表联系群众活动站")
            return save_and_show(fig, "t_fig", tmp_path, **kwargs)

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph would raise here
        image = draw_and_save()
    first = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert set(first) == {"t_fig.png", "t_fig.svg"}
    assert image.data == first["t_fig.png"]
    assert plt.get_fignums() == []
    draw_and_save()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == first
    assert "<IPython.core.display.Image object>" == repr(image)
    with pytest.raises(InvalidArgumentError):
        draw_and_save(formats=("svg",))
    plt.close("all")


def test_the_out_of_sample_scores_are_the_project_s_whatever_the_corpus(tmp_path, monkeypatch):
    from congress_lib.notebooks import out_of_sample_file

    monkeypatch.setenv("CONGRESS_LIB_ROOT", str(ROOT))
    assert out_of_sample_file() == ROOT / "corpus" / "annotations" / "out_of_sample.csv"
    monkeypatch.setenv("CONGRESS_LIB_ROOT", str(tmp_path))
    assert out_of_sample_file() is None
