"""Read Acts, Bills and statutory instruments printed as PDF into a :class:`Document`.

The pipeline, one module per step:

1. :func:`textmine.extract.pdf_lines.read_lines`: the pypdfium2 text of each
   page, split into lines, with the layout pypdfium2 gives cheaply (position,
   font size, bold/italic, tiny note markers, drop caps);
2. :func:`textmine.extract.legislation_pages.split_body`: running heads, page
   and line numbers, banners, note blocks, front matter (cover, CONTENTS, long
   title) and back matter set aside, each as a ``Removed`` record, and the
   CONTENTS list parsed (:mod:`~textmine.extract.legislation_contents`);
3. :class:`textmine.extract.legislation_structure.StructureParser`: the body
   lines cut into the smallest numbered provisions with refs (``s.27(3)(b)``,
   ``cl.12(3)(a)``, ``reg.6(2)(a)``, ``Sch 1 para 2(3)(a)``,
   :mod:`~textmine.extract.legislation_refs`), headings, Part and Chapter,
   pages and units; :mod:`~textmine.extract.legislation_outline` tracks the open
   subsection and lists, :mod:`~textmine.extract.legislation_text` repairs the
   text (joined lines, drop cap, split words, note markers).

Decisions a user of the output should know:

* The enacting formula (``BE IT ENACTED ...``) of an Act or Bill, and the
  preamble of an SI (``The Secretary of State ... makes these Regulations``),
  is the first provision, with ``ref`` and ``heading`` ``None``.
* ``heading`` is the section's (clause's) own heading; for a regulation it is
  the heading printed above it, which legislation.gov.uk prints once for a
  group of regulations, so later regulations of the group inherit it; for a
  Schedule paragraph it is the italic or bold cross-heading above it. Act and
  Bill cross-headings are kept in ``Document.meta["cross_headings"]``.
* ``part``/``chapter`` read ``"Part 2 — Title"`` (with the printed title when
  there is one); Schedules' titles and side references are in
  ``Document.meta["schedules"]``; the long title in ``meta["long_title"]``;
  every section (clause, regulation) with its heading and first page in
  ``meta["sections"]``, and ``meta["contents"]`` maps section numbers to
  headings (from the CONTENTS list, or from the sections found where a
  revised print has none).
* Revised prints (legislation.gov.uk): the ``Status:`` banner, the ``Changes
  to legislation:`` box ending ``(See end of Document for details)``,
  ``Document Generated`` lines, note blocks (F-, M-, C-, I-notes), inline note
  markers, amendment brackets and ``PROSPECTIVE`` markers are kept out of the
  text, each in ``Document.removed`` with its reason (``--keep-removed``).
* ``page`` is the 1-based index of the PDF page where the provision starts.
* Closing words after a list (``..., satisfies the conditions in paragraph
  (3).``) and definitions after a definition's own list are provisions with
  the enclosing ref, so a ref can repeat; the ``unit`` groups them.
* Text quoted by amending provisions stays in the text of the provision that
  quotes it, labels and all.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from textmine.extract.document import Document, Provision, build_document
from textmine.extract.labels import split_glued_labels
from textmine.extract.legislation_pages import split_body
from textmine.extract.legislation_structure import StructureParser
from textmine.extract.pdf_lines import read_lines
from textmine.extract.pdf_source import PdfText
from textmine.settings import Settings

log = logging.getLogger(__name__)

LEGISLATION_KINDS = ("act", "bill", "si")
_TOP = re.compile(r"(?:s|cl|reg)\.(?P<number>\d+[A-Z]*)")


def _listed(sections: list[dict[str, Any]]) -> dict[str, str | None]:
    return {section["number"]: section["heading"] for section in sections}


def section_list(provisions: Iterable[Provision]) -> list[dict[str, Any]]:
    """Every section (clause, regulation) in reading order: number, ref, heading and page.

    The table of contents the print gives, or (a revised print has no CONTENTS
    list) would give: the page is where the section starts.
    """
    found: dict[str, dict[str, Any]] = {}
    for provision in provisions:
        match = _TOP.match(provision.ref or "")
        if match and match["number"] not in found:
            found[match["number"]] = {
                "number": match["number"],
                "ref": match[0],
                "heading": provision.heading,
                "page": provision.page,
            }
    return list(found.values())


def read(pdftext: PdfText, *, kind: str, settings: Settings) -> Document:
    """Read the text layer of an Act, Bill or SI print into a :class:`Document`.

    ``kind`` is ``"act"``, ``"bill"`` or ``"si"``. Everything kept out of the
    body is in ``Document.removed`` with its reason.
    """
    if kind not in LEGISLATION_KINDS:
        raise ValueError(f"kind must be one of {', '.join(LEGISLATION_KINDS)}, not {kind!r}")
    body = split_body(read_lines(pdftext), kind)
    parser = StructureParser(kind, body.contents, revised=body.revised)
    lines = [replace(line, text=split_glued_labels(line.text)) for line in body.lines]
    provisions = parser.parse(lines)
    removed = sorted([*body.removed, *parser.removed], key=lambda r: r.page or 0)
    sections = section_list(provisions)
    log.info(
        "%s: %d provisions, %d removed blocks", pdftext.path.name, len(provisions), len(removed)
    )
    return build_document(
        doc=pdftext.path.stem,
        kind=kind,
        path=pdftext.path,
        provisions=provisions,
        title=body.title,
        pages=pdftext.page_count,
        removed=tuple(removed),
        failed_pages=pdftext.failed_pages,
        meta={
            "long_title": body.long_title,
            "revised": body.revised,
            "contents": dict(body.contents.sections)
            or {s["number"]: s["heading"] for s in sections},
            "sections": sections,
            "cross_headings": parser.cross_headings,
            "schedules": parser.schedules,
        },
    )
