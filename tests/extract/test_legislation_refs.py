"""Provision refs and bracketed labels of legislation."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textmine.extract.legislation_refs import (
    follows,
    format_ref,
    label_kinds,
    roman_value,
    to_roman,
    top_ref,
)

_REF = re.compile(r"(?:(s\.|cl\.|reg\.)|Sch (?:(\d+[A-Z]*) )?para )(\d+[A-Z]*)((?:\([^()\s]+\))*)")

numbers = st.builds(
    lambda n, s: f"{n}{s}", st.integers(1, 300), st.sampled_from(["", "A", "B", "ZA"])
)
labels = st.lists(
    st.one_of(
        numbers,
        st.sampled_from([*"abcdefghz", "aa", "ab"]),
        st.integers(1, 40).map(to_roman),
        st.sampled_from(list("ABC")),
    ),
    max_size=4,
)


@pytest.mark.parametrize(
    ("kind", "number", "chain", "schedule", "expected"),
    [
        ("act", "27", ["3", "b", "ii"], None, "s.27(3)(b)(ii)"),
        ("act", "27", [], None, "s.27"),
        ("bill", "12", ["3", "a"], None, "cl.12(3)(a)"),
        ("si", "6", ["2", "a"], None, "reg.6(2)(a)"),
        ("si", "2", ["3", "a"], "1", "Sch 1 para 2(3)(a)"),
        ("act", "2", [], "1", "Sch 1 para 2"),
        ("act", "4", ["1"], "", "Sch para 4(1)"),
    ],
)
def test_format_ref(
    kind: str, number: str, chain: list[str], schedule: str | None, expected: str
) -> None:
    in_schedule = schedule is not None
    ref = format_ref(kind, number, chain, schedule=schedule or None, in_schedule=in_schedule)
    assert ref == expected


def test_top_ref_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError, match="guidance"):
        top_ref("guidance", "1")


@given(
    kind=st.sampled_from(["act", "bill", "si"]),
    number=numbers,
    chain=labels,
    schedule=st.one_of(st.none(), numbers),
)
def test_format_ref_round_trips(
    kind: str, number: str, chain: list[str], schedule: str | None
) -> None:
    ref = format_ref(kind, number, chain, schedule=schedule, in_schedule=schedule is not None)
    match = _REF.fullmatch(ref)
    assert match is not None
    prefix, sched, top, tail = match.groups()
    assert top == number
    assert sched == schedule
    assert (prefix is None) == (schedule is not None)
    assert re.findall(r"\(([^()]+)\)", tail) == chain


@given(st.integers(1, 3999))
def test_roman_numerals_round_trip(value: int) -> None:
    assert roman_value(to_roman(value)) == value


def test_roman_value_rejects_non_numerals() -> None:
    assert roman_value("iiii") is None
    assert roman_value("ab") is None
    assert roman_value("") is None


def test_label_kinds_ambiguity() -> None:
    assert label_kinds("i") == ("roman", "alpha")
    assert label_kinds("v") == ("roman", "alpha")
    assert label_kinds("ii") == ("roman", "alpha")
    assert label_kinds("iv") == ("roman",)
    assert label_kinds("b") == ("alpha",)
    assert label_kinds("aa") == ("alpha",)
    assert label_kinds("1A") == ("number",)
    assert label_kinds("A") == ("upper",)


@pytest.mark.parametrize(
    ("previous", "label", "kind", "expected"),
    [
        ("1", "2", "number", True),
        ("1", "1A", "number", True),
        ("1A", "1B", "number", True),
        ("1B", "2", "number", True),
        ("1", "4", "number", True),  # gap for omitted subsections
        ("1", "5", "number", False),
        ("2", "1", "number", False),
        ("h", "i", "alpha", True),
        ("a", "aa", "alpha", True),
        ("aa", "ab", "alpha", True),
        ("aa", "b", "alpha", True),
        ("a", "c", "alpha", False),
        ("iii", "iv", "roman", True),
        ("iv", "vi", "roman", False),
        ("A", "B", "upper", True),
    ],
)
def test_follows(previous: str, label: str, kind: str, expected: bool) -> None:
    assert follows(previous, label, kind) is expected


@given(st.integers(1, 200))
def test_next_number_always_follows(value: int) -> None:
    assert follows(str(value), str(value + 1), "number")
    assert follows(to_roman(value), to_roman(value + 1), "roman")
