# %% [markdown]
# # 4. The deputy–station–agency network
#
# Who works with whom in grassroots congress work? The reports name four kinds of
# actors (codebook §3): **deputies** (人大代表, deputy groups 代表小组, lead deputies
# 领衔代表 …), **stations** where deputies meet constituents (联络站, 活动站/活动室,
# 代表之家, mediation rooms 调解室 …), **agencies** of the state and the party that
# deputies supervise or work with (区政府, courts, bureaus, 承办单位 the departments
# handling suggestions, the party committee 区委), and the **congress** bodies
# themselves (人大常委会, 街道人大工委 …). The network joins two actors of different
# kinds when one sentence mentions both (§4). An edge carries a `relation`, from the
# trigger verb of the sentence (联系 contact, 督办 supervise, 答复 reply, 调解 mediate,
# 委派 delegate …; `co_mention` when there is none), and a `weight`, the number of
# sentences that support it. Every edge keeps its evidence sentences.
#
# Questions: which relations connect which kinds of actor; which agencies and stations
# are central; how the networks differ between jurisdictions; and what the bipartite
# projections (agencies linked through shared deputies, and so on) add.

# %%
import matplotlib.pyplot as plt
import pandas as pd

import congress_lib as cl
from congress_lib import analysis as an
from congress_lib.network import projection_edges
from congress_lib.notebooks import setup

ROOT, FIGURES = setup(max_colwidth=100)  # paths, figure style with the bundled CJK font, table display

corpus = cl.load_corpus(ROOT / "corpus")

# %% [markdown]
# ## Edges and relations
#
# `cl.network_edges` gives one row per (source, target, relation). Nodes are keyed
# `type:canonical name`, so 区政府 in a unit about 同安区 and 同安区人民政府 elsewhere
# are one node, `agency:同安区人民政府`. Which relations connect which kinds of actor
# (sentences, summed over edges):

# %%
edges = cl.network_edges(corpus)
edges = edges.assign(pair=edges["source_type"] + "–" + edges["target_type"])
relations = edges.pivot_table(index="pair", columns="relation", values="weight", aggfunc="sum", fill_value=0)
relations = relations[sorted(relations.columns, key=lambda r: (r == "co_mention", -relations[r].sum(), r))]
relations

# %%
fig, ax = plt.subplots(figsize=(7.6, 3.4))
an.draw_heatmap(relations, ax, cmap="Oranges", colorbar_label="sentences")
ax.set_title("Relations between kinds of actor (whole corpus)")
an.save_and_show(fig, "04_relations", FIGURES)

# %% [markdown]
# Most ties are plain co-mentions: a report names a deputy and a congress body in one
# sentence without a verb that says what one did to the other. Among the typed
# relations, 联系 (contact) is the commonest verb between deputies and agencies and
# between deputies and stations; 督办 (supervise the handling of suggestions) ties
# congress bodies to agencies and to deputies; 答复 (reply) and 承办 (handle) put
# deputies opposite the departments that answer their suggestions; 调解 (mediation)
# and 委派 (delegation of cases) tie the court to deputies in the mediation rooms.
# The evidence of every typed edge that involves an agency:

# %%
evidence = cl.edge_evidence(corpus)
agency_typed = evidence[(evidence["relation"] != "co_mention")
                        & (evidence["source"].str.startswith("agency:") | evidence["target"].str.startswith("agency:"))]
agency_typed.sort_values(["relation", "source", "target", "doc_id", "start"])[
    ["relation", "trigger", "source", "target", "sent_id", "sentence"]].reset_index(drop=True)

# %% [markdown]
# ## The whole-corpus network, and what generic nodes do to it
#
# Built over the whole corpus, the network is dominated by **generic** nodes, names
# that carry no level or place: 人大代表 (deputies in general), 人大 (the congress in
# general), 承办单位 (the handling departments). Every report talks of deputies, so the
# generic deputy node is tied to almost everything and has the highest centrality by
# construction; it also joins jurisdictions that have nothing to do with each other.

# %%
G_all = cl.build_network(corpus)
metrics_all = cl.node_metrics(G_all)
print(f"whole corpus: {G_all.number_of_nodes()} nodes, {G_all.number_of_edges()} edges")
metrics_all.head(10)

# %% [markdown]
# For questions about *which* agencies and stations are central we therefore drop
# the generic nodes (`keep_generic=False`). What remains are named or levelled actors:
# 同安区人民政府, 淮北市财政局, a named station brand. A caveat remains: multi-level
# names such as 各级人大代表 (deputies at all levels) and 党中央 (the party centre) are
# kept, and being one node across all reports, they still bridge jurisdictions.

# %%
G = cl.build_network(corpus, keep_generic=False)
metrics = cl.node_metrics(G)
print(f"specific actors only: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")

# %% [markdown]
# ### Central agencies and stations
#
# Degree counts an actor's distinct partners, weighted degree the sentences that tie
# it to them, betweenness (with 1/weight as distance) how often it lies on shortest
# paths between others.

