"""One call from documents to everything the report shows: :func:`analyse`.

``analyse(paths)`` reads each document (:func:`textmine.extract.extract`),
tags it (:mod:`textmine.nlp.tagging`, with ``explain`` on so the report can
show the rule behind each tag), measures the rows (:func:`textmine.measure.measure`),
computes the SEN2 statistics and fills the registry's computed findings
(:mod:`textmine.findings`), links findings to measures and provisions, and
records provenance (input checksums, lexicon and model versions, textmine
version, timestamps). It returns an :class:`Analysis`; rendering is
:func:`textmine.report.render_report`'s job.

Which documents are read when ``paths`` is empty (the corpora, else the
bundled sample) is :mod:`textmine.inputs`'s business.

With ``progress=True`` (the CLI) each long step shows a rich progress bar on
stderr; the library otherwise only logs.
"""

from __future__ import annotations

import hashlib
import logging
import platform
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textmine.extract.document import Document
from textmine.inputs import SAMPLE_TITLE, InputSpec, resolve_inputs
from textmine.progress import Steps
from textmine.progress import steps as progress_steps
from textmine.settings import Settings

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

#: Provisions tagged per progress step (whole units are never split).
TAG_CHUNK = 120


@dataclass(frozen=True)
class Provenance:
    """Where every figure of a run comes from."""

    started: str
    finished: str
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

    @property
    def slug(self) -> str:
        """A folder name for this analysis's outputs."""
        from textmine.report.anchors import slug

        return slug(self.title, fallback="analysis")[:60].strip("-")

    def summary_lines(self, report: Path | None = None) -> list[str]:
        """Plain lines for a terminal: where the report is, and the headline figures."""
        from textmine.measure import summarise

        lines = [f"Report: {report}"] if report is not None else []
        for document in self.documents:
            n = int((self.rows["doc"] == document.doc).sum()) if len(self.rows) else 0
            lines.append(
                f"{document.doc}: {len(document.provisions)} provisions, {n} tagged occurrences"
            )
        lines += summarise(self.tables)
        headline = self.stats.headline() if self.stats is not None else {}
        for rec in headline.get("relative_rates", []):
            if rec.get("basis") == "received":
                lines.append(
                    f"SEN2 {headline['period']} ({headline['area']}): professional requests "
                    f"agreed for assessment {rec['relative_rate']:.2f} times as often as "
                    f"family requests [95% CI {rec['ci_low']:.2f}, {rec['ci_high']:.2f}]"
                )
        return lines


def analyse(
    paths: Sequence[str | Path] = (),
    *,
    settings: Settings | None = None,
    title: str | None = None,
    progress: bool = False,
) -> Analysis:
    """Read, tag and measure ``paths`` (default: the corpora, else the bundled sample).

    Raises the readers' :class:`~textmine.errors.InputError` for unreadable
    input and :class:`~textmine.errors.ModelNotFoundError` when no spaCy model
    is installed.
    """
    from textmine import __version__
    from textmine.measure import measure

    settings = (settings or Settings()).with_(explain=True)
    started = _now()
    specs, sample = resolve_inputs(paths, settings)
    with progress_steps(progress) as steps:
        documents = [_read(spec, settings) for spec in steps.track(specs, "Reading documents")]
        nlp = _pipeline(settings)
        rows = _tag(documents, nlp, settings, steps)
        with steps.status("Measuring"):
            tables = measure(rows, settings=settings)
        with steps.status("Statistics and findings"):
            stats, findings, links = gather_evidence(documents, tables)
    provenance = Provenance(
        started=started,
        finished=_now(),
        textmine_version=__version__,
        python_version=platform.python_version(),
        inputs=tuple(_input_record(d, s) for d, s in zip(documents, specs, strict=True)),
        model=_model_record(nlp),
        lexicon=lexicon_record(settings),
        settings={
            "seed": settings.seed,
            "n_bootstrap": settings.n_bootstrap,
            "n_permutations": settings.n_permutations,
            "models": list(settings.models),
        },
        statistics_inputs=tuple(_plain(f) for f in (stats.files if stats is not None else [])),
        sample=sample,
    )
    return Analysis(
        title=title or (SAMPLE_TITLE if sample else default_title(documents)),
        documents=documents,
        rows=rows,
        tables=tables,
        findings=findings,
        links=links,
        stats=stats,
        provenance=provenance,
        settings=settings,
    )


