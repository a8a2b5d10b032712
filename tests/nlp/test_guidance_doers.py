"""Doers, recipients and modality in guidance prose that the clause alone does not settle.

Own-words sentences in the style of statutory guidance for agencies, schools and
children's homes; nothing is quoted from a corpus document. Each case asserts the
exact contract fields (text, term, actor, sorted recipients, modality, negated, voice).

* British English gives a single body plural agreement: *they* after ``the local
  authority`` is the authority; a subject pronoun is never the object of its own verb
  (``explain that they must notify the agency``: not the agency);
* ``it must, if ..., notify``: the parser may make the modal a verb of its own and tag
  the bare verb after the aside as a present tense;
* ``those working with children`` are practitioners; ``those seeking help`` some persons;
* a bare gerund that is the subject of an if-clause is done by the doer of the clause
  the condition belongs to;
* ``It will be important to V`` after a sentence about something else: the subject of
  the nearest earlier sentence that puts a duty on it, never of one that describes it;
* an officer or department of a body (``the local authority's complaints manager``,
  ``the legal department for the local authority``) is in the body's group;
* a proper name the lexicon does not know in a recipient's place is some other body;
  the name of an Act or of a person is not;
* ``may be unsuitable to work with children`` judges fitness: no modal on the activity;
* ``considering a placement with a child``: the child is what is weighed, not a partner;
* ``imposes a duty on X, when ..., to V``: X; ``local authority staff``, ``NHS
  providers``: the body the modifier names; ``engaged in learning``: no occurrence;
* ``This extends to V-ing`` stands for the sentence before; ``should be assisted to V``:
  the passive subject does it, under the modal;
* prisons are ``other`` (the justice system, as probation is); ``organisations`` in the
  plural are partners (``professional``), as ``agencies`` are; ``the Chief Inspector of
  Prisons must``, after an opening phrase the parse ran on into: the inspector; and
  ``..., local authorities and their partners should``: the first conjunct;
* probation practitioners, secure centres and the specified authorities of a duty are
  ``other``; ``local authority organisations``: the authority;
* ``Such an assessment must take account of``: the party an earlier sentence of the
  paragraph says carries the assessment out.
"""

from __future__ import annotations

import pytest

from tests.nlp.helpers import contract_fields

A = "active"
P = "passive"
LA = "local_authority"
YP = "young_person"

