"""Walk the body of a web page as a reader sees it: headings, paragraphs, list items, tables.

:func:`walk` turns an element (the GOV.UK ``govspeak`` body, or a page's
``main``) into :class:`Block` records in reading order; :func:`assemble` turns
those into provisions as the guidance PDF reader makes them:

* a heading (``h1``..``h6``) is not body text: ``h2`` sets ``chapter`` and
  ``heading``, deeper levels set ``heading``; a heading no text follows is
  recorded as removed (``heading without text``), as in the PDF reader;
* each paragraph is a provision; one that opens with a paragraph number of
  the tagging contract (``9.14``, ``1.2.3``, a trailing dot allowed) has it as
  its ref (the number is not part of the text);
* list items (``li``, nested lists too) each start a new line of the
  provision of the paragraph just before the list (the lead-in they complete),
  or of a provision of their own where no paragraph leads in;
* a table is one provision with one line per cell (header cells first), as
  tables are linearised from PDFs;
* ``blockquote``, ``div``, ``section``, ``figure`` and the like are looked
  through; text a ``div`` holds directly is a paragraph.

Every word of the body ends up in exactly one provision or heading, which the
tests check by counting words both ways.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from textmine.extract.document import Provision, Removed
from textmine.extract.html_source import INLINE_TAGS, has_class, text_of
from textmine.extract.labels import split_glued_labels

__all__ = ["Block", "assemble", "walk"]

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol"})
_NUMBER = re.compile(r"(?P<ref>\d{1,3}\.\d{1,3}(?:\.\d{1,3})?)\.?\s+(?=\S)")


@dataclass(frozen=True)
class Block:
    """One unit of the page's reading order."""

    kind: str  # "heading", "para", "item", "table"
    text: str
    level: int = 0
    lines: tuple[str, ...] = ()


def walk(element: etree._Element, skip: frozenset[str] = frozenset()) -> Iterator[Block]:
    """The blocks of ``element`` in reading order; descendants with a class in ``skip`` left out."""
    for child in _children(element, skip):
        tag = child.tag
        if tag in HEADINGS:
            text = text_of(child, skip)
            if text:
                yield Block("heading", text, level=int(tag[1]))
        elif tag in _LISTS:
            yield from _items(child, skip, depth=1)
        elif tag == "table":
            lines = tuple(text for cell in child.iter("th", "td") if (text := text_of(cell, skip)))
            if lines:
                yield Block("table", " ".join(lines), lines=lines)
        elif tag in ("p", "pre", "dt", "dd", "figcaption", "caption", "summary", "address"):
            text = text_of(child, skip)
            if text:
                yield Block("para", text)
        elif _holds_blocks(child):
            own = _own_text(child)
            if own:
                yield Block("para", own)
            yield from walk(child, skip)
        else:
            text = text_of(child, skip)
            if text:
                yield Block("para", text)


def _children(element: etree._Element, skip: frozenset[str]) -> Iterator[etree._Element]:
    for child in element:
        if isinstance(child.tag, str) and not (skip and has_class(child, *skip)):
            yield child


def _holds_blocks(element: etree._Element) -> bool:
    return any(isinstance(c.tag, str) and c.tag not in INLINE_TAGS for c in element)


def _own_text(element: etree._Element) -> str:
    """Words ``element`` holds directly or in inline children (not in its block children)."""
    pieces = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag in INLINE_TAGS:
            pieces.append(text_of(child))
        pieces.append(child.tail or "")
    return " ".join(" ".join(pieces).split())


def _items(element: etree._Element, skip: frozenset[str], *, depth: int) -> Iterator[Block]:
    for item in _children(element, skip):
        if item.tag != "li":
            yield from walk(item, skip)
            continue
        nested = [c for c in _children(item, skip) if c.tag in _LISTS]
        own = _item_text(item, skip) if nested else text_of(item, skip)
        if own:
            yield Block("item", own, level=depth)
        for sub in nested:
            yield from _items(sub, skip, depth=depth + 1)


def _item_text(item: etree._Element, skip: frozenset[str]) -> str:
    """The words of a list item without its nested lists."""
    pieces = [item.text or ""]
    for child in item:
        tag = child.tag
        if isinstance(tag, str) and tag not in _LISTS and not (skip and has_class(child, *skip)):
            pieces.append(text_of(child, skip))
        pieces.append(child.tail or "")
    return " ".join(" ".join(pieces).split())


@dataclass
class _Open:
    ref: str | None
    heading: str | None
    chapter: str | None
    lines: list[str] = field(default_factory=list)
    #: Whether list items may still join this provision (a paragraph just read).
    leads: bool = True


class _Assembler:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.chapter: str | None = None
        self.heading: str | None = None
        self.heading_used = True
        self.current: _Open | None = None
        self.out: list[Provision] = []
        self.removed: list[Removed] = []
        self.headings: list[dict[str, object]] = []

    def feed(self, block: Block) -> None:
        if block.kind == "heading":
            self._close()
            self._retire_heading()
            self.headings.append({"level": block.level, "text": block.text})
            if block.level <= 2:
                self.chapter = block.text
            self.heading, self.heading_used = block.text, False
        elif block.kind == "para":
            self._close()
            text = split_glued_labels(block.text)
            match = _NUMBER.match(text)
            ref = match["ref"] if match else None
            self._open(ref, [text[match.end() :] if match else text])
        elif block.kind == "item":
            item = split_glued_labels(block.text)
            if self.current is not None and self.current.leads:
                self.current.lines.append(item)
            else:
                self._close()
                self._open(None, [item])
        else:  # a table
            self._close()
            self._open(None, [split_glued_labels(line) for line in block.lines])
            self._close()

    def _open(self, ref: str | None, lines: list[str]) -> None:
        self.heading_used = True
        self.current = _Open(ref, self.heading, self.chapter, lines)

    def _close(self) -> None:
        current, self.current = self.current, None
        if current is None or not any(line.strip() for line in current.lines):
            return
        self.out.append(
            Provision(
                doc="",
                kind=self.kind,
                ref=current.ref,
                text="\n".join(line for line in current.lines if line.strip()),
                heading=current.heading,
                chapter=current.chapter,
            )
        )

    def _retire_heading(self) -> None:
        if not self.heading_used and self.heading:
            self.removed.append(Removed(None, self.heading, "heading without text"))
        self.heading_used = True

    def finish(self) -> None:
        self._close()
        self._retire_heading()


def assemble(
    blocks: Iterator[Block] | list[Block], *, kind: str = "guidance"
) -> tuple[list[Provision], list[Removed], list[dict[str, object]]]:
    """Provisions (without offsets), unused headings and every heading, from ``blocks``."""
    assembler = _Assembler(kind)
    for block in blocks:
        assembler.feed(block)
    assembler.finish()
    return assembler.out, assembler.removed, assembler.headings
