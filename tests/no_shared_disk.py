"""Preloaded into the dask workers of tests/test_cluster.py (``dask worker --preload FILE``):
the worker cannot open any file under the folders listed, separated by ``os.pathsep``, in
``CONGRESS_TEST_NO_ACCESS`` -- as on a cluster node that does not share the disk of the
machine that submits the build.

``open`` (``builtins.open``, ``io.open``) and ``os.open`` (which ``tempfile`` writes
through) raise ``PermissionError`` for such a path; nothing else of the worker changes.
"""

from __future__ import annotations

import builtins
import io
import os

_DENIED = tuple(os.path.realpath(folder) + os.sep
                for folder in os.environ.get("CONGRESS_TEST_NO_ACCESS", "").split(os.pathsep) if folder)


def _denied(file) -> bool:
    if isinstance(file, int) or not isinstance(file, (str, bytes, os.PathLike)):
        return False
    return (os.path.realpath(os.fsdecode(file)) + os.sep).startswith(_DENIED)


def _guard(opener):
    def guarded(file, *args, **kwargs):
        if _denied(file):
            raise PermissionError(13, "Permission denied (this node does not share that disk)", os.fsdecode(file))
        return opener(file, *args, **kwargs)

    return guarded


if _DENIED:
    builtins.open = io.open = _guard(builtins.open)
    os.open = _guard(os.open)
