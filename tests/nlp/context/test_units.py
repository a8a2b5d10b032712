"""Parse units: which provisions the tagger reads together (textmine/nlp/context/sections.py).

Own-words provisions in the shapes plain-text, Markdown and reStructuredText readers
give: a lead-in and its items as provisions of their own.
"""

from __future__ import annotations

import pytest

from textmine.extract.document import Provision
from textmine.nlp.context.sections import group_units


def _units(*texts: str) -> list[list[str]]:
    provisions = [
        Provision(doc="", kind="", ref=None, text=t, unit=f"#{i}") for i, t in enumerate(texts, 1)
    ]
    return [[p.text for p in unit] for unit in group_units(provisions)]


CASES = [
    # a lead-in, then its items as a provision of their own: one unit
    (
        ["The key person will:", "- inform the parents\n- record the time", "Meals are at noon."],
        [
            ["The key person will:", "- inform the parents\n- record the time"],
            ["Meals are at noon."],
        ],
    ),
    # a nested lead-in item carries the list on to the items after it
    (
        ["The officer:", "#. updates the records", "#. for each medicine:", "* informs the nurse"],
        [
            [
                "The officer:",
                "#. updates the records",
                "#. for each medicine:",
                "* informs the nurse",
            ]
        ],
    ),
    # bullets after items that ended their sentences may be another list: not joined
    (
        [
            "The report records:",
            "* the time of the call.",
            "* A review is held.",
            "* Ofsted is told.",
        ],
        [
            ["The report records:", "* the time of the call."],
            ["* A review is held."],
            ["* Ofsted is told."],
        ],
    ),
    # numbered steps go on after a full stop: one sequence
    (
        ["They will:", "#. Check the room.", "#. Inform the guardians.", "Lunch follows."],
        [["They will:", "#. Check the room.", "#. Inform the guardians."], ["Lunch follows."]],
    ),
    # an item-like provision with no lead-in before it starts no list
    (
        ["Meals are at noon.", "- inform the parents"],
        [["Meals are at noon."], ["- inform the parents"]],
    ),
]


@pytest.mark.parametrize(("texts", "units"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_list_items_printed_apart_join_their_lead_in(
    texts: list[str], units: list[list[str]]
) -> None:
    assert _units(*texts) == units
