"""The HTML reader: a saved GOV.UK publication, legislation.gov.uk pages, hostile pages.

The GOV.UK page is real (``../shared/corpora/html``). No legislation.gov.uk
page is in the corpora, so ``data/legislation_section.html`` and
``data/legislation_part.html`` are pages written for the tests in the site's
markup, holding the invented Family Partnership Act 2099 of
``data/family_partnership_act.xml``; the same words printed as a revised PDF
(:mod:`tests.extract.revised_pdf`) must give the same provisions and refs.
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import CORPORA, need
from tests.extract.revised_pdf import build_revised_pdf
from textmine.errors import EmptyInputError, InputError
from textmine.extract import extract
from textmine.extract.document import Document
from textmine.extract.html_govuk import FOOTNOTES, find_body
from textmine.extract.html_source import MAX_HTML_BYTES, load_html, text_of, words

DATA = Path(__file__).parent / "data"
SCCIF = CORPORA / "html" / "ofsted_2025_sccif_childrens_homes.html"
FURNITURE = ("Cookies on GOV.UK", "Is this page useful", "All content is available under the")


@pytest.fixture(scope="module")
def sccif() -> Document:
    return extract(need(SCCIF))


@pytest.fixture(scope="module")
def revised_pdf(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return extract(build_revised_pdf(tmp_path_factory.mktemp("revised") / "fpa.pdf"))


def _rows(document: Document, prefix: str = "") -> list[tuple[str | None, str | None, str, str]]:
    return [
        (p.ref, p.unit, p.heading or "", p.text)
        for p in document
        if p.ref and p.ref.startswith(prefix)
    ]


# ------------------------------------------------------------------ GOV.UK


def test_govuk_page_gives_the_guidance_body_only(sccif: Document) -> None:
    assert sccif.kind == "guidance"
    assert sccif.title == "Social care common inspection framework (SCCIF): children’s homes"
    assert sccif.meta["publisher"] == "gov.uk"
    assert len(sccif) == 541
    for provision in sccif:
        for text in FURNITURE:
            assert text not in provision.text
            assert text not in (provision.heading or "")
    raw = need(SCCIF).read_text(encoding="utf-8")
    assert all(text in raw for text in FURNITURE)  # they are on the page, not in the body


def test_govuk_headings_paragraphs_and_list_items(sccif: Document) -> None:
    first = sccif.provisions[0]
    assert (first.ref, first.heading, first.chapter) == (None, "Introduction", "Introduction")
    lines = first.text.split("\n")
    assert lines[0].endswith("applies to inspections of:")
    assert len(lines) == 11  # the lead-in and its ten list items, one a line
    headings = sccif.meta["headings"]
    assert len(headings) == 127
    assert Counter(h["level"] for h in headings)[2] == 32
    assert sum("\n" in p.text for p in sccif) == 69
    assert Counter(r.reason for r in sccif.removed) == {"heading without text": 10}


def test_govuk_words_are_the_words_of_the_body_counted_both_ways(sccif: Document) -> None:
    body = find_body(load_html(need(SCCIF)))
    assert body is not None
    page_words = words(text_of(body, FOOTNOTES))
    read_words = [w for p in sccif for w in words(p.text)]
    heading_words = [w for h in sccif.meta["headings"] for w in words(str(h["text"]))]
    assert len(page_words) == 26928
    assert len(read_words) + len(heading_words) == len(page_words)
    assert Counter(read_words + heading_words) == Counter(page_words)


def test_govuk_numbered_paragraphs_footnotes_and_glued_labels(tmp_path: Path) -> None:
    page = tmp_path / "numbered.html"
    page.write_text(
        "<html><head><title>Own guidance - GOV.UK</title></head><body>"
        "<header>Menu words</header><main><h1>Own guidance on planning</h1>"
        '<div class="govspeak"><h2>Chapter one</h2>'
        '<p>9.14 The local authority must consult the parent.<sup class="footnote">'
        '<a href="#fn:1">1</a></sup></p>'
        "<p>9.15 It must also:</p><ul><li>(a)inform the school</li>"
        "<li>(b) involve the child<ul><li>in every review</li></ul></li></ul>"
        "<table><tr><th>Who</th><th>When</th></tr><tr><td>Parent</td><td>Always</td></tr></table>"
        '<div class="footnotes"><ol><li id="fn:1">A footnote kept out.</li></ol></div>'
        "</div></main><footer>Footer words</footer></body></html>",
        encoding="utf-8",
    )
    document = extract(page)
    assert document.title == "Own guidance on planning"
    assert [(p.ref, p.text) for p in document] == [
        ("9.14", "The local authority must consult the parent."),
        ("9.15", "It must also:\n(a) inform the school\n(b) involve the child\nin every review"),
        (None, "Who\nWhen\nParent\nAlways"),
    ]
    assert {r.reason for r in document.removed} == {"footnote"}
    assert "Menu words" not in document.text and "Footer words" not in document.text


# ------------------------------------------------------------ legislation.gov.uk


def test_legislation_section_page_gives_the_pdf_readers_provisions(
    revised_pdf: Document,
) -> None:
    page = extract(DATA / "legislation_section.html")
    assert page.kind == "act" and page.title == "Family Partnership Act 2099"
    assert page.meta["publisher"] == "legislation.gov.uk"
    assert _rows(page) == _rows(revised_pdf, "s.1")
    assert [p.ref for p in page] == [
        "s.1(1)",
        "s.1(2)",
        "s.1(2)(a)",
        "s.1(2)(b)",
        "s.1(2)(b)(i)",
        "s.1(2)(b)(ii)",
        "s.1(2)",
        "s.1(3)",
    ]
    assert {p.part for p in page} == {"Part 1 — Planning with families"}
    assert {p.chapter for p in page} == {"Chapter 1 — Local arrangements"}
    assert page.meta["cross_headings"] == [
        {"text": "Duties of local authorities", "page": None, "before": "s.1(1)"}
    ]
    # Nothing of the site around the Act, its scripts, frames or notes is read.
    for text in ("Search Legislation", "Injected words", "Contact Us", "E+W", "2001 c. 9"):
        assert text not in page.text
    assert {r.reason for r in page.removed} == {"extent", "note marker", "note block"}


def test_legislation_part_page_gives_the_pdf_readers_provisions(revised_pdf: Document) -> None:
    page = extract(DATA / "legislation_part.html")
    assert _rows(page) == _rows(revised_pdf, "s.2") + _rows(revised_pdf, "s.3")
    assert [p.ref for p in page] == ["s.2", "s.3"]
    assert page.by_ref("s.3").text == (
        "This Act may be cited as the Family Partnership Act 2099 and comes into force on "
        "1 May 2099 unless the Secretary of State decides otherwise."
    )
    reasons = Counter(r.reason for r in page.removed)
    assert reasons == {"note marker": 2, "note block": 1, "prospective marker": 1}


def test_legislation_pages_agree_with_the_xml_reader() -> None:
    xml = extract(DATA / "family_partnership_act.xml")
    section = extract(DATA / "legislation_section.html")
    part = extract(DATA / "legislation_part.html")
    assert _rows(section) == _rows(xml, "s.1")
    assert _rows(part) == _rows(xml, "s.2") + _rows(xml, "s.3")


# ------------------------------------------------------------------ hostile


def test_scripts_frames_and_entity_tricks_are_inert(tmp_path: Path) -> None:
    page = tmp_path / "tricks.html"
    page.write_text(
        '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
        '<html><body><div class="govspeak"><p>The authority must consult &b; &ext; &amp; '
        "parents.</p><script>alert('run')</script><iframe src=\"https://example.invalid\">"
        'frame words</iframe><img src="https://example.invalid/x.png" alt="alt words">'
        '<object data="https://example.invalid/o">object words</object>'
        "<style>p { color: red }</style></div></body></html>",
        encoding="utf-8",
    )
    document = extract(page)
    assert [p.text for p in document] == ["The authority must consult &b; &ext; & parents."]
    for text in ("alert", "frame words", "alt words", "object words", "color", "root:"):
        assert text not in document.text


def test_oversized_binary_and_mislabelled_pages_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    with big.open("wb") as handle:
        handle.write(b"<html><body><div class='govspeak'>")
        chunk = b"<p>The authority must consult the parent.</p>\n" * 20000
        while handle.tell() <= MAX_HTML_BYTES:
            handle.write(chunk)
        handle.write(b"</div></body></html>")
    with pytest.raises(InputError, match=r"HTML page too large \(2\d\.\d MB; textmine reads"):
        extract(big)
    pdf = tmp_path / "saved.html"
    pdf.write_bytes(b"%PDF-1.7\n" + b"0" * 100)
    with pytest.raises(InputError, match="not an HTML page \\(it is a PDF"):
        extract(pdf)
    binary = tmp_path / "binary.htm"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(InputError, match="binary content"):
        extract(binary)
    blank = tmp_path / "blank.html"
    blank.write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    with pytest.raises(EmptyInputError, match="HTML page has no text"):
        extract(blank)


def test_a_page_of_another_publisher_is_read_generically_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    page = tmp_path / "other.html"
    page.write_text(
        "<html><head><title>Council policy</title></head><body><nav>Home | News</nav>"
        "<main><h1>Working with families</h1><p>Officers should involve parents.</p></main>"
        "<footer>Copyright words</footer></body></html>",
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING):
        document = extract(page)
    assert [p.text for p in document] == ["Officers should involve parents."]
    assert document.title == "Working with families"
    assert "read as a generic web page" in caplog.text and str(page) in caplog.text


def test_extract_command_on_the_govuk_page(sccif: Document, tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from textmine.cli import cli

    out = tmp_path / "sccif.jsonl"
    result = CliRunner().invoke(
        cli, ["extract", str(need(SCCIF)), "--format", "jsonl", "-o", str(out)], obj={}
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 541
    assert {row["title"] for row in rows} == {sccif.title}
    assert [row["text"] for row in rows] == [p.text for p in sccif]
    assert not any(text in row["text"] for row in rows for text in FURNITURE)
    headings = [row["heading"] for row in rows]
    assert headings[0] == "Introduction" and len(set(headings)) == 108
