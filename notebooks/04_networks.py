# %% [markdown]
# # 4. The deputy–station–agency network
#
# Who works with whom in grassroots congress work? The reports name four kinds of
# actors ([codebook §3](../docs/codebook.md)): **deputies** (人大代表, deputy groups
# 代表小组, lead deputies 领衔代表 …), **stations** where deputies meet constituents
# (联络站 liaison stations, 活动站/活动室 activity stations and rooms, 代表之家
# deputies' homes, mediation rooms 调解室 …), **agencies** of the state and the party
# that deputies supervise or work with (区政府 the district government, courts,
# bureaus, 承办单位 the departments handling suggestions, the party committee 区委),
# and the **congress** bodies themselves (人大常委会 standing committees, 街道人大工委
# street working committees …). The network joins two actors of different kinds when
# one sentence mentions both ([codebook §4](../docs/codebook.md)). An edge carries a
# `relation`, named by the trigger verb of the sentence (联系 liaises, 督办 supervises
# handling, 答复 replies, 调解 mediates, 委派 refers a case …; `co_mention` when there
# is none), and a `weight`, the number of sentences that support it. Every edge keeps
# its evidence sentences. Relation names are glossed in English in the tables and
# figures below.
#
# Questions: which relations connect which kinds of actor; which agencies and stations
# are central; how the networks differ between jurisdictions; and what the bipartite
# projections (agencies linked through shared deputies, and so on) add.

# %% tags=["parameters"]
# Parameters (papermill style): `congress-lib report` runs this notebook on another corpus
# by setting them. None: the bundled corpus (corpus/) and the repository's figures/.
CORPUS_DIR = None  # folder of the reports (reports/*.txt + metadata.csv, or a folder of .txt files)
FIGURES_DIR = None  # folder the figures are written to

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
from matplotlib.lines import Line2D

import congress_lib as cl
from congress_lib import analysis as an
from congress_lib.network import TYPE_ORDER, projection_edges
from congress_lib.notebooks import enough_data, listing, out_of_sample_file, save_and_show, say, setup
from congress_lib.plotting import TYPE_STYLE

ROOT, FIGURES = setup(max_colwidth=100, figures=FIGURES_DIR)  # paths, figure style with the bundled CJK font, table display

CORPUS = Path(CORPUS_DIR) if CORPUS_DIR else ROOT / "corpus"
corpus = cl.load_corpus(CORPUS, progress=False)
# province, level and year of every unit; more units than an.MAX_UNITS: distributions, the top actors
places = an.unit_places(corpus.units, corpus.documents)
AT_SCALE = an.at_scale(corpus.units)
#: at scale, the actors of each kind a drawing keeps (those with most ties)
TOP_ACTORS = 12


def glossed(table):
    """The table with its relation names glossed in English (督办 → 督办 supervises handling)."""
    return table.assign(relation=an.bilingual(table["relation"], "relation", corpus.lexicon))


def jurisdictions(node_jurisdiction):
    """The set of jurisdictions of a node (its attribute is ;-joined)."""
    return set(filter(None, str(node_jurisdiction).split(";")))


# %% [markdown]
# Every node is an extracted mention. How far to trust each kind on reports the rules were
# not written for: the span-matched F1 of mentions per type on the held-out pages of
# notebook 06 (`analysis.HONEST_SET`: fresh set 34 at the end of round 37), with its 95 % interval and the gold mentions it
# rests on. A missed mention is a missing node or tie; a false one, a tie that is not there.

# %%
VALIDATION = out_of_sample_file()
if VALIDATION is not None:
    trust = an.out_of_sample_scores(pd.read_csv(VALIDATION), an.HONEST_SET, table="mentions")
    trust.insert(0, "kind", an.bilingual(list(trust.index), "mention", corpus.lexicon))
    display(trust)

# %% [markdown]
# ## Edges and relations
#
# `cl.network_edges` gives one row per (source, target, relation). Nodes are keyed
# `type:canonical name`, so 区政府 in a unit about 同安区 and 同安区人民政府 elsewhere
# are one node, `agency:同安区人民政府`. Which relations connect which kinds of actor
# (an edge counts once for every sentence that supports it):

