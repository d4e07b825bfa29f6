"""The command line, run as a user would: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd

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
