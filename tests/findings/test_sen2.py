"""Reading the SEN2 files: by column name, suppression as missing, releases, the bundled table."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import SEN2, need
from textmine.errors import InputError
from textmine.findings.sen2 import (
    bundled_rows,
    bundled_table_path,
    detect_kind,
    read_csv,
    read_sen2,
    to_number,
)
from textmine.findings.sen2_schema import ALL_REQUESTS, SUPPRESSION_CODES

EXTRACT = SEN2 / "ehcp_2026_extract" / "requests_2025_source_of_request_extract.csv"
REQUESTS_2025 = SEN2 / "ehcp_2025" / "requests.csv"
TIMELINESS_2025 = SEN2 / "ehcp_2025" / "timeliness_20_week.csv"
SEN2_MI = SEN2 / "ehcp_2022" / "sen2_mi.csv"


@pytest.fixture(scope="module")
def extract():  # type: ignore[no-untyped-def]
    return read_sen2([need(EXTRACT)])


def _row(sources: pd.DataFrame, area: str, source: str) -> pd.Series:
    rows = sources[(sources["area"] == area) & (sources["source"] == source)]
    assert len(rows) == 1, (area, source)
    return rows.iloc[0]


def test_extract_rows_by_source(extract) -> None:  # type: ignore[no-untyped-def]
    src = extract.sources
    assert extract.files[0]["kind"] == "requests"
    assert extract.files[0]["release"] == 2026
    assert len(src) == 84
    assert extract.files[0]["source_rows"] == 72
    parent = _row(src, "England", "Parent or young person")
    assert (parent["received"], parent["decided_to_assess"], parent["decided_not_to_assess"]) == (
        47744,
        21016,
        23276,
    )
    assert parent["published_assess_pc"] == 44.0
    total = _row(src, "England", ALL_REQUESTS)
    assert (total["received"], total["decided_to_assess"]) == (162702, 106062)
    assert set(src["level"]) == {"National", "Regional", "Local authority"}
    assert sorted(src.loc[src["level"] == "Regional", "area"].unique()) == [
        "East Midlands",
        "East of England",
        "London",
        "North East",
        "North West",
        "South East",
        "South West",
        "West Midlands",
        "Yorkshire and The Humber",
    ]
    gateshead = _row(src, "Gateshead", "Parent or young person")
    assert (gateshead["received"], gateshead["decided_to_assess"]) == (138, 12)
    assert gateshead["region"] == "North East"
    assert gateshead["area_code"] == "E08000037"
    # Gloucestershire has source rows but no total row in the extract.
    assert ALL_REQUESTS not in set(src.loc[src["area"] == "Gloucestershire", "source"])


def test_columns_are_read_by_name_not_position(tmp_path: Path, extract) -> None:  # type: ignore[no-untyped-def]
    frame = read_csv(need(EXTRACT))
    shuffled = frame[list(reversed(frame.columns))]
    shuffled = shuffled.rename(columns={"requests_received_in_year": "Requests_Received_In_Year"})
    path = tmp_path / "shuffled.csv"
    shuffled.to_csv(path, index=False)
    again = read_sen2([path]).sources.drop(columns="file")
    pd.testing.assert_frame_equal(again, extract.sources.drop(columns="file"))


def test_suppressed_cell_stays_missing(tmp_path: Path) -> None:
    frame = read_csv(need(EXTRACT))
    gateshead = (frame["la_name"] == "Gateshead") & (frame["breakdown"] == "Parent or young person")
    frame.loc[gateshead, "requests_decided_to_assess"] = "x"
    frame.loc[gateshead, "requests_withdrawn"] = "c"
    path = tmp_path / "suppressed.csv"
    frame.to_csv(path, index=False)
    row = _row(read_sen2([path]).sources, "Gateshead", "Parent or young person")
    assert math.isnan(row["decided_to_assess"])
    assert math.isnan(row["withdrawn"])
    assert row["received"] == 138


def test_suppression_codes_in_a_published_file() -> None:
    frame = read_csv(need(REQUESTS_2025))
    national_2019 = frame[
        (frame["time_period"] == "2019") & (frame["geographic_level"] == "National")
    ]
    first = national_2019.iloc[0]
    assert first["requests_decided_to_assess"] == "x"
    values = to_number(national_2019["requests_decided_to_assess"], REQUESTS_2025, "x")
    assert values.isna().all()
    assert to_number(
        pd.Series(["z", "", ":", "u", "c", "low", "1,234", "12.5"]), "f", "c"
    ).tolist()[-2:] == [1234.0, 12.5]


def test_unreadable_cell_names_file_line_and_column() -> None:
    with pytest.raises(InputError, match=r"f\.csv: line 3, column n: 'n/a' is neither"):
        to_number(pd.Series(["1", "n/a"]), "f.csv", "n")


def test_kinds_are_detected_by_columns() -> None:
    assert detect_kind(read_csv(need(REQUESTS_2025))) == "requests"
    assert detect_kind(read_csv(need(TIMELINESS_2025))) == "timeliness"
    assert detect_kind(read_csv(need(SEN2_MI))) == "sen2_mi"
    assert detect_kind(read_csv(bundled_table_path())) == "bundled"
    assert detect_kind(pd.DataFrame(columns=["a", "b"])) is None


def test_total_row_labels_of_both_releases_are_totals() -> None:
    """Total rows: 'All requests for EHC needs assessments' (2025 release), '... for an' (2026)."""
    older = read_sen2([need(REQUESTS_2025)])
    assert older.sources.empty  # no source-of-request rows before the 2026 release
    national = older.trends[
        (older.trends["indicator"] == "refusal_rate") & (older.trends["level"] == "National")
    ]
    assert national["period"].tolist() == [2019, 2020, 2021, 2022, 2023, 2024]
    newer = read_sen2([need(EXTRACT)])
    assert newer.trends["period"].unique().tolist() == [2025]
    assert newer.trends.loc[0, ["numerator", "denominator"]].tolist() == [43289, 162702]


def test_named_file_of_unknown_kind_is_an_error_but_folders_skip_it() -> None:
    with pytest.raises(InputError, match="not a SEN2 requests, timeliness or sen2_mi file"):
        read_sen2([need(SEN2 / "ehcp_2025" / "assessments.csv")])
    data = read_sen2([need(SEN2 / "ehcp_2026_extract")])
    assert [f["kind"] for f in data.files] == ["requests"]
    with pytest.raises(InputError, match="no such file"):
        read_sen2(["/nonexistent/requests.csv"])


def test_no_paths_reads_the_bundled_table() -> None:
    data = read_sen2()
    assert data.files[0]["kind"] == "bundled"
    assert len(data.sources) == 70
    assert set(data.sources["level"]) == {"National", "Regional"}
    assert data.sources["decision_not_made"].isna().all()


def test_bundled_table_is_derived_from_the_published_rows(extract) -> None:  # type: ignore[no-untyped-def]
    shipped = pd.read_csv(bundled_table_path(), dtype={"region": object})
    derived = bundled_rows(extract.sources)
    assert list(shipped.columns) == list(derived.columns)
    pd.testing.assert_frame_equal(
        shipped.astype(str).replace({"nan": "", "<NA>": "", "None": ""}),
        derived.astype(str).replace({"nan": "", "<NA>": "", "None": ""}),
    )


def test_bundled_sidecar_gives_source_and_licence() -> None:
    sidecar = bundled_table_path().with_suffix(".md").read_text(encoding="utf-8")
    assert (
        "Contains public sector information licensed under the Open Government Licence v3.0."
        in sidecar
    )
    assert "reporting year 2026" in sidecar
    assert "requests.csv" in sidecar


@given(st.integers(min_value=0, max_value=10**9), st.booleans())
def test_counts_parse_with_or_without_thousands_separators(count: int, separated: bool) -> None:
    text = f"{count:,}" if separated else str(count)
    assert to_number(pd.Series([text]), "f", "c").tolist() == [float(count)]


@given(st.sampled_from(sorted(SUPPRESSION_CODES)), st.sampled_from(["", " "]), st.booleans())
def test_every_suppression_code_is_missing_never_zero(code: str, pad: str, upper: bool) -> None:
    cell = pad + (code.upper() if upper else code) + pad
    assert to_number(pd.Series([cell, "0"]), "f", "c").isna().tolist() == [True, False]
