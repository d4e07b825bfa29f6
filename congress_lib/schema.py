"""Every table of the library, declared once.

A :class:`Table` says what a table holds and how it is made and written: its
columns (row tuples follow their order), which are integers, which a loaded
corpus keeps as categoricals, which the build writes, and, for a table derived
from others, the function that derives it. Everything that handles tables —
the per-document pipeline, the in-memory :class:`~congress_lib.corpus.Corpus`,
the streamed build that writes CSV, the Parquet writer, the cache — reads this
declaration, so a table is added or changed here and nowhere else.

Three kinds of table:

* **extracted**, made per document by the pipeline and its extractors
  (documents, units, sentences, quantities, indicators, mentions,
  practice_evidence, formula_evidence, and the tables of extra extractors);
* **derived per document** from those rows by :attr:`Table.derive` (texts,
  practices, formulas): every unit and sentence belongs to one document, so a
  derived table of the corpus is its documents' derived rows one after the
  other; they are made once per document, in the worker, and both the corpus
  and the build read them;
* **corpus-level**: ``rejected`` (made while the corpus is read) and the network
  tables (made from every document's mentions: :mod:`congress_lib.network`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

__all__ = ["Table", "TABLES", "EXTRACTED", "DERIVED", "OUTPUT_TABLES", "column_index", "derive_rows",
           "tables_of", "output_tables"]


@dataclass(frozen=True)
class Table:
    """The declaration of one table.

    Attributes
    ----------
    name : str
        Table name (and output file stem).
    columns : tuple of str
        Column order; row tuples follow it.
    ints : tuple of str
        Columns held as ``int64``.
    categorical : tuple of str
        Columns a loaded corpus holds as pandas categoricals (ids and codes repeated
        on many rows: a fifth to a tenth of the memory); the accessors hand out
        ordinary string columns.
    written : tuple of str or None
        The columns the build writes (None: all; ``()``: the table is not written).
    derive : callable or None
        For a table derived per document: ``derive(tables) -> rows``, from the
        document's rows of the other tables (``{name: [row tuple, ...]}``).
    """

    name: str
    columns: tuple[str, ...]
    ints: tuple[str, ...] = ()
    categorical: tuple[str, ...] = ()
    written: tuple[str, ...] | None = None
    derive: Callable[[dict], list[tuple]] | None = field(default=None, compare=False)

    @property
    def output_columns(self) -> tuple[str, ...]:
        return self.columns if self.written is None else self.written


def column_index(table: str, *columns: str):
    """Positions of ``columns`` in the row tuples of ``table`` (one int, or a tuple)."""
    cols = TABLES[table].columns
    at = tuple(cols.index(c) for c in columns)
    return at[0] if len(at) == 1 else at


# --- derived tables --------------------------------------------------------------------


def _texts(tables: dict) -> list[tuple]:
    """The cleaned text of the document (``documents.text``, which every offset indexes)."""
    doc_id, text = column_index("documents", "doc_id", "text")
    return [(row[doc_id], row[text]) for row in tables["documents"]]


def _practices(tables: dict) -> list[tuple]:
    """Unit × practice: cue phrases found, sentences holding one, and those sentences.

    Units in document order, then practice codes; ``sent_ids`` joins the distinct
    evidence sentences in order with ``;``.
    """
    key_at = column_index("practice_evidence", "doc_id", "unit_id", "jurisdiction", "practice", "label")
    sent_at = column_index("practice_evidence", "sent_id")
    groups: dict[tuple, list[str]] = {}
    for row in tables["practice_evidence"]:
        groups.setdefault(tuple(row[i] for i in key_at), []).append(row[sent_at])
    u_id = column_index("units", "unit_id")
    unit_order = {row[u_id]: i for i, row in enumerate(tables["units"])}
    rows = [(*key, len(sents), len(set(sents)), ";".join(dict.fromkeys(sents))) for key, sents in groups.items()]
    rows.sort(key=lambda r: (unit_order.get(r[1], -1), r[3]))
    return rows


def _formulas(tables: dict) -> list[tuple]:
    """Per unit: sentences, sentences carrying a political formula, formulas found, and the
    share of formula sentences (rounded to 6 decimals, 0.0 for a unit without sentences)."""
    sent_unit = column_index("sentences", "unit_id")
    ev_unit, ev_sent = column_index("formula_evidence", "unit_id", "sent_id")
    n_sent: dict[str, int] = {}
    for row in tables["sentences"]:
        n_sent[row[sent_unit]] = n_sent.get(row[sent_unit], 0) + 1
    hits: dict[str, list[str]] = {}
    for row in tables["formula_evidence"]:
        hits.setdefault(row[ev_unit], []).append(row[ev_sent])
    u_id, u_doc, u_jur = column_index("units", "unit_id", "doc_id", "jurisdiction")
    rows = []
    for unit in tables["units"]:
        unit_id = unit[u_id]
        ns = n_sent.get(unit_id, 0)
        sents = hits.get(unit_id, [])
        nf = len(set(sents))
        share = float(np.round(np.float64(nf) / np.float64(ns), 6)) if ns > 0 else 0.0  # (numpy's rounding)
        rows.append((unit[u_doc], unit_id, unit[u_jur], ns, nf, len(sents), share))
    return rows


# --- the declarations --------------------------------------------------------------------

_IDS = ("doc_id", "unit_id", "jurisdiction")

TABLES: dict[str, Table] = {t.name: t for t in (
    Table("documents",
          ("doc_id", "title", "date", "date_source", "province", "city", "district", "township", "genre", "source", "url",
           "notes", "format", "encoding", "script", "was_html", "n_chars", "n_units", "n_furniture_lines", "path", "sha256",
           "text", "raw_text"),
          ints=("n_chars", "n_units", "n_furniture_lines"),
          written=("doc_id", "title", "date", "date_source", "province", "city", "district", "township", "genre", "source",
                   "url", "notes", "format", "encoding", "script", "was_html", "n_chars", "n_units", "n_furniture_lines",
                   "path", "sha256")),
    Table("texts", ("doc_id", "text"), derive=_texts),
    Table("units",
          ("unit_id", "doc_id", "ordinal", "jurisdiction", "jurisdiction_level", "jurisdiction_source",
           "province", "city", "district", "heading", "start", "end",
           "township", "place_province", "place_prefecture", "place_county", "admin_code", "place_ambiguous"),
          ints=("ordinal", "start", "end")),
    Table("sentences", ("sent_id", "doc_id", "unit_id", "sent_no", "start", "end", "text"),
          ints=("sent_no", "start", "end")),
    Table("quantities",
          (*_IDS[:2], "jurisdiction", "sent_id", "surface", "value", "value_high", "unit", "approx", "approx_kind",
           "kind", "start", "end", "indicator", "coded_by"),
          ints=("start", "end"),
          categorical=("doc_id", "unit_id", "jurisdiction", "sent_id", "unit", "approx_kind", "kind", "indicator",
                       "coded_by")),
    Table("indicators",
          (*_IDS, "indicator", "value", "value_high", "unit", "approx", "surface", "start", "end", "sent_id",
           "approx_kind"),
          ints=("start", "end"),
          categorical=("doc_id", "unit_id", "jurisdiction", "indicator", "unit", "sent_id", "approx_kind")),
    Table("mentions",
          (*_IDS, "type", "surface", "canonical", "level", "branch", "start", "end", "sent_id"),
          ints=("start", "end"),
          categorical=("doc_id", "unit_id", "jurisdiction", "type", "level", "branch", "sent_id")),
    Table("practices",
          (*_IDS, "practice", "label", "count", "n_sentences", "sent_ids"),
          derive=_practices),
    Table("practice_evidence",
          (*_IDS, "practice", "label", "surface", "start", "end", "sent_id"),
          ints=("start", "end"),
          categorical=("doc_id", "unit_id", "jurisdiction", "practice", "label", "sent_id")),
    Table("formulas",
          (*_IDS, "n_sentences", "n_formula_sentences", "n_formulas", "share"),
          derive=_formulas),
    Table("formula_evidence",
          (*_IDS, "formula", "label", "surface", "start", "end", "sent_id"),
          ints=("start", "end"),
          categorical=("doc_id", "unit_id", "jurisdiction", "formula", "label", "sent_id")),
    Table("rejected", ("path", "reason", "kind")),
)}

#: Tables the per-document pipeline fills, in the order of :data:`TABLES`.
EXTRACTED = tuple(name for name, t in TABLES.items() if t.derive is None and name != "rejected")
#: Tables derived per document from the extracted ones.
DERIVED = tuple(name for name, t in TABLES.items() if t.derive is not None)
#: The tables a build writes, in output order (``rejected`` last; the network tables apart).
OUTPUT_TABLES = tuple(name for name, t in TABLES.items() if t.output_columns)


def tables_of(lexicon=None) -> dict[str, Table]:
    """Every table a corpus read with ``lexicon`` holds: the built-in ones, then those of the
    lexicon's extra extractors (:mod:`congress_lib.extract`), in output order."""
    extra = {e.name: e.table for e in getattr(lexicon, "extractors", ())}
    if not extra:
        return TABLES
    out = {name: t for name, t in TABLES.items() if name != "rejected"}
    out.update(extra)
    out["rejected"] = TABLES["rejected"]
    return out


def output_tables(lexicon=None) -> tuple[str, ...]:
    """The tables a build writes for ``lexicon`` (:data:`OUTPUT_TABLES` and the extractors')."""
    return tuple(name for name, t in tables_of(lexicon).items() if t.output_columns)


def derive_rows(tables: dict) -> dict[str, list[tuple]]:
    """The derived tables of one document from its extracted rows: ``{name: rows}``."""
    return {name: TABLES[name].derive(tables) for name in DERIVED}
