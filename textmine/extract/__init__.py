"""Ingestion: turn a PDF, XML, web page, Word or plain-text file into a :class:`Document`.

``extract(path)`` checks the path, picks a reader by extension, detects the
kind of document (act, bill, si, guidance, text) unless ``kind`` is given, and
returns a Document whose provisions carry refs, headings, Part/Chapter, pages
and offsets into the clean text.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import replace
from pathlib import Path

from textmine.errors import EmptyInputError, InputError, UnsupportedInputError
from textmine.extract.document import KINDS, Document, Provision, Removed, build_document
from textmine.settings import Settings

__all__ = [
    "DOCX_SUFFIXES",
    "HTML_SUFFIXES",
    "KINDS",
    "PDF_SUFFIXES",
    "SUFFIXES",
    "TEXT_SUFFIXES",
    "XML_SUFFIXES",
    "Document",
    "Provision",
    "Removed",
    "build_document",
    "check_input",
    "extract",
]

log = logging.getLogger(__name__)

PDF_SUFFIXES = frozenset({".pdf"})
XML_SUFFIXES = frozenset({".xml", ".clml"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
DOCX_SUFFIXES = frozenset({".docx"})
#: Every file type :func:`extract` reads.
SUFFIXES = PDF_SUFFIXES | XML_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES


def check_input(path: str | Path) -> Path:
    """Fail with one clear :class:`InputError` unless ``path`` is a readable, non-empty file."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a directory, not a file")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        supported = ", ".join(sorted(SUFFIXES))
        raise UnsupportedInputError(
            path, f"unsupported file type '{suffix or '(none)'}' (expected one of {supported})"
        )
    try:
        size = path.stat().st_size
        with path.open("rb"):
            pass
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if size == 0:
        raise EmptyInputError(path, "empty file")
    return path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def extract(
    path: str | Path, kind: str | None = None, settings: Settings | None = None
) -> Document:
    """Read ``path`` into a :class:`Document`.

    ``kind`` (one of :data:`KINDS`) overrides auto-detection. Raises an
    :class:`~textmine.errors.InputError` subclass, naming the file and the
    reason, for anything that cannot be read.
    """
    settings = settings or Settings()
    path = check_input(path)
    if kind is not None and kind not in KINDS:
        raise InputError(path, f"unknown kind '{kind}' (expected one of {', '.join(KINDS)})")
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        document = _extract_pdf(path, kind, settings)
    elif suffix in XML_SUFFIXES:
        from textmine.extract import clml

        document = clml.read(path, kind=kind, settings=settings)
    elif suffix in HTML_SUFFIXES:
        from textmine.extract import html

        document = html.read(path, kind=kind, settings=settings)
    elif suffix in DOCX_SUFFIXES:
        from textmine.extract import word

        document = word.read(path, kind=kind, settings=settings)
    else:
        from textmine.extract import plaintext

        document = plaintext.read(path, kind=kind, settings=settings)
    if not document.provisions:
        raise EmptyInputError(path, "no body text found")
    return replace(document, sha256=_sha256(path))


def _extract_pdf(path: Path, kind: str | None, settings: Settings) -> Document:
    from textmine.extract.detect import detect_kind
    from textmine.extract.pdf_source import read_pdf_text

    pdftext = read_pdf_text(path)
    kind = kind or detect_kind(pdftext.pages)
    log.info("%s: %d pages, read as %s", path, pdftext.page_count, kind)
    if kind == "guidance":
        from textmine.extract import pdf_guidance

        document = pdf_guidance.read(pdftext, settings=settings)
    elif kind == "text":
        from textmine.extract import plaintext

        document = plaintext.from_pdf_text(pdftext, settings=settings)
    else:
        from textmine.extract import pdf_legislation

        document = pdf_legislation.read(pdftext, kind=kind, settings=settings)
    # Every reader must report the pages it could not read; make sure of it here.
    return replace(document, failed_pages=pdftext.failed_pages, pages=pdftext.page_count)
