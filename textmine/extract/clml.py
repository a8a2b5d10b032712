"""Read legislation.gov.uk XML (CLML) into a :class:`Document`.

CLML is the Crown Legislation Markup Language served as ``data.xml`` by
legislation.gov.uk. This reader accepts both complete documents (root
``<Legislation>`` in the CLML namespace, with ``ukm:Metadata``) and bare
fragments cut out of such documents (a ``<P1>``, ``<P1group>`` or ``<Part>``
with no root, namespace or metadata), so that a single section saved from the
site reads like a whole Act.

Security: the file is parsed with :mod:`defusedxml` only. Entity declarations
("billion laughs") and external entities are refused with an
:class:`~textmine.errors.InputError` naming the file; nothing is ever expanded,
and an external DTD named by a DOCTYPE is never fetched.

Provisions follow the PDF readers (see :mod:`textmine.extract.document`):

* refs: ``s.4``, ``s.4(2)``, ``s.4(2)(a)``, ``s.4(2)(a)(i)`` for Acts;
  ``cl.4(2)`` for Bills; ``reg.6(2)`` for regulations; ``art.6(3)(a)`` for the
  articles of an Order (the id prefix ``article-``; an Order is kind ``si``);
  ``r.5(1)`` for rules (``rule-``); ``Sch 1 para 2(3)(a)`` in Schedules
  (``Sch para 2`` for a sole, unnumbered Schedule);
* a unit's lead-in words are the provision with the unit's ref, its numbered
  children are separate provisions; words that follow the children (the
  closing words of a list) are one more provision with the unit's ref, so a
  ref can repeat (as in :mod:`textmine.extract.pdf_legislation`);
* ``unit`` is the subsection (``s.4(2)``) for a subsection and everything
  below it, the section (``s.7``) for a section's own words and for
  paragraphs placed directly under a section;
* ``heading`` is the ``P1group`` title, else the nearest cross-heading
  (``Pblock``); ``part`` is ``"Part 2 — Title"`` (the number in title case,
  the title as printed), ``chapter`` likewise ``"Chapter 1 — Title"``, as the
  PDF reader writes them; a Schedule starts with no Part or Chapter (a Part of
  the Schedule sets ``part``); ``page`` is always ``None``;
* ``Document.meta`` holds, like the PDF reader's, ``cross_headings`` (a list
  of ``{"text", "page": None, "before": first ref under it}``), ``schedules``
  (``{"Sch 1": {"title", "side_ref"}}``) and ``long_title``;
* text quoted by a ``BlockAmendment`` (the words an amending provision
  inserts) belongs to the quoting provision, with its numbers kept as text
  and the quotation marks the ``Format`` attribute asks for; it never becomes
  a provision of its own;
* the enacting formula (``PrimaryPreamble``/``SecondaryPreamble``) is kept as
  an unnumbered provision (ref ``None``), like the PDF readers do; metadata,
  the table of contents, commentaries (F-notes), footnotes, margin notes,
  explanatory notes and signatures are left out.

Kind: from ``DocumentMainType`` or ``DocumentCategory`` in the metadata when
present, else from the provision ids (``section-`` → act, ``regulation-``,
``article-``, ``rule-`` → si), unless ``kind`` is given.

Whitespace: fragments saved by third-party tools are pretty-printed, with
newlines between inline elements (``“`` newline ``<Term>company</Term>``
newline ``”``). A whitespace run that holds a newline is formatting, not text:
it becomes one space, or nothing next to a bracket, quotation mark, dash or
closing punctuation (``“company”``, ``subsection (4)(b)—``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_et
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from textmine.errors import CorruptInputError, EmptyInputError, InputError
from textmine.extract.document import Document, Provision, build_document
from textmine.settings import Settings

__all__ = ["CLML_NAMESPACE", "parse_xml", "read"]

log = logging.getLogger(__name__)

CLML_NAMESPACE = "http://www.legislation.gov.uk/namespaces/legislation"

#: Containers whose content is not body text.
_SKIP = frozenset(
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
_SILENT = frozenset({"CommentaryRef", "FootnoteRef", "MarginNoteRef", "Image", "Figure", "Formula"})
_NUMBERED = ("P1", "P2", "P3", "P4", "P5", "P6")
_PARAS = frozenset(f"{t}para" for t in _NUMBERED)
_GROUPS = frozenset(f"{t}group" for t in _NUMBERED[1:])
_LOOSE = frozenset(
    {"Text", "P", "Para", "BlockAmendment", "Tabular", "BlockText", "UnorderedList", "OrderedList"}
)
_PRELIMS = frozenset({"PrimaryPrelims", "SecondaryPrelims"})
_PREAMBLES = frozenset({"PrimaryPreamble", "SecondaryPreamble"})
_QUOTES = {"double": ("“", "”"), "single": ("‘", "’")}
_ID_PREFIX = {"regulation": "reg.", "article": "art.", "rule": "r."}
_KIND_PREFIX = {"act": "s.", "bill": "cl.", "si": "reg."}
_FORMAT_WS = re.compile(r"\s*\n\s*")
_NO_SPACE_AFTER = frozenset("(“‘[")
_NO_SPACE_BEFORE = frozenset(".,;:)]”’—")
_LABEL = re.compile(r"^(PART|CHAPTER|SCHEDULE)\b\s*(.*)$", re.I)
_SCHEDULE_ID = re.compile(r"^schedule(?:-(\w+?))?-paragraph-")
_WRAPPER = "textmine-fragment"


@dataclass(frozen=True)
class _Ctx:
    """Where the walker is: kind, Part, Chapter, headings and Schedule number."""

    kind: str
    part: str | None = None
    chapter: str | None = None
    crossheading: str | None = None
    heading: str | None = None
    #: ``None`` outside Schedules; ``""`` in a sole unnumbered Schedule.
    schedule: str | None = None


@dataclass
class _Out:
    """What the walk collects: provisions, cross-headings and Schedule titles."""

    provisions: list[Provision] = field(default_factory=list)
    cross_headings: list[dict[str, Any]] = field(default_factory=list)
    schedules: dict[str, dict[str, str | None]] = field(default_factory=dict)

    def add(self, provision: Provision) -> None:
        if self.cross_headings and self.cross_headings[-1]["before"] is None:
            self.cross_headings[-1]["before"] = provision.ref
        self.provisions.append(provision)


def read(path: Path, *, kind: str | None = None, settings: Settings | None = None) -> Document:
    """Read the CLML file ``path`` (a complete document or a fragment) into a Document.

    Raises :class:`~textmine.errors.InputError` (naming the file) for
    malformed XML, refused entity declarations and XML without provisions.
    """
    del settings  # no options apply to XML yet; kept for the reader interface
    path = Path(path)
    root = parse_xml(path)
    complete = _local(root.tag) == "Legislation"
    detected = _kind_from_metadata(root) if complete else None
    doc_kind = kind or detected or _kind_from_ids(root)
    out = _Out()
    _walk(root, _Ctx(kind=doc_kind), out)
    if not out.provisions:
        raise EmptyInputError(path, "no legislation provisions found in the XML (is it CLML?)")
    title = _title(root) if complete else None
    url = root.get("DocumentURI") or root.get("IdURI")
    if url is None:
        url = next((el.get("DocumentURI") for el in root.iter() if el.get("DocumentURI")), None)
    log.info("%s: %d provisions read from CLML as %s", path, len(out.provisions), doc_kind)
    meta: dict[str, Any] = {"cross_headings": out.cross_headings, "schedules": out.schedules}
    long_title = _long_title(root)
    if long_title:
        meta["long_title"] = long_title
    return build_document(
        doc=path.stem,
        kind=doc_kind,
        path=path,
        provisions=out.provisions,
        title=title,
        url=url,
        meta=meta,
    )


def parse_xml(path: Path) -> Element:
    """Parse ``path`` safely; a fragment with several top-level elements is wrapped.

    Entity declarations and external entities are refused; no DTD is fetched.
    """
    data = path.read_bytes()
    try:
        return _fromstring(data)
    except ParseError as exc:
        if "junk after document element" not in str(exc):
            raise CorruptInputError(path, f"malformed XML ({exc})") from exc
    except (EntitiesForbidden, ExternalReferenceForbidden, DTDForbidden) as exc:
        raise InputError(path, _refusal(exc)) from exc
    # Several top-level elements (a run of sibling fragments): wrap them.
    body = re.sub(rb"^\s*<\?xml[^>]*\?>", b"", data)
    wrapped = b"<" + _WRAPPER.encode() + b">" + body + b"</" + _WRAPPER.encode() + b">"
    try:
        return _fromstring(wrapped)
    except ParseError as exc:
        raise CorruptInputError(path, f"malformed XML ({exc})") from exc
    except (EntitiesForbidden, ExternalReferenceForbidden, DTDForbidden) as exc:
        raise InputError(path, _refusal(exc)) from exc


def _fromstring(data: bytes) -> Element:
    root: Element = safe_et.fromstring(
        data, forbid_dtd=False, forbid_entities=True, forbid_external=True
    )
    return root


def _refusal(exc: Exception) -> str:
    if isinstance(exc, EntitiesForbidden):
        if exc.sysid or exc.pubid:
            return f"XML declares an external entity ({exc.sysid or exc.pubid}); refused"
        return "XML declares entities; refused (possible entity-expansion attack)"
    if isinstance(exc, ExternalReferenceForbidden):
        return "XML refers to an external resource; refused"
    return "XML has a document type declaration; refused"


def _local(tag: object) -> str:
    """The tag without its namespace (``""`` for comments and processing instructions)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


