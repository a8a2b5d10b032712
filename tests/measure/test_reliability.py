"""The minimums below which a figure is greyed (textmine/measure/reliability.py)."""

from __future__ import annotations

from textmine.measure.reliability import cell_note, divergence_note, side_note, tii_note


def test_notes_at_and_below_each_minimum() -> None:
    assert tii_note(20) is None
    assert tii_note(2) == "fewer than 20 occurrences (n = 2)"
    assert side_note(5, 5) is None
    assert side_note(5, 1) == "fewer than 5 occurrences toward professionals (n = 1)"
    assert divergence_note(90, 20) is None
    assert divergence_note(2, 40) == "fewer than 20 occurrences in a document (n = 2)"
    assert cell_note(3) is None and cell_note(2) == "fewer than 3 occurrences (n = 2)"
