"""Set aside what surrounds the body text of a guidance PDF's pages.

The cover, the contents list, page numbers, running heads and footers,
footnotes and stray footnote marks are not guidance text. :func:`strip_furniture`
takes the page texts of a PDF (as pypdfium2 gives them) and returns the body
lines, each with its 1-based page, and a :class:`Removed` record for everything
it kept out, with the reason, so nothing disappears silently.

Footnotes are found two ways, both checked against a document-wide footnote
counter (DfE documents number their footnotes 1, 2, 3 ... through the file):
pypdfium2 puts one leading space before a footnote's number in most of these
files (`` 4 The Children and Families Act 2014 …``); where it does not, a line
near the foot of a page that starts with the next footnote number opens the
footnote zone, which runs to the end of the page.

Where the PDF's font sample is at hand (:mod:`~textmine.extract.pdf_fonts`),
type sizes help three ways: a line that opens with a superscript number and is
set smaller than the body text opens a footnote, which runs on while the lines
stay small; superscript footnote marks left in body lines (``homes¹``) are
cut out and recorded as ``footnote mark``; and each body line carries its size
and weight for the heading test.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from textmine.extract.cleaning import (
    edge_key,
    is_page_number,
    normalise_line,
    repeated_edge_lines,
    split_bullet,
)
from textmine.extract.document import Removed
from textmine.extract.pdf_fonts import LineFonts

#: Lines at the foot of a page searched for an unmarked footnote.
FOOTNOTE_ZONE = 8
#: Lines a footnote may run over after its first.
FOOTNOTE_LINES = 8
#: A cover page holds at most this many non-empty lines.
COVER_MAX_LINES = 30
#: Largest jump in footnote numbers that a footnote told by type moves the counter.
FOOTNOTE_SKIP = 6
#: Footnote text is set at most this share of the body text size.
FOOTNOTE_SIZE = 0.92
#: Word's sub-bullet ``o`` is a letter in one of these fonts.
_BULLET_FONT = re.compile(r"courier|symbol|wingding", re.I)
#: What a sub-bullet ``o`` becomes (a glyph :func:`split_bullet` knows).
SUB_BULLET = "◦"

_CONTENTS = re.compile(r"(?:table of )?contents", re.I)
_CONTENTS_ENTRY = re.compile(r"(?:\s|\.{2,}|…|[a-z)])\d{1,3}$")
_FOOTNOTE = re.compile(
    r"(?P<lead> ?)(?:\[(?P<bracket>\d{1,3})\]|(?P<number>\d{1,3}))\s+(?P<body>\S.*)"
)
_FOOTNOTE_BODY = re.compile(r"[A-Z0-9‘“\"'(\[]|https?:|www\.")
#: Lines that open body structure: a paragraph number of any style, a regulation quote.
_STRUCTURE = re.compile(r"\d{1,3}(?:\.\d{1,3})+\.?(?:\s|$)|\d{1,3}\.(?:\s|$|—|–|(?=[A-Z]))")
_DATE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{4}|Publication date",
    re.I,
)


@dataclass(frozen=True)
class PageLine:
    """One body line: its 1-based page, cleaned text and layout hints."""

    page: int
    text: str
    #: The raw line ended with a space (pypdfium2's mark of a soft line wrap in most files).
    wrapped: bool = False
    #: A blank line came before it (a paragraph break in some files).
    gap_before: bool = False
    #: Type size in points of its first and last characters (the smaller), if known.
    size: float | None = None
    #: Its first and last characters are bold (``None`` if fonts are unknown).
    bold: bool | None = None
    #: Left edge of its first character and right edge of its last, in points (if known).
    x0: float | None = None
    x1: float | None = None
    #: Width of its first word, in points (if known).
    lead: float | None = None
    #: Height of its baseline from the foot of the page, in points (if known).
    y: float | None = None
    #: It opens a list item told by the line layout (no bullet glyph is printed).
    item: bool = False
    #: It goes back to the body's left margin after list items (a new paragraph).
    resumes: bool = False


@dataclass(frozen=True)
class Furniture:
    """Body lines, what was set aside, and the title read from the cover."""

    lines: tuple[PageLine, ...]
    removed: tuple[Removed, ...]
    title: str | None
    #: The usual type size of body lines (``None`` without fonts).
    body_size: float | None = None


@dataclass
class Row:
    """A raw line of a page while furniture is being marked (``keep`` false: set aside)."""

    raw: str
    text: str
    keep: bool = True
    reason: str = ""
    font: LineFonts | None = None


def strip_furniture(
    pages: Sequence[str | None],
    fonts: Sequence[Sequence[LineFonts] | None] = (),
    *,
    govuk: bool = False,
) -> Furniture:
    """Split page texts into body lines, setting aside cover, contents, numbers and notes.

    ``fonts`` is the font sample of each page (``PdfText.fonts``); a page whose
    sample does not match its lines is read from its text alone. ``govuk``: the
    PDF is a GOV.UK page printed from a browser (see :mod:`govuk_print`), whose
    page header, contents list, licence page, print instructions and footer are
    set aside instead of a cover.
    """
    raw_pages = [_rows(text, fonts[i] if i < len(fonts) else None) for i, text in enumerate(pages)]
    body = body_size(raw_pages)
    if govuk:
        from textmine.extract.govuk_print import mark_print_furniture

        mark_print_furniture(raw_pages)
        title = None
    else:
        title = _mark_cover(raw_pages)
    _mark_page_numbers(raw_pages)
    _mark_running_lines(raw_pages)
    _mark_contents(raw_pages)
    _mark_footnotes(raw_pages, body)
    removed: list[Removed] = []
    lines: list[PageLine] = []
    for page_no, rows in enumerate(raw_pages, start=1):
        removed.extend(_cut_marks(page_no, rows))
        gap = False
        for row in rows:
            if not row.keep:
                continue
            if not row.text:
                gap = True
                continue
            size, bold = _style(row.font)
            font = row.font
            lines.append(
                PageLine(
                    page_no,
                    row.text,
                    row.raw.endswith(" "),
                    gap,
                    size,
                    bold,
                    x0=font.x0 if font else None,
                    x1=font.x1 if font else None,
                    lead=font.lead if font else None,
                    y=font.y if font else None,
                )
            )
            gap = False
        removed.extend(_removed_runs(page_no, rows))
    return Furniture(tuple(lines), tuple(removed), title, body)


def _rows(text: str | None, fonts: Sequence[LineFonts] | None) -> list[Row]:
    raws = (text or "").split("\n")
    if (
        fonts is None
        or len(fonts) != len(raws)
        or any(f.length != len(r) for f, r in zip(fonts, raws, strict=True))
    ):
        return [Row(raw, normalise_line(raw)) for raw in raws]
    rows = []
    for raw, font in zip(raws, fonts, strict=True):
        if font.first is not None and _BULLET_FONT.search(font.first.font):
            stripped = raw.lstrip()
            if stripped.startswith("o ") or stripped == "o":
                indent = len(raw) - len(stripped)
                raw = raw[:indent] + SUB_BULLET + raw[indent + 1 :]
        rows.append(Row(raw, normalise_line(raw), font=font))
    return rows


def body_size(pages: Sequence[Sequence[Row]]) -> float | None:
    """The most common type size among the lines' first characters."""
    counts: dict[float, int] = {}
    for rows in pages:
        for row in rows:
            if row.font is not None and row.font.first is not None:
                size = row.font.first.size
                counts[size] = counts.get(size, 0) + 1
    return max(counts, key=lambda size: counts[size]) if counts else None


