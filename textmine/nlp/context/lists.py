"""Lists read from the lines of a text: lead-ins, their items, and how they nest.

Statutory English splits one sentence into a *lead-in* that ends with a dash
or a colon and *items* that each complete it: ``the local authority must—
(a) inform the child's parent ...; (b) consult the head teacher ...``.
Guidance prints the same shape as bullets (``The designated teacher should:``
then one item a line, with or without a glyph). This module reads that shape
from the text alone, before and independently of any parse, so that the
tagger can read each item as the short clause its lead-in completes
(:mod:`textmine.nlp.context.compose`).

A text is cut into *segments*: its lines, and inside a line the stretches
that open with a label after a lead-in mark, a semicolon, a comma or *and*/*or*
(``must— (a)inform ...; (b)consult ...`` copied from the legislation website
as one line gives three segments; a label glued to its first word is read as
a label), or with a subsection number after a full stop (quoted amending
text: ``... of that section. (2) If ...``), or,
without labels, that follow a dash glued to a lead-in's last word and end
with ``;`` (``must— listen to each child; engage with them; and ...``). A
segment may open with a label (``(a)``, ``(ii)``, ``(3)``, ``(A)``) or a
bullet glyph, and it is a *lead-in* when it ends with ``—``, ``–``, ``:``
or ``:-``.

:func:`list_items` walks the segments with a stack of open lists. A lead-in
opens a list; a labelled segment continues the open list whose labels it
follows (``(b)`` after ``(a)``, closing any list opened inside ``(a)``), or
starts the items of the newest list; an unlabelled segment is an item of an
open unlabelled list (guidance bullets without glyphs) until an item ends
with a full stop, and closes labelled lists; one that opens with *and*, *or*
or *but* and a lower-case word goes on with the lead-in of the outermost
labelled list (``the Secretary of State must give notice— (a) ...; (b) ...,``
then the line ``and must consider any representations``) and is read as an
item of it. Each item records its *chain*: the lead-ins that govern it,
outermost first.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "LEAD_MARKS",
    "Item",
    "Segment",
    "list_items",
    "segments",
]

#: Marks that end a lead-in.
LEAD_MARKS: tuple[str, ...] = (":-", "\u2014", "\u2013", "\u2015", ":")
#: A label or glyph opening a segment; a label may be glued to the word after it.
_OPENER = re.compile(
    r"[ \t]*(?:\((?P<label>[0-9]{1,3}[A-Z]{0,2}|[a-z]{1,3}|[A-Z]{1,2})\)[ \t]*"
    r"|(?P<glyph>[\u2022\u25cf\u25aa\u25e6\u2023*\u00b7\uf0a7-]|#\.)[ \t]+"
    r"|(?P<number>[0-9]{1,2})[.)][ \t]+)"
)
#: A numbered list a reader ran into one line opens it: ``1. Inform your social worker 2.
#: Record what happened``.
_FIRST_NUMBER = re.compile(r"[ \t]*1[.)][ \t]+\S")
#: Where a label opens a new segment inside a line: after a lead-in mark or ``;``
#: (``; and``, ``; or``), with or without a space, before ``(x)``.
_INLINE = re.compile(
    r"(?:[\u2014\u2013\u2015:]|[;,](?:[ \t]+(?:and|or))?|[ \t](?:and|or))[ \t]*"
    r"(?=\((?:[0-9]{1,3}[A-Z]{0,2}|[a-z]{1,3})\))"
    # a numbered subsection after a full stop: "... of that section). (2) If ..."
    r"|[.][\"'\u201d\u2019)]*[ \t]+(?=\([0-9]{1,3}[A-Z]{0,2}\)[ \t])"
    # the auto-numbered items of reStructuredText that a reader ran into one line
    r"|[ \t]+(?=#\.[ \t])"
)
#: A cross-reference running up to a position: ``paragraph (a)``, ``subsections (2), (3)``.
_REFERENCE = re.compile(
    r"\b(?:sub-?)?(?:paragraphs?|sections?|regulations?|articles?|rules?|heads?|Schedules?)"
    r"(?:[ \t]*\([0-9a-zA-Z]{1,4}\)|[ \t]+[0-9]+[A-Z]{0,2})+(?:[ \t]*,[ \t]*\([0-9a-zA-Z]{1,4}\))*"
    r"[ \t]*,?$",
    re.IGNORECASE,
)
#: A lead-in dash glued to the word before it and followed by more of the line.
_GLUED_DASH = re.compile(r"(?<=[\w)])[\u2014\u2013\u2015](?=[ \t]*\S)")
#: The end of a run-on item: ``;``, ``; and``, ``; or``.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*[ \t]+(?=[A-Z\u2018\u201c(])")
_STEP = re.compile(r";(?:[ \t]+(?:and|or)\b)?[ \t]*(?=\S)")
_ROMAN = re.compile(r"^(?=[ivxlc]+$)m{0,3}(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})$")


@dataclass(frozen=True)
class Segment:
    """A line, or a labelled stretch of a line, of the text."""

    start: int  # first character of the segment's content (after its label or glyph)
    end: int  # end of its content (trailing spaces not included)
    label: str | None  # "a", "ii", "3", "A", the glyph, or None
    mark: int | None  # start of the lead-in mark that ends it, or None

    @property
    def lead(self) -> bool:
        return self.mark is not None


@dataclass(frozen=True)
class Item:
    """A list item: its segment and the lead-ins that govern it, outermost first."""

    segment: Segment
    chain: tuple[Segment, ...]

    @property
    def start(self) -> int:
        return self.segment.start

    @property
    def end(self) -> int:
        return self.segment.end


def segments(text: str) -> list[Segment]:
    """The segments of ``text`` (see the module docstring), in order."""
    out: list[Segment] = []
    position = 0
    for line in text.split("\n"):
        inline = [m.end() for m in _INLINE.finditer(line) if not _cross_reference(line, m.start())]
        cuts = sorted({0, *inline, *_run_on(line), *_numbered(line), len(line)})
        for begin, finish in itertools.pairwise(cuts):
            segment = _segment(line, begin, finish, position)
            if segment is not None:
                out.append(segment)
        position += len(line) + 1
    return out


def _numbered(line: str) -> list[int]:
    """Cuts before the items of a numbered list run into one line: after ``1.`` at its start,
    before ``2.``, then ``3.`` ... in turn (so a number that ends a sentence, ``paragraph
    5.``, cuts nothing)."""
    if not _FIRST_NUMBER.match(line):
        return []
    cuts: list[int] = []
    position, number = 0, 2
    while True:
        found = re.compile(rf"[ \t]{number}[.)][ \t]+\S").search(line, position)
        if found is None:
            return cuts
        cuts.append(found.start() + 1)
        position, number = found.end(), number + 1


def _cross_reference(line: str, position: int) -> bool:
    """Whether the label after ``position`` continues a cross-reference (``by virtue of
    paragraph (a) or (b)``, ``subsections (2), (3) and (4)``), not a new item."""
    return _REFERENCE.search(line, max(0, position - 80), position) is not None


def _run_on(line: str) -> list[int]:
    """Cuts of a run-on list without labels: after each dash glued to a lead-in's last word
    (``must— listen to each child; engage with them; and respond``, ``ensure— that
    staff— ...``), then after each ``;``."""
    dashes = [m.end() for m in _GLUED_DASH.finditer(line)]
    if not dashes:
        return []
    cuts = [*dashes, *(m.end() for m in _STEP.finditer(line, dashes[0]))]
    end = _SENTENCE_END.search(line, max(cuts))  # the last item ends with its sentence
    return [*cuts, end.end()] if end is not None else cuts


def _segment(line: str, begin: int, finish: int, offset: int) -> Segment | None:
    part = line[begin:finish]
    opener = _OPENER.match(part)
    label: str | None = None
    start = begin + len(part) - len(part.lstrip())
    if opener is not None and opener.end() < len(part.rstrip()):
        label = opener.group("label") or opener.group("glyph") or opener.group("number")
        start = begin + opener.end()
    end = begin + len(part.rstrip())
    if end <= start:
        return None
    content = line[start:end]
    mark = next((end - len(m) for m in LEAD_MARKS if content.endswith(m)), None)
    if mark is not None and mark == start:
        mark = None  # a lone dash is no lead-in
    return Segment(offset + start, offset + end, label, None if mark is None else offset + mark)


def _style(label: str | None, expected: list[str]) -> str | None:
    """The style of a label: ``digit``, ``roman``, ``alpha``, ``upper`` or ``bullet``.

    ``(i)``, ``(v)``, ``(x)`` are letters where an open lettered list expects
    that letter next (``(h)`` then ``(i)``), else roman numerals.
    """
    if label is None:
        return None
    if label[0].isdigit():
        return "digit"
    if label.isupper():
        return "upper"
    if not label.isalpha():
        return "bullet"
    if _ROMAN.match(label):
        return "alpha" if label in expected else "roman"
    return "alpha"


#: The second label of each style: after a single unlabelled item, it is the list that
#: item began (its own label lost).
_SECOND_LABELS = frozenset({"b", "ii", "2", "B", "II"})


def _next_label(label: str) -> str:
    """The letter after ``label`` in a lettered list (``h`` -> ``i``, ``z`` -> ``aa``)."""
    if label == "z":
        return "aa"
    return label[:-1] + chr(ord(label[-1]) + 1)


@dataclass
class _List:
    lead: Segment
    style: str | None = None  # of its items' labels; "none" for unlabelled items
    last: str | None = None  # the last label seen
    closed: bool = False
    #: Unlabelled items: whether the first one opens with an -ing word, and whether an
    #: item has ended other than with a full stop (then a full stop ends the list).
    shape: bool | None = None
    open_ended: bool = False
    count: int = 0  # items placed in it so far
    #: The lead-in ends with a complementiser (``ensure that:``, ``where—``): items are clauses.
    clauses: bool = False


#: Text after labelled items that goes on with their lead-in's clause (``and must
#: consider ...``): a coordinator, then a lower-case word.
_CONTINUATION = re.compile(r"(?:and|or|but)[ \t]+[a-z]")
#: Last words of a lead-in whose items are clauses (``ensure that:``, ``only if—``).
_COMPLEMENTISERS = frozenset(
    {"that", "where", "if", "when", "whether", "unless", "who", "which", "whom", "because"}
)


def list_items(text: str, is_clause: Callable[[int, int], bool] | None = None) -> list[Item]:
    """Every list item of ``text`` with the lead-ins that govern it (see the module docstring).

    ``is_clause(start, end)`` tells whether the text between two offsets is a
    clause of its own (a parse can tell: a finite main verb with its own
    subject). Given, an unlabelled line that is such a clause is no item of a
    list whose lead-in expects phrases (``The designated teacher should:``),
    and the list goes on after it. A full stop ends an unlabelled list whose
    items before ended otherwise, when its items are clauses or no parse
    tells sentences from items.
    """
    items: list[Item] = []
    stack: list[_List] = []
    for segment in segments(text):
        words = text[segment.start : segment.end]
        if (
            is_clause is not None
            and segment.label is None
            and stack
            and stack[-1].style in (None, "none")
            and not stack[-1].clauses
            and stack[-1].shape is not None
            and is_clause(segment.start, segment.end)
        ):
            if segment.lead:  # a clause that opens a list of its own, inside this one
                stack.append(_List(segment, clauses=_expects_clauses(text, segment)))
            continue  # a sentence among the bullets, not one of them
        labelled = next(
            (d for d, open_list in enumerate(stack) if open_list.style not in (None, "none")),
            None,
        )
        if (
            segment.label is None
            and labelled is not None
            and not stack[labelled].clauses
            and _CONTINUATION.match(words)
        ):
            # "the Secretary of State must give notice— (a) ...; (b) ..., and must consider
            # any representations": text after the items completes the list's lead-in
            items.append(Item(segment, (stack[labelled].lead,)))
            del stack[labelled:]
            continue
        parent = _place(segment, stack, _shape(words))
        if parent is not None:
            parent.count += 1
            items.append(Item(segment, tuple(open_list.lead for open_list in stack)))
            if parent.style == "none" and not segment.lead:
                if not words.endswith("."):
                    parent.open_ended = True
                elif parent.open_ended and (parent.clauses or is_clause is None):
                    # "...; ...; last item." ends the list (a list of phrases is told from
                    # the sentences after it by the parse, when there is one)
                    parent.closed = True
        if segment.lead:
            stack.append(_List(segment, clauses=_expects_clauses(text, segment)))
    return items


def _expects_clauses(text: str, lead: Segment) -> bool:
    assert lead.mark is not None
    words = text[lead.start : lead.mark].split()
    return bool(words) and words[-1].lower().strip(",") in _COMPLEMENTISERS


def _shape(words: str) -> bool:
    """Whether the first word ends in -ing: the shape of an unlabelled item (gerund bullets
    are told from the sentences after them)."""
    first = next((w for w in words.split() if w[:1].isalpha()), "")
    return first.lower().rstrip(",;:").endswith("ing")


def _place(segment: Segment, stack: list[_List], shape: bool) -> _List | None:
    """The open list ``segment`` is an item of (the stack is cut down to it), or ``None``."""
    expected = [
        _next_label(open_list.last)
        for open_list in stack
        if open_list.style == "alpha" and open_list.last
    ]
    style = _style(segment.label, expected)
    if style is not None:
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth].style == style:
                del stack[depth + 1 :]
                stack[-1].last = segment.label
                return stack[-1]
        if (
            stack
            and stack[-1].style == "none"
            and not stack[-1].closed
            and stack[-1].count == 1
            and segment.label in _SECOND_LABELS
        ):
            # "it— must have regard ..., and (b) must involve—": a second label after one
            # unlabelled item goes on with that list, whose first label was lost
            stack[-1].style, stack[-1].last = style, segment.label
            return stack[-1]
        while stack and stack[-1].style is not None:
            stack.pop()  # a label of no open list's style: the lists opened so far have ended
        if stack:
            stack[-1].style, stack[-1].last = style, segment.label
            return stack[-1]
        return None
    while stack and (stack[-1].style not in (None, "none") or stack[-1].closed):
        stack.pop()  # an unlabelled line after labelled items, or after a closed list
    # the innermost open list that takes the line: any open list whose items end in ";" or
    # nothing, else one whose first item has this line's shape (bullets that each end with
    # a full stop are told from the sentences after them by the shape of their first word)
    for depth in range(len(stack) - 1, -1, -1):
        candidate = stack[depth]
        if candidate.closed or candidate.style not in (None, "none"):
            break
        if candidate.shape is None or candidate.open_ended or candidate.shape == shape:
            del stack[depth + 1 :]
            candidate.style = "none"
            if candidate.shape is None:
                candidate.shape = shape
            return candidate
    return None
