"""One call from documents to everything the report shows: :func:`analyse`.

``analyse(paths)`` reads and tags each document through
:func:`textmine.engine.process_inputs` (cached, in worker processes or on a
Dask cluster, with ``explain`` on so the report can show the rule behind each
tag; an input that cannot be read is recorded in ``Analysis.failures`` and
the others go on), measures the rows (:func:`textmine.measure.measure`, cached),
computes the SEN2 statistics and fills the registry's computed findings
(:mod:`textmine.findings`), links findings to measures and provisions, and
records provenance (input checksums, lexicon and model versions, textmine
version, and one timestamp: when the run finished). It returns an :class:`Analysis`; rendering is
:func:`textmine.report.render_report`'s job.

Which documents are read when ``paths`` is empty (the corpora, else the
bundled sample) is :mod:`textmine.inputs`'s business.

With ``progress=True`` (the CLI) each long step shows a rich progress bar on
stderr; the library otherwise only logs.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import platform
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textmine import timing
from textmine.engine import Failure, process_inputs
from textmine.errors import InputError
from textmine.extract.document import Document
from textmine.findings.relevance import SEN2_FIELD
from textmine.groups import Groups, default_groups, load_groups
from textmine.inputs import SAMPLE_TITLE, InputSpec, resolve_inputs
from textmine.progress import steps as progress_steps
from textmine.settings import Settings
from textmine.text import document_name, shorten

if TYPE_CHECKING:
    import pandas as pd

    from textmine.cache import Cache

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Provenance:
    """Where every figure of a run comes from.

    ``generated`` (ISO 8601, UTC, whole seconds: when the analysis finished) is
    the one field that differs between two runs on the same inputs; no
    duration is recorded, so reports and tables are otherwise byte-identical.
    """

    generated: str
    textmine_version: str
    python_version: str
    inputs: tuple[dict[str, Any], ...]
    model: dict[str, Any]
    lexicon: dict[str, Any]
    settings: dict[str, Any]
    statistics_inputs: tuple[dict[str, Any], ...] = ()
    sample: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Analysis:
    """Documents, tagged rows, measure tables, findings and statistics of one run."""

    title: str
    documents: list[Document]
    rows: pd.DataFrame
    tables: Any  # textmine.measure.MeasureTables
    findings: list[Any]  # textmine.findings.registry.Finding
    links: Any  # textmine.findings.links.Links
    stats: Any  # textmine.findings.stats.Sen2Stats | None
    provenance: Provenance
    settings: Settings = field(default_factory=Settings)
    #: Inputs that could not be read (file, reason); the others were analysed.
    failures: list[Failure] = field(default_factory=list)
    #: The policy fields of the documents (which findings bear on them).
    relevance: Any = None  # textmine.findings.relevance.Relevance
    #: Whether the enacting text and the guidance compared are about the same provisions.
    pairing: Any = None  # textmine.measure.comparability.Comparability | None
    #: Labels of the party groups and the families' and professionals' sides.
    groups: Groups = field(default_factory=default_groups)
    #: What an analyst's corrections file changed (``analyse(..., corrections=FILE)``).
    review: Any = None  # textmine.review.ReviewSummary | None

    @property
    def slug(self) -> str:
        """A folder name for this analysis's outputs (at most 60 characters, whole words)."""
        from textmine.report.anchors import slug

        return slug(shorten(self.title.replace("-", " "), 60, mark=""), fallback="analysis")

    def names(self) -> dict[str, str]:
        """Document id -> the name every output gives it (title, else readable stem)."""
        return {d.doc: document_name(d.doc, d.title) for d in self.documents}

    def summary_lines(self, report: Path | None = None) -> list[str]:
        """Plain lines for a terminal: where the report is, and the headline figures."""
        from textmine.measure import summarise

        lines = [f"Report: {report}"] if report is not None else []
        names = self.names()
        for document in self.documents:
            n = int((self.rows["doc"] == document.doc).sum()) if len(self.rows) else 0
            lines.append(
                f"{names[document.doc]}: {len(document.provisions)} provisions, "
                f"{n} tagged occurrences"
            )
        lines += summarise(self.tables, names=names, groups=self.groups)
        if self.review is not None:
            lines.append(f"Corrections {self.review.line()}")
            lines += [f"Not applied: {n}" for n in self.review.not_applied]
        if self.pairing is not None and not self.pairing.comparable:
            lines.append(
                f"Not compared: {names.get(self.pairing.doc_a, self.pairing.doc_a)} and "
                f"{names.get(self.pairing.doc_b, self.pairing.doc_b)} are not about the same "
                f"provisions ({self.pairing.reason})"
            )
        if self.relevance is None or self.relevance.documents_of(SEN2_FIELD):
            headline = self.stats.headline() if self.stats is not None else {}
            for rec in headline.get("relative_rates", []):
                if rec.get("basis") == "received":
                    lines.append(
                        f"SEN2 {headline['period']} ({headline['area']}): professional requests "
                        f"agreed for assessment {rec['relative_rate']:.2f} times as often as "
                        f"family requests [95% CI {rec['ci_low']:.2f}, {rec['ci_high']:.2f}]"
                    )
        lines += [f"Not analysed: {failure}" for failure in self.failures]
        return lines


