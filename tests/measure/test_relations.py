"""Tests of textmine/measure/relations.py against hand-computed values."""

from __future__ import annotations

import math

import pytest

from tests.measure.factory import frame, occ
from textmine.measure.relations import (
    explode_relations,
    normalised_entropy,
    relation_summary,
    relation_terms,
)


@pytest.fixture(scope="module")
def rows():  # type: ignore[no-untyped-def]
    # local_authority -> parent: inform x2, consult x1, have regard to x1 (a 2:1:1 split),
    # levels 1, 1, 2, 2; modals must, must, may, should.
    return frame(
        occ("s.1", "inform", ["parent"]),
        occ("s.2", "inform", ["parent", "young_person"], text="notify", level=1),
        occ("s.2", "consult", ["parent"], modality="may"),
        occ("s.3", "have regard to", ["parent"], modality="should"),
        occ("s.4", "notify", [], actor="unspecified", voice="passive", negated=True),
        occ("s.4", "consider", [], actor="unspecified", voice="active", modality="none"),
    )


def test_explode_relations_one_row_per_recipient(rows) -> None:  # type: ignore[no-untyped-def]
    rel = explode_relations(rows)
    assert rel["relation"].tolist() == [
        "local_authority -> parent",
        "local_authority -> parent",
        "local_authority -> young_person",
        "local_authority -> parent",
        "local_authority -> parent",
        "unspecified -> none",
        "unspecified -> none",
    ]
    assert rel["occurrence"].tolist() == [0, 1, 1, 2, 3, 4, 5]
    assert rel["agentless"].tolist() == [False] * 5 + [True, False]


def test_entropy_of_a_2_1_1_split() -> None:
    # H = -(1/2 ln 1/2 + 2 * 1/4 ln 1/4) = 1.5 ln 2
    h = 1.5 * math.log(2)
    assert normalised_entropy([2, 1, 1], 15) == pytest.approx(h / math.log(15))
    assert normalised_entropy([2, 1, 1], 3) == pytest.approx(0.946394630357186)
    assert normalised_entropy([5], 15) == 0.0
    assert normalised_entropy([3, 3], 2) == pytest.approx(1.0)
    assert normalised_entropy([], 15) == 0.0


def test_relation_summary_hand_computed(rows) -> None:  # type: ignore[no-untyped-def]
    summary = relation_summary(rows)
    assert summary["relation"].tolist() == [
        "local_authority -> parent",
        "unspecified -> none",
        "local_authority -> young_person",
    ]
    parent = summary.iloc[0]
    assert parent["measure_id"] == "relations.local_authority.parent"
    assert parent["n"] == 4
    assert parent["n_provisions"] == 3
    assert parent["terms"] == {"inform": 2, "consult": 1, "have regard to": 1}
    assert parent["n_terms"] == 3
    assert parent["term_entropy"] == pytest.approx(1.5 * math.log(2) / math.log(15))
    assert parent["term_entropy"] == pytest.approx(0.38393, abs=1e-5)
    assert parent["term_evenness"] == pytest.approx(0.946394630357186)
    assert parent["level_mean"] == 1.5
    assert parent["level_sd"] == 0.5
    assert (parent["level_min"], parent["level_max"]) == (1, 2)
    assert parent["level_spread"] == 0.25
    assert (parent["share_strong"], parent["share_medium"], parent["share_weak"]) == (
        0.5,
        0.25,
        0.25,
    )
    assert parent["share_none"] == 0.0
    # H(1/2, 1/4, 1/4) / ln 4 = 1.5 ln 2 / 2 ln 2
    assert parent["modality_spread"] == pytest.approx(0.75)
    assert parent["n_agentless_passive"] == 0
    assert parent["occurrences"] == [0, 1, 2, 3]
    assert parent["provisions"] == ["act:s.1", "act:s.2", "act:s.3"]

    unnamed = summary.iloc[1]
    assert unnamed["terms"] == {"consider": 1, "notify": 1}
    assert unnamed["n_agentless_passive"] == 1
    assert unnamed["share_agentless_passive"] == 0.5
    assert unnamed["n_negated"] == 1
    assert unnamed["share_negated"] == 0.5
    assert unnamed["level_mean"] == 1.5
    assert unnamed["share_strong"] == 0.5
    assert unnamed["share_none"] == 0.5
    assert unnamed["modality_spread"] == pytest.approx(0.5)  # ln 2 / ln 4


def test_relation_summary_counts_terms_outside_the_contract() -> None:
    extra = frame(occ("s.9", "inform", ["child"]), occ("s.9", "signpost", ["child"], level=1))
    summary = relation_summary(extra)
    # K = 15 canonical + 1 project term; H = ln 2
    assert summary.iloc[0]["term_entropy"] == pytest.approx(math.log(2) / math.log(16))


def test_relation_terms_long_table(rows) -> None:  # type: ignore[no-untyped-def]
    terms = relation_terms(rows)
    parent = terms[terms["relation"] == "local_authority -> parent"]
    assert parent["term"].tolist() == ["inform", "consult", "have regard to"]
    assert parent["n"].tolist() == [2, 1, 1]
    assert parent["share"].tolist() == [0.5, 0.25, 0.25]
    first = parent.iloc[0]
    assert first["texts"] == {"inform": 1, "notify": 1}
    assert first["modalities"] == {"must": 2}
    assert first["provisions"] == ["act:s.1", "act:s.2"]


def test_empty_rows_give_empty_tables() -> None:
    empty = frame(occ("s.1", "inform", ["parent"])).iloc[0:0]
    assert relation_summary(empty).empty
    assert relation_terms(empty).empty


def test_binding_share_and_difference_between_two_documents() -> None:
    from textmine.measure.relations import relation_difference, relation_summary

    rows = frame(
        occ("s.1", "consult", ["parent"]),
        occ("s.2", "involve", ["parent"], negated=True),
        occ("s.3", "inform", ["health"], modality="may"),
        occ("1.1", "inform", ["parent"], doc="code", modality="should"),
        occ("1.2", "consult", ["child"], doc="code"),
    )
    summary = relation_summary(rows)
    parent = summary[(summary["doc"] == "act") & (summary["recipient"] == "parent")].iloc[0]
    assert (parent["n_binding"], parent["share_binding"]) == (1, 0.5)  # the negated must is not
    diff = relation_difference(summary, "act", "code")
    assert diff["relation"].tolist() == [
        "local_authority -> parent",
        "local_authority -> child",
        "local_authority -> health",
    ]
    first = diff.iloc[0]
    assert (first["n_a"], first["n_b"]) == (2, 1)
    assert first["level_mean_a"] == 2.5 and first["level_mean_b"] == 1.0
    assert first["level_difference"] == -1.5
    assert first["binding_difference"] == -0.5
    assert first["provisions_a"] == ["act:s.1", "act:s.2"]
    child = diff.iloc[1]
    assert child["n_a"] == 0 and math.isnan(child["level_difference"])
