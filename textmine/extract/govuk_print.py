"""GOV.UK pages printed to PDF from a browser: furniture, list items by layout, link targets.

A GOV.UK publication printed from a browser (Chrome's "Save as PDF") is not
laid out like a DfE guidance PDF, and three of its habits mislead a reader of
its text:

* **Furniture of its own** (:func:`mark_print_furniture`): a page header
  (``Guidance``, the title, the summary, ``From:``, ``Published``, ``Last
  updated``, ``Applies to England``), a *Contents* list whose entries are the
  page's headings (printed with ``—`` or plain, without page numbers), a
  licence page (``© Crown copyright``), the *Print or save to PDF* box, the
  ``Published ... / Last updated ...`` line and the footer ``All content is
  available under the Open Government Licence v3.0 ...``. Each is set aside
  with its reason. Contents entries are recognised as the lines after
  ``Contents`` that the document prints again elsewhere.
* **List items without glyphs** (:func:`mark_layout_items`): the bullets are
  drawn as graphics, so the text holds none and items ran together into one
  sentence. Items are told by the line layout: an item is indented from the
  body's left margin; an indented line opens a new item after a lead-in at the
  margin, where it is indented further or less than the line before (a nested
  list), or where the space above it is wider than the document's usual line
  pitch (the print puts space between items, none between the wrapped lines of
  one). At the top of a page, where there is no line above to measure from, it
  opens an item when its first word would have fitted at the end of the line
  before (the text is set ragged right, so a wrapped line is one whose next
  word did not fit) or when that line ended a sentence and this one starts
  with a capital. A line at the margin after items, or after a wider space,
  starts a new paragraph.
* **Link targets in the sentence** (:func:`split_links`): a link prints its
  target after its words, ``the Care Standards Act 2000
  (https://www.legislation.gov.uk/ukpga/2000/14/contents)``, wrapped across
  lines where long. The targets are taken out of the text given to the tagger
  and kept on the provision (``Provision.links``).

A print is recognised by its PDF title (``... - GOV.UK``), which the browser
takes from the page (:func:`is_govuk_print`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from textmine.extract.cleaning import ends_sentence

if TYPE_CHECKING:
    from textmine.extract.page_furniture import PageLine, Row

__all__ = [
    "GOVUK_SUFFIX",
    "is_govuk_print",
    "mark_layout_items",
    "mark_print_furniture",
    "print_title",
    "split_links",
]

GOVUK_SUFFIX = re.compile(r"\s+[-–|]\s+GOV\.UK\s*$")
#: Points a line must sit right of the body margin to be a list item.
ITEM_INDENT = 6.0
#: Points of slack when testing whether a word would have fitted on the line before.
FIT_SLACK = 2.0
#: A space, in points (about a third of the body size at 10-11 pt).
SPACE = 3.0
#: Points above the usual line pitch that separate list items and paragraphs.
SPACED = 3.5
#: Lines at the top of page 1 searched for the page header.
HEADER_LINES = 16
_APPLIES = re.compile(r"Applies to (?:England|Wales|Scotland|Northern Ireland|the UK)\b.*")
_DATES = re.compile(r"(?:Published|Last updated|Updated)\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\b.*")
_FOOTER = re.compile(r"All content is available under the Open Government Licence\b.*")
_LICENCE = re.compile(r"©\s*Crown copyright\s+\d{4}")
_PRINT_BOX = re.compile(r"Print or save to PDF")
_ENTRY_MARK = re.compile(r"^[—–-]\s*")
#: A link target printed in brackets after its words (wrapped lines leave spaces in it).
_LINK = re.compile(r"\s*\((?P<url>(?:https?://|/)[^\s()]+(?:(?:\s+|-\s)[^\s()]*[/.\-][^\s()]*)*)\)")


def is_govuk_print(title: str | None) -> bool:
    """Whether a PDF's metadata ``title`` is that of a GOV.UK page printed from a browser."""
    return bool(title and GOVUK_SUFFIX.search(title))


def print_title(title: str | None) -> str | None:
    """The page title without `` - GOV.UK``."""
    return GOVUK_SUFFIX.sub("", title).strip() or None if title else None


