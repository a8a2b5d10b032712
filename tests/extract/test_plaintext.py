"""Tests of textmine.extract.plaintext: the contract's block rule, inference, decoding."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import ACT_PDF, need
from textmine.errors import EmptyInputError, InputError
from textmine.extract import extract, plaintext
from textmine.extract.document import Provision
from textmine.extract.pdf_source import PdfText


def parse(text: str, kind: str = "text") -> list[Provision]:
    return plaintext.parse_text([(None, text)], kind=kind)[0]


def refs_texts(text: str, kind: str = "text") -> list[tuple[str | None, str]]:
    return [(p.ref, p.text) for p in parse(text, kind)]


# --- the contract's block rule -----------------------------------------------------


def test_contract_example_block() -> None:
    text = (
        "9.14 The local authority must consult the child's parent and must not inform "
        "the school without consent.\n"
    )
    assert refs_texts(text) == [
        (
            "9.14",
            "The local authority must consult the child's parent and must not inform the "
            "school without consent.",
        )
    ]


def test_blocks_numbers_and_trailing_dots() -> None:
    text = (
        "1.2.3 Three-level number.\r\n\r\n\r\n"
        "9.15. Trailing dot,\nover two lines.\n   \n"
        "Unnumbered block.\n\n"
        "12. A flat number is not a contract ref.\n"
    )
    assert refs_texts(text) == [
        ("1.2.3", "Three-level number."),
        ("9.15", "Trailing dot, over two lines."),
        (None, "Unnumbered block."),
        (None, "12. A flat number is not a contract ref."),
    ]


def test_number_must_be_the_first_token() -> None:
    assert refs_texts("See 9.14 above.\n\n9.14x is not a number token.") == [
        (None, "See 9.14 above."),
        (None, "9.14x is not a number token."),
    ]


@given(
    st.integers(1, 99),
    st.integers(1, 99),
    st.booleans(),
    st.text(st.characters(whitelist_categories=("L",)), min_size=1, max_size=30),
)
def test_contract_rule_property(chapter: int, para: int, dot: bool, words: str) -> None:
    number = f"{chapter}.{para}"
    block = f"{number}{'.' if dot else ''} {words}"
    assert refs_texts(block) == [(number, words)]


# --- textmine's own inference -------------------------------------------------------


def test_own_ref_forms_lead_blocks_and_continue() -> None:
    text = (
        "s.27(3)(b) first\n\n(c) second\n\n(i) third\n\n(ii) fourth\n\n(4) fifth\n\n"
        "cl.12(3) clause\n\nreg.6(2) regulation\n\nart.3(1) article\n\n"
        "Sch 2 para 3 schedule\n\n(2) sub-paragraph\n\npara 123 flat\n\n[ref: Annex A 1] other"
    )
    assert [(p.ref, p.unit, p.text) for p in parse(text)] == [
        ("s.27(3)(b)", "s.27(3)", "first"),
        ("s.27(3)(c)", "s.27(3)", "second"),
        ("s.27(3)(c)(i)", "s.27(3)", "third"),
        ("s.27(3)(c)(ii)", "s.27(3)", "fourth"),
        ("s.27(4)", "s.27(4)", "fifth"),
        ("cl.12(3)", "cl.12(3)", "clause"),
        ("reg.6(2)", "reg.6(2)", "regulation"),
        ("art.3(1)", "art.3(1)", "article"),
        ("Sch 2 para 3", "Sch 2 para 3", "schedule"),
        ("Sch 2 para 3(2)", "Sch 2 para 3(2)", "sub-paragraph"),
        ("123", "123", "flat"),
        ("Annex A 1", "Annex A 1", "other"),
    ]


ACT_STYLE = """\
23 Duty to keep provision under review
(1) A local authority must keep under review—
(a) the educational provision,
(b) the training provision, and
(c) the social care provision,
made for children.
(2) The authority must consult—
(a) parents—
(i) of children, and
(ii) of young people, and
(b) schools.

24 Advice

(1) The authority must advise.

(2) It may inform.

Words after the list.

