"""Run-on lists of legislation: items after a dash lead-in, read as composed clauses.

A regulation copied as one run, without its paragraph labels, gives items
that follow a lead-in dash separated by ``;`` (nlp/context/lists.py cuts
them); each is read in the clause its lead-in completes
(nlp/context/compose.py). Own-words sentences in the style of a regulation;
each asserts the fields these rules decide: (text, term, actor, modality,
negated, voice); recipients are read as for any other occurrence.
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
    # an item opening with a fronted condition still takes the lead-in's modal and subject
    (
        "The registered person must— keep a record of each visit; where a child moves home, "
        "notify the placing authority without delay; and inform HMCI of the outcome.",
        [
            ("notify", "notify", "other", "must", False, A),
            ("inform", "inform", "other", "must", False, A),
        ],
    ),
    # several fronted adverbials, one of them a participle phrase holding a term
    (
        "The registered person must— so far as reasonably practicable, having regard to the "
        "child's age and understanding, consult the child; and notify the placing authority.",
        [
            ("having regard to", "have regard to", "other", "must", False, A),
            ("consult", "consult", "other", "must", False, A),
            ("notify", "notify", "other", "must", False, A),
        ],
    ),
    # an adverbial between the lead-in's modal and its dash
    (
        "The registered person must, subject to paragraph (5)— consult the child; and notify "
        "the placing authority.",
        [
            ("consult", "consult", "other", "must", False, A),
            ("notify", "notify", "other", "must", False, A),
        ],
    ),
    # a whole condition clause between the modal and its dash: the items complete the modal
    (
        "In reviewing the plan, the council must, unless it is not reasonably practicable— "
        "(a) seek and have regard to the wishes of the child; and (b) inform the parent.",
        [
            ("seek", "seek", "local_authority", "must", False, A),
            ("have regard to", "have regard to", "local_authority", "must", False, A),
            ("inform", "inform", "local_authority", "must", False, A),
        ],
    ),
    # a condition still open at the dash: its items complete it, not the modal
    (
        "The council must, if it is satisfied that the child— (a) is in need, and (b) has "
        "no carer, consult the parent.",
        [("consult", "consult", "local_authority", "must", False, A)],
    ),
    # a gerund under "including" inside an item: done by whoever does the item
    (
        "The standard requires the registered person to ensure that staff— help each child to "
        "take part in activities; keep in touch with each child's school, including working "
        "with the school; and consult each child about the plan.",
        [
            ("working with", "work with", "professional", "none", False, A),
            ("consult", "consult", "professional", "none", False, A),
        ],
    ),
    # an item with a modal of its own but no subject: the lead-in's subject does it
    (
        "The registered person must— keep a record of each complaint; and must take account "
        "of the children's views.",
        [("take account of", "take into account", "other", "must", False, A)],
    ),
    # a perfect participle adjunct ("having consulted") shares its verb's modal
    (
        "The registered person must— keep in touch with each child's school; and maintain a "
        "record, having consulted the child.",
        [("consulted", "consult", "other", "must", False, A)],
    ),
    # a lead-in ending in a relative pronoun: the items are a relative clause, done by the
    # pronoun's noun, with no modal from outside it
    (
        "The registered person must ensure that each member of staff who— has contact with "
        "children; and consults the children about the rules, is suitably trained.",
        [("consults", "consult", "professional", "none", False, A)],
    ),
    # nested lead-ins "requires X to ensure— that staff—": staff (an apposition in the
    # parse) do the items; a participle after "whether ..." is the assessor's
    (
        "In particular, the standard in paragraph (1) requires the registered person to "
        "ensure— that staff— assess whether each child is at risk of harm, taking into account "
        "information in the child's plans; and consult each child about the plan.",
        [
            ("taking into account", "take into account", "professional", "none", False, A),
            ("consult", "consult", "professional", "none", False, A),
        ],
    ),
    # a lead-in ending in "where—", "only if—": the items are conditions, with no modal
    (
        "The registered person may restrict a child's contact where— the placing authority has "
        "been consulted; and the child's parents are informed.",
        [
            ("consulted", "consult", "unspecified", "none", False, P),
            ("informed", "inform", "unspecified", "none", False, P),
        ],
    ),
    # "X must, and must ensure that staff—": two coordinated duties, the first conjunct's
    # doer is the items' actor (as for coordinated subjects)
    (
        "In meeting the standards, the registered person must, and must ensure that staff— "
        "seek to involve each child's placing authority in the child's care; and engage with "
        "each child's parents.",
        [
            ("involve", "involve", "other", "must", False, A),
            ("engage", "engage", "other", "must", False, A),
        ],
    ),
    # a participle the parser made the complement of "considers" is its adjunct
    (
        "The registered person must— seek to build relationships with such bodies as the "
        "registered person considers appropriate having regard to the needs of the children.",
        [
            ("considers", "consider", "other", "none", False, A),
            ("having regard to", "have regard to", "other", "none", False, A),
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
