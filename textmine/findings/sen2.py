"""Read the DfE "Education, health and care plans" (SEN2) statistics files.

The Department for Education publishes the SEN2 collection every June as CSV
files of the Explore Education Statistics service. Column order and even
column case change between releases, so every file is read **by column name**
(matched case-insensitively), never by position. Four kinds of file are read,
each recognised by the columns it has:

* ``requests``: ``requests.csv`` of the 2025 release onwards (requests for an EHC
  needs assessment and their outcome). From the 2026 release it also has rows
  with ``breakdown_topic == "Source of request"``. Its total row is labelled
  ``All requests for EHC needs assessments`` (2025 release) or ``All requests
  for an EHC needs assessment`` (2026 release); any ``breakdown_topic`` that
  starts with ``All requests`` is taken as the total.
* ``timeliness``: ``timeliness_20_week.csv`` (plans issued within 20 weeks),
  total row ``All EHC plans issued``.
* ``sen2_mi``: ``sen2_mi.csv`` of the 2022 release (the old aggregate return,
  2014-2021: ``InreqEHC`` initial requests, ``AssRefusedEHC`` refused, 20-week
  timeliness).
* ``bundled``: the derived table shipped with textmine
  (``findings/data/sen2_source_of_request_2025.csv``, see the sidecar ``.md``).

Suppressed or unavailable cells (``x``, ``z``, ``c``, ``u``, ``:``, ``low``,
``~`` and blank) become NaN, never zero: a missing count must not pass for a
count of nothing. Any other non-numeric cell is an :class:`InputError` naming
file, line and column.

The readers return tidy frames: :data:`SOURCE_COLUMNS` for requests by source
and :data:`TREND_COLUMNS` for the refusal and timeliness series.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from textmine.errors import InputError
from textmine.findings.sen2_schema import (
    ALL_REQUESTS,
    GEOGRAPHY,
    KNOWN_SOURCES,
    LEVELS,
    SIGNATURES,
    SOURCE_COLUMNS,
    SOURCE_TOPIC,
    SUPPRESSION_CODES,
    TREND_COLUMNS,
    TREND_SPECS,
)

log = logging.getLogger(__name__)

BUNDLED_TABLE = "sen2_source_of_request_2025.csv"


@dataclass
class Sen2Data:
    """Everything read from a set of SEN2 files, as tidy frames."""

    sources: pd.DataFrame
    trends: pd.DataFrame
    files: list[dict[str, object]] = field(default_factory=list)


def read_sen2(paths: Iterable[str | Path] = ()) -> Sen2Data:
    """Read SEN2 CSV files (or folders of them); with none, the bundled table.

    A folder is searched recursively for ``*.csv``; files in it that are not a
    recognised kind are skipped (logged). A file named explicitly that is not a
    recognised kind is an :class:`InputError`.
    """
    files = _expand(paths)
    if not files:
        files = [(bundled_table_path(), True)]
    sources, trends, read = [], [], []
    for path, explicit in files:
        frame = read_csv(path)
        kind = detect_kind(frame)
        if kind is None:
            if explicit:
                raise InputError(
                    path,
                    "not a SEN2 requests, timeliness or sen2_mi file "
                    "(none of the expected columns)",
                )
            log.info("%s: not a SEN2 file textmine reads; skipped", path)
            continue
        release = _release(frame, kind, path)
        src = source_rows(frame, kind, path)
        sources.append(src)
        trends.append(trend_rows(frame, kind, path, release))
        read.append(
            {
                "file": str(path),
                "kind": kind,
                "release": release,
                "rows": len(frame),
                "source_rows": int((src["source"] != ALL_REQUESTS).sum()),
            }
        )
        log.info("%s: %s file, release %s, %d rows", path, kind, release, len(frame))
    if not read:
        raise InputError(", ".join(str(p) for p, _ in files), "no SEN2 file among the inputs")
    return Sen2Data(
        sources=_concat(sources, SOURCE_COLUMNS),
        trends=_concat(trends, TREND_COLUMNS),
        files=read,
    )


def bundled_table_path() -> Path:
    """Path of the derived source-of-request table shipped with textmine."""
    return Path(str(resources.files("textmine.findings") / "data" / BUNDLED_TABLE))


def read_csv(path: str | Path) -> pd.DataFrame:
    """A CSV as strings, header names stripped of a byte-order mark; nothing parsed yet."""
    path = Path(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise InputError(path, "no such file") from exc
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(path, f"not a readable CSV ({exc})") from exc
    frame.columns = [str(c).strip().lstrip("\ufeff") for c in frame.columns]
    return frame


def detect_kind(frame: pd.DataFrame) -> str | None:
    """``bundled``, ``sen2_mi``, ``requests`` or ``timeliness`` by the columns present."""
    have = {c.lower() for c in frame.columns}
    for kind, needed in SIGNATURES.items():
        if set(needed) <= have:
            return kind
    return None


def to_number(values: pd.Series, path: str | Path, column: str) -> pd.Series:
    """Parse a column of cells to floats; suppression codes become NaN.

    Thousands separators are allowed (``1,234``). Any other text raises
    :class:`InputError` naming the file, the line (header = line 1) and the column.
    """
    text = values.astype(str).str.strip()
    missing = text.str.lower().isin(SUPPRESSION_CODES)
    numbers = pd.to_numeric(text.where(~missing).str.replace(",", "", regex=False), errors="coerce")
    bad = numbers.isna() & ~missing
    if bad.any():
        position = int(np.flatnonzero(bad.to_numpy())[0])
        raise InputError(
            path,
            f"line {position + 2}, column {column}: {text.iloc[position]!r} is "
            "neither a number nor a suppression code",
        )
    return numbers.astype(float)


def source_rows(frame: pd.DataFrame, kind: str, path: str | Path) -> pd.DataFrame:
    """Requests by source (and each unit's total row) as :data:`SOURCE_COLUMNS`."""
    if kind not in ("requests", "bundled"):
        return pd.DataFrame(columns=list(SOURCE_COLUMNS))
    col = _columns(frame)
    if kind == "bundled":
        rows = frame
        source = rows[col["source"]].str.strip()
        counts = {name: name for name in ("received", "decided_to_assess", "decided_not_to_assess")}
    else:
        topic = frame[col["breakdown_topic"]].str.strip()
        is_total = topic.str.lower().str.startswith("all requests")
        rows = frame[is_total | (topic.str.lower() == SOURCE_TOPIC.lower())]
        if not (topic[~is_total].str.lower() == SOURCE_TOPIC.lower()).any():
            return pd.DataFrame(columns=list(SOURCE_COLUMNS))
        source = rows[col["breakdown"]].str.strip().where(~is_total[rows.index], ALL_REQUESTS)
        counts = {
            "received": "requests_received_in_year",
            "decided_to_assess": "requests_decided_to_assess",
            "decided_not_to_assess": "requests_decided_not_to_assess",
            "decision_not_made": "requests_decision_not_made",
            "withdrawn": "requests_withdrawn",
            "published_assess_pc": "request_assess_pc",
        }
    out = _geography(rows, col, kind, path)
    out["source"] = [_canonical_source(s) for s in source]
    for name in SOURCE_COLUMNS[6:-1]:
        column = counts.get(name)
        out[name] = to_number(rows[col[column]], path, col[column]) if column in col else np.nan
    out["file"] = str(path)
    unknown = sorted(set(out["source"]) - set(KNOWN_SOURCES) - {ALL_REQUESTS})
    if unknown:
        log.warning("%s: unknown source(s) of request %s: reported, not compared", path, unknown)
    return out.reset_index(drop=True)[list(SOURCE_COLUMNS)]


def trend_rows(frame: pd.DataFrame, kind: str, path: str | Path, release: int) -> pd.DataFrame:
    """The refusal and timeliness series a file holds, as :data:`TREND_COLUMNS`."""
    col = _columns(frame)
    if kind == "sen2_mi":
        rows = frame
    elif kind == "bundled":
        rows = frame[frame[col["source"]].str.strip().str.lower() == ALL_REQUESTS.lower()]
    else:
        rows = frame[frame[col["breakdown_topic"]].str.strip().str.lower().str.startswith("all")]
    parts = []
    for indicator, by_kind in TREND_SPECS.items():
        spec = by_kind.get(kind)
        if spec is None or not {spec[0], spec[1]} <= set(col):
            continue
        numerator, denominator, published = spec
        part = _geography(rows, col, kind, path)
        part.insert(0, "indicator", indicator)
        part["numerator"] = to_number(rows[col[numerator]], path, col[numerator])
        part["denominator"] = to_number(rows[col[denominator]], path, col[denominator])
        part["published_pc"] = (
            to_number(rows[col[published]], path, col[published]) if published in col else np.nan
        )
        part["release"] = release
        part["file"] = str(path)
        parts.append(part)
    return _concat(parts, TREND_COLUMNS)


def _geography(
    rows: pd.DataFrame, col: dict[str, str], kind: str, path: str | Path
) -> pd.DataFrame:
    """period, level, area, area_code and region of each row, by column name."""
    missing = [c for c in GEOGRAPHY if c not in col]
    if missing:
        raise InputError(path, f"missing column(s) {', '.join(missing)}")
    level = rows[col["geographic_level"]].str.strip()
    period = to_number(rows[col["time_period"]], path, col["time_period"])
    if period.isna().any():
        raise InputError(path, "a row has no time_period")

    def get(name: str) -> pd.Series:
        if name in col:
            return rows[col[name]].str.strip().replace("", None)
        return pd.Series([None] * len(rows), index=rows.index, dtype=object)

    if kind == "bundled":
        area, code, region = get("area"), get("area_code"), get("region")
    else:
        national = level == "National"
        regional = level == "Regional"
        area = (
            get("la_name")
            .where(~regional, get("region_name"))
            .where(~national, get("country_name"))
        )
        code = get("new_la_code").fillna(get("old_la_code"))
        code = code.where(~regional, get("region_code")).where(~national, get("country_code"))
        region = get("region_name").where(~national, None)
    return pd.DataFrame(
        {
            "period": period.astype(int),
            "level": level,
            "area": area,
            "area_code": code,
            "region": region,
        },
        index=rows.index,
    )


def _columns(frame: pd.DataFrame) -> dict[str, str]:
    """Lower-case column name -> the file's own spelling."""
    return {c.lower(): c for c in frame.columns}


def _canonical_source(label: str) -> str:
    """The DfE label of a source, whatever its case and spacing in the file."""
    key = " ".join(str(label).split()).lower()
    for known in (*KNOWN_SOURCES, ALL_REQUESTS):
        if key == known.lower():
            return known
    return " ".join(str(label).split())


def _release(frame: pd.DataFrame, kind: str, path: str | Path) -> int:
    """Reporting year of the release: the latest calendar year in the file plus one.

    SEN2 releases are named by reporting year and cover calendar years up to the
    one before it (the 2025 release holds 2019-2024), so this is exact for the
    published files and for the bundled table (2025 data, 2026 release).
    """
    col = _columns(frame)
    periods = to_number(frame[col["time_period"]], path, col["time_period"])
    return int(periods.max()) + 1


def _expand(paths: Iterable[str | Path]) -> list[tuple[Path, bool]]:
    """Files to read: folders are searched for CSV files; ``True`` marks files named explicitly."""
    files: list[tuple[Path, bool]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend((p, False) for p in sorted(path.rglob("*.csv")))
        elif path.exists():
            files.append((path, True))
        else:
            raise InputError(path, "no such file or folder")
    return files


def _concat(frames: list[pd.DataFrame], columns: tuple[str, ...]) -> pd.DataFrame:
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=list(columns))
    return pd.concat(frames, ignore_index=True)[list(columns)]


#: Columns of the bundled derived table, in file order.
BUNDLED_COLUMNS: tuple[str, ...] = (
    "time_period",
    "geographic_level",
    "area_code",
    "area",
    "region",
    "source",
    "received",
    "decided_to_assess",
    "decided_not_to_assess",
)


def bundled_rows(sources: pd.DataFrame) -> pd.DataFrame:
    """The derived table textmine ships: national and regional counts by source.

    Keeps only the three counts the comparison needs (received, decided to
    assess, decided not to assess) for England and the regions, in the order
    of ``sources``; this is how ``findings/data/sen2_source_of_request_2025.csv``
    was made from the published ``requests.csv`` (and a test re-derives it).
    """
    rows = sources[sources["level"].isin(LEVELS[:2])]
    out = pd.DataFrame(
        {
            "time_period": rows["period"].astype(int),
            "geographic_level": rows["level"],
            "area_code": rows["area_code"],
            "area": rows["area"],
            "region": rows["region"],
            "source": rows["source"],
        }
    )
    for name in BUNDLED_COLUMNS[6:]:
        out[name] = rows[name].astype("Int64")
    return out.reset_index(drop=True)
