"""Reading and tagging many inputs with the cache (textmine/engine/run.py, local.py)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from textmine import timing
from textmine.engine import local, process_inputs, tasks
from textmine.errors import InputError
from textmine.inputs import InputSpec
from textmine.settings import Settings

SAMPLE = ROOT / "textmine" / "data"
PARAGRAPHS = (
    "4.1 The local authority must consult the parent before it decides.\n\n"
    "4.2 The school should inform the family of every review.\n"
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(cache_dir=tmp_path / "cache", explain=True, workers=1)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(PARAGRAPHS, encoding="utf-8")
    return path


def _count_tagging(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    original = tasks.tag_chunk

    def counting(chunk: Any, settings: Settings, nlp: Any, context: Any) -> Any:
        calls.append(chunk.doc)
        return original(chunk, settings, nlp, context)

    monkeypatch.setattr(tasks, "tag_chunk", counting)
    return calls


def test_second_run_is_served_from_the_cache(
    nlp: Any, settings: Settings, draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_tagging(monkeypatch)
    first = process_inputs([InputSpec(draft)], settings)
    assert calls == ["draft"] and first.cache_hits == 0
    assert [r["term"] for r in first.rows] == ["consult", "inform"]
    second = process_inputs([InputSpec(draft)], settings)
    assert calls == ["draft"]  # not tagged again
    assert second.cache_hits == 2  # the extraction and the rows
    assert second.rows == first.rows
    assert second.documents == first.documents
    assert second.model == first.model and first.model is not None


def test_a_changed_input_is_read_again(
    nlp: Any, settings: Settings, draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_tagging(monkeypatch)
    process_inputs([InputSpec(draft)], settings)
    draft.write_text(PARAGRAPHS.replace("should inform", "must notify"), encoding="utf-8")
    again = process_inputs([InputSpec(draft)], settings)
    assert calls == ["draft", "draft"]
    assert [r["term"] for r in again.rows] == ["consult", "notify"]


def test_a_changed_lexicon_tags_again(
    nlp: Any, settings: Settings, draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lexicons = tmp_path / "lex"
    shutil.copytree(ROOT / "lexicons", lexicons)
    settings = settings.with_(lexicon_dir=lexicons)
    calls = _count_tagging(monkeypatch)
    process_inputs([InputSpec(draft)], settings)
    process_inputs([InputSpec(draft)], settings)
    assert calls == ["draft"]
    with (lexicons / "actors.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    served = process_inputs([InputSpec(draft)], settings)
    assert calls == ["draft", "draft"]
    assert served.cache_hits == 1  # the extraction only


def test_a_changed_version_key_misses(
    nlp: Any, settings: Settings, draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textmine.cache import keys

    calls = _count_tagging(monkeypatch)
    process_inputs([InputSpec(draft)], settings)
    monkeypatch.setattr(keys, "package_version", lambda name: "99.0")  # textmine, spaCy ...
    again = process_inputs([InputSpec(draft)], settings)
    assert calls == ["draft", "draft"] and again.cache_hits == 0


def test_a_corrupt_entry_is_recomputed(
    nlp: Any,
    settings: Settings,
    draft: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    first = process_inputs([InputSpec(draft)], settings)
    entries = sorted((settings.cache_dir or Path()).rglob("*.entry"))
    assert len(entries) == 2
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:-5])
    calls = _count_tagging(monkeypatch)
    with caplog.at_level(logging.WARNING):
        again = process_inputs([InputSpec(draft)], settings)
    assert calls == ["draft"] and again.rows == first.rows
    assert caplog.text.count("corrupt or truncated") == 1  # rows are not looked up without it
    assert all(entry.is_file() and entry.stat().st_size > 100 for entry in entries)


def test_no_cache_reads_and_writes_nothing(
    nlp: Any, settings: Settings, draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings.with_(use_cache=False)
    calls = _count_tagging(monkeypatch)
    process_inputs([InputSpec(draft)], settings)
    process_inputs([InputSpec(draft)], settings)
    assert calls == ["draft", "draft"]
    assert not (settings.cache_dir or Path()).exists()


def test_failures_are_recorded_and_the_others_processed(
    nlp: Any, settings: Settings, draft: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot really a pdf")
    specs = [InputSpec(tmp_path / "missing.txt"), InputSpec(draft), InputSpec(broken)]
    done = process_inputs(specs, settings)
    assert [d.doc for d in done.documents] == ["draft"]
    assert (done.failures[0].path.name, done.failures[0].reason) == ("missing.txt", "no such file")
    assert done.failures[1].path == broken and done.failures[1].reason
    with pytest.raises(InputError, match=r"missing\.txt: no such file"):
        process_inputs(specs, settings, keep_going=False)


@pytest.mark.slow
def test_worker_processes_give_the_rows_of_one_process(
    nlp: Any, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs = [InputSpec(SAMPLE / "sample_act.md", "act"), InputSpec(SAMPLE / "sample_draft.md")]
    one = process_inputs(specs, settings.with_(use_cache=False))
    monkeypatch.setattr(local, "MIN_POOL_CHARS", 0)  # a pool even for two short texts
    calls = _count_tagging(monkeypatch)
    two = process_inputs(specs, settings.with_(use_cache=False, workers=2))
    assert calls == []  # all tagging happened in the workers
    assert two.rows == one.rows and len(one.rows) > 40
    assert two.model == one.model


@pytest.mark.slow
def test_workers_hand_back_their_seconds_per_stage(
    nlp: Any, settings: Settings, draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs = [InputSpec(draft)]
    monkeypatch.setattr(local, "MIN_POOL_CHARS", 0)
    for workers in (1, 2):
        timing.reset()
        process_inputs(specs, settings.with_(use_cache=False, workers=workers))
        seconds = timing.totals()
        assert set(seconds) == {"read", "parse", "tag"}, workers
        assert all(value > 0 for value in seconds.values())
    timing.reset()
    process_inputs(specs, settings)  # the cache is filled, then serves everything
    timing.reset()
    process_inputs(specs, settings)
    assert set(timing.totals()) == {"read"}  # nothing parsed or tagged


def _die(task: Any) -> Any:
    """A pool task that kills its worker (the pool then breaks)."""
    import os

    os._exit(1)


@pytest.mark.slow
def test_a_pool_that_breaks_while_reading_contexts_tags_here(
    nlp: Any, settings: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    specs = [InputSpec(SAMPLE / "sample_act.md", "act"), InputSpec(SAMPLE / "sample_draft.md")]
    one = process_inputs(specs, settings.with_(use_cache=False))
    monkeypatch.setattr(local, "MIN_POOL_CHARS", 0)
    monkeypatch.setattr(tasks, "pool_context", _die)
    with caplog.at_level(logging.WARNING, logger="textmine.engine.local"):
        two = process_inputs(specs, settings.with_(use_cache=False, workers=2))
    assert two.rows == one.rows
    assert "tagging in this process" in caplog.text


@pytest.mark.slow
@pytest.mark.parametrize("reader_dies", [False, True])
def test_documents_read_in_a_forked_process_give_the_rows_of_one_process(
    nlp: Any,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    reader_dies: bool,
) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    specs = [
        InputSpec(SAMPLE / "sample_act.md", "act"),
        InputSpec(bad),
        InputSpec(SAMPLE / "sample_draft.md"),
    ]
    one = process_inputs(specs, settings.with_(use_cache=False))
    monkeypatch.setattr(local, "MIN_POOL_CHARS", 0)
    if reader_dies:
        monkeypatch.setattr(local, "_read_documents", _die_reading)
    with caplog.at_level(logging.WARNING, logger="textmine.engine.local"):
        two = process_inputs(specs, settings.with_(use_cache=False, workers=2))
    assert two.rows == one.rows and len(one.rows) > 40
    assert [f.to_dict() for f in two.failures] == [f.to_dict() for f in one.failures]
    assert len(two.failures) == 1
    assert ("reading in this process" in caplog.text) is reader_dies


def _die_reading(specs: Any, settings: Any, out: Any) -> None:
    import os

    os._exit(1)
