"""Read a legislation.gov.uk page (a section, a Part, a whole Act or SI) into provisions.

The site renders CLML into XHTML whose classes name the structure
(``Leg`` + element): the numbers of sections and regulations are
``LegP1No`` spans, subsections ``LegP2No``, paragraphs ``LegP3No``,
sub-paragraphs ``LegP4No`` (``LegSP..`` in Schedules, ``LegP2P3No`` where two
numbers share a line, an ``Amend`` suffix inside quoted amendments); headings
are ``LegP1GroupTitle`` (a section's own heading), ``LegPblockTitle``
(cross-headings), ``LegPartNo``/``LegPartTitle``, ``LegChapterNo``/
``LegChapterTitle`` and ``LegScheduleNo``/``LegScheduleTitle``. The reader
takes refs from those numbers, never from the words, so ``s.19``,
``s.19(2)(a)``, ``reg.6(2)``, ``art.3(1)``, ``Sch 2 para 3(1)(a)`` come out as
the PDF and XML readers write them, with the same ``unit`` (the subsection)
and the same ``Part 2 — Title`` / ``Chapter 1 — Title`` labels.

Left out of the text, as in a revised PDF print: the annotations
(``LegAnnotations``, ``LegCommentary*``: F-notes, commencement and extent
notes), inline note markers (``LegCommentaryLink``), the square brackets of
amendments (``LegChangeDelimiter``), extent labels (``LegExtentRestriction``,
``E+W``), footnotes and margin notes, and ``Prospective`` markers; each is in
``Document.removed`` with its reason. Text quoted by an amending provision
(classes with ``Amend``) stays in the quoting provision, numbers and all; the
words after a list (closing words) are a provision with the subsection's ref,
as the PDF reader makes them. The page around the legislation (site header,
breadcrumbs, tools, footer) is not read: only ``#viewLegContents`` (else the
``LegSnippet`` blocks).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from textmine.extract.document import Provision, Removed
from textmine.extract.html_source import INLINE_TAGS, classes, text_of
from textmine.extract.labels import split_glued_labels

__all__ = ["is_legislation", "read_legislation"]

_NUMBER = re.compile(r"LegS?P(\d)(?:P(\d))?(?:P(\d))?No")
_SKIP_PREFIXES = (
    "LegCommentaryLink",
    "LegAnnotation",
    "LegCommentary",
    "LegChangeDelimiter",
    "LegExtentRestriction",
    "LegFootnote",
    "LegMarginNote",
    "LegTitle",
    "LegNo",
    "LegDateOfEnactment",
    "LegScheduleReference",
    "LegArrow",
)
_REASONS = {
    "LegCommentaryLink": "note marker",
    "LegAnnotation": "note block",
    "LegCommentary": "note block",
    "LegChangeDelimiter": "amendment bracket",
    "LegExtentRestriction": "extent",
    "LegFootnote": "footnote",
    "LegMarginNote": "note block",
}
_TITLES = ("LegP1GroupTitle", "LegSP1GroupTitle", "LegPblockTitle", "LegPsubBlockTitle")
_DIVISION_NO = {"LegPartNo": "part", "LegChapterNo": "chapter", "LegScheduleNo": "schedule"}
_DIVISION_TITLE = {
    "LegPartTitle": "part",
    "LegChapterTitle": "chapter",
    "LegScheduleTitle": "schedule",
}
_PROSPECTIVE = re.compile(r"prospective", re.I)
_LEADING_LABEL = re.compile(r"^[—–-]?\s*\((?P<label>\d{1,3}[A-Z]{0,2}|[a-z]{1,4}|[A-Z]{1,2})\)\s*")
_ID_PREFIX = {"section": "s.", "regulation": "reg.", "article": "art.", "rule": "r."}
_KIND_OF_ID = {"section": "act", "regulation": "si", "article": "si", "rule": "si"}
_LINE_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dt", "dd"})
_SITE_SUFFIX = re.compile(r"\s+[-–|]\s+legislation\.gov\.uk\s*$", re.I)
_BODY_IDS = ("viewLegContents", "viewLegSnippet")


def is_legislation(root: etree._Element) -> bool:
    """Whether the page is legislation.gov.uk's rendering of legislation."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.get("id") in _BODY_IDS:
            return True
        found = classes(element)
        if "LegSnippet" in found or any(_NUMBER.fullmatch(c) for c in found):
            return True
    return False


