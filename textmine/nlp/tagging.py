"""Turn a :class:`~textmine.extract.document.Document` into occurrence rows (the tagging contract).

The provisions of one ``unit`` (``s.27(3)``, ``s.27(3)(a)``, ``s.27(3)(b)``)
are joined with a space and parsed as one text, so a sentence that runs
through a list keeps its subject and modal; each occurrence then takes the
``ref`` and ``page`` of the provision holding its matched term. A unit longer
than ``Settings.max_unit_chars`` is cut at a sentence end (else a semicolon,
else a space) into pieces the parser handles in bounded time.

Texts go through ``nlp.pipe`` in batches (``as_tuples=True`` carries each
piece's place), with ``Settings.batch_size`` and ``Settings.n_process``; a
piece in which no term pattern can match cannot yield a row and is not
parsed at all (:func:`_worth_parsing`).
``sentence`` is the sentence the component gives each span (the spaCy
sentence, or a whole list from its lead-in to its last item) with whitespace
collapsed; ``start`` and ``end`` are the term's offsets inside it.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from textmine import timing
from textmine.contract import number_repeats, occurrence_id
from textmine.extract.document import Document, Provision
from textmine.nlp.component import SPANS_KEY, PartnershipTerms
from textmine.nlp.context.document import USER_DATA_KEY, DocumentContext
from textmine.nlp.context.sections import group_units, unit_text
from textmine.nlp.pipeline import COMPONENT, load_pipeline
from textmine.settings import Settings

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Piece",
    "collapse",
    "document_context",
    "split_long",
    "tag",
    "tag_document",
    "tag_documents",
    "tag_units",
    "units",
]

log = logging.getLogger(__name__)

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_CLAUSE_END = re.compile(r"[;:]\s+")


@dataclass(frozen=True)
class Piece:
    """One text handed to the parser: (part of) a unit, with its provisions' offsets."""

    document: int
    order: int
    text: str
    offset: int  # of this piece inside the joined unit text
    provisions: tuple[Provision, ...]
    starts: tuple[int, ...]  # of each provision inside the joined unit text

    def provision_at(self, char: int) -> Provision:
        """The provision holding character ``char`` of this piece."""
        return self.locate(char)[0]

    def locate(self, char: int) -> tuple[Provision, int]:
        """The provision holding character ``char`` of this piece, and the offset in its text."""
        index = max(bisect.bisect_right(self.starts, self.offset + char) - 1, 0)
        return self.provisions[index], self.offset + char - self.starts[index]


def collapse(text: str) -> tuple[str, list[int]]:
    """``text`` with whitespace runs collapsed to one space and stripped, and an offset map.

    The text is :func:`textmine.text.collapse_space`'s; this walk also maps offsets.

    ``mapping[i]`` is the position in the collapsed text of original offset
    ``i`` (``len(mapping) == len(text) + 1``).
    """
    out: list[str] = []
    mapping: list[int] = []
    pending = False
    for char in text:
        if char.isspace():
            pending = bool(out)
            mapping.append(len(out) + (1 if pending else 0))
            continue
        if pending:
            out.append(" ")
            pending = False
        mapping.append(len(out))
        out.append(char)
    mapping.append(len(out))
    return "".join(out), mapping


