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
* :func:`characters` returns the character classes of ``lexicon/characters.yaml``
  (sentence ends, clause marks, quotation marks, brackets …) that every module
  reads, and :data:`WIDTH_FOLD` is the one table that folds full-width digits,
  letters and number symbols to ASCII.

The punctuation, quotation marks and other character classes are domain data: they
live in ``lexicon/characters.yaml`` and nowhere else. This module holds the few
constants that are mechanism (Unicode ranges, the width fold, pinyin tone marks).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from .resources import Lexicon, compiled, load_lexicon

__all__ = ["split_sentences", "MAX_SENTENCE_CHARS", "tokenizer", "tokenize", "cache_dir", "kwic_rows", "CharMap",
           "Characters", "characters", "char_class", "alternation", "WIDTH_FOLD", "CJK", "CJK_BASIC", "TONE_VOWELS",
           "TONE_CONSONANTS", "split_place_suffix"]


class CharMap:
    """``str.translate`` for a table that changes few characters of a typical text.

    ``CharMap(table).translate(text) == text.translate(table)`` for any table
    ``str.translate`` accepts (ordinal keys; values an ordinal, a string or None).
    A character class of the table's keys finds the characters to change in one
    C-level scan, which is many times faster than ``str.translate`` with a dict
    on CJK text, where the table changes almost nothing.
    """

    __slots__ = ("_map", "_regex")

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

    def translate(self, text: str) -> str:
        if self._regex is None:
            return text
        repl = self._map
        return self._regex.sub(lambda m: repl[m[0]], text)


# --- mechanism constants -------------------------------------------------------------

#: The CJK Unified Ideographs block (U+4E00–U+9FFF), as the inside of a regex
#: character class: the characters of nearly every report.
CJK_BASIC = "\u4e00-\u9fff"
#: :data:`CJK_BASIC` and Extension A (U+3400–U+4DBF, rare characters of names).
CJK = CJK_BASIC + "\u3400-\u4dbf"

#: Pinyin vowels with a tone mark (and ü with one), and the consonants that can carry
#: one (ń ň ǹ ḿ in interjections such as ńg). A pinyin gloss after a character
#: (聯(lián)) holds at least one of them.
TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
TONE_CONSONANTS = "ńňǹḿ"

#: The one width fold: full-width digits and Latin letters, the full-width forms of the
#: symbols that numbers use (％ ＋ － ． ／ ～) and the ideographic space, to ASCII, one
#: character to one. Sentence punctuation (，。！？；：“”) is not in it. Two callers
#: extend it, each for a reason of its own: :func:`congress_lib.ingest.fold_width`
#: (cleaning: ＝ ＃, exotic spaces, zero-width characters dropped) and
#: :mod:`congress_lib.quantities` (matching numbers: ：for clock times, ﹪, traditional
#: numeral characters).
WIDTH_FOLD: dict[int, int] = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}  # ０-９
WIDTH_FOLD.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
WIDTH_FOLD.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})  # ａ-ｚ
WIDTH_FOLD.update({ord(a): ord(b) for a, b in zip("％＋－．／～\u3000", "%+-./~ ")})


def char_class(chars: str, negate: bool = False) -> str:
    """Regex source of a character class holding exactly ``chars`` (``[^…]`` with ``negate``).

    An empty ``chars`` gives a class that matches nothing (anything with ``negate``),
    so that a lexicon may leave a class empty.
    """
    if not chars:
        return "[\\s\\S]" if negate else "(?!)"
    body = "".join(re.escape(ch) for ch in sorted(set(chars)))
    return f"[^{body}]" if negate else f"[{body}]"


def alternation(words) -> str | None:
    """Regex source of the alternation of ``words``, longest first (then in code point
    order), so that the longest word is read where several match at one position; None
    when there are no words. An empty word is kept: it matches the empty string.
    """
    words = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in words) if words else None


# --- character classes (lexicon/characters.yaml) ---------------------------------------


