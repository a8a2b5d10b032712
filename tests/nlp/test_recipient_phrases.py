"""Recipients in noun phrases the parse splits or hides (issue 4, recipients).

Own-words sentences in the style of statutory guidance and regulations;
nothing is quoted from a corpus document. Each case asserts the exact
contract fields (text, term, actor, sorted recipients, modality, negated,
voice).

* ``with the child's placing authority`` misread as a gerund clause
  (``the child's placing`` + object): the object noun is the party;
* ``a list of people``, ``a range of agencies``: the members named after *of*;
* ``the child's wishes and those of the birth parents``: both owners;
* ``family members``: the group of the modifier;
* ``the person with parental responsibility`` with the phrase hung on the verb.
"""

from __future__ import annotations

import pytest

from tests.nlp.helpers import contract_fields

A = "active"
LA = "local_authority"

CASES = [
    (
        "When a child needs extra support, staff should work with the child\u2019s placing "
        "authority to arrange it, and challenge them if this does not happen.",
        [("work with", "work with", "education", [LA], "should", False, A)],
    ),
    (
        "The registered person must notify a specified list of people.",
        [("notify", "notify", "other", ["other"], "must", False, A)],
    ),
    (
        "The agency must have regard to the child's wishes and feelings and those of the birth "
        "parents.",
        [("have regard to", "have regard to", "other", ["child", "parent"], "must", False, A)],
    ),
    (
        "The agency should consult family members.",
        [("consult", "consult", "other", ["parent"], "should", False, A)],
    ),
    (
        "The agency must notify the person with parental responsibility.",
        [("notify", "notify", "other", ["parent"], "must", False, A)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_recipient_phrase(nlp, text, expected):  # type: ignore[no-untyped-def]
    assert contract_fields(nlp, text) == expected
