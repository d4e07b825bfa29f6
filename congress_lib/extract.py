"""Extra extractors: a table of your own, made sentence by sentence beside the built-in ones.

A :class:`SentenceExtractor` names a table and a function that finds its rows in
one sentence. Give it to :func:`~congress_lib.corpus.load_corpus` or to
``congress_lib.output.build`` (``extractors=[...]``) and its table is made for every
sentence of every document, with the columns every extracted table has —
``doc_id``, ``unit_id``, ``jurisdiction`` first, document offsets ``start`` and
``end`` and ``sent_id`` last — and appears wherever the built-in tables do: in
``corpus.table(name)``, in the files ``build`` writes (CSV, gzip, Parquet), in the
per-document cache and in ``manifest.json``. Nothing else needs to change: the
extractors travel with the :class:`~congress_lib.resources.Lexicon` the corpus is
read with (:meth:`Lexicon.with_extractors`), whose ``version`` — and so every
cache key — includes each extractor's identity (its table, its columns, its
``version`` and the source code of its function).

>>> import re
>>> def hotlines(sentence, lexicon):
...     for m in re.finditer(r"\\d{3,4}-?\\d{7,8}|12345", sentence):
...         yield (m.group(), m.start(), m.end())
>>> hotline = SentenceExtractor("hotlines", ("number",), hotlines)
>>> hotline.table.columns
('doc_id', 'unit_id', 'jurisdiction', 'number', 'start', 'end', 'sent_id')

The function must be importable by name (defined at module level, not a lambda)
when documents are processed in other processes (``engine="processes"`` or
``"dask"``).
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .errors import InvalidArgumentError
from .schema import TABLES, Table

__all__ = ["SentenceExtractor"]

#: The columns every extracted table starts and ends with.
_HEAD = ("doc_id", "unit_id", "jurisdiction")
_TAIL = ("start", "end", "sent_id")


@dataclass(frozen=True)
class SentenceExtractor:
    """A table made sentence by sentence.

    Parameters
    ----------
    name : str
        The table's name (and output file stem); not one of the built-in tables.
    fields : tuple of str
        The columns it finds, between the identifiers and the offsets.
    find : callable
        ``find(sentence, lexicon)`` yields one tuple ``(*fields, start, end)`` per
        hit, ``start``/``end`` offsets in the sentence (the table holds document
        offsets).
    categorical : tuple of str
        Fields repeated on many rows, held as categoricals in a loaded corpus.
    version : str
        Changes the identity (and the cache keys) without changing the code.
    """

    name: str
    fields: tuple[str, ...]
    find: Callable[[str, object], Iterable[tuple]]
    categorical: tuple[str, ...] = ()
    version: str = ""

    def __post_init__(self):
        if not isinstance(self.name, str) or not self.name.isidentifier():
            raise InvalidArgumentError(f"an extractor's table name must be an identifier, not {self.name!r}.")
        if self.name in TABLES:
            raise InvalidArgumentError(f"{self.name!r} is a built-in table; give the extractor another name.")
        fields = tuple(self.fields)
        clash = sorted(set(fields) & set(_HEAD + _TAIL))
        if clash or len(set(fields)) != len(fields):
            raise InvalidArgumentError(
                f"extractor {self.name!r}: fields must be distinct and not {', '.join(_HEAD + _TAIL)} "
                f"(these columns are added): {list(fields)}.")
        object.__setattr__(self, "fields", fields)
        object.__setattr__(self, "categorical", tuple(self.categorical))
        if not callable(self.find):
            raise InvalidArgumentError(f"extractor {self.name!r}: find must be callable.")

    @property
    def table(self) -> Table:
        """The table's declaration (:class:`~congress_lib.schema.Table`)."""
        return Table(self.name, (*_HEAD, *self.fields, *_TAIL), ints=("start", "end"),
                     categorical=(*_HEAD[:2], "jurisdiction", *self.categorical, "sent_id"))

    def identity(self) -> str:
        """What the extractor's rows depend on, for cache keys: table, columns, version, code."""
        try:
            code = inspect.getsource(self.find)
        except (OSError, TypeError):  # (no source: a builtin or a compiled function)
            code = repr(self.find)
        digest = hashlib.sha256(code.encode("utf-8")).hexdigest()
        return f"{self.name}\0{','.join(self.table.columns)}\0{','.join(self.categorical)}\0{self.version}\0{digest}"

    def rows(self, sentence: str, lexicon, ids: tuple[str, str, str], offset: int, sent_id: str) -> list[tuple]:
        """The rows of one sentence: ``ids`` (doc_id, unit_id, jurisdiction) first, document offsets."""
        out = []
        width = len(self.fields) + 2
        for hit in self.find(sentence, lexicon):
            hit = tuple(hit)
            if len(hit) != width:
                raise InvalidArgumentError(
                    f"extractor {self.name!r} gave {hit!r}; it must give (*{self.fields}, start, end).")
            out.append((*ids, *hit[:-2], offset + hit[-2], offset + hit[-1], sent_id))
        return out
