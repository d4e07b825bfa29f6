"""Which mentions of a sentence are related, and by which trigger word.

Two nodes of *different* types mentioned in one sentence are joined. A sentence
that names more than :data:`MAX_SENTENCE_NODES` distinct nodes is a list or a
flattened table, not an account of actors working together: it joins no pair
(its mentions still count for the nodes). Co-authorship networks leave out
"hyperauthored" papers for the same reason; without the bound, one such
sentence of *n* actors would add n²/4 edges.

The ``relation`` of a (pair, sentence) comes from the trigger words of that
sentence (``lexicon/relation_triggers.yaml``; traditional-character variants
are derived automatically):

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

The rules of ``relation_triggers.yaml`` (trigger words, clause marks, the
generic-node patterns) are compiled once per lexicon version
(:func:`relation_rules`, through :func:`congress_lib.resources.compiled`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import LexiconError
from ..resources import Lexicon, compiled
from ..text import TRADITIONAL, opencc
from .keys import CO_MENTION, RANK, TYPE_ORDER

__all__ = ["MAX_SENTENCE_NODES", "RelationRules", "relation_rules", "sentence_pairs", "nearest_trigger",
           "TriggerIndex"]

#: A sentence naming more distinct nodes than this joins no pair (see the module
#: docstring). The bundled reports name at most 8 in a sentence.
MAX_SENTENCE_NODES = 40


@dataclass(frozen=True)
class RelationRules:
    """The compiled rules of ``relation_triggers.yaml``."""

    trigger_re: re.Pattern | None
    relation_of: dict  # trigger word -> relation
    order: dict  # relation -> rank in the lexicon
    generic_re: dict  # type -> compiled pattern
    clause_marks: frozenset  # characters that end a clause
    clause_re: re.Pattern | None  # one clause mark (None: the lexicon names none)


def _traditional_variants(words: Iterable[str]) -> list[str]:
    """The traditional-character forms of simplified words (OpenCC s2t, s2tw, s2hk)."""
    words = list(words)
    return [opencc(config).convert(w) for config in TRADITIONAL for w in words]


def _strings(value, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(f"relation_triggers.yaml: {where} must be a list of non-empty strings; got {value!r}.")
    return value


def relation_rules(lexicon: Lexicon) -> RelationRules:
    """The rules of the lexicon's ``relation_triggers.yaml``, compiled once per lexicon version.

    Raises
    ------
    LexiconError
        If the file is malformed.
    """
    return compiled(lexicon, "network.relation_rules", lambda: _compile(lexicon))


def _compile(lexicon: Lexicon) -> RelationRules:
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
    return RelationRules(trigger_re, relation_of, order, generic_re, frozenset(marks), clause_re)


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


def sentence_pairs(rules: RelationRules, text: str, offset: int, mentions) -> list[tuple]:
    """The pairs of nodes of different types mentioned in one sentence, each with its relation.

    This is the rule of the module docstring; every evidence of the network
    (:mod:`congress_lib.network.evidence`) is made by it.

    Parameters
    ----------
    rules : RelationRules
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
    rank, other = RANK.get, len(TYPE_ORDER)
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
    index = TriggerIndex(triggers) if triggers else None
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


def nearest_trigger(triggers: list[tuple], lo: int, hi: int, c_lo: int, c_hi: int) -> tuple | None:
    """The trigger that speaks about a pair spanning ``lo``–``hi`` (the rule, read plainly).

    ``triggers``: ``(start, end, word, relation, rank, clause)``. Among the
    triggers in clause ``c_lo`` or ``c_hi``, the one nearest to the span (the
    characters between them; 0 when they overlap), then the relation listed first
    in the lexicon, then the leftmost. :class:`TriggerIndex` gives the same
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


class TriggerIndex:
    """:func:`nearest_trigger` in logarithmic time, for the triggers of one sentence.

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
