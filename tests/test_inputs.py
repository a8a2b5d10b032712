"""Which documents an analysis reads (textmine/inputs.py)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ACT_PDF, CORPORA, need
from textmine.inputs import corpus_inputs, resolve_inputs
from textmine.settings import Settings

SAMPLE = Path(__file__).resolve().parents[1] / "textmine" / "data"


def test_no_corpora_means_the_bundled_sample(tmp_path: Path) -> None:
    specs, sample = resolve_inputs([], Settings(corpora_dir=tmp_path / "none"))
    assert sample is True
    assert [(s.path.name, s.kind) for s in specs] == [
        ("sample_act.md", "act"),
        ("sample_draft.md", "guidance"),
    ]
    assert all(s.path.is_file() for s in specs)


def test_sample_texts_have_the_promised_shape() -> None:
    draft = (SAMPLE / "sample_draft.md").read_text(encoding="utf-8")
    paragraphs = [line for line in draft.splitlines() if line[:1].isdigit()]
    assert len(paragraphs) == 40 and paragraphs[0].startswith("1.1 ")
    act = (SAMPLE / "sample_act.md").read_text(encoding="utf-8")
    assert act.count("\n(1) ") == 5


def test_corpus_manifest_picks_present_files_one_per_title(tmp_path: Path) -> None:
    (tmp_path / "MANIFEST.tsv").write_text(
        "file\ttitle\tkind\turl\tlicence\tsha256\n"
        "cfa.pdf\tChildren and Families Act 2014\tact\thttps://www.legislation.gov.uk/ukpga/2014/6/pdfs/x.pdf\tOGL\t\n"
        "cfa.xml\tChildren and Families Act 2014\tact\thttps://www.legislation.gov.uk/ukpga/2014/6/data.xml\tOGL\t\n"
        "code.pdf\tSEND Code of Practice\tguidance\tjavascript:alert(1)\tOGL\t\n",
        encoding="utf-8",
    )
    (tmp_path / "cfa.xml").write_text("<x/>")
    (tmp_path / "code.pdf").write_bytes(b"%PDF")
    specs = corpus_inputs(tmp_path)
    assert [s.path.name for s in specs] == ["cfa.xml", "code.pdf"]
    assert specs[0].url == "https://www.legislation.gov.uk/ukpga/2014/6/data.xml"
    assert specs[0].licence == "OGL" and specs[0].title == "Children and Families Act 2014"
    assert specs[1].url is None  # only https URLs are kept
    assert [s.kind for s in specs] == ["act", "guidance"]


def test_explicit_path_described_by_a_nearby_manifest() -> None:
    specs, sample = resolve_inputs([need(ACT_PDF)], Settings())
    assert sample is False
    assert specs[0].licence == "Open Government Licence v3.0"
    assert specs[0].title is not None and specs[0].title.startswith("Universal Credit Act 2025")
    assert (CORPORA / "MANIFEST.tsv").is_file()
