"""The Terminology Inconsistency Index (TII) of a document.

For a document d with relations r (actor -> recipient, see
:mod:`textmine.measure.relations`), each with n_r relation occurrences:

    E_r = term_entropy_r     (H of the term shares / ln K;  K = terms available)
    L_r = level_spread_r     (population sd of levels / 2)
    M_r = modality_spread_r  (H of the strong/medium/weak/none shares / ln 4)

    w_r = n_r / Σ n_r
    E = Σ w_r E_r,   L = Σ w_r L_r,   M = Σ w_r M_r
    TII = (E + L + M) / 3

Every component is in 0..1, so is the TII: 0 when every relation is always
worded with one term, at one level, under one kind of modal; it rises as the
same parties are linked by more, and more evenly used, terms of different
strength. Weighting by occurrences keeps a relation met once from moving the
index. The components are reported separately, with the counts behind them
and each relation's contribution w_r (E_r + L_r + M_r) / 3.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from textmine.measure.frame import docs_in_order, prepare_rows
from textmine.measure.relations import relation_summary

COMPONENTS: tuple[str, ...] = ("term_entropy", "level_spread", "modality_spread")
COLUMNS: tuple[str, ...] = (
    "measure_id",
    "doc",
    "tii",
    *COMPONENTS,
    "n_occurrences",
    "n_relation_occurrences",
    "n_relations",
    "n_relations_multi_term",
    "n_provisions",
    "contributions",
)


def measure_id(doc: str) -> str:
    """``tii.<doc>``."""
    return f"tii.{doc}"


def terminology_inconsistency_index(
    rows: pd.DataFrame, *, relations: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per document: TII, its three components and the counts behind them.

    ``relations`` may pass an already computed :func:`relation_summary` of
    the same rows. ``contributions`` maps each relation to its share of the
    TII (they sum to the TII), largest first.
    """
    df = prepare_rows(rows)
    summary = relation_summary(df) if relations is None else relations
    records = [
        _index(doc, df[df["doc"] == doc], summary[summary["doc"] == doc])
        for doc in docs_in_order(df)
    ]
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


def _index(doc: str, rows: pd.DataFrame, rel: pd.DataFrame) -> dict[str, Any]:
    total = int(rel["n"].sum())
    weights = rel["n"].astype(float) / total
    components = {c: float((weights * rel[c].astype(float)).sum()) for c in COMPONENTS}
    per_relation = weights * rel[list(COMPONENTS)].astype(float).mean(axis=1)
    contributions = {
        str(name): float(value)
        for name, value in sorted(
            zip(rel["relation"], per_relation, strict=True), key=lambda kv: (-kv[1], kv[0])
        )
        if value > 0
    }
    return {
        "measure_id": measure_id(doc),
        "doc": doc,
        "tii": sum(components.values()) / len(COMPONENTS),
        **components,
        "n_occurrences": len(rows),
        "n_relation_occurrences": total,
        "n_relations": len(rel),
        "n_relations_multi_term": int((rel["n_terms"] > 1).sum()),
        "n_provisions": rows["provision"].nunique(),
        "contributions": contributions,
    }
