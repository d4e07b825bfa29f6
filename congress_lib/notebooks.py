"""Build the notebook suite reproducibly and open it in JupyterLab.

``python -m congress_lib.notebooks run notebooks`` (``make run``, ``make notebooks``)
executes the suite; ``python -m congress_lib.notebooks lab notebooks [OPTION ...]``
(``make lab``) opens it in JupyterLab.

**Sources and built notebooks.** The text files ``notebooks/NN_name.py`` (jupytext
percent format) are the sources that reviews read; each ``NN_name.ipynb`` is built
from its source, executed top to bottom in a fresh kernel, and written with every
source of variation removed: no timing records, a fixed kernelspec,
``language_info`` reduced to the language name, execution counts 1..n. So
``make run`` on a fresh clone leaves ``git status`` clean, and nbval (strict)
compares stored outputs with a new run.

**How the pair works.** The metadata ``"jupytext": {"formats": "ipynb,py:percent"}``
of every built notebook pairs it with its source for Jupytext's contents manager
(which the ``jupytext`` package enables in Jupyter): opening ``NN_name.ipynb`` reads
the cells from ``NN_name.py`` and the outputs from ``NN_name.ipynb``; saving it writes
both files, the ``.py`` last. Jupytext takes the text file as the authority on the
cells, so it refuses to open a pair (HTTP 400 "... is more recent than ...") whose
``.ipynb`` is more than a second newer than its ``.py`` unless the ``.ipynb``, written
as text, is the ``.py``: it cannot tell which file holds the user's latest edit. With
Jupytext's default settings that text starts with a header of notebook metadata that
the sources do not carry, so every notebook written after its source was read was
refused. Hence :func:`build_notebook`, once it has written a notebook, gives the
source the notebook's modification time (:func:`align_source_mtime`): only the time
changes, never the bytes, so git sees nothing; jupytext, make and JupyterLab's "file
changed on disk" check all see a source as new as the notebook built from it. If the
source was edited while it was executing, it is left alone: the pair is then out of
date, and jupytext rightly says so.

**JupyterLab.** :func:`lab_command` is the command of ``make lab``: ``jupyter lab``
on the folder, with the repository's ``jupyter/`` folder prepended to
``JUPYTER_CONFIG_PATH`` (its ``jupyter_server_config.py`` hides the ``NN_*.py``
sources from the file browser, so each notebook is listed once, and has jupytext
write them without a metadata header, as they are kept), ``--allow-root`` when run
by root (containers, lab servers), then any further options (``make lab
LAB_ARGS="--port 9999 --no-browser"``).
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

__all__ = ["save_and_show", "out_of_sample_file", "STRICT_ENV", "enough_data", "not_enough", "LAB_CONFIG_DIR", "SOURCE_GLOB", "align_source_mtime", "build_notebook", "lab_command",
           "k_of_n", "listing", "project_root", "run_notebooks", "say", "setup", "term"]

#: Set to 1 (as :func:`build_notebook` does), :func:`enough_data` lets every error through:
#: the committed notebooks on the bundled corpus must run through without a "not enough data".
STRICT_ENV = "CONGRESS_LIB_STRICT_NOTEBOOKS"

#: The errors by which a computation says that the corpus lacks what it needs (an empty table,
#: a missing kind of actor, a single group where two are compared ...).
DATA_ERRORS = (KeyError, IndexError, ValueError, ZeroDivisionError, LookupError, ArithmeticError)

_KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}

#: The notebook sources of a folder (``01_corpus.py`` ...); the server config hides the same names.
SOURCE_GLOB = "[0-9][0-9]_*.py"

#: The Jupyter configuration that ``make lab`` adds (the ``jupyter/`` folder of the repository).
LAB_CONFIG_DIR = Path(__file__).resolve().parents[1] / "jupyter"


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


def out_of_sample_file() -> Path | None:
    """The project's recorded out-of-sample scores, or None when this is not a project folder.

    They describe the extractor, not a corpus: the held-out pages of the README's
    "Validation" (``corpus/annotations/out_of_sample.csv`` of the project folder,
    :func:`project_root`). A notebook run on another corpus shows them beside its
    estimates all the same.
    """
    file = project_root() / "corpus" / "annotations" / "out_of_sample.csv"
    return file if file.is_file() else None


def setup(max_colwidth: int = 120, figures: str | os.PathLike | None = None):
    """The first cell of every notebook: project paths, figure style, table display.

    Applies the project figure style with the bundled CJK font, sets pandas display
    options that keep stored outputs stable and readable, and returns
    ``(ROOT, FIGURES)``: the project folder and the folder figures are written to,
    ``figures`` when given (the notebook's ``FIGURES_DIR`` parameter, which
    ``congress-lib report`` sets), else the project's ``figures/`` folder.
    """
    import pandas as pd

    from .plotting import apply_style

    apply_style()
    pd.set_option("display.width", 120)
    pd.set_option("display.max_colwidth", max_colwidth)
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.float_format", "{:,.10g}".format)
    root = project_root()
    return root, Path(figures) if figures is not None else root / "figures"


class Say:
    """Markdown that a code cell displays: prose whose figures are computed (see :func:`say`).

    Its plain-text form is the text itself, so a stored notebook shows the same words
    in any viewer, and nbval compares them as text.
    """

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def say(template: str, **values) -> Say:
    """Prose about the data, with every figure in it computed: ``str.format`` of ``template``.

    A notebook states what the tables show in a code cell whose last line is
    ``say("The corpus holds {n} reports from {k} provinces.", n=..., k=...)``, so
    that a claim stays true for the corpus the notebook runs on: no number of the
    prose is typed by hand. Values are formatted by the template's own format
    specs (``{share:.0%}``, ``{n:,}``).

    >>> say("{n} reports", n=5)
    5 reports
    """
    return Say(template.format(**values))


def not_enough(what: str, why: str = "") -> Say:
    """Prose saying that the corpus has not enough data for ``what`` (and why, when known)."""
    return Say(f"*Not enough data for {what} in this corpus{': ' + why if why else ''}.*")


class enough_data:
    """A block of a notebook that needs more data than a small corpus may hold.

    ::

        with enough_data("the relations between kinds of actor"):
            ...
            display(table)

    On a corpus that lacks what the block needs (the block raises one of
    :data:`DATA_ERRORS`, or the network errors of networkx), the block stops, its open
    figures are closed, and the notebook says in words "*Not enough data for the
    relations between kinds of actor in this corpus* (the error)" instead of failing.
    ``$CONGRESS_LIB_STRICT_NOTEBOOKS=1`` (:data:`STRICT_ENV`, set when the committed
    notebooks are built) lets every error through.
    """

    def __init__(self, what: str):
        self.what = what
        self.ok = True

    def __enter__(self):
        return self

    def __exit__(self, etype, exc, tb):
        if exc is None or os.environ.get(STRICT_ENV) == "1":
            return False
        errors = DATA_ERRORS
        try:
            import networkx as nx

            errors = errors + (nx.NetworkXException,)
        except ImportError:  # pragma: no cover
            pass
        if not isinstance(exc, errors + (NameError,)):
            return False
        import matplotlib.pyplot as plt
        from IPython.display import display

        plt.close("all")
        self.ok = False
        reason = (f"{type(exc).__name__}: {exc}".strip().rstrip(":") if not isinstance(exc, NameError)
                  else "it builds on a part above that had not enough data")
        display(not_enough(self.what, reason[:200]))
        return True


def listing(items, *, conjunction: str = "and", limit: int | None = None) -> str:
    """Items as an English list: ``a``, ``a and b``, ``a, b and c``.

    With ``limit``, a longer list names its first ``limit`` items and counts the rest:
    ``a, b and 3 more`` (prose about a large corpus stays a sentence).
    """
    items = [str(item) for item in items]
    if limit is not None and len(items) > limit:
        return ", ".join(items[:limit]) + f" and {len(items) - limit:,} more"
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def k_of_n(k: int, n: int, noun: str, verb: str) -> str:
    """A count in words with its verb agreeing: "All 3 others stand", "None of the 3 others
    stands", "2 of the 3 others stand", "1 of the 3 others stands" (``verb`` in the plural)."""
    if k == 0:
        return f"None of the {n} {noun} {verb}s"
    head = f"All {n} {noun}" if k == n and n > 1 else f"{k} of the {n} {noun}"
    return head + (f" {verb}s" if k == 1 else f" {verb}")