# %%
edges = cl.network_edges(corpus)
edges = edges.assign(pair=edges["source_type"] + "–" + edges["target_type"])
relations = edges.pivot_table(index="pair", columns="relation", values="weight", aggfunc="sum", fill_value=0)
relations = relations[sorted(relations.columns, key=lambda r: (r == "co_mention", -relations[r].sum(), r))]
relations.set_axis(an.bilingual(relations.columns, "relation", corpus.lexicon), axis=1)

# %%
fig, ax = plt.subplots(figsize=(8.4, 4.4))
an.draw_heatmap(relations, ax, cmap="Oranges", colorbar_label="sentences",
                col_labels=an.bilingual(relations.columns, "relation", corpus.lexicon))
ax.set_title("Relations between kinds of actor (whole corpus)")
save_and_show(fig, "04_relations", FIGURES)

# %%
typed = relations.drop(columns="co_mention")
commonest = [f"{pair} {an.bilingual([typed.loc[pair].idxmax()], 'relation', corpus.lexicon)[0]} "
             f"({typed.loc[pair].max():,})" for pair in typed.index if typed.loc[pair].max() > 0]
ties, co = int(relations.to_numpy().sum()), int(relations["co_mention"].sum())
say("Of the {ties:,} (edge, sentence) ties, {co:,} ({share:.0%}) are plain co-mentions: the sentence names "
    "both actors, but no trigger verb in the clause of either says what one did to the other. The commonest "
    "typed relation of each pair of kinds (ties): {commonest}.",
    ties=ties, co=co, share=co / ties, commonest=listing(commonest))

# %% [markdown]
# The evidence of every typed edge that involves an agency, with its trigger word:

# %%
evidence = cl.edge_evidence(corpus)
agency_typed = evidence[(evidence["relation"] != "co_mention")
                        & (evidence["source"].str.startswith("agency:") | evidence["target"].str.startswith("agency:"))]
glossed(agency_typed.sort_values(["relation", "source", "target", "doc_id", "start"]))[
    ["relation", "trigger", "source", "target", "sent_id", "sentence"]].reset_index(drop=True)

# %% [markdown]
# ## The whole-corpus network, and what generic nodes do to it
#
# Some nodes are **generic**: names that carry no level or place, such as 人大代表
# (deputies in general), 人大 (the congress in general) or 承办单位 (the handling
# departments). A generic name is one node across the whole corpus, so it collects the
# ties of every report that uses it and joins jurisdictions that have nothing to do
# with each other: its centrality is high by construction.

# %%
G_all = cl.build_network(corpus)
metrics_all = cl.node_metrics(G_all)
top10 = metrics_all.head(10)
first = metrics_all.iloc[0]
n_jurisdictions = corpus.units["jurisdiction"].nunique()
say("Whole corpus: {n:,} nodes, {e:,} edges. Of the ten nodes with most ties (weighted degree, below), {k} are "
    "generic ({generic}). The first, {first}, is {kind}: it is tied to {deg:,} of the other {others:,} nodes and "
    "named in {nj:,} of the {J:,} jurisdictions.",
    n=G_all.number_of_nodes(), e=G_all.number_of_edges(), k=int(top10["generic"].sum()),
    generic=listing(top10.loc[top10["generic"], "canonical"]), first=first["canonical"],
    kind="generic" if first["generic"] else "a specific actor", deg=first["degree"],
    others=G_all.number_of_nodes() - 1, nj=len(jurisdictions(first["jurisdiction"])), J=n_jurisdictions)

# %%
top10

# %% [markdown]
# For questions about *which* agencies and stations are central we therefore drop
# the generic nodes (`keep_generic=False`). What remains are named or levelled actors.
# Names for several levels at once (各级人大代表 deputies at all levels) and national
# bodies (党中央 the party centre) carry a level, so they are not generic: they are
# kept, and being one node across all reports, they can still bridge jurisdictions.

# %%
G = cl.build_network(corpus, keep_generic=False)
metrics = cl.node_metrics(G)
bridges = metrics[(metrics["degree"] > 0) & (metrics["jurisdiction"].map(lambda j: len(jurisdictions(j))) > 1)]
say("Specific actors only: {n:,} nodes, {e:,} edges; {iso:,} of the nodes have no tie left. {b:,} connected nodes "
    "are named in more than one jurisdiction: {names}.",
    n=G.number_of_nodes(), e=G.number_of_edges(), iso=int((metrics["degree"] == 0).sum()), b=len(bridges),
    names=listing((f"{r.canonical} ({len(jurisdictions(r.jurisdiction))} jurisdictions)" for r in bridges.itertuples()),
                  limit=10))

