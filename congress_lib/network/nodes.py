"""The node table: one row per canonical entity, from mention counts.

A node is the pair (type, canonical name) of its mentions, keyed
``"type:canonical"`` (:func:`~congress_lib.network.keys.node_key`). Its
attributes (:data:`NODE_COLUMNS`): ``jurisdiction`` (the jurisdictions of the
units that mention it, sorted and ``;``-joined), ``level`` and ``branch`` (the
most frequent non-empty value among its mentions, ties alphabetical, ``""`` when
none has one), ``mentions`` (their number) and ``generic`` (:func:`is_generic`:
a bare term that names no identifiable actor, 人大代表, 代表小组, 承办单位, 人大,
代表联络站 …, whose mentions have no level and whose canonical name is made only
of the generic words of ``lexicon/relation_triggers.yaml``, ``generic_nodes``).

The counts compose: :func:`mention_counts` of several batches of documents merge
by concatenation and a sum, and :func:`nodes_from_counts` turns them into the
table, so a streamed build needs only the counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from ..resources import Lexicon, load_lexicon
from .inputs import corpus_lexicon, corpus_mentions, plain_values
from .keys import node_key, node_sort_key, type_rank
from .relations import RelationRules, relation_rules

__all__ = ["NODE_COLUMNS", "COUNT_COLUMNS", "is_generic", "mention_counts", "nodes_from_counts", "network_nodes",
           "mode"]

#: Columns of :func:`network_nodes`.
NODE_COLUMNS = ["node", "type", "canonical", "jurisdiction", "level", "branch", "mentions", "generic"]
#: Columns of :func:`mention_counts`: the five keys a mention is counted by, and the count.
COUNT_COLUMNS = ["type", "canonical", "jurisdiction", "level", "branch", "n"]


def is_generic(mtype: str, canonical: str, level: str = "", lexicon: Lexicon | str | None = None) -> bool:
    """Tell whether a node is a generic term rather than an identifiable actor.

    Parameters
    ----------
    mtype : str
        Mention type.
    canonical : str
        Canonical name.
    level : str, default ""
        The node's level; a node with any level is never generic.
    lexicon : Lexicon, path or None
        Default: the shipped lexicons.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_generic("deputy", "人大代表"), is_generic("station", "田洋活动站")
    (True, False)
    >>> is_generic("deputy", "代表小组", level="district")
    False
    """
    return _is_generic(relation_rules(load_lexicon(lexicon)), mtype, canonical, level)


def _is_generic(rules: RelationRules, mtype: str, canonical: str, level: str) -> bool:
    if level:
        return False
    pattern = rules.generic_re.get(mtype)
    return bool(pattern is not None and pattern.fullmatch(str(canonical)))


def mode(values) -> str:
    """The most frequent non-empty string of `values` (ties: the smallest), ``""`` when none."""
    counts: dict[str, int] = {}
    for v in values:
        if v and isinstance(v, str):
            counts[v] = counts.get(v, 0) + 1
    return _mode_of_counts(counts)


def _mode_of_counts(counts: dict) -> str:
    """:func:`mode` of the values a ``{value: count}`` mapping stands for (``Counter.elements()``)."""
    best, best_n = "", 0
    for v, n in counts.items():
        if n > 0 and v and isinstance(v, str) and (n > best_n or (n == best_n and v < best)):
            best, best_n = v, n
    return best


def mention_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """Count mentions per (type, canonical, jurisdiction, level, branch).

    The counts of several batches of documents merge by concatenation and a
    sum over the same five keys, so a streamed corpus needs only this small table
    to build its nodes.

    Parameters
    ----------
    mentions : pandas.DataFrame
        With the columns type, canonical, jurisdiction, level, branch.

    Returns
    -------
    pandas.DataFrame
        Columns ``type, canonical, jurisdiction, level, branch, n``, sorted.
    """
    keys = COUNT_COLUMNS[:-1]
    counter = Counter(zip(*(plain_values(mentions[c]) for c in keys))) if len(mentions) else Counter()
    rows = sorted(((*map(str, k), n) for k, n in counter.items()),
                  key=lambda r: (type_rank(r[0]), r[1], r[2], r[3], r[4]))
    return pd.DataFrame(rows, columns=COUNT_COLUMNS).astype({"n": "int64"})


def nodes_from_counts(counts: pd.DataFrame, lexicon: Lexicon | str | None = None) -> pd.DataFrame:
    """Turn mention counts into the node table.

    Parameters
    ----------
    counts : pandas.DataFrame
        From :func:`mention_counts` (rows with equal keys are summed).
    lexicon : Lexicon, path or None
        For the generic-node rule. Default: the shipped lexicons.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`NODE_COLUMNS`, one row per node, sorted by type order then key.
    """
    rules = relation_rules(load_lexicon(lexicon))
    nodes: dict[str, dict] = {}
    for t, c, j, lv, br, n in zip(*(plain_values(counts[col]) for col in COUNT_COLUMNS)):
        key = node_key(t, c)
        node = nodes.setdefault(key, {"type": t, "canonical": c, "j": set(), "lv": Counter(), "br": Counter(),
                                      "n": 0})
        node["j"].add(str(j))
        node["lv"][lv] += int(n)
        node["br"][br] += int(n)
        node["n"] += int(n)
    rows = []
    for key in sorted(nodes, key=lambda k: node_sort_key(k, nodes[k]["type"])):
        node = nodes[key]
        level = _mode_of_counts(node["lv"])
        generic = _is_generic(rules, node["type"], node["canonical"], level)
        rows.append([key, node["type"], node["canonical"], ";".join(sorted(x for x in node["j"] if x)), level,
                     _mode_of_counts(node["br"]), node["n"], generic])
    return pd.DataFrame(rows, columns=NODE_COLUMNS).astype({"mentions": "int64", "generic": "bool"})


def network_nodes(corpus, lexicon: Lexicon | str | None = None, *, jurisdiction: str | Iterable[str] | None = None,
                  doc_id: str | Iterable[str] | None = None) -> pd.DataFrame:
    """The nodes of the network, one row per (type, canonical name).

    Parameters
    ----------
    corpus : Corpus or an object with ``mentions`` and ``sentences``
    lexicon : Lexicon, path or None
        Default: the corpus's lexicon, else the shipped one.
    jurisdiction, doc_id : str or list of str, optional
        Keep only the mentions of these jurisdictions / documents.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`NODE_COLUMNS` (node, type, canonical, jurisdiction, level,
        branch, mentions, generic).
    """
    lex = corpus_lexicon(corpus, lexicon)
    return nodes_from_counts(mention_counts(corpus_mentions(corpus, jurisdiction, doc_id)), lex)

