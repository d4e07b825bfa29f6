"""The installed version of congress_lib (``congress_lib.__version__``).

A module of its own so that the modules that record it (the cache key, the build
manifest, ``--version``) read it from below instead of importing the package.
"""

from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("congress_lib")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+unknown"
