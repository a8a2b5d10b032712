"""Split provision labels glued to the words after them: ``(a)inform`` -> ``(a) inform``.

legislation.gov.uk prints a paragraph's label in a box of its own beside the
text, so text copied from the site (or read from its HTML, or saved into a
Word draft) loses the space: ``the local authority must— (a)inform the child's
parent ...; (b)consult the head teacher``, ``(ii)disagreement``, ``2(1)The
Secretary of State``, ``6.—(1)The``. Every reader passes its text through
:func:`split_glued_labels` before anything else reads it, so the glued and the
spaced forms of the same provisions give the same provisions, refs and texts.

The rule only ever inserts one space, and only where a bracketed label
(``(a)``, ``(aa)``, ``(ii)``, ``(1)``, ``(2A)``, ``(A)``) that stands where a
label stands (at the start of the text, after whitespace, a dash, ``:`` or
``;``, or after another label) is followed at once by a letter or an opening
quotation mark. At the start of a line, a section number glued to its first
subsection and its first capital (``2(1)The``) is split too. ``section 2(1)``, ``child(ren)``,
``(1)(a)`` and ``(s)he`` are left alone. Offsets stay right because readers
split before they hand provisions to
:func:`~textmine.extract.document.build_document`, which computes offsets from
the final text.
"""

from __future__ import annotations

import re

__all__ = ["split_glued_labels"]

_LABEL = r"\((?:\d{1,3}[A-Z]{0,2}|[a-z]{1,3}|[ivxlc]{1,7}|[A-Z]{1,2})\)"
#: A label in a label's place, glued to the word after it.
_GLUED = re.compile(rf"(?:(?<=^)|(?<=[\s—–:;“‘\x00])|(?<=\)))(?P<label>{_LABEL})(?=[A-Za-z“‘\"'])")
#: A section (or Schedule paragraph) number glued to its first subsection, at a line start.
_NUMBER_GLUED = re.compile(
    r"^(?P<lead>[ \t]*\d{1,3}[A-Z]{0,2})(?P<label>\(\d{1,3}[A-Z]{0,2}\))(?=[A-Z“‘])", re.M
)
#: The label of a label run ``(1)(a)`` is preceded by ``)``; a word in brackets is not.
_WORD_BEFORE = re.compile(r"[A-Za-z]\)$")


def split_glued_labels(text: str) -> str:
    """``text`` with a space after every provision label glued to the next word.

    >>> split_glued_labels("must— (a)inform the parent; (b)consult the school")
    'must— (a) inform the parent; (b) consult the school'
    >>> split_glued_labels("2(1)The Secretary of State may (s)he")
    '2 (1) The Secretary of State may (s)he'
    """
    if "(" not in text:
        return text
    text = _NUMBER_GLUED.sub(r"\g<lead> \g<label>", text)
    return _GLUED.sub(_space_after, text)


def _space_after(match: re.Match[str]) -> str:
    label = match["label"]
    start = match.start()
    before = match.string[:start]
    if before.endswith(")") and _WORD_BEFORE.search(before) and not _ends_with_label(before):
        return label  # ``child(ren)x``: a bracket closing a word, not a label run
    if label == "(s)" and match.string.startswith("he", match.end()):
        return label  # ``(s)he``
    return label + " "


def _ends_with_label(text: str) -> bool:
    return re.search(rf"{_LABEL}$", text) is not None
