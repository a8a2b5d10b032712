"""The whole chain on real documents: extract -> tag -> measure -> write (slow, model-backed).

The children's homes regulations (SI 2015/541) and the DfE guide to them,
which cites its regulations ("regulation 40"), so the strength alignment has
citations to follow. Figures depend on the tagger, so the assertions check
what the measures guarantee (ids, totals, ranges, the citation rule) rather
than tagger-dependent counts.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import HOMES_GUIDE_PDF, SI_PDF, need
from textmine.measure import MeasureTables, measure, write_tables
from textmine.settings import Settings

pytestmark = pytest.mark.slow

SI = "uksi_2015_541_childrens_homes_england_regulations_2015_revised"
GUIDE = "dfe_2015_guide_to_childrens_homes_regulations_incl_quality_standards"


@pytest.fixture(scope="module")
def rows(nlp) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    from textmine.extract import extract
    from textmine.nlp.tagging import tag_documents
    from textmine.rows import rows_to_frame

    documents = [extract(need(SI_PDF)), extract(need(HOMES_GUIDE_PDF))]
    return rows_to_frame(tag_documents(documents, nlp=nlp))


@pytest.fixture(scope="module")
def tables(rows: pd.DataFrame) -> MeasureTables:
    return measure(rows, settings=Settings(n_bootstrap=500, n_permutations=1000), actor=None)


def test_documents_and_pair(rows: pd.DataFrame, tables: MeasureTables) -> None:
    assert tables.pair == (SI, GUIDE)
    assert tables.tii["doc"].tolist() == [SI, GUIDE]
    counts = rows["doc"].value_counts()
    assert tables.tii.set_index("doc")["n_occurrences"].to_dict() == {
        SI: int(counts[SI]),
        GUIDE: int(counts[GUIDE]),
    }


def test_tii_is_the_mean_of_its_components(tables: MeasureTables) -> None:
    for rec in tables.tii.to_dict("records"):
        parts = [rec["term_entropy"], rec["level_spread"], rec["modality_spread"]]
        assert all(0.0 <= p <= 1.0 for p in parts)
        assert rec["tii"] == pytest.approx(sum(parts) / 3)
        assert sum(rec["contributions"].values()) == pytest.approx(rec["tii"])


def test_relations_add_up(rows: pd.DataFrame, tables: MeasureTables) -> None:
    relations = tables.relations
    for doc, group in relations.groupby("doc"):
        n_rows = rows[rows["doc"] == doc]
        exploded = sum(max(1, len(set(r))) for r in n_rows["recipients"])
        assert int(group["n"].sum()) == exploded
    assert relations["provisions"].map(len).ge(1).all()


def test_divergence_overall_row(tables: MeasureTables) -> None:
    overall = tables.divergence.iloc[0]
    assert overall["relation"] == "all"
    assert overall["measure_id"] == f"divergence.{SI}.{GUIDE}"
    assert 0.0 <= overall["js_divergence"] <= 1.0


def test_citations_align_to_the_cited_regulation(tables: MeasureTables) -> None:
    strength = tables.divergence_strength
    cited = strength[strength["alignment"].str.startswith("citation")]
    assert len(cited) > 0
    for rec in cited.to_dict("records"):
        numbers = {c.split(".", 1)[1] for c in rec["cited"]}
        for label in rec["provisions_a"]:
            match = re.fullmatch(rf"{SI}:reg\.(\d+[A-Z]*)(\(.*)?", label)
            assert match and match.group(1) in numbers
    assert set(strength["direction"]) <= {"weaker", "stronger", "same", "no counterpart"}


def test_asymmetry_rows_are_complete(tables: MeasureTables) -> None:
    asym = tables.asymmetry
    assert asym["measure_id"].unique().tolist() == ["asymmetry.all.family_vs_professional"]
    for rec in asym.to_dict("records"):
        if pd.isna(rec["reason"]):
            assert rec["ci_low"] <= rec["difference"] <= rec["ci_high"]
            assert 0.0 < rec["p_value"] <= 1.0
        else:
            assert math.isnan(rec["ci_low"])


def test_tables_are_written(tables: MeasureTables, tmp_path: Path) -> None:
    written = write_tables(tables, tmp_path)
    assert len(written) == 20
    back = pd.read_csv(tmp_path / "tii.csv")
    assert back["doc"].tolist() == [SI, GUIDE]
