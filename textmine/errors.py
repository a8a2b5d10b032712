"""The one exception hierarchy of textmine.

Every error the library raises on purpose derives from :class:`TextmineError`.
Subclasses also derive from the matching builtin, so callers may catch either
(``except InputError`` or ``except ValueError``). The CLI turns any
``TextmineError`` into one line on stderr and a non-zero exit status.
"""

from __future__ import annotations

from pathlib import Path


class TextmineError(Exception):
    """Root of all textmine errors."""

    exit_code = 1


class InputError(TextmineError, ValueError):
    """An input file cannot be read as a document.

    The message always names the file and the reason, e.g.
    ``report.pdf: encrypted PDF (remove the password first)``.
    """

    exit_code = 2

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class UnsupportedInputError(InputError):
    """The file type is not one textmine reads."""


class EncryptedPDFError(InputError):
    """The PDF is password-protected."""


class ImageOnlyPDFError(InputError):
    """The PDF has no text layer (a scan); it needs OCR first."""


class CorruptInputError(InputError):
    """The file is truncated, corrupt or malformed."""


class EmptyInputError(InputError):
    """The file holds no text at all."""


class LexiconError(TextmineError, ValueError):
    """A lexicon file is malformed; the message names file and line."""

    exit_code = 2

    def __init__(self, source: str, line: int | None, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class OutputError(TextmineError, OSError):
    """An output path cannot be written (or would overwrite without consent)."""

    exit_code = 3


class ModelNotFoundError(TextmineError, OSError):
    """No installed spaCy English model could be loaded."""

    exit_code = 4


class FetchError(TextmineError, OSError):
    """A corpus document could not be downloaded or failed its checksum."""

    exit_code = 5


class ReportError(TextmineError, ValueError):
    """A report cannot be rendered safely (e.g. a chart is not the expected SVG, or too large)."""
