"""Plain-text helpers shared by stages that must stay light (no spaCy, no pandas).

The tagger's :func:`textmine.nlp.tagging.collapse` folds whitespace the same
way and also returns an offset map; use it where offsets matter.
"""

from __future__ import annotations

import re

__all__ = ["collapse_space"]

_SPACE = re.compile(r"\s+")


def collapse_space(text: str) -> str:
    """``text`` with every run of whitespace (line breaks included) as one space, stripped."""
    return _SPACE.sub(" ", text).strip()
