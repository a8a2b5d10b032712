"""A list item read as the short clause its lead-in completes.

``The local authority must— (a) inform the child's parent ...`` means ``The
local authority must inform the child's parent ...``. Parsed as one run-on
sentence, an item loses its subject and modal; parsed on its own, it has
none. :func:`compose` writes the clause the item completes: the last
sentence of the outermost lead-in, then each nested lead-in, then the item,
each without its label and closing mark, and keeps a map from every
character of that text back to the unit's text (:class:`Composition`). The
component parses the composed clause and reads the item's terms from it.

A lead-in that ends with a noun phrase and a colon (``We can help you in the
following ways:``) does not take its items as a continuation of its grammar:
the colon stays, and the item its own line, so the parse keeps it apart (its
verb then takes the lead-in's subject as a list item, but not its modal). So
does a lead-in that is only a condition (``If a child goes missing:``), whose
items are sentences of their own. But a noun phrase is the subject of items
that open with a verb in the third person (``The designated officer:`` then
``notifies Ofsted``), and the object of *ensure* of items that open with a
plain verb (``Staff ensure children:`` then ``participate safely``): those
items continue it.
Every other lead-in (a dash, or a colon after a modal, a verb, ``that`` or an
embedded subject: ``should:``, ``might involve:``, ``ensure that:``,
``ensure that they:``) is joined to its item by a space, and the item's first
word loses the capital it had only for opening a line (``Working with`` reads
``working with``; a proper name keeps it).

A modal followed by an aside leads its items as the bare modal: an aside with
no verb (``must, subject to paragraph (5)—``) or a whole condition clause
(``must, unless it is not reasonably practicable—``). The words of an amending
lead-in (``after subsection (1) insert—``) lead nothing: the text it inserts
is read as it stands, and only its own lead-ins compose
(:func:`completing_chain`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from textmine.nlp.context.lists import Item, Segment

__all__ = ["Composition", "completing_chain", "compose", "find_pointer", "sentence_start"]

#: Subject pronouns that end an embedded clause's lead-in (``ensure that they:``).
_SUBJECT_PRONOUNS = frozenset({"they", "he", "she", "it", "we", "you", "i"})
#: Where a noun ending a lead-in is an argument, not the subject of an embedded clause.
_ARGUMENT_DEPS = frozenset({"pobj", "dobj", "attr", "compound", "poss", "npadvmod", "appos"})
#: What ends an item before the next: ``;``, ``; and``, ``, or``, ``.``.
_ITEM_END = re.compile(r"\s*[;,.]?(?:\s*(?:and|or))?\s*[;,.]?\s*$")
#: ``the following`` (``persons``, ``bodies`` ...) in a lead-in: the items take its place.
_POINTER = re.compile(
    r"\bthe following(?:\s+(?:persons?|bodies|body|people|organisations?|parties|"
    r"individuals|matters))?\b",
    re.IGNORECASE,
)
#: A preposition before ``the following``: the list elaborates a noun, no verb's argument.
_AFTER_PREPOSITION = [[word] for word in ("in", "of", "on", "at", "by", "for", "with", "to")]
#: Words opening a condition or time clause set off after a modal (``must, unless ...``).
_CONDITIONS = frozenset(
    {
        "unless",
        "if",
        "where",
        "when",
        "whenever",
        "once",
        "before",
        "after",
        "except",
        "so",
        "as",
        "while",
        "until",
    }
)
#: Words after which a clause still waits for its items (``if satisfied that the child—``).
_OPENERS = frozenset({"that", "whether", "who", "which", "whom", "where", "when", "to"})
#: A real sentence boundary inside a lead-in: a stop and a space, or a line break.
_STOP = re.compile(r"[.;:?!][\"\u201d\u2019)]?\s+|\n")
#: The end of an amending lead-in, whose items are the text it inserts (``insert—``,
#: ``substitute—``, ``there is inserted—``).
_AMENDING = re.compile(
    r"\b(?:insert|substitute|add|(?:is|are) (?:inserted|substituted|added))\s*$", re.IGNORECASE
)
#: Words that point at the list rather than open a clause it completes.
_POINTERS = frozenset({"following", "follows", "below", "these", "those", "this"})


@dataclass(frozen=True)
class Composition:
    """A composed clause and the map of its characters back to the unit's text."""

    text: str
    #: ``(start in text, start in the unit's text, length)`` of each copied piece, in order.
    pieces: tuple[tuple[int, int, int], ...]
    #: Where the item stands in :attr:`text`.
    item_start: int
    item_end: int

    def to_unit(self, char: int) -> int | None:
        """The unit-text offset of character ``char`` of the composed text (``None``: a joint)."""
        index = bisect.bisect_right([p[0] for p in self.pieces], char) - 1
        if index < 0:
            return None
        start, source, length = self.pieces[index]
        if char - start > length:
            return None
        return source + char - start

    def from_unit(self, char: int) -> int | None:
        """The composed-text offset of unit-text character ``char``, if it was copied."""
        for start, source, length in self.pieces:
            if source <= char <= source + length:
                return start + char - source
        return None


