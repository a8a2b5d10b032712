"""The structure parser on small hand-made line sequences (no layout)."""

from __future__ import annotations

from textmine.extract.legislation_contents import Contents
from textmine.extract.legislation_structure import StructureParser
from textmine.extract.pdf_lines import Line


def _parse(kind: str, text: str, contents: Contents | None = None, *, revised: bool = False):  # type: ignore[no-untyped-def]
    lines = [Line(page=1, text=raw) for raw in text.strip("\n").split("\n")]
    parser = StructureParser(kind, contents, revised=revised)
    return parser, parser.parse(lines)


ACT = """
BE IT ENACTED by the King’s most Excellent Majesty, as follows:—
PART 1
PARTNERSHIP
Planning
1 Duty to consult
(1) A local authority must consult—
(a) the child, and
(b) the parent.
(2) Schedule 1 amends the Children Act 1989.
2 Interpretation
In this Act “plan” means a plan under section 1.
SCHEDULE 1 Section 1
AMENDMENTS
1 In section 17 of the Children Act 1989 after subsection (1) insert—
“(1A) The authority must involve the parent.
(1B) Subsection (1A) does not apply—
(a) in an emergency.”
2 The Secretary of State may
(1)
by regulations amend this Schedule.
(2) Regulations under this paragraph are subject to negative procedure.
"""


def test_act_structure_without_layout() -> None:
    contents = Contents(sections={"1": "Duty to consult", "2": "Interpretation"})
    parser, provisions = _parse("act", ACT, contents)
    assert [p.ref for p in provisions] == [
        None,
        "s.1(1)",
        "s.1(1)(a)",
        "s.1(1)(b)",
        "s.1(2)",
        "s.2",
        "Sch 1 para 1",
        "Sch 1 para 2(1)",
        "Sch 1 para 2(2)",
    ]
    first, consult = provisions[0], provisions[1]
    assert first.text.startswith("BE IT ENACTED") and first.part is None
    assert consult.heading == "Duty to consult"
    assert consult.part == "Part 1 — PARTNERSHIP"
    assert consult.text == "A local authority must consult—"
    assert [p.unit for p in provisions[1:4]] == ["s.1(1)"] * 3
    assert parser.cross_headings == [{"text": "Planning", "page": 1, "before": "s.1"}]
    quoted = provisions[6]
    assert quoted.text.endswith("(1B) Subsection (1A) does not apply— (a) in an emergency.”")
    assert provisions[7].text == "The Secretary of State may by regulations amend this Schedule."
    assert parser.schedules == {"Sch 1": {"title": "AMENDMENTS", "side_ref": "Section 1"}}


SI = """
The Secretary of State makes the following Regulations.
Interpretation
1.—(1) In these Regulations—
“care plan” means—
(a) a plan, or
(b) a record;
“child” means a person under 18;
“parent” includes—
(a) a guardian.
(2) These Regulations apply in England.
Duty to involve
2. The registered person must—
(a) consult each child;
(b) inform the child's parent,
and keep a record of it.
\x003. . . . . . . .
Department for Education
A Minister
SCHEDULE 1 Regulation 2
Matters
1. A statement.
"""


def test_si_definitions_headings_omissions_and_signature() -> None:
    parser, provisions = _parse("si", SI, revised=True)
    assert [p.ref for p in provisions] == [
        None,
        "reg.1(1)",
        "reg.1(1)(a)",
        "reg.1(1)(b)",
        "reg.1(1)",
        "reg.1(1)(a)",
        "reg.1(2)",
        "reg.2",
        "reg.2(a)",
        "reg.2(b)",
        "Sch 1 para 1",
    ]
    assert provisions[4].text == "“child” means a person under 18; “parent” includes—"
    assert provisions[7].heading == "Duty to involve"
    # Without layout, closing words stay with the last item.
    assert provisions[9].text == "inform the child's parent, and keep a record of it."
    reasons = [(r.reason, r.text) for r in parser.removed]
    assert ("signature", "Department for Education\nA Minister") in reasons
    assert ("omitted provision", ". . . . . . .") in reasons
    assert parser.schedules["Sch 1"] == {"title": "Matters", "side_ref": "Regulation 2"}


def test_unbalanced_quote_is_closed_at_a_schedule() -> None:
    text = "1 Title\n(1) In section 2 insert “(3) A duty.\n(2) Another.\n"
    text += "SCHEDULE 1 Section 1\n1 A paragraph."
    _, provisions = _parse("act", text, Contents(sections={"1": "Title"}))
    assert [p.ref for p in provisions] == ["s.1(1)", "Sch 1 para 1"]
    assert provisions[0].text == "In section 2 insert “(3) A duty. (2) Another."


def test_a_line_a_note_marker_opens_keeps_its_list_open() -> None:
    """In a revised print a continuation line opened by a note marker ("F43in pursuance of
    ...") starts where the marker is printed, left of the list: the list stays open, so the
    inserted item after it ("(fa)") is an item of it."""
    rows = [
        (60.0, "BE IT ENACTED by the King’s most Excellent Majesty, as follows:—"),
        (60.0, "PART 1"),
        (60.0, "PARTNERS"),
        (60.0, "1 Partners"),
        (60.0, "(1) Each of the following is a partner of the authority—"),
        (80.0, "(a) a school in the area;"),
        (80.0, "(b) a person providing services ["),
        (60.0, "\x00in pursuance of section 9 of the Own Words Act 2026] in the area;"),
        (80.0, "["),
        (80.0, "\x00(ba) the proprietor of an academy in the area."),
    ]
    lines = [Line(page=1, text=text, x0=x0) for x0, text in rows]
    parser = StructureParser("act", None, revised=True)
    refs = [p.ref for p in parser.parse(lines) if p.ref is not None]  # not the enacting words
    assert refs == ["s.1(1)", "s.1(1)(a)", "s.1(1)(b)", "s.1(1)(ba)"]
