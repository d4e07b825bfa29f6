"""The corpus: documents, units, sentences and every extracted table.

``load_corpus(path)`` reads a corpus folder (or a list of files) and returns a
:class:`Corpus`. Nothing is lost: every file under the folder becomes either a
document or a row of ``corpus.rejected`` with the reason, and metadata problems
(bad dates, duplicate ids, rows for files that do not exist, unknown columns)
are rows of ``rejected`` too, with ``kind == "metadata"``.

Corpus folder layout (a **contract**, described for users in corpus/README.md)::

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
import stat
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import CorpusNotFoundError, InvalidArgumentError
from .ingest import format_of_name
from .pipeline import DocResult
from .schema import TABLES, Table, output_tables, tables_of
from .resources import Lexicon, load_lexicon
from .text import kwic_rows, tokenizer

__all__ = ["Corpus", "load_corpus", "METADATA_COLUMNS", "MAX_FILE_MB"]

#: Columns a metadata.csv may have (``doc_id`` is required).
METADATA_COLUMNS = ("doc_id", "title", "date", "province", "city", "district", "township", "genre", "source", "url", "notes")

#: Files larger than this (in MB, 10^6 bytes) are rejected unread, with the reason:
#: a report is rarely over 1 MB, and the limit keeps one stray dump or archive from
#: holding a build for hours. ``load_corpus(..., max_file_mb=...)`` and
#: ``congress-lib build --max-file-mb`` change it.
MAX_FILE_MB = 20.0

_NOT_REPORTS = {"metadata.csv", "readme.md", "readme.txt", "readme"}
_ANNOTATIONS = "annotations"

def _document_tables(schema: dict[str, Table]) -> tuple[str, ...]:
    """The tables a corpus makes per document (all but the rejected files)."""
    return tuple(name for name in schema if name != "rejected")


def _frame(name: str, rows: list, schema: dict[str, Table] = TABLES) -> pd.DataFrame:
    """One table from row tuples (or dicts) in its column order (:mod:`congress_lib.schema`); dtypes
    inferred, the integer columns ``int64``."""
    table = schema[name]
    cols = list(table.columns)
    df = pd.DataFrame(rows, columns=cols) if rows else pd.DataFrame({c: [] for c in cols})
    for col in table.ints:
        df[col] = df[col].astype("int64")
    return df.reset_index(drop=True)


def _concat(name: str, parts: list[pd.DataFrame], schema: dict[str, Table] = TABLES) -> pd.DataFrame:
    """Concatenate per-batch frames of one table into what :func:`_frame` makes of all rows at once.

    A batch infers each column's dtype from its own rows; a column that is
    missing (None) throughout one batch comes out ``object`` there while other
    batches say float64 or str. Such a column takes the dtype that inference over
    all rows gives (the non-missing batches' dtype); any other disagreement is
    settled by running the inference over the column's values.
    """
    parts = [p for p in parts if len(p)]
    if not parts:
        return _frame(name, [], schema)
    if len(parts) == 1:
        return parts[0].reset_index(drop=True)
    columns = {}
    for col in parts[0].columns:
        pieces = [p[col] for p in parts]
        if len({x.dtype for x in pieces}) > 1:
            typed = {x.dtype for x in pieces if not (x.dtype == object and x.isna().all())}
            target = typed.pop() if len(typed) == 1 else None
            if target is not None and (target == "float64" or pd.api.types.is_string_dtype(target)) \
                    and target != object:
                pieces = [x.astype(target) for x in pieces]  # None -> NaN, as inference over all rows
            else:  # anything else: let inference decide, as for one frame
                values = pd.concat([x.astype(object) for x in pieces], ignore_index=True)
                columns[col] = pd.DataFrame([(v,) for v in values], columns=[col])[col]
                continue
        columns[col] = pd.concat(pieces, ignore_index=True)
    return pd.DataFrame(columns)


def _compact(name: str, df: pd.DataFrame, schema: dict[str, Table] = TABLES) -> pd.DataFrame:
    """The table with its categorical columns (:attr:`~congress_lib.schema.Table.categorical`)
    as categoricals."""
    for col in schema[name].categorical if name in schema else ():
        if col in df.columns and pd.api.types.is_string_dtype(df[col]) and df[col].dtype != object:
            df[col] = df[col].astype("category")
    return df


def expand(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of the table with categorical columns turned back into string columns.

    This is the table as it was before :func:`_compact` (missing values NaN).
    """
    out = df.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.CategoricalDtype):
            out[col] = out[col].astype("str")
    return out


