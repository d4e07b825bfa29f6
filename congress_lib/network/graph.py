"""The network as a ``networkx.Graph``: the node table and the aggregated evidence, joined.

Nodes come in type order, with the attributes of the node table
(:mod:`~congress_lib.network.nodes`) and ``label`` (the canonical name, for
Gephi). An edge aggregates the relations of its pair of nodes
(:meth:`~congress_lib.network.evidence.EvidenceStore.pairs`): ``weight``
(distinct sentences), ``relation`` (the most frequent; ties: a trigger relation
before ``co_mention``, then alphabetical), ``relations``
(``"督办:2;co_mention:1"``), one integer ``rel_<relation>`` per relation present
anywhere in the graph, and ``n_docs``. The evidence stands once, in the edge
table: its rows whose ``source`` and ``target`` are the two node keys of a graph
edge hold its sentences.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import pandas as pd

from ..errors import InvalidArgumentError
from ..resources import Lexicon
from .evidence import EvidenceStore, corpus_evidence
from .inputs import corpus_lexicon
from .keys import CO_MENTION, node_sort_key
from .nodes import network_nodes

__all__ = ["graph_from_store", "graph_from_tables", "build_network", "check_graph"]


def check_graph(G, what: str) -> None:
    """Refuse anything but an undirected simple ``networkx.Graph`` (`what`: the verb, for the message)."""
    if not isinstance(G, nx.Graph) or G.is_directed() or G.is_multigraph():
        raise InvalidArgumentError(
            f"{what} needs an undirected networkx.Graph (from cl.build_network); got {type(G).__name__}."
        )


def _relation_sort(item) -> tuple:
    name, n = item
    return (-n, name == CO_MENTION, name)


def _node_graph(nodes: pd.DataFrame, name: str, keep_generic: bool) -> tuple[nx.Graph, set]:
    """The graph without edges, and the keys of the node table."""
    G = nx.Graph(name=name)
    records = dict(zip(nodes["node"].tolist(), nodes.to_dict("records"))) if len(nodes) else {}
    for key in sorted(records, key=lambda k: node_sort_key(k, records[k]["type"])):
        r = records[key]
        if not keep_generic and bool(r["generic"]):
            continue
        G.add_node(key, type=str(r["type"]), canonical=str(r["canonical"]), label=str(r["canonical"]),
                   jurisdiction=str(r["jurisdiction"]), level=str(r["level"]), branch=str(r["branch"]),
                   mentions=int(r["mentions"]), generic=bool(r["generic"]))
    return G, set(records)


def _edge_attrs(rel: dict, weight: int, n_docs: int, all_relations: list[str]) -> dict:
    """The attributes of a graph edge: `rel` counts the sentences of each relation of the pair."""
    ranked = sorted(rel.items(), key=_relation_sort)
    attrs = {
        "weight": weight,
        "relation": ranked[0][0],
        "relations": ";".join(f"{r}:{n}" for r, n in ranked),
        "n_docs": n_docs,
    }
    attrs.update({f"rel_{r}": int(rel.get(r, 0)) for r in all_relations})
    return attrs


def graph_from_store(nodes: pd.DataFrame, store: EvidenceStore, *, name: str = "congress network",
                     keep_generic: bool = True) -> nx.Graph:
    """Assemble the graph from a node table and the aggregated evidence of its edges.

    Parameters
    ----------
    nodes : pandas.DataFrame
        From :func:`~congress_lib.network.nodes.network_nodes` /
        :func:`~congress_lib.network.nodes.nodes_from_counts`.
    store : EvidenceStore
        The evidence; every endpoint of its edges must be in `nodes`.
    name : str, default "congress network"
        The graph attribute ``name``.
    keep_generic : bool, default True
        False drops generic nodes and their edges.

    Returns
    -------
    networkx.Graph
        Nodes in type order, edges with endpoints in type order; attributes as in
        the module docstring.

    Raises
    ------
    InvalidArgumentError
        If an edge endpoint is not in `nodes`.
    """
    G, known = _node_graph(nodes, name, keep_generic)
    pairs = list(store.pairs())
    unknown = sorted({x for s, t, *_ in pairs for x in (s, t)} - known)
    if unknown:
        raise InvalidArgumentError(
            f"{len(unknown)} edge endpoint(s) are not in the node table (e.g. {unknown[0]!r}); build both tables "
            "from the same mentions."
        )
    pairs = [p for p in pairs if p[0] in G and p[1] in G]
    all_relations = sorted({r for p in pairs for r in p[2]}, key=lambda r: (r == CO_MENTION, r))
    for s, t, rel, weight, n_docs in pairs:  # in type order (the edge table's)
        G.add_edge(s, t, **_edge_attrs(rel, weight, n_docs, all_relations))
    return G


def graph_from_tables(nodes: pd.DataFrame, edges: pd.DataFrame, *, name: str = "congress network",
                      keep_generic: bool = True) -> nx.Graph:
    """Assemble the graph from a node table and an edge table.

    Parameters
    ----------
    nodes : pandas.DataFrame
        From :func:`~congress_lib.network.nodes.network_nodes` /
        :func:`~congress_lib.network.nodes.nodes_from_counts`.
    edges : pandas.DataFrame
        From :func:`~congress_lib.network.evidence.network_edges` /
        :func:`~congress_lib.network.evidence.edges_from_evidence`; every
        endpoint must be in `nodes`.
    name : str, default "congress network"
        The graph attribute ``name``.
    keep_generic : bool, default True
        False drops generic nodes and their edges.

    Returns
    -------
    networkx.Graph
        ``graph_from_store(nodes, EvidenceStore.of_edges(edges), ...)``.

    Raises
    ------
    InvalidArgumentError
        If an edge endpoint is not in `nodes`.
    """
    return graph_from_store(nodes, EvidenceStore.of_edges(edges), name=name, keep_generic=keep_generic)


def build_network(corpus, *, jurisdiction: str | Iterable[str] | None = None,
                  doc_id: str | Iterable[str] | None = None, keep_generic: bool = True,
                  lexicon: Lexicon | str | None = None) -> nx.Graph:
    """Build the deputy–station–agency network as a ``networkx.Graph``.

    Parameters
    ----------
    corpus : Corpus or an object with ``mentions`` and ``sentences``
    jurisdiction : str or list of str, optional
        Keep only the units of these jurisdictions (e.g. ``"集美区"``).
    doc_id : str or list of str, optional
        Keep only these documents.
    keep_generic : bool, default True
        False drops generic nodes (bare 人大代表, 承办单位, 人大, 代表联络站 …) and
        their edges. Relations are decided with all mentions present, so the
        edges between specific nodes are the same either way.
    lexicon : Lexicon, path or None
        Default: the corpus's lexicon, else the shipped one.

    Returns
    -------
    networkx.Graph
        Node attribute ``type`` in {deputy, station, agency, congress}; see the
        module docstring for every attribute. Graph attribute ``name``. The
        graph of ``graph_from_tables(network_nodes(corpus), network_edges(corpus))``.

    Raises
    ------
    InvalidArgumentError
        If `jurisdiction` or `doc_id` has no mentions, or the corpus lacks a column.
    """
    lex = corpus_lexicon(corpus, lexicon)
    nodes = network_nodes(corpus, lex, jurisdiction=jurisdiction, doc_id=doc_id)
    store = corpus_evidence(corpus, lex, jurisdiction=jurisdiction, doc_id=doc_id)
    name = "congress network"
    for arg in (jurisdiction, doc_id):
        if arg is not None:
            name += " — " + (arg if isinstance(arg, str) else ", ".join(map(str, arg)))
    if not keep_generic:
        name += " (specific actors)"
    return graph_from_store(nodes, store, name=name, keep_generic=keep_generic)
