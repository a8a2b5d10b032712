"""Read plain-text and Markdown files (and PDFs forced to kind "text") into a Document.

The block rule of the tagging contract, exactly: blocks are separated by one or
more blank lines; a block whose first token is a paragraph number ``N.N`` or
``N.N.N`` (a trailing dot allowed) gets that number as its ref, and the number
is not part of the text; any other block has ref ``None`` unless textmine can
infer one. textmine's own inference:

* a block led by a ref in one of textmine's own forms (``s.27(3)(b)``,
  ``cl.12(3)``, ``reg.6(2)``, ``art.3(1)``, ``Sch 2 para 3``, ``para 123``,
  ``[ref: X]``; see :mod:`textmine.extract.refs`) gets that ref: this is how
  ``textmine extract --format text`` output reads back in;
* Act-style text: a line ``23 Duty to keep provision under review`` followed
  by a line ``(1) …`` opens section 23 (its words become the heading; with
  ``kind`` act, bill or si any following text confirms it), then lines or
  blocks led by ``(1)``, ``(a)``, ``(i)`` get ``s.23(1)``, ``s.23(1)(a)``,
  ``s.23(1)(a)(i)`` (``cl.``/``reg.`` for kinds bill/si); ``6.—(1) …`` opens
  regulation-style units the same way. ``unit`` is the subsection;
* Markdown headings (``#`` … ``######``) are headings, not body: ``Part 3 …``
  sets ``part`` (and clears chapter and heading), ``Chapter 1 …`` sets
  ``chapter``, ``Schedule 2 …`` sets ``part``, anything else sets ``heading``;
  a level-1 heading before any body is the document title;
* Markdown emphasis, links, images, inline code and blockquote marks are
  stripped to their text; one-line HTML comments and rules (``---``) are
  dropped;
* a block starting with a backslash is literal: the backslash goes, nothing is
  inferred (the export escapes body text that would read as a ref or heading);
* a metadata header (MultiMarkdown style: a first block of ``Key: value``
  lines with a ``Title``) is not body: its title is the document's title, and
  a legislation.gov.uk identifier in it (``.../ukpga/2022/21``, ``.../uksi/...``)
  makes the kind ``act`` or ``si`` when none was given;
* a block holding nothing but an outline number labels the next block, as
  text exported from legislation data prints it (``1.4.a`` on a line of its
  own, then ``co-operate with ...``): in an Act or SI the number reads as
  ``s.1(4)(a)`` (``reg.`` for an SI), each dotted part one level down, so an
  inserted provision's number stays inside its host section (``5.52B.1`` is
  ``s.5(52B)(1)``), and a later block with no number of its own (the words
  closing a list, a definition) continues the unit of the last numbered one;
  in other text a dotted number is the ref as printed. A line of seven or
  more ``#`` marks (the heading of inserted text) is a heading. In an Act or
  SI a schedule opens with its title line and the line naming the section
  that introduces it (``Section 13``, ``(introduced by section 24)``); the
  export gives no schedule numbers, so they are counted, and outline numbers
  read as ``Sch 1 para 2(ia)``;
* invisible format characters (zero-width spaces and joiners, word joiners,
  byte-order marks) are dropped, and a word broken at a line-end hyphen
  (``co-`` then ``operate``) is joined without a space.

A file that starts with :data:`EXPORT_MARKER` is textmine's own export and is
read literally: no Markdown stripping and no Act-style inference, and heading
levels are fixed (``#`` title, ``##`` part, ``###`` chapter, ``####``
heading; an empty heading line clears the field), so that every provision's
ref, text, heading, part and chapter come back exactly.

Bytes become text by :func:`textmine.extract.decoding.decode` (UTF-8, UTF-16
with a BOM, else Windows-1252; binary content refused). Line ends may be
``\n``, ``\r\n`` or ``\r``, mixed.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textmine.extract.decoding import decode
from textmine.extract.document import Document, Provision, build_document
from textmine.extract.labels import split_glued_labels
from textmine.extract.legislation_refs import TOP_PREFIX, format_ref
from textmine.extract.refs import split_lead, unit_of
from textmine.settings import Settings
from textmine.text import ends_mid_phrase

if TYPE_CHECKING:
    from textmine.extract.pdf_source import PdfText

__all__ = ["EXPORT_MARKER", "decode", "from_pdf_text", "parse_text", "read"]

log = logging.getLogger(__name__)

#: First line of textmine's own ``text`` export.
EXPORT_MARKER = "<!-- textmine text export v1 -->"

_HEADING = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
#: A heading marked deeper than Markdown allows (inserted text in legislation exports).
_DEEP_HEADING = re.compile(r"^#{7,}[ \t]+(\S.*?)[ \t]*$")
_COMMENT = re.compile(r"^<!--.*-->$")
_RULE = re.compile(r"^(?:-[ \t]*){3,}$|^(?:\*[ \t]*){3,}$|^(?:_[ \t]*){3,}$")
_PART = re.compile(
    r"^part\s+(?:\d+[A-Z]*|[IVXLC]+|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I
)
_CHAPTER = re.compile(r"^chapter\s+(?:\d+[A-Z]*|[IVXLC]+|one|two|three|four|five|six)\b", re.I)
_SCHEDULE = re.compile(r"^(?:schedule\s+\d+[A-Z]*\b|(?:the\s+)?schedule$)", re.I)
#: A section's number and heading: ``19 Local authority functions``, also glued as the
#: legislation website prints it (``19Local authority functions``).
_SECTION = re.compile(
    r"^(?P<num>\d{1,4}[A-Z]{0,2})(?:[ \t]+|(?=[A-Z‘“'\"][a-z]))(?P<title>[A-Z‘“'\"][^\n]{1,150})$"
)
#: A subsection or paragraph marker opening a line: ``(4)``, ``(a)``.
_OPENS_DIVISION = re.compile(r"^\((?:\d{1,3}[A-Z]{0,2}|[a-z]{1,2})\)")
#: How many lines after a possible section heading are looked at to confirm it.
_LOOKAHEAD = 12
_SI_UNIT = re.compile(
    r"^(?P<num>\d{1,3}[A-Z]{0,2})\.[ \t]?—[ \t]*"
    r"(?:\((?P<sub>\d{1,3}[A-Z]{0,2})\)[ \t]*)?(?P<text>.*)$"
)
_MARKER = re.compile(r"^\((?P<label>\d{1,3}[A-Z]{0,2}|[a-z]{1,4}|[A-Z]{1,2})\)[ \t]*(?P<text>.*)$")
_ROMAN = re.compile(r"[ivxlc]+")
#: Line ends after which the next line is a new list step, and line-opening bullets.
_LEAD_ENDS = (":", ":-", "\u2014", "\u2013")
_STEP_ENDS = (":", ":-", "\u2014", "\u2013", ";", "; and", "; or", ";and", ";or")
_BULLET_LINE = re.compile(r"^[\u2022\u25cf\u25aa\u25e6\u2023*\u00b7\uf0a7\-\u2013][ \t]")
#: Every Markdown inline pattern below needs one of these characters.
_MD_CHARS = re.compile(r"[!\[<`*_~]")
_RESET = -1
#: Longest numbered heading line (in words) read as a heading rather than text.
_HEADING_WORDS = 14
#: The top-level ref prefix of each legislation kind (``s.``, ``cl.``, ``reg.``).
_PREFIX = TOP_PREFIX
#: A metadata header line (``Title: ...``, ``Identifier: http://...``).
_META = re.compile(r"^(?P<key>[A-Za-z][A-Za-z -]{0,30}):[ \t]+(?P<value>\S.*)$")
#: The document type in a legislation.gov.uk identifier, and the kind it means.
_LEGISLATION_ID = re.compile(
    r"legislation\.gov\.uk/(?:id/)?(?P<type>ukpga|asp|anaw|asc|nia|ukla|apni|mnia|"
    r"uksi|wsi|ssi|nisr|ukdsi|sdsi|nisi)/",
    re.IGNORECASE,
)
_SI_TYPES = frozenset({"uksi", "wsi", "ssi", "nisr", "ukdsi", "sdsi", "nisi"})
#: The heading over an export's schedules, and the line naming the section that
#: introduces a schedule (``Section 13``, ``Sections 4 and 5``).
_SCHEDULES = re.compile(r"^schedules?$", re.IGNORECASE)
_INTRODUCED_BY = re.compile(
    r"^\(?(?:(?:as\s+)?introduced\s+by\s+)?sections?\s+\d+[A-Z]*(?:\(\d+[A-Z]*\))*"
    r"(?:\s*(?:,|and|to)\s*\d+[A-Z]*(?:\(\d+[A-Z]*\))*)*\)?\.?$",
    re.IGNORECASE,
)
#: Invisible format characters that text exports leave inside words.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
#: A block that is only an outline number: ``1``, ``1.4``, ``1.4.a.ii``, ``5.52B.1``.
_OUTLINE = re.compile(r"^\d{1,4}[A-Z]{0,4}(?:\.[0-9A-Za-z]{1,12})*$")
_MD_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"), r"\1"),
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
)


def read(path: Path, *, kind: str | None = None, settings: Settings | None = None) -> Document:
    """Read the text or Markdown file ``path``; ``kind`` defaults to ``"text"``."""
    del settings  # no options apply yet; kept for the reader interface
    path = Path(path)
    text = decode(path.read_bytes(), path)
    reader = _Reader(kind=kind or "text", infer_kind=kind is None)
    reader.feed(None, text)
    return build_document(
        doc=path.stem, kind=reader.kind, path=path, provisions=reader.out, title=reader.title
    )


def from_pdf_text(pdftext: PdfText, *, settings: Settings | None = None) -> Document:
    """A PDF read as plain text: each page's text split into blocks, pages kept."""
    del settings
    sources = [(i + 1, t) for i, t in enumerate(pdftext.pages) if t is not None]
    provisions, _ = parse_text(sources, kind="text")
    return build_document(
        doc=pdftext.path.stem,
        kind="text",
        path=pdftext.path,
        provisions=provisions,
        pages=pdftext.page_count,
        failed_pages=pdftext.failed_pages,
    )