class Corpus:
    """A loaded corpus. Build it with :func:`load_corpus`.

    Attributes
    ----------
    documents, units, sentences, rejected : DataFrames (columns: README.md,
        section "The output folder"; units and sentences: docs/codebook.md §1).
    lexicon : the :class:`~congress_lib.resources.Lexicon` used.
    root : the corpus folder, or None when loaded from a list of files.
    """

    def __init__(self, tables: dict[str, pd.DataFrame], lexicon: Lexicon, root: Path | None = None,
                 inputs: Sequence[dict[str, str]] = ()):
        self.schema = tables_of(lexicon)
        missing = [t for t in self.schema if t not in tables]
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
        return expand(self._tables["quantities"])

    def indicators(self) -> pd.DataFrame:
        """Codebook indicators (docs/codebook.md §2), one row per quantity coded."""
        return expand(self._tables["indicators"])

    def mentions(self) -> pd.DataFrame:
        """Deputy / station / agency / congress mentions with canonical names (docs/codebook.md §3)."""
        return expand(self._tables["mentions"])

    def practice_evidence(self) -> pd.DataFrame:
        """One row per practice cue found (unit, sentence, offsets)."""
        return expand(self._tables["practice_evidence"])

    def practices(self) -> pd.DataFrame:
        """Unit × practice counts with evidence (docs/codebook.md §5).

        Columns: doc_id, unit_id, jurisdiction, practice, label, count,
        n_sentences, sent_ids (``;``-joined evidence sentences).
        """
        return expand(self._tables["practices"])

    def formula_evidence(self) -> pd.DataFrame:
        """One row per political formula found (unit, sentence, offsets)."""
        return expand(self._tables["formula_evidence"])

    def formulas(self) -> pd.DataFrame:
        """Per unit: sentences, sentences carrying a political formula, and their share (docs/codebook.md §6)."""
        return expand(self._tables["formulas"])

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
        """Any table by name, as the build writes it (the columns of its declaration in
        :mod:`congress_lib.schema`, or of an extra extractor's table): ``documents`` is the
        metadata and counts of each report, its cleaned text (what every offset indexes) the
        ``texts`` table.
        """
        names = output_tables(self.lexicon)
        if name not in names:
            raise InvalidArgumentError(f"no table {name!r}; choose one of {', '.join(names)}.")
        df = expand(self._tables[name])
        columns = list(self.schema[name].output_columns)
        return df if list(df.columns) == columns else df[columns]


def _locate(hits: pd.DataFrame, spans: pd.DataFrame, id_col: str) -> list:
    """For each hit (doc_id, start) the id of the span containing it, or ''.

    The spans of a document (units, sentences) do not overlap: sorted by start,
    the one that can contain a hit is the last that starts at or before it.
    """
    out = []
    by_doc = {}
    for d, g in spans.groupby("doc_id", sort=False, observed=True):
        g = g.sort_values("start")
        by_doc[d] = (g["start"].tolist(), g["end"].tolist(), g[id_col].astype(object).tolist())
    for doc_id, start in hits[["doc_id", "start"]].itertuples(index=False):
        found = ""
        got = by_doc.get(doc_id)
        if got is not None:
            i = bisect_right(got[0], start) - 1
            if i >= 0 and start < got[1][i]:
                found = got[2][i]
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


def _list_files(root: Path) -> tuple[list[tuple[str, str]], list[dict]]:
    """Files that are candidate reports, as (path, path relative to the reports folder), and rejects.

    Paths are handled as strings: on 10^5 files, ``pathlib`` objects cost a second.
    """
    rejected: list[dict] = []
    reports = root / "reports"
    base = reports if reports.is_dir() else root
    files: list[tuple[str, str]] = []
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
        at_root = Path(dirpath) == root
        if at_root:
            dirnames[:] = [d for d in dirnames if d not in (_ANNOTATIONS, "reports") and not d.startswith(".")]
        else:
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        dirnames.sort()
        prefix = Path(dirpath).relative_to(base).as_posix() + "/"
        if prefix == "./":
            prefix = ""
        for name in sorted(filenames):
            if at_root and name.lower() in _NOT_REPORTS:
                continue
            files.append((os.path.join(dirpath, name), prefix + name))
    return files, rejected


def _stem(name: str) -> str:
    """``pathlib.PurePath(name).stem``: the name without its last suffix (``a.b.txt`` → ``a.b``)."""
    i = name.rfind(".")
    return name[:i] if 0 < i < len(name) - 1 else name


