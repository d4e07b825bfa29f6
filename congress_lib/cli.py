"""Command line: ``congress-lib build | report | kwic | info | evaluate | agreement | train-coder`` (also ``python -m congress_lib``).

::

    congress-lib build CORPUS_DIR --out OUT_DIR [--engine serial|processes|dask] [--format csv|parquet]
                       [--cache DIR] [--force] [--lexicon DIR] [--rules-only] [--compress] [--max-file-mb MB]
                       [--excel] [--with-sentences]
                       [--scheduler ADDRESS | --scheduler-file FILE] [--shared-disk] [--cluster-timeout S]
    congress-lib report CORPUS_DIR --out REPORT_DIR [--lexicon DIR] [--timeout S] [--no-progress]
    congress-lib kwic CORPUS_DIR TERM [--window 20] [--limit N]
    congress-lib info CORPUS_DIR
    congress-lib evaluate CORPUS_DIR --gold GOLD_DIR --out OUT_DIR [--lexicon DIR] [--rules-only] [--bootstrap N] [--seed S]
    congress-lib agreement CORPUS_DIR --first GOLD_DIR --second GOLD_DIR --out OUT_DIR
    congress-lib train-coder --set CORPUS_DIR GOLD_DIR [--set ...] --out FILE.json [--C 1.0] [--threshold 0.8]
    congress-lib --version

Errors are one line on stderr, ``congress-lib: error: ...``, and a non-zero exit
code (2 for usage errors, 1 for anything congress_lib refuses or the system
refuses -- a missing corpus, an output path that is a file, a folder that cannot
be written --, 130 for Ctrl-C), never a traceback.

This module only parses the arguments and reports errors; what ``build`` writes,
and how, is :mod:`congress_lib.output` (``build``, ``write_tables``); ``report`` is
:mod:`congress_lib.report` (exit code 1 when a notebook fails; the others still run).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

from .errors import CongressLibError, InvalidArgumentError
from .output import build, run_build, write_tables

__all__ = ["main", "build", "write_tables"]  # (build and write_tables live in congress_lib.output)


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error as one line on stderr (``congress-lib: error: ...``, exit code 2)."""

    def error(self, message: str):
        _fail(f"{message} (see {self.prog} --help)")
        self.exit(2)


