"""Figures: one CJK font, one style, byte-for-byte reproducible files.

Every figure of the project is a build product, so the same code must give the
same bytes on every run and every machine. Three things stand in the way and are
handled here:

* **Chinese glyphs.** Matplotlib's default DejaVu Sans has no CJK glyphs. The font
  used is the openly licensed *Noto Sans CJK SC* shipped inside the pinned PyPI
  package ``mplfonts`` (``mplfonts/fonts/NotoSansCJKsc-Regular.otf``). It is found
  with :func:`importlib.util.find_spec` (the ``mplfonts`` package itself is never
  imported, so its helpers that rewrite matplotlib's rc files never run) and is
  registered at run time with ``matplotlib.font_manager.fontManager.addfont``.
  Nothing in the installed matplotlib is edited and no system font is consulted:
  the registered file is moved to the front of the font list so that a system
  font of the same family name can never win the match.
* **Embedded metadata.** PNG files get no ``Software`` chunk, SVG files no date or
  creator, PDF files no creation date or producer; SVG element ids come from a
  fixed ``svg.hashsalt``.
* **Font embedding.** SVG text is written as paths (``svg.fonttype = "path"``), so
  an SVG does not depend on fonts installed on the reader's machine. PDF keeps
  ``pdf.fonttype = 3``: with ``42`` matplotlib embeds this CFF-flavoured OpenType
  font as a ``/FontFile2`` stream, which the PDF specification reserves for
  TrueType (glyf) outlines, so strict readers reject or mis-render it.

Graph and table code never imports this module at top level; drawing functions
import it when they are called.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import FontError, InvalidArgumentError

__all__ = [
    "DPI",
    "FONT_FILE",
    "PALETTE",
    "STYLE",
    "SVG_HASHSALT",
    "TYPE_STYLE",
    "apply_style",
    "cjk_font_path",
    "save_figure",
    "style",
    "use_cjk_font",
]

#: The font file looked up inside the installed ``mplfonts`` package.
FONT_FILE = "NotoSansCJKsc-Regular.otf"

#: Fixed salt for the ids matplotlib writes into SVG files.
SVG_HASHSALT = "congress_lib"

#: Resolution of every saved raster figure.
DPI = 150

#: Okabe–Ito colour-blind safe palette, the colour cycle of every figure.
PALETTE = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#E69F00",  # orange
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)

#: Colour and marker of each mention type (docs/codebook.md §3), so that types are told
#: apart by shape as well as by colour (readable in greyscale print).
TYPE_STYLE = {
    "deputy": {"color": "#D55E00", "marker": "o", "label": "deputy"},
    "station": {"color": "#009E73", "marker": "s", "label": "station"},
    "agency": {"color": "#0072B2", "marker": "^", "label": "agency"},
    "congress": {"color": "#E69F00", "marker": "D", "label": "congress"},
}

#: The one figure style (rcParams) of the project, font settings excluded.
STYLE = {
    "figure.figsize": (6.4, 4.0),
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "font.size": 9.0,
    "axes.titlesize": 11.0,
    "axes.labelsize": 9.0,
    "xtick.labelsize": 8.0,
    "ytick.labelsize": 8.0,
    "legend.fontsize": 8.0,
    "legend.frameon": False,
    "axes.grid": True,
    "grid.color": "#d9d9d9",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#4d4d4d",
    "lines.linewidth": 1.5,
}

_SAVE_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "Creator": None, "Producer": None},
}

_DETERMINISTIC_RC = {
    "svg.hashsalt": SVG_HASHSALT,
    "svg.fonttype": "path",
    "pdf.fonttype": 3,
    "ps.fonttype": 3,
}

def cjk_font_path() -> Path:
    """Return the path of the Noto Sans CJK SC font file shipped by ``mplfonts``.

    The package is located with :func:`importlib.util.find_spec`, which does not
    import it.

    Returns
    -------
    pathlib.Path
        Absolute path of ``NotoSansCJKsc-Regular.otf``.

    Raises
    ------
    FontError
        If ``mplfonts`` is not installed or does not contain the font file.
    """
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise FontError(
            "the CJK font package 'mplfonts' is not installed; install the pinned "
            "version with `pip install mplfonts==0.0.11` (it is a dependency of "
            "congress_lib, see pyproject.toml)."
        )
    for location in spec.submodule_search_locations:
        path = Path(location) / "fonts" / FONT_FILE
        if path.is_file():
            return path.resolve()
    raise FontError(
        f"{FONT_FILE} was not found in the mplfonts package at "
        f"{', '.join(spec.submodule_search_locations)}; reinstall it with "
        "`pip install --force-reinstall mplfonts==0.0.11`."
    )


def _font_rc(family: str) -> dict:
    import matplotlib as mpl

    fallback = [name for name in mpl.rcParamsDefault["font.sans-serif"] if name != family]
    return {
        "font.family": ["sans-serif"],
        "font.sans-serif": [family, *fallback],
        "axes.unicode_minus": False,
        **_DETERMINISTIC_RC,
    }


def _register_font() -> str:
    """Register the font with matplotlib's font manager (once) and return its family."""
    from matplotlib import font_manager

    path = cjk_font_path()
    fname = str(path)
    manager = font_manager.fontManager
    if not any(entry.fname == fname for entry in manager.ttflist):
        try:
            manager.addfont(fname)
        except (OSError, RuntimeError, ValueError) as exc:
            raise FontError(
                f"matplotlib could not read the font file {fname} ({exc}); reinstall it "
                "with `pip install --force-reinstall mplfonts==0.0.11`."
            ) from exc
    # Put the registered file first so that, on equal match scores, it beats any
    # system font that happens to carry the same family name.
    ours = [entry for entry in manager.ttflist if entry.fname == fname]
    others = [entry for entry in manager.ttflist if entry.fname != fname]
    if manager.ttflist[: len(ours)] != ours:
        manager.ttflist[:] = ours + others
        cache = getattr(manager, "_findfont_cached", None)
        if cache is not None:
            cache.cache_clear()
    family = font_manager.FontProperties(fname=fname).get_name()
    found = font_manager.findfont(
        font_manager.FontProperties(family=family), fallback_to_default=False
    )
    if Path(found).resolve() != path:
        raise FontError(
            f"matplotlib resolves the font family {family!r} to {found}, not to the "
            f"bundled {fname}; remove the conflicting font or report this as a bug."
        )
    return family


