"""Tests of textmine.extract.pdf_source: failures become named errors; bad pages are listed."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests import bad_inputs
from textmine.errors import (
    CorruptInputError,
    EmptyInputError,
    EncryptedPDFError,
    ImageOnlyPDFError,
)
from textmine.extract import extract, pdf_source


def test_a_page_that_cannot_be_loaded_is_none(tmp_path: Path) -> None:
    pdftext = pdf_source.read_pdf_text(bad_inputs.unreadable_page_pdf(tmp_path))
    assert pdftext.page_count == 3
    assert pdftext.failed_pages == (2,)
    assert pdftext.pages[0] is not None and pdftext.pages[0].startswith("Page 1.")
    assert pdftext.pages[2] is not None and pdftext.pages[2].startswith("Page 3.")


def test_failed_pages_reach_the_document(tmp_path: Path) -> None:
    document = extract(bad_inputs.unreadable_page_pdf(tmp_path))
    assert document.failed_pages == (2,)
    assert document.pages == 3
    assert {p.page for p in document} <= {1, 3}


def test_text_read_failure_on_one_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure while reading a loaded page's text is caught per page too."""
    real = pdfium.PdfPage.get_textpage
    calls = {"n": 0}

    def flaky(self: pdfium.PdfPage) -> pdfium.PdfTextPage:
        calls["n"] += 1
        if calls["n"] == 3:
            raise pdfium.PdfiumError("Failed to load text page.")
        return real(self)

    monkeypatch.setattr(pdfium.PdfPage, "get_textpage", flaky)
    pdftext = pdf_source.read_pdf_text(bad_inputs.text_pdf(tmp_path, pages=4))
    assert pdftext.failed_pages == (3,)


def test_no_page_readable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_source, "_page_text", lambda pdf, index, path, **_: (None, None))
    path = bad_inputs.text_pdf(tmp_path)
    with pytest.raises(CorruptInputError, match="no page of the PDF could be read"):
        pdf_source.read_pdf_text(path)


def test_encrypted_and_image_only(tmp_path: Path) -> None:
    with pytest.raises(EncryptedPDFError):
        pdf_source.read_pdf_text(bad_inputs.text_pdf(tmp_path, "locked.pdf", password="pw"))
    with pytest.raises(ImageOnlyPDFError, match="run OCR on it first"):
        pdf_source.read_pdf_text(bad_inputs.image_only_pdf(tmp_path))


def test_blank_pages_are_no_text_not_a_scan(tmp_path: Path) -> None:
    with pytest.raises(EmptyInputError) as caught:
        pdf_source.read_pdf_text(bad_inputs.blank_pages_pdf(tmp_path, pages=2))
    assert caught.value.reason == "PDF has no text: its 2 page(s) are blank"
    with pytest.raises(ImageOnlyPDFError):  # drawings but no text: a scan
        pdf_source.read_pdf_text(bad_inputs.image_only_pdf(tmp_path))


def test_html_saved_as_pdf_is_named_as_such(tmp_path: Path) -> None:
    path = bad_inputs.write(tmp_path, "page.pdf", bad_inputs.HTML_PAGE)
    with pytest.raises(CorruptInputError) as caught:
        pdf_source.read_pdf_text(path)
    assert caught.value.reason == (
        "not a PDF file (an HTML page: save the PDF itself, not the web page)"
    )
