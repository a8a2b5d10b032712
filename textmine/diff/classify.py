"""Classify what changed between two aligned provisions, occurrence by occurrence.

Input: an aligned :class:`~textmine.diff.align.Pair` and the tagged occurrences
(rows of the tagging contract) of its old and new provision. Output: change
records, one per change, with the fields of :data:`CHANGE_FIELDS`.

**Strength of a duty.** An occurrence's *duty* orders how strongly the text
asks for the partnership act, by its modal:

    must = shall (4) > will (3) > should (2) > may = can (1) > need = none (0)

Negation inverts the scale: every negated occurrence ranks below every
non-negated one, and among negated ones the stronger modal is the stronger
refusal (``not`` = ``need not`` (-1) > ``may not`` (-2) > ``should not`` (-3)
> ``will not`` (-4) > ``must not`` = ``shall not`` (-5)). So ``must`` ->
``must not`` and ``must`` -> ``need not`` are weakenings, ``need not`` ->
``must`` a strengthening.

**Matching occurrences.** Within a provision pair, old and new occurrences
are matched by content, not by position: the score of a candidate match is
``0.5 * sentence similarity + 0.3 * similarity of the five words either side
of the term + 0.2 * (same canonical term)`` (word-level
:class:`~difflib.SequenceMatcher` ratios), the best one-to-one assignment is
taken (:func:`scipy.optimize.linear_sum_assignment`), and a match needs a
score of at least :data:`MATCH_MIN`.

**Kinds.** A matched pair of occurrences is compared field by field, in this
order of priority; each difference is a *signal* up (+), down (-) or sideways:

1. duty: modal or negation (``modality should -> must`` +, ``negation added``
   -); a different modal of the same rank (``must -> shall``) is sideways;
2. term level (``inform -> consult`` +, ``consult -> inform`` -); another
   term of the same level (``consult -> seek``) is sideways;
3. recipients: a party added (+) or dropped (-);
4. actor: a named actor replaced by ``unspecified`` (an agentless passive or
   nominalisation) is -, the reverse +, one named party for another sideways.

When both occurrences are negated, signals 2-4 change sign (more parties
under a prohibition is less partnership). The change is **strengthened** or
**weakened** by the sign of its first up/down signal (the reason then starts
``mixed:`` if later signals point the other way), **reworded** when there are
only sideways signals (the same strength in other words: an inconsistency of
terminology worth a look), else **unchanged**.

An occurrence found on one side only (its sentence was removed or written
anew) is **weakened** (``duty removed``) or **strengthened** (``duty added``)
when it carried a duty of ``should`` or above, else **deleted** or **added**.
Whole provisions are **added**, **deleted** or **moved** (``renumbered`` when
their refs differ); see :func:`provision_changes`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from textmine.diff.align import Pair, collapse_space, normalise, similarity, words

__all__ = [
    "CHANGE_FIELDS",
    "KINDS",
    "MATCH_MIN",
    "MODALITY_RANK",
    "classify_occurrences",
    "compare",
    "describe",
    "duty",
    "match_occurrences",
    "provision_changes",
]

Row = Mapping[str, Any]

#: Every kind of change, strongest concern first.
KINDS: tuple[str, ...] = (
    "weakened",
    "deleted",
    "strengthened",
    "added",
    "reworded",
    "moved",
    "unchanged",
)
#: Rank of each modal (see the module docstring); unknown modals rank as ``none``.
MODALITY_RANK: dict[str, int] = {
    "must": 4,
    "shall": 4,
    "will": 3,
    "should": 2,
    "may": 1,
    "can": 1,
    "need": 0,
    "none": 0,
}
#: Lowest duty that counts as a duty when an occurrence appears or disappears.
DUTY_MIN = 2
#: Lowest score for matching an old occurrence to a new one.
MATCH_MIN = 0.45
CONTEXT_WORDS = 5
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
    "page",
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
    *(f"{side}_{name}" for name in _SIDE_FIELDS if name != "page" for side in ("old", "new")),
    "pair",
)


def duty(modality: object, negated: object) -> int:
    """The duty rank of an occurrence: the modal's rank, or ``-1 - rank`` when negated."""
    rank = MODALITY_RANK.get(str(modality or "none"), 0)
    return -1 - rank if negated else rank


def _modal(row: Row) -> str:
    """``must``, ``must not``, ``none`` (no modal), ``not`` (negated, no modal)."""
    modality = str(row.get("modality") or "none")
    if row.get("negated"):
        return "not" if modality == "none" else f"{modality} not"
    return modality


def describe(row: Row) -> str:
    """A short account of an occurrence: ``must consult (local_authority -> child, parent)``.

    The modal is left out when there is none (``consider (other)``).
    """
    who = str(row.get("actor") or "unspecified")
    recipients = list(row.get("recipients") or [])
    to = f" -> {', '.join(recipients)}" if recipients else ""
    modal = _modal(row)
    lead = "" if modal == "none" else f"{modal} "
    return f"{lead}{row.get('term')} ({who}{to})"


