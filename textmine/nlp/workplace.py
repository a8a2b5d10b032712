"""The document passes over a document's rows: imperatives and bare *staff*.

Some calls need the whole document, not one unit: an imperative takes the
document's addressee (:mod:`textmine.nlp.addressee`), and bare *staff* with
no institution named in reach takes the workplace the document's staff have
where one is named. Per the annotation guidelines staff of a school, college
or setting are ``education`` and staff of a children's home (or of another
named body) ``professional``; in a guide for children's homes, *staff* in a
paragraph that names no home are still the home's staff.

While a unit is tagged, each row gets a *mark* (:func:`mark_of`):
:data:`~textmine.nlp.addressee.IMPERATIVE`, :data:`BARE_STAFF`,
``staff:<group>`` for staff whose institution was named, or ``""``.
:func:`finish_rows` runs both passes over one document's rows and marks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from textmine.contract import number_repeats
from textmine.nlp.addressee import IMPERATIVE, apply_addressee, dominant

__all__ = [
    "BARE_STAFF",
    "MIN_STAFF_ROWS",
    "MIN_STAFF_SHARE",
    "apply_workplace",
    "finish_rows",
    "mark_of",
    "workplace",
]

#: Mark of a row whose actor is staff with no institution named in reach.
BARE_STAFF = "staff"
#: Party rule (:mod:`textmine.nlp.parties`) of bare staff, and the prefix of named ones.
_BARE_RULE = "staff (no institution named)"
_NAMED_RULE = "(staff near '"
#: Fewest rows with a named workplace to give bare staff that workplace.
MIN_STAFF_ROWS = 2
#: Smallest share of those rows the workplace must hold.
MIN_STAFF_SHARE = 2 / 3


def mark_of(actor_rule: str, actor: str) -> str:
    """The document-pass mark of a row from its actor rule and group."""
    if actor_rule == IMPERATIVE:
        return IMPERATIVE
    if _BARE_RULE in actor_rule:
        return BARE_STAFF
    if _NAMED_RULE in actor_rule:
        return f"staff:{actor}"
    return ""


def workplace(marks: Sequence[str]) -> tuple[str, int, int] | None:
    """``(group, count, total)``: where the document's staff work, from the named cases."""
    named = Counter(mark.split(":", 1)[1] for mark in marks if mark.startswith("staff:"))
    return dominant(named, MIN_STAFF_ROWS, MIN_STAFF_SHARE)


def apply_workplace(rows: Sequence[dict[str, Any]], marks: Sequence[str]) -> int:
    """Give the bare-staff rows of one document the document's staff workplace.

    Returns how many rows changed; an ``explain`` object gets the deciding rule.
    """
    if BARE_STAFF not in marks:
        return 0
    found = workplace(marks)
    if found is None:
        return 0
    group, count, total = found
    changed = 0
    for row, mark in zip(rows, marks, strict=True):
        if mark != BARE_STAFF or row["actor"] == group:
            continue
        row["actor"] = group
        changed += 1
        if "explain" in row:
            row["explain"]["actor"]["rule"] += (
                f"; staff of this document work at a {group} body "
                f"({count} of {total} rows that name their institution)"
            )
    return changed


def finish_rows(rows: Sequence[dict[str, Any]], marks: Sequence[str]) -> None:
    """Both document passes over the rows of one document (in place)."""
    apply_addressee(rows, [mark == IMPERATIVE for mark in marks])
    apply_workplace(rows, marks)
    number_repeats(list(rows))
