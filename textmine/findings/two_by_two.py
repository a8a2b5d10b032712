"""Tests on one 2x2 table of requests: relative risk with its interval, independence.

Used by :mod:`textmine.findings.statistics`. scipy is imported only when a
table is tested (it is slow to import, and a warm run needs none of it).
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["CONFIDENCE", "MIN_EXPECTED", "independence_test", "relative_risk"]

#: Smallest expected count for the chi-square test; below it, Fisher's exact test.
MIN_EXPECTED = 5.0
#: Confidence level of every interval.
CONFIDENCE = 0.95


def relative_risk(
    exposed_cases: float, exposed_total: float, control_cases: float, control_total: float
) -> tuple[float, float, float, str | None]:
    """(ratio, low, high, note) of the agreed rates of two sides; the note says why the
    ratio is undefined (suppressed count, an empty side), else ``None``."""
    values = (exposed_cases, exposed_total, control_cases, control_total)
    if any(np.isnan(v) for v in values):
        return math.nan, math.nan, math.nan, "a count is suppressed or missing"
    if exposed_total == 0 or control_total == 0:
        return math.nan, math.nan, math.nan, "a side has no requests"
    if control_cases == 0 or exposed_cases == 0:
        return math.nan, math.nan, math.nan, "a side has no agreed requests (ratio undefined)"
    from scipy.stats.contingency import relative_risk as scipy_relative_risk  # slow import

    result = scipy_relative_risk(*(int(v) for v in values))
    ci = result.confidence_interval(confidence_level=CONFIDENCE)
    return float(result.relative_risk), float(ci.low), float(ci.high), None


def independence_test(table: np.ndarray) -> tuple[str | None, float, float, float]:
    """(test name, statistic, p-value, smallest expected count) of a 2x2 table."""
    if np.isnan(table).any():
        return None, math.nan, math.nan, math.nan
    if (table.sum(axis=0) == 0).any() or (table.sum(axis=1) == 0).any():
        return None, math.nan, math.nan, math.nan
    from scipy.stats import chi2_contingency, fisher_exact  # slow to import: when needed
    from scipy.stats.contingency import expected_freq

    min_expected = float(expected_freq(table).min())
    if min_expected < MIN_EXPECTED:
        stat, p = fisher_exact(table.astype(int), alternative="two-sided")
        return "fisher_exact", float(stat), float(p), min_expected
    chi2, p, _, _ = chi2_contingency(table, correction=False)
    return "chi_square", float(chi2), float(p), min_expected
