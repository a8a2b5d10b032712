"""Tests of textmine/measure/asymmetry.py: hand-computed differences and exact permutation p."""

from __future__ import annotations

import math

import pytest

from tests.measure.factory import frame, occ
from textmine.measure.asymmetry import asymmetry, asymmetry_by_group, measure_id
from textmine.settings import Settings

SETTINGS = Settings(n_bootstrap=500, n_permutations=2000)


@pytest.fixture(scope="module")
def rows():  # type: ignore[no-untyped-def]
    # Family: levels 1, 2, 1; binding: yes, no (may), no (negated).
    # Professional: levels 4, 2; binding: yes, no (should).
    return frame(
        occ("s.1", "inform", ["parent"], part="Part 1"),
        occ("s.2", "consider", ["child"], modality="may", part="Part 1"),
        occ("s.3", "inform", ["parent"], negated=True, part="Part 2"),
        occ("s.4", "cooperate", ["education"], part="Part 2"),
        occ("s.5", "consult", ["health"], modality="should", part="Part 2"),
        # another actor: left out unless actor=None
        occ("s.6", "coproduce", ["parent"], actor="health"),
        occ("s.6", "inform", ["social_care"], actor="health"),
    )


def test_overall_hand_computed(rows) -> None:  # type: ignore[no-untyped-def]
    table = asymmetry(rows, settings=SETTINGS)
    assert table["metric"].tolist() == ["mean_level", "binding_share"]
    assert set(table["measure_id"]) == {"asymmetry.local_authority.family_vs_professional"}
    level, strong = table.iloc[0], table.iloc[1]
    assert level["family"] == pytest.approx(4 / 3)
    assert level["professional"] == 3.0
    assert level["difference"] == pytest.approx(-5 / 3)
    assert (level["n_family"], level["n_professional"]) == (3, 2)
    assert level["family_detail"] == {"1": 2, "2": 1}
    assert level["professional_detail"] == {"2": 1, "4": 1}
    assert level["family_provisions"] == ["act:s.1", "act:s.2", "act:s.3"]
    assert level["professional_provisions"] == ["act:s.4", "act:s.5"]
    assert strong["family"] == pytest.approx(1 / 3)
    assert strong["professional"] == 0.5
    assert strong["difference"] == pytest.approx(-1 / 6)
    assert strong["family_detail"] == {"binding": 1, "other": 2}
    assert level["reason"] is None


def test_permutation_p_is_the_exact_test(rows) -> None:  # type: ignore[no-untyped-def]
    # Levels {1, 2, 1 | 4, 2}: 10 ways to choose the family three. Family sums 4, 4, 5, 5, 6,
    # 7, 7, 7, 7, 8 give differences (5 S - 30) / 6; the observed S = 4 (-5/3) is matched or
    # exceeded below by 2 of 10 arrangements, so two-sided p = 2 * 2/10.
    level = asymmetry(rows, settings=SETTINGS).iloc[0]
    assert level["p_value"] == pytest.approx(0.4)


def test_bootstrap_interval_is_seeded_and_brackets_the_estimate(rows) -> None:  # type: ignore[no-untyped-def]
    first = asymmetry(rows, settings=SETTINGS)
    again = asymmetry(rows, settings=SETTINGS)
    assert first["ci_low"].tolist() == again["ci_low"].tolist()
    assert first["ci_high"].tolist() == again["ci_high"].tolist()
    for rec in first.to_dict("records"):
        assert rec["ci_low"] <= rec["difference"] <= rec["ci_high"]
    # Resampled family means lie in [1, 2], professional in [2, 4]: difference within [-3, 0].
    level = first.iloc[0]
    assert level["ci_low"] >= -3.0
    assert level["ci_high"] <= 0.0
    other_seed = asymmetry(rows, settings=Settings(seed=1, n_bootstrap=500, n_permutations=2000))
    assert other_seed.iloc[0]["difference"] == level["difference"]


def test_all_actors(rows) -> None:  # type: ignore[no-untyped-def]
    level = asymmetry(rows, actor=None, settings=SETTINGS).iloc[0]
    assert level["measure_id"] == measure_id(None) == "asymmetry.all.family_vs_professional"
    assert (level["n_family"], level["n_professional"]) == (4, 3)
    assert level["family"] == pytest.approx((1 + 2 + 1 + 5) / 4)
    assert level["professional"] == pytest.approx((4 + 2 + 1) / 3)


def test_occurrence_toward_both_groups_counts_in_both() -> None:
    rows = frame(occ("s.1", "consult", ["parent", "education"]), occ("s.2", "inform", ["child"]))
    level = asymmetry(rows, settings=SETTINGS).iloc[0]
    assert (level["n_family"], level["n_professional"]) == (2, 1)


