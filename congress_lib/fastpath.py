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

# --- word gates and lookaheads (used by the mention finder) -------------------------------


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


def by_length(pairs) -> list[tuple[int, dict]]:
    """``(word, value)`` pairs as ``(length, {word: value})`` groups, longest first (the
    first value of a word repeated wins): the table :func:`longest_ending_at` reads."""
    groups: dict[int, dict] = {}
    for word, value in pairs:
        groups.setdefault(len(word), {}).setdefault(word, value)
    return sorted(groups.items(), reverse=True)


def longest_ending_at(table: list[tuple[int, dict]], text: str, pos: int) -> tuple[str, object] | None:
    """The longest word of a :func:`by_length` table that ends at ``pos`` in ``text``, and its value.

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
