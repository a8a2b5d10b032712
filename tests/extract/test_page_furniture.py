"""Setting aside covers, contents, page numbers and footnotes."""

from __future__ import annotations

import pytest

from tests.conftest import ADOPTION_PDF, HOMES_GUIDE_PDF, KCSIE_PDF, VOL3_PDF, need
from textmine.extract.page_furniture import strip_furniture
from textmine.extract.pdf_fonts import CharStyle, LineFonts
from textmine.extract.pdf_source import read_pdf_text

COVER = "Statutory Guidance \non Adoption \nFor local authorities\nJuly 2013"
CONTENTS = (
    "2 \nContents\nSummary 3\nChapter 1: Arrangements 4\nChapter 2: Considering and \ndeciding 5\n"
)
BODY = (
    "3\nSummary\n1.1. The agency must consult the child. The agency \n"
    "should record the views of the child.\n"
    " 1 Selwyn, J. (2006) Costs and outcomes, \nLondon BAAF.\n"
)
BODY2 = "4\ncontinued text of the page\n1.2. More text.\n2 Neil, E. (2010) Supporting contact\n"


def test_synthetic_pages() -> None:
    furniture = strip_furniture([COVER, CONTENTS, BODY, BODY2])
    body = [(line.page, line.text) for line in furniture.lines]
    assert body == [
        (3, "Summary"),
        (3, "1.1. The agency must consult the child. The agency"),
        (3, "should record the views of the child."),
        (4, "continued text of the page"),
        (4, "1.2. More text."),
    ]
    reasons = [(r.page, r.reason) for r in furniture.removed]
    assert reasons == [
        (1, "cover"),
        (2, "page number"),
        (2, "contents"),
        (3, "page number"),
        (3, "footnote"),
        (4, "page number"),
        (4, "footnote"),
    ]
    assert furniture.title == "Statutory Guidance on Adoption For local authorities"
    assert furniture.lines[1].wrapped and not furniture.lines[2].wrapped


def test_footnote_needs_the_next_number() -> None:
    # ``7 under the Act`` near the foot is body text: lower case, and not the next note.
    page = "9\n14. Staff should know.\n7 under the Children Act 1989, \nespecially section 17.\n"
    furniture = strip_furniture(["Title page", page])
    assert [line.text for line in furniture.lines][-1] == "especially section 17."


@pytest.mark.parametrize(
    ("path", "counts"),
    [
        (ADOPTION_PDF, {"cover": 1, "page number": 243, "contents": 1, "footnote": 15}),
        (HOMES_GUIDE_PDF, {"cover": 1, "page number": 80, "contents": 2, "footnote": 27}),
        (KCSIE_PDF, {"cover": 1, "page number": 186, "contents": 3, "footnote": 71}),
        (VOL3_PDF, {"cover": 1, "page number": 121, "contents": 3, "footnote": 24}),
    ],
)
def test_real_documents(path, counts) -> None:  # type: ignore[no-untyped-def]
    pages = read_pdf_text(need(path)).pages
    furniture = strip_furniture(pages)
    found: dict[str, int] = {}
    for removed in furniture.removed:
        found[removed.reason] = found.get(removed.reason, 0) + 1
    assert {k: found.get(k, 0) for k in counts} == counts
    # (vol 3 reprints an SI whose CONTENTS, without page numbers, is kept as text)
    assert not any(line.text.lower() == "contents" and line.page < 10 for line in furniture.lines)


def _fonts(
    page: str,
    sizes: dict[int, float],
    small: dict[int, tuple[tuple[int, int], ...]],
    font: dict[int, str] | None = None,
) -> tuple[LineFonts, ...]:
    """Hand-made font sample: every line 12pt plain unless ``sizes`` says otherwise."""
    out = []
    for index, line in enumerate(page.split("\n")):
        style = CharStyle(sizes.get(index, 12.0), False, (font or {}).get(index, ""))
        out.append(LineFonts(len(line), style, style, small.get(index, ())))
    return tuple(out)


def test_footnotes_and_marks_told_by_type() -> None:
    page = (
        "5\nThe agency must consult the homes1 it runs.\nIt should record views.\n"
        "7 A note in small type that starts with no lead space,\nand runs on.\n"
    )
    fonts = _fonts(page, {3: 10.0, 4: 10.0}, {1: ((33, 34),), 3: ((0, 1),)})
    furniture = strip_furniture(["Title page", page], [None, fonts])
    assert [line.text for line in furniture.lines] == [
        "The agency must consult the homes it runs.",
        "It should record views.",
    ]
    reasons = [(r.reason, r.text) for r in furniture.removed if r.page == 2]
    assert reasons == [
        ("footnote mark", "1"),
        ("page number", "5"),
        ("footnote", "7 A note in small type that starts with no lead space,\nand runs on."),
    ]
    assert furniture.body_size == 12.0
    assert furniture.lines[0].size == 12.0 and furniture.lines[0].bold is False


def test_sub_bullet_in_courier_becomes_a_bullet() -> None:
    page = "3\nSchools should ensure that:\no they do not disadvantage children;\n"
    fonts = _fonts(page, {}, {}, {2: "CourierNewPSMT"})
    furniture = strip_furniture(["Title page", page], [None, fonts])
    assert furniture.lines[-1].text == "◦ they do not disadvantage children;"
    # Without fonts (or with a stale sample) the text is read as it is.
    plain = strip_furniture(["Title page", page], [None, fonts[:-1]])
    assert plain.lines[-1].text == "o they do not disadvantage children;"
