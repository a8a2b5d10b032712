"""Cross-links between findings, measures and provisions, by explicit rules.

**Measure ids.** Every figure of :mod:`textmine.measure` that a finding can
bear on has a dotted id ``<measure>.<subject>...``, in the ``measure_id``
column of the measure tables:

====================================================  ======================================
``asymmetry.<actor|all>.family_vs_professional``      duties of ``actor`` toward families vs
                                                      professionals (``asymmetry``,
                                                      ``asymmetry_by_part``)
``tii.<doc>``                                         Terminology Inconsistency Index
``divergence.<doc_a>.<doc_b>``                        Act-vs-guidance term divergence
``relations.<actor>.<recipient>``                     one relation ``actor -> recipient``
``harmonisation.<actor>.<recipient>``                 harmonisation hint for that relation
====================================================  ======================================

For a relations or harmonisation table without a ``measure_id`` column,
:func:`measure_ids_from_tables` derives the id from ``actor`` and ``recipient``.

Actors and recipients are the canonical groups of the tagging contract
(``local_authority``, ``parent``, ``education``...).

**Rule 1 (finding -> measure).** A finding's ``bears_on`` entry is an id or a
pattern; ``*`` matches any run of characters (``fnmatch``), e.g. ``tii.*`` or
``relations.local_authority.*``. It links to every measure id of the run that
equals it or matches it. Entries that match nothing are kept in
:attr:`Links.unmatched`, so a report can say which evidence found no figure.

**Rule 2 (measure -> finding).** The inverse of rule 1: a measure id names
every finding that links to it.

**Rule 3 (finding -> provision).** A finding's ``provisions`` entry is
``<instrument>:<ref>``, with an instrument key of :data:`INSTRUMENTS` and a
ref in the contract's style (``s.36(1)``, ``reg.4``, ``9.14``). It links to a
provision label ``<doc>:<ref>`` of the run when the document id contains one of
the instrument's aliases (lower case, non-alphanumerics as ``_``) and the
provision's ref is the finding's ref or lies inside it (``s.36`` covers
``s.36(1)(a)``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textmine.findings.registry import Finding

#: Measure families a finding may name (the first segment of an id).
MEASURES: tuple[str, ...] = ("asymmetry", "tii", "divergence", "relations", "harmonisation")

#: Instrument key -> aliases found in document ids (file stems) of that instrument.
INSTRUMENTS: dict[str, tuple[str, ...]] = {
    "cfa2014": (
        "cfa2014",
        "cfa_2014",
        "children_and_families_act_2014",
        "ukpga_2014_6",
        "ukpga_20140006",
    ),
    "send_regs2014": (
        "send_regs2014",
        "send_regulations_2014",
        "uksi_2014_1530",
        "uksi_20141530",
        "special_educational_needs_and_disability_regulations_2014",
    ),
    "send_cop2015": (
        "send_cop2015",
        "send_cop",
        "send_code_of_practice",
        "code_of_practice_0_to_25",
    ),
}

_SEGMENT = re.compile(r"^[A-Za-z0-9_*\-]+$")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Links:
    """Both directions of every link, plus what matched nothing."""

    finding_measures: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    measure_findings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    finding_provisions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    provision_findings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: finding id -> its ``bears_on`` entries that matched no measure id of the run.
    unmatched: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """Plain data (lists) for JSON and templates."""
        return {
            name: {k: list(v) for k, v in getattr(self, name).items()}
            for name in self.__dataclass_fields__
        }


def link(
    findings: Iterable[Finding],
    measure_ids: Iterable[str],
    provisions: Iterable[str] = (),
) -> Links:
    """Link findings to the run's measure ids and provision labels, both ways (rules 1-3)."""
    ids = list(dict.fromkeys(measure_ids))
    labels = list(dict.fromkeys(provisions))
    finding_measures: dict[str, tuple[str, ...]] = {}
    measure_findings: dict[str, list[str]] = {m: [] for m in ids}
    finding_provisions: dict[str, tuple[str, ...]] = {}
    provision_findings: dict[str, list[str]] = {}
    unmatched: dict[str, tuple[str, ...]] = {}
    by_doc: dict[str, list[tuple[int, str]]] = {}  # document id -> (index in labels, ref)
    for index, label in enumerate(labels):
        doc, _, ref = label.partition(":")
        if ref:
            by_doc.setdefault(doc, []).append((index, ref))
    for finding in findings:
        matched: list[str] = []
        missing = []
        for pattern in finding.bears_on:
            hits = [m for m in ids if measure_matches(pattern, m)]
            if not hits:
                missing.append(pattern)
            matched.extend(h for h in hits if h not in matched)
        finding_measures[finding.id] = tuple(matched)
        for measure_id in matched:
            measure_findings[measure_id].append(finding.id)
        if missing:
            unmatched[finding.id] = tuple(missing)
        found = _provisions_of(finding.provisions, by_doc, labels)
        finding_provisions[finding.id] = tuple(found)
        for label in found:
            provision_findings.setdefault(label, []).append(finding.id)
    return Links(
        finding_measures=finding_measures,
        measure_findings={m: tuple(f) for m, f in measure_findings.items() if f},
        finding_provisions=finding_provisions,
        provision_findings={p: tuple(f) for p, f in provision_findings.items()},
        unmatched=unmatched,
    )


