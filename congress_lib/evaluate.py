"""Validation against hand-coded gold annotations.

Gold files (``corpus/annotations/<doc_id>.json``, format in
``corpus/annotations/GUIDELINES.md``) are coded by reading the reports against the
codebook (``docs/codebook.md``). :func:`evaluate` compares the extractor's tables
with them, document by document, as multisets:

* **indicators** match on (value, unit, indicator code): a right number with the
  wrong code is both a miss and a false hit, as it would be in a paper;
* **quantities** (the same rows, ignoring the code) show how much of the error is
  number detection rather than coding;
* **mentions** match by position: a gold mention is found in the text (the
  sentence excerpt the coder wrote, then the surface inside it) and matches an
  extracted mention of the same type whose span overlaps it, one to one (the
  pairs with the largest overlap first); among matched mentions the share whose
  canonical name also agrees is reported as ``canonical_agreement``. A gold
  mention that cannot be found in the text is a miss, listed with error
  ``unlocated``;
* **mentions_by_surface**, the older figure, matches mentions as multisets of
  (type, surface), wherever they stand;
* :func:`agreement` compares two coders' annotations of the same documents the
  same way (inter-coder agreement: the ceiling an extractor's F1 is read against);
* an indicator that the gold codes with two rates (``also``: one percentage that
  is, say, both a completion and a satisfaction rate) matches an extracted row with
  either code.

Precision = matched / extracted, recall = matched / gold, F1 their harmonic mean,
per table, per indicator code and per mention type, with every miss and false hit
listed so that a researcher can see exactly what is wrong.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import AnnotationError, InvalidArgumentError
from .ingest import fold_width, strip_pinyin, to_simplified
from .quantities import QuantityFinder
from .text import TONE_CONSONANTS, TONE_VOWELS

__all__ = ["Evaluation", "agreement", "evaluate", "load_annotations"]


def load_annotations(folder: str | Path) -> dict[str, dict]:
    """Read every ``<doc_id>.json`` gold file in ``folder``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise AnnotationError(f"annotations folder {str(folder)!r} does not exist; pass the folder of gold JSON files.")
    gold = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise AnnotationError(f"{path.name} is not valid UTF-8 JSON ({exc}); fix or remove it.") from exc
        for key in ("doc_id", "indicators", "mentions"):
            if key not in data:
                raise AnnotationError(f"{path.name} has no {key!r}; see annotations/GUIDELINES.md for the format.")
        gold[data["doc_id"]] = data
    if not gold:
        raise AnnotationError(f"no gold files (*.json) in {str(folder)!r}.")
    return gold


def _value(v) -> float | None:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return None
    return round(float(v), 4)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


