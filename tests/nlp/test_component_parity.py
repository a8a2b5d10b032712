"""The spaCy component is the tagger: run on a document's Docs it gives the rows of
``textmine tag`` (nothing after the component changes a row), and every rule name
``--explain`` prints on the corpora is in the registry.

For each document of ../shared/corpora, ``textmine tag --explain`` is run as a
user runs it (engine, chunks, cache off); the same document's units are made
into Docs by the driver, with the document's context in ``Doc.user_data``, and
passed one by one through ``nlp`` (the component included); their spans,
formatted as rows, must be the same rows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.conftest import CORPORA, need
from textmine.cli import cli
from textmine.contract import number_repeats
from textmine.nlp.context.document import USER_DATA_KEY
from textmine.nlp.rules.catalogue import selected_rules
from textmine.nlp.tagging import _rows, document_context, units

pytestmark = pytest.mark.slow

SUFFIXES = (".pdf", ".xml", ".html", ".htm", ".docx")


def _documents() -> list[Path]:
    if not CORPORA.exists():
        return []
    return sorted(p for p in CORPORA.rglob("*") if p.suffix in SUFFIXES and "sen2" not in p.parts)


def _names(explain: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(explain, dict):
        for key, value in explain.items():
            if key in ("rule", "party") and isinstance(value, str):
                found.update(part.strip() for part in value.split(","))
            elif key == "via" and isinstance(value, list):
                found.update(value)
            else:
                found |= _names(value)
    return found


@pytest.fixture(scope="module")
def seen() -> set[str]:
    return set()


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.stem[:40])
def test_component_rows_are_the_rows_of_tag(
    path: Path, nlp: Any, tmp_path: Path, seen: set[str]
) -> None:
    need(path)
    out = tmp_path / "rows.jsonl"
    result = CliRunner().invoke(
        cli, ["tag", str(path), "--explain", "--no-cache", "--workers", "1", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    tagged = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]

    from textmine.extract import extract
    from textmine.settings import Settings

    document = extract(path)
    context = document_context(document, nlp).to_data()
    rows: list[dict[str, Any]] = []
    for piece in units(document, 0, Settings().max_unit_chars):
        doc = nlp.make_doc(piece.text)
        doc.user_data[USER_DATA_KEY] = context
        rows += _rows(nlp(doc), piece, document, explain=True)
    number_repeats(rows)
    assert rows == tagged
    for row in tagged:
        seen |= _names(row["explain"])


def test_every_rule_name_explained_on_the_corpora_is_registered(seen: set[str]) -> None:
    need(CORPORA)
    if not seen:
        pytest.skip("run with the parity tests (they collect the names)")
    registered = {r.name for r in selected_rules()}
    assert seen - registered == set()
    assert len(seen) > 40
