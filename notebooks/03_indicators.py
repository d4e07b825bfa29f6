# %% [markdown]
# # 3. Indicators: what the reports count
#
# Congress reports are full of numbers: how many deputies' suggestions were handled, how
# many contact stations were built, what share of deputies were satisfied. The
# [codebook §2](../docs/codebook.md#2-quantities-and-indicators) turns each number that
# measures congress work into an **indicator** with one code (`proposals_received`,
# `stations`, `satisfaction_rate` …), and leaves out dates, session numbers, slogans such
# as 两个维护 ("the two safeguards") and page furniture. This notebook asks three
# questions of the indicator table:
#
# 1. Which reports report which indicators? (coverage)
# 2. Can the rates that reports like to cite (满意率 satisfaction rate, 办结率
#    completion rate) be compared across jurisdictions?
# 3. How many deputy contact stations does each jurisdiction report, and how many
#    per 10,000 residents where the report gives its population?
#
# Every plotted number is listed with its evidence sentence (`sent_id`, `sentence`).
# Figures label codes in English from the codebook, and jurisdictions in characters with
# their pinyin.

# %% tags=["parameters"]
# Parameters (papermill style): `congress-lib report` runs this notebook on another corpus
# by setting them. None: the bundled corpus (corpus/) and the repository's figures/.
CORPUS_DIR = None  # folder of the reports (reports/*.txt + metadata.csv, or a folder of .txt files)
FIGURES_DIR = None  # folder the figures are written to

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import congress_lib as cl
from congress_lib import analysis as an
from congress_lib.indicators import INDICATOR_CODES
from congress_lib.notebooks import listing, out_of_sample_file, save_and_show, say, setup

ROOT, FIGURES = setup(figures=FIGURES_DIR)  # paths, figure style with the bundled CJK font, table display

CORPUS = Path(CORPUS_DIR) if CORPUS_DIR else ROOT / "corpus"
corpus = cl.load_corpus(CORPUS, progress=False)
AT_SCALE = an.at_scale(corpus.units)  # more units than an.MAX_UNITS: distributions, not one row per number
indicators = corpus.indicators()
labels = an.unit_labels(corpus.units)
english = dict(zip(INDICATOR_CODES, an.bilingual(INDICATOR_CODES, "indicator", corpus.lexicon)))

# figure labels of units: 湖里区 Huli (xiamen_2024_roundup#3)
figure_labels = an.unit_labels(corpus.units, romanise=True, lexicon=corpus.lexicon)

# %% [markdown]
# ## The indicator table
#
# One row per coded number: its unit of analysis, code, normalised `value` (56.1万 →
# 561000; 99% → 99), `unit` (量词, the measure word), whether it was hedged
# (`approx`: 余 "more than", 近 "nearly" …), the `surface` string and the offsets and
# sentence it came from. How many numbers of each code, and in how many units; beside
# them, how well the code is assigned on unseen reports: F1 on the held-out pages of
# notebook 06 and its 95 % interval (`held-out gold`: the items it rests on — a code
# with a handful of items has a wide interval), and F1 over the first scores of every
# blind set pooled (`pooled gold`: thousands of numbers, the steadier guide per code):

# %%
per_code = (indicators.groupby("indicator")
            .agg(numbers=("value", "size"), units=("unit_id", "nunique"), hedged=("approx", "sum"))
            .reindex(INDICATOR_CODES).fillna(0).astype("int64")
            .rename_axis("indicator").reset_index())
per_code.insert(1, "label", per_code["indicator"].map(english))
# How far to trust each code on reports the rules were not written for: F1 on the
# held-out set of notebook 06 (`analysis.HONEST_SET`: fresh set 34 at the end of round 37, 40 pages, 19
# provinces), with its 95 % interval.
VALIDATION = out_of_sample_file()
if VALIDATION is not None:
    held_out = an.out_of_sample_scores(pd.read_csv(VALIDATION), an.HONEST_SET)
    per_code["F1 out of sample"] = per_code["indicator"].map(held_out["f1"]).round(2)
    per_code["95% interval"] = per_code["indicator"].map(
        lambda c: f"[{held_out.at[c, 'f1_low']:.2f}, {held_out.at[c, 'f1_high']:.2f}]" if c in held_out.index else "")
    per_code["held-out gold"] = per_code["indicator"].map(held_out["gold"]).astype("Int64")
    pooled = an.first_sight(pd.read_csv(VALIDATION))[1]
    per_code["F1 blind, pooled"] = per_code["indicator"].map(pooled["f1"]).round(2)
    per_code["pooled gold"] = per_code["indicator"].map(pooled["gold"]).astype("Int64")
