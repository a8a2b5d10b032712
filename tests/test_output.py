"""Tests of textmine/output.py: atomic writes, write failures, the CSV-readying of list cells."""

from __future__ import annotations

import errno
from pathlib import Path

import pandas as pd
import pytest

from textmine.errors import OutputError
from textmine.output import atomic_output, atomic_outputs, json_cells, write_error


def test_json_cells_encodes_lists_tuples_and_dicts_only() -> None:
    table = pd.DataFrame(
        {
            "provisions": [["act:s.19", "act:s.20"], []],
            "terms": [{"consult": 2}, ("inform",)],
            "n": [2, 0],
            "name": ["Secretary of State’s duty", "none"],
        }
    )
    out = json_cells(table)
    assert out["provisions"].tolist() == ['["act:s.19", "act:s.20"]', "[]"]
    assert out["terms"].tolist() == ['{"consult": 2}', '["inform"]']
    assert out["n"].tolist() == [2, 0]
    assert out["name"].tolist() == ["Secretary of State’s duty", "none"]
    assert table["provisions"].tolist() == [["act:s.19", "act:s.20"], []]  # input unchanged


def test_json_cells_keeps_non_ascii_text_unescaped() -> None:
    out = json_cells(pd.DataFrame({"texts": [["co‑operate", "’s"]]}))
    assert out["texts"].tolist() == ['["co‑operate", "’s"]']


def test_atomic_outputs_write_all_files_or_none(tmp_path: Path) -> None:
    (tmp_path / "b.csv").write_text("old b\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_outputs(force=True) as open_:
        open_(tmp_path / "a.csv").write("new a\n")
        open_(tmp_path / "b.csv").write("new b\n")
        raise RuntimeError("stop")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.csv"]
    assert (tmp_path / "b.csv").read_text(encoding="utf-8") == "old b\n"
    with atomic_outputs(force=True) as open_:
        open_(tmp_path / "a.csv").write("new a\n")
        open_(tmp_path / "b.csv").write("new b\n")
    assert [(tmp_path / n).read_text(encoding="utf-8") for n in ("a.csv", "b.csv")] == [
        "new a\n",
        "new b\n",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def test_a_full_disk_is_an_output_error_naming_the_file(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    with pytest.raises(OutputError) as caught, atomic_output(out) as handle:
        handle.write("half")  # type: ignore[call-overload]
        raise OSError(errno.ENOSPC, "No space left on device")
    assert str(caught.value) == f"{out}: cannot be written (No space left on device)"
    assert list(tmp_path.iterdir()) == []


def test_other_errors_pass_unchanged() -> None:
    lost = FileNotFoundError(errno.ENOENT, "No such file or directory", "input.pdf")
    assert write_error("out.txt", lost) is lost
    ours = OutputError("out.txt: already exists")
    assert write_error("out.txt", ours) is ours
