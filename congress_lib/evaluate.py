"""Validation against hand-coded gold annotations.

Gold files (``corpus/annotations/<doc_id>.json``, format in
``corpus/annotations/GUIDELINES.md``) are coded by reading the reports against the
codebook (``docs/codebook.md``). :func:`evaluate` compares the extractor's tables
with them, document by document, as multisets:

* **indicators** match on (value, unit, indicator code): a right number with the
  wrong code is both a miss and a false hit, as it would be in a paper;
* **quantities** (the same rows, ignoring the code) show how much of the error is
  number detection rather than coding;
* **mentions** match on (type, surface); among matched mentions the share whose
  canonical name also agrees is reported as ``canonical_agreement``.

Precision = matched / extracted, recall = matched / gold, F1 their harmonic mean,
per table, per indicator code and per mention type, with every miss and false hit
listed so that a researcher can see exactly what is wrong.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .errors import AnnotationError, InvalidArgumentError

__all__ = ["Evaluation", "evaluate", "load_annotations"]


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
    """

    summary: pd.DataFrame
    errors: pd.DataFrame
    canonical: pd.DataFrame

    def f1(self, table: str, category: str = "all") -> float:
        row = self.summary[(self.summary["table"] == table) & (self.summary["category"] == category)]
        if row.empty:
            raise InvalidArgumentError(f"no result for table {table!r}, category {category!r}.")
        return float(row["f1"].iloc[0])

    def __repr__(self) -> str:
        head = self.summary[self.summary["category"] == "all"]
        parts = [f"{r.table}: P={r.precision:.3f} R={r.recall:.3f} F1={r.f1:.3f}" for r in head.itertuples()]
        return "<Evaluation " + "; ".join(parts) + ">"


def _match(gold: list[tuple], pred: list[tuple]) -> tuple[Counter, Counter, Counter]:
    g, p = Counter(gold), Counter(pred)
    both = g & p
    return both, p - both, g - both


def evaluate(corpus, annotations: str | Path | dict = "corpus/annotations") -> Evaluation:
    """Precision, recall and F1 of the extractor against the gold annotations.

    Only documents that have a gold file are scored.
    """
    gold = annotations if isinstance(annotations, dict) else load_annotations(annotations)
    docs = set(corpus.documents["doc_id"])
    missing = sorted(set(gold) - docs)
    if missing:
        raise AnnotationError(f"gold files for documents not in the corpus: {missing}; load the matching corpus.")
    ind = corpus.indicators()
    men = corpus.mentions()
    sents = corpus.sentences.set_index("sent_id")["text"]

    rows: dict[tuple[str, str], list[int]] = {}
    errors: list[dict] = []
    canon_rows: dict[str, list[int]] = {}

    def add(table, category, tp, fp, fn):
        acc = rows.setdefault((table, category), [0, 0, 0])
        acc[0] += tp
        acc[1] += fp
        acc[2] += fn

    for doc_id in sorted(gold):
        g = gold[doc_id]
        pi = ind[ind["doc_id"] == doc_id]
        # -- indicators and quantities
        g_ind = [(_value(x["value"]), x.get("unit_word") or x.get("unit"), x["indicator"]) for x in g["indicators"]]
        p_ind = [(_value(v), u, c) for v, u, c in zip(pi["value"], pi["unit"], pi["indicator"])]
        both, fp, fn = _match(g_ind, p_ind)
        for code in sorted({k[2] for k in g_ind} | {k[2] for k in p_ind}):
            add("indicators", code, sum(n for k, n in both.items() if k[2] == code),
                sum(n for k, n in fp.items() if k[2] == code), sum(n for k, n in fn.items() if k[2] == code))
        add("indicators", "all", sum(both.values()), sum(fp.values()), sum(fn.values()))
        qb, qfp, qfn = _match([k[:2] for k in g_ind], [k[:2] for k in p_ind])
        add("quantities", "all", sum(qb.values()), sum(qfp.values()), sum(qfn.values()))
        gold_by_key = {}
        for x in g["indicators"]:
            gold_by_key.setdefault((_value(x["value"]), x.get("unit_word") or x.get("unit"), x["indicator"]), []).append(x)
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
                               "sent_id": r.sent_id, "sentence": sents.get(r.sent_id, "")})
        # -- mentions
        pm = men[men["doc_id"] == doc_id]
        g_men = [(x["type"], x["surface"]) for x in g["mentions"]]
        p_men = [(t, s) for t, s in zip(pm["type"], pm["surface"])]
        both, fp, fn = _match(g_men, p_men)
        for mtype in sorted({k[0] for k in g_men} | {k[0] for k in p_men}):
            add("mentions", mtype, sum(n for k, n in both.items() if k[0] == mtype),
                sum(n for k, n in fp.items() if k[0] == mtype), sum(n for k, n in fn.items() if k[0] == mtype))
        add("mentions", "all", sum(both.values()), sum(fp.values()), sum(fn.values()))
        # canonical agreement among matched (type, surface)
        g_can: dict[tuple, Counter] = {}
        for x in g["mentions"]:
            g_can.setdefault((x["type"], x["surface"]), Counter())[x.get("canonical", "")] += 1
        p_can: dict[tuple, Counter] = {}
        for t, s, c in zip(pm["type"], pm["surface"], pm["canonical"]):
            p_can.setdefault((t, s), Counter())[c] += 1
        g_sentence = {}
        for x in g["mentions"]:
            g_sentence.setdefault((x["type"], x["surface"]), x.get("sentence", ""))
        for key, n in both.items():
            agree = min(n, sum((g_can[key] & p_can[key]).values()))
            acc = canon_rows.setdefault(key[0], [0, 0])
            acc[0] += n
            acc[1] += agree
            if agree < n:
                errors.append({"table": "mentions", "error": "canonical", "doc_id": doc_id, "category": key[0],
                               "surface": key[1], "value": None, "unit": "",
                               "canonical": f"gold {dict(sorted(g_can[key].items()))} vs extracted "
                                            f"{dict(sorted(p_can[key].items()))}",
                               "sent_id": "", "sentence": g_sentence.get(key, "")})
        g_by = {}
        for x in g["mentions"]:
            g_by.setdefault((x["type"], x["surface"]), []).append(x)
        for key, n in sorted(fn.items()):
            for x in g_by[key][-n:]:
                errors.append({"table": "mentions", "error": "miss", "doc_id": doc_id, "category": key[0],
                               "surface": key[1], "value": None, "unit": "", "canonical": x.get("canonical", ""),
                               "sent_id": "", "sentence": x.get("sentence", "")})
        left = Counter(fp)
        for r in pm.itertuples(index=False):
            key = (r.type, r.surface)
            if left[key] > 0:
                left[key] -= 1
                errors.append({"table": "mentions", "error": "false_hit", "doc_id": doc_id, "category": r.type,
                               "surface": r.surface, "value": None, "unit": "", "canonical": r.canonical,
                               "sent_id": r.sent_id, "sentence": sents.get(r.sent_id, "")})

    summary = []
    order = {"indicators": 0, "quantities": 1, "mentions": 2}
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
    )
