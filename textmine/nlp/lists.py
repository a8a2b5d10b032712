"""Bulleted lists under a lead-in: one sentence per item, and what an item inherits.

Guidance readers deliver a paragraph's bullets as separate lines of one
provision's text (``The designated teacher should:`` then ``work with the
VSH ...`` on the next line). Parsed as one run, such items are glued to each
other and to the lead-in, and a bare item verb or gerund comes out with no
subject, the wrong head, or a modal from an unrelated item.

The cheapest fix that keeps the parse linear is to *segment before parsing*:
the ``textmine_line_breaks`` component runs before the parser and marks the
first word of a line as a sentence start when the previous line ends a
sentence or a list step (``:``, ``;``, ``; and``, ``.``), or when the line opens
with a bullet glyph or a capitalised gerund (``Working with ...``). The
parser keeps preset boundaries, so every item becomes its own sentence; no
text is parsed twice (the benchmark overhead stays that of one scan of the
whitespace tokens). Hard-wrapped prose (a line ending mid-sentence followed by
a lower-case word) is left alone.

After parsing, :func:`lead_in_sentence` finds an item's lead-in: the nearest
earlier sentence of the same list that ends with a colon. The component then
lets an item whose verb has no subject of its own take

* the lead-in's subject and modal when the lead-in ends in a modal
  (``The designated teacher should:``);
* the embedded subject and the governing verb's modal when it ends in a noun
  phrase (``Schools should ensure that they:`` gives the schools and
  ``should``, the tagging guidelines' ``ensure that`` rule; ``This means
  making sure that all staff:`` gives staff and no modal);
* when it ends in a verb (``This might involve:``), that verb's modal (the
  items are its objects) and its subject;
* otherwise the lead-in's subject only (``We can help you in the following
  ways:``): a gerund item under a noun is not governed by the lead-in's modal.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from textmine.nlp.syntax import verb_above

__all__ = ["LINE_BREAKS", "LeadIn", "lead_in_sentence", "mark_line_starts", "read_lead_in"]

LINE_BREAKS = "textmine_line_breaks"
_BULLETS = frozenset("•●▪◦‣-–—*·")
_DASHES = frozenset({"-", "\u2013", "\u2014"})
#: How many sentences back an item looks for its lead-in.
MAX_ITEMS = 40


@Language.component(LINE_BREAKS)
def mark_line_starts(doc: Doc) -> Doc:
    """Mark line starts that open a list item or a new sentence (see the module docstring)."""
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
        ends_step = last.text in (":", ";", ".", "?", "!") or before.replace(" ", "").endswith(
            (";and", ";or")
        )
        # a capitalised word that is not a proper name opens an item ("Work with you ...")
        opens_item = nxt.text in _BULLETS or (
            nxt.is_title and (nxt.lower_.endswith("ing") or nxt.tag_ not in ("NNP", "NNPS"))
        )
        if ends_step or opens_item:
            nxt.is_sent_start = True
    return doc


def _content(sent: Span) -> list[Token]:
    """The tokens of ``sent`` without whitespace and a closing colon or ``:-``."""
    tokens = [t for t in sent if not t.is_space]
    while tokens and (tokens[-1].text.startswith(":") or tokens[-1].text in _DASHES):
        tokens.pop()
    return tokens


def _ends_with_colon(sent: Span) -> bool:
    tokens = [t for t in sent if not t.is_space]
    if tokens and tokens[-1].text in _DASHES:
        tokens.pop()
    return bool(tokens) and tokens[-1].text.startswith(":")


def _starts_line(sent: Span) -> bool:
    if sent.start == 0:
        return False
    before = sent.doc[sent.start - 1]
    return "\n" in before.whitespace_ or (before.is_space and "\n" in before.text)


def lead_in_sentence(token: Token) -> Span | None:
    """The lead-in (a sentence ending with a colon) of the list item holding ``token``."""
    sent = token.sent
    if not _starts_line(sent):
        return None
    doc = token.doc
    start = sent.start
    for _ in range(MAX_ITEMS):
        if start == 0:
            return None
        previous = doc[start - 1].sent
        if _ends_with_colon(previous):
            return previous
        # an item may hold several sentences ("... for them. We will help ..."): keep going
        start = previous.start
    return None


@dataclass(frozen=True)
class LeadIn:
    """What a list's lead-in hands to its items."""

    sentence: Span
    subject: Token | None  # the party-bearing token, or None
    governor: Token | None  # the verb whose modal the items take, or None
    modal_word: bool  # the lead-in ends with a modal (``should:``)


def read_lead_in(sent: Span, modals: Collection[str]) -> LeadIn:
    """Read the subject and governing verb of a lead-in sentence ending with a colon."""
    tokens = _content(sent)
    if not tokens:
        return LeadIn(sent, None, None, False)
    last = tokens[-1]
    if last.lower_ in modals:
        verb = last.head if last.dep_ in ("aux", "auxpass") else last
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return LeadIn(sent, subject, last, True)
    if last.pos_ in ("NOUN", "PROPN", "PRON") and (
        last.dep_ not in ("pobj", "dobj", "attr", "compound", "poss", "npadvmod")
        or last.lower_ in ("they", "he", "she", "it", "we", "you")
    ):
        # "ensure that they:" / "making sure that all staff:": the embedded subject
        return LeadIn(sent, last, verb_above(last, steps=6), False)
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # "This might involve:" then gerund items: the items are the verb's objects
    governor = last if last.pos_ == "VERB" else None
    return LeadIn(sent, subject, governor, False)
