"""The measure tables as plain dicts for the dashboard and the relation tables.

Every figure keeps a way back to its provisions: each row carries links
(``#p-...`` anchors, see :mod:`textmine.report.anchors`) to the first
provisions behind it, the count of the rest, and a *filter* (document,
actor, recipient) that the page's script applies to the annotated text.
Each measure id (``tii.<doc>``, ``asymmetry.<actor>.family_vs_professional``,
``divergence.<a>.<b>``, ``relations.<actor>.<recipient>``,
``harmonisation.<actor>.<recipient>``) gets an anchor ``m-<id>`` so that
findings can link to it, and lists the findings that link back.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from textmine.findings.links import relation_id
from textmine.measure.alignment import COLUMNS as ALIGNMENT_COLUMNS
from textmine.measure.asymmetry import COLUMNS as ASYMMETRY_COLUMNS
from textmine.measure.divergence import DIVERGENCE_COLUMNS
from textmine.measure.harmonise import COLUMNS as HARMONISATION_COLUMNS
from textmine.measure.index import COLUMNS as TII_COLUMNS
from textmine.measure.relations import SUMMARY_COLUMNS
from textmine.report.anchors import AnchorIndex, slug
from textmine.report.charts import (
    FAMILY_STYLE,
    HIGHLIGHT_STYLE,
    NEUTRAL_STYLE,
    PROFESSIONAL_STYLE,
    bar_chart,
)

#: Provision links shown per table cell; the rest are counted (all are in the CSV/JSON).
LINKS_SHOWN = 6
#: Rows of the longer tables shown in the page (all are in the CSV/JSON files).
MAX_ROWS = 300
DIVERGENCE_BARS = 14


def measure_anchor(measure_id: str) -> str:
    """The HTML id of a measure id's row or section."""
    return f"m-{slug(measure_id)}"


