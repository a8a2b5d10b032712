"""Repair the text of legislation read from PDF: lines joined, glyph artefacts undone.

Pure string functions, each for one fault of the King's Printer and
legislation.gov.uk print designs, all keeping every letter of the source:

* :func:`join_lines` joins a provision's lines with single spaces, turning the
  U+FFFE that pypdfium2 leaves where a line-end hyphen was back into ``-``.
* :func:`repair_drop_cap` closes the gap a drop cap leaves (``B E IT
  ENACTED`` -> ``BE IT ENACTED``).
* :func:`repair_split_words` rejoins a capitalised word split by kerning
  (``Te mporal`` -> ``Temporal``).
* :func:`mark_note_markers` and :func:`drop_note_marks` take the inline note
  markers of revised prints (``M17``, ``F3``) and their amendment brackets
  (``[F1or section 99 ...]``) out of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

#: Stands in for an inline note marker until :func:`drop_note_marks` runs.
MARK = "\x00"
LOST_HYPHEN = "\ufffe"
SOFT_HYPHEN = "\u00ad"

_SPACES = re.compile(r"\s+")
_ENACTING_DROP_CAP = re.compile(r"\bB\s+E\s+IT\s+ENACTED\b")
#: Two-letter capitalised words (and abbreviations) that are not split fragments.
_WORDS = frozenset(
    re.findall(
        r"\w+",
        "Ah Am An As At Be By Co Do Dr Ex Go He Hi If In Is It Jr Lt Me Mr Ms My No Of Oh Ok On "
        "Or Pp Sr St So To Up Us We Ye",
    )
)
_SPLIT_WORD = re.compile(r"(?<![\w’'\-])([A-Z][a-z]) ([a-z]{2,})\b")
_TEXT_MARKER = re.compile(r"(?<![\w/.(\-])(?:\[\s*)?(?:F\d{1,4}(?=\S)|M\d{1,4}(?![\w/]))")
_MARK_RUN = re.compile(r"\s*(?:\x00\s*)+")
_ENDS_TEXT = re.compile(r"\.['’”)\]]*\s*$")


def join_lines(lines: Iterable[str]) -> str:
    """Join text lines into one string with single spaces between words.

    A line ending in U+FFFE (where pypdfium2 lost a hyphen) or in ``-`` after a
    letter is joined to the next line without a space, keeping the hyphen
    (``work-`` + ``related`` -> ``work-related``): legislation is not set with
    soft hyphenation, so a line-end hyphen belongs to a compound. A soft hyphen
    (U+00AD) at a line end is dropped and the halves joined. U+FFFE elsewhere
    becomes ``-``.
    """
    out = ""
    for raw in lines:
        line = _SPACES.sub(" ", raw).strip()
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith(LOST_HYPHEN):
            out = out[:-1] + "-" + line
        elif out.endswith(SOFT_HYPHEN):
            out = out[:-1] + line
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[0].isalpha():
            out = out + line
        else:
            out = out + " " + line
    return out.replace(LOST_HYPHEN, "-")


def repair_drop_cap(text: str) -> str:
    """Close the gap after a drop cap in the enacting formula (``B E IT ENACTED``)."""
    return _ENACTING_DROP_CAP.sub("BE IT ENACTED", text)


def close_drop_cap(text: str) -> str:
    """Join a drop-cap letter to the rest of its word (``B E IT`` -> ``BE IT``).

    For a line known (from its layout) to start with a drop cap.
    """
    rest = text[1:].lstrip()
    if len(text) > 2 and text[0].isalpha() and text[1].isspace() and rest:
        if text[0] in "AI" and rest[0].islower():
            return text  # the words "A" and "I", not a drop cap
        return text[0] + rest
    return text


def repair_split_words(text: str) -> str:
    """Rejoin words split after their first two letters by kerning (``Te mporal``).

    Only a capitalised two-letter fragment that is not itself an English word
    or abbreviation (``To``, ``In``, ``Mr`` ...) followed by a lower-case
    fragment is joined; nothing but the one space is ever removed.
    """

    def join(match: re.Match[str]) -> str:
        head, tail = match[1], match[2]
        return match[0] if head in _WORDS else head + tail

    return _SPLIT_WORD.sub(join, text)


def mark_note_markers(text: str) -> str:
    """Replace inline note markers (``M17``, ``F3``, ``[F1``) with :data:`MARK`.

    For text without layout, where the markers' tiny type cannot be seen: an
    ``F`` marker sticks to the word it amends (``F1or``), an ``M`` marker stands
    alone (``Act 1989 M5``).
    """
    return _TEXT_MARKER.sub(MARK, text)


def note_markers(text: str) -> list[str]:
    """The inline note markers :func:`mark_note_markers` would replace (``["M17", "F3"]``)."""
    return [re.sub(r"^\[\s*", "", match[0]) for match in _TEXT_MARKER.finditer(text)]


def drop_note_marks(text: str) -> str:
    """Remove :data:`MARK` placeholders and the amendment brackets that went with them.

    ``[`` before a marker opens an amendment; ``]`` without a matching ``[``
    closes one; both go. The space a marker leaves before punctuation goes too
    (``Act 2000 M3 .`` -> ``Act 2000.``).
    """
    if MARK not in text and "]" not in text and "[" not in text:
        return text
    text = re.sub(r"\[\s*(?=\x00)", "", text)
    text = _drop_unmatched(text, "[", "]")
    text = re.sub(r"\s*(?:\x00\s*)+(?=[,.;:)\]”])", "", text)
    text = re.sub(r"(?<=[(\[“])\s*(?:\x00\s*)+", "", text)
    text = _MARK_RUN.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _drop_unmatched(text: str, opening: str, closing: str) -> str:
    """``text`` without closing brackets that close nothing and opening ones never closed."""
    keep = [True] * len(text)
    stack: list[int] = []
    for index, char in enumerate(text):
        if char == opening:
            stack.append(index)
        elif char == closing:
            if stack:
                stack.pop()
            else:
                keep[index] = False
    for index in stack:
        keep[index] = False
    return "".join(char for char, kept in zip(text, keep, strict=True) if kept)


def clean_provision_text(lines: Iterable[str], *, revised: bool = False) -> str:
    """The clean text of a provision from its lines: joined and repaired.

    ``revised`` (a legislation.gov.uk revised print) also drops note markers
    and amendment brackets (:func:`drop_note_marks`).
    """
    text = repair_split_words(repair_drop_cap(join_lines(lines)))
    if revised or MARK in text:
        text = drop_note_marks(text)
    return collapse(text.replace(MARK, " "))


def split_signature(lines: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split the last provision before the Schedules into its text and a signature block.

    The body of an instrument ends with a full stop; the lines after the last
    line that ends one (``Department for Education`` / a name / a title / a
    date) are the signature.
    """
    ends = [i for i, line in enumerate(lines) if _ENDS_TEXT.search(line.replace(MARK, ""))]
    keep = max(ends, default=-1) + 1
    return list(lines[:keep]), list(lines[keep:])


def collapse(text: str) -> str:
    """Whitespace collapsed to single spaces, stripped."""
    return _SPACES.sub(" ", text).strip()