# %% [markdown]
# ### Central agencies and stations
#
# Degree counts an actor's distinct partners; weighted degree adds up, over its
# partners, the sentences that tie it to each; betweenness (with 1/weight as distance)
# how often it lies on shortest paths between others.

# %%
cols = ["canonical", "jurisdiction", "branch", "mentions", "degree", "weighted_degree", "betweenness"]
metrics[metrics["type"] == "agency"][cols].head(10).reset_index(drop=True)

# %%
metrics[metrics["type"] == "station"][cols].head(10).reset_index(drop=True)

# %%
with enough_data("comparing agencies and stations with the other kinds of actor"):
    top_agencies = metrics[(metrics["type"] == "agency") & (metrics["degree"] > 0)].head(5)
    branches = top_agencies["branch"].value_counts()
    connected = metrics.assign(linked=metrics["degree"] > 0).groupby("type")["linked"].mean()
    station_ties = relations.loc[[p for p in relations.index if "station" in p.split("–")]].sum(axis=1)
    station_ties.index = [p.replace("station", "").strip("–") for p in station_ties.index]
    fewest = station_ties.idxmin()
    seldom = fewest == "agency" and 2 * station_ties.min() < station_ties.drop(fewest).min()
    display(say("The five agencies with most ties are {agencies}; by branch: {branches}. Stations are {rank} "
        "connected kind of actor: {share:.0%} of the specific stations have a tie, against {others}. In the whole "
        "network (generic nodes included) stations have {ties}; {fewest_text}.",
        agencies=listing(top_agencies["canonical"]),
        branches=listing(f"{n} {b}" for b, n in branches.items()),
        rank="the least" if connected.idxmin() == "station" else "not the least",
        share=connected["station"],
        others=listing(f"{connected[t]:.0%} of {t} nodes" for t in TYPE_ORDER if t != "station"),
        ties=listing(f"{n} (edge, sentence) ties with {t} nodes"
                     for t, n in station_ties.sort_values(ascending=False).items()),
        fewest_text=("in these texts a station appears beside deputies and congress bodies, seldom beside an agency "
                     "of the administration" if seldom else f"they are named with {fewest} nodes least often")))

# %% [markdown]
# ## Per jurisdiction
#
# `cl.jurisdiction_summary` builds one network per jurisdiction (generic nodes kept:
# inside one jurisdiction 人大代表 does refer to that jurisdiction's deputies) and
# counts nodes by type (`n_`) and edges by pair of types (`e_`). Density (edges over
# possible edges) falls as a network grows, so it does not compare networks of very
# different size. With more than `an.MAX_UNITS` (30) units the table keeps the 30
# largest networks, and a figure shows the distribution of network sizes over all
# jurisdictions, with the median size by level and by province.

# %%
summary = (cl.jurisdiction_summary(corpus).sort_values(["edges", "jurisdiction"], ascending=[False, True])
           .reset_index(drop=True))
summary.head(an.MAX_UNITS) if AT_SCALE else summary

# %%
if AT_SCALE:
    where = an.jurisdiction_places(places).set_index("jurisdiction").reindex(summary["jurisdiction"])
    sizes = summary.set_index("jurisdiction")[["nodes", "edges"]]
    fig, axes = plt.subplots(1, 2, figsize=(9.6, 3.8))
    for ax, column in zip(axes, ["nodes", "edges"]):
        values = sizes[column].to_numpy()
        ax.hist(values, bins=min(40, max(5, len(set(values)))), color="#0072B2")
        an.count_axis(ax)
        ax.axvline(float(pd.Series(values).median()), color="#D55E00", lw=1.2,
                   label=f"median {pd.Series(values).median():g}")
        ax.set_xlabel(f"{column} of the jurisdiction's network")
        ax.set_ylabel("jurisdictions")
        ax.legend(frameon=False)
    fig.suptitle(f"Size of the network of each of the {len(sizes):,} jurisdictions (generic names kept)")
    fig.tight_layout()
    display(save_and_show(fig, "04_jurisdiction_sizes", FIGURES))
    by_level = an.by_group(sizes, where["level"], how="median").rename(columns={"items": "jurisdictions"})
    by_province = an.by_group(sizes, where["province"], how="median", top=an.MAX_UNITS,
                              min_items=an.MIN_GROUP_ITEMS).rename(
        columns={"items": "jurisdictions"})
    by_province.index = an.province_labels(by_province.index, corpus.lexicon)
    display(by_level)
    display(by_province)
    display(say("Half of the {n:,} jurisdictions have a network of at most {m:g} nodes and {e:g} edges; the largest "
                "has {top_n:,} nodes and {top_e:,} edges ({top}). By level, the median network has {levels}.",
                n=len(sizes), m=sizes["nodes"].median(), e=sizes["edges"].median(), top_n=summary["nodes"].iloc[0],
                top_e=summary["edges"].iloc[0], top=summary["jurisdiction"].iloc[0],
                levels=listing(f"{r.nodes:g} nodes ({level}, {int(r.jurisdictions):,} jurisdictions)"
                               for level, r in by_level.iterrows())))

