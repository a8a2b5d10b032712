"""The one-machine backend of :func:`~textmine.engine.run.process_inputs`.

Documents are extracted one at a time, in input order. With
``settings.workers > 1`` and at least :data:`MIN_POOL_CHARS` of text to tag,
their chunks of whole units go to a pool of worker processes; each worker
answers rows, never Docs. On Linux a forked process reads the documents
while this one loads the model, and the workers are forked from this one
once it has: they share the loaded model instead of each loading it (as
spaCy's own ``n_process`` does); elsewhere the workers are started before
the first document is read here, and load the model while it is. A
document's context (what the whole document tells the tagger) is read by a
worker while the next document is read; its chunks are sent once it is
back. Otherwise (one worker, little text, or a
pool that broke) chunks are tagged here, the pipeline loaded on first need.

On Linux the workers are forked (as spaCy's own ``n_process`` does), so a
script that calls :func:`textmine.analyse` needs no ``if __name__ ==
"__main__"`` guard; elsewhere they are spawned. A worker that dies (killed,
out of memory) makes the pool fail as a whole (``BrokenProcessPool``): the
rest is then tagged in this process, with a warning.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import queue
import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack, contextmanager
from typing import Any

from textmine import timing
from textmine.cache.codec import roundtrip_document, roundtrip_rows
from textmine.engine import tasks
from textmine.engine.run import Job, fail, raise_remote, read_job
from textmine.errors import InputError
from textmine.extract.document import Document
from textmine.inputs import InputSpec
from textmine.progress import Meter, Steps
from textmine.settings import Settings

__all__ = ["MIN_POOL_CHARS", "run_local"]

log = logging.getLogger(__name__)

#: Processes are forked (Linux), so they can share what this one has loaded.
_FORK = sys.platform.startswith("linux")
#: Least text (characters, estimated from file sizes) worth starting worker processes for:
#: a worker takes about 2 s to load the model.
MIN_POOL_CHARS = 150_000


class _Here:
    """Tagging in this process, with the pipeline loaded on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.nlp: Any = None
        self.model: dict[str, Any] | None = None

    def load(self) -> None:
        """Load the pipeline (once)."""
        if self.nlp is None:
            from textmine.nlp.pipeline import load_pipeline

            self.nlp = load_pipeline(self.settings)
            self.model = tasks.model_record(self.nlp)

    def tag(self, job: Job, parts: list[Document], meter: Meter) -> None:
        self.load()
        rows = tasks.tag_parts(
            parts, self.settings, self.nlp, lambda part: meter.advance(len(part.provisions))
        )
        job.rows, job.model = roundtrip_rows(rows), self.model


def run_local(
    jobs: list[Job],
    settings: Settings,
    steps: Steps,
    keep_going: bool,
    idle: Callable[[], None] | None,
    finished: Callable[[Job], None],
) -> None:
    """Extract and tag every job that the cache did not serve (see the module docstring);
    ``finished(job)`` is called when a job's rows are ready."""
    todo = [j for j in jobs if j.failure is None and j.rows is None]
    here = _Here(settings)
    # a job whose context a worker is reading, then one whose chunks the workers tag (no
    # futures: the pool broke, the job is tagged here)
    asked: list[tuple[Job, list[Document], Future[Any] | None]] = []
    waiting: list[tuple[Job, list[Document], list[Future[Any]] | None]] = []
    with ExitStack() as stack:
        pool = None
        reader: _Reader | None = None
        if settings.workers > 1 and sum(j.text_estimate for j in todo) >= MIN_POOL_CHARS:
            if _FORK:
                # a forked process reads the documents while this one loads the model, which
                # the workers then share (forked from here) instead of each loading it
                reader = _Reader([j for j in jobs if j.failure is None and j.document is None])
                stack.callback(reader.close)
                reader.start(settings)
                here.load()
                # the model's objects live as long as the process: moving them out of the
                # collector's reach keeps them shared with the forked workers (a collection
                # writes to every object it visits) and makes each collection, here and in
                # the workers, cheaper
                gc.freeze()
            pool = stack.enter_context(_pool(settings))
        reading = stack.enter_context(steps.bar("Reading documents", len(jobs)))
        meter = stack.enter_context(steps.meter("Tagging provisions"))
        for job in jobs:
            if job.failure is None and job.document is None:
                if reader is not None:
                    reader.read(job, settings, keep_going)
                else:
                    read_job(job, settings, keep_going)
            reading(1)
            if job.failure is not None or job.rows is not None or job.document is None:
                continue
            parts = list(tasks.chunks(job.document))
            meter.add(len(job.document.provisions))
            if pool is None:
                here.tag(job, parts, meter)
                finished(job)
                continue
            # the next document is read while a worker reads this one's context (the workers
            # may still be loading the model): its chunks go out once the context is back
            asked.append((job, parts, _submit(pool, tasks.pool_context, (settings, job.document))))
            _send_chunks(pool, settings, asked, waiting, wait=False)
        if pool is not None:
            _send_chunks(pool, settings, asked, waiting, wait=True)
        if idle is not None and waiting:
            idle()
        for job, parts, futures in waiting:
            try:
                if futures is None:
                    raise BrokenProcessPool("the pool broke before this document was sent")
                _collect(job, parts, futures, meter)
            except BrokenProcessPool as exc:
                log.warning("worker processes failed (%s); tagging in this process", exc)
                here.tag(job, parts, meter)
            finished(job)


