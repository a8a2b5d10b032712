"""Tests of textmine.nlp.eval.gold: loading and checking gold files, and the committed gold set."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from textmine.contract import TERM_LEVELS
from textmine.errors import EmptyInputError, InputError
from textmine.nlp.eval.gold import (
    load_gold,
    load_pred,
    load_provisions,
    scope_of,
    surface_key,
)

DATA = Path(__file__).parent / "data"
SPLITS = ("dev", "heldout")
#: Every labelled split (the first-look sets of EVAL_LOG.md besides the two above).
LABELLED = (*SPLITS, "firstlook")
LOCATOR = {
    "doc": "ex",
    "ref": "9.14",
    "page": 3,
    "text": "consult",
    "nth": 0,
    "term": "consult",
    "level": 2,
    "actor": "local_authority",
    "recipients": ["parent"],
    "modality": "must",
    "negated": False,
    "voice": "active",
}


def write(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_locator_row_loads_with_its_source(tmp_path: Path) -> None:
    rows = load_gold(write(tmp_path / "g.jsonl", json.dumps(LOCATOR), ""))
    assert rows == [{**LOCATOR, "_source": "g.jsonl:1"}]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"term": "support"}, "line 2: unknown term 'support'"),
        ({"level": 3}, "line 2: level 3 does not match term 'consult' (level 2)"),
        ({"actor": "council"}, "line 2: unknown actor group 'council'"),
        ({"recipients": "parent"}, "line 2: recipients must be a list of actor groups"),
        ({"modality": "ought"}, "line 2: unknown modality 'ought'"),
        ({"negated": "no"}, "line 2: negated must be true or false"),
        ({"voice": "middle"}, "line 2: unknown voice 'middle'"),
        ({"nth": None}, "line 2: needs either sentence/start/end or an integer 'nth'"),
        (
            {"ref": None, "page": "3"},
            "line 2: an occurrence without a ref needs a 'page' (an integer, or null without "
            "pages)",
        ),
    ],
)
def test_invalid_gold_values_name_file_and_line(
    tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    other = {**LOCATOR, "nth": 1}
    path = write(tmp_path / "g.jsonl", json.dumps(other), json.dumps({**LOCATOR, **change}))
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_gold(path)


def test_a_document_without_pages_is_one_scope(tmp_path: Path) -> None:
    """A Word document's unnumbered provisions have no page: their scope is the document."""
    row = {**LOCATOR, "ref": None, "page": None}
    assert load_gold(write(tmp_path / "g.jsonl", json.dumps(row)))[0]["page"] is None
    assert scope_of(row) == "page:?"


def test_missing_field_malformed_json_and_duplicates(tmp_path: Path) -> None:
    no_actor = {k: v for k, v in LOCATOR.items() if k != "actor"}
    with pytest.raises(InputError, match="line 1: missing field 'actor'"):
        load_gold(write(tmp_path / "a.jsonl", json.dumps(no_actor)))
    with pytest.raises(InputError, match=r"b.jsonl: line 2: not valid JSON"):
        load_gold(write(tmp_path / "b.jsonl", json.dumps(LOCATOR), '{"doc": '))
    with pytest.raises(InputError, match="line 1: expected a JSON object, got list"):
        load_gold(write(tmp_path / "c.jsonl", "[1, 2]"))
    dup = {**LOCATOR, "text": "Consult"}  # same surface once case is folded
    with pytest.raises(InputError, match="line 2: duplicate of the occurrence on line 1"):
        load_gold(write(tmp_path / "d.jsonl", json.dumps(LOCATOR), json.dumps(dup)))


def test_empty_gold_is_an_error_but_empty_pred_is_zero_rows(tmp_path: Path) -> None:
    with pytest.raises(EmptyInputError, match="gold file holds no occurrences"):
        load_gold(write(tmp_path / "g.jsonl", ""))
    assert load_pred(write(tmp_path / "p.jsonl", "")) == []


