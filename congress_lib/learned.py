"""The learned coder: a linear model that re-codes a number where it is confident.

The indicator rules (:mod:`congress_lib.indicators`) give every number a code from cue
words around it. Rules written from development pages fire on the phrasings they were
written from; on pages from other provinces the code is right less often. The learned
coder reads the same context as a statistical model: the characters just before and after
the number (one- to three-character pieces of the folded text, at most
``LEFT``/``RIGHT`` characters away), the last characters before it, the first after it and
its unit. It is a multinomial logistic regression trained on hand-coded gold (the label of
an extracted number is the code the gold gives the same value and unit in the same place,
or ``none``), and it replaces the rule's code only where its probability is above the
model's ``threshold``; elsewhere the rule stands. The ``quantities`` table says which of the
two coded each number (``coded_by``: ``rules`` or ``model``), with the model's probability.

The model is data, like every other piece of domain knowledge: the lexicon file
``code_model.json`` (shipped gzip-compressed as ``code_model.json.gz``: classes,
intercepts, weights by feature, threshold, what it was trained on). Its features are short character pieces and their weights, never a sentence.
A researcher retrains it on their own hand-coded reports
(``congress-lib train-coder``) and passes the result as a user lexicon; a user file
``code_model.json`` holding ``replace: true`` and nothing else turns the model off (the
rules alone: the plain mode), and so does :func:`rules_only` (``cl.load_corpus(path,
lexicon=cl.rules_only())``; ``--rules-only`` on the command line).

Prediction sums the weight rows of a number's features with numpy (one array of the
weights, rows looked up by feature), in a fixed order, so the same text gives the same
codes on every run. Training needs scikit-learn (``pip install -e ".[train]"``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .errors import InvalidArgumentError, LexiconError
from .indicators import COUNTABLE_KINDS, RATE_CODES

__all__ = ["CodeModel", "features", "aligned_rows", "train", "write_model", "rules_only"]

#: how far the model reads to each side of a number: character pieces of the folded text
#: (``LEFT`` before, ``RIGHT`` after) and cue words of the indicator lexicon (``CUE_LEFT``,
#: ``CUE_RIGHT``)
LEFT, RIGHT, CUE_LEFT, CUE_RIGHT = 8, 6, 30, 20
#: the label of a number the gold does not code (a date, an ordinal, a number in furniture)
NONE = "none"


def _bucket(distance: int) -> str:
    return "0" if distance == 0 else "1" if distance <= 3 else "2" if distance <= 10 else "3"


def features(folded: str, start: int, end: int, unit: str | None, cues) -> list[str]:
    """The features of the number at ``folded[start:end]``: sorted, without repeats.

    * one- to three-character pieces of the ``LEFT`` characters before (``L1_``, ``L2_``,
      ``L3_``) and the ``RIGHT`` characters after (``R1_``…), the three characters just
      before (``N_``), the two just after (``NN_``) and the unit (``U_``);
    * the classes of the cue words (``cues``: the
      :class:`~congress_lib.indicators.IndicatorClassifier` of the lexicon) in the
      ``CUE_LEFT`` characters before and the ``CUE_RIGHT`` after, with and without their
      distance from the number (0, 1-3, 4-10, farther): ``CL2_meeting``, ``CR_people`` …
    """
    left = folded[max(0, start - LEFT):start]
    right = folded[end:end + RIGHT]
    out = {f"N_{left[-3:]}", f"NN_{right[:2]}", f"U_{unit or ''}"}
    for n in (1, 2, 3):
        out.update(f"L{n}_{left[i:i + n]}" for i in range(len(left) - n + 1))
        out.update(f"R{n}_{right[i:i + n]}" for i in range(len(right) - n + 1))
    before = folded[max(0, start - CUE_LEFT):start]
    for _, stop, cls in cues.cue_words(before, 0, len(before)):
        out.update((f"CL{_bucket(len(before) - stop)}_{cls}", f"CL_{cls}"))
    after = folded[end:end + CUE_RIGHT]
    for at, _, cls in cues.cue_words(after, 0, len(after)):
        out.update((f"CR{_bucket(at)}_{cls}", f"CR_{cls}"))
    return sorted(out)


@dataclass(frozen=True)
class CodeModel:
    """A trained coder: ``classes`` (codes and ``none``), an intercept per class, the
    ``weights`` row (one weight per class) of each of its ``features``, and the probability
    above which it overrides the rules."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    features: tuple[str, ...]
    weights: tuple[tuple[float, ...], ...]
    threshold: float
    trained_on: str = ""

    def __post_init__(self):
        object.__setattr__(self, "_row", {f: i for i, f in enumerate(self.features)})
        n = len(self.classes)
        object.__setattr__(self, "_weights", np.asarray(self.weights, dtype=np.float64).reshape(-1, n))
        object.__setattr__(self, "_intercept", np.asarray(self.intercept, dtype=np.float64))

    def __eq__(self, other) -> bool:
        if not isinstance(other, CodeModel):
            return NotImplemented
        return (self.classes, self.intercept, self.features, self.weights, self.threshold, self.trained_on) == (
            other.classes, other.intercept, other.features, other.weights, other.threshold, other.trained_on)

    __hash__ = None  # (mutable arrays inside: not a dictionary key)

    @classmethod
    def from_lexicon(cls, lexicon) -> CodeModel | None:
        """The model of ``lexicon`` (its ``code_model`` file), or None when it has none."""
        try:
            data = lexicon["code_model"]
        except LexiconError:  # (no such file: the rules alone)
            return None
        if not data or not data.get("classes"):
            return None
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict) -> CodeModel:
        try:
            classes = tuple(str(c) for c in data["classes"])
            intercept = tuple(float(b) for b in data["intercept"])
            features = tuple(str(f) for f in data["features"])
            weights = tuple(tuple(float(w) for w in row) for row in data["weights"])
            threshold = float(data["threshold"])
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise InvalidArgumentError(
                f"the code model is malformed ({err!r}); it needs classes, intercept, features, weights and "
                "threshold, as `congress-lib train-coder` writes them."
            ) from None
        n = len(classes)
        if len(intercept) != n or len(weights) != len(features) or any(len(row) != n for row in weights):
            raise InvalidArgumentError(
                f"the code model is malformed: {n} classes need {n} intercepts and a row of {n} weights for each "
                f"feature ({len(intercept)} intercepts, {len(weights)} rows for {len(features)} features); "
                "write it again with `congress-lib train-coder`."
            )
        if not 0.0 < threshold <= 1.0:
            raise InvalidArgumentError(f"the code model's threshold must be in (0, 1], not {threshold}.")
        return cls(classes, intercept, features, weights, threshold, str(data.get("trained_on", "")))

    def to_dict(self) -> dict:
        return {
            "trained_on": self.trained_on,
            "threshold": self.threshold,
            "classes": list(self.classes),
            "intercept": list(self.intercept),
            "features": list(self.features),
            "weights": [list(row) for row in self.weights],
        }

    def probabilities(self, feats: Iterable[str]) -> dict[str, float]:
        """The model's probability of each class given ``feats`` (softmax of the sums)."""
        rows = [i for i in map(self._row.get, feats) if i is not None]
        score = self._intercept + self._weights[rows].sum(axis=0) if rows else self._intercept
        exp = np.exp(score - score.max())
        probs = exp / exp.sum()
        return {c: float(p) for c, p in zip(self.classes, probs)}

    def predict(self, folded: str, start: int, end: int, unit: str | None, cues) -> tuple[str | None, float]:
        """The most probable code of one number (None for ``none``) and its probability."""
        probs = self.probabilities(features(folded, start, end, unit, cues))
        best = max(self.classes, key=lambda c: (probs[c], c))
        return (None if best == NONE else best), probs[best]

    def recode(self, folded: str, offset: int, quantities: Sequence, codes: Sequence, cues) -> tuple[list, list[str]]:
        """The codes of one sentence's ``quantities`` (starting at ``offset`` of ``folded``)
        with the model's where it is confident, and who coded each (``rules`` or
        ``model p``, ``p`` its probability to two places). Only a quantity of a kind an
        indicator can be (``indicators.COUNTABLE_KINDS``) is re-coded: the model never makes
        an indicator of a date, an ordinal or a duration (第一次专题询问会); and a named rate the
        rules read from its rate word (``indicators.RATE_CODES``: 满意度达到95%以上) stays theirs."""
        out, by = [], []
        for q, code in zip(quantities, codes):
            if q.kind not in COUNTABLE_KINDS or code in RATE_CODES:
                # (a date, an ordinal, a duration: never an indicator; a named rate: its rate word)
                out.append(code)
                by.append("rules")
                continue
            guess, p = self.predict(folded, offset + q.start, offset + q.end, q.unit, cues)
            if p > self.threshold:
                out.append(guess)
                by.append(f"model {p:.2f}")
            else:
                out.append(code)
                by.append("rules")
        return out, by


