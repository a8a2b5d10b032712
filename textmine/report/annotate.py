"""Place tagged occurrences back into the text of their provisions.

A contract row locates its term inside the whitespace-collapsed *sentence*
(``start``/``end``), not inside the provision: a sentence may run through
several provisions of one unit (``s.27(3)`` and its paragraphs). So each
occurrence is found again in its provision's text: the term with as much of
its left context as the provision holds (80, 40, 20 characters, then none),
then with right context, compared on whitespace-collapsed text and mapped
back to the provision's own offsets. An occurrence that cannot be found (a
reader and the tagger disagree on the text) is kept and listed after the
provision text as *not located*, never dropped.

The result is a list of plain segments for the template: ``{"text": ...}``
for plain text and ``{"text": ..., "occ": {...}}`` for a highlighted term.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

_LEFT_CONTEXT = (80, 40, 20, 0)
#: A run of whitespace, or of anything else.
_RUN = re.compile(r"\s+|\S+")
_RIGHT_CONTEXT = (40, 20)


@dataclass
class Placed:
    """A provision's text split into segments, plus the occurrences not found in it."""

    segments: list[dict[str, Any]] = field(default_factory=list)
    unplaced: list[dict[str, Any]] = field(default_factory=list)


def collapse(text: str) -> tuple[str, list[int]]:
    """``text`` with whitespace runs as one space (no leading space), and each char's origin.

    A run of whitespace (``str.isspace``, as ``\\s`` matches it) becomes one space that
    comes from the run's first character; whitespace before the first other character
    is dropped.
    """
    out: list[str] = []
    origin: list[int] = []
    for match in _RUN.finditer(text):
        start, end = match.span()
        if match.group()[0].isspace():
            if start:
                out.append(" ")
                origin.append(start)
        else:
            out.append(match.group())
            origin.extend(range(start, end))
    return "".join(out), origin


def locate(
    sentence: str, start: int, end: int, collapsed: str, taken: Sequence[tuple[int, int]] = ()
) -> int | None:
    """Where the term ``sentence[start:end]`` begins in ``collapsed`` text, or ``None``.

    The widest context that is found wins; a position overlapping a span in
    ``taken`` (collapsed offsets of terms already placed) is skipped in favour
    of the next match of the same context.
    """
    if not 0 <= start < end <= len(sentence):
        return None
    width = end - start
    needles = [
        (sentence[max(0, start - k) : end], start - max(0, start - k)) for k in _LEFT_CONTEXT
    ]
    needles += [(sentence[start : end + k], 0) for k in _RIGHT_CONTEXT]
    for needle, lead in needles:
        found = collapsed.find(needle)
        while found >= 0:
            at = found + lead
            if not any(at < hi and lo < at + width for lo, hi in taken):
                return at
            found = collapsed.find(needle, found + 1)
    return None


def place(text: str, occurrences: Sequence[Mapping[str, Any]]) -> Placed:
    """Split ``text`` into plain and highlighted segments for ``occurrences``.

    Each occurrence is a mapping with the contract's ``sentence``, ``start``
    and ``end``; it is passed through to its segment as ``occ``. Two
    occurrences never share characters: one that finds no free place goes to
    ``unplaced``.
    """
    if not occurrences:  # most provisions: one plain segment, no collapsing needed
        return Placed(segments=[{"text": text}] if text else [])
    collapsed, origin = collapse(text)
    taken: list[tuple[int, int]] = []
    spans: list[tuple[int, int, Mapping[str, Any]]] = []
    placed = Placed()
    for occ in occurrences:
        sentence = " ".join(str(occ.get("sentence") or "").split())
        start, end = _int(occ.get("start")), _int(occ.get("end"))
        if start is None or end is None:
            placed.unplaced.append(dict(occ))
            continue
        where = locate(sentence, start, end, collapsed, taken)
        if where is None:
            placed.unplaced.append(dict(occ))
            continue
        taken.append((where, where + end - start))
        spans.append((origin[where], origin[where + (end - start) - 1] + 1, occ))
    if placed.unplaced:
        log.debug("%d occurrence(s) not located in their provision", len(placed.unplaced))
    cursor = 0
    for lo, hi, occ in sorted(spans, key=lambda s: s[0]):
        if lo > cursor:
            placed.segments.append({"text": text[cursor:lo]})
        placed.segments.append({"text": text[lo:hi], "occ": dict(occ)})
        cursor = hi
    if cursor < len(text):
        placed.segments.append({"text": text[cursor:]})
    return placed


def _int(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None
