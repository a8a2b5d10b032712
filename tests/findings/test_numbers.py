"""Rounding as DfE publishes it: half up, never to even."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from textmine.findings.numbers import percent, round_half_up


def test_round_half_up_matches_dfe_not_bankers() -> None:
    assert round_half_up(0.25, 1) == 0.3  # round() gives 0.2
    assert round_half_up(2.675, 2) == 2.68  # round() gives 2.67
    assert round_half_up(44.0, 1) == 44.0
    assert math.isnan(round_half_up(float("nan")))
    assert math.isnan(round_half_up(None))


def test_percent() -> None:
    assert percent(1, 3) == 33.3
    assert percent(21016, 47744) == 44.0  # 44.018%
    assert math.isnan(percent(1, 0))
    assert math.isnan(percent(float("nan"), 3))


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_percent_is_the_decimal_half_up_of_the_exact_ratio(
    numerator: int, denominator: int
) -> None:
    exact = Decimal(100 * numerator) / Decimal(denominator)
    expected = float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    assert percent(numerator, denominator) == expected


@given(st.integers(min_value=0, max_value=10**6))
def test_halves_round_up(tenths: int) -> None:
    """x.x5 -> the next tenth up (44.05 -> 44.1), where round() would go to even or down."""
    assert round_half_up((10 * tenths + 5) / 100, 1) == (tenths + 1) / 10
