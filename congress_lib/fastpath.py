"""Fast-path machinery: the gates, prefix tables and character tests that let the
extractors skip text where a rule cannot match.

Nothing here knows the domain. Each helper answers exactly what a plain definition
would (a regex search, a scan of a word list) and is only faster; every extractor
built with ``shortcuts=False`` (e.g. ``MentionFinder.from_lexicon(lex,
shortcuts=False)``) uses none of them, and the equivalence tests compare the two.
The rules themselves live in the extractor modules (:mod:`~congress_lib.quantities`,
:mod:`~congress_lib.indicators`, :mod:`~congress_lib.mentions`,
:mod:`~congress_lib.practices`, :mod:`~congress_lib.network`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import repeat


# --- word gates and lookaheads (used by the mention finder) -------------------------------
#
# Words are literal strings in which either kind of parenthesis, full-width or ASCII,
# stands for both (镇(街) and 镇（街） are one word).


def norm_paren(word: str) -> str:
    """``word`` with full-width parentheses written as ASCII ones (the form words are compared in)."""
    return word.replace("（", "(").replace("）", ")")


def paren_pattern(word: str) -> str:
    """Regex source matching the literal ``word``, either kind of parenthesis matching both."""
    out = []
    for char in word:
        if char in "(（":
            out.append("[(（]")
        elif char in ")）":
            out.append("[)）]")
        else:
            out.append(re.escape(char))
    return "".join(out)


def by_length(words) -> list[str]:
    """The distinct ``words``, longest first (then in code-point order)."""
    return sorted(set(words), key=lambda w: (-len(w), w))


def alternation(words) -> str:
    """Regex source of one of ``words`` (:func:`paren_pattern` each), longest first, so that
    at one position the longest word matches."""
    return "|".join(paren_pattern(w) for w in by_length(words))


_MATCH_START = re.Match.start


class Lookahead:
    """A zero-width lookahead regex whose matches can only start at a few characters.

    ``finditer`` yields exactly what ``re.compile(pattern).finditer`` yields (one
    zero-width match at every position where the lookahead holds), but finds the
    candidate positions with a *gate* first: a regex whose every match is one
    character long and starts with a literal character, which the regex engine
    scans for in C, skipping most of a text. ``firsts`` must hold every character
    a match can start with (the gate is then that character class); a ``gate``
    source (``a(?=rest…)|b(?=rest…)``) can be sharper: it must match at least
    wherever the lookahead holds. With neither, every position is tried (the plain
    definition, ``gate`` is None).
    """

    __slots__ = ("pattern", "regex", "gate")

    def __init__(self, pattern: str, firsts=None, gate: str | None = None):
        self.pattern = pattern
        self.regex = re.compile(pattern)
        if gate is not None:
            self.gate = re.compile(gate)
        elif firsts is not None:
            self.gate = re.compile("[" + "".join(re.escape(c) for c in sorted(firsts)) + "]")
        else:
            self.gate = None

    def finditer(self, text: str):
        gate = self.gate
        if gate is None:
            return self.regex.finditer(text)
        first = gate.search(text)  # (most texts hold none: no iterator is built for them)
        if first is None:
            return ()
        starts = [first.start()]
        starts += map(_MATCH_START, gate.finditer(text, starts[0] + 1))  # (gate matches are one character long)
        return list(filter(None, map(self.regex.match, repeat(text, len(starts)), starts)))


def first_chars(words) -> set | None:
    """The characters the regex of ``alternation(words)`` can start with (None: any, when a word is empty)."""
    out = set()
    for w in words:
        if not w:
            return None  # an empty word matches anywhere
        out.update("(（" if w[0] in "(（" else w[0])
    return out


def word_gate(words) -> str | None:
    """Regex source of a gate for ``alternation(words)`` (see :class:`Lookahead`): each first
    character, followed (as a lookahead) by the rest of one of the words starting with it.
    It matches, one character long, exactly where ``alternation(words)`` matches (None when a
    word is empty or there is none)."""
    rests: dict[str, set[str]] = {}
    for w in set(words):
        if not w:
            return None
        for first in ("(（" if w[0] in "(（" else w[0]):
            rests.setdefault(first, set()).add(w[1:])
    if not rests:
        return None
    branches = []
    for first in sorted(rests):
        tails = rests[first]
        branches.append(re.escape(first) if "" in tails else f"{re.escape(first)}(?={alternation(tails)})")
    return "|".join(branches)


def lookahead(words, shortcuts: bool = True) -> Lookahead:
    """Every (overlapping) occurrence of any word: ``re.finditer(f"(?=({alternation(words)}))", text)``,
    so group 1 is the longest word at a position; gated by :func:`word_gate` with ``shortcuts``."""
    if not shortcuts:
        return Lookahead(f"(?=({alternation(words)}))")
    return Lookahead(f"(?=({alternation(words)}))", first_chars(words), word_gate(words))


def word_chars(words) -> frozenset:
    """The characters of ``words``, either parenthesis standing for both."""
    out = set("".join(words))
    for pair in ("(（", ")）"):
        if out & set(pair):
            out.update(pair)
    return frozenset(out)


def last_chars(words) -> frozenset | None:
    """The characters ``words`` can end with, either parenthesis standing for both
    (None when a word is empty: then a match can end after any character)."""
    out = set()
    for w in words:
        if not w:
            return None
        out.update(")）" if w[-1] in ")）" else "(（" if w[-1] in "(（" else w[-1])
    return frozenset(out)


class EndWords:
    """``re.compile(f"(?:{alternation(words)})\\Z").search(window)``, by dictionary lookups.

    That regex matches at the leftmost position from which the rest of the window
    is one of the words (either kind of parenthesis matching either), that is, at
    the start of the longest word the window ends with; :meth:`start` returns
    that position (or None) from a few slices and set lookups.
    """

    __slots__ = ("words", "lengths", "empty")

    def __init__(self, words):
        self.words = frozenset(norm_paren(w) for w in words)
        # lengths of the (non-empty) words by their last character, longest first
        by_last: dict[str, set[int]] = {}
        for w in self.words:
            if w:
                for c in (")）" if w[-1] == ")" else "(（" if w[-1] == "(" else w[-1]):
                    by_last.setdefault(c, set()).add(len(w))
        self.lengths = {c: sorted(ks, reverse=True) for c, ks in by_last.items()}
        self.empty = "" in self.words

    def start(self, window: str) -> int | None:
        n = len(window)
        if n:
            words = self.words
            for k in self.lengths.get(window[-1], ()):
                if k <= n:
                    tail = window[n - k:]
                    if (tail in words) if ("（" not in tail and "）" not in tail) else (norm_paren(tail) in words):
                        return n - k
        return n if self.empty else None


class EndRegex:
    """The plain definition of :class:`EndWords`: the regex itself, with the same ``start``."""

    __slots__ = ("regex",)

    def __init__(self, words):
        self.regex = re.compile(f"(?:{alternation(words)})\\Z")

    def start(self, window: str) -> int | None:
        m = self.regex.search(window)
        return m.start() if m else None


def end_words(words, shortcuts: bool = True) -> EndWords | EndRegex:
    """What finds the longest of ``words`` a window ends with: an :class:`EndWords` with
    ``shortcuts``, else its plain definition, an :class:`EndRegex`."""
    return EndWords(words) if shortcuts else EndRegex(words)


@lru_cache(maxsize=1024)
def cached_end_words(words: tuple[str, ...]) -> EndWords:
    """``EndWords(words)``, kept for the last 1,024 tuples asked for (a cache: the object is
    never changed, so callers share it)."""
    return EndWords(words)


class WordSet:
    """Does a word of this set end at / start at a position? One ``str.endswith`` /
    ``str.startswith`` with the tuple of words, which equals testing each word's slice."""

    __slots__ = ("words", "tuple")

    def __init__(self, words):
        self.words = frozenset(words)
        self.tuple = tuple(sorted(self.words))

    def ends_at(self, text: str, pos: int) -> bool:
        """True when some word ``w`` has ``text[pos - len(w):pos] == w``."""
        return text.endswith(self.tuple, 0, pos)

    def starts_at(self, text: str, pos: int) -> bool:
        """True when some word ``w`` has ``text[pos:pos + len(w)] == w``."""
        return text.startswith(self.tuple, pos)


