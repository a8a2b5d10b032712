"""Schema of the tagger's lexicons: record types, allowed keys and line checks.

The shapes of the three files (``terms.jsonl``, ``actors.jsonl``,
``cues.jsonl``) live here, apart from the reading in
:mod:`textmine.nlp.lexicon`, so that a reader of a lexicon line finds what it
may hold in one place. Every check raises
:class:`~textmine.errors.LexiconError` naming the file and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from textmine.errors import LexiconError

__all__ = [
    "ACTOR_KEYS",
    "CONSTRAINTS",
    "CUE_TYPES",
    "FILES",
    "REFERS",
    "ROLES",
    "TERM_KEYS",
    "ActorPattern",
    "Cues",
    "Lexicon",
    "TermPattern",
    "check_pattern",
    "need",
    "strings",
    "unknown",
]

FILES: tuple[str, ...] = ("terms.jsonl", "actors.jsonl", "cues.jsonl")

#: Constraint keys a term line may use, with the type of their value.
CONSTRAINTS: dict[str, type] = {
    "verbal": bool,  # the anchor is used as a verb (not an adjective or noun)
    "nominal": bool,  # the anchor is a noun (level-5 nominalisations)
    "object_lemmas": list,  # the object's lemma must be one of these (seek)
    "object_party": bool,  # the object must be a party (involve, engage)
    "tail_attached": bool,  # the pattern's last token hangs off the anchor (gapped phrases)
    "no_reduced_relative": bool,  # reject "the people involved" (post-nominal participle)
    "predicative": bool,  # a participle tagged adjective after "be" is the passive ("is involved")
    "fronted_prep": str,  # a relative phrase stands before the anchor ("with whom they work")
    "not_in_activity": bool,  # not "involved in violence", "engaged in regulated activity"
    "not_hired": bool,  # not "employed or engaged by the council" (taken on to work)
    "no_gerund_complement": bool,  # not "may involve challenging managers" (entail)
    "party_if_object": bool,  # an object, if any, names a party (not "inform the offer")
}
#: Where recipients are read from, per term.
ROLES: frozenset[str] = frozenset(
    {"object", "passive_subject", "with", "to", "from", "views", "joint"}
)
CUE_TYPES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # type: (required keys, optional keys) besides "type" and "note"
    "modal": (frozenset({"words", "value"}), frozenset()),
    "control": (frozenset({"lemmas", "value"}), frozenset()),
    "negation": (frozenset(), frozenset({"words", "phrase", "determiners"})),
    "embedding": (frozenset({"lemmas"}), frozenset()),
    "light": (frozenset({"lemmas"}), frozenset()),
    "pronoun": (frozenset({"words", "refer"}), frozenset()),
    "relative": (frozenset({"words"}), frozenset()),
    "views": (frozenset({"lemmas"}), frozenset()),
    "compound": (frozenset({"words"}), frozenset()),
    "party_noun": (frozenset({"lemmas"}), frozenset()),
    "party_suffix": (frozenset({"words"}), frozenset({"except"})),
    "purpose": (frozenset({"lemmas"}), frozenset()),
    "title": (frozenset({"phrases"}), frozenset()),
    "activity": (frozenset({"lemmas"}), frozenset()),
}
REFERS: frozenset[str] = frozenset({"body", "person", "plural", "any"})
TERM_KEYS = frozenset(
    {"label", "id", "term", "level", "pattern", "constraint", "roles", "anchor", "note"}
)
ACTOR_KEYS = frozenset({"group", "id", "refer", "pattern", "note"})


@dataclass(frozen=True)
class TermPattern:
    """One line of ``terms.jsonl``."""

    id: str
    term: str
    level: int
    pattern: list[dict[str, Any]]
    label: str = "PARTNERSHIP"
    constraint: Mapping[str, Any] = field(default_factory=dict)
    roles: tuple[str, ...] = ()
    anchor: str | None = None
    source: str = ""
    line: int = 0

    @property
    def key(self) -> str:
        """The Matcher key: unique per line, so a match names its pattern."""
        return f"{self.id}@{self.line}"


@dataclass(frozen=True)
class ActorPattern:
    """One line of ``actors.jsonl``."""

    group: str
    id: str
    pattern: list[dict[str, Any]]
    refer: str = "any"
    source: str = ""
    line: int = 0

    @property
    def key(self) -> str:
        return f"{self.group}|{self.refer}|{self.id}@{self.line}"


@dataclass(frozen=True)
class Cues:
    """The word lists of ``cues.jsonl``, folded to lower case."""

    modals: Mapping[str, str] = field(default_factory=dict)
    control: Mapping[str, str] = field(default_factory=dict)
    negations: frozenset[str] = frozenset()
    negation_phrases: tuple[tuple[str, ...], ...] = ()
    #: determiners that negate the clause of the noun they modify (``No authority may ...``)
    negation_determiners: frozenset[str] = frozenset()
    embedding: frozenset[str] = frozenset()
    light: frozenset[str] = frozenset()
    pronouns: Mapping[str, frozenset[str]] = field(default_factory=dict)
    relatives: frozenset[str] = frozenset()
    views: frozenset[str] = frozenset()
    compounds: tuple[str, ...] = ()
    #: head nouns that denote a person or body when no alias names them (``the committee``)
    party_nouns: frozenset[str] = frozenset()
    #: agent-noun endings read as a person in subject position (``the employer``), and
    #: the lemmas with such an ending that name no party (``order``, ``offer``)
    party_suffixes: tuple[str, ...] = ()
    party_suffix_exceptions: frozenset[str] = frozenset()
    #: verbs whose to-infinitive after an object states a purpose (``use the results to inform``)
    purpose: frozenset[str] = frozenset()
    #: titles of publications that open with a term word (``Working together to safeguard ...``)
    titles: tuple[tuple[str, ...], ...] = ()
    activities: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """The three lexicons of one folder."""

    terms: tuple[TermPattern, ...]
    actors: tuple[ActorPattern, ...]
    cues: Cues
    source: str

    def term_by_key(self) -> dict[str, TermPattern]:
        return {t.key: t for t in self.terms}


def need(
    obj: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: tuple[str, int]
) -> Any:
    if key not in obj:
        raise LexiconError(where[0], where[1], f"missing field '{key}'")
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        name = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise LexiconError(where[0], where[1], f"field '{key}' must be {name}, got {value!r}")
    return value


def unknown(obj: Mapping[str, Any], allowed: frozenset[str], where: tuple[str, int]) -> None:
    extra = sorted(set(obj) - allowed)
    if extra:
        raise LexiconError(where[0], where[1], f"unknown field(s) {', '.join(extra)}")


def strings(value: Any, key: str, where: tuple[str, int]) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(where[0], where[1], f"field '{key}' must be a non-empty list of strings")
    return [v.lower() for v in value]


def check_pattern(pattern: Any, key: str, where: tuple[str, int]) -> list[dict[str, Any]]:
    """Compile ``pattern`` with a validating Matcher; errors name the line."""
    from spacy.errors import MatchPatternError
    from spacy.matcher import Matcher

    if (
        not isinstance(pattern, list)
        or not pattern
        or not all(isinstance(p, dict) for p in pattern)
    ):
        raise LexiconError(
            where[0], where[1], "field 'pattern' must be a non-empty list of token objects"
        )
    try:
        Matcher(_vocab(), validate=True).add(key, [pattern])
    except (MatchPatternError, ValueError, TypeError, KeyError) as exc:
        reason = " ".join(str(exc).split())
        raise LexiconError(where[0], where[1], f"invalid spaCy pattern: {reason}") from exc
    return pattern


@lru_cache(maxsize=1)
def _vocab() -> Any:
    import spacy

    return spacy.blank("en").vocab
