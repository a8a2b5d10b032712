"""Bad input end to end through the CLI: one clear line, non-zero exit, no partial output.

Every case runs ``textmine extract FILE -o OUT``. The error must name the file
and the reason on one stderr line, exit with the documented status (2 bad
input, 3 output cannot be written), show no traceback (unless ``--debug``),
and leave no output file and no temporary ``.part`` file behind.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests import bad_inputs
from tests.conftest import ACT_PDF, need
from textmine.cli import cli
from textmine.errors import InputError


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every broken input, built once for the module."""
    folder = tmp_path_factory.mktemp("bad")
    (folder / "folder.pdf").mkdir()
    return {
        "missing": folder / "missing.pdf",
        "not_pdf": bad_inputs.write(folder, "letter.pdf", "Dear parent, this is a letter.\n"),
        "encrypted": bad_inputs.text_pdf(folder, "locked.pdf", password="secret"),
        "image_only": bad_inputs.image_only_pdf(folder),
        "corrupt": bad_inputs.corrupt_pdf(folder),
        "malformed_xml": bad_inputs.write(folder, "broken.xml", bad_inputs.MALFORMED_XML),
        "bomb": bad_inputs.write(folder, "bomb.xml", bad_inputs.BOMB_XML),
        "xxe": bad_inputs.write(folder, "xxe.xml", bad_inputs.XXE_XML),
        "empty": bad_inputs.write(folder, "empty.txt", b""),
        "empty_pdf": bad_inputs.write(folder, "empty.pdf", b""),
        "binary_txt": bad_inputs.write(folder, "binary.txt", bytes(range(256)) * 4),
        "unsupported": bad_inputs.write(folder, "notes.odt", b"PK\x03\x04 not read"),
        "not_zip_docx": bad_inputs.write(folder, "notes.docx", b"PK\x03\x04 not read"),
        "directory": folder / "folder.pdf",
        "good": bad_inputs.text_pdf(folder, "good.pdf"),
        "page2_broken": bad_inputs.unreadable_page_pdf(folder),
    }


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], obj={})


def assert_clean_failure(result: Result, code: int, message: str, out: Path) -> None:
    assert result.exit_code == code, result.output
    assert result.stderr.splitlines() == [message]
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert not out.exists()
    assert not list(out.parent.glob(f".{out.name}.*"))  # no temporary file left


CASES = [
    ("missing", "no such file"),
    ("not_pdf", "not a PDF file (no %PDF header)"),
    ("encrypted", "encrypted PDF (remove the password first)"),
    ("image_only", "PDF has no text layer (image-only or scanned); run OCR on it first"),
    ("corrupt", "corrupt or truncated PDF (Failed to load document (PDFium: Data format error).)"),
    ("malformed_xml", "malformed XML (mismatched tag: line 1, column 59)"),
    ("bomb", "XML declares entities; refused (possible entity-expansion attack)"),
    ("xxe", "XML declares an external entity (file:///etc/passwd); refused"),
    ("empty", "empty file"),
    ("empty_pdf", "empty file"),
    ("binary_txt", "not a text file (binary content)"),
    (
        "unsupported",
        "unsupported file type '.odt' (expected one of .clml, .docx, .htm, .html, .markdown, "
        ".md, .pdf, .text, .txt, .xhtml, .xml)",
    ),
    ("not_zip_docx", "not a Word .docx file (not a zip package)"),
    ("directory", "is a directory, not a file"),
]


@pytest.mark.parametrize(("case", "reason"), CASES, ids=[c for c, _ in CASES])
def test_bad_input(bad: dict[str, Path], tmp_path: Path, case: str, reason: str) -> None:
    out = tmp_path / "out.jsonl"
    result = run("extract", bad[case], "-o", out)
    assert_clean_failure(result, 2, f"Error: {bad[case]}: {reason}", out)


def test_truncated_real_pdf(tmp_path: Path) -> None:
    source = bad_inputs.truncated_pdf(tmp_path, need(ACT_PDF))
    out = tmp_path / "out.jsonl"
    result = run("extract", source, "-o", out)
    reason = "corrupt or truncated PDF (Failed to load document (PDFium: Data format error).)"
    assert_clean_failure(result, 2, f"Error: {source}: {reason}", out)


def test_one_bad_file_among_good_ones_writes_nothing(bad: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run("extract", bad["good"], bad["corrupt"], "-o", out)
    assert result.exit_code == 2
    assert not out.exists()


# --- output paths ------------------------------------------------------------------


def test_output_folder_missing(bad: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "out.jsonl"
    result = run("extract", bad["good"], "-o", out)
    message = f"Error: {out}: folder {out.parent} does not exist"
    assert_clean_failure(result, 3, message, out)


def test_output_is_a_directory(bad: dict[str, Path], tmp_path: Path) -> None:
    result = run("extract", bad["good"], "-o", tmp_path)
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [f"Error: {tmp_path}: is a directory, not a file"]
    assert list(tmp_path.iterdir()) == []


def test_existing_output_needs_force(bad: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("keep me\n", encoding="utf-8")
    result = run("extract", bad["good"], "-o", out)
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"Error: {out}: already exists (use --force to overwrite)"
    ]
    assert out.read_text(encoding="utf-8") == "keep me\n"
    forced = run("extract", bad["good"], "-o", out, "--force")
    assert forced.exit_code == 0, forced.output
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["doc"] == "good"


def test_bad_input_does_not_touch_an_existing_output(bad: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    result = run("extract", bad["corrupt"], "-o", out, "--force")
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "previous run\n"


# --- partial failure, --debug, a real process ----------------------------------------


def test_unreadable_page_is_named_and_the_rest_extracted(
    bad: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    result = run("extract", bad["page2_broken"], "-o", out)
    assert result.exit_code == 0, result.output
    path = bad["page2_broken"]
    warning = f"Warning: {path}: page(s) 2 could not be read; the other pages were extracted"
    assert warning in result.stderr.splitlines()
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    text = " ".join(r["text"] for r in records)
    assert "Page 3." in text and "Page 2." not in text
    assert {r["page"] for r in records} <= {1, 3}


def test_debug_shows_the_exception(bad: dict[str, Path]) -> None:
    result = run("--debug", "extract", bad["corrupt"])
    assert isinstance(result.exception, InputError)


def test_real_process(bad: dict[str, Path], tmp_path: Path) -> None:
    exe = shutil.which("textmine")
    command = [exe] if exe else [sys.executable, "-m", "textmine.cli"]
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [*command, "extract", str(bad["encrypted"]), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        f"Error: {bad['encrypted']}: encrypted PDF (remove the password first)"
    ]
    assert proc.stdout == ""
    assert not out.exists()
