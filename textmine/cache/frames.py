"""An exact JSON form of pandas DataFrames and of the values in their cells.

``frame_from_json(frame_to_json(df))`` equals ``df`` cell by cell and type by
type: column dtypes are recorded, and cell values JSON cannot tell apart are
tagged (``{"__t__": "tuple", ...}`` for a tuple, ``"np"`` for a numpy scalar,
``"NA"`` for ``pd.NA``, ``"dict"`` for a dict with keys other than strings).
A frame this form cannot hold exactly (another index than a RangeIndex from
0, a dtype not listed in :data:`DTYPES`, a cell of another type) raises
:class:`Unencodable`, and the caller simply does not cache it.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "DTYPES",
    "Unencodable",
    "decode_value",
    "encode_value",
    "frame_from_json",
    "frame_to_json",
]

#: Column dtypes held exactly.
DTYPES = frozenset({"object", "str", "int64", "float64", "bool", "Int64", "boolean"})
_TAG = "__t__"


class Unencodable(ValueError):
    """A value or frame that has no exact JSON form here."""


def encode_value(value: Any) -> Any:
    """A JSON-ready form of ``value`` that :func:`decode_value` turns back into it."""
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, np.generic):
        return {_TAG: "np", "dtype": value.dtype.str, "v": encode_value(value.item())}
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {_TAG: "float", "v": repr(value)}
    if value is pd.NA:
        return {_TAG: "NA"}
    if isinstance(value, list):
        return [encode_value(v) for v in value]
    if isinstance(value, tuple):
        return {_TAG: "tuple", "v": [encode_value(v) for v in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value) and _TAG not in value:
            return {k: encode_value(v) for k, v in value.items()}
        return {_TAG: "dict", "v": [[encode_value(k), encode_value(v)] for k, v in value.items()]}
    raise Unencodable(f"no exact JSON form for a {type(value).__name__}")


def decode_value(value: Any) -> Any:
    """The value :func:`encode_value` encoded."""
    if isinstance(value, list):
        return [decode_value(v) for v in value]
    if not isinstance(value, dict):
        return value
    tag = value.get(_TAG)
    if tag is None:
        return {k: decode_value(v) for k, v in value.items()}
    if tag == "np":
        return np.dtype(value["dtype"]).type(decode_value(value["v"]))
    if tag == "float":
        return float(value["v"])
    if tag == "NA":
        return pd.NA
    if tag == "tuple":
        return tuple(decode_value(v) for v in value["v"])
    if tag == "dict":
        return {decode_value(k): decode_value(v) for k, v in value["v"]}
    raise ValueError(f"unknown tag {tag!r}")


def frame_to_json(frame: pd.DataFrame) -> dict[str, Any]:
    """``frame`` as JSON-ready columns with their dtypes (raises :class:`Unencodable`)."""
    index = frame.index
    if not (isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1):
        raise Unencodable("only frames with a default RangeIndex are cached")
    columns = []
    for name in frame.columns:
        if not isinstance(name, str):
            raise Unencodable(f"column name {name!r} is not a string")
        series = frame[name]
        dtype = str(series.dtype)
        if dtype not in DTYPES:
            raise Unencodable(f"column {name!r} has dtype {dtype}")
        values = [encode_value(_plain(v, dtype)) for v in series.tolist()]
        columns.append({"name": name, "dtype": dtype, "values": values})
    return {"length": len(frame), "columns": columns}


def frame_from_json(data: dict[str, Any]) -> pd.DataFrame:
    """The frame of :func:`frame_to_json`'s ``data``."""
    series = {}
    for column in data["columns"]:
        values = [decode_value(v) for v in column["values"]]
        if column["dtype"] == "object":
            holder = np.empty(len(values), dtype=object)
            holder[:] = values
            series[column["name"]] = pd.Series(holder, dtype=object)
        else:
            series[column["name"]] = pd.Series(values, dtype=column["dtype"])
    frame = pd.DataFrame(series, index=pd.RangeIndex(data["length"]))
    if len(series) == 0:
        frame = pd.DataFrame(index=pd.RangeIndex(data["length"]))
    return frame


def _plain(value: Any, dtype: str) -> Any:
    """A cell as its column gives it back (``tolist`` of a typed column gives Python scalars)."""
    if dtype == "str" and isinstance(value, float) and math.isnan(value):
        return None  # a missing string: pandas restores it as NaN in a str column
    return value
