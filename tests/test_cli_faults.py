"""Faults while writing, and interruption: nothing partial, nothing lost, one clear line.

* an output folder that is not writable: exit 3 before any work;
* a disk that fills during the write (simulated: the temporary file's writes
  raise ``ENOSPC`` after a few hundred characters): exit 3 with
  ``<output>: cannot be written (No space left on device)``, no partial file,
  no temporary file, and an earlier output untouched;
* Ctrl-C (SIGINT) in the middle of a real ``textmine tag`` or ``textmine
  analyse`` process: exit 130, the one line ``Error: interrupted``, no output
  and no temporary file.
"""

from __future__ import annotations

import errno
import filecmp
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from click.testing import CliRunner, Result

from tests import bad_inputs
from tests.conftest import ADOPTION_PDF, need
from tests.report.conftest import build_analysis
from textmine.cli import cli
from textmine.cli_options import INTERRUPTED_EXIT_CODE

NO_SPACE = os.strerror(errno.ENOSPC)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], obj={})


def leftovers(folder: Path) -> list[Path]:
    """Temporary files and staging folders textmine may have left in ``folder``."""
    return sorted([*folder.rglob("*.part"), *folder.glob(".textmine-*")])


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return bad_inputs.text_pdf(tmp_path, "good.pdf")


@pytest.fixture
def tagged(tmp_path: Path) -> Path:
    """A small tagged file (JSON Lines of ``textmine tag``), built without the model."""
    from tests.report.conftest import make_documents, make_rows
    from textmine.rows import write_rows

    path = tmp_path / "tagged.jsonl"
    rows = [{k: v for k, v in r.items() if k != "explain"} for r in make_rows(make_documents())]
    with path.open("w", encoding="utf-8") as handle:
        write_rows(rows, handle)
    return path


@pytest.fixture(scope="module")
def fixed_analysis() -> Any:
    return build_analysis()


@pytest.fixture
def quick_analyse(monkeypatch: pytest.MonkeyPatch, fixed_analysis: Any) -> None:
    """``textmine analyse`` on the report tests' fixed analysis: no model, no documents."""
    monkeypatch.setattr("textmine.analysis.analyse", lambda *args, **kwargs: fixed_analysis)


# --- a folder that is not writable ------------------------------------------------------


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder that may not be written (mode 0o500; for root, which may, access says no)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    if os.access(folder, os.W_OK):  # running as root
        real = os.access

        def access(path: Any, mode: int, **kwargs: Any) -> bool:
            if Path(path) == folder and mode & os.W_OK:
                return False
            return real(path, mode, **kwargs)

        monkeypatch.setattr(os, "access", access)
    yield folder
    folder.chmod(0o700)


@pytest.mark.parametrize("command", ["extract", "tag", "diff", "measure", "analyse"])
def test_output_folder_not_writable(
    command: str, locked: Path, good: Path, tagged: Path, quick_analyse: None
) -> None:
    inputs = {"diff": [good, good], "measure": [tagged]}.get(command, [good])
    out = {"measure": locked, "analyse": locked / "report"}.get(command, locked / "out.jsonl")
    if command == "measure":
        message = f"Error: {locked}: folder is not writable"
    else:
        message = f"Error: {out}: folder {locked} is not writable"
    result = run(command, *inputs, "-o", out)
    assert result.exit_code == 3, result.output
    assert result.stderr.splitlines() == [message]
    assert list(locked.iterdir()) == []


# --- a disk that fills during the write ----------------------------------------------------


