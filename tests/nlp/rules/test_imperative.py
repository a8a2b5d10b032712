"""Imperatives in guidance take the addressee the document names (nlp/rules/imperative.py).

The labelling guidelines: an imperative takes the document's addressee where
the document says whom it is for (an audience statement, read by
:mod:`textmine.nlp.context.document`), else nobody.
"""

from __future__ import annotations

from typing import Any

from textmine.extract.document import Provision, build_document
from textmine.nlp.tagging import tag_document
from textmine.settings import Settings

#: An audience statement (schools: education) and provisions with explicit doers.
SCHOOL_DUTIES = (
    "This guidance is for governing bodies of schools and colleges in England.",
    "Schools must consult the parents of each pupil before changing the plan.",
    "The school should inform the local authority when a pupil is excluded.",
    "Schools should involve parents in reviews of the support they receive.",
    "Colleges must have regard to the views of the young person.",
    "The local authority should notify the school of any change of placement.",
    "Governing bodies should work with the virtual school head on every review.",
)


def _document(kind: str, *texts: str) -> Any:
    provisions = [
        Provision(doc="own", kind=kind, ref=str(i + 1), text=text) for i, text in enumerate(texts)
    ]
    return build_document(doc="own", kind=kind, path=None, provisions=provisions)


def _rows(nlp: Any, kind: str, *texts: str) -> list[dict[str, Any]]:
    settings = Settings(explain=True)
    return tag_document(_document(kind, *texts), nlp=nlp, settings=settings)


def _row(rows: list[dict[str, Any]], text: str, within: str = "") -> dict[str, Any]:
    return next(r for r in rows if r["text"] == text and within in r["sentence"])


def test_sentence_initial_imperative_takes_the_guidance_addressee(nlp: Any) -> None:
    rows = _rows(
        nlp,
        "guidance",
        *SCHOOL_DUTIES,
        "Consider whether the pupil's carers have been told about the meeting.",
        "Involve the designated teacher in planning the transition.",
    )
    for text in ("Consider", "Involve"):
        row = _row(rows, text)
        assert row["actor"] == "education"
        assert row["actor_text"] is None
        explain = row["explain"]["actor"]
        assert explain["rule"] == "actor.imperative"
        assert explain["said"].startswith("This guidance is for governing bodies")
        assert row["doubts"] == ["imperative"]
    # explicit subjects keep their own group
    assert _row(rows, "notify")["actor"] == "local_authority"


def test_imperative_bullet_under_an_imperative_lead_in(nlp: Any) -> None:
    rows = _rows(
        nlp,
        "guidance",
        *SCHOOL_DUTIES,
        "When a pupil joins mid-year, take these steps:\n"
        "• Consult the pupil's social worker about any earlier assessments\n"
        "• Engage the carers in setting the first targets",
    )
    assert _row(rows, "Consult")["actor"] == "education"
    assert _row(rows, "Engage")["actor"] == "education"


def test_imperative_after_a_fronted_adjunct(nlp: Any) -> None:
    rows = _rows(
        nlp,
        "guidance",
        *SCHOOL_DUTIES,
        "If in doubt seek the views of the pupil's carers.",
        "In all cases consult the social worker first.",
        "When the plan is reviewed, the local authority should inform the carers.",
    )
    assert _row(rows, "seek")["actor"] == "education"
    assert _row(rows, "consult")["actor"] == "education"
    assert _row(rows, "inform", "plan is reviewed")["actor"] == "local_authority"


def test_negative_and_mis_tagged_imperatives(nlp: Any) -> None:
    rows = _rows(
        nlp,
        "guidance",
        *SCHOOL_DUTIES,
        "Do not inform the carers before the pupil has been asked.",
        "Don't notify the new school until the move is agreed.",
        "Consult with the school nurse before the visit.",
    )
    for text in ("inform", "notify"):
        row = _row(rows, text, "agreed" if text == "notify" else "asked")
        assert (row["actor"], row["negated"]) == ("education", True)
    assert _row(rows, "Consult")["actor"] == "education"


def test_verb_governed_by_an_imperative(nlp: Any) -> None:
    rows = _rows(nlp, "guidance", *SCHOOL_DUTIES, "Make sure to inform the parents promptly.")
    assert _row(rows, "inform")["actor"] == "education"


def test_descriptive_list_items_are_not_instructions(nlp: Any) -> None:
    rows = _rows(
        nlp,
        "guidance",
        *SCHOOL_DUTIES,
        "Good support programmes share some features. Programmes that are:\n"
        "Planned around the strengths of each pupil\n"
        "Involve families in agreeing the goals",
    )
    row = _row(rows, "Involve")
    assert row["actor"] == "unspecified"
    assert row["explain"]["actor"]["rule"] == "actor.no_subject"


def test_clause_continuations_are_not_imperatives(nlp: Any) -> None:
    rows = _rows(
        nlp,
        "guidance",
        *SCHOOL_DUTIES,
        "When the review is held the school must gather the reports; invite the carers; "
        "and take into account the views of the pupil.",
    )
    row = _row(rows, "take into account")
    assert not row["explain"]["actor"]["rule"].startswith("actor.imperative")


def test_legislation_imperatives_stay_unspecified(nlp: Any) -> None:
    rows = _rows(nlp, "act", *SCHOOL_DUTIES, "Consider the report of the tribunal.")
    row = _row(rows, "Consider")
    assert row["actor"] == "unspecified"
    assert row["explain"]["actor"]["rule"] == "actor.imperative_no_addressee"


def test_a_document_that_does_not_say_whom_it_is_for_has_no_addressee(nlp: Any) -> None:
    """Whoever does most of its duties, the document names no addressee: unspecified."""
    rows = _rows(nlp, "guidance", *SCHOOL_DUTIES[1:], "Consider whether the child has been heard.")
    row = _row(rows, "Consider")
    assert row["actor"] == "unspecified"
    assert row["explain"]["actor"]["rule"] == "actor.imperative_no_addressee"


def test_a_document_tagged_in_chunks_gets_one_addressee(nlp: Any) -> None:
    """The engine tags long documents in chunks of units; the addressee is still the whole
    document's (here the school duties and the imperative fall in different chunks)."""
    from textmine.engine import tasks

    document = _document(
        "guidance", *SCHOOL_DUTIES, "Involve the designated teacher in planning the transition."
    )
    settings = Settings(explain=True)
    chunked = tasks.tag_parts(list(tasks.chunks(document, size=2)), settings, nlp)
    assert chunked == tag_document(document, nlp=nlp, settings=settings)
    assert _row(chunked, "Involve")["actor"] == "education"
