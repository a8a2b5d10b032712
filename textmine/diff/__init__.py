"""Audit a draft against an earlier version: ``textmine diff OLD NEW``.

:func:`diff` pairs the provisions of two versions (:mod:`~textmine.diff.align`),
tags the ones whose text changed (:mod:`~textmine.diff.occurrences`) and
classifies each change in the language of partnership as strengthened,
weakened, reworded, added, deleted, moved (renumbered included) or unchanged
(:mod:`~textmine.diff.classify`, :mod:`~textmine.diff.changes`,
:mod:`~textmine.diff.reconcile`). The :class:`DiffResult` writes the changes as
JSON Lines, CSV or an HTML report (:mod:`~textmine.diff.output`,
:mod:`~textmine.diff.report`). :func:`diff_tracked` audits a Word draft's own
tracked changes (original against final), with the author and date of each.

``textmine diff --fail-on KINDS`` exits with :data:`FAIL_EXIT_CODE` (6) when a
change of one of those kinds is found, for drafting teams' pipelines.
"""

from __future__ import annotations

from textmine.diff.align import Pair, align
from textmine.diff.changes import CHANGE_FIELDS
from textmine.diff.classify import KINDS
from textmine.diff.output import FORMATS, DiffResult, diff, parse_kinds
from textmine.diff.tracked import diff_tracked

__all__ = [
    "CHANGE_FIELDS",
    "FAIL_EXIT_CODE",
    "FORMATS",
    "KINDS",
    "DiffResult",
    "Pair",
    "align",
    "diff",
    "diff_tracked",
    "parse_kinds",
]

#: Exit status of ``textmine diff --fail-on`` when a change of a listed kind is found.
FAIL_EXIT_CODE = 6
