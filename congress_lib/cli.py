"""Command line: ``congress-lib build | kwic | info`` (also ``python -m congress_lib``).

::

    congress-lib build CORPUS_DIR --out OUT_DIR [--engine serial|processes|dask] [--format csv|parquet]
    congress-lib kwic CORPUS_DIR TERM [--window 20] [--limit N]
    congress-lib info CORPUS_DIR

Errors are one line on stderr and a non-zero exit code (2 for usage errors,
1 for anything congress_lib refuses), never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from .errors import CongressLibError, InvalidArgumentError

__all__ = ["main", "write_tables", "safe_for_spreadsheet"]

_RISKY = ("=", "+", "-", "@", "\t", "\r")


def safe_for_spreadsheet(df: pd.DataFrame) -> pd.DataFrame:
    """Protect text cells against spreadsheet formula injection.

    A text cell that begins with ``= + - @`` (or a tab/CR) is prefixed with an
    apostrophe, which spreadsheets show as text instead of evaluating. Numeric
    columns are untouched. Applies to CSV output only; Parquet keeps the text as is.
    """
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(lambda v: "'" + v if isinstance(v, str) and v.startswith(_RISKY) else v)
    return out


def write_tables(corpus, out: Path, fmt: str = "csv") -> dict:
    """Write every table, the network files and manifest.json into ``out``."""
    from . import OUTPUT_TABLES, __version__

    if fmt not in ("csv", "parquet"):
        raise InvalidArgumentError(f"--format must be csv or parquet, not {fmt!r}.")
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    tables = {name: corpus.table(name) for name in OUTPUT_TABLES}
    try:
        from .network import build_network, network_edges, write_network

        edges = network_edges(corpus)
        tables["edges"] = edges
        graph = build_network(corpus)
        write_network(graph, out)
        counts["network_nodes"] = graph.number_of_nodes()
        counts["network_edges"] = graph.number_of_edges()
    except ImportError:  # pragma: no cover - network module missing in a partial install
        pass
    for name, df in tables.items():
        counts[name] = int(len(df))
        if fmt == "csv":
            flat = df.copy()
            for col in flat.columns:
                if flat[col].map(lambda v: isinstance(v, (list, dict))).any():
                    flat[col] = flat[col].map(lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True)
                                              if isinstance(v, (list, dict)) else v)
            safe_for_spreadsheet(flat).to_csv(out / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n")
        else:
            df.to_parquet(out / f"{name}.parquet", index=False)
    manifest = {
        "library": "congress_lib",
        "version": __version__,
        "lexicon_version": corpus.lexicon.version,
        "format": fmt,
        "inputs": sorted(corpus.inputs, key=lambda d: d["path"]),
        "rows": dict(sorted(counts.items())),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return manifest


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="congress-lib", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="write all tables, the network and manifest.json")
    b.add_argument("corpus", help="corpus folder (reports/*.txt + metadata.csv, or a folder of .txt files)")
    b.add_argument("--out", required=True, help="output folder")
    b.add_argument("--engine", default="serial", choices=["serial", "processes", "dask"])
    b.add_argument("--format", default="csv", choices=["csv", "parquet"])
    b.add_argument("--lexicon", default=None, help="folder of YAML files extending the shipped lexicons")
    b.add_argument("--cache", default=None, help="cache folder for per-document results (default: no cache)")
    k = sub.add_parser("kwic", help="print a keyword-in-context concordance")
    k.add_argument("corpus")
    k.add_argument("term")
    k.add_argument("--window", type=int, default=20)
    k.add_argument("--limit", type=int, default=0, help="print at most N lines (0: all)")
    i = sub.add_parser("info", help="print what the corpus holds")
    i.add_argument("corpus")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        from .corpus import load_corpus

        if args.command == "build":
            corpus = load_corpus(args.corpus, lexicon=args.lexicon, engine=args.engine,
                                 cache=args.cache if args.cache else False)
            manifest = write_tables(corpus, Path(args.out), args.format)
            rows = manifest["rows"]
            print(f"{rows['documents']} documents, {rows['units']} units, {rows['sentences']} sentences, "
                  f"{rows['indicators']} indicators, {rows['mentions']} mentions, {rows['rejected']} rejected "
                  f"-> {args.out}")
        elif args.command == "kwic":
            corpus = load_corpus(args.corpus)
            hits = corpus.kwic(args.term, window=args.window)
            if args.limit:
                hits = hits.head(args.limit)
            width = args.window
            for row in hits.itertuples(index=False):
                print(f"{row.doc_id}\t{row.left:>{width}}【{row.keyword}】{row.right}")
            print(f"{len(hits)} hit(s)", file=sys.stderr)
        elif args.command == "info":
            corpus = load_corpus(args.corpus)
            print(corpus)
            cols = ["doc_id", "date", "province", "city", "district", "genre", "encoding", "script", "n_chars", "n_units"]
            print(corpus.documents[cols].to_string(index=False))
            if len(corpus.rejected):
                print("rejected:")
                print(corpus.rejected.to_string(index=False))
    except CongressLibError as exc:
        print(f"congress-lib: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # pragma: no cover
        print("congress-lib: interrupted", file=sys.stderr)
        return 130
    return 0
