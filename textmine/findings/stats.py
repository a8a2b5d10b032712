"""The SEN2 statistics of ``textmine stats``: compute every table, and write them out.

:func:`compute_stats` reads the given SEN2 files (or the bundled derived table
when none is given, so it works offline) and returns a :class:`Sen2Stats` of
tidy tables; :func:`write_stats` writes them as JSON, CSV or text. The
statistics themselves live in :mod:`textmine.findings.statistics`.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from textmine.findings import statistics as st
from textmine.findings.sen2 import read_sen2
from textmine.output import json_cells

FORMATS: tuple[str, ...] = ("json", "text", "csv")
#: Trend levels kept by default (local-authority series are long and noisy).
DEFAULT_TREND_LEVELS: tuple[str, ...] = ("National", "Regional")

ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0."
SOURCE_NOTE = (
    "Department for Education, 'Education, health and care plans' (SEN2 collection), "
    "Explore Education Statistics; Open Government Licence v3.0."
)
#: What every reader of these figures must keep in mind; also put on findings.
COMPARABILITY_NOTES: tuple[str, ...] = (
    "The official figures count local authorities' decisions on whether to carry out an EHC "
    "needs assessment after a request (one calendar year, SEN2); they are not EHC plans issued. "
    "Boddison's 1.4x (FOI returns for 2017/18) is about plans issued after a request: a "
    "different quantity, year and data source, so the two ratios are not directly comparable.",
    "'Professional' pools school or other education setting, health care and social care "
    "requests; Boddison and Soan compared families with education professionals, so the "
    "school-only comparison is the closer match to their work.",
    "'Other' and 'Not known' requests are reported but left out of the comparison; 'Not known' "
    "is large in some areas. Source of request is published for one calendar year only.",
    "The gap is descriptive, not causal: age, need and the evidence sent with a request "
    "differ by who makes it.",
    "Trend breaks: initial requests were not collected in 2014-2015 ('z'); the 20-week time "
    "limit was relaxed for part of 2020 (coronavirus); a year held by two releases is taken "
    "from the newer one (column 'consistent' says whether they agree).",
)


@dataclass
class Sen2Stats:
    """Every SEN2 table of one run, with the files it came from.

    Tables: ``by_source`` (requests and agreement to assess by source and area),
    ``relative_rates`` (professional vs family, 95% CI), ``area_tests``
    (chi-square/Fisher per area, Holm and BH corrected), ``pooled``
    (Mantel-Haenszel across areas) and ``trends`` (refusal and 20-week
    timeliness series).
    """

    by_source: pd.DataFrame
    relative_rates: pd.DataFrame
    area_tests: pd.DataFrame
    pooled: pd.DataFrame
    trends: pd.DataFrame
    files: list[dict[str, object]] = field(default_factory=list)
    notes: tuple[str, ...] = COMPARABILITY_NOTES

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Name -> table, in report order."""
        return {
            "by_source": self.by_source,
            "relative_rates": self.relative_rates,
            "area_tests": self.area_tests,
            "pooled": self.pooled,
            "trends": self.trends,
        }

    @property
    def latest_period(self) -> int | None:
        """The latest calendar year with source-of-request data."""
        if self.by_source.empty:
            return None
        return int(self.by_source["period"].max())

    def headline(self) -> dict[str, Any]:
        """The national figures of the latest year: shares by source, relative rates, regions."""
        period = self.latest_period
        if period is None:
            return {}
        src = self.by_source
        national = src[(src["period"] == period) & (src["level"] == "National")]
        rr = self.relative_rates
        rr = rr[
            (rr["period"] == period)
            & (rr["level"] == "National")
            & (rr["comparison"] == "professional")
        ]
        tests = self.area_tests
        regional = (
            tests[
                (tests["period"] == period)
                & (tests["level"] == "Regional")
                & (tests["basis"] == "received")
            ]
            if not tests.empty
            else tests
        )
        return {
            "period": period,
            "area": None if national.empty else str(national["area"].iloc[0]),
            "by_source": _records(
                national[
                    [
                        "source",
                        "group",
                        "received",
                        "decided_to_assess",
                        "decided_not_to_assess",
                        "assess_pc",
                        "assess_pc_decided",
                        "share_of_requests",
                    ]
                ]
            ),
            "relative_rates": _records(
                rr[
                    [
                        "basis",
                        "measure",
                        "exposed_agreed",
                        "exposed_total",
                        "family_agreed",
                        "family_total",
                        "relative_rate",
                        "ci_low",
                        "ci_high",
                    ]
                ]
            ),
            "regions_compared": len(regional),
            "regions_family_lower": int(regional["family_lower"].eq(True).sum())
            if len(regional)
            else 0,
        }

    def lookup(self, statistic: str, **where: object) -> dict[str, Any] | None:
        """The row of table ``statistic`` matching ``where`` (latest period), or ``None``.

        Also answers ``regions_family_lower`` (the count of regions where the
        family rate is lower, on ``basis``). Used to fill computed findings.
        """
        if statistic == "regions_family_lower":
            tests = self.area_tests
            if tests.empty:
                return None
            basis = where.get("basis", "received")
            rows = tests[(tests["level"] == "Regional") & (tests["basis"] == basis)]
            if rows.empty:
                return None
            period = rows["period"].max()
            rows = rows[rows["period"] == period]
            return {
                "period": int(period),
                "value": int(rows["family_lower"].eq(True).sum()),
                "n": len(rows),
                "areas": rows["area"].tolist(),
            }
        table = self.tables.get(statistic)
        if table is None or table.empty:
            return None
        mask = pd.Series(True, index=table.index)
        for column, value in where.items():
            if column not in table.columns:
                return None
            mask &= table[column] == value
        rows = table[mask]
        if rows.empty:
            return None
        return _records(rows.sort_values("period", ascending=False).head(1))[0]


