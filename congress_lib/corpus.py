"""The corpus: documents, units, sentences and every extracted table.

``load_corpus(path)`` reads a corpus folder (or a list of files) and returns a
:class:`Corpus`. Nothing is lost: every file under the folder becomes either a
document or a row of ``corpus.rejected`` with the reason, and metadata problems
(bad dates, duplicate ids, rows for files that do not exist, unknown columns)
are rows of ``rejected`` too, with ``kind == "metadata"``.

Corpus folder layout (the **contract** of DESIGN.md)::

    corpus/
      metadata.csv        optional: doc_id,title,date,province,city,district,genre,source,url[,notes]
      README.md           optional, not a report
      annotations/        optional gold annotations, not reports
      reports/            the reports (if this folder exists; otherwise the
                          reports are the other files of corpus/ itself)

``doc_id`` is the file stem.
"""

from __future__ import annotations

import csv
import datetime as _dt
import html
import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import CorpusNotFoundError, InvalidArgumentError
from .pipeline import TABLES, DocResult, process_document
from .resources import Lexicon, load_lexicon
from .text import kwic_rows, tokenizer

__all__ = ["Corpus", "load_corpus", "METADATA_COLUMNS"]

#: Columns a metadata.csv may have (``doc_id`` is required).
METADATA_COLUMNS = ("doc_id", "title", "date", "province", "city", "district", "genre", "source", "url", "notes")

_NOT_REPORTS = {"metadata.csv", "readme.md", "readme.txt", "readme"}
_ANNOTATIONS = "annotations"

#: Column order of each table (the DESIGN.md contracts come first).
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "title", "date", "date_source", "province", "city", "district", "genre",
                  "source", "url", "notes", "encoding", "script", "was_html", "n_chars", "n_units",
                  "n_furniture_lines", "path", "sha256", "text", "raw_text"),
    "units": ("unit_id", "doc_id", "ordinal", "jurisdiction", "jurisdiction_level", "jurisdiction_source",
              "province", "city", "district", "heading", "start", "end"),
    "sentences": ("sent_id", "doc_id", "unit_id", "sent_no", "start", "end", "text"),
    "quantities": ("doc_id", "unit_id", "jurisdiction", "sent_id", "surface", "value", "value_high", "unit",
                   "approx", "approx_kind", "kind", "start", "end", "indicator"),
    "indicators": ("doc_id", "unit_id", "jurisdiction", "indicator", "value", "value_high", "unit", "approx",
                   "surface", "start", "end", "sent_id", "approx_kind"),
    "mentions": ("doc_id", "unit_id", "jurisdiction", "type", "surface", "canonical", "level", "branch",
                 "start", "end", "sent_id"),
    "practice_evidence": ("doc_id", "unit_id", "jurisdiction", "practice", "label", "surface", "start", "end",
                          "sent_id"),
    "formula_evidence": ("doc_id", "unit_id", "jurisdiction", "formula", "label", "surface", "start", "end",
                         "sent_id"),
    "rejected": ("path", "reason", "kind"),
}


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    cols = list(COLUMNS[name])
    df = pd.DataFrame(rows, columns=cols) if rows else pd.DataFrame({c: [] for c in cols})
    for col in ("start", "end", "ordinal", "sent_no", "n_chars", "n_units", "n_furniture_lines"):
        if col in df.columns:
            df[col] = df[col].astype("int64")
    return df.reset_index(drop=True)


