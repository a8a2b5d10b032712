"""Hand-made tagged rows and corrections for the review tests (no tagger)."""

from __future__ import annotations

from typing import Any

import pytest

from textmine.contract import occurrence_id

SENTENCES = {
    "1.1": "The local authority must consult the parent before it decides.",
    "1.3": "Parents should be informed of the plan.",
    "1.4": "The local authority need not consult the parent and must inform the school.",
}


def row(
    ref: str, text: str, term: str, level: int, actor: str, recipients: list[str], **kw: Any
) -> dict[str, Any]:
    sentence = SENTENCES[ref]
    start = sentence.index(text)
    return {
        "doc": "code",
        "ref": ref,
        "page": None,
        "sentence": sentence,
        "start": start,
        "end": start + len(text),
        "text": text,
        "term": term,
        "level": level,
        "actor": actor,
        "actor_text": None,
        "recipients": recipients,
        "modality": kw.get("modality", "must"),
        "negated": kw.get("negated", False),
        "voice": kw.get("voice", "active"),
        "id": occurrence_id("code", sentence, start, text),
        "explain": {"actor": {"rule": "nsubj"}},
    }


@pytest.fixture
def rows() -> list[dict[str, Any]]:
    return [
        row("1.1", "consult", "consult", 2, "local_authority", ["parent"]),
        row(
            "1.3",
            "informed",
            "inform",
            1,
            "unspecified",
            ["parent"],
            modality="should",
            voice="passive",
        ),
        row(
            "1.4",
            "consult",
            "consult",
            2,
            "local_authority",
            ["parent"],
            modality="need",
            negated=True,
        ),
        row("1.4", "inform", "inform", 1, "local_authority", ["education"]),
    ]


def added(sentence: str) -> dict[str, Any]:
    """An occurrence the tagger missed in ``sentence``: 'decides' read as consider."""
    start = sentence.index("decides")
    return {
        "doc": "code",
        "ref": "1.1",
        "sentence": sentence,
        "start": start,
        "end": start + len("decides"),
        "text": "decides",
        "term": "consider",
        "actor": "local_authority",
        "recipients": [],
        "modality": "none",
        "negated": False,
        "voice": "active",
    }
