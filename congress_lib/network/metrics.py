"""Reading the graph: node centralities, one network per jurisdiction, bipartite projections.

Every function takes a graph (from :func:`~congress_lib.network.graph.build_network`)
or a corpus and returns new objects; inputs are never modified. Results are
deterministic: exact betweenness, values rounded to 6 decimals, fixed sort orders.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pandas as pd
from networkx.algorithms import bipartite

from ..errors import InvalidArgumentError
from ..resources import Lexicon
from .evidence import EvidenceStore, edge_evidence
from .graph import check_graph, graph_from_store
from .inputs import corpus_lexicon, corpus_mentions, plain_values
from .keys import TYPE_ORDER, node_sort_key, type_rank
from .nodes import mention_counts, nodes_from_counts

__all__ = ["BETWEENNESS_SEED", "EXACT_BETWEENNESS_NODES", "node_metrics", "jurisdiction_summary", "project", "projection_edges"]

_SUMMARY_PAIRS = [(a, b) for i, a in enumerate(TYPE_ORDER) for b in TYPE_ORDER[i + 1:]]
_DIGITS = 6


#: Betweenness is exact up to this many nodes, and estimated from this many pivot nodes above.
EXACT_BETWEENNESS_NODES = 500
#: The seed that draws the pivot nodes of an estimated betweenness.
BETWEENNESS_SEED = 0


def node_metrics(G: nx.Graph) -> pd.DataFrame:
    """Degree, weighted degree and betweenness of every node, with its attributes.

    Betweenness is normalised and uses ``1 / weight`` as the length of an edge (a tie
    supported by more sentences is shorter); values are rounded to 6 decimals. It is
    exact on a graph of at most :data:`EXACT_BETWEENNESS_NODES` nodes; on a larger one
    (a corpus of thousands of reports, where the exact value takes many minutes) it is
    estimated from that many pivot nodes drawn with a fixed seed (Brandes & Pich 2007),
    so it is deterministic either way.

    Parameters
    ----------
    G : networkx.Graph
        From :func:`build_network`; it is not modified.

    Returns
    -------
    pandas.DataFrame
        Columns ``node, type, canonical, jurisdiction, level, branch, generic,
        mentions, degree, weighted_degree, betweenness``; sorted by weighted
        degree (descending), betweenness (descending), then node.
    """
    check_graph(G, "node_metrics")
    H = nx.Graph()
    order = sorted(G.nodes, key=lambda n: node_sort_key(str(n), G.nodes[n].get("type")))
    H.add_nodes_from(order)
    H.add_weighted_edges_from(
        ((u, v, 1.0 / float(d.get("weight", 1) or 1)) for u, v, d in G.edges(data=True)), weight="length"
    )
    pivots = None if len(H) <= EXACT_BETWEENNESS_NODES else EXACT_BETWEENNESS_NODES
    betweenness = (nx.betweenness_centrality(H, k=pivots, seed=BETWEENNESS_SEED, weight="length", normalized=True)
                   if len(H) else {})
    rows = []
    for n in order:
        d = G.nodes[n]
        rows.append({
            "node": n, "type": d.get("type", ""), "canonical": d.get("canonical", str(n)),
            "jurisdiction": d.get("jurisdiction", ""), "level": d.get("level", ""), "branch": d.get("branch", ""),
            "generic": bool(d.get("generic", False)), "mentions": int(d.get("mentions", 0)),
            "degree": int(G.degree(n)), "weighted_degree": int(round(G.degree(n, weight="weight"))),
            "betweenness": round(float(betweenness.get(n, 0.0)), _DIGITS) + 0.0,
        })
    cols = ["node", "type", "canonical", "jurisdiction", "level", "branch", "generic", "mentions", "degree",
            "weighted_degree", "betweenness"]
    df = pd.DataFrame(rows, columns=cols)
    df = df.sort_values(["weighted_degree", "betweenness", "node"], ascending=[False, False, True],
                        kind="mergesort")
    return df.reset_index(drop=True)


_SUMMARY_COLUMNS = (["jurisdiction", "docs", "nodes", "edges", "density"] + [f"n_{t}" for t in TYPE_ORDER]
                    + [f"e_{a}_{b}" for a, b in _SUMMARY_PAIRS])


def jurisdiction_summary(corpus, *, keep_generic: bool = True,
                         lexicon: Lexicon | str | None = None) -> pd.DataFrame:
    """One network per jurisdiction: its size, nodes by type and edges by type pair.

    Parameters
    ----------
    corpus : Corpus or an object with ``mentions`` and ``sentences`` (and
        optionally ``units``, whose jurisdictions without mentions get a row of
        zeros)
    keep_generic : bool, default True
        Inside one jurisdiction a generic node (人大代表) does refer to that
        jurisdiction's deputies, so they are kept by default.
    lexicon : Lexicon, path or None

    Returns
    -------
    pandas.DataFrame
        Columns ``jurisdiction, docs, nodes, edges, density``, ``n_<type>`` per
        type and ``e_<type>_<type>`` per pair of types (in type order); one row
        per jurisdiction, sorted by name. Each row equals
        ``build_network(corpus, jurisdiction=j, keep_generic=keep_generic)``.
    """
    lex = corpus_lexicon(corpus, lexicon)
    m = corpus_mentions(corpus)
    names = set(m["jurisdiction"])
    units = getattr(corpus, "units", None)
    if isinstance(units, pd.DataFrame) and "jurisdiction" in units.columns:
        names |= {str(j) for j in plain_values(units["jurisdiction"])}
    names.discard("")
    evidence = edge_evidence(corpus, lex)
    rows = []
    for jur in sorted(names):
        part = m[m["jurisdiction"] == jur]
        nodes = nodes_from_counts(mention_counts(part), lex)
        store = EvidenceStore.of_evidence(evidence[evidence["jurisdiction"] == jur])
        G = graph_from_store(nodes, store, keep_generic=keep_generic)
        types = nx.get_node_attributes(G, "type")
        row = {"jurisdiction": jur, "docs": int(part["doc_id"].nunique()), "nodes": G.number_of_nodes(),
               "edges": G.number_of_edges(),
               "density": round(nx.density(G), _DIGITS) if G.number_of_nodes() > 1 else 0.0}
        for t in TYPE_ORDER:
            row[f"n_{t}"] = sum(1 for v in types.values() if v == t)
        pair_counts = Counter(tuple(sorted((types[u], types[v]), key=type_rank)) for u, v in G.edges())
        for a, b in _SUMMARY_PAIRS:
            row[f"e_{a}_{b}"] = pair_counts.get((a, b), 0)
        rows.append(row)
    df = pd.DataFrame(rows, columns=_SUMMARY_COLUMNS)
    ints = {c: "int64" for c in _SUMMARY_COLUMNS if c not in ("jurisdiction", "density")}
    return df.astype({**ints, "density": "float64"})


def project(G: nx.Graph, node_type: str, via_type: str, *, weight: str = "shared") -> nx.Graph:
    """Bipartite projection: `node_type` nodes linked through shared `via_type` nodes.

    ``project(G, "station", "deputy")`` links two stations when some deputy node
    is tied to both. Only the edges between the two types are used (the bipartite
    graph of ``networkx.algorithms.bipartite``); the input is not modified.

    Parameters
    ----------
    G : networkx.Graph
        With a node attribute ``type``.
    node_type, via_type : str
        Two different types of :data:`TYPE_ORDER`.
    weight : {"shared", "sentences"}, default "shared"
        The edge attribute ``weight`` of the projection: ``"shared"`` is the
        number of shared `via_type` neighbours
        (``bipartite.weighted_projected_graph``); ``"sentences"`` sums, over the
        shared neighbours, the smaller of the two edge weights (sentences that
        support the weaker of the two ties). Both are stored as ``shared`` and
        ``sentences``; ``via`` lists the shared neighbours (``;``-joined, sorted).

    Returns
    -------
    networkx.Graph
        Every `node_type` node of `G` (with its attributes), sorted; edges with
        ``weight``, ``shared``, ``sentences``, ``via``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_nodes_from(["s1", "s2"], type="station")
    >>> G.add_node("d1", type="deputy")
    >>> G.add_edges_from([("s1", "d1"), ("s2", "d1")], weight=1)
    >>> P = project(G, "station", "deputy")
    >>> P.edges["s1", "s2"]["weight"], P.edges["s1", "s2"]["via"]
    (1, 'd1')
    """
    check_graph(G, "project")
    for t in (node_type, via_type):
        if t not in TYPE_ORDER:
            raise InvalidArgumentError(f"node types are {', '.join(TYPE_ORDER)}; got {t!r}.")
    if node_type == via_type:
        raise InvalidArgumentError(f"project needs two different node types; got {node_type!r} twice.")
    if weight not in ("shared", "sentences"):
        raise InvalidArgumentError(f"weight must be 'shared' or 'sentences', not {weight!r}.")
    types = nx.get_node_attributes(G, "type")
    top = sorted((n for n, t in types.items() if t == node_type), key=str)
    bottom = sorted((n for n, t in types.items() if t == via_type), key=str)
    B = nx.Graph()
    B.add_nodes_from(top, bipartite=0)
    B.add_nodes_from(bottom, bipartite=1)
    B.add_edges_from(sorted(((u, v) if types[u] == node_type else (v, u)
                             for u, v in G.edges() if {types.get(u), types.get(v)} == {node_type, via_type}),
                            key=lambda e: (str(e[0]), str(e[1]))))
    P = nx.Graph(name=f"{node_type} via {via_type}")
    for n in top:
        P.add_node(n, **G.nodes[n])
    if len(top) < 2 or not bottom:  # nothing to project (networkx refuses a graph without via_type nodes)
        return P
    shared_graph = bipartite.weighted_projected_graph(B, top)

    def tie(u, x) -> float:
        return G.edges[u, x].get("weight", 1)

    def by_sentences(B_, u, v):
        return sum(min(tie(u, x), tie(v, x)) for x in set(B_[u]) & set(B_[v]))

    sentence_graph = bipartite.generic_weighted_projected_graph(B, top, weight_function=by_sentences)
    for u, v in sorted((tuple(sorted(e, key=str)) for e in shared_graph.edges()),
                       key=lambda e: (str(e[0]), str(e[1]))):
        shared = int(shared_graph.edges[u, v]["weight"])
        sentences = sentence_graph.edges[u, v]["weight"]
        sentences = int(sentences) if float(sentences).is_integer() else float(sentences)
        P.add_edge(u, v, weight=shared if weight == "shared" else sentences, shared=shared, sentences=sentences,
                   via=";".join(sorted((str(x) for x in set(B[u]) & set(B[v])))))
    return P


def projection_edges(G: nx.Graph, node_type: str, via_type: str) -> pd.DataFrame:
    """The edges of :func:`project` as a tidy table.

    Parameters
    ----------
    G : networkx.Graph
    node_type, via_type : str

    Returns
    -------
    pandas.DataFrame
        Columns ``source, target, shared, sentences, via``; one row per projected
        edge (source < target), sorted by shared (descending), source, target.
    """
    P = project(G, node_type, via_type)
    rows = [[u, v, d["shared"], d["sentences"], d["via"]] for u, v, d in P.edges(data=True)]
    df = pd.DataFrame(rows, columns=["source", "target", "shared", "sentences", "via"])
    df = df.sort_values(["shared", "source", "target"], ascending=[False, True, True], kind="mergesort")
    return df.reset_index(drop=True)
