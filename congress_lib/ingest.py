"""Reading report files: encodings, script conversion, page furniture.

The loader never decodes lossily. For each file it

1. refuses files that are empty, binary, or undecodable, with a reason;
2. decodes strictly: UTF-8 (with or without BOM), UTF-16 (BOM, or NUL pattern),
   otherwise the verdict of charset-normalizer (GB2312/GBK verdicts are read as
   GB18030, their superset), and records the encoding;
3. turns HTML source saved as text into text (lxml: one line per block element,
   scripts and styles dropped, entities decoded; a ``<title>`` that repeats an
   ``<h1>`` headline, with or without the site's name, is dropped);
4. converts traditional characters to simplified with OpenCC (``t2s``) and
   records the ``script`` (simplified / traditional / mixed);
5. folds full-width digits, Latin letters and a few symbols (％ ＋ － ． ／ ～) to
   ASCII with :data:`congress_lib.text.WIDTH_FOLD` and a few additions (no NFKC:
   it would turn ！？； into ASCII);
6. breaks a line where a headline runs straight into a speech's salutation
   (…的讲话同志们：…), drops page-furniture lines matched by the patterns in
   ``lexicon/furniture.yaml`` and navigation menus, cuts the credits, captions
   and headline markers that end a line (inline patterns), and drops
   related-article lists (a heading and the headline-like lines under it),
   keeping the removed lines in ``raw_text`` only. The punctuation these steps read (what a headline or a menu
   never holds) is that of ``lexicon/characters.yaml``.

Everything after step 2 works on ``str``; the offsets of every extracted row are
offsets into the final ``text`` (the *cleaned* text).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from .resources import Lexicon, compiled, load_lexicon
from .text import CJK, CJK_BASIC, TONE_CONSONANTS, TONE_VOWELS, WIDTH_FOLD, CharMap, char_class, characters, opencc

__all__ = ["Decoded", "Cleaned", "decode_bytes", "known_format", "clean_text", "RejectReason", "to_simplified"]


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
_CJK_CHAR = re.compile(f"[{CJK}]")
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


# --- files in a known non-text format ---------------------------------------------

_AS_TEXT = "save the report's text as a UTF-8 .txt file and add that instead"
_IMAGE = "images are not read (no OCR): " + _AS_TEXT + ", or move the image out of the corpus folder"


def _document(kind: str, ext: str) -> str:
    """What to do with a word-processor file."""
    convert = f", or convert it (e.g. `pandoc report.{ext} -t plain -o report.txt`)," if ext != "doc" else ""
    return (f"{kind} files are not read yet: save it as plain text (.txt, UTF-8) with File > Save As"
            f"{convert} and add that instead")


_SHEET = ("spreadsheets and slides are not read: if it holds report text, " + _AS_TEXT
          + "; otherwise move it out of the corpus folder")
_ARCHIVE = "archives are not opened: extract it and put the report files it holds in the corpus folder"
_NOT_A_REPORT = "not a report: move it out of the corpus folder"

#: Formats recognised by the bytes a file starts with: (magic, what the file is, what to do).
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF document", "PDF is not read yet: save its text as a UTF-8 .txt file "
     "(e.g. `pdftotext -enc UTF-8 report.pdf`) and add that instead"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", _IMAGE),
    (b"\xff\xd8\xff", "a JPEG image", _IMAGE),
    (b"GIF87a", "a GIF image", _IMAGE),
    (b"GIF89a", "a GIF image", _IMAGE),
    (b"II*\x00", "a TIFF image", _IMAGE),
    (b"MM\x00*", "a TIFF image", _IMAGE),
    (b"\x1f\x8b\x08", "a gzip-compressed file", "decompress it (e.g. `gzip -d`) and add the file it holds"),
    (b"\xfd7zXZ\x00", "an xz-compressed file", "decompress it (e.g. `xz -d`) and add the file it holds"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", _ARCHIVE),
    (b"Rar!\x1a\x07", "a RAR archive", _ARCHIVE),
    (b"SQLite format 3\x00", "an SQLite database", _NOT_A_REPORT),
    (b"\x7fELF", "a program (ELF executable)", _NOT_A_REPORT),
)
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
#: What a ZIP container is, by a member name or a mimetype it holds (names are stored as they are).
_ZIP_KINDS: tuple[tuple[bytes, str, str], ...] = (
    (b"word/document.xml", "a Word document (.docx)", _document("Word", "docx")),
    (b"xl/workbook.xml", "an Excel workbook (.xlsx)", _SHEET),
    (b"ppt/presentation.xml", "a PowerPoint presentation (.pptx)", _SHEET),
    (b"application/vnd.oasis.opendocument.text", "an OpenDocument text (.odt)", _document("OpenDocument", "odt")),
    (b"application/vnd.oasis.opendocument.spreadsheet", "an OpenDocument spreadsheet (.ods)", _SHEET),
    (b"application/vnd.oasis.opendocument.presentation", "an OpenDocument presentation (.odp)", _SHEET),
    (b"application/epub+zip", "an EPUB e-book", _document("EPUB", "epub")),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: What an OLE compound file (Office 97-2003) is, by the name of a stream it holds (UTF-16 names).
_OLE_KINDS: tuple[tuple[bytes, str, str], ...] = (
    ("WordDocument".encode("utf-16-le"), "a Word 97-2003 document (.doc)", _document("Word", "doc")),
    ("Workbook".encode("utf-16-le"), "an Excel 97-2003 workbook (.xls)", _SHEET),
    ("PowerPoint Document".encode("utf-16-le"), "a PowerPoint 97-2003 presentation (.ppt)", _SHEET),
)


def known_format(data: bytes) -> str | None:
    """The reject reason of a file in a known non-text format, told by its first bytes; None otherwise.

    PDF, Word/Excel/PowerPoint (both the ZIP-based .docx/.xlsx/.pptx and the
    OLE-based .doc/.xls/.ppt), OpenDocument, EPUB, images, archives and a few
    other binaries get a reason that names the format and says what to do
    (e.g. save the text as .txt). Like every binary reject it starts with
    ``binary file:``.
    """
    if data[:64].lstrip()[:5] == b"%PDF-":  # (readers accept a PDF header after blank lines)
        return f"binary file: {_SIGNATURES[0][1]}; {_SIGNATURES[0][2]}"
    for magic, what, todo in _SIGNATURES[1:]:
        if data.startswith(magic):
            return f"binary file: {what}; {todo}"
    if data.startswith(_ZIP):
        for marker, what, todo in _ZIP_KINDS:
            if marker in data:
                return f"binary file: {what}; {todo}"
        return ("binary file: a ZIP archive (or an Office file: .docx, .xlsx, .pptx are ZIP archives); "
                "archives and Office files are not read yet: extract the reports it holds into the corpus "
                "folder, or save the document's text as a UTF-8 .txt file (File > Save As) and add that instead")
    if data.startswith(_OLE):
        for marker, what, todo in _OLE_KINDS:
            if marker in data:
                return f"binary file: {what}; {todo}"
        return ("binary file: an Office 97-2003 file (.doc, .xls, .ppt or similar); Office files are not read "
                "yet: save its text as plain text (.txt, UTF-8) with File > Save As and add that instead")
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes strictly, or raise :class:`RejectReason`.

    Returns the text (BOM removed, line ends normalised to ``\\n``) and the
    encoding name as recorded in the documents table.
    """
    if not data or not data.strip(b" \t\r\n\x00"):
        raise RejectReason("empty file: it holds no text")
    known = known_format(data)
    if known is not None:
        raise RejectReason(known)
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


