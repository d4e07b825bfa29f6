"""Engines that map :func:`~congress_lib.pipeline.process_document` over files.

* ``serial``: one process, in order.
* ``processes``: a local process pool over all cores (``os.cpu_count()``).
* ``dask``: a ``dask.distributed`` cluster: the ``client`` passed in (a ``Client``,
  or the address or scheduler file of a running scheduler, connected to for the run),
  or a ``LocalCluster`` started for the run and closed after it. Without a shared
  disk (the default on any cluster but the local one) the submitting side reads
  each report, looks it up in the cache, and ships the bytes of the others with
  the task; the results come back to it, and it alone reads and writes the cache.
  With ``shared_disk`` the workers read the reports by path and the cache
  themselves. Tasks are pure and retried; a lost worker's tasks run again
  elsewhere; a build with no worker left fails after ``cluster_timeout`` seconds
  (see the dask section below).

Jobs are cut into batches (chunks of documents); :func:`iter_batches` yields
each batch's results in input order, whatever the engine, so tables are
identical whatever the engine and a caller can consume (write out, then drop)
one batch at a time: memory stays bounded on 10^5 documents. At most a few
batches per worker are in flight. Local workers read the files themselves (jobs carry
paths, not bytes), so the parent never holds the whole corpus's bytes; a dask
cluster without a shared disk gets the bytes of the batches in flight only.

The optional on-disk cache stores each document's result in **one file**
(``<root>/<2 hex>/<key>.pkl``) keyed by the file's content hash, its metadata
row, the lexicon version, the library version, a hash of the source of every
module of the package (:func:`_code_version`) and the cache format: rebuilding
after adding one report processes only that report, and a warm rebuild reads one
small file per document. An entry can also hold the document's rows already
formatted as CSV and its network evidence (see ``render``), so a warm
``congress-lib build`` formats nothing again; that part is reused only if it was
formatted as this build formats (the renderer's options, pandas), else it is made
again from the cached rows. Entries are written to a temporary
file renamed into place, so two processes building at once never see a
half-written entry; a damaged entry is recomputed, never trusted. The cache
folder is trusted data (entries are pickles): do not point it at files from
elsewhere.

A caller that already hashed the files (:func:`document_keys`) passes the keys
in: a cached document is then read from its entry without opening its file
again, and with ``processes`` a batch whose every document is cached is read in
the parent (cheaper than sending the result back through a pipe). The cache
also keeps build records (``<root>/builds/``): what an output folder was built
from, so that ``congress-lib build`` can tell a folder that is up to date.

While a run lasts, the objects alive before it (modules, compiled lexicons) are
moved out of the garbage collector's sight (``gc.freeze``) and the young
generation is collected less often: the run allocates many small objects and
no reference cycles, and collection passes otherwise cost a fifth of the time.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import ClusterError, InvalidArgumentError
from .pipeline import DOC_PATH, DocResult, compiled_for, process_document
from .resources import Lexicon

__all__ = ["run_jobs", "iter_batches", "resolve_cache", "document_keys", "check_cluster", "ENGINES"]

ENGINES = ("serial", "processes", "dask")
_PROGRESS_MIN = 200
#: Documents per batch (a batch is the unit of work sent to a worker, and of output).
BATCH_SIZE = 64
#: Bumped whenever the layout of a cache entry changes.
CACHE_FORMAT = 9
#: ``engine="dask"``: times a task that raised is run again (a task whose worker was lost is
#: run again by the scheduler without counting), and the seconds a build waits for the
#: scheduler to answer, for a first worker, and for a worker when none is left, before it fails.
RETRIES = 2
CLUSTER_TIMEOUT = 60.0

Job = tuple[str, str, str, dict]
#: ``render(results, lexicon)`` fills ``result.rendered`` for the results that lack it; its
#: ``tag`` attribute (a string, "" if absent) names what it makes (e.g. ``csv.gz``).
Renderer = Callable[[list[DocResult], Lexicon], None]


def _library_version() -> str:
    from .version import __version__

    return __version__


_CODE_VERSION: dict[str, str] = {}


def _code_version() -> str:
    """A hash of the source of every module of the package (``congress_lib/**/*.py``).

    Part of every cache key: an entry made by other code is never reused, whichever
    file the code that made it lives in (a list of "extraction modules" would serve
    stale entries as soon as a refactoring moved a rule into a module not on it).
    """
    got = _CODE_VERSION.get("package")
    if got is None:
        package = Path(__file__).resolve().parent
        h = hashlib.sha256()
        for file in sorted(package.rglob("*.py")):
            h.update(file.relative_to(package).as_posix().encode() + b"\0")
            h.update(file.read_bytes())
        got = _CODE_VERSION["package"] = h.hexdigest()
    return got


def _format_version(tag: str = "") -> str:
    """How a cached document's output was formatted: pandas and the renderer's ``tag`` (the
    code is in the cache key already)."""
    import pandas

    return f"pandas {pandas.__version__} {tag}"


# --- one batch (runs in the worker) ---------------------------------------------------


def _look_up(job: Job, lexicon: Lexicon, cache_root: str | None, formatted: str | None = None,
             known_key: str | None = None) -> tuple[DocResult | bytes, str | None, bool]:
    """One document's cached result, or its bytes to process: ``(result or bytes, cache key or None,
    True when it came from the cache)``. A file that cannot be read comes back as its reject.

    With ``formatted`` (the build command: its renderer's tag), a cached document that has its CSV
    text comes back without rows (the build needs none). ``known_key`` is the
    cache key the caller already computed from the file (see
    :func:`document_keys`): it is looked up before the file is read, and a hit
    never reads the file; a miss reads it and keys the new entry by the bytes
    it read (the file may have changed since).
    """
    doc_id, rel, path, meta = job
    if cache_root is not None and known_key is not None:
        hit = _cache_read(cache_root, known_key, doc_id, rel, formatted)
        if hit is not None:
            return hit, known_key, True
    try:
        with open(path, "rb") as fh:  # (plain strings: no Path objects per document)
            data = fh.read()
    except OSError as exc:
        return DocResult(doc_id=doc_id, path=rel, sha256="", reject=f"unreadable: {exc.strerror or exc}"), None, False
    key = None
    if cache_root is not None:
        key = _cache_key(data, meta, lexicon)
        if key != known_key:
            hit = _cache_read(cache_root, key, doc_id, rel, formatted)
            if hit is not None:
                return hit, key, True
    return data, key, False


def _run_one(job: Job, lexicon: Lexicon, cache_root: str | None, formatted: str | None = None,
             known_key: str | None = None) -> tuple[DocResult, str | None, bool]:
    """One document: (result, cache key or None, True when it came from the cache); see :func:`_look_up`."""
    got, key, hit = _look_up(job, lexicon, cache_root, formatted, known_key)
    if isinstance(got, bytes):
        got = process_document(job[0], job[1], got, job[3], lexicon)
    return got, key, hit


def _run_chunk(jobs: list[Job], lexicon: Lexicon, cache_root: str | None,
               render: Renderer | None = None, keys: list[str | None] | None = None) -> list[DocResult]:
    """Process (or read from the cache) one batch; format it as CSV when asked.

    ``keys``: the cache keys already computed for the jobs (None: compute them here).
    """
    formatted = _tag(render)
    done = [_run_one(job, lexicon, cache_root, formatted, key)
            for job, key in zip(jobs, keys if keys is not None else [None] * len(jobs))]
    return _finish_chunk(done, lexicon, cache_root, render)


def _finish_chunk(done: list[tuple[DocResult, str | None, bool]], lexicon: Lexicon, cache_root: str | None,
                  render: Renderer | None) -> list[DocResult]:
    """The end of a batch: format as CSV the results that lack it, write the cache entries of
    new results (and of cached ones that gained their CSV text), drop the rows a build does not need.
    ``done``: ``(result, cache key or None, True when it came from the cache)`` per document."""
    results = [res for res, _, _ in done]
    rendered: set[int] = set()
    if render is not None:
        todo = [res for res in results if not res.reject and res.rendered is None]
        render(todo, lexicon)
        rendered = {id(res) for res in todo}
    if cache_root is not None:
        root = Path(cache_root)
        for res, key, hit in done:
            # new results, and cached ones that gained their CSV text just now
            if key is not None and (not hit or id(res) in rendered):
                _cache_write(root, key, res, _tag(render) or "")
    if render is not None:
        # the build needs only the rendering back: no row is sent to the parent
        for res in results:
            res.tables = {}
    return results


# --- cache ----------------------------------------------------------------------------


def _cache_key(data: bytes, meta: dict, lexicon: Lexicon) -> str:
    h = hashlib.sha256()
    h.update(hashlib.sha256(data).digest())
    h.update(json.dumps(meta, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    h.update(lexicon.version.encode())
    h.update(_library_version().encode())
    h.update(_code_version().encode())
    h.update(f"format {CACHE_FORMAT}".encode())
    return h.hexdigest()


def _cache_file(root: str | Path, key: str) -> str:
    return os.path.join(root, key[:2], key + ".pkl")


def _tag(render: Renderer | None) -> str | None:
    """The renderer's tag (None: no renderer)."""
    return None if render is None else str(getattr(render, "tag", ""))


def _cache_read(root: str | Path, key: str, doc_id: str, rel: str, formatted: str | None = None) -> DocResult | None:
    """The cached result of a document, or None (absent, other format, damaged).

    An entry file holds two pickles: first the small parts (ids and what the
    renderer made of the document: for the build, its CSV text, network evidence
    and node counts), then the rows. A build that finds its rendering reads the
    first only (about a third of the file) and never a row.
    """
    file = _cache_file(root, key)
    try:
        with open(file, "rb") as fh:
            entry = pickle.load(fh)
            if not isinstance(entry, dict) or entry.get("format") != CACHE_FORMAT:
                return None
            if entry["doc_id"] != doc_id:
                return None  # same bytes under another name: recompute (ids are in every row)
            result = DocResult(doc_id=doc_id, path=rel, sha256=entry["sha256"], reject=entry["reject"],
                               content_hash=entry["content_hash"])
            if result.reject:
                return result
            # the rendering holds the path, and is only as good as the code that made it
            ready = (formatted is not None and entry["rendered"] is not None and entry["path"] == rel
                     and entry["formatted_by"] == _format_version(formatted))
            if not ready:
                result.tables = pickle.load(fh)  # the second pickle of the file
                docs = result.tables["documents"]
                if docs and docs[0][DOC_PATH] != rel:  # the same report, moved: its path is in the rows
                    row = list(docs[0])
                    row[DOC_PATH] = rel
                    docs[0] = tuple(row)
        if ready:
            result.rendered = entry["rendered"]
        return result
    except FileNotFoundError:
        return None
    except Exception:  # a damaged entry is recomputed, never trusted
        return None


def _cache_write(root: str | Path, key: str, result: DocResult, tag: str = "") -> None:
    final = Path(_cache_file(root, key))
    formatted = result.rendered is not None
    entry = {
        "format": CACHE_FORMAT, "doc_id": result.doc_id, "sha256": result.sha256, "reject": result.reject,
        "content_hash": result.content_hash, "path": result.path,
        "rendered": result.rendered,
        "formatted_by": _format_version(tag) if formatted else "",
    }

    def dump(fh) -> None:
        pickle.dump(entry, fh, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(result.tables, fh, protocol=pickle.HIGHEST_PROTOCOL)  # read only when needed

    _write_atomically(final, dump)  # another process writing the same entry writes the same bytes


def _write_atomically(final: Path, dump: Callable[[Any], None]) -> None:
    """Write a cache file through ``dump(binary file)`` into a temporary file renamed into
    place: a reader never sees half a file. A cache that cannot be written only costs time."""
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=final.suffix, dir=final.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                dump(fh)
            os.replace(tmp, final)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        pass


def _keys_of(jobs: Sequence[Job], lexicon: Lexicon) -> list[str | None]:
    keys: list[str | None] = []
    for job in jobs:
        try:
            with open(job[2], "rb") as fh:
                data = fh.read()
        except OSError:
            keys.append(None)
            continue
        keys.append(_cache_key(data, job[3], lexicon))
    return keys


def document_keys(jobs: Sequence[Job], lexicon: Lexicon) -> DocumentKeys:
    """The cache key of each job's file as it is now (None for a file that cannot be read),
    hashed in the background (see :class:`DocumentKeys`)."""
    return DocumentKeys(jobs, lexicon)


class DocumentKeys(Sequence):
    """The cache key of each job's file as it is now (None for a file that cannot be read).

    Every file is read and hashed on background threads, in runs of
    :attr:`RUN` files, as soon as this is made; indexing waits for the run that
    holds the key asked for. Reading and hashing release the interpreter lock, so
    a build can read its first cached documents while the last files are being
    hashed. The keys are what :func:`iter_batches` files the documents under, so
    passing them to it (``keys=``) saves reading each cached file twice.
    """

    RUN = 1024

    def __init__(self, jobs: Sequence[Job], lexicon: Lexicon):
        from concurrent.futures import ThreadPoolExecutor

        self._n = len(jobs)
        runs = [jobs[i:i + self.RUN] for i in range(0, self._n, self.RUN)]
        if len(runs) <= 1:
            self._runs = [_done(_keys_of(run, lexicon)) for run in runs]
            return
        pool = ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1))
        self._runs = [pool.submit(_keys_of, run, lexicon) for run in runs]
        pool.shutdown(wait=False)  # (the threads end when the last run is hashed)

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        return self._runs[i // self.RUN].result()[i % self.RUN]

    def __iter__(self):
        for run in self._runs:
            yield from run.result()


def _done(value):
    """A finished future holding ``value``."""
    from concurrent.futures import Future

    future: Future = Future()
    future.set_result(value)
    return future


# --- build records: is an output folder up to date? ------------------------------------
#
# After a build with a cache, the cache keeps a record of the output folder: a
# fingerprint of everything the output is made from (each input file's cache key,
# which holds its content hash, metadata row, lexicon, library and extraction code;
# the formatting code; the early rejects; the output format) and, for every file
# written, its size, modification time and inode, as git's index and make trust
# a file. A rebuild with the same fingerprint whose files are all unchanged has
# nothing to write. The record is removed before a build starts writing, so an
# interrupted build is never taken for a finished one.

BUILD_RECORD_FORMAT = 1


def build_fingerprint(jobs: Sequence[Job], keys: Sequence[str], parts: Sequence[str]) -> str:
    """A hash of what a build's output is made from: the jobs, their keys and ``parts``."""
    import networkx  # (it writes the graph files)

    h = hashlib.sha256()
    h.update(f"build record {BUILD_RECORD_FORMAT}\0{_library_version()}\0{_code_version()}\0"
             f"{_format_version()}\0networkx {networkx.__version__}\0format {CACHE_FORMAT}\0".encode())
    for part in parts:
        h.update(part.encode("utf-8") + b"\0")
    for job, key in zip(jobs, keys):
        h.update(f"{job[0]}\0{job[1]}\0{key}\n".encode("utf-8"))
    return h.hexdigest()


def _record_file(cache_root: str, out: Path) -> Path:
    where = str(out.resolve())
    return Path(cache_root) / "builds" / (hashlib.sha256(where.encode("utf-8")).hexdigest()[:32] + ".json")


def _stat(file: Path) -> list[int] | None:
    try:
        st = file.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def build_recorded(cache_root: str, out: Path) -> bool:
    """True when the cache holds a record of a build into ``out`` (it may be up to date)."""
    return _record_file(cache_root, out).is_file()


def build_is_current(cache_root: str, out: Path, fingerprint: str) -> bool:
    """True when ``out`` holds, unchanged, the files a build with ``fingerprint`` wrote."""
    try:
        record = json.loads(_record_file(cache_root, out).read_text(encoding="utf-8"))
        if record.get("format") != BUILD_RECORD_FORMAT or record.get("fingerprint") != fingerprint:
            return False
        if record.get("out") != str(out.resolve()) or not record.get("files"):
            return False
        return all(_stat(out / name) == list(stat) for name, stat in record["files"].items())
    except (OSError, ValueError, TypeError, AttributeError):
        return False


def forget_build(cache_root: str, out: Path) -> None:
    """Remove the record of ``out`` (done before a build starts writing into it)."""
    try:
        _record_file(cache_root, out).unlink()
    except OSError:  # (absent; or not removable: its file stats no longer match once the build writes)
        pass


def record_build(cache_root: str, out: Path, fingerprint: str, names: Sequence[str]) -> None:
    """Record that ``out`` now holds the files ``names`` made from ``fingerprint``."""
    files = {name: _stat(out / name) for name in sorted(names)}
    record = {"format": BUILD_RECORD_FORMAT, "out": str(out.resolve()), "fingerprint": fingerprint,
              "files": {name: stat for name, stat in files.items() if stat is not None}}
    # (without a record the next build writes everything again: only time is lost)
    _write_atomically(_record_file(cache_root, out), lambda fh: fh.write(json.dumps(record).encode("utf-8")))


def resolve_cache(cache: bool | str | os.PathLike) -> str | None:
    """The cache folder for ``cache`` (False/None: no cache; True: the default folder)."""
    if cache is False or cache is None:
        return None
    if cache is True:
        from .text import cache_dir

        return str(cache_dir() / "documents")
    if isinstance(cache, (str, os.PathLike)):
        Path(cache).mkdir(parents=True, exist_ok=True)
        return str(cache)
    raise InvalidArgumentError(f"cache must be True, False or a folder path, not {type(cache).__name__}.")


# --- engines ---------------------------------------------------------------------------


Chunk = tuple[list[Job], "list[str | None] | None"]


def _chunks(jobs: Sequence[Job], size: int, keys: Sequence[str | None] | None = None) -> list[Chunk]:
    """Batches of jobs, each with its jobs' known cache keys (or None).

    A batch's keys are read from ``keys`` only when the batch is run (they may
    still be being hashed: see :class:`document_keys`).
    """
    return [(list(jobs[i:i + size]), None if keys is None else _KeyRun(keys, i, min(i + size, len(jobs))))
            for i in range(0, len(jobs), size)]


class _KeyRun:
    """``keys[start:stop]``, read when iterated."""

    __slots__ = ("keys", "start", "stop")

    def __init__(self, keys: Sequence[str | None], start: int, stop: int):
        self.keys, self.start, self.stop = keys, start, stop

    def __iter__(self):
        return iter(self.keys[self.start:self.stop])


def _resolved(chunks: list[Chunk]) -> list[Chunk]:
    """The batches with their keys read (for batches sent to other processes)."""
    return [(jobs, None if keys is None else list(keys)) for jobs, keys in chunks]


def _batch_size(n_jobs: int, workers: int, parallel: bool) -> int:
    """Batches big enough to amortise per-batch work, small enough to balance the workers."""
    if not parallel:
        return BATCH_SIZE
    return max(1, min(BATCH_SIZE, n_jobs // (workers * 4) or 1))


@contextmanager
def _quiet_gc():
    """Freeze what exists now out of the collector's sight and collect the young
    generation less often, for the length of a run (restored afterwards)."""
    thresholds = gc.get_threshold()
    froze = gc.get_freeze_count() == 0
    if froze:
        gc.freeze()
    gc.set_threshold(max(thresholds[0], 20_000), thresholds[1], thresholds[2])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if froze:
            gc.unfreeze()


def iter_batches(jobs: Sequence[Job], lexicon: Lexicon, *, engine: str = "serial", cache: Any = False,
                 client: Any = None, progress: bool | None = None, workers: int | None = None,
                 render: Renderer | None = None, keys: Sequence[str | None] | None = None,
                 shared_disk: bool | None = None,
                 cluster_timeout: float | None = None) -> Iterator[list[DocResult]]:
    """Process every job with the chosen engine; yield the results batch by batch, in input order.

    Parameters
    ----------
    jobs : sequence of ``(doc_id, relative path, absolute path, metadata row)``.
    lexicon : the :class:`~congress_lib.resources.Lexicon` to extract with.
    engine : ``"serial"``, ``"processes"`` or ``"dask"``.
    cache : False, True or a folder (see :func:`resolve_cache`).
    client : for ``engine="dask"``: a ``dask.distributed.Client``, the address of a running
        scheduler (``"tcp://host:8786"``), a scheduler file (a ``pathlib.Path``, as
        ``dask scheduler --scheduler-file`` writes it), or None: a local cluster started for the run.
    progress : show a progress bar on stderr (default: only for runs of 200+ files).
    workers : worker processes (default: all cores; with dask, the threads of the cluster).
    render : called in the worker on each batch to fill ``DocResult.rendered``.
    keys : the jobs' cache keys if already computed (:func:`document_keys`); a
        cached document is then found without reading its file again.
    shared_disk : with dask, True: the workers read the reports by their paths and read and
        write the cache themselves (they must see this machine's files at the same paths);
        False: this side reads each report and ships its bytes with the task, and alone reads
        and writes the cache. Default: True for the local cluster, False for any other.
    cluster_timeout : with dask, the seconds to wait for the scheduler, for a first worker, and
        for a worker when every one is gone, before a :class:`~congress_lib.errors.ClusterError`
        (None: :data:`CLUSTER_TIMEOUT`).
    """
    if engine not in ENGINES:
        raise InvalidArgumentError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}.")
    if engine != "dask" and (client is not None or shared_disk is not None):
        raise InvalidArgumentError(f"a dask client or shared_disk applies to engine='dask', not {engine!r}; "
                                   "give engine='dask'.")
    cluster_timeout = check_cluster(client, cluster_timeout)
    cache_root = resolve_cache(cache)
    n_workers = max(1, workers or os.cpu_count() or 1)
    parallel = engine != "serial" and len(jobs) > 1
    if keys is not None and len(keys) != len(jobs):
        raise InvalidArgumentError(f"keys must have one entry per job ({len(jobs)}), not {len(keys)}.")
    keys = keys if cache_root is not None else None
    show = (len(jobs) >= _PROGRESS_MIN) if progress is None else bool(progress)
    if parallel and engine == "dask":
        with _quiet_gc():
            yield from _with_progress(_run_dask(jobs, keys, lexicon, cache_root, render, client, shared_disk,
                                                workers, cluster_timeout), len(jobs), show)
        return
    chunks = _chunks(jobs, _batch_size(len(jobs), n_workers, parallel), keys)
    cached: list[bool] = []
    if parallel:
        chunks = _resolved(chunks)
        cached = [_all_cached(chunk, cache_root) for chunk in chunks]
        if not all(cached):
            # compile once here: forked workers inherit it (serial runs, and a run whose every
            # document is cached, compile on need -- a warm run needs none)
            compiled_for(lexicon)
    with _quiet_gc():
        if not parallel:
            parts = (_run_chunk(chunk, lexicon, cache_root, render, chunk_keys) for chunk, chunk_keys in chunks)
            yield from _with_progress(parts, len(jobs), show)
        else:
            yield from _with_progress(_run_processes(chunks, cached, lexicon, cache_root, render, n_workers),
                                      len(jobs), show)


def _with_progress(parts: Iterator[list[DocResult]], total: int, show: bool) -> Iterator[list[DocResult]]:
    if not show:
        yield from parts
        return
    from tqdm.auto import tqdm

    class Bar(tqdm):  # without tqdm's monitor thread, which outlives the bar (a later fork stays safe)
        monitor_interval = 0

    bar = None
    try:
        for part in parts:
            if bar is None:  # created after the pool started (no thread before a fork)
                bar = Bar(total=total, unit="doc", desc="congress_lib", leave=False)
            bar.update(len(part))
            yield part
    finally:
        if bar is not None:
            bar.close()


def run_jobs(jobs: Sequence[Job], lexicon: Lexicon, *, engine: str = "serial", cache: Any = False,
             client: Any = None, progress: bool | None = None, workers: int | None = None) -> list[DocResult]:
    """Process every job with the chosen engine; all results, in input order."""
    out: list[DocResult] = []
    for part in iter_batches(jobs, lexicon, engine=engine, cache=cache, client=client, progress=progress,
                             workers=workers):
        out.extend(part)
    return out


def _in_order(submit: Callable[[Any], Any], result: Callable[[Any], list[DocResult]],
              chunks: list, ahead: int) -> Iterator[list[DocResult]]:
    """Submit at most ``ahead`` batches beyond the one awaited; yield results in order."""
    pending: deque = deque()
    it = iter(chunks)
    for chunk in it:
        pending.append(submit(chunk))
        if len(pending) >= ahead:
            break
    while pending:
        part = result(pending.popleft())
        nxt = next(it, None)
        if nxt is not None:
            pending.append(submit(nxt))
        yield part


_WORKER: dict[str, Any] = {}


def _init_worker(lexicon: Lexicon, cache_root: str | None, render: Renderer | None) -> None:
    _WORKER.update(lexicon=lexicon, cache_root=cache_root, render=render)


def _worker_chunk(chunk: Chunk) -> list[DocResult]:
    return _run_chunk(chunk[0], _WORKER["lexicon"], _WORKER["cache_root"], _WORKER["render"], chunk[1])


def _run_processes(chunks, cached, lexicon, cache_root, render, n_workers) -> Iterator[list[DocResult]]:
    """``cached[i]``: every document of batch i is in the cache (see :func:`_all_cached`)."""
    from concurrent.futures import Future, ProcessPoolExecutor
    import multiprocessing as mp

    ctx = mp.get_context("spawn" if os.name == "nt" else "fork")
    with ProcessPoolExecutor(max_workers=n_workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(lexicon, cache_root, render)) as pool:

        def submit(item: tuple[Chunk, bool]) -> Future:
            chunk, ready = item
            if ready:
                # reading a cache entry costs less than sending its result back through a pipe:
                # a batch whose every document is cached is read here, not in a worker
                done: Future = Future()
                done.set_result(_run_chunk(chunk[0], lexicon, cache_root, render, chunk[1]))
                return done
            return pool.submit(_worker_chunk, chunk)

        yield from _in_order(submit, lambda fut: fut.result(), list(zip(chunks, cached)),
                             ahead=2 * n_workers + 1)


def _all_cached(chunk: Chunk, cache_root: str | None) -> bool:
    """True when every document of the batch has a cache entry under its known key."""
    keys = chunk[1]
    return (cache_root is not None and keys is not None
            and all(key is not None and os.path.exists(_cache_file(cache_root, key)) for key in keys))


# --- dask ------------------------------------------------------------------------------
#
# Tasks are pure: a task maps a batch (the reports' bytes, or their paths on a shared disk)
# to its results and writes nothing but, on a shared disk, cache entries (atomically, the
# same bytes whoever writes them). A task whose worker is lost is run again on another
# worker by the scheduler, one that raised is retried (``retries``): the output is the same
# byte for byte. The reports' bytes travel inside the task (not scattered to one worker),
# and the lexicon is a task of its own: the scheduler can run any of them again however
# many workers are lost, as long as one is left or joins within ``cluster_timeout``.


def check_cluster(client: Any, cluster_timeout: float | None = None) -> float:
    """Check the dask arguments of :func:`iter_batches` (before any work); return the timeout.

    ``client`` must be a ``distributed.Client``, a scheduler address, an existing
    scheduler file or None; ``cluster_timeout`` seconds above 0 (None: :data:`CLUSTER_TIMEOUT`).
    """
    if cluster_timeout is None:
        cluster_timeout = CLUSTER_TIMEOUT
    if isinstance(cluster_timeout, bool) or not isinstance(cluster_timeout, (int, float)) or not cluster_timeout > 0:
        raise InvalidArgumentError(f"cluster_timeout (--cluster-timeout) must be a number of seconds above 0, "
                                   f"not {cluster_timeout!r}.")
    if isinstance(client, os.PathLike):
        if not os.path.isfile(client):
            raise InvalidArgumentError(f"the scheduler file {os.fspath(client)!r} does not exist; give the file "
                                       "that 'dask scheduler --scheduler-file FILE' writes.")
    elif client is not None and not isinstance(client, str):
        from distributed import Client

        if not isinstance(client, Client):
            raise InvalidArgumentError("client must be a dask.distributed.Client, a scheduler address "
                                       "('tcp://host:8786'), a scheduler file (pathlib.Path) or None "
                                       f"(a local cluster), not {type(client).__name__}.")
    return float(cluster_timeout)


def _dask_client(client: Any, timeout: float):
    """``(client, owned, local)`` for the ``client`` argument of :func:`iter_batches`: a
    ``distributed.Client`` as it is; a scheduler address (str) or scheduler file (path)
    connected to; None: a ``LocalCluster`` on this machine. ``owned``: this run closes it."""
    from distributed import Client, LocalCluster

    if client is None:
        cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=50)
        return Client(cluster), True, True
    if isinstance(client, Client):
        return client, False, False
    if isinstance(client, str):
        where, kwargs = client, {"address": client}
    else:
        where, kwargs = f"scheduler file {os.fspath(client)!r}", {"scheduler_file": os.fspath(client)}
    try:
        return Client(timeout=timeout, **kwargs), True, False
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the dask scheduler at {where} within {timeout:g} s ({_one_line(exc)}); "
                           "start it ('dask scheduler') or check the address.") from None


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def _identity(value):
    return value


