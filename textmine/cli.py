"""The ``textmine`` command line: a thin layer over the library.

Each command parses options, calls one public function and writes its result.
Errors derived from :class:`~textmine.errors.TextmineError` are shown as one
line on stderr with a non-zero exit status (2 bad input, 3 output cannot be
written, 4 no spaCy model, 5 fetch failed, 1 anything else); ``--debug``
shows the traceback instead. ``textmine diff --fail-on KINDS`` exits with 6
when it finds a change of one of those kinds; an interrupted run (Ctrl-C,
SIGINT) exits with 130 after one line ``Error: interrupted``, leaving no
partial output.
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
            click.echo("Error: interrupted", err=True)
            ctx.exit(INTERRUPTED_EXIT_CODE)


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

    \b
    Exit status:
        0    success
        1    any other error
        2    bad input (one line naming the file and the reason); analyse
             with several inputs writes the report on those it could read,
             lists the others, and exits 2
        3    an output that cannot be written (folder missing or not
             writable, disk full) or would overwrite a file (use --force)
        4    no spaCy model
        5    a download failed (fetch)
        6    diff --fail-on found a change of a listed kind
        130  interrupted (Ctrl-C); no partial output is left
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
        # Not dir_okay=False: a folder is reported by textmine.output as one clear line.
        type=click.Path(path_type=Path),
        default=None,
        help="Write to this file instead of stdout.",
    )


def _folder_option(help: str) -> Any:
    """``-o/--output`` for commands that write a folder of files."""
    return click.option(
        "-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=None, help=help
    )


def _format_option(choices: list[str], default: str | None, help: str) -> Any:
    """``--format`` (the ``fmt`` parameter); the default is shown when there is one."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=default is not None,
        help=help,
    )


def _force_option(help: str = "Overwrite an existing output file.") -> Any:
    return click.option("-f", "--force", is_flag=True, help=help)


def _cache_options(func: Any) -> Any:
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


