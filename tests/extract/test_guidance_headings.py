"""Heading and division shapes."""

from __future__ import annotations

import pytest

from textmine.extract.guidance_headings import (
    continues_heading,
    division,
    heading_shape,
    is_list_item,
)


@pytest.mark.parametrize(
    ("text", "kind", "order"),
    [
        ("Chapter 1: Adoption agency arrangements", "chapter", 1),
        ("Chapter 3 Preparing, assessing and approving prospective adopters", "chapter", 3),
        ("Part five: Child-on-child sexual violence and sexual harassment", "part", 5),
        ("ANNEX A –Qualifications for staff working in children’s homes", "annex", 1),
        ("Appendix 1", "annex", 1),
        ("Annex 2 Glossary", "annex", 2),
    ],
)
def test_divisions(text: str, kind: str, order: int) -> None:
    found = division(text)
    assert found is not None and (found.kind, found.order, found.title) == (kind, order, text)


@pytest.mark.parametrize(
    "text",
    [
        "Chapter 2 explains the duties of an adoption agency where the agency is considering",
        "Chapter 7 contains guidance on contact issues.",
        "Annex B contains important additional information about specific forms of abuse and",
        "Annex A if appropriate) of this guidance.",
        "Part 4 of the Schedule to the Education (Independent School Standards) Regulations 2014;",
    ],
)
def test_not_divisions(text: str) -> None:
    assert division(text) is None


def test_heading_shapes() -> None:
    assert heading_shape("Agency policies and procedures")
    assert heading_shape("Who is this Guide for?")
    assert heading_shape("‘relevant plans’")
    assert heading_shape("What school and college staff should look out for")
    assert not heading_shape("This guidance will next be reviewed in 2014.")
    assert not heading_shape("The characteristics, outcomes and meanings of four types of")
    assert not heading_shape("the agency’s medical adviser")
    assert not heading_shape("2. The support we must give you by law")
    assert heading_shape("2. The support we must give you by law", numbered=True)
    assert continues_heading("children’s needs are met")
    assert not continues_heading("children’s needs are met.")


def test_list_items() -> None:
    assert is_list_item("(a) seek to involve each child’s placing authority")
    assert is_list_item("(iv) provide personalised care")
    assert is_list_item("2. The children’s views, wishes and feelings standard")
    assert not is_list_item("Care) Act 2000 amending the Children Act 1989")
