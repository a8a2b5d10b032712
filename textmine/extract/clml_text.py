"""The running text of CLML elements: inline markup, whitespace, quoted amendments.

Helpers of :mod:`textmine.extract.clml`. Inline elements (``Citation``,
``Addition``, ``Substitution``, ``Term``, ``InternalLink``, ``Emphasis`` …)
keep their words; empty markers (``CommentaryRef``, ``FootnoteRef``,
``MarginNoteRef``) and figures are left out.

Whitespace: fragments saved by third-party tools are pretty-printed, with
newlines between inline elements (``“`` newline ``<Term>company</Term>``
newline ``”``). A whitespace run that holds a newline is formatting, not text:
it becomes one space, or nothing next to a bracket, quotation mark, dash or
closing punctuation (``“company”``, ``subsection (4)(b)—``). Legislation.gov.uk
itself serves running text without newlines, which this leaves unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from xml.etree.ElementTree import Element

__all__ = [
    "NUMBERED",
    "SILENT",
    "SKIP",
    "amendment_text",
    "block_text",
    "child_text",
    "find_child",
    "heal",
    "inline",
    "join",
    "local",
    "pnumber_text",
]

#: Containers whose content is not body text.
SKIP = frozenset(
    {
        "Metadata",
        "Contents",
        "Commentaries",
        "Footnotes",
        "MarginNotes",
        "ExplanatoryNotes",
        "EarlierOrders",
        "Versions",
        "Resources",
        "SignedSection",
        "Pnumber",
        "Number",
        "Title",
        "TitleBlock",
        "Subtitle",
        "Reference",
        "CommentaryRef",
        "FootnoteRef",
        "MarginNoteRef",
        "Figure",
        "Image",
        "Formula",
    }
)
#: Empty markers inside running text.
SILENT = frozenset({"CommentaryRef", "FootnoteRef", "MarginNoteRef", "Image", "Figure", "Formula"})
NUMBERED = ("P1", "P2", "P3", "P4", "P5", "P6")
_QUOTES = {"double": ("“", "”"), "single": ("‘", "’")}
_FORMAT_WS = re.compile(r"\s*\n\s*")
_NO_SPACE_AFTER = frozenset("(“‘[")
_NO_SPACE_BEFORE = frozenset(".,;:)]”’—")


def local(tag: object) -> str:
    """The tag without its namespace (``""`` for comments and processing instructions)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def pnumber_text(el: Element) -> str | None:
    """The number of a ``P1``..``P6`` (its ``Pnumber``), or ``None``."""
    for child in el:
        if local(child.tag) == "Pnumber":
            return inline(child) or None
    return None


def find_child(el: Element | None, name: str) -> Element | None:
    """The first child of ``el`` named ``name`` (any namespace)."""
    if el is None:
        return None
    return next((c for c in el if local(c.tag) == name), None)


def child_text(el: Element | None, name: str) -> str | None:
    """The running text of ``el``'s first ``name`` child, or ``None`` when empty or absent."""
    found = find_child(el, name)
    return (inline(found) or None) if found is not None else None


def inline(el: Element) -> str:
    """The running text of an inline container, markers left out, whitespace healed."""
    return heal("".join(inline_parts(el)))


def inline_parts(el: Element) -> Iterator[str]:
    """The raw text pieces of ``el`` in order, markers' subtrees skipped (tails kept)."""
    if el.text:
        yield el.text
    for child in el:
        if local(child.tag) not in SILENT:
            yield from inline_parts(child)
        if child.tail:
            yield child.tail


def block_text(el: Element) -> str:
    """The words of a block element (Text, P, list, table, amendment), joined."""
    tag = local(el.tag)
    if tag in SKIP or not tag:
        return ""
    if tag in ("Text", "AppendText", "Title", "Number") or has_own_text(el):
        return inline(el)  # also an XHTML table cell holding its words directly
    if tag in ("BlockAmendment", "BlockExtract"):
        return amendment_text(el)
    return join(block_text(child) for child in el)


def has_own_text(el: Element) -> bool:
    """True when ``el`` holds words directly, not only inside child elements."""
    return bool((el.text or "").strip()) or any((c.tail or "").strip() for c in el)


def amendment_text(el: Element) -> str:
    """Quoted words of a BlockAmendment, with numbers as printed: ``“(2A) The …”``."""
    pieces: list[str] = []

    def visit(node: Element) -> None:
        tag = local(node.tag)
        if tag in SILENT or tag in ("Pnumber", "Commentaries", "Versions") or not tag:
            return
        if tag in ("Text", "Title", "Number", "AppendText"):
            pieces.append(inline(node))
            return
        if tag in NUMBERED:
            number = pnumber_text(node)
            if number:
                pieces.append(number if tag == "P1" else f"({number})")
        for child in node:
            visit(child)

    for child in el:
        visit(child)
    text = join(pieces)
    opening, closing = _QUOTES.get(el.get("Format", ""), ("", ""))
    return f"{opening}{text}{closing}" if text else ""


def join(pieces: Iterable[str]) -> str:
    """Join text pieces with a space, but none before closing punctuation."""
    out = ""
    for piece in pieces:
        if not piece:
            continue
        if out and piece[0] not in _NO_SPACE_BEFORE:
            out += " "
        out += piece
    return out


def heal(text: str) -> str:
    """Collapse whitespace; a newline run (pretty-printing) joins without a space where due."""

    def repl(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() > 0 else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if not before or not after:
            return ""
        if before in _NO_SPACE_AFTER or after in _NO_SPACE_BEFORE:
            return ""
        if before == ")" and after == "(":
            return ""
        return " "

    return " ".join(_FORMAT_WS.sub(repl, text).split())
