"""Drawing the network with matplotlib: types by colour and marker, Chinese labels.

matplotlib and :mod:`congress_lib.plotting` are imported only when
:func:`draw_network` is called, so graph code never loads them.
"""

from __future__ import annotations

import networkx as nx

from ..errors import InvalidArgumentError
from .graph import check_graph
from .keys import TYPE_ORDER, node_sort_key

__all__ = ["draw_network"]


def _column_layout(H: nx.Graph, G: nx.Graph, strength: dict) -> dict:
    """Types in columns (deputy, station, agency, congress), strongest nodes at the top."""
    pos = {}
    present = [t for t in TYPE_ORDER if any(G.nodes[n].get("type") == t for n in H)]
    others = [n for n in H if G.nodes[n].get("type") not in TYPE_ORDER]
    columns = [[n for n in H if G.nodes[n].get("type") == t] for t in present] + ([others] if others else [])
    for x, members in enumerate(columns):
        members = sorted(members, key=lambda n: (-strength[n], str(n)))
        for i, n in enumerate(members):
            y = 1.0 - (i + 0.5) / len(members) * 2.0
            pos[n] = (float(x), y)
    return pos


def _spring_layout(H: nx.Graph, seed: int) -> dict:
    """Fruchterman–Reingold per connected component, components packed in rows.

    A single spring layout pushes small components to the margins and squeezes
    the large one; laying out each component alone (radius ~ sqrt(size)) and
    packing them, largest first, uses the page. NumPy only; deterministic for a
    fixed `seed` and node order.
    """
    order = {n: i for i, n in enumerate(H)}
    components = sorted((sorted(c, key=order.__getitem__) for c in nx.connected_components(H)),
                        key=lambda c: (-len(c), order[c[0]]))
    blocks = []
    for members in components:
        # the same typical edge length in every component: radius ~ sqrt(size)
        radius = 0.6 * len(members) ** 0.5 if len(members) > 2 else 0.3 * len(members)
        if len(members) == 1:
            local = {members[0]: (0.0, 0.0)}
        else:
            # an explicit graph in `members` order: a subgraph *view* of a small node
            # set iterates that set in hash order, which would make the layout vary
            # with PYTHONHASHSEED
            sub = nx.Graph()
            sub.add_nodes_from(members)
            inside = set(members)
            links = {tuple(sorted((a, b), key=order.__getitem__)): d
                     for a, b, d in H.edges(members, data=True) if a in inside and b in inside}
            sub.add_edges_from((a, b, links[a, b]) for a, b in sorted(links, key=lambda e: (order[e[0]], order[e[1]])))
            local = nx.spring_layout(sub, seed=seed, weight="weight", iterations=300, method="force",
                                     k=1.8 / len(members) ** 0.5, scale=radius)
            local = {n: (float(x), float(y)) for n, (x, y) in local.items()}
        blocks.append((local, radius))
    width = max(max((2 * r for _, r in blocks), default=1.0),
                1.3 * sum((2 * r) ** 2 for _, r in blocks) ** 0.5)
    pos, x, y, row = {}, 0.0, 0.0, 0.0
    gap = 0.6
    for local, radius in blocks:
        size = 2 * radius
        if x > 0 and x + size > width:
            x, y, row = 0.0, y - row - gap, 0.0
        cx, cy = x + radius, y - radius
        for n, (px, py) in local.items():
            pos[n] = (cx + px, cy + py)
        x += size + gap
        row = max(row, size)
    return pos


#: Largest marker area (points²) of a node: that of a weighted degree of 20.
MAX_NODE_SIZE = 640


