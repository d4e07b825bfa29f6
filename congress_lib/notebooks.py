"""Execute the notebook suite reproducibly (``python -m congress_lib.notebooks run notebooks``).

The text files ``notebooks/NN_name.py`` (jupytext percent format) are the
sources that reviews read; the ``.ipynb`` files are built from them, executed
top to bottom in a fresh kernel, and written with every source of variation
removed: no timing records, a fixed kernelspec, ``language_info`` reduced to the
language name, execution counts 1..n. So ``make run`` on a fresh clone leaves
``git status`` clean, and nbval (strict) compares stored outputs with a new run.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

__all__ = ["project_root", "setup", "build_notebook", "run_notebooks"]

_KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}


def project_root() -> Path:
    """The project folder (the one holding ``corpus/`` and ``notebooks/``).

    ``$CONGRESS_LIB_ROOT`` when set; otherwise the nearest parent of the current
    folder that has ``corpus/metadata.csv``; otherwise the folder above the
    installed package (a source checkout).
    """
    env = os.environ.get("CONGRESS_LIB_ROOT")
    if env:
        return Path(env).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "corpus" / "metadata.csv").is_file():
            return folder
    return Path(__file__).resolve().parents[1]


def setup(max_colwidth: int = 120):
    """The first cell of every notebook: project paths, figure style, table display.

    Applies the project figure style with the bundled CJK font, sets pandas display
    options that keep stored outputs stable and readable, and returns
    ``(ROOT, FIGURES)``: the project folder and its ``figures/`` folder.
    """
    import pandas as pd

    from .plotting import apply_style

    apply_style()
    pd.set_option("display.width", 120)
    pd.set_option("display.max_colwidth", max_colwidth)
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.float_format", "{:,.10g}".format)
    root = project_root()
    return root, root / "figures"


def _normalise(nb) -> None:
    nb.metadata = {
        "jupytext": {"formats": "ipynb,py:percent"},
        "kernelspec": dict(_KERNELSPEC),
        "language_info": {"name": "python"},
    }
    count = 0
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
        if "id" in cell:
            del cell["id"]
        if cell.cell_type == "code":
            count += 1
            cell.execution_count = count
            for out in cell.get("outputs", []):
                if "execution_count" in out:
                    out["execution_count"] = count
                out.get("metadata", {}).clear() if isinstance(out.get("metadata"), dict) else None
    nb.nbformat, nb.nbformat_minor = 4, 4


def build_notebook(source: Path, timeout: int = 600) -> Path:
    """Build ``source`` (a jupytext .py) into an executed, normalised .ipynb beside it."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient

    nb = jupytext.read(source, fmt="py:percent")
    nb.metadata["kernelspec"] = dict(_KERNELSPEC)
    # (the kernel's own log says only that it runs over local TCP: errors are still shown)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],
                            resources={"metadata": {"path": str(source.parent)}})
    client.execute()
    _normalise(nb)
    target = source.with_suffix(".ipynb")
    text = nbformat.writes(nb, version=4)
    target.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return target


def run_notebooks(folder: Path) -> list[Path]:
    sources = sorted(p for p in folder.glob("[0-9][0-9]_*.py"))
    built = []
    for source in sources:
        print(f"executing {source.name}", flush=True)
        built.append(build_notebook(source))
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m congress_lib.notebooks")
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="build and execute every NN_*.py notebook source in a folder")
    r.add_argument("folder", nargs="?", default="notebooks")
    args = parser.parse_args(argv)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    os.environ.setdefault("MPLBACKEND", "Agg")
    run_notebooks(Path(args.folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
