"""Find the numbered paragraphs of a guidance document by sequence continuity.

DfE guidance numbers its paragraphs in one of three styles:

* ``dotted``: chapter.paragraph with a trailing dot, ``1.30.``;
* ``plain``: chapter.paragraph without it, ``1.20`` (as the SEND Code's ``9.14``);
* ``flat``: one running number, ``123.`` (``10.The`` also occurs).

A number at the start of a line is only a *candidate*: cross-references
wrapped to a line start (``see paragraph`` / ``469.``), list items under a
paragraph (``1.``, ``2.``), quoted regulations (``7.—(1)``) and table cells look
the same. :func:`select_paragraphs` keeps the candidates that form the longest
chain in which each number continues the one before (``1.19`` -> ``1.20``, or a
new chapter ``1.36`` -> ``2.1``), allowing small gaps (the children's homes
guide has no ``14.1``) at a cost. Ties go to candidates that follow a finished
line (a sentence end or heading), since real paragraphs start after one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: Fewest accepted paragraphs for a style to count as the document's numbering.
MIN_PARAGRAPHS = 8
#: Largest gap in a chain, in paragraph numbers (and in chapters).
MAX_GAP = 3
#: Score lost per missing number in a chain.
GAP_COST = 0.6
#: Score gained by a candidate that follows a finished line (breaks ties).
CLOSED_BONUS = 0.1

STYLES: dict[str, re.Pattern[str]] = {
    "dotted": re.compile(r"(?P<chapter>\d{1,2})\.(?P<para>\d{1,3})\.(?:\s+|$)"),
    "plain": re.compile(r"(?P<chapter>\d{1,2})\.(?P<para>\d{1,3})(?:\s+|$)"),
    "flat": re.compile(r"(?P<para>\d{1,3})\.(?:\s+|$|(?=[A-Z‘“\"(]))"),
}


@dataclass(frozen=True)
class Candidate:
    """A line that starts with a paragraph number of some style."""

    index: int
    chapter: int
    para: int
    number: str
    rest: str
    closed: bool = True

    @property
    def key(self) -> tuple[int, int]:
        return (self.chapter, self.para)


def candidates(
    lines: Sequence[str], style: str, closed: Sequence[bool] | None = None
) -> list[Candidate]:
    """Every line of ``lines`` that starts with a number of ``style``.

    ``closed[i]`` says whether the line before line ``i`` finished (ended a
    sentence, or was a heading); it only breaks ties.
    """
    pattern = STYLES[style]
    found = []
    for index, line in enumerate(lines):
        match = pattern.match(line)
        if not match:
            continue
        chapter = int(match["chapter"]) if "chapter" in pattern.groupindex else 0
        para = int(match["para"])
        number = f"{chapter}.{para}" if style != "flat" else str(para)
        found.append(
            Candidate(
                index=index,
                chapter=chapter,
                para=para,
                number=number,
                rest=line[match.end() :].strip(),
                closed=True if closed is None else closed[index],
            )
        )
    return found


def _step_cost(before: tuple[int, int], after: tuple[int, int]) -> float | None:
    """Cost of ``after`` following ``before`` in a chain, or ``None`` if it cannot."""
    (c0, p0), (c1, p1) = before, after
    if c1 == c0 and p0 < p1 <= p0 + 1 + MAX_GAP:
        return GAP_COST * (p1 - p0 - 1)
    if c0 < c1 <= c0 + MAX_GAP and p1 <= 1 + MAX_GAP:
        return GAP_COST * ((c1 - c0 - 1) + (p1 - 1))
    return None


def longest_chain(found: Sequence[Candidate]) -> list[Candidate]:
    """The best-scoring chain of candidates in document order (see module docstring).

    Dynamic programming: each candidate's best chain ends with it and extends
    the best chain ending at one of the few keys that may precede it. A chain
    starts at paragraph 1..4 of any chapter.
    """
    best: list[float] = []
    back: list[int | None] = []
    #: For each key: (score, position in ``found``) of the best chain ending there.
    by_key: dict[tuple[int, int], tuple[float, int]] = {}
    #: For each chapter: the best chain ending anywhere in that chapter.
    by_chapter: dict[int, tuple[float, int]] = {}
    for pos, cand in enumerate(found):
        gain = 1.0 + (CLOSED_BONUS if cand.closed else 0.0)
        options: list[tuple[float, int | None]] = []
        if cand.para <= 1 + MAX_GAP:
            options.append((gain - GAP_COST * (cand.para - 1), None))
        c, p = cand.key
        for gap in range(MAX_GAP + 1):
            prev = by_key.get((c, p - 1 - gap))
            if prev is not None:
                options.append((prev[0] + gain - GAP_COST * gap, prev[1]))
        if p <= 1 + MAX_GAP:
            for back_chapters in range(1, MAX_GAP + 1):
                prev = by_chapter.get(c - back_chapters)
                if prev is not None:
                    cost = _step_cost(found[prev[1]].key, cand.key)
                    if cost is not None:
                        options.append((prev[0] + gain - cost, prev[1]))
        if not options:
            best.append(float("-inf"))
            back.append(None)
            continue
        score, origin = max(options, key=lambda option: option[0])
        best.append(score)
        back.append(origin)
        if score > by_key.get(cand.key, (float("-inf"), -1))[0]:
            by_key[cand.key] = (score, pos)
        if score > by_chapter.get(c, (float("-inf"), -1))[0]:
            by_chapter[c] = (score, pos)
    if not found or max(best) == float("-inf"):
        return []
    end: int | None = max(range(len(found)), key=lambda i: best[i])
    chain = []
    while end is not None:
        chain.append(found[end])
        end = back[end]
    return chain[::-1]


def detect_style(lines: Sequence[str], closed: Sequence[bool] | None = None) -> str | None:
    """The numbering style whose chain is longest, or ``None`` if no style reaches
    :data:`MIN_PARAGRAPHS` (an unnumbered document)."""
    counts = {style: len(longest_chain(candidates(lines, style, closed))) for style in STYLES}
    style = max(counts, key=lambda s: counts[s])
    return style if counts[style] >= MIN_PARAGRAPHS else None


def select_paragraphs(
    lines: Sequence[str], style: str, closed: Sequence[bool] | None = None
) -> list[Candidate]:
    """The numbered paragraphs of ``lines`` in ``style``: the longest continuous chain."""
    return longest_chain(candidates(lines, style, closed))
