"""The output folder: every table written to disk, the network files, manifest.json.

``build`` (``congress-lib build``) reads a corpus and writes its tables into a folder;
``write_tables`` writes those of an in-memory :class:`~congress_lib.corpus.Corpus`.
The command line (:mod:`congress_lib.cli`) only parses its arguments and calls them.

With CSV output the build streams: documents are processed batch by batch, each
batch's rows are formatted as CSV in the worker that made them (a piece per
document and table; with ``compress``, a gzip member) and cached with the document
when a cache is given, then appended to the output files, so memory stays bounded
on 10^5 reports. The files are byte for byte what :func:`write_tables` writes from
an in-memory corpus. Parquet output goes through the in-memory corpus. The tables
and their columns come from :mod:`congress_lib.schema` (with the tables of extra
extractors).

``excel`` starts every CSV file with a UTF-8 byte order mark (inside the gzip
content with ``compress``), by which Excel recognises UTF-8; ``with_sentences``
adds to indicators and mentions a last column, ``sentence``, the text of the
row's sentence (:func:`sentence_column`).

With a cache, a build also leaves in it a record of the output folder (see
:mod:`congress_lib.engines`): a rebuild whose inputs, lexicon, code and format are
those of the recorded build, into a folder whose files are unchanged since, has
nothing to write and says so (``force`` writes it all again).
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
import re
import tempfile
from collections import Counter, deque
from collections.abc import Iterable
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from .errors import InvalidArgumentError
from .schema import column_index, output_tables, tables_of

__all__ = ["build", "run_build", "write_tables", "safe_for_spreadsheet", "sentence_column", "output_table",
           "csv_text", "render_csv", "CsvRenderer", "Rendered", "gzip_member"]

_RISKY = ("=", "+", "-", "@", "\t", "\r")


def _protect(value):
    return "'" + value if isinstance(value, str) and value.startswith(_RISKY) else value


def safe_for_spreadsheet(df: pd.DataFrame) -> pd.DataFrame:
    """Protect text cells against spreadsheet formula injection.

    A text cell that begins with ``= + - @`` (or a tab/CR) is prefixed with an
    apostrophe, which spreadsheets show as text instead of evaluating. Numeric
    columns are untouched. Applies to CSV output only; Parquet keeps the text as is.
    String columns are checked with vectorised string methods (categoricals on
    their categories); only ``object`` columns are visited cell by cell.
    """
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if isinstance(s.dtype, pd.CategoricalDtype):
            if any(isinstance(c, str) and c.startswith(_RISKY) for c in s.cat.categories):
                out[col] = s.astype(object).map(_protect)
        elif s.dtype == object:
            out[col] = s.map(_protect)
        elif pd.api.types.is_string_dtype(s):
            risky = s.str.startswith(_RISKY).fillna(False).astype(bool)
            if risky.any():
                out[col] = s.where(~risky, "'" + s)
    return out


def _flatten(df: pd.DataFrame) -> pd.DataFrame:
    """Lists and dicts in cells (only ``object`` columns can hold them) as sorted-key JSON."""
    flat = df.copy()
    for col in flat.columns:
        if flat[col].dtype == object and flat[col].map(lambda v: isinstance(v, (list, dict))).any():
            flat[col] = flat[col].map(lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True)
                                      if isinstance(v, (list, dict)) else v)
    return flat


def csv_text(df: pd.DataFrame, header: bool = True) -> str:
    """A table as the CSV text the build writes (JSON for nested cells, spreadsheet-safe)."""
    return safe_for_spreadsheet(_flatten(df)).to_csv(None, index=False, header=header, lineterminator="\n")


#: ``--with-sentences``: the tables that get a last column, :data:`SENTENCE_COLUMN`, the
#: text of the row's sentence, so that one file shows every number and mention with its
#: evidence (off by default: on 10^5 reports it adds gigabytes).
SENTENCE_TABLES = ("indicators", "mentions")
SENTENCE_COLUMN = "sentence"


def sentence_column(sent_ids: Iterable, sentences: Iterable[tuple]) -> list[str]:
    """The ``sentence`` column of ``--with-sentences``: for each of ``sent_ids`` the text of
    that sentence of ``sentences`` (``(sent_id, text)`` pairs), ``""`` where there is none.

    The one definition of the column: the streamed build applies it to each
    document's rows (:func:`render_csv`), the in-memory build to the tables of
    the corpus (:func:`write_tables`).
    """
    text_of = dict(sentences)
    return [text_of.get(sent_id, "") for sent_id in sent_ids]


def output_table(corpus, name: str, with_sentences: bool = False) -> pd.DataFrame:
    """The output table ``name`` of ``corpus`` as a build writes it (``corpus.table(name)``,
    plus the ``sentence`` column of :func:`sentence_column` when asked)."""
    df = corpus.table(name)
    if with_sentences and name in SENTENCE_TABLES:
        pairs = corpus.sentences[["sent_id", "text"]].itertuples(index=False, name=None)
        df = df.assign(**{SENTENCE_COLUMN: sentence_column(df["sent_id"], pairs)})
    return df


def _with_sentences(tables: dict) -> dict:
    """A document's row tuples with the ``sentence`` cell of :func:`sentence_column`
    appended to the rows of :data:`SENTENCE_TABLES`."""
    s_id, s_text = column_index("sentences", "sent_id", "text")
    pairs = [(row[s_id], row[s_text]) for row in tables["sentences"]]
    out = dict(tables)
    for name in SENTENCE_TABLES:
        at = column_index(name, "sent_id")
        rows = tables[name]
        texts = sentence_column((row[at] for row in rows), pairs)
        out[name] = [(*row, text) for row, text in zip(rows, texts)]
    return out


def _doc_tables(lexicon=None) -> tuple[str, ...]:
    """The output tables formatted per document: every one but ``rejected`` (the extra
    extractors' tables of ``lexicon`` included)."""
    return tuple(name for name in output_tables(lexicon) if name != "rejected")

#: The version of the output folder's layout, in manifest.json. 2: the cleaned text
#: in texts.csv (not documents.csv); graph files without edge evidence (edges.csv
#: holds it); optional gzip compression.
OUTPUT_FORMAT_VERSION = 2

#: gzip level of ``--compress`` for the documents' pieces, compressed once in the worker
#: and cached (zlib's default); and for what the parent writes at every build, edges.csv
#: (2.5 times faster, a quarter larger).
GZIP_LEVEL = 6
GZIP_LEVEL_PARENT = 1


def gzip_member(data: bytes, level: int = GZIP_LEVEL) -> bytes:
    """``data`` as one gzip member (no name, time 0: the same bytes on every run).

    Members written one after the other make one valid .gz file, which every
    reader (gzip, pandas, R, Python's gzip module) reads as the concatenation of
    their contents: a compressed build appends each document's piece as it comes.
    """
    return gzip.compress(data, compresslevel=level, mtime=0) if data else b""


class CsvRenderer:
    """The ``render`` step of a CSV build (see :func:`render_csv`), sent to worker processes.

    ``tag`` names what it makes (``csv`` or ``csv.gz``, with ``+sentences`` for
    ``with_sentences``): a cached document formatted by another renderer is
    formatted again. (``--excel`` changes only the first bytes of each file,
    written by the parent: the pieces are the same.)
    """

    def __init__(self, compress: bool = False, with_sentences: bool = False):
        self.compress = bool(compress)
        self.with_sentences = bool(with_sentences)
        self.tag = ("csv.gz" if self.compress else "csv") + ("+sentences" if self.with_sentences else "")

    def __call__(self, results: list, lexicon=None) -> None:
        render_csv(results, lexicon, compress=self.compress, with_sentences=self.with_sentences)


#: What a network node is counted by (``network.mention_counts`` groups by these).
_NODE_KEY = ("type", "canonical", "jurisdiction", "level", "branch")


class Rendered(NamedTuple):
    """What the build makes of one document in the worker (``DocResult.rendered``), cached with it.

    ``csv``: per output table, ``(UTF-8 bytes, n_rows)`` of its rows as CSV without
    header (a gzip member with ``--compress``); ``evidence``: the document's network
    evidence (``network.document_evidence``); ``counts``: its mentions counted per
    network node key (type, canonical, jurisdiction, level, branch).
    """

    csv: dict[str, tuple[bytes, int]]
    evidence: Any
    counts: dict[tuple, int]


def render_csv(results: list, lexicon=None, compress: bool = False, with_sentences: bool = False) -> None:
    """Format processed documents as CSV, one piece per document and output table.

    Fills ``result.rendered`` with a :class:`Rendered`: ``csv[name] = (UTF-8 bytes, n_rows)`` for every table of
    :func:`_doc_tables` (with ``compress``, the bytes as a gzip member). The rows
    are written straight from the row tuples with
    the standard ``csv`` writer and the dialect pandas uses, each cell formatted
    as pandas' ``to_csv`` formats it (strings as they are, spreadsheet-protected;
    missing values empty; ints and bools with ``str``; floats with ``repr``,
    which is what numpy's float-to-string conversion gives); the two aggregate
    tables (practices, formulas) are computed as :class:`~congress_lib.corpus.Corpus`
    computes them. The pieces concatenated in corpus order are byte for byte the
    rows :func:`write_tables` writes from the in-memory corpus (tested); and the
    network evidence and the mentions counted per node key, all the network needs
    of a document.
    ``with_sentences`` adds the ``sentence`` cell (:func:`sentence_column`) to
    the rows of :data:`SENTENCE_TABLES`.
    """
    node_key = itemgetter(*column_index("mentions", *_NODE_KEY))
    evidence = _batch_evidence(results, lexicon)
    for res, ev in zip(results, evidence):
        pieces = _render_document(_with_sentences(res.tables) if with_sentences else res.tables, lexicon)
        if compress:
            pieces = {name: (gzip_member(piece), n) for name, (piece, n) in pieces.items()}
        res.rendered = Rendered(pieces, ev, dict(Counter(map(node_key, res.tables["mentions"]))))


def _network_module():
    try:
        from . import network
    except ImportError:  # pragma: no cover - network module missing in a partial install
        return None
    return network


def _batch_evidence(results: list, lexicon) -> list:
    """The network evidence of each document (runs in the worker; None for each without the network module).

    The records of ``network.sentence_evidence`` made from the document's row
    tuples -- ``(doc_id, unit_id, sent_id, start, end, pairs)`` per sentence that
    joins a pair, ``pairs`` its (source, target, relation) -- in the compact form
    of ``network.document_evidence``, which the parent appends to a
    ``network.EvidenceStore``. The evidence pairs the mentions of one sentence,
    so a document's evidence is its own.
    """
    network = _network_module()
    if network is None:
        return [None] * len(results)
    from operator import itemgetter

    m_get = itemgetter(*column_index("mentions", "sent_id", "type", "canonical", "start", "end"))
    s_get = itemgetter(*column_index("sentences", "sent_id", "doc_id", "unit_id", "start", "end", "text"))
    return [network.document_evidence(network.sentence_evidence(
        map(m_get, res.tables["mentions"]), map(s_get, res.tables["sentences"]), lexicon)) for res in results]


class _StreamNetwork:
    """The network of a streamed corpus, built with the network module's own blocks.

    Per document it adds the mention counts per (type, canonical, jurisdiction,
    level, branch) that the worker made (merged by a sum, as ``network.mention_counts``
    tables merge)
    and the edge evidence (made by ``network.sentence_evidence`` in the worker) in
    a compact ``network.EvidenceStore``. At the end ``network.nodes_from_counts``
    makes the node table, the store the edge table rows (their evidence JSON made
    edge by edge as the files are written) and, through ``network.graph_from_store``,
    the graph -- the aggregator ``network_edges`` / ``build_network`` use on a
    whole corpus.
    """

    def __init__(self, network, lexicon):
        self.nw = network
        self.lexicon = lexicon
        self.counts: Counter = Counter()
        self.store = network.EvidenceStore()

    def add(self, results: list) -> None:
        for res in results:
            self.counts.update(res.rendered.counts)  # (counted in the worker: see render_csv)
            self.store.add_document(res.rendered.evidence)

    def write(self, out: Path, counts: dict[str, int], compress: bool = False, bom: bool = False) -> None:
        """Write network.graphml, network.gexf and edges.csv (.gz) into `out`; fill `counts`.
        ``bom``: edges.csv starts with a UTF-8 byte order mark (``--excel``)."""
        nw = self.nw
        table = pd.DataFrame([(*key, n) for key, n in self.counts.items()],
                             columns=["type", "canonical", "jurisdiction", "level", "branch", "n"])
        nodes = nw.nodes_from_counts(table.astype({"n": "int64"}), self.lexicon)
        self.counts = None
        graph = nw.graph_from_store(nodes, self.store)
        nw.write_network(graph, out)
        counts["network_nodes"] = graph.number_of_nodes()
        counts["network_edges"] = graph.number_of_edges()
        graph = None
        with _open_text(out / f"edges.{_suffix('csv', compress)}", compress, bom) as fh:
            self._write_edges(fh)
        counts["edges"] = len(self.store)
        self.store = None

    def _write_edges(self, fh) -> None:
        """edges.csv as csv_text(network_edges(...)) writes it, one row at a time."""
        nw = self.nw
        # the first cells through the csv writer, the evidence (a JSON list of objects: it holds
        # quotes, so the writer quotes it and doubles them) piece by piece
        csv.writer(fh, lineterminator="\n").writerow(nw.EDGE_COLUMNS)
        cells = io.StringIO()
        head = csv.writer(cells, lineterminator=",")
        for row, pieces in self.store.edge_row_pieces(csv_quoted=True):
            cells.seek(0)
            cells.truncate()
            head.writerow([_protect(v) for v in row])
            fh.write(cells.getvalue())
            fh.write('"')
            for piece in pieces:
                fh.write(piece)
            fh.write('"\n')


def _suffix(fmt: str, compress: bool) -> str:
    """The file name suffix of an output table."""
    return "csv.gz" if fmt == "csv" and compress else fmt


@contextmanager
def _open_text(file: Path, compress: bool, bom: bool = False):
    """A text file to write UTF-8 CSV into: plain, or gzip (see :class:`_GzipMembers`);
    with ``bom``, its (uncompressed) text starts with a byte order mark (``--excel``)."""
    with open(file, "wb") as raw:
        if not compress:
            with io.TextIOWrapper(raw, encoding="utf-8", newline="") as fh:
                if bom:
                    fh.write("\ufeff")
                yield fh
            return
        fh = _GzipMembers(raw)
        try:
            if bom:
                fh.write("\ufeff")
            yield fh
        finally:
            fh.close()


class _GzipMembers:
    """Writes text as gzip, one member per megabyte, compressed on two threads.

    zlib works without holding the interpreter lock, so the members are
    compressed while the caller makes the next text (the evidence of edges.csv);
    they are written in order, and cut at fixed sizes, so the bytes are the same
    on every run.
    """

    CHUNK = 1 << 20  # characters per member

    def __init__(self, raw):
        from concurrent.futures import ThreadPoolExecutor

        self.raw = raw
        self.parts: list[str] = []
        self.size = 0
        self.pool = ThreadPoolExecutor(max_workers=2)
        self.pending: deque = deque()

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= self.CHUNK:
            self._submit()

    def _submit(self) -> None:
        if self.parts:
            self.pending.append(self.pool.submit(gzip_member, "".join(self.parts).encode("utf-8"), GZIP_LEVEL_PARENT))
            self.parts, self.size = [], 0
        while len(self.pending) > 4:  # (a few members in flight: memory stays bounded)
            self.raw.write(self.pending.popleft().result())

    def close(self) -> None:
        self._submit()
        while self.pending:
            self.raw.write(self.pending.popleft().result())
        self.pool.shutdown()


def _cells(row: tuple) -> list:
    """A row's cells as ``to_csv`` writes them (strings spreadsheet-protected)."""
    return [("'" + v if v.startswith(_RISKY) else v) if v.__class__ is str else v for v in row]


#: Where a cell of CSV text may start with a risky character: at a line start or
#: after a comma, quoted or not. Text without a match has no risky cell.
_RISKY_START = re.compile(r'(?:^|,)"?[=+\-@\t\r]', re.M)
_RISKY_CHAR = re.compile(r"[=+\-@\t\r]")  # (a quick test first: these are rare in reports)


def _render_document(tables: dict, lexicon=None) -> dict:
    """The CSV pieces of one document: ``{table: (UTF-8 bytes, n_rows)}``.

    Cells are written as pandas' ``to_csv`` writes the tables' columns: strings
    as they are, None as empty, ints and bools with ``str``, floats with
    ``repr`` (the values of the float columns are always floats). The rows are
    first written as they are; only when the text shows a cell that may start
    with a risky character are they written again with the spreadsheet
    protection applied cell by cell.
    """
    out = {}
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")

    def write(rows) -> str:
        buf.seek(0)
        buf.truncate()
        writer.writerows(rows)
        return buf.getvalue()

    schema = tables_of(lexicon)
    for name in _doc_tables(lexicon):
        table = schema[name]
        rows = tables[name]
        columns = table.output_columns
        if columns != table.columns:  # (a projection: documents without its text)
            at = column_index(name, *columns)
            at = at if isinstance(at, tuple) else (at,)
            rows = [tuple(row[i] for i in at) for row in rows]
        text = write(rows)
        if _RISKY_CHAR.search(text) and _RISKY_START.search(text):
            text = write([_cells(row) for row in rows])
        out[name] = (text.encode("utf-8"), len(rows))
    return out


def _manifest(lexicon_version: str, fmt: str, inputs: list[dict], counts: dict[str, int],
              compress: bool = False, excel: bool = False, with_sentences: bool = False) -> dict:
    """The content of manifest.json. ``encoding`` (``utf-8-sig``: CSV files that start with a
    byte order mark) and ``with_sentences`` are there only when those options were given."""
    from .version import __version__

    manifest = {
        "library": "congress_lib",
        "version": __version__,
        "lexicon_version": lexicon_version,
        "output_format_version": OUTPUT_FORMAT_VERSION,
        "format": fmt,
        "compression": "gzip" if compress else None,
    }
    if excel:
        manifest["encoding"] = "utf-8-sig"
    if with_sentences:
        manifest["with_sentences"] = list(SENTENCE_TABLES)
    manifest["inputs"] = sorted(inputs, key=lambda d: d["path"])
    manifest["rows"] = dict(sorted(counts.items()))
    return manifest


def _write_manifest(out: Path, manifest: dict) -> None:
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _write_table(df: pd.DataFrame, file: Path, fmt: str, compress: bool = False, bom: bool = False) -> None:
    if fmt == "csv":
        with _open_text(file, compress, bom) as fh:
            fh.write(csv_text(df))
    else:
        df.to_parquet(file, index=False)


def _network(corpus, out: Path, counts: dict[str, int]) -> pd.DataFrame | None:
    """Write the network files; return the edge table (None without the network module)."""
    try:
        from .network import build_network, network_edges, write_network
    except ImportError:  # pragma: no cover - network module missing in a partial install
        return None
    edges = network_edges(corpus)
    graph = build_network(corpus)
    write_network(graph, out)
    counts["network_nodes"] = graph.number_of_nodes()
    counts["network_edges"] = graph.number_of_edges()
    return edges


def write_tables(corpus, out: Path, fmt: str = "csv", *, excel: bool = False, with_sentences: bool = False) -> dict:
    """Write every table, the network files and manifest.json into ``out``.

    ``excel`` (CSV only): every CSV file starts with a UTF-8 byte order mark.
    ``with_sentences``: indicators and mentions get a ``sentence`` column
    (:func:`sentence_column`).
    """
    _check_format(fmt, False, excel)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    _remove_other_outputs(out, fmt, False, corpus.lexicon)
    counts: dict[str, int] = {}
    tables = {name: output_table(corpus, name, with_sentences) for name in output_tables(corpus.lexicon)}
    edges = _network(corpus, out, counts)
    if edges is not None:
        tables["edges"] = edges
    for name, df in tables.items():
        counts[name] = int(len(df))
        _write_table(df, out / f"{name}.{fmt}", fmt, bom=excel)
    manifest = _manifest(corpus.lexicon.version, fmt, corpus.inputs, counts, excel=excel,
                         with_sentences=with_sentences)
    _write_manifest(out, manifest)
    return manifest


def build(path, out: Path, *, fmt: str = "csv", lexicon=None, engine: str = "serial", cache=False,
          progress: bool | None = None, workers: int | None = None, force: bool = False,
          max_file_mb: float | None = None, compress: bool = False, excel: bool = False,
          with_sentences: bool = False, extractors=(), client=None, shared_disk: bool | None = None,
          cluster_timeout: float | None = None) -> dict:
    """``congress-lib build``: load the corpus at ``path`` and write every table into ``out``.

    CSV output streams (see the module docstring): no table of the whole corpus
    is held in memory, only what the network needs (mention counts per node and
    a compact record of each sentence that links two nodes). The files equal those of
    ``write_tables(load_corpus(path, ...), out)`` byte for byte.

    With a ``cache``, a rebuild into a folder that already holds, unchanged, the
    output of the same inputs (same file contents, metadata, lexicon, code and
    format) writes nothing and returns the manifest it holds; ``force`` writes
    every file again. ``max_file_mb``: files larger than this are rejected unread
    (default :data:`~congress_lib.corpus.MAX_FILE_MB`). ``compress`` (CSV only)
    writes every table as gzip (``documents.csv.gz`` …), two to four times
    smaller, as pandas, R and the ``gzip`` tool read it; the graph files stay
    plain for Gephi. ``excel`` (CSV only) starts every CSV file with a UTF-8 byte
    order mark, by which Excel recognises UTF-8 (with ``compress``, inside the
    gzip content). ``with_sentences`` adds the ``sentence`` column to indicators
    and mentions (:func:`sentence_column`). ``extractors``: extra extractors
    (:class:`congress_lib.extract.SentenceExtractor`), whose tables are written too.
    ``client``, ``shared_disk``, ``cluster_timeout``: with ``engine="dask"``, the cluster
    (a ``Client``, a scheduler address, a scheduler file as a ``Path``; None: a local
    cluster), whether its workers see the reports and the cache at the same paths,
    and how long to wait for it (see :func:`congress_lib.engines.iter_batches`).
    Returns the manifest.

    An output path that is a file, a cache path that is a file, or an output
    folder that cannot be written raise :class:`~congress_lib.InvalidArgumentError`
    before any report is read.
    """
    return run_build(path, out, fmt=fmt, lexicon=lexicon, engine=engine, cache=cache, progress=progress,
                  workers=workers, force=force, max_file_mb=max_file_mb, compress=compress, excel=excel,
                  with_sentences=with_sentences, extractors=extractors, client=client, shared_disk=shared_disk,
                  cluster_timeout=cluster_timeout)[0]


def _check_format(fmt: str, compress: bool, excel: bool = False) -> None:
    if fmt not in ("csv", "parquet"):
        raise InvalidArgumentError(f"--format must be csv or parquet, not {fmt!r}.")
    if compress and fmt != "csv":
        raise InvalidArgumentError("--compress applies to CSV output; Parquet files are compressed already.")
    if excel and fmt != "csv":
        raise InvalidArgumentError("--excel applies to CSV output; Parquet files carry their encoding.")


def _not_a_file(path: Path, option: str) -> None:
    """Refuse a folder option (``--out``, ``--cache``) naming a file, or a folder inside one."""
    for folder in (path, *path.parents):
        if folder.exists():
            if not folder.is_dir():
                where = "is a file" if folder == path else f"is inside {str(folder)!r}, which is a file"
                raise InvalidArgumentError(f"{option} {str(path)!r} {where}, not a folder; "
                                           f"give {option} a folder (it is made if missing).")
            return


def _writable(out: Path) -> None:
    """Make the output folder, and check that a file can be written in it, before any work."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".congress-lib-", dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise InvalidArgumentError(f"cannot write into the output folder {str(out)!r} "
                                   f"({exc.strerror or exc}); give --out a folder you can write to.") from None


def _output_names(fmt: str, compress: bool = False, lexicon=None) -> list[str]:
    suffix = _suffix(fmt, compress)
    return [f"{name}.{suffix}" for name in (*output_tables(lexicon), "edges")] + [
        "network.graphml", "network.gexf", "manifest.json"]


def _remove_other_outputs(out: Path, fmt: str, compress: bool, lexicon=None) -> None:
    """Remove the tables an earlier build of another format left in ``out`` (a folder holds one build)."""
    mine = set(_output_names(fmt, compress, lexicon))
    for other in (("csv", False), ("csv", True), ("parquet", False)):
        for name in _output_names(*other, lexicon):
            if name not in mine and (out / name).is_file():
                (out / name).unlink()


def run_build(path, out: Path, *, fmt: str = "csv", lexicon=None, engine: str = "serial", cache=False,
           progress: bool | None = None, workers: int | None = None, force: bool = False,
           max_file_mb: float | None = None, compress: bool = False, excel: bool = False,
           with_sentences: bool = False, extractors=(), client=None, shared_disk: bool | None = None,
           cluster_timeout: float | None = None) -> tuple[dict, bool]:
    """:func:`build`, and whether ``out`` was found up to date (nothing written): ``(manifest, up_to_date)``."""
    from . import engines
    from .corpus import MAX_FILE_MB, load_corpus, prepare

    if max_file_mb is None:
        max_file_mb = MAX_FILE_MB
    if engine != "dask" and (client is not None or shared_disk is not None or cluster_timeout is not None):
        raise InvalidArgumentError("a dask scheduler (--scheduler, --scheduler-file, client=), --shared-disk and "
                                   f"--cluster-timeout apply to the dask engine, not {engine!r}; add --engine dask.")
    cluster = {"client": client, "shared_disk": shared_disk,
               "cluster_timeout": engines.check_cluster(client, cluster_timeout)}
    _check_format(fmt, compress, excel)
    out = Path(out)
    _not_a_file(out, "--out")
    if isinstance(cache, (str, os.PathLike)):
        _not_a_file(Path(cache), "--cache")
    try:
        cache_root = engines.resolve_cache(cache)
    except OSError as exc:
        raise InvalidArgumentError(f"cannot make the cache folder {str(cache)!r} ({exc.strerror or exc}); "
                                   "give --cache a folder you can write to.") from None
    prep = prepare(path, lexicon=lexicon, max_file_mb=max_file_mb, extractors=extractors)
    options = (compress, excel, with_sentences)
    keys = None
    if cache_root is not None:
        # the files are hashed in the background; a folder built before waits for every key
        # (is it up to date?), a new one starts reading cached documents at once
        keys = engines.document_keys(prep.jobs, prep.lexicon)
        if not force and engines.build_recorded(cache_root, out):
            fingerprint = _fingerprint(prep, keys, fmt, *options)
            if fingerprint is not None and engines.build_is_current(cache_root, out, fingerprint):
                try:
                    return json.loads((out / "manifest.json").read_text(encoding="utf-8")), True
                except (OSError, ValueError):  # (removed or damaged since it was checked: build)
                    pass
        engines.forget_build(cache_root, out)
    _writable(out)
    if fmt == "csv":
        manifest = _stream(prep, out, engine=engine, cache=cache, progress=progress, workers=workers, keys=keys,
                           compress=compress, excel=excel, with_sentences=with_sentences, cluster=cluster)
    else:
        corpus = load_corpus(path, lexicon=lexicon, engine=engine, cache=cache, progress=progress,
                             max_file_mb=max_file_mb, extractors=extractors, **cluster)
        manifest = write_tables(corpus, out, fmt, with_sentences=with_sentences)
    fingerprint = _fingerprint(prep, keys, fmt, *options) if keys is not None else None
    if fingerprint is not None:
        engines.record_build(cache_root, out, fingerprint,
                             [n for n in _output_names(fmt, compress, prep.lexicon) if (out / n).is_file()])
    return manifest, False


def _fingerprint(prep, keys, fmt: str, compress: bool, excel: bool = False,
                 with_sentences: bool = False) -> str | None:
    """What a build's output is made of (see ``engines.build_fingerprint``); None when a file
    could not be read (such a build is never taken for up to date)."""
    from . import engines

    keys = list(keys)
    if any(key is None for key in keys):
        return None
    parts = [_suffix(fmt, compress), prep.lexicon.version,
             json.dumps(prep.rejected, sort_keys=True, ensure_ascii=False),
             json.dumps(prep.final_rejects(), sort_keys=True, ensure_ascii=False)]
    if fmt == "parquet":
        import pyarrow

        parts.append(f"pyarrow {pyarrow.__version__}")
    if excel:
        parts.append("excel")
    if with_sentences:
        parts.append("with sentences")
    return engines.build_fingerprint(prep.jobs, keys, parts)


def _stream(prep, out: Path, *, engine, cache, progress, workers, keys=None, compress: bool = False,
            excel: bool = False, with_sentences: bool = False, cluster: dict | None = None) -> dict:
    """The streamed CSV build (see the module docstring); ``cluster``: the dask arguments of
    ``iter_batches`` (client, shared_disk, cluster_timeout)."""
    from .corpus import Assembler, batch_corpus, _frame
    from .engines import iter_batches

    out.mkdir(parents=True, exist_ok=True)
    _remove_other_outputs(out, "csv", compress, prep.lexicon)
    suffix = _suffix("csv", compress)
    empty = batch_corpus([], prep.lexicon)
    doc_tables = _doc_tables(prep.lexicon)
    counts = {name: 0 for name in doc_tables}
    asm = Assembler(prep, keep=False)
    network = _network_module()
    net = _StreamNetwork(network, prep.lexicon) if network is not None else None
    files = {}
    try:
        for name in doc_tables:
            # binary: the pieces come encoded from the worker (or the cache), written as they are
            files[name] = open(out / f"{name}.{suffix}", "wb")
            header = csv_text(output_table(empty, name, with_sentences)).encode("utf-8")
            if excel:
                header = codecs.BOM_UTF8 + header
            files[name].write(gzip_member(header) if compress else header)
        for batch in iter_batches(prep.jobs, prep.lexicon, engine=engine, cache=cache, progress=progress,
                                  workers=workers, render=CsvRenderer(compress, with_sentences), keys=keys,
                                  **(cluster or {})):
            accepted = asm.add(batch)
            for name in doc_tables:
                pieces = [res.rendered.csv[name] for res in accepted]
                files[name].write(b"".join([piece for piece, _ in pieces]))  # (one write per batch)
                counts[name] += sum(n for _, n in pieces)
            if net is not None:
                net.add(accepted)
    finally:
        for fh in files.values():
            fh.close()
    rejected = _frame("rejected", asm.all_rejected())
    counts["rejected"] = len(rejected)
    _write_table(rejected, out / f"rejected.{suffix}", "csv", compress, bom=excel)
    if net is not None:
        net.write(out, counts, compress, bom=excel)
        net = None
    manifest = _manifest(prep.lexicon.version, "csv", asm.loaded, counts, compress, excel, with_sentences)
    _write_manifest(out, manifest)
    return manifest