per_code

# %%
reported = per_code[per_code["numbers"] > 0]
top = reported.sort_values(["numbers", "units"], ascending=False).iloc[0]
absent = per_code.loc[per_code["numbers"] == 0, "indicator"]
say("The reports give {n} coded numbers in {k} of the {units} units, under {codes} of the {all} codes. "
    "The most frequent code is `{top}` ({top_label}: {top_n} numbers in {top_u} units); "
    "{absent}. {hedged} numbers ({share:.0%}) are hedged (余, 近 …).",
    n=len(indicators), k=indicators["unit_id"].nunique(), units=len(corpus.units),
    codes=len(reported), all=len(INDICATOR_CODES), top=top["indicator"], top_label=top["label"],
    top_n=top["numbers"], top_u=top["units"],
    absent=(f"no number is coded {listing(f'`{c}`' for c in absent)}" if len(absent)
            else "every code has at least one number"),
    hedged=int(indicators["approx"].sum()), share=float(indicators["approx"].mean()) if len(indicators) else 0.0)

# %% [markdown]
# ## Coverage: who reports what
#
# Each cell counts the numbers of one code in one unit; a blank cell means the unit
# gives no number of that kind (it may still *mention* the activity without a
# number).

# %%
coverage = an.unit_matrix(indicators, "indicator", corpus.units, categories=INDICATOR_CODES)
coverage.index = labels.loc[coverage.index]
# many units: the an.MAX_UNITS (30) that report the most numbers, the others summed in a last row
shown = an.top_rows(coverage, an.MAX_UNITS)
shown

# %%
fig, ax = plt.subplots(figsize=(10.5, 5.4))
unit_figure_labels = dict(zip(labels.loc[corpus.units["unit_id"]], figure_labels.loc[corpus.units["unit_id"]]))
an.draw_heatmap(shown, ax, row_labels=[unit_figure_labels.get(u, u) for u in shown.index],
                col_labels=[english[c] for c in shown.columns], colorbar_label="numbers reported")
ax.set_title("Indicators reported by each unit (codebook §2)")
save_and_show(fig, "03_indicator_coverage", FIGURES)

# %%
units_per_code = (coverage > 0).sum()
widest = units_per_code[units_per_code == units_per_code.max()]
rate_units = coverage[["satisfaction_rate", "completion_rate"]].gt(0).any(axis=1)
rate_docs = corpus.units.set_index("unit_id").loc[rate_units.to_numpy(), "doc_id"].nunique()
silent = coverage.index[coverage.sum(axis=1) == 0]
say("{everywhere} The most widely reported {is_are} {widest} ({n} of the {units} units); "
    "rates (`satisfaction_rate`, `completion_rate`) appear in {rate_docs} of the {docs} reports; {silent}.",
    everywhere=("No indicator is reported everywhere." if units_per_code.max() < len(coverage)
                else f"{listing(f'`{c}`' for c in units_per_code.index[units_per_code == len(coverage)])} "
                     "is reported in every unit."),
    is_are="is" if len(widest) == 1 else "are", widest=listing(f"`{c}`" for c in widest.index),
    n=int(units_per_code.max()), units=len(coverage), rate_docs=rate_docs, docs=corpus.units["doc_id"].nunique(),
    silent=(f"{listing(silent, limit=10)} give{'s' if len(silent) == 1 else ''} no countable indicator at all"
            if len(silent) else "every unit gives at least one countable indicator"))

# %% [markdown]
# Which numbers a report gives is itself a choice of the reporting body, so the absence
# of a number is not evidence of the absence of the activity. A cross-jurisdiction
# comparison of any single indicator is limited to the units that report it.
#
# ## Rates: satisfaction and completion
#
# The rates, with the sentence each comes from:

