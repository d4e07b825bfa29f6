"""Per-document processing: one file in, every table's rows for it out.

:func:`process_document` is a pure function of a file's bytes, its metadata row
and the lexicon. It is what every engine maps over the corpus (serial,
processes, dask) and what the on-disk cache stores, so adding one report only
processes that report.

The result is a :class:`DocResult` holding, per table of :mod:`congress_lib.schema`
(the extracted tables and those derived from them per document), a list of row
tuples in the table's column order (tuples are several times smaller and faster
to build, pickle and turn into DataFrames than dicts), or a reject reason.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from . import learned
from .ingest import RejectReason, read_document
from .jurisdiction import Jurisdiction
from .places import place_of
from .resources import Lexicon, compiled
from .schema import EXTRACTED, column_index, derive_rows
from .text import CJK_BASIC, alternation, char_class, split_sentences

__all__ = ["DocResult", "process_document", "find_units"]

#: Position of ``path`` in a documents row (a cached result is re-pathed on reuse).
DOC_PATH = column_index("documents", "path")

_DATE_IN_PAGE = re.compile(r"(20\d{2}|19\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})")


@dataclass
class DocResult:
    """What :func:`process_document` makes of one file.

    ``tables`` maps each table name of :mod:`congress_lib.schema` (extracted and
    derived) to the document's rows, tuples in the table's column order.
    ``rendered`` is what a renderer made of the document in the worker (the build
    command's is :class:`congress_lib.output.Rendered`: its CSV pieces, network
    evidence and node counts). Nothing below the output writer reads it: the
    runners only carry it and the cache keeps it, so that a cached document is
    never rendered again and the parent process of a build receives no rows.
    """

    doc_id: str
    path: str
    sha256: str
    reject: str | None = None
    content_hash: str = ""
    tables: dict[str, list[tuple]] = field(default_factory=dict)
    rendered: Any = None


# --- jurisdictions ----------------------------------------------------------------


def _level_of(name: str, levels: dict[str, str]) -> str:
    for suffix in sorted(levels, key=len, reverse=True):
        if name.endswith(suffix):
            return levels[suffix]
    return ""


def _heading_regex(lexicon: Lexicon) -> re.Pattern:
    """A line that is only a place name (a level suffix ends it), optionally followed by a body name."""

    def build() -> re.Pattern:
        jur = lexicon["jurisdiction"]
        suffixes, bodies = alternation(jur["levels"]), alternation(jur["heading_bodies"])
        return re.compile(rf"^(?P<place>[{CJK_BASIC}]{{1,8}}?(?:{suffixes}))(?:{bodies})?$")

    return compiled(lexicon, "jurisdiction headings", build)


def find_units(text: str, lexicon: Lexicon) -> list[tuple[int, str]]:
    """Section headings of a round-up: ``[(offset, place), ...]``.

    A heading is a line that is only a place name (optionally followed by a
    congress body name, e.g. ``思明区人大常委会``). A document is split only when
    it has headings for at least two distinct places.
    """
    regex = _heading_regex(lexicon)
    not_places = set(lexicon["jurisdiction"]["not_places"])
    heads: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        match = regex.match(line)
        if match and match.group("place") not in not_places:
            heads.append((offset, match.group("place")))
        offset += len(line) + 1
    if len({place for _, place in heads}) < 2:
        return []
    return heads


def _place_regex(lexicon: Lexicon) -> re.Pattern:
    """A county-level place name before a state organ (``place_organs`` of jurisdiction.yaml)."""

    def build() -> re.Pattern:
        jur = lexicon["jurisdiction"]
        levels = jur["levels"]
        county = alternation(s for s, level in levels.items() if level == "district")
        higher = "".join(s for s, level in levels.items() if level in ("provincial", "municipal") and len(s) == 1)
        return re.compile(
            rf"(?:^|(?<=[^{CJK_BASIC}])|(?<={char_class(higher)}))"
            rf"([{CJK_BASIC}]{{2,4}}?(?:{county}))(?={alternation(jur['place_organs'])})",
            re.M,
        )

    return compiled(lexicon, "jurisdiction places", build)


def _plausible_rule(lexicon: Lexicon):
    """``plausible(name)``: a candidate county-level name is not a word that only looks like one."""
    jur = lexicon["jurisdiction"]
    not_places = set(jur["not_places"])
    stop_prefixes = tuple(jur.get("not_place_prefixes", []))
    bad_chars = set(jur.get("not_place_chars", ""))

    def plausible(name: str) -> bool:
        stem = name[:-1]
        if any(ch in bad_chars for ch in stem):
            return False
        return name not in not_places and not stem.startswith(stop_prefixes) and not stem.endswith(stop_prefixes)

    return plausible


def _subject_regex(lexicon: Lexicon) -> re.Pattern | None:
    """The words of ``opening_subjects`` (jurisdiction.yaml), longest first."""

    def build() -> re.Pattern | None:
        words = lexicon["jurisdiction"].get("opening_subjects") or {}
        return re.compile(alternation(words)) if words else None

    return compiled(lexicon, "jurisdiction opening subjects", build)


def _city_regex(lexicon: Lexicon) -> re.Pattern:
    """A city's name right before its congress (厦门市人大常委会), at the start of a line,
    after a character that is not a Chinese one, or after a province's suffix."""

    def build() -> re.Pattern:
        levels = lexicon["jurisdiction"]["levels"]
        higher = "".join(s for s, level in levels.items() if level == "provincial" and len(s) == 1)
        return re.compile(
            rf"(?:^|(?<=[^{CJK_BASIC}])|(?<={char_class(higher)}))([{CJK_BASIC}]{{2,4}}?市)(?=人大|人民代表大会)",
            re.M,
        )

    return compiled(lexicon, "jurisdiction city names", build)


