"""Reviewing tags in the report, then rerunning with the corrections (issue 17).

A small code is analysed for real (tagger and all); in headless Chromium one
actor is corrected and one row marked "not an occurrence" with the keyboard
only, and the corrections are downloaded; ``analyse --corrections`` on them
changes exactly those two rows, the measures as computed by hand, and the
report's header says so. The review controls pass axe-core, the CSP is the
report's usual one, and the review adds less than 10% to the page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.report.conftest import WCAG_TAGS, artifact
from textmine.cli import cli
from textmine.report.render import content_security_policy, page_assets

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CODE = (
    "1.1 The local authority must consult the parent before it decides.\n\n"
    "1.2 The local authority must work with the health body.\n\n"
    "1.3 Parents should be informed of the plan.\n\n"
    "1.4 The local authority need not consult the parent and must inform the school.\n"
)


def analyse_cli(*args: str) -> Any:
    result = CliRunner().invoke(cli, ["analyse", *args, "--no-cache"], obj={})
    assert result.exit_code == 0, result.output
    return result


def rows_of(folder: Path) -> list[dict[str, Any]]:
    text = (folder / "occurrences.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def table(folder: Path, name: str) -> list[dict[str, Any]]:
    return json.loads((folder / "tables" / f"{name}.json").read_text(encoding="utf-8"))


def tab_to(page: Any, test: str, *, back: bool = False, limit: int = 80) -> None:
    """Press Tab (Shift+Tab) until ``test`` (JS, on document.activeElement) holds."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if page.evaluate(f"(e => Boolean({test}))(document.activeElement)"):
            return
    raise AssertionError(f"never reached by keyboard: {test}")


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Path:
    folder = tmp_path_factory.mktemp("review")
    (folder / "code.txt").write_text(CODE, encoding="utf-8")
    analyse_cli(str(folder / "code.txt"), "-o", str(folder / "first"))
    return folder


def test_review_by_keyboard_then_rerun_with_the_corrections(first: Path, chromium: Any) -> None:
    rows = rows_of(first / "first")
    by_text = {(r["ref"], r["text"]): r for r in rows}
    informed, inform = by_text[("1.3", "informed")], by_text[("1.4", "inform")]
    assert (informed["actor"], inform["recipients"]) == ("unspecified", ["education"])

    context = chromium.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((first / "first" / "report.html").resolve().as_uri())
    # Keyboard only: to the Review section, its first row (the least certain), the editor.
    tab_to(page, "e.getAttribute('href') === '#review'")
    page.keyboard.press("Enter")
    tab_to(page, f"e.dataset.id === '{informed['id']}'")
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('review-dialog').open")
    page.keyboard.type("local authority")  # the doer select has the focus
    tab_to(page, "e.textContent === 'Save correction'")
    page.keyboard.press("Enter")
    assert not page.evaluate("document.getElementById('review-dialog').open")
    assert page.evaluate("document.activeElement.dataset.id") == informed["id"]
    tab_to(page, f"e.dataset.id === '{inform['id']}'")
    page.keyboard.press("Enter")
    tab_to(page, "e.textContent === 'Not an occurrence'")
    page.keyboard.press("Enter")
    assert page.inner_text("#review-status") == (
        "2 occurrences reviewed: 0 correct, 1 corrected, 1 not an occurrence."
    )
    page.screenshot(path=artifact("review-marked.png"))
    tab_to(page, "e.id === 'review-download'", back=True)
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    saved = first / "corrections.jsonl"
    info.value.save_as(saved)
    context.close()
    assert errors == []
    lines = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines()]
    assert lines == [
        {
            "id": informed["id"],
            "verdict": "corrected",
            "actor": "local_authority",
            "doc": "code",
            "ref": "1.3",
            "text": "informed",
        },
        {
            "id": inform["id"],
            "verdict": "not_an_occurrence",
            "doc": "code",
            "ref": "1.4",
            "text": "inform",
        },
    ]

    result = analyse_cli(
        str(first / "code.txt"), "-o", str(first / "second"), "--corrections", str(saved)
    )
    assert (
        "Corrections corrections.jsonl: 2 rows reviewed, 2 corrected "
        "(1 changed, 1 not an occurrence); 0 corrections not applied"
    ) in result.output
    after = rows_of(first / "second")
    assert [r["id"] for r in after] == [r["id"] for r in rows if r["id"] != inform["id"]]
    fixed = next(r for r in after if r["id"] == informed["id"])
    assert (fixed["actor"], fixed["corrected"], fixed["reviewed"]) == (
        "local_authority",
        True,
        True,
    )
    assert fixed["explain"]["correction"]["original"] == {"actor": "unspecified"}
    untouched = [r for r in after if r["id"] != informed["id"]]
    assert all((r.pop("reviewed"), r.pop("corrected")) == (False, False) for r in untouched)
    assert untouched == [r for r in rows if r["id"] not in (informed["id"], inform["id"])]

    # The measures, by hand. Families: 1.1 consult (2), 1.3 inform (1), 1.4 consult (2);
    # professionals: 1.2 work with (4) and 1.4 inform (1) before, 1.2 alone after.
    def pooled_level(folder: Path) -> dict[str, Any]:
        return next(
            r
            for r in table(folder, "asymmetry")
            if r["actor"] == "all" and r["metric"] == "mean_level"
        )

    before, now = pooled_level(first / "first"), pooled_level(first / "second")
    assert (before["n_family"], before["n_professional"]) == (3, 2)
    assert before["difference"] == pytest.approx(5 / 3 - 5 / 2)
    assert (now["n_family"], now["n_professional"]) == (3, 1)
    assert now["professional"] == 4.0
    assert now["difference"] == pytest.approx(5 / 3 - 4)
    relations = {r["relation"]: r["n"] for r in table(first / "second", "relations")}
    assert relations == {"local_authority -> parent": 3, "local_authority -> health": 1}
    html = (first / "second" / "report.html").read_text(encoding="utf-8")
    assert "Reviewed by an analyst: 2 rows reviewed, 2 corrected." in html
    assert "corrected by an analyst (the tagger said actor: no doer named)" in html


