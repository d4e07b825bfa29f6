"""The deputy–station–agency network (docs/codebook.md §4).

Conventions
-----------
**Nodes.** A node is a canonical entity, the pair (type, canonical name) of its
mentions, keyed as the string ``"type:canonical"`` (e.g.
``"agency:集美区人民法院"``): canonical names of different types may coincide, so
the type is part of the key. Node attributes:

* ``type`` (deputy, station, agency, congress), ``canonical``, ``label`` (the
  canonical name, for Gephi);
* ``jurisdiction``: the jurisdictions of the units that mention it, sorted and
  ``;``-joined;
* ``level``, ``branch``: the most frequent non-empty value among its mentions
  (ties: alphabetical), ``""`` when none has one;
* ``mentions``: the number of mentions;
* ``generic``: True for a bare term that names no identifiable actor (人大代表,
  代表小组, 承办单位, 人大, 代表联络站 …): none of its mentions has a level and its
  canonical name is made only of the generic words of
  ``lexicon/relation_triggers.yaml`` (``generic_nodes``). A generic node is one
  node across the whole corpus; restrict the network to a jurisdiction, or drop
  generic nodes (``keep_generic=False``), before reading centralities.

**Edges.** Two nodes of *different* types mentioned in one sentence are joined.
A sentence that names more than :data:`MAX_SENTENCE_NODES` distinct nodes is a
list or a flattened table, not an account of actors working together: it joins
no pair (its mentions still count for the nodes). Co-authorship networks leave
out "hyperauthored" papers for the same reason; without the bound, one such
sentence of *n* actors would add n²/4 edges.
Edges are undirected; the endpoints are ordered by the fixed type order
:data:`TYPE_ORDER` (deputy, station, agency, congress), then by key. The
``relation`` of a (pair, sentence) comes from the trigger words of that sentence
(``relation_triggers.yaml``; traditional-character variants are derived
automatically):

1. trigger words that overlap any mention of the sentence are ignored (联络 in
   联络站, 承办 in 承办单位);
2. the pair's span runs from the start of one mention to the end of the other,
   taking the two occurrences closest together when a node is mentioned twice;
3. only triggers in the clause of either mention count (clauses end at the
   lexicon's ``clause_delimiters``, commas and colons): in a long sentence a verb
   three clauses away says nothing about the pair;
4. the trigger nearest to the span wins (distance 0 when it stands inside the
   span, e.g. between the two mentions); ties go to the relation listed first in
   the lexicon, then to the leftmost trigger;
5. ``co_mention`` when no trigger is left.

The edge table (:func:`network_edges`) has one row per (source, target,
relation); ``weight`` is the number of distinct sentences, ``evidence`` a JSON
string (CSV-friendly) holding a list of ``{"doc_id", "unit_id", "sent_id",
"start", "end"}`` objects, one per sentence, with the *sentence's* document
offsets. :func:`edge_evidence` gives the same as a tidy table, one row per
(edge, sentence), with the trigger and the sentence text. In the graph
(:func:`build_network`) an edge aggregates its relations: ``weight`` (distinct
sentences), ``relation`` (the most frequent; ties: a trigger relation before
``co_mention``, then alphabetical), ``relations`` (``"督办:2;co_mention:1"``),
one integer ``rel_<relation>`` per relation present anywhere in the graph, and
``n_docs``. The evidence stands once, in the edge table: the rows of
:func:`network_edges` (edges.csv) whose ``source`` and ``target`` are the two
node keys of a graph edge hold its sentences.

**Building blocks.** The tables compose: :func:`mention_counts` (mergeable
across batches: concatenate and sum) → :func:`nodes_from_counts`;
:func:`edge_evidence` (per document or batch) → :func:`edges_from_evidence`;
both → :func:`graph_from_tables`. :func:`build_network` is exactly this chain.
A streamed build (``congress-lib build``) runs the same rule without tables:
:func:`sentence_evidence` on each document's plain rows, gathered in an
:class:`EvidenceStore`, which gives the rows of :func:`edges_from_evidence`
(each edge's evidence JSON made only as it is written) and the graph of
:func:`graph_from_tables`.

All functions take a corpus (any object with a ``mentions`` table or method and
a ``sentences`` table, see :data:`MENTION_COLUMNS`) or a graph, and return new
objects; inputs are never modified. Graph code never imports plotting code at
module level.
"""

from __future__ import annotations

import bisect
import json
import re
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from itertools import islice, repeat
from operator import itemgetter
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
from networkx.algorithms import bipartite

from .errors import InvalidArgumentError, LexiconError
from .resources import Lexicon, load_lexicon
from .text import TRADITIONAL, opencc

__all__ = [
    "TYPE_ORDER",
    "MAX_SENTENCE_NODES",
    "EDGE_COLUMNS",
    "EVIDENCE_COLUMNS",
    "NODE_COLUMNS",
    "node_key",
    "is_generic",
    "mention_counts",
    "nodes_from_counts",
    "network_nodes",
    "edge_evidence",
    "sentence_evidence",
    "document_evidence",
    "EvidenceStore",
    "edges_from_evidence",
    "network_edges",
    "graph_from_tables",
    "build_network",
    "node_metrics",
    "jurisdiction_summary",
    "project",
    "projection_edges",
    "write_network",
    "draw_network",
]

#: Node types in their fixed order (edge endpoints and sorted outputs follow it).
TYPE_ORDER = ("deputy", "station", "agency", "congress")
_RANK = {t: i for i, t in enumerate(TYPE_ORDER)}

#: The relation of a pair whose sentence holds no trigger word.
CO_MENTION = "co_mention"

#: A sentence naming more distinct nodes than this joins no pair (see the module
#: docstring). The bundled reports name at most 8 in a sentence.
MAX_SENTENCE_NODES = 40

#: Columns the network reads from ``corpus.mentions()`` and ``corpus.sentences``.
MENTION_COLUMNS = ("doc_id", "unit_id", "jurisdiction", "type", "canonical", "level", "branch", "start", "end",
                   "sent_id")
SENTENCE_COLUMNS = ("sent_id", "doc_id", "unit_id", "start", "end", "text")

#: Columns of :func:`network_edges`.
EDGE_COLUMNS = ["source", "target", "source_type", "target_type", "relation", "weight", "n_docs", "evidence"]
#: Columns of :func:`edge_evidence`.
EVIDENCE_COLUMNS = ["source", "target", "source_type", "target_type", "relation", "trigger", "doc_id", "unit_id",
                    "jurisdiction", "sent_id", "start", "end", "trigger_start", "trigger_end", "sentence"]
#: Columns of :func:`network_nodes`.
NODE_COLUMNS = ["node", "type", "canonical", "jurisdiction", "level", "branch", "mentions", "generic"]
_COUNT_COLUMNS = ["type", "canonical", "jurisdiction", "level", "branch", "n"]
_SUMMARY_PAIRS = [(a, b) for i, a in enumerate(TYPE_ORDER) for b in TYPE_ORDER[i + 1:]]
_DIGITS = 6


def node_key(mtype: str, canonical: str) -> str:
    """Return the node id of an entity, ``"type:canonical"``.

    Examples
    --------
    >>> node_key("agency", "集美区人民法院")
    'agency:集美区人民法院'
    """
    return f"{mtype}:{canonical}"


def _rank(mtype) -> int:
    return _RANK.get(mtype, len(TYPE_ORDER))


def _node_sort_key(key: str, mtype: str | None = None) -> tuple:
    if mtype is None:
        mtype = key.split(":", 1)[0] if isinstance(key, str) else ""
    return (_rank(mtype), str(key))


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class _Rules:
    trigger_re: re.Pattern | None
    relation_of: dict  # trigger word -> relation
    order: dict  # relation -> rank in the lexicon
    generic_re: dict  # type -> compiled pattern
    clause_marks: frozenset  # characters that end a clause
    clause_re: re.Pattern | None  # one clause mark (None: the lexicon names none)


_RULES: dict[str, _Rules] = {}


def _traditional_variants(words: Iterable[str]) -> list[str]:
    """The traditional-character forms of simplified words (OpenCC s2t, s2tw, s2hk)."""
    words = list(words)
    return [opencc(config).convert(w) for config in TRADITIONAL for w in words]


