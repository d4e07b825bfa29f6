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
sentences that carry a formula). The compiled dictionaries (:meth:`CueFinder.from_lexicon`)
are cached per lexicon version, so calling the finders on 10^5 texts compiles them once.
"""

from __future__ import annotations

import re

from . import fastpath
from .errors import InvalidArgumentError, LexiconError
from .resources import Lexicon, compiled, load_lexicon
from .text import char_class, characters

__all__ = ["CueFinder", "find_practices", "find_formulas"]

#: What each kind of cue finder reads: lexicon file, its top-level mapping, the list of
#: cue phrases in each entry, and the key that names the code in a hit.
_KINDS = {
    "practices": ("practices", "practices", "cues", "practice"),
    "formulas": ("formulas", "formulas", "variants", "formula"),
}


class CueFinder:
    """The practice or formula finder of one lexicon, compiled: what :func:`find_practices`
    and :func:`find_formulas` use.

    Make it with :meth:`from_lexicon`, which compiles it once per process, lexicon
    version, kind and option. Its plain definition (``shortcuts=False``): every code's
    regexes (the alternation of its cue phrases, longest first, and its patterns) are
    tried at every position of the text; within a code the longest hits that do not
    overlap a longer (then earlier) one are kept, checked against every kept hit.

    With ``shortcuts=True`` (the default) the hits are the same, found faster. A
    literal cue can only start at one of its first characters, so a single scan
    (:func:`~congress_lib.fastpath.first_character_gate`, a fast C loop over those
    characters, each followed by a lookahead for the rest of its cues) finds the
    positions where some cue starts; only there is each code's cue regex tried.
    Regex patterns (and cues that could start with a separator) can start anywhere:
    each is searched for from one match start to the next. The longest hits are kept
    by bisection (:func:`~congress_lib.fastpath.longest_non_overlapping`).
    """

    @classmethod
    def from_lexicon(cls, lexicon=None, kind: str = "practices", *, shortcuts: bool = True) -> CueFinder:
        """The finder of ``kind`` (``"practices"`` or ``"formulas"``) for ``lexicon``
        (folder path, :class:`~congress_lib.resources.Lexicon` or None for the shipped
        one), compiled once per lexicon version, kind and option.

        Raises
        ------
        InvalidArgumentError
            If ``kind`` is not one of the two.
        LexiconError
            If the lexicon file of ``kind`` is malformed.
        """
        if kind not in _KINDS:
            raise InvalidArgumentError(f"kind must be one of {', '.join(map(repr, _KINDS))}, not {kind!r}.")
        lex = load_lexicon(lexicon)
        shortcuts = bool(shortcuts)
        return compiled(lex, ("cues", kind, shortcuts), lambda: cls(lex, kind, shortcuts=shortcuts))

    def __init__(self, lexicon: Lexicon, kind: str, *, shortcuts: bool = True):
        name, top_key, list_key, self.key = _KINDS[kind]
        data = lexicon[name]
        if not isinstance(data, dict) or top_key not in data:
            raise LexiconError(f"lexicon {name}.yaml must have a top-level `{top_key}` mapping.")
        entries, where = data[top_key], f"{name}.yaml"
        if not isinstance(entries, dict) or not entries:
            raise LexiconError(
                f"lexicon {where} must hold a non-empty mapping of codes; "
                "see the comment header of the shipped file for the format."
            )
        # Between two characters of a cue the text may hold a quotation mark or a
        # space; separators of multi-part formulas (enumeration commas, commas,
        # semicolons, spaces) are interchangeable in reports, with quotation marks
        # around them. A hit that holds only the closing mark of a pair is widened by
        # the opening one that stands before it.
        ch = characters(lexicon)
        self.separators = ch.enumeration_commas + ch.commas + ch.semicolons + " "
        self.gap = char_class(ch.quote_marks + " ") + "?"
        self.separator_run = char_class(self.separators + ch.quote_marks) + "*"
        self.pairs = {close: open_ for open_, close in ch.quotes if open_ != close}
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
                cue_re = re.compile("|".join(self._cue_regex(c) for c in cues))
                regexes.append(cue_re)
                if any(c[0] in self.separators for c in cues):
                    self.scanned.append((index, cue_re))  # may start with a quote or separator
                else:
                    for first in sorted({c[0] for c in cues}):
                        self.by_first.setdefault(first, []).append((index, cue_re))
                    for c in cues:
                        rests.setdefault(c[0], set()).add(self.gap + self._cue_regex(c[1:]) if len(c) > 1 else "")
            for pattern in entry.get("patterns", []) or []:
                try:
                    compiled_pattern = re.compile(pattern)
                except re.error as exc:
                    raise LexiconError(
                        f"lexicon {where}: pattern {pattern!r} of {code!r} is not a valid regular expression ({exc})."
                    ) from exc
                regexes.append(compiled_pattern)
                self.scanned.append((index, compiled_pattern))
            if regexes:
                self.codes.append((code, label, regexes))
        if shortcuts:
            self.gate_re = fastpath.first_character_gate(rests)
            self._spans = self._spans_gated
            self._longest = fastpath.longest_non_overlapping
        else:
            self._spans = self._spans_everywhere
            self._longest = _longest_non_overlapping

    def _cue_regex(self, cue: str) -> str:
        """Regex source for a literal cue, tolerant of quotes and separators."""
        parts = [self.separator_run if char in self.separators else re.escape(char) for char in cue]
        # Quotes may stand between two characters, not before the first or after the
        # last one; a hit that then holds only a closing quote is widened by its
        # opening one (see _balance_quotes).
        return self.gap.join(parts)

    def find(self, text: str) -> list[dict]:
        """:func:`find_practices` or :func:`find_formulas` (by the finder's kind) of ``text``, a str."""
        # Every start position reports each code's longest hit there, so
        # overlapping cues are all seen before the longest-wins reduction.
        spans = self._spans(text)
        if not spans:
            return []
        key = self.key
        hits = []
        for index in sorted(spans):
            code, label, _ = self.codes[index]
            for start, end in self._longest(spans[index]):
                start, end = self._balance_quotes(text, start, end)
                hits.append({key: code, "label": label, "surface": text[start:end], "start": start, "end": end})
        hits.sort(key=lambda h: (h["start"], h["end"], h[key]))
        return hits

    def _spans_everywhere(self, text: str) -> dict[int, list[tuple[int, int]]]:
        """Code index -> the non-empty matches of its regexes at every position of ``text``."""
        spans: dict[int, list[tuple[int, int]]] = {}
        for index, (_, _, regexes) in enumerate(self.codes):
            for pos in range(len(text) + 1):
                for regex in regexes:
                    m = regex.match(text, pos)
                    if m and m.end() > pos:
                        spans.setdefault(index, []).append((pos, m.end()))
        return spans

    def _spans_gated(self, text: str) -> dict[int, list[tuple[int, int]]]:
        """:meth:`_spans_everywhere` (the same spans, in another order), cue regexes
        tried only where the gate finds a cue start."""
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
        return spans

    def _balance_quotes(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Widen a hit by its opening quotation mark when it holds only the closing one.

        ``‘面对面’督办`` is reported whole rather than as ``面对面’督办``.
        """
        surface = text[start:end]
        for close, open_ in self.pairs.items():
            if surface.count(close) > surface.count(open_) and start > 0 and text[start - 1] == open_:
                return start - 1, end
        return start, end


def _longest_non_overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest spans (then the leftmost) that do not overlap a longer or earlier kept one, sorted:
    each distinct span, longest first, is checked against every span kept so far."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(end <= a or start >= b for a, b in kept):
            kept.append((start, end))
    return sorted(kept)


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
    return CueFinder.from_lexicon(lexicon, "practices").find(text)


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
    return CueFinder.from_lexicon(lexicon, "formulas").find(text)
