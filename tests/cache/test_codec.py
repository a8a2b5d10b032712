"""Documents and rows in the cache's JSON form (textmine/cache/codec.py)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ACT_PDF, need
from textmine.cache.codec import (
    document_from_json,
    document_to_json,
    roundtrip_document,
    roundtrip_rows,
)
from textmine.extract import extract

SAMPLE = Path(__file__).resolve().parents[2] / "textmine" / "data"


def test_a_real_act_comes_back_equal() -> None:
    document = extract(need(ACT_PDF))
    data = json.loads(json.dumps(document_to_json(document)))
    back = document_from_json(data, document.path)
    assert back == document  # provisions, removed, pages, sha256 ...
    assert back.meta == roundtrip_document(document).meta
    assert back.meta["long_title"] == document.meta["long_title"]


def test_another_path_keeps_the_content(tmp_path: Path) -> None:
    document = extract(SAMPLE / "sample_act.md", kind="act")
    back = document_from_json(document_to_json(document), tmp_path / "sample_act.md")
    assert back.path == tmp_path / "sample_act.md"
    assert back.provisions == document.provisions


def test_rows_roundtrip_turns_tuples_into_lists() -> None:
    rows = [{"term": "consult", "recipients": ("parent",), "page": None, "explain": {"a": 1}}]
    assert roundtrip_rows(rows) == [
        {"term": "consult", "recipients": ["parent"], "page": None, "explain": {"a": 1}}
    ]
