"""Practices and political formulas: dictionary finders over one text.

Two dictionaries, both data files in ``congress_lib/lexicon/``:

* ``practices.yaml`` lists named institutional mechanisms of grassroots congress
  work (docs/codebook.md §5: 专题询问, 执法检查, 满意度测评, 面对面督办, 票决制 …),
  each with a stable snake_case code, a Chinese label, an English label and
  several cue phrases;
* ``formulas.yaml`` lists fixed ideological formulas (docs/codebook.md §6:
  两个确立, 四个意识, 全过程人民民主 …) with their labels and variants.

:func:`find_practices` and :func:`find_formulas` return every cue occurrence in a
text, with offsets such that ``text[start:end] == surface``. A cue matches with
quotation marks between its characters (``“面对面”督办`` is the cue
``面对面督办``; the surface then keeps both quotes: ``‘面对面’督办``), so reports
that put a slogan in quotes are still found. Within one
code, overlapping hits are reduced to the longest (then leftmost) ones; different
codes may overlap, because one phrase can be evidence of two mechanisms.

The corpus module aggregates these hits per unit (the practices table: unit ×
practice counts with evidence; the formulas table: the share of a unit's
sentences that carry a formula). The compiled dictionaries are cached per
lexicon version, so calling the finders on 10^5 texts compiles them once.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from threading import Lock

from .errors import InvalidArgumentError, LexiconError
from .resources import Lexicon, load_lexicon

__all__ = ["find_practices", "find_formulas"]

#: Characters that may stand between two characters of a cue in the text.
_QUOTES = "“”‘’「」『』\"'"
_GAP = f"[{re.escape(_QUOTES)} ]?"
#: Separators of multi-part formulas that are interchangeable in reports.
_SEPARATORS = "、，,；; "


def _cue_regex(cue: str) -> str:
    """Regex source for a literal cue, tolerant of quotes and separators."""
    parts = []
    for char in cue:
        if char in _SEPARATORS:
            parts.append(f"[{re.escape(_SEPARATORS + _QUOTES)}]*")
        else:
            parts.append(re.escape(char))
    # Quotes may stand between two characters, not before the first or after the
    # last one; a hit that then holds only a closing quote is widened by its
    # opening one (see _balance_quotes).
    return _GAP.join(parts)


class _Dictionary:
    """One compiled dictionary.

    A literal cue can only start at one of its first characters, so a single
    scan (``gate_re``, a fast C loop over those characters, each followed by a
    lookahead for the rest of its cues) finds the positions where some cue
    starts; only there is each code's own regex tried. Regex patterns (and cues that could start with
    a separator) can start anywhere: each is searched for at every position
    where it matches. The hits are exactly those of trying every code's regexes
    at every position of the text.
    """

    def __init__(self, entries: dict, list_key: str, where: str):
        if not isinstance(entries, dict) or not entries:
            raise LexiconError(
                f"lexicon {where} must hold a non-empty mapping of codes; "
                "see the comment header of the shipped file for the format."
            )
        self.codes: list[tuple[str, str, list[re.Pattern]]] = []
        #: first character -> [(code index, cue regex), ...] of the cues starting with it
        self.by_first: dict[str, list[tuple[int, re.Pattern]]] = {}
        self.scanned: list[tuple[int, re.Pattern]] = []  # regexes that may start with any character
        rests: dict[str, set[str]] = {}  # first character -> regexes of the rest of its cues
        for code in sorted(entries):
            entry = entries[code] or {}
            if not isinstance(entry, dict):
                raise LexiconError(
                    f"lexicon {where}: entry {code!r} must be a mapping with `label` and `{list_key}`."
                )
            label = str(entry.get("label", code))
            cues = sorted({str(c) for c in entry.get(list_key, []) or [] if str(c).strip()}, key=lambda c: (-len(c), c))
            regexes = []
            index = len(self.codes)
            if cues:
                # Longest cue first: at one start position the alternation then
                # reports the longest literal cue.
                cue_re = re.compile("|".join(_cue_regex(c) for c in cues))
                regexes.append(cue_re)
                if any(c[0] in _SEPARATORS for c in cues):
                    self.scanned.append((index, cue_re))  # may start with a quote or separator
                else:
                    for first in sorted({c[0] for c in cues}):
                        self.by_first.setdefault(first, []).append((index, cue_re))
                    for c in cues:
                        rests.setdefault(c[0], set()).add(_GAP + _cue_regex(c[1:]) if len(c) > 1 else "")
            for pattern in entry.get("patterns", []) or []:
                try:
                    compiled = re.compile(pattern)
                except re.error as exc:
                    raise LexiconError(
                        f"lexicon {where}: pattern {pattern!r} of {code!r} is not a valid regular expression ({exc})."
                    ) from exc
                regexes.append(compiled)
                self.scanned.append((index, compiled))
            if regexes:
                self.codes.append((code, label, regexes))
        # The gate matches one character, a first character of some cue, exactly
        # where a whole cue follows: ``a(?=rest of a cue|…)|b(?=…)``. Its branches
        # start with literals, so the regex engine scans for their characters in
        # C, and the loop in :meth:`find` sees only positions where a cue starts.
        branches = []
        for first in sorted(self.by_first):
            tails = sorted(rests[first])
            if "" in tails:  # a one-character cue: the character is enough
                branches.append(re.escape(first))
            else:
                branches.append(f"{re.escape(first)}(?=" + "|".join(f"(?:{t})" for t in tails) + ")")
        self.gate_re = re.compile("|".join(branches)) if branches else None

    def find(self, text: str, key: str) -> list[dict]:
        # Every start position reports each code's longest hit there, so
        # overlapping cues are all seen before the longest-wins reduction.
        spans: dict[int, list[tuple[int, int]]] = {}
        if self.gate_re is not None:
            by_first = self.by_first
            for g in self.gate_re.finditer(text):
                pos = g.start()
                for index, regex in by_first[text[pos]]:
                    m = regex.match(text, pos)
                    if m and m.end() > pos:
                        spans.setdefault(index, []).append((pos, m.end()))
        for index, regex in self.scanned:
            pos, n = 0, len(text)
            while pos <= n:
                m = regex.search(text, pos)
                if m is None:
                    break
                if m.end() > m.start():
                    spans.setdefault(index, []).append((m.start(), m.end()))
                pos = m.start() + 1
        if not spans:
            return []
        hits = []
        for index in sorted(spans):
            code, label, _ = self.codes[index]
            for start, end in _longest_non_overlapping(spans[index]):
                start, end = _balance_quotes(text, start, end)
                hits.append({key: code, "label": label, "surface": text[start:end], "start": start, "end": end})
        hits.sort(key=lambda h: (h["start"], h["end"], h[key]))
        return hits


_PAIRS = {"”": "“", "’": "‘", "」": "「", "』": "『"}


def _balance_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a hit by its opening quotation mark when it holds only the closing one.

    ``‘面对面’督办`` is reported whole rather than as ``面对面’督办``.
    """
    surface = text[start:end]
    for close, open_ in _PAIRS.items():
        if surface.count(close) > surface.count(open_) and start > 0 and text[start - 1] == open_:
            return start - 1, end
    return start, end


