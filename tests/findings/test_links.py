"""Links between findings, measure ids and provisions, both ways, by the documented rules."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from textmine.findings.links import (
    check_measure_pattern,
    link,
    measure_ids_from_tables,
    measure_matches,
    provision_matches,
)
from textmine.findings.registry import load_findings

ASYMMETRY = "asymmetry.local_authority.family_vs_professional"
BLOG_RATIO = "boddison-blog-professional-requests-1.4x"
ACT_WORDING = "boddison-blog-act-wording-inform-advise-consider"


@pytest.fixture(scope="module")
def findings():  # type: ignore[no-untyped-def]
    return load_findings()


def test_ids_agree_with_the_measures_module() -> None:
    """The ids the measures actually write are the ids the registry names."""
    from textmine.measure.asymmetry import measure_id as asymmetry_id
    from textmine.measure.divergence import measure_id as divergence_id
    from textmine.measure.index import measure_id as tii_id

    assert asymmetry_id("local_authority") == ASYMMETRY
    assert check_measure_pattern(asymmetry_id(None)) is None
    assert check_measure_pattern(tii_id("cfa2014")) is None
    assert check_measure_pattern(divergence_id("cfa2014", "send_cop")) is None


def test_measure_ids_from_real_measure_tables() -> None:
    from textmine.measure import measure

    def row(
        doc: str, ref: str, term: str, level: int, recipient: str, modal: str, kind: str
    ) -> dict[str, Any]:
        return {
            "doc": doc, "ref": ref, "page": 1, "sentence": f"The authority {modal} {term} them.",
            "start": 0, "end": 1, "text": term, "term": term, "level": level,
            "actor": "local_authority", "actor_text": "The authority", "recipients": [recipient],
            "modality": modal, "negated": False, "voice": "active", "kind": kind, "part": "Part 3",
        }  # fmt: skip

    rows = pd.DataFrame(
        [
            row("cfa2014", "s.36(4)", "consult", 2, "parent", "must", "act"),
            row("cfa2014", "s.36(5)", "inform", 1, "parent", "must", "act"),
            row("cfa2014", "s.25(1)", "cooperate", 4, "education", "must", "act"),
            row("code", "9.14", "inform", 1, "parent", "should", "guidance"),
        ]
    )
    ids = measure_ids_from_tables(measure(rows, actor="local_authority"))
    assert ASYMMETRY in ids
    assert {"relations.local_authority.parent", "relations.local_authority.education"} <= set(ids)
    assert {"tii.cfa2014", "tii.code", "divergence.cfa2014.code"} <= set(ids)
    assert "harmonisation.local_authority.parent" in ids


def test_fallback_ids_for_tables_without_a_measure_id_column() -> None:
    tables = {"relations": pd.DataFrame({"actor": ["local_authority"], "recipient": ["parent"]})}
    assert measure_ids_from_tables(tables) == ["relations.local_authority.parent"]


def test_link_both_ways(findings) -> None:  # type: ignore[no-untyped-def]
    ids = [
        ASYMMETRY,
        "relations.local_authority.parent",
        "relations.local_authority.health",
        "tii.cfa2014",
        "tii.send_cop",
        "divergence.cfa2014.send_cop",
    ]
    links = link(findings, ids)
    assert ASYMMETRY in links.finding_measures[BLOG_RATIO]
    assert "relations.local_authority.parent" in links.finding_measures[BLOG_RATIO]
    assert BLOG_RATIO in links.measure_findings[ASYMMETRY]
    # the pattern tii.* reaches the index of every document
    assert {"tii.cfa2014", "tii.send_cop"} <= set(links.finding_measures[ACT_WORDING])
    assert ACT_WORDING in links.measure_findings["tii.send_cop"]
    # every link is listed in both directions
    for finding_id, measures in links.finding_measures.items():
        for measure_id in measures:
            assert finding_id in links.measure_findings[measure_id]
    for measure_id, finding_ids in links.measure_findings.items():
        for finding_id in finding_ids:
            assert measure_id in links.finding_measures[finding_id]
    # no finding bears on the health relation: it has no entry
    assert "relations.local_authority.health" not in links.measure_findings
    # bears_on entries that matched nothing are reported
    assert links.unmatched[BLOG_RATIO] == (
        "relations.local_authority.young_person",
        "relations.local_authority.education",
    )
    assert set(links.as_dict()) == {
        "finding_measures",
        "measure_findings",
        "finding_provisions",
        "provision_findings",
        "unmatched",
    }


def test_link_to_provisions(findings) -> None:  # type: ignore[no-untyped-def]
    labels = [
        "ukpga_20140006_en:s.36(1)",
        "ukpga_20140006_en:s.36(8)(b)",
        "ukpga_20140006_en:s.3",
        "ukpga_20140006_en:s.19",
        "uksi_20141530_en:reg.13(2)",
        "adoption_guidance:1.30",
    ]
    links = link(findings, [], labels)
    assert links.finding_provisions[BLOG_RATIO] == (
        "ukpga_20140006_en:s.36(1)",
        "ukpga_20140006_en:s.36(8)(b)",
    )
    assert ACT_WORDING in links.provision_findings["ukpga_20140006_en:s.19"]
    assert "sen2-within-20-weeks-latest" in links.provision_findings["uksi_20141530_en:reg.13(2)"]
    assert "adoption_guidance:1.30" not in links.provision_findings
    assert "ukpga_20140006_en:s.3" not in links.provision_findings


@pytest.mark.parametrize(
    ("pattern", "measure_id", "expected"),
    [
        (ASYMMETRY, ASYMMETRY, True),
        (ASYMMETRY, "asymmetry.all.family_vs_professional", False),
        ("tii.*", "tii.cfa2014", True),
        ("relations.local_authority.*", "relations.local_authority.parent", True),
        ("relations.local_authority.*", "relations.health.parent", False),
    ],
)
def test_measure_rule(pattern: str, measure_id: str, expected: bool) -> None:
    assert measure_matches(pattern, measure_id) is expected


@pytest.mark.parametrize(
    ("provision", "label", "expected"),
    [
        ("cfa2014:s.36", "children_and_families_act_2014:s.36(1)(a)", True),
        ("cfa2014:s.36", "cfa2014:s.36", True),
        ("cfa2014:s.36", "cfa2014:s.361", False),
        ("cfa2014:s.3", "cfa2014:s.36", False),
        ("cfa2014:s.36", "uc_act_2025:s.36", False),
        ("send_cop2015:9.1", "send_cop:9.1.2", True),
        ("send_cop2015:9.1", "send_cop:9.14", False),
        ("cfa2014:s.36", "cfa2014", False),
    ],
)
def test_provision_rule(provision: str, label: str, expected: bool) -> None:
    assert provision_matches(provision, label) is expected