# %%
rates = an.with_sentences(
    indicators[indicators["indicator"].isin(["satisfaction_rate", "completion_rate"])], corpus.sentences)
rates = rates.sort_values(["indicator", "unit_id", "start"]).reset_index(drop=True)
rates[["unit_id", "jurisdiction", "indicator", "value", "surface", "sent_id", "sentence"]]

# %%
# one row per rate: its English label, value and evidence sentence (a repeat in one sentence is numbered)
rows = [f"{english[c]} {v:g}%, {figure_labels[u].split(' (')[0]}\n[{s}]"
        for c, v, u, s in zip(rates["indicator"], rates["value"], rates["unit_id"], rates["sent_id"])]
repeat = rates.groupby(["indicator", "value", "sent_id"]).cumcount()
rows = [r if k == 0 else f"{r} ({k + 1})" for r, k in zip(rows, repeat)]
if AT_SCALE:  # the distribution of each rate
    fig, axes = plt.subplots(1, 2, figsize=(9.6, 3.8), sharey=True)
    for ax, code, color in zip(axes, ["satisfaction_rate", "completion_rate"], ["#D55E00", "#0072B2"]):
        values = rates.loc[rates["indicator"] == code, "value"]
        ax.hist(values, bins=np.linspace(0, 100, 41), color=color)
        an.count_axis(ax)
        ax.set_xlabel(f"{english[code]}, percent ({len(values):,} rates)")
        ax.set_ylabel("rates reported")
    fig.suptitle(f"Reported satisfaction and completion rates ({rates['unit_id'].nunique():,} units)")
    fig.tight_layout()
else:  # one row per rate
    fig, ax = plt.subplots(figsize=(7.4, 0.62 * len(rates) + 1.5))
    markers = {"satisfaction_rate": ("o", "#D55E00"), "completion_rate": ("s", "#0072B2")}
    ypos = np.arange(len(rates))
    for code, (marker, color) in markers.items():
        sel = (rates["indicator"] == code).to_numpy()
        ax.scatter(rates.loc[sel, "value"], ypos[sel], marker=marker, color=color, s=40, label=english[code], zorder=3)
    for yi, value in enumerate(rates["value"]):
        ax.annotate(f"{value:g}%", (value, yi), xytext=(-8, 0), textcoords="offset points", ha="right", va="center",
                    fontsize=8)
    ax.set_yticks(ypos)
    ax.set_yticklabels(rows, fontsize=8)
    ax.set_ylim(len(rates) - 0.5, -0.5)
    low = float(rates["value"].min()) if len(rates) else 0.0
    ax.set_xlim(max(0.0, low - 12), 101)
    ax.set_xlabel("percent (evidence sentence in brackets)")
    ax.set_title("Reported satisfaction and completion rates")
    ax.legend(loc="lower left")
save_and_show(fig, "03_rates", FIGURES)

# %%
high = int((rates["value"] >= 90).sum())
say("The corpus reports {n} rate{s} in {k} unit{ks}, from {lo:g}% to {hi:g}%; {high}.",
    n=len(rates), s="" if len(rates) == 1 else "s", k=rates["unit_id"].nunique(),
    ks="" if rates["unit_id"].nunique() == 1 else "s", lo=rates["value"].min(), hi=rates["value"].max(),
    high=("all of them are 90% or higher" if high == len(rates)
          else f"{high} of them {'is' if high == 1 else 'are'} 90% or higher"))

# %% [markdown]
# Rates like these cannot be compared with one another without reading their sentences,
# for three reasons:
#
# * **Different denominators.** A rate is a share of something: of deputies satisfied
#   with the handling of their suggestions, of items of public opinion concluded, of
#   formal suggestions answered. Each sentence says of what, and often gives the counts
#   it is computed from; the table below puts those counts beside each rate.
# * **Ceiling effects.** Rates are self-reports of the body being evaluated, and a unit
#   with a poor rate has little reason to print it: the rates that reach print can be
#   expected to sit near 100%, whatever the work behind them.
# * **One number, two rates.** In 办结率、满意率均为100% ("completion and satisfaction
#   rates were both 100%") one numeral serves two rates; the codebook codes it once, as
#   the first rate named ([codebook §2.1](../docs/codebook.md#21-conventions-for-hard-cases-indicators)),
#   so the second rate of such a sentence is not in the table. A researcher who needs it
#   should read the sentence.
#
# The counts that each rate's sentence gives (its possible numerator and denominator),
# and the sentences that name a satisfaction rate without one being coded:

