"""The numbered outline below one section, clause, regulation or Schedule paragraph.

:class:`Outline` holds the open subsection (``(3)``) and the open lists below
it (paragraphs ``(b)``, sub-paragraphs ``(ii)``, then ``(A)``), and answers
the parser's questions about one line:

* :meth:`Outline.number` and :meth:`Outline.letter`: does this bracketed label
  continue (or open) a list here, and if so move to it;
* :meth:`Outline.place`: given where a plain line starts on the page, does it
  continue the open item, or is it the closing words of an outer level.

It knows nothing of provisions or text; the parser turns its state into refs
with :meth:`Outline.labels`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textmine.extract.legislation_refs import follows, is_first, label_kinds

#: Points a continuation line may start left of where the level's lines start.
INDENT_SLACK = 4.0
#: Without a seen continuation line, continuation starts at least this far right of the label.
MIN_HANG = 6.0
#: A continuation indent learned further right than this from the label is not one.
MAX_HANG = 40.0
#: Points a subsection label may stray from the last one and still be aligned with it.
ALIGN_SLACK = 3.0


@dataclass
class Level:
    """One open list: its kind, its current label and where its lines start."""

    kind: str
    label: str
    label_x: float | None = None
    cont_x: float | None = None

    def reaches(self, x0: float) -> bool:
        """Whether a line starting at ``x0`` is indented like this level's continuation lines."""
        if self.cont_x is not None:
            return x0 >= self.cont_x - INDENT_SLACK
        return self.label_x is None or x0 >= self.label_x + MIN_HANG

    def learn(self, x0: float) -> None:
        """Remember ``x0`` as the continuation indent, if it is a plausible one."""
        if self.cont_x is None and (
            self.label_x is None or self.label_x + MIN_HANG <= x0 <= self.label_x + MAX_HANG
        ):
            self.cont_x = x0


@dataclass
class Outline:
    """The open subsection and lists of the current top-level provision."""

    sub: Level | None = None
    levels: list[Level] = field(default_factory=list)

    def reset(self) -> None:
        self.sub, self.levels = None, []

    def labels(self) -> list[str]:
        """Labels from the subsection down to the deepest open item (``["3", "b", "ii"]``)."""
        return ([self.sub.label] if self.sub else []) + [level.label for level in self.levels]

    def unit_labels(self) -> list[str]:
        """Labels of the sentence-bearing unit: the subsection, if any."""
        return [self.sub.label] if self.sub else []

    def aligned(self, x0: float | None) -> bool:
        """Whether ``x0`` lines up with the open subsection's label."""
        return (
            self.sub is not None
            and self.sub.label_x is not None
            and x0 is not None
            and abs(x0 - self.sub.label_x) <= ALIGN_SLACK
        )

    def number(self, label: str, x0: float | None) -> bool:
        """Move to subsection ``label`` if it follows the open one (or opens the first)."""
        if self.sub is None:
            if label not in ("1", "1A"):
                return False
        elif not follows(self.sub.label, label, "number"):
            return False
        self.sub = Level("number", label, x0)
        self.levels = []
        return True

    def letter(self, label: str, x0: float | None, *, lead_in: bool) -> bool:
        """Move to the paragraph ``label`` (``a``, ``ii``, ``B`` ...) if it fits here.

        After a lead-in (a line ending in a dash or colon) a first label opens a
        new, deeper list; otherwise the label must follow the current label of
        an open list, the deepest first. ``(a)`` with no list open opens one.
        """
        kinds = [kind for kind in label_kinds(label) if kind != "number"]
        if lead_in:
            opening = next((kind for kind in kinds if is_first(label, kind)), None)
            if opening == "alpha":
                self.levels = []  # a new list of paragraphs (another definition's)
            if opening is not None and not any(level.kind == opening for level in self.levels):
                self.levels.append(Level(opening, label, x0))
                return True
        for index in range(len(self.levels) - 1, -1, -1):
            level = self.levels[index]
            if level.kind in kinds and follows(level.label, label, level.kind):
                del self.levels[index + 1 :]
                level.label, level.label_x, level.cont_x = label, x0, None
                return True
        if "alpha" in kinds and is_first(label, "alpha") and not self.levels:
            self.levels.append(Level("alpha", label, x0))
            return True
        return False

    def place(self, x0: float, *, learn: bool) -> bool:
        """Place a plain line starting at ``x0``; ``True`` if it closes inner levels.

        A line indented like the deepest item's continuation continues it (and
        teaches that item its indent when ``learn``); a line further left
        belongs to the innermost level whose continuation indent it reaches,
        and the levels inside that one are closed. A line left of every list
        belongs to the subsection (all lists closed).
        """
        if not self.levels:
            return False
        deepest = self.levels[-1]
        if deepest.reaches(x0):
            if learn:
                deepest.learn(x0)
            return False
        for index in range(len(self.levels) - 2, -1, -1):
            if self.levels[index].reaches(x0):
                del self.levels[index + 1 :]
                return True
        self.levels = []
        return True

    def close_lists(self) -> bool:
        """Close every open list; ``True`` if one was open."""
        had = bool(self.levels)
        self.levels = []
        return had