# --- kind, title -----------------------------------------------------------


def _kind_from_metadata(root: Element) -> str | None:
    """The kind named by the metadata or by the Primary/Secondary wrapper, if any."""
    category = None
    for el in root.iter():
        name = _local(el.tag)
        if name == "DocumentMainType":
            value = el.get("Value", "")
            if "Bill" in value:
                return "bill"
            if any(w in value for w in ("StatutoryInstrument", "StatutoryRule", "Order")):
                return "si"
            if value.endswith(("Act", "Measure")):
                return "act"
        elif name == "DocumentCategory":
            category = {"primary": "act", "secondary": "si"}.get(el.get("Value", "").lower())
        elif name in ("Primary", "Secondary") and category is None:
            category = "act" if name == "Primary" else "si"
    return category


def _kind_from_ids(root: Element) -> str:
    """``act`` or ``si`` from the first provision id; ``act`` when none tells."""
    for el in root.iter():
        ident = el.get("id", "")
        if ident.startswith("section-"):
            return "act"
        if ident.startswith(("regulation-", "article-", "rule-")):
            return "si"
    return "act"


def _long_title(root: Element) -> str | None:
    for el in root.iter():
        if _local(el.tag) == "LongTitle":
            return _inline(el) or None
    return None


def _title(root: Element) -> str | None:
    for el in root.iter():
        if _local(el.tag) == "title" and el.text and el.text.strip():
            return " ".join(el.text.split())
    for el in root.iter():
        if _local(el.tag) in _PRELIMS:
            for child in el:
                if _local(child.tag) == "Title":
                    return _inline(child) or None
    return None


