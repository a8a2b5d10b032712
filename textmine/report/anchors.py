"""Stable anchors and outward links of the report.

Every provision gets one HTML id, ``p-<doc>-<ref>`` (both slugged: ``s.27(3)(b)``
-> ``s27-3-b``); an unnumbered provision gets ``p-<doc>-n<index>`` (its
1-based position in the document), and a repeated ref gets ``-2``, ``-3``...
The measures name provisions by their ``"doc:ref"`` label (or ``"doc:p.N"``
for an unnumbered block on page N; see
:func:`textmine.measure.frame.provision_label`); :class:`AnchorIndex` turns
such a label into the anchor of the first provision it names.

Outward links: a provision links to its page of the source PDF by a relative
``file.pdf#page=N`` link (relative to the report's folder, so the link works
when the report and the sources are moved together), and to its official
text when the document's URL is known. For legislation.gov.uk URLs the
provision's own page is derived from its ref (``s.4(2)`` -> ``/section/4``,
``reg.6`` -> ``/regulation/6``, ``Sch 1 para 2`` -> ``/schedule/1/paragraph/2``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from textmine.extract.document import Document, Provision
from textmine.measure.frame import provision_label

_NON_WORD = re.compile(r"[^0-9A-Za-z]+")
_LEGISLATION_ID = re.compile(r"\b(ukpga|uksi|asp|nia|anaw|asc|ukla|wsi|ssi|nisr)_(\d{4})_(\d+)")
_SECTION = re.compile(r"^(s|cl|reg|art)\.\s*(\d+[A-Z]*)")
_SCHEDULE = re.compile(r"^Sch\s+(\d+[A-Z]*)(?:\s+para\s+(\d+[A-Z]*))?")
_URL_PART = {"s": "section", "cl": "section", "reg": "regulation", "art": "article"}


def slug(value: object, *, fallback: str = "x") -> str:
    """Lower-case ASCII words joined by ``-``: a safe fragment of an HTML id or file name."""
    text = _NON_WORD.sub("-", str(value)).strip("-").lower()
    return text or fallback


def document_anchor(doc: str) -> str:
    """The id of a document's section in the report."""
    return f"d-{slug(doc)}"


class AnchorIndex:
    """Anchors of every provision of some documents, and lookup by measure label."""

    def __init__(self, documents: Iterable[Document]) -> None:
        self._by_provision: dict[tuple[str, int], str] = {}
        self._by_label: dict[str, str] = {}
        used: set[str] = set()
        for document in documents:
            for index, prov in enumerate(document.provisions, start=1):
                base = f"p-{slug(document.doc)}-" + (slug(prov.ref) if prov.ref else f"n{index}")
                anchor, n = base, 1
                while anchor in used:
                    n += 1
                    anchor = f"{base}-{n}"
                used.add(anchor)
                self._by_provision[(document.doc, index)] = anchor
                for label in _labels(document.doc, prov):
                    self._by_label.setdefault(label, anchor)

    def anchor(self, doc: str, index: int) -> str:
        """The id of the ``index``-th (1-based) provision of ``doc``."""
        return self._by_provision[(doc, index)]

    def for_label(self, label: str) -> str | None:
        """The id behind a measure's ``"doc:ref"`` / ``"doc:p.N"`` label, or ``None``."""
        return self._by_label.get(label)

    def href_for_label(self, label: str) -> str | None:
        """``"#<id>"`` of :meth:`for_label`, for a link; ``None`` when no provision has it."""
        anchor = self._by_label.get(label)
        return f"#{anchor}" if anchor else None

    def for_ref(self, doc: str, ref: object, page: object = None) -> str | None:
        """The id of the first provision of ``doc`` with ``ref`` (or on ``page`` if unnumbered)."""
        if isinstance(ref, str) and ref:
            return self._by_label.get(f"{doc}:{ref}")
        if isinstance(page, int):
            return self._by_label.get(f"{doc}:p.{page}")
        return None


def _labels(doc: str, prov: Provision) -> list[str]:
    """The measures' label of ``prov`` (:func:`~textmine.measure.frame.provision_label`), if any."""
    if prov.ref or prov.page is not None:
        return [provision_label(doc, prov.ref, prov.page)]
    return []


def pdf_page_href(document: Document, page: int | None, out_dir: Path) -> str | None:
    """A relative ``file.pdf#page=N`` link from ``out_dir`` to the source PDF, or ``None``."""
    path = document.path
    if path is None or page is None or path.suffix.lower() != ".pdf":
        return None
    return f"{_relative_href(Path(path), Path(out_dir))}#page={page}"


@lru_cache(maxsize=64)
def _relative_href(path: Path, out_dir: Path) -> str:
    """The quoted relative link from ``out_dir`` to ``path`` (resolved once per pair)."""
    try:
        rel = os.path.relpath(path.resolve(), out_dir.resolve())
    except ValueError:  # another drive on Windows: fall back to an absolute file URL
        return path.resolve().as_uri()
    return quote(Path(rel).as_posix())


def document_url(document: Document) -> str | None:
    """The official URL of a document: its own ``url``, else one read from a legislation id.

    A document id such as ``ukpga_2025_22_universal_credit_act_2025`` names
    the Act ``ukpga/2025/22`` on legislation.gov.uk.
    """
    if document.url:
        return document.url
    match = _LEGISLATION_ID.search(document.doc)
    if match:
        kind, year, number = match.groups()
        return f"https://www.legislation.gov.uk/{kind}/{year}/{number}"
    return None


def provision_url(document: Document, ref: str | None) -> str | None:
    """The official URL of one provision where it can be derived, else the document's URL."""
    base = document_url(document)
    if base is None or not ref or "legislation.gov.uk" not in base:
        return base
    base = re.sub(r"/(data\.xml|contents|pdfs/.*)$", "", base.rstrip("/"))
    schedule = _SCHEDULE.match(ref)
    if schedule:
        number, para = schedule.groups()
        tail = f"/schedule/{number}" + (f"/paragraph/{para}" if para else "")
        return base + tail
    section = _SECTION.match(ref)
    if section:
        prefix, number = section.groups()
        return f"{base}/{_URL_PART[prefix]}/{number}"
    return base
