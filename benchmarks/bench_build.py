"""Throughput and memory of `congress-lib build` against a plain jieba baseline.

Makes a synthetic corpus by sampling and re-combining the sentences of the
bundled reports (numbers varied, fixed seed), then measures, each as a whole
process (interpreter start, imports and output files included):

1. plain ``jieba.lcut`` over the same files (what any user would write first);
2. ``congress-lib build`` with the serial engine (every table it writes);
3. the same with ``--engine processes`` (all cores);
4. a cold build that fills a cache (``--cache``, processes), then warm-cache
   rebuilds: into a new folder (``warm``: serial, every document comes from the
   cache, every file is written; ``warmp``: the same with ``--engine processes``),
   into the folder the cold build wrote with nothing changed (``current``: the
   build finds the folder up to date and writes nothing), and into that folder
   after one report was added to the corpus (``added``: one document processed,
   every file written again; the report is removed afterwards);

and prints seconds, MB/s, docs/s, CPU seconds, peak memory and the ratios. Peak
memory is the largest total resident set of the command and all its child
processes (sampled every 0.1 s from /proc on Linux), so the worker processes of
``--engine processes`` are counted; elsewhere it is the largest single process.
Every run is repeated ``--repeat`` times and the fastest is kept (shared
machines are noisy).

    python benchmarks/bench_build.py --docs 2000
    python benchmarks/bench_build.py --docs 20000 --runs processes,cold,warm --repeat 1
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = ("jieba", "serial", "processes", "cold", "warm", "warmp", "current", "added")
CACHE_RUNS = ("cold", "warm", "warmp", "current", "added")
ADDED = "zz_bench_added_report.txt"


def make_corpus(folder: Path, n_docs: int, seed: int = 7) -> int:
    """Write ``n_docs`` synthetic reports; return total bytes."""
    sys.path.insert(0, str(ROOT))
    import congress_lib as cl

    corpus = cl.load_corpus(ROOT / "corpus")
    sentences = corpus.sentences["text"].tolist()
    lengths = corpus.documents["n_chars"].tolist()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0

    def vary(match: re.Match) -> str:
        digits = match.group(0)
        return str(rng.randint(1, 10 ** len(digits) - 1))

    for i in range(n_docs):
        target = rng.choice(lengths)
        parts, size = [], 0
        while size < target:
            s = re.sub(r"\d+", vary, rng.choice(sentences))
            parts.append(s)
            size += len(s)
        text = "\n".join(parts) + "\n"
        data = text.encode("utf-8")
        (folder / f"doc{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc), 0 if gone."""
    total = 0
    todo = [pid]
    page = os.sysconf("SC_PAGE_SIZE")
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * page
            for task in os.listdir(f"/proc/{p}/task"):  # children of every thread
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, float, float]:
    """Run a command; return (wall seconds, CPU seconds of it and its children, peak MiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = [0]
    linux = Path(f"/proc/{proc.pid}").exists()

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    if linux:
        sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    if linux:
        sampler.join()
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err.decode(errors='replace')[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if not linux or not peak[0]:
        peak[0] = after.ru_maxrss * 1024  # the largest single process
    return seconds, cpu, peak[0] / 2**20


def best_of(n: int, cmd: list[str], env: dict, before=None) -> tuple[float, float, float]:
    runs = []
    for _ in range(n):
        if before is not None:
            before()
        runs.append(timed(cmd, env))
    return min(runs)


JIEBA_BASELINE = """
import sys, pathlib, logging, jieba
jieba.setLogLevel(logging.WARNING)
n = 0
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    n += len(jieba.lcut(p.read_text(encoding="utf-8")))
print(n)
"""


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        mem_s = f", {mem:.0f} GiB RAM"
    except (ValueError, OSError, AttributeError):
        mem_s = ""
    return f"{model}, {os.cpu_count()} cores{mem_s}, {sys.platform}, Python {sys.version.split()[0]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=2, help="runs per measurement; the fastest is kept")
    parser.add_argument("--runs", default=",".join(RUNS), help=f"comma-separated subset of {','.join(RUNS)}")
    parser.add_argument("--corpus", default=None, help="reuse this synthetic corpus folder instead of making one")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic corpus and outputs")
    parser.add_argument("--compress", action="store_true", help="build with --compress (gzip tables)")
    args = parser.parse_args()
    runs = [r for r in args.runs.split(",") if r]
    unknown = sorted(set(runs) - set(RUNS))
    if unknown:
        parser.error(f"unknown runs {unknown}; choose from {', '.join(RUNS)}")
    work = Path(tempfile.mkdtemp(prefix="congress-bench-"))
    try:
        if args.corpus:
            reports = Path(args.corpus)
            nbytes = sum(p.stat().st_size for p in reports.glob("*.txt"))
            n_docs = len(list(reports.glob("*.txt")))
        else:
            reports = work / "corpus"
            nbytes = make_corpus(reports, args.docs)
            n_docs = args.docs
        mb = nbytes / 1e6
        py = sys.executable
        env = dict(os.environ, CONGRESS_LIB_CACHE=str(work / "jieba-cache"), PYTHONHASHSEED="0")
        build = [py, "-m", "congress_lib", "build", str(reports)] + (["--compress"] if args.compress else [])
        cache = work / "cache"
        results: dict[str, tuple[float, float, float]] = {}
        if "jieba" in runs:
            # warm jieba's own dictionary cache once so the baseline is not charged for building it
            subprocess.run([py, "-c", JIEBA_BASELINE, str(reports)], check=True, stdout=subprocess.DEVNULL, env=env)
            results["jieba.lcut baseline"] = best_of(args.repeat, [py, "-c", JIEBA_BASELINE, str(reports)], env)
        if "serial" in runs:
            results["build serial"] = best_of(args.repeat, build + ["--out", str(work / "o1")], env)
        if "processes" in runs:
            results["build processes"] = best_of(args.repeat, build + ["--out", str(work / "o2"), "--engine",
                                                                      "processes"], env)
        if any(r in runs for r in CACHE_RUNS):
            results["build cold cache (proc.)"] = best_of(
                1 if "cold" not in runs else args.repeat,
                build + ["--out", str(work / "o3"), "--engine", "processes", "--cache", str(cache)], env,
                before=lambda: shutil.rmtree(cache, ignore_errors=True))
        if "current" in runs:  # the folder of the cold build, nothing changed: up to date
            results["warm, up to date"] = best_of(args.repeat, build + ["--out", str(work / "o3"), "--cache",
                                                                       str(cache)], env)
        if "warm" in runs:  # a new folder each time: every file is written
            results["warm, new folder"] = best_of(args.repeat, build + ["--out", str(work / "o4"), "--cache",
                                                                       str(cache)], env,
                                                  before=lambda: shutil.rmtree(work / "o4", ignore_errors=True))
        if "warmp" in runs:
            results["warm, new folder (proc.)"] = best_of(
                args.repeat, build + ["--out", str(work / "o5"), "--cache", str(cache), "--engine", "processes"],
                env, before=lambda: shutil.rmtree(work / "o5", ignore_errors=True))
        if "added" in runs:  # one new report: processed, every file written again (once: it changes the cache)
            sample = min(reports.glob("*.txt"))
            added = reports / ADDED
            added.write_bytes(sample.read_bytes().replace("人大".encode(), "人大常委会".encode(), 1) + b"\n")
            try:
                results["warm, +1 report"] = best_of(1, build + ["--out", str(work / "o3"), "--cache", str(cache)],
                                                     env)
            finally:
                added.unlink()
        print(f"corpus: {n_docs} documents, {mb:.1f} MB UTF-8; machine: {machine()}"
              + ("; tables gzip-compressed (--compress)" if args.compress else ""))
        print(f"{'run':<26}{'seconds':>9}{'MB/s':>8}{'docs/s':>9}{'CPU s':>8}{'peak MiB':>10}")
        for name, (sec, cpu, peak) in results.items():
            print(f"{name:<26}{sec:>9.2f}{mb / sec:>8.2f}{n_docs / sec:>9.0f}{cpu:>8.1f}{peak:>10.0f}")
        base = results.get("jieba.lcut baseline", (None,))[0]
        serial = results.get("build serial", (None,))[0]
        procs = results.get("build processes", (None,))[0]
        if base and serial:
            print(f"serial build throughput / jieba baseline: {base / serial:.2f}x")
        if serial and procs:
            print(f"processes / serial speed-up: {serial / procs:.2f}x")
        if "warm, new folder" in results:
            cold = results["build cold cache (proc.)"][0]
            warm = results["warm, new folder"][0]
            print(f"warm-cache rebuild into a new folder: {warm / cold:.2f} of the cold (processes) time"
                  + (f", {warm / serial:.2f} of the serial time" if serial else ""))
        for folder in ("o1", "o2", "o3"):
            if (work / folder).is_dir():
                out_size = sum(p.stat().st_size for p in (work / folder).iterdir() if p.is_file())
                print(f"output folder: {out_size / 1e6:.0f} MB")
                break
        if any(r in runs for r in CACHE_RUNS):
            size = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file())
            print(f"cache: {size / 2**20:.0f} MiB ({size / max(n_docs, 1) / 1024:.0f} KiB per document)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
