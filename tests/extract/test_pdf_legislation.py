"""The Act, SI and Bill reader on real prints (and a Bill PDF built for the test)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.conftest import ACT_PDF, SI_PDF, need
from tests.extract.bill_pdf import build_bill_pdf
from textmine.extract import extract
from textmine.extract.detect import detect_kind
from textmine.extract.document import Document
from textmine.extract.pdf_source import read_pdf_text

ACT_HEAD = "Universal Credit Act 2025 (c. 22)"


@pytest.fixture(scope="module")
def act() -> Document:
    return extract(need(ACT_PDF))


@pytest.fixture(scope="module")
def act_pages() -> tuple[str | None, ...]:
    return read_pdf_text(need(ACT_PDF)).pages


@pytest.fixture(scope="module")
def si_timed() -> tuple[Document, float]:
    path = need(SI_PDF)
    start = time.perf_counter()
    document = extract(path)
    return document, time.perf_counter() - start


@pytest.fixture(scope="module")
def si(si_timed: tuple[Document, float]) -> Document:
    return si_timed[0]


@pytest.fixture(scope="module")
def bill_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_bill_pdf(tmp_path_factory.mktemp("bill") / "family_partnership_bill.pdf")


@pytest.fixture(scope="module")
def bill(bill_path: Path) -> Document:
    return extract(bill_path)


def _refs(document: Document, prefix: str) -> list[str]:
    return [p.ref for p in document if p.ref and p.ref.startswith(prefix)]


# ---------------------------------------------------------------- the Act


def _contents(pages: tuple[str | None, ...]) -> dict[str, str]:
    """Section number -> heading, read straight from the CONTENTS page's text."""
    page = next(p for p in pages if p and "CONTENTS" in p)
    return dict(re.findall(r"^(\d+) (.+?)\s*$", page, re.M))


def test_act_title_kind_and_size(act: Document) -> None:
    assert act.title == "Universal Credit Act 2025"
    assert act.kind == "act"
    assert act.pages == 21
    assert len(act) == 158
    assert act.meta["long_title"].startswith("An Act to make provision to alter the rates")


def test_every_contents_section_has_its_heading_and_start_page(
    act: Document, act_pages: tuple[str | None, ...]
) -> None:
    contents = _contents(act_pages)
    assert len(contents) == 7
    for number, heading in contents.items():
        first = next(p for p in act if p.ref and re.fullmatch(rf"s\.{number}(\(.*)?", p.ref))
        assert first.heading == heading, number
        # The page where the bold "N Heading" line is printed in the body.
        body_pages = [
            i + 1
            for i, text in enumerate(act_pages)
            if text and i >= 4 and re.search(rf"^{number} {re.escape(heading)}\s*$", text, re.M)
        ]
        assert body_pages == [first.page], number
    starts = {n: next(p.page for p in act if p.unit.startswith(f"s.{n}")) for n in contents}
    assert starts == {"1": 5, "2": 6, "3": 7, "4": 7, "5": 8, "6": 9, "7": 9}
    assert act.meta["contents"] == contents
    assert act.meta["schedules"]["Sch 2"] == {
        "title": "Northern Ireland: corresponding provision",
        "side_ref": "Section 6",
    }


def test_every_subsection_has_its_ref(act: Document, act_pages: tuple[str | None, ...]) -> None:
    # Subsection labels as printed on the body pages of sections 1-7 (pages 5-9), in order.
    body = "\n".join(act_pages[4:9])
    body = body[body.index("E IT ENACTED") :]
    printed = re.findall(r"^\((\d+)\) [A-Z“]", body, re.M)
    units = [u for u in dict.fromkeys(p.unit for p in act) if re.fullmatch(r"s\.\d+\(\d+\)", u)]
    assert [re.sub(r"s\.\d+\((\d+)\)", r"\1", u) for u in units] == printed
    assert len(printed) == 21
    assert _refs(act, "s.1(6)") == [
        "s.1(6)",
        "s.1(6)(a)",
        "s.1(6)(b)",
        "s.1(6)(b)(i)",
        "s.1(6)(b)(ii)",
        "s.1(6)(c)",
        "s.1(6)(d)",
    ]
    assert act.by_ref("s.6").text == (
        "Schedule 2 makes provision for Northern Ireland which corresponds to that made by "
        "the previous provisions of this Act."
    )
    item = act.by_ref("s.1(6)(b)(ii)")
    assert item.text == (
        "the power in section 150(2)(b) of the Social Security Administration Act 1992;"
    )
    assert item.unit == "s.1(6)"
    assert item.page == 6


