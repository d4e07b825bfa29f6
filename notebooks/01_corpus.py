# %% [markdown]
# # 1. What the corpus holds
#
# Before any measurement we need to know what we are measuring on. This notebook
# describes the bundled corpus of reports on the work of local people's congresses
# (人大, *rénd*à) and their standing committees (人大常委会): which jurisdictions,
# dates and genres it covers, how long the reports are, how a city-wide round-up is
# split into one unit per district, which files were not used, and, as a first
# substantive question, how much of each report is political formula rather than
# reported practice.
#
# Everything is computed by `congress_lib`; this notebook only asks and shows. Each
# number can be traced to its document (`doc_id`), unit (`unit_id`) and sentence
# (`sent_id`).

# %%
import matplotlib.pyplot as plt
import numpy as np

import congress_lib as cl
from congress_lib import analysis as an
from congress_lib.notebooks import setup

ROOT, FIGURES = setup()  # paths, figure style with the bundled CJK font, table display

corpus = cl.load_corpus(ROOT / "corpus")
corpus

# %% [markdown]
# ## Documents: jurisdiction, date, genre
#
# One row per report. `place` joins province (省), city (市) and district (区) from
# `corpus/metadata.csv`; an empty `date` means the page does not state one (the
# metadata `notes` column says what was inferred and from what). `genre` is the
# editor's classification: a news feature (`news`), a five-year work review
# (`review`), a city-wide round-up of the districts (`roundup`) and a speech by a
# standing-committee director (`speech`). `script` records whether the file was
# written in simplified or traditional characters (traditional text is converted
# before extraction); `n_furniture_lines` counts the lines of web-page debris
# (breadcrumbs, view counters, copyright lines) removed before anything is read.

# %%
documents = an.document_profile(corpus)
documents

# %%
corpus.documents[["doc_id", "title", "date_source", "source", "notes"]].sort_values("doc_id").reset_index(drop=True)

# %% [markdown]
# The corpus is small and deliberately varied: three provinces (福建, 安徽, 河南),
# four genres, and reports from 2019 to 2024. It is a test bed for the instrument,
# not a sample from which to generalise about Chinese local congresses.
#
# ## Units: one per jurisdiction
#
# The unit of analysis is the part of a document about one jurisdiction (codebook
# §1). A report about one district is one unit. The Xiamen round-up
# (`xiamen_2024_roundup`) has a section per district, each opened by a heading such
# as 思明区人大常委会 (the Siming district standing committee); it is split into an
# introduction about the city (厦门市) and one unit per district.
# `jurisdiction_source` says where each unit's jurisdiction came from: the metadata,
# a section `heading`, or `inferred` from the text (the Zhengzhou speech never names
# its district, so its unit is labelled 郑州市某区, "a district of Zhengzhou").

# %%
units = an.unit_profile(corpus)
units[["unit_id", "doc_id", "jurisdiction", "jurisdiction_source", "n_chars", "n_sentences",
       "n_indicators", "n_mentions"]]

# %%
labels = an.unit_labels(corpus.units)
fig, ax = plt.subplots(figsize=(6.4, 4.2))
y = np.arange(len(units))
ax.barh(y, units["n_chars"], color="#0072B2")
for yi, (chars, sents) in enumerate(zip(units["n_chars"], units["n_sentences"])):
    ax.text(chars + 40, yi, f"{sents} sentences", va="center", fontsize=7, color="#4d4d4d")
ax.set_yticks(y)
ax.set_yticklabels(labels.loc[units["unit_id"]].tolist())
ax.invert_yaxis()
ax.set_xlabel("characters of cleaned text")
ax.set_title("Length of each unit")
ax.set_xlim(0, units["n_chars"].max() * 1.25)
ax.grid(axis="y", visible=False)
an.save_and_show(fig, "01_unit_lengths", FIGURES)

# %% [markdown]
# The district sections of the round-up are short (10–16 sentences each) next to the
# single-district reports (35–68 sentences). Counts of anything per unit therefore
# say as much about length as about practice; later notebooks compare shares or
# presence rather than raw counts wherever they can.
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
print(f"{len(corpus.rejected)} file(s) or metadata row(s) rejected; {len(corpus.documents)} documents loaded.")

# %% [markdown]
# ## Formula or practice?
#
# Congress reports mix two kinds of sentences: fixed ideological formulas (政治话语,
# e.g. 两个维护 "the two safeguards", 全过程人民民主 "whole-process people's
# democracy", 不忘初心、牢记使命 "stay true to the original aspiration") and accounts
# of what was done. The codebook (§6) measures the first as the share of a unit's
# sentences that carry at least one formula from the dictionary in
# `congress_lib/lexicon/formulas.yaml`. As a contrast we show the share of
# sentences that name an institutional practice (§5: 专题询问 special inquiry,
# 执法检查 law-enforcement inspection, 面对面督办 face-to-face supervision …) and the
# share that report a codebook indicator (§2: a number such as 108件建议).

# %%
corpus.formulas().round({"share": 3})

# %%
shares = units.set_index("unit_id")[["formula_share", "practice_share", "indicator_share"]]
fig, ax = plt.subplots(figsize=(6.4, 4.6))
height = 0.26
names = {"formula_share": "political formula", "practice_share": "named practice",
         "indicator_share": "reported number (indicator)"}
colors = {"formula_share": "#D55E00", "practice_share": "#009E73", "indicator_share": "#0072B2"}
for k, col in enumerate(names):
    ax.barh(y + (k - 1) * height, shares[col], height=height, color=colors[col], label=names[col])
ax.set_yticks(y)
ax.set_yticklabels(labels.loc[shares.index].tolist())
ax.invert_yaxis()
ax.set_xlabel("share of the unit's sentences")
ax.set_xlim(0, min(1.0, shares.to_numpy().max() * 1.15))
ax.set_title("How much of each unit is formula, practice, numbers")
ax.legend(loc="lower right")
ax.grid(axis="y", visible=False)
an.save_and_show(fig, "01_formula_share", FIGURES)

# %% [markdown]
# Formulas cluster where reports speak about politics in general: the city-wide
# introduction of the round-up is formula and nothing else, and the speech and the
# news features carry them in their opening and closing paragraphs, while most
# district sections of the round-up carry none and consist of named practices and
# numbers. Outside the introduction, every unit has at least as many sentences naming a
# practice as sentences carrying a formula, so reports of this kind are usable as
# sources on practice, provided the formulaic sentences are read as what they are.
# A share computed on a unit of ten sentences moves by 0.1 with a single sentence,
# so the round-up's district shares are coarse.
#
# The evidence: every formula found, with its sentence.

# %%
formula_evidence = an.with_sentences(corpus.formula_evidence(), corpus.sentences)
(formula_evidence.sort_values(["doc_id", "start", "label"])
 [["unit_id", "sent_id", "label", "surface", "sentence"]].reset_index(drop=True))

# %% [markdown]
# Which formulas recur across the corpus, and in how many units:

# %%
(corpus.formula_evidence()
 .groupby("label")
 .agg(hits=("surface", "size"), units=("unit_id", "nunique"))
 .reset_index()
 .sort_values(["hits", "units", "label"], ascending=[False, False, True])
 .reset_index(drop=True))