class Characters:
    """The character classes of ``lexicon/characters.yaml`` (see its header), checked.

    Single classes keep their name: ``commas``, ``colons``, ``enumeration_commas``,
    ``apostrophes``, ``other_marks``, ``full_stops``, ``semicolons``,
    ``exclamation_and_question_marks`` (strings of characters); ``conjunctions``,
    ``disjunctions``, ``range_separators`` (tuples of words); ``double_quotes``,
    ``single_quotes``, ``corner_double_quotes``, ``corner_single_quotes``,
    ``parentheses``, ``lenticular_brackets``, ``square_brackets``, ``title_marks``,
    ``inner_title_marks`` (tuples of ``(opening, closing)`` pairs). A few unions that
    several modules read are named too: ``sentence_ends``, ``clause_marks``,
    ``quotes`` (every quotation mark pair), ``quote_marks`` (every quotation mark and
    the apostrophe) and ``brackets``.
    """

    _STRINGS = ("full_stops", "exclamation_and_question_marks", "semicolons", "commas", "colons",
                "enumeration_commas", "apostrophes", "other_marks")
    _WORDS = ("conjunctions", "disjunctions", "range_separators")
    _PAIRS = ("double_quotes", "single_quotes", "corner_double_quotes", "corner_single_quotes", "parentheses",
              "lenticular_brackets", "square_brackets", "title_marks", "inner_title_marks")

    def __init__(self, data):
        from .errors import LexiconError

        if not isinstance(data, dict):
            raise LexiconError("lexicon file characters.yaml must be a mapping of character classes; "
                               "see the comment header of the shipped file.")
        for key in self._STRINGS + self._WORDS + self._PAIRS:
            if key not in data:
                raise LexiconError(f"lexicon file characters.yaml has no class `{key}`; every class of the "
                                   "shipped file is needed (an empty one is written \"\" or []).")
        for key in self._STRINGS:
            value = data[key]
            if value is not None and not isinstance(value, str):
                raise LexiconError(f"characters.yaml: `{key}` must be a string of characters, not {value!r}.")
            setattr(self, key, value or "")
        for key in self._WORDS:
            value = data[key] or []
            if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
                raise LexiconError(f"characters.yaml: `{key}` must be a list of non-empty strings, not {value!r}.")
            setattr(self, key, tuple(value))
        for key in self._PAIRS:
            value = data[key] or []
            if not isinstance(value, list) or not all(isinstance(p, str) and len(p) == 2 for p in value):
                raise LexiconError(f"characters.yaml: `{key}` must be a list of two-character strings "
                                   f"(an opening and a closing mark), not {value!r}.")
            setattr(self, key, tuple((p[0], p[1]) for p in value))
        self.sentence_ends = self.full_stops + self.exclamation_and_question_marks + self.semicolons
        self.clause_marks = self.commas + self.colons
        self.quotes = self.double_quotes + self.single_quotes + self.corner_double_quotes + self.corner_single_quotes
        self.quote_marks = pair_chars(self.quotes) + self.apostrophes
        self.brackets = self.parentheses + self.lenticular_brackets + self.square_brackets


def openers(pairs) -> str:
    """The opening marks of ``(opening, closing)`` pairs."""
    return "".join(o for o, _ in pairs)


def closers(pairs) -> str:
    """The closing marks of ``(opening, closing)`` pairs."""
    return "".join(c for _, c in pairs)


def pair_chars(pairs) -> str:
    """Every mark of ``(opening, closing)`` pairs."""
    return "".join(o + c for o, c in pairs)


def characters(lexicon: Lexicon | str | Path | None = None) -> Characters:
    """The :class:`Characters` of ``lexicon`` (default: the shipped one), read once per version."""
    lex = load_lexicon(lexicon)
    return compiled(lex, "characters", lambda: Characters(lex["characters"]))


