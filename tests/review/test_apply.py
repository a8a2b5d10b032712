"""Applying corrections to tagged rows (textmine/review/apply.py)."""

from __future__ import annotations

from typing import Any

from tests.review.conftest import added
from textmine.contract import occurrence_id
from textmine.review.apply import STALE, apply_corrections
from textmine.review.corrections import Correction


def test_corrected_rows_replace_removed_rows_go_stale_ones_are_listed(
    rows: list[dict[str, Any]],
) -> None:
    informed, inform = rows[1], rows[3]
    corrections = [
        Correction(rows[0]["id"], "correct", source="c.jsonl:1"),
        Correction(
            informed["id"],
            "corrected",
            {"actor": "local_authority"},
            reviewer="A. Analyst",
            note="the authority of 1.1",
            source="c.jsonl:2",
        ),
        Correction(inform["id"], "not_an_occurrence", source="c.jsonl:3"),
        Correction("00000000000000ff", "corrected", {"voice": "passive"}, source="c.jsonl:4"),
    ]
    out, summary = apply_corrections(rows, corrections, file="c.jsonl")
    assert [r["id"] for r in out] == [rows[0]["id"], informed["id"], rows[2]["id"]]
    assert out[0]["reviewed"] is True and out[0]["corrected"] is False
    assert out[0]["explain"]["correction"] == {"verdict": "correct", "source": "c.jsonl:1"}
    fixed = out[1]
    assert (fixed["actor"], fixed["corrected"], fixed["reviewed"]) == (
        "local_authority",
        True,
        True,
    )
    assert fixed["explain"]["actor"] == {"rule": "nsubj"}  # the tagger's explanation stays
    assert fixed["explain"]["correction"] == {
        "verdict": "corrected",
        "source": "c.jsonl:2",
        "reviewer": "A. Analyst",
        "note": "the authority of 1.1",
        "original": {"actor": "unspecified"},
    }
    assert (out[2]["reviewed"], out[2]["corrected"]) == (False, False)
    assert rows[1]["actor"] == "unspecified"  # the input rows are not changed
    assert (summary.reviewed, summary.corrected) == (3, 2)
    assert (summary.correct, summary.changed, summary.removed, summary.added) == (1, 1, 1, 0)
    assert [(n.id, n.source, n.reason) for n in summary.not_applied] == [
        ("00000000000000ff", "c.jsonl:4", STALE)
    ]
    assert summary.line() == (
        "c.jsonl: 3 rows reviewed, 2 corrected (1 changed, 1 not an occurrence); "
        "1 correction not applied"
    )


def test_an_added_occurrence_follows_its_document(rows: list[dict[str, Any]]) -> None:
    sentence = rows[0]["sentence"]
    values = added(sentence)
    other = {**rows[0], "doc": "act", "id": "ffffffffffffffff"}
    out, summary = apply_corrections([*rows, other], [Correction(None, "added", values)])
    assert [r["doc"] for r in out] == ["code"] * 5 + ["act"]
    new = out[4]
    assert new["level"] == 2 and new["corrected"] is True
    assert new["id"] == occurrence_id("code", sentence, values["start"], "decides")
    assert summary.added == 1 and summary.corrected == 1
    again, summary = apply_corrections(out, [Correction(None, "added", values)])
    assert again == out and summary.added == 0
    assert summary.not_applied[0].reason == "the tagger finds this occurrence itself in this run"
