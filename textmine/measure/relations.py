"""Relations (actor -> recipient) and how consistently each is worded.

A *relation* is an ordered pair of canonical groups: the party who acts and a
party who is informed, consulted, involved... An occurrence with several
recipients (``must consult the parent and the young person``) belongs to one
relation per distinct recipient; an occurrence that names no recipient
(``recipients == []``, e.g. judgement ``consider`` or ``must be notified``)
belongs to the relation ``actor -> none``. So relation counts add up to more
than the number of occurrences when recipients are coordinated.

Per relation (:func:`relation_summary`), with ``n`` its occurrences:

* term counts and ``n_terms``, the number of distinct terms;
* ``term_entropy`` = H / ln K, H = -Σ p_t ln p_t over the relation's term
  shares p_t, K = the number of canonical terms available (the contract's 15,
  or more when the rows use terms of the project's own). 0 when one term is
  used; 1 only if every available term is used equally. Normalising by K
  rather than by the distinct terms used makes two terms count as less
  inconsistent than five (Pielou's evenness, H / ln n_terms, would give both
  1 when split evenly; it is reported as ``term_evenness``);
* participation level: mean, population sd (ddof = 0, so one occurrence has
  sd 0), min, max; ``level_spread`` = sd / 2 (2 is the largest sd of values
  in 1..5), in 0..1;
* modality mix: shares of strong (must, shall), medium (should, will), weak
  (may, can, need) and none; ``modality_spread`` = entropy of those four
  shares / ln 4, in 0..1;
* binding duties (must or shall, not negated: the asymmetry measure's
  definition): ``n_binding`` and ``share_binding``;
* agentless passives (actor unspecified and voice passive: the text leaves
  unnamed who must act): count and share;
* negations: count and share;
* ``provisions``: the ``doc:ref`` labels behind the figures, in document order.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from textmine.measure.frame import (
    CANONICAL_TERMS,
    MODALITY_CLASSES,
    NO_RECIPIENT,
    UNSPECIFIED,
    prepare_rows,
    unique_in_order,
)

RELATION_KEYS: tuple[str, ...] = ("doc", "actor", "recipient")

SUMMARY_COLUMNS: tuple[str, ...] = (
    "measure_id",
    "doc",
    "relation",
    "actor",
    "recipient",
    "n",
    "n_provisions",
    "n_terms",
    "terms",
    "term_entropy",
    "term_evenness",
    "level_mean",
    "level_sd",
    "level_min",
    "level_max",
    "level_spread",
    "share_strong",
    "share_medium",
    "share_weak",
    "share_none",
    "modality_spread",
    "n_binding",
    "share_binding",
    "n_agentless_passive",
    "share_agentless_passive",
    "n_negated",
    "share_negated",
    "occurrences",
    "provisions",
)

TERM_COLUMNS: tuple[str, ...] = (
    "doc",
    "relation",
    "actor",
    "recipient",
    "term",
    "level",
    "n",
    "share",
    "n_negated",
    "modalities",
    "texts",
    "provisions",
)


def relation_name(actor: str, recipient: str) -> str:
    """``"local_authority -> parent"``."""
    return f"{actor} -> {recipient}"


def explode_relations(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per (occurrence, distinct recipient): ``recipient``, ``relation``, ``agentless``.

    Rows with no recipient get ``recipient == "none"``. ``agentless`` marks
    agentless passives (actor ``unspecified``, voice ``passive``).
    """
    df = prepare_rows(rows)
    out = df.copy()
    out["recipient"] = [unique_in_order(r) or [NO_RECIPIENT] for r in df["recipients"]]
    out = out.explode("recipient", ignore_index=True)
    out["recipient"] = out["recipient"].astype(str)
    out["relation"] = [
        relation_name(a, r) for a, r in zip(out["actor"], out["recipient"], strict=True)
    ]
    out["agentless"] = (out["actor"] == UNSPECIFIED) & (out["voice"] == "passive")
    return out


