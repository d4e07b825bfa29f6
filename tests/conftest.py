"""Shared fixtures: the bundled corpus (loaded once) and a scratch corpus builder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"

os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(scope="session")
def corpus():
    import congress_lib as cl

    return cl.load_corpus(CORPUS)


@pytest.fixture
def make_corpus(tmp_path):
    """Write files into a fresh corpus folder: make_corpus({"a.txt": b"..."})."""

    def _make(files: dict[str, bytes | str], metadata: str | None = None) -> Path:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                content = content.encode("utf-8")
            path.write_bytes(content)
        if metadata is not None:
            (folder / "metadata.csv").write_text(metadata, encoding="utf-8")
        return folder

    return _make
