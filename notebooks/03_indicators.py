# %% [markdown]
# # 3. Indicators: what the reports count
#
# Congress reports are full of numbers: 108 suggestions handled, 66 activity
# stations built, a satisfaction rate of 99%. The codebook (§2) turns each number
# that measures congress work into an **indicator** with one code
# (`proposals_received`, `stations`, `satisfaction_rate` …), and leaves out dates,
# session numbers, slogans such as 两个维护 and page furniture. This notebook asks
# three questions of the indicator table:
#
# 1. Which reports report which indicators? (coverage)
# 2. Can the rates that reports like to cite (满意率 satisfaction rate, 办结率
#    completion rate) be compared across jurisdictions?
# 3. How many deputy contact stations does each jurisdiction report, and how many
#    per 10,000 residents where the report gives its population?
#
# Every plotted number is listed with its evidence sentence (`sent_id`, `sentence`).

# %%
import matplotlib.pyplot as plt
import numpy as np

import congress_lib as cl
from congress_lib import analysis as an
from congress_lib.indicators import INDICATOR_CODES
from congress_lib.notebooks import setup

ROOT, FIGURES = setup()  # paths, figure style with the bundled CJK font, table display

corpus = cl.load_corpus(ROOT / "corpus")
indicators = corpus.indicators()
labels = an.unit_labels(corpus.units)

# %% [markdown]
# ## The indicator table
#
# One row per coded number: its unit of analysis, code, normalised `value` (56.1万 →
# 561000; 99% → 99), `unit` (量词, the measure word), whether it was hedged
# (`approx`: 余 "more than", 近 "nearly" …), the `surface` string and the offsets and
# sentence it came from. How many numbers of each code, and in how many units:

# %%
(indicators.groupby("indicator")
 .agg(numbers=("value", "size"), units=("unit_id", "nunique"), hedged=("approx", "sum"))
 .reindex(INDICATOR_CODES).fillna(0).astype("int64")
 .reset_index())

# %% [markdown]
# ## Coverage: who reports what
#
# Each cell counts the numbers of one code in one unit; a blank cell means the unit
# gives no number of that kind (it may still *mention* the activity without a
# number).

# %%
coverage = an.unit_matrix(indicators, "indicator", corpus.units, categories=INDICATOR_CODES)
coverage.index = labels.loc[coverage.index]
coverage

# %%
fig, ax = plt.subplots(figsize=(8.4, 4.6))
an.draw_heatmap(coverage, ax, colorbar_label="numbers reported")
ax.set_title("Indicators reported by each unit (codebook §2)")
an.save_and_show(fig, "03_indicator_coverage", FIGURES)

# %% [markdown]
# No indicator is reported everywhere. Stations (`stations`) and activities
# (`activities`) are the most widely reported; rates (`satisfaction_rate`,
# `completion_rate`) appear in two reports only, and the round-up's city introduction
# and 翔安区 section give no countable indicator at all. Which numbers a
# report gives is itself a choice of the reporting body, so the absence of a number is
# not evidence of the absence of the activity. A cross-jurisdiction comparison of any
# single indicator is limited to the few units that report it.
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
fig, ax = plt.subplots(figsize=(6.4, 0.5 * len(rates) + 1.4))
markers = {"satisfaction_rate": ("o", "#D55E00"), "completion_rate": ("s", "#0072B2")}
ypos = np.arange(len(rates))
for code, (marker, color) in markers.items():
    sel = rates["indicator"] == code
    ax.scatter(rates.loc[sel, "value"], ypos[sel.to_numpy()], marker=marker, color=color, s=40, label=code, zorder=3)
for yi, (value, sent_id) in enumerate(zip(rates["value"], rates["sent_id"])):
    ax.annotate(f"{value:g}%  [{sent_id}]", (value, yi), xytext=(-8, 0), textcoords="offset points",
                ha="right", va="center", fontsize=7)
ax.set_yticks(ypos)
ax.set_yticklabels([f"{j}: {c}" for j, c in zip(rates["jurisdiction"], rates["indicator"])])
ax.set_ylim(len(rates) - 0.5, -0.5)
low = float(rates["value"].min()) if len(rates) else 0.0
ax.set_xlim(max(0.0, low - 12), 101)
ax.set_xlabel("percent (evidence sentence in brackets)")
ax.set_title("Reported satisfaction and completion rates")
ax.legend(loc="upper left")
an.save_and_show(fig, "03_rates", FIGURES)

