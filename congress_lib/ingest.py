"""Reading report files: formats, encodings, script conversion, page furniture.

:func:`read_document` reads one file (``documents.format``): a PDF's text layer
(:func:`pdf_text`: columns in reading order, page furniture out; no text layer,
encrypted, damaged or over :data:`MAX_PDF_PAGES` pages: rejected with the reason), a
Word .docx file (:func:`docx_text`), a web page named ``.html``/``.htm`` (its main
text by trafilatura, :func:`_page_text`) or text. Text and web pages are decoded as
below, and the text of every format is cleaned by :func:`clean_text`.

The loader never decodes lossily. For each text file it

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
   related-article lists (a heading and the headline-like lines under it) and a
   saved page's title line that repeats the headline below it and the column names
   that open a page above its headline,
   keeping the removed lines in ``raw_text`` only. The punctuation these steps read (what a headline or a menu
   never holds) is that of ``lexicon/characters.yaml``.

Everything after step 2 works on ``str``; the offsets of every extracted row are
offsets into the final ``text`` (the *cleaned* text).
"""

from __future__ import annotations

import codecs
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from .fastpath import CharDispatch, alternation, char_gate
from .resources import Lexicon, compiled, load_lexicon
from .text import CJK, CJK_BASIC, TONE_CONSONANTS, TONE_VOWELS, WIDTH_FOLD, CharMap, char_class, characters, opencc

__all__ = ["Decoded", "Cleaned", "Read", "decode_bytes", "known_format", "container_format", "clean_text",
           "read_document", "format_of_name", "RejectReason", "to_simplified", "FORMATS", "MAX_PDF_PAGES",
           "MAX_UNZIPPED_MB"]


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
    """The reject reason of a file in a known format that is not read, told by its first bytes;
    None otherwise (text, and the PDF and Word .docx files that :func:`read_document` reads).

    Word/Excel/PowerPoint files other than .docx (the ZIP-based .xlsx/.pptx and the
    OLE-based .doc/.xls/.ppt), OpenDocument, EPUB, images, archives and a few
    other binaries get a reason that names the format and says what to do
    (e.g. save the text as .txt). Like every binary reject it starts with
    ``binary file:``.
    """
    if container_format(data) is not None:  # (read by read_document)
        return None
    for magic, what, todo in _SIGNATURES:
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
    container = container_format(data)
    if container is not None:
        raise RejectReason(f"binary file: a {container.upper()} document is not a text file; "
                           "read it with read_document (load_corpus does)")
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


def _furniture_rules(start_patterns: tuple[str, ...], patterns: tuple[str, ...], shortcuts: bool = True):
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
    is tried in turn. With ``shortcuts`` (the default) each pattern is tried alone, only
    in the lines that hold a character it needs (:func:`_furniture_rules_dispatched`).
    """
    if shortcuts:
        return _furniture_rules_dispatched(start_patterns, patterns)
    at_start = [re.compile(p, re.I) for p in start_patterns]
    anywhere = [re.compile(p, re.I) for p in patterns]
    if not any(_BACKREF.search(p) for p in start_patterns + patterns):
        try:
            start_re = re.compile("|".join(f"(?:{p})" for p in start_patterns), re.I) if start_patterns else None
            any_re = re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None
        except re.error:
            pass
        else:
            gated = _gated_search(patterns)
            if gated is not None:
                return _furniture_rules_gated(start_re, *gated)

            def matches(line: str) -> bool:
                return ((start_re is not None and start_re.match(line) is not None)
                        or (any_re is not None and any_re.search(line) is not None))
            return matches

    def matches(line: str) -> bool:
        return any(r.match(line) for r in at_start) or any(r.search(line) for r in anywhere)
    return matches


def _furniture_rules_dispatched(start_patterns: tuple[str, ...], patterns: tuple[str, ...]):
    """The ``matches`` of :func:`_furniture_rules`, faster: each pattern is tried alone, and
    only in a line that holds one of the characters its every match needs
    (:class:`congress_lib.fastpath.CharDispatch`); answers like trying every pattern in
    turn (the plain definition, ``shortcuts=False``)."""
    at_start = CharDispatch(start_patterns, re.I, "match")
    anywhere = CharDispatch(patterns, re.I, "search")

    def matches(line: str) -> bool:
        return at_start(line) or anywhere(line)
    return matches


def _gated_search(patterns: tuple[str, ...]):
    """``patterns`` parted for a faster "is one of them found": (a gate, the alternation of the
    patterns it gates, the alternation of the others or None); the gate
    (:func:`congress_lib.fastpath.char_gate`) finds one of the characters each gated pattern's
    every match holds. None when no pattern has such characters."""
    gated = [p for p in patterns if char_gate([p], re.I) is not None]
    if not gated:
        return None
    rest = [p for p in patterns if p not in gated]
    return (char_gate(gated, re.I), re.compile("|".join(f"(?:{p})" for p in gated), re.I),
            re.compile("|".join(f"(?:{p})" for p in rest), re.I) if rest else None)


def _furniture_rules_gated(start_re: re.Pattern | None, gate: re.Pattern, gated_re: re.Pattern,
                           rest_re: re.Pattern | None):
    """The combined ``matches`` of :func:`_furniture_rules`, faster: the patterns searched
    anywhere are searched only in a line that holds one of the characters they need (the
    others, if any, in every line). A pattern is found in a line exactly when it is found by
    the alternation of its part."""
    def matches(line: str) -> bool:
        return ((start_re is not None and start_re.match(line) is not None)
                or (rest_re is not None and rest_re.search(line) is not None)
                or (gate.search(line) is not None and gated_re.search(line) is not None))
    return matches


_NAV_ITEM = re.compile(f"^[{CJK_BASIC}A-Za-z]{{2,6}}$")


_NAV_WORD = re.compile(f"^[{CJK_BASIC}A-Za-z]+$")


def _join_spaced_letters(items: list[str]) -> list[str]:
    """``items`` with each run of two or more one-character items joined into one item
    (a menu's 首 页, spaced out to the width of its button); linear."""
    out: list[str] = []
    run = ""
    for item in items + [""]:
        if len(item) == 1:
            run += item
            continue
        if run:
            out.append(run)
            run = ""
        if item:
            out.append(item)
    return out


def _is_nav_menu(line: str, min_items: int, punct: re.Pattern, long_items: tuple[int, int] = (0, 0)) -> bool:
    """A line of ``min_items`` or more short items (2–6 characters) separated by spaces, with
    no punctuation; ``long_items`` (count, longest): at most so many longer items among them
    (a site's name, 某某省人民政府网). A word spaced out letter by letter (首 页) is one item."""
    items = _join_spaced_letters(line.split())
    if len(items) < min_items or punct.search(line):
        return False
    longer = [item for item in items if not _NAV_ITEM.match(item)]
    return not longer or (
        len(longer) <= long_items[0] and len(items) - len(longer) >= min_items
        and all(6 < len(item) <= long_items[1] and _NAV_WORD.match(item) for item in longer)
    )


def _menu_blocks(lines: list[tuple[str, bool]], min_lines: int, min_items: int, punct: re.Pattern,
                 long_items: tuple[int, int] = (0, 0)) -> list[tuple[str, bool]]:
    """Mark as furniture a navigation menu flattened into a column of short rows: a run of at
    least ``min_lines`` consecutive lines, each of two or more short items separated by spaces
    (as :func:`_is_nav_menu` reads them) and ``min_items`` items in all (本会概况 组织机构 /
    代表风采 议案建议 / …). One row alone, or two, may be a headline with a space and stays.
    One pass over the lines: linear. ``min_lines`` 0 turns the rule off."""
    if min_lines <= 0:
        return lines
    out = list(lines)
    i, n = 0, len(out)
    while i < n:
        j, items = i, 0
        while j < n and _is_nav_menu(out[j][0], 2, punct, long_items):
            items += len(_join_spaced_letters(out[j][0].split()))
            j += 1
        if j - i >= min_lines and items >= min_items:
            for k in range(i, j):
                out[k] = (out[k][0], True)
        i = max(j, i + 1)
    return out


# Mirror sites annotate characters with pinyin: 區(qū) 聯(lián). A parenthesised
# syllable with a tone-marked vowel right after a CJK character is such debris
# ("(GPS)" or "(站)" are left alone: no tone mark).
_TONE = TONE_VOWELS + TONE_CONSONANTS
# The gloss may hold a space before its closing bracket (會(huì )), and may follow the
# question mark that a page whose encoding lost the character wrote in its place, the
# opening bracket lost with it or not (?(xiàng), ?xiàng)).
_PINYIN = re.compile(rf"(?:(?<=[{CJK_BASIC}?？])[(（]|(?<=[?？]))(?=[a-zü{_TONE}]*[{_TONE}])[a-zü{_TONE}]{{1,7}} ?[)）]")


# Some mirrors write the gloss without tone marks (會(hui) 黨(dang)). A bare parenthesised
# syllable is also an ordinary word (商场(mall), 法(an)?), so it is removed only when it is a
# well-formed pinyin syllable (an initial, then a final) right after a CJK character, and only
# in a text that shows the mirror's habit: at least ``_TONELESS_MIN`` such glosses.
_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
             r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|an|ao|ei|en|er|ia|ie|in|iu|ou|"
             r"ua|ue|ui|un|uo|ve|a|e|i|o|u|v)")