def _strings(value, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(f"relation_triggers.yaml: {where} must be a list of non-empty strings; got {value!r}.")
    return value


def _rules(lexicon: Lexicon) -> _Rules:
    version = getattr(lexicon, "version", None)
    if version is not None and version in _RULES:
        return _RULES[version]
    data = lexicon["relation_triggers"]
    relations = data.get("relations") if isinstance(data, dict) else None
    if not isinstance(relations, dict) or not relations:
        raise LexiconError("relation_triggers.yaml needs a non-empty mapping `relations: {name: [variants]}`.")
    relation_of: dict[str, str] = {}
    order: dict[str, int] = {}
    for rank, (name, variants) in enumerate(relations.items()):
        if not isinstance(name, str) or not name or name == CO_MENTION:
            raise LexiconError(f"relation_triggers.yaml: bad relation name {name!r}.")
        order[name] = rank
        simplified = _strings(variants, f"relations.{name}")
        for word in [*simplified, *_traditional_variants(simplified)]:
            relation_of.setdefault(word, name)  # the first relation listing a word keeps it
    words = sorted(relation_of, key=lambda w: (-len(w), w))
    trigger_re = re.compile("|".join(map(re.escape, words))) if words else None
    generic_re = {}
    for mtype, spec in (data.get("generic_nodes") or {}).items():
        if not isinstance(spec, dict):
            raise LexiconError(f"relation_triggers.yaml: generic_nodes.{mtype} must be a mapping.")
        mods = _strings(spec.get("modifiers", []) or [], f"generic_nodes.{mtype}.modifiers")
        heads = _strings(spec.get("heads", []) or [], f"generic_nodes.{mtype}.heads")
        if not heads:
            continue
        expand = lambda ws: sorted(set(ws) | set(_traditional_variants(ws)), key=lambda w: (-len(w), w))  # noqa: E731
        mod = "|".join(map(re.escape, expand(mods))) if mods else None
        head = "|".join(map(re.escape, expand(heads)))
        generic_re[mtype] = re.compile((f"(?:{mod})*" if mod else "") + f"(?:{head})+")
    marks = data.get("clause_delimiters", "，,：:")
    if not isinstance(marks, str):
        raise LexiconError("relation_triggers.yaml: clause_delimiters must be a string of characters.")
    clause_re = re.compile("[" + "".join(map(re.escape, sorted(set(marks)))) + "]") if marks else None
    rules = _Rules(trigger_re, relation_of, order, generic_re, frozenset(marks), clause_re)
    if version is not None:
        _RULES[version] = rules
    return rules


def _lexicon(corpus, lexicon) -> Lexicon:
    if lexicon is None and isinstance(getattr(corpus, "lexicon", None), Lexicon):
        return corpus.lexicon
    return load_lexicon(lexicon)


def is_generic(mtype: str, canonical: str, level: str = "", lexicon: Lexicon | str | None = None) -> bool:
    """Tell whether a node is a generic term rather than an identifiable actor.

    Parameters
    ----------
    mtype : str
        Mention type.
    canonical : str
        Canonical name.
    level : str, default ""
        The node's level; a node with any level is never generic.
    lexicon : Lexicon, path or None
        Default: the shipped lexicons.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_generic("deputy", "人大代表"), is_generic("station", "田洋活动站")
    (True, False)
    >>> is_generic("deputy", "代表小组", level="district")
    False
    """
    return _is_generic(_rules(load_lexicon(lexicon)), mtype, canonical, level)


def _is_generic(rules: _Rules, mtype: str, canonical: str, level: str) -> bool:
    if level:
        return False
    pattern = rules.generic_re.get(mtype)
    return bool(pattern is not None and pattern.fullmatch(str(canonical)))


# --------------------------------------------------------------------------- inputs


def _check_corpus(corpus) -> None:
    if not hasattr(corpus, "mentions") or not hasattr(corpus, "sentences"):
        raise InvalidArgumentError(
            "expected a Corpus (from cl.load_corpus) or an object with a `mentions` table or method and a "
            f"`sentences` table; got {type(corpus).__name__}."
        )


def _table(obj, name: str, columns: Iterable[str]) -> pd.DataFrame:
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


def _plain(values) -> list:
    """Column values as plain Python objects ("" for missing strings)."""
    out = []
    for v in values.tolist() if hasattr(values, "tolist") else list(values):
        if v is None or (isinstance(v, float) and v != v) or v is pd.NA:
            v = ""
        out.append(v)
    return out


def _mentions(corpus, jurisdiction=None, doc_id=None) -> pd.DataFrame:
    _check_corpus(corpus)
    m = _table(corpus, "mentions", MENTION_COLUMNS)
    m = pd.DataFrame({c: _plain(m[c]) for c in MENTION_COLUMNS}, columns=list(MENTION_COLUMNS))
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


# --------------------------------------------------------------------------- nodes


def _mode(values) -> str:
    """The most frequent non-empty string of `values` (ties: the smallest), ``""`` when none."""
    counts: dict[str, int] = {}
    for v in values:
        if v and isinstance(v, str):
            counts[v] = counts.get(v, 0) + 1
    return _mode_of_counts(counts)


def _mode_of_counts(counts: dict) -> str:
    """:func:`_mode` of the values a ``{value: count}`` mapping stands for (``Counter.elements()``)."""
    best, best_n = "", 0
    for v, n in counts.items():
        if n > 0 and v and isinstance(v, str) and (n > best_n or (n == best_n and v < best)):
            best, best_n = v, n
    return best


def mention_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """Count mentions per (type, canonical, jurisdiction, level, branch).

    The counts of several batches of documents merge by concatenation and a
    sum over the same five keys, so a streamed corpus needs only this small table
    to build its nodes.

    Parameters
    ----------
    mentions : pandas.DataFrame
        With the columns type, canonical, jurisdiction, level, branch.

    Returns
    -------
    pandas.DataFrame
        Columns ``type, canonical, jurisdiction, level, branch, n``, sorted.
    """
    keys = _COUNT_COLUMNS[:-1]
    counter = Counter(zip(*(_plain(mentions[c]) for c in keys))) if len(mentions) else Counter()
    rows = sorted(((*map(str, k), n) for k, n in counter.items()),
                  key=lambda r: (_rank(r[0]), r[1], r[2], r[3], r[4]))
    return pd.DataFrame(rows, columns=_COUNT_COLUMNS).astype({"n": "int64"})


def nodes_from_counts(counts: pd.DataFrame, lexicon: Lexicon | str | None = None) -> pd.DataFrame:
    """Turn mention counts into the node table.

    Parameters
    ----------
    counts : pandas.DataFrame
        From :func:`mention_counts` (rows with equal keys are summed).
    lexicon : Lexicon, path or None
        For the generic-node rule. Default: the shipped lexicons.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`NODE_COLUMNS`, one row per node, sorted by type order then key.
    """
    rules = _rules(load_lexicon(lexicon))
    nodes: dict[str, dict] = {}
    for t, c, j, lv, br, n in zip(*(_plain(counts[col]) for col in _COUNT_COLUMNS)):
        key = node_key(t, c)
        node = nodes.setdefault(key, {"type": t, "canonical": c, "j": set(), "lv": Counter(), "br": Counter(),
                                      "n": 0})
        node["j"].add(str(j))
        node["lv"][lv] += int(n)
        node["br"][br] += int(n)
        node["n"] += int(n)
    rows = []
    for key in sorted(nodes, key=lambda k: _node_sort_key(k, nodes[k]["type"])):
        node = nodes[key]
        level = _mode_of_counts(node["lv"])
        generic = _is_generic(rules, node["type"], node["canonical"], level)
        rows.append([key, node["type"], node["canonical"], ";".join(sorted(x for x in node["j"] if x)), level,
                     _mode_of_counts(node["br"]), node["n"], generic])
    return pd.DataFrame(rows, columns=NODE_COLUMNS).astype({"mentions": "int64", "generic": "bool"})


def network_nodes(corpus, lexicon: Lexicon | str | None = None, *, jurisdiction: str | Iterable[str] | None = None,
                  doc_id: str | Iterable[str] | None = None) -> pd.DataFrame:
    """The nodes of the network, one row per (type, canonical name).

    Parameters
    ----------
    corpus : Corpus or an object with ``mentions`` and ``sentences``
    lexicon : Lexicon, path or None
        Default: the corpus's lexicon, else the shipped one.
    jurisdiction, doc_id : str or list of str, optional
        Keep only the mentions of these jurisdictions / documents.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`NODE_COLUMNS` (node, type, canonical, jurisdiction, level,
        branch, mentions, generic).
    """
    lex = _lexicon(corpus, lexicon)
    return nodes_from_counts(mention_counts(_mentions(corpus, jurisdiction, doc_id)), lex)


# --------------------------------------------------------------------------- edges


def _closest(spans_a, spans_b) -> tuple[int, int]:
    """The shortest span from one mention of a node to one of the other (ties: the leftmost)."""
    if len(spans_a) == 1 and len(spans_b) == 1:
        (sa, ea), (sb, eb) = spans_a[0], spans_b[0]
        return (sa if sa < sb else sb), (ea if ea > eb else eb)
    best = None
    for sa, ea in spans_a:
        for sb, eb in spans_b:
            lo, hi = min(sa, sb), max(ea, eb)
            if best is None or (hi - lo, lo) < (best[1] - best[0], best[0]):
                best = (lo, hi)
    return best


def _masked(text: str, offset: int, spans) -> str:
    """`text` with the characters of the document spans `spans` replaced by NUL (`offset`: the
    document offset of the text), so that trigger words and clause marks inside mentions never match."""
    n = len(text)
    pieces, pos = [], 0
    for s, e in sorted(spans):
        a, b = s - offset, e - offset
        if a < pos:  # before the text, or inside what is masked already
            a = pos
        if b > n:
            b = n
        if b <= a:
            continue
        if a > pos:
            pieces.append(text[pos:a])
        pieces.append("\0" * (b - a))
        pos = b
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


def _sentence_pairs(rules: _Rules, text: str, offset: int, mentions) -> list[tuple]:
    """The pairs of nodes of different types mentioned in one sentence, each with its relation.

    This is the rule of the module docstring, shared by :func:`edge_evidence` and
    :func:`sentence_evidence`.

    Parameters
    ----------
    rules : _Rules
    text : str
        The sentence.
    offset : int
        The document offset of the sentence.
    mentions : iterable of (type, canonical, start, end)
        The sentence's mentions (document offsets, as strings and ints).

    Returns
    -------
    list of tuple
        ``(source, target, source_type, target_type, relation, trigger,
        trigger_start, trigger_end)`` per pair, in type order then key.
    """
    nodes: dict[str, tuple[str, list]] = {}
    spans = []
    for t, c, s, e in mentions:
        key = f"{t}:{c}"
        node = nodes.get(key)
        if node is None:
            nodes[key] = (t, [(s, e)])
        else:
            node[1].append((s, e))
        spans.append((s, e))
    if len(nodes) < 2 or len(nodes) > MAX_SENTENCE_NODES:
        return []
    rank, other = _RANK.get, len(TYPE_ORDER)
    keys = [k for _, k in sorted([(rank(t, other), k) for k, (t, _) in nodes.items()])]
    # the triggers: (start, end, word, relation, rank of the relation, clause), document offsets;
    # clause k of the sentence is the text after the k-th clause mark (sentence offsets in `cuts`).
    # A trigger of the masked text is one of the text: a text without any has none to mask.
    triggers, cuts, clause = [], [], bisect.bisect_right
    if rules.trigger_re is not None and rules.trigger_re.search(text) is not None:
        masked = _masked(text, offset, spans)
        hits = [(hit.start(), hit.end(), hit.group()) for hit in rules.trigger_re.finditer(masked)]
        if hits:
            if rules.clause_re is not None:
                cuts = [m.start() for m in rules.clause_re.finditer(masked)]
            for a, b, word in hits:
                relation = rules.relation_of[word]
                triggers.append((a + offset, b + offset, word, relation, rules.order[relation], clause(cuts, a)))
    index = _TriggerIndex(triggers) if triggers else None
    rows = []
    for i, a in enumerate(keys):
        ta, spans_a = nodes[a]
        for b in keys[i + 1:]:
            tb, spans_b = nodes[b]
            if ta == tb:
                continue
            if index is None:
                rows.append((a, b, ta, tb, CO_MENTION, "", -1, -1))
                continue
            lo, hi = _closest(spans_a, spans_b)
            # only a trigger in the clause of one of the two mentions speaks about the pair
            best = index.nearest(lo, hi, clause(cuts, lo - offset), clause(cuts, hi - 1 - offset))
            if best is None:
                rows.append((a, b, ta, tb, CO_MENTION, "", -1, -1))
            else:
                rows.append((a, b, ta, tb, best[3], best[2], best[0], best[1]))
    return rows


def _nearest_trigger(triggers: list[tuple], lo: int, hi: int, c_lo: int, c_hi: int) -> tuple | None:
    """The trigger that speaks about a pair spanning ``lo``–``hi`` (the rule, read plainly).

    ``triggers``: ``(start, end, word, relation, rank, clause)``. Among the
    triggers in clause ``c_lo`` or ``c_hi``, the one nearest to the span (the
    characters between them; 0 when they overlap), then the relation listed first
    in the lexicon, then the leftmost. :class:`_TriggerIndex` gives the same
    answer without reading every trigger.
    """
    best, best_key = None, None
    for tr in triggers:
        if tr[5] != c_lo and tr[5] != c_hi:
            continue
        t_start, t_end = tr[0], tr[1]
        gap = 0 if (t_start < hi and lo < t_end) else (lo - t_end if t_end <= lo else t_start - hi)
        key = (gap, tr[4], t_start)
        if best is None or key < best_key:
            best, best_key = tr, key
    return best


class _TriggerIndex:
    """:func:`_nearest_trigger` in logarithmic time, for the triggers of one sentence.

    The triggers of a sentence are matches of one regex, so they do not overlap:
    in each clause, sorted by start, their ends are sorted too. For a span, the
    triggers that overlap it are a run of that order (the best is the first of
    the lowest relation rank in the run); of the others only the nearest on each
    side can be nearer than the rest. A pair thus costs a few bisections, not a
    pass over the triggers (a sentence with many triggers and many pairs would
    cost their product).
    """

    def __init__(self, triggers: list[tuple]):
        self.clauses: dict[int, tuple] = {}
        by_clause: dict[int, list[tuple]] = {}
        for tr in triggers:
            by_clause.setdefault(tr[5], []).append(tr)
        for c, trs in by_clause.items():
            trs.sort()
            by_rank: dict[int, list[int]] = {}
            for i, tr in enumerate(trs):
                by_rank.setdefault(tr[4], []).append(i)
            self.clauses[c] = (trs, [tr[0] for tr in trs], [tr[1] for tr in trs], sorted(by_rank.items()))

    def nearest(self, lo: int, hi: int, c_lo: int, c_hi: int) -> tuple | None:
        best, best_key = None, None
        for c in (c_lo,) if c_lo == c_hi else (c_lo, c_hi):
            got = self.clauses.get(c)
            if got is None:
                continue
            trs, starts, ends, by_rank = got
            i1 = bisect.bisect_right(ends, lo)  # the first that ends after lo
            i2 = bisect.bisect_left(starts, hi)  # the first that starts at or after hi
            candidates = []
            if i1 < i2:  # overlapping the span: gap 0
                for _, idx in by_rank:
                    j = bisect.bisect_left(idx, i1)
                    if j < len(idx) and idx[j] < i2:
                        tr = trs[idx[j]]
                        candidates.append((0, tr[4], tr[0], tr))
                        break
            if i1 > 0:
                tr = trs[i1 - 1]
                candidates.append((lo - tr[1], tr[4], tr[0], tr))
            if i2 < len(trs):
                tr = trs[i2]
                candidates.append((tr[0] - hi, tr[4], tr[0], tr))
            for *key, tr in candidates:
                if best is None or key < best_key:
                    best, best_key = tr, key
        return best


def _evidence_rows(m: pd.DataFrame, sentences: pd.DataFrame, rules: _Rules) -> list[list]:
    """One row (EVIDENCE_COLUMNS) per (pair of nodes of different types, sentence)."""
    by_sentence: dict[str, list[tuple]] = {}
    cols = ("sent_id", "type", "canonical", "start", "end", "jurisdiction")
    for sent_id, t, c, s, e, j in zip(*(m[col].tolist() for col in cols)):
        by_sentence.setdefault(sent_id, []).append((t, c, int(s), int(e), j))
    wanted = {sid for sid, ms in by_sentence.items() if len({x[0] for x in ms}) >= 2}
    if not wanted:
        return []
    sent = sentences[sentences["sent_id"].astype(str).isin(wanted)]
    info = {str(sid): (str(d), str(u), int(s), int(e), str(t)) for sid, d, u, s, e, t in
            zip(*(_plain(sent[col]) for col in SENTENCE_COLUMNS))}
    missing = sorted(wanted - set(info))
    if missing:
        raise InvalidArgumentError(
            f"{len(missing)} sentence(s) holding mentions of two types are missing from corpus.sentences "
            f"(e.g. {missing[0]!r}); pass the sentences table the mentions were extracted from."
        )
    rows = []
    for sent_id in sorted(wanted, key=lambda sid: (info[sid][0], info[sid][2], sid)):
        doc_id, unit_id, s_start, s_end, text = info[sent_id]
        mentions = by_sentence[sent_id]
        pairs = _sentence_pairs(rules, text, s_start, [x[:4] for x in mentions])
        if not pairs:
            continue
        first: dict[str, str] = {}  # the jurisdiction of each node's first mention
        for t, c, _, _, j in mentions:
            first.setdefault(node_key(t, c), j)
        jurisdiction = _mode(first.values())
        for a, b, ta, tb, relation, trigger, t_start, t_end in pairs:
            rows.append([a, b, ta, tb, relation, trigger, doc_id, unit_id, jurisdiction, sent_id, s_start,
                         s_end, t_start, t_end, text])
    return rows


def _empty(columns: list[str], dtypes: dict | None = None) -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series([], dtype="object") for c in columns})
    return df.astype(dtypes or {})


