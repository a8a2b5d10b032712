"""Occurrence rows as JSON Lines and as a DataFrame (the shape later stages read).

``write_rows`` writes the contract's JSON Lines (UTF-8, one object a line,
fields in contract order); ``read_rows`` reads such a file back into a
DataFrame for the measures, report and diff stages, checking that every line
holds the contract's fields; ``rows_to_frame`` builds the same DataFrame from
rows in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

import pandas as pd

from textmine.errors import InputError
from textmine.nlp.fields import EXTRA_FIELDS, OCCURRENCE_FIELDS
from textmine.nlp.gold import read_jsonl

__all__ = ["frame_records", "read_rows", "rows_to_frame", "write_rows"]


def _ordered(row: Mapping[str, Any]) -> dict[str, Any]:
    out = {name: row.get(name) for name in OCCURRENCE_FIELDS}
    out.update((k, v) for k, v in row.items() if k not in out)
    return out


def write_rows(rows: Iterable[Mapping[str, Any]], handle: IO[str]) -> int:
    """Write ``rows`` as JSON Lines to ``handle``; returns the number written."""
    count = 0
    for row in rows:
        handle.write(json.dumps(_ordered(row), ensure_ascii=False) + "\n")
        count += 1
    return count


def rows_to_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A DataFrame with the contract's columns first (an empty one keeps the columns)."""
    records = [_ordered(row) for row in rows]
    columns = list(OCCURRENCE_FIELDS)
    for record in records:
        columns += [k for k in record if k not in columns]
    if not records:
        columns += list(EXTRA_FIELDS)
    frame = pd.DataFrame.from_records(records, columns=columns)
    if records:
        frame["page"] = frame["page"].astype("Int64")
    return frame


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame made by :func:`rows_to_frame`, as plain dicts (missing -> ``None``)."""
    plain = frame.astype(object).where(frame.notna(), None)
    return [{str(k): v for k, v in record.items()} for record in plain.to_dict("records")]


def read_rows(path: str | Path) -> pd.DataFrame:
    """Read a ``textmine tag`` JSON Lines file; a bad line raises :class:`InputError`."""
    rows: list[dict[str, Any]] = []
    for number, row in read_jsonl(path):
        missing = [name for name in OCCURRENCE_FIELDS if name not in row]
        if missing:
            raise InputError(Path(path), f"line {number}: missing field(s) {', '.join(missing)}")
        rows.append(row)
    return rows_to_frame(rows)
