"""The guidance PDF reader on the real DfE documents in ../shared/corpora.

The expected numbered paragraphs are worked out here, independently of the
reader: a plain regular expression over the raw pypdfium2 page text, kept when
the number continues the sequence (chapter.paragraph runs 1..n, flat numbers
run 1..N). Recall counts a paragraph as found only when the reader has its ref
on the same page. Exact pages and headings below were checked by eye.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import (
    ADOPTION_PDF,
    HOMES_GUIDE_PDF,
    KCSIE_PDF,
    LOCAL_OFFER_PDF,
    TEACHER_PDF,
    VOL3_PDF,
    need,
)
from textmine.extract import Document, extract, pdf_guidance
from textmine.extract.pdf_source import PdfText, read_pdf_text
from textmine.settings import Settings

CHAPTER_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,3})\.(?:\s|$)")
CHAPTER_PLAIN = re.compile(r"\s*(\d{1,2})\.(\d{1,3})(?:\s|$)")
FLAT = re.compile(r"(\d{1,3})\.(?:\s|$|(?=[A-Z]))")


def expected_chapter_paras(
    pages: tuple[str | None, ...], pattern: re.Pattern[str], first: int, last: int, *, gaps: int = 0
) -> dict[str, int]:
    """ref -> page of each chapter.paragraph number that continues the sequence.

    ``gaps`` allows that many missing numbers (the children's homes guide has no 14.1).
    """
    found: dict[str, int] = {}
    chapter, para = 0, 0
    for page in range(first, last + 1):
        for line in (pages[page - 1] or "").split("\n"):
            match = pattern.match(line)
            if not match:
                continue
            c, p = int(match[1]), int(match[2])
            same = c == chapter and para < p <= para + 1 + gaps
            new = c == chapter + 1 and p <= 1 + gaps
            if same or new:
                chapter, para = c, p
                found[f"{c}.{p}"] = page
    return found


def expected_flat(pages: tuple[str | None, ...], first: int, last: int) -> dict[str, int]:
    """number -> page of each flat paragraph number that continues 1, 2, 3 …"""
    found: dict[str, int] = {}
    number = 0
    for page in range(first, last + 1):
        for line in (pages[page - 1] or "").split("\n"):
            match = FLAT.match(line)
            if match and int(match[1]) == number + 1:
                number += 1
                found[str(number)] = page
    return found


def recall(document: Document, expected: dict[str, int], prefix: str = "") -> float:
    """Share of expected paragraphs the reader found, with the right page."""
    hits = sum(
        1
        for ref, page in expected.items()
        if (p := document.by_ref(prefix + ref)) is not None and p.page == page
    )
    return hits / len(expected)


@pytest.fixture(scope="module")
def adoption() -> tuple[Document, PdfText]:
    path = need(ADOPTION_PDF)
    return extract(path), read_pdf_text(path)


@pytest.fixture(scope="module")
def homes() -> tuple[Document, PdfText]:
    path = need(HOMES_GUIDE_PDF)
    return extract(path), read_pdf_text(path)


@pytest.fixture(scope="module")
def kcsie() -> tuple[Document, PdfText]:
    path = need(KCSIE_PDF)
    return extract(path), read_pdf_text(path)


@pytest.fixture(scope="module")
def vol3() -> tuple[Document, PdfText]:
    path = need(VOL3_PDF)
    return extract(path), read_pdf_text(path)


@pytest.fixture(scope="module")
def teacher() -> tuple[Document, PdfText]:
    path = need(TEACHER_PDF)
    return extract(path), read_pdf_text(path)


@pytest.fixture(scope="module")
def local_offer() -> Document:
    return extract(need(LOCAL_OFFER_PDF))


@pytest.fixture(scope="module")
def all_documents(adoption, homes, kcsie, vol3, teacher, local_offer) -> list[Document]:  # type: ignore[no-untyped-def]
    return [adoption[0], homes[0], kcsie[0], vol3[0], teacher[0], local_offer]


# -- recall of numbered paragraphs -------------------------------------------


def test_adoption_recall(adoption: tuple[Document, PdfText]) -> None:
    document, raw = adoption
    expected = expected_chapter_paras(raw.pages, CHAPTER_DOTTED, 1, raw.page_count)
    chapters = {ref.split(".")[0] for ref in expected}
    assert len(expected) == 811 and len(chapters) == 12  # chapter 13 is one unnumbered page
    # Each chapter runs 1..n with no gap, so the expected set is complete.
    for chapter in chapters:
        paras = sorted(int(r.split(".")[1]) for r in expected if r.split(".")[0] == chapter)
        assert paras == list(range(1, len(paras) + 1))
    assert recall(document, expected) >= 0.99
    assert document.meta["numbering"] == "dotted"
    assert sum(1 for p in document if p.ref) == 811


def test_homes_guide_recall(homes: tuple[Document, PdfText]) -> None:
    document, raw = homes
    main = expected_chapter_paras(raw.pages, CHAPTER_PLAIN, 1, 67, gaps=1)
    annex_a = expected_chapter_paras(raw.pages, CHAPTER_PLAIN, 68, 71)
    annex_b = expected_chapter_paras(raw.pages, CHAPTER_PLAIN, 72, raw.page_count)
    assert (len(main), len(annex_a), len(annex_b)) == (326, 4, 46)
    assert "14.1" not in main  # the guide goes from 13.6 to 14.2
    assert recall(document, main) >= 0.99
    assert recall(document, annex_a, "Annex A ") == 1.0
    assert recall(document, annex_b, "Annex B ") == 1.0
    assert document.meta["numbering"] == "plain"


def test_kcsie_recall(kcsie: tuple[Document, PdfText]) -> None:
    document, raw = kcsie
    main = expected_flat(raw.pages, 7, 143)
    annex_a = expected_flat(raw.pages, 144, 148)
    assert (len(main), len(annex_a)) == (562, 23)
    assert recall(document, main) >= 0.99
    assert recall(document, annex_a, "Annex A ") == 1.0
    numbered = [int(p.ref) for p in document if p.ref and p.ref.isdigit()]
    assert numbered == list(range(1, 563))  # strictly increasing, no false numbers


def test_vol3_recall(vol3: tuple[Document, PdfText]) -> None:
    document, raw = vol3
    expected = expected_chapter_paras(raw.pages, CHAPTER_DOTTED, 1, raw.page_count)
    assert len(expected) == 343
    assert recall(document, expected) >= 0.99


def test_designated_teacher_recall(teacher: tuple[Document, PdfText]) -> None:
    document, raw = teacher
    expected = expected_flat(raw.pages, 1, raw.page_count)
    assert len(expected) == 79
    assert recall(document, expected) >= 0.99
    # ``10.The most effective …``: no space after the number.
    assert document.by_ref("10").text.startswith("The most effective designated teachers")


# -- pages, headings and divisions checked by eye ------------------------------


@pytest.mark.parametrize(
    ("ref", "page", "heading"),
    [
        ("1.1", 14, "Agency policies and procedures"),
        ("1.19", 18, "Adoption panels"),
        ("1.30", 21, "Agency adviser to the panel: AAR 8"),
        ("1.31", 21, "Agency adviser to the panel: AAR 8"),
        ("2.64", 47, "Child’s permanence report: AAR 17"),
    ],
)
def test_adoption_pages_and_headings(
    adoption: tuple[Document, PdfText], ref: str, page: int, heading: str
) -> None:
    provision = adoption[0].by_ref(ref)
    assert provision is not None
    assert (provision.page, provision.heading) == (page, heading)


def test_adoption_chapters(adoption: tuple[Document, PdfText]) -> None:
    document = adoption[0]
    assert document.by_ref("1.1").chapter == "Chapter 1: Adoption agency arrangements"
    assert document.by_ref("8.1").chapter == (
        "Chapter 8: Adoption Agency and Local Authority Responsibilities in Court proceedings"
    )
    # ``Chapter 9`` alone inside chapter 7 is a cross-heading, not a chapter.
    assert document.by_ref("7.46").chapter == "Chapter 7: Contact"
    assert document.title is not None
    assert document.title.startswith("Statutory Guidance on Adoption")


def test_paragraph_across_page_break_is_one_provision(adoption: tuple[Document, PdfText]) -> None:
    text = adoption[0].by_ref("1.31").text
    assert "decision-making process" in text  # U+FFFE restored as a hyphen
    assert text.endswith("about the agency’s procedures and practices.")  # from page 22
    assert "\n22\n" not in text and " 22 " not in text
    assert adoption[0].by_ref("1.32").page == 22


def test_bullets_joined_as_lines(adoption: tuple[Document, PdfText]) -> None:
    text = adoption[0].by_ref("1.19").text
    lines = text.split("\n")
    assert lines[0].endswith("in respect of:")
    assert lines[1].startswith("whether a child should be placed for adoption, where there is")
    assert lines[-1].startswith("They are intended to be multi-disciplinary bodies")
    assert len(lines) == 5


@pytest.mark.parametrize(
    ("ref", "page", "heading", "part"),
    [
        ("1", 7, "A child centred and co-ordinated approach to safeguarding", "Part one"),
        ("17", 9, "What school and college staff need to know", "Part one"),
        ("18", 10, "Early help", "Part one"),
        ("469", 117, "Support for schools and colleges", "Part five"),
        ("562", 143, "Safeguarding other children", "Part five"),
    ],
)
def test_kcsie_pages_headings_parts(
    kcsie: tuple[Document, PdfText], ref: str, page: int, heading: str, part: str
) -> None:
    provision = kcsie[0].by_ref(ref)
    assert provision is not None
    assert (provision.page, provision.heading) == (page, heading)
    assert provision.part is not None and provision.part.startswith(part + ":")


def test_kcsie_false_numbers_rejected(kcsie: tuple[Document, PdfText]) -> None:
    document = kcsie[0]
    # ``… discussed at paragraph`` / ``469.`` on p.143 stays inside paragraph 559.
    assert document.by_ref("559").text.endswith("discussed at paragraph 469.")
    assert document.by_ref("469").page == 117
    annex = document.by_ref("Annex A 1")
    assert annex is not None and annex.page == 144
    assert annex.chapter == "Annex A: Safeguarding information for school and college staff"
    assert annex.part is None


def test_kcsie_footnotes_set_aside(kcsie: tuple[Document, PdfText]) -> None:
    document = kcsie[0]
    # A footnote mark moved to a line start is body text …
    assert "under the Children Act 1989, especially section 17" in document.by_ref("14").text
    # … the footnote at the foot of page 9 is not.
    assert "Detailed information on statutory assessments" not in document.text
    notes = [r for r in document.removed if r.reason == "footnote" and r.page == 9]
    assert notes and notes[0].text.startswith("7 Detailed information on statutory assessments")


@pytest.mark.parametrize(
    ("ref", "page", "heading"),
    [
        ("1.14", 7, "About the Quality Standards"),
        ("1.20", 8, "How this Guide works"),
        ("2.1", 10, "‘relevant plans’"),
        ("2.2", 11, "‘relevant persons’"),
        ("12.1", 60, "Appointment and fitness of registered persons"),
        ("14.2", 61, "Keeping records electronically"),
        ("Annex B 1.31", 77, "Appeals"),
    ],
)
def test_homes_guide_pages_and_headings(
    homes: tuple[Document, PdfText], ref: str, page: int, heading: str
) -> None:
    provision = homes[0].by_ref(ref)
    assert provision is not None
    assert (provision.page, provision.heading) == (page, heading)


def test_homes_guide_regulation_boxes_are_not_paragraphs(homes: tuple[Document, PdfText]) -> None:
    document = homes[0]
    standard = "The children’s views, wishes and feelings standard is"
    boxes = [p for p in document if standard in p.text]
    assert len(boxes) == 1
    assert boxes[0].ref is None and boxes[0].text.startswith("7.—(1) The children’s views")
    assert boxes[0].page == 20
    assert not any(p.ref in {"5", "6", "7", "8"} for p in document)


def test_vol3_headings(vol3: tuple[Document, PdfText]) -> None:
    provision = vol3[0].by_ref("1.9")
    assert (provision.page, provision.heading) == (8, "The Children and Young Persons Act 2008")
    assert provision.chapter == "Chapter 1: Introduction and summary"
    assert vol3[0].by_ref("7.12").chapter == (
        "Chapter 7: Planning and arranging suitable accommodation for the transition to "
        "independent living"
    )


def test_local_offer_is_kept_unnumbered(local_offer: Document) -> None:
    assert local_offer.meta["numbering"] is None
    assert all(p.ref is None for p in local_offer)
    coproduce = [p for p in local_offer if "co-produce a local offer" in p.text]
    assert len(coproduce) == 1
    assert coproduce[0].heading == "Developing the local offer with relevant persons"
    assert coproduce[0].page == 6
    # Bullets separated by blank lines stay in one provision.
    lead_in = "Your leaving care team will consider"
    listed = next(p for p in local_offer if p.text.startswith(lead_in))
    assert listed.text.split("\n")[1] == "You have special educational needs or a disability."
    assert len(listed.text.split("\n")) == 6


def test_unnumbered_introductions_kept(adoption: tuple[Document, PdfText]) -> None:
    intro = [p for p in adoption[0] if p.ref is None and p.heading == "Introduction"]
    assert intro and intro[0].page == 7
    assert intro[0].text.startswith("The importance of family life to a child cannot be")


# -- cleaning ------------------------------------------------------------------


def test_no_glyph_artefacts_in_any_provision(all_documents: list[Document]) -> None:
    for document in all_documents:
        for provision in document:
            assert "\uf0a7" not in provision.text and "\ufffe" not in provision.text
            assert not re.search("[\ue000-\uf8ff]", provision.text)
            assert provision.text == provision.text.strip()
            assert "  " not in provision.text
            for line in provision.text.split("\n"):
                assert line.strip() not in {"•", "▪"}
                assert not re.fullmatch(r"\d{1,4}", line.strip()), (document.doc, provision.ref)


def test_page_numbers_set_aside(all_documents: list[Document]) -> None:
    for document in all_documents:
        numbers = [r for r in document.removed if r.reason == "page number"]
        # Every page but the cover carries its number (see corpora/README.md).
        assert len(numbers) >= document.pages - 3, document.doc
        assert all(re.fullmatch(r"\d{1,4}", r.text) for r in numbers)
    adoption = all_documents[0]
    assert {r.page for r in adoption.removed if r.reason == "cover"} == {1}
    assert {r.page for r in adoption.removed if r.reason == "contents"} == {2}


def test_no_running_heads_in_body(all_documents: list[Document]) -> None:
    from textmine.extract.cleaning import edge_key

    for document in all_documents:
        openings: dict[str, set[int]] = {}
        for provision in document:
            first = edge_key(provision.text.split("\n")[0][:60])
            openings.setdefault(first, set()).add(provision.page or 0)
        assert max(len(pages) for pages in openings.values()) < 0.25 * (document.pages or 1)


def test_number_alone_on_a_line_is_joined(homes: tuple[Document, PdfText]) -> None:
    """pdftotext puts ``4.1`` alone on its line in this guide; the reader joins it back."""
    raw = homes[1]
    pages = list(raw.pages)
    page = pages[10]
    assert page is not None and "\n2.2 Any person, body or organisation" in page
    pages[10] = page.replace("\n2.2 Any person", "\n2.2\nAny person")
    split = pdf_guidance.read(replace(raw, pages=tuple(pages)), settings=Settings())
    assert split.by_ref("2.2").text == homes[0].by_ref("2.2").text
    assert split.by_ref("2.2").page == 11


def test_lone_bullet_glyph_joined_to_item(tmp_path: Path, kcsie: tuple[Document, PdfText]) -> None:
    raw = kcsie[1]
    pages = list(raw.pages)
    page = pages[6]
    assert page is not None and "\n• protecting children from maltreatment" in page
    pages[6] = page.replace("\n• protecting", "\n•\nprotecting")
    split = pdf_guidance.read(replace(raw, pages=tuple(pages)), settings=Settings())
    assert split.by_ref("3").text == kcsie[0].by_ref("3").text


# -- headings and footnotes told by type (fonts sampled while reading) --------


@pytest.mark.parametrize(
    ("ref", "ending", "next_ref", "heading"),
    [
        (
            "3.29",
            "followed as the relationship changes over time.",
            "3.30",
            "(b) To participate in",
        ),
        (
            "3.32",
            "with the young person about a reasonable way forward.",
            "3.33",
            "(c) To participate in",
        ),
        ("3.34", "making immediate contact with relevant agencies.", "3.35", "(d) To liaise with"),
        (
            "3.37",
            "quality and direction of the support that they receive.",
            "3.38",
            "(f) To keep informed",
        ),
        ("3.40", "worker to identify and resolve any problems.", "3.41", "(g) To keep full,"),
    ],
)
def test_vol3_adviser_function_headings_leave_the_text(
    vol3: tuple[Document, PdfText], ref: str, ending: str, next_ref: str, heading: str
) -> None:
    """Bold 16pt headings shaped like list items were merged into the paragraph above."""
    document = vol3[0]
    assert document.by_ref(ref).text.endswith(ending)
    following = document.by_ref(next_ref)
    assert following.heading is not None and following.heading.startswith(heading)
    assert "(b) To participate" not in document.by_ref("3.29").text


def test_vol3_superscript_mark_cut_from_heading(vol3: tuple[Document, PdfText]) -> None:
    assert vol3[0].by_ref("3.33").heading == "(c) To participate in the review of the pathway plan"
    marks = [r for r in vol3[0].removed if r.reason == "footnote mark" and r.page == 27]
    assert [r.text for r in marks] == ["8"]


def test_homes_guide_heading_ending_in_full_stop(homes: tuple[Document, PdfText]) -> None:
    document = homes[0]
    assert document.by_ref("2.8").text.endswith("if the child’s needs are not being met.")
    assert document.by_ref("2.9").heading == "Children on remand or sentenced to custody."
    assert document.by_ref("2.10").heading == "Children on remand or sentenced to custody."


def test_homes_guide_footnote_marks_removed(homes: tuple[Document, PdfText]) -> None:
    document = homes[0]
    assert "outcomes that we expect homes to achieve" in document.by_ref("1.2").text
    marks = [(r.page, r.text) for r in document.removed if r.reason == "footnote mark"]
    assert marks[:4] == [(4, "1"), (5, "2"), (10, "1"), (11, "4")]
    assert len(marks) == 29


def test_local_offer_headings_not_swallowed(local_offer: Document) -> None:
    assert not any("3. Examples of other support" in p.text for p in local_offer)
    housing = next(p for p in local_offer if p.text.startswith("If you are aged over 18"))
    assert (housing.page, housing.heading) == (12, "Accommodation")
    staying = next(p for p in local_offer if p.text.startswith("If this is what you and your"))
    assert staying.text.endswith("[Add link to Staying Put policy].")
    # A line that continues a sentence is not taken for a heading (plain body type).
    act = next(p for p in local_offer if "Economic Development and Construction Act" in p.text)
    assert act.page == 3


def test_adoption_table_bullet_does_not_swallow_heading(adoption: tuple[Document, PdfText]) -> None:
    document = adoption[0]
    assert document.by_ref("9.9").heading == "Adoption support services adviser (ASSA): ASR 6"
    assert not any(p.text.endswith("(ASSA): ASR 6") for p in document)


def test_kcsie_footnotes_told_by_type(kcsie: tuple[Document, PdfText]) -> None:
    document = kcsie[0]
    text = document.by_ref("242").text
    assert text.endswith("the position applied for field (see paragraph 264).")
    assert "It is not intended that personal care" not in text
    assert "This legislation does not provide a list of job roles" not in document.text
    notes = [r.text for r in document.removed if r.reason == "footnote" and r.page == 68]
    assert [n[:3] for n in notes] == ["76 "]  # one run: footnotes 76 and 77
    assert "\n77 This legislation" in notes[0]
    # Marks: ``Regulations 2002.77`` and ``(CCE)13`` lose their superscripts.
    assert "Regulations 2002.\n" in text
    assert document.by_ref("14").text.count("statutory assessments. under the Children Act") == 1
    headings = {p.heading for p in document}
    assert "Child criminal exploitation (CCE)" in headings
    assert "Child criminal exploitation (CCE)13" not in headings
    assert "the age of consent is 16\n" in document.by_ref("455").text


def test_designated_teacher_sub_bullets(teacher: tuple[Document, PdfText]) -> None:
    document = teacher[0]
    lines = document.by_ref("12").text.split("\n")
    assert lines[2].startswith("they do not unintentionally put looked-after and previously")
    assert lines[2].endswith("children at a disadvantage;")
    assert not any(line.startswith("o ") for p in document for line in p.text.split("\n"))
    assert not any(" o " in p.text for p in document)


def test_designated_teacher_unnumbered_text(teacher: tuple[Document, PdfText]) -> None:
    """Unnumbered provisions are the summary, boxed tips, further reading and both annexes."""
    document = teacher[0]
    numbered = [p for p in document if p.ref]
    unnumbered = [p for p in document if p.ref is None]
    assert (len(numbered), len(unnumbered)) == (79, 98)
    first, last = numbered[0].page, numbered[-1].page
    inside = {p.page for p in unnumbered if first <= (p.page or 0) <= last}
    assert inside == {20, 21, 28}  # the two "Top 5 tips" boxes and one "look like?" box


def test_headings_that_no_text_follows_are_kept_inspectable(
    vol3: tuple[Document, PdfText],
) -> None:
    """A heading followed at once by another heading is not lost: it is in ``removed``."""
    document, _ = vol3
    unused = [r for r in document.removed if r.reason == "heading without text"]
    assert any(r.text == "Preface" and r.page == 5 for r in unused)
    # The annexed SI's title block: each line is a heading with no text of its own.
    kept = " ".join(r.text for r in unused)
    assert "Laid before Parliament" in kept
