"""Read a saved web page (``.html``, ``.htm``) into a :class:`Document`.

The publisher is told from the markup, never from the file name:

* **legislation.gov.uk** (a section, a Part, a whole Act or SI): its
  ``Leg*`` classes (``LegP1No``, ``LegSnippet`` ...); read by
  :mod:`~textmine.extract.html_legislation` into refs ``s.19(2)(a)``,
  ``reg.6(2)``, ``Sch 2 para 3`` as the PDF and XML readers give them;
* **GOV.UK** publications and guidance: the ``govspeak`` body; read by
  :mod:`~textmine.extract.html_govuk` (guidance body only);
* **anything else** is read generically, with a logged warning naming the file:
  the page's ``main`` (else ``article``, else ``body``), less its ``header``,
  ``nav``, ``footer`` and ``aside``, into headings, paragraphs, list items and
  tables. The result may hold site furniture the two known publishers' readers
  leave out.

Nothing in the page is run or fetched (:mod:`~textmine.extract.html_source`).
Kind: legislation pages are ``act``, ``si`` or ``bill`` (from the page), web
guidance is ``guidance``, unless ``kind`` is given.
"""

from __future__ import annotations

import logging
from pathlib import Path

from lxml import etree

from textmine.errors import EmptyInputError
from textmine.extract.document import Document, Provision, Removed, build_document
from textmine.extract.html_blocks import assemble, walk
from textmine.extract.html_govuk import is_govuk, read_govuk
from textmine.extract.html_govuk import title_of as govuk_title
from textmine.extract.html_legislation import is_legislation, read_legislation
from textmine.extract.html_source import load_html, text_of
from textmine.settings import Settings

__all__ = ["read"]

log = logging.getLogger(__name__)

_FURNITURE_TAGS = ("header", "nav", "footer", "aside")


def read(path: Path, *, kind: str | None = None, settings: Settings | None = None) -> Document:
    """Read the HTML page ``path``; see the module docstring."""
    del settings  # no options apply to HTML; kept for the reader interface
    path = Path(path)
    root = load_html(path)
    provisions: list[Provision]
    removed: list[Removed]
    if is_legislation(root):
        provisions, removed, meta, found_kind, title = read_legislation(root)
    elif is_govuk(root):
        provisions, removed, meta = read_govuk(root)
        found_kind, title = "guidance", govuk_title(root)
    else:
        log.warning(
            "%s: neither a GOV.UK publication nor a legislation.gov.uk page; read as a "
            "generic web page (site furniture may remain in the text)",
            path,
        )
        provisions, removed, meta = _read_generic(root)
        found_kind, title = "guidance", _generic_title(root)
    if kind is not None:
        provisions = [_with_kind(p, kind) for p in provisions]
    if not provisions:
        raise EmptyInputError(path, "no body text found in the HTML page")
    return build_document(
        doc=path.stem,
        kind=kind or found_kind,
        path=path,
        provisions=provisions,
        title=title,
        removed=tuple(removed),
        meta=meta,
    )


def _with_kind(provision: Provision, kind: str) -> Provision:
    from dataclasses import replace

    return replace(provision, kind=kind)


def _read_generic(
    root: etree._Element,
) -> tuple[list[Provision], list[Removed], dict[str, object]]:
    body = next((found for tag in ("main", "article", "body") for found in root.iter(tag)), root)
    for tag in _FURNITURE_TAGS:
        for element in list(body.iter(tag)):
            parent = element.getparent()
            if parent is not None and element is not body:
                parent.remove(element)
    provisions, unused, headings = assemble(walk(body))
    return provisions, unused, {"publisher": None, "headings": headings}


def _generic_title(root: etree._Element) -> str | None:
    for h1 in root.iter("h1"):
        text = text_of(h1)
        if text:
            return text
    title = root.findtext(".//title")
    return " ".join(title.split()) if title and title.strip() else None
