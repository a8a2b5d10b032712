"""Tests of textmine/measure/divergence.py: Jensen-Shannon divergence worked by hand."""

from __future__ import annotations

import math

import pytest

from tests.measure.factory import frame, occ
from textmine.measure.divergence import js_divergence, term_divergence


@pytest.fixture(scope="module")
def act():  # type: ignore[no-untyped-def]
    return frame(
        occ("s.19(1)", "have regard to", ["parent"]),  # strength 4*2+3 = 11
        occ("s.19(2)", "consult", ["parent"]),  # 11
        occ("s.20", "inform", ["education"]),  # 7
    )


@pytest.fixture(scope="module")
def guide():  # type: ignore[no-untyped-def]
    g = "guide"
    return frame(
        occ(
            "1.1",
            "consult",
            ["parent"],
            doc=g,
            modality="should",
            sentence="Section 19 means the local authority should consult parents.",
        ),  # 10
        occ(
            "1.2",
            "inform",
            ["education"],
            doc=g,
            actor="unspecified",
            voice="passive",
            text="informed",
            sentence="Under sections 19 and 20 schools must be informed.",
        ),  # 7
        occ("1.3", "involve", ["young_person"], doc=g),  # 15
        occ("1.4", "cooperate", ["education"], doc=g),  # 19
        occ(
            "1.5",
            "inform",
            ["parent"],
            doc=g,
            modality="may",
            sentence="Under section 17 of the Children Act 1989 it may inform parents.",
        ),  # 5
    )


def test_js_divergence_by_hand() -> None:
    # P = (1/2, 1/2), Q = (1, 0), M = (3/4, 1/4):
    # KL(P||M) = 1/2 log2(2/3) + 1/2 log2 2, KL(Q||M) = log2(4/3); JSD = the mean.
    expected = 0.5 * (0.5 * math.log2(2 / 3) + 0.5 + math.log2(4 / 3))
    assert js_divergence({"inform": 1, "consult": 1}, {"inform": 1}) == pytest.approx(expected)
    assert expected == pytest.approx(0.311278, abs=1e-6)
    assert js_divergence({"inform": 3}, {"consult": 2}) == pytest.approx(1.0)
    assert js_divergence({"inform": 2, "consult": 1}, {"inform": 4, "consult": 2}) == pytest.approx(
        0.0
    )
    assert math.isnan(js_divergence({}, {"inform": 1}))


def test_term_divergence_per_relation_and_overall(act, guide) -> None:  # type: ignore[no-untyped-def]
    table = term_divergence(act, guide)
    overall = table.iloc[0]
    assert overall["relation"] == "all"
    assert overall["measure_id"] == "divergence.act.guide"
    assert (overall["n_a"], overall["n_b"]) == (3, 5)
    # P = (1/3, 1/3, 1/3, 0, 0), Q = (0, 1/5, 2/5, 1/5, 1/5) over
    # (have regard to, consult, inform, involve, cooperate); JSD worked by hand = 0.381007.
    assert overall["js_divergence"] == pytest.approx(0.381007, abs=1e-6)
    assert overall["only_in_a"] == ["have regard to"]
    assert overall["only_in_b"] == ["cooperate", "involve"]
    parent = table.set_index("relation").loc["local_authority -> parent"]
    # {have regard to, consult} vs {consult, inform}: each KL to M is 1/2 bit.
    assert parent["js_divergence"] == pytest.approx(0.5)
    assert parent["terms_a"] == {"have regard to": 1, "consult": 1}
    assert parent["provisions_a"] == ["act:s.19(1)", "act:s.19(2)"]
    assert parent["provisions_b"] == ["guide:1.1", "guide:1.5"]
    young = table.set_index("relation").loc["local_authority -> young_person"]
    assert math.isnan(young["js_divergence"])
    assert young["reason"] == "relation absent in act"
    assert young["only_in_b"] == ["involve"]
