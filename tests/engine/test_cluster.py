"""The Dask backend (textmine/engine/cluster.py) on a LocalCluster of two workers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from textmine.engine import process_inputs
from textmine.errors import TextmineError
from textmine.inputs import InputSpec
from textmine.settings import Settings

distributed = pytest.importorskip(
    "distributed", reason="the Dask backend needs the [dask] extra (dask[distributed])"
)

SAMPLE = ROOT / "textmine" / "data"
pytestmark = [
    pytest.mark.slow,
    # distributed's own shutdown notices, not textmine's
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


@pytest.fixture(scope="module")
def scheduler() -> Any:
    # Threads, not processes: fast to start; textmine serialises tagging within a process.
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        yield cluster.scheduler_address


def test_cluster_output_is_that_of_one_process(nlp: Any, scheduler: str, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot really a pdf")
    specs = [
        InputSpec(SAMPLE / "sample_act.md", "act"),
        InputSpec(broken),
        InputSpec(SAMPLE / "sample_draft.md", "guidance"),
    ]
    settings = Settings(explain=True, use_cache=False, workers=1)
    one = process_inputs(specs, settings)
    sharded = process_inputs(specs, settings.with_(scheduler=scheduler))
    assert [d.doc for d in sharded.documents] == ["sample_act", "sample_draft"]
    assert sharded.documents == one.documents
    assert sharded.rows == one.rows and len(one.rows) > 40
    assert sharded.model == one.model
    assert [(f.path, f.reason) for f in sharded.failures] == [
        (f.path, f.reason) for f in one.failures
    ]
    assert sharded.failures[0].path == broken


def test_cluster_results_are_cached(nlp: Any, scheduler: str, tmp_path: Path) -> None:
    specs = [InputSpec(SAMPLE / "sample_draft.md", "guidance")]
    settings = Settings(explain=True, cache_dir=tmp_path, scheduler=scheduler)
    first = process_inputs(specs, settings)
    again = process_inputs(specs, settings.with_(scheduler="tcp://127.0.0.1:9"))  # not reached
    assert again.cache_hits == 2 and again.rows == first.rows


def test_an_unreachable_scheduler_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textmine.engine import cluster

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1)
    draft = tmp_path / "draft.txt"
    draft.write_text("1.1 The authority must consult the parent.\n", encoding="utf-8")
    settings = Settings(use_cache=False, scheduler="tcp://127.0.0.1:9")
    with pytest.raises(TextmineError, match=r"cannot use the Dask scheduler tcp://127\.0\.0\.1:9"):
        process_inputs([InputSpec(draft)], settings)