def _longest_non_overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the longest spans (then leftmost) that do not overlap a kept one.

    The kept spans never overlap, so sorted by start their ends are sorted too: a
    span overlaps one of them only if it overlaps its neighbours in that order.
    """
    kept: list[tuple[int, int]] = []  # sorted
    for start, end in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0])):
        i = bisect_left(kept, (start, end))
        if (i == 0 or kept[i - 1][1] <= start) and (i == len(kept) or kept[i][0] >= end):
            kept.insert(i, (start, end))
    return kept


_CACHE: dict[tuple[str, str], _Dictionary] = {}
_LOCK = Lock()


def _dictionary(lexicon: Lexicon | None, name: str, top_key: str, list_key: str) -> _Dictionary:
    lexicon = load_lexicon(lexicon)
    key = (lexicon.version, name)
    with _LOCK:
        compiled = _CACHE.get(key)
        if compiled is None:
            data = lexicon[name]
            if not isinstance(data, dict) or top_key not in data:
                raise LexiconError(f"lexicon {name}.yaml must have a top-level `{top_key}` mapping.")
            compiled = _Dictionary(data[top_key], list_key, f"{name}.yaml")
            _CACHE[key] = compiled
    return compiled


def _check_text(text) -> None:
    if not isinstance(text, str):
        raise InvalidArgumentError(f"text must be a str, not {type(text).__name__}; pass the cleaned report text.")


def find_practices(text: str, lexicon=None) -> list[dict]:
    """Find practice cue phrases (docs/codebook.md §5) in ``text``.

    Parameters
    ----------
    text : str
        Cleaned report text (simplified characters).
    lexicon : Lexicon, str, Path or None
        Lexicon to use (default: the shipped one); its ``practices`` file is read.

    Returns
    -------
    list of dict
        One dict per hit with keys ``practice`` (snake_case code), ``label``
        (Chinese name), ``surface``, ``start``, ``end``; ``text[start:end] ==
        surface``. Sorted by ``start``, then ``end``, then code.

    Examples
    --------
    >>> [h["practice"] for h in find_practices("首次对五件重点建议开展“面对面”督办")]
    ['key_proposal_supervision', 'face_to_face_supervision']
    """
    _check_text(text)
    return _dictionary(lexicon, "practices", "practices", "cues").find(text, "practice")


def find_formulas(text: str, lexicon=None) -> list[dict]:
    """Find fixed political formulas (docs/codebook.md §6) in ``text``.

    Parameters
    ----------
    text : str
        Cleaned report text (simplified characters).
    lexicon : Lexicon, str, Path or None
        Lexicon to use (default: the shipped one); its ``formulas`` file is read.

    Returns
    -------
    list of dict
        One dict per hit with keys ``formula`` (snake_case code), ``label``,
        ``surface``, ``start``, ``end``, sorted by ``start``.

    Examples
    --------
    >>> [h["surface"] for h in find_formulas("增强“四个意识”、坚定“四个自信”")]
    ['四个意识', '四个自信']
    """
    _check_text(text)
    return _dictionary(lexicon, "formulas", "formulas", "variants").find(text, "formula")
