"""Open PDFs safely and read their text layer page by page.

Shared by the legislation and guidance readers. pypdfium2 gives fast page text
(and, through :mod:`~textmine.extract.pdf_fonts`, the little typography and
geometry the readers need). Every failure becomes an :class:`InputError`
subclass that names the file and the reason.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from textmine.errors import (
    CorruptInputError,
    EmptyInputError,
    EncryptedPDFError,
    ImageOnlyPDFError,
)
from textmine.extract.govuk_print import is_govuk_print
from textmine.extract.pdf_fonts import LineFonts, sample_page

log = logging.getLogger(__name__)

#: A PDF whose pages hold fewer text characters than this, in all, is a scan.
MIN_TEXT_CHARS = 40
#: The start of an HTML page (a web page saved under a ``.pdf`` name).
_HTML = re.compile(rb"<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)


@dataclass(frozen=True)
class PdfText:
    """The text layer of a PDF: one string per page (``None`` where it failed).

    ``fonts`` holds, per page, a cheap font sample of each line (see
    :mod:`~textmine.extract.pdf_fonts`), or ``None`` where there is none; it is
    empty when the text did not come from :func:`read_pdf_text`.
    """

    path: Path
    pages: tuple[str | None, ...]
    fonts: tuple[tuple[LineFonts, ...] | None, ...] = ()
    #: The title in the PDF's metadata (``None`` when it has none).
    title: str | None = None

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def failed_pages(self) -> tuple[int, ...]:
        """1-based numbers of the pages whose text could not be read."""
        return tuple(i + 1 for i, text in enumerate(self.pages) if text is None)


def _open(path: Path) -> pdfium.PdfDocument:
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        if _HTML.search(head):
            raise CorruptInputError(
                path, "not a PDF file (an HTML page: save the PDF itself, not the web page)"
            )
        raise CorruptInputError(path, "not a PDF file (no %PDF header)")
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise EncryptedPDFError(path, "encrypted PDF (remove the password first)") from exc
        raise CorruptInputError(path, f"corrupt or truncated PDF ({message})") from exc


def read_pdf_text(path: str | Path) -> PdfText:
    """Read every page's text with pypdfium2, normalising line ends to ``\\n``.

    Pages that fail are ``None`` (and logged); a document with no text at all
    raises :class:`ImageOnlyPDFError`, or :class:`EmptyInputError` when its
    pages draw nothing at all (blank pages, however many); one that cannot be
    opened raises :class:`CorruptInputError` or :class:`EncryptedPDFError`.
    """
    path = Path(path)
    pdf = _open(path)
    texts: list[str | None] = []
    fonts: list[tuple[LineFonts, ...] | None] = []
    try:
        if len(pdf) == 0:
            raise CorruptInputError(path, "PDF has no pages")
        title = _metadata_title(pdf)
        geometry = is_govuk_print(title)
        for index in range(len(pdf)):
            text, sample = _page_text(pdf, index, path, geometry=geometry)
            texts.append(text)
            fonts.append(sample)
    finally:
        pdf.close()
    readable = [t for t in texts if t is not None]
    if not readable:
        raise CorruptInputError(path, "no page of the PDF could be read")
    if sum(len(t.strip()) for t in readable) < MIN_TEXT_CHARS:
        if _blank(path):
            raise EmptyInputError(path, f"PDF has no text: its {len(texts):,} page(s) are blank")
        raise ImageOnlyPDFError(
            path, "PDF has no text layer (image-only or scanned); run OCR on it first"
        )
    return PdfText(path=path, pages=tuple(texts), fonts=tuple(fonts), title=title)


def _metadata_title(pdf: pdfium.PdfDocument) -> str | None:
    try:
        title = pdf.get_metadata_dict().get("Title")
    except (pdfium.PdfiumError, KeyError, ValueError):
        return None
    return " ".join(title.split()) or None if title else None


def _blank(path: Path) -> bool:
    """Whether no page of the PDF at ``path`` draws anything (no text, image or path)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                if pdfium.raw.FPDFPage_CountObjects(page.raw) != 0:
                    return False
            finally:
                page.close()
    except pdfium.PdfiumError:
        return False
    finally:
        pdf.close()
    return True


def _page_text(
    pdf: pdfium.PdfDocument, index: int, path: Path, *, geometry: bool = False
) -> tuple[str | None, tuple[LineFonts, ...] | None]:
    try:
        page = pdf[index]
    except pdfium.PdfiumError as exc:
        log.warning("%s: page %d could not be read (%s)", path, index + 1, exc)
        return None, None
    try:
        textpage = page.get_textpage()
        try:
            text: str = textpage.get_text_range()
            sample = sample_page(textpage.raw, text, geometry=geometry)
        finally:
            textpage.close()
    except pdfium.PdfiumError as exc:
        log.warning("%s: page %d text could not be read (%s)", path, index + 1, exc)
        return None, None
    finally:
        page.close()
    return text.replace("\r\n", "\n").replace("\r", "\n"), sample