def use_cjk_font() -> str:
    """Register the bundled CJK font and make it matplotlib's sans-serif font.

    Sets ``font.family`` to sans-serif with the CJK family first (DejaVu Sans stays
    as a fallback), turns off ``axes.unicode_minus`` (the CJK font draws the ASCII
    hyphen-minus), and fixes the rc settings that make saved files reproducible
    (``svg.hashsalt``, ``svg.fonttype = "path"``, ``pdf.fonttype = 3``). Calling it
    again is cheap and has no further effect.

    Returns
    -------
    str
        The font family name, ``"Noto Sans CJK SC"``.

    Raises
    ------
    FontError
        If the font file cannot be found or read.

    Examples
    --------
    >>> from congress_lib.plotting import use_cjk_font
    >>> use_cjk_font()
    'Noto Sans CJK SC'
    """
    import matplotlib as mpl

    family = _register_font()
    mpl.rcParams.update(_font_rc(family))
    return family


def _style_rc() -> dict:
    family = _register_font()
    return {**STYLE, **_font_rc(family), "axes.prop_cycle": _cycler()}


def _cycler():
    from cycler import cycler

    return cycler(color=list(PALETTE))


def apply_style() -> str:
    """Apply the project figure style and the CJK font globally.

    Returns
    -------
    str
        The font family name.

    See Also
    --------
    style : the same settings, restored when the ``with`` block ends.
    """
    import matplotlib as mpl

    rc = _style_rc()
    mpl.rcParams.update(rc)
    return rc["font.sans-serif"][0]


