"""``textmine diff DRAFT.docx``: a Word draft's own tracked changes, audited like any diff.

The draft is read twice (:mod:`textmine.extract.word`): as it was before its
tracked changes (``revision="original"``) and as it reads with them accepted
(``"final"``). The two versions go through :func:`textmine.diff.diff` like any
pair, so a ``must`` changed to a ``may`` is ``weakened`` and a new duty
``strengthened``. Each change record then gets the ``author`` and ``date`` of
the tracked changes Word recorded in the provisions it compares (several are
joined with ``; ``), and its reason says who changed it and when.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textmine.diff.output import DiffResult, diff
from textmine.errors import InputError
from textmine.extract.document import Document
from textmine.progress import Steps
from textmine.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["diff_tracked"]


def diff_tracked(
    path: str | Path,
    *,
    settings: Settings | None = None,
    nlp: Language | None = None,
    include_unchanged: bool = False,
    steps: Steps | None = None,
) -> DiffResult:
    """The changes a Word draft's tracked changes make (original against final).

    ``steps`` shows progress, as for :func:`textmine.diff.diff`.
    """
    from textmine.extract import extract

    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise InputError(
            path, "diff with one file needs a Word .docx with tracked changes (give OLD and NEW)"
        )
    settings = settings or Settings()
    old = extract(path, settings=replace(settings, revision="original"))
    new = extract(path, settings=replace(settings, revision="final"))
    result = diff(
        old, new, settings=settings, nlp=nlp, include_unchanged=include_unchanged, steps=steps
    )
    for record in result.records:
        pair = result.pairs[int(record["pair"])]
        changes = [
            *_changes(old, pair.old_index),
            *_changes(new, pair.new_index),
        ]
        authors = _unique(c.get("author") for c in changes)
        dates = _unique(c.get("date") for c in changes)
        record["author"] = "; ".join(authors) or None
        record["date"] = "; ".join(dates) or None
        if authors or dates:
            who = ", ".join(part for part in ("; ".join(authors), "; ".join(dates)) if part)
            record["reason"] = f"{record['reason']} (tracked change: {who})"
    result.meta["tracked"] = True
    return result


def _changes(document: Document, index: int | None) -> list[dict[str, Any]]:
    if index is None:
        return []
    found = document.meta.get("revisions", {}).get(str(index), [])
    return [c for c in found if isinstance(c, dict)]


def _unique(values: Any) -> list[str]:
    return list(dict.fromkeys(str(v) for v in values if v))
