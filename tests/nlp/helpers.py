"""Helpers shared by the tagger's tests: hand-built parses and contract fields of a Doc."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from textmine.nlp.component import SPANS_KEY
from textmine.nlp.context.document import USER_DATA_KEY


def parsed(vocab: Vocab, rows: str) -> Doc:
    """A Doc from lines ``word lemma POS TAG dep head`` (head: 0-based index)."""
    fields = [line.split() for line in rows.strip().splitlines()]
    return Doc(
        vocab,
        words=[f[0] for f in fields],
        lemmas=[f[1] for f in fields],
        pos=[f[2] for f in fields],
        tags=[f[3] for f in fields],
        deps=[f[4] for f in fields],
        heads=[int(f[5]) for f in fields],
    )


def read_as(nlp: Any, text: str, kind: str | None) -> Doc:
    """``text`` run through the pipeline as part of a document of ``kind`` (``act``), the
    way the driver tells the component (``None``: a document of its own)."""
    doc = nlp.make_doc(text)
    if kind is not None:  # the context the driver reads from the document's text
        context = nlp.get_pipe("partnership_terms").read_context([text], kind)
        doc.user_data[USER_DATA_KEY] = context.to_data()
    for _, step in nlp.pipeline:
        doc = step(doc)
    return doc


def contract_fields(nlp: Any, text: str, *, sort_recipients: bool = True) -> list[tuple]:
    """(text, term, actor, recipients, modality, negated, voice) of each tagged span."""
    doc = nlp(text)
    return [
        (
            s.text,
            s._.term,
            s._.actor,
            sorted(s._.recipients) if sort_recipients else s._.recipients,
            s._.modality,
            s._.negated,
            s._.voice,
        )
        for s in doc.spans[SPANS_KEY]
    ]


def detected(nlp: Any, text: str) -> list[tuple]:
    """(text, term, sorted recipients, modality, voice) of each tagged span."""
    return [(f[0], f[1], f[3], f[4], f[6]) for f in contract_fields(nlp, text)]


def rule_of(reading: Any) -> str:
    """A reading's rule and the rules it went through: ``modality.aux via link.conj``."""
    return " via ".join([reading.rule.name, *(r.name for r in reading.via)])
