"""Tests of textmine/measure/harmonise.py."""

from __future__ import annotations

from tests.measure.factory import frame, occ
from textmine.measure.harmonise import harmonisation_hints, suggested_wording


def test_hints_name_the_strongest_term_already_used() -> None:
    rows = frame(
        occ("s.1", "inform", ["parent"]),
        occ("s.2", "inform", ["parent"], text="informed"),
        occ("s.2", "consult", ["parent"], modality="may"),
        occ("s.3", "have regard to", ["parent"], modality="should"),
        occ("s.4", "cooperate", ["parent"], negated=True),  # negated: not a candidate
        occ("s.5", "notify", ["education"]),  # one term only: no hint
    )
    hints = harmonisation_hints(rows)
    assert hints["relation"].tolist() == ["local_authority -> parent"]
    hint = hints.iloc[0]
    assert hint["measure_id"] == "harmonisation.local_authority.parent"
    assert (hint["n"], hint["n_terms"]) == (5, 4)
    assert [(v["term"], v["n"], v["level"]) for v in hint["variants"]] == [
        ("inform", 2, 1),
        ("consult", 1, 2),
        ("cooperate", 1, 4),
        ("have regard to", 1, 2),
    ]
    assert hint["variants"][0]["texts"] == ["inform", "informed"]
    assert hint["variants"][0]["provisions"] == ["act:s.1", "act:s.2"]
    assert hint["variants"][2]["n_negated"] == 1
    # consult and have regard to tie on level 2 and count 1: alphabetical.
    assert (hint["strongest_term"], hint["strongest_level"]) == ("consult", 2)
    assert hint["suggested_modal"] == "must"
    assert hint["suggested_wording"] == "the local authority must consult the parent"
    assert hint["provisions"] == ["act:s.1", "act:s.2", "act:s.3", "act:s.4"]


def test_frequency_breaks_level_ties() -> None:
    rows = frame(
        occ("s.1", "consider", ["child"], modality="may"),
        occ("s.2", "have regard to", ["child"], modality="may"),
        occ("s.3", "have regard to", ["child"], modality="may"),
    )
    hint = harmonisation_hints(rows).iloc[0]
    assert hint["strongest_term"] == "have regard to"
    assert (
        hint["suggested_wording"] == "the local authority may have regard to the views of the child"
    )


def test_all_negated_and_no_recipient() -> None:
    rows = frame(
        occ("s.1", "notify", [], actor="unspecified", negated=True, modality="none"),
        occ("s.2", "inform", [], actor="unspecified", negated=True, modality="none"),
    )
    assert harmonisation_hints(rows).empty  # no named recipient: no hint by default
    hint = harmonisation_hints(rows, named_only=False).iloc[0]
    assert hint["strongest_term"] == "inform"  # level tie, count tie: alphabetical
    assert hint["suggested_modal"] == "none"
    assert hint["suggested_wording"] == "[who?] inform"


def test_suggested_wording_frames() -> None:
    assert suggested_wording("education", "local_authority", "cooperate", "must") == (
        "the school or setting must co-operate with the local authority"
    )
    assert suggested_wording("tribunal", "young_person", "signpost", "should") == (
        "the Tribunal should signpost the young person"
    )


def test_no_variants_gives_empty_table() -> None:
    assert harmonisation_hints(frame(occ("s.1", "inform", ["parent"]))).empty
