"""Classifying changes between tagged occurrences (textmine/diff/classify.py), on hand-built rows.

The rows here stand for tagger output, so these tests need no model; the
model-backed tests on real provisions are in test_output.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from textmine.diff.align import Pair
from textmine.diff.classify import (
    CHANGE_FIELDS,
    classify_occurrences,
    compare,
    describe,
    duty,
    match_occurrences,
    provision_changes,
)
from textmine.extract.document import Provision

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


def _pair(old_text: str | None, new_text: str | None, **extra: Any) -> Pair:
    old = Provision("old", "guidance", "4.8", old_text, page=22) if old_text else None
    new = Provision("new", "guidance", "4.9", new_text, page=23) if new_text else None
    fields = {"similarity": 0.9, "method": "similar", "renumbered": True} | extra
    return Pair(old, new, 0 if old else None, 0 if new else None, **fields)


def test_duty_removed_or_added_inside_an_edited_provision() -> None:
    pair = _pair("Old text.", "New text.")
    weaker = classify_occurrences(pair, 7, [occ(), occ(modality="may", start=0)], [occ()])
    assert [(r["kind"], r["reason"]) for r in weaker] == [
        ("deleted", "term removed: may consult (local_authority -> child, parent)")
    ]
    removed = classify_occurrences(pair, 7, [occ()], [])
    assert [(r["kind"], r["reason"]) for r in removed] == [
        ("weakened", "duty removed: must consult (local_authority -> child, parent)")
    ]
    added = classify_occurrences(pair, 7, [], [occ(modality="should")])
    assert [r["kind"] for r in added] == ["strengthened"]


def test_records_have_every_field_in_order() -> None:
    pair = _pair("Old text.", "New text.")
    (record,) = classify_occurrences(pair, 7, [occ()], [occ(modality="may", page=4)])
    assert list(record) == list(CHANGE_FIELDS)
    assert record["kind"] == "weakened"
    assert (record["old_ref"], record["new_ref"], record["renumbered"]) == ("4.8", "4.9", True)
    assert (record["old_page"], record["new_page"], record["pair"]) == (3, 4, 7)
    assert (record["old_modality"], record["new_modality"]) == ("must", "may")
    assert record["old_sentence"] == SENTENCE
    assert record["scope"] == "occurrence"


def test_unchanged_only_when_asked() -> None:
    pair = _pair("Old text.", "New text.")
    assert classify_occurrences(pair, 0, [occ()], [occ()]) == []
    (record,) = classify_occurrences(pair, 0, [occ()], [occ()], include_unchanged=True)
    assert record["kind"] == "unchanged"


def test_provision_level_changes() -> None:
    (added,) = provision_changes(_pair(None, "New text."), 2, [], [occ(modality="may"), occ()])
    assert added["kind"] == "added"
    assert added["new_modality"] == "must"  # the strongest occurrence fills the term fields
    assert added["reason"] == (
        "provision added (2 partnership terms: may consult (local_authority -> child, parent); "
        "must consult (local_authority -> child, parent))"
    )
    (deleted,) = provision_changes(_pair("Old text.", None), 2, [], [])
    assert (deleted["kind"], deleted["reason"]) == (
        "deleted",
        "provision deleted (no partnership term)",
    )
    assert deleted["old_sentence"] == "Old text."
    (moved,) = provision_changes(_pair("Same.", "Same."), 2, [], [])
    assert (moved["kind"], moved["reason"]) == ("moved", "renumbered 4.8 -> 4.9")
    assert provision_changes(_pair("Same.", "Same.", renumbered=False), 2, [], []) == []
