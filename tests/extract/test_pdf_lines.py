"""Page lines with layout from pypdfium2's character API."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ACT_PDF, SI_PDF, need
from textmine.extract.pdf_lines import Line, plain_lines, read_lines
from textmine.extract.pdf_source import PdfText, read_pdf_text


@pytest.fixture(scope="module")
def act_lines() -> list[list[Line]]:
    return read_lines(read_pdf_text(need(ACT_PDF)))


def test_lines_spell_the_page_text(act_lines: list[list[Line]]) -> None:
    pages = read_pdf_text(need(ACT_PDF)).pages
    for page, text in zip(act_lines, pages, strict=True):
        assert [line.text for line in page] == [raw.rstrip() for raw in (text or "").split("\n")]
    # The printer's back page (21) holds control characters pypdfium2 spells differently.
    body = [line for page in act_lines[:20] for line in page if line.text.strip()]
    assert all(line.has_layout for line in body)
    assert not any(line.has_layout for line in act_lines[20])


def test_drop_cap_bold_and_italic(act_lines: list[list[Line]]) -> None:
    page5 = {line.text.strip(): line for line in act_lines[4] if line.text.strip()}
    enacting = next(line for text, line in page5.items() if text.startswith("B E IT ENACTED"))
    assert enacting.dropcap and enacting.size == 11.0 and enacting.page == 5
    heading = page5["1 Standard allowance for tax years 2026-27 to 2029-30"]
    assert heading.bold and not heading.italic and heading.x0 == 72.2
    assert page5["Universal credit"].italic
    subsection = page5[next(t for t in page5 if t.startswith("(1) The Secretary of State"))]
    assert subsection.x0 == 84.0 and not subsection.bold


def test_tiny_note_markers_are_found() -> None:
    page5 = read_lines(read_pdf_text(need(SI_PDF)))[4]
    line = next(line for line in page5 if line.text.startswith("(e) references to a partnership"))
    assert [line.text[start:end] for start, end in line.markers] == ["M17", "M18"]
    heading = next(line for line in page5 if line.text == "Textual Amendments")
    assert heading.bold and heading.size == 10.0 and heading.markers == ()


def test_missing_file_falls_back_to_plain_lines(tmp_path: Path) -> None:
    pdftext = PdfText(path=tmp_path / "gone.pdf", pages=("1 First\n(1) Text", None))
    pages = read_lines(pdftext)
    assert pages == [plain_lines(1, "1 First\n(1) Text"), []]
    assert pages[0][1] == Line(page=1, text="(1) Text")
    assert not pages[0][0].has_layout
