"""Per-document processing: one file in, every table's rows for it out.

:func:`process_document` is a pure function of a file's bytes, its metadata row
and the lexicon. It is what every engine maps over the corpus (serial,
processes, dask) and what the on-disk cache stores, so adding one report only
processes that report.

The result is a :class:`DocResult` holding plain lists of dicts per table, or a
reject reason.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .ingest import RejectReason, clean_text, decode_bytes
from .jurisdiction import Jurisdiction
from .resources import Lexicon
from .text import split_sentences

__all__ = ["DocResult", "process_document", "TABLES", "find_units"]

#: The per-document tables, in output order.
TABLES = (
    "documents", "units", "sentences", "quantities", "indicators", "mentions",
    "practice_evidence", "formula_evidence",
)

_DATE_IN_PAGE = re.compile(r"(20\d{2}|19\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})")


@dataclass
class DocResult:
    doc_id: str
    path: str
    sha256: str
    reject: str | None = None
    content_hash: str = ""
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


# --- jurisdictions ----------------------------------------------------------------


def _level_of(name: str, levels: dict[str, str]) -> str:
    for suffix in sorted(levels, key=len, reverse=True):
        if name.endswith(suffix):
            return levels[suffix]
    return ""


def _heading_regex(lexicon: Lexicon) -> re.Pattern:
    jur = lexicon["jurisdiction"]
    suffixes = "|".join(sorted(jur["levels"], key=len, reverse=True))
    bodies = "|".join(sorted(map(re.escape, jur["heading_bodies"]), key=len, reverse=True))
    return re.compile(rf"^(?P<place>[\u4e00-\u9fff]{{1,8}}?(?:{suffixes}))(?:{bodies})?$")


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


_PLACE = re.compile(
    r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[市省州盟]))"
    r"([\u4e00-\u9fff]{2,4}?(?:区|县|旗))(?=人大|人民政府|政府|委|法院|人民法院|检察院|人民检察院)",
    re.M,
)


def infer_jurisdiction(text: str, meta: dict[str, str], lexicon: Lexicon) -> Jurisdiction:
    """The jurisdiction of a single-jurisdiction document.

    Metadata wins (district, else city, else province). Missing a district, the
    most frequent county-level place name standing before a state organ (…区人大,
    …县人民政府) is taken and marked ``inferred``; a report that only says 全区 /
    区人大 about itself gets ``<city>某区`` (an unnamed district of that city).
    """
    jur = lexicon["jurisdiction"]
    levels = jur["levels"]
    province, city, district = meta.get("province", ""), meta.get("city", ""), meta.get("district", "")
    if district:
        return Jurisdiction(district, _level_of(district, levels) or "district", province, city, district, "metadata")
    not_places = set(jur["not_places"])
    stop_prefixes = tuple(jur.get("not_place_prefixes", []))
    bad_chars = set(jur.get("not_place_chars", ""))

    def plausible(name: str) -> bool:
        stem = name[:-1]
        if any(ch in bad_chars for ch in stem):
            return False
        return name not in not_places and not stem.startswith(stop_prefixes) and not stem.endswith(stop_prefixes)

    # A place must be named twice, or in the first line (the title), to count.
    first_line = text.split("\n", 1)[0]
    counts = Counter(m for m in _PLACE.findall(text) if plausible(m))
    counts = Counter({m: n for m, n in counts.items() if n >= 2 or m in first_line})
    if counts:
        name = sorted(counts.items(), key=lambda kv: (-kv[1], text.find(kv[0])))[0][0]
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


# --- the per-document function ---------------------------------------------------------


def _extractors():
    """Import the extraction modules lazily (they compile large regexes)."""
    from . import indicators, mentions, practices, quantities

    return quantities, indicators, mentions, practices


def process_document(doc_id: str, path: str, data: bytes, meta: dict[str, str], lexicon: Lexicon) -> DocResult:
    """Decode, clean, split and extract one document.

    Never raises for bad input: a file that cannot be used comes back with
    ``reject`` set to the reason.
    """
    sha = hashlib.sha256(data).hexdigest()
    result = DocResult(doc_id=doc_id, path=path, sha256=sha)
    try:
        decoded = decode_bytes(data)
    except RejectReason as reason:
        result.reject = str(reason)
        return result
    cleaned = clean_text(decoded.text, lexicon)
    text = cleaned.text
    if not text.strip():
        result.reject = "no report text: every line is page furniture"
        return result
    result.content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()

    title = meta.get("title", "")
    if not title:
        first = text.split("\n", 1)[0]
        title = first if len(first) <= 60 else ""
    date, date_source = meta.get("date", ""), "metadata" if meta.get("date") else ""
    if not date:
        for line in cleaned.furniture:
            m = _DATE_IN_PAGE.search(line)
            if m:
                date = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
                date_source = "page"
                break

    heads = find_units(text, lexicon)
    if heads and not meta.get("district"):
        # A round-up: the introduction speaks for the publishing level (the city
        # when metadata names one), not for the first district it mentions.
        doc_jur = infer_jurisdiction("", meta, lexicon) if (meta.get("city") or meta.get("province")) \
            else infer_jurisdiction(text[:heads[0][0]], meta, lexicon)
    else:
        doc_jur = infer_jurisdiction(text, meta, lexicon)
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

    quantities, indicators, mentions, practices = _extractors()
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    rows["documents"].append({
        "doc_id": doc_id, "title": title, "date": date, "date_source": date_source,
        "province": meta.get("province", "") or doc_jur.province,
        "city": meta.get("city", "") or doc_jur.city,
        "district": meta.get("district", "") or (doc_jur.district if doc_jur.source == "inferred" else ""),
        "genre": meta.get("genre", ""), "source": meta.get("source", ""), "url": meta.get("url", ""),
        "notes": meta.get("notes", ""), "encoding": decoded.encoding, "script": cleaned.script,
        "was_html": cleaned.was_html, "n_chars": len(text), "n_units": len(spans),
        "n_furniture_lines": len(cleaned.furniture), "path": path, "sha256": sha,
        "text": text, "raw_text": decoded.text,
    })
    sent_no = 0
    for unit_no, (u_start, u_end, jur, heading) in enumerate(spans, start=1):
        unit_id = f"{doc_id}#{unit_no}"
        rows["units"].append({
            "unit_id": unit_id, "doc_id": doc_id, "ordinal": unit_no, "jurisdiction": jur.name,
            "jurisdiction_level": jur.level, "jurisdiction_source": jur.source,
            "province": jur.province, "city": jur.city, "district": jur.district,
            "heading": heading, "start": u_start, "end": u_end,
        })
        base = {"doc_id": doc_id, "unit_id": unit_id, "jurisdiction": jur.name}
        for s_start, s_end in split_sentences(text[u_start:u_end]):
            s_start += u_start
            s_end += u_start
            sent_no += 1
            sent_id = f"{doc_id}:{sent_no}"
            sentence = text[s_start:s_end]
            rows["sentences"].append({
                "sent_id": sent_id, "doc_id": doc_id, "unit_id": unit_id, "sent_no": sent_no,
                "start": s_start, "end": s_end, "text": sentence,
            })
            qs = quantities.find_quantities(sentence, lexicon)
            codes = indicators.classify(sentence, qs, lexicon) if qs else []
            for q, code in zip(qs, codes):
                row = {
                    **base, "sent_id": sent_id, "surface": q.surface, "value": q.value,
                    "value_high": q.value_high, "unit": q.unit, "approx": q.approx,
                    "approx_kind": q.approx_kind, "kind": q.kind,
                    "start": s_start + q.start, "end": s_start + q.end, "indicator": code,
                }
                rows["quantities"].append(row)
                if code is not None:
                    rows["indicators"].append({
                        **base, "indicator": code, "value": q.value, "value_high": q.value_high,
                        "unit": q.unit, "approx": q.approx, "approx_kind": q.approx_kind,
                        "surface": q.surface, "start": s_start + q.start, "end": s_start + q.end,
                        "sent_id": sent_id,
                    })
            in_title = sent_no == 1 and bool(title) and sentence == title
            for m in mentions.find_mentions(sentence, jur, lexicon, in_title=in_title):
                rows["mentions"].append({
                    **base, "type": m["type"], "surface": m["surface"], "canonical": m["canonical"],
                    "level": m.get("level", "") or "", "branch": m.get("branch", "") or "",
                    "start": s_start + m["start"], "end": s_start + m["end"], "sent_id": sent_id,
                })
            for p in practices.find_practices(sentence, lexicon):
                rows["practice_evidence"].append({
                    **base, "practice": p["practice"], "label": p["label"], "surface": p["surface"],
                    "start": s_start + p["start"], "end": s_start + p["end"], "sent_id": sent_id,
                })
            for f in practices.find_formulas(sentence, lexicon):
                rows["formula_evidence"].append({
                    **base, "formula": f["formula"], "label": f["label"], "surface": f["surface"],
                    "start": s_start + f["start"], "end": s_start + f["end"], "sent_id": sent_id,
                })
    result.tables = rows
    return result
