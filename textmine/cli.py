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
from pathlib import Path
from typing import Any

import click

from textmine import __version__
from textmine.cli_options import (
    TextmineGroup,
    cache_options,
    check_folder,
    check_output,
    corrections_option,
    done,
    emit,
    force_option,
    format_option,
    kind_option,
    lexicon_option,
    output_option,
    progress_wanted,
    revision_option,
)
from textmine.nlp.rules.registry import FIELDS
from textmine.text import plural

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=TextmineGroup, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="textmine")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.option("-v", "--verbose", is_flag=True, help="Log progress to stderr.")
@click.pass_context
def cli(ctx: click.Context, debug: bool, verbose: bool) -> None:
    """Audit the language of partnership in legislation and statutory guidance.

    Reads PDF, legislation XML (CLML), saved web pages (.html/.htm: GOV.UK and
    legislation.gov.uk), Word .docx (tracked changes: --revision) and plain text.

    \b
    Example:
        textmine extract act.pdf --format jsonl -o act.jsonl

    \b
    Exit status (every error is one line on stderr):
        0    success (also when the reader of the output goes away: | head)
        1    any other error
        2    bad input (one line naming the file and the reason); analyse
             with several inputs writes the report on those it could read,
             lists the others, and exits 2
        3    an output that cannot be written (its folder missing or not
             writable, disk full) or would overwrite a file (use --force);
             textmine creates the file or folder you name, never a
             missing folder above it
        4    no spaCy model
        5    a download failed (fetch)
        6    diff --fail-on found a change of a listed kind
        130  interrupted (Ctrl-C); no partial output is left
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    level = logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option(
    ["jsonl", "csv", "text"],
    "jsonl",
    "jsonl: one object per provision; csv: one row per provision; "
    "text: plain-text blocks that read back in.",
)
@kind_option()
@output_option()
@force_option()
@click.option(
    "--keep-removed",
    is_flag=True,
    help="Also write what was kept out of the body (running heads, banners, notes, "
    'footnotes) as objects with "removed": true (jsonl only).',
)
@revision_option()
def extract(
    paths: tuple[Path, ...],
    fmt: str,
    kind: str | None,
    output: Path | None,
    force: bool,
    keep_removed: bool,
    revision: str,
) -> None:
    """Read documents into provisions with refs, headings and pages.

    PATH may be a PDF, legislation XML (CLML), a saved web page (.html/.htm:
    GOV.UK or legislation.gov.uk), a Word .docx or plain text (.txt/.md).

    \b
    Examples:
        textmine extract act.pdf
        textmine extract guidance.pdf --format text -o guidance.txt
        textmine extract section.xml --format csv -o section.csv
        textmine extract publication.html --format jsonl
        textmine extract draft.docx --revision original
    """
    from textmine.extract import extract as extract_document
    from textmine.extract.export import write_documents
    from textmine.progress import steps as progress_steps
    from textmine.settings import Settings

    check_output(output, force)
    settings = Settings().with_(revision=revision)
    with progress_steps(progress_wanted()) as steps:
        documents = [
            extract_document(p, kind=kind, settings=settings) for p in steps.track(paths, "Reading")
        ]
    _warn_failed_pages(documents)
    emit(lambda fh: write_documents(documents, fh, fmt, keep_removed=keep_removed), output, force)
    n = sum(len(d.provisions) for d in documents)
    done(
        f"textmine extract: {plural(n, 'provision')} from {plural(len(documents), 'document')}",
        output,
    )


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
@format_option(
    ["text", "json"], "text", "text: tables for reading; json: the same figures for scripts."
)
@click.option(
    "--details/--no-details",
    default=True,
    show_default=True,
    help="List each missed, false and wrongly labelled occurrence (locators only).",
)
@click.option(
    "--by-document",
    is_flag=True,
    help="One line of figures per document of GOLD, then the pooled figures.",
)
@output_option()
@force_option()
def eval_command(
    gold: Path,
    pred: Path,
    provisions: Path | None,
    fmt: str,
    details: bool,
    by_document: bool,
    output: Path | None,
    force: bool,
) -> None:
    """Score tagger output PRED against hand-labelled GOLD, or an analyst's CORRECTIONS.

    Prints precision, recall and F1 of term detection per canonical term and
    micro-averaged, the accuracy of actor, recipients, modality, negated,
    voice, level and term over matched occurrences, and a table of wrong values.
    GOLD may be in the contract's row form or in locator form (text + nth). A
    corrections file (lines with a "verdict", as the report's "Download
    corrections" writes) is a gold set too: PRED is scored over the rows the
    analyst reviewed (recall counts the occurrences the file adds).

    \b
    Examples:
        textmine tag guidance.pdf -o pred.jsonl
        textmine eval tests/nlp/data/gold_dev.jsonl pred.jsonl --format json
        textmine eval gold.jsonl pred.jsonl --by-document
        textmine eval corrections.jsonl pred.jsonl
    """
    import json

    from textmine.nlp.eval.evaluate import evaluate_files
    from textmine.nlp.eval.text import render_by_document
    from textmine.review.corrections import is_corrections_file

    check_output(output, force)
    corrections = is_corrections_file(gold)
    if by_document and not corrections:
        reports = evaluate_files(gold, pred, provisions_path=provisions, by_document=True)
        if fmt == "json":
            data = {doc or "pooled": r.to_dict(details=details) for doc, r in reports.items()}
            text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        else:
            text = render_by_document(reports)
        emit(lambda fh: fh.write(text), output, force)
        done("textmine eval: scores", output)
        return
    header: list[str] = []
    extra: dict[str, Any] = {}
    if corrections:
        from textmine.review import evaluate_corrections

        report, used = evaluate_corrections(gold, pred)
        header, extra = used.header_lines(), {"corrections": used.to_dict()}
    else:
        report = evaluate_files(gold, pred, provisions_path=provisions)
    if fmt == "json":
        data = {**extra, **report.to_dict(details=details)}
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    else:
        text = "".join(f"{line}\n" for line in header) + report.to_text(details=details)
    emit(lambda fh: fh.write(text), output, force)
    done("textmine eval: scores", output)


@cli.command("rules")
@click.option(
    "--field",
    type=click.Choice(FIELDS),
    default=None,
    help="Only the rules deciding this field.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def rules_command(field: str | None, fmt: str) -> None:
    """List the tagger's rules: name, what each decides, description and example.

    Every name ``textmine tag --explain`` prints is one of these; each
    example is a test of the rule.

    \b
    Example:
        textmine rules --field actor
    """
    import json

    from textmine.nlp.rules.catalogue import rules_text, selected_rules

    rules = selected_rules(field)
    if fmt == "json":
        click.echo(json.dumps([r.as_dict() for r in rules], indent=2, ensure_ascii=False))
    else:
        click.echo(rules_text(rules), nl=False)


@cli.command("tag")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option(
    ["jsonl"],
    "jsonl",
    "jsonl: one object per occurrence, in document order (the tagging contract).",
)
@output_option()
@force_option()
@click.option(
    "--explain", is_flag=True, help='Add an "explain" object: pattern and rule of each field.'
)
@lexicon_option()
@kind_option()
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
@revision_option()
@corrections_option()
@cache_options
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
    revision: str,
    corrections: Path | None,
    cache_dir: Path | None,
    no_cache: bool,
) -> None:
    """Tag partnership terms (inform ... co-produce): who does it to whom, must/should/may.

    PATH may be a PDF, legislation XML (CLML), a saved web page (.html/.htm:
    GOV.UK or legislation.gov.uk), a Word .docx or plain text (.txt/.md).

    \b
    Examples:
        textmine tag guidance.pdf -o occurrences.jsonl
        textmine tag act.xml code.txt --explain
        textmine tag draft.txt --lexicon my_lexicons/
        textmine tag draft.docx --revision original
        textmine tag guidance.pdf --corrections corrections.jsonl -o reviewed.jsonl
    """
    from textmine.engine import process_inputs
    from textmine.groups import load_groups
    from textmine.inputs import InputSpec
    from textmine.progress import steps as progress_steps
    from textmine.rows import write_rows
    from textmine.settings import Settings

    settings = Settings().with_(
        explain=explain or None,
        lexicon_dir=lexicon_dir,
        workers=n_process or 1,
        batch_size=batch_size,
        revision=revision,
        cache_dir=cache_dir,
        use_cache=False if no_cache else None,
    )
    check_output(output, force)
    found = None
    if corrections is not None:
        from textmine.review import apply_corrections, read_corrections

        found = read_corrections(corrections, groups=load_groups(lexicon_dir))
    specs = [InputSpec(path=p, kind=kind) for p in paths]
    with progress_steps(progress_wanted()) as steps:
        processed = process_inputs(specs, settings, steps=steps, keep_going=False)
    _warn_failed_pages(processed.documents)
    rows = processed.rows
    if corrections is not None and found is not None:
        rows, review = apply_corrections(rows, found, file=corrections.name)
        click.echo(f"textmine tag: corrections {review.line()}", err=True)
        for skipped in review.not_applied:
            click.echo(f"textmine tag: not applied: {skipped}", err=True)
    emit(lambda fh: write_rows(rows, fh), output, force)
    done(
        f"textmine tag: {plural(len(rows), 'occurrence')} in "
        f"{plural(len(processed.documents), 'document')}",
        output,
    )


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
@force_option("Download again files that are already there.")
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

    check_folder(dest)
    folder = dest if dest is not None else Settings().corpora_dir
    for result in fetch(folder, manifest=manifest, force=force):
        note = " (checksum recorded)" if result.recorded else ""
        click.echo(
            f"{result.status}: {result.path} ({result.size:,} bytes, "
            f"sha256 {result.sha256[:12]}…){note}"
        )


from textmine.cli_audit import (  # noqa: E402  (commands registered on the group above)
    analyse_command,
    diff_command,
    measure_command,
    stats,
)

for _command in (measure_command, stats, analyse_command, diff_command):
    cli.add_command(_command)


def main() -> None:
    """Console-script entry point."""
    cli(obj={})


if __name__ == "__main__":  # pragma: no cover
    main()