class Corpus:
    """A loaded corpus. Build it with :func:`load_corpus`.

    Attributes
    ----------
    documents, units, sentences, rejected : DataFrames (see DESIGN.md).
    lexicon : the :class:`~congress_lib.resources.Lexicon` used.
    root : the corpus folder, or None when loaded from a list of files.
    """

    def __init__(self, tables: dict[str, pd.DataFrame], lexicon: Lexicon, root: Path | None = None,
                 inputs: Sequence[dict[str, str]] = ()):
        missing = [t for t in (*TABLES, "rejected") if t not in tables]
        if missing:
            raise InvalidArgumentError(f"Corpus needs the tables {missing}; build it with load_corpus().")
        self._tables = tables
        self.lexicon = lexicon
        self.root = root
        self.inputs = list(inputs)

    # -- core tables -------------------------------------------------------------
    @property
    def documents(self) -> pd.DataFrame:
        return self._tables["documents"]

    @property
    def units(self) -> pd.DataFrame:
        return self._tables["units"]

    @property
    def sentences(self) -> pd.DataFrame:
        return self._tables["sentences"]

    @property
    def rejected(self) -> pd.DataFrame:
        return self._tables["rejected"]

    def __len__(self) -> int:
        return len(self.documents)

    def __repr__(self) -> str:
        return (f"<Corpus: {len(self.documents)} documents, {len(self.units)} units, "
                f"{len(self.sentences)} sentences, {len(self.rejected)} rejected>")

    def text(self, doc_id: str) -> str:
        """The cleaned text of one document (what all offsets index)."""
        hit = self.documents.loc[self.documents["doc_id"] == doc_id, "text"]
        if hit.empty:
            raise InvalidArgumentError(f"no document {doc_id!r}; see corpus.documents.doc_id for the ids.")
        return hit.iloc[0]

    # -- extracted tables ------------------------------------------------------------
    def quantities(self) -> pd.DataFrame:
        """Every number in the text with its unit, value, hedge, kind and indicator code."""
        return self._tables["quantities"].copy()

    def indicators(self) -> pd.DataFrame:
        """Codebook indicators (CODEBOOK.md §2), one row per quantity coded."""
        return self._tables["indicators"].copy()

    def mentions(self) -> pd.DataFrame:
        """Deputy / station / agency / congress mentions with canonical names (§3)."""
        return self._tables["mentions"].copy()

    def practice_evidence(self) -> pd.DataFrame:
        """One row per practice cue found (unit, sentence, offsets)."""
        return self._tables["practice_evidence"].copy()

    def practices(self) -> pd.DataFrame:
        """Unit × practice counts with evidence (CODEBOOK.md §5).

        Columns: doc_id, unit_id, jurisdiction, practice, label, count,
        n_sentences, sent_ids (``;``-joined evidence sentences).
        """
        ev = self._tables["practice_evidence"]
        cols = ["doc_id", "unit_id", "jurisdiction", "practice", "label", "count", "n_sentences", "sent_ids"]
        if ev.empty:
            return pd.DataFrame({c: [] for c in cols})
        keys = ["doc_id", "unit_id", "jurisdiction", "practice", "label"]
        out = (ev.groupby(keys, sort=False, observed=True)
                 .agg(count=("surface", "size"), n_sentences=("sent_id", "nunique"),
                      sent_ids=("sent_id", lambda s: ";".join(dict.fromkeys(s))))
                 .reset_index())
        order = {u: i for i, u in enumerate(self.units["unit_id"])}
        out["_o"] = out["unit_id"].map(order)
        return out.sort_values(["_o", "practice"]).drop(columns="_o").reset_index(drop=True)[cols]

    def formula_evidence(self) -> pd.DataFrame:
        """One row per political formula found (unit, sentence, offsets)."""
        return self._tables["formula_evidence"].copy()

    def formulas(self) -> pd.DataFrame:
        """Per unit: sentences, sentences carrying a political formula, and their share (§6)."""
        sents = self.sentences.groupby("unit_id", sort=False).size()
        ev = self._tables["formula_evidence"]
        with_f = ev.groupby("unit_id", sort=False)["sent_id"].nunique() if not ev.empty else pd.Series(dtype="int64")
        n_hits = ev.groupby("unit_id", sort=False).size() if not ev.empty else pd.Series(dtype="int64")
        out = self.units[["doc_id", "unit_id", "jurisdiction"]].copy()
        out["n_sentences"] = out["unit_id"].map(sents).fillna(0).astype("int64")
        out["n_formula_sentences"] = out["unit_id"].map(with_f).fillna(0).astype("int64")
        out["n_formulas"] = out["unit_id"].map(n_hits).fillna(0).astype("int64")
        denom = out["n_sentences"].where(out["n_sentences"] > 0)
        out["share"] = (out["n_formula_sentences"] / denom).fillna(0.0).round(6)
        return out.reset_index(drop=True)

    # -- text tools --------------------------------------------------------------------
    def tokens(self, *, doc_ids: Iterable[str] | None = None) -> pd.DataFrame:
        """Tidy tokens: doc_id, unit_id, sent_id, position, token (jieba + domain dictionary)."""
        tok = tokenizer(self.lexicon)
        sents = self.sentences
        if doc_ids is not None:
            wanted = set(doc_ids)
            sents = sents[sents["doc_id"].isin(wanted)]
        rows = []
        for doc_id, unit_id, sent_id, text in sents[["doc_id", "unit_id", "sent_id", "text"]].itertuples(index=False):
            for pos, token in enumerate(t for t in tok.lcut(text) if t.strip()):
                rows.append((doc_id, unit_id, sent_id, pos, token))
        return pd.DataFrame(rows, columns=["doc_id", "unit_id", "sent_id", "position", "token"])

    def kwic(self, term: str, window: int = 20) -> pd.DataFrame:
        """Keyword in context: one row per occurrence of ``term`` in the cleaned texts.

        ``term`` is converted to simplified characters first. Columns: doc_id,
        unit_id, sent_id, start, end, left, keyword, right.
        """
        if not isinstance(term, str) or not term.strip():
            raise InvalidArgumentError("kwic needs a non-empty search term (a str), e.g. corpus.kwic('联络站').")
        if isinstance(window, bool) or not isinstance(window, int) or window < 0:
            raise InvalidArgumentError(f"window must be a non-negative int (characters of context), not {window!r}.")
        from .ingest import fold_width, to_simplified

        term = to_simplified(fold_width(term.strip()))
        rows = []
        for doc_id, text in self.documents[["doc_id", "text"]].itertuples(index=False):
            rows.extend(kwic_rows(doc_id, text, term, window))
        cols = ["doc_id", "unit_id", "sent_id", "start", "end", "left", "keyword", "right"]
        if not rows:
            return pd.DataFrame({c: [] for c in cols})
        df = pd.DataFrame(rows)
        df["unit_id"] = _locate(df, self.units, "unit_id")
        df["sent_id"] = _locate(df, self.sentences, "sent_id")
        return df[cols].reset_index(drop=True)

    # -- output ---------------------------------------------------------------------------
    def table(self, name: str) -> pd.DataFrame:
        """Any output table by name (see :data:`OUTPUT_TABLES`)."""
        getters = {
            "documents": lambda: self.documents.drop(columns=["raw_text"]),
            "units": lambda: self.units, "sentences": lambda: self.sentences,
            "quantities": self.quantities, "indicators": self.indicators, "mentions": self.mentions,
            "practices": self.practices, "practice_evidence": self.practice_evidence,
            "formulas": self.formulas, "formula_evidence": self.formula_evidence,
            "rejected": lambda: self.rejected,
        }
        if name not in getters:
            raise InvalidArgumentError(f"no table {name!r}; choose one of {', '.join(getters)}.")
        return getters[name]()


