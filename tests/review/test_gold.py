"""Corrections as a gold set (textmine/review/gold.py) and ``textmine eval CORRECTIONS PRED``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from tests.review.conftest import added
from textmine.cli import cli
from textmine.review.corrections import Correction
from textmine.review.gold import corrections_to_gold, evaluate_corrections


def _corrections(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"id": rows[0]["id"], "verdict": "correct"},
        {"id": rows[1]["id"], "verdict": "corrected", "actor": "local_authority"},
        {"id": rows[3]["id"], "verdict": "not_an_occurrence"},
        {"id": "00000000000000ff", "verdict": "correct"},
        {"verdict": "added", **added(rows[0]["sentence"])},
    ]


def test_gold_rows_by_hand(rows: list[dict[str, Any]]) -> None:
    lines = _corrections(rows)
    corrections = [
        Correction(
            c.get("id"), c["verdict"], {k: v for k, v in c.items() if k not in ("id", "verdict")}
        )
        for c in lines
    ]
    gold = corrections_to_gold(corrections, rows)
    assert [g["text"] for g in gold.gold] == ["consult", "informed", "decides"]
    assert gold.gold[1]["actor"] == "local_authority"
    # judged: the three reviewed rows found in PRED; 1.4's 'consult' was not reviewed
    assert [p["id"] for p in gold.pred] == [rows[0]["id"], rows[1]["id"], rows[3]["id"]]
    assert gold.counts == {"correct": 1, "corrected": 1, "not_an_occurrence": 1, "added": 1}
    assert [c.id for c in gold.missing] == ["00000000000000ff"]


def test_eval_prints_precision_field_accuracy_and_recall(
    rows: list[dict[str, Any]], tmp_path: Path
) -> None:
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    corrections = tmp_path / "corrections.jsonl"
    corrections.write_text(
        "".join(json.dumps(c) + "\n" for c in _corrections(rows)), encoding="utf-8"
    )
    report, gold = evaluate_corrections(corrections, pred)
    assert len(gold.gold) == 3 and len(gold.pred) == 3
    # 3 reviewed tagger rows, 2 kept: precision 2/3; 3 gold rows, 2 found: recall 2/3;
    # actor right on 1 of the 2 matched rows (the analyst corrected the other).
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (2, 1, 1)
    assert report.micro.precision == 2 / 3 and report.micro.recall == 2 / 3
    assert report.field_accuracy["actor"].accuracy == 0.5
    assert report.field_accuracy["modality"].accuracy == 1.0
    result = CliRunner().invoke(cli, ["eval", str(corrections), str(pred)], obj={})
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.splitlines()[0] == (
        "Corrections corrections.jsonl: 4 reviewed rows scored (1 correct, 1 corrected, "
        "1 not an occurrence, 1 added); 1 not in PRED (their id is absent: the provision's "
        "text changed, or the tagger no longer finds them)"
    )
    assert "0.667" in text
    as_json = CliRunner().invoke(
        cli, ["eval", str(corrections), str(pred), "--format", "json"], obj={}
    )
    data = json.loads(as_json.stdout)
    assert data["corrections"]["counts"]["added"] == 1
    assert data["micro"]["precision"] == 2 / 3
