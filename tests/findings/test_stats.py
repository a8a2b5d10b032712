"""`textmine stats` on the real SEN2 files: published figures reproduced, trends, formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

from tests.conftest import SEN2, need
from textmine.cli import cli
from textmine.findings.stats import ATTRIBUTION, Sen2Stats, compute_stats, write_stats

EXTRACT = SEN2 / "ehcp_2026_extract" / "requests_2025_source_of_request_extract.csv"
REGIONS = 9


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The JSON that the CLI writes for the 2026-release extract."""
    out = tmp_path_factory.mktemp("stats") / "sen2.json"
    result = CliRunner().invoke(
        cli, ["stats", str(need(EXTRACT)), "--format", "json", "-o", str(out)], obj={}
    )
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def trends() -> pd.DataFrame:
    stats = compute_stats([need(SEN2 / "ehcp_2022" / "sen2_mi.csv"), need(SEN2 / "ehcp_2025")])
    return stats.trends[stats.trends["level"] == "National"].set_index(["indicator", "period"])


def _national(data: dict, source: str) -> dict[str, Any]:
    rows = [
        r for r in data["tables"]["by_source"] if r["level"] == "National" and r["source"] == source
    ]
    assert len(rows) == 1
    return rows[0]


def test_cli_reproduces_the_published_england_2025_figures(published: dict[str, Any]) -> None:
    parent = _national(published, "Parent or young person")
    assert (parent["received"], parent["decided_to_assess"], parent["assess_pc"]) == (
        47744,
        21016,
        44.0,
    )
    school = _national(published, "School or other education setting")
    assert (school["received"], school["decided_to_assess"], school["assess_pc"]) == (
        90762,
        68826,
        75.8,
    )
    total = _national(published, "All requests")
    assert (total["received"], total["decided_to_assess"], total["assess_pc"]) == (
        162702,
        106062,
        65.2,
    )
    # every recomputed percentage equals the one DfE published beside it
    checked = [r for r in published["tables"]["by_source"] if r["matches_published"] is not None]
    assert len(checked) == 84
    assert all(r["matches_published"] for r in checked)
    assert parent["assess_pc_decided"] == 47.4
    assert school["assess_pc_decided"] == 82.1
    assert published["attribution"] == ATTRIBUTION


def test_cli_gives_the_professional_vs_family_relative_rate(published: dict[str, Any]) -> None:
    rates = {r["basis"]: r for r in published["headline"]["relative_rates"]}
    received = rates["received"]
    assert (received["exposed_agreed"], received["exposed_total"]) == (69645, 91934)
    assert (received["family_agreed"], received["family_total"]) == (21016, 47744)
    assert received["relative_rate"] == pytest.approx(1.7210066, abs=1e-6)
    assert received["ci_low"] == pytest.approx(1.7025939, abs=1e-6)
    assert received["ci_high"] == pytest.approx(1.7396184, abs=1e-6)
    decided = rates["decided"]
    assert (decided["exposed_total"], decided["family_total"]) == (84953, 44292)
    assert decided["relative_rate"] == pytest.approx(1.727772, abs=1e-6)
    assert "not plans issued" in received["measure"]


def test_family_rate_is_lower_in_each_of_the_9_regions(published: dict[str, Any]) -> None:
    regional = [
        r
        for r in published["tables"]["area_tests"]
        if r["level"] == "Regional" and r["basis"] == "received"
    ]
    assert len(regional) == REGIONS
    assert all(r["family_lower"] for r in regional)
    assert all(r["reject_holm"] and r["reject_bh"] for r in regional)
    by_area = {r["area"]: r for r in regional}
    north_east = by_area["North East"]
    assert (north_east["exposed_pc"], north_east["a"] + north_east["b"]) == (70.2, 4301)
    assert (north_east["family_pc"], north_east["c"] + north_east["d"]) == (37.0, 1870)
    assert (by_area["East of England"]["exposed_pc"], by_area["East of England"]["family_pc"]) == (
        78.4,
        58.6,
    )
    assert published["headline"]["regions_family_lower"] == REGIONS
    assert published["headline"]["regions_compared"] == REGIONS


def test_local_authorities_in_the_extract(published: dict[str, Any]) -> None:
    tests = {
        r["area"]: r
        for r in published["tables"]["area_tests"]
        if r["level"] == "Local authority" and r["basis"] == "received"
    }
    assert sorted(tests) == ["Gateshead", "Gloucestershire", "Somerset"]
    assert (tests["Gateshead"]["family_pc"], tests["Gateshead"]["c"]) == (8.7, 12)
    assert tests["Somerset"]["family_pc"] == 39.3
    assert tests["Gloucestershire"]["family_pc"] == 39.8