def term(word: str, lexicon=None) -> str:
    """A Chinese term in English prose: characters, pinyin and the glossary's English gloss,
    e.g. 联络站 *liánluòzhàn* “liaison station” (no gloss: characters and pinyin)."""
    from .analysis import gloss, pinyin

    english = gloss([word], lexicon)[0]
    return f"{word} *{pinyin([word])[0]}*" + (f" “{english}”" if english else "")


def _normalise(nb) -> None:
    """Remove every source of run-to-run variation from an executed notebook, in place."""
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
                if isinstance(out.get("metadata"), dict):
                    out["metadata"].clear()
    nb.nbformat, nb.nbformat_minor = 4, 4


def build_notebook(source: Path, timeout: int = 600) -> Path:
    """Build ``source`` (a jupytext .py) into an executed, normalised .ipynb beside it.

    Returns the notebook's path. Afterwards the source has the notebook's
    modification time (see :func:`align_source_mtime`), unless it changed while it
    was executing.
    """
    import jupytext
    import nbformat
    from nbclient import NotebookClient

    source = Path(source)
    text = source.read_text(encoding="utf-8")
    nb = jupytext.reads(text, fmt="py:percent")
    nb.metadata["kernelspec"] = dict(_KERNELSPEC)
    # (the kernel's own log says only that it runs over local TCP: errors are still shown)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],
                            resources={"metadata": {"path": str(source.parent)}})
    client.execute(env={**os.environ, STRICT_ENV: "1"})
    _normalise(nb)
    target = source.with_suffix(".ipynb")
    out = nbformat.writes(nb, version=4)
    target.write_text(out if out.endswith("\n") else out + "\n", encoding="utf-8")
    if source.read_text(encoding="utf-8") == text:
        align_source_mtime(source, target)
    else:
        print(f"{source.name} changed while it was executing: {target.name} is out of date, "
              "run the notebooks again", file=sys.stderr, flush=True)
    return target