def html_to_text(text: str, title_separators: str = "") -> str:
    """The text of an HTML page: one line per block element, scripts and styles dropped.

    Parsed with lxml (libxml2), in time linear in the page, however broken its
    markup: the standard library's parser rescans the rest of the page at every
    unterminated ``<!--``, ``<?`` or ``</`` (a few hundred KB of them take
    minutes). libxml2 stops at 2,048 levels of nesting, which no real page
    reaches: such a file raises :class:`RejectReason` rather than losing its
    text silently.

    The page's ``<title>`` is left out when it repeats the text of an ``<h1>``:
    equal to it, or, for each character of ``title_separators``, that text and
    the site's name joined by the character at either end (see
    :func:`_title_repeats`). A title that repeats no ``<h1>`` stays, as the
    first line.
    """
    return _html_to_text(text, title_separators)[0]


def _squash(text: str) -> str:
    """``text`` without any whitespace (how a title and a headline are compared)."""
    return "".join(text.split())


def _title_repeats(title: str, headlines: list[str], separators: str) -> bool:
    """True when ``title`` repeats one of ``headlines`` (texts of ``<h1>`` elements).

    Compared without whitespace: the title equals a headline, or starts with it
    followed by a separator character (标题_某某人大网), or ends with it preceded
    by one (某某人大网 - 标题).
    """
    t = _squash(title)
    if not t:
        return False
    for headline in headlines:
        h = _squash(headline)
        if not h:
            continue
        if t == h:
            return True
        if len(t) > len(h) + 1 and separators:
            if t.startswith(h) and t[len(h)] in separators:
                return True
            if t.endswith(h) and t[-len(h) - 1] in separators:
                return True
    return False


