# %% [markdown]
# # 1. What the corpus holds
#
# Before any measurement we need to know what we are measuring on. This notebook
# describes a corpus (by default the bundled one) of reports on the work of local people's congresses
# (人大, *réndà*) and their standing committees (人大常委会, *réndà chángwěihuì*):
# which jurisdictions, dates and genres it covers, how long the reports are, how a
# city-wide round-up is split into one unit per district, which files were not used,
# and, as a first substantive question, how much of each report is political formula
# rather than reported practice.
#
# Everything is computed by `congress_lib`; this notebook only asks and shows, and
# every statement about the data below is computed from the tables (a code cell
# ending in `say(...)`). Each number can be traced to its document (`doc_id`), unit
# (`unit_id`) and sentence (`sent_id`).

# %% tags=["parameters"]
# Parameters (papermill style): `congress-lib report` runs this notebook on another corpus
# by setting them. None: the bundled corpus (corpus/) and the repository's figures/.
CORPUS_DIR = None  # folder of the reports (reports/*.txt + metadata.csv, or a folder of .txt files)
FIGURES_DIR = None  # folder the figures are written to

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

import congress_lib as cl
from congress_lib import analysis as an
from congress_lib.notebooks import listing, save_and_show, say, setup

ROOT, FIGURES = setup(figures=FIGURES_DIR)  # paths, figure style with the bundled CJK font, table display

CORPUS = Path(CORPUS_DIR) if CORPUS_DIR else ROOT / "corpus"
corpus = cl.load_corpus(CORPUS, progress=False)
AT_SCALE = an.at_scale(corpus.units)  # more units than an.MAX_UNITS: distributions instead of one bar per unit



corpus

# %% [markdown]
# ## Documents: jurisdiction, date, genre
#
# One row per report. `place` joins province (省), city (市) and district (区) from
# `corpus/metadata.csv`; an empty `date` means the page does not state one (the
# metadata `notes` column says what was inferred and from what). `genre` is the
# editor's classification: a news feature (`news`), a five-year work review
# (`review`), a city-wide round-up of the districts (`roundup`), a speech by a
# standing-committee director (`speech`). `script` records whether the file was
# written in simplified or traditional characters (traditional text is converted
# before extraction); `n_furniture_lines` counts the lines of web-page debris
# (breadcrumbs, view counters, copyright lines) removed before anything is read.

# %%
documents = an.document_profile(corpus)
documents

# %%
corpus.documents[["doc_id", "title", "date_source", "source", "notes"]].sort_values("doc_id").reset_index(drop=True)

# %%
provinces = list(dict.fromkeys(corpus.documents.sort_values("doc_id")["province"].dropna()))
genres = documents["genre"].value_counts().sort_index()
dated = documents.loc[documents["date"] != "", "date"].sort_values()
undated = documents.loc[documents["date"] == "", "doc_id"].tolist()
noted = corpus.documents.set_index("doc_id").loc[undated, "notes"].fillna("").str.strip().ne("").all()
say("The corpus holds {n} report{s} from {k} province{ps}{provinces} in {g} genre{gs}{genres}. "
    "{dates}; {undated} {verb} none{notes}.",
    n=len(documents), s="" if len(documents) == 1 else "s", k=len(provinces), ps="" if len(provinces) == 1 else "s",
    provinces=f" ({listing((f'{an.romanised(p)} {p}' for p in provinces), limit=10)})" if provinces else "",
    g=len(genres), gs="" if len(genres) == 1 else "s",
    genres=f" ({listing(f'{n} {genre}' for genre, n in genres.items())})" if len(genres) else "",
    dates=(f"{len(dated)} of them state a date, from {dated.iloc[0]} to {dated.iloc[-1]}" if len(dated) > 1
           else f"{'One' if len(documents) > 1 else 'It'} states a date, {dated.iloc[0]}" if len(dated)
           else "No report states a date"),
    undated=listing(f"`{d}`" for d in undated) or "no report", verb="states" if len(undated) < 2 else "state",
    notes=", and the `notes` say what the text allows to infer" if undated and noted else "")

# %% [markdown]
# Where the reports come from, on a tile grid of China's provincial units (one square
# per province, placed roughly where it lies; grey: no report):