def _skipped(element: etree._Element) -> str | None:
    """The reason ``element`` is not body text (a note, marker, bracket ...), or ``None``."""
    for name in classes(element):
        if name.startswith(_SKIP_PREFIXES):
            return next((r for p, r in _REASONS.items() if name.startswith(p)), "heading")
    return None


def _number_level(element: etree._Element) -> int | None:
    for name in classes(element):
        match = _NUMBER.match(name)
        if match:
            return int(next(g for g in reversed(match.groups()) if g))
    return None


def _amending(element: etree._Element) -> bool:
    return any(
        "Amend" in name for node in (element, *element.iterancestors()) for name in classes(node)
    )


@dataclass
class _Line:
    """One block of the page: its numbers (level, label), title pieces and remaining words."""

    element: etree._Element
    numbers: list[tuple[int, str]] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    text: str = ""
    amend: bool = False


def _line(element: etree._Element, removed: list[Removed]) -> _Line:
    line = _Line(element, amend=_amending(element))
    pieces: list[str] = []

    def visit(node: etree._Element) -> None:
        if node is not element:
            reason = _skipped(node)
            if reason is not None:
                words = text_of(node)
                if words and reason not in ("heading", "amendment bracket"):
                    removed.append(Removed(None, words, reason))
                if node.tail:
                    pieces.append(node.tail)
                return
            level = _number_level(node)
            if level is not None and not line.amend:
                line.numbers.append((level, text_of(node)))
                pieces.append(" ")
                if node.tail:
                    pieces.append(node.tail)
                return
            kind = _title_kind(node)
            if kind is not None and not line.amend:
                line.titles[kind] = text_of(node)
                pieces.append(" ")
                if node.tail:
                    pieces.append(node.tail)
                return
        if node.tag not in INLINE_TAGS:
            pieces.append(" ")
        if node.text:
            pieces.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                visit(child)
            elif child.tail:
                pieces.append(child.tail)
        if node is not element and node.tail:
            pieces.append(node.tail)

    visit(element)
    own = _title_kind(element)
    if own is not None and not line.titles:
        line.titles[own] = " ".join("".join(pieces).split())
        pieces = []
    line.text = " ".join("".join(pieces).split())
    return line


def _title_kind(element: etree._Element) -> str | None:
    for name in classes(element):
        if name.startswith(_TITLES):
            return "pblock" if name.startswith(("LegPblock", "LegPsubBlock")) else "group"
        for prefix, kind in _DIVISION_NO.items():
            if name.startswith(prefix):
                return f"{kind}_no"
        for prefix, kind in _DIVISION_TITLE.items():
            if name.startswith(prefix):
                return f"{kind}_title"
    return None


def _lines(element: etree._Element, removed: list[Removed]) -> Iterator[_Line]:
    """The line elements of ``element`` in reading order (notes and markers set aside)."""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        reason = _skipped(child)
        if reason is not None:
            words = text_of(child)
            if words and reason not in ("heading", "amendment bracket"):
                removed.append(Removed(None, words, reason))
            continue
        holds_lines = any(
            isinstance(c.tag, str) and (c.tag in _LINE_TAGS or c.tag in ("div", "section"))
            for c in child.iter()
            if c is not child
        )
        if child.tag in _LINE_TAGS or not holds_lines:
            if child.tag in INLINE_TAGS and not text_of(child):
                continue
            yield _line(child, removed)
        else:
            yield from _lines(child, removed)


def _body(root: etree._Element) -> list[etree._Element]:
    for ident in _BODY_IDS:
        found = root.xpath(f"//*[@id='{ident}']")
        if found:
            return [found[0]]
    snippets = [e for e in root.iter() if isinstance(e.tag, str) and "LegSnippet" in classes(e)]
    outer = [s for s in snippets if not any(a in snippets for a in s.iterancestors())]
    return outer or [root]