def _opening(text: str, publisher: str, lexicon: Lexicon) -> str:
    """The publisher's line and the first ``opening_sentences`` sentences of ``text``."""
    n = int(lexicon["jurisdiction"].get("opening_sentences", 2))
    head = text[:2000]
    sentences = [head[a:b] for a, b in split_sentences(head, lexicon=lexicon)][:n]
    return "\n".join([publisher, *sentences]) if publisher else "\n".join(sentences)


def _citywide(text: str, publisher: str, meta: dict[str, str], counts: Counter, lexicon: Lexicon) -> bool:
    """True when a document without district sections speaks for its city (see
    ``opening_subjects`` in jurisdiction.yaml).

    The opening (publisher's line, headline and lead) holds a municipal word, no
    district word that names no district, and zero or several named districts;
    or, with a city in the metadata, the opening holds no word of either level
    and the text names two or more districts (``counts``), none in the opening.
    """
    subjects = _subject_regex(lexicon)
    if subjects is None:
        return False
    words = lexicon["jurisdiction"]["opening_subjects"]
    opening = _opening(text, publisher, lexicon)
    plausible = _plausible_rule(lexicon)
    named = [m for m in _place_regex(lexicon).finditer(opening) if plausible(m.group(1))]
    named_ends = {m.end(1) for m in named}
    municipal = bare_district = False
    for m in subjects.finditer(opening):
        level = words[m.group(0)]
        if level == "municipal":
            municipal = True
        elif level == "district" and m.start() + 1 not in named_ends:
            bare_district = True  # 区人大 / 全区 of a district speaking of itself
    if bare_district:
        return False
    n_named = len({m.group(1) for m in named})
    if municipal:
        return n_named != 1
    return bool(meta.get("city")) and n_named == 0 and len(counts) >= 2


