"""Tests of textmine.nlp.eval.evaluate: scores computed by hand on a tiny gold/pred pair."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from textmine.cli import cli
from textmine.errors import EmptyInputError, InputError
from textmine.nlp.eval.evaluate import EvalReport, evaluate, evaluate_files, provisions_path_for

S1 = "The local authority must consult the parent and inform the school."
S2 = "Children must be involved in decisions."
S3 = "The school should consider the views of parents."


def row(ref: str, sentence: str, text: str, term: str, **fields: Any) -> dict[str, Any]:
    """A contract row for ``text`` (its first occurrence in ``sentence``)."""
    start = sentence.index(text)
    base = {
        "doc": "ex",
        "ref": ref,
        "page": 1,
        "sentence": sentence,
        "start": start,
        "end": start + len(text),
        "text": text,
        "term": term,
        "actor": "local_authority",
        "recipients": [],
        "modality": "must",
        "negated": False,
        "voice": "active",
    }
    return {**base, **fields}


GOLD = [
    row("1.1", S1, "consult", "consult", recipients=["parent"]),
    row("1.1", S1, "inform", "inform", recipients=["education"]),
    row(
        "1.2", S2, "involved", "involve", actor="unspecified", recipients=["child"], voice="passive"
    ),
    row(
        "1.3",
        S3,
        "consider",
        "consider",
        actor="education",
        recipients=["parent"],
        modality="should",
    ),
]
PRED = [
    row("1.1", S1, "consult", "consult", recipients=["parent"]),  # all right
    row("1.1", S1, "inform", "inform", recipients=[], modality="none"),  # 2 fields wrong
    row("1.2", S2, "involved", "involve", actor="unspecified", recipients=["child"], negated=True),
    row("1.3", S3, "views", "inform", actor="education"),  # false alarm; consider is missed
    row("9.9", S1, "consult", "consult"),  # a scope the gold does not judge
    row("1.1", S1, "parent", "support"),  # not a canonical term
]


@pytest.fixture(scope="module")
def report() -> EvalReport:
    return evaluate(GOLD, PRED)


def test_per_term_counts_by_hand(report: EvalReport) -> None:
    assert {t: (s.tp, s.fp, s.fn) for t, s in report.per_term.items()} == {
        "inform": (1, 1, 0),
        "consult": (1, 0, 0),
        "consider": (0, 0, 1),
        "involve": (1, 0, 0),
    }
    inform = report.per_term["inform"]
    assert (inform.precision, inform.recall) == (0.5, 1.0)
    assert inform.f1 == pytest.approx(2 / 3)
    consider = report.per_term["consider"]
    assert (consider.precision, consider.recall, consider.f1) == (None, 0.0, 0.0)


def test_micro_average_by_hand(report: EvalReport) -> None:
    # TP 3, FP 1, FN 1: P = R = F1 = 3/4
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (3, 1, 1)
    assert report.micro.precision == report.micro.recall == report.micro.f1 == 0.75
    assert report.span == report.micro
    assert (report.n_gold, report.n_pred, report.ignored, report.out_of_scope) == (4, 4, 1, 1)


def test_field_accuracy_by_hand(report: EvalReport) -> None:
    accuracy = {name: (f.correct, f.total) for name, f in report.field_accuracy.items()}
    assert accuracy == {
        "term": (3, 3),
        "level": (3, 3),
        "actor": (3, 3),
        "recipients": (2, 3),
        "modality": (2, 3),
        "negated": (2, 3),
        "voice": (2, 3),
    }
    assert report.field_accuracy["voice"].accuracy == pytest.approx(2 / 3)


def test_confusion_table_names_the_wrong_values(report: EvalReport) -> None:
    assert report.confusions == {
        "recipients": [("[education]", "[]", 1)],
        "modality": [("must", "none", 1)],
        "negated": [("false", "true", 1)],
        "voice": [("passive", "active", 1)],
    }
    assert [r["text"] for r in report.false_negatives] == ["consider"]
    assert [r["text"] for r in report.false_positives] == ["views"]
    assert len(report.field_errors) == 4


def test_locator_gold_scores_the_same(report: EvalReport) -> None:
    keep = ("doc", "ref", "page", "text", "term", "actor", "recipients", "modality", "negated")
    locator = [{**{k: g[k] for k in keep}, "voice": g["voice"], "nth": 0} for g in GOLD]
    again = evaluate(locator, PRED)
    assert again.to_dict(details=False) == report.to_dict(details=False)


def test_nth_counts_same_surface_occurrences_in_order() -> None:
    sentence = "It must inform the parent and later inform the school."
    second = sentence.index("inform", 10)
    pred = [
        row("2.1", sentence, "inform", "inform", recipients=["parent"]),
        {
            **row("2.1", sentence, "inform", "inform"),
            "start": second,
            "end": second + 6,
            "recipients": ["education"],
        },
    ]
    gold = [
        {**{k: v for k, v in pred[1].items() if k not in ("sentence", "start", "end")}, "nth": 1},
    ]
    result = evaluate(gold, pred)
    assert (result.micro.tp, result.micro.fn) == (1, 0)
    assert result.field_accuracy["recipients"].correct == 1  # paired with the second inform


def test_surface_variant_pairs_by_term_and_stem() -> None:
    gold = [
        {**row("3.1", S1, "consult", "have regard to"), "text": "regard must be had to", "nth": 0}
    ]
    for key in ("sentence", "start", "end"):
        del gold[0][key]
    pred = [{**row("3.1", S1, "consult", "have regard to"), "text": "regard"}]
    assert evaluate(gold, pred).micro.tp == 1


def test_sentence_split_differently_still_matches() -> None:
    gold = [row("4.1", S1 + " " + S2, "inform", "inform")]
    pred = [row("4.1", S1, "inform", "inform")]  # the tagger cut the sentence shorter
    assert evaluate(gold, pred).micro.tp == 1


def test_offsets_survive_whitespace_normalisation() -> None:
    spaced = "The  local authority must\n consult the parent."
    gold = [row("5.1", spaced, "consult", "consult")]
    pred = [row("5.1", " ".join(spaced.split()), "consult", "consult")]
    assert evaluate(gold, pred).micro.tp == 1


def test_term_confusion_is_an_error_of_both_terms() -> None:
    result = evaluate([GOLD[0]], [{**PRED[0], "term": "consider"}])
    assert (result.per_term["consult"].fn, result.per_term["consider"].fp) == (1, 1)
    assert (result.span.tp, result.field_accuracy["term"].correct) == (1, 0)
    assert result.confusions["term"] == [("consult", "consider", 1)]


def test_duplicated_prediction_is_a_false_alarm() -> None:
    result = evaluate([GOLD[0]], [PRED[0], dict(PRED[0])])
    assert (result.duplicates, result.micro.tp, result.micro.fp) == (1, 1, 1)


def test_empty_prediction_gives_zero_recall_and_no_precision() -> None:
    result = evaluate(GOLD, [])
    assert (result.micro.precision, result.micro.recall, result.micro.f1) == (None, 0.0, 0.0)
    assert result.field_accuracy["actor"].accuracy is None
    assert "n/a" in result.to_text()


def test_provisions_list_judges_provisions_without_gold_rows() -> None:
    listed = [{"doc": "ex", "ref": r} for r in ("1.1", "1.2", "1.3", "9.9")]
    result = evaluate(GOLD, PRED, provisions=listed)
    assert (result.micro.fp, result.out_of_scope) == (2, 0)


def test_unnumbered_provisions_are_judged_by_page() -> None:
    gold = [{**GOLD[0], "ref": None, "page": 7}]
    assert evaluate(gold, [{**PRED[0], "ref": None, "page": 7}]).micro.tp == 1
    assert evaluate(gold, [{**PRED[0], "ref": None, "page": 8}]).micro.tp == 0


def test_dataframes_are_accepted(report: EvalReport) -> None:
    frame = evaluate(pd.DataFrame(GOLD), pd.DataFrame(PRED))
    assert frame.to_dict(details=False) == report.to_dict(details=False)


def test_text_report_shows_tables(report: EvalReport) -> None:
    text = report.to_text()
    assert "micro                    4     4     3     1     1      0.750   0.750   0.750" in text
    assert "recipients         2      3     0.667" in text
    assert "    must -> none: 1" in text
    assert "ex 1.3 'consider'" in text
    assert "ex 1.3" not in report.to_text(details=False)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["consult", "inform", "notify", "involve"]),
            st.sampled_from(["local_authority", "parent", "unspecified"]),
            st.sampled_from(["must", "may", "none"]),
            st.booleans(),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_gold_against_itself_is_perfect(labels: list[tuple[str, str, str, bool]]) -> None:
    sentence = " ".join(f"w{i} {term}" for i, (term, *_rest) in enumerate(labels))
    rows, at = [], 0
    for i, (term, actor, modality, negated) in enumerate(labels):
        at = sentence.index(f"w{i} ", at) + len(f"w{i} ")
        rows.append(
            {
                **row("6.1", sentence, term, term, actor=actor, modality=modality, negated=negated),
                "start": at,
                "end": at + len(term),
            }
        )
    result = evaluate(rows, rows)
    assert (result.micro.precision, result.micro.recall) == (1.0, 1.0)
    assert all(f.accuracy == 1.0 for f in result.field_accuracy.values())


# ------------------------------------------------------------------ files and CLI


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_evaluate_files_uses_the_sibling_provisions_file(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "gold_x.jsonl", GOLD)
    pred = write_jsonl(tmp_path / "pred.jsonl", PRED)
    assert provisions_path_for(gold) == tmp_path / "gold_x_provisions.jsonl"
    assert evaluate_files(gold, pred).micro.fp == 1
    write_jsonl(
        provisions_path_for(gold),
        [{"doc": "ex", "ref": r, "page": 1, "count": 1, "sha256": "x"} for r in ("1.1", "9.9")],
    )
    assert evaluate_files(gold, pred).micro.fp == 2


def test_a_document_labelled_with_no_occurrence_scores_its_false_alarms(tmp_path: Path) -> None:
    """An empty gold file with its provisions listed is a document read and found to hold no
    term: every prediction in those provisions is a false alarm, and there is no recall."""
    gold = write_jsonl(tmp_path / "gold.jsonl", [])
    pred = write_jsonl(tmp_path / "pred.jsonl", PRED)
    provisions = write_jsonl(
        tmp_path / "provisions.jsonl",
        [{"doc": "ex", "ref": "9.9", "page": 1, "count": 0, "sha256": "x"}],
    )
    report = evaluate_files(gold, pred, provisions_path=provisions)
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (0, 1, 0)
    assert report.micro.precision == 0.0
    with pytest.raises(EmptyInputError, match="give --provisions"):
        evaluate_files(gold, pred)


def test_cli_json_and_output_file(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    pred = write_jsonl(tmp_path / "pred.jsonl", PRED)
    result = CliRunner().invoke(cli, ["eval", str(gold), str(pred), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["micro"]["precision"] == 0.75
    assert data["per_term"]["inform"]["fp"] == 1
    assert data["field_accuracy"]["modality"] == {"correct": 2, "total": 3, "accuracy": 2 / 3}
    out = tmp_path / "report.txt"
    result = CliRunner().invoke(cli, ["eval", str(gold), str(pred), "-o", str(out)])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("textmine eval\n")


def test_cli_reports_a_malformed_line_in_one_line(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(PRED[0]) + "\n{not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(gold), str(pred)])
    assert result.exit_code == 2
    assert result.output.strip().startswith("Error: ")
    assert "pred.jsonl: line 2: not valid JSON" in result.output
    assert "Traceback" not in result.output


def test_empty_prediction_file_is_zero_rows(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    pred = tmp_path / "pred.jsonl"
    pred.write_text("", encoding="utf-8")
    assert evaluate_files(gold, pred).micro.recall == 0.0


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    with pytest.raises(InputError, match="no such file"):
        evaluate_files(gold, tmp_path / "absent.jsonl")
