"""The analyst's review of tagged occurrences: corrections as data, applied, and scored.

An analyst reviews occurrences in the report (or by hand) and saves a
*corrections file*, JSON Lines, one object per reviewed row (the format is in
:mod:`textmine.review.corrections`). This package reads and validates such a
file (:func:`read_corrections`), applies it to tagged rows before they are
measured (:func:`apply_corrections`: ``analyse --corrections``, ``tag
--corrections``), and turns it into a gold set to score a tagger run against
(:func:`evaluate_corrections`: ``textmine eval CORRECTIONS PRED``).
"""

from __future__ import annotations

from textmine.review.apply import NotApplied, ReviewSummary, apply_corrections
from textmine.review.corrections import (
    CORRECTABLE,
    VERDICTS,
    Correction,
    parse_corrections,
    read_corrections,
)
from textmine.review.gold import CorrectionGold, corrections_to_gold, evaluate_corrections

__all__ = [
    "CORRECTABLE",
    "VERDICTS",
    "Correction",
    "CorrectionGold",
    "NotApplied",
    "ReviewSummary",
    "apply_corrections",
    "corrections_to_gold",
    "evaluate_corrections",
    "parse_corrections",
    "read_corrections",
]
