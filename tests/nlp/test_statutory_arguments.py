"""Who does it and to whom, in the shapes statutory English gives its arguments (issue 4).

Actor and recipient error classes, one own-words sentence (or short unit) per
rule, in the style of the Children and Families Act 2014 Part 3 and the SEND
Code of Practice; nothing is quoted. Each case asserts the exact contract
fields (text, term, actor, sorted recipients, modality, negated, voice).

* listed arguments: consultees under ``must consult—`` as ``(a) ... (b) ...``,
  after ``the following``, or one a line under a colon (:mod:`textmine.nlp.lists`);
* bullets: a line's bullet glyph does not derail the item it opens;
* coordination the parser loses: serial lists of parties with asides,
  ``with X and with Y``, a first member stranded before a comma, coordinated
  modifiers (``health and social care professionals``), ``with`` read as a
  clause marker, a lost ``with whom``; ``for example`` lists (not ``such
  as``); only joint actions (``co-operate``, ``work together``, ``with each
  other``) take the subject's other conjuncts as partners;
* the doer in context: ``This involves / means V-ing`` and ``This can be
  achieved by:`` take the previous sentence's subject; a fronted ``When
  V-ing ...,`` clause takes the main clause's subject; a subject the parser
  hung on the clause before; a non-party object does not control an
  infinitive; ``including V-ing`` under a noun takes the noun's owner;
* bare *staff* take the group of the institution named nearest in the unit;
* ``the views of, and any representations made by, X``: X; public authorities, devolved
  ministers and commissioners are ``other``; ``made by X after consulting``: X.
"""

from __future__ import annotations

import pytest

from tests.nlp.helpers import contract_fields

A = "active"
P = "passive"
LA = "local_authority"
YP = "young_person"

