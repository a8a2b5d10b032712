"""Reading an Act's CONTENTS list."""

from __future__ import annotations

from tests.conftest import ACT_PDF, need
from textmine.extract.legislation_contents import parse_contents
from textmine.extract.pdf_lines import Line, read_lines
from textmine.extract.pdf_source import read_pdf_text

SCHEDULE_1 = (
    "Amendments to the Universal Credit Regulations 2013 in connection with new amounts of the "
    "LCWRA element"
)


def test_act_contents_with_layout() -> None:
    page = read_lines(read_pdf_text(need(ACT_PDF)))[2]
    at = next(i for i, line in enumerate(page) if line.text.strip() == "CONTENTS")
    contents = parse_contents([line for line in page[at + 1 :] if line.text.strip()])
    assert contents.sections["1"] == "Standard allowance for tax years 2026-27 to 2029-30"
    assert contents.sections["7"] == "Short title"
    assert list(contents.sections) == ["1", "2", "3", "4", "5", "6", "7"]
    # pypdfium2 reads "Schedule 1 —" after its two-line title; the positions put it back.
    assert contents.schedules == {
        "1": SCHEDULE_1,
        "2": "Northern Ireland: corresponding provision",
    }
    assert contents.cross_headings == [
        "Universal credit",
        "Corresponding provision for Northern Ireland",
        "Short title",
    ]


def test_contents_without_layout() -> None:
    lines = [
        Line(page=1, text=text)
        for text in (
            "Universal credit",
            "1 Standard allowance",
            "Amendments to the Universal Credit Regulations 2013 in",
            "connection with new amounts of the LCWRA element",
            "Schedule 1 —",
            "Schedule 2 — Northern Ireland: corresponding provision",
        )
    ]
    contents = parse_contents(lines)
    assert contents.sections == {"1": "Standard allowance"}
    assert contents.schedules["1"] == SCHEDULE_1
    assert contents.schedules["2"] == "Northern Ireland: corresponding provision"
