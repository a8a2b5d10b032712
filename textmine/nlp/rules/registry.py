"""The registry of the tagger's rules: every decision has a name, a description and an example.

A :class:`Rule` names one way a field of an occurrence is decided: where an
actor is found (``actor.subject``, ``actor.by_agent``, ``actor.lead_in``),
a step up the tree towards it (``step.control``), how a noun phrase is read
as a party (``party.alias``, ``party.pronoun``), where recipients are read
(``recipients.object``), how a modal is found (``modality.aux``) or carried
(``link.conj``), what negates (``negation.cue``), what makes a passive
(``voice.auxpass``), what keeps a match from being an occurrence
(``sense.party_if_object``) and what the statutory structure supplies
(``context.list_item``). Rules register themselves where their logic lives,
in declaration order, which is the order the readers try them in.

Each rule carries an example sentence and what the tagger must give on it
(``expect``: the occurrence by its ``text``, ``nth`` when the text recurs, and field
values); the test suite tags every example and checks both the values and that the
rule is among those ``--explain`` names (``tests/nlp/rules/test_registry.py``).
``textmine rules`` prints the registry. A rule may also name a *doubt*: the
reason a row decided by it deserves an analyst's look first (``fallback``,
``pronoun``, ``context``, ``imperative``, ``no_doer``, ``sense``), which
becomes the row's ``doubts`` field.

No code compares explanation text: readers return :class:`Reading` values
that hold the :class:`Rule` objects themselves.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["DOUBTS", "FIELDS", "RULES", "Reading", "Registry", "Rule", "rule"]

#: What a rule decides, in the order ``textmine rules`` lists them.
FIELDS: tuple[str, ...] = (
    "sense",
    "context",
    "actor",
    "step",
    "party",
    "recipients",
    "modality",
    "link",
    "negated",
    "voice",
)
#: Why a row may deserve a second look, by the rules that decided it.
DOUBTS: Mapping[str, str] = {
    "fallback": "decided by a rule of last resort",
    "pronoun": "a pronoun resolved to its antecedent",
    "context": "the doer taken from outside the term's own clause",
    "imperative": "an imperative given the document's addressee",
    "no_doer": "no doer found in an active clause",
    "sense": "kept by a sense check that could go either way",
}


@dataclass(frozen=True, eq=False)
class Rule:
    """One named decision of the tagger (see the module docstring); a rule is itself:
    rules compare and hash by identity."""

    name: str
    field: str
    description: str
    example: str
    expect: Mapping[str, Any]
    doubt: str | None = None
    #: The document kind the example is read as (``act``; ``None``: a document of its own),
    #: for rules that hold in one kind of document only.
    kind: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The rule as plain data (``textmine rules --format json``)."""
        out: dict[str, Any] = {
            "name": self.name,
            "field": self.field,
            "description": self.description,
            "example": self.example,
            "expect": dict(self.expect),
        }
        if self.doubt:
            out["doubt"] = self.doubt
        if self.kind:
            out["kind"] = self.kind
        return out


class Registry:
    """Rules by name, in the order they were declared."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def add(self, new: Rule) -> Rule:
        if new.field not in FIELDS:
            raise ValueError(f"rule {new.name}: unknown field {new.field!r}")
        if new.doubt is not None and new.doubt not in DOUBTS:
            raise ValueError(f"rule {new.name}: unknown doubt {new.doubt!r}")
        known = self._rules.get(new.name)
        if known is not None:
            if known.as_dict() != new.as_dict():
                raise ValueError(f"rule {new.name} is declared twice")
            return known
        self._rules[new.name] = new
        return new

    def __getitem__(self, name: str) -> Rule:
        return self._rules[name]

    def __contains__(self, name: object) -> bool:
        return name in self._rules

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def by_field(self, name: str) -> list[Rule]:
        return [r for r in self._rules.values() if r.field == name]


#: Every rule of the tagger (filled as :mod:`textmine.nlp.rules` modules are imported).
RULES = Registry()


def rule(
    name: str,
    field: str,
    description: str,
    *,
    example: str,
    expect: Mapping[str, Any],
    doubt: str | None = None,
    kind: str | None = None,
) -> Rule:
    """Declare a rule in :data:`RULES` and return it."""
    return RULES.add(Rule(name, field, description, example, dict(expect), doubt, kind))


@dataclass(frozen=True)
class Reading:
    """A value read from the parse, with the rule that decided it.

    ``via`` holds the rules of the steps or links taken first (``step.conj``,
    ``link.xcomp``), ``party`` the rule that read the deciding noun phrase as
    a party, ``token`` the word the value was read from.
    """

    value: Any
    rule: Rule
    via: tuple[Rule, ...] = ()
    party: Rule | None = None
    token: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def rules(self) -> list[Rule]:
        """Every rule behind this reading."""
        return [self.rule, *self.via, *([self.party] if self.party else [])]

    def explain(self) -> dict[str, Any]:
        """The reading for ``--explain``: rule names, never prose to be matched."""
        out: dict[str, Any] = {"rule": self.rule.name}
        if self.via:
            out["via"] = [r.name for r in self.via]
        if self.party is not None:
            out["party"] = self.party.name
        if self.token is not None:
            out["token"] = self.token
        out.update(self.extra)
        return out
