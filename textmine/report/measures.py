"""The measure tables as plain dicts for the dashboard, the duty matrices and the relation tables.

Every figure keeps a way back to its provisions: each row carries links
(``#p-...`` anchors, see :mod:`textmine.report.anchors`) to the first
provisions behind it, the count of the rest, and a *filter* (document,
actor, recipient) that the page's script applies to the annotated text.
Each measure id (``tii.<doc>``, ``asymmetry.<actor>.family_vs_professional``,
``divergence.<a>.<b>``, ``relations.<actor>.<recipient>``,
``harmonisation.<actor>.<recipient>``) gets an anchor ``m-<id>`` so that
findings can link to it, and lists the findings that link back.

Every headline figure carries the occurrences behind it; one below the
minimums of :mod:`textmine.measure.reliability` is marked ``few`` (the page
greys it) with the reason in ``note``. Groups, relations and documents are
named by :class:`~textmine.report.labels.Labels`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

import pandas as pd

from textmine.findings.links import relation_id
from textmine.groups import NO_DOER, NO_RECIPIENT
from textmine.measure.alignment import COLUMNS as ALIGNMENT_COLUMNS
from textmine.measure.asymmetry import COLUMNS as ASYMMETRY_COLUMNS
from textmine.measure.divergence import DIVERGENCE_COLUMNS
from textmine.measure.harmonise import COLUMNS as HARMONISATION_COLUMNS
from textmine.measure.index import COLUMNS as TII_COLUMNS
from textmine.measure.relations import SUMMARY_COLUMNS
from textmine.measure.reliability import MIN_CELL, cell_note, divergence_note, tii_note
from textmine.report.anchors import AnchorIndex, slug
from textmine.report.charts import (
    FAMILY_STYLE,
    HIGHLIGHT_STYLE,
    NEUTRAL_STYLE,
    PROFESSIONAL_STYLE,
    bar_chart,
)
from textmine.report.labels import Labels
from textmine.text import shorten

if TYPE_CHECKING:
    from textmine.cache import Cache

#: Provision links shown per table cell; the rest are counted (all are in the CSV/JSON).
LINKS_SHOWN = 6
#: Rows of the longer tables shown in the page (all are in the CSV/JSON files).
MAX_ROWS = 300
DIVERGENCE_BARS = 14
#: Longest document or relation name on a chart axis.
CHART_LABEL = 40


def measure_anchor(measure_id: str) -> str:
    """The HTML id of a measure id's row or section."""
    return f"m-{slug(measure_id)}"


