"""Cleaners for PDF text: examples from the corpora, and hypothesis properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textmine.extract.cleaning import (
    edge_key,
    ends_sentence,
    is_lone_bullet,
    is_lone_number,
    is_page_number,
    join_lone_markers,
    letters,
    normalise_line,
    repeated_edge_lines,
    split_bullet,
)

#: Text with the artefacts the corpora show: bullets, U+FFFE, odd spaces, digits.
ARTEFACTS = ["\ufffe", "\uf0a7", "\uf0d8", "•", "\u00a0", "\t", "\u2009", "é", "ß"]
PDF_TEXT = st.text(
    alphabet=st.sampled_from([*"abcXYZ .,;:()-’1234567890", *ARTEFACTS]),
    max_size=60,
)
LINES = st.lists(
    st.one_of(
        PDF_TEXT,
        st.sampled_from(["•", "\uf0a7", "4.1", "1.30.", "123.", "12", "", "Any person"]),
    ),
    max_size=12,
)


def _marker(line: str) -> bool:
    return is_lone_bullet(line) or is_lone_number(line)


def test_lost_hyphen_restored() -> None:
    assert normalise_line("teacher for looked\ufffeafter and previously ") == (
        "teacher for looked-after and previously"
    )


def test_private_use_bullet_kept_at_start_only() -> None:
    cleaned = normalise_line("\uf0a7  arranges for the child\uf0a7 ")
    assert cleaned == "\uf0a7 arranges for the child"
    assert split_bullet("\uf0a7 arranges for the child") == "arranges for the child"
    assert split_bullet("• providing help") == "providing help"
    assert split_bullet("•") == ""
    assert split_bullet("1.1. The adoption agency") is None


def test_lone_markers() -> None:
    assert is_lone_bullet("•") and is_lone_bullet(" \uf0a7 ") and not is_lone_bullet("• x")
    assert is_lone_number("4.1") and is_lone_number("1.30.") and is_lone_number("123.")
    assert not is_lone_number("123") and not is_lone_number("4.1 Any person")


def test_join_lone_markers_keeps_first_index() -> None:
    lines = ["‘relevant persons’", "4.1", "Any person, body or organisation", "•", "item"]
    assert join_lone_markers(lines, _marker) == [
        (0, "‘relevant persons’"),
        (1, "4.1 Any person, body or organisation"),
        (3, "• item"),
    ]
    # A marker is never joined to another number or marker.
    assert join_lone_markers(["4.1", "4.2", "Text"], _marker) == [(0, "4.1"), (1, "4.2 Text")]


def test_page_numbers_and_edges() -> None:
    assert is_page_number(" 7 ") and is_page_number("Page 3") and is_page_number("3 of 40")
    assert not is_page_number("1.20") and not is_page_number("Chapter 7")
    assert edge_key("Universal Credit Act 2025 (c. 22)") == "universal credit act # (c. #)"
    words = ["Standard", "Uplift", "Schedule", "Commencement", "Extent", "Title", "Meaning", "Ends"]
    pages = [["12", "Universal Credit Act 2025 (c. 22)", f"{word} text"] for word in words]
    pages.append(["Other page"])
    assert repeated_edge_lines(pages) == {"universal credit act # (c. #)"}


def test_ends_sentence() -> None:
    assert ends_sentence("kept.") and ends_sentence("in respect of:") and ends_sentence("(“NMS”).")
    assert not ends_sentence("the agency’s medical adviser") and not ends_sentence("staff—")


@given(PDF_TEXT)
def test_normalise_never_drops_letters(text: str) -> None:
    assert letters(normalise_line(text)) == letters(text)


@given(PDF_TEXT)
def test_normalise_is_idempotent_and_clean(text: str) -> None:
    once = normalise_line(text)
    assert normalise_line(once) == once
    assert "\ufffe" not in once and "  " not in once and once == once.strip()
    assert not any("\ue000" <= ch <= "\uf8ff" for ch in once[1:])


@given(LINES)
def test_join_is_idempotent(lines: list[str]) -> None:
    once = [text for _, text in join_lone_markers(lines, _marker)]
    twice = [text for _, text in join_lone_markers(once, _marker)]
    assert twice == once


@given(LINES)
def test_join_never_drops_letters(lines: list[str]) -> None:
    joined = join_lone_markers(lines, _marker)
    assert letters("".join(text for _, text in joined)) == letters("".join(lines))
    indices = [index for index, _ in joined]
    assert indices == sorted(set(indices)) and all(0 <= i < len(lines) for i in indices)


@given(PDF_TEXT)
def test_split_bullet_never_drops_letters(text: str) -> None:
    item = split_bullet("\uf0a7 " + text)
    assert item is not None and letters(item) == letters(text)