def _check_code(code: str) -> None:
    """Refuse to work on a worker whose congress_lib is not the submitting side's (its results
    would differ, and would be cached under the submitting side's keys)."""
    if _code_version() != code:
        raise ClusterError(f"a dask worker runs other congress_lib code (version {_library_version()} at "
                           f"{Path(__file__).resolve().parent}); install the same congress_lib on every worker.")


def _run_paths(code: str, jobs: list[Job], lexicon: Lexicon, cache_root: str | None, render: Renderer | None,
               keys: list[str | None] | None) -> list[DocResult]:
    """A dask task on a shared disk: the worker reads the reports and the cache itself."""
    _check_code(code)
    with _quiet_gc():
        return _run_chunk(jobs, lexicon, cache_root, render, keys)


def _run_shipped(code: str, items: list[tuple[str, str, bytes, dict]], lexicon: Lexicon,
                 render: Renderer | None, rows: bool) -> list[DocResult]:
    """A dask task without a shared disk: process the shipped ``(doc_id, path, bytes, metadata)``
    and format them when asked; ``rows``: send the rows back too (the submitting side caches them)."""
    _check_code(code)
    with _quiet_gc():
        results = [process_document(doc_id, rel, data, meta, lexicon) for doc_id, rel, data, meta in items]
        if render is not None:
            render([res for res in results if not res.reject], lexicon)
            if not rows:
                for res in results:
                    res.tables = {}
    return results


