# %% [markdown]
# # 2. The language of the reports
#
# Which words set one jurisdiction's report apart from the others? Raw word
# frequencies answer badly: the most frequent words of reports of one genre are the
# words the genre shares, and a rare word used twice in a short section looks
# important by accident. We use the **weighted log-odds ratio with an informative
# Dirichlet prior** of Monroe, Colaresi & Quinn (2008, *Political Analysis* 16:
# 372–403), the standard measure for "fightin' words" between speakers or parties.
# For a jurisdiction *i* and a term *w* it compares the log-odds of *w* in *i*'s text
# with its log-odds in the rest of the corpus, shrinks both towards the corpus-wide
# rate (the prior), and divides by the standard error. The resulting *z*-score is
# large only for terms used often *and* unevenly.
#
# The text is segmented with jieba and the project's domain dictionary
# (`congress_lib/lexicon/domain_terms.yaml`), so that terms such as 人大代表
# (*réndà dàibiǎo*, people's congress deputy), 联络站 (*liánluòzhàn*, liaison station)
# and 满意度测评 (*mǎnyìdù cèpíng*, satisfaction evaluation) stay one token. Stopwords
# (function words, numerals with their measure words) are listed in
# `congress_lib/lexicon/stopwords.yaml`. Place names are removed too, because the
# name of a district is trivially the most distinctive word of its own report.
#
# Every statement about the data below is computed from the tables (a code cell
# ending in `say(...)`); Chinese terms carry their pinyin (by `an.pinyin`) and, where
# the prose discusses them, an English gloss.

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
from congress_lib.codebook import labels
from congress_lib.notebooks import enough_data, k_of_n, listing, save_and_show, say, setup, term

ROOT, FIGURES = setup(figures=FIGURES_DIR)  # paths, figure style with the bundled CJK font, table display

CORPUS = Path(CORPUS_DIR) if CORPUS_DIR else ROOT / "corpus"
corpus = cl.load_corpus(CORPUS, progress=False)

# %% [markdown]
# ## Tokens and content words
#
# `corpus.tokens()` returns one row per token (document, unit, sentence, position).
# `an.vocabulary` keeps the content words and attaches each unit's jurisdiction.
# Units about the same jurisdiction are pooled, because the comparison is between
# jurisdictions. A corpus of more than `an.MAX_UNITS` (30) units is compared by
# province instead (the province of each unit, `an.unit_places`): hundreds of
# jurisdictions, most with one short report, would each show a handful of accidents.

# %%
tokens = corpus.tokens()
vocab = an.vocabulary(tokens, corpus.units, an.load_stopwords(corpus.lexicon),
                      exclude=an.place_names(corpus.units, corpus.lexicon))
places = an.unit_places(corpus.units, corpus.documents).set_index("unit_id")
AT_SCALE = an.at_scale(corpus.units)
GROUP = "province" if AT_SCALE else "jurisdiction"  # what the vocabularies compare
vocab["province"] = vocab["unit_id"].map(places["province"])


def group_name(group):
    """A jurisdiction or province as English prose names it: Huli, 福建 Fujian."""
    return an.province_labels([group], corpus.lexicon)[0] if AT_SCALE else an.romanised(group)


sizes = (vocab.groupby(GROUP)
         .agg(tokens=("token", "size"), distinct_terms=("token", "nunique"), units=("unit_id", "nunique"))
         .reset_index()
         .sort_values(["tokens", GROUP], ascending=[False, True])
         .reset_index(drop=True))
sizes.insert(1, "romanised", [group_name(g).split(" ", 1)[-1] if AT_SCALE else group_name(g) for g in sizes[GROUP]])
sizes

# %%
pooled = corpus.units.groupby("jurisdiction", sort=True)["unit_id"].agg(list)
pooled = pooled[pooled.map(len) > 1]
say("{n:,} tokens; {kept:,} content tokens ({share:.0%}) are kept, {distinct:,} distinct terms. "
    "{pooled}The {groups} range from {lo:,} content tokens ({lo_place}) to {hi:,} ({hi_place}).",
    n=len(tokens), kept=len(vocab), share=len(vocab) / len(tokens), distinct=vocab["token"].nunique(),
    pooled=(f"The {len(corpus.units):,} units ({corpus.units['jurisdiction'].nunique():,} jurisdictions) are pooled by "
            f"province: {len(sizes)} groups. " if AT_SCALE else
            "".join(f"The {len(ids)} units about {j} ({an.romanised(j)}: {listing(f'`{u}`' for u in ids)}) are pooled. "
                    for j, ids in pooled.items())),
    groups="provinces" if AT_SCALE else "jurisdictions",
    lo=sizes["tokens"].iloc[-1], lo_place=group_name(sizes[GROUP].iloc[-1]),
    hi=sizes["tokens"].iloc[0], hi_place=group_name(sizes[GROUP].iloc[0]))

