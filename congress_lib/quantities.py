"""Quantities: every number in a report, with its unit, hedge and kind.

Reports count things in two scripts: Arabic digits (``108件``, ``1,250条``,
``56.1万``, ``93.5%``) and Chinese numerals (``一百零八``, ``两轮``, ``十届``,
``二〇二三年``). :func:`find_quantities` finds both by pattern over the text (never
from jieba tokens, which split ``1700余人次`` apart) and returns one
:class:`Quantity` per number, with

* the span ``start``/``end`` of the full quantity as written -- hedge words, the
  numeral and its unit word (``近2000个``, ``1800余人次``, ``3—5名``) -- so that
  ``text[start:end] == surface``;
* ``value`` in base units (``56.1万`` → 561000, ``56.4亿元`` → 5.64e9 元,
  ``99%`` → 99.0) and ``value_high`` for ranges (``3—5名`` → 3 and 5);
* the normalised ``unit`` (simplified characters), ``approx`` and ``approx_kind``
  (``more_than`` for 余/多/以上/超过, ``nearly`` for 近/将近/接近, ``about`` for
  约/左右/上下);
* its ``kind``, one of :data:`QUANTITY_KINDS`, decided by general patterns:
  numbers before 年/月/日 are dates, ``第N`` and ``N号线`` ordinals, ``N届`` and
  ``…届…N次会议`` sessions, ``一是``/``(三)``/``一、`` enumerations, numbers in short
  quoted terms and fixed formulas (``“四个意识”``, ``“2121”工程``, ``一厅三室``)
  slogans, phone/ICP/counter numbers codes, ``五年来``/``3分钟`` durations.

Domain knowledge -- unit words, hedges, words that contain numeral characters
without being numbers (统一, 一批, 进一步), fixed formulas, furniture cues -- lives in
the lexicon files ``units.yaml`` and ``number_traps.yaml``; this module holds
patterns and mechanisms only. Traditional characters and full-width digits are
folded with a length-preserving table before matching, so offsets always refer to
the text as given.

The search is pure and deterministic, never raises on any string, and compiles its
patterns once per lexicon version: :meth:`QuantityFinder.from_lexicon` gives the
compiled finder (``shortcuts=False``: the plain definitions of its fast paths).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import fastpath
from .errors import InvalidArgumentError
from .resources import Lexicon, compiled, load_lexicon
from .text import (
    CJK_BASIC,
    WIDTH_FOLD,
    CharMap,
    alternation,
    char_class,
    characters,
    closers,
    pair_chars,
    traditional_forms,
)

__all__ = [
    "APPROX_KINDS",
    "FlatTable",
    "QUANTITY_KINDS",
    "Quantity",
    "QuantityFinder",
    "find_quantities",
    "fold_text",
    "is_spoken_estimate",
    "parse_number",
]

#: Every value of :attr:`Quantity.kind`.
QUANTITY_KINDS = (
    "count",
    "percent",
    "money",
    "measure",
    "date",
    "time",
    "duration",
    "ordinal",
    "session",
    "enumeration",
    "slogan",
    "code",
    "other",
)

#: Every non-null value of :attr:`Quantity.approx_kind`.
APPROX_KINDS = ("more_than", "nearly", "about")


#: A bare number, the whole of a cell of a flattened table (69, 41.57, 100%).
_CELL_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?%?")
_CELL_NUMBER_IN = re.compile(r"(?<![\d.])\d+(?:\.\d+)?%?(?![\d.])")
#: A row on one line: a label, then two or more spaced bare numbers.
_CELL_ROW = re.compile(r"(\D*?\S)[ \t\u3000]+(\d+(?:\.\d+)?%?(?:[ \t\u3000]+\d+(?:\.\d+)?%?)*)")
_LABEL_BREAKS = re.compile(r"[。，,；;：:！？!?、\d]|\s{2,}\S.*\s{2,}")
_BRACKETED = re.compile(r"[(（]([^()（）]{1,4})[)）]")

#: How far back a list item of sittings looks for the sitting named with its term.
_SESSION_LIST_REACH = 80


@dataclass(frozen=True)
class FlatTable:
    """A table flattened into text, one cell per sentence (:meth:`QuantityFinder.flat_tables`).

    ``first`` is the index of the header's first cell (the name of the labels),
    ``headers`` the names of the columns of numbers and ``units`` the unit each gives
    (``%``: a column of percentages); ``numbers`` maps the index of each cell holding
    numbers to ``(start, end, column, row label)`` of each number in the cell."""

    first: int
    headers: tuple[str, ...]
    units: tuple[str, ...]
    numbers: dict


@dataclass(frozen=True)
class Quantity:
    """One number in a text.

    Attributes
    ----------
    start, end : int
        Offsets of the full quantity span (hedges, numeral, unit) in the text that
        was searched; ``text[start:end] == surface``.
    surface : str
        The span as written, e.g. ``1800余人次``, ``近2000个``, ``3—5名``.
    value : float
        The number in base units (万/亿 multiplied out; percentages as the number
        of percent). For a range, the low end.
    value_high : float or None
        The high end of a range (``3—5名`` → 5.0), else None.
    unit : str or None
        Normalised unit word in simplified characters (``件``, ``人次``, ``元``,
        ``%``, ``平方千米``, ``年`` …), None when the number has no unit.
    approx : bool
        True when a hedge word qualifies the number.
    approx_kind : str or None
        ``more_than``, ``nearly`` or ``about`` (see :data:`APPROX_KINDS`).
    kind : str
        One of :data:`QUANTITY_KINDS`.
    """

    start: int
    end: int
    surface: str
    value: float
    value_high: float | None
    unit: str | None
    approx: bool
    approx_kind: str | None
    kind: str


# ---------------------------------------------------------------------------
# Numerals: language mechanism, not domain knowledge.

_CN_DIGITS = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
# 陆 (capital 6) is left out on purpose: in reports it means "land" (陆续, 大陆);
# parse_number still reads it.
_CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
_CN_CHARS = "".join(_CN_DIGITS) + "".join(_CN_SMALL) + "".join(_CN_BIG)
_ZEROS = "零〇○"
_MAGNITUDE = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}

# Characters folded regardless of the lexicon: the width fold, the full-width colon of
# clock times, the small percent sign and the traditional numeral characters.
_NUMERAL_FOLD = dict(WIDTH_FOLD)
_NUMERAL_FOLD.update({ord(a): ord(b) for a, b in zip("：﹪", ":%")})
_NUMERAL_FOLD.update({ord(a): ord(b) for a, b in zip("萬億兩貳陸", "万亿两贰陆")})

_NUM_RE = re.compile(
    r"(?P<ar>\d+(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)(?P<mag>[十百千万亿]*)"
    rf"|(?P<cn>[{_CN_CHARS}]+)"
)
_DIGIT = re.compile(r"\d")
# Digit groups written with a space (GB/T 15835: 2 000, 12 345; typeset with a thin or a
# narrow no-break space, or an ordinary one once a page is cleaned): groups of three after
# a lead of one to three digits. A thin space groups before anything but another digit; an
# ordinary space only before a character (2 000多名), never before a sign or a line end,
# where it more likely parts two numbers of a flattened table (合计 166 100%). A match starts
# only at the first group of a run (never after a digit and a space), so a long run is tried
# once, not once per group: linear in the text.
_SPACED_GROUPS = re.compile(
    r"(?<![\d.])(?<!\d,)(?<!\d[ \u2009\u202f])\d{1,3}(?:(?:[\u2009\u202f]\d{3})+(?![\d.])|(?: \d{3})+(?=[\u4e00-\u9fff]))")


# a decimal point written as a middle dot before a magnitude (3·3万元 is 3.3万元); only
# before 万/亿, so that a date used as the name of an event (7·20暴雨) stays apart
_DOT_DECIMAL = re.compile(r"(?<![\d.·•・])(\d{1,4})[·•・](\d{1,3})(?=\s?[万亿])")


def _join_digit_groups(folded: str) -> str:
    """``folded`` with the spaces inside spaced digit groups written as commas (2 000 →
    2,000) and a middle dot used as a decimal point written as a point (3·3万 → 3.3万),
    so the number is read whole; same length, so offsets do not move."""
    if "·" in folded or "•" in folded or "・" in folded:
        folded = _DOT_DECIMAL.sub(lambda m: m.group(1) + "." + m.group(2), folded)
    if " " not in folded and "\u2009" not in folded and "\u202f" not in folded:
        return folded
    return _SPACED_GROUPS.sub(lambda m: re.sub(r"[ \u2009\u202f]", ",", m.group()), folded)
# lone numeral characters that count places without a measure word (北部五镇, 两乡); 一 and
# 二 do not (一村一品, 一区二区 are formulas and ordinals)
_LONE_PLACE_COUNTS = frozenset("两三四五六七八九")
# characters after the people a lone 百/千/万 counts in which a second magnitude marks a
# parallel slogan (百名代表听百案)
_PARALLEL_WINDOW = 4
_STRAY_SPACES = (" ", "\u3000", "\xa0")
# a decimal point, a stray space and the decimals of a percentage (占14. 2%)
_SPACED_DECIMAL = re.compile(r"\.[ \u3000\xa0](\d{1,2})(?=[%‰])")
_SPACED_MAG = re.compile(r"[万亿]+")
# a smaller group after 万/亿 in a mixed numeral (1万2千, 3亿5000万); not a unit's 千/百 (2千米)
_LOWER_GROUP = re.compile(r"(\d+(?:\.\d+)?)([千百]|[万])(?![米克瓦])")
# Where a match of _NUM_RE can start: a digit or a numeral character (a match starts
# at every such position; see fastpath.matches_from_starts).
_NUM_START = re.compile(rf"[\d{_CN_CHARS}]")
_CN_DIGIT_SET = frozenset(_CN_DIGITS)
_CN_DIGIT_VALUE = {ch: Decimal(v) for ch, v in _CN_DIGITS.items()}  # == _cn_value(ch): a memo of the lone digits
_CN_COUNT_SET = _CN_DIGIT_SET | {"十", "拾"}  # a run holding one of these is read as a number
_CN_BIG_SET = frozenset(_CN_BIG)
_CN_DIGIT_RUN = re.compile(rf"[{''.join(_CN_DIGITS)}]+")
_ARABIC_FULL = re.compile(r"[+-]?(?:\d+(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?")
_PLUS = re.compile(r"\d+\s?\+\s?\d+|\d+\s?\+\s?[A-Za-z]|[A-Za-z]\s?\+\s?\d+")
# a percentage that a Chinese count names (两个100%, 两个百分之百)
_RATE_AFTER = re.compile(r"\d+(?:\.\d+)?[%‰]|百分之")
_FOUR_DIGITS = re.compile(r"\d\d\d\d")  # in every _PHONE and _ISO_DATE match
_ASCII_LETTER = re.compile(r"[A-Za-z]")  # in every _LATIN match

# Furniture and codes, matched before ordinary numbers (order matters).
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+(?:\s\.[A-Za-z]{2,5})?")
_EMAIL = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_ICP = re.compile(
    r"(?:ICP|icp)\s?(?:备|证|許可證|许可证)?\s?(?:字)?\s?(?:[第:：]\s?)?\d+号?(?:-\d+)?"
    r"|(?:公网安备|公安备案|网安备|公网安备案)\s?(?:号)?\s?[:：]?\s?\d+号?"
)
_DOCNO = re.compile(r"[〔\[【(（]\s?(?:19|20)\d{2}\s?[〕\]】)）]\s?(?:第\s?)?\d+\s?号")
_PHONE = re.compile(
    r"(?<![\d.])(?:[(（]0\d{2,3}[)）]\s?\d{7,8}|0\d{2,3}[-—－\s]\d{7,8}(?:[-—]\d{1,4})?"
    r"|1[3-9]\d{9}|400[-\s]?\d{3}[-\s]?\d{4})(?![\d.])"
)
_ISO_DATE = re.compile(r"(?<![\d.])((?:19|20)\d{2})([-/.])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?![\d.])")
_CLOCK = re.compile(r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?![\d:])")
_LATIN = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Za-z]+[-_]?\d[A-Za-z0-9_.-]*|\d+[A-Za-z][A-Za-z0-9_-]*)"
)
_PERCENT_WORD = re.compile(rf"百分之(?P<n>\d+(?:\.\d+)?|[{_CN_CHARS}]+(?:点[{''.join(_CN_DIGITS)}]+)?)")
_FRACTION = re.compile(
    rf"(?P<a>\d+|[{_CN_CHARS}]+)分之(?P<b>\d+(?:\.\d+)?|[{_CN_CHARS}]+(?:点[{''.join(_CN_DIGITS)}]+)?)"
)

# a share in tenths or a half (七成, 一半), followed by 的, a hedge or a boundary, or by the verb
# of the clause (近八成投向民生, 九成已经办结); not where 成 opens a word (三成员, 一成不变, 成为,
# 成立, 成效) or 八成 means "probably" (八成是)
_SHARE_WORD = re.compile(
    r"(?<![\d一二两三四五六七八九十百千万另])(?:(?P<n>[1-9一二两三四五六七八九])成|一半)"
    r"(?=的|以上|以下|左右|多|[，,。；;、：:）)\s]|$|(?![员立为果效绩本功熟长都交品型就人年套片群份批语事不是了])[\u4e00-\u9fff])"
)


def _pair_before_magnitude(run: str) -> tuple[Decimal, Decimal] | None:
    """The range of two neighbouring digits before a magnitude (三四十 → 30, 40; 五六百 →
    500, 600; 七八千), or None: colloquial approximate numbers."""
    if len(run) != 3 or run[2] not in _MAGNITUDE or run[0] not in _CN_DIGITS or run[1] not in _CN_DIGITS:
        return None
    a, b = _CN_DIGITS[run[0]], _CN_DIGITS[run[1]]
    if not 0 < a < b <= a + 2:
        return None
    f = _MAGNITUDE[run[2]]
    return Decimal(a * f), Decimal(b * f)


_SPOKEN_PAIR = re.compile("[一两二三四五六七八九]{2}(?![十百千万亿])")


def is_spoken_estimate(q: Quantity) -> bool:
    """Two neighbouring digits read one by one with no magnitude after them (两三个人,
    四五公里): a spoken guess of a few, no count. (Before a magnitude, 三四十人, 五六百户,
    the range is still a count, read as its low end.)"""
    return (
        q.value_high is not None and q.value_high < 10 and q.approx
        and _SPOKEN_PAIR.search(q.surface) is not None
    )


def _is_cn_digit_only(run: str) -> bool:
    return _CN_DIGIT_SET.issuperset(run)


def _cn_int(run: str) -> int | None:
    """Value of a run of Chinese numeral characters (no 点), or None if malformed."""
    if not run:
        return None
    if len(run) == 1 and run in _CN_DIGITS:
        return _CN_DIGITS[run]
    if _is_cn_digit_only(run):
        return int("".join(str(_CN_DIGITS[ch]) for ch in run))  # 二〇二三 → 2023
    total = 0  # completed 亿 groups
    wan = 0  # the 万 group of the current 亿 group
    wan_used = False
    section = 0  # below 万
    digit: int | None = None
    last_small: int | None = None
    prev_unit = 0  # value of the unit character right before this one (0: none)
    digit_after_unit = 0  # value of the unit character right before the pending digit
    for ch in run:
        if ch in _ZEROS:
            if digit is not None:
                return None
            prev_unit = 0
        elif ch in _CN_DIGITS:
            if digit is not None:
                return None
            digit, digit_after_unit, prev_unit = _CN_DIGITS[ch], prev_unit, 0
        elif ch in _CN_SMALL:
            unit = _CN_SMALL[ch]
            if last_small is not None and unit >= last_small:
                return None
            section += (1 if digit is None else digit) * unit
            digit, last_small, prev_unit = None, unit, unit
        elif ch in _CN_BIG:
            unit = _CN_BIG[ch]
            seg = section + (digit or 0)
            if unit == 10**4:
                if wan_used or seg == 0:
                    return None
                wan, wan_used = seg, True
            else:
                group = wan * 10**4 + seg
                if group == 0:
                    return None
                total = (total + group) * 10**8
                wan, wan_used = 0, False
            section, digit, last_small, prev_unit = 0, None, None, unit
        else:
            return None
    tail = digit or 0
    # Colloquial abbreviation: 一万五 = 15000, 三千五 = 3500, 两百五 = 250 (a bare
    # digit right after a unit of at least a hundred).
    if digit is not None and digit_after_unit >= 100:
        tail = digit * digit_after_unit // 10
    return total + wan * 10**4 + section + tail


def _cn_value(run: str) -> Decimal | None:
    """Value of a Chinese numeral with an optional 点 decimal part."""
    if "点" in run:
        whole, _, frac = run.partition("点")
        if not frac or not _is_cn_digit_only(frac) or "点" in frac:
            return None
        base = _cn_int(whole) if whole else 0
        if base is None:
            return None
        return Decimal(base) + Decimal("0." + "".join(str(_CN_DIGITS[c]) for c in frac))
    value = _cn_int(run)
    return None if value is None else Decimal(value)


def _mag_factor(mag: str) -> int:
    factor = 1
    for ch in mag:
        factor *= _MAGNITUDE[ch]
    return factor


def _as_float(value: Decimal) -> float:
    return float(value)


def parse_number(s: str) -> float | None:
    """Read one number written in Arabic digits, Chinese numerals or a mix.

    Parameters
    ----------
    s : str
        The numeral, e.g. ``"1,200"``, ``"56.1万"``, ``"一百零八"``, ``"两"``,
        ``"二〇二三"`` (read digit by digit), ``"三点一四"``, ``"5亿"``,
        ``"百分之九十"``. Full-width digits and traditional numeral characters
        (萬, 億, 兩) are accepted. Surrounding whitespace is ignored.

    Returns
    -------
    float or None
        The value, or None when ``s`` is not a number. Never raises.

    Examples
    --------
    >>> parse_number("56.1万")
    561000.0
    >>> parse_number("一百零八")
    108.0
    >>> parse_number("二〇二三")
    2023.0
    >>> parse_number("统一") is None
    True
    """
    try:
        if not isinstance(s, str):
            return None
        t = s.strip().translate(_NUMERAL_FOLD)
        if not t:
            return None
        if t.startswith("百分之"):
            t = t[3:]
        elif t.endswith("%"):
            t = t[:-1]
        if _ARABIC_FULL.fullmatch(t):
            return float(Decimal(t.replace(",", "")))
        m = re.fullmatch(r"(\d+(?:,\d{3})*(?:\.\d+)?)([十百千万亿]+)", t)
        if m:
            return _as_float(Decimal(m.group(1).replace(",", "")) * _mag_factor(m.group(2)))
        t = t.replace("陆", "六")  # capital 6, read only when asked to parse a numeral
        if all(ch in _CN_CHARS or ch == "点" for ch in t):
            value = _cn_value(t)
            if value is not None:
                return _as_float(value)
        import cn2an  # imported lazily: only odd numerals get here

        out = cn2an.cn2an(t, "smart")
        return float(out)
    except Exception:  # noqa: BLE001 - the contract is "never raise"
        return None


# ---------------------------------------------------------------------------
# The compiled finder: lexicon-derived patterns, compiled once per lexicon version.


def _strings(data) -> list[str]:
    out: list[str] = []
    if isinstance(data, str):
        out.append(data)
    elif isinstance(data, dict):
        for key, value in data.items():
            out.extend(_strings(key))
            out.extend(_strings(value))
    elif isinstance(data, (list, tuple)):
        for item in data:
            out.extend(_strings(item))
    return out


def _words_source(words, shortcuts: bool) -> str | None:
    """Regex source matching the longest of the non-empty ``words`` (None when there
    are none): a prefix tree with the shortcuts, else the plain alternation."""
    words = [w for w in words if w]
    return fastpath.word_pattern(words) if shortcuts else alternation(words)


def _words_regex(words, shortcuts: bool) -> re.Pattern | None:
    """Compiled :func:`_words_source` (None when there are no words)."""
    source = _words_source(words, shortcuts)
    return None if source is None else re.compile(source)


class _Everything:
    """The set of first (or last) characters of a rule without a gate: it holds every character."""

    __slots__ = ()

    def __contains__(self, item) -> bool:
        return True


_EVERYTHING = _Everything()


def _fold_table(lexicon: Lexicon) -> dict[int, int]:
    """The fold of :meth:`QuantityFinder.fold`: the numeral fold plus traditional →
    simplified, one character to one, for the numeral characters, the decimal point
    点 and the ordinal prefix 第 and every character that appears in the lexicons (so
    that cue words match either script)."""
    table = dict(_NUMERAL_FOLD)
    chars = set(_CN_CHARS) | set("点第")
    for name in sorted(lexicon):
        for text in _strings(lexicon[name]):
            chars.update(text)
    for ch in sorted(chars):
        if ord(ch) < 0x2E80:
            continue
        for trad in traditional_forms(ch):
            if len(trad) == 1 and trad != ch and ord(trad) not in table:
                table[ord(trad)] = ord(ch)
    return table


class QuantityFinder:
    """The quantity finder of one lexicon (``units``, ``number_traps``, ``characters``),
    compiled: what :func:`find_quantities` and :func:`fold_text` use.

    Make it with :meth:`from_lexicon`, which compiles it once per process, lexicon
    version and option. With ``shortcuts=True`` (the default) the finder skips text
    where a rule cannot match: passes gated by a piece every one of their matches
    holds, numerals found by a character-class scan, first-character tests before
    the unit and hedge patterns, word lists read as prefix trees and by-length
    tables, a memo of the lone digits, bisection over the non-number words. With
    ``shortcuts=False`` each rule is answered by its plain definition (every pass
    run, every pattern tried, every word list scanned): the same quantities,
    slower; the equivalence tests compare the two.
    """

    @classmethod
    def from_lexicon(cls, lexicon=None, *, shortcuts: bool = True) -> QuantityFinder:
        """The finder of ``lexicon`` (folder path, :class:`~congress_lib.resources.Lexicon`
        or None for the shipped one), compiled once per lexicon version and option."""
        lex = load_lexicon(lexicon)
        shortcuts = bool(shortcuts)
        return compiled(lex, ("quantities", shortcuts), lambda: cls(lex, shortcuts=shortcuts))

    def __init__(self, lexicon: Lexicon, *, shortcuts: bool = True):
        units = lexicon["units"]
        traps = lexicon["number_traps"]
        ch = characters(lexicon)
        self.shortcuts = shortcuts
        table = _fold_table(lexicon)
        # (CharMap(table).translate(text) == text.translate(table), faster)
        self._fold = CharMap(table).translate if shortcuts else (lambda text: text.translate(table))
        # First (or last) characters that a match must start (or end) with: tested
        # before a pattern is tried, with the shortcuts.
        firsts = frozenset if shortcuts else (lambda chars: _EVERYTHING)
        self.unit_forms: dict[str, tuple[str, str]] = {}
        # forms that are a unit only after Arabic digits (锦旗30面, 水井5眼; not 四面, 一眼)
        self.arabic_only: frozenset[str] = frozenset(
            str(form).translate(_NUMERAL_FOLD)
            for entry in units.get("units", []) if entry.get("arabic_only")
            for form in entry.get("forms", [])
        )
        # goods that an arabic_only form counts after a Chinese numeral too (两面锦旗)
        self.chinese_goods = {
            str(form).translate(_NUMERAL_FOLD): tuple(sorted((str(g) for g in entry["chinese_before"]), key=len, reverse=True))
            for entry in units.get("units", []) if entry.get("arabic_only") and entry.get("chinese_before")
            for form in entry.get("forms", [])
        }
        for entry in units.get("units", []):
            for form in entry.get("forms", []):
                self.unit_forms.setdefault(str(form).translate(_NUMERAL_FOLD), (str(entry["unit"]), entry["kind"]))
        self.unit_re = _words_regex(self.unit_forms, shortcuts)
        # Place nouns counted without a measure word (覆盖12村, 全县18镇): the numeral is a
        # count in the implied unit; the noun is what it counts and stays outside the span.
        big = units.get("big_counted_nouns") or {}
        self.big_unit = str(big.get("unit", "项"))
        self.big_nouns = tuple(sorted((str(w) for w in big.get("nouns", []) or []), key=len, reverse=True))
        bare = units.get("bare_counted_nouns") or {}
        self.bare_unit = str(bare.get("unit", "个"))
        # flattened tables (see flat_tables)
        heads = units.get("table_headers") or {}
        self.count_suffixes = tuple(sorted((str(w) for w in heads.get("count_suffixes", []) or []), key=len, reverse=True))
        self.share_words = tuple(str(w) for w in heads.get("share_words", []) or [])
        self.max_label = int(heads.get("max_label", 12))
        self.count_units = {f: u for f, (u, k) in self.unit_forms.items() if k == "count" and f}
        self.bare_noun_re = _words_regex((str(w) for w in bare.get("nouns", [])), shortcuts)
        self.bare_joint_re = _words_regex((str(w) for w in bare.get("joint_words", [])), shortcuts)
        self.lone_nouns = frozenset(str(w) for w in bare.get("lone_numeral_nouns", []))
        # people counted by a lone 百/千/万 and a counting unit (千名人大代表, 百名干部)
        self.magnitude_people_re = _words_regex(
            (str(w) for w in units.get("lone_magnitude_people", []) or []), shortcuts)
        self.unit_firsts = firsts(f[0] for f in self.unit_forms if f)  # no unit match elsewhere
        self.latin_units = {f for f in self.unit_forms if f.isascii()}
        self.prefix_hedges = sorted(
            ((str(k), v) for k, v in units.get("prefix_hedges", {}).items()), key=lambda kv: (-len(kv[0]), kv[0])
        )
        self.suffix_hedges = dict(units.get("suffix_hedges", {}))
        self.suffix_re = _words_regex(self.suffix_hedges, shortcuts)
        self.suffix_firsts = firsts(str(w)[0] for w in self.suffix_hedges if w)
        self.hedge_blockers = sorted({str(w) for w in units.get("hedge_blockers", [])}, key=lambda w: (-len(w), w))
        words = [word for word, _ in self.prefix_hedges]
        # (a hedge word must end with one of these; an empty one ends anywhere)
        self.prefix_lasts = _EVERYTHING if "" in words else firsts(word[-1] for word in words)
        if shortcuts:
            # The two lists as by-length tables for the word that ends right before a numeral.
            self.prefix_by_length = fastpath.length_table(self.prefix_hedges)
            self.blockers_by_length = fastpath.length_table((b, None) for b in self.hedge_blockers)
            self.prefix_hedge = self._prefix_hedge_by_length
        else:
            self.prefix_hedge = self._prefix_hedge_plain
        self.digit_values = _CN_DIGIT_VALUE if shortcuts else {}
        self.implicit = []
        for entry in units.get("implicit_units", []):
            cue_re = _words_regex((str(c) for c in entry.get("cues", [])), shortcuts)
            # (nouns right after the number that it counts: 2800多万选民 -> 人)
            after_re = _words_regex((str(c) for c in entry.get("after", []) or [] if c), shortcuts)
            if cue_re is not None or after_re is not None:
                self.implicit.append((str(entry["unit"]), entry["kind"], cue_re, after_re))
        self.blocked_re = _words_regex((str(w) for w in traps.get("non_number_words", [])), shortcuts)
        self.formula_re = _words_regex((str(w) for w in traps.get("formulas", [])), shortcuts)
        self.slogan_noun_re = _words_regex((str(w) for w in traps.get("slogan_nouns", [])), shortcuts)
        self.max_quote = int(traps.get("max_quoted_slogan_chars", 10))
        self.max_formula_phrase = int(traps.get("max_formula_phrase_chars", 8))
        split = "".join(ch.enumeration_commas + ch.clause_marks) or "、"
        self.formula_split_re = re.compile(char_class(split))
        self.enum_suffixes = tuple(
            sorted({str(w) for w in traps.get("enumeration_suffixes", [])}, key=len, reverse=True)
        )
        code_cues = _words_source((str(w) for w in traps.get("code_cues", [])), shortcuts)
        self.code_re = (
            re.compile(rf"(?:{code_cues})\s?[:：]\s?(?P<n>[\d\-—() （）]*\d)") if code_cues else None
        )
        before = sorted({str(w) for w in traps.get("counter_cues_before", [])}, key=lambda w: (-len(w), w))
        after_words = [str(w) for w in traps.get("counter_cues_after", [])]
        after = _words_source(after_words, shortcuts)
        parts = []
        if before:
            cue = _words_source(before, shortcuts)
            parts.append(rf"(?:{cue})\s?(?:[:：]|(?<=[数量率])|\s)\s?(?P<n1>\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+)")
        if after is not None:
            parts.append(r"(?P<n2>\d{1,3}(?:,\d{3})+(?!\d)|\d+)\s?(?:" + after + ")")
        self.counter_re = re.compile("|".join(parts)) if parts else None
        # every counter_re match holds one of the cue words
        self.counter_gate = _words_regex(before + after_words, True) if shortcuts else None
        self.time_before = tuple(sorted({str(w) for w in traps.get("time_words_before", [])}, key=len, reverse=True))
        self.point_nouns = tuple(sorted({str(w) for w in traps.get("point_nouns", [])}, key=len, reverse=True))
        self.time_after = tuple(sorted({str(w) for w in traps.get("time_words_after", [])}, key=len, reverse=True))
        self.meeting_words = tuple(sorted({str(w) for w in traps.get("meeting_words", [])}, key=len, reverse=True))
        self.attributive_times = tuple(str(w) for w in traps.get("attributive_times", []))
        # a Chinese numeral and a measure word before a word of terrain that together name a
        # place (二道河, 三道沟): a numbered name, not a count
        named = traps.get("numbered_places") or {}
        self.numbered_place_measures = frozenset(str(w) for w in named.get("measures", []) or [])
        self.numbered_place_terrain = tuple(sorted({str(w) for w in named.get("terrain", []) or []}, key=len, reverse=True))
        self.numbered_place_not_before = tuple(str(w) for w in named.get("not_before", []) or [])
        self.session_words_after = tuple(
            sorted({str(w) for w in traps.get("session_words_after", [])}, key=len, reverse=True)
        )
        self.enumeration_commas = frozenset(ch.enumeration_commas)
        # a sitting (N次 and a meeting word) and the term before it (届 and a short name of the body)
        sitting = rf"(?:第)?[\d{_CN_CHARS}]{{1,3}}次(?:" + "|".join(map(re.escape, self.meeting_words)) + ")"
        term = rf"届[^，,。；;、\d{_CN_CHARS}]{{0,8}}"
        # a second session after an enumeration comma: 十五届人大六次会议 or 五次会议
        self.listed_session_re = (
            re.compile(rf"(?:(?:第)?[\d{_CN_CHARS}]{{1,4}}{term})?{sitting}") if self.meeting_words else None
        )
        # a sitting named with its term: 十一届七次会议, 十一届人大七次会议
        self.termed_session_re = re.compile(term + sitting) if self.meeting_words else None
        # the marks that end a list joined by enumeration commas, and those that end one item
        self.list_breaks = ch.sentence_ends + ch.clause_marks + "\n\r"
        self.item_end_re = re.compile(char_class(self.list_breaks + ch.enumeration_commas))
        self.cn_times_re = re.compile(rf"[{''.join(c for c in _CN_DIGITS if c not in _ZEROS)}十]{{1,3}}次")
        small_chars = "".join(c for c in _CN_DIGITS if c not in _ZEROS)
        count_units = "".join(
            sorted({
                f for f, (u, k) in self.unit_forms.items()
                if len(f) == 1 and k in ("count", "session", "date") and f not in self.arabic_only
            })
        )
        # Two or more (numeral, non-unit character) pairs: 一厅三室. With the shortcuts
        # written "pair pair+" (the same matches as "pair{2,}") so that the pattern
        # starts with a character class, which the regex engine scans for quickly.
        pair = rf"[{small_chars}十](?![{re.escape(count_units)}{_CN_CHARS}])[{CJK_BASIC}]"
        self.compact_re = re.compile(rf"{pair}(?:{pair})+" if shortcuts else rf"(?:{pair}){{2,}}")
        # Character classes: a clause ends at sentence and clause marks, enumeration
        # commas, brackets, title marks and line breaks; an enumeration marker (一、,
        # (三)) follows a boundary: the same marks, closing parentheses, 】 and closing
        # double quotes (see characters.yaml), whitespace or the start of the text.
        self.clause_marks = frozenset(
            ch.sentence_ends + ch.clause_marks + ch.enumeration_commas + pair_chars(ch.brackets + ch.title_marks)
            + "\n\r"
        )
        # a numeral and its enumeration comma: coordinated numbers (四、五次会议)
        self.coordinated_numeral_re = re.compile(
            rf"[\d{_CN_CHARS}]+{char_class(ch.enumeration_commas)}" if ch.enumeration_commas else "(?!)"
        )
        self.boundary = frozenset(
            ch.sentence_ends + ch.clause_marks + ch.enumeration_commas
            + closers(ch.parentheses + ch.lenticular_brackets + ch.double_quotes + ch.corner_double_quotes)
            + "\n\r\t "
        ) | {""}
        quoted = "|".join(
            f"{re.escape(o)}({char_class(o + c + chr(10), negate=True)}{{1,40}}){re.escape(c)}" for o, c in ch.quotes
        )
        self.quoted_re = re.compile(quoted) if quoted else None
        self.quote_pairs = tuple((o, c) for o, c in ch.quotes if o != c)  # (the ASCII " opens and closes)
        # a range: 3—5, 3至5, 40--50 (doubled hyphens on web pages), a space on either side
        separators = _words_source(ch.range_separators, shortcuts) or "(?!)"
        self.range_re = re.compile(rf"\s?(?:{separators})\s?")
        self.range_firsts = firsts(s[0] for s in ch.range_separators)  # (or a space)

    def fold(self, text: str) -> str:
        """``text`` with full-width digits and letters, the traditional numeral characters
        and the traditional forms of every lexicon character folded, as the finder matches it.

        Always length-preserving: every character is folded to exactly one character,
        so offsets into the folded text are offsets into ``text``, and folding a slice
        gives the slice of the folded text.
        """
        return self._fold(text)

    def find(self, sentence: str, folded: str | None = None) -> list[Quantity]:
        """:func:`find_quantities` of ``sentence`` (a str), given ``folded == self.fold(sentence)``
        when the caller has it. Never raises."""
        if folded is None:
            folded = self._fold(sentence)
        folded = _join_digit_groups(folded)
        if self.shortcuts:
            first = _NUM_START.search(folded)  # where the first numeral starts
            if first is None:
                # Without a digit or a numeral character no pass finds anything (the
                # furniture passes need a digit in the match, 百分之/分之 a numeral).
                return []
            pos = first.start()
        else:
            pos = 0
        scan = _Scan(sentence, self, folded)
        try:
            scan.special()
            scan.context_spans()
            scan.main(pos)
        except Exception:  # noqa: BLE001 - a bug must not stop a 10^5-document run
            # Keep what was found before the failure; spans are still valid.
            pass
        # (every surface is text[start:end] by construction, see _Scan.add)
        out = [q for q in scan.out if q.start < q.end]
        if len(out) > 1:
            out.sort(key=lambda q: (q.start, q.end))
        return out

    def column_unit(self, header: str) -> str | None:
        """The unit a column of a flattened table gives its bare numbers, read from the
        column's name (``units.yaml`` ``table_headers``): ``%`` for a column of
        percentages (百分比(%), 占比), the unit word in brackets (数量(件)) or before a
        counting suffix (件数, 人次数); None when the name gives no unit."""
        h = self._fold(header).strip()
        if not h or "%" in h or any(w in h for w in self.share_words):
            return "%" if h else None
        m = _BRACKETED.search(h)
        if m and m.group(1).strip() in self.count_units:
            return self.count_units[m.group(1).strip()]
        for suffix in self.count_suffixes:
            if h.endswith(suffix):
                stem = h[: -len(suffix)]
                for k in range(min(3, len(stem)), 0, -1):
                    if stem[-k:] in self.count_units and len(stem) - k <= self.max_label:
                        return self.count_units[stem[-k:]]
                break
        return None

    def flat_tables(self, cells: list[str]) -> list[FlatTable]:
        """The tables flattened into ``cells`` (the sentences of a passage, in order).

        A flattened table is a header of column names, one per cell -- a name for the
        labels, then one name per column of numbers, each giving a unit
        (:meth:`column_unit`) -- then at least two rows, each a label cell followed by
        exactly one bare number per column (one number per cell, or the label and its
        numbers on one line, spaced), possibly a total row (合计) among them. Prose,
        lists of dates and tables of contents have no such header and give nothing.
        Time is linear in the number of cells."""
        kinds, parts = [], []
        for cell in cells:
            c = self._fold(cell).strip()
            if _CELL_NUMBER.fullmatch(c):
                kinds.append("N")
                parts.append(None)
            elif (m := _CELL_ROW.fullmatch(c)) and self._label(m.group(1)):
                kinds.append("R")
                parts.append([n.span() for n in _CELL_NUMBER_IN.finditer(c, m.start(2))])
            elif self._label(c):
                kinds.append("L")
                parts.append(None)
            else:
                kinds.append("X")
                parts.append(None)
        out: list[FlatTable] = []
        i, size = 0, len(cells)
        while i < size:
            if kinds[i] == "L" and i + 1 < size and kinds[i + 1] == "N":
                n = 0
                while i + 1 + n < size and kinds[i + 1 + n] == "N":
                    n += 1
                split = False
            elif kinds[i] == "R":
                n = len(parts[i])
                split = True
            else:
                i += 1
                continue
            first = i - n - 1
            units = [self.column_unit(cells[k]) for k in range(max(first, 0), i)][1:] if first >= 0 else []
            if first < 0 or any(kinds[k] != "L" for k in range(first, i)) or len(units) != n or None in units:
                i += 1
                continue
            numbers: dict[int, list[tuple[int, int, int, str]]] = {}
            j, rows = i, 0
            while j < size:
                if split and kinds[j] == "R" and len(parts[j]) == n:
                    c = self._fold(cells[j])
                    lead = len(c) - len(c.lstrip())
                    label = _CELL_ROW.fullmatch(c.strip()).group(1).strip()
                    numbers[j] = [(s + lead, e + lead, col, label) for col, (s, e) in enumerate(parts[j])]
                    j += 1
                elif (not split and kinds[j] == "L" and j + n < size
                      and all(kinds[k] == "N" for k in range(j + 1, j + n + 1))
                      and (j + n + 1 >= size or kinds[j + n + 1] != "N")):
                    label = cells[j].strip()
                    for col in range(n):
                        cell = cells[j + 1 + col]
                        lead = len(cell) - len(cell.lstrip())
                        numbers[j + 1 + col] = [(lead, len(cell.rstrip()), col, label)]
                    j += n + 1
                else:
                    break
                rows += 1
            if rows >= 2:
                out.append(FlatTable(first, tuple(cells[k].strip() for k in range(first + 1, i)), tuple(units), numbers))
                i = j
            else:
                i += 1
        return out

    def _label(self, c: str) -> bool:
        """A cell that may be a row label or a column name: short, not a number, no
        sentence or clause mark."""
        c = c.strip()
        return 0 < len(c) <= self.max_label and not _LABEL_BREAKS.search(c) and not _CELL_NUMBER.fullmatch(c)

    def _prefix_hedge_by_length(self, w: str, s: int) -> tuple[int, str | None]:
        """:meth:`_prefix_hedge_plain` by the by-length tables."""
        found = fastpath.longest_ending_at(self.prefix_by_length, w, s)
        if found is None or fastpath.longest_ending_at(self.blockers_by_length, w, s) is not None:
            return s, None
        word, kind = found
        return s - len(word), kind

    def _prefix_hedge_plain(self, w: str, s: int) -> tuple[int, str | None]:
        """Start and kind of the hedge word (约, 近, 超过 …) that ends right before ``s``
        in ``w``, the longest one; ``(s, None)`` when there is none or when a blocker
        word (节约, 附近 …) ends there."""
        for word, kind in self.prefix_hedges:  # longest first
            if w.endswith(word, 0, s):
                if any(w.endswith(b, 0, s) for b in self.hedge_blockers):
                    return s, None
                return s - len(word), kind
        return s, None


def fold_text(text: str, lexicon=None) -> str:
    """Fold full-width digits/letters and traditional characters, keeping length.

    Only characters that occur in the lexicons (unit words, cue words …) and
    numeral characters are converted from traditional to simplified, one
    character to one character, so offsets into the folded text are offsets into
    ``text`` (see :meth:`QuantityFinder.fold`).

    Parameters
    ----------
    text : str
    lexicon : folder path, :class:`~congress_lib.resources.Lexicon` or None

    Returns
    -------
    str
        A string of the same length as ``text``.
    """
    if not isinstance(text, str):
        raise InvalidArgumentError(f"text must be a str, not {type(text).__name__}.")
    return QuantityFinder.from_lexicon(lexicon).fold(text)


# ---------------------------------------------------------------------------
# The search.


def _numbered_formula(quoted: str, c: QuantityFinder) -> bool:
    """A quoted run of short parallel phrases that each hold a Chinese numeral
    (“抓好三项工作、守住两条底线” *(constructed)*): a numbered formula, a slogan. A
    phrase is at most ``max_formula_phrase_chars`` long; Arabic digits (results
    quoted) never make one."""
    if _DIGIT.search(quoted):
        return False
    parts = c.formula_split_re.split(quoted)
    return len(parts) >= 2 and all(
        0 < len(p) <= c.max_formula_phrase and not _CN_COUNT_SET.isdisjoint(p) for p in parts
    )


class _Scan:
    """State of one :meth:`QuantityFinder.find` call on ``text``, folded as ``folded``."""

    def __init__(self, text: str, c: QuantityFinder, folded: str):
        self.text = text
        self.c = c
        self.w = folded
        self.n = len(text)
        self.mask = bytearray(self.n)
        # whether set_mask was ever called (most texts: never); without the shortcuts
        # the mask is always read
        self.any_masked = not c.shortcuts
        self.out: list[Quantity] = []
        self.slogan_spans: list[tuple[int, int]] = []
        self.blocked_spans: list[tuple[int, int]] = []

    # -- helpers ---------------------------------------------------------------
    def masked(self, s: int, e: int) -> bool:
        return self.mask.find(1, s, e) != -1

    def set_mask(self, s: int, e: int) -> None:
        self.mask[s:e] = b"\x01" * (e - s)
        self.any_masked = True

    def add(self, s, e, value, kind, unit=None, high=None, approx_kind=None) -> None:
        self.out.append(
            Quantity(  # start, end, surface, value, value_high, unit, approx, approx_kind, kind
                s, e, self.text[s:e], float(value), None if high is None else float(high),
                unit, approx_kind is not None, approx_kind, kind,
            )
        )

    def in_spans(self, spans, s: int, e: int) -> bool:
        for a, b in spans:
            if a <= s and e <= b:
                return True
            if a >= e:
                break
        return False

    def char(self, i: int) -> str:
        return self.w[i] if 0 <= i < self.n else ""

    def clause_left(self, s: int, width: int) -> str:
        left = self.w[max(0, s - width) : s]
        for i in range(len(left) - 1, -1, -1):
            if left[i] in self.c.clause_marks:
                return left[i + 1 :]
        return left

    # -- passes ------------------------------------------------------------------
    def special(self) -> None:
        w, c = self.w, self.c
        # With the shortcuts, a pass is skipped when the text lacks a piece that every
        # one of its matches holds (a digit; "http" or "www."; "@"; 分之 …): the result
        # is the same. Without them every gate is open.
        ungated = not c.shortcuts
        has_digit = ungated or _DIGIT.search(w) is not None
        # page furniture and codes
        for rx, gate in ((_URL, ungated or "http" in w or "www." in w), (_EMAIL, ungated or "@" in w)):
            if not gate:
                continue
            for m in rx.finditer(w):
                s, e = m.span()
                digits = re.findall(r"\d+", m.group())
                if digits and not self.masked(s, e):
                    self.add(s, e, int(digits[-1][-15:]), "code")
                self.set_mask(s, e)
        has_icp = ungated or (has_digit and ("ICP" in w or "icp" in w or "安备" in w))
        for m in _ICP.finditer(w) if has_icp else ():
            s, e = m.span()
            num = re.search(r"\d", m.group())
            if num and not self.masked(s, e):
                s0 = s + num.start()
                self.add(s0, e, int(re.findall(r"\d+", m.group())[0][-15:]), "code")
                self.set_mask(s, e)
        for m in _DOCNO.finditer(w) if ungated or (has_digit and "号" in w) else ():
            if not self.masked(*m.span()):
                self.add(m.start(), m.end(), int(re.findall(r"\d+", m.group())[-1]), "code")
                self.set_mask(*m.span())
        if c.counter_re is not None and (ungated or (has_digit and c.counter_gate.search(w) is not None)):
            for m in c.counter_re.finditer(w):
                g = "n1" if m.group("n1") is not None else "n2"
                s, e = m.span(g)
                if not self.masked(s, e):
                    self.add(s, e, int(m.group(g).replace(",", "")[-15:]), "code")
                    self.set_mask(s, e)
        if c.code_re is not None and has_digit:
            for m in c.code_re.finditer(w):
                s, e = m.span("n")
                while s < e and not w[s].isdigit():
                    s += 1
                if s < e and not self.masked(s, e):
                    self.add(s, e, int("".join(re.findall(r"\d", w[s:e]))[-15:]), "code")
                    self.set_mask(s, e)
        four_digits = ungated or (has_digit and _FOUR_DIGITS.search(w) is not None)
        for m in _PHONE.finditer(w) if four_digits else ():
            s, e = m.span()
            if not self.masked(s, e):
                self.add(s, e, int("".join(re.findall(r"\d", m.group()))[-15:]), "code")
                self.set_mask(s, e)
        has_sep = ungated or (four_digits and ("-" in w or "/" in w or "." in w))
        for m in _ISO_DATE.finditer(w) if has_sep else ():
            s, e = m.span()
            if not self.masked(s, e):
                value = int(m.group(1)) * 10000 + int(m.group(3)) * 100 + int(m.group(4))
                self.add(s, e, value, "date")
                self.set_mask(s, e)
        for m in _CLOCK.finditer(w) if ungated or (has_digit and ":" in w) else ():
            s, e = m.span()
            if not self.masked(s, e):
                self.add(s, e, int(m.group(1)) + int(m.group(2)) / 60, "time", unit="时")
                self.set_mask(s, e)
        has_latin = ungated or (has_digit and _ASCII_LETTER.search(w) is not None)
        for m in _LATIN.finditer(w) if has_latin else ():
            s, e = m.span()
            tok = m.group()
            letters = re.sub(r"^[\d.]+", "", tok)
            if tok[0].isdigit() and letters in c.latin_units:
                continue  # 141.7km2: a measure, handled by the main pass
            if not self.masked(s, e):
                digits = re.findall(r"\d+", tok)
                self.add(s, e, int(digits[-1][-15:]), "code")
            self.set_mask(s, e)
        # shares in words: 七成 (70%), 一半 (50%), before a boundary, 的 or a hedge
        if ungated or "成" in w or "一半" in w:
            for m in _SHARE_WORD.finditer(w):
                s, e = m.span()
                if not self.masked(s, e):
                    value = 50 if m.group("n") is None else parse_number(m.group("n")) * 10
                    self.share(s, e, value)
        # percent in words and fractions (a fraction is a share: 三分之一 is 33.33%)
        if not (ungated or "分之" in w):
            return
        for m in _PERCENT_WORD.finditer(w):
            s, e = m.span()
            value = parse_number(m.group("n"))
            if value is not None and not self.masked(s, e):
                e2, approx = self.suffix_hedge(e)
                self.add(s, e2, value, "percent", unit="%", approx_kind=approx)
                self.set_mask(s, e2)
        for m in _FRACTION.finditer(w):
            s, e = m.span()
            a, b = parse_number(m.group("a")), parse_number(m.group("b"))
            if a and b is not None and not self.masked(s, e):
                self.share(s, e, round(b / a * 100, 2))

    def share(self, s: int, e: int, value) -> None:
        """Add a share in words (三分之一, 七成, 一半) as a percentage, with a hedge before
        (近三分之一, 超过七成) or after it (一半以上)."""
        e2, approx = self.suffix_hedge(e)
        hs, hk = self.c.prefix_hedge(self.w, s) if self.char(s - 1) in self.c.prefix_lasts else (s, None)
        self.add(hs, e2, value, "percent", unit="%", approx_kind=approx or hk)
        self.set_mask(hs, e2)

    def suffix_hedge(self, e: int) -> tuple[int, str | None]:
        if self.c.suffix_re is None:
            return e, None
        m = self.c.suffix_re.match(self.w, e)
        if m and m.group() not in ("余", "多", "许"):
            return m.end(), self.c.suffix_hedges[m.group()]
        return e, None

    def quoted_count(self, quoted: str) -> bool:
        """A short quote that opens with Arabic digits and a counting unit and holds no
        other numeral (为民办好“10件实事”, “12项民生工程”) quotes a result, not a slogan;
        a code of digits (“2121”工程), a sum (“5+4”) or a second numeral (“30个一”) stays one."""
        m = _ARABIC_FULL.match(quoted)
        if m is None or m.group()[:1] in "+-" or self.c.unit_re is None:
            return False
        um = self.c.unit_re.match(quoted, m.end())
        if um is None or self.c.unit_forms[um.group()][1] != "count":
            return False
        rest = quoted[um.end():]
        return bool(rest) and _NUM_START.search(rest) is None and "+" not in rest

    def context_spans(self) -> None:
        w, c = self.w, self.c
        spans: list[tuple[int, int]] = []
        if c.formula_re is not None:
            spans.extend(m.span() for m in c.formula_re.finditer(w))
        max_quote = c.max_quote
        for m in c.quoted_re.finditer(w) if c.quoted_re is not None else ():
            g = m.lastindex  # the one group of the alternative that matched
            if (len(m.group(g)) <= max_quote and not self.quoted_count(m.group(g))) or _numbered_formula(m.group(g), c):
                spans.append(m.span(g))
        if not c.shortcuts or "+" in w:  # (every match holds a +)
            spans.extend(m.span() for m in _PLUS.finditer(w))
        spans.extend(m.span() for m in c.compact_re.finditer(w))
        spans.sort()
        self.slogan_spans = spans
        if c.blocked_re is not None:
            self.blocked_spans = [m.span() for m in c.blocked_re.finditer(w)]
        self.blocked_starts = [a for a, _ in self.blocked_spans]

    def blocked_trim(self, s: int, e: int) -> int:
        """New start of a Chinese numeral run once the characters that belong to a
        non-number word starting before it are dropped (统一 → nothing, 唯一一个 →
        一个); ``e`` when the whole run lies inside such a word.

        The spans are sorted and do not overlap: with the shortcuts the scan starts at
        the last one that starts at most at ``s`` (found by bisection; the ones before
        it end before ``s``), else at the first."""
        spans = self.blocked_spans
        k = bisect.bisect_right(self.blocked_starts, s) - 1 if self.c.shortcuts else 0
        while 0 <= k < len(spans):
            a, b = spans[k]
            if a >= e:
                break
            if a <= s < b:
                if b >= e:
                    return e
                s = b
            k += 1
        return s

    def main(self, pos: int = 0) -> None:
        """Read every numeral from ``pos`` on (no numeral starts before it)."""
        w, n, c = self.w, self.n, self.c
        mask, any_masked = self.mask, self.any_masked
        consumed = 0
        prev: Quantity | None = None
        if c.shortcuts:  # each match found where one can start, by a character-class scan
            numerals = fastpath.matches_from_starts(_NUM_RE, _NUM_START, w, pos)
        else:
            numerals = _NUM_RE.finditer(w, pos)
        for m in numerals:
            s, e = m.span()
            if s < consumed or (any_masked and mask.find(1, s, e) != -1):
                continue
            ar, mag, _ = m.groups()
            is_cn = ar is None
            value: Decimal | None
            if not is_cn:
                gap = 0
                if not mag and "." not in ar and self.char(e) == "." and self.char(s - 1) not in c.boundary:
                    # "占14. 2%": a stray space after the decimal point of a percentage (not
                    # after a boundary, where "1. 20%" is a list number and a percentage)
                    dm = _SPACED_DECIMAL.match(w, e)
                    if dm:
                        ar, gap = f"{ar}.{dm.group(1)}", 1
                if not mag and self.char(e) in _STRAY_SPACES:
                    # "1.3 万余次", "23 万人次": a stray space of a PDF before the magnitude
                    sm = _SPACED_MAG.match(w, e + 1)
                    if sm:
                        gap, mag = 1, sm.group()
                # 5千米 / 3百米: the 千/百 belongs to the unit
                while mag and mag[-1] in "千百" and self.char(s + len(ar) + gap + len(mag)) in ("米", "克", "瓦"):
                    mag = mag[:-1]
                e = s + len(ar) + gap + len(mag)
                try:
                    value = Decimal(ar.replace(",", "")) * (_mag_factor(mag) if mag else 1)
                except (InvalidOperation, KeyError):
                    continue
                if mag[-1:] in ("万", "亿"):
                    # mixed forms: 1万2千 (12,000), 3亿5000万: a smaller group after the magnitude
                    value, e = self.lower_groups(value, _mag_factor(mag), e)
                has_mag = bool(mag)
            else:
                if self.blocked_spans:
                    s = self.blocked_trim(s, e)
                    if s >= e:
                        continue
                run = w[s:e]
                # decimal part: 三点一四 (but 九点三十分, 九点半 and 三点意见 are not decimals)
                if e < n and w[e] == "点":
                    dm = _CN_DIGIT_RUN.match(w, e + 1)
                    after = self.char(dm.end()) if dm else ""
                    if dm and after not in ("分", "钟", "半") and after not in _CN_SMALL and after not in _CN_BIG:
                        run = w[s : dm.end()]
                        e = dm.end()
                if _CN_COUNT_SET.isdisjoint(run):
                    # 百/千/万 alone: a number only as 百余, 上千, 数万 …
                    pre = self.char(s - 1)
                    post = self.char(e)
                    if post in ("余", "多") or pre in ("数", "几", "上", "近", "逾") or self.lone_magnitude_counts(s, e):
                        value = Decimal(_mag_factor(run)) if all(ch in _MAGNITUDE for ch in run) else None
                    else:
                        continue
                else:
                    value = c.digit_values.get(run)  # (a lone digit, the most common run)
                    if value is None:
                        value = _cn_value(run)
                    if value is None:
                        pair = _pair_before_magnitude(run)  # 三四十: read as its low end here
                        value = None if pair is None else pair[0]
                if value is None:
                    continue
                has_mag = not _CN_BIG_SET.isdisjoint(run)  # run == w[s:e]
            added = self.one(s, e, value, is_cn, has_mag, prev)
            if added is not None:
                consumed, prev = added.end, added

    def lone_magnitude_counts(self, s: int, e: int) -> bool:
        """百/千/万 alone before a counting unit that closes its clause, takes a hedge or
        is followed by people of ``lone_magnitude_people`` (建议千条。, 千名以上代表,
        千名人大代表投入…): a round number, not the word inside 千家万户 or 百姓.
        The character before must not be a numeral or a letter of a word (一千, 成千)."""
        w, c = self.w, self.c
        if e - s != 1 or c.unit_re is None or not (s == 0 or self.char(s - 1) in c.boundary
                                                   or "\u4e00" <= self.char(s - 1) <= "\u9fff"):
            return False
        if s > 0 and (self.char(s - 1) in _CN_CHARS or self.char(s - 1) in ("成", "数", "几")):
            return False
        um = c.unit_re.match(w, e)
        if um is None or um.group() in c.arabic_only or c.unit_forms[um.group()][1] != "count":
            return False
        after = self.char(um.end())
        if after in c.clause_marks or after == "":
            return True
        pm = c.magnitude_people_re.match(w, um.end()) if c.magnitude_people_re is not None else None
        if pm is not None:
            # 千名人大代表投入…: a round number of people, unless a second 百/千/万 follows
            # within a few characters (百名代表听百案, 千名干部进万家: a parallel slogan) or
            # it stands inside a quote (“…，千名代表在行动”: the name of a campaign)
            tail = w[pm.end() : pm.end() + _PARALLEL_WINDOW]
            return not any(ch in _MAGNITUDE for ch in tail) and not self.inside_quote(s)
        hm = c.suffix_re.match(w, um.end()) if c.suffix_re is not None else None
        return hm is not None and hm.group() not in ("余", "多")

    def inside_quote(self, s: int) -> bool:
        """An opening quotation mark stands before ``s``, at most 40 characters back (the
        longest quote the slogan pass reads), and no closing one after it."""
        left = self.w[max(0, s - 40) : s]
        return any(left.rfind(o) > left.rfind(c) for o, c in self.c.quote_pairs)

    def lower_groups(self, value: Decimal, factor: int, e: int) -> tuple[Decimal, int]:
        """``value`` and end once the smaller groups written after a magnitude are added:
        1万2千 → 12,000, 3亿5000万 → 350,000,000; each group smaller than the one before."""
        while True:
            gm = _LOWER_GROUP.match(self.w, e)
            if gm is None:
                return value, e
            f = _mag_factor(gm.group(2))
            try:
                part = Decimal(gm.group(1)) * f
            except InvalidOperation:
                return value, e
            if f >= factor or part >= factor:
                return value, e
            value, factor, e = value + part, f, gm.end()

    def one(
        self, s: int, e: int, value: Decimal, is_cn: bool, has_mag: bool, prev: Quantity | None
    ) -> Quantity | None:
        """Read the hedges, range and unit around one numeral; add and return the
        quantity, or return None when the numeral is not a quantity."""
        w, c, n = self.w, self.c, self.n
        numeral = w[s:e]
        high: Decimal | None = None
        approx: str | None = None
        # digit-by-digit pairs 两三, 三五: an approximate range; so before a magnitude (三四十
        # is 30 to 40, 五六百 500 to 600)
        if is_cn and len(numeral) == 2 and _is_cn_digit_only(numeral):
            a, b = _CN_DIGITS[numeral[0]], _CN_DIGITS[numeral[1]]
            if 0 < a < b <= a + 2:
                value, high, approx = Decimal(a), Decimal(b), "about"
        elif is_cn and len(numeral) == 3:
            pair = _pair_before_magnitude(numeral)
            if pair is not None:
                value, high, approx = pair[0], pair[1], "about"
        # ranges 3—5, 3至5
        ch = w[e] if e < n else ""
        rm = c.range_re.match(w, e) if high is None and (ch in c.range_firsts or ch.isspace()) else None
        if rm:
            nm = _NUM_RE.match(w, rm.end())
            if nm and (nm.group("ar") is None) == is_cn and not self.masked(*nm.span()):
                if is_cn:
                    hv = _cn_value(nm.group("cn"))
                    hmag = ""
                else:
                    hmag = nm.group("mag")
                    try:
                        hv = Decimal(nm.group("ar").replace(",", "")) * _mag_factor(hmag)
                    except (InvalidOperation, KeyError):
                        hv = None
                if hv is not None:
                    lo = value
                    if not is_cn and hmag and not w[s:e].rstrip("0123456789.,"):
                        lo = value * _mag_factor(hmag)
                    if lo < hv:
                        value, high, e = lo, hv, nm.end()
                        has_mag = has_mag or bool(hmag)
        end = e
        # hedge between numeral and unit: 1800余人次, 60多户, 十几个
        ch = w[end] if end < n else ""
        if ch in (" ", "\u3000", "\xa0") and self.char(end + 1) in ("余", "多") and approx is None:
            end += 1  # "500 余人次": a stray space before the hedge
            ch = w[end]
        if ch in ("余", "多") and approx is None:
            approx, end = "more_than", end + 1
            # 120余亿元, 3000多万: the magnitude comes after the hedge
            mag2 = re.match(r"[万亿]+|[千百](?=[万亿])[万亿]*", w[end : end + 3])
            if mag2 and not (mag2.group()[-1] in "千百" and self.char(end + mag2.end()) in ("米", "克", "瓦")):
                value = value * _mag_factor(mag2.group())
                if high is not None:
                    high = high * _mag_factor(mag2.group())
                end += mag2.end()
                has_mag = True
        elif ch == "几" and is_cn and numeral[-1:] in ("十", "百", "千", "万"):
            approx, end = "more_than", end + 1
        elif (
            ch == "来" and approx is None and (not is_cn or numeral[-1:] in ("十", "百", "千", "万"))
            and c.unit_re is not None and c.unit_re.match(w, end + 1)
        ):
            approx, end = "about", end + 1  # 300来人, 十来种: "about", only before a unit (not 18:15来源)
        # unit (a match must start with the first character of a unit word)
        unit = kind = None
        unit_form = ""
        if c.unit_re is not None:
            ch = w[end] if end < n else ""
            um = c.unit_re.match(w, end) if ch in c.unit_firsts else None
            if um is None and ch in (" ", "\u3000", "\xa0"):
                um = c.unit_re.match(w, end + 1)  # "36 个": a stray space before the unit
            if um and is_cn and um.group() in c.arabic_only and not w.startswith(c.chinese_goods.get(um.group(), ()) or "\0", um.end()):
                um = None  # 四面墙, 一眼望去: a Chinese numeral before such a form counts nothing (两面锦旗 counts)
            if um:
                unit_form = um.group()
                unit, kind = c.unit_forms[unit_form]
                end = um.end()
                if "多" in unit_form or "余" in unit_form:
                    approx = approx or "more_than"
        # a place noun without a measure word: 覆盖12村, 全县18镇, 北部五镇 (Arabic digits, a
        # numeral of two characters or more, or a lone counting numeral 两…九 before one of
        # the lone-numeral nouns, unless a numeral or a word of joint action follows the
        # noun: 一村一品, 三区联动 are formulas). Chinese digits written one by one with no
        # 十/百 (八一社区, 五一村) name the place: counting writes 八十一
        if (
            unit is None and c.bare_noun_re is not None and high is None and not has_mag
            and (not is_cn or (len(numeral) >= 2 and not _is_cn_digit_only(numeral)) or numeral in _LONE_PLACE_COUNTS)
            and self.char(s - 1) != "第"
        ):
            bm = c.bare_noun_re.match(w, end)
            if bm and c.magnitude_people_re is not None and c.magnitude_people_re.match(w, end):
                bm = None  # the place noun opens a noun of people (300余村民): see implicit units
            if bm and is_cn and len(numeral) == 1 and (
                bm.group() not in c.lone_nouns
                or self.char(bm.end()) in _CN_CHARS
                or (c.bare_joint_re is not None and c.bare_joint_re.match(w, bm.end()))
            ):
                bm = None
            if bm:
                # the implied measure word is the noun itself (全县18镇: 18, unit 镇)
                unit, kind = (bm.group() if c.bare_unit == "noun" else c.bare_unit), "count"
        # a range with the unit written at both ends (5名~10名, 3人至5人, 3000斤至8000斤,
        # 2000元至5000元): counts, measures and money, never dates (5月至6月) or times
        if unit is not None and kind in ("count", "measure", "money") and high is None and not has_mag and self.char(end) in c.range_firsts:
            rm = c.range_re.match(w, end)
            nm = _NUM_RE.match(w, rm.end()) if rm else None
            if nm and (nm.group("ar") is None) == is_cn and not nm.group("mag") and w.startswith(unit_form, nm.end()) and unit_form:
                hv = _cn_value(nm.group("cn")) if is_cn else Decimal(nm.group("ar").replace(",", ""))
                if hv is not None and value < hv:
                    high, end = hv, nm.end() + len(unit_form)
        # a suffix hedge after the unit: 3000人左右, 两年多
        if c.suffix_re is not None and end < n and w[end] in c.suffix_firsts:
            hm = c.suffix_re.match(w, end)
            if hm:
                word = hm.group()
                if word in ("余", "多") and kind not in ("duration", "date") and unit is not None:
                    pass
                elif word == "许" and unit is None:
                    pass
                elif word not in ("余", "多") or unit is not None:
                    approx, end = approx or c.suffix_hedges[word], hm.end()
        # prefix: hedge, 第, 数/几/上
        start = s
        ordinal = False
        before = w[s - 1] if s >= 1 else ""
        if before == "第":
            ordinal, start = True, s - 1
        elif before in (" ", "\u3000", "\xa0") and self.char(s - 2) == "第":
            ordinal, start = True, s - 2  # "第 3 次"
        else:
            hs, hk = c.prefix_hedge(w, s) if before in c.prefix_lasts else (s, None)
            if hk is not None:
                start, approx = hs, (approx or hk)
            elif before in ("数", "几", "上") and _CN_DIGIT_SET.isdisjoint(numeral) and (is_cn or before == "上"):
                # (数十, 几百, 上万, 上1000人; not 人数120人 or 天数23天: a noun ending in 数, then a
                # number in digits)
                start, approx = s - 1, approx or "more_than"

        kind = self.decide_kind(s, e, start, end, value, is_cn, unit, unit_form, kind, ordinal, prev, numeral)
        if kind is None:
            return None
        if isinstance(kind, tuple):  # (kind, start, end, unit) overrides
            kind, start, end, unit = kind
        # implicit units: 投资300万 → 元, 常住人口56.1万 → 人
        # (the noun right after the number gives its unit with or without a magnitude:
        # 2800多万选民, 300余村民 -> 人)
        if unit is None and kind == "other":
            left = self.clause_left(start, 12) if has_mag else ""
            for iunit, ikind, cue_re, after_re in c.implicit:
                if (has_mag and cue_re is not None and cue_re.search(left)) or (after_re is not None and after_re.match(w, end)):
                    unit, kind = iunit, ikind
                    break
        # 近3年: "the last three years", not "nearly"
        if approx == "nearly" and kind in ("duration", "date") and w[start : start + 1] == "近":
            approx = None
            start = s
        q = Quantity(  # start, end, surface, value, value_high, unit, approx, approx_kind, kind
            start, end, self.text[start:end], float(value), None if high is None else float(high),
            unit, approx is not None, approx, kind,
        )
        self.out.append(q)
        return q

    def decide_kind(self, s, e, start, end, value, is_cn, unit, unit_form, kind, ordinal, prev, numeral):
        """The kind of a number; None to drop it; or (kind, start, end, unit)."""
        w, c = self.w, self.c
        # a day after a month: 11月13日, even with a stray character (11月28人日)
        if prev is not None and prev.kind == "date" and prev.unit == "月" and prev.end == s and value <= 31:
            if unit == "日":
                return "date"
            return ("date", s, e, "日")
        # slogans and formulas
        if self.slogan_spans and self.in_spans(self.slogan_spans, s, e) and kind not in ("date", "time"):
            return "slogan"
        # a Chinese count of percentages written right after it (两个100%, 三个95%): the
        # targets named by their numbers, a formula
        if is_cn and kind == "count" and _RATE_AFTER.match(w, end):
            return "slogan"
        # a Chinese count of the parts of a motto or a slogan, its noun right after the
        # measure word (打好三张牌, 八个大字): a figure of speech, nothing counted
        if is_cn and kind == "count" and c.slogan_noun_re is not None and c.slogan_noun_re.match(w, end):
            return "slogan"
        # enumerations: 一是, (三), 一、, 1.
        before = w[start - 1] if start >= 1 else ""
        after = w[e] if e < self.n else ""
        small = value == value.to_integral_value() and 0 < value <= 50
        if small and not ordinal and before in c.boundary:
            if is_cn:
                for suffix in c.enum_suffixes:
                    if w.startswith(suffix, e):
                        return ("enumeration", s, e + len(suffix), None)
            if after in ("、", ".") and unit is None and not self.char(e + 1).isdigit():
                return ("enumeration", s, e + 1, None)
        if small and before in ("(", "（") and after in (")", "）") and not ordinal:
            return ("enumeration", s - 1, e + 1, None)
        if ordinal:
            marker = after in ("，", ",", "、") or (bool(c.enum_suffixes) and w.startswith(c.enum_suffixes, e))
            if is_cn and unit is None and marker:
                return ("enumeration", start, e, None)
            if kind == "session" or (unit == "次" and self._meeting_follows(end)):
                return "session"
            return "ordinal"
        if kind == "session":
            # 十大民生实事项目: ten projects counted, not a party congress (see units.yaml)
            if unit_form == "大" and c.big_nouns and w.startswith(c.big_nouns, end):
                return ("count", start, end, c.big_unit)
            if unit_form == "大" and not (is_cn and 8 <= value <= 30):
                return ("other", s, e, None)
            return "session"
        if unit == "次" and self._session_before(start, prev) and (
            self._meeting_follows(end) or self._session_listed_after(end)
        ):
            return "session"
        if unit == "次" and is_cn and "两" not in numeral and self._session_named(end):
            return "session"
        if unit == "次" and is_cn and "两" not in numeral and self._session_in_list(start, end):
            return "session"
        if unit_form in c.numbered_place_measures and is_cn and self._numbered_place(end, numeral):
            return "ordinal"
        if unit is not None and is_cn and self._attributive_times(s, end, numeral + unit_form):
            return "ordinal"
        if kind == "date":
            if unit == "年":
                year_like = value == value.to_integral_value() and 1900 <= value <= 2100 and len(numeral) == 4
                return "date" if year_like else "duration"
            if unit == "月":
                return "date" if value == value.to_integral_value() and 1 <= value <= 12 else "duration"
            if unit == "日":
                if unit_form == "号":
                    return "ordinal"  # a day after a month was handled above; 3号文件
                return "date" if value == value.to_integral_value() and 1 <= value <= 31 else "duration"
            return "date"
        if kind == "time" or unit == "点":
            if unit == "点" and not self._clock_context(start, end, value):
                return "count"
            return ("time", start, end, "时")
        if unit == "分" and prev is not None and prev.kind == "time" and prev.end == s:
            return ("time", s, end, "分")
        if kind is not None:
            return kind
        # no unit ---------------------------------------------------------------
        if prev is not None and prev.kind == "time" and prev.end == s:
            return "time"
        if not is_cn and len(numeral) >= 7 and numeral.isdigit():
            return "code"  # article ids, long counters
        if is_cn and len(numeral) == 1 and numeral not in ("百", "千", "万", "亿"):
            return None  # 一体, 一致, 三心 …: a lone numeral character is no quantity
        return "other"

    def _numbered_place(self, end: int, numeral: str) -> bool:
        """A Chinese numeral and a measure word right before a word of terrain name a place
        (二道河, 三道沟子, 八道壕镇: "the second river"), unless the terrain word opens a
        longer noun of a thing built (三道河堤, 两道沟渠) or the numeral is the 两 of counting."""
        c, w = self.c, self.w
        if "两" in numeral or not c.numbered_place_terrain:
            return False
        for word in c.numbered_place_terrain:
            if w.startswith(word, end):
                return not w.startswith(c.numbered_place_not_before, end + len(word))
        return False

    def _attributive_times(self, s: int, end: int, surface: str) -> bool:
        """N次, N期, N轮 written with a numeral that counting does not use (二次: counting
        says 两次) modifies the word after it: 二次办理 (handled a second time), 二次供水
        (secondary supply), 地块二期正式征收 (the second phase), 二轮征询 (the second round).
        So does a numeral coordinated with it (一次、二次管网)."""
        c, w = self.c, self.w
        forms = c.attributive_times
        if not forms:
            return False
        def modifies(at: int) -> bool:
            nxt = self.char(at)
            return bool(nxt) and nxt not in c.clause_marks and nxt not in c.boundary and "\u4e00" <= nxt <= "\u9fff"
        if surface in forms and w[end - len(surface) : end] == surface and modifies(end):
            return True
        # 一次、二次X: the first of a pair of attributive numerals
        for form in forms:
            if form[-1:] == surface[-1:] and w.startswith("、" + form, end) and modifies(end + 1 + len(form)):
                return True
        return False

    def _meeting_follows(self, end: int) -> bool:
        return self.w.startswith(self.c.meeting_words, end)

    def _session_named(self, end: int) -> bool:
        """N次会议 with no 届 before it is still the number of a session when a word that
        names one sitting follows the meeting word (三次会议期间, 四次会议代表建议), also
        for coordinated numbers (三次、四次会议上). Counting says 两次, so 两 never names one."""
        w, c = self.w, self.c
        if not c.session_words_after:
            return False
        at = end
        for _ in range(4):  # 三次、四次、五次会议: a few coordinated numbers
            if not (self.char(at) in c.enumeration_commas and c.cn_times_re.match(w, at + 1)):
                break
            at = c.cn_times_re.match(w, at + 1).end()
        for word in c.meeting_words:
            if w.startswith(word, at):
                return w.startswith(c.session_words_after, at + len(word))
        return False

    def _session_in_list(self, start: int, end: int) -> bool:
        """A Chinese N次会议 that heads a list item or stands alone on its line names a
        sitting, not a count of meetings: an item of a list whose first item names the
        term (比十一届七次会议减少13件、五次会议减少24件, a 届…N次会议 earlier in the sentence,
        within a window), or the label of a row or column of a table of sittings (a line
        that is only 三次会议). Counts of meetings come with a verb (召开三次会议)."""
        w, c = self.w, self.c
        if not c.meeting_words or not w.startswith(c.meeting_words, end):
            return False
        word = next(m for m in c.meeting_words if w.startswith(m, end))
        left = w[max(0, start - _SESSION_LIST_REACH) : start]
        line_start = max(left.rfind("\n"), left.rfind("\r"))
        tail = w[end + len(word) : end + len(word) + _SESSION_LIST_REACH]
        if (line_start >= 0 or start <= _SESSION_LIST_REACH) and not left[line_start + 1 :].strip() and not tail.split("\n", 1)[0].strip():
            return True  # a line of its own
        if start == 0 or w[start - 1] not in c.enumeration_commas or c.termed_session_re is None:
            return False
        # the items are joined by enumeration commas only, back to the sitting named with
        # its term, and this item gives its own figure (五次会议减少24件): a list comparing sittings
        cut = max(left.rfind(m) for m in c.list_breaks) if left else -1
        if c.termed_session_re.search(left, cut + 1) is None:
            return False
        item = c.item_end_re.split(tail, maxsplit=1)[0]
        return any(ch.isdigit() or ch in _CN_DIGIT_SET for ch in item)

    def _session_listed_after(self, end: int) -> bool:
        """After 届…N次 an enumeration comma and a second session (十四届人大四次、十五届人大
        六次会议; 十四届人大四次、五次会议): the list shares the meeting word of its last item,
        so N次 is a session too. Read in a window of a few characters."""
        if self.char(end) not in self.c.enumeration_commas or self.c.listed_session_re is None:
            return False
        return self.c.listed_session_re.match(self.w, end + 1) is not None

    def _session_before(self, start: int, prev: Quantity | None) -> bool:
        if prev is None or prev.kind != "session" or start - prev.end > 10:
            return False
        # coordinated session numbers (十一届人大四、五次会议): a numeral and its enumeration
        # comma stand between
        between = self.c.coordinated_numeral_re.sub("", self.w[prev.end : start])
        if prev.unit == "次" and between[:1] in self.c.enumeration_commas:
            between = between[1:]  # 四次、五次会议: the session before is listed with it
        return not any(ch in self.c.clause_marks for ch in between)

    def _clock_context(self, start: int, end: int, value) -> bool:
        if value > 24:
            return False
        w = self.w
        if self.c.point_nouns and w.startswith(self.c.point_nouns, end):
            return False  # 三点意见, 3点建议: points of a speech
        if w[start:end][:1].isdigit():
            return True  # 9点: Arabic hours are clock times
        if w.startswith(self.c.time_after, end) if self.c.time_after else False:
            return True
        nm = _NUM_RE.match(w, end)
        if nm and w.startswith("分", nm.end()):
            return True
        left = w[max(0, start - 4) : start]
        return any(left.endswith(word) for word in self.c.time_before)


def find_quantities(text: str, lexicon=None) -> list[Quantity]:
    """Find every number in ``text`` with its unit, hedge and kind.

    Parameters
    ----------
    text : str
        Any text: a sentence or a whole report. Traditional characters and
        full-width digits are accepted; offsets refer to ``text`` as given.
    lexicon : folder path, :class:`~congress_lib.resources.Lexicon` or None
        Lexicons to use (default: the shipped ones, ``units`` and
        ``number_traps``).

    Returns
    -------
    list of Quantity
        Sorted by ``start``; spans do not overlap. Never raises on a string.

    Raises
    ------
    InvalidArgumentError
        If ``text`` is not a string.

    Examples
    --------
    >>> [(q.surface, q.value, q.unit, q.kind) for q in find_quantities("接访群众1700余人次")]
    [('1700余人次', 1700.0, '人次', 'count')]
    >>> [(q.surface, q.kind) for q in find_quantities("11月13日,十八届人大一次会议")]
    [('11月', 'date'), ('13日', 'date'), ('十八届', 'session'), ('一次', 'session')]
    """
    if not isinstance(text, str):
        raise InvalidArgumentError(
            f"text must be a str, not {type(text).__name__}; decode bytes before calling find_quantities."
        )
    if not text:
        return []
    return QuantityFinder.from_lexicon(lexicon).find(text)