def _ship(chunk: Chunk, lexicon: Lexicon, cache_root: str | None, formatted: str | None):
    """Read one batch on the submitting side: ``(looked up, items to ship)``, the first
    :func:`_look_up` per document (cached results, rejects or bytes), the second
    ``(doc_id, path, bytes, metadata)`` of each document to process."""
    jobs, keys = chunk
    looked = [_look_up(job, lexicon, cache_root, formatted, key)
              for job, key in zip(jobs, keys if keys is not None else [None] * len(jobs))]
    items = [(job[0], job[1], got, job[3]) for job, (got, _, _) in zip(jobs, looked) if isinstance(got, bytes)]
    return looked, items


def _merge(looked: list, processed: list[DocResult], lexicon: Lexicon, cache_root: str | None,
           render: Renderer | None) -> list[DocResult]:
    """A shipped batch back on the submitting side: the processed results in their places,
    the cache written here (see :func:`_finish_chunk`)."""
    new = iter(processed)
    done = [(next(new), key, False) if isinstance(got, bytes) else (got, key, hit) for got, key, hit in looked]
    return _finish_chunk(done, lexicon, cache_root, render)


def _cluster_threads(client, where: str, timeout: float) -> int:
    """The worker threads of the cluster, once at least one worker is there (waits ``timeout`` s)."""
    try:
        client.wait_for_workers(1, timeout=timeout)
    except (TimeoutError, OSError):
        raise ClusterError(f"no dask worker joined the scheduler at {where} within {timeout:g} s; start workers "
                           f"('dask worker {where}').") from None
    return max(1, sum(client.nthreads().values()))


