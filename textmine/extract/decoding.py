"""Bytes of a plain-text file to text, or one clear error naming the file.

* UTF-8 (a byte-order mark is dropped); UTF-16 with a byte-order mark;
  else Windows-1252, with a logged warning naming the file (Latin-1 text reads
  the same); bytes that neither maps are an :class:`~textmine.errors.InputError`;
* control characters other than tab, line and form feeds and carriage return,
  NUL included, mean "not a text file" when more than one in a hundred
  characters (or more than two in all) are such; fewer NUL bytes are removed,
  with a logged warning naming the file and the count;
* a PDF given a text extension is named as such; text that is all blank is an
  :class:`~textmine.errors.EmptyInputError`.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from textmine.errors import EmptyInputError, InputError

__all__ = ["decode"]

log = logging.getLogger(__name__)

#: Control characters that plain text does not hold (tab, LF, FF and CR are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")


def decode(data: bytes, path: Path) -> str:
    """Bytes to text: UTF-8 (BOM dropped), UTF-16 with BOM, else cp1252 with a warning."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"), path)
        except UnicodeDecodeError as exc:
            raise InputError(path, "not a text file (broken UTF-16)") from exc
    if data.startswith(b"%PDF-"):
        raise InputError(path, "not a text file (it is a PDF: give it the .pdf extension)")
    _check_controls(len(_CONTROL_BYTES.findall(data)), len(data), path)
    nuls = data.count(b"\x00")
    if nuls:
        data = data.replace(b"\x00", b"")
        log.warning("%s: removed %d NUL byte(s)", path, nuls)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise InputError(path, "not a text file (neither UTF-8 nor Windows-1252)") from exc
        log.warning("%s: not valid UTF-8; read as Windows-1252 (cp1252)", path)
    return _checked(text, path)


def _check_controls(controls: int, size: int, path: Path) -> None:
    if controls > max(2, size // 100):
        raise InputError(path, "not a text file (binary content)")


def _checked(text: str, path: Path) -> str:
    _check_controls(len(_CONTROL.findall(text)), len(text), path)
    if not text.strip():
        raise EmptyInputError(path, "no text")
    return text
