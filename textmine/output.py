"""Write output files safely: all or nothing, and never over a user's file unasked.

:func:`atomic_output` writes to a temporary file beside the target and renames
it into place only when the writer finished without error, so a failed run
(bad input, a full disk, Ctrl-C) leaves no partial output and an earlier file
untouched; :func:`atomic_outputs` does the same for several files at once, all
or none. An existing target is replaced only with ``force=True``. A write that
fails for want of room or of a writable device (:data:`WRITE_ERRNOS`) becomes
an :class:`~textmine.errors.OutputError` naming the file. :func:`json_cells`
readies a table for CSV, where a list cell has no form of its own.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn

from textmine.errors import OutputError, TextmineError

if TYPE_CHECKING:
    import pandas as pd

#: Errors of a write itself (as opposed to a bad input read during it): reported as
#: ``<file>: cannot be written (<reason>)`` with the output exit status.
WRITE_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO, errno.EACCES}
)


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
    fd, tmp = _temporary(path)
    try:
        mode = "wb" if binary else "w"
        encoding = None if binary else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding, newline=None if binary else "\n") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        reraise(exc, path)


@contextmanager
def atomic_outputs(*, force: bool = False) -> Iterator[Callable[[str | Path], IO[str]]]:
    """Write several text files all or none: yield ``open_(path)`` giving a handle.

    Each handle writes a temporary file beside its target; only when the block
    ends without error are all of them renamed into place (renames in one
    folder do not fail for want of room). On any error every temporary file
    is removed and no target is touched.
    """
    pending: list[tuple[Path, Path, IO[str]]] = []
    current = Path(".")  # the file being written, for the error message

    def open_(target: str | Path) -> IO[str]:
        nonlocal current
        current = check_output_path(target, force=force)
        fd, tmp = _temporary(current)
        pending.append((tmp, current, os.fdopen(fd, "w", encoding="utf-8", newline="\n")))
        return pending[-1][2]

    try:
        yield open_
        for _, path, handle in pending:
            current = path
            handle.close()  # flushes: a full disk may show only now
        for tmp, path, _ in pending:
            current = path
            os.replace(tmp, path)
    except BaseException as exc:
        for tmp, _, handle in pending:
            with contextlib.suppress(OSError):
                handle.close()
            tmp.unlink(missing_ok=True)
        reraise(exc, current)


def write_error(path: str | Path, exc: OSError) -> OSError:
    """``exc`` as the :class:`OutputError` of writing ``path`` when it is a write failure.

    textmine's own errors and errors of other kinds (e.g. reading an input)
    are returned unchanged.
    """
    if isinstance(exc, TextmineError) or exc.errno not in WRITE_ERRNOS:
        return exc
    return OutputError(f"{path}: cannot be written ({exc.strerror or exc})")


def reraise(exc: BaseException, path: str | Path) -> NoReturn:
    """Raise ``exc`` again; a failed write as an :class:`OutputError` naming ``path``.

    A failed write already reported for a file inside ``path`` (an
    ``OutputError`` caused by an ``OSError``) is reported for ``path`` instead,
    e.g. the report's folder rather than its hidden staging folder.
    """
    cause: BaseException = exc
    if isinstance(exc, OutputError) and isinstance(exc.__cause__, OSError):
        cause = exc.__cause__
    error = write_error(path, cause) if isinstance(cause, OSError) else cause
    if error is cause:
        raise exc
    raise error from exc


def new_file_mode() -> int:
    """The mode a new file gets from ``open()``: 0o666 less the process umask (0o644 under 022).

    A temporary file is made private (0o600) by :func:`tempfile.mkstemp`; an
    output keeps the usual mode once renamed into place, so colleagues on a
    shared drive can read it as they could any other file.
    """
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def temporary_file(path: Path) -> tuple[int, Path]:
    """A new hidden ``.<name>.*.part`` file beside ``path`` with the usual mode
    (:func:`new_file_mode`): its descriptor and path."""
    parent = path.parent if str(path.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=parent)
    if hasattr(os, "fchmod"):
        os.fchmod(fd, new_file_mode())
    return fd, Path(name)


def _temporary(path: Path) -> tuple[int, Path]:
    """:func:`temporary_file`, its failure an :class:`OutputError` naming ``path``."""
    try:
        return temporary_file(path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from exc


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