@dataclass
class Evaluation:
    """Result of :func:`evaluate`.

    Attributes
    ----------
    summary : one row per (table, category) with tp, fp, fn, precision, recall,
        f1; category ``all`` is the micro-average of the table.
    errors : one row per miss (in gold, not extracted) or false hit (extracted,
        not in gold) with its document, key and evidence.
    canonical : per mention type, matched mentions and the share whose canonical
        name agrees with the gold.
    per_document : the counts of ``summary`` per document (doc_id, table,
        category, tp, fp, fn): what :meth:`intervals` resamples.
    """

    summary: pd.DataFrame
    errors: pd.DataFrame
    canonical: pd.DataFrame
    per_document: pd.DataFrame

    def f1(self, table: str, category: str = "all") -> float:
        row = self.summary[(self.summary["table"] == table) & (self.summary["category"] == category)]
        if row.empty:
            raise InvalidArgumentError(f"no result for table {table!r}, category {category!r}.")
        return float(row["f1"].iloc[0])

    def intervals(self, n: int = 2000, level: float = 0.95, seed: int = 0) -> pd.DataFrame:
        """Bootstrap confidence intervals of precision, recall and F1, resampling documents.

        The gold's documents are drawn with replacement ``n`` times (errors cluster
        within a document, so the document is the unit resampled); each draw sums
        the per-document counts and scores them. The interval is the percentile
        interval at ``level``. Same ``seed``, same intervals.

        Returns the rows of :attr:`summary` (table, category, tp, fp, fn, precision,
        recall, f1) with ``precision_low``/``precision_high``, ``recall_low``/
        ``recall_high``, ``f1_low``/``f1_high`` and ``documents``.
        """
        if not isinstance(n, int) or n < 1:
            raise InvalidArgumentError(f"n must be a positive number of resamples, not {n!r}.")
        if not 0 < level < 1:
            raise InvalidArgumentError(f"level must be between 0 and 1 (e.g. 0.95), not {level!r}.")
        docs = sorted(self.per_document["doc_id"].unique())
        out = self.summary.copy()
        if not docs:
            return out
        rng = np.random.default_rng(seed)
        # weights[b, d]: how often document d is drawn in resample b
        weights = rng.multinomial(len(docs), [1 / len(docs)] * len(docs), size=n)
        index = {d: i for i, d in enumerate(docs)}
        lo_q, hi_q = (1 - level) / 2, 1 - (1 - level) / 2
        bounds: dict[str, list[float]] = {f"{m}_{end}": [] for m in ("precision", "recall", "f1")
                                          for end in ("low", "high")}
        for row in out.itertuples():
            part = self.per_document[(self.per_document["table"] == row.table)
                                     & (self.per_document["category"] == row.category)]
            counts = np.zeros((len(docs), 3))
            for d, tp, fp, fn in zip(part["doc_id"], part["tp"], part["fp"], part["fn"]):
                counts[index[d]] += (tp, fp, fn)
            tp, fp, fn = (weights @ counts).T
            with np.errstate(divide="ignore", invalid="ignore"):
                precision = np.where(tp + fp > 0, tp / (tp + fp), np.where(fn == 0, 1.0, 0.0))
                recall = np.where(tp + fn > 0, tp / (tp + fn), 1.0)
                f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
            for name, values in (("precision", precision), ("recall", recall), ("f1", f1)):
                bounds[f"{name}_low"].append(round(float(np.quantile(values, lo_q)), 4))
                bounds[f"{name}_high"].append(round(float(np.quantile(values, hi_q)), 4))
        for key, values in bounds.items():
            out[key] = values
        out["documents"] = len(docs)
        return out

    def __repr__(self) -> str:
        head = self.summary[self.summary["category"] == "all"]
        parts = [f"{r.table}: P={r.precision:.3f} R={r.recall:.3f} F1={r.f1:.3f}" for r in head.itertuples()]
        return "<Evaluation " + "; ".join(parts) + ">"


def _match(gold: list[tuple], pred: list[tuple]) -> tuple[Counter, Counter, Counter]:
    g, p = Counter(gold), Counter(pred)
    both = g & p
    return both, p - both, g - both


_ELLIPSIS = re.compile(r"^(?:…|\.\.\.)+|(?:…|\.\.\.)+$")


_EDGE_MARKS = re.compile(r"^[\W_]+|[\W_]+$")

# a pinyin gloss cut in two by an excerpt's edge (…fā)改委、…关(gu…): the cleaned report
# holds no part of it (ingest.strip_pinyin removes whole glosses)
_CUT_GLOSS = re.compile(rf"^[a-zü{TONE_VOWELS}{TONE_CONSONANTS}]{{1,7}} ?[)）]|[(（][a-zü{TONE_VOWELS}{TONE_CONSONANTS}]{{0,7}}$")


def _normal(text: str) -> str:
    """``text`` as a cleaned report spells it: full-width digits and letters folded, the pinyin glosses
    of mirror sites (區(qū)) dropped, simplified characters."""
    return to_simplified(strip_pinyin(fold_width(text)))


