"""Who does it when the doer stands outside the term's own clause (issue 4, actor).

Own-words sentences in the style of statutory instruments (``The registered
person must— ...; ...``), statutory guidance for agencies, care leavers'
advisers and schools; nothing is quoted from a corpus document. Each case
asserts the exact contract fields (text, term, actor, sorted recipients,
modality, negated, voice).

* a party name the parser read as a verb and its object (``Governing bodies
  ... have a duty to``, ``Secure children's homes should``) is the subject;
* a subject after an opening phrase and before an aside (``Ideally placed to
  ..., schools and colleges, as part of ..., have a duty to``);
* a participle hung on the noun of an adverbial phrase is the verb's adjunct;
* a long aside between the modal and its verb leaves the subject on the modal;
* a verb after ``and, <aside>,`` is coordinated with the verb before the
  aside, not with a verb inside it (actor, modal and the pronoun it takes);
* ``is responsible for V-ing``, ``such as by V-ing``: the doer of the clause
  the adjective or example phrase belongs to;
* ``the role of X is to V``, ``it is the responsibility of X to V``, ``the
  responsibility for V-ing remains with X``: X;
* ``Staff working with children are expected to V`` (a participle phrase read
  as a clausal subject): its noun; ``..., as well as V-ing`` after an
  of-phrase is the main clause's, and a local authority named near *staff*
  is their partner, not their workplace;
* ``their arrangements should take into account``: the owner of the subject;
* an opening phrase without a comma that swallows the subject;
* ``is provided with support to V``: the passive subject;
* ``for X to V``: X; ``X should be prepared to V``: X;
* a ``keep X informed`` item of a lead-in list takes the lead-in's doer and modal;
  items under ``requires X to—`` are X's (no modal); an item the parser made a
  conjunct of a verb inside the item before is parallel to that item's verb;
* a conjunct with its own modal (``... that the child may not feel ready and
  should consider``) belongs with the clause of the same modal;
* ``Doing so may involve V-ing``, ``Part of this involves V-ing``: the
  previous sentence's subject (also a ``Governing bodies`` misparse);
* ``the adviser`` after ``a personal adviser``: the group of the full name;
* pronouns: see ``test_pronouns.py``.
"""

from __future__ import annotations

import pytest

from tests.nlp.helpers import contract_fields
from textmine.nlp.component import SPANS_KEY

A = "active"
P = "passive"
LA = "local_authority"
YP = "young_person"
DSL = "the designated safeguarding lead"

