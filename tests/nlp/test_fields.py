"""The row fields importable without spaCy (textmine/nlp/fields.py)."""

from __future__ import annotations

from textmine.nlp import component
from textmine.nlp.fields import EXTRA_FIELDS, LABEL_FIELDS, OCCURRENCE_FIELDS


def test_the_contract_fields_end_with_the_components_labels() -> None:
    assert OCCURRENCE_FIELDS[:7] == ("doc", "ref", "page", "sentence", "start", "end", "text")
    assert OCCURRENCE_FIELDS[7:] == LABEL_FIELDS == component.LABEL_FIELDS
    assert not set(EXTRA_FIELDS) & set(OCCURRENCE_FIELDS)
