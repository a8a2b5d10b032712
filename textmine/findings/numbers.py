"""Rounding and percentages as the Department for Education publishes them.

DfE rounds half up (44.05 -> 44.1), not to even as Python's :func:`round`
does, so every recomputed percentage uses :func:`round_half_up` to match the
published figures digit for digit.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal


def round_half_up(value: float | None, digits: int = 1) -> float:
    """Round half up to ``digits`` decimals; ``None`` and NaN give NaN."""
    if value is None or math.isnan(value):
        return math.nan
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


def percent(numerator: float | None, denominator: float | None) -> float:
    """``100 * numerator / denominator`` rounded half up to 1 dp; NaN when undefined."""
    if numerator is None or denominator is None:
        return math.nan
    if math.isnan(numerator) or math.isnan(denominator) or denominator == 0:
        return math.nan
    return round_half_up(100.0 * numerator / denominator, 1)