_EVIDENCE_DTYPES = {"start": "int64", "end": "int64", "trigger_start": "int64", "trigger_end": "int64"}


def edge_evidence(corpus, lexicon: Lexicon | str | None = None, *, jurisdiction: str | Iterable[str] | None = None,
                  doc_id: str | Iterable[str] | None = None) -> pd.DataFrame:
    """The evidence of the network: one row per (edge, supporting sentence).

    Parameters
    ----------
    corpus : Corpus or an object with ``mentions`` and ``sentences``
    lexicon : Lexicon, path or None
        Default: the corpus's lexicon, else the shipped one.
    jurisdiction, doc_id : str or list of str, optional
        Keep only the mentions of these jurisdictions / documents.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`EVIDENCE_COLUMNS`: source, target (node keys, ordered by
        type), source_type, target_type, relation, trigger (the word that gave the
        relation, ``""`` for co_mention), doc_id, unit_id, jurisdiction, sent_id,
        start, end (document offsets of the sentence), trigger_start, trigger_end
        (document offsets of the trigger, -1 for co_mention), sentence (its text).
        Sorted by source, target (in type order), relation, doc_id, start.
    """
    lex = _lexicon(corpus, lexicon)
    m = _mentions(corpus, jurisdiction, doc_id)
    sentences = _table(corpus, "sentences", SENTENCE_COLUMNS)
    rows = _evidence_rows(m, sentences, _rules(lex))
    if not rows:
        return _empty(EVIDENCE_COLUMNS, _EVIDENCE_DTYPES)
    rank, other = _RANK.get, len(TYPE_ORDER)
    rows.sort(key=lambda r: (rank(r[2], other), r[0], rank(r[3], other), r[1], r[4], r[6], r[10], r[9]))
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS).astype(_EVIDENCE_DTYPES)


