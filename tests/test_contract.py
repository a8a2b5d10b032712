"""The neutral row contract (textmine/contract.py): fields, vocabularies and stable ids."""

from __future__ import annotations

from textmine.contract import (
    EXTRA_FIELDS,
    LABEL_FIELDS,
    OCCURRENCE_FIELDS,
    number_repeats,
    occurrence_id,
)
from textmine.nlp import component


def test_the_contract_fields_end_with_the_components_labels() -> None:
    assert OCCURRENCE_FIELDS[:7] == ("doc", "ref", "page", "sentence", "start", "end", "text")
    assert OCCURRENCE_FIELDS[7:] == LABEL_FIELDS == component.LABEL_FIELDS
    assert not set(EXTRA_FIELDS) & set(OCCURRENCE_FIELDS)


def test_ids_survive_rewrapping_and_leading_space() -> None:
    wrapped = occurrence_id("d", "The authority  must\nconsult the parent.", 20, "consult")
    plain = occurrence_id("d", "The authority must consult the parent.", 19, "consult")
    assert (
        wrapped
        == plain
        == occurrence_id("d", "  The authority must consult the parent.", 21, "consult")
    )
    assert len(plain) == 16 and int(plain, 16) >= 0


def test_ids_differ_by_document_text_and_place() -> None:
    base = occurrence_id("d", "The authority must consult the parent.", 19, "consult")
    assert occurrence_id("e", "The authority must consult the parent.", 19, "consult") != base
    assert occurrence_id("d", "The authority must consult the parents.", 19, "consult") != base
    assert occurrence_id("d", "consult and consult", 12, "consult") != occurrence_id(
        "d", "consult and consult", 0, "consult"
    )


def test_repeated_ids_are_numbered_in_order() -> None:
    rows: list[dict[str, object]] = [{"id": "a"}, {"id": "b"}, {"id": "a"}, {"id": "a"}]
    number_repeats(rows)
    assert [r["id"] for r in rows] == ["a", "b", "a-2", "a-3"]
