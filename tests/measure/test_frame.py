"""Tests of textmine/measure/frame.py: row checks, labels, strength."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.measure.factory import frame, occ
from textmine.errors import InputError
from textmine.measure.frame import (
    CANONICAL_TERMS,
    modality_class,
    prepare_rows,
    provision_label,
    strength_score,
)


def test_contract_has_fifteen_canonical_terms() -> None:
    assert len(CANONICAL_TERMS) == 15


@pytest.mark.parametrize(
    ("level", "modality", "negated", "expected"),
    [
        (2, "must", False, 11),  # 4*2 + 3
        (2, "shall", False, 11),
        (2, "should", False, 10),
        (2, "may", False, 9),
        (2, "need", True, -9),
        (2, "must", True, -11),
        (1, "none", False, 4),
        (5, "will", False, 22),
    ],
)
def test_strength_score(level: int, modality: str, negated: bool, expected: int) -> None:
    assert strength_score(level, modality, negated) == expected


def test_strength_orders_level_before_modal() -> None:
    # "may consult" (level 2, weak) outranks "must inform" (level 1, strong).
    assert strength_score(2, "may", False) > strength_score(1, "must", False)


def test_modality_classes() -> None:
    assert [
        modality_class(m) for m in ("must", "shall", "should", "will", "may", "can", "need")
    ] == [
        "strong",
        "strong",
        "medium",
        "medium",
        "weak",
        "weak",
        "weak",
    ]
    assert modality_class("none") == "none"
    assert modality_class("ought") == "none"


def test_provision_label() -> None:
    assert provision_label("act", "s.19(2)") == "act:s.19(2)"
    assert provision_label("guide", None, 12) == "guide:p.12"
    assert provision_label("guide", float("nan"), None) == "guide:-"


def test_prepare_rows_normalises_types_and_adds_columns() -> None:
    rows = frame(
        occ("s.1", "inform", ["parent"]),
        occ(None, "consult", [], modality="MAY", page=3),
    )
    rows["recipients"] = [np.array(["parent"]), None]
    rows["negated"] = [None, 1]
    df = prepare_rows(rows)
    assert df["recipients"].tolist() == [["parent"], []]
    assert df["negated"].tolist() == [False, True]
    assert df["provision"].tolist() == ["act:s.1", "act:p.3"]
    assert df["modality_class"].tolist() == ["strong", "weak"]
    assert df["strength"].tolist() == [7, -9]
    assert df["occurrence"].tolist() == [0, 1]
    assert df["part"].tolist() == [None, None]
    # the input is not modified
    assert "provision" not in rows.columns


def test_prepare_rows_names_missing_columns() -> None:
    rows = pd.DataFrame([{"doc": "a", "term": "inform"}])
    with pytest.raises(InputError, match=r"missing column\(s\) ref, sentence, level"):
        prepare_rows(rows)


def test_prepare_rows_rejects_a_missing_level() -> None:
    rows = frame(occ("s.1", "inform", ["parent"]), occ("s.2", "inform", ["parent"]))
    rows["level"] = [1, None]
    with pytest.raises(InputError, match="column level must hold integers"):
        prepare_rows(rows)