# --- the structure walk ----------------------------------------------------


def _walk(el: Element, ctx: _Ctx, out: _Out) -> None:
    """Walk structural containers, emitting provisions for numbered units and loose text."""
    tag = _local(el.tag)
    if tag in _SKIP or not tag:
        return
    if tag in _PRELIMS:
        for child in el:
            if _local(child.tag) in _PREAMBLES:
                _emit_loose(child, ctx, out)
        return
    if tag == "Part":
        ctx = replace(ctx, part=_label(el, "Part"), chapter=None, crossheading=None, heading=None)
    elif tag == "Chapter":
        ctx = replace(ctx, chapter=_label(el, "Chapter"), crossheading=None, heading=None)
    elif tag in ("Pblock", "PsubBlock"):
        cross = _child_text(el, "Title")
        if cross:
            out.cross_headings.append({"text": cross, "page": None, "before": None})
        ctx = replace(ctx, crossheading=cross, heading=None)
    elif tag == "P1group":
        ctx = replace(ctx, heading=_child_text(el, "Title"))
    elif tag == "Schedule":
        number = _schedule_number(el)
        title = _child_text(el, "Title") or _child_text(_child(el, "TitleBlock"), "Title")
        out.schedules[f"Sch {number}" if number else "Sch"] = {
            "title": title,
            "side_ref": _child_text(el, "Reference"),
        }
        ctx = _Ctx(kind=ctx.kind, schedule=number)
    elif tag == "P1":
        pnumber = _pnumber(el)
        if pnumber:
            ref = _p1_ref(el, pnumber, ctx)
            _read_unit(el, ref, ref, top=True, ctx=ctx, out=out)
            return
    elif tag in _LOOSE or tag in _NUMBERED:  # a P2.. outside any P1: words kept, unnumbered
        _emit_loose(el, ctx, out)
        return
    for child in el:
        _walk(child, ctx, out)


def _emit_loose(el: Element, ctx: _Ctx, out: _Out) -> None:
    text = _block_text(el)
    if text:
        out.add(_provision(ctx, None, text, None))


def _provision(ctx: _Ctx, ref: str | None, text: str, unit: str | None) -> Provision:
    return Provision(
        doc="",
        kind=ctx.kind,
        ref=ref,
        text=text,
        page=None,
        heading=ctx.heading or ctx.crossheading,
        part=ctx.part,
        chapter=ctx.chapter,
        unit=unit,
    )


def _read_unit(el: Element, ref: str, unit: str, *, top: bool, ctx: _Ctx, out: _Out) -> None:
    """Emit ``el``'s own words as ``ref`` and its numbered children below it.

    Words after the numbered children (a list's closing words) are a provision
    with ``ref`` again, as the PDF readers make them.
    """
    words: list[str] = []
    for child in _content(el):
        tag = _local(child.tag)
        number = _pnumber(child) if tag in _NUMBERED else None
        if number:
            if words:
                out.add(_provision(ctx, ref, _join(words), unit))
                words = []
            child_ref = f"{ref}({number})"
            child_unit = child_ref if top and tag == "P2" else unit
            _read_unit(child, child_ref, child_unit, top=False, ctx=ctx, out=out)
        else:
            text = _block_text(child)
            if text:
                words.append(text)
    if words:
        out.add(_provision(ctx, ref, _join(words), unit))


