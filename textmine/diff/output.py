"""``diff(old, new)``: audit a draft against an earlier version, and write the changes.

:func:`diff` reads both versions (any input :func:`textmine.extract.extract`
reads: PDF, legislation XML, plain text; or ready Documents), aligns their
provisions (:mod:`textmine.diff.align`), tags the provisions whose units
changed (:mod:`textmine.diff.occurrences`) and classifies every change
(:mod:`textmine.diff.classify`, :mod:`textmine.diff.changes`), after looking
for occurrences that moved to another provision (:mod:`textmine.diff.reconcile`).
The :class:`DiffResult` holds the change records (one per change,
:data:`~textmine.diff.changes.CHANGE_FIELDS`), as a list and as a DataFrame,
and writes them as JSON Lines, CSV or an HTML report (:mod:`textmine.diff.report`).

Records come in reading order of the new version. ``unchanged`` records
(occurrences that read the same, and edited provisions with no partnership
change) appear only with ``include_unchanged=True`` (``--all``).
"""

from __future__ import annotations

import csv
import json
import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from textmine.diff.align import Pair, align
from textmine.diff.changes import (
    CHANGE_FIELDS,
    moved_change,
    occurrence_changes,
    orphan_change,
    provision_changes,
)
from textmine.diff.classify import KINDS
from textmine.diff.occurrences import tag_needed
from textmine.diff.reconcile import Orphan, reconcile
from textmine.extract.document import Document
from textmine.progress import Steps
from textmine.settings import Settings

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language

__all__ = ["FORMATS", "DiffResult", "diff", "parse_kinds", "write_csv", "write_jsonl"]

log = logging.getLogger(__name__)

#: Output formats of :meth:`DiffResult.write`.
FORMATS: tuple[str, ...] = ("html", "jsonl", "csv")


@dataclass
class DiffResult:
    """The changes from ``old`` to ``new``, with the alignment they were read from."""

    old: Document
    new: Document
    pairs: list[Pair]
    records: list[dict[str, Any]]
    include_unchanged: bool = False
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def changes(self) -> pd.DataFrame:
        """The records as a DataFrame with the columns of ``CHANGE_FIELDS``."""
        import pandas as pd

        frame = pd.DataFrame.from_records(self.records, columns=list(CHANGE_FIELDS))
        for name in ("old_page", "new_page", "old_level", "new_level"):
            frame[name] = frame[name].astype("Int64")
        return frame

    def counts(self) -> dict[str, int]:
        """Number of records of each kind, every kind listed (in :data:`KINDS` order)."""
        found = Counter(r["kind"] for r in self.records)
        return {kind: found.get(kind, 0) for kind in KINDS}

    def of_kind(self, *kinds: str) -> list[dict[str, Any]]:
        """The records whose kind is one of ``kinds``."""
        return [r for r in self.records if r["kind"] in kinds]

    def paired_changes(self) -> list[dict[str, Any]]:
        """The changes in the language of partnership, all but :meth:`unpaired_records`."""
        return [r for r in self.records if not is_unpaired(r)]

    def unpaired_records(self) -> list[dict[str, Any]]:
        """The records of provisions found in one version only (whole provision added or
        deleted): for two different documents, most of them."""
        return [r for r in self.records if is_unpaired(r)]

    def pairing(self) -> dict[str, int]:
        """How the provisions were paired: ``paired`` (of which ``same``, ``edited``),
        ``only_old``, ``only_new``, and how many of those hold a partnership term."""
        statuses = [p.status for p in self.pairs]
        # one provision-level record per unpaired provision, with its strongest term if any
        termed = sum(
            1
            for r in self.unpaired_records()
            if r["old_term"] is not None or r["new_term"] is not None
        )
        return {
            "paired": statuses.count("same") + statuses.count("edited"),
            "same": statuses.count("same"),
            "edited": statuses.count("edited"),
            "only_old": statuses.count("deleted"),
            "only_new": statuses.count("added"),
            "unpaired_with_terms": termed,
        }

    def summary(self) -> str:
        """One line: changes to paired provisions by kind, and how the provisions paired."""
        changes = self.paired_changes()
        found = Counter(r["kind"] for r in changes)
        kinds = ", ".join(f"{found[k]:,} {k}" for k in KINDS if found[k])
        p = self.pairing()
        return (
            f"{len(changes):,} change{'s' if len(changes) != 1 else ''} in paired provisions"
            + (f" ({kinds})" if kinds else "")
            + f"; {p['paired']:,} provisions paired, {p['only_old']:,} only in the earlier "
            f"version, {p['only_new']:,} only in the new"
        )

    def write(self, handle: IO[str], fmt: str, *, out_dir: str | Path | None = None) -> None:
        """Write the changes to ``handle`` as ``jsonl``, ``csv`` or ``html``.

        ``out_dir`` is where the HTML page will live: its links to the source
        PDFs' pages are relative to it (default: the current folder).
        """
        if fmt == "jsonl":
            write_jsonl(self.records, handle)
        elif fmt == "csv":
            write_csv(self.records, handle)
        elif fmt == "html":
            from textmine.diff.report import render_diff

            handle.write(render_diff(self, out_dir=out_dir))
        else:
            raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")


