"""Reading report files: encodings, script conversion, page furniture.

The loader never decodes lossily. For each file it

1. refuses files that are empty, binary, or undecodable, with a reason;
2. decodes strictly: UTF-8 (with or without BOM), UTF-16 (BOM, or NUL pattern),
   otherwise the verdict of charset-normalizer (GB2312/GBK verdicts are read as
   GB18030, their superset), and records the encoding;
3. turns HTML source saved as text into text (lxml: one line per block element,
   scripts and styles dropped, entities decoded);
4. converts traditional characters to simplified with OpenCC (``t2s``) and
   records the ``script`` (simplified / traditional / mixed);
5. folds full-width digits, Latin letters and a few symbols (％ ＋ － ． ／ ～) to
   ASCII with a length-preserving table (no NFKC: it would turn ！？； into ASCII);
6. drops page-furniture lines matched by the patterns in
   ``lexicon/furniture.yaml`` and navigation menus, keeping the removed lines in
   ``raw_text`` only.

Everything after step 2 works on ``str``; the offsets of every extracted row are
offsets into the final ``text`` (the *cleaned* text).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .resources import Lexicon, load_lexicon
from .text import CharMap, opencc

__all__ = ["Decoded", "Cleaned", "decode_bytes", "clean_text", "RejectReason", "to_simplified"]


class RejectReason(Exception):
    """Internal: a file cannot be used; the message is the reason shown to users."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


@dataclass
class Cleaned:
    text: str
    script: str
    was_html: bool
    furniture: list[str] = field(default_factory=list)


_CONTROL_OK = {"\t", "\n", "\r", "\f", "\v"}


def _looks_utf16(data: bytes) -> str | None:
    """Guess UTF-16 without BOM from the NUL-byte pattern of mostly-BMP text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even = data[0::2]
    odd = data[1::2]
    n = len(even)
    even_nul = even.count(0) / n
    odd_nul = odd.count(0) / n
    # ASCII-heavy UTF-16: one lane is nearly all NUL. CJK-heavy UTF-16 has no
    # NULs, so try a strict decode and check that the result is mostly CJK.
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


# Character counts by regex (a C loop): \s is exactly str.isspace, and the Unicode
# category Cc is exactly U+0000-U+001F and U+007F-U+009F (a stable property).
_CJK_CHAR = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")
_SPACE = re.compile(r"\s")
_BAD_CONTROL = re.compile("[" + "".join(
    re.escape(chr(cp)) for cp in (*range(0x20), *range(0x7F, 0xA0)) if chr(cp) not in _CONTROL_OK) + "]")


def _count(regex: re.Pattern, text: str) -> int:
    return len(regex.findall(text))


def _cjk_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    cjk = _count(_CJK_CHAR, sample)
    letters = len(sample) - _count(_SPACE, sample)
    return cjk / max(letters, 1)


def _control_share(text: str) -> float:
    sample = text[:20000]
    bad = _count(_BAD_CONTROL, sample)
    return bad / max(len(sample), 1)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes strictly, or raise :class:`RejectReason`.

    Returns the text (BOM removed, line ends normalised to ``\\n``) and the
    encoding name as recorded in the documents table.
    """
    if not data or not data.strip(b" \t\r\n\x00"):
        raise RejectReason("empty file: it holds no text")
    encoding: str | None = None
    text: str | None = None
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        encoding = "utf-32"
    else:
        guess16 = _looks_utf16(data)
        if guess16:
            encoding = guess16
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise RejectReason(
                f"undecodable: the file starts like {encoding} but byte {exc.start} is invalid; "
                "re-save it as UTF-8"
            ) from None
    else:
        if b"\x00" in data:
            raise RejectReason("binary file: it contains NUL bytes and is not UTF-16 text")
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError as exc:
            if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
                raise RejectReason(
                    f"truncated UTF-8: the file ends in the middle of a character (byte {exc.start}); "
                    "download or save it again"
                ) from None
            text, encoding = _detect(data)
    if _control_share(text) > 0.01:
        raise RejectReason("binary file: it decodes to control characters, not text")
    if not text.strip():
        raise RejectReason("empty file: it holds only whitespace")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return Decoded(text=text, encoding=encoding)


_GB_FAMILY = {"gb2312", "gbk", "cp936", "gb18030", "hz", "hz_gb_2312", "euc_cn", "ms936"}