def analyse(
    paths: Sequence[str | Path] = (),
    *,
    settings: Settings | None = None,
    title: str | None = None,
    progress: bool = False,
    corrections: str | Path | None = None,
) -> Analysis:
    """Read, tag and measure ``paths`` (default: the corpora, else the bundled sample).

    ``corrections`` is an analyst's corrections file (:mod:`textmine.review`):
    applied to the tagged rows before anything is measured; what it changed,
    and the corrections whose occurrence is gone, are in ``Analysis.review``.

    Raises the readers' :class:`~textmine.errors.InputError` for unreadable
    input or a bad corrections file (read first, before any work) and
    :class:`~textmine.errors.ModelNotFoundError` when no spaCy model is
    installed.
    """
    from textmine import __version__
    from textmine.cache import open_cache
    from textmine.cache.results import cached_measure, cached_stats

    settings = (settings or Settings()).with_(explain=True)
    groups = load_groups(settings.lexicon_dir)
    reviewed = _read_corrections(corrections, groups)
    specs, sample = resolve_inputs(paths, settings)
    cache = open_cache(settings)
    early: dict[str, Any] = {}

    def while_workers_parse() -> None:
        early["stats"] = cached_stats(cache)
        _preload()

    with progress_steps(progress) as steps:
        processed = process_inputs(specs, settings, steps=steps, idle=while_workers_parse)
        if not processed.documents:
            raise _all_failed(processed.failures)
        from textmine.rows import rows_to_frame  # pandas: imported once workers run

        documents, specs = processed.documents, processed.specs
        tagged, review = processed.rows, None
        if reviewed is not None:
            from textmine.review import apply_corrections

            tagged, review = apply_corrections(tagged, reviewed[1], file=reviewed[0].name)
        with steps.status("Measuring"), timing.stage("measure"):
            rows = rows_to_frame(tagged)
            pairing = pair_documents(documents, rows, cache=cache)
            pair = None if pairing is None else (pairing.doc_a, pairing.doc_b)
            tables = cached_measure(
                tagged,
                rows,
                settings,
                cache,
                pair=pair if pairing is None or pairing.comparable else (),
                groups=groups,
            )
        with steps.status("Statistics and findings"), timing.stage("link"):
            stats = early["stats"] if "stats" in early else cached_stats(cache)
            evidence = gather_evidence(documents, tables, stats=stats, cache=cache)
    provenance = Provenance(
        generated=_now(),
        textmine_version=__version__,
        python_version=platform.python_version(),
        inputs=tuple(_input_record(d, s) for d, s in zip(documents, specs, strict=True)),
        model=processed.model or {},
        lexicon=lexicon_record(settings),
        settings={
            "seed": settings.seed,
            "n_bootstrap": settings.n_bootstrap,
            "n_permutations": settings.n_permutations,
            "models": list(settings.models),
            "actor": settings.actor,
            "groups": groups.source,
            **({"corrections": _file_record(reviewed[0])} if reviewed is not None else {}),
        },
        statistics_inputs=tuple(
            _plain(f) for f in (evidence.stats.files if evidence.stats is not None else [])
        ),
        sample=sample,
    )
    return Analysis(
        title=title or (SAMPLE_TITLE if sample else default_title(documents)),
        documents=documents,
        rows=rows,
        tables=tables,
        findings=evidence.findings,
        links=evidence.links,
        stats=evidence.stats,
        provenance=provenance,
        settings=settings,
        failures=processed.failures,
        relevance=evidence.relevance,
        pairing=pairing,
        groups=groups,
        review=review,
    )


def default_title(documents: Iterable[Document]) -> str:
    """``"<A> and <B>"`` (titles, else readable stems), cut between words at 120 characters."""
    names = [document_name(d.doc, d.title) for d in documents]
    text = " and ".join(names) if len(names) <= 2 else f"{names[0]} and {len(names) - 1} more"
    return shorten(text, 120)


def pair_documents(
    documents: Sequence[Document], rows: pd.DataFrame, *, cache: Cache | None = None
) -> Any:
    """The enacting text and guidance to compare, and whether they are comparable.

    The pair is :func:`textmine.measure.choose_pair`'s (first act/bill/si,
    first guidance); the verdict is
    :func:`textmine.measure.comparability.comparability` over the two
    documents' provision texts (taken from ``cache`` when it holds the verdict
    on the same texts). ``None`` when there is no pair.
    """
    from textmine.cache.results import cached_comparability
    from textmine.measure import choose_pair

    chosen = choose_pair(rows) if len(rows) else None
    if chosen is None:
        return None
    by_doc = {d.doc: d for d in documents}
    a, b = by_doc.get(chosen[0]), by_doc.get(chosen[1])
    if a is None or b is None:
        return None
    return cached_comparability(
        [p.text for p in a.provisions],
        [p.text for p in b.provisions],
        cache,
        doc_a=a.doc,
        doc_b=b.doc,
        title_a=a.title,
        refs_a=[p.ref for p in a.provisions],
    )


