"""The SEN2 statistics on a tiny hand-built table, against hand-computed values."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from textmine.findings.sen2_schema import SOURCE_COLUMNS
from textmine.findings.statistics import (
    PROFESSIONAL,
    area_tests,
    pooled_ratios,
    relative_rates,
    source_summary,
    trend_table,
    two_by_two,
)

SCHOOL, HEALTH, SOCIAL = (
    "School or other education setting",
    "Health care professional",
    "Social care professional",
)
PARENT = "Parent or young person"

# (area, source, received, decided to assess, decided not to assess)
CELLS = [
    ("R1", "All requests", 240, 140, 71),
    ("R1", SCHOOL, 100, 80, 10),
    ("R1", HEALTH, 10, 6, 2),
    ("R1", SOCIAL, 10, 4, 4),
    ("R1", PARENT, 100, 40, 50),
    ("R1", "Other", 20, 10, 5),
    ("R2", SCHOOL, 6, 3, 2),
    ("R2", PARENT, 5, 1, 3),
]


def frame(cells: list[tuple[str, str, float, float, float]] = CELLS) -> pd.DataFrame:
    rows = [
        {
            "period": 2025,
            "level": "Regional",
            "area": area,
            "area_code": f"E{area}",
            "region": area,
            "source": source,
            "received": r,
            "decided_to_assess": a,
            "decided_not_to_assess": n,
            "decision_not_made": np.nan,
            "withdrawn": np.nan,
            "published_assess_pc": np.nan,
            "file": "hand.csv",
        }
        for area, source, r, a, n in cells
    ]
    return pd.DataFrame(rows, columns=list(SOURCE_COLUMNS))


@pytest.fixture(scope="module")
def summary() -> pd.DataFrame:
    return source_summary(frame())


def _get(table: pd.DataFrame, **where: object) -> pd.Series:
    mask = np.ones(len(table), dtype=bool)
    for key, value in where.items():
        mask &= (table[key] == value).to_numpy()
    assert mask.sum() == 1, where
    return table[mask].iloc[0]


def test_pooled_professional_row_and_shares(summary: pd.DataFrame) -> None:
    pooled = _get(summary, area="R1", source=PROFESSIONAL)
    assert (pooled["received"], pooled["decided_to_assess"], pooled["decided_not_to_assess"]) == (
        120,
        90,
        16,
    )
    assert pooled["assess_pc"] == 75.0  # 90 / 120
    assert pooled["assess_pc_decided"] == 84.9  # 90 / 106 = 84.906
    assert pooled["share_of_requests"] == 50.0  # 120 / 240 (the total row)
    parent = _get(summary, area="R1", source=PARENT)
    assert parent["assess_pc"] == 40.0
    assert parent["assess_pc_decided"] == 44.4  # 40 / 90
    assert parent["not_assess_pc"] == 50.0
    assert parent["group"] == "family"
    assert _get(summary, area="R1", source="Other")["group"] == "excluded"
    # R2 has no total row: shares are of the sum of its sources (6 + 5).
    assert _get(summary, area="R2", source=SCHOOL)["share_of_requests"] == 54.5


def test_two_by_two_on_both_bases(summary: pd.DataFrame) -> None:
    received = two_by_two(summary, "received").set_index("area")
    assert received.loc["R1", ["a", "b", "c", "d"]].tolist() == [90, 30, 40, 60]
    decided = two_by_two(summary, "decided").set_index("area")
    assert decided.loc["R1", ["a", "b", "c", "d"]].tolist() == [90, 16, 40, 50]
    with pytest.raises(ValueError, match="unknown basis"):
        two_by_two(summary, "issued")


def test_relative_rate_and_katz_interval_by_hand(summary: pd.DataFrame) -> None:
    rates = relative_rates(summary)
    row = _get(rates, area="R1", comparison="professional", basis="received")
    assert row["relative_rate"] == pytest.approx((90 / 120) / (40 / 100))  # 1.875
    se = math.sqrt(1 / 90 - 1 / 120 + 1 / 40 - 1 / 100)
    assert row["ci_low"] == pytest.approx(1.875 * math.exp(-1.959964 * se), rel=1e-6)
    assert row["ci_high"] == pytest.approx(1.875 * math.exp(1.959964 * se), rel=1e-6)
    assert (
        row["exposed_agreed"],
        row["exposed_total"],
        row["family_agreed"],
        row["family_total"],
    ) == (
        90,
        120,
        40,
        100,
    )
    assert "not plans issued" in row["measure"]
    school = _get(rates, area="R1", comparison="school", basis="received")
    assert school["relative_rate"] == pytest.approx(0.8 / 0.4)
    # R2 lists no health request: no health comparison row there.
    assert rates[(rates["area"] == "R2") & (rates["comparison"] == "health")].empty


def test_relative_rate_is_nan_with_a_reason_when_a_count_is_suppressed() -> None:
    cells = [("R1", SCHOOL, 100, 80, 10), ("R1", PARENT, 100, np.nan, 50)]
    row = _get(relative_rates(source_summary(frame(cells))), comparison="school", basis="received")
    assert math.isnan(row["relative_rate"])
    assert row["note"] == "a count is suppressed or missing"


def test_chi_square_fisher_and_corrections_by_hand(summary: pd.DataFrame) -> None:
    tests = area_tests(summary)
    r1 = _get(tests, area="R1", basis="received")
    assert r1["test"] == "chi_square"
    n, ad_bc = 220, 90 * 60 - 30 * 40
    assert r1["statistic"] == pytest.approx(n * ad_bc**2 / (120 * 100 * 130 * 90))  # 27.641
    assert r1["family_lower"]
    assert r1["difference_pp"] == 35.0
    r2 = _get(tests, area="R2", basis="received")
    assert r2["test"] == "fisher_exact"  # smallest expected count 5 * 4 / 11 = 1.8
    assert r2["min_expected"] == pytest.approx(20 / 11)
    assert r2["p_value"] == pytest.approx(180 / 330)  # tables as or less likely than [[3,3],[1,4]]
    p1, p2 = r1["p_value"], r2["p_value"]
    assert r1["p_holm"] == pytest.approx(2 * p1)
    assert r2["p_holm"] == pytest.approx(max(2 * p1, p2))
    assert r1["p_bh"] == pytest.approx(min(2 * p1, p2))
    assert r2["p_bh"] == pytest.approx(p2)
    assert r1["reject_holm"] and not r2["reject_holm"]


def test_mantel_haenszel_pooled_risk_ratio_by_hand(summary: pd.DataFrame) -> None:
    pooled = _get(pooled_ratios(summary), basis="received")
    numerator = 90 * 100 / 220 + 3 * 5 / 11
    denominator = 40 * 120 / 220 + 1 * 6 / 11
    assert pooled["risk_ratio_pooled"] == pytest.approx(numerator / denominator)  # 1.8902
    odds = (90 * 60 / 220 + 3 * 4 / 11) / (30 * 40 / 220 + 3 * 1 / 11)
    assert pooled["odds_ratio_pooled"] == pytest.approx(odds)
    assert pooled["strata"] == 2
    assert pooled["ratio_reported"] == "Mantel-Haenszel pooled risk ratio"
    assert pooled["homogeneity_test"] == "Breslow-Day (odds ratio)"
    assert 0 <= pooled["homogeneity_p_value"] <= 1


def test_pooled_ratio_needs_two_strata() -> None:
    one = source_summary(frame(CELLS[:6]))
    row = _get(pooled_ratios(one), basis="received")
    assert row["note"] == "fewer than 2 usable strata"


def test_trend_table_prefers_the_newer_release_and_flags_disagreement() -> None:
    base = {"level": "National", "area": "England", "area_code": "E92000001", "file": "f"}
    trends = pd.DataFrame(
        [
            {**base, "indicator": "refusal_rate", "period": 2021, "numerator": 20830,
             "denominator": 93302, "published_pc": 22.3254, "release": 2022},
            {**base, "indicator": "refusal_rate", "period": 2021, "numerator": 20830,
             "denominator": 93302, "published_pc": np.nan, "release": 2025},
            {**base, "indicator": "refusal_rate", "period": 2022, "numerator": 1,
             "denominator": 4, "published_pc": np.nan, "release": 2023},
            {**base, "indicator": "refusal_rate", "period": 2022, "numerator": 1,
             "denominator": 8, "published_pc": np.nan, "release": 2025},
        ]
    )  # fmt: skip
    out = trend_table(trends).set_index("period")
    assert out.loc[2021, "rate_pc"] == 22.3  # 20,830 / 93,302 = 22.325%
    assert out.loc[2021, "releases"] == [2022, 2025]
    assert bool(out.loc[2021, "consistent"]) is True
    assert out.loc[2022, "rate_pc"] == 12.5  # the 2025 release wins
    assert bool(out.loc[2022, "consistent"]) is False
