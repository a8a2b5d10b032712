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

from textmine.contract import EXTRA_FIELDS, OCCURRENCE_FIELDS
from textmine.errors import InputError

__all__ = ["frame_records", "read_jsonl", "read_rows", "rows_to_frame", "write_rows"]


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


def read_jsonl(path: str | Path) -> list[tuple[int, dict[str, Any]]]:
    """Parse a JSON Lines file into (line number, object); blank lines are skipped.

    The one JSON Lines reader of gold, prediction, provision and tag-output
    files (:func:`textmine.rows.read_rows`): an unreadable file or a line
    that is not a JSON object raises :class:`InputError` naming file and line.
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise InputError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(path, "is a directory, not a file") from exc
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from exc
    rows: list[tuple[int, dict[str, Any]]] = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"line {number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            kind = type(obj).__name__
            raise InputError(path, f"line {number}: expected a JSON object, got {kind}")
        rows.append((number, obj))
    return rows


def read_rows(path: str | Path) -> pd.DataFrame:
    """Read a ``textmine tag`` JSON Lines file; a bad line raises :class:`InputError`."""
    rows: list[dict[str, Any]] = []
    for number, row in read_jsonl(path):
        missing = [name for name in OCCURRENCE_FIELDS if name not in row]
        if missing:
            raise InputError(Path(path), f"line {number}: missing field(s) {', '.join(missing)}")
        rows.append(row)
    return rows_to_frame(rows)