CASES = [
    # ---- listed arguments
    (
        "In reviewing its provision, the authority must consult— (a) children and young "
        "people in its area, and the parents of those children; (b) the governing bodies of "
        "maintained schools in its area; (c) the proprietors of academies in its area.",
        [("consult", "consult", LA, ["child", "education", "parent", YP], "must", False, A)],
    ),
    (
        "A local authority must consult the following about the plan— (a) the parent of the "
        "child; (b) the young person; (c) the proprietor of the academy.",
        [("consult", "consult", LA, ["education", "parent", YP], "must", False, A)],
    ),
    (
        "The governing body must co-operate with— (a) the local authority; and (b) the health "
        "body.",
        [("co-operate", "cooperate", "education", ["health", LA], "must", False, A)],
    ),
    (
        "In exercising those functions, the authority must have regard to— (a) the views, "
        "wishes and feelings of the child and his or her parent; (b) the importance of the "
        "child participating in decisions; and (c) the need to support the young person.",
        [
            ("have regard to", "have regard to", LA, ["child", "parent"], "must", False, A),
            ("participating", "participate", "child", [], "none", False, A),
        ],
    ),
    (
        "The local authority must notify:\n• the child's parent\n• the head teacher of the "
        "school\n• the clinical commissioning group",
        [("notify", "notify", LA, ["education", "health", "parent"], "must", False, A)],
    ),
    # an Act's paragraphs as the readers join them: labels moved to the refs, ";" between
    (
        "In reviewing its provision, the authority must consult— children and young people in "
        "its area, and the parents of those children; the governing bodies of maintained "
        "schools in its area; and such other persons as it thinks appropriate.",
        [
            (
                "consult",
                "consult",
                LA,
                ["child", "education", "other", "parent", YP],
                "must",
                False,
                A,
            )
        ],
    ),
    (
        "The authority must have regard to— the views, wishes and feelings of the child and his "
        "or her parent, or the young person; the importance of the child and his or her parent "
        "participating as fully as possible in decisions; and the need to support them.",
        [
            ("have regard to", "have regard to", LA, ["child", "parent", YP], "must", False, A),
            ("participating", "participate", "child", [], "none", False, A),
        ],
    ),
    # an ordinary object after a colon is not a list
    (
        "Where a plan is kept, the local authority must consult: the parent and the school.",
        [("consult", "consult", LA, ["education", "parent"], "must", False, A)],
    ),
    # ---- bullets opening item lines
    (
        "Early years providers should:\n• work with parents to agree outcomes;\n• involve the "
        "child in reviews; and\n• consult the SENCO.",
        [
            ("work with", "work with", "education", ["parent"], "should", False, A),
            ("involve", "involve", "education", ["child"], "should", False, A),
            ("consult", "consult", "education", ["education"], "should", False, A),
        ],
    ),
    # ---- coordination the parser loses
    (
        "They are required by law to notify placing authorities, the regulator and other "
        "relevant persons about serious events.",
        [("notify", "notify", "unspecified", [LA, "other"], "none", False, A)],
    ),
    (
        "The local authority must inform the young person and, where relevant, his or her parent.",
        [("inform", "inform", LA, ["parent", YP], "must", False, A)],
    ),
    (
        "The local authority must inform the parent and the young person, and the school, of "
        "its decision.",
        [("inform", "inform", LA, ["education", "parent", YP], "must", False, A)],
    ),
    (
        "The review should be held at a meeting involving the social worker, the young person, "
        "carers and others.",
        [
            (
                "involving",
                "involve",
                "unspecified",
                ["other", "parent", "social_care", YP],
                "none",
                False,
                A,
            )
        ],
    ),
    (
        "Before deciding, the authority must seek the views of the child, and of his or her "
        "parent.",
        [("seek", "seek", LA, ["child", "parent"], "must", False, A)],
    ),
    (
        "Local authorities should work in partnership with parents and with voluntary "
        "organisations.",
        [("work in partnership with", "work with", LA, ["other", "parent"], "should", False, A)],
    ),
    (
        "Children, their parents and young people should be involved in planning the provision.",
        [("involved", "involve", "unspecified", ["child", "parent", YP], "should", False, P)],
    ),
    (
        "Health and social care professionals should work together with education professionals.",
        [("work together with", "work with", "health", ["education"], "should", False, A)],
    ),
    (
        "It is important that the school works closely with parents to agree outcomes.",
        [("works closely with", "work with", "education", ["parent"], "none", False, A)],
    ),
    (
        "Local authorities and their partners must co-operate with each other.",
        [("co-operate", "cooperate", LA, ["professional"], "must", False, A)],
    ),
    # parties given as examples of the recipients ("for example"), not "such as" ones
    (
        "The head teacher should judge which other relevant persons may be notified, for "
        "example, the police, health professionals and the local authority.",
        [("notified", "notify", "unspecified", ["health", LA, "other"], "may", False, P)],
    ),
    (
        "The school should engage with other agencies such as health services.",
        [("engage", "engage", "education", ["professional"], "should", False, A)],
    ),
    # only a joint action makes the subject's other conjuncts its partners
    (
        "The school and the authority must co-operate.",
        [("co-operate", "cooperate", "education", [LA], "must", False, A)],
    ),
    (
        "Early years providers, schools and colleges should consult parents, and young people, "
        "about the support.",
        [("consult", "consult", "education", ["parent", YP], "should", False, A)],
    ),
    (
        "Children and their parents should participate in the review.",
        [("participate", "participate", "child", [], "should", False, A)],
    ),
    # a fronted "with whom" the parser lost
    (
        "Many schools have a lead for links with local health services, with whom designated "
        "teachers can work closely.",
        [("work closely", "work with", "education", ["health"], "can", False, A)],
    ),
    # "looked-after" stays one word: split, it reads as a verb and derails the item
    (
        "This can be achieved by:\nWorking directly with looked-after children and their "
        "carers to agree targets.",
        [
            (
                "Working directly with",
                "work with",
                "unspecified",
                ["child", "parent"],
                "none",
                False,
                A,
            )
        ],
    ),
    # ---- the doer in context
    (
        "Local authorities must publish a local offer. This means working with parents and "
        "young people to develop it.",
        [("working with", "work with", LA, ["parent", YP], "none", False, A)],
    ),
    (
        "Designated teachers have a direct role. This can be achieved by:\nWorking directly with "
        "children and their carers to agree targets.",
        [
            (
                "Working directly with",
                "work with",
                "education",
                ["child", "parent"],
                "none",
                False,
                A,
            )
        ],
    ),
    (
        "When considering whether children placed in the school by another authority will be "
        "eligible for health services, the school and the authority should take into account "
        "the guidance.",
        [
            ("considering", "consider", "education", [], "none", False, A),
            ("take into account", "take into account", "education", [], "should", False, A),
        ],
    ),
    (
        "This is not a complete list and schools must review each case carefully taking into "
        "account the wishes of the family.",
        [("taking into account", "take into account", "education", ["parent"], "must", False, A)],
    ),
    (
        "Teachers should use the results of the assessment to help inform the child's carers.",
        [("inform", "inform", "education", ["parent"], "none", False, A)],
    ),
    (
        "Schools have many duties, including supporting parents and consulting them about plans.",
        [("consulting", "consult", "education", ["parent"], "none", False, A)],
    ),
    (
        "Children are entitled to an advocate to advise them about their care.",
        [("advise", "advise", "other", ["child"], "none", False, A)],
    ),
    (
        "Does the head teacher have the skills to work with the governing body?",
        [("work with", "work with", "education", ["education"], "none", False, A)],
    ),
    # ---- "the people involved, ..." parsed as a clause is still a reduced relative; in a
    # verbless small clause it shares the modal of the verb it is coordinated with
    (
        "Other agencies involved, such as the police, should be told of the decision.",
        [("involved", "involve", "unspecified", ["professional"], "none", False, P)],
    ),
    (
        "The young person will need to feel valued and their wider family involved.",
        [("involved", "involve", "unspecified", ["parent"], "need", False, P)],
    ),
    # ---- bare staff: the institution named nearest
    (
        "The registered person must ensure that staff work with the placing authority.",
        [("work with", "work with", "professional", [LA], "must", False, A)],
    ),
    (
        "The SENCO should work with staff to plan support.",
        [("work with", "work with", "education", ["education"], "should", False, A)],
    ),
    # ---- first look at S7 and S9 (own words, the shapes those documents showed)
    (
        "Neglect may involve a carer failing to meet the child's basic needs.",
        [],  # involve with a party doing something means entail
    ),
    (
        "The panel will decide whether or not the parent needs to be informed.",
        [("informed", "inform", "unspecified", ["parent"], "need", False, P)],
    ),
    (
        "The authority should arrange for the medical adviser and the panel to be ready to "
        "consider the case.",
        [("consider", "consider", "health", [], "none", False, A)],
    ),
    (
        "Support is given by a family worker whose role is to advise the parents.",
        [("advise", "advise", "other", ["parent"], "none", False, A)],
    ),
    (
        "When using an agency, schools and colleges should inform the agency of the process.",
        [("inform", "inform", "education", ["other"], "should", False, A)],
    ),
    (
        "Contact details are listed in Annex C. Schools should consider referring the family.",
        [("consider", "consider", "education", [], "should", False, A)],
    ),
    (
        "Training gives staff the basis for a prompt, considered and fair response.",
        [],  # a participle among adjectives is an adjective
    ),
    (
        "The applicant was judged not suitable to work with children.",
        [("work with", "work with", "other", ["child"], "none", True, A)],
    ),
    (
        "Advice can be found in: Keeping safe: a handbook for bodies that work with "
        "children (example.org.uk).",
        [],  # a cited title before its web address
    ),
    (
        "The findings also inform planning for the next visit.",
        [],  # inform with a gerund complement means shape
    ),
    (
        "Providers should follow other guidance, such as:\nWorking together to safeguard "
        "children\nthe statutory guidance on missing children",
        [],  # a title as a list item, whatever case its composed clause gives it
    ),
    # ---- first look at S12 and S14 (own words)
    (
        "The aim is that the family will be heard and agencies are expected to take into "
        "account the family's wishes.",
        [
            (
                "take into account",
                "take into account",
                "professional",
                ["parent"],
                "none",
                False,
                A,
            ),
        ],
    ),
    (
        "The agency's decision-maker must decide. This requires them to take into account the "
        "recommendation of the panel.",
        [("take into account", "take into account", "other", ["other"], "none", False, A)],
    ),
    (
        "The interview tests the applicant's suitability to work with children.",
        [("work with", "work with", "other", ["child"], "none", False, A)],
    ),
    (
        "Staff should consider speaking to a member of the senior leadership team.",
        [("consider", "consider", "education", [], "should", False, A)],
    ),
    (
        "The council is ready to consult the parents.",
        [("consult", "consult", LA, ["parent"], "none", False, A)],
    ),
    # ---- an aside parting "of" from the owner of the views
    (
        "The authority must have regard to the views of, and any representations made by, "
        "the child's parent.",
        [("have regard to", "have regard to", LA, ["parent"], "must", False, A)],
    ),
    # ---- public authorities, a devolved government, a statutory commissioner
    (
        "The Welsh Ministers may co-operate with other public authorities in the United Kingdom.",
        [("co-operate", "cooperate", "other", ["other"], "may", False, A)],
    ),
    # ---- "them" after a preposition: a plural party before a singular subject
    (
        "The Secretary of State must consult such persons as the Secretary of State thinks "
        "fit and must consider any representations made by them.",
        [
            ("consult", "consult", "secretary_of_state", ["other"], "must", False, A),
            ("consider", "consider", "secretary_of_state", ["other"], "must", False, A),
        ],
    ),
    # ---- a gerund of time after a passive: the agent does it
    (
        "The decision must be taken by the local authority after consulting the head teacher.",
        [("consulting", "consult", LA, ["education"], "none", False, A)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_sentence(nlp, text: str, expected: list[tuple]) -> None:
    assert contract_fields(nlp, text) == expected


def test_list_items_stop_at_the_full_stop(nlp) -> None:
    rows = contract_fields(
        nlp, "The body must consult— (a) the parent; (b) the school. The parent may appeal."
    )
    assert [(r[0], r[3]) for r in rows] == [("consult", ["education", "parent"])]


def test_a_clause_item_names_no_argument(nlp) -> None:
    rows = contract_fields(
        nlp, "The body must consult— (a) whether the parent agrees; and (b) the school."
    )
    assert [(r[0], r[3]) for r in rows] == [("consult", ["education"])]


def test_no_list_without_an_opener(nlp) -> None:
    rows = contract_fields(nlp, "The authority must consult the parent (a) before it decides.")
    assert [(r[0], r[3]) for r in rows] == [("consult", ["parent"])]


def test_bullet_glyph_keeps_its_text(nlp) -> None:
    doc = nlp("Schools should:\n• consult parents")
    bullet = next(t for t in doc if t.text == "•")
    assert (bullet.text, bullet.norm_) == ("•", ";")
    assert doc.text == "Schools should:\n• consult parents"