def _text(value) -> str:
    """A cell as the network reads text columns: missing values (None, NaN, NA) as ``""``."""
    if value.__class__ is str:
        return value
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def sentence_evidence(mentions: Iterable[tuple], sentences: Iterable[tuple],
                      lexicon: Lexicon | str | None = None) -> list[tuple]:
    """The edge evidence of plain rows, sentence by sentence: what a streamed build needs.

    The rows of :func:`edge_evidence` without DataFrames, for the worker of a
    streamed build (a batch of documents at a time): the relation of each pair
    is decided by the same code, so the edges aggregated from these records
    (:class:`EvidenceStore`) are those of :func:`network_edges` / :func:`build_network`.

    Parameters
    ----------
    mentions : iterable of (sent_id, type, canonical, start, end)
        Mentions (document offsets).
    sentences : iterable of (sent_id, doc_id, unit_id, start, end, text)
        The sentences the mentions were found in (others are ignored).
    lexicon : Lexicon, path or None
        Default: the shipped lexicons.

    Returns
    -------
    list of tuple
        ``(doc_id, unit_id, sent_id, start, end, pairs)`` for each sentence that
        joins a pair (it holds mentions of two types or more, and at most
        :data:`MAX_SENTENCE_NODES` nodes), in the order of `sentences`;
        ``pairs`` is a tuple of ``(source, target, relation)``, one per pair of
        nodes of different types.

    Raises
    ------
    InvalidArgumentError
        If such a sentence is not in `sentences`.
    """
    by_sentence: dict[str, list[tuple]] = {}
    for sent_id, t, c, s, e in mentions:
        if sent_id.__class__ is not str or t.__class__ is not str or c.__class__ is not str:
            sent_id, t, c = _text(sent_id), _text(t), _text(c)
        if s.__class__ is not int or e.__class__ is not int:
            s, e = int(s), int(e)
        ms = by_sentence.get(sent_id)
        if ms is None:
            by_sentence[sent_id] = [(t, c, s, e)]
        else:
            ms.append((t, c, s, e))
    wanted = {sid for sid, ms in by_sentence.items() if len(ms) >= 2 and len({m[0] for m in ms}) >= 2}
    if not wanted:
        return []
    rules = _rules(load_lexicon(lexicon))
    info = {}
    for sid, d, u, s, e, text in sentences:
        if sid.__class__ is not str:
            sid = _text(sid)
        if sid in wanted:
            info[sid] = (_text(d), _text(u), int(s), int(e), _text(text))
    missing = sorted(wanted - set(info))
    if missing:
        raise InvalidArgumentError(
            f"{len(missing)} sentence(s) holding mentions of two types are missing from the sentences "
            f"(e.g. {missing[0]!r}); pass the sentences the mentions were extracted from."
        )
    out = []
    for sid, (d, u, s, e, text) in info.items():
        pairs = _sentence_pairs(rules, text, s, by_sentence[sid])
        if pairs:
            out.append((d, u, sid, s, e, tuple((a, b, r) for a, b, _, _, r, _, _, _ in pairs)))
    return out


def edges_from_evidence(evidence: pd.DataFrame) -> pd.DataFrame:
    """Aggregate evidence rows into the edge table.

    Parameters
    ----------
    evidence : pandas.DataFrame
        From :func:`edge_evidence` (possibly concatenated over batches); only the
        columns source, target, relation, doc_id, unit_id, sent_id, start, end are
        read (source_type and target_type are taken from the keys when absent).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`EDGE_COLUMNS`; one row per (source, target, relation),
        ``weight`` = distinct sentences, ``n_docs`` = distinct documents,
        ``evidence`` = JSON list of ``{"doc_id", "unit_id", "sent_id", "start",
        "end"}`` sorted by document and offset. Sorted by source, target (type
        order), relation.
    """
    if evidence is None or len(evidence) == 0:
        return _empty(EDGE_COLUMNS, {"weight": "int64", "n_docs": "int64"})
    cols = ["source", "target", "relation", "doc_id", "unit_id", "sent_id", "start", "end"]
    groups: dict[tuple, dict] = {}
    for s, t, r, d, u, sid, a, b in zip(*(_plain(evidence[c]) for c in cols)):
        groups.setdefault((str(s), str(t), str(r)), {})[str(sid)] = (str(d), int(a), str(u), str(sid), int(b))
    rows = []
    for (s, t, r) in sorted(groups, key=lambda k: (_node_sort_key(k[0]), _node_sort_key(k[1]), k[2])):
        ev = sorted(groups[(s, t, r)].values())
        payload = [{"doc_id": d, "unit_id": u, "sent_id": sid, "start": a, "end": b} for d, a, u, sid, b in ev]
        rows.append([s, t, s.split(":", 1)[0], t.split(":", 1)[0], r, len(ev), len({e[0] for e in ev}),
                     json.dumps(payload, ensure_ascii=False)])
    return pd.DataFrame(rows, columns=EDGE_COLUMNS).astype({"weight": "int64", "n_docs": "int64"})


def network_edges(corpus, lexicon: Lexicon | str | None = None, *, jurisdiction: str | Iterable[str] | None = None,
                  doc_id: str | Iterable[str] | None = None, keep_generic: bool = True) -> pd.DataFrame:
    """The edges of the network: one row per (source, target, relation).

    Parameters
    ----------
    corpus : Corpus or an object with ``mentions`` and ``sentences``
    lexicon : Lexicon, path or None
        Default: the corpus's lexicon, else the shipped one.
    jurisdiction, doc_id : str or list of str, optional
        Keep only the mentions of these jurisdictions / documents.
    keep_generic : bool, default True
        False drops the edges that touch a generic node.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`EDGE_COLUMNS`: source, target (node keys ``type:canonical``,
        ordered by type), source_type, target_type, relation, weight (distinct
        sentences), n_docs, evidence (JSON string, see :func:`edges_from_evidence`).

    Examples
    --------
    >>> import congress_lib as cl
    >>> edges = cl.network_edges(cl.load_corpus("corpus"))  # doctest: +SKIP
    """
    edges = edges_from_evidence(edge_evidence(corpus, lexicon, jurisdiction=jurisdiction, doc_id=doc_id))
    if not keep_generic and len(edges):
        nodes = network_nodes(corpus, lexicon, jurisdiction=jurisdiction, doc_id=doc_id)
        generic = set(nodes.loc[nodes["generic"], "node"])
        keep = ~(edges["source"].isin(generic) | edges["target"].isin(generic))
        edges = edges[keep].reset_index(drop=True)
    return edges


# --------------------------------------------------------------------------- graph


def _relation_sort(item) -> tuple:
    name, n = item
    return (-n, name == CO_MENTION, name)


def graph_from_tables(nodes: pd.DataFrame, edges: pd.DataFrame, *, name: str = "congress network",
                      keep_generic: bool = True) -> nx.Graph:
    """Assemble the graph from a node table and an edge table.

    Parameters
    ----------
    nodes : pandas.DataFrame
        From :func:`network_nodes` / :func:`nodes_from_counts`.
    edges : pandas.DataFrame
        From :func:`network_edges` / :func:`edges_from_evidence`; every endpoint
        must be in `nodes`.
    name : str, default "congress network"
        The graph attribute ``name``.
    keep_generic : bool, default True
        False drops generic nodes and their edges.

    Returns
    -------
    networkx.Graph
        Nodes in type order, edges with endpoints in type order; attributes as in
        the module docstring.

    Raises
    ------
    InvalidArgumentError
        If an edge endpoint is not in `nodes`.
    """
    G, known = _node_graph(nodes, name, keep_generic)
    if len(edges):
        _check_endpoints(set(edges["source"]) | set(edges["target"]), known)
    pairs: dict[tuple[str, str], dict] = {}
    for s, t, r, ev in zip(*(_plain(edges[c]) for c in ("source", "target", "relation", "evidence"))):
        if s not in G or t not in G:
            continue
        items = json.loads(ev) if isinstance(ev, str) else list(ev)
        pair = pairs.setdefault((s, t), {"rel": {}, "docs": {}})
        pair["rel"][r] = len({e["sent_id"] for e in items})
        for e in items:  # a sentence gives one relation per pair
            pair["docs"].setdefault(e["sent_id"], e["doc_id"])
    all_relations = _all_relations(r for p in pairs.values() for r in p["rel"])
    for (s, t) in sorted(pairs, key=lambda p: (_node_sort_key(p[0]), _node_sort_key(p[1]))):
        docs = pairs[(s, t)]["docs"]
        G.add_edge(s, t, **_edge_attrs(pairs[(s, t)]["rel"], len(docs), len(set(docs.values())), all_relations))
    return G


def _node_graph(nodes: pd.DataFrame, name: str, keep_generic: bool) -> tuple[nx.Graph, set]:
    """The graph of :func:`graph_from_tables` without edges, and the keys of the node table."""
    G = nx.Graph(name=name)
    records = dict(zip(nodes["node"].tolist(), nodes.to_dict("records"))) if len(nodes) else {}
    for key in sorted(records, key=lambda k: _node_sort_key(k, records[k]["type"])):
        r = records[key]
        if not keep_generic and bool(r["generic"]):
            continue
        G.add_node(key, type=str(r["type"]), canonical=str(r["canonical"]), label=str(r["canonical"]),
                   jurisdiction=str(r["jurisdiction"]), level=str(r["level"]), branch=str(r["branch"]),
                   mentions=int(r["mentions"]), generic=bool(r["generic"]))
    return G, set(records)


