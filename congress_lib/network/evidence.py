"""The evidence of the network's edges, and the one place where it is aggregated.

Evidence runs in three steps, the same for every path:

1. **per sentence**: the mentions of a sentence and the rule of
   :mod:`~congress_lib.network.relations` give its pairs of nodes, each with a
   relation (:func:`sentence_evidence` on plain rows, :func:`edge_evidence` as a
   tidy table with the trigger and the sentence text);
2. **per document**: a document's sentence records in a compact form
   (:func:`document_evidence`: a few arrays and the edge keys), what the worker
   of a streamed build hands to the parent;
3. **aggregated**: an :class:`EvidenceStore` gathers them and gives the edge
   table, one row per (source, target, relation) with its sentences
   (:meth:`EvidenceStore.edge_rows`, :meth:`EvidenceStore.edge_table`), and the
   graph edges per pair of nodes (:meth:`EvidenceStore.pairs`).

The store is the only aggregator: the streamed build (``congress-lib build``)
fills it document by document; :func:`network_edges` and
:func:`~congress_lib.network.graph.build_network` fill it from a corpus in memory
(:func:`corpus_evidence`); :func:`edges_from_evidence` from evidence rows and
:func:`~congress_lib.network.graph.graph_from_tables` from an edge table read
back (:meth:`EvidenceStore.of_evidence`, :meth:`EvidenceStore.of_edges`).

**The edge table** (:data:`EDGE_COLUMNS`) has one row per (source, target,
relation); ``weight`` is the number of distinct sentences, ``n_docs`` of their
documents, ``evidence`` a JSON string (CSV-friendly) holding a list of
``{"doc_id", "unit_id", "sent_id", "start", "end"}`` objects, one per sentence,
with the *sentence's* document offsets, sorted by document and offset. Edges are
undirected; the endpoints are ordered by the fixed type order, then by key, and
so are the rows (then by relation).
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterable
from functools import partial
from itertools import islice, repeat
from operator import itemgetter

import numpy as np
import pandas as pd

from ..errors import InvalidArgumentError
from ..resources import Lexicon, load_lexicon
from .inputs import SENTENCE_COLUMNS, cell_text, corpus_lexicon, corpus_mentions, corpus_table, plain_values
from .keys import RANK, TYPE_ORDER, node_key, node_sort_key
from .nodes import mode, network_nodes
from .relations import RelationRules, relation_rules, sentence_pairs

__all__ = ["EDGE_COLUMNS", "EVIDENCE_COLUMNS", "sentence_evidence", "edge_evidence", "document_evidence",
           "EvidenceStore", "corpus_evidence", "edges_from_evidence", "network_edges"]

#: Columns of :func:`network_edges`.
EDGE_COLUMNS = ["source", "target", "source_type", "target_type", "relation", "weight", "n_docs", "evidence"]
#: Columns of :func:`edge_evidence`.
EVIDENCE_COLUMNS = ["source", "target", "source_type", "target_type", "relation", "trigger", "doc_id", "unit_id",
                    "jurisdiction", "sent_id", "start", "end", "trigger_start", "trigger_end", "sentence"]
_EVIDENCE_DTYPES = {"start": "int64", "end": "int64", "trigger_start": "int64", "trigger_end": "int64"}
_EDGE_DTYPES = {"weight": "int64", "n_docs": "int64"}

# --------------------------------------------------------------------------- per sentence


def _joining(by_sentence: dict[str, list[tuple]]) -> set[str]:
    """The sentences of `by_sentence` (sentence id -> its mentions) that hold mentions of two types."""
    return {sid for sid, ms in by_sentence.items() if len(ms) >= 2 and len({m[0] for m in ms}) >= 2}


def _joined_sentences(by_sentence: dict[str, list[tuple]], wanted: set[str], sentences: Iterable[tuple],
                    rules: RelationRules) -> list[tuple]:
    """The sentences that join a pair, each with its pairs: the one reading of sentences and mentions.

    Parameters
    ----------
    by_sentence : dict
        Sentence id -> its mentions, ``(type, canonical, start, end)`` (document offsets).
    wanted : set of str
        :func:`_joining` of `by_sentence`.
    sentences : iterable of (sent_id, doc_id, unit_id, start, end, text)
        Cells as they are (missing text read as ``""``); others than `wanted` are skipped.
    rules : RelationRules

    Returns
    -------
    list of tuple
        ``(sent_id, doc_id, unit_id, start, end, text, pairs)`` in the order of
        `sentences` (a sentence id given twice: at its first place, with its last row), for each sentence
        whose :func:`~congress_lib.network.relations.sentence_pairs` are not empty.

    Raises
    ------
    InvalidArgumentError
        If a sentence of `wanted` is not in `sentences`.
    """
    info = {}
    for sid, d, u, s, e, text in sentences:
        if sid.__class__ is not str:
            sid = cell_text(sid)
        if sid in wanted:
            info[sid] = (cell_text(d), cell_text(u), int(s), int(e), cell_text(text))
    missing = sorted(wanted - set(info))
    if missing:
        raise InvalidArgumentError(
            f"{len(missing)} sentence(s) holding mentions of two types are missing from the sentences "
            f"(e.g. {missing[0]!r}); pass the sentences the mentions were extracted from."
        )
    out = []
    for sid, (d, u, s, e, text) in info.items():
        pairs = sentence_pairs(rules, text, s, by_sentence[sid])
        if pairs:
            out.append((sid, d, u, s, e, text, pairs))
    return out


def sentence_evidence(mentions: Iterable[tuple], sentences: Iterable[tuple],
                      lexicon: Lexicon | str | None = None) -> list[tuple]:
    """The edge evidence of plain rows, sentence by sentence: what a streamed build needs.

    The sentences of :func:`edge_evidence` without DataFrames, for the worker of
    a streamed build (a batch of documents at a time): the pairs and their
    relations are made by the same code, and an :class:`EvidenceStore` makes
    the edges of all.

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
        :data:`~congress_lib.network.relations.MAX_SENTENCE_NODES` nodes), in
        the order of `sentences`; ``pairs`` is a tuple of ``(source, target,
        relation)``, one per pair of nodes of different types.

    Raises
    ------
    InvalidArgumentError
        If such a sentence is not in `sentences`.
    """
    by_sentence: dict[str, list[tuple]] = {}
    for sent_id, t, c, s, e in mentions:
        if sent_id.__class__ is not str or t.__class__ is not str or c.__class__ is not str:
            sent_id, t, c = cell_text(sent_id), cell_text(t), cell_text(c)
        if s.__class__ is not int or e.__class__ is not int:
            s, e = int(s), int(e)
        ms = by_sentence.get(sent_id)
        if ms is None:
            by_sentence[sent_id] = [(t, c, s, e)]
        else:
            ms.append((t, c, s, e))
    wanted = _joining(by_sentence)
    if not wanted:
        return []
    joined = _joined_sentences(by_sentence, wanted, sentences, relation_rules(load_lexicon(lexicon)))
    return [(d, u, sid, s, e, tuple((a, b, r) for a, b, _, _, r, _, _, _ in pairs))
            for sid, d, u, s, e, _, pairs in joined]


def _corpus_pairs(corpus, lex: Lexicon, jurisdiction, doc_id) -> list[tuple]:
    """:func:`_joined_sentences` of a corpus's mentions (of some jurisdictions / documents), sorted by
    document, start and id, each with the jurisdiction of the sentence: the most frequent of its
    nodes, each counted by its first mention."""
    m = corpus_mentions(corpus, jurisdiction, doc_id)
    sentences = corpus_table(corpus, "sentences", SENTENCE_COLUMNS)
    rules = relation_rules(lex)
    by_sentence: dict[str, list[tuple]] = {}
    where: dict[str, list[str]] = {}
    cols = ("sent_id", "type", "canonical", "start", "end", "jurisdiction")
    for sent_id, t, c, s, e, j in zip(*(m[col].tolist() for col in cols)):
        by_sentence.setdefault(sent_id, []).append((t, c, int(s), int(e)))
        where.setdefault(sent_id, []).append(j)
    wanted = _joining(by_sentence)
    if not wanted:
        return []
    sent = sentences[sentences["sent_id"].astype(str).isin(wanted)]
    out = []
    for joined in _joined_sentences(by_sentence, wanted, zip(*(plain_values(sent[col]) for col in SENTENCE_COLUMNS)),
                                  rules):
        sid = joined[0]
        first: dict[str, str] = {}  # the jurisdiction of each node's first mention
        for (t, c, _, _), j in zip(by_sentence[sid], where[sid]):
            first.setdefault(node_key(t, c), j)
        out.append((*joined, mode(first.values())))
    out.sort(key=lambda x: (x[1], x[3], x[0]))
    return out


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
        relation, ``""`` for co_mention), doc_id, unit_id, jurisdiction (the most
        frequent jurisdiction of the sentence's nodes, each counted by its first
        mention), sent_id, start, end (document offsets of the sentence),
        trigger_start, trigger_end (document offsets of the trigger, -1 for
        co_mention), sentence (its text). Sorted by source, target (in type
        order), relation, doc_id, start.
    """
    rows = []
    for sid, d, u, s, e, text, pairs, jur in _corpus_pairs(corpus, corpus_lexicon(corpus, lexicon), jurisdiction,
                                                             doc_id):
        for a, b, ta, tb, relation, trigger, t_start, t_end in pairs:
            rows.append([a, b, ta, tb, relation, trigger, d, u, jur, sid, s, e, t_start, t_end, text])
    if not rows:
        return _empty(EVIDENCE_COLUMNS, _EVIDENCE_DTYPES)
    rank, other = RANK.get, len(TYPE_ORDER)
    rows.sort(key=lambda r: (rank(r[2], other), r[0], rank(r[3], other), r[1], r[4], r[6], r[10], r[9]))
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS).astype(_EVIDENCE_DTYPES)