def rules_only(lexicon=None):
    """``lexicon`` (a folder, a :class:`~congress_lib.resources.Lexicon` or None for the
    shipped one) without the learned coder: every number keeps the indicator rules' code
    (the plain mode; ``coded_by`` is ``rules`` throughout). Its ``version`` differs from the
    lexicon's, so caches keyed on it tell the two modes apart.

    >>> import congress_lib as cl
    >>> corpus = cl.load_corpus("corpus", lexicon=cl.rules_only())   # doctest: +SKIP
    """
    import hashlib

    from .resources import Lexicon, load_lexicon

    lexicon = load_lexicon(lexicon)
    try:
        if not lexicon["code_model"]:
            return lexicon
    except LexiconError:  # (no model at all: already the rules alone)
        return lexicon
    data = {name: lexicon[name] for name in lexicon}
    data["code_model"] = {}
    version = hashlib.sha256(f"{lexicon.version}\0rules only".encode()).hexdigest()
    return Lexicon(data, version, (*lexicon.sources, "<rules only>"), lexicon.extractors)


def aligned_rows(corpus, gold: dict[str, dict]) -> list[dict]:
    """One row per number the extractor finds in the gold's documents: its features and its
    gold label (the code the gold gives the same value and unit nearest the same words, each
    gold number used once, or ``none``)."""
    from .evaluate import _gold_unit, _value
    from .pipeline import compiled_for

    compiled = compiled_for(corpus.lexicon)
    fold, cues = compiled.quantities.fold, compiled.indicators
    q = corpus.quantities()
    rows = []
    for doc_id in sorted(gold):
        if doc_id not in set(corpus.documents["doc_id"]):
            continue
        text = corpus.text(doc_id)
        folded = fold(text)
        items = gold[doc_id]["indicators"]
        keys = [(_value(x["value"]), _gold_unit(x)) for x in items]
        used = [False] * len(items)
        for r in q[q["doc_id"] == doc_id].sort_values("start").itertuples(index=False):
            key = (_value(r.value), r.unit)
            context = text[max(0, r.start - 6):r.end + 4]
            best, best_score = None, -1
            for i, x in enumerate(items):
                if used[i] or keys[i] != key:
                    continue
                sentence = x.get("sentence", "") or ""
                score = sum(1 for k in range(len(context) - 1) if context[k:k + 2] in sentence)
                if score > best_score:
                    best, best_score = i, score
            label = NONE
            if best is not None:
                used[best] = True
                label = items[best]["indicator"]
            rule = r.indicator if isinstance(r.indicator, str) else NONE
            rows.append({"doc_id": doc_id, "start": int(r.start), "end": int(r.end), "label": label, "rule": rule,
                         "features": features(folded, int(r.start), int(r.end), r.unit if isinstance(r.unit, str) else None, cues)})
    return rows


