"""Classify what changed between two tagged occurrences, and match occurrences across versions.

Occurrences are rows of the tagging contract. This module says how strong an
occurrence's duty is (:func:`duty`), which old and new occurrences of an
aligned provision pair are the same one (:func:`match_occurrences`) and what
kind of change lies between them (:func:`compare`);
:mod:`textmine.diff.changes` turns its answers into change records.

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
anew, and it was not found in another provision either, see
:mod:`textmine.diff.reconcile`) is **weakened** (``duty removed``) or
**strengthened** (``duty added``) when it carried a duty of ``should`` or
above (:data:`DUTY_MIN`), else **deleted** or **added**. Whole provisions are
**added**, **deleted** or **moved** (``renumbered`` when their refs differ).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textmine.diff.align import normalise, similarity, words

__all__ = [
    "DUTY_MIN",
    "KINDS",
    "MATCH_MIN",
    "MODALITY_RANK",
    "compare",
    "describe",
    "duty",
    "features",
    "match_occurrences",
    "occurrence_score",
    "score_matrix",
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
#: Deliberately finer than the measures' three strength classes
#: (:data:`textmine.measure.frame.MODALITY_RANK`, must/shall > should/will >
#: may/can/need > none): a draft diff must see ``will -> should`` as a
#: weakening, and ranks ``need`` with ``none`` so that ``need not`` is the
#: mildest refusal; pooling them as the measures do would hide those changes.
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


def features(row: Row) -> tuple[list[str], list[str]]:
    """What occurrence matching compares: the sentence's words and the term's context."""
    return words(normalise(str(row.get("sentence") or ""))), _context(row)


def occurrence_score(
    old: tuple[list[str], list[str]], new: tuple[list[str], list[str]], same_term: bool
) -> float:
    """``0.5 * sentence similarity + 0.3 * context similarity + 0.2 * same term``, in 0..1."""
    return (
        0.5 * similarity(old[0], new[0]) + 0.3 * similarity(old[1], new[1]) + 0.2 * float(same_term)
    )


def score_matrix(old: Sequence[Row], new: Sequence[Row]) -> Any:
    """The :func:`occurrence_score` of every old occurrence against every new one (ndarray)."""
    import numpy as np

    f_old, f_new = [features(o) for o in old], [features(n) for n in new]
    score = np.zeros((len(old), len(new)))
    for i, o in enumerate(old):
        for j, n in enumerate(new):
            score[i, j] = occurrence_score(f_old[i], f_new[j], o.get("term") == n.get("term"))
    return score


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
    from scipy.optimize import linear_sum_assignment

    score = score_matrix(old, new)
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
