"""Tests of textmine/measure/tables.py and the `textmine measure` command."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from tests.measure.factory import frame, occ
from textmine.cli import cli
from textmine.errors import InputError, OutputError
from textmine.measure import (
    DEFINITIONS,
    MeasureTables,
    choose_pair,
    measure,
    summarise,
    write_tables,
)
from textmine.settings import Settings

SETTINGS = Settings(n_bootstrap=300, n_permutations=1000)
NAMES = [
    "relations",
    "relation_terms",
    "asymmetry",
    "asymmetry_by_part",
    "divergence",
    "divergence_strength",
    "relations_difference",
    "harmonisation",
    "tii",
    "near_synonyms",
]


def _act() -> pd.DataFrame:
    return frame(
        occ("s.1", "inform", ["parent"], kind="act", part="Part 1"),
        occ("s.2", "consult", ["parent", "education"], modality="may", kind="act", part="Part 1"),
        occ("s.3", "have regard to", ["child"], kind="act", part="Part 2"),
        occ("s.3", "cooperate", ["health"], kind="act", part="Part 2"),
        occ("s.4", "notify", [], actor="unspecified", voice="passive", kind="act", part="Part 2"),
    )


def _guide() -> pd.DataFrame:
    return frame(
        occ(
            "1.1",
            "inform",
            ["parent"],
            doc="guide",
            modality="should",
            kind="guidance",
            sentence="Under section 1, the local authority should inform parents.",
        ),
        occ("1.2", "consult", ["education"], doc="guide", kind="guidance"),
    )


@pytest.fixture(scope="module")
def tables() -> MeasureTables:
    return measure(pd.concat([_guide(), _act()], ignore_index=True), settings=SETTINGS)


def test_measure_returns_every_table(tables: MeasureTables) -> None:
    assert tables.names() == NAMES
    assert tables.pair == ("act", "guide")  # the act is side A even when listed second
    assert tables.tii["doc"].tolist() == ["guide", "act"]
    assert len(tables.asymmetry) == 4
    assert tables.divergence.iloc[0]["relation"] == "all"
    assert tables.divergence_strength["direction"].tolist() == ["weaker", "stronger"]
    assert tables.harmonisation["relation"].tolist() == ["local_authority -> parent"]
    # The factory's sentences differ only in the masked term and the modal (a stop word).
    pairs = tables.near_synonyms[["provision_a", "provision_b", "relation", "similarity"]]
    assert pairs.to_dict("records") == [
        {
            "provision_a": "act:s.1",
            "provision_b": "act:s.2",
            "relation": "local_authority -> parent",
            "similarity": pytest.approx(1.0),
        }
    ]


def test_other_frame_is_the_second_side() -> None:
    tables = measure(_act(), other=_guide(), settings=SETTINGS)
    assert tables.pair == ("act", "guide")
    assert set(tables.relations["doc"]) == {"act", "guide"}


def test_choose_pair() -> None:
    assert choose_pair(_act()) is None
    assert choose_pair(pd.concat([_act(), _guide()])) == ("act", "guide")
    plain = pd.concat([_guide(), _act()]).drop(columns="kind")
    assert choose_pair(plain) == ("guide", "act")  # no kinds: order of appearance
    two_guides = pd.concat([_guide(), _guide().assign(doc="guide2")])
    assert choose_pair(two_guides) == ("guide", "guide2")


def test_explicit_pair_and_unknown_document() -> None:
    both = pd.concat([_act(), _guide()])
    assert measure(both, pair=("guide", "act"), settings=SETTINGS).pair == ("guide", "act")
    with pytest.raises(InputError, match="no rows for document"):
        measure(both, pair=("act", "code"), settings=SETTINGS)


def test_single_document_has_empty_divergence_tables() -> None:
    tables = measure(_act(), settings=SETTINGS)
    assert tables.pair is None
    assert tables.divergence.empty and "js_divergence" in tables.divergence.columns
    assert tables.divergence_strength.empty


def test_empty_rows_give_empty_tables() -> None:
    tables = measure(_act().iloc[0:0], settings=SETTINGS)
    assert all(table.empty for _, table in tables.items())


def test_definitions_cover_every_table_and_the_tii() -> None:
    for name in [*NAMES, "tii", "term_entropy", "js_divergence", "strength"]:
        assert DEFINITIONS[name]
    assert "(E + L + M) / 3" in DEFINITIONS["tii"]


def test_write_tables(tables: MeasureTables, tmp_path: Path) -> None:
    written = write_tables(tables, tmp_path / "out")
    assert sorted(p.name for p in written) == sorted(
        f"{n}.{e}" for n in NAMES for e in ("csv", "json")
    )
    relations = pd.read_csv(tmp_path / "out" / "relations.csv")
    parent = relations[(relations["doc"] == "act") & (relations["recipient"] == "parent")].iloc[0]
    assert json.loads(parent["provisions"]) == ["act:s.1", "act:s.2"]
    assert json.loads(parent["terms"]) == {"consult": 1, "inform": 1}
    assert parent["n"] == 2
    records = json.loads((tmp_path / "out" / "asymmetry.json").read_text(encoding="utf-8"))
    assert records[0]["measure_id"] == "asymmetry.all.family_vs_professional"
    assert isinstance(records[0]["family_provisions"], list)
    guide_level = next(r for r in records if r["doc"] == "guide" and r["metric"] == "mean_level")
    assert guide_level["ci_low"] is None  # NaN -> null
    # No overwrite without force, and nothing half-written.
    (tmp_path / "out" / "tii.json").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="already exists"):
        write_tables(tables, tmp_path / "out")
    assert (tmp_path / "out" / "tii.json").read_text(encoding="utf-8") == "mine"
    write_tables(tables, tmp_path / "out", force=True)
    assert (
        json.loads((tmp_path / "out" / "tii.json").read_text(encoding="utf-8"))[0]["doc"] == "guide"
    )


def test_summary_lines(tables: MeasureTables) -> None:
    lines = summarise(tables, names={"guide": "The Guide"})
    assert lines[0].startswith("TII The Guide: 0.000")
    assert lines[0].endswith("; too few to read: fewer than 20 occurrences (n = 2)")
    assert lines[2] == (
        "Families vs professionals, The Guide, all doers: mean level 1.00 vs 2.00, "
        "difference -1.00; binding share 0.00 vs 1.00, difference -1.00 (n = 1 vs 1); "
        "too few to read: fewer than 5 occurrences toward families (n = 1); "
        "fewer than 5 occurrences toward professionals (n = 1)"
    )
    assert "Divergence act vs The Guide: JSD" in "\n".join(lines)
    assert lines[-1] == (
        "Strength of The Guide against act (guidance paragraph x relation): weaker 1, stronger 1"
    )


def _write_jsonl(path: Path, rows: pd.DataFrame) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for rec in rows.to_dict("records"):
            handle.write(json.dumps(rec) + "\n")
    return path


def test_cli_measure(tmp_path: Path) -> None:
    act = _write_jsonl(tmp_path / "act.jsonl", _act())
    guide = _write_jsonl(tmp_path / "guide.jsonl", _guide())
    out = tmp_path / "measures"
    runner = CliRunner()
    result = runner.invoke(cli, ["measure", str(act), str(guide), "-o", str(out), "--seed", "7"])
    assert result.exit_code == 0, result.output
    assert "TII act:" in result.output
    assert "Divergence act vs guide" in result.output
    assert f"Wrote 20 files to {out}" in result.output
    assert (out / "near_synonyms.csv").exists()
    again = runner.invoke(cli, ["measure", str(act), "-o", str(out)])
    assert again.exit_code == 3
    assert "already exists (use --force to overwrite)" in again.output


def test_cli_measure_help_and_bad_input(tmp_path: Path) -> None:
    runner = CliRunner()
    help_text = runner.invoke(cli, ["measure", "--help"]).output
    assert "textmine measure act.jsonl guidance.jsonl" in help_text
    missing = runner.invoke(cli, ["measure", str(tmp_path / "absent.jsonl"), "-o", str(tmp_path)])
    assert missing.exit_code == 2
    assert "absent.jsonl" in missing.output