def _parser() -> argparse.ArgumentParser:
    from .version import __version__
    from .corpus import MAX_FILE_MB

    parser = _Parser(
        prog="congress-lib",
        description="Read the reports of China's local people's congresses: build every table of a corpus, "
                    "print a keyword-in-context concordance, or describe what a corpus holds.",
        epilog="Run 'congress-lib COMMAND --help' for the options of a command. Errors are one line on stderr, "
               "with exit code 2 for usage errors, 1 for anything else, 130 for Ctrl-C.")
    parser.add_argument("--version", action="version", version=f"congress-lib {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = sub.add_parser("build", help="write all tables, the network and manifest.json",
                       description="Write every table of the corpus, the network files and manifest.json "
                                   "into the output folder.")
    b.add_argument("corpus", help="corpus folder (reports/*.txt + metadata.csv, or a folder of .txt files)")
    b.add_argument("--out", required=True, help="output folder (made if missing)")
    b.add_argument("--engine", default="serial", choices=["serial", "processes", "dask"],
                   help="serial (default), processes (all local cores) or dask")
    b.add_argument("--format", default="csv", choices=["csv", "parquet"], help="csv (default) or parquet")
    b.add_argument("--lexicon", default=None, help="folder of YAML files extending the shipped lexicons")
    b.add_argument("--rules-only", action="store_true", help="the indicator rules alone, without the learned coder (the plain mode)")
    b.add_argument("--cache", default=None, help="cache folder for per-document results (default: no cache); "
                   "with a cache, an output folder already up to date with the corpus is not written again")
    b.add_argument("--force", action="store_true", help="write every output file even when OUT is up to date")
    b.add_argument("--compress", action="store_true",
                   help="write the tables as gzip (name.csv.gz): 2 to 4 times smaller, for large corpora")
    b.add_argument("--max-file-mb", type=float, default=None, metavar="MB",
                   help=f"reject files larger than this, unread, with the reason (default: {MAX_FILE_MB:g})")
    b.add_argument("--excel", action="store_true",
                   help="start every CSV file with a UTF-8 byte order mark, so that Excel (also on a "
                        "Chinese-locale Windows) opens it as UTF-8")
    b.add_argument("--with-sentences", action="store_true",
                   help="add a 'sentence' column (the text of the row's sentence) to indicators and mentions; "
                        "off by default: on large corpora it adds gigabytes")
    d = b.add_argument_group("dask cluster (with --engine dask; without --scheduler: a cluster on this machine)")
    where = d.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="address of a running dask scheduler to use, e.g. tcp://scheduler-host:8786")
    where.add_argument("--scheduler-file", metavar="FILE",
                       help="the scheduler file that 'dask scheduler --scheduler-file FILE' writes")
    d.add_argument("--shared-disk", action="store_true",
                   help="the workers see the corpus and --cache at the same paths: they read the reports and "
                        "the cache themselves (default with --scheduler: this machine reads each report and "
                        "ships its bytes, and alone reads and writes the cache)")
    d.add_argument("--cluster-timeout", type=float, default=None, metavar="S",
                   help="seconds to wait for the scheduler, and for a worker when none is left, before the "
                        "build fails (default: 60)")
    r = sub.add_parser("report", help="tables, every notebook and a static website of a corpus",
                       description="Build every table of the corpus into REPORT_DIR/tables, execute every notebook "
                                   "on it into REPORT_DIR/notebooks (figures in REPORT_DIR/figures), and write a "
                                   "static website: REPORT_DIR/index.html (what the corpus holds, with links), "
                                   "tables.html (the indicator and mention tables, interactive) and one page per "
                                   "notebook. It opens from the disk, without a network. A notebook that fails does "
                                   "not stop the others; the exit code is then 1.")
    r.add_argument("corpus", help="corpus folder (reports/*.txt + metadata.csv, or a folder of .txt files)")
    r.add_argument("--out", required=True, help="report folder (made if missing)")
    r.add_argument("--lexicon", default=None, help="folder of YAML files extending the shipped lexicons (tables)")
    r.add_argument("--timeout", type=int, default=1200, metavar="S",
                   help="seconds a notebook cell may run before it fails (default: 1200)")
    r.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    k = sub.add_parser("kwic", help="print a keyword-in-context concordance",
                       description="Print every occurrence of TERM with its context, one per line: "
                                   "doc_id, sent_id, then left context【TERM】right context, separated by tabs.")
    k.add_argument("corpus", help="corpus folder")
    k.add_argument("term", help="the word to look for (traditional characters are converted to simplified)")
    k.add_argument("--window", type=int, default=20, help="characters of context on each side (default: 20)")
    k.add_argument("--limit", type=int, default=0, help="print at most N lines (0: all)")
    i = sub.add_parser("info", help="print what the corpus holds",
                       description="Print the documents of the corpus (metadata, encoding, script, size) "
                                   "and every file not used, with the reason.")
    i.add_argument("corpus", help="corpus folder")
    e = sub.add_parser("evaluate", help="score the extraction against hand-coded gold annotations",
                       description="Score the extractor against gold annotations (one JSON file per document, "
                                   "format in corpus/annotations/GUIDELINES.md): precision, recall and F1 per "
                                   "table, indicator code and mention type, with bootstrap confidence intervals "
                                   "(documents resampled). Writes scores.csv, errors.csv and canonical.csv.")
    e.add_argument("corpus", help="corpus folder holding the annotated documents")
    e.add_argument("--gold", required=True, help="folder of gold JSON files (<doc_id>.json)")
    e.add_argument("--lexicon", default=None, help="folder of YAML files extending the shipped lexicons")
    e.add_argument("--rules-only", action="store_true", help="the indicator rules alone, without the learned coder (the plain mode)")
    _scoring_options(e)
    a = sub.add_parser("agreement", help="inter-coder agreement of two coders' annotations",
                       description="Compare two coders' annotations of the same documents as evaluate compares "
                                   "the extractor with the gold (the second coder scored against the first): "
                                   "precision, recall and F1 per table, indicator code and mention type, with "
                                   "bootstrap confidence intervals. Writes scores.csv and errors.csv (every "
                                   "disagreement).")
    a.add_argument("corpus", help="corpus folder holding the annotated documents")
    a.add_argument("--first", required=True, help="folder of the first coder's JSON files (<doc_id>.json)")
    a.add_argument("--second", required=True, help="folder of the second coder's JSON files")
    _scoring_options(a)
    t = sub.add_parser("train-coder", help="train the learned coder on hand-coded corpora",
                       description="Fit the learned coder (congress_lib.learned) to the numbers the extractor finds in "
                                   "hand-coded corpora, each label the gold's code (or none), and write it as a "
                                   "lexicon file code_model.json: put it in a folder passed as --lexicon (or "
                                   "lexicon=) and it replaces the shipped model.")
    t.add_argument("--set", dest="sets", nargs=2, action="append", required=True, metavar=("CORPUS", "GOLD"),
                   help="a corpus folder and its folder of gold JSON files (repeat for several)")
    t.add_argument("--out", required=True, help="the model file to write (e.g. my_lexicon/code_model.json)")
    t.add_argument("--C", type=float, default=1.0, help="inverse strength of the L2 penalty (default: 1.0)")
    t.add_argument("--threshold", type=float, default=0.8,
                   help="probability above which the model's code replaces the rules' (default: 0.8)")
    t.add_argument("--lexicon", default=None, help="folder of YAML files extending the shipped lexicons")
    return parser


