"""The registry of the tagger's rules, complete and listed (``textmine rules``).

Importing this module imports every rule module, so :data:`RULES` holds every
rule the tagger can name.
"""

from __future__ import annotations

from textmine.nlp import component  # noqa: F401  (imports every rule module)
from textmine.nlp.rules.registry import FIELDS, RULES, Rule

__all__ = ["rules_text", "selected_rules"]


def selected_rules(field: str | None = None) -> list[Rule]:
    """Every rule, by field in :data:`~textmine.nlp.rules.registry.FIELDS` order, then in the
    order the readers try them; only those deciding ``field`` when given."""
    if field is not None and field not in FIELDS:
        raise ValueError(f"unknown field {field!r} (one of {', '.join(FIELDS)})")
    fields = [field] if field is not None else list(FIELDS)
    return [r for f in fields for r in RULES.by_field(f)]


def rules_text(rules: list[Rule]) -> str:
    """The rules for reading: name and field, description, example and what it gives."""
    lines: list[str] = []
    for rule in rules:
        expect = dict(rule.expect)
        text = expect.pop("text")
        nth = expect.pop("nth", 0)
        if nth:  # the example holds the text more than once
            text = f"{text} (occurrence {nth + 1})"
        gives = (
            "no occurrence"
            if expect.pop("absent", False)
            else ", ".join(f"{k} {v}" for k, v in expect.items())
        )
        lines.append(
            f"{rule.name}  [{rule.field}]" + (f"  doubt: {rule.doubt}" if rule.doubt else "")
        )
        lines.append(f"    {rule.description}")
        lines.append(f"    e.g. {rule.example!r}")
        lines.append(f"    -> {text!r}: {gives}")
        lines.append("")
    return "\n".join(lines)
