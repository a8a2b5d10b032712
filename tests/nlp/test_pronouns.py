"""Which party a pronoun stands for (issue 4, actor and recipients; textmine/nlp/pronouns.py).

Own-words sentences in the style of statutory guidance and regulations;
nothing is quoted from a corpus document. A subject pronoun continues the
subject of its own conditional frame, of the verb it is coordinated with, or
of the main clause before a semicolon, before any nearer noun; in the
sentences before it, main-clause subjects come before subordinate ones, and
main-clause objects before other nouns, and a plural noun before a singular
one for *they*/*them* (a singular *they* continues a subject); ``the former``/``the latter`` is the
first/second of two coordinated parties; *staff* is a
collective that *they* can stand for; ``Governing bodies`` read as a verb
and its object is still one party; the owner of the views taken into
account is not whoever takes them into account. Each case asserts the exact contract
fields (text, term, actor, sorted recipients, modality, negated, voice).
"""

from __future__ import annotations

import pytest

from tests.nlp.helpers import contract_fields

A = "active"
DSL = "the designated safeguarding lead"

CASES = [
    # a body the lexicon does not know, named by a proper name: "it" stands for it
    (
        "The Playwork Institute must publish the matters that it takes into account when it "
        "decides whether to consult the Secretary of State.",
        [
            ("takes into account", "take into account", "other", [], "none", False, A),
            ("consult", "consult", "other", ["secretary_of_state"], "none", False, A),
        ],
    ),
    (
        "If the registered person considers that the child is at risk, they must notify the "
        "police.",
        [
            ("considers", "consider", "other", [], "none", False, A),
            ("notify", "notify", "other", ["other"], "must", False, A),
        ],
    ),
    (
        "All staff should know what to do if a child tells them about abuse, and they should "
        f"consult {DSL}.",
        [("consult", "consult", "education", ["education"], "should", False, A)],
    ),
    (
        f"Staff should not assume a colleague will take action; they should consult {DSL}.",
        [("consult", "consult", "education", ["education"], "should", False, A)],
    ),
    # a pronoun opening a sentence continues the main-clause subject of the sentence
    # before, not the subject of a subordinate clause nearer to it
    (
        "Foster carers play an important part when a child moves home. They should inform the "
        "social worker of any worry the child raises.",
        [("inform", "inform", "parent", ["social_care"], "should", False, A)],
    ),
    # no party subject before it: the object of the main verb comes before nearer nouns
    # (the subject, the agency, is excluded: it is who *they* inform)
    (
        "The agency should support adopters in meeting the needs of the child. They should "
        "inform the agency of any change.",
        [("inform", "inform", "parent", ["other"], "should", False, A)],
    ),
    # a plural object pronoun: a plural noun before a nearer singular one
    (
        "The agency should support adopters with the needs of the child and should keep them "
        "informed.",
        [("informed", "inform", "other", ["parent"], "should", False, "passive")],
    ),
    # "the former" / "the latter": the first or second of two coordinated parties
    (
        "Schools and local authorities have different duties. The former should consult "
        "parents, and the latter must inform the tribunal.",
        [
            ("consult", "consult", "education", ["parent"], "should", False, A),
            ("inform", "inform", "local_authority", ["tribunal"], "must", False, A),
        ],
    ),
    (
        "Governing bodies and proprietors should ensure that they consult parents.",
        [("consult", "consult", "education", ["parent"], "should", False, A)],
    ),
    (
        "The young person's personal adviser should take into account their wishes.",
        [
            (
                "take into account",
                "take into account",
                "professional",
                ["young_person"],
                "should",
                False,
                A,
            )
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_pronoun_antecedent(nlp, text, expected):  # type: ignore[no-untyped-def]
    assert contract_fields(nlp, text) == expected
