"""The fields of an occurrence row (the tagging contract), importable without spaCy.

Later stages (rows to a DataFrame, measures, report) read these names; a run
whose rows all come from the cache never imports spaCy, so they live here
rather than beside the component, which imports :data:`LABEL_FIELDS` from here.
"""

from __future__ import annotations

__all__ = ["EXTRA_FIELDS", "LABEL_FIELDS", "OCCURRENCE_FIELDS"]

#: The contract's labelled fields, in contract order: what a tagged span carries.
LABEL_FIELDS: tuple[str, ...] = (
    "term",
    "level",
    "actor",
    "actor_text",
    "recipients",
    "modality",
    "negated",
    "voice",
)
#: The contract's fields, in contract order.
OCCURRENCE_FIELDS: tuple[str, ...] = (
    "doc",
    "ref",
    "page",
    "sentence",
    "start",
    "end",
    "text",
    *LABEL_FIELDS,
)
#: Fields added after the contract's (the contract allows adding only).
EXTRA_FIELDS: tuple[str, ...] = ("kind", "heading", "part", "chapter", "unit")