def test_pooled_mantel_haenszel_over_regions(published: dict[str, Any]) -> None:
    pooled = {(r["level"], r["basis"]): r for r in published["tables"]["pooled"]}
    regions = pooled[("Regional", "received")]
    assert regions["strata"] == REGIONS
    assert (regions["a"], regions["b"], regions["c"], regions["d"]) == (69645, 22289, 21016, 26728)
    assert regions["risk_ratio_pooled"] == pytest.approx(1.716861, abs=1e-6)
    assert regions["ratio_reported"] == "Mantel-Haenszel pooled risk ratio"
    assert (
        regions["odds_ratio_ci_low"] < regions["odds_ratio_pooled"] < regions["odds_ratio_ci_high"]
    )
    assert regions["homogeneity_p_value"] < 0.05  # the gap differs in size between regions


def test_offline_bundled_table_gives_the_same_national_and_regional_figures(
    published: dict[str, Any],
) -> None:
    offline = json.loads(_write(compute_stats(), "json"))
    assert offline["inputs"][0]["kind"] == "bundled"
    keep = ("source", "area", "received", "decided_to_assess", "decided_not_to_assess", "assess_pc")

    def rows(data: dict[str, Any]) -> list[tuple[Any, ...]]:
        return [
            tuple(r[k] for k in keep)
            for r in data["tables"]["by_source"]
            if r["level"] != "Local authority"
        ]

    assert rows(offline) == rows(published)
    assert offline["headline"]["relative_rates"] == published["headline"]["relative_rates"]


def test_refusal_trend_2014_to_2024(trends: pd.DataFrame) -> None:
    refusal = trends.loc["refusal_rate"]
    assert refusal.index.tolist() == list(range(2014, 2025))
    # 2016 from sen2_mi.csv: AssRefusedEHC 14,795 / InreqEHC 55,235 = 26.79%
    assert refusal.loc[2016, ["numerator", "denominator", "rate_pc"]].tolist() == [
        14795,
        55235,
        26.8,
    ]
    # 2024 from the 2025 release requests.csv: 38,889 not assessed / 154,489 received = 25.17%
    assert refusal.loc[2024, ["numerator", "denominator", "rate_pc", "published_pc"]].tolist() == [
        38889,
        154489,
        25.2,
        25.2,
    ]
    # initial requests were not collected in 2014-2015 ('z'): missing, never zero
    assert pd.isna(refusal.loc[2014, "denominator"]) and pd.isna(refusal.loc[2014, "rate_pc"])
    # 2019-2021 are in both releases, with the same counts
    assert refusal.loc[2019, "releases"] == [2022, 2025]
    assert refusal.loc[[2019, 2020, 2021], "consistent"].tolist() == [True, True, True]


def test_20_week_timeliness_trend(trends: pd.DataFrame) -> None:
    within = trends.loc["within_20_weeks_incl_exceptions"]
    assert within.index.tolist() == list(range(2014, 2025))
    # 2017 from sen2_mi.csv: IncExc20weekEHC 25,302 / TotIncExcEHC 41,250 = 61.3%
    assert within.loc[2017, ["numerator", "denominator", "rate_pc"]].tolist() == [
        25302,
        41250,
        61.3,
    ]
    # 2024 from timeliness_20_week.csv: 41,448 / 90,392 = 45.85%
    assert within.loc[2024, ["numerator", "denominator", "rate_pc"]].tolist() == [
        41448,
        90392,
        45.9,
    ]
    assert (within["rate_pc"] == within["published_pc"]).all()
    excluded = trends.loc["within_20_weeks_excl_exceptions"]
    assert excluded.loc[2024, "rate_pc"] == 46.4


def test_text_and_csv_formats() -> None:
    stats = compute_stats()
    text = _write(stats, "text")
    assert "Parent or young person" in text
    assert "family rate lower in 9 of 9 regions" in text
    assert ATTRIBUTION in text
    table = list(csv.DictReader(io.StringIO(_write(stats, "csv"))))
    assert {r["table"] for r in table} == {
        "by_source",
        "relative_rates",
        "area_tests",
        "pooled",
        "trends",
    }
    parent = [r for r in table if r["table"] == "by_source" and r["area"] == "England"
              and r["source"] == "Parent or young person"]  # fmt: skip
    assert parent[0]["assess_pc"] == "44.0"
    with pytest.raises(ValueError, match="unknown format"):
        _write(stats, "xml")


def test_cli_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("keep", encoding="utf-8")
    result = CliRunner().invoke(cli, ["stats", "-o", str(out)], obj={})
    assert result.exit_code == 3
    assert out.read_text(encoding="utf-8") == "keep"
    result = CliRunner().invoke(cli, ["stats", "-o", str(out), "--force"], obj={})
    assert result.exit_code == 0
    assert "Parent or young person" in out.read_text(encoding="utf-8")


def _write(stats: Sen2Stats, fmt: str) -> str:
    handle = io.StringIO()
    write_stats(stats, handle, fmt)
    return handle.getvalue()
