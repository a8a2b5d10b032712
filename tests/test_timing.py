"""Seconds per stage of a run (textmine/timing.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from textmine import timing


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    timing.reset()
    yield
    timing.reset()


def test_stage_adds_the_time_of_each_block_even_when_it_raises() -> None:
    with timing.stage("read"):
        pass
    first = timing.totals()["read"]
    with pytest.raises(ValueError), timing.stage("read"):
        raise ValueError("bad input")
    assert timing.totals()["read"] > first > 0
    assert set(timing.totals()) == {"read"}


def test_timed_counts_producing_the_items_not_using_them() -> None:
    items = list(timing.timed(iter([1, 2, 3]), "parse"))
    assert items == [1, 2, 3]
    assert timing.totals()["parse"] > 0


def test_since_and_add_carry_a_workers_figures_over() -> None:
    timing.add({"tag": 2.0})
    before = timing.totals()
    timing.add({"tag": 0.5, "parse": 1.5})
    assert timing.since(before) == {"tag": 0.5, "parse": 1.5}
    timing.reset()
    timing.add({"parse": 1.5})
    assert timing.totals() == {"parse": 1.5}