# %%
units = corpus.units.merge(corpus.documents[["doc_id", "genre", "n_units"]], on="doc_id")
own_report = set(units.loc[units["n_units"] == 1, "jurisdiction"])
summary = summary.assign(own_report=summary["jurisdiction"].isin(own_report))
largest3 = summary.head(3)
sections = summary[~summary["own_report"]]
say("The three largest networks, {largest}, belong to jurisdictions {own} a report of their own; the {k} "
    "jurisdictions known only from sections of {multi} have {lo}–{hi} nodes and {elo}–{ehi} edges each.",
    largest=listing(f"{r.jurisdiction} ({r.nodes} nodes, {r.edges} edges)" for r in largest3.itertuples()),
    own="that all have" if largest3["own_report"].all() else "not all of which have",
    multi=listing((f"{d} ({g})" for d, g in units.loc[units["n_units"] > 1, ["doc_id", "genre"]].drop_duplicates()
                   .itertuples(index=False)), limit=5),
    k=len(sections), lo=sections["nodes"].min(), hi=sections["nodes"].max(),
    elo=sections["edges"].min(), ehi=sections["edges"].max())

# %% [markdown]
# The network of the jurisdiction with the most edges, all actors, as a matrix: one
# row and one column per actor, the number in a cell the sentences that tie the two.
# Edges join actors of different kinds only, and each pair appears once, so the matrix
# is a staircase: stations, agencies and congress bodies (rows) against deputies,
# stations and agencies (columns). Actors are ordered by type, then by weighted
# degree; names are coloured by type; `*` marks a generic name; actors without a tie
# are left out. Unlike a node–link drawing, a matrix shows every tie without lines
# crossing labels.

# %%
largest = summary["jurisdiction"].iloc[0]
G_local = cl.build_network(corpus, jurisdiction=largest)
local = local_metrics = cl.node_metrics(G_local)
local = local[local["degree"] > 0].sort_values("type", key=lambda t: t.map(TYPE_ORDER.index), kind="stable")
if AT_SCALE:  # the actors of each kind with most ties
    local = local.groupby("type", sort=False).head(TOP_ACTORS)
by_type = {t: local.loc[local["type"] == t, "node"].tolist() for t in TYPE_ORDER}
rows = [n for t in TYPE_ORDER[1:] for n in by_type[t]]
columns = [n for t in TYPE_ORDER[:-1] for n in by_type[t]]
local_edges = cl.network_edges(corpus, jurisdiction=largest)
matrix = (local_edges.pivot_table(index="target", columns="source", values="weight", aggfunc="sum")
          .reindex(index=rows, columns=columns))
name = {n: G_local.nodes[n]["canonical"] + (" *" if G_local.nodes[n]["generic"] else "") for n in local["node"]}
fig, ax = plt.subplots(figsize=(9.6, 10.4))
an.draw_heatmap(matrix, ax, cmap="Blues", colorbar_label="sentences",
                row_labels=[name[n] for n in rows], col_labels=[name[n] for n in columns])
for ticks, nodes in ((ax.get_yticklabels(), rows), (ax.get_xticklabels(), columns)):
    for tick, n in zip(ticks, nodes):
        tick.set_color(TYPE_STYLE[G_local.nodes[n]["type"]]["color"])
for k in range(1, len(TYPE_ORDER) - 1):  # lines between the blocks of one type
    ax.axhline(sum(len(by_type[t]) for t in TYPE_ORDER[1:k + 1]) - 0.5, color="#555555", lw=0.6)
    ax.axvline(sum(len(by_type[t]) for t in TYPE_ORDER[:k]) - 0.5, color="#555555", lw=0.6)
