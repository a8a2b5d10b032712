"""What the ``textmine`` commands share: the error-reporting group, common options, output.

:class:`TextmineGroup` turns :class:`~textmine.errors.TextmineError`, ``OSError``,
usage errors and Ctrl-C into one line on stderr and the documented exit status
(see :mod:`textmine.cli`); a closed pipe (``textmine extract x.pdf | head -1``)
ends quietly with status 0. The ``*_option`` factories keep the spelling and help
of options that several commands take in one place; :func:`emit` writes a
command's result to stdout or, atomically, to ``-o FILE``; :func:`check_output`
and :func:`check_folder` apply the one rule for output paths: textmine creates
the file or folder you name, never a missing folder above it (exit 3); only its
own default folders (``outputs/...``) are created with their parents.
:func:`done` prints a command's one-line summary on stderr.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

import click

from textmine.errors import TextmineError

#: Exit status of ``analyse`` when some inputs could not be read (the report covers the rest).
PARTIAL_EXIT_CODE = 2
#: Exit status of a run stopped by Ctrl-C (SIGINT), as shells report it.
INTERRUPTED_EXIT_CODE = 130


class TextmineGroup(click.Group):
    """A group whose commands report every error as one line (see the module docstring)."""

    def main(
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """click's ``main``, with usage errors (bad option, missing argument) on one line."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except click.ClickException as exc:
            hint = ""
            if isinstance(exc, click.UsageError) and exc.ctx is not None:
                hint = f" (see '{exc.ctx.command_path} --help')"
            click.echo(f"Error: {one_line(exc.format_message())}{hint}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Error: interrupted", err=True)
            sys.exit(INTERRUPTED_EXIT_CODE)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TextmineError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Error: {one_line(str(exc))}", err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:
            # The reader of our output went away (``| head``): not an error of ours.
            _silence_stdout()
            ctx.exit(0)
        except OSError as exc:  # e.g. permission denied, disk full
            if ctx.obj and ctx.obj.get("debug"):
                raise
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"Error: {where}{one_line(str(exc.strerror or exc))}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            # click would print "Aborted!" and exit 1; --debug logs where it stopped
            logging.getLogger("textmine").debug("interrupted", exc_info=True)
            _quiet_pdfium_shutdown()
            click.echo("Error: interrupted", err=True)
            ctx.exit(INTERRUPTED_EXIT_CODE)


def one_line(message: str) -> str:
    """``message`` with every run of whitespace (line breaks too) as one space."""
    return " ".join(message.split())


def _silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush cannot fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # no real file descriptor (a test runner's stdout)
        pass


def _quiet_pdfium_shutdown() -> None:
    """Keep pypdfium2's exit-time notes about the objects Ctrl-C left half made
    (``Weakref ... was not cleaned up from ObjectTracker?``) off stderr, so an
    interrupted run still prints one line. Its own setting, raised to ERROR."""
    config = sys.modules.get("pypdfium2_cfg")
    level = getattr(config, "DEBUG_AUTOCLOSE", None)
    if level is not None:
        level.value = logging.ERROR


def kind_option() -> Any:
    from textmine.extract import KINDS

    return click.option(
        "--kind",
        type=click.Choice(KINDS),
        default=None,
        help="Document kind; auto-detected when omitted.",
    )


def revision_option() -> Any:
    """``--revision final|original``: which revision of a Word file with tracked changes."""
    from textmine.extract.word_revisions import REVISIONS

    return click.option(
        "--revision",
        type=click.Choice(REVISIONS),
        default="final",
        show_default=True,
        help="Word .docx with tracked changes: final (insertions kept, deletions dropped) "
        "or original (as before the changes).",
    )


def output_option() -> Any:
    return click.option(
        "-o",
        "--output",
        # Not dir_okay=False: a folder is reported by textmine.output as one clear line.
        type=click.Path(path_type=Path),
        default=None,
        help="Write to this file instead of stdout.",
    )


