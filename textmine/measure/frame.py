"""Check and prepare tagged occurrence rows for measuring; the measures' shared vocabulary.

Every measure reads the rows of the tagging contract
(``/work/shared/contracts/tagging.md``) as a pandas DataFrame. :func:`prepare_rows`
checks the columns once and normalises their types (``recipients`` as lists
of strings, ``negated`` as bool, ``level`` as int) so the measures need no
defensive code of their own. It also adds the columns every measure uses:

* ``occurrence``: the row's position in the input, so a figure can name the
  occurrences behind it even after recipients are exploded;
* ``provision``: a ``"doc:ref"`` label (see :func:`provision_label`), the unit
  of traceability of every table;
* ``modality_class``: ``strong`` (must, shall), ``medium`` (should, will),
  ``weak`` (may, can, need) or ``none``;
* ``strength``: the signed strength score of :func:`strength_score`.

The groups that the asymmetry measure compares by default (families,
professionals) come from the lexicon's ``groups.jsonl`` (:mod:`textmine.groups`);
the contract's canonical terms (``TERM_LEVELS``) are re-exported from
:mod:`textmine.contract` so that one table serves both.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from textmine.contract import TERM_LEVELS as TERM_LEVELS
from textmine.errors import InputError
from textmine.groups import NO_DOER, default_groups
from textmine.groups import NO_RECIPIENT as NO_RECIPIENT

log = logging.getLogger(__name__)

#: Fields the measures cannot do without.
REQUIRED_COLUMNS: tuple[str, ...] = (
    "doc",
    "ref",
    "sentence",
    "term",
    "level",
    "actor",
    "recipients",
    "modality",
    "negated",
    "voice",
)
#: Fields the tagger adds beyond the contract; filled with ``None`` when absent.
OPTIONAL_COLUMNS: tuple[str, ...] = (
    "page",
    "start",
    "end",
    "text",
    "actor_text",
    "kind",
    "heading",
    "part",
    "chapter",
    "unit",
)

#: The canonical terms of the contract, in level order (``TERM_LEVELS`` is
#: :data:`textmine.contract.TERM_LEVELS`, the one table of term -> level, re-exported here).
CANONICAL_TERMS: tuple[str, ...] = tuple(TERM_LEVELS)

#: Recipient groups on the family side of the asymmetry measure (bundled ``groups.jsonl``;
#: a user lexicon may redefine them, see :mod:`textmine.groups`).
FAMILY: frozenset[str] = default_groups().family
#: Recipient groups on the professional side of the asymmetry measure (bundled ``groups.jsonl``).
PROFESSIONAL: frozenset[str] = default_groups().professional

#: ``NO_RECIPIENT`` (``none``): the recipient of an occurrence that names none (contract:
#: ``recipients == []``); ``UNSPECIFIED``: the actor of one that names no party.
UNSPECIFIED = NO_DOER

#: Modal -> strength class.
MODALITY_CLASS: dict[str, str] = {
    "must": "strong",
    "shall": "strong",
    "should": "medium",
    "will": "medium",
    "may": "weak",
    "can": "weak",
    "need": "weak",
    "none": "none",
}
MODALITY_CLASSES: tuple[str, ...] = ("strong", "medium", "weak", "none")
#: Rank of each strength class (higher binds more).
MODALITY_RANK: dict[str, int] = {"strong": 3, "medium": 2, "weak": 1, "none": 0}


def provision_label(doc: object, ref: object, page: object = None) -> str:
    """``"doc:ref"``; ``"doc:p.N"`` for an unnumbered block on page N; ``"doc:-"`` otherwise."""
    if is_present(ref):
        return f"{doc}:{ref}"
    if is_present(page):
        return f"{doc}:p.{int(page)}"  # type: ignore[call-overload]
    return f"{doc}:-"


def modality_class(modality: str) -> str:
    """The strength class of a modal (:data:`MODALITY_CLASS`); unknown modals count as ``none``."""
    return MODALITY_CLASS.get(str(modality).lower(), "none")


def strength_score(level: int, modality: str, negated: bool) -> int:
    """Signed strength of one occurrence: ``±(4 * level + rank(modality))``.

    Strength orders occurrences by participation level first, then by modal
    rank (must/shall 3 > should/will 2 > may/can/need 1 > none 0); since the
    rank is below 4 the single number keeps that lexicographic order. A
    negation flips the sign: ``must not consult`` (-11) is weaker than any
    positive statement, and among negated ones the strongest positive duty
    becomes the most negative.
    """
    score = 4 * int(level) + MODALITY_RANK[modality_class(modality)]
    return -score if negated else score


def prepare_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """A checked, normalised copy of contract ``rows`` with the derived measuring columns.

    Raises :class:`~textmine.errors.InputError` naming the missing columns
    when ``rows`` lacks a required field.
    """
    missing = [c for c in REQUIRED_COLUMNS if c not in rows.columns]
    if missing:
        raise InputError(
            "rows", f"not tagged occurrence rows: missing column(s) {', '.join(missing)}"
        )
    df = rows.reset_index(drop=True).copy()
    for column in OPTIONAL_COLUMNS:
        if column not in df.columns:
            df[column] = None
    df["doc"] = df["doc"].astype(str)
    df["recipients"] = [_as_list(value) for value in df["recipients"]]
    df["negated"] = [bool(v) if is_present(v) else False for v in df["negated"]]
    try:
        df["level"] = pd.to_numeric(df["level"], errors="raise").astype(int)
    except (TypeError, ValueError) as exc:
        raise InputError("rows", f"column level must hold integers 1-5 ({exc})") from exc
    df["modality"] = [str(m).lower() if is_present(m) else "none" for m in df["modality"]]
    unknown = sorted(set(df["modality"]) - set(MODALITY_CLASS))
    if unknown:
        log.info("modals %s are not in the contract; they count as 'none'", unknown)
    df["occurrence"] = np.arange(len(df), dtype=int)
    df["provision"] = [
        provision_label(d, r, p) for d, r, p in zip(df["doc"], df["ref"], df["page"], strict=True)
    ]
    df["modality_class"] = [modality_class(m) for m in df["modality"]]
    df["strength"] = [
        strength_score(lv, m, n)
        for lv, m, n in zip(df["level"], df["modality"], df["negated"], strict=True)
    ]
    return df


def unique_in_order(values: Iterable[Any]) -> list[Any]:
    """The distinct values, in order of first appearance (provenance lists keep document order)."""
    return list(dict.fromkeys(values))


def docs_in_order(rows: pd.DataFrame) -> list[str]:
    """Document ids in order of first appearance."""
    return [str(d) for d in unique_in_order(rows["doc"])]


def first_present_column(rows: pd.DataFrame, candidates: Sequence[str]) -> str | None:
    """The first of ``candidates`` that is a column of ``rows`` with at least one value."""
    for column in candidates:
        if column in rows.columns and rows[column].map(is_present).any():
            return column
    return None


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    if is_present(value):
        return [str(value)]
    return []


def is_present(value: object) -> bool:
    """True unless ``value`` is None, NaN/NA or an empty string."""
    if value is None:
        return False
    if isinstance(value, str):
        return value != ""
    try:
        return not bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return True
