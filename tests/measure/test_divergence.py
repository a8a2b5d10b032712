"""Tests of textmine/measure/divergence.py: Jensen-Shannon divergence worked by hand."""

from __future__ import annotations

import math

import pytest

from textmine.measure.divergence import js_divergence, term_divergence


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