CASES = [
    # ---- a party name read as a verb and its object ("Governing" + "bodies")
    (
        "Governing bodies and proprietors, in line with the statutory guidance, have a duty to "
        "consult the local authority.",
        [("consult", "consult", "education", ["local_authority"], "none", False, A)],
    ),
    (
        "Secure children's homes should notify Ofsted of any such incident.",
        [("notify", "notify", "other", ["other"], "should", False, A)],
    ),
    # ---- the subject after an opening phrase and before an aside
    (
        "Ideally placed to observe changes in pupils, schools and colleges, as part of the "
        "wider safeguarding system, have a duty to consult the local authority.",
        [("consult", "consult", "education", ["local_authority"], "none", False, A)],
    ),
    # ---- "This needs to include V-ing": the sentence before's subject, through a complement
    (
        "Governing bodies should ensure that staff are trained. This needs to include working "
        "with the local authority.",
        [("working with", "work with", "education", ["local_authority"], "need", False, A)],
    ),
    # ---- ... also when that subject sits in the complement of "It is vital that"
    (
        "It is vital that schools and colleges know their pupils well. This will involve "
        "talking to parents and informing the local authority of any concern.",
        [("informing", "inform", "education", ["local_authority"], "will", False, A)],
    ),
    # ---- a preposition the parser made the head of the clause keeps the subject; the police
    # named near staff are a partner, not their workplace
    (
        "Staff should before informing the police speak to the designated safeguarding lead.",
        [("informing", "inform", "education", ["other"], "none", False, A)],
    ),
    # ---- a participle the parser hung on the noun of an adverbial phrase
    (
        "The registered person must review the care at least once in each six month period "
        "taking into account the views of the children.",
        [("taking into account", "take into account", "other", ["child"], "must", False, A)],
    ),
    # ---- the subject hung on the modal across an aside
    (
        "The agency should, wherever possible and in a way that suits the child's age and "
        "understanding, seek the child's views.",
        [("seek", "seek", "other", ["child"], "should", False, A)],
    ),
    # ---- a conjunct after "and, <aside>," belongs with the verb before the aside
    (
        "The agency should give the birth parents counselling and, where the birth parents are "
        "willing and it is consistent with the child's welfare, involve them in planning.",
        [("involve", "involve", "other", ["parent"], "should", False, A)],
    ),
    # ---- the clause an adjective or an example phrase belongs to
    (
        "The designated safeguarding lead is responsible for informing the head teacher of any "
        "concern.",
        [("informing", "inform", "education", ["education"], "none", False, A)],
    ),
    (
        "The registered person must promote contact, such as by consulting the child's family.",
        [("consulting", "consult", "other", ["parent"], "none", False, A)],
    ),
    # ---- whose role or responsibility it is
    (
        "The role of the personal adviser is to consult the young person about the plan.",
        [("consult", "consult", "professional", [YP], "none", False, A)],
    ),
    (
        "It is the responsibility of the registered person to consult the placing authority.",
        [("consult", "consult", "other", [LA], "none", False, A)],
    ),
    # ---- the owner of an instrument named as subject
    (
        "Governing bodies and proprietors should ensure that their safeguarding arrangements "
        "take into account the views of parents.",
        [("take into account", "take into account", "education", ["parent"], "should", False, A)],
    ),
    # ---- an opening phrase without a comma swallows the subject
    (
        "For children who are not looked after the home should frequently seek the views of "
        "parents.",
        [("seek", "seek", "other", ["parent"], "should", False, A)],
    ),
    # ---- the means to act given to a passive subject
    (
        "The home should ensure that each child is provided with support to communicate their "
        "views and participate fully in their care planning.",
        [("participate", "participate", "child", [], "none", False, A)],
    ),
    # ---- "for X to V", "X should be prepared to V"
    (
        f"There should be arrangements for staff to consult {DSL}.",
        [("consult", "consult", "education", ["education"], "none", False, A)],
    ),
    (
        f"Staff should be prepared to engage with parents and to consult {DSL} where necessary.",
        [
            ("engage", "engage", "education", ["parent"], "none", False, A),
            ("consult", "consult", "education", ["education"], "none", False, A),
        ],
    ),
    # ---- a "keep X informed" item under a lead-in
    (
        "The registered person must— consult the placing authority about the arrangements; "
        "notify the Chief Inspector of any serious incident; and keep the child informed of the "
        "outcome.",
        [
            ("consult", "consult", "other", [LA], "must", False, A),
            ("notify", "notify", "other", ["other"], "must", False, A),
            ("informed", "inform", "other", ["child"], "must", False, P),
        ],
    ),
    # ---- a run-on list under "requires X to—" / "must—" with embedded clauses
    (
        "In particular, the standard requires the registered person to ensure that staff— work "
        "with each child's placing authority; and consult the child about decisions.",
        [
            ("work with", "work with", "professional", [LA], "none", False, A),
            ("consult", "consult", "professional", ["child"], "none", False, A),
        ],
    ),
    (
        "The standard requires the registered person to— ensure that each child is helped to "
        "participate in decisions; and keep the placing authority informed.",
        [
            ("participate", "participate", "child", [], "none", False, A),
            ("informed", "inform", "other", [LA], "none", False, P),
        ],
    ),
    (
        "The registered person must— ensure that each child is helped to participate in "
        "decisions; and consult the placing authority.",
        [
            ("participate", "participate", "child", [], "must", False, A),
            ("consult", "consult", "other", [LA], "must", False, A),
        ],
    ),
    # ---- a conjunct with its own modal belongs with the clause of the same modal
    (
        "Staff should be aware that the child may not feel ready to talk and should consider "
        "how best to involve them.",
        [
            ("consider", "consider", "education", [], "should", False, A),
            ("involve", "involve", "education", ["child"], "should", False, A),
        ],
    ),
    # ---- a subject with its participle read as a clausal subject
    (
        f"Staff working directly with children are expected to consult {DSL}.",
        [
            ("working directly with", "work with", "education", ["child"], "none", False, A),
            ("consult", "consult", "education", ["education"], "none", False, A),
        ],
    ),
    # ---- "the responsibility for V-ing remains with X"
    (
        "Although the lead can hand tasks to deputies, the final responsibility for working with "
        f"other agencies remains with {DSL}.",
        [("working with", "work with", "education", ["professional"], "none", False, A)],
    ),
    # ---- "as well as V-ing" after an of-phrase; the local authority is no workplace of staff
    (
        "Staff should look at the wider context of each concern, as well as working closely with "
        "the local authority.",
        [("working closely with", "work with", "education", [LA], "should", False, A)],
    ),
    # ---- "This includes / Doing so may involve / Part of this involves V-ing"
    (
        "Governing bodies and proprietors have a duty to keep pupils safe. This includes working "
        "with the local authority.",
        [("working with", "work with", "education", [LA], "none", False, A)],
    ),
    (
        f"Staff should act on concerns at once. Doing so may involve consulting {DSL}.",
        [("consulting", "consult", "education", ["education"], "may", False, A)],
    ),
    (
        "The registered person must review the care plan. Part of this review involves "
        "consulting the child.",
        [("consulting", "consult", "other", ["child"], "none", False, A)],
    ),
    # ---- a short form after the full name
    (
        "A personal adviser should be appointed for each care leaver. The adviser should "
        "consult the young person about the plan.",
        [("consult", "consult", "professional", [YP], "should", False, A)],
    ),
    (
        "The virtual school head should work with schools. The head should inform the "
        "designated teacher of any change.",
        [
            ("work with", "work with", LA, ["education"], "should", False, A),
            ("inform", "inform", LA, ["education"], "should", False, A),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_doer_outside_the_clause(nlp, text, expected):  # type: ignore[no-untyped-def]
    assert contract_fields(nlp, text) == expected


def test_conjunct_after_an_aside_takes_the_first_verbs_doer(nlp):  # type: ignore[no-untyped-def]
    """The parser may make the verb after ``and, so far as ...,`` an adjunct of the first one."""
    doc = nlp(
        "The registered person must have regard to the child's wishes and, so far as it is "
        "consistent with the child's welfare, involve the child's parents in planning."
    )
    spans = {s.text: s for s in doc.spans[SPANS_KEY]}
    assert spans["involve"]._.actor == "other"
    assert spans["involve"]._.recipients == ["parent"]
    explain = spans["involve"]._.rule["actor"]
    assert (explain["rule"], explain["via"][0]) == ("actor.subject", "step.conj_across_aside")