# %%
per_province = corpus.documents["province"].fillna("").replace("", np.nan).dropna().value_counts()
tiles = an.province_tiles(per_province, corpus.lexicon)
fig, ax = plt.subplots(figsize=(6.4, 5.6))
an.draw_tile_map(tiles, ax, colorbar_label="reports", lexicon=corpus.lexicon)
ax.set_title("Reports per province")
save_and_show(fig, "01_province_tiles", FIGURES)

# %% [markdown]
# The bundled corpus (the default) is a test bed for the instrument, chosen for variety of
# place and genre, not a sample from which to generalise about Chinese local congresses.
#
# ## Units: one per jurisdiction
#
# The unit of analysis is the part of a document about one jurisdiction
# ([codebook §1](../docs/codebook.md#1-units-of-analysis)). A report about one
# jurisdiction is one unit. A round-up that reports on several districts in turn, each
# section opened by a heading that names the district's standing committee (思明区人大常委会,
# "the standing committee of Siming district's people's congress"), is split at those
# headings: an introduction about the city that publishes it, then one unit per
# district. `jurisdiction_source` says where each unit's jurisdiction came from: the
# metadata, a section `heading`, or `inferred` from the text.

# %%
units = an.unit_profile(corpus)
units[["unit_id", "doc_id", "jurisdiction", "jurisdiction_source", "n_chars", "n_sentences",
       "n_indicators", "n_mentions"]]

# %%
split = units.groupby("doc_id", sort=True).filter(lambda u: len(u) > 1)
split_text = " ".join(
    f"`{doc}` is split into {len(u)} units: an introduction about {an.romanised(u['jurisdiction'].iloc[0])} "
    f"({u['jurisdiction'].iloc[0]}) and {len(u) - 1} sections, each opened by a heading "
    f"(such as {listing(corpus.units.set_index('unit_id').loc[u['unit_id'].iloc[1:3], 'heading'])} …)."
    for doc, u in split.groupby("doc_id", sort=True)) if not AT_SCALE else (
    f"{split['doc_id'].nunique():,} documents are split into {len(split):,} units: an introduction and the sections "
    "opened by a heading.")
inferred = units[units["jurisdiction_source"] == "inferred"]
inferred_text = " ".join(
    f"The jurisdiction of `{row.unit_id}` is inferred from the text: {row.jurisdiction} ({an.romanised(row.jurisdiction)})."
    for row in inferred.itertuples()) if not AT_SCALE else (
    f"The jurisdiction of {len(inferred):,} units is inferred from the text." if len(inferred) else "")
say("The {n} documents make {u} units. {split} {inferred}",
    n=units["doc_id"].nunique(), u=len(units),
    split=split_text or "No document is split: each is one unit.", inferred=inferred_text)

# %%
unit_names = (an.unit_labels(corpus.units, romanise=True, lexicon=corpus.lexicon)
              .loc[units["unit_id"]].str.replace(" (", "\n(", regex=False).tolist())
y = np.arange(len(units))
if AT_SCALE:  # the distribution of lengths
    fig, ax = plt.subplots(figsize=(7.0, 3.8))
    ax.hist(units["n_chars"], bins=40, color="#0072B2")
    an.count_axis(ax)
    ax.axvline(units["n_chars"].median(), color="#D55E00", lw=1.2, label=f"median {units['n_chars'].median():,.0f}")
    ax.set_xlabel("characters of cleaned text")
    ax.set_ylabel("units")
    ax.legend(frameon=False)
    ax.set_title(f"Length of the {len(units):,} units")
else:
    fig, ax = plt.subplots(figsize=(7.0, 5.6))
    ax.barh(y, units["n_chars"], color="#0072B2")
    for yi, (chars, sents) in enumerate(zip(units["n_chars"], units["n_sentences"])):
        ax.text(chars + 40, yi, f"{sents} sentences", va="center", fontsize=7, color="#4d4d4d")
    ax.set_yticks(y)
    ax.set_yticklabels(unit_names, fontsize=7.5)
    ax.invert_yaxis()
    ax.set_xlabel("characters of cleaned text")
    ax.set_title("Length of each unit")
    ax.set_xlim(0, units["n_chars"].max() * 1.25)
    ax.grid(axis="y", visible=False)
save_and_show(fig, "01_unit_lengths", FIGURES)