def test_quoted_text_in_amending_schedules_is_not_structure(act: Document) -> None:
    assert _refs(act, "Sch 1 para 4") == ["Sch 1 para 4"]
    para4 = act.by_ref("Sch 1 para 4")
    assert para4.text.startswith("After regulation 27 insert— “Meaning of “pre-2026 claimant” 27A.")
    assert "(2) For the purpose of determining whether the claimant" in para4.text
    assert para4.text.endswith("ceased to be met.”")
    assert _refs(act, "Sch 1 para 7(d)") == ["Sch 1 para 7(d)"]
    assert "“(4) If it has been previously determined—" in act.by_ref("Sch 1 para 7(d)").text
    assert _refs(act, "Sch 1 para 3") == [
        "Sch 1 para 3",
        "Sch 1 para 3(a)",
        "Sch 1 para 3(b)",
        "Sch 1 para 3(c)",
        "Sch 1 para 3(c)(i)",
        "Sch 1 para 3(c)(ii)",
    ]
    # Sch 2 para 2 has ten real sub-paragraphs; the quoted regulation 28A has its own (1), (2).
    assert [u for u in dict.fromkeys(p.unit for p in act) if u.startswith("Sch 2 para 2")] == [
        f"Sch 2 para 2({n})" for n in range(1, 11)
    ]
    assert not any("27A" in (p.ref or "") or "28A" in (p.ref or "") for p in act)


def test_label_printed_after_the_first_line_is_read(act: Document) -> None:
    # Sch 2 para 1 is printed "1 (1) The Department ..." but pypdfium2 reads the "(1)" later.
    first = act.by_ref("Sch 2 para 1(1)")
    assert first.text.startswith("The Department for Communities in Northern Ireland must")
    assert first.heading == "Standard allowance for tax years 2026-27 to 2029-30"
    assert first.page == 13
    assert act.by_ref("Sch 2 para 1") is None


def test_no_running_heads_or_page_numbers_in_the_body(act: Document) -> None:
    text = act.text
    assert ACT_HEAD not in text
    assert "(c. 22)" not in text
    assert "Schedule 1—Amendments" not in text
    assert "Crown copyright" not in text
    heads = {r.page for r in act.removed if r.reason == "running head"}
    assert heads == set(range(6, 21))
    for provision in act:
        assert not re.search(r"(^|\s)\d{1,2}$", provision.text), provision.ref


def test_enacting_formula_is_the_first_provision(act: Document) -> None:
    first = act.provisions[0]
    assert first.ref is None and first.heading is None
    assert first.page == 5
    assert first.text.startswith("BE IT ENACTED by the King’s most Excellent Majesty, by and")
    assert first.text.endswith("as follows:—")
    assert "B E IT" not in act.text


def test_front_and_back_matter_are_set_aside(act: Document) -> None:
    reasons = {(r.page, r.reason) for r in act.removed}
    assert {(1, "front matter"), (3, "contents"), (5, "long title")} <= reasons
    assert {(20, "back matter"), (21, "back matter"), (10, "heading")} <= reasons
    assert "£8.90" not in act.text and "CONTENTS" not in act.text
    contents = next(r for r in act.removed if r.reason == "contents")
    assert "7 Short title" in contents.text


