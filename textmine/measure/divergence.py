"""Consistency between two documents: the divergence of their term use.

Document A is the enacting text (an Act, Bill or SI), document B the text
that restates it (statutory guidance); any pair works.

:func:`term_divergence`: per relation (actor -> recipient, as in
:mod:`textmine.measure.relations`) and over all occurrences (``relation ==
"all"``), the Jensen-Shannon *divergence* of the two term distributions,

    JSD(P, Q) = ½ KL(P ‖ M) + ½ KL(Q ‖ M),  M = ½ (P + Q),  in bits (log base 2),

computed as the square of ``scipy.spatial.distance.jensenshannon(p, q,
base=2)`` (which returns the JS *distance*, the square root). 0 = the same
mix of terms, 1 = no term in common. A relation present in one document only
has NaN, with the reason. Terms used by one document and absent in the other
are listed on each row.

Duties restated more weakly or more strongly are compared by
:mod:`textmine.measure.alignment`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from textmine.measure.frame import unique_in_order
from textmine.measure.relations import explode_relations, relation_name

ALL = "all"

DIVERGENCE_COLUMNS: tuple[str, ...] = (
    "measure_id",
    "doc_a",
    "doc_b",
    "relation",
    "actor",
    "recipient",
    "n_a",
    "n_b",
    "js_divergence",
    "terms_a",
    "terms_b",
    "only_in_a",
    "only_in_b",
    "reason",
    "provisions_a",
    "provisions_b",
)


def measure_id(doc_a: str, doc_b: str) -> str:
    """``divergence.<doc_a>.<doc_b>``."""
    return f"divergence.{doc_a}.{doc_b}"


def js_divergence(p: dict[str, int], q: dict[str, int]) -> float:
    """Jensen-Shannon divergence (bits, 0..1) of two term-count mappings; NaN if either is empty."""
    terms = sorted(set(p) | set(q))
    a = np.array([p.get(t, 0) for t in terms], dtype=float)
    b = np.array([q.get(t, 0) for t in terms], dtype=float)
    if a.sum() == 0 or b.sum() == 0:
        return float("nan")
    from scipy.spatial.distance import jensenshannon  # imported when needed: slow to import

    return float(jensenshannon(a, b, base=2) ** 2)


def term_divergence(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """Per relation and overall: JSD of term distributions, terms unique to each side."""
    ra, rb = explode_relations(a), explode_relations(b)
    doc_a, doc_b = _doc_id(ra, "A"), _doc_id(rb, "B")
    records = [_divergence_row(doc_a, doc_b, ALL, ALL, ALL, ra, rb, overall=True)]
    keys = unique_in_order(
        [
            *zip(ra["actor"], ra["recipient"], strict=True),
            *zip(rb["actor"], rb["recipient"], strict=True),
        ]
    )
    for actor, recipient in keys:
        ga = ra[(ra["actor"] == actor) & (ra["recipient"] == recipient)]
        gb = rb[(rb["actor"] == actor) & (rb["recipient"] == recipient)]
        records.append(
            _divergence_row(doc_a, doc_b, relation_name(actor, recipient), actor, recipient, ga, gb)
        )
    out = pd.DataFrame.from_records(records, columns=list(DIVERGENCE_COLUMNS))
    head, rest = out.iloc[:1], out.iloc[1:]
    rest = rest.sort_values(
        ["n_a", "n_b", "relation"], ascending=[False, False, True], kind="stable"
    )
    return pd.concat([head, rest], ignore_index=True)


def _divergence_row(
    doc_a: str,
    doc_b: str,
    relation: str,
    actor: str,
    recipient: str,
    ga: pd.DataFrame,
    gb: pd.DataFrame,
    *,
    overall: bool = False,
) -> dict[str, Any]:
    # The overall distribution counts each occurrence once, not once per recipient.
    if overall:
        ga = ga.drop_duplicates("occurrence")
        gb = gb.drop_duplicates("occurrence")
    pa = {str(k): int(v) for k, v in ga["term"].astype(str).value_counts().items()}
    pb = {str(k): int(v) for k, v in gb["term"].astype(str).value_counts().items()}
    reason = None
    if not pa or not pb:
        reason = f"relation absent in {doc_a if not pa else doc_b}"
    return {
        "measure_id": measure_id(doc_a, doc_b),
        "doc_a": doc_a,
        "doc_b": doc_b,
        "relation": relation,
        "actor": actor,
        "recipient": recipient,
        "n_a": len(ga),
        "n_b": len(gb),
        "js_divergence": js_divergence(pa, pb),
        "terms_a": pa,
        "terms_b": pb,
        "only_in_a": sorted(set(pa) - set(pb)),
        "only_in_b": sorted(set(pb) - set(pa)),
        "reason": reason,
        "provisions_a": unique_in_order(ga["provision"]),
        "provisions_b": unique_in_order(gb["provision"]),
    }


def _doc_id(rel: pd.DataFrame, fallback: str) -> str:
    docs = unique_in_order(rel["doc"])
    return str(docs[0]) if docs else fallback