def _html_to_text(text: str, title_separators: str = "") -> tuple[str, list[str]]:
    """:func:`html_to_text`, and the title line it left out (``[]`` or ``[title]``)."""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(encoding="utf-8", huge_tree=True)
    try:
        root = lxml_html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError):  # nothing a parser can read: no element at all
        return "", []
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        raise RejectReason("HTML nested too deeply (over 2,048 levels): no report page is; "
                           "save the page's text instead")
    parts: list[str] = []
    skip = 0
    # Where the first <title> and each <h1> stand in ``parts``: (start, end) indexes.
    title_span: tuple[int, int] | None = None
    title_at = -1
    h1_spans: list[tuple[int, int]] = []
    h1_open: list[int] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else None  # (comments: no tag, no text)
        if event == "start":
            if tag in _SKIP:
                skip += 1
            elif tag in _BLOCK:
                parts.append("\n")
            if not skip:
                if tag == "title" and title_span is None and title_at < 0:
                    title_at = len(parts)
                elif tag == "h1":
                    h1_open.append(len(parts))
            if not skip and tag is not None and element.text:
                parts.append(element.text)
        else:
            if not skip:
                if tag == "title" and title_at >= 0 and title_span is None:
                    title_span = (title_at, len(parts))
                elif tag == "h1" and h1_open:
                    h1_spans.append((h1_open.pop(), len(parts)))
            if tag in _SKIP:
                skip -= 1
            elif tag in _BLOCK:
                parts.append("\n")
            if not skip and element.tail:
                parts.append(element.tail)
    dropped: list[str] = []
    if title_span is not None and h1_spans:
        a, b = title_span
        title = "".join(parts[a:b]).strip()
        headlines = ["".join(parts[x:y]) for x, y in h1_spans]
        if _title_repeats(title, headlines, title_separators):
            dropped.append(" ".join(title.split()))
            parts[a:b] = []
    return "".join(parts), dropped


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

