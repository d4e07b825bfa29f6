"""Sentences, tokens and concordances.

* :func:`split_sentences` cuts a cleaned text into sentences at 。！？；!?; and
  line breaks, keeping the terminal punctuation and any closing quotation mark
  with the sentence, and returns offsets such that ``text[start:end]`` is the
  sentence (leading and trailing whitespace excluded). A sentence longer than
  :data:`MAX_SENTENCE_CHARS` (a flattened table, an endless list) is cut into
  pieces of at most that length, at the last clause mark that fits (，：), else
  the last enumeration mark (、), else anywhere but inside a run of digits or
  Latin letters; each piece is a sentence of its own, with its own offsets.
* :func:`tokenizer` returns the library's own ``jieba.Tokenizer`` (jieba's global
  tokenizer is never touched) with the domain dictionary of
  ``lexicon/domain_terms.yaml`` added, so that 人大代表, 代表联络站, 满意度测评 …
  stay one token. It is built lazily, once per process, with jieba's log lines
  silenced and its cache file kept in the congress_lib cache folder.
* :func:`kwic` finds a term in cleaned texts and returns keyword-in-context rows.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from threading import Lock

from .resources import Lexicon, load_lexicon

__all__ = ["split_sentences", "MAX_SENTENCE_CHARS", "tokenizer", "tokenize", "cache_dir", "kwic_rows", "CharMap"]


class CharMap:
    """``str.translate`` for a table that changes few characters of a typical text.

    ``CharMap(table).translate(text) == text.translate(table)`` for any table
    ``str.translate`` accepts (ordinal keys; values an ordinal, a string or None).
    A character class of the table's keys finds the characters to change in one
    C-level scan, which is many times faster than ``str.translate`` with a dict
    on CJK text, where the table changes almost nothing.
    """

    __slots__ = ("_map", "_regex", "length_preserving")

    def __init__(self, table: dict):
        self._map: dict[str, str] = {}
        for key, value in table.items():
            if not isinstance(key, int):
                continue  # str.translate looks characters up by ordinal only
            if value is None:
                value = ""
            elif isinstance(value, int):
                value = chr(value)
            self._map[chr(key)] = value
        keys = "".join(re.escape(ch) for ch in sorted(self._map))
        self._regex = re.compile(f"[{keys}]") if keys else None
        #: True when every character maps to exactly one: then translating a
        #: slice equals slicing the translated text.
        self.length_preserving = all(len(v) == 1 for v in self._map.values())

    def translate(self, text: str) -> str:
        if self._regex is None:
            return text
        repl = self._map
        return self._regex.sub(lambda m: repl[m[0]], text)

_SENTENCE = re.compile(r"[^\n。！？；!?;]+(?:[。！？；!?;]+[”’」』\"')）]*)?|[。！？；!?;]+[”’」』\"')）]*")

#: The longest sentence kept whole, in characters. The sentences of real reports
#: are far shorter (the longest of the bundled reports has 226 characters; see
#: the README's note on units for the survey behind the figure); only flattened
#: tables, endless enumerations and pages without punctuation come near it. Every
#: extractor works sentence by sentence, so this bound also bounds the work any
#: one sentence can cost.
MAX_SENTENCE_CHARS = 1000

# Where an over-long sentence is cut, best first: after a clause mark, after an
# enumeration mark; failing both, anywhere that does not split a run of these.
_CUT_MARKS = (re.compile(r"(?s:.*)[，：]"), re.compile(r"(?s:.*)、"))
_WORDY = frozenset("0123456789.,%ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_WORDY_BACKOFF = 32  # characters given up, at most, to avoid splitting such a run


def split_sentences(text: str, limit: int = MAX_SENTENCE_CHARS) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence of ``text``.

    Whitespace-only pieces are skipped; offsets exclude surrounding whitespace, so
    ``text[start:end]`` is never empty and never starts or ends with whitespace.
    A sentence longer than ``limit`` characters comes as several pieces of at most
    ``limit`` characters (see the module docstring). Time is linear in
    ``len(text)``.
    """
    if limit < 1:
        raise ValueError(f"limit must be a positive number of characters, not {limit!r}")
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start > limit:
            yield from _pieces(text, start, end, limit)
        elif end > start:
            yield start, end