def _live_workers(client) -> int:
    try:
        return len(client.nthreads())
    except (OSError, TimeoutError):  # (the scheduler does not answer)
        return 0


def _dask_result(future, client, where: str, timeout: float) -> list[DocResult]:
    """A task's result; a :class:`ClusterError` once no worker has been left for ``timeout`` s,
    when the scheduler is lost, or when the task killed the workers that ran it."""
    from distributed import CancelledError, KilledWorker

    alone_since = None
    while True:
        try:
            return future.result(timeout=1.0)
        except TimeoutError:
            pass
        except KilledWorker:
            raise ClusterError(f"dask workers of the scheduler at {where} died several times while running the "
                               "same batch of reports (out of memory?); give the workers more memory and build "
                               "again (with --cache, finished documents are kept).") from None
        except CancelledError:  # (every future is cancelled when the scheduler is lost)
            raise ClusterError(f"lost the connection to the dask scheduler at {where}; build again once it runs "
                               "(with --cache, finished documents are kept).") from None
        if _live_workers(client):
            alone_since = None
            continue
        now = time.monotonic()
        alone_since = now if alone_since is None else alone_since
        if now - alone_since >= timeout:
            raise ClusterError(f"every dask worker of the scheduler at {where} is gone and none joined within "
                               f"{timeout:g} s; start workers ('dask worker {where}') and build again "
                               "(with --cache, finished documents are kept).")


