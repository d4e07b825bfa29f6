"""Every byte users get stays the same unless a commit says why (see tests/output_lock.py)."""

from __future__ import annotations

import json

import pytest

from output_lock import LOCK, build_hashes, committed_hashes


@pytest.mark.slow
def test_every_file_a_build_writes_is_the_locked_one():
    locked = json.loads(LOCK.read_text(encoding="utf-8"))["builds"]
    got = build_hashes()
    assert sorted(got) == sorted(locked)
    for key in locked:
        assert got[key] == locked[key], (
            f"{key}: build output differs from the lock in "
            f"{sorted(n for n in set(got[key]) | set(locked[key]) if got[key].get(n) != locked[key].get(n))}; "
            "a deliberate change updates tests/data/output_lock.json (python tests/output_lock.py) "
            "in a commit of its own")


def test_committed_figures_and_notebooks_are_the_locked_ones():
    locked = json.loads(LOCK.read_text(encoding="utf-8"))["committed"]
    assert committed_hashes() == locked
