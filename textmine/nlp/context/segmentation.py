"""Sentence boundaries at the line starts of lists, before the parser runs.

Readers deliver list items as the lines of a provision (``The designated
teacher should:`` then ``work with the VSH ...``; an Act's ``(a) inform the
parent;`` lines, see :mod:`textmine.nlp.context.sections`). Parsed as one
run, such items are glued to each other and to the lead-in. The
``textmine_line_breaks`` component runs before the parser and marks the
first word of a line as a sentence start when the previous line ends a
sentence or a list step (``:``, ``;``, ``; and``, ``.``, a lead-in dash), or
when the line opens with a bullet glyph, a paragraph label or a capitalised
gerund (``Working with ...``). The parser keeps preset boundaries, so every
item becomes its own sentence. Hard-wrapped prose (a line ending
mid-sentence followed by a lower-case word) is left alone.

Plain-text input keeps its bullet glyphs: ``textmine_bullets`` runs before
the model and gives a glyph that opens a line the norm of ``;``, so the item
after it parses as if the glyph were not there.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

__all__ = [
    "BULLETS",
    "BULLET_GLYPHS",
    "BULLET_NORM",
    "LINE_BREAKS",
    "line_start",
    "mark_line_starts",
    "neutral_bullets",
]

LINE_BREAKS = "textmine_line_breaks"
BULLETS = "textmine_bullets"
#: Glyphs that open a list item.
BULLET_GLYPHS = frozenset("•●▪◦‣-–—*·")
#: A bullet glyph opening a line (the text readers of plain-text input keep them).
_BULLET_AT_LINE_START = re.compile(r"(?:^|\n)[ \t]*([•●▪◦‣\-–—*·])(?=\s)")
#: What a line's bullet glyph reads as to the tagger and parser (see :func:`neutral_bullets`).
BULLET_NORM = ";"


@Language.component(BULLETS)
def neutral_bullets(doc: Doc) -> Doc:
    """Give a bullet glyph that opens a line the norm of a list separator.

    Runs first, before the model's ``tok2vec``: read as an unknown symbol the
    glyph derails the item after it (``• work with parents`` comes out as a
    verb ``•`` with the noun ``work``); with the norm of ``;`` the item parses
    as it does without its bullet. Only the norm changes, not the text.
    """
    text = doc.text
    for found in _BULLET_AT_LINE_START.finditer(text):
        span = doc.char_span(found.start(1), found.end(1))
        if span is not None and len(span) == 1:
            span[0].norm_ = BULLET_NORM
    return doc


_DASHES = frozenset({"-", "\u2013", "\u2014", "\u2015"})
#: Nouns a letter labels (``Annex B``, ``Part A``): ``Annex B. Schools should ...`` ends a
#: sentence, though the tokenizer keeps the full stop on the letter as in an initial.
_LETTERED = frozenset(
    {
        "annex",
        "appendix",
        "part",
        "schedule",
        "table",
        "section",
        "chapter",
        "figure",
        "box",
        "form",
        "category",
        "option",
        "stage",
        "step",
        "tier",
        "level",
        "plan",
        "group",
    }
)
_LETTER_STOP = re.compile(r"^[A-Z]\.$")


@Language.component(LINE_BREAKS)
def mark_line_starts(doc: Doc) -> Doc:
    """Mark line starts that open a list item or a new sentence (see the module docstring),
    and the sentence after a lettered label's full stop (``see Annex B. Schools ...``)."""
    for token in doc[1:-1]:
        if (
            _LETTER_STOP.match(token.text)
            and doc[token.i - 1].lower_ in _LETTERED
            and doc[token.i + 1].is_title
        ):
            doc[token.i + 1].is_sent_start = True
    for token in doc[:-1]:
        if "\n" not in token.whitespace_ and not (token.is_space and "\n" in token.text):
            continue
        nxt = doc[token.i + 1]
        while nxt.is_space and nxt.i + 1 < len(doc):
            nxt = doc[nxt.i + 1]
        if nxt.is_space:
            continue
        last = token
        while last.is_space and last.i > 0:
            last = doc[last.i - 1]
        before = doc[max(0, last.i - 1) : last.i + 1].text
        ends_step = last.text in (":", ";", ".", "?", "!", *_DASHES) or before.replace(
            " ", ""
        ).endswith((";and", ";or"))
        # a capitalised word that is not a proper name opens an item ("Work with you ..."),
        # as does a paragraph label ("(a) inform ...")
        opens_item = (
            nxt.text in BULLET_GLYPHS
            or (nxt.is_title and (nxt.lower_.endswith("ing") or nxt.tag_ not in ("NNP", "NNPS")))
            or (nxt.text == "(" and nxt.i + 2 < len(doc) and doc[nxt.i + 2].text == ")")
        )
        if ends_step or opens_item:
            nxt.is_sent_start = True
        if nxt.text in BULLET_GLYPHS and nxt.i + 1 < len(doc):
            # the glyph alone is a sentence: parsed with the item it derails it ("• work with"
            # read as a verb "•" with the object "work")
            doc[nxt.i + 1].is_sent_start = True
    return doc


def line_start(token: Token) -> bool:
    """Whether ``token`` opens a line (after a bullet glyph that opens it, too)."""
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    if before.text in BULLET_GLYPHS and before.i > 0 and line_start(before):
        return True
    return "\n" in before.whitespace_ or (before.is_space and "\n" in before.text)