class MeasureContext:
    """Builds the measure dicts, sharing the provision anchors and finding back-links."""

    def __init__(
        self,
        tables: Mapping[str, pd.DataFrame],
        anchors: AnchorIndex,
        measure_findings: Mapping[str, Sequence[str]] | None = None,
        titles: Mapping[str, str] | None = None,
    ) -> None:
        self.tables = tables
        self.anchors = anchors
        self.measure_findings = measure_findings or {}
        self.titles = titles or {}
        #: measure id -> anchor, for the findings' links.
        self.measure_hrefs: dict[str, str] = {}

    # ------------------------------------------------------------- helpers

    def links(self, labels: object, doc: str | None = None) -> dict[str, Any]:
        """The first provision links of ``labels`` and how many more there are."""
        items = [str(x) for x in labels] if isinstance(labels, Iterable) else []
        if isinstance(labels, str):
            items = [labels]
        shown = []
        for label in items[:LINKS_SHOWN]:
            ldoc, _, ref = label.partition(":")
            shown.append(
                {
                    "label": ref if doc is not None and ldoc == doc else label,
                    "href": self.anchors.href_for_label(label),
                }
            )
        return {"items": shown, "more": max(0, len(items) - LINKS_SHOWN), "total": len(items)}

    def register(self, measure_id: str) -> dict[str, Any]:
        """Anchor of a measure id (first row wins) and the findings bearing on it."""
        anchor = measure_anchor(measure_id)
        first = measure_id not in self.measure_hrefs
        if first:
            self.measure_hrefs[measure_id] = f"#{anchor}"
        return {
            "measure_id": measure_id,
            "anchor": anchor if first else None,
            "findings": list(self.measure_findings.get(measure_id, ())),
        }

    def table(self, name: str) -> pd.DataFrame:
        table = self.tables.get(name)
        return table if table is not None else pd.DataFrame()

    # ------------------------------------------------------------ sections

    def tii(self) -> dict[str, Any]:
        rows = []
        for rec in _records(self.table("tii")):
            doc = str(rec["doc"])
            contributions = rec.get("contributions") or {}
            rows.append(
                {
                    **self.register(str(rec["measure_id"])),
                    **{k: rec.get(k) for k in _TII_FIELDS},
                    "title": self.titles.get(doc, doc),
                    "contributions": [
                        {"relation": r, "value": v, "href": f"#{relation_anchor(doc, r)}"}
                        for r, v in list(contributions.items())[:5]
                    ],
                }
            )
        chart = None
        if rows:
            chart = bar_chart(
                "tii",
                [r["title"] for r in rows],
                [
                    ("TII", [r["tii"] for r in rows], NEUTRAL_STYLE),
                    ("term entropy", [r["term_entropy"] for r in rows], HIGHLIGHT_STYLE),
                    ("level spread", [r["level_spread"] for r in rows], PROFESSIONAL_STYLE),
                    ("modality spread", [r["modality_spread"] for r in rows], FAMILY_STYLE),
                ],
                xlabel="0 = consistent wording; 1 = maximal spread",
                xlim=(0, 1.1),
                value_format="{:.3f}",
            )
        return {"rows": rows, "chart": chart}

    def asymmetry(self) -> dict[str, Any]:
        rows = [self._asymmetry_row(rec) for rec in _records(self.table("asymmetry"))]
        by_part = [
            self._asymmetry_row(rec, register=False)
            for rec in _records(self.table("asymmetry_by_part"))[:MAX_ROWS]
        ]
        charts = {}
        for metric, xlabel, xlim in (
            ("mean_level", "mean participation level (1 inform … 5 co-produce)", (0.0, 5.5)),
            ("strong_share", "share of binding duties (must/shall, not negated)", (0.0, 1.15)),
        ):
            subset = [r for r in rows if r["metric"] == metric]
            if subset:
                charts[metric] = bar_chart(
                    f"asym-{metric.replace('_', '-')}",
                    [r["doc"] for r in subset],
                    [
                        ("toward families", [r["family"] for r in subset], FAMILY_STYLE),
                        (
                            "toward professionals",
                            [r["professional"] for r in subset],
                            PROFESSIONAL_STYLE,
                        ),
                    ],
                    xlabel=xlabel,
                    xlim=xlim,
                )
        return {"rows": rows, "by_part": by_part, "charts": charts}

    def _asymmetry_row(self, rec: dict[str, Any], register: bool = True) -> dict[str, Any]:
        doc = str(rec.get("doc"))
        out = {k: rec.get(k) for k in _ASYM_FIELDS}
        if register and rec.get("metric") == "mean_level":
            out.update(self.register(str(rec["measure_id"])))
        out["family_links"] = self.links(rec.get("family_provisions"), doc)
        out["professional_links"] = self.links(rec.get("professional_provisions"), doc)
        out["filter_actor"] = None if rec.get("actor") == "all" else rec.get("actor")
        return out

    def divergence(self) -> dict[str, Any]:
        table = self.table("divergence")
        records = _records(table)
        if not records:
            return {"rows": [], "overall": None, "chart": None, "alignment": self.alignment()}
        overall_rec = next((r for r in records if r["relation"] == "all"), records[0])
        overall = {**self._divergence_row(overall_rec), **self.register(overall_rec["measure_id"])}
        rows = [self._divergence_row(r) for r in records if r is not overall_rec]
        rows.sort(key=lambda r: -(int(r["n_a"] or 0) + int(r["n_b"] or 0)))
        shown = [overall, *[r for r in rows if _finite(r["js_divergence"])][: DIVERGENCE_BARS - 1]]
        chart = bar_chart(
            "divergence",
            [r["relation"] for r in shown],
            [("Jensen-Shannon divergence", [r["js_divergence"] for r in shown], NEUTRAL_STYLE)],
            xlabel="0 = same mix of terms; 1 = no term in common",
            xlim=(0, 1.1),
            value_format="{:.3f}",
        )
        return {
            "overall": overall,
            "rows": rows[:MAX_ROWS],
            "chart": chart,
            "chart_rows": shown,
            "alignment": self.alignment(),
        }

    def _divergence_row(self, rec: dict[str, Any]) -> dict[str, Any]:
        out = {k: rec.get(k) for k in _DIV_FIELDS}
        out["terms_a"] = _pairs(rec.get("terms_a"))
        out["terms_b"] = _pairs(rec.get("terms_b"))
        out["links_a"] = self.links(rec.get("provisions_a"), str(rec.get("doc_a")))
        out["links_b"] = self.links(rec.get("provisions_b"), str(rec.get("doc_b")))
        return out

    def alignment(self) -> dict[str, Any]:
        records = _records(self.table("divergence_strength"))
        counts: dict[str, int] = {}
        for rec in records:
            counts[str(rec["direction"])] = counts.get(str(rec["direction"]), 0) + 1
        weaker = [
            {
                **{k: rec.get(k) for k in _ALIGN_FIELDS},
                "link_b": self.links(rec.get("provisions_b"), str(rec.get("doc_b"))),
                "links_a": self.links(rec.get("provisions_a"), str(rec.get("doc_a"))),
            }
            for rec in records
            if rec.get("direction") == "weaker"
        ]
        return {"counts": counts, "weaker": weaker[:MAX_ROWS], "n_weaker": len(weaker)}

    def relations(self) -> list[dict[str, Any]]:
        out = []
        for rec in _records(self.table("relations")):
            doc, actor, recipient = str(rec["doc"]), str(rec["actor"]), str(rec["recipient"])
            reg = self.register(relation_id("relations", actor, recipient))
            out.append(
                {
                    **{k: rec.get(k) for k in _REL_FIELDS},
                    **reg,
                    "row_anchor": relation_anchor(doc, str(rec["relation"])),
                    "terms": _pairs(rec.get("terms")),
                    "links": self.links(rec.get("provisions"), doc),
                }
            )
        return out

    def harmonisation(self) -> list[dict[str, Any]]:
        out = []
        for rec in _records(self.table("harmonisation"))[:MAX_ROWS]:
            doc, actor, recipient = str(rec["doc"]), str(rec["actor"]), str(rec["recipient"])
            variants = rec.get("variants") or []
            out.append(
                {
                    **{k: rec.get(k) for k in _HARM_FIELDS},
                    **self.register(relation_id("harmonisation", actor, recipient)),
                    "variants": [
                        {"term": v.get("term"), "n": v.get("n"), "level": v.get("level")}
                        for v in variants
                        if isinstance(v, Mapping)
                    ],
                    "links": self.links(rec.get("provisions"), doc),
                }
            )
        return out