CASES = [
    # ---- they: a single body
    (
        "The local authority may waive the charge where they are considering a request "
        "for support.",
        [("considering", "consider", LA, [], "none", False, A)],
    ),
    (
        "The governing body may set other conditions that they consider reasonable.",
        [("consider", "consider", "education", [], "none", False, A)],
    ),
    # ---- a subject pronoun is not its verb's object
    (
        "Where an agency considers that a prospective adopter may be suitable, the agency "
        "must notify them of its decision and explain that they must notify the agency "
        "within six months.",
        [
            ("considers", "consider", "other", [], "none", False, A),
            ("notify", "notify", "other", ["parent"], "must", False, A),
            ("notify", "notify", "parent", ["other"], "must", False, A),
        ],
    ),
    # ---- the modal made a verb, the bare verb after the aside tagged VBP
    (
        "Where a voluntary agency closes, it must, if its work was mainly within one area, "
        "notify that local authority of the closure.",
        [("notify", "notify", "other", [LA], "must", False, A)],
    ),
    # ---- "those V-ing"
    (
        "The service gives a quick response to all those working with children in the area.",
        [("working with", "work with", "professional", ["child"], "none", False, A)],
    ),
    (
        "Contact details should be published for those seeking advice.",
        [("seeking", "seek", "other", [], "should", False, A)],
    ),
    # ---- a bare gerund subject of a condition
    (
        "Schools will usually inform parents, unless, for example, informing a parent is "
        "likely to put the child at risk.",
        [
            ("inform", "inform", "education", ["parent"], "will", False, A),
            ("informing", "inform", "education", ["parent"], "none", False, A),
        ],
    ),
    # ---- "It will be important to V": a duty before, not a description
    (
        "If the match is to go ahead the agency must tell the child. It will also be "
        "important to inform the child's foster carers.",
        [("inform", "inform", "other", ["parent"], "will", False, A)],
    ),
    (
        "Reviewing officers have a central role in the care planning process. This includes "
        "checking that needs are met. It is also important to consider the stability of the "
        "placement.",
        [("consider", "consider", "unspecified", [], "none", False, A)],
    ),
    # ---- officers of a body
    (
        "The local authority's complaints manager should advise the reviewing officer.",
        [("advise", "advise", LA, ["other"], "should", False, A)],
    ),
    (
        "The legal department for the local authority should advise the court.",
        [("advise", "advise", LA, ["other"], "should", False, A)],
    ),
    # ---- proper names in a recipient's place
    (
        "The regulator must co-operate with Social Care Wales.",
        [("co-operate", "cooperate", "other", ["other"], "must", False, A)],
    ),
    (
        "The agency may seek further information from the Registrar General.",
        [("seek", "seek", "other", ["other"], "may", False, A)],
    ),
    (
        "The school must have regard to the Children Act 1989.",
        [("have regard to", "have regard to", "education", [], "must", False, A)],
    ),
    (
        "The social worker continues to work with Tom on his plans.",
        [("work with", "work with", "social_care", [], "none", False, A)],
    ),
    # ---- bodies the lexicon names
    (
        "The agency should consult the PCT about the child's health needs.",
        [("consult", "consult", "other", ["health"], "should", False, A)],
    ),
    (
        "The DCS must be notified of the concerns at once.",
        [("notified", "notify", "unspecified", [LA], "must", False, P)],
    ),
    # ---- a judgement of fitness carries no modal to the activity
    (
        "These checks help to show whether a person may be unsuitable to work with children.",
        [("work with", "work with", "other", ["child"], "none", False, A)],
    ),
    (
        "The person may not be suitable to work with children.",
        [("work with", "work with", "other", ["child"], "none", True, A)],
    ),
    # ---- "This extends to V-ing": the sentence before's subject
    (
        "Schools have a duty of care to pupils on exchange visits. This extends to "
        "considering their safety during the visit.",
        [("considering", "consider", "education", [], "none", False, A)],
    ),
    # ---- passive object control: "should be assisted to V"
    (
        "Young people who receive a payment should be assisted to seek independent advice.",
        [("seek", "seek", "young_person", [], "should", False, A)],
    ),
    # ---- a participle on a party noun is a reduced relative: the main modal stays out
    (
        "The agency will weigh this against the harm to the person seeking information.",
        [("seeking", "seek", "other", [], "none", False, A)],
    ),
    # ---- the with-phrase of what is weighed is no partner in the weighing
    (
        "The agency is considering a placement with a particular child.",
        [("considering", "consider", "other", [], "none", False, A)],
    ),
    # ---- a duty placed on a party, its infinitive after an aside
    (
        "Section 46 imposes a duty on the court, when making an order, to consider the "
        "arrangements for contact.",
        [("consider", "consider", "other", [], "none", False, A)],
    ),
    # ---- a service named by its body
    (
        "Local authority staff should consult the parents.",
        [("consult", "consult", LA, ["parent"], "should", False, A)],
    ),
    (
        "The relevant NHS England providers are expected to consider these standards.",
        [("consider", "consider", "health", [], "none", False, A)],
    ),
    # ---- a pronoun after "another VAA", "the new VAA"; the registration authority
    (
        "Where the VAA merges with another VAA to form a new VAA, it must transfer its records "
        "to the new VAA and notify the registration authority in writing.",
        [("notify", "notify", "other", ["other"], "must", False, A)],
    ),
    # ---- engaged or involved in an activity is no partnership
    (
        "Homes should ensure all staff are engaged in on-going learning about their role.",
        [],
    ),
    # ---- prisons are of the justice system; organisations in the plural are partners
    (
        "The prison establishment should notify the probation service of the release date.",
        [("notify", "notify", "other", ["other"], "should", False, A)],
    ),
    (
        "Organisations and agencies that work with families should consult them early.",
        [
            ("work with", "work with", "professional", ["parent"], "none", False, A),
            ("consult", "consult", "professional", ["parent"], "should", False, A),
        ],
    ),
    (
        "Probation practitioners and each secure centre should work with the council.",
        [("work with", "work with", "other", [LA], "should", False, A)],
    ),
    (
        "The duty requires the specified authorities to consult the local health board.",
        [("consult", "consult", "other", ["health"], "none", False, A)],
    ),
    # ---- a body named by its modifier: the organisations of a local authority
    (
        "Local authority organisations should inform the school.",
        [("inform", "inform", LA, ["education"], "should", False, A)],
    ),
    # ---- the first of coordinated subjects an opening phrase ran on into
    (
        "When choosing the lead practitioner, local authorities and their partners should "
        "consult the family.",
        [("consult", "consult", LA, ["parent"], "should", False, A)],
    ),
    # ---- an assessment as the subject: whoever the paragraph says carries it out
    (
        "If a council considers that a young carer may need support, it must carry out an "
        "assessment. Such an assessment must take account of the young carer's wishes.",
        [
            ("considers", "consider", LA, [], "none", False, A),
            ("take account of", "take into account", LA, [YP], "must", False, A),
        ],
    ),
    # ---- the head of "X of Y" right before the modal, after an opening phrase
    (
        "When preparing the report, the Chief Inspector of Prisons must consult the council.",
        [("consult", "consult", "other", [LA], "must", False, A)],
    ),
    # ---- "those" picking out some of a noun just named is no person
    (
        "In some cases, particularly those involving older children, it may be best to wait.",
        [("involving", "involve", "unspecified", ["child"], "none", False, A)],
    ),
    # ---- a noun with an optional plural ("parent(s)", "carer/s", "child(ren)") is the party
    (
        "Where possible, the birth parent(s) should be involved in planning.",
        [("involved", "involve", "unspecified", ["parent"], "should", False, "passive")],
    ),
    (
        "The school must consult the carer/s and inform the child(ren).",
        [
            ("consult", "consult", "education", ["parent"], "must", False, A),
            ("inform", "inform", "education", ["child"], "must", False, A),
        ],
    ),
    # ---- a group or consortium of bodies is those bodies; a bare group is some body
    (
        "The framework allows a group of local authorities to work together on placements.",
        [("work together", "work with", LA, [], "none", False, A)],
    ),
    (
        "A consortium of schools must consult parents, and the group must inform the council.",
        [
            ("consult", "consult", "education", ["parent"], "must", False, A),
            ("inform", "inform", "other", [LA], "must", False, A),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_guidance_doers(nlp, text, expected):  # type: ignore[no-untyped-def]
    assert contract_fields(nlp, text) == expected
