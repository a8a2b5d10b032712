"""Safe XML parsing for the CLML reader: :mod:`defusedxml` only, fragments wrapped.

Entity declarations ("billion laughs") and external entities are refused with
an :class:`~textmine.errors.InputError` naming the file; nothing is ever
expanded, and an external DTD named by a DOCTYPE is never fetched. Malformed
XML is a :class:`~textmine.errors.CorruptInputError`.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_et
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from textmine.errors import CorruptInputError, InputError

__all__ = ["WRAPPER", "parse_xml"]

#: Root element put around a fragment with several top-level elements.
WRAPPER = "textmine-fragment"


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
    wrapped = b"<" + WRAPPER.encode() + b">" + body + b"</" + WRAPPER.encode() + b">"
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
