"""Assemble the whole template context of a report from an :class:`~textmine.analysis.Analysis`.

The templates receive plain dicts and lists only (and the checked chart
markup); nothing in them reaches back into DataFrames or library objects.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from textmine.report.anchors import AnchorIndex
from textmine.report.evidence import findings_context, stats_context
from textmine.report.labels import Labels, kind_label
from textmine.report.measures import MeasureContext
from textmine.report.methods import methods_context
from textmine.report.text import as_list, documents_context, weakened_relations
from textmine.text import document_name

#: Canonical terms in ladder order, for the term filter (others follow alphabetically).
TERM_ORDER: tuple[str, ...] = (
    "inform",
    "notify",
    "advise",
    "consult",
    "seek",
    "consider",
    "have regard to",
    "take into account",
    "involve",
    "engage",
    "participate",
    "cooperate",
    "collaborate",
    "work with",
    "coproduce",
)
MODAL_ORDER: tuple[str, ...] = ("must", "shall", "should", "will", "may", "can", "need", "none")


def table_dict(tables: Any) -> dict[str, pd.DataFrame]:
    """Measure tables (``MeasureTables`` or a mapping) as ``name -> DataFrame``."""
    if tables is None:
        return {}
    if hasattr(tables, "as_dict"):
        return dict(tables.as_dict())
    if isinstance(tables, Mapping):
        return dict(tables)
    return dict(tables.items())


def build_context(
    analysis: Any, out_dir: Path, table_files: Sequence[Mapping[str, Any]] = ()
) -> dict[str, Any]:
    """Everything ``report.html.j2`` shows, as plain data."""
    from textmine.cache import open_cache
    from textmine.groups import default_groups
    from textmine.measure import DEFINITIONS

    documents = list(analysis.documents)
    anchors = AnchorIndex(documents)
    tables = table_dict(analysis.tables)
    links = analysis.links
    groups = getattr(analysis, "groups", None) or default_groups()
    labels = Labels(
        names={d.doc: document_name(d.doc, d.title) for d in documents},
        kinds={d.doc: kind_label(d.kind, d.title) for d in documents},
        groups=groups,
    )
    settings = getattr(analysis, "settings", None)
    measures = MeasureContext(
        tables,
        anchors,
        getattr(links, "measure_findings", {}) or {},
        labels=labels,
        cache=open_cache(settings) if settings is not None else None,
    )
    pairing = getattr(analysis, "pairing", None)
    dashboard = {
        "matrices": measures.matrices(),
        "difference": measures.difference_matrix(),
        "tii": measures.tii(),
        "asymmetry": measures.asymmetry(),
        "divergence": measures.divergence(pairing),
        "relations": measures.relations(),
        "harmonisation": measures.harmonisation(),
    }
    weakened = weakened_relations(tables.get("divergence_strength"))
    docs = documents_context(
        documents,
        analysis.rows,
        anchors,
        out_dir,
        weakened=weakened,
        provision_findings=getattr(links, "provision_findings", {}) or {},
        labels=labels,
    )
    rows = analysis.rows
    relevance = getattr(analysis, "relevance", None)
    findings = findings_context(
        analysis.findings, links, measures.measure_hrefs, anchors, relevance, labels
    )
    return {
        "title": analysis.title,
        "failures": [
            {"file": Path(f.path).name, "reason": f.reason}
            for f in getattr(analysis, "failures", None) or []
        ],
        "documents": docs,
        "n_provisions": sum(d["n_provisions"] for d in docs),
        "n_occurrences": len(rows) if rows is not None else 0,
        "n_weakened": sum(d["n_weakened"] for d in docs),
        **dashboard,
        "findings": findings,
        "stats": stats_context(analysis.stats) if findings["sen2_bears"] else None,
        "other_stats": None if findings["sen2_bears"] else stats_context(analysis.stats),
        "methods": methods_context(
            analysis.provenance.to_dict(), DEFINITIONS, table_names=list(tables)
        ),
        "tables": list(table_files),
        "filters": filter_options(rows, labels),
        "groups": {
            "family": [labels.group(g) for g in groups.members("family")],
            "professional": [labels.group(g) for g in groups.members("professional")],
            "notes": [
                {"label": labels.group(g), "note": groups.notes[g]}
                for g in groups.labels
                if g in groups.notes
            ],
        },
        "review": review_context(analysis, labels, rows),
        "script_data": labels.script_data(),
    }


def review_context(analysis: Any, labels: Labels, rows: pd.DataFrame | None) -> dict[str, Any]:
    """The review section: the editor's choices, the doubt codes, and a corrections run."""
    from textmine.contract import MODALITIES
    from textmine.groups import NO_DOER
    from textmine.review.certainty import DOUBTS, doubts_of

    groups = labels.groups
    known = groups.order(groups.known)
    run = getattr(analysis, "review", None)
    any_doubts = (
        rows is not None
        and "doubts" in rows.columns
        and any(doubts_of({"doubts": d}) for d in rows["doubts"])
    )
    return {
        "actors": [{"value": g, "label": labels.group(g)} for g in [*known, NO_DOER]],
        "recipients": [{"value": g, "label": labels.group(g)} for g in known],
        "modalities": [m for m in MODAL_ORDER if m in MODALITIES],
        "doubts": [{"code": code, "text": text} for code, text in DOUBTS.items()],
        "any_doubts": bool(any_doubts),
        "run": run.to_dict() if run is not None else None,
    }


def filter_options(rows: pd.DataFrame | None, labels: Labels | None = None) -> dict[str, list[Any]]:
    """The values each filter offers: those present in the rows, in a readable order.

    Actors and recipients are ``{"value", "label"}`` pairs in the lexicon's
    order; recipients end with ``none`` (occurrences naming no recipient).
    """
    labels = labels or Labels()
    if rows is None or rows.empty:
        return {"terms": [], "levels": [], "actors": [], "recipients": [], "modalities": []}
    terms = {str(t) for t in rows["term"].dropna()}
    modalities = {str(m) for m in rows["modality"].dropna()}
    recipients = {r for cell in rows["recipients"] for r in as_list(cell)}
    if any(not as_list(cell) for cell in rows["recipients"]):
        recipients.add("none")
    order = labels.groups.order
    return {
        "terms": [t for t in TERM_ORDER if t in terms] + sorted(terms - set(TERM_ORDER)),
        "levels": sorted({int(v) for v in rows["level"].dropna()}),
        "actors": [
            {"value": a, "label": labels.group(a)}
            for a in order(str(a) for a in rows["actor"].dropna())
        ],
        "recipients": [{"value": r, "label": labels.group(r)} for r in order(recipients)],
        "modalities": [m for m in MODAL_ORDER if m in modalities]
        + sorted(modalities - set(MODAL_ORDER)),
    }