# The width fold of congress_lib.text, and for cleaning also ＝ ＃ and the other spaces
# of web pages (no-break, en and em spaces), and the zero-width space and stray byte
# order marks dropped. (Not for quantities: that fold must keep every offset.)
_FOLD: dict[int, int | None] = dict(WIDTH_FOLD)
_FOLD.update({ord("＝"): ord("="), ord("＃"): ord("#"), ord("\xa0"): ord(" "), ord("\u2002"): ord(" "),
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


def _furniture_rules(start_patterns: tuple[str, ...], patterns: tuple[str, ...]):
    """A function for "is this line furniture": one of ``start_patterns`` matches at
    the start of the line (``re.match``), or one of ``patterns`` is found in it
    (``re.search``); both case-insensitive.

    Each list is combined into one alternation, the line-start one tried at the start
    only: together about three times faster than one alternation of all (a pattern
    of ``patterns`` that starts with ``^`` is searched like the others: it answers
    right, only without this speed-up). The alternations are used only when they
    provably answer like the lists: no pattern refers back to a group by number or
    name (the numbering changes in an alternation) and they compile (no global
    inline flags in the middle, no duplicate group names); otherwise each pattern
    is tried in turn.
    """
    at_start = [re.compile(p, re.I) for p in start_patterns]
    anywhere = [re.compile(p, re.I) for p in patterns]
    if not any(_BACKREF.search(p) for p in start_patterns + patterns):
        try:
            start_re = re.compile("|".join(f"(?:{p})" for p in start_patterns), re.I) if start_patterns else None
            any_re = re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None
        except re.error:
            pass
        else:
            def matches(line: str) -> bool:
                return ((start_re is not None and start_re.match(line) is not None)
                        or (any_re is not None and any_re.search(line) is not None))
            return matches

    def matches(line: str) -> bool:
        return any(r.match(line) for r in at_start) or any(r.search(line) for r in anywhere)
    return matches


_NAV_ITEM = re.compile(f"^[{CJK_BASIC}A-Za-z]{{2,6}}$")


def _is_nav_menu(line: str, min_items: int, punct: re.Pattern) -> bool:
    items = line.split()
    return (
        len(items) >= min_items
        and not punct.search(line)
        and all(_NAV_ITEM.match(item) for item in items)
    )


# Mirror sites annotate characters with pinyin: 區(qū) 聯(lián). A parenthesised
# syllable with a tone-marked vowel right after a CJK character is such debris
# ("(GPS)" or "(站)" are left alone: no tone mark).
_TONE = TONE_VOWELS + TONE_CONSONANTS
_PINYIN = re.compile(rf"(?<=[{CJK_BASIC}])[(（](?=[a-zü{_TONE}]*[{_TONE}])[a-zü{_TONE}]{{1,7}}[)）]")


def strip_pinyin(text: str) -> str:
    """Remove pinyin glosses in parentheses after characters: 區(qū) → 區."""
    return _PINYIN.sub("", text)


def _salutation_rule(salutations: tuple[str, ...], max_chars: int, not_headline: str = "",
                     joiners: str = "", colons: str = "") -> re.Pattern | None:
    """The pattern of a headline fused with the salutation that follows it.

    It matches the headline at the start of a line: 4 to ``max_chars``
    characters without a character of ``not_headline`` (clause and sentence
    punctuation), directly followed by a chain of salutations (joined by
    ``joiners``, enumeration commas and commas, or spaces) and a colon (one of
    ``colons``). A line that starts with a salutation never matches, nor a
    salutation after 的 (the end of a clause that qualifies it: 出席会议的同志们：).
    """
    if not salutations:
        return None
    one = "|".join(f"(?:{p})" for p in salutations)
    chain = rf"(?:{one})(?:[{re.escape(joiners)}\s]*(?:{one}))*\s*{char_class(colons)}"
    return re.compile(
        rf"^(?!(?:{one}))(?P<head>{char_class(not_headline + chr(10), negate=True)}{{4,{max_chars}}}?)(?<!的)(?={chain})"
    )


def split_fused_headline(line: str, rule: re.Pattern | None) -> list[str]:
    """``line`` as one or two lines: a headline run into a salutation is cut off.

    ``区人大常委会主任在…会议上的讲话同志们：今年以来，…`` →
    ``["区人大常委会主任在…会议上的讲话", "同志们：今年以来，…"]``.
    """
    if rule is None:
        return [line]
    match = rule.match(line)
    if match is None:
        return [line]
    cut = match.end("head")
    return [line[:cut].strip(), line[cut:].strip()]


def _related_list_rule(headings: tuple[str, ...], debris: tuple[str, ...], not_start: str,
                       max_chars: int, min_items: int, sentence_ends: str):
    """A function that marks related-article lists in ``[(line, is_furniture), ...]``.

    A list is a heading line (one of ``headings`` matches the whole line) and the
    headline-like lines that follow it: once each pattern of ``debris`` (dates,
    bullets, item numbers) is cut out, 4 to ``max_chars`` characters, none of
    ``sentence_ends``, and no ordinal heading (``not_start``) at the start. Lines
    already marked as furniture are passed over; the first line that is not
    headline-like ends the list and stays. The heading is always furniture; its
    items only when there are at least ``min_items`` of them or the list runs to
    the last line. ``None`` when there are no headings.
    """
    if not headings:
        return None
    heading = re.compile("|".join(f"(?:{p})" for p in headings), re.I)
    cuts = [re.compile(p) for p in debris]
    ordinal = re.compile(not_start) if not_start else None
    ends = re.compile(char_class(sentence_ends)) if sentence_ends else None

    def headline_like(line: str) -> bool:
        if ordinal is not None and ordinal.match(line):
            return False
        for cut in cuts:
            line = cut.sub("", line)
        line = line.strip()
        return 4 <= len(line) <= max_chars and (ends is None or not ends.search(line))

    def mark(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
        out = list(lines)
        i, n = 0, len(out)
        while i < n:
            if heading.fullmatch(out[i][0]) is None:
                i += 1
                continue
            out[i] = (out[i][0], True)
            items: list[int] = []
            j = i + 1
            while j < n:
                line, is_furniture = out[j]
                if heading.fullmatch(line) is not None:
                    break
                if not is_furniture:
                    if not headline_like(line):
                        break
                    items.append(j)
                j += 1
            if len(items) >= min_items or (items and j == n):
                for k in items:
                    out[k] = (out[k][0], True)
            i = j
        return out

    return mark


class _CleaningRules(NamedTuple):
    """The cleaning rules compiled from a lexicon's ``furniture.yaml`` and ``characters.yaml``."""

    matches: Callable[[str], bool]  # a furniture line (see _furniture_rules)
    nav_punct: re.Pattern  # punctuation no navigation menu holds
    nav_min_items: int
    max_len: int  # longest line that can be furniture
    salutation: re.Pattern | None  # a headline fused with a salutation (see _salutation_rule)
    inline: list[re.Pattern]
    related: Callable | None  # related-article lists (see _related_list_rule)


def _cleaning_rules(lexicon: Lexicon) -> _CleaningRules:
    furniture = lexicon["furniture"]
    marks = characters(lexicon)
    # clause and sentence punctuation: a headline or a navigation menu holds none of it
    punctuation = marks.sentence_ends + marks.clause_marks + marks.enumeration_commas
    return _CleaningRules(
        matches=_furniture_rules(tuple(furniture.get("line_start_patterns", []) or []),
                                 tuple(furniture.get("line_patterns", []) or [])),
        nav_punct=re.compile(char_class(punctuation + marks.quote_marks)),
        nav_min_items=int(furniture.get("nav_menu_min_items", 4)),
        max_len=int(furniture.get("max_line_chars", 100)),
        salutation=_salutation_rule(tuple(furniture.get("salutations", []) or []),
                                    int(furniture.get("salutation_headline_max_chars", 80)),
                                    punctuation, marks.enumeration_commas + marks.commas, marks.colons),
        inline=[re.compile(p) for p in furniture.get("inline_patterns", []) or []],
        related=_related_list_rule(tuple(furniture.get("related_list_headings", []) or []),
                                   tuple(furniture.get("related_item_debris", []) or []),
                                   str(furniture.get("related_item_not_start", "") or ""),
                                   int(furniture.get("related_item_max_chars", 50)),
                                   int(furniture.get("related_list_min_items", 2)),
                                   marks.sentence_ends),
    )


def clean_text(text: str, lexicon: Lexicon | None = None) -> Cleaned:
    """Clean decoded text: HTML → text, t2s, width folding, furniture removal.

    Returns the cleaned text with lines stripped and blank lines collapsed, and the
    removed furniture lines in page order (a page's repeated ``<title>``, each line
    matched by a line pattern or a navigation menu, each line that the inline
    patterns leave nothing of, and the heading and items of related-article lists).
    """
    lexicon = lexicon or load_lexicon()
    furniture_lex = lexicon["furniture"]
    was_html = looks_like_html(text)
    removed: list[str] = []
    if was_html:
        text, dropped_title = _html_to_text(text, str(furniture_lex.get("title_site_separators", "") or ""))
        removed.extend(dropped_title)
    folded = strip_pinyin(fold_width(text))
    simplified = to_simplified(folded)
    script = _script_of(folded, simplified)
    rules = compiled(lexicon, "ingest.cleaning", lambda: _cleaning_rules(lexicon))
    matches_rule, nav_punct, salutation, inline = rules.matches, rules.nav_punct, rules.salutation, rules.inline
    min_items, max_len = rules.nav_min_items, rules.max_len
    # Each line with its verdict (True: furniture), in page order; related-article
    # lists are a rule over consecutive lines, applied to the verdicts afterwards.
    lines: list[tuple[str, bool]] = []
    for raw_line in simplified.split("\n"):
        stripped = raw_line.strip()
        if not stripped:
            continue
        for line in split_fused_headline(stripped, salutation):
            if len(line) <= max_len and (
                matches_rule(line) or _is_nav_menu(line, min_items, nav_punct)
            ):
                lines.append((line, True))
                continue
            original = line
            for rule in inline:
                line = rule.sub("", line).strip()
            lines.append((line, False) if line else (original, True))
    related = rules.related
    if related is not None:
        lines = related(lines)
    kept = [line for line, is_furniture in lines if not is_furniture]
    removed.extend(line for line, is_furniture in lines if is_furniture)
    return Cleaned(text="\n".join(kept), script=script, was_html=was_html, furniture=removed)
