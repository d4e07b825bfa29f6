"""The deputy–station–agency network (CODEBOOK.md §4).

Conventions
-----------
* A **node** is a canonical entity: the pair (type, canonical name) of a
  mention, keyed as the string ``"type:canonical"`` (e.g.
  ``"agency:集美区人民法院"``), because canonical names of different types may
  coincide. Node attributes: ``type`` (deputy, station, agency, congress),
  ``canonical``, ``jurisdiction`` (the jurisdictions of its mentions, ``;``-joined),
  ``level`` and ``branch`` (most frequent among its mentions), ``mentions``
  (count) and ``generic`` (True when its mentions carry no level: a bare
  人大代表, 承办单位, 人大 …).
* An **edge** joins two nodes of *different* types that are mentioned in one
  sentence. Edges are undirected; the endpoints are ordered by type (deputy,
  station, agency, congress) then name. Its ``relation`` comes from a trigger
  verb of that sentence (``lexicon/relation_triggers.yaml``): the trigger nearest
  to the pair (distance from the trigger to the span covering both mentions; ties
  broken by the lexicon's order); ``co_mention`` when the sentence has none.
  Trigger words inside a mention (联络 in 联络站) do not count.
* ``weight`` is the number of distinct sentences supporting the edge; every
  supporting sentence is kept as evidence (doc_id, unit_id, sent_id, start, end).

All functions take the corpus (or a graph) and return new objects; inputs are
never modified. Graph code never imports plotting code at module level.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
import pandas as pd
from networkx.algorithms import bipartite

from .errors import InvalidArgumentError
from .resources import Lexicon, load_lexicon

__all__ = [
    "TYPE_ORDER", "node_key", "network_edges", "edge_evidence", "build_network", "node_metrics",
    "jurisdiction_summary", "project", "projection_edges", "write_network", "draw_network",
]

#: Node types in their fixed order (edge endpoints follow it).
TYPE_ORDER = ("deputy", "station", "agency", "congress")
_RANK = {t: i for i, t in enumerate(TYPE_ORDER)}

EDGE_COLUMNS = ["source", "target", "source_type", "target_type", "relation", "weight", "n_docs", "evidence"]
EVIDENCE_COLUMNS = ["source", "target", "relation", "doc_id", "unit_id", "sent_id", "start", "end", "sentence"]


def node_key(mtype: str, canonical: str) -> str:
    """The node id of an entity: ``"type:canonical"``."""
    return f"{mtype}:{canonical}"


def _triggers(lexicon: Lexicon) -> list[tuple[str, str]]:
    rel = lexicon["relation_triggers"]["relations"]
    pairs = []
    for order, (name, variants) in enumerate(rel.items()):
        for v in sorted(set(variants), key=len, reverse=True):
            pairs.append((v, name))
    return pairs


def _trigger_regex(lexicon: Lexicon) -> tuple[re.Pattern, dict[str, str], dict[str, int]]:
    pairs = _triggers(lexicon)
    words = sorted({w for w, _ in pairs}, key=len, reverse=True)
    to_rel = {}
    for w, name in pairs:
        to_rel.setdefault(w, name)
    order = {name: i for i, name in enumerate(lexicon["relation_triggers"]["relations"])}
    return re.compile("|".join(map(re.escape, words))), to_rel, order


def _check_corpus(corpus) -> None:
    if not hasattr(corpus, "mentions") or not hasattr(corpus, "sentences"):
        raise InvalidArgumentError(
            "expected a Corpus (from cl.load_corpus) with mentions() and sentences; "
            f"got {type(corpus).__name__}.")


def _mentions(corpus) -> pd.DataFrame:
    m = corpus.mentions() if callable(corpus.mentions) else corpus.mentions
    return m


def _pair_rows(mentions: pd.DataFrame, sentences: pd.DataFrame, lexicon: Lexicon):
    """Yield one record per (pair of nodes, sentence)."""
    regex, to_rel, order = _trigger_regex(lexicon)
    text_of = dict(zip(sentences["sent_id"], zip(sentences["text"], sentences["start"])))
    cols = ["sent_id", "doc_id", "unit_id", "type", "canonical", "start", "end"]
    m = mentions[cols]
    for sent_id, group in m.groupby("sent_id", sort=False):
        types = set(group["type"])
        if len(types) < 2:
            continue
        text, s_start = text_of[sent_id]
        spans = [(s - s_start, e - s_start) for s, e in zip(group["start"], group["end"])]
        found = []
        for hit in regex.finditer(text):
            a, b = hit.span()
            if any(a < e and s < b for s, e in spans):
                continue  # a trigger word inside a mention (联络 in 联络站)
            found.append((a, b, to_rel[hit.group(0)]))
        # first span of each node in the sentence
        nodes: dict[str, tuple[str, int, int]] = {}
        for t, c, (s, e) in zip(group["type"], group["canonical"], spans):
            key = node_key(t, c)
            if key not in nodes:
                nodes[key] = (t, s, e)
        keys = sorted(nodes, key=lambda k: (_RANK.get(nodes[k][0], 9), k))
        doc_id = group["doc_id"].iloc[0]
        unit_id = group["unit_id"].iloc[0]
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                ta, sa, ea = nodes[a]
                tb, sb, eb = nodes[b]
                if ta == tb:
                    continue
                lo, hi = min(sa, sb), max(ea, eb)
                relation = "co_mention"
                if found:
                    def distance(f):
                        x, y, name = f
                        gap = 0 if (x < hi and lo < y) else (lo - y if y <= lo else x - hi)
                        return (gap, order.get(name, 99), x)

                    relation = min(found, key=distance)[2]
                yield {"source": a, "target": b, "source_type": ta, "target_type": tb, "relation": relation,
                       "doc_id": doc_id, "unit_id": unit_id, "sent_id": sent_id,
                       "start": int(s_start), "end": int(s_start + len(text)), "sentence": text}


def edge_evidence(corpus, lexicon: Lexicon | str | None = None) -> pd.DataFrame:
    """One row per (edge, supporting sentence): source, target, relation, doc_id,
    unit_id, sent_id, start, end (document offsets of the sentence), sentence."""
    _check_corpus(corpus)
    lex = load_lexicon(lexicon)
    rows = list(_pair_rows(_mentions(corpus), corpus.sentences, lex))
    if not rows:
        return pd.DataFrame({c: [] for c in EVIDENCE_COLUMNS})
    df = pd.DataFrame(rows)
    df = df.sort_values(["source", "target", "relation", "doc_id", "start"], kind="stable")
    return df[EVIDENCE_COLUMNS].reset_index(drop=True)


def network_edges(corpus, lexicon: Lexicon | str | None = None) -> pd.DataFrame:
    """Edges of the network: one row per (source, target, relation).

    Columns: source, target (node keys ``type:canonical``), source_type,
    target_type, relation, weight (distinct sentences), n_docs, evidence (a JSON
    list of ``{"doc_id", "unit_id", "sent_id", "start", "end"}``, one per sentence).
    """
    ev = edge_evidence(corpus, lexicon)
    if ev.empty:
        return pd.DataFrame({c: [] for c in EDGE_COLUMNS})
    types = {}
    for s, t in zip(ev["source"], ev["target"]):
        types[s] = s.split(":", 1)[0]
        types[t] = t.split(":", 1)[0]
    rows = []
    for (source, target, relation), g in ev.groupby(["source", "target", "relation"], sort=True):
        evidence = [{"doc_id": d, "unit_id": u, "sent_id": s, "start": int(a), "end": int(b)}
                    for d, u, s, a, b in zip(g["doc_id"], g["unit_id"], g["sent_id"], g["start"], g["end"])]
        rows.append({"source": source, "target": target, "source_type": types[source], "target_type": types[target],
                     "relation": relation, "weight": int(g["sent_id"].nunique()), "n_docs": int(g["doc_id"].nunique()),
                     "evidence": json.dumps(evidence, ensure_ascii=False)})
    return pd.DataFrame(rows, columns=EDGE_COLUMNS)


class _Filtered:
    """A corpus view restricted to some mentions (for one jurisdiction or document)."""

    def __init__(self, mentions: pd.DataFrame, sentences: pd.DataFrame):
        self._m = mentions
        self.sentences = sentences

    def mentions(self) -> pd.DataFrame:
        return self._m


def _mode(values) -> str:
    counts = Counter(v for v in values if isinstance(v, str))
    if not counts:
        return ""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def build_network(corpus, *, jurisdiction: str | None = None, doc_id: str | None = None,
                  keep_generic: bool = True, lexicon: Lexicon | str | None = None) -> nx.Graph:
    """The network as a ``networkx.Graph`` (see the module docstring for the conventions).

    Parameters
    ----------
    corpus : a Corpus.
    jurisdiction : keep only units of this jurisdiction (e.g. ``"集美区"``).
    doc_id : keep only this document.
    keep_generic : keep nodes whose mentions carry no level (bare 人大代表, 承办单位 …).
    """
    _check_corpus(corpus)
    m = _mentions(corpus)
    name = "congress network"
    if jurisdiction is not None:
        if jurisdiction not in set(m["jurisdiction"]):
            raise InvalidArgumentError(f"no mentions in jurisdiction {jurisdiction!r}; "
                                       f"choose one of {sorted(set(m['jurisdiction']))}.")
        m = m[m["jurisdiction"] == jurisdiction]
        name += f" — {jurisdiction}"
    if doc_id is not None:
        if doc_id not in set(m["doc_id"]):
            raise InvalidArgumentError(f"no mentions in document {doc_id!r}; see corpus.documents.doc_id.")
        m = m[m["doc_id"] == doc_id]
        name += f" — {doc_id}"
    m = m.assign(_key=[node_key(t, c) for t, c in zip(m["type"], m["canonical"])])
    generic = {k: bool((g["level"].fillna("") == "").all()) for k, g in m.groupby("_key", sort=True)}
    if not keep_generic:
        m = m[~m["_key"].map(generic)]
    G = nx.Graph(name=name)
    for key, g in m.groupby("_key", sort=True):
        G.add_node(key, type=g["type"].iloc[0], canonical=g["canonical"].iloc[0],
                   jurisdiction=";".join(sorted(set(g["jurisdiction"].astype(str)))),
                   level=_mode(g["level"]), branch=_mode(g["branch"]), mentions=int(len(g)),
                   generic=generic[key])
    edges = network_edges(_Filtered(m.drop(columns="_key"), corpus.sentences), lexicon)
    for (s, t), g in edges.groupby(["source", "target"], sort=True):
        sents = set()
        for ev in g["evidence"]:
            sents.update(e["sent_id"] for e in json.loads(ev))
        rel_counts = dict(zip(g["relation"], g["weight"].astype(int)))
        main = sorted(rel_counts.items(), key=lambda kv: (-kv[1], kv[0] == "co_mention", kv[0]))[0][0]
        attrs = {"weight": len(sents), "relation": main,
                 "relations": ";".join(f"{r}:{n}" for r, n in sorted(rel_counts.items()))}
        attrs.update({f"rel_{r}": int(n) for r, n in sorted(rel_counts.items())})
        G.add_edge(s, t, **attrs)
    return G


def node_metrics(G: nx.Graph) -> pd.DataFrame:
    """Degree, weighted degree and betweenness per node, with its type.

    Betweenness uses ``1 / weight`` as the distance (strong ties are short), is
    normalised, and is computed exactly (no sampling), so it is deterministic.
    """
    if not isinstance(G, nx.Graph):
        raise InvalidArgumentError("node_metrics needs a networkx Graph (from cl.build_network).")
    H = G.copy()
    for _, _, d in H.edges(data=True):
        d["distance"] = 1.0 / d.get("weight", 1)
    btw = nx.betweenness_centrality(H, weight="distance", normalized=True)
    rows = [{"node": n, "type": d.get("type", ""), "canonical": d.get("canonical", n),
             "jurisdiction": d.get("jurisdiction", ""), "mentions": d.get("mentions", 0),
             "degree": G.degree(n), "weighted_degree": int(G.degree(n, weight="weight")),
             "betweenness": round(btw[n], 6)} for n, d in G.nodes(data=True)]
    cols = ["node", "type", "canonical", "jurisdiction", "mentions", "degree", "weighted_degree", "betweenness"]
    df = pd.DataFrame(rows, columns=cols)
    return df.sort_values(["weighted_degree", "betweenness", "node"], ascending=[False, False, True]).reset_index(drop=True)


def jurisdiction_summary(corpus, *, keep_generic: bool = True) -> pd.DataFrame:
    """Per jurisdiction: nodes by type, edges by type pair, and density."""
    _check_corpus(corpus)
    rows = []
    pairs = [(a, b) for i, a in enumerate(TYPE_ORDER) for b in TYPE_ORDER[i + 1:]]
    for jur in sorted(set(_mentions(corpus)["jurisdiction"].astype(str))):
        G = build_network(corpus, jurisdiction=jur, keep_generic=keep_generic)
        row = {"jurisdiction": jur, "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
               "density": round(nx.density(G), 4) if G.number_of_nodes() > 1 else 0.0}
        types = nx.get_node_attributes(G, "type")
        for t in TYPE_ORDER:
            row[f"n_{t}"] = sum(1 for v in types.values() if v == t)
        for a, b in pairs:
            row[f"e_{a}_{b}"] = sum(1 for u, v in G.edges() if {types[u], types[v]} == {a, b})
        rows.append(row)
    return pd.DataFrame(rows)


def project(G: nx.Graph, node_type: str, via_type: str) -> nx.Graph:
    """Bipartite projection: ``node_type`` nodes linked through shared ``via_type`` nodes.

    E.g. ``project(G, "station", "deputy")``: two stations are linked when some
    deputy node is tied to both; the edge weight is the number of shared
    deputies (``networkx.algorithms.bipartite.weighted_projected_graph``).
    """
    for t in (node_type, via_type):
        if t not in TYPE_ORDER:
            raise InvalidArgumentError(f"node types are {TYPE_ORDER}; got {t!r}.")
    if node_type == via_type:
        raise InvalidArgumentError("project needs two different node types.")
    types = nx.get_node_attributes(G, "type")
    top = sorted(n for n, t in types.items() if t == node_type)
    B = nx.Graph()
    B.add_nodes_from(top, bipartite=0)
    B.add_nodes_from(sorted(n for n, t in types.items() if t == via_type), bipartite=1)
    B.add_edges_from(sorted((u, v) for u, v in G.edges() if {types[u], types[v]} == {node_type, via_type}))
    P = bipartite.weighted_projected_graph(B, top)
    for n in P.nodes:
        P.nodes[n].update(G.nodes[n])
    P.graph["name"] = f"{node_type} via {via_type}"
    return P


def projection_edges(G: nx.Graph, node_type: str, via_type: str) -> pd.DataFrame:
    """The projection's edges as a tidy table: source, target, shared (count)."""
    P = project(G, node_type, via_type)
    rows = [{"source": min(u, v), "target": max(u, v), "shared": int(d["weight"])} for u, v, d in P.edges(data=True)]
    df = pd.DataFrame(rows, columns=["source", "target", "shared"])
    return df.sort_values(["shared", "source", "target"], ascending=[False, True, True]).reset_index(drop=True)


