"""Word's automatic paragraph numbers, computed from the numbering definitions.

In a Word document the number of a paragraph (``9.14``, ``(a)``, ``(ii)``) is
not in its text: the paragraph names a list (``w:numPr``: ``w:numId`` and the
level ``w:ilvl``, directly or through its paragraph style) and Word counts.
``word/numbering.xml`` defines each list: ``w:num`` points to a
``w:abstractNum`` (and may restart levels with ``w:lvlOverride`` /
``w:startOverride``); each ``w:lvl`` gives its start value (``w:start``), its
format (``w:numFmt``: ``decimal``, ``lowerLetter``, ``lowerRoman``,
``upperLetter``, ``upperRoman``, ``bullet``, ``none`` ...), its label pattern
(``w:lvlText``, e.g. ``%1.%2`` or ``(%3)``) and ``w:isLgl`` (legal numbering:
every number decimal). :class:`Numbering` replays Word's counting: counters
per list, a level's counter steps on each use, deeper levels restart (unless
``w:lvlRestart`` says otherwise), and a label is its pattern with ``%n``
replaced by level ``n``'s counter in that level's format.

:func:`ref_of` turns the labels of a paragraph and its parent levels into a
ref: a dotted number (``9.14``) stands for itself, bracketed or bare letters
and numerals go after it in brackets (``9.14(a)(ii)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from textmine.extract.legislation_refs import to_roman
from textmine.extract.word_revisions import W

__all__ = ["Level", "Numbering", "ref_of"]

_DOTTED = re.compile(r"\d{1,3}(?:\.\d{1,3})*")
_BRACKETED = re.compile(r"\(?([0-9]{1,3}[A-Z]{0,2}|[A-Za-z]{1,4})[.)]?")


@dataclass(frozen=True)
class Level:
    """One level of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None
    legal: bool = False


@dataclass
class _List:
    abstract: str
    levels: dict[int, Level] = field(default_factory=dict)
    counters: dict[int, int] = field(default_factory=dict)


def _val(element: Any, name: str) -> str | None:
    child = element.find(f"{W}{name}") if element is not None else None
    return child.get(f"{W}val") if child is not None else None


def _level(element: Any, base: Level | None = None) -> Level:
    base = base or Level()
    start = _val(element, "start")
    restart = _val(element, "lvlRestart")
    return Level(
        start=int(start) if start and start.lstrip("-").isdigit() else base.start,
        fmt=_val(element, "numFmt") or base.fmt,
        text=_val(element, "lvlText") or ""
        if element.find(f"{W}lvlText") is not None
        else base.text,
        restart=int(restart) if restart and restart.isdigit() else base.restart,
        legal=element.find(f"{W}isLgl") is not None or base.legal,
    )


class Numbering:
    """Replays Word's paragraph numbering over a document read in order."""

    def __init__(self, numbering: Any | None) -> None:
        abstracts: dict[str, dict[int, Level]] = {}
        self._lists: dict[str, _List] = {}
        if numbering is None:
            return
        for abstract in numbering.iter(f"{W}abstractNum"):
            ident = abstract.get(f"{W}abstractNumId") or ""
            abstracts[ident] = {
                int(lvl.get(f"{W}ilvl") or 0): _level(lvl) for lvl in abstract.iter(f"{W}lvl")
            }
        for num in numbering.iter(f"{W}num"):
            ident = num.get(f"{W}numId") or ""
            abstract_id = _val(num, "abstractNumId") or ""
            levels = dict(abstracts.get(abstract_id, {}))
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl") or 0)
                base = levels.get(ilvl, Level())
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    base = _level(lvl, base)
                start = _val(override, "startOverride")
                if start and start.isdigit():
                    base = Level(int(start), base.fmt, base.text, base.restart, base.legal)
                levels[ilvl] = base
            self._lists[ident] = _List(abstract_id, levels)

    def step(self, num_id: str, ilvl: int) -> list[tuple[Level, str]] | None:
        """Count a paragraph of list ``num_id`` at level ``ilvl``.

        Returns the (level, label) of every level from 0 to ``ilvl`` as they
        now stand (the paragraph's own label last), or ``None`` when the list
        is not defined (``numId`` 0 means "no numbering").
        """
        found = self._lists.get(num_id)
        if found is None or num_id == "0":
            return None
        levels, counters = found.levels, found.counters
        level = levels.get(ilvl, Level(text=f"%{ilvl + 1}."))
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels.get(deeper, Level()).restart
            if restart is None or restart > ilvl:
                del counters[deeper]
        for upper in range(ilvl):
            counters.setdefault(upper, levels.get(upper, Level()).start)
        return [(levels.get(k, Level()), self._label(found, k)) for k in range(ilvl + 1)]

    def _label(self, found: _List, ilvl: int) -> str:
        level = found.levels.get(ilvl, Level(text=f"%{ilvl + 1}."))
        if level.fmt == "none":
            return ""
        if level.fmt == "bullet":
            return level.text

        def number(match: re.Match[str]) -> str:
            k = int(match[1]) - 1
            value = found.counters.get(k, found.levels.get(k, Level()).start)
            fmt = "decimal" if level.legal else found.levels.get(k, Level()).fmt
            return _format(value, fmt)

        return re.sub(r"%([1-9])", number, level.text)


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        # Word repeats the letter past z: 27 is aa, 28 bb ...
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = to_roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def ref_of(steps: list[tuple[Level, str]]) -> str | None:
    """The ref of a numbered paragraph from the labels of its levels (see the module).

    >>> ref_of([(Level(), "9."), (Level(text="%1.%2"), "9.14"), (Level(fmt="lowerLetter"), "(a)")])
    '9.14(a)'
    """
    ref = ""
    for level, label in steps:
        if level.fmt in ("bullet", "none"):
            continue
        text = label.strip().rstrip(".").strip()
        if not text:
            continue
        if _DOTTED.fullmatch(text) and ("." in text or not ref):
            ref = text  # ``9.14`` carries its parents' numbers; ``9`` opens the ref
            continue
        match = _BRACKETED.fullmatch(text)
        if match is None:
            return ref or None
        ref += f"({match[1]})"
    return ref or None
