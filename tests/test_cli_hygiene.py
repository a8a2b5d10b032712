"""Command-line hygiene: file modes, missing folders, closed pipes, progress, one-line errors."""

from __future__ import annotations

import json
import os
import pty
import select
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT
from textmine.cli import cli

SAMPLE = ROOT / "textmine" / "data"
ACT = SAMPLE / "sample_act.md"
DRAFT = SAMPLE / "sample_draft.md"
TEXTMINE = [sys.executable, "-m", "textmine.cli"]


@pytest.fixture
def umask_022() -> Iterator[None]:
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), obj={})


def modes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): oct(stat.S_IMODE(p.stat().st_mode))
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def tagged(tmp_path: Path) -> Path:
    rows = tmp_path / "rows.jsonl"
    assert run("tag", str(ACT), "-o", str(rows)).exit_code == 0
    return rows


@pytest.mark.slow
def test_every_command_writes_files_mode_0644_under_umask_022(
    tmp_path: Path, umask_022: None, nlp: Any
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    rows = tagged(out)
    commands = [
        ("extract", str(ACT), "-o", str(out / "act.jsonl")),
        ("extract", str(ACT), "--format", "text", "-o", str(out / "act.txt")),
        ("diff", str(ACT), str(DRAFT), "-o", str(out / "changes.jsonl")),
        ("diff", str(ACT), str(DRAFT), "-o", str(out / "changes.html")),
        ("stats", "-o", str(out / "sen2.json"), "--format", "json"),
        ("measure", str(rows), "-o", str(out / "measures")),
        ("analyse", str(ACT), str(DRAFT), "-o", str(out / "report"), "--no-cache"),
    ]
    for args in commands:
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
    found = modes(out)
    # rows, extract 2, diff 2, stats 1, measure 20; report: html, rows, marker and 20 tables
    assert len(found) == 1 + 2 + 2 + 1 + 20 + 23
    assert set(found.values()) == {"0o644"}, found
    assert {"report/report.html", "report/tables/tii.csv", "measures/tii.json"} <= set(found)


def test_fetch_writes_files_mode_0644(tmp_path: Path, umask_022: None) -> None:
    from tests.test_fetch import BODIES, FakeOpener
    from textmine.fetch import fetch

    manifest = tmp_path / "MANIFEST.tsv"
    manifest.write_text((ROOT / "corpora" / "MANIFEST.tsv").read_text(encoding="utf-8"))
    fetch(tmp_path / "corpora", manifest=manifest, opener=FakeOpener(dict(BODIES)))
    assert set(modes(tmp_path).values()) == {"0o644"}


@pytest.mark.parametrize(
    "args",
    [
        ("extract", str(ACT), "-o", "{missing}/act.jsonl"),
        ("tag", str(ACT), "-o", "{missing}/rows.jsonl"),
        ("diff", str(ACT), str(DRAFT), "-o", "{missing}/changes.html"),
        ("stats", "-o", "{missing}/sen2.txt"),
        ("eval", str(ACT), str(ACT), "-o", "{missing}/scores.txt"),
        ("measure", "{rows}", "-o", "{missing}/measures"),
        ("analyse", str(ACT), "-o", "{missing}/report"),
        ("fetch", "--dest", "{missing}/corpora"),
    ],
)
def test_a_missing_folder_above_an_output_is_never_created(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    """The one rule: textmine creates the file or folder named, not a missing folder above."""
    rows = tmp_path / "rows.jsonl"
    rows.write_text("", encoding="utf-8")
    missing = tmp_path / "no" / "such"
    filled = [a.format(missing=missing, rows=rows) for a in args]
    result = run(*filled)
    assert result.exit_code == 3, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert f"folder {missing} does not exist" in lines[0]
    assert not (tmp_path / "no").exists()


@pytest.mark.slow
def test_named_output_folders_are_created_when_their_parent_exists(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("", encoding="utf-8")
    result = run("measure", str(rows), "-o", str(tmp_path / "measures"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "measures" / "tii.csv").is_file()


def test_a_closed_pipe_ends_quietly_with_status_0(tmp_path: Path) -> None:
    # 60 copies of the sample Act: about 170 kB of JSON Lines, more than a pipe holds.
    process = subprocess.Popen(
        [*TEXTMINE, "extract", *[str(ACT)] * 60],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # the reader goes away, as `| head -1` does
    stderr = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=60) == 0
    assert json.loads(first)["doc"] == "sample_act"
    assert stderr == b""


def test_head_in_a_shell_pipeline(tmp_path: Path) -> None:
    script = (
        f"{' '.join(TEXTMINE)} extract {' '.join([str(ACT)] * 60)} 2>{tmp_path / 'err'} "
        "| head -1 >/dev/null; echo ${PIPESTATUS[0]}"
    )
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"
    assert (tmp_path / "err").read_text() == ""


def _with_tty_stderr(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run textmine with stderr on a pseudo-terminal; its exit status and what it showed."""
    master, slave = pty.openpty()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=slave, cwd=cwd)
    os.close(slave)
    shown = b""
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    return process.wait(timeout=120), shown.decode("utf-8", "replace")


@pytest.mark.slow
def test_tag_shows_progress_on_a_terminal_and_one_summary_line(tmp_path: Path) -> None:
    out = tmp_path / "rows.jsonl"
    status, shown = _with_tty_stderr([*TEXTMINE, "tag", str(ACT), "-o", str(out)], tmp_path)
    assert status == 0, shown
    assert "Reading documents" in shown and "Tagging provisions" in shown
    assert f"textmine tag: 15 occurrences in 1 document; written to {out}" in shown
    quiet = subprocess.run(
        [*TEXTMINE, "tag", str(ACT), "-o", str(tmp_path / "again.jsonl")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert quiet.returncode == 0
    assert quiet.stderr.splitlines() == [
        f"textmine tag: 15 occurrences in 1 document; written to {tmp_path / 'again.jsonl'}"
    ]


def test_extract_summary_line_and_progress_only_on_a_terminal(tmp_path: Path) -> None:
    out = tmp_path / "act.jsonl"
    result = run("extract", str(ACT), str(DRAFT), "-o", str(out))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"textmine extract: 56 provisions from 2 documents; written to {out}"
    ]
    status, shown = _with_tty_stderr(
        [*TEXTMINE, "extract", str(ACT), "-o", str(tmp_path / "b.jsonl")], tmp_path
    )
    assert status == 0 and "Reading" in shown


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("stats", str(ROOT / "README.md")), "README.md: not a readable CSV"),
        (("analyse", "--actor", "nobody", str(ACT)), "Invalid value for --actor: 'nobody' is"),
        (("tag",), "Missing argument 'PATHS...'"),
        (("extract", "--format", "pdf", str(ACT)), "Invalid value for '--format'"),
    ],
)
def test_every_error_is_one_line(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ") and message in lines[0]