def _detect(data: bytes) -> tuple[str, str]:
    """Non-UTF-8 bytes: ask charset-normalizer, prefer GB18030 for Chinese."""
    from charset_normalizer import from_bytes

    candidates: list[str] = []
    best = from_bytes(data[:200000]).best()
    if best is not None:
        enc = best.encoding.lower().replace("-", "_")
        candidates.append("gb18030" if enc in _GB_FAMILY else best.encoding)
    # Chinese reports not in UTF-8 are nearly always GB-family or Big5.
    for enc in ("gb18030", "big5"):
        if enc not in candidates:
            candidates.append(enc)
    results = []
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        results.append((_cjk_share(text), -candidates.index(enc), enc, text))
    if not results:
        raise RejectReason(
            "undecodable: not UTF-8, UTF-16, GB18030 or Big5 text; "
            "check that this is a text file and re-save it as UTF-8"
        )
    # The first candidate wins unless another decodes to clearly more Chinese.
    first = results[0]
    top = max(results)
    chosen = top if top[0] > first[0] + 0.2 else first
    if chosen[0] < 0.05 and _control_share(chosen[3]) > 0.001:
        raise RejectReason("binary file: no encoding yields text")
    return chosen[3], chosen[2]


# --- HTML ------------------------------------------------------------------

_HTML_HINT = re.compile(r"<\s*(html|body|div|p|br|span|table|td|script|head|meta|a\s|li)\b[^>]*>", re.I)


#: Elements that end a line of text; elements whose content is not text.
_BLOCK = frozenset({
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table",
    "section", "article", "header", "footer", "ul", "ol", "title", "td", "dd", "dt",
})
_SKIP = frozenset({"script", "style", "noscript", "template", "svg"})


def looks_like_html(text: str) -> bool:
    return len(_HTML_HINT.findall(text[:50000])) >= 3


def html_to_text(text: str) -> str:
    """The text of an HTML page: one line per block element, scripts and styles dropped.

    Parsed with lxml (libxml2), in time linear in the page, however broken its
    markup: the standard library's parser rescans the rest of the page at every
    unterminated ``<!--``, ``<?`` or ``</`` (a few hundred KB of them take
    minutes). libxml2 stops at 2,048 levels of nesting, which no real page
    reaches: such a file raises :class:`RejectReason` rather than losing its
    text silently.
    """
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(encoding="utf-8", huge_tree=True)
    try:
        root = lxml_html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError):  # nothing a parser can read: no element at all
        return ""
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        raise RejectReason("HTML nested too deeply (over 2,048 levels): no report page is; "
                           "save the page's text instead")
    parts: list[str] = []
    skip = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else None  # (comments: no tag, no text)
        if event == "start":
            if tag in _SKIP:
                skip += 1
            elif tag in _BLOCK:
                parts.append("\n")
            if not skip and tag is not None and element.text:
                parts.append(element.text)
        else:
            if tag in _SKIP:
                skip -= 1
            elif tag in _BLOCK:
                parts.append("\n")
            if not skip and element.tail:
                parts.append(element.tail)
    return "".join(parts)


# --- script ------------------------------------------------------------------


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese with OpenCC's ``t2s`` configuration."""
    return opencc("t2s").convert(text) if text else text


def _script_of(original: str, simplified: str) -> str:
    if original == simplified:
        return "simplified"  # (nothing changed: the count below would be 0)
    if len(original) != len(simplified):
        changed = 1 if original != simplified else 0
        total = 1
    else:
        changed = sum(1 for a, b in zip(original, simplified) if a != b)
        total = max(_cjk_share(original) * len(original), 1)
    if changed == 0:
        return "simplified"
    share = changed / total
    # Simplified text that merely contains a few variant characters is not
    # "traditional"; a traditional text changes in roughly 15–30 % of characters.
    if share > 0.08:
        return "traditional"
    return "mixed" if changed >= 3 else "simplified"


# --- folding -----------------------------------------------------------------

_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}  # ０-９
_FOLD.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FOLD.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FOLD.update({ord("％"): ord("%"), ord("＋"): ord("+"), ord("－"): ord("-"), ord("．"): ord("."),
              ord("／"): ord("/"), ord("～"): ord("~"), ord("＝"): ord("="), ord("＃"): ord("#"),
              ord("\u3000"): ord(" "), ord("\xa0"): ord(" "), ord("\u2002"): ord(" "),
              ord("\u2003"): ord(" "), ord("\u200b"): None, ord("\ufeff"): None})


_FOLDER = CharMap(_FOLD)  # same result as str.translate(_FOLD), faster on CJK text


def fold_width(text: str) -> str:
    """Fold full-width digits/letters/%, and exotic spaces, to ASCII.

    Sentence punctuation (，。！？；：“”) is kept as it is. Zero-width spaces and
    stray BOMs are removed (the only characters this drops).
    """
    return _FOLDER.translate(text)


