"""Write output files safely: all or nothing, and never over a user's file unasked.

:func:`atomic_output` writes to a temporary file beside the target and renames
it into place only when the writer finished without error, so a failed run
leaves no partial output. An existing target is replaced only with
``force=True``. :func:`json_cells` readies a table for CSV, where a list cell
has no form of its own.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

from textmine.errors import OutputError

if TYPE_CHECKING:
    import pandas as pd


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


def json_cells(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` whose list, tuple and dict cells are JSON strings (UTF-8, not escaped).

    CSV has no list type: the measure tables and the SEN2 statistics write such
    cells as JSON so a script can read them back. Other cells are unchanged.
    """
    out = table.copy()
    for column in out.columns:
        if out[column].map(lambda v: isinstance(v, list | tuple | dict)).any():
            out[column] = [
                json.dumps(v, ensure_ascii=False) if isinstance(v, list | tuple | dict) else v
                for v in out[column]
            ]
    return out