def split_long(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut ``text`` into ``(offset, piece)`` of at most ``limit`` characters.

    Cuts fall after the last sentence end before the limit, else after a
    semicolon or colon, else at a space, else hard at the limit.
    """
    if len(text) <= limit:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    floor = max(1, limit // 4)
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for pattern in (_SENTENCE_END, _CLAUSE_END):
            ends = [m.end() for m in pattern.finditer(window) if m.end() >= floor]
            if ends:
                cut = ends[-1]
                break
        if not cut:
            space = window.rfind(" ", floor)
            cut = space + 1 if space > 0 else limit
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return [(offset, piece) for offset, piece in pieces if piece.strip()]


def units(document: Document, index: int = 0, max_chars: int | None = None) -> Iterator[Piece]:
    """The pieces of ``document`` to parse: its sections joined, long ones split.

    A section (:func:`~textmine.nlp.context.sections.section_of`) is parsed as
    one text, each provision on a line of its own and each list item led by
    its label (:func:`~textmine.nlp.context.sections.unit_text`).
    """
    order = 0
    for provisions in group_units(document.provisions):
        joined, starts = unit_text(provisions)
        for piece_offset, piece in split_long(joined, max_chars or len(joined) or 1):
            yield Piece(index, order, piece, piece_offset, tuple(provisions), tuple(starts))
            order += 1


def _ensure_component(nlp: Language, settings: Settings) -> None:
    if COMPONENT not in nlp.pipe_names:
        lexicon = str(settings.lexicon_dir) if settings.lexicon_dir else None
        nlp.add_pipe(COMPONENT, config={"lexicon_dir": lexicon})


def _rows(doc: Doc, piece: Piece, document: Document, explain: bool) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    sentences: dict[tuple[int, int], tuple[str, list[int]]] = {}
    text = ""  # doc.text joins every token's text each time it is read: once here
    for span in doc.spans.get(SPANS_KEY, []):
        bounds = span._.sentence or (span.sent.start_char, span.sent.end_char)
        if bounds not in sentences:
            text = text or doc.text
            sentences[bounds] = collapse(text[bounds[0] : bounds[1]])
        sentence, mapping = sentences[bounds]
        start = mapping[span.start_char - bounds[0]]
        # the span's last character, not the one after it (a line break that ends the
        # sentence maps past its folded end)
        end = mapping[span.end_char - 1 - bounds[0]] + 1
        provision, offset = piece.locate(span.start_char)
        span._.ref = provision.ref
        row: dict[str, Any] = {
            "doc": document.doc,
            "ref": provision.ref,
            "page": provision.page,
            "sentence": sentence,
            "start": start,
            "end": end,
            "text": sentence[start:end],
            "term": span._.term,
            "level": span._.level,
            "actor": span._.actor,
            "actor_text": span._.actor_text,
            "recipients": list(span._.recipients or []),
            "modality": span._.modality,
            "negated": bool(span._.negated),
            "voice": span._.voice,
            "kind": document.kind,
            "heading": provision.heading,
            "part": provision.part,
            "chapter": provision.chapter,
            "unit": provision.unit,
            "id": occurrence_id(document.doc, provision.text, offset, span.text),
            "doubts": list(span._.doubts or []),
        }
        if explain:
            row["explain"] = span._.rule
        rows.append(row)
    return rows


def tag_documents(
    documents: Iterable[Document],
    *,
    nlp: Language | None = None,
    settings: Settings | None = None,
) -> list[dict[str, Any]]:
    """Occurrence rows of every document, in document order (contract fields first).

    ``nlp`` defaults to :func:`~textmine.nlp.pipeline.load_pipeline` for
    ``settings``; a pipeline without the ``partnership_terms`` component gets
    one added. With ``settings.explain`` each row carries an ``explain``
    object (the rule behind every field). Every decision is the component's;
    the rows are its spans, and the ids of repeated provisions are numbered
    (:func:`~textmine.contract.number_repeats`).
    """
    settings = settings or Settings()
    documents = list(documents)
    rows = tag_units(documents, nlp=nlp, settings=settings)
    by_document: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_document.setdefault(row["doc"], []).append(row)
    for own in by_document.values():
        number_repeats(own)
    log.info("tagged %d documents: %d occurrences", len(documents), len(rows))
    return rows


def document_context(
    document: Document, nlp: Language, settings: Settings | None = None
) -> DocumentContext:
    """What ``document`` tells the component about each of its clauses (its addressee,
    where its staff work: :mod:`textmine.nlp.context.document`)."""
    settings = settings or Settings()
    _ensure_component(nlp, settings)
    component = nlp.get_pipe(COMPONENT)
    assert isinstance(component, PartnershipTerms)
    return component.read_context([p.text for p in document.provisions], document.kind)


def tag_units(
    documents: list[Document],
    *,
    nlp: Language | None = None,
    settings: Settings | None = None,
    contexts: list[DocumentContext] | None = None,
) -> list[dict[str, Any]]:
    """The rows of the units of ``documents`` (not yet numbered for repeats).

    ``contexts`` gives each document's context (:func:`document_context`),
    for a document tagged here in parts: the context is the whole
    document's. Without it each document's context is read from it.
    """
    settings = settings or Settings()
    nlp = nlp or load_pipeline(settings)
    _ensure_component(nlp, settings)
    if contexts is None:
        contexts = [document_context(d, nlp, settings) for d in documents]
    pieces = _worth_parsing(
        nlp,
        (
            (piece.text, piece)
            for index, document in enumerate(documents)
            for piece in units(document, index, settings.max_unit_chars)
        ),
        [context.to_data() for context in contexts],
    )
    disable = [name for name in settings.disable if name in nlp.pipe_names]
    rows: list[dict[str, Any]] = []
    if settings.n_process != 1 or nlp.pipe_names[-1] != COMPONENT:
        for doc, piece in nlp.pipe(
            pieces,
            as_tuples=True,
            batch_size=settings.batch_size,
            n_process=settings.n_process,
            disable=disable,
        ):
            rows.extend(_rows(doc, piece, documents[piece.document], settings.explain))
        return rows
    # In one process the component (the last) runs after the rest of the pipeline, as
    # nlp.pipe would run it, so that the time of each is known (textmine.timing: parse, tag).
    component = nlp.get_pipe(COMPONENT)
    parsed = nlp.pipe(
        pieces, as_tuples=True, batch_size=settings.batch_size, disable=[*disable, COMPONENT]
    )
    for doc, piece in timing.timed(parsed, "parse"):
        with timing.stage("tag"):
            doc = component(doc)
            rows.extend(_rows(doc, piece, documents[piece.document], settings.explain))
    return rows


def _worth_parsing(
    nlp: Language, pieces: Iterator[tuple[str, Piece]], contexts: list[dict[str, Any]]
) -> Iterator[tuple[Doc, Piece]]:
    """The pieces that can hold a term, tokenised, each with its document's context; the
    others are never parsed.

    The component makes spans only from term matches in the piece itself, and
    no component before it changes the tokens: a piece in which no term
    pattern, cut down to what the tokenizer sets, matches gets no span and no
    row, so its parse can be skipped (two fifths of a long guidance document's
    tokens) without changing any output
    (:meth:`~textmine.nlp.component.PartnershipTerms.can_match`). A component
    without ``can_match`` gets every piece.
    """
    can_match = getattr(nlp.get_pipe(COMPONENT), "can_match", None)
    for text, piece in pieces:
        doc = nlp.make_doc(text)
        if can_match is None or can_match(doc):
            doc.user_data[USER_DATA_KEY] = contexts[piece.document]
            yield doc, piece


def tag_document(
    document: Document, *, nlp: Language | None = None, settings: Settings | None = None
) -> list[dict[str, Any]]:
    """Occurrence rows of one document (see :func:`tag_documents`)."""
    return tag_documents([document], nlp=nlp, settings=settings)


def tag(source: str | Path | Document, *, settings: Settings | None = None) -> pd.DataFrame:
    """Tag a file (PDF, legislation XML, plain text) or a Document; one row per occurrence."""
    from textmine.extract import extract
    from textmine.rows import rows_to_frame

    settings = settings or Settings()
    document = source if isinstance(source, Document) else extract(source, settings=settings)
    return rows_to_frame(tag_document(document, settings=settings))
