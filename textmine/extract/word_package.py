"""Open a ``.docx`` safely before python-docx reads it.

A ``.docx`` is a zip of XML parts. Before python-docx (which loads every part
into memory) touches it, :func:`open_docx` checks, with one clear
:class:`~textmine.errors.InputError` naming the file for each refusal:

* that it is a zip at all (a legacy ``.doc`` or a password-protected ``.docx``
  is an OLE file, said as such);
* that no part inflates past :data:`MAX_PART_BYTES`, nor all parts together
  past :data:`MAX_TOTAL_BYTES` (a zip bomb): each part is decompressed as a
  stream and counted, so a size written falsely in the zip's directory does
  not help;
* that it has a main document part, and that no XML part declares a document
  type or entities (no entity expansion, no external entity is ever resolved).

Relationships that point outside the file (``TargetMode="External"``: linked
images, hyperlinks, attached templates, remote data sources) are never
followed: python-docx records them without loading them, and textmine reads
no relationship target but the footnotes part inside the package.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from textmine.errors import CorruptInputError, EncryptedPDFError, InputError

__all__ = ["MAX_PART_BYTES", "MAX_TOTAL_BYTES", "check_package", "open_docx"]

#: Largest part of a Word package, inflated.
MAX_PART_BYTES = 64 * 1024 * 1024
#: Largest Word package, all parts inflated.
MAX_TOTAL_BYTES = 256 * 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)
_CHUNK = 1 << 20


class EncryptedWordError(EncryptedPDFError):
    """A password-protected (or legacy binary) Word file."""


def check_package(path: Path) -> None:
    """Refuse ``path`` unless it is a sane Word package (see the module docstring)."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == _OLE:
        raise EncryptedWordError(
            path,
            "not a .docx package (a password-protected or legacy .doc Word file: "
            "remove the password or save it as .docx)",
        )
    if not zipfile.is_zipfile(path):
        raise CorruptInputError(path, "not a Word .docx file (not a zip package)")
    try:
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
            if "word/document.xml" not in names and not any(
                n.endswith("document.xml") for n in names
            ):
                raise CorruptInputError(path, "not a Word .docx file (no word/document.xml)")
            total = 0
            for info in package.infolist():
                total += _inflated_size(package, info, path)
                if total > MAX_TOTAL_BYTES:
                    raise InputError(
                        path,
                        f"Word package inflates past {MAX_TOTAL_BYTES // 2**20} MB "
                        "(a zip bomb?); refused",
                    )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as exc:
        raise CorruptInputError(path, f"corrupt Word .docx package ({exc})") from exc


def _inflated_size(package: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> int:
    size = 0
    xml = info.filename.endswith((".xml", ".rels"))
    head = b""
    with package.open(info) as member:
        while True:
            chunk = member.read(_CHUNK)
            if not chunk:
                break
            if xml and len(head) < 4096:
                head += chunk[: 4096 - len(head)]
            size += len(chunk)
            if size > MAX_PART_BYTES:
                raise InputError(
                    path,
                    f"Word part {info.filename} inflates past {MAX_PART_BYTES // 2**20} MB "
                    "(a zip bomb?); refused",
                )
    if xml and _DTD.search(head):
        raise InputError(
            path, f"Word part {info.filename} declares a document type or entities; refused"
        )
    return size


def open_docx(path: Path) -> Any:
    """The python-docx Document of ``path``, after :func:`check_package`."""
    check_package(path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except PackageNotFoundError as exc:
        raise CorruptInputError(path, f"not a Word .docx file ({exc})") from exc
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise CorruptInputError(path, f"corrupt Word .docx package ({exc})") from exc
    except Exception as exc:  # lxml raises XMLSyntaxError and others on broken parts
        if exc.__class__.__name__ == "XMLSyntaxError":
            raise CorruptInputError(path, f"corrupt Word .docx package ({exc})") from exc
        raise