def _style(font: LineFonts | None) -> tuple[float | None, bool | None]:
    if font is None or font.first is None or font.last is None:
        return None, None
    return min(font.first.size, font.last.size), font.first.bold and font.last.bold


def _cut_marks(page: int, rows: list[Row]) -> list[Removed]:
    """Cut superscript footnote marks out of kept lines; one Removed per mark."""
    out: list[Removed] = []
    for row in rows:
        if not row.keep or row.font is None or not row.font.small:
            continue
        raw = row.raw
        out.extend(Removed(page, raw[start:end], "footnote mark") for start, end in row.font.small)
        for start, end in reversed(row.font.small):
            raw = raw[:start] + raw[end:]
        row.raw, row.text = raw, normalise_line(raw)
    return out


def _removed_runs(page: int, rows: list[Row]) -> list[Removed]:
    """One Removed per run of consecutive set-aside lines with the same reason."""
    out: list[Removed] = []
    run: list[str] = []
    reason = ""
    for row in [*rows, Row("", "", keep=True)]:
        if not row.keep and row.reason == reason and run:
            run.append(row.text)
            continue
        if run:
            out.append(Removed(page, "\n".join(t for t in run if t), reason))
            run = []
        if not row.keep:
            run, reason = [row.text], row.reason
    return [r for r in out if r.text]


def _filled(rows: list[Row]) -> list[Row]:
    return [row for row in rows if row.keep and row.text]


def _mark_cover(pages: list[list[Row]]) -> str | None:
    """Set aside page 1 when it is a cover (short, no numbered text); return its title."""
    if len(pages) < 2:
        return None
    rows = _filled(pages[0])
    if not rows or len(rows) > COVER_MAX_LINES or any(_STRUCTURE.match(r.text) for r in rows[1:]):
        return None
    words: list[str] = []
    for row in rows:
        if is_page_number(row.text):
            continue
        if _DATE.search(row.text) and words:
            break
        words.append(row.text)
    for row in pages[0]:
        row.keep, row.reason = False, "cover"
    title = " ".join(words)
    return title[:200] or None


def _mark_page_numbers(pages: list[list[Row]]) -> None:
    """Bare numbers: the first or last line of a page is its number; elsewhere a footnote mark."""
    for rows in pages:
        filled = _filled(rows)
        for index, row in enumerate(filled):
            if index in (0, len(filled) - 1) and is_page_number(row.text):
                row.keep, row.reason = False, "page number"
            elif re.fullmatch(r"\d{1,3}", row.text):
                row.keep, row.reason = False, "stray number"