def _full_province(province: str, city: str, jur: dict) -> tuple[str, str]:
    """The full name of a province given short (四川 → 四川省, 广西 → 广西壮族自治区: the
    ``provinces`` of jurisdiction.yaml), and the city of a municipality directly under
    the central government when the row leaves it empty (重庆 → 重庆市, 重庆市)."""
    provinces = jur.get("provinces") or {}
    full = provinces.get(province, province)
    if not city and full in provinces.values() and _level_of(full, jur["levels"]) == "municipal":
        city = full
    return full, city


def infer_jurisdiction(text: str, meta: dict[str, str], lexicon: Lexicon, publisher: str = "") -> Jurisdiction:
    """The jurisdiction of a single-jurisdiction document.

    Metadata wins (township, else district, else city, else province). Missing a district, a
    report that speaks for its whole city (its publisher's line ``publisher``,
    headline or lead names the city's congress, and no single district: see
    ``opening_subjects`` in jurisdiction.yaml) is the city's, named by the
    metadata or by the opening (厦门市人大常委会), else ``<province>某市``.
    Otherwise the most frequent county-level place name standing before a state
    organ (…区人大, …县人民政府) is taken and marked ``inferred``; a report that
    only says 全区 / 区人大 about itself gets ``<city>某区`` (an unnamed district
    of that city).
    """
    jur = lexicon["jurisdiction"]
    levels = jur["levels"]
    province, city, district = meta.get("province", ""), meta.get("city", ""), meta.get("district", "")
    province, city = _full_province(province, city, jur)
    township = meta.get("township", "")
    if township:
        return Jurisdiction(township, "township", province, city, district, "metadata", township)
    if district:
        # the district column is the county level: a county-level city there (常宁市) is a district-level
        # unit, so that 市人大常委会 in its reports is its own standing committee, not its prefecture's
        level = _level_of(district, levels)
        return Jurisdiction(district, level if level == "township" else "district", province, city, district,
                            "metadata")
    plausible = _plausible_rule(lexicon)

    # A place must be named twice, or in the first line (the title), to count.
    first_line = text.split("\n", 1)[0]
    counts = Counter(m for m in _place_regex(lexicon).findall(text) if plausible(m))
    counts = Counter({m: n for m, n in counts.items() if n >= 2 or m in first_line})
    if text and _citywide(text, publisher, meta, counts, lexicon):
        if city:
            return Jurisdiction(city, _level_of(city, levels) or "municipal", province, city, "", "metadata")
        not_places = set(jur["not_places"])
        opening = _opening(text, publisher, lexicon)
        found = [m for m in _city_regex(lexicon).findall(opening) if m not in not_places and plausible(m)]
        if found:
            return Jurisdiction(found[0], "municipal", province, found[0], "", "inferred")
        return Jurisdiction(f"{province}某市", "municipal", province, "", "", "inferred")
    if counts:
        name = _first_of_most_frequent(text, counts)
        return Jurisdiction(name, _level_of(name, levels) or "district", province, city, name, "inferred")
    self_ref = Counter()
    for word, level in jur["self_reference"].items():
        self_ref[level] += text.count(word)
    if city or province:
        if self_ref and self_ref.most_common(1)[0][1] > 0:
            level = self_ref.most_common(1)[0][0]
            if level == "district" and city:
                return Jurisdiction(f"{city}某区", "district", province, city, "", "inferred")
            if level == "township":
                return Jurisdiction(f"{city or province}某镇", "township", province, city, "", "inferred")
        name = city or province
        return Jurisdiction(name, _level_of(name, levels) or "municipal", province, city, "", "metadata")
    return Jurisdiction("", "", province, city, "", "unknown")


def _first_of_most_frequent(text: str, counts: Counter) -> str:
    """The most frequent name; among equals, the one that occurs first in ``text``
    (then the first counted).

    A few tied names are found with ``str.find``; many (a list of places) with one
    pass over the text that looks each position up in a set, so that the time
    stays linear in the text whatever the number of names.
    """
    top = max(counts.values())
    order = {name: k for k, name in enumerate(counts) if counts[name] == top}
    if len(order) == 1:
        return next(iter(order))
    if len(order) <= 8:
        return min(order, key=lambda name: (text.find(name), order[name]))
    lengths = sorted({len(name) for name in order})
    for i in range(len(text)):
        hits = [text[i:i + n] for n in lengths if text[i:i + n] in order]
        if hits:
            return min(hits, key=order.__getitem__)
    return min(order, key=order.__getitem__)  # pragma: no cover - every counted name occurs in the text


