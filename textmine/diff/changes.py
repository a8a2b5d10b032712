"""The change records of a diff: one plain dict per change, with :data:`CHANGE_FIELDS`.

Kinds and reasons come from :mod:`textmine.diff.classify`; this module puts
them into records for a provision pair:

* :func:`provision_changes`: a whole provision ``added``, ``deleted`` or
  ``moved`` (``renumbered`` when its ref changed). An added or deleted
  provision's record carries its strongest occurrence (by duty, then level) in
  the term fields and lists every occurrence in the reason;
* :func:`occurrence_changes`: the matched occurrences of an edited pair, compared;
* :func:`orphan_change`: an occurrence found on one side only of an edited
  pair: a duty of ``should`` or above removed is ``weakened`` (added:
  ``strengthened``), anything less ``deleted`` (``added``);
* :func:`moved_change`: an occurrence found again in another provision (see
  :mod:`textmine.diff.reconcile`): ``moved`` if it reads the same, else the
  kind of its change, with where it went in the reason.

A record's ``old_*``/``new_*`` fields describe the occurrence on each side
(``None`` where there is none); ``*_sentence`` of a provision-level record with
no occurrence is the provision's text. ``pair`` is the index of the pair in the
alignment, which the HTML report groups by.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from textmine.diff.align import Pair, collapse_space, normalise, similarity, words
from textmine.diff.classify import DUTY_MIN, compare, describe, duty, match_occurrences
from textmine.extract.document import Provision

__all__ = [
    "CHANGE_FIELDS",
    "label",
    "moved_change",
    "occurrence_changes",
    "orphan_change",
    "provision_changes",
]

Row = Mapping[str, Any]

#: Fields of an occurrence given for each side (``old_term``, ``new_term`` ...).
_SIDE_FIELDS = (
    "term",
    "level",
    "modality",
    "negated",
    "actor",
    "recipients",
    "voice",
    "text",
    "sentence",
)
#: Columns of a change record, in order.
CHANGE_FIELDS: tuple[str, ...] = (
    "kind",
    "reason",
    "scope",
    "old_doc",
    "new_doc",
    "old_ref",
    "new_ref",
    "old_page",
    "new_page",
    "renumbered",
    "similarity",
    *(f"{side}_{name}" for name in _SIDE_FIELDS for side in ("old", "new")),
    "pair",
    # who made the change and when: Word's tracked changes (``textmine diff DRAFT.docx``)
    "author",
    "date",
)


def _record(
    kind: str,
    reason: str,
    scope: str,
    pair: Pair,
    index: int,
    old: Row | None,
    new: Row | None,
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "kind": kind,
        "reason": reason,
        "scope": scope,
        "old_doc": pair.old.doc if pair.old else None,
        "new_doc": pair.new.doc if pair.new else None,
        "old_ref": pair.old.ref if pair.old else None,
        "new_ref": pair.new.ref if pair.new else None,
        "old_page": pair.old.page if pair.old else None,
        "new_page": pair.new.page if pair.new else None,
        "renumbered": bool(pair.old and pair.new and pair.renumbered),
        "similarity": round(pair.similarity, 4),
    }
    for side, row, provision in (("old", old, pair.old), ("new", new, pair.new)):
        for name in _SIDE_FIELDS:
            value = row.get(name) if row is not None else None
            if name == "recipients" and row is not None:
                value = list(value or [])
            if (
                name == "sentence"
                and row is None
                and provision is not None
                and scope == "provision"
            ):
                value = collapse_space(provision.text)
            record[f"{side}_{name}"] = value
    record["pair"] = index
    return {name: record.get(name) for name in CHANGE_FIELDS}


def label(provision: Provision) -> str:
    """How a reason names a provision: its ref, else ``unnumbered text on p. 10``."""
    if provision.ref:
        return provision.ref
    return f"unnumbered text on p. {provision.page}" if provision.page else "unnumbered text"


def _strongest(rows: Iterable[Row]) -> Row | None:
    return max(
        rows,
        key=lambda r: (duty(r.get("modality"), r.get("negated")), int(r.get("level") or 0)),
        default=None,
    )


def _terms_note(rows: Sequence[Row]) -> str:
    if not rows:
        return "no partnership term"
    noun = "partnership term" if len(rows) == 1 else "partnership terms"
    return f"{len(rows)} {noun}: " + "; ".join(describe(r) for r in rows)


def _moved_reason(pair: Pair) -> str:
    assert pair.old is not None and pair.new is not None
    parts: list[str] = []
    if pair.renumbered:
        parts.append(f"renumbered {label(pair.old)} -> {label(pair.new)}")
    if pair.moved:
        if (pair.old.part or "") != (pair.new.part or ""):
            parts.append(
                f"moved from {pair.old.part or '(no Part)'} to {pair.new.part or '(no Part)'}"
            )
        elif (pair.old.chapter or "") != (pair.new.chapter or ""):
            parts.append(
                f"moved from {pair.old.chapter or '(no Chapter)'} "
                f"to {pair.new.chapter or '(no Chapter)'}"
            )
        else:
            parts.append("moved to another position")
    if pair.status == "edited":
        parts.append(f"text edited (similarity {pair.similarity:.2f})")
    return "; ".join(parts)


def provision_changes(
    pair: Pair, index: int, old_rows: Sequence[Row], new_rows: Sequence[Row]
) -> list[dict[str, Any]]:
    """The provision-level change of ``pair`` (added, deleted or moved), if any.

    An added or deleted provision's row carries its strongest occurrence (by
    duty, then level) in the term fields, and lists every occurrence in the
    reason.
    """
    if pair.old is None:
        note = _terms_note(new_rows)
        best = _strongest(new_rows)
        return [_record("added", f"provision added ({note})", "provision", pair, index, None, best)]
    if pair.new is None:
        note = _terms_note(old_rows)
        best = _strongest(old_rows)
        return [
            _record("deleted", f"provision deleted ({note})", "provision", pair, index, best, None)
        ]
    if pair.moved or pair.renumbered:
        return [_record("moved", _moved_reason(pair), "provision", pair, index, None, None)]
    return []


def occurrence_changes(
    pair: Pair,
    index: int,
    old_rows: Sequence[Row],
    new_rows: Sequence[Row],
    *,
    include_unchanged: bool = False,
) -> tuple[list[dict[str, Any]], list[Row], list[Row]]:
    """Changes between the matched occurrences of an aligned pair (both sides present).

    Returns the records and the occurrences left unmatched on the old and on
    the new side: those may have moved to another provision (see
    :mod:`textmine.diff.reconcile`); :func:`orphan_change` classifies the ones
    that did not.
    """
    out: list[dict[str, Any]] = []
    lost: list[Row] = []
    gained: list[Row] = []
    for old, new in match_occurrences(old_rows, new_rows):
        if old is None:
            assert new is not None
            gained.append(new)
            continue
        if new is None:
            lost.append(old)
            continue
        kind, reason = compare(old, new)
        if kind == "unchanged" and not include_unchanged:
            continue
        out.append(_record(kind, reason, "occurrence", pair, index, old, new))
    if include_unchanged and not out and not lost and not gained and pair.status == "edited":
        reason = f"text edited (similarity {pair.similarity:.2f}); no partnership term changed"
        out.append(_record("unchanged", reason, "provision", pair, index, None, None))
    return out, lost, gained


def orphan_change(pair: Pair, index: int, row: Row, side: str) -> dict[str, Any]:
    """The change of an occurrence found on one side only of an edited pair.

    ``side`` is ``old`` (it was removed) or ``new`` (it was added); a duty of
    ``should`` or above makes it ``weakened``/``strengthened``, anything less
    ``deleted``/``added``.
    """
    strong = duty(row.get("modality"), row.get("negated")) >= DUTY_MIN
    what = "duty" if strong else "term"
    if side == "old":
        kind = "weakened" if strong else "deleted"
        return _record(
            kind, f"{what} removed: {describe(row)}", "occurrence", pair, index, row, None
        )
    kind = "strengthened" if strong else "added"
    return _record(kind, f"{what} added: {describe(row)}", "occurrence", pair, index, None, row)


def moved_change(old_pair: Pair, new_pair: Pair, index: int, old: Row, new: Row) -> dict[str, Any]:
    """The change of an occurrence that left one provision for another (a split or merge).

    Read the same, it is ``moved``; changed on the way, it takes the kind of
    the change, and the reason says where it went.
    """
    assert old_pair.old is not None and new_pair.new is not None
    via = Pair(
        old_pair.old,
        new_pair.new,
        old_pair.old_index,
        new_pair.new_index,
        similarity(
            words(normalise(str(old.get("sentence") or ""))),
            words(normalise(str(new.get("sentence") or ""))),
        ),
        "occurrence",
        renumbered=old_pair.old.ref != new_pair.new.ref,
    )
    where = f"term moved from {label(old_pair.old)} to {label(new_pair.new)}"
    kind, reason = compare(old, new)
    if kind == "unchanged":
        return _record("moved", f"{where}: {describe(new)}", "occurrence", via, index, old, new)
    return _record(kind, f"{where}; {reason}", "occurrence", via, index, old, new)
