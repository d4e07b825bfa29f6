# %% [markdown]
# # 2. The language of the reports
#
# Which words set one jurisdiction's report apart from the others? Raw word
# frequencies answer badly: the most frequent words of every report are the same
# (工作 "work", 代表 "deputy", 人大 "people's congress"), and a rare word used twice in
# a short section looks important by accident. We use the **weighted log-odds ratio
# with an informative Dirichlet prior** of Monroe, Colaresi & Quinn (2008, *Political
# Analysis* 16: 372–403), the standard measure for "fightin' words" between speakers
# or parties. For a jurisdiction *i* and a term *w* it compares the log-odds of *w* in
# *i*'s text with its log-odds in the rest of the corpus, shrinks both towards the
# corpus-wide rate (the prior), and divides by the standard error. The resulting
# *z*-score is large only for terms used often *and* unevenly.
#
# The text is segmented with jieba and the project's domain dictionary
# (`congress_lib/lexicon/domain_terms.yaml`), so that terms such as 人大代表 (people's
# deputy), 联络站 (liaison station) and 满意度测评 (satisfaction evaluation) stay one
# token. Stopwords (function words, numerals with their measure words) are listed in
# `congress_lib/lexicon/stopwords.yaml`. Place names are removed too, because the
# name of a district is trivially the most distinctive word of its own report.

# %%
import matplotlib.pyplot as plt
import numpy as np

import congress_lib as cl
from congress_lib import analysis as an
from congress_lib.notebooks import setup

ROOT, FIGURES = setup()  # paths, figure style with the bundled CJK font, table display

corpus = cl.load_corpus(ROOT / "corpus")

# %% [markdown]
# ## Tokens and content words
#
# `corpus.tokens()` returns one row per token (document, unit, sentence, position).
# `an.vocabulary` keeps the content words and attaches each unit's jurisdiction. The
# two units about 同安区 (Tong'an district: the 2022 news feature and the Tong'an
# section of the 2024 Xiamen round-up) are pooled, because the comparison is between
# jurisdictions.

# %%
tokens = corpus.tokens()
vocab = an.vocabulary(tokens, corpus.units, an.load_stopwords(corpus.lexicon),
                      exclude=an.place_names(corpus.units, corpus.lexicon))
sizes = (vocab.groupby("jurisdiction")
         .agg(tokens=("token", "size"), distinct_terms=("token", "nunique"), units=("unit_id", "nunique"))
         .reset_index()
         .sort_values(["tokens", "jurisdiction"], ascending=[False, True])
         .reset_index(drop=True))
print(f"{len(tokens)} tokens, {len(vocab)} content tokens kept, {vocab['token'].nunique()} distinct terms.")
sizes

# %% [markdown]
# The most frequent content words of the whole corpus are the vocabulary of the
# genre itself: work, deputies, the congress, construction, activities, the masses
# (群众), performing one's duties (履职).

# %%
(vocab["token"].value_counts().rename_axis("term").reset_index(name="n")
 .sort_values(["n", "term"], ascending=[False, True]).head(25).reset_index(drop=True))

# %% [markdown]
# ## Distinctive terms per jurisdiction
#
# `an.term_counts` gives the jurisdiction × term counts and `an.weighted_log_odds`
# scores every term for every jurisdiction against all the others. The prior weight
# is the corpus size (the empirical-Bayes default of the `tidylo` R package), so a
# term's prior count equals its count in the corpus. We keep terms used at least
# twice in the jurisdiction.

# %%
counts = an.term_counts(vocab, group="jurisdiction")
scores = an.weighted_log_odds(counts)
top = an.top_terms(scores, k=6, min_count=2)
top[["group", "rank", "term", "n", "n_rest", "delta", "z"]]