def _gold_unit(x: dict) -> str:
    """The unit word of a hand-coded quantity as the extractor spells it: coders copy it from the raw
    page, which may be in traditional characters (個, 條) or carry a pinyin gloss (項(xiàng)), and a
    form the units lexicon writes as another unit is that unit (公里 is 千米)."""
    unit = x.get("unit_word") or x.get("unit")
    if not isinstance(unit, str):
        return unit
    unit = _normal(unit)
    return QuantityFinder.from_lexicon().unit_forms.get(unit, (unit,))[0]


def _nth(text: str, word: str, k: int) -> int | None:
    """Offset of the ``k``-th (1-based) occurrence of ``word`` in ``text``, or None."""
    at = -1
    for _ in range(max(k, 1)):
        at = text.find(word, at + 1)
        if at == -1:
            return None
    return at


def _locate(items: list[dict], sentences: list[tuple[int, str]],
            extracted: frozenset = frozenset()) -> list[tuple[int, int] | None]:
    """The document span of each gold mention, or None when the text does not hold it.

    ``sentences``: the document's ``(start, text)`` in order. The places a mention
    may stand, in order of preference: where its surface stands inside the coder's
    sentence excerpt (ellipses stripped) wherever that excerpt stands in a sentence
    -- only its ``occurrence``-th place in the excerpt when the coder gave one --
    then each place the surface stands in the document (an excerpt across two
    sentences, or none). Mentions never overlap (codebook §3), so the longest
    surfaces are placed first and a place that overlaps one already given is
    skipped: a surface coded twice finds two places, and 常委会 coded beside
    区人大常委会 is not put inside it. When the coder did not say which occurrence
    in the excerpt is meant (a sentence that says 代表 four times, three of them
    coded), the occurrences where ``extracted`` (``(type, start, end)`` of the
    extractor's mentions) has the same mention are taken first: the gold's own
    count in the sentence decides how many match, not the guess of which.
    """
    taken: set[int] = set()
    out: list[tuple[int, int] | None] = [None] * len(items)
    order = sorted(range(len(items)), key=lambda i: -len(_normal(items[i]["surface"])))
    for n in order:
        x = items[n]
        surface = _normal(x["surface"])
        excerpt = _ELLIPSIS.sub("", _normal(x.get("sentence") or ""))
        places: list[int] = []
        k = x.get("occurrence")
        # the excerpt as written, then without the punctuation at its ends (a closing quote
        # copied from the sentence before, an opening one from the next)
        for candidate in dict.fromkeys((excerpt, _EDGE_MARKS.sub("", excerpt), _CUT_GLOSS.sub("", excerpt))):
            if places or not (surface and candidate):
                break
            inside = [_nth(candidate, surface, int(k))] if k else \
                [i for i in range(len(candidate)) if candidate.startswith(surface, i)]
            inside = [i for i in inside if i is not None]
            for start, text in sentences:
                j = text.find(candidate) if inside else -1
                while j != -1:
                    places.extend(int(start) + j + i for i in inside)
                    j = text.find(candidate, j + 1)
            if not k:  # (a stable sort: the extractor's places first, text order kept)
                places.sort(key=lambda at: (x["type"], at, at + len(surface)) not in extracted)
        if surface:
            for start, text in sentences:
                j = text.find(surface)
                while j != -1:
                    places.append(int(start) + j)
                    j = text.find(surface, j + 1)
        for place in places:
            if not any(c in taken for c in range(place, place + len(surface))):
                taken.update(range(place, place + len(surface)))
                out[n] = (place, place + len(surface))
                break
    return out


