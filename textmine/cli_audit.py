"""The commands that turn documents and tagged rows into tables, reports and audits.

``measure``, ``stats``, ``analyse`` and ``diff``, registered on the group in
:mod:`textmine.cli`; like the others, each parses options and calls one public
function of the library.
"""

from __future__ import annotations

from pathlib import Path

import click

from textmine.cli_options import (
    PARTIAL_EXIT_CODE,
    actor_option,
    cache_options,
    check_actor,
    check_folder,
    check_output,
    corrections_option,
    done,
    emit,
    folder_option,
    force_option,
    format_option,
    lexicon_option,
    output_option,
    progress_wanted,
    revision_option,
)


@click.command("measure")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@folder_option("Folder for the tables [default: outputs/measures].")
@actor_option()
@click.option(
    "--pair",
    nargs=2,
    default=None,
    metavar="DOC_A DOC_B",
    help="Documents (ids = file stems) to compare for divergence "
    "[default: the first act/si and the first guidance document].",
)
@click.option("--seed", type=int, default=None, help="Seed of the bootstrap and permutation tests.")
@force_option()
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

    check_actor(actor)
    check_folder(output)
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


@click.command()
@click.argument("csvs", nargs=-1, type=click.Path(path_type=Path))
@format_option(
    ["json", "text", "csv"],
    "text",
    "json: headline, notes and every table; csv: all tables stacked (first column "
    "'table'); text: a readable summary.",
)
@output_option()
@force_option()
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

    check_output(output, force)
    result = compute_stats(csvs)
    emit(lambda fh: write_stats(result, fh, fmt), output, force)
    done("textmine stats: statistics", output)


@click.command("analyse")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@folder_option("Folder for report.html and tables/ (default: outputs/<title>/).")
@click.option("--title", default=None, help="Title of the report (default: the documents' titles).")
@force_option(
    "Write into a non-empty folder that holds no textmine report (replacing clashing files)."
)
@lexicon_option()
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
@revision_option()
@actor_option()
@corrections_option()
@cache_options
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
    revision: str,
    actor: str,
    corrections: Path | None,
    cache_dir: Path | None,
    no_cache: bool,
) -> None:
    """Read, tag and measure documents and write the annotated HTML report.

    PATH may be a PDF, legislation XML (CLML), a saved web page (.html/.htm:
    GOV.UK or legislation.gov.uk), a Word .docx or plain text (.txt/.md); the
    report names each document by the title it gives itself.

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
        textmine analyse act.pdf guidance.html draft.docx
        textmine analyse regulations.pdf guide.pdf --actor other
        textmine analyse code.pdf --corrections corrections.jsonl
        textmine analyse acts/*.pdf --scheduler tcp://10.0.0.5:8786
    """
    from textmine.analysis import analyse
    from textmine.report.outdir import check_out_dir
    from textmine.settings import Settings

    check_actor(actor, lexicon_dir)
    check_folder(output)
    if output is not None:
        check_out_dir(output, ["report.html"], force=force)
    settings = Settings().with_(
        lexicon_dir=lexicon_dir,
        workers=workers,
        scheduler=scheduler,
        revision=revision,
        actor=actor,
        cache_dir=cache_dir,
        use_cache=False if no_cache else None,
    )
    result = analyse(paths, settings=settings, title=title, progress=True, corrections=corrections)
    from textmine.report import default_out_dir, render_report  # pandas: once the workers run

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


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path), required=False)
@format_option(
    ["html", "jsonl", "csv"],
    None,
    "html: a report with inline word diffs and kind filters; jsonl/csv: one row per "
    "change. [default: from the -o suffix (.html, .csv), else jsonl]",
)
@output_option()
@force_option()
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
    new: Path | None,
    fmt: str | None,
    output: Path | None,
    force: bool,
    fail_on: str | None,
    include_unchanged: bool,
) -> None:
    """Audit NEW (a draft) against OLD: duties strengthened, weakened, reworded, moved...

    OLD and NEW may be any supported inputs (PDF, legislation XML, web page,
    Word .docx, plain text), in any combination. With one Word .docx and no
    NEW, its own tracked changes are audited: the original against the final,
    with the author and date of each change. Exit status 6 when --fail-on
    names a kind that was found (the output is written first); other errors
    as for every command.

    \b
    Examples:
        textmine diff guidance_2015.pdf draft_2026.txt -o changes.html
        textmine diff act.xml bill.pdf --format csv -o changes.csv
        textmine diff old.pdf draft.pdf --fail-on weakened,deleted > changes.jsonl
        textmine diff draft.docx -o changes.html
    """
    from textmine.diff import FAIL_EXIT_CODE, diff, diff_tracked, parse_kinds
    from textmine.progress import steps as progress_steps

    try:
        fail_kinds = parse_kinds(fail_on)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--fail-on") from exc
    if fmt is None:
        suffix = output.suffix.lower() if output is not None else ""
        fmt = {".html": "html", ".htm": "html", ".csv": "csv"}.get(suffix, "jsonl")
    check_output(output, force)
    with progress_steps(progress_wanted()) as steps:
        if new is None:
            result = diff_tracked(old, include_unchanged=include_unchanged, steps=steps)
        else:
            result = diff(old, new, include_unchanged=include_unchanged, steps=steps)
    out_dir = output.parent if output is not None else Path.cwd()
    emit(lambda fh: result.write(fh, fmt, out_dir=out_dir), output, force)
    done(f"textmine diff: {result.summary()}", output)
    found = result.of_kind(*fail_kinds)
    if found:
        click.echo(
            f"textmine diff: {len(found)} change(s) of kind {', '.join(fail_kinds)} found",
            err=True,
        )
        ctx.exit(FAIL_EXIT_CODE)