_TONELESS = re.compile(rf"(?<=[{CJK_BASIC}])[(（]{_SYLLABLE}[)）]")
_TONELESS_MIN = 3


def strip_pinyin(text: str) -> str:
    """Remove pinyin glosses in parentheses after characters: 區(qū) → 區, and 會(hui) → 會
    in a text that carries at least three such toneless glosses."""
    text = _PINYIN.sub("", text)
    if "(" in text or "（" in text:
        glosses = _TONELESS.findall(text, 0)
        if len(glosses) >= _TONELESS_MIN:
            text = _TONELESS.sub("", text)
    return text


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


# The end of a teaser: text cut off by an ellipsis (three dots, or the ellipsis character).
_TRUNCATED = re.compile(r"[^.…。！？!?](?:\.{3,}|…+)\s*$")
# ... and a title cut off by a site (three dots or one ellipsis character): a writer's own
# ellipsis is the double …… (a sentence left open on purpose), and it marks no title
_CUT_OFF = re.compile(r"[^.…。！？!?](?:\.{3,}|…)\s*$")


def _related_list_rule(headings: tuple[str, ...], debris: tuple[str, ...], not_start: str,
                       max_chars: int, min_items: int, sentence_ends: str, tail_items: int = 0,
                       teaser_items: int = 0):
    """A function that marks related-article lists in ``[(line, is_furniture), ...]``.

    A list is a heading line (one of ``headings`` matches the whole line) and the
    headline-like lines that follow it: once each pattern of ``debris`` (dates,
    bullets, item numbers) is cut out, 4 to ``max_chars`` characters, none of
    ``sentence_ends``, and no ordinal heading (``not_start``) at the start (a row
    of items separated by spaces may be longer when each item is short enough); a
    teaser, the opening of another article cut off by an ellipsis, is an item whatever
    it holds, and one is enough to mark the list. Lines
    already marked as furniture are passed over; the first line that is not
    headline-like ends the list and stays. The heading is always furniture; its
    items only when there are at least ``min_items`` of them or the list runs to
    the last line. A list may also come without a heading at the end of the page:
    at least ``tail_items`` (0: never) headline-like lines that run to the last line
    right after a furniture line (the article's editor or keyword line) that body text
    stands before are furniture too. A list may also stand without a heading anywhere on
    the page when its titles are cut off: a run of headline-like lines that holds at least
    ``teaser_items`` (0: never) teasers is furniture from its first teaser to its last.
    ``None`` when there are no headings.
    """
    if not headings:
        return None
    heading = re.compile("|".join(f"(?:{p})" for p in headings), re.I)
    cuts = [re.compile(p) for p in debris]
    ordinal = re.compile(not_start) if not_start else None
    ends = re.compile(char_class(sentence_ends)) if sentence_ends else None

    def teaser(line: str) -> bool:
        # the opening of another article cut off by an ellipsis (…作出一审判决，…在网...)
        return _TRUNCATED.search(line) is not None and not (ordinal is not None and ordinal.match(line))

    def headline_like(line: str) -> bool:
        if ordinal is not None and ordinal.match(line):
            return False
        for cut in cuts:
            line = cut.sub("", line)
        line = line.strip()
        if ends is not None and ends.search(line):
            return False
        if 4 <= len(line) <= max_chars:
            return True
        # a row of items separated by spaces (the site names of a link list): each item counts
        items = line.split()
        return len(items) >= 2 and all(len(item) <= max_chars for item in items)

    def mark(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
        out = list(lines)
        i, n = 0, len(out)
        while i < n:
            if heading.fullmatch(out[i][0]) is None:
                i += 1
                continue
            out[i] = (out[i][0], True)
            items: list[int] = []
            sure = False  # a teaser cut off by an ellipsis is another article's, even alone
            j = i + 1
            while j < n:
                line, is_furniture = out[j]
                if heading.fullmatch(line) is not None:
                    break
                if not is_furniture:
                    if teaser(line):
                        sure = True
                    elif not headline_like(line):
                        break
                    items.append(j)
                j += 1
            if len(items) >= min_items or (items and (j == n or sure)):
                for k in items:
                    out[k] = (out[k][0], True)
            i = j
        if teaser_items > 0:
            _mark_teasers(out)
        if tail_items > 0:
            _mark_tail(out)
        return out

    def _mark_teasers(out: list[tuple[str, bool]]) -> None:
        # a headless list of other articles' titles cut off by an ellipsis: a run of
        # headline-like lines holding at least ``teaser_items`` titles cut off by a site
        # (headline-like themselves, ending in ... or one …: a paragraph, or a line that
        # ends in the writer's ……, is text) is marked from its
        # first teaser to its last (a headline before or after the run stays)
        k, n = 0, len(out)
        while k < n:
            teasers: list[int] = []
            m = k
            while m < n and (out[m][1] or headline_like(out[m][0])):
                if not out[m][1] and _CUT_OFF.search(out[m][0]) and teaser(out[m][0]):
                    teasers.append(m)
                m += 1
            if len(teasers) >= teaser_items:
                for q in range(teasers[0], teasers[-1] + 1):
                    out[q] = (out[q][0], True)
            k = m + 1

    def _mark_tail(out: list[tuple[str, bool]]) -> None:
        # a headless list at the end of the page: headline-like lines after the
        # article's last furniture line (编辑：…, 关键词：…), up to the last line
        items: list[int] = []
        k = len(out) - 1
        while k >= 0 and out[k][1]:  # the page's footer after the list
            k -= 1
        while k >= 0 and not out[k][1]:
            if not (headline_like(out[k][0]) or teaser(out[k][0])):
                return
            items.append(k)
            k -= 1
        if len(items) < tail_items or k < 0:
            return
        # body text before the furniture line that opens the list
        if not any(not is_furniture for _, is_furniture in out[:k]):
            return
        for m in items:
            out[m] = (out[m][0], True)

    return mark


def _breadcrumb_columns(lines: list[tuple[str, bool]], separators: str, max_chars: int) -> list[tuple[str, bool]]:
    """Mark as furniture the lines that are one column name of the page's breadcrumb.

    A breadcrumb is a furniture line holding at least two of ``separators``
    (首页 > 新闻动态 > 人大新闻 > 正文); its items are the words between them, a label
    before a colon cut off the first, each of at most ``max_chars`` characters (a
    column's name; a trail that ends with the page's own headline keeps it). A line
    that is no furniture and equals one of the items (the site's menu or the column's
    heading, left on a line of its own) is furniture as well. One pass to collect the items, one to mark: linear.
    """
    if not separators:
        return lines
    split = re.compile(char_class(separators))
    label = re.compile(r"^[^:：]*[:：]")
    columns: set[str] = set()
    for line, is_furniture in lines:
        if not is_furniture:
            continue
        parts = split.split(line)
        if len(parts) < 3:
            continue
        parts[0] = label.sub("", parts[0])
        columns.update(item for part in parts if 0 < len(item := part.strip()) <= max_chars)
    if not columns:
        return lines
    return [(line, True) if not is_furniture and line in columns else (line, is_furniture)
            for line, is_furniture in lines]


class _CleaningRules(NamedTuple):
    """The cleaning rules compiled from a lexicon's ``furniture.yaml`` and ``characters.yaml``."""

    matches: Callable[[str], bool]  # a furniture line (see _furniture_rules)
    nav_punct: re.Pattern  # punctuation no navigation menu holds
    nav_min_items: int
    nav_long_items: tuple[int, int]  # (how many, longest) longer items a menu may hold
    nav_block_lines: int  # a menu flattened into this many rows of short items (see _menu_blocks); 0: off
    max_len: int  # longest line that can be furniture
    salutation: re.Pattern | None  # a headline fused with a salutation (see _salutation_rule)
    inline: list[re.Pattern]
    inline_gate: re.Pattern | None  # (fastpath.char_gate of the inline patterns)
    related: Callable | None  # related-article lists (see _related_list_rule)
    title_lines: int  # a headline repeated among this many first lines (see _repeated_title)
    repeat_max: int  # later copies of the headline, at most this long (see _repeated_lines); 0: off
    repeat_min_han: int
    title_separators: str
    sentence_ends: str  # a title holds none
    breadcrumb_separators: str  # the separators of a breadcrumb's items (see _breadcrumb_columns)
    breadcrumb_item_max: int
    leading_column_max: int = 0  # column names above the headline, at most this long (see _leading_columns)
    original_title: re.Pattern | None = None  # a reprint's original-headline label (see _original_title)
    original_similarity: float = 1.0
    original_heads: int = 8  # headline-like lines an original headline is compared with


_COLUMN_NAME = re.compile(f"^[{CJK_BASIC}]+$")
_SUBTITLE_DASHES = ("—", "-", "－", "–")  # a line that starts with one is a headline's subtitle


def _leading_columns(lines: list[tuple[str, bool]], max_chars: int, sentence_ends: str) -> list[tuple[str, bool]]:
    """Mark as furniture the column names that open a page above its headline.

    The first lines that are no furniture and are short words of Chinese characters only
    (2 to ``max_chars``: 人大要闻, 代表工作) are the column's names when the next line that is
    no furniture is a headline: longer than ``max_chars``, without a sentence end and no
    subtitle (——…). A short headline followed by body text or by its subtitle stays. One pass over the opening lines: linear.
    """
    if max_chars <= 0:
        return lines
    names: list[int] = []
    for i, (line, is_furniture) in enumerate(lines):
        if is_furniture:
            continue
        if 2 <= len(line) <= max_chars and _COLUMN_NAME.match(line):
            names.append(i)
            continue
        if (names and len(line) > max_chars and not line.startswith(_SUBTITLE_DASHES)
                and not any(ch in sentence_ends for ch in line)):
            marked = set(names)
            return [(text, True) if k in marked else (text, f) for k, (text, f) in enumerate(lines)]
        break
    return lines


# A site's banner often gives its name in Chinese and, on the next line, the same name in
# pinyin run together (某某县人民代表大会常务委员会 / Moumouxianrenmindaibiaodahui…).
_ROMANISED = re.compile(r"^[A-Za-z]{12,}$")
_BANNER_NAME = re.compile(f"^[{CJK_BASIC}]{{4,30}}$")


def _romanised_banner(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Mark as furniture a site's name in Chinese characters when the next line is its
    transliteration: one word of Latin letters, two to six letters for each character of
    the name (a pinyin syllable's length). Both lines are the banner, no report text.
    One pass over the lines: linear."""
    out = list(lines)
    for i in range(1, len(out)):
        line = out[i][0].replace(" ", "")
        if not _ROMANISED.match(line):
            continue
        name = out[i - 1][0]
        if _BANNER_NAME.match(name) and 2 * len(name) <= len(line) <= 6 * len(name):
            out[i - 1] = (name, True)
            out[i] = (out[i][0], True)
    return out


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
        nav_long_items=(int(furniture.get("nav_menu_long_items", 0)),
                        int(furniture.get("nav_menu_long_item_max_chars", 0))),
        nav_block_lines=int(furniture.get("nav_menu_block_lines", 0) or 0),
        max_len=int(furniture.get("max_line_chars", 100)),
        salutation=_salutation_rule(tuple(furniture.get("salutations", []) or []),
                                    int(furniture.get("salutation_headline_max_chars", 80)),
                                    punctuation, marks.enumeration_commas + marks.commas, marks.colons),
        inline=[re.compile(p) for p in furniture.get("inline_patterns", []) or []],
        inline_gate=char_gate(furniture.get("inline_patterns", []) or []),
        related=_related_list_rule(tuple(furniture.get("related_list_headings", []) or []),
                                   tuple(furniture.get("related_item_debris", []) or []),
                                   str(furniture.get("related_item_not_start", "") or ""),
                                   int(furniture.get("related_item_max_chars", 50)),
                                   int(furniture.get("related_list_min_items", 2)),
                                   marks.sentence_ends,
                                   int(furniture.get("related_tail_min_items", 0)),
                                   int(furniture.get("related_teaser_min_items", 0) or 0)),
        title_lines=int(furniture.get("title_repeat_lines", 0) or 0),
        repeat_max=int(furniture.get("repeated_line_max_chars", 0) or 0),
        repeat_min_han=int(furniture.get("repeated_line_min_han", 0) or 0),
        title_separators=str(furniture.get("title_site_separators", "") or ""),
        sentence_ends=marks.sentence_ends,
        breadcrumb_separators=str(furniture.get("breadcrumb_separators", "") or ""),
        breadcrumb_item_max=int(furniture.get("breadcrumb_item_max_chars", 10)),
        leading_column_max=int(furniture.get("leading_column_max_chars", 0) or 0),
        original_title=_label_rule(tuple(str(x) for x in furniture.get("original_title_labels", []) or [] if x),
                                   marks.colons),
        original_similarity=float(furniture.get("original_title_similarity", 1.0) or 1.0),
        original_heads=int(furniture.get("original_title_heads", 8) or 8),
    )


def _label_rule(labels: tuple[str, ...], colons: str) -> re.Pattern | None:
    """The pattern of a line that opens with one of ``labels`` and a colon; None without labels."""
    if not labels:
        return None
    return re.compile(rf"^\s*(?:{alternation(labels)})\s*{char_class(colons)}")


def _original_title(lines: list[tuple[str, bool]], labelled: set[int], label: re.Pattern, similarity: float,
                    max_len: int, sentence_ends: str, heads_max: int) -> list[tuple[str, bool]]:
    """A reprint's original headline (原标题：…, the lines at ``labelled``), kept as text unless
    it repeats the page's headline: it is furniture when one of the first ``heads_max`` other
    lines kept that are headline-like (at most ``max_len`` characters, no sentence end) is like
    the text after the label by at least ``similarity`` (:class:`difflib.SequenceMatcher` ratio,
    whitespace removed). The page's headline stands among its first lines; comparing with a
    bounded number of them keeps the rule linear in the page (each comparison is of two lines
    of at most ``max_len`` characters)."""
    if not labelled:
        return lines
    heads = [_squash(line) for i, (line, is_furniture) in enumerate(lines)
             if not is_furniture and i not in labelled and len(line) <= max_len
             and not any(c in sentence_ends for c in line)][:heads_max]
    out = list(lines)
    for i in sorted(labelled):
        line = out[i][0]
        m = label.match(line)
        title = _squash(line[m.end():]) if m else ""
        if not title or any(difflib.SequenceMatcher(None, title, h, autojunk=False).ratio() >= similarity
                            for h in heads if h):
            out[i] = (line, True)
    return out


def _repeated_title(lines: list[tuple[str, bool]], first: int, max_len: int,
                    separators: str, sentence_ends: str) -> list[tuple[str, bool]]:
    """A saved page's ``<title>`` line that repeats its headline, marked as furniture.

    Among the first ``first`` lines that are no furniture, a line (of at most
    ``max_len`` characters, no sentence end: a headline) that repeats a later one -- equal to it, or it and the
    site's name joined by a separator (:func:`_title_repeats`) -- is the title: the
    headline is coded once, where it stands as the headline.
    """
    head = [i for i, (_, is_furniture) in enumerate(lines) if not is_furniture][:first]
    if len(head) < 2:
        return lines
    out = list(lines)
    for k, i in enumerate(head):
        line = out[i][0]
        if len(line) <= max_len and not any(c in sentence_ends for c in line) and any(_title_repeats(line, [out[j][0]], separators) for j in head[k + 1:]):
            out[i] = (line, True)
    return out


_HAN = re.compile(f"[{CJK}]")


def _repeated_lines(lines: list[tuple[str, bool]], max_len: int, min_han: int,
                    separators: str) -> list[tuple[str, bool]]:
    """Later copies of the page's headline, marked as furniture: aggregator and saved pages
    repeat the headline around pictures and in side columns, and the report is read once.
    The headline is the first line kept (at most ``max_len`` characters, at least
    ``min_han`` Chinese characters); a later line is a copy when it is the headline word for
    word, or the headline is it with the site's name or a tag joined by a separator
    (:func:`_title_repeats`). Other repeated lines stay (a report may say a sentence twice)."""
    kept = [i for i, (_, is_furniture) in enumerate(lines) if not is_furniture]
    if not kept:
        return lines
    headline = lines[kept[0]][0]
    if len(headline) > max_len or len(_HAN.findall(headline)) < min_han:
        return lines
    out = list(lines)
    for i in kept[1:]:
        line = out[i][0]
        if len(line) <= max_len and len(_HAN.findall(line)) >= min_han and _title_repeats(headline, [line], separators):
            out[i] = (line, True)
    return out


def _strip_inline(line: str, inline: list[re.Pattern]) -> str:
    """``line`` with what each inline pattern matches removed, in turn (stripped after each)."""
    for rule in inline:
        line = rule.sub("", line).strip()
    return line


def _strip_inline_gated(line: str, inline: list[re.Pattern], gate: re.Pattern | None) -> str:
    """:func:`_strip_inline`, faster: a line holding none of the characters every inline
    match needs (``gate``, :func:`congress_lib.fastpath.char_gate`) is left as it is (stripped),
    which is what each pattern in turn, finding nothing, leaves of it."""
    if gate is not None and inline and gate.search(line) is None:
        return line.strip()
    return _strip_inline(line, inline)


def clean_text(text: str, lexicon: Lexicon | None = None, *, html: bool | None = None) -> Cleaned:
    """Clean decoded text: HTML → text, t2s, width folding, furniture removal.

    Returns the cleaned text with lines stripped and blank lines collapsed, and the
    removed furniture lines in page order (a page's repeated ``<title>``, each line
    matched by a line pattern or a navigation menu, each line that the inline
    patterns leave nothing of, and the heading and items of related-article lists).
    ``html`` says whether ``text`` is HTML markup; None (the default) tells by
    looking (:func:`looks_like_html`). Text a reader already took out of a page,
    a PDF or a Word file is passed with ``html=False``.
    """
    lexicon = lexicon or load_lexicon()
    furniture_lex = lexicon["furniture"]
    was_html = looks_like_html(text) if html is None else html
    removed: list[str] = []
    if was_html:
        text, dropped_title = _html_to_text(text, str(furniture_lex.get("title_site_separators", "") or ""))
        removed.extend(dropped_title)
    folded = strip_pinyin(fold_width(text))
    simplified = to_simplified(folded)
    if not was_html:
        simplified = layout_columns(simplified)
    script = _script_of(folded, simplified)
    rules = compiled(lexicon, "ingest.cleaning", lambda: _cleaning_rules(lexicon))
    matches_rule, nav_punct, salutation, inline = rules.matches, rules.nav_punct, rules.salutation, rules.inline
    min_items, max_len = rules.nav_min_items, rules.max_len
    # Each line with its verdict (True: furniture), in page order; related-article
    # lists are a rule over consecutive lines, applied to the verdicts afterwards.
    lines: list[tuple[str, bool]] = []
    labelled: set[int] = set()  # lines that open with an original-headline label (原标题：)
    for raw_line in simplified.split("\n"):
        stripped = raw_line.strip()
        if not stripped:
            continue
        for line in split_fused_headline(stripped, salutation):
            if rules.original_title is not None and rules.original_title.match(line):
                labelled.add(len(lines))  # (furniture or text: decided once the headline is known)
                lines.append((line, False))
                continue
            if len(line) <= max_len and (
                matches_rule(line) or _is_nav_menu(line, min_items, nav_punct, rules.nav_long_items)
            ):
                lines.append((line, True))
                continue
            original = line
            line = _strip_inline_gated(line, inline, rules.inline_gate)
            lines.append((line, False) if line else (original, True))
    lines = _menu_blocks(lines, rules.nav_block_lines, min_items, nav_punct, rules.nav_long_items)
    lines = _romanised_banner(lines)
    related = rules.related
    if related is not None:
        lines = related(lines)
    lines = _breadcrumb_columns(lines, rules.breadcrumb_separators, rules.breadcrumb_item_max)
    lines = _leading_columns(lines, rules.leading_column_max, rules.sentence_ends)
    if rules.title_lines:
        lines = _repeated_title(lines, rules.title_lines, max_len, rules.title_separators, rules.sentence_ends)
    if rules.repeat_max:
        lines = _repeated_lines(lines, rules.repeat_max, rules.repeat_min_han, rules.title_separators)
    if labelled:
        lines = _original_title(lines, labelled, rules.original_title, rules.original_similarity, max_len,
                                rules.sentence_ends, rules.original_heads)
    kept = [line for line, is_furniture in lines if not is_furniture]
    removed.extend(line for line, is_furniture in lines if is_furniture)
    return Cleaned(text="\n".join(kept), script=script, was_html=was_html, furniture=removed)


# --- reading a file: text, web page, PDF, Word ----------------------------------------

#: The formats a document is read from (``documents.format``).
FORMATS = ("txt", "html", "pdf", "docx")

#: A PDF of more pages than this is rejected unread (the reason says so): a report has a
#: few dozen pages at most, and reading a PDF costs time in its number of pages.
MAX_PDF_PAGES = 500

#: A Word file whose parts unpack to more than this many MB (10^6 bytes) is rejected
#: unread: a report's text is a few hundred KB, and the bound keeps a ZIP bomb out.
MAX_UNZIPPED_MB = 200.0

#: File name endings read as web pages (:func:`format_of_name`).
_HTML_NAMES = (".html", ".htm")

_TO_TXT = "save its text as a UTF-8 .txt file and add that instead"


@dataclass
class Read:
    """What :func:`read_document` makes of one file.

    ``cleaned`` is the cleaned text (what every offset indexes) with the removed
    furniture lines; ``raw_text`` the text as read, before cleaning (for a web page
    its HTML source); ``format`` one of :data:`FORMATS`; ``encoding`` the encoding
    of a text file or web page (empty for PDF and Word files, whose text is
    Unicode inside the file); ``title`` and ``date`` (``YYYY-MM-DD``) those the page
    states about itself (web pages only; empty when not found).
    """

    cleaned: Cleaned
    raw_text: str
    format: str
    encoding: str
    title: str = ""
    date: str = ""


def format_of_name(name: str) -> str:
    """The format a file's name announces: ``"html"`` for ``.html``/``.htm``, else ``""``
    (the bytes tell: a PDF, a Word file or text)."""
    return "html" if name.lower().endswith(_HTML_NAMES) else ""


def container_format(data: bytes) -> str | None:
    """``"pdf"`` or ``"docx"`` when the bytes are a PDF or a Word .docx file; None otherwise."""
    if data[:64].lstrip()[:5] == b"%PDF-":  # (readers accept a PDF header after blank lines)
        return "pdf"
    if data.startswith(_ZIP) and b"word/document.xml" in data:
        return "docx"
    return None


def read_document(data: bytes, name: str = "", lexicon: Lexicon | None = None, *,
                  format: str | None = None) -> Read:
    """Read one file's bytes into cleaned text, or raise :class:`RejectReason`.

    The bytes tell a PDF (its text layer, :func:`pdf_text`) and a Word .docx file
    (:func:`docx_text`) apart from text; text is decoded strictly
    (:func:`decode_bytes`). A text file named ``.html``/``.htm`` (or ``format="html"``)
    that holds markup is a web page: its main text is taken by trafilatura
    (:func:`_page_text`). Everything is then cleaned by :func:`clean_text`: HTML saved
    under another name (e.g. ``.txt``) keeps the line-based cleaning of the whole page.
    """
    lexicon = lexicon or load_lexicon()
    if not data or not data.strip(b" \t\r\n\x00"):
        raise RejectReason("empty file: it holds no text")
    container = container_format(data)
    if container == "pdf":
        text, furniture = pdf_text(data)
        cleaned = clean_text(text, lexicon, html=False)
        cleaned.furniture[:0] = furniture
        return Read(cleaned, text, "pdf", "")
    if container == "docx":
        text = docx_text(data)
        return Read(clean_text(text, lexicon, html=False), text, "docx", "")
    decoded = decode_bytes(data)
    if (format or format_of_name(name)) == "html" and looks_like_html(decoded.text):
        cleaned, title, date = _page_text(decoded.text, lexicon)
        return Read(cleaned, decoded.text, "html", decoded.encoding, title, date)
    return Read(clean_text(decoded.text, lexicon), decoded.text, "txt", decoded.encoding)


# --- web pages ----------------------------------------------------------------------

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _headline_of(title: str, separators: str) -> str:
    """The headline in a page title that joins it to the site's name (标题_某某人大网,
    某某人大网 | 标题): the longest part between separators (``title_site_separators`` of
    furniture.yaml; a hyphen only with spaces around it, as 2023-2024 holds one)."""
    if not title or not separators:
        return title
    dashes = "".join(c for c in separators if c in "-－—–")
    others = "".join(c for c in separators if c not in dashes)
    pattern = "|".join(p for p in (rf"\s+{char_class(dashes)}\s+" if dashes else "",
                                   char_class(others) if others else "") if p)
    parts = [part.strip() for part in re.split(pattern, title) if part.strip()]
    longest = max(parts, key=len) if parts else title
    return longest if len(parts) > 1 and len(longest) >= 4 else title


def _page_text(page: str, lexicon: Lexicon) -> tuple[Cleaned, str, str]:
    """A web page's main text, cleaned, with its title and date: ``(cleaned, title, date)``.

    trafilatura (given the page's text: it fetches nothing) keeps the article and
    drops navigation, footers, share widgets, comments and related-article lists;
    its headline, which it leaves out of the text, is put back as the first line.
    The page is also cleaned whole, as HTML saved as text is (:func:`clean_text`):
    that is the text when trafilatura finds none, and otherwise tells the removed
    lines (the furniture: the publisher's and date line among them). The date is
    one the page's markup states (meta tags, ``<time>``, JSON-LD), not one guessed
    from its text.
    """
    whole = clean_text(page, lexicon, html=True)  # (raises for pages nested too deeply)
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
            include_links=False, deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception:  # (a parser failure on odd markup: the whole-page text stands)
        doc = None
    main = (getattr(doc, "text", None) or "").strip()
    title = _headline_of(" ".join((getattr(doc, "title", None) or "").split()),
                         str(lexicon["furniture"].get("title_site_separators", "") or ""))
    date = getattr(doc, "date", None) or ""
    date = date if _ISO_DATE.fullmatch(date) else ""
    if not main:
        return whole, title, date
    if title and title not in main.split("\n", 2)[:2]:
        main = title + "\n" + main
    cleaned = clean_text(main, lexicon, html=False)
    kept = set(cleaned.text.split("\n"))
    dropped = [line for line in whole.text.split("\n") if line not in kept]
    known = set(whole.furniture)
    cleaned.furniture = whole.furniture + dropped + [line for line in cleaned.furniture if line not in known]
    cleaned.was_html = True
    return cleaned, title, date


# --- Word .docx ---------------------------------------------------------------------


def _corrupt(kind: str, exc: BaseException) -> RejectReason:
    detail = " ".join(str(exc).split())[:200] or type(exc).__name__
    return RejectReason(f"corrupt {kind}: {detail}; open it and save it again, or {_TO_TXT}")


def docx_text(data: bytes) -> str:
    """The text of a Word .docx file (python-docx): the body's paragraphs and tables in
    document order, a table row by row (one line per row, its cells joined by tabs, a
    merged cell once). Headers, footers, footnotes, comments and text boxes are not read.

    Raises :class:`RejectReason` for a damaged file, and for one whose parts unpack to
    more than :data:`MAX_UNZIPPED_MB` (a ZIP bomb).
    """
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise _corrupt("Word document (.docx)", exc) from None
    if unpacked > MAX_UNZIPPED_MB * 1_000_000:
        raise RejectReason(f"Word document (.docx) too large unpacked ({unpacked / 1e6:.0f} MB > "
                           f"{MAX_UNZIPPED_MB:g} MB limit): a report's text is far smaller; {_TO_TXT}")
    try:
        import docx
        from docx.oxml.ns import qn
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        p_tag, tbl_tag, sdt_tag, content_tag = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")

        def walk(element, parent) -> None:
            for child in element.iterchildren():
                if child.tag == p_tag:
                    lines.append(Paragraph(child, parent).text)
                elif child.tag == tbl_tag:
                    for row in Table(child, parent).rows:
                        seen, cells = set(), []
                        for cell in row.cells:
                            if cell._tc in seen:  # (a merged cell is listed once per grid column)
                                continue
                            seen.add(cell._tc)
                            cells.append(" ".join(cell.text.split()))
                        lines.append("\t".join(c for c in cells if c))
                elif child.tag == sdt_tag:  # a content control: its content in place
                    content = child.find(content_tag)
                    if content is not None:
                        walk(content, parent)

        walk(document.element.body, document)
    except RejectReason:
        raise
    except Exception as exc:  # (whatever a damaged package raises: a reason, never a traceback)
        raise _corrupt("Word document (.docx)", exc) from None
    text = "\n".join(lines)
    if not text.strip():
        raise RejectReason("empty Word document (.docx): it holds no text in its body")
    return text


# --- PDF ----------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^[\s\-—–·•]*(?:第\s*)?\d{1,4}\s*页?\s*(?:[/／]\s*(?:共\s*)?\d{1,4}\s*页?)?[\s\-—–·•]*$"
                          r"|^[\s\-—–]*(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?[\s\-—–]*$", re.I)
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


class _Line(NamedTuple):
    text: str
    open_end: bool  # reaches its column's right edge: the paragraph may go on in the next line
    indented: bool  # starts right of its column's left edge: a paragraph's first line


def pdf_text(data: bytes, max_pages: int | None = None) -> tuple[str, list[str]]:
    """The text layer of a PDF (pdfplumber), in reading order: ``(text, furniture lines)``.

    On each page, columns are found as vertical gutters that the page's lines do not
    cross (:func:`_gutters`); lines that cross them (a title over two columns) stand
    where they are, and between them each column is read whole before the next. A
    line that runs to its column's right edge goes on in the next line of text
    unless that is indented (a new paragraph), also into the next column or page;
    lines are joined without a space between Chinese characters. Page numbers and
    running headers and footers (the same first or last line on most pages) are
    furniture. Tables come out row by row as lines (cells joined by spaces), unless
    a page is mostly a table, whose columns may read as text columns.

    Raises :class:`RejectReason` for an encrypted or damaged PDF, one of more than
    ``max_pages`` pages (default :data:`MAX_PDF_PAGES`), and one without a text layer
    (``no text layer (scanned?)``).
    """
    import io

    max_pages = MAX_PDF_PAGES if max_pages is None else max_pages

    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        raise _pdf_error(exc) from None
    pages: list[list[_Line]] = []
    n_chars = n_cid = 0
    with pdf:
        from pdfminer.pdfpage import PDFPage

        try:
            # Counted by walking the page tree up to the limit: a file that declares a million
            # pages is refused before any page object is made.
            n_pages = 0
            for _ in PDFPage.create_pages(pdf.doc):
                n_pages += 1
                if n_pages > max_pages:
                    raise RejectReason(f"too many pages (more than {max_pages}, the page limit for a PDF): "
                                       f"split the report, or {_TO_TXT}")
            pages_of = pdf.pages
        except RejectReason:
            raise
        except Exception as exc:
            raise _pdf_error(exc) from None
        for page in pages_of:
            try:
                chars = [c for c in page.dedupe_chars(tolerance=1).chars if c["text"].strip()]
            except Exception as exc:
                raise _pdf_error(exc) from None
            finally:
                page.close()
            n_chars += len(chars)
            n_cid += sum(1 for c in chars if c["text"].startswith("(cid:"))
            pages.append(_page_lines(chars))
    if n_chars < 10:
        raise RejectReason(f"no text layer (scanned?): the PDF's {n_pages} page(s) hold no text, only images "
                           "or drawings; OCR it (e.g. `ocrmypdf --language chi_sim`) or " + _TO_TXT)
    if n_cid > n_chars / 2:
        raise RejectReason("no text layer (scanned?): its fonts map no characters to Unicode (cid codes only); "
                           "OCR it or " + _TO_TXT)
    return _join_pages(pages)


def _pdf_error(exc: BaseException) -> RejectReason:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc  # (pdfplumber wraps)
    names = {type(inner).__name__, type(exc).__name__}
    if names & {"PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"}:
        return RejectReason("encrypted PDF: it needs a password to open; save an unprotected copy, or " + _TO_TXT)
    return _corrupt("PDF", inner)


def _rows(chars: list[dict]) -> list[list[dict]]:
    """Characters grouped into rows (top to bottom) by their top edge."""
    rows: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if rows and c["top"] - rows[-1][0]["top"] <= max(1.0, 0.4 * rows[-1][0]["size"]):
            rows[-1].append(c)
        else:
            rows.append([c])
    return rows


def _gutters(rows: list[list[dict]], size: float) -> list[tuple[float, float]]:
    """Vertical gutters between text columns: x ranges at least ``size / 2`` wide (3 pt or
    more) where at least 2 rows have a hole (text on both sides, none in between) and the
    rows that cross are at most a quarter as many (or at most 2: a title, a page number)."""
    import math

    import numpy as np

    lo = math.floor(min(c["x0"] for row in rows for c in row))
    hi = math.ceil(max(c["x1"] for row in rows for c in row))
    width = hi - lo
    if width < 10 or len(rows) < 4:
        return []
    cover = np.zeros((len(rows), width), dtype=bool)
    for r, row in enumerate(rows):
        for c in row:
            a, b = math.floor(c["x0"] + 0.5) - lo, math.ceil(c["x1"] - 0.5) - lo
            if b > a:
                cover[r, a:b] = True
    crossing = cover.sum(axis=0)
    xs = np.arange(width) + lo
    first_end = np.array([min(c["x1"] for c in row) for row in rows])
    last_start = np.array([max(c["x0"] for c in row) for row in rows])
    # rows with a hole here: text on both sides, none in between
    holes = ((first_end[:, None] <= xs[None, :]) & (last_start[:, None] >= xs[None, :] + 1) & ~cover).sum(axis=0)
    free = (holes >= 2) & (crossing <= np.maximum(2, holes // 4))
    gutters, start = [], None
    for x, ok in zip(xs.tolist() + [hi], free.tolist() + [False]):
        if ok and start is None:
            start = x
        elif not ok and start is not None:
            if x - start >= max(3.0, size / 2):
                gutters.append((float(start), float(x)))
            start = None
    return gutters


def _line_text(chars: list[dict]) -> str:
    """One line's characters left to right; a space where a gap parts Latin letters or digits."""
    out: list[str] = []
    prev = None
    for c in sorted(chars, key=lambda c: c["x0"]):
        if prev is not None and c["x0"] - prev["x1"] > 0.25 * c["size"] \
                and (_ASCII_WORD.match(prev["text"][-1]) or _ASCII_WORD.match(c["text"][0])):
            out.append(" ")
        out.append(c["text"])
        prev = c
    return "".join(out)


#: What a paragraph's last line ends with (a line that ends otherwise, nearly at the column's
#: right edge, goes on in the next line: text set unjustified, or with half-width digits).
_PARAGRAPH_ENDS = frozenset("。！？；：…”’」』）)!?;:")


def _column_lines(rows: list[list[dict]]) -> list[_Line]:
    """The lines of one column block (rows of characters), with their paragraph marks: a line
    is open at its end when it reaches the right edge (within 2 characters; within 5 when it
    does not end like a paragraph), indented when it starts half a character or more right of
    the left edge."""
    boxes = [(min(c["x0"] for c in row), max(c["x1"] for c in row), row) for row in rows if row]
    last = [max(row, key=lambda c: c["x1"])["text"][-1:] for _, _, row in boxes]
    if not boxes:
        return []
    left, right = min(b[0] for b in boxes), max(b[1] for b in boxes)
    size = sorted(c["size"] for row in rows for c in row)[sum(map(len, rows)) // 2]
    # (a line joins the next only in a column of 2 lines or more, 10 characters wide or more)
    wide = len(boxes) >= 2 and right - left >= 10 * size
    return [_Line(_line_text(row), wide and (x1 >= right - 2 * size or (
        x1 >= right - 5 * size and end not in _PARAGRAPH_ENDS)), x0 > left + 0.5 * size)
        for (x0, x1, row), end in zip(boxes, last)]


def _page_lines(chars: list[dict]) -> list[_Line]:
    """A page's lines in reading order (see :func:`pdf_text`)."""
    if not chars:
        return []
    size = sorted(c["size"] for c in chars)[len(chars) // 2]
    rows = _rows(chars)
    gutters = _gutters(rows, size)
    if not gutters:
        return _column_lines(rows)
    bounds = [(a + b) / 2 for a, b in gutters]
    lines: list[_Line] = []
    block: list[list[dict]] = []

    def flush() -> None:
        for k in range(len(bounds) + 1):
            lo = bounds[k - 1] if k else float("-inf")
            hi = bounds[k] if k < len(bounds) else float("inf")
            column = [[c for c in row if lo <= (c["x0"] + c["x1"]) / 2 < hi] for row in block]
            lines.extend(_column_lines([row for row in column if row]))
        block.clear()

    for row in rows:
        if any(c["x0"] < b - 0.5 and c["x1"] > a + 0.5 for c in row for a, b in gutters):
            flush()
            lines.append(_Line(_line_text(row), False, False))
        else:
            block.append(row)
    flush()
    return lines


def _join_pages(pages: list[list[_Line]]) -> tuple[str, list[str]]:
    """The pages' lines as one text, furniture out and wrapped lines joined; and the furniture."""
    furniture: list[str] = []
    n = len(pages)
    running: set[str] = set()
    if n >= 3:  # running headers and footers: the same first or last line (digits aside) on most pages
        from collections import Counter

        counts = Counter()
        for lines in pages:
            ends = {re.sub(r"\d+", "#", line.text) for line in (lines[:1] + lines[-1:])}
            counts.update(ends)
        running = {text for text, k in counts.items() if k >= max(3, n / 2)}
    kept: list[_Line] = []
    for lines in pages:
        for i, line in enumerate(lines):
            edge = i < 2 or i >= len(lines) - 2
            if (edge and _PAGE_NUMBER.match(line.text)) or \
                    ((i == 0 or i == len(lines) - 1) and re.sub(r"\d+", "#", line.text) in running):
                furniture.append(line.text)
            else:
                kept.append(line)
    return "\n".join(_join_lines(kept)), furniture


def _join_lines(lines: list[_Line]) -> list[str]:
    """Lines with their paragraph marks as paragraphs: a line open at its end goes on in the
    next one unless that is indented (no space between Chinese characters)."""
    out: list[list[str]] = []  # each paragraph's pieces (joined once: linear in its length)
    joining = False
    for line in lines:
        if joining and not line.indented and out:
            prev = out[-1][-1]
            a, b = prev[-1:], line.text[:1]  # (a space between words, none in a number cut in two)
            if _ASCII_WORD.match(a) and _ASCII_WORD.match(b) and (a + b).isalpha():
                out[-1].append(" ")
            out[-1].append(line.text)
        else:
            out.append([line.text])
        joining = line.open_end
    return ["".join(pieces) for pieces in out]


# --- text laid out in columns (pdftotext -layout) ----------------------------------------

#: Text runs of a line: what a gap of 4 spaces or more parts (a name spaced 谢 恩, a
#: number spaced 14. 2% stay one run).
_LAYOUT_RUN = re.compile(r"[^ ]+(?: {1,3}[^ ]+)*")
_LAYOUT_REACH = 4  # lines (blank ones too) from one line with a gap to the next of its block
_LAYOUT_MIN_LINES = 3  # runs that start a column (after a gap), at least, at one position
_LAYOUT_SLACK = 2  # characters a column's left edge may wander (half-width digits, brackets)
_LAYOUT_MIN_WIDTH = 8  # characters: a column is this wide at least (its runs' median), and
#                        columns start this far apart; table cells are narrower
_LAYOUT_MAX_COLUMNS = 4
_LAYOUT_CLAUSE = re.compile(f"[{CJK}][^ ]*[，。；、,;]")  # prose, not a table's cells


def layout_columns(text: str) -> str:
    """Text laid out in columns side by side (``pdftotext -layout``) in reading order.

    A block of column layout is a stretch of lines in which at least
    :data:`_LAYOUT_MIN_LINES` runs of text start at one position (within
    :data:`_LAYOUT_SLACK` characters) after a gap of 4 spaces or more, lines with such
    a gap following each other within :data:`_LAYOUT_REACH` lines; the lines next to
    it whose runs all start at its columns belong to it. Each column must read as
    prose (runs :data:`_LAYOUT_MIN_WIDTH` characters wide or more at the median, a
    clause mark after Chinese text): a table laid out with spaces is no column layout.
    Each line of the block is cut into its columns, and each column is read whole
    before the next, its lines joined into paragraphs as a PDF's are
    (:func:`_join_lines`: a line that reaches the column's right edge, within 2
    characters, or 5 when it starts at the left edge and does not end like a paragraph,
    goes on in the column's next line unless that is indented or a blank line parts
    them). A block with a line that crosses a column's edge is left as it is (the lines
    next to it join it only when they fit its columns), and so is everything else: spaced
    names and numbers, a centred headline, an indented line, a lone line with a gap.
    Time is linear in the text (each line is cut into runs once).
    """
    if "    " not in text:
        return text
    lines = text.split("\n")
    runs = [[(m.start(), m.end()) for m in _LAYOUT_RUN.finditer(line.expandtabs(8) if "\t" in line else line)]
            if "    " in line or "\t" in line else None for line in lines]
    gapped = [i for i, r in enumerate(runs) if r is not None and len(r) >= 2]
    if len(gapped) < 2:
        return text
    out: list[str] = []
    done = seen = 0  # lines up to `done` are in `out`; blocks were tried up to `seen`
    k = 0
    while k < len(gapped):
        first = k
        while k + 1 < len(gapped) and gapped[k + 1] - gapped[k] <= _LAYOUT_REACH:
            k += 1
        lo, hi = gapped[first], gapped[k] + 1
        k += 1
        if k - first < 2 or lo < seen:  # (a block tried already took these lines in)
            continue
        block = _layout_block(lines, runs, lo, hi, seen)
        if block is None:
            continue
        lo, seen, joined = block
        if joined is not None:
            out.extend(lines[done:lo])
            out.extend(joined)
            done = seen
    if not done:
        return text
    out.extend(lines[done:])
    return "\n".join(out)


def _line_runs(lines: list[str], runs: list, i: int) -> list[tuple[int, int]]:
    if runs[i] is None:
        line = lines[i]
        stripped = line.lstrip(" ")
        runs[i] = [(len(line) - len(stripped), len(line.rstrip()))] if stripped.strip() else []
    return runs[i]


def _crosses(start: int, end: int, bounds: list[int]) -> bool:
    """Whether a run of text reaches over the left edge of the column after its own."""
    c = sum(1 for b in bounds if start + _LAYOUT_SLACK >= b)
    return c < len(bounds) and end > bounds[c] + _LAYOUT_SLACK


def _layout_block(lines: list[str], runs: list, lo: int, hi: int, floor: int):
    """The block of lines ``lo:hi``, grown by the lines next to it that fit its columns (not
    above line ``floor``), read column by column: ``(lo, hi, lines)`` of the grown block,
    ``lines`` None when it is no column layout; None when no column starts in it. (Each line
    is looked at by at most two blocks: linear time.)"""
    starts = sorted(s for i in range(lo, hi) for s, _ in _line_runs(lines, runs, i)[1:])
    bounds: list[int] = []
    j = 0
    while j < len(starts):
        m = j
        while m + 1 < len(starts) and starts[m + 1] - starts[m] <= _LAYOUT_SLACK:
            m += 1
        if m - j + 1 >= _LAYOUT_MIN_LINES and (not bounds or starts[j] - bounds[-1] >= _LAYOUT_MIN_WIDTH):
            bounds.append(starts[j])
        j = m + 1
    if not bounds or len(bounds) >= _LAYOUT_MAX_COLUMNS:
        return None
    left = min(s for i in range(lo, hi) for s, _ in _line_runs(lines, runs, i)[:1])
    edges = [left] + bounds

    def fits(i: int) -> bool:  # a line next to the block whose runs all start at its columns, within them
        r = _line_runs(lines, runs, i)
        return bool(r) and all(any(abs(s - e) <= _LAYOUT_SLACK for e in edges) and not _crosses(s, e, bounds)
                               for s, e in r)

    while lo > floor and fits(lo - 1):
        lo -= 1
    while hi < len(lines) and fits(hi):
        hi += 1
    columns: list[list[tuple[int, int, str]]] = [[] for _ in edges]
    for i in range(lo, hi):
        line = lines[i].expandtabs(8) if "\t" in lines[i] else lines[i]
        for s, e in _line_runs(lines, runs, i):
            if _crosses(s, e, bounds):
                return lo, hi, None  # a run over a column's edge: not the layout of this block
            c = sum(1 for b in bounds if s + _LAYOUT_SLACK >= b)
            column = columns[c]
            if column and column[-1][3] == i:  # two runs of one column on a line (a byline)
                column[-1] = (column[-1][0], e, column[-1][2] + " " + line[s:e], i, column[-1][4])
            else:
                column.append((s, e, line[s:e], i, e))
    for column in columns:
        widths = sorted(e - s for s, e, _, _, _ in column)
        if not widths or widths[len(widths) // 2] < _LAYOUT_MIN_WIDTH \
                or not any(_LAYOUT_CLAUSE.search(t) for _, _, t, _, _ in column):
            return lo, hi, None
    out: list[str] = []
    for column in columns:
        edge = min(s for s, _, _, _, _ in column)
        # the right edge: the upper quartile of the lines' ends (of their first runs: a byline
        # may stand out to the right)
        ends = sorted(first for _, _, t, _, first in column if _HAN.search(t))
        right = ends[len(ends) * 3 // 4] if ends else 0
        paragraph = [
            _Line(t, len(column) >= 2 and bool(_HAN.search(t)) and (
                e >= right - 2 or (e >= right - 5 and s == edge and t[-1] not in _PARAGRAPH_ENDS)),
                s > edge or not _HAN.search(t) or (k > 0 and not all(lines[j].strip() for j in range(column[k - 1][3], i))))
            for k, (s, e, t, i, _) in enumerate(column)]
        out.extend(_join_lines(paragraph))
    return lo, hi, out
