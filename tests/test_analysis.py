"""analyse(): inputs, bundled sample, provenance, closing summary (textmine/analysis.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.conftest import ACT_PDF, CORPORA, need
from textmine.analysis import Analysis, analyse, corpus_inputs, default_title, resolve_inputs
from textmine.cli import cli
from textmine.settings import Settings

SAMPLE = Path(__file__).resolve().parents[1] / "textmine" / "data"
FAST = {"n_bootstrap": 50, "n_permutations": 50}


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


def test_explicit_path_described_by_a_nearby_manifest() -> None:
    specs, sample = resolve_inputs([need(ACT_PDF)], Settings())
    assert sample is False
    assert specs[0].licence == "Open Government Licence v3.0"
    assert specs[0].title is not None and specs[0].title.startswith("Universal Credit Act 2025")
    assert (CORPORA / "MANIFEST.tsv").is_file()


def test_default_title() -> None:
    class D:
        def __init__(self, doc: str, title: str | None) -> None:
            self.doc, self.title = doc, title

    assert default_title([D("a", "Act"), D("b", None)]) == "Act and b"
    assert default_title([D("a", "A"), D("b", "B"), D("c", "C")]) == "A and 2 more"


@pytest.fixture(scope="module")
def sample_analysis(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    settings = Settings(corpora_dir=tmp_path_factory.mktemp("empty"), **FAST)
    return analyse(settings=settings)


@pytest.mark.slow
def test_sample_analysis(sample_analysis: Analysis, nlp: Any) -> None:
    a = sample_analysis
    assert a.title == "Sample draft code and Act (textmine example)"
    assert a.slug == "sample-draft-code-and-act-textmine-example"
    assert [d.doc for d in a.documents] == ["sample_act", "sample_draft"]
    assert [len(d.provisions) for d in a.documents] == [16, 40]
    assert a.provenance.sample is True
    assert a.tables.pair == ("sample_act", "sample_draft")
    assert set(a.rows["doc"]) == {"sample_act", "sample_draft"}
    assert "explain" in a.rows.columns  # the report shows the deciding rule
    record = a.provenance.inputs[0]
    digest = hashlib.sha256((SAMPLE / "sample_act.md").read_bytes()).hexdigest()
    assert record["sha256"] == digest and record["kind"] == "act"
    assert a.provenance.model["name"].startswith("en_core_web_sm")
    assert set(a.provenance.lexicon["files"]) == {"terms.jsonl", "actors.jsonl", "cues.jsonl"}
    assert a.findings and a.stats is not None
    assert a.links.measure_findings  # at least one measure has evidence


@pytest.mark.slow
def test_summary_lines(sample_analysis: Analysis, tmp_path: Path) -> None:
    lines = sample_analysis.summary_lines(tmp_path / "report.html")
    assert lines[0] == f"Report: {tmp_path / 'report.html'}"
    n_act = int((sample_analysis.rows["doc"] == "sample_act").sum())
    assert lines[1] == f"sample_act: 16 provisions, {n_act} tagged occurrences"
    assert any(line.startswith("TII sample_draft: ") for line in lines)
    assert any(line.startswith("Divergence sample_act vs sample_draft: JSD ") for line in lines)
    assert lines[-1].startswith(
        "SEN2 2025 (England): professional requests agreed for assessment 1.72 times"
    )


@pytest.mark.slow
def test_cli_analyse_writes_a_fresh_folder_and_refreshes_its_own(tmp_path: Path, nlp: Any) -> None:
    runner = CliRunner()
    out = tmp_path / "report"
    draft = str(SAMPLE / "sample_draft.md")
    result = runner.invoke(cli, ["analyse", draft, "-o", str(out), "--title", "Draft only"], obj={})
    assert result.exit_code == 0, result.output
    assert f"Report: {out / 'report.html'}" in result.output
    assert "sample_draft: 40 provisions" in result.output
    assert (out / "report.html").is_file() and (out / "tables" / "tii.csv").is_file()
    assert "<title>Draft only</title>" in (out / "report.html").read_text(encoding="utf-8")
    again = runner.invoke(cli, ["analyse", draft, "-o", str(out)], obj={})
    assert again.exit_code == 0, again.output


def test_cli_analyse_refuses_a_foreign_folder_before_working(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep")
    result = CliRunner().invoke(cli, ["analyse", "-o", str(tmp_path)], obj={})
    assert result.exit_code == 3
    assert "holds no textmine report" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]


def test_cli_analyse_bad_input_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["analyse", str(tmp_path / "missing.pdf"), "-o", str(tmp_path / "o")], obj={}
    )
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].endswith("missing.pdf: no such file")
    assert not (tmp_path / "o").exists()
