"""Engines, cache and determinism: same corpus -> identical tables and byte-identical files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

import congress_lib as cl
from congress_lib import engines
from congress_lib.output import write_tables

from conftest import CORPUS

TABLES = ("documents", "units", "sentences", "quantities", "indicators", "mentions", "practices", "formulas",
          "rejected")


def _assert_same(a, b):
    for name in TABLES:
        pd.testing.assert_frame_equal(a.table(name), b.table(name), check_dtype=True, obj=name)


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_processes_engine_equals_serial(corpus):
    _assert_same(corpus, cl.load_corpus(CORPUS, engine="processes"))


def test_dask_local_cluster_equals_serial(corpus):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        _assert_same(corpus, cl.load_corpus(CORPUS, engine="dask", client=client))


def test_build_output_is_byte_identical_across_runs_and_engines(corpus, tmp_path):
    write_tables(corpus, tmp_path / "a")
    write_tables(cl.load_corpus(CORPUS), tmp_path / "b")
    write_tables(cl.load_corpus(CORPUS, engine="processes"), tmp_path / "c")
    a, b, c = _hashes(tmp_path / "a"), _hashes(tmp_path / "b"), _hashes(tmp_path / "c")
    assert {"edges.csv", "network.graphml", "network.gexf", "manifest.json", "indicators.csv"} <= set(a)
    assert a == b == c


def test_cache_serves_unchanged_documents(corpus, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = cl.load_corpus(CORPUS, cache=cache)
    _assert_same(corpus, first)

    def boom(*args, **kwargs):
        raise AssertionError("process_document called although every document is cached")

    monkeypatch.setattr(engines, "process_document", boom)
    _assert_same(corpus, cl.load_corpus(CORPUS, cache=cache))


def test_cache_recomputes_only_what_changed(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    folder.mkdir()
    for p in (CORPUS / "reports").glob("*.txt"):
        (folder / p.name).write_bytes(p.read_bytes())
    cache = tmp_path / "cache"
    cl.load_corpus(folder, cache=cache)
    (folder / "new_2024_report.txt").write_text("县人大常委会组织代表视察。全县建成联络站12个。\n", encoding="utf-8")
    calls = []
    real = engines.process_document
    monkeypatch.setattr(engines, "process_document", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    again = cl.load_corpus(folder, cache=cache)
    assert calls == ["new_2024_report"]
    assert len(again.documents) == 6


def test_bad_engine_and_cache_arguments():
    with pytest.raises(cl.InvalidArgumentError, match="engine must be one of"):
        engines.run_jobs([], cl.load_lexicon(), engine="threads")
    with pytest.raises(cl.InvalidArgumentError, match="cache must be"):
        engines.resolve_cache(3)


def test_document_keys_hashed_in_the_background_are_the_keys_of_the_files(tmp_path, monkeypatch):
    """Runs of files hashed on threads give, in order, each file's key (None for one that is gone),
    and a build that reads its cached documents batch by batch equals one from eager keys."""
    for i in range(23):
        (tmp_path / f"r{i:02d}.txt").write_text(f"区人大代表视察联络站{i}个。\n", encoding="utf-8")
    prep = cl.corpus.prepare(tmp_path)
    (tmp_path / "r05.txt").unlink()  # gone after listing: its key is None
    monkeypatch.setattr(engines.DocumentKeys, "RUN", 4)
    keys = engines.document_keys(prep.jobs, prep.lexicon)
    expected = []
    for job in prep.jobs:
        path = Path(job[2])
        expected.append(engines._cache_key(path.read_bytes(), job[3], prep.lexicon) if path.exists() else None)
    assert len(keys) == 23 and list(keys) == expected and keys[5] is None
    assert keys[3:9] == expected[3:9] and keys[-1] == expected[-1]
    with pytest.raises(IndexError):
        keys[23]