def _empty(columns: list[str], dtypes: dict) -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series([], dtype="object") for c in columns})
    return df.astype(dtypes)


# --------------------------------------------------------------------------- per document and aggregated


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
    """The edge evidence of a corpus, held compactly: the one aggregator of the network.

    Sentence records (:func:`sentence_evidence`) are added document by document
    (:meth:`add`, :meth:`add_document`); the store gives the rows of the edge
    table (:meth:`edge_rows`, :meth:`edge_row_pieces`, :meth:`edge_table`) and
    the graph edges of each pair of nodes (:meth:`pairs`). A streamed build
    (``congress-lib build``) fills it from its workers; :func:`corpus_evidence`
    from a corpus in memory; :meth:`of_evidence` and :meth:`of_edges` from
    evidence rows and an edge table. A sentence id added twice counts once, its
    last record (the sentences of a document that comes twice count once).

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
        # A sentence id that comes twice counts once, its last record; two sentences of a document
        # with one start are ordered by the full key. Neither happens in the records of a corpus (ids
        # are "doc_id:k", documents come once), only in evidence rows (one record per edge).
        self._dup = False
        self._ties = False
        self._sorted = False
        self._items: dict[bool, list[str]] = {}  # each sentence's evidence JSON (CSV-quoted or not), once

    @classmethod
    def of_evidence(cls, evidence: pd.DataFrame) -> EvidenceStore:
        """The store of evidence rows: those of :func:`edge_evidence`, possibly concatenated over batches.

        Only the columns source, target, relation, doc_id, unit_id, sent_id,
        start, end are read. A row is a sentence's evidence for one edge; a
        sentence id that comes twice for an edge counts once, its last row.
        """
        store = cls()
        if evidence is not None and len(evidence):
            cols = ["source", "target", "relation", "doc_id", "unit_id", "sent_id", "start", "end"]
            store._add_rows(zip(*(plain_values(evidence[c]) for c in cols)))
        return store

    @classmethod
    def of_edges(cls, edges: pd.DataFrame) -> EvidenceStore:
        """The store of an edge table (:data:`EDGE_COLUMNS`), its evidence JSON read back.

        Only the columns source, target, relation and evidence (a JSON string or
        a list of ``{"doc_id", "unit_id", "sent_id", "start", "end"}`` objects)
        are read.
        """
        store = cls()

        def rows():
            for s, t, r, ev in zip(*(plain_values(edges[c]) for c in ("source", "target", "relation", "evidence"))):
                for e in json.loads(ev) if isinstance(ev, str) else list(ev):
                    yield s, t, r, e["doc_id"], e["unit_id"], e["sent_id"], e["start"], e["end"]

        if len(edges):
            store._add_rows(rows())
        return store

    def _add_rows(self, rows: Iterable[tuple]) -> None:
        """Add (source, target, relation, doc_id, unit_id, sent_id, start, end) rows, each a
        sentence record of its own (in the order given: the last of a sentence id counts)."""
        self.add((str(d), str(u), str(sid), int(a), int(b), ((str(s), str(t), str(r)),))
                 for s, t, r, d, u, sid, a, b in rows)

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
        """The order of evidence inside an edge table row: document, start, unit, id, end."""
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
        return sorted(self._groups, key=lambda k: (node_sort_key(k[0]), node_sort_key(k[1]), k[2]))

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
            One row of the edge table; its evidence JSON is made for this row
            only (:meth:`edge_row_pieces` gives it in pieces).
        """
        for row, pieces in self.edge_row_pieces():
            yield [*row, "".join(pieces)]

    def edge_table(self) -> pd.DataFrame:
        """The edge table: :meth:`edge_rows` as a DataFrame (:data:`EDGE_COLUMNS`)."""
        rows = list(self.edge_rows())
        if not rows:
            return _empty(EDGE_COLUMNS, _EDGE_DTYPES)
        return pd.DataFrame(rows, columns=EDGE_COLUMNS).astype(_EDGE_DTYPES)

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

    def pairs(self):
        """The graph edges this evidence makes, in the order of the edge table.

        Yields
        ------
        tuple
            ``(source, target, relations, weight, n_docs)`` per pair of nodes:
            ``relations`` maps each relation of the pair to its number of
            sentences, ``weight`` counts the pair's distinct sentences (a
            sentence gives a pair one relation) and ``n_docs`` their documents.
        """
        self._sort()
        by_pair: dict[tuple[str, str], list] = {}
        for s, t, r in self._rows():
            by_pair.setdefault((s, t), []).append((r, self._groups[(s, t, r)]))
        for (s, t), groups in by_pair.items():
            weight, n_docs = self._pair_counts(groups)
            yield s, t, {r: len(idx) for r, idx in groups}, weight, n_docs


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


