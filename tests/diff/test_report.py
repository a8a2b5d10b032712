"""The HTML diff report (textmine/diff/report.py and report/templates/diff.html.j2)."""

from __future__ import annotations

import html as html_lib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.diff.conftest import edited, rebuilt
from textmine.diff import DiffResult, diff
from textmine.diff.report import inline_diff, render_diff
from textmine.extract.document import Document, Provision

CHROMIUM = Path("/usr/bin/chromium")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def test_inline_diff_marks_words_out_and_in() -> None:
    runs = inline_diff(
        "The authority must consult\nthe parent.", "The authority may consult the parent."
    )
    assert runs == [
        ("equal", "The authority "),
        ("delete", "must"),
        ("insert", "may"),
        ("equal", " consult the parent."),
    ]
    # typography and case are not changes
    assert inline_diff("the child’s views", "The child's views") == [("equal", "The child's views")]
    assert inline_diff("", "New text.") == [("insert", "New text.")]


@pytest.fixture(scope="module")
def result(vol3: Document, nlp: Any) -> DiffResult:
    """6.32 weakened (must -> may) and a hostile paragraph added after it."""
    draft = edited(vol3, "6.32", "must involve", "may involve")
    at = next(i for i, p in enumerate(draft.provisions) if p.ref == "6.32")
    hostile = Provision(
        "draft",
        "guidance",
        "6.32A",
        '<script>alert("x")</script> The authority <b>must</b> inform the parent. '
        '<img src="https://example.org/x.png">',
    )
    provisions = [*draft.provisions[: at + 1], hostile, *draft.provisions[at + 1 :]]
    return diff(vol3, rebuilt(vol3, provisions), nlp=nlp)


@pytest.fixture(scope="module")
def page(result: DiffResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("diff-report")
    path = folder / "changes.html"
    path.write_text(render_diff(result, out_dir=folder), encoding="utf-8")
    return path


def test_page_is_self_contained_and_locked_down(page: Path) -> None:
    html = page.read_text("utf-8")
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert csp is not None
    policy = html_lib.unescape(csp.group(1))
    assert policy.startswith("default-src 'none'; img-src data:;")
    assert "script-src 'sha256-" in policy
    assert not re.search(r"<(?:link|img|iframe)\b", html)
    assert not re.search(r'\ssrc="', html)
    assert html.count("<script") == 2  # the JSON data and the one inline script


def test_hostile_text_renders_inert(page: Path) -> None:
    html = page.read_text("utf-8")
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;img src=&#34;https://example.org/x.png&#34;&gt;" in html


def test_changes_show_kinds_reasons_word_diff_and_page_links(
    page: Path, result: DiffResult
) -> None:
    html = page.read_text("utf-8")
    assert result.counts()["weakened"] == 1 and result.counts()["added"] == 1
    assert html.count('<article class="change"') == 2
    assert "<strong>1 change in the language of partnership</strong>" in html
    assert "<strong>0 provisions only in the earlier version and 1 only in the new</strong>" in html
    assert 'data-kinds="weakened"' in html
    assert "modality must -&gt; may" in html
    assert (
        '<del><span class="sr">[deleted: </span>must<span class="sr">]</span></del>'
        '<ins><span class="sr">[inserted: </span>may<span class="sr">]</span></ins>' in html
    )
    # the source PDF at the provision's page, relative to the page's folder
    pdf = result.old.path
    assert pdf is not None
    link = re.search(r'href="([^"]+\.pdf#page=52)"', html)
    assert link is not None
    assert (page.parent / link.group(1).split("#")[0]).resolve() == pdf.resolve()
    # the added paragraph has no source file: its page is not linked
    assert "6.32A" in html
    assert '<input type="checkbox" name="kind" value="weakened" checked>' in html


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip(f"{CHROMIUM} is not installed: browser tests need Debian's chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.mark.browser
@pytest.mark.slow
def test_only_weakened_filter_works_from_a_file(chromium: Any, page: Path) -> None:
    tab = chromium.new_page()
    errors: list[str] = []
    requests: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("request", lambda req: requests.append(req.url))
    tab.goto(page.as_uri())
    # the paired provision's change; the added paragraph (unpaired) waits, collapsed
    assert tab.locator("article.change:visible").count() == 1
    assert tab.inner_text("#unpaired > summary") == (
        "Provisions in one version only that hold a partnership term (1 of 1 unpaired)"
    )
    tab.click("#unpaired > summary")
    assert tab.locator("article.change:visible").count() == 2
    tab.uncheck("input[name=kind][value=weakened]")
    assert tab.inner_text("#filter-status") == "0 of 1 change shown, in 0 provisions."
    tab.click("button[data-only='weakened']")
    assert tab.locator("#changes > article.change:visible").count() == 1
    assert tab.inner_text("#filter-status") == "All 1 change shown."
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    assert Axe().run(tab, options=options).response["violations"] == []
    assert errors == []
    assert requests == [page.as_uri()]
    tab.close()