def _publisher_line(furniture: list[str], lexicon: Lexicon) -> str:
    """The first removed line that names the page's publisher (来源：…), without its label."""
    labels = lexicon["jurisdiction"].get("publisher_labels") or []
    if not labels:
        return ""
    regex = compiled(lexicon, "jurisdiction publisher labels",
                     lambda: re.compile(rf"^\s*(?:{alternation(labels)})\s*[:：]\s*(.+)$"))
    for line in furniture:
        m = regex.match(line)
        if m:
            return m.group(1).strip()
    return ""


# --- the per-document function ---------------------------------------------------------


def _extractors():
    """Import the extraction modules lazily (they compile large regexes)."""
    from . import indicators, mentions, practices, quantities

    return quantities, indicators, mentions, practices


class _Compiled:
    """The compiled extractors for one lexicon, looked up once per document.

    Each is the public component of its module (``QuantityFinder``,
    ``IndicatorClassifier``, ``MentionFinder``, ``CueFinder``), whose methods are the
    public finders (``find_quantities`` …) minus their argument checks, which a
    sentence of a cleaned document always passes; the document is folded once
    instead of once per sentence and per finder.
    """

    def __init__(self, lexicon: Lexicon):
        quantities, indicators, mentions, practices = _extractors()
        self.quantities = quantities.QuantityFinder.from_lexicon(lexicon)
        self.indicators = indicators.IndicatorClassifier.from_lexicon(lexicon)
        self.mentions = mentions.MentionFinder.from_lexicon(lexicon)
        self.practices = practices.CueFinder.from_lexicon(lexicon, "practices")
        self.formulas = practices.CueFinder.from_lexicon(lexicon, "formulas")
        self.coder = learned.CodeModel.from_lexicon(lexicon)  # (None: the rules alone)


def compiled_for(lexicon: Lexicon) -> _Compiled:
    """Compile (once per process and lexicon version) everything a document needs."""
    return compiled(lexicon, "pipeline", lambda: _Compiled(lexicon))


def _table_cell(qs: list, numbers: tuple, finder) -> tuple[list, list]:
    """The quantities of a cell of a flattened table and their codes: a bare number takes
    its column's unit (``numbers``: ``(start, end, unit, code)`` of each number of the
    cell, from :meth:`~congress_lib.quantities.QuantityFinder.flat_tables`) and code."""
    by_span = {(a, b): (unit, code) for a, b, unit, code in numbers}
    out, codes = [], []
    for q in qs:
        unit, code = by_span.get((q.start, q.end), (None, None))
        if unit is not None and q.unit in (None, unit):
            kind = finder.unit_forms.get(unit, (unit, q.kind))[1]
            q = dataclasses.replace(q, unit=unit, kind=kind)
        else:
            code = None
        out.append(q)
        codes.append(code)
    return out, codes


