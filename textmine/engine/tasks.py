"""The work of one document, wherever it runs: this process, a pool worker, a Dask worker.

* :func:`read_document`: extract a file and add what its manifest says
  (title, URL, licence, source);
* :func:`chunks`: a document cut into runs of whole units (the tagger joins
  a unit's provisions, so a unit is never split);
* :func:`context_of`: what the whole document tells the tagger (its addressee,
  where its staff work), read once per document;
* :func:`tag_chunk`: tag one chunk, with its document's context, with this
  process's pipeline (loaded once per process by
  :func:`~textmine.nlp.pipeline.load_pipeline`);
* :func:`init_worker`, :func:`pool_context`, :func:`pool_tag_chunk`: the same for a
  ``multiprocessing`` pool worker, which answers ``("ok", rows, model)`` or
  ``("error", exit_code, message)`` instead of raising, since textmine's
  errors do not all pickle;
* :func:`cluster_process`: extract and tag one document sent as bytes (a Dask
  worker need not see the client's files).

Nothing heavy is imported at module level: a worker imports spaCy when it
loads the pipeline.
"""

from __future__ import annotations

import logging
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from textmine import timing
from textmine.errors import InputError, TextmineError
from textmine.extract.document import Document, Provision
from textmine.inputs import InputSpec
from textmine.nlp.context.sections import group_units
from textmine.settings import Settings

__all__ = [
    "CHUNK",
    "chunks",
    "cluster_process",
    "context_of",
    "finish_document",
    "init_worker",
    "model_record",
    "pool_context",
    "pool_tag_chunk",
    "read_document",
    "ready",
    "tag_chunk",
    "tag_parts",
]

log = logging.getLogger(__name__)

#: Provisions per chunk of tagging work (whole units are never split).
CHUNK = 60

_WORKER: dict[str, Any] = {}
#: One tagging at a time per process: Dask workers may be threads sharing one pipeline.
_PIPELINE_LOCK = threading.Lock()


def read_document(spec: InputSpec, settings: Settings) -> Document:
    """Extract ``spec.path`` (raises :class:`~textmine.errors.InputError`)."""
    from textmine.extract import extract

    return extract(spec.path, kind=spec.kind, settings=settings)


def with_spec(document: Document, spec: InputSpec) -> Document:
    """``document`` with the title, URL, licence and source its manifest gives."""
    return replace(
        document,
        title=document.title or spec.title,
        url=document.url or spec.url,
        meta={**document.meta, "licence": spec.licence, "source": spec.source},
    )


def chunks(document: Document, size: int = CHUNK) -> Iterator[Document]:
    """``document`` in runs of about ``size`` provisions, cut only between the units the
    tagger parses as one text (:func:`~textmine.nlp.context.sections.group_units`)."""
    run: list[Provision] = []
    for unit in group_units(document.provisions):
        run.extend(unit)
        if len(run) >= size:
            yield replace(document, provisions=tuple(run), removed=(), meta={})
            run = []
    if run:
        yield replace(document, provisions=tuple(run), removed=(), meta={})


def context_of(document: Document, settings: Settings, nlp: Any) -> dict[str, Any]:
    """The whole document's context for the tagger (:mod:`textmine.nlp.context.document`),
    as plain data: every chunk of the document is tagged with it."""
    from textmine.nlp.tagging import document_context

    with timing.stage("tag"):
        return document_context(document, nlp, settings).to_data()


def tag_chunk(
    chunk: Document, settings: Settings, nlp: Any, context: dict[str, Any]
) -> list[dict[str, Any]]:
    """The occurrence rows of ``chunk``, a part of a document whose context is ``context``
    (one process: ``n_process`` is forced to 1); :func:`finish_document` completes a
    document's rows."""
    from textmine.nlp.context.document import DocumentContext
    from textmine.nlp.tagging import tag_units

    return tag_units(
        [chunk],
        nlp=nlp,
        settings=replace(settings, n_process=1),
        contexts=[DocumentContext.from_data(context)],
    )


