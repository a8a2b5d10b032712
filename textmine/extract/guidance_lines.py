"""Measures of a guidance PDF's own lines, taken once per document.

:func:`text_width` is the usual length of a full line (a heading is shorter);
:func:`wrap_hint_holds` says whether this document marks a soft line wrap with
a trailing space and leaves it off headings (see
:mod:`textmine.extract.guidance_blocks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from textmine.extract.guidance_headings import heading_shape
from textmine.extract.page_furniture import PageLine

__all__ = ["text_width", "wrap_hint_holds"]


def text_width(texts: Sequence[str]) -> int:
    """The usual length of a full line of text (90th percentile of lines over 20 characters)."""
    lengths = sorted(len(t) for t in texts if len(t) > 20)
    if not lengths:
        return 80
    return lengths[int(0.9 * (len(lengths) - 1))]


def wrap_hint_holds(lines: Sequence[PageLine]) -> bool:
    """True when trailing spaces mark wrapped lines and not headings in this document.

    Measured on the document itself: most lines followed by a lower-case
    continuation end with a space, and most short heading-shaped lines do not.
    """
    wrapped = [a.wrapped for a, b in pairwise(lines) if b.text[:1].islower()]
    headings = [line.wrapped for line in lines if len(line.text) < 60 and heading_shape(line.text)]
    if len(wrapped) < 20 or len(headings) < 5:
        return False
    return sum(wrapped) >= 0.85 * len(wrapped) and sum(headings) <= 0.5 * len(headings)
