"""The output lock: SHA-256 of every file a build writes, and of every figure and notebook.

A refactoring must not change one byte of what users get. ``tests/test_output_lock.py``
builds the bundled corpus and the hostile corpus of ``conftest.write_hostile`` in every
mode that writes files (serial, processes, cold and warm cache, gzip, spreadsheet
options, Parquet) and compares every file's hash with ``tests/data/output_lock.json``;
it also compares the committed figures and notebooks. A deliberate output change
updates the lock in a commit of its own, with the reason in its message::

    .venv/bin/python tests/output_lock.py     # rewrites tests/data/output_lock.json
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "tests" / "data" / "output_lock.json"

#: Build modes: name -> keyword arguments of congress_lib.output.build (``cache`` True: a cache
#: folder of its own, built cold and then again warm into another folder).
MODES = {
    "serial": {},
    "processes": {"engine": "processes", "workers": 2},
    "cache": {"cache": True},
    "compress": {"compress": True},
    "excel-sentences": {"excel": True, "with_sentences": True},
    "parquet": {"fmt": "parquet"},
}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _folder(path: Path) -> dict[str, str]:
    return {p.name: _sha(p) for p in sorted(path.iterdir()) if p.is_file()}


def build_hashes() -> dict[str, dict[str, str]]:
    """``{"<corpus>/<mode>": {file name: sha256}}`` for every corpus and mode."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CORPUS, write_hostile

    from congress_lib.output import build

    out: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpora = {"bundled": CORPUS, "hostile": write_hostile(tmp / "hostile")}
        for cname, corpus in corpora.items():
            for mode, kwargs in MODES.items():
                kwargs = dict(kwargs)
                if kwargs.pop("cache", False):
                    cache = tmp / f"cache-{cname}"
                    build(corpus, tmp / f"{cname}-cold", cache=cache, progress=False, **kwargs)
                    build(corpus, tmp / f"{cname}-warm", cache=cache, progress=False, **kwargs)
                    out[f"{cname}/cache-cold"] = _folder(tmp / f"{cname}-cold")
                    out[f"{cname}/cache-warm"] = _folder(tmp / f"{cname}-warm")
                    continue
                build(corpus, tmp / f"{cname}-{mode}", progress=False, **kwargs)
                out[f"{cname}/{mode}"] = _folder(tmp / f"{cname}-{mode}")
    return out


def committed_hashes() -> dict[str, str]:
    """The figures and built notebooks as committed: ``{relative path: sha256}``."""
    files = sorted((ROOT / "figures").glob("*.png")) + sorted((ROOT / "figures").glob("*.svg")) \
        + sorted((ROOT / "notebooks").glob("*.ipynb"))
    return {p.relative_to(ROOT).as_posix(): _sha(p) for p in files}


def main() -> int:
    lock = {"builds": build_hashes(), "committed": committed_hashes()}
    LOCK.write_text(json.dumps(lock, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {LOCK.relative_to(ROOT)}: {sum(len(v) for v in lock['builds'].values())} built files, "
          f"{len(lock['committed'])} committed files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
