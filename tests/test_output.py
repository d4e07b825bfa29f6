"""The build command's output writer (congress_lib.output): the streamed build writes exactly
the bytes that ``write_tables(load_corpus(...))`` writes, in every format and option; an
up-to-date folder is left alone, a changed one built again, an interrupted one never
taken for finished.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd
import pytest

import congress_lib as cl
from congress_lib import cli, engines, output
from congress_lib.output import build, write_tables

from conftest import CORPUS, assert_same_files, files_of


def test_streamed_build_equals_in_memory_tables_byte_for_byte(hostile_corpus, tmp_path):
    write_tables(cl.load_corpus(hostile_corpus), tmp_path / "memory")
    manifest = build(hostile_corpus, tmp_path / "stream")
    assert_same_files(tmp_path / "memory", tmp_path / "stream")
    assert {"edges.csv", "network.graphml", "network.gexf", "manifest.json"} <= set(files_of(tmp_path / "stream"))
    assert manifest["rows"]["documents"] == 5  # 7 files: one empty, one duplicate
    docs = (tmp_path / "stream" / "documents.csv").read_text(encoding="utf-8")
    assert "\n'-risky," in docs and "'=cmd()" in docs and "'+note" in docs  # protected cells
    assert '"line one\nline ""two"""' in docs


def test_streamed_build_equals_in_memory_on_the_bundled_corpus(corpus, tmp_path):
    write_tables(corpus, tmp_path / "memory")
    build(CORPUS, tmp_path / "stream")
    assert_same_files(tmp_path / "memory", tmp_path / "stream")


@pytest.mark.slow
def test_processes_engine_streams_the_same_bytes(hostile_corpus, tmp_path):
    build(hostile_corpus, tmp_path / "serial")
    build(hostile_corpus, tmp_path / "procs", engine="processes", workers=2)
    assert_same_files(tmp_path / "serial", tmp_path / "procs")


def _gunzipped(folder: Path) -> dict[str, bytes]:
    """The files of a compressed build, decompressed, under the names of a plain build."""

    return {p.name.removesuffix(".gz"): gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
            for p in sorted(folder.iterdir())}


def test_compressed_build_holds_the_bytes_of_the_plain_build(hostile_corpus, tmp_path):
    """--compress: every table is gzip whose content is the plain CSV byte for byte (serial,
    processes, and warm from a cache the plain build filled); manifest and graph files differ
    only by the compression the manifest names."""
    build(hostile_corpus, tmp_path / "plain")
    cache = tmp_path / "cache"
    build(hostile_corpus, tmp_path / "gz", compress=True, cache=cache)
    build(hostile_corpus, tmp_path / "gzp", compress=True, engine="processes", workers=2)
    build(hostile_corpus, tmp_path / "plain2", cache=cache)  # formats the cached rows again, plain
    build(hostile_corpus, tmp_path / "gz2", compress=True, cache=cache)
    plain = files_of(tmp_path / "plain")
    assert all(not name.endswith(".gz") for name in plain)
    for folder in ("gz", "gzp", "gz2"):
        names = sorted(p.name for p in (tmp_path / folder).iterdir())
        assert [n for n in names if not n.endswith(".csv.gz")] == ["manifest.json", "network.gexf", "network.graphml"]
        got = _gunzipped(tmp_path / folder)
        manifest = json.loads(got.pop("manifest.json"))
        assert manifest["compression"] == "gzip" and manifest["output_format_version"] == 2
        assert json.loads(plain["manifest.json"])["compression"] is None
        assert got == {k: v for k, v in plain.items() if k != "manifest.json"}, folder
    assert_same_files(tmp_path / "gz", tmp_path / "gz2")
    assert_same_files(tmp_path / "plain", tmp_path / "plain2")
    docs = pd.read_csv(tmp_path / "gz" / "documents.csv.gz")
    assert len(docs) == 5 and "text" not in docs.columns


def test_a_build_replaces_the_tables_of_another_format(hostile_corpus, tmp_path):
    build(hostile_corpus, tmp_path / "out")
    build(hostile_corpus, tmp_path / "out", compress=True)
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert "documents.csv.gz" in names and "documents.csv" not in names
    with pytest.raises(cl.InvalidArgumentError, match="--compress applies to CSV"):
        build(hostile_corpus, tmp_path / "out", fmt="parquet", compress=True)


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


