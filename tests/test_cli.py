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
    for name in ("documents", "units", "sentences", "quantities", "indicators", "mentions", "practices",
                 "formulas", "rejected"):
        df = pd.read_csv(out / f"{name}.csv", keep_default_na=False)
        assert len(df) == manifest["rows"][name], name
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
