"""Fixtures of the diff tests: real documents read once, and controlled edits of them.

Edits are applied at test time to the text the readers extract from the public
documents in ../shared/corpora; nothing of their text is stored here beyond the
few words an edit replaces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from tests.conftest import HOMES_GUIDE_PDF, SI_PDF, VOL3_PDF, need
from textmine.extract import extract
from textmine.extract.document import Document, Provision, build_document


def one_line(text: str) -> str:
    return " ".join(text.split())


def edited(document: Document, ref: str, old: str, new: str, *, doc: str = "draft") -> Document:
    """``document`` with ``old`` replaced by ``new`` in provision ``ref`` (whitespace collapsed).

    Fails the test if ``old`` is not in that provision: the edit must really happen.
    """
    hits = [p for p in document.provisions if p.ref == ref and old in one_line(p.text)]
    assert len(hits) == 1, f"{ref!r} does not hold {old!r} once"
    provisions = [
        replace(p, text=one_line(p.text).replace(old, new)) if p is hits[0] else p
        for p in document.provisions
    ]
    return rebuilt(document, provisions, doc=doc)


def rebuilt(document: Document, provisions: Sequence[Provision], *, doc: str = "draft") -> Document:
    """A Document of ``provisions`` with ``document``'s kind and no source file."""
    return build_document(doc=doc, kind=document.kind, path=None, provisions=provisions)


def index_of(document: Document, ref: str) -> int:
    return next(i for i, p in enumerate(document.provisions) if p.ref == ref)


@pytest.fixture(scope="session")
def homes() -> Document:
    """The guide to the Children's Homes Regulations (81 pages, numbered paragraphs 1.20)."""
    return extract(need(HOMES_GUIDE_PDF))


@pytest.fixture(scope="session")
def vol3() -> Document:
    """Children Act 1989 guidance vol 3 (care leavers), numbered paragraphs 3.13."""
    return extract(need(VOL3_PDF))


@pytest.fixture(scope="session")
def si() -> Document:
    """The Children's Homes (England) Regulations 2015 as revised (reg.N(n)(a))."""
    return extract(need(SI_PDF))
