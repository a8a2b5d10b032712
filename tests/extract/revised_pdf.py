"""Build a legislation.gov.uk *revised* print of a small invented Act for the reader tests.

The words are those of ``data/family_partnership_act.xml`` (the Family
Partnership Act 2099, written for the tests), laid out as legislation.gov.uk
prints a revised Act: a ``Status:`` banner and a ``Changes to legislation``
box ending ``(See end of Document for details)`` at the top of every page, a
running head with the Part and Chapter under it and ``Document Generated``,
page numbers, bold section headings, an italic cross-heading, inline F-markers
in small type inside amendment brackets, a ``Textual Amendments`` note block,
``Commencement Information`` and a ``PROSPECTIVE`` marker.

``glued=True`` prints every paragraph label glued to its text (``(a)consult``),
as text copied from the website reads.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
from fpdf import FPDF

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
TITLE = "Family Partnership Act 2099"
STATUS = "Status: This version of this Act contains provisions that are prospective."
CHANGES = (
    "Changes to legislation: There are currently no known outstanding effects for",
    "the Family Partnership Act 2099. (See end of Document for details)",
)
#: (style, indent in pt, text) of page 1's body; style: "" body, "B" heading, "I"
#: cross-heading, "C" centred capitals, "N" note (small type).
PAGE_1 = [
    ("B", 0, TITLE),
    ("", 0, "2099 CHAPTER 1"),
    ("", 0, "An Act to make provision about how authorities plan services together with"),
    ("", 0, "families. [1st April 2099]"),
    ("", 0, "Be it enacted by the test suite as follows:—"),
    ("C", 0, "PART 1"),
    ("C", 0, "PLANNING WITH FAMILIES"),
    ("C", 0, "CHAPTER 1"),
    ("C", 0, "LOCAL ARRANGEMENTS"),
    ("I", 0, "Duties of local authorities"),
    ("B", 0, "1 Duty to work with families"),
    ("", 12, "(1) A local authority must work with parents when it plans local services."),
    ("", 12, "(2) Before making a plan the authority must—"),
    ("", 36, "(a) consult the parents of children in its area, and"),
    ("", 36, "(b) inform—"),
    ("", 60, "(i) each school in its area, and"),
    ("", 60, "(ii) each health body in its area,"),
    ("", 24, "of the matters it proposes to include."),
    ("", 12, "(3) In this section “plan” has the meaning given by the Example Services Act"),
    ("", 24, "2001."),
    ("N", 0, "Commencement Information"),
    ("N", 0, "I1 S. 1 in force at Royal Assent."),
]
PAGE_2 = [
    ("C", 0, "PART 2"),
    ("C", 0, "AMENDMENTS"),
    ("B", 0, "2 Amendment of the Example Services Act 2001"),
    ("", 0, "In section 5 of the Example Services Act 2001, after subsection (2) insert—"),
    ("", 24, "“(2A) The authority must have regard to the views of young people."),
    ("", 24, "(2B) The authority may involve young people in reviewing the plan.”."),
    ("C", 0, "PROSPECTIVE"),
    ("B", 0, "3 Short title"),
    # [F1 ...] and [F2 ...]: the markers are printed small, see _MARKED.
    ("M", 0, "This Act may be cited as the Family Partnership Act 2099 and comes into force on"),
    ("M", 0, "1 May 2099 unless the Secretary of State decides otherwise."),
    ("N", 0, "Textual Amendments"),
    ("N", 0, "F1 Words in s. 3 inserted (1.6.2099) by Example Order 2099 (S.I. 2099/1), art. 2"),
    ("N", 0, "F2 Words in s. 3 substituted (1.6.2099) by Example Order 2099 (S.I. 2099/1), art. 3"),
]
#: The line pieces of section 3 with its amendment brackets and small F-markers.
_MARKED = {
    "This Act may be cited as the Family Partnership Act 2099 and comes into force on": [
        ("This Act may be cited as the Family Partnership Act 2099 and comes into force on ", 10)
    ],
    "1 May 2099 unless the Secretary of State decides otherwise.": [
        ("[", 10),
        ("F1", 6),
        ("1 May 2099]", 10),
        (" [", 10),
        ("F2", 6),
        ("unless the Secretary of State decides otherwise].", 10),
    ],
}


def _glue(text: str) -> str:
    """``(a) consult`` -> ``(a)consult`` (a label glued to its text)."""
    if text.startswith("(") and ") " in text[:7]:
        end = text.index(") ") + 1
        return text[:end] + text[end + 1 :]
    return text


def _fonts(pdf: FPDF) -> None:
    pdf.add_font("Serif", "", str(FONT_DIR / "DejaVuSerif.ttf"))
    pdf.add_font("Serif", "B", str(FONT_DIR / "DejaVuSerif-Bold.ttf"))
    pdf.add_font("Serif", "I", str(FONT_DIR / "DejaVuSerif-Italic.ttf"))


def _furniture(pdf: FPDF, page: int, part: str) -> float:
    """Running head, banners and page number; returns where the body starts."""
    pdf.set_font("Serif", "I", 8)
    pdf.text(72, 40, f"{page} {TITLE} (c. 1)" if page % 2 == 0 else f"{TITLE} (c. 1)")
    pdf.text(72, 50, part)
    pdf.text(72, 60, "Document Generated: 2099-06-30")
    if page % 2:
        pdf.text(500, 60, str(page))
    pdf.set_font("Serif", "B", 8)
    pdf.text(72, 76, STATUS)
    pdf.set_font("Serif", "", 8)
    pdf.text(72, 88, CHANGES[0])
    pdf.text(72, 98, CHANGES[1])
    return 130


def _body(pdf: FPDF, rows: list[tuple[str, int, str]], y: float, *, glued: bool) -> None:
    left = 72
    for style, indent, text in rows:
        if style == "C":
            pdf.set_font("Serif", "", 10)
            pdf.text(250, y, text)
        elif style == "I":
            pdf.set_font("Serif", "I", 10)
            pdf.text(200, y, text)
        elif style == "N":
            pdf.set_font("Serif", "", 7)
            pdf.text(left, y, text)
        elif style == "M":
            x = left
            for piece, size in _MARKED[text]:
                pdf.set_font("Serif", "", size)
                pdf.text(x, y - (3 if size < 10 else 0), piece)
                x += pdf.get_string_width(piece)
        else:
            pdf.set_font("Serif", style, 10)
            pdf.text(left + indent, y, _glue(text) if glued else text)
        y += 15


def build_revised_pdf(path: str | os.PathLike[str], *, glued: bool = False) -> Path:
    """Write the revised print to ``path`` and return it."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title(TITLE)
    _fonts(pdf)
    pdf.add_page()
    pdf.set_font("Serif", "B", 8)
    pdf.text(72, 40, STATUS)
    pdf.set_font("Serif", "", 8)
    pdf.text(72, 52, CHANGES[0])
    pdf.text(72, 62, CHANGES[1])
    _body(pdf, PAGE_1, 90, glued=glued)
    pdf.add_page()
    _body(pdf, PAGE_2, _furniture(pdf, 2, "Part 2 – Amendments"), glued=glued)
    path = Path(path)
    pdf.output(str(path))
    return path
