"""The words of a Word paragraph in one revision, and the tracked changes in it.

Word records a tracked change in the paragraph itself: inserted runs sit in
``w:ins`` (and ``w:moveTo``), deleted runs in ``w:del`` (and ``w:moveFrom``)
with their words in ``w:delText``; each change carries ``w:author`` and
``w:date``. :func:`paragraph_text` reads a paragraph (any ``w:p`` element) as
it reads in the ``final`` revision (insertions kept, deletions dropped: what
Word shows with "No Markup") or the ``original`` one (the reverse), and
:func:`tracked_changes` lists its changes.

Only the words of runs are read: ``w:t`` (and ``w:delText`` in the original),
tabs and breaks as spaces, non-breaking hyphens as ``-``. Field codes
(``w:instrText``), comment marks and anchors (the comments themselves live in
another part, never read), footnote and endnote references, drawings and
embedded objects give no words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["REVISIONS", "TrackedChange", "W", "paragraph_text", "tracked_changes"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: The revisions a Word document can be read in.
REVISIONS = ("final", "original")
_INSERTED = frozenset({f"{W}ins", f"{W}moveTo"})
_DELETED = frozenset({f"{W}del", f"{W}moveFrom"})
#: Elements whose content is never body text.
_SILENT = frozenset(
    {
        f"{W}instrText",
        f"{W}delInstrText",
        f"{W}footnoteReference",
        f"{W}endnoteReference",
        f"{W}commentReference",
        f"{W}annotationRef",
        f"{W}drawing",
        f"{W}pict",
        f"{W}object",
        f"{W}rPr",
        f"{W}pPr",
        f"{W}fldData",
        f"{W}txbxContent",
    }
)
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class TrackedChange:
    """One tracked change: inserted or deleted words, who made it and when."""

    kind: str  # "insertion" or "deletion"
    author: str | None
    date: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "author": self.author, "date": self.date, "text": self.text}


def paragraph_text(paragraph: Any, revision: str = "final") -> str:
    """The words of ``paragraph`` (a ``w:p`` element) as they read in ``revision``."""
    if revision not in REVISIONS:
        raise ValueError(f"revision must be one of {', '.join(REVISIONS)}, not {revision!r}")
    pieces: list[str] = []
    _collect(paragraph, revision, pieces, hidden=False)
    return _SPACES.sub(" ", "".join(pieces)).strip()


def _collect(element: Any, revision: str, pieces: list[str], *, hidden: bool) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SILENT:
            continue
        if tag in _INSERTED:
            _collect(child, revision, pieces, hidden=hidden or revision == "original")
        elif tag in _DELETED:
            _collect(child, revision, pieces, hidden=hidden or revision == "final")
        elif tag == f"{W}t" or tag == f"{W}delText":
            if not hidden and child.text:
                pieces.append(child.text)
        elif tag in (f"{W}tab", f"{W}br", f"{W}cr", f"{W}ptab"):
            if not hidden:
                pieces.append(" ")
        elif tag == f"{W}noBreakHyphen":
            if not hidden:
                pieces.append("-")
        elif tag == f"{W}sym":
            continue
        else:
            _collect(child, revision, pieces, hidden=hidden)


def tracked_changes(paragraph: Any) -> list[TrackedChange]:
    """The insertions and deletions recorded in ``paragraph``, in reading order."""
    out: list[TrackedChange] = []
    for element in paragraph.iter(*_INSERTED, *_DELETED):
        if any(parent.tag in _INSERTED | _DELETED for parent in element.iterancestors()):
            continue  # a change inside a change: the outer one is reported
        inserted = element.tag in _INSERTED
        pieces: list[str] = []
        _collect(element, "final" if inserted else "original", pieces, hidden=False)
        text = _SPACES.sub(" ", "".join(pieces)).strip()
        if not text:
            continue
        out.append(
            TrackedChange(
                kind="insertion" if inserted else "deletion",
                author=element.get(f"{W}author") or None,
                date=element.get(f"{W}date") or None,
                text=text,
            )
        )
    return out
