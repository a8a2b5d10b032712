"""The font sample taken while a PDF's text is read."""

from __future__ import annotations

import pytest

from tests.conftest import KCSIE_PDF, VOL3_PDF, need
from textmine.extract.pdf_fonts import CharStyle, LineFonts
from textmine.extract.pdf_source import PdfText, read_pdf_text


@pytest.fixture(scope="module")
def vol3() -> PdfText:
    return read_pdf_text(need(VOL3_PDF))


def test_every_page_sampled(vol3: PdfText) -> None:
    assert len(vol3.fonts) == vol3.page_count
    for text, fonts in zip(vol3.pages, vol3.fonts, strict=True):
        assert text is not None and fonts is not None
        assert [f.length for f in fonts] == [len(line) for line in text.split("\n")]


def test_heading_type_and_superscript(vol3: PdfText) -> None:
    lines = (vol3.pages[26] or "").split("\n")
    fonts = vol3.fonts[26]
    assert fonts is not None
    index = lines.index("(c) To participate in the review of the pathway plan8")
    heading = fonts[index]
    # The last character sampled is the ``n`` before the superscript ``8``.
    assert (heading.first, heading.last) == (
        CharStyle(16.0, True, "Arial-BoldMT"),
        CharStyle(16.0, True, ""),
    )
    assert heading.small == ((52, 53),)
    body = fonts[index + 1]
    assert body.first == CharStyle(12.0, False, "") and body.small == ()
    note = next(f for f, line in zip(fonts, lines, strict=True) if line.startswith("8 Regulation"))
    assert note.small == ((0, 1),) and note.first is not None and note.first.size == 10.0


def test_sub_bullet_font_named() -> None:
    pdftext = read_pdf_text(need(KCSIE_PDF))
    fonts = pdftext.fonts[6]
    lines = (pdftext.pages[6] or "").split("\n")
    bullet = next(f for f, line in zip(fonts or (), lines, strict=True) if line.startswith("• "))
    assert bullet.first is not None and "Symbol" in bullet.first.font


def test_line_fonts_defaults() -> None:
    assert LineFonts(0) == LineFonts(0, None, None, ())
