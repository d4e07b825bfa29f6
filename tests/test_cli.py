"""The command line, run as a user would: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from conftest import CORPUS, ROOT


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "congress_lib", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=600)


def test_build_writes_every_table_and_a_manifest(tmp_path):
    out = tmp_path / "out"
    proc = run("build", str(CORPUS), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "5 documents, 11 units" in proc.stdout
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for name in ("documents", "texts", "units", "sentences", "quantities", "indicators", "mentions", "practices",
                 "formulas", "rejected", "edges"):
        df = pd.read_csv(out / f"{name}.csv", keep_default_na=False)
        assert len(df) == manifest["rows"][name], name
    # the text stands once: documents.csv is metadata and counts, texts.csv the cleaned text
    docs, texts = pd.read_csv(out / "documents.csv"), pd.read_csv(out / "texts.csv")
    assert "text" not in docs.columns and list(texts.columns) == ["doc_id", "text"]
    sentences = pd.read_csv(out / "sentences.csv")
    text_of = dict(zip(texts["doc_id"], texts["text"]))
    assert all(text_of[d][a:b] == t for d, a, b, t in sentences[["doc_id", "start", "end", "text"]].itertuples(index=False))
    # the graph files carry no evidence; their edges are looked up in edges.csv by source and target
    graphml = (out / "network.graphml").read_text(encoding="utf-8")
    assert '"evidence"' not in graphml and "sent_id" not in graphml
    import networkx as nx

    G, edges = nx.read_graphml(out / "network.graphml"), pd.read_csv(out / "edges.csv")
    weight = edges.groupby(["source", "target"])["weight"].sum()
    assert G.number_of_edges() == len(weight)
    for u, v, d in G.edges(data=True):
        assert d["weight"] == weight.get((u, v), weight.get((v, u)))
    assert manifest["output_format_version"] == 2 and manifest["compression"] is None
    assert len(manifest["inputs"]) == 5
    assert all(len(item["sha256"]) == 64 for item in manifest["inputs"])
    assert proc.stderr == ""  # no log lines


def test_kwic_prints_a_concordance():
    proc = run("kwic", str(CORPUS), "满意率", "--window", "8")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().split("\n")
    assert all("【满意率】" in line for line in lines)
    assert any("代表【满意率】达99%" in line for line in lines)


def test_errors_are_one_line_without_traceback(tmp_path):
    proc = run("build", str(tmp_path / "missing"), "--out", str(tmp_path / "o"))
    assert proc.returncode == 1
    assert proc.stderr.startswith("congress-lib: error: corpus path")
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
    proc = run("build", str(CORPUS), "--out", str(tmp_path / "o"), "--engine", "gpu")
    assert proc.returncode == 2 and "invalid choice" in proc.stderr


def test_build_limits_file_size_and_compresses_on_request(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("区人大代表视察联络站12个。\n", encoding="utf-8")
    (corpus / "big.txt").write_text("代表联络站接待选民。" * 40_000, encoding="utf-8")
    out = tmp_path / "out"
    proc = run("build", str(corpus), "--out", str(out), "--max-file-mb", "1", "--compress")
    assert proc.returncode == 0, proc.stderr
    assert "1 documents" in proc.stdout and "1 rejected" in proc.stdout
    rejected = pd.read_csv(out / "rejected.csv.gz")
    assert rejected["reason"].str.startswith("too large (1.2 MB > 1 MB limit)").all()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["compression"] == "gzip" and manifest["output_format_version"] == 2
    proc = run("build", str(corpus), "--out", str(out), "--max-file-mb", "0")
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "max_file_mb must be a positive" in proc.stderr
    proc = run("build", str(corpus), "--out", str(out), "--format", "parquet", "--compress")
    assert proc.returncode == 1 and "--compress applies to CSV" in proc.stderr


def _one_error_line(proc, code):
    """The process failed with ``code`` and said why in exactly one line, without a traceback."""
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    assert proc.stderr.startswith("congress-lib: error: "), proc.stderr
    assert proc.stderr.count("\n") == 1 and proc.stderr.endswith("\n"), proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    return proc.stderr


def _unwritable_folder(tmp_path):
    """A folder no file can be written into: read-only; as root (who writes anywhere), /sys/kernel."""
    import os

    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    for candidate in (folder, Path("/sys/kernel")):
        try:
            (candidate / "probe").write_bytes(b"")
        except OSError:
            return candidate
        os.unlink(candidate / "probe")
    pytest.skip("no folder here refuses writing")


@pytest.mark.parametrize("case", [
    "missing corpus", "out is a file", "out inside a file", "cache is a file", "unwritable out",
    "bad format", "bad engine", "max-file-mb not a number", "max-file-mb zero", "compress with parquet",
    "excel with parquet", "unknown lexicon", "kwic empty term", "kwic blank term", "kwic negative window",
    "info missing folder", "kwic missing folder", "no command", "unknown option",
])
def test_every_error_is_one_line_without_traceback(tmp_path, case):
    afile = tmp_path / "a-file.txt"
    afile.write_text("x", encoding="utf-8")
    out = str(tmp_path / "out")
    args, code, says = {
        "missing corpus": (["build", str(tmp_path / "missing"), "--out", out], 1, "corpus path"),
        "out is a file": (["build", str(CORPUS), "--out", str(afile)], 1, "--out"),
        "out inside a file": (["build", str(CORPUS), "--out", str(afile / "sub")], 1, "which is a file"),
        "cache is a file": (["build", str(CORPUS), "--out", out, "--cache", str(afile)], 1, "--cache"),
        "unwritable out": (["build", str(CORPUS), "--out", None], 1, "cannot write into the output folder"),
        "bad format": (["build", str(CORPUS), "--out", out, "--format", "xlsx"], 2, "invalid choice"),
        "bad engine": (["build", str(CORPUS), "--out", out, "--engine", "gpu"], 2, "invalid choice"),
        "max-file-mb not a number": (["build", str(CORPUS), "--out", out, "--max-file-mb", "big"], 2,
                                     "invalid float value"),
        "max-file-mb zero": (["build", str(CORPUS), "--out", out, "--max-file-mb", "0"], 1,
                             "max_file_mb must be a positive"),
        "compress with parquet": (["build", str(CORPUS), "--out", out, "--format", "parquet", "--compress"], 1,
                                  "--compress applies to CSV"),
        "excel with parquet": (["build", str(CORPUS), "--out", out, "--format", "parquet", "--excel"], 1,
                               "--excel applies to CSV"),
        "unknown lexicon": (["build", str(CORPUS), "--out", out, "--lexicon", str(tmp_path / "nolex")], 1,
                            "lexicon folder"),
        "kwic empty term": (["kwic", str(CORPUS), ""], 1, "non-empty search term"),
        "kwic blank term": (["kwic", str(CORPUS), "  "], 1, "non-empty search term"),
        "kwic negative window": (["kwic", str(CORPUS), "代表", "--window", "-3"], 1, "--window"),
        "info missing folder": (["info", str(tmp_path / "missing")], 1, "does not exist"),
        "kwic missing folder": (["kwic", str(tmp_path / "missing"), "代表"], 1, "does not exist"),
        "no command": ([], 2, "required"),
        "unknown option": (["build", str(CORPUS), "--out", out, "--colour"], 2, "unrecognized arguments"),
    }[case]
    if case == "unwritable out":
        args[3] = str(_unwritable_folder(tmp_path))
    message = _one_error_line(run(*args), code)
    assert says in message
    if case in ("out is a file", "cache is a file"):
        assert afile.read_text(encoding="utf-8") == "x"  # left as it was
    if code == 1 and case != "unwritable out":
        assert not (tmp_path / "out").exists()  # refused before anything was written


def _many_reports(folder, n=150):
    """``n`` reports of about 50 KB (the bundled ones, each made distinct): a few seconds of work."""
    folder.mkdir()
    seeds = b"".join(p.read_bytes() for p in sorted((CORPUS / "reports").glob("*.txt")))
    for i in range(n):  # (fewer than 200: no progress bar on stderr)
        (folder / f"r{i:03d}.txt").write_bytes(seeds + f"\n区人大代表联络站接待群众{i + 1}人次。\n".encode())
    return folder


def test_ctrl_c_is_one_line_even_with_worker_processes(tmp_path):
    """Ctrl-C in a terminal interrupts the whole process group: the command and the workers of
    the processes engine. One line, exit code 130, no traceback from any process."""
    import os
    import signal
    import time

    import psutil

    corpus = _many_reports(tmp_path / "c")
    proc = subprocess.Popen([sys.executable, "-m", "congress_lib", "build", str(corpus), "--out",
                             str(tmp_path / "out"), "--engine", "processes"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    parent = psutil.Process(proc.pid)
    deadline = time.time() + 120
    while len(parent.children()) < 2 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    time.sleep(0.3)  # the workers are at work
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, err
    assert err == "congress-lib: error: interrupted\n" and out == ""


def test_ctrl_c_while_reading_the_corpus_is_one_line(tmp_path):
    """A Ctrl-C at a known moment (the corpus being listed), delivered as a real signal."""
    code = ("import os, signal, sys\n"
            "import congress_lib.corpus as c\n"
            "from congress_lib.cli import main\n"
            "real = c.prepare\n"
            "def prepare(*a, **k):\n"
            "    os.kill(os.getpid(), signal.SIGINT)\n"
            "    return real(*a, **k)\n"
            "c.prepare = prepare\n"
            "sys.exit(main(sys.argv[1:]))\n")
    proc = subprocess.run([sys.executable, "-c", code, "build", str(CORPUS), "--out", str(tmp_path / "out")],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 130
    assert proc.stderr == "congress-lib: error: interrupted\n" and proc.stdout == ""


def test_version_and_plain_text_help():
    import congress_lib as cl

    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout == f"congress-lib {cl.__version__}\n" and proc.stderr == ""
    for args in ([], ["build"], ["kwic"], ["info"]):
        proc = run(*args, "--help")
        assert proc.returncode == 0 and proc.stderr == "", args
        assert "usage: congress-lib" in proc.stdout
        for markup in ("``", ":func:", ":data:", ":class:", ":mod:"):
            assert markup not in proc.stdout, (args, markup)
    top = run("--help").stdout
    assert "--version" in top and all(command in top for command in ("build", "kwic", "info"))
    build_help = run("build", "--help").stdout
    assert "--excel" in build_help and "--with-sentences" in build_help


def test_kwic_rows_carry_their_sentence(corpus):
    """Each printed line: doc_id, sent_id, then the context; the sentence holds the keyword."""
    proc = run("kwic", str(CORPUS), "联络站", "--window", "6")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.rstrip("\n").split("\n")
    hits = corpus.kwic("联络站", window=6)
    assert len(lines) == len(hits) >= 10 and proc.stderr == f"{len(hits)} hit(s)\n"
    sentences = corpus.sentences.set_index("sent_id")
    for line, hit in zip(lines, hits.itertuples(index=False)):
        doc_id, sent_id, context = line.split("\t")
        assert (doc_id, sent_id) == (hit.doc_id, hit.sent_id)
        assert "【联络站】" in context
        sentence = sentences.loc[sent_id]
        assert sentence["doc_id"] == doc_id and sentence["start"] <= hit.start < sentence["end"]
        assert "联络站" in sentence["text"]


def test_excel_and_sentences_from_the_command_line(tmp_path):
    out = tmp_path / "out"
    proc = run("build", str(CORPUS), "--out", str(out), "--excel", "--with-sentences")
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["encoding"] == "utf-8-sig" and manifest["with_sentences"] == ["indicators", "mentions"]
    for file in sorted(out.glob("*.csv")):
        data = file.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1, file.name
        df = pd.read_csv(file, encoding="utf-8-sig", keep_default_na=False)
        assert len(df) == manifest["rows"][file.stem] and not df.columns[0].startswith("\ufeff"), file.name
    sentences = pd.read_csv(out / "sentences.csv", encoding="utf-8-sig", keep_default_na=False)
    text_of = dict(zip(sentences["sent_id"], sentences["text"]))
    indicators = pd.read_csv(out / "indicators.csv", encoding="utf-8-sig", keep_default_na=False)
    assert indicators.columns[-1] == "sentence"
    assert (indicators["sentence"] == indicators["sent_id"].map(text_of)).all()
    # e.g. the satisfaction rate of the Tong'an report, checked from one row
    row = indicators[indicators["surface"].str.contains("99%")].iloc[0]
    assert "满意率" in row["sentence"] and row["surface"] in row["sentence"]


def test_evaluate_writes_scores_with_intervals_and_errors(tmp_path):
    out = tmp_path / "scores"
    done = subprocess.run([sys.executable, "-m", "congress_lib", "evaluate", str(CORPUS), "--gold",
                           str(CORPUS / "annotations"), "--out", str(out), "--bootstrap", "50"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    scores = pd.read_csv(out / "scores.csv")
    row = scores[(scores["table"] == "mentions") & (scores["category"] == "all")].iloc[0]
    assert row["gold"] > 500 and row["f1_low"] <= row["f1"] <= row["f1_high"] and row["documents"] == 5
    assert {"mentions_by_surface", "indicators", "quantities"} <= set(scores["table"])
    assert list(pd.read_csv(out / "errors.csv").columns)[:3] == ["table", "error", "doc_id"]
    assert "mentions: F1" in done.stdout
    bad = subprocess.run([sys.executable, "-m", "congress_lib", "evaluate", str(CORPUS), "--gold",
                          str(tmp_path / "none"), "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "does not exist" in bad.stderr


def test_agreement_compares_two_coders(tmp_path):
    first = CORPUS / "annotations"
    second = tmp_path / "second"
    second.mkdir()
    doc = "tongan_2022_news"
    gold = json.loads((first / f"{doc}.json").read_text(encoding="utf-8"))
    dropped = gold["mentions"].pop(0)  # the second coder missed one mention
    (second / f"{doc}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "agreement"
    done = subprocess.run([sys.executable, "-m", "congress_lib", "agreement", str(CORPUS), "--first", str(first),
                           "--second", str(second), "--out", str(out), "--bootstrap", "20"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    scores = pd.read_csv(out / "scores.csv").set_index(["table", "category"])
    assert tuple(scores.loc[("mentions", "all"), ["fp", "fn", "documents"]]) == (0, 1, 1)  # one document in common
    assert scores.loc[("indicators", "all"), "f1"] == 1.0
    errors = pd.read_csv(out / "errors.csv")
    assert errors[["error", "surface"]].values.tolist() == [["miss", dropped["surface"]]]
    assert "second coder" in done.stdout
