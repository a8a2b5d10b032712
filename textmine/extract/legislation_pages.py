"""Separate the body of an Act, Bill or SI print from everything around it.

Input: the lines of every page (:mod:`textmine.extract.pdf_lines`). Output: a
:class:`Body` with the body lines in reading order, and every line set aside as
a :class:`~textmine.extract.document.Removed` with its reason, so that nothing
is dropped silently:

* page furniture: running heads (``Universal Credit Act 2025 (c. 22)``, with
  the page number first on even pages, and the Schedule or Part title printed
  under them), page numbers, the Bill number footer (``Bill 42 60/1``), Bill
  line numbers (5, 10, 15 ... in the margin), and the legislation.gov.uk
  banners of revised prints (``Document Generated: ...``, ``Changes to
  legislation: ...``);
* note blocks of revised prints (``Textual Amendments``, ``Marginal
  Citations`` ... with their ``F1``/``M1`` entries) and the inline markers;
* front matter (cover, price, the CONTENTS list, the title block and the long
  title) and back matter (printer's imprint, the SI's EXPLANATORY NOTE).

The Act's CONTENTS list is parsed (:mod:`textmine.extract.legislation_contents`)
so the structure parser can confirm section headings. Layout is used where the
lines have it (a running head's Schedule title is small italic type, note
blocks are smaller than the body, Bill line numbers sit left of the text);
without it, text patterns decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from textmine.extract.cleaning import is_page_number
from textmine.extract.document import Removed
from textmine.extract.legislation_contents import Contents, parse_contents
from textmine.extract.legislation_text import MARK, collapse, mark_note_markers, note_markers
from textmine.extract.pdf_lines import Line

NOTE_HEADER = re.compile(
    r"(?:Textual Amendments|Marginal Citations|Commencement Information|Extent Information"
    r"|Editorial Information|Modifications etc\. \(not altering text\)|Annotations:?"
    r"|Subordinate Legislation Made|Amendments \(Textual\)|Modifications|Commencement Orders yet "
    r"to be applied|Changes and effects yet to be applied.*)\s*"
)
NOTE_ENTRY = re.compile(r"[FMCIEXP]\d{1,4}\s")
ENACTING = re.compile(r"(?:B\s*)?E\s+IT\s+ENACTED\b")
_BANNER_GENERATED = re.compile(r"Document Generated:\s*\d{4}-\d{2}-\d{2}\s*")
_BANNER_CHANGES = re.compile(r"Changes to legislation:")
#: The end of a revised print's changes box; prints with changes not yet made add a link
#: to them (``... (See end of Document for details) View outstanding changes``).
_BANNER_END = re.compile(r"\(See end of Document for details\)(?:\s*View outstanding changes)?\s*$")
_BANNER_STATUS = re.compile(r"Status:")
_SENTENCE_END = re.compile(r"\.\s*$")
#: Lines at the top of a page searched for the banners of a revised print.
BANNER_ZONE = 10
#: Lines one banner may run over.
BANNER_LINES = 4
#: The marker legislation.gov.uk prints above a provision not yet in force.
_PROSPECTIVE = re.compile(r"PROSPECTIVE|Prospective")
_BILL_FOOTER = re.compile(r"Bill\s+\d+\s+\d{2}/\d+(?:\s+\S+)?")
_CONTENTS = re.compile(r"CONTENTS|ARRANGEMENT OF (?:SECTIONS|CLAUSES|REGULATIONS|ARTICLES|RULES)")
_LONG_TITLE_ACT = re.compile(r"An Act to\b")
_SI_DATES = re.compile(r"(?:Made|Laid before|Coming into force|Approved by|Sifted)\b")
_SI_TITLE = re.compile(r"The\s.+\s(?:Regulations|Order|Rules|Scheme)\b.*\d{4}")
_ACT_TITLE = re.compile(r"[A-Z][^.]*\bAct\s+\d{4}")
_BILL_TITLE = re.compile(r"[A-Z][^.]*\bBill(?:\s*\[HL\])?")
_BACK_MATTER = re.compile(
    r"(?:[©?]\s*)?(?:Crown|Parliamentary) copyright\b|Printed and published\b|Published by TSO\b"
)
_EXPLANATORY = re.compile(r"EXPLANATORY NOTE")
_HEAD_TITLE = re.compile(r"(?:Part|Chapter|Schedule)\s+\w+\s*[—–-]")
_STRUCTURAL = re.compile(
    r"(?:PART|CHAPTER|SCHEDULE)\b|\d+[A-Z]*\.\s*(?:—|\s)|\(\d+[A-Z]*\)\s+[A-Z“\[\x00]"
    r"|\d+[A-Z]*\s+[A-Z“]"
)
_LINE_NUMBER = re.compile(r"(\d{1,3})(?:\s+(.*))?")


@dataclass
class Body:
    """The body lines of a print and what was set aside around them."""

    lines: list[Line]
    removed: list[Removed]
    title: str | None = None
    long_title: str | None = None
    contents: Contents = field(default_factory=Contents)
    #: A revised (legislation.gov.uk) print, with note blocks and inline markers.
    revised: bool = False
    #: Font size of body text, when layout is known.
    body_size: float | None = None


class _Removals:
    """Collects removed lines, merging runs of one reason on one page."""

    def __init__(self) -> None:
        self.items: list[Removed] = []

    def add(self, line: Line | Iterable[Line], reason: str) -> None:
        lines = [line] if isinstance(line, Line) else list(line)
        for item in lines:
            text = item.text.replace(MARK, "").strip()
            if not text:
                continue
            last = self.items[-1] if self.items else None
            if last is not None and last.page == item.page and last.reason == reason:
                self.items[-1] = Removed(last.page, f"{last.text}\n{text}", reason)
            else:
                self.items.append(Removed(item.page, text, reason))


def split_body(pages: Sequence[Sequence[Line]], kind: str) -> Body:
    """Find the body of a legislation print; see the module docstring."""
    removals = _Removals()
    revised = any(NOTE_HEADER.fullmatch(line.text.strip()) for page in pages for line in page)
    if revised:
        pages = [[_mark(line, removals) for line in page] for page in pages]
    sized = [(line.size, len(line.text)) for page in pages for line in page if line.size]
    body_size = _weighted_mode(sized) if sized else None
    title, cover = _find_title(pages, kind)
    kept: list[Line] = []
    for number, page in enumerate(pages, start=1):
        bare_ok = bool(page) and page[0].page != cover
        last_page = number == len(pages)
        kept.extend(
            _strip_furniture(
                page,
                kind,
                title,
                body_size,
                removals,
                bare_ok=bare_ok,
                revised=revised,
                last_page=last_page,
            )
        )
    if revised:
        kept = _strip_notes(kept, body_size, removals)
    kept, long_title, contents = _strip_front(kept, kind, removals)
    kept = _strip_back(kept, kind, removals)
    removals.items.sort(key=lambda r: r.page if r.page is not None else 0)
    return Body(
        lines=kept,
        removed=removals.items,
        title=title,
        long_title=long_title,
        contents=contents,
        revised=revised,
        body_size=body_size,
    )


def _weighted_mode(pairs: Sequence[tuple[float, int]]) -> float:
    weights: dict[float, int] = {}
    for value, weight in pairs:
        weights[value] = weights.get(value, 0) + weight
    return max(weights, key=lambda v: weights[v])


def _mark(line: Line, removals: _Removals) -> Line:
    """Replace the inline note markers of ``line`` by :data:`MARK`, recording them."""
    if line.markers:
        text, found, last = "", [], 0
        for start, end in line.markers:
            text += line.text[last:start] + MARK
            found.append(line.text[start:end])
            last = end
        text += line.text[last:]
    elif line.has_layout:
        return line
    else:
        if NOTE_ENTRY.match(line.text) or NOTE_HEADER.fullmatch(line.text.strip()):
            return line  # a note entry itself, not a marker in body text
        text, found = mark_note_markers(line.text), note_markers(line.text)
    if found:
        removals.add(Line(page=line.page, text=" ".join(found)), "note marker")
    return replace(line, text=text)


def _find_title(pages: Sequence[Sequence[Line]], kind: str) -> tuple[str | None, int | None]:
    """The document's title and the page it was first found on."""
    pattern = {"si": _SI_TITLE, "bill": _BILL_TITLE}.get(kind, _ACT_TITLE)
    for page in pages[:6]:
        texts = [line.text.strip() for line in page if line.text.strip()]
        for index, text in enumerate(texts):
            if _BANNER_CHANGES.match(text) or _BANNER_GENERATED.match(text):
                continue
            candidate = text
            # A cover may break the title before its year: "Universal Credit Act" / "2025".
            if index + 1 < len(texts) and re.fullmatch(r"\d{4}", texts[index + 1]):
                candidate = f"{text} {texts[index + 1]}"
            if pattern.fullmatch(candidate):
                return collapse(candidate), page[0].page
    return None, None