def find_pointer(
    doc: Doc, start: int, end: int, views: frozenset[str] = frozenset()
) -> re.Match[str] | None:
    """``the following`` between characters ``start`` and ``end`` of ``doc`` standing for
    the list's items: an argument (``must consult the following``), or the owner of views
    (``the views of the following are considered``: ``views`` are the lemmas of such nouns);
    not after a preposition otherwise (``in the following ways``: the items elaborate a noun).
    """
    text = doc.text
    pointer = _POINTER.search(text, start, end)
    if pointer is None:
        return None
    before = text[start : pointer.start()].split()[-2:]
    if before[-1:] in _AFTER_PREPOSITION:
        owner = doc.char_span(*_last_word(text, start, pointer.start()), alignment_mode="expand")
        if not (before[-1] == "of" and owner is not None and owner.root.lemma_.lower() in views):
            return None
    return pointer


def _last_word(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the word before the last word of ``text[start:end]`` stands (``views`` of
    ``the views of``)."""
    words = list(re.finditer(r"\S+", text[start:end]))
    word = words[-2] if len(words) >= 2 else words[-1]
    return start + word.start(), start + word.end()


def compose(
    doc: Doc, item: Item, tail: int | None = None, views: frozenset[str] = frozenset()
) -> Composition | None:
    """The clause ``item`` completes in the parsed unit ``doc`` (``None``: no lead-in).

    ``views`` are the lemmas of nouns whose ``of the following`` points at the items
    (``the views of the following``).

    ``tail`` is where the items of a list the item itself leads in end
    (``(c) notify— (i) the health body; (ii) ...``): the text up to there is
    copied after the item, so that a term of the item finds its listed
    arguments; the item's own words remain the region its terms are read from.
    """
    text = doc.text
    chain = completing_chain(text, item)
    if not chain:
        return None
    amended = len(chain) < len(item.chain)
    spans: list[tuple[int, int]] = []
    for depth, lead in enumerate(chain):
        assert lead.mark is not None
        start = sentence_start(doc, lead) if depth == 0 and not amended else lead.start
        end = _modal_end(doc, lead) or len(text[: lead.mark].rstrip())
        if end > start:
            spans.append((start, end))
    if not spans:
        return None
    # "must consult the following about the plan—": the item takes the pointer's place
    last_start, last_end = spans[-1]
    pointer = find_pointer(doc, last_start, last_end, views)
    rest: tuple[int, int] | None = None
    if pointer is not None and text[pointer.end() : last_end].strip():
        spans[-1] = (last_start, pointer.start())
        rest = (pointer.end(), last_end)
    elif pointer is not None:
        spans[-1] = (last_start, pointer.start())
    keep_colon = pointer is None and (
        (
            (_nominal_end(doc, chain[-1]) or _condition_only(doc, chain[-1]))
            and not _subject_lead(doc, chain[-1], item)
        )
        or _verb_after_copula(doc, item)
    )
    out: list[str] = []
    pieces: list[tuple[int, int, int]] = []
    length = 0
    for index, (start, end) in enumerate(spans):
        if index:
            out.append(" ")
            length += 1
        words = text[start:end].rstrip()
        pieces.append((length, start, len(words)))
        out.append(words)
        length += len(words)
    # after a noun phrase the item stays a sentence of its own, on its own line
    out.append(":\n" if keep_colon else " ")
    length += 2 if keep_colon else 1
    segment = item.segment
    end = max(segment.end, tail or 0)
    item_start = length
    words = text[segment.start : end]
    if not keep_colon and _common_capital(doc, segment.start):
        # "This can be achieved by: Working with ...": the item continues the sentence
        words = words[0].lower() + words[1:]
    if rest is not None:  # "the parent of the child; about the plan": the item's own end goes
        words = _ITEM_END.sub("", words)
    pieces.append((length, segment.start, len(words)))
    out.append(words)
    length += len(words)
    if rest is not None:
        words_after = text[rest[0] : rest[1]].strip()
        offset = rest[0] + len(text[rest[0] : rest[1]]) - len(text[rest[0] : rest[1]].lstrip())
        out.append(" ")
        length += 1
        pieces.append((length, offset, len(words_after)))
        out.append(words_after)
    return Composition(
        "".join(out),
        tuple(pieces),
        item_start,
        item_start + min(segment.end - segment.start, len(words)),
    )


def completing_chain(text: str, item: Item) -> tuple[Segment, ...]:
    """The lead-ins ``item`` completes: those after the last amending one.

    ``after subsection (1) insert— (1A) The board must— (a) consult ...``: the
    text an amendment inserts does not complete the amending words (it is
    read as sentences of its own), but its own lead-ins it does.
    """
    amended = [i for i, lead in enumerate(item.chain) if _AMENDING.search(_lead_words(text, lead))]
    return item.chain[amended[-1] + 1 :] if amended else item.chain


def _lead_words(text: str, lead: Segment) -> str:
    assert lead.mark is not None
    return text[lead.start : lead.mark].rstrip()


def _modal_end(doc: Doc, lead: Segment) -> int | None:
    """The end of a lead-in's modal when an aside with no verb follows it to the mark.

    ``must, subject to paragraph (5)—``, ``must, in particular—``: the item
    completes the modal, so the aside is left out of the composed clause. In
    ``X must, and must ensure that staff—`` the items complete the first of
    two coordinated duties (as coordinated subjects give the first conjunct's
    doer), so the clause ends at the first modal.
    """
    assert lead.mark is not None
    span = doc.char_span(lead.start, lead.mark, alignment_mode="expand")
    if span is None:
        return None
    modals = [t for t in span if t.tag_ == "MD"]
    for first, second in itertools.pairwise(modals):
        between = [t.text for t in span.doc[first.i + 1 : second.i]]
        if between in ([",", "and"], [",", "or"]):
            # "X must, and must ensure that staff—": the items complete the first duty, X's
            return first.idx + len(first.text)
    modal = modals[-1] if modals else None
    if modal is None or modal.i == span.end - 1:
        return None
    rest = doc[modal.i + 1 : span.end]
    if rest[0].text != ",":
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in rest) and not _closed_condition(rest[1:]):
        return None
    return modal.idx + len(modal.text)


def _closed_condition(aside: Span) -> bool:
    """Whether an aside between a modal and the mark is a whole condition or time clause
    (``must, unless it is not reasonably practicable—``), which the items do not complete.

    ``must, if it is satisfied that the child—`` is not closed: its items complete the
    clause the aside opens (``the child— (a) is ...``), not the modal.
    """
    words = [t for t in aside if not (t.is_punct or t.is_space)]
    if len(words) < 2 or words[0].lower_ not in _CONDITIONS:
        return False
    verbs = [t for t in words if t.pos_ in ("VERB", "AUX")]
    after = words[words.index(verbs[-1]) + 1 :] if verbs else words
    return not any(t.lower_ in _OPENERS or t.dep_ == "mark" for t in after)


def _common_capital(doc: Doc, char: int) -> bool:
    """Whether the word at ``char`` is capitalised only because it opens a line."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    word = span[0]
    return word.is_title and word.tag_ not in ("NNP", "NNPS") and len(word.text) > 1


def sentence_start(doc: Doc, lead: Segment) -> int:
    """Where the sentence ending with the outermost lead-in starts (never inside an earlier
    list item or sentence on an earlier line)."""
    assert lead.mark is not None
    span = doc.char_span(lead.start, lead.mark, alignment_mode="expand")
    if span is None or not len(span):
        return lead.start
    start = span[-1].sent.start_char
    if start > lead.start and doc.text[start].islower():
        # a sentence the parser opened inside the lead-in, at a word in lower case ("Before
        # requiring X to act the Commission | must—"): the clause runs from the last stop
        before = doc.text[lead.start : start]
        stops = list(_STOP.finditer(before))
        return lead.start + stops[-1].end() if stops else lead.start
    if start < lead.start and lead.label is not None:
        return lead.start  # "(1) An agreement must—": a label or glyph opens the clause
    if start < lead.start:
        before = doc.text[start : lead.start]
        if any(before.rstrip().endswith(mark) for mark in (";", ".", ":")) or ";\n" in before:
            return lead.start
    return start


def _verb_after_copula(doc: Doc, item: Item) -> bool:
    """``Programmes that are: ... Involve families``: a base-form verb cannot complete *be*."""
    lead = item.chain[-1]
    assert lead.mark is not None
    before = doc.char_span(lead.start, lead.mark, alignment_mode="expand")
    first = doc.char_span(item.start, item.end, alignment_mode="expand")
    if not before or not first:
        return False
    words = [t for t in before if not (t.is_punct or t.is_space)]
    return bool(words) and words[-1].lemma_ == "be" and first[0].tag_ in ("VB", "VBP")


#: Verbs whose object before a colon is the subject of the clauses its items complete
#: (``Staff ensure children:`` then ``participate safely``).
_SEEING_TO = frozenset({"ensure"})


def _subject_lead(doc: Doc, lead: Segment, item: Item) -> bool:
    """Whether a lead-in that ends with a noun phrase is the subject of its items' verbs:
    ``The designated officer:`` then ``notifies Ofsted``, ``informs the parents``; an item
    that opens with a verb in the third person singular present completes the noun phrase
    as its predicate, unless the noun is a verb's or preposition's object; the object of
    *ensure* is the subject of items that open with a plain verb (``Staff ensure
    children:`` then ``participate safely``). A line-initial verb is often tagged a plural
    noun in the unit's parse (``* notifies Ofsted``), so a lower-case first word in ``-s``
    counts too."""
    assert lead.mark is not None
    span = doc.char_span(lead.start, lead.mark, alignment_mode="expand")
    first = doc.char_span(item.start, item.end, alignment_mode="expand")
    words = [t for t in span if not (t.is_punct or t.is_space)] if span else []
    if not words or not first:
        return False
    last = words[-1]
    opening = first[0]
    if (
        last.dep_ == "dobj"
        and last.head.lemma_ in _SEEING_TO
        and opening.is_lower
        and opening.tag_ in ("VB", "VBP")
    ):  # "Staff ensure children:" then "participate safely": the children participate
        return True
    return (
        opening.is_lower
        and (
            opening.tag_ == "VBZ"
            or (
                opening.tag_ == "NNS"
                and opening.lower_.endswith("s")
                and opening.lower_[-2:] != "ss"
            )
        )
        and last.pos_ in ("NOUN", "PROPN")
        and last.dep_ not in ("dobj", "pobj", "attr", "dative")
    )


def _condition_only(doc: Doc, lead: Segment) -> bool:
    """Whether a colon lead-in is only a condition or time clause (``If you suspect
    bullying:``, ``When a child goes missing:``): its items are sentences of their own (most
    often imperatives), not the clause's continuation."""
    assert lead.mark is not None
    if doc.text[lead.mark] != ":":
        return False
    span = doc.char_span(lead.start, lead.mark, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span[-1].sent.root
    return any(
        c.dep_ == "mark" and c.lower_ in _CONDITIONS and span.start <= c.i < span.end
        for c in root.children
    ) and not any(t.tag_ == "MD" for t in span)


def _nominal_end(doc: Doc, lead: Segment) -> bool:
    """Whether a colon lead-in ends with a noun phrase its items do not continue."""
    assert lead.mark is not None
    if doc.text[lead.mark] != ":":
        return False
    span = doc.char_span(lead.start, lead.mark, alignment_mode="expand")
    words: list[Token] = [t for t in span if not (t.is_punct or t.is_space)] if span else []
    if not words:
        return False
    last = words[-1]
    if last.lower_ in _SUBJECT_PRONOUNS:
        return False  # "ensure that they:"
    if last.lower_ in _POINTERS:
        return True  # "the following:", "as follows:", "set out below:"
    # "making sure that all staff:" is an embedded subject; "in the following ways:" is not
    return last.pos_ in ("NOUN", "PROPN", "NUM") and (
        last.dep_ in _ARGUMENT_DEPS or last.dep_ == "ROOT"
    )
