"""Parse units: the provisions whose text the tagger reads together.

The labelling guidelines let a doer come from the term's own clause, the
lead-in of its list, the earlier sentences of the same numbered paragraph and
the earlier subsections or paragraphs of the same section, regulation or
schedule paragraph; never from another one. So the tagger parses one
*section* at a time: :func:`section_of` names it from a provision's ref
(``s.36(6)(a)`` belongs to ``s.36``, ``reg.6(2)`` to ``reg.6``, ``Sch 2 para
3(1)(b)`` to ``Sch 2 para 3``, guidance ``9.14`` to itself), and the
consecutive provisions of one section make one unit. A list whose lead-in and
items a reader gave as provisions of their own (guidance text, Markdown or
plain text with a blank line after ``The Key Person will:``, or items carried
over a page break) is one unit too: an unnumbered provision that opens as a
list item (a bullet glyph or a label) joins the unit of the lead-in before it,
as do the items after it until one ends with a full stop (numbered steps go on
after one), so each item is read as the clause its lead-in completes.

:func:`unit_text` joins a unit's provisions as the document prints them:
every provision on a line of its own, and a list item (a provision whose ref
extends the ref before it by a label: ``s.36(6)(a)`` after ``s.36(6)``) led
by its label, ``(a) inform the parent;``, so that list structure and nesting
can be read from the text alone (:mod:`textmine.nlp.context.lists`) by the
spaCy component, whatever built the text. The labels are not part of any
provision's text: offsets map back through the starts returned with the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from textmine.extract.document import Provision
from textmine.nlp.context.lists import LEAD_MARKS
from textmine.text import ends_mid_phrase

__all__ = ["group_units", "label_of", "section_of", "unit_text"]

#: ``s.36``, ``cl.12A``, ``reg.6``, ``art.3``, ``r.5``, ``Sch 2 para 3``, ``Sch para 4``: the
#: section part of a legislation ref, before its subsections and paragraphs.
_SECTION = re.compile(
    r"^(?P<section>(?:s|cl|reg|art|r)\.\d+[A-Z]*|Sch(?: \d+[A-Z]*)? para \d+[A-Z]*)"
    r"(?P<rest>(?:\([0-9A-Za-z]+\))*)$"
)
_PART = re.compile(r"\(([0-9A-Za-z]+)\)")


def section_of(provision: Provision) -> str:
    """The section, regulation or schedule paragraph a provision belongs to (else its unit).

    A provision without a ref keeps its own unit: unnumbered guidance text is
    never joined to its neighbours.
    """
    ref = provision.ref
    if ref:
        match = _SECTION.match(" ".join(ref.split()))
        if match:
            return match.group("section")
    return provision.unit or ref or f"@{provision.start}"


def label_of(ref: str | None, before: str | None) -> str | None:
    """The item label ``(a)`` of ``ref`` when it is a list item of the provision ``before``.

    A list item's ref is a ref of the same section with one or more
    parenthesised parts after the ones the two share, the first of them new:
    ``s.36(6)(a)`` after ``s.36(6)`` or ``s.36(6)(a)(ii)``; ``reg.6(2)(b)``
    after ``reg.6(2)(a)``; ``s.19(a)`` after ``s.19`` (a section with no
    subsections). A numbered subsection (``s.36(7)`` after ``s.36(6)(c)``)
    is no item: it starts its own line without a label.
    """
    if not ref or not before:
        return None
    mine, theirs = _SECTION.match(ref), _SECTION.match(before)
    if mine is None or theirs is None or mine.group("section") != theirs.group("section"):
        return None
    parts, previous = _PART.findall(mine.group("rest")), _PART.findall(theirs.group("rest"))
    if not parts or (len(parts) == 1 and parts[0][0].isdigit()):
        return None  # a whole section or a numbered subsection: never an item
    if parts[:-1] == previous[: len(parts) - 1] or parts[:-1] == previous:
        return f"({parts[-1]})"
    return None


#: A bullet glyph or a label opening a line: never a wrapped phrase's continuation.
#: Bullet glyphs a list item may open with (as a character class).
_GLYPHS = "[\u2022\u25cf\u25aa\u25e6\u2023*\u00b7\uf0a7\\-\u2013]"
_OPENS_ITEM = re.compile(_GLYPHS + r"\s|\([0-9a-zA-Z]{1,4}\)")
_WRAP = re.compile(r"(?<=\S)[ \t]*\n[ \t]*(?=\S)")


def _unwrap(text: str) -> str:
    """``text`` with line breaks inside a phrase (after ``the``, ``of``, ``and`` ..., and
    before no bullet or label) made spaces, one for one (offsets are kept); other line
    breaks separate list items."""
    if "\n" not in text:
        return text

    def join(match: re.Match[str]) -> str:
        wrapped = ends_mid_phrase(text[: match.start()]) and not _OPENS_ITEM.match(
            text, match.end()
        )
        return " " * len(match.group()) if wrapped else match.group()

    return _WRAP.sub(join, text)


#: The opening of a list item printed as a provision of its own: a bullet glyph, or a label
#: (``(a)``, ``a)``, ``1.``, ``2)``, the reStructuredText ``#.``).
_ITEM_OPENING = re.compile(
    r"[ \t]*(?:" + _GLYPHS + r"[ \t]"
    r"|\(?(?:[0-9]{1,2}|[a-z])[.)][ \t]|\([a-z]{1,3}\)[ \t]|#\.[ \t])"
)
#: The opening of a numbered item (``1.``, ``2)``, ``#.``).
_NUMBERED = re.compile(r"[ \t]*(?:\(?[0-9]{1,2}[.)]|#\.)[ \t]")


def _leads_list(text: str) -> bool:
    """Whether ``text`` ends as a list's lead-in (a dash or a colon)."""
    return text.rstrip().endswith(LEAD_MARKS)


