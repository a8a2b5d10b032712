"""The report in headless Chromium: accessibility, offline, filters, links, tooltips.

Runs Debian's chromium through Playwright (never a downloaded browser) and
axe-core through axe-playwright-python. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.report.conftest import WCAG_TAGS, artifact
from textmine.analysis import Analysis
from textmine.report import render_report

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def report_url(small_analysis: Analysis) -> str:
    out = small_analysis.documents[1].path.parent.parent / "browser-report"
    return render_report(small_analysis, out).resolve().as_uri()


@pytest.fixture
def page(chromium: Any, report_url: str) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.goto(report_url)
    yield page
    assert page.errors == []
    context.close()


def run_axe(page: Any) -> list[dict[str, Any]]:
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return list(Axe().run(page, options=options).response["violations"])


def visible_provisions(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "article.prov", "els => els.filter(e => !e.closest('[hidden]')).map(e => e.id)"
    )


def visible_relation_rows(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "tr[data-actor]", "els => els.filter(e => !e.hidden).map(e => e.id)"
    )


def test_no_wcag_21_aa_violations(page: Any) -> None:
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert run_axe(page) == []
    page.locator("mark[data-term]").first.focus()
    assert run_axe(page) == []


def test_only_the_file_itself_is_loaded(chromium: Any, report_url: str) -> None:
    context = chromium.new_context()
    requests: list[str] = []
    context.route("**/*", lambda route: (requests.append(route.request.url), route.continue_()))
    page = context.new_page()
    page.goto(report_url, wait_until="load")
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.wait_for_timeout(200)
    context.close()
    assert requests == [report_url]


def test_filters_show_the_matching_provisions_and_rows(page: Any) -> None:
    assert len(visible_provisions(page)) == 8
    page.select_option("select[name=recipient]", "parent")
    assert visible_provisions(page) == [
        "p-family-act-s-1-1",
        "p-family-act-s-2-1",
        "p-family-code-1-1",
        "p-family-code-1-3",
        "p-family-code-1-4",
    ]
    assert visible_relation_rows(page) == [
        "r-family-act-local-authority-parent",
        "r-family-code-local-authority-parent",
        "r-family-code-unspecified-parent",
    ]
    page.select_option("select[name=doc]", "family_code")
    assert visible_provisions(page) == [
        "p-family-code-1-1",
        "p-family-code-1-3",
        "p-family-code-1-4",
    ]
    page.check("input[name=agentless]")
    assert visible_provisions(page) == ["p-family-code-1-3"]
    assert page.inner_text("#filter-status") == "1 provision shown, with 1 matching occurrence."
    page.screenshot(path=artifact("report-filter-agentless.png"))
    page.click("button[type=reset]")
    page.wait_for_timeout(50)
    page.check("input[name=weakened]")
    assert visible_provisions(page) == ["p-family-code-1-1", "p-family-code-1-4"]
    page.click("button[type=reset]")
    page.wait_for_timeout(50)
    page.select_option("select[name=recipient]", "@professional")
    page.select_option("select[name=modality]", "must")
    assert visible_provisions(page) == [
        "p-family-act-s-1-2",
        "p-family-code-1-2",
        "p-family-code-1-4",
    ]
    page.click("button[type=reset]")
    page.wait_for_timeout(50)  # the reset handler re-applies the filters on the next tick
    assert len(visible_provisions(page)) == 8


def test_show_in_text_button_filters_to_a_relation(page: Any) -> None:
    page.click("#r-family-act-local-authority-health button.show")
    assert page.input_value("select[name=actor]") == "local_authority"
    assert page.input_value("select[name=recipient]") == "health"
    assert page.input_value("select[name=doc]") == "family_act"
    assert visible_provisions(page) == ["p-family-act-s-1-2"]
    assert visible_relation_rows(page) == ["r-family-act-local-authority-health"]


def test_table_link_opens_the_provision(page: Any) -> None:
    assert not page.is_visible("#p-family-code-1-3")  # inside a closed group
    page.click("#r-family-code-unspecified-parent a[href='#p-family-code-1-3']")
    page.wait_for_timeout(50)
    assert page.evaluate("location.hash") == "#p-family-code-1-3"
    assert page.is_visible("#p-family-code-1-3")
    assert page.evaluate("document.activeElement.id") == "p-family-code-1-3"
    page.screenshot(path=artifact("report-provision-link.png"))


def test_tooltip_on_keyboard_focus_and_escape(page: Any) -> None:
    page.evaluate("document.querySelector('#p-family-code-1-4').closest('details').open = true")
    mark = page.locator("#p-family-code-1-4 mark[data-term=consult]")
    tip_id = mark.get_attribute("aria-describedby")
    assert not page.is_visible(f"#{tip_id}")
    mark.focus()
    assert page.is_visible(f"#{tip_id}")
    text = page.inner_text(f"#{tip_id}")
    assert "actor: local authority" in text
    assert "recipients: parent" in text
    assert "modality: need; negated" in text
    assert "rule: actor: nsubj; modality: aux" in text
    page.screenshot(path=artifact("report-tooltip-focus.png"))
    page.keyboard.press("Escape")
    assert not page.is_visible(f"#{tip_id}")
    mark.blur()
    mark.hover()
    assert page.is_visible(f"#{tip_id}")


def test_dashboard_screenshot(page: Any) -> None:
    page.screenshot(path=artifact("report-dashboard.png"), full_page=False)
    assert page.locator("figure.chart div[role=img] svg").count() == 4
    for label in page.eval_on_selector_all(
        "figure.chart div[role=img]", "els => els.map(e => e.getAttribute('aria-labelledby'))"
    ):
        assert page.inner_text(f"#{label}").startswith("Bar chart:")


@pytest.mark.parametrize("name", ["hostile.txt"])
def test_hostile_document_fires_no_dialog(
    chromium: Any, tmp_path: Path, name: str, nlp: Any
) -> None:
    from textmine.analysis import analyse
    from textmine.settings import Settings

    source = tmp_path / name
    source.write_text(
        "# Chapter 1 <img src=x onerror=alert(1)>\n\n"
        "1.1 The local authority must consult the parent. <script>alert(1)</script> "
        "</script> <img src=x onerror=alert(1)> {{ 7*7 }}\n\n"
        "1.2 The school must inform the parent <script>alert(2)</script> of it.\n",
        encoding="utf-8",
    )
    analysis = analyse([source], settings=Settings(n_bootstrap=50, n_permutations=50))
    assert len(analysis.rows) >= 2
    report = render_report(analysis, tmp_path / "out")
    html = report.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "{{ 7*7 }}" in html
    context = chromium.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(report.resolve().as_uri())
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.locator("mark[data-term]").first.focus()
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.locator("img").count() == 0
    assert "{{ 7*7 }}" in page.inner_text("#text")
    context.close()
