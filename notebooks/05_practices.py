# %% [markdown]
# # 5. Institutional practices
#
# Local congresses advertise named mechanisms of their work: 专题询问 (special
# inquiry, a hearing at which department heads answer committee members' questions),
# 执法检查 (law-enforcement inspection), 面对面督办 (face-to-face supervision of the
# handling of deputies' suggestions), 三方会商 (three-party consultation between the
# lead deputy, the responsible department and the congress), 民生实事项目票决制 (deputies
# vote on the government's list of livelihood projects), 代表接待选民日 (fixed days on
# which deputies receive voters) and more (codebook §5). Which jurisdictions report
# which practices, and which practices are reported together?
#
# Practices are found by cue phrases held in `congress_lib/lexicon/practices.yaml`
# (editable data: a researcher adds a practice or a cue there, not in code).
# `corpus.practices()` gives unit × practice counts with the evidence sentences.

# %%
import matplotlib.pyplot as plt

import congress_lib as cl
from congress_lib import analysis as an
from congress_lib.notebooks import setup

ROOT, FIGURES = setup()  # paths, figure style with the bundled CJK font, table display

corpus = cl.load_corpus(ROOT / "corpus")
practices = corpus.practices()
labels = an.unit_labels(corpus.units)
practice_labels = {code: entry.get("label", code)
                   for code, entry in corpus.lexicon["practices"]["practices"].items()}

# %% [markdown]
# ## Which practices, where
#
# How many units report each practice, and in how many distinct jurisdictions:

# %%
spread = (practices.groupby("practice")
          .agg(units=("unit_id", "nunique"), jurisdictions=("jurisdiction", "nunique"),
               cue_hits=("count", "sum"), sentences=("n_sentences", "sum"))
          .reset_index())
spread.insert(1, "label", spread["practice"].map(practice_labels))
spread = spread.sort_values(["units", "cue_hits", "practice"], ascending=[False, False, True]).reset_index(drop=True)
spread

# %%
matrix = an.unit_matrix(practices, "practice", corpus.units, values="count", categories=spread["practice"])
fig, ax = plt.subplots(figsize=(8.4, 4.8))
an.draw_heatmap(matrix, ax, row_labels=labels.loc[matrix.index].tolist(),
                col_labels=[f"{practice_labels.get(c, c)}" for c in matrix.columns], cmap="Greens",
                colorbar_label="cue phrases found")
ax.set_title("Institutional practices reported by each unit (codebook §5)")
an.save_and_show(fig, "05_practices_by_unit", FIGURES)

# %% [markdown]
# Two kinds of practice stand out. Supervision of the handling of deputies'
# suggestions (跟踪督办 follow-up supervision, 重点建议督办 supervision of key
# suggestions) and the use of online duty platforms (互联网+代表履职) are reported
# across provinces and genres: they are the common repertoire. Other mechanisms are
# local signatures: the "deputy + judge" mediation rooms (人大代表+法官调解) of 集美区,
# the three-party consultation (三方会商) of 翔安区, the project voting system
# (票决制) of 相山区, the dual activity days (代表双活动日) and unified reception
# (代表统一接待) of the Zhengzhou district. A district section of the round-up is
# about 600 characters long and reports at most a few practices, a full report
# several times as many, so the matrix measures length as well as repertoire; the
# right comparison is between reports of a similar genre.
#
# The evidence: every cue found, with its sentence.

# %%
evidence = an.with_sentences(corpus.practice_evidence(), corpus.sentences)
(evidence.sort_values(["doc_id", "start", "practice"])
 [["unit_id", "jurisdiction", "practice", "label", "surface", "sent_id", "sentence"]].reset_index(drop=True))

# %% [markdown]
# ## Which practices go together
#
# Two practices co-occur in a unit when both are reported in it. `an.cooccurrence`
# counts the units in which each pair co-occurs and computes the Jaccard index (units
# with both ÷ units with either), which does not reward practices merely for being
# common. With eleven units the co-occurrences are descriptive, not a test of
# association.

# %%
jaccard = an.cooccurrence(practices, unit="unit_id", item="practice", measure="jaccard")
shared = [p for p in spread.loc[spread["units"] >= 2, "practice"] if p in jaccard.index]
shown = jaccard.loc[shared, shared].astype(float)
for p in shared:
    shown.loc[p, p] = float("nan")  # the diagonal (always 1) is left blank
names = [practice_labels.get(c, c) for c in shared]
fig, ax = plt.subplots(figsize=(6.4, 5.4))
an.draw_heatmap(shown, ax, row_labels=names, col_labels=names, cmap="Purples", fmt="{:.2f}", vmax=1.0,
                colorbar_label="Jaccard index across units")
ax.set_title("Co-occurrence of practices reported in two or more units")
an.save_and_show(fig, "05_practice_cooccurrence", FIGURES)

# %% [markdown]
# Practices reported in a single unit are left out of the figure: two of them in the
# same unit would have a Jaccard index of 1 on the strength of one report. The
# fifteen pairs that co-occur most often:

# %%
pairs = an.cooccurrence_pairs(practices, unit="unit_id", item="practice").head(15)
pairs.insert(1, "label_a", pairs["item_a"].map(practice_labels))
pairs.insert(3, "label_b", pairs["item_b"].map(practice_labels))
pairs

# %% [markdown]
# The practices that travel together belong to one cycle of deputy work: receiving
# voters (代表接待选民日), supervising the handling of the suggestions that result
# (跟踪督办, 重点建议督办) and recording and appraising deputies' performance
# (代表履职考核/档案, 代表述职评议). They co-occur in the full-length reports, which describe the
# whole cycle, and are absent from the short round-up sections, which highlight one
# signature mechanism each. Co-occurrence here therefore reflects the genre of the
# report (a full work review versus a showcase section) at least as much as
# complementarity between institutions; testing the latter needs many more reports of
# one genre.
