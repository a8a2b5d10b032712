"""``textmine tag`` through the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from textmine.cli import cli
from textmine.contract import OCCURRENCE_FIELDS
from textmine.nlp.lexicon import load_lexicon

EXAMPLE = (
    "9.14 The local authority must consult the child's parent and must not inform the "
    "school without consent.\n"
)


@pytest.fixture()
def example(tmp_path: Path, nlp) -> Path:  # nlp: load the model once per session
    path = tmp_path / "example.txt"
    path.write_text(EXAMPLE, encoding="utf-8")
    return path


def test_contract_example_through_the_cli(example: Path) -> None:
    result = CliRunner().invoke(cli, ["tag", str(example)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [[r[k] for k in OCCURRENCE_FIELDS] for r in rows] == [
        ["example", "9.14", None, EXAMPLE[5:].strip(), 25, 32, "consult", "consult", 2,
         "local_authority", "The local authority", ["parent"], "must", False, "active"],
        ["example", "9.14", None, EXAMPLE[5:].strip(), 65, 71, "inform", "inform", 1,
         "local_authority", "The local authority", ["education"], "must", True, "active"],
    ]  # fmt: skip
    assert list(rows[0])[: len(OCCURRENCE_FIELDS)] == list(OCCURRENCE_FIELDS)


def test_output_file_explain_and_no_overwrite(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "rows.jsonl"
    runner = CliRunner()
    result = runner.invoke(cli, ["tag", str(example), "-o", str(out), "--explain"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["explain"]["modality"] == {"rule": "modality.aux", "token": "must"}
    again = runner.invoke(cli, ["tag", str(example), "-o", str(out)])
    assert again.exit_code == 3 and "already exists" in again.output
    forced = runner.invoke(cli, ["tag", str(example), "-o", str(out), "--force"])
    assert forced.exit_code == 0
    assert "explain" not in out.read_text(encoding="utf-8")


def test_bad_lexicon_line_is_one_line_with_file_and_line(example: Path, tmp_path: Path) -> None:
    folder = tmp_path / "lex"
    folder.mkdir()
    for name in ("terms.jsonl", "actors.jsonl", "cues.jsonl"):
        shutil.copy(Path(load_lexicon().source) / name, folder / name)
    with (folder / "terms.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"id": "x", "term": "x", "level": 1, "pattern": [{"LEMA": "x"}]}\n')
    bad_line = len((folder / "terms.jsonl").read_text(encoding="utf-8").splitlines())
    result = CliRunner().invoke(cli, ["tag", str(example), "--lexicon", str(folder)])
    assert result.exit_code == 2
    where = f"{folder / 'terms.jsonl'}:{bad_line}"
    assert result.output.startswith(f"Error: {where}: invalid spaCy pattern")
    assert len(result.output.strip().splitlines()) == 1


def test_unreadable_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["tag", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["tag", "--help"])
    assert result.exit_code == 0
    assert "textmine tag guidance.pdf -o occurrences.jsonl" in result.output
    for option in ("--explain", "--lexicon", "--kind", "--n-process", "--batch-size", "--format"):
        assert option in result.output


def test_library_tag_returns_a_frame(example: Path) -> None:
    import textmine

    frame = textmine.tag(example)
    assert frame["term"].tolist() == ["consult", "inform"]
    assert list(frame.columns[: len(OCCURRENCE_FIELDS)]) == list(OCCURRENCE_FIELDS)
