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
* when it ends in ``that`` (``Schools should ensure that:``), the governing
  verb's modal, also for items with a subject of their own (each item is one
  of its that-clauses), and no subject;
* otherwise the lead-in's subject only (``We can help you in the following
  ways:``): a gerund item under a noun is not governed by the lead-in's modal.

Only an item whose own clause has no subject inherits the lead-in's subject
(``there are no barriers ...`` keeps its own). A lead-in with neither subject
nor modal (``Working with carers to:``) hands on what the lead-in above it has.

Plain-text input keeps its bullet glyphs: ``textmine_bullets`` runs before
the model and gives a glyph that opens a line the norm of ``;``, so the item
after it parses as if the glyph were not there.

:func:`listed_items` reads a list of *arguments* under a term (``the
authority must consult— (a) ...; (b) ...``): its items are the term's
recipients (:mod:`textmine.nlp.recipients`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from textmine.nlp.grammar.syntax import conjuncts, verb_above

__all__ = [
    "BULLETS",
    "LINE_BREAKS",
    "MAX_LIST_TOKENS",
    "LeadIn",
    "item_heads",
    "lead_in_sentence",
    "listed_items",
    "mark_line_starts",
    "neutral_bullets",
    "read_lead_in",
]

LINE_BREAKS = "textmine_line_breaks"
BULLETS = "textmine_bullets"
_BULLETS = frozenset("•●▪◦‣-–—*·")
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
        ends_step = last.text in (":", ";", ".", "?", "!", *_DASHES) or before.replace(
            " ", ""
        ).endswith((";and", ";or"))
        # a capitalised word that is not a proper name opens an item ("Work with you ..."),
        # as does a paragraph label ("(a) inform ...")
        opens_item = (
            nxt.text in _BULLETS
            or (nxt.is_title and (nxt.lower_.endswith("ing") or nxt.tag_ not in ("NNP", "NNPS")))
            or (nxt.text == "(" and nxt.i + 2 < len(doc) and doc[nxt.i + 2].text == ")")
        )
        if ends_step or opens_item:
            nxt.is_sent_start = True
        if nxt.text in _BULLETS and nxt.i + 1 < len(doc):
            # the glyph alone is a sentence: parsed with the item it derails it ("• work with"
            # read as a verb "•" with the object "work")
            doc[nxt.i + 1].is_sent_start = True
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


def _line_start(token: Token) -> bool:
    """Whether ``token`` opens a line (after a bullet glyph that opens it, too)."""
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    if before.text in _BULLETS and before.i > 0 and _line_start(before):
        return True
    return "\n" in before.whitespace_ or (before.is_space and "\n" in before.text)


def _starts_line(sent: Span) -> bool:
    return _line_start(sent.doc[sent.start])


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
    clauses: bool = False  # the items are that-clauses (``ensure that:``)


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
    if last.lower_ == "that":
        # "Schools should ensure that:": each item is a clause with its own subject, and
        # takes the modal of the verb the that-clauses depend on
        governor = last.head if last.head.pos_ in ("VERB", "AUX") else verb_above(last)
        return LeadIn(sent, None, governor, False, clauses=True)
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # "This might involve:" then gerund items: the items are the verb's objects
    governor = last if last.pos_ == "VERB" else None
    return LeadIn(sent, subject, governor, False)


# ------------------------------------------------------------ listed arguments

#: Punctuation that opens a list of a verb's arguments (``must consult—``, ``notify:``).
_OPENERS = frozenset({":", ":-", ":\u2014", *_DASHES})
_ITEM_LABEL = re.compile(r"^(?:[a-z]{1,2}|[ivx]{1,5}|[0-9]{1,2}[a-z]?)$")
#: Longest run of listed arguments read (keeps a 5,000-token sentence linear).
MAX_LIST_TOKENS = 300
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def _label_end(doc: Doc, i: int) -> int | None:
    """Index after an item label at ``i`` (``(a)``, ``(iv)``, ``(2)``, a bullet), else None."""
    token = doc[i]
    if token.text in _BULLETS and token.text not in _DASHES:
        return i + 1
    if (
        token.text == "("
        and i + 2 < len(doc)
        and _ITEM_LABEL.match(doc[i + 1].text)
        and doc[i + 2].text == ")"
    ):
        return i + 3
    return None


def _skip_space(doc: Doc, i: int) -> int:
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def listed_items(last: Token) -> list[Span]:
    """The items of a list of arguments that opens right after ``last``.

    Statutory English lists a verb's objects under it: ``the authority must
    consult— (a) the child's parent; (b) the governing body ...``, ``must
    notify the following: • the school • the health body``. The list opens
    with a colon or dash right after the term (or after ``the following`` and
    an optional noun), and its items are marked by labels ``(a)``, ``(ii)``,
    ``(3)`` or bullets, or stand one a line after a colon that ends its line,
    or, as an Act's paragraphs come out of the readers (labels moved to the
    refs), follow one another separated by ``;``. An item ends at its ``;``
    or the next label (or line); the list ends with a full stop or after
    :data:`MAX_LIST_TOKENS` tokens. Returns the items'
    token spans, without labels and closing punctuation; ``[]`` when no list
    follows.
    """
    doc = last.doc
    i = _skip_space(doc, last.i + 1)
    if i + 1 < len(doc) and doc[i].lower_ == "the" and doc[i + 1].lower_ == "following":
        # "the following—", "the following persons about the proposal—"
        i += 2
        while i < min(len(doc), last.i + 12) and doc[i].text not in _OPENERS:
            if doc[i].text in (".", ";") or doc[i].pos_ in ("VERB", "AUX"):
                return []
            i += 1
    if i >= len(doc) or doc[i].text not in _OPENERS:
        return []
    i = _skip_space(doc, i + 1)
    if i >= len(doc):
        return []
    # without labels: one item a line under a colon that ends its line, else items split
    # by ";" only (an Act's paragraphs joined into one text: "consult— the parent; the school")
    by_line = _label_end(doc, i) is None and _line_start(doc[i])
    items: list[Span] = []
    start = i
    limit = min(len(doc), i + MAX_LIST_TOKENS)
    j = i
    while j < limit:
        token = doc[j]
        label = _label_end(doc, j)
        boundary = label is not None or (by_line and j > start and _line_start(token))
        if boundary:
            _add_item(items, doc, start, j)
            start = label if label is not None else j
            j = start
            continue
        if token.text == ";":
            _add_item(items, doc, start, j)
            start = j + 1
        elif token.text == "." and (j + 1 == len(doc) or doc[j].is_sent_end):
            break
        j += 1
    _add_item(items, doc, start, j)
    return items


def _add_item(items: list[Span], doc: Doc, start: int, end: int) -> None:
    """Add ``doc[start:end]`` without spaces, labels and joining words at its edges."""
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    while end > start and (
        doc[end - 1].is_space or doc[end - 1].is_punct or doc[end - 1].lower_ in ("and", "or")
    ):
        end -= 1
    if end > start:
        items.append(doc[start:end])


def item_heads(item: Span) -> list[Token]:
    """The noun phrases an item names: its tokens headed from outside it, with their conjuncts.

    An item that is a clause (it opens with a verb that has its own subject:
    ``(a) the parent asks for it``) names no argument and gives ``[]``; a
    clause after the item's noun phrase does not count (``such other persons
    as it thinks fit``).
    """
    roots = [t for t in item if t.head == t or not item.start <= t.head.i < item.end]
    content = [t for t in roots if not (t.is_punct or t.is_space or t.dep_ == "cc")]
    first = content[0] if content else None
    if first is not None and (
        first.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in first.children)
    ):
        return []  # "(a) the parent asks for it": a clause, not an argument
    heads = [c for root in roots if root.pos_ in _NOMINAL for c in conjuncts(root)]
    return [h for h in dict.fromkeys(heads) if item.start <= h.i < item.end]
