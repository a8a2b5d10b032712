"""Parse the body lines of an Act, Bill or SI into numbered provisions.

Reads :class:`~textmine.extract.pdf_lines.Line` objects in order and keeps the
context a reader keeps: Part, Chapter, Schedule, cross-heading, the current
section (clause, regulation, Schedule paragraph), its subsection and the open
lists of paragraphs ``(a)``, sub-paragraphs ``(i)`` and ``(A)``. Each numbered
label starts a new :class:`~textmine.extract.document.Provision`; the label
itself is not part of the text.

How the ambiguous cases are decided:

* A line is a section start only if its number follows the last one (or the
  CONTENTS lists it) and its words match the CONTENTS heading, or, without
  CONTENTS, it is set in bold; a regulation start reads ``6.—(1)`` or ``6.``.
* ``(i)`` after ``(h)`` opens roman numerals only when the line before ends
  with a lead-in dash or colon; otherwise it is the next letter.
* Text inside quotation marks (“...”) is never structure: amending provisions
  quote whole regulations with their own ``(2)``, ``(a)`` and headings.
* A line indented less than the continuation lines of the open list item
  holds the closing words of an outer level (``satisfies the conditions in
  paragraph (3).`` after ``(d)(ii)``): it becomes a provision with that outer
  level's ref (refs then repeat, with the same ``unit``).
* Bold or italic lines (or, without layout, short unpunctuated lines) right
  before a numbered start are its heading or cross-heading.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from textmine.extract import legislation_patterns as pat
from textmine.extract.document import Provision, Removed
from textmine.extract.legislation_contents import Contents
from textmine.extract.legislation_outline import Outline
from textmine.extract.legislation_refs import follows, format_ref
from textmine.extract.legislation_text import (
    MARK,
    clean_provision_text,
    close_drop_cap,
    collapse,
    split_signature,
)
from textmine.extract.pdf_lines import Line

log = logging.getLogger(__name__)


@dataclass
class _Open:
    """The provision being read."""

    ref: str | None
    unit: str | None
    page: int
    heading: str | None
    lines: list[Line] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


class StructureParser:
    """Turn body lines into provisions; see the module docstring.

    ``kind`` is ``act``, ``bill`` or ``si``. Use :meth:`parse` once.
    """

    def __init__(
        self, kind: str, contents: Contents | None = None, *, revised: bool = False
    ) -> None:
        self.kind = kind
        self.contents = contents or Contents()
        self.revised = revised
        self.provisions: list[Provision] = []
        self.removed: list[Removed] = []
        self.cross_headings: list[dict[str, Any]] = []
        self.schedules: dict[str, dict[str, str | None]] = {}
        self.part: str | None = None
        self.chapter: str | None = None
        self.schedule: str | None = None
        self.in_schedule = False
        self.top: str | None = None
        self.top_heading: str | None = None
        self.heading: str | None = None
        self.outline = Outline()
        self.current: _Open | None = _Open(ref=None, unit=None, page=0, heading=None)
        self.pending: list[Line] = []
        self.title: tuple[str, list[str]] | None = None
        self.heading_rest: str | None = None
        self.depth = 0
        self.seen_schedule = False

    # ------------------------------------------------------------------ driving
    def parse(self, lines: list[Line]) -> list[Provision]:
        for line in lines:
            text = line.text.strip()
            if line.dropcap:
                text = close_drop_cap(text)
            if text:
                self._line(line, text)
                self.depth = max(0, self.depth + text.count("“") - text.count("”"))
        self._flush_pending()
        self._close(final=not self.seen_schedule)
        return self.provisions

    def _line(self, line: Line, text: str) -> None:
        probe = text.lstrip("[ " + MARK) if self.revised else text
        if self.depth > 0 and not self._breaks_quote(probe):
            self._continue(line, text, quoted=True)
            return
        if self.heading_rest is not None and self._extends_heading(text):
            return
        if self._structure(line, probe):
            return
        if self.title is not None and self._is_title_line(line, probe):
            self.title[1].append(collapse(text))
            return
        self._end_title()
        if pat.LABEL.fullmatch(probe) and self._label(line, probe):
            return
        self._continue(line, text)

    def _breaks_quote(self, probe: str) -> bool:
        """A line that cannot be quoted text (an unbalanced quotation mark ran on)."""
        match = pat.SCHEDULE.fullmatch(probe)
        if match and pat.SIDE_REF.fullmatch(match[2] or ""):
            log.warning("quotation left open before %r; closing it", probe)
            self.depth = 0
            return True
        return False

    # ------------------------------------------------------------ structure
    def _structure(self, line: Line, probe: str) -> bool:
        if probe == "SCHEDULES":
            self.removed.append(Removed(line.page, probe, "heading"))
            return True
        for pattern, what in ((pat.PART, "part"), (pat.CHAPTER, "chapter")):
            match = pattern.fullmatch(probe)
            if match:
                self._new_block(line)
                if what == "part":
                    self.part, self.chapter = f"Part {match[1]}", None
                else:
                    self.chapter = f"Chapter {match[1]}"
                self.title = (what, [match[2]] if match[2] else [])
                return True
        match = pat.SCHEDULE.fullmatch(probe)
        if match and (match[1] or not match[2] or pat.SIDE_REF.fullmatch(match[2])):
            self._new_block(line, schedule=True)
            self.schedule, self.in_schedule = match[1] or "", True
            self.part = self.chapter = self.heading = None
            self.top = None
            self.outline.reset()
            side = match[2] if match[2] and pat.SIDE_REF.fullmatch(match[2]) else None
            self.schedules[self._schedule_key()] = {"title": None, "side_ref": side}
            title = [] if side or not match[2] else [match[2]]
            self.title = ("schedule", title)
            return True
        start = self._top_start(line, probe)
        if start is None:
            return False
        number, heading, rest = start
        self._start_top(line, number, heading, rest)
        return True

    def _top_start(self, line: Line, probe: str) -> tuple[str, str | None, str] | None:
        """``(number, heading, rest of line)`` when ``line`` starts a top-level provision."""
        if self.kind in ("act", "bill") and not self.in_schedule:
            match = pat.SECTION.fullmatch(probe)
            if not match or not self._plausible(match[1], self.contents.sections):
                return None
            number, words = match[1], match[2]
            listed = self.contents.sections.get(number)
            if listed is not None:
                if not pat.norm(listed).startswith(pat.norm(words)):
                    return None
                if pat.norm(words) != pat.norm(listed):
                    self.heading_rest = listed
            elif not pat.looks_like_heading(line, words):
                return None
            return number, collapse(words), ""
        pattern = pat.REGULATION if self.kind == "si" else pat.PARAGRAPH
        match = pattern.fullmatch(probe)
        if not match or not self._plausible(match[1], {}):
            return None
        if not pat.OPENS_TEXT.match(match[2] or "X"):
            return None
        return match[1], None, match[2] or ""

    def _plausible(self, number: str, listed: dict[str, str]) -> bool:
        if self.top is None:
            return number in listed or number in ("1", "1A")
        if number in listed:
            return pat.numeric(number) > pat.numeric(self.top) or follows(
                self.top, number, "number"
            )
        return follows(self.top, number, "number")

    def _extends_heading(self, text: str) -> bool:
        """Add ``text`` to a section heading that the CONTENTS shows runs on."""
        assert self.heading_rest is not None and self.current is not None
        joined = f"{self.top_heading} {collapse(text)}"
        if pat.norm(self.heading_rest).startswith(pat.norm(joined)):
            self.top_heading = self.current.heading = joined
            if pat.norm(joined) == pat.norm(self.heading_rest):
                self.heading_rest = None
            return True
        self.heading_rest = None
        return False

    def _start_top(self, line: Line, number: str, heading: str | None, rest: str) -> None:
        cross = self._take_pending()
        self._end_title()
        self._close()
        if cross and (self.kind == "si" or self.in_schedule):
            self.heading = cross
        elif cross:
            self.cross_headings.append({"text": cross, "page": line.page, "before": None})
        self.top = number
        self.outline.reset()
        self.top_heading = heading if heading is not None else self.heading
        ref = self._ref([])
        if self.cross_headings and self.cross_headings[-1]["before"] is None:
            self.cross_headings[-1]["before"] = ref
        self.current = _Open(ref=ref, unit=ref, page=line.page, heading=self.top_heading)
        label = pat.FIRST_LABEL.match(rest)
        if label and self.outline.number(label[1], line.x0):
            self.current.ref = self.current.unit = self._ref([label[1]])
            rest = rest[label.end() :]
        if rest:
            self._add(line, rest)

    # ------------------------------------------------------------ labels
    def _label(self, line: Line, probe: str) -> bool:
        match = pat.LABEL.fullmatch(probe)
        assert match is not None
        label, rest = match[1], match[2] or ""
        if self.top is None:
            return False
        if not label[0].isdigit():
            lead_in = bool(pat.LEAD_IN.search(self._last_text()))
            if not self.outline.letter(label, line.x0, lead_in=lead_in):
                return False
        else:
            if rest and not pat.OPENS_TEXT.match(rest) and not self.outline.aligned(line.x0):
                return False
            current = self.current
            displaced = (
                self.outline.sub is None and not rest and current and len(current.lines) <= 3
            )
            # "1 (1) The ..." printed with the "(1)" read after the first line:
            if displaced and current and self.outline.number(label, line.x0):
                current.ref = current.unit = self._ref([label])
                return True
            if not self.outline.number(label, line.x0):
                return False
        self._flush_pending()
        self._open_at(line, rest)
        return True

    def _open_at(self, line: Line, rest: str = "") -> None:
        """Start the provision at the outline's current position (closing the open one)."""
        self._close()
        ref, unit = self._ref(self.outline.labels()), self._ref(self.outline.unit_labels())
        self.current = _Open(ref=ref, unit=unit, page=line.page, heading=self.top_heading)
        if rest:
            self._add(line, rest)

    # ------------------------------------------------------------ text
    def _continue(self, line: Line, text: str, *, quoted: bool = False) -> None:
        if not quoted and self._is_heading_candidate(line, text):
            self.pending.append(line)
            return
        self._flush_pending()
        # a line a note marker opens ("F43in pursuance of ...") starts where the marker is
        # printed, left of its text: its indent tells nothing about the list it continues
        marked = self.revised and text.lstrip("[ ").startswith(MARK)
        if not quoted and line.x0 is not None and pat.WORDY.search(text) and not marked:
            learn = bool(self.current and self.current.lines)
            if self.outline.place(line.x0, learn=learn):
                self._open_at(line)
        elif (
            not quoted
            and not line.has_layout
            and text.startswith("“")
            and self._last_text().endswith(";")
            and self.outline.close_lists()
        ):
            self._open_at(line)  # the next definition after a definition's list
        self._add(line, text)

    def _is_heading_candidate(self, line: Line, text: str) -> bool:
        if text.startswith(("(", "“", "[", MARK)) or len(text) > 150:
            return False
        current = self.current
        ended = pat.ENDS_SENTENCE.search(self._last_text())
        if current and current.texts and not self.pending and not ended:
            return False
        if line.has_layout:
            return bool(line.bold or line.italic)
        return text[0].isupper() and (not pat.ENDS_CLAUSE.search(text) or text.endswith(" etc."))

    def _flush_pending(self) -> None:
        pending, self.pending = self.pending, []
        for line in pending:
            self._add(line, line.text.strip())

    def _take_pending(self) -> str | None:
        pending, self.pending = self.pending, []
        return collapse(" ".join(line.text for line in pending)) or None

    def _add(self, line: Line, text: str) -> None:
        if self.current is None:
            self.current = _Open(ref=None, unit=None, page=line.page, heading=None)
        if not self.current.lines:
            self.current.page = line.page if self.current.page == 0 else self.current.page
        self.current.lines.append(line)
        self.current.texts.append(text)

    def _last_text(self) -> str:
        if not self.current or not self.current.texts:
            return ""
        return self.current.texts[-1].replace(MARK, "").rstrip()

    # ------------------------------------------------------------ blocks
    def _new_block(self, line: Line, *, schedule: bool = False) -> None:
        self._flush_pending()
        self._end_title()
        self._close(final=schedule and not self.seen_schedule)
        if schedule:
            self.seen_schedule = True
        self.current = None
        self.heading_rest = None

    def _is_title_line(self, line: Line, probe: str) -> bool:
        assert self.title is not None
        lines = self.title[1]
        if len(lines) >= 4 or pat.LABEL.match(probe):
            return False
        if line.has_layout:
            return not line.bold and not line.italic
        return not lines or (probe.isupper() and lines[-1].isupper())

    def _end_title(self) -> None:
        if self.title is None:
            return
        what, lines = self.title
        self.title = None
        title = collapse(" ".join(lines)) or None
        if what == "part" and self.part and title:
            self.part = f"{self.part} — {title}"
        elif what == "chapter" and self.chapter and title:
            self.chapter = f"{self.chapter} — {title}"
        elif what == "schedule":
            key = self._schedule_key()
            listed = self.contents.schedules.get(self.schedule or "")
            self.schedules[key]["title"] = listed or title

    def _close(self, *, final: bool = False) -> None:
        """Turn the open provision into a :class:`Provision` (and set aside a signature)."""
        current, self.current = self.current, None
        if current is None or not current.texts:
            return
        texts = current.texts
        if final:
            texts, signature = split_signature(texts)
            if signature:
                page = current.lines[len(texts)].page
                self.removed.append(Removed(page, "\n".join(signature), "signature"))
            if not texts:
                return
        text = clean_provision_text(texts, revised=self.revised)
        if pat.DOTS.fullmatch(text):
            self.removed.append(
                Removed(current.page, collapse(" ".join(texts)), "omitted provision")
            )
            return
        self.provisions.append(
            Provision(
                doc="",
                kind=self.kind,
                ref=current.ref,
                text=text,
                page=current.page,
                heading=current.heading,
                part=self.part if current.ref else None,
                chapter=self.chapter if current.ref else None,
                unit=current.unit,
            )
        )

    # ------------------------------------------------------------ refs
    def _ref(self, labels: list[str]) -> str:
        assert self.top is not None
        return format_ref(
            self.kind,
            self.top,
            labels,
            schedule=self.schedule or None,
            in_schedule=self.in_schedule,
        )

    def _schedule_key(self) -> str:
        return f"Sch {self.schedule}" if self.schedule else "Sch"
