# %% [markdown]
# # 5. Institutional practices
#
# Local congresses advertise named mechanisms of their work: 专题询问 (special
# inquiry, a hearing at which department heads answer committee members' questions),
# 执法检查 (law-enforcement inspection), 面对面督办 (face-to-face supervision of the
# handling of deputies' suggestions), 三方会商 (tripartite consultation between the
# lead deputy, the responsible department and the congress), 民生实事项目票决制 (deputies
# vote on the government's list of livelihood projects), 代表接待选民日 (fixed days on
# which deputies receive voters) and more
# ([codebook §5](../docs/codebook.md#5-practices)). Which jurisdictions report which
# practices, and which practices are reported together?
#
# Practices are found by cue phrases held in `congress_lib/lexicon/practices.yaml`
# (editable data: a researcher adds a practice or a cue there, not in code).
# `corpus.practices()` gives unit × practice counts with the evidence sentences.
# Figures label each practice by its English name in the codebook with the Chinese
# beside it, and jurisdictions in characters with their pinyin.

# %% tags=["parameters"]
# Parameters (papermill style): `congress-lib report` runs this notebook on another corpus
# by setting them. None: the bundled corpus (corpus/) and the repository's figures/.
CORPUS_DIR = None  # folder of the reports (reports/*.txt + metadata.csv, or a folder of .txt files)
FIGURES_DIR = None  # folder the figures are written to

# %%
from pathlib import Path

import matplotlib.pyplot as plt

import congress_lib as cl
from congress_lib import analysis as an
from congress_lib.notebooks import listing, save_and_show, say, setup

ROOT, FIGURES = setup(figures=FIGURES_DIR)  # paths, figure style with the bundled CJK font, table display

CORPUS = Path(CORPUS_DIR) if CORPUS_DIR else ROOT / "corpus"
corpus = cl.load_corpus(CORPUS, progress=False)
practices = corpus.practices()
labels = an.unit_labels(corpus.units)
codes = list(corpus.lexicon["practices"]["practices"])
practice_labels = dict(zip(codes, an.bilingual(codes, "practice", corpus.lexicon)))  # Special inquiry 专题询问
units = corpus.units.merge(corpus.documents[["doc_id", "genre", "n_units"]], on="doc_id", how="left")
units["section"] = units["n_units"] > 1  # a section of a round-up, not a whole report

# figure labels of units: 湖里区 Huli (xiamen_2024_roundup#3)
figure_labels = an.unit_labels(corpus.units, romanise=True, lexicon=corpus.lexicon)
# province, level and year of every unit; more units than an.MAX_UNITS: figures by province and year
places = an.unit_places(corpus.units, corpus.documents).set_index("unit_id")
AT_SCALE = an.at_scale(corpus.units)

# %% [markdown]
# ## Which practices, where
#
# How many units report each practice, in how many distinct jurisdictions, provinces
# and genres of report (the `genre` of the metadata: work review, news, round-up …):

# %%
located = practices.merge(units[["unit_id", "province", "genre"]], on="unit_id", how="left")
spread = (located.groupby("practice")
          .agg(units=("unit_id", "nunique"), jurisdictions=("jurisdiction", "nunique"),
               provinces=("province", "nunique"), genres=("genre", "nunique"),
               cue_hits=("count", "sum"), sentences=("n_sentences", "sum"))
          .reset_index())
spread.insert(1, "label", spread["practice"].map(practice_labels))
spread = spread.sort_values(["units", "cue_hits", "practice"], ascending=[False, False, True]).reset_index(drop=True)
spread

# %%
widest = spread[spread["units"] == spread["units"].max()]
single = spread[spread["units"] == 1]
say("{found} found, in {k:,} of the {u:,} units. The most widespread, reported in {top:,} units each, {is_are} "
    "{widest}; {single} of the {n} {is_are_single} reported in a single unit.",
    found=(f"All {len(codes)} practices of the codebook are" if len(spread) == len(codes)
           else f"{len(spread)} of the {len(codes)} practices of the codebook are"),
    n=len(spread), k=practices["unit_id"].nunique(), u=len(units), top=int(spread["units"].max()),
    is_are="is" if len(widest) == 1 else "are",
    widest=listing(f"{r['label']} ({r['provinces']} province{'s' if r['provinces'] != 1 else ''}, "
                   f"{r['genres']} genre{'s' if r['genres'] != 1 else ''})" for r in widest.to_dict("records")),
    single=len(single), is_are_single="is" if len(single) == 1 else "are")

# %% [markdown]
# Practice by unit: with a few units (at most `an.MAX_UNITS`, 30) each unit is a column
# and a cell counts the cue phrases found. A larger corpus is drawn by province instead:
# a column per province (the 30 with most units, the others and those with fewer than
# `an.MIN_GROUP_ITEMS` units pooled: a share over two units is 0 % or 100 %), a cell the
# share of the province's units that report the practice, and a table gives the same
# shares by level of jurisdiction.