def parse_text(
    sources: Sequence[tuple[int | None, str]], *, kind: str = "text"
) -> tuple[list[Provision], str | None]:
    """Provisions (without offsets) and the title of texts given as ``(page, text)`` pairs."""
    reader = _Reader(kind=kind)
    for page, text in sources:
        reader.feed(page, text)
    return reader.out, reader.title


@dataclass
class _Item:
    page: int | None
    level: int  # 0 for a body block, 1..6 for a heading, _RESET for an export marker
    lines: list[str]


@dataclass
class _Segment:
    """Words of one Act-style unit within a block."""

    ref: str | None
    unit: str | None
    texts: list[str]


@dataclass
class _Reader:
    """The block reader's state: headings in force and the Act-style unit being read."""

    kind: str
    #: whether a metadata header may set the kind (the caller gave none)
    infer_kind: bool = False
    out: list[Provision] = field(default_factory=list)
    title: str | None = None
    part: str | None = None
    chapter: str | None = None
    heading: str | None = None
    export: bool = False
    base: str | None = None  # e.g. "s.23"
    sub: str | None = None  # e.g. "s.23(1)"
    para: str | None = None  # e.g. "s.23(1)(a)"
    subpara: str | None = None
    letter: str | None = None
    fresh: bool = False  # a section heading was just read; unmarked words are its text
    #: the ref and unit an outline-number block gave the next block
    label: tuple[str, str] | None = None
    #: the unit of the last outline-numbered block, which unnumbered blocks continue
    numbered_unit: str | None = None
    #: schedules of a legislation export: None before any, then the number of the
    #: schedule being read (0 after a "Schedules" heading until the first one opens)
    schedule: int | None = None

    def feed(self, page: int | None, text: str) -> None:
        items = list(self._items(page, text))
        for index, item in enumerate(items):
            following = items[index + 1] if index + 1 < len(items) else None
            if item.level == _RESET:
                self.part = self.chapter = self.heading = None
            elif item.level:
                self.label = self.numbered_unit = None
                self._heading(item, following)
            elif not (index == 0 and self._metadata(item)):
                self._block(item, following)

    def _metadata(self, item: _Item) -> bool:
        """Read a metadata header (``Title: ...`` lines opening the text); ``False``: none."""
        if self.out or self.export or self.title is not None:
            return False
        fields = [_META.match(line) for line in item.lines]
        if not all(fields) or not any(f["key"].lower() == "title" for f in fields if f):
            return False
        for found in fields:
            assert found is not None
            key, value = found["key"].lower(), found["value"].strip()
            if key == "title":
                self.title = value
            legislation = _LEGISLATION_ID.search(value)
            if legislation and self.infer_kind:
                self.kind = "si" if legislation["type"].lower() in _SI_TYPES else "act"
        return True

    # --- splitting -------------------------------------------------------

    def _items(self, page: int | None, text: str) -> list[_Item]:
        items: list[_Item] = []
        block: list[str] = []

        def close() -> None:
            if block:
                items.append(_Item(page, 0, block.copy()))
                block.clear()

        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        for raw in text.split("\n"):
            line = _INVISIBLE.sub("", raw).strip()
            if line == EXPORT_MARKER:
                close()
                self.export = True
                items.append(_Item(page, _RESET, []))
                continue
            if not line or _COMMENT.match(line) or (not self.export and _RULE.match(line)):
                close()
                continue
            heading = _HEADING.match(line)
            if heading and not line.startswith("\\"):
                close()
                items.append(_Item(page, len(heading.group(1)), [heading.group(2) or ""]))
                continue
            deep = None if self.export else _DEEP_HEADING.match(line)
            if deep:
                close()
                items.append(_Item(page, 6, [deep.group(1)]))
                continue
            if not self.export:
                if line.startswith(">"):
                    line = line.lstrip("> ").strip()
                line = split_glued_labels(line)
            block.append(line)
        close()
        return items

    # --- headings --------------------------------------------------------

    def _heading(self, item: _Item, following: _Item | None) -> None:
        text = item.lines[0]
        if self.export:
            value = text or None
            if item.level == 1:
                self.title = self.title or value
            elif item.level == 2:
                self.part = value
            elif item.level == 3:
                self.chapter = value
            else:
                self.heading = value
            return
        text = _strip_markdown(re.sub(r"[ \t]+#+$", "", text)).strip()
        if not text:
            return
        if self.kind in _PREFIX and _SCHEDULES.match(text):
            self.schedule, self.part, self.chapter, self.heading = 0, text, None, None
            self._end_section()
            return
        if _PART.match(text) or _SCHEDULE.match(text):
            self.part, self.chapter, self.heading = text, None, None
            self._end_section()
        elif _CHAPTER.match(text):
            self.chapter, self.heading = text, None
            self._end_section()
        elif (
            (section := _SECTION.match(text))
            and following
            and not following.level
            and self._confirms(following.lines)
        ):
            self._open(section.group("num"), heading=section.group("title"))
        elif item.level == 1 and self.title is None and not self.out and self.heading is None:
            self.title = text
        else:
            self.heading = text

    # --- body blocks -----------------------------------------------------

    def _block(self, item: _Item, following: _Item | None) -> None:
        first = item.lines[0]
        if first.startswith("\\") and len(first) > 1:
            item.lines[0] = first[1:]
            self._emit(item.page, None, _join(item.lines), None)
            return
        if self.export:
            ref, rest = split_lead(" ".join(item.lines))
            self._emit(item.page, ref, rest, unit_of(ref) if ref else None)
            return
        lines = [_strip_markdown(line) for line in item.lines]
        if self.kind in _PREFIX and self._schedule_title(lines, following):
            return
        if len(lines) == 1 and self._outline(lines[0]):
            return
        if self.label is not None:
            ref, unit = self.label
            self.label = None
            self._enter(ref)
            # in legislation, unnumbered words after a numbered block continue its unit
            self.numbered_unit = unit if self.kind in _PREFIX else None
            self._emit(item.page, ref, _join(lines), unit)
            return
        ref, rest = split_lead(lines[0])
        if ref is None and self.numbered_unit is not None:
            self._emit(item.page, self.numbered_unit, _join(lines), self.numbered_unit)
            return
        if ref is not None:
            self._enter(ref)
            self._emit(item.page, ref, _join([rest, *lines[1:]]), unit_of(ref))
            return
        nxt = following.lines if following and not following.level else []
        self._act_style(item.page, lines, nxt)

    def _schedule_title(self, lines: list[str], following: _Item | None) -> bool:
        """Open the next schedule at its title line (the block before ``Section 13``) and
        read past the ``Section 13`` line; ``False`` for any other block.

        A block an outline number labels is that item's text, and an outline number is no
        title: ``44.3.b`` then ``section 88.`` is a list item citing a section.
        """
        if self.label is not None or _OUTLINE.match(lines[0]):
            return False
        if self.schedule and len(lines) == 1 and _INTRODUCED_BY.match(lines[0]):
            return True  # the section that introduces the schedule just opened
        after = following.lines if following is not None and not following.level else []
        if len(lines) == 1 and len(after) == 1 and _INTRODUCED_BY.match(after[0]):
            self.schedule = (self.schedule or 0) + 1
            self.part = f"Schedule {self.schedule}"
            self.heading = lines[0]
            self.label = self.numbered_unit = None
            self._end_section()
            return True
        return False

    def _outline(self, line: str) -> bool:
        """Take a block that is only an outline number as the label of the next block."""
        if not _OUTLINE.match(line):
            return False
        number, *labels = line.split(".")
        if self.kind not in _PREFIX:
            if not labels:
                return False  # a bare number in other text is text
            self.label = (line, line)
            return True
        # "Sch 2 para 3(1)(a)": a schedule's paragraph
        schedule = str(self.schedule) if self.schedule else None
        # the unit is the subsection; lettered paragraphs straight under a section are its own
        sub = labels[:1] if labels and labels[0][:1].isdigit() else []
        self.label = (
            format_ref(self.kind, number, labels, schedule=schedule),
            format_ref(self.kind, number, sub, schedule=schedule),
        )
        return True

    def _act_style(self, page: int | None, lines: list[str], nxt: list[str]) -> None:
        """Read a block line by line, opening sections and subdivisions at their markers."""
        current: _Segment | None = None
        segments: list[_Segment] = []
        for index, line in enumerate(lines):
            after = [*lines[index + 1 :], *nxt][:_LOOKAHEAD]
            section = _SECTION.match(line)
            if section and not line.endswith((".", ",", ";", ":")):
                if self._confirms(after):
                    self._open(section.group("num"), heading=section.group("title"))
                    current = None
                    continue
                if after and current is None and len(line.split()) <= _HEADING_WORDS:
                    # a numbered heading over a paragraph ("1 Introduction"): no body text
                    self.heading = line
                    self._end_section()
                    continue
            si_unit = _SI_UNIT.match(line)
            marker = _MARKER.match(line)
            if si_unit:
                self._open(si_unit.group("num"), heading=self.heading, si=True)
                ref = self.base
                if si_unit.group("sub"):
                    ref = self.sub = f"{self.base}({si_unit.group('sub')})"
                current = _Segment(ref, ref, [si_unit.group("text")])
            elif marker and self.base:
                ref, unit = self._descend(marker.group("label"))
                current = _Segment(ref, unit, [marker.group("text")])
            elif current is None:
                ref = self.base if self.fresh else None
                current = _Segment(ref, ref, [line])
            else:
                current.texts.append(line)
                continue
            segments.append(current)
            self.fresh = False
        for segment in segments:
            self._emit(page, segment.ref, _join(segment.texts), segment.unit)

    def _confirms(self, after: list[str]) -> bool:
        """Whether the lines ``after`` a ``19 Heading`` line make it a section heading.

        They do when they open with a subsection (``(1)``, also ``(4)`` in an
        extract) or a regulation, in a legislation document when they open
        with text, and in any document when a subdivision marker (``(a)``)
        follows within a few lines, before another heading (``19 ...
        must have regard to— (a)the views ...``).
        """
        if not after:
            return False
        first = after[0]
        if _OPENS_DIVISION.match(first) or _SI_UNIT.match(first):
            return True
        if self.kind in _PREFIX:
            return not _SECTION.match(first)
        for line in after:
            if _SECTION.match(line) and not line.endswith((".", ",", ";", ":")):
                return False
            if _OPENS_DIVISION.match(line):
                return True
        return False

    def _open(self, number: str, *, heading: str | None, si: bool = False) -> None:
        prefix = _PREFIX.get(self.kind, "reg." if si else "s.")
        self.base = f"{prefix}{number}"
        self.sub = self.para = self.subpara = self.letter = None
        self.heading = heading
        self.fresh = True

    def _descend(self, label: str) -> tuple[str, str]:
        """The ref and unit of a ``(label)`` marker under the current unit."""
        base = self.base or ""
        if label[0].isdigit():
            self.sub = f"{base}({label})"
            self.para = self.subpara = self.letter = None
            return self.sub, self.sub
        unit = self.sub or base
        if label.isupper():
            return f"{self.subpara or self.para or unit}({label})", unit
        is_next_letter = (
            len(label) == 1 and self.letter is not None and ord(label) == ord(self.letter) + 1
        )
        if _ROMAN.fullmatch(label) and self.para and not is_next_letter:
            self.subpara = f"{self.para}({label})"
            return self.subpara, unit
        self.para = f"{unit}({label})"
        self.subpara = None
        self.letter = label if len(label) == 1 else None
        return self.para, unit

    def _enter(self, ref: str) -> None:
        """Remember an explicit own-form ref so that later ``(2)`` markers continue it."""
        base = ref.split("(", 1)[0]
        if not base[:1].isalpha() or base.startswith("["):  # a guidance number: no Act context
            self._end_section()
            return
        self.base = base
        self.sub = self.para = self.subpara = self.letter = None
        self.fresh = False
        current = base
        for label in re.findall(r"\(([0-9A-Za-z]+)\)", ref):
            current = f"{current}({label})"
            if label[0].isdigit() and self.sub is None and self.para is None:
                self.sub = current
            elif self.para is None:
                self.para = current
                self.letter = label if len(label) == 1 else None
            else:
                self.subpara = current

    def _end_section(self) -> None:
        self.base = self.sub = self.para = self.subpara = self.letter = None
        self.fresh = False

    def _emit(self, page: int | None, ref: str | None, text: str, unit: str | None) -> None:
        text = "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())
        if not text:
            return
        self.out.append(
            Provision(
                doc="",
                kind=self.kind,
                ref=ref,
                text=text,
                page=page,
                heading=self.heading,
                part=self.part,
                chapter=self.chapter,
                unit=unit,
            )
        )