def load_corpus(path: str | os.PathLike | Sequence[str | os.PathLike], *, lexicon: str | os.PathLike | Lexicon | None = None,
                metadata: str | os.PathLike | None = None, engine: str = "serial", cache: bool | str | os.PathLike = False,
                client: Any = None, progress: bool | None = None, max_file_mb: float = MAX_FILE_MB,
                extractors: Sequence = (), shared_disk: bool | None = None,
                cluster_timeout: float | None = None) -> Corpus:
    """Load a corpus folder, or a list of report files, into a :class:`Corpus`.

    Parameters
    ----------
    path : a corpus folder (see the module docstring) or a list of file paths.
    lexicon : a folder of YAML files extending/overriding the shipped lexicons.
    metadata : a metadata.csv to use instead of ``<folder>/metadata.csv``.
    engine : ``"serial"``, ``"processes"`` (all local cores) or ``"dask"``.
    cache : False, True (default cache folder) or a folder for per-document results.
    client : for ``engine="dask"``: a ``dask.distributed.Client``, the address of a running
        scheduler (``"tcp://host:8786"``) or its scheduler file (a ``pathlib.Path``); None
        starts a local cluster for the call.
    progress : show a progress bar (default: only for runs of 200+ files).
    max_file_mb : files larger than this many MB (10^6 bytes) are rejected unread,
        with the reason ``too large (… MB > … MB limit)`` (default :data:`MAX_FILE_MB`).
    extractors : extra extractors (:class:`congress_lib.extract.SentenceExtractor`), each
        making a table of its own beside the built-in ones (``corpus.table(name)``).
    shared_disk : with dask, whether the workers see the reports (and the cache) at the same
        paths: True, they read them; False (the default on any cluster but the local one),
        this process reads each report once and ships its bytes, and alone uses the cache.
    cluster_timeout : with dask, the seconds to wait for the scheduler, and for a worker when
        none is left, before a :class:`~congress_lib.errors.ClusterError` (default 60).

    Examples
    --------
    >>> import congress_lib as cl
    >>> corpus = cl.load_corpus("corpus")            # doctest: +SKIP
    >>> corpus.indicators().head()                    # doctest: +SKIP
    """
    prep = prepare(path, lexicon=lexicon, metadata=metadata, max_file_mb=max_file_mb, extractors=extractors)
    from .engines import iter_batches

    asm = Assembler(prep)
    for batch in iter_batches(prep.jobs, prep.lexicon, engine=engine, cache=cache, client=client,
                              progress=progress, shared_disk=shared_disk, cluster_timeout=cluster_timeout):
        asm.add(batch)
    return asm.corpus()


class Prepared:
    """A corpus folder read up to the point of processing: jobs, metadata and early rejects."""

    def __init__(self, lexicon: Lexicon, root: Path | None, jobs: list, rejected: list[dict],
                 meta: dict[str, dict[str, str]], stems: dict[str, str]):
        self.lexicon = lexicon
        self.root = root
        self.jobs = jobs
        self.rejected = rejected
        self.meta = meta
        self.stems = stems

    def final_rejects(self) -> list[dict]:
        """Metadata rows without a file (reported after every file's own reject)."""
        return [{"path": f"metadata.csv ({doc_id})", "reason": f"metadata row for {doc_id!r} has no file; "
                 "add the report or remove the row", "kind": "metadata"}
                for doc_id in sorted(set(self.meta) - set(self.stems))]


