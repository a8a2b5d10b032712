"""Read the CONTENTS list of an Act or Bill print: section and Schedule headings.

The reader uses it to confirm which lines are section headings (and how far a
long heading runs on) and tests use it to check every listed section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from textmine.extract.legislation_text import MARK, collapse
from textmine.extract.pdf_lines import Line

_CONTENTS_ENTRY = re.compile(r"(\d+[A-Z]*)\s+(\S.*)")
_CONTENTS_SCHEDULE = re.compile(r"Schedule\s*(\d+[A-Z]*)?\s*[—–-]\s*(.*)")


@dataclass
class Contents:
    """What an Act's or Bill's CONTENTS list names: section and Schedule headings."""

    sections: dict[str, str] = field(default_factory=dict)
    schedules: dict[str, str] = field(default_factory=dict)
    cross_headings: list[str] = field(default_factory=list)


def parse_contents(lines: Sequence[Line]) -> Contents:
    """Section and Schedule headings from the lines of a CONTENTS list.

    Lines are put in reading order by position where known (pypdfium2 reads
    ``Schedule 1 —`` after its title). A line that is not an entry continues
    the entry before it when it is indented further and not italic (a wrapped
    heading); otherwise it is a cross-heading or a Part/Chapter title.
    """
    ordered = (
        sorted(lines, key=_reading_key)
        if all(line.top is not None for line in lines)
        else list(lines)
    )
    contents = Contents()
    last: tuple[str, str, float | None] | None = None  # (kind, key, x0)
    pending: list[str] = []
    for line in ordered:
        text = collapse(line.text.replace(MARK, ""))
        if not text:
            continue
        schedule = _CONTENTS_SCHEDULE.fullmatch(text)
        entry = _CONTENTS_ENTRY.fullmatch(text)
        if schedule:
            key = schedule[1] or ""
            contents.schedules[key] = schedule[2] or " ".join(pending)
            last, pending = ("schedule", key, line.x0), []
        elif entry and not text.startswith(("PART", "CHAPTER")):
            contents.sections[entry[1]] = entry[2]
            last, pending = ("section", entry[1], line.x0), []
        elif (
            last is not None
            and line.x0 is not None
            and last[2] is not None
            and line.x0 > last[2] + 5
            and not line.italic
        ):
            table = contents.sections if last[0] == "section" else contents.schedules
            table[last[1]] = f"{table[last[1]]} {text}".strip()
        else:
            if line.italic or line.x0 is None:
                contents.cross_headings.append(text)
            pending.append(text)
            last = None
    return contents


def _reading_key(line: Line) -> tuple[int, float, float]:
    top = line.top if line.top is not None else 0.0
    return (line.page, round(top / 3.0), line.x0 or 0.0)
