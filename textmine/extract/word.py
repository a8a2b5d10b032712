"""Read a Word document (``.docx``) into a :class:`Document`: drafts with tracked changes.

The package is checked first (:mod:`~textmine.extract.word_package`: not a
zip, zip bombs, entity declarations; external relationships never followed),
then read with python-docx, body element by body element in reading order:

* **Headings** come from paragraph styles: ``Title`` is the document title
  (unless the core properties give one), ``Heading 1`` sets ``chapter`` and
  ``heading``, ``Heading 2``..``Heading 9`` set ``heading`` (a style based on
  a heading style, or with an outline level, counts as that heading);
* **Numbers** come from Word's automatic numbering
  (:mod:`~textmine.extract.word_numbering`): a paragraph numbered ``9.14`` has
  ref ``9.14``, its list items ``(a)``, ``(b)`` have refs ``9.14(a)``,
  ``9.14(b)`` and unit ``9.14``. A number typed into the text (``9.14 The
  ...``) is read as the plain-text reader reads it. In a document detected as
  an Act, Bill or SI, refs take the prefix (``s.1(2)(a)``);
* bulleted paragraphs and unnumbered paragraphs after a numbered one continue
  that provision, each on a new line (as in the guidance PDF reader);
* **tables** are one provision each, one line per cell;
* **footnotes** and endnotes are kept out of the body (in
  ``Document.removed``); **comments** are not read at all;
* **tracked changes**: ``revision="final"`` (the default: insertions kept,
  deletions dropped) or ``"original"`` (the reverse). Each provision's tracked
  changes (kind, author, date, words) are in ``Document.meta["revisions"]``,
  keyed by the provision's position, for ``textmine diff DRAFT.docx``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textmine.errors import InputError
from textmine.extract.detect import detect_kind
from textmine.extract.document import Document, Provision, Removed, build_document
from textmine.extract.labels import split_glued_labels
from textmine.extract.legislation_refs import TOP_PREFIX
from textmine.extract.refs import split_lead, unit_of
from textmine.extract.word_numbering import Numbering, ref_of
from textmine.extract.word_package import open_docx
from textmine.extract.word_revisions import (
    REVISIONS,
    TrackedChange,
    W,
    paragraph_text,
    tracked_changes,
)
from textmine.settings import Settings

__all__ = ["read"]

log = logging.getLogger(__name__)

_HEADING_STYLE = re.compile(r"heading\s*([1-9])", re.I)
_TITLE_STYLE = re.compile(r"^(?:title)$", re.I)
_FOOTNOTE_TYPES = ("footnotes", "endnotes")


@dataclass
class _Open:
    ref: str | None
    unit: str | None
    heading: str | None
    chapter: str | None
    lines: list[str] = field(default_factory=list)
    changes: list[TrackedChange] = field(default_factory=list)


class _Styles:
    """Paragraph style facts: name, heading level, numbering, by style id."""

    def __init__(self, styles: Any) -> None:
        self._by_id: dict[str, Any] = {}
        self.default: str | None = None
        if styles is None:
            return
        for style in styles.iter(f"{W}style"):
            if style.get(f"{W}type") != "paragraph":
                continue
            ident = style.get(f"{W}styleId") or ""
            self._by_id[ident] = style
            if style.get(f"{W}default") in ("1", "true"):
                self.default = ident

    def _chain(self, ident: str | None) -> list[Any]:
        chain, seen = [], set()
        ident = ident or self.default
        while ident and ident in self._by_id and ident not in seen:
            seen.add(ident)
            style = self._by_id[ident]
            chain.append(style)
            based = style.find(f"{W}basedOn")
            ident = based.get(f"{W}val") if based is not None else None
        return chain

    def heading_level(self, ident: str | None) -> int | None:
        """1..9 for a heading style (by name, base style or outline level), 0 for Title."""
        for style in self._chain(ident):
            name_el = style.find(f"{W}name")
            name = name_el.get(f"{W}val") if name_el is not None else ""
            if _TITLE_STYLE.match(name or ""):
                return 0
            match = _HEADING_STYLE.fullmatch((name or "").strip())
            if match:
                return int(match[1])
            outline = style.find(f"{W}pPr/{W}outlineLvl")
            if outline is not None and (outline.get(f"{W}val") or "").isdigit():
                level = int(outline.get(f"{W}val") or 9) + 1
                if level <= 9:
                    return level
        return None

    def numbering(self, ident: str | None) -> tuple[str, int] | None:
        """The (numId, ilvl) a style gives its paragraphs, if any."""
        for style in self._chain(ident):
            num = style.find(f"{W}pPr/{W}numPr")
            if num is not None:
                num_id = num.find(f"{W}numId")
                ilvl = num.find(f"{W}ilvl")
                if num_id is not None:
                    return num_id.get(f"{W}val") or "0", int(
                        ilvl.get(f"{W}val") if ilvl is not None else 0
                    )
        return None


def read(path: Path, *, kind: str | None = None, settings: Settings | None = None) -> Document:
    """Read the Word document ``path`` (see the module docstring)."""
    settings = settings or Settings()
    revision = settings.revision
    if revision not in REVISIONS:
        raise InputError(path, f"unknown revision {revision!r} (expected final or original)")
    path = Path(path)
    document = open_docx(path)
    reader = _Reader(document, revision, kind)
    reader.run()
    title = (document.core_properties.title or "").strip() or reader.title
    provisions = reader.out
    revisions = {
        str(index): [c.to_dict() for c in changes]
        for index, changes in enumerate(reader.changes)
        if changes
    }
    log.info("%s: %d provisions read from Word (%s)", path, len(provisions), revision)
    return build_document(
        doc=path.stem,
        kind=reader.kind,
        path=path,
        provisions=provisions,
        title=title or None,
        removed=tuple(reader.removed + _notes(document)),
        meta={"revision": revision, "revisions": revisions, "publisher": None},
    )


class _Reader:
    def __init__(self, document: Any, revision: str, kind: str | None) -> None:
        self.document = document
        self.revision = revision
        self.body = document.element.body
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        self.numbering = Numbering(numbering)
        try:
            styles = document.styles.element
        except (KeyError, AttributeError):
            styles = None
        self.styles = _Styles(styles)
        self.kind = kind or self._detect()
        self.title: str | None = None
        self.chapter: str | None = None
        self.heading: str | None = None
        self.current: _Open | None = None
        self.out: list[Provision] = []
        self.changes: list[list[TrackedChange]] = []
        self.removed: list[Removed] = []

    def _detect(self) -> str:
        texts = [paragraph_text(p, self.revision) for p in self._paragraphs()][:120]
        found = detect_kind(["\n".join(texts)])
        return found if found in ("act", "bill", "si") else "guidance"

    def _paragraphs(self) -> list[Any]:
        return list(self.body.iter(f"{W}p"))

    def run(self) -> None:
        for element in self._blocks(self.body):
            if element.tag == f"{W}tbl":
                self._table(element)
            else:
                self._paragraph(element)
        self._close()

    def _blocks(self, container: Any) -> list[Any]:
        """Paragraphs and tables in reading order, looking through content controls."""
        out: list[Any] = []
        for child in container:
            tag = child.tag
            if tag in (f"{W}p", f"{W}tbl"):
                out.append(child)
            elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo"):
                out.extend(self._blocks(child))
        return out

    # -- paragraphs ---------------------------------------------------------
    def _paragraph(self, p: Any) -> None:
        text = split_glued_labels(paragraph_text(p, self.revision))
        changes = tracked_changes(p)
        style = p.find(f"{W}pPr/{W}pStyle")
        style_id = style.get(f"{W}val") if style is not None else None
        numbered = self._number(p, style_id)
        if not text:
            return
        level = self.styles.heading_level(style_id)
        if level is not None:
            label = numbered[1] if numbered else ""
            self._heading(level, f"{label} {text}".strip() if label else text)
            return
        if numbered is not None:
            ref, label, is_list = numbered
            if ref is not None and not is_list:
                self._open(ref, [text], changes)
                return
            self._add(text, changes)
            return
        lead, rest = split_lead(text)
        if lead is not None and re.match(r"\d", lead):
            self._open(self._prefixed(lead), [rest], changes)
            return
        if self.current is not None and self.current.ref is not None:
            self._add(text, changes)
            return
        self._open(None, [text], changes)

    def _number(self, p: Any, style_id: str | None) -> tuple[str | None, str, bool] | None:
        """(ref, label, is a bullet) of a numbered paragraph, or ``None``."""
        num = p.find(f"{W}pPr/{W}numPr")
        found: tuple[str, int] | None = None
        if num is not None:
            num_id = num.find(f"{W}numId")
            ilvl = num.find(f"{W}ilvl")
            if num_id is not None:
                found = (
                    num_id.get(f"{W}val") or "0",
                    int(ilvl.get(f"{W}val") if ilvl is not None else 0),
                )
        if found is None:
            found = self.styles.numbering(style_id)
        if found is None:
            return None
        steps = self.numbering.step(*found)
        if not steps:
            return None
        own_level, label = steps[-1]
        if own_level.fmt in ("bullet", "none"):
            return None, label, True
        ref = ref_of(steps)
        return (self._prefixed(ref) if ref else None), label, False

    def _prefixed(self, ref: str) -> str:
        prefix = TOP_PREFIX.get(self.kind)
        if prefix and ref[:1].isdigit() and "." not in ref.split("(", 1)[0]:
            return prefix + ref
        return ref

    def _heading(self, level: int, text: str) -> None:
        self._close()
        if level == 0:
            self.title = self.title or text
            return
        if level == 1:
            self.chapter = text
        self.heading = text

    # -- tables ---------------------------------------------------------------
    def _table(self, table: Any) -> None:
        self._close()
        lines: list[str] = []
        changes: list[TrackedChange] = []
        for cell in table.iter(f"{W}tc"):
            words = [
                split_glued_labels(paragraph_text(p, self.revision))
                for p in cell.iter(f"{W}p")
                if not any(a.tag == f"{W}tbl" and a is not table for a in p.iterancestors())
            ]
            line = " ".join(w for w in words if w)
            if line:
                lines.append(line)
            for p in cell.iter(f"{W}p"):
                changes.extend(tracked_changes(p))
        if lines:
            self._open(None, lines, changes)
            self._close()

    # -- provisions -------------------------------------------------------------
    def _unit(self, ref: str | None) -> str | None:
        if ref is None:
            return None
        if self.kind in TOP_PREFIX:
            return unit_of(ref)
        return ref.split("(", 1)[0] or ref

    def _open(self, ref: str | None, lines: list[str], changes: list[TrackedChange]) -> None:
        self._close()
        self.current = _Open(ref, self._unit(ref), self.heading, self.chapter, lines, changes)

    def _add(self, text: str, changes: list[TrackedChange]) -> None:
        if self.current is None:
            self._open(None, [text], changes)
            return
        self.current.lines.append(text)
        self.current.changes.extend(changes)

    def _close(self) -> None:
        current, self.current = self.current, None
        if current is None:
            return
        text = "\n".join(line for line in current.lines if line.strip())
        if not text:
            return
        self.out.append(
            Provision(
                doc="",
                kind=self.kind,
                ref=current.ref,
                text=text,
                heading=current.heading,
                chapter=current.chapter,
                unit=current.unit,
            )
        )
        self.changes.append(current.changes)


def _notes(document: Any) -> list[Removed]:
    """Footnotes and endnotes, kept out of the body (separators left out)."""
    import defusedxml.ElementTree as safe_et

    out: list[Removed] = []
    for rel in document.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind not in _FOOTNOTE_TYPES or rel.is_external:
            continue
        root = safe_et.fromstring(rel.target_part.blob, forbid_dtd=True)
        for note in root:
            if note.get(f"{W}type") in ("separator", "continuationSeparator"):
                continue
            words = " ".join(paragraph_text(p) for p in note.iter(f"{W}p")).strip()
            if words:
                out.append(Removed(None, words, kind[:-1]))
    return out
