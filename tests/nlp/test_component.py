"""The partnership_terms component on statutory-style sentences (written for these tests).

Each case asserts the exact occurrences of one sentence, as the contract's
fields: (text, term, actor, recipients, modality, negated, voice).
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from tests.nlp.helpers import contract_fields
from textmine.nlp.component import EXTENSIONS, SPANS_KEY, register_extensions

CASES = [
    (
        "The local authority must consult the governing body of the school before naming it in "
        "the plan.",
        [("consult", "consult", "local_authority", ["education"], "must", False, "active")],
    ),
    (
        "A local authority must have regard to the views, wishes and feelings of the child and "
        "his or her parent.",
        [
            (
                "have regard to",
                "have regard to",
                "local_authority",
                ["child", "parent"],
                "must",
                False,
                "active",
            )
        ],
    ),
    (
        "The authority must notify the child's parent of its decision within 15 days.",
        [("notify", "notify", "local_authority", ["parent"], "must", False, "active")],
    ),
    (
        "The governing body must co-operate with the local authority in the exercise of its "
        "functions under this Part.",
        [("co-operate", "cooperate", "education", ["local_authority"], "must", False, "active")],
    ),
    (
        "Where the local authority considers that a special educational provision is "
        "necessary, it must inform the young person.",
        [
            ("considers", "consider", "local_authority", [], "none", False, "active"),
            ("inform", "inform", "local_authority", ["young_person"], "must", False, "active"),
        ],
    ),
    (
        "The responsible commissioning body must take into account the views of the parent.",
        [("take into account", "take into account", "health", ["parent"], "must", False, "active")],
    ),
    (
        "The authority need not consult the school if the parent objects.",
        [("consult", "consult", "local_authority", ["education"], "need", True, "active")],
    ),
    (
        "Integrated care boards should work with local authorities to commission services jointly.",
        [("work with", "work with", "health", ["local_authority"], "should", False, "active")],
    ),
    (
        "NHS England must have regard to the advice of the Secretary of State.",
        [
            (
                "have regard to",
                "have regard to",
                "health",
                ["secretary_of_state"],
                "must",
                False,
                "active",
            )
        ],
    ),
    (
        "The Tribunal may seek the views of the young person.",
        [("seek", "seek", "tribunal", ["young_person"], "may", False, "active")],
    ),
    (
        "The proprietor of an academy shall not inform the parent without the consent of the "
        "young person.",
        [("inform", "inform", "education", ["parent"], "shall", True, "active")],
    ),
    (
        "Early years providers should engage with parents and carers in planning support.",
        [("engage", "engage", "education", ["parent"], "should", False, "active")],
    ),
    (
        "The head teacher is required to notify the local authority of any exclusion.",
        [("notify", "notify", "education", ["local_authority"], "none", False, "active")],
    ),
    (
        "The school must take reasonable steps to consult the parents of registered pupils.",
        [("consult", "consult", "education", ["parent"], "none", False, "active")],
    ),
    (
        "The parent must be informed of the right to appeal to the Tribunal.",
        [("informed", "inform", "unspecified", ["parent"], "must", False, "passive")],
    ),
    (
        "The young person may be consulted by the governing body.",
        [("consulted", "consult", "education", ["young_person"], "may", False, "passive")],
    ),
    (
        "The local authority and the clinical commissioning group must work together to "
        "co-produce the local offer with parents and young people.",
        [
            ("work together", "work with", "local_authority", ["health"], "must", False, "active"),
            (
                "co-produce",
                "coproduce",
                "local_authority",
                ["parent", "young_person"],
                "none",
                False,
                "active",
            ),
        ],
    ),
    (
        "Co-production with children and young people is expected in all local areas.",
        [
            (
                "Co-production",
                "coproduce",
                "unspecified",
                ["child", "young_person"],
                "none",
                False,
                "active",
            )
        ],
    ),
    (
        "Practitioners should participate in the review of the plan.",
        [("participate", "participate", "professional", [], "should", False, "active")],
    ),
    ("The assessment involves a review of the evidence.", []),
    ("Parents can make an informed choice about the placement.", []),
    ("A well informed parent may request an assessment.", []),
    (
        "The school should seek advice from the designated medical officer.",
        [("seek", "seek", "education", ["health"], "should", False, "active")],
    ),
    (
        "Regard shall be had to the wishes of the child's parent.",
        [
            (
                "Regard shall be had to",
                "have regard to",
                "unspecified",
                ["parent"],
                "shall",
                False,
                "passive",
            )
        ],
    ),
    (
        "The authority does not consider it necessary to issue a plan.",
        [("consider", "consider", "local_authority", [], "none", True, "active")],
    ),
    (
        "The local authority must secure such provision as it considers appropriate.",
        [("considers", "consider", "local_authority", [], "none", False, "active")],
    ),
    (
        "Social workers should collaborate with schools and health professionals.",
        [
            (
                "collaborate",
                "collaborate",
                "social_care",
                ["education", "health"],
                "should",
                False,
                "active",
            )
        ],
    ),
    (
        "The council must involve young people in reviewing the local offer.",
        [("involve", "involve", "local_authority", ["young_person"], "must", False, "active")],
    ),
    ("Advice and information must be provided to the parent.", []),
    (
        "The local authority must arrange for the parent to be advised about mediation.",
        [("advised", "advise", "unspecified", ["parent"], "none", False, "passive")],
    ),
    (
        "Each body which is required to co-operate with the authority must inform it of any "
        "change.",
        [
            ("co-operate", "cooperate", "other", ["local_authority"], "none", False, "active"),
            ("inform", "inform", "other", ["local_authority"], "must", False, "active"),
        ],
    ),
    (
        "The authority must not consult or inform the school.",
        [
            ("consult", "consult", "local_authority", ["education"], "must", True, "active"),
            ("inform", "inform", "local_authority", ["education"], "must", True, "active"),
        ],
    ),
    (
        "The governing body must consult the local authority and notify the parent.",
        [
            ("consult", "consult", "education", ["local_authority"], "must", False, "active"),
            ("notify", "notify", "education", ["parent"], "must", False, "active"),
        ],
    ),
    (
        "The body which must consult the parent is the responsible commissioning body.",
        [("consult", "consult", "other", ["parent"], "must", False, "active")],
    ),
    (
        "A governing body that intends to inform parents must publish a notice.",
        [("inform", "inform", "education", ["parent"], "none", False, "active")],
    ),
    (
        "Where the Tribunal considers it appropriate, it may notify the Secretary of State.",
        [
            ("considers", "consider", "tribunal", [], "none", False, "active"),
            ("notify", "notify", "tribunal", ["secretary_of_state"], "may", False, "active"),
        ],
    ),
    (
        "If it considers that the plan should be amended, the local authority must notify the "
        "child's parent.",
        [
            ("considers", "consider", "local_authority", [], "none", False, "active"),
            ("notify", "notify", "local_authority", ["parent"], "must", False, "active"),
        ],
    ),
    (
        "The head teacher must inform the parent if he or she decides to exclude the pupil.",
        [("inform", "inform", "education", ["parent"], "must", False, "active")],
    ),
    (
        "Young people must be involved in planning. They should be consulted about any change.",
        [
            ("involved", "involve", "unspecified", ["young_person"], "must", False, "passive"),
            ("consulted", "consult", "unspecified", ["young_person"], "should", False, "passive"),
        ],
    ),
    (
        "The local authority must have regard to the views of the young person and must "
        "consider any representations made by his or her parent.",
        [
            (
                "have regard to",
                "have regard to",
                "local_authority",
                ["young_person"],
                "must",
                False,
                "active",
            ),
            ("consider", "consider", "local_authority", ["parent"], "must", False, "active"),
        ],
    ),
    ("The authority may seek to agree the timetable with the school.", []),
    ("Pupils may engage in sporting activities after school.", []),
    (
        "The governing body must engage with parents in developing the policy.",
        [("engage", "engage", "education", ["parent"], "must", False, "active")],
    ),
    (
        "The local authority must work in partnership with parent carers.",
        [
            (
                "work in partnership with",
                "work with",
                "local_authority",
                ["parent"],
                "must",
                False,
                "active",
            )
        ],
    ),
    (
        "The health body must take account of the wishes of the child and the child's parent.",
        [
            (
                "take account of",
                "take into account",
                "health",
                ["child", "parent"],
                "must",
                False,
                "active",
            )
        ],
    ),
    (
        "Before consulting the governing body, the local authority must notify the young person.",
        [
            ("consulting", "consult", "local_authority", ["education"], "none", False, "active"),
            ("notify", "notify", "local_authority", ["young_person"], "must", False, "active"),
        ],
    ),
    (
        "Having regard to the views of the parent, the Tribunal must decide the appeal.",
        [("Having regard to", "have regard to", "tribunal", ["parent"], "must", False, "active")],
    ),
    ("The consultation must be completed within four weeks.", []),
    ("The school must give advice to the parent.", []),
    (
        "The local authority is under a duty to co-operate with its relevant partners.",
        [("co-operate", "cooperate", "local_authority", ["professional"], "none", False, "active")],
    ),
    (
        "A social worker has a duty to inform the child.",
        [("inform", "inform", "social_care", ["child"], "none", False, "active")],
    ),
    (
        "The authority must ensure that the parent is consulted before the plan is finalised.",
        [("consulted", "consult", "unspecified", ["parent"], "must", False, "passive")],
    ),
    (
        "The local authority need not notify the parent where the parent has already been "
        "informed.",
        [
            ("notify", "notify", "local_authority", ["parent"], "need", True, "active"),
            ("informed", "inform", "unspecified", ["parent"], "none", False, "passive"),
        ],
    ),
    (
        "Nothing in this section requires the authority to consult the school.",
        [("consult", "consult", "local_authority", ["education"], "none", True, "active")],
    ),
    (
        "The governing body shall co-operate with the local authority and shall not disclose "
        "the information.",
        [("co-operate", "cooperate", "education", ["local_authority"], "shall", False, "active")],
    ),
    (
        "Schools should collaborate with one another and work closely with health services.",
        [
            # each school collaborates with the others
            ("collaborate", "collaborate", "education", ["education"], "should", False, "active"),
            ("work closely with", "work with", "education", ["health"], "should", False, "active"),
        ],
    ),
    (
        "Children's services must co-operate with the youth offending team.",
        [("co-operate", "cooperate", "social_care", ["other"], "must", False, "active")],
    ),
    (
        "Ofsted may inform the Secretary of State of any failure.",
        [("inform", "inform", "other", ["secretary_of_state"], "may", False, "active")],
    ),
    (
        "The authority must take the views of the parent into account.",
        [
            (
                "take the views of the parent into account",
                "take into account",
                "local_authority",
                ["parent"],
                "must",
                False,
                "active",
            )
        ],
    ),
    (
        "The views of the child must be taken into account.",
        [
            (
                "taken into account",
                "take into account",
                "unspecified",
                ["child"],
                "must",
                False,
                "passive",
            )
        ],
    ),
    (
        "Parents are entitled to participate in decisions about their child.",
        [("participate", "participate", "parent", [], "none", False, "active")],
    ),
    (
        "The local authority should coproduce the strategy with families.",
        [("coproduce", "coproduce", "local_authority", ["parent"], "should", False, "active")],
    ),
    (
        "The court must consider whether the child's welfare requires an order.",
        [("consider", "consider", "other", [], "must", False, "active")],
    ),
    (
        "The local authority will notify the parent and the school.",
        [("notify", "notify", "local_authority", ["parent", "education"], "will", False, "active")],
    ),
    (
        "The authority can consult the designated clinical officer.",
        [("consult", "consult", "local_authority", ["health"], "can", False, "active")],
    ),
    (
        "The plan must be reviewed and the parent must be notified of the outcome.",
        [("notified", "notify", "unspecified", ["parent"], "must", False, "passive")],
    ),
    (
        "Local authorities must ensure that parents and young people are involved in decisions "
        "about their support.",
        [
            (
                "involved",
                "involve",
                "unspecified",
                ["parent", "young_person"],
                "must",
                False,
                "passive",
            )
        ],
    ),
    (
        "The persons consulted under subsection (2) must include the parent.",
        [("consulted", "consult", "unspecified", ["other"], "none", False, "passive")],
    ),
    (
        "The parent, who must be consulted before the plan is made, may request a review.",
        [("consulted", "consult", "unspecified", ["parent"], "must", False, "passive")],
    ),
    (
        "The governing body must encourage parents to participate in the review.",
        [("participate", "participate", "parent", [], "must", False, "active")],
    ),
    (
        "The authority does not need to notify the Tribunal.",
        [("notify", "notify", "local_authority", ["tribunal"], "need", True, "active")],
    ),
    (
        "Regard must be had to the views, wishes and feelings of the child and his or her parent.",
        [
            (
                "Regard must be had to",
                "have regard to",
                "unspecified",
                ["child", "parent"],
                "must",
                False,
                "passive",
            )
        ],
    ),
    (
        "The clinical commissioning group must have regard to the advice of the designated "
        "medical officer.",
        [("have regard to", "have regard to", "health", ["health"], "must", False, "active")],
    ),
    (
        "Where a young person asks the college to consult his or her parent, it must do so.",
        [("consult", "consult", "education", ["parent"], "none", False, "active")],
    ),
    (
        "The authority must consult the parent and may inform the Tribunal.",
        [
            ("consult", "consult", "local_authority", ["parent"], "must", False, "active"),
            ("inform", "inform", "local_authority", ["tribunal"], "may", False, "active"),
        ],
    ),
    (
        "A local authority must seek the agreement of the young person before it informs the "
        "school.",
        [
            ("seek", "seek", "local_authority", ["young_person"], "must", False, "active"),
            ("informs", "inform", "local_authority", ["education"], "none", False, "active"),
        ],
    ),
    (
        "The proprietor should seek information from the social worker.",
        [("seek", "seek", "education", ["social_care"], "should", False, "active")],
    ),
    (
        "An academy must admit the child unless it considers that the admission would be "
        "unsuitable.",
        [("considers", "consider", "education", [], "none", False, "active")],
    ),
    (
        "The local authority must notify the governing body, the proprietor and the head teacher.",
        [("notify", "notify", "local_authority", ["education"], "must", False, "active")],
    ),
    (
        "The headteacher should work with the SENCO and the child's teachers.",
        [("work with", "work with", "education", ["education"], "should", False, "active")],
    ),
]


def _rows(nlp, sentence: str) -> list[tuple]:
    return contract_fields(nlp, sentence, sort_recipients=False)


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_sentence(nlp, sentence: str, expected: list[tuple]) -> None:
    assert _rows(nlp, sentence) == expected


def test_contract_example_actor_text_and_levels(nlp) -> None:
    doc = nlp(
        "The local authority must consult the child's parent and must not inform the school "
        "without consent."
    )
    spans = list(doc.spans[SPANS_KEY])
    assert [(s._.level, s._.actor_text) for s in spans] == [
        (2, "The local authority"),
        (1, "The local authority"),
    ]
    assert [(s.start_char, s.end_char) for s in spans] == [(25, 32), (65, 71)]


@pytest.mark.parametrize(
    ("sentence", "actor_text"),
    [
        (
            "The body which must consult the parent is the responsible commissioning body.",
            "The body",
        ),
        (
            "If it considers that the plan should be amended, the local authority must notify "
            "the child's parent.",
            "the local authority",
        ),
        (
            "The local authority and the clinical commissioning group must work together.",
            "The local authority and the clinical commissioning group",
        ),
        ("The young person may be consulted by the governing body.", "the governing body"),
        ("The parent must be informed of the decision.", None),
        ("Nothing in this section requires the authority to consult the school.", "the authority"),
    ],
)
def test_actor_text(nlp, sentence: str, actor_text: str | None) -> None:
    doc = nlp(sentence)
    first = doc.spans[SPANS_KEY][0]
    assert first._.actor_text == actor_text


def test_pronoun_antecedent_across_sentences_of_a_unit(nlp) -> None:
    doc = nlp("The governing body must publish a policy. It must consult parents before doing so.")
    (span,) = doc.spans[SPANS_KEY]
    assert (span._.actor, span._.actor_text, span._.recipients) == (
        "education",
        "The governing body",
        ["parent"],
    )


def test_list_item_takes_lead_in_subject_and_modal(nlp) -> None:
    doc = nlp(
        "The appointed person must— have regard to the home; without delay, notify the "
        "Secretary of State of the appointment; and consult the parent."
    )
    got = [(s.text, s._.actor_text, s._.modality, s._.recipients) for s in doc.spans[SPANS_KEY]]
    assert got == [
        ("have regard to", "The appointed person", "must", []),
        ("notify", "The appointed person", "must", ["secretary_of_state"]),
        ("consult", "The appointed person", "must", ["parent"]),
    ]


def test_explanation_names_pattern_and_rules(nlp) -> None:
    doc = nlp("The authority need not inform the parent.")
    (span,) = doc.spans[SPANS_KEY]
    rule = span._.rule
    assert rule["term"] == {
        "pattern": "inform",
        "line": 1,
        "constraint": {"verbal": True, "party_if_object": True},
        "anchor": "inform",
    }
    assert rule["modality"] == {"rule": "modality.aux", "token": "need"}
    assert rule["negated"] == {"rule": "negation.cue", "token": "not"}
    assert rule["voice"] == {"rule": "voice.active"}
    assert rule["actor"] == {"rule": "actor.subject", "party": "party.alias", "token": "authority"}
    assert rule["recipients"] == {"rule": "recipients.object", "evidence": ["object: the parent"]}


def test_hyphenated_terms_stay_one_token(nlp) -> None:
    doc = nlp("Bodies must co-operate. Co-production matters; they co\u2011operated.")
    assert [t.text for t in doc if t.lower_.startswith("co")] == [
        "co-operate",
        "Co-production",
        "co\u2011operated",
    ]
    assert [s._.term for s in doc.spans[SPANS_KEY]] == ["cooperate", "coproduce", "cooperate"]


def test_extensions_register_once() -> None:
    register_extensions()
    register_extensions()
    assert all(Span.has_extension(name) for name in EXTENSIONS)


def test_component_on_a_pipeline_without_a_parser_says_what_it_needs() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("partnership_terms")
    assert nlp("").spans[SPANS_KEY] is not None  # an empty text needs no parse
    with pytest.raises(ValueError, match="needs a parsed, lemmatised Doc"):
        nlp("The authority must co-operate with the school.")