def default_title(documents: Iterable[Document]) -> str:
    """``"<title A> and <title B>"`` (titles, else document ids), shortened to 120 characters."""
    names = [d.title or d.doc for d in documents]
    text = " and ".join(names) if len(names) <= 2 else f"{names[0]} and {len(names) - 1} more"
    return text if len(text) <= 120 else text[:119] + "…"


def lexicon_record(settings: Settings) -> dict[str, Any]:
    """Which lexicon a run used: folder, and sha256 and line count of each file."""
    folder: Any = settings.lexicon_dir
    if folder is None:
        try:
            folder = resources.files("textmine.lexicons")
        except ModuleNotFoundError:
            folder = Path(__file__).resolve().parent.parent / "lexicons"
    files = {}
    for name in ("terms.jsonl", "actors.jsonl", "cues.jsonl"):
        entry = folder / name
        if entry.is_file():
            data = entry.read_bytes()
            files[name] = {
                "sha256": hashlib.sha256(data).hexdigest(),
                "lines": sum(1 for line in data.splitlines() if line.strip()),
            }
    return {"folder": "bundled" if settings.lexicon_dir is None else str(folder), "files": files}


def gather_evidence(documents: Sequence[Document], tables: Any) -> tuple[Any, list[Any], Any]:
    """SEN2 statistics, the registry's findings filled from them, and their links.

    Returns ``(stats, findings, links)``: :func:`~textmine.findings.stats.compute_stats`,
    the registry with its computed values filled, and the findings linked to the
    measure ids of ``tables`` and to the provision labels of ``documents``.
    """
    from textmine.findings.computed import fill_computed
    from textmine.findings.links import link, measure_ids_from_tables
    from textmine.findings.registry import load_findings
    from textmine.findings.stats import compute_stats
    from textmine.measure.frame import provision_label

    stats = compute_stats()
    findings = fill_computed(load_findings(), stats)
    labels = [provision_label(d.doc, p.ref, p.page) for d in documents for p in d.provisions]
    return stats, findings, link(findings, measure_ids_from_tables(tables), labels)


# ------------------------------------------------------------------ steps


def _read(spec: InputSpec, settings: Settings) -> Document:
    from textmine.extract import extract

    document = extract(spec.path, kind=spec.kind, settings=settings)
    return replace(
        document,
        title=document.title or spec.title,
        url=document.url or spec.url,
        meta={**document.meta, "licence": spec.licence, "source": spec.source},
    )


def _pipeline(settings: Settings) -> Any:
    from textmine.nlp.pipeline import load_pipeline

    return load_pipeline(settings)


def _tag(documents: list[Document], nlp: Any, settings: Settings, steps: Steps) -> pd.DataFrame:
    """Tag in chunks of whole units so the progress bar moves within a long document."""
    from textmine.nlp.rows import rows_to_frame
    from textmine.nlp.tagging import tag_document

    rows: list[dict[str, Any]] = []
    total = sum(len(d.provisions) for d in documents)
    with steps.bar("Tagging provisions", total) as advance:
        for document in documents:
            for chunk in _chunks(document):
                rows += tag_document(chunk, nlp=nlp, settings=settings)
                advance(len(chunk.provisions))
    return rows_to_frame(rows)


def _chunks(document: Document, size: int = TAG_CHUNK) -> Iterator[Document]:
    provisions = document.provisions
    start = 0
    while start < len(provisions):
        end = min(start + size, len(provisions))
        while end < len(provisions) and provisions[end].unit == provisions[end - 1].unit:
            end += 1
        yield replace(document, provisions=provisions[start:end])
        start = end


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


def _model_record(nlp: Any) -> dict[str, Any]:
    import spacy

    meta = getattr(nlp, "meta", {}) or {}
    return {
        "name": f"{meta.get('lang', 'en')}_{meta.get('name', '?')}",
        "version": str(meta.get("version", "?")),
        "spacy": spacy.__version__,
        "pipeline": list(getattr(nlp, "pipe_names", [])),
    }


def _plain(record: dict[str, object]) -> dict[str, Any]:
    return {str(k): (str(v) if isinstance(v, Path) else v) for k, v in record.items()}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -------------------------------------------------------------- manifests