def _check_endpoints(endpoints: set, known: set) -> None:
    unknown = sorted(endpoints - known)
    if unknown:
        raise InvalidArgumentError(
            f"{len(unknown)} edge endpoint(s) are not in the node table (e.g. {unknown[0]!r}); build both tables "
            "from the same mentions."
        )


def _all_relations(relations: Iterable[str]) -> list[str]:
    """The relations present in a graph, in the order of their ``rel_<relation>`` attributes."""
    return sorted(set(relations), key=lambda r: (r == CO_MENTION, r))


def _edge_attrs(rel: dict, weight: int, n_docs: int, all_relations: list[str]) -> dict:
    """The attributes of a graph edge: `rel` counts the sentences of each relation of the pair."""
    ranked = sorted(rel.items(), key=_relation_sort)
    attrs = {
        "weight": weight,
        "relation": ranked[0][0],
        "relations": ";".join(f"{r}:{n}" for r, n in ranked),
        "n_docs": n_docs,
    }
    attrs.update({f"rel_{r}": int(rel.get(r, 0)) for r in all_relations})
    return attrs


def build_network(corpus, *, jurisdiction: str | Iterable[str] | None = None,
                  doc_id: str | Iterable[str] | None = None, keep_generic: bool = True,
                  lexicon: Lexicon | str | None = None) -> nx.Graph:
    """Build the deputy–station–agency network as a ``networkx.Graph``.

    Parameters
    ----------
    corpus : Corpus or an object with ``mentions`` and ``sentences``
    jurisdiction : str or list of str, optional
        Keep only the units of these jurisdictions (e.g. ``"集美区"``).
    doc_id : str or list of str, optional
        Keep only these documents.
    keep_generic : bool, default True
        False drops generic nodes (bare 人大代表, 承办单位, 人大, 代表联络站 …) and
        their edges. Relations are decided with all mentions present, so the
        edges between specific nodes are the same either way.
    lexicon : Lexicon, path or None
        Default: the corpus's lexicon, else the shipped one.

    Returns
    -------
    networkx.Graph
        Node attribute ``type`` in {deputy, station, agency, congress}; see the
        module docstring for every attribute. Graph attribute ``name``.

    Raises
    ------
    InvalidArgumentError
        If `jurisdiction` or `doc_id` has no mentions, or the corpus lacks a column.
    """
    lex = _lexicon(corpus, lexicon)
    nodes = network_nodes(corpus, lex, jurisdiction=jurisdiction, doc_id=doc_id)
    edges = network_edges(corpus, lex, jurisdiction=jurisdiction, doc_id=doc_id)
    name = "congress network"
    for arg in (jurisdiction, doc_id):
        if arg is not None:
            name += " — " + (arg if isinstance(arg, str) else ", ".join(map(str, arg)))
    if not keep_generic:
        name += " (specific actors)"
    return graph_from_tables(nodes, edges, name=name, keep_generic=keep_generic)


# --------------------------------------------------------------------------- streamed builds


def _sentence_number(doc_id: str, sent_id: str) -> int:
    """``k`` when `sent_id` is ``f"{doc_id}:{k}"`` (k a non-negative int), else -1."""
    head, colon, k = sent_id.rpartition(":")
    if colon and head == doc_id and k.isdigit() and k.isascii() and (k[0] != "0" or k == "0"):
        return int(k)
    return -1


def document_evidence(records: list[tuple]) -> tuple | None:
    """One document's records of :func:`sentence_evidence` in the compact form an
    :class:`EvidenceStore` adds (:meth:`EvidenceStore.add_document`); None for none.

    Made in the worker of a streamed build and kept in the cache: the parent
    then appends a few arrays per document instead of reading every record.
    The form is a tuple of plain values: ``(doc_id, unit ids, then per
    sentence its unit's position in them, the k of its id "doc_id:k" (-1 for
    another form of id), start and end, as array bytes; the other ids as
    (sentence, id); whether an id or a pair repeats; whether two sentences share
    a start; the (source, target, relation) keys; per key, its sentences as
    array bytes)``.
    """
    if not records:
        return None
    d = records[0][0]
    units: dict[str, int] = {}
    unit_no, nos, starts, ends = array("i"), array("q"), array("q"), array("q")
    odd: list[tuple[int, str]] = []
    groups: dict[tuple[str, str, str], array] = {}
    dup = ties = False
    seen_ids: set[str] = set()
    seen_starts: set[int] = set()
    for i, (doc, u, sid, a, b, pairs) in enumerate(records):
        if doc != d:
            raise InvalidArgumentError("document_evidence takes the records of one document.")
        unit_no.append(units.setdefault(u, len(units)))
        k = _sentence_number(d, sid)
        nos.append(k)
        if k < 0:
            odd.append((i, sid))
        if sid in seen_ids:
            dup = True
        seen_ids.add(sid)
        if a in seen_starts:
            ties = True
        seen_starts.add(a)
        starts.append(a)
        ends.append(b)
        if len(pairs) > 1 and len({(s, t) for s, t, _ in pairs}) < len(pairs):
            dup = True  # a pair twice in a sentence: it counts once in the graph
        for key in pairs:
            group = groups.get(key)
            if group is None:
                group = groups[key] = array("i")
            group.append(i)
    keys = tuple(groups)
    return (d, tuple(units), unit_no.tobytes(), nos.tobytes(), starts.tobytes(), ends.tobytes(), tuple(odd),
            dup, ties, keys, tuple(groups[k].tobytes() for k in keys))


