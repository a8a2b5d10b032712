"""``textmine diff DRAFT.docx``: a Word draft's own tracked changes, with author and date."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.extract.word_docx import AUTHOR, DATE, build_draft
from textmine.cli import cli
from textmine.diff import FAIL_EXIT_CODE, diff_tracked
from textmine.errors import InputError


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_draft(tmp_path_factory.mktemp("tracked") / "draft.docx")


def test_must_changed_to_may_by_a_tracked_change_is_weakened(draft: Path, nlp: Any) -> None:
    result = diff_tracked(draft, nlp=nlp)
    weakened = result.of_kind("weakened")
    assert len(weakened) == 1
    record = weakened[0]
    assert (record["old_ref"], record["new_ref"]) == ("9.16", "9.16")
    assert (record["old_modality"], record["new_modality"]) == ("must", "may")
    assert (record["author"], record["date"]) == (AUTHOR, DATE)
    assert record["reason"] == f"modality must -> may (tracked change: {AUTHOR}, {DATE})"
    added = result.of_kind("strengthened")
    assert [(r["new_term"], r["new_modality"], r["author"]) for r in added] == [
        ("inform", "should", AUTHOR)
    ]
    # provisions without tracked changes give no change at all
    assert {r["new_ref"] for r in result.records} == {"9.16"}


def test_diff_with_one_docx_from_the_command_line(draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "changes.jsonl"
    result = CliRunner().invoke(
        cli, ["diff", str(draft), "-o", str(out), "--fail-on", "weakened"], obj={}
    )
    assert result.exit_code == FAIL_EXIT_CODE, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["kind"], r["author"], r["date"]) for r in rows] == [
        ("weakened", AUTHOR, DATE),
        ("strengthened", AUTHOR, DATE),
    ]
    html = tmp_path / "changes.html"
    result = CliRunner().invoke(cli, ["diff", str(draft), "-o", str(html)], obj={})
    assert result.exit_code == 0, result.output
    assert f"tracked change: {AUTHOR}" in html.read_text(encoding="utf-8")


def test_one_argument_must_be_a_word_file(tmp_path: Path) -> None:
    text = tmp_path / "draft.txt"
    text.write_text("9.14 The authority must consult parents.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"needs a Word \.docx with tracked changes"):
        diff_tracked(text)
    result = CliRunner().invoke(cli, ["diff", str(text)], obj={})
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: {text}: diff with one file needs a Word .docx with tracked changes "
        "(give OLD and NEW)"
    ]
