"""Telling Acts, Bills, SIs and guidance apart from their first pages."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.conftest import (
    ACT_PDF,
    ADOPTION_PDF,
    HOMES_GUIDE_PDF,
    KCSIE_PDF,
    LOCAL_OFFER_PDF,
    SI_PDF,
    TEACHER_PDF,
    VOL3_PDF,
    need,
)
from tests.extract.bill_pdf import build_bill_pdf
from textmine.extract.detect import detect_kind


def _first_pages(path: Path, count: int = 4) -> list[str]:
    pdf = pdfium.PdfDocument(str(need(path)))
    try:
        texts = []
        for index in range(min(count, len(pdf))):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range().replace("\r\n", "\n"))
            textpage.close()
            page.close()
        return texts
    finally:
        pdf.close()


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        (ACT_PDF, "act"),
        (SI_PDF, "si"),
        (ADOPTION_PDF, "guidance"),
        (HOMES_GUIDE_PDF, "guidance"),
        (KCSIE_PDF, "guidance"),
        (VOL3_PDF, "guidance"),
        (TEACHER_PDF, "guidance"),
        (LOCAL_OFFER_PDF, "guidance"),
    ],
    ids=lambda value: value.stem if isinstance(value, Path) else value,
)
def test_corpus_pdfs(path: Path, kind: str) -> None:
    assert detect_kind(_first_pages(path)) == kind


def test_built_bill(tmp_path: Path) -> None:
    assert detect_kind(_first_pages(build_bill_pdf(tmp_path / "bill.pdf"))) == "bill"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Example Bill\nA\nBILL\nTO\nMake provision.", "bill"),
        ("A BILL TO make provision about partnership.\nBE IT ENACTED by", "bill"),
        ("Example Bill [HL]\nBE IT ENACTED by the King", "bill"),
        ("Children's Homes Bill\nBill 42 60/1", "bill"),
        ("Example Act 2026\n2026 CHAPTER 3\nAn Act to", "act"),
        ("STATUTORY INSTRUMENTS\n2015 No. 541", "si"),
        ("1.1 This guidance explains the duty in the Children Act 1989.", "guidance"),
    ],
)
def test_text_marks(text: str, kind: str) -> None:
    assert detect_kind([text]) == kind
