"""What the ``textmine`` commands share: the error-reporting group, common options, output.

:class:`TextmineGroup` turns :class:`~textmine.errors.TextmineError`, ``OSError``
and Ctrl-C into one line on stderr and the documented exit status (see
:mod:`textmine.cli`). The ``*_option`` factories keep the spelling and help of
options that several commands take in one place; :func:`emit` writes a
command's result to stdout or, atomically, to ``-o FILE``.
"""

from __future__ import annotations

import logging
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
    """A group whose commands report :class:`TextmineError` as one line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TextmineError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:  # e.g. permission denied, disk full, closed pipe
            if ctx.obj and ctx.obj.get("debug"):
                raise
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"Error: {where}{exc.strerror or exc}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            # click would print "Aborted!" and exit 1; --debug logs where it stopped
            logging.getLogger("textmine").debug("interrupted", exc_info=True)
            _quiet_pdfium_shutdown()
            click.echo("Error: interrupted", err=True)
            ctx.exit(INTERRUPTED_EXIT_CODE)


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


def check_output(output: Path | None, force: bool) -> None:
    """Fail on an unwritable ``output`` before the slow part of a command (see ``emit``)."""
    if output is not None:
        from textmine.output import check_output_path

        check_output_path(output, force=force)


def emit(write: Any, output: Path | None, force: bool) -> None:
    """Run ``write(handle)`` on stdout, or on ``output`` atomically."""
    if output is None:
        write(sys.stdout)
        return
    from textmine.output import atomic_output

    with atomic_output(output, force=force) as handle:
        write(handle)