(3) Still section 24.
"""


def test_act_style_inference() -> None:
    assert [(p.ref, p.unit, p.heading, p.text) for p in parse(ACT_STYLE)] == [
        (
            "s.23(1)",
            "s.23(1)",
            "Duty to keep provision under review",
            "A local authority must keep under review—",
        ),
        (
            "s.23(1)(a)",
            "s.23(1)",
            "Duty to keep provision under review",
            "the educational provision,",
        ),
        (
            "s.23(1)(b)",
            "s.23(1)",
            "Duty to keep provision under review",
            "the training provision, and",
        ),
        (
            "s.23(1)(c)",
            "s.23(1)",
            "Duty to keep provision under review",
            "the social care provision, made for children.",
        ),
        (
            "s.23(2)",
            "s.23(2)",
            "Duty to keep provision under review",
            "The authority must consult—",
        ),
        ("s.23(2)(a)", "s.23(2)", "Duty to keep provision under review", "parents—"),
        ("s.23(2)(a)(i)", "s.23(2)", "Duty to keep provision under review", "of children, and"),
        (
            "s.23(2)(a)(ii)",
            "s.23(2)",
            "Duty to keep provision under review",
            "of young people, and",
        ),
        ("s.23(2)(b)", "s.23(2)", "Duty to keep provision under review", "schools."),
        ("s.24(1)", "s.24(1)", "Advice", "The authority must advise."),
        ("s.24(2)", "s.24(2)", "Advice", "It may inform."),
        (None, None, "Advice", "Words after the list."),
        ("s.24(3)", "s.24(3)", "Advice", "Still section 24."),
    ]


def test_markdown_section_heading_opens_a_section() -> None:
    text = "## Part 3 Children\n\n### 23 Duty to review\n\n(1) The authority must review.\n"
    assert [(p.ref, p.heading, p.part) for p in parse(text)] == [
        ("s.23(1)", "Duty to review", "Part 3 Children")
    ]


def test_letter_i_after_h_is_a_letter() -> None:
    letters = "abcdefghi"
    lines = "\n".join(f"({c}) item {c}," for c in letters)
    refs = [p.ref for p in parse(f"5 Lists\n(1) Lead—\n{lines}")]
    assert refs == ["s.5(1)"] + [f"s.5(1)({c})" for c in letters]


def test_act_style_prefix_follows_kind() -> None:
    text = "7 Consultation\n(1) The Minister must consult."
    assert [p.ref for p in parse(text, "bill")] == ["cl.7(1)"]
    assert [p.ref for p in parse(text, "si")] == ["reg.7(1)"]
    assert [p.ref for p in parse("6.—(1) The authority must notify.\n(2) It may.")] == [
        "reg.6(1)",
        "reg.6(2)",
    ]


def test_section_without_subsections_needs_a_legislation_kind() -> None:
    text = "24 Short title\nThis Act may be cited as the Example Act."
    assert refs_texts(text, "act") == [("s.24", "This Act may be cited as the Example Act.")]
    # As plain text with no subsection or list marker below it, a numbered heading line is a
    # heading, not a section (guidance has those too), and never part of the body text
    assert refs_texts(text) == [(None, "This Act may be cited as the Example Act.")]
    (provision,) = plaintext.parse_text([(None, text)], kind="text")[0]
    assert provision.heading == "24 Short title"


def test_section_heading_confirmed_by_a_subsection_or_list_below_it() -> None:
    extract_ = "19 Duties in general\n\n(4) The authority must consult the parent."
    assert refs_texts(extract_) == [("s.19(4)", "The authority must consult the parent.")]
    listed = "19Duties in general\nThe authority must have regard to—\n(a)the views of the child;"
    assert refs_texts(listed) == [
        ("s.19", "The authority must have regard to—"),
        ("s.19(a)", "the views of the child;"),
    ]


def test_marker_without_a_section_has_no_ref() -> None:
    assert refs_texts("(3) A bracketed number with nothing above.") == [
        (None, "(3) A bracketed number with nothing above.")
    ]


def test_escaped_block_is_literal() -> None:
    assert refs_texts("\\1.5 million children\n\n\\# not a heading") == [
        (None, "1.5 million children"),
        (None, "# not a heading"),
    ]


# --- Markdown -------------------------------------------------------------------------

MARKDOWN = """\
# Family Partnership Guidance

Intro words with **bold**, *italic*, _also italic_ and `code`.

# Part 3 Working together ##

## Chapter 1 Planning

### Consulting families

