"""Write output files safely: all or nothing, and never over a user's file unasked.

:func:`atomic_output` writes to a temporary file beside the target and renames
it into place only when the writer finished without error, so a failed run
leaves no partial output. An existing target is replaced only with
``force=True``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from textmine.errors import OutputError


def check_output_path(path: str | Path, *, force: bool = False) -> Path:
    """Fail early with :class:`OutputError` if ``path`` cannot or may not be written."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path}: is a directory, not a file")
    if path.exists() and not force:
        raise OutputError(f"{path}: already exists (use --force to overwrite)")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise OutputError(f"{path}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{path}: folder {parent} is not writable")
    return path


@contextmanager
def atomic_output(
    path: str | Path, *, force: bool = False, binary: bool = False
) -> Iterator[IO[str] | IO[bytes]]:
    """Yield a file handle; on success the content replaces ``path`` in one step."""
    path = check_output_path(path, force=force)
    parent = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    tmp = Path(tmp_name)
    try:
        mode = "wb" if binary else "w"
        encoding = None if binary else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding, newline=None if binary else "\n") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def ensure_dir(path: str | Path) -> Path:
    """Create the output folder ``path`` (and parents); fail with :class:`OutputError`."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: exists and is not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{path}: cannot create folder ({exc.strerror or exc})") from exc
    if not os.access(path, os.W_OK):
        raise OutputError(f"{path}: folder is not writable")
    return path
