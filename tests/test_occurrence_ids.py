"""Stable occurrence ids on real runs (issue 17): across processes, pages and renumbering.

The unit tests of :func:`textmine.contract.occurrence_id` are in test_contract.py;
these run the tagger.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import LOCAL_OFFER_PDF, need
from textmine.extract.document import Provision, build_document

pytestmark = pytest.mark.slow


def _tag_in_a_process(source: Path, out: Path, seed: str, cache: Path) -> list[dict[str, Any]]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "TEXTMINE_CACHE_DIR": str(cache)}
    subprocess.run(
        [sys.executable, "-m", "textmine.cli", "tag", str(source), "-o", str(out), "--no-cache"],
        check=True,
        capture_output=True,
        env=env,
    )
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_two_processes_with_different_hash_seeds_give_the_same_ids(tmp_path: Path) -> None:
    source = need(LOCAL_OFFER_PDF)
    first = _tag_in_a_process(source, tmp_path / "a.jsonl", "1", tmp_path / "c1")
    second = _tag_in_a_process(source, tmp_path / "b.jsonl", "2", tmp_path / "c2")
    ids = [row["id"] for row in first]
    assert len(ids) > 20 and len(set(ids)) == len(ids)
    assert ids == [row["id"] for row in second]


def _document(provisions: list[tuple[str, str, int]]) -> Any:
    return build_document(
        doc="code",
        kind="guidance",
        path=None,
        provisions=[Provision("", "", ref, text, page=page) for ref, text, page in provisions],
    )


def _ids(document: Any, nlp: Any) -> dict[tuple[str, str], str]:
    from textmine.nlp.tagging import tag_document

    return {(row["sentence"], row["text"]): row["id"] for row in tag_document(document, nlp=nlp)}


def test_a_provision_moved_renumbered_or_rewrapped_keeps_its_ids(nlp: Any) -> None:
    consult = "The local authority must consult the parent before it decides."
    inform = "Schools should inform parents of the outcome."
    before = _ids(
        _document([("1.1", "An introduction.", 1), ("1.2", consult, 1), ("1.3", inform, 2)]), nlp
    )
    after = _ids(
        _document(
            [
                ("2.7", inform, 5),  # moved up, renumbered, on another page
                ("1.1", "An introduction.", 1),
                ("3.4", consult.replace("must consult", "must\n   consult"), 9),  # re-wrapped
            ]
        ),
        nlp,
    )
    assert set(before) == set(after) == {(consult, "consult"), (inform, "inform")}
    assert before == after
    changed = _ids(_document([("1.2", consult.replace("parent", "parents"), 1)]), nlp)
    (changed_id,) = changed.values()
    assert changed_id != before[(consult, "consult")]
