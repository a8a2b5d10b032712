"""Hostile inputs through the CLI: huge, blank, mislabelled, badly encoded, oddly named.

Extends ``tests/test_cli_bad_input.py`` (the unreadable files) with the rest of
issue 9's list. What textmine does with each (also in the README):

* a PDF of 3,000 blank pages: exit 2, ``PDF has no text: its 3,000 page(s) are
  blank``, in bounded time (its pages are counted, nothing is rendered); one
  text page among them is read with its page number;
* a page of 14,400 x 14,400 pt (the largest PDF page): read like any other;
* an HTML page saved as ``.pdf``: exit 2, ``not a PDF file (an HTML page: ...)``;
* text that is not UTF-8: read as Windows-1252 (Latin-1 text reads the same)
  with one warning line naming the file; bytes that neither maps: exit 2;
* a few NUL bytes in text: removed, with one warning line naming the file and
  the count; many (binary or UTF-16 without a BOM): exit 2; line ends may be
  LF, CRLF or CR, mixed;
* a 50 MB text file: extracted with memory bounded by a small multiple of its
  size (peak RSS of the whole process about 550 MB, under 20 times the size);
* file names with spaces, accents, quotes and shell metacharacters: passed
  through as they are, never to a shell.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests import bad_inputs
from textmine.cli import cli

NO_TEXT = "PDF has no text: its 3,000 page(s) are blank"
HTML_REASON = "not a PDF file (an HTML page: save the PDF itself, not the web page)"
CP1252_WARNING = "not valid UTF-8; read as Windows-1252 (cp1252)"
NAMES = [
    "a b.txt",
    "é ü 中文.txt",
    "$(touch pwned).txt",
    "x; touch pwned.txt",
    'it\'s "quoted".txt',
    "`touch pwned` & | < > *.txt",
    "-dash first.txt",
]


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], obj={})


def textmine(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in a child process (argument list, no shell)."""
    return subprocess.run(
        [sys.executable, "-m", "textmine.cli", *(str(a) for a in args)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=cwd,
    )


def leftovers(folder: Path) -> list[Path]:
    return sorted([*folder.rglob("*.part"), *folder.glob(".textmine-*")])


def records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def assert_one_line_failure(result: Result, reason: str, path: Path, out: Path) -> None:
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [f"Error: {path}: {reason}"]
    assert "Traceback" not in result.output
    assert not out.exists() and not list(out.parent.glob(f".{out.name}.*"))


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {
        "blank": bad_inputs.blank_pages_pdf(folder),
        "blank_text": bad_inputs.blank_pages_pdf(folder, text_on=2999),
        "giant": bad_inputs.giant_page_pdf(folder),
        "html": bad_inputs.write(folder, "guidance.pdf", bad_inputs.HTML_PAGE),
        "good": bad_inputs.text_pdf(folder, "good.pdf"),
    }


# --- PDFs --------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["extract", "tag"])
def test_3000_blank_pages_are_a_clear_no_text_error(
    pdfs: dict[str, Path], tmp_path: Path, command: str
) -> None:
    out = tmp_path / "out.jsonl"
    assert_one_line_failure(run(command, pdfs["blank"], "-o", out), NO_TEXT, pdfs["blank"], out)


def test_one_text_page_among_3000_blank_ones_is_read(pdfs: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run("extract", pdfs["blank_text"], "--kind", "text", "-o", out)
    assert result.exit_code == 0, result.output
    assert [(r["ref"], r["page"], r["text"]) for r in records(out)] == [
        ("1.1", 2999, bad_inputs.SENTENCE.strip())
    ]


def test_giant_page_is_read_like_any_other(pdfs: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run("extract", pdfs["giant"], "--kind", "text", "-o", out)
    assert result.exit_code == 0, result.output
    [record] = records(out)
    assert (record["ref"], record["page"], record["text"]) == (
        "1.1",
        1,
        bad_inputs.SENTENCE.strip(),
    )


@pytest.mark.parametrize("command", ["extract", "tag", "diff"])
def test_html_saved_as_pdf(pdfs: dict[str, Path], tmp_path: Path, command: str) -> None:
    out = tmp_path / "out.jsonl"
    inputs = [pdfs["good"], pdfs["html"]] if command == "diff" else [pdfs["html"]]
    result = run(command, *inputs, "-o", out)
    assert_one_line_failure(result, HTML_REASON, pdfs["html"], out)


def test_diff_with_a_blank_new_draft(pdfs: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "changes.jsonl"
    result = run("diff", pdfs["good"], pdfs["blank"], "-o", out)
    assert_one_line_failure(result, NO_TEXT, pdfs["blank"], out)


def test_analyse_of_only_hostile_pdfs_is_one_line_and_no_report(
    pdfs: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "report"
    result = run("analyse", pdfs["blank"], pdfs["html"], "-o", out)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        f"Error: {pdfs['blank']}: {NO_TEXT} (and 1 more input(s) failed)"
    ]
    assert result.stdout == "" and not out.exists() and leftovers(tmp_path) == []


# --- text encodings, NUL bytes, line ends -------------------------------------------


def test_windows_1252_and_latin_1_text_read_with_one_warning(tmp_path: Path) -> None:
    legacy = bad_inputs.write(
        tmp_path,
        "legacy.txt",
        "1.1 The child’s parent – “consulted” – must agree.\n".encode("cp1252"),
    )
    latin = bad_inputs.write(
        tmp_path,
        "latin.txt",
        "1.1 Café naïve à la carte, the carer is consulted.\n".encode("latin-1"),
    )
    out = tmp_path / "out.jsonl"
    proc = textmine("extract", legacy, latin, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [
        f"WARNING textmine.extract.decoding: {legacy}: {CP1252_WARNING}",
        f"WARNING textmine.extract.decoding: {latin}: {CP1252_WARNING}",
        f"textmine extract: 2 provisions from 2 documents; written to {out}",
    ]
    assert [r["text"] for r in records(out)] == [
        "The child’s parent – “consulted” – must agree.",
        "Café naïve à la carte, the carer is consulted.",
    ]


def test_text_in_neither_encoding_is_refused(tmp_path: Path) -> None:
    path = bad_inputs.write(tmp_path, "odd.txt", b"1.1 Some text \x81\x8d\x90 more text.\n")
    out = tmp_path / "out.jsonl"
    reason = "not a text file (neither UTF-8 nor Windows-1252)"
    assert_one_line_failure(run("extract", path, "-o", out), reason, path, out)


NUL_MIXED = (
    b"1.1 The council must consult\x00 the parent.\r\n\r\n"
    b"1.2 The school should inform\x00 the carer.\r\r"
    b"1.3 Families may be involved in the review.\n\n"
    b"1.4 A last paragraph\r\nover two lines.\r\n"
)


def test_nul_bytes_and_mixed_line_ends(tmp_path: Path) -> None:
    path = bad_inputs.write(tmp_path, "mixed.txt", NUL_MIXED)
    out = tmp_path / "out.jsonl"
    proc = textmine("extract", path, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [
        f"WARNING textmine.extract.decoding: {path}: removed 2 NUL byte(s)",
        f"textmine extract: 4 provisions from 1 document; written to {out}",
    ]
    assert [(r["ref"], r["text"]) for r in records(out)] == [
        ("1.1", "The council must consult the parent."),
        ("1.2", "The school should inform the carer."),
        ("1.3", "Families may be involved in the review."),
        ("1.4", "A last paragraph over two lines."),
    ]


def test_nul_bytes_and_mixed_line_ends_are_tagged(tmp_path: Path, nlp: object) -> None:
    path = bad_inputs.write(tmp_path, "mixed.txt", NUL_MIXED)
    result = run("tag", path)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["ref"], r["term"], r["sentence"][r["start"] : r["end"]]) for r in rows] == [
        ("1.1", "consult", "consult"),
        ("1.2", "inform", "inform"),
        ("1.3", "involve", "involved"),
    ]


@pytest.mark.parametrize(
    "data",
    [
        "1.1 Wide text without a byte-order mark.\n".encode("utf-16-le"),
        b"1.1 Mostly\x00\x00\x00\x00 NUL\x00\x00\x00\x00 bytes.\n",
    ],
    ids=["utf16_without_bom", "many_nuls"],
)
def test_many_nul_bytes_mean_binary(tmp_path: Path, data: bytes) -> None:
    path = bad_inputs.write(tmp_path, "wide.txt", data)
    out = tmp_path / "out.jsonl"
    assert_one_line_failure(
        run("extract", path, "-o", out), "not a text file (binary content)", path, out
    )


# --- file names ------------------------------------------------------------------------


def test_file_names_with_spaces_unicode_and_shell_metacharacters(tmp_path: Path) -> None:
    folder = tmp_path / "in $(touch pwned); 'q'"
    folder.mkdir()
    paths = []
    for number, name in enumerate(NAMES, start=1):
        text = f"{number}.1 The local authority must consult the parent ({name}).\n"
        paths.append(bad_inputs.write(folder, name, text))
    out = tmp_path / "out $(touch pwned); `x` 'é' \"q\".jsonl"
    proc = textmine("extract", *paths, "-o", out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == f"textmine extract: 7 provisions from 7 documents; written to {out}\n"
    assert [r["doc"] for r in records(out)] == [Path(n).stem for n in NAMES]
    assert not list(tmp_path.rglob("pwned"))
    missing = folder / "gone $(touch pwned); 'q'.txt"
    proc = textmine("tag", missing, cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (2, f"Error: {missing}: no such file\n")
    assert not list(tmp_path.rglob("pwned"))


def test_tag_and_diff_name_odd_files_as_given(tmp_path: Path, nlp: object) -> None:
    old = bad_inputs.write(tmp_path, NAMES[2], "1.1 The school must inform the parent.\n")
    new = bad_inputs.write(tmp_path, NAMES[4], "1.1 The school may inform the parent.\n")
    tagged = run("tag", old)
    assert tagged.exit_code == 0, tagged.output
    assert json.loads(tagged.stdout)["doc"] == Path(NAMES[2]).stem
    changes = run("diff", old, new, "--format", "jsonl")
    assert changes.exit_code == 0, changes.output
    [change] = [json.loads(line) for line in changes.stdout.splitlines()]
    assert (change["kind"], change["old_doc"], change["new_doc"]) == (
        "weakened",
        Path(NAMES[2]).stem,
        Path(NAMES[4]).stem,
    )


# --- a 50 MB text file -------------------------------------------------------------------

PEAK_RSS = """
import os, resource, sys
from textmine.cli import cli
try:
    cli.main(args=sys.argv[1:], prog_name="textmine", obj={})
finally:
    with open(os.environ["PEAK_RSS_FILE"], "w") as fh:
        fh.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
"""


@pytest.mark.slow
def test_50_mb_text_file_is_extracted_with_bounded_memory(tmp_path: Path) -> None:
    size = 50_000_000
    path = bad_inputs.big_text(tmp_path, size)
    paragraphs = path.read_bytes().count(b"\n\n")
    out, peak = tmp_path / "big.jsonl", tmp_path / "peak"
    proc = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, "extract", str(path), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "PEAK_RSS_FILE": str(peak)},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == (
        f"textmine extract: {paragraphs:,} provisions from 1 document; written to {out}\n"
    )
    with out.open(encoding="utf-8") as handle:
        count = sum(1 for _ in handle)
    assert count == paragraphs
    peak_bytes = int(peak.read_text()) * 1024  # ru_maxrss is in kB on Linux
    assert peak_bytes < 20 * size, f"peak RSS {peak_bytes / 1e6:.0f} MB for a 50 MB file"


def test_measure_refuses_tagged_files_that_are_not_text(tmp_path: Path) -> None:
    nul = bad_inputs.write(tmp_path, "nul.jsonl", b'{"doc": "a"\x00}\n')
    binary = bad_inputs.write(tmp_path, "binary.jsonl", bytes(range(128, 256)) * 8)
    out = tmp_path / "tables"
    result = run("measure", nul, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {nul}: line 1: not valid JSON")
    result = run("measure", binary, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {binary}: not UTF-8 text")
    assert len(result.stderr.splitlines()) == 1
    assert not out.exists()


# --- web pages and Word files ----------------------------------------------------------


@pytest.fixture(scope="module")
def word_and_web(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    import zipfile

    from tests.extract.word_docx import build_draft

    folder = tmp_path_factory.mktemp("word_and_web")
    draft = build_draft(folder / "draft.docx")
    bomb = folder / "bomb.docx"
    with zipfile.ZipFile(draft) as old, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, old.read(info.filename))
        with new.open("word/document2.xml", "w") as member:
            for _ in range(70):
                member.write(b" " * (1 << 20))
    big = folder / "big.html"
    with big.open("wb") as handle:
        handle.write(b"<html><body><div class='govspeak'>")
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(b"<p>The authority must consult the parent.</p>\n" * 10000)
        handle.write(b"</div></body></html>")
    tricks = folder / "tricks.html"
    tricks.write_text(
        '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<html><body><div class="govspeak"><p>Staff must involve parents &b;.</p>'
        "<script>fetch('https://example.invalid')</script>"
        '<iframe src="https://example.invalid/frame"></iframe></div></body></html>',
        encoding="utf-8",
    )
    return {
        "not_zip": bad_inputs.write(folder, "draft.docx", b"This is not a zip file at all."),
        "bomb": bomb,
        "big": big,
        "tricks": tricks,
    }


@pytest.mark.parametrize("command", ["extract", "tag", "analyse"])
@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("not_zip", "not a Word .docx file (not a zip package)"),
        ("bomb", "Word part word/document2.xml inflates past 64 MB (a zip bomb?); refused"),
        ("big", "HTML page too large (52.4 MB; textmine reads pages up to 26 MB)"),
    ],
)
def test_hostile_word_and_web_inputs_are_one_line(
    word_and_web: dict[str, Path], tmp_path: Path, command: str, case: str, reason: str
) -> None:
    out = tmp_path / ("report" if command == "analyse" else "out.jsonl")
    result = run(command, word_and_web[case], "-o", out)
    assert_one_line_failure(result, reason, word_and_web[case], out)


def test_scripts_and_entity_tricks_in_a_web_page_are_read_inert(
    word_and_web: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    result = run("extract", word_and_web["tricks"], "-o", out)
    assert result.exit_code == 0, result.output
    assert [r["text"] for r in records(out)] == ["Staff must involve parents &b;."]
