"""Throughput and memory of `congress-lib build` against a plain jieba baseline.

Makes a synthetic corpus by sampling and re-combining the sentences of the
bundled reports (numbers varied, fixed seed), then measures, in one run and each
as a whole process:

1. plain ``jieba.lcut`` over the same files (what any user would write first);
2. ``congress-lib build`` with the serial engine (every table it writes);
3. the same with ``--engine processes`` (all cores);
4. a warm-cache rebuild (``--cache``, second run);

and prints MB/s, docs/s, peak memory (max RSS of the process) and the ratios.

    python benchmarks/bench_build.py --docs 2000
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


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


_WRAP = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """Run a command in a fresh wrapper process; return (seconds, peak RSS MiB).

    The peak is the largest resident set of the command or any process it waited
    for (its worker processes included), measured by the wrapper alone.
    """
    out = subprocess.run([sys.executable, "-c", _WRAP, *cmd], check=True, capture_output=True, text=True, env=env)
    seconds, kib = out.stdout.split()
    return float(seconds), int(kib) / 1024


JIEBA_BASELINE = """
import sys, pathlib, logging, jieba
jieba.setLogLevel(logging.WARNING)
n = 0
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    n += len(jieba.lcut(p.read_text(encoding="utf-8")))
print(n)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--keep", action="store_true", help="keep the synthetic corpus")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="congress-bench-"))
    try:
        reports = work / "corpus"
        nbytes = make_corpus(reports, args.docs)
        mb = nbytes / 1e6
        py = sys.executable
        env = dict(os.environ, CONGRESS_LIB_CACHE=str(work / "jieba-cache"), PYTHONHASHSEED="0")
        # warm jieba's own dictionary cache once so the baseline is not charged for building it
        subprocess.run([py, "-c", JIEBA_BASELINE, str(reports)], check=True, stdout=subprocess.DEVNULL, env=env)
        results = {}
        results["jieba.lcut baseline"] = timed([py, "-c", JIEBA_BASELINE, str(reports)], env)
        build = [py, "-m", "congress_lib", "build", str(reports)]
        results["build serial"] = timed(build + ["--out", str(work / "o1")], env)
        results["build processes"] = timed(build + ["--out", str(work / "o2"), "--engine", "processes"], env)
        cache = str(work / "cache")
        timed(build + ["--out", str(work / "o3"), "--engine", "processes", "--cache", cache], env)
        results["build warm cache"] = timed(build + ["--out", str(work / "o4"), "--cache", cache], env)
        print(f"corpus: {args.docs} documents, {mb:.1f} MB UTF-8; machine: {os.cpu_count()} cores, "
              f"{sys.platform}, Python {sys.version.split()[0]}")
        print(f"{'run':<22}{'seconds':>9}{'MB/s':>8}{'docs/s':>9}{'peak MiB':>10}")
        for name, (sec, peak) in results.items():
            print(f"{name:<22}{sec:>9.2f}{mb / sec:>8.2f}{args.docs / sec:>9.0f}{peak:>10.0f}")
        base = results["jieba.lcut baseline"][0]
        serial = results["build serial"][0]
        print(f"serial build throughput / jieba baseline: {base / serial:.2f}x")
        print(f"processes / serial speed-up: {serial / results['build processes'][0]:.2f}x")
        print(f"warm-cache rebuild / serial: {results['build warm cache'][0] / serial:.2f} of the time")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
