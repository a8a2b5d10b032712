"""Turn a :class:`~textmine.extract.document.Document` into occurrence rows (the tagging contract).

The provisions of one ``unit`` (``s.27(3)``, ``s.27(3)(a)``, ``s.27(3)(b)``)
are joined with a space and parsed as one text, so a sentence that runs
through a list keeps its subject and modal; each occurrence then takes the
``ref`` and ``page`` of the provision holding its matched term. A unit longer
than ``Settings.max_unit_chars`` is cut at a sentence end (else a semicolon,
else a space) into pieces the parser handles in bounded time.

Texts go through ``nlp.pipe`` in batches (``as_tuples=True`` carries each
piece's place), with ``Settings.batch_size`` and ``Settings.n_process``; a
piece with none of the component's trigger words cannot yield a row and is
not parsed at all (:func:`_worth_parsing`).
``sentence`` is the spaCy sentence with whitespace collapsed; ``start`` and
``end`` are the term's offsets inside that collapsed sentence.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from textmine.contract import occurrence_id
from textmine.extract.document import Document, Provision
from textmine.nlp.component import SPANS_KEY
from textmine.nlp.context.sections import group_units, unit_text
from textmine.nlp.pipeline import COMPONENT, load_pipeline
from textmine.nlp.workplace import finish_rows, mark_of
from textmine.settings import Settings

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Piece",
    "collapse",
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
    sentences: dict[int, tuple[str, list[int]]] = {}
    for span in doc.spans.get(SPANS_KEY, []):
        sent: Span = span.sent
        if sent.start not in sentences:
            sentences[sent.start] = collapse(sent.text)
        sentence, mapping = sentences[sent.start]
        start = mapping[span.start_char - sent.start_char]
        # the span's last character, not the one after it (a line break that ends the
        # sentence maps past its folded end)
        end = mapping[span.end_char - 1 - sent.start_char] + 1
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
    object (pattern, and the rule and evidence of every field). Once all rows
    are made, the document passes run (:mod:`textmine.nlp.workplace`): the
    imperatives of each guidance document take its addressee, and bare
    *staff* the workplace its staff have where one is named.
    """
    settings = settings or Settings()
    documents = list(documents)
    rows, marks = tag_units(documents, nlp=nlp, settings=settings)
    _document_passes(rows, marks)
    log.info("tagged %d documents: %d occurrences", len(documents), len(rows))
    return rows


def tag_units(
    documents: list[Document], *, nlp: Language | None = None, settings: Settings | None = None
) -> tuple[list[dict[str, Any]], list[tuple[int, str]]]:
    """The rows of :func:`tag_documents` before the document passes.

    Returns the rows and, for each row, ``(index of its document, mark)``
    (:func:`textmine.nlp.workplace.mark_of`); a caller that tags a document in
    chunks collects both and gives each whole document's rows and marks to
    :func:`textmine.nlp.workplace.finish_rows` itself.
    """
    settings = settings or Settings()
    nlp = nlp or load_pipeline(settings)
    _ensure_component(nlp, settings)
    pieces = _worth_parsing(
        nlp,
        (
            (piece.text, piece)
            for index, document in enumerate(documents)
            for piece in units(document, index, settings.max_unit_chars)
        ),
    )
    disable = [name for name in settings.disable if name in nlp.pipe_names]
    rows: list[dict[str, Any]] = []
    marks: list[tuple[int, str]] = []  # (document, document-pass mark) of each row
    for doc, piece in nlp.pipe(
        pieces,
        as_tuples=True,
        batch_size=settings.batch_size,
        n_process=settings.n_process,
        disable=disable,
    ):
        rows.extend(_rows(doc, piece, documents[piece.document], settings.explain))
        marks.extend(
            (
                piece.document,
                mark_of((span._.rule or {}).get("actor", {}).get("rule", ""), span._.actor),
            )
            for span in doc.spans.get(SPANS_KEY, [])
        )
    return rows, marks


def _document_passes(rows: list[dict[str, Any]], marks: list[tuple[int, str]]) -> None:
    """The document passes of :mod:`textmine.nlp.workplace`, over each document's rows."""
    by_document: dict[int, list[int]] = {}
    for i, (document, _) in enumerate(marks):
        by_document.setdefault(document, []).append(i)
    for indices in by_document.values():
        finish_rows([rows[i] for i in indices], [marks[i][1] for i in indices])


def _worth_parsing(
    nlp: Language, pieces: Iterator[tuple[str, Piece]]
) -> Iterator[tuple[str | Doc, Piece]]:
    """The pieces that can hold a term, tokenised; the others are never parsed.

    The component matches only in sentences holding one of its trigger words
    (the first words of the term patterns, ``triggers``) and creates spans only
    from those matches, and no component before it changes the tokens: a piece
    none of whose tokens is a trigger gets no span and no row, so its parse can
    be skipped (about a third of a long guidance document) without changing
    any output. A component without ``triggers`` (``None``: some pattern
    starts otherwise) gets every piece.
    """
    triggers = getattr(nlp.get_pipe(COMPONENT), "triggers", None)
    if triggers is None:
        yield from pieces
        return
    for text, piece in pieces:
        doc = nlp.make_doc(text)
        if numpy.isin(doc.to_array(LOWER), triggers).any():
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
