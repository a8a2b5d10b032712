"""Download the public documents of the corpus listed in ``MANIFEST.tsv``.

The manifest is a tab-separated file with the columns :data:`COLUMNS`:
``file`` (path relative to the destination folder), ``title``, ``kind`` (the
textmine kind to read it as), ``url``, ``licence`` and ``sha256``. textmine
ships one (``corpora/MANIFEST.tsv``, package ``textmine.corpora``) listing the
Children and Families Act 2014 (PDF and XML) and the SEND Code of Practice
2015, all under the Open Government Licence v3.0.

:func:`fetch` rules:

* a missing file is downloaded to a temporary file beside its target and moved
  into place only when complete and checked, so a failed download leaves
  nothing behind;
* a file that is already there is never replaced unless ``force`` is given; it
  is checked against a recorded checksum;
* a recorded ``sha256`` is verified; an empty one is filled in by the first
  successful download, and the manifest is written back (atomically) so that
  later fetches verify it;
* the body must look like its file type (``%PDF-`` for ``.pdf``, ``<`` for
  ``.xml``): a server's HTML error page is not saved as a PDF;
* every failure is a :class:`~textmine.errors.FetchError` that names the URL
  (or the file) and the reason.

Which manifest: ``manifest`` if given; else ``<dest>/MANIFEST.tsv`` when it
exists; else the bundled one, whose recorded copy is then written to
``<dest>/MANIFEST.tsv`` (the bundled file itself is never modified).
"""

from __future__ import annotations

import csv
import hashlib
import logging
import os
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

from textmine import __version__
from textmine.errors import FetchError, InputError
from textmine.output import temporary_file
from textmine.settings import DEFAULT_CORPORA_DIR

__all__ = [
    "COLUMNS",
    "FetchResult",
    "ManifestEntry",
    "bundled_manifest",
    "fetch",
    "read_manifest",
    "write_manifest",
]

log = logging.getLogger(__name__)

COLUMNS = ("file", "title", "kind", "url", "licence", "sha256")
MANIFEST_NAME = "MANIFEST.tsv"
#: Seconds to wait for a server before giving up.
DEFAULT_TIMEOUT = 60.0
_CHUNK = 1 << 16
_MAGIC = {".pdf": (b"%PDF-",), ".xml": (b"<", b"\xef\xbb\xbf<")}

Opener = Callable[..., Any]


@dataclass(frozen=True)
class ManifestEntry:
    """One row of the manifest."""

    file: str
    title: str
    kind: str
    url: str
    licence: str
    sha256: str | None = None


@dataclass(frozen=True)
class FetchResult:
    """What :func:`fetch` did for one entry.

    ``status`` is ``"downloaded"`` (new file), ``"replaced"`` (``force``),
    ``"present"`` (already there and matching its recorded checksum, or none
    recorded yet); ``recorded`` is true when this run wrote the checksum into
    the manifest.
    """

    entry: ManifestEntry
    path: Path
    status: str
    sha256: str
    size: int
    recorded: bool = False


def bundled_manifest() -> Path:
    """The manifest shipped with textmine (``corpora/MANIFEST.tsv``)."""
    try:
        entry = resources.files("textmine.corpora") / MANIFEST_NAME
        if entry.is_file():
            return Path(str(entry))
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "corpora" / MANIFEST_NAME


