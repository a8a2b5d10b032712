"""Tests of textmine.extract.clml: complete CLML documents, real fragments, unsafe XML."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests import bad_inputs
from tests.conftest import CLML_DIR, need
from textmine.errors import CorruptInputError, EmptyInputError, InputError
from textmine.extract import clml, extract
from textmine.extract.document import Document

DATA = Path(__file__).parent / "data"
ACT_XML = DATA / "family_partnership_act.xml"
REGS_XML = DATA / "family_partnership_regulations.xml"
SECTION_4 = CLML_DIR / "clml_fragment_ukpga_2022_44_section_4.xml"
SECTION_1 = CLML_DIR / "clml_fragment_ukpga_2025_16_section_1.xml"
ORDER_PART_2 = CLML_DIR / "clml_fragment_uksi_2022_1406_part_2.xml"


def rows(document: Document) -> list[tuple[str | None, str | None]]:
    return [(p.ref, p.unit) for p in document]


@pytest.fixture(scope="module")
def act() -> Document:
    return clml.read(ACT_XML)


@pytest.fixture(scope="module")
def regs() -> Document:
    return clml.read(REGS_XML)


# --- a complete Act ----------------------------------------------------------


def test_act_metadata(act: Document) -> None:
    assert act.kind == "act"
    assert act.title == "Family Partnership Act 2099"
    assert act.url == "http://www.legislation.gov.uk/ukpga/2099/1/enacted"
    assert act.meta["long_title"].startswith("An Act to make provision about how authorities")
    assert act.meta["schedules"] == {"Sch 1": {"title": "Family forums", "side_ref": "Section 1"}}
    assert act.meta["cross_headings"] == [
        {"text": "Duties of local authorities", "page": None, "before": "s.1(1)"}
    ]


def test_act_refs_and_units(act: Document) -> None:
    assert rows(act) == [
        (None, "#1"),
        ("s.1(1)", "s.1(1)"),
        ("s.1(2)", "s.1(2)"),
        ("s.1(2)(a)", "s.1(2)"),
        ("s.1(2)(b)", "s.1(2)"),
        ("s.1(2)(b)(i)", "s.1(2)"),
        ("s.1(2)(b)(ii)", "s.1(2)"),
        ("s.1(2)", "s.1(2)"),  # the closing words after the list
        ("s.1(3)", "s.1(3)"),
        ("s.2", "s.2"),
        ("s.3", "s.3"),
        (None, "#12"),
        ("Sch 1 para 1", "Sch 1 para 1"),
        ("Sch 1 para 2(1)", "Sch 1 para 2(1)"),
        ("Sch 1 para 2(2)", "Sch 1 para 2(2)"),
        ("Sch 1 para 2(2)(a)", "Sch 1 para 2(2)"),
        ("Sch 1 para 2(2)(b)", "Sch 1 para 2(2)"),
    ]


def test_act_texts_offsets_and_pages(act: Document) -> None:
    assert act.provisions[0].text == "Be it enacted by the test suite as follows:—"
    assert act.provisions[4].text == "inform—"
    assert act.provisions[7].text == "of the matters it proposes to include."
    assert all(act.text[p.start : p.end] == p.text for p in act)
    assert all(p.page is None for p in act)


def test_act_headings_parts_chapters(act: Document) -> None:
    s12a = act.provisions[3]
    assert (s12a.heading, s12a.part, s12a.chapter) == (
        "Duty to work with families",
        "Part 1 — Planning with families",
        "Chapter 1 — Local arrangements",
    )
    s3 = act.by_ref("s.3")
    assert s3 is not None
    assert (s3.heading, s3.part, s3.chapter) == ("Short title", "Part 2 — Amendments", None)
    para = act.by_ref("Sch 1 para 2(2)(b)")
    assert para is not None
    assert (para.heading, para.part, para.chapter) == ("Meetings", None, None)


def test_block_amendment_stays_in_quoting_provision(act: Document) -> None:
    s2 = act.by_ref("s.2")
    assert s2 is not None
    assert s2.text == (
        "In section 5 of the Example Services Act 2001, after subsection (2) insert— "
        "“(2A) The authority must have regard to the views of young people. "
        "(2B) The authority may involve young people in reviewing the plan.”."
    )
    assert not any(p.ref and "2A" in p.ref for p in act)


def test_inline_elements_kept_markers_and_notes_left_out(act: Document) -> None:
    s13 = act.by_ref("s.1(3)")
    s3 = act.by_ref("s.3")
    assert s13 is not None and s3 is not None
    assert s13.text == (
        "In this section “plan” has the meaning given by the Example Services Act 2001."
    )
    assert s3.text.endswith("on 1 May 2099 unless the Secretary of State decides otherwise.")
    assert "Royal Assent" not in act.text  # Commentaries
    assert "ContentsTitle" not in act.text and act.text.count("Family Partnership Act 2099") == 1


def test_kind_given_overrides_metadata() -> None:
    bill = clml.read(ACT_XML, kind="bill")
    assert bill.kind == "bill"
    assert bill.refs()[1:3] == ["cl.1(1)", "cl.1(2)"]
    assert "Sch 1 para 1" in bill.refs()


# --- a complete SI -------------------------------------------------------------


def test_regulations(regs: Document) -> None:
    assert regs.kind == "si"
    assert regs.title == "The Family Partnership (Consultation) Regulations 2099"
    assert rows(regs) == [
        (None, "#1"),
        ("reg.1", "reg.1"),
        ("reg.2(1)", "reg.2(1)"),
        ("reg.2(1)(a)", "reg.2(1)"),
        ("reg.2(1)(b)", "reg.2(1)"),
        ("reg.2(2)", "reg.2(2)"),
        ("reg.3", "reg.3"),
        ("Sch para 1", "Sch para 1"),
    ]
    assert regs.provisions[0].text.startswith("The Secretary of State makes these Regulations")
    assert regs.by_ref("reg.3").text.endswith("for six years.")  # type: ignore[union-attr]
    sch = regs.by_ref("Sch para 1")
    assert sch is not None and sch.part == "Part 1 — General matters"
    assert regs.by_ref("reg.2(2)").part == "Part 2 — CONSULTATION"  # type: ignore[union-attr]
    assert regs.meta["schedules"] == {
        "Sch": {"title": "Matters for consultation", "side_ref": "Regulation 2"}
    }
    assert "Signed by authority" not in regs.text  # SignedSection
    assert "EXPLANATORY NOTE" not in regs.text and "not part of the Regulations" not in regs.text


# --- the real fragments (no root, namespace or metadata) ---------------------


def test_fragment_section_4_energy_prices_act() -> None:
    doc = clml.read(need(SECTION_4))
    assert doc.kind == "act"
    assert doc.refs() == [f"s.4({n})" for n in range(1, 12)]
    assert [p.unit for p in doc] == doc.refs()
    assert doc.url == "http://www.legislation.gov.uk/ukpga/2022/44/section/4"
    texts = {p.ref: p.text for p in doc}
    # Pretty-printed inline elements are healed: no space inside quotes or before "—".
    assert texts["s.4(8)"].startswith("“Gas shipper” has the same meaning as in Part 1")
    assert texts["s.4(5)"].startswith("In subsection (4) “relevant standard conditions” are")


def test_fragment_section_1_great_british_energy_act() -> None:
    doc = clml.read(need(SECTION_1))
    assert doc.kind == "act"
    assert len(doc) == 19
    assert doc.refs()[:4] == ["s.1(1)", "s.1(2)", "s.1(2)(a)", "s.1(2)(b)"]
    assert doc.refs()[-3:] == ["s.1(6)(c)", "s.1(7)", "s.1(8)"]
    assert {p.heading for p in doc} == {"Great British Energy"}
    texts = {p.ref: p.text for p in doc}
    assert texts["s.1(5)"] == "A notice under subsection (4)(b)—"
    assert texts["s.1(6)(c)"] == "a nominee of a person falling within paragraph (a) or (b)."
    assert texts["s.1(8)"] == (
        "In this section— “company” means a company registered under the Companies Act 2006; "
        "“Minister of the Crown” has the same meaning as in the Ministers of the Crown Act 1975 "
        "(see section 8(1) of that Act)."
    )


def test_fragment_network_rail_order_uses_articles() -> None:
    doc = clml.read(need(ORDER_PART_2))
    assert doc.kind == "si"
    assert len(doc) == 22
    assert doc.refs()[:4] == ["art.6(1)", "art.6(2)", "art.6(3)", "art.6(3)(a)"]
    assert rows(doc)[-5:] == [
        ("art.7", "art.7"),
        ("art.7(a)", "art.7"),
        ("art.7(b)", "art.7"),
        ("art.7(b)(i)", "art.7"),
        ("art.7(b)(ii)", "art.7"),
    ]
    first = doc.provisions[0]
    assert (first.part, first.heading) == (
        "Part 2 — WORKS PROVISIONS",
        "Power to construct and maintain works",
    )
    assert doc.by_ref("art.7").heading == "Power to deviate"  # type: ignore[union-attr]
    assert doc.meta["cross_headings"] == [
        {"text": "Principal Powers", "page": None, "before": "art.6(1)"}
    ]
    art63 = doc.by_ref("art.6(3)")
    assert art63 is not None
    assert art63.text.startswith("Subject to paragraph (5), Network Rail may carry out")


def test_fragment_through_extract_dispatcher() -> None:
    doc = extract(need(SECTION_1))
    assert doc.sha256 == "c3ede42b37d253fb353854b5a2a4e34d5c253a0278ad81998c3ed66b2d2720b5"
    assert doc.doc == "clml_fragment_ukpga_2025_16_section_1"


# --- other shapes --------------------------------------------------------------


def test_sibling_fragments_are_wrapped(tmp_path: Path) -> None:
    path = tmp_path / "two.xml"
    path.write_text(
        '<?xml version="1.0"?>\n'
        '<P1 id="regulation-4"><Pnumber>4</Pnumber><P1para><Text>First.</Text></P1para></P1>\n'
        '<P1 id="regulation-5"><Pnumber>5</Pnumber><P1para><Text>Second.</Text></P1para></P1>\n',
        encoding="utf-8",
    )
    doc = clml.read(path)
    assert (doc.kind, doc.refs(), doc.text) == ("si", ["reg.4", "reg.5"], "First.\n\nSecond.")


def test_namespaced_fragment(tmp_path: Path) -> None:
    path = tmp_path / "ns.xml"
    path.write_text(
        f'<P1 xmlns="{clml.CLML_NAMESPACE}" id="section-9"><Pnumber>9</Pnumber>'
        "<P1para><Text>The authority <Emphasis>must</Emphasis> inform parents.</Text>"
        "</P1para></P1>",
        encoding="utf-8",
    )
    doc = clml.read(path)
    assert [(p.ref, p.text) for p in doc] == [("s.9", "The authority must inform parents.")]


def test_kind_from_document_main_type(tmp_path: Path) -> None:
    path = tmp_path / "bill.xml"
    path.write_text(
        f'<Legislation xmlns="{clml.CLML_NAMESPACE}" '
        'xmlns:ukm="http://www.legislation.gov.uk/namespaces/metadata">'
        '<ukm:Metadata><ukm:DocumentMainType Value="UnitedKingdomPublicBill"/></ukm:Metadata>'
        '<Primary><Body><P1 id="section-4"><Pnumber>4</Pnumber>'
        "<P1para><Text>Words.</Text></P1para></P1></Body></Primary></Legislation>",
        encoding="utf-8",
    )
    doc = clml.read(path)
    assert (doc.kind, doc.refs()) == ("bill", ["cl.4"])


def test_kind_from_ids_without_metadata(tmp_path: Path) -> None:
    path = tmp_path / "rule.xml"
    path.write_text(
        '<P1 id="rule-3"><Pnumber>3</Pnumber><P1para><Text>A rule.</Text></P1para></P1>',
        encoding="utf-8",
    )
    assert clml.read(path).refs() == ["r.3"]
    assert clml.read(path, kind="act").kind == "act"


def test_tables_repealed_words_and_extracts(tmp_path: Path) -> None:
    path = tmp_path / "revised.xml"
    path.write_text(
        '<Body xmlns:x="http://www.w3.org/1999/xhtml">'
        '<P1 id="section-5"><Pnumber>5</Pnumber><P1para><Text>The rates are—</Text>'
        "<Tabular><x:table><x:tbody><x:tr><x:th>Year</x:th><x:th>Rate</x:th></x:tr>"
        "<x:tr><x:td>2026</x:td><x:td>2.3<x:sup>%</x:sup></x:td></x:tr>"
        "</x:tbody></x:table></Tabular></P1para></P1>"
        '<P1 id="section-6"><Pnumber>6</Pnumber><P1para><Text>. . . . . . .</Text></P1para></P1>'
        '<P1 id="section-7"><Pnumber>7</Pnumber><P1para><Text>Section 2 of the 1999 Act reads—'
        '</Text><BlockExtract Format="double"><P2><Pnumber>1</Pnumber><P2para>'
        "<Text>Old words.</Text></P2para></P2></BlockExtract></P1para></P1>"
        "</Body>",
        encoding="utf-8",
    )
    doc = clml.read(path)
    assert [(p.ref, p.text) for p in doc] == [
        ("s.5", "The rates are— Year Rate 2026 2.3%"),
        ("s.7", "Section 2 of the 1999 Act reads— “(1) Old words.”"),
    ]
    assert [(r.text, r.reason) for r in doc.removed] == [("s.6 . . . . . . .", "omitted provision")]


# --- unsafe and malformed XML ---------------------------------------------------


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_billion_laughs_is_refused_not_expanded(tmp_path: Path) -> None:
    path = write(tmp_path, "bomb.xml", bad_inputs.BOMB_XML)
    began = time.perf_counter()
    with pytest.raises(InputError) as caught:
        clml.read(path)
    assert time.perf_counter() - began < 1.0
    assert str(caught.value) == (
        f"{path}: XML declares entities; refused (possible entity-expansion attack)"
    )


def test_external_entity_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "xxe.xml", bad_inputs.XXE_XML)
    with pytest.raises(InputError) as caught:
        clml.read(path)
    assert str(caught.value) == (
        f"{path}: XML declares an external entity (file:///etc/passwd); refused"
    )
    assert "root:" not in str(caught.value)


def test_external_dtd_is_not_fetched(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "dtd.xml",
        '<!DOCTYPE P1 SYSTEM "http://example.invalid/clml.dtd">\n'
        '<P1 id="section-2"><Pnumber>2</Pnumber><P1para><Text>Words.</Text></P1para></P1>',
    )
    assert clml.read(path).refs() == ["s.2"]


def test_malformed_xml_names_file_and_position(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.xml", "<P1><Pnumber>1</Pnumber><Text>open</P1>")
    with pytest.raises(CorruptInputError) as caught:
        clml.read(path)
    assert str(caught.value) == f"{path}: malformed XML (mismatched tag: line 1, column 36)"


def test_xml_without_provisions(tmp_path: Path) -> None:
    path = write(tmp_path, "page.xml", "<html><head><title>x</title></head><body/></html>")
    with pytest.raises(EmptyInputError, match="no legislation provisions found"):
        clml.read(path)
