"""The deputy–station–agency network (docs/codebook.md §4).

Conventions
-----------
**Nodes** (:mod:`~congress_lib.network.nodes`). A node is a canonical entity,
the pair (type, canonical name) of its mentions, keyed as the string
``"type:canonical"`` (e.g. ``"agency:集美区人民法院"``): canonical names of
different types may coincide, so the type is part of the key. Node attributes:

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

**Edges** (:mod:`~congress_lib.network.relations`). Two nodes of *different*
types mentioned in one sentence are joined, unless the sentence names more than
:data:`MAX_SENTENCE_NODES` distinct nodes (a list, not an account of actors
working together). Edges are undirected; the endpoints are ordered by the fixed
type order :data:`TYPE_ORDER` (deputy, station, agency, congress), then by key.
The ``relation`` of a (pair, sentence) comes from the nearest trigger word of
the lexicon in the clause of either mention (``co_mention`` when none).

**Evidence** (:mod:`~congress_lib.network.evidence`). The edge table
(:func:`network_edges`) has one row per (source, target, relation); ``weight``
is the number of distinct sentences, ``evidence`` a JSON string holding a list
of ``{"doc_id", "unit_id", "sent_id", "start", "end"}`` objects, one per
sentence. :func:`edge_evidence` gives the same as a tidy table, one row per
(edge, sentence), with the trigger and the sentence text. One aggregator, the
:class:`EvidenceStore`, makes the edges of every path.

**Graph** (:mod:`~congress_lib.network.graph`). In the graph
(:func:`build_network`) an edge aggregates its relations: ``weight``,
``relation`` (the most frequent), ``relations`` (``"督办:2;co_mention:1"``), one
integer ``rel_<relation>`` per relation present anywhere in the graph, and
``n_docs``. The evidence stands once, in the edge table.

**Building blocks.** The tables compose: :func:`mention_counts` (mergeable
across batches: concatenate and sum) → :func:`nodes_from_counts`;
:func:`edge_evidence` (per document or batch) → :func:`edges_from_evidence`;
both → :func:`graph_from_tables`; :func:`build_network` gives the graph of this
chain. A streamed build (``congress-lib build``) runs the same rule without
tables: :func:`sentence_evidence` on each document's plain rows, in the compact
form of :func:`document_evidence`, gathered in an :class:`EvidenceStore`, which
gives the rows of the edge table (each edge's evidence JSON made only as it is
written) and, with the node table, the graph (:func:`graph_from_store`).

**Reading and writing** the graph: :mod:`~congress_lib.network.metrics`
(centralities, one network per jurisdiction, projections),
:mod:`~congress_lib.network.io` (GraphML and GEXF files),
:mod:`~congress_lib.network.drawing` (matplotlib; never imported by graph code).

All functions take a corpus (any object with a ``mentions`` table or method and
a ``sentences`` table, see :data:`MENTION_COLUMNS`) or a graph, and return new
objects; inputs are never modified.
"""

from __future__ import annotations

from .drawing import draw_network
from .evidence import (
    EDGE_COLUMNS,
    EVIDENCE_COLUMNS,
    EvidenceStore,
    corpus_evidence,
    document_evidence,
    edge_evidence,
    edges_from_evidence,
    network_edges,
    sentence_evidence,
)
from .graph import build_network, graph_from_store, graph_from_tables
from .inputs import MENTION_COLUMNS, SENTENCE_COLUMNS
from .io import write_network
from .keys import CO_MENTION, TYPE_ORDER, node_key
from .metrics import jurisdiction_summary, node_metrics, project, projection_edges
from .nodes import NODE_COLUMNS, is_generic, mention_counts, network_nodes, nodes_from_counts
from .relations import MAX_SENTENCE_NODES

__all__ = [
    "TYPE_ORDER",
    "CO_MENTION",
    "MAX_SENTENCE_NODES",
    "MENTION_COLUMNS",
    "SENTENCE_COLUMNS",
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
    "corpus_evidence",
    "edges_from_evidence",
    "network_edges",
    "graph_from_store",
    "graph_from_tables",
    "build_network",
    "node_metrics",
    "jurisdiction_summary",
    "project",
    "projection_edges",
    "write_network",
    "draw_network",
]
