"""Writing the graph for Gephi and networkx: ``network.graphml`` and ``network.gexf``.

The same graph always gives the same bytes: nodes and edges in type order,
attributes flattened to scalars with one type per attribute, the GEXF
modification date fixed. (``edges.csv``, the edge table with its evidence, is
written with the other tables by :mod:`congress_lib.output`.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx

from ..errors import InvalidArgumentError
from .graph import check_graph
from .keys import node_sort_key

__all__ = ["write_network"]

# Attribute names the GEXF writer consumes or reinterprets (node spells, edge type …).
_GEXF_RESERVED = {"node": {"id", "pid", "start", "end", "viz", "label"},
                  "edge": {"id", "type", "start", "end", "viz", "label"}}


def _scalar(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, str)):
        return value
    if hasattr(value, "item") and not isinstance(value, (list, tuple, dict, set)):
        return value.item()  # numpy scalar
    if isinstance(value, (set, frozenset)):
        value = sorted(value, key=str)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _unify(records: list[dict]) -> list[dict]:
    """Give each attribute one type across all records (GraphML/GEXF keys are typed)."""
    kinds: dict[str, set] = {}
    for r in records:
        for k, v in r.items():
            kinds.setdefault(k, set()).add(type(v))
    for k, ks in kinds.items():
        if len(ks) == 1:
            continue
        cast = float if ks <= {int, float} else str
        for r in records:
            if k in r:
                r[k] = cast(r[k])
    return records


def _scalar_copy(G: nx.Graph) -> nx.Graph:
    """A copy with nodes and edges in type order and scalar, consistently typed attributes."""
    H = nx.Graph()
    H.graph.update({str(k): str(_scalar(v)) for k, v in sorted(G.graph.items(), key=lambda kv: str(kv[0]))})
    order = sorted(G.nodes, key=lambda n: node_sort_key(str(n), G.nodes[n].get("type")))
    position = {n: i for i, n in enumerate(order)}
    node_attrs = _unify([{str(k): _scalar(v) for k, v in sorted(G.nodes[n].items(), key=lambda kv: str(kv[0]))}
                         for n in order])
    for n, attrs in zip(order, node_attrs):
        H.add_node(n, **attrs)
    edges = sorted(((u, v) if position[u] <= position[v] else (v, u) for u, v in G.edges()),
                   key=lambda e: (position[e[0]], position[e[1]]))
    edge_attrs = _unify([{str(k): _scalar(v) for k, v in sorted(G.edges[u, v].items(), key=lambda kv: str(kv[0]))}
                         for u, v in edges])
    for (u, v), attrs in zip(edges, edge_attrs):
        H.add_edge(u, v, **attrs)
    return H


def write_network(G: nx.Graph, folder: str | Path) -> dict[str, Path]:
    """Write ``network.graphml`` and ``network.gexf`` (for Gephi) into `folder`.

    Nodes and edges are written in type order, attributes flattened to scalars
    (lists and dicts as JSON strings) with one type per attribute, and the GEXF
    ``lastmodifieddate`` is fixed to 1970-01-01, so the same graph always gives
    the same bytes. networkx reads both files back with the attributes intact
    (GEXF stores ``label`` as the node label and ``weight`` as a float). A graph
    from :func:`build_network` carries no evidence: its node keys are the
    ``source`` / ``target`` of the edge table, which holds it.

    Parameters
    ----------
    G : networkx.Graph
        Not modified.
    folder : str or pathlib.Path
        Created if missing.

    Returns
    -------
    dict
        ``{"graphml": Path, "gexf": Path}``.
    """
    check_graph(G, "write_network")
    for kind, reserved in (("node", _GEXF_RESERVED["node"] - {"label"}),
                           ("edge", _GEXF_RESERVED["edge"])):
        items = G.nodes(data=True) if kind == "node" else ((e, d) for *e, d in G.edges(data=True))
        clash = sorted({k for _, d in items for k in d if k in reserved})
        if clash:
            raise InvalidArgumentError(
                f"{kind} attribute(s) {', '.join(clash)} have a fixed meaning in GEXF; rename them before writing."
            )
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    H = _scalar_copy(G)
    graphml, gexf = folder / "network.graphml", folder / "network.gexf"
    gml = "\n".join(nx.generate_graphml(H, encoding="utf-8", prettyprint=True)) + "\n"
    graphml.write_bytes(gml.encode("utf-8"))
    gml = None
    gxf = "\n".join(nx.generate_gexf(H, encoding="utf-8", prettyprint=True, version="1.2draft")) + "\n"
    gxf = re.sub(r'lastmodifieddate="[^"]*"', 'lastmodifieddate="1970-01-01"', gxf, count=1)
    gexf.write_bytes(gxf.encode("utf-8"))
    return {"graphml": graphml, "gexf": gexf}
