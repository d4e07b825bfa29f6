"""Scale machinery: streaming build, batches, cache, compact tables, fast paths.

The streamed ``congress-lib build`` must write exactly the bytes that
``write_tables(load_corpus(...))`` writes; every speed-up of the finders must
give exactly what the plain definition gives.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import congress_lib as cl
from congress_lib import cli, engines, mentions, output, practices
from congress_lib.output import build, write_tables
from congress_lib.corpus import _concat, _frame
from congress_lib.text import CharMap

from conftest import CORPUS, write_hostile

@pytest.fixture
def hostile(tmp_path) -> Path:
    return write_hostile(tmp_path / "corpus")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _assert_same_files(a: Path, b: Path) -> None:
    fa, fb = _files(a), _files(b)
    assert sorted(fa) == sorted(fb)
    for name in fa:
        assert fa[name] == fb[name], name


def test_streamed_build_equals_in_memory_tables_byte_for_byte(hostile, tmp_path):
    write_tables(cl.load_corpus(hostile), tmp_path / "memory")
    manifest = build(hostile, tmp_path / "stream")
    _assert_same_files(tmp_path / "memory", tmp_path / "stream")
    assert {"edges.csv", "network.graphml", "network.gexf", "manifest.json"} <= set(_files(tmp_path / "stream"))
    assert manifest["rows"]["documents"] == 5  # 7 files: one empty, one duplicate
    docs = (tmp_path / "stream" / "documents.csv").read_text(encoding="utf-8")
    assert "\n'-risky," in docs and "'=cmd()" in docs and "'+note" in docs  # protected cells
    assert '"line one\nline ""two"""' in docs


def test_streamed_build_equals_in_memory_on_the_bundled_corpus(corpus, tmp_path):
    write_tables(corpus, tmp_path / "memory")
    build(CORPUS, tmp_path / "stream")
    _assert_same_files(tmp_path / "memory", tmp_path / "stream")


def test_processes_engine_streams_the_same_bytes(hostile, tmp_path):
    build(hostile, tmp_path / "serial")
    build(hostile, tmp_path / "procs", engine="processes", workers=2)
    _assert_same_files(tmp_path / "serial", tmp_path / "procs")


def _gunzipped(folder: Path) -> dict[str, bytes]:
    """The files of a compressed build, decompressed, under the names of a plain build."""
    import gzip

    return {p.name.removesuffix(".gz"): gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
            for p in sorted(folder.iterdir())}


def test_compressed_build_holds_the_bytes_of_the_plain_build(hostile, tmp_path):
    """--compress: every table is gzip whose content is the plain CSV byte for byte (serial,
    processes, and warm from a cache the plain build filled); manifest and graph files differ
    only by the compression the manifest names."""
    build(hostile, tmp_path / "plain")
    cache = tmp_path / "cache"
    build(hostile, tmp_path / "gz", compress=True, cache=cache)
    build(hostile, tmp_path / "gzp", compress=True, engine="processes", workers=2)
    build(hostile, tmp_path / "plain2", cache=cache)  # formats the cached rows again, plain
    build(hostile, tmp_path / "gz2", compress=True, cache=cache)
    plain = _files(tmp_path / "plain")
    assert all(not name.endswith(".gz") for name in plain)
    for folder in ("gz", "gzp", "gz2"):
        names = sorted(p.name for p in (tmp_path / folder).iterdir())
        assert [n for n in names if not n.endswith(".csv.gz")] == ["manifest.json", "network.gexf", "network.graphml"]
        got = _gunzipped(tmp_path / folder)
        manifest = json.loads(got.pop("manifest.json"))
        assert manifest["compression"] == "gzip" and manifest["output_format_version"] == 2
        assert json.loads(plain["manifest.json"])["compression"] is None
        assert got == {k: v for k, v in plain.items() if k != "manifest.json"}, folder
    _assert_same_files(tmp_path / "gz", tmp_path / "gz2")
    _assert_same_files(tmp_path / "plain", tmp_path / "plain2")
    docs = pd.read_csv(tmp_path / "gz" / "documents.csv.gz")
    assert len(docs) == 5 and "text" not in docs.columns


def test_a_build_replaces_the_tables_of_another_format(hostile, tmp_path):
    build(hostile, tmp_path / "out")
    build(hostile, tmp_path / "out", compress=True)
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert "documents.csv.gz" in names and "documents.csv" not in names
    with pytest.raises(cl.InvalidArgumentError, match="--compress applies to CSV"):
        build(hostile, tmp_path / "out", fmt="parquet", compress=True)


