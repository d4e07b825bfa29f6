"""Analysis: the computations behind the notebooks' tables and figures.

The notebooks in ``notebooks/`` ask a question, call a few functions and show a
table or a figure. Whatever they compute beyond a filter or a sort lives here, so
that it is tested (``tests/test_analysis.py``) and the same in every notebook.

Conventions
-----------
* Every function takes the tidy tables of a :class:`~congress_lib.corpus.Corpus`
  (or the corpus itself) and returns a new :class:`pandas.DataFrame`; inputs are
  never modified.
* Outputs are sorted by stated keys, so that they print the same on every run;
  ratios are rounded (:data:`DIGITS` decimals).
* A row that comes from the text keeps its ``sent_id``; :func:`with_sentences`
  adds the sentence itself, so every plotted number can be read in context.
* Units are listed in corpus order (documents by ``doc_id``, then the sections of
  a round-up in text order) and labelled ``jurisdiction (unit_id)``.

Three groups of functions:

1. corpus description: :func:`unit_labels`, :func:`with_sentences`,
   :func:`document_profile`, :func:`unit_profile`;
2. vocabulary: :func:`load_stopwords`, :func:`place_names`, :func:`vocabulary`,
   :func:`term_counts`, :func:`weighted_log_odds` (Monroe, Colaresi & Quinn
   2008), :func:`top_terms`;
3. tables across units: :func:`unit_matrix`, :func:`largest_figure`,
   :func:`per_capita`, :func:`cooccurrence`, :func:`cooccurrence_pairs`,
   :func:`evaluation_scores`, :func:`out_of_sample_scores`, :func:`top_rows`;
4. maps: :func:`province_tiles`, :func:`draw_tile_map` (a tile grid of provinces);
5. networks: :func:`projection_summary` (one row per bipartite projection of the
   network of :mod:`congress_lib.network`);
6. corpora of any size: :data:`MAX_UNITS` (the one size switch of the notebooks),
   :func:`at_scale`, :func:`unit_places`, :func:`jurisdiction_places`,
   :func:`by_group`, :func:`per_year`, :func:`enough_years`.

Every function returns data (a DataFrame, a list, a matplotlib artist): what a
notebook displays, and how, is :mod:`congress_lib.notebooks`' business. The
drawing helper :func:`draw_heatmap` imports matplotlib when it is called, never at
import time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .errors import InvalidArgumentError, LexiconError
from .resources import Lexicon, load_lexicon
from .text import split_place_suffix

__all__ = [
    "DIGITS",
    "MAX_PANELS",
    "MAX_UNITS",
    "MIN_GROUP_ITEMS",
    "MIN_REPORTS_PER_YEAR",
    "MIN_YEARS",
    "at_scale",
    "by_group",
    "enough_years",
    "jurisdiction_places",
    "per_year",
    "unit_places",
    "Stopwords",
    "cooccurrence",
    "cooccurrence_pairs",
    "document_profile",
    "count_axis",
    "draw_heatmap",
    "evaluation_scores",
    "HONEST_SET",
    "HONEST_BEFORE",
    "AGREEMENT_SET",
    "first_sight",
    "out_of_sample_scores",
    "top_rows",
    "province_labels",
    "province_tiles",
    "draw_tile_map",
    "largest_figure",
    "load_stopwords",
    "per_capita",
    "place_names",
    "projection_summary",
    "term_counts",
    "top_terms",
    "unit_labels",
    "unit_matrix",
    "unit_profile",
    "vocabulary",
    "weighted_log_odds",
    "with_sentences",
]

#: Decimals kept in every ratio, share and score this module returns.
DIGITS = 3


def _require(df: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise InvalidArgumentError(
            f"{what} needs the column(s) {missing}; it has {list(df.columns)}. "
            "Pass the table as the corpus returns it."
        )


# --------------------------------------------------------------------------- 1. corpus description


def unit_labels(units: pd.DataFrame, *, romanise: bool = False, lexicon: Lexicon | None = None) -> pd.Series:
    """Readable, unique labels of units: ``"思明区 (xiamen_2024_roundup#2)"``.

    Parameters
    ----------
    units : pandas.DataFrame
        ``corpus.units`` (columns ``unit_id`` and ``jurisdiction``).
    romanise : bool, default False
        Put the place's romanised name beside it (:func:`romanised`):
        ``"思明区 Siming (xiamen_2024_roundup#2)"``.
    lexicon : Lexicon, optional
        For the level suffixes and readings of :func:`romanised`.

    Returns
    -------
    pandas.Series
        Labels indexed by ``unit_id``, in the order of `units`.

    Examples
    --------
    >>> units = pd.DataFrame({"unit_id": ["a#1"], "jurisdiction": ["同安区"]})
    >>> unit_labels(units).tolist()
    ['同安区 (a#1)']
    >>> unit_labels(units, romanise=True).tolist()
    ["同安区 Tong'an (a#1)"]
    """
    _require(units, ["unit_id", "jurisdiction"], "unit_labels")
    names = units["jurisdiction"].fillna("").astype(str)
    if romanise:
        names = names + " " + pd.Series(romanised(names, lexicon), index=names.index)
    labels = names + " (" + units["unit_id"].astype(str) + ")"
    return pd.Series(labels.to_numpy(), index=units["unit_id"].to_numpy(), name="label")


def romanised(places: Iterable[str] | str, lexicon: Lexicon | None = None) -> list[str] | str:
    """Place names as a reader without Chinese can say them: 湖里区 → ``Huli``, 同安区 → ``Tong'an``.

    ``places`` is a list of names (a list comes back) or one name (a string comes back).

    The level suffix (区, 县, 市 … of ``lexicon/jurisdiction.yaml``) is dropped when
    at least two characters stand before it, the
    rest written in toneless pinyin with a capital and an apostrophe before a
    syllable that starts with a vowel (Xi'an, not Xian); names the lexicon's
    ``readings`` list are taken from there (马尾 → Mawei, which pinyin by character
    reads otherwise). An unnamed district of a city (郑州市某区) is "a district of
    Zhengzhou". Empty names stay empty.
    """
    from pypinyin import lazy_pinyin

    jur = load_lexicon(lexicon)["jurisdiction"]
    suffixes = sorted(jur.get("levels", {}), key=len, reverse=True)
    readings = {str(k): str(v) for k, v in (jur.get("readings") or {}).items()}

    def one(name: str) -> str:
        # a one-character stem keeps its suffix: 贵州 is Guizhou (not 贵 + the level word 州),
        # 杭州 Hangzhou, 沛县 Peixian
        return one_stem(split_place_suffix(name, suffixes, min_stem=2)[0])

    def one_stem(stem: str) -> str:
        if stem in readings:
            return readings[stem]
        syllables = lazy_pinyin(stem)
        return "".join(("'" if i and s[:1] in "aoe" else "") + s for i, s in enumerate(syllables)).capitalize()

    single = isinstance(places, str)
    out = []
    for name in [places] if single else places:
        name = str(name)
        if "某" in name:
            city = name.split("某", 1)[0]
            out.append(f"a district of {one(city)}" if city else "an unnamed district")
        else:
            out.append(one(name) if name else "")
    return out[0] if single else out


def gloss(terms: Iterable[str], lexicon: Lexicon | None = None) -> list[str]:
    """The English gloss of each term from ``lexicon/glossary.yaml`` ("" where there is none)."""
    glosses = load_lexicon(lexicon)["glossary"].get("glosses") or {}
    return [str(glosses.get(str(term), "")) for term in terms]


def inside_practices(hits: pd.DataFrame, practice_evidence: pd.DataFrame) -> pd.DataFrame:
    """The hits (``doc_id``, ``start``, ``end``: e.g. ``corpus.kwic``) that lie inside the cue
    phrase of a named practice (``corpus.practice_evidence()``): one row per (hit, practice),
    columns ``doc_id``, ``start``, ``practice``."""
    _require(hits, ["doc_id", "start", "end"], "inside_practices")
    _require(practice_evidence, ["doc_id", "practice", "start", "end"], "inside_practices")
    pairs = hits[["doc_id", "start", "end"]].merge(practice_evidence[["doc_id", "practice", "start", "end"]],
                                                   on="doc_id", suffixes=("", "_cue"))
    pairs = pairs[(pairs["start_cue"] <= pairs["start"]) & (pairs["end"] <= pairs["end_cue"])]
    return pairs[["doc_id", "start", "practice"]].drop_duplicates().reset_index(drop=True)


def bilingual(codes: Iterable[str], kind: str, lexicon: Lexicon | None = None, *, chinese: bool = True) -> list[str]:
    """Figure labels of codes: the English label of the codebook, with the Chinese beside it.

    ``kind`` is one of ``congress_lib.codebook.KINDS`` (indicator, mention, relation,
    practice, formula). A practice or formula reads "Special inquiry 专题询问"; a
    relation "督办 supervises handling"; an indicator code or mention type its English
    label only (its code is English already). ``chinese=False`` gives the English
    label alone. Unknown codes are left as they are.
    """
    from .codebook import entries

    rows = {row["code"]: row for row in entries(kind, lexicon)}
    out = []
    for code in codes:
        row = rows.get(code)
        if row is None:
            out.append(str(code))
        elif kind == "relation" and chinese and code != "co_mention":
            out.append(f"{code} {row['label']}")
        elif chinese and row["label_zh"] and row["label_zh"] != row["label"]:
            out.append(f"{row['label']} {row['label_zh']}")
        else:
            out.append(row["label"])
    return out


def pinyin(terms: Iterable[str]) -> list[str]:
    """Each Chinese term in Hanyu Pinyin with tone marks (联络站 → liánluòzhàn), by pypinyin:
    a figure label that a reader who does not read characters can still say and look up."""
    from pypinyin import Style, lazy_pinyin

    vowels = "aāáǎàoōóǒòeēéěè"  # a syllable starting with one is set off by an apostrophe: yì'àn
    return ["".join(("'" if i and s[:1] in vowels else "") + s
                    for i, s in enumerate(lazy_pinyin(str(term), style=Style.TONE))) for term in terms]


def with_sentences(table: pd.DataFrame, sentences: pd.DataFrame, column: str = "sentence") -> pd.DataFrame:
    """Add the text of each row's evidence sentence.

    Parameters
    ----------
    table : pandas.DataFrame
        Any extracted table with a ``sent_id`` column (indicators, mentions,
        practice or formula evidence).
    sentences : pandas.DataFrame
        ``corpus.sentences``.
    column : str, default "sentence"
        Name of the new column.

    Returns
    -------
    pandas.DataFrame
        A copy of `table` with `column` appended (``""`` for an unknown id), in
        the same row order.
    """
    _require(table, ["sent_id"], "with_sentences")
    _require(sentences, ["sent_id", "text"], "with_sentences (sentences)")
    text = sentences.set_index("sent_id")["text"]
    out = table.copy()
    out[column] = out["sent_id"].map(text).fillna("").astype(str)
    return out


def _place(row: pd.Series) -> str:
    parts = [str(row.get(c) or "") for c in ("province", "city", "district")]
    return "".join(p for p in parts if p and p != "nan")


def document_profile(corpus) -> pd.DataFrame:
    """One row per document: where, when, what kind, how long.

    Parameters
    ----------
    corpus : Corpus

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, place, date, genre, script, n_units, n_sentences,
        n_chars, n_furniture_lines``, sorted by ``doc_id``. ``place`` joins the
        province, city and district of the metadata (``""`` when unknown);
        ``n_chars`` counts the cleaned text.
    """
    docs = corpus.documents
    sents = corpus.sentences.groupby("doc_id").size()
    units = corpus.units.groupby("doc_id").size()
    out = pd.DataFrame({
        "doc_id": docs["doc_id"],
        "place": docs.apply(_place, axis=1) if len(docs) else pd.Series(dtype="str"),
        "date": docs["date"].fillna("").astype(str),
        "genre": docs["genre"].fillna("").astype(str),
        "script": docs["script"].astype(str),
        "n_units": docs["doc_id"].map(units).fillna(0).astype("int64"),
        "n_sentences": docs["doc_id"].map(sents).fillna(0).astype("int64"),
        "n_chars": docs["n_chars"].astype("int64"),
        "n_furniture_lines": docs["n_furniture_lines"].astype("int64"),
    })
    return out.sort_values("doc_id").reset_index(drop=True)


def _sentence_share(evidence: pd.DataFrame, units: pd.Series, n_sentences: pd.Series) -> tuple[pd.Series, pd.Series]:
    if evidence.empty:
        counts = pd.Series(0, index=units, dtype="int64")
    else:
        counts = evidence.groupby("unit_id")["sent_id"].nunique().reindex(units, fill_value=0).astype("int64")
    share = (counts / n_sentences.where(n_sentences > 0)).fillna(0.0).round(DIGITS)
    return counts, share


def unit_profile(corpus) -> pd.DataFrame:
    """One row per unit: size, and the share of its sentences that carry each kind of content.

    A sentence *carries a formula* when a political formula (docs/codebook.md §6)
    stands in it, *a practice* when a practice cue (§5) does, *a number* when an
    indicator (§2) does. The three shares compare how much of a unit is
    ideological formula and how much is reported, countable practice.

    Parameters
    ----------
    corpus : Corpus

    Returns
    -------
    pandas.DataFrame
        Columns ``unit_id, doc_id, jurisdiction, jurisdiction_source, n_chars,
        n_sentences, n_indicators, n_mentions, n_formula_sentences,
        n_practice_sentences, n_indicator_sentences, formula_share,
        practice_share, indicator_share``, in corpus order.
    """
    units = corpus.units
    ids = units["unit_id"]
    n_sent = corpus.sentences.groupby("unit_id").size().reindex(ids, fill_value=0).astype("int64")
    ind = corpus.indicators()
    men = corpus.mentions()
    n_f, s_f = _sentence_share(corpus.formula_evidence(), ids, n_sent)
    n_p, s_p = _sentence_share(corpus.practice_evidence(), ids, n_sent)
    n_i, s_i = _sentence_share(ind, ids, n_sent)
    out = pd.DataFrame({
        "unit_id": ids.to_numpy(),
        "doc_id": units["doc_id"].to_numpy(),
        "jurisdiction": units["jurisdiction"].to_numpy(),
        "jurisdiction_source": units["jurisdiction_source"].to_numpy(),
        "n_chars": (units["end"] - units["start"]).astype("int64").to_numpy(),
        "n_sentences": n_sent.to_numpy(),
        "n_indicators": ind.groupby("unit_id").size().reindex(ids, fill_value=0).astype("int64").to_numpy(),
        "n_mentions": men.groupby("unit_id").size().reindex(ids, fill_value=0).astype("int64").to_numpy(),
        "n_formula_sentences": n_f.to_numpy(),
        "n_practice_sentences": n_p.to_numpy(),
        "n_indicator_sentences": n_i.to_numpy(),
        "formula_share": s_f.to_numpy(),
        "practice_share": s_p.to_numpy(),
        "indicator_share": s_i.to_numpy(),
    })
    return out


# --------------------------------------------------------------------------- 2. vocabulary


@dataclass(frozen=True)
class Stopwords:
    """The stopword rules of ``lexicon/stopwords.yaml``.

    Attributes
    ----------
    words : frozenset of str
        Tokens dropped exactly.
    patterns : tuple of str
        Regular expressions; a token matching one in full is dropped.
    min_chars : int
        Tokens shorter than this are dropped.
    """

    words: frozenset
    patterns: tuple
    min_chars: int = 2

    def drop_mask(self, tokens: pd.Series) -> pd.Series:
        """Boolean mask, True for the tokens to drop (vectorised)."""
        tokens = tokens.astype(str)
        mask = tokens.isin(self.words) | (tokens.str.len() < self.min_chars)
        if self.patterns:
            joined = "|".join(f"(?:{p})" for p in self.patterns)
            mask = mask | tokens.str.fullmatch(joined).fillna(False).astype(bool)
        return mask.astype(bool)


def load_stopwords(lexicon: Lexicon | None = None) -> Stopwords:
    """Read the stopword rules from the ``stopwords`` lexicon.

    Parameters
    ----------
    lexicon : Lexicon, optional
        Default: the shipped lexicons (``load_lexicon()``).

    Returns
    -------
    Stopwords

    Raises
    ------
    LexiconError
        If a pattern is not a valid regular expression or ``min_chars`` is not a
        non-negative integer.
    """
    lexicon = lexicon or load_lexicon()
    data = lexicon["stopwords"] or {}
    words = frozenset(str(w) for w in data.get("words", []) or [])
    patterns = tuple(str(p) for p in data.get("drop_patterns", []) or [])
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise LexiconError(f"stopwords.yaml: drop pattern {p!r} is not a valid regular expression ({exc}).") from exc
    min_chars = data.get("min_chars", 2)
    if isinstance(min_chars, bool) or not isinstance(min_chars, int) or min_chars < 0:
        raise LexiconError(f"stopwords.yaml: min_chars must be a non-negative integer, not {min_chars!r}.")
    return Stopwords(words, patterns, min_chars)


def place_names(units: pd.DataFrame, lexicon: Lexicon | None = None) -> list[str]:
    """The place names of a corpus's units, with and without their level suffix.

    Names of places are trivially distinctive of the report about that place
    (同安区 is the most distinctive word of a report on 同安区), so vocabulary
    comparisons usually leave them out. The names come from the units table
    (jurisdiction, province, city, district); the short forms drop the longest
    level suffix listed in ``mention_places.yaml`` (同安区 → 同安) when at least
    two characters remain.

    Parameters
    ----------
    units : pandas.DataFrame
        ``corpus.units``.
    lexicon : Lexicon, optional

    Returns
    -------
    list of str
        Sorted, unique.
    """
    lexicon = lexicon or load_lexicon()
    suffixes = sorted((str(s) for s in (lexicon["mention_places"].get("suffixes") or {})), key=lambda s: (-len(s), s))
    names: set[str] = set()
    for col in ("jurisdiction", "province", "city", "district"):
        if col in units.columns:
            names.update(str(v) for v in units[col].dropna() if str(v).strip())
    short = set()
    for name in names:
        stem, suffix = split_place_suffix(name, suffixes, min_stem=2)
        if suffix:
            short.add(stem)
    return sorted(names | short)


def vocabulary(tokens: pd.DataFrame, units: pd.DataFrame, stopwords: Stopwords | None = None,
               exclude: Iterable[str] = ()) -> pd.DataFrame:
    """Content tokens with their unit's jurisdiction.

    Parameters
    ----------
    tokens : pandas.DataFrame
        ``corpus.tokens()`` (doc_id, unit_id, sent_id, position, token).
    units : pandas.DataFrame
        ``corpus.units``.
    stopwords : Stopwords, optional
        Default: :func:`load_stopwords`.
    exclude : iterable of str
        Further tokens to drop, e.g. :func:`place_names`.

    Returns
    -------
    pandas.DataFrame
        The kept rows of `tokens` with a ``jurisdiction`` column, in the input order.
    """
    _require(tokens, ["unit_id", "token"], "vocabulary")
    stopwords = stopwords or load_stopwords()
    drop = stopwords.drop_mask(tokens["token"]) | tokens["token"].isin(set(exclude))
    out = tokens.loc[~drop].copy()
    out["jurisdiction"] = out["unit_id"].map(units.set_index("unit_id")["jurisdiction"])
    return out.reset_index(drop=True)


def term_counts(vocab: pd.DataFrame, group: str = "jurisdiction") -> pd.DataFrame:
    """Counts of each term in each group.

    Returns
    -------
    pandas.DataFrame
        Columns ``group, term, n``, sorted by group then term.
    """
    _require(vocab, [group, "token"], "term_counts")
    counts = (vocab.groupby([group, "token"], sort=True).size().rename("n").reset_index()
                   .rename(columns={group: "group", "token": "term"}))
    return counts.astype({"n": "int64"})


def weighted_log_odds(counts: pd.DataFrame, *, group: str = "group", term: str = "term", n: str = "n",
                      alpha0: float | None = None) -> pd.DataFrame:
    """Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).

    Each group is compared with the rest of the corpus (all other groups
    together). With :math:`y_{wi}` the count of term :math:`w` in group
    :math:`i`, :math:`n_i` the group's total, :math:`y_{wj}, n_j` the same for the
    rest, and a Dirichlet prior :math:`\\alpha_w = \\alpha_0 \\pi_w` centred on the
    corpus-wide term shares :math:`\\pi_w`:

    .. math::

        \\delta_w = \\log\\frac{y_{wi} + \\alpha_w}{n_i + \\alpha_0 - y_{wi} - \\alpha_w}
                  - \\log\\frac{y_{wj} + \\alpha_w}{n_j + \\alpha_0 - y_{wj} - \\alpha_w},
        \\qquad
        \\sigma^2_w \\approx \\frac{1}{y_{wi} + \\alpha_w} + \\frac{1}{y_{wj} + \\alpha_w},
        \\qquad z_w = \\delta_w / \\sigma_w .

    The prior shrinks the log-odds of rare terms towards zero, and dividing by
    the standard error makes frequent and rare terms comparable: a large
    positive :math:`z` marks a term distinctive of the group, a large negative one a
    term the group avoids (eq. 16–22 of the paper).

    Parameters
    ----------
    counts : pandas.DataFrame
        Tidy counts, one row per (group, term) with a positive count
        (:func:`term_counts`). Rows of one (group, term) are summed.
    group, term, n : str
        Column names in `counts`.
    alpha0 : float, optional
        Total weight of the prior, in pseudo-tokens. Default: the number of
        tokens in the corpus, so that :math:`\\alpha_w` equals the corpus-wide
        count of :math:`w` (the empirical-Bayes default of the ``tidylo``
        package). Smaller values shrink less.

    Returns
    -------
    pandas.DataFrame
        Columns ``group, term, n, n_rest, delta, se, z`` for every group and
        every term of the corpus (``n = 0`` where the group never uses it),
        sorted by group, descending ``z``, then term. ``delta``, ``se`` and ``z``
        are rounded to 4 decimals.

    Raises
    ------
    InvalidArgumentError
        For missing columns, negative counts, fewer than two groups or a
        non-positive `alpha0`.

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words:
    Lexical feature selection and evaluation for identifying the content of
    political conflict. *Political Analysis*, 16(4), 372–403.

    Examples
    --------
    >>> counts = pd.DataFrame({"group": ["A", "A", "B", "B"], "term": ["x", "y", "x", "y"],
    ...                        "n": [3, 1, 1, 3]})
    >>> out = weighted_log_odds(counts, alpha0=8)
    >>> out.loc[(out.group == "A") & (out.term == "x"), "z"].item()
    1.1493
    """
    _require(counts, [group, term, n], "weighted_log_odds")
    if (counts[n] < 0).any():
        raise InvalidArgumentError("weighted_log_odds: counts must be non-negative.")
    matrix = counts.pivot_table(index=term, columns=group, values=n, aggfunc="sum", fill_value=0, sort=True)
    matrix = matrix.loc[matrix.sum(axis=1) > 0]
    if matrix.shape[1] < 2:
        raise InvalidArgumentError(
            f"weighted_log_odds compares groups with the rest of the corpus; it needs at least two groups, "
            f"got {matrix.shape[1]}.")
    y = matrix.to_numpy(dtype=float)                     # terms x groups
    y_w = y.sum(axis=1, keepdims=True)                   # corpus count of each term
    total = float(y_w.sum())
    a0 = total if alpha0 is None else float(alpha0)
    if not a0 > 0:
        raise InvalidArgumentError(f"alpha0 must be positive, not {alpha0!r}.")
    alpha = a0 * y_w / total                             # informative prior, terms x 1
    n_i = y.sum(axis=0, keepdims=True)                   # 1 x groups
    y_j = y_w - y
    n_j = total - n_i
    delta = (np.log((y + alpha) / (n_i + a0 - y - alpha))
             - np.log((y_j + alpha) / (n_j + a0 - y_j - alpha)))
    se = np.sqrt(1.0 / (y + alpha) + 1.0 / (y_j + alpha))
    terms = matrix.index.to_numpy()
    groups = matrix.columns.to_numpy()
    out = pd.DataFrame({
        "group": np.repeat(groups, len(terms)),
        "term": np.tile(terms, len(groups)),
        "n": y.T.ravel().astype("int64"),
        "n_rest": y_j.T.ravel().astype("int64"),
        "delta": np.round(delta.T.ravel(), 4),
        "se": np.round(se.T.ravel(), 4),
        "z": np.round((delta / se).T.ravel(), 4),
    })
    out = out.sort_values(["group", "z", "term"], ascending=[True, False, True], kind="mergesort")
    return out.reset_index(drop=True)


def top_terms(scores: pd.DataFrame, k: int = 8, *, min_count: int = 2) -> pd.DataFrame:
    """The `k` most distinctive terms of each group.

    Parameters
    ----------
    scores : pandas.DataFrame
        Output of :func:`weighted_log_odds`.
    k : int, default 8
    min_count : int, default 2
        Only terms the group uses at least this often (a term used once cannot
        tell a habit from an accident).

    Returns
    -------
    pandas.DataFrame
        Rows of `scores` with ``z > 0``, at most `k` per group, sorted by group,
        descending ``z``, then term, with a ``rank`` column (1 = most distinctive).
    """
    _require(scores, ["group", "term", "n", "z"], "top_terms")
    kept = scores[(scores["z"] > 0) & (scores["n"] >= min_count)]
    kept = kept.sort_values(["group", "z", "term"], ascending=[True, False, True], kind="mergesort")
    kept = kept.groupby("group", sort=True).head(k).copy()
    kept["rank"] = kept.groupby("group").cumcount() + 1
    return kept.reset_index(drop=True)


# --------------------------------------------------------------------------- 3. tables across units


def unit_matrix(table: pd.DataFrame, column: str, units: pd.DataFrame, *, values: str | None = None,
                categories: Iterable[str] | None = None) -> pd.DataFrame:
    """Unit × category counts, with every unit of the corpus as a row.

    Parameters
    ----------
    table : pandas.DataFrame
        A table with ``unit_id`` and `column` (indicators, practices …).
    column : str
        The category column (``indicator``, ``practice`` …).
    units : pandas.DataFrame
        ``corpus.units``: gives the rows and their order (units without any row
        in `table` get zeros).
    values : str, optional
        Sum this column instead of counting rows (``count`` of the practices table).
    categories : iterable of str, optional
        The columns, in this order (categories absent from `table` get zeros).
        Default: the sorted categories of `table`.

    Returns
    -------
    pandas.DataFrame
        Integer counts indexed by ``unit_id``.
    """
    _require(table, ["unit_id", column] + ([values] if values else []), "unit_matrix")
    cats = sorted(table[column].dropna().astype(str).unique()) if categories is None else list(categories)
    if table.empty:
        counts = pd.DataFrame(0, index=units["unit_id"], columns=cats)
    elif values:
        counts = table.pivot_table(index="unit_id", columns=column, values=values, aggfunc="sum", fill_value=0)
    else:
        counts = pd.crosstab(table["unit_id"], table[column])
    counts = counts.reindex(index=units["unit_id"], columns=cats, fill_value=0).fillna(0).astype("int64")
    counts.index.name = "unit_id"
    counts.columns.name = column
    return counts


def largest_figure(indicators: pd.DataFrame, code: str) -> pd.DataFrame:
    """Per unit, the largest number a report gives for one indicator code.

    Reports often give several figures of one kind in a unit (all stations and,
    within them, the sectoral ones; new and upgraded ones), so summing them double
    counts. The largest is a defensible lower bound of what the unit reports.

    Parameters
    ----------
    indicators : pandas.DataFrame
        ``corpus.indicators()``.
    code : str
        An indicator code (docs/codebook.md §2), e.g. ``"stations"``.

    Returns
    -------
    pandas.DataFrame
        Columns ``unit_id, jurisdiction, value, surface, sent_id, n_figures``: one
        row per unit that reports the code, sorted by unit_id. Ties keep the
        earliest figure in the text.
    """
    _require(indicators, ["unit_id", "jurisdiction", "indicator", "value", "surface", "sent_id", "start"],
             "largest_figure")
    rows = indicators[indicators["indicator"] == code]
    cols = ["unit_id", "jurisdiction", "value", "surface", "sent_id", "n_figures"]
    if rows.empty:
        return pd.DataFrame({c: [] for c in cols})
    n = rows.groupby("unit_id").size()
    best = (rows.sort_values(["unit_id", "value", "start"], ascending=[True, False, True], kind="mergesort")
                .drop_duplicates("unit_id"))
    best = best.assign(n_figures=best["unit_id"].map(n).astype("int64"))
    return best[cols].sort_values("unit_id").reset_index(drop=True)


def per_capita(indicators: pd.DataFrame, code: str = "stations", *, per: int = 10_000,
               population_unit: str = "人") -> pd.DataFrame:
    """An indicator per `per` residents, where the report gives its population.

    The count is :func:`largest_figure` of `code`; the population is the largest
    ``admin_context`` figure whose unit is `population_unit` (常住人口56.1万 →
    561000 人) in the same unit.

    Parameters
    ----------
    indicators : pandas.DataFrame
        ``corpus.indicators()``.
    code : str, default "stations"
    per : int, default 10000
    population_unit : str, default "人"

    Returns
    -------
    pandas.DataFrame
        Columns ``unit_id, jurisdiction, count, count_sent_id, population,
        population_sent_id, per_capita`` for every unit that reports `code`;
        ``population`` and ``per_capita`` are NaN where no population is
        reported. Sorted by unit_id.
    """
    if isinstance(per, bool) or not isinstance(per, int) or per <= 0:
        raise InvalidArgumentError(f"per must be a positive int (e.g. 10000), not {per!r}.")
    counts = largest_figure(indicators, code)
    pop_rows = indicators[(indicators["indicator"] == "admin_context") & (indicators["unit"] == population_unit)]
    pop = largest_figure(pop_rows, "admin_context")
    out = pd.DataFrame({
        "unit_id": counts["unit_id"],
        "jurisdiction": counts["jurisdiction"],
        "count": counts["value"].astype(float),
        "count_sent_id": counts["sent_id"],
    })
    pop_value = pop.set_index("unit_id")["value"] if not pop.empty else pd.Series(dtype=float)
    pop_sent = pop.set_index("unit_id")["sent_id"] if not pop.empty else pd.Series(dtype=object)
    out["population"] = out["unit_id"].map(pop_value).astype(float)
    out["population_sent_id"] = out["unit_id"].map(pop_sent).fillna("").astype(str)
    out["per_capita"] = (out["count"] / out["population"] * per).round(DIGITS)
    return out.sort_values("unit_id").reset_index(drop=True)


def _presence(table: pd.DataFrame, unit: str, item: str) -> pd.DataFrame:
    _require(table, [unit, item], "cooccurrence")
    if table.empty:
        return pd.DataFrame(dtype="int64")
    present = pd.crosstab(table[unit], table[item]).gt(0).astype("int64")
    return present.reindex(index=sorted(present.index), columns=sorted(present.columns))


def cooccurrence(table: pd.DataFrame, *, unit: str = "unit_id", item: str = "practice",
                 measure: str = "count") -> pd.DataFrame:
    """Item × item co-occurrence across units.

    Two items co-occur in a unit when both appear in it at least once (how often
    does not matter). ``count`` gives the number of units where both appear (the
    diagonal: units where the item appears); ``jaccard`` divides it by the number
    of units where either appears (:math:`|A \\cap B| / |A \\cup B|`; diagonal 1).

    Parameters
    ----------
    table : pandas.DataFrame
        Tidy rows with a unit and an item column (``corpus.practices()``).
    unit, item : str
        Column names.
    measure : {"count", "jaccard"}

    Returns
    -------
    pandas.DataFrame
        Square, symmetric, indexed and columned by the sorted items.

    Examples
    --------
    >>> t = pd.DataFrame({"unit_id": ["u1", "u1", "u2"], "practice": ["a", "b", "a"]})
    >>> cooccurrence(t).to_dict()
    {'a': {'a': 2, 'b': 1}, 'b': {'a': 1, 'b': 1}}
    """
    if measure not in ("count", "jaccard"):
        raise InvalidArgumentError(f"measure must be 'count' or 'jaccard', not {measure!r}.")
    x = _presence(table, unit, item)
    if x.empty:
        return pd.DataFrame(dtype="int64" if measure == "count" else float)
    arr = x.to_numpy()
    both = arr.T @ arr
    if measure == "count":
        data = both.astype("int64")
    else:
        n = np.diag(both)
        union = n[:, None] + n[None, :] - both
        data = np.round(np.divide(both, union, out=np.zeros(both.shape), where=union > 0), DIGITS)
    out = pd.DataFrame(data, index=x.columns.copy(), columns=x.columns.copy())
    out.index.name = item
    out.columns.name = item
    return out


def cooccurrence_pairs(table: pd.DataFrame, *, unit: str = "unit_id", item: str = "practice") -> pd.DataFrame:
    """Every pair of items that co-occurs in at least one unit, as a tidy table.

    Returns
    -------
    pandas.DataFrame
        Columns ``item_a, item_b, n_a, n_b, n_both, jaccard`` (``item_a < item_b``),
        sorted by descending ``n_both``, descending ``jaccard``, then the names.
    """
    counts = cooccurrence(table, unit=unit, item=item, measure="count")
    cols = ["item_a", "item_b", "n_a", "n_b", "n_both", "jaccard"]
    if counts.empty:
        return pd.DataFrame({c: [] for c in cols})
    jac = cooccurrence(table, unit=unit, item=item, measure="jaccard")
    items = list(counts.index)
    n = np.diag(counts.to_numpy())
    ia, ib = np.triu_indices(len(items), k=1)
    both = counts.to_numpy()[ia, ib]
    out = pd.DataFrame({
        "item_a": [items[i] for i in ia], "item_b": [items[j] for j in ib],
        "n_a": n[ia].astype("int64"), "n_b": n[ib].astype("int64"), "n_both": both.astype("int64"),
        "jaccard": jac.to_numpy()[ia, ib],
    })
    out = out[out["n_both"] > 0]
    out = out.sort_values(["n_both", "jaccard", "item_a", "item_b"], ascending=[False, False, True, True],
                          kind="mergesort")
    return out.reset_index(drop=True)


def evaluation_scores(evaluation, tables: Iterable[str] = ("indicators", "mentions")) -> pd.DataFrame:
    """Per-category scores of an :class:`~congress_lib.evaluate.Evaluation`, tidy for plotting.

    Parameters
    ----------
    evaluation : Evaluation
        The result of :func:`congress_lib.evaluate`.
    tables : iterable of str
        Which tables to keep.

    Returns
    -------
    pandas.DataFrame
        Columns ``table, category, metric, value, gold, extracted`` with one row
        per (table, category, metric) for metric in precision, recall, f1; the
        micro-average ``all`` excluded. Sorted by table (in the given order),
        category, metric order.
    """
    summary = evaluation.summary
    _require(summary, ["table", "category", "precision", "recall", "f1", "gold", "extracted"], "evaluation_scores")
    tables = list(tables)
    rows = summary[summary["table"].isin(tables) & (summary["category"] != "all")]
    long = rows.melt(id_vars=["table", "category", "gold", "extracted"], value_vars=["precision", "recall", "f1"],
                     var_name="metric", value_name="value")
    long["_t"] = long["table"].map({t: i for i, t in enumerate(tables)})
    long["_m"] = long["metric"].map({"precision": 0, "recall": 1, "f1": 2})
    long = long.sort_values(["_t", "category", "_m"], kind="mergesort").drop(columns=["_t", "_m"])
    return long[["table", "category", "metric", "value", "gold", "extracted"]].reset_index(drop=True)


def top_rows(matrix: pd.DataFrame, n: int = 30, rest_label: str = "all other units") -> pd.DataFrame:
    """``matrix`` cut to its ``n`` rows with the largest totals, the others summed into one row.

    For tables and heatmaps of one row per unit, which a corpus of thousands of units
    would make unreadable: the rows kept are those of the ``n`` largest row sums (ties in
    the matrix's order), in the matrix's order; the last row, labelled
    ``f"{rest_label} ({k})"``, sums the ``k`` others. A matrix of at most ``n`` rows
    comes back unchanged (a copy).
    """
    if not isinstance(n, int) or n < 1:
        raise InvalidArgumentError(f"n must be a positive number of rows, not {n!r}.")
    if len(matrix) <= n:
        return matrix.copy()
    totals = matrix.sum(axis=1, numeric_only=True).to_numpy()
    order = np.argsort(-totals, kind="stable")[:n]
    keep = np.zeros(len(matrix), dtype=bool)
    keep[order] = True
    kept = matrix[keep]
    rest = matrix[~keep].sum(numeric_only=True).to_frame().T
    rest.index = [f"{rest_label} ({int((~keep).sum())})"]
    return pd.concat([kept, rest.astype(kept.dtypes.to_dict())])


#: The held-out set whose score is the honest estimate of accuracy on a new corpus: pages
#: coded blind, never used for development, scored at the end of the last round with the
#: library as shipped (its rules and the learned coder), their errors read only afterwards
#: (``corpus/annotations/out_of_sample.csv``).
HONEST_SET = "fresh set 34 (final)"
#: The same pages scored with the rules alone (the plain mode) before the round: the set's
#: first score in :func:`first_sight`.
HONEST_BEFORE = "fresh set 34 (before)"
#: Pages of a blind set coded again by a second blind coder, scored against the first (the latest such study).
AGREEMENT_SET = "inter-coder agreement (fresh set 34)"


def out_of_sample_scores(scores: pd.DataFrame, set_name: str = HONEST_SET, table: str = "indicators") -> pd.DataFrame:
    """One held-out set's scores per category, to show beside the estimates that rest on them.

    Parameters
    ----------
    scores : pandas.DataFrame
        The recorded out-of-sample scores (``corpus/annotations/out_of_sample.csv``):
        columns ``set, table, category, f1`` and, for sets scored with counts,
        ``tp, fn, f1_low, f1_high``.
    set_name : str
        The set; by default :data:`HONEST_SET`.
    table : str
        ``"indicators"`` (categories are codes) or ``"mentions"`` (mention types).

    Returns
    -------
    pandas.DataFrame
        Indexed by category (``all`` included): ``gold`` (items in the set's gold, or
        missing), ``f1``, ``f1_low``, ``f1_high`` (missing when not recorded).
        Empty when the set or table is not in ``scores``.
    """
    _require(scores, ["set", "table", "category", "f1"], "out_of_sample_scores")
    part = scores[(scores["set"] == set_name) & (scores["table"] == table)].set_index("category")
    out = pd.DataFrame(index=part.index.rename("category"))
    has_counts = {"tp", "fn"} <= set(part.columns)
    out["gold"] = (part["tp"] + part["fn"]).astype("Int64") if has_counts else pd.array([pd.NA] * len(part), "Int64")
    out["f1"] = part["f1_exact"] if "f1_exact" in part.columns and part["f1_exact"].notna().all() else part["f1"]
    for col in ("f1_low", "f1_high"):
        out[col] = part[col] if col in part.columns else np.nan
    return out


def first_sight(scores: pd.DataFrame, table: str = "indicators") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every blind set at first sight: its score with the rules of its day, before any rule
    was changed for it, and those first scores pooled.

    A set's first score (``(before)`` in its name, scored with counts) is the one estimate of
    accuracy on new pages that no development touched; later scores of the same pages are
    not, once their errors have been read. Pooling the first scores of every set (adding
    their true positives, false hits and misses) gives the steadiest estimate of what a new
    corpus will see, and the sets in the order they were scored show whether the rules
    improved on new pages over time.

    Parameters
    ----------
    scores : pandas.DataFrame
        The recorded out-of-sample scores (``corpus/annotations/out_of_sample.csv``):
        columns ``set, pages, table, category, tp, fp, fn, f1`` (and ``f1_exact``,
        ``f1_low``, ``f1_high`` where recorded), one set after another in the order scored.
    table : str
        ``"indicators"`` (categories are codes), ``"quantities"`` or ``"mentions"`` (types).

    Returns
    -------
    (per_set, pooled) : tuple of pandas.DataFrame
        ``per_set``: one row per set scored with counts, in the order recorded: ``set,
        pages, gold, f1, f1_low, f1_high`` (category ``all``). ``pooled``: one row per
        category (``all`` first, then the others by gold size): ``sets`` (in which it
        occurs), ``gold``, ``tp, fp, fn, precision, recall, f1`` of the summed counts.
    """
    _require(scores, ["set", "pages", "table", "category", "tp", "fp", "fn", "f1"], "first_sight")
    first = scores[scores["set"].str.endswith("(before)") & (scores["table"] == table) & scores["tp"].notna()]
    order = list(dict.fromkeys(first["set"]))
    overall = first[first["category"] == "all"].set_index("set").loc[order]
    exact = overall["f1_exact"] if "f1_exact" in overall.columns else overall["f1"]
    per_set = pd.DataFrame({
        "set": order, "pages": overall["pages"].astype(int).to_numpy(),
        "gold": (overall["tp"] + overall["fn"]).astype(int).to_numpy(),
        "f1": exact.fillna(overall["f1"]).astype(float).to_numpy(),
        "f1_low": (overall["f1_low"] if "f1_low" in overall.columns else np.nan),
        "f1_high": (overall["f1_high"] if "f1_high" in overall.columns else np.nan),
    }).reset_index(drop=True)
    sums = first.groupby("category")[["tp", "fp", "fn"]].sum().astype(int)
    sums["sets"] = first.groupby("category")["set"].nunique()
    tp, fp, fn = sums["tp"], sums["fp"], sums["fn"]
    sums["gold"] = tp + fn
    sums["precision"] = (tp / (tp + fp)).where(tp + fp > 0, 0.0).round(4)
    sums["recall"] = (tp / (tp + fn)).where(tp + fn > 0, 0.0).round(4)
    sums["f1"] = (2 * tp / (2 * tp + fp + fn)).where(2 * tp + fp + fn > 0, 0.0).round(4)
    rest = sums.drop(index="all", errors="ignore").sort_values(["gold", "tp"], ascending=False, kind="mergesort")
    pooled = pd.concat([sums.loc[["all"]] if "all" in sums.index else sums.iloc[:0], rest])
    return per_set, pooled[["sets", "gold", "tp", "fp", "fn", "precision", "recall", "f1"]]


# --------------------------------------------------------------------------- 4. networks


def projection_summary(G, pairs: Iterable[tuple[str, str]] | None = None) -> pd.DataFrame:
    """Size of each bipartite projection of the congress network.

    For a pair (``node_type``, ``via_type``), :func:`congress_lib.network.project`
    links two ``node_type`` nodes when some ``via_type`` node is tied to both.

    Parameters
    ----------
    G : networkx.Graph
        From :func:`congress_lib.build_network` (node attribute ``type``).
    pairs : iterable of (str, str), optional
        Default: every ordered pair of distinct types among deputy, station,
        agency, congress.

    Returns
    -------
    pandas.DataFrame
        Columns ``node_type, via_type, nodes, linked_nodes, edges, max_shared,
        density``: ``nodes`` counts the node_type nodes of `G`, ``linked_nodes``
        those with at least one projected tie, ``max_shared`` the largest number
        of shared via_type neighbours of a pair. In the order of `pairs`.
    """
    import networkx as nx

    from .network import TYPE_ORDER, project

    if pairs is None:
        pairs = [(a, b) for a in TYPE_ORDER for b in TYPE_ORDER if a != b]
    rows = []
    for node_type, via_type in pairs:
        P = project(G, node_type, via_type)
        weights = [int(d.get("weight", 1)) for _, _, d in P.edges(data=True)]
        rows.append({
            "node_type": node_type, "via_type": via_type, "nodes": P.number_of_nodes(),
            "linked_nodes": sum(1 for n in P.nodes if P.degree(n) > 0), "edges": P.number_of_edges(),
            "max_shared": max(weights, default=0),
            "density": round(nx.density(P), DIGITS) if P.number_of_nodes() > 1 else 0.0,
        })
    return pd.DataFrame(rows, columns=["node_type", "via_type", "nodes", "linked_nodes", "edges", "max_shared",
                                       "density"])


# --------------------------------------------------------------------------- 6. corpora of any size

#: The one size switch of the notebooks. A corpus of at most this many units (jurisdiction
#: sections, ``corpus.units``) is shown unit by unit: one row, bar or panel per unit or
#: jurisdiction. A larger one, up to tens of thousands of reports, is shown aggregated: by
#: province, year and level (:func:`by_group`, :func:`per_year`), the largest ones with the
#: rest summed (:func:`top_rows`), and as distributions (histograms) rather than one row each.
#: It is also the number of rows such a figure keeps (the top provinces, actors per kind ...).
MAX_UNITS = 30

#: Panels of small multiples (one per province, the provinces with most units first) at scale.
MAX_PANELS = 8

#: A time series by year needs at least :data:`MIN_YEARS` years that each have at least
#: :data:`MIN_REPORTS_PER_YEAR` dated reports (:func:`enough_years`); otherwise the notebooks
#: say in a sentence that there are not enough dated reports.
MIN_YEARS = 4
MIN_REPORTS_PER_YEAR = 3

#: Groups (provinces) with fewer items than this are pooled with the rest in
#: :func:`by_group` at scale: a share over one or two units reads as 0 % or 100 %, noise.
MIN_GROUP_ITEMS = 5

#: The group of units whose province (or level) is not known.
UNKNOWN = "(unknown)"


def at_scale(units: pd.DataFrame | int, limit: int = MAX_UNITS) -> bool:
    """True when a corpus has more units than :data:`MAX_UNITS`: the notebooks then aggregate.

    ``units`` is ``corpus.units`` or a number of units.

    >>> at_scale(11), at_scale(31)
    (False, True)
    """
    n = units if isinstance(units, (int, np.integer)) else len(units)
    return int(n) > limit


def _text(values: pd.Series) -> pd.Series:
    return values.astype("object").where(values.notna(), "").astype(str).str.strip()


def unit_places(units: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Where and when each unit is: the keys by which the notebooks aggregate many units.

    Parameters
    ----------
    units : pandas.DataFrame
        ``corpus.units`` (``unit_id``, ``doc_id``, ``jurisdiction``; ``jurisdiction_level``,
        ``place_province`` and ``province`` when present).
    documents : pandas.DataFrame
        ``corpus.documents`` (``doc_id``, ``date``).

    Returns
    -------
    pandas.DataFrame
        One row per unit, in the order of `units`: ``unit_id, doc_id, jurisdiction, level,
        province, year``. ``province`` is the resolved ``place_province``, else the
        metadata's ``province``, else :data:`UNKNOWN`; ``level`` the ``jurisdiction_level``
        (:data:`UNKNOWN` when empty); ``year`` (nullable integer) the first four digits of
        the document's date, missing for an undated report.
    """
    _require(units, ["unit_id", "doc_id", "jurisdiction"], "unit_places")
    _require(documents, ["doc_id"], "unit_places (documents)")
    empty = pd.Series("", index=units.index)
    province = _text(units["place_province"]) if "place_province" in units else empty
    if "province" in units:
        province = province.where(province != "", _text(units["province"]))
    level = _text(units["jurisdiction_level"]) if "jurisdiction_level" in units else empty
    dates = documents.set_index("doc_id")["date"] if "date" in documents else pd.Series(dtype="object")
    year = pd.to_numeric(_text(units["doc_id"].map(dates)).str.extract(r"^(\d{4})", expand=False),
                         errors="coerce").astype("Int64")
    return pd.DataFrame({
        "unit_id": units["unit_id"].astype(str).to_numpy(),
        "doc_id": units["doc_id"].astype(str).to_numpy(),
        "jurisdiction": _text(units["jurisdiction"]).to_numpy(),
        "level": level.replace("", UNKNOWN).to_numpy(),
        "province": province.replace("", UNKNOWN).to_numpy(),
        "year": year.to_numpy(),
    })


def jurisdiction_places(places: pd.DataFrame) -> pd.DataFrame:
    """One row per jurisdiction: its commonest province and level, its units and reports.

    ``places`` is :func:`unit_places`. A name that stands for places in several provinces
    (鼓楼区, or a section heading of a round-up) takes the province of most of its units
    (ties: the first in name order). Columns ``jurisdiction, province, level, units, docs``,
    sorted by jurisdiction.
    """
    _require(places, ["jurisdiction", "province", "level", "unit_id", "doc_id"], "jurisdiction_places")

    def mode(values: pd.Series) -> str:
        counts = values.value_counts()
        return str(min(counts.index[counts == counts.max()]))

    grouped = places.groupby("jurisdiction", sort=True)
    out = pd.DataFrame({
        "province": grouped["province"].agg(mode),
        "level": grouped["level"].agg(mode),
        "units": grouped["unit_id"].nunique().astype("int64"),
        "docs": grouped["doc_id"].nunique().astype("int64"),
    })
    return out.rename_axis("jurisdiction").reset_index()


def by_group(matrix: pd.DataFrame, groups: pd.Series, *, how: str = "share", top: int | None = None,
             min_items: int = 1, rest_label: str = "other") -> pd.DataFrame:
    """Rows of ``matrix`` (one per unit, report or jurisdiction) aggregated by a group of each row.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Numeric, one row per item (e.g. :func:`unit_matrix`, indexed by ``unit_id``).
    groups : pandas.Series
        The group of each item (province, year, level), indexed like `matrix`; an item
        without a group (missing) goes to :data:`UNKNOWN`.
    how : {"share", "sum", "mean", "median"}
        ``share``: the share of the group's items with a value above zero (the share of
        units that report a practice); the others aggregate the values.
    top : int, optional
        Keep the `top` groups with the most items; the others are pooled into one last row
        labelled ``f"{rest_label} ({k})"`` (``k`` groups), aggregated over all their items.
    min_items : int
        Groups with fewer items are pooled into that row too (e.g. :data:`MIN_GROUP_ITEMS`:
        a share over two units is noise). :data:`UNKNOWN` is never pooled.

    Returns
    -------
    pandas.DataFrame
        Indexed by group (sorted by descending number of items, then name; :data:`UNKNOWN`
        after the known groups, the pooled row last), column ``items`` (the group's number of rows of `matrix`) and then the
        columns of `matrix`. Shares and means are rounded to :data:`DIGITS` decimals.
    """
    if how not in ("share", "sum", "mean", "median"):
        raise InvalidArgumentError(f"how must be 'share', 'sum', 'mean' or 'median', not {how!r}.")
    if top is not None and (not isinstance(top, int) or top < 1):
        raise InvalidArgumentError(f"top must be a positive number of groups, not {top!r}.")
    if not isinstance(min_items, int) or min_items < 1:
        raise InvalidArgumentError(f"min_items must be a positive number of items, not {min_items!r}.")
    keys = groups.reindex(matrix.index)
    keys = keys.astype("object").where(keys.notna(), UNKNOWN).astype(str)
    sizes = keys.value_counts()
    order = sorted(sizes.index, key=lambda g: (g == UNKNOWN, -sizes[g], g))
    kept = [g for g in order if g == UNKNOWN or sizes[g] >= min_items][:top]
    rest = [g for g in order if g not in kept]
    if rest:
        keys = keys.where(~keys.isin(rest), f"{rest_label} ({len(rest)})")
        order = kept + [f"{rest_label} ({len(rest)})"]
    values = matrix.gt(0) if how == "share" else matrix
    grouped = values.groupby(keys.to_numpy(), sort=False)
    out = getattr(grouped, "mean" if how == "share" else how)()
    if how in ("share", "mean"):
        out = out.astype(float).round(DIGITS)
    out = out.reindex(order)
    out.insert(0, "items", keys.value_counts().reindex(order).astype("int64").to_numpy())
    out.index.name = groups.name if groups.name is not None else "group"
    return out


def per_year(matrix: pd.DataFrame, years: pd.Series, *, min_reports: int = MIN_REPORTS_PER_YEAR) -> pd.DataFrame:
    """A time series by year: per year, the share of dated items (reports) with each column above zero.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Numeric, one row per report (or unit), e.g. practices found per report.
    years : pandas.Series
        The year of each row (missing for an undated report), indexed like `matrix`.
    min_reports : int
        Years with fewer dated rows are left out: a share of one or two reports is noise.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``year`` (ascending): ``reports`` (dated rows of the year) and the share
        per column (rounded to :data:`DIGITS`). ``attrs["undated"]`` counts the rows
        without a year, ``attrs["thin_years"]`` the years left out for too few rows. Use
        :func:`enough_years` before drawing it.
    """
    keys = pd.to_numeric(years.reindex(matrix.index), errors="coerce")
    dated = keys.notna()
    counts = keys[dated].astype("int64").value_counts()
    kept = sorted(int(y) for y in counts.index if counts[y] >= min_reports)
    rows = matrix[dated].gt(0).groupby(keys[dated].astype("int64").to_numpy()).mean()
    out = rows.reindex(kept).astype(float).round(DIGITS)
    out.insert(0, "reports", counts.reindex(kept).astype("int64").to_numpy() if kept else [])
    out.index = pd.Index(kept, name="year", dtype="int64")
    out.attrs["undated"] = int((~dated).sum())
    out.attrs["thin_years"] = sorted(int(y) for y in counts.index if counts[y] < min_reports)
    return out


def enough_years(series: pd.DataFrame, min_years: int = MIN_YEARS) -> bool:
    """Whether :func:`per_year` kept enough years (:data:`MIN_YEARS`) for a time series."""
    return len(series) >= min_years


# --------------------------------------------------------------------------- drawing helpers


def _province_tile(name: str, tiles) -> str | None:
    """The short name (tile) of a province as tables write it (福建省 -> 福建), or None."""
    return next((t for t in sorted(tiles, key=len, reverse=True) if name.startswith(t)), None)


def province_labels(provinces: Iterable[str], lexicon: Lexicon | None = None) -> list[str]:
    """Figure labels of provinces: the short name with its romanised reading, 福建省 → ``福建 Fujian``,
    新疆维吾尔自治区 → ``新疆 Xinjiang``, 内蒙古自治区 → ``内蒙古 Inner Mongolia``. A name that is
    not a province of ``lexicon/province_tiles.yaml`` (``(unknown)``, ``other (3)``) is kept as it is."""
    lexicon = load_lexicon(lexicon)
    tiles = lexicon["province_tiles"]["tiles"]
    out = []
    for name in provinces:
        tile = _province_tile(str(name), tiles)
        out.append(f"{tile} {romanised(tile, lexicon)}" if tile else str(name))
    return out


def province_tiles(values: pd.Series, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """``values`` per province placed on the tile grid of ``lexicon/province_tiles.yaml``.

    ``values`` is indexed by province names as tables write them (福建省, 广西壮族自治区
    or 福建); each is matched to the tile whose short name it starts with, and values of
    one tile are summed. Returns one row per tile: ``tile`` (short name), ``row``,
    ``column``, ``value`` (missing where ``values`` has none); provinces of no tile are
    listed in ``DataFrame.attrs["unplaced"]``.
    """
    tiles = load_lexicon(lexicon)["province_tiles"]["tiles"]
    summed: dict[str, float] = {}
    unplaced = []
    for province, value in values.items():
        tile = _province_tile(str(province), tiles)
        if tile is None:
            unplaced.append(str(province))
        elif pd.notna(value):
            summed[tile] = summed.get(tile, 0.0) + float(value)
    out = pd.DataFrame([{"tile": t, "row": int(rc[0]), "column": int(rc[1]), "value": summed.get(t, np.nan)}
                        for t, rc in tiles.items()])
    out.attrs["unplaced"] = sorted(unplaced)
    return out


def count_axis(ax, axis: str = "y"):
    """Ticks at whole numbers only on ``axis`` of ``ax`` (a histogram counts units or
    reports: no tick at 17.5). Returns ``ax``."""
    from matplotlib.ticker import MaxNLocator

    (ax.yaxis if axis == "y" else ax.xaxis).set_major_locator(MaxNLocator(integer=True))
    return ax


def draw_tile_map(tiles: pd.DataFrame, ax, *, cmap: str = "Blues", fmt: str = "{:g}",
                  colorbar_label: str | None = None, lexicon: Lexicon | None = None):
    """Draw :func:`province_tiles` on ``ax``: one square per province, coloured by value,
    labelled with its romanised name (and the value); provinces without a value grey.

    Returns the ``matplotlib.collections.PatchCollection`` of the tiles.
    """
    import matplotlib as mpl
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    values = tiles["value"].to_numpy(dtype=float)
    finite = values[np.isfinite(values)]
    norm = mpl.colors.Normalize(vmin=0, vmax=float(finite.max()) if len(finite) and finite.max() > 0 else 1.0)
    colormap = mpl.colormaps[cmap]
    patches, colors = [], []
    for row in tiles.itertuples(index=False):
        patches.append(Rectangle((row.column, -row.row), 0.92, 0.92))
        colors.append(colormap(norm(row.value)) if np.isfinite(row.value) else "#eeeeee")
    collection = PatchCollection(patches, facecolor=colors, edgecolor="white", linewidth=1.0)
    ax.add_collection(collection)
    for row, name in zip(tiles.itertuples(index=False), romanised(list(tiles["tile"]), lexicon)):
        dark = np.isfinite(row.value) and norm(row.value) > 0.6
        label = name if not np.isfinite(row.value) else f"{name}\n{fmt.format(row.value)}"
        ax.text(row.column + 0.46, -row.row + 0.46, label, ha="center", va="center", fontsize=6.5,
                color="white" if dark else "#222222")
    ax.set_xlim(-0.2, tiles["column"].max() + 1.1)
    ax.set_ylim(-tiles["row"].max() - 0.2, 1.1)
    ax.set_aspect("equal")
    ax.axis("off")
    if colorbar_label is not None:
        mappable = mpl.cm.ScalarMappable(norm=norm, cmap=colormap)
        bar = ax.figure.colorbar(mappable, ax=ax, fraction=0.035, pad=0.02)
        bar.set_label(colorbar_label)
        bar.outline.set_visible(False)
    return collection


def draw_heatmap(matrix: pd.DataFrame, ax, *, row_labels: Iterable[str] | None = None,
                 col_labels: Iterable[str] | None = None, cmap: str = "Blues", annotate: bool = True,
                 fmt: str = "{:g}", vmin: float | None = 0, vmax: float | None = None,
                 colorbar_label: str | None = None):
    """Draw a labelled heatmap of a numeric DataFrame on `ax`.

    Zero cells are left blank in the annotation, so that the pattern of presence
    reads at a glance; the colour scale still shows every value.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Numeric; rows top to bottom, columns left to right in their order.
    ax : matplotlib.axes.Axes
    row_labels, col_labels : iterable of str, optional
        Default: the index and the columns.
    cmap : str, default "Blues"
    annotate : bool, default True
        Write each non-zero value in its cell.
    fmt : str, default "{:g}"
        Format of the annotations.
    vmin, vmax : float, optional
        Limits of the colour scale (default 0 and the maximum).
    colorbar_label : str, optional
        Draw a colour bar with this label.

    Returns
    -------
    matplotlib.image.AxesImage
    """
    values = matrix.to_numpy(dtype=float)
    top = float(np.nanmax(values)) if values.size else 1.0
    vmax = vmax if vmax is not None else (top if top > 0 else 1.0)
    image = ax.imshow(values, cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto", interpolation="nearest")
    ax.set_xticks(range(matrix.shape[1]))
    ax.set_xticklabels(list(col_labels) if col_labels is not None else [str(c) for c in matrix.columns],
                       rotation=45, ha="right", rotation_mode="anchor")
    ax.set_yticks(range(matrix.shape[0]))
    ax.set_yticklabels(list(row_labels) if row_labels is not None else [str(r) for r in matrix.index])
    ax.grid(False)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if annotate:
        for (i, j), v in np.ndenumerate(values):
            if v and not np.isnan(v):
                dark = (v - (vmin or 0)) / ((vmax - (vmin or 0)) or 1.0) > 0.6
                ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=7,
                        color="white" if dark else "#222222")
    if colorbar_label is not None:
        bar = ax.figure.colorbar(image, ax=ax, fraction=0.035, pad=0.02)
        bar.set_label(colorbar_label)
        bar.outline.set_visible(False)
    return image