def compute_stats(
    paths: Iterable[str | Path] = (), *, trend_levels: tuple[str, ...] | None = DEFAULT_TREND_LEVELS
) -> Sen2Stats:
    """Read SEN2 files (none: the bundled 2025 table) and compute every table.

    ``trend_levels`` limits the trend series to those geographic levels
    (``None``: all, local authorities included).
    """
    data = read_sen2(paths)
    release = {str(f["file"]): int(f["release"]) for f in data.files}  # type: ignore[call-overload]
    sources = data.sources.assign(_release=data.sources["file"].map(release))
    sources["_code"] = sources["area_code"].fillna(sources["area"])
    sources = (
        sources.sort_values("_release", ascending=False, kind="stable")
        .drop_duplicates(["period", "level", "_code", "source"])
        .sort_index()
        .drop(columns=["_release", "_code"])
    )
    summary = st.source_summary(sources)
    trends = data.trends
    if trend_levels is not None:
        trends = trends[trends["level"].isin(trend_levels)]
    return Sen2Stats(
        by_source=summary,
        relative_rates=st.relative_rates(summary),
        area_tests=st.area_tests(summary),
        pooled=st.pooled_ratios(summary),
        trends=st.trend_table(trends),
        files=data.files,
    )


def stats_to_dict(stats: Sen2Stats) -> dict[str, Any]:
    """A JSON-ready dict: inputs, notes, attribution, headline and every table as records."""
    from textmine import __version__

    return {
        "textmine_version": __version__,
        "inputs": stats.files,
        "source": SOURCE_NOTE,
        "attribution": ATTRIBUTION,
        "notes": list(stats.notes),
        "headline": stats.headline(),
        "tables": {name: _records(table) for name, table in stats.tables.items()},
    }