# --------------------------------------------------------------------------- edge tables


def corpus_evidence(corpus, lexicon: Lexicon | str | None = None, *,
                    jurisdiction: str | Iterable[str] | None = None,
                    doc_id: str | Iterable[str] | None = None) -> EvidenceStore:
    """The evidence of a corpus in memory (of some jurisdictions / documents), in an :class:`EvidenceStore`.

    Parameters
    ----------
    corpus : Corpus or an object with ``mentions`` and ``sentences``
    lexicon : Lexicon, path or None
        Default: the corpus's lexicon, else the shipped one.
    jurisdiction, doc_id : str or list of str, optional
        Keep only the mentions of these jurisdictions / documents.
    """
    store = EvidenceStore()
    store.add((d, u, sid, s, e, tuple((a, b, r) for a, b, _, _, r, _, _, _ in pairs))
              for sid, d, u, s, e, _, pairs, _ in _corpus_pairs(corpus, corpus_lexicon(corpus, lexicon),
                                                                jurisdiction, doc_id))
    return store


def edges_from_evidence(evidence: pd.DataFrame) -> pd.DataFrame:
    """Aggregate evidence rows into the edge table.

    Parameters
    ----------
    evidence : pandas.DataFrame
        From :func:`edge_evidence` (possibly concatenated over batches); only the
        columns source, target, relation, doc_id, unit_id, sent_id, start, end are
        read.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`EDGE_COLUMNS`; one row per (source, target, relation),
        ``weight`` = distinct sentences, ``n_docs`` = distinct documents,
        ``evidence`` = JSON list of ``{"doc_id", "unit_id", "sent_id", "start",
        "end"}`` sorted by document and offset. Sorted by source, target (type
        order), relation.
    """
    return EvidenceStore.of_evidence(evidence).edge_table()


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
        sentences), n_docs, evidence (JSON string, see the module docstring);
        ``edges_from_evidence(edge_evidence(corpus, ...))``.

    Examples
    --------
    >>> import congress_lib as cl
    >>> edges = cl.network_edges(cl.load_corpus("corpus"))  # doctest: +SKIP
    """
    edges = corpus_evidence(corpus, lexicon, jurisdiction=jurisdiction, doc_id=doc_id).edge_table()
    if not keep_generic and len(edges):
        nodes = network_nodes(corpus, lexicon, jurisdiction=jurisdiction, doc_id=doc_id)
        generic = set(nodes.loc[nodes["generic"], "node"])
        keep = ~(edges["source"].isin(generic) | edges["target"].isin(generic))
        edges = edges[keep].reset_index(drop=True)
    return edges
