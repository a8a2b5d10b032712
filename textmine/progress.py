"""Progress display of long steps: rich bars on stderr when enabled, nothing otherwise.

The library never prints; :func:`steps` with ``enabled=False`` (the default
of :func:`textmine.analysis.analyse`) is silent, and the CLI turns it on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any


class Meter:
    """A progress bar whose total is known only as the work is found."""

    def __init__(self, progress: Any | None, task: Any) -> None:
        self.progress = progress
        self.task = task
        self.total = 0

    def add(self, n: int) -> None:
        """``n`` more units of work."""
        self.total += n
        if self.progress is not None:
            self.progress.update(self.task, total=self.total)

    def advance(self, n: int) -> None:
        """``n`` units done."""
        if self.progress is not None:
            self.progress.advance(self.task, n)


class Steps:
    """Progress display: rich bars on stderr when enabled, nothing otherwise."""

    def __init__(self, progress: Any | None) -> None:
        self.progress = progress

    def track(self, items: Sequence[Any], label: str) -> Iterator[Any]:
        with self.bar(label, len(items)) as advance:
            for item in items:
                yield item
                advance(1)

    @contextmanager
    def bar(self, label: str, total: int) -> Iterator[Any]:
        if self.progress is None:
            yield lambda n: None
            return
        task = self.progress.add_task(label, total=total)
        yield lambda n: self.progress.advance(task, n)
        self.progress.update(task, completed=total)

    @contextmanager
    def meter(self, label: str) -> Iterator[Meter]:
        """A bar whose total grows as work is found (:meth:`Meter.add`)."""
        if self.progress is None:
            yield Meter(None, None)
            return
        meter = Meter(self.progress, self.progress.add_task(label, total=None))
        yield meter
        self.progress.update(meter.task, total=meter.total, completed=meter.total)

    @contextmanager
    def status(self, label: str) -> Iterator[None]:
        if self.progress is None:
            yield
            return
        task = self.progress.add_task(label, total=None)
        yield
        self.progress.update(task, total=1, completed=1)


@contextmanager
def steps(enabled: bool) -> Iterator[Steps]:
    if not enabled:
        yield Steps(None)
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        try:
            yield Steps(bar)
        except BaseException:
            # A failed or interrupted run leaves just its one error line on stderr:
            # the bars are erased on a terminal and not printed anywhere else.
            bar.live.transient = True
            bar.console.quiet = not bar.console.is_terminal
            raise