class EvidenceStore:
    """The edge evidence of a streamed corpus, held compactly until the network is written.

    A streamed build (``congress-lib build``) adds the records of
    :func:`sentence_evidence` document by document; the store gives the rows of
    ``edges_from_evidence(evidence)`` (:meth:`edge_rows`) and the graph of
    ``graph_from_tables(nodes, edges)`` (:meth:`graph`) for the evidence rows
    :func:`edge_evidence` would give on the whole corpus -- the same values,
    without the evidence tables.

    Memory: one record per sentence in arrays (document and unit numbers, offsets;
    a sentence id ``"<doc_id>:<k>"`` is kept as ``k``) and, per (source, target,
    relation), an array of sentence numbers: a few bytes per (edge, sentence). The
    evidence JSON of an edge is made only when it is written.
    """

    def __init__(self) -> None:
        self._docs: list[str] = []
        self._doc_at: dict[str, int] = {}
        self._units: list[str] = []
        self._unit_at: dict[str, int] = {}
        # per sentence: document and unit numbers, k of the id "doc_id:k" (-1: the id is in _odd), offsets
        self._doc = array("i")
        self._unit = array("i")
        self._no = array("q")
        self._odd: dict[int, str] = {}
        self._start = array("q")
        self._end = array("q")
        self._groups: dict[tuple[str, str, str], array] = {}
        # A sentence id that may come twice is deduplicated as edges_from_evidence does (the last one
        # counts); two sentences of a document with one start are ordered by the full key. Neither
        # happens in a corpus (ids are "doc_id:k", documents come once).
        self._dup = False
        self._ties = False
        self._sorted = False
        self._items: dict[bool, list[str]] = {}  # each sentence's evidence JSON (CSV-quoted or not), once

    def __len__(self) -> int:
        """The number of edge table rows (source, target, relation)."""
        return len(self._groups)

    def add(self, records: Iterable[tuple]) -> None:
        """Add the records of :func:`sentence_evidence` (those of whole documents).

        Parameters
        ----------
        records : iterable of (doc_id, unit_id, sent_id, start, end, pairs)
            ``pairs``: (source, target, relation) tuples.
        """
        batch: list[tuple] = []
        for record in records:
            if batch and record[0] != batch[-1][0]:
                self.add_document(document_evidence(batch))
                batch = []
            batch.append(record)
        if batch:
            self.add_document(document_evidence(batch))

    def add_document(self, evidence: tuple | None) -> None:
        """Add one document's evidence in the form of :func:`document_evidence` (None: none).

        The arrays of the document are appended as they are; only its sentence
        numbers in each edge are shifted to the store's numbering.
        """
        if self._sorted:
            raise InvalidArgumentError("EvidenceStore.add after the edges were read.")
        if evidence is None:
            return
        d, units, unit_bytes, no_bytes, start_bytes, end_bytes, odd, dup, ties, keys, local_bytes = evidence
        di = self._doc_at.get(d)
        if di is None:
            di = self._doc_at[d] = len(self._docs)
            self._docs.append(d)
        else:  # the document came before: its sentences may repeat
            self._dup = self._ties = True
        self._dup = self._dup or dup or bool(odd)
        self._ties = self._ties or ties
        unit_at = self._unit_at
        unit_no = []
        for u in units:
            ui = unit_at.get(u)
            if ui is None:
                ui = unit_at[u] = len(self._units)
                self._units.append(u)
            unit_no.append(ui)
        n0 = len(self._start)
        local = array("i")
        local.frombytes(unit_bytes)
        self._unit.extend(map(unit_no.__getitem__, local))
        self._doc.extend(repeat(di, len(local)))
        self._no.frombytes(no_bytes)
        self._start.frombytes(start_bytes)
        self._end.frombytes(end_bytes)
        for i, sid in odd:
            self._odd[n0 + i] = sid
        groups = self._groups
        for key, raw in zip(keys, local_bytes):
            group = groups.get(key)
            if group is None:
                group = groups[key] = array("i")
            local = array("i")
            local.frombytes(raw)
            group.extend(map(n0.__add__, local) if n0 else local)

    # -- reading ---------------------------------------------------------------------------------

    def _sid(self, n: int) -> str:
        k = self._no[n]
        return f"{self._docs[self._doc[n]]}:{k}" if k >= 0 else self._odd[n]

    def _edge_key(self, n: int) -> tuple:
        """The order of evidence inside an edge table row (edges_from_evidence)."""
        return (self._docs[self._doc[n]], self._start[n], self._units[self._unit[n]], self._sid(n), self._end[n])

    def _sort(self) -> None:
        """Deduplicate and sort the sentences of every edge once, before reading."""
        if self._sorted:
            return
        self._sorted = True
        docs = self._docs
        self._enc_doc = [_json_string(d) for d in docs]
        self._open_doc = [d[:-1] + ":" for d in self._enc_doc]  # a sentence id "doc_id:k" is this + f'{k}"'
        self._enc_unit = [_json_string(u) for u in self._units]
        self._key = None
        if not self._ties and len(self._start):
            # one integer per sentence orders (document id, start): sentences of a document have distinct starts
            rank = array("q", bytes(8 * len(docs)))
            for r, di in enumerate(sorted(range(len(docs)), key=docs.__getitem__)):
                rank[di] = r
            lo = min(self._start)
            span = max(self._start) - lo + 1
            keys = (rank[d] * span + a - lo for d, a in zip(self._doc, self._start))
            self._key = array("q", keys) if len(docs) * span < 2 ** 62 else list(keys)
        for key, idx in self._groups.items():
            if self._dup:
                last = {}
                for n in idx:
                    last[self._sid(n)] = n  # the last sentence of an id counts
                idx = last.values()
            order = sorted(idx, key=self._key.__getitem__ if self._key is not None else self._edge_key)
            self._groups[key] = array("i", order)

    def _rows(self) -> list[tuple[str, str, str]]:
        """The (source, target, relation) of the edge table, in its order."""
        return sorted(self._groups, key=lambda k: (_node_sort_key(k[0]), _node_sort_key(k[1]), k[2]))

    def _n_docs(self, idx) -> int:
        return len(set(map(self._doc.__getitem__, idx)))

    def _n_docs_sorted(self, idx: array) -> int:
        """:meth:`_n_docs` of sentences sorted by document (as every row's are after :meth:`_sort`):
        the number of changes of document along them, counted by numpy."""
        if not len(idx):
            return 0
        docs = np.frombuffer(self._doc, dtype=np.int32)[np.frombuffer(idx, dtype=np.int32)]
        return int(np.count_nonzero(docs[1:] != docs[:-1])) + 1

    def edge_rows(self):
        """The rows of the edge table (:data:`EDGE_COLUMNS`), one (source, target, relation) at a time.

        Yields
        ------
        list
            Exactly the row of ``edges_from_evidence``; the evidence JSON is made
            for this row only (:meth:`edge_row_pieces` gives it in pieces).
        """
        for row, pieces in self.edge_row_pieces():
            yield [*row, "".join(pieces)]

    def edge_row_pieces(self, csv_quoted: bool = False):
        """Like :meth:`edge_rows`, the evidence JSON as an iterator of consecutive pieces.

        Parameters
        ----------
        csv_quoted : bool, default False
            True gives the JSON with every ``"`` doubled, as a CSV cell holds it
            between its own quotes.

        Yields
        ------
        (list, iterator of str)
            The first seven cells of the row, and the pieces of its evidence
            JSON, a few thousand sentences each, so that a writer never holds the
            evidence of a large edge at once.
        """
        self._sort()
        items = partial(self._edge_items, quoted=csv_quoted)
        for s, t, r in self._rows():
            idx = self._groups[(s, t, r)]
            row = [s, t, s.split(":", 1)[0], t.split(":", 1)[0], r, len(idx), self._n_docs_sorted(idx)]
            yield row, _json_list(items, idx)

    def _edge_items(self, ns, quoted: bool = False) -> str:
        """``json.dumps`` of the evidence objects of sentences `ns` in an edge table row, ", "-joined
        (``quoted``: with ``"`` doubled).

        A sentence is the evidence of every pair it joins: its JSON object is
        made once, the first time an edge asks for it.
        """
        items = self._items.get(quoted)
        if items is None:
            docs, opened, units = self._enc_doc, self._open_doc, self._enc_unit
            doc, unit, no, start, end, odd = self._doc, self._unit, self._no, self._start, self._end, self._odd
            items = [
                f'{{"doc_id": {docs[doc[n]]}, "unit_id": {units[unit[n]]}, "sent_id": '
                f'{opened[doc[n]] + str(no[n]) + chr(34) if no[n] >= 0 else _json_string(odd[n])}, '
                f'"start": {start[n]}, "end": {end[n]}}}' for n in range(len(start))]
            if quoted:
                items = [item.replace('"', '""') for item in items]
            self._items[quoted] = items
        if len(ns) == 1:
            return items[ns[0]]
        return ", ".join(itemgetter(*ns)(items))

    def _pair_counts(self, groups: list[tuple[str, array]]) -> tuple[int, int]:
        """``weight`` and ``n_docs`` of a graph edge whose rows are `groups`, (relation, sentences)
        pairs: its distinct sentences (a sentence gives a pair one relation) and their documents."""
        if not self._dup:
            docs: set[int] = set()
            for _, idx in groups:
                docs.update(map(self._doc.__getitem__, idx))
            return sum(len(idx) for _, idx in groups), len(docs)
        first: dict[str, int] = {}
        for _, idx in groups:
            for n in idx:
                first.setdefault(self._sid(n), n)
        return len(first), self._n_docs(first.values())

    def graph(self, nodes: pd.DataFrame, *, name: str = "congress network", keep_generic: bool = True) -> nx.Graph:
        """The graph of ``graph_from_tables(nodes, edges)`` for the edges of this store.

        Parameters
        ----------
        nodes : pandas.DataFrame
            From :func:`nodes_from_counts`.
        name, keep_generic
            As in :func:`graph_from_tables`.
        """
        self._sort()
        G, known = _node_graph(nodes, name, keep_generic)
        rows = self._rows()
        _check_endpoints({x for s, t, _ in rows for x in (s, t)}, known)
        pairs: dict[tuple[str, str], list] = {}
        for s, t, r in rows:
            if s in G and t in G:
                pairs.setdefault((s, t), []).append((r, self._groups[(s, t, r)]))
        all_relations = _all_relations(r for groups in pairs.values() for r, _ in groups)
        for (s, t), groups in pairs.items():  # already in type order (the rows are)
            weight, n_docs = self._pair_counts(groups)
            G.add_edge(s, t, **_edge_attrs({r: len(idx) for r, idx in groups}, weight, n_docs, all_relations))
        return G


def _json_string(value: str) -> str:
    """``json.dumps(value, ensure_ascii=False)`` of a string."""
    return json.encoder.encode_basestring(value)


#: Objects per piece of a JSON list made in pieces.
_PIECE_ITEMS = 2048


def _json_list(items, seq):
    """The pieces of a JSON list, `_PIECE_ITEMS` objects at a time: ``items(part)`` gives the
    ``", "``-joined JSON objects of a part (a list) of the iterable `seq`."""
    yield "["
    it = iter(seq)
    part = list(islice(it, _PIECE_ITEMS))
    if part:
        yield items(part)
        while part := list(islice(it, _PIECE_ITEMS)):
            yield ", " + items(part)
    yield "]"


# --------------------------------------------------------------------------- analysis


def _check_graph(G, what: str) -> None:
    if not isinstance(G, nx.Graph) or G.is_directed() or G.is_multigraph():
        raise InvalidArgumentError(
            f"{what} needs an undirected networkx.Graph (from cl.build_network); got {type(G).__name__}."
        )


def node_metrics(G: nx.Graph) -> pd.DataFrame:
    """Degree, weighted degree and betweenness of every node, with its attributes.

    Betweenness is exact (no sampling), normalised, and uses ``1 / weight`` as the
    length of an edge (a tie supported by more sentences is shorter), so it is
    deterministic; values are rounded to 6 decimals.

    Parameters
    ----------
    G : networkx.Graph
        From :func:`build_network`; it is not modified.

    Returns
    -------
    pandas.DataFrame
        Columns ``node, type, canonical, jurisdiction, level, branch, generic,
        mentions, degree, weighted_degree, betweenness``; sorted by weighted
        degree (descending), betweenness (descending), then node.
    """
    _check_graph(G, "node_metrics")
    H = nx.Graph()
    order = sorted(G.nodes, key=lambda n: _node_sort_key(str(n), G.nodes[n].get("type")))
    H.add_nodes_from(order)
    H.add_weighted_edges_from(
        ((u, v, 1.0 / float(d.get("weight", 1) or 1)) for u, v, d in G.edges(data=True)), weight="length"
    )
    betweenness = nx.betweenness_centrality(H, weight="length", normalized=True) if len(H) else {}
    rows = []
    for n in order:
        d = G.nodes[n]
        rows.append({
            "node": n, "type": d.get("type", ""), "canonical": d.get("canonical", str(n)),
            "jurisdiction": d.get("jurisdiction", ""), "level": d.get("level", ""), "branch": d.get("branch", ""),
            "generic": bool(d.get("generic", False)), "mentions": int(d.get("mentions", 0)),
            "degree": int(G.degree(n)), "weighted_degree": int(round(G.degree(n, weight="weight"))),
            "betweenness": round(float(betweenness.get(n, 0.0)), _DIGITS) + 0.0,
        })
    cols = ["node", "type", "canonical", "jurisdiction", "level", "branch", "generic", "mentions", "degree",
            "weighted_degree", "betweenness"]
    df = pd.DataFrame(rows, columns=cols)
    df = df.sort_values(["weighted_degree", "betweenness", "node"], ascending=[False, False, True],
                        kind="mergesort")
    return df.reset_index(drop=True)