# %% [markdown]
# The most frequent content words of the whole corpus, with the number of
# jurisdictions that use each:

# %%
frequent = (vocab.groupby("token")
            .agg(n=("token", "size"), jurisdictions=("jurisdiction", "nunique"))
            .rename_axis("term").reset_index()
            .sort_values(["n", "term"], ascending=[False, True]).head(25).reset_index(drop=True))
frequent.insert(1, "pinyin", an.pinyin(frequent["term"]))
frequent

# %%
n_groups = vocab["jurisdiction"].nunique()
say("The five most frequent are {top}. {k} of these {m} terms occur in all {g:,} jurisdictions, {h} in at least "
    "half of them.",
    top=listing(term(t) for t in frequent["term"].head(5)), m=len(frequent), g=n_groups,
    k=(frequent["jurisdictions"] == n_groups).sum(), h=(frequent["jurisdictions"] >= n_groups / 2).sum())

# %% [markdown]
# ## Distinctive terms per jurisdiction
#
# `an.term_counts` gives the jurisdiction × term counts and `an.weighted_log_odds`
# scores every term for every jurisdiction against all the others (at scale: every
# province against all the others, and the figure shows the `an.MAX_PANELS` (8)
# provinces with most text). The prior weight
# is the corpus size (the empirical-Bayes default of the `tidylo` R package), so a
# term's prior count equals its count in the corpus. We keep terms used at least
# twice in the jurisdiction.

# %%
with enough_data("the most distinctive terms (they compare two jurisdictions or more)"):
    counts = an.term_counts(vocab, group=GROUP)
    scores = an.weighted_log_odds(counts)
    top = an.top_terms(scores, k=6, min_count=2)
    if AT_SCALE:  # the provinces with most content tokens
        top = top[top["group"].isin(sizes[GROUP].head(an.MAX_PANELS))].reset_index(drop=True)
    top["pinyin"] = an.pinyin(top["term"])
    display(top[["group", "rank", "term", "pinyin", "n", "n_rest", "delta", "z"]])

