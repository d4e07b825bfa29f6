"""Engines that map :func:`~congress_lib.pipeline.process_document` over files.

* ``serial``: one process, in order.
* ``processes``: a local process pool over all cores (``os.cpu_count()``).
* ``dask``: a ``dask.distributed`` cluster: the ``client`` passed in, or a
  ``LocalCluster`` started for the run and closed after it.

Every engine returns results in input order, so tables are identical whatever
the engine. Workers read the files themselves (jobs carry paths, not bytes), so
the parent never holds the whole corpus's bytes.

The optional on-disk cache stores each document's result as Parquet files keyed
by the file's content hash, its metadata row, the lexicon version and the
library version: rebuilding after adding one report processes only that report.
Writes go to a temporary folder renamed into place, so two processes building at
once never see a half-written entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import InvalidArgumentError
from .pipeline import TABLES, DocResult, process_document
from .resources import Lexicon

__all__ = ["run_jobs", "ENGINES"]

ENGINES = ("serial", "processes", "dask")
_PROGRESS_MIN = 200

Job = tuple[str, str, str, dict]


def _library_version() -> str:
    from . import __version__

    return __version__


def _run_one(job: Job, lexicon: Lexicon, cache_root: str | None) -> DocResult:
    doc_id, rel, path, meta = job
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return DocResult(doc_id=doc_id, path=rel, sha256="", reject=f"unreadable: {exc.strerror or exc}")
    key = None
    if cache_root is not None:
        key = _cache_key(data, meta, lexicon)
        hit = _cache_read(Path(cache_root), key, doc_id, rel)
        if hit is not None:
            return hit
    result = process_document(doc_id, rel, data, meta, lexicon)
    if key is not None:
        _cache_write(Path(cache_root), key, result)
    return result


def _run_chunk(jobs: list[Job], lexicon: Lexicon, cache_root: str | None) -> list[DocResult]:
    return [_run_one(job, lexicon, cache_root) for job in jobs]


# --- cache -----------------------------------------------------------------------


def _cache_key(data: bytes, meta: dict, lexicon: Lexicon) -> str:
    h = hashlib.sha256()
    h.update(hashlib.sha256(data).digest())
    h.update(json.dumps(meta, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    h.update(lexicon.version.encode())
    h.update(_library_version().encode())
    return h.hexdigest()


def _cache_read(root: Path, key: str, doc_id: str, rel: str) -> DocResult | None:
    folder = root / key[:2] / key
    meta_file = folder / "result.json"
    if not meta_file.is_file():
        return None
    try:
        import pyarrow.parquet as pq

        info = json.loads(meta_file.read_text(encoding="utf-8"))
        if info.get("doc_id") != doc_id:
            return None  # same bytes under another name: recompute (ids are in every row)
        result = DocResult(doc_id=doc_id, path=rel, sha256=info["sha256"], reject=info["reject"],
                           content_hash=info["content_hash"])
        if not result.reject:
            tables = {}
            for name in TABLES:
                f = folder / f"{name}.parquet"
                tables[name] = pq.read_table(f).to_pylist() if f.is_file() else []
            for row in tables["documents"]:
                row["path"] = rel
            result.tables = tables
        return result
    except Exception:  # a damaged entry is recomputed, never trusted
        return None


def _cache_write(root: Path, key: str, result: DocResult) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    final = root / key[:2] / key
    if final.exists():
        return
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=final.parent))
    try:
        for name, rows in result.tables.items():
            if rows:
                pq.write_table(pa.Table.from_pylist(rows), tmp / f"{name}.parquet")
        (tmp / "result.json").write_text(json.dumps({
            "doc_id": result.doc_id, "sha256": result.sha256, "reject": result.reject,
            "content_hash": result.content_hash}, ensure_ascii=False), encoding="utf-8")
        try:
            os.replace(tmp, final)
        except OSError:
            pass  # another process won the race; its entry is equivalent
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def resolve_cache(cache: bool | str | os.PathLike) -> str | None:
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


def _chunks(jobs: Sequence[Job], size: int) -> list[list[Job]]:
    return [list(jobs[i:i + size]) for i in range(0, len(jobs), size)]


def run_jobs(jobs: Sequence[Job], lexicon: Lexicon, *, engine: str = "serial", cache: Any = False,
             client: Any = None, progress: bool | None = None, workers: int | None = None) -> list[DocResult]:
    """Process every job with the chosen engine; results in input order."""
    if engine not in ENGINES:
        raise InvalidArgumentError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}.")
    cache_root = resolve_cache(cache)
    show = (len(jobs) >= _PROGRESS_MIN) if progress is None else bool(progress)
    bar = None
    if show:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(jobs), unit="doc", desc="congress_lib", leave=False)
    try:
        if engine == "serial" or len(jobs) <= 1:
            out = []
            for job in jobs:
                out.append(_run_one(job, lexicon, cache_root))
                if bar is not None:
                    bar.update(1)
            return out
        size = max(1, min(64, len(jobs) // ((workers or os.cpu_count() or 1) * 8) or 1))
        chunks = _chunks(jobs, size)
        if engine == "processes":
            from concurrent.futures import ProcessPoolExecutor
            import multiprocessing as mp

            ctx = mp.get_context("spawn" if os.name == "nt" else "fork")
            results: list[DocResult] = []
            with ProcessPoolExecutor(max_workers=workers or os.cpu_count(), mp_context=ctx) as pool:
                for part in pool.map(_run_chunk, chunks, [lexicon] * len(chunks), [cache_root] * len(chunks)):
                    results.extend(part)
                    if bar is not None:
                        bar.update(len(part))
            return results
        return _run_dask(chunks, lexicon, cache_root, client, bar)
    finally:
        if bar is not None:
            bar.close()


def _run_dask(chunks, lexicon, cache_root, client, bar) -> list[DocResult]:
    from distributed import Client, LocalCluster

    own = None
    if client is None:
        cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=50)
        own = Client(cluster)
        client = own
    elif not isinstance(client, Client):
        raise InvalidArgumentError("client must be a dask.distributed.Client (or None to start a local cluster).")
    try:
        lex_future = client.scatter(lexicon, broadcast=True)
        futures = [client.submit(_run_chunk, chunk, lex_future, cache_root, pure=False) for chunk in chunks]
        results: list[DocResult] = []
        for fut in futures:  # in submission order: deterministic
            part = fut.result()
            results.extend(part)
            if bar is not None:
                bar.update(len(part))
        return results
    finally:
        if own is not None:
            cluster = own.cluster
            own.close()
            cluster.close()