def test_table_is_linearised_into_its_subsection(act: Document) -> None:
    assert act.by_ref("s.1(4)").text == (
        "The table below sets out the relevant uplift percentage for tax years 2026-27 to "
        "2029-30— Tax year Relevant uplift percentage 2026-27 2.3% 2027-28 3.1% 2028-29 4.0% "
        "2029-30 4.8%"
    )


def test_offsets_and_units_are_consistent(act: Document, si: Document) -> None:
    for document in (act, si):
        for provision in document:
            assert document.text[provision.start : provision.end] == provision.text
            if provision.ref:
                assert provision.ref.startswith(provision.unit), provision.ref


# ---------------------------------------------------------------- the SI


def test_si_regulations_and_count(si: Document) -> None:
    assert si.title == "The Children's Homes (England) Regulations 2015"
    assert si.kind == "si"
    numbers = [re.match(r"reg\.(\d+)", p.ref)[1] for p in si if p.ref and p.ref.startswith("reg.")]
    assert list(dict.fromkeys(numbers)) == [str(n) for n in range(1, 58)]
    schedules = {re.match(r"Sch \d+", p.ref)[0] for p in si if p.ref and p.ref.startswith("Sch")}
    assert schedules == {"Sch 1", "Sch 2", "Sch 3", "Sch 4", "Sch 5"}
    assert len(si) == 868
    assert si.provisions[0].ref is None
    assert si.provisions[0].text.startswith("The Secretary of State, having consulted such persons")


def test_si_exact_refs_headings_and_pages(si: Document) -> None:
    item = si.by_ref("reg.7(2)(a)(iv)")
    assert item.text == (
        "regularly consult children, and seek their feedback, about the quality of the home's care;"
    )
    assert (item.page, item.unit) == (9, "reg.7(2)")
    assert item.heading == "The children's views, wishes and feelings standard"
    assert item.part == "Part 2 — Quality standards and related matters"
    assert item.chapter == "Chapter 1 — Quality standards"
    first = si.by_ref("reg.1(1)")
    assert (first.page, first.heading, first.part) == (
        1,
        "Citation, commencement and application",
        "Part 1 — General",
    )
    involve = si.by_ref("reg.5(a)")
    assert involve.text.startswith("seek to involve each child's placing authority effectively")
    assert (involve.page, involve.unit) == (7, "reg.5")
    assert si.by_ref("reg.4(i)").text == "the care planning standard (see regulation 14)."
    assert si.by_ref("reg.6(2)(b)(viii)").page == 8
    assert si.by_ref("Sch 1 para 8").heading == "Views, wishes and feelings"
    assert si.by_ref("Sch 1 para 8").page == 39
    assert si.meta["schedules"]["Sch 2"]["side_ref"] == "Regulations 26, 28, and 32"


def test_si_closing_words_keep_the_outer_ref(si: Document) -> None:
    refs = _refs(si, "reg.6(2)(d)")
    assert refs == ["reg.6(2)(d)", "reg.6(2)(d)(i)", "reg.6(2)(d)(ii)", "reg.6(2)(d)"]
    closing = [p for p in si if p.ref == "reg.6(2)(d)"][-1]
    assert closing.text == "satisfies the conditions in paragraph (3)."
    assert closing.unit == "reg.6(2)"


def test_si_banners_and_notes_are_out_of_the_body(si: Document) -> None:
    text = si.text
    for furniture in ("Changes to legislation", "Document Generated", "Textual Amendments",
                      "Marginal Citations", "EXPLANATORY NOTE", "Edward Timpson"):  # fmt: skip
        assert furniture not in text
    assert not re.search(r"\b[FM]\d{1,3}\b", text)
    assert si.by_ref("reg.2(2)(e)").text == (
        "references to a partnership do not include a limited liability partnership."
    )
    definitions = " ".join(p.text for p in si if p.unit == "reg.2(1)")
    assert "Children Act 1989 or section 99 of the Social Services and Well-being (Wales) Act" in (
        definitions
    )
    removed = {(r.page, r.reason) for r in si.removed}
    assert {(page, "banner") for page in range(1, 47)} <= removed
    assert {(5, "note block"), (5, "note marker"), (38, "signature")} <= removed
    assert {(45, "explanatory note"), (47, "changes to legislation")} <= removed
    notes = "\n".join(r.text for r in si.removed if r.reason == "note block")
    assert "F1 Words in reg. 2(1) inserted (6.4.2016)" in notes
    assert "M23 2006 c.41." in notes
    markers = " ".join(r.text for r in si.removed if r.reason == "note marker").split()
    assert markers.count("M17") == 1 and "F11" in markers