def _lexicon_option() -> Any:
    return click.option(
        "--lexicon",
        "lexicon_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Folder with your own terms.jsonl, actors.jsonl and cues.jsonl.",
    )


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_format_option(
    ["jsonl", "csv", "text"],
    "jsonl",
    "jsonl: one object per provision; csv: one row per provision; "
    "text: plain-text blocks that read back in.",
)
@_kind_option()
@_output_option()
@_force_option()
@click.option(
    "--keep-removed",
    is_flag=True,
    help="Also write what was kept out of the body (running heads, notes) "
    'as objects with "removed": true (jsonl only).',
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

    _check_output(output, force)
    documents = [extract_document(p, kind=kind) for p in paths]
    _warn_failed_pages(documents)
    _emit(lambda fh: write_documents(documents, fh, fmt, keep_removed=keep_removed), output, force)


@cli.command("eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.argument("pred", type=click.Path(path_type=Path))
@click.option(
    "--provisions",
    type=click.Path(path_type=Path),
    default=None,
    help="Gold provisions file (judges predictions in provisions with no gold "
    "occurrence); default: GOLD's sibling NAME_provisions.jsonl when it exists.",
)
@_format_option(
    ["text", "json"], "text", "text: tables for reading; json: the same figures for scripts."
)
@click.option(
    "--details/--no-details",
    default=True,
    show_default=True,
    help="List each missed, false and wrongly labelled occurrence (locators only).",
)
@_output_option()
@_force_option()
def eval_command(
    gold: Path,
    pred: Path,
    provisions: Path | None,
    fmt: str,
    details: bool,
    output: Path | None,
    force: bool,
) -> None:
    """Score tagger output PRED against hand-labelled GOLD (both JSON Lines).

    Prints precision, recall and F1 of term detection per canonical term and
    micro-averaged, the accuracy of actor, recipients, modality, negated,
    voice, level and term over matched occurrences, and a table of wrong values.
    GOLD may be in the contract's row form or in locator form (text + nth).

    \b
    Example:
        textmine tag guidance.pdf -o pred.jsonl
        textmine eval tests/nlp/data/gold_dev.jsonl pred.jsonl --format json
    """
    import json

    from textmine.nlp.evaluate import evaluate_files

    report = evaluate_files(gold, pred, provisions_path=provisions)
    if fmt == "json":
        text = json.dumps(report.to_dict(details=details), indent=2, ensure_ascii=False) + "\n"
    else:
        text = report.to_text(details=details)
    _emit(lambda fh: fh.write(text), output, force)


@cli.command("measure")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_folder_option("Folder for the tables [default: outputs/measures].")
@click.option(
    "--actor",
    default="local_authority",
    show_default=True,
    help="Actor of the family-vs-professional asymmetry; 'all' for every actor.",
)
@click.option(
    "--pair",
    nargs=2,
    default=None,
    metavar="DOC_A DOC_B",
    help="Documents (ids = file stems) to compare for divergence "
    "[default: the first act/si and the first guidance document].",
)
@click.option("--seed", type=int, default=None, help="Seed of the bootstrap and permutation tests.")
@_force_option()
def measure_command(
    paths: tuple[Path, ...],
    output: Path | None,
    actor: str,
    pair: tuple[str, str] | None,
    seed: int | None,
    force: bool,
) -> None:
    """Measure terminology inconsistency in tagged documents (JSON Lines of `textmine tag`).

    Writes relations, relation_terms, asymmetry, asymmetry_by_part, divergence,
    divergence_strength, harmonisation, tii and near_synonyms as CSV and JSON,
    and prints the TII per document and the asymmetry and divergence headlines.

    \b
    Example:
        textmine tag act.pdf -o act.jsonl
        textmine tag guidance.pdf -o guidance.jsonl
        textmine measure act.jsonl guidance.jsonl -o outputs/measures
    """
    from textmine.measure import measure, read_tagged, summarise, write_tables
    from textmine.settings import Settings

    settings = Settings().with_(seed=seed)
    tables = measure(
        read_tagged(paths),
        settings=settings,
        pair=pair or None,
        actor=None if actor == "all" else actor,
    )
    folder = output if output is not None else settings.output_dir / "measures"
    written = write_tables(tables, folder, force=force)
    for line in summarise(tables):
        click.echo(line)
    click.echo(f"Wrote {len(written)} files to {folder}")


@cli.command()
@click.argument("csvs", nargs=-1, type=click.Path(path_type=Path))
@_format_option(
    ["json", "text", "csv"],
    "text",
    "json: headline, notes and every table; csv: all tables stacked (first column "
    "'table'); text: a readable summary.",
)
@_output_option()
@_force_option()
def stats(csvs: tuple[Path, ...], fmt: str, output: Path | None, force: bool) -> None:
    """SEN2 statistics: requests for an EHC needs assessment agreed, by source of request.

    Reads the DfE "Education, health and care plans" CSV files given (requests.csv,
    timeliness_20_week.csv, sen2_mi.csv, or folders holding them), by column name.
    With none, uses the 2025 source-of-request table bundled with textmine (offline).
    Reports shares agreed by source, the professional-vs-family relative rate with a
    95% CI, per-area tests (Holm and Benjamini-Hochberg corrected), a Mantel-Haenszel
    pooled ratio, and refusal and 20-week timeliness trends.

    \b
    Examples:
        textmine stats
        textmine stats requests.csv --format json -o sen2.json
        textmine stats ehcp_2025/ sen2_mi.csv --format csv -o sen2.csv
    """
    from textmine.findings.stats import compute_stats, write_stats

    result = compute_stats(csvs)
    _emit(lambda fh: write_stats(result, fh, fmt), output, force)


@cli.command("tag")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_format_option(
    ["jsonl"],
    "jsonl",
    "jsonl: one object per occurrence, in document order (the tagging contract).",
)
@_output_option()
@_force_option()
@click.option(
    "--explain", is_flag=True, help='Add an "explain" object: pattern and rule of each field.'
)
@_lexicon_option()
@_kind_option()
@click.option(
    "--n-process",
    "--workers",
    "n_process",
    type=click.IntRange(min=1),
    default=None,
    help="Parser processes [default: 1].",
)
@click.option(
    "--batch-size", type=click.IntRange(min=1), default=None, help="Texts per parser batch."
)
@_cache_options
def tag_command(
    paths: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    force: bool,
    explain: bool,
    lexicon_dir: Path | None,
    kind: str | None,
    n_process: int | None,
    batch_size: int | None,
    cache_dir: Path | None,
    no_cache: bool,
) -> None:
    """Tag partnership terms (inform ... co-produce): who does it to whom, must/should/may.

    \b
    Examples:
        textmine tag guidance.pdf -o occurrences.jsonl
        textmine tag act.xml code.txt --explain
        textmine tag draft.txt --lexicon my_lexicons/
    """
    from textmine.engine import process_inputs
    from textmine.inputs import InputSpec
    from textmine.nlp.rows import write_rows
    from textmine.settings import Settings

    settings = Settings().with_(
        explain=explain or None,
        lexicon_dir=lexicon_dir,
        workers=n_process or 1,
        batch_size=batch_size,
        cache_dir=cache_dir,
        use_cache=False if no_cache else None,
    )
    _check_output(output, force)
    specs = [InputSpec(path=p, kind=kind) for p in paths]
    processed = process_inputs(specs, settings, keep_going=False)
    _warn_failed_pages(processed.documents)
    _emit(lambda fh: write_rows(processed.rows, fh), output, force)


def _warn_failed_pages(documents: Any) -> None:
    """One warning line on stderr per document with pages that could not be read."""
    for document in documents:
        if document.failed_pages:
            pages = ", ".join(str(n) for n in document.failed_pages)
            click.echo(
                f"Warning: {document.path}: page(s) {pages} could not be read; "
                "the other pages were extracted",
                err=True,
            )


@cli.command("analyse")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_folder_option("Folder for report.html and tables/ (default: outputs/<title>/).")
@click.option("--title", default=None, help="Title of the report (default: the documents' titles).")
@_force_option(
    "Write into a non-empty folder that holds no textmine report (replacing clashing files)."
)
@_lexicon_option()
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Parser processes on this machine [default: 2, or 1 on a one-core machine].",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Shard documents over a Dask cluster: tcp://host:port, or 'local' for a cluster "
    "of --workers processes on this machine (needs the [dask] extra).",
)
@_cache_options
@click.pass_context
def analyse_command(
    ctx: click.Context,
    paths: tuple[Path, ...],
    output: Path | None,
    title: str | None,
    force: bool,
    lexicon_dir: Path | None,
    workers: int | None,
    scheduler: str | None,
    cache_dir: Path | None,
    no_cache: bool,
) -> None:
    """Read, tag and measure documents and write the annotated HTML report.

    With no PATH it analyses the documents of corpora/ (see `textmine fetch`),
    or else the bundled example texts, so a first run works offline. The
    report is one self-contained report.html (no network needed to open it)
    with every table beside it as CSV and JSON. A folder holding an earlier
    textmine report is refreshed in place; any other non-empty folder needs
    --force.

    Each input is read on its own: one that cannot be read is listed (file and
    reason) in the report and at the end of the output, the others are
    analysed, and the exit status is 2. When none can be read, one error line
    and no report. Extractions, tagged rows, measures and statistics are
    cached (--cache-dir, --no-cache), so a re-run on unchanged inputs takes
    seconds.

    \b
    Examples:
        textmine analyse
        textmine analyse act.pdf code.pdf -o outputs/send --title "CFA 2014 and the Code"
        textmine analyse draft.txt --lexicon my_lexicons/
        textmine analyse acts/*.pdf --scheduler tcp://10.0.0.5:8786
    """
    from textmine.analysis import analyse
    from textmine.report import default_out_dir, render_report
    from textmine.report.outdir import check_out_dir
    from textmine.settings import Settings

    if output is not None:
        check_out_dir(output, ["report.html"], force=force)
    settings = Settings().with_(
        lexicon_dir=lexicon_dir,
        workers=workers,
        scheduler=scheduler,
        cache_dir=cache_dir,
        use_cache=False if no_cache else None,
    )
    result = analyse(paths, settings=settings, title=title, progress=True)
    report = render_report(result, output or default_out_dir(result), force=force)
    for line in result.summary_lines(report):
        click.echo(line)
    if result.failures:
        click.echo(
            f"Error: {len(result.failures)} of {len(result.failures) + len(result.documents)} "
            "inputs could not be read (listed above); the report covers the others",
            err=True,
        )
        ctx.exit(PARTIAL_EXIT_CODE)


@cli.command("fetch")
@click.option(
    "--dest",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the documents [default: corpora].",
)
@click.option(
    "--manifest",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Manifest to use [default: DEST/MANIFEST.tsv, else the one shipped with textmine].",
)
@_force_option("Download again files that are already there.")
def fetch_command(dest: Path | None, manifest: Path | None, force: bool) -> None:
    """Download the corpus documents listed in the manifest (Open Government Licence).

    Missing files are downloaded, checked and recorded (sha256) in the
    manifest; files already present are verified, never replaced without
    --force. Exit status 5 when a download fails.

    \b
    Examples:
        textmine fetch
        textmine fetch --dest corpora --force
    """
    from textmine.fetch import fetch
    from textmine.settings import Settings

    folder = dest if dest is not None else Settings().corpora_dir
    for result in fetch(folder, manifest=manifest, force=force):
        note = " (checksum recorded)" if result.recorded else ""
        click.echo(
            f"{result.status}: {result.path} ({result.size:,} bytes, "
            f"sha256 {result.sha256[:12]}…){note}"
        )


@cli.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@_format_option(
    ["html", "jsonl", "csv"],
    None,
    "html: a report with inline word diffs and kind filters; jsonl/csv: one row per "
    "change. [default: from the -o suffix (.html, .csv), else jsonl]",
)
@_output_option()
@_force_option()
@click.option(
    "--fail-on",
    "fail_on",
    default=None,
    metavar="KINDS",
    help="Exit with status 6 when a change of one of these comma-separated kinds is found "
    "(weakened, deleted, strengthened, added, reworded, moved, unchanged).",
)
@click.option("--all", "include_unchanged", is_flag=True, help="Also list unchanged occurrences.")
@click.pass_context
def diff_command(
    ctx: click.Context,
    old: Path,
    new: Path,
    fmt: str | None,
    output: Path | None,
    force: bool,
    fail_on: str | None,
    include_unchanged: bool,
) -> None:
    """Audit NEW (a draft) against OLD: duties strengthened, weakened, reworded, moved...

    OLD and NEW may be any supported inputs (PDF, legislation XML, plain text),
    in any combination. Exit status 6 when --fail-on names a kind that was
    found (the output is written first); other errors as for every command.

    \b
    Examples:
        textmine diff guidance_2015.pdf draft_2026.txt -o changes.html
        textmine diff act.xml bill.pdf --format csv -o changes.csv
        textmine diff old.pdf draft.pdf --fail-on weakened,deleted > changes.jsonl
    """
    from textmine.diff import FAIL_EXIT_CODE, diff, parse_kinds

    try:
        fail_kinds = parse_kinds(fail_on)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--fail-on") from exc
    if fmt is None:
        suffix = output.suffix.lower() if output is not None else ""
        fmt = {".html": "html", ".htm": "html", ".csv": "csv"}.get(suffix, "jsonl")
    _check_output(output, force)
    result = diff(old, new, include_unchanged=include_unchanged)
    out_dir = output.parent if output is not None else Path.cwd()
    _emit(lambda fh: result.write(fh, fmt, out_dir=out_dir), output, force)
    found = result.of_kind(*fail_kinds)
    if found:
        click.echo(
            f"textmine diff: {len(found)} change(s) of kind {', '.join(fail_kinds)} found",
            err=True,
        )
        ctx.exit(FAIL_EXIT_CODE)


def _check_output(output: Path | None, force: bool) -> None:
    """Fail on an unwritable ``output`` before the slow part of a command (see ``_emit``)."""
    if output is not None:
        from textmine.output import check_output_path

        check_output_path(output, force=force)


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
