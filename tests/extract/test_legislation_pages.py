"""Setting aside page furniture, notes, front and back matter of legislation prints."""

from __future__ import annotations

from textmine.extract.legislation_pages import split_body
from textmine.extract.legislation_text import MARK
from textmine.extract.pdf_lines import Line


def _pages(*pages: str) -> list[list[Line]]:
    return [
        [Line(page=n, text=raw) for raw in text.strip("\n").split("\n")]
        for n, text in enumerate(pages, start=1)
    ]


def test_act_pages_without_layout() -> None:
    pages = _pages(
        "Partnership Act\n2026\nCHAPTER 9\n£4.50",
        "Partnership Act 2026\nCHAPTER 9\nCONTENTS\n1 Duty to consult\n2 Short title\n"
        "ii Partnership Act 2026 (c. 9)",
        "ELIZABETH II c. 9\nPartnership Act 2026\n2026 CHAPTER 9\nAn Act to require consultation.\n"
        "[1st May 2026]\nB E IT ENACTED by the King, as follows:—\n1 Duty to consult\n"
        "(1) A local authority must consult the parent.",
        "(2) The duty applies in England.\n2 Short title\nThis Act is the Partnership Act 2026.\n"
        "2 Partnership Act 2026 (c. 9)",
        "© Crown copyright 2026\nPrinted in the UK",
    )
    body = split_body(pages, "act")
    assert body.title == "Partnership Act 2026"
    assert body.long_title == "An Act to require consultation. [1st May 2026]"
    assert body.contents.sections == {"1": "Duty to consult", "2": "Short title"}
    assert [line.text for line in body.lines] == [
        "B E IT ENACTED by the King, as follows:—",
        "1 Duty to consult",
        "(1) A local authority must consult the parent.",
        "(2) The duty applies in England.",
        "2 Short title",
        "This Act is the Partnership Act 2026.",
    ]
    reasons = [(r.page, r.reason) for r in body.removed]
    assert reasons == [
        (1, "front matter"),
        (2, "running head"),
        (2, "front matter"),
        (2, "contents"),
        (3, "front matter"),
        (3, "long title"),
        (4, "running head"),
        (5, "back matter"),
    ]


def test_revised_si_pages_without_layout() -> None:
    banner = (
        "Document Generated: 2024-05-21\n"
        "Changes to legislation: There are currently no known outstanding effects for the\n"
        "Example Regulations 2015. (See end of Document for details)\n"
    )
    pages = _pages(
        "STATUTORY INSTRUMENTS\n2015 No. 1\nThe Example Regulations 2015\nMade - - 1st May 2015\n"
        "The Secretary of State makes these Regulations under the Care Standards Act 2000 M1.\n"
        "Marginal Citations\nM1 2000 c.14.\nCitation\n"
        "1. These Regulations apply to a partnership M2 .",
        banner + "2.—(1) The registered person must [\nF1consult] each child.\nTextual Amendments\n"
        "F1 Word substituted (1.1.2020) by S.I. 2019/1, reg. 2\n(and see reg. 3)\n2",
        banner + "Review\n3. The Secretary of State must review these Regulations.\n"
        "EXPLANATORY NOTE\n(This note is not part of the Regulations)\n3",
    )
    body = split_body(pages, "si")
    assert body.revised and body.title == "The Example Regulations 2015"
    assert [line.text for line in body.lines] == [
        f"The Secretary of State makes these Regulations under the Care Standards Act 2000 {MARK}.",
        "Citation",
        f"1. These Regulations apply to a partnership {MARK} .",
        "2.—(1) The registered person must [",
        f"{MARK}consult] each child.",
        "Review",
        "3. The Secretary of State must review these Regulations.",
    ]
    reasons = {(r.page, r.reason) for r in body.removed}
    assert reasons == {
        (1, "front matter"),
        (1, "note block"),
        (1, "note marker"),
        (2, "banner"),
        (2, "note block"),
        (2, "note marker"),
        (2, "page number"),
        (3, "banner"),
        (3, "explanatory note"),
        (3, "page number"),
    }
    notes = [r.text for r in body.removed if r.reason == "note block"]
    assert notes[1].split("\n") == [
        "Textual Amendments",
        "F1 Word substituted (1.1.2020) by S.I. 2019/1, reg. 2",
        "(and see reg. 3)",
    ]


def test_bill_line_numbers_and_footer_without_layout() -> None:
    pages = _pages(
        "Example Bill\nA\nBILL\nTO\nRequire consultation.\n"
        "BE IT ENACTED by the King, as follows:—\n"
        "1 Duty to consult\n(1) A local authority must\n5\nconsult the parent.\nBill 7 60/1",
        "Example Bill 2\n(2) The duty applies.\n10\nBill 7 60/1",
    )
    body = split_body(pages, "bill")
    assert [line.text for line in body.lines] == [
        "BE IT ENACTED by the King, as follows:—",
        "1 Duty to consult",
        "(1) A local authority must",
        "consult the parent.",
        "(2) The duty applies.",
    ]
    assert body.long_title == "A BILL TO Require consultation."
    assert body.title == "Example Bill"
    assert {(r.page, r.reason) for r in body.removed} == {
        (1, "front matter"),
        (1, "long title"),
        (1, "line number"),
        (1, "bill footer"),
        (2, "running head"),
        (2, "line number"),
        (2, "bill footer"),
    }