def _join(lines: list[str]) -> str:
    """The lines of a block as one text: a line break is kept where it separates list steps.

    A line that opens with a bullet glyph or a label, or follows a line ending
    a lead-in (``:``, a dash) or a list step (``;``, ``; and``, ``; or``),
    starts a line of its own (the tagger reads list items from the lines of a
    provision), as does a capitalised line after a lead-in (bullets printed
    without glyphs) unless the line before ends in the middle of a phrase;
    other line breaks are hard wraps of one paragraph and become spaces.
    """
    out = lines[0] if lines else ""
    listing = False
    for before, line in itertools.pairwise(lines):
        listing = listing or before.rstrip().endswith(_LEAD_ENDS)
        step = (
            before.rstrip().endswith(_STEP_ENDS)
            or bool(_BULLET_LINE.match(line) or _MARKER.match(line))
            or (listing and line[:1].isupper() and not ends_mid_phrase(before))
        )
        if not step and _broken_word(before, line):  # "co-" then "operate"
            out += line
            continue
        out += ("\n" if step else " ") + line
    return out


def _broken_word(before: str, line: str) -> bool:
    """Whether ``before`` ends with a word broken at a hyphen that ``line`` completes."""
    return (
        before.endswith("-")
        and len(before) > 2
        and before[-2].isalpha()
        and not before[-3:-1].isspace()
        and line[:1].islower()
    )


def _strip_markdown(line: str) -> str:
    """Markdown inline markup reduced to its text."""
    if not _MD_CHARS.search(line):
        return line
    for pattern, replacement in _MD_INLINE:
        line = pattern.sub(replacement, line)
    return line