# %%
groups = sorted(top["group"].unique())
ncols = 2
nrows = int(np.ceil(len(groups) / ncols))
fig, axes = plt.subplots(nrows, ncols, figsize=(7.0, 1.55 * nrows + 0.6), sharex=True)
axes = np.atleast_1d(axes).ravel()
for ax, group in zip(axes, groups):
    rows = top[top["group"] == group].sort_values("rank")
    ax.barh(np.arange(len(rows)), rows["z"], color="#0072B2", height=0.7)
    ax.set_yticks(np.arange(len(rows)))
    ax.set_yticklabels([f"{t} ({n})" for t, n in zip(rows["term"], rows["n"])], fontsize=7.5)
    ax.invert_yaxis()
    ax.set_title(group, fontsize=9, loc="left")
    ax.grid(axis="y", visible=False)
for ax in axes[len(groups):]:
    ax.set_visible(False)
for ax in axes[-ncols:]:
    ax.set_xlabel("weighted log-odds z")
fig.suptitle("Most distinctive terms of each jurisdiction (count in parentheses)", fontsize=10)
fig.tight_layout()
an.save_and_show(fig, "02_distinctive_terms", FIGURES)

# %% [markdown]
# What the scores show. Where a section is about a named mechanism, that mechanism
# comes first: 专题询问 (special inquiry) in 思明区, 调解 (mediation), 法院 (court)
# and 物业 (property management) in 集美区's "deputy + judge" mediation rooms,
# 三方会商 (three-party consultation) and 议案建议 (motions and suggestions) in
# 翔安区. The long single-district reports are distinguished by their organisational
# vocabulary: 代表小组 (deputy groups) and 国家机关 (state organs) in 相山区, 党委
# (party committee), 联络站 (liaison station), 选民 (voters) and 驻区 (deputies
# resident in the district) in the Zhengzhou speech. Several top terms of the short
# round-up sections rest on two or three occurrences; their *z*-scores (about 1.5)
# are correspondingly modest, and they should be read as leads to follow in the
# text, not as findings.
#
# ## Concordances
#
# A term's meaning is in its context. `corpus.kwic(term, window)` lists every
# occurrence with the characters around it and the sentence id, so each use can be
# read in place. Three terms matter for the later notebooks:
#
# * 联络站 (liaison station) — the deputies' contact platforms counted in notebook 3
#   and connected in notebook 4;
# * 满意 (satisfied) — the root of 满意率 (satisfaction rate) and 满意度测评
#   (satisfaction evaluation): who is asked, and about what?
# * 督办 (supervise the handling of) — the verb of the congress's oversight of the
#   government's handling of deputies' suggestions.

# %%
def concordance(term, window=15):
    hits = corpus.kwic(term, window=window)
    return hits.sort_values(["doc_id", "start"])[["doc_id", "sent_id", "left", "keyword", "right"]].reset_index(drop=True)


concordance("联络站")

# %% [markdown]
# 联络站 is above all the word of the Zhengzhou speech, which describes a whole
# system of street-, community- and sector-level liaison stations. The Fujian and
# Anhui reports use it only in passing (the online 网上联络站, 联络站点) and call
# their platforms 活动站 / 活动室 (activity station / room) or 代表之家 (deputies'
# home). A count of the word 联络站 would therefore measure regional vocabulary, not
# institutions; the station indicators of notebook 3 and the station mentions of
# notebook 4 use the whole family of names (`congress_lib/lexicon/mention_stations.yaml`).

# %%
concordance("满意")

# %% [markdown]
# 满意 is never the public's satisfaction with government here. It is either the
# deputies' satisfaction with how their suggestions were handled (代表满意率, the
# deputies' "basically satisfied" / "not satisfied" votes after a 督办 meeting), or
# the standing committee's satisfaction evaluation (满意度测评) of a department after
# a special inquiry. A satisfaction rate in these reports is an internal,
# procedural measure, and notebook 3 treats it as such.

# %%
concordance("督办")

# %% [markdown]
# 督办 serves two purposes. It names the committee's routine oversight of how
# government departments handle deputies' suggestions, and it is part of the names
# of specific mechanisms: 面对面督办 (face-to-face supervision), 跟踪督办 (follow-up
# supervision), the 三方会商 (three-party consultation) 督办 mechanism. The practice
# dictionary of notebook 5 counts only the named mechanisms.
