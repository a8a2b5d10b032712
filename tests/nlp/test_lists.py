"""List items under a lead-in (textmine/nlp/lists.py): segmentation and what items inherit.

The texts are written for these tests in the style of DfE statutory guidance
(bullets as separate lines of one paragraph, as the guidance reader delivers
them); they are not quoted. Each case asserts the exact contract fields
(text, term, actor, sorted recipients, modality, negated, voice).
"""

from __future__ import annotations

import pytest

from tests.nlp.helpers import contract_fields
from textmine.nlp.component import SPANS_KEY
from textmine.nlp.context.segmentation import LINE_BREAKS

A = "active"
LA = "local_authority"

CASES = [
    # a modal lead-in: items take its subject and modal, gerund items included
    (
        "The designated teacher should:\nwork with the virtual school head to plan support;\n"
        "Working directly with carers to agree targets; and\ninvolve parents in reviews.",
        [
            ("work with", "work with", "education", [LA], "should", False, A),
            ("Working directly with", "work with", "education", ["parent"], "should", False, A),
            ("involve", "involve", "education", ["parent"], "should", False, A),
        ],
    ),
    # "ensure that they:": the embedded subject (pronoun resolved) and the outer modal
    (
        "Schools should ensure that they:\nwork with the local authority; and\nconsult parents.",
        [
            ("work with", "work with", "education", [LA], "should", False, A),
            ("consult", "consult", "education", ["parent"], "should", False, A),
        ],
    ),
    # "ensure that:": each item is a that-clause with its own subject, under the outer modal
    (
        "Schools should ensure that:\n• parents are consulted about the plan\n"
        "• the child is involved in reviews",
        [
            ("consulted", "consult", "unspecified", ["parent"], "should", False, "passive"),
            ("involved", "involve", "unspecified", ["child"], "should", False, "passive"),
        ],
    ),
    # a capitalised imperative item parsed as a noun still counts, under "We can:"
    (
        "We can:\nGive you information on healthy living\nWork with you to plan your health care.",
        [("Work with", "work with", LA, ["young_person"], "can", False, A)],
    ),
    # a noun lead-in ("in the following ways:"): the subject, not the modal, carries over
    (
        "We can help you in the following ways:\nProviding information on clubs\n"
        "Informing you about awards you can enter",
        [("Informing", "inform", LA, ["young_person"], "none", False, A)],
    ),
    # text after labelled items that opens with "and" goes on with their lead-in: the
    # lead-in's subject and its own modal
    (
        "Before making an order, the Secretary of State must publish a notice—\n"
        "(a) describing the proposed order, and\n"
        "(b) specifying a period within which objections may be made,\n"
        "and must consider any objections duly made.",
        [("consider", "consider", "secretary_of_state", [], "must", False, A)],
    ),
    # "making sure that all staff:" with no modal anywhere; staff with no institution
    # named are school staff (guidelines)
    (
        "This means making sure that all staff:\nhave high expectations; and\n"
        "understand the importance of involving parents.",
        [("involving", "involve", "education", ["parent"], "none", False, A)],
    ),
    # a lead-in that is a bare noun phrase, a title in capitals after an opening clause, is
    # the subject of items that open with a verb in the third person (here the auto-numbered
    # items of reStructuredText run into one line)
    (
        "When a new plan is agreed, the Nursery Manager:\n"
        "#. updates the register #. informs the parents of the change "
        "#. notifies the local authority",
        [
            ("informs", "inform", "education", ["parent"], "none", False, A),
            ("notifies", "notify", "education", [LA], "none", False, A),
        ],
    ),
    # "Staff ensure children:": the object of "ensure" is the subject of the plain-verb items
    (
        "Staff ensure children:\n* feel safe in the room\n* participate in every activity",
        [("participate", "participate", "child", [], "none", False, A)],
    ),
    # a label that never opens a list ("(b)") goes on with an unlabelled list whose first
    # label was lost, so its own lead-in takes the outer one's subject; a relative word the
    # parse made a verb of control's object is the gap of its infinitive
    (
        "A council may revise a plan; and in deciding whether to do so, it—\n"
        "must have regard in particular to the matters in section 4, and\n"
        "(b) must involve—\n(i) the tenant to whom the plan relates, and\n"
        "(ii) any other person whom the tenant asks the council to involve.",
        [
            ("have regard in particular to", "have regard to", LA, [], "must", False, A),
            ("involve", "involve", LA, ["other"], "must", False, A),
            ("involve", "involve", LA, ["other"], "none", False, A),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_list_items(nlp, text: str, expected: list[tuple]) -> None:
    assert contract_fields(nlp, text) == expected


def test_line_breaks_run_before_the_parser(nlp) -> None:
    names = nlp.pipe_names
    assert names.index(LINE_BREAKS) == names.index("parser") - 1


def test_items_become_sentences_but_wrapped_prose_does_not(nlp) -> None:
    doc = nlp("The authority must:\nconsult the parent;\nInforming the school\nof the\ndecision.")
    starts = [s[0].text for s in doc.sents]
    assert starts == ["The", "consult", "Informing"]


def test_prose_before_a_list_is_not_a_lead_in(nlp) -> None:
    doc = nlp("The school must be open. Staff talk.\nconsult parents about the plan.")
    (span,) = doc.spans[SPANS_KEY]
    assert (span._.actor, span._.modality) == ("unspecified", "none")
