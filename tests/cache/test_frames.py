"""Exact JSON form of DataFrames (textmine/cache/frames.py)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from textmine.cache.frames import (
    Unencodable,
    decode_value,
    encode_value,
    frame_from_json,
    frame_to_json,
)


def _same_cells(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b)
    for column in a.columns:
        for x, y in zip(a[column].tolist(), b[column].tolist(), strict=True):
            assert type(x) is type(y), (column, x, y)


def test_a_frame_of_every_kind_of_cell_comes_back_exactly() -> None:
    frame = pd.DataFrame(
        {
            "name": pd.Series(["a", None, "c"], dtype="str"),
            "n": [1, 2, 3],
            "x": [0.1, math.nan, math.inf],
            "flag": [True, False, True],
            "maybe": pd.Series([1, None, 3], dtype="Int64"),
            "cells": pd.Series(
                [["p", "q"], ("t", 1), {"k": np.float64(0.5), 2: None}], dtype=object
            ),
            "mixed": pd.Series([np.int64(4), math.nan, pd.NA], dtype=object),
        }
    )
    _same_cells(frame_from_json(frame_to_json(frame)), frame)


def test_an_empty_frame_keeps_its_columns() -> None:
    frame = pd.DataFrame(columns=["a", "b"])
    back = frame_from_json(frame_to_json(frame))
    assert list(back.columns) == ["a", "b"] and len(back) == 0


@pytest.mark.parametrize(
    "frame",
    [
        pd.DataFrame({"a": [1]}, index=[5]),
        pd.DataFrame({"when": pd.to_datetime(["2025-01-01"])}),
        pd.DataFrame({"cell": [object()]}),
    ],
)
def test_frames_without_an_exact_form_are_refused(frame: pd.DataFrame) -> None:
    with pytest.raises(Unencodable):
        frame_to_json(frame)


def test_values() -> None:
    value = {"a": (1, [2.5, np.bool_(True)]), 3: "x"}
    assert decode_value(encode_value(value)) == value
    assert type(decode_value(encode_value(np.float32(1.5)))) is np.float32
