"""``textmine diff OLD NEW`` (the diff command of textmine/cli.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from tests.diff.conftest import one_line
from textmine.cli import cli
from textmine.extract.document import Document


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["diff", *args], obj={})


@pytest.fixture()
def versions(vol3: Document, tmp_path: Path, nlp: Any) -> tuple[Path, Path]:
    """Two plain-text files of paragraphs 6.31-6.33 of vol 3; the draft weakens 6.32."""
    del nlp  # loads the model once for the session; the command reuses it
    blocks = [
        f"{p.ref} {one_line(p.text)}" for p in vol3.provisions if p.ref in ("6.31", "6.32", "6.33")
    ]
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("\n\n".join(blocks), encoding="utf-8")
    new.write_text("\n\n".join(blocks).replace("must involve", "may involve"), encoding="utf-8")
    return old, new


def test_fail_on_weakened_exits_6_after_writing(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "changes.jsonl"
    result = run(*map(str, versions), "--fail-on", "weakened,deleted", "-o", str(out))
    assert result.exit_code == 6
    assert result.stderr.splitlines() == [
        "textmine diff: 1 change in paired provisions (1 weakened); 3 provisions paired, "
        f"0 only in the earlier version, 0 only in the new; written to {out}",
        "textmine diff: 1 change(s) of kind weakened, deleted found",
    ]
    (row,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert (row["kind"], row["old_ref"], row["reason"]) == (
        "weakened",
        "6.32",
        "modality must -> may",
    )


def test_no_listed_kind_found_exits_0(versions: tuple[Path, Path]) -> None:
    old, new = versions
    result = run(str(new), str(old), "--fail-on", "weakened")  # the reverse strengthens
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["kind"] == "strengthened"


def test_csv_to_stdout_and_all(versions: tuple[Path, Path]) -> None:
    result = run(*map(str, versions), "--format", "csv", "--all")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["kind"], r["old_ref"]) for r in rows if r["kind"] != "unchanged"] == [
        ("weakened", "6.32")
    ]
    assert {r["kind"] for r in rows} == {"weakened", "unchanged"}


def test_html_format_from_the_output_suffix(versions: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "changes.html"
    assert run(*map(str, versions), "-o", str(out)).exit_code == 0
    html = out.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert 'data-kinds="weakened"' in html
    again = run(*map(str, versions), "-o", str(out))
    assert again.exit_code == 3
    assert "already exists" in again.stderr
    assert run(*map(str, versions), "-o", str(out), "--force").exit_code == 0


def test_bad_fail_on_kind_and_missing_file(versions: tuple[Path, Path], tmp_path: Path) -> None:
    bad = run(*map(str, versions), "--fail-on", "weaker")
    assert bad.exit_code == 2
    assert "unknown change kind(s) weaker" in bad.stderr
    missing = run(str(tmp_path / "nope.pdf"), str(versions[1]))
    assert missing.exit_code == 2
    assert missing.stderr.splitlines() == [f"Error: {tmp_path / 'nope.pdf'}: no such file"]


def test_help_documents_exit_status() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "Exit status 6" in result.stdout
    assert "--fail-on KINDS" in result.stdout