def split_place_suffix(name: str, suffixes, min_stem: int = 1) -> tuple[str, str]:
    """``name`` as ``(stem, suffix)``, cut before the longest of ``suffixes`` it ends with
    that leaves at least ``min_stem`` characters; ``(name, "")`` when none does.

    ``split_place_suffix("同安区", ["区", "县"])`` is ``("同安", "区")``.
    """
    for suffix in sorted({s for s in suffixes if s}, key=lambda s: (-len(s), s)):
        if name.endswith(suffix) and len(name) - len(suffix) >= min_stem:
            return name[: -len(suffix)], suffix
    return name, ""


# --- sentences ---------------------------------------------------------------------------


def _splitter(lexicon) -> tuple[re.Pattern, tuple[re.Pattern, ...]]:
    """The sentence pattern and the cut marks of ``lexicon``'s characters (once per version)."""
    lex = load_lexicon(lexicon)
    return compiled(lex, "sentences", lambda: _compile_splitter(lex))


def _compile_splitter(lex: Lexicon) -> tuple[re.Pattern, tuple[re.Pattern, ...]]:
    """The sentence pattern and the cut marks of ``lex`` (see :func:`split_sentences`)."""
    ch = characters(lex)
    ends = ch.sentence_ends
    # a sentence keeps the closing quotation marks and parentheses after its end
    tail = char_class(closers(ch.quotes) + ch.apostrophes + closers(ch.parentheses)) + "*"
    if ends:
        end_run = char_class(ends) + "+" + tail
        sentence = re.compile(f"{char_class(ends + chr(10), negate=True)}+(?:{end_run})?|{end_run}")
    else:
        sentence = re.compile("[^\n]+")
    # Where an over-long sentence is cut, best first: after a clause mark (the
    # full-width ones: the ASCII forms stand inside numbers and clock times), after
    # an enumeration mark; failing both, anywhere that does not split a run of _WORDY.
    kinds = ("".join(c for c in ch.clause_marks if not c.isascii()), ch.enumeration_commas)
    cuts = tuple(re.compile(f"(?s:.*){char_class(marks)}") for marks in kinds if marks)
    return sentence, cuts


#: The longest sentence kept whole, in characters. The sentences of real reports
#: are far shorter (the longest of the bundled reports has 226 characters; see
#: the README's note on units for the survey behind the figure); only flattened
#: tables, endless enumerations and pages without punctuation come near it. Every
#: extractor works sentence by sentence, so this bound also bounds the work any
#: one sentence can cost.
MAX_SENTENCE_CHARS = 1000

# Characters of a run that an over-long sentence is not cut inside (numbers, Latin words).
_WORDY = frozenset("0123456789.,%ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_WORDY_BACKOFF = 32  # characters given up, at most, to avoid splitting such a run


def split_sentences(text: str, limit: int = MAX_SENTENCE_CHARS, lexicon=None) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence of ``text``.

    Whitespace-only pieces are skipped; offsets exclude surrounding whitespace, so
    ``text[start:end]`` is never empty and never starts or ends with whitespace.
    A sentence longer than ``limit`` characters comes as several pieces of at most
    ``limit`` characters (see the module docstring). Time is linear in
    ``len(text)``. The sentence ends, closing marks and clause marks are those of
    ``lexicon`` (``characters.yaml``; default: the shipped lexicon).
    """
    if limit < 1:
        raise ValueError(f"limit must be a positive number of characters, not {limit!r}")
    sentence, cuts = _splitter(lexicon)
    for match in sentence.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start > limit:
            yield from _pieces(text, start, end, limit, cuts)
        elif end > start:
            yield start, end


def _pieces(text: str, start: int, end: int, limit: int, cuts) -> Iterator[tuple[int, int]]:
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
        for marks in cuts:
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
    """The domain ``jieba.Tokenizer`` for ``lexicon`` (built once per process and lexicon version)."""
    lexicon = lexicon or load_lexicon()
    return compiled(lexicon, "tokenizer", lambda: _build_tokenizer(lexicon))


def _build_tokenizer(lexicon: Lexicon):
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(cache_dir())
    tok.initialize()
    terms = lexicon["domain_terms"]
    for word in terms.get("terms", []):
        tok.add_word(str(word), freq=int(terms.get("frequency", 20000)))
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
