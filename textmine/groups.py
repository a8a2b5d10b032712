"""Party groups as data: readable labels, and which groups count as families or professionals.

The tagger (:mod:`textmine.nlp`) decides *which* group a party belongs to; this
module says how the later stages *name* and *side* the groups, from the
lexicon file ``groups.jsonl`` (bundled in ``lexicons/``), one object a line::

    {"group": "parent", "label": "parents", "side": "family", "note": "parents, carers"}

* ``group``: a group name (letters, digits, ``_``), or ``none`` (the recipient
  of an occurrence that names none) or ``unspecified`` (the actor of one that
  names no doer);
* ``label``: how the report and the summaries write the group (``no one
  named`` for ``none``, ``no doer named`` for ``unspecified``);
* ``side`` (optional): ``family`` or ``professional``, the two sides of the
  families-versus-professionals measure (:mod:`textmine.measure.asymmetry`);
  a group with no side is on neither;
* ``note`` (optional): who the group holds, for the report's legend.

Blank lines and lines starting with ``//`` are skipped; a bad line raises
:class:`~textmine.errors.LexiconError` naming the file and line. The file's
order is the order of the duty matrix's rows and columns.

A user lexicon folder (``--lexicon DIR``) may hold its own ``groups.jsonl``:
its sides then *replace* the bundled ones (the families and professionals are
exactly the groups it sides), and its labels and notes override the bundled
ones group by group (groups it does not list keep their bundled label). The
groups a lexicon knows (:attr:`Groups.known`, what corrections are checked
against) are the contract's, those of the groups files and the ``group`` of
every line of the folder's ``actors.jsonl``.

This module is neutral: it imports nothing of the package but the contract
and the errors, so measures and the report can use it without the tagger.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from textmine.contract import ACTOR_GROUPS
from textmine.errors import LexiconError

__all__ = [
    "FAMILY",
    "GROUPS_FILE",
    "NO_DOER",
    "NO_RECIPIENT",
    "PROFESSIONAL",
    "SIDES",
    "Groups",
    "default_groups",
    "load_groups",
    "relation_label",
]

GROUPS_FILE = "groups.jsonl"
#: The recipient of an occurrence that names none (the contract's ``recipients == []``).
NO_RECIPIENT = "none"
#: The actor of an occurrence that names no doer.
NO_DOER = "unspecified"
FAMILY = "family"
PROFESSIONAL = "professional"
SIDES: tuple[str, ...] = (FAMILY, PROFESSIONAL)

_NAME = re.compile(r"^[A-Za-z0-9_]+$")
_FIELDS = frozenset({"group", "label", "side", "note"})


@dataclass(frozen=True)
class Groups:
    """Labels, notes and sides of the party groups (see the module docstring)."""

    labels: Mapping[str, str]
    notes: Mapping[str, str] = field(default_factory=dict)
    family: frozenset[str] = frozenset()
    professional: frozenset[str] = frozenset()
    #: Every group name a lexicon knows (contract, groups files, actors.jsonl).
    known: frozenset[str] = frozenset()
    #: Where the groups came from: ``bundled`` or the user's file.
    source: str = "bundled"

    def label(self, group: object) -> str:
        """The readable name of ``group``: its label, else the name with spaces for ``_``."""
        name = str(group)
        return self.labels.get(name) or name.replace("_", " ")

    def side(self, group: object) -> str | None:
        """``family``, ``professional`` or ``None``."""
        if group in self.family:
            return FAMILY
        if group in self.professional:
            return PROFESSIONAL
        return None

    def order(self, groups: Iterable[str]) -> list[str]:
        """``groups`` (distinct) in the lexicon's order; unlisted ones after, alphabetically,
        with ``unspecified`` and ``none`` last."""
        rank = {g: i for i, g in enumerate(self.labels)}
        tail = {NO_DOER: 1, NO_RECIPIENT: 2}
        return sorted(
            set(groups),
            key=lambda g: (tail.get(g, 0), rank.get(g, len(rank)), g),
        )

    def members(self, side: str) -> list[str]:
        """The groups of one side, in the lexicon's order."""
        return self.order(self.family if side == FAMILY else self.professional)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (for a report's script and for cache keys)."""
        return {
            "labels": dict(self.labels),
            "family": sorted(self.family),
            "professional": sorted(self.professional),
            "source": self.source,
        }


def relation_label(actor: object, recipient: object, groups: Groups | None = None) -> str:
    """``local authority → parents``: a relation in words (``no one named`` for ``none``)."""
    groups = groups or default_groups()
    return f"{groups.label(actor)} → {groups.label(recipient)}"


@lru_cache(maxsize=1)
def default_groups() -> Groups:
    """The groups of the bundled lexicon."""
    return _build(_read(_bundled_file()), None, "bundled", _actor_groups(_bundled_folder()))


def load_groups(lexicon_dir: str | Path | None = None) -> Groups:
    """The groups of a lexicon folder: the bundled ones, redefined by its ``groups.jsonl``.

    ``None`` (or a folder without ``groups.jsonl``) gives the bundled sides
    and labels; the folder's ``actors.jsonl`` groups are known in any case.
    Raises :class:`~textmine.errors.LexiconError` for a malformed line.
    """
    if lexicon_dir is None:
        return default_groups()
    folder = Path(lexicon_dir)
    known = _actor_groups(folder)
    user = folder / GROUPS_FILE
    if not user.is_file():
        base = default_groups()
        return Groups(
            labels=base.labels,
            notes=base.notes,
            family=base.family,
            professional=base.professional,
            known=base.known | known,
            source=base.source,
        )
    return _build(_read(_bundled_file()), _read(user), str(user), known)


def _build(
    bundled: list[dict[str, Any]],
    user: list[dict[str, Any]] | None,
    source: str,
    actor_groups: frozenset[str],
) -> Groups:
    labels = {r["group"]: r["label"] for r in bundled}
    notes = {r["group"]: r["note"] for r in bundled if r.get("note")}
    sided = user if user is not None else bundled
    # the user's labels replace the bundled ones in place; new groups follow them
    labels.update({r["group"]: r["label"] for r in (user or [])})
    notes.update({r["group"]: r["note"] for r in (user or []) if r.get("note")})
    family = frozenset(r["group"] for r in sided if r.get("side") == FAMILY)
    professional = frozenset(r["group"] for r in sided if r.get("side") == PROFESSIONAL)
    known = ACTOR_GROUPS | actor_groups | set(labels)
    return Groups(
        labels=labels,
        notes=notes,
        family=family,
        professional=professional,
        known=frozenset(known - {NO_DOER, NO_RECIPIENT}),
        source=source,
    )


def _bundled_folder() -> Traversable:
    return resources.files("textmine.lexicons")


def _bundled_file() -> Traversable:
    return _bundled_folder() / GROUPS_FILE


def _lines(entry: Traversable | Path) -> Iterable[tuple[int, str]]:
    try:
        text = entry.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(str(entry), None, f"cannot be read ({exc})") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("//"):
            yield number, stripped


def _read(entry: Traversable | Path) -> list[dict[str, Any]]:
    """The validated records of a groups file."""
    source = str(entry)
    records: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for number, line in _lines(entry):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LexiconError(source, number, f"not valid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise LexiconError(source, number, "expected a JSON object")
        extra = sorted(set(obj) - _FIELDS)
        if extra:
            raise LexiconError(source, number, f"unknown field(s) {', '.join(extra)}")
        group, label = obj.get("group"), obj.get("label")
        if not isinstance(group, str) or not _NAME.match(group):
            raise LexiconError(source, number, f"bad group name {group!r} (letters, digits, '_')")
        if not isinstance(label, str) or not label.strip():
            raise LexiconError(source, number, "field 'label' must be a non-empty string")
        side = obj.get("side")
        if side is not None and side not in SIDES:
            raise LexiconError(source, number, f"side must be one of {', '.join(SIDES)}")
        if side is not None and group in (NO_DOER, NO_RECIPIENT):
            raise LexiconError(source, number, f"{group!r} cannot be on a side")
        note = obj.get("note")
        if note is not None and not isinstance(note, str):
            raise LexiconError(source, number, "field 'note' must be a string")
        if group in seen:
            raise LexiconError(source, number, f"group {group!r} already on line {seen[group]}")
        seen[group] = number
        records.append({"group": group, "label": label.strip(), "side": side, "note": note})
    return records


def _actor_groups(folder: Traversable | Path) -> frozenset[str]:
    """The ``group`` of every line of a folder's ``actors.jsonl`` (nothing when it has none).

    Only the names are read here; the tagger validates the file itself.
    """
    entry = folder / "actors.jsonl"
    if not entry.is_file():
        return frozenset()
    found = set()
    for _number, line in _lines(entry):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue  # the tagger reports it, with its line
        group = obj.get("group") if isinstance(obj, dict) else None
        if isinstance(group, str) and _NAME.match(group):
            found.add(group)
    return frozenset(found)
