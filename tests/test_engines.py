"""Engines, cache and determinism: same corpus -> identical tables and byte-identical files."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import congress_lib as cl
from congress_lib import cli, engines, output
from congress_lib.output import build, write_tables

from conftest import CORPUS, assert_same_files

TABLES = ("documents", "units", "sentences", "quantities", "indicators", "mentions", "practices", "formulas",
          "rejected")


def _assert_same(a, b):
    for name in TABLES:
        pd.testing.assert_frame_equal(a.table(name), b.table(name), check_dtype=True, obj=name)


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.slow
def test_processes_engine_equals_serial(corpus):
    _assert_same(corpus, cl.load_corpus(CORPUS, engine="processes"))


@pytest.mark.slow
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


@pytest.mark.slow
def test_batches_come_back_in_input_order_with_every_engine(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    for i in range(23):
        (folder / f"r{i:02d}.txt").write_text(f"县人大常委会第{i + 1}次会议听取报告{i + 2}个。\n", encoding="utf-8")
    prep = cl.corpus.prepare(folder)
    for engine in ("serial", "processes"):
        batches = list(engines.iter_batches(prep.jobs, prep.lexicon, engine=engine, workers=2))
        ids = [res.doc_id for batch in batches for res in batch]
        assert ids == [f"r{i:02d}" for i in range(23)], engine
        if engine == "processes":
            assert len(batches) > 1


def test_progress_bar_only_for_big_runs_and_never_on_stdout(tmp_path, capsys):
    assert cli.main(["build", str(CORPUS), "--out", str(tmp_path / "o")]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.count("\n") == 1  # 5 reports: no bar, one summary line
    folder = tmp_path / "c"
    folder.mkdir()
    for i in range(3):
        (folder / f"r{i}.txt").write_text("县人大常委会听取报告2个。\n", encoding="utf-8")
    prep = cl.corpus.prepare(folder)
    assert engines._PROGRESS_MIN == 200
    list(engines.iter_batches(prep.jobs, prep.lexicon, progress=True))
    out, err = capsys.readouterr()
    assert out == "" and "congress_lib" in err  # a forced bar goes to stderr


def test_warm_cache_rebuild_reuses_formatted_rows(hostile_corpus, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    build(hostile_corpus, tmp_path / "cold", cache=cache)
    entries = list(cache.rglob("*.pkl"))
    assert len(entries) == 7  # one file per document (rejects included)

    def boom(*args, **kwargs):
        raise AssertionError("recomputed although cached")

    monkeypatch.setattr(engines, "process_document", boom)
    monkeypatch.setattr(output, "_render_document", boom)
    def no_evidence(results, lexicon):
        if results:
            raise AssertionError("evidence recomputed although cached")
        return []

    monkeypatch.setattr(output, "_batch_evidence", no_evidence)
    build(hostile_corpus, tmp_path / "warm", cache=cache)
    assert_same_files(tmp_path / "cold", tmp_path / "warm")


def test_known_keys_serve_cached_batches_without_reading_the_reports(hostile_corpus, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    build(hostile_corpus, tmp_path / "cold", cache=cache, engine="processes", workers=2)
    real_open = open

    def no_reports(file, *args, **kwargs):
        if str(file).endswith(".txt") and "reports" in str(file):
            raise AssertionError(f"report read again: {file}")
        return real_open(file, *args, **kwargs)

    prep = cl.corpus.prepare(hostile_corpus)
    keys = engines.document_keys(prep.jobs, prep.lexicon)
    assert len(keys) == len(prep.jobs) == 7 and all(len(k) == 64 for k in keys)
    with monkeypatch.context() as m:
        m.setattr(engines, "process_document", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
        m.setattr("builtins.open", no_reports)
        for engine in ("serial", "processes"):
            batches = list(engines.iter_batches(prep.jobs, prep.lexicon, engine=engine, cache=cache, keys=keys,
                                                workers=2))
            assert [r.doc_id for b in batches for r in b] == [job[0] for job in prep.jobs]
    with pytest.raises(cl.InvalidArgumentError, match="one entry per job"):
        list(engines.iter_batches(prep.jobs, prep.lexicon, cache=cache, keys=keys[:-1]))
    build(hostile_corpus, tmp_path / "warm", cache=cache, engine="processes", workers=2, force=True)
    assert_same_files(tmp_path / "cold", tmp_path / "warm")


@pytest.mark.slow
def test_two_builds_at_once_share_one_cache_safely(tmp_path, monkeypatch):
    """Two processes build the same corpus at the same time with one cache (and one jieba cache)."""
    folder = tmp_path / "c"
    folder.mkdir()
    seeds = sorted((CORPUS / "reports").glob("*.txt"))
    for i in range(40):
        extra = f"\n区人大代表联络站接待群众{i + 1}人次。\n".encode()
        (folder / f"r{i:02d}.txt").write_bytes(seeds[i % len(seeds)].read_bytes() + extra)
    cache = tmp_path / "cache"
    env = {**os.environ, "CONGRESS_LIB_CACHE": str(tmp_path / "lib-cache"), "PYTHONHASHSEED": "0"}
    builds = [subprocess.Popen([sys.executable, "-m", "congress_lib", "build", str(folder), "--out",
                                str(tmp_path / f"out{k}"), "--cache", str(cache)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for k in range(2)]
    # jieba's own dictionary cache, made by two processes at once in an empty folder
    count = "import congress_lib as cl, sys; print(len(cl.load_corpus(sys.argv[1]).tokens()))"
    tokens = [subprocess.Popen([sys.executable, "-c", count, str(folder)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=env, text=True) for _ in range(2)]
    printed = []
    for proc in builds + tokens:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        if proc in tokens:
            assert not err.strip(), err  # no warning, no jieba log line
            printed.append(out)
    assert printed[0] == printed[1] and int(printed[0]) > 1000
    build(folder, tmp_path / "fresh")
    assert_same_files(tmp_path / "fresh", tmp_path / "out0")
    assert_same_files(tmp_path / "fresh", tmp_path / "out1")
    # every entry they left is whole, and no temporary file is left behind
    assert not [p for p in cache.rglob("*") if p.name.startswith(".tmp-")]
    assert len(list(cache.rglob("*.pkl"))) == 40
    with monkeypatch.context() as m:
        m.setattr(engines, "process_document", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
        build(folder, tmp_path / "third", cache=cache)
    assert_same_files(tmp_path / "fresh", tmp_path / "third")
    jieba_files = sorted(p.name for p in (tmp_path / "lib-cache").iterdir())
    # one jieba dictionary cache and the word lists read out of the dictionary (one per set of
    # part-of-speech tags the lexicon asks for: non-name words, words a name may start with
    # after a place), written whole although four processes wanted them at once (no temporary file left)
    assert jieba_files[0].endswith(".cache") and len(jieba_files) >= 2
    lists = jieba_files[1:]
    assert all(name.startswith("non-name-words-") for name in lists) and len(set(lists)) == len(lists)
    assert all((tmp_path / "lib-cache" / name).stat().st_size > 0 for name in lists)
    again = subprocess.run([sys.executable, "-c", count, str(folder)], capture_output=True, text=True, env=env,
                           timeout=600)  # loads the dictionary from that cache file
    assert again.returncode == 0 and again.stdout == printed[0]


def test_cache_entry_of_a_moved_report_is_reused_with_its_new_path(hostile_corpus, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    build(hostile_corpus, tmp_path / "first", cache=cache)
    sub = hostile_corpus / "reports" / "2023"
    sub.mkdir()
    (hostile_corpus / "reports" / "d_roundup.txt").rename(sub / "d_roundup.txt")
    monkeypatch.setattr(engines, "process_document", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    build(hostile_corpus, tmp_path / "moved", cache=cache)
    monkeypatch.undo()
    write_tables(cl.load_corpus(hostile_corpus), tmp_path / "memory")
    assert_same_files(tmp_path / "memory", tmp_path / "moved")
    assert "2023/d_roundup.txt" in (tmp_path / "moved" / "documents.csv").read_text(encoding="utf-8")


def test_cache_read_equals_fresh_tables(hostile_corpus, tmp_path):
    fresh = cl.load_corpus(hostile_corpus)
    cl.load_corpus(hostile_corpus, cache=tmp_path / "cache")
    cached = cl.load_corpus(hostile_corpus, cache=tmp_path / "cache")
    for name in cl.OUTPUT_TABLES:
        pd.testing.assert_frame_equal(fresh.table(name), cached.table(name), check_dtype=True, obj=name)


def test_a_damaged_cache_entry_is_recomputed(hostile_corpus, tmp_path):
    cache = tmp_path / "cache"
    cl.load_corpus(hostile_corpus, cache=cache)
    for entry in cache.rglob("*.pkl"):
        entry.write_bytes(b"not a pickle")
    again = cl.load_corpus(hostile_corpus, cache=cache)
    assert len(again.documents) == 5


def test_cache_keys_change_with_the_extraction_code(monkeypatch):
    lex = cl.load_lexicon()
    key = engines._cache_key(b"x", {}, lex)
    monkeypatch.setattr(engines, "_CODE_VERSION", {"package": "other code"})
    assert engines._cache_key(b"x", {}, lex) != key
    assert hashlib.sha256(b"x").hexdigest() not in key


def test_the_code_version_covers_every_module_of_the_package(tmp_path, monkeypatch):
    """A rule moved into a new module, or edited in any module, gives other cache keys."""
    import shutil

    package = Path(engines.__file__).resolve().parent
    copy = tmp_path / "congress_lib"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(engines, "__file__", str(copy / "engines.py"))

    def version():
        engines._CODE_VERSION.clear()
        return engines._code_version()

    monkeypatch.setattr(engines, "_CODE_VERSION", {})
    base = version()
    (copy / "new_rules.py").write_text("RULE = 1\n", encoding="utf-8")
    added = version()
    (copy / "new_rules.py").write_text("RULE = 2\n", encoding="utf-8")
    edited = version()
    assert len({base, added, edited}) == 3


def test_new_formatting_code_reformats_cached_rows_without_extracting(hostile_corpus, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    build(hostile_corpus, tmp_path / "cold", cache=cache)
    monkeypatch.setattr(engines, "_format_version", lambda tag="": f"a newer cli.py {tag}")
    monkeypatch.setattr(engines, "process_document", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    calls = []
    real = output._render_document
    monkeypatch.setattr(output, "_render_document", lambda tables, *rest: calls.append(1) or real(tables, *rest))
    build(hostile_corpus, tmp_path / "again", cache=cache)
    assert len(calls) == 6  # every readable document formatted again (the duplicate too), none extracted
    assert_same_files(tmp_path / "cold", tmp_path / "again")


def test_a_cache_filled_without_the_options_serves_a_build_with_them(hostile_corpus, tmp_path, monkeypatch):
    """The pieces with the sentence column are another renderer's (another tag): a cached document
    is formatted again from its cached rows, never extracted again, and the bytes are those of a
    cold build; --excel alone changes no piece (the BOM is the parent's), so nothing is formatted."""
    cache = tmp_path / "cache"
    build(hostile_corpus, tmp_path / "plain", cache=cache)
    build(hostile_corpus, tmp_path / "cold", excel=True, with_sentences=True)
    calls = []
    real = output._render_document
    with monkeypatch.context() as m:
        m.setattr(engines, "process_document", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
        m.setattr(output, "_render_document", lambda tables, *rest: calls.append(1) or real(tables, *rest))
        build(hostile_corpus, tmp_path / "warm", cache=cache, excel=True, with_sentences=True, engine="processes",
              workers=2)
        build(hostile_corpus, tmp_path / "warm2", cache=cache, excel=True, with_sentences=True)  # now cached as such
        assert_same_files(tmp_path / "cold", tmp_path / "warm")
        assert_same_files(tmp_path / "cold", tmp_path / "warm2")
        build(hostile_corpus, tmp_path / "plain2", cache=cache)  # formatted without the column again
        assert_same_files(tmp_path / "plain", tmp_path / "plain2")
        calls.clear()
        build(hostile_corpus, tmp_path / "excel", cache=cache, excel=True)
        assert not calls
    build(hostile_corpus, tmp_path / "excel-cold", excel=True)
    assert_same_files(tmp_path / "excel-cold", tmp_path / "excel")