def _submit(pool: ProcessPoolExecutor, task: Callable[[Any], Any], arg: Any) -> Future[Any] | None:
    """``pool.submit(task, arg)``, or ``None`` when the pool is broken."""
    try:
        return pool.submit(task, arg)
    except BrokenProcessPool:
        return None


def _send_chunks(
    pool: ProcessPoolExecutor,
    settings: Settings,
    asked: list[tuple[Job, list[Document], Future[Any] | None]],
    waiting: list[tuple[Job, list[Document], list[Future[Any]] | None]],
    *,
    wait: bool,
) -> None:
    """Send the chunks of the jobs in ``asked`` whose context is back (all of them, waiting
    for each, with ``wait``), in input order, moving each job to ``waiting``."""
    while asked and (wait or asked[0][2] is None or asked[0][2].done()):
        job, parts, context = asked.pop(0)
        try:
            answer = context.result() if context is not None else None
        except BrokenProcessPool:
            answer = None
        if answer is None:
            waiting.append((job, parts, None))
            continue
        if answer[0] != "ok":
            raise_remote(answer)
        timing.add(answer[2])
        futures = [
            _submit(pool, tasks.pool_tag_chunk, (settings, part, answer[1])) for part in parts
        ]
        sent = [f for f in futures if f is not None]
        waiting.append((job, parts, sent if len(sent) == len(futures) else None))


class _Reader:
    """The documents of ``jobs`` extracted, in input order, by a forked process.

    Each arrives as :func:`~textmine.engine.run.read_job` would make it (the
    document, or the job's failure), with the reader's seconds per stage; the
    reader does not wait for this process to take one before reading the
    next. If it dies, the documents it did not send are read here.
    """

    def __init__(self, jobs: list[Job]) -> None:
        self.specs = [(job.index, job.spec) for job in jobs]
        self.process: Any = None
        self.queue: Any = None

    def start(self, settings: Settings) -> None:
        context = multiprocessing.get_context("fork")
        self.queue = context.Queue()
        self.process = context.Process(
            target=_read_documents, args=(self.specs, settings, self.queue), daemon=True
        )
        self.process.start()

    def read(self, job: Job, settings: Settings, keep_going: bool) -> None:
        answer = self._next()
        if answer is None:
            read_job(job, settings, keep_going)
            return
        index, result, seconds = answer
        assert index == job.index, "documents arrive in input order"
        timing.add(seconds)
        if result[0] == "ok":
            job.document = result[1]
        elif result[0] == "input":
            fail(job, InputError(result[1], result[2]), keep_going)
        else:
            raise result[1]

    def _next(self) -> Any:
        """The reader's next answer, or ``None`` when it is gone."""
        while self.queue is not None:
            try:
                return self.queue.get(timeout=0.5)
            except queue.Empty:
                if not self.process.is_alive():
                    log.warning("the reading process failed; reading in this process")
                    self.close()
        return None

    def close(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.join()
            self.process = None
        if self.queue is not None:
            self.queue.close()
            self.queue = None


def _read_documents(specs: list[tuple[int, InputSpec]], settings: Settings, out: Any) -> None:
    """The reading process: extract each input and put ``(index, answer, seconds)``; the
    answer is ``("ok", document)``, ``("input", path, reason)`` or ``("error", exception)``
    (textmine's errors do not all pickle: an input error goes as its path and reason)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    for index, spec in specs:
        before = timing.totals()
        answer: tuple[Any, ...]
        try:
            with timing.stage("read"):
                answer = ("ok", roundtrip_document(tasks.read_document(spec, settings)))
        except InputError as exc:
            answer = ("input", str(exc.path), exc.reason)
        except Exception:  # raised in the parent, with this traceback's text
            answer = ("error", RuntimeError(traceback.format_exc()))
        out.put((index, answer, timing.since(before)))
    out.close()
    out.join_thread()


@contextmanager
def _pool(settings: Settings) -> Iterator[ProcessPoolExecutor]:
    """Worker processes, started at once; on an error (or Ctrl-C) pending work is dropped."""
    method = "fork" if _FORK else "spawn"
    pool = ProcessPoolExecutor(
        settings.workers,
        mp_context=multiprocessing.get_context(method),
        initializer=tasks.init_worker,
        initargs=(settings,),
    )
    try:
        pool.submit(tasks.ready)  # start the workers now: they load the model while we read
        log.info("tagging with %d %sed worker processes", settings.workers, method)
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _collect(job: Job, parts: list[Document], futures: list[Future[Any]], meter: Meter) -> None:
    rows: list[dict[str, Any]] = []
    for part, future in zip(parts, futures, strict=True):
        answer = future.result()
        if answer[0] != "ok":
            raise_remote(answer)
        rows += answer[1]
        job.model = answer[2]
        timing.add(answer[3])
        meter.advance(len(part.provisions))
    job.rows = roundtrip_rows(tasks.finish_document(rows))