def is_unpaired(record: Mapping[str, Any]) -> bool:
    """A whole provision found in one version only (a provision-level ``added``/``deleted``)."""
    return record["scope"] == "provision" and record["kind"] in ("added", "deleted")


def write_jsonl(records: Iterable[dict[str, Any]], handle: IO[str]) -> int:
    """Write change records as JSON Lines (UTF-8, one object a line); returns the count."""
    count = 0
    for record in records:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(records: Iterable[dict[str, Any]], handle: IO[str]) -> int:
    """Write change records as CSV; recipient lists are joined with ``;``."""
    writer = csv.DictWriter(handle, fieldnames=list(CHANGE_FIELDS), lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        row = dict(record)
        for name in ("old_recipients", "new_recipients"):
            if isinstance(row.get(name), list):
                row[name] = ";".join(row[name])
        writer.writerow(row)
        count += 1
    return count


def parse_kinds(text: str | Sequence[str] | None) -> tuple[str, ...]:
    """``"weakened,deleted"`` -> ``("weakened", "deleted")``; an unknown kind raises ValueError."""
    if not text:
        return ()
    items = text.split(",") if isinstance(text, str) else list(text)
    kinds = tuple(dict.fromkeys(k.strip().lower() for k in items if k.strip()))
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise ValueError(
            f"unknown change kind(s) {', '.join(unknown)} (expected some of {', '.join(KINDS)})"
        )
    return kinds


def _document(source: str | Path | Document, settings: Settings) -> Document:
    if isinstance(source, Document):
        return source
    from textmine.extract import extract

    return extract(source, settings=settings)


def diff(
    old: str | Path | Document,
    new: str | Path | Document,
    *,
    settings: Settings | None = None,
    nlp: Language | None = None,
    include_unchanged: bool = False,
    steps: Steps | None = None,
) -> DiffResult:
    """Compare two versions of a document: what changed in its language of partnership.

    ``old`` and ``new`` are paths (PDF, legislation XML, plain text; the kind
    is detected) or Documents. ``nlp`` is the tagging pipeline (default:
    :func:`textmine.nlp.pipeline.load_pipeline`, loaded only if some provision
    needs tagging). With ``include_unchanged`` every occurrence of every
    provision is compared and reported, ``unchanged`` ones included.
    ``steps`` shows the progress of each step (the CLI's bars; default: none).
    """
    settings = settings or Settings()
    steps = steps or Steps(None)
    with steps.status("Reading the earlier version"):
        old_doc = _document(old, settings)
    with steps.status("Reading the new version"):
        new_doc = _document(new, settings)
    with steps.status("Pairing provisions"):
        pairs = align(old_doc, new_doc)
    with steps.status("Tagging changed provisions"):
        old_rows, new_rows = tag_needed(
            old_doc,
            new_doc,
            pairs,
            include_unchanged=include_unchanged,
            nlp=nlp,
            settings=settings,
        )
    records = _changes(pairs, old_rows, new_rows, include_unchanged)
    result = DiffResult(old_doc, new_doc, pairs, records, include_unchanged)
    log.info(
        "diff %s -> %s: %d pairs, %s",
        old_doc.doc,
        new_doc.doc,
        len(pairs),
        ", ".join(f"{k} {v}" for k, v in result.counts().items() if v),
    )
    return result


def _changes(
    pairs: Sequence[Pair],
    old_rows: dict[int, list[dict[str, Any]]],
    new_rows: dict[int, list[dict[str, Any]]],
    include_unchanged: bool,
) -> list[dict[str, Any]]:
    """Every change record, in the order of the pairs (see :mod:`textmine.diff.changes`)."""
    records: list[dict[str, Any]] = []
    lost: list[Orphan] = []
    gained: list[Orphan] = []
    for index, pair in enumerate(pairs):
        o = old_rows.get(pair.old_index, []) if pair.old_index is not None else []
        n = new_rows.get(pair.new_index, []) if pair.new_index is not None else []
        records.extend(provision_changes(pair, index, o, n))
        if pair.old is None or pair.new is None:
            lost.extend(Orphan(index, pair, row, whole=True) for row in o)
            gained.extend(Orphan(index, pair, row, whole=True) for row in n)
            continue
        found, gone, new = occurrence_changes(
            pair, index, o, n, include_unchanged=include_unchanged
        )
        records.extend(found)
        lost.extend(Orphan(index, pair, row) for row in gone)
        gained.extend(Orphan(index, pair, row) for row in new)
    matched = reconcile(lost, gained)
    for old, new_orphan in matched:
        records.append(
            moved_change(old.pair, new_orphan.pair, new_orphan.index, old.row, new_orphan.row)
        )
    seen = {id(o) for pair in matched for o in pair}
    for orphan in lost:
        if not orphan.whole and id(orphan) not in seen:
            records.append(orphan_change(orphan.pair, orphan.index, orphan.row, "old"))
    for orphan in gained:
        if not orphan.whole and id(orphan) not in seen:
            records.append(orphan_change(orphan.pair, orphan.index, orphan.row, "new"))
    records.sort(key=lambda r: int(r["pair"]))  # stable: a pair's own order is kept
    return records