class MeasureContext:
    """Builds the measure dicts, sharing the provision anchors, labels and finding back-links."""

    def __init__(
        self,
        tables: Mapping[str, pd.DataFrame],
        anchors: AnchorIndex,
        measure_findings: Mapping[str, Sequence[str]] | None = None,
        labels: Labels | None = None,
        cache: Cache | None = None,
    ) -> None:
        self.tables = tables
        self.anchors = anchors
        self.measure_findings = measure_findings or {}
        self.labels = labels or Labels()
        #: Draws a chart, or takes its SVG from ``cache`` when its figures are unchanged.
        self.chart = partial(bar_chart, cache=cache)
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
            note = tii_note(int(rec.get("n_occurrences") or 0))
            rows.append(
                {
                    **self.register(str(rec["measure_id"])),
                    **{k: rec.get(k) for k in _TII_FIELDS},
                    "name": self.labels.doc(doc),
                    "note": note,
                    "few": note is not None,
                    "contributions": [
                        {
                            "relation": self._relation_of(r),
                            "value": v,
                            "href": f"#{relation_anchor(doc, r)}",
                        }
                        for r, v in list(contributions.items())[:5]
                    ],
                }
            )
        chart = None
        if rows:
            chart = self.chart(
                "tii",
                [shorten(r["name"], CHART_LABEL) for r in rows],
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
        records = _records(self.table("asymmetry"))
        rows = [self._asymmetry_row(rec) for rec in records]
        by_part = [
            self._asymmetry_row(rec, register=False)
            for rec in _records(self.table("asymmetry_by_part"))[:MAX_ROWS]
        ]
        pooled = [r for r in rows if r["actor"] == "all"] or rows
        charts = {}
        for metric, xlabel, xlim in (
            ("mean_level", "mean participation level (1 inform … 5 co-produce)", (0.0, 5.5)),
            ("binding_share", "binding share (must or shall, not negated)", (0.0, 1.15)),
        ):
            subset = [r for r in pooled if r["metric"] == metric]
            if subset:
                charts[metric] = self.chart(
                    f"asym-{metric.replace('_', '-')}",
                    [shorten(r["name"], CHART_LABEL) for r in subset],
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
        level = [r for r in rows if r["metric"] == "mean_level"]
        binding = {(r["doc"], r["actor"]): r for r in rows if r["metric"] == "binding_share"}
        headline = [{**r, "binding": binding.get((r["doc"], r["actor"]))} for r in level]
        return {"rows": rows, "headline": headline, "by_part": by_part, "charts": charts}

    def _asymmetry_row(self, rec: dict[str, Any], register: bool = True) -> dict[str, Any]:
        doc = str(rec.get("doc"))
        out = {k: rec.get(k) for k in _ASYM_FIELDS}
        if register and rec.get("metric") == "mean_level":
            out.update(self.register(str(rec["measure_id"])))
        out["name"] = self.labels.doc(doc)
        out["doer"] = self.labels.doer(rec.get("actor"))
        out["few"] = not rec.get("reliable", True)
        out["family_links"] = self.links(rec.get("family_provisions"), doc)
        out["professional_links"] = self.links(rec.get("professional_provisions"), doc)
        out["filter_actor"] = None if rec.get("actor") == "all" else rec.get("actor")
        return out

    def divergence(self, pairing: Any = None) -> dict[str, Any]:
        """The divergence card; ``pairing`` (a Comparability) says whether a pair was compared."""
        base: dict[str, Any] = {
            "rows": [],
            "overall": None,
            "chart": None,
            "alignment": self.alignment(),
        }
        if pairing is not None and not pairing.comparable:
            return {
                **base,
                "not_compared": {
                    "name_a": self.labels.doc(pairing.doc_a),
                    "name_b": self.labels.doc(pairing.doc_b),
                    "reason": pairing.reason,
                    "vocabulary": pairing.vocabulary,
                },
            }
        records = _records(self.table("divergence"))
        if not records:
            return base
        overall_rec = next((r for r in records if r["relation"] == "all"), records[0])
        overall = {**self._divergence_row(overall_rec), **self.register(overall_rec["measure_id"])}
        overall["kind_a"] = self.labels.kind(overall["doc_a"])
        overall["kind_b"] = self.labels.kind(overall["doc_b"])
        rows = [self._divergence_row(r) for r in records if r is not overall_rec]
        rows.sort(key=lambda r: -(int(r["n_a"] or 0) + int(r["n_b"] or 0)))
        shown = [overall, *[r for r in rows if _finite(r["js_divergence"])][: DIVERGENCE_BARS - 1]]
        chart = self.chart(
            "divergence",
            [shorten(r["label"], CHART_LABEL) for r in shown],
            [("Jensen-Shannon divergence", [r["js_divergence"] for r in shown], NEUTRAL_STYLE)],
            xlabel="0 = same mix of terms; 1 = no term in common",
            xlim=(0, 1.1),
            value_format="{:.3f}",
        )
        return {
            **base,
            "overall": overall,
            "rows": rows[:MAX_ROWS],
            "chart": chart,
            "chart_rows": shown,
        }

    def _divergence_row(self, rec: dict[str, Any]) -> dict[str, Any]:
        out = {k: rec.get(k) for k in _DIV_FIELDS}
        note = divergence_note(int(rec.get("n_a") or 0), int(rec.get("n_b") or 0))
        out["label"] = (
            "all occurrences"
            if rec.get("relation") == "all"
            else self.labels.relation(rec.get("actor"), rec.get("recipient"))
        )
        out["name_a"], out["name_b"] = self.labels.doc(rec["doc_a"]), self.labels.doc(rec["doc_b"])
        out["note"], out["few"] = note, note is not None
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
                "label": self.labels.relation(rec.get("actor"), rec.get("recipient")),
                "link_b": self.links(rec.get("provisions_b"), str(rec.get("doc_b"))),
                "links_a": self.links(rec.get("provisions_a"), str(rec.get("doc_a"))),
            }
            for rec in records
            if rec.get("direction") == "weaker"
        ]
        return {"counts": counts, "weaker": weaker[:MAX_ROWS], "n_weaker": len(weaker)}

    def relations(self) -> list[dict[str, Any]]:
        """Relation rows in words; per document, relations naming both parties first."""
        out = []
        for rec in _records(self.table("relations")):
            doc, actor, recipient = str(rec["doc"]), str(rec["actor"]), str(rec["recipient"])
            reg = self.register(relation_id("relations", actor, recipient))
            out.append(
                {
                    **{k: rec.get(k) for k in _REL_FIELDS},
                    **reg,
                    "label": self.labels.relation(actor, recipient),
                    "row_anchor": relation_anchor(doc, str(rec["relation"])),
                    "terms": _pairs(rec.get("terms")),
                    "links": self.links(rec.get("provisions"), doc),
                }
            )
        docs = {d: i for i, d in enumerate(dict.fromkeys(r["doc"] for r in out))}
        return sorted(out, key=lambda r: (docs[r["doc"]], _unnamed(r), -int(r["n"] or 0)))

    def matrices(self) -> list[dict[str, Any]]:
        """One duty matrix per document: doers x recipients, each cell a relation."""
        records = _records(self.table("relations"))
        out = []
        for doc in dict.fromkeys(str(r["doc"]) for r in records):
            mine = {(str(r["actor"]), str(r["recipient"])): r for r in records if r["doc"] == doc}
            columns, rows = self._grid(mine, partial(self._cell, doc))
            for row in rows:
                row["n"] = sum(int(mine[key]["n"]) for key in mine if key[0] == row["actor"])
            out.append(
                {
                    "doc": doc,
                    "name": self.labels.doc(doc),
                    "anchor": f"matrix-{slug(doc)}",
                    "columns": columns,
                    "rows": rows,
                }
            )
        return out

    def _grid(
        self,
        cells: Mapping[tuple[str, str], dict[str, Any]],
        make: Callable[[dict[str, Any]], dict[str, Any]],
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Columns (recipients) and rows (doers) of a matrix, in the lexicon's order; a cell
        is ``make(record)`` for a relation present, else ``None``."""
        actors = self.labels.groups.order(a for a, _ in cells)
        recipients = self.labels.groups.order(r for _, r in cells)
        columns = [{"group": r, "label": self.labels.group(r)} for r in recipients]
        rows = [
            {
                "actor": actor,
                "label": self.labels.group(actor),
                "cells": [
                    make(cells[(actor, r)]) if (actor, r) in cells else None for r in recipients
                ],
            }
            for actor in actors
        ]
        return columns, rows

    def _cell(self, doc: str, rec: dict[str, Any]) -> dict[str, Any]:
        n = int(rec["n"])
        note = cell_note(n)
        level = float(rec["level_mean"])
        return {
            "n": n,
            "level_mean": level,
            "share_binding": rec.get("share_binding"),
            "lv": min(5, max(1, math.floor(level + 0.5))),
            "few": note is not None,
            "note": note,
            "doc": doc,
            "actor": rec["actor"],
            "recipient": rec["recipient"],
            "label": self.labels.relation(rec["actor"], rec["recipient"]),
        }

    def difference_matrix(self) -> dict[str, Any] | None:
        """Guidance minus enacting text, per relation both documents state; ``None`` if no pair."""
        records = _records(self.table("relations_difference"))
        if not records:
            return None
        doc_a, doc_b = str(records[0]["doc_a"]), str(records[0]["doc_b"])
        cells = {(str(r["actor"]), str(r["recipient"])): r for r in records}
        columns, rows = self._grid(cells, self._difference_cell)
        return {
            "doc_a": doc_a,
            "doc_b": doc_b,
            "name_a": self.labels.doc(doc_a),
            "name_b": self.labels.doc(doc_b),
            "kind_a": self.labels.kind(doc_a),
            "kind_b": self.labels.kind(doc_b),
            "columns": columns,
            "rows": rows,
        }

    def _difference_cell(self, rec: dict[str, Any]) -> dict[str, Any]:
        """One cell of the difference matrix; ``direction`` from the signs of both differences.

        ``weaker``: lower mean level or binding share, and neither higher;
        ``stronger`` the reverse; ``mixed`` one up and one down; ``same``;
        ``only-a``/``only-b``: the relation is in one document only.
        """
        n_a, n_b = int(rec["n_a"]), int(rec["n_b"])
        signs = {_sign(rec.get("level_difference"), 0.05), _sign(rec.get("binding_difference"))}
        if not n_a or not n_b:
            direction = "only-b" if n_b else "only-a"
        elif signs <= {0}:
            direction = "same"
        elif -1 in signs and 1 in signs:
            direction = "mixed"
        else:
            direction = "weaker" if -1 in signs else "stronger"
        return {
            "n_a": n_a,
            "n_b": n_b,
            "level_difference": rec.get("level_difference"),
            "binding_difference": rec.get("binding_difference"),
            "direction": direction,
            "few": min(n_a, n_b) < MIN_CELL,
            "label": self.labels.relation(rec["actor"], rec["recipient"]),
        }

    def harmonisation(self) -> list[dict[str, Any]]:
        out = []
        for rec in _records(self.table("harmonisation"))[:MAX_ROWS]:
            doc, actor, recipient = str(rec["doc"]), str(rec["actor"]), str(rec["recipient"])
            variants = rec.get("variants") or []
            out.append(
                {
                    **{k: rec.get(k) for k in _HARM_FIELDS},
                    **self.register(relation_id("harmonisation", actor, recipient)),
                    "name": self.labels.doc(doc),
                    "label": self.labels.relation(actor, recipient),
                    "variants": [
                        {"term": v.get("term"), "n": v.get("n"), "level": v.get("level")}
                        for v in variants
                        if isinstance(v, Mapping)
                    ],
                    "links": self.links(rec.get("provisions"), doc),
                }
            )
        return out

    def _relation_of(self, relation: str) -> str:
        """``local_authority -> parent`` in words."""
        actor, _, recipient = relation.partition(" -> ")
        return self.labels.relation(actor, recipient) if recipient else relation


def relation_anchor(doc: str, relation: str) -> str:
    """The id of one relation row: ``r-<doc>-<actor>-<recipient>``."""
    return f"r-{slug(doc)}-{slug(relation)}"


def _unnamed(row: Mapping[str, Any]) -> int:
    """0 for a relation naming both parties, 1 when one is missing, 2 when both are."""
    return int(row["actor"] == NO_DOER) + int(row["recipient"] == NO_RECIPIENT)


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


def _sign(value: object, tolerance: float = 0.005) -> int:
    """-1, 0 or 1 for a difference (0 within ``tolerance``, or missing)."""
    if not isinstance(value, int | float) or not math.isfinite(value) or abs(value) < tolerance:
        return 0
    return 1 if value > 0 else -1
