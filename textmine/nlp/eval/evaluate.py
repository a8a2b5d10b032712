"""Judge tagger output against a hand-labelled gold set.

:func:`evaluate` compares gold occurrences with predicted ones (both in the
row shape of ``textmine tag``, or in the gold *locator* form, see
:mod:`textmine.nlp.eval.gold`) and returns an :class:`EvalReport`: precision,
recall and F1 of term detection per canonical term and micro-averaged, and
the accuracy of each field over the matched occurrences, with a confusion
table of the wrong values.

Matching rule. Rows are compared within one *scope*: the pair (doc, ref), or
(doc, ``page:N``) for a provision without a ref. Each gold row matches at most
one predicted row and each predicted row at most one gold row.

1. A gold row with a ``sentence`` matches a predicted row whose
   whitespace-normalised sentence is the same and whose ``[start, end)`` span
   overlaps the gold span (offsets are carried through the normalisation).
   When one sentence holds the other (the two segmenters split differently),
   the spans are compared after placing the shorter inside the longer. The
   largest overlaps are paired first.
2. A gold row in locator form (``text`` and ``nth``, no sentence) matches the
   predicted row with the same surface text (case and whitespace folded) and
   the same ``nth``: for predictions, the 0-based order among the predicted
   rows of that surface in the scope, in document order (sentence, then
   offset).
3. Locator rows still unpaired then pair, in document order, with unpaired
   predictions of the same scope and canonical term whose surface shares a
   word stem (a tagger may report ``regard`` where the gold says ``regard must
   be had to``, or ``co-operate`` for ``cooperate``).

In locator form a false alarm on an earlier word of the same surface shifts the
``nth`` of the later predictions, so a pair may be formed with the wrong one of
two same-surface words; the detection counts are unchanged by this, only the
field comparison of that pair can suffer.

Only the canonical terms of the contract are judged: predicted rows under the
project's own extra terms are set aside (``ignored``). The scopes judged are
those holding a gold row plus, when given, those of the gold provisions list
(which names the provisions labelled with no occurrence); predictions anywhere
else are set aside (``out_of_scope``). Without the list, false alarms in
provisions with no gold occurrence cannot be counted.

Per-term scores are term-strict: a matched pair whose terms differ is a false
positive of the predicted term and a false negative of the gold term. The
micro average sums the per-term counts: P = TP / (TP + FP), R = TP / (TP + FN),
F1 = 2 TP / (2 TP + FP + FN), each ``None`` when its denominator is 0.
``span`` scores detection whatever the term. Field accuracy = agreeing pairs /
matched pairs, over every matched pair (``recipients`` agree only as exact
sets).
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, overload

from textmine.contract import TERM_LEVELS
from textmine.nlp.eval.gold import (
    load_gold,
    load_pred,
    load_provisions,
    occurrence_key,
    scope_of,
)
from textmine.nlp.eval.match import FIELDS, Rows, match_scope, occurrences, records

__all__ = [
    "FIELDS",
    "EvalReport",
    "FieldScore",
    "Scores",
    "evaluate",
    "evaluate_by_document",
    "evaluate_files",
    "load_gold",
    "load_pred",
    "load_provisions",
    "provisions_path_for",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Scores:
    """Detection counts and the measures derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "gold": self.tp + self.fn,
            "pred": self.tp + self.fp,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class FieldScore:
    """How often one field agrees over the matched occurrences."""

    correct: int
    total: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}


