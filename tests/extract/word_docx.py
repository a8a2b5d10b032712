"""Build Word drafts for the reader tests: python-docx, plus raw OOXML where it has no API.

:func:`build_draft` writes a draft code of practice (invented words) with what
an analyst's Word file has: a Title and Heading styles, Word's automatic
numbering (``9.14``, ``9.15(a)``, ``(i)``: the numbers are in
``numbering.xml``, not in the text), a bulleted item, a table, a footnote, a
comment, and tracked changes (``w:ins``/``w:del`` with author and date) that
turn a ``must`` into a ``may`` and add a sentence.
"""

from __future__ import annotations

import os
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

AUTHOR = "A. Drafter"
DATE = "2026-01-15T10:30:00Z"
TITLE = "Draft code of practice on working with families"
#: abstractNum/num id of the test's own list definition.
LIST_ID = "90"

_LEVELS = (("9", "decimal", "%1."), ("14", "decimal", "%1.%2"), ("1", "lowerLetter", "(%3)"),
           ("1", "lowerRoman", "(%4)"))  # fmt: skip
_NUMBERING = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{LIST_ID}">'
    '<w:multiLevelType w:val="multilevel"/>'
    + "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (start, fmt, text) in enumerate(_LEVELS)
    )
    + "</w:abstractNum>"
)
_SEPARATORS = "".join(
    f'<w:footnote w:type="{kind}" w:id="{ident}"><w:p><w:r><w:{kind}/></w:r></w:p></w:footnote>'
    for ident, kind in ((-1, "separator"), (0, "continuationSeparator"))
)
_FOOTNOTES = (
    f'<w:footnotes {nsdecls("w")}>{_SEPARATORS}<w:footnote w:id="1"><w:p><w:r>'
    "<w:t>A footnote that is not body text.</w:t></w:r></w:p></w:footnote></w:footnotes>"
)


def _numbered(paragraph: docx.text.paragraph.Paragraph, ilvl: int) -> None:
    numbering = parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{LIST_ID}"/></w:numPr>'
    )
    paragraph._p.get_or_add_pPr().append(numbering)


def _run(text: str, *, deleted: bool = False) -> str:
    tag = "w:delText" if deleted else "w:t"
    return f'<w:r><{tag} xml:space="preserve">{text}</{tag}></w:r>'


def _change(kind: str, ident: int, text: str) -> str:
    return (
        f'<w:{kind} w:id="{ident}" w:author="{AUTHOR}" w:date="{DATE}">'
        f"{_run(text, deleted=kind == 'del')}</w:{kind}>"
    )


def _tracked(paragraph: docx.text.paragraph.Paragraph, pieces: list[str]) -> None:
    """Append raw run XML (plain runs, ``w:ins``, ``w:del``) to ``paragraph``."""
    for piece in pieces:
        for element in parse_xml(f"<w:root {nsdecls('w')}>{piece}</w:root>"):
            paragraph._p.append(element)


def add_list_definition(document: docx.document.Document) -> None:
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING))
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{LIST_ID}">'
            f'<w:abstractNumId w:val="{LIST_ID}"/></w:num>'
        )
    )


def add_footnote(
    document: docx.document.Document, paragraph: docx.text.paragraph.Paragraph
) -> None:
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        _FOOTNOTES.encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)
    reference = parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="1"/></w:r>')
    paragraph._p.append(reference)


def build_draft(path: str | os.PathLike[str], *, glued: bool = False) -> Path:
    """Write the draft to ``path``; ``glued`` writes typed labels glued (``(a)inform``)."""
    document = docx.Document()
    document.core_properties.title = TITLE
    add_list_definition(document)
    document.add_paragraph("Working with families: draft for consultation", style="Title")
    document.add_heading("Chapter 9: Working together", level=1)
    document.add_heading("Planning with parents", level=2)
    first = document.add_paragraph(
        "The local authority must consult the child's parent before the plan is made."
    )
    _numbered(first, 1)
    add_footnote(document, first)
    lead = document.add_paragraph("The local authority must—")
    _numbered(lead, 1)
    for text in ("inform the school, and", "involve the child in the review of—"):
        _numbered(document.add_paragraph(text), 2)
    for text in ("each plan, and", "each placement."):
        _numbered(document.add_paragraph(text), 3)
    document.add_paragraph("Staff should keep a record of each meeting.", style="List Bullet")
    duty = document.add_paragraph()
    _tracked(
        duty,
        [
            _run("The local authority "),
            _change("del", 1, "must"),
            _change("ins", 2, "may"),
            _run(" work with the school."),
            _change("ins", 3, " It should also inform the parent."),
        ],
    )
    _numbered(duty, 1)
    comment_on = document.add_paragraph("The authority should engage the child.")
    _numbered(comment_on, 1)
    document.add_comment(
        comment_on.runs, text="Comment words that must never be read.", author="Reviewer"
    )
    document.add_heading("Who is consulted", level=2)
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, (("Who", "When"), ("Parent", "Always")), strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    typed = "(c)notify the court" if glued else "(c) notify the court"
    document.add_paragraph(f"9.20 The authority must also— {typed}.")
    path = Path(path)
    document.save(str(path))
    return path