def train(rows: Sequence[dict], *, C: float = 1.0, threshold: float = 0.8, min_count: int = 2,
          trained_on: str = "") -> CodeModel:
    """A model fitted to ``rows`` (from :func:`aligned_rows`): a multinomial logistic
    regression (scikit-learn, L2 penalty ``C``) on the features seen in at least
    ``min_count`` rows; weights below 0.0005 in size are dropped and the rest rounded
    to four places, so the file is small and the same data give the same file."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:  # pragma: no cover - scikit-learn is a dependency
        raise InvalidArgumentError("training a code model needs scikit-learn: pip install scikit-learn") from None
    if not rows:
        raise InvalidArgumentError("no numbers to train on: give corpora whose gold files code some numbers.")
    labels = [r["label"] for r in rows]
    if len(set(labels)) < 2:
        raise InvalidArgumentError("the gold gives one label only; a coder needs at least two to learn from.")
    counts: dict[str, int] = {}
    for r in rows:
        for f in r["features"]:
            counts[f] = counts.get(f, 0) + 1
    kept = [{f: 1 for f in r["features"] if counts[f] >= min_count} for r in rows]
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(kept)
    model = LogisticRegression(C=C, max_iter=5000).fit(X, labels)
    classes = tuple(str(c) for c in model.classes_)
    coef = model.coef_ if len(classes) > 2 else [(-model.coef_[0]) / 2, model.coef_[0] / 2]
    intercept = model.intercept_ if len(classes) > 2 else [-model.intercept_[0] / 2, model.intercept_[0] / 2]
    names, rows_out = [], []
    for j, name in enumerate(vec.feature_names_):
        row = tuple(round(float(coef[k][j]), 4) if abs(coef[k][j]) >= 0.0005 else 0.0 for k in range(len(classes)))
        if any(row):
            names.append(name)
            rows_out.append(tuple(w + 0.0 for w in row))  # (+ 0.0: no negative zero in the file)
    return CodeModel(classes, tuple(round(float(b), 4) for b in intercept), tuple(names), tuple(rows_out),
                     threshold, trained_on)


_ABOUT = (
    "The learned coder (congress_lib/learned.py): a multinomial logistic regression that re-codes a "
    "number where its probability is above `threshold`; elsewhere the indicator rules stand. Written by "
    "`congress-lib train-coder`; do not edit by hand. `classes`: the codes it can give (`none`: not an "
    "indicator); `intercept`: one per class; `features`: one- to three-character pieces of the folded text "
    "next to a number (L1_/L2_/L3_ before, R1_/R2_/R3_ after, N_ the last three characters before, NN_ the "
    "first two after), its unit (U_) and the classes of the indicator cue words near it (CL/CR, with the "
    "distance bucket 0-3), see learned.features; `weights`: one row per feature, one weight per class. As a "
    "user lexicon file (code_model.json in the folder passed as `lexicon=`) it replaces the shipped model; a "
    "file holding only {\"replace\": true} turns the model off."
)


def write_model(model: CodeModel, path) -> None:
    """Write ``model`` as a lexicon file (JSON, ``replace: true``: it replaces the shipped one),
    one feature a line, so a retrained model's changes read as a diff."""
    import json
    from pathlib import Path

    data = model.to_dict()
    dump = lambda x: json.dumps(x, ensure_ascii=False)  # noqa: E731
    lines = ['{"replace": true,', f' "about": {dump(_ABOUT)},']
    lines += [f" {dump(k)}: {dump(data[k])}," for k in ("trained_on", "threshold", "classes", "intercept")]
    lines.append(' "features": [')
    lines += [f"  {dump(f)}," for f in data["features"][:-1]] + [f"  {dump(f)}" for f in data["features"][-1:]]
    lines.append(" ],")
    lines.append(' "weights": [')
    rows = [f"  {dump(r)}" for r in data["weights"]]
    lines += [r + "," for r in rows[:-1]] + rows[-1:]
    lines += [" ]", "}"]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