def terms_available(rows: pd.DataFrame) -> int:
    """K of the entropy: the canonical terms plus any other term the rows use."""
    return len(set(CANONICAL_TERMS) | set(rows["term"].astype(str)))


def normalised_entropy(counts: Iterable[float], k: int) -> float:
    """Shannon entropy of ``counts`` divided by ln ``k``; 0 for one category or ``k`` <= 1.

    >>> round(normalised_entropy([2, 1, 1], 3), 4)  # H = 1.5 ln 2
    0.9464
    """
    values = np.asarray([c for c in counts if c > 0], dtype=float)
    if k <= 1 or values.size <= 1:
        return 0.0
    from scipy.stats import entropy  # imported when needed: scipy.stats is slow to import

    return float(entropy(values) / math.log(k))


def relation_summary(rows: pd.DataFrame, *, n_terms_available: int | None = None) -> pd.DataFrame:
    """One row per (doc, actor, recipient) with the figures listed in the module docstring.

    Relations are ordered by document (first appearance), then by
    occurrences (most first), then by name.
    """
    rel = explode_relations(rows)
    if rel.empty:
        return pd.DataFrame(columns=list(SUMMARY_COLUMNS))
    k = n_terms_available if n_terms_available is not None else terms_available(rel)
    records = [
        _summarise(tuple(str(v) for v in keys), group, k)
        for keys, group in rel.groupby(list(RELATION_KEYS), sort=False)
    ]
    out = pd.DataFrame.from_records(records, columns=list(SUMMARY_COLUMNS))
    return _order(out, rel, ["n", "relation"], [False, True])


def relation_terms(rows: pd.DataFrame) -> pd.DataFrame:
    """Long table: one row per (doc, relation, term): counts, shares, modals, texts, provisions."""
    rel = explode_relations(rows)
    if rel.empty:
        return pd.DataFrame(columns=list(TERM_COLUMNS))
    totals = rel.groupby(list(RELATION_KEYS), sort=False).size()
    records = []
    for keys, group in rel.groupby([*RELATION_KEYS, "term"], sort=False):
        doc, actor, recipient, term = (str(v) for v in keys)
        n = len(group)
        records.append(
            {
                "doc": doc,
                "relation": relation_name(actor, recipient),
                "actor": actor,
                "recipient": recipient,
                "term": term,
                "level": int(group["level"].max()),
                "n": n,
                "share": n / int(totals[(doc, actor, recipient)]),
                "n_negated": int(group["negated"].sum()),
                "modalities": _counts(group["modality"]),
                "texts": _counts(group["text"].dropna().astype(str).str.lower()),
                "provisions": unique_in_order(group["provision"]),
            }
        )
    out = pd.DataFrame.from_records(records, columns=list(TERM_COLUMNS))
    return _order(out, rel, ["relation", "n", "term"], [True, False, True])


DIFFERENCE_COLUMNS: tuple[str, ...] = (
    "doc_a",
    "doc_b",
    "relation",
    "actor",
    "recipient",
    "n_a",
    "n_b",
    "level_mean_a",
    "level_mean_b",
    "level_difference",
    "share_binding_a",
    "share_binding_b",
    "binding_difference",
    "provisions_a",
    "provisions_b",
)


