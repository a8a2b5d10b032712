"""Document passes (textmine/nlp/workplace.py): bare *staff* take the document's workplace.

Unit tests build rows and marks by hand; one test tags an own-words document
whose first paragraph names a children's home near its staff and whose second
does not.
"""

from __future__ import annotations

from typing import Any

from textmine.nlp.addressee import IMPERATIVE
from textmine.nlp.workplace import BARE_STAFF, finish_rows, mark_of, workplace


def _row(actor: str, rule: str = "nsubj") -> dict[str, Any]:
    return {
        "actor": actor,
        "actor_text": "staff",
        "modality": "should",
        "kind": "guidance",
        "explain": {"actor": {"rule": rule, "evidence": "staff"}},
    }


def test_marks_come_from_the_actor_rule() -> None:
    assert mark_of(IMPERATIVE, "unspecified") == IMPERATIVE
    assert mark_of("nsubj (staff (no institution named))", "education") == BARE_STAFF
    assert mark_of("nsubj (staff near 'home')", "professional") == "staff:professional"
    assert mark_of("nsubj (alias)", "local_authority") == ""


def test_workplace_needs_enough_named_rows_and_a_clear_majority() -> None:
    assert workplace(["staff:professional"]) is None
    assert workplace(["staff:professional", "staff:professional"]) == ("professional", 2, 2)
    assert workplace(["staff:professional", "staff:education"]) is None
    assert workplace(["staff:professional"] * 2 + ["staff:education", ""]) == (
        "professional",
        2,
        3,
    )


def test_bare_staff_take_the_named_workplace() -> None:
    rows = [
        _row("professional", "nsubj (staff near 'home')"),
        _row("professional", "nsubj (staff near 'person')"),
        _row("education", "nsubj (staff (no institution named))"),
        _row("local_authority", "nsubj (alias)"),
    ]
    marks = [mark_of(r["explain"]["actor"]["rule"], r["actor"]) for r in rows]
    finish_rows(rows, marks)
    assert [r["actor"] for r in rows] == [
        "professional",
        "professional",
        "professional",
        "local_authority",
    ]
    assert (
        "staff of this document work at a professional body (2 of 2"
        in (rows[2]["explain"]["actor"]["rule"])
    )


def test_without_a_named_workplace_bare_staff_stay_as_read() -> None:
    rows = [_row("education", "nsubj (staff (no institution named))")]
    finish_rows(rows, [BARE_STAFF])
    assert rows[0]["actor"] == "education"


def test_a_tagged_document(nlp) -> None:  # type: ignore[no-untyped-def]
    from textmine.extract.document import Provision, build_document
    from textmine.nlp.tagging import tag_document

    texts = [
        "Staff at the children's home should consult each child about the house rules. "
        "Staff must also inform the registered person of any complaint.",
        "Staff should notify the child's social worker when a placement changes.",
    ]
    provisions = [
        Provision(doc="homes", kind="guidance", ref=f"{i + 1}.1", text=text, page=1)
        for i, text in enumerate(texts)
    ]
    document = build_document(doc="homes", kind="guidance", path=None, provisions=provisions)
    rows = tag_document(document, nlp=nlp)
    notify = next(r for r in rows if r["term"] == "notify")
    assert notify["actor"] == "professional"
