"""Determinism: the same inputs give byte-identical outputs, apart from one timestamp.

Each test runs a command twice, at the same time: once in this process and
once in a child process with another ``PYTHONHASHSEED`` (so set and dict
orders that hang on string hashes would show) and its own empty cache folder
(so nothing is served from the other run). ``textmine tag`` output holds no timestamp at all;
an ``analyse`` folder holds one, ``Provenance.generated``, shown in the
report's opening line and methods table and kept in ``textmine-report.json``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.conftest import LOCAL_OFFER_PDF, need
from textmine.cli import cli


def other_process(args: list[str], cwd: Path, cache: Path) -> subprocess.Popen[str]:
    """Start ``textmine ARGS`` in a child with a hash seed other than this process's."""
    seed = "1" if os.environ.get("PYTHONHASHSEED") == "2" else "2"
    env = {**os.environ, "PYTHONHASHSEED": seed, "TEXTMINE_CACHE_DIR": str(cache)}
    return subprocess.Popen(
        [sys.executable, "-m", "textmine.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env=env,
    )


def finish(proc: subprocess.Popen[str]) -> None:
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr


def this_process(args: list[str], cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTMINE_CACHE_DIR", str(cache))
    result = CliRunner().invoke(cli, args, obj={})
    assert result.exit_code == 0, result.output


@pytest.mark.slow
def test_tag_gives_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: Any
) -> None:
    source = str(need(LOCAL_OFFER_PDF))
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    child = other_process(
        ["tag", source, "--explain", "-o", str(second)], tmp_path, tmp_path / "c2"
    )
    this_process(["tag", source, "--explain", "-o", str(first)], tmp_path / "c1", monkeypatch)
    finish(child)
    assert len(first.read_text(encoding="utf-8").splitlines()) > 30
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.slow
def test_analyse_gives_the_same_bytes_but_for_one_timestamp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: Any
) -> None:
    monkeypatch.chdir(tmp_path)  # no corpora/ here: the bundled sample is analysed
    child = other_process(["analyse", "-o", "second"], tmp_path, tmp_path / "c2")
    this_process(["analyse", "-o", "first"], tmp_path / "c1", monkeypatch)
    finish(child)
    first, second = tmp_path / "first", tmp_path / "second"
    names = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert names == sorted(
        p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()
    )
    assert "report.html" in names and "tables/tii.csv" in names and "tables/tii.json" in names
    stamps = [generated(folder) for folder in (first, second)]
    for name in names:
        old, new = ((f / name).read_text(encoding="utf-8") for f in (first, second))
        assert old.count(stamps[0]) == {"report.html": 2, "textmine-report.json": 1}.get(name, 0)
        assert old.replace(stamps[0], "<generated>") == new.replace(stamps[1], "<generated>"), name


def generated(folder: Path) -> str:
    """The run's one timestamp, as the report folder's marker records it."""
    marker = json.loads((folder / "textmine-report.json").read_text(encoding="utf-8"))
    stamp = marker["created"]
    assert isinstance(stamp, str) and stamp.endswith("+00:00")
    return stamp
