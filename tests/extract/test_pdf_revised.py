"""A legislation.gov.uk *revised* print of an Act: furniture out of the text, sections listed.

The Children and Social Work Act 2017 as revised (``../shared/corpora``) has, on
every one of its 73 pages, a ``Document Generated`` line, a ``Status:`` banner
and a ``Changes to legislation`` box ending ``(See end of Document for
details)``; note blocks (``Commencement Information``, ``Textual Amendments``
with F-notes), inline F-markers and a ``PROSPECTIVE`` marker. None of it may
reach a provision's text; all of it stays inspectable in ``Document.removed``.
Expected values are read from the PDF's own page text where possible, not from
the reader.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import CORPORA, need
from textmine.cli import cli
from textmine.extract import extract
from textmine.extract.document import Document
from textmine.extract.legislation_pages import banner_lines
from textmine.extract.pdf_source import read_pdf_text

CSWA_PDF = (
    CORPORA
    / "legislation_pdfs_revised"
    / "ukpga_2017_16_children_and_social_work_act_2017_revised.pdf"
)
FURNITURE = ("Status:", "Changes to legislation", "See end of Document for details")
F_MARKER = re.compile(r"(?<![\w/.])F\d{1,4}\b")


@pytest.fixture(scope="module")
def cswa() -> Document:
    return extract(need(CSWA_PDF))


@pytest.fixture(scope="module")
def cswa_pages() -> tuple[str | None, ...]:
    return read_pdf_text(need(CSWA_PDF)).pages


def test_no_body_text_holds_furniture_or_note_markers(cswa: Document) -> None:
    assert cswa.kind == "act"
    assert cswa.title == "Children and Social Work Act 2017"
    assert cswa.meta["revised"] is True
    for provision in cswa:
        fields = [provision.text, provision.heading or "", provision.chapter or ""]
        for field in fields:
            assert not any(mark in field for mark in FURNITURE), (provision.ref, field[-120:])
            assert not F_MARKER.search(field), (provision.ref, field)
            assert "PROSPECTIVE" not in field, provision.ref
            assert "Document Generated" not in field, provision.ref


def test_what_was_removed_stays_inspectable(
    cswa: Document, cswa_pages: tuple[str | None, ...]
) -> None:
    reasons = Counter(r.reason for r in cswa.removed)
    # A banner on every page, the PROSPECTIVE marker above section 32, the F-notes.
    assert {r.page for r in cswa.removed if r.reason == "banner"} == set(range(1, 74))
    last = [r.text for r in cswa.removed if r.reason == "changes to legislation"]
    assert [t.split("\n")[0] for t in last] == ["Status:"]
    assert [r.page for r in cswa.removed if r.reason == "prospective marker"] == [23]
    assert reasons["omitted provision"] == 2
    notes = "\n".join(r.text for r in cswa.removed if r.reason == "note block")
    printed = re.findall(r"^(F\d+) Sch\. 5", "\n".join(p or "" for p in cswa_pages), re.M)
    assert printed == ["F1", "F2", "F3"]
    assert all(f"{mark} Sch. 5" in notes for mark in printed)
    status = sum((page or "").count("(See end of Document for details)") for page in cswa_pages)
    assert status == 72  # every page but the last, which gives the details in full
    banners = "\n".join(r.text for r in cswa.removed if r.reason == "banner")
    assert banners.count("(See end of Document for details)") == status


def test_every_section_comes_with_its_heading_and_page(
    cswa: Document, cswa_pages: tuple[str | None, ...]
) -> None:
    sections = cswa.meta["sections"]
    assert [s["number"] for s in sections] == [str(n) for n in range(1, 72)]
    for section in sections:
        number, heading, page = section["number"], section["heading"], section["page"]
        assert heading, number
        # The bold "N Heading" line is printed on the section's page (a long
        # heading may wrap: its first words suffice).
        first_words = re.escape(" ".join(heading.split()[:4]))
        text = cswa_pages[page - 1] or ""
        assert re.search(rf"^{number} {first_words}", text, re.M), (number, page)
        assert cswa.by_ref(section["ref"]) is not None or any(
            p.ref and p.ref.startswith(f"{section['ref']}(") for p in cswa
        )
    assert cswa.meta["contents"] == {s["number"]: s["heading"] for s in sections}
    assert sections[0] == {
        "number": "1",
        "ref": "s.1",
        "heading": "Corporate parenting principles",
        "page": 1,
    }
    assert sections[-1]["heading"] == "Short title"


def test_refs_and_pages_of_labelled_provisions_are_stable(cswa: Document) -> None:
    # Gold sets are keyed on (doc, ref, page): these must not move.
    assert len(cswa) == 472
    assert [(p.ref, p.page) for p in cswa.provisions[:4]] == [
        (None, 1),
        ("s.1(1)", 1),
        ("s.1(1)(a)", 1),
        ("s.1(1)(b)", 1),
    ]
    assert cswa.by_ref("s.2(2)(a)").text == "health and well-being;"
    assert cswa.by_ref("s.2(2)(a)").page == 2
    assert cswa.by_ref("s.50(1)").text.endswith("charge fees in connection with—")


def test_keep_removed_writes_the_banners(tmp_path: Path) -> None:
    out = tmp_path / "cswa.jsonl"
    result = CliRunner().invoke(
        cli, ["extract", str(need(CSWA_PDF)), "--keep-removed", "-o", str(out)], obj={}
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    removed = [r for r in rows if r.get("removed")]
    body = [r for r in rows if not r.get("removed")]
    assert len(body) == 472
    reasons = Counter(r["reason"] for r in removed)
    assert (reasons["banner"], reasons["changes to legislation"]) == (108, 1)
    assert not any("Status:" in r["text"] for r in body)


def test_banner_lines_end_where_their_sentence_ends() -> None:
    page = [
        "Children and Social Work Act 2017 (c. 16)",
        "Document Generated: 2024-05-05",
        "3",
        "Status: This version of this Act contains provisions that are prospective.",
        "Changes to legislation: There are currently no known outstanding effects for",
        "the Own Words Act 2026. (See end of Document for details)",
        "(2) The local authority must consult the child's parent.",
    ]
    assert banner_lines(page) == {1: "banner", 3: "banner", 4: "banner", 5: "banner"}
    # a print with changes not yet made links to them after the end marker; the subsection
    # that opens the page right after the box is text, not banner
    pending = [
        "2 Own Words Act 2026 (c. 99)",
        "Document Generated: 2025-04-11",
        "Changes to legislation: Own Words Act 2026 is up to date with all changes known to be",
        "in force on or before 11 April 2025. There are changes that may be brought into force",
        "at a future date. (See end of Document for details) View outstanding changes",
        "(3) In doing so the authority may, in",
        "particular—",
    ]
    assert banner_lines(pending) == {1: "banner", 2: "banner", 3: "banner", 4: "banner"}
    last = ["Status:", "This version of this Act contains provisions that are prospective."]
    assert banner_lines(last, last_page=True) == {
        0: "changes to legislation",
        1: "changes to legislation",
    }