def _strip_furniture(
    page: Sequence[Line],
    kind: str,
    title: str | None,
    body_size: float | None,
    removals: _Removals,
    *,
    bare_ok: bool,
    revised: bool = False,
    last_page: bool = False,
) -> list[Line]:
    """Set aside banners, running heads, page numbers, Bill footers and line numbers.

    ``bare_ok``: a line holding only the title may be a running head (not on
    the cover, where the title is first printed). ``revised``: the print is a
    legislation.gov.uk revised version, whose ``PROSPECTIVE`` markers go too.
    """
    lines = [line for line in page if line.text.strip()]
    drop: dict[int, str] = {}
    drop.update(banner_lines([line.text for line in lines], last_page=last_page))
    if revised:
        for index, line in enumerate(lines):
            if _PROSPECTIVE.fullmatch(line.text.strip()):
                drop[index] = "prospective marker"
    # Running heads, with the Part/Schedule title printed under them.
    if title and kind in ("act", "bill"):
        folio = r"(?:\d+|[ivxlc]+)"  # contents pages are numbered in roman numerals
        head = re.compile(
            rf"({folio}\s+)?"
            + r"\s+".join(map(re.escape, title.split()))
            + rf"(\s*\(c\.\s*\d+\))?(\s+{folio})?\s*"
        )
        for index, line in enumerate(lines):
            match = head.fullmatch(line.text.strip())
            if index in drop or not match:
                continue
            bare = not any(match.groups())
            if bare and (kind == "act" or not bare_ok or 2 <= index < len(lines) - 2):
                continue  # the bare title: a cover or title page, or running text
            drop[index] = "running head"
            for j in range(index + 1, len(lines)):
                if j in drop:
                    continue  # a banner keeps its own reason
                if _is_head_title(lines[j], body_size, after_end=index >= max(2, len(lines) - 4)):
                    drop[j] = "running head"
                else:
                    break
    # Page numbers and Bill footers at the page's edges.
    for index in _edge_indexes(lines, drop):
        if kind == "bill" and _BILL_FOOTER.fullmatch(lines[index].text.strip()):
            drop[index] = "bill footer"
    for index in _edge_indexes(lines, drop):
        text = lines[index].text.strip()
        if kind == "bill" and _leading_number(text) and text.isdigit():
            continue  # a Bill's bare multiple of 5 is taken as a line number
        if is_page_number(text) and len(re.sub(r"\D", "", text)) <= 3:
            drop[index] = "page number"
    if kind == "bill":
        lines = _strip_line_numbers(lines, drop, removals)
    kept = []
    for index, line in enumerate(lines):
        if index in drop:
            removals.add(line, drop[index])
        else:
            kept.append(line)
    return kept


