"""Which documents an analysis reads, and what is known about them before reading.

:func:`resolve_inputs` turns the paths a user gives (or none) into
:class:`InputSpec` records:

1. explicit paths, each described by a ``MANIFEST.tsv`` in its folder or the
   two above it (such as ``../shared/corpora/MANIFEST.tsv``) where that lists
   the file: title, licence, source;
2. no paths: the documents listed in ``<Settings.corpora_dir>/MANIFEST.tsv``
   (the manifest of ``textmine fetch``; the copy shipped in
   ``textmine.corpora`` when the folder has none) that are present in that
   folder, one file per title (the first present in manifest order: the PDF
   when both PDF and XML are listed, for its page links), each with its
   manifest kind, URL and licence;
3. when none of those is present: the bundled example,
   ``textmine/data/sample_act.md`` (an Act-style text, read as kind ``act``)
   and ``textmine/data/sample_draft.md`` (a draft code in numbered
   paragraphs, read as ``guidance``), written for textmine, so that a first
   run on a fresh machine works offline and the Act-vs-Code divergence has
   two documents.

Only ``https://`` URLs are taken from manifests.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from textmine.settings import Settings

log = logging.getLogger(__name__)

MANIFEST = "MANIFEST.tsv"
SAMPLE_FILES: tuple[tuple[str, str, str], ...] = (
    ("sample_act.md", "act", "Sample Act (textmine example)"),
    ("sample_draft.md", "guidance", "Sample draft code (textmine example)"),
)
SAMPLE_TITLE = "Sample draft code and Act (textmine example)"


@dataclass(frozen=True)
class InputSpec:
    """One document to analyse, with what is known about it before reading."""

    path: Path
    kind: str | None = None
    title: str | None = None
    url: str | None = None
    licence: str | None = None
    source: str | None = None


def resolve_inputs(paths: Sequence[str | Path], settings: Settings) -> tuple[list[InputSpec], bool]:
    """The documents to analyse and whether they are the bundled sample (see module doc)."""
    if paths:
        return [describe(Path(p)) for p in paths], False
    listed = corpus_inputs(Path(settings.corpora_dir))
    if listed:
        return listed, False
    log.info("no corpus documents in %s: analysing the bundled sample", settings.corpora_dir)
    folder = resources.files("textmine") / "data"
    return [
        InputSpec(
            path=Path(str(folder / name)),
            kind=kind,
            title=title,
            licence="MIT (written for textmine)",
            source="bundled with textmine",
        )
        for name, kind, title in SAMPLE_FILES
    ], True


def corpus_inputs(corpora_dir: Path) -> list[InputSpec]:
    """Manifest entries present in ``corpora_dir``, one file per title, in manifest order."""
    manifest = corpora_dir / MANIFEST
    rows = _manifest_rows(manifest) if manifest.is_file() else _packaged_manifest()
    chosen: dict[str, InputSpec] = {}
    for row in rows:
        name = row.get("file") or row.get("path") or ""
        path = corpora_dir / name
        key = row.get("title") or name
        if name and path.is_file() and key not in chosen:
            chosen[key] = _spec(path, row)
    return list(chosen.values())


def describe(path: Path) -> InputSpec:
    """An explicit path, with title/licence/source from a nearby MANIFEST.tsv if it lists it."""
    for folder in list(path.resolve().parents)[:3]:
        manifest = folder / MANIFEST
        if not manifest.is_file():
            continue
        for row in _manifest_rows(manifest):
            name = row.get("file") or row.get("path") or ""
            if name and (folder / name).resolve() == path.resolve():
                return _spec(path, row)
    return InputSpec(path=path)


def _spec(path: Path, row: dict[str, str]) -> InputSpec:
    from textmine.extract.document import KINDS

    url = row.get("url") or None
    kind = row.get("kind") or None
    return InputSpec(
        path=path,
        kind=kind if kind in KINDS else None,
        title=row.get("title") or None,
        url=url if url and url.startswith("https://") else None,
        licence=row.get("licence") or None,
        source=row.get("source") or row.get("official_origin") or url,
    )


def _manifest_rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return [
                {str(k): (v or "").strip() for k, v in row.items()}
                for row in csv.DictReader(handle, delimiter="\t")
            ]
    except (OSError, csv.Error, UnicodeDecodeError) as exc:
        log.warning("%s: manifest not read (%s)", path, exc)
        return []


def _packaged_manifest() -> list[dict[str, str]]:
    try:
        entry = resources.files("textmine.corpora") / MANIFEST
    except ModuleNotFoundError:
        return []
    if not entry.is_file():
        return []
    with resources.as_file(entry) as path:
        return _manifest_rows(path)
