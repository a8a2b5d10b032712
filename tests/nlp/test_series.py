"""Run-on lists of legislation: items after a dash lead-in (textmine/nlp/series.py).

When the lettered paragraphs of a regulation are joined into one text (as
the readers hand them to the tagger, labels moved to the refs), the items
follow the lead-in separated by ``;``. Own-words sentences in the style of a
regulation; each asserts the fields these rules decide: (text, term, actor,
modality, negated, voice); recipients are read as for any other occurrence.
"""

from __future__ import annotations

import pytest

from tests.nlp.helpers import contract_fields

A = "active"
P = "passive"

CASES = [
    # a lead-in ending in a modal: every item takes it and the lead-in's subject
    (
        "The registered person must— listen to each child; engage with them; and respond to "
        "their concerns.",
        [("engage", "engage", "other", "must", False, A)],
    ),
    # "ensure that staff—": the items take ensure's modal and are what staff do
    (
        "The registered person must ensure that staff— keep a record of each incident; engage "
        "with each child's family; and notify the placing authority of any concern.",
        [
            ("engage", "engage", "professional", "must", False, A),
            ("notify", "notify", "professional", "must", False, A),
        ],
    ),
    # "ensure that—" with clause items: the modal, not an actor (the ensure-that rule)
    (
        "The registered person must ensure that— each child is involved in decisions about "
        "their care; and each child's parents are notified of any move.",
        [
            ("involved", "involve", "unspecified", "must", False, P),
            ("notified", "notify", "unspecified", "must", False, P),
        ],
    ),
    # a paragraph label left in the text still opens an item whose verb was read as a noun
    (
        "The registered person must— (a) listen to each child; (b) engage with them; and (c) "
        "respond to their concerns.",
        [("engage", "engage", "other", "must", False, A)],
    ),
    # a term inside an item ("seek to involve") takes what the item verb takes
    (
        "The registered person must ensure that staff— (a) seek to involve each child's "
        "placing authority in the child's care; (b) engage with them; and (c) help each child "
        "to participate.",
        [
            ("involve", "involve", "professional", "must", False, A),
            ("engage", "engage", "professional", "must", False, A),
            ("participate", "participate", "child", "must", False, A),
        ],
    ),
    # a verb after "and" read as a noun conjunct of the object before it
    (
        "The registered person must involve the child and notify— HMCI; and the placing authority.",
        [
            ("involve", "involve", "other", "must", False, A),
            ("notify", "notify", "other", "must", False, A),
        ],
    ),
]


def fields(nlp, text: str) -> list[tuple]:
    return [(f[0], f[1], f[2], f[4], f[5], f[6]) for f in contract_fields(nlp, text)]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_series_item(nlp, text: str, expected: list[tuple]) -> None:
    assert fields(nlp, text) == expected


def test_a_conditional_item_keeps_no_modal(nlp) -> None:
    """``; (c) where the child is involved, ...``: a subordinate clause stops the chain."""
    text = (
        "The registered person must ensure that staff— keep a record of each incident; and "
        "where a child is involved, tell the placing authority."
    )
    rows = contract_fields(nlp, text)
    assert [(r[0], r[4]) for r in rows] == [("involved", "none")]


def test_a_colon_lead_in_under_a_noun_hands_on_no_modal(nlp) -> None:
    """``We can help you in the following ways:`` is read by textmine.nlp.lists, not here."""
    from textmine.nlp.series import series_lead_in

    doc = nlp("We can help you in the following ways: we will listen; involve you in the plan.")
    involve = next(t for t in doc if t.lower_ == "involve")
    assert series_lead_in(involve, _cues()) is None


def _cues():  # type: ignore[no-untyped-def]
    from textmine.nlp.lexicon import load_lexicon

    return load_lexicon().cues
