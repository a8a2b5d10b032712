"""Generic cleaners for text read from PDF text layers.

Shared by the PDF readers. Each helper is pure (strings in, strings out) and
never drops a letter: it only rewrites glyph artefacts, whitespace and line
structure. What they fix, with the cause:

* pypdfium2 reports a hyphen broken at a line end as U+FFFE
  (``looked\\ufffeafter``): :func:`normalise_line` turns it back into ``-``.
* Word bullets come out as private-use glyphs (U+F0A7, U+F0D8) or as a ``•``
  alone on its line, away from its item: :func:`split_bullet` recognises them
  and :func:`join_lone_markers` joins a marker line to the line it belongs to.
* A paragraph number may stand alone on its line (``4.1`` then the text):
  :func:`join_lone_markers` with :func:`is_lone_number` joins it back.
* Page numbers and running heads/footers repeat on every page:
  :func:`is_page_number` and :func:`repeated_edge_lines` find them so that a
  reader can set them aside.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

#: Glyphs used as list bullets in the corpora (private-use glyphs are bullets too).
BULLET_GLYPHS = frozenset("•▪◦‣●■□○►➢➤∙·")
#: What replaces U+FFFE, which pypdfium2 reports where a line-end hyphen was.
LOST_HYPHEN = "\ufffe"

_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_PAGE_NUMBER = re.compile(r"(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?", re.I)
_LONE_NUMBER = re.compile(r"\d{1,3}\.|\d{1,2}(?:\.\d{1,3})+\.?")
_NUMBER_START = re.compile(r"\d{1,3}(?:\.\d{1,3})*\.?(?:\s|$)")
_SENTENCE_END = re.compile(r"[.?!:;][\"'’”)\]]*$")


def is_private_use(char: str) -> bool:
    """True for a character of the Basic Multilingual Plane's private-use area."""
    return "\ue000" <= char <= "\uf8ff"


def is_bullet_glyph(char: str) -> bool:
    """True for a bullet glyph: a known bullet or any private-use symbol."""
    return char in BULLET_GLYPHS or is_private_use(char)


def normalise_line(line: str) -> str:
    """One line of PDF text, cleaned: lost hyphens restored, spaces collapsed, stripped.

    U+FFFE becomes ``-``; other U+FFFE-like noncharacters and private-use glyphs
    that are not at the start of the line (where they are bullets, see
    :func:`split_bullet`) are dropped; runs of spaces (including no-break and
    thin spaces) become one space.
    """
    line = line.replace(LOST_HYPHEN, "-").replace("\uffff", "").replace("\u00ad", "")
    stripped = line.strip()
    if stripped and is_bullet_glyph(stripped[0]):
        head, rest = stripped[0], stripped[1:]
    else:
        head, rest = "", stripped
    rest = _PRIVATE_USE.sub("", rest)
    return _SPACES.sub(" ", head + rest).strip()


def split_bullet(line: str) -> str | None:
    """The item text of a bulleted line (``""`` for a bullet alone), or ``None``.

    Leading bullet glyphs and the spaces after them are removed:
    ``"\\uf0a7 arranges for"`` gives ``"arranges for"``.
    """
    stripped = line.lstrip()
    if not stripped or not is_bullet_glyph(stripped[0]):
        return None
    index = 0
    while index < len(stripped) and (is_bullet_glyph(stripped[index]) or stripped[index].isspace()):
        index += 1
    return stripped[index:]


def is_lone_bullet(line: str) -> bool:
    """True for a line holding only bullet glyphs."""
    return split_bullet(line) == ""


def is_lone_number(line: str) -> bool:
    """True for a paragraph number alone on its line: ``4.1``, ``1.30.``, ``123.``.

    A bare integer without a dot (``123``) is not one: that is a page number
    or a footnote mark.
    """
    return _LONE_NUMBER.fullmatch(line.strip()) is not None


def _starts_with_marker(line: str) -> bool:
    stripped = line.strip()
    return (
        not stripped
        or split_bullet(stripped) is not None
        or is_lone_number(stripped)
        or _NUMBER_START.match(stripped) is not None
    )


def join_lone_markers(
    lines: Sequence[str], is_marker: Callable[[str], bool]
) -> list[tuple[int, str]]:
    """Join each line that is only a marker to the line after it.

    Returns ``(index of the first source line, text)`` pairs, so that a caller
    can keep the page of the marker. A marker is not joined to an empty line,
    to another marker, or to a line that starts with a number itself; so the
    operation is idempotent (joining twice changes nothing more). The marker
    and the text are joined by one space.
    """
    out: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        if is_marker(line) and nxt is not None and not _starts_with_marker(nxt):
            out.append((index, f"{line.strip()} {nxt.strip()}"))
            index += 2
        else:
            out.append((index, line))
            index += 1
    return out


def is_page_number(line: str) -> bool:
    """True for a page-number line: ``12``, `` 7 ``, ``Page 3``, ``3 of 40``."""
    return _PAGE_NUMBER.fullmatch(line.strip()) is not None


def edge_key(line: str) -> str:
    """A line with digits masked and spaces collapsed, to compare running heads across pages."""
    return _SPACES.sub(" ", re.sub(r"\d+", "#", line)).strip().lower()


def repeated_edge_lines(
    pages: Sequence[Sequence[str]], *, edge: int = 2, min_share: float = 0.25, min_pages: int = 3
) -> frozenset[str]:
    """Keys (see :func:`edge_key`) of lines that open or close many pages.

    A line counts when it is among the first or last ``edge`` non-empty lines of
    a page; it is a running head or footer when it does so on at least
    ``min_pages`` pages and on at least ``min_share`` of the pages. Bare
    numbers are left to :func:`is_page_number`.
    """
    counts: Counter[str] = Counter()
    for lines in pages:
        filled = [line for line in lines if line.strip() and not is_page_number(line)]
        keys = {edge_key(line) for line in filled[:edge] + filled[-edge:]}
        counts.update(key for key in keys if any(ch.isalpha() for ch in key))
    threshold = max(min_pages, min_share * len(pages))
    return frozenset(key for key, n in counts.items() if n >= threshold)


def ends_sentence(line: str) -> bool:
    """True when ``line`` ends with sentence or clause punctuation (``. ? ! : ;``)."""
    return _SENTENCE_END.search(line.rstrip()) is not None


def letters(text: str) -> str:
    """The letters of ``text`` in order (to check that cleaning drops none)."""
    return "".join(ch for ch in text if ch.isalpha())