def _content(el: Element) -> Iterator[Element]:
    """``el``'s content children, looking through ``P1para``/``P2group`` wrappers."""
    for child in el:
        tag = _local(child.tag)
        if tag in _PARAS or tag in _GROUPS:
            yield from _content(child)
        elif tag and tag not in _SKIP:
            yield child


def _p1_ref(el: Element, number: str, ctx: _Ctx) -> str:
    ident = el.get("id", "")
    schedule = ctx.schedule
    if schedule is None:
        match = _SCHEDULE_ID.match(ident)
        if match:
            schedule = match.group(1) or ""
    if schedule is not None:
        return f"Sch {schedule} para {number}" if schedule else f"Sch para {number}"
    head = ident.split("-", 1)[0]
    if head in _ID_PREFIX:
        return f"{_ID_PREFIX[head]}{number}"
    if head == "section":
        return f"cl.{number}" if ctx.kind == "bill" else f"s.{number}"
    return f"{_KIND_PREFIX.get(ctx.kind, 's.')}{number}"


def _schedule_number(el: Element) -> str:
    number = _child_text(el, "Number") or ""
    match = _LABEL.match(number)
    if match:
        return match.group(2).strip()
    ident = el.get("id", "")
    return ident.split("-", 1)[1] if ident.startswith("schedule-") else ""


def _label(el: Element, word: str) -> str:
    """``"Part 2 — Title"`` from a Part's ``Number`` and ``Title`` (or its id)."""
    number = _child_text(el, "Number")
    if number:
        match = _LABEL.match(number)
        number = f"{match.group(1).capitalize()} {match.group(2)}".strip() if match else number
    else:
        ident = el.get("id", "")
        tail = ident.rsplit("-", 1)[-1] if "-" in ident else ""
        number = f"{word} {tail}".strip()
    title = _child_text(el, "Title")
    return f"{number} — {title}" if title else number


# --- text ------------------------------------------------------------------


def _pnumber(el: Element) -> str | None:
    for child in el:
        if _local(child.tag) == "Pnumber":
            return _inline(child) or None
    return None


def _child(el: Element | None, name: str) -> Element | None:
    if el is None:
        return None
    return next((c for c in el if _local(c.tag) == name), None)


def _child_text(el: Element | None, name: str) -> str | None:
    child = _child(el, name)
    return (_inline(child) or None) if child is not None else None


def _inline(el: Element) -> str:
    """The running text of an inline container, markers left out, whitespace healed."""
    return _heal("".join(_inline_parts(el)))


def _inline_parts(el: Element) -> Iterator[str]:
    if el.text:
        yield el.text
    for child in el:
        if _local(child.tag) not in _SILENT:
            yield from _inline_parts(child)
        if child.tail:
            yield child.tail


def _block_text(el: Element) -> str:
    """The words of a block element (Text, P, list, table, amendment), joined."""
    tag = _local(el.tag)
    if tag in _SKIP or not tag:
        return ""
    if tag in ("Text", "AppendText", "Title", "Number"):
        return _inline(el)
    if tag == "BlockAmendment":
        return _amendment_text(el)
    return _join(_block_text(child) for child in el)


def _amendment_text(el: Element) -> str:
    """Quoted words of a BlockAmendment, with numbers as printed: ``“(2A) The …”``."""
    pieces: list[str] = []

    def visit(node: Element) -> None:
        tag = _local(node.tag)
        if tag in _SILENT or tag in ("Pnumber", "Commentaries", "Versions") or not tag:
            return
        if tag in ("Text", "Title", "Number", "AppendText"):
            pieces.append(_inline(node))
            return
        if tag in _NUMBERED:
            number = _pnumber(node)
            if number:
                pieces.append(number if tag == "P1" else f"({number})")
        for child in node:
            visit(child)

    for child in el:
        visit(child)
    text = _join(pieces)
    opening, closing = _QUOTES.get(el.get("Format", ""), ("", ""))
    return f"{opening}{text}{closing}" if text else ""


def _join(pieces: Iterable[str]) -> str:
    """Join text pieces with a space, but none before closing punctuation."""
    out = ""
    for piece in pieces:
        if not piece:
            continue
        if out and piece[0] not in _NO_SPACE_BEFORE:
            out += " "
        out += piece
    return out


def _heal(text: str) -> str:
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
