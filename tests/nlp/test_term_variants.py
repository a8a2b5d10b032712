"""Term detection on statutory and Code-style wording: phrase variants, titles, list items.

Classes of missed or false occurrences (issue 4), one own-words sentence per
rule in the style of an Act or a Code of Practice (not quoted from any
document). The rules live in ``lexicons/terms.jsonl`` (phrase variants) and
:mod:`textmine.nlp.constraints` (titles, item verbs tagged as nouns, pied-piped
``with whom``, the party a passive is said of). Each case asserts the contract
fields the detection rule decides, (text, term, recipients, voice), and the
modal where the rule reads it; actor rules are tested in test_actors.py and
test_statutory_grammar.py.
"""

from __future__ import annotations

import pytest

from tests.nlp.helpers import contract_fields, detected

A = "active"
P = "passive"
LA = "local_authority"
YP = "young_person"


CASES = [
    # ---- "into" printed as two words, as local documents often have it
    (
        "The manager must take the wishes of the young person in to account.",
        [
            (
                "take the wishes of the young person in to account",
                "take into account",
                [YP],
                "must",
                A,
            )
        ],
    ),
    # ---- "work with" variants: any adverbs, coordinated adverbs, "together" after adverbs
    (
        "The school should work closely and constructively with the child's parents.",
        [("work closely and constructively with", "work with", ["parent"], "should", A)],
    ),
    (
        "The authority must work sensitively with families.",
        [("work sensitively with", "work with", ["parent"], "must", A)],
    ),
    (
        "Practitioners should work more closely together.",
        [("work more closely together", "work with", [], "should", A)],
    ),
    (
        "The council must work effectively in partnership with parents.",
        [("work effectively in partnership with", "work with", ["parent"], "must", A)],
    ),
    # pied-piped relative: the with-phrase stands before the verb
    (
        "Each school must appoint a designated teacher, with whom the virtual school head can "
        "work closely.",
        [("work closely", "work with", ["education"], "can", A)],
    ),
    (
        "The local authority must identify the health bodies with which it should work.",
        [("work", "work with", ["health"], "should", A)],
    ),
    # a fronted with-phrase that is no relative is not "work with"
    ("With the consent of the parent, the authority should work to secure a place.", []),
    # ---- "have regard to" with an aside between regard and to
    (
        "In exercising its functions the local authority must have regard, in particular, to the "
        "views of the young person.",
        [("have regard, in particular, to", "have regard to", [YP], "must", A)],
    ),
    # an aside of any words between commas
    (
        "The local authority must have regard, so far as relevant, to the views of the young "
        "person.",
        [("have regard, so far as relevant, to", "have regard to", [YP], "must", A)],
    ),
    # an aside between have and regard, and coordinated adjectives before regard
    (
        "The local authority must have, in making the decision, due regard to the views of the "
        "young person.",
        [("have, in making the decision, due regard to", "have regard to", [YP], "must", A)],
    ),
    (
        "The local authority must have proper and due regard to the views of the young person.",
        [("have proper and due regard to", "have regard to", [YP], "must", A)],
    ),
    # ---- "take X into account" with a list of owners between the words
    (
        "The agency must take the views of the child, the parents and the carers into account.",
        [
            (
                "take the views of the child, the parents and the carers into account",
                "take into account",
                ["child", "parent"],
                "must",
                A,
            )
        ],
    ),
    (
        "The agency must take the child's wishes and feelings into account.",
        [
            (
                "take the child's wishes and feelings into account",
                "take into account",
                ["child"],
                "must",
                A,
            )
        ],
    ),
    (
        "The authority must take account, so far as relevant, of the wishes of the child.",
        [("take account, so far as relevant, of", "take into account", ["child"], "must", A)],
    ),
    # the tail must hang off this "take", through no other verb
    ("The agency must take steps and bring the old records into account.", []),
    # ---- titles of publications are not occurrences; the same words in prose are
    (
        "The duties are set out in the statutory guidance, Working together to safeguard children.",
        [],
    ),
    ("Working Together to Safeguard Children describes the duties of partners.", []),
    ("Further guidance:\nWorking together to safeguard children", []),
    (
        "Local authorities and their partners must work together to safeguard children.",
        [("work together", "work with", ["professional"], "must", A)],
    ),
    # a capitalised base form glued to the text before it is a list item, not a title
    (
        "Include regular feedback from staff Engage parents in the review of arrangements.",
        [("Engage", "engage", ["parent"], "none", A)],
    ),
    # ---- involve/engage need a party: bodies named by forum, sector, community
    (
        "Local authorities must involve parent carer forums in reviewing the local offer.",
        [("involve", "involve", ["other"], "must", A)],
    ),
    (
        "The local authority should engage with the voluntary and community sector.",
        [("engage", "engage", ["other"], "should", A)],
    ),
    ("Local authorities cannot force parents to engage with the process.", []),
    # the object read from word order when the parse hangs it elsewhere
    (
        "Support should include action involving the SENCO, a speech and language therapist "
        "and the school nurse (set out in the plan).",
        [("involving", "involve", ["education", "health"], "none", A)],
    ),
    # ---- passives whose party stands outside their own clause
    (
        "The young person should be helped to understand the plan and be engaged in reviewing it.",
        [("engaged", "engage", [YP], "should", P)],
    ),
    (
        "Schools should create a culture where pupils are listened to, respected and involved "
        "in decisions.",
        [("involved", "involve", ["child"], "none", P)],
    ),
    (
        "Where parents are not involved, the school should record the reasons.",
        [("involved", "involve", ["parent"], "none", P)],
    ),
    (
        "Parents are closely involved in every review.",
        [("involved", "involve", ["parent"], "none", P)],
    ),
    # "keep X informed" however the parser reads the small clause: the kept are informed
    (
        "The school must keep the parent informed.",
        [("informed", "inform", ["parent"], "must", P)],
    ),
    (
        "The local authority must keep the child's parent and the young person informed of "
        "its progress.",
        [("informed", "inform", ["parent", YP], "must", P)],
    ),
    (
        "Schools should keep records of the parents informed of the change.",
        [("informed", "inform", ["parent"], "none", P)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_detection(nlp, text: str, expected: list[tuple]) -> None:
    assert detected(nlp, text) == expected


def test_list_item_verbs_tagged_as_nouns_are_found(nlp) -> None:
    """Bullets without closing punctuation: each item's verb is an occurrence.

    The tagger reads an item verb with no subject (``consult parents ...``,
    ``work together with ...``) as a noun; the item's first word is its verb.
    """
    text = (
        "This means that local authorities should:\n"
        "involve young people in planning provision\n"
        "consult parents when reviewing services\n"
        "work together with health partners\n"
        "inform parents of the options available"
    )
    assert [(f[0], f[1]) for f in contract_fields(nlp, text)] == [
        ("involve", "involve"),
        ("consult", "consult"),
        ("work together with", "work with"),
        ("inform", "inform"),
    ]


def test_item_verbs_take_the_lead_in_modal(nlp) -> None:
    text = (
        "The SENCO should:\nconsult parents about support;\nwork with the local authority;\n"
        "participate in reviews."
    )
    assert [(f[0], f[4]) for f in contract_fields(nlp, text)] == [
        ("consult", "should"),
        ("work with", "should"),
        ("participate", "should"),
    ]


def test_explain_names_the_title_rule_for_a_dropped_match(nlp, caplog) -> None:
    import logging

    with caplog.at_level(logging.DEBUG, logger="textmine.nlp.component"):
        doc = nlp("For more detail see Working together to safeguard children.")
    assert not doc.spans["partnership"]
    assert any("(sense.title)" in r.getMessage() for r in caplog.records)
