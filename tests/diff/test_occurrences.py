"""Tagging only what a diff needs (textmine/diff/occurrences.py)."""

from __future__ import annotations

from typing import Any

from tests.diff.conftest import edited, index_of
from textmine.diff.align import align
from textmine.diff.occurrences import needed, tag_provisions
from textmine.extract.document import Document


def test_a_changed_lead_in_tags_its_whole_unit_on_both_sides(si: Document) -> None:
    draft = edited(si, "reg.16(3)", "The registered person must—", "The registered person may—")
    unit = {index_of(si, r) for r in ("reg.16(3)", "reg.16(3)(a)", "reg.16(3)(b)")}
    assert unit == {255, 256, 257}
    assert needed(si, draft, align(si, draft)) == (unit, unit, {})


def test_identical_units_are_tagged_once(si: Document) -> None:
    assert needed(si, si, align(si, si)) == (set(), set(), {})
    tag_old, tag_new, mirror = needed(si, si, align(si, si), include_unchanged=True)
    assert (len(tag_old), len(tag_new)) == (0, 868)
    assert mirror == {i: i for i in range(868)}


def test_rows_find_their_provision_where_refs_are_missing(homes: Document, nlp: Any) -> None:
    """Unnumbered blocks (the guide's regulation boxes) keep their own rows and pages."""
    unnumbered = [i for i, p in enumerate(homes.provisions) if p.ref is None]
    # The reader now gives the eight key principles (page 6, between 1.12 and 1.13) as
    # unnumbered provisions of their own; the regulation boxes follow, each 8 later
    # than before ([27, 29, 39, 82, 108]).
    assert unnumbered[:8] == list(range(12, 20))
    assert {homes.provisions[i].page for i in unnumbered[:8]} == {6}
    boxes = unnumbered[8:13]
    assert boxes == [35, 37, 47, 90, 116]
    assert homes.provisions[90].text.startswith("7.—(1)")
    rows = tag_provisions(homes, boxes, nlp=nlp)
    assert sorted(rows) == boxes
    assert {r["ref"] for i in boxes for r in rows[i]} == {None}
    assert [r["page"] for r in rows[90]] == [20] * len(rows[90])
    assert len(rows[90]) >= 4  # 7.—(1) the children's views, wishes and feelings standard
    assert all(r["sentence"] in " ".join(homes.provisions[90].text.split()) for r in rows[90])
