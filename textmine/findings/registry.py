"""The findings registry: evidence from the literature and official statistics, as data.

Each finding is one record of a TOML file in ``textmine/findings/data/``
(``[[finding]]`` tables, read with :mod:`tomllib`). :func:`load_findings`
reads and validates them; an error names the file and the record (its
position and id). Fields:

========================  ====================================================
``id``                    unique, lower case: ``boddison-blog-2019-...``
``field``                 the policy field it is about (an id of ``fields.toml``, e.g.
                          ``send``): it bears on an analysis only when a document
                          is of that field (:mod:`textmine.findings.relevance`)
``claim``                 the finding in the project's own words; a computed
                          finding writes its figures as ``{value}``, ``{ci_low}``,
                          ``{ci_high}``, ``{period}`` or a count name (format
                          specs allowed: ``{value:.2f}``, ``{received:,}``)
``value``                 a number; omitted only when ``unit = "qualitative"``
``unit``                  e.g. ``ratio``, ``percent``, ``local authorities``
``ci_low``, ``ci_high``   the 95% interval, or omitted (none published)
``population``            who or what was counted
``period``                when
``source_type``           ``blog``, ``peer-reviewed paper`` or ``official statistics``
``citation``              the full reference
``url``                   where known
``how_computed``          how the value was obtained (by the source or by textmine)
``bears_on``              measure ids or patterns (see :mod:`textmine.findings.links`)
``provisions``            ``instrument:ref`` labels, e.g. ``cfa2014:s.36(1)``
``caveats``               list of limits
``comparability_note``    how far it can be set beside the other figures
``counts``                raw counts behind the value (table of name = number)
``computed``              for official statistics textmine recomputes (below)
========================  ====================================================

**Computed findings** carry ``[finding.computed]``: ``statistic`` (a table of
:class:`~textmine.findings.stats.Sen2Stats`, or ``regions_family_lower``),
``field`` (the column giving the value), ``where`` (column = value selectors),
``digits`` (rounding of the value), ``ci`` (two columns, optional) and
``counts`` (columns copied into ``counts``). The recorded ``value`` is the
figure at the time of writing; :func:`textmine.findings.computed.fill_computed`
replaces it with the figure recomputed from the statistics of the run, so a
report cannot show a number the data do not give. A test recomputes every
computed finding from the shipped data and fails when a recorded value has
drifted.
"""

from __future__ import annotations

import logging
import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from textmine.errors import InputError
from textmine.findings.links import check_measure_pattern, check_provision_label
from textmine.findings.relevance import FIELDS_FILE, load_fields

log = logging.getLogger(__name__)

SOURCE_TYPES: tuple[str, ...] = ("blog", "peer-reviewed paper", "official statistics")
STATISTICS: tuple[str, ...] = (
    "by_source",
    "relative_rates",
    "area_tests",
    "pooled",
    "trends",
    "regions_family_lower",
)
QUALITATIVE = "qualitative"

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
#: Required fields that must be non-empty strings.
_REQUIRED_TEXT = (
    "id",
    "claim",
    "unit",
    "population",
    "period",
    "source_type",
    "citation",
    "how_computed",
    "field",
)
_REQUIRED = (*_REQUIRED_TEXT, "bears_on", "caveats")
_OPTIONAL = (
    "value",
    "ci_low",
    "ci_high",
    "url",
    "provisions",
    "comparability_note",
    "counts",
    "computed",
)
_COMPUTED_KEYS = {"statistic", "field", "where", "digits", "ci", "counts", "scale"}