def test_pred_rows_need_a_locator(tmp_path: Path) -> None:
    bad = {"doc": "ex", "ref": "1", "text": "inform", "term": "inform", "sentence": "x"}
    with pytest.raises(InputError, match="line 1: start and end must be integers"):
        load_pred(write(tmp_path / "p.jsonl", json.dumps(bad)))
    with pytest.raises(InputError, match="line 1: missing field 'term'"):
        load_pred(write(tmp_path / "q.jsonl", json.dumps({"doc": "ex", "ref": "1", "text": "x"})))


def test_provisions_file_checks_counts(tmp_path: Path) -> None:
    row = {"doc": "ex", "ref": "1", "page": 1, "count": -1, "sha256": "0"}
    with pytest.raises(InputError, match="count must be a non-negative integer"):
        load_provisions(write(tmp_path / "p.jsonl", json.dumps(row)))


def test_scope_and_surface_helpers() -> None:
    assert scope_of({"ref": " reg.6(2) "}) == "reg.6(2)"
    assert scope_of({"ref": None, "page": 7}) == "page:7"
    assert surface_key("Have  Regard\u2019s") == "have regard's"


# ------------------------------------------------------------- the committed gold set


@pytest.fixture(scope="module")
def gold() -> dict[str, list[dict[str, Any]]]:
    return {split: load_gold(DATA / f"gold_{split}.jsonl") for split in LABELLED}


@pytest.fixture(scope="module")
def provisions() -> dict[str, list[dict[str, Any]]]:
    return {split: load_provisions(DATA / f"gold_{split}_provisions.jsonl") for split in LABELLED}


@pytest.mark.parametrize("split", LABELLED)
def test_counts_agree_with_the_provisions_file(
    split: str, gold: dict[str, Any], provisions: dict[str, Any]
) -> None:
    rows, listed = gold[split], provisions[split]
    assert len(rows) == sum(p["count"] for p in listed)
    per_scope = Counter((r["doc"], scope_of(r)) for r in rows)
    listed_scope: Counter[tuple[str, str]] = Counter()
    for p in listed:
        listed_scope[(p["doc"], scope_of(p))] += p["count"]
    assert per_scope == +listed_scope


@pytest.mark.parametrize("split", LABELLED)
def test_nth_runs_from_zero_per_surface(split: str, gold: dict[str, Any]) -> None:
    seen: Counter[tuple[str, str, str]] = Counter()
    for r in gold[split]:
        key = (r["doc"], scope_of(r), surface_key(r["text"]))
        assert r["nth"] == seen[key], r["_source"]
        seen[key] += 1


def test_split_sizes_documents_and_terms(gold: dict[str, Any], provisions: dict[str, Any]) -> None:
    sizes = {split: len(rows) for split, rows in gold.items()}
    assert sizes == {"dev": 157, "heldout": 270, "firstlook": 1752}
    docs = {split: {p["doc"] for p in listed} for split, listed in provisions.items()}
    assert len(docs["dev"] | docs["heldout"] | docs["firstlook"]) >= 13
    assert not docs["dev"] & docs["heldout"]  # documents do not cross the split
    assert {
        "ukpga_2025_22_universal_credit_act_2025",
        "uksi_2015_541_childrens_homes_england_regulations_2015_revised",
    } <= docs["heldout"]
    terms = {r["term"] for split in SPLITS for r in gold[split]}
    assert terms == set(TERM_LEVELS)
    zero = sum(p["count"] == 0 for split in SPLITS for p in provisions[split])
    assert zero == 112
    # no provision is labelled twice: the first-look sets left out those labelled before
    earlier = {(p["doc"], p["ref"], p["page"]) for split in SPLITS for p in provisions[split]}
    assert not earlier & {(p["doc"], p["ref"], p["page"]) for p in provisions["firstlook"]}


def test_notes_hold_no_long_quotations(gold: dict[str, Any]) -> None:
    """Labels and locators only: a note never carries a run of document words in quotes."""
    for rows in gold.values():
        for r in rows:
            assert not re.search(r"(?:^|[\s(])['\u2018\u201c\"]\w", r["note"]), r["_source"]
            assert len(r["text"].split()) <= 6, r["_source"]
