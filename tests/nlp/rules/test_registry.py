"""Every rule of the registry: its example tags as it says, and ``--explain`` names it.

The registry (textmine/nlp/rules/registry.py) is filled as the rule modules
are imported; the component imports them all.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.nlp.helpers import read_as
from textmine.nlp import component  # noqa: F401  (registers every rule)
from textmine.nlp.rules.registry import DOUBTS, FIELDS, RULES, Rule


def _names(explain: Any) -> set[str]:
    """Every rule name an explanation holds."""
    found: set[str] = set()
    if isinstance(explain, dict):
        for key, value in explain.items():
            if key in ("rule", "party") and isinstance(value, str):
                found.update(part.strip() for part in value.split(","))
            elif key == "via" and isinstance(value, list):
                found.update(value)
            else:
                found |= _names(value)
    return found


def test_the_registry_is_full_and_well_formed() -> None:
    rules = list(RULES)
    assert len(rules) >= 80
    assert len({r.name for r in rules}) == len(rules)
    prefix = {"negated": "negation"}
    for rule in rules:
        assert rule.field in FIELDS and rule.name.split(".")[0] == prefix.get(
            rule.field, rule.field
        )
        assert rule.description.endswith(".") and rule.example and "text" in rule.expect
        assert rule.doubt is None or rule.doubt in DOUBTS


@pytest.mark.slow
@pytest.mark.parametrize("rule", list(RULES), ids=lambda r: r.name)
def test_each_rules_example(nlp: Any, rule: Rule) -> None:
    doc = read_as(nlp, rule.example, rule.kind)
    expect = dict(rule.expect)
    text = expect.pop("text")
    nth = expect.pop("nth", 0)  # which occurrence of the text the example is about
    found = [s for s in doc.spans["partnership"] if s.text == text][nth:]
    if expect.pop("absent", False):
        assert not found, f"{rule.name}: {text!r} should not be an occurrence"
        return
    assert found, f"{rule.name}: no occurrence {text!r} in {rule.example!r}"
    span = found[0]
    for field, value in expect.items():
        got = getattr(span._, field)
        if field == "recipients":
            got, value = sorted(got), sorted(value)
        assert got == value, f"{rule.name}: {field} {got!r}, expected {value!r}"
    if rule.field == "sense":  # a check the occurrence passed: named with its pattern
        assert rule.name.split(".", 1)[1] in span._.rule["term"]["constraint"]
    else:
        assert rule.name in _names(span._.rule), f"{rule.name} not in {span._.rule}"