# %%
matrix = an.unit_matrix(practices, "practice", corpus.units, values="count", categories=spread["practice"])
if AT_SCALE:
    by_province = an.by_group(matrix, places["province"], top=an.MAX_UNITS, min_items=an.MIN_GROUP_ITEMS)
    fig, ax = plt.subplots(figsize=(13.0, 8.6))
    an.draw_heatmap(by_province.drop(columns="items").T * 100, ax, fmt="{:.0f}", cmap="Greens",
                    row_labels=[practice_labels[c] for c in matrix.columns],
                    col_labels=[f"{p} ({n:,})" for p, n in zip(an.province_labels(by_province.index, corpus.lexicon),
                                                              by_province["items"])],
                    colorbar_label="% of the province's units")
    ax.set_title(f"Institutional practices by province: % of units reporting each (codebook §5; "
                 f"{len(matrix):,} units, units per province in parentheses)")
else:
    fig, ax = plt.subplots(figsize=(10.0, 9.0))
    an.draw_heatmap(matrix.T, ax, row_labels=[practice_labels[c] for c in matrix.columns],
                    col_labels=figure_labels.loc[matrix.index].tolist(), cmap="Greens",
                    colorbar_label="cue phrases found")
    ax.set_title("Institutional practices reported by each unit (codebook §5)")
save_and_show(fig, "05_practices_by_unit", FIGURES)

# %%
if AT_SCALE:
    by_level = an.by_group(matrix, places["level"]).rename(columns=practice_labels).T
    by_level.index.name = "share of units"
    display(by_level)
    gap = (by_province.drop(columns="items").iloc[:-1] if by_province.index[-1].startswith("other")
           else by_province.drop(columns="items"))
    lead = spread["practice"].iloc[0]
    display(say("{k:,} units in {p} provinces. The most widespread practice, {label}, is reported by {lo:.0%} to "
                "{hi:.0%} of the units of a province ({lo_p} and {hi_p}) among the provinces drawn.",
                k=len(matrix), p=places["province"].nunique(), label=practice_labels[lead],
                lo=gap[lead].min(), hi=gap[lead].max(),
                lo_p=an.province_labels([gap[lead].idxmin()], corpus.lexicon)[0],
                hi_p=an.province_labels([gap[lead].idxmax()], corpus.lexicon)[0]))
else:
    display(say("{k} units: each is drawn as a column of its own.", k=len(matrix)))

# %%
present = (matrix > 0)
n_practices = present.sum(axis=1).rename("practices").to_frame().join(
    an.unit_profile(corpus).set_index("unit_id")["n_chars"]).join(units.set_index("unit_id")["section"])
sections, whole = n_practices[n_practices["section"]], n_practices[~n_practices["section"]]
only_here = present[single["practice"]]
signatures = [f"- {labels[u]}: {listing(practice_labels[p] for p in only_here.columns[only_here.loc[u]])}"
              for u in only_here.index[only_here.any(axis=1)]]
if len(signatures) > an.MAX_UNITS:
    signatures = signatures[:an.MAX_UNITS] + [f"- and {len(signatures) - an.MAX_UNITS:,} more units"]
say("Practices reported in a single unit are the local signatures of this corpus:\n\n{signatures}\n\n"
    "Length matters as well: the {ns} "
    "sections of round-ups have {sc:,.0f} characters on average and name {smin} to {smax} practices each; the "
    "{nw} whole reports have {wc:,.0f} characters on average and name {wmin} to {wmax}. {verdict}",
    signatures="\n".join(signatures) if signatures else "- none", ns=len(sections), sc=sections["n_chars"].mean(),
    smin=sections["practices"].min(), smax=sections["practices"].max(), nw=len(whole),
    wc=whole["n_chars"].mean(), wmin=whole["practices"].min(), wmax=whole["practices"].max(),
    verdict=("Every whole report names more practices than any section, so the matrix measures the length "
             "and genre of a report as well as its repertoire; the fair comparison is between reports of one genre."
             if len(sections) and len(whole) and whole["practices"].min() > sections["practices"].max()
             else "Whole reports and sections overlap in the number of practices they name."))

# %% [markdown]
# ## Practices over time
#
# Where reports are dated, the share of each year's reports that name each practice
# (the most widespread ones). A year enters the series with at least
# `an.MIN_REPORTS_PER_YEAR` (3) dated reports, and a series needs `an.MIN_YEARS` (4)
# such years.