def relation_difference(relations: pd.DataFrame, doc_a: str, doc_b: str) -> pd.DataFrame:
    """Each relation of two documents side by side, and B minus A.

    From a :func:`relation_summary` table: one row per (actor, recipient)
    found in either document, with each side's occurrences, mean level and
    binding share, and ``level_difference`` = level_mean_b - level_mean_a,
    ``binding_difference`` = share_binding_b - share_binding_a (NaN where the
    relation is missing on a side). Ordered by occurrences on both sides
    together, most first, then by relation.
    """
    keys = ["actor", "recipient"]
    fields = ["n", "level_mean", "share_binding", "provisions"]
    sides = []
    for doc, suffix in ((doc_a, "_a"), (doc_b, "_b")):
        side = relations[relations["doc"] == doc][[*keys, *fields]]
        sides.append(side.rename(columns={f: f + suffix for f in fields}))
    out = sides[0].merge(sides[1], on=keys, how="outer")
    if out.empty:
        return pd.DataFrame(columns=list(DIFFERENCE_COLUMNS))
    for column in ("n_a", "n_b"):
        out[column] = out[column].fillna(0).astype(int)
    for column in ("provisions_a", "provisions_b"):
        out[column] = [v if isinstance(v, list) else [] for v in out[column]]
    out["doc_a"], out["doc_b"] = doc_a, doc_b
    out["relation"] = [
        relation_name(a, r) for a, r in zip(out["actor"], out["recipient"], strict=True)
    ]
    out["level_difference"] = out["level_mean_b"] - out["level_mean_a"]
    out["binding_difference"] = out["share_binding_b"] - out["share_binding_a"]
    out = out.assign(_n=out["n_a"] + out["n_b"]).sort_values(
        ["_n", "relation"], ascending=[False, True], kind="stable"
    )
    return out[list(DIFFERENCE_COLUMNS)].reset_index(drop=True)


def _summarise(keys: tuple[str, ...], group: pd.DataFrame, k: int) -> dict[str, object]:
    doc, actor, recipient = keys
    n = len(group)
    terms = _counts(group["term"])
    levels = group["level"].to_numpy(dtype=float)
    classes = group["modality_class"].value_counts()
    shares = {c: int(classes.get(c, 0)) / n for c in MODALITY_CLASSES}
    sd = float(np.std(levels, ddof=0))
    n_agentless = int(group["agentless"].sum())
    n_negated = int(group["negated"].sum())
    n_binding = int(((group["modality_class"] == "strong") & ~group["negated"].astype(bool)).sum())
    return {
        "measure_id": f"relations.{actor}.{recipient}",
        "doc": doc,
        "relation": relation_name(actor, recipient),
        "actor": actor,
        "recipient": recipient,
        "n": n,
        "n_provisions": group["provision"].nunique(),
        "n_terms": len(terms),
        "terms": terms,
        "term_entropy": normalised_entropy(terms.values(), k),
        "term_evenness": normalised_entropy(terms.values(), len(terms)),
        "level_mean": float(levels.mean()),
        "level_sd": sd,
        "level_min": int(levels.min()),
        "level_max": int(levels.max()),
        "level_spread": sd / 2.0,
        **{f"share_{c}": shares[c] for c in MODALITY_CLASSES},
        "modality_spread": normalised_entropy(
            [shares[c] for c in MODALITY_CLASSES], len(MODALITY_CLASSES)
        ),
        "n_binding": n_binding,
        "share_binding": n_binding / n,
        "n_agentless_passive": n_agentless,
        "share_agentless_passive": n_agentless / n,
        "n_negated": n_negated,
        "share_negated": n_negated / n,
        "occurrences": [int(i) for i in group["occurrence"]],
        "provisions": unique_in_order(group["provision"]),
    }


def _counts(values: pd.Series) -> dict[str, int]:
    """Value counts as a plain dict, most frequent first, ties alphabetical."""
    counts = {str(k): int(v) for k, v in values.astype(str).value_counts().items()}
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _order(
    out: pd.DataFrame, rel: pd.DataFrame, by: list[str], ascending: list[bool]
) -> pd.DataFrame:
    """Sort by document (first appearance in ``rel``), then by ``by``."""
    doc_rank = {d: i for i, d in enumerate(unique_in_order(rel["doc"]))}
    out = out.assign(_doc=out["doc"].map(doc_rank))
    out = out.sort_values(["_doc", *by], ascending=[True, *ascending], kind="stable")
    return out.drop(columns="_doc").reset_index(drop=True)
