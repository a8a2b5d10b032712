"""The report folder policy (textmine/report/outdir.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from textmine.errors import OutputError
from textmine.report.outdir import MARKER, check_out_dir, previous_files, publish, staging

PLANNED = ["report.html", "tables/tii.csv"]


def test_missing_and_empty_folders_are_fine(tmp_path: Path) -> None:
    check_out_dir(tmp_path / "new", PLANNED)
    (tmp_path / "empty").mkdir()
    check_out_dir(tmp_path / "empty", PLANNED)


def test_foreign_folder_is_refused_without_force(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(OutputError, match="holds no textmine report"):
        check_out_dir(tmp_path, PLANNED)
    check_out_dir(tmp_path, PLANNED, force=True)


def test_a_file_is_not_a_folder(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(OutputError, match="not a folder"):
        check_out_dir(tmp_path / "f", PLANNED, force=True)


def test_previous_report_is_refreshed_but_user_files_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with staging(out) as stage:
        (stage / "tables").mkdir()
        for name in ("report.html", "tables/old.csv"):
            (stage / name).write_text("v1")
        publish(stage, out, ["report.html", "tables/old.csv"], {"title": "t"})
    (out / "notes.txt").write_text("mine")
    assert previous_files(out) == ["report.html", "tables/old.csv"]
    check_out_dir(out, PLANNED)  # no force needed
    with staging(out) as stage:
        (stage / "tables").mkdir()
        for name in PLANNED:
            (stage / name).write_text("v2")
        publish(stage, out, PLANNED, {"title": "t"})
    assert (out / "report.html").read_text() == "v2"
    assert not (out / "tables" / "old.csv").exists()  # stale generated file removed
    assert (out / "notes.txt").read_text() == "mine"
    marker = json.loads((out / MARKER).read_text())
    assert marker["generator"] == "textmine" and marker["files"] == PLANNED
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".textmine-")]


def test_user_file_with_a_report_name_needs_force(tmp_path: Path) -> None:
    (tmp_path / MARKER).write_text(json.dumps({"generator": "textmine", "files": ["report.html"]}))
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "tii.csv").write_text("user data")
    with pytest.raises(OutputError, match="not made by textmine"):
        check_out_dir(tmp_path, PLANNED)


def test_a_broken_marker_counts_as_foreign(tmp_path: Path) -> None:
    (tmp_path / MARKER).write_text("{not json")
    assert previous_files(tmp_path) is None
    with pytest.raises(OutputError):
        check_out_dir(tmp_path, PLANNED)


def test_a_folder_that_is_not_writable_is_refused_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    monkeypatch.setattr("textmine.report.outdir.os.access", lambda path, mode: Path(path) != locked)
    with pytest.raises(OutputError, match=f"^{locked}: folder {locked} is not writable$"):
        check_out_dir(locked, PLANNED)
    out = locked / "new" / "report"  # made later, inside the locked folder
    with pytest.raises(OutputError, match=f"^{out}: folder {locked} is not writable$"):
        check_out_dir(out, PLANNED)