@contextlib.contextmanager
def style() -> Iterator[str]:
    """Context manager: the project figure style and CJK font inside a ``with`` block.

    Yields
    ------
    str
        The font family name.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from congress_lib.plotting import style
    >>> with style():
    ...     fig, ax = plt.subplots()
    >>> plt.close(fig)
    """
    import matplotlib as mpl

    rc = _style_rc()
    with mpl.rc_context(rc):
        yield rc["font.sans-serif"][0]


_UNSAFE = re.compile(r"[^\w.\-]+")
_FORMATS = ("png", "svg", "pdf")


def _safe_stem(name: str) -> str:
    """Turn a figure name into a file stem that cannot leave its folder."""
    if not isinstance(name, str) or not name.strip():
        raise InvalidArgumentError(
            f"figure name must be a non-empty string, not {name!r}; pass e.g. '03_indicators'."
        )
    if "/" in name or "\\" in name or "\0" in name or name.strip() in (".", ".."):
        raise InvalidArgumentError(
            f"figure name {name!r} contains a path separator or is a relative path; pass a "
            "bare name such as '03_indicators' and choose the directory with `folder=`."
        )
    stem = unicodedata.normalize("NFC", name.strip())
    for fmt in _FORMATS:
        if stem.lower().endswith("." + fmt):
            stem = stem[: -len(fmt) - 1]
    stem = _UNSAFE.sub("_", stem).strip("._")
    if not stem:
        raise InvalidArgumentError(
            f"figure name {name!r} has no usable characters; pass e.g. '03_indicators'."
        )
    return stem


def save_figure(
    fig,
    name: str,
    folder: str | Path = "figures",
    formats: Iterable[str] = ("png", "svg"),
    *,
    tight: bool = True,
) -> list[Path]:
    """Save a figure reproducibly, one file per format.

    The bytes depend only on the figure: PNG without the ``Software`` chunk, SVG
    without date and creator and with a fixed hash salt and text as paths, PDF
    without creation date, creator and producer, all at :data:`DPI`.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to save; it is not modified.
    name : str
        File stem, e.g. ``"03_indicators"``. A trailing ``.png``/``.svg``/``.pdf``
        is dropped; characters other than letters (CJK included), digits, ``_``,
        ``-`` and ``.`` become ``_``. Names holding a path separator or equal to
        ``.``/``..`` are refused, so the files always land inside `folder`.
    folder : str or pathlib.Path, default "figures"
        Output directory, created if missing. A relative path is relative to the
        current working directory; notebooks should pass a path anchored on the
        project.
    formats : iterable of {"png", "svg", "pdf"}, default ("png", "svg")
    tight : bool, default True
        Crop to the drawn content (``bbox_inches="tight"``).

    Returns
    -------
    list of pathlib.Path
        The written files, in the order of `formats`.

    Raises
    ------
    InvalidArgumentError
        For an unsafe or empty name or an unknown format.
    """
    import matplotlib as mpl

    stem = _safe_stem(name)
    if isinstance(formats, str):
        formats = (formats,)
    formats = [str(fmt).lower().lstrip(".") for fmt in formats]
    unknown = sorted(set(formats) - set(_FORMATS))
    if unknown or not formats:
        raise InvalidArgumentError(
            f"unknown figure format(s) {unknown or formats}; choose from {', '.join(_FORMATS)}."
        )
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    written: list[Path] = []
    for fmt in dict.fromkeys(formats):
        path = folder / f"{stem}.{fmt}"
        if path.resolve().parent != root:  # pragma: no cover - guarded by _safe_stem
            raise InvalidArgumentError(f"figure path {path} would leave {folder}.")
        buffer = io.BytesIO()
        # Fonts are resolved when the figure is drawn, i.e. here: apply the CJK
        # font settings too, so a figure built inside ``with style():`` and saved
        # after the block still finds its glyphs.
        with mpl.rc_context(_font_rc(use_cjk_font())):
            fig.savefig(
                buffer,
                format=fmt,
                dpi=DPI,
                metadata=_SAVE_METADATA[fmt],
                bbox_inches="tight" if tight else None,
            )
        data = buffer.getvalue()
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
        written.append(path)
    return written
