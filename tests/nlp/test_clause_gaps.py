"""Round-5 classes of tagger error (issue 4): gaps the parser leaves in clauses.

Own sentences in the style of the Children and Families Act 2014 Part 3 and
the SEND Code of Practice (not quoted). Each asserts the exact occurrences as
contract fields: (text, term, actor, sorted recipients, modality, negated,
voice).

* relative clause without a relative word: its head noun fills the missing
  object or the stranded preposition (``the persons it has consulted``, ``the
  care leavers they work with``);
* infinitival and clausal complements that share the governing doer:
  ``decide whether to consult``, ``it is for X to judge whether it is
  appropriate to notify``, passive object control ``be supported to
  participate`` (modal inherited, as ``should help X to participate``);
* a participial adjunct of a passive with a ``by`` agent takes the agent;
  a finite progressive (``are not participating``) is no participial
  adjunct, and its subject may sit in a misparsed reduced relative.
"""

from __future__ import annotations

import pytest

from tests.nlp.helpers import contract_fields

A = "active"
P = "passive"
LA = "local_authority"
YP = "young_person"

CASES = [
    # ---- relative clause with no relative word
    (
        "The local authority must publish details of the persons it has consulted.",
        [("consulted", "consult", LA, ["other"], "none", False, A)],
    ),
    (
        "Personal advisers should seek the views of the care leavers they work with.",
        [
            ("seek", "seek", "professional", [YP], "should", False, A),
            ("work with", "work with", "professional", [YP], "none", False, A),
        ],
    ),
    (
        "Schools should inform the professionals they work with.",
        [
            ("inform", "inform", "education", ["professional"], "should", False, A),
            ("work with", "work with", "education", ["professional"], "none", False, A),
        ],
    ),
    (
        "The children the school has informed must be listed.",
        [("informed", "inform", "education", ["child"], "none", False, A)],
    ),
    (  # a relative word present keeps its own reading
        "The school which the local authority has consulted must respond within 15 days.",
        [("consulted", "consult", LA, ["education"], "none", False, A)],
    ),
    # ---- complements sharing the governing doer
    (
        "It is for the local authority to decide whether to consult the school.",
        [("consult", "consult", LA, ["education"], "none", False, A)],
    ),
    (
        "It is for the registered person to judge whether it is appropriate to notify.",
        [("notify", "notify", "other", [], "none", False, A)],
    ),
    (
        "Children and young people should be supported to participate in decisions.",
        [("participate", "participate", "child", [], "should", False, A)],
    ),
    (
        "Parents must be helped to participate in the review.",
        [("participate", "participate", "parent", [], "must", False, A)],
    ),
    (  # a true purpose infinitive still names nobody
        "The plan should be reviewed to involve the parents.",
        [("involve", "involve", "unspecified", ["parent"], "none", False, A)],
    ),
    # ---- participles and progressives
    (
        "The plan must be reviewed by the local authority, taking into account the views of "
        "the child.",
        [("taking into account", "take into account", LA, ["child"], "must", False, A)],
    ),
    (
        "The plan must be reviewed, taking into account the views of the child.",
        [("taking into account", "take into account", "unspecified", ["child"], "must", False, A)],
    ),
    (
        "Where young people looked after by the authority are not participating, the school "
        "must inform the authority.",
        [
            ("participating", "participate", YP, [], "none", True, A),
            ("inform", "inform", "education", [LA], "must", False, A),
        ],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_sentence(nlp, sentence: str, expected: list[tuple]) -> None:
    assert contract_fields(nlp, sentence) == expected