# --- furniture -----------------------------------------------------------------


_BACKREF = re.compile(r"\\[1-9]|\(\?P=")


def _anchored(pattern: str) -> bool:
    """True when every match of ``pattern`` starts at the beginning of the string (``^…``).

    For such a pattern ``search`` and ``match`` agree on a line (a line holds no
    newline, so even ``(?m)`` cannot anchor it elsewhere).
    """
    try:
        from re import _constants, _parser  # the parser of the ``re`` module itself

        parsed = _parser.parse(pattern, re.I)
        return len(parsed.data) > 0 and parsed.data[0] == (_constants.AT, _constants.AT_BEGINNING)
    except Exception:  # (a private module: when it differs, never claim an anchor)
        return False


@lru_cache(maxsize=16)
def _furniture_rules(version: str, patterns: tuple[str, ...], min_items: int):
    """The compiled line patterns, and a function for "does any of them match a line".

    The patterns anchored at the line start (``^…``) are combined into one
    alternation tried at the start only, the others into one alternation searched
    through the line: together about three times faster than one alternation of
    all. The alternations are used only when they provably answer like the list:
    no pattern refers back to a group by number or name (the numbering changes in
    an alternation) and they compile (no global inline flags in the middle, no
    duplicate group names); otherwise each pattern is searched in turn.
    """
    rules = [re.compile(p, re.I) for p in patterns]
    matches = None
    if rules and not any(_BACKREF.search(p) for p in patterns):
        at_start = [p for p in patterns if _anchored(p)]
        anywhere = [p for p in patterns if not _anchored(p)]
        try:
            start_re = re.compile("|".join(f"(?:{p})" for p in at_start), re.I) if at_start else None
            any_re = re.compile("|".join(f"(?:{p})" for p in anywhere), re.I) if anywhere else None
        except re.error:
            pass
        else:
            def matches(line: str) -> bool:
                return ((start_re is not None and start_re.match(line) is not None)
                        or (any_re is not None and any_re.search(line) is not None))
    if matches is None:
        def matches(line: str) -> bool:
            return any(r.search(line) for r in rules)
    return rules, matches, min_items


_SENT_PUNCT = re.compile(r"[，。！？；,.!?;：:、“”\"]")
_NAV_ITEM = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,6}$")


def _is_nav_menu(line: str, min_items: int) -> bool:
    items = line.split()
    return (
        len(items) >= min_items
        and not _SENT_PUNCT.search(line)
        and all(_NAV_ITEM.match(item) for item in items)
    )


# Mirror sites annotate characters with pinyin: 區(qū) 聯(lián). A parenthesised
# syllable with a tone-marked vowel right after a CJK character is such debris
# ("(GPS)" or "(站)" are left alone: no tone mark).
_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN = re.compile(rf"(?<=[\u4e00-\u9fff])[(（](?=[a-zü{_TONE}]*[{_TONE}])[a-zü{_TONE}]{{1,7}}[)）]")


def strip_pinyin(text: str) -> str:
    """Remove pinyin glosses in parentheses after characters: 區(qū) → 區."""
    return _PINYIN.sub("", text)


def clean_text(text: str, lexicon: Lexicon | None = None) -> Cleaned:
    """Clean decoded text: HTML → text, t2s, width folding, furniture removal.

    Returns the cleaned text with lines stripped and blank lines collapsed, and the
    removed furniture lines.
    """
    lexicon = lexicon or load_lexicon()
    was_html = looks_like_html(text)
    if was_html:
        text = html_to_text(text)
    folded = strip_pinyin(fold_width(text))
    simplified = to_simplified(folded)
    script = _script_of(folded, simplified)
    furniture_lex = lexicon["furniture"]
    _, matches_rule, min_items = _furniture_rules(
        lexicon.version,
        tuple(furniture_lex.get("line_patterns", [])),
        int(furniture_lex.get("nav_menu_min_items", 4)),
    )
    max_len = int(furniture_lex.get("max_line_chars", 100))
    inline = [re.compile(p) for p in furniture_lex.get("inline_patterns", []) or []]
    kept: list[str] = []
    removed: list[str] = []
    for raw_line in simplified.split("\n"):
        line = raw_line.strip()
        if not line:
            continue
        if len(line) <= max_len and (
            matches_rule(line) or _is_nav_menu(line, min_items)
        ):
            removed.append(line)
            continue
        for rule in inline:
            line = rule.sub("", line).strip()
        if line:
            kept.append(line)
    return Cleaned(text="\n".join(kept), script=script, was_html=was_html, furniture=removed)
