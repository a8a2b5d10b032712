"""All measures in one call, as tidy tables, and their CSV/JSON files.

:func:`measure` runs every measure of :mod:`textmine.measure` over tagged
occurrence rows and returns :class:`MeasureTables`, one tidy DataFrame per
measure. :func:`write_tables` writes each table as ``<name>.csv`` and
``<name>.json`` (records); list and dict cells become JSON strings in CSV.

Measure ids (column ``measure_id``), for linking findings and report
anchors to figures: ``tii.<doc>`` (table ``tii``),
``asymmetry.<actor|all>.family_vs_professional`` (tables ``asymmetry``,
``asymmetry_by_part``; the ``metric`` column says ``mean_level`` or
``strong_share``), ``divergence.<doc_a>.<doc_b>`` (table ``divergence``),
``relations.<actor>.<recipient>`` (table ``relations``) and
``harmonisation.<actor>.<recipient>`` (table ``harmonisation``); the last two
repeat across documents, with ``doc`` beside them, as
:mod:`textmine.findings.links` expects. Each table row also lists the
provisions (``doc:ref``) behind it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import pandas as pd

from textmine.errors import InputError
from textmine.groups import Groups, default_groups
from textmine.measure.alignment import COLUMNS as ALIGNMENT_COLUMNS
from textmine.measure.alignment import strength_alignment
from textmine.measure.asymmetry import ALL, DEFAULT_GROUPS, EACH, asymmetry, asymmetry_by_group
from textmine.measure.divergence import DIVERGENCE_COLUMNS, term_divergence
from textmine.measure.frame import docs_in_order, is_present, prepare_rows
from textmine.measure.harmonise import harmonisation_hints
from textmine.measure.index import terminology_inconsistency_index
from textmine.measure.relations import (
    DIFFERENCE_COLUMNS,
    relation_difference,
    relation_summary,
    relation_terms,
)
from textmine.measure.reliability import divergence_note, tii_note
from textmine.measure.vectors import DEFAULT_SIMILARITY, near_synonyms
from textmine.output import atomic_outputs, check_output_path, ensure_dir, json_cells
from textmine.settings import Settings

log = logging.getLogger(__name__)

#: Document kinds that enact (side A of the divergence), and that restate (side B).
ENACTING_KINDS: tuple[str, ...] = ("act", "bill", "si")
GUIDANCE_KINDS: tuple[str, ...] = ("guidance",)


@dataclass(frozen=True)
class MeasureTables:
    """One tidy DataFrame per measure; ``pair`` is the (A, B) documents compared, if any."""

    relations: pd.DataFrame
    relation_terms: pd.DataFrame
    asymmetry: pd.DataFrame
    asymmetry_by_part: pd.DataFrame
    divergence: pd.DataFrame
    divergence_strength: pd.DataFrame
    relations_difference: pd.DataFrame
    harmonisation: pd.DataFrame
    tii: pd.DataFrame
    near_synonyms: pd.DataFrame
    pair: tuple[str, str] | None = None

    def names(self) -> list[str]:
        """The table names, in a stable order."""
        return [f.name for f in fields(self) if f.name != "pair"]

    def items(self) -> Iterator[tuple[str, pd.DataFrame]]:
        """(name, table) pairs."""
        for name in self.names():
            yield name, getattr(self, name)

    def as_dict(self) -> dict[str, pd.DataFrame]:
        return dict(self.items())


def measure(
    rows: pd.DataFrame,
    *,
    settings: Settings | None = None,
    other: pd.DataFrame | None = None,
    pair: Sequence[str] | None = None,
    actor: str | None = EACH,
    group: str | Sequence[str] = DEFAULT_GROUPS,
    similarity: float = DEFAULT_SIMILARITY,
    groups: Groups | None = None,
) -> MeasureTables:
    """Every measure over tagged ``rows`` (plus ``other`` document(s), if given).

    Per-document tables cover every document in the rows. The divergence
    tables compare ``pair`` = (doc A, doc B) when given (an empty ``pair``:
    no comparison); otherwise see :func:`choose_pair`. ``actor`` is the doer
    of the asymmetry measure: a group, ``None`` (all pooled) or ``"each"``
    (pooled, then every doer with enough occurrences; the default); ``group``
    its Part/Chapter column(s). ``groups`` gives the families' and
    professionals' groups (default: the bundled lexicon's).
    """
    settings = settings or Settings()
    groups = groups or default_groups()
    sides = {"family": groups.family, "professional": groups.professional}
    frames = [rows] if other is None else [rows, other]
    df = prepare_rows(pd.concat(frames, ignore_index=True) if len(frames) > 1 else rows)
    chosen = tuple(pair) if pair is not None else choose_pair(rows, other)
    if chosen == ():
        chosen = None
    if chosen is not None and len(chosen) != 2:
        raise ValueError(f"pair must name two documents, got {chosen!r}")
    relations = relation_summary(df)
    if chosen is not None:
        missing = [d for d in chosen if d not in set(df["doc"])]
        if missing:
            raise InputError("rows", f"no rows for document(s) {', '.join(missing)}")
        a, b = df[df["doc"] == chosen[0]], df[df["doc"] == chosen[1]]
        divergence, strength = term_divergence(a, b), strength_alignment(a, b)
        difference = relation_difference(relations, str(chosen[0]), str(chosen[1]))
    else:
        divergence = pd.DataFrame(columns=list(DIVERGENCE_COLUMNS))
        strength = pd.DataFrame(columns=list(ALIGNMENT_COLUMNS))
        difference = pd.DataFrame(columns=list(DIFFERENCE_COLUMNS))
    return MeasureTables(
        relations=relations,
        relation_terms=relation_terms(df),
        asymmetry=asymmetry(df, actor=actor, settings=settings, **sides),
        asymmetry_by_part=asymmetry_by_group(
            df, group=group, actor=actor, settings=settings, **sides
        ),
        divergence=divergence,
        divergence_strength=strength,
        relations_difference=difference,
        harmonisation=harmonisation_hints(df),
        tii=terminology_inconsistency_index(df, relations=relations),
        near_synonyms=near_synonyms(df, threshold=similarity),
        pair=(str(chosen[0]), str(chosen[1])) if chosen is not None else None,
    )


def choose_pair(rows: pd.DataFrame, other: pd.DataFrame | None = None) -> tuple[str, str] | None:
    """The (A, B) documents to compare by default, or None when there are not two.

    A = the first act/bill/si document of ``rows``, B = the first guidance
    document (of ``other`` when given). Without ``kind`` information the first
    two documents in order are used.
    """
    first = _kinds(rows)
    second = _kinds(other) if other is not None else first
    a = _first(first, ENACTING_KINDS) or next(iter(first), None)
    b = _first(second, GUIDANCE_KINDS, exclude=a) or next((d for d in second if d != a), None)
    if a is None or b is None or a == b:
        return None
    return a, b


def write_tables(tables: MeasureTables, out_dir: str | Path, *, force: bool = False) -> list[Path]:
    """Write every table as ``<name>.csv`` and ``<name>.json`` in ``out_dir``; return the paths.

    All targets are checked before anything is written, so an existing file
    (without ``force``) stops the run before a partial set is written; the
    files are written all or none (:func:`~textmine.output.atomic_outputs`).
    """
    folder = ensure_dir(out_dir)
    targets = [
        (name, folder / f"{name}.{ext}") for name, _ in tables.items() for ext in ("csv", "json")
    ]
    for _, path in targets:
        check_output_path(path, force=force)
    written = []
    with atomic_outputs(force=force) as open_:
        for name, table in tables.items():
            json_cells(table).to_csv(open_(folder / f"{name}.csv"), index=False)
            text = table.to_json(orient="records", force_ascii=False, indent=1)
            open_(folder / f"{name}.json").write(f"{text}\n")
            written += [folder / f"{name}.csv", folder / f"{name}.json"]
    log.info("wrote %d measure files to %s", len(written), folder)
    return written


def summarise(
    tables: MeasureTables,
    *,
    names: Mapping[str, str] | None = None,
    groups: Groups | None = None,
) -> list[str]:
    """A few plain lines: TII per document, families versus professionals, the divergence.

    ``names`` maps document ids to the names to print (default: the ids);
    ``groups`` labels the doers. A figure below the minimums of
    :mod:`textmine.measure.reliability` carries its note (``too few to read: ...``).
    """
    names = names or {}
    groups = groups or default_groups()

    def name(doc: object) -> str:
        return names.get(str(doc), str(doc))

    lines = []
    for rec in _records(tables.tii):
        note = tii_note(int(rec["n_occurrences"]))
        lines.append(
            f"TII {name(rec['doc'])}: {rec['tii']:.3f} (term entropy {rec['term_entropy']:.3f}, "
            f"level spread {rec['level_spread']:.3f}, "
            f"modality spread {rec['modality_spread']:.3f}; "
            f"{rec['n_relations']} relations, {rec['n_occurrences']} occurrences)"
            + (f"; too few to read: {note}" if note else "")
        )
    records = _records(tables.asymmetry)
    for level, binding in zip(records[::2], records[1::2], strict=True):
        doer = "all doers" if level["actor"] == ALL else groups.label(level["actor"])
        lines.append(
            f"Families vs professionals, {name(level['doc'])}, {doer}: "
            f"{_asymmetry_part(level, 'mean level')}; {_asymmetry_part(binding, 'binding share')}"
            f" (n = {level['n_family']} vs {level['n_professional']})"
            + (f"; too few to read: {level['note']}" if is_present(level["note"]) else "")
        )
    overall = tables.divergence[tables.divergence["relation"] == "all"]
    for rec in _records(overall):
        note = divergence_note(int(rec["n_a"]), int(rec["n_b"]))
        lines.append(
            f"Divergence {name(rec['doc_a'])} vs {name(rec['doc_b'])}: "
            f"JSD {rec['js_divergence']:.3f} (n = {rec['n_a']} vs {rec['n_b']})"
            + (f"; too few to read: {note}" if note else "")
        )
    if len(tables.divergence_strength) and tables.pair is not None:
        counts = tables.divergence_strength["direction"].value_counts()
        parts = ", ".join(f"{k} {int(v)}" for k, v in counts.items())
        a, b = tables.pair
        lines.append(
            f"Strength of {name(b)} against {name(a)} (guidance paragraph x relation): {parts}"
        )
    return lines


def read_tagged(paths: Sequence[str | Path]) -> pd.DataFrame:
    """Tagged rows of one or more contract JSONL files (``textmine tag``), concatenated in order."""
    from textmine.rows import read_rows

    frames = [read_rows(p) for p in paths]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _asymmetry_part(rec: dict[str, Any], label: str) -> str:
    """``mean level 2.00 vs 3.00, difference -1.00 [95% CI -1.50, -0.50], p = 0.01``."""
    head = f"{label} {_fmt(rec['family'])} vs {_fmt(rec['professional'])}"
    if not is_present(rec["difference"]):
        return f"{head} ({rec['reason']})" if is_present(rec["reason"]) else head
    head += f", difference {rec['difference']:+.2f}"
    if not is_present(rec["ci_low"]):
        return head
    return f"{head} [95% CI {rec['ci_low']:+.2f}, {rec['ci_high']:+.2f}], p = {rec['p_value']:.3g}"


def _fmt(value: object) -> str:
    return f"{float(value):.2f}" if is_present(value) else "n/a"  # type: ignore[arg-type]


def _records(table: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in rec.items()} for rec in table.to_dict("records")]


def _kinds(rows: pd.DataFrame) -> dict[str, str | None]:
    """doc -> its kind (first non-empty value), in order of first appearance."""
    if rows.empty:
        return {}
    if "kind" not in rows.columns:
        return dict.fromkeys(docs_in_order(rows))
    out: dict[str, str | None] = {}
    for doc in docs_in_order(rows):
        present = [
            str(k) for k in rows.loc[rows["doc"].astype(str) == doc, "kind"] if is_present(k)
        ]
        out[doc] = present[0] if present else None
    return out


def _first(
    kinds: dict[str, str | None], wanted: Sequence[str], exclude: str | None = None
) -> str | None:
    return next((d for d, k in kinds.items() if k in wanted and d != exclude), None)