# %%
counts = (indicators[indicators["unit"] != "%"]
          .assign(count=lambda d: d["surface"] + " (" + d["indicator"] + ")")
          .groupby("sent_id")["count"].agg("; ".join))
rates.assign(counts_in_sentence=rates["sent_id"].map(counts).fillna(""))[
    ["jurisdiction", "indicator", "surface", "sent_id", "counts_in_sentence"]]

# %%
named = corpus.sentences[corpus.sentences["text"].str.contains("满意率", regex=False)]
uncoded = named.loc[~named["sent_id"].isin(rates.loc[rates["indicator"] == "satisfaction_rate", "sent_id"]),
                    "sent_id"]
completion_ids = set(rates.loc[rates["indicator"] == "completion_rate", "sent_id"])
say("{n} sentence{s} name{v} a satisfaction rate (满意率); {uncoded}.",
    n=len(named), s="" if len(named) == 1 else "s", v="s" if len(named) == 1 else "",
    uncoded=("; ".join(f"`{i}` has no `satisfaction_rate` in the table"
                       + (" (its numeral is coded as the completion rate it shares)" if i in completion_ids else "")
                       for i in uncoded[:an.MAX_UNITS])
             + (f"; and {len(uncoded) - an.MAX_UNITS:,} more" if len(uncoded) > an.MAX_UNITS else "") if len(uncoded)
             else "each of them has its `satisfaction_rate` in the table"))

# %% [markdown]
# ## Stations: contact platforms for deputies
#
# A `stations` indicator counts deputy contact platforms (联络站 liaison stations,
# 活动站/活动室 activity stations/rooms, 代表之家 deputies' homes, 调解室 mediation
# rooms …) that were built, covered or upgraded. A unit may give several station figures,
# and they can overlap: a total and a part of it (…个, 其中…个 "of which"), or the
# stations of two administrative levels. Summing them would double count, so the
# comparison uses the **largest** figure a unit gives (`an.largest_figure`), a lower bound
# of the stock it reports. Every figure first, with its sentence:

# %%
stations = an.with_sentences(indicators[indicators["indicator"] == "stations"], corpus.sentences)
stations = stations.sort_values(["unit_id", "start"]).reset_index(drop=True)
stations[["unit_id", "jurisdiction", "value", "surface", "sent_id", "sentence"]]

# %%
largest = an.largest_figure(indicators, "stations")
several = largest[largest["n_figures"] > 1]
say("{k} of the {n} units that report stations give more than one figure ({most} at most, in {where}).",
    k=len(several), n=len(largest), most=int(largest["n_figures"].max()),
    where=listing(labels.loc[largest.loc[largest["n_figures"] == largest["n_figures"].max(), "unit_id"]], limit=10))

# %%
if AT_SCALE:  # the distribution of the largest figure of each unit, on a log scale
    fig, ax = plt.subplots(figsize=(7.6, 3.8))
    values = largest["value"].astype(float)
    ax.hist(values, bins=np.logspace(0, np.log10(max(values.max(), 10)) + 0.1, 30), color="#009E73")
    an.count_axis(ax)
    ax.set_xscale("log")
    ax.axvline(values.median(), color="#222222", lw=1.0, label=f"median {values.median():g}")
    ax.set_xlabel("stations reported (the largest figure of each unit; log scale)")
    ax.set_ylabel("units")
    ax.legend(frameon=False)
    ax.set_title(f"Deputy contact stations reported per unit ({len(largest):,} units)")