OUTPUT_TABLES = ("documents", "units", "sentences", "quantities", "indicators", "mentions", "practices",
                 "practice_evidence", "formulas", "formula_evidence", "rejected")


def _locate(hits: pd.DataFrame, spans: pd.DataFrame, id_col: str) -> list:
    """For each hit (doc_id, start) the id of the span containing it, or ''."""
    out = []
    by_doc = {d: g[["start", "end", id_col]].to_numpy() for d, g in spans.groupby("doc_id", sort=False)}
    for doc_id, start in hits[["doc_id", "start"]].itertuples(index=False):
        found = ""
        for s, e, ident in by_doc.get(doc_id, ()):
            if s <= start < e:
                found = ident
                break
        out.append(found)
    return out


# --- loading ------------------------------------------------------------------------


def _read_metadata(path: Path, rejected: list[dict]) -> dict[str, dict[str, str]]:
    rel = path.name
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        rejected.append({"path": rel, "reason": f"metadata.csv unreadable ({exc}); save it as UTF-8 CSV",
                         "kind": "metadata"})
        return {}
    reader = csv.DictReader(io.StringIO(text))
    fields = reader.fieldnames or []
    if "doc_id" not in fields:
        rejected.append({"path": rel, "reason": "metadata.csv has no doc_id column; add one (doc_id = file stem)",
                         "kind": "metadata"})
        return {}
    for col in fields:
        if col not in METADATA_COLUMNS:
            rejected.append({"path": rel, "reason": f"unknown column {col!r} ignored; known columns: "
                             + ", ".join(METADATA_COLUMNS), "kind": "metadata"})
    meta: dict[str, dict[str, str]] = {}
    for line_no, row in enumerate(reader, start=2):
        doc_id = (row.get("doc_id") or "").strip()
        where = f"{rel}:{line_no}"
        if not doc_id:
            rejected.append({"path": where, "reason": "row without doc_id ignored", "kind": "metadata"})
            continue
        if doc_id in meta:
            rejected.append({"path": where, "reason": f"duplicate doc_id {doc_id!r}: first row kept",
                             "kind": "metadata"})
            continue
        clean = {k: (row.get(k) or "").strip() for k in METADATA_COLUMNS if k != "doc_id"}
        if clean["date"]:
            try:
                _dt.date.fromisoformat(clean["date"])
                if len(clean["date"]) != 10:
                    raise ValueError
            except ValueError:
                rejected.append({"path": where, "reason": f"bad date {clean['date']!r} for {doc_id!r} "
                                 "(expected YYYY-MM-DD); date left empty", "kind": "metadata"})
                clean["date"] = ""
        meta[doc_id] = clean
    return meta


