"""Build a small Bill-style PDF for the legislation reader's tests.

No real Bill PDF is at hand, so this writes one in the House of Commons print
design with fpdf2: a cover with CONTENTS, a title page ("A BILL TO ..."), a
drop-capped enacting formula, bold clause headings, subsections and
paragraphs, a Schedule, a running head with the Bill's name, a footer with the
Bill number, page numbers, and line numbers 5, 10, 15 ... in the left margin.
The words are invented for the test ("Family Partnership Bill").
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
from fpdf import FPDF

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
TITLE = "Family Partnership Bill"
FOOTER = "Bill 42 60/1"

#: (style, indent in pt, text); style: "" body, "B" clause heading, "I" cross-heading.
BODY_PAGE_2 = [
    ("I", 0, "Planning with families"),
    ("B", 0, "1 Duty to involve parents in planning"),
    ("", 12, "(1) A local authority must involve the parent of a child in need in"),
    ("", 24, "planning the support to be provided for the child."),
    ("", 12, "(2) In doing so the authority must—"),
    ("", 36, "(a) consult the parent before the plan is made,"),
    ("", 36, "(b) have regard to the views, wishes and feelings of the parent"),
    ("", 48, "and the child, and"),
    ("", 36, "(c) inform the parent of any decision and the reasons for it."),
    ("", 12, "(3) The authority may agree with the parent that a co-produced plan is to"),
    ("", 24, "take effect in place of a plan made under subsection (2)."),
    ("B", 0, "2 Joint review of plans"),
    ("", 12, "(1) The authority and the parent must review the plan together at least"),
    ("", 24, "once in every period of six months."),
    ("", 12, "(2) A review under subsection (1) must consider—"),
    ("", 36, "(a) whether the support is meeting the child's needs, and"),
    ("", 36, "(b) whether the parent wishes to change the plan."),
]
BODY_PAGE_3 = [
    ("B", 0, "3 Amendment of the Children Act 1989"),
    ("", 12, "(1) Section 17 of the Children Act 1989 is amended as follows."),
    ("", 12, "(2) After subsection (4A) insert—"),
    ("", 36, "“(4B) Before determining what services to provide, a local"),
    ("", 48, "authority must work with the child's parents."),
    ("", 36, "(4C) The duty in subsection (4B) does not apply where—"),
    ("", 48, "(a) the child is at risk of harm, or"),
    ("", 48, "(b) the parent cannot be found.”"),
    ("B", 0, "4 Short title"),
    ("", 12, "This Act may be cited as the Family Partnership Act 2026."),
    ("SCHED", 0, "SCHEDULE 1 Section 2"),
    ("CAPS", 0, "PARTNERSHIP BOARDS"),
    ("", 0, "1 (1) Each local authority must establish a partnership board."),
    ("", 12, "(2) The board must include—"),
    ("", 36, "(a) parents of children in need, and"),
    ("", 36, "(b) officers of the authority."),
    ("", 0, "2 The board must publish an annual report."),
]


def _fonts(pdf: FPDF) -> None:
    pdf.add_font("Serif", "", str(FONT_DIR / "DejaVuSerif.ttf"))
    pdf.add_font("Serif", "B", str(FONT_DIR / "DejaVuSerif-Bold.ttf"))
    pdf.add_font("Serif", "I", str(FONT_DIR / "DejaVuSerif-Italic.ttf"))


def _furniture(pdf: FPDF, page: int, *, head: bool) -> None:
    if head:
        pdf.set_font("Serif", "I", 8)
        pdf.text(72, 50, f"{page}" if page % 2 == 0 else "")
        pdf.text(200, 50, TITLE)
        if page % 2:
            pdf.text(500, 50, f"{page}")
    pdf.set_font("Serif", "", 7)
    pdf.text(72, 800, FOOTER)


def _body(pdf: FPDF, rows: list[tuple[str, int, str]], y: float) -> None:
    left = 90
    for number, (style, indent, text) in enumerate(rows, start=1):
        if style == "SCHED":
            pdf.set_font("Serif", "", 10)
            pdf.text(250, y, text)
        elif style == "CAPS":
            pdf.set_font("Serif", "", 9)
            pdf.text(220, y, text)
        elif style == "I":
            pdf.set_font("Serif", "I", 10)
            pdf.text(240, y, text)
        else:
            pdf.set_font("Serif", style, 10)
            pdf.text(left + indent, y, text)
        if number % 5 == 0:
            pdf.set_font("Serif", "", 7)
            pdf.text(50, y, str(number))
        y += 15


def build_bill_pdf(path: str | os.PathLike[str]) -> Path:
    """Write the test Bill to ``path`` and return it."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    _fonts(pdf)
    # Page 1: cover and contents.
    pdf.add_page()
    pdf.set_font("Serif", "B", 20)
    pdf.text(150, 100, TITLE)
    pdf.set_font("Serif", "", 12)
    pdf.text(260, 150, "CONTENTS")
    pdf.set_font("Serif", "I", 10)
    pdf.text(230, 180, "Planning with families")
    pdf.set_font("Serif", "", 10)
    entries = [
        "1 Duty to involve parents in planning",
        "2 Joint review of plans",
        "3 Amendment of the Children Act 1989",
        "4 Short title",
        "Schedule 1 — Partnership boards",
    ]
    for index, entry in enumerate(entries):
        pdf.text(90, 200 + 15 * index, entry)
    _furniture(pdf, 1, head=False)
    # Page 2: long title, enacting formula, clauses 1-2.
    pdf.add_page()
    pdf.set_font("Serif", "B", 14)
    pdf.text(280, 90, "A")
    pdf.text(265, 110, "BILL")
    pdf.text(280, 130, "TO")
    pdf.set_font("Serif", "", 11)
    pdf.text(90, 155, "Make provision for local authorities to plan and review support for")
    pdf.text(
        90, 170, "children in need in partnership with their parents; and for connected purposes."
    )
    pdf.set_font("Serif", "", 30)
    pdf.text(90, 210, "B")
    pdf.set_font("Serif", "", 10)
    pdf.text(112, 200, "E IT ENACTED by the King’s most Excellent Majesty, by and with the advice")
    pdf.text(112, 213, "and consent of the Lords Spiritual and Temporal, and Commons, in this")
    pdf.text(
        90, 226, "present Parliament assembled, and by the authority of the same, as follows:—"
    )
    _body(pdf, BODY_PAGE_2, 260)
    _furniture(pdf, 2, head=True)
    # Page 3: clauses 3-4 and the Schedule.
    pdf.add_page()
    _body(pdf, BODY_PAGE_3, 90)
    _furniture(pdf, 3, head=True)
    path = Path(path)
    pdf.output(str(path))
    return path
