"""The glued form (``(a)inform``) and the spaced form (``(a) inform``) read the same everywhere.

Issue 14: text copied from legislation.gov.uk glues each paragraph label to its
first word. Every Act and SI provision in ``../shared/corpora`` is rewritten
both ways as plain text; both must give the same provisions, refs and texts.
Each of the other readers is checked on a small own-words input in both forms.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ACT_PDF, CLML_DIR, CORPORA, SI_PDF, need
from tests.extract.revised_pdf import build_revised_pdf
from tests.extract.word_docx import build_draft
from textmine.extract import extract
from textmine.extract.document import Document
from textmine.extract.plaintext import parse_text

CSWA_PDF = (
    CORPORA
    / "legislation_pdfs_revised"
    / "ukpga_2017_16_children_and_social_work_act_2017_revised.pdf"
)
LEGISLATION = [
    ACT_PDF,
    SI_PDF,
    CSWA_PDF,
    CLML_DIR / "clml_fragment_ukpga_2022_44_section_4.xml",
    CLML_DIR / "clml_fragment_ukpga_2025_16_section_1.xml",
    CLML_DIR / "clml_fragment_uksi_2022_1406_part_2.xml",
]
_LAST_LABEL = re.compile(r"\(([0-9A-Za-z]+)\)$")
#: A label standing where a label stands, and the space after it.
_SPACED_LABEL = re.compile(
    r"(^|[\s—–:;“‘])(\((?:\d{1,3}[A-Z]{0,2}|[a-z]{1,3}|[A-Z]{1,2})\)) (?=[A-Za-z“‘])"
)


def glue(text: str) -> str:
    """``text`` with the space after every provision label taken out, as the website prints."""
    return _SPACED_LABEL.sub(r"\1\2", text)


def as_text(document: Document, *, glued: bool) -> str:
    """Every provision of ``document`` as a plain-text block led by its own label."""
    blocks = []
    for provision in document:
        text = " ".join(provision.text.split())
        match = _LAST_LABEL.search(provision.ref or "")
        line = f"({match[1]}) {text}" if match else text
        blocks.append(glue(line) if glued else line)
    return "\n\n".join(blocks) + "\n"


def _rows(text: str, kind: str) -> list[tuple[str | None, str, str | None]]:
    provisions, _ = parse_text([(None, text)], kind=kind)
    return [(p.ref, p.text, p.unit) for p in provisions]


@pytest.mark.parametrize("path", LEGISLATION, ids=lambda p: p.stem[:40])
def test_every_act_and_si_provision_reads_the_same_glued_and_spaced(path: Path) -> None:
    document = extract(need(path))
    assert document.kind in ("act", "si")
    spaced, glued = as_text(document, glued=False), as_text(document, glued=True)
    assert glued != spaced  # the rewriting did glue labels
    assert _rows(glued, document.kind) == _rows(spaced, document.kind)
    # and a provision's text never keeps a glued label
    assert not any(re.search(r"(^|[\s—–;:])\([a-z]{1,3}\)[a-z]", p.text) for p in document)


def test_the_pdf_reader_reads_a_glued_print_like_a_spaced_one(tmp_path: Path) -> None:
    spaced = extract(build_revised_pdf(tmp_path / "spaced.pdf"))
    glued = extract(build_revised_pdf(tmp_path / "glued.pdf", glued=True))
    assert [(p.ref, p.text) for p in glued] == [(p.ref, p.text) for p in spaced]


def test_the_xml_and_html_readers_split_glued_labels(tmp_path: Path) -> None:
    clml = (
        '<P1 id="section-9"><Pnumber>9</Pnumber><P1para><Text>The authority must— '
        "{}inform the parent, and {}consult the school.</Text></P1para></P1>"
    )
    govuk = (
        '<html><body><div class="govspeak"><p>The authority must—</p><ul><li>{}inform the '
        "parent</li><li>{}consult the school</li></ul></div></body></html>"
    )
    legislation = (
        '<html><body><div id="viewLegContents"><h3><span class="LegP1No" id="section-9">9'
        '</span><span class="LegP1GroupTitle">Duty</span></h3><p class="LegP2Container">'
        '<span class="LegP2No">(1)</span>{}<span class="LegP2Text">The authority must '
        "consult.</span></p></div></body></html>"
    )
    for name, template in (("s.xml", clml), ("g.html", govuk), ("l.html", legislation)):
        forms = []
        if name == "l.html":
            glued, spaced = template.format(""), template.format(" ")
        else:
            glued, spaced = template.format("(a)", "(b)"), template.format("(a) ", "(b) ")
        for form, markup in (("glued", glued), ("spaced", spaced)):
            path = tmp_path / f"{form}_{name}"
            path.write_text(markup, encoding="utf-8")
            forms.append([(p.ref, p.text) for p in extract(path)])
        assert forms[0] == forms[1], name
        assert not any(re.search(r"\([ab1]\)[A-Za-z]", text) for _, text in forms[0])


def test_the_word_reader_splits_typed_glued_labels(tmp_path: Path) -> None:
    glued = extract(build_draft(tmp_path / "glued.docx", glued=True))
    spaced = extract(build_draft(tmp_path / "spaced.docx"))
    assert [(p.ref, p.text) for p in glued] == [(p.ref, p.text) for p in spaced]


@pytest.mark.slow
@pytest.mark.parametrize("path", LEGISLATION, ids=lambda p: p.stem[:40])
def test_glued_and_spaced_provisions_tag_the_same(path: Path, nlp: object) -> None:
    """The rows of ``textmine tag`` on the glued and the spaced rewriting are the same."""
    from textmine.extract.document import build_document
    from textmine.nlp.tagging import tag_document

    document = extract(need(path))
    rows = []
    for glued in (False, True):
        provisions, _ = parse_text([(None, as_text(document, glued=glued))], kind=document.kind)
        rewritten = build_document(
            doc="rewritten", kind=document.kind, path=None, provisions=provisions
        )
        rows.append(tag_document(rewritten, nlp=nlp))
    assert rows[0] == rows[1]
    assert rows[0] or "clml_fragment" in path.stem  # the Acts and the SI hold occurrences