def test_rebuild_of_an_up_to_date_folder_writes_nothing(hostile_corpus, tmp_path, monkeypatch, capsys):
    cache, out = tmp_path / "cache", tmp_path / "out"
    first = build(hostile_corpus, out, cache=cache)
    before = _stats(out)
    with monkeypatch.context() as m:
        _no_work(m)
        again = build(hostile_corpus, out, cache=cache)
        assert cli.main(["build", str(hostile_corpus), "--out", str(out), "--cache", str(cache)]) == 0
    assert again == first  # the manifest it holds, as the build returned it
    assert _stats(out) == before  # not one file touched
    assert "up to date: nothing written" in capsys.readouterr().out
    build(hostile_corpus, tmp_path / "fresh")
    assert_same_files(tmp_path / "fresh", out)
    # --force writes every file again (same bytes)
    assert cli.main(["build", str(hostile_corpus), "--out", str(out), "--cache", str(cache), "--force"]) == 0
    assert all(_stats(out)[name] != before[name] for name in before)
    assert_same_files(tmp_path / "fresh", out)
    # without a cache there is no record: every build writes
    plain = tmp_path / "plain"
    build(hostile_corpus, plain)
    stats = _stats(plain)
    build(hostile_corpus, plain)
    assert all(_stats(plain)[name] != stats[name] for name in stats)


@pytest.mark.parametrize("change", ["output edited", "output deleted", "report added", "report edited",
                                    "metadata edited", "lexicon added", "other format"])
def test_a_folder_is_built_again_when_anything_it_is_made_of_changed(hostile_corpus, tmp_path, change, monkeypatch):
    cache, out = tmp_path / "cache", tmp_path / "out"
    build(hostile_corpus, out, cache=cache)
    before = _stats(out)
    kwargs: dict = {}
    if change == "output edited":
        mentions = out / "mentions.csv"
        mentions.write_bytes(mentions.read_bytes().replace(b"\n", b"\r\n", 1))
    elif change == "output deleted":
        (out / "network.gexf").unlink()
    elif change == "report added":
        (hostile_corpus / "reports" / "g_new.txt").write_text("县人大常委会组织代表视察联络站5个。\n", encoding="utf-8")
    elif change == "report edited":
        with open(hostile_corpus / "reports" / "a_tongan.txt", "a", encoding="utf-8") as fh:
            fh.write("区人大代表联络站接待群众20人次。\n")
    elif change == "metadata edited":
        meta = hostile_corpus / "metadata.csv"
        meta.write_text(meta.read_text(encoding="utf-8").replace("2023-01-05", "2023-01-06"), encoding="utf-8")
    elif change == "lexicon added":
        extra = tmp_path / "lexicon"
        extra.mkdir()
        (extra / "mention_stations.yaml").write_text('brands:\n  民情驿站: ""\n', encoding="utf-8")
        kwargs["lexicon"] = extra
    else:
        kwargs["fmt"] = "parquet"
    build(hostile_corpus, out, cache=cache, **kwargs)
    expected = tmp_path / "expected"
    build(hostile_corpus, expected, **kwargs)
    if change != "other format":
        assert_same_files(expected, out)
        after = _stats(out)
        assert all(after[name] != before[name] for name in before)  # every file written again
    else:
        assert (out / "mentions.parquet").read_bytes() == (expected / "mentions.parquet").read_bytes()
    # and now it is up to date again
    with monkeypatch.context() as m:
        _no_work(m)
        build(hostile_corpus, out, cache=cache, **kwargs)


def test_an_option_changed_makes_the_folder_out_of_date(hostile_corpus, tmp_path, monkeypatch):
    cache, out = tmp_path / "cache", tmp_path / "out"
    build(hostile_corpus, out, cache=cache)
    for options in ({"excel": True}, {"excel": True, "with_sentences": True}, {"with_sentences": True}, {}):
        build(hostile_corpus, out, cache=cache, **options)
        build(hostile_corpus, tmp_path / "expected", **options)
        assert_same_files(tmp_path / "expected", out)
        with monkeypatch.context() as m:  # and now it is up to date
            _no_work(m)
            build(hostile_corpus, out, cache=cache, **options)