def _list_files(root: Path) -> tuple[list[Path], Path, list[dict]]:
    """Files that are candidate reports, the folder they are relative to, and rejects."""
    rejected: list[dict] = []
    reports = root / "reports"
    base = reports if reports.is_dir() else root
    files: list[Path] = []
    seen_dirs: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(base, followlinks=True):
        st = os.stat(dirpath)
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            rejected.append({"path": Path(dirpath).relative_to(base).as_posix(),
                             "reason": "folder already visited (symbolic link loop); skipped", "kind": "file"})
            dirnames[:] = []
            continue
        seen_dirs.add(key)
        here = Path(dirpath)
        if here == root:
            dirnames[:] = [d for d in dirnames if d not in (_ANNOTATIONS, "reports") and not d.startswith(".")]
        else:
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        dirnames.sort()
        for name in sorted(filenames):
            path = here / name
            if here == root and name.lower() in _NOT_REPORTS:
                continue
            files.append(path)
    return files, base, rejected


def load_corpus(path: str | os.PathLike | Sequence[str | os.PathLike], *, lexicon: str | os.PathLike | Lexicon | None = None,
                metadata: str | os.PathLike | None = None, engine: str = "serial", cache: bool | str | os.PathLike = False,
                client: Any = None, progress: bool | None = None) -> Corpus:
    """Load a corpus folder, or a list of report files, into a :class:`Corpus`.

    Parameters
    ----------
    path : a corpus folder (see the module docstring) or a list of file paths.
    lexicon : a folder of YAML files extending/overriding the shipped lexicons.
    metadata : a metadata.csv to use instead of ``<folder>/metadata.csv``.
    engine : ``"serial"``, ``"processes"`` (all local cores) or ``"dask"``.
    cache : False, True (default cache folder) or a folder for per-document results.
    client : a ``dask.distributed.Client`` for ``engine="dask"``.
    progress : show a progress bar (default: only for runs of 200+ files).

    Examples
    --------
    >>> import congress_lib as cl
    >>> corpus = cl.load_corpus("corpus")            # doctest: +SKIP
    >>> corpus.indicators().head()                    # doctest: +SKIP
    """
    lex = load_lexicon(lexicon)
    rejected: list[dict] = []
    root: Path | None
    if isinstance(path, (str, os.PathLike)):
        root = Path(path)
        if not root.exists():
            raise CorpusNotFoundError(
                f"corpus path {str(root)!r} does not exist; pass a folder of .txt reports (e.g. 'corpus') "
                "or a list of files.")
        if root.is_file():
            files, base, root = [root], root.parent, None
        else:
            files, base, walk_rejects = _list_files(root)
            rejected.extend(walk_rejects)
    elif isinstance(path, Sequence) and not isinstance(path, (bytes, bytearray)):
        files = []
        for p in path:
            if not isinstance(p, (str, os.PathLike)):
                raise InvalidArgumentError(f"load_corpus got {type(p).__name__} in its list of paths; "
                                           "pass file paths as str or pathlib.Path.")
            files.append(Path(p))
        missing = [str(p) for p in files if not p.exists()]
        if missing:
            raise CorpusNotFoundError(f"{len(missing)} file(s) do not exist: {', '.join(missing[:5])}; "
                                      "check the paths.")
        base, root = Path(os.path.commonpath([str(p.resolve().parent) for p in files])) if files else Path("."), None
        files = [p.resolve() for p in files]
    else:
        raise InvalidArgumentError(
            f"load_corpus needs a folder path or a list of file paths, not {type(path).__name__}; "
            "e.g. cl.load_corpus('corpus').")
    if not files and not rejected:
        raise CorpusNotFoundError(f"no files found under {str(path)!r}; put the reports (.txt) in it.")

    meta_path = Path(metadata) if metadata is not None else (root / "metadata.csv" if root else None)
    if metadata is not None and not meta_path.is_file():
        raise CorpusNotFoundError(f"metadata file {str(meta_path)!r} does not exist; pass an existing CSV or None.")
    meta = _read_metadata(meta_path, rejected) if meta_path and meta_path.is_file() else {}

    jobs = []
    stems: dict[str, str] = {}
    for file in files:
        rel = file.relative_to(base).as_posix() if file.is_relative_to(base) else file.name
        doc_id = file.stem
        if file.name.startswith("."):
            rejected.append({"path": rel, "reason": "hidden file (name starts with '.'); not a report", "kind": "file"})
            continue
        if doc_id in stems:
            rejected.append({"path": rel, "reason": f"duplicate doc_id {doc_id!r} (same file stem as "
                             f"{stems[doc_id]}); rename one of them", "kind": "file"})
            continue
        if not file.is_file():
            rejected.append({"path": rel, "reason": "not a regular file (a folder, device or broken link)",
                             "kind": "file"})
            continue
        stems[doc_id] = rel
        jobs.append((doc_id, rel, str(file), meta.get(doc_id, {})))

    from .engines import run_jobs

    results: list[DocResult] = run_jobs(jobs, lex, engine=engine, cache=cache, client=client, progress=progress)

    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    seen_content: dict[str, str] = {}
    loaded: list[dict[str, str]] = []
    for res in results:
        if res.reject:
            rejected.append({"path": res.path, "reason": res.reject, "kind": "file"})
            continue
        if res.content_hash in seen_content:
            rejected.append({"path": res.path, "reason": f"duplicate content of document {seen_content[res.content_hash]!r}",
                             "kind": "file"})
            continue
        seen_content[res.content_hash] = res.doc_id
        loaded.append({"doc_id": res.doc_id, "path": res.path, "sha256": res.sha256})
        for name in TABLES:
            tables[name].extend(res.tables[name])
    for doc_id in sorted(set(meta) - set(stems)):
        rejected.append({"path": f"metadata.csv ({doc_id})", "reason": f"metadata row for {doc_id!r} has no file; "
                         "add the report or remove the row", "kind": "metadata"})
    frames = {name: _frame(name, rows) for name, rows in tables.items()}
    frames["rejected"] = _frame("rejected", rejected)
    return Corpus(frames, lex, root, loaded)


def escape_html(value: Any) -> str:
    """HTML-escape a cell for display (reports may contain ``<script>``)."""
    return html.escape(str(value))
