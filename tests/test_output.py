"""Tests of textmine/output.py: the CSV-readying of list cells."""

from __future__ import annotations

import pandas as pd

from textmine.output import json_cells


def test_json_cells_encodes_lists_tuples_and_dicts_only() -> None:
    table = pd.DataFrame(
        {
            "provisions": [["act:s.19", "act:s.20"], []],
            "terms": [{"consult": 2}, ("inform",)],
            "n": [2, 0],
            "name": ["Secretary of State’s duty", "none"],
        }
    )
    out = json_cells(table)
    assert out["provisions"].tolist() == ['["act:s.19", "act:s.20"]', "[]"]
    assert out["terms"].tolist() == ['{"consult": 2}', '["inform"]']
    assert out["n"].tolist() == [2, 0]
    assert out["name"].tolist() == ["Secretary of State’s duty", "none"]
    assert table["provisions"].tolist() == [["act:s.19", "act:s.20"], []]  # input unchanged


def test_json_cells_keeps_non_ascii_text_unescaped() -> None:
    out = json_cells(pd.DataFrame({"texts": [["co‑operate", "’s"]]}))
    assert out["texts"].tolist() == ['["co‑operate", "’s"]']
