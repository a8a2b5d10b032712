"""Recognise headings in the body lines of a guidance PDF.

The text layer has no fonts, so headings are read from shape and context:

* *divisions* (:func:`division`): ``Chapter 1: Adoption agency arrangements``,
  ``Part one: Safeguarding information for all staff``, ``Annex A: …``,
  ``Appendix 1``; their numbers must increase through the document, which
  rejects cross-references and table rows that look like them;
* *section headings* (:func:`heading_shape` plus the context test in the
  reader): a short line that starts with a capital (or is a quoted term such
  as ``‘relevant plans’``), does not end with ``.``, ``,``, ``;``, ``:`` or a
  dash, and does not end on a word that needs a continuation (``of``, ``and``).

A heading may wrap: a following line that starts in lower case continues it
(:func:`continues_heading`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Longest heading, in characters and in words.
MAX_HEADING_CHARS = 120
MAX_HEADING_WORDS = 18

_WORD_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_DIVISION = re.compile(
    r"(?P<kind>Chapter|CHAPTER|Part|PART|Annex|ANNEX|Appendix|APPENDIX)\s+"
    r"(?P<label>\d{1,2}|[A-Z]\b|(?i:" + "|".join(_WORD_NUMBERS) + r")\b)"
    r"(?P<rest>.*)"
)
_DIVISION_REST = re.compile(r"\s*(?:[:.–—-]\s*)?(?:$|[A-Z‘“(])")
#: Words a heading does not end on: a line ending on one runs on.
_CONTINUATION_WORDS = frozenset(
    re.findall(
        r"\w+",
        """and or of the to a an with by from that which is are be as its their under into
        who whose must should may will can shall would could has have not also than where
        when if whether such any each all every this these those our your his her both
        either neither between""",
    )
)
_BAD_END = re.compile(r"[.,;:—–-]$")
_QUOTED_TERM = re.compile(r"[‘“'\"][^‘“'\"]{1,60}[’”'\"]")
_LIST_ITEM = re.compile(
    r"\([a-z]{1,2}\)\s|\([ivxlc]{1,5}\)\s|[a-z]\)\s|[ivx]{1,4}[.)]\s|\(\d{1,2}\)\s|\d{1,3}\.\s"
)


@dataclass(frozen=True)
class Division:
    """A chapter, part or annex heading."""

    kind: str  # "chapter", "part" or "annex"
    order: int
    title: str


def _label_order(label: str) -> int:
    lower = label.lower()
    if lower in _WORD_NUMBERS:
        return _WORD_NUMBERS.index(lower) + 1
    if label.isdigit():
        return int(label)
    return ord(label.upper()) - ord("A") + 1


def division(text: str) -> Division | None:
    """The division a line opens (``Chapter 3 …``, ``Part one: …``, ``Annex A: …``), if any."""
    match = _DIVISION.fullmatch(text)
    if not match or not _DIVISION_REST.match(match["rest"]) or text.endswith("."):
        return None
    kind = match["kind"].lower()
    kind = "annex" if kind == "appendix" else kind
    return Division(kind, _label_order(match["label"]), text)


def is_list_item(text: str) -> bool:
    """True for a line that opens a list item: ``(a) …``, ``(iv) …``, ``2. …``, ``a) …``."""
    return _LIST_ITEM.match(text) is not None


def heading_shape(text: str, *, numbered: bool = False) -> bool:
    """True when ``text`` looks like a section heading on its own.

    ``numbered`` allows a leading section number (``2. The support we must
    give you by law``), used only in documents without numbered paragraphs.
    """
    if len(text) > MAX_HEADING_CHARS or len(text.split()) > MAX_HEADING_WORDS:
        return False
    if _QUOTED_TERM.fullmatch(text):
        return True
    body = re.sub(r"^\d{1,2}\.?\s+", "", text) if numbered else text
    first = body.lstrip("‘“\"'(")[:1]
    if not first.isalpha() or not first.isupper():
        return False
    if _BAD_END.search(text):
        return False
    last_word = text.rsplit(None, 1)[-1].lower()
    return last_word not in _CONTINUATION_WORDS


def starts_heading(text: str) -> bool:
    """True for a line that may be the first line of a wrapped heading."""
    if len(text) > MAX_HEADING_CHARS:
        return False
    first = text.lstrip("‘“\"'(")[:1]
    return first.isalpha() and first.isupper() and not text.endswith((".", ";", ":"))


def continues_heading(text: str) -> bool:
    """True for a line that may continue a wrapped heading (short, lower-case start)."""
    return bool(text) and text[0].islower() and len(text) <= 70 and not _BAD_END.search(text)