_SUMMARY_COLUMNS = (["jurisdiction", "docs", "nodes", "edges", "density"] + [f"n_{t}" for t in TYPE_ORDER]
                    + [f"e_{a}_{b}" for a, b in _SUMMARY_PAIRS])


def jurisdiction_summary(corpus, *, keep_generic: bool = True,
                         lexicon: Lexicon | str | None = None) -> pd.DataFrame:
    """One network per jurisdiction: its size, nodes by type and edges by type pair.

    Parameters
    ----------
    corpus : Corpus or an object with ``mentions`` and ``sentences`` (and
        optionally ``units``, whose jurisdictions without mentions get a row of
        zeros)
    keep_generic : bool, default True
        Inside one jurisdiction a generic node (人大代表) does refer to that
        jurisdiction's deputies, so they are kept by default.
    lexicon : Lexicon, path or None

    Returns
    -------
    pandas.DataFrame
        Columns ``jurisdiction, docs, nodes, edges, density``, ``n_<type>`` per
        type and ``e_<type>_<type>`` per pair of types (in type order); one row
        per jurisdiction, sorted by name. Each row equals
        ``build_network(corpus, jurisdiction=j, keep_generic=keep_generic)``.
    """
    lex = _lexicon(corpus, lexicon)
    m = _mentions(corpus)
    names = set(m["jurisdiction"])
    units = getattr(corpus, "units", None)
    if isinstance(units, pd.DataFrame) and "jurisdiction" in units.columns:
        names |= {str(j) for j in _plain(units["jurisdiction"])}
    names.discard("")
    evidence = edge_evidence(corpus, lex)
    rows = []
    for jur in sorted(names):
        part = m[m["jurisdiction"] == jur]
        nodes = nodes_from_counts(mention_counts(part), lex)
        edges = edges_from_evidence(evidence[evidence["jurisdiction"] == jur])
        G = graph_from_tables(nodes, edges, keep_generic=keep_generic)
        types = nx.get_node_attributes(G, "type")
        row = {"jurisdiction": jur, "docs": int(part["doc_id"].nunique()), "nodes": G.number_of_nodes(),
               "edges": G.number_of_edges(),
               "density": round(nx.density(G), _DIGITS) if G.number_of_nodes() > 1 else 0.0}
        for t in TYPE_ORDER:
            row[f"n_{t}"] = sum(1 for v in types.values() if v == t)
        pair_counts = Counter(tuple(sorted((types[u], types[v]), key=_rank)) for u, v in G.edges())
        for a, b in _SUMMARY_PAIRS:
            row[f"e_{a}_{b}"] = pair_counts.get((a, b), 0)
        rows.append(row)
    df = pd.DataFrame(rows, columns=_SUMMARY_COLUMNS)
    ints = {c: "int64" for c in _SUMMARY_COLUMNS if c not in ("jurisdiction", "density")}
    return df.astype({**ints, "density": "float64"})


def project(G: nx.Graph, node_type: str, via_type: str, *, weight: str = "shared") -> nx.Graph:
    """Bipartite projection: `node_type` nodes linked through shared `via_type` nodes.

    ``project(G, "station", "deputy")`` links two stations when some deputy node
    is tied to both. Only the edges between the two types are used (the bipartite
    graph of ``networkx.algorithms.bipartite``); the input is not modified.

    Parameters
    ----------
    G : networkx.Graph
        With a node attribute ``type``.
    node_type, via_type : str
        Two different types of :data:`TYPE_ORDER`.
    weight : {"shared", "sentences"}, default "shared"
        The edge attribute ``weight`` of the projection: ``"shared"`` is the
        number of shared `via_type` neighbours
        (``bipartite.weighted_projected_graph``); ``"sentences"`` sums, over the
        shared neighbours, the smaller of the two edge weights (sentences that
        support the weaker of the two ties). Both are stored as ``shared`` and
        ``sentences``; ``via`` lists the shared neighbours (``;``-joined, sorted).

    Returns
    -------
    networkx.Graph
        Every `node_type` node of `G` (with its attributes), sorted; edges with
        ``weight``, ``shared``, ``sentences``, ``via``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_nodes_from(["s1", "s2"], type="station")
    >>> G.add_node("d1", type="deputy")
    >>> G.add_edges_from([("s1", "d1"), ("s2", "d1")], weight=1)
    >>> P = project(G, "station", "deputy")
    >>> P.edges["s1", "s2"]["weight"], P.edges["s1", "s2"]["via"]
    (1, 'd1')
    """
    _check_graph(G, "project")
    for t in (node_type, via_type):
        if t not in TYPE_ORDER:
            raise InvalidArgumentError(f"node types are {', '.join(TYPE_ORDER)}; got {t!r}.")
    if node_type == via_type:
        raise InvalidArgumentError(f"project needs two different node types; got {node_type!r} twice.")
    if weight not in ("shared", "sentences"):
        raise InvalidArgumentError(f"weight must be 'shared' or 'sentences', not {weight!r}.")
    types = nx.get_node_attributes(G, "type")
    top = sorted((n for n, t in types.items() if t == node_type), key=str)
    bottom = sorted((n for n, t in types.items() if t == via_type), key=str)
    B = nx.Graph()
    B.add_nodes_from(top, bipartite=0)
    B.add_nodes_from(bottom, bipartite=1)
    B.add_edges_from(sorted(((u, v) if types[u] == node_type else (v, u)
                             for u, v in G.edges() if {types.get(u), types.get(v)} == {node_type, via_type}),
                            key=lambda e: (str(e[0]), str(e[1]))))
    shared_graph = bipartite.weighted_projected_graph(B, top)

    def tie(u, x) -> float:
        return G.edges[u, x].get("weight", 1)

    def by_sentences(B_, u, v):
        return sum(min(tie(u, x), tie(v, x)) for x in set(B_[u]) & set(B_[v]))

    sentence_graph = bipartite.generic_weighted_projected_graph(B, top, weight_function=by_sentences)
    P = nx.Graph(name=f"{node_type} via {via_type}")
    for n in top:
        P.add_node(n, **G.nodes[n])
    for u, v in sorted((tuple(sorted(e, key=str)) for e in shared_graph.edges()),
                       key=lambda e: (str(e[0]), str(e[1]))):
        shared = int(shared_graph.edges[u, v]["weight"])
        sentences = sentence_graph.edges[u, v]["weight"]
        sentences = int(sentences) if float(sentences).is_integer() else float(sentences)
        P.add_edge(u, v, weight=shared if weight == "shared" else sentences, shared=shared, sentences=sentences,
                   via=";".join(sorted((str(x) for x in set(B[u]) & set(B[v])))))
    return P


def projection_edges(G: nx.Graph, node_type: str, via_type: str) -> pd.DataFrame:
    """The edges of :func:`project` as a tidy table.

    Parameters
    ----------
    G : networkx.Graph
    node_type, via_type : str

    Returns
    -------
    pandas.DataFrame
        Columns ``source, target, shared, sentences, via``; one row per projected
        edge (source < target), sorted by shared (descending), source, target.
    """
    P = project(G, node_type, via_type)
    rows = [[u, v, d["shared"], d["sentences"], d["via"]] for u, v, d in P.edges(data=True)]
    df = pd.DataFrame(rows, columns=["source", "target", "shared", "sentences", "via"])
    df = df.sort_values(["shared", "source", "target"], ascending=[False, True, True], kind="mergesort")
    return df.reset_index(drop=True)


# --------------------------------------------------------------------------- export

# Attribute names the GEXF writer consumes or reinterprets (node spells, edge type …).
_GEXF_RESERVED = {"node": {"id", "pid", "start", "end", "viz", "label"},
                  "edge": {"id", "type", "start", "end", "viz", "label"}}


def _scalar(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, str)):
        return value
    if hasattr(value, "item") and not isinstance(value, (list, tuple, dict, set)):
        return value.item()  # numpy scalar
    if isinstance(value, (set, frozenset)):
        value = sorted(value, key=str)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _unify(records: list[dict]) -> list[dict]:
    """Give each attribute one type across all records (GraphML/GEXF keys are typed)."""
    kinds: dict[str, set] = {}
    for r in records:
        for k, v in r.items():
            kinds.setdefault(k, set()).add(type(v))
    for k, ks in kinds.items():
        if len(ks) == 1:
            continue
        cast = float if ks <= {int, float} else str
        for r in records:
            if k in r:
                r[k] = cast(r[k])
    return records


def _scalar_copy(G: nx.Graph) -> nx.Graph:
    """A copy with nodes and edges in type order and scalar, consistently typed attributes."""
    H = nx.Graph()
    H.graph.update({str(k): str(_scalar(v)) for k, v in sorted(G.graph.items(), key=lambda kv: str(kv[0]))})
    order = sorted(G.nodes, key=lambda n: _node_sort_key(str(n), G.nodes[n].get("type")))
    position = {n: i for i, n in enumerate(order)}
    node_attrs = _unify([{str(k): _scalar(v) for k, v in sorted(G.nodes[n].items(), key=lambda kv: str(kv[0]))}
                         for n in order])
    for n, attrs in zip(order, node_attrs):
        H.add_node(n, **attrs)
    edges = sorted(((u, v) if position[u] <= position[v] else (v, u) for u, v in G.edges()),
                   key=lambda e: (position[e[0]], position[e[1]]))
    edge_attrs = _unify([{str(k): _scalar(v) for k, v in sorted(G.edges[u, v].items(), key=lambda kv: str(kv[0]))}
                         for u, v in edges])
    for (u, v), attrs in zip(edges, edge_attrs):
        H.add_edge(u, v, **attrs)
    return H