def _scoring_options(parser: argparse.ArgumentParser) -> None:
    """The output and resampling options of ``evaluate`` and ``agreement``."""
    parser.add_argument("--out", required=True, help="output folder (made if missing)")
    parser.add_argument("--bootstrap", type=int, default=2000, metavar="N",
                        help="resamples for the confidence intervals (default: 2000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the resampling (default: 0)")


def _one_line(message: str) -> str:
    """A message on one line (a YAML error, for one, spans several)."""
    return re.sub(r"\s*\n\s*", " ", str(message).strip())


def _fail(message: str) -> None:
    print(f"congress-lib: error: {_one_line(message)}", file=sys.stderr)


def _system_error(exc: OSError) -> str:
    """An error of the system (a file that cannot be written ...) as a message: what, and where."""
    what = exc.strerror or str(exc) or type(exc).__name__
    where = [str(f) for f in (exc.filename, exc.filename2) if f is not None]
    return f"{what}: {' -> '.join(where)}" if where else what


@contextmanager
def _interrupts():
    """Ctrl-C during a command: the command ends with one line (see :func:`main`).

    The terminal sends Ctrl-C to every process of the command, the workers that
    the ``processes`` engine forked included: they inherit this handler and end
    at once without a word (each would otherwise print a traceback), the parent
    reports the interruption. A Ctrl-C that is ignored (``nohup``, a background
    job) stays ignored.
    """
    parent = os.getpid()

    def on_sigint(signum, frame):
        if os.getpid() != parent:  # a forked worker
            os._exit(130)
        raise KeyboardInterrupt

    try:
        previous = signal.getsignal(signal.SIGINT)
        installed = previous is signal.default_int_handler
        if installed:
            signal.signal(signal.SIGINT, on_sigint)
    except ValueError:  # (not the main thread: signals are not ours to handle)
        installed = False
    try:
        yield
    finally:
        if installed:
            signal.signal(signal.SIGINT, previous)


def main(argv: list[str] | None = None) -> int:
    """The command line: returns the exit code (0, or 1 for an error; usage errors exit with 2)."""
    with _interrupts():
        try:
            return _run(_parser().parse_args(argv))
        except CongressLibError as exc:
            _fail(str(exc))
            return 1
        except BrokenPipeError:  # the reader of the output went away (``| head``): stop quietly
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())  # (Python flushes stdout again at exit)
            except (OSError, ValueError):
                pass
            return 1
        except OSError as exc:  # the system refused (a disk full, a file that cannot be written ...)
            _fail(_system_error(exc))
            return 1
        except KeyboardInterrupt:
            _fail("interrupted")
            return 130


def _cluster_options(args: argparse.Namespace) -> dict:
    """The dask options of ``build`` as arguments of :func:`~congress_lib.output.run_build`
    (a scheduler file as a path, an address as a string; an address without a scheme is TCP)."""
    client = None
    if args.scheduler is not None:
        client = args.scheduler if "://" in args.scheduler else f"tcp://{args.scheduler}"
    elif args.scheduler_file is not None:
        client = Path(args.scheduler_file)
    return {"client": client, "shared_disk": True if args.shared_disk else None,
            "cluster_timeout": args.cluster_timeout}