def test_a_correction_for_changed_text_is_listed_as_not_applied(first: Path) -> None:
    rows = rows_of(first / "first")
    informed = next(r for r in rows if r["text"] == "informed")
    corrections = first / "stale.jsonl"
    corrections.write_text(
        json.dumps({"id": informed["id"], "verdict": "corrected", "actor": "local_authority"})
        + "\n",
        encoding="utf-8",
    )
    draft = first / "draft" / "code.txt"  # same document id, 1.3 reworded
    draft.parent.mkdir()
    draft.write_text(CODE.replace("informed of the plan", "informed of the EHC plan"), "utf-8")
    result = analyse_cli(str(draft), "-o", str(first / "third"), "--corrections", str(corrections))
    expected = (
        f"Not applied: stale.jsonl:1: corrected {informed['id']}: no occurrence has this id in "
        "this run: the text of its provision changed, or the tagger no longer finds it"
    )
    assert expected in result.output.splitlines()
    after = rows_of(first / "third")
    assert next(r for r in after if r["text"] == "informed")["actor"] == "unspecified"
    assert not any(r.get("corrected") for r in after)
    html = (first / "third" / "report.html").read_text(encoding="utf-8")
    assert "1 correction not applied" in html
    assert f"stale.jsonl:1</span>: corrected {informed['id']}: no occurrence has this id" in html


def test_review_controls_pass_axe_and_the_csp_is_unchanged(first: Path, chromium: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    html = (first / "first" / "report.html").read_text(encoding="utf-8")
    script = page_assets()["script"]
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert csp is not None and csp.group(1).replace("&#39;", "'") == content_security_policy(script)
    assert content_security_policy("x").replace(
        re.search(r"sha256-[^']+", content_security_policy("x"))[0],
        "sha256-H",  # type: ignore[index]
    ) == (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        "script-src 'sha256-H'; base-uri 'none'; form-action 'none'"
    )
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((first / "first" / "report.html").resolve().as_uri())
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert Axe().run(page, context="#review", options=options).response["violations"] == []
    page.locator("button.rv-item").first.click()
    assert page.evaluate("document.getElementById('review-dialog').open")
    page.screenshot(path=artifact("review-dialog.png"))
    violations = Axe().run(page, options=options).response["violations"]
    context.close()
    assert [v["id"] for v in violations] == []


def test_a_loaded_corrections_file_renders_inert(first: Path, chromium: Any) -> None:
    rows = rows_of(first / "first")
    hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    path = first / "hostile.jsonl"
    path.write_text(
        json.dumps(
            {"id": rows[0]["id"], "verdict": "correct", "note": hostile, "reviewer": hostile}
        )
        + "\n"
        + json.dumps({"id": "ffffffffffffffff", "verdict": "correct"})
        + "\n{broken\n",
        encoding="utf-8",
    )
    context = chromium.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((first / "first" / "report.html").resolve().as_uri())
    page.set_input_files("#review-load", str(path))
    page.wait_for_function("document.getElementById('review-status').textContent.includes('line')")
    assert page.inner_text("#review-status") == (
        "hostile.jsonl, line 3: not valid JSON (nothing after it was loaded)."
    )
    page.locator(f"button.rv-item[data-id='{rows[0]['id']}']").click()
    page.wait_for_timeout(100)
    assert page.input_value("#review-form input[name=note]") == hostile
    assert page.input_value("#review-reviewer") == hostile
    assert page.locator("img").count() == 0 and dialogs == []
    context.close()
