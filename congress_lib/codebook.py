"""The codebook's codes in English: labels for tables and figures, and the tables of docs/codebook.md.

``docs/codebook.md`` is the project's codebook: what each code means, what counts
and what does not. Its prose is written by hand; its tables of codes, labels and
definitions are *generated* from the lexicons, so that they cannot drift from
what the library extracts.

Where each label lives (one home each)
--------------------------------------
* **indicator** codes (``congress_lib.indicators.INDICATOR_CODES``), **mention**
  types (``congress_lib.mentions.MENTION_TYPES``) and network **relation** names
  (``lexicon/relation_triggers.yaml``, plus ``co_mention``): an English ``label``
  and a one-line ``definition`` each in ``lexicon/codes.yaml``;
* **practice** codes (``lexicon/practices.yaml``) and political **formula** codes
  (``lexicon/formulas.yaml``): ``label_en`` next to the Chinese ``label`` of each
  entry.

:func:`labels` reads them through :func:`congress_lib.resources.load_lexicon`, so
a user lexicon folder that adds a practice (with its ``label_en``) or relabels a
code is honoured. A code without an English label falls back to its Chinese
label (practices, formulas), then to the code itself.

>>> from congress_lib.codebook import label, labels
>>> label("deputy_participation", "indicator")
'Deputy participation'
>>> labels("practice")["tripartite_consultation"]
'Tripartite consultation'

For a figure, map codes to labels before plotting:
``df["practice"].map(labels("practice", corpus.lexicon))``.

The generated tables
--------------------
Each table of ``docs/codebook.md`` stands between two marker comments::

    <!-- begin: indicator codes -->
    ... generated, do not edit by hand ...
    <!-- end: indicator codes -->

The tables are ``indicator codes``, ``mention types``, ``relations``,
``practices`` and ``formulas`` (:data:`TABLES`). Running ::

    python -m congress_lib.codebook docs/codebook.md

rewrites the text between each pair of markers from the lexicon and leaves
everything else in the file as it is; ``--check`` only reports whether the file
is up to date (exit code 1 when it is not), and ``--lexicon DIR`` documents a
lexicon extended by a user folder. ``tests/test_codebook.py`` fails when the file
differs from what the generator writes, or when a code lacks a label or a
codebook entry: after adding or relabelling a code, edit the lexicon, run the
command, and describe the code in the prose.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .errors import CongressLibError, InvalidArgumentError, LexiconError
from .resources import Lexicon, load_lexicon

__all__ = ["KINDS", "TABLES", "entries", "labels", "label", "render_table", "update_text", "update_file", "main"]

#: The kinds of code that have English labels.
KINDS = ("indicator", "mention", "relation", "practice", "formula")

#: The generated tables of docs/codebook.md: marker name -> kind of code listed.
TABLES = {
    "indicator codes": "indicator",
    "mention types": "mention",
    "relations": "relation",
    "practices": "practice",
    "formulas": "formula",
}

# The relation of a pair whose sentence holds no trigger word (the same constant as
# congress_lib.network.CO_MENTION; not imported, so that labels need no networkx).
_CO_MENTION = "co_mention"

# codes.yaml section of each kind labelled there.
_SECTIONS = {"indicator": "indicators", "mention": "mentions", "relation": "relations"}
# lexicon file, top-level key and list keys of each dictionary kind.
_DICTIONARIES = {"practice": ("practices", "practices", "cues"), "formula": ("formulas", "formulas", "variants")}


def _check_kind(kind) -> None:
    if kind not in KINDS:
        raise InvalidArgumentError(f"kind must be one of {', '.join(map(repr, KINDS))}, not {kind!r}.")


def _mapping(value, where: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise LexiconError(f"lexicon {where} must be a mapping; see the comment header of the shipped file.")
    return value


def _codes_yaml(lexicon: Lexicon, kind: str) -> dict:
    section = _SECTIONS[kind]
    data = _mapping(lexicon["codes"], "codes.yaml")
    return _mapping(data.get(section), f"codes.yaml: `{section}`")


def _code_list(lexicon: Lexicon, kind: str) -> list[str]:
    """The codes of one kind, in codebook order."""
    if kind == "indicator":
        from .indicators import INDICATOR_CODES

        return list(INDICATOR_CODES)
    if kind == "mention":
        from .mentions import MENTION_TYPES

        labelled = [t for t in _codes_yaml(lexicon, kind) if t in MENTION_TYPES]
        return labelled + [t for t in MENTION_TYPES if t not in labelled]
    if kind == "relation":
        triggers = _mapping(lexicon["relation_triggers"], "relation_triggers.yaml")
        relations = _mapping(triggers.get("relations"), "relation_triggers.yaml: `relations`")
        return [str(r) for r in relations if str(r) != _CO_MENTION] + [_CO_MENTION]
    name, top, _ = _DICTIONARIES[kind]
    data = _mapping(lexicon[name], f"{name}.yaml")
    return [str(c) for c in _mapping(data.get(top), f"{name}.yaml: `{top}`")]


def entries(kind: str, lexicon=None) -> list[dict]:
    """Every code of one kind with its labels and definition, in codebook order.

    Parameters
    ----------
    kind : {"indicator", "mention", "relation", "practice", "formula"}
    lexicon : Lexicon, str, Path or None
        The lexicon (default: the shipped one), or a user folder extending it.

    Returns
    -------
    list of dict
        One dict per code with keys ``code``, ``label`` (English), ``label_zh``
        (the Chinese label of a practice or formula, else ``""``), ``definition``
        (from codes.yaml, else ``""``) and ``cues`` (trigger words, cue phrases or
        variants; empty for indicators and mention types) and ``patterns``
        (regular expressions of a practice or formula).
    """
    _check_kind(kind)
    lex = load_lexicon(lexicon)
    rows = []
    if kind in _SECTIONS:
        labelled = _codes_yaml(lex, kind)
        triggers = {}
        if kind == "relation":
            triggers = _mapping(_mapping(lex["relation_triggers"], "relation_triggers.yaml").get("relations"),
                                "relation_triggers.yaml: `relations`")
        for code in _code_list(lex, kind):
            entry = _mapping(labelled.get(code), f"codes.yaml: entry {code!r}")
            rows.append({
                "code": code,
                "label": str(entry.get("label") or code),
                "label_zh": "",
                "definition": str(entry.get("definition") or ""),
                "cues": [str(w) for w in (triggers.get(code) or [])],
                "patterns": [],
            })
        return rows
    name, top, list_key = _DICTIONARIES[kind]
    items = _mapping(lex[name], f"{name}.yaml")[top]
    for code in _code_list(lex, kind):
        entry = _mapping(items[code], f"{name}.yaml: entry {code!r}")
        zh = str(entry.get("label") or "")
        rows.append({
            "code": code,
            "label": str(entry.get("label_en") or zh or code),
            "label_zh": zh,
            "definition": "",
            "cues": [str(c) for c in (entry.get(list_key) or [])],
            "patterns": [str(p) for p in (entry.get("patterns") or [])],
        })
    return rows


def labels(kind: str, lexicon=None) -> dict[str, str]:
    """English labels of every code of one kind: ``{code: label}``, in codebook order.

    Parameters
    ----------
    kind : {"indicator", "mention", "relation", "practice", "formula"}
        Indicator codes, mention types, network relations, practices or political
        formulas.
    lexicon : Lexicon, str, Path or None
        The lexicon (default: the shipped one), or a user folder extending it (a
        practice it adds is labelled by its ``label_en``, else its Chinese label).

    Examples
    --------
    >>> labels("mention")["station"]
    'Contact stations'
    """
    return {row["code"]: row["label"] for row in entries(kind, lexicon)}


def label(code: str, kind: str, lexicon=None) -> str:
    """The English label of one code, e.g. ``label("admin_context", "indicator")``.

    Raises :class:`~congress_lib.errors.InvalidArgumentError` for a code the
    lexicon does not know.
    """
    known = labels(kind, lexicon)
    if code not in known:
        raise InvalidArgumentError(
            f"no {kind} code {code!r}; the codes are listed by congress_lib.codebook.labels({kind!r}) "
            "and in docs/codebook.md."
        )
    return known[code]


# --------------------------------------------------------------------------- tables


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _code(text: str) -> str:
    return f"`{_cell(text)}`"


def _phrases(row: dict) -> str:
    parts = [_cell(cue) for cue in row["cues"]]  # `;` apart: variants may hold commas
    parts += [f"pattern {_code(p)}" for p in row["patterns"]]
    return "; ".join(parts) if parts else "—"


def render_table(name: str, lexicon=None) -> str:
    """The Markdown table called ``name`` (a key of :data:`TABLES`), without a final newline."""
    if name not in TABLES:
        raise InvalidArgumentError(f"no codebook table {name!r}; the tables are {', '.join(map(repr, TABLES))}.")
    kind = TABLES[name]
    rows = entries(kind, lexicon)
    if kind in ("indicator", "mention"):
        head = ["code" if kind == "indicator" else "type", "label", "definition"]
        body = [[_code(r["code"]), _cell(r["label"]), _cell(r["definition"])] for r in rows]
    elif kind == "relation":
        head = ["relation", "label", "definition", "trigger words"]
        body = [[_code(r["code"]), _cell(r["label"]), _cell(r["definition"]),
                 _cell(", ".join(r["cues"])) if r["cues"] else "— (no trigger word)"] for r in rows]
    else:
        head = ["code", "label", "Chinese label", "cue phrases" if kind == "practice" else "variants"]
        body = [[_code(r["code"]), _cell(r["label"]), _cell(r["label_zh"]), _phrases(r)] for r in rows]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(cells) + " |" for cells in body]
    return "\n".join(lines)


# A marker is a line of its own (a marker quoted inside a sentence is text).
_BEGIN = re.compile(r"^<!-- begin: ([^>\n]*?) -->$", re.M)
_BLOCK = re.compile(r"^(<!-- begin: (?P<name>[^>\n]*?) -->\n)(?P<body>.*?)^(<!-- end: (?P=name) -->)$", re.S | re.M)


def update_text(text: str, lexicon=None) -> str:
    """``text`` with every generated table rewritten; nothing outside the markers changes.

    Raises :class:`~congress_lib.errors.InvalidArgumentError` for a marker naming
    no table of :data:`TABLES`, or a begin marker without its end marker.
    """
    if not isinstance(text, str):
        raise InvalidArgumentError(f"text must be a str, not {type(text).__name__}.")
    begun = _BEGIN.findall(text)
    closed = [m.group("name") for m in _BLOCK.finditer(text)]
    for name in begun:
        if name not in TABLES:
            raise InvalidArgumentError(
                f"the marker <!-- begin: {name} --> names no codebook table; the tables are "
                f"{', '.join(map(repr, TABLES))}."
            )
    if len(closed) != len(begun):
        missing = next(n for n in begun if begun.count(n) != closed.count(n))
        raise InvalidArgumentError(
            f"the marker <!-- begin: {missing} --> has no matching <!-- end: {missing} --> after it "
            "(each marker on a line of its own); add it."
        )
    lex = load_lexicon(lexicon)
    tables = {name: render_table(name, lex) for name in set(closed)}
    return _BLOCK.sub(lambda m: m.group(1) + "\n" + tables[m.group("name")] + "\n\n" + m.group(4), text)


def update_file(path, lexicon=None, *, check: bool = False) -> bool:
    """Rewrite the generated tables of the Markdown file ``path``; True when it changed (or would).

    With ``check=True`` the file is only compared, never written.
    """
    path = Path(path)
    if not path.is_file():
        raise InvalidArgumentError(f"{str(path)!r} is not a file; pass the path of docs/codebook.md.")
    old = path.read_bytes().decode("utf-8")
    new = update_text(old, lexicon)
    if new == old:
        return False
    if not check:
        path.write_bytes(new.encode("utf-8"))
    return True


def main(argv=None) -> int:
    """``python -m congress_lib.codebook [--check] [--lexicon DIR] FILE``."""
    parser = argparse.ArgumentParser(
        prog="python -m congress_lib.codebook",
        description="Rewrite the generated tables of the codebook (between <!-- begin: … --> and "
                    "<!-- end: … --> markers) from the lexicon.",
    )
    parser.add_argument("file", help="the codebook, e.g. docs/codebook.md")
    parser.add_argument("--check", action="store_true", help="only report whether the tables are up to date")
    parser.add_argument("--lexicon", default=None, help="a user lexicon folder extending the shipped one")
    args = parser.parse_args(argv)
    try:
        changed = update_file(args.file, args.lexicon, check=args.check)
    except (CongressLibError, OSError, UnicodeDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.check and changed:
        print(f"{args.file}: the generated tables are out of date; run python -m congress_lib.codebook {args.file}",
              file=sys.stderr)
        return 1
    print(f"{args.file}: {'tables rewritten' if changed else 'up to date'}")
    return 0


if __name__ == "__main__":  # pragma: no cover - exercised through a subprocess in the tests
    raise SystemExit(main())
