"""Fixtures of the report tests: a small fixed analysis and a headless Chromium.

``small_analysis`` is built from two hand-made documents (an Act-style text
and a code in numbered paragraphs, written for these tests) and hand-made
contract rows: it stands in for the reader and tagger output, so that the
report is tested on exact, known input. The measures, findings and statistics
are textmine's own.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from textmine.analysis import Analysis, Provenance, gather_evidence
from textmine.contract import occurrence_id
from textmine.extract.document import Provision, build_document
from textmine.settings import Settings

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

ACT = [
    (
        "s.1(1)",
        "Part 1",
        "The local authority must consult the parent before it decides on an EHC needs assessment.",
    ),
    (
        "s.1(2)",
        "Part 1",
        "The local authority must co-operate with the health body on special educational "
        "provision.",
    ),
    ("s.2(1)", "Part 2", "The local authority must involve the parent in the EHC plan."),
]
CODE = [
    (
        "1.1",
        "Chapter 1",
        "Under section 1 the local authority may consult the parent about an EHC needs assessment.",
    ),
    ("1.2", "Chapter 1", "The local authority must work with the health body on the EHC plan."),
    ("1.3", "Chapter 2", "Parents should be informed of the EHC plan."),
    (
        "1.4",
        "Chapter 2",
        "The local authority need not consult the parent and must inform the school.",
    ),
    (None, "Chapter 2", "This closing note has no partnership term."),
]
#: (doc, ref, term text, nth occurrence, term, level, actor, recipients, modality, negated, voice)
OCCURRENCES = [
    (
        "family_act",
        "s.1(1)",
        "consult",
        "consult",
        2,
        "local_authority",
        ["parent"],
        "must",
        False,
        "active",
    ),
    (
        "family_act",
        "s.1(2)",
        "co-operate",
        "cooperate",
        4,
        "local_authority",
        ["health"],
        "must",
        False,
        "active",
    ),
    (
        "family_act",
        "s.2(1)",
        "involve",
        "involve",
        3,
        "local_authority",
        ["parent"],
        "must",
        False,
        "active",
    ),
    (
        "family_code",
        "1.1",
        "consult",
        "consult",
        2,
        "local_authority",
        ["parent"],
        "may",
        False,
        "active",
    ),
    (
        "family_code",
        "1.2",
        "work with",
        "work with",
        4,
        "local_authority",
        ["health"],
        "must",
        False,
        "active",
    ),
    (
        "family_code",
        "1.3",
        "informed",
        "inform",
        1,
        "unspecified",
        ["parent"],
        "should",
        False,
        "passive",
    ),
    (
        "family_code",
        "1.4",
        "consult",
        "consult",
        2,
        "local_authority",
        ["parent"],
        "need",
        True,
        "active",
    ),
    (
        "family_code",
        "1.4",
        "inform",
        "inform",
        1,
        "local_authority",
        ["education"],
        "must",
        False,
        "active",
    ),
]


def make_documents(source_dir: Path | None = None) -> list[Any]:
    """The two test documents; the code's path points at ``source_dir/family_code.pdf``."""
    act = build_document(
        doc="family_act",
        kind="act",
        path=None,
        provisions=[
            Provision("", "", ref, text, part=part, heading="Duties") for ref, part, text in ACT
        ],
        title="Family Partnership Act (test)",
        sha256="a" * 64,
    )
    code = build_document(
        doc="family_code",
        kind="guidance",
        path=(source_dir / "family_code.pdf") if source_dir else None,
        provisions=[
            Provision("", "", ref, text, page=i + 1, chapter=chapter)
            for i, (ref, chapter, text) in enumerate(CODE)
        ],
        title="Family Partnership Code (test)",
        pages=5,
        sha256="b" * 64,
        url="https://example.org/family-code",
    )
    return [act, code]


def make_rows(documents: list[Any]) -> list[dict[str, Any]]:
    """Contract rows for :data:`OCCURRENCES`, with exact sentence offsets."""
    by_doc = {d.doc: d for d in documents}
    rows = []
    for doc, ref, text, term, level, actor, recipients, modality, negated, voice in OCCURRENCES:
        document = by_doc[doc]
        prov = document.by_ref(ref)
        start = prov.text.find(text)
        assert start >= 0, (ref, text)
        rows.append(
            {
                "doc": doc,
                "ref": ref,
                "page": prov.page,
                "sentence": prov.text,
                "start": start,
                "end": start + len(text),
                "text": text,
                "term": term,
                "level": level,
                "actor": actor,
                "actor_text": None if actor == "unspecified" else "The local authority",
                "recipients": recipients,
                "modality": modality,
                "negated": negated,
                "voice": voice,
                "kind": document.kind,
                "heading": prov.heading,
                "part": prov.part,
                "chapter": prov.chapter,
                "unit": prov.unit,
                "id": occurrence_id(doc, prov.text, start, text),
                "explain": {"actor": {"rule": "nsubj"}, "modality": {"rule": "aux"}},
            }
        )
    return rows


FIXED_PROVENANCE = Provenance(
    generated="2026-01-01T00:00:05+00:00",
    textmine_version="0.1.0",
    python_version="3.11.7",
    inputs=(
        {
            "doc": "family_act",
            "title": "Family Partnership Act (test)",
            "kind": "act",
            "file": "family_act.md",
            "sha256": "a" * 64,
            "pages": None,
            "provisions": 3,
            "url": None,
            "licence": "Open Government Licence v3.0",
            "source": "written for tests",
        },
        {
            "doc": "family_code",
            "title": "Family Partnership Code (test)",
            "kind": "guidance",
            "file": "family_code.pdf",
            "sha256": "b" * 64,
            "pages": 5,
            "provisions": 5,
            "url": "https://example.org/family-code",
            "licence": None,
            "source": None,
        },
    ),
    model={
        "name": "en_core_web_sm",
        "version": "3.8.0",
        "spacy": "3.8.7",
        "pipeline": ["tok2vec", "tagger", "parser", "partnership_terms"],
    },
    lexicon={"folder": "bundled", "files": {"terms.jsonl": {"sha256": "c" * 64, "lines": 40}}},
    settings={"seed": 1, "n_bootstrap": 200, "n_permutations": 200},
    statistics_inputs=(
        {
            "file": "/x/sen2_source_of_request_2025.csv",
            "kind": "bundled",
            "release": 2026,
            "rows": 70,
            "source_rows": 60,
        },
    ),
    sample=False,
)


def build_analysis(source_dir: Path | None = None, title: str = "Test report") -> Analysis:
    from textmine.measure import measure
    from textmine.rows import rows_to_frame

    settings = Settings(n_bootstrap=200, n_permutations=200, seed=1)
    documents = make_documents(source_dir)
    rows = rows_to_frame(make_rows(documents))
    tables = measure(rows, settings=settings, actor="local_authority")
    evidence = gather_evidence(documents, tables)
    return Analysis(
        title=title,
        documents=documents,
        rows=rows,
        tables=tables,
        findings=evidence.findings,
        links=evidence.links,
        stats=evidence.stats,
        provenance=FIXED_PROVENANCE,
        settings=settings,
        relevance=evidence.relevance,
    )


@pytest.fixture(scope="module")
def small_analysis(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    """The fixed analysis; the code's source PDF path is ``<tmp>/sources/family_code.pdf``."""
    return build_analysis(tmp_path_factory.mktemp("analysis") / "sources")


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """A headless Chromium (Debian's), or a skip with the reason."""
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip(f"{CHROMIUM} is not installed: browser tests need Debian's chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def artifact(name: str) -> Path:
    """A path in test-artifacts/ (git-ignored) for screenshots."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
