"""Tests of textmine/measure/index.py: the TII worked by hand."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.measure.factory import frame, occ
from textmine.measure.frame import TERM_LEVELS
from textmine.measure.index import terminology_inconsistency_index
from textmine.measure.relations import relation_summary


@pytest.fixture(scope="module")
def rows():  # type: ignore[no-untyped-def]
    return frame(
        # local_authority -> parent (n 4): terms 2:1:1, levels 1,1,2,2, modals must,must,may,should
        occ("s.1", "inform", ["parent"]),
        occ("s.2", "inform", ["parent", "young_person"]),
        occ("s.2", "consult", ["parent"], modality="may"),
        occ("s.3", "have regard to", ["parent"], modality="should"),
        # unspecified -> none (n 2): terms 1:1, levels 1,2, modals must, none
        occ("s.4", "notify", [], actor="unspecified", voice="passive"),
        occ("s.4", "consider", [], actor="unspecified", modality="none"),
        # local_authority -> young_person (n 1): all components 0
        occ("s.9", "coproduce", ["child"], doc="other"),
    )


def test_tii_by_hand(rows) -> None:  # type: ignore[no-untyped-def]
    tii = terminology_inconsistency_index(rows)
    assert tii["doc"].tolist() == ["act", "other"]
    act = tii.iloc[0]
    ln2, ln15 = math.log(2), math.log(15)
    # E = (4 * 1.5 ln2/ln15 + 2 * ln2/ln15 + 1 * 0) / 7 = 8 ln2 / (7 ln15)
    e = 8 * ln2 / (7 * ln15)
    level = (4 * 0.25 + 2 * 0.25) / 7
    modal = (4 * 0.75 + 2 * 0.5) / 7
    assert act["term_entropy"] == pytest.approx(e)
    assert act["level_spread"] == pytest.approx(level)
    assert act["modality_spread"] == pytest.approx(modal)
    assert act["tii"] == pytest.approx((e + level + modal) / 3)
    assert act["tii"] == pytest.approx(0.359412, abs=1e-6)
    assert act["measure_id"] == "tii.act"
    assert (act["n_occurrences"], act["n_relation_occurrences"]) == (6, 7)
    assert (act["n_relations"], act["n_relations_multi_term"], act["n_provisions"]) == (3, 2, 4)
    contributions = act["contributions"]
    assert list(contributions) == ["local_authority -> parent", "unspecified -> none"]
    assert contributions["local_authority -> parent"] == pytest.approx(
        4 / 7 * (1.5 * ln2 / ln15 + 0.25 + 0.75) / 3
    )
    assert sum(contributions.values()) == pytest.approx(act["tii"])
    other = tii.iloc[1]
    assert other["tii"] == 0.0
    assert other["contributions"] == {}


def test_precomputed_relations_give_the_same_index(rows) -> None:  # type: ignore[no-untyped-def]
    direct = terminology_inconsistency_index(rows)
    reused = terminology_inconsistency_index(rows, relations=relation_summary(rows))
    assert direct["tii"].tolist() == reused["tii"].tolist()


_TERMS = sorted(TERM_LEVELS)
_GROUPS = ["parent", "child", "education", "health", "other"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_TERMS),
            st.sampled_from(["local_authority", "education", "unspecified"]),
            st.lists(st.sampled_from(_GROUPS), max_size=2),
            st.sampled_from(["must", "should", "may", "none", "need"]),
            st.booleans(),
        ),
        min_size=1,
        max_size=25,
    )
)
def test_index_and_components_stay_in_0_1(
    draws: list[tuple[str, str, list[str], str, bool]],
) -> None:
    rows = frame(
        *(
            occ(f"s.{i % 5}", term, recipients, actor=actor, modality=modal, negated=neg)
            for i, (term, actor, recipients, modal, neg) in enumerate(draws)
        )
    )
    rec = terminology_inconsistency_index(rows).iloc[0]
    for column in ("tii", "term_entropy", "level_spread", "modality_spread"):
        assert 0.0 <= rec[column] <= 1.0
    assert sum(rec["contributions"].values()) == pytest.approx(rec["tii"])
