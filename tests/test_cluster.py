"""``congress-lib build --engine dask --scheduler ADDRESS`` on a real cluster (issue 17).

A ``dask scheduler`` and ``dask worker`` processes are started as subprocesses on 127.0.0.1
(free ports, no dashboard, one thread each, no nanny: a killed worker stays dead, as a
pre-empted node does), and the build runs as a ``congress-lib`` subprocess of its own. Every
output is compared byte for byte with a serial build of the same corpus: the bundled
reports plus reports generated from their sentences (marked slow: about ten seconds
each). Every wait is bounded and every
process is killed in the fixture's teardown. The subprocesses import the congress_lib this
test imports (``PYTHONPATH``), with the same environment otherwise.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import congress_lib as cl
from congress_lib.cli import main
from congress_lib.output import build

from conftest import CORPUS, files_of

#: The folder holding the congress_lib package this test imports (what the subprocesses import).
PACKAGE_PARENT = str(Path(cl.__file__).resolve().parent.parent)
NO_SHARED_DISK = str(Path(__file__).resolve().parent / "no_shared_disk.py")
#: Upper bound of every wait (a process starting, a worker joining, a build).
WAIT = 120.0


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([PACKAGE_PARENT, *filter(None, [env.get("PYTHONPATH")])])
    env.update(extra)
    return env


class Cluster:
    """A dask scheduler and workers, each a subprocess on 127.0.0.1; :meth:`stop` kills them all."""

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True)
        self.scheduler_file = folder / "scheduler.json"
        self.procs: list[subprocess.Popen] = []
        self.workers: dict[str, subprocess.Popen] = {}
        self.address = ""

    def _spawn(self, name: str, args: list[str], cwd: Path | None = None, **env: str) -> subprocess.Popen:
        log = open(self.folder / f"{name}.log", "wb")  # (a file, not a pipe: it never fills up)
        try:
            proc = subprocess.Popen([sys.executable, "-m", "dask", *args], stdout=log, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, cwd=cwd, env=_env(**env))
        finally:
            log.close()
        self.procs.append(proc)
        return proc

    def start(self, *workers: str) -> str:
        """The scheduler and one plain worker per name; the scheduler's address."""
        address = self.start_scheduler()
        for name in workers:
            self.add_worker(name)
        return address

    def start_scheduler(self) -> str:
        proc = self._spawn("scheduler", ["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                         "--scheduler-file", str(self.scheduler_file)])
        deadline = time.monotonic() + WAIT
        while not self.address:
            if proc.poll() is not None:
                pytest.fail(f"dask scheduler exited: {self.log('scheduler')}")
            if time.monotonic() > deadline:
                pytest.fail("dask scheduler did not write its scheduler file in time")
            try:
                self.address = json.loads(self.scheduler_file.read_text())["address"]
            except (OSError, ValueError, KeyError):
                time.sleep(0.05)
        assert self.address.startswith("tcp://127.0.0.1:")
        return self.address

    def add_worker(self, name: str, cwd: Path | None = None, preload: str | None = None, **env: str):
        scratch = self.folder / f"{name}-scratch"
        args = ["worker", self.address, "--name", name, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                "--host", "127.0.0.1", "--local-directory", str(scratch)]
        if preload:
            args += ["--preload", preload]
        self.workers[name] = self._spawn(name, args, cwd=cwd, **env)

    def client(self):
        from distributed import Client

        return Client(self.address, timeout=WAIT)

    def wait_for_workers(self, client, n: int) -> None:
        deadline = time.monotonic() + WAIT
        while len(client.nthreads()) < n:
            dead = [name for name, proc in self.workers.items() if proc.poll() is not None]
            if dead:
                pytest.fail(f"dask worker {dead[0]} exited: {self.log(dead[0])}")
            if time.monotonic() > deadline:
                pytest.fail(f"{n} dask workers did not join in time")
            time.sleep(0.1)

    def log(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text(errors="replace")[-2000:]

    def stop(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.kill()
        for proc in self.procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:  # pragma: no cover - a process that ignores SIGKILL
                pass


@pytest.fixture
def cluster(tmp_path):
    c = Cluster(tmp_path / "cluster")
    try:
        yield c
    finally:
        c.stop()


def _generate(folder: Path, n: int, seed: int = 17) -> None:
    """``n`` reports recombined from the sentences of the bundled corpus (numbers varied)."""
    corpus = cl.load_corpus(CORPUS)
    sentences = corpus.sentences["text"].tolist()
    rng = random.Random(seed)
    for i in range(n):
        parts = [re.sub(r"\d+", lambda m: str(rng.randint(1, 10 ** len(m.group(0)) - 1)), rng.choice(sentences))
                 for _ in range(rng.randint(20, 60))]
        (folder / f"gen{i:04d}.txt").write_text("\n".join(parts) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The bundled corpus plus 400 generated reports, and its serial build: ``(corpus, out)``."""
    root = tmp_path_factory.mktemp("cluster-corpus")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    _generate(corpus / "reports", 400)
    out = root / "serial"
    build(corpus, out)
    return corpus, out


def _build(corpus: Path, out: Path, *options: str, cwd: Path | None = None, wait: bool = True):
    """``congress-lib build CORPUS --out OUT --engine dask OPTIONS`` as a subprocess."""
    args = [sys.executable, "-m", "congress_lib", "build", str(corpus), "--out", str(out), "--engine", "dask",
            *options]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            cwd=cwd, env=_env(), text=True)
    if not wait:
        return proc
    code, stdout, stderr = _finish(proc)
    assert code == 0, stderr
    return stdout


def _finish(proc: subprocess.Popen) -> tuple[int, str, str]:
    try:
        stdout, stderr = proc.communicate(timeout=WAIT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    return proc.returncode, stdout, stderr


@pytest.mark.slow
def test_a_build_through_a_scheduler_equals_the_serial_build(cluster, reference, tmp_path):
    corpus, serial = reference
    address = cluster.start("w1", "w2")
    with cluster.client() as client:
        cluster.wait_for_workers(client, 2)
        assert _build(corpus, tmp_path / "out", "--scheduler", address).startswith("405 documents")
        assert files_of(tmp_path / "out") == files_of(serial)
        # a scheduler file, a cache filled by this side, then a warm rebuild from it
        for out in ("cold", "warm"):
            _build(corpus, tmp_path / out, "--scheduler-file", str(cluster.scheduler_file),
                   "--cache", str(tmp_path / "cache"))
            assert files_of(tmp_path / out) == files_of(serial)
        assert len(client.nthreads()) == 2


@pytest.mark.slow
def test_a_worker_killed_mid_build_changes_no_byte(cluster, reference, tmp_path):
    corpus, serial = reference
    address = cluster.start("w1", "w2")
    with cluster.client() as client:
        cluster.wait_for_workers(client, 2)
        w1 = next(addr for addr, info in client.scheduler_info()["workers"].items() if info["name"] == "w1")
        proc = _build(corpus, tmp_path / "out", "--scheduler", address, wait=False)
        try:
            # kill w1 (SIGKILL, as the out-of-memory killer does) while it holds a batch of the build
            deadline = time.monotonic() + WAIT
            while not any(str(key).startswith("_run_shipped") for key in client.processing().get(w1, ())):
                assert proc.poll() is None, "the build ended before a batch reached w1"
                assert time.monotonic() < deadline, "no batch reached w1 in time"
                time.sleep(0.01)
            cluster.workers["w1"].kill()
            assert proc.poll() is None  # killed mid-build
            code, stdout, stderr = _finish(proc)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert code == 0, stderr
        assert cluster.workers["w1"].wait(timeout=30) != 0
        assert list(client.nthreads()) != [w1] and len(client.nthreads()) == 1  # w2 finished the build
    assert files_of(tmp_path / "out") == files_of(serial)


@pytest.mark.slow
def test_workers_that_cannot_see_the_corpus_or_the_cache(cluster, reference, tmp_path):
    """Workers standing in another folder, denied the corpus and the submitting side's folder."""
    corpus, serial = reference
    here, there = tmp_path / "submitter", tmp_path / "node"
    here.mkdir()
    there.mkdir()
    cluster.start_scheduler()
    for name in ("w1", "w2"):
        cluster.add_worker(name, cwd=there, preload=NO_SHARED_DISK,
                           CONGRESS_TEST_NO_ACCESS=os.pathsep.join([str(corpus), str(here)]))
    with cluster.client() as client:
        cluster.wait_for_workers(client, 2)
        # a relative --cache: this side's folder, never the workers'
        for out in ("cold", "warm"):
            _build(corpus, here / out, "--scheduler-file", str(cluster.scheduler_file), "--cache", "cache",
                   cwd=here)
            assert files_of(here / out) == files_of(serial)
        assert len(list((here / "cache").rglob("*.pkl"))) == 405
        # with --shared-disk the workers read by path: here they cannot, and every report says so
        # (which shows the workers are indeed denied the corpus)
        _build(corpus, here / "shared", "--scheduler-file", str(cluster.scheduler_file), "--shared-disk",
               cwd=here)
        assert len(client.nthreads()) == 2
    rejected = (here / "shared" / "rejected.csv").read_text(encoding="utf-8")
    assert rejected.count("unreadable: Permission denied") == 405
    assert list(there.iterdir()) == []  # no worker wrote where it stands


@pytest.mark.slow
def test_a_build_whose_every_worker_is_gone_fails_in_one_line(cluster, reference, tmp_path):
    corpus, _ = reference
    address = cluster.start("w1")
    with cluster.client() as client:
        cluster.wait_for_workers(client, 1)
        proc = _build(corpus, tmp_path / "out", "--scheduler", address, "--cluster-timeout", "3", wait=False)
        try:
            deadline = time.monotonic() + WAIT
            while not any(client.processing().values()):
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.01)
            cluster.workers["w1"].kill()
            started = time.monotonic()
            code, stdout, stderr = _finish(proc)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert code == 1
    assert time.monotonic() - started < 60
    assert stderr.strip().splitlines() == [
        f"congress-lib: error: every dask worker of the scheduler at {address} is gone and none joined within "
        f"3 s; start workers ('dask worker {address}') and build again (with --cache, finished documents are kept)."]


# --- the options, without a cluster ---------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # (closed again when the with block ends: nothing listens)


def test_an_unreachable_scheduler_fails_in_one_line_after_the_timeout(tmp_path, capsys):
    address = f"tcp://127.0.0.1:{_closed_port()}"
    started = time.monotonic()
    code = main(["build", str(CORPUS), "--out", str(tmp_path / "out"), "--engine", "dask", "--scheduler", address,
                 "--cluster-timeout", "1"])
    assert code == 1 and time.monotonic() - started < 30
    err = capsys.readouterr().err
    assert err.startswith(f"congress-lib: error: cannot reach the dask scheduler at {address} within 1 s (")
    assert err.endswith("start it ('dask scheduler') or check the address.\n") and err.count("\n") == 1


@pytest.mark.parametrize("args, message", [
    (["--scheduler", "tcp://127.0.0.1:8786"], "apply to the dask engine, not 'serial'; add --engine dask"),
    (["--engine", "processes", "--shared-disk"], "apply to the dask engine, not 'processes'; add --engine dask"),
    (["--engine", "dask", "--scheduler-file", "missing.json"], "scheduler file 'missing.json' does not exist"),
    (["--engine", "dask", "--cluster-timeout", "0"], "must be a number of seconds above 0, not 0.0"),
])
def test_cluster_options_are_checked_before_any_report_is_read(tmp_path, capsys, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    assert main(["build", str(CORPUS), "--out", "out", *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("congress-lib: error: ") and message in err and err.count("\n") == 1


def test_scheduler_and_scheduler_file_exclude_each_other(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["build", str(CORPUS), "--out", "out", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1",
              "--scheduler-file", "s.json"])
    assert exc.value.code == 2 and "not allowed with argument" in capsys.readouterr().err


def test_a_dask_client_is_refused_with_another_engine():
    with pytest.raises(cl.InvalidArgumentError, match="give engine='dask'"):
        cl.load_corpus(CORPUS, engine="serial", client="tcp://127.0.0.1:8786")
    with pytest.raises(cl.InvalidArgumentError, match="client must be a dask.distributed.Client, a scheduler address"):
        cl.load_corpus(CORPUS, engine="dask", client=8786)


@pytest.mark.slow
def test_cluster_benchmark_runs_and_prints_its_figures(tmp_path):
    """benchmarks/bench_cluster.py on a tiny synthetic corpus: every run printed, every output identical."""
    root = Path(__file__).resolve().parents[1]
    # a session of its own: its scheduler and workers are killed with it, whatever happens
    proc = subprocess.Popen([sys.executable, str(root / "benchmarks" / "bench_cluster.py"), "--docs", "24"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL,
                            env=_env(TMPDIR=str(tmp_path)), start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=900)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=30)
    assert proc.returncode == 0, stderr[-2000:]
    for label in ("--engine processes", "scheduler, 2 workers, bytes shipped", "--shared-disk",
                  "killed half-way, a new one started", "killed half-way, none started",
                  "time lost to a killed worker", "worker peak MiB", "identical to --engine processes: yes"):
        assert label in stdout, label
