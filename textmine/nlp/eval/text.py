"""Render an :class:`~textmine.nlp.eval.evaluate.EvalReport` as a plain-text report.

Fixed-width tables an analyst can read in a terminal or a CI log: term
detection per canonical term, field accuracy, the confusion table of wrong
field values, and (optionally) the per-occurrence lists of misses, false
alarms and wrong fields, as locators without sentence text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textmine.nlp.eval.evaluate import EvalReport, Scores

__all__ = ["render_by_document", "render_text"]


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _score_line(name: str, s: Scores) -> str:
    return (
        f"{name:<20}{s.tp + s.fn:>6}{s.tp + s.fp:>6}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
        f"{_num(s.precision):>11}{_num(s.recall):>8}{_num(s.f1):>8}"
    )


def _where(row: dict[str, Any]) -> str:
    place = f"nth {row['nth']}" if "nth" in row else f"at {row.get('start')}"
    return f"{row['doc']} {row['ref']} '{row['text']}' ({place}, {row['term']})"


def render_text(report: EvalReport, *, details: bool = True) -> str:
    """The report as text; ``details`` adds the per-occurrence listings."""
    lines = [
        "textmine eval",
        f"gold occurrences: {report.n_gold}; predicted (judged): {report.n_pred}; "
        f"set aside: {report.ignored} under non-canonical terms, "
        f"{report.out_of_scope} outside the gold provisions; "
        f"duplicated predictions: {report.duplicates}",
        "",
        "Term detection (term-strict; micro = sum over terms; span = any term)",
        f"{'term':<20}{'gold':>6}{'pred':>6}{'TP':>6}{'FP':>6}{'FN':>6}"
        f"{'precision':>11}{'recall':>8}{'F1':>8}",
    ]
    lines += [_score_line(term, scores) for term, scores in report.per_term.items()]
    lines += [_score_line("micro", report.micro), _score_line("span", report.span), ""]
    matched = report.span.tp
    lines.append(f"Field accuracy over {matched} matched occurrences")
    lines.append(f"{'field':<12}{'correct':>8}{'total':>7}{'accuracy':>10}")
    for name, fs in report.field_accuracy.items():
        lines.append(f"{name:<12}{fs.correct:>8}{fs.total:>7}{_num(fs.accuracy):>10}")
    lines += ["", "Wrong fields (gold -> predicted: count)"]
    if not report.confusions:
        lines.append("  none")
    for name, rows in report.confusions.items():
        lines.append(f"  {name}")
        lines += [f"    {gold} -> {pred}: {count}" for gold, pred, count in rows]
    if details:
        lines += ["", f"Missed (false negatives): {len(report.false_negatives)}"]
        lines += [f"  {_where(r)} [{r['source']}]" for r in report.false_negatives]
        lines += ["", f"False alarms (false positives): {len(report.false_positives)}"]
        lines += [f"  {_where(r)} [{r['source']}]" for r in report.false_positives]
        lines += ["", f"Wrong fields: {len(report.field_errors)}"]
        lines += [
            f"  {_where(r)} {r['field']}: {r['gold']} -> {r['pred']}" for r in report.field_errors
        ]
    return "\n".join(lines) + "\n"


def render_by_document(reports: dict[str, EvalReport]) -> str:
    """A table of each document's figures, then the pooled ones (key ``""``)."""
    fields = ("actor", "recipients", "modality", "negated", "voice")
    head = ["document", "gold", "P", "R", *fields]
    rows = []
    for doc, report in reports.items():
        values = [
            doc or "pooled",
            str(report.n_gold),
            _num(report.micro.precision),
            _num(report.micro.recall),
            *(_num(report.field_accuracy[f].accuracy) for f in fields),
        ]
        rows.append(values)
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = [
        "  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r))
        for r in [head, *rows]
    ]
    return "\n".join(lines) + "\n"