ax.legend(handles=[Line2D([], [], marker=TYPE_STYLE[t]["marker"], color="none", markersize=8,
                          markerfacecolor=TYPE_STYLE[t]["color"], label=f"{t} ({len(by_type[t])})")
                   for t in TYPE_ORDER], loc="upper right", frameon=False, title="names by type")
ax.set_title(f"Who is named with whom in {largest}: sentences per pair of actors (* generic name)"
             + (f"\nthe {TOP_ACTORS} actors of each kind with most ties" if AT_SCALE else ""))
save_and_show(fig, "04_network_jurisdiction", FIGURES)

# %% [markdown]
# Every tie of the matrix with its evidence sentence:

# %%
glossed(cl.edge_evidence(corpus, jurisdiction=largest).sort_values(["source", "target", "doc_id", "start"]))[
    ["source", "target", "relation", "sent_id", "sentence"]].reset_index(drop=True)

# %%
generic_local = {n for n in G_local if G_local.nodes[n]["generic"]}
with_generic = sum(1 for u, v in G_local.edges() if u in generic_local or v in generic_local)
hub = local.sort_values(["degree", "weighted_degree", "node"], ascending=[False, False, True]).iloc[0]
say("In {j}, {g} of the {e} edges ({share:.0%}) have a generic name at one end; the actor with the most "
    "partners is {hub} ({kind}, {deg} partners, weighted degree {w}). {iso} of the {n} actors named in {j} share no "
    "sentence with an actor of another kind and are not shown{cut}.",
    cut=(f"; of the others, the matrix shows the {TOP_ACTORS} of each kind with most ties" if AT_SCALE else ""),
    j=largest, g=with_generic, e=G_local.number_of_edges(), share=with_generic / G_local.number_of_edges(),
    hub=hub["canonical"], kind="generic" if hub["generic"] else "specific", deg=hub["degree"],
    w=hub["weighted_degree"], iso=G_local.number_of_nodes() - (local_metrics["degree"] > 0).sum(),
    n=G_local.number_of_nodes())

# %% [markdown]
# ## Bipartite projections
#
# A projection keeps one kind of actor and links two of them when they share a
# partner of another kind: agencies linked through shared deputies, stations through
# shared deputies, and so on (`cl.project`; the edge weight is the number of shared
# partners). On the network of specific actors:

# %%
projections = an.projection_summary(G)
projections

# %%
share = projections.set_index(["node_type", "via_type"])
station_deputy = evidence[(evidence["source_type"] == "deputy") & (evidence["target_type"] == "station")]
generic_deputy = station_deputy["source"].map(dict(zip(metrics_all["node"], metrics_all["generic"])))
say("{a_linked:,} of the {a_n:,} specific agencies share a deputy with another agency, and {s_linked:,} of the "
    "{s_n:,} stations share one with another station. In the whole network, {g:,} of the {sd:,} (edge, sentence) ties "
    "between a station and a deputy go to {which}, a generic node dropped here{so}.",
    a_linked=share.loc[("agency", "deputy"), "linked_nodes"], a_n=share.loc[("agency", "deputy"), "nodes"],
    s_linked=share.loc[("station", "deputy"), "linked_nodes"], s_n=share.loc[("station", "deputy"), "nodes"],
    g=int(generic_deputy.sum()), sd=len(station_deputy),
    which=listing(sorted(set(station_deputy.loc[generic_deputy, "source"].str.split(":").str[1])), conjunction="or"),
    so=(": a report names a station together with deputies in general rather than with a particular deputy "
        "or deputy group" if generic_deputy.mean() > 0.5 else ""))

# %% [markdown]
# The ties that exist, with the number of shared partners and who they are (`via`):

# %%
projected = pd.concat([
    projection_edges(G, "agency", "deputy").assign(projection="agency via deputy"),
    projection_edges(G, "agency", "congress").assign(projection="agency via congress"),
    projection_edges(G, "station", "congress").assign(projection="station via congress"),
])[["projection", "source", "target", "shared", "via"]].reset_index(drop=True)
projected

