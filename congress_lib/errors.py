"""Exceptions raised by congress_lib.

Every public function validates its arguments and raises a subclass of
:class:`CongressLibError` whose message says what went wrong *and what to do*.
The command line turns these into one-line messages and a non-zero exit code.
"""

from __future__ import annotations

__all__ = [
    "CongressLibError",
    "CorpusNotFoundError",
    "InvalidArgumentError",
    "LexiconError",
    "AnnotationError",
    "FontError",
    "ClusterError",
]


class CongressLibError(Exception):
    """Base class of every error congress_lib raises on purpose."""


class CorpusNotFoundError(CongressLibError, FileNotFoundError):
    """The corpus path does not exist or holds no files."""


class InvalidArgumentError(CongressLibError, ValueError):
    """An argument has the wrong type or value."""


class LexiconError(CongressLibError, ValueError):
    """A lexicon data file is missing or malformed."""


class AnnotationError(CongressLibError, ValueError):
    """A gold annotation file is missing or malformed."""


class FontError(CongressLibError, RuntimeError):
    """The bundled CJK font (from the ``mplfonts`` package) cannot be found or used."""


class ClusterError(CongressLibError, RuntimeError):
    """A Dask cluster cannot be reached, has no worker left, or runs other congress_lib code."""
