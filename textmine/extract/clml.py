"""Read legislation.gov.uk XML (CLML) into a :class:`Document`.

CLML is the Crown Legislation Markup Language served as ``data.xml`` by
legislation.gov.uk. This reader accepts both complete documents (root
``<Legislation>`` in the CLML namespace, with ``ukm:Metadata``) and bare
fragments cut out of such documents (a ``<P1>``, ``<P1group>`` or ``<Part>``
with no root, namespace or metadata), so that a single section saved from the
site reads like a whole Act.

Security: the file is parsed by :func:`textmine.extract.safe_xml.parse_xml`
(:mod:`defusedxml` only). Entity declarations ("billion laughs") and external
entities are refused with an :class:`~textmine.errors.InputError` naming the
file; nothing is ever expanded, and an external DTD named by a DOCTYPE is
never fetched.

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
* a provision whose text is only dots (``. . . .``, how a revised version
  shows repealed words) is not a provision: it goes to ``Document.removed``
  with the reason ``"omitted provision"``, as in the PDF reader;
* the enacting formula (``PrimaryPreamble``/``SecondaryPreamble``) is kept as
  an unnumbered provision (ref ``None``), like the PDF readers do; metadata,
  the table of contents, commentaries (F-notes), footnotes, margin notes,
  explanatory notes and signatures are left out.

Kind: from ``DocumentMainType`` or ``DocumentCategory`` in the metadata when
present, else from the provision ids (``section-`` → act, ``regulation-``,
``article-``, ``rule-`` → si), unless ``kind`` is given.

Running text (inline elements, whitespace of pretty-printed fragments, quoted
amendments) is read by :mod:`textmine.extract.clml_text`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from textmine.errors import EmptyInputError
from textmine.extract.clml_text import (
    NUMBERED,
    SKIP,
    block_text,
    child_text,
    find_child,
    inline,
    join,
    local,
    pnumber_text,
)
from textmine.extract.document import Document, Provision, Removed, build_document
from textmine.extract.labels import split_glued_labels
from textmine.extract.safe_xml import parse_xml
from textmine.settings import Settings

__all__ = ["CLML_NAMESPACE", "parse_xml", "read"]

log = logging.getLogger(__name__)

CLML_NAMESPACE = "http://www.legislation.gov.uk/namespaces/legislation"

_PARAS = frozenset(f"{t}para" for t in NUMBERED)
_GROUPS = frozenset(f"{t}group" for t in NUMBERED[1:])
_LOOSE = frozenset(
    {"Text", "P", "Para", "BlockAmendment", "Tabular", "BlockText", "UnorderedList", "OrderedList"}
)
_PRELIMS = frozenset({"PrimaryPrelims", "SecondaryPrelims"})
_PREAMBLES = frozenset({"PrimaryPreamble", "SecondaryPreamble"})
_ID_PREFIX = {"regulation": "reg.", "article": "art.", "rule": "r."}
_KIND_PREFIX = {"act": "s.", "bill": "cl.", "si": "reg."}
_LABEL = re.compile(r"^(PART|CHAPTER|SCHEDULE)\b\s*(.*)$", re.I)
_SCHEDULE_ID = re.compile(r"^schedule(?:-(\w+?))?-paragraph-")
#: The text of a repealed or omitted provision in a revised version: dots only.
_DOTS = re.compile(r"[.\s…]+")


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
    removed: list[Removed] = field(default_factory=list)

    def add(self, provision: Provision) -> None:
        provision = replace(provision, text=split_glued_labels(provision.text))
        if _DOTS.fullmatch(provision.text):
            text = f"{provision.ref} {provision.text}" if provision.ref else provision.text
            self.removed.append(Removed(None, text, "omitted provision"))
            return
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
    complete = local(root.tag) == "Legislation"
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
        removed=tuple(out.removed),
        meta=meta,
    )


def _kind_from_metadata(root: Element) -> str | None:
    """The kind named by the metadata or by the Primary/Secondary wrapper, if any."""
    category = None
    for el in root.iter():
        name = local(el.tag)
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
        if local(el.tag) == "LongTitle":
            return inline(el) or None
    return None


def _title(root: Element) -> str | None:
    for el in root.iter():
        if local(el.tag) == "title" and el.text and el.text.strip():
            return " ".join(el.text.split())
    for el in root.iter():
        if local(el.tag) in _PRELIMS:
            for child in el:
                if local(child.tag) == "Title":
                    return inline(child) or None
    return None


# --- the structure walk ----------------------------------------------------


def _walk(el: Element, ctx: _Ctx, out: _Out) -> None:
    """Walk structural containers, emitting provisions for numbered units and loose text."""
    tag = local(el.tag)
    if tag in SKIP or not tag:
        return
    if tag in _PRELIMS:
        for child in el:
            if local(child.tag) in _PREAMBLES:
                _emit_loose(child, ctx, out)
        return
    if tag == "Part":
        ctx = replace(ctx, part=_label(el, "Part"), chapter=None, crossheading=None, heading=None)
    elif tag == "Chapter":
        ctx = replace(ctx, chapter=_label(el, "Chapter"), crossheading=None, heading=None)
    elif tag in ("Pblock", "PsubBlock"):
        cross = child_text(el, "Title")
        if cross:
            out.cross_headings.append({"text": cross, "page": None, "before": None})
        ctx = replace(ctx, crossheading=cross, heading=None)
    elif tag == "P1group":
        ctx = replace(ctx, heading=child_text(el, "Title"))
    elif tag == "Schedule":
        number = _schedule_number(el)
        title = child_text(el, "Title") or child_text(find_child(el, "TitleBlock"), "Title")
        out.schedules[f"Sch {number}" if number else "Sch"] = {
            "title": title,
            "side_ref": child_text(el, "Reference"),
        }
        ctx = _Ctx(kind=ctx.kind, schedule=number)
    elif tag == "P1":
        p1_number = pnumber_text(el)
        if p1_number:
            ref = _p1_ref(el, p1_number, ctx)
            _read_unit(el, ref, ref, top=True, ctx=ctx, out=out)
            return
    elif tag in _LOOSE or tag in NUMBERED:  # a P2.. outside any P1: words kept, unnumbered
        _emit_loose(el, ctx, out)
        return
    for child in el:
        _walk(child, ctx, out)


def _emit_loose(el: Element, ctx: _Ctx, out: _Out) -> None:
    text = block_text(el)
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
        tag = local(child.tag)
        number = pnumber_text(child) if tag in NUMBERED else None
        if number:
            if words:
                out.add(_provision(ctx, ref, join(words), unit))
                words = []
            child_ref = f"{ref}({number})"
            child_unit = child_ref if top and tag == "P2" else unit
            _read_unit(child, child_ref, child_unit, top=False, ctx=ctx, out=out)
        else:
            text = block_text(child)
            if text:
                words.append(text)
    if words:
        out.add(_provision(ctx, ref, join(words), unit))


def _content(el: Element) -> Iterator[Element]:
    """``el``'s content children, looking through ``P1para``/``P2group`` wrappers."""
    for child in el:
        tag = local(child.tag)
        if tag in _PARAS or tag in _GROUPS:
            yield from _content(child)
        elif tag and tag not in SKIP:
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
    number = child_text(el, "Number") or ""
    match = _LABEL.match(number)
    if match:
        return match.group(2).strip()
    ident = el.get("id", "")
    return ident.split("-", 1)[1] if ident.startswith("schedule-") else ""


def _label(el: Element, word: str) -> str:
    """``"Part 2 — Title"`` from a Part's ``Number`` and ``Title`` (or its id)."""
    number = child_text(el, "Number")
    if number:
        match = _LABEL.match(number)
        number = f"{match.group(1).capitalize()} {match.group(2)}".strip() if match else number
    else:
        ident = el.get("id", "")
        tail = ident.rsplit("-", 1)[-1] if "-" in ident else ""
        number = f"{word} {tail}".strip()
    title = child_text(el, "Title")
    return f"{number} — {title}" if title else number


# --- text ------------------------------------------------------------------