# %%
with enough_data("the figure of distinctive terms"):
    groups = [g for g in sizes[GROUP] if g in set(top["group"])] if AT_SCALE else sorted(top["group"].unique())
    units_in = sizes.set_index(GROUP)["units"]
    ncols = 2
    nrows = int(np.ceil(len(groups) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(8.6, 1.6 * nrows + 0.7), sharex=True)
    axes = np.atleast_1d(axes).ravel()
    for ax, group in zip(axes, groups):
        rows = top[top["group"] == group].sort_values("rank")
        ax.barh(np.arange(len(rows)), rows["z"], color="#0072B2", height=0.7)
        ax.set_yticks(np.arange(len(rows)))
        ax.set_yticklabels([f"{t} {p} ({n})" for t, p, n in zip(rows["term"], rows["pinyin"], rows["n"])],
                           fontsize=7.5)
        ax.invert_yaxis()
        ax.set_title(f"{group_name(group)} ({units_in[group]:,} units)" if AT_SCALE
                     else f"{group} {an.romanised(group)}", fontsize=9, loc="left")
        ax.grid(axis="y", visible=False)
    for ax in axes[len(groups):]:
        ax.set_visible(False)
    for ax in axes[-ncols:]:
        ax.set_xlabel("weighted log-odds z")
    fig.suptitle(f"Most distinctive terms of the {len(groups)} provinces with most text, each against all others, "
                 "with pinyin (count in parentheses)" if AT_SCALE else
                 "Most distinctive terms of each jurisdiction, with pinyin (count in parentheses)", fontsize=10)
    fig.tight_layout()
    display(save_and_show(fig, "02_distinctive_terms", FIGURES))

# %%
with enough_data("the reading of the distinctive terms"):
    practice_of = {}  # a term that is a practice's Chinese label or one of its cue phrases -> practice code
    for code, entry in (corpus.lexicon["practices"].get("practices") or {}).items():
        for phrase in [entry.get("label")] + list(entry.get("cues") or []):
            practice_of.setdefault(str(phrase), code)
    named = top[top["term"].isin(practice_of)]
    if named.empty:
        named_text = "No named practice of the codebook ([§5](../docs/codebook.md#5-practices)) is among the terms shown."
    else:
        named_text = "A named practice of the codebook ([§5](../docs/codebook.md#5-practices)) is among the most " \
            "distinctive terms of " + listing((
                f"{group_name(row.group)} ({row.term} *{row.pinyin}*, {labels('practice', corpus.lexicon)[practice_of[row.term]]}, "
                f"rank {row.rank})" for row in named.itertuples()), limit=10) + "."
    shared = frequent[frequent["term"].isin(top["term"])]
    if shared.empty:
        shared_text = f"None of the {len(frequent)} most frequent terms of the corpus is among the terms shown."
    else:
        shared_text = (f"{'Only ' if len(shared) <= len(frequent) / 5 else ''}{len(shared)} of the {len(frequent)} most "
                       f"frequent terms of the corpus {'is' if len(shared) == 1 else 'are'} among the terms shown: "
                       f"{listing(term(w) for w in shared['term'])}.")
    best = top.sort_values(["z", "group", "term"], ascending=[False, True, True]).head(5)
    rare = top[top["n"] <= 3]
    small = sizes.loc[sizes["tokens"] < sizes["tokens"].median(), GROUP]
    group_word = "province" if AT_SCALE else "jurisdiction"
    rare_text = (f"None of the {len(top)} terms shown occurs fewer than four times in its {group_word}."
                 if rare.empty else
                 f"{len(rare)} of the {len(top)} terms shown occur only two or three times in their {group_word}; their "
                 f"*z*-scores reach at most {rare['z'].max():.1f}, against {top['z'].max():.1f} for the most distinctive "
                 f"term, and {rare['group'].isin(small).sum()} of them belong to the {len(small)} {group_word}s with "
                 f"fewer content tokens than the median ({sizes['tokens'].median():,.0f}). Such terms are leads to "
                 "follow in the text, not findings.")
    display(say("The highest *z*-scores of the corpus are those of {best}. {named} {shared}\n\n{rare}",
        best=listing(f"{term(row.term)} in {group_name(row.group)} (*z* = {row.z:.1f})" for row in best.itertuples()),
        named=named_text, shared=shared_text, rare=rare_text))

# %% [markdown]
# ## Concordances
#
# A term's meaning is in its context. `corpus.kwic(term, window)` lists every
# occurrence with the characters around it and the sentence id, so each use can be
# read in place. Three terms matter for the later notebooks:
#
# * 联络站 (*liánluòzhàn*, liaison station): the deputies' contact platforms counted
#   in notebook 3 and connected in notebook 4;
# * 满意 (*mǎnyì*, satisfied): the root of 满意率 (*mǎnyìlǜ*, satisfaction rate) and
#   满意度测评 (*mǎnyìdù cèpíng*, satisfaction evaluation): who is asked, and about what?
# * 督办 (*dūbàn*, to supervise the handling of): the verb of the congress's oversight
#   of how the government handles deputies' suggestions.

# %%
def concordance(word, window=15):
    hits = corpus.kwic(word, window=window)
    return hits.sort_values(["doc_id", "start"])[["doc_id", "sent_id", "left", "keyword", "right"]].reset_index(drop=True)


concordance("联络站")

# %% [markdown]
# Reports name their contact platforms in several ways. How often each report uses
# 联络站 and three other common names (活动站 *huódòngzhàn* activity station, 活动室
# *huódòngshì* activity room, 代表之家 *dàibiǎo zhī jiā* deputies' home); with more
# than `an.MAX_UNITS` units, per year instead of per report (the share of each year's
# reports that use each name), where enough reports are dated:

# %%
platform_names = ["联络站", "活动站", "活动室", "代表之家"]
platforms = (pd.DataFrame({w: corpus.kwic(w, window=0)["doc_id"].value_counts() for w in platform_names})
             .reindex(sorted(corpus.documents["doc_id"])).fillna(0).astype("int64")
             .rename_axis("doc_id").reset_index())
doc_years = places.groupby("doc_id")["year"].first()
platform_years = an.per_year(platforms.set_index("doc_id"), doc_years)
if not AT_SCALE:
    display(platforms)
elif an.enough_years(platform_years):
    fig, ax = plt.subplots(figsize=(8.0, 4.2))
    for w, style in zip(platform_names, ["-o", "-s", "-^", "-D"]):
        ax.plot(platform_years.index, platform_years[w] * 100, style, markersize=4, label=f"{w} {an.pinyin([w])[0]}")
    ax.set_xticks(platform_years.index)
    ax.set_xticklabels([f"{y}\n({n:,})" for y, n in zip(platform_years.index, platform_years["reports"])], fontsize=7.5)
    ax.set_xlabel("year (dated reports)")
    ax.set_ylabel("% of the year's reports")
    ax.set_ylim(0, None)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    ax.set_title("Names of the deputies' contact platforms: % of each year's reports using each")
    display(save_and_show(fig, "02_platforms_by_year", FIGURES))
    display(platform_years)
else:
    display(say("Not enough dated reports for a time series: {n:,} of the {d:,} reports are dated; a series needs {y} "
                "years with at least {m} dated reports each. The totals: {totals}.",
                n=int(doc_years.notna().sum()), d=len(doc_years), y=an.MIN_YEARS, m=an.MIN_REPORTS_PER_YEAR,
                totals=listing(f"{term(w)} in {(platforms[w] > 0).sum():,} reports" for w in platform_names)))

# %%
lead = platforms.loc[platforms["联络站"].idxmax()]
others = platforms[platforms["doc_id"] != lead["doc_id"]][platform_names].sum()
alternative = others.drop("联络站").idxmax()
using = (platforms[platform_names] > 0).sum()
say("{a} of the {n:,} occurrences of {w} stand in `{doc}`. The other reports use it {b:,} time{s} in all, "
    "and {alt} {c:,} times{conclusion}.",
    a=lead["联络站"], n=platforms["联络站"].sum(), w=term("联络站"), doc=lead["doc_id"], b=others["联络站"],
    s="" if others["联络站"] == 1 else "s", alt=term(alternative), c=others[alternative],
    conclusion=(": a count of the word 联络站 alone would measure one report's vocabulary, not institutions"
                if others[alternative] > others["联络站"] else "")) if not AT_SCALE else say(
    "{w} occurs in {k:,} of the {d:,} reports ({share:.0%}); {others}.",
    w=term("联络站"), k=using["联络站"], d=len(platforms), share=using["联络站"] / len(platforms),
    others=listing(f"{term(x)} in {using[x]:,}" for x in platform_names[1:]))

# %% [markdown]
# The station indicators of notebook 3 and the station mentions of notebook 4 use
# the whole family of names (`congress_lib/lexicon/mention_stations.yaml`), not one
# word.

# %%
concordance("满意")

# %%
hits = an.with_sentences(corpus.kwic("满意", window=15), corpus.sentences)
evaluated = an.inside_practices(hits, corpus.practice_evidence()).query("practice == 'satisfaction_evaluation'")
hits["evaluation"] = (hits["doc_id"] + ":" + hits["start"].astype(str)).isin(
    evaluated["doc_id"] + ":" + evaluated["start"].astype(str))
hits["mechanism"] = hits["sentence"].str.contains("专题询问|督办")
hits["suggestions"] = hits["sentence"].str.contains("代表") & hits["sentence"].str.contains("建议")
public = hits["left"].str.contains("(?:群众|人民|百姓|居民|市民)$").sum()
evaluations, rest = hits[hits["evaluation"]], hits[~hits["evaluation"]]
say("Of the {n:,} occurrences of {w}, {e:,} {are} part of the cue phrase of {practice}. {m} in a sentence that "
    "also names a special inquiry (专题询问) or supervision (督办). {s} in a sentence about deputies' "
    "suggestions (代表 … 建议). {public}",
    n=len(hits), w=term("满意"), e=len(evaluations), are="is" if len(evaluations) == 1 else "are",
    practice=an.bilingual(["satisfaction_evaluation"], "practice", corpus.lexicon)[0],
    m=k_of_n(evaluations["mechanism"].sum(), len(evaluations), "of them", "stand"),
    s=k_of_n(rest["suggestions"].sum(), len(rest), "others", "stand"),
    public=(f"{public} of them {'is' if public == 1 else 'are'} preceded by the public (群众, 人民, 百姓, 居民, "
            "市民), as in 群众满意 “the masses are satisfied”." if public else
            "None is preceded by the public (群众, 人民, 百姓, 居民, 市民), as in 群众满意 “the masses are satisfied”"
            + (": a satisfaction rate in these reports is an internal, procedural measure, and notebook 3 treats "
               "it as such." if (hits["evaluation"] | hits["suggestions"]).all() else ".")))

# %%
concordance("督办")

# %%
hits = corpus.kwic("督办", window=0)
inside = an.inside_practices(hits, corpus.practice_evidence())
by_practice = inside["practice"].value_counts().sort_index().sort_values(ascending=False, kind="mergesort")
k = inside[["doc_id", "start"]].drop_duplicates().shape[0]
say("Of the {n:,} occurrences of {w}, {k:,} stand inside the cue phrase of a named practice ({practices}){both}; "
    "the other {m:,} stand outside any cue phrase.",
    n=len(hits), w=term("督办"), k=k, m=len(hits) - k,
    practices=listing(f"{label}: {c}" for label, c in
                      zip(an.bilingual(by_practice.index, "practice", corpus.lexicon), by_practice)),
    both="" if by_practice.sum() == k else f", {by_practice.sum() - k} of them inside the cues of two practices")

# %% [markdown]
# The practice dictionary of notebook 5 ([codebook §5](../docs/codebook.md#5-practices))
# counts only named mechanisms, never the bare verb.
