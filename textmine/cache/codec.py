"""JSON forms of what the cache stores: a :class:`~textmine.extract.document.Document`
and a document's occurrence rows.

``document_from_json(document_to_json(d), path)`` gives back ``d`` (with
``path`` as its path: the same content may be read from another folder);
tuples in ``meta`` come back as lists, which is why a run uses the decoded
form whether or not the value came from the cache (:func:`roundtrip_document`,
:func:`roundtrip_rows`): a warm run then gives byte-identical output.
"""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path
from typing import Any

from textmine.extract.document import Document, Provision, Removed

__all__ = [
    "document_from_json",
    "document_to_json",
    "roundtrip_document",
    "roundtrip_rows",
]

_PROVISION_FIELDS = tuple(f.name for f in fields(Provision))
_REMOVED_FIELDS = tuple(f.name for f in fields(Removed))


def document_to_json(document: Document) -> dict[str, Any]:
    """A JSON-ready dict of ``document`` (its path left out)."""
    return {
        "doc": document.doc,
        "kind": document.kind,
        "title": document.title,
        "pages": document.pages,
        "sha256": document.sha256,
        "url": document.url,
        "failed_pages": list(document.failed_pages),
        "meta": document.meta,
        # provisions as rows of values: a third of the size of objects
        "provision_fields": list(_PROVISION_FIELDS),
        "provisions": [[getattr(p, f) for f in _PROVISION_FIELDS] for p in document.provisions],
        "removed": [[getattr(r, f) for f in _REMOVED_FIELDS] for r in document.removed],
    }


def document_from_json(data: dict[str, Any], path: Path | None) -> Document:
    """The :class:`Document` of :func:`document_to_json`'s ``data``, read from ``path``.

    Raises ``KeyError``/``TypeError``/``ValueError`` on data of another shape.
    """
    if tuple(data["provision_fields"]) != _PROVISION_FIELDS:
        raise ValueError("provision fields differ from this textmine's")
    return Document(
        doc=data["doc"],
        kind=data["kind"],
        path=path,
        provisions=tuple(_provision(values) for values in data["provisions"]),
        title=data["title"],
        pages=data["pages"],
        sha256=data["sha256"],
        removed=tuple(
            Removed(**dict(zip(_REMOVED_FIELDS, values, strict=True))) for values in data["removed"]
        ),
        failed_pages=tuple(data["failed_pages"]),
        url=data["url"],
        meta=dict(data["meta"]),
    )


def _provision(values: list[Any]) -> Provision:
    found = dict(zip(_PROVISION_FIELDS, values, strict=True))
    found["links"] = tuple(found.get("links") or ())
    return Provision(**found)


def roundtrip_document(document: Document) -> Document:
    """``document`` as the cache would give it back."""
    data = json.loads(json.dumps(document_to_json(document), ensure_ascii=False))
    return document_from_json(data, document.path)


def roundtrip_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` as the cache would give them back (tuples become lists)."""
    value: list[dict[str, Any]] = json.loads(json.dumps(rows, ensure_ascii=False))
    return value
