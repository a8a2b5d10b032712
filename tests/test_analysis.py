"""analyse(): inputs, bundled sample, provenance, closing summary (textmine/analysis.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from textmine.analysis import Analysis, analyse, default_title
from textmine.cli import cli
from textmine.settings import Settings

SAMPLE = Path(__file__).resolve().parents[1] / "textmine" / "data"
FAST = {"n_bootstrap": 50, "n_permutations": 50}


def test_default_title() -> None:
    class D:
        def __init__(self, doc: str, title: str | None) -> None:
            self.doc, self.title = doc, title

    assert default_title([D("a", "Act"), D("b_2", None)]) == "Act and b 2"
    assert default_title([D("a", "A"), D("b", "B"), D("c", "C")]) == "A and 2 more"
    long = default_title([D("a", "The Children's Homes Regulations " * 3), D("b", "Guide " * 12)])
    assert len(long) <= 120 and long.endswith("Guide Guide…")  # cut between words


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
    assert set(a.provenance.lexicon["files"]) == {
        "terms.jsonl",
        "actors.jsonl",
        "cues.jsonl",
        "groups.jsonl",
    }
    assert a.pairing is not None and a.pairing.comparable  # the draft names the Sample Act
    assert a.relevance.documents_of("send") == ["sample_act", "sample_draft"]
    assert a.findings and a.stats is not None
    assert a.links.measure_findings  # at least one measure has evidence


@pytest.mark.slow
def test_summary_lines(sample_analysis: Analysis, tmp_path: Path) -> None:
    lines = sample_analysis.summary_lines(tmp_path / "report.html")
    assert lines[0] == f"Report: {tmp_path / 'report.html'}"
    n_act = int((sample_analysis.rows["doc"] == "sample_act").sum())
    assert lines[1] == f"Sample Act (textmine example): 16 provisions, {n_act} tagged occurrences"
    assert any(line.startswith("TII Sample draft code (textmine example): ") for line in lines)
    assert any(
        line.startswith(
            "Divergence Sample Act (textmine example) vs Sample draft code (textmine example): JSD "
        )
        for line in lines
    )
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
    assert "sample draft: 40 provisions" in result.output
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


DRAFT = (
    "4.1 The local authority must consult the parent before it decides.\n\n"
    "4.2 The school should inform the family of every review.\n"
)


@pytest.mark.slow
def test_cli_analyse_reports_the_inputs_it_could_not_read(tmp_path: Path, nlp: Any) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot really a pdf")
    out = tmp_path / "report"
    args = ["analyse", str(draft), str(tmp_path / "missing.pdf"), str(broken), "-o", str(out)]
    result = CliRunner().invoke(cli, [*args, "--cache-dir", str(tmp_path / "cache")], obj={})
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert "draft: 2 provisions, 2 tagged occurrences" in lines
    assert f"Not analysed: {tmp_path / 'missing.pdf'}: no such file" in lines
    assert any(line.startswith(f"Not analysed: {broken}: ") for line in lines)
    assert lines[-1] == (
        "Error: 2 of 3 inputs could not be read (listed above); the report covers the others"
    )
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "2 inputs could not be read and are not in this report" in html
    assert "<code>missing.pdf</code>: no such file" in html
    assert "<code>broken.pdf</code>" in html


def test_cli_analyse_with_no_readable_input_is_one_line(tmp_path: Path) -> None:
    args = ["analyse", str(tmp_path / "a.pdf"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "o")]
    result = CliRunner().invoke(cli, args, obj={})
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"Error: {tmp_path / 'a.pdf'}: no such file (and 1 more input(s) failed)"
    ]
    assert not (tmp_path / "o").exists()


_WARM = """
import json, sys
from textmine.cli import main
sys.argv = ["textmine", *sys.argv[1:]]
try:
    main()
except SystemExit as stop:
    code = stop.code
heavy = [
    "spacy", "thinc", "pypdfium2", "pdfplumber", "docx", "lxml", "scipy", "sklearn",
    "statsmodels", "matplotlib",
]
print(json.dumps({"code": code, "imported": [m for m in heavy if m in sys.modules]}))
"""


@pytest.mark.slow
def test_a_warm_run_is_served_whole_from_the_cache(tmp_path: Path, nlp: Any) -> None:
    """A re-run on unchanged inputs (a PDF Act and a draft, so that the pair's comparability
    and every chart are computed) imports no parser, PDF reader, statistics or plotting."""
    import json
    import re
    import subprocess
    import sys

    from tests.conftest import ACT_PDF, need
    from textmine.cache.keys import source_digest

    source_digest.cache_clear()  # digest the code as it is now, as the second process will
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "report"
    cache = str(tmp_path / "cache")
    args = ["analyse", str(need(ACT_PDF)), str(draft), "-o", str(out), "--cache-dir", cache]
    cold = CliRunner().invoke(cli, args, obj={})
    assert cold.exit_code == 0, cold.output
    first = (out / "report.html").read_text(encoding="utf-8")
    warm = subprocess.run(
        [sys.executable, "-c", _WARM, *args], capture_output=True, text=True, check=True
    )
    status = json.loads(warm.stdout.strip().splitlines()[-1])
    assert status == {"code": 0, "imported": []}  # no parser, PDF reader, statistics or plots
    second = (out / "report.html").read_text(encoding="utf-8")
    stamp = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")
    assert stamp.sub("T", second) == stamp.sub("T", first)
    again = CliRunner().invoke(
        cli, ["analyse", str(draft), "-o", str(out), "--no-cache"], obj={}
    )  # the draft only: the Act was tagged once already
    assert again.exit_code == 0, again.output


@pytest.mark.slow
def test_analyse_reads_html_and_word_beside_pdf_and_names_documents_by_title(
    tmp_path: Path, nlp: Any
) -> None:
    from tests.conftest import ACT_PDF, CORPORA, need
    from tests.extract.word_docx import TITLE, build_draft

    html = need(CORPORA / "html" / "ofsted_2025_sccif_childrens_homes.html")
    draft = build_draft(tmp_path / "draft.docx")
    out = tmp_path / "report"
    result = CliRunner().invoke(
        cli,
        ["analyse", str(need(ACT_PDF)), str(html), str(draft), "-o", str(out), "--no-cache"],
        obj={},
    )
    assert result.exit_code == 0, result.output
    titles = [
        "Universal Credit Act 2025",
        "Social care common inspection framework (SCCIF): children’s homes",
        TITLE,
    ]
    report = (out / "report.html").read_text(encoding="utf-8")
    for title in titles:
        assert f">{title}<" in report.replace("&#39;", "'"), title
    # the report's own title is made of the documents' titles, not their file stems
    assert "<title>Universal Credit Act 2025 and 2 more</title>" in report
