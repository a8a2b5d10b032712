"""How sure the tagger is of a row, and so the order in which an analyst reviews the rows.

The tagger gives each row a list ``doubts`` of short codes saying why it is
less certain (empty when it is sure; a row without the field counts as
sure). :data:`DOUBTS` says what each code means. :func:`review_order` ranks
the rows of a run for the report's "Review" view:

1. most doubts first;
2. then rows decided by the rarer rules of the run first: the rule that chose
   the doer (``explain["actor"]["rule"]``, its name before any bracket), counted
   over the run's rows; a rule that decided few rows here has been tried least
   on these documents;
3. then document order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["DOUBTS", "doubts_of", "review_order", "rule_of"]

#: What each doubt code of the tagger means (``doubts`` field of a row).
DOUBTS: dict[str, str] = {
    "fallback": "the doer was decided by a rule of last resort",
    "pronoun": "the doer or the recipients were read from a pronoun",
    "context": "the doer was taken from outside the term's own clause: a list lead-in, "
    "an earlier sentence or an earlier subsection",
    "imperative": "an imperative was given the document's addressee as its doer",
    "no_doer": "no doer was found although the clause is active",
    "sense": "whether the word is an occurrence at all turned on a check that could go "
    "either way (inform as 'shape', involve as 'entail')",
}


def doubts_of(row: Mapping[str, Any]) -> list[str]:
    """The row's doubt codes (``[]`` when it has none or no ``doubts`` field)."""
    value = row.get("doubts")
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, Sequence):
        return [str(v) for v in value]
    return []


def rule_of(row: Mapping[str, Any]) -> str:
    """The name of the rule that chose the row's doer: ``nsubj`` for ``nsubj (alias)``."""
    explain = row.get("explain")
    actor = explain.get("actor") if isinstance(explain, Mapping) else None
    rule = actor.get("rule") if isinstance(actor, Mapping) else None
    return str(rule).split(" (", 1)[0].split(";", 1)[0].strip() if rule else ""


def review_order(rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """The rank (0 first) of each row in the review order (see the module docstring)."""
    rules = [rule_of(r) for r in rows]
    seen = Counter(rules)
    keys = sorted(
        range(len(rows)),
        key=lambda i: (-len(doubts_of(rows[i])), seen[rules[i]], rules[i], i),
    )
    rank = [0] * len(rows)
    for position, index in enumerate(keys):
        rank[index] = position
    return rank
