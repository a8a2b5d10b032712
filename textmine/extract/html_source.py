"""Parse a saved web page safely, and read the words of its elements.

Shared by the GOV.UK and legislation.gov.uk readers. lxml parses the bytes
with its HTML parser set never to touch the network (``no_network``), with
comments and processing instructions dropped. Nothing in the page is run or
fetched: scripts, styles, frames, images, embedded objects, forms and
templates are removed from the tree before any text is read, and ``href`` or
``src`` values are never followed. The HTML parser does not expand entities
declared in a document type (an ``<!ENTITY>`` in a DOCTYPE is not HTML), so
"billion laughs" and external entities do nothing.

Limits: a page above :data:`MAX_HTML_BYTES` is refused with an
:class:`~textmine.errors.InputError` naming the file (a GOV.UK publication
saved with its page furniture is under 1 MB; the largest whole Act on
legislation.gov.uk is a few MB).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree, html

from textmine.errors import CorruptInputError, EmptyInputError, InputError

__all__ = [
    "MAX_HTML_BYTES",
    "SKIP_TAGS",
    "classes",
    "has_class",
    "load_html",
    "text_of",
    "words",
]

#: Largest HTML file read, in bytes.
MAX_HTML_BYTES = 25 * 1024 * 1024
#: Elements whose content is never text of the document (and is never run or fetched).
SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "img",
        "picture",
        "video",
        "audio",
        "source",
        "track",
        "svg",
        "math",
        "canvas",
        "link",
        "meta",
        "base",
        "form",
        "input",
        "button",
        "select",
        "textarea",
    }
)
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
#: Inline elements: their words run on with the words around them.
INLINE_TAGS = frozenset(
    {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em",
        "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
        "time", "u", "var", "wbr", "del", "ins", "font", "label",
    }
)  # fmt: skip


def load_html(path: Path) -> html.HtmlElement:
    """The page at ``path`` as an lxml tree, with what can run or fetch removed.

    Raises :class:`InputError` for a page over the size limit or that is not
    HTML at all, :class:`EmptyInputError` for one without text.
    """
    size = path.stat().st_size
    if size > MAX_HTML_BYTES:
        raise InputError(
            path,
            f"HTML page too large ({size / 1e6:.1f} MB; textmine reads pages up to "
            f"{MAX_HTML_BYTES / 1e6:.0f} MB)",
        )
    data = path.read_bytes()
    if data.lstrip()[:5] == b"%PDF-":
        raise InputError(path, "not an HTML page (it is a PDF: give it the .pdf extension)")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "not an HTML page (binary content)")
    parser = html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, default_doctype=False
    )
    try:
        root = html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise CorruptInputError(path, f"not a readable HTML page ({exc})") from exc
    for element in list(root.iter(*SKIP_TAGS)):
        _remove(element)
    if not words(text_of(root)):
        raise EmptyInputError(path, "HTML page has no text")
    return root


def _remove(element: html.HtmlElement) -> None:
    """Remove ``element`` and its content, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def classes(element: etree._Element) -> frozenset[str]:
    """The class names of ``element``."""
    value = element.get("class") if isinstance(element.tag, str) else None
    return frozenset(value.split()) if value else frozenset()


def has_class(element: etree._Element, *names: str) -> bool:
    """Whether ``element`` carries one of the class ``names``."""
    return not classes(element).isdisjoint(names)


def text_of(element: etree._Element, skip: frozenset[str] = frozenset()) -> str:
    """The words of ``element``, whitespace collapsed; descendants of a class in ``skip`` left out.

    Block-level children are separated by a space even where the markup puts
    none between them (``<p>a</p><p>b</p>`` gives ``a b``).
    """
    return _SPACES.sub(" ", "".join(_pieces(element, skip))).strip()


def _pieces(element: etree._Element, skip: frozenset[str]) -> Iterator[str]:
    if not isinstance(element.tag, str):
        return
    block = element.tag not in INLINE_TAGS
    if block:
        yield " "
    if element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str) and not (skip and has_class(child, *skip)):
            if child.tag == "br":
                yield " "
            else:
                yield from _pieces(child, skip)
        if child.tail:
            yield child.tail
    if block:
        yield " "


def words(text: str) -> list[str]:
    """The words of ``text`` (runs of letters, digits and ``_``), as counted in tests."""
    return _WORD.findall(text)