def process_document(doc_id: str, path: str, data: bytes, meta: dict[str, str], lexicon: Lexicon) -> DocResult:
    """Read, clean, split and extract one document.

    The file is read by :func:`~congress_lib.ingest.read_document` (text, web page,
    PDF or Word .docx: the ``format`` column); ``meta["format"]`` (set by the loader
    from the file's name, see :func:`congress_lib.corpus.prepare`) or else ``path``
    says whether text is a web page.

    Never raises for bad input: a file that cannot be used comes back with
    ``reject`` set to the reason.
    """
    sha = hashlib.sha256(data).hexdigest()
    result = DocResult(doc_id=doc_id, path=path, sha256=sha)
    try:
        read = read_document(data, path, lexicon, format=meta.get("format") or None)
    except RejectReason as reason:
        result.reject = str(reason)
        return result
    cleaned = read.cleaned
    text = cleaned.text
    if not text.strip():
        result.reject = "no report text: every line is page furniture"
        return result
    result.content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()

    title = meta.get("title", "") or read.title
    if not title:
        first = text.split("\n", 1)[0]
        title = first if len(first) <= 60 else ""
    date, date_source = meta.get("date", ""), "metadata" if meta.get("date") else ""
    if not date and read.date:
        date, date_source = read.date, "page"
    if not date:
        for line in cleaned.furniture:
            m = _DATE_IN_PAGE.search(line)
            if m:
                date = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
                date_source = "page"
                break

    heads = find_units(text, lexicon)
    publisher = _publisher_line(cleaned.furniture, lexicon)
    if heads and not meta.get("district") and not meta.get("township"):
        # A round-up: the introduction speaks for the publishing level (the city
        # when metadata names one), not for the first district it mentions.
        doc_jur = infer_jurisdiction("", meta, lexicon) if (meta.get("city") or meta.get("province")) \
            else infer_jurisdiction(text[:heads[0][0]], meta, lexicon, publisher)
    else:
        doc_jur = infer_jurisdiction(text, meta, lexicon, publisher)
    levels = lexicon["jurisdiction"]["levels"]
    spans: list[tuple[int, int, Jurisdiction, str]] = []
    if heads:
        if heads[0][0] > 0:
            spans.append((0, heads[0][0], doc_jur, ""))
        for i, (offset, place) in enumerate(heads):
            end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
            level = _level_of(place, levels) or "district"
            jur = Jurisdiction(
                place, level, doc_jur.province, doc_jur.city,
                place if level == "district" else "", "heading",
            )
            heading = text[offset:text.find("\n", offset) if text.find("\n", offset) != -1 else len(text)]
            spans.append((offset, end, jur, heading))
    else:
        spans.append((0, len(text), doc_jur, ""))

    x = compiled_for(lexicon)
    folded_text = x.quantities.fold(text)  # (length-preserving: a sentence's fold is its slice)
    rows: dict[str, list[tuple]] = {name: [] for name in EXTRACTED}
    extractors = lexicon.extractors
    for extractor in extractors:
        rows[extractor.name] = []
    rows["documents"].append((
        doc_id, title, date, date_source,
        meta.get("province", "") or doc_jur.province,
        meta.get("city", "") or doc_jur.city,
        meta.get("district", "") or (doc_jur.district if doc_jur.source == "inferred" else ""),
        meta.get("township", ""), meta.get("genre", ""), meta.get("source", ""), meta.get("url", ""),
        meta.get("notes", ""), read.format, read.encoding, cleaned.script,
        cleaned.was_html, len(text), len(spans),
        len(cleaned.furniture), path, sha,
        text, read.raw_text,
    ))
    units, sentences = rows["units"], rows["sentences"]
    q_rows, i_rows, m_rows = rows["quantities"], rows["indicators"], rows["mentions"]
    p_rows, f_rows = rows["practice_evidence"], rows["formula_evidence"]
    find_quantities, classify, find_mentions = x.quantities.find, x.indicators.classify_in_passage, x.mentions.find
    find_practices, find_formulas = x.practices.find, x.formulas.find
    sent_no = 0
    deputies_named: dict = {}  # the document's named deputies so far (their bare names recur)
    for unit_no, (u_start, u_end, jur, heading) in enumerate(spans, start=1):
        unit_id = f"{doc_id}#{unit_no}"
        place = place_of(jur, text[u_start:u_end] if jur.source == "heading" else text)
        units.append((
            unit_id, doc_id, unit_no, jur.name, jur.level, jur.source,
            jur.province, jur.city, jur.district, heading, u_start, u_end,
            jur.township,
            *((place.province, place.prefecture, place.county, place.code, place.ambiguous) if place
              else ("", "", "", "", False)),
        ))
        name = jur.name
        carry = None  # what the previous sentence of the unit leaves to the next (ellipsis, breakdowns)
        stations_named: dict = {}  # the unit's stations so far, by head (a bare head refers back to them)
        spans_of_unit = [(a + u_start, b + u_start) for a, b in split_sentences(text[u_start:u_end])]
        cells = [text[a:b] for a, b in spans_of_unit]
        tables = {t.first: t for t in x.quantities.flat_tables(cells)}  # (tables flattened one cell a line)
        table_cells: dict[int, tuple] = {}
        counted = None  # the carry of the last sentence whose counts named what they count
        for index, (s_start, s_end) in enumerate(spans_of_unit):
            if index in tables:  # a table's header: its columns are coded as read after what precedes it
                table = tables[index]
                # (what the table counts is what the last counts before it counted: its title
                # and header lines, numbered 表1, leave no carry of their own)
                codes_of = x.indicators.table_codes(table, cells, x.quantities, carry if carry and carry.nouns else counted)
                for i, numbers in table.numbers.items():
                    table_cells[i] = tuple((a, b, table.units[col], codes_of[col]) for a, b, col, _ in numbers)
            sent_no += 1
            sent_id = f"{doc_id}:{sent_no}"
            sentence = text[s_start:s_end]
            sentences.append((sent_id, doc_id, unit_id, sent_no, s_start, s_end, sentence))
            w = folded_text[s_start:s_end]
            qs = find_quantities(sentence, w)
            carry_in, carry = carry, None
            coded_by = None
            if index in table_cells:  # a cell of a flattened table: its column's unit and code
                qs, codes = _table_cell(qs, table_cells.pop(index), x.quantities)
                carry = carry_in
            elif not qs:
                carry = x.indicators.carry_over(w, carry_in)  # (a line announcing a list: 名额如下：)
            else:
                codes, carry = classify(w, qs, carry_in)
                if carry is not None and carry.nouns:
                    counted = carry
                if x.coder is not None:  # (the learned coder, where it is confident)
                    codes, coded_by = x.coder.recode(folded_text, s_start, qs, codes, x.indicators)
            if qs:
                for i, (q, code) in enumerate(zip(qs, codes)):
                    start, end = s_start + q.start, s_start + q.end
                    q_rows.append((
                        doc_id, unit_id, name, sent_id, q.surface, q.value, q.value_high, q.unit,
                        q.approx, q.approx_kind, q.kind, start, end, code,
                        coded_by[i] if coded_by else "rules",
                    ))
                    if code is not None:
                        i_rows.append((
                            doc_id, unit_id, name, code, q.value, q.value_high, q.unit, q.approx,
                            q.surface, start, end, sent_id, q.approx_kind,
                        ))
            # the page's own headline is text: its mentions are coded, deputies too (GUIDELINES)
            found = find_mentions(sentence, jur, earlier=stations_named, named=deputies_named)
            x.mentions.remember(found, stations_named)
            for m in found:
                m_rows.append((
                    doc_id, unit_id, name, m["type"], m["surface"], m["canonical"],
                    m.get("level", "") or "", m.get("branch", "") or "",
                    s_start + m["start"], s_start + m["end"], sent_id,
                ))
            for h in find_practices(sentence):
                p_rows.append((
                    doc_id, unit_id, name, h["practice"], h["label"], h["surface"],
                    s_start + h["start"], s_start + h["end"], sent_id,
                ))
            for h in find_formulas(sentence):
                f_rows.append((
                    doc_id, unit_id, name, h["formula"], h["label"], h["surface"],
                    s_start + h["start"], s_start + h["end"], sent_id,
                ))
            for extractor in extractors:
                rows[extractor.name].extend(extractor.rows(sentence, lexicon, (doc_id, unit_id, name), s_start, sent_id))
    rows.update(derive_rows(rows))
    result.tables = rows
    return result
