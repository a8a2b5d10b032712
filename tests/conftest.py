"""Shared fixtures: the public corpora beside the project, and one spaCy pipeline."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"

ACT_PDF = CORPORA / "legislation_pdfs" / "ukpga_2025_22_universal_credit_act_2025.pdf"
SI_PDF = CORPORA / "si_pdfs" / "uksi_2015_541_childrens_homes_england_regulations_2015_revised.pdf"
GUIDANCE = CORPORA / "guidance_pdfs"
ADOPTION_PDF = GUIDANCE / "dfe_2013_statutory_guidance_on_adoption.pdf"
HOMES_GUIDE_PDF = (
    GUIDANCE / "dfe_2015_guide_to_childrens_homes_regulations_incl_quality_standards.pdf"
)
KCSIE_PDF = GUIDANCE / "dfe_2025_keeping_children_safe_in_education.pdf"
VOL3_PDF = (
    GUIDANCE
    / "dfe_children_act_1989_guidance_vol3_transition_to_adulthood_care_leavers_2010_rev2022.pdf"
)
TEACHER_PDF = GUIDANCE / "dfe_2018_designated_teacher_looked_after_children.pdf"
LOCAL_OFFER_PDF = GUIDANCE / "dfe_2018_rev2025_local_offer_guidance.pdf"
CLML_DIR = CORPORA / "legislation_xml"
SEN2 = CORPORA / "sen2"


def need(path: Path) -> Path:
    """Skip the calling test, with the reason, when a shared corpus file is absent."""
    if not path.exists():
        pytest.skip(
            f"{path} is absent: the shared corpora (../shared/corpora) are not beside the project"
        )
    return path


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every test's cache (textmine.cache) lives in a temporary folder, never the user's."""
    folder = tmp_path_factory.mktemp("textmine-cache")
    before = os.environ.get("TEXTMINE_CACHE_DIR")
    os.environ["TEXTMINE_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("TEXTMINE_CACHE_DIR", None)
    else:
        os.environ["TEXTMINE_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The one model-backed pipeline of the test session (en_core_web_sm + tagger)."""
    from textmine.nlp.pipeline import load_pipeline

    return load_pipeline()