@dataclass(frozen=True)
class Finding:
    """One piece of evidence, with where it comes from and what it bears on."""

    id: str
    #: The policy field the finding is about (an id of ``fields.toml``).
    field_id: str
    claim: str
    value: float | None
    unit: str
    population: str
    period: str
    source_type: str
    citation: str
    how_computed: str
    bears_on: tuple[str, ...]
    caveats: tuple[str, ...]
    ci_low: float | None = None
    ci_high: float | None = None
    url: str | None = None
    provisions: tuple[str, ...] = ()
    comparability_note: str | None = None
    counts: Mapping[str, float] = field(default_factory=dict)
    computed: Mapping[str, Any] | None = None
    #: The value written in the registry (for computed findings, before recomputing).
    recorded_value: float | None = None
    #: True once :func:`~textmine.findings.computed.fill_computed` has set the value
    #: from the run's statistics.
    recomputed: bool = False
    #: The registry file the record came from.
    source_file: str = ""
    #: The claim as written, placeholders unfilled (``claim`` is it filled in).
    claim_template: str = ""

    @property
    def is_computed(self) -> bool:
        return self.computed is not None

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON and templates."""
        out = {name: getattr(self, name) for name in self.__dataclass_fields__}
        out["bears_on"], out["caveats"] = list(self.bears_on), list(self.caveats)
        out["provisions"], out["counts"] = list(self.provisions), dict(self.counts)
        out["computed"] = None if self.computed is None else dict(self.computed)
        return out


def default_dir() -> Path:
    """The registry shipped with textmine."""
    return Path(str(resources.files("textmine.findings") / "data"))


def load_findings(path: str | Path | None = None) -> list[Finding]:
    """Read and validate every finding in ``path`` (a TOML file or a folder of them).

    ``None`` reads the registry shipped with textmine. Ids must be unique
    across files. Raises :class:`InputError` naming the file and the record.
    """
    root = Path(path) if path is not None else default_dir()
    if root.is_dir():
        files = sorted(p for p in root.glob("*.toml") if p.name != FIELDS_FILE)
    elif root.exists():
        files = [root]
    else:
        raise InputError(root, "no such findings file or folder")
    findings: list[Finding] = []
    seen: dict[str, Path] = {}
    for file in files:
        for finding in _read_file(file):
            if finding.id in seen:
                raise InputError(
                    file, f"finding {finding.id!r}: id already used in {seen[finding.id]}"
                )
            seen[finding.id] = file
            findings.append(finding)
    return findings


def render_claim(finding: Finding) -> str:
    """The claim with its placeholders filled from the finding's own figures."""
    if finding.computed is None:
        return finding.claim_template or finding.claim
    fields: dict[str, Any] = {
        "value": finding.value,
        "ci_low": finding.ci_low,
        "ci_high": finding.ci_high,
        "period": finding.period,
        **finding.counts,
    }
    fields = {
        k: int(v) if isinstance(v, float) and v.is_integer() and k != "value" else v
        for k, v in fields.items()
    }
    return " ".join(finding.claim_template.format_map(fields).split())


