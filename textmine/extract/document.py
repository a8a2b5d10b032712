"""Typed records produced by every reader: :class:`Document` and :class:`Provision`.

A document's *clean text* is its provisions' texts joined by a blank line
(``"\\n\\n"``); ``Provision.start``/``end`` are offsets into that string, so
``doc.text[p.start:p.end] == p.text`` always holds. Readers never compute
offsets themselves: they hand :func:`build_document` provisions without
offsets.

Provisions are the smallest numbered units, in document order and never
overlapping: ``s.27(3)`` holds a subsection's lead-in words (``The local
authority must—``) and ``s.27(3)(a)``, ``s.27(3)(b)`` its paragraphs.
``unit`` names the sentence-bearing unit a provision belongs to (here
``s.27(3)``): the tagger joins the provisions of one unit before parsing, so a
sentence that runs through a list keeps its subject and modal.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

Kind = Literal["act", "bill", "si", "guidance", "text"]
KINDS: tuple[str, ...] = ("act", "bill", "si", "guidance", "text")
SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Provision:
    """One numbered unit of a document (or one unnumbered block)."""

    doc: str
    kind: str
    ref: str | None
    text: str
    page: int | None = None
    heading: str | None = None
    part: str | None = None
    chapter: str | None = None
    unit: str | None = None
    start: int = 0
    end: int = 0
    #: Link targets printed in the source text and taken out of it (GOV.UK prints).
    links: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Removed:
    """Text a reader kept out of the body, with the reason (for inspection)."""

    page: int | None
    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Document:
    """A read document: its provisions in order, and what was set aside."""

    doc: str
    kind: str
    path: Path | None
    provisions: tuple[Provision, ...]
    title: str | None = None
    pages: int | None = None
    sha256: str | None = None
    removed: tuple[Removed, ...] = ()
    failed_pages: tuple[int, ...] = ()
    #: Where the official text lives, when known (used by reports).
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def text(self) -> str:
        """The clean text: provisions joined by a blank line."""
        return SEPARATOR.join(p.text for p in self.provisions)

    def __iter__(self) -> Iterator[Provision]:
        return iter(self.provisions)

    def __len__(self) -> int:
        return len(self.provisions)

    def by_ref(self, ref: str) -> Provision | None:
        """The first provision with ``ref``, or ``None``."""
        return next((p for p in self.provisions if p.ref == ref), None)

    def refs(self) -> list[str | None]:
        return [p.ref for p in self.provisions]


def build_document(
    *,
    doc: str,
    kind: str,
    path: Path | None,
    provisions: Iterable[Provision],
    **fields: Any,
) -> Document:
    """Assemble a :class:`Document`, setting ``doc``, ``kind``, ``unit`` and offsets.

    Provisions with empty text (after stripping) are dropped; a provision
    without ``unit`` gets its own ``ref`` (or a block id) as unit; heading,
    part and chapter labels are whitespace-normalised, blank ones become
    ``None``.
    """
    placed: list[Provision] = []
    offset = 0
    for index, prov in enumerate(provisions):
        text = prov.text.strip()
        if not text:
            continue
        if placed:
            offset += len(SEPARATOR)
        unit = prov.unit or prov.ref or f"#{index + 1}"
        placed.append(
            replace(
                prov,
                doc=doc,
                kind=kind,
                text=text,
                unit=unit,
                heading=_label(prov.heading),
                part=_label(prov.part),
                chapter=_label(prov.chapter),
                start=offset,
                end=offset + len(text),
            )
        )
        offset += len(text)
    return Document(doc=doc, kind=kind, path=path, provisions=tuple(placed), **fields)


def _label(value: str | None) -> str | None:
    """A heading-like label with whitespace collapsed; blank labels are ``None``."""
    if value is None:
        return None
    return " ".join(value.split()) or None