@dataclass
class EvalReport:
    """The result of :func:`evaluate`.

    ``confusions`` maps a field to ``(gold value, predicted value, count)``
    triples for the matched pairs that disagree, most frequent first.
    ``false_negatives``, ``false_positives`` and ``field_errors`` list
    locators (no sentence text) for an analyst.
    """

    per_term: dict[str, Scores]
    micro: Scores
    span: Scores
    field_accuracy: dict[str, FieldScore]
    confusions: dict[str, list[tuple[str, str, int]]]
    n_gold: int
    n_pred: int
    ignored: int = 0
    out_of_scope: int = 0
    duplicates: int = 0
    false_negatives: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    field_errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self, *, details: bool = True) -> dict[str, Any]:
        """Plain data for JSON; ``details=False`` leaves out the per-occurrence lists."""
        out: dict[str, Any] = {
            "n_gold": self.n_gold,
            "n_pred": self.n_pred,
            "ignored": self.ignored,
            "out_of_scope": self.out_of_scope,
            "duplicates": self.duplicates,
            "per_term": {t: s.to_dict() for t, s in self.per_term.items()},
            "micro": self.micro.to_dict(),
            "span": self.span.to_dict(),
            "field_accuracy": {f: s.to_dict() for f, s in self.field_accuracy.items()},
            "confusions": {
                f: [{"gold": g, "pred": p, "count": n} for g, p, n in rows]
                for f, rows in self.confusions.items()
            },
        }
        if details:
            out["false_negatives"] = self.false_negatives
            out["false_positives"] = self.false_positives
            out["field_errors"] = self.field_errors
        return out

    def to_text(self, *, details: bool = True) -> str:
        """A plain-text report; ``details=False`` leaves out the per-occurrence lists."""
        from textmine.nlp.eval.text import render_text

        return render_text(self, details=details)


def _scopes_of(provisions: Iterable[Mapping[str, Any]]) -> set[tuple[str, str]]:
    return {(str(p.get("doc")), scope_of(p)) for p in provisions}


def _show(value: Any) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return "null" if value is None else str(value)


