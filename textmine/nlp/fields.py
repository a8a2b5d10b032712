"""The fields of an occurrence row (the tagging contract), importable without spaCy.

Later stages (rows to a DataFrame, measures, report) read these names; a run
whose rows all come from the cache never imports spaCy, so they live here
rather than beside the component (whose :data:`~textmine.nlp.component.LABEL_FIELDS`
they end with; a test keeps the two in step).
"""

from __future__ import annotations

__all__ = ["EXTRA_FIELDS", "OCCURRENCE_FIELDS"]

#: The contract's fields, in contract order.
OCCURRENCE_FIELDS: tuple[str, ...] = (
    "doc",
    "ref",
    "page",
    "sentence",
    "start",
    "end",
    "text",
    # the labelled fields of textmine.nlp.component.LABEL_FIELDS:
    "term",
    "level",
    "actor",
    "actor_text",
    "recipients",
    "modality",
    "negated",
    "voice",
)
#: Fields added after the contract's (the contract allows adding only).
EXTRA_FIELDS: tuple[str, ...] = ("kind", "heading", "part", "chapter", "unit")