def compare(old: Row, new: Row) -> tuple[str, str]:
    """The kind and reason of the change from occurrence ``old`` to occurrence ``new``."""
    signals: list[tuple[int, str]] = []
    d_old, d_new = (
        duty(old.get("modality"), old.get("negated")),
        duty(new.get("modality"), new.get("negated")),
    )
    if bool(old.get("negated")) != bool(new.get("negated")):
        change = "added" if new.get("negated") else "removed"
        signals.append(
            (_sign(d_new - d_old), f"negation {change} ({_modal(old)} -> {_modal(new)})")
        )
    elif old.get("modality") != new.get("modality"):
        text = f"modality {old.get('modality')} -> {new.get('modality')}"
        if d_old == d_new:
            text += " (same strength)"
        signals.append((_sign(d_new - d_old), text))

    flip = -1 if old.get("negated") and new.get("negated") else 1
    l_old, l_new = int(old.get("level") or 0), int(new.get("level") or 0)
    if old.get("term") != new.get("term"):
        if l_old == l_new:
            text = f"term {old.get('term')} -> {new.get('term')} (same level {l_new})"
        else:
            text = f"term {old.get('term')} -> {new.get('term')} (level {l_old} -> {l_new})"
        signals.append((flip * _sign(l_new - l_old), text))

    r_old, r_new = list(old.get("recipients") or []), list(new.get("recipients") or [])
    for party in r_old:
        if party not in r_new:
            signals.append((-flip, f"recipient {party} dropped"))
    for party in r_new:
        if party not in r_old:
            signals.append((flip, f"recipient {party} added"))

    a_old, a_new = str(old.get("actor") or "unspecified"), str(new.get("actor") or "unspecified")
    if a_old != a_new:
        if a_new == "unspecified":
            how = "agentless passive" if new.get("voice") == "passive" else "no actor named"
            signals.append((-flip, f"actor {a_old} -> unspecified ({how})"))
        elif a_old == "unspecified":
            signals.append((flip, f"actor unspecified -> {a_new} (actor named)"))
        else:
            signals.append((0, f"actor {a_old} -> {a_new}"))

    if not signals:
        return "unchanged", "no change to term, modality, actor or recipients"
    reason = "; ".join(text for _direction, text in signals)
    directions = [d for d, _text in signals if d]
    if not directions:
        return "reworded", reason
    kind = "strengthened" if directions[0] > 0 else "weakened"
    if any(d != directions[0] for d in directions):
        reason = "mixed: " + reason
    return kind, reason


def _sign(value: int) -> int:
    return (value > 0) - (value < 0)


def _context(row: Row) -> list[str]:
    sentence = str(row.get("sentence") or "")
    start, end = int(row.get("start") or 0), int(row.get("end") or 0)
    left = words(normalise(sentence[:start]))[-CONTEXT_WORDS:]
    right = words(normalise(sentence[end:]))[:CONTEXT_WORDS]
    return [*left, "@", *right]


def match_occurrences(
    old: Sequence[Row], new: Sequence[Row]
) -> list[tuple[Row | None, Row | None]]:
    """Old and new occurrences of one provision pair, matched by content (module docstring).

    Matched pairs and unmatched new occurrences come in the new provision's
    order; an unmatched old occurrence comes right after the match of the old
    occurrence before it (first, if none was matched).
    """
    if not old or not new:
        return [(o, None) for o in old] + [(None, n) for n in new]
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    sentences_old = [words(normalise(str(o.get("sentence") or ""))) for o in old]
    sentences_new = [words(normalise(str(n.get("sentence") or ""))) for n in new]
    contexts_old = [_context(o) for o in old]
    contexts_new = [_context(n) for n in new]
    score = np.zeros((len(old), len(new)))
    for i, o in enumerate(old):
        for j, n in enumerate(new):
            score[i, j] = (
                0.5 * similarity(sentences_old[i], sentences_new[j])
                + 0.3 * similarity(contexts_old[i], contexts_new[j])
                + 0.2 * (o.get("term") == n.get("term"))
            )
    rows, cols = linear_sum_assignment(-score)
    partner = {int(i): int(j) for i, j in zip(rows, cols, strict=True) if score[i, j] >= MATCH_MIN}
    placed: list[tuple[float, int, Row | None, Row | None]] = []
    taken = set(partner.values())
    placed.extend((float(j), 1, None, n) for j, n in enumerate(new) if j not in taken)
    anchor = -1.0  # new position of the last matched old occurrence so far
    for i, o in enumerate(old):
        if i in partner:
            anchor = float(partner[i])
            placed.append((anchor, 1, o, new[partner[i]]))
        else:
            placed.append((anchor + 0.5, 0, o, None))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [(o, n) for _key, _rank, o, n in placed]


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
            if name == "page":
                continue
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
        if row is not None and row.get("page") is not None:
            record[f"{side}_page"] = row.get("page")
    record["pair"] = index
    return {name: record.get(name) for name in CHANGE_FIELDS}


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
        parts.append(f"renumbered {pair.old.ref or '(no ref)'} -> {pair.new.ref or '(no ref)'}")
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


def classify_occurrences(
    pair: Pair,
    index: int,
    old_rows: Sequence[Row],
    new_rows: Sequence[Row],
    *,
    include_unchanged: bool = False,
) -> list[dict[str, Any]]:
    """Occurrence-level changes of an aligned pair (both sides present)."""
    out: list[dict[str, Any]] = []
    for old, new in match_occurrences(old_rows, new_rows):
        if old is not None and new is not None:
            kind, reason = compare(old, new)
        elif old is not None:
            strong = duty(old.get("modality"), old.get("negated")) >= DUTY_MIN
            kind = "weakened" if strong else "deleted"
            reason = f"{'duty' if strong else 'term'} removed: {describe(old)}"
        else:
            assert new is not None
            strong = duty(new.get("modality"), new.get("negated")) >= DUTY_MIN
            kind = "strengthened" if strong else "added"
            reason = f"{'duty' if strong else 'term'} added: {describe(new)}"
        if kind == "unchanged" and not include_unchanged:
            continue
        out.append(_record(kind, reason, "occurrence", pair, index, old, new))
    if include_unchanged and not out and pair.status == "edited":
        out.append(
            _record(
                "unchanged",
                f"text edited (similarity {pair.similarity:.2f}); no partnership term changed",
                "provision",
                pair,
                index,
                None,
                None,
            )
        )
    return out
