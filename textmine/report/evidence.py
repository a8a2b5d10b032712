"""Findings and SEN2 statistics as plain dicts for the report.

Findings that bear on the analysis (their policy field is the field of at
least one document, see :mod:`textmine.findings.relevance`) are shown in three
visibly distinct sections, one per source type, in order of evidential
weight: official statistics, peer-reviewed papers, blogs. Each links to the
measures it bears on (and each measure lists its findings, see
:mod:`textmine.report.measures`) and to the provisions it cites (and each
provision lists its findings). The other findings are listed apart, under
"other findings, not about these documents", with their field and no links.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from textmine.findings.relevance import SEN2_FIELD
from textmine.report.anchors import AnchorIndex, slug
from textmine.report.labels import Labels

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
    relevance: Any = None,
    labels: Labels | None = None,
) -> dict[str, Any]:
    """The findings that bear on the documents, grouped by source type, and the others.

    Returns ``{"groups", "other", "fields", "sen2_bears"}``: ``groups`` by
    source type (fixed order; unknown types last); ``other`` the findings of
    fields no document is of; ``fields`` each field with the documents of it;
    ``sen2_bears`` whether the SEN2 statistics' field is among them. Without
    ``relevance`` every finding bears.
    """
    labels = labels or Labels()
    finding_measures = getattr(links, "finding_measures", {}) or {}
    finding_provisions = getattr(links, "finding_provisions", {}) or {}
    unmatched = getattr(links, "unmatched", {}) or {}
    fields = getattr(relevance, "fields", {}) or {}
    groups: dict[str, list[dict[str, Any]]] = {}
    other: list[dict[str, Any]] = []
    for finding in findings:
        fid = str(finding.id)
        field_id = str(getattr(finding, "field_id", ""))
        spec = fields.get(field_id)
        item = {
            "id": fid,
            "anchor": finding_anchor(fid),
            "claim": finding.claim,
            "field": spec.label if spec is not None else field_id,
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
                {"id": m, "label": labels.measure(m), "href": measure_hrefs.get(m)}
                for m in finding_measures.get(fid, ())
            ],
            "provisions": [
                {"label": p, "href": anchors.href_for_label(p)}
                for p in finding_provisions.get(fid, ())
            ],
            "unmatched": [labels.measure(m) for m in unmatched.get(fid, ())],
        }
        if relevance is None or relevance.bears(finding):
            groups.setdefault(str(finding.source_type), []).append(item)
        else:
            other.append(item)
    order = [t for t in SOURCE_ORDER if t in groups] + sorted(set(groups) - set(SOURCE_ORDER))
    field_docs = [
        {
            "id": fid,
            "label": spec.label,
            "about": spec.about,
            "documents": [labels.doc(d) for d in relevance.documents_of(fid)],
            "min_share": spec.min_share,
            "min_provisions": spec.min_provisions,
        }
        for fid, spec in fields.items()
    ]
    return {
        "groups": [
            {
                "source_type": t,
                "source_class": slug(t),
                "heading": SOURCE_HEADINGS.get(t, t.capitalize()),
                "anchor": f"findings-{slug(t)}",
                "findings": groups[t],
            }
            for t in order
        ],
        "other": other,
        "fields": field_docs,
        "sen2_bears": relevance is None or bool(relevance.documents_of(SEN2_FIELD)),
    }


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