def banner_lines(texts: Sequence[str], *, last_page: bool = False) -> dict[int, str]:
    """Indexes of the banner lines of a revised print among a page's first lines.

    legislation.gov.uk prints on every page ``Document Generated: <date>``, a
    ``Status:`` line (``This version of this Act contains provisions that are
    prospective.``) and a ``Changes to legislation:`` box that ends with
    ``(See end of Document for details)``; the last page repeats the status
    and the changes in full. Each banner runs to the line that ends its
    sentence (at most :data:`BANNER_LINES` lines). On the ``last_page``, a
    status and changes that send the reader nowhere (no ``See end of
    Document``) are the document's own end notes, recorded as ``changes to
    legislation``.
    """
    drop: dict[int, str] = {}
    end_notes = last_page and not any(_BANNER_END.search(t) for t in texts[:BANNER_ZONE])
    reason = "changes to legislation" if end_notes else "banner"
    for index, raw in enumerate(texts[:BANNER_ZONE]):
        text = raw.strip()
        if index in drop:
            continue
        if _BANNER_GENERATED.fullmatch(text):
            drop[index] = "banner"
        elif _BANNER_STATUS.match(text) or _BANNER_CHANGES.match(text):
            end = index
            while (
                end + 1 < len(texts)
                and end - index + 1 < BANNER_LINES
                and not _banner_ends(texts[end], texts[end + 1])
            ):
                end += 1
            drop.update({j: reason for j in range(index, end + 1)})
    return drop


def _banner_ends(text: str, following: str) -> bool:
    """Whether a banner line ``text`` is its banner's last (``following`` comes next)."""
    text, following = text.strip(), following.strip()
    if _BANNER_END.search(text):
        return True
    if _BANNER_CHANGES.match(following) or _BANNER_GENERATED.match(following):
        return True
    return bool(_SENTENCE_END.search(text)) and not text.endswith(":")


def _edge_indexes(lines: Sequence[Line], drop: dict[int, str]) -> list[int]:
    """Indexes of the first and last two lines not already dropped."""
    rest = [i for i in range(len(lines)) if i not in drop]
    return sorted(set(rest[:2] + rest[-2:]))


def _is_head_title(line: Line, body_size: float | None, *, after_end: bool) -> bool:
    """Whether ``line``, printed after a running head, is part of the head."""
    if line.has_layout and body_size:
        return bool(line.size and line.size < body_size - 0.5 and line.italic)
    return after_end or _HEAD_TITLE.match(line.text.strip()) is not None


