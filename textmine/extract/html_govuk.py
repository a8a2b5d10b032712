"""Read a GOV.UK publication saved as HTML: the guidance body only.

A saved GOV.UK page holds far more than the guidance: the cookie banner, the
site header and navigation, breadcrumbs, the publication's metadata and
contents list, "Is this page useful?", related links and the footer. The
guidance itself is the ``govspeak`` element (class ``govspeak``, inside
``gem-c-govspeak``); only that is read, by :mod:`~textmine.extract.html_blocks`.
Footnotes (``div.footnotes`` and the ``sup`` marks pointing at them) are kept
out of the body and recorded in ``Document.removed``.

The title is the page's ``h1`` (the publication title in the page header),
else its ``<title>`` without `` - GOV.UK``.
"""

from __future__ import annotations

import re

from lxml import etree

from textmine.extract.document import Provision, Removed
from textmine.extract.html_blocks import assemble, walk
from textmine.extract.html_source import has_class, text_of

__all__ = ["FOOTNOTES", "find_body", "is_govuk", "read_govuk", "title_of"]

#: Classes of footnote blocks and marks in govspeak.
FOOTNOTES = frozenset({"footnotes", "footnote", "govspeak-footnotes"})
_SITE_SUFFIX = re.compile(r"\s+[-–|]\s+GOV\.UK\s*$")


def find_body(root: etree._Element) -> etree._Element | None:
    """The govspeak body of a GOV.UK page, or ``None``."""
    for name in ("govspeak", "gem-c-govspeak", "govuk-govspeak"):
        for element in root.iter():
            if isinstance(element.tag, str) and has_class(element, name):
                return element
    return None


def is_govuk(root: etree._Element) -> bool:
    """Whether the page is a GOV.UK publication (it has a govspeak body)."""
    return find_body(root) is not None


def title_of(root: etree._Element) -> str | None:
    """The publication's title: the ``h1`` outside the body, else ``<title>``."""
    body = find_body(root)
    for h1 in root.iter("h1"):
        if body is not None and _inside(h1, body):
            continue
        text = text_of(h1)
        if text:
            return text
    title = root.findtext(".//title")
    if title and title.strip():
        return _SITE_SUFFIX.sub("", " ".join(title.split())) or None
    return None


def _inside(element: etree._Element, container: etree._Element) -> bool:
    return any(parent is container for parent in element.iterancestors())


def read_govuk(
    root: etree._Element,
) -> tuple[list[Provision], list[Removed], dict[str, object]]:
    """Provisions, removed blocks and meta of a GOV.UK page (``root`` must be one)."""
    body = find_body(root)
    assert body is not None
    removed = [
        Removed(None, text, "footnote")
        for element in body.iter()
        if isinstance(element.tag, str)
        and has_class(element, *FOOTNOTES)
        and (text := text_of(element))
    ]
    provisions, unused, headings = assemble(walk(body, FOOTNOTES))
    meta: dict[str, object] = {"publisher": "gov.uk", "headings": headings}
    return provisions, [*removed, *unused], meta
