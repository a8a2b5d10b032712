"""Group the body lines of a guidance PDF into provisions.

:class:`BlockAssembler` walks the lines once. A numbered paragraph runs,
across page breaks, bullets and unnumbered follow-on text, to the next
numbered paragraph, heading or division. Unnumbered text becomes provisions
with ``ref=None``, split at headings, blank lines, quoted regulations and
short sentence-final lines. Every provision carries the nearest heading above
it and the chapter or part it sits in.

Headings are recognised from shape (see
:mod:`~textmine.extract.guidance_headings`) and context: the line before must
have finished (a sentence end, a heading, a list item) and what follows must
be able to follow a heading. Inside a numbered paragraph a heading must lead
(through a stack of headings) to a number, a division or a quoted regulation,
or be a quoted term or the first line of a page, because there a short line is
more often the end of a sentence.

Where the PDF's fonts are known, type settles what shape cannot: a line set
bold in a size larger than the body text is a heading (with the following
lines in the same type), even when it looks like a list item (``(b) To
participate in reviews``); and a short bold line at body size that ends with a
full stop (``Children on remand or sentenced to custody.``) is one when it
stands between finished text and a new sentence; a line in the body's plain
type is never a heading (such short lines are form fields, table cells,
flowchart boxes or the last line of a sentence).

Most of these files mark a soft line wrap with a trailing space (pypdfium2
keeps the space the PDF has at the end of a wrapped line) and leave it off
headings. Where that holds for the document (``wrap_hint``), a line with a
trailing space is not a heading on its own, and a heading with one continues
on the next line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from textmine.extract.cleaning import ends_sentence, split_bullet
from textmine.extract.document import Provision, Removed
from textmine.extract.guidance_headings import (
    Division,
    continues_heading,
    heading_shape,
    is_list_item,
    starts_heading,
)
from textmine.extract.guidance_lines import text_width, wrap_hint_holds
from textmine.extract.page_furniture import PageLine

#: A sentence-final line shorter than this share of the text width ends a paragraph.
SHORT_LINE = 0.75
#: A heading line is at most this share of the text width.
HEADING_WIDTH = 0.9
#: Heading lines that may stand one above another.
STACK = 8
#: Lines a wrapped heading may span.
HEADING_LINES = 3
#: A bold line at least this share larger than the body text is a heading.
LARGE_TYPE = 1.1
#: Points by which a line's type may differ from the body size and still be body type.
PLAIN_TOLERANCE = 0.6
#: Most words in a bold body-size heading that ends with a full stop.
BOLD_SENTENCE_WORDS = 10
#: A quoted regulation: ``7.—(1) The …``, ``6. (1) The …`` or a lead-in ending in a dash.
BOX = re.compile(r"\d{1,3}\.\s*(?:[—–]\s*)?\(1\)\s|\d{1,3}\.\s.*[—–]$")
_QUOTED = re.compile(r"[‘“'\"][^‘“'\"]{1,60}[’”'\"]")
_FULL_STOP = re.compile(r"[.?!][\"'’”)\]]*$")
_SECTION_NUMBER = re.compile(r"\d{1,2}\.\s+[A-Z]")
_INNER_SENTENCE = re.compile(r"[a-z)][.?!] [A-Z]")

# How strongly the lines after a heading candidate confirm it.
_NO, _SENTENCE, _STRUCTURE = 0, 1, 2


@dataclass
class _Block:
    kind: str  # "para" or "text"
    page: int
    heading: str | None
    chapter: str | None
    part: str | None
    ref: str | None = None
    lines: list[str] = field(default_factory=list)
    in_list: bool = False


class BlockAssembler:
    """Walks the body lines once, grouping them into provisions (see module docstring)."""

    def __init__(
        self,
        lines: Sequence[PageLine],
        divisions: dict[int, tuple[Division, int]],
        paragraphs: dict[int, tuple[str, str]],
        *,
        numbered_doc: bool,
        body_size: float | None = None,
    ) -> None:
        self.lines = lines
        self.body_size = body_size
        self.divisions = divisions
        self.paragraphs = paragraphs
        self.numbered_doc = numbered_doc
        self.width = text_width([line.text for line in lines])
        self.max_heading = int(HEADING_WIDTH * self.width)
        self.wrap_hint = wrap_hint_holds(lines)
        self.heading: str | None = None
        self.chapter: str | None = None
        self.part: str | None = None
        self.block: _Block | None = None
        self.out: list[Provision] = []
        #: Headings and division titles that no provision carries (a heading
        #: followed at once by another): kept here so no line is lost unseen.
        self.unused_headings: list[Removed] = []
        self._heading_page: int | None = None
        self._heading_used = True
        #: Index of the line just after the last heading or division.
        self.after_heading = 0

    def run(self) -> list[Provision]:
        """The provisions, in document order (offsets are set later by build_document)."""
        index = 0
        while index < len(self.lines):
            index += self._step(index)
        self._close()
        self._retire_heading()
        return self.out

    def _set_heading(self, text: str, page: int) -> None:
        """Make ``text`` the current heading, keeping the previous one if no text used it."""
        self._retire_heading()
        self.heading, self._heading_page, self._heading_used = text, page, False

    def _retire_heading(self) -> None:
        if not self._heading_used and self.heading:
            self.unused_headings.append(
                Removed(page=self._heading_page, text=self.heading, reason="heading without text")
            )
        self._heading_used = True

    def _step(self, index: int) -> int:
        line = self.lines[index]
        if index in self.divisions:
            div, span = self.divisions[index]
            self._close()
            if div.kind == "part":
                self.part, self.chapter = div.title, None
            else:
                self.chapter = div.title
                if div.kind == "annex":
                    self.part = None
            self._set_heading(div.title, line.page)
            self.after_heading = index + span
            return span
        if index in self.paragraphs:
            ref, rest = self.paragraphs[index]
            self._close()
            self.block = self._new("para", line.page, ref)
            if rest:
                self._add(rest)
            return 1
        span = self._heading_span(index)
        if span:
            self._close()
            self._set_heading(
                " ".join(self.lines[i].text for i in range(index, index + span)), line.page
            )
            self.after_heading = index + span
            return span
        breaks = line.resumes or (
            not line.item
            and (
                BOX.match(line.text) is not None
                or self._breaks(index)
                or (self._large(index) and index > 0 and not self._large(index - 1))
            )
        )
        if self.block is None or breaks:
            self._close()
            self.block = self._new("text", line.page, None)
        self._add(line.text, item=line.item)
        return 1

    def _new(self, kind: str, page: int, ref: str | None) -> _Block:
        self._heading_used = True
        return _Block(kind, page, self.heading, self.chapter, self.part, ref)

    def _close(self) -> None:
        block, self.block = self.block, None
        if block is None or not block.lines:
            return
        self.out.append(
            Provision(
                doc="",
                kind="guidance",
                ref=block.ref,
                text="\n".join(block.lines),
                page=block.page,
                heading=block.heading,
                part=block.part,
                chapter=block.chapter,
            )
        )

    def _add(self, text: str, *, item: bool = False) -> None:
        """Add a line to the open block: a list item starts a new line, text wraps on.

        ``item``: the line opens a list item told by its layout (no glyph printed).
        """
        block = self.block
        assert block is not None
        if item:
            block.lines.append(text)
            block.in_list = True
            return
        bullet = split_bullet(text)
        if bullet is not None:
            if bullet:
                block.lines.append(bullet)
            block.in_list = True
            return
        listed = is_list_item(text)
        after_list = (
            block.in_list
            and bool(block.lines)
            and ends_sentence(block.lines[-1])
            and text[:1].isupper()
        )
        if not block.lines or listed or after_list:
            block.lines.append(text)
            block.in_list = listed or (block.in_list and not after_list)
            return
        block.lines[-1] = f"{block.lines[-1]} {text}"

    def _breaks(self, index: int) -> bool:
        """True when unnumbered text starts a new paragraph at line ``index``."""
        block = self.block
        if block is None or block.kind != "text" or index == 0:
            return False
        line, prev = self.lines[index], self.lines[index - 1]
        if line.gap_before:
            # Some files leave a blank line between bullets; the list goes on.
            in_list = block.in_list or block.lines[-1].endswith((":", ":-"))
            return not (in_list and split_bullet(line.text) is not None)
        if not (line.text[:1].isupper() and _FULL_STOP.search(prev.text)):
            return False
        if self.wrap_hint and not prev.wrapped:
            return True
        return len(prev.text) < SHORT_LINE * self.width or split_bullet(prev.text) is not None

    # -- headings ---------------------------------------------------------

    def _large(self, index: int) -> bool:
        """True when line ``index`` is set bold in type larger than the body text."""
        line = self.lines[index]
        return (
            self.body_size is not None
            and bool(line.bold)
            and line.size is not None
            and line.size >= LARGE_TYPE * self.body_size
        )

    def _plain(self, index: int) -> bool:
        """True when line ``index`` is known to be set in the body text's plain type."""
        line = self.lines[index]
        return (
            self.body_size is not None
            and line.bold is False
            and line.size is not None
            and abs(line.size - self.body_size) <= PLAIN_TOLERANCE
        )

    def _typed_heading_span(self, index: int) -> int:
        """Lines of a heading told by its type (0 if type does not settle it)."""
        lines = self.lines
        line = lines[index]
        if split_bullet(line.text) is not None or index in self.paragraphs:
            return 0
        if self._large(index):
            if line.text.endswith((":", ",", ";")):
                return 0  # a lead-in set as a heading (``All staff should:``) stays text
            span = 1
            while span < HEADING_LINES and index + span < len(lines):
                at = index + span
                nxt = lines[at]
                if (
                    not self._large(at)
                    or nxt.size != line.size
                    or nxt.page != line.page
                    or self._structure(at)
                    or split_bullet(nxt.text) is not None
                ):
                    break
                span += 1
            return span
        if (
            line.bold
            and line.size == self.body_size
            and line.text.endswith(".")
            and line.text[:1].isupper()
            and len(line.text.split()) <= BOLD_SENTENCE_WORDS
            and not _INNER_SENTENCE.search(line.text)
            and self._closed_before(index) == _STRUCTURE
            and index + 1 < len(lines)
            and not lines[index + 1].bold
            and (self._structure(index + 1) or lines[index + 1].text[:1].isupper())
        ):
            return 1
        return 0

    def _heading_span(self, index: int) -> int:
        """Lines a section heading at ``index`` spans (0 if it is not one)."""
        if self.lines[index].item:
            return 0
        typed = self._typed_heading_span(index)
        if typed or self._plain(index):
            return typed
        text = self.lines[index].text
        section_number = not self.numbered_doc and _SECTION_NUMBER.match(text) is not None
        if split_bullet(text) is not None or (is_list_item(text) and not section_number):
            return 0
        closed = self._closed_before(index)
        if closed == _NO:
            return 0
        span = self._heading_lines(index)
        if not span:
            return 0
        follows = self._follows(index, span)
        if follows == _STRUCTURE or (follows == _SENTENCE and closed == _STRUCTURE):
            return span
        return 0

    def _heading_lines(self, index: int) -> int:
        """Lines of a heading-shaped run starting at ``index`` (1 to 3), or 0."""
        lines = self.lines
        if len(lines[index].text) > self.max_heading:
            return 0
        span = 1
        while span < HEADING_LINES and index + span < len(lines):
            at = index + span
            nxt, prev = lines[at], lines[at - 1]
            if at in self.paragraphs or at in self.divisions or split_bullet(nxt.text) is not None:
                break
            hinted = self.wrap_hint and prev.wrapped and starts_heading(nxt.text)
            if not (continues_heading(nxt.text) or hinted) or len(nxt.text) > self.max_heading:
                break
            span += 1
        while span:
            last = lines[index + span - 1]
            joined = " ".join(line.text for line in lines[index : index + span])
            runs_on = self.wrap_hint and last.wrapped and not self._structure(index + span)
            if not runs_on and self._shaped(joined):
                return span
            span -= 1
        return 0

    def _structure(self, index: int) -> bool:
        """True when line ``index`` opens a numbered paragraph, division or quoted regulation."""
        if index >= len(self.lines):
            return False
        return (
            index in self.paragraphs
            or index in self.divisions
            or BOX.match(self.lines[index].text) is not None
        )

    def _shaped(self, text: str) -> bool:
        if _INNER_SENTENCE.search(text):
            return False
        return heading_shape(text, numbered=not self.numbered_doc)

    def _closed_before(self, index: int) -> int:
        """How clearly the line before ``index`` ended: _STRUCTURE, _SENTENCE (in a list) or _NO."""
        if index == 0 or index == self.after_heading or self.lines[index].gap_before:
            return _STRUCTURE
        prev = self.lines[index - 1]
        if ends_sentence(prev.text):
            return _STRUCTURE
        in_list = split_bullet(prev.text) is not None or (
            self.block is not None and self.block.in_list
        )
        if in_list and not (self.wrap_hint and prev.wrapped):
            return _STRUCTURE
        return _SENTENCE if in_list else _NO

    def _follows(self, index: int, span: int) -> int:
        """How well the lines after a heading candidate confirm it (see module docstring)."""
        lines = self.lines
        at = index + span
        for _ in range(STACK):
            if at >= len(lines):
                return _STRUCTURE
            if self._structure(at):
                return _STRUCTURE
            more = self._heading_lines(at)
            if not more:
                break
            at += more
        if at >= len(lines):
            return _STRUCTURE
        nxt = lines[at].text
        first = nxt.lstrip("‘“\"'(")[:1]
        opens = first.isupper() or first.isdigit() or split_bullet(nxt) is not None
        if not opens:
            return _NO
        if self.block is not None and self.block.kind == "para":
            top_of_page = index > 0 and lines[index - 1].page != lines[index].page
            quoted = _QUOTED.fullmatch(lines[index].text) is not None
            return _STRUCTURE if top_of_page or quoted else _NO
        return _SENTENCE
