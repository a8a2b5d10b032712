"""Read and tag many inputs: cached, one document at a time, in parallel when it pays.

:func:`process_inputs` takes the :class:`~textmine.inputs.InputSpec` of each
input and returns a :class:`Processed`: the documents read, their occurrence
rows (in input order), the model that tagged them, and a :class:`Failure`
(file, reason) for each input that could not be read; the others are still
processed (``keep_going=False`` raises the first failure instead).

For each input it first asks the cache (:mod:`textmine.cache`) for the
extraction and for the rows, keyed by the file's sha256 and everything else
they depend on. What is missing is computed:

* ``settings.scheduler`` set: on a Dask cluster (:mod:`textmine.engine.cluster`),
  one task per document;
* else, with ``settings.workers > 1`` and at least :data:`MIN_POOL_CHARS` of
  text to tag: documents are extracted here one at a time, and their chunks of
  whole units go to a pool of worker processes, each with its own pipeline
  (started at once, so the workers load the model while the first document is
  read);
* else everything runs in this process, document by document (extract, tag,
  rows), the pipeline loaded on first need.

No spaCy Doc outlives its chunk: workers hand back rows. When every value is
cached, neither spaCy nor the PDF readers are imported.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textmine import timing
from textmine.cache import Cache, open_cache
from textmine.cache.codec import document_from_json, document_to_json
from textmine.cache.keys import document_key, rows_key
from textmine.engine import tasks
from textmine.errors import InputError, TextmineError
from textmine.extract.document import Document
from textmine.inputs import InputSpec
from textmine.progress import Steps
from textmine.settings import Settings

__all__ = ["Failure", "Job", "Processed", "fail", "process_inputs", "raise_remote", "read_job"]

log = logging.getLogger(__name__)

#: Characters of text per byte of file, by suffix, for that estimate.
_TEXT_PER_BYTE = {".pdf": 0.5, ".xml": 0.4, ".clml": 0.4}


@dataclass(frozen=True)
class Failure:
    """An input that could not be processed, and why."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

    def to_dict(self) -> dict[str, str]:
        return {"file": str(self.path), "reason": self.reason}


@dataclass
class Job:
    """One input on its way through the run."""

    index: int
    spec: InputSpec
    sha256: str | None = None
    size: int = 0
    document_key: dict[str, Any] | None = None
    rows_key: dict[str, Any] | None = None
    document: Document | None = None
    rows: list[dict[str, Any]] | None = None
    model: dict[str, Any] | None = None
    failure: Failure | None = None
    #: What the cache gave: "document", "rows".
    served: set[str] = field(default_factory=set)

    @property
    def text_estimate(self) -> float:
        if self.document is not None:
            return float(sum(len(p.text) for p in self.document.provisions))
        return self.size * _TEXT_PER_BYTE.get(self.spec.path.suffix.lower(), 1.0)


@dataclass
class Processed:
    """What :func:`process_inputs` gives back; lists are in input order."""

    specs: list[InputSpec]
    documents: list[Document]
    rows: list[dict[str, Any]]
    failures: list[Failure] = field(default_factory=list)
    model: dict[str, Any] | None = None
    cache_hits: int = 0


def process_inputs(
    specs: Sequence[InputSpec],
    settings: Settings,
    *,
    steps: Steps | None = None,
    keep_going: bool = True,
    idle: Callable[[], None] | None = None,
) -> Processed:
    """Documents and occurrence rows of ``specs`` (see the module docstring).

    ``idle`` is called once while worker processes tag (never when everything
    runs in this process): work of the caller that needs no documents, done
    while this process would otherwise wait.
    Raises :class:`~textmine.errors.InputError` with ``keep_going=False`` for the
    first input that cannot be read; other textmine errors (no model, bad
    lexicon) always propagate.
    """
    steps = steps or Steps(None)
    cache = open_cache(settings)
    with timing.stage("read"):
        jobs = [_plan(Job(i, spec), settings, cache, keep_going) for i, spec in enumerate(specs)]

    def finished(job: Job) -> None:  # cache each document as soon as it is done
        if cache is not None:
            _store(cache, job)

    if settings.scheduler:
        from textmine.engine.cluster import run_on_cluster

        run_on_cluster(jobs, settings, steps, keep_going, idle, finished)
    else:
        from textmine.engine.local import run_local

        run_local(jobs, settings, steps, keep_going, idle, finished)
    done = [j for j in jobs if j.failure is None]
    models = [j.model for j in done if j.model is not None]
    return Processed(
        specs=[j.spec for j in done],
        documents=[tasks.with_spec(j.document, j.spec) for j in done if j.document is not None],
        rows=[row for j in done for row in (j.rows or [])],
        failures=[j.failure for j in jobs if j.failure is not None],
        model=models[0] if models else None,
        cache_hits=cache.hits if cache is not None else 0,
    )


# ------------------------------------------------------------------ planning


def _plan(job: Job, settings: Settings, cache: Cache | None, keep_going: bool) -> Job:
    """Check the input and look its extraction and rows up in the cache."""
    from textmine.extract import check_input

    try:
        path = check_input(job.spec.path)
        data = path.read_bytes()
    except InputError as exc:
        return fail(job, exc, keep_going)
    except OSError as exc:
        return fail(job, InputError(job.spec.path, f"cannot be read ({exc})"), keep_going)
    job.sha256 = hashlib.sha256(data).hexdigest()
    job.size = len(data)
    job.document_key = document_key(path.name, job.sha256, job.spec.kind, settings)
    job.rows_key = rows_key(job.document_key, settings)
    if cache is None:
        return job
    value = cache.get_json("document", job.document_key)
    if value is not None:
        try:
            job.document = document_from_json(value, job.spec.path)
            job.served.add("document")
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("cached extraction of %s not usable (%s); recomputing", path, exc)
    if job.document is not None and job.rows_key is not None:
        entry = cache.get_json("rows", job.rows_key)
        if isinstance(entry, dict) and isinstance(entry.get("rows"), list):
            job.rows, job.model = entry["rows"], entry.get("model")
            job.served.add("rows")
    return job


def fail(job: Job, exc: InputError, keep_going: bool) -> Job:
    """Record ``exc`` as the job's failure (or raise it when not ``keep_going``)."""
    if not keep_going:
        raise exc
    log.info("not analysed: %s", exc)
    job.failure = Failure(job.spec.path, exc.reason)
    return job


def _store(cache: Cache, job: Job) -> None:
    """Put what the job computed (not what it was served) into the cache."""
    if job.document_key is not None and job.document is not None and "document" not in job.served:
        cache.put_json("document", job.document_key, document_to_json(job.document))
    if job.rows_key is not None and job.rows is not None and "rows" not in job.served:
        cache.put_json("rows", job.rows_key, {"rows": job.rows, "model": job.model})


def read_job(job: Job, settings: Settings, keep_going: bool) -> None:
    """Extract the job's document (as the cache would give it back)."""
    from textmine.cache.codec import roundtrip_document

    try:
        with timing.stage("read"):
            job.document = roundtrip_document(tasks.read_document(job.spec, settings))
    except InputError as exc:
        fail(job, exc, keep_going)


def raise_remote(answer: tuple[Any, ...]) -> None:
    """Raise the textmine error a worker answered (``("error", exit_code, message)``)."""
    _, code, message = answer
    error = TextmineError(message)
    error.exit_code = int(code)
    raise error
