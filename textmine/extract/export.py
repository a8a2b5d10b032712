"""Write documents as JSON Lines, CSV or plain-text blocks.

The ``text`` form is Markdown-flavoured plain text that
:mod:`textmine.extract.plaintext` reads back with the same refs, texts,
headings, Part and Chapter for every provision:

* the first line is :data:`~textmine.extract.plaintext.EXPORT_MARKER`, which
  tells the reader to read literally (no Markdown stripping, no inference);
* the title is a ``#`` line; a change of ``part``, ``chapter`` or ``heading``
  is a ``##``, ``###`` or ``####`` line (an empty one when the field becomes
  empty), so headings read back as headings, never as body;
* one block per provision, separated by a blank line, its text on one line
  with whitespace collapsed, led by its ref written as
  :func:`textmine.extract.refs.lead_for` writes it: contract numbers
  (``9.14``) and textmine's ref forms (``s.27(3)(b)``, ``Sch 1 para 2``) as
  they are; a flat guidance number ``123`` as ``para 123`` (a bare ``123.``
  would read as a list item); anything else as ``[ref: X]``;
* a block without a ref whose text would read as a ref, a heading or a comment
  (``1.5 million…``, ``# …``, ``<!--``) or that starts with a backslash is
  escaped with a leading backslash.
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
    "title",
    "links",
)


def provision_records(document: Document) -> list[dict[str, Any]]:
    """One plain dict per provision, with :data:`PROVISION_FIELDS` keys.

    ``title`` is the document's own title (from the document: PDF cover or
    metadata, web page heading, Word properties, XML metadata), ``links`` the
    link targets taken out of the provision's text (GOV.UK prints).
    """
    return [
        {
            **{k: getattr(p, k) for k in PROVISION_FIELDS[:-2]},
            "title": document.title,
            "links": list(p.links),
        }
        for p in document.provisions
    ]


def to_text(document: Document) -> str:
    """The document as plain-text blocks that read back in (see the module docstring)."""
    from textmine.extract.plaintext import EXPORT_MARKER
    from textmine.extract.refs import lead_for, split_lead

    lines = [EXPORT_MARKER, ""]
    if document.title:
        lines += [f"# {_one_line(document.title)}", ""]
    shown: list[str | None] = [None, None, None]
    for p in document.provisions:
        for index, value in enumerate((p.part, p.chapter, p.heading)):
            value = _one_line(value) if value else None
            if value != shown[index]:
                marks = "#" * (index + 2)
                lines += [f"{marks} {value}" if value else marks, ""]
                shown[index] = value
        body = _one_line(p.text)
        if p.ref:
            block = f"{lead_for(p.ref)} {body}"
        elif body.startswith(("\\", "#", "<!--")) or split_lead(body)[0] is not None:
            block = "\\" + body
        else:
            block = body
        lines += [block, ""]
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


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
            for record in provision_records(document):
                writer.writerow({**record, "links": " ".join(record["links"])})
    elif fmt == "text":
        handle.write("\n".join(to_text(d) for d in documents))
    else:
        raise ValueError(f"unknown format {fmt!r}")