def _pieces(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """An over-long sentence ``text[start:end]`` cut into pieces of at most ``limit``.

    Each cut is at the last mark of the best kind within the next ``limit``
    characters, so two consecutive pieces together always cover more than
    ``limit`` characters, or end the sentence: the number of pieces, and the
    characters each search reads, stay linear in the length of the sentence.
    """
    pos = start
    while end - pos > limit:
        stop = pos + limit
        cut = 0
        for marks in _CUT_MARKS:
            m = marks.match(text, pos + 1, stop)  # greedy: the last mark in the window
            if m:
                cut = m.end()
                break
        if not cut:
            cut = stop
            floor = max(pos + 1, stop - _WORDY_BACKOFF)
            while cut > floor and text[cut - 1] in _WORDY and text[cut] in _WORDY:
                cut -= 1
            if text[cut - 1] in _WORDY and text[cut] in _WORDY:
                cut = stop  # one run longer than the back-off: cut it at the limit
        a, b = pos, cut
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            yield a, b
        pos = cut
        while pos < end and text[pos].isspace():
            pos += 1
    if end > pos:
        yield pos, end


def cache_dir() -> Path:
    """The congress_lib cache folder.

    ``$CONGRESS_LIB_CACHE`` when set, else ``$XDG_CACHE_HOME/congress_lib``, else
    ``~/.cache/congress_lib``. Created on first use.
    """
    env = os.environ.get("CONGRESS_LIB_CACHE")
    if env:
        path = Path(env)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        path = Path(base) / "congress_lib"
    path.mkdir(parents=True, exist_ok=True)
    return path


def read_cached(name: str) -> bytes | None:
    """The bytes of ``name`` in the cache folder, or None (absent or unreadable)."""
    try:
        return (cache_dir() / name).read_bytes()
    except OSError:
        return None


def write_cached(name: str, data: bytes) -> None:
    """Keep ``data`` as ``name`` in the cache folder: written to a temporary file and
    renamed, so that a reader never sees half of it. A cache that cannot be written
    only costs time."""
    import tempfile

    try:
        folder = cache_dir()
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, folder / name)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        pass


_TOKENIZERS: dict[str, object] = {}
_LOCK = Lock()

#: The OpenCC configurations that write simplified characters in traditional ones
#: (mainland, Taiwan and Hong Kong standards): what a lexicon word may look like in a
#: traditional-character report.
TRADITIONAL = ("s2t", "s2tw", "s2hk")


@lru_cache(maxsize=None)
def opencc(config: str):
    """The one OpenCC converter of ``config`` (``t2s``, ``s2t`` …) of this process."""
    import opencc as _opencc

    return _opencc.OpenCC(config)


def traditional_forms(word: str) -> list[str]:
    """``word`` as the :data:`TRADITIONAL` configurations write it, in their order."""
    return [opencc(config).convert(word) for config in TRADITIONAL]


def tokenizer(lexicon: Lexicon | None = None):
    """The domain ``jieba.Tokenizer`` for ``lexicon`` (built once per process)."""
    lexicon = lexicon or load_lexicon()
    with _LOCK:
        tok = _TOKENIZERS.get(lexicon.version)
        if tok is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            tok.tmp_dir = str(cache_dir())
            tok.initialize()
            terms = lexicon["domain_terms"]
            for word in terms.get("terms", []):
                tok.add_word(str(word), freq=int(terms.get("frequency", 20000)))
            _TOKENIZERS[lexicon.version] = tok
    return tok


def tokenize(text: str, lexicon: Lexicon | None = None) -> list[str]:
    """Segment ``text`` with the domain tokenizer; whitespace tokens dropped."""
    return [t for t in tokenizer(lexicon).lcut(text) if t.strip()]


def kwic_rows(doc_id: str, text: str, term: str, window: int) -> Iterator[dict]:
    """Concordance rows for every occurrence of ``term`` in one cleaned text."""
    start = text.find(term)
    while start != -1:
        end = start + len(term)
        left = text[max(0, start - window):start].replace("\n", " ")
        right = text[end:end + window].replace("\n", " ")
        yield {"doc_id": doc_id, "start": start, "end": end, "left": left, "keyword": term, "right": right}
        start = text.find(term, start + 1)