# %% [markdown]
# The rates cannot be compared with one another, for three reasons the evidence
# sentences make plain:
#
# * **Different denominators.** The 99% satisfaction rate (同安区) is the share of
#   deputies satisfied with the handling of their suggestions *after* a second round
#   of face-to-face supervision, for suggestions that had failed the first round. The
#   93.5% completion rate (相山区) is the share of 4,530 items of public opinion and
#   requests (社情民意和群众诉求) concluded; the 100% in the same report concerns 107
#   formal suggestions of the district congress.
# * **Ceiling effects.** Reported rates cluster near 100%; they are self-reports of the
#   body being evaluated, and a unit with a poor rate has little reason to print it.
# * **One number, two rates.** 办结率、满意率均为100% ("completion and satisfaction
#   rates were both 100%") gives one numeral for two rates; the codebook codes the
#   numeral once, as the first rate named (`completion_rate`), so the satisfaction
#   rate of that sentence is not in the table. A researcher who needs it should read
#   the sentence.
#
# ## Stations: contact platforms for deputies
#
# A `stations` indicator counts deputy contact platforms (联络站 liaison stations,
# 活动站/活动室 activity stations/rooms, 代表之家 deputies' homes, 调解室 mediation
# rooms …) that were built, covered or upgraded. Many units give several station
# figures, and they overlap: 66 stations *of which* 5 are sectoral; 4 township-level
# rooms *and* 11 village-level demonstration points. Summing them would double count,
# so the comparison uses the **largest** figure a unit gives (`an.largest_figure`), a
# lower bound of the stock it reports. Every figure first, with its sentence:

# %%
stations = an.with_sentences(indicators[indicators["indicator"] == "stations"], corpus.sentences)
stations = stations.sort_values(["unit_id", "start"]).reset_index(drop=True)
stations[["unit_id", "jurisdiction", "value", "surface", "sent_id", "sentence"]]

# %%
largest = an.largest_figure(indicators, "stations")
fig, ax = plt.subplots(figsize=(6.4, 0.42 * len(largest) + 1.3))
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
ax.set_yticklabels(labels.loc[list(ypos)].tolist())
ax.set_ylim(len(ypos) - 0.5, -0.5)
ax.set_xlim(0, float(largest["value"].max()) * 1.45 if len(largest) else 1)
ax.set_xlabel("stations reported (evidence sentence of the largest in brackets)")
ax.set_title("Deputy contact stations reported per unit")
ax.legend(loc="upper right")
an.save_and_show(fig, "03_stations", FIGURES)

# %% [markdown]
# The largest figures range from single digits (a batch of newly opened mediation
# rooms) to 84 community-level liaison stations in the Zhengzhou district. They are not counts
# of the same thing: some reports give the stock of all stations, others what was
# built or upgraded in the year. The figure is best read as "what each report chose
# to count", with the sentence at hand.
#
# ### Stations per 10,000 residents
#
# A per-capita figure needs the population, and only a report that states it
# (an `admin_context` number with the unit 人, e.g. 常住人口56.1万 "resident
# population 561,000") can give one from the text alone:

# %%
per_10k = an.per_capita(indicators, "stations", per=10_000)
per_10k = per_10k.merge(
    an.largest_figure(indicators, "stations")[["unit_id", "surface"]].rename(columns={"surface": "count_surface"}),
    on="unit_id", how="left")
per_10k[["unit_id", "jurisdiction", "count", "count_surface", "count_sent_id", "population",
         "population_sent_id", "per_capita"]].rename(columns={"per_capita": "stations_per_10k"})

# %%
population = an.with_sentences(
    indicators[(indicators["indicator"] == "admin_context") & (indicators["unit"] == "人")], corpus.sentences)
population[["unit_id", "jurisdiction", "value", "surface", "sent_id", "sentence"]].reset_index(drop=True)

# %% [markdown]
# Only one report states its population, so a per-capita comparison across
# jurisdictions cannot be made from these texts: the other districts' populations
# would have to come from statistical yearbooks, joined on the `jurisdiction` column.
# The one figure that can be computed (相山区: 12 new or upgraded deputies' activity
# homes for 561,000 residents, about 0.2 per 10,000) counts a year's construction,
# not the stock, and so understates the density of stations.