class AnyChar:
    """Holds every character: the gate that lets everything through (no shortcut)."""

    __slots__ = ()

    def __contains__(self, char) -> bool:
        return True


#: The one :class:`AnyChar`.
ANY_CHAR = AnyChar()


# --- scanning numbers and cues (used by the quantity finder, the indicator classifier and the cue finders) ---


def word_pattern(words) -> str | None:
    """Regex source matching any of the non-empty ``words``, the longest where several match.

    Plain definition: :func:`congress_lib.text.alternation` of the non-empty words (their
    alternation, longest first). It matches exactly what that matches, also when
    backtracking inside a larger pattern (shorter words are then tried longest first),
    but is written as a prefix tree (``联(?:络站|系(?:点|站))``) so that the regex engine
    reads each character once instead of trying every word. None when no word is
    left.
    """
    trie: dict = {}
    for word in {w for w in words if w}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    if not trie:
        return None

    def source(node: dict) -> str:
        branches = [re.escape(ch) + source(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here: longer words first, then this one
            return f"(?:{body})?"
        return body

    return source(trie)


def first_character_gate(rests: dict[str, set[str]]) -> re.Pattern | None:
    """A regex that finds, in one scan, the positions where one of several patterns can start.

    ``rests`` maps a first character to the regex sources of what may follow it (``""``:
    the character alone is enough). The gate matches one character ``c`` at a position
    ``p`` exactly when ``text[p] == c`` and one of ``rests[c]`` matches at ``p + 1``
    (``c(?=rest|rest…)|d|…``). Its branches start with literals, so the regex engine
    scans for their characters in C. Plain definition: trying the patterns at every
    position of the text. None when ``rests`` is empty.
    """
    branches = []
    for first in sorted(rests):
        tails = sorted(rests[first])
        if "" in tails:
            branches.append(re.escape(first))
        else:
            branches.append(f"{re.escape(first)}(?=" + "|".join(f"(?:{t})" for t in tails) + ")")
    return re.compile("|".join(branches)) if branches else None


def matches_from_starts(pattern: re.Pattern, starts: re.Pattern, text: str, pos: int = 0):
    """``pattern.finditer(text, pos)``, for a ``pattern`` that matches a non-empty string at
    every position where the one-character class ``starts`` matches, and nowhere else.

    Each match is tried only where ``starts`` finds the next possible start: a bare
    character class is scanned for in C, which the regex engine cannot do for most
    patterns.
    """
    search, match = starts.search, pattern.match
    while (found := search(text, pos)) is not None:
        m = match(text, found.start())
        yield m
        pos = m.end()


def length_table(pairs) -> list[tuple[int, dict]]:
    """``(word, value)`` pairs as ``(length, {word: value})`` groups, longest first (the
    first value of a word repeated wins): the table :func:`longest_ending_at` reads."""
    groups: dict[int, dict] = {}
    for word, value in pairs:
        groups.setdefault(len(word), {}).setdefault(word, value)
    return sorted(groups.items(), reverse=True)


def longest_ending_at(table: list[tuple[int, dict]], text: str, pos: int) -> tuple[str, object] | None:
    """The longest word of a :func:`length_table` table that ends at ``pos`` in ``text``, and its value.

    Plain definition: the first of the table's words, sorted longest first, for which
    ``text.endswith(word, 0, pos)``. One dictionary look-up per word length instead of
    one comparison per word. None when no word ends there.
    """
    for k, words in table:
        if k <= pos:
            word = text[pos - k : pos]
            if word in words:
                return word, words[word]
    return None


def last_at_most(values: list[int], pos: int) -> int:
    """The largest of the sorted ``values`` that is at most ``pos``, else 0.

    Plain definition: ``max([v for v in values if v <= pos] or [0])``; found by bisection.
    """
    k = bisect_right(values, pos)
    return values[k - 1] if k else 0


def spans_near(items: list, starts: list[int], start: int, end: int, gap: int) -> list:
    """The ``items`` that stand at most ``gap`` characters from the span ``start``–``end``.

    ``items`` have ``.start`` and ``.end``, are sorted and do not overlap (so their ends
    are sorted too); ``starts`` are their starts. Plain definition: ``[p for p in items
    if p.start <= end + gap and p.end >= start - gap]``; found by bisection, with a walk
    back over the items that start before ``end`` and end within the gap before
    ``start``.
    """
    i = bisect_left(starts, end)
    j = bisect_right(starts, end + gap)
    k = i
    while k > 0 and items[k - 1].end >= start - gap:
        k -= 1
    return items[k:j]


def longest_non_overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest spans (then the leftmost) that do not overlap a longer or earlier kept one, sorted.

    Plain definition: take the distinct spans longest first (then leftmost), keep each
    that overlaps no span kept so far, sort the kept ones. The kept spans never
    overlap, so sorted by start their ends are sorted too: a span overlaps one of them
    only if it overlaps its neighbours in that order, found by bisection.
    """
    kept: list[tuple[int, int]] = []  # sorted
    for start, end in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0])):
        i = bisect_left(kept, (start, end))
        if (i == 0 or kept[i - 1][1] <= start) and (i == len(kept) or kept[i][0] >= end):
            kept.insert(i, (start, end))
    return kept


# --- required characters (a gate for a whole regex search) ---------------------------------


def _caseless(char: str) -> bool:
    """True when ``re.IGNORECASE`` can make ``char`` match only itself (a Han character, a
    digit, punctuation: no letter case and no case folding)."""
    return not char.isalpha() or "\u3400" <= char <= "\u9fff"


def _item_chars(item, flags: int) -> frozenset | None:
    """Exactly the characters the one-character parsed ``item`` matches under ``flags`` when
    it is a literal or a class of literals (under IGNORECASE: of characters without case);
    None for any other item (a range, a category, a negated class, a letter under IGNORECASE)."""
    from re import _constants as c

    op, av = item
    pairs = [(c.LITERAL, av)] if op is c.LITERAL else av
    chars = set()
    for kind, value in pairs:
        if kind is not c.LITERAL or (flags & re.IGNORECASE and not _caseless(chr(value))):
            return None
        chars.add(chr(value))
    return frozenset(chars)


def _required(items, flags: int) -> frozenset | None:
    """The characters of which every match of the parsed sequence ``items`` holds at least
    one: those of its first item that must match a character (a literal, a class, a group or
    alternation of such, a repeat of at least one); None when none is found."""
    from re import _constants as c  # (the parser's own opcodes)

    for op, av in items:
        found = None
        if op is c.LITERAL or op is c.IN:
            found = _item_chars((op, av), flags)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            found = _required(av[2], flags)
        elif op is c.SUBPATTERN and not av[1] and not av[2]:  # (no inline flags set or cleared)
            found = _required(av[3], flags)
        elif op is c.BRANCH:
            sets = [_required(branch, flags) for branch in av[1]]
            found = None if any(s is None for s in sets) else frozenset().union(*sets)
        if found:
            return found
    return None


def required_chars(patterns, flags: int = 0) -> frozenset | None:
    """Characters of which every match of each of ``patterns`` (regex sources compiled with
    ``flags``) holds at least one, so that a text holding none of them matches none of the
    patterns; None when some pattern has no such characters (then every text must be tried).
    Only the top-level sequence of each pattern is read, up to its first item that must match
    a character; lookarounds, optional items and negated classes are passed over (what they
    require is not counted), which keeps the answer a safe one."""
    from re import _parser

    out: set[str] = set()
    for pattern in patterns:
        parsed = _parser.parse(pattern, flags)
        found = _required(list(parsed), parsed.state.flags)
        if not found:
            return None
        out |= found
    return frozenset(out)


def char_gate(patterns, flags: int = 0) -> re.Pattern | None:
    """A one-character class regex (see :func:`required_chars`): a text it finds nothing in
    matches none of ``patterns``; None when no such gate exists."""
    chars = required_chars(patterns, flags)
    if chars is None:
        return None
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]")


class CharDispatch:
    """"Does one of ``patterns`` match this line?" (``method``: ``"match"`` at its start or
    ``"search"`` anywhere), each pattern compiled with ``flags`` and tried alone, and only in
    a line that holds one of its :func:`required_chars` (a pattern without such characters
    is tried in every line).

    Plain definition: ``any(getattr(re.compile(p, flags), method)(line) for p in
    patterns)``. The characters of a line that some pattern needs are found in one scan
    (a one-character class, in C); a line holding none of a pattern's characters cannot
    match it, so the answer is the same, while the few patterns a line can match are tried
    alone instead of an alternation of all of them being tried at every position.
    """

    __slots__ = ("always", "by_char", "gate")

    def __init__(self, patterns, flags: int = 0, method: str = "search"):
        always, by_char = [], {}
        for pattern in patterns:
            test = getattr(re.compile(pattern, flags), method)
            chars = required_chars([pattern], flags)
            if chars is None:
                always.append(test)
            else:
                for ch in chars:
                    by_char.setdefault(ch, []).append(test)
        self.always = tuple(always)
        self.by_char = {ch: tuple(tests) for ch, tests in by_char.items()}
        self.gate = re.compile("[" + "".join(re.escape(ch) for ch in sorted(by_char)) + "]") if by_char else None

    def __call__(self, line: str) -> bool:
        for test in self.always:
            if test(line) is not None:
                return True
        if self.gate is None:
            return False
        chars = self.gate.findall(line)
        if not chars:
            return False
        tried = set()
        by_char = self.by_char
        for ch in set(chars):
            for test in by_char[ch]:
                if test not in tried:
                    tried.add(test)
                    if test(line) is not None:
                        return True
        return False
