# %% [markdown]
# # 6. Validation: the extractor against hand-coded gold
#
# Notebooks 3–5 rest on automatic extraction. How far can they be trusted? Each
# bundled report was hand-coded against the codebook by a separate coder
# (`corpus/annotations/`, conventions in `GUIDELINES.md`): every indicator with its
# value, measure word and code, and every mention of a deputy, station, agency or
# congress body with its canonical name. `cl.evaluate` compares the extractor's
# tables with the gold, document by document, as multisets:
#
# * an **indicator** matches when value, unit and code all agree, so a right number
#   with the wrong code counts as both a miss and a false hit, as it would in a paper;
# * **quantities** are the same rows ignoring the code: they separate errors of number
#   detection from errors of coding;
# * a **mention** matches on type and surface string; among matched mentions,
#   *canonical agreement* is the share whose resolved name (区政府 → 同安区人民政府)
#   also agrees.
#
# Precision is matched ÷ extracted, recall matched ÷ gold, F1 their harmonic mean.

# %%
import matplotlib.pyplot as plt
import numpy as np

import congress_lib as cl
from congress_lib import analysis as an
from congress_lib.notebooks import setup

ROOT, FIGURES = setup()  # paths, figure style with the bundled CJK font, table display

corpus = cl.load_corpus(ROOT / "corpus")
evaluation = cl.evaluate(corpus, ROOT / "corpus" / "annotations")
evaluation

# %% [markdown]
# ## Scores per table and category
#
# `all` is the micro-average over every item of the table; the other rows are the
# indicator codes and mention types. `gold` and `extracted` give the number of items
# each score rests on: a perfect score on two items says little.

# %%
evaluation.summary

# %%
scores = an.evaluation_scores(evaluation, tables=("indicators", "mentions"))
metrics = ["precision", "recall", "f1"]
colors = {"precision": "#0072B2", "recall": "#E69F00", "f1": "#009E73"}
tables = ["indicators", "mentions"]
sizes = [max(1, scores.loc[scores["table"] == t, "category"].nunique()) for t in tables]
fig, axes = plt.subplots(2, 1, figsize=(6.4, 0.3 * sum(sizes) + 1.8), sharex=True,
                         gridspec_kw={"height_ratios": sizes})
for ax, table in zip(axes, tables):
    part = scores[scores["table"] == table]
    cats = sorted(part["category"].unique())
    gold = part.drop_duplicates("category").set_index("category")["gold"]
    ypos = np.arange(len(cats))
    height = 0.26
    for k, metric in enumerate(metrics):
        vals = part[part["metric"] == metric].set_index("category")["value"].reindex(cats)
        ax.barh(ypos + (k - 1) * height, vals, height=height, color=colors[metric],
                label=metric if table == tables[0] else None)
    ax.set_yticks(ypos)
    ax.set_yticklabels([f"{c} (n={int(gold[c])})" for c in cats], fontsize=7)
    ax.set_ylim(len(cats) - 0.5, -0.5)
    ax.set_xlim(0, 1.0)
    ax.set_title(f"{table}: gold items per category in parentheses", fontsize=9, loc="left")
    ax.grid(axis="y", visible=False)
axes[-1].set_xlabel("score against the hand-coded gold (in-sample)")
fig.legend(loc="upper center", ncol=3, bbox_to_anchor=(0.5, 1.0))
fig.suptitle("Extractor vs. gold: precision, recall, F1", y=1.04)
fig.tight_layout()
an.save_and_show(fig, "06_validation_scores", FIGURES)

# %% [markdown]
# ## Canonical names
#
# Among mentions found with the right type and surface, how often is the resolved
# canonical name the gold one?

# %%
evaluation.canonical

# %% [markdown]
# ## Every error
#
# Each miss (in the gold, not extracted), false hit (extracted, not in the gold) and
# canonical disagreement, with the sentence where the extractor gives one. This list
# is the most useful output of the validation: it shows *what kind* of sentence the
# rules get wrong.

# %%
errors = evaluation.errors.sort_values(["table", "error", "doc_id", "category", "surface"], kind="mergesort")
errors.reset_index(drop=True)

# %%
(evaluation.errors.groupby(["table", "error"]).size().rename("n").reset_index()
 .sort_values(["table", "error"]).reset_index(drop=True))

# %% [markdown]
# ## What these figures mean for notebooks 3–5
#
# **These are in-sample figures, and they overstate accuracy.** The extraction rules
# and lexicons were written and tuned while reading these same five reports and, once
# it existed, this same gold standard. Agreement with the gold is therefore close to
# perfect by construction: the scores show that the rules reproduce the coding
# decisions they were built from, not that they generalise. On reports from other
# provinces, other years and other genres (different names for stations, different
# ways of writing numbers, web pages with other debris) precision and recall will be
# lower. How much lower was measured outside this notebook, because the pages used
# are third-party web pages that the project does not redistribute: coders who never
# saw the extractor hand-coded, with the same guidelines, ten real reports from ten
# other provinces (Xinjiang, Guangxi, Hebei, Jiangxi, Inner Mongolia, Zhejiang,
# Ningxia, Hunan, Chongqing, Shanxi; two in traditional characters with pinyin debris,
# six with page furniture), and the rules were never changed while looking at them.
# There the extractor reached F1 ≈ 0.94 for finding quantities, ≈ 0.81 for indicators
# (value, unit and code right), and ≈ 0.80 for mentions (deputies ≈ 0.84, stations
# ≈ 0.60, agencies ≈ 0.87, congress bodies ≈ 0.86). Those are the figures to keep in
# mind when the library is run on a new corpus; the README gives the details.
#
# At the time of writing, the remaining disagreements are few and informative. They are canonical-name
# disagreements, not detection errors: whether 市经信局 should resolve to the
# abbreviation the text uses or to the agency's full name (淮北市经济和信息化局), and
# whether a bare 工委 is a generic congress work committee or a street-level one.
# These are conventions to be settled in the codebook, and they matter for the network
# of notebook 4, where two spellings of one agency would become two nodes.
#
# For the substantive notebooks this means:
#
# * **Notebook 3 (indicators).** The coverage matrix and the listed rates and station
#   figures can be checked sentence by sentence, and every plotted number is shown with
#   its sentence for that reason. On new reports, expect numbers in unfamiliar
#   constructions to be missed or coded `other`; read the evidence before comparing.
# * **Notebook 4 (networks).** Edges join mentions in one sentence, so any error in a
#   mention or its canonical name propagates to nodes and centralities. Small
#   differences in centrality between agencies should not be interpreted.
# * **Notebook 5 (practices).** Practices are found by cue phrases; the gold does not
#   code practices, so this notebook has no score for them. A practice described in
#   words the dictionary does not list is missed, so absence from the matrix is weak
#   evidence of absence from the report; the evidence table shows every hit to check
#   false ones.
