"""The report's output folder: never over a user's files, all files or none.

Policy (``textmine analyse -o DIR``):

* a missing or empty folder is used as is;
* a folder that holds a previous textmine report (it has the marker file
  ``textmine-report.json`` that every report writes, listing its files) is
  refreshed without ``--force``: the files the marker lists are replaced or,
  when this run no longer makes them, removed; any other file in the folder is
  left alone, unless this run would write over it (then ``--force`` is
  needed);
* any other non-empty folder is refused unless ``--force`` (then only the
  files this run writes are replaced; nothing else is touched);
* a folder (or, when it does not exist yet, the folder it would be made in)
  that is not writable is refused at once, before any work.

All files are first written into a hidden staging folder beside the target
and moved into place only when every one of them was written, so a failed run
leaves the previous report (or nothing) behind, never half of each.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from textmine.errors import OutputError

log = logging.getLogger(__name__)

MARKER = "textmine-report.json"


def previous_files(out_dir: Path) -> list[str] | None:
    """Files listed by a previous report's marker in ``out_dir``; ``None`` when there is none."""
    marker = out_dir / MARKER
    if not marker.is_file():
        return None
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("generator") != "textmine":
        return None
    files = data.get("files")
    return [str(f) for f in files] if isinstance(files, list) else []


def check_out_dir(out_dir: Path, planned: Sequence[str], *, force: bool = False) -> None:
    """Raise :class:`OutputError` unless ``planned`` files may be written into ``out_dir``."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: exists and is not a folder")
    _check_writable(out_dir)
    if not out_dir.exists() or force:
        return
    existing = [p for p in out_dir.iterdir() if not p.name.startswith(".textmine-")]
    if not existing:
        return
    previous = previous_files(out_dir)
    if previous is None:
        raise OutputError(
            f"{out_dir}: folder is not empty and holds no textmine report "
            "(choose another folder with -o, or use --force)"
        )
    ours = set(previous) | {MARKER}
    clash = [name for name in planned if (out_dir / name).exists() and name not in ours]
    if clash:
        raise OutputError(
            f"{out_dir / clash[0]}: already exists and was not made by textmine (use --force)"
        )


def _check_writable(out_dir: Path) -> None:
    """The staging folder is made beside ``out_dir``, whose files are then replaced."""
    ancestor = out_dir.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    for folder in (ancestor, out_dir):
        if folder.is_dir() and not os.access(folder, os.W_OK):
            raise OutputError(f"{out_dir}: folder {folder} is not writable")


@contextmanager
def staging(out_dir: Path) -> Iterator[Path]:
    """A temporary folder beside ``out_dir`` (same file system), removed afterwards."""
    parent = out_dir.parent if str(out_dir.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=".textmine-", dir=parent))
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot be written ({exc.strerror or exc})") from exc
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def publish(stage: Path, out_dir: Path, files: Sequence[str], meta: dict[str, Any]) -> None:
    """Move ``files`` (relative paths) from ``stage`` into ``out_dir``; write the marker last.

    Files a previous report listed and this one does not make are removed.
    """
    previous = (previous_files(out_dir) or []) if out_dir.exists() else []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in files:
            target = out_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(stage / name, target)
        for name in set(previous) - set(files) - {MARKER}:
            stale = out_dir / name
            if stale.is_file() and stale.resolve().is_relative_to(out_dir.resolve()):
                stale.unlink()
                log.info("removed %s (made by the previous report, not by this one)", stale)
        marker = {"generator": "textmine", **meta, "files": list(files)}
        tmp = stage / MARKER
        tmp.write_text(json.dumps(marker, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, out_dir / MARKER)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot be written ({exc.strerror or exc})") from exc
