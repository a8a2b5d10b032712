"""The outline of subsections and lists below one provision."""

from __future__ import annotations

from textmine.extract.legislation_outline import Outline


def _at_h() -> Outline:
    outline = Outline()
    assert outline.number("1", 100.0)
    assert outline.letter("a", 114.0, lead_in=True)
    for label in "bcdefgh":
        assert outline.letter(label, 114.0, lead_in=False)
    return outline


def test_i_after_h_is_a_letter_unless_a_lead_in_opens_numerals() -> None:
    outline = _at_h()
    assert outline.letter("i", 114.0, lead_in=False)  # "(h) ...;" then "(i)"
    assert outline.labels() == ["1", "i"]
    assert outline.levels[-1].kind == "alpha"
    assert outline.letter("j", 114.0, lead_in=False)
    assert outline.labels() == ["1", "j"]

    outline = _at_h()
    assert outline.letter("i", 143.0, lead_in=True)  # "(h) ...—" then "(i)"
    assert outline.labels() == ["1", "h", "i"]
    assert outline.levels[-1].kind == "roman"
    assert outline.letter("ii", 140.0, lead_in=False)
    assert outline.letter("i", 114.0, lead_in=False)  # back to the letters: (i) after (h)
    assert outline.labels() == ["1", "i"]


def test_labels_that_do_not_fit_are_refused() -> None:
    outline = Outline()
    assert not outline.number("2", 100.0)  # a section starts at (1)
    assert outline.number("1", 100.0)
    assert not outline.number("3A", 100.0)
    assert not outline.letter("c", 114.0, lead_in=False)  # no list open, and not (a)
    assert outline.letter("a", 114.0, lead_in=False)
    assert not outline.letter("ii", 130.0, lead_in=False)  # no numerals open


def test_place_by_indent_finds_closing_words() -> None:
    outline = Outline()
    assert outline.number("1", 102.0)
    assert outline.letter("a", 114.8, lead_in=True)
    assert not outline.place(132.4, learn=True)  # continuation of (a): teaches its indent
    outline.letter("b", 114.2, lead_in=False)
    outline.letter("i", 143.5, lead_in=True)
    assert not outline.place(156.4, learn=True)
    assert outline.place(132.5, learn=True)  # closing words of (b)
    assert outline.labels() == ["1", "b"]
    assert outline.place(90.0, learn=True)  # closing words of the subsection
    assert outline.labels() == ["1"]
    assert not outline.place(90.0, learn=True)


def test_aligned_with_subsection_label() -> None:
    outline = Outline()
    assert not outline.aligned(102.0)
    outline.number("1", 102.4)
    assert outline.aligned(102.0) and not outline.aligned(110.0) and not outline.aligned(None)
