"""The benchmark scripts run at a tiny size and print every figure they promise (slow:
they start processes and build several corpora)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
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


@pytest.mark.slow
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
        ["endless_counts", "enumeration", "one_line", "nested_markup", "roundup", "mentions", "few_actors",
         "spaced_digits", "flat_table", "columns", "roster"])
    assert all("timeout" not in r and "error" not in r for r in rows)
    assert "comma-only report" in out.stdout
