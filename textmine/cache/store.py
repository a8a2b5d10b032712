"""A content-addressed store of verified entries on disk: :class:`Cache`.

An entry lives at ``<root>/v1/<kind>/<aa>/<digest>.entry`` where ``digest`` is
the sha256 of its key (a JSON object naming everything the value depends on,
see :mod:`textmine.cache.keys`). The file is::

    textmine-cache 1\\n
    <sha256 of the payload, 64 hex digits>\\n
    <payload bytes>

Writes go to a temporary file in the same folder and are renamed into place
(``os.replace``), so a reader sees a whole entry or none. Every read checks
the header and the payload's sha256; an entry that fails (truncated, edited,
half-written by a crashed tool) is logged, deleted and reported as a miss, so
the caller recomputes it: a corrupt entry is never served. A cache that
cannot be written (read-only folder, full disk) only logs a warning: the
cache never fails a run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["MAGIC", "Cache", "key_digest"]

log = logging.getLogger(__name__)

MAGIC = b"textmine-cache 1\n"
LAYOUT = "v1"
_DIGEST_LEN = 64


def key_digest(key: dict[str, Any]) -> str:
    """The sha256 (hex) of ``key`` as canonical JSON (sorted keys, no spaces)."""
    text = json.dumps(key, sort_keys=True, separators=(",", ":"), ensure_ascii=True, default=str)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


class Cache:
    """Entries of several kinds (``document``, ``rows``, ``sen2`` ...) under one folder."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.hits = 0
        self.misses = 0

    def __repr__(self) -> str:
        return f"Cache({str(self.root)!r})"

    def folder(self, kind: str) -> Path:
        """A folder of the cache for files that another library keeps (created if missing),
        e.g. Jinja2's compiled templates; ``kind`` names it like an entry kind."""
        folder = self.root / LAYOUT / kind
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def path(self, kind: str, key: dict[str, Any]) -> Path:
        """Where the entry of ``kind`` for ``key`` lives (whether or not it exists)."""
        digest = key_digest({"kind": kind, **key})
        return self.root / LAYOUT / kind / digest[:2] / f"{digest}.entry"

    def get(self, kind: str, key: dict[str, Any]) -> bytes | None:
        """The verified payload of the entry, or ``None`` (absent, or corrupt and deleted)."""
        path = self.path(kind, key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError as exc:
            log.warning("cache entry %s not read (%s); recomputing", path, exc)
            self.misses += 1
            return None
        payload = _verified(data)
        if payload is None:
            log.warning("cache entry %s is corrupt or truncated; deleted, recomputing", path)
            with contextlib.suppress(OSError):
                path.unlink()
            self.misses += 1
            return None
        self.hits += 1
        return payload

    def put(self, kind: str, key: dict[str, Any], payload: bytes) -> Path | None:
        """Store ``payload`` atomically; returns the entry's path, or ``None`` if not written."""
        path = self.path(kind, key)
        digest = hashlib.sha256(payload).hexdigest().encode("ascii")
        tmp: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".entry")
            with os.fdopen(fd, "wb") as handle:
                handle.write(MAGIC + digest + b"\n")
                handle.write(payload)
            os.replace(tmp, path)
            tmp = None
        except OSError as exc:
            log.warning("cache entry %s not written (%s)", path, exc)
            return None
        finally:  # also on Ctrl-C: no temporary file is left behind
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        return path

    def get_json(self, kind: str, key: dict[str, Any]) -> Any | None:
        """:meth:`get` of a JSON payload (a payload that is not JSON counts as corrupt)."""
        payload = self.get(kind, key)
        if payload is None:
            return None
        try:
            return json.loads(payload)
        except ValueError:
            log.warning("cache entry %s is not JSON; deleted, recomputing", self.path(kind, key))
            with contextlib.suppress(OSError):
                self.path(kind, key).unlink()
            return None

    def put_json(self, kind: str, key: dict[str, Any], value: Any) -> Path | None:
        """:meth:`put` of ``value`` as compact UTF-8 JSON."""
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=True)
        return self.put(kind, key, text.encode("utf-8"))


def _verified(data: bytes) -> bytes | None:
    """The payload of an entry's bytes if its header and checksum hold, else ``None``."""
    head = len(MAGIC) + _DIGEST_LEN + 1
    if len(data) < head or not data.startswith(MAGIC) or data[head - 1 : head] != b"\n":
        return None
    expected = data[len(MAGIC) : head - 1]
    payload = data[head:]
    if hashlib.sha256(payload).hexdigest().encode("ascii") != expected:
        return None
    return payload
