"""The HTML report on a small fixed analysis (textmine/report/render.py and friends)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.report.conftest import FIXED_PROVENANCE
from textmine.analysis import Analysis
from textmine.errors import OutputError, ReportError
from textmine.extract.document import Provision, build_document
from textmine.report import render as render_module
from textmine.report import render_report
from textmine.report.methods import methods_context
from textmine.report.render import render_fragment, safe_href

GOLDEN = Path(__file__).parent / "data" / "golden_methods.html"
HOSTILE = (
    "<script>alert(1)</script> </script> <img src=x onerror=alert(1)> {{ 7*7 }} "
    "{% raw %} ${7*7} \"quoted' & <b>bold</b>"
)


class Page(HTMLParser):
    """Every tag with its attributes, and the text of each <script>."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)

    def ids(self) -> set[str]:
        return {str(a["id"]) for _, a in self.tags if a.get("id")}

    def find(self, tag: str, **where: str) -> Iterator[dict[str, str | None]]:
        for name, attrs in self.tags:
            if name == tag and all(attrs.get(k.replace("_", "-")) == v for k, v in where.items()):
                yield attrs


@pytest.fixture(scope="module")
def report(small_analysis: Analysis) -> Path:
    sources = small_analysis.documents[1].path.parent
    return render_report(small_analysis, sources.parent / "outputs" / "test")


@pytest.fixture(scope="module")
def html(report: Path) -> str:
    return report.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    return Page(html)


def test_files_written(report: Path) -> None:
    folder = report.parent
    assert report.name == "report.html"
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    tables = [n for n in names if n.startswith("tables/")]
    assert len(tables) == 2 * 10  # ten measure tables, CSV and JSON
    assert "tables/relations.csv" in tables and "tables/tii.json" in tables
    assert "textmine-report.json" in names


