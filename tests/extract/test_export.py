"""Tests of textmine.extract.export: the ``text`` form reads back with the same provisions."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ACT_PDF, CLML_DIR, KCSIE_PDF, SI_PDF, need
from textmine.extract import extract, plaintext
from textmine.extract.document import Document, Provision, build_document
from textmine.extract.export import to_text, write_documents
from textmine.extract.refs import lead_for, split_lead, unit_of

DATA = Path(__file__).parent / "data"


def norm(text: str | None) -> str | None:
    """Whitespace collapsed; blank text is ``None`` (a blank title or label reads back as none)."""
    return " ".join(text.split()) or None if text else None


def view(document: Document) -> list[tuple[str | None, ...]]:
    """What must survive the round trip: ref, text, heading, part, chapter (normalised)."""
    return [(p.ref, norm(p.text), norm(p.heading), norm(p.part), norm(p.chapter)) for p in document]


def round_trip(document: Document, tmp_path: Path, name: str = "back.txt") -> Document:
    path = tmp_path / name
    path.write_text(to_text(document), encoding="utf-8")
    return plaintext.read(path)


# --- the ref grammar --------------------------------------------------------------


@pytest.mark.parametrize(
    ("ref", "lead", "unit"),
    [
        ("s.27(3)(b)", "s.27(3)(b)", "s.27(3)"),
        ("s.27", "s.27", "s.27"),
        ("cl.12(3)", "cl.12(3)", "cl.12(3)"),
        ("reg.6(2)(a)(ii)", "reg.6(2)(a)(ii)", "reg.6(2)"),
        ("art.7(b)(i)", "art.7(b)(i)", "art.7"),
        ("Sch 1 para 2(3)(a)", "Sch 1 para 2(3)(a)", "Sch 1 para 2(3)"),
        ("Sch para 4", "Sch para 4", "Sch para 4"),
        ("9.14", "9.14", "9.14"),
        ("1.2.3", "1.2.3", "1.2.3"),
        ("123", "para 123", "123"),
        ("Annex A 1", "[ref: Annex A 1]", "Annex A 1"),
    ],
)
def test_lead_and_unit(ref: str, lead: str, unit: str) -> None:
    assert lead_for(ref) == lead
    assert split_lead(f"{lead} Words follow.") == (ref, "Words follow.")
    assert unit_of(ref) == unit


# --- the property: any document reads back ---------------------------------------

_CHARS = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029")
_WORDS = st.text(_CHARS, min_size=1, max_size=40)
_TRICKY = st.sampled_from(
    [
        "1.5 million",
        "# not a heading",
        "\\ backslash",
        "<!-- a comment -->",
        "s.3 of the Act",
        "para 7 says",
        "[ref: x] y",
        "(1) bracket",
        "---",
        "> quote",
        "*emphasis*",
        "9.14.",
    ]
)
_TEXT = st.one_of(_WORDS, st.tuples(_TRICKY, _WORDS).map(" ".join), _TRICKY)
_LABEL = st.one_of(
    st.integers(1, 30).map(str),
    st.sampled_from(list("abcdefghi")),
    st.sampled_from(["i", "ii", "iv", "1A", "aa"]),
)
_OWN = st.tuples(
    st.sampled_from(["s.", "cl.", "reg.", "art.", "r.", "Sch 2 para ", "Sch para "]),
    st.integers(1, 200),
    st.lists(_LABEL, max_size=3),
).map(lambda t: f"{t[0]}{t[1]}" + "".join(f"({x})" for x in t[2]))
_REF = st.one_of(
    st.none(),
    _OWN,
    st.tuples(st.integers(1, 99), st.integers(1, 99)).map(lambda t: f"{t[0]}.{t[1]}"),
    st.integers(1, 999).map(str),
    st.sampled_from(["Annex A 3", "preamble", "A1", "Part 2"]),
)
_FIELD = st.one_of(
    st.none(), st.sampled_from(["Part 1 — Title", "Chapter 2", "# hash", "Overview"]), _WORDS
)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    provisions = [
        Provision(
            doc="",
            kind="text",
            ref=draw(_REF),
            text=draw(_TEXT),
            heading=draw(_FIELD),
            part=draw(_FIELD),
            chapter=draw(_FIELD),
        )
        for _ in range(draw(st.integers(1, 8)))
    ]
    title = draw(st.one_of(st.none(), _WORDS))
    return build_document(doc="gen", kind="text", path=None, provisions=provisions, title=title)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(documents())
def test_any_document_round_trips(tmp_path: Path, document: Document) -> None:
    back = round_trip(document, tmp_path)
    assert view(back) == view(document)
    assert back.title == norm(document.title)


def test_several_documents_in_one_text_stream(tmp_path: Path) -> None:
    one = clml_doc("family_partnership_act.xml")
    two = clml_doc("family_partnership_regulations.xml")
    handle = io.StringIO()
    write_documents([one, two], handle, "text")
    path = tmp_path / "both.txt"
    path.write_text(handle.getvalue(), encoding="utf-8")
    back = plaintext.read(path)
    assert view(back) == view(one) + view(two)


# --- real documents ---------------------------------------------------------------


def clml_doc(name: str) -> Document:
    return extract(DATA / name)


@pytest.mark.parametrize(
    "path",
    [
        DATA / "family_partnership_act.xml",
        DATA / "family_partnership_regulations.xml",
        CLML_DIR / "clml_fragment_ukpga_2022_44_section_4.xml",
        CLML_DIR / "clml_fragment_ukpga_2025_16_section_1.xml",
        CLML_DIR / "clml_fragment_uksi_2022_1406_part_2.xml",
    ],
    ids=lambda p: p.stem,
)
def test_clml_round_trip(path: Path, tmp_path: Path) -> None:
    document = extract(need(path))
    back = round_trip(document, tmp_path)
    assert view(back) == view(document)
    assert [p.unit for p in back] == [p.unit for p in document]
    assert back.title == document.title


def test_text_form_of_the_act_document() -> None:
    text = to_text(clml_doc("family_partnership_act.xml"))
    lines = text.splitlines()
    assert lines[:8] == [
        "<!-- textmine text export v1 -->",
        "",
        "# Family Partnership Act 2099",
        "",
        "Be it enacted by the test suite as follows:—",
        "",
        "## Part 1 — Planning with families",
        "",
    ]
    assert "s.1(2)(b)(i) each school in its area, and" in lines
    assert "Sch 1 para 2(2)(b) co-produce guidance with it." in lines
    assert "###" in lines  # Part 2 has no Chapter: the field is cleared explicitly


@pytest.fixture(scope="module")
def act_pdf() -> Document:
    return extract(need(ACT_PDF))


@pytest.fixture(scope="module")
def kcsie_pdf() -> Document:
    return extract(need(KCSIE_PDF))


def test_act_pdf_round_trip(act_pdf: Document, tmp_path: Path) -> None:
    back = round_trip(act_pdf, tmp_path)
    assert len(back) == len(act_pdf) > 100
    assert back.refs() == act_pdf.refs()
    assert view(back) == view(act_pdf)
    assert [p.unit for p in back] == [p.unit for p in act_pdf]


def test_flat_numbered_guidance_pdf_round_trip(kcsie_pdf: Document, tmp_path: Path) -> None:
    flat = [r for r in kcsie_pdf.refs() if r and r.isdigit()]
    assert len(flat) > 500  # KCSIE numbers its paragraphs 1, 2, 3 ...
    back = round_trip(kcsie_pdf, tmp_path)
    assert back.refs() == kcsie_pdf.refs()
    assert view(back) == view(kcsie_pdf)
    assert [p.unit for p in back] == [p.unit for p in kcsie_pdf]
    assert "para 1 " in to_text(kcsie_pdf)


def test_si_pdf_round_trip(tmp_path: Path) -> None:
    document = extract(need(SI_PDF))
    back = round_trip(document, tmp_path)
    assert view(back) == view(document)


# --- jsonl and csv ------------------------------------------------------------------


def test_jsonl_records() -> None:
    document = clml_doc("family_partnership_regulations.xml")
    handle = io.StringIO()
    write_documents([document], handle, "jsonl")
    records = [json.loads(line) for line in handle.getvalue().splitlines()]
    assert len(records) == len(document)
    assert records[2]["ref"] == "reg.2(1)" and records[2]["page"] is None
