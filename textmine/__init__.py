"""textmine: audit the language of partnership in legislation and statutory guidance.

The library is usable without the CLI::

    import textmine
    doc = textmine.extract("act.pdf")          # Document with Provision records
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

try:
    __version__ = version("textmine")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

from textmine.analysis import Analysis, analyse
from textmine.errors import InputError, TextmineError
from textmine.extract import extract
from textmine.extract.document import Document, Provision
from textmine.settings import Settings

__all__ = [
    "Analysis",
    "Document",
    "InputError",
    "Provision",
    "Settings",
    "TextmineError",
    "__version__",
    "analyse",
    "extract",
    "tag",
]


def tag(source: str | Path | Document, *, settings: Settings | None = None) -> pd.DataFrame:
    """Tag partnership terms in a file or Document: one row per occurrence (tagging contract)."""
    from textmine.nlp.tagging import tag as tag_source

    return tag_source(source, settings=settings)