def test_an_interrupted_build_is_never_taken_for_a_finished_one(hostile_corpus, tmp_path, monkeypatch):
    cache, out = tmp_path / "cache", tmp_path / "out"
    build(hostile_corpus, out, cache=cache)
    with open(hostile_corpus / "reports" / "a_tongan.txt", "a", encoding="utf-8") as fh:
        fh.write("区人大代表联络站接待群众20人次。\n")

    def fail(*args, **kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(output._StreamNetwork, "write", fail)  # dies after the tables, before the network files
        with pytest.raises(KeyboardInterrupt):
            build(hostile_corpus, out, cache=cache)
    # the edit is undone: the inputs are again those of the recorded build, but the folder
    # holds half of another build, so it must be written again
    text = (hostile_corpus / "reports" / "a_tongan.txt").read_text(encoding="utf-8")
    (hostile_corpus / "reports" / "a_tongan.txt").write_text(text.rsplit("区人大代表联络站", 1)[0], encoding="utf-8")
    build(hostile_corpus, out, cache=cache)
    build(hostile_corpus, tmp_path / "expected")
    assert_same_files(tmp_path / "expected", out)


def test_quantity_values_are_floats_as_the_csv_formatting_assumes(corpus):
    q = corpus.quantities()
    assert q["value"].dtype == "float64" and q["value_high"].dtype == "float64"


def test_output_paths_that_cannot_be_folders_are_refused_before_any_work(hostile_corpus, tmp_path, monkeypatch):
    afile = tmp_path / "file"
    afile.write_bytes(b"x")
    monkeypatch.setattr(engines, "iter_batches", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    with pytest.raises(cl.InvalidArgumentError, match="--out .* is a file, not a folder"):
        build(hostile_corpus, afile)
    with pytest.raises(cl.InvalidArgumentError, match="which is a file"):
        build(hostile_corpus, afile / "out")
    with pytest.raises(cl.InvalidArgumentError, match="--cache .* is a file, not a folder"):
        build(hostile_corpus, tmp_path / "out", cache=afile)
    assert afile.read_bytes() == b"x"


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


def test_excel_and_sentences_stream_what_write_tables_writes(hostile_corpus, tmp_path):
    """One definition of the sentence column, two builds (streamed, in memory), one result; every
    CSV starts with a BOM, only there, and reads back with pandas."""
    write_tables(cl.load_corpus(hostile_corpus), tmp_path / "memory", excel=True, with_sentences=True)
    manifest = build(hostile_corpus, tmp_path / "stream", excel=True, with_sentences=True)
    build(hostile_corpus, tmp_path / "procs", excel=True, with_sentences=True, engine="processes", workers=2)
    assert_same_files(tmp_path / "memory", tmp_path / "stream")
    assert_same_files(tmp_path / "stream", tmp_path / "procs")
    assert manifest["encoding"] == "utf-8-sig" and manifest["with_sentences"] == ["indicators", "mentions"]
    build(hostile_corpus, tmp_path / "plain")
    plain, got = files_of(tmp_path / "plain"), files_of(tmp_path / "stream")
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
    build(hostile_corpus, tmp_path / "parquet", fmt="parquet", with_sentences=True)
    _check_sentence_column(tmp_path / "parquet", lambda name: pd.read_parquet(tmp_path / "parquet" / f"{name}.parquet"))
    with pytest.raises(cl.InvalidArgumentError, match="--excel applies to CSV"):
        build(hostile_corpus, tmp_path / "parquet", fmt="parquet", excel=True)


def test_excel_bom_is_at_the_start_of_the_gzip_content(hostile_corpus, tmp_path):
    build(hostile_corpus, tmp_path / "plain", excel=True, with_sentences=True)
    build(hostile_corpus, tmp_path / "gz", excel=True, with_sentences=True, compress=True)
    build(hostile_corpus, tmp_path / "gzp", excel=True, with_sentences=True, compress=True, engine="processes", workers=2)
    plain = files_of(tmp_path / "plain")
    for folder in ("gz", "gzp"):
        assert all(p.read_bytes().startswith(b"\x1f\x8b") for p in (tmp_path / folder).glob("*.gz"))
        got = _gunzipped(tmp_path / folder)
        manifest = json.loads(got.pop("manifest.json"))
        assert manifest["compression"] == "gzip" and manifest["encoding"] == "utf-8-sig"
        assert got == {k: v for k, v in plain.items() if k != "manifest.json"}, folder
    docs = pd.read_csv(tmp_path / "gz" / "documents.csv.gz", encoding="utf-8-sig")
    assert docs.columns[0] == "doc_id" and len(docs) == 5
