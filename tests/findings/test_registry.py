"""The findings registry: loading, validation errors, and recorded values that cannot drift."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.conftest import SEN2, need
from textmine.errors import InputError
from textmine.findings.computed import fill_computed, recompute
from textmine.findings.registry import SOURCE_TYPES, load_findings
from textmine.findings.stats import compute_stats

VALID = """
[[finding]]
id = "a-finding"
field = "send"
claim = "Something was measured."
value = 1.5
unit = "ratio"
population = "requests"
period = "2025"
source_type = "blog"
citation = "Someone (2025). A post."
how_computed = "By hand."
bears_on = ["asymmetry.local_authority.family_vs_professional"]
caveats = []
"""


@pytest.fixture(scope="module")
def findings():  # type: ignore[no-untyped-def]
    return load_findings()


@pytest.fixture(scope="module")
def full_stats():  # type: ignore[no-untyped-def]
    return compute_stats([need(SEN2)])


def test_shipped_registry_loads(findings) -> None:  # type: ignore[no-untyped-def]
    assert len(findings) == 18
    by_type = {t: [f.id for f in findings if f.source_type == t] for t in SOURCE_TYPES}
    assert len(by_type["blog"]) == 5
    assert len(by_type["peer-reviewed paper"]) == 3
    assert len(by_type["official statistics"]) == 10
    blog = next(f for f in findings if f.id == "boddison-blog-professional-requests-1.4x")
    assert (blog.value, blog.period, blog.counts["local_authorities"]) == (1.4, "2017/18", 122)
    assert blog.comparability_note and "not the same quantity" in blog.comparability_note
    paper = next(f for f in findings if f.id == "boddison-soan-2021-outcome-vs-source")
    assert "doi:10.1111/1471-3802.12545" in paper.citation
    assert "22(2), 91-104" in paper.citation
    assert paper.value is None and paper.unit == "qualitative"
    assert all(f.comparability_note for f in findings)
    assert all(f.is_computed for f in findings if f.source_type == "official statistics")


def test_recorded_values_equal_the_bundled_data(findings) -> None:  # type: ignore[no-untyped-def]
    """Offline (bundled 2025 table): every computed finding it can answer must match exactly."""
    stats = compute_stats()
    checked = 0
    for finding in findings:
        fresh = recompute(finding, stats)
        if fresh is None:
            continue
        checked += 1
        assert fresh.value == finding.recorded_value, finding.id
        assert (fresh.ci_low, fresh.ci_high) == (finding.ci_low, finding.ci_high), finding.id
        assert dict(fresh.counts) == dict(finding.counts), finding.id
    assert checked == 9  # all but the 20-week series, which needs timeliness_20_week.csv


def test_recorded_values_equal_the_published_files(findings, full_stats) -> None:  # type: ignore[no-untyped-def]
    """With every shared SEN2 file: all 10 computed findings recomputed, none drifted."""
    filled = fill_computed(findings, full_stats)
    computed = [f for f in filled if f.is_computed]
    assert len(computed) == 10
    assert all(f.recomputed for f in computed)
    drifted = [(f.id, f.recorded_value, f.value) for f in computed if f.value != f.recorded_value]
    assert drifted == []
    within = next(f for f in filled if f.id == "sen2-within-20-weeks-latest")
    assert (within.value, within.period) == (45.9, "calendar year 2024")
    assert dict(within.counts) == {"numerator": 41448, "denominator": 90392}


def test_fill_keeps_recorded_value_when_the_statistic_is_absent(findings, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.INFO, logger="textmine.findings.computed")
    filled = {f.id: f for f in fill_computed(findings, compute_stats())}
    within = filled["sen2-within-20-weeks-latest"]
    assert within.recomputed is False
    assert within.value == 45.9
    assert "recorded value kept" in caplog.text
    assert filled["sen2-2025-relative-rate-received"].recomputed is True
    assert filled["boddison-blog-professional-requests-1.4x"].recomputed is False


def test_claims_are_rendered_from_the_figures_of_the_run(findings) -> None:  # type: ignore[no-untyped-def]
    by_id = {f.id: f for f in findings}
    family = by_id["sen2-2025-family-agreed-share"]
    assert family.claim.startswith("Local authorities agreed to assess 44.0% of the requests")
    assert "(21,016 of 47,744; calendar year 2025)" in family.claim
    assert "{value}" in family.claim_template
    older = compute_stats([need(SEN2 / "ehcp_2022" / "sen2_mi.csv")])
    refusal = next(f for f in fill_computed(findings, older) if f.id == "sen2-refusal-rate-latest")
    assert refusal.value == 22.3  # 20,830 of 93,302 in 2021, the last year of sen2_mi.csv
    assert refusal.claim.startswith("Local authorities decided not to assess 22.3% of the requests")
    assert "(20,830 of 93,302; calendar year 2021)" in refusal.claim
    assert refusal.recorded_value == 26.6


def test_as_dict_is_plain_data(findings) -> None:  # type: ignore[no-untyped-def]
    data = findings[0].as_dict()
    assert isinstance(data["bears_on"], list) and isinstance(data["counts"], dict)
    assert data["source_file"] == "literature.toml"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ('source_type = "blog"', None),
        (
            'source_type = "newspaper"',
            r"finding 1 \(a-finding\): source_type 'newspaper' is not one of",
        ),
        ("value = 1.5\nci_low = 1.0", "give both ci_low and ci_high"),
        ("value = 1.5\nci_low = 1.6\nci_high = 2.0", "value is outside"),
        ('value = "big"', "value must be a finite number"),
        ('bears_on = ["mood.local_authority"]', "unknown measure 'mood'"),
        ('caveats = []\nprovisions = ["cfa:s.1"]', "unknown instrument 'cfa'"),
        ('caveats = []\ncolour = "red"', "unknown field"),
        ('id = "A Finding"', "id must be lower case"),
        ('url = "www.example.org"', "is not an http"),
    ],
)
def test_validation_errors_name_file_and_record(
    tmp_path: Path, change: str, message: str | None
) -> None:
    key = change.split(" ")[0]
    lines = [ln for ln in VALID.splitlines() if not ln.startswith(f"{key} ")]
    path = tmp_path / "bad.toml"
    path.write_text("\n".join(lines) + "\n" + change + "\n", encoding="utf-8")
    if message is None:
        assert load_findings(path)[0].id == "a-finding"
        return
    with pytest.raises(InputError, match=message) as info:
        load_findings(path)
    assert str(info.value).startswith(f"{path}: finding 1 (")


def test_missing_fields_duplicate_ids_and_bad_toml(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(VALID, encoding="utf-8")
    (tmp_path / "b.toml").write_text(VALID, encoding="utf-8")
    with pytest.raises(InputError, match=r"b\.toml: finding 'a-finding': id already used in"):
        load_findings(tmp_path)
    short = tmp_path / "short.toml"
    short.write_text('[[finding]]\nid = "x"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"finding 1 \(x\): missing field\(s\) claim, unit"):
        load_findings(short)
    broken = tmp_path / "broken.toml"
    broken.write_text("[[finding]\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid TOML"):
        load_findings(broken)
    qualitative = tmp_path / "q.toml"
    qualitative.write_text(VALID.replace("value = 1.5\n", ""), encoding="utf-8")
    with pytest.raises(InputError, match="value is required unless unit is 'qualitative'"):
        load_findings(qualitative)


def test_only_official_statistics_can_be_computed(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        VALID + '[finding.computed]\nstatistic = "by_source"\nfield = "assess_pc"\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="only official statistics can be computed"):
        load_findings(path)
    path.write_text(
        VALID + '[finding.computed]\nstatistic = "gossip"\nfield = "x"\n', encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"computed\.statistic must be one of"):
        load_findings(path)
    official = VALID.replace('"blog"', '"official statistics"').replace(
        'claim = "Something was measured."', 'claim = "It was {value}% of {received:,}."'
    )
    path.write_text(
        official + '[finding.computed]\nstatistic = "by_source"\nfield = "assess_pc"\n',
        encoding="utf-8",
    )
    with pytest.raises(
        InputError, match=r"claim placeholder cannot be filled \(KeyError\('received'\)\)"
    ):
        load_findings(path)
    path.write_text(
        official
        + "counts = { received = 1200 }\n"
        + '[finding.computed]\nstatistic = "by_source"\nfield = "assess_pc"\n',
        encoding="utf-8",
    )
    assert load_findings(path)[0].claim == "It was 1.5% of 1,200."