def folder_option(help: str) -> Any:
    """``-o/--output`` for commands that write a folder of files."""
    return click.option(
        "-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=None, help=help
    )


def format_option(choices: list[str], default: str | None, help: str) -> Any:
    """``--format`` (the ``fmt`` parameter); the default is shown when there is one."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=default is not None,
        help=help,
    )


def force_option(help: str = "Overwrite an existing output file.") -> Any:
    return click.option("-f", "--force", is_flag=True, help=help)


def cache_options(func: Any) -> Any:
    """``--cache-dir`` and ``--no-cache`` (see textmine.cache)."""
    func = click.option(
        "--no-cache",
        is_flag=True,
        help="Neither read nor write the cache: extract and tag everything again.",
    )(func)
    return click.option(
        "--cache-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Cache folder [default: $TEXTMINE_CACHE_DIR, else ~/.cache/textmine].",
    )(func)


def lexicon_option() -> Any:
    return click.option(
        "--lexicon",
        "lexicon_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Folder with your own terms.jsonl, actors.jsonl and cues.jsonl.",
    )


def corrections_option() -> Any:
    """``--corrections FILE``: an analyst's corrections (JSON Lines), applied before use."""
    return click.option(
        "--corrections",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        metavar="FILE",
        help="An analyst's corrections (JSON Lines, as the report's 'Download corrections' "
        "writes): applied to the tagged rows; those whose occurrence is gone are listed.",
    )


def actor_option() -> Any:
    """``--actor``: the doer(s) of the families-versus-professionals measure."""
    return click.option(
        "--actor",
        default="each",
        show_default=True,
        metavar="GROUP",
        help="Doer of the families-versus-professionals measure: an actor group (e.g. "
        "local_authority, other), 'each' (every doer with enough occurrences, and all "
        "pooled) or 'all' (pooled only).",
    )


def check_actor(actor: str, lexicon_dir: Path | None = None) -> None:
    """Fail with a usage error when ``actor`` is no group the lexicon knows."""
    from textmine.groups import load_groups

    if actor in ("each", "all"):
        return
    known = load_groups(lexicon_dir).known
    if actor not in known:
        raise click.BadParameter(
            f"{actor!r} is not an actor group of the lexicon "
            f"(one of each, all, {', '.join(sorted(known))})",
            param_hint="--actor",
        )


def check_output(output: Path | None, force: bool) -> None:
    """Fail on an unwritable ``output`` before the slow part of a command (see ``emit``)."""
    if output is not None:
        from textmine.output import check_output_path

        check_output_path(output, force=force)


def check_folder(folder: Path | None) -> None:
    """The rule for an output folder a user names (``-o DIR``, ``--dest DIR``): the folder
    it goes in must exist; textmine creates only the last one. Exit 3 otherwise."""
    if folder is None:
        return
    from textmine.errors import OutputError

    parent = folder.parent if str(folder.parent) else Path(".")
    if not folder.exists() and not parent.is_dir():
        raise OutputError(f"{folder}: folder {parent} does not exist")


def emit(write: Any, output: Path | None, force: bool) -> Any:
    """Run ``write(handle)`` on stdout, or on ``output`` atomically; return what it returns.

    Stdout is flushed here, so that a reader that went away (``| head``) shows
    as a closed pipe inside the command, where it ends quietly.
    """
    if output is None:
        result = write(sys.stdout)
        sys.stdout.flush()
        return result
    from textmine.output import atomic_output

    with atomic_output(output, force=force) as handle:
        return write(handle)


def done(message: str, output: Path | None) -> None:
    """The one-line summary of a command that wrote ``output`` (on stderr; nothing for stdout)."""
    if output is not None:
        click.echo(f"{message}; written to {output}", err=True)


def progress_wanted() -> bool:
    """Whether to show progress bars: only when stderr is a terminal."""
    return sys.stderr.isatty()