def _run_dask(jobs, keys, lexicon, cache_root, render, client, shared_disk, workers,
              cluster_timeout) -> Iterator[list[DocResult]]:
    client, owned, local = _dask_client(client, cluster_timeout)
    where = str(getattr(client.scheduler, "address", None) or "the scheduler")
    try:
        n_threads = workers or _cluster_threads(client, where, cluster_timeout)
        chunks = _chunks(jobs, _batch_size(len(jobs), n_threads, True), keys)
        code = _code_version()
        # the lexicon as a task, not scattered data: run again if every worker that held it is lost
        lex = client.submit(_identity, lexicon, pure=False)
        paths = shared_disk if shared_disk is not None else local
        if paths:
            root = None if cache_root is None else os.path.abspath(cache_root)  # (the workers' cwd is not ours)

            def submit(chunk: Chunk):
                jobs = [(doc_id, rel, os.path.abspath(path), meta) for doc_id, rel, path, meta in chunk[0]]
                return client.submit(_run_paths, code, jobs, lex, root, render,
                                     None if chunk[1] is None else list(chunk[1]), pure=False, retries=RETRIES)

            def result(future) -> list[DocResult]:
                return _dask_result(future, client, where, cluster_timeout)
        else:
            formatted = _tag(render)

            def submit(chunk: Chunk):
                looked, items = _ship(chunk, lexicon, cache_root, formatted)
                future = (client.submit(_run_shipped, code, items, lex, render, cache_root is not None,
                                        pure=False, retries=RETRIES) if items else None)
                return looked, future

            def result(sent) -> list[DocResult]:
                looked, future = sent
                done = [] if future is None else _dask_result(future, client, where, cluster_timeout)
                return _merge(looked, done, lexicon, cache_root, render)

        # a few batches per worker thread in flight (shipped ones hold their reports' bytes here)
        yield from _in_order(submit, result, chunks, ahead=(4 if paths else 2) * n_threads + 2)
    finally:
        if owned:
            cluster = client.cluster
            client.close()
            if cluster is not None:
                cluster.close()