def test_warm_cache_rebuild_reuses_formatted_rows(hostile, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    build(hostile, tmp_path / "cold", cache=cache)
    entries = list(cache.rglob("*.pkl"))
    assert len(entries) == 7  # one file per document (rejects included)

    def boom(*args, **kwargs):
        raise AssertionError("recomputed although cached")

    monkeypatch.setattr(engines, "process_document", boom)
    monkeypatch.setattr(output, "_render_document", boom)
    monkeypatch.setattr(output, "_batch_evidence", lambda results, lexicon: None)
    build(hostile, tmp_path / "warm", cache=cache)
    _assert_same_files(tmp_path / "cold", tmp_path / "warm")


def _stats(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for p in sorted(folder.iterdir())}


def _no_work(monkeypatch) -> None:
    """Make any extraction, formatting or output writing fail the test."""
    def boom(*args, **kwargs):
        raise AssertionError("work done although the output folder is up to date")

    monkeypatch.setattr(engines, "process_document", boom)
    monkeypatch.setattr(engines, "_cache_read", boom)
    monkeypatch.setattr(output, "_stream", boom)
    monkeypatch.setattr(output, "write_tables", boom)


def test_rebuild_of_an_up_to_date_folder_writes_nothing(hostile, tmp_path, monkeypatch, capsys):
    cache, out = tmp_path / "cache", tmp_path / "out"
    first = build(hostile, out, cache=cache)
    before = _stats(out)
    with monkeypatch.context() as m:
        _no_work(m)
        again = build(hostile, out, cache=cache)
        assert cli.main(["build", str(hostile), "--out", str(out), "--cache", str(cache)]) == 0
    assert again == first  # the manifest it holds, as the build returned it
    assert _stats(out) == before  # not one file touched
    assert "up to date: nothing written" in capsys.readouterr().out
    build(hostile, tmp_path / "fresh")
    _assert_same_files(tmp_path / "fresh", out)
    # --force writes every file again (same bytes)
    assert cli.main(["build", str(hostile), "--out", str(out), "--cache", str(cache), "--force"]) == 0
    assert all(_stats(out)[name] != before[name] for name in before)
    _assert_same_files(tmp_path / "fresh", out)
    # without a cache there is no record: every build writes
    plain = tmp_path / "plain"
    build(hostile, plain)
    stats = _stats(plain)
    build(hostile, plain)
    assert all(_stats(plain)[name] != stats[name] for name in stats)


@pytest.mark.parametrize("change", ["output edited", "output deleted", "report added", "report edited",
                                    "metadata edited", "lexicon added", "other format"])
def test_a_folder_is_built_again_when_anything_it_is_made_of_changed(hostile, tmp_path, change, monkeypatch):
    cache, out = tmp_path / "cache", tmp_path / "out"
    build(hostile, out, cache=cache)
    before = _stats(out)
    kwargs: dict = {}
    if change == "output edited":
        mentions = out / "mentions.csv"
        mentions.write_bytes(mentions.read_bytes().replace(b"\n", b"\r\n", 1))
    elif change == "output deleted":
        (out / "network.gexf").unlink()
    elif change == "report added":
        (hostile / "reports" / "g_new.txt").write_text("县人大常委会组织代表视察联络站5个。\n", encoding="utf-8")
    elif change == "report edited":
        with open(hostile / "reports" / "a_tongan.txt", "a", encoding="utf-8") as fh:
            fh.write("区人大代表联络站接待群众20人次。\n")
    elif change == "metadata edited":
        meta = hostile / "metadata.csv"
        meta.write_text(meta.read_text(encoding="utf-8").replace("2023-01-05", "2023-01-06"), encoding="utf-8")
    elif change == "lexicon added":
        extra = tmp_path / "lexicon"
        extra.mkdir()
        (extra / "mention_stations.yaml").write_text('brands:\n  民情驿站: ""\n', encoding="utf-8")
        kwargs["lexicon"] = extra
    else:
        kwargs["fmt"] = "parquet"
    build(hostile, out, cache=cache, **kwargs)
    expected = tmp_path / "expected"
    build(hostile, expected, **kwargs)
    if change != "other format":
        _assert_same_files(expected, out)
        after = _stats(out)
        assert all(after[name] != before[name] for name in before)  # every file written again
    else:
        assert (out / "mentions.parquet").read_bytes() == (expected / "mentions.parquet").read_bytes()
    # and now it is up to date again
    with monkeypatch.context() as m:
        _no_work(m)
        build(hostile, out, cache=cache, **kwargs)


def test_an_interrupted_build_is_never_taken_for_a_finished_one(hostile, tmp_path, monkeypatch):
    cache, out = tmp_path / "cache", tmp_path / "out"
    build(hostile, out, cache=cache)
    with open(hostile / "reports" / "a_tongan.txt", "a", encoding="utf-8") as fh:
        fh.write("区人大代表联络站接待群众20人次。\n")

    def fail(*args, **kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(output._StreamNetwork, "write", fail)  # dies after the tables, before the network files
        with pytest.raises(KeyboardInterrupt):
            build(hostile, out, cache=cache)
    # the edit is undone: the inputs are again those of the recorded build, but the folder
    # holds half of another build, so it must be written again
    text = (hostile / "reports" / "a_tongan.txt").read_text(encoding="utf-8")
    (hostile / "reports" / "a_tongan.txt").write_text(text.rsplit("区人大代表联络站", 1)[0], encoding="utf-8")
    build(hostile, out, cache=cache)
    build(hostile, tmp_path / "expected")
    _assert_same_files(tmp_path / "expected", out)


def test_known_keys_serve_cached_batches_without_reading_the_reports(hostile, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    build(hostile, tmp_path / "cold", cache=cache, engine="processes", workers=2)
    real_open = open

    def no_reports(file, *args, **kwargs):
        if str(file).endswith(".txt") and "reports" in str(file):
            raise AssertionError(f"report read again: {file}")
        return real_open(file, *args, **kwargs)

    prep = cl.corpus.prepare(hostile)
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
    build(hostile, tmp_path / "warm", cache=cache, engine="processes", workers=2, force=True)
    _assert_same_files(tmp_path / "cold", tmp_path / "warm")


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
    _assert_same_files(tmp_path / "fresh", tmp_path / "out0")
    _assert_same_files(tmp_path / "fresh", tmp_path / "out1")
    # every entry they left is whole, and no temporary file is left behind
    assert not [p for p in cache.rglob("*") if p.name.startswith(".tmp-")]
    assert len(list(cache.rglob("*.pkl"))) == 40
    with monkeypatch.context() as m:
        m.setattr(engines, "process_document", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
        build(folder, tmp_path / "third", cache=cache)
    _assert_same_files(tmp_path / "fresh", tmp_path / "third")
    jieba_files = sorted(p.name for p in (tmp_path / "lib-cache").iterdir())
    # one jieba dictionary cache and one list of the dictionary's non-name words, both whole
    assert len(jieba_files) == 2 and jieba_files[0].endswith(".cache") and jieba_files[1].startswith("non-name-words-")
    again = subprocess.run([sys.executable, "-c", count, str(folder)], capture_output=True, text=True, env=env,
                           timeout=600)  # loads the dictionary from that cache file
    assert again.returncode == 0 and again.stdout == printed[0]


def test_cache_entry_of_a_moved_report_is_reused_with_its_new_path(hostile, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    build(hostile, tmp_path / "first", cache=cache)
    sub = hostile / "reports" / "2023"
    sub.mkdir()
    (hostile / "reports" / "d_roundup.txt").rename(sub / "d_roundup.txt")
    monkeypatch.setattr(engines, "process_document", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    build(hostile, tmp_path / "moved", cache=cache)
    monkeypatch.undo()
    write_tables(cl.load_corpus(hostile), tmp_path / "memory")
    _assert_same_files(tmp_path / "memory", tmp_path / "moved")
    assert "2023/d_roundup.txt" in (tmp_path / "moved" / "documents.csv").read_text(encoding="utf-8")


def test_cache_read_equals_fresh_tables(hostile, tmp_path):
    fresh = cl.load_corpus(hostile)
    cl.load_corpus(hostile, cache=tmp_path / "cache")
    cached = cl.load_corpus(hostile, cache=tmp_path / "cache")
    for name in cl.OUTPUT_TABLES:
        pd.testing.assert_frame_equal(fresh.table(name), cached.table(name), check_dtype=True, obj=name)


def test_a_damaged_cache_entry_is_recomputed(hostile, tmp_path):
    cache = tmp_path / "cache"
    cl.load_corpus(hostile, cache=cache)
    for entry in cache.rglob("*.pkl"):
        entry.write_bytes(b"not a pickle")
    again = cl.load_corpus(hostile, cache=cache)
    assert len(again.documents) == 5


def test_tables_are_held_compactly_but_handed_out_as_strings(corpus):
    held = corpus._tables["mentions"]
    for col in ("doc_id", "unit_id", "jurisdiction", "type", "level", "branch", "sent_id"):
        assert isinstance(held[col].dtype, pd.CategoricalDtype), col
    out = corpus.mentions()
    assert not any(isinstance(out[c].dtype, pd.CategoricalDtype) for c in out.columns)
    assert out["type"].map({"deputy": "代表"}).fillna("").tolist()  # user code on plain strings works
    expanded = held.memory_usage(deep=True).sum()
    assert expanded < out.memory_usage(deep=True).sum()
    assert list(corpus.indicators()["indicator"].dropna().unique())  # values are plain str
    assert isinstance(corpus.indicators()["indicator"].dropna().iloc[0], str)


def test_batches_concatenate_to_the_frame_of_all_rows():
    cols = ("doc_id", "unit_id", "jurisdiction", "sent_id", "surface", "value", "value_high", "unit", "approx",
            "approx_kind", "kind", "start", "end", "indicator")
    a = [("d", "d#1", "某区", "d:1", "3个", 3.0, None, "个", False, None, "count", 0, 2, None)]
    b = [("e", "e#1", "某区", "e:1", "3—5名", 3.0, 5.0, "名", True, "about", "count", 0, 4, "deputies")]
    assert cols == tuple(_frame("quantities", a).columns)
    whole = _frame("quantities", a + b)
    pd.testing.assert_frame_equal(_concat("quantities", [_frame("quantities", a), _frame("quantities", b)]), whole)


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


# --- the fast paths give exactly what the plain definitions give ---------------------------

TEXT = st.text(alphabet=st.sampled_from(list("人大代表常委会联络站区市县镇街道政府法院局厅小组第一二十三5“”、，。 面对督办询问测评党的二十届四个意识")),
               max_size=40)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_gated_lookaheads_find_what_the_regex_finds(text):
    rules = mentions.MentionFinder.from_lexicon().rules
    for name in ("congress_re", "deputy_re", "role_re", "group_re", "bare_group_re", "station_re", "agency_re",
                 "dept_tail_re", "sector_re", "generic_re"):
        look = getattr(rules, name)
        got = [(m.start(), m.groups()) for m in look.finditer(text)]
        want = [(m.start(), m.groups()) for m in re.finditer(look.pattern, text)]
        assert got == want, name


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_dictionary_finds_what_trying_every_position_finds(text):
    lex = cl.load_lexicon()
    for name, top, key, field in (("practices", "practices", "practice", "cues"),
                                  ("formulas", "formulas", "formula", "variants")):
        d = practices._dictionary(lex, name, top, field)
        spans: dict[int, list] = {}
        for index, (_, _, regexes) in enumerate(d.codes):
            for pos in range(len(text)):
                for rx in regexes:
                    m = rx.match(text, pos)
                    if m and m.end() > pos:
                        spans.setdefault(index, []).append((pos, m.end()))
        want = []
        for index in sorted(spans):
            code, label, _ = d.codes[index]
            for s, e in practices._longest_non_overlapping(spans[index]):
                s, e = practices._balance_quotes(text, s, e)
                want.append({key: code, "label": label, "surface": text[s:e], "start": s, "end": e})
        want.sort(key=lambda h: (h["start"], h["end"], h[key]))
        assert d.find(text, key) == want


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_mention_shortcuts_never_hide_a_mention(text):
    plain = mentions.MentionFinder.from_lexicon(shortcuts=False)
    j = cl.Jurisdiction("同安区", "district", "福建省", "厦门市", "同安区", "metadata")
    assert mentions.find_mentions(text, j) == plain.find(text, j)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_charmap_translates_like_str_translate(text):
    table = {ord("０"): "0", ord("萬"): ord("万"), ord("\u200b"): None, ord("x"): "xx"}
    assert CharMap(table).translate(text) == text.translate(table)


def test_quantity_values_are_floats_as_the_csv_formatting_assumes(corpus):
    q = corpus.quantities()
    assert q["value"].dtype == "float64" and q["value_high"].dtype == "float64"


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


def test_new_formatting_code_reformats_cached_rows_without_extracting(hostile, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    build(hostile, tmp_path / "cold", cache=cache)
    monkeypatch.setattr(engines, "_format_version", lambda tag="": f"a newer cli.py {tag}")
    monkeypatch.setattr(engines, "process_document", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    calls = []
    real = output._render_document
    monkeypatch.setattr(output, "_render_document", lambda tables, *rest: calls.append(1) or real(tables, *rest))
    build(hostile, tmp_path / "again", cache=cache)
    assert len(calls) == 6  # every readable document formatted again (the duplicate too), none extracted
    _assert_same_files(tmp_path / "cold", tmp_path / "again")


def test_benchmark_script_runs_and_prints_its_figures(tmp_path):
    """benchmarks/bench_build.py on a tiny synthetic corpus: every run it is asked for is printed."""
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, str(root / "benchmarks" / "bench_build.py"), "--docs", "12", "--repeat", "1",
         "--runs", "jieba,serial,warm,current,added"],
        capture_output=True, text=True, timeout=600, env={**os.environ, "TMPDIR": str(tmp_path)},
    )
    assert out.returncode == 0, out.stderr[-2000:]
    text = out.stdout
    assert "corpus: 12 documents" in text
    for label in ("jieba.lcut baseline", "build serial", "build cold cache (proc.)", "warm, new folder",
                  "warm, up to date", "warm, +1 report"):
        assert label in text
    assert "serial build throughput / jieba baseline:" in text
    assert "cache:" in text and "KiB per document" in text


def test_adversarial_benchmark_runs_and_prints_every_shape(tmp_path):
    """benchmarks/bench_adversarial.py at a tiny size: a row with a growth exponent for every shape."""
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, str(root / "benchmarks" / "bench_adversarial.py"), "--base-kb", "3",
         "--comma-report-mb", "0.05", "--timeout", "300"],
        capture_output=True, text=True, timeout=900, env={**os.environ, "TMPDIR": str(tmp_path)},
    )
    assert out.returncode == 0, out.stderr[-2000:]
    rows = [line for line in out.stdout.splitlines() if line.startswith("| ") and not line.startswith("| shape")]
    assert sorted(r.split("|")[1].strip() for r in rows) == sorted(
        ["endless_counts", "enumeration", "one_line", "nested_markup", "roundup", "mentions", "few_actors"])
    assert all("timeout" not in r and "error" not in r for r in rows)
    assert "comma-only report" in out.stdout


# --- --excel and --with-sentences ------------------------------------------------------------

BOM = b"\xef\xbb\xbf"


def _check_sentence_column(folder: Path, read=None) -> None:
    """indicators and mentions end with ``sentence``: the text of the row's sentence (sent_id)."""
    read = read or (lambda name: pd.read_csv(folder / f"{name}.csv", encoding="utf-8-sig", keep_default_na=False))
    sentences = read("sentences")
    text_of = dict(zip(sentences["sent_id"], sentences["text"]))
    for name in output.SENTENCE_TABLES:
        df = read(name)
        assert len(df) > 0 and list(df.columns) == [*cl.schema.TABLES[name].columns, "sentence"], name
        assert (df["sentence"] == df["sent_id"].map(text_of)).all(), name


def test_excel_and_sentences_stream_what_write_tables_writes(hostile, tmp_path):
    """One definition of the sentence column, two builds (streamed, in memory), one result; every
    CSV starts with a BOM, only there, and reads back with pandas."""
    write_tables(cl.load_corpus(hostile), tmp_path / "memory", excel=True, with_sentences=True)
    manifest = build(hostile, tmp_path / "stream", excel=True, with_sentences=True)
    build(hostile, tmp_path / "procs", excel=True, with_sentences=True, engine="processes", workers=2)
    _assert_same_files(tmp_path / "memory", tmp_path / "stream")
    _assert_same_files(tmp_path / "stream", tmp_path / "procs")
    assert manifest["encoding"] == "utf-8-sig" and manifest["with_sentences"] == ["indicators", "mentions"]
    build(hostile, tmp_path / "plain")
    plain, got = _files(tmp_path / "plain"), _files(tmp_path / "stream")
    assert "encoding" not in json.loads(plain["manifest.json"]) and not plain["documents.csv"].startswith(BOM)
    for name, data in got.items():
        if not name.endswith(".csv"):
            assert not data.startswith(BOM), name
            continue
        assert data.startswith(BOM) and data.count(BOM) == 1, name
        if name.removesuffix(".csv") not in output.SENTENCE_TABLES:
            assert data == BOM + plain[name], name  # the BOM is all that differs
    _check_sentence_column(tmp_path / "stream")
    # the protected cells stay protected in the new column
    mentions = pd.read_csv(tmp_path / "stream" / "mentions.csv", encoding="utf-8-sig", keep_default_na=False)
    assert not mentions["sentence"].str.startswith(("=", "+", "-", "@")).any()
    # Parquet (through write_tables) gets the same column; --excel is for CSV only
    build(hostile, tmp_path / "parquet", fmt="parquet", with_sentences=True)
    _check_sentence_column(tmp_path / "parquet", lambda name: pd.read_parquet(tmp_path / "parquet" / f"{name}.parquet"))
    with pytest.raises(cl.InvalidArgumentError, match="--excel applies to CSV"):
        build(hostile, tmp_path / "parquet", fmt="parquet", excel=True)


def test_excel_bom_is_at_the_start_of_the_gzip_content(hostile, tmp_path):
    build(hostile, tmp_path / "plain", excel=True, with_sentences=True)
    build(hostile, tmp_path / "gz", excel=True, with_sentences=True, compress=True)
    build(hostile, tmp_path / "gzp", excel=True, with_sentences=True, compress=True, engine="processes", workers=2)
    plain = _files(tmp_path / "plain")
    for folder in ("gz", "gzp"):
        assert all(p.read_bytes().startswith(b"\x1f\x8b") for p in (tmp_path / folder).glob("*.gz"))
        got = _gunzipped(tmp_path / folder)
        manifest = json.loads(got.pop("manifest.json"))
        assert manifest["compression"] == "gzip" and manifest["encoding"] == "utf-8-sig"
        assert got == {k: v for k, v in plain.items() if k != "manifest.json"}, folder
    docs = pd.read_csv(tmp_path / "gz" / "documents.csv.gz", encoding="utf-8-sig")
    assert docs.columns[0] == "doc_id" and len(docs) == 5


def test_a_cache_filled_without_the_options_serves_a_build_with_them(hostile, tmp_path, monkeypatch):
    """The pieces with the sentence column are another renderer's (another tag): a cached document
    is formatted again from its cached rows, never extracted again, and the bytes are those of a
    cold build; --excel alone changes no piece (the BOM is the parent's), so nothing is formatted."""
    cache = tmp_path / "cache"
    build(hostile, tmp_path / "plain", cache=cache)
    build(hostile, tmp_path / "cold", excel=True, with_sentences=True)
    calls = []
    real = output._render_document
    with monkeypatch.context() as m:
        m.setattr(engines, "process_document", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
        m.setattr(output, "_render_document", lambda tables, *rest: calls.append(1) or real(tables, *rest))
        build(hostile, tmp_path / "warm", cache=cache, excel=True, with_sentences=True, engine="processes",
              workers=2)
        build(hostile, tmp_path / "warm2", cache=cache, excel=True, with_sentences=True)  # now cached as such
        _assert_same_files(tmp_path / "cold", tmp_path / "warm")
        _assert_same_files(tmp_path / "cold", tmp_path / "warm2")
        build(hostile, tmp_path / "plain2", cache=cache)  # formatted without the column again
        _assert_same_files(tmp_path / "plain", tmp_path / "plain2")
        calls.clear()
        build(hostile, tmp_path / "excel", cache=cache, excel=True)
        assert not calls
    build(hostile, tmp_path / "excel-cold", excel=True)
    _assert_same_files(tmp_path / "excel-cold", tmp_path / "excel")


def test_an_option_changed_makes_the_folder_out_of_date(hostile, tmp_path, monkeypatch):
    cache, out = tmp_path / "cache", tmp_path / "out"
    build(hostile, out, cache=cache)
    for options in ({"excel": True}, {"excel": True, "with_sentences": True}, {"with_sentences": True}, {}):
        build(hostile, out, cache=cache, **options)
        build(hostile, tmp_path / "expected", **options)
        _assert_same_files(tmp_path / "expected", out)
        with monkeypatch.context() as m:  # and now it is up to date
            _no_work(m)
            build(hostile, out, cache=cache, **options)


def test_output_paths_that_cannot_be_folders_are_refused_before_any_work(hostile, tmp_path, monkeypatch):
    afile = tmp_path / "file"
    afile.write_bytes(b"x")
    monkeypatch.setattr(engines, "iter_batches", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    with pytest.raises(cl.InvalidArgumentError, match="--out .* is a file, not a folder"):
        build(hostile, afile)
    with pytest.raises(cl.InvalidArgumentError, match="which is a file"):
        build(hostile, afile / "out")
    with pytest.raises(cl.InvalidArgumentError, match="--cache .* is a file, not a folder"):
        build(hostile, tmp_path / "out", cache=afile)
    assert afile.read_bytes() == b"x"
