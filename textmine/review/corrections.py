"""The corrections file: an analyst's verdict on tagged occurrences, read and validated.

JSON Lines (UTF-8), one object per reviewed row, keyed by the row's stable
``id`` (:func:`textmine.contract.occurrence_id`)::

    {"id": "3f2a9c0d1b7e4a61", "verdict": "correct"}
    {"id": "9b0c4d2e8f1a3b57", "verdict": "not_an_occurrence", "note": "involve = entail"}
    {"id": "0d1e2f3a4b5c6d7e", "verdict": "corrected", "actor": "local_authority",
     "recipients": ["parent"], "reviewer": "A. Analyst"}
    {"verdict": "added", "doc": "code", "ref": "9.14", "sentence": "...", "start": 25,
     "end": 32, "text": "consult", "term": "consult", "actor": "local_authority",
     "recipients": ["parent"], "modality": "must", "negated": false, "voice": "active"}

* ``verdict``: ``correct`` (the tagger's row is right), ``corrected`` (with
  any of ``actor``, ``recipients``, ``modality``, ``negated``, ``voice``: the
  right values), ``not_an_occurrence`` (the row is no occurrence of a
  partnership term), or ``added`` (an occurrence the tagger missed: the
  contract's fields ``doc``, ``ref``, ``sentence``, ``start``, ``end``,
  ``text``, ``term``, ``actor``, ``recipients``, ``modality``, ``negated``,
  ``voice``, and ``page`` where ``ref`` is null (null for a document without pages); ``id``
  optional);
* ``reviewer``, ``note`` (optional): free text, kept with the row, never
  rendered as markup;
* ``doc``, ``ref``, ``text`` (optional on the other verdicts): where the row
  is, for a human reading the file (the report writes them); not used.

Every line is checked, with ``file:line`` in the error: a known verdict, an
``id`` of the form textmine gives (16 hex digits, ``-2``... for repeats), one
line per id, actor and recipient groups that the lexicon knows
(:attr:`textmine.groups.Groups.known`; the actor may also be ``unspecified``),
a modality and a voice of the contract, ``negated`` true or false, and for an
added row a canonical term whose text stands at ``start``..``end`` of its
sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textmine.contract import MODALITIES, TERM_LEVELS, VOICES, locates_page
from textmine.errors import InputError
from textmine.groups import NO_DOER, Groups, default_groups

__all__ = [
    "CORRECTABLE",
    "VERDICTS",
    "Correction",
    "check_correction",
    "is_corrections_file",
    "parse_corrections",
    "read_corrections",
]

#: What an analyst can say of a row.
VERDICTS: tuple[str, ...] = ("correct", "corrected", "not_an_occurrence", "added")
#: The fields a ``corrected`` verdict may set.
CORRECTABLE: tuple[str, ...] = ("actor", "recipients", "modality", "negated", "voice")
#: The contract fields an ``added`` row must carry (``page`` too when ``ref`` is null).
ADDED_FIELDS: tuple[str, ...] = (
    "doc",
    "ref",
    "sentence",
    "start",
    "end",
    "text",
    "term",
    "actor",
    "recipients",
    "modality",
    "negated",
    "voice",
)
#: Where-it-is fields the report writes beside a verdict, for a reader of the file.
CONTEXT: tuple[str, ...] = ("doc", "ref", "text")
FREE_TEXT: tuple[str, ...] = ("reviewer", "note")
#: Longest reviewer name and note kept.
MAX_TEXT = 2000

_ID = re.compile(r"^[0-9a-f]{16}(?:-[1-9][0-9]*)?$")


@dataclass(frozen=True)
class Correction:
    """One reviewed row: its id, the verdict, and the values the verdict sets."""

    id: str | None
    verdict: str
    #: ``corrected``: the fields set; ``added``: the whole row; otherwise empty.
    values: Mapping[str, Any] = field(default_factory=dict)
    reviewer: str | None = None
    note: str | None = None
    #: ``file:line`` of the line it came from.
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The line of a corrections file (without the optional where-it-is fields)."""
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        out["verdict"] = self.verdict
        out.update(self.values)
        for name in FREE_TEXT:
            if getattr(self, name):
                out[name] = getattr(self, name)
        return out


def is_corrections_file(path: str | Path) -> bool:
    """Whether the first object of a JSON Lines file is a correction (has a ``verdict``).

    Unreadable or malformed files answer ``False``: the reader that is then
    used reports them.
    """
    import json

    try:
        with Path(path).open(encoding="utf-8-sig") as handle:
            for line in handle:
                if line.strip():
                    obj = json.loads(line)
                    return isinstance(obj, dict) and "verdict" in obj
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return False


def read_corrections(path: str | Path, *, groups: Groups | None = None) -> list[Correction]:
    """Read and validate a corrections file; a bad line raises :class:`InputError` (file, line).

    An empty file (no line) gives no corrections.
    """
    from textmine.rows import read_jsonl

    path = Path(path)
    return parse_corrections(read_jsonl(path), path, groups=groups)


