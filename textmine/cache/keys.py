"""What a cached value depends on: the keys of :mod:`textmine.cache`.

A key is a JSON object; its sha256 names the entry (:func:`~textmine.cache.store.key_digest`).

* :func:`document_key` (an extraction): the input file's name and sha256, the kind
  asked for, the extraction settings, the versions of textmine, Python and the
  PDF libraries, and a *source digest* of textmine's reader code
  (:data:`EXTRACT_SOURCES`), so an edited reader never meets an old entry.
* :func:`rows_key` (tagged rows): the document key, the model (name, version,
  its ``meta.json``'s sha256), spaCy's version, the disabled components, the
  unit-size limit, ``explain``, the sha256 of every lexicon file and the
  source digest of the tagger (:data:`TAG_SOURCES`).

Nothing here imports spaCy: the model is identified from its package's
``meta.json`` (:func:`model_identity`), so a run whose every entry is cached
never loads the parser.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import platform
from functools import cache, lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from textmine.settings import Settings

__all__ = [
    "EXTRACT_SOURCES",
    "TAG_SOURCES",
    "default_cache_dir",
    "document_key",
    "lexicon_digests",
    "model_identity",
    "package_version",
    "rows_key",
    "source_digest",
]

#: textmine files (relative to the package) whose code decides an extraction.
EXTRACT_SOURCES: tuple[str, ...] = ("extract", "text.py", "settings.py", "errors.py")
#: textmine files whose code decides the tagged rows of a document.
TAG_SOURCES: tuple[str, ...] = ("nlp", "text.py", "settings.py", "errors.py")
_PACKAGE = Path(__file__).resolve().parent.parent


def default_cache_dir() -> Path:
    """``$TEXTMINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/textmine``, else ``~/.cache/textmine``."""
    explicit = os.environ.get("TEXTMINE_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "textmine"


@cache
def source_digest(parts: tuple[str, ...]) -> str:
    """sha256 over the path and bytes of every ``.py`` file under ``parts`` of the package."""
    digest = hashlib.sha256()
    for part in parts:
        target = _PACKAGE / part
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        for path in files:
            if path.is_file():
                digest.update(path.relative_to(_PACKAGE).as_posix().encode("utf-8") + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@cache
def package_version(name: str) -> str | None:
    """The installed version of distribution ``name``, or ``None`` (nothing is imported)."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def lexicon_digests(lexicon_dir: Path | None) -> dict[str, str]:
    """sha256 of every file of the lexicon folder (``None``: the bundled lexicons), by name."""
    folder: Any = lexicon_dir
    if folder is None:
        try:
            folder = resources.files("textmine.lexicons")
        except ModuleNotFoundError:
            folder = _PACKAGE.parent / "lexicons"
    digests: dict[str, str] = {}
    if not folder.is_dir():
        return digests
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_file() and not entry.name.startswith(".") and entry.name.endswith(".jsonl"):
            digests[entry.name] = hashlib.sha256(entry.read_bytes()).hexdigest()
    return digests


@lru_cache(maxsize=8)
def model_identity(models: tuple[str, ...]) -> dict[str, Any] | None:
    """The first installed model of ``models`` (as ``spacy.load`` would pick it), from its
    ``meta.json``: load name, ``lang_name``, version, and the sha256 of the meta file.

    ``None`` when none is found (the caller then loads spaCy, which raises the
    proper :class:`~textmine.errors.ModelNotFoundError`).
    """
    for name in models:
        meta_path = _model_meta(name)
        if meta_path is None:
            continue
        data = meta_path.read_bytes()
        try:
            meta = json.loads(data)
        except ValueError:
            continue
        return {
            "load_name": name,
            "name": f"{meta.get('lang', '?')}_{meta.get('name', '?')}",
            "version": str(meta.get("version", "?")),
            "meta_sha256": hashlib.sha256(data).hexdigest(),
        }
    return None


def _model_meta(name: str) -> Path | None:
    path = Path(name)
    if path.is_dir():
        return path / "meta.json" if (path / "meta.json").is_file() else None
    if not name.isidentifier():
        return None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        meta = Path(location) / "meta.json"
        if meta.is_file():
            return meta
    return None


def document_key(name: str, sha256: str, kind: str | None, settings: Settings) -> dict[str, Any]:
    """The key of the extraction of file ``name`` (no folder) with content ``sha256``,
    read as ``kind`` (the file stem is the document id, so it is part of the key)."""
    return {
        "file": name,
        "file_sha256": sha256,
        "kind": kind,
        "keep_removed": settings.keep_removed,
        "revision": settings.revision,
        "textmine": package_version("textmine"),
        "python": platform.python_version(),
        "pypdfium2": package_version("pypdfium2"),
        "lxml": package_version("lxml"),
        "python-docx": package_version("python-docx"),
        "source": source_digest(EXTRACT_SOURCES),
    }


def rows_key(document: dict[str, Any], settings: Settings) -> dict[str, Any] | None:
    """The key of the tagged rows of the document whose extraction key is ``document``.

    ``None`` when no model is installed (nothing can be cached, or served).
    """
    model = model_identity(tuple(settings.models))
    if model is None:
        return None
    return {
        "document": document,
        "model": model,
        "spacy": package_version("spacy"),
        "disable": list(settings.disable),
        "max_unit_chars": settings.max_unit_chars,
        "explain": settings.explain,
        "lexicons": lexicon_digests(
            Path(settings.lexicon_dir).resolve() if settings.lexicon_dir else None
        ),
        "source": source_digest(TAG_SOURCES),
    }