def write_stats(stats: Sen2Stats, handle: IO[str], fmt: str = "json") -> None:
    """Write ``stats`` to ``handle`` as ``json``, ``csv`` (all tables stacked, first column
    ``table``) or ``text`` (a readable summary of the national and regional figures)."""
    if fmt == "json":
        json.dump(stats_to_dict(stats), handle, indent=2, ensure_ascii=False, allow_nan=False)
        handle.write("\n")
    elif fmt == "csv":
        frames = [t.assign(table=name) for name, t in stats.tables.items() if not t.empty]
        stacked = (
            pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["table"])
        )
        stacked = stacked[["table", *[c for c in stacked.columns if c != "table"]]]
        json_cells(stacked).to_csv(
            handle, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n"
        )
    elif fmt == "text":
        handle.write(stats_text(stats))
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def stats_text(stats: Sen2Stats) -> str:
    """A plain-text summary: inputs, national figures by source, relative rates, regions, trends."""
    lines = ["SEN2 requests for an EHC needs assessment", ""]
    lines += [f"input: {f['file']} ({f['kind']}, release {f['release']})" for f in stats.files]
    head = stats.headline()
    if head:
        lines += [
            "",
            f"{head['area']}, calendar year {head['period']}: agreed to assess by source "
            "(% of received; % of decided)",
        ]
        for row in head["by_source"]:
            lines.append(
                f"  {row['source']:<45} {_n(row['received']):>9} requests  "
                f"{_n(row['decided_to_assess']):>9} agreed  {_pc(row['assess_pc'])}  "
                f"{_pc(row['assess_pc_decided'])}"
            )
        lines += ["", "Professional vs family (parent or young person), relative rate [95% CI]:"]
        for row in head["relative_rates"]:
            lines.append(
                f"  {row['basis']:<9} {row['relative_rate']:.3f} [{row['ci_low']:.3f}, "
                f"{row['ci_high']:.3f}]  ({_n(row['exposed_agreed'])}/{_n(row['exposed_total'])} "
                f"vs {_n(row['family_agreed'])}/{_n(row['family_total'])})"
            )
        lines.append(
            f"  family rate lower in {head['regions_family_lower']} of "
            f"{head['regions_compared']} regions"
        )
    tests = stats.area_tests
    if not tests.empty:
        lines += ["", "By area (received basis): professional % vs family % (n), p (Holm)"]
        rows = tests[(tests["basis"] == "received") & (tests["level"] != "National")]
        for row in rows.to_dict("records"):
            lines.append(
                f"  {row['area']:<28} {_pc(row['exposed_pc'])} ({_n(row['a'] + row['b'])}) vs "
                f"{_pc(row['family_pc'])} ({_n(row['c'] + row['d'])})  {row['test']} "
                f"p={_p(row['p_holm'])}"
            )
    for row in _records(stats.pooled):
        if row.get("risk_ratio_pooled") is not None:
            lines.append(
                f"Pooled over {row['strata']} {row['level'].lower()} areas ({row['basis']}): "
                f"MH risk ratio {row['risk_ratio_pooled']:.3f}; odds ratio "
                f"{row['odds_ratio_pooled']:.3f} [{row['odds_ratio_ci_low']:.3f}, "
                f"{row['odds_ratio_ci_high']:.3f}]; Breslow-Day p={_p(row['homogeneity_p_value'])}"
            )
    trends = stats.trends
    if not trends.empty:
        national = trends[trends["level"] == "National"]
        for indicator, rows in national.groupby("indicator", sort=False):
            lines += ["", f"{indicator} (National): {rows['measure'].iloc[0]}"]
            for row in rows.to_dict("records"):
                lines.append(
                    f"  {row['period']}  {_pc(row['rate_pc'])}  ({_n(row['numerator'])} / "
                    f"{_n(row['denominator'])}; release {row['release']})"
                )
    lines += ["", "Notes:"] + [f"  - {note}" for note in stats.notes]
    lines += ["", f"Source: {SOURCE_NOTE}", ATTRIBUTION, ""]
    return "\n".join(lines)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain dicts: NaN and infinities -> None, numpy scalars -> Python, counts -> int."""
    return [
        {str(k): _plain(v, count=k in _COUNT_COLUMNS) for k, v in row.items()}
        for row in frame.to_dict("records")
    ]


_COUNT_COLUMNS = frozenset(
    {
        "period",
        "release",
        "received",
        "decided_to_assess",
        "decided_not_to_assess",
        "decision_not_made",
        "withdrawn",
        "a",
        "b",
        "c",
        "d",
        "exposed_agreed",
        "exposed_total",
        "family_agreed",
        "family_total",
        "numerator",
        "denominator",
        "strata",
        "strata_left_out",
    }
)


def _plain(value: object, *, count: bool = False) -> object:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return int(value) if count and value.is_integer() else value
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def _n(value: object) -> str:
    return (
        "-"
        if value is None or (isinstance(value, float) and math.isnan(value))
        else f"{value:,.0f}"
    )


def _pc(value: object) -> str:
    return (
        "    -"
        if value is None or (isinstance(value, float) and math.isnan(value))
        else f"{value:5.1f}%"
    )


def _p(value: object) -> str:
    if not isinstance(value, int | float) or math.isnan(value):
        return "-"
    return f"{value:.2g}" if value >= 1e-300 else "<1e-300"