def write_network(G: nx.Graph, folder: str | Path) -> dict[str, Path]:
    """Write ``network.graphml`` and ``network.gexf`` (for Gephi) into `folder`.

    Nodes and edges are written in type order, attributes flattened to scalars
    (lists and dicts as JSON strings) with one type per attribute, and the GEXF
    ``lastmodifieddate`` is fixed to 1970-01-01, so the same graph always gives
    the same bytes. networkx reads both files back with the attributes intact
    (GEXF stores ``label`` as the node label and ``weight`` as a float). A graph
    from :func:`build_network` carries no evidence: its node keys are the
    ``source`` / ``target`` of the edge table, which holds it.

    Parameters
    ----------
    G : networkx.Graph
        Not modified.
    folder : str or pathlib.Path
        Created if missing.

    Returns
    -------
    dict
        ``{"graphml": Path, "gexf": Path}``.
    """
    _check_graph(G, "write_network")
    for kind, reserved in (("node", _GEXF_RESERVED["node"] - {"label"}),
                           ("edge", _GEXF_RESERVED["edge"])):
        items = G.nodes(data=True) if kind == "node" else ((e, d) for *e, d in G.edges(data=True))
        clash = sorted({k for _, d in items for k in d if k in reserved})
        if clash:
            raise InvalidArgumentError(
                f"{kind} attribute(s) {', '.join(clash)} have a fixed meaning in GEXF; rename them before writing."
            )
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    H = _scalar_copy(G)
    graphml, gexf = folder / "network.graphml", folder / "network.gexf"
    gml = "\n".join(nx.generate_graphml(H, encoding="utf-8", prettyprint=True)) + "\n"
    graphml.write_bytes(gml.encode("utf-8"))
    gml = None
    gxf = "\n".join(nx.generate_gexf(H, encoding="utf-8", prettyprint=True, version="1.2draft")) + "\n"
    gxf = re.sub(r'lastmodifieddate="[^"]*"', 'lastmodifieddate="1970-01-01"', gxf, count=1)
    gexf.write_bytes(gxf.encode("utf-8"))
    return {"graphml": graphml, "gexf": gexf}


# --------------------------------------------------------------------------- drawing


def _column_layout(H: nx.Graph, G: nx.Graph, strength: dict) -> dict:
    """Types in columns (deputy, station, agency, congress), strongest nodes at the top."""
    pos = {}
    present = [t for t in TYPE_ORDER if any(G.nodes[n].get("type") == t for n in H)]
    others = [n for n in H if G.nodes[n].get("type") not in TYPE_ORDER]
    columns = [[n for n in H if G.nodes[n].get("type") == t] for t in present] + ([others] if others else [])
    for x, members in enumerate(columns):
        members = sorted(members, key=lambda n: (-strength[n], str(n)))
        for i, n in enumerate(members):
            y = 1.0 - (i + 0.5) / len(members) * 2.0
            pos[n] = (float(x), y)
    return pos


def _spring_layout(H: nx.Graph, seed: int) -> dict:
    """Fruchterman–Reingold per connected component, components packed in rows.

    A single spring layout pushes small components to the margins and squeezes
    the large one; laying out each component alone (radius ~ sqrt(size)) and
    packing them, largest first, uses the page. NumPy only; deterministic for a
    fixed `seed` and node order.
    """
    order = {n: i for i, n in enumerate(H)}
    components = sorted((sorted(c, key=order.__getitem__) for c in nx.connected_components(H)),
                        key=lambda c: (-len(c), order[c[0]]))
    blocks = []
    for members in components:
        # the same typical edge length in every component: radius ~ sqrt(size)
        radius = 0.6 * len(members) ** 0.5 if len(members) > 2 else 0.3 * len(members)
        if len(members) == 1:
            local = {members[0]: (0.0, 0.0)}
        else:
            # an explicit graph in `members` order: a subgraph *view* of a small node
            # set iterates that set in hash order, which would make the layout vary
            # with PYTHONHASHSEED
            sub = nx.Graph()
            sub.add_nodes_from(members)
            inside = set(members)
            links = {tuple(sorted((a, b), key=order.__getitem__)): d
                     for a, b, d in H.edges(members, data=True) if a in inside and b in inside}
            sub.add_edges_from((a, b, links[a, b]) for a, b in sorted(links, key=lambda e: (order[e[0]], order[e[1]])))
            local = nx.spring_layout(sub, seed=seed, weight="weight", iterations=300, method="force",
                                     k=1.8 / len(members) ** 0.5, scale=radius)
            local = {n: (float(x), float(y)) for n, (x, y) in local.items()}
        blocks.append((local, radius))
    width = max(max((2 * r for _, r in blocks), default=1.0),
                1.3 * sum((2 * r) ** 2 for _, r in blocks) ** 0.5)
    pos, x, y, row = {}, 0.0, 0.0, 0.0
    gap = 0.6
    for local, radius in blocks:
        size = 2 * radius
        if x > 0 and x + size > width:
            x, y, row = 0.0, y - row - gap, 0.0
        cx, cy = x + radius, y - radius
        for n, (px, py) in local.items():
            pos[n] = (cx + px, cy + py)
        x += size + gap
        row = max(row, size)
    return pos


def draw_network(G: nx.Graph, ax=None, *, seed: int = 42, n_labels: int = 25, title: str | None = None,
                 isolates: bool = False, layout: str = "spring"):
    """Draw the network readably: types by colour and marker, Chinese labels.

    Node size grows with weighted degree; the `n_labels` nodes with the highest
    weighted degree are labelled with their canonical names in the bundled CJK
    font (:func:`congress_lib.plotting.use_cjk_font`, which sets matplotlib's
    rcParams). Generic nodes are drawn translucent.

    Parameters
    ----------
    G : networkx.Graph
        From :func:`build_network`; not modified.
    ax : matplotlib.axes.Axes, optional
        Default: a new 11 × 8.5 inch figure.
    seed : int, default 42
        Seed of the spring layout (same graph and seed → same picture).
    n_labels : int, default 25
        How many nodes to label.
    title : str, optional
        Default: the graph's ``name``.
    isolates : bool, default False
        Draw nodes without edges.
    layout : {"spring", "columns"}, default "spring"
        ``"spring"``: Fruchterman–Reingold with fixed `seed` (NumPy only), one
        connected component at a time, components packed largest first;
        ``"columns"``: one column per type in :data:`TYPE_ORDER`, nodes ordered by
        weighted degree.

    Returns
    -------
    matplotlib.figure.Figure
    """
    _check_graph(G, "draw_network")
    if layout not in ("spring", "columns"):
        raise InvalidArgumentError(f"layout must be 'spring' or 'columns', not {layout!r}.")
    from . import plotting

    plotting.use_cjk_font()
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    if ax is None:
        fig, ax = plt.subplots(figsize=(11, 8.5))
    else:
        fig = ax.figure
    nodes = sorted((n for n in G.nodes if isolates or G.degree(n) > 0),
                   key=lambda n: _node_sort_key(str(n), G.nodes[n].get("type")))
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from(sorted(((u, v, {"weight": G.edges[u, v].get("weight", 1)}) for u, v in G.edges
                             if u in H and v in H), key=lambda e: (str(e[0]), str(e[1]))))
    strength = {n: G.degree(n, weight="weight") for n in nodes}
    if layout == "columns":
        pos = _column_layout(H, G, strength)
    else:
        pos = _spring_layout(H, seed)
    widths = [0.4 + 0.5 * min(H.edges[u, v]["weight"], 8) for u, v in H.edges]
    if H.number_of_edges():
        nx.draw_networkx_edges(H, pos, ax=ax, width=widths, edge_color="#9a9a9a", alpha=0.5)
    handles = []
    for t in [*TYPE_ORDER, None]:
        members = [n for n in nodes if (G.nodes[n].get("type") == t if t else G.nodes[n].get("type") not in _RANK)]
        if not members:
            continue
        style = plotting.TYPE_STYLE.get(t, {"color": "#777777", "marker": "o", "label": "other"})
        for generic in (False, True):
            part = [n for n in members if bool(G.nodes[n].get("generic", False)) == generic]
            if part:
                nx.draw_networkx_nodes(H, pos, nodelist=part, ax=ax, node_color=style["color"],
                                       node_shape=style["marker"], node_size=[40 + 30 * strength[n] for n in part],
                                       edgecolors="white", linewidths=0.6, alpha=0.6 if generic else 0.95)
        handles.append(Line2D([], [], marker=style["marker"], color="none", markerfacecolor=style["color"],
                              markeredgecolor="white", markersize=9, label=f"{style['label']} ({len(members)})"))
    top = sorted(nodes, key=lambda n: (-strength[n], str(n)))[:max(int(n_labels), 0)]
    if top:
        nx.draw_networkx_labels(H, pos, labels={n: G.nodes[n].get("canonical", str(n)) for n in top}, ax=ax,
                                font_size=8, font_family=plt.rcParams["font.family"],
                                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
    if handles:
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=len(handles), frameon=False)
    ax.set_title(title if title is not None else G.graph.get("name", ""))
    ax.set_axis_off()
    return fig
