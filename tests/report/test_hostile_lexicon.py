"""A user lexicon cannot inject script or markup into the report (``analyse --lexicon``).

Lexicon validation lets term names, term ids, pattern labels and actor ids be
any text (they are data), so the report must render them inert (the term name
and id are shown, as text; labels and actor ids are not shown at all); actor
group names are restricted to letters, digits and ``_`` and anything else is
refused with one line naming file and line. The document's file name is
hostile too.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from markupsafe import escape

from tests.report.test_render import Page
from textmine.cli import cli
from textmine.nlp.lexicon import load_lexicon

TERM = "<svg onload=alert('term')>\"'&</textarea>"
TERM_ID = "<img src=x onerror=alert('id')>"
LABEL = "<script>alert('label')</script>"
ACTOR_ID = "</script><script>alert('actor')</script>"
DOC_NAME = "draft $(touch pwned) 'q' \"<i onclick=alert(1)>é\".txt"
TEXT = (
    "1.1 The council must liaise with the parent before it decides.\n\n"
    "1.2 The ombudsman should consult the school about the plan.\n\n"
    "1.3 The school must inform the parent of the outcome.\n"
)


def hostile_lexicon(folder: Path, extra_actor: dict[str, Any] | None = None) -> Path:
    """The bundled lexicons plus a term and an actor whose strings are markup."""
    folder.mkdir()
    for name in ("terms.jsonl", "actors.jsonl", "cues.jsonl"):
        shutil.copy(Path(load_lexicon().source) / name, folder / name)
    term = {
        "label": LABEL,
        "id": TERM_ID,
        "term": TERM,
        "level": 3,
        "pattern": [{"LOWER": {"IN": ["liaise", "liaises", "liaised"]}}],
        "constraint": {"verbal": True},
        "roles": ["with"],
    }
    actor = extra_actor or {
        "group": "ombudsman",
        "id": ACTOR_ID,
        "refer": "body",
        "pattern": [{"LOWER": "ombudsman"}],
    }
    for name, record in (("terms.jsonl", term), ("actors.jsonl", actor)):
        with (folder / name).open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record) + "\n")
    return folder


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("hostile-lexicon")
    lexicon = hostile_lexicon(folder / "lexicon")
    source = folder / DOC_NAME
    source.write_text(TEXT, encoding="utf-8")
    out = folder / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TEXTMINE_CACHE_DIR", str(folder / "cache"))
        result = CliRunner().invoke(
            cli, ["analyse", str(source), "--lexicon", str(lexicon), "-o", str(out)], obj={}
        )
    assert result.exit_code == 0, result.output
    assert not list(folder.rglob("pwned"))
    yield out / "report.html"


def test_hostile_lexicon_strings_reach_the_tables(report: Path) -> None:
    tables = report.parent / "tables"
    terms = json.loads((tables / "relation_terms.json").read_text(encoding="utf-8"))
    assert TERM in {r["term"] for r in terms}
    assert "ombudsman" in {r["actor"] for r in terms}


def test_hostile_lexicon_strings_render_inert(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    page = Page(html)
    assert [a.get("type") for t, a in page.tags if t == "script"] == ["application/json", None]
    assert not [(t, k) for t, a in page.tags for k in a if k.lower().startswith("on")]
    assert not [
        t for t, _ in page.tags if t in {"img", "iframe", "object", "embed", "base", "link"}
    ]
    for needle in ("<svg onload", "<img src=x", "<script>alert", "</textarea>", "<i onclick"):
        assert needle not in html, needle
    for shown in (TERM, TERM_ID, Path(DOC_NAME).stem):  # shown, as text
        assert str(escape(shown)) in html, shown
    csp = next(
        a for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert (csp.get("content") or "").startswith("default-src 'none'; img-src data:;")
    sources = [a["src"] or "" for _, a in page.tags if "src" in a]
    assert all(s.startswith("data:") for s in sources), sources


def test_actor_group_names_must_be_plain(tmp_path: Path) -> None:
    bad = {"group": "<b>x</b>", "id": "x", "pattern": [{"LOWER": "x"}]}
    lexicon = hostile_lexicon(tmp_path / "lexicon", extra_actor=bad)
    line = len((lexicon / "actors.jsonl").read_text(encoding="utf-8").splitlines())
    source = tmp_path / "draft.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["analyse", str(source), "--lexicon", str(lexicon), "-o", str(tmp_path / "out")],
        obj={},
    )
    assert result.exit_code == 2
    reason = "bad group name '<b>x</b>' (letters, digits, '_')"
    assert result.stderr.splitlines() == [f"Error: {lexicon / 'actors.jsonl'}:{line}: {reason}"]
    assert not (tmp_path / "out").exists()


@pytest.mark.browser
@pytest.mark.slow
def test_hostile_lexicon_fires_no_dialog(chromium: Any, report: Path) -> None:
    context = chromium.new_context()
    page = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(report.resolve().as_uri())
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    for mark in page.locator("mark[data-term]").all():
        mark.focus()
    page.wait_for_timeout(300)
    assert dialogs == []
    assert TERM in page.inner_text("body")
    context.close()