def mark_print_furniture(pages: list[list[Row]]) -> None:
    """Set aside the page header, contents list, licence page, print box and footer."""
    filled = [[row for row in rows if row.keep and row.text] for rows in pages]
    _mark_header(filled[0] if filled else [])
    _mark_contents(filled)
    for rows in filled:
        for index, row in enumerate(rows):
            if not row.keep:
                continue
            if _DATES.fullmatch(row.text) or _FOOTER.fullmatch(row.text):
                row.keep, row.reason = False, "page footer"
            elif _LICENCE.match(row.text) or _PRINT_BOX.fullmatch(row.text):
                reason = "licence page" if _LICENCE.match(row.text) else "print instructions"
                for rest in rows[index:]:
                    rest.keep, rest.reason = False, reason
                break


def _mark_header(rows: Sequence[Row]) -> None:
    end = next(
        (i for i, row in enumerate(rows[:HEADER_LINES]) if _APPLIES.fullmatch(row.text)), None
    )
    if end is None:
        return
    for row in rows[: end + 1]:
        row.keep, row.reason = False, "page header"


def _mark_contents(pages: Sequence[Sequence[Row]]) -> None:
    flat = [row for rows in pages for row in rows if row.keep]
    start = next((i for i, row in enumerate(flat[:120]) if row.text == "Contents"), None)
    if start is None:
        return
    end = start + 1
    while end < len(flat):
        entry = _ENTRY_MARK.sub("", flat[end].text)
        others = " ".join(
            _ENTRY_MARK.sub("", row.text) for row in [*flat[:start], *flat[end + 1 :]]
        )
        if not entry or not _printed_elsewhere(entry, others):
            break
        end += 1
    if end - start < 2:
        return
    for row in flat[start:end]:
        row.keep, row.reason = False, "contents"


def _printed_elsewhere(entry: str, others: str) -> bool:
    """Whether the heading ``entry`` is printed in the ``others`` text too (however wrapped)."""
    return re.search(rf"(?:^|\s){re.escape(entry)}(?:\s|$)", others) is not None


def mark_layout_items(lines: Sequence[PageLine]) -> list[PageLine]:
    """``lines`` with ``item`` and ``resumes`` set from their layout (see the module)."""
    xs = [line.x0 for line in lines if line.x0 is not None]
    ends = sorted(line.x1 for line in lines if line.x1 is not None)
    if not xs or not ends:
        return list(lines)
    margin = _mode([round(x) for x in xs])
    right = ends[int(0.98 * (len(ends) - 1))]
    gaps = [g for a, b in itertools.pairwise(lines) if (g := _gap(a, b)) is not None]
    pitch = _mode([round(g) for g in gaps if g > 0]) if gaps else None
    out: list[PageLine] = []
    in_list = False
    for index, line in enumerate(lines):
        if line.x0 is None:
            out.append(line)
            continue
        prev = lines[index - 1] if index else None
        gap = _gap(prev, line) if prev is not None else None
        spaced = gap is not None and pitch is not None and gap > pitch + SPACED
        if line.x0 <= margin + ITEM_INDENT:
            out.append(replace(line, resumes=in_list or spaced))
            in_list = False
            continue
        if prev is None or prev.x0 is None or prev.x0 <= margin + ITEM_INDENT:
            opens = True  # the first item after a lead-in at the margin
        elif gap is not None:
            opens = spaced or abs(prev.x0 - line.x0) > ITEM_INDENT
        else:  # across a page break: would its first word have fitted on the line before?
            opens = _ended(prev, line, right) or (
                ends_sentence(prev.text) and line.text[:1].isupper()
            )
        out.append(replace(line, item=opens))
        in_list = True
    return out


def _gap(prev: PageLine | None, line: PageLine) -> float | None:
    """Points from ``prev``'s baseline down to ``line``'s, on one page."""
    if prev is None or prev.page != line.page or prev.y is None or line.y is None:
        return None
    return prev.y - line.y


def _ended(prev: PageLine, line: PageLine, right: float) -> bool:
    """Whether ``prev`` ended short: the first word of ``line`` would have fitted after it."""
    if prev.x1 is None or line.lead is None:
        return False
    return prev.x1 + SPACE + line.lead < right - FIT_SLACK


def _mode(values: Sequence[int]) -> int:
    counts: dict[int, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts, key=lambda v: (counts[v], -v))


def split_links(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` without its bracketed link targets, and the targets (spaces taken out)."""
    if "(" not in text:
        return text, ()
    links: list[str] = []

    def take(match: re.Match[str]) -> str:
        links.append(re.sub(r"\s+", "", match["url"]))
        return ""

    return _LINK.sub(take, text).strip(), tuple(links)