def parse_corrections(
    lines: Iterable[tuple[int, Mapping[str, Any]]],
    path: str | Path,
    *,
    groups: Groups | None = None,
) -> list[Correction]:
    """Validate ``(line number, object)`` pairs of a corrections file named ``path``."""
    groups = groups or default_groups()
    path = Path(path)
    seen: dict[str, int] = {}
    out: list[Correction] = []
    for number, obj in lines:
        reason = check_correction(obj, groups)
        if reason:
            raise InputError(path, f"line {number}: {reason}")
        ident = obj.get("id")
        if isinstance(ident, str):
            if ident in seen:
                raise InputError(
                    path, f"line {number}: id {ident} already reviewed on line {seen[ident]}"
                )
            seen[ident] = number
        verdict = str(obj["verdict"])
        if verdict == "corrected":
            values = {k: _plain(k, obj[k]) for k in CORRECTABLE if k in obj}
        elif verdict == "added":
            values = {
                k: _plain(k, obj[k]) for k in (*ADDED_FIELDS, "page", "actor_text") if k in obj
            }
        else:
            values = {}
        out.append(
            Correction(
                id=ident if isinstance(ident, str) else None,
                verdict=verdict,
                values=values,
                reviewer=_text(obj.get("reviewer")),
                note=_text(obj.get("note")),
                source=f"{path.name}:{number}",
            )
        )
    return out


def check_correction(obj: Mapping[str, Any], groups: Groups | None = None) -> str | None:
    """Why ``obj`` is not a valid line of a corrections file, or ``None`` when it is."""
    groups = groups or default_groups()
    verdict = obj.get("verdict")
    if verdict not in VERDICTS:
        return f"verdict must be one of {', '.join(VERDICTS)}, got {verdict!r}"
    ident = obj.get("id")
    needs_id = verdict != "added" or ident is not None
    if needs_id and (not isinstance(ident, str) or not _ID.match(ident)):
        return f"id must be an occurrence id (16 hex digits, as 3f2a9c0d1b7e4a61), got {ident!r}"
    if verdict == "corrected":
        allowed = {"id", "verdict", *CORRECTABLE, *CONTEXT, *FREE_TEXT}
    elif verdict == "added":
        allowed = {"id", "verdict", *ADDED_FIELDS, "page", "actor_text", *FREE_TEXT}
    else:
        allowed = {"id", "verdict", *CONTEXT, *FREE_TEXT}
    unknown = sorted(set(obj) - allowed)
    if unknown:
        return f"unknown field(s) for verdict {verdict}: {', '.join(unknown)}"
    for name in FREE_TEXT:
        value = obj.get(name)
        if value is not None and (not isinstance(value, str) or len(value) > MAX_TEXT):
            return f"{name} must be text of at most {MAX_TEXT} characters"
    if verdict == "corrected" and not any(k in obj for k in CORRECTABLE):
        return f"a correction needs at least one of {', '.join(CORRECTABLE)}"
    if verdict == "added":
        missing = [k for k in ADDED_FIELDS if k not in obj]
        if missing:
            return f"an added occurrence needs the field(s) {', '.join(missing)}"
        reason = _check_added(obj)
        if reason:
            return reason
    return _check_values(obj, groups)


def _check_values(obj: Mapping[str, Any], groups: Groups) -> str | None:
    known = groups.known
    if "actor" in obj:
        actor = obj["actor"]
        if not isinstance(actor, str) or (actor not in known and actor != NO_DOER):
            return f"actor {actor!r} is not a group of the lexicon (nor {NO_DOER})"
    if "recipients" in obj:
        recipients = obj["recipients"]
        if not isinstance(recipients, list) or not all(isinstance(r, str) for r in recipients):
            return "recipients must be a list of groups ([] for none)"
        unknown = [r for r in recipients if r not in known]
        if unknown:
            return f"recipient(s) {', '.join(map(repr, unknown))} not a group of the lexicon"
        if len(set(recipients)) != len(recipients):
            return "recipients must not repeat a group"
    if "modality" in obj and obj["modality"] not in MODALITIES:
        return f"modality must be one of {', '.join(sorted(MODALITIES))}"
    if "negated" in obj and not isinstance(obj["negated"], bool):
        return "negated must be true or false"
    if "voice" in obj and obj["voice"] not in VOICES:
        return f"voice must be one of {', '.join(sorted(VOICES))}"
    return None


def _check_added(obj: Mapping[str, Any]) -> str | None:
    if not isinstance(obj["doc"], str) or not obj["doc"]:
        return "doc must be a document id"
    if obj["ref"] is not None and not isinstance(obj["ref"], str):
        return "ref must be text or null"
    if obj["ref"] is None and not locates_page(obj):
        return "an added occurrence without a ref needs a page (an integer, or null without pages)"
    if obj["term"] not in TERM_LEVELS:
        return f"term must be a canonical term ({', '.join(TERM_LEVELS)})"
    sentence, start, end = obj["sentence"], obj["start"], obj["end"]
    if not isinstance(sentence, str) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in (start, end)
    ):
        return "sentence must be text, start and end integers"
    if not 0 <= start < end <= len(sentence) or sentence[start:end] != obj["text"]:
        return "text must be the words of sentence from start to end"
    return None


def _plain(name: str, value: Any) -> Any:
    return list(value) if name == "recipients" else value


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
