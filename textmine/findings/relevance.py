"""Which findings bear on an analysis: the policy field of the findings and of the documents.

Every finding of the registry names its policy field (``field = "send"``);
the fields are data, in ``textmine/findings/data/fields.toml``, one
``[[field]]`` table each: ``id``, ``label``, ``about`` (what the field's
findings speak of, for the report), ``terms`` (words and phrases of the
field), ``min_share`` and ``min_provisions``.

**The rule.** A document is *of a field* when at least ``min_share`` of its
provisions, and at least ``min_provisions`` of them, mention one of the field's
terms. Terms match as whole words, case-insensitively, except a term written
in capitals (``SEND``, ``SENCO``), which matches only in capitals (so the
verb *send* is no sign of the field). A finding *bears on* the analysis when at
least one document is of the finding's field; the others are listed apart, as
findings not about these documents, and link to no measure or provision.

For the bundled field ``send`` (EHC needs assessments, the Children and
Families Act 2014 Part 3, the SEND Code) the bar is 10% of the provisions: a
document about children's homes that mentions EHC plans in passing (4% of its
paragraphs) is not of the field; a draft SEND Code is.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from textmine.errors import InputError

__all__ = [
    "FIELDS_FILE",
    "SEN2_FIELD",
    "Field",
    "FieldShare",
    "Relevance",
    "document_fields",
    "load_fields",
    "relevance",
]

#: The policy field of the SEN2 statistics (requests for an EHC needs assessment): shown
#: as bearing on an analysis, like a finding, only when a document is of it.
SEN2_FIELD = "send"
#: The fields' file, beside the registry's finding files (which it is not one of).
FIELDS_FILE = "fields.toml"
_KEYS = {"id", "label", "about", "terms", "min_share", "min_provisions"}


@dataclass(frozen=True)
class Field:
    """One policy field: what it is called and how a document of it is recognised."""

    id: str
    label: str
    about: str
    terms: tuple[str, ...]
    min_share: float = 0.10
    min_provisions: int = 3

    @property
    def pattern(self) -> re.Pattern[str]:
        return _pattern(self.terms)


@dataclass(frozen=True)
class FieldShare:
    """How much of one document speaks of one field."""

    field: str
    provisions: int
    total: int

    @property
    def share(self) -> float:
        return self.provisions / self.total if self.total else 0.0


@dataclass(frozen=True)
class Relevance:
    """The fields of each document, and so which findings bear on the analysis."""

    fields: Mapping[str, Field]
    #: doc -> field id -> how much of it speaks of the field (every field, met or not).
    shares: Mapping[str, Mapping[str, FieldShare]] = field(default_factory=dict)

    def of_field(self, doc: str, field_id: str) -> bool:
        found = self.shares.get(doc, {}).get(field_id)
        spec = self.fields.get(field_id)
        if found is None or spec is None:
            return False
        return found.provisions >= spec.min_provisions and found.share >= spec.min_share

    def documents_of(self, field_id: str) -> list[str]:
        """The documents of a field, in analysis order."""
        return [doc for doc in self.shares if self.of_field(doc, field_id)]

    def bears(self, finding: Any) -> bool:
        """Whether a finding (anything with a ``field_id``) bears on these documents."""
        return bool(self.documents_of(str(getattr(finding, "field_id", ""))))

    def split(self, findings: Iterable[Any]) -> tuple[list[Any], list[Any]]:
        """``(bearing, other)``: the findings that bear on the analysis, and the rest."""
        bearing: list[Any] = []
        other: list[Any] = []
        for finding in findings:
            (bearing if self.bears(finding) else other).append(finding)
        return bearing, other


def default_path() -> Path:
    return Path(str(resources.files("textmine.findings") / "data" / FIELDS_FILE))


@lru_cache(maxsize=4)
def load_fields(path: str | Path | None = None) -> dict[str, Field]:
    """The fields of ``fields.toml`` (default: the one shipped), validated; by id."""
    file = Path(path) if path is not None else default_path()
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(file, f"cannot be read ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(file, f"not valid TOML ({exc})") from exc
    records = data.get("field", [])
    if not isinstance(records, list) or set(data) - {"field"}:
        raise InputError(file, "expected only [[field]] tables")
    out: dict[str, Field] = {}
    for index, record in enumerate(records, start=1):
        where = f"field {index} ({record.get('id', 'no id') if isinstance(record, dict) else ''})"
        if not isinstance(record, dict) or set(record) - _KEYS:
            raise InputError(file, f"{where}: expected the keys {', '.join(sorted(_KEYS))}")
        texts = [record.get(k) for k in ("id", "label", "about")]
        terms = record.get("terms")
        if not all(isinstance(t, str) and t.strip() for t in texts):
            raise InputError(file, f"{where}: id, label and about must be non-empty strings")
        if not (isinstance(terms, list) and terms and all(isinstance(t, str) for t in terms)):
            raise InputError(file, f"{where}: terms must be a non-empty list of strings")
        share, least = record.get("min_share", 0.10), record.get("min_provisions", 3)
        if not isinstance(share, int | float) or not 0 <= share <= 1:
            raise InputError(file, f"{where}: min_share must be a number from 0 to 1")
        if not isinstance(least, int) or least < 1:
            raise InputError(file, f"{where}: min_provisions must be a positive integer")
        if record["id"] in out:
            raise InputError(file, f"{where}: id already used")
        out[record["id"]] = Field(
            id=record["id"],
            label=record["label"].strip(),
            about=" ".join(record["about"].split()),
            terms=tuple(terms),
            min_share=float(share),
            min_provisions=least,
        )
    return out


@lru_cache(maxsize=16)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a field's terms: whole words; capitalised terms case-sensitive."""
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        words = r"\s+".join(re.escape(w) for w in term.split())
        body = words if term.isupper() else f"(?i:{words})"
        parts.append(rf"(?<!\w){body}(?!\w)")
    return re.compile("|".join(parts))


def document_fields(texts: Sequence[str], fields: Mapping[str, Field]) -> dict[str, FieldShare]:
    """For one document (its provisions' texts): how many provisions speak of each field."""
    return {
        fid: FieldShare(fid, sum(1 for t in texts if spec.pattern.search(t)), len(texts))
        for fid, spec in fields.items()
    }


def relevance(
    documents: Mapping[str, Sequence[str]], fields: Mapping[str, Field] | None = None
) -> Relevance:
    """The fields of each document (``doc -> provision texts``; see the module docstring)."""
    fields = fields if fields is not None else load_fields()
    return Relevance(
        fields=fields,
        shares={doc: document_fields(texts, fields) for doc, texts in documents.items()},
    )
