"""Reports of three real analyses in headless Chromium: any policy field, any screen.

(a) the bundled sample (a SEND Act and draft Code); (b) the Children's Homes
(England) Regulations 2015 and their guide; (c) the Children and Social Work
Act 2017 and the local offer guidance for care leavers (another field). Each
is opened at 1280 px and 375 px: no sideways scrolling, axe-core finds no
WCAG 2.1 AA violation, the console stays clean; screenshots and figures go to
test-artifacts/.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CORPORA, HOMES_GUIDE_PDF, LOCAL_OFFER_PDF, SI_PDF, need
from tests.report.conftest import WCAG_TAGS, artifact
from textmine.analysis import Analysis, analyse
from textmine.report import render_report
from textmine.settings import Settings

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CSWA_PDF = (
    CORPORA
    / "legislation_pdfs_revised"
    / "ukpga_2017_16_children_and_social_work_act_2017_revised.pdf"
)
FAST = {"n_bootstrap": 200, "n_permutations": 200}
WIDTHS = (1280, 375)
FAMILY = {"parent", "child", "young_person"}
PROFESSIONAL = {"local_authority", "education", "health", "social_care", "professional"}


def _analyse(paths: list[Path], folder: Path, **settings: Any) -> tuple[Analysis, Path]:
    analysis = analyse(paths, settings=Settings(**FAST, **settings))
    return analysis, render_report(analysis, folder / "report")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> dict[str, tuple[Analysis, Path]]:
    folder = tmp_path_factory.mktemp("real")
    return {
        "sample": _analyse([], folder / "a", corpora_dir=folder / "no-corpora"),
        "homes": _analyse([need(SI_PDF), need(HOMES_GUIDE_PDF)], folder / "b"),
        "leavers": _analyse([need(CSWA_PDF), need(LOCAL_OFFER_PDF)], folder / "c"),
    }


def open_page(chromium: Any, report: Path, width: int) -> tuple[Any, Any, list[str]]:
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(report.resolve().as_uri())
    return context, page, errors


@pytest.mark.parametrize("name", ["sample", "homes", "leavers"])
def test_fits_the_screen_is_accessible_and_quiet(
    reports: dict[str, tuple[Analysis, Path]], chromium: Any, name: str
) -> None:
    """At 1280 px, then 375 px: no sideways scroll, no axe violation, no console error.

    axe runs over the whole page with every section open but, to keep it to
    seconds, one group of provisions per document (the others share its markup;
    closed groups are not rendered); at 375 px the text's provisions, whose
    markup does not change with the width, are left to the width check.
    """
    from axe_playwright_python.sync_playwright import Axe

    _, report = reports[name]
    context, page, errors = open_page(chromium, report, WIDTHS[0])
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    record = artifact("real-reports.json")
    figures = json.loads(record.read_text()) if record.exists() else {}
    found: dict[int, list[str]] = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = false; })")
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=artifact(f"real-{name}-{width}.png"))
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        inner_width = page.evaluate("window.innerWidth")
        page.locator("#matrix").screenshot(path=artifact(f"real-{name}-{width}-matrix.png"))
        page.evaluate(
            "document.querySelectorAll('details.group').forEach(d => { d.open = false; });"
            "document.querySelectorAll('#text > section').forEach(s => {"
            " const g = s.querySelector('details.group'); if (g) { g.open = true; } })"
        )
        skip = "details.group:not([open]) > div" if width == WIDTHS[0] else "#text article.prov"
        violations = Axe().run(page, context={"exclude": [[skip]]}, options=options)
        found[width] = [v["id"] for v in violations.response["violations"]]
        figures[f"{name}-{width}"] = {
            "scrollWidth": scroll_width,
            "innerWidth": inner_width,
            "axe_violations": len(found[width]),
            "console_errors": len(errors),
            "html_bytes": report.stat().st_size,
        }
        assert scroll_width <= inner_width, (name, width)
    record.write_text(json.dumps(figures, indent=1, sort_keys=True))
    context.close()
    assert found == {width: [] for width in WIDTHS}
    assert errors == []


def _sides(analysis: Analysis, doc: str, actor: str) -> tuple[int, int]:
    """Occurrences of ``actor`` toward families and toward professionals, counted from the rows."""
    rows = analysis.rows[(analysis.rows["doc"] == doc) & (analysis.rows["actor"] == actor)]
    recipients = [set(r) for r in rows["recipients"]]
    return sum(1 for r in recipients if r & FAMILY), sum(1 for r in recipients if r & PROFESSIONAL)


def test_homes_compares_the_registered_persons_duties(
    reports: dict[str, tuple[Analysis, Path]],
) -> None:
    analysis, report = reports["homes"]
    si, guide = (d.doc for d in analysis.documents)
    registered = (
        analysis.rows["actor_text"].fillna("").str.lower().str.contains("registered person")
    )
    assert set(analysis.rows.loc[registered, "actor"]) == {"other"}  # the contract's group
    table = analysis.tables.asymmetry
    level = table[table["metric"] == "mean_level"]
    doers = {doc: list(level[level["doc"] == doc]["actor"]) for doc in (si, guide)}
    assert doers[si][0] == doers[guide][0] == "all"  # pooled first, then each doer
    assert "other" in doers[si] and "other" in doers[guide]
    figures = {}
    for doc in (si, guide):
        row = level[(level["doc"] == doc) & (level["actor"] == "other")].iloc[0]
        assert (row["n_family"], row["n_professional"]) == _sides(analysis, doc, "other")
        assert row["n_family"] + row["n_professional"] >= 5
        figures[doc] = {
            "n_family": int(row["n_family"]),
            "n_professional": int(row["n_professional"]),
            "difference": float(row["difference"]),
            "reliable": bool(row["reliable"]),
            "other_doers": [a for a in doers[doc] if a not in ("all", "other")],
        }
    artifact("real-homes-asymmetry.json").write_text(json.dumps(figures, indent=1))
    html = report.read_text(encoding="utf-8")
    assert html.count('<th scope="row">other named parties <span class="note">') == 2
    assert html.count(": other named parties</th>") == 4  # both metrics, both documents
    assert "Regulations versus guidance" in html and "Act versus Code" not in html


def test_findings_about_ehc_needs_assessments_bear_only_on_the_sample(
    reports: dict[str, tuple[Analysis, Path]],
) -> None:
    for name, bears in (("sample", True), ("homes", False), ("leavers", False)):
        analysis, report = reports[name]
        html = report.read_text(encoding="utf-8")
        shown = html.split('<details class="other-findings"')[0]
        assert ('id="f-sen2-2025-family-agreed-share"' in shown) is bears, name
        assert ("Requests for an EHC needs assessment by source" in shown) is bears, name
        assert bool(analysis.links.measure_findings) is bears, name
        assert ("SEN2 2025" in "\n".join(analysis.summary_lines())) is bears, name
        if not bears:
            assert 'id="other-findings"' in html
            assert "Other findings, not about these documents (18, and the SEN2 statistics)" in html


def test_show_in_text_shows_exactly_the_occurrences_of_every_relation_row(
    reports: dict[str, tuple[Analysis, Path]], chromium: Any
) -> None:
    _, report = reports["homes"]
    context, page, errors = open_page(chromium, report, 1280)
    rows = page.eval_on_selector_all(
        "tr[data-actor][data-n]",
        "els => els.map(e => "
        "[e.id, e.dataset.doc, e.dataset.actor, e.dataset.recipient, +e.dataset.n])",
    )
    assert any(recipient == "none" for _, _, _, recipient, _ in rows)
    checked = 0
    for row_id, doc, actor, recipient, n in rows:
        page.evaluate(
            "id => document.getElementById(id).querySelector('button.show').click()", row_id
        )
        shown = page.evaluate(
            """() => Array.from(document.querySelectorAll('article.prov mark[data-term]'))
                 .filter(m => !m.closest('[hidden]') && !m.classList.contains('dim'))
                 .map(m => [m.closest('article').dataset.doc, m.dataset.actor,
                            m.dataset.recipients])"""
        )
        assert len(shown) == n, (row_id, page.inner_text("#filter-status"))
        for mark_doc, mark_actor, recipients in shown:
            named = recipients.split() if recipients else []
            assert mark_doc == doc and mark_actor == actor
            assert (named == []) if recipient == "none" else (recipient in named)
        status = page.inner_text("#filter-status")
        assert status.endswith(f"with {n} matching occurrence{'' if n == 1 else 's'}.")
        checked += 1
    context.close()
    assert checked == len(rows) > 20
    assert errors == []


def review_share(html: str) -> tuple[int, int]:
    """Bytes the review adds to a page (its section and editor, script, mark attributes)."""
    from textmine.report.render import static_text

    section = html[html.index('<section class="block" id="review"') : html.index("</dialog>") + 9]
    attributes = re.findall(r' data-(?:id|rank|voice|doubts)="[^"]*"', html)
    added = len(section) + len(static_text("review.js")) + sum(len(a) for a in attributes)
    return len(html), added


def test_the_review_adds_less_than_a_tenth_to_each_report(
    reports: dict[str, tuple[Analysis, Path]],
) -> None:
    figures = {}
    for name, (_, report) in reports.items():
        size, added = review_share(report.read_text(encoding="utf-8"))
        figures[name] = {"html": size, "review": added, "growth": added / (size - added)}
        assert added / (size - added) < 0.10, (name, size, added)
    artifact("review-size.json").write_text(json.dumps(figures, indent=1))