def evaluate(
    gold: Rows,
    pred: Rows,
    *,
    provisions: Iterable[Mapping[str, Any]] | None = None,
) -> EvalReport:
    """Score predicted occurrences against gold ones (see the module docstring).

    ``provisions`` (records with ``doc`` and ``ref``, and ``page`` where ``ref``
    is null) lists the provisions the gold labels exhaustively, so that
    predictions in those with no gold occurrence count as false positives. The
    provisions of the gold rows are always judged.
    """
    gold_occ = occurrences(records(gold), "gold")
    pred_records = records(pred)
    all_pred = occurrences(pred_records, "pred")
    canonical = [p for p in all_pred if p.term in TERM_LEVELS]
    judged = {(g.doc, g.scope) for g in gold_occ}
    if provisions is not None:
        listed = _scopes_of(provisions)
        if judged - listed:
            log.warning("%d gold scopes are missing from the provisions list", len(judged - listed))
        judged |= listed
    pred_occ = [p for p in canonical if (p.doc, p.scope) in judged]
    keys = Counter(
        (occurrence_key(r), r.get("term"))
        for r, p in zip(pred_records, all_pred, strict=True)
        if p.term in TERM_LEVELS and (p.doc, p.scope) in judged
    )
    duplicates = sum(n - 1 for n in keys.values())

    by_scope_g: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_scope_p: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, g in enumerate(gold_occ):
        by_scope_g[(g.doc, g.scope)].append(i)
    for i, p in enumerate(pred_occ):
        by_scope_p[(p.doc, p.scope)].append(i)
    pairs: list[tuple[int, int]] = []
    for scope, g_index in by_scope_g.items():
        p_index = by_scope_p.get(scope, [])
        local = match_scope([gold_occ[i] for i in g_index], [pred_occ[i] for i in p_index])
        pairs.extend((g_index[a], p_index[b]) for a, b in local)
    pairs.sort(key=lambda pair: (gold_occ[pair[0]].doc, gold_occ[pair[0]].order))

    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    confusion: dict[str, Counter[tuple[str, str]]] = {f: Counter() for f in FIELDS}
    field_errors: list[dict[str, Any]] = []
    for gi, pi in pairs:
        g, p = gold_occ[gi], pred_occ[pi]
        if g.term == p.term:
            tp[g.term] += 1
        else:
            fn[g.term] += 1
            fp[p.term] += 1
        for name, gv, pv in zip(FIELDS, g.values, p.values, strict=True):
            if gv == pv:
                correct[name] += 1
            else:
                confusion[name][(_show(gv), _show(pv))] += 1
                field_errors.append(
                    {**g.locator(), "field": name, "gold": _show(gv), "pred": _show(pv)}
                )
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    false_negatives = [g.locator() for i, g in enumerate(gold_occ) if i not in matched_g]
    false_positives = [p.locator() for i, p in enumerate(pred_occ) if i not in matched_p]
    for i, g in enumerate(gold_occ):
        if i not in matched_g:
            fn[g.term] += 1
    for i, p in enumerate(pred_occ):
        if i not in matched_p:
            fp[p.term] += 1

    terms = [t for t in TERM_LEVELS if tp[t] or fp[t] or fn[t]]
    per_term = {t: Scores(tp[t], fp[t], fn[t]) for t in terms}
    micro = Scores(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    span = Scores(len(pairs), len(pred_occ) - len(pairs), len(gold_occ) - len(pairs))
    return EvalReport(
        per_term=per_term,
        micro=micro,
        span=span,
        field_accuracy={f: FieldScore(correct[f], len(pairs)) for f in FIELDS},
        confusions={
            f: [(gv, pv, n) for (gv, pv), n in confusion[f].most_common()]
            for f in FIELDS
            if confusion[f]
        },
        n_gold=len(gold_occ),
        n_pred=len(pred_occ),
        ignored=len(all_pred) - len(canonical),
        out_of_scope=len(canonical) - len(pred_occ),
        duplicates=duplicates,
        false_negatives=false_negatives,
        false_positives=false_positives,
        field_errors=field_errors,
    )


def evaluate_by_document(
    gold: Rows,
    pred: Rows,
    *,
    provisions: Iterable[Mapping[str, Any]] | None = None,
) -> dict[str, EvalReport]:
    """:func:`evaluate` for each document of the gold set, and pooled (key ``""``).

    A document's report judges its own gold rows, predictions and listed
    provisions; the pooled report is the plain :func:`evaluate` of all.
    """
    gold_rows, pred_rows = records(gold), records(pred)
    listed = list(provisions) if provisions is not None else None
    out: dict[str, EvalReport] = {}
    for doc in sorted({str(r.get("doc")) for r in gold_rows}):
        out[doc] = evaluate(
            [r for r in gold_rows if str(r.get("doc")) == doc],
            [r for r in pred_rows if str(r.get("doc")) == doc],
            provisions=[r for r in listed if str(r.get("doc")) == doc] if listed else None,
        )
    out[""] = evaluate(gold_rows, pred_rows, provisions=listed)
    return out


def provisions_path_for(gold_path: str | Path) -> Path:
    """The provisions file beside a gold file: ``x.jsonl`` -> ``x_provisions.jsonl``."""
    gold_path = Path(gold_path)
    return gold_path.with_name(f"{gold_path.stem}_provisions{gold_path.suffix}")


@overload
def evaluate_files(
    gold_path: str | Path,
    pred_path: str | Path,
    *,
    provisions_path: str | Path | None = None,
    by_document: Literal[False] = False,
) -> EvalReport: ...


@overload
def evaluate_files(
    gold_path: str | Path,
    pred_path: str | Path,
    *,
    provisions_path: str | Path | None = None,
    by_document: Literal[True],
) -> dict[str, EvalReport]: ...


def evaluate_files(
    gold_path: str | Path,
    pred_path: str | Path,
    *,
    provisions_path: str | Path | None = None,
    by_document: bool = False,
) -> EvalReport | dict[str, EvalReport]:
    """Load a gold file and a prediction file and :func:`evaluate` them (by document with
    ``by_document``: :func:`evaluate_by_document`).

    Without ``provisions_path``, the gold file's sibling provisions file
    (:func:`provisions_path_for`) is used when it exists.
    """
    if provisions_path is None:
        sibling = provisions_path_for(gold_path)
        provisions_path = sibling if sibling.exists() else None
    provisions = load_provisions(provisions_path) if provisions_path is not None else None
    if provisions_path is not None:
        log.info("judging the provisions listed in %s", provisions_path)
    # with the provisions listed, a gold file may hold no occurrence: every prediction in
    # them is then a false alarm
    gold = load_gold(gold_path, allow_empty=provisions is not None)
    if by_document:
        return evaluate_by_document(gold, load_pred(pred_path), provisions=provisions)
    return evaluate(gold, load_pred(pred_path), provisions=provisions)