def measure_ids_from_tables(tables: Mapping[str, Any] | Any) -> list[str]:
    """Every measure id a set of measure tables holds, in table order.

    Takes :class:`textmine.measure.tables.MeasureTables` (or a name -> DataFrame
    mapping): the ``measure_id`` column of every table; a ``relations`` or
    ``harmonisation`` table without that column gives
    ``relations.<actor>.<recipient>`` (``harmonisation.``...) per row.
    """
    items = tables.items() if hasattr(tables, "items") else []
    ids: list[str] = []
    for name, table in items:
        if table is None or getattr(table, "empty", True):
            continue
        if "measure_id" in table.columns:
            ids.extend(str(m) for m in table["measure_id"].dropna())
        elif name in ("relations", "harmonisation") and {"actor", "recipient"} <= set(
            table.columns
        ):
            ids.extend(
                relation_id(name, a, r)
                for a, r in zip(table["actor"], table["recipient"], strict=True)
            )
    return list(dict.fromkeys(ids))


def relation_id(measure: str, actor: object, recipient: object) -> str:
    """``relations.<actor>.<recipient>`` (or ``harmonisation.``...)."""
    return f"{measure}.{actor}.{recipient}"


def measure_matches(pattern: str, measure_id: str) -> bool:
    """Rule 1: equal, or ``fnmatch`` when the pattern has ``*``."""
    if "*" in pattern:
        return fnmatchcase(measure_id, pattern)
    return pattern == measure_id


def provision_matches(finding_provision: str, label: str) -> bool:
    """Rule 3: ``cfa2014:s.36`` matches ``children_and_families_act_2014:s.36(1)(a)``."""
    instrument, _, ref = finding_provision.partition(":")
    doc, _, other_ref = label.partition(":")
    return bool(other_ref) and _names_instrument(doc, instrument) and _within(other_ref, ref)


def _provisions_of(
    wanted: Iterable[str], by_doc: Mapping[str, list[tuple[int, str]]], labels: list[str]
) -> list[str]:
    """The labels (in their order) that :func:`provision_matches` one of ``wanted``: each
    document's id is compared with each instrument once, not once per provision."""
    hits: set[int] = set()
    for finding_provision in wanted:
        instrument, _, ref = finding_provision.partition(":")
        for doc, refs in by_doc.items():
            if _names_instrument(doc, instrument):
                hits.update(index for index, other in refs if _within(other, ref))
    return [labels[index] for index in sorted(hits)]


def _within(ref: str, outer: str) -> bool:
    """Whether provision ``ref`` is ``outer`` or lies inside it (``s.36(1)`` in ``s.36``)."""
    return ref == outer or (ref.startswith(outer) and ref[len(outer)] in "(.")


@lru_cache(maxsize=1024)
def _names_instrument(doc: str, instrument: str) -> bool:
    """Whether document id ``doc`` holds an alias of ``instrument``."""
    normal = _NOT_ALNUM.sub("_", doc.lower())
    return any(alias in normal for alias in INSTRUMENTS.get(instrument, ()))


def check_measure_pattern(pattern: str) -> str | None:
    """Why ``pattern`` is not a valid ``bears_on`` entry, or ``None`` when it is."""
    segments = pattern.split(".")
    if segments[0] not in MEASURES:
        return f"unknown measure {segments[0]!r}; expected one of {', '.join(MEASURES)}"
    if len(segments) < 2 or not all(_SEGMENT.match(s) for s in segments):
        return "expected <measure>.<subject>... (letters, digits, '_', '-', '*')"
    return None


def check_provision_label(label: str) -> str | None:
    """Why ``label`` is not a valid ``instrument:ref``, or ``None`` when it is."""
    instrument, sep, ref = label.partition(":")
    if not sep or not ref:
        return "expected <instrument>:<ref>, e.g. cfa2014:s.36(1)"
    if instrument not in INSTRUMENTS:
        return f"unknown instrument {instrument!r}; expected one of {', '.join(INSTRUMENTS)}"
    return None
