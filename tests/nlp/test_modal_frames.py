"""Modal frames of statutory English: what modal governs a term, and whether it is negated.

Own-words sentences in the style of an Act or a Code of Practice (not quoted),
one per rule of :mod:`textmine.nlp.modality`, decided by the tagging contract
and the annotation guidelines of tests/nlp/data/README.md:

* a modal word governs the infinitive it takes (``ought to`` counts as
  ``should``); a modal cut off from its verb by a parenthetical still governs
  it (``may, where it considers it appropriate, consult``);
* a wh-infinitive (``consider how best to involve``, ``whether to consult``)
  takes the modal of the verb it completes (the labelled convention; a finite
  ``whether``/``how`` clause does not);
* a participial adjunct, bare or perfect (``having consulted``), shares its
  verb's modal, also when the parser hangs it on the noun of an adverbial
  phrase (``in each period taking into account``); so does an infinitive
  raised through ``it`` + adjective (``may find it helpful to consult``);
* the chain stops at a purpose infinitive (``use the results to inform``), at
  a noun (``the importance of ... involving``, also when the parser breaks up
  a comma list), at a ``;``-separated series item, and *need* is no modal of a
  purpose infinitive (``the support they need to participate``);
* ``No authority may ...``, ``no account is to be taken of``, ``there is no
  need to consult`` and ``must not, unless ..., inform`` are negated; ``not
  only ... but also`` is not.

Each case asserts (text, term, modality, negated).
"""

from __future__ import annotations

import pytest

from tests.nlp.helpers import contract_fields


def frames(nlp, text: str) -> list[tuple]:
    return [(f[0], f[1], f[4], f[5]) for f in contract_fields(nlp, text)]


