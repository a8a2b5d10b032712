"""Text repairs for legislation: joined lines, drop caps, split words, note markers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textmine.extract.legislation_text import (
    LOST_HYPHEN,
    MARK,
    SOFT_HYPHEN,
    clean_provision_text,
    close_drop_cap,
    drop_note_marks,
    join_lines,
    mark_note_markers,
    note_markers,
    repair_drop_cap,
    repair_split_words,
    split_signature,
)

# Letters, digits, punctuation and spaces, plus the hyphen artefact; no surrogates.
_chars = st.characters(
    codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters=SOFT_HYPHEN + MARK
)
_lines = st.lists(st.text(st.one_of(_chars, st.just(LOST_HYPHEN), st.just(" ")), max_size=40))


def _ink(text: str) -> str:
    """The non-whitespace characters of ``text``, in order."""
    return "".join(ch for ch in text if not ch.isspace())


@given(_lines)
def test_join_lines_keeps_every_character_but_the_hyphen_artefact(lines: list[str]) -> None:
    joined = join_lines(lines)
    assert _ink(joined) == _ink("".join(lines)).replace(LOST_HYPHEN, "-")
    assert LOST_HYPHEN not in joined
    assert "  " not in joined and joined == joined.strip()


def test_join_lines_repairs_breaks() -> None:
    assert join_lines(["the looked", "after child"]) == "the looked after child"
    assert join_lines([f"looked{LOST_HYPHEN}", "after"]) == "looked-after"
    assert join_lines(["work-", "related activity"]) == "work-related activity"
    assert join_lines([f"partner{SOFT_HYPHEN}", "ship"]) == "partnership"
    assert join_lines(["sum—", "(a) first"]) == "sum— (a) first"
    assert join_lines(["   ", "a  b ", ""]) == "a b"


@given(st.text(st.one_of(_chars, st.just(" ")), max_size=80))
def test_split_word_repair_only_removes_spaces(text: str) -> None:
    assert _ink(repair_split_words(text)) == _ink(text)


def test_split_word_repair() -> None:
    assert repair_split_words("Lords Spiritual and Te mporal") == "Lords Spiritual and Temporal"
    assert repair_split_words("in Wa les") == "in Wales"
    assert repair_split_words("To be or In force") == "To be or In force"
    assert repair_split_words("Mr smith") == "Mr smith"


def test_drop_cap_repairs() -> None:
    assert repair_drop_cap("B E IT ENACTED by the King") == "BE IT ENACTED by the King"
    assert repair_drop_cap("B\nE IT ENACTED") == "BE IT ENACTED"
    assert close_drop_cap("B E IT ENACTED") == "BE IT ENACTED"
    assert close_drop_cap("T he Secretary of State") == "The Secretary of State"
    assert close_drop_cap("A local authority") == "A local authority"


@given(st.text(st.one_of(_chars, st.sampled_from(["[", "]", MARK, " "])), max_size=80))
def test_dropping_note_marks_keeps_letters_and_digits(text: str) -> None:
    out = drop_note_marks(text)
    assert MARK not in out
    assert [c for c in out if c.isalnum()] == [c for c in text if c.isalnum()]


def test_note_markers_and_amendment_brackets() -> None:
    def clean(text: str) -> str:
        return drop_note_marks(mark_note_markers(text))

    assert clean("a partnership M17 do not include a partnership M18 .") == (
        "a partnership do not include a partnership."
    )
    assert clean("Children Act 1989 M8[ F1or section 99 of the Act 2014];") == (
        "Children Act 1989 or section 99 of the Act 2014;"
    )
    assert clean("[ F6The registered person][ F6Subject to paragraph (1A) the person] must") == (
        "The registered person Subject to paragraph (1A) the person must"
    )
    assert clean("has been [ F9made] bankrupt") == "has been made bankrupt"
    assert clean("M1, makes these Regulations") == ", makes these Regulations"
    # Square brackets that are not amendment marks stay.
    assert clean("[3rd September 2025]") == "[3rd September 2025]"
    # An opening bracket of the next inserted item, left at the end of an item, goes.
    assert clean("a probation board for the area; [") == "a probation board for the area;"
    assert (
        mark_note_markers("the M1 motorway section 5(1)(b)")
        == f"the {MARK} motorway section 5(1)(b)"
    )
    assert note_markers("Act 1989 M8[ F1or section 99 M12") == ["M8", "F1", "M12"]


def test_clean_provision_text() -> None:
    lines = ["references to a partnership \x00 do not", "include a partnership \x00", "."]
    assert clean_provision_text(lines, revised=True) == (
        "references to a partnership do not include a partnership."
    )


def test_split_signature() -> None:
    lines = ["could be achieved with less", "regulation.", "Department for Education", "A Name"]
    assert split_signature(lines) == (lines[:2], lines[2:])
    assert split_signature(["the end.”"]) == (["the end.”"], [])
    assert split_signature(["Name", "Title"]) == ([], ["Name", "Title"])
