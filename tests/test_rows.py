"""Occurrence rows as JSON Lines and DataFrames."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from textmine.contract import EXTRA_FIELDS, OCCURRENCE_FIELDS
from textmine.errors import InputError
from textmine.rows import read_rows, rows_to_frame, write_rows

ROW = {
    "voice": "active",
    "doc": "example",
    "ref": "9.14",
    "page": None,
    "sentence": "The school must inform the parent.",
    "start": 16,
    "end": 22,
    "text": "inform",
    "term": "inform",
    "level": 1,
    "actor": "education",
    "actor_text": "The school",
    "recipients": ["parent"],
    "modality": "must",
    "negated": False,
    "unit": "9.14",
}


def test_write_puts_contract_fields_first_and_reads_back(tmp_path: Path) -> None:
    handle = io.StringIO()
    assert write_rows([ROW, {**ROW, "page": 3, "ref": None}], handle) == 2
    text = handle.getvalue()
    first = text.splitlines()[0]
    assert first.startswith('{"doc": "example", "ref": "9.14", "page": null, "sentence"')
    assert first.endswith('"voice": "active", "unit": "9.14"}')
    path = tmp_path / "rows.jsonl"
    path.write_text(text, encoding="utf-8")
    frame = read_rows(path)
    assert list(frame.columns) == [*OCCURRENCE_FIELDS, "unit"]
    assert frame["recipients"].tolist() == [["parent"], ["parent"]]
    assert frame["page"].tolist()[1] == 3
    assert frame["negated"].tolist() == [False, False]


def test_empty_frame_keeps_the_columns() -> None:
    frame = rows_to_frame([])
    assert list(frame.columns) == [*OCCURRENCE_FIELDS, *EXTRA_FIELDS]
    assert len(frame) == 0


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"doc": "x"}\n', "line 1: missing field(s) ref, page"),
        ("\n{not json\n", "line 2: not valid JSON"),
        ("[1]\n", "line 1: expected a JSON object"),
    ],
)
def test_bad_lines_are_reported_with_their_number(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(reason)):
        read_rows(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_rows(tmp_path / "none.jsonl")
