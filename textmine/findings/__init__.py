"""Evidence beside the measures: the findings registry, the SEN2 statistics, and links.

* :func:`load_findings` reads the registry (``findings/data/*.toml``), and
  :func:`fill_computed` sets computed findings from a run's statistics;
* :func:`compute_stats` reads SEN2 files (or the bundled 2025 table) into
  :class:`Sen2Stats`, which :func:`write_stats` writes as JSON, CSV or text;
* :func:`link` joins findings to measure ids and provisions, both ways.

The statistics pull in pandas, SciPy and statsmodels, so they are imported on
first use; loading and linking findings stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textmine.findings.computed import fill_computed
from textmine.findings.links import Links, link, measure_ids_from_tables
from textmine.findings.registry import Finding, load_findings

if TYPE_CHECKING:
    from textmine.findings.stats import Sen2Stats, compute_stats, write_stats

__all__ = [
    "Finding",
    "Links",
    "Sen2Stats",
    "compute_stats",
    "fill_computed",
    "link",
    "load_findings",
    "measure_ids_from_tables",
    "write_stats",
]

_LAZY = {"Sen2Stats", "compute_stats", "write_stats"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from textmine.findings import stats

        return getattr(stats, name)
    raise AttributeError(f"module 'textmine.findings' has no attribute {name!r}")
