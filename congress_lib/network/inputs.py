"""What the network reads from a corpus: its mention and sentence tables, checked.

Every network verb takes a corpus: any object with a ``mentions`` table (or a
method returning it) and a ``sentences`` table holding at least
:data:`MENTION_COLUMNS` and :data:`SENTENCE_COLUMNS`. Cells are read as plain
Python values, missing text as ``""``.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..errors import InvalidArgumentError
from ..resources import Lexicon, load_lexicon

__all__ = ["MENTION_COLUMNS", "SENTENCE_COLUMNS", "corpus_lexicon", "corpus_mentions", "corpus_table", "plain_values",
           "cell_text"]

#: Columns the network reads from ``corpus.mentions()`` and ``corpus.sentences``.
MENTION_COLUMNS = ("doc_id", "unit_id", "jurisdiction", "type", "canonical", "level", "branch", "start", "end",
                   "sent_id")
SENTENCE_COLUMNS = ("sent_id", "doc_id", "unit_id", "start", "end", "text")


def corpus_lexicon(corpus, lexicon) -> Lexicon:
    """`lexicon` loaded; None: the corpus's lexicon when it has one, else the shipped one."""
    if lexicon is None and isinstance(getattr(corpus, "lexicon", None), Lexicon):
        return corpus.lexicon
    return load_lexicon(lexicon)


def _check_corpus(corpus) -> None:
    if not hasattr(corpus, "mentions") or not hasattr(corpus, "sentences"):
        raise InvalidArgumentError(
            "expected a Corpus (from cl.load_corpus) or an object with a `mentions` table or method and a "
            f"`sentences` table; got {type(corpus).__name__}."
        )


def corpus_table(obj, name: str, columns: Iterable[str]) -> pd.DataFrame:
    """The table ``obj.<name>`` (an attribute or a method returning it), checked for `columns`."""
    value = getattr(obj, name)
    df = value() if callable(value) else value
    if not isinstance(df, pd.DataFrame):
        raise InvalidArgumentError(f"corpus.{name} must be a pandas DataFrame, not {type(df).__name__}.")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise InvalidArgumentError(
            f"corpus.{name} lacks the column(s) {', '.join(missing)}; the network needs {', '.join(columns)}."
        )
    return df


def plain_values(values) -> list:
    """Column values as plain Python objects ("" for missing strings)."""
    out = []
    for v in values.tolist() if hasattr(values, "tolist") else list(values):
        if v is None or (isinstance(v, float) and v != v) or v is pd.NA:
            v = ""
        out.append(v)
    return out


def cell_text(value) -> str:
    """A cell as the network reads text columns: missing values (None, NaN, NA) as ``""``."""
    if value.__class__ is str:
        return value
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def corpus_mentions(corpus, jurisdiction=None, doc_id=None) -> pd.DataFrame:
    """The corpus's mentions (:data:`MENTION_COLUMNS`, text as ``str``), optionally of some
    jurisdictions / documents only (each must have mentions)."""
    _check_corpus(corpus)
    m = corpus_table(corpus, "mentions", MENTION_COLUMNS)
    m = pd.DataFrame({c: plain_values(m[c]) for c in MENTION_COLUMNS}, columns=list(MENTION_COLUMNS))
    for c in MENTION_COLUMNS:
        if c not in ("start", "end"):
            m[c] = m[c].astype(str)
    for arg, column, what in ((jurisdiction, "jurisdiction", "jurisdiction"), (doc_id, "doc_id", "document")):
        if arg is None:
            continue
        wanted = [arg] if isinstance(arg, str) else list(arg)
        present = set(m[column])
        absent = [w for w in wanted if w not in present]
        if absent:
            hint = (f"choose from {', '.join(sorted(present))}" if column == "jurisdiction"
                    else "see corpus.documents.doc_id")
            raise InvalidArgumentError(f"no mentions in {what} {', '.join(map(repr, absent))}; {hint}.")
        m = m[m[column].isin(wanted)]
    return m.reset_index(drop=True)