def finish_document(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """All the rows of one document tagged in chunks, their ids numbered where a provision's
    text repeats (:func:`textmine.contract.number_repeats`), as
    :func:`textmine.nlp.tagging.tag_documents` does for a whole document."""
    from textmine.contract import number_repeats

    number_repeats(rows)
    return rows


def tag_parts(
    parts: Sequence[Document],
    settings: Settings,
    nlp: Any,
    done: Callable[[Document], None] | None = None,
) -> list[dict[str, Any]]:
    """The finished rows of one document tagged here chunk by chunk (:func:`tag_chunk`,
    then :func:`finish_document` over them all); ``done(part)`` after each chunk."""
    if not parts:
        return []
    whole = replace(parts[0], provisions=tuple(p for part in parts for p in part.provisions))
    context = context_of(whole, settings, nlp)
    rows: list[dict[str, Any]] = []
    for part in parts:
        rows += tag_chunk(part, settings, nlp, context)
        if done is not None:
            done(part)
    return finish_document(rows)


def model_record(nlp: Any) -> dict[str, Any]:
    """Name, version, spaCy version and components of a loaded pipeline (for provenance)."""
    import spacy

    meta = getattr(nlp, "meta", {}) or {}
    return {
        "name": f"{meta.get('lang', 'en')}_{meta.get('name', '?')}",
        "version": str(meta.get("version", "?")),
        "spacy": spacy.__version__,
        "pipeline": list(getattr(nlp, "pipe_names", [])),
    }


def init_worker(settings: Settings) -> None:
    """Pool initializer: ignore Ctrl-C (the parent handles it), one BLAS thread, load the
    pipeline. Never raises (a failing initializer makes a pool respawn workers forever):
    the error is kept and answered to every task."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    except ImportError:  # pragma: no cover - scikit-learn brings it
        pass
    try:
        from textmine.nlp.pipeline import load_pipeline

        nlp = load_pipeline(settings)
        _WORKER["nlp"] = nlp
        _WORKER["model"] = model_record(nlp)
    except TextmineError as exc:
        _WORKER["error"] = ("error", exc.exit_code, str(exc))


def ready() -> bool:
    """A task that does nothing: submitted first, it makes a pool start its workers."""
    return True


def pool_context(task: tuple[Settings, Document]) -> tuple[Any, ...]:
    """A document's context in a pool worker: ``("ok", context, seconds per stage)`` or
    ``("error", code, message)``."""
    if "error" in _WORKER:
        return tuple(_WORKER["error"])
    settings, document = task
    before = timing.totals()
    try:
        context = context_of(document, settings, _WORKER.get("nlp"))
        return ("ok", context, timing.since(before))
    except TextmineError as exc:
        return ("error", exc.exit_code, str(exc))


def pool_tag_chunk(task: tuple[Settings, Document, dict[str, Any]]) -> tuple[Any, ...]:
    """Tag one chunk in a pool worker: ``("ok", rows, model, seconds per stage)`` or
    ``("error", code, message)``."""
    if "error" in _WORKER:
        return tuple(_WORKER["error"])
    settings, chunk, context = task
    before = timing.totals()
    try:
        rows = tag_chunk(chunk, settings, _WORKER.get("nlp"), context)
    except TextmineError as exc:
        return ("error", exc.exit_code, str(exc))
    return ("ok", rows, _WORKER.get("model"), timing.since(before))


def cluster_process(
    name: str, data: bytes, kind: str | None, settings: Settings
) -> tuple[Any, ...]:
    """Extract and tag one document given as file ``name`` and its bytes (a Dask task).

    Answers ``("ok", document_json, rows, model)``, ``("failed", reason)`` for an
    input that cannot be read, or ``("error", code, message)``.
    """
    from textmine.cache.codec import document_to_json
    from textmine.nlp.pipeline import load_pipeline

    with tempfile.TemporaryDirectory(prefix="textmine-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            document = read_document(InputSpec(path=path, kind=kind), settings)
        except InputError as exc:
            return ("failed", exc.reason)
    try:
        with _PIPELINE_LOCK:
            nlp = load_pipeline(settings)
            rows = tag_parts(list(chunks(document)), settings, nlp)
    except TextmineError as exc:
        return ("error", exc.exit_code, str(exc))
    return ("ok", document_to_json(document), rows, model_record(nlp))