def test_occurrences_behind_the_figures_are_written(report: Path, small_analysis: Analysis) -> None:
    """occurrences.jsonl holds every tagged row, contract fields first, with its explanation."""
    from textmine.contract import OCCURRENCE_FIELDS

    lines = (report.parent / "occurrences.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == len(small_analysis.rows) > 0
    assert all(tuple(row)[: len(OCCURRENCE_FIELDS)] == OCCURRENCE_FIELDS for row in rows)
    assert all(row["sentence"][row["start"] : row["end"]] == row["text"] for row in rows)
    assert all("explain" in row for row in rows)


def test_one_article_per_provision_and_one_mark_per_occurrence(page: Page) -> None:
    articles = list(page.find("article", **{"class": "prov"}))
    assert len(articles) == 8
    assert [a["id"] for a in articles][:3] == [
        "p-family-act-s-1-1",
        "p-family-act-s-1-2",
        "p-family-act-s-2-1",
    ]
    marks = [a for t, a in page.tags if t == "mark" and a.get("data-term")]
    assert len(marks) == 8
    assert [m["data-term"] for m in marks] == [
        "consult",
        "cooperate",
        "involve",
        "consult",
        "work with",
        "inform",
        "consult",
        "inform",
    ]
    tips = {a["id"] for a in page.find("span", role="tooltip")}
    assert {m["aria-describedby"] for m in marks} == tips
    assert all(m["tabindex"] == "0" for m in marks)


def test_flags_for_agentless_negated_and_weakened(page: Page, html: str) -> None:
    marks = {
        (m["data-term"], m["data-modality"]): m
        for t, m in page.tags
        if t == "mark" and m.get("data-term")
    }
    assert marks[("inform", "should")]["data-agentless"] == "1"
    assert marks[("consult", "need")]["data-negated"] == "1"
    # 1.1 cites section 1 and says "may consult" where s.1(1) says "must consult".
    assert marks[("consult", "may")]["data-weakened"] == "1"
    assert marks[("consult", "must")]["data-weakened"] == "0"
    assert html.count('<span class="flag flag-agentless">no actor</span>') == 2  # legend + 1.3
    assert html.count('<span class="flag flag-neg">not</span>') == 2  # legend + 1.4


def test_every_internal_link_has_a_target(page: Page) -> None:
    ids = page.ids()
    targets = [
        str(a["href"])[1:]
        for t, a in page.tags
        if t == "a" and str(a.get("href", "")).startswith("#")
    ]
    assert targets
    assert sorted(set(targets) - ids) == []
    assert len([i for _, a in page.tags if (i := a.get("id"))]) == len(ids)  # ids are unique


def test_links_to_pdf_pages_and_official_text(page: Page) -> None:
    hrefs = [str(a["href"]) for t, a in page.tags if t == "a" and a.get("href")]
    assert "../../sources/family_code.pdf#page=3" in hrefs
    assert hrefs.count("https://example.org/family-code") >= 5


def test_tables_link_to_provisions_and_text_filter(page: Page) -> None:
    row = next(page.find("tr", id="r-family-code-local-authority-parent"))
    assert row["data-actor"] == "local_authority" and row["data-recipient"] == "parent"
    buttons = list(
        page.find(
            "button",
            **{"class": "show", "data_actor": "local_authority", "data_recipient": "parent"},
        )
    )
    assert buttons


def test_csp_hash_matches_the_inline_script(page: Page) -> None:
    csp = next(page.find("meta", http_equiv="Content-Security-Policy"))["content"] or ""
    assert "default-src 'none'" in csp and "img-src data:" in csp
    scripts = [a for t, a in page.tags if t == "script"]
    assert [s.get("type") for s in scripts] == ["application/json", None]
    inline = page.scripts[-1]
    digest = base64.b64encode(hashlib.sha256(inline.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp


def test_nothing_is_fetched_when_the_page_opens(page: Page, html: str) -> None:
    assert not [a for t, a in page.tags if a.get("src")]
    assert not [t for t, _ in page.tags if t in ("link", "iframe", "img", "object", "embed")]
    assert "@import" not in html and not re.search(r"url\((?!#)", html)


def test_findings_kept_apart_by_source_type(page: Page, html: str) -> None:
    sections = [
        a["id"]
        for t, a in page.tags
        if t == "section" and str(a.get("id", "")).startswith("findings-")
    ]
    assert sections == [
        "findings-official-statistics",
        "findings-peer-reviewed-paper",
        "findings-blog",
    ]
    for kind in ("official-statistics", "peer-reviewed-paper", "blog"):
        assert f'class="badge {kind}"' in html
    articles = [a for t, a in page.tags if t == "article" and "finding" in str(a.get("class"))]
    assert len(articles) >= 3


def test_findings_and_measures_link_both_ways(small_analysis: Analysis, page: Page) -> None:
    ids = page.ids()
    anchor = "m-asymmetry-local-authority-family-vs-professional"
    assert anchor in ids
    finding_ids = small_analysis.links.measure_findings[
        "asymmetry.local_authority.family_vs_professional"
    ]
    hrefs = {str(a["href"]) for t, a in page.tags if t == "a" and a.get("href")}
    for fid in finding_ids:  # measure -> finding
        assert f"#f-{re.sub(r'[^0-9a-z]+', '-', fid.lower()).strip('-')}" in hrefs
    assert f"#{anchor}" in hrefs  # finding -> measure


def test_stats_table_shows_published_counts(html: str) -> None:
    assert "47,744" in html and "21,016" in html  # parent or young person, England 2025
    assert (
        "Contains public sector information licensed under the Open Government Licence v3.0."
        in html
    )


def test_methods_section_matches_golden_file() -> None:
    definitions = {
        "tii": "Terminology Inconsistency Index: mean of three spreads.",
        "relations": "Per relation figures.",
    }
    out = render_fragment(
        "_methods.html.j2", methods=methods_context(FIXED_PROVENANCE.to_dict(), definitions)
    )
    if os.environ.get("TEXTMINE_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(out, encoding="utf-8")
    assert out == GOLDEN.read_text(encoding="utf-8")


def test_hostile_text_renders_inert(small_analysis: Analysis, tmp_path: Path) -> None:
    analysis = small_analysis
    act, code = analysis.documents
    hostile = build_document(
        doc="x<img src=x onerror=alert(1)>",
        kind="guidance",
        path=Path("</script><script>alert(1)</script>.pdf"),
        provisions=[Provision("", "", "9.1", HOSTILE, page=1, heading=HOSTILE, chapter=HOSTILE)],
        title=HOSTILE,
        url="javascript:alert(1)",
    )
    analysis = replace(analysis, documents=[act, code, hostile], title=HOSTILE)
    text = render_report(analysis, tmp_path / "r").read_text(encoding="utf-8")
    parsed = Page(text)
    assert "<script>alert" not in text and "onerror=alert(1)>" not in text.replace("&gt;", "")
    assert [t for t, _ in parsed.tags if t == "script"] == ["script", "script"]
    assert not [t for t, _ in parsed.tags if t in ("img", "b")]
    assert not [a for _, a in parsed.tags if any(k.startswith("on") for k in a)]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "{{ 7*7 }}" in text and "${7*7}" in text
    assert not [a for _, a in parsed.tags if "javascript:" in str(a.get("href", ""))]


def test_safe_href() -> None:
    assert (
        safe_href("https://www.legislation.gov.uk/ukpga/2014/6")
        == "https://www.legislation.gov.uk/ukpga/2014/6"
    )
    assert safe_href("../x.pdf#page=2") == "../x.pdf#page=2"
    assert safe_href("#p-a") == "#p-a"
    for bad in (
        "javascript:alert(1)",
        "data:text/html,x",
        "//evil.example/x",
        " JavaScript:x",
        None,
    ):
        assert safe_href(bad) == ""


def test_too_large_a_report_is_refused_and_nothing_written(
    small_analysis: Analysis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render_module, "MAX_HTML_BYTES", 1000)
    with pytest.raises(ReportError, match="over the"):
        render_report(small_analysis, tmp_path / "big")
    assert not (tmp_path / "big").exists()
    assert not list(tmp_path.iterdir())


def test_foreign_folder_refused(small_analysis: Analysis, tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(OutputError):
        render_report(small_analysis, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


def test_provisions_and_findings_link_both_ways(small_analysis: Analysis, tmp_path: Path) -> None:
    from textmine.findings.links import link, measure_ids_from_tables

    cfa = build_document(
        doc="cfa2014_extract",
        kind="act",
        path=None,
        provisions=[Provision("", "", "s.36(1)", "A request for an assessment may be made.")],
    )
    documents = [*small_analysis.documents, cfa]
    links = link(
        small_analysis.findings,
        measure_ids_from_tables(small_analysis.tables),
        ["cfa2014_extract:s.36(1)"],
    )
    analysis = replace(small_analysis, documents=documents, links=links)
    parsed = Page(render_report(analysis, tmp_path / "r").read_text(encoding="utf-8"))
    cited = links.provision_findings["cfa2014_extract:s.36(1)"]
    assert len(cited) >= 9
    hrefs = [str(a.get("href")) for t, a in parsed.tags if t == "a"]
    # one link from each finding, plus the provision's own ref link
    assert hrefs.count("#p-cfa2014-extract-s-36-1") == len(cited) + 1
    for fid in cited:  # provision -> finding
        assert f"#f-{re.sub(r'[^0-9a-z]+', '-', fid.lower()).strip('-')}" in hrefs


def test_a_document_without_occurrences_still_renders(
    small_analysis: Analysis, tmp_path: Path
) -> None:
    from textmine.measure import measure
    from textmine.rows import rows_to_frame

    rows = rows_to_frame([])
    analysis = replace(small_analysis, rows=rows, tables=measure(rows))
    parsed = Page(render_report(analysis, tmp_path / "r").read_text(encoding="utf-8"))
    assert len([a for t, a in parsed.tags if t == "article" and a.get("class") == "prov"]) == 8
    assert not [a for t, a in parsed.tags if t == "mark" and a.get("data-term")]
    assert not [a for t, a in parsed.tags if t == "svg"]  # no figures, no empty charts
