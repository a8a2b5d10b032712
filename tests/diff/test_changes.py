"""Change records of a diff (textmine/diff/changes.py), from hand-built rows."""

from __future__ import annotations

from typing import Any

from tests.diff.test_classify import SENTENCE, occ
from textmine.diff.align import Pair
from textmine.diff.changes import (
    CHANGE_FIELDS,
    occurrence_changes,
    orphan_change,
    provision_changes,
)
from textmine.extract.document import Provision


def _pair(old_text: str | None, new_text: str | None, **extra: Any) -> Pair:
    old = Provision("old", "guidance", "4.8", old_text, page=22) if old_text else None
    new = Provision("new", "guidance", "4.9", new_text, page=23) if new_text else None
    fields: dict[str, Any] = {"similarity": 0.9, "method": "similar", "renumbered": True} | extra
    return Pair(old, new, 0 if old else None, 0 if new else None, **fields)


def test_unmatched_occurrences_are_handed_back() -> None:
    pair = _pair("Old text.", "New text.")
    may = occ(modality="may", start=0)
    records, lost, gained = occurrence_changes(pair, 7, [occ(), may], [occ()])
    assert (records, lost, gained) == ([], [may], [])
    records, lost, gained = occurrence_changes(pair, 7, [], [may])
    assert (records, lost, gained) == ([], [], [may])


def test_orphans_with_a_duty_weaken_or_strengthen() -> None:
    pair = _pair("Old text.", "New text.")
    assert [
        (r["kind"], r["reason"])
        for r in (
            orphan_change(pair, 7, occ(), "old"),
            orphan_change(pair, 7, occ(modality="may"), "old"),
            orphan_change(pair, 7, occ(modality="should"), "new"),
            orphan_change(pair, 7, occ(modality="must", negated=True), "new"),
        )
    ] == [
        ("weakened", "duty removed: must consult (local_authority -> child, parent)"),
        ("deleted", "term removed: may consult (local_authority -> child, parent)"),
        ("strengthened", "duty added: should consult (local_authority -> child, parent)"),
        ("added", "term added: must not consult (local_authority -> child, parent)"),
    ]


def test_records_have_every_field_in_order() -> None:
    pair = _pair("Old text.", "New text.")
    (record,), _, _ = occurrence_changes(pair, 7, [occ()], [occ(modality="may", page=4)])
    assert list(record) == list(CHANGE_FIELDS)
    assert record["kind"] == "weakened"
    assert (record["old_ref"], record["new_ref"], record["renumbered"]) == ("4.8", "4.9", True)
    assert (record["old_page"], record["new_page"], record["pair"]) == (22, 23, 7)
    assert (record["old_modality"], record["new_modality"]) == ("must", "may")
    assert record["old_sentence"] == SENTENCE
    assert record["scope"] == "occurrence"


def test_unchanged_only_when_asked() -> None:
    pair = _pair("Old text.", "New text.")
    assert occurrence_changes(pair, 0, [occ()], [occ()]) == ([], [], [])
    (record,), _, _ = occurrence_changes(pair, 0, [occ()], [occ()], include_unchanged=True)
    assert record["kind"] == "unchanged"
    (edited,), _, _ = occurrence_changes(pair, 0, [], [], include_unchanged=True)
    assert (edited["kind"], edited["scope"]) == ("unchanged", "provision")
    assert edited["reason"] == "text edited (similarity 0.90); no partnership term changed"


def test_moved_occurrence() -> None:
    from textmine.diff.changes import moved_change

    old_pair, new_pair = _pair("Old text.", None), _pair(None, "New text.")
    record = moved_change(old_pair, new_pair, 5, occ(), occ())
    assert (record["kind"], record["old_ref"], record["new_ref"], record["pair"]) == (
        "moved",
        "4.8",
        "4.9",
        5,
    )
    assert record["reason"] == (
        "term moved from 4.8 to 4.9: must consult (local_authority -> child, parent)"
    )
    weaker = moved_change(old_pair, new_pair, 5, occ(), occ(modality="may"))
    assert (weaker["kind"], weaker["reason"]) == (
        "weakened",
        "term moved from 4.8 to 4.9; modality must -> may",
    )


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
