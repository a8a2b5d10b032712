"""Accuracy of the tagger against the hand-labelled gold set (tests/nlp/data).

For each split the documents are extracted once from ../shared/corpora, every
listed gold provision is checked to exist with the same text (sha256 of its
whitespace-normalised text), the provisions' units are tagged with textmine's
tagger, and the rows are scored with :func:`textmine.nlp.eval.evaluate.evaluate`.
The report goes to ``test-artifacts/accuracy_<split>.txt``; the held-out report
has no per-occurrence listing, so it does not reveal the held-out labels.

A floor test fails when the tagger falls below what it has reached on the
held-out split (the figures in the README, rounded down). The generalisation
bars of issue 14 are judged on first scores of documents never labelled or
read before (``EVAL_LOG.md``), not here: a set the tagger is scored on again
and again is a regression guard, not a measure of generalisation.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CORPORA, ROOT, need
from textmine.contract import number_repeats
from textmine.extract.document import Document, build_document

pytestmark = pytest.mark.slow

DATA = Path(__file__).parent / "data"
ARTIFACTS = ROOT / "test-artifacts"
SPLITS = ("dev", "heldout")
#: Every labelled split: the first-look sets (S1-S18 of ``EVAL_LOG.md``) are scored in
#: ``test_component_parity.py``, on the rows it tags anyway, and checked for existence here.
LABELLED = (*SPLITS, "firstlook")
#: What the tagger has reached on the held-out split (measured, rounded down):
#: a regression guard. Recipients went from 231 of 262 to 231 of 263 (0.882 to 0.878)
#: when commit 71928d4 (the telling sense of "inform X that ...", more party nouns)
#: found one more occurrence, whose recipients are wrong; none that was right became
#: wrong. Actor is 238 of 263 (0.905).
FLOOR = {
    "precision": 0.95,
    "recall": 0.96,
    "actor": 0.90,
    "recipients": 0.87,
    "modality": 0.98,
    "negated": 0.99,
    "voice": 0.99,
}


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _sha(text: str) -> str:
    return hashlib.sha256(re.sub(r"\s+", " ", text).strip().encode("utf-8")).hexdigest()


def _source(doc: str) -> Path:
    need(CORPORA)
    for suffix in (".pdf", ".xml", ".html"):
        found = sorted(CORPORA.rglob(f"{doc}{suffix}"))
        if found:
            return found[0]
    pytest.fail(f"gold document {doc} is not in {CORPORA}")


def _matches(provision: Any, listed: dict[str, Any]) -> bool:
    if listed["ref"] is not None:
        return bool(provision.ref == listed["ref"])
    # an HTML page has no pages: its ref-less provisions are labelled as page 0
    return provision.ref is None and (provision.page or 0) == listed["page"]


def _restrict(document: Document, listed: list[dict[str, Any]]) -> Document:
    """The document cut down to the units of the listed provisions (sentences stay whole)."""
    units = {p.unit for p in document.provisions if any(_matches(p, row) for row in listed)}
    kept = [p for p in document.provisions if p.unit in units]
    return build_document(doc=document.doc, kind=document.kind, path=document.path, provisions=kept)


@pytest.fixture(scope="module")
def provisions() -> dict[str, list[dict[str, Any]]]:
    return {split: _read(DATA / f"gold_{split}_provisions.jsonl") for split in LABELLED}


@pytest.fixture(scope="module")
def documents(provisions: dict[str, list[dict[str, Any]]]) -> Iterator[dict[str, Document]]:
    """Every document of the gold set, extracted once for the module."""
    from textmine.extract import extract

    names = sorted({row["doc"] for rows in provisions.values() for row in rows})
    yield {name: extract(_source(name)) for name in names}


@pytest.mark.parametrize("split", LABELLED)
def test_gold_provisions_exist_unchanged(
    split: str, provisions: dict[str, list[dict[str, Any]]], documents: dict[str, Document]
) -> None:
    """Every listed provision is still extracted, with the text the labels were made on."""
    problems = []
    for row in provisions[split]:
        candidates = [p for p in documents[row["doc"]].provisions if _matches(p, row)]
        where = f"{row['doc']} {row['ref'] or 'page ' + str(row['page'])}"
        if not candidates:
            problems.append(f"{where}: provision not found")
        elif not any(_sha(p.text) == row["sha256"] for p in candidates):
            problems.append(f"{where}: text changed since labelling (sha256 differs)")
    assert not problems, "\n".join(problems)


class _Reports(dict[str, Any]):
    """The scored reports by split; its repr is short, so a failing test's traceback
    (which shows the test's arguments) never prints held-out labels."""

    def __repr__(self) -> str:
        return f"<accuracy reports: {', '.join(self)}>"


@pytest.fixture(scope="module")
def reports(
    provisions: dict[str, list[dict[str, Any]]], documents: dict[str, Document], nlp: Any
) -> dict[str, Any]:
    """Tag the gold provisions of each split once and score them; write the reports."""
    tagging = pytest.importorskip("textmine.nlp.tagging", reason="the tagger is not built yet")
    from textmine.nlp.eval.evaluate import evaluate, load_gold

    out = _Reports()
    for split in SPLITS:
        listed = provisions[split]
        rows: list[dict[str, Any]] = []
        for name in sorted({row["doc"] for row in listed}):
            mine = [row for row in listed if row["doc"] == name]
            # the units are tagged alone, in the context of the whole document (as `tag` does)
            whole = tagging.document_context(documents[name], nlp)
            own = tagging.tag_units([_restrict(documents[name], mine)], nlp=nlp, contexts=[whole])
            number_repeats(own)
            rows.extend(own)
        report = evaluate(load_gold(DATA / f"gold_{split}.jsonl"), rows, provisions=listed)
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"accuracy_{split}.txt").write_text(
            report.to_text(details=split != "heldout"), encoding="utf-8"
        )
        out[split] = report
    return out


def _scores(report: Any) -> dict[str, float | None]:
    return {
        "precision": report.micro.precision,
        "recall": report.micro.recall,
        **{
            name: report.field_accuracy[name].accuracy
            for name in FLOOR
            if name in report.field_accuracy
        },
    }


def _below(scores: dict[str, float | None], limits: dict[str, float]) -> list[str]:
    return [
        f"{name} {scores[name] if scores[name] is not None else 'n/a'} < {limit}"
        for name, limit in limits.items()
        if scores.get(name) is None or scores[name] < limit  # type: ignore[operator]
    ]


@pytest.mark.parametrize("split", SPLITS)
def test_every_gold_occurrence_is_judged(
    split: str, reports: dict[str, Any], provisions: dict[str, list[dict[str, Any]]]
) -> None:
    assert reports[split].n_gold == sum(row["count"] for row in provisions[split])


def test_heldout_accuracy_does_not_regress(reports: dict[str, Any]) -> None:
    """The figures reached so far on held-out text (see README, Accuracy) must not fall."""
    failures = _below(_scores(reports["heldout"]), FLOOR)
    assert not failures, "held-out accuracy fell below the recorded floor: " + "; ".join(failures)