def prepare(path, *, lexicon=None, metadata=None, max_file_mb: float = MAX_FILE_MB, extractors: Sequence = ()) -> Prepared:
    """List the files of a corpus, read its metadata and make the jobs (see :func:`load_corpus`)."""
    if isinstance(max_file_mb, bool) or not isinstance(max_file_mb, (int, float)) or not max_file_mb > 0:
        raise InvalidArgumentError(f"max_file_mb must be a positive number of megabytes, not {max_file_mb!r}; "
                                   f"e.g. max_file_mb={MAX_FILE_MB:g}.")
    max_bytes = max_file_mb * 1_000_000  # (a float: inf means no limit)
    lex = load_lexicon(lexicon).with_extractors(extractors)
    rejected: list[dict] = []
    root: Path | None
    if isinstance(path, (str, os.PathLike)):
        root = Path(path)
        if not root.exists():
            raise CorpusNotFoundError(
                f"corpus path {str(root)!r} does not exist; pass a folder of .txt reports (e.g. 'corpus') "
                "or a list of files.")
        if root.is_file():
            files, root = [(str(root), root.name)], None
        else:
            files, walk_rejects = _list_files(root)
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
        files = [(str(p.resolve()), p.resolve().relative_to(base).as_posix()) for p in files]
    else:
        raise InvalidArgumentError(
            f"load_corpus needs a folder path or a list of file paths, not {type(path).__name__}; "
            "e.g. cl.load_corpus('corpus').")
    if not files and not rejected:
        raise CorpusNotFoundError(f"no files found under {str(path)!r}; put the reports (.txt, .html, .pdf, .docx) "
                                  "in it.")

    meta_path = Path(metadata) if metadata is not None else (root / "metadata.csv" if root else None)
    if metadata is not None and not meta_path.is_file():
        raise CorpusNotFoundError(f"metadata file {str(meta_path)!r} does not exist; pass an existing CSV or None.")
    meta = _read_metadata(meta_path, rejected) if meta_path and meta_path.is_file() else {}

    jobs = []
    stems: dict[str, str] = {}
    for file, rel in files:
        name = rel.rsplit("/", 1)[-1]
        doc_id = _stem(name)
        if name.startswith("."):
            rejected.append({"path": rel, "reason": "hidden file (name starts with '.'); not a report", "kind": "file"})
            continue
        if doc_id in stems:
            rejected.append({"path": rel, "reason": f"duplicate doc_id {doc_id!r} (same file stem as "
                             f"{stems[doc_id]}); rename one of them", "kind": "file"})
            continue
        try:
            st = os.stat(file)
        except OSError:
            st = None
        if st is None or not stat.S_ISREG(st.st_mode):
            rejected.append({"path": rel, "reason": "not a regular file (a folder, device or broken link)",
                             "kind": "file"})
            continue
        if st.st_size > max_bytes:
            rejected.append({"path": rel, "reason": f"too large ({st.st_size / 1e6:.1f} MB > {max_file_mb:g} MB "
                             "limit): split the report, or raise the limit (max_file_mb=, --max-file-mb)",
                             "kind": "file"})
            continue
        stems[doc_id] = rel
        row = meta.get(doc_id, {})
        if format_of_name(name):
            # The reader the name calls for is part of the job's metadata, so that a cached
            # result (keyed by bytes and metadata) of the same bytes under another name is
            # not reused.
            row = {**row, "format": format_of_name(name)}
        jobs.append((doc_id, rel, file, row))
    return Prepared(lex, root, jobs, rejected, meta, stems)


class Assembler:
    """Takes the results batch by batch, in input order: rejects, duplicates, tables.

    A document whose cleaned text equals an earlier document's is rejected as a
    duplicate of it. :meth:`add` returns the batch's accepted results; the rows
    are kept only when ``keep`` is true (the in-memory :class:`Corpus`), as one
    frame per table and batch, so the Python row tuples are freed batch by batch.
    """

    def __init__(self, prep: Prepared, keep: bool = True):
        self.prep = prep
        self.keep = keep
        self.rejected = list(prep.rejected)
        self.loaded: list[dict[str, str]] = []
        self._seen: dict[str, str] = {}
        self.schema = tables_of(prep.lexicon)
        self._parts: dict[str, list[pd.DataFrame]] = {name: [] for name in _document_tables(self.schema)}

    def add(self, batch: list[DocResult]) -> list[DocResult]:
        accepted = []
        for res in batch:
            if res.reject:
                self.rejected.append({"path": res.path, "reason": res.reject, "kind": "file"})
                continue
            first = self._seen.get(res.content_hash)
            if first is not None:
                self.rejected.append({"path": res.path, "reason": f"duplicate content of document {first!r}",
                                      "kind": "file"})
                continue
            self._seen[res.content_hash] = res.doc_id
            self.loaded.append({"doc_id": res.doc_id, "path": res.path, "sha256": res.sha256})
            accepted.append(res)
        if self.keep and accepted:
            for name in self._parts:
                rows = [row for res in accepted for row in res.tables[name]]
                if rows:
                    self._parts[name].append(_frame(name, rows, self.schema))
        return accepted

    def all_rejected(self) -> list[dict]:
        return self.rejected + self.prep.final_rejects()

    def corpus(self) -> Corpus:
        frames = {name: _compact(name, _concat(name, parts, self.schema), self.schema)
                  for name, parts in self._parts.items()}
        self._parts = {name: [] for name in self._parts}
        frames["rejected"] = _frame("rejected", self.all_rejected())
        return Corpus(frames, self.prep.lexicon, self.prep.root, self.loaded)


def batch_corpus(results: list[DocResult], lexicon: Lexicon) -> Corpus:
    """A :class:`Corpus` of a few processed documents (no rejects, no duplicate check)."""
    schema = tables_of(lexicon)
    frames = {name: _frame(name, [row for res in results for row in res.tables[name]], schema)
              for name in _document_tables(schema)}
    frames["rejected"] = _frame("rejected", [])
    return Corpus(frames, lexicon, None, [])


def escape_html(value: Any) -> str:
    """HTML-escape a cell for display (reports may contain ``<script>``)."""
    return html.escape(str(value))