class FillingDisk:
    """Replaces ``os.fdopen``: handles on textmine's ``.part`` files fail once ``room`` is used."""

    def __init__(self, room: int) -> None:
        self.room = room
        self.real = os.fdopen

    def __call__(self, fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = self.real(fd, *args, **kwargs)
        if not os.readlink(f"/proc/self/fd/{fd}").endswith(".part"):
            return handle
        return _Filling(handle, self)


class _Filling:
    def __init__(self, handle: IO[str], disk: FillingDisk) -> None:
        self._handle = handle
        self._disk = disk

    def write(self, text: str) -> int:
        self._disk.room -= len(text)
        if self._disk.room < 0:
            raise OSError(errno.ENOSPC, NO_SPACE)
        return self._handle.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __iter__(self) -> Any:
        return iter(self._handle)

    def __enter__(self) -> _Filling:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


@pytest.fixture
def fill_disk(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("the simulated disk needs /proc/self/fd (Linux)")
    return lambda room: monkeypatch.setattr(os, "fdopen", FillingDisk(room))


@pytest.mark.parametrize("command", ["extract", "diff", "tag"])
def test_disk_full_while_writing_a_file(
    command: str, good: Path, tmp_path: Path, fill_disk: Callable[[int], None]
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("the previous run\n", encoding="utf-8")
    source = bad_inputs.write(
        tmp_path, "code.txt", "".join(f"{n}.1 {bad_inputs.SENTENCE}\n\n" for n in range(1, 40))
    )
    inputs = [good, source] if command == "diff" else [source]
    fill_disk(500)
    result = run(command, *inputs, "-o", out, "--force")
    assert result.exit_code == 3, result.output
    assert result.stderr.splitlines() == [f"Error: {out}: cannot be written ({NO_SPACE})"]
    assert out.read_text(encoding="utf-8") == "the previous run\n"
    assert leftovers(tmp_path) == []


def test_disk_full_while_writing_measure_tables(
    tagged: Path, tmp_path: Path, fill_disk: Callable[[int], None]
) -> None:
    out = tmp_path / "tables"
    first = run("measure", tagged, "-o", out)
    assert first.exit_code == 0, first.output
    before = tmp_path / "before"
    shutil.copytree(out, before)
    fill_disk(3000)  # a few of the 18 files fit, then the disk is full
    result = run("measure", tagged, "-o", out, "--force", "--seed", "7")
    assert result.exit_code == 3, result.output
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: {out}/") and line.endswith(f": cannot be written ({NO_SPACE})")
    assert not filecmp.dircmp(before, out).diff_files
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in before.iterdir())
    assert leftovers(tmp_path) == []


def test_disk_full_while_writing_a_report(
    good: Path, tmp_path: Path, quick_analyse: None, fill_disk: Callable[[int], None]
) -> None:
    out = tmp_path / "report"
    first = run("analyse", good, "-o", out)
    assert first.exit_code == 0, first.output
    before = tmp_path / "before"
    shutil.copytree(out, before)
    fill_disk(3000)
    result = run("analyse", good, "-o", out)
    assert result.exit_code == 3, result.output
    assert result.stderr.splitlines() == [f"Error: {out}: cannot be written ({NO_SPACE})"]
    compared = filecmp.dircmp(before, out)
    assert not compared.diff_files and not compared.left_only and not compared.right_only
    assert leftovers(tmp_path) == []


# --- Ctrl-C ----------------------------------------------------------------------------------


def test_interrupt_is_one_line_and_130_with_nothing_written(
    good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(documents: Any, handle: Any, *args: Any, **kwargs: Any) -> None:
        handle.write('{"doc": "half a record')
        raise KeyboardInterrupt

    from textmine.extract import export

    monkeypatch.setattr(export, "write_documents", interrupted)
    out = tmp_path / "out.jsonl"
    result = run("extract", good, "-o", out)
    assert result.exit_code == INTERRUPTED_EXIT_CODE
    assert result.stderr == "Error: interrupted\n"
    assert not out.exists() and leftovers(tmp_path) == []
    debug = run("--debug", "extract", good, "-o", out)  # logs the traceback as well
    assert debug.exit_code == INTERRUPTED_EXIT_CODE and not out.exists()


# --- Ctrl-C in a real process ----------------------------------------------------------------


def _at_work(pid: int) -> bool:
    """Whether process ``pid`` or one of its children (workers) has spaCy loaded."""
    try:
        if "/spacy/" in Path(f"/proc/{pid}/maps").read_text(errors="replace"):
            return True
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:  # the process has just ended
        return False
    return any(_at_work(int(child)) for child in children)


def interrupt_midway(args: list[str], cwd: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    """Run ``textmine ARGS``; once it is at work, press Ctrl-C (SIGINT to its process group)."""
    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs /proc to see when the process is at work (Linux)")
    proc = subprocess.Popen(
        [sys.executable, "-m", "textmine.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env={**os.environ, "TEXTMINE_CACHE_DIR": str(cache)},
        start_new_session=True,  # its own process group, as a shell job has
    )
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline and not _at_work(proc.pid):
            time.sleep(0.05)
        time.sleep(0.5)  # loading the model or tagging
        assert proc.poll() is None, "the run ended before it could be interrupted"
        os.killpg(proc.pid, signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("command", "target"), [("tag", ["-o", "out.jsonl"]), ("analyse", ["-o", "report"])]
)
def test_sigint_midway(
    command: str, target: list[str], tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    source = need(ADOPTION_PDF)
    cache = tmp_path_factory.mktemp("cache")
    args = [command, str(source), target[0], str(tmp_path / target[1])]
    proc = interrupt_midway(args, tmp_path, cache)
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        INTERRUPTED_EXIT_CODE,
        "",
        "Error: interrupted\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_interrupt_silences_pdfium_exit_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    """After Ctrl-C, pypdfium2's exit-time notes on half-made objects stay off stderr
    (they made the SIGINT test above flaky: its one error line gained a second)."""
    import logging

    import pypdfium2  # noqa: F401  (loads pypdfium2_cfg)
    import pypdfium2_cfg

    from textmine.cli_options import _quiet_pdfium_shutdown

    monkeypatch.setattr(pypdfium2_cfg.DEBUG_AUTOCLOSE, "value", logging.WARNING)
    _quiet_pdfium_shutdown()
    assert pypdfium2_cfg.DEBUG_AUTOCLOSE.value == logging.ERROR
