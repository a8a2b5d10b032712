"""The occurrence-row contract, in one module every stage imports and that imports nothing.

``/work/shared/contracts/tagging.md`` fixes what ``textmine tag`` writes: the
fields of an occurrence row, the canonical terms and their rungs on the
participation ladder, the actor groups, modalities and voices. The tagger
(:mod:`textmine.nlp`), the measures, the report, the diff and the evaluation
all read these names from here, so a stage never reaches into another
stage's internals for them, and a run served from the cache imports no parser
to know them.

:func:`occurrence_id` gives each row a stable ``id`` (a field added to the
contract): it depends only on the document id, the text of the provision the
term stands in (whitespace folded) and the term's place in that text, so it
survives a new run, another machine, another textmine version, a move to
another page and a renumbering, and changes only when the provision's text
does.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

__all__ = [
    "ACTOR_GROUPS",
    "EXTRA_FIELDS",
    "LABEL_FIELDS",
    "MODALITIES",
    "OCCURRENCE_FIELDS",
    "TERM_LEVELS",
    "VOICES",
    "locates_page",
    "number_repeats",
    "occurrence_id",
]

#: Canonical terms judged by the tagging contract, with their participation level.
TERM_LEVELS: dict[str, int] = {
    "inform": 1,
    "notify": 1,
    "advise": 1,
    "consult": 2,
    "seek": 2,
    "consider": 2,
    "have regard to": 2,
    "take into account": 2,
    "involve": 3,
    "engage": 3,
    "participate": 3,
    "cooperate": 4,
    "collaborate": 4,
    "work with": 4,
    "coproduce": 5,
}
#: Canonical party groups of the contract (``unspecified`` is for actors only).
ACTOR_GROUPS: frozenset[str] = frozenset(
    {
        "local_authority",
        "parent",
        "child",
        "young_person",
        "education",
        "health",
        "social_care",
        "secretary_of_state",
        "tribunal",
        "professional",
        "other",
    }
)
MODALITIES: frozenset[str] = frozenset(
    {"must", "shall", "should", "may", "will", "can", "need", "none"}
)
VOICES: frozenset[str] = frozenset({"active", "passive"})

#: The contract's labelled fields, in contract order: what a tagged span carries.
LABEL_FIELDS: tuple[str, ...] = (
    "term",
    "level",
    "actor",
    "actor_text",
    "recipients",
    "modality",
    "negated",
    "voice",
)
#: The contract's fields, in contract order.
OCCURRENCE_FIELDS: tuple[str, ...] = (
    "doc",
    "ref",
    "page",
    "sentence",
    "start",
    "end",
    "text",
    *LABEL_FIELDS,
)
#: Fields added after the contract's (the contract allows adding only).
EXTRA_FIELDS: tuple[str, ...] = ("kind", "heading", "part", "chapter", "unit", "id", "doubts")

_SPACE = re.compile(r"\s+")
#: Hex digits of an id: 64 bits, so two occurrences of a corpus collide with odds of
#: about n^2 / 2^65 (one in 10^9 for 200,000 occurrences).
ID_LENGTH = 16


def occurrence_id(doc: str, provision_text: str, start: int, surface: str) -> str:
    """The stable id of the occurrence of ``surface`` at ``start`` in ``provision_text``.

    ``start`` is the term's character offset in the provision text as given.
    Text and offset are folded first (NFC, every whitespace run one space,
    stripped), so a re-wrapped provision keeps its ids. The id is the first
    :data:`ID_LENGTH` hex digits of the SHA-256 of document id, folded text,
    folded offset and folded surface.
    """
    before = _fold(provision_text[:start]).lstrip()
    key = "\x1f".join((doc, _fold(provision_text).strip(), str(len(before)), _fold(surface)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:ID_LENGTH]


def locates_page(row: Mapping[str, Any]) -> bool:
    """Whether a row with no ref says where it stands: its page, an integer, or null for a
    document without pages (Word, a web page), whose scope is the whole document."""
    return "page" in row and (row["page"] is None or isinstance(row["page"], int))


def number_repeats(rows: list[dict[str, object]]) -> None:
    """Suffix ``-2``, ``-3`` ... to ids repeated within one document's rows, in order (in place).

    Two provisions of one document with the same text give their terms the
    same :func:`occurrence_id`; numbering the later ones in document order
    keeps every id unique and still stable while the document is unchanged.
    """
    seen: dict[object, int] = {}
    for row in rows:
        key = row.get("id")
        if key is None:
            continue
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            row["id"] = f"{key}-{seen[key]}"


def _fold(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text))