def align_source_mtime(source: Path, target: Path) -> None:
    """Give ``source`` the modification time of ``target``, the notebook built from it.

    The pair then reads as consistent to jupytext (which refuses a ``.ipynb`` newer
    than its text source), to make and to JupyterLab. The content is not touched and
    the access time is kept.
    """
    source, target = Path(source), Path(target)
    os.utime(source, ns=(source.stat().st_atime_ns, target.stat().st_mtime_ns))


def run_notebooks(folder: Path) -> list[Path]:
    """Build every notebook source of ``folder`` (:data:`SOURCE_GLOB`), in name order."""
    sources = sorted(Path(folder).glob(SOURCE_GLOB))
    built = []
    for source in sources:
        print(f"executing {source.name}", flush=True)
        built.append(build_notebook(source))
    return built


def _running_as_root() -> bool:
    geteuid = getattr(os, "geteuid", None)  # POSIX only
    return geteuid is not None and geteuid() == 0


def lab_command(folder: Path | str = "notebooks", args: list[str] | tuple[str, ...] = (),
                env: dict[str, str] | None = None) -> tuple[list[str], dict[str, str]]:
    """The command line and environment of ``make lab``: JupyterLab on ``folder``.

    ``jupyter lab`` (this interpreter's JupyterLab) with :data:`LAB_CONFIG_DIR`
    prepended to ``JUPYTER_CONFIG_PATH``, so the project's server settings add to
    the user's own Jupyter configuration (which keeps precedence) without touching
    it; ``--allow-root`` when the effective user is root, as in containers and on
    lab servers (Jupyter refuses to start as root otherwise); then ``args``, the
    user's options (``make lab LAB_ARGS="--port 9999 --no-browser"``), which come
    last and so win. ``env`` (default: this process's environment) is copied, not
    changed. Network access stays Jupyter's default (``localhost`` only).
    """
    env = dict(os.environ if env is None else env)
    if not (LAB_CONFIG_DIR / "jupyter_server_config.py").is_file():
        raise FileNotFoundError(f"{LAB_CONFIG_DIR}/jupyter_server_config.py is missing: "
                                "JupyterLab is run from a source checkout of the project")
    paths = [str(LAB_CONFIG_DIR)] + [p for p in env.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep) if p]
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(dict.fromkeys(paths))
    argv = [sys.executable, "-m", "jupyterlab", str(folder)]
    if _running_as_root():
        argv.append("--allow-root")
    return argv + list(args), env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m congress_lib.notebooks")
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="build and execute every NN_*.py notebook source in a folder")
    r.add_argument("folder", nargs="?", default="notebooks")
    lab = sub.add_parser("lab", help="open a folder of notebooks in JupyterLab (make lab)",
                         description="Any option after the folder goes to jupyter lab.")
    lab.add_argument("folder")
    lab.add_argument("jupyter_args", nargs=argparse.REMAINDER, metavar="OPTION",
                     help="options for jupyter lab, e.g. --port 9999 --no-browser")
    args = parser.parse_args(argv)
    if args.command == "lab":
        command, env = lab_command(args.folder, args.jupyter_args)
        print(f"JUPYTER_CONFIG_PATH={env['JUPYTER_CONFIG_PATH']} {shlex.join(command)}", flush=True)
        if os.name == "posix":  # hand the terminal (Ctrl-C, its shutdown prompt) to Jupyter
            os.execve(command[0], command, env)
        return subprocess.call(command, env=env)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    os.environ.setdefault("MPLBACKEND", "Agg")
    run_notebooks(Path(args.folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())


def save_and_show(fig, name: str, folder: str | Path, formats: Iterable[str] = ("png", "svg")):
    """Save a figure reproducibly, close it, and return the PNG for display in a notebook.

    The files are written by :func:`congress_lib.plotting.save_figure` (no
    timestamps, fixed SVG ids). The figure is closed, so that Jupyter's inline
    backend shows nothing of its own and no ``<Figure size …>`` text reaches the
    stored outputs; the returned image object displays the saved PNG bytes.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    name : str
        File stem, e.g. ``"03_indicator_coverage"``.
    folder : str or pathlib.Path
        Output folder (anchor it on the project root).
    formats : iterable of str, default ("png", "svg")
        Must include ``"png"``.

    Returns
    -------
    IPython.display.Image
    """
    import matplotlib.pyplot as plt
    from IPython.display import Image

    from .errors import InvalidArgumentError
    from .plotting import save_figure

    formats = tuple(formats)
    if "png" not in [str(f).lower().lstrip(".") for f in formats]:
        raise InvalidArgumentError("save_and_show displays the PNG: include 'png' in formats.")
    paths = save_figure(fig, name, folder=folder, formats=formats)
    plt.close(fig)
    png = next(p for p in paths if p.suffix == ".png")
    return Image(data=png.read_bytes(), format="png")