def group_units(provisions: Sequence[Provision]) -> Iterator[list[Provision]]:
    """Consecutive provisions of one section, in document order, with the unnumbered list
    items that follow a lead-in kept in the lead-in's unit (see the module docstring)."""
    run: list[Provision] = []
    key: str | None = None
    listing = False  # the provision before ends a lead-in, or is an item of one
    numbered = False  # the provision before is a numbered item that ended its sentence
    for provision in provisions:
        opening = _ITEM_OPENING.match(provision.text) if provision.ref is None else None
        item = opening is not None and (
            listing or (numbered and _NUMBERED.match(provision.text) is not None)
        )
        if not item:
            section = section_of(provision)
            if run and section != key:
                yield run
                run = []
            key = section
        run.append(provision)
        # an item provision that ends with a full stop may close its list: the next one
        # that opens as an item may belong to another list (the lead-in is not repeated)
        ended = provision.text.rstrip().endswith(".")
        listing = _leads_list(provision.text) or (bool(item) and not ended)
        # numbered steps go on after a full stop (``#. Check the room.`` then ``#. Inform
        # the guardians.``): a sequence of numbers is one list
        numbered = bool(item) and ended and _NUMBERED.match(provision.text) is not None
    if run:
        yield run


def unit_text(provisions: Sequence[Provision]) -> tuple[str, list[int]]:
    """The text of one unit and the start of each provision's text in it.

    Provisions are joined by line breaks, each list item led by its label
    (:func:`label_of`); a provision's own text keeps its length (a line break
    inside a phrase becomes a space, see :func:`_unwrap`), so offsets into it
    hold.
    """
    pieces: list[str] = []
    starts: list[int] = []
    offset = 0
    before: str | None = None
    for index, provision in enumerate(provisions):
        lead = "\n" if index else ""
        label = label_of(provision.ref, before)
        if label is not None:
            lead += label + " "
        pieces.append(lead + _unwrap(provision.text))
        starts.append(offset + len(lead))
        offset += len(lead) + len(provision.text)
        before = provision.ref or before
    return "".join(pieces), starts