# %%
with enough_data("the ties that cross jurisdictions"):
    place = dict(zip(metrics["node"], metrics["jurisdiction"].map(jurisdictions)))
    level = dict(zip(metrics["node"], metrics["level"]))
    crossing = projected[[not (place[s] & place[t]) for s, t in zip(projected["source"], projected["target"])]]
    vias = sorted({v for via in crossing["via"] for v in via.split(";")})
    multi_level = bool(vias) and all(level[v] == "multi" for v in vias)
    display(say("{x:,} of the {n:,} projected ties join two actors that are never named in the same jurisdiction{through}{verdict}",
        x=len(crossing), n=len(projected),
        through=f"; they run through {listing((v.split(':', 1)[1] for v in vias), limit=10)}" if vias else ".",
        verdict=(", names for several levels at once (level `multi`) that stand for different people in each report: "
                 "such a tie says more about shared vocabulary than about shared people." if multi_level
                 else ": a tie through a name used in several reports shows shared people only if the name is one actor."
                 if vias else "")))

# %% [markdown]
# A projection says that two actors work with the same people only where the shared
# partner is one identifiable actor (a named deputy or deputy group, one standing
# committee of one place); reports that name individual deputies give it more such
# ties.
#
# ## The tripartite network of specific actors
#
# The whole corpus, generic nodes dropped, isolated nodes not drawn, every actor
# labelled (at scale: the 12 actors of each kind with most ties and the ties among them).
# One column per type (deputies, stations, agencies, congress bodies, left to
# right), actors ordered by weighted degree from the top; colour and shape give the
# type, node size the weighted degree.

# %%
if AT_SCALE:
    kept = (metrics[metrics["degree"] > 0].sort_values(["weighted_degree", "node"], ascending=[False, True])
            .groupby("type", sort=False).head(TOP_ACTORS)["node"])
    G_drawn = G.subgraph(kept).copy()
    title = (f"Deputy–station–agency network, whole corpus: the {TOP_ACTORS} specific actors of each kind with most "
             f"ties (of {(metrics['degree'] > 0).sum():,})")
else:
    G_drawn, title = G, "Deputy–station–agency network, whole corpus (specific actors)"
fig = cl.draw_network(G_drawn, n_labels=G_drawn.number_of_nodes(), layout="columns", title=title)
save_and_show(fig, "04_network", FIGURES)

# %% [markdown]
# Every edge of the figure with its evidence sentence:

# %%
drawn = {tuple(sorted(e)) for e in G_drawn.edges()}
glossed(evidence[[tuple(sorted(p)) in drawn for p in zip(evidence["source"], evidence["target"])]].sort_values(
    ["source", "target", "doc_id", "start"]))[["source", "target", "relation", "sent_id", "sentence"]].reset_index(
    drop=True)

# %%
tops = (metrics[metrics["degree"] > 0].sort_values(["weighted_degree", "node"], ascending=[False, True])
        .groupby("type", sort=False).head(1).set_index("type")
        .reindex([t for t in TYPE_ORDER if ((metrics["type"] == t) & (metrics["degree"] > 0)).any()]))
multi = set(bridges["node"])
core = G.subgraph([n for n in G if G.degree(n) > 0 and n not in multi])
spanning = [c for c in nx.connected_components(core) if len(set().union(*(place[n] for n in c))) > 1]
say("At the top of the columns stand {tops}; {k} of them are named in more than one "
    "jurisdiction. Without the {m} nodes named in several jurisdictions, {spanning}: {verdict}.",
    tops=listing(f"{r.canonical} ({t}, weighted degree {r.weighted_degree}, {len(jurisdictions(r.jurisdiction))} "
                 f"jurisdiction{'s' if len(jurisdictions(r.jurisdiction)) > 1 else ''})"
                 for t, r in tops.iterrows()),
    k=sum(n in multi for n in tops["node"]), m=len(multi),
    spanning=(f"{len(spanning)} connected group(s) of actors still span two or more jurisdictions" if spanning
              else "no connected group of actors spans two jurisdictions"),
    verdict=("the multi-jurisdiction nodes are what joins the reports into one network" if not spanning
             else "the reports are also joined by actors named in one jurisdiction only"))

# %% [markdown]
# The network is a map of how reports *describe* relations, sentence by sentence; it
# is not a measure of how often these actors meet. Mention errors and canonical-name
# conventions ([notebook 6](06_validation.ipynb)) propagate to nodes and centralities.
#
# The graph can be written for Gephi with `cl.write_network(G, folder)`
# (`network.graphml`, `network.gexf`); `congress-lib build` does so for the whole
# corpus.
