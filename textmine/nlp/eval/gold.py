"""Read gold, predicted and gold-provision files for :mod:`textmine.nlp.eval.evaluate`.

A gold file is JSON Lines, one occurrence a line, in one of two forms:

* *full*: the row shape of ``textmine tag`` (``sentence``, ``start``, ``end``);
* *locator*: no sentence, so no document text is stored; ``text`` is the
  matched surface words and ``nth`` their 0-based order among the occurrences
  of that surface in the provision.

Every gold row carries the labelled fields (``term``, ``actor``,
``recipients``, ``modality``, ``negated``, ``voice``; ``level`` optional but
checked against the term). A provisions file lists each labelled provision,
``{"doc", "ref", "page", "count", "sha256"}``, including those with no
occurrence, so that predictions there can be judged.

Every malformed line raises :class:`~textmine.errors.InputError` naming the
file and the line.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from textmine.contract import ACTOR_GROUPS, MODALITIES, TERM_LEVELS, VOICES, locates_page
from textmine.errors import EmptyInputError, InputError
from textmine.rows import read_jsonl
from textmine.text import collapse_space

__all__ = [
    "ACTOR_GROUPS",
    "MODALITIES",
    "TERM_LEVELS",
    "VOICES",
    "load_gold",
    "load_pred",
    "load_provisions",
    "surface_key",
]

log = logging.getLogger(__name__)


def surface_key(text: str) -> str:
    """The form surface texts are compared in: folded, case-folded, straight quotes."""
    return collapse_space(text).casefold().replace("\u2019", "'")


def check_gold_row(row: Mapping[str, Any]) -> str | None:
    """The reason a gold row is invalid, or ``None`` when it is valid."""
    for key in (
        "doc",
        "ref",
        "text",
        "term",
        "actor",
        "recipients",
        "modality",
        "negated",
        "voice",
    ):
        if key not in row:
            return f"missing field '{key}'"
    has_sentence = isinstance(row.get("sentence"), str) and all(
        isinstance(row.get(k), int) for k in ("start", "end")
    )
    if not has_sentence and not isinstance(row.get("nth"), int):
        return "needs either sentence/start/end or an integer 'nth'"
    if row["ref"] is None and not locates_page(row):
        return "an occurrence without a ref needs a 'page' (an integer, or null without pages)"
    term = row["term"]
    if term not in TERM_LEVELS:
        return f"unknown term '{term}'"
    if "level" in row and row["level"] != TERM_LEVELS[term]:
        return f"level {row['level']!r} does not match term '{term}' (level {TERM_LEVELS[term]})"
    if row["actor"] not in ACTOR_GROUPS | {"unspecified"}:
        return f"unknown actor group '{row['actor']}'"
    recipients = row["recipients"]
    if not isinstance(recipients, list) or any(r not in ACTOR_GROUPS for r in recipients):
        return f"recipients must be a list of actor groups, got {recipients!r}"
    if row["modality"] not in MODALITIES:
        return f"unknown modality '{row['modality']}'"
    if not isinstance(row["negated"], bool):
        return "negated must be true or false"
    if row["voice"] not in VOICES:
        return f"unknown voice '{row['voice']}'"
    return None


def scope_of(row: Mapping[str, Any]) -> str:
    """The unit occurrences are matched within: the ref, or ``page:N`` without one (``page:?``,
    the whole document, for a document without pages)."""
    ref = row.get("ref")
    if isinstance(ref, str) and ref.strip():
        return ref.strip()
    page = row.get("page")
    if isinstance(page, int | float) and page == page:  # not NaN
        return f"page:{int(page)}"
    return "page:?"


def occurrence_key(row: Mapping[str, Any]) -> tuple[Any, ...]:
    """What makes two rows the same occurrence (used to find duplicates)."""
    if isinstance(row.get("sentence"), str):
        return (row.get("doc"), scope_of(row), collapse_space(row["sentence"]), row.get("start"))
    return (row.get("doc"), scope_of(row), surface_key(str(row.get("text"))), row.get("nth"))


def load_gold(path: str | Path, *, allow_empty: bool = False) -> list[dict[str, Any]]:
    """Read and validate a gold file (full or locator form).

    Raises :class:`InputError` naming the file and line for a malformed line, an
    invalid value or a duplicated occurrence, and :class:`EmptyInputError` for a
    file with no occurrences unless ``allow_empty`` (a labelled document may hold
    none, when a provisions file lists what was read). Each row gets ``_source`` =
    ``"file:line"``.
    """
    path = Path(path)
    rows = read_jsonl(path)
    if not rows and not allow_empty:
        raise EmptyInputError(
            path, "gold file holds no occurrences (give --provisions to score one that has none)"
        )
    seen: dict[tuple[Any, ...], int] = {}
    out: list[dict[str, Any]] = []
    for number, row in rows:
        reason = check_gold_row(row)
        if reason:
            raise InputError(path, f"line {number}: {reason}")
        key = occurrence_key(row)
        if key in seen:
            raise InputError(
                path, f"line {number}: duplicate of the occurrence on line {seen[key]}"
            )
        seen[key] = number
        out.append({**row, "_source": f"{path.name}:{number}"})
    return out


def load_pred(path: str | Path) -> list[dict[str, Any]]:
    """Read predicted rows (``textmine tag`` output); an empty file gives zero rows.

    Each row needs ``doc``, ``ref``, ``text`` and ``term``, and either
    ``sentence`` with integer ``start``/``end``, or an integer ``nth``.
    Duplicated rows are kept (the evaluation counts the extra copies as false
    positives).
    """
    path = Path(path)
    out: list[dict[str, Any]] = []
    for number, row in read_jsonl(path):
        for key in ("doc", "ref", "text", "term"):
            if key not in row:
                raise InputError(path, f"line {number}: missing field '{key}'")
        if isinstance(row.get("sentence"), str):
            if not all(isinstance(row.get(k), int) for k in ("start", "end")):
                raise InputError(path, f"line {number}: start and end must be integers")
        elif not isinstance(row.get("nth"), int):
            raise InputError(path, f"line {number}: needs sentence/start/end or an integer 'nth'")
        out.append({**row, "_source": f"{path.name}:{number}"})
    if not out:
        log.warning("%s: no predicted occurrences", path)
    return out


def load_provisions(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold provisions file: ``{"doc", "ref", "page", "count", "sha256"}`` a line."""
    path = Path(path)
    out: list[dict[str, Any]] = []
    seen: dict[tuple[Any, ...], int] = {}
    for number, row in read_jsonl(path):
        for name in ("doc", "ref", "count", "sha256"):
            if name not in row:
                raise InputError(path, f"line {number}: missing field '{name}'")
        if not isinstance(row["count"], int) or row["count"] < 0:
            raise InputError(path, f"line {number}: count must be a non-negative integer")
        key = (row["doc"], row["ref"], row.get("page"), row["sha256"])
        if key in seen:
            raise InputError(path, f"line {number}: duplicate of the provision on line {seen[key]}")
        seen[key] = number
        out.append(row)
    if not out:
        raise EmptyInputError(path, "provisions file lists no provisions")
    return out