def draw_network(G: nx.Graph, ax=None, *, seed: int = 42, n_labels: int = 25, title: str | None = None,
                 isolates: bool = False, layout: str = "spring"):
    """Draw the network readably: types by colour and marker, Chinese labels.

    Node size grows with weighted degree, up to a weighted degree of 20
    (:data:`MAX_NODE_SIZE`: a hub of a large corpus would cover its neighbours); the `n_labels` nodes with the highest
    weighted degree are labelled with their canonical names in the bundled CJK
    font (:func:`congress_lib.plotting.use_cjk_font`, which sets matplotlib's
    rcParams). Generic nodes are drawn translucent.

    Parameters
    ----------
    G : networkx.Graph
        From :func:`build_network`; not modified.
    ax : matplotlib.axes.Axes, optional
        Default: a new 11 × 8.5 inch figure.
    seed : int, default 42
        Seed of the spring layout (same graph and seed → same picture).
    n_labels : int, default 25
        How many nodes to label.
    title : str, optional
        Default: the graph's ``name``.
    isolates : bool, default False
        Draw nodes without edges.
    layout : {"spring", "columns"}, default "spring"
        ``"spring"``: Fruchterman–Reingold with fixed `seed` (NumPy only), one
        connected component at a time, components packed largest first;
        ``"columns"``: one column per type in :data:`TYPE_ORDER`, nodes ordered by
        weighted degree.

    Returns
    -------
    matplotlib.figure.Figure
    """
    check_graph(G, "draw_network")
    if layout not in ("spring", "columns"):
        raise InvalidArgumentError(f"layout must be 'spring' or 'columns', not {layout!r}.")
    from ..plotting import TYPE_STYLE, use_cjk_font

    use_cjk_font()
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    if ax is None:
        fig, ax = plt.subplots(figsize=(11, 8.5))
    else:
        fig = ax.figure
    nodes = sorted((n for n in G.nodes if isolates or G.degree(n) > 0),
                   key=lambda n: node_sort_key(str(n), G.nodes[n].get("type")))
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from(sorted(((u, v, {"weight": G.edges[u, v].get("weight", 1)}) for u, v in G.edges
                             if u in H and v in H), key=lambda e: (str(e[0]), str(e[1]))))
    strength = {n: G.degree(n, weight="weight") for n in nodes}
    if layout == "columns":
        pos = _column_layout(H, G, strength)
    else:
        pos = _spring_layout(H, seed)
    widths = [0.4 + 0.5 * min(H.edges[u, v]["weight"], 8) for u, v in H.edges]
    if H.number_of_edges():
        nx.draw_networkx_edges(H, pos, ax=ax, width=widths, edge_color="#9a9a9a", alpha=0.5)
    handles = []
    for t in [*TYPE_ORDER, None]:
        members = [n for n in nodes if (G.nodes[n].get("type") == t if t else G.nodes[n].get("type") not in TYPE_ORDER)]
        if not members:
            continue
        style = TYPE_STYLE.get(t, {"color": "#777777", "marker": "o", "label": "other"})
        for generic in (False, True):
            part = [n for n in members if bool(G.nodes[n].get("generic", False)) == generic]
            if part:
                nx.draw_networkx_nodes(H, pos, nodelist=part, ax=ax, node_color=style["color"],
                                       node_shape=style["marker"], node_size=[min(40 + 30 * strength[n], MAX_NODE_SIZE) for n in part],
                                       edgecolors="white", linewidths=0.6, alpha=0.6 if generic else 0.95)
        handles.append(Line2D([], [], marker=style["marker"], color="none", markerfacecolor=style["color"],
                              markeredgecolor="white", markersize=9, label=f"{style['label']} ({len(members)})"))
    top = sorted(nodes, key=lambda n: (-strength[n], str(n)))[:max(int(n_labels), 0)]
    if top:
        nx.draw_networkx_labels(H, pos, labels={n: G.nodes[n].get("canonical", str(n)) for n in top}, ax=ax,
                                font_size=8, font_family=plt.rcParams["font.family"],
                                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
    if handles:
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=len(handles), frameon=False)
    ax.set_title(title if title is not None else G.graph.get("name", ""))
    ax.set_axis_off()
    return fig
