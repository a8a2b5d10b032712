"""The ``textmine`` command line: a thin layer over the library.

Each command parses options, calls one public function and writes its result.
Errors derived from :class:`~textmine.errors.TextmineError` are shown as one
line on stderr with a non-zero exit status (2 bad input, 3 output cannot be
written, 4 no spaCy model, 5 fetch failed, 1 anything else); ``--debug``
shows the traceback instead.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import click

from textmine import __version__
from textmine.errors import TextmineError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


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


@click.group(cls=TextmineGroup, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="textmine")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.option("-v", "--verbose", is_flag=True, help="Log progress to stderr.")
@click.pass_context
def cli(ctx: click.Context, debug: bool, verbose: bool) -> None:
    """Audit the language of partnership in legislation and statutory guidance.

    \b
    Example:
        textmine extract act.pdf --format jsonl -o act.jsonl
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    level = logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _kind_option() -> Any:
    from textmine.extract import KINDS

    return click.option(
        "--kind",
        type=click.Choice(KINDS),
        default=None,
        help="Document kind; auto-detected when omitted.",
    )


def _output_option() -> Any:
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Write to this file instead of stdout.",
    )


def _force_option() -> Any:
    return click.option("-f", "--force", is_flag=True, help="Overwrite an existing output file.")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "text"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one object per provision; csv: one row per provision; "
    "text: plain-text blocks that read back in.",
)
@_kind_option()
@_output_option()
@_force_option()
@click.option(
    "--keep-removed",
    is_flag=True,
    help="Also write what was kept out of the body (running heads, notes) "
    "as objects with \"removed\": true (jsonl only).",
)
def extract(
    paths: tuple[Path, ...],
    fmt: str,
    kind: str | None,
    output: Path | None,
    force: bool,
    keep_removed: bool,
) -> None:
    """Read documents into provisions with refs, headings and pages.

    \b
    Examples:
        textmine extract act.pdf
        textmine extract guidance.pdf --format text -o guidance.txt
        textmine extract section.xml --format csv -o section.csv
    """
    from textmine.extract import extract as extract_document
    from textmine.extract.export import write_documents

    documents = [extract_document(p, kind=kind) for p in paths]
    _emit(lambda fh: write_documents(documents, fh, fmt, keep_removed=keep_removed), output, force)


def _emit(write: Any, output: Path | None, force: bool) -> None:
    """Run ``write(handle)`` on stdout, or on ``output`` atomically."""
    if output is None:
        write(sys.stdout)
        return
    from textmine.output import atomic_output

    with atomic_output(output, force=force) as handle:
        write(handle)


def main() -> None:
    """Console-script entry point."""
    cli(obj={})


if __name__ == "__main__":  # pragma: no cover
    main()
