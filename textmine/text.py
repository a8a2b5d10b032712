"""Plain-text helpers shared by stages that must stay light (no spaCy, no pandas).

The tagger's :func:`textmine.nlp.tagging.collapse` folds whitespace the same
way and also returns an offset map; use it where offsets matter.
"""

from __future__ import annotations

import re

__all__ = ["OPEN_ENDED", "collapse_space", "ends_mid_phrase"]

_SPACE = re.compile(r"\s+")


def collapse_space(text: str) -> str:
    """``text`` with every run of whitespace (line breaks included) as one space, stripped."""
    return _SPACE.sub(" ", text).strip()


#: Words no list item, lead-in or sentence ends with: a line that ends with one is wrapped
#: in the middle of a phrase.
OPEN_ENDED: frozenset[str] = frozenset(
    (
        *("a", "an", "the", "of", "to", "and", "or", "in", "for", "with", "by", "on", "at"),
        *("from", "that", "which", "who", "whom", "whose", "its", "their", "his", "her", "as"),
        *("be", "is", "are", "was", "were", "been", "must", "may", "should", "shall", "will"),
        *("can", "not", "any", "each", "such"),
    )
)


def ends_mid_phrase(line: str) -> bool:
    """Whether ``line`` ends with a word that cannot end a phrase (``the``, ``of``, ``and``)."""
    words = line.rsplit(None, 1)
    return bool(words) and words[-1].lower() in OPEN_ENDED