def test_si_inserted_and_omitted_paragraphs(si: Document) -> None:
    assert si.by_ref("reg.22(1A)").text.startswith("Where paragraph (1B) applies any meeting")
    assert si.by_ref("reg.22(1D)").text.startswith("in this paragraph “coronavirus” means")
    assert si.by_ref("reg.3(1A)") is None
    omitted = next(r for r in si.removed if r.reason == "omitted provision")
    assert omitted.page == 6 and set(omitted.text) == {".", " "}


def test_si_reads_in_a_few_seconds(si_timed: tuple[Document, float]) -> None:
    assert si_timed[1] < 8.0


# ---------------------------------------------------------------- a Bill


def test_bill_is_detected(bill_path: Path) -> None:
    assert detect_kind(read_pdf_text(bill_path).pages) == "bill"


def test_bill_clauses_and_refs(bill: Document) -> None:
    assert bill.kind == "bill"
    assert bill.title == "Family Partnership Bill"
    assert bill.refs() == [
        None,
        "cl.1(1)",
        "cl.1(2)",
        "cl.1(2)(a)",
        "cl.1(2)(b)",
        "cl.1(2)(c)",
        "cl.1(3)",
        "cl.2(1)",
        "cl.2(2)",
        "cl.2(2)(a)",
        "cl.2(2)(b)",
        "cl.3(1)",
        "cl.3(2)",
        "cl.4",
        "Sch 1 para 1(1)",
        "Sch 1 para 1(2)",
        "Sch 1 para 1(2)(a)",
        "Sch 1 para 1(2)(b)",
        "Sch 1 para 2",
    ]
    assert bill.by_ref("cl.1(2)(a)").text == "consult the parent before the plan is made,"
    assert bill.by_ref("cl.1(2)(b)").text == (
        "have regard to the views, wishes and feelings of the parent and the child, and"
    )
    assert bill.by_ref("cl.1(1)").heading == "Duty to involve parents in planning"
    assert bill.meta["cross_headings"] == [
        {"text": "Planning with families", "page": 2, "before": "cl.1"}
    ]
    assert bill.provisions[0].text.startswith("BE IT ENACTED by the King’s most Excellent")


def test_bill_line_numbers_and_furniture_are_gone(bill: Document) -> None:
    # These lines carried the margin numbers 15, 10 and 15.
    assert bill.by_ref("cl.2(2)").text == "A review under subsection (1) must consider—"
    assert bill.by_ref("cl.4").text == "This Act may be cited as the Family Partnership Act 2026."
    assert bill.by_ref("Sch 1 para 1(2)(a)").text == "parents of children in need, and"
    assert not any(re.search(r"(^|\s)(5|10|15)(\s|$)", p.text) for p in bill)
    assert "Bill 42 60/1" not in bill.text and "Family Partnership Bill" not in bill.text
    numbers = [r.text for r in bill.removed if r.reason == "line number"]
    assert numbers == ["5\n10\n15", "5\n10\n15"]
    assert bill.meta["long_title"].startswith("A BILL TO Make provision for local authorities")


def test_bill_quoted_amendment_stays_in_its_clause(bill: Document) -> None:
    assert _refs(bill, "cl.3") == ["cl.3(1)", "cl.3(2)"]
    assert bill.by_ref("cl.3(2)").text.endswith(
        "(4C) The duty in subsection (4B) does not apply where— (a) the child is at risk of "
        "harm, or (b) the parent cannot be found.”"
    )
