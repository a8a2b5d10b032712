"""Classifying changes between tagged occurrences (textmine/diff/classify.py), on hand-built rows.

The rows here stand for tagger output, so these tests need no model; the
model-backed tests on real provisions are in test_output.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from textmine.diff.classify import compare, describe, duty, match_occurrences

SENTENCE = "The local authority must consult the child and his or her parent."


def occ(**fields: Any) -> dict[str, Any]:
    """An occurrence row: ``must consult`` by the local authority, the parent as recipient."""
    row: dict[str, Any] = {
        "sentence": SENTENCE,
        "start": 25,
        "end": 32,
        "text": "consult",
        "term": "consult",
        "level": 2,
        "actor": "local_authority",
        "recipients": ["child", "parent"],
        "modality": "must",
        "negated": False,
        "voice": "active",
        "page": 3,
    }
    row.update(fields)
    return row


@pytest.mark.parametrize(
    ("modality", "negated", "rank"),
    [
        ("must", False, 4),
        ("shall", False, 4),
        ("will", False, 3),
        ("should", False, 2),
        ("may", False, 1),
        ("can", False, 1),
        ("need", False, 0),
        ("none", False, 0),
        ("none", True, -1),
        ("need", True, -1),
        ("may", True, -2),
        ("should", True, -3),
        ("will", True, -4),
        ("must", True, -5),
    ],
)
def test_duty_orders_modals_and_negation_inverts(modality: str, negated: bool, rank: int) -> None:
    assert duty(modality, negated) == rank


@pytest.mark.parametrize(
    ("old", "new", "kind", "reason"),
    [
        ({}, {"modality": "may"}, "weakened", "modality must -> may"),
        ({"modality": "should"}, {}, "strengthened", "modality should -> must"),
        ({}, {"modality": "shall"}, "reworded", "modality must -> shall (same strength)"),
        ({}, {"negated": True}, "weakened", "negation added (must -> must not)"),
        (
            {"modality": "need", "negated": True},
            {},
            "strengthened",
            "negation removed (need not -> must)",
        ),
        (
            {},
            {"term": "inform", "level": 1},
            "weakened",
            "term consult -> inform (level 2 -> 1)",
        ),
        (
            {"term": "inform", "level": 1},
            {},
            "strengthened",
            "term inform -> consult (level 1 -> 2)",
        ),
        ({}, {"term": "seek"}, "reworded", "term consult -> seek (same level 2)"),
        ({}, {"recipients": ["child"]}, "weakened", "recipient parent dropped"),
        ({"recipients": ["child"]}, {}, "strengthened", "recipient parent added"),
        (
            {},
            {"actor": "unspecified", "voice": "passive"},
            "weakened",
            "actor local_authority -> unspecified (agentless passive)",
        ),
        (
            {"actor": "unspecified"},
            {},
            "strengthened",
            "actor unspecified -> local_authority (actor named)",
        ),
        ({}, {"actor": "education"}, "reworded", "actor local_authority -> education"),
        ({}, {}, "unchanged", "no change to term, modality, actor or recipients"),
        # the first signal decides; the reason says when later ones disagree
        (
            {"modality": "should"},
            {"term": "inform", "level": 1},
            "strengthened",
            "mixed: modality should -> must; term consult -> inform (level 2 -> 1)",
        ),
        # under a prohibition, more parties is less partnership
        (
            {"negated": True, "recipients": ["child"]},
            {"negated": True},
            "weakened",
            "recipient parent added",
        ),
    ],
)
def test_compare(old: dict[str, Any], new: dict[str, Any], kind: str, reason: str) -> None:
    assert compare(occ(**old), occ(**new)) == (kind, reason)


def test_describe() -> None:
    assert describe(occ()) == "must consult (local_authority -> child, parent)"
    assert describe(occ(modality="none", recipients=[])) == "consult (local_authority)"
    assert describe(occ(modality="need", negated=True)) == (
        "need not consult (local_authority -> child, parent)"
    )


def test_occurrences_match_by_content_not_position() -> None:
    first = occ()
    second = occ(
        sentence="It must inform the school of the plan.",
        start=8,
        end=14,
        text="inform",
        term="inform",
        level=1,
        recipients=["education"],
    )
    # the new version swaps the two sentences and weakens the first
    moved_second = dict(second)
    weaker_first = occ(modality="may", sentence=SENTENCE.replace("must", "may"))
    pairs = match_occurrences([first, second], [moved_second, weaker_first])
    assert pairs == [(second, moved_second), (first, weaker_first)]


def test_unmatched_occurrences_are_kept_in_order() -> None:
    first = occ()
    unrelated = occ(
        sentence="Ofsted publishes an annual report on the homes it has visited.",
        start=0,
        end=6,
        text="notify",
        term="notify",
        level=1,
        actor="other",
        recipients=[],
        modality="none",
    )
    assert match_occurrences([first], [unrelated]) == [(first, None), (None, unrelated)]
    assert match_occurrences([], [first]) == [(None, first)]
