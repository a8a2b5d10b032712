"""Hand-built contract rows for the measure tests (no tagger, no model)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from textmine.measure.frame import TERM_LEVELS


def occ(
    ref: str | None,
    term: str,
    recipients: list[str],
    *,
    doc: str = "act",
    modality: str = "must",
    negated: bool = False,
    actor: str = "local_authority",
    voice: str = "active",
    level: int | None = None,
    sentence: str | None = None,
    text: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """One contract row; ``level`` defaults to the term's canonical level."""
    text = text if text is not None else term
    sentence = sentence if sentence is not None else f"The {actor} {modality} {text} them."
    start = sentence.find(text)
    return {
        "doc": doc,
        "ref": ref,
        "page": extra.pop("page", None),
        "sentence": sentence,
        "start": start if start >= 0 else None,
        "end": start + len(text) if start >= 0 else None,
        "text": text,
        "term": term,
        "level": level if level is not None else TERM_LEVELS[term],
        "actor": actor,
        "actor_text": None,
        "recipients": recipients,
        "modality": modality,
        "negated": negated,
        "voice": voice,
        **extra,
    }


def frame(*rows: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame(list(rows))
