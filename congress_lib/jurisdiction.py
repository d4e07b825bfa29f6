"""Jurisdictions: the place a unit of a report is about.

A :class:`Jurisdiction` is what canonical-name resolution needs: the unit's own
name and level, and the names of the levels above it. ``区政府`` in a unit whose
jurisdiction is 同安区 resolves to ``同安区人民政府``; ``市财政局`` resolves with
``city``; ``省人大常委会`` with ``province``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

__all__ = ["Jurisdiction", "LEVELS"]

#: Administrative levels, from the top.
LEVELS = ("national", "provincial", "municipal", "district", "township")


@dataclass(frozen=True)
class Jurisdiction:
    """The jurisdiction of one unit.

    Attributes
    ----------
    name : the most specific name known, e.g. ``同安区``; ``厦门市`` for a city-wide
        introduction; ``郑州市某区`` for a district the text never names.
    level : one of :data:`LEVELS` (``district`` for 区/县/旗 and county-level cities).
    province, city, district : the names at each level, ``""`` when unknown.
    source : where the name came from: ``metadata``, ``heading`` (a section
        heading of a round-up), ``inferred`` (from the text) or ``unknown``.
    township : the township (镇, 乡, 街道) of a township unit, ``""`` otherwise;
        from ``metadata.csv``.
    """

    name: str = ""
    level: str = ""
    province: str = ""
    city: str = ""
    district: str = ""
    source: str = "unknown"
    township: str = ""

    def as_dict(self) -> dict:
        return asdict(self)