def _scalar_copy(G: nx.Graph) -> nx.Graph:
    """A copy with sorted nodes/edges and scalar attributes only (for GraphML/GEXF)."""
    H = nx.Graph()
    H.graph.update({k: str(v) for k, v in G.graph.items()})
    rel_keys = sorted({k for _, _, d in G.edges(data=True) for k in d if k.startswith("rel_")})

    def scalar(v):
        return v if isinstance(v, (str, int, float, bool)) else json.dumps(v, ensure_ascii=False, sort_keys=True)

    for n in sorted(G.nodes):
        H.add_node(n, **{k: scalar(v) for k, v in sorted(G.nodes[n].items())})
    for u, v in sorted((min(a, b), max(a, b)) for a, b in G.edges):
        d = G.edges[u, v]
        attrs = {k: scalar(d[k]) for k in sorted(d) if not k.startswith("rel_")}
        attrs.update({k: int(d.get(k, 0)) for k in rel_keys})  # every edge has every rel_ column
        H.add_edge(u, v, **attrs)
    return H


def write_network(G: nx.Graph, folder: str | Path) -> dict[str, Path]:
    """Write ``network.graphml`` and ``network.gexf`` (for Gephi) into ``folder``.

    Attributes are flattened to scalars; nodes and edges are written sorted; the
    GEXF ``lastmodifieddate`` is fixed, so the same graph gives the same bytes.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    H = _scalar_copy(G)
    graphml = folder / "network.graphml"
    nx.write_graphml(H, graphml, encoding="utf-8", prettyprint=True)
    gexf = folder / "network.gexf"
    text = "\n".join(nx.generate_gexf(H, encoding="utf-8", prettyprint=True, version="1.2draft")) + "\n"
    text = re.sub(r'lastmodifieddate="[^"]*"', 'lastmodifieddate="1970-01-01"', text)
    gexf.write_text(text, encoding="utf-8")
    return {"graphml": graphml, "gexf": gexf}


def draw_network(G: nx.Graph, ax=None, *, seed: int = 42, n_labels: int = 25, title: str | None = None,
                 isolates: bool = False):
    """Draw a tripartite network readably: types by colour and marker, Chinese labels.

    Node size grows with weighted degree; only the ``n_labels`` nodes with the
    highest weighted degree are labelled (canonical names, CJK font). Nodes without
    edges are left out unless ``isolates=True``. The layout is Kamada–Kawai refined
    by ``spring_layout`` with a fixed ``seed`` (same graph → same picture).
    Returns the matplotlib Figure.
    """
    from . import plotting

    plotting.use_cjk_font()
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    if ax is None:
        fig, ax = plt.subplots(figsize=(11, 8.5))
    else:
        fig = ax.figure
    nodes = sorted(n for n in G.nodes if isolates or G.degree(n) > 0)
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from(sorted((min(u, v), max(u, v), {"weight": G.edges[u, v].get("weight", 1)})
                            for u, v in G.edges if u in H and v in H))
    # Kamada–Kawai spreads the dense core for reading; it is deterministic, and the
    # spring refinement that follows uses the fixed seed.
    start = nx.kamada_kawai_layout(H) if H.number_of_nodes() > 1 else None
    pos = nx.spring_layout(H, pos=start, seed=seed, weight="weight", iterations=30,
                           k=2.2 / max(len(nodes), 1) ** 0.5)
    wdeg = {n: G.degree(n, weight="weight") for n in nodes}
    widths = [0.4 + 0.6 * G.edges[u, v].get("weight", 1) for u, v in H.edges]
    nx.draw_networkx_edges(H, pos, ax=ax, width=widths, edge_color="#999999", alpha=0.5)
    handles = []
    for t in TYPE_ORDER:
        style = plotting.TYPE_STYLE[t]
        members = [n for n in nodes if G.nodes[n].get("type") == t]
        if not members:
            continue
        nx.draw_networkx_nodes(H, pos, nodelist=members, ax=ax, node_color=style["color"],
                               node_shape=style["marker"], node_size=[60 + 40 * wdeg[n] for n in members],
                               edgecolors="white", linewidths=0.6)
        handles.append(Line2D([], [], marker=style["marker"], color="none", markerfacecolor=style["color"],
                              markersize=9, label=f"{style['label']} ({len(members)})"))
    top = sorted(nodes, key=lambda n: (-wdeg[n], n))[:n_labels]
    nx.draw_networkx_labels(H, pos, labels={n: G.nodes[n].get("canonical", n) for n in top}, ax=ax, font_size=8,
                            font_family=plt.rcParams["font.family"],
                            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
    ax.legend(handles=handles, loc="lower left", frameon=False)
    ax.set_title(title or G.graph.get("name", ""))
    ax.set_axis_off()
    return fig