def test_empty_and_small_groups_give_nan_with_reason(rows) -> None:  # type: ignore[no-untyped-def]
    by_part = asymmetry_by_group(rows, settings=SETTINGS)
    assert by_part["group_by"].unique().tolist() == ["part"]
    assert by_part["scope"].tolist() == ["Part 1", "Part 1", "Part 2", "Part 2", "(none)", "(none)"]
    part1 = by_part.iloc[0]
    assert part1["family"] == 1.5
    assert math.isnan(part1["professional"]) and math.isnan(part1["difference"])
    assert part1["reason"] == "no occurrences toward professionals"
    part2 = by_part.iloc[2]
    assert part2["difference"] == -2.0
    assert math.isnan(part2["ci_low"]) and math.isnan(part2["p_value"])
    assert part2["reason"] == "fewer than 2 occurrences in a group: no interval or test"
    none = by_part.iloc[4]  # s.6 has no Part and only the health actor
    assert (none["n_family"], none["n_professional"]) == (0, 0)
    assert none["reason"] == "no occurrences toward families"


def test_group_falls_back_to_chapter() -> None:
    rows = frame(
        occ("1.1", "inform", ["parent"], doc="guide", chapter="1"),
        occ("2.1", "consult", ["education"], doc="guide", chapter="2"),
    )
    by_group = asymmetry_by_group(rows, settings=SETTINGS)
    assert by_group["group_by"].unique().tolist() == ["chapter"]
    assert by_group["scope"].tolist() == ["1", "1", "2", "2"]
    assert asymmetry_by_group(rows.drop(columns="chapter"), settings=SETTINGS).empty


def test_each_doer_with_enough_occurrences_and_all_pooled() -> None:
    # other (the registered person): families levels 1, 2, 2, 1, 1 (binding: yes, no, yes,
    # yes, no); professionals levels 1, 1, 1, 2, 4, 1 (binding: all but the 'may').
    # health: 2 occurrences toward the sides, fewer than 5: no row of its own.
    rows = frame(
        occ("r.1", "inform", ["child"], actor="other"),
        occ("r.2", "consider", ["child"], actor="other", modality="should"),
        occ("r.3", "consult", ["parent"], actor="other"),
        occ("r.4", "notify", ["child"], actor="other"),
        occ("r.5", "inform", ["young_person"], actor="other", negated=True),
        occ("r.6", "notify", ["local_authority"], actor="other"),
        occ("r.7", "notify", ["local_authority"], actor="other"),
        occ("r.8", "inform", ["social_care"], actor="other"),
        occ("r.9", "consult", ["health"], actor="other"),
        occ("r.10", "cooperate", ["education"], actor="other", modality="may"),
        occ("r.11", "advise", ["professional"], actor="other"),
        occ("r.12", "inform", ["parent"], actor="health"),
        occ("r.12", "inform", ["local_authority"], actor="health"),
        occ("r.13", "inform", ["tribunal"], actor="education"),
    )
    table = asymmetry(rows, actor="each", settings=SETTINGS)
    assert table["actor"].tolist() == ["all", "all", "other", "other"]
    pooled, other = table.iloc[0], table.iloc[2]
    assert (pooled["n_family"], pooled["n_professional"]) == (6, 7)
    assert pooled["family"] == pytest.approx((1 + 2 + 2 + 1 + 1 + 1) / 6)
    assert pooled["professional"] == pytest.approx((1 + 1 + 1 + 2 + 4 + 1 + 1) / 7)
    assert (other["n_family"], other["n_professional"]) == (5, 6)
    assert other["measure_id"] == "asymmetry.other.family_vs_professional"
    assert other["family"] == pytest.approx(7 / 5)
    assert other["professional"] == pytest.approx(10 / 6)
    assert other["difference"] == pytest.approx(7 / 5 - 10 / 6)
    assert bool(other["reliable"]) and other["note"] is None
    binding = table.iloc[3]
    assert binding["metric"] == "binding_share"
    assert binding["family"] == pytest.approx(3 / 5)
    assert binding["professional"] == pytest.approx(5 / 6)
    assert binding["family_detail"] == {"binding": 3, "other": 2}


def test_the_sides_are_data() -> None:
    rows = frame(
        occ("r.1", "inform", ["child"], actor="other"),
        occ("r.2", "consult", ["other"], actor="local_authority"),
    )
    table = asymmetry(rows, actor=None, settings=SETTINGS, family={"child"}, professional={"other"})
    level = table.iloc[0]
    assert (level["n_family"], level["n_professional"]) == (1, 1)
    assert level["difference"] == -1.0
    assert not level["reliable"]
    assert level["note"] == (
        "fewer than 5 occurrences toward families (n = 1); "
        "fewer than 5 occurrences toward professionals (n = 1)"
    )
