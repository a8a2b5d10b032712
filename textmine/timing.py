"""Seconds spent per stage of a run, kept per process: where the time of an ``analyse`` goes.

The stages (:data:`STAGES`) are ``read`` (extracting documents, or loading
them from the cache), ``parse`` (spaCy's pipeline up to the tagger),
``tag`` (the ``partnership_terms`` component and its rows), ``measure``,
``link`` (statistics, findings and their links) and ``render`` (the report
and its tables). Each is the sum of every :func:`stage` block of that name
in this process; a pool worker hands its own figures back with its rows
(:func:`since`, :func:`add`), so the parent's totals cover the whole run.

Timing costs two clock reads per block and changes nothing a run computes;
``benchmarks/bench_analyse.py`` prints the totals as its per-stage table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from time import perf_counter
from typing import TypeVar

__all__ = ["STAGES", "add", "reset", "since", "stage", "timed", "totals"]

T = TypeVar("T")

#: The stages of a run, in pipeline order.
STAGES: tuple[str, ...] = ("read", "parse", "tag", "measure", "link", "render")

_TOTALS: dict[str, float] = {}


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Add the seconds the block takes to stage ``name``."""
    start = perf_counter()
    try:
        yield
    finally:
        _TOTALS[name] = _TOTALS.get(name, 0.0) + perf_counter() - start


def timed(items: Iterable[T], name: str) -> Iterator[T]:
    """``items``, adding the seconds spent producing each one to stage ``name``."""
    iterator = iter(items)
    while True:
        start = perf_counter()
        try:
            item = next(iterator)
        except StopIteration:
            return
        finally:
            _TOTALS[name] = _TOTALS.get(name, 0.0) + perf_counter() - start
        yield item


def add(figures: Mapping[str, float]) -> None:
    """Add seconds per stage measured elsewhere (a worker process's :func:`since`)."""
    for name, seconds in figures.items():
        _TOTALS[name] = _TOTALS.get(name, 0.0) + seconds


def totals() -> dict[str, float]:
    """Seconds per stage so far in this process (stages never entered are absent)."""
    return dict(_TOTALS)


def since(before: Mapping[str, float]) -> dict[str, float]:
    """Seconds per stage added since ``before`` (an earlier :func:`totals`)."""
    return {
        name: seconds - before.get(name, 0.0)
        for name, seconds in _TOTALS.items()
        if seconds != before.get(name, 0.0)
    }


def reset() -> None:
    """Forget every figure (a new run in the same process)."""
    _TOTALS.clear()