def _read_file(file: Path) -> list[Finding]:
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(file, f"cannot be read ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(file, f"not valid TOML ({exc})") from exc
    unknown = set(data) - {"finding"}
    if unknown:
        raise InputError(
            file, f"unexpected top-level key(s) {sorted(unknown)}; use [[finding]] tables"
        )
    records = data.get("finding", [])
    if not isinstance(records, list):
        raise InputError(file, "'finding' must be an array of tables ([[finding]])")
    return [_finding(file, i, record) for i, record in enumerate(records, start=1)]


def _finding(file: Path, index: int, record: object) -> Finding:
    """Validate one record; errors say ``finding <n> (<id>): <reason>``."""
    if not isinstance(record, dict):
        raise InputError(file, f"finding {index}: not a table")
    name = f"finding {index} ({record.get('id', 'no id')})"

    def fail(reason: str) -> InputError:
        return InputError(file, f"{name}: {reason}")

    missing = [k for k in _REQUIRED if k not in record]
    if missing:
        raise fail(f"missing field(s) {', '.join(missing)}")
    unknown = set(record) - set(_REQUIRED) - set(_OPTIONAL)
    if unknown:
        raise fail(f"unknown field(s) {', '.join(sorted(unknown))}")
    for key in (*_REQUIRED_TEXT, "url", "comparability_note"):
        if key in record and not (isinstance(record[key], str) and record[key].strip()):
            raise fail(f"{key} must be a non-empty string")
    if not _ID.match(record["id"]):
        raise fail("id must be lower case letters, digits, '.', '_' or '-'")
    fields = load_fields()
    if record["field"] not in fields:
        raise fail(f"field {record['field']!r} is not one of {', '.join(fields)} (fields.toml)")
    if record["source_type"] not in SOURCE_TYPES:
        raise fail(f"source_type {record['source_type']!r} is not one of {', '.join(SOURCE_TYPES)}")
    if "url" in record and not re.match(r"^https?://\S+$", record["url"]):
        raise fail(f"url {record['url']!r} is not an http(s) address")
    numbers = {}
    for key in ("value", "ci_low", "ci_high"):
        value = record.get(key)
        if value is not None and (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise fail(f"{key} must be a finite number")
        numbers[key] = None if value is None else float(value)
    if numbers["value"] is None and record["unit"] != QUALITATIVE:
        raise fail(f"value is required unless unit is {QUALITATIVE!r}")
    if (numbers["ci_low"] is None) != (numbers["ci_high"] is None):
        raise fail("give both ci_low and ci_high, or neither")
    if (
        numbers["ci_low"] is not None
        and numbers["value"] is not None
        and not (
            numbers["ci_low"] <= numbers["value"] <= numbers["ci_high"]  # type: ignore[operator]
        )
    ):
        raise fail("value is outside [ci_low, ci_high]")
    lists = {
        key: _strings(record.get(key, []), f"{name}: {key}", file)
        for key in ("bears_on", "caveats", "provisions")
    }
    if not lists["bears_on"]:
        raise fail("bears_on must name at least one measure id")
    for pattern in lists["bears_on"]:
        problem = check_measure_pattern(pattern)
        if problem:
            raise fail(f"bears_on {pattern!r}: {problem}")
    for label in lists["provisions"]:
        problem = check_provision_label(label)
        if problem:
            raise fail(f"provisions {label!r}: {problem}")
    counts = record.get("counts", {})
    if not isinstance(counts, dict) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in counts.values()
    ):
        raise fail("counts must be a table of name = number")
    computed = record.get("computed")
    if computed is not None:
        _check_computed(computed, fail)
        if record["source_type"] != "official statistics":
            raise fail("only official statistics can be computed")
    finding = Finding(
        id=record["id"],
        field_id=record["field"],
        claim=record["claim"].strip(),
        claim_template=record["claim"].strip(),
        value=numbers["value"],
        unit=record["unit"],
        population=record["population"],
        period=record["period"],
        source_type=record["source_type"],
        citation=record["citation"].strip(),
        how_computed=record["how_computed"].strip(),
        bears_on=lists["bears_on"],
        caveats=lists["caveats"],
        ci_low=numbers["ci_low"],
        ci_high=numbers["ci_high"],
        url=record.get("url"),
        provisions=lists["provisions"],
        comparability_note=record.get("comparability_note"),
        counts=dict(counts),
        computed=computed,
        recorded_value=numbers["value"],
        source_file=file.name,
    )
    if computed is None:
        return finding
    try:
        return replace(finding, claim=render_claim(finding))
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise fail(f"claim placeholder cannot be filled ({exc!r})") from exc


def _check_computed(spec: object, fail: Any) -> None:
    if not isinstance(spec, dict):
        raise fail("computed must be a table")
    unknown = set(spec) - _COMPUTED_KEYS
    if unknown:
        raise fail(f"computed: unknown key(s) {', '.join(sorted(unknown))}")
    if spec.get("statistic") not in STATISTICS:
        raise fail(f"computed.statistic must be one of {', '.join(STATISTICS)}")
    if not isinstance(spec.get("field"), str):
        raise fail("computed.field must name a column")
    if not isinstance(spec.get("where", {}), dict):
        raise fail("computed.where must be a table of column = value")
    ci = spec.get("ci", [])
    if not (isinstance(ci, list) and len(ci) in (0, 2) and all(isinstance(c, str) for c in ci)):
        raise fail("computed.ci must list two column names")
    if not isinstance(spec.get("digits", 3), int):
        raise fail("computed.digits must be an integer")


def _strings(value: object, where: str, file: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(file, f"{where} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)
