"""Plain-text helpers shared by stages that must stay light (no spaCy, no pandas).

The tagger's :func:`textmine.nlp.tagging.collapse` folds whitespace the same
way and also returns an offset map; use it where offsets matter.

:func:`shorten` cuts a text at a word boundary, never inside a word;
:func:`document_name` is how every output names a document: its title when it
has one, else its id (the file stem) made readable.
"""

from __future__ import annotations

import re

__all__ = [
    "OPEN_ENDED",
    "collapse_space",
    "document_name",
    "ends_mid_phrase",
    "plural",
    "readable_stem",
    "shorten",
]

_SPACE = re.compile(r"\s+")
_ELLIPSIS = "…"


def collapse_space(text: str) -> str:
    """``text`` with every run of whitespace (line breaks included) as one space, stripped."""
    return _SPACE.sub(" ", text).strip()


def shorten(text: str, limit: int, *, mark: str = _ELLIPSIS) -> str:
    """``text`` (whitespace folded) in at most ``limit`` characters, cut between words.

    A cut text ends with ``mark`` (counted in the limit); a first word longer
    than the limit is the only one cut, at the limit.

    >>> shorten("Guide to the Children's Homes Regulations", 30)
    "Guide to the Children's Homes…"
    """
    text = collapse_space(text)
    if len(text) <= limit:
        return text
    room = max(1, limit - len(mark))
    cut = text[: room + 1].rsplit(" ", 1)[0] if " " in text[: room + 1] else text[:room]
    return cut.rstrip(" ,;:-–—") + mark


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """``1 row``, ``2 rows``, ``1,234 occurrences`` (``nouns``: an irregular plural)."""
    return f"{n:,} {noun if n == 1 else nouns or noun + 's'}"


def readable_stem(doc: str) -> str:
    """A file stem as words: ``uksi_2015_541_homes`` -> ``uksi 2015 541 homes``."""
    return collapse_space(re.sub(r"[_\s]+", " ", doc)) or doc


def document_name(doc: str, title: str | None) -> str:
    """The name of a document in every output: its title, else its readable stem."""
    return collapse_space(title) if title and title.strip() else readable_stem(doc)


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