def _span_pairs(gold: list[tuple[str, int, int] | None],
                pred: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    """One-to-one ``(gold index, extracted index)`` pairs of the same type whose spans overlap.

    Pairs are taken greedily, the largest overlap first (then the nearest starts,
    then text order), each gold and each extracted mention in at most one pair.
    Extracted mentions of a document never overlap one another (see
    :func:`congress_lib.mentions.find_mentions`), so sorted by start they are sorted
    by end too, and those overlapping a gold span are found by bisection: time is
    linear in the mentions (plus a log), not their product.
    """
    by_type: dict[str, list[tuple[int, int, int]]] = {}
    for pi, (pt, ps, pe) in enumerate(pred):
        by_type.setdefault(pt, []).append((ps, pe, pi))
    starts = {}
    for pt, items in by_type.items():
        items.sort()
        starts[pt] = [ps for ps, _, _ in items]
    candidates = []
    for gi, g in enumerate(gold):
        if g is None or g[0] not in by_type:
            continue
        gt, gs, ge = g
        items = by_type[gt]
        k = bisect_left(starts[gt], ge) - 1  # the last that starts before the gold span ends
        while k >= 0 and items[k][1] > gs:
            ps, pe, pi = items[k]
            candidates.append((-(min(ge, pe) - max(gs, ps)), abs(gs - ps), gi, pi))
            k -= 1
    pairs, used_g, used_p = [], set(), set()
    for _, _, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def evaluate(corpus, annotations: str | Path | dict = "corpus/annotations") -> Evaluation:
    """Precision, recall and F1 of the extractor against the gold annotations.

    Only documents that have a gold file are scored.
    """
    gold = annotations if isinstance(annotations, dict) else load_annotations(annotations)
    docs = set(corpus.documents["doc_id"])
    missing = sorted(set(gold) - docs)
    if missing:
        raise AnnotationError(f"gold files for documents not in the corpus: {missing}; load the matching corpus.")
    sents = corpus.sentences.set_index("sent_id")["text"]
    ind = corpus.indicators()[["doc_id", "value", "unit", "indicator", "surface", "sent_id"]].copy()
    ind["sentence"] = [sents.get(i, "") for i in ind["sent_id"]]
    men = corpus.mentions()[["doc_id", "type", "start", "end", "surface", "canonical", "sent_id"]].copy()
    men["sentence"] = [sents.get(i, "") for i in men["sent_id"]]
    return _score(gold, ind, men, corpus.sentences)


def agreement(corpus, first: str | Path | dict, second: str | Path | dict) -> Evaluation:
    """Inter-coder agreement: a second coder's annotations scored against the first's.

    The documents both coders coded are compared exactly as :func:`evaluate`
    compares the extractor with the gold -- indicators as multisets of (value,
    unit, code), mentions by position (each coder's mentions placed in the text
    the same way, then matched one to one by overlapping spans of the same type) --
    so the agreement F1 is the ceiling against which an extractor's F1 can be read.
    Precision is the share of the second coder's items the first also coded,
    recall the share of the first coder's items the second also coded; F1 is
    symmetric. A second coder's mention whose excerpt and surface cannot be found in
    the text counts as unmatched. ``corpus`` holds the documents (the text the
    mentions are placed in).
    """
    a = first if isinstance(first, dict) else load_annotations(first)
    b = second if isinstance(second, dict) else load_annotations(second)
    both = sorted(set(a) & set(b))
    if not both:
        raise AnnotationError("the two folders of annotations have no document in common; "
                              "give the folders of two coders who coded the same documents.")
    missing = sorted(set(both) - set(corpus.documents["doc_id"]))
    if missing:
        raise AnnotationError(f"annotated documents not in the corpus: {missing}; load the matching corpus.")
    sentences = corpus.sentences
    ind_rows, men_rows = [], []
    for doc_id in both:
        for x in b[doc_id]["indicators"]:
            ind_rows.append((doc_id, _value(x["value"]), _gold_unit(x), x["indicator"],
                             x.get("surface", ""), "", x.get("sentence", "")))
        doc_sents = sentences[sentences["doc_id"] == doc_id]
        spans = _locate(b[doc_id]["mentions"], list(zip(doc_sents["start"], doc_sents["text"])))
        for x, span in zip(b[doc_id]["mentions"], spans):
            start, end = span if span else (-1, -1)  # (unplaced: overlaps nothing)
            men_rows.append((doc_id, x["type"], start, end, _normal(x["surface"]), x.get("canonical", ""), "",
                             x.get("sentence", "")))
    ind = pd.DataFrame(ind_rows, columns=["doc_id", "value", "unit", "indicator", "surface", "sent_id", "sentence"])
    men = pd.DataFrame(men_rows, columns=["doc_id", "type", "start", "end", "surface", "canonical", "sent_id",
                                          "sentence"])
    return _score({d: a[d] for d in both}, ind, men, sentences)


def _score(gold: dict[str, dict], ind: pd.DataFrame, men: pd.DataFrame, sent_table: pd.DataFrame) -> Evaluation:
    """The comparison of :func:`evaluate`: ``gold`` against the rows of ``ind``
    (doc_id, value, unit, indicator, surface, sent_id, sentence) and ``men`` (doc_id,
    type, start, end, surface, canonical, sent_id, sentence)."""
    rows: dict[tuple[str, str], list[int]] = {}
    per_doc: list[tuple] = []
    errors: list[dict] = []
    canon_rows: dict[str, list[int]] = {}
    doc_id = ""

    def add(table, category, tp, fp, fn):
        acc = rows.setdefault((table, category), [0, 0, 0])
        acc[0] += tp
        acc[1] += fp
        acc[2] += fn
        per_doc.append((doc_id, table, category, tp, fp, fn))

    for doc_id in sorted(gold):
        g = gold[doc_id]
        pi = ind[ind["doc_id"] == doc_id]
        # -- indicators and quantities
        g_ind = [(_value(x["value"]), _gold_unit(x), x["indicator"]) for x in g["indicators"]]
        p_ind = [(_value(v), u, c) for v, u, c in zip(pi["value"], pi["unit"], pi["indicator"])]
        both, fp, fn = _match(g_ind, p_ind)
        for x, key in zip(g["indicators"], g_ind):  # a numeral the gold codes with two rates: either counts
            alt = (key[0], key[1], x.get("also"))
            if x.get("also") and fn[key] > 0 and fp[alt] > 0:
                fn[key] -= 1
                fp[alt] -= 1
                both[alt] += 1
        fp, fn = +fp, +fn
        for code in sorted({k[2] for k in g_ind} | {k[2] for k in p_ind}):
            add("indicators", code, sum(n for k, n in both.items() if k[2] == code),
                sum(n for k, n in fp.items() if k[2] == code), sum(n for k, n in fn.items() if k[2] == code))
        add("indicators", "all", sum(both.values()), sum(fp.values()), sum(fn.values()))
        qb, qfp, qfn = _match([k[:2] for k in g_ind], [k[:2] for k in p_ind])
        add("quantities", "all", sum(qb.values()), sum(qfp.values()), sum(qfn.values()))
        gold_by_key = {}
        for x in g["indicators"]:
            gold_by_key.setdefault((_value(x["value"]), _gold_unit(x), x["indicator"]), []).append(x)
        for key, n in sorted(fn.items(), key=str):
            for x in gold_by_key[key][-n:]:
                errors.append({"table": "indicators", "error": "miss", "doc_id": doc_id, "category": key[2],
                               "surface": x.get("surface", ""), "value": key[0], "unit": key[1], "canonical": "",
                               "sent_id": "", "sentence": x.get("sentence", "")})
        left = Counter(fp)
        for r in pi.itertuples(index=False):
            key = (_value(r.value), r.unit, r.indicator)
            if left[key] > 0:
                left[key] -= 1
                errors.append({"table": "indicators", "error": "false_hit", "doc_id": doc_id, "category": r.indicator,
                               "surface": r.surface, "value": key[0], "unit": r.unit, "canonical": "",
                               "sent_id": r.sent_id, "sentence": r.sentence})
        # -- mentions: by position, and (the older figure) as multisets of surfaces
        pm = men[men["doc_id"] == doc_id]
        g_men = [(x["type"], _normal(x["surface"])) for x in g["mentions"]]
        p_men = list(zip(pm["type"], pm["surface"]))
        both, fp, fn = _match(g_men, p_men)
        for mtype in sorted({k[0] for k in g_men} | {k[0] for k in p_men}):
            add("mentions_by_surface", mtype, sum(n for k, n in both.items() if k[0] == mtype),
                sum(n for k, n in fp.items() if k[0] == mtype), sum(n for k, n in fn.items() if k[0] == mtype))
        add("mentions_by_surface", "all", sum(both.values()), sum(fp.values()), sum(fn.values()))

        doc_sents = sent_table[sent_table["doc_id"] == doc_id]
        pred = list(pm.itertuples(index=False))
        spans = _locate(g["mentions"], list(zip(doc_sents["start"], doc_sents["text"])),
                        frozenset((r.type, r.start, r.end) for r in pred))
        pairs = _span_pairs([(x["type"], *span) if span else None for x, span in zip(g["mentions"], spans)],
                            [(r.type, r.start, r.end) for r in pred])
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for mtype in sorted({x["type"] for x in g["mentions"]} | {r.type for r in pred}):
            tp = sum(1 for gi, _ in pairs if g["mentions"][gi]["type"] == mtype)
            add("mentions", mtype, tp,
                sum(1 for i, r in enumerate(pred) if r.type == mtype and i not in matched_p),
                sum(1 for i, x in enumerate(g["mentions"]) if x["type"] == mtype and i not in matched_g))
        add("mentions", "all", len(pairs), len(pred) - len(pairs), len(g["mentions"]) - len(pairs))
        for gi, pi in sorted(pairs):
            x, r = g["mentions"][gi], pred[pi]
            acc = canon_rows.setdefault(x["type"], [0, 0])
            acc[0] += 1
            if x.get("canonical", "") == r.canonical:
                acc[1] += 1
            else:
                errors.append({"table": "mentions", "error": "canonical", "doc_id": doc_id, "category": x["type"],
                               "surface": r.surface, "value": None, "unit": "",
                               "canonical": f"gold {x.get('canonical', '')} vs extracted {r.canonical}",
                               "sent_id": r.sent_id, "sentence": r.sentence})
        for gi, x in enumerate(g["mentions"]):
            if gi not in matched_g:
                errors.append({"table": "mentions", "error": "miss" if spans[gi] else "unlocated", "doc_id": doc_id,
                               "category": x["type"], "surface": x["surface"], "value": None, "unit": "",
                               "canonical": x.get("canonical", ""), "sent_id": "", "sentence": x.get("sentence", "")})
        for pi, r in enumerate(pred):
            if pi not in matched_p:
                errors.append({"table": "mentions", "error": "false_hit", "doc_id": doc_id, "category": r.type,
                               "surface": r.surface, "value": None, "unit": "", "canonical": r.canonical,
                               "sent_id": r.sent_id, "sentence": r.sentence})

    summary = []
    order = {"indicators": 0, "quantities": 1, "mentions": 2, "mentions_by_surface": 3}
    for (table, category), (tp, fp, fn) in sorted(rows.items(), key=lambda kv: (order[kv[0][0]], kv[0][1] != "all", kv[0][1])):
        p, r, f = _prf(tp, fp, fn)
        summary.append({"table": table, "category": category, "tp": tp, "fp": fp, "fn": fn,
                        "gold": tp + fn, "extracted": tp + fp, "precision": p, "recall": r, "f1": f})
    canon = [{"type": t, "matched": m, "canonical_agree": a, "canonical_agreement": round(a / m, 4) if m else 1.0}
             for t, (m, a) in sorted(canon_rows.items())]
    err_cols = ["table", "error", "doc_id", "category", "surface", "value", "unit", "canonical", "sent_id", "sentence"]
    return Evaluation(
        summary=pd.DataFrame(summary),
        errors=pd.DataFrame(errors, columns=err_cols),
        canonical=pd.DataFrame(canon, columns=["type", "matched", "canonical_agree", "canonical_agreement"]),
        per_document=pd.DataFrame(per_doc, columns=["doc_id", "table", "category", "tp", "fp", "fn"]),
    )