1.1 The authority should [consult parents](https://example.org/x "title") early.

> 1.2 Quoted paragraph with ![a chart](chart.png) inside.

---

## Chapter 2 Reviews

2.1 Reviews happen yearly; snake_case_words stay.

# Part 4 Annexes

Closing words.
"""


def test_markdown_headings_and_inline_markup() -> None:
    provisions, title = plaintext.parse_text([(None, MARKDOWN)])
    assert title == "Family Partnership Guidance"
    assert [(p.ref, p.text, p.heading, p.part, p.chapter) for p in provisions] == [
        (None, "Intro words with bold, italic, also italic and code.", None, None, None),
        (
            "1.1",
            "The authority should consult parents early.",
            "Consulting families",
            "Part 3 Working together",
            "Chapter 1 Planning",
        ),
        (
            "1.2",
            "Quoted paragraph with a chart inside.",
            "Consulting families",
            "Part 3 Working together",
            "Chapter 1 Planning",
        ),
        (
            "2.1",
            "Reviews happen yearly; snake_case_words stay.",
            None,
            "Part 3 Working together",
            "Chapter 2 Reviews",
        ),
        (None, "Closing words.", None, "Part 4 Annexes", None),
    ]


# --- files: decoding and errors ------------------------------------------------------


def test_read_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff9.14 Parents’ views.\n".encode())
    doc = plaintext.read(path)
    assert (doc.doc, doc.kind, doc.refs(), doc.text) == ("bom", "text", ["9.14"], "Parents’ views.")


def test_read_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.md"
    path.write_bytes("1.1 Consult families.\n".encode("utf-16"))
    assert plaintext.read(path).refs() == ["1.1"]


def test_cp1252_fallback_logs_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("1.1 The child’s parent – consulted.\n".encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="textmine.extract.plaintext"):
        doc = plaintext.read(path)
    assert doc.text == "The child’s parent – consulted."
    assert caplog.messages == [f"{path}: not valid UTF-8; read as Windows-1252 (cp1252)"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (bytes(range(256)) * 4, "not a text file (binary content)"),
        (
            b"\x89PNG\r\n\x1a\n" + bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 8,
            "not a text file (binary content)",
        ),
        (b"%PDF-1.7\n...", "not a text file (it is a PDF: give it the .pdf extension)"),
        (b"abc\x81\x8d\x8f\x90\x9d", "not a text file (neither UTF-8 nor Windows-1252)"),
    ],
)
def test_binary_named_txt(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        plaintext.read(path)
    assert str(caught.value) == f"{path}: {reason}"


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\n\t\n", encoding="utf-8")
    with pytest.raises(EmptyInputError, match="no text"):
        plaintext.read(path)


def test_kind_given(tmp_path: Path) -> None:
    path = tmp_path / "act.txt"
    path.write_text(ACT_STYLE, encoding="utf-8")
    doc = extract(path, kind="act")
    assert doc.kind == "act" and doc.refs()[0] == "s.23(1)"
    assert {p.kind for p in doc} == {"act"}


# --- PDFs read as text -----------------------------------------------------------------


def test_from_pdf_text_keeps_pages_and_failures(tmp_path: Path) -> None:
    pdftext = PdfText(
        path=tmp_path / "fake.pdf",
        pages=("1.1 First page.\n\n1.2 Still first.", None, "2.1 Third page."),
    )
    doc = plaintext.from_pdf_text(pdftext)
    assert [(p.ref, p.page) for p in doc] == [("1.1", 1), ("1.2", 1), ("2.1", 3)]
    assert (doc.kind, doc.pages, doc.failed_pages, doc.doc) == ("text", 3, (2,), "fake")


def test_real_pdf_forced_to_text() -> None:
    doc = extract(need(ACT_PDF), kind="text")
    assert doc.kind == "text"
    assert doc.pages == 21
    pages = [p.page for p in doc]
    assert pages == sorted(pages)  # type: ignore[type-var]
    assert pages[0] == 1 and pages[-1] == 21
    assert "Universal Credit Act 2025" in doc.text


# --- legislation data exported as text: a metadata header and outline numbers -----------

#: An Act as legislation data exports print it (written here): a ``Key: value`` header,
#: Markdown headings, and every provision number on a line of its own.
OUTLINE_ACT = """Title: Play Services Act 2031
Date: 2031-05-01
Identifier: http://www.legislation.gov.uk/ukpga/2031/7

## Play Services Act 2031

###### Duty to plan play services

1

1.1

A council must prepare a play plan for its area.

1.2

In preparing the plan, the council must—

1.2.a

consult the parents of children in the area, and

1.2.a.i

in particular those who care for disabled children, and

1.2.b

have regard to any guidance of the Secretary of State,

and must publish the plan.

###### Amendment of the Parks Act 1990

2

After section 4 of the Parks Act 1990 insert—

########## Play areas

2.4A

2.4A.1

A parks authority must co-operate with the council.

###### Short title

3

This Act may be cited as the Play Services Act 2031.
"""


def test_metadata_header_gives_title_and_kind(tmp_path: Path) -> None:
    path = tmp_path / "play.txt"
    path.write_text(OUTLINE_ACT, encoding="utf-8")
    doc = extract(path)
    assert doc.kind == "act" and doc.title == "Play Services Act 2031"
    assert not any("Identifier" in p.text for p in doc)  # the header is not body text
    si = OUTLINE_ACT.replace("ukpga/2031/7", "uksi/2031/12")
    path.write_text(si, encoding="utf-8")
    assert extract(path).kind == "si" and extract(path).refs()[0] == "reg.1(1)"
    assert extract(path, kind="guidance").kind == "guidance"  # a kind given wins


def test_outline_numbers_label_the_next_block(tmp_path: Path) -> None:
    path = tmp_path / "play.txt"
    path.write_text(OUTLINE_ACT, encoding="utf-8")
    rows = [(p.ref, p.unit, p.text) for p in extract(path)]
    assert rows == [
        ("s.1(1)", "s.1(1)", "A council must prepare a play plan for its area."),
        ("s.1(2)", "s.1(2)", "In preparing the plan, the council must—"),
        ("s.1(2)(a)", "s.1(2)", "consult the parents of children in the area, and"),
        ("s.1(2)(a)(i)", "s.1(2)", "in particular those who care for disabled children, and"),
        ("s.1(2)(b)", "s.1(2)", "have regard to any guidance of the Secretary of State,"),
        # the words closing the list continue its subsection
        ("s.1(2)", "s.1(2)", "and must publish the plan."),
        ("s.2", "s.2", "After section 4 of the Parks Act 1990 insert—"),
        # inserted text stays inside its host section
        ("s.2(4A)(1)", "s.2(4A)", "A parks authority must co-operate with the council."),
        ("s.3", "s.3", "This Act may be cited as the Play Services Act 2031."),
    ]
    # a heading marked with seven or more # is the inserted section's heading
    assert [p.heading for p in extract(path)][-2:] == ["Play areas", "Short title"]


def test_outline_numbers_in_other_text() -> None:
    # in guidance a dotted number on its own line is the next block's ref, as printed;
    # a bare number on a line of its own stays text
    text = "2.3\n\nSchools should consult parents.\n\n7\n\nSeven steps follow."
    assert refs_texts(text) == [
        ("2.3", "Schools should consult parents."),
        (None, "7"),
        (None, "Seven steps follow."),
    ]


def test_lettered_paragraph_of_a_regulation_is_in_its_unit(tmp_path: Path) -> None:
    path = tmp_path / "regs.txt"
    path.write_text(
        "Title: The Play Regulations 2031\nIdentifier: http://www.legislation.gov.uk/uksi/2031/3\n\n"
        "4\n\nThe council must—\n\n4.a\n\nnotify the parent, and\n\n4.b\n\nconsult the school.\n",
        encoding="utf-8",
    )
    assert [(p.ref, p.unit) for p in extract(path)] == [
        ("reg.4", "reg.4"),
        ("reg.4(a)", "reg.4"),
        ("reg.4(b)", "reg.4"),
    ]


def test_schedules_of_a_legislation_export_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "play.txt"
    text = OUTLINE_ACT + (
        "\n## Schedules\n\nPlay inspectors\n\nSection 1\n\n1\n\nAn inspector must consult the "
        "council.\n\n1.2\n\nThe council must co-\noperate with the inspector.\n\n"
        "Transitional provision\n\n(introduced by section 3)\n\n1\n\nThe old plans lapse.\n"
    )
    path.write_text(text, encoding="utf-8")
    rows = [(p.ref, p.part, p.heading, p.text) for p in extract(path)][-3:]
    assert rows == [
        ("Sch 1 para 1", "Schedule 1", "Play inspectors", "An inspector must consult the council."),
        # a word broken at a line-end hyphen is joined
        (
            "Sch 1 para 1(2)",
            "Schedule 1",
            "Play inspectors",
            "The council must co-operate with the inspector.",
        ),
        ("Sch 2 para 1", "Schedule 2", "Transitional provision", "The old plans lapse."),
    ]


def test_a_list_item_citing_a_section_is_no_schedule_title(tmp_path: Path) -> None:
    """``4.2.b`` then ``section 9.``: the item's text, not a schedule's title and its
    "introduced by" line; the body goes on as sections."""
    path = tmp_path / "play.txt"
    path.write_text(
        "Title: Play Services Act 2031\nIdentifier: http://www.legislation.gov.uk/ukpga/2031/7"
        "\n\n4\n\n4.2\n\nThe provisions are—\n\n4.2.a\n\nPart 1;\n\n4.2.b\n\nsection 9."
        "\n\n4.3\n\nThe council must consult the school.\n",
        encoding="utf-8",
    )
    assert [(p.ref, p.text) for p in extract(path)] == [
        ("s.4(2)", "The provisions are—"),
        ("s.4(2)(a)", "Part 1;"),
        ("s.4(2)(b)", "section 9."),
        ("s.4(3)", "The council must consult the school."),
    ]


def test_invisible_characters_are_dropped() -> None:
    assert refs_texts("2.1\n\nSchools must con\u200dsult\u2060 parents.") == [
        ("2.1", "Schools must consult parents.")
    ]