def lexicon_record(settings: Settings) -> dict[str, Any]:
    """Which lexicon a run used: folder, and sha256 and line count of each file."""
    folder: Any = settings.lexicon_dir
    if folder is None:
        try:
            folder = resources.files("textmine.lexicons")
        except ModuleNotFoundError:
            folder = Path(__file__).resolve().parent.parent / "lexicons"
    files = {}
    for name in ("terms.jsonl", "actors.jsonl", "cues.jsonl", "groups.jsonl"):
        entry = folder / name
        if entry.is_file():
            data = entry.read_bytes()
            files[name] = {
                "sha256": hashlib.sha256(data).hexdigest(),
                "lines": sum(1 for line in data.splitlines() if line.strip()),
            }
    return {"folder": "bundled" if settings.lexicon_dir is None else str(folder), "files": files}


@dataclass(frozen=True)
class Evidence:
    """What :func:`gather_evidence` returns."""

    stats: Any  # textmine.findings.stats.Sen2Stats
    findings: list[Any]  # every finding of the registry, computed values filled
    links: Any  # textmine.findings.links.Links of the findings that bear on the documents
    relevance: Any  # textmine.findings.relevance.Relevance


def gather_evidence(
    documents: Sequence[Document], tables: Any, *, stats: Any = None, cache: Cache | None = None
) -> Evidence:
    """SEN2 statistics, the registry's findings filled from them, their relevance and links.

    ``stats`` as given, else :func:`~textmine.findings.stats.compute_stats`;
    the registry with its computed values filled; which findings bear on
    ``documents`` (:mod:`textmine.findings.relevance`: the policy field of each
    document, taken from ``cache`` for a document whose text it has seen); and
    those findings linked to the measure ids of ``tables`` and to the provision
    labels of ``documents`` (the others link to nothing).
    """
    from textmine.cache.results import cached_relevance
    from textmine.findings.computed import fill_computed
    from textmine.findings.links import link, measure_ids_from_tables
    from textmine.findings.registry import load_findings
    from textmine.findings.stats import compute_stats
    from textmine.measure.frame import provision_label

    stats = stats if stats is not None else compute_stats()
    findings = fill_computed(load_findings(), stats)
    fields = cached_relevance({d.doc: [p.text for p in d.provisions] for d in documents}, cache)
    bearing, _other = fields.split(findings)
    labels = [provision_label(d.doc, p.ref, p.page) for d in documents for p in d.provisions]
    links = link(bearing, measure_ids_from_tables(tables), labels)
    return Evidence(stats=stats, findings=findings, links=links, relevance=fields)


# ------------------------------------------------------------------ steps


def _preload() -> None:
    """Import what measuring and the report need (scipy, scikit-learn, matplotlib, the
    templates) while worker processes parse, instead of after them, when this process is
    all that runs."""
    for name in (
        "scipy.stats",
        "scipy.spatial.distance",
        "sklearn.feature_extraction.text",
        "sklearn.neighbors",
        "textmine.measure",
        "textmine.report.render",
        "matplotlib.figure",  # the charts (textmine.report.charts)
        "matplotlib.backends.backend_svg",
    ):
        importlib.import_module(name)


def _all_failed(failures: Sequence[Failure]) -> InputError:
    """One error for a run none of whose inputs could be read: the first, and how many more."""
    first = failures[0]
    more = f" (and {len(failures) - 1} more input(s) failed)" if len(failures) > 1 else ""
    return InputError(first.path, first.reason + more)


# ------------------------------------------------------------ provenance


def _input_record(document: Document, spec: InputSpec) -> dict[str, Any]:
    return {
        "doc": document.doc,
        "title": document.title,
        "kind": document.kind,
        "file": spec.path.name,
        "sha256": document.sha256,
        "pages": document.pages,
        "provisions": len(document.provisions),
        "url": document.url,
        "licence": spec.licence,
        "source": spec.source,
    }


def _read_corrections(path: str | Path | None, groups: Groups) -> tuple[Path, list[Any]] | None:
    """The corrections of ``path`` (validated against ``groups``), or ``None``."""
    if path is None:
        return None
    from textmine.review import read_corrections

    return Path(path), read_corrections(path, groups=groups)


def _file_record(path: Path) -> dict[str, Any]:
    return {"file": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}


def _plain(record: dict[str, object]) -> dict[str, Any]:
    return {str(k): (str(v) if isinstance(v, Path) else v) for k, v in record.items()}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -------------------------------------------------------------- manifests