def _detect_kind(root: etree._Element, title: str | None) -> tuple[str, str | None]:
    """The document kind and the id prefix of its provisions (``section``, ``regulation`` ...)."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        ident = element.get("id") or ""
        head = ident.split("-", 1)[0]
        if head in _KIND_OF_ID and _number_level(element) == 1:
            return _KIND_OF_ID[head], head
    text = title or ""
    if re.search(r"\b(?:Regulations|Order|Rules)\b", text):
        return "si", None
    if re.search(r"\bBill\b", text):
        return "bill", None
    return "act", None


def _title(root: etree._Element) -> str | None:
    for element in root.iter("h1"):
        if "pageTitle" in classes(element) or element.get("id") == "pageTitle":
            text = text_of(element)
            if text:
                return text
    for element in root.iter():
        if isinstance(element.tag, str) and "LegTitle" in classes(element):
            text = text_of(element)
            if text:
                return text
    title = root.findtext(".//title")
    if title and title.strip():
        return _SITE_SUFFIX.sub("", " ".join(title.split())) or None
    return None


def _clean_label(text: str) -> str:
    return text.strip().strip("—–-").strip().strip(".").strip("()").strip()


class _Reader:
    def __init__(self, kind: str, id_head: str | None) -> None:
        self.kind = kind
        self.prefix = _ID_PREFIX.get(id_head or "", {"si": "reg.", "bill": "cl."}.get(kind, "s."))
        self.part: str | None = None
        self.chapter: str | None = None
        self.schedule: str | None = None
        self.pending_division: str | None = None
        self.cross: str | None = None
        self.group: str | None = None
        self.top: str | None = None
        self.top_heading: str | None = None
        self.labels: dict[int, str] = {}
        self.current: dict[str, Any] | None = None
        self.out: list[Provision] = []
        self.removed: list[Removed] = []
        self.cross_headings: list[dict[str, Any]] = []
        self.schedules: dict[str, dict[str, str | None]] = {}

    # -- refs ----------------------------------------------------------------
    def ref(self, depth: int | None = None) -> str | None:
        if self.top is None:
            return None
        if self.schedule is not None:
            base = (
                f"Sch {self.schedule} para {self.top}" if self.schedule else f"Sch para {self.top}"
            )
        else:
            base = f"{self.prefix}{self.top}"
        levels = sorted(k for k in self.labels if depth is None or k <= depth)
        return base + "".join(f"({self.labels[k]})" for k in levels)

    def unit(self) -> str | None:
        return self.ref(depth=2)

    # -- lines -----------------------------------------------------------------
    def feed(self, line: _Line) -> None:
        if self._division(line):
            return
        if line.amend:
            if line.text:
                self._append(line.text)
            return
        if "pblock" in line.titles:
            self._close()
            self.cross = line.titles["pblock"]
            if self.schedule is None and self.kind != "si":
                self.cross_headings.append({"text": self.cross, "page": None, "before": None})
            else:
                self.group = self.cross
        if "group" in line.titles:
            self.group = line.titles["group"]
        numbers = list(line.numbers)
        text = line.text
        if not numbers and text and self.top is not None:
            match = _LEADING_LABEL.match(text)
            level = self._label_level(line.element, match["label"]) if match else None
            if match and level is not None:
                numbers.append((level, match["label"]))
                text = text[match.end() :]
        if numbers:
            for level, label in numbers:
                self._number(level, _clean_label(label))
            # "2.—(1) The ..." in one line: the subsection number is plain text.
            match = _LEADING_LABEL.match(text)
            if match and match["label"][0].isdigit() and numbers[-1][0] == 1:
                self._number(2, match["label"])
                text = text[match.end() :]
            if text:
                self._open()
                self._append(text)
            return
        if not text:
            return
        if _PROSPECTIVE.fullmatch(text):
            self.removed.append(Removed(None, text, "prospective marker"))
            return
        if self.top is None:
            self._close()
            self.current = {"ref": None, "unit": None, "heading": None, "texts": [text]}
            return
        if any(level >= 3 for level in self.labels):
            # closing words after a list: the subsection's (or the section's) own words
            self.labels = {k: v for k, v in self.labels.items() if k <= 2}
            self._open()
        elif self.current is None:
            self._open()
        self._append(text)

    def _label_level(self, element: etree._Element, label: str) -> int | None:
        """The level of a label printed as text (no number span), from the line's class."""
        for name in classes(element):
            match = re.match(r"LegS?P(\d)(?:ParaText|Text|Container)", name)
            if match:
                return int(match[1])
        if label[0].isdigit():
            return 2
        return None

    def _division(self, line: _Line) -> bool:
        titles = line.titles
        kinds = [k[:-3] for k in titles if k.endswith("_no")]
        if kinds:
            kind = kinds[0]
            number = re.sub(r"^(?:PART|CHAPTER|SCHEDULE)\s*", "", titles[f"{kind}_no"], flags=re.I)
            self._close()
            title = titles.get(f"{kind}_title")
            self._start_division(kind, number.strip(), title)
            self.pending_division = None if title else kind
            return True
        named = [k[:-6] for k in titles if k.endswith("_title")]
        if named and self.pending_division in named:
            kind = self.pending_division
            self._set_division_title(kind, titles[f"{kind}_title"])
            self.pending_division = None
            return True
        return False

    def _start_division(self, kind: str, number: str, title: str | None) -> None:
        if kind == "part":
            self.part, self.chapter = f"Part {number}", None
        elif kind == "chapter":
            self.chapter = f"Chapter {number}"
        else:
            self.schedule, self.part, self.chapter = number, None, None
            self.top, self.labels, self.group, self.cross = None, {}, None, None
            self.schedules[f"Sch {number}" if number else "Sch"] = {"title": None, "side_ref": None}
        if title:
            self._set_division_title(kind, title)

    def _set_division_title(self, kind: str, title: str) -> None:
        if kind == "part" and self.part:
            self.part = f"{self.part} — {title}"
        elif kind == "chapter" and self.chapter:
            self.chapter = f"{self.chapter} — {title}"
        elif kind == "schedule" and self.schedule is not None:
            key = f"Sch {self.schedule}" if self.schedule else "Sch"
            self.schedules[key]["title"] = title

    def _number(self, level: int, label: str) -> None:
        self._close()
        if level == 1:
            self.top = label
            self.labels = {}
            self.top_heading = self.group
            if self.kind != "si" and self.schedule is None:
                self.group = None
            return
        self.labels = {k: v for k, v in self.labels.items() if k < level}
        self.labels[level] = label

    def _open(self) -> None:
        self._close()
        self.current = {
            "ref": self.ref(),
            "unit": self.unit(),
            "heading": self.top_heading,
            "texts": [],
        }

    def _append(self, text: str) -> None:
        if self.current is None:
            self._open()
        assert self.current is not None
        self.current["texts"].append(text)

    def _close(self) -> None:
        current, self.current = self.current, None
        if current is None or not current["texts"]:
            return
        text = split_glued_labels(" ".join(current["texts"]))
        if re.fullmatch(r"[.\s…]+", text):
            self.removed.append(Removed(None, text, "omitted provision"))
            return
        if current["ref"] and self.cross_headings and self.cross_headings[-1]["before"] is None:
            self.cross_headings[-1]["before"] = current["ref"]
        self.out.append(
            Provision(
                doc="",
                kind=self.kind,
                ref=current["ref"],
                text=text,
                heading=current["heading"],
                part=self.part if current["ref"] else None,
                chapter=self.chapter if current["ref"] else None,
                unit=current["unit"],
            )
        )


def read_legislation(
    root: etree._Element,
) -> tuple[list[Provision], list[Removed], dict[str, Any], str, str | None]:
    """Provisions, removed blocks, meta, kind and title of a legislation.gov.uk page."""
    title = _title(root)
    kind, id_head = _detect_kind(root, title)
    reader = _Reader(kind, id_head)
    for body in _body(root):
        for line in _lines(body, reader.removed):
            reader.feed(line)
    reader._close()
    removed = [*reader.removed]
    meta: dict[str, Any] = {
        "publisher": "legislation.gov.uk",
        "cross_headings": reader.cross_headings,
        "schedules": reader.schedules,
    }
    return reader.out, removed, meta, kind, title