CASES = [
    # ---- modal words and where they stand
    # "find it helpful to V", "consider it necessary to V": the infinitive completes the verb
    (
        "The agency may also find it helpful to consult the child's parents.",
        [("consult", "consult", "may", False)],
    ),
    (
        "The court may consider it necessary to inform the parents.",
        [("consider", "consider", "may", False), ("inform", "inform", "may", False)],
    ),
    # a participle after an adverbial phrase, with no comma, is still the verb's adjunct;
    # "a meeting involving" stays with its noun (see test_statutory_arguments)
    (
        "The registered person must review the care at least once in each six month period "
        "taking into account the views of the children.",
        [("taking into account", "take into account", "must", False)],
    ),
    # a participle after a whether-clause belongs to the verb that takes the clause
    (
        "The authority must consider whether the child is safe, taking into account the views "
        "of the parents.",
        [
            ("consider", "consider", "must", False),
            ("taking into account", "take into account", "must", False),
        ],
    ),
    # a perfect participle adjunct shares the modal of its verb, as a bare one does
    (
        "The authority must review the plan each year, having consulted the child's parents.",
        [("consulted", "consult", "must", False)],
    ),
    (
        "The local authority ought to consult the young person before the review.",
        [("consult", "consult", "should", False)],
    ),
    (
        "The governing body ought not to inform the school without the parent's consent.",
        [("inform", "inform", "should", True)],
    ),
    (
        "The local authority may, where it considers it appropriate, consult the child's parent.",
        [("considers", "consider", "none", False), ("consult", "consult", "may", False)],
    ),
    (
        "The local authority need not consult the governing body of the school.",
        [("consult", "consult", "need", True)],
    ),
    (
        "The local authority shall notify the parent of its decision.",
        [("notify", "notify", "shall", False)],
    ),
    # "is to", "is required to", "it is for X to" are not modals (guidelines)
    (
        "The local authority is to notify the child's parent within 15 days.",
        [("notify", "notify", "none", False)],
    ),
    (
        "The authority is not required to notify the parent.",
        [("notify", "notify", "none", True)],
    ),
    (
        "The local authority must ensure that the child's parent is consulted.",
        [("consulted", "consult", "must", False)],
    ),
    # ---- wh-infinitives share the governing modal
    (
        "The local authority should consider whether to consult the child's parent.",
        [("consider", "consider", "should", False), ("consult", "consult", "should", False)],
    ),
    (
        "Local authorities will want to consider how best to involve young people in the review.",
        [("consider", "consider", "will", False), ("involve", "involve", "will", False)],
    ),
    # ... a finite "whether" clause does not
    (
        "The authority must decide whether the school has consulted the parent.",
        [("consulted", "consult", "none", False)],
    ),
    # ---- where the chain stops
    (
        "Schools should use the results of the assessment to inform the parents.",
        [("inform", "inform", "none", False)],
    ),
    (
        "Colleges should make sure that students get the support they need to participate.",
        [("participate", "participate", "none", False)],
    ),
    (
        "The local authority must identify the services it will need to work with.",
        [("work with", "work with", "need", False)],
    ),
    (
        "Staff should understand the importance of listening to, involving and responding to "
        "the young people they support.",
        [("involving", "involve", "none", False)],
    ),
    (
        "The policy should set out principles which include: treating each child with respect; "
        "involving children wherever practical in decisions about their care; supporting each "
        "child to make choices.",
        [("involving", "involve", "none", False)],
    ),
    # a participial adjunct of the main clause still takes its modal
    (
        "The authority must assess each case, taking into account the views of the parent.",
        [("taking into account", "take into account", "must", False)],
    ),
    # ---- negation
    (
        "No local authority may notify the school without the consent of the young person.",
        [("notify", "notify", "may", True)],
    ),
    (
        "No account is to be taken of any representations made after the closing date.",
        [("account is to be taken of", "take into account", "none", True)],
    ),
    (
        "Local authorities must not only consult young people but also involve them in the review.",
        [("consult", "consult", "must", False), ("involve", "involve", "must", False)],
    ),
    (
        "The authority must notify the parent not later than 15 days after the decision.",
        [("notify", "notify", "must", False)],
    ),
    # a "not" the parser hangs off the modal, cut off from its verb by a parenthetical
    (
        "The registered person must not, unless the child agrees, inform the child's parents.",
        [("inform", "inform", "must", True)],
    ),
    # "no" on the noun an infinitive completes: no need, no duty, no obligation (no modal)
    (
        "There is no need to consult the child's parents again.",
        [("consult", "consult", "none", True)],
    ),
    (
        "The authority has no duty to notify the school of the decision.",
        [("notify", "notify", "none", True)],
    ),
    (
        "The authority has a duty to notify the school of the decision.",
        [("notify", "notify", "none", False)],
    ),
    # ---- an infinitive completing a light noun takes no modal, however it is attached
    (
        "The local authority must take all reasonable steps to notify the young person.",
        [("notify", "notify", "none", False)],
    ),
    (
        "The agency must take reasonable steps to involve the birth father.",
        [("involve", "involve", "none", False)],
    ),
    # ---- object control read as a clause: "help the child/nsubj to participate"
    (
        "The school should help the child to participate in the review.",
        [("participate", "participate", "should", False)],
    ),
    # ---- a verb coordinated across an aside opened by "and ," shares the first verb's modal
    (
        "The local authority must consult the young person and, where appropriate, involve "
        "the parent in the review.",
        [("consult", "consult", "must", False), ("involve", "involve", "must", False)],
    ),
    (
        "The authority must keep the parent informed and, where necessary, seek advice from "
        "the school.",
        [("informed", "inform", "must", False), ("seek", "seek", "must", False)],
    ),
    # ---- a modal the parser made the auxiliary of a word inside the aside
    (
        "The registered person must, as soon as reasonably practicable after the incident, "
        "notify the placing authority.",
        [("notify", "notify", "must", False)],
    ),
    (
        "The authority may, so far as is reasonably practicable, consult the parent.",
        [("consult", "consult", "may", False)],
    ),
    # ---- bullets after "should—": the bullet is no subject of the item verb
    (
        "The school should— • involve the child; • inform the parent.",
        [("involve", "involve", "should", False), ("inform", "inform", "should", False)],
    ),
    # ---- items after a dash glued to the lead-in, or under a label the parser made a
    # determiner ("(a)/det work/NOUN"), are verbs taking the lead-in's modal
    (
        "The registered person must ensure that staff— work with parents; and engage with "
        "the school.",
        [("work with", "work with", "must", False), ("engage", "engage", "must", False)],
    ),
    (
        "The registered person must ensure that staff— (a) work with parents; (b) engage "
        "with the school.",
        [("work with", "work with", "must", False), ("engage", "engage", "must", False)],
    ),
    # ---- a modal the parser made the subject of its verb after an aside
    (
        "The authority will need to consult the school and will, where appropriate, inform "
        "the college.",
        [("consult", "consult", "need", False), ("inform", "inform", "will", False)],
    ),
    # ---- a second "that" clause of an embedding verb, parsed as its conjunct
    (
        "Schools should ensure that children are involved, and that parents are informed.",
        [("involved", "involve", "should", False), ("informed", "inform", "should", False)],
    ),
    # ---- "need" in a relative clause whose gap is the term's object stays modal
    (
        "The school should list the relatives it needs to engage.",
        [("engage", "engage", "need", False)],
    ),
    # ---- "make arrangements for X to ...": the for-clause completes a noun (no modal)
    (
        "The authority must make arrangements for the parent to be consulted.",
        [("consulted", "consult", "none", False)],
    ),
    # ---- a modal the parser made the root when an aside stands before its passive verb
    (
        "The young person should, wherever possible, be consulted.",
        [("consulted", "consult", "should", False)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_modal_frame(nlp, text: str, expected: list[tuple]) -> None:
    assert frames(nlp, text) == expected


def test_explain_names_the_modal_rule(nlp) -> None:
    doc = nlp("The authority may, where it considers it appropriate, consult the parent.")
    consult = next(s for s in doc.spans["partnership"] if s.text == "consult")
    assert consult._.rule["modality"] == {"rule": "modality.before_aside", "token": "may"}
    doc = nlp("The council should consider whether to consult the parent.")
    consult = next(s for s in doc.spans["partnership"] if s.text == "consult")
    assert consult._.rule["modality"] == {
        "rule": "modality.aux",
        "via": ["link.wh_infinitive"],
        "token": "should",
    }