# %%
sections = units[units["jurisdiction_source"] == "heading"]["n_sentences"]
single = units.groupby("doc_id").filter(lambda u: len(u) == 1)["n_sentences"]
lo, hi = units["n_sentences"].min(), units["n_sentences"].max()
if len(sections) and len(single):
    relation = ("every one shorter than any" if sections.max() < single.min() else
                "every one longer than any" if sections.min() > single.max() else "against those")
    compare = (f"The {len(sections)} sections opened by a heading have {sections.min()}–{sections.max()} sentences, "
               f"{relation} of the single-unit reports ({single.min()}–{single.max()} sentences). ")
else:
    compare = ""
say("{compare}Units range from {lo} sentences ({lo_ids}) to {hi} ({hi_ids}), a ratio of {ratio:.0f} to 1.",
    compare=compare, lo=lo, hi=hi, ratio=hi / lo,
    lo_ids=listing((f"`{u}`" for u in units.loc[units["n_sentences"] == lo, "unit_id"]), limit=10),
    hi_ids=listing((f"`{u}`" for u in units.loc[units["n_sentences"] == hi, "unit_id"]), limit=10))

# %% [markdown]
# Counts of anything per unit therefore say as much about length as about practice;
# later notebooks compare shares or presence rather than raw counts wherever they can.
#
# ## Files that were not used
#
# Every file under `corpus/reports/` either becomes a document or is listed in
# `corpus.rejected` with the reason (unreadable encoding, empty after cleaning,
# duplicate content, a metadata row without a file …). A researcher adding reports
# should look here first.

# %%
corpus.rejected.sort_values(["kind", "path"]).reset_index(drop=True)

# %%
say("{rejected} {n} document{s} loaded.",
    rejected=(f"{len(corpus.rejected)} file(s) or metadata row(s) rejected;" if len(corpus.rejected)
              else "No file or metadata row was rejected;"),
    n=len(corpus.documents), s="" if len(corpus.documents) == 1 else "s")

# %% [markdown]
# ## Formula or practice?
#
# Congress reports mix two kinds of sentences: fixed ideological formulas (政治话语,
# *zhèngzhì huàyǔ*, political discourse: e.g. 两个维护 "the Two Safeguards",
# 全过程人民民主 "whole-process people's democracy", 不忘初心、牢记使命 "stay true to
# the original aspiration, keep the mission in mind") and accounts of what was done.
# The codebook ([§6](../docs/codebook.md#6-political-formulas)) measures the first as
# the share of a unit's sentences that carry at least one formula from the dictionary
# in `congress_lib/lexicon/formulas.yaml`. As a contrast we show the share of
# sentences that name an institutional practice
# ([§5](../docs/codebook.md#5-practices): 专题询问 special inquiry, 执法检查
# law-enforcement inspection, 面对面督办 face-to-face supervision …) and the share
# that report a codebook indicator ([§2](../docs/codebook.md#2-quantities-and-indicators):
# a number such as 108件建议, "108 suggestions").

# %%
corpus.formulas().round({"share": 3})

# %%
shares = units.set_index("unit_id")[["formula_share", "practice_share", "indicator_share"]]
names = {"formula_share": "political formula", "practice_share": "named practice",
         "indicator_share": "reported number (indicator)"}
colors = {"formula_share": "#D55E00", "practice_share": "#009E73", "indicator_share": "#0072B2"}
if AT_SCALE:  # the distribution of each share over the units
    fig, axes = plt.subplots(1, 3, figsize=(10.0, 3.6), sharey=True)
    for ax, col in zip(axes, names):
        ax.hist(shares[col], bins=np.linspace(0, 1, 21), color=colors[col])
        an.count_axis(ax)
        ax.axvline(shares[col].median(), color="#222222", lw=1.0, label=f"median {shares[col].median():.2f}")
        ax.set_xlabel(f"share of sentences: {names[col]}")
        ax.legend(frameon=False, fontsize=7.5)
    axes[0].set_ylabel("units")
    fig.suptitle(f"How much of each unit is formula, practice, numbers ({len(shares):,} units)")
    fig.tight_layout()
else:
    fig, ax = plt.subplots(figsize=(7.0, 6.2))
    height = 0.26
    for k, col in enumerate(names):
        ax.barh(y + (k - 1) * height, shares[col], height=height, color=colors[col], label=names[col])
    ax.set_yticks(y)
    ax.set_yticklabels(unit_names, fontsize=7.5)
    ax.invert_yaxis()
    ax.set_xlabel("share of the unit's sentences")
    ax.set_xlim(0, min(1.0, shares.to_numpy().max() * 1.15))
    ax.set_title("How much of each unit is formula, practice, numbers")
    ax.legend(loc="lower right")
    ax.grid(axis="y", visible=False)