def relation_anchor(doc: str, relation: str) -> str:
    """The id of one relation row: ``r-<doc>-<actor>-<recipient>``."""
    return f"r-{slug(doc)}-{slug(relation)}"


def _shown(columns: Sequence[str], *handled: str) -> tuple[str, ...]:
    """A measure table's columns copied as they are into a row dict: all but ``handled``.

    ``handled`` are the columns a section turns into links, term pairs or an
    anchor itself (``measure_id`` via :meth:`MeasureContext.register`), so the
    row dicts follow the measure's own column list instead of restating it.
    """
    return tuple(c for c in columns if c not in handled)


_TII_FIELDS = _shown(TII_COLUMNS, "measure_id", "n_relation_occurrences", "contributions")
_ASYM_FIELDS = _shown(
    ASYMMETRY_COLUMNS, "measure_id", "family_provisions", "professional_provisions"
)
_DIV_FIELDS = _shown(
    DIVERGENCE_COLUMNS, "measure_id", "terms_a", "terms_b", "provisions_a", "provisions_b"
)
#: Strengths and direction are how a row was chosen, not shown per row.
_ALIGN_FIELDS = _shown(
    ALIGNMENT_COLUMNS,
    "direction",
    "difference",
    "strength_b",
    "strength_a",
    "provisions_a",
    "provisions_b",
)
_REL_FIELDS = _shown(
    SUMMARY_COLUMNS,
    "measure_id",
    "terms",
    "term_evenness",
    "level_sd",
    "level_spread",
    "modality_spread",
    "share_negated",
    "occurrences",
    "provisions",
)
_HARM_FIELDS = _shown(
    HARMONISATION_COLUMNS,
    "measure_id",
    "variants",
    "strongest_level",
    "suggested_modal",
    "provisions",
)


def _records(table: pd.DataFrame) -> list[dict[str, Any]]:
    if table is None or table.empty:
        return []
    return [{str(k): _clean(v) for k, v in rec.items()} for rec in table.to_dict("records")]


def _clean(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item") and not isinstance(value, list | dict | str):
        try:
            return value.item()
        except (ValueError, AttributeError):
            return value
    return value


def _pairs(counts: object) -> list[dict[str, Any]]:
    if not isinstance(counts, Mapping):
        return []
    return [{"term": str(k), "n": v} for k, v in counts.items()]


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and math.isfinite(value)
