"""Glued provision labels (``(a)inform``) split from the word after them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textmine.extract.labels import split_glued_labels


@pytest.mark.parametrize(
    ("glued", "spaced"),
    [
        ("the authority must— (a)inform the parent;", "the authority must— (a) inform the parent;"),
        ("(b)consult the head teacher", "(b) consult the head teacher"),
        ("(ii)disagreement about the plan", "(ii) disagreement about the plan"),
        ("2(1)The Secretary of State may", "2 (1) The Secretary of State may"),
        ("6.—(1)The registered person must", "6.—(1) The registered person must"),
        ("(1)(a)involve the child", "(1)(a) involve the child"),
        ("(2A)“parent” includes", "(2A) “parent” includes"),
        ("insert— “(4B)Before deciding", "insert— “(4B) Before deciding"),
        ("(aa)work with the school", "(aa) work with the school"),
        ("(A)notify the court", "(A) notify the court"),
    ],
)
def test_glued_labels_are_split(glued: str, spaced: str) -> None:
    assert split_glued_labels(glued) == spaced
    assert split_glued_labels(spaced) == spaced


@pytest.mark.parametrize(
    "text",
    [
        "under section 2(1)The",  # a cross-reference, not a label
        "the child(ren) of",
        "the (s)he test",
        "subsections (1)(a) and (b)",
        "see paragraph (a).",
        "12(3) of the Act",  # a wrapped cross-reference at a line start
        "£(5)",
        "no brackets at all",
    ],
)
def test_other_brackets_are_left_alone(text: str) -> None:
    assert split_glued_labels(text) == text


_label = st.sampled_from(["(a)", "(b)", "(ii)", "(1)", "(2A)", "(aa)", "(B)"])
_word = st.from_regex(r"[a-z]{1,8}", fullmatch=True)
_lead = st.sampled_from(["", "must— ", "; ", ": ", "and\n", "—"])


@given(st.lists(st.tuples(_lead, _label, _word), min_size=1, max_size=6))
def test_glued_and_spaced_forms_agree(items: list[tuple[str, str, str]]) -> None:
    glued = "".join(f"{lead}{label}{word} x " for lead, label, word in items)
    spaced = "".join(f"{lead}{label} {word} x " for lead, label, word in items)
    assert split_glued_labels(glued) == split_glued_labels(spaced) == spaced


@given(st.text(alphabet=st.sampled_from(list("()abi1A2 —;:“x.\n")), max_size=60))
def test_only_spaces_are_inserted_and_it_is_idempotent(text: str) -> None:
    once = split_glued_labels(text)
    assert once.replace(" ", "") == text.replace(" ", "")
    assert split_glued_labels(once) == once
