"""Throughput of `congress-lib build` through a dask scheduler with two workers, and the
time a killed worker costs (issue 17).

Makes the synthetic corpus of ``bench_build.py`` (``--docs`` reports), then times, each as a
whole ``congress-lib build`` process (interpreter start, imports, connecting and every output
file included; starting the cluster, and a first build of the bundled corpus that has
each worker compile the lexicon, are not):

1. ``--engine processes`` (all local cores), for comparison, in the same run;
2. ``--engine dask --scheduler ADDRESS`` on a ``dask scheduler`` and two ``dask worker``
   processes (one thread each, no nanny) on 127.0.0.1: the reports' bytes shipped with the
   tasks (no shared disk);
3. the same with ``--shared-disk`` (the workers read the reports by path);
4. the same as 2 with one worker killed (SIGKILL) half-way through the build (once
   documents.csv is half written) and a new one
   started at once (what a nanny or a batch system does): the time lost is this run's time
   less that of 2;
5. the same as 2 with one worker killed half-way and none started: the second half runs
   on one worker.

Every output folder is compared byte for byte with that of ``--engine processes``. Also
printed: the peak resident memory of each worker (sampled every 0.1 s) and of the
submitting ``congress-lib`` process.

The runs take turns, ``--repeat`` rounds, and the fastest of each is kept (shared machines
are noisy; the load average is printed).

    python benchmarks/bench_cluster.py --docs 2000 --repeat 3
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_build import ROOT, _tree_rss, machine, make_corpus

WAIT = 120.0


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


class Cluster:
    """``dask scheduler`` and ``dask worker`` subprocesses on 127.0.0.1 (killed by :meth:`stop`)."""

    def __init__(self, folder: Path, env: dict):
        self.folder, self.env = folder, env
        self.procs: dict[str, subprocess.Popen] = {}
        self.address = ""
        self.peak: dict[str, int] = {}
        self._sampling = True
        self._sampler = threading.Thread(target=self._sample, daemon=True)

    def _spawn(self, name: str, args: list[str]) -> None:
        with open(self.folder / f"{name}.log", "wb") as log:
            self.procs[name] = subprocess.Popen([sys.executable, "-m", "dask", *args], stdout=log,
                                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=self.env)

    def start(self, workers: int) -> None:
        file = self.folder / "scheduler.json"
        self._spawn("scheduler", ["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                  "--scheduler-file", str(file)])
        deadline = time.monotonic() + WAIT
        while not self.address:
            if time.monotonic() > deadline or self.procs["scheduler"].poll() is not None:
                raise SystemExit("the dask scheduler did not start")
            try:
                self.address = json.loads(file.read_text())["address"]
            except (OSError, ValueError, KeyError):
                time.sleep(0.05)
        self.ensure(workers)
        self._sampler.start()

    def live(self) -> list[str]:
        return [name for name, proc in self.procs.items() if name != "scheduler" and proc.poll() is None]

    def ensure(self, n: int) -> None:
        """Start workers until ``n`` are alive; wait until they have joined."""
        while len(self.live()) < n:
            self.add_worker()
        self.wait_for(n)

    def add_worker(self, name: str | None = None) -> None:
        name = name or f"w{len(self.procs)}"  # (w1, w2 ...: the scheduler is one of the processes)
        self._spawn(name, ["worker", self.address, "--name", name, "--nthreads", "1", "--no-nanny",
                           "--no-dashboard", "--host", "127.0.0.1", "--local-directory", str(self.folder / name)])

    def wait_for(self, n: int) -> None:
        from distributed import Client

        with Client(self.address, timeout=WAIT) as client:
            client.wait_for_workers(n, timeout=WAIT)

    def kill(self, name: str) -> None:
        self.procs[name].kill()
        self.procs[name].wait(timeout=30)

    def _sample(self) -> None:
        while self._sampling:
            for name, proc in list(self.procs.items()):
                if name != "scheduler" and proc.poll() is None:
                    self.peak[name] = max(self.peak.get(name, 0), _tree_rss(proc.pid))
            time.sleep(0.1)

    def stop(self) -> None:
        self._sampling = False
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.kill()
        for proc in self.procs.values():
            proc.wait(timeout=30)


def _run(cmd: list[str], env: dict, during=None) -> tuple[float, int]:
    """Run a build; return (wall seconds, peak resident bytes of the build process and its children).
    ``during(seconds since start)`` is called every 10 ms while it runs."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL, env=env)
        peak = 0
        try:
            while proc.poll() is None:
                peak = max(peak, _tree_rss(proc.pid))
                if during is not None:
                    during(time.perf_counter() - start)
                time.sleep(0.01)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
        seconds = time.perf_counter() - start
        if proc.returncode:
            err.seek(0)
            raise SystemExit(f"{' '.join(cmd)} failed:\n{err.read().decode(errors='replace')[-2000:]}")
    return seconds, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the fastest is kept")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic corpus and outputs")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="congress-bench-cluster-"))
    cluster = None
    try:
        reports = work / "corpus"
        mb = make_corpus(reports, args.docs) / 1e6
        env = dict(os.environ, CONGRESS_LIB_CACHE=str(work / "jieba-cache"), PYTHONHASHSEED="0",
                   PYTHONPATH=os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]))
        build = [sys.executable, "-m", "congress_lib", "build", str(reports)]
        processes = build + ["--engine", "processes", "--out", str(work / "processes")]
        _run(processes, env)  # (the reference output, and the page cache warmed for every run)
        reference = _hashes(work / "processes")
        half_way = (work / "processes" / "documents.csv").stat().st_size / 2

        cluster = Cluster(work, env)
        cluster.start(2)
        dask = build + ["--engine", "dask", "--scheduler", cluster.address]
        # a cluster lives on between builds: each worker compiles the lexicon once, at its first batch
        _run([sys.executable, "-m", "congress_lib", "build", str(ROOT / "corpus"), "--out", str(work / "warm-up"),
              "--engine", "dask", "--scheduler", cluster.address], env)

        def kill_half_way(out: str, replace: bool):
            """Kill a worker once half the documents are written (documents.csv is half its size)."""
            victim = sorted(cluster.live())[0]
            written = work / out / "documents.csv"

            def during(elapsed: float) -> None:
                if cluster.procs[victim].poll() is None and written.exists() and written.stat().st_size >= half_way:
                    cluster.kill(victim)
                    if replace:
                        cluster.add_worker()
            return during

        # label: (output folder, options, kill a worker half-way: None, or whether to start a new one)
        runs = {
            "--engine processes": ("processes", ["--engine", "processes"], None),
            "scheduler, 2 workers, bytes shipped": ("scheduler", [], None),
            "scheduler, 2 workers, --shared-disk": ("shared", ["--shared-disk"], None),
            "one worker killed half-way, a new one started": ("killed", [], True),
            "one worker killed half-way, none started": ("alone", [], False),
        }
        # the runs take turns, round after round (a shared machine's load then weighs on each alike)
        times: dict[str, list[tuple[float, int]]] = {label: [] for label in runs}
        for _ in range(args.repeat):
            for label, (out, options, replace) in runs.items():
                if out == "processes":
                    cmd = processes
                else:
                    cmd = dask + ["--out", str(work / out), *options]
                    cluster.ensure(2)
                # (the last run's documents.csv: the kill waits for this run's to be half written)
                (work / out / "documents.csv").unlink(missing_ok=True)
                times[label].append(_run(cmd, env, None if replace is None else kill_half_way(out, replace)))
        rows = [(label, *min(got)) for label, got in times.items()]
        same = all(_hashes(work / name) == reference for name in ("scheduler", "shared", "killed", "alone"))
        print(f"machine: {machine()}; load average at the end: {os.getloadavg()[0]:.1f}")
        print(f"corpus: {args.docs} documents, {mb:.1f} MB")
        print("| run | seconds | docs/s | MB/s | submitting process, peak MiB |")
        print("|---|---:|---:|---:|---:|")
        for label, seconds, peak in rows:
            print(f"| {label} | {seconds:.2f} | {args.docs / seconds:,.0f} | {mb / seconds:.2f} | {peak / 2**20:,.0f} |")
        print(f"scheduler (2 workers) / processes throughput: {rows[0][1] / rows[1][1]:.2f}")
        print(f"time lost to a killed worker replaced at once: {rows[3][1] - rows[1][1]:.2f} s; "
              f"one worker for the second half: +{rows[4][1] - rows[1][1]:.2f} s")
        print("worker peak MiB: " + ", ".join(f"{name} {peak / 2**20:,.0f}" for name, peak in sorted(cluster.peak.items())))
        print(f"every output identical to --engine processes: {'yes' if same else 'NO'}")
        return 0 if same else 1
    finally:
        if cluster is not None:
            cluster.stop()
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
