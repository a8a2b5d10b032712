"""Render an :class:`~textmine.analysis.Analysis` as one self-contained HTML report.

:func:`render_report` writes ``report.html``, the tagged occurrences behind
every figure (``occurrences.jsonl``, the rows of ``textmine tag --explain``)
and every measure table as CSV and JSON (``tables/<name>.csv|json``, via
:func:`textmine.measure.write_tables`) into a folder, following the folder
policy of :mod:`textmine.report.outdir`.

Safety: Jinja2 with autoescaping on for every template (and for strings);
data reach the templates as plain dicts; JSON for the script is embedded with
``|tojson`` (which escapes ``<``, ``>``, ``&`` and ``'``); only three pieces
go in unescaped, all textmine's own: the stylesheet, the script, and chart
SVG checked by :func:`textmine.report.charts.svg_markup`. The page carries a
Content-Security-Policy meta tag: nothing may be fetched (``default-src
'none'``; images only as ``data:``), styles inline, and the one inline script
only if its sha256 (computed here, at render time) matches.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import math
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, select_autoescape
from markupsafe import Markup

from textmine import timing
from textmine.cache import Cache, open_cache
from textmine.errors import ReportError
from textmine.output import reraise
from textmine.report.anchors import slug
from textmine.report.context import build_context, table_dict
from textmine.report.outdir import check_out_dir, publish, staging
from textmine.text import plural

log = logging.getLogger(__name__)

REPORT_FILE = "report.html"
OCCURRENCES_FILE = "occurrences.jsonl"
TABLES_DIR = "tables"
TEMPLATE = "report.html.j2"
#: Largest report we write: a browser must open it in a few seconds.
MAX_HTML_BYTES = 15 * 1024 * 1024
#: The report page's scripts, joined in this order into its one inline script.
REPORT_SCRIPTS: tuple[str, ...] = ("report.js", "review.js")
LEVEL_NAMES = {1: "inform", 2: "consult", 3: "involve", 4: "collaborate", 5: "co-produce"}
_MINUS = "\u2212"


def render_report(analysis: Any, out_dir: str | Path, *, force: bool = False) -> Path:
    """Write the report of ``analysis`` and its tables into ``out_dir``; return the HTML path.

    Raises :class:`~textmine.errors.OutputError` when the folder may not be
    written (see :mod:`textmine.report.outdir`) and
    :class:`~textmine.errors.ReportError` when the page would exceed
    :data:`MAX_HTML_BYTES`.
    """
    with timing.stage("render"):
        return _render_report(analysis, out_dir, force=force)


def _render_report(analysis: Any, out_dir: str | Path, *, force: bool) -> Path:
    from textmine.measure import write_tables
    from textmine.rows import frame_records, write_rows

    out_dir = Path(out_dir)
    tables = table_dict(analysis.tables)
    planned = [REPORT_FILE, OCCURRENCES_FILE] + [
        f"{TABLES_DIR}/{name}.{ext}" for name in tables for ext in ("csv", "json")
    ]
    check_out_dir(out_dir, planned, force=force)
    with staging(out_dir) as stage:
        try:
            written = write_tables(analysis.tables, stage / TABLES_DIR)
        except OSError as exc:  # e.g. a full disk: name the user's folder, not the stage
            reraise(exc, out_dir)
        files = [p.relative_to(stage).as_posix() for p in written]
        table_files = [
            {
                "name": name,
                "csv": f"{TABLES_DIR}/{name}.csv",
                "json": f"{TABLES_DIR}/{name}.json",
                "rows": len(table),
            }
            for name, table in tables.items()
        ]
        settings = getattr(analysis, "settings", None)
        cache = open_cache(settings) if settings is not None else None
        templates = _templates_folder(cache)
        html = render_html(build_context(analysis, out_dir, table_files), templates=templates)
        size = len(html.encode("utf-8"))
        if size > MAX_HTML_BYTES:
            raise ReportError(
                f"report would be {size / 1e6:.1f} MB, over the {MAX_HTML_BYTES / 1e6:.0f} MB limit"
            )
        try:
            (stage / REPORT_FILE).write_text(html, encoding="utf-8")
            with (stage / OCCURRENCES_FILE).open("w", encoding="utf-8") as handle:
                write_rows(frame_records(analysis.rows), handle)
        except OSError as exc:
            reraise(exc, out_dir)
        created = getattr(analysis.provenance, "generated", None)
        publish(
            stage,
            out_dir,
            [REPORT_FILE, OCCURRENCES_FILE, *files],
            {
                "title": analysis.title,
                # the run's one timestamp, so the folder holds no other
                "created": created or datetime.now(UTC).isoformat(timespec="seconds"),
            },
        )
    log.info("report written to %s (%d bytes)", out_dir / REPORT_FILE, size)
    return out_dir / REPORT_FILE


def default_out_dir(analysis: Any, output_dir: str | Path = "outputs") -> Path:
    """``<output_dir>/<slug of the title>``, the default folder of a report."""
    return Path(output_dir) / (getattr(analysis, "slug", None) or slug(analysis.title))


def render_html(context: Mapping[str, Any], *, templates: str | None = None) -> str:
    """The report page for a context made by :func:`~textmine.report.context.build_context`.

    ``templates`` is a folder where Jinja2 keeps the compiled templates
    between runs (its ``FileSystemBytecodeCache``, checked against each
    template's source), so a re-run does not compile them again.
    """
    return environment(templates).get_template(TEMPLATE).render(**page_assets(), **context)


def _templates_folder(cache: Cache | None) -> str | None:
    """The cache's folder of compiled templates, or ``None`` (no cache, or not writable)."""
    if cache is None:
        return None
    try:
        return str(cache.folder("templates"))
    except OSError as exc:
        log.warning("compiled templates not cached (%s)", exc)
        return None


def render_fragment(template: str, **context: Any) -> str:
    """Render one template (a page or a partial such as ``_methods.html.j2``) with ``context``."""
    return environment().get_template(template).render(**context)


def page_assets(*script_names: str) -> dict[str, Any]:
    """CSS, the scripts of ``static/`` (default: the report's and its review's), their CSP and
    the textmine version (for ``base.html.j2``).

    The scripts are joined into the page's one inline script, whose hash the
    CSP allows. Other pages in the report's look (e.g. a diff report) pass their own.
    """
    from textmine import __version__

    names = script_names or REPORT_SCRIPTS
    script = "\n".join(static_text(name) for name in names)
    for name in names:
        if "</" in static_text(name):  # would end the <script> element early
            raise ReportError(f"{name} must not contain '</'")
    return {
        "css": Markup(static_text("report.css")),
        "script": Markup(script),
        "csp": content_security_policy(script),
        "version": __version__,
    }


def content_security_policy(script: str) -> str:
    """The page's CSP: nothing fetched; inline styles; only the script with this hash runs."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )


@lru_cache(maxsize=4)
def static_text(name: str) -> str:
    """A file of ``textmine/report/static`` as text."""
    return (resources.files("textmine.report") / "static" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def environment(templates: str | None = None) -> Environment:
    """The report's Jinja2 environment: autoescaping everywhere, report filters registered;
    compiled templates kept in folder ``templates`` when given (see :func:`render_html`)."""
    env = Environment(
        loader=PackageLoader("textmine.report", "templates"),
        bytecode_cache=FileSystemBytecodeCache(templates) if templates is not None else None,
        autoescape=select_autoescape(
            enabled_extensions=("html", "htm", "xml", "j2"),
            default_for_string=True,
            default=True,
        ),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        num=fmt_number,
        signed=fmt_signed,
        signed_pct=fmt_signed_points,
        plural=fmt_plural,
        pct=fmt_percent,
        pvalue=fmt_pvalue,
        count=fmt_count,
        words=words,
        level_name=lambda level: LEVEL_NAMES.get(int(level), "") if level is not None else "",
        counts=fmt_counts,
        finding_anchor=lambda fid: f"f-{slug(fid)}",
        safe_href=safe_href,
        basename=lambda path: PurePosixPath(str(path).replace("\\", "/")).name,
    )
    return env


# --------------------------------------------------------------- filters


def _finite(value: object) -> float | None:
    if value is None or isinstance(value, bool | str):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def fmt_number(value: object, digits: int = 2) -> str:
    """``0.42`` with ``digits`` decimals; ``n/a`` for missing or NaN."""
    number = _finite(value)
    return "n/a" if number is None else f"{number:.{digits}f}"


def fmt_signed(value: object, digits: int = 2) -> str:
    """``+0.42`` / ``−0.42`` (a true minus sign); ``n/a`` for missing."""
    number = _finite(value)
    if number is None:
        return "n/a"
    text = f"{number:+.{digits}f}"
    return text.replace("-", _MINUS)


def fmt_signed_points(value: object) -> str:
    """A difference of two shares as signed percentage points: ``−20 pts``; ``n/a`` missing."""
    number = _finite(value)
    return "n/a" if number is None else f"{fmt_signed(100 * number, 0)} pts"


def fmt_plural(value: object, noun: str, nouns: str | None = None) -> str:
    """:func:`textmine.text.plural` of a template value: ``2 rows``; ``n/a rows`` if missing."""
    number = _finite(value)
    return f"n/a {nouns or noun + 's'}" if number is None else plural(round(number), noun, nouns)


def fmt_percent(value: object) -> str:
    """A share in 0..1 as a whole percentage."""
    number = _finite(value)
    return "n/a" if number is None else f"{100 * number:.0f}%"


def fmt_pvalue(value: object) -> str:
    number = _finite(value)
    if number is None:
        return "n/a"
    return "< 0.001" if number < 0.001 else f"{number:.3f}"


def fmt_count(value: object) -> str:
    """A count with thousands separators: ``47,744``."""
    number = _finite(value)
    return "n/a" if number is None else f"{round(number):,}"


def fmt_counts(value: object) -> str:
    """``{"1": 3, "2": 5}`` as ``level 1: 3, level 2: 5``; ``binding: 2, other: 4``."""
    if not isinstance(value, Mapping) or not value:
        return "—"
    return ", ".join(
        f"{'level ' + str(k) if str(k).isdigit() else words(k)}: {v}" for k, v in value.items()
    )


def words(value: object) -> str:
    """``local_authority`` -> ``local authority``."""
    return str(value).replace("_", " ") if value is not None else ""


def safe_href(value: object) -> str:
    """``value`` when it is an http(s) URL, an in-page ``#anchor`` or a relative path; else ``""``.

    Keeps ``javascript:``, ``data:`` and other schemes out of links made from
    manifest or registry data.
    """
    if not isinstance(value, str) or not value.strip():
        return ""
    text = value.strip()
    if text.startswith("#"):
        return text
    parts = urlsplit(text)
    if parts.scheme in ("http", "https") and parts.netloc:
        return text
    if not parts.scheme and not parts.netloc and not text.startswith("//"):
        return text
    return ""