def read_manifest(path: Path) -> list[ManifestEntry]:
    """The entries of the manifest at ``path``; :class:`InputError` when malformed."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(path, f"manifest lacks the column(s) {', '.join(missing)}")
            rows = list(reader)
    except OSError as exc:
        raise InputError(path, f"manifest cannot be read ({exc.strerror or exc})") from exc
    entries = []
    for line, row in enumerate(rows, start=2):
        values = {c: (row.get(c) or "").strip() for c in COLUMNS}
        if not values["file"] or not values["url"]:
            raise InputError(path, f"line {line}: file and url are required")
        relative = PurePosixPath(values["file"])
        if relative.is_absolute() or ".." in relative.parts:
            raise InputError(path, f"line {line}: file must be a relative path inside the folder")
        entries.append(
            ManifestEntry(
                file=values["file"],
                title=values["title"],
                kind=values["kind"],
                url=values["url"],
                licence=values["licence"],
                sha256=values["sha256"].lower() or None,
            )
        )
    return entries


def write_manifest(entries: Iterable[ManifestEntry], path: Path) -> None:
    """Write ``entries`` to ``path`` atomically (temporary file, then rename)."""
    path = Path(path)
    fd, tmp = temporary_file(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            writer.writerow(COLUMNS)
            for e in entries:
                writer.writerow([e.file, e.title, e.kind, e.url, e.licence, e.sha256 or ""])
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def fetch(
    dest: Path = DEFAULT_CORPORA_DIR,
    *,
    manifest: Path | None = None,
    force: bool = False,
    opener: Opener = urllib.request.urlopen,
    timeout: float = DEFAULT_TIMEOUT,
) -> list[FetchResult]:
    """Download every manifest entry missing from ``dest``; see the module docstring.

    ``opener`` is called as ``opener(request, timeout=timeout)`` and must return
    a context manager with ``read(size)`` (like :func:`urllib.request.urlopen`);
    tests pass a fake one.
    """
    dest = Path(dest)
    source = manifest or (dest / MANIFEST_NAME)
    if not source.is_file():
        source = bundled_manifest()
    target_manifest = Path(manifest) if manifest else dest / MANIFEST_NAME
    entries = read_manifest(source)
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FetchError(f"{dest}: cannot create folder ({exc.strerror or exc})") from exc
    results: list[FetchResult] = []
    updated = list(entries)
    try:
        for index, entry in enumerate(entries):
            result = _fetch_one(entry, dest, force=force, opener=opener, timeout=timeout)
            results.append(result)
            if result.recorded:
                updated[index] = replace(entry, sha256=result.sha256)
    finally:
        if any(r.recorded for r in results) or (results and source != target_manifest):
            write_manifest(updated, target_manifest)
            log.info("%s: checksums recorded", target_manifest)
    return results


def _fetch_one(
    entry: ManifestEntry, dest: Path, *, force: bool, opener: Opener, timeout: float
) -> FetchResult:
    path = dest / entry.file
    if path.exists() and not force:
        if path.is_dir():
            raise FetchError(f"{path}: is a folder, not the file {entry.file}")
        digest, size = _hash_file(path)
        if entry.sha256 and digest != entry.sha256:
            raise FetchError(
                f"{path}: sha256 {digest} differs from the manifest's {entry.sha256} "
                "(a different copy? use --force to download it again)"
            )
        return FetchResult(entry, path, "present", digest, size)
    existed = path.exists()
    digest, size = _download(entry, path, opener=opener, timeout=timeout)
    log.info("%s: %d bytes from %s", path, size, entry.url)
    return FetchResult(
        entry,
        path,
        "replaced" if existed else "downloaded",
        digest,
        size,
        recorded=entry.sha256 is None,
    )


def _download(
    entry: ManifestEntry, path: Path, *, opener: Opener, timeout: float
) -> tuple[str, int]:
    """Stream ``entry.url`` into ``path`` via a temporary file; checks before the rename."""
    url = entry.url
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = temporary_file(path)
    except OSError as exc:
        raise FetchError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    digest = hashlib.sha256()
    size = 0
    head = b""
    try:
        request = urllib.request.Request(url, headers={"User-Agent": f"textmine/{__version__}"})
        with os.fdopen(fd, "wb") as out, opener(request, timeout=timeout) as response:
            status = getattr(response, "status", None) or 200
            if not 200 <= status < 300:
                raise FetchError(f"{url}: HTTP {status}")
            while chunk := response.read(_CHUNK):
                if len(head) < 16:
                    head += chunk[:16]
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
        _check_body(entry, head, size)
        hexdigest = digest.hexdigest()
        if entry.sha256 and hexdigest != entry.sha256:
            raise FetchError(
                f"{url}: sha256 {hexdigest} differs from the manifest's {entry.sha256}; "
                "nothing saved"
            )
        os.replace(tmp, path)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise FetchError(f"{url}: {exc.reason}") from exc
    except TimeoutError as exc:
        raise FetchError(f"{url}: timed out after {timeout:g} s") from exc
    except FetchError:
        raise
    except OSError as exc:
        raise FetchError(f"{url}: {exc.strerror or exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return hexdigest, size


def _hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except OSError as exc:
        raise FetchError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    return digest.hexdigest(), size


def _check_body(entry: ManifestEntry, head: bytes, size: int) -> None:
    if size == 0:
        raise FetchError(f"{entry.url}: empty response; nothing saved")
    magic = _MAGIC.get(PurePosixPath(entry.file).suffix.lower())
    if magic and not head.lstrip().startswith(magic):
        shown = head[:16].decode("latin-1").strip()
        raise FetchError(
            f"{entry.url}: the response is not a {PurePosixPath(entry.file).suffix} file "
            f"(it starts {shown!r}); nothing saved"
        )