else:
    fig, ax = plt.subplots(figsize=(7.6, 0.42 * len(largest) + 1.3))
    ypos = {u: i for i, u in enumerate(largest["unit_id"])}
    for unit_id, value in zip(stations["unit_id"], stations["value"]):
        ax.scatter(value, ypos[unit_id], marker="o", facecolor="white", edgecolor="#4d4d4d", s=28, zorder=2)
    ax.scatter(largest["value"], [ypos[u] for u in largest["unit_id"]], marker="o", color="#009E73", s=46, zorder=3,
               label="largest figure (used for comparison)")
    for unit_id, value, sent_id in zip(largest["unit_id"], largest["value"], largest["sent_id"]):
        ax.annotate(f"{value:g}  [{sent_id}]", (value, ypos[unit_id]), xytext=(7, 0), textcoords="offset points",
                    va="center", fontsize=7)
    ax.scatter([], [], marker="o", facecolor="white", edgecolor="#4d4d4d", s=28, label="other figures in the unit")
    ax.set_yticks(list(ypos.values()))
    ax.set_yticklabels(figure_labels.loc[list(ypos)].tolist())
    ax.set_ylim(len(ypos) - 0.5, -0.5)
    ax.set_xlim(0, float(largest["value"].max()) * 1.45 if len(largest) else 1)
    ax.set_xlabel("stations reported (evidence sentence of the largest in brackets)")
    ax.set_title("Deputy contact stations reported per unit")
    ax.legend(loc="upper right")
save_and_show(fig, "03_stations", FIGURES)

# %%
low_row = largest.loc[largest["value"].idxmin()]
high_row = largest.loc[largest["value"].idxmax()]
say("The largest figures range from {lo:g} ({lo_surface} in {lo_unit}, `{lo_sent}`) to {hi:g} "
    "({hi_surface} in {hi_unit}, `{hi_sent}`).",
    lo=low_row["value"], lo_surface=low_row["surface"], lo_unit=labels[low_row["unit_id"]], lo_sent=low_row["sent_id"],
    hi=high_row["value"], hi_surface=high_row["surface"], hi_unit=labels[high_row["unit_id"]],
    hi_sent=high_row["sent_id"])

# %% [markdown]
# These figures need not count the same thing: a report may give the stock of all its
# stations (全区建成 "built in the whole district") or what was built or upgraded in the
# year (新建 "newly built", 提档升级 "upgraded"), and the sentence tells which. The
# figure is best read as "what each report chose to count", with the sentence at hand.
#
# ### Stations per 10,000 residents
#
# A per-capita figure needs the population, and only a report that states it
# (an `admin_context` number with the unit 人, e.g. 常住人口56.1万 "resident
# population 561,000") can give one from the text alone:

# %%
per_10k = an.per_capita(indicators, "stations", per=10_000)
per_10k = per_10k.merge(largest[["unit_id", "surface"]].rename(columns={"surface": "count_surface"}),
                        on="unit_id", how="left")
per_10k[["unit_id", "jurisdiction", "count", "count_surface", "count_sent_id", "population",
         "population_sent_id", "per_capita"]].rename(columns={"per_capita": "stations_per_10k"})

# %%
population = an.with_sentences(
    indicators[(indicators["indicator"] == "admin_context") & (indicators["unit"] == "人")], corpus.sentences)
population[["unit_id", "jurisdiction", "value", "surface", "sent_id", "sentence"]].reset_index(drop=True)

# %%
known = per_10k.dropna(subset=["per_capita"])
say("{n} of the {k} units that report stations also {state} population, so {verdict}{figures}.",
    n=len(known), k=len(per_10k), state="states its" if len(known) == 1 else "state their",
    verdict=("a per-capita comparison across jurisdictions cannot be made from these texts alone: the other "
             "populations would have to come from statistical yearbooks, joined on the `jurisdiction` column"
             if len(known) < 2 else "stations per 10,000 residents can be compared between these units"),
    figures=(". " + ("The figure" if len(known) == 1 else "The figures") + " that can be computed: " + "; ".join(
        f"{labels[r['unit_id']]}, {r['count']:g} stations ({r['count_surface']}, `{r['count_sent_id']}`) "
        f"for {r['population']:,.0f} residents, {r['per_capita']:.2g} per 10,000"
        for r in known.head(an.MAX_UNITS).to_dict("records"))
        + (f"; and {len(known) - an.MAX_UNITS:,} more (the table above)" if len(known) > an.MAX_UNITS else "")
        if len(known) else ""))

# %% [markdown]
# A per-capita figure inherits what its station count counts: where the sentence counts
# stations newly built or upgraded in a year rather than all of them, it understates the
# density of stations.
