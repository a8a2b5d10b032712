"""Corrections as a gold set: how the tagger does on a team's own documents.

:func:`corrections_to_gold` turns an analyst's corrections (read by
:func:`textmine.review.corrections.read_corrections`) and the rows of a
tagger run (PRED) they refer to into gold rows, in the contract's row form:

* ``correct``: the PRED row, as gold;
* ``corrected``: the PRED row with the analyst's values;
* ``not_an_occurrence``: no gold row; the PRED row is judged (a false positive);
* ``added``: the analyst's row, as gold (a false negative unless PRED has it).

Only reviewed rows are judged: PRED rows the analyst did not review are left
out, except those that overlap an added occurrence (same document, same
sentence, overlapping words), which may be the tagger's version of it. So
precision is the share of the reviewed tagger rows the analyst kept, the field
accuracies are over those kept rows, and recall counts the occurrences the
analyst added (it is 1 by construction when the file adds none). A correction
whose id PRED does not hold (the provision's text changed since, or the
tagger no longer finds it) cannot be turned into gold: it is counted apart.

:func:`evaluate_corrections` reads both files and scores them with the
tagger's own evaluation, :func:`textmine.nlp.eval.evaluate.evaluate`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textmine.contract import OCCURRENCE_FIELDS, TERM_LEVELS
from textmine.groups import Groups
from textmine.review.corrections import VERDICTS, Correction, read_corrections
from textmine.text import collapse_space

if TYPE_CHECKING:
    from textmine.nlp.eval.evaluate import EvalReport

__all__ = ["CorrectionGold", "corrections_to_gold", "evaluate_corrections"]


@dataclass
class CorrectionGold:
    """Gold rows made from corrections, the PRED rows they judge, and what could not be used."""

    gold: list[dict[str, Any]]
    pred: list[dict[str, Any]]
    #: The provisions (doc, ref, page) judged: those of every judged row.
    provisions: list[dict[str, Any]]
    #: Corrections used, by verdict.
    counts: Mapping[str, int] = field(default_factory=dict)
    #: Corrections whose id PRED does not hold.
    missing: list[Correction] = field(default_factory=list)
    file: str = ""

    def header_lines(self) -> list[str]:
        """What the scores rest on, in two lines for the text report."""
        used = sum(self.counts.values())
        parts = ", ".join(
            f"{self.counts.get(v, 0)} {v.replace('_', ' ')}" for v in VERDICTS if self.counts.get(v)
        )
        return [
            f"Corrections {self.file}: {used} reviewed rows scored ({parts or 'none'}); "
            f"{len(self.missing)} not in PRED (their id is absent: the provision's text "
            "changed, or the tagger no longer finds them)",
            "Scored over the reviewed rows only: precision = reviewed tagger rows the analyst "
            "kept; recall counts the occurrences the analyst added (verdict added), and is 1 "
            "by construction when there are none.",
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "counts": dict(self.counts),
            "gold": len(self.gold),
            "pred_judged": len(self.pred),
            "missing": [
                {"id": c.id, "verdict": c.verdict, "source": c.source} for c in self.missing
            ],
        }


def corrections_to_gold(
    corrections: Iterable[Correction], pred: Sequence[Mapping[str, Any]], *, file: str = ""
) -> CorrectionGold:
    """Gold rows and judged PRED rows for ``corrections`` (see the module docstring)."""
    by_id = {str(r.get("id")): r for r in pred if r.get("id") is not None}
    gold: list[dict[str, Any]] = []
    judged: dict[int, Mapping[str, Any]] = {}
    counts: Counter[str] = Counter()
    missing: list[Correction] = []
    added: list[dict[str, Any]] = []
    for correction in corrections:
        if correction.verdict == "added":
            row = {name: correction.values.get(name) for name in OCCURRENCE_FIELDS}
            row["level"] = TERM_LEVELS[str(row["term"])]
            gold.append(row)
            added.append(row)
            counts["added"] += 1
            continue
        found = by_id.get(str(correction.id))
        if found is None:
            missing.append(correction)
            continue
        counts[correction.verdict] += 1
        judged[id(found)] = found
        if correction.verdict == "not_an_occurrence":
            continue
        row = {name: found.get(name) for name in OCCURRENCE_FIELDS}
        if correction.verdict == "corrected":
            row.update(correction.values)
        gold.append(row)
    for row in added:
        for candidate in pred:
            if _overlaps(row, candidate):
                judged[id(candidate)] = candidate
    rows = [r for r in pred if id(r) in judged]
    scopes = {(str(r.get("doc")), r.get("ref"), r.get("page")) for r in [*rows, *gold]}
    provisions = [{"doc": d, "ref": ref, "page": page} for d, ref, page in sorted(scopes, key=str)]
    return CorrectionGold(
        gold=gold,
        pred=[dict(r) for r in rows],
        provisions=provisions,
        counts=dict(counts),
        missing=missing,
        file=file,
    )


def evaluate_corrections(
    corrections_path: str | Path, pred_path: str | Path, *, groups: Groups | None = None
) -> tuple[EvalReport, CorrectionGold]:
    """Score the rows of ``pred_path`` against the corrections of ``corrections_path``."""
    from textmine.nlp.eval.evaluate import evaluate
    from textmine.rows import read_jsonl

    corrections = read_corrections(corrections_path, groups=groups)
    pred = [row for _, row in read_jsonl(pred_path)]
    gold = corrections_to_gold(corrections, pred, file=Path(corrections_path).name)
    report = evaluate(gold.gold, gold.pred, provisions=gold.provisions)
    return report, gold


def _overlaps(row: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
    """Same document, same sentence (whitespace folded) and overlapping words."""
    if row.get("doc") != other.get("doc"):
        return False
    if collapse_space(str(row.get("sentence"))) != collapse_space(str(other.get("sentence"))):
        return False
    try:
        return int(row["start"]) < int(other["end"]) and int(other["start"]) < int(row["end"])
    except (KeyError, TypeError, ValueError):
        return False
