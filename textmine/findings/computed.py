"""Set computed findings from a run's SEN2 statistics.

A computed finding of the registry (:mod:`textmine.findings.registry`) names
the statistic, field, selectors, rounding, interval and counts that give its
figure. :func:`fill_computed` replaces the recorded value (the figure at the
time of writing) with the one :func:`recompute` takes from the run's
:class:`~textmine.findings.stats.Sen2Stats`, and re-renders the claim, so a
report cannot show a number the data do not give.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from textmine.findings.numbers import round_half_up
from textmine.findings.registry import Finding, render_claim

if TYPE_CHECKING:
    from textmine.findings.stats import Sen2Stats

__all__ = ["fill_computed", "recompute"]

log = logging.getLogger(__name__)


def fill_computed(findings: Iterable[Finding], stats: Sen2Stats) -> list[Finding]:
    """Findings with each computed value, interval, counts and period taken from ``stats``.

    A computed finding whose statistic ``stats`` does not hold (e.g. a trend
    when only the bundled table was read) keeps its recorded value and
    ``recomputed=False``. A recomputed value that differs from the recorded
    one is logged: the data have moved on (a newer release) or the registry
    has drifted.
    """
    out = []
    for finding in findings:
        if finding.computed is None:
            out.append(finding)
            continue
        filled = recompute(finding, stats)
        if filled is None:
            log.info(
                "finding %s: %s not in these statistics; recorded value kept",
                finding.id,
                finding.computed["statistic"],
            )
            out.append(finding)
            continue
        if filled.value != finding.recorded_value:
            log.warning(
                "finding %s: recorded %s, recomputed %s (%s)",
                finding.id,
                finding.recorded_value,
                filled.value,
                filled.period,
            )
        out.append(filled)
    return out


def recompute(finding: Finding, stats: Sen2Stats) -> Finding | None:
    """The computed finding with value, CI, counts and period from ``stats``; ``None`` if absent."""
    spec = finding.computed
    if spec is None:
        return None
    row = stats.lookup(spec["statistic"], **dict(spec.get("where", {})))
    if row is None or row.get(spec["field"]) is None:
        return None
    digits = int(spec.get("digits", 3))
    scale = float(spec.get("scale", 1))

    def rounded(key: str) -> float | None:
        value = row.get(key)
        return None if value is None else round_half_up(float(value) * scale, digits)

    low_high = spec.get("ci", ())
    counts = {name: row[name] for name in spec.get("counts", ()) if row.get(name) is not None}
    filled = replace(
        finding,
        value=rounded(spec["field"]),
        ci_low=rounded(low_high[0]) if low_high else finding.ci_low,
        ci_high=rounded(low_high[1]) if low_high else finding.ci_high,
        counts=counts or finding.counts,
        period=f"calendar year {row['period']}" if "period" in row else finding.period,
        recomputed=True,
    )
    return replace(filled, claim=render_claim(filled))