# %%
doc_matrix = matrix.groupby(places.loc[matrix.index, "doc_id"].to_numpy()).sum()
doc_years = places.groupby("doc_id")["year"].first()
series = an.per_year(doc_matrix, doc_years)
if an.enough_years(series):
    leading = [p for p in spread["practice"] if p in series.columns][:6]
    fig, ax = plt.subplots(figsize=(8.6, 4.6))
    for p, style in zip(leading, ["-o", "-s", "-^", "-D", "-v", "-P"]):
        ax.plot(series.index, series[p] * 100, style, markersize=4, label=practice_labels[p])
    ax.set_xticks(series.index)
    ax.set_xticklabels([f"{y}\n({n:,})" for y, n in zip(series.index, series["reports"])], fontsize=7.5)
    ax.set_ylabel("% of the year's reports")
    ax.set_xlabel("year (dated reports)")
    ax.set_ylim(0, None)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=7.5)
    ax.set_title(f"The {len(leading)} most widespread practices over time: % of each year's reports naming them")
    display(save_and_show(fig, "05_practices_by_year", FIGURES))
    display(series.rename(columns=practice_labels))
    first, last = series.index[0], series.index[-1]
    change = listing(f"{practice_labels[p]} from {series.loc[first, p]:.0%} to {series.loc[last, p]:.0%}"
                     for p in leading[:3])
    display(say("{n:,} of the {d:,} reports are dated in {y} years with at least {m} reports each ({first}–{last}); "
                "{u:,} are undated. Between {first} and {last}: {change}.",
                n=int(series["reports"].sum()), d=len(doc_matrix), y=len(series), m=an.MIN_REPORTS_PER_YEAR,
                first=first, last=last, u=series.attrs["undated"], change=change))
else:
    display(say("Not enough dated reports for a time series: {n} of the {d} reports are dated{years}; a series needs "
                "{y} years with at least {m} dated reports each.",
                n=int(doc_years.notna().sum()), d=len(doc_years),
                years=(f", in {doc_years.dropna().nunique()} year{'s' if doc_years.dropna().nunique() > 1 else ''} ("
                       f"{listing(sorted(doc_years.dropna().astype(int).unique()))})" if doc_years.notna().any() else ""),
                y=an.MIN_YEARS, m=an.MIN_REPORTS_PER_YEAR))

# %% [markdown]
# The evidence: every cue found, with its sentence.

# %%
evidence = an.with_sentences(corpus.practice_evidence(), corpus.sentences)
evidence["label"] = evidence["practice"].map(practice_labels)
(evidence.sort_values(["doc_id", "start", "practice"])
 [["unit_id", "jurisdiction", "practice", "label", "surface", "sent_id", "sentence"]].reset_index(drop=True))

# %% [markdown]
# ## Which practices go together
#
# Two practices co-occur in a unit when both are reported in it. `an.cooccurrence`
# counts the units in which each pair co-occurs and computes the Jaccard index (units
# with both ÷ units with either), which does not reward practices merely for being
# common. The counts describe the units of this corpus; unless it holds many reports of
# one kind, they are not a test of association.

# %%
jaccard = an.cooccurrence(practices, unit="unit_id", item="practice", measure="jaccard")
shared = [p for p in spread.loc[spread["units"] >= 2, "practice"] if p in jaccard.index]
shown = jaccard.loc[shared, shared].astype(float)
for p in shared:
    shown.loc[p, p] = float("nan")  # the diagonal (always 1) is left blank
names = [practice_labels[c] for c in shared]
fig, ax = plt.subplots(figsize=(9.6, 8.2))
an.draw_heatmap(shown, ax, row_labels=names, col_labels=an.bilingual(shared, "practice", corpus.lexicon, chinese=False),
                cmap="Purples", fmt="{:.2f}", vmax=1.0, colorbar_label="Jaccard index across units")
ax.set_title("Co-occurrence of practices reported in two or more units")
save_and_show(fig, "05_practice_cooccurrence", FIGURES)

# %% [markdown]
# Practices reported in a single unit are left out of the figure: two of them in the
# same unit would have a Jaccard index of 1 on the strength of one report. The pairs
# that co-occur in the most units:

# %%
pairs = an.cooccurrence_pairs(practices, unit="unit_id", item="practice").head(15)
pairs.insert(1, "label_a", pairs["item_a"].map(practice_labels))
pairs.insert(3, "label_b", pairs["item_b"].map(practice_labels))
pairs

# %%
recurring = an.cooccurrence_pairs(practices, unit="unit_id", item="practice").query("n_both >= 2")
in_sections = [bool((present[a] & present[b] & n_practices["section"]).any())
               for a, b in zip(recurring["item_a"], recurring["item_b"])]
most = recurring[recurring["n_both"] == recurring["n_both"].max()]
say("{k:,} pairs of practices co-occur in two or more units; {m:,} of them co-occur only in whole reports, never in "
    "a section of a round-up. The pairs found together most often ({top:,} units) involve {joined}. {verdict}",
    k=len(recurring), m=len(recurring) - sum(in_sections), top=int(recurring["n_both"].max()) if len(recurring) else 0,
    joined=listing(practice_labels[p] for p in dict.fromkeys([*most["item_a"], *most["item_b"]])),
    verdict=("Co-occurrence here therefore reflects the genre of the report (a full review describes many "
             "mechanisms, a showcase section highlights one) at least as much as complementarity between "
             "institutions." if len(recurring) and 2 * sum(in_sections) < len(recurring)
             else "Co-occurrence here is not mainly a matter of the genre of the report."))

# %% [markdown]
# Telling complementarity between institutions apart from the genre of the report needs
# many more reports of one genre.
