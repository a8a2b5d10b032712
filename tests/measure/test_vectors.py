"""Tests of textmine/measure/vectors.py: term-by-provision counts and near-synonym duties."""

from __future__ import annotations

import pytest

from tests.measure.factory import frame, occ
from textmine.measure.vectors import near_synonyms, provision_texts, term_by_provision

PLAN_CONSULT = "The local authority must consult the parent about the transition plan."
PLAN_INFORM = "The local authority must inform the parent about the transition plan."
FUNDING = "The governing body must co-operate with the health service on funding."


@pytest.fixture(scope="module")
def rows():  # type: ignore[no-untyped-def]
    return frame(
        occ("s.1", "consult", ["parent"], sentence=PLAN_CONSULT),
        occ("s.2", "cooperate", ["health"], actor="education", text="co-operate", sentence=FUNDING),
        occ("s.3", "consult", ["parent"], sentence=PLAN_CONSULT),
        occ("1.1", "inform", ["parent"], doc="guide", sentence=PLAN_INFORM),
    )


def test_term_by_provision_counts() -> None:
    rows = frame(
        occ("s.1", "inform", ["parent"]),
        occ("s.1", "inform", ["child"]),
        occ("s.1", "have regard to", ["child"]),
        occ("s.2", "consult", ["parent"]),
    )
    matrix = term_by_provision(rows)
    assert matrix.index.tolist() == ["act:s.1", "act:s.2"]
    assert matrix.columns.tolist() == ["consult", "have regard to", "inform"]
    assert matrix.to_numpy().tolist() == [[0, 1, 2], [1, 0, 0]]


def test_terms_are_masked_before_comparison(rows) -> None:  # type: ignore[no-untyped-def]
    texts = provision_texts(rows)
    first = texts.iloc[0]
    assert first["text"] == PLAN_CONSULT
    assert first["masked"] == PLAN_CONSULT.replace("consult", " " * 7)
    assert texts.iloc[1]["masked"] == FUNDING.replace("co-operate", " " * 10)


def test_near_synonyms_pairs_same_text_different_terms(rows) -> None:  # type: ignore[no-untyped-def]
    pairs = near_synonyms(rows)
    found = [
        (r["provision_a"], r["provision_b"], r["relation"], r["terms_a"], r["terms_b"])
        for r in pairs.to_dict("records")
    ]
    # s.1 and s.3 use the same term (not reported); s.2 shares nothing with the others.
    assert found == [
        ("act:s.1", "guide:1.1", "local_authority -> parent", ["consult"], ["inform"]),
        ("act:s.3", "guide:1.1", "local_authority -> parent", ["consult"], ["inform"]),
    ]
    assert pairs["similarity"].tolist() == pytest.approx([1.0, 1.0])
    assert pairs.iloc[0]["text_b"] == PLAN_INFORM


def test_threshold_and_small_inputs(rows) -> None:  # type: ignore[no-untyped-def]
    half = frame(
        occ(
            "s.1",
            "consult",
            ["parent"],
            sentence="The authority must consult the parent on transport.",
        ),
        occ(
            "s.2",
            "inform",
            ["parent"],
            sentence="The authority must inform the parent on admissions.",
        ),
    )
    # Masked texts share "authority" and "parent" only: similarity below 0.9.
    assert near_synonyms(half, threshold=0.9).empty
    assert len(near_synonyms(half, threshold=0.1)) == 1
    assert near_synonyms(rows.iloc[:1]).empty
    assert near_synonyms(rows.iloc[0:0]).empty


def test_items_of_one_sentence_are_not_paired() -> None:
    listing = "The authority must (a) consult the parent on the plan, (b) inform the parent on it."
    rows = frame(
        occ("s.1(a)", "consult", ["parent"], sentence=listing),
        occ("s.1(b)", "inform", ["parent"], sentence=listing),
    )
    assert provision_texts(rows)["sentences"].tolist() == [[listing], [listing]]
    assert near_synonyms(rows, threshold=0.0).empty
