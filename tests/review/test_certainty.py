"""The review order (textmine/review/certainty.py)."""

from __future__ import annotations

from textmine.review.certainty import DOUBTS, doubts_of, review_order, rule_of


def test_most_doubts_first_then_rarer_rules_then_document_order() -> None:
    def row(rule: str, doubts: list[str] | None = None) -> dict[str, object]:
        out: dict[str, object] = {"explain": {"actor": {"rule": rule}}}
        if doubts is not None:
            out["doubts"] = doubts
        return out

    rows = [
        row("nsubj (alias)"),  # nsubj decides 3 rows
        row("nsubj (pronoun 'they')", ["pronoun"]),
        row("agentless passive"),  # 2 rows
        row("nsubj (alias)"),
        row("lead-in subject (alias)", ["context", "fallback"]),
        row("agentless passive", []),
        row("object-control (alias)"),  # 1 row
    ]
    assert [rule_of(r) for r in rows[:3]] == ["nsubj", "nsubj", "agentless passive"]
    # doubts 2, 1; then object-control (1 row), agentless (2), nsubj (3 rows) in order
    assert review_order(rows) == [5, 1, 3, 6, 0, 4, 2]
    assert doubts_of(rows[0]) == [] and doubts_of({"doubts": "sense"}) == ["sense"]


def test_every_doubt_code_of_the_tagger_is_explained() -> None:
    assert set(DOUBTS) == {"fallback", "pronoun", "context", "imperative", "no_doer", "sense"}
