"""Objects of involve/engage/seek that the parse does not hang on the verb (nlp/objects.py).

``involve`` and ``engage`` count only with a party as object and ``seek`` only
with views, advice, consent ..., so an object the parser loses is a missed
occurrence (issue 4, held-out recall). One own-words sentence per
construction, in the style of an Act, a regulation or statutory guidance; each
asserts (text, term, sorted recipients, modality, voice). The non-occurrences
at the end guard precision: the new readings must not turn an *entails* use
or ``seek to`` into an occurrence.
"""

from __future__ import annotations

import pytest

from tests.nlp.helpers import detected

A = "active"
P = "passive"
YP = "young_person"


CASES = [
    # ---- an aside between the verb and its object
    (
        "The council must involve, so far as is reasonably practicable, the young person in "
        "the review.",
        [("involve", "involve", [YP], "must", A)],
    ),
    # ---- coordinated verbs share the last one's object
    (
        "The adoption agency should engage, support and involve the birth family.",
        [
            ("engage", "engage", ["parent"], "should", A),
            ("involve", "involve", ["parent"], "should", A),
        ],
    ),
    (
        "The school should engage with and listen to parents.",
        [("engage", "engage", ["parent"], "should", A)],
    ),
    # right-node raising: "involve, and seek the views of, X"
    (
        "The authority should involve, and seek the views of, the young person.",
        [
            ("involve", "involve", [YP], "should", A),
            ("seek", "seek", [YP], "should", A),
        ],
    ),
    # a light-verb phrase shares its object: "seek and have regard to the views of X"
    (
        "The local authority must seek and have regard to the views of the young person.",
        [
            ("seek", "seek", [YP], "must", A),
            ("have regard to", "have regard to", [YP], "must", A),
        ],
    ),
    # ---- the head of a relative clause without a relative word fills the object gap
    (
        "The plan should name the people the agency will involve.",
        [("involve", "involve", ["other"], "will", A)],
    ),
    (
        "The agency should identify the relatives it needs to engage.",
        [("engage", "engage", ["parent"], "need", A)],  # need governs the gapped infinitive
    ),
    # ---- wh-infinitives: who to involve
    (
        "The agency should decide who to involve.",
        [("involve", "involve", [], "should", A)],
    ),
    # ---- tough adjectives: the subject is the infinitive's object
    (
        "Parents whom the school finds difficult to engage should be offered a home visit.",
        [("engage", "engage", ["parent"], "none", A)],
    ),
    # ---- keep X engaged, read as a clause by the parser
    (
        "The adviser should keep the young person engaged.",
        [("engaged", "engage", [YP], "should", P)],
    ),
    # ---- a participle after its noun is a reduced relative, not an attributive adjective
    (
        "Everyone involved should receive a copy of the plan.",
        [("involved", "involve", ["other"], "none", P)],
    ),
    (
        "All those involved in the review must be told of the outcome.",
        [("involved", "involve", ["other"], "none", P)],
    ),
    # ---- a participle coordinated with a copula shares its subject, as a passive
    (
        "Young people should be at the centre of the process and fully involved in decisions "
        "about their future.",
        [("involved", "involve", [YP], "should", P)],
    ),
    # ---- the object read on the surface past a compound the parser made the subject
    (
        "Engaging birth parents is often difficult but essential.",
        [("Engaging", "engage", ["parent"], "none", A)],
    ),
    # ---- a participle tagged as an adjective after "be" (the term's predicative constraint)
    (
        "A care leaver who is not involved may feel let down.",
        [("involved", "involve", [YP], "none", P)],
    ),
    # ---- the subject of a modal cut off from its passive by an aside
    (
        "The young person should, where possible, be involved.",
        [("involved", "involve", [YP], "should", P)],
    ),
    # ---- a list of arguments after a ":-" lead-in mark (split off by the tokenizer)
    (
        "This might involve:-\n- the child's parents;\n- the school.",
        [("involve", "involve", ["education", "parent"], "may", A)],
    ),
    # ---- parties the lexicons name: relatives, friends, adults, the PA
    (
        "The agency must involve the child's siblings and grandparents in the planning.",
        [("involve", "involve", ["parent"], "must", A)],
    ),
    (
        "The PA should involve the young person's friends where they wish.",
        [("involve", "involve", ["other"], "should", A)],
    ),
    # ---- reciprocal objects name the subject's own parties
    # each partner engages with the others (the contract's reciprocal duty)
    (
        "Partners should engage with each other.",
        [("engage", "engage", ["professional"], "should", A)],
    ),
    # ---- not occurrences: entails, activities, seek to, nouns
    ("This involves visiting the child at home.", []),
    ("The plan involves a review of the arrangements and the support offered.", []),
    ("The risks involved for the child should be assessed.", []),
    ("Young people may engage in risky behaviour.", []),
    ("The authority must seek to ensure that the child is safe.", []),
    ("Their involvement in the plan is essential.", []),
    ("This might involve:\n- visiting the home;\n- a review of the plan.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_hidden_object(nlp, text: str, expected: list[tuple]) -> None:
    assert detected(nlp, text) == expected


def test_a_verb_with_its_own_object_shares_none(nlp) -> None:
    """A later conjunct's object is shared only by a verb that has none of its own."""
    from textmine.nlp.grammar.objects import aside_object, shared_object

    doc = nlp("The agency should involve the child and support the parents.")
    involve = next(t for t in doc if t.lower_ == "involve")
    assert shared_object(involve) == []
    assert aside_object(involve) == []
