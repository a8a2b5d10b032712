"""Asymmetry: are duties toward families worded more weakly than duties toward professionals?

For a doer (actor group), the occurrences are split by recipient:

* *family* occurrences name at least one recipient of the family side;
* *professional* occurrences name at least one of the professional side.

Which groups are on each side is data: the ``side`` of each group in the
lexicon's ``groups.jsonl`` (:mod:`textmine.groups`; bundled: parents, children
and young people against the local authority, education settings, health
bodies, social care and professionals), passed in as ``family`` and
``professional``; a user lexicon for another policy field may redefine them.

An occurrence naming both (``consult the parent and the school``) is in both
samples: it is a duty toward each. Two metrics are compared, family minus
professional (negative = families get the weaker wording):

* ``mean_level``: mean participation level (1 inform .. 5 coproduce) of the
  occurrences, negated ones included (negation is reported by the relation
  table);
* ``binding_share``: share of occurrences that are binding duties, modal must
  or shall and not negated (``must not inform`` is not a duty to inform).

Doers. :func:`asymmetry` compares one doer (``actor``), or all occurrences
pooled (``actor=None``, measure id ``asymmetry.all...``), or, with
``actor=EACH``, both: per document the pooled comparison first, then every
doer group with at least :data:`~textmine.measure.reliability.MIN_SIDE`
occurrences toward the two sides together, most occurrences first.

Uncertainty. The resampling unit is the occurrence: a percentile bootstrap
95% CI of the difference (``scipy.stats.bootstrap``, the two samples resampled
independently, ``Settings.n_bootstrap`` resamples) and a two-sided
permutation test of the difference (``scipy.stats.permutation_test``,
independent samples, ``Settings.n_permutations`` permutations, exact when
fewer arrangements exist), both seeded from ``Settings.seed`` afresh for each
comparison so results do not depend on table order. Occurrences of one
provision are not independent (one sentence may hold several), so the
intervals are somewhat too narrow; the number of distinct provisions is
reported beside the number of occurrences for that reason. Groups with fewer
than two occurrences get an estimate where possible but NaN intervals and
p-values, with the reason in ``reason``. ``reliable`` is false, and ``note``
says why, when a side has fewer than
:data:`~textmine.measure.reliability.MIN_SIDE` occurrences.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

import numpy as np
import pandas as pd

from textmine.measure.frame import (
    FAMILY,
    PROFESSIONAL,
    docs_in_order,
    first_present_column,
    is_present,
    prepare_rows,
    unique_in_order,
)
from textmine.measure.reliability import MIN_SIDE, side_note
from textmine.settings import Settings

METRICS: tuple[str, ...] = ("mean_level", "binding_share")
#: Group columns tried in order by :func:`asymmetry_by_group` (the first one with values wins).
DEFAULT_GROUPS: tuple[str, ...] = ("part", "chapter")
#: Label of a Part/Chapter group for rows outside any Part/Chapter.
NO_GROUP = "(none)"
ALL = "all"
#: ``actor=EACH``: the pooled comparison and one per doer with enough occurrences.
EACH = "each"

COLUMNS: tuple[str, ...] = (
    "measure_id",
    "doc",
    "actor",
    "group_by",
    "scope",
    "metric",
    "family",
    "professional",
    "difference",
    "ci_low",
    "ci_high",
    "p_value",
    "n_family",
    "n_professional",
    "n_family_provisions",
    "n_professional_provisions",
    "family_detail",
    "professional_detail",
    "reason",
    "reliable",
    "note",
    "family_provisions",
    "professional_provisions",
)


def measure_id(actor: str | None) -> str:
    """``asymmetry.<actor or all>.family_vs_professional`` (the id findings link to)."""
    return f"asymmetry.{actor or ALL}.family_vs_professional"


def asymmetry(
    rows: pd.DataFrame,
    *,
    actor: str | None = "local_authority",
    settings: Settings | None = None,
    family: Collection[str] = FAMILY,
    professional: Collection[str] = PROFESSIONAL,
) -> pd.DataFrame:
    """Family-vs-professional comparison per document: two rows (metrics) per doer compared.

    ``actor``: a group, ``None`` (every occurrence pooled) or :data:`EACH`
    (pooled, then each doer with enough occurrences; see the module docstring).
    """
    settings = settings or Settings()
    df = prepare_rows(rows)
    sides = (frozenset(family), frozenset(professional))
    records: list[dict[str, Any]] = []
    for doc in docs_in_order(df):
        sub = df[df["doc"] == doc]
        for who in doers(sub, actor, sides):
            records += compare_groups(sub, actor=who, settings=settings, sides=sides)
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


def doers(
    df: pd.DataFrame,
    actor: str | None,
    sides: tuple[frozenset[str], frozenset[str]] = (FAMILY, PROFESSIONAL),
) -> list[str | None]:
    """The doers compared for ``actor`` (see :func:`asymmetry`); ``None`` is all, pooled."""
    if actor != EACH:
        return [actor]
    family, professional = sides
    toward = _toward(df, family) | _toward(df, professional)
    counts = df.loc[toward, "actor"].astype(str).value_counts()
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [None, *[str(a) for a, n in ranked if n >= MIN_SIDE]]


def asymmetry_by_group(
    rows: pd.DataFrame,
    *,
    group: str | Sequence[str] = DEFAULT_GROUPS,
    actor: str | None = "local_authority",
    settings: Settings | None = None,
    family: Collection[str] = FAMILY,
    professional: Collection[str] = PROFESSIONAL,
) -> pd.DataFrame:
    """The comparison per document and per value of a group column (Part, Chapter...).

    ``group`` is a column name or a sequence tried in order: per document the
    first column with any value is used (an Act's Parts, a guidance
    document's chapters). Rows with no value form the group ``"(none)"``.
    Documents with none of the columns are left out. ``actor=EACH`` compares
    the pooled occurrences (one doer per Part would be too thin).
    """
    settings = settings or Settings()
    df = prepare_rows(rows)
    sides = (frozenset(family), frozenset(professional))
    who = None if actor == EACH else actor
    candidates = [group] if isinstance(group, str) else list(group)
    records: list[dict[str, Any]] = []
    for doc in docs_in_order(df):
        sub = df[df["doc"] == doc]
        column = first_present_column(sub, candidates)
        if column is None:
            continue
        labels = [str(v) if is_present(v) else NO_GROUP for v in sub[column]]
        sub = sub.assign(_group=labels)
        for label in unique_in_order(labels):
            part = sub[sub["_group"] == label]
            records += compare_groups(
                part, actor=who, settings=settings, group_by=column, scope=label, sides=sides
            )
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


def compare_groups(
    df: pd.DataFrame,
    *,
    actor: str | None,
    settings: Settings,
    group_by: str | None = None,
    scope: str = ALL,
    sides: tuple[frozenset[str], frozenset[str]] = (FAMILY, PROFESSIONAL),
) -> list[dict[str, Any]]:
    """The two metric rows for prepared rows ``df`` of one document (or one Part of it)."""
    doc = str(df["doc"].iloc[0]) if len(df) else None
    if actor is not None:
        df = df[df["actor"] == actor]
    family = df.loc[_toward(df, sides[0])]
    professional = df.loc[_toward(df, sides[1])]
    note = side_note(len(family), len(professional))
    base = {
        "measure_id": measure_id(actor),
        "doc": doc,
        "actor": actor or ALL,
        "group_by": group_by,
        "scope": scope,
        "n_family": len(family),
        "n_professional": len(professional),
        "n_family_provisions": family["provision"].nunique(),
        "n_professional_provisions": professional["provision"].nunique(),
        "reliable": note is None,
        "note": note,
        "family_provisions": unique_in_order(family["provision"]),
        "professional_provisions": unique_in_order(professional["provision"]),
    }
    out = []
    for metric in METRICS:
        x, y = _values(family, metric), _values(professional, metric)
        row = {**base, "metric": metric, **_difference(x, y, settings)}
        row["family_detail"] = _detail(family, metric)
        row["professional_detail"] = _detail(professional, metric)
        out.append(row)
    return out


def mean_difference(x: np.ndarray, y: np.ndarray, axis: int = -1) -> np.ndarray:
    """mean(x) - mean(y) along ``axis`` (vectorised statistic for scipy's resampling)."""
    return np.asarray(np.mean(x, axis=axis) - np.mean(y, axis=axis))


def _toward(df: pd.DataFrame, groups: Collection[str]) -> np.ndarray:
    """Boolean mask of the occurrences naming a recipient in ``groups``."""
    wanted = frozenset(groups)
    return np.array([bool(wanted & set(r)) for r in df["recipients"]], dtype=bool)


def _values(df: pd.DataFrame, metric: str) -> np.ndarray:
    if metric == "mean_level":
        return df["level"].to_numpy(dtype=float)
    strong = (df["modality_class"] == "strong") & ~df["negated"].astype(bool)
    return strong.to_numpy(dtype=float)


def _detail(df: pd.DataFrame, metric: str) -> dict[str, int]:
    """Raw counts behind a group's figure: occurrences by level, or binding vs other."""
    if metric == "mean_level":
        counts = df["level"].value_counts()
        return {str(int(k)): int(counts[k]) for k in sorted(counts.index)}
    strong = int(_values(df, metric).sum())
    return {"binding": strong, "other": len(df) - strong}


def _difference(x: np.ndarray, y: np.ndarray, settings: Settings) -> dict[str, Any]:
    nan = float("nan")
    result: dict[str, Any] = {
        "family": float(x.mean()) if x.size else nan,
        "professional": float(y.mean()) if y.size else nan,
        "difference": nan,
        "ci_low": nan,
        "ci_high": nan,
        "p_value": nan,
        "reason": None,
    }
    if not x.size or not y.size:
        side = "families" if not x.size else "professionals"
        result["reason"] = f"no occurrences toward {side}"
        return result
    result["difference"] = result["family"] - result["professional"]
    if x.size < 2 or y.size < 2:
        result["reason"] = "fewer than 2 occurrences in a group: no interval or test"
        return result
    from scipy.stats import bootstrap, permutation_test  # imported when needed: slow to import

    statistic: Callable[..., np.ndarray] = mean_difference
    boot = bootstrap(
        (x, y),
        statistic,
        n_resamples=settings.n_bootstrap,
        method="percentile",
        vectorized=True,
        rng=np.random.default_rng(settings.seed),
    )
    perm = permutation_test(
        (x, y),
        statistic,
        permutation_type="independent",
        n_resamples=settings.n_permutations,
        alternative="two-sided",
        vectorized=True,
        rng=np.random.default_rng(settings.seed),
    )
    result["ci_low"] = float(boot.confidence_interval.low)
    result["ci_high"] = float(boot.confidence_interval.high)
    result["p_value"] = float(perm.pvalue)
    return result