# %%
cols = ["canonical", "jurisdiction", "mentions", "degree", "weighted_degree", "betweenness"]
metrics[metrics["type"] == "agency"][cols].head(10).reset_index(drop=True)

# %%
metrics[metrics["type"] == "station"][cols].head(10).reset_index(drop=True)

# %% [markdown]
# The central agencies are the party committees (from the party centre down to the
# district committee) and the district governments: the bodies whose leadership the
# reports affirm and whose work the congresses review. Stations are weakly
# connected: they are mentioned with deputies and with congress bodies, rarely with a
# government agency in the same sentence. In
# these texts the contact stations are congress-side infrastructure, presented as
# the place where deputies meet voters, not as an interface with the administration.
#
# ## Per jurisdiction
#
# `cl.jurisdiction_summary` builds one network per jurisdiction (generic nodes kept:
# inside one jurisdiction 人大代表 does refer to that jurisdiction's deputies) and
# counts nodes by type (`n_`) and edges by pair of types (`e_`):

# %%
summary = cl.jurisdiction_summary(corpus)
summary.sort_values(["edges", "jurisdiction"], ascending=[False, True]).reset_index(drop=True)

# %% [markdown]
# The long single-district reports (相山区, the Zhengzhou district, 同安区) give dense
# accounts with dozens of actors; the round-up sections name a handful. Density falls
# as networks grow, so it is not comparable across networks of such different size.
# The network of the jurisdiction with the most edges:

# %%
largest = summary.sort_values(["edges", "jurisdiction"], ascending=[False, True])["jurisdiction"].iloc[0]
G_local = cl.build_network(corpus, jurisdiction=largest)
fig = cl.draw_network(G_local, n_labels=30, title=f"Deputy–station–agency network: {largest} (all actors)")
an.save_and_show(fig, "04_network_jurisdiction", FIGURES)

# %% [markdown]
# ## Bipartite projections
#
# A projection keeps one kind of actor and links two of them when they share a
# partner of another kind: agencies linked through shared deputies, stations through
# shared deputies, and so on (`cl.project`; the edge weight is the number of shared
# partners). On the network of specific actors:

# %%
an.projection_summary(G)

# %% [markdown]
# The projections are sparse: few agencies share a named deputy, and stations almost
# never share one, because a report names a station together with deputies in
# general (a generic node, dropped here) rather than with a particular deputy group.
# The ties that exist, with the number of shared partners and who they are (`via`):

# %%
pd.concat([
    projection_edges(G, "agency", "deputy").assign(projection="agency via deputy"),
    projection_edges(G, "agency", "congress").assign(projection="agency via congress"),
    projection_edges(G, "station", "congress").assign(projection="station via congress"),
])[["projection", "source", "target", "shared", "via"]].reset_index(drop=True)

# %% [markdown]
# Some of these ties cross jurisdictions (a Zhengzhou party committee and the Tong'an
# district government sharing "各级人大代表"), which is the bridging artefact noted
# above: a projection through multi-level or generic names says more about shared
# vocabulary than about shared people. Within one jurisdiction the projections are
# meaningful, and a larger corpus with named deputies would make them informative.
#
# ## The tripartite network of specific actors
#
# The whole corpus, generic nodes dropped, isolated nodes not drawn, every actor
# labelled. One column per type (deputies, stations, agencies, congress bodies, left to
# right), actors ordered by weighted degree from the top; colour and shape give the
# type, node size the weighted degree.

# %%
fig = cl.draw_network(G, n_labels=G.number_of_nodes(), layout="columns",
                      title="Deputy–station–agency network, whole corpus (specific actors)")
an.save_and_show(fig, "04_network", FIGURES)

# %% [markdown]
# Every edge of the figure with its evidence sentence:

# %%
drawn = {tuple(sorted(e)) for e in G.edges()}
evidence[[tuple(sorted(p)) in drawn for p in zip(evidence["source"], evidence["target"])]].sort_values(
    ["source", "target", "doc_id", "start"])[["source", "target", "relation", "sent_id", "sentence"]].reset_index(
    drop=True)

# %% [markdown]
# The picture confirms the tables. At the top of their columns stand the multi-level
# nodes (各级人大代表 deputies at all levels, 党中央 the party centre, 各级人大
# congresses at all levels), tied to actors from several reports: they are what joins
# the reports into one network. Next come the standing committees and governments of
# the long reports, which carry most ties. Stations have few ties, and those go to
# deputies and congress bodies. The network is a map of how reports *describe*
# relations, sentence by sentence; it is not a measure of how often these actors
# meet. Mention errors and canonical-name conventions (notebook 6) propagate to
# nodes and centralities.
#
# The graph can be written for Gephi with `cl.write_network(G, folder)`
# (`network.graphml`, `network.gexf`); `congress-lib build` does so for the whole
# corpus.
