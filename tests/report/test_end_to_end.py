"""End to end on real documents: the Universal Credit Act 2025 PDF and the adoption guidance.

The adoption guidance (244 pages) stands in for the SEND Code of Practice. The
test measures what the issue asks for (HTML size, DOM nodes, load time) and
writes the figures and screenshots to test-artifacts/.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ACT_PDF, ADOPTION_PDF, need
from tests.report.conftest import WCAG_TAGS, artifact
from tests.report.test_render import Page
from textmine.analysis import Analysis, analyse
from textmine.report import render_report
from textmine.report.render import MAX_HTML_BYTES

pytestmark = pytest.mark.slow

COUNT_NODES = """() => {
  let n = 0;
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  while (walker.nextNode()) n++;
  return n;
}"""


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> tuple[Analysis, Path]:
    paths = [need(ACT_PDF), need(ADOPTION_PDF)]
    analysis = analyse(paths)
    report = render_report(analysis, tmp_path_factory.mktemp("e2e") / "report")
    return analysis, report


def test_report_of_the_act_and_the_adoption_guidance(real: tuple[Analysis, Path]) -> None:
    analysis, report = real
    assert [d.doc for d in analysis.documents] == [
        "ukpga_2025_22_universal_credit_act_2025",
        "dfe_2013_statutory_guidance_on_adoption",
    ]
    # A benefits Act and adoption guidance are not about the same provisions: not compared.
    assert analysis.pairing is not None and not analysis.pairing.comparable
    assert analysis.pairing.reason == (
        "they share little vocabulary (similarity 0.30, below 0.35) "
        "and the second never names the first"
    )
    assert analysis.tables.pair is None and analysis.tables.divergence.empty
    html = report.read_text(encoding="utf-8")
    assert "are not about the same provisions: they share little vocabulary" in html
    assert "JSD" not in "\n".join(analysis.summary_lines())
    size = len(html.encode("utf-8"))
    assert size <= MAX_HTML_BYTES
    page = Page(html)
    articles = [a for t, a in page.tags if t == "article" and a.get("class") == "prov"]
    assert len(articles) == sum(len(d.provisions) for d in analysis.documents)
    marks = [a for t, a in page.tags if t == "mark" and a.get("data-term")]
    assert len(marks) == len(analysis.rows)
    targets = {
        str(a["href"])[1:]
        for t, a in page.tags
        if t == "a" and str(a.get("href", "")).startswith("#")
    }
    assert targets - page.ids() == set()
    pdf_links = [
        str(a["href"]) for t, a in page.tags if t == "a" and ".pdf#page=" in str(a.get("href", ""))
    ]
    assert len(pdf_links) == sum(1 for d in analysis.documents for p in d.provisions if p.page)
    official = [
        str(a["href"])
        for t, a in page.tags
        if t == "a" and "legislation.gov.uk/ukpga/2025/22/section/" in str(a.get("href", ""))
    ]
    assert official
    metrics = {
        "html_bytes": size,
        "provisions": len(articles),
        "occurrences": len(analysis.rows),
        "unplaced": html.count('class="unplaced"'),
    }
    artifact("e2e-metrics.json").write_text(json.dumps(metrics, indent=1))


@pytest.mark.browser
def test_opens_fast_offline_and_accessible(real: tuple[Analysis, Path], chromium: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    _, report = real
    url = report.resolve().as_uri()
    context = chromium.new_context(viewport={"width": 1280, "height": 1000})
    requests: list[str] = []
    context.route("**/*", lambda route: (requests.append(route.request.url), route.continue_()))
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url, wait_until="load")
    load_seconds = time.perf_counter() - started
    nodes = page.evaluate(COUNT_NODES)
    assert load_seconds < 5
    assert requests == [url]
    page.screenshot(path=artifact("e2e-dashboard.png"))
    # An annotated provision of the guidance, with its tooltip shown by keyboard focus.
    mark = page.locator("article.prov[data-doc^=dfe_2013] mark[data-term=consult]").first
    anchor = mark.evaluate("m => m.closest('article').id")
    page.evaluate("id => { location.hash = '#' + id; }", anchor)
    page.wait_for_timeout(100)
    mark.focus()
    page.evaluate("window.scrollBy(0, -120)")
    assert page.is_visible(f"#{mark.get_attribute('aria-describedby')}")
    page.screenshot(path=artifact("e2e-provision.png"))
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    violations = Axe().run(page, options=options).response["violations"]
    metrics_path = artifact("e2e-metrics.json")
    metrics = json.loads(metrics_path.read_text()) if metrics_path.exists() else {}
    metrics.update({"load_seconds": round(load_seconds, 3), "dom_nodes": nodes})
    metrics_path.write_text(json.dumps(metrics, indent=1))
    context.close()
    assert [v["id"] for v in violations] == []
