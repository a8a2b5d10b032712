"""Write documents as JSON Lines, CSV or plain-text blocks.

The ``text`` form follows the plain-text block rule of the tagging contract:
one block per provision, separated by a blank line, led by the provision's ref,
so that :mod:`textmine.extract.plaintext` reads it back with the same refs.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from textmine.extract.document import Document

#: Columns of the jsonl/csv provision records, in order.
PROVISION_FIELDS = (
    "doc",
    "kind",
    "ref",
    "heading",
    "part",
    "chapter",
    "page",
    "text",
    "start",
    "end",
    "unit",
)


def provision_records(document: Document) -> list[dict[str, Any]]:
    """One plain dict per provision, with :data:`PROVISION_FIELDS` keys."""
    return [{k: getattr(p, k) for k in PROVISION_FIELDS} for p in document.provisions]


def to_text(document: Document) -> str:
    """The document as plain-text blocks led by their refs."""
    blocks = []
    for p in document.provisions:
        body = " ".join(p.text.split())
        blocks.append(f"{p.ref} {body}" if p.ref else body)
    return "\n\n".join(blocks) + "\n"


def write_documents(
    documents: Iterable[Document], handle: IO[str], fmt: str, *, keep_removed: bool = False
) -> None:
    """Write ``documents`` to ``handle`` in ``fmt`` (``jsonl``, ``csv`` or ``text``)."""
    documents = list(documents)
    if fmt == "jsonl":
        for document in documents:
            for record in provision_records(document):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            if keep_removed:
                for removed in document.removed:
                    row = {"doc": document.doc, "removed": True, **removed.to_dict()}
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(handle, fieldnames=PROVISION_FIELDS, lineterminator="\n")
        writer.writeheader()
        for document in documents:
            writer.writerows(provision_records(document))
    elif fmt == "text":
        handle.write("\n".join(to_text(d) for d in documents))
    else:
        raise ValueError(f"unknown format {fmt!r}")