def _mark_running_lines(pages: list[list[Row]]) -> None:
    keys = repeated_edge_lines([[r.text for r in _filled(rows)] for rows in pages])
    if not keys:
        return
    for rows in pages:
        filled = _filled(rows)
        for row in filled[:2] + filled[-2:]:
            if edge_key(row.text) in keys:
                row.keep, row.reason = False, "running head"


def _mark_contents(pages: list[list[Row]]) -> None:
    """A ``Contents`` line and the entries after it (titles ending in page numbers)."""
    flat = [row for rows in pages for row in _filled(rows)]
    index = 0
    while index < len(flat):
        if not _CONTENTS.fullmatch(flat[index].text):
            index += 1
            continue
        end = index + 1
        misses = 0
        while end < len(flat) and misses <= 2:
            if _CONTENTS_ENTRY.search(flat[end].text):
                misses = 0
            elif any(_CONTENTS_ENTRY.search(r.text) for r in flat[end + 1 : end + 3]):
                misses += 1
            else:
                break
            end += 1
        if end - index < 3:
            index += 1
            continue
        for row in flat[index:end]:
            row.keep, row.reason = False, "contents"
        index = end


def _footnote_number(row: Row, last: int) -> int | None:
    """The footnote number ``row`` opens, if it is a plausible next footnote."""
    match = _FOOTNOTE.fullmatch(row.raw.rstrip())
    if not match or not _FOOTNOTE_BODY.match(match["body"]):
        return None
    if match["bracket"]:
        return last
    number = int(match["number"])
    return number if last < number <= last + 6 or number == 1 else None


def _is_structure(row: Row) -> bool:
    return _STRUCTURE.match(row.text) is not None


def _mark_footnotes(pages: list[list[Row]], body: float | None) -> None:
    last = 0
    for rows in pages:
        last = _mark_marked_footnotes(_filled(rows), last)
        last = _mark_foot_zone(_filled(rows), last)
        if body is not None:
            last = _mark_small_footnotes(_filled(rows), last, body)


def _small(row: Row, body: float) -> bool:
    font = row.font
    return (
        font is not None
        and font.first is not None
        and font.last is not None
        and max(font.first.size, font.last.size) <= FOOTNOTE_SIZE * body
    )


def _mark_small_footnotes(filled: list[Row], last: int, body: float) -> int:
    """Footnotes told by type: a superscript number opening a line of small text."""
    index = 1
    while index < len(filled):
        row = filled[index]
        font = row.font
        lead = len(row.raw) - len(row.raw.lstrip())
        opens = (
            font is not None
            and bool(font.small)
            and font.small[0][0] == lead
            and _small(row, body)
            and _FOOTNOTE.fullmatch(row.raw.strip()) is not None
        )
        if not opens:
            index += 1
            continue
        number = int(row.raw[font.small[0][0] : font.small[0][1]])  # type: ignore[union-attr]
        if last < number <= last + FOOTNOTE_SKIP:
            last = number
        row.keep, row.reason = False, "footnote"
        index += 1
        while index < len(filled) and _small(filled[index], body):
            nxt = filled[index]
            nxt_lead = len(nxt.raw) - len(nxt.raw.lstrip())
            if nxt.font and nxt.font.small and nxt.font.small[0][0] == nxt_lead:
                break  # the next footnote
            nxt.keep, nxt.reason = False, "footnote"
            index += 1
    return last


def _mark_marked_footnotes(filled: list[Row], last: int) -> int:
    """Footnotes whose number pypdfium2 gives with one leading space."""
    index = 1
    while index < len(filled):
        row = filled[index]
        number = _footnote_number(row, last) if row.raw.startswith(" ") else None
        if number is None or row.raw.startswith("  "):
            index += 1
            continue
        last = max(last, number)
        row.keep, row.reason = False, "footnote"
        index += 1
        count = 0
        while index < len(filled) and count < FOOTNOTE_LINES:
            nxt = filled[index]
            if nxt.raw.startswith(" ") and _footnote_number(nxt, last) is not None:
                break
            if _is_structure(nxt) or split_bullet(nxt.text) is not None:
                break
            nxt.keep, nxt.reason = False, "footnote"
            index += 1
            count += 1
    return last


def _mark_foot_zone(filled: list[Row], last: int) -> int:
    """Unmarked footnotes: from the first footnote number near the foot to the page end."""
    if len(filled) < 3:
        return last
    zone_start = max(1, len(filled) - FOOTNOTE_ZONE)
    start = None
    for index in range(len(filled) - 1, zone_start - 1, -1):
        row = filled[index]
        if _is_structure(row) and _footnote_number(row, last) is None:
            break
        if _footnote_number(row, last) is not None:
            start = index
    if start is None:
        return last
    for row in filled[start:]:
        number = _footnote_number(row, last)
        if number is not None:
            last = max(last, number)
        row.keep, row.reason = False, "footnote"
    return last
