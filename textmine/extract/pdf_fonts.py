"""A cheap sample of the fonts of a PDF page, taken while its text is read.

The guidance reader needs a little typography that the text layer lacks:
whether a line is set in the bold or larger type of a heading, whether a
digit run is a superscript footnote mark (``homes¹``), and whether a line
opens with a bullet glyph from a symbol or monospace font (Word's ``o``
sub-bullet). Querying every character would cost as much again as reading the
text, so :func:`sample_page` asks pypdfium2 about a few characters only: the
first and last visible character of each line and the first character of each
digit run (with its nearest visible neighbour), on the text page that
:func:`~textmine.extract.pdf_source.read_pdf_text` has already loaded.

Sizes are effective sizes in points: the font size times the scale of the
character's text matrix (some files set every font at size 1 and scale it).
"""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

#: A digit run printed smaller than this share of its neighbour is a superscript mark.
SMALL_RATIO = 0.8
#: Longest line (in characters) whose fonts are sampled.
MAX_LINE = 400
#: Lines shorter than this have their last character sampled even when the first is plain.
SHORT_LINE = 70
#: Font weight from which a font is bold.
BOLD_WEIGHT = 600
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)
#: Digit runs where a footnote mark may sit: against a letter or mark, after
#: sentence punctuation, at the start of a line, or alone at its end.
_DIGITS = re.compile(r"(?:(?<=[^\s\d])|(?<=[.,;:)] )|^)\d{1,3}(?!\d)|(?<= )\d{1,3}(?=\s*$)")


@dataclass(frozen=True)
class CharStyle:
    """Effective size, boldness and font name of one character."""

    size: float
    bold: bool
    font: str


@dataclass(frozen=True)
class LineFonts:
    """The sampled fonts of one line of a page's text.

    ``length`` is the line's length in characters, so that a reader can check
    the sample still matches its text. ``small`` holds ``(start, end)`` spans of
    digit runs printed smaller than the character next to them (superscripts).
    """

    length: int
    first: CharStyle | None = None
    last: CharStyle | None = None
    small: tuple[tuple[int, int], ...] = ()
    #: Left edge of the first visible character, right edge of the last, in points.
    x0: float | None = None
    x1: float | None = None
    #: Width of the line's first word, in points (whether it would fit on the line before).
    lead: float | None = None
    #: Baseline height of its first character from the foot of the page, in points.
    y: float | None = None


class _Probe:
    """Reads one character's style through pypdfium2's raw API (buffers reused)."""

    def __init__(self, textpage: Any) -> None:
        self.raw = textpage
        self.name = ctypes.create_string_buffer(96)
        self.flags = ctypes.c_int()
        self.matrix = pdfium_c.FS_MATRIX()
        self.edges = tuple(ctypes.c_double() for _ in range(4))

    def style(self, index: int, *, named: bool = False) -> CharStyle:
        """The character's style; its font name only when ``named`` (a slower query)."""
        raw = self.raw
        font = ""
        if named:
            pdfium_c.FPDFText_GetFontInfo(
                raw, index, self.name, len(self.name), ctypes.byref(self.flags)
            )
            font = self.name.value.decode("latin-1").split("+", 1)[-1]
        return CharStyle(
            size=round(self.size(index), 1),
            bold=pdfium_c.FPDFText_GetFontWeight(raw, index) >= BOLD_WEIGHT
            or bool(font and _BOLD.search(font)),
            font=font,
        )

    def box(self, index: int) -> tuple[float, float]:
        """Left and right edges of the character at ``index``, in points."""
        left, right, _, _ = self._box(index)
        return left, right

    def origin(self, index: int) -> float:
        """The height of the character's origin (its baseline) from the foot of the page."""
        x, y = ctypes.c_double(), ctypes.c_double()
        pdfium_c.FPDFText_GetCharOrigin(self.raw, index, ctypes.byref(x), ctypes.byref(y))
        return round(y.value, 1)

    def _box(self, index: int) -> tuple[float, float, float, float]:
        left, right, bottom, top = self.edges
        pdfium_c.FPDFText_GetCharBox(
            self.raw, index, ctypes.byref(left), ctypes.byref(right),
            ctypes.byref(bottom), ctypes.byref(top),
        )  # fmt: skip
        return round(left.value, 1), round(right.value, 1), bottom.value, top.value

    def size(self, index: int) -> float:
        matrix = self.matrix
        pdfium_c.FPDFText_GetMatrix(self.raw, index, ctypes.byref(matrix))
        scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)) or 1.0
        return float(pdfium_c.FPDFText_GetFontSize(self.raw, index)) * scale


