"""Pure statistics over the tidy SEN2 frames of :mod:`textmine.findings.sen2`.

No function here reads a file. Every figure keeps its raw counts beside it and
a ``measure`` text saying what was counted, because the official figures
(decisions to assess a request, one calendar year) are not the same quantity
as the figures of the literature (plans issued after a request, FOI returns).

Groups compared: **professional** = school or other education setting + health
care professional + social care professional, pooled (and each separately);
**family** = parent or young person. "Other" and "Not known" are reported and
left out of every comparison.

Two bases for "agreed to assess" (both reported):

* ``received``: decided to assess / requests received, the published
  ``request_assess_pc`` (undecided and withdrawn requests count as not agreed);
* ``decided``: decided to assess / (decided to assess + decided not to assess),
  among requests already decided.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

from textmine.findings.numbers import percent, round_half_up
from textmine.findings.sen2_schema import (
    ALL_REQUESTS,
    EXCLUDED_SOURCES,
    FAMILY_SOURCES,
    INDICATORS,
    LEVELS,
    PROFESSIONAL_SOURCES,
)
from textmine.findings.two_by_two import (
    CONFIDENCE,
    independence_test,
    relative_risk,
)

#: Label of the pooled professional row.
PROFESSIONAL = "Professional (school, health, social care)"
#: Comparison id -> the source(s) on the professional side.
COMPARISONS: dict[str, tuple[str, ...]] = {
    "professional": PROFESSIONAL_SOURCES,
    "school": ("School or other education setting",),
    "health": ("Health care professional",),
    "social_care": ("Social care professional",),
}
#: Basis id -> what "agreed to assess" means.
BASES: dict[str, str] = {
    "received": "share of requests received in the calendar year that the local authority "
    "decided to assess (decided to assess / received; undecided and withdrawn requests count "
    "as not agreed), as published (request_assess_pc)",
    "decided": "share of decided requests that the local authority decided to assess "
    "(decided to assess / (decided to assess + decided not to assess))",
}
#: What the by-source table counts.
BY_SOURCE_MEASURE = (
    "initial requests for an EHC needs assessment by source of request and the local "
    "authority's decision whether to assess (not plans issued); assess_pc = decided to assess / "
    "received, as published; assess_pc_decided = decided to assess / (decided to assess + "
    "decided not to assess)"
)
#: Expected cell count below which Fisher's exact test replaces chi-square.
ALPHA = 0.05
_KEYS = ["period", "level", "area", "area_code", "region"]
_COUNTS = [
    "received",
    "decided_to_assess",
    "decided_not_to_assess",
    "decision_not_made",
    "withdrawn",
]


def group_of(source: str) -> str:
    """``family``, ``professional``, ``excluded`` or ``total`` (unknown labels: excluded)."""
    if source in FAMILY_SOURCES:
        return "family"
    if source in PROFESSIONAL_SOURCES or source == PROFESSIONAL:
        return "professional"
    if source == ALL_REQUESTS:
        return "total"
    return "excluded"


def source_summary(sources: pd.DataFrame) -> pd.DataFrame:
    """Requests and agreement to assess by source, with a pooled professional row per area.

    Adds: ``group``; ``share_of_requests`` = received / the unit's total
    received (its "All requests" row, else the sum of its sources);
    ``assess_pc`` = 100 * decided_to_assess / received (the published
    basis), ``assess_pc_decided`` = 100 * decided_to_assess / (decided_to_assess
    + decided_not_to_assess), ``not_assess_pc`` = 100 * decided_not_to_assess /
    received, all rounded half up to 1 dp; ``matches_published`` compares
    ``assess_pc`` with the file's own percentage where it has one. A source an
    area does not list counts as zero in the pooled row (an LA lists only the
    sources it has); a suppressed cell makes the pooled figure NaN.
    """
    if sources.empty:
        return pd.DataFrame(columns=[*_KEYS, "source", "group", *_COUNTS])
    rows = []
    for key, unit in sources.groupby(_KEYS, dropna=False, sort=False):
        unit = unit.drop_duplicates("source")
        pooled = unit[unit["source"].isin(PROFESSIONAL_SOURCES)]
        if not pooled.empty:
            summed = pooled[_COUNTS].sum(min_count=1, skipna=False)
            record: dict[str, Any] = dict(zip(_KEYS, key, strict=True))
            record.update(
                source=PROFESSIONAL, published_assess_pc=np.nan, file=unit["file"].iloc[0]
            )
            record.update({str(k): v for k, v in summed.items()})
            unit = pd.concat([unit, pd.DataFrame([record])], ignore_index=True)
        totals = unit.loc[unit["source"] == ALL_REQUESTS, "received"]
        listed = unit[~unit["source"].isin([ALL_REQUESTS, PROFESSIONAL])]["received"]
        total = float(totals.iloc[0]) if not totals.empty else float(listed.sum(skipna=False))
        unit = unit.assign(unit_received=total)
        rows.append(unit)
    out = pd.concat(rows, ignore_index=True)
    out["group"] = [group_of(s) for s in out["source"]]
    out["measure"] = [f"{BY_SOURCE_MEASURE}; calendar year {p}" for p in out["period"]]
    out["share_of_requests"] = [
        percent(r, t) for r, t in zip(out["received"], out["unit_received"], strict=True)
    ]
    out["assess_pc"] = [
        percent(a, r) for a, r in zip(out["decided_to_assess"], out["received"], strict=True)
    ]
    out["assess_pc_decided"] = [
        percent(a, a + n)
        for a, n in zip(out["decided_to_assess"], out["decided_not_to_assess"], strict=True)
    ]
    out["not_assess_pc"] = [
        percent(n, r) for n, r in zip(out["decided_not_to_assess"], out["received"], strict=True)
    ]
    out["matches_published"] = [
        None if np.isnan(p) else bool(p == a)
        for p, a in zip(out["published_assess_pc"], out["assess_pc"], strict=True)
    ]
    out["level_rank"] = out["level"].map({lv: i for i, lv in enumerate(LEVELS)}).fillna(len(LEVELS))
    order = {
        s: i
        for i, s in enumerate(
            [ALL_REQUESTS, PROFESSIONAL, *PROFESSIONAL_SOURCES, *FAMILY_SOURCES, *EXCLUDED_SOURCES]
        )
    }
    out["source_rank"] = out["source"].map(order).fillna(len(order))
    out = out.sort_values(
        ["period", "level_rank", "region", "area", "source_rank"],
        na_position="first",
        kind="stable",
    )
    return out.drop(columns=["level_rank", "source_rank", "unit_received"]).reset_index(drop=True)


def two_by_two(summary: pd.DataFrame, basis: str, comparison: str = "professional") -> pd.DataFrame:
    """Per area: counts (a, b) professional agreed / not, (c, d) family agreed / not.

    ``not`` is received - decided_to_assess for the ``received`` basis and
    decided_not_to_assess for the ``decided`` basis. Areas lacking either side
    are left out.
    """
    if basis not in BASES:
        raise ValueError(f"unknown basis {basis!r}; expected one of {sorted(BASES)}")
    sides = COMPARISONS[comparison]
    label = PROFESSIONAL if comparison == "professional" else sides[0]
    records = []
    for key, unit in summary.groupby(_KEYS, dropna=False, sort=False):
        exposed = unit[unit["source"] == label]
        control = unit[unit["source"].isin(FAMILY_SOURCES)]
        if exposed.empty or control.empty:
            continue
        a, b = _agreed_not(exposed.iloc[0], basis)
        c, d = _agreed_not(control.iloc[0], basis)
        records.append({**dict(zip(_KEYS, key, strict=True)), "a": a, "b": b, "c": c, "d": d})
    return pd.DataFrame(records, columns=[*_KEYS, "a", "b", "c", "d"])


def relative_rates(summary: pd.DataFrame) -> pd.DataFrame:
    """Professional-vs-family relative rate of agreement to assess, with a 95% CI, per area.

    ``relative_rate`` = (a / (a + b)) / (c / (c + d)), the rate of the
    professional source(s) over the family rate, from
    ``scipy.stats.contingency.relative_risk`` (Katz log-scale interval). One
    row per area, comparison (pooled professional and each professional source)
    and basis. NaN, with a ``note``, when a side has no requests or a
    suppressed count.
    """
    records = []
    for comparison in COMPARISONS:
        for basis, measure in BASES.items():
            for row in two_by_two(summary, basis, comparison).to_dict("records"):
                a, b, c, d = row.pop("a"), row.pop("b"), row.pop("c"), row.pop("d")
                rr, low, high, note = relative_risk(a, a + b, c, c + d)
                records.append(
                    {
                        **row,
                        "comparison": comparison,
                        "basis": basis,
                        "measure": f"{measure}; calendar year {row['period']}; "
                        "decisions to assess, not plans issued",
                        "exposed_agreed": a,
                        "exposed_total": a + b,
                        "family_agreed": c,
                        "family_total": c + d,
                        "exposed_pc": percent(a, a + b),
                        "family_pc": percent(c, c + d),
                        "relative_rate": rr,
                        "ci_low": low,
                        "ci_high": high,
                        "confidence": CONFIDENCE,
                        "note": note,
                    }
                )
    return pd.DataFrame(records)


def area_tests(summary: pd.DataFrame, comparison: str = "professional") -> pd.DataFrame:
    """Per-area test that agreement to assess is independent of the source of request.

    For each area's 2x2 table (professional / family by agreed / not): Pearson
    chi-square without continuity correction when every expected count is at
    least :data:`MIN_EXPECTED`, else Fisher's exact test (two-sided). P-values
    are corrected within each family (period, geographic level, basis) by Holm
    (family-wise error) and Benjamini-Hochberg (false discovery rate), via
    ``statsmodels.stats.multitest.multipletests`` at alpha 0.05.
    ``family_lower`` is true when the family rate is below the professional one.
    """
    records = []
    for basis, measure in BASES.items():
        for row in two_by_two(summary, basis, comparison).to_dict("records"):
            table = np.array([[row["a"], row["b"]], [row["c"], row["d"]]], dtype=float)
            test, stat, p, min_exp = independence_test(table)
            exposed, family = (
                percent(row["a"], row["a"] + row["b"]),
                percent(row["c"], row["c"] + row["d"]),
            )
            records.append(
                {
                    **row,
                    "comparison": comparison,
                    "basis": basis,
                    "measure": measure,
                    "exposed_pc": exposed,
                    "family_pc": family,
                    "difference_pp": round_half_up(exposed - family, 1),
                    "family_lower": None if np.isnan(exposed - family) else bool(family < exposed),
                    "test": test,
                    "statistic": stat,
                    "min_expected": min_exp,
                    "p_value": p,
                }
            )
    out = pd.DataFrame(records)
    if out.empty:
        return out
    for column in ("p_holm", "p_bh"):
        out[column] = np.nan
    out["reject_holm"] = None
    out["reject_bh"] = None
    from statsmodels.stats.multitest import multipletests  # slow to import: when needed

    for _, block in out.groupby(["period", "level", "basis"], sort=False):
        ok = block[block["p_value"].notna()]
        if ok.empty:
            continue
        for method, name in (("holm", "holm"), ("fdr_bh", "bh")):
            reject, corrected, _, _ = multipletests(
                ok["p_value"].to_numpy(), alpha=ALPHA, method=method
            )
            out.loc[ok.index, f"p_{name}"] = corrected
            out.loc[ok.index, f"reject_{name}"] = pd.Series(
                reject.tolist(), index=ok.index, dtype=object
            )
    return out


def pooled_ratios(summary: pd.DataFrame, comparison: str = "professional") -> pd.DataFrame:
    """Mantel-Haenszel pooled ratios across the areas of each sub-national level.

    Strata are the areas of one geographic level (regions; local authorities
    when the file has them) with both sides present and no suppressed count.
    Reports the **pooled risk ratio** (``StratifiedTable.riskratio_pooled``,
    Mantel-Haenszel) as the headline; statsmodels gives a confidence interval
    and a homogeneity test only for the **odds ratio**, so the row also carries
    the pooled odds ratio with its 95% CI, the Cochran-Mantel-Haenszel test of
    no association, and the Breslow-Day test that the odds ratio is the same in
    every stratum (``test_equal_odds``). ``ratio_reported`` says which ratio
    the headline is.
    """
    from statsmodels.stats.contingency_tables import StratifiedTable  # slow: when needed

    records = []
    for basis, measure in BASES.items():
        cells = two_by_two(summary, basis, comparison)
        for (period, level), group in cells.groupby(["period", "level"], sort=False):
            if level == "National":
                continue
            usable = group.dropna(subset=["a", "b", "c", "d"])
            usable = usable[(usable["a"] + usable["b"] > 0) & (usable["c"] + usable["d"] > 0)]
            base = {
                "period": period,
                "level": level,
                "comparison": comparison,
                "basis": basis,
                "measure": measure,
                "strata": len(usable),
                "strata_left_out": len(group) - len(usable),
                "a": usable["a"].sum(),
                "b": usable["b"].sum(),
                "c": usable["c"].sum(),
                "d": usable["d"].sum(),
                "ratio_reported": "Mantel-Haenszel pooled risk ratio",
            }
            if len(usable) < 2:
                records.append({**base, "note": "fewer than 2 usable strata"})
                continue
            tables = np.stack(
                [usable[["a", "b"]].to_numpy(), usable[["c", "d"]].to_numpy()], axis=1
            )
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                st = StratifiedTable(tables.transpose(1, 2, 0).astype(float))
                low, high = st.oddsratio_pooled_confint(alpha=1 - CONFIDENCE)
                null, equal = st.test_null_odds(correction=False), st.test_equal_odds(adjust=False)
            records.append(
                {
                    **base,
                    "risk_ratio_pooled": float(st.riskratio_pooled),
                    "odds_ratio_pooled": float(st.oddsratio_pooled),
                    "odds_ratio_ci_low": float(low),
                    "odds_ratio_ci_high": float(high),
                    "cmh_statistic": float(null.statistic),
                    "cmh_p_value": float(null.pvalue),
                    "homogeneity_test": "Breslow-Day (odds ratio)",
                    "homogeneity_statistic": float(equal.statistic),
                    "homogeneity_p_value": float(equal.pvalue),
                    "note": None,
                }
            )
    return pd.DataFrame(records)


def trend_table(trends: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator, area and year, the latest release winning where releases overlap.

    ``rate_pc`` = 100 * numerator / denominator (rounded half up, 1 dp);
    ``releases`` lists every release holding that year and ``consistent``
    says whether their counts agree. ``measure`` states the indicator.
    """
    if trends.empty:
        return trends.assign(rate_pc=[], releases=[], consistent=[], measure=[])
    frame = trends.copy()
    frame["key_area"] = frame["area_code"].fillna(frame["area"])
    keys = ["indicator", "level", "key_area", "period"]
    records = []
    for _, group in frame.groupby(keys, sort=False, dropna=False):
        group = group.sort_values("release", ascending=False)
        best = group.iloc[0].to_dict()
        counts = group[["numerator", "denominator"]].drop_duplicates()
        best["releases"] = sorted({int(r) for r in group["release"]})
        best["consistent"] = bool(len(counts) == 1)
        records.append(best)
    out = pd.DataFrame(records)
    out["rate_pc"] = [
        percent(n, d) for n, d in zip(out["numerator"], out["denominator"], strict=True)
    ]
    out["measure"] = out["indicator"].map(INDICATORS)
    out["level_rank"] = out["level"].map({lv: i for i, lv in enumerate(LEVELS)}).fillna(len(LEVELS))
    out = out.sort_values(["indicator", "level_rank", "area", "period"], kind="stable")
    return out.drop(columns=["key_area", "level_rank"]).reset_index(drop=True)


def _agreed_not(row: pd.Series, basis: str) -> tuple[float, float]:
    agreed = float(row["decided_to_assess"])
    other = row["received"] - agreed if basis == "received" else row["decided_not_to_assess"]
    return agreed, float(other)
