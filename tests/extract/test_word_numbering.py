"""Word's automatic numbering replayed from numbering definitions, and refs from labels."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from textmine.extract.word_numbering import Level, Numbering, ref_of


def _numbering(levels: str, overrides: str = "") -> Numbering:
    return Numbering(
        parse_xml(
            f"<w:numbering {nsdecls('w')}>"
            f'<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
            f'<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
            f'<w:num w:numId="6"><w:abstractNumId w:val="1"/>{overrides}</w:num>'
            "</w:numbering>"
        )
    )


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


LEGAL = (
    _lvl(0, "decimal", "%1")
    + _lvl(1, "decimal", "(%2)")
    + _lvl(2, "lowerLetter", "(%3)")
    + _lvl(3, "lowerRoman", "(%4)")
)


def _labels(numbering: Numbering, steps: list[tuple[str, int]]) -> list[str | None]:
    out = []
    for num_id, ilvl in steps:
        found = numbering.step(num_id, ilvl)
        out.append(ref_of(found) if found else None)
    return out


def test_levels_count_and_deeper_levels_restart() -> None:
    numbering = _numbering(LEGAL)
    steps = [
        ("5", 0),
        ("5", 1),
        ("5", 2),
        ("5", 2),
        ("5", 3),
        ("5", 1),
        ("5", 2),
        ("5", 0),
        ("5", 1),
    ]
    assert _labels(numbering, steps) == [
        "1", "1(1)", "1(1)(a)", "1(1)(b)", "1(1)(b)(i)", "1(2)", "1(2)(a)", "2", "2(1)",
    ]  # fmt: skip


def test_a_restarted_list_and_legal_numbering() -> None:
    numbering = _numbering(
        _lvl(0, "decimal", "%1.", start=3) + _lvl(1, "upperRoman", "%1.%2", extra="<w:isLgl/>"),
        overrides='<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride>',
    )
    assert _labels(numbering, [("5", 1), ("5", 1), ("6", 1), ("6", 0), ("6", 1)]) == [
        "3.1", "3.2", "7.1", "8", "8.1",
    ]  # fmt: skip
    assert numbering.step("0", 0) is None and numbering.step("99", 0) is None


def test_letters_past_z_and_bullets() -> None:
    numbering = _numbering(_lvl(0, "lowerLetter", "(%1)") + _lvl(1, "bullet", "•"))
    labels = [numbering.step("5", 0) for _ in range(28)]
    assert [ref_of(s) for s in labels if s][25:] == ["(z)", "(aa)", "(bb)"]
    bullet = numbering.step("5", 1)
    assert bullet is not None and bullet[-1] == (Level(1, "bullet", "•"), "•")
    assert ref_of(bullet) == "(bb)"  # a bullet adds nothing to its parent's ref


def test_refs_from_labels() -> None:
    dotted = [(Level(), "9."), (Level(text="%1.%2"), "9.14"), (Level(fmt="lowerLetter"), "(a)")]
    assert ref_of(dotted) == "9.14(a)"
    assert ref_of([(Level(fmt="none"), "")]) is None
    assert ref_of([(Level(), "Step 1")]) is None