def sample_page(
    textpage: Any, raw_text: str, *, geometry: bool = False
) -> tuple[LineFonts, ...] | None:
    """Sample the fonts of each line of ``raw_text``, the text of ``textpage``.

    ``textpage`` is a raw ``FPDF_TEXTPAGE`` handle; ``raw_text`` its full text
    as pypdfium2 returned it (lines ended by ``\\r\\n``). ``geometry`` also
    measures where each line starts and ends, its first word and its baseline
    (three more queries a line, for layouts told by position). Lines are those of
    ``raw_text`` with line ends normalised to ``\\n``. Returns ``None`` when the
    text does not map one to one onto the page's characters.
    """
    if pdfium_c.FPDFText_CountChars(textpage) != len(raw_text):
        return None
    probe = _Probe(textpage)
    out: list[LineFonts] = []
    offset = 0
    for line in re.split(r"\r\n|\r|\n", raw_text):
        out.append(_sample_line(probe, line, offset, geometry=geometry))
        offset += len(line)
        offset += 2 if raw_text.startswith("\r\n", offset) else 1
    return tuple(out)


def _sample_line(probe: _Probe, line: str, offset: int, *, geometry: bool) -> LineFonts:
    stripped = line.rstrip()
    start = len(line) - len(line.lstrip())
    if not stripped.strip() or len(stripped) > MAX_LINE:
        return LineFonts(len(line))
    small = _small_digits(probe, stripped, offset)
    # First and last characters outside superscript marks (``plan8`` ends on ``n``).
    end = len(stripped)
    for mark_start, mark_end in small:
        if mark_start <= start < mark_end:
            start = mark_end
        if mark_end == end:
            end = mark_start
    while start < end and line[start].isspace():
        start += 1
    end = len(line[:end].rstrip())
    if start >= end:
        return LineFonts(len(line), small=small)
    # The font name only where a line opens with a possible bullet (Word's ``o``).
    named = not line[start].isalnum() or line[start : start + 2] == "o "
    first = probe.style(offset + start, named=named)
    last = first
    if end - 1 > start and (first.bold or end - start < SHORT_LINE):
        last = probe.style(offset + end - 1)
    if not geometry:
        return LineFonts(len(line), first, last, small)
    x0, _ = probe.box(offset + start)
    _, x1 = probe.box(offset + end - 1)
    word_end = start
    while word_end + 1 < end and not line[word_end + 1].isspace():
        word_end += 1
    lead = round(probe.box(offset + word_end)[1] - x0, 1)
    y = probe.origin(offset + start)
    return LineFonts(len(line), first, last, small, x0=x0, x1=x1, lead=lead, y=y)


def _small_digits(probe: _Probe, line: str, offset: int) -> tuple[tuple[int, int], ...]:
    spans = []
    for match in _DIGITS.finditer(line):
        start, end = match.span()
        neighbour = _neighbour(line, start, end)
        if neighbour is None:
            continue
        if probe.size(offset + start) < SMALL_RATIO * probe.size(offset + neighbour):
            spans.append((start, end))
    return tuple(spans)


def _neighbour(line: str, start: int, end: int) -> int | None:
    """The nearest letter, digit or closing mark before ``start`` (else letter after ``end``)."""
    for index in range(start - 1, max(-1, start - 4), -1):
        if line[index].isalnum() or line[index] in ".,;:)’”":
            return index
    for index in range(end, min(len(line), end + 3)):
        if line[index].isalpha():
            return index
    return None