save_and_show(fig, "01_formula_share", FIGURES)

# %%
first_of_many = (units.groupby("doc_id")["unit_id"].transform("size") > 1) & ~units["doc_id"].duplicated()


def unit_name(row, extra=""):
    what = f"introduction, {an.romanised(row['jurisdiction'])}" if first_of_many[row.name] else an.romanised(row["jurisdiction"])
    return f"`{row['unit_id']}` ({what}{extra})"


tops = units[units["formula_share"] == units["formula_share"].max()]
intros = units[first_of_many]
districts = units[units["jurisdiction_source"] == "heading"]
none = (districts["n_formula_sentences"] == 0).sum()
more_formula = units[units["n_formula_sentences"] > units["n_practice_sentences"]]
smallest = units["n_sentences"].min()
intro_text = "".join(
    f"No sentence of {unit_name(r)} names a practice or reports a number. "
    if r["n_practice_sentences"] == 0 and r["n_indicator_sentences"] == 0 else
    f"In {unit_name(r)}, {r['n_practice_sentences']} sentences name a practice and "
    f"{r['n_indicator_sentences']} report a number. "
    for _, r in intros.iterrows()) if not AT_SCALE else (
    f"{len(intros):,} introductions of round-ups: {(intros['n_practice_sentences'] + intros['n_indicator_sentences'] == 0).sum():,} "
    "of them name no practice and report no number. ")
say("The highest formula share, {share:.2f}, is {whose} {tops}. {intros}{districts}{practice} A share computed "
    "on a unit of {m} sentences moves by {step:.2f} with a single sentence, so the shares of the short units "
    "are coarse.",
    share=tops["formula_share"].iloc[0],
    whose="that of" if len(tops) == 1 else "shared by",
    tops=listing((unit_name(r, f"; {r['n_formula_sentences']} of {r['n_sentences']} sentences")
                  for _, r in tops.iterrows()), limit=10),
    intros=intro_text,
    districts=(f"{none} of the {len(districts)} sections opened by a heading {'carries' if none == 1 else 'carry'} "
               "no formula at all. " if len(districts) else ""),
    practice=("In every unit at least as many sentences name a practice as carry a formula." if more_formula.empty
              else "In every unit but {u}, at least as many sentences name a practice as carry a formula.".format(
                  u=listing((f"`{u}`" for u in more_formula["unit_id"]), limit=10))),
    m=smallest, step=1 / smallest)

# %% [markdown]
# Where formulas outweigh named practices, a report says more about political
# alignment than about congress work; where practices dominate, the report can serve
# as a source on practice, provided its formulaic sentences are read as what they are.
#
# The evidence: every formula found, with its sentence (`formula_en`: the codebook's
# English label).

# %%
formula_evidence = an.with_sentences(corpus.formula_evidence(), corpus.sentences)
formula_evidence["formula_en"] = an.bilingual(formula_evidence["formula"], "formula", corpus.lexicon, chinese=False)
(formula_evidence.sort_values(["doc_id", "start", "label"])
 [["unit_id", "sent_id", "label", "formula_en", "surface", "sentence"]].reset_index(drop=True))

# %% [markdown]
# Which formulas recur across the corpus, and in how many units:

# %%
recurring = (formula_evidence
             .groupby(["formula", "label", "formula_en"])
             .agg(hits=("surface", "size"), units=("unit_id", "nunique"))
             .reset_index()
             .sort_values(["hits", "units", "label"], ascending=[False, False, True])
             .reset_index(drop=True))
recurring

# %%
widest = recurring[recurring["units"] == recurring["units"].max()].sort_values("label")
say("{k} distinct formulas are found; {r} of them occur in more than one unit. The most widespread "
    "({u} units{each}) {are} {names}.",
    k=len(recurring), r=(recurring["units"] > 1).sum(), u=recurring["units"].max(),
    each="" if len(widest) == 1 else " each", are="is" if len(widest) == 1 else "are",
    names=listing(f"{zh} ({en})" for zh, en in zip(widest["label"], widest["formula_en"])))
