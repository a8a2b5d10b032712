"""Tests of textmine/measure/alignment.py: citations and duties restated weaker or stronger."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.measure.factory import frame, occ
from textmine.measure.alignment import cited_provisions, ref_key, strength_alignment


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Section 19 applies.", ["s.19"]),
        ("See s.19(2) and s. 22.", ["s.19", "s.22"]),
        ("Under sections 19 and 20 the duty...", ["s.19", "s.20"]),
        ("sections 19, 20 and 21", ["s.19", "s.20", "s.21"]),
        ("sections 19 to 21", ["s.19", "s.20", "s.21"]),
        ("regulation 6 requires", ["reg.6"]),
        ("regulations 5-7", ["reg.5", "reg.6", "reg.7"]),
        ("reg. 12(2)(a)", ["reg.12"]),
        ("clause 3 or 4", ["cl.3", "cl.4"]),
        ("Section 2A", ["s.2A"]),
        ("section 17 of the Children Act 1989", []),
        ("section 17 of the 1989 Act", []),
        ("This sets 19 goals.", []),
    ],
)
def test_cited_provisions(sentence: str, expected: list[str]) -> None:
    assert cited_provisions(sentence, "act_2014") == expected


def test_citation_of_the_same_instrument_is_kept() -> None:
    sentence = "regulation 7 of the Children's Homes (England) Regulations 2015"
    assert cited_provisions(sentence, "uksi_2015_541_childrens_homes") == ["reg.7"]
    assert cited_provisions(sentence, "ukpga_2025_22") == []


def test_ref_key() -> None:
    assert ref_key("s.19(2)(a)") == "s.19"
    assert ref_key("reg.6(2)") == "reg.6"
    assert ref_key("cl.12") == "cl.12"
    assert ref_key("Sch 2 para 3") is None
    assert ref_key("9.14") is None
    assert ref_key(None) is None


def test_strength_alignment(act, guide) -> None:  # type: ignore[no-untyped-def]
    table = strength_alignment(act, guide).set_index("provision_b")
    assert table.index.tolist() == ["guide:1.1", "guide:1.2", "guide:1.3", "guide:1.4", "guide:1.5"]
    cols = ["alignment", "direction", "difference", "strength_b", "strength_a"]
    assert table.loc["guide:1.1", cols].tolist() == ["citation+relation", "weaker", -1, 10, 11]
    assert table.loc["guide:1.1", "cited"] == ["s.19"]
    assert table.loc["guide:1.1", "provisions_a"] == ["act:s.19(1)", "act:s.19(2)"]
    assert table.loc["guide:1.1", "term_a"] == "have regard to"
    assert table.loc["guide:1.2", cols].tolist() == ["citation+recipient", "same", 0, 7, 7]
    assert table.loc["guide:1.2", "provisions_a"] == ["act:s.20"]
    assert table.loc["guide:1.3", ["alignment", "direction"]].tolist() == ["none", "no counterpart"]
    assert math.isnan(table.loc["guide:1.3", "strength_a"])
    assert table.loc["guide:1.4", cols].tolist() == ["relation", "stronger", 12, 19, 7]
    # The Children Act citation is not this Act's s.17: aligned by relation instead.
    assert table.loc["guide:1.5", cols].tolist() == ["relation", "weaker", -6, 5, 11]
    assert table.loc["guide:1.5", "cited"] == []


def test_strength_alignment_negation_is_weakest(act) -> None:  # type: ignore[no-untyped-def]
    guide = frame(
        occ(
            "2.1",
            "consult",
            ["parent"],
            doc="guide",
            negated=True,
            sentence="Under section 19 it must not consult the parent.",
        )
    )
    row = strength_alignment(act, guide).iloc[0]
    assert (row["direction"], row["difference"], row["negated_b"]) == ("weaker", -22, True)


def test_empty_guidance_gives_empty_alignment(act) -> None:  # type: ignore[no-untyped-def]
    assert strength_alignment(act, act.iloc[0:0]).empty


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("sectionrgulaSR .,()-–0123456789 and of Act")), max_size=60
    )
)
def test_cited_provisions_never_fails_and_gives_keys(text: str) -> None:
    for key in cited_provisions(text, "doc"):
        assert re.fullmatch(r"(s|reg|cl)\.\d+[A-Z]*", key)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=400), min_size=1, max_size=4, unique=True))
def test_cited_provisions_reads_every_listed_number(numbers: list[int]) -> None:
    listed = ", ".join(str(n) for n in numbers[:-1])
    text = f"sections {listed} and {numbers[-1]}" if len(numbers) > 1 else f"section {numbers[0]}"
    assert cited_provisions(text) == [f"s.{n}" for n in numbers]


def test_citation_lists_with_sub_provisions() -> None:
    enabling = (
        "powers conferred by sections 1(4A), 22(1), (1A), (2)(a) to (d), (5), 34(1) and 118(5) "
        "to (7) of the Care Standards Act 2000"
    )
    assert cited_provisions(enabling, "uksi_2015_541") == []
    assert cited_provisions("sections 19(1), (2) and 20 apply", "act") == ["s.19", "s.20"]
    assert cited_provisions("section 19, of the 1989 Act", "act") == []


def test_title_years_are_not_citations() -> None:
    title = "The Children's Homes (England) Regulations 2015 set standards."
    assert cited_provisions(title, "uksi_2015") == []
