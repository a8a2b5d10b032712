"""Cached measure tables and SEN2 statistics (textmine/cache/results.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from textmine.cache.results import cached_measure, cached_stats, measure_key
from textmine.cache.store import Cache
from textmine.engine import process_inputs
from textmine.inputs import InputSpec
from textmine.rows import rows_to_frame
from textmine.settings import Settings

SAMPLE = Path(__file__).resolve().parents[2] / "textmine" / "data"
FAST = Settings(n_bootstrap=50, n_permutations=50, explain=True, use_cache=False, workers=1)


def _exactly_equal(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b)
    for column in a.columns:
        for x, y in zip(a[column].tolist(), b[column].tolist(), strict=True):
            assert type(x) is type(y), (column, x, y)


@pytest.fixture(scope="module")
def sample_rows(nlp: Any) -> list[dict[str, Any]]:
    specs = [InputSpec(SAMPLE / "sample_act.md", "act"), InputSpec(SAMPLE / "sample_draft.md")]
    return process_inputs(specs, FAST).rows


@pytest.mark.slow
def test_measure_tables_come_back_from_the_cache_exactly(
    sample_rows: list[dict[str, Any]], tmp_path: Path
) -> None:
    cache = Cache(tmp_path)
    frame = rows_to_frame(sample_rows)
    computed = cached_measure(sample_rows, frame, FAST, cache)
    assert cache.misses == 1
    served = cached_measure(sample_rows, frame, FAST, cache)
    assert cache.hits == 1
    assert served.pair == computed.pair == ("sample_act", "sample_draft")
    for name, table in computed.items():
        _exactly_equal(getattr(served, name), table)


def test_measure_key_follows_rows_and_resampling(sample_rows: list[dict[str, Any]]) -> None:
    key = measure_key(sample_rows, FAST)
    assert measure_key(sample_rows[1:], FAST) != key
    assert measure_key(sample_rows, FAST.with_(seed=1)) != key
    assert measure_key(sample_rows, FAST.with_(n_bootstrap=51)) != key


def test_sen2_statistics_come_back_from_the_cache_exactly(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    computed = cached_stats(cache)
    served = cached_stats(cache)
    assert cache.hits == 1
    assert served.files == computed.files and served.notes == computed.notes
    for name, table in computed.tables.items():
        _exactly_equal(served.tables[name], table)
    assert served.headline() == computed.headline()


def test_relevance_comes_back_from_the_cache_per_document(tmp_path: Path) -> None:
    from textmine.cache.results import cached_relevance
    from textmine.findings.relevance import relevance

    documents = {
        "code": [
            "The local authority must secure special educational provision in an EHC plan.",
            "An EHC needs assessment must be carried out.",
            "The child's parent may request an EHC needs assessment.",
        ],
        "homes": ["The registered person must ensure that each child in the children's home..."],
    }
    cache = Cache(tmp_path)
    expected = relevance(documents)
    assert cached_relevance(documents, None) == expected
    assert cached_relevance(documents, cache) == expected
    assert cache.hits == 0
    again = cached_relevance(documents, cache)
    assert again == expected and cache.hits == 2  # one entry per document
    changed = {**documents, "homes": ["An EHC plan must be reviewed."]}
    assert cached_relevance(changed, cache) == relevance(changed)
    assert cache.hits == 3  # "code" again; "homes" has another text


def test_comparability_comes_back_from_the_cache(tmp_path: Path) -> None:
    from textmine.cache.results import cached_comparability
    from textmine.measure.comparability import comparability

    act = ["The registered person must consult the placing authority about the care plan."]
    guide = ["Regulation 5 requires the registered person to consult the placing authority."]
    args = {"doc_a": "regs", "doc_b": "guide", "title_a": "The Homes Regulations"}
    expected = comparability(act, guide, refs_a=["reg.5"], **args)
    cache = Cache(tmp_path)
    first = cached_comparability(act, guide, cache, refs_a=["reg.5"], **args)
    second = cached_comparability(act, guide, cache, refs_a=["reg.5"], **args)
    assert first == second == expected and cache.hits == 1
    other = cached_comparability(act, guide[:0], cache, refs_a=["reg.5"], **args)
    assert other == comparability(act, [], refs_a=["reg.5"], **args) and cache.hits == 1
