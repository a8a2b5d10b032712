"""Lines of a PDF page with the little layout the legislation reader needs.

The text of each line is exactly the pypdfium2 text already read into
:class:`~textmine.extract.pdf_source.PdfText`; this module only adds, per line,
where it starts (``x0``, ``top``), its font size and whether it is bold or
italic, read from pypdfium2's character API (fast: no pdfplumber). Layout
answers questions the text alone cannot: is this line a bold heading or the
first line of a note block, is a line indented like a list item's continuation
or like the closing words of its parent, which tiny characters are inline note
markers (``M17``), and is the first letter a drop cap.

When the file cannot be reopened, or the characters do not spell the page text
exactly, the page falls back to plain :class:`Line` objects without layout
(``x0``/``size``/``bold`` are ``None``); readers must work, less well, on those.
"""

from __future__ import annotations

import ctypes
import logging
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from textmine.extract.pdf_source import PdfText

log = logging.getLogger(__name__)

#: A run of characters smaller than this share of the page's body size that
#: reads like ``M17`` or ``F3`` is an inline note marker.
MARKER_SIZE_RATIO = 0.75
#: A first letter at least this many times the size of the rest is a drop cap.
DROP_CAP_RATIO = 2.0
_MARKER = re.compile(r"[A-Z]{1,2}\d{1,4}")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_ITALIC = re.compile(r"italic|oblique", re.I)
_ITALIC_FLAG = 1 << 6


@dataclass(frozen=True)
class Line:
    """One text line of a page, with optional layout.

    ``page`` is 1-based. ``markers`` are ``(start, end)`` spans of ``text``
    printed in tiny type that look like note markers. ``dropcap`` is true when
    the first letter is printed several times larger than the rest.
    """

    page: int
    text: str
    x0: float | None = None
    top: float | None = None
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    markers: tuple[tuple[int, int], ...] = ()
    dropcap: bool = False

    @property
    def has_layout(self) -> bool:
        return self.size is not None


def plain_lines(page: int, text: str | None) -> list[Line]:
    """Lines of a page's text without layout."""
    if not text:
        return []
    return [Line(page=page, text=raw.rstrip()) for raw in text.split("\n")]


def read_lines(pdftext: PdfText) -> list[list[Line]]:
    """The lines of every page of ``pdftext`` (one list per page), with layout where possible."""
    pages: list[list[Line]] = []
    pdf = _open(pdftext.path)
    try:
        for index, text in enumerate(pdftext.pages):
            lines = None
            if pdf is not None and text is not None:
                try:
                    lines = _layout_lines(pdf, index, text)
                except pdfium.PdfiumError as exc:  # fall back to plain text for this page
                    log.debug("%s: page %d layout unreadable (%s)", pdftext.path, index + 1, exc)
            pages.append(lines if lines is not None else plain_lines(index + 1, text))
    finally:
        if pdf is not None:
            pdf.close()
    return pages


def _open(path: Path) -> pdfium.PdfDocument | None:
    try:
        return pdfium.PdfDocument(str(path))
    except (OSError, pdfium.PdfiumError) as exc:
        log.info("%s: no layout, reading plain text only (%s)", path, exc)
        return None


@dataclass
class _Char:
    char: str
    visible: bool
    size: float = 0.0
    bold: bool = False
    italic: bool = False
    x0: float = 0.0
    top: float = 0.0


def _layout_lines(pdf: pdfium.PdfDocument, index: int, text: str) -> list[Line] | None:
    page = pdf[index]
    try:
        height = page.get_height()
        textpage = page.get_textpage()
        try:
            chars = _chars(textpage, height)
        finally:
            textpage.close()
    finally:
        page.close()
    spelled = "".join(c.char for c in chars).replace("\r\n", "\n").replace("\r", "\n")
    if spelled != text:
        log.debug("page %d: characters do not spell the page text; no layout", index + 1)
        return None
    sizes = [c.size for c in chars if c.visible]
    body = statistics.mode(sizes) if sizes else 0.0
    lines: list[Line] = []
    for raw in _split(chars):
        lines.append(_line(index + 1, raw, body))
    return lines


def _chars(textpage: pdfium.PdfTextPage, height: float) -> list[_Char]:
    raw = textpage.raw
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    out: list[_Char] = []
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        char = chr(pdfium_c.FPDFText_GetUnicode(raw, i))
        if char.isspace() or pdfium_c.FPDFText_IsGenerated(raw, i):
            out.append(_Char(char, visible=False))
            continue
        pdfium_c.FPDFText_GetFontInfo(raw, i, name, len(name), ctypes.byref(flags))
        font = name.value.decode("latin-1")
        pdfium_c.FPDFText_GetCharBox(
            raw, i, ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top)
        )
        out.append(
            _Char(
                char,
                visible=True,
                size=round(pdfium_c.FPDFText_GetFontSize(raw, i), 1),
                bold=_BOLD.search(font) is not None,
                italic=_ITALIC.search(font) is not None or bool(flags.value & _ITALIC_FLAG),
                x0=left.value,
                top=height - top.value,
            )
        )
    return out


def _split(chars: list[_Char]) -> list[list[_Char]]:
    lines: list[list[_Char]] = [[]]
    previous = ""
    for c in chars:
        if c.char == "\n" and previous == "\r":
            previous = c.char
            continue
        if c.char in "\r\n":
            lines.append([])
        else:
            lines[-1].append(c)
        previous = c.char
    return lines


def _line(page: int, chars: list[_Char], body: float) -> Line:
    text = "".join(c.char for c in chars).rstrip()
    chars = chars[: len(text)]
    visible = [c for c in chars if c.visible]
    if not visible:
        return Line(page=page, text=text)
    sizes = [c.size for c in visible]
    size = statistics.median(sizes)
    markers = _marker_spans(chars, body)
    marked = {i for start, end in markers for i in range(start, end)}
    kept = [c for i, c in enumerate(chars) if c.visible and i not in marked] or visible
    rest = [c.size for c in kept[1:]]
    dropcap = bool(rest) and kept[0].char.isupper() and kept[0].size >= DROP_CAP_RATIO * max(rest)
    if dropcap:
        size = statistics.median(rest)
    return Line(
        page=page,
        text=text,
        x0=round(kept[0].x0, 1),
        top=round(min(c.top for c in kept), 1),
        size=size,
        bold=sum(c.bold for c in kept) >= 0.6 * len(kept),
        italic=sum(c.italic for c in kept) >= 0.6 * len(kept),
        markers=markers,
        dropcap=dropcap,
    )


def _marker_spans(chars: list[_Char], body: float) -> tuple[tuple[int, int], ...]:
    """Spans of tiny-type runs that read like note markers (``M17``, ``F3``)."""
    limit = MARKER_SIZE_RATIO * body
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, c in enumerate([*chars, _Char(" ", visible=False)]):
        small = c.visible and c.size < limit
        if small and start is None:
            start = i
        elif not small and start is not None:
            run = "".join(ch.char for ch in chars[start:i])
            if _MARKER.fullmatch(run):
                spans.append((start, i))
            start = None
    return tuple(spans)