def _strip_line_numbers(lines: list[Line], drop: dict[int, str], removals: _Removals) -> list[Line]:
    """Remove Bill line numbers: bare multiples of 5, or a leading one set in the margin."""
    xs = [
        line.x0
        for i, line in enumerate(lines)
        if i not in drop
        and line.x0 is not None
        and not _LINE_NUMBER.fullmatch(line.text.strip())
        and not _leading_number(line.text)
    ]
    left = min(xs) if xs else None
    out = []
    for index, line in enumerate(lines):
        text = line.text.strip()
        match = _LINE_NUMBER.fullmatch(text)
        if index in drop or not match:
            out.append(line)
            continue
        number, rest = int(match[1]), match[2]
        if number % 5 or number == 0:
            out.append(line)
        elif rest is None:
            drop[index] = "line number"
            out.append(line)
        elif left is not None and line.x0 is not None and line.x0 < left - 10:
            removals.add(Line(page=line.page, text=match[1]), "line number")
            out.append(replace(line, text=rest, x0=None))
        else:
            out.append(line)
    return out


def _leading_number(text: str) -> bool:
    match = _LINE_NUMBER.fullmatch(text.strip())
    return bool(match and int(match[1]) % 5 == 0)


def _strip_notes(lines: list[Line], body_size: float | None, removals: _Removals) -> list[Line]:
    """Remove note blocks: a note header and the entries after it, across pages."""
    kept: list[Line] = []
    in_notes = False
    for index, line in enumerate(lines):
        text = line.text.strip()
        if NOTE_HEADER.fullmatch(text):
            in_notes = True
            removals.add(line, "note block")
            continue
        if in_notes and _note_continues(lines, index, body_size):
            removals.add(line, "note block")
            continue
        in_notes = False
        kept.append(line)
    return kept


def _note_continues(lines: Sequence[Line], index: int, body_size: float | None) -> bool:
    line = lines[index]
    text = line.text.strip()
    if NOTE_ENTRY.match(text):
        return True
    if line.has_layout and body_size and line.size:
        return line.size < body_size - 0.25
    if _STRUCTURAL.match(text):
        return False
    # A heading (no closing punctuation) right before a structural line ends the notes.
    nxt = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
    return not (_STRUCTURAL.match(nxt) and not re.search(r"[.;:,)\]]$", text))


def _strip_front(
    lines: list[Line], kind: str, removals: _Removals
) -> tuple[list[Line], str | None, Contents]:
    if kind == "si":
        return _strip_si_front(lines, removals), None, Contents()
    enacting = next((i for i, line in enumerate(lines) if ENACTING.match(line.text.strip())), None)
    if enacting is None:
        return lines, None, Contents()
    if enacting > 0 and lines[enacting - 1].text.strip() == "B":
        enacting -= 1  # a drop cap read as a line of its own
    start = _long_title_start(lines, enacting, kind)
    long_title = (
        collapse(" ".join(line.text for line in lines[start:enacting]))
        if start < enacting
        else None
    )
    contents_at = next(
        (i for i, line in enumerate(lines[:start]) if _CONTENTS.fullmatch(line.text.strip())), None
    )
    contents = Contents()
    title_page = lines[start].page if start < len(lines) else None
    for index, line in enumerate(lines[:enacting]):
        if index >= start:
            reason = "long title"
        elif contents_at is not None and index > contents_at and line.page != title_page:
            reason = "contents"
        else:
            reason = "front matter"
        removals.add(line, reason)
    if contents_at is not None:
        block = [line for line in lines[contents_at + 1 : start] if line.page != title_page]
        contents = parse_contents(block)
    return lines[enacting:], long_title, contents


def _long_title_start(lines: Sequence[Line], enacting: int, kind: str) -> int:
    for index in range(enacting - 1, -1, -1):
        text = lines[index].text.strip()
        if _LONG_TITLE_ACT.match(text) or re.fullmatch(r"A\s+BILL(?:\s+TO\b.*)?", text):
            return index
        if text == "BILL" and index > 0 and lines[index - 1].text.strip() == "A":
            return index - 1
        if enacting - index > 12:
            break
    return enacting


def _strip_si_front(lines: list[Line], removals: _Removals) -> list[Line]:
    head = [i for i, line in enumerate(lines[:60]) if _SI_DATES.match(line.text.strip())]
    if not head:
        return lines
    end = head[-1] + 1
    removals.add(lines[:end], "front matter")
    return lines[end:]


def _strip_back(lines: list[Line], kind: str, removals: _Removals) -> list[Line]:
    pattern = _EXPLANATORY if kind == "si" else _BACK_MATTER
    at = next((i for i, line in enumerate(lines) if pattern.match(line.text.strip())), None)
    if at is None:
        return lines
    reason = "explanatory note" if kind == "si" else "back matter"
    for line in lines[at:]:
        if kind == "si" and _BANNER_CHANGES.match(line.text.strip()):
            reason = "changes to legislation"
        removals.add(line, reason)
    return lines[:at]