def _run(args: argparse.Namespace) -> int:
    from .corpus import load_corpus

    if getattr(args, "rules_only", False):
        from .learned import rules_only

        args.lexicon = rules_only(args.lexicon)
    if args.command == "build":
        manifest, current = run_build(args.corpus, Path(args.out), fmt=args.format, lexicon=args.lexicon,
                                   engine=args.engine, cache=args.cache if args.cache else False,
                                   force=args.force, max_file_mb=args.max_file_mb, compress=args.compress,
                                   excel=args.excel, with_sentences=args.with_sentences,
                                   **_cluster_options(args))
        rows = manifest["rows"]
        print(f"{rows['documents']} documents, {rows['units']} units, {rows['sentences']} sentences, "
              f"{rows['indicators']} indicators, {rows['mentions']} mentions, {rows['rejected']} rejected "
              f"-> {args.out}" + (" (up to date: nothing written; --force writes it again)" if current else ""))
    elif args.command == "report":
        from .report import make_report

        if args.timeout < 1:
            raise InvalidArgumentError(f"--timeout must be a positive number of seconds, not {args.timeout}")
        print(f"building the tables of {args.corpus} ...", file=sys.stderr, flush=True)
        report = make_report(args.corpus, Path(args.out), lexicon=args.lexicon, timeout=args.timeout,
                             progress=False if args.no_progress else None)
        rows = report.rows
        for run in report.failed:
            _fail(f"notebook {run.name} failed: {run.error}")
        print(f"{rows.get('documents', 0)} documents, {rows.get('units', 0)} units, {rows.get('indicators', 0)} "
              f"indicators, {rows.get('mentions', 0)} mentions; {len(report.notebooks) - len(report.failed)} of "
              f"{len(report.notebooks)} notebooks ran -> {Path(args.out) / 'index.html'}")
        return 0 if report.ok else 1
    elif args.command == "kwic":
        if not args.term.strip():
            raise InvalidArgumentError("kwic needs a non-empty search term, e.g. congress-lib kwic corpus 联络站")
        if args.window < 0:
            raise InvalidArgumentError(f"--window must be 0 or more characters of context, not {args.window}")
        if args.limit < 0:
            raise InvalidArgumentError(f"--limit must be 0 (all lines) or more, not {args.limit}")
        corpus = load_corpus(args.corpus)
        hits = corpus.kwic(args.term, window=args.window)
        if args.limit:
            hits = hits.head(args.limit)
        width = args.window
        for row in hits.itertuples(index=False):
            left, right = row.left.replace("\t", " "), row.right.replace("\t", " ")
            print(f"{row.doc_id}\t{row.sent_id}\t{left:>{width}}【{row.keyword}】{right}")
        print(f"{len(hits)} hit(s)", file=sys.stderr)
    elif args.command in ("evaluate", "agreement"):
        from .evaluate import agreement, evaluate

        if args.bootstrap < 1:
            raise InvalidArgumentError(f"--bootstrap must be a positive number of resamples, not {args.bootstrap}")
        if args.command == "evaluate":
            result = evaluate(load_corpus(args.corpus, lexicon=args.lexicon), args.gold)
            against = "extracted"
        else:
            result = agreement(load_corpus(args.corpus), args.first, args.second)
            against = "second coder"
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        scores = result.intervals(n=args.bootstrap, seed=args.seed)
        scores.to_csv(out / "scores.csv", index=False, lineterminator="\n")
        result.errors.to_csv(out / "errors.csv", index=False, lineterminator="\n")
        result.canonical.to_csv(out / "canonical.csv", index=False, lineterminator="\n")
        for row in scores[scores["category"] == "all"].itertuples():
            print(f"{row.table}: F1 {row.f1:.3f} [{row.f1_low:.3f}, {row.f1_high:.3f}] "
                  f"(P {row.precision:.3f}, R {row.recall:.3f}; gold {row.gold}, {against} {row.extracted})")
        print(f"{scores['documents'].iloc[0] if len(scores) else 0} documents -> {out}", file=sys.stderr)
    elif args.command == "train-coder":
        from .evaluate import load_annotations
        from .learned import aligned_rows, train, write_model

        if args.C <= 0:
            raise InvalidArgumentError(f"--C must be a positive number, not {args.C}")
        if not 0 < args.threshold <= 1:
            raise InvalidArgumentError(f"--threshold must be a probability in (0, 1], not {args.threshold}")
        rows, parts = [], []
        for corpus_dir, gold_dir in args.sets:
            corpus = load_corpus(corpus_dir, lexicon=args.lexicon)
            got = aligned_rows(corpus, load_annotations(gold_dir))
            rows += got
            parts.append(f"{Path(corpus_dir).name} ({len({r['doc_id'] for r in got})} documents, {len(got)} numbers)")
        model = train(rows, C=args.C, threshold=args.threshold,
                      trained_on=f"{len(args.sets)} hand-coded sets, {len(rows)} numbers: " + "; ".join(parts))
        write_model(model, args.out)
        print(f"{len(rows)} numbers, {len(model.weights)} features -> {args.out}", file=sys.stderr)
    elif args.command == "info":
        corpus = load_corpus(args.corpus)
        print(corpus)
        cols = ["doc_id", "date", "province", "city", "district", "genre", "encoding", "script", "n_chars", "n_units"]
        print(corpus.documents[cols].to_string(index=False))
        if len(corpus.rejected):
            print("rejected:")
            print(corpus.rejected.to_string(index=False))
    return 0
