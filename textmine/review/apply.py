"""Apply an analyst's corrections to tagged rows, before anything is measured.

:func:`apply_corrections` takes the rows of a run (``textmine tag`` rows,
with their ``id``) and the corrections of a file
(:mod:`textmine.review.corrections`) and returns new rows and a summary:

Every row gets ``reviewed`` and ``corrected`` (false unless a verdict says
otherwise), so the rows of a corrected run share one set of fields:

* ``correct``: the row is kept as it is and marked ``reviewed: true``;
* ``corrected``: the row takes the analyst's values and is marked
  ``reviewed: true, corrected: true``; the tagger's values are kept in the
  row's explanation, ``explain["correction"]["original"]``, with the verdict,
  the reviewer and the note;
* ``not_an_occurrence``: the row is dropped;
* ``added``: a new row (level from the term; ``id`` the one given, else
  :func:`textmine.contract.occurrence_id` of its sentence), marked
  ``reviewed: true, corrected: true``, after the last row of its document.

A correction whose id no row has (the text of its provision changed, so its
occurrences have new ids, or the tagger no longer finds it) is never dropped
in silence nor applied to another row: it is listed in
:attr:`ReviewSummary.not_applied`, which the CLI prints and the report shows.
So is an ``added`` row the tagger now finds itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from textmine.contract import TERM_LEVELS, occurrence_id
from textmine.review.corrections import Correction
from textmine.text import plural

__all__ = ["NotApplied", "ReviewSummary", "apply_corrections"]

#: Why a correction found no row.
STALE = (
    "no occurrence has this id in this run: the text of its provision changed, "
    "or the tagger no longer finds it"
)
ALREADY = "the tagger finds this occurrence itself in this run"


@dataclass(frozen=True)
class NotApplied:
    """A correction that changed nothing, and why."""

    id: str | None
    verdict: str
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.verdict} {self.id or '(added)'}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "verdict": self.verdict,
            "source": self.source,
            "reason": self.reason,
        }


@dataclass
class ReviewSummary:
    """How a corrections file changed a run."""

    file: str
    correct: int = 0
    changed: int = 0
    removed: int = 0
    added: int = 0
    not_applied: list[NotApplied] = field(default_factory=list)

    @property
    def reviewed(self) -> int:
        """Rows the analyst gave a verdict on that were applied."""
        return self.correct + self.changed + self.removed + self.added

    @property
    def corrected(self) -> int:
        """Rows changed, dropped or added by the analyst."""
        return self.changed + self.removed + self.added

    def line(self) -> str:
        """``corrections.jsonl: 12 rows reviewed, 2 corrected (...); 1 correction not applied``."""
        parts = [
            f"{n} {what}"
            for n, what in (
                (self.changed, "changed"),
                (self.removed, "not an occurrence"),
                (self.added, "added"),
            )
            if n
        ]
        detail = f" ({', '.join(parts)})" if parts else ""
        stale = len(self.not_applied)
        return (
            f"{self.file}: {plural(self.reviewed, 'row')} reviewed, {self.corrected} corrected"
            f"{detail}; {plural(stale, 'correction')} not applied"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "reviewed": self.reviewed,
            "corrected": self.corrected,
            "correct": self.correct,
            "changed": self.changed,
            "removed": self.removed,
            "added": self.added,
            "not_applied": [n.to_dict() for n in self.not_applied],
        }


def apply_corrections(
    rows: Sequence[Mapping[str, Any]], corrections: Iterable[Correction], *, file: str = ""
) -> tuple[list[dict[str, Any]], ReviewSummary]:
    """The rows with ``corrections`` applied, and what was (not) applied; see the module."""
    out = [{"reviewed": False, "corrected": False, **r} for r in rows]
    position = {str(r.get("id")): i for i, r in enumerate(out) if r.get("id") is not None}
    summary = ReviewSummary(file=file)
    dropped: set[int] = set()
    added: list[dict[str, Any]] = []
    for correction in corrections:
        if correction.verdict == "added":
            row = _added_row(correction)
            if row["id"] in position:
                summary.not_applied.append(_not_applied(correction, ALREADY))
                continue
            added.append(row)
            summary.added += 1
            continue
        index = position.get(str(correction.id))
        if index is None:
            summary.not_applied.append(_not_applied(correction, STALE))
            continue
        row = out[index]
        if correction.verdict == "not_an_occurrence":
            dropped.add(index)
            summary.removed += 1
            continue
        record = _record(correction)
        if correction.verdict == "corrected":
            record["original"] = {k: row.get(k) for k in correction.values}
            row.update({k: _copy(v) for k, v in correction.values.items()})
            row["corrected"] = True
            summary.changed += 1
        else:
            summary.correct += 1
        row["reviewed"] = True
        row["explain"] = {**_explain(row.get("explain")), "correction": record}
    kept = [r for i, r in enumerate(out) if i not in dropped]
    return _insert(kept, added), summary


def _added_row(correction: Correction) -> dict[str, Any]:
    values = dict(correction.values)
    ident = correction.id or occurrence_id(
        str(values["doc"]), str(values["sentence"]), int(values["start"]), str(values["text"])
    )
    row = {
        **{k: _copy(v) for k, v in values.items()},
        "page": values.get("page"),
        "actor_text": values.get("actor_text"),
        "level": TERM_LEVELS[str(values["term"])],
        "id": ident,
        "reviewed": True,
        "corrected": True,
    }
    row["explain"] = {"correction": _record(correction)}
    return row


def _insert(rows: list[dict[str, Any]], added: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` with each added row after the last row of its document (else at the end)."""
    for row in added:
        last = max((i for i, r in enumerate(rows) if r.get("doc") == row["doc"]), default=None)
        rows.insert(len(rows) if last is None else last + 1, row)
    return rows


def _record(correction: Correction) -> dict[str, Any]:
    record: dict[str, Any] = {"verdict": correction.verdict, "source": correction.source}
    if correction.reviewer:
        record["reviewer"] = correction.reviewer
    if correction.note:
        record["note"] = correction.note
    return record


def _explain(value: object) -> dict[str, Any]:
    return dict(value) if isinstance(value, Mapping) else {}


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def _not_applied(correction: Correction, reason: str) -> NotApplied:
    return NotApplied(correction.id, correction.verdict, correction.source, reason)
