"""The Dask backend of :func:`~textmine.engine.run.process_inputs`: one task per document.

``settings.scheduler`` is the address of a running Dask scheduler
(``tcp://host:port``), or ``local`` for a ``LocalCluster`` of
``settings.workers`` processes on this machine. Each input the cache did not
fully serve is sent as its file name and bytes (workers need not share the
client's file system), and a worker extracts and tags it with its own
pipeline (:func:`~textmine.engine.tasks.cluster_process`, loaded once per
worker process), answering the document and its rows. Results are taken in
input order, so the output is the same as a run on one machine. Workers need
textmine and its model installed in the same versions as the client.

Needs the ``[dask]`` extra (``pip install 'textmine[dask]'``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

from textmine.cache.codec import document_from_json, roundtrip_rows
from textmine.engine import tasks
from textmine.engine.run import Job, fail, raise_remote
from textmine.errors import InputError, TextmineError
from textmine.progress import Steps
from textmine.settings import Settings

__all__ = ["connect", "run_on_cluster"]

log = logging.getLogger(__name__)

#: Seconds to wait for a scheduler to answer.
CONNECT_TIMEOUT = 30


def connect(settings: Settings, stack: ExitStack) -> Any:
    """A ``distributed.Client`` for ``settings.scheduler``, closed with ``stack``."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise TextmineError(
            "the Dask backend needs the dask extra: pip install 'textmine[dask]'"
        ) from exc
    address = str(settings.scheduler)
    try:
        if address == "local":
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=settings.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
            )
            return stack.enter_context(Client(cluster))
        return stack.enter_context(Client(address, timeout=CONNECT_TIMEOUT))
    except (OSError, TimeoutError, ValueError) as exc:
        raise TextmineError(f"cannot use the Dask scheduler {address}: {exc}") from exc


def run_on_cluster(
    jobs: list[Job],
    settings: Settings,
    steps: Steps,
    keep_going: bool,
    idle: Callable[[], None] | None,
    finished: Callable[[Job], None],
) -> None:
    """Extract and tag on the cluster every job the cache did not fully serve;
    ``idle()`` runs while the cluster works, ``finished(job)`` when a job's rows are ready."""
    todo = [j for j in jobs if j.failure is None and j.rows is None]
    if not todo:
        return
    with ExitStack() as stack:
        client = connect(settings, stack)
        log.info("sending %d documents to the Dask scheduler %s", len(todo), settings.scheduler)
        futures = [
            client.submit(
                tasks.cluster_process,
                job.spec.path.name,
                job.spec.path.read_bytes(),
                job.spec.kind,
                settings,
                pure=False,
            )
            for job in todo
        ]
        if idle is not None:
            idle()
        with steps.bar("Reading and tagging documents", len(todo)) as advance:
            for job, future in zip(todo, futures, strict=True):
                answer = future.result()
                advance(1)
                if answer[0] == "failed":
                    fail(job, InputError(job.spec.path, answer[1]), keep_going)
                    continue
                if answer[0] != "ok":
                    raise_remote(answer)
                _, document, rows, model = answer
                job.document = document_from_json(document, job.spec.path)
                job.rows, job.model = roundtrip_rows(rows), model
                finished(job)
