"""Node keys and the fixed order of node types.

A node is a canonical entity, keyed ``"type:canonical"``; every sorted output of
the network (node tables, edge endpoints, graph order, files) follows the type
order :data:`TYPE_ORDER`, then the key.
"""

from __future__ import annotations

__all__ = ["TYPE_ORDER", "RANK", "CO_MENTION", "node_key", "type_rank", "node_sort_key"]

#: Node types in their fixed order (edge endpoints and sorted outputs follow it).
TYPE_ORDER = ("deputy", "station", "agency", "congress")
#: The position of each node type in :data:`TYPE_ORDER`.
RANK = {t: i for i, t in enumerate(TYPE_ORDER)}

#: The relation of a pair whose sentence holds no trigger word.
CO_MENTION = "co_mention"


def node_key(mtype: str, canonical: str) -> str:
    """Return the node id of an entity, ``"type:canonical"``.

    Examples
    --------
    >>> node_key("agency", "集美区人民法院")
    'agency:集美区人民法院'
    """
    return f"{mtype}:{canonical}"


def type_rank(mtype) -> int:
    """The position of a node type in :data:`TYPE_ORDER`; other types come after all of them."""
    return RANK.get(mtype, len(TYPE_ORDER))


def node_sort_key(key: str, mtype: str | None = None) -> tuple:
    """The sort key of a node: its type's rank, then the key (``mtype``: default, read from the key)."""
    if mtype is None:
        mtype = key.split(":", 1)[0] if isinstance(key, str) else ""
    return (type_rank(mtype), str(key))
