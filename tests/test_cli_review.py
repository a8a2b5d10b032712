"""``textmine tag --corrections``: the analyst's corrections applied to the tagger's rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from textmine.cli import cli

pytestmark = pytest.mark.slow

TEXT = (
    "1.1 The local authority must consult the parent before it decides.\n\n"
    "1.3 Parents should be informed of the plan.\n"
)


def test_tag_applies_corrections_and_lists_the_stale_ones(tmp_path: Path, nlp: Any) -> None:
    source = tmp_path / "code.txt"
    source.write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(cli, ["tag", str(source), "-o", str(tmp_path / "a.jsonl")], obj={})
    assert first.exit_code == 0, first.output
    rows = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text().splitlines()]
    informed = next(r for r in rows if r["text"] == "informed")
    corrections = tmp_path / "corrections.jsonl"
    corrections.write_text(
        json.dumps({"id": informed["id"], "verdict": "corrected", "actor": "local_authority"})
        + "\n"
        + json.dumps({"id": "00000000000000ff", "verdict": "not_an_occurrence"})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "b.jsonl"
    result = runner.invoke(
        cli, ["tag", str(source), "--corrections", str(corrections), "-o", str(out)], obj={}
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "textmine tag: corrections corrections.jsonl: 1 row reviewed, 1 corrected "
        "(1 changed); 1 correction not applied",
        "textmine tag: not applied: corrections.jsonl:2: not_an_occurrence 00000000000000ff: "
        "no occurrence has this id in this run: the text of its provision changed, or the "
        "tagger no longer finds it",
        f"textmine tag: 2 occurrences in 1 document; written to {out}",
    ]
    fixed = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["actor"], r["corrected"]) for r in fixed] == [
        ("local_authority", False),
        ("local_authority", True),
    ]
    assert fixed[1]["explain"]["correction"]["original"] == {"actor": "unspecified"}


def test_a_bad_corrections_file_stops_tag_before_any_work(tmp_path: Path) -> None:
    corrections = tmp_path / "corrections.jsonl"
    corrections.write_text('{"id": "0000000000000000", "verdict": "perhaps"}\n', encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["tag", str(tmp_path / "none.txt"), "--corrections", str(corrections)], obj={}
    )
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"Error: {corrections}: line 1: verdict must be one of correct, corrected, "
        "not_an_occurrence, added, got 'perhaps'"
    )
