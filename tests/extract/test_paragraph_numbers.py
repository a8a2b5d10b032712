"""Paragraph-number selection by sequence continuity."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textmine.extract.paragraph_numbers import (
    candidates,
    detect_style,
    longest_chain,
    select_paragraphs,
)


def test_styles() -> None:
    lines = ["1.30. The agency", "1.20 The principles", "123. Schools", "10.The most", "1. 21 x"]
    assert [c.number for c in candidates(lines, "dotted")] == ["1.30"]
    assert [c.number for c in candidates(lines, "plain")] == ["1.20"]
    assert [c.number for c in candidates(lines, "flat")] == ["123", "10", "1"]
    assert candidates(lines, "flat")[1].rest == "The most"


def test_flat_rejects_list_items_and_cross_references() -> None:
    lines = [
        "1. Schools and colleges",
        "2. Safeguarding is everyone’s",
        "Options will then include:",
        "1. Manage internally",
        "2. Early help",
        "3. No single practitioner",
        "discussed at paragraph",
        "1. ",
        "4. School and college staff",
    ]
    chain = select_paragraphs(lines, "flat")
    assert [(c.index, c.number) for c in chain] == [(0, "1"), (1, "2"), (5, "3"), (8, "4")]


def test_chapter_gap_and_new_chapter() -> None:
    lines = ["13.5 a", "13.6 b", "17.2 of the NMS", "14.2 c", "14.3 d", "15.1 e"]
    chain = select_paragraphs(["13.1 x", "13.2 x", "13.3 x", "13.4 x", *lines], "plain")
    assert "17.2" not in [c.number for c in chain]
    assert [c.number for c in chain] == [
        "13.1",
        "13.2",
        "13.3",
        "13.4",
        "13.5",
        "13.6",
        "14.2",
        "14.3",
        "15.1",
    ]


def test_detect_style_needs_enough_paragraphs() -> None:
    assert detect_style(["1. Purpose of the local offer", "2. The support", "3. Examples"]) is None
    dotted = [f"{c}.{p}. Text" for c in (1, 2) for p in range(1, 6)]
    assert detect_style(dotted) == "dotted"


@st.composite
def numbered_document(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """Lines of a chapter.paragraph document with false candidates mixed in."""
    sizes = draw(st.lists(st.integers(1, 12), min_size=1, max_size=5))
    lines: list[str] = []
    truth: list[str] = []
    for chapter, size in enumerate(sizes, start=1):
        for para in range(1, size + 1):
            if draw(st.booleans()):
                # a cross-reference wrapped to a line start, to a chapter far away
                lines.append(f"{chapter + 10}.{draw(st.integers(5, 40))}. of the Regulations")
            if draw(st.booleans()):
                lines.append("text of the paragraph")
            lines.append(f"{chapter}.{para}. Paragraph text")
            truth.append(f"{chapter}.{para}")
    return lines, truth


@given(numbered_document())
def test_longest_chain_recovers_the_sequence(document: tuple[list[str], list[str]]) -> None:
    lines, truth = document
    chain = longest_chain(candidates(lines, "dotted"))
    assert [c.number for c in chain] == truth
    assert all(lines[c.index].endswith("Paragraph text") for c in chain)
