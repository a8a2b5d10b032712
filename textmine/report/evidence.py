"""Findings and SEN2 statistics as plain dicts for the report.

Findings are shown in three visibly distinct sections, one per source type,
in order of evidential weight: official statistics, peer-reviewed papers,
blogs. Each finding links to the measures it bears on (and each measure lists
its findings, see :mod:`textmine.report.measures`) and to the provisions it
cites (and each provision lists its findings).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from textmine.report.anchors import AnchorIndex, slug

SOURCE_ORDER: tuple[str, ...] = ("official statistics", "peer-reviewed paper", "blog")
SOURCE_HEADINGS: dict[str, str] = {
    "official statistics": "Official statistics",
    "peer-reviewed paper": "Peer-reviewed research",
    "blog": "Blogs and commentary",
}


def finding_anchor(finding_id: str) -> str:
    """The HTML id of a finding."""
    return f"f-{slug(finding_id)}"


def findings_context(
    findings: Iterable[Any],
    links: Any,
    measure_hrefs: Mapping[str, str],
    anchors: AnchorIndex,
) -> list[dict[str, Any]]:
    """Findings grouped by source type (fixed order; unknown types last)."""
    finding_measures = getattr(links, "finding_measures", {}) or {}
    finding_provisions = getattr(links, "finding_provisions", {}) or {}
    unmatched = getattr(links, "unmatched", {}) or {}
    groups: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        fid = str(finding.id)
        item = {
            "id": fid,
            "anchor": finding_anchor(fid),
            "claim": finding.claim,
            "value": _number(finding.value),
            "unit": finding.unit,
            "ci_low": _number(finding.ci_low),
            "ci_high": _number(finding.ci_high),
            "population": finding.population,
            "period": finding.period,
            "source_type": finding.source_type,
            "source_class": slug(finding.source_type),
            "citation": finding.citation,
            "url": getattr(finding, "url", None),
            "how_computed": finding.how_computed,
            "caveats": list(getattr(finding, "caveats", ()) or ()),
            "comparability_note": getattr(finding, "comparability_note", None),
            "counts": [
                {"name": str(k), "value": v}
                for k, v in (getattr(finding, "counts", {}) or {}).items()
            ],
            "recomputed": bool(getattr(finding, "recomputed", False)),
            "recorded_value": _number(getattr(finding, "recorded_value", None)),
            "measures": [
                {"id": m, "href": measure_hrefs.get(m)} for m in finding_measures.get(fid, ())
            ],
            "provisions": [
                {"label": p, "href": anchors.href_for_label(p)}
                for p in finding_provisions.get(fid, ())
            ],
            "unmatched": list(unmatched.get(fid, ())),
        }
        groups.setdefault(str(finding.source_type), []).append(item)
    order = [t for t in SOURCE_ORDER if t in groups] + sorted(set(groups) - set(SOURCE_ORDER))
    return [
        {
            "source_type": t,
            "source_class": slug(t),
            "heading": SOURCE_HEADINGS.get(t, t.capitalize()),
            "anchor": f"findings-{slug(t)}",
            "findings": groups[t],
        }
        for t in order
    ]


def stats_context(stats: Any) -> dict[str, Any] | None:
    """The national SEN2 headline: requests by source, relative rates, regions, notes."""
    if stats is None:
        return None
    from textmine.findings.stats import ATTRIBUTION, SOURCE_NOTE

    headline = stats.headline() or {}
    return {
        "period": headline.get("period"),
        "area": headline.get("area"),
        "by_source": [_plain(r) for r in headline.get("by_source", [])],
        "relative_rates": [_plain(r) for r in headline.get("relative_rates", [])],
        "regions_compared": headline.get("regions_compared", 0),
        "regions_family_lower": headline.get("regions_family_lower", 0),
        "notes": list(getattr(stats, "notes", ())),
        "source": SOURCE_NOTE,
        "attribution": ATTRIBUTION,
        "files": [_plain(f) for f in getattr(stats, "files", [])],
    }


def _plain(record: Mapping[str, Any]) -> dict[str, Any]:
    return {str(k): _number(v) if isinstance(v, float) else v for k, v in record.items()}


def _number(value: object) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number
